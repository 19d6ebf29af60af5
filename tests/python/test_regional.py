# SPDX-License-Identifier: MIT
# The provincial-research analyses from Python (circulation, disparity, scenario, sda, panel) equal
# the CLI's CSV files on WIOD 2011 with the EU grouped as one country, and on WIOD 1995 / 2011 read
# from the release folder in tests/data/wiod2013.
import os

import numpy as np
import pandas as pd
import pytest

import irio
from conftest import EU27, ROOT, WIOD2011, assert_tidy_equal, cli_ok

WIOD_DIR = ROOT / "tests" / "data" / "wiod2013"


def cli_tables(tmp_path, verb, *args, table=WIOD2011):
    """Run `irio VERB TABLE ARGS -o FOLDER` (one CSV per table in the folder)."""
    out = tmp_path / verb
    out.mkdir()
    cli_ok(verb, table, *args, "-o", out)
    return out


def assert_result_equal(result, folder, rtol=1e-12):
    frames = result if isinstance(result, dict) else {result.attrs["table"]: result}
    assert sorted(frames) == sorted(p.stem for p in folder.glob("*.csv"))
    for name, df in frames.items():
        assert_tidy_equal(df, folder / f"{name}.csv", rtol=rtol)


@pytest.fixture(scope="module")
def eu_rest(tmp_path_factory):
    """WIOD's regions in two groups: the EU members and the rest."""
    m = pd.read_csv(EU27, dtype=str, keep_default_na=False)
    path = tmp_path_factory.mktemp("groups") / "eu_rest.csv"
    pd.DataFrame({"member": m["region"], "group": np.where(m["country"] == "EU27", "EU", "rest")}).to_csv(
        path, index=False)
    return path


@pytest.fixture(scope="module")
def wiod_years():
    return irio.open(WIOD_DIR, format="wiod", year="1995"), irio.open(WIOD_DIR, format="wiod", year="2011")


def test_circulation(wiod, tmp_path, eu_rest):
    r = wiod.circulation(countries=EU27, groups=[eu_rest])
    assert list(r) == ["circulation", "coupling"]
    assert_result_equal(r, cli_tables(tmp_path, "circulation", "--countries", EU27, "--groups", eu_rest))


def test_circulation_options(wiod, tmp_path):
    r = wiod.circulation(countries=EU27, u1="nvc_backward", u2="gvc_backward", alpha=0.4, beta=0.6, normalize=False)
    assert_result_equal(r, cli_tables(tmp_path, "circulation", "--countries", EU27, "--u1", "nvc_backward",
                                      "--u2", "gvc_backward", "--alpha", "0.4", "--beta", "0.6", "--no-normalize"))


def test_disparity(wiod, tmp_path, eu_rest):
    r = wiod.disparity("gvc_forward", groups=[eu_rest], countries=EU27, weights="value_added")
    assert r.attrs["table"] == "disparity"
    assert_result_equal(r, cli_tables(tmp_path, "disparity", "--countries", EU27, "--groups", eu_rest,
                                      "--indicator", "gvc_forward", "--weights", "value_added"))
    # Theil between + within = total
    t = r[(r["measure"] == "theil_t") & (r["group"] == "all")].set_index("component")["value"]
    assert abs(t["between"] + t["within"] - t["total"]) < 1e-12


def test_disparity_bad_weights(wiod):
    with pytest.raises(irio.InputError):
        wiod.disparity(weights="people")


def test_scenario(wiod, tmp_path, eu_rest):
    s = tmp_path / "s.csv"
    s.write_text("scenario,factor,origin,destination,closure\n"
                 "eu_half,0.5,EU,EU,own_region\nall_more,1.1,all,all,imports\n")
    r = wiod.scenario(s, countries=EU27, groups=[eu_rest])
    assert set(r["scenario"]) == {"eu_half", "all_more"}
    assert_result_equal(r, cli_tables(tmp_path, "scenario", "--countries", EU27, "--groups", eu_rest,
                                      "--scenarios", s), rtol=1e-10)


def test_sda(wiod_years, tmp_path, eu_rest):
    t95, t11 = wiod_years
    r = irio.sda(t95, t11, quantity="output", groups=[eu_rest], countries=EU27)
    out = tmp_path / "sda"
    out.mkdir()
    cli_ok("sda", WIOD_DIR, WIOD_DIR, "--format", "wiod", "--years", "1995", "2011", "--quantity", "output",
           "--groups", eu_rest, "--countries", EU27, "-o", out)
    assert_result_equal(r, out)
    tot = r[r["scope"] == "total"].set_index("factor")["value"]
    parts = tot[["technology", "fd_level", "fd_mix"]].sum()
    assert abs(parts - tot["change"]) <= 1e-9 * abs(tot["change"])


def test_sda_final_demand_by_destination(wiod_years, tmp_path):
    """fd_split as --fd-split: the destination factors add up to the level and mix they replace."""
    t95, t11 = wiod_years
    r = irio.sda(t95, t11, quantity="value_added", fd_split="destination")
    out = tmp_path / "sda"
    out.mkdir()
    cli_ok("sda", WIOD_DIR, WIOD_DIR, "--format", "wiod", "--years", "1995", "2011", "--fd-split", "destination",
           "-o", out)
    assert_result_equal(r, out)
    tot = r[r["scope"] == "total"].set_index("factor")["value"]
    # A world table has no exogenous exports: the whole final demand is fd_domestic.
    assert "fd_domestic" in tot.index and "fd_level" not in tot.index
    parts = tot.drop(["change", "q0", "q1"]).sum()
    assert abs(parts - tot["change"]) <= 1e-9 * abs(tot["change"])
    with pytest.raises(irio.InputError):
        irio.sda(t95, t11, fd_split="nowhere")


def test_panel(wiod_years, tmp_path):
    r = irio.panel(list(wiod_years), verb="circulation", years=[1995, 2011], countries=EU27)
    assert list(r) == ["circulation", "coupling"]
    assert list(r["circulation"].columns)[0] == "year"
    assert set(r["circulation"]["year"]) == {"1995", "2011"}
    out = tmp_path / "panel"
    out.mkdir()
    cli_ok("panel", WIOD_DIR, WIOD_DIR, "--format", "wiod", "--years", "1995", "2011", "--verb", "circulation",
           "--countries", EU27, "-o", out)
    assert_result_equal(r, out)


def test_panel_refuses_different_labels(wiod, tmp_path):
    small = irio.from_arrays([[1.0, 0.5], [0.2, 2.0]], [[5.0], [6.0]], regions=["A"], sectors=["a", "b"])
    with pytest.raises(irio.InputError):
        irio.panel([wiod, small], verb="multipliers")


@pytest.fixture(scope="module")
def provincial(tmp_path_factory):
    """The synthetic CEADs workbook of docs/tutorial-provincial.md, imported (exogenous rest of the world)."""
    out = tmp_path_factory.mktemp("prov") / "prov.h5"
    irio.import_ceads(ROOT / "docs" / "tutorial-data" / "synthetic_ceads_2017.xlsx", out)
    return out


def test_provincial_circulation_disparity_scenario(provincial, tmp_path):
    t = irio.open(provincial)
    assert_result_equal(t.circulation(groups=["four_regions"]),
                        cli_tables(tmp_path, "circulation", "--groups", "four_regions", table=provincial))
    assert_result_equal(t.disparity("nvc_backward", groups=["four_regions", "north_south"], weights="output"),
                        cli_tables(tmp_path, "disparity", "--groups", "four_regions", "--groups", "north_south",
                                   "--indicator", "nvc_backward", "--weights", "output", table=provincial))
    s = ROOT / "docs" / "tutorial-data" / "unified_market.csv"
    assert_result_equal(t.scenario(s, groups=["four_regions"]),
                        cli_tables(tmp_path, "scenario", "--scenarios", s, "--groups", "four_regions",
                                   table=provincial), rtol=1e-10)


def test_provincial_chains_with_export_split(provincial, tmp_path):
    """`chains(export_split=...)` equals `irio chains --export-split`; forward GVC becomes identified."""
    t = irio.open(provincial)
    split = tmp_path / "split.csv"
    pd.DataFrame({"sector": list(t.sectors), "final_share": np.linspace(0.1, 0.9, len(t.sectors))}).to_csv(
        split, index=False)
    r = t.chains(export_split=split)
    assert_result_equal(r, cli_tables(tmp_path, "chains", "--export-split", split, table=provincial))
    part = r["participation"]
    fwd = part[(part["scope"] == "region") & (part["indicator"] == "gvc_forward")]["value"]
    assert fwd.notna().all() and (fwd > 0).all()
    assert t.chains()["participation"].query("scope == 'region' and indicator == 'gvc_forward'")["value"].isna().all()
