# SPDX-License-Identifier: MIT
"""Runs a tutorial of docs/ (issue 10 §4: the docs cannot rot).

Every fenced ```sh block of the page is run, line by line (a trailing backslash continues a line,
`#` starts a comment, a leading `$ ` is dropped), with bash in a fresh temporary folder that holds
links to the repository's `tests`, `tables` and `docs` folders, so that the commands run as written
"from the repository root" while their outputs land in the temporary folder; `irio` is the built
binary. Any non-zero exit fails the test, naming the command.

What the page shows is compared with what irio prints (issue 18 §4), so the page fails when the
program changes:

- a ```text block right after a ```sh block (only blank lines between) is what that block's
  commands print on stdout, one command after the other (stderr, where the progress display
  goes, is not compared);
- a ```text block whose first line starts with `$ ` shows a command and its output (e.g.
  `$ grep ... file.csv` for the rows of a CSV file, `$ cat FILE` for a file's content): the
  command is run there and then, and its output compared with the lines below it;
- the comparison is line by line, trailing blanks ignored, and the whole output must match. Two
  marks, and only these, leave things out: a line that is only `…` stands for any number of
  lines (none included), and `…` inside a line for any text within that line (timings, paths,
  the tail of a long line). Every other character must be what irio prints, spaces included.

A mismatch fails the test with the command, the first line of the page that does not match and
a diff of the page's block against the output.

Other ```text blocks (none today) are not compared. Then, when --python-dir is given, the
```python blocks run as one doctest in the same folder (after the commands, whose files they
read), with ELLIPSIS and NORMALIZE_WHITESPACE.

    python3 tests/tutorials/run_tutorial.py --irio build/irio --root . [--python-dir build/python] \
        docs/tutorial-world.md
"""
import argparse
import difflib
import doctest
import functools
import os
import re
import subprocess
import sys
import tempfile
import time


def blocks(text, lang):
    """The bodies of the fenced blocks of one language, in order."""
    return [m.group(1) for m in re.finditer(r"^```" + lang + r"[ \t]*\n(.*?)^```[ \t]*$", text, flags=re.M | re.S)]


ELLIPSIS = "\u2026"


def steps(text):
    """The page's steps in order: (commands, expected output lines or None). A ```sh block's
    commands with the ```text block right after it; a ```text block starting with `$ ` as one
    command and the lines after it."""
    out = []
    fence = re.compile(r"^```(\w*)[ \t]*\n(.*?)^```[ \t]*$", flags=re.M | re.S)
    found = list(fence.finditer(text))
    for k, m in enumerate(found):
        lang, body = m.group(1), m.group(2)
        if lang == "sh":
            expected = None
            if k + 1 < len(found) and found[k + 1].group(1) == "text" and \
                    not text[m.end():found[k + 1].start()].strip() and \
                    not found[k + 1].group(2).startswith("$ "):
                expected = found[k + 1].group(2).splitlines()
            out.append((commands(body), expected))
        elif lang == "text" and body.startswith("$ "):
            lines = body.splitlines()
            out.append(([lines[0][2:]], lines[1:]))
    return out


def _line_pattern(line):
    return re.compile(".*".join(re.escape(part) for part in line.rstrip().split(ELLIPSIS)) + r"\Z", re.S)


def output_matches(expected, actual):
    """Whether the output lines `actual` are what the page's lines `expected` show (`…` rules
    above)."""
    exp = [e.rstrip() for e in expected]
    act = [a.rstrip() for a in actual]
    pats = [None if e == ELLIPSIS else _line_pattern(e) for e in exp]

    @functools.lru_cache(maxsize=None)
    def match(i, j):
        if i == len(exp):
            return j == len(act)
        if pats[i] is None:
            return any(match(i + 1, k) for k in range(j, len(act) + 1))
        return j < len(act) and pats[i].match(act[j]) is not None and match(i + 1, j + 1)

    return match(0, 0)


def first_mismatch(expected, actual):
    """The first line of the page that no reading of the output matches (for the message)."""
    for n in range(len(expected), 0, -1):
        if output_matches(expected[:n] + [ELLIPSIS], actual):
            return expected[n] if n < len(expected) else "(the page ends here; irio printed more)"
    return expected[0] if expected else "(the page shows nothing)"


def commands(body):
    out, cur = [], ""
    for line in body.splitlines():
        s = line.strip()
        if not cur and (not s or s.startswith("#")):
            continue
        if not cur and s.startswith("$ "):
            s = s[2:]
        if s.endswith("\\"):
            cur += s[:-1] + " "
            continue
        out.append(cur + s)
        cur = ""
    if cur:
        out.append(cur)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--irio", required=True)
    ap.add_argument("--root", required=True)
    ap.add_argument("--python-dir")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    ap.add_argument("page")
    a = ap.parse_args()
    root = os.path.abspath(a.root)
    page = os.path.join(root, a.page) if not os.path.isabs(a.page) else a.page
    text = open(page, encoding="utf-8").read()
    plan = steps(text)
    if not any(cmds for cmds, _ in plan):
        sys.exit(f"{page}: no ```sh commands found")
    work = tempfile.mkdtemp(prefix="irio_tutorial_")
    for d in ("tests", "tables", "docs"):
        os.symlink(os.path.join(root, d), os.path.join(work, d))
    bindir = os.path.join(work, ".bin")
    os.mkdir(bindir)
    os.symlink(os.path.abspath(a.irio), os.path.join(bindir, "irio"))
    env = dict(os.environ, PATH=bindir + os.pathsep + os.environ.get("PATH", ""), OPENBLAS_NUM_THREADS="1")
    env.setdefault("IRIO_GROUPINGS_DIR", os.path.join(root, "tables", "groupings"))
    failed = 0
    compared = 0
    stopped = False
    for cmds, expected in plan:
        printed = []
        for c in cmds:
            t0 = time.time()
            p = subprocess.run(["bash", "-c", "set -o pipefail; " + c], cwd=work, env=env, capture_output=True,
                               text=True)
            print(f"[{p.returncode}] {time.time() - t0:5.1f} s  {c}")
            if p.returncode != 0:
                failed += 1
                stopped = True
                print(f"FAILED ({os.path.basename(page)}): {c}\n--- stdout\n{p.stdout[-3000:]}\n--- stderr\n"
                      f"{p.stderr[-3000:]}")
                break  # later commands read this one's files
            printed += p.stdout.splitlines()
        if stopped:
            break
        if expected is None:
            continue
        compared += 1
        if not output_matches(expected, printed):
            failed += 1
            diff = "\n".join(difflib.unified_diff(expected, printed, "the page", "irio printed", lineterm="", n=2))
            print(f"FAILED ({os.path.basename(page)}): the output of\n  " + "\n  ".join(cmds) +
                  f"\nis not what the page shows; first line of the page that does not match:\n  "
                  f"{first_mismatch(expected, printed)}\n(`…` alone on a line: any lines; inside a line: any "
                  f"text)\n{diff}")
    print(f"outputs compared with the page: {compared}")
    py = "\n".join(blocks(text, "python"))
    if not failed and a.python_dir and py.strip():
        sys.path.insert(0, os.path.abspath(a.python_dir))
        os.environ.update({k: env[k] for k in ("IRIO_GROUPINGS_DIR", "OPENBLAS_NUM_THREADS")})
        cwd = os.getcwd()
        os.chdir(work)
        try:
            test = doctest.DocTestParser().get_doctest(py, {}, os.path.basename(page), page, 0)
            runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
            r = runner.run(test)
            print(f"python: {r.attempted} examples, {r.failed} failed")
            if r.attempted == 0 or r.failed:
                failed += 1
        finally:
            os.chdir(cwd)
    elif py.strip():
        print("python: not run (no --python-dir: the irio module is not built)")
    if a.keep:
        print("kept", work)
    else:
        subprocess.run(["rm", "-rf", work])
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
