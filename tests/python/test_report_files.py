# SPDX-License-Identifier: MIT
# `irio report` read by independent readers: the xlsx workbook opened with openpyxl (sheets, cell
# values with the table's display names, native charts present) and the HTML page searched for the
# names. The names expected come from the table's labels (irio.open(...).labels), not from the
# report's own code.
import html
import re

import openpyxl  # Debian python3-openpyxl (bash setup.sh test installs it); a failure, not a skip, without it
import pytest

from conftest import EU27, WIOD2011, cli_ok


@pytest.fixture(scope="module")
def labels(wiod):
    lab = wiod.labels()
    assert any(n and n != c for c, n in zip(lab["regions"], lab["region_names"])), "the bundled table has region names"
    assert lab["sector_names"], "the bundled table has sector names"
    return lab


@pytest.fixture(scope="module")
def xlsx_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "report.xlsx"
    cli_ok("report", WIOD2011, "--countries", EU27, "--top", "10", "-o", out, "--quiet")
    return openpyxl.load_workbook(out)  # not read-only: charts are read too


def rows(sheet):
    return [list(r) for r in sheet.iter_rows(values_only=True)]


def test_xlsx_has_the_sheets_and_a_chart_on_each_chart_sheet(xlsx_report):
    names = set(xlsx_report.sheetnames)
    for s in ["Report", "table_summary", "participation_forward", "participation_backward", "levels_region_forward",
              "levels_region_backward", "top_multipliers", "top_multipliers_table", "diagnostics"]:
        assert s in names, s
    for s in ["participation_forward", "levels_region_backward", "top_multipliers"]:
        charts = xlsx_report[s]._charts
        assert len(charts) == 1, f"{s}: {len(charts)} charts"
        assert type(charts[0]).__name__ == "BarChart", s
        assert len(charts[0].series) >= 1, s
    for s in ["table_summary", "top_multipliers_table", "diagnostics"]:
        assert not xlsx_report[s]._charts, s
    # The text sheet points to every chart and table sheet.
    text = "\n".join(str(r[0]) for r in rows(xlsx_report["Report"]) if r[0])
    assert text.startswith("irio report")
    assert "sheet 'participation_forward'" in text


def test_xlsx_region_charts_name_every_region(xlsx_report, labels):
    name_of = dict(zip(labels["regions"], labels["region_names"]))
    for s in ["participation_forward", "levels_region_backward"]:
        head, *body = rows(xlsx_report[s])
        assert head[:2] == ["category", "label"], s
        assert sorted(r[0] for r in body) == sorted(labels["regions"]), s
        for r in body:
            assert r[1] == f"{r[0]} {name_of[r[0]]}", (s, r)
        values = [v for r in body for v in r[2:] if isinstance(v, float)]
        assert values and all(0 <= v <= 1 + 1e-9 for v in values), s  # shares


def test_xlsx_top_multipliers_carry_region_and_sector_names(xlsx_report, labels):
    region_name = dict(zip(labels["regions"], labels["region_names"]))
    sector_name = dict(zip(labels["sectors"], labels["sector_names"]))
    head, *body = rows(xlsx_report["top_multipliers_table"])
    assert head == ["rank", "region", "region name", "sector", "sector name", "total", "local", "national",
                    "international"]
    assert [r[0] for r in body] == list(range(1, 11))  # ranks are number cells (issue 18 §3), not text
    totals = [r[5] for r in body]
    assert totals == sorted(totals, reverse=True)
    for r in body:
        assert r[2] == region_name[r[1]] and r[4] == sector_name[r[3]], r
        assert r[6] + r[7] + r[8] == pytest.approx(r[5], rel=1e-9)
    head, *bars = rows(xlsx_report["top_multipliers"])
    assert head[:2] == ["category", "label"]
    for bar, r in zip(bars, body):
        assert bar[0] == f"{r[1]} {r[3]}" and bar[1] == f"{r[1]} {r[4]}"


def test_html_report_shows_the_names(tmp_path, labels):
    out = tmp_path / "report.html"
    cli_ok("report", WIOD2011, "-o", out, "--quiet")
    page = out.read_text(encoding="utf-8")
    # Every region's bar label "CODE Name" in the participation chart.
    svg = re.search(r'<svg[^>]*id="chart-participation_forward".*?</svg>', page, re.S).group(0)
    shown = re.findall(r'<text class="label"[^>]*>(?:<title>[^<]*</title>)?([^<]*)</text>', svg)
    want = [html.escape(f"{c} {n}", quote=True).replace("&#x27;", "&#39;")
            for c, n in zip(labels["regions"], labels["region_names"])]
    assert sorted(shown) == sorted(want)
    # The multipliers table has name columns with the table's sector names.
    table = re.search(r'<table class="data" id="table-top_multipliers_table">.*?</table>', page, re.S).group(0)
    assert "<th>sector name</th>" in table and "<th>region name</th>" in table
    cells = re.findall(r"<td>([^<]*)</td>", table)
    assert any(html.escape(n, quote=True).replace("&#x27;", "&#39;") in cells for n in labels["sector_names"])


def test_xlsx_numbers_are_numbers_with_fitting_formats(xlsx_report):
    # Issue 18 §3: rank, residual and tolerance are number cells; formats fit the values.
    top = xlsx_report["top_multipliers_table"]
    assert all(isinstance(top.cell(row=r, column=1).value, int) for r in range(2, 12))
    assert top.cell(row=2, column=1).number_format == "0"
    assert top.cell(row=2, column=6).number_format == "0.0000"  # the table's four decimals
    diag = xlsx_report["diagnostics"]
    head = [c.value for c in diag[1]]
    res, tol = head.index("residual") + 1, head.index("tolerance") + 1
    for r in range(2, diag.max_row + 1):
        assert isinstance(diag.cell(row=r, column=res).value, float), r
        assert isinstance(diag.cell(row=r, column=tol).value, float), r
        assert diag.cell(row=r, column=res).number_format == "0.000E+00"
        assert diag.cell(row=r, column=res).value <= diag.cell(row=r, column=tol).value * 1e6
    # Shares are stored as fractions shown in %.
    part = xlsx_report["participation_forward"]
    head = [c.value for c in part[1]]
    col = next(i for i, h in enumerate(head, 1) if h and "GVC" in h)
    assert part.cell(row=2, column=col).number_format == "0.0%"


def test_xlsx_charts_have_axis_titles(xlsx_report):
    def title_text(axis):
        t = axis.title
        if t is None or t.tx is None or t.tx.rich is None:
            return ""
        return "".join(r.t for p in t.tx.rich.p for r in (p.r or []))

    chart = xlsx_report["participation_forward"]._charts[0]
    assert "share" in title_text(chart.x_axis) + title_text(chart.y_axis)  # the value axis
    assert "region" in [title_text(chart.x_axis), title_text(chart.y_axis)]  # the category axis
    top = xlsx_report["top_multipliers"]._charts[0]
    assert "USD million of output per USD million of final demand" in title_text(top.x_axis) + title_text(top.y_axis)
