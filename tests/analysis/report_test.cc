// SPDX-License-Identifier: MIT
// `irio report` and its library part (analysis/report/report_data.h) on the bundled WIOD 2011 table:
// the report's tables agree with the main job's own participation tables (computed another way:
// the solver's ratios of sums vs. the report's sums of the decomposition matrices), the charts
// have one bar per region, the top multipliers are the highest and their parts add up; the CLI
// writes HTML and xlsx, refuses an existing output, and its progress display on a non-terminal
// is one plain line per phase (nothing with --quiet). The browser test is tests/cmake/
// check_report_browser.cmake.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>

#include "irio/analysis/regional.h"
#include "irio/analysis/report/report_data.h"
#include "irio/io/html_report.h"
#include "irio/io/table_store.h"
#include "irio/io/xlsx_reader.h"
#include "irio/tables/progress_bar.h"
#include "tests/analysis/cli_dir.h"
#include "tests/test_util.h"

namespace {

const std::string kWiod = std::string(IRIO_SOURCE_DIR) + "/tables/data/wiod2011.h5";
const std::string kEu27 = std::string(IRIO_SOURCE_DIR) + "/tables/data/wiod2011_eu27.csv";

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + what.size())) ++n;
  return n;
}

/// member,group file from the EU27 region->country map: EU27 members vs the rest.
std::string eu_grouping(const CliDir& d) {
  std::ifstream in(kEu27);
  std::ofstream out(d.file("eu.csv"));
  out << "member,group\n";
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    const auto comma = line.find(',');
    out << line.substr(0, comma) << "," << (line.substr(comma + 1) == "EU27" ? "EU27" : "rest of the world") << "\n";
  }
  return d.file("eu.csv");
}

const irio::io::BarChart* find_chart(const irio::io::ReportDocument& doc, const std::string& id) {
  for (const auto& s : doc.sections)
    for (const auto& c : s.charts)
      if (c.id == id) return &c;
  return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(report)

BOOST_FIXTURE_TEST_CASE(report_tables_agree_with_the_main_job, CliDir) {
  irio::OpenOptions opt;
  opt.countries = kEu27;
  const auto a = irio::Analysis::open(kWiod, opt);
  irio::ReportRequest req;
  req.groups = {eu_grouping(*this)};
  req.top_multipliers = 15;
  const auto d = irio::build_report(a, req);
  const auto& labels = a.table().labels;
  BOOST_REQUIRE_EQUAL(labels.num_regions(), 41u);
  BOOST_CHECK_EQUAL(d.colour_grouping, "eu");
  BOOST_CHECK_EQUAL(d.region_colour_group[static_cast<std::size_t>(irio::tables::Labels::find(labels.regions, "DEU"))],
                    "EU27");

  // Levels by region (sums of the decomposition) = participation (the solver's ratios of sums).
  const auto& part = d.results.chains.participation;
  for (const auto& reg : labels.regions)
    for (const std::string direction : {"forward", "backward"}) {
      BOOST_TEST_CONTEXT(reg << " " << direction) {
        const double nat = d.levels_by_region.find({reg, direction, "national_chains"});
        const double glo = d.levels_by_region.find({reg, direction, "global_chains"});
        double sum = 0;
        for (auto l : irio::kChainLevels) {
          const double v = d.levels_by_region.find({reg, direction, irio::enum_name(l)});
          if (std::isfinite(v)) sum += v;
        }
        BOOST_CHECK_CLOSE(sum, 1.0, 1e-9);
        BOOST_CHECK(std::isnan(d.levels_by_region.find({reg, direction, "rt_gvc"})));  // a closed table
        BOOST_CHECK_SMALL(nat - part.find({"region", reg, "all", "nvc_" + direction}), 1e-9);
        BOOST_CHECK_SMALL(glo - part.find({"region", reg, "all", "gvc_" + direction}), 1e-9);
        BOOST_CHECK_EQUAL(
            d.participation.find(
                {reg, d.region_colour_group[static_cast<std::size_t>(irio::tables::Labels::find(labels.regions, reg))],
                 direction, "gvc"}),
            part.find({"region", reg, "all", "gvc_" + direction}));
      }
    }
  // EU members trade within their "country": national value chains exist; elsewhere they do not.
  BOOST_CHECK_GT(d.levels_by_region.find({"DEU", "forward", "national_chains"}), 0.02);
  BOOST_CHECK_SMALL(d.levels_by_region.find({"USA", "forward", "national_chains"}), 1e-12);

  // By group: the shares equal the grouped participation of the main job.
  BOOST_REQUIRE_EQUAL(d.results.grouped.size(), 1u);
  const auto& gc = d.results.grouped[0];
  for (std::size_t g = 0; g < gc.groups.size(); ++g) {
    const auto r = static_cast<Eigen::Index>(g);
    BOOST_CHECK_SMALL(
        d.levels_by_group.find({"eu", gc.groups[g], "forward", "national_chains"}) - gc.participation(r, 0), 1e-9);
    BOOST_CHECK_SMALL(
        d.levels_by_group.find({"eu", gc.groups[g], "backward", "global_chains"}) - gc.participation(r, 3), 1e-9);
  }

  // Participation rows are sorted by NVC + GVC within each direction.
  double last = INFINITY;
  for (std::size_t i = 0; i + 1 < d.participation.num_rows(); i += 2) {
    if (d.participation.key(2, i) != "forward") break;
    const double total = d.participation.value(i) + d.participation.value(i + 1);
    BOOST_CHECK_LE(total, last + 1e-15);
    last = total;
  }

  // Top multipliers: the highest, and local + national + international = total.
  const auto& split = d.results.output_split;
  double best = 0;
  for (Eigen::Index i = 0; i < split.total.size(); ++i)
    if (std::isfinite(split.total(i))) best = std::max(best, split.total(i));
  BOOST_CHECK_EQUAL(d.top_multipliers.num_rows(), 15u * 4);
  BOOST_CHECK_EQUAL(d.top_multipliers.value(0), best);
  for (std::size_t i = 0; i < d.top_multipliers.num_rows(); i += 4)
    BOOST_CHECK_CLOSE(d.top_multipliers.value(i + 1) + d.top_multipliers.value(i + 2) + d.top_multipliers.value(i + 3),
                      d.top_multipliers.value(i), 1e-9);

  // The charts: one bar per region, marks for every region, by-group charts for the grouping.
  for (const std::string id :
       {"participation_forward", "participation_backward", "levels_region_forward", "levels_region_backward"}) {
    const auto* c = find_chart(d.document, id);
    BOOST_REQUIRE_MESSAGE(c, id);
    BOOST_CHECK_EQUAL(c->categories.size(), 41u);
    BOOST_CHECK_GE(c->num_marks(), 41u);
  }
  BOOST_CHECK_EQUAL(find_chart(d.document, "participation_forward")->series.size(), 2u);  // GVC and NVC
  BOOST_REQUIRE(find_chart(d.document, "levels_group1_forward"));
  BOOST_CHECK_EQUAL(find_chart(d.document, "levels_group1_forward")->categories.size(), 2u);
  BOOST_CHECK_EQUAL(find_chart(d.document, "top_multipliers")->categories.size(), 15u);
  BOOST_CHECK_EQUAL(a.models_built(), 1);
}

BOOST_FIXTURE_TEST_CASE(countries_as_regions_draw_no_empty_series, CliDir) {
  const auto a = irio::Analysis::open(kWiod);
  const auto d = irio::build_report(a);
  BOOST_CHECK_EQUAL(d.colour_grouping, "all regions");
  const auto* c = find_chart(d.document, "participation_forward");
  BOOST_REQUIRE(c);
  BOOST_CHECK_EQUAL(c->series.size(), 1u);  // NVC is zero everywhere: not drawn, and said so
  BOOST_CHECK(c->note.find("Not drawn") != std::string::npos);
  BOOST_CHECK_EQUAL(c->num_marks(), 41u);
  BOOST_CHECK(!find_chart(d.document, "levels_group1_forward"));
  irio::ReportRequest bad;
  bad.top_multipliers = 0;
  BOOST_CHECK_THROW(irio::build_report(a, bad), irio::InputError);
}

BOOST_AUTO_TEST_CASE(exogenous_rest_of_the_world_shows_what_is_identified) {
  // methods.md §7.6: provinces P1, P2 of CN with the rest of the world RW made exogenous.
  irio::tables::Matrix Z(6, 6), Y(6, 3);
  Z << 20, 10, 6, 4, 3, 2, 8, 25, 5, 7, 2, 4, 4, 3, 30, 12, 5, 3, 2, 6, 9, 22, 1, 6, 3, 2, 4, 3, 60, 30, 2, 4, 3, 5, 25,
      70;
  Y << 40, 8, 10, 35, 6, 12, 7, 50, 14, 5, 45, 9, 6, 5, 150, 4, 6, 160;
  auto t =
      irio::testing::make_table(Z.topLeftCorner(4, 4), Y.topLeftCorner(4, 2), {"P1", "P2"}, {"a", "b"}, {"CN"}, {0, 0});
  t.export_labels = {"RW"};
  t.exports = Z.block(0, 4, 4, 2).rowwise().sum() + Y.block(0, 2, 4, 1);
  t.import_labels = {"imports"};
  t.imports = Z.block(4, 0, 2, 4).colwise().sum();
  const irio::Analysis a(std::move(t), {}, "section 7.6 exogenous");
  const auto d = irio::build_report(a);
  for (const std::string reg : {"P1", "P2"}) {
    BOOST_CHECK(std::isnan(d.levels_by_region.find({reg, "forward", "international_final"})));
    BOOST_CHECK(std::isnan(d.levels_by_region.find({reg, "forward", "global_chains"})));
    BOOST_CHECK_GT(d.levels_by_region.find({reg, "forward", "rt_gvc"}), 0);
    BOOST_CHECK_GT(d.levels_by_region.find({reg, "backward", "global_chains"}), 0);
    BOOST_CHECK_GT(d.levels_by_region.find({reg, "backward", "international_final"}), 0);
    BOOST_CHECK(std::isnan(d.levels_by_region.find({reg, "backward", "rt_gvc"})));
    BOOST_CHECK_GT(d.levels_by_region.find({reg, "forward", "national_chains"}), 0);
  }
  const auto* fwd = find_chart(d.document, "levels_region_forward");
  BOOST_REQUIRE(fwd);
  BOOST_CHECK_EQUAL(fwd->series.back().name, "RT + GVC, not separable (exogenous rest of the world)");
  // Forward GVC participation is not identified: only NVC is drawn, and the note says why.
  const auto* part = find_chart(d.document, "participation_forward");
  BOOST_REQUIRE(part);
  BOOST_CHECK_EQUAL(part->series.size(), 1u);
  BOOST_CHECK_EQUAL(part->series[0].name, "NVC (national value chains)");
  BOOST_CHECK(part->note.find("GVC") != std::string::npos);
  BOOST_CHECK_EQUAL(d.colour_grouping, "country");
  // Circulation: the provinces' flows are national or abroad, so the orientation and the coupling
  // coordination are drawn (forward GVC is not identified: the backward orientation and indices).
  BOOST_CHECK(find_chart(d.document, "orientation_backward"));
  BOOST_CHECK(find_chart(d.document, "coordination"));
  BOOST_CHECK_EQUAL(d.coupling_u1, "nvc_backward");
  // The same numbers as `irio circulation` (its own decomposition and coupling).
  const auto circ = irio::circulation(a, irio::CirculationRequest{});
  for (std::size_t i = 0; i < d.orientation.num_rows(); ++i) {
    const int r = irio::tables::Labels::find(a.table().labels.regions, d.orientation.key(0, i));
    const int col = d.orientation.key(2, i) == "forward" ? irio::solver::gvc::kOrientationForward
                                                         : irio::solver::gvc::kOrientationBackward;
    const double want = circ.regions.indicators(r, col);
    BOOST_CHECK(std::isnan(want) ? std::isnan(d.orientation.value(i)) : d.orientation.value(i) == want);
  }
  for (std::size_t i = 0; i < d.coupling.num_rows(); ++i)
    if (d.coupling.key(2, i) == "coordination") {
      const int r = irio::tables::Labels::find(a.table().labels.regions, d.coupling.key(0, i));
      BOOST_TEST(d.coupling.value(i) == circ.coupling.coordination(r), boost::test_tools::tolerance(1e-14));
    }
  BOOST_CHECK_EQUAL(count(irio::io::render_html_report(d.document), "<svg xmlns"), 7u);
}

BOOST_FIXTURE_TEST_CASE(charts_and_tables_show_the_display_names, CliDir) {
  const auto a = irio::Analysis::open(kWiod);
  irio::ReportRequest req;
  req.top_multipliers = 5;
  const auto d = irio::build_report(a, req);
  const auto& l = a.table().labels;
  BOOST_REQUIRE(l.region_names_differ() && l.has_sector_names());
  // Region charts: "CHN China", the code then the table's name.
  for (const std::string id : {"participation_forward", "levels_region_backward", "orientation_forward"}) {
    const auto* c = find_chart(d.document, id);
    if (!c) continue;  // orientation: not drawn when each region is its own country
    BOOST_REQUIRE_EQUAL(c->category_labels.size(), c->categories.size());
    for (std::size_t i = 0; i < c->categories.size(); ++i) {
      const int r = irio::tables::Labels::find(l.regions, c->categories[i]);
      BOOST_REQUIRE(r >= 0);
      BOOST_CHECK_EQUAL(c->label(i), c->categories[i] + " " + l.region_name(static_cast<std::size_t>(r)));
    }
  }
  // Top multipliers: "CHN c14" labelled with the sector's name; the table has name columns.
  const auto* top = find_chart(d.document, "top_multipliers");
  BOOST_REQUIRE(top);
  const auto& tm = d.top_multipliers;
  for (std::size_t i = 0; i < top->categories.size(); ++i) {
    const std::string& sector = tm.key(2, 4 * i);
    const auto k = static_cast<std::size_t>(irio::tables::Labels::find(l.sectors, sector));
    BOOST_CHECK_EQUAL(top->categories[i], tm.key(1, 4 * i) + " " + sector);
    BOOST_CHECK_EQUAL(top->label(i), tm.key(1, 4 * i) + " " + l.sector_names[k]);
  }
  const irio::io::ReportTable* table = nullptr;
  for (const auto& s : d.document.sections)
    for (const auto& t : s.tables)
      if (t.id == "top_multipliers_table") table = &t;
  BOOST_REQUIRE(table);
  BOOST_CHECK((table->columns == std::vector<std::string>{"rank", "region", "region name", "sector", "sector name",
                                                          "total", "local", "national", "international"}));
  for (const auto& row : table->rows) {
    BOOST_REQUIRE_EQUAL(row.size(), table->columns.size());
    const auto r = irio::tables::Labels::find(l.regions, std::get<std::string>(row[1]));
    const auto k = irio::tables::Labels::find(l.sectors, std::get<std::string>(row[3]));
    BOOST_REQUIRE(r >= 0 && k >= 0);
    BOOST_CHECK_EQUAL(std::get<std::string>(row[2]), l.region_names[static_cast<std::size_t>(r)]);
    BOOST_CHECK_EQUAL(std::get<std::string>(row[4]), l.sector_names[static_cast<std::size_t>(k)]);
  }
  // In the page: the label beside the bar, and the full label in the tooltip where it is cut.
  const std::string html = irio::io::render_html_report(d.document);
  const std::string first = top->label(0);
  BOOST_CHECK_MESSAGE(
      html.find(irio::io::html_escape(first.size() > 39 ? first.substr(0, 20) : first)) != std::string::npos, first);
  BOOST_CHECK(html.find(">" + irio::io::html_escape(l.regions[0] + " " + l.region_names[0]) + "<") !=
              std::string::npos);
  // The summary says which names the table carries.
  for (const auto& s : d.document.sections)
    for (const auto& t : s.tables)
      if (t.id == "table_summary")
        for (const auto& row : t.rows)
          if (std::get<std::string>(row[0]) == "display names")
            BOOST_CHECK_EQUAL(
                std::get<std::string>(row[1]),
                std::string("sectors, regions") + (l.has_fd_category_names() ? ", final-demand categories" : ""));
  // A table without names gets no labels and no name columns.
  const irio::Analysis plain(irio::testing::leather());
  const auto p = irio::build_report(plain, req);
  BOOST_CHECK(find_chart(p.document, "levels_region_forward")->category_labels.empty());
}

BOOST_AUTO_TEST_CASE(long_labels_are_cut_in_the_chart_and_whole_in_the_tooltip) {
  irio::io::BarChart c;
  c.id = "c";
  c.categories = {"A c1", "B c2"};
  c.category_labels = {"A " + std::string(60, 'x'), ""};
  c.series = {{"s", {1.0, 2.0}, ""}};
  const std::string svg = irio::io::render_bar_chart_svg(c);
  BOOST_CHECK(svg.find("<title>A " + std::string(60, 'x') + " (A c1)</title>") != std::string::npos);
  BOOST_CHECK(svg.find(">A " + std::string(37, 'x') + "\xE2\x80\xA6<") != std::string::npos);  // 40 characters
  BOOST_CHECK(svg.find(">B c2<") != std::string::npos);                                        // no label: the category
  c.category_labels = {"only one"};
  BOOST_CHECK(!c.validate().empty());
}

BOOST_FIXTURE_TEST_CASE(cli_writes_html_and_xlsx, CliDir) {
  std::string out;
  BOOST_REQUIRE_EQUAL(run("report '" + kWiod + "' -o r.html --top 12", out), 0);
  BOOST_CHECK_MESSAGE(out.find("wrote r.html (HTML page, 6 sections, 5 charts)") != std::string::npos, out);
  const std::string html = read("r.html");
  BOOST_CHECK_EQUAL(count(html, "<svg xmlns"), 5u);
  BOOST_CHECK_EQUAL(count(html, "<tr><td class=\"num\">12</td>"), 1u);  // the 12th multiplier (a number), no 13th
  BOOST_CHECK_EQUAL(count(html, "<tr><td class=\"num\">13</td>"), 0u);
  // An existing report is not replaced without --force (exit 5, nothing computed).
  BOOST_CHECK_EQUAL(run("report '" + kWiod + "' -o r.html", out), 5);
  BOOST_CHECK_MESSAGE(out.find("exists") != std::string::npos && out.find("Balance") == std::string::npos, out);
  BOOST_CHECK_EQUAL(run("report '" + kWiod + "' -o missing/r.html", out), 5);
  BOOST_CHECK_EQUAL(run("report '" + kWiod + "' -o r.html --groups nowhere.csv --force", out), 2);
  // A grouping with a catch-all line: the regions no line names are the catch-all group's (the
  // report's colours by group used to refuse them).
  write("asia.csv", "member,group\nCHN,Asia\nJPN,Asia\n*,Rest\n");
  BOOST_CHECK_MESSAGE(run("report '" + kWiod + "' -o g.html --groups asia.csv", out) == 0, out);
  BOOST_CHECK(read("g.html").find("Rest") != std::string::npos);

  BOOST_REQUIRE_EQUAL(run("report '" + kWiod + "' -o r.xlsx --countries '" + kEu27 + "'", out), 0);
  irio::io::XlsxWorkbook book(file("r.xlsx"));
  const std::set<std::string> sheets(book.sheet_names().begin(), book.sheet_names().end());
  for (const std::string s : {"Report", "table_summary", "participation_forward", "levels_region_backward",
                              "top_multipliers", "top_multipliers_table", "diagnostics"})
    BOOST_CHECK_MESSAGE(sheets.count(s), s);
  const auto part = book.read_sheet("participation_forward");
  BOOST_CHECK_EQUAL(part.text(0, 0), "category");
  BOOST_CHECK_EQUAL(part.text(0, 1), "label");  // names beside the codes: "CHN China"
  BOOST_CHECK_EQUAL(part.num_rows(), 42u);      // header + 41 regions
  const auto table = irio::io::read_table(kWiod);
  for (std::size_t i = 1; i < part.num_rows(); ++i) {
    const int r = irio::tables::Labels::find(table.labels.regions, part.text(i, 0));
    BOOST_REQUIRE(r >= 0);
    BOOST_CHECK_EQUAL(part.text(i, 1), part.text(i, 0) + " " + table.labels.region_name(static_cast<std::size_t>(r)));
  }
  // --format xlsx wins over the extension.
  BOOST_REQUIRE_EQUAL(run("report '" + kWiod + "' -o x.html --format xlsx --quiet", out), 0);
  BOOST_CHECK_EQUAL(read("x.html").substr(0, 2), "PK");
}

BOOST_FIXTURE_TEST_CASE(progress_off_a_terminal_is_one_line_per_phase, CliDir) {
  irio::io::write_table(irio::testing::leather(), file("leather.h5"));  // small: the display is the point
  const std::string cmd = "cd '" + dir.string() + "' && '" IRIO_BINARY "' report leather.h5 -o p.html";
  BOOST_REQUIRE_EQUAL(std::system((cmd + " > out.txt 2> err.txt").c_str()), 0);
  const std::string err = read("err.txt");
  BOOST_CHECK_MESSAGE(err.find('\r') == std::string::npos && err.find('\033') == std::string::npos, err);
  BOOST_CHECK_EQUAL(count(err, "three-level decomposition: backward ("), 1u);
  BOOST_CHECK_EQUAL(count(err, "report: balance check and Leontief model ("), 1u);
  BOOST_CHECK_EQUAL(count(err, "%"), 0u);  // no percentages: those are for the bar
  BOOST_REQUIRE_EQUAL(std::system((cmd + " --force --quiet > out.txt 2> err.txt").c_str()), 0);
  BOOST_CHECK_EQUAL(read("err.txt"), "");
  // On a terminal (util-linux `script` gives the command one): the bar, redrawn in place.
  if (std::system("command -v script > /dev/null 2>&1") == 0) {
    BOOST_REQUIRE_EQUAL(
        std::system(("script -qec \"" + cmd + " --force\" /dev/null > '" + file("tty.txt") + "' 2>&1").c_str()), 0);
    const std::string tty = read("tty.txt");
    BOOST_CHECK_MESSAGE(tty.find("\r\033[K  [########################] 100%") != std::string::npos, tty);
    BOOST_CHECK(tty.find("three-level decomposition: backward") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(progress_bar_text) {
  using irio::tables::progress_bar_line;
  BOOST_CHECK_EQUAL(progress_bar_line(0.5, 7.9, "forward", 10), "[#####.....]  50%  0:07  forward");
  BOOST_CHECK_EQUAL(progress_bar_line(1.2, 3725, "", 4), "[####] 100%  1:02:05");
  BOOST_CHECK_EQUAL(progress_bar_line(std::nan(""), -1, "x", 2), "[..]   0%  0:00  x");
  // A long phase is cut on a character boundary ("é" is two bytes).
  BOOST_CHECK_EQUAL(progress_bar_line(0, 0, "abcdé", 1, 5), "[.]   0%  0:00  abcd...");
  BOOST_CHECK_EQUAL(irio::tables::progress_phase_line(61, "wwz: terms"), "wwz: terms (1:01)");
  BOOST_CHECK_EQUAL(irio::tables::progress_phase_line(7.94, "forward"), "forward (7.9 s)");
}

BOOST_AUTO_TEST_SUITE_END()
