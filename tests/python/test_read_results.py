# SPDX-License-Identifier: MIT
# HDF5 results (`irio VERB ... -o r.h5`) read back into pandas with one call, irio.read_results,
# equal to the CSV results of the same command.
import pytest

import irio
from conftest import EU27, WIOD2011, assert_tidy_equal, cli_ok


def test_h5_results_read_back_equal_the_csv(tmp_path):
    h5 = tmp_path / "r.h5"
    cli_ok("multipliers", WIOD2011, "-o", h5)
    cli_ok("position", WIOD2011, "-o", h5)  # a second run in the same file
    cli_ok("multipliers", WIOD2011, "-o", tmp_path / "m.csv")
    cli_ok("position", WIOD2011, "-o", tmp_path / "p.csv")
    assert_tidy_equal(irio.read_results(h5, "multipliers"), tmp_path / "m.csv")
    pos = irio.read_results(h5, "position")
    assert set(pos) == {"position", "kpww", "diagnostics"}
    assert_tidy_equal(pos["position"], tmp_path / "p_position.csv")
    assert_tidy_equal(pos["kpww"], tmp_path / "p_kpww.csv")


def test_run_is_required_when_ambiguous_and_named_when_unknown(tmp_path):
    h5 = tmp_path / "r.h5"
    cli_ok("ghosh", WIOD2011, "-o", h5)
    assert len(irio.read_results(h5)) > 0  # one run: no name needed
    cli_ok("chains", WIOD2011, "--countries", EU27, "-o", h5)
    with pytest.raises(irio.InputError, match="2 runs"):
        irio.read_results(h5)
    with pytest.raises(irio.InputError, match="no run 'nope'"):
        irio.read_results(h5, "nope")
    with pytest.raises(irio.InputError) as e:
        irio.read_results(tmp_path / "missing.h5")
    assert e.value.exit_code == 2
