// SPDX-License-Identifier: MIT
// The indicator verbs of the irio binary (multipliers, footprints, impact, linkages, extract,
// ghosh) on the pymrio test MRIO: outputs equal the library values, bad inputs exit with code 2
// and a message. Skipped (reported) when the irio binary has not been built.
// GCC 12 reports a false -Wuninitialized inside boost::function when a precondition decorator is
// stored (boost/function/function_template.hpp); it is not in our code.
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "tests/solver/csv_fixture.h"
#include "tests/solver/pymrio_fixture.h"
#include "tests/support/cli_runner.h"
#include "tests/test_util.h"

using namespace irio;
namespace utf = boost::unit_test;

namespace {

const testing::BinaryBuilt binary_built{};

struct CliFixture : testing::CliDir {
  CliFixture() : CliDir("irio_cli_ind_", "log.txt") {}
  /// value column of the first row of a tidy CSV whose key cells equal `keys`.
  double lookup(const std::string& name, const std::vector<std::string>& keys) const {
    const auto rows = testing::read_csv(file(name));
    for (std::size_t i = 1; i < rows.size(); ++i) {
      // The keys, then label columns (names, stressor_unit) the table may add, then the value.
      bool ok = rows[i].size() >= keys.size() + 1;
      for (std::size_t k = 0; ok && k < keys.size(); ++k) ok = rows[i][k] == keys[k];
      if (ok) return testing::number(rows[i].back());
    }
    return std::nan("");
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_indicators, *utf::precondition(binary_built))

BOOST_FIXTURE_TEST_CASE(verbs_on_pymrio_test_mrio, CliFixture) {
  std::string out;
  BOOST_REQUIRE_EQUAL(run("import pymrio '" + testing::validation_data("pymrio_test/raw") + "' -o t.h5", out), 0);

  // multipliers: the written value equals the library's on the same table (read back via CSV
  // files of the fixture: Z and Y as the import gives them are checked in tests/io).
  BOOST_CHECK_EQUAL(run("multipliers t.h5 -o m.csv --employment 'Emissions/emission_type1/air' --income "
                        "'Factor Inputs/Value Added' --type2 --household-category 'Final consumption "
                        "expenditure by households' --split",
                        out),
                    0);
  BOOST_CHECK(out.find("Household closure: k = ") != std::string::npos);
  const double om = lookup("m_multipliers.csv", {"reg1", "food", "output"});
  BOOST_CHECK_CLOSE(om, 1.6114268859265444, 1e-10);  // = 1'L of pymrio's L.csv, column reg1/food
  const double t1 = lookup("m_multipliers.csv", {"reg2", "trade", "income_type1"});
  const double t2 = lookup("m_multipliers.csv", {"reg2", "trade", "income_type2"});
  const double t1b = lookup("m_multipliers.csv", {"reg5", "other", "income_type1"});
  const double t2b = lookup("m_multipliers.csv", {"reg5", "other", "income_type2"});
  BOOST_CHECK_CLOSE(t2 / t1, t2b / t1b, 1e-9);  // §6.2 (9): constant ratio 1/k
  BOOST_CHECK_CLOSE(lookup("m_multiplier_split.csv", {"reg1", "food", "output", "total", "all"}), om, 1e-12);

  // Bad inputs: exit code 2 (InputError) with the message.
  BOOST_CHECK_EQUAL(run("multipliers t.h5 -o m2.csv --type2", out), 2);
  BOOST_CHECK(out.find("--type2 needs --household-category") != std::string::npos);
  BOOST_CHECK_EQUAL(run("multipliers t.h5 -o m3.csv --employment jobs/persons", out), 2);
  BOOST_CHECK(out.find("unknown satellite 'jobs' (table has: Emissions, Factor Inputs)") != std::string::npos);
  BOOST_CHECK_EQUAL(run("multipliers t.h5 -o m_multipliers.csv", out), 5);  // exists, no --force
  BOOST_CHECK(out.find("--force") != std::string::npos);
  BOOST_CHECK_EQUAL(run("multipliers t.h5 -o m4.csv --backend magic", out), 2);

  // footprints with per-capita accounts: pymrio's D_cba_cap for reg1 (Emissions__D_cba_cap.csv).
  {
    std::ofstream p(file("pop.csv"));
    p << "region,population\nreg1,780000000\nreg2,3700000000\nreg3,820000000\nreg4,290000000\n"
         "reg5,460000000\nreg6,850000000\n";
  }
  BOOST_CHECK_EQUAL(run("footprints t.h5 --satellite Emissions --population pop.csv -o f.csv", out), 0);
  // Two tables (the accounts and their identity diagnostics): f_footprints_Emissions.csv, f_diagnostics.csv.
  BOOST_CHECK_CLOSE(lookup("f_footprints_Emissions.csv", {"reg1", "(all)", "emission_type1/air", "D_cba_cap"}),
                    0.26634885183542067, 1e-9);
  {  // Each row names its stressor's unit: the unit column of pymrio's emissions.txt (kg for both).
    const auto rows = testing::read_csv(file("f_footprints_Emissions.csv"));
    BOOST_REQUIRE(rows.size() > 1u);
    BOOST_CHECK_EQUAL(rows[0][rows[0].size() - 2], "stressor_unit");
    for (std::size_t i = 1; i < rows.size(); i += 7) BOOST_CHECK_EQUAL(rows[i][rows[i].size() - 2], "kg");
  }
  BOOST_CHECK_EQUAL(run("footprints t.h5 --satellite CO2 -o f2.csv", out), 2);
  BOOST_CHECK(out.find("no satellite 'CO2' (table has: Emissions, Factor Inputs)") != std::string::npos);
  {
    std::ofstream p(file("pop2.csv"));
    p << "region,population\nreg1,7\n";
  }
  BOOST_CHECK_EQUAL(run("footprints t.h5 --satellite Emissions --population pop2.csv -o f3.csv", out), 2);
  BOOST_CHECK(out.find("no population for region 'reg2'") != std::string::npos);

  // embodied: a verb made only of its kernel and its declaration (issue 19); the identities hold.
  BOOST_CHECK_EQUAL(run("embodied t.h5 --satellite Emissions -o emb.csv", out), 0);
  BOOST_CHECK(out.find("net exports embodied in trade") != std::string::npos);
  BOOST_CHECK(out.find("Identities (methods.md §6.2): 6 of 6 hold") != std::string::npos);
  BOOST_CHECK(std::isfinite(lookup("emb_embodied_trade.csv", {"reg1", "reg2", "emission_type1/air", "eebt"})));

  // paths (methods.md §2.8): at threshold 0 the paths of each order sum to the series term s'A^t y;
  // the paths of value added add up, with what lies beyond the last order, to final demand (v'L = 1').
  BOOST_CHECK_EQUAL(run("paths t.h5 --of output --threshold 0 --max-order 2 --top 1000000 -o sp.csv", out), 0);
  BOOST_CHECK(out.find("coverage (found / total)") != std::string::npos);
  for (const char* t : {"0", "1", "2"})
    BOOST_CHECK_CLOSE(lookup("sp_paths_by_order.csv", {t, "found"}),
                      lookup("sp_paths_by_order.csv", {t, "series_term"}), 1e-10);
  BOOST_CHECK_EQUAL(run("paths t.h5 --of value-added --region reg3 --max-order 10 --top 5 -o spv.csv", out), 0);
  {
    double sum = lookup("spv_paths_by_order.csv", {"beyond", "series_term"});
    for (int t = 0; t <= 10; ++t) sum += lookup("spv_paths_by_order.csv", {std::to_string(t), "series_term"});
    const auto Y = testing::read_pymrio("Y.csv", 3, 2);  // 6 regions x K categories
    const Eigen::Index K = Y.cols() / 6;
    const double fd3 = Y.middleCols(2 * K, K).sum();
    const auto rows = testing::read_csv(file("spv_paths.csv"));
    BOOST_REQUIRE(rows.size() > 2u);
    BOOST_CHECK_EQUAL(rows[1][0] + rows[1][3] + rows[2][3], "1valueshare");
    const double total = testing::number(rows[1].back()) / testing::number(rows[2].back());  // value / share
    BOOST_CHECK_CLOSE(total, fd3, 1e-9);
    BOOST_CHECK_CLOSE(sum, fd3, 1e-9);
    BOOST_CHECK_EQUAL(testing::read_csv(file("spv_path_nodes.csv"))[0][0], "rank");
  }
  BOOST_CHECK_EQUAL(run("paths t.h5 --satellite Emissions -o sp2.csv", out), 2);
  BOOST_CHECK(out.find("has 2 stressors: name one with --stressor") != std::string::npos);
  BOOST_CHECK_EQUAL(run("paths t.h5 --satellite Emissions --stressor emission_type1/air --region regX -o sp3.csv", out),
                    2);
  BOOST_CHECK(out.find("--region 'regX' is not a region of the table") != std::string::npos);
  BOOST_CHECK_EQUAL(run("paths t.h5 -o sp4.csv", out), 2);
  BOOST_CHECK(out.find("needs --satellite") != std::string::npos);

  // impact: the VA change equals the shock (residual VA, identity 1.1).
  {
    std::ofstream s(file("shock.csv"));
    s << "region,sector,value,scenario\nreg1,food,100,a\nreg2,mining,50,a\nreg3,trade,10,b\n";
  }
  BOOST_CHECK_EQUAL(run("impact t.h5 --shock shock.csv -o i.csv", out), 0);
  BOOST_CHECK(out.find("Scenario 'a': shock 150 -> output") != std::string::npos);
  BOOST_CHECK(out.find("value added 150") != std::string::npos);

  // linkages, ghosh, extract.
  BOOST_CHECK_EQUAL(run("linkages t.h5 -o l.csv --forward leontief", out), 0);
  BOOST_CHECK(out.find("Key sectors") != std::string::npos);
  BOOST_CHECK_EQUAL(run("linkages t.h5 -o l2.csv --forward rasmussen", out), 2);
  BOOST_CHECK_EQUAL(run("ghosh t.h5 -o g.csv", out), 0);
  BOOST_CHECK(std::isfinite(lookup("g.csv", {"reg3", "trade", "ghosh_row_sum"})));
  BOOST_CHECK_EQUAL(run("extract t.h5 --sectors reg1/food,reg2/mining -o e.csv", out), 0);
  BOOST_CHECK(lookup("e.csv", {"reg1/food+reg2/mining", "total", "output_loss"}) > 0);
  BOOST_CHECK_EQUAL(run("extract t.h5 --block inter-regional -o e2.csv", out), 0);
  BOOST_CHECK(out.find("refactorize") != std::string::npos);
  BOOST_CHECK_EQUAL(run("extract t.h5 -o e3.csv", out), 2);
  BOOST_CHECK(out.find("extract: give either sectors or a block") != std::string::npos);
  BOOST_CHECK_EQUAL(run("extract t.h5 --sectors reg9/food -o e4.csv", out), 2);
  BOOST_CHECK(out.find("extraction set (--sectors): unknown region 'reg9' in 'reg9/food'") != std::string::npos);
  BOOST_CHECK_EQUAL(run("extract t.h5 --block regional -o e5.csv", out), 2);
}

BOOST_AUTO_TEST_SUITE_END()
