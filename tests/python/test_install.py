# SPDX-License-Identifier: MIT
# `cmake --install` puts the package under <prefix>/<IRIO_PYTHON_INSTALL_DIR>/irio
# (lib/python3.X/site-packages), where it imports without the build tree: the extension finds the
# installed libirio.so (RUNPATH $ORIGIN/...) and the shipped groupings beside it.
import os
import shutil
import subprocess
import sys

import pytest

from conftest import BUILD, WIOD2011

SCRIPT = """
import irio, sys
assert irio.__file__.startswith(sys.argv[1]), irio.__file__
t = irio.open(sys.argv[2])
m = t.multipliers()
try:
    t.chains(groups=["four_regions"])
except irio.InputError as e:
    assert "grouping 'four_regions' names no region of the table (31 members" in str(e), e
print(len(m))
"""


@pytest.mark.skipif(shutil.which("cmake") is None or not os.environ.get("IRIO_PYTHON_INSTALL_DIR"),
                    reason="needs cmake and a build with install rules (IRIO_INSTALL)")
def test_installed_package(tmp_path):
    prefix = tmp_path / "prefix"
    subprocess.run(["cmake", "--install", str(BUILD), "--prefix", str(prefix)], check=True, capture_output=True)
    site = prefix / os.environ["IRIO_PYTHON_INSTALL_DIR"]
    assert (site / "irio" / "__init__.py").exists()
    env = dict(os.environ, PYTHONPATH=str(site))
    env.pop("IRIO_GROUPINGS_DIR", None)
    p = subprocess.run([sys.executable, "-c", SCRIPT, str(site), str(WIOD2011)], env=env, capture_output=True,
                       text=True, cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert int(p.stdout) > 0
