# SPDX-License-Identifier: MIT
# Structural path analysis from Python (irio.Table.paths, methods.md §2.8): the method comes from the
# verb's declaration; its tables join on rank (pandas); the paths of each order add up to the series
# term at threshold 0; the result equals the CLI's; errors are irio.InputError with the option named.
import numpy as np
import pandas as pd
import pytest

import irio
from conftest import PYMRIO_RAW, WIOD2011, cli_ok


@pytest.fixture(scope="module")
def pymrio_h5(tmp_path_factory):
    path = tmp_path_factory.mktemp("paths") / "t.h5"
    irio.import_pymrio(PYMRIO_RAW, path)
    return path


@pytest.fixture(scope="module")
def pymrio_table(pymrio_h5):
    return irio.open(pymrio_h5)


def test_paths_of_each_order_sum_to_the_series_term(pymrio_table):
    r = pymrio_table.paths(of="output", threshold=0, max_order=2, top=10**6)
    assert list(r) == ["paths", "path_nodes", "paths_by_order"]
    by = r["paths_by_order"].pivot(index="order", columns="indicator", values="value")
    for t in ["0", "1", "2"]:
        assert by.loc[t, "found"] == pytest.approx(by.loc[t, "series_term"], rel=1e-12)
        assert by.loc[t, "pruned_bound"] == 0
    assert int(by.loc[["0", "1", "2"], "paths"].sum()) == 48 + 48**2 + 48**3
    assert "coverage (found / total)" in pymrio_table.last_summary


def test_path_nodes_join_the_paths_on_rank(pymrio_table):
    r = pymrio_table.paths(satellite="Emissions", stressor="emission_type1/air", region="reg2", top=50)
    p = r["paths"].pivot(index="rank", columns="indicator", values="value")
    assert len(p) == 50
    values = p.loc[[str(k) for k in range(1, 51)], "value"].to_numpy()
    assert (np.diff(np.abs(values)) <= 0).all()  # rank 1 the largest
    nodes = r["path_nodes"]
    steps = nodes.groupby("rank")["step"].count()
    orders = r["paths"][r["paths"]["indicator"] == "value"].set_index("rank")["order"].astype(int)
    assert (steps.sort_index() == orders.sort_index() + 1).all()
    # The first node delivers to reg2's final demand; the path text runs final demand <- ... <- emitter.
    first = nodes[nodes["step"] == "0"].set_index("rank")
    text = r["paths"][r["paths"]["indicator"] == "value"].set_index("rank")["path"]
    for rank in ["1", "2", "3"]:
        assert text[rank].split(" <- ")[0] == first.loc[rank, "region"] + "/" + first.loc[rank, "sector"]


def test_python_equals_the_cli(pymrio_table, pymrio_h5, tmp_path):
    r = pymrio_table.paths(of="value-added", region="reg3", max_order=6, top=100)
    cli_ok("paths", pymrio_h5, "--of", "value-added", "--region", "reg3", "--max-order", "6", "--top", "100",
           "-o", tmp_path / "p.csv")
    c = pd.read_csv(tmp_path / "p_paths.csv", dtype={"rank": str, "order": str})
    pd.testing.assert_frame_equal(c[["rank", "order", "path", "indicator"]],
                                  r["paths"][["rank", "order", "path", "indicator"]].astype(str))
    assert np.allclose(c["value"], r["paths"]["value"], rtol=1e-14)


def test_wiod_value_added_paths_of_one_region():
    t = irio.open(WIOD2011)
    r = t.paths(of="value-added", region="CHN", threshold=1e-4, top=200)
    v = r["paths"][r["paths"]["indicator"] == "value"]["value"]
    share = r["paths"][r["paths"]["indicator"] == "share"]["value"]
    assert len(v) == 200 and (v > 0).all()
    assert 0 < share.sum() <= 1
    assert "Structural paths of value added for the final demand of region 'CHN'" in t.last_summary


def test_errors_name_the_option(pymrio_table):
    with pytest.raises(irio.InputError, match="name one with --stressor"):
        pymrio_table.paths(satellite="Emissions")
    with pytest.raises(irio.InputError, match="needs --satellite"):
        pymrio_table.paths()
    with pytest.raises(irio.InputError, match="--region 'nowhere' is not a region"):
        pymrio_table.paths(of="output", region="nowhere")
