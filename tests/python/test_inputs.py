# SPDX-License-Identifier: MIT
# Python as a user gets it (issue 18 §5): DataFrames and dicts wherever a file path is taken
# (groupings, scenarios, region values), satellites in irio.from_arrays, one return type per
# method. Each result is compared with the same call given the CSV file, or with the CLI's output.
import numpy as np
import pandas as pd
import pytest

import irio
from conftest import EU27, ROOT, WIOD2011, assert_tidy_equal


@pytest.fixture(scope="module")
def eu_map():
    m = pd.read_csv(EU27, dtype=str, keep_default_na=False)
    return dict(zip(m["region"], np.where(m["country"] == "EU27", "EU", "rest")))


@pytest.fixture(scope="module")
def eu_file(tmp_path_factory, eu_map):
    path = tmp_path_factory.mktemp("groups") / "eu_rest.csv"
    pd.DataFrame({"member": list(eu_map), "group": list(eu_map.values())}).to_csv(path, index=False)
    return path


def same(a, b):
    for name in (a if isinstance(a, dict) else {None: a}):
        x, y = (a[name], b[name]) if name is not None else (a, b)
        pd.testing.assert_frame_equal(x.reset_index(drop=True), y.reset_index(drop=True), check_exact=False, rtol=1e-12)


def test_groupings_as_dataframe_and_dicts(wiod, eu_map, eu_file):
    from_file = wiod.chains(countries=EU27, groups=[eu_file])["participation_by_group"]
    df = pd.DataFrame({"member": list(eu_map), "group": list(eu_map.values())})
    df.attrs["name"] = "eu_rest"  # the grouping's name in the results, as the file's name
    same(wiod.chains(countries=EU27, groups=df)["participation_by_group"], from_file)
    by_member = wiod.chains(countries=EU27, groups=[eu_map])["participation_by_group"]
    assert set(by_member["grouping"]) == {"groups"}  # a dict is named "groups"
    by_group = {"EU": [r for r, g in eu_map.items() if g == "EU"], "rest": [r for r, g in eu_map.items() if g == "rest"]}
    def ordered(df):  # a dict {group: [members]} lists the groups in its own order
        return df.sort_values(["group", "indicator"]).reset_index(drop=True)

    same(ordered(wiod.chains(countries=EU27, groups=[by_group])["participation_by_group"]), ordered(by_member))
    np.testing.assert_allclose(by_member["value"].to_numpy(), from_file["value"].to_numpy(), rtol=1e-12)
    with pytest.raises(irio.InputError, match="member and group"):
        wiod.chains(groups=pd.DataFrame({"region": ["AUS"], "bloc": ["x"]}))


def test_scenarios_as_dataframe(wiod, eu_file, tmp_path):
    rows = {"scenario": ["eu_half", "all_more"], "factor": [0.5, 1.1], "origin": ["EU", "all"],
            "destination": ["EU", "all"], "closure": ["own_region", "imports"]}
    path = tmp_path / "s.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    want = wiod.scenario(path, countries=EU27, groups=[eu_file])
    same(wiod.scenario(pd.DataFrame(rows), countries=EU27, groups=[eu_file]), want)
    same(wiod.scenario(rows, countries=EU27, groups=[eu_file]), want)  # a dict of columns
    with pytest.raises(irio.InputError, match="destination"):
        wiod.scenario({"scenario": ["x"], "factor": [1.0], "origin": ["all"]})


def test_region_values_as_dict(wiod, tmp_path):
    pop = {r: 1.0 + i for i, r in enumerate(wiod.regions)}
    path = tmp_path / "pop.csv"
    pd.DataFrame({"region": list(pop), "value": list(pop.values())}).to_csv(path, index=False)
    want = wiod.disparity("gvc_forward", weights="population", population=path)
    same(wiod.disparity("gvc_forward", weights="population", population=pop), want)
    same(wiod.disparity("gvc_forward", weights="population", population=pd.Series(pop)), want)


def test_satellites_in_from_arrays():
    Z = np.array([[10.0, 20.0], [30.0, 5.0]])
    Y = np.array([[70.0], [65.0]])
    F = np.array([[2.0, 4.0], [1.0, 0.0]])
    t = irio.from_arrays(Z, Y, regions=["A"], sectors=["s1", "s2"], unit="EUR",
                         satellites={"Emissions": {"F": F, "stressors": ["CO2", "CH4"], "units": ["t", "kg"]}})
    assert t.satellites["Emissions"]["stressors"] == ["CO2", "CH4"]
    assert t.satellites["Emissions"]["units"] == ["t", "kg"]
    acc = t.footprints("Emissions")["footprints_Emissions"]
    # One region: everything is consumed at home, so D_cba_reg = D_pba_reg = F 1 per stressor
    # (an independent dense computation: S L y with x = row sums).
    x = Z.sum(axis=1) + Y[:, 0]
    M = (F / x) @ np.linalg.inv(np.eye(2) - Z / x)
    np.testing.assert_allclose(M @ Y[:, 0], F.sum(axis=1), rtol=1e-12)
    for k, stressor in enumerate(["CO2", "CH4"]):
        cba = acc[(acc.account == "D_cba_reg") & (acc.stressor == stressor)]["value"].sum()
        assert cba == pytest.approx((M @ Y[:, 0])[k], rel=1e-12)
    # One stressor given as n values, named after the satellite.
    t2 = irio.from_arrays(Z, Y, regions=["A"], sectors=["s1", "s2"], satellites={"Water": [3.0, 1.0]})
    assert "Water" in t2.satellites
    with pytest.raises(irio.InputError, match="columns"):
        irio.from_arrays(Z, Y, regions=["A"], satellites={"Bad": np.ones((1, 3))})


def test_one_return_type_per_method(wiod):
    assert isinstance(wiod.multipliers(), pd.DataFrame)
    assert isinstance(wiod.multiplier_split(), pd.DataFrame)
    with pytest.raises(irio.InputError, match="multiplier_split"):
        wiod.multipliers(split=True)


def test_without_the_extension_the_import_says_what_to_run(tmp_path):
    # The pure-Python files without the compiled part, as a build without pybind11 leaves them.
    import shutil
    import subprocess
    import sys

    pkg = tmp_path / "irio"
    pkg.mkdir()
    for f in (ROOT / "python" / "irio").glob("*.py"):
        shutil.copy(f, pkg / f.name)
    p = subprocess.run([sys.executable, "-c", "import irio"], cwd=tmp_path, capture_output=True, text=True,
                       env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert p.returncode != 0
    assert "bash setup.sh python" in p.stderr and "irio._irio" in p.stderr, p.stderr


def test_countries_as_dict(wiod, eu_file):
    m = pd.read_csv(EU27, dtype=str, keep_default_na=False)
    from_file = wiod.chains(countries=EU27)["participation"]
    same(wiod.chains(countries=dict(zip(m["region"], m["country"])))["participation"], from_file)
    same(wiod.chains(countries=m)["participation"], from_file)  # a DataFrame region,country
    t = irio.open(WIOD2011, countries=dict(zip(m["region"], m["country"])))
    assert "EU27" in t.countries
