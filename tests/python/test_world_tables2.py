# SPDX-License-Identifier: MIT
# irio.open(format="exiobase") on a small EXIOBASE 3 release written here in the published layout
# (pymrio's txt layout: tab-separated, pandas' multi-row headers, file_parameters.json): Z = A x̂,
# V = the factor-input rows, the satellite with its units; a broken file raises InputError
# naming it. The C++ suite (tests/io/import_exiobase_test.cc) covers the layout in depth.
import json

import numpy as np
import pytest

import irio

REGIONS = ["AT", "WM"]
SECTORS = ["Paddy rice", "Wheat"]
CATS = ["Final consumption expenditure by households", "Exports: Total (fob)"]
FACTORS = ["Taxes less subsidies on products purchased: Total", "Operating surplus: Remaining net operating surplus"]


def header(index_names, levels):
    lines = []
    for name, labels in levels:
        lines.append("\t".join([name] + [""] * (len(index_names) - 1) + labels))
    lines.append("\t".join(index_names + [""] * len(levels[0][1])))
    return "\n".join(lines) + "\n"


def write_release(root, A, x, Y, F):
    root.mkdir(parents=True)
    rs = [(r, s) for r in REGIONS for s in SECTORS]
    rc = [(r, c) for r in REGIONS for c in CATS]

    def by_sector(name, M, cols, second):
        text = header(["region", "sector"], [("region", [c[0] for c in cols]), (second, [c[1] for c in cols])])
        for (r, s), row in zip(rs, M):
            text += "\t".join([r, s] + [repr(float(v)) for v in row]) + "\n"
        (root / name).write_text(text)

    by_sector("A.txt", A, rs, "sector")
    by_sector("Y.txt", Y, rc, "category")
    (root / "x.txt").write_text("region\tsector\tindout\n" + "".join(f"{r}\t{s}\t{v!r}\n" for (r, s), v in zip(rs, x)))
    (root / "unit.txt").write_text("region\tsector\tunit\n" + "".join(f"{r}\t{s}\tM.EUR\n" for r, s in rs))
    files = {k: {"name": f"{k}.txt", "nr_index_col": "2", "nr_header": "2" if k in "AY" else "1"}
             for k in ("A", "Y", "x", "unit")}
    (root / "file_parameters.json").write_text(json.dumps({"files": files, "name": "IO", "systemtype": "IOSystem"}))
    sat = root / "satellite"
    sat.mkdir()
    names = FACTORS + ["CO2 - combustion - air"]
    text = header(["stressor"], [("region", [c[0] for c in rs]), ("sector", [c[1] for c in rs])])
    for n, row in zip(names, F):
        text += "\t".join([n] + [repr(float(v)) for v in row]) + "\n"
    (sat / "F.txt").write_text(text)
    (sat / "unit.txt").write_text("stressor\tunit\n" + "".join(f"{n}\t{u}\n" for n, u in zip(names, ["M.EUR", "M.EUR", "kg"])))
    (sat / "file_parameters.json").write_text(json.dumps({
        "files": {"F": {"name": "F.txt", "nr_index_col": "1", "nr_header": "2"},
                  "unit": {"name": "unit.txt", "nr_index_col": "1", "nr_header": "1"}},
        "name": "satellite", "systemtype": "Extension"}))


def test_open_exiobase_release(tmp_path):
    rng = np.random.default_rng(3)
    A = rng.uniform(0, 0.2, (4, 4))
    x = rng.uniform(100, 200, 4)
    Z = A * x
    Y = np.zeros((4, 4))
    Y[:, 0] = (x - Z.sum(axis=1)) * 0.5
    Y[:, 2] = (x - Z.sum(axis=1)) * 0.5
    va = x - Z.sum(axis=0)
    F = np.vstack([0.3 * va, 0.7 * va, rng.uniform(0, 1e6, 4)])
    root = tmp_path / "IOT_2021_pxp"
    write_release(root, A, x, Y, F)

    t = irio.open(root, format="exiobase")
    np.testing.assert_allclose(t.matrix("Z"), Z, rtol=1e-14)
    np.testing.assert_array_equal(t.matrix("x"), x)
    np.testing.assert_array_equal(t.matrix("V"), F[:2])
    assert t.validate().status == "ok"
    labels = t.labels()
    assert list(labels["regions"]) == REGIONS and list(labels["sectors"]) == SECTORS


def test_open_exiobase_broken_cell(tmp_path):
    A = np.full((4, 4), 0.1)
    x = np.full(4, 100.0)
    root = tmp_path / "IOT_2021_pxp"
    write_release(root, A, x, np.ones((4, 4)), np.ones((3, 4)))
    text = (root / "A.txt").read_text().replace("0.1", "zero", 1)
    (root / "A.txt").write_text(text)
    with pytest.raises(irio.InputError) as e:
        irio.open(root, format="exiobase")
    assert e.value.exit_code == 2 and "A.txt:4" in str(e.value) and "'zero' is not a finite number" in str(e.value)
