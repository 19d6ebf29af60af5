# SPDX-License-Identifier: MIT
# The table jobs from Python write the same table as `irio import` (WIOD 1995 of tests/data), and
# their errors carry the CLI's exit code.
import os

import numpy as np
import pytest

import irio
from conftest import ROOT, cli_ok

WIOD_DIR = ROOT / "tests" / "data" / "wiod2013"


def test_import_wiod_equals_cli(tmp_path):
    t = irio.import_wiod(WIOD_DIR, tmp_path / "py.h5", year=1995)
    assert t.meta["year"] == "1995" and t.import_report.status in ("ok", "warning")
    cli_ok("import", "wiod", WIOD_DIR, "--year", "1995", "-o", tmp_path / "cli.h5")
    c = irio.open(tmp_path / "cli.h5")
    assert t.labels() == c.labels()
    for name in ("Z", "Y", "x", "V"):
        np.testing.assert_array_equal(t.matrix(name), c.matrix(name), err_msg=name)


def test_import_ceads_missing_workbook(tmp_path):
    with pytest.raises(irio.InputError) as e:
        irio.import_ceads(tmp_path / "none.xlsx", tmp_path / "c.h5")
    assert e.value.exit_code == 2 and "none.xlsx" in str(e.value)
    assert not os.path.exists(tmp_path / "c.h5")
