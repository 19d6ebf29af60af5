// SPDX-License-Identifier: MIT
// Figures of a report as a reader sees them (issue 18 §3): the SVG is parsed for the fill colour
// of each group, the tick labels and the axis text; number formats of tables; each chart as its
// own SVG file. The report-level checks (same colours in every chart of a real report, unit on
// the axes, footprints, the two-year comparison, xlsx cell types) are tests/analysis/
// report_figures_test.cc.
#include <unistd.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "irio/io/html_report.h"
#include "irio/tables/error.h"

namespace {

using irio::io::BarChart;

/// The tick labels of an SVG, in order.
std::vector<std::string> ticks(const std::string& svg) {
  std::vector<std::string> out;
  const std::regex re("<text class=\"tick\"[^>]*>([^<]*)</text>");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), re); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1]);
  return out;
}

/// Tick label -> number ("12 000 %" -> 12000, thin spaces dropped).
double tick_value(std::string t) {
  std::string digits;
  for (char c : t)
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-') digits += c;
  return std::stod(digits);
}

/// group -> the fills of the marks of that group's categories (each mark names it in data-group).
std::map<std::string, std::set<std::string>> fills_by_group(const std::string& svg) {
  std::map<std::string, std::set<std::string>> out;
  const std::regex re("<rect class=\"mark[^\"]*\"[^>]* fill=\"(#[0-9a-f]{6})\"[^>]* data-group=\"([^\"]*)\"");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), re); it != std::sregex_iterator(); ++it)
    out[(*it)[2]].insert((*it)[1]);
  return out;
}

BarChart grouped_chart(std::vector<std::string> cats, std::vector<std::string> groups, std::vector<double> v) {
  BarChart c;
  c.id = "g";
  c.title = "grouped";
  c.percent = true;
  c.categories = std::move(cats);
  c.category_groups = std::move(groups);
  c.series = {{"share", std::move(v), ""}};
  return c;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(report_figures)

BOOST_AUTO_TEST_CASE(a_group_keeps_its_colour_whatever_the_order_of_the_bars) {
  // Two charts of one report: the bars in another order, one group absent from the second.
  auto a = grouped_chart({"A", "B", "C"}, {"West", "East", "Central"}, {0.3, 0.2, 0.1});
  auto b = grouped_chart({"D", "E"}, {"Central", "West"}, {0.4, 0.1});
  a.group_order = b.group_order = {"East", "Central", "West", "Northeast"};
  const auto fa = fills_by_group(irio::io::render_bar_chart_svg(a));
  const auto fb = fills_by_group(irio::io::render_bar_chart_svg(b));
  BOOST_REQUIRE_EQUAL(fa.size(), 3u);
  BOOST_REQUIRE_EQUAL(fb.size(), 2u);
  for (const auto& [g, fills] : fb) {
    BOOST_TEST_CONTEXT(g) {
      BOOST_CHECK_EQUAL(fills.size(), 1u);
      BOOST_CHECK(fills == fa.at(g));
    }
  }
  // The legend lists the groups in the grouping's order.
  const std::string svg = irio::io::render_bar_chart_svg(a);
  BOOST_CHECK_LT(svg.find(">East</text>"), svg.find(">Central</text>"));
  BOOST_CHECK_LT(svg.find(">Central</text>"), svg.find(">West</text>"));
}

BOOST_AUTO_TEST_CASE(group_colours_are_never_value_chain_colours) {
  // The colours of the value-chain levels (analysis/report/report_layout.cc, level_series).
  const std::set<std::string> levels{"#bab0ac", "#ffbe7d", "#f28e2b", "#8cd17d", "#59a14f", "#b6992d"};
  std::vector<std::string> cats, groups;
  std::vector<double> v;
  for (int i = 0; i < 16; ++i) {
    cats.push_back("R" + std::to_string(i));
    groups.push_back("G" + std::to_string(i));
    v.push_back(0.01 * (i + 1));
  }
  const auto f = fills_by_group(irio::io::render_bar_chart_svg(grouped_chart(cats, groups, v)));
  std::set<std::string> all;
  for (const auto& [g, fills] : f) all.insert(fills.begin(), fills.end());
  BOOST_CHECK_EQUAL(all.size(), 16u);  // sixteen groups, sixteen colours
  for (const auto& c : all) BOOST_CHECK_MESSAGE(!levels.count(c), c << " is a value-chain colour");
}

BOOST_AUTO_TEST_CASE(tick_labels_are_distinct_with_one_format) {
  // Ranges that gave duplicate or inconsistent labels before (e.g. 0.01, 0.01 for 0.005 steps).
  for (double top : {0.023, 0.0049, 0.37, 1.0, 2.6, 13.0, 777.0, 12345.0, 4.2e6}) {
    for (bool percent : {false, true}) {
      if (percent && top > 1) continue;
      BOOST_TEST_CONTEXT("max " << top << (percent ? " %" : "")) {
        BarChart c;
        c.id = "t";
        c.title = "t";
        c.percent = percent;
        c.axis_label = percent ? "share" : "value (USD million)";
        c.categories = {"a", "b"};
        c.series = {{"s", {top, top / 3}, ""}};
        const auto t = ticks(irio::io::render_bar_chart_svg(c));
        BOOST_REQUIRE_GE(t.size(), 3u);
        BOOST_CHECK_EQUAL(std::set<std::string>(t.begin(), t.end()).size(), t.size());
        // One format: the same number of decimals on every tick; "%" exactly on percentage axes.
        auto decimals = [](const std::string& s) {
          const auto dot = s.find('.');
          return dot == std::string::npos
                     ? 0
                     : static_cast<int>(s.find_first_not_of("0123456789", dot + 1) == std::string::npos
                                            ? s.size() - dot - 1
                                            : s.find_first_not_of("0123456789", dot + 1) - dot - 1);
        };
        for (const auto& s : t) {
          BOOST_CHECK_EQUAL(decimals(s), decimals(t.front()));
          BOOST_CHECK_EQUAL(s.find('%') != std::string::npos, percent);
          BOOST_CHECK(s.find('e') == std::string::npos);  // no 1.2e+04
        }
        // One sign: the axis starts at 0 and ends at or just above the largest value.
        BOOST_CHECK_EQUAL(tick_value(t.front()), 0.0);
        const double last = tick_value(t.back()) / (percent ? 100 : 1);
        BOOST_CHECK_GE(last, top * (1 - 1e-9));
        BOOST_CHECK_LE(last, top * 2.5);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(the_axis_is_not_mirrored_when_one_side_is_small) {
  BarChart c;
  c.id = "t";
  c.title = "t";
  c.categories = {"a", "b", "c"};
  c.series = {{"s", {-5.0, 100.0, 40.0}, ""}};
  const auto t = ticks(irio::io::render_bar_chart_svg(c));
  BOOST_REQUIRE(!t.empty());
  BOOST_CHECK_GE(tick_value(t.front()), -25.0);  // not -100 (a symmetric axis)
  BOOST_CHECK_LT(tick_value(t.front()), 0.0);
  BOOST_CHECK_EQUAL(tick_value(t.back()), 100.0);
  // Only negative values: the axis ends at 0.
  c.series = {{"s", {-5.0, -100.0, -40.0}, ""}};
  const auto n = ticks(irio::io::render_bar_chart_svg(c));
  BOOST_CHECK_EQUAL(tick_value(n.back()), 0.0);
  BOOST_CHECK_EQUAL(n.back(), "0");  // never "-0"
}

BOOST_AUTO_TEST_CASE(the_axis_label_is_drawn) {
  BarChart c;
  c.id = "t";
  c.title = "t";
  c.axis_label = "value added change (10000 CNY)";
  c.categories = {"a"};
  c.series = {{"s", {1.0}, ""}};
  const std::string svg = irio::io::render_bar_chart_svg(c);
  BOOST_CHECK(svg.find("<text class=\"axis-label\"") != std::string::npos);
  BOOST_CHECK(svg.find(">value added change (10000 CNY)</text>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(side_by_side_bars_and_dumbbells) {
  BarChart c;
  c.id = "s";
  c.title = "side by side";
  c.stacked = false;
  c.categories = {"a", "b"};
  c.series = {{"x", {2.0, 1.0}, ""}, {"y", {3.0, -1.0}, ""}};
  std::string svg = irio::io::render_bar_chart_svg(c);
  // Each bar from 0: the axis reaches 3 (not 5, the stacked sum), and b's two bars differ in y.
  BOOST_CHECK_EQUAL(tick_value(ticks(svg).back()), 3.0);
  std::smatch m;
  std::vector<double> ys;
  const std::regex re("<rect class=\"mark s[01]\" x=\"[0-9.]+\" y=\"([0-9.]+)\"");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), re); it != std::sregex_iterator(); ++it)
    ys.push_back(std::stod((*it)[1]));
  BOOST_REQUIRE_EQUAL(ys.size(), 4u);
  BOOST_CHECK_NE(ys[0], ys[1]);

  c.dumbbell = true;
  c.percent = true;
  c.series = {{"1995", {0.1, 0.0}, ""}, {"2011", {0.2, 0.05}, ""}};
  svg = irio::io::render_bar_chart_svg(c);
  BOOST_CHECK_EQUAL(c.num_marks(), 4u);  // a dot at 0 is a value
  BOOST_CHECK_EQUAL(std::count(svg.begin(), svg.end(), '\n') > 0, true);
  std::size_t dots = 0;
  for (auto p = svg.find("<circle class=\"mark"); p != std::string::npos; p = svg.find("<circle class=\"mark", p + 1))
    ++dots;
  BOOST_CHECK_EQUAL(dots, 4u);
  BOOST_CHECK(svg.find("<line class=\"link\"") != std::string::npos);
  BOOST_CHECK(svg.find("2011: 20.0 %") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(number_formats_of_table_columns) {
  using irio::io::format_number;
  BOOST_CHECK_EQUAL(format_number(3.0, "0"), "3");
  BOOST_CHECK_EQUAL(format_number(1.23456e-11, "0.000E+00"), "1.235e-11");
  BOOST_CHECK_EQUAL(format_number(0.1234, "0.0%"), "12.3 %");
  BOOST_CHECK_EQUAL(format_number(2.5, "0.00"), "2.50");
  BOOST_CHECK_EQUAL(format_number(std::nan(""), "0"), "NA");
  irio::io::ReportTable t;
  t.id = "x";
  t.columns = {"rank", "value"};
  t.number_formats = {{"rank", "0"}};
  t.rows = {{1.0, 0.5}};
  const std::string html = irio::io::render_table_html(t);
  BOOST_CHECK(html.find("<td class=\"num\">1</td>") != std::string::npos);
  BOOST_CHECK(html.find("<td class=\"num\">0.5000</td>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(each_chart_as_its_own_svg_file) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("irio_svg_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  irio::io::ReportDocument doc;
  doc.title = "t";
  irio::io::ReportSection s;
  s.id = "s";
  s.title = "s";
  s.charts = {grouped_chart({"A"}, {"East"}, {0.2}), grouped_chart({"B"}, {"West"}, {0.1})};
  s.charts[1].id = "second chart/x";
  doc.sections = {s};
  const auto files = irio::io::write_chart_svgs(doc, dir.string());
  BOOST_REQUIRE_EQUAL(files.size(), 2u);
  BOOST_CHECK_EQUAL(fs::path(files[1]).filename().string(), "second_chart_x.svg");
  std::ifstream in(files[0]);
  std::stringstream text;
  text << in.rdbuf();
  BOOST_CHECK_EQUAL(text.str().rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg", 0), 0u);
  BOOST_CHECK(text.str().find("<style>") != std::string::npos);
  BOOST_CHECK(text.str().find("</svg>") != std::string::npos);
  // A second run refuses to replace them, and writes nothing.
  fs::remove(files[1]);
  BOOST_CHECK_THROW(irio::io::write_chart_svgs(doc, dir.string()), irio::OutputError);
  BOOST_CHECK(!fs::exists(files[1]));
  BOOST_CHECK_NO_THROW(irio::io::write_chart_svgs(doc, dir.string(), true));
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_SUITE_END()
