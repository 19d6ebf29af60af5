// SPDX-License-Identifier: MIT
// Figures of `irio report` on real tables as a reader sees them (issue 18 §3): the page is parsed
// for the fill colour of each group in every chart, the value axes carry the table's unit, a
// table with satellites gets a footprint section whose accounts add up (production = consumption
// on a closed world table), `--compare` draws participation of both years as dumbbells, each
// chart can be saved as its own SVG, and the workbook stores ranks, residuals and tolerances as
// numbers. The drawing itself is tested in tests/io/report_figures_test.cc.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "irio/analysis/report/report_data.h"
#include "irio/io/html_report.h"
#include "irio/io/table_store.h"
#include "irio/io/xlsx_reader.h"
#include "tests/analysis/cli_dir.h"

namespace {

const std::string kSrc = IRIO_SOURCE_DIR;
const std::string kWiod = kSrc + "/tables/data/wiod2011.h5";
const std::string kProvinces = kSrc + "/docs/tutorial-data/synthetic_ceads_2017.xlsx";

const irio::io::BarChart* find_chart(const irio::io::ReportDocument& doc, const std::string& id) {
  for (const auto& s : doc.sections)
    for (const auto& c : s.charts)
      if (c.id == id) return &c;
  return nullptr;
}

/// chart id -> group -> fills of its marks, read from the page's SVG (each mark of a chart coloured
/// by group names its group in data-group).
std::map<std::string, std::map<std::string, std::set<std::string>>> fills(const std::string& page) {
  // The page is cut into its <svg> elements by plain search: a regex spanning a whole chart
  // ([\s\S]*?) recurses once per character in libstdc++ and overflows the stack under ASan.
  std::map<std::string, std::map<std::string, std::set<std::string>>> out;
  const std::regex mark("<rect class=\"mark[^\"]*\"[^>]* fill=\"(#[0-9a-f]{6})\"[^>]* data-group=\"([^\"]*)\"");
  for (std::size_t at = page.find("<svg "); at != std::string::npos; at = page.find("<svg ", at + 1)) {
    const std::size_t tag_end = page.find('>', at), end = page.find("</svg>", at);
    if (tag_end == std::string::npos || end == std::string::npos) break;
    const std::string tag = page.substr(at, tag_end - at);
    const std::size_t id_at = tag.find("id=\"chart-");
    if (id_at == std::string::npos) continue;
    const std::size_t id_begin = id_at + 10, id_end = tag.find('"', id_begin);
    const std::string id = tag.substr(id_begin, id_end - id_begin);
    const std::string svg = page.substr(at, end - at);
    for (std::size_t r = svg.find("<rect "); r != std::string::npos; r = svg.find("<rect ", r + 1)) {
      const std::string rect = svg.substr(r, svg.find('>', r) - r + 1);  // one tag: a short regex input
      std::smatch m;
      if (std::regex_search(rect, m, mark)) out[id][m[2]].insert(m[1]);
    }
  }
  return out;
}

/// The axis label of a chart in the page.
std::string axis_text(const std::string& page, const std::string& id) {
  const std::size_t chart = page.find("id=\"chart-" + id + "\"");
  if (chart == std::string::npos) return {};
  const std::size_t label = page.find("<text class=\"axis-label\"", chart);
  if (label == std::string::npos) return {};
  const std::size_t begin = page.find('>', label) + 1, end = page.find("</text>", begin);
  return page.substr(begin, end - begin);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(report_figures)

BOOST_AUTO_TEST_CASE(one_colour_per_group_in_every_chart_of_a_provincial_report) {
  const auto a = irio::Analysis::open(kProvinces);
  irio::ReportRequest req;
  req.groups = {"four_regions"};
  const auto d = irio::build_report(a, req);
  const std::string page = irio::io::render_html_report(d.document);
  const auto f = fills(page);
  // Every chart coloured by group: participation, orientation, coordination.
  std::map<std::string, std::string> colour;  // group -> its one colour over all charts
  std::size_t charts = 0;
  for (const auto& [chart, by_group] : f) {
    ++charts;
    for (const auto& [group, fs] : by_group) {
      BOOST_TEST_CONTEXT(chart << ", " << group) {
        BOOST_CHECK_EQUAL(fs.size(), 1u);
        const auto [it, fresh] = colour.emplace(group, *fs.begin());
        if (!fresh) BOOST_CHECK_EQUAL(it->second, *fs.begin());
      }
    }
  }
  BOOST_CHECK_GE(charts, 2u);
  BOOST_CHECK_EQUAL(colour.size(), 4u);  // East, Central, West, Northeast
  std::set<std::string> distinct;
  for (const auto& [g, c] : colour) distinct.insert(c);
  BOOST_CHECK_EQUAL(distinct.size(), 4u);
  // The legends list the groups in the grouping file's order.
  const auto* c = find_chart(d.document, "participation_backward");
  BOOST_REQUIRE(c);
  BOOST_CHECK((c->groups() == std::vector<std::string>{"East", "Central", "West", "Northeast"}));
  // The multiplier axis carries the table's unit.
  BOOST_CHECK_EQUAL(axis_text(page, "top_multipliers"),
                    "output multiplier (10000 CNY of output per 10000 CNY of final demand)");
  // The category axis is named (xlsx axis title).
  BOOST_CHECK_EQUAL(c->category_axis, "region");
  const auto* g = find_chart(d.document, "levels_group1_forward");
  BOOST_REQUIRE(g);
  BOOST_CHECK_EQUAL(g->category_axis, "four_regions");
}

BOOST_AUTO_TEST_CASE(scenario_charts_are_one_chart_with_a_bar_per_scenario, *boost::unit_test::tolerance(1e-9)) {
  const auto a = irio::Analysis::open(kProvinces);
  irio::ReportRequest req;
  req.groups = {"four_regions"};
  req.scenario_file = kSrc + "/docs/tutorial-data/unified_market.csv";  // three scenarios
  const auto d = irio::build_report(a, req);
  const auto* va = find_chart(d.document, "scenario_va");
  BOOST_REQUIRE(va);
  BOOST_CHECK(!find_chart(d.document, "scenario_va_1"));
  BOOST_CHECK(!va->stacked);
  BOOST_REQUIRE_EQUAL(va->series.size(), 3u);
  BOOST_CHECK_EQUAL(va->series[0].name, "east_west_double");
  BOOST_CHECK((va->categories == std::vector<std::string>{"East", "Central", "West", "Northeast"}));
  BOOST_CHECK(va->axis_label.find("(10000 CNY)") != std::string::npos);  // not "(table units)"
  // The same numbers as the scenario table of the library (market_scenarios).
  double sum = 0;
  for (double v : va->series[0].values) sum += v;
  const irio::io::ReportTable* t = nullptr;
  for (const auto& s : d.document.sections)
    for (const auto& x : s.tables)
      if (x.id == "scenario_table") t = &x;
  BOOST_REQUIRE(t);
  BOOST_TEST(sum == std::get<double>(t->rows[0][5]), boost::test_tools::tolerance(1e-6));  // value added change
}

BOOST_AUTO_TEST_CASE(a_table_with_satellites_gets_a_footprint_section) {
  auto table = irio::io::read_table(kWiod);
  irio::tables::Satellite s;
  s.name = "Emissions";
  s.stressors = {"CO2"};
  s.units = {"kt"};
  s.F = table.x.transpose() * 0.25;  // 0.25 kt per USD million of output, everywhere
  for (Eigen::Index j = 0; j < s.F.cols(); ++j) s.F(0, j) *= 1.0 + static_cast<double>(j % 7);
  table.satellites.push_back(s);
  const double total_F = s.F.sum();
  const irio::Analysis a(std::move(table), {}, "wiod2011 with CO2");
  const auto d = irio::build_report(a);
  const auto* c = find_chart(d.document, "footprint_1");
  BOOST_REQUIRE(c);
  BOOST_CHECK_EQUAL(c->axis_label, "CO2 (kt)");
  BOOST_REQUIRE_EQUAL(c->series.size(), 2u);
  double pba = 0, cba = 0;
  for (std::size_t r = 0; r < c->categories.size(); ++r) {
    pba += c->series[0].values[r];
    cba += c->series[1].values[r];
  }
  // A closed world table: what is produced is consumed somewhere (methods.md §2.3), and the
  // production-based account is the satellite itself (x = Ly up to WIOD's rounding).
  BOOST_CHECK_CLOSE(cba, pba, 1e-6);
  BOOST_CHECK_CLOSE(pba, total_F, 0.1);
  // Before the identity diagnostics, which stay last.
  BOOST_CHECK_EQUAL(d.document.sections.back().id, "diagnostics");
  BOOST_CHECK_EQUAL(d.document.sections[d.document.sections.size() - 2].id, "footprints");
}

BOOST_AUTO_TEST_CASE(compare_draws_participation_of_both_years_as_dumbbells) {
  irio::OpenOptions opt;
  opt.countries = kSrc + "/tables/data/wiod2011_eu27.csv";
  const auto a11 = irio::Analysis::open(kWiod, opt);
  opt.wiod_year = "1995";
  const auto a95 = irio::Analysis::open(kSrc + "/tests/data/wiod2013", opt);
  irio::ReportRequest req;
  req.compare = &a95;
  const auto d = irio::build_report(a11, req);
  const auto* c = find_chart(d.document, "comparison_nvc_forward");
  BOOST_REQUIRE(c);
  BOOST_CHECK(c->dumbbell && c->percent);
  BOOST_REQUIRE_EQUAL(c->series.size(), 2u);
  BOOST_CHECK_EQUAL(c->series[0].name, "1995");
  BOOST_CHECK_EQUAL(c->series[1].name, "2011");
  // EU members only (the other countries have no national chains), this year's values = the main job's.
  const auto& part = d.results.chains.participation;
  BOOST_CHECK_EQUAL(c->categories.size(), 27u);
  for (std::size_t i = 0; i < c->categories.size(); ++i)
    BOOST_CHECK_EQUAL(c->series[1].values[i], part.find({"region", c->categories[i], "all", "nvc_forward"}));
  const auto e = a95.chains();
  BOOST_CHECK_EQUAL(c->series[0].values[0],
                    e.decomposition.participation.find({"region", c->categories[0], "all", "nvc_forward"}));
  BOOST_CHECK_NE(c->series[0].values[0], c->series[1].values[0]);
  const std::string page = irio::io::render_html_report(d.document);
  BOOST_CHECK(page.find("<circle class=\"mark s1\"") != std::string::npos);
  BOOST_CHECK(find_chart(d.document, "comparison_gvc_forward"));
}

BOOST_FIXTURE_TEST_CASE(cli_svg_dir_and_xlsx_numbers, CliDir) {
  std::string out;
  BOOST_REQUIRE_EQUAL(run("report '" + kWiod + "' -o r.xlsx --top 5 --svg-dir charts --quiet", out), 0);
  BOOST_CHECK_MESSAGE(out.find("wrote 5 charts as SVG files in charts") != std::string::npos, out);
  BOOST_CHECK(fs::exists(file("charts/participation_forward.svg")));
  BOOST_CHECK(fs::exists(file("charts/top_multipliers.svg")));
  BOOST_CHECK_EQUAL(read("charts/top_multipliers.svg").rfind("<?xml", 0), 0u);
  irio::io::XlsxWorkbook book(file("r.xlsx"));
  using T = irio::io::XlsxSheet::CellType;
  const auto top = book.read_sheet("top_multipliers_table");
  BOOST_CHECK_EQUAL(top.text(0, 0), "rank");
  for (std::size_t i = 1; i <= 5; ++i) {
    BOOST_CHECK(top.type(i, 0) == T::kNumber);
    BOOST_CHECK_EQUAL(top.number(i, 0), static_cast<double>(i));
  }
  const auto diag = book.read_sheet("diagnostics");
  BOOST_CHECK_EQUAL(diag.text(0, 2), "residual");
  BOOST_CHECK_EQUAL(diag.text(0, 3), "tolerance");
  BOOST_REQUIRE_GE(diag.num_rows(), 2u);
  for (std::size_t i = 1; i < diag.num_rows(); ++i) {
    BOOST_CHECK(diag.type(i, 2) == T::kNumber);
    BOOST_CHECK(diag.type(i, 3) == T::kNumber);
    BOOST_CHECK_LE(diag.number(i, 2), diag.number(i, 3) * 1e12);  // sane magnitudes
  }
  // An existing SVG is not replaced without --force, and nothing else is written then.
  BOOST_CHECK_EQUAL(run("report '" + kWiod + "' -o r2.html --svg-dir charts --quiet", out), 5);
  BOOST_CHECK(!fs::exists(file("r2.html")));
}

namespace {
/// Terminal columns of UTF-8 text, for the test: CJK ideographs count 2.
std::size_t columns(const std::string& s) {
  std::size_t w = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    w += len == 3 && c >= 0xE4 && c <= 0xE9 ? 2 : 1;  // U+4E00..U+9FFF start with E4..E9
    i += len;
  }
  return w;
}
}  // namespace

BOOST_FIXTURE_TEST_CASE(chains_tables_stay_aligned_with_long_and_cjk_names, CliDir) {
  // The 31 provinces in four groups with Chinese names, one of them long.
  const auto a = irio::Analysis::open(kProvinces);
  const auto four = a.groupings({"four_regions"}).front();
  const std::map<std::string, std::string> cjk{{"East", "东部地区"},
                                               {"Central", "中部"},
                                               {"West", "西部地区和一个很长的名字"},
                                               {"Northeast", "Northeast with a long English name"}};
  {
    std::ofstream f(file("cjk.csv"));
    f << "member,group\n";
    for (const auto& r : a.table().labels.regions) f << "\"" << r << "\"," << cjk.at(four.group_of(r)) << "\n";
  }
  std::string out;
  BOOST_REQUIRE_EQUAL(run("chains '" + kProvinces + "' --groups cjk.csv -o c.csv", out), 0);
  std::istringstream in(out);
  std::vector<std::string> headers;
  std::map<std::string, std::set<std::size_t>> ends;  // table -> column where the last number ends
  std::string table, line;
  while (std::getline(in, line)) {
    if (line.rfind("Participation by region", 0) == 0) table = "region";
    if (line.rfind("By cjk", 0) == 0) table = "group";
    if (line.find("NVC forward") != std::string::npos) headers.push_back(line);
    if (table.empty() || line.rfind("  ", 0) != 0) continue;
    // Where the fourth numeric column ends: the data lines of one table all end it in one column.
    std::size_t pos = 0, found = 0;
    const std::regex num("\\b(-?[0-9]+\\.[0-9]{4}|nan|NA)\\b");  // not the "nan" of Hainan
    for (auto it = std::sregex_iterator(line.begin(), line.end(), num); it != std::sregex_iterator() && found < 4;
         ++it, ++found)
      pos = static_cast<std::size_t>(it->position() + it->length());
    if (found == 4) ends[table].insert(columns(line.substr(0, pos)));
  }
  BOOST_REQUIRE_EQUAL(ends.size(), 2u);
  BOOST_CHECK_EQUAL(ends["region"].size(), 1u);
  BOOST_CHECK_MESSAGE(ends["group"].size() == 1u, out);
  // NVC and GVC in the same order in both tables.
  BOOST_REQUIRE_EQUAL(headers.size(), 2u);
  for (const auto& h : headers) {
    BOOST_CHECK_LT(h.find("NVC forward"), h.find("NVC backward"));
    BOOST_CHECK_LT(h.find("NVC backward"), h.find("GVC forward"));
    BOOST_CHECK_LT(h.find("GVC forward"), h.find("GVC backward"));
  }
}

BOOST_AUTO_TEST_SUITE_END()
