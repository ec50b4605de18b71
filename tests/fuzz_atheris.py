"""Coverage-guided fuzzing of ``parse`` with atheris (opt-in; not collected by pytest).

Run (see docs/testing.md): ``pip install atheris`` then
``python tests/fuzz_atheris.py -atheris_runs=200000 fixtures/`` (libFuzzer flags; a folder
seeds the corpus with our fixtures). A crash is any exception that is not an
``InterviewParserError``, or an output that cannot be written as UTF-8 JSON; libFuzzer
saves the input as ``crash-*``: pin it with ``@example`` in tests/test_fuzz.py or as a
fixture.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from interview_parser import InterviewParserError, parse
    from interview_parser.jsonl import dumps


def one_input(data: bytes) -> None:
    try:
        t = parse(data)
    except InterviewParserError:
        return
    dumps(t).encode("utf-8")


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
