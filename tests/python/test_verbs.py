# SPDX-License-Identifier: MIT
"""irio.Table's result methods are made from the library's verb declarations (issue 19): the
keywords, defaults and docstrings are the CLI's options, and a result that the CLI refuses with
exit code 4 (an infinite value) is irio.NumericalError with exit_code 4 in Python too."""
import inspect

import numpy as np
import pytest

import irio
from conftest import WIOD2011, run_cli


def test_keywords_and_defaults_are_the_cli_options():
    sig = inspect.signature(irio.Table.linkages)
    assert list(sig.parameters) == ["self", "forward", "weights", "cv"]
    assert sig.parameters["forward"].default == "ghosh"
    assert sig.parameters["cv"].default is False
    assert "Rasmussen coefficient of variation" in irio.Table.linkages.__doc__
    assert "one of ghosh, leontief" in irio.Table.linkages.__doc__
    chains = inspect.signature(irio.Table.chains)
    assert "other_group" in chains.parameters  # --other, which Python lacked before the declarations
    assert chains.parameters["countries"].kind is inspect.Parameter.KEYWORD_ONLY
    circ = irio.Table.circulation.__doc__ if irio.Table.circulation.__doc__ else ""
    assert "circulation" in circ
    assert inspect.signature(irio.Table.extraction).parameters["keep_diagonal"].default is True


def test_open_defaults_are_the_library_s():
    sig = inspect.signature(irio.open).parameters
    assert (sig["rel_tol"].default, sig["error_rel_tol"].default, sig["backend"].default) == (1e-6, 1e-2, "auto")
    assert "CLI --other" in irio.Table.chains.__doc__


def test_declarations_are_plain_data():
    verbs = {v["name"]: v for v in irio._irio.verbs()}
    assert verbs["extract"]["python_name"] == "extraction"
    alpha = next(o for o in verbs["circulation"]["options"] if o["name"] == "alpha")
    assert (alpha["min"], alpha["max"], alpha["default"]) == (0.0, 1.0, "0.5")
    assert [t["table"] for t in verbs["position"]["outputs"]] == ["position", "kpww", "diagnostics"]


def test_bounds_and_kinds_are_checked_as_on_the_command_line(tmp_path):
    t = irio.open(WIOD2011)
    with pytest.raises(irio.InputError, match=r"--alpha: 2 is outside 0 to 1"):
        t.circulation(alpha=2.0, beta=-1.0)
    with pytest.raises(irio.InputError, match="expects True or False"):
        t.linkages(cv="yes")
    p = run_cli("circulation", WIOD2011, "-o", tmp_path / "c.csv", "--alpha", "2")
    assert p.returncode == 2 and "--alpha: 2 is outside 0 to 1" in p.stderr


def test_an_infinite_result_is_exit_class_4_in_both(tmp_path):
    t = irio.open(WIOD2011)
    shock = np.zeros(t.n)
    shock[0] = 1.7e308  # times L_00 > 1: beyond the largest double
    with pytest.raises(irio.NumericalError) as e:
        t.impact(shock)
    assert e.value.exit_code == 4
    f = tmp_path / "shock.csv"
    f.write_text(f"region,sector,value\n{t.regions[0]},{t.sectors[0]},1.7e308\n")
    p = run_cli("impact", WIOD2011, "-o", tmp_path / "i.csv", "--shock", f)
    assert p.returncode == 4, p.stderr
    assert "infinite value" in p.stderr and not (tmp_path / "i.csv").exists()


def test_the_printed_summary_comes_with_the_result():
    t = irio.open(WIOD2011)
    t.ghosh()
    assert "Ghosh output va'G vs x" in t.last_summary


def test_a_new_verb_is_a_method_without_python_code(tmp_path):
    # `embodied` was added as a kernel and a declaration only (docs/architecture.md, "Adding a verb").
    from conftest import PYMRIO_RAW
    t = irio.import_pymrio(PYMRIO_RAW, tmp_path / "t.h5")
    r = t.embodied("Emissions")
    assert list(r) == ["embodied_trade", "embodied_balance", "diagnostics"]
    assert (r["diagnostics"]["pass"] == "true").all()
    assert "net exports embodied in trade" in t.last_summary
    assert list(inspect.signature(irio.Table.embodied).parameters) == ["self", "satellite", "of", "by_sector",
                                                                       "perimeter", "countries"]
    # value added, by exporting sector: the regions' value added absorbed by each final demand
    v = t.embodied(of="value-added", by_sector=True)
    assert list(v) == ["embodied_trade", "embodied_trade_by_sector", "embodied_balance", "diagnostics"]
    s = v["embodied_trade_by_sector"]
    mrio = s[s.indicator == "mrio"].groupby(["exporter", "importer"])["value"].sum()
    tr = v["embodied_trade"]
    want = tr[tr.indicator == "mrio"].set_index(["exporter", "importer"])["value"]
    assert np.allclose(mrio.sort_index(), want.sort_index(), rtol=1e-12, atol=1e-6)
