# SPDX-License-Identifier: MIT
# Python results equal the CLI's: each verb of `irio` is run on the bundled WIOD 2011 table into a
# temporary folder, and its CSV files are compared with the DataFrames of the same call from
# Python (same columns in the same order, same keys row by row, values to 1e-12).
import numpy as np
import pandas as pd
import pytest

import irio
from conftest import EU27, PYMRIO_RAW, WIOD2011, assert_tidy_equal, cli_ok


def cli_tables(tmp_path, verb, *args, table=WIOD2011):
    """Run `irio VERB TABLE ARGS -o FOLDER` (one CSV per table in the folder)."""
    out = tmp_path / verb
    out.mkdir()
    cli_ok(verb, table, *args, "-o", out)
    return out


def assert_result_equal(result, folder):
    frames = result if isinstance(result, dict) else {result.attrs["table"]: result}
    written = sorted(p.stem for p in folder.glob("*.csv"))
    assert sorted(frames) == written
    for name, df in frames.items():
        assert_tidy_equal(df, folder / f"{name}.csv")


@pytest.fixture(scope="module")
def grouping(tmp_path_factory):
    """WIOD's regions in two groups: the EU members and the rest."""
    m = pd.read_csv(EU27, dtype=str, keep_default_na=False)
    path = tmp_path_factory.mktemp("groups") / "eu_rest.csv"
    pd.DataFrame({"member": m["region"], "group": np.where(m["country"] == "EU27", "EU", "rest")}).to_csv(
        path, index=False)
    return path


def test_multipliers(wiod, tmp_path):
    assert_result_equal(wiod.multipliers(), cli_tables(tmp_path, "multipliers"))


def test_multipliers_split(wiod, tmp_path):
    # One return type per method: the split is its own DataFrame, equal to the CLI's file.
    cli = cli_tables(tmp_path, "multipliers", "--split")
    split = wiod.multiplier_split()
    assert isinstance(split, pd.DataFrame) and split.attrs["table"] == "multiplier_split"
    assert_tidy_equal(split, cli / "multiplier_split.csv")
    assert_tidy_equal(wiod.multipliers(), cli / "multipliers.csv")
    with pytest.raises(irio.InputError, match="multiplier_split"):
        wiod.multipliers(split=True)


def test_linkages_and_ghosh(wiod, tmp_path):
    assert_result_equal(wiod.linkages(), cli_tables(tmp_path, "linkages"))
    assert_result_equal(wiod.ghosh(), cli_tables(tmp_path, "ghosh"))


def test_trade_wwz(wiod, tmp_path):
    r = wiod.trade("wwz")
    assert "wwz" in r and "diagnostics" in r
    assert_result_equal(r, cli_tables(tmp_path, "trade", "--method", "wwz"))


def test_trade_kww_country_perimeter(wiod, tmp_path):
    r = wiod.trade("kww", perimeter="country", countries=EU27)
    assert_result_equal(r, cli_tables(tmp_path, "trade", "--method", "kww", "--perimeter", "country",
                                      "--countries", EU27))


def test_trade_tiva(wiod, tmp_path):
    """OECD TiVA codes (methods.md §3.6): the CLI's tables, shares in percent, content adding up."""
    r = wiod.trade("tiva", perimeter="country", countries=EU27)
    assert list(r) == ["tiva", "tiva_sectors", "tiva_bilateral", "diagnostics"]
    tv = r["tiva"].pivot(index="country", columns="indicator", values="value")
    assert np.allclose(tv.EXGR_DVASH + tv.EXGR_FVASH, 100, rtol=0, atol=1e-9)
    assert np.allclose(tv.EXGR_DVA + tv.EXGR_FVA, tv.EXGR, rtol=1e-10)
    assert np.allclose(tv.EXGR_DDC + tv.EXGR_IDC + tv.EXGR_RIM, tv.EXGR_DVA, rtol=1e-12)
    assert (r["diagnostics"]["pass"] == "true").all()
    assert_result_equal(r, cli_tables(tmp_path, "trade", "--method", "tiva", "--perimeter", "country",
                                      "--countries", EU27))


def test_trade_my(wiod, tmp_path):
    """Miroudot-Ye as exvatools computes it (methods.md §3.4): BM's exporter-source values under MY's names."""
    r = wiod.trade("my", perimeter="country")
    assert list(r) == ["my_exporter", "diagnostics"]
    bm = wiod.trade("bm", perimeter="country")["bm_exporter_source"]
    my = r["my_exporter"].pivot_table(index=["exporter", "sector", "importer"], columns="measure", values="value")
    b = bm.pivot_table(index=["exporter", "sector", "importer"], columns="measure", values="value")
    assert list(r["my_exporter"]["measure"].unique()) == ["EXGR", "DC", "DVA", "DDC", "FC", "FVA", "FDC"]
    assert np.array_equal(my.EXGR, b.GEXP) and np.array_equal(my.FVA, b.FVA)
    assert np.allclose(my.DVA + my.DDC + my.FVA + my.FDC, my.EXGR, rtol=1e-12, atol=1e-9)
    assert_result_equal(r, cli_tables(tmp_path, "trade", "--method", "my", "--perimeter", "country"))


def test_trade_bmt(wiod, tmp_path):
    """Borin-Mancini-Taglioni tripartite GVC trade (methods.md §3.4): parts add up, shares of GVC sum to one."""
    r = wiod.trade("bmt")
    assert list(r) == ["bmt_trade", "bmt_participation", "diagnostics"]
    p = r["bmt_participation"].pivot(index="exporter", columns="indicator", values="value")
    assert np.allclose(p.GVC_PF + p.GVC_TS + p.GVC_PB, p.GVC, rtol=1e-12)
    assert np.allclose(p.PF_share + p.TS_share + p.PB_share, 1, rtol=0, atol=1e-12)
    assert np.allclose(p.forward_index, p.PF_share - p.PB_share, rtol=0, atol=1e-12)
    assert (r["diagnostics"]["pass"] == "true").all()
    assert_result_equal(r, cli_tables(tmp_path, "trade", "--method", "bmt"))


def test_embodied_country_perimeter(wiod, tmp_path):
    """EU27 as one country (methods.md §2.7): MRIO is the regional MRIO summed by country; EEBT is not."""
    r = wiod.embodied(of="value-added", perimeter="country", countries=EU27)
    assert (r["diagnostics"]["pass"] == "true").all()
    reg = wiod.embodied(of="value-added")
    eu = set(pd.read_csv(EU27).query("country == 'EU27'").region)
    assert len(eu) == 27

    def to_country(s):
        return s.where(~s.isin(eu), "EU27")

    t = reg["embodied_trade"]
    m = t[t.indicator == "mrio"].assign(exporter=lambda d: to_country(d.exporter), importer=lambda d: to_country(d.importer))
    agg = m.groupby(["exporter", "importer"])["value"].sum().sort_index()
    c = r["embodied_trade"]
    got = c[c.indicator == "mrio"].set_index(["exporter", "importer"])["value"].sort_index()
    assert np.allclose(got.values, agg.loc[got.index].values, rtol=1e-10)
    assert ("EU27", "EU27") in got.index and ("DEU", "FRA") not in got.index
    assert_result_equal(r, cli_tables(tmp_path, "embodied", "--of", "value-added", "--perimeter", "country",
                                      "--countries", EU27))


def test_chains_with_countries_and_groups(wiod, tmp_path, grouping):
    r = wiod.chains(countries=EU27, groups=[grouping])
    assert_result_equal(r, cli_tables(tmp_path, "chains", "--countries", EU27, "--groups", grouping))
    # the map applies to this call only: the table itself keeps each region its own country
    assert len(wiod.countries) == len(wiod.regions)


def test_position(wiod, tmp_path):
    assert_result_equal(wiod.position(), cli_tables(tmp_path, "position"))


def test_impact_file_and_frame(wiod, tmp_path):
    shock = pd.DataFrame({"region": ["CHN", "CHN", "DEU"], "sector": ["c14", "c3", "c14"],
                          "value": [100.0, 50.0, -20.0], "scenario": ["a", "a", "b"]})
    path = tmp_path / "shock.csv"
    shock.to_csv(path, index=False)
    folder = cli_tables(tmp_path, "impact", "--shock", path)
    assert_result_equal(wiod.impact(path), folder)
    assert_result_equal(wiod.impact(shock), folder)


def test_analyse(wiod, tmp_path):
    r = wiod.analyse()
    assert list(r)[:2] == ["multipliers", "multiplier_split"]
    out = tmp_path / "analyse"
    cli_ok("analyse", WIOD2011, "-o", out)
    assert_result_equal(r, out)


def test_footprints_pymrio(tmp_path):
    t = irio.open(PYMRIO_RAW, format="pymrio")
    sat = list(t.satellites)[0]
    r = t.footprints(sat)
    assert f"footprints_{sat}" in r
    assert_result_equal(r, cli_tables(tmp_path, "footprints", "--satellite", sat, "--format", "pymrio",
                                      table=PYMRIO_RAW))


def test_footprints_routes(tmp_path):
    """The routes of methods.md §2.3 from Python equal the CLI's: D_imp by product only with
    imports_by_sector=True, the multipliers' table with with_multipliers=True, and the accounts by
    region alone with regions_only=True, equal to the default route's."""
    t = irio.open(PYMRIO_RAW, format="pymrio")
    base = t.footprints("Emissions")["footprints_Emissions"]
    assert "D_imp" not in set(base.account) and "D_imp_reg" in set(base.account)
    r = t.footprints("Emissions", imports_by_sector=True, with_multipliers=True)
    assert "D_imp" in set(r["footprints_Emissions"].account) and "multipliers" in r
    assert_result_equal(r, cli_tables(tmp_path, "footprints", "--satellite", "Emissions", "--format", "pymrio",
                                      "--imports-by-sector", "--with-multipliers", table=PYMRIO_RAW))
    ro = t.footprints("Emissions", regions_only=True)["footprints_Emissions"]
    assert set(ro.account) == {"D_cba_reg", "D_pba_reg", "D_imp_reg", "D_exp_reg"}
    key = ["region", "stressor", "account"]
    both = ro.merge(base[base.account.isin(set(ro.account))], on=key, suffixes=("", "_default"))
    assert len(both) == len(ro)
    assert np.allclose(both["value"], both["value_default"], rtol=1e-12, atol=0)


def test_dtypes(wiod):
    m = wiod.multipliers()
    # the bundled table has WIOD's display names: name columns after the keys, as in the CLI CSV
    assert list(m.columns) == ["region", "sector", "indicator", "sector_name", "region_name", "value"]
    assert (m.loc[m.sector == "c14", "sector_name"] == "Electrical and optical equipment").all()
    assert m["value"].dtype == np.float64
    for c in m.columns[:-1]:
        assert m[c].map(type).eq(str).all(), c


def test_footprints_characterised(tmp_path):
    """`characterisation=` (the declaration's option): the impacts' table equals the CLI's, and the
    weighted impact is the factors times the stressors' accounts (methods.md §2.9)."""
    t = irio.open(PYMRIO_RAW, format="pymrio")
    cf = tmp_path / "cf.csv"
    cf.write_text("impact,stressor,compartment,factor,impact_unit\n"
                  "weighted,emission_type1,air,2.5,kg eq\nweighted,emission_type2,water,0.4,kg eq\n")
    r = t.footprints("Emissions", characterisation=cf)
    imp = r["footprints_Emissions_characterised"]
    assert set(imp.stressor) == {"weighted"} and set(imp.stressor_unit) == {"kg eq"}
    st = r["footprints_Emissions"]
    pick = lambda d, s: d[(d.stressor == s) & (d.account == "D_cba_reg")].set_index("region")["value"]
    want = 2.5 * pick(st, "emission_type1/air") + 0.4 * pick(st, "emission_type2/water")
    assert np.allclose(pick(imp, "weighted"), want, rtol=1e-12, atol=0)
    assert_result_equal(r, cli_tables(tmp_path, "footprints", "--satellite", "Emissions", "--format", "pymrio",
                                      "--characterisation", str(cf), table=PYMRIO_RAW))
    # the same factors as a DataFrame (pymrio users hold them so)
    frame = pd.read_csv(cf)
    r2 = t.footprints("Emissions", characterisation=frame)
    pd.testing.assert_frame_equal(r2["footprints_Emissions_characterised"], imp)
