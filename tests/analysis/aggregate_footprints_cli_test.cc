// SPDX-License-Identifier: MIT
// `irio aggregate` on irio's own footprints result (methods.md §6.1): every account has its rule
// (S weighted by output, M by final demand, M_down by value added, the D_ accounts summed), the
// per-capita accounts are left out with --skip-unfit rather than refusing the file, and the unit
// column stressor_unit survives aggregation. Checked against sums formed here from the model.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <map>

#include "irio/analysis/analysis.h"
#include "irio/analysis/table_jobs.h"
#include "irio/io/table_store.h"
#include "tests/analysis/cli_dir.h"
#include "tests/test_util.h"

namespace {

bool contains(const std::string& s, const std::string& what) { return s.find(what) != std::string::npos; }

/// Three provinces of one country, two sectors, an export column, an import row and a CO2
/// satellite in Mt.
irio::tables::IoTable three_provinces() {
  irio::tables::Matrix Z(6, 6), Y(6, 3);
  Z << 10, 4, 3, 1, 2, 1,  //
      2, 12, 1, 2, 1, 3,   //
      3, 1, 9, 5, 2, 1,    //
      1, 2, 4, 11, 1, 2,   //
      2, 1, 1, 2, 14, 3,   //
      1, 3, 2, 1, 4, 9;
  Y << 30, 5, 4, 20, 4, 3, 6, 28, 2, 3, 25, 4, 5, 3, 33, 2, 4, 21;
  auto t = irio::testing::make_table(Z, Y, {"Guangdong", "Guizhou", "Hunan"}, {"a", "b"}, {"CN"}, {0, 0, 0});
  t.export_labels = {"EX"};
  t.exports = irio::tables::Matrix(6, 1);
  t.exports << 15, 7, 3, 2, 6, 4;
  t.import_labels = {"IM"};
  t.imports = irio::tables::Matrix(1, 6);
  t.imports << 5, 3, 2, 1, 4, 2;
  irio::tables::Satellite s;
  s.name = "CO2";
  s.stressors = {"CO2"};
  s.units = {"Mt"};
  s.F = irio::tables::Matrix(1, 6);
  s.F << 8, 2, 5, 1, 6, 3;
  t.satellites.push_back(s);
  return t;
}

/// "region|sector|account" -> value of a footprints CSV (keys region,sector,stressor,account,...).
std::map<std::string, double> accounts(const irio::tables::TidyTable& t) {
  std::map<std::string, double> m;
  for (std::size_t r = 0; r < t.num_rows(); ++r) m[t.key(0, r) + "|" + t.key(1, r) + "|" + t.key(3, r)] = t.value(r);
  return m;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(aggregate_footprints_cli)

BOOST_FIXTURE_TEST_CASE(every_footprint_account_has_its_rule_and_units_survive, CliDir) {
  irio::io::write_table(three_provinces(), file("p.h5"));
  std::ofstream(file("south.csv")) << "member,group\nGuangdong,South\nHunan,South\n*,West\n";
  std::string out;
  BOOST_REQUIRE_MESSAGE(run("footprints p.h5 --satellite CO2 -o f.csv", out) == 0, out);
  BOOST_REQUIRE_MESSAGE(run("aggregate f_footprints_CO2.csv --regions south.csv -o g.csv", out) == 0, out);
  BOOST_CHECK_MESSAGE(contains(out, "S: weighted average, weights gross output"), out);
  BOOST_CHECK_MESSAGE(contains(out, "M_down: weighted average, weights value added"), out);
  BOOST_CHECK_MESSAGE(contains(out, "D_cba_reg: summed"), out);
  const std::string g = read("g.csv");
  BOOST_CHECK_MESSAGE(g.rfind("region,sector,stressor,account,stressor_unit,value\n", 0) == 0, g.substr(0, 200));
  BOOST_CHECK_MESSAGE(contains(g, "South,a,CO2,S,Mt,"), g.substr(0, 400));

  // The group's values formed here from the model and the detailed result.
  const irio::Analysis a = irio::Analysis::open(file("p.h5"));
  const auto& m = a.model();
  const irio::Vector x = m.x(), va = m.v().cwiseProduct(m.model_output());
  const irio::Vector y = a.table().Y.rowwise().sum() + a.table().exports.rowwise().sum();
  const auto detail = accounts(irio::read_tidy_csv(file("f_footprints_CO2.csv")));
  const auto grouped = accounts(irio::read_tidy_csv(file("g.csv")));
  for (const std::string sector : {"a", "b"}) {
    const Eigen::Index s = sector == "a" ? 0 : 1;
    const Eigen::Index gd = s, hn = 4 + s;  // Guangdong and Hunan rows of this sector
    auto mean = [&](const irio::Vector& w, const std::string& acc) {
      return (w(gd) * detail.at("Guangdong|" + sector + "|" + acc) + w(hn) * detail.at("Hunan|" + sector + "|" + acc)) /
             (w(gd) + w(hn));
    };
    BOOST_TEST_CONTEXT(sector) {
      const auto& F = a.table().satellites[0].F;
      BOOST_TEST(grouped.at("South|" + sector + "|S") == (F(0, gd) + F(0, hn)) / (x(gd) + x(hn)),
                 boost::test_tools::tolerance(1e-12));
      BOOST_TEST(grouped.at("South|" + sector + "|S") == mean(x, "S"), boost::test_tools::tolerance(1e-12));
      BOOST_TEST(grouped.at("South|" + sector + "|M") == mean(y, "M"), boost::test_tools::tolerance(1e-12));
      BOOST_TEST(grouped.at("South|" + sector + "|M_down") == mean(va, "M_down"), boost::test_tools::tolerance(1e-12));
      BOOST_TEST(grouped.at("South|" + sector + "|D_cba") ==
                     detail.at("Guangdong|" + sector + "|D_cba") + detail.at("Hunan|" + sector + "|D_cba"),
                 boost::test_tools::tolerance(1e-12));
    }
  }
  BOOST_TEST(grouped.at("South|(all)|D_pba_reg") ==
                 detail.at("Guangdong|(all)|D_pba_reg") + detail.at("Hunan|(all)|D_pba_reg"),
             boost::test_tools::tolerance(1e-12));

  // Per-capita accounts have no rule: refused without --skip-unfit, left out (and listed) with it.
  std::ofstream(file("pop.csv")) << "region,population\nGuangdong,126\nGuizhou,39\nHunan,66\n";
  BOOST_REQUIRE_MESSAGE(run("footprints p.h5 --satellite CO2 --population pop.csv -o c.csv", out) == 0, out);
  BOOST_CHECK_EQUAL(run("aggregate c_footprints_CO2.csv --regions south.csv -o gc.csv", out), 2);
  BOOST_CHECK_MESSAGE(contains(out, "D_cba_cap") && contains(out, "--skip-unfit"), out);
  BOOST_REQUIRE_MESSAGE(run("aggregate c_footprints_CO2.csv --regions south.csv --skip-unfit -o gc.csv", out) == 0,
                        out);
  BOOST_CHECK_MESSAGE(contains(out, "D_cba_cap: LEFT OUT"), out);
  const std::string gc = read("gc.csv");
  BOOST_CHECK(!contains(gc, "_cap"));
  BOOST_CHECK(contains(gc, "South,(all),CO2,D_cba_reg,Mt,"));

  // An account irio knows no rule for (a result edited by hand) is left out with --skip-unfit.
  {
    std::ofstream e(file("edited_footprints_CO2.csv"));
    e << "region,sector,stressor,account,stressor_unit,value\n"
         "Guangdong,a,CO2,D_cba,Mt,1\nHunan,a,CO2,D_cba,Mt,2\nGuizhou,a,CO2,D_cba,Mt,4\n"
         "Guangdong,a,CO2,my_share,Mt,0.5\nHunan,a,CO2,my_share,Mt,0.25\nGuizhou,a,CO2,my_share,Mt,0.25\n";
  }
  BOOST_CHECK_EQUAL(run("aggregate edited_footprints_CO2.csv --regions south.csv -o ge.csv", out), 2);
  BOOST_CHECK_MESSAGE(contains(out, "my_share") && contains(out, "--skip-unfit"), out);
  BOOST_REQUIRE_MESSAGE(run("aggregate edited_footprints_CO2.csv --regions south.csv --skip-unfit -o ge.csv", out) == 0,
                        out);
  BOOST_CHECK_MESSAGE(contains(out, "my_share: LEFT OUT"), out);
  BOOST_CHECK(contains(read("ge.csv"), "South,a,CO2,D_cba,Mt,3\n"));
}

BOOST_AUTO_TEST_SUITE_END()
