# SPDX-License-Identifier: MIT
"""The tutorial runner fails when a page's shown output drifts from what irio prints (issue 18 §4).

Writes small pages into a temporary folder and runs tests/tutorials/run_tutorial.py on them with
the built irio: a page showing `irio --version`'s real line passes, the same page with one
character changed fails with a diff, `…` stands for lines and for text within a line, and a
`$ cat` block compares a file's content.

    python3 tests/tutorials/check_runner.py --irio build/irio --root .
"""
import argparse
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def run_page(irio, root, text):
    with tempfile.TemporaryDirectory() as d:
        page = os.path.join(d, "page.md")
        with open(page, "w", encoding="utf-8") as f:
            f.write(text)
        p = subprocess.run([sys.executable, os.path.join(HERE, "run_tutorial.py"), "--irio", irio, "--root", root, page],
                           capture_output=True, text=True)
        return p.returncode, p.stdout + p.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--irio", required=True)
    ap.add_argument("--root", required=True)
    a = ap.parse_args()
    version = subprocess.run([a.irio, "--version"], capture_output=True, text=True).stdout.strip()
    assert version, "irio --version printed nothing"
    sh = "```sh\nirio --version\nprintf 'one\\ntwo\\nthree\\n' > f.txt\n```\n\n"
    fails = []

    def expect(rc_want, text, what, must_show=()):
        rc, out = run_page(a.irio, a.root, text)
        ok = rc == rc_want and all(s in out for s in must_show)
        print(("ok  " if ok else "BAD ") + what)
        if not ok:
            fails.append(what)
            print(out)

    expect(0, sh + f"```text\n{version}\n```\n", "the real output passes")
    drifted = version[:-1] + ("X" if version[-1] != "X" else "Y")
    expect(1, sh + f"```text\n{drifted}\n```\n", "one changed character fails, with a diff",
           must_show=("first line of the page that does not match", f"-{drifted}", f"+{version}"))
    expect(1, sh + f"```text\n{version}\nan extra line\n```\n", "a line irio does not print fails")
    expect(1, sh + "```text\n```\n", "an empty block against printed output fails")
    expect(0, sh + f"```text\n{version[:2]}…\n```\n", "… inside a line stands for the rest of it")
    expect(1, sh + f"```text\n…{version}X…\n```\n", "… inside a line does not hide a wrong character")
    expect(0, sh + "```text\n…\n```\n", "… alone stands for any lines")
    expect(0, sh + "```text\n$ cat f.txt\none\n…\nthree\n```\n", "a $ command block is run and compared")
    expect(1, sh + "```text\n$ cat f.txt\none\nthree\n```\n", "a missing line without … fails")
    if fails:
        sys.exit(f"{len(fails)} check(s) failed: " + "; ".join(fails))


if __name__ == "__main__":
    main()
