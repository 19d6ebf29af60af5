// SPDX-License-Identifier: MIT
// The provincial-research sections of `irio report` (analysis/report/report_regional.h) on WIOD 1995 and
// 2011 with the EU grouped as one country: the disparity table equals irio::disparity (another
// path: its own decomposition), the scenario table equals irio::market_scenarios, the
// decomposition's bars add up to the change of irio::sda per group; and the CLI options.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <fstream>
#include <string>

#include "irio/analysis/regional.h"
#include "irio/analysis/report/report_data.h"
#include "tests/analysis/cli_dir.h"
#include "tests/test_util.h"

namespace {

const std::string kSrc = IRIO_SOURCE_DIR;
const std::string kEu = kSrc + "/tables/data/wiod2011_eu27.csv";
const std::string kWiodFolder = std::string(IRIO_TEST_DATA) + "/wiod2013";

irio::Analysis wiod(const std::string& year) {
  irio::OpenOptions opt;
  opt.format = irio::TableFormat::kWiod;
  opt.wiod_year = year;
  opt.countries = kEu;
  return irio::Analysis::open(kWiodFolder, opt);
}

/// member,group: EU27 members "EU", the others "other".
std::string eu_grouping(const CliDir& d) {
  std::ifstream in(kEu);
  std::ofstream out(d.file("eu_groups.csv"));
  out << "member,group\n";
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    const auto c = line.find(',');
    if (c != std::string::npos)
      out << line.substr(0, c) << "," << (line.substr(c + 1) == "EU27" ? "EU" : "other") << "\n";
  }
  return d.file("eu_groups.csv");
}

const irio::io::ReportSection* section(const irio::io::ReportDocument& doc, const std::string& id) {
  for (const auto& s : doc.sections)
    if (s.id == id) return &s;
  return nullptr;
}

double num(const irio::io::ReportCell& c) { return std::get<double>(c); }

}  // namespace

BOOST_AUTO_TEST_SUITE(report_regional)

BOOST_FIXTURE_TEST_CASE(disparity_scenarios_and_sda_sections_on_wiod, CliDir) {
  const irio::Analysis a95 = wiod("1995"), a11 = wiod("2011");
  const std::string groups = eu_grouping(*this), sc = file("scenarios.csv");
  {
    std::ofstream f(sc);
    f << "scenario,factor,origin,destination,closure,fd_factor\n"
         "eu_half,0.5,all,all,own_region,0.5\n"
         "eu_more,1.2,all,all,imports,\n";
  }
  irio::ReportRequest req;
  req.groups = {groups};
  req.scenario_file = sc;
  req.compare = &a95;
  const auto d = irio::build_report(a11, req);
  const auto& doc = d.document;
  BOOST_CHECK_EQUAL(doc.sections.back().id, "diagnostics");  // the new sections come before it
  const auto* dis = section(doc, "disparity");
  const auto* scs = section(doc, "scenarios");
  const auto* sda = section(doc, "sda");
  BOOST_REQUIRE(dis && scs && sda);

  // Disparity: the table equals irio::disparity with value-added weights; between + within = total.
  irio::DisparityRequest dr;
  dr.groups = {groups};
  dr.indicator = "gvc_forward";
  dr.weights = irio::DisparityWeights::kValueAdded;
  const auto ref = irio::disparity(a11, dr);
  bool found = false;
  for (const auto& row : dis->tables.front().rows) {
    BOOST_CHECK_SMALL(num(row[3]) + num(row[4]) - num(row[2]), 1e-12);
    if (std::get<std::string>(row[1]) != "gvc_forward") continue;
    found = true;
    const auto& q = ref.by_grouping.front();
    BOOST_CHECK_SMALL(num(row[2]) - q.theil_t.total, 1e-12);
    BOOST_CHECK_SMALL(num(row[3]) - q.theil_t.between, 1e-12);
    BOOST_CHECK_SMALL(num(row[5]) - q.theil_l.total, 1e-12);
    BOOST_CHECK_SMALL(num(row[8]) - q.gini.total, 1e-12);
  }
  BOOST_CHECK(found);
  BOOST_REQUIRE_EQUAL(dis->charts.size(), 1u);

  // Scenarios: the totals of irio::market_scenarios; one value-added and one NVC chart for all of them.
  irio::MarketScenarioRequest mr;
  mr.scenario_file = sc;
  mr.groups = {groups};
  const auto ms = irio::market_scenarios(a11, mr);
  const auto& st = scs->tables.front();
  BOOST_REQUIRE_EQUAL(st.rows.size(), 2u);
  const auto& s0 = ms.solved;
  const double out_change = s0.x.col(0).sum() - s0.x0.sum();
  BOOST_CHECK_SMALL(num(st.rows[0][4]) - out_change, 1e-9 * std::abs(out_change));
  const double nvc_after = ms.tables.front().find({"eu_half", "total", "all", "nvc_forward"});
  BOOST_CHECK_EQUAL(num(st.rows[0][7]), nvc_after);
  BOOST_CHECK_LT(nvc_after, num(st.rows[0][6]));  // halving inter-regional trade lowers NVC participation
  BOOST_CHECK_EQUAL(scs->charts.size(), 2u);      // value added and NVC, each one chart with a bar per scenario

  // SDA: each bar's parts add up to the change by group of irio::sda; the total row too.
  irio::SdaRequest sr;
  sr.quantity = "value_added";
  sr.groups = {groups};
  const auto sd = irio::sda(a95, a11, sr);
  const auto grouping = a11.groupings({groups}).front().name();
  const irio::io::BarChart* va = nullptr;
  for (const auto& c : sda->charts)
    if (c.id == "sda_value_added") va = &c;
  BOOST_REQUIRE(va);
  for (std::size_t i = 0; i < va->categories.size(); ++i) {
    double sum = 0;
    for (const auto& s : va->series) sum += s.values[i];
    const double change = sd.tables.front().find({"value_added", grouping, va->categories[i], "(all)", "change"});
    BOOST_CHECK_SMALL(sum - change, 1e-9 * std::abs(change));
  }
  for (const auto& row : sda->tables.front().rows) {
    const double change = num(row[5]);
    double sum = 0;
    for (std::size_t k = 1; k <= 4; ++k) sum += num(row[k]);
    BOOST_CHECK_SMALL(sum - change, 1e-9 * std::max(1.0, std::abs(change)));
  }
  BOOST_CHECK_EQUAL(sda->tables.front().rows.size(), 5u);  // value added + four participation numerators
}

BOOST_FIXTURE_TEST_CASE(cli_scenarios_and_compare, CliDir) {
  const std::string groups = eu_grouping(*this), sc = file("scenarios.csv"), out = file("r.html");
  {
    std::ofstream f(sc);
    f << "scenario,factor,origin,destination\nhalf,0.5,all,all\n";
  }
  const std::string wiod = kSrc + "/tables/data/wiod2011.h5";
  std::string log;
  BOOST_TEST(run("report " + wiod + " --countries " + kEu + " --groups " + groups + " --scenarios " + sc +
                     " --compare " + wiod + " -q -o " + out,
                 log) == 0,
             log);
  std::ifstream in(out);
  const std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  BOOST_CHECK(html.find("id=\"chart-disparity_theil\"") != std::string::npos);
  BOOST_CHECK(html.find("id=\"chart-scenario_va_1\"") != std::string::npos);
  BOOST_CHECK(html.find("id=\"table-sda_table\"") != std::string::npos);  // no change: the table, no bars
  // A missing scenario file is an input error (exit 2), and nothing is written.
  BOOST_TEST(run("report " + wiod + " --scenarios " + file("none.csv") + " -q -o " + file("r2.html"), log) == 2, log);
}

BOOST_AUTO_TEST_SUITE_END()
