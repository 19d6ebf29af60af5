# SPDX-License-Identifier: MIT
"""Runs a tutorial of docs/ (issue 10 §4: the docs cannot rot).

Every fenced ```sh block of the page is run, line by line (a trailing backslash continues a line,
`#` starts a comment, a leading `$ ` is dropped), with bash in a fresh temporary folder that holds
links to the repository's `tests`, `tables` and `docs` folders, so that the commands run as written
"from the repository root" while their outputs land in the temporary folder; `irio` is the built
binary. Any non-zero exit fails the test, naming the command. Then, when --python-dir is given, the
```python blocks run as one doctest in the same folder (after the commands, whose files they read),
with ELLIPSIS and NORMALIZE_WHITESPACE.

    python3 tests/tutorials/run_tutorial.py --irio build/irio --root . [--python-dir build/python] \
        docs/tutorial-world.md
"""
import argparse
import doctest
import os
import re
import subprocess
import sys
import tempfile
import time


def blocks(text, lang):
    """The bodies of the fenced blocks of one language, in order."""
    return [m.group(1) for m in re.finditer(r"^```" + lang + r"[ \t]*\n(.*?)^```[ \t]*$", text, flags=re.M | re.S)]


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
    cmds = [c for b in blocks(text, "sh") for c in commands(b)]
    if not cmds:
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
    for c in cmds:
        t0 = time.time()
        p = subprocess.run(["bash", "-c", "set -o pipefail; " + c], cwd=work, env=env, capture_output=True, text=True)
        print(f"[{p.returncode}] {time.time() - t0:5.1f} s  {c}")
        if p.returncode != 0:
            failed += 1
            print(f"FAILED ({os.path.basename(page)}): {c}\n--- stdout\n{p.stdout[-3000:]}\n--- stderr\n{p.stderr[-3000:]}")
            break  # later commands read this one's files
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
