# SPDX-License-Identifier: MIT
# Errors arrive as irio.Error subclasses with the CLI's message and its exit code (README's table).
import numpy as np
import pytest

import irio
from conftest import run_cli


def test_classes():
    for cls, code in [(irio.InputError, 2), (irio.BalanceError, 3), (irio.NumericalError, 4),
                      (irio.OutputError, 5)]:
        assert issubclass(cls, irio.Error) and issubclass(cls, RuntimeError)
        assert cls.exit_code == code


def test_unknown_file_same_message_as_cli(tmp_path):
    missing = tmp_path / "no_such_table.h5"
    with pytest.raises(irio.InputError) as e:
        irio.open(missing)
    assert e.value.exit_code == 2
    assert "no_such_table.h5" in str(e.value)
    p = run_cli("multipliers", missing, "-o", tmp_path / "m.csv")
    assert p.returncode == e.value.exit_code
    assert p.stderr.strip() == f"irio: error: {e.value}"


def test_bad_option_value(wiod):
    with pytest.raises(irio.InputError) as e:
        wiod.trade("wwzz")
    assert e.value.exit_code == 2 and "wwzz" in str(e.value)


def test_grouping_not_covering_regions(wiod):
    # a shipped grouping is found (share/irio beside libirio), and refused for WIOD's regions
    with pytest.raises(irio.InputError) as e:
        wiod.chains(groups=["four_regions"])
    assert "four_regions" in str(e.value)


def test_balance_error():
    Z = np.array([[10.0, 20.0], [30.0, 5.0]])
    t = irio.from_arrays(Z, np.array([[50.0], [40.0]]), x=[500.0, 75.0])  # row 1 off by 420
    assert t.validate().status == "error"
    with pytest.raises(irio.BalanceError) as e:
        t.multipliers()
    assert e.value.exit_code == 3
    with pytest.raises(irio.BalanceError):
        t.validate(strict=True)


def test_matrix_refused_above_max_bytes(wiod):
    est = wiod.matrix_bytes("L")
    assert est == wiod.n * wiod.n * 8
    with pytest.raises(irio.InputError) as e:
        wiod.matrix("L", max_bytes=est - 1)
    assert str(est) in str(e.value) and "max_bytes" in str(e.value)
    with pytest.raises(irio.InputError):
        wiod.matrix("Q")


def test_output_exists(tmp_path):
    out = tmp_path / "t.h5"
    out.write_bytes(b"keep me")
    d = tmp_path / "csv"
    d.mkdir()
    (d / "Z.csv").write_text("region,,R,R\nsector,,a,b\nregion,sector,,\nR,a,1,2\nR,b,3,4\n")
    (d / "Y.csv").write_text("region,,R\ncategory,,f\nregion,sector,\nR,a,10\nR,b,20\n")
    with pytest.raises(irio.OutputError) as e:
        irio.import_csv(out, Z=d / "Z.csv", Y=d / "Y.csv")
    assert e.value.exit_code == 5
    assert out.read_bytes() == b"keep me"
    # with overwrite, the table is written and opened (its balance report attached)
    t = irio.import_csv(out, Z=d / "Z.csv", Y=d / "Y.csv", name="two sectors", overwrite=True)
    assert t.sectors == ["a", "b"] and t.meta["name"] == "two sectors" and t.import_report.ok
    assert irio.open(out).matrix("Z").tolist() == [[1.0, 2.0], [3.0, 4.0]]
