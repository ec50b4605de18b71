"""Every Python example in the README and docs/ runs as written.

Each runs in a fresh folder holding the project's fixtures (and, for the examples that
read one, a dataset published from them first); an example must print what it shows, or
define tests (``test_*``), which are then run. Examples that need a cluster or cloud
storage are listed in ``NOT_RUN`` with the reason."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCKS = [
    (doc, i, code)
    for doc in DOCS
    for i, code in enumerate(re.findall(r"```python\n(.*?)```", doc.read_text(encoding="utf-8"), re.S))
]
NOT_RUN = {("scale.md", 0): "needs a Spark session and cloud storage"}
NEEDS = {("scale.md", 1): "ray", ("scale.md", 2): "dask.bag"}


def test_the_docs_have_python_examples() -> None:
    assert len(BLOCKS) >= 4
    assert {doc.name for doc, _, _ in BLOCKS} >= {"README.md", "testing.md"}


@pytest.mark.parametrize(("doc", "index", "code"), BLOCKS, ids=[f"{doc.name}-{i}" for doc, i, _ in BLOCKS])
def test_doc_example_runs(
    doc: Path,
    index: int,
    code: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reason = NOT_RUN.get((doc.name, index))
    if reason:
        pytest.skip(reason)
    if (doc.name, index) in NEEDS:
        pytest.importorskip(NEEDS[doc.name, index])
    (tmp_path / "fixtures").symlink_to(ROOT / "fixtures")
    monkeypatch.chdir(tmp_path)
    if "my-dataset" in code:
        import interview_parser as ip

        ip.publish(ip.iter_parse(sorted((ROOT / "fixtures").glob("text-*/input.txt"))), "my-dataset")
    namespace: dict[str, object] = {"__name__": "docs_example"}
    exec(compile(code, str(doc), "exec"), namespace)
    tests = [f for name, f in namespace.items() if name.startswith("test_") and callable(f)]
    for test in tests:
        test()
    assert tests or capsys.readouterr().out.strip()  # every example shows what it does
