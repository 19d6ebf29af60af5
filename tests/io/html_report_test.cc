// SPDX-License-Identifier: MIT
// The report writers: the SVG bar chart draws one mark per positive value and nothing for NaN or
// zero, escapes every text (categories, series, titles), refuses inconsistent charts; the HTML
// page fetches nothing and is written atomically; the xlsx workbook opens with irio's reader and
// holds the report, chart and table sheets with native charts.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "io_test_util.h"
#include "irio/io/html_report.h"
#include "irio/io/xlsx_reader.h"
#include "irio/io/xlsx_report.h"

using irio::InputError;
using irio::OutputError;
using irio::testing::TempDir;
namespace io = irio::io;

namespace {

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + what.size())) ++n;
  return n;
}

std::string slurp(const std::string& p) {
  std::ifstream is(p, std::ios::binary);
  std::stringstream ss;
  ss << is.rdbuf();
  return ss.str();
}

const std::string kEvil = "</text><script>alert(\"x\")</script> & 'q'";

io::BarChart sample_chart() {
  io::BarChart c;
  c.id = "shares";
  c.title = "Shares <by> region";
  c.percent = true;
  c.categories = {"A", kEvil, "C"};
  c.category_groups = {"east", "west", "east"};
  c.series = {{"GVC", {0.5, 0.2, std::nan("")}, ""}, {"NVC & more", {0.1, 0.0, 0.3}, ""}};
  return c;
}

io::ReportDocument sample_document() {
  io::ReportDocument doc;
  doc.title = "Report <1>";
  doc.subtitle = "irio report t.h5";
  io::ReportSection s;
  s.id = "one";
  s.title = "Section & one";
  s.paragraphs = {"Text with <b>markup</b> that must stay text."};
  s.preformatted = "Balance check: ok\n  <none>";
  s.charts.push_back(sample_chart());
  io::ReportTable t;
  t.id = "numbers";
  t.title = "Numbers";
  t.columns = {"region", "value"};
  t.rows = {{std::string("A"), 1.5}, {kEvil, std::nan("")}};
  s.tables.push_back(t);
  doc.sections.push_back(s);
  return doc;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(html_report)

BOOST_AUTO_TEST_CASE(escape_covers_markup_quotes_and_control_bytes) {
  BOOST_CHECK_EQUAL(io::html_escape("a<b>&\"c\"'d'"), "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;");
  BOOST_CHECK_EQUAL(io::html_escape(std::string("x\x01y\x7fz\tw\n", 8)), "xyz\tw\n");
  BOOST_CHECK_EQUAL(io::html_escape("Guangdong 广东"), "Guangdong 广东");  // UTF-8 passes
}

BOOST_AUTO_TEST_CASE(one_mark_per_positive_value) {
  const auto c = sample_chart();
  BOOST_CHECK_EQUAL(c.num_marks(), 4u);  // NaN and 0 draw nothing
  const std::string svg = io::render_bar_chart_svg(c);
  BOOST_CHECK_EQUAL(count(svg, "<rect class=\"mark"), 4u);
  BOOST_CHECK_EQUAL(count(svg, "<rect class=\"mark s0\""), 2u);
  BOOST_CHECK_EQUAL(count(svg, "<rect class=\"mark s1\""), 2u);
  BOOST_CHECK(svg.find("data-marks=\"4\"") != std::string::npos);
  BOOST_CHECK(svg.find("data-categories=\"3\"") != std::string::npos);
  BOOST_CHECK(svg.find("id=\"chart-shares\"") != std::string::npos);
  // Stacked: the second segment of bar A starts where the first ends (50 % of the axis).
  std::smatch m;
  const std::regex widths("<rect class=\"mark s0\" x=\"([0-9.]+)\" y=\"[0-9.]+\" width=\"([0-9.]+)\"");
  BOOST_REQUIRE(std::regex_search(svg, m, widths));
  const double x0 = std::stod(m[1]), w0 = std::stod(m[2]);
  const std::regex second("<rect class=\"mark s1\" x=\"([0-9.]+)\"");
  BOOST_REQUIRE(std::regex_search(svg, m, second));
  BOOST_CHECK_CLOSE(std::stod(m[1]), x0 + w0, 0.5);
}

BOOST_AUTO_TEST_CASE(negative_values_extend_left_of_zero) {
  io::BarChart c;
  c.id = "parts";
  c.title = "Contributions";
  c.categories = {"A", "B"};
  c.series = {{"technology", {-2.0, 1.0}, ""}, {"level", {3.0, -1.0}, ""}};
  BOOST_CHECK_EQUAL(c.num_marks(), 4u);
  const std::string svg = io::render_bar_chart_svg(c);
  BOOST_CHECK_EQUAL(count(svg, "<rect class=\"mark"), 4u);
  // Bar A: the negative segment ends where the positive one starts (the zero line).
  std::smatch m;
  const std::regex neg("<rect class=\"mark s0\" x=\"([0-9.]+)\" y=\"[0-9.]+\" width=\"([0-9.]+)\"");
  BOOST_REQUIRE(std::regex_search(svg, m, neg));
  const double x0 = std::stod(m[1]), w0 = std::stod(m[2]);
  const std::regex pos("<rect class=\"mark s1\" x=\"([0-9.]+)\" y=\"[0-9.]+\" width=\"([0-9.]+)\"");
  BOOST_REQUIRE(std::regex_search(svg, m, pos));
  BOOST_CHECK_CLOSE(std::stod(m[1]), x0 + w0, 0.5);
  BOOST_CHECK_CLOSE(std::stod(m[2]), 1.5 * w0, 0.5);  // 3 against 2
  BOOST_CHECK(svg.find(">-") != std::string::npos);   // a negative tick label
}

BOOST_AUTO_TEST_CASE(svg_text_is_escaped) {
  const std::string svg = io::render_bar_chart_svg(sample_chart());
  BOOST_CHECK(svg.find("<script") == std::string::npos);
  BOOST_CHECK(svg.find("&lt;/text&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;") !=
              std::string::npos);
  BOOST_CHECK(svg.find("Shares &lt;by&gt; region") != std::string::npos);
  BOOST_CHECK(svg.find("NVC &amp; more") != std::string::npos);
  // Every element opened is closed: as many <text and </text> as there are labels and ticks.
  BOOST_CHECK_EQUAL(count(svg, "<text"), count(svg, "</text>"));
  BOOST_CHECK_EQUAL(count(svg, "<title>"), count(svg, "</title>"));
}

BOOST_AUTO_TEST_CASE(colour_by_group_and_legend) {
  const std::string svg = io::render_bar_chart_svg(sample_chart());
  // Groups east (first colour) and west (second): bars of A and C share a colour.
  BOOST_CHECK_EQUAL(count(svg, "fill=\"#4e79a7\""), 3u);  // A: two segments, C: one
  BOOST_CHECK_EQUAL(count(svg, "fill=\"#e15759\""), 1u);  // the group palette has no value-chain orange
  BOOST_CHECK_EQUAL(count(svg, "class=\"swatch\""), 4u);  // 2 groups + 2 series shades
}

BOOST_AUTO_TEST_CASE(inconsistent_charts_are_refused) {
  auto c = sample_chart();
  c.series[1].values.pop_back();
  BOOST_CHECK_THROW(io::render_bar_chart_svg(c), InputError);
  c = sample_chart();
  c.category_groups.pop_back();
  BOOST_CHECK_THROW(io::render_bar_chart_svg(c), InputError);
  c.categories.clear();
  BOOST_CHECK_THROW(io::render_bar_chart_svg(c), InputError);
}

BOOST_AUTO_TEST_CASE(page_is_self_contained_and_escaped) {
  const std::string html = io::render_html_report(sample_document());
  BOOST_CHECK(html.find("Content-Security-Policy") != std::string::npos);
  BOOST_CHECK(html.find("default-src 'none'") != std::string::npos);
  // Nothing to fetch: no src= or href= leading outside the page, no http(s) URL but the SVG
  // namespace name.
  BOOST_CHECK_EQUAL(count(html, " src="), 0u);
  BOOST_CHECK_EQUAL(count(html, "href=\"http"), 0u);
  BOOST_CHECK_EQUAL(count(html, "http:"), count(html, "http://www.w3.org/2000/svg"));
  BOOST_CHECK_EQUAL(count(html, "https:"), 0u);
  BOOST_CHECK_EQUAL(count(html, "<script"), 1u);  // the error recorder only
  BOOST_CHECK(html.find("<b>markup</b>") == std::string::npos);
  BOOST_CHECK(html.find("Report &lt;1&gt;") != std::string::npos);
  BOOST_CHECK(html.find("  &lt;none&gt;</pre>") != std::string::npos);
  BOOST_CHECK(html.find("<td class=\"num\">NA</td>") != std::string::npos);
  BOOST_CHECK(html.find("<td class=\"num\">1.5000</td>") != std::string::npos);
  BOOST_CHECK(html.find("href=\"#one\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(html_is_written_atomically_and_never_replaced_silently) {
  TempDir d;
  const auto doc = sample_document();
  const std::string p = d.file("r.html");
  io::write_html_report(doc, p);
  BOOST_CHECK_EQUAL(slurp(p), io::render_html_report(doc));
  BOOST_CHECK_THROW(io::write_html_report(doc, p), OutputError);
  auto bad = doc;
  bad.sections[0].charts[0].series[0].values.clear();
  BOOST_CHECK_THROW(io::write_html_report(bad, p, true), InputError);
  BOOST_CHECK_EQUAL(slurp(p), io::render_html_report(doc));  // the old report is untouched
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(d.file(""))) ++files;
  BOOST_CHECK_EQUAL(files, 1u);  // no temporary left behind
}

BOOST_AUTO_TEST_CASE(xlsx_has_the_sheets_data_and_native_charts) {
  TempDir d;
  auto doc = sample_document();
  auto second = sample_chart();
  second.id = "more";
  second.category_groups.clear();
  doc.sections[0].charts.push_back(second);
  const std::string p = d.file("r.xlsx");
  io::write_xlsx_report(doc, p);
  io::XlsxWorkbook book(p);
  BOOST_CHECK((book.sheet_names() == std::vector<std::string>{"Report", "shares", "more", "numbers"}));
  const auto report = book.read_sheet("Report");
  BOOST_CHECK_EQUAL(report.text(0, 0), "Report <1>");
  const auto shares = book.read_sheet("shares");
  BOOST_CHECK_EQUAL(shares.text(0, 0), "category");
  BOOST_CHECK_EQUAL(shares.text(0, 1), "group");
  BOOST_CHECK_EQUAL(shares.text(0, 3), "NVC & more");
  BOOST_CHECK_EQUAL(shares.text(2, 0), kEvil);
  BOOST_CHECK_EQUAL(shares.number(1, 2), 0.5);
  BOOST_CHECK(shares.empty(3, 2));  // NaN: an empty cell
  const auto more = book.read_sheet("more");
  BOOST_CHECK_EQUAL(more.text(0, 1), "GVC");  // no group column
  const auto numbers = book.read_sheet("numbers");
  BOOST_CHECK_EQUAL(numbers.number(1, 1), 1.5);
  BOOST_CHECK(numbers.empty(2, 1));
  // One chart part per chart (zip entry names are stored uncompressed).
  const std::string bytes = slurp(p);
  BOOST_CHECK(bytes.find("xl/charts/chart1.xml") != std::string::npos);
  BOOST_CHECK(bytes.find("xl/charts/chart2.xml") != std::string::npos);
  BOOST_CHECK(bytes.find("xl/charts/chart3.xml") == std::string::npos);
  BOOST_CHECK_THROW(io::write_xlsx_report(doc, p), OutputError);
  io::write_xlsx_report(doc, p, true);
}

BOOST_AUTO_TEST_SUITE_END()
