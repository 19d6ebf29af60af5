# SPDX-License-Identifier: MIT
# The walk-through of docs/python.md runs, and prints what the page shows (doctest, from the
# repository root, as the page says). Markdown fences end an example's expected output.
import doctest
import re

from conftest import ROOT


def test_python_md_walk_through(monkeypatch):
    monkeypatch.chdir(ROOT)
    path = ROOT / "docs" / "python.md"
    text = re.sub(r"^```.*$", "", path.read_text(encoding="utf-8"), flags=re.M)
    test = doctest.DocTestParser().get_doctest(text, {}, "python.md", str(path), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    r = runner.run(test)
    assert r.attempted > 20
    assert r.failed == 0
