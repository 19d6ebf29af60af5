// SPDX-License-Identifier: MIT
// Name columns in result files: `irio multipliers` on the bundled WIOD 2011 table writes
// sector_name and region_name (from WIOD's sectors.csv / countries.csv) after the key columns, and
// `irio aggregate` reads such a file back (the name columns are dropped, not aggregated as keys).
// add_display_names itself on a small table.
#include <boost/test/unit_test.hpp>

#include "irio/analysis/display_names.h"
#include "irio/analysis/table_jobs.h"
#include "irio/io/table_store.h"
#include "tests/analysis/cli_dir.h"
#include "tests/test_util.h"

namespace {

const std::string kTable = std::string(IRIO_SOURCE_DIR) + "/tables/data/wiod2011.h5";

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

}  // namespace

BOOST_AUTO_TEST_SUITE(display_names)

BOOST_AUTO_TEST_CASE(names_are_added_after_the_keys_and_fall_back_to_the_level) {
  irio::tables::IoTable t = irio::testing::miller_blair_2x2();
  irio::tables::TidyTable r("x", {"region", "sector"});
  r.add_row({t.labels.regions[0], t.labels.sectors[1]}, 1.0);
  r.add_row({t.labels.regions[0], "total"}, 2.0);
  std::vector<irio::tables::TidyTable> v{r};
  irio::add_display_names(v, t);  // no names in the table: nothing added
  BOOST_TEST(v[0].num_keys() == 2u);
  t.labels.sector_names = {"Agriculture", "Manufacturing"};
  t.labels.region_names = t.labels.regions;  // names equal to the codes: no region_name column
  irio::add_display_names(v, t);
  BOOST_TEST(v[0].key_columns() == (std::vector<std::string>{"region", "sector", "sector_name"}));
  BOOST_TEST(v[0].key(2, 0) == "Manufacturing");
  BOOST_TEST(v[0].key(2, 1) == "total");  // not a sector of the table: its own name
  t.labels.region_names[0] = "The region";
  irio::add_display_names(v, t);  // adds region_name, leaves sector_name alone
  BOOST_TEST(v[0].key_columns() == (std::vector<std::string>{"region", "sector", "sector_name", "region_name"}));
  BOOST_TEST(v[0].key(3, 1) == "The region");
}

BOOST_FIXTURE_TEST_CASE(result_csv_has_wiod_names_and_aggregates, CliDir) {
  const auto table = irio::io::read_table(kTable);
  BOOST_REQUIRE(table.labels.has_sector_names());  // the bundled table carries WIOD's names
  std::string out;
  BOOST_REQUIRE_MESSAGE(run("multipliers '" + kTable + "' -o mult.csv", out) == 0, out);
  const std::string csv = read("mult.csv");
  BOOST_TEST(first_line(csv) == "region,sector,indicator,sector_name,region_name,value");
  BOOST_TEST(csv.find("\nCHN,c14,output,Electrical and optical equipment,China,") != std::string::npos);
  BOOST_TEST(csv.find(",\"Agriculture, hunting, forestry and fishing\",") != std::string::npos);

  std::ofstream(file("blocs.csv")) << "member,group\nCHN,Asia\nJPN,Asia\n*,Rest\n";
  BOOST_REQUIRE_MESSAGE(run("aggregate mult.csv --regions blocs.csv -o agg.csv", out) == 0, out);
  const auto agg = irio::read_tidy_csv(file("agg.csv"));
  BOOST_TEST(agg.key_columns() == (std::vector<std::string>{"region", "sector", "indicator"}));
  BOOST_TEST(agg.num_rows() > 0u);
  // The file read back drops the name columns: same rows as before the names existed.
  const auto mult = irio::read_tidy_csv(file("mult.csv"));
  BOOST_TEST(mult.key_columns() == (std::vector<std::string>{"region", "sector", "indicator"}));
  BOOST_TEST(mult.num_rows() > agg.num_rows());
}

BOOST_AUTO_TEST_SUITE_END()
