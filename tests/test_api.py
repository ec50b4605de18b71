"""The public surface: names, entry points and the error hierarchy."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import interview_parser
from interview_parser import (
    BinaryInputError,
    EmptyInputError,
    InputTooLargeError,
    InterviewParserError,
    ParseOptions,
    ReadError,
    Transcript,
    UnknownStageError,
    parse,
    parse_file,
)

SMALL = "Intro line about the talk with Ann Lee.\n\nQ: Why?\nA: Because it matters to me.\n"


def test_all_is_sorted_and_pinned() -> None:
    # Sorted isort-style (constants, classes, functions), which ruff's RUF022 enforces.
    assert interview_parser.__all__ == [
        "SCHEMA_VERSION",
        "STAGE_NAMES",
        "BinaryInputError",
        "Bucket",
        "Caption",
        "ColumnError",
        "Diagnostic",
        "Draft",
        "EmptyInputError",
        "Exchange",
        "Failure",
        "InputError",
        "InputTooLargeError",
        "InternalError",
        "InterviewParserError",
        "MarkupError",
        "OptionsError",
        "OutputError",
        "ParseOptions",
        "ParseTimeoutError",
        "Participant",
        "Quality",
        "ReadError",
        "Role",
        "SchemaVersionError",
        "Segment",
        "Source",
        "Span",
        "Transcript",
        "Turn",
        "UnknownStageError",
        "__version__",
        "from_dict",
        "iter_parse",
        "parse",
        "parse_file",
        "publish",
        "read_dataset",
        "read_jsonl",
        "read_parquet",
        "to_arrow",
        "to_dict",
        "validate",
        "write_jsonl",
        "write_parquet",
    ]
    for name in interview_parser.__all__:
        assert hasattr(interview_parser, name)


def test_parse_accepts_str_and_bytes_alike() -> None:
    a = parse(SMALL)
    b = parse(SMALL.encode("utf-8"))
    assert a.exchanges == b.exchanges
    assert a.doc_id == b.doc_id


def test_doc_id_is_stable_and_content_derived() -> None:
    assert parse(SMALL).doc_id == parse(SMALL).doc_id
    assert parse(SMALL).doc_id != parse(SMALL + "\nQ: And?\nA: Yes, I think so.\n").doc_id


def test_errors_share_one_root_and_refine_builtins() -> None:
    for cls in (EmptyInputError, BinaryInputError, InputTooLargeError):
        assert issubclass(cls, InterviewParserError)
        assert issubclass(cls, ValueError)
    assert issubclass(ReadError, OSError)
    assert issubclass(UnknownStageError, KeyError)


@pytest.mark.parametrize("data", ["", "   \n\t\n", b"", b"\xef\xbb\xbf  \n"])
def test_empty_input_is_a_typed_error(data: str | bytes) -> None:
    with pytest.raises(EmptyInputError, match="no visible text"):
        parse(data)


def test_binary_input_is_a_typed_error() -> None:
    with pytest.raises(BinaryInputError, match="binary"):
        parse(os.urandom(4096) + b"\x00")


def test_text_without_structure_gives_a_diagnostic() -> None:
    t = parse("Just a note about the weather.\n\nIt rained all day and then it stopped.\n")
    assert t.exchanges == ()
    assert [d.code for d in t.diagnostics] == ["no-exchanges"]
    assert t.quality.is_interview == 0.0


def test_oversize_input_is_refused_before_parsing() -> None:
    with pytest.raises(InputTooLargeError, match="limit"):
        parse(b"Q: x?\nA: y.\n" * 100, options=ParseOptions(max_bytes=500))


def test_fifty_megabytes_of_text_is_refused_by_default() -> None:
    big = b"Q: Is this big?\nA: Yes, it is very big indeed.\n" * (50 * 1024 * 1024 // 44)
    with pytest.raises(InputTooLargeError):
        parse(big)


def test_unknown_stage_names_are_refused() -> None:
    with pytest.raises(UnknownStageError, match="nonsense"):
        parse(SMALL, options=ParseOptions(disabled_stages=frozenset({"nonsense"})))


def test_missing_file_is_a_read_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ReadError, match="cannot read"):
        parse_file(tmp_path / "nope.txt")


def test_a_stage_can_be_switched_off_by_name() -> None:
    text = (
        "An intro about the harbour master and her long year on the quay.\n\n"
        "Q: Why?\n\nA: Because the channel moves every winter, we think.\n\n"
        "Photo: The quay at dawn. (Gazette/A. Ruiz)\n\nQ: And?\n\nA: We chart it again, every year.\n"
    )
    assert [c.text for c in parse(text).captions] == ["Photo: The quay at dawn. (Gazette/A. Ruiz)"]
    without = parse(text, options=ParseOptions(disabled_stages=frozenset({"captions"})))
    assert without.captions == ()
    assert "Photo: The quay" in without.exchanges[0].answer.text


def test_parse_returns_frozen_records() -> None:
    t = parse(SMALL)
    assert isinstance(t, Transcript)
    with pytest.raises(AttributeError):
        t.title = "x"  # type: ignore[misc]


def test_documented_module_paths_stay_importable() -> None:
    """The export modules moved to ``interview_parser.export``; the paths earlier releases
    documented name the same objects."""
    import importlib

    for name in ("arrow", "spark", "parquet", "jsonl", "dataset"):
        old = importlib.import_module(f"interview_parser.{name}")
        new = importlib.import_module(f"interview_parser.export.{name}")
        assert old.__all__, name
        for attr in old.__all__:
            assert getattr(old, attr) is getattr(new, attr), (name, attr)


def test_no_stage_imports_another_stages_private_names() -> None:
    import ast
    from pathlib import Path

    import interview_parser.stages as stages

    for path in Path(stages.__path__[0]).glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                private = [a.name for a in node.names if a.name.startswith("_") and a.name != "__version__"]
                assert not private, (path.name, node.module, private)


def test_iter_parse_reads_folders_lazily_in_order_and_reports_failures(tmp_path: Path) -> None:
    from interview_parser import Failure, InterviewParserError, iter_parse

    (tmp_path / "b.txt").write_text("Q: Why?\n\nA: Because the tide was late.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Q: When?\n\nA: At dawn, before the boats.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"")
    failures: list[Failure] = []
    got = iter_parse(tmp_path, on_failure=failures.append)
    assert not isinstance(got, list)  # an iterator: nothing parsed before it is asked
    titles = [t.exchanges[0].question.text for t in got]
    assert titles == ["When?", "Why?"]
    assert [(Path(f.path).name, f.error) for f in failures] == [("c.txt", "EmptyInputError")]
    with pytest.raises(InterviewParserError, match=r"c\.txt"):
        list(iter_parse([tmp_path / "c.txt"]))
    with pytest.raises(InterviewParserError, match="jobs"):
        list(iter_parse(tmp_path, jobs=0))
    assert [len(t.exchanges) for t in iter_parse(tmp_path, jobs=2, on_failure=failures.append)] == [1, 1]


def test_to_arrow_gives_the_declared_tables() -> None:
    from interview_parser import parse, to_arrow
    from interview_parser.export.schema import EXCHANGES, TRANSCRIPTS

    ts = [parse("Q: Why?\n\nA: Because.\n\nQ: How?\n\nA: Slowly.\n"), parse("Nothing to see here.\n")]
    nested = to_arrow(ts)
    flat = to_arrow(ts, table="exchanges")
    assert nested.num_rows == 2 and nested.schema.remove_metadata() == TRANSCRIPTS.remove_metadata()
    assert flat.num_rows == 2 and flat.schema.remove_metadata() == EXCHANGES.remove_metadata()
    assert flat.column("answer").to_pylist() == ["Because.", "Slowly."]


def test_publish_and_validate_are_part_of_the_api(tmp_path: Path) -> None:
    from interview_parser import parse, publish, validate

    counts = publish([parse("Q: Why?\n\nA: Because.\n")], tmp_path / "ds")
    assert counts["documents"] == 1 and validate(tmp_path / "ds") == []


def test_records_print_compactly_and_say_what_they_are() -> None:
    from interview_parser import Caption, Exchange, Source, Transcript, parse

    answer = "Because the harbour finally has the money for it, and the tide tables agree. " * 20
    t = parse(f"Q: Why now?\n\nA: {answer}\n")
    assert len(repr(t)) < 300 and "exchanges=1" in repr(t)
    assert len(repr(t.exchanges[0])) < 200 and "Why now?" in repr(t.exchanges[0])
    for record in (Transcript, Exchange, Source, Caption):
        assert record.__doc__ and len(record.__doc__) > 40, record


def test_read_dataset_gives_back_what_was_published(tmp_path: Path) -> None:
    from interview_parser import ReadError, parse, publish, read_dataset

    docs = [parse(f"Q: Why {n}?\n\nA: Because of {n}.\n", uri=f"doc-{n}.txt") for n in range(5)]
    publish(docs, tmp_path / "ds", shard_size=2)
    assert list(read_dataset(tmp_path / "ds")) == docs
    with pytest.raises(ReadError, match="not a published dataset"):
        list(read_dataset(tmp_path))


def test_from_dict_builds_any_record() -> None:
    from interview_parser import Exchange, from_dict, parse, to_dict

    t = parse("Q: Why now?\n\nA: Because.\n")
    assert from_dict(to_dict(t)) == t
    assert from_dict(to_dict(t)["exchanges"][0], Exchange) == t.exchanges[0]


def test_a_users_script_is_clean_under_mypy_strict() -> None:
    """The public API is typed end to end: a script using it needs no casts."""
    api = pytest.importorskip("mypy.api")
    script = Path(__file__).with_name("typed_usage.py")
    out, err, status = api.run(["--strict", "--no-incremental", "--follow-imports=silent", str(script)])
    assert status == 0, out + err


def test_help_shows_the_public_api_first() -> None:
    import pydoc

    text = pydoc.render_doc(interview_parser, renderer=pydoc.plaintext)
    assert text.index("parse_file(path") < text.index("PACKAGE CONTENTS")
    for name in ("iter_parse", "publish", "read_dataset", "InterviewParserError"):
        assert name in text.split("PACKAGE CONTENTS")[0]


def test_writers_take_parse_options_as_given(tmp_path: Path) -> None:
    from interview_parser import ParseOptions, parse, publish, write_parquet
    from interview_parser.export.parquet import file_metadata

    t = parse("Q: Why now?\n\nA: Because.\n")
    write_parquet([t], tmp_path / "t.parquet", options=ParseOptions(min_interview_score=0.3))
    assert file_metadata(tmp_path / "t.parquet")["options"]["min_interview_score"] == 0.3
    assert publish([t], tmp_path / "ds", options=ParseOptions())["documents"] == 1


def test_importing_the_package_loads_no_pyarrow() -> None:
    """Parsing, JSONL and the command line's start need no Arrow: ``import interview_parser``
    cost 0.4 s, most of it pyarrow (and the installed version's metadata)."""
    import subprocess
    import sys

    code = (
        "import sys, interview_parser as ip\n"
        "assert 'pyarrow' not in sys.modules, 'pyarrow imported'\n"
        "ip.parse('Q: Why?\\nA: Because.\\nQ: And?\\nA: So.\\n')\n"
        "assert 'pyarrow' not in sys.modules, 'pyarrow imported by parse'\n"
        "from interview_parser import write_parquet, publish\n"
        "assert 'pyarrow' in sys.modules and callable(write_parquet) and callable(publish)\n"
        "assert ip.__version__\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_lazy_names_are_the_modules_own() -> None:
    from interview_parser.export import dataset, parquet

    assert interview_parser.write_parquet is parquet.write_parquet
    assert interview_parser.validate is dataset.validate
    assert "read_parquet" in dir(interview_parser)
    with pytest.raises(AttributeError, match="no_such_name"):
        interview_parser.no_such_name  # noqa: B018
