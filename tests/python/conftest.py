# SPDX-License-Identifier: MIT
# Paths of the Python suite. CTest sets them (python/CMakeLists.txt): PYTHONPATH=build/python,
# IRIO_BINARY (the `irio` command), IRIO_SOURCE_DIR (the bundled table and groupings),
# IRIO_VALIDATION_DATA (published results), IRIO_BUILD_DIR. Run by hand from the repository root:
#   PYTHONPATH=build/python python3 -m pytest tests/python
import os
import subprocess
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

ROOT = Path(os.environ.get("IRIO_SOURCE_DIR", Path(__file__).resolve().parents[2]))
BUILD = Path(os.environ.get("IRIO_BUILD_DIR", ROOT / "build"))
IRIO = os.environ.get("IRIO_BINARY", str(BUILD / "irio"))
VALIDATION = Path(os.environ.get("IRIO_VALIDATION_DATA", ROOT / "validation" / "data"))
WIOD2011 = ROOT / "tables" / "data" / "wiod2011.h5"
EU27 = ROOT / "tables" / "data" / "wiod2011_eu27.csv"
PYMRIO_RAW = VALIDATION / "pymrio_test" / "raw"


def run_cli(*args):
    """Run `irio ARGS`; returns the CompletedProcess (text)."""
    return subprocess.run([IRIO, *map(str, args)], capture_output=True, text=True)


def cli_ok(*args):
    p = run_cli(*args)
    assert p.returncode == 0, f"irio {' '.join(map(str, args))} exited {p.returncode}:\n{p.stderr}"
    return p


def read_tidy_csv(path):
    """A tidy CSV as irio writes it: every column as str, then the last (value) column as float
    with NA -> NaN."""
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    value = df.columns[-1]
    df[value] = [float("nan") if v == "NA" else float(v) for v in df[value]]
    return df


def assert_tidy_equal(df, path, rtol=1e-12):
    """A DataFrame from Python equals the CLI's CSV: same columns in the same order, same keys
    row by row, values to rtol (NaN where the CSV says NA)."""
    csv = read_tidy_csv(path)
    assert list(df.columns) == list(csv.columns), path
    assert len(df) == len(csv), path
    *keys, value = df.columns
    for k in keys:
        assert df[k].dtype == object and all(isinstance(v, str) for v in df[k].head(50)), k
        assert (df[k].to_numpy() == csv[k].to_numpy()).all(), f"{path}: column {k} differs"
    assert df[value].dtype == np.float64
    a, b = df[value].to_numpy(), csv[value].to_numpy()
    assert (np.isnan(a) == np.isnan(b)).all(), f"{path}: NA cells differ"
    ok = ~np.isnan(a)
    scale = max(1.0, float(np.abs(b[ok]).max())) if ok.any() else 1.0
    np.testing.assert_allclose(a[ok], b[ok], rtol=rtol, atol=rtol * scale, err_msg=str(path))


@pytest.fixture(scope="session")
def wiod():
    import irio

    return irio.open(WIOD2011)
