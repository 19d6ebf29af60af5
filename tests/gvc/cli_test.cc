// SPDX-License-Identifier: MIT
// The value-chain verbs of the irio binary (chains, trade with every method, position) on the
// bundled WIOD 2011 table: documented columns, identities across verbs, exit codes for bad input.
#include <sys/stat.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "gvc_test_util.h"
#include "tests/support/cli_runner.h"

namespace irio::testing {
namespace {

const std::string kTable = std::string(IRIO_SOURCE_DIR) + "/tables/data/wiod2011.h5";

struct VerbFixture : CliDir {
  VerbFixture() : CliDir("irio_cli_gvc_", "log.txt") {}
  using CliDir::run;
  int run(const std::string& args) const {
    std::string out;
    const int rc = run(args, out);
    BOOST_TEST_MESSAGE("irio " << args << " -> " << rc);
    if (rc != 0) BOOST_TEST_MESSAGE(out);
    return rc;
  }
  Csv csv(const std::string& name) const { return read_csv(file(name)); }
};

std::string joined(const std::vector<std::string>& h) {
  std::string s;
  for (const auto& c : h) s += (s.empty() ? "" : ",") + c;
  return s;
}

/// Every row of a diagnostics CSV passes.
void diagnostics_pass(const Csv& d, const std::string& what) {
  BOOST_CHECK_EQUAL(joined(d.header), "identity,scope,tolerance,pass,residual");
  BOOST_CHECK_GT(d.rows.size(), 0u);
  for (const auto& r : d.rows)
    BOOST_CHECK_MESSAGE(r.at(3) == "true", what << ": " << r.at(0) << " [" << r.at(1) << "]");
}

/// Sum of the value column over rows whose column `col` equals `key` (all rows if col < 0).
double sum_where(const Csv& c, int col, const std::string& key) {
  double s = 0;
  for (std::size_t r = 0; r < c.rows.size(); ++r)
    if (col < 0 || c.rows[r][static_cast<std::size_t>(col)] == key) s += std::stod(c.rows[r].back());
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(value_chain_verbs)

// The bundled table carries WIOD's names: results with a `sector` key get `sector_name`, those with
// a `region` key `region_name`, an `exporter` key `exporter_name` etc., after the key columns
// (docs/formats.md, "Name columns").
BOOST_FIXTURE_TEST_CASE(chains_trade_position_on_wiod, VerbFixture) {
  BOOST_REQUIRE_EQUAL(run("chains '" + kTable + "' -o chains.csv"), 0);
  BOOST_CHECK_EQUAL(joined(csv("chains_three_level_terms.csv").header),
                    "region,sector,direction,term,status,sector_name,region_name,value");
  diagnostics_pass(csv("chains_diagnostics.csv"), "chains");

  // --groups with the EU27 map as a grouping (member,group): the EU27 group's participation equals
  // the country-level participation of the EU27 "country".
  const std::string eu = std::string(IRIO_SOURCE_DIR) + "/tables/data/wiod2011_eu27.csv";
  {
    const Csv map = read_csv(eu);
    std::ofstream g(file("eu_groups.csv"));
    g << "member,group\n";
    for (const auto& r : map.rows) g << r[0] << "," << r[1] << "\n";
  }
  BOOST_REQUIRE_EQUAL(run("chains '" + kTable + "' --countries '" + eu + "' --groups eu_groups.csv -o g.csv"), 0);
  const Csv gp = csv("g_participation_by_group.csv"), cp = csv("g_participation.csv");
  BOOST_CHECK_EQUAL(joined(gp.header), "grouping,group,indicator,value");
  int matched = 0;
  for (const auto& r : gp.rows)
    for (const auto& q : cp.rows)
      if (q[0] == "country" && q[1] == r[1] && q[2] == "all" && q[3] == r[2]) {
        BOOST_CHECK_MESSAGE(close(std::stod(r.back()), std::stod(q.back()), 1e-12, 1e-15), r[1] << " " << r[2]);
        ++matched;
      }
  BOOST_CHECK_EQUAL(matched, 15 * 4);  // 13 countries + EU27 + RoW, 4 indicators

  BOOST_REQUIRE_EQUAL(run("trade '" + kTable + "' --method wwz -o wwz.csv"), 0);
  const Csv wwz = csv("wwz_wwz.csv");
  BOOST_CHECK_EQUAL(joined(wwz.header), "exporter,sector,importer,term,sector_name,exporter_name,importer_name,value");
  BOOST_CHECK_EQUAL(wwz.rows.size(), 1435u * 40u * 16u);
  diagnostics_pass(csv("wwz_diagnostics.csv"), "wwz");
  // Across verbs: the 16 WWZ terms of an exporter add up to its gross exports (VAX's GEXP).
  BOOST_REQUIRE_EQUAL(run("trade '" + kTable + "' --method vax -o vax.csv"), 0);
  const Csv vax = csv("vax_vax.csv");
  for (const std::string c : {"CHN", "DEU", "USA"}) {
    double gexp = std::nan("");
    for (const auto& r : vax.rows)
      if (r[0] == c && r[1] == "all" && r[2] == "GEXP") gexp = std::stod(r.back());
    BOOST_CHECK_MESSAGE(close(sum_where(wwz, 0, c), gexp, 1e-10, 1e-6),
                        c << ": WWZ total " << sum_where(wwz, 0, c) << " vs GEXP " << gexp);
  }
  for (const std::string m : {"kww", "ltdv"})
    BOOST_CHECK_EQUAL(run("trade '" + kTable + "' --method " + m + " -o " + m + ".csv"), 0);
  BOOST_REQUIRE_EQUAL(run("trade '" + kTable + "' --method ltdv --bilateral -o ltdvb.csv"), 0);
  const Csv lb = csv("ltdvb_ltdv_bilateral.csv");
  BOOST_CHECK_EQUAL(joined(lb.header), "exporter,importer,indicator,exporter_name,importer_name,value");
  BOOST_CHECK_EQUAL(lb.rows.size(), 41u * 40u);
  BOOST_CHECK_EQUAL(run("trade '" + kTable + "' --method bm --approach sink -o bm.csv"), 0);
  BOOST_CHECK_EQUAL(run("trade '" + kTable + "' --method bm --perspective world -o bmw.csv"), 0);
  // gvc package indicators: world VS = world VS1.
  BOOST_REQUIRE_EQUAL(run("trade '" + kTable + "' --method gvc -o gvc.csv"), 0);
  const Csv g = csv("gvc_gvc_indicators.csv");
  BOOST_CHECK_EQUAL(joined(g.header), "region,sector,indicator,sector_name,region_name,value");
  BOOST_CHECK_EQUAL(joined(csv("gvc_gvc_final_demand.csv").header),
                    "absorber,sector,indicator,sector_name,absorber_name,value");
  GVC_CHECK_CLOSE(sum_where(g, 2, "i2e"), sum_where(g, 2, "e2r"), 1e-10);
  // Leontief decomposition into HDF5 (n^2 rows).
  BOOST_CHECK_EQUAL(run("trade '" + kTable + "' --method leontief --post output -o leontief.h5"), 0);
  BOOST_CHECK(exists("leontief.h5"));
  BOOST_REQUIRE_EQUAL(run("position '" + kTable + "' -o pos.csv"), 0);
  BOOST_CHECK_EQUAL(joined(csv("pos_position.csv").header),
                    "region,sector,indicator,perimeter,sector_name,region_name,value");
  diagnostics_pass(csv("pos_diagnostics.csv"), "position");
}

BOOST_FIXTURE_TEST_CASE(bad_input_exit_codes, VerbFixture) {
  std::string out;
  BOOST_CHECK_EQUAL(run("trade '" + kTable + "' --method bogus -o x.csv", out), 2);
  BOOST_CHECK(out.find("--method") != std::string::npos);
  BOOST_CHECK_EQUAL(run("trade '" + kTable + "' --method leontief --post final -o x.csv", out), 2);
  BOOST_CHECK(out.find("--post") != std::string::npos);
  BOOST_CHECK(!exists("x.csv") && !exists("x_leontief_final.csv"));
  BOOST_CHECK_EQUAL(run("trade '" + kTable + "' --perimeter province -o x.csv", out), 2);
  // A grouping that misses regions is refused before anything is computed, naming the table.
  { std::ofstream(file("partial.csv")) << "member,group\nAUS,Pacific\n"; }
  BOOST_CHECK_EQUAL(run("chains '" + kTable + "' --groups partial.csv -o pg.csv", out), 2);
  BOOST_CHECK(out.find("wiod2011.h5") != std::string::npos &&
              out.find("does not cover 40 regions") != std::string::npos);
  BOOST_CHECK(out.find("nnz(A)") == std::string::npos && !exists("pg_three_level_terms.csv"));
  BOOST_CHECK_EQUAL(run("trade missing.h5 -o x.csv", out), 2);
  BOOST_CHECK(out.find("missing.h5") != std::string::npos);
  // An existing output is never replaced without --force (exit 5), and is left as it was.
  { std::ofstream(file("kww_kww.csv")) << "keep\n"; }
  BOOST_CHECK_EQUAL(run("trade '" + kTable + "' --method kww -o kww.csv", out), 5);
  BOOST_CHECK_EQUAL(csv("kww_kww.csv").header.at(0), "keep");
  // The refusal comes before any computation (no model summary printed) ...
  BOOST_CHECK(out.find("kww_kww.csv") != std::string::npos);
  BOOST_CHECK(out.find("nnz(A)") == std::string::npos);
  // ... and a multi-file result is never half written: the third file exists, so none is written.
  { std::ofstream(file("p_dvix_fsr.csv")) << "keep\n"; }
  BOOST_CHECK_EQUAL(run("trade '" + kTable + "' --method wwz -o p.csv", out), 5);
  BOOST_CHECK(!exists("p_wwz.csv") && !exists("p_wwz2kww.csv") && !exists("p_diagnostics.csv"));
  { std::ofstream(file("c.csv")) << "keep\n"; }
  BOOST_CHECK_EQUAL(run("chains '" + kTable + "' -o c_participation.csv", out), 0);  // other names: fine
  { std::ofstream(file("c_participation.csv")) << "keep\n"; }
  BOOST_CHECK_EQUAL(run("chains '" + kTable + "' -o c.csv", out), 5);
  BOOST_CHECK(!exists("c_three_level_terms.csv"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace irio::testing
