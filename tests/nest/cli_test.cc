// SPDX-License-Identifier: MIT
// `irio nest` and `irio chains --export-split` as a user runs them: outputs, printed checks, exit
// codes for bad input and existing outputs.
#include <sys/wait.h>

#include <fstream>
#include <sstream>

#include "irio/io/table_store.h"
#include "nest_util.h"
#include "tests/support/cli_runner.h"

namespace irio::testing {
namespace {

struct Cli : CliDir {
  Cli() : CliDir("irio_nest_", "log.txt") {
    const auto full = small_world();
    io::write_table(cut_provinces(full, {"P1", "P2"}, "CN"), *this / "prov.h5");
    io::write_table(world_with_group(full, {"P1", "P2"}, "CN"), *this / "world.h5");
  }
  int run(const std::string& args, std::string& out) const {
    const int rc = CliDir::run(args, out);
    BOOST_TEST_MESSAGE("irio " << args << " -> " << rc << "\n" << out);
    return rc;
  }
};

BOOST_AUTO_TEST_SUITE(cli)

BOOST_AUTO_TEST_CASE(nest_then_chains) {
  Cli c;
  std::string out;
  BOOST_TEST(c.run("nest prov.h5 --into world.h5 --country CN -o nested.h5", out) == 0);
  BOOST_TEST(out.find("nest 1: sum over provinces of intermediate exports") != std::string::npos);
  BOOST_TEST(out.find("wrote nested.h5") != std::string::npos);
  const std::string checks = read_file(c / "nested_checks.csv");
  BOOST_TEST(checks.find("identity,scope,tolerance,pass,residual") == 0u);
  BOOST_TEST(checks.find(",false,") == std::string::npos);
  BOOST_TEST(checks.find("aggregated back") != std::string::npos);
  // Again without --force: exit 5, nothing replaced.
  BOOST_TEST(c.run("nest prov.h5 --into world.h5 --country CN -o nested.h5", out) == 5);
  // chains on the nested table: every province has a finite forward GVC participation.
  BOOST_TEST(c.run("chains nested.h5 -o chains.csv", out) == 0);
  const std::string part = read_file(c / "chains_participation.csv");
  for (const char* p : {"P1", "P2"}) {
    const auto at = part.find(std::string("region,") + p + ",all,gvc_forward,");
    BOOST_REQUIRE(at != std::string::npos);
    const auto line = part.substr(at, part.find('\n', at) - at);
    BOOST_TEST(line.find("NA") == std::string::npos, line);
  }
}

BOOST_AUTO_TEST_CASE(bad_inputs) {
  Cli c;
  std::string out;
  BOOST_TEST(c.run("nest prov.h5 --into world.h5 --country XX -o n.h5", out) == 2);
  BOOST_TEST(out.find("'XX'") != std::string::npos);
  c.write("conc.csv", "provincial,world\na,a\nb,zz\n");
  BOOST_TEST(c.run("nest prov.h5 --into world.h5 --country CN --concordance conc.csv -o n.h5", out) == 2);
  BOOST_TEST(out.find("conc.csv:3") != std::string::npos);
  BOOST_TEST(out.find("'zz'") != std::string::npos);
  c.write("key.csv", "region,sector,weight\nP1,a,1\n");
  BOOST_TEST(c.run("nest prov.h5 --into world.h5 --country CN --key-file key.csv -o n.h5", out) == 2);
  BOOST_TEST(out.find("no weight for sectors") != std::string::npos);
  // The world table must be closed; the provincial one must have exports for the default key.
  BOOST_TEST(c.run("nest world.h5 --into prov.h5 --country CN -o n.h5", out) == 2);
  BOOST_TEST(!std::ifstream(c / "n.h5").good());
}

BOOST_AUTO_TEST_CASE(key_file_and_output_key) {
  Cli c;
  std::string out;
  c.write("key.csv", "region,sector,weight\nP1,a,1\nP2,a,3\nP1,b,1\nP2,b,1\n");
  BOOST_TEST(c.run("nest prov.h5 --into world.h5 --country CN --key-file key.csv -o k.h5", out) == 0);
  const auto t = io::read_table(c / "k.h5");
  const Matrix Z = Matrix(t.Z);
  // P1 gets 1/4 of the country's exports of a (rebalanced by RAS afterwards, so only roughly).
  BOOST_TEST(Z(0, 4) / (Z(0, 4) + Z(2, 4)) > 0.2);
  BOOST_TEST(Z(0, 4) / (Z(0, 4) + Z(2, 4)) < 0.6);
  BOOST_TEST(c.run("nest prov.h5 --into world.h5 --country CN --key output -o o.h5", out) == 0);
}

BOOST_AUTO_TEST_CASE(export_split_on_the_provincial_table) {
  Cli c;
  std::string out;
  BOOST_TEST(c.run("chains prov.h5 -o plain.csv", out) == 0);
  BOOST_TEST(read_file(c / "plain_participation.csv").find("region,P1,all,gvc_forward,NA") != std::string::npos);
  c.write("split.csv", "sector,final_share\na,0.5\nb,0.25\n");
  BOOST_TEST(c.run("chains prov.h5 --export-split split.csv -o sp.csv", out) == 0);
  BOOST_TEST(out.find("export split") != std::string::npos);
  const std::string terms = read_file(c / "sp_three_level_terms.csv");
  BOOST_TEST(terms.find("P1,a,forward,RT,export_split,") != std::string::npos);
  BOOST_TEST(read_file(c / "sp_participation.csv").find("region,P1,all,gvc_forward,NA") == std::string::npos);
  c.write("bad.csv", "sector,final_share\na,1.5\n");
  BOOST_TEST(c.run("chains prov.h5 --export-split bad.csv -o b.csv", out) == 2);
  BOOST_TEST(out.find("bad.csv:2") != std::string::npos);
  // A closed table does not need (and refuses) an export split.
  BOOST_TEST(c.run("chains world.h5 --export-split split.csv -o w.csv", out) == 2);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace irio::testing
