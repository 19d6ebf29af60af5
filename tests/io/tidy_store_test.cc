// SPDX-License-Identifier: MIT
// Tidy result writers: CSV text (NA, %.17g, quoting), HDF5 /results/<run>/<table> round trip,
// appending to a table file, write_results dispatch by extension, and their refusal rules.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <fstream>
#include <sstream>

#include "io_test_util.h"
#include "irio/io/internal/h5_patch.h"
#include "irio/io/table_store.h"
#include "tests/test_util.h"

using irio::InputError;
using irio::OutputError;
using irio::tables::TidyTable;
using irio::testing::check_error;
using irio::testing::TempDir;
namespace io = irio::io;

namespace {

std::string slurp(const std::string& p) {
  std::ifstream is(p);
  std::stringstream ss;
  ss << is.rdbuf();
  return ss.str();
}

TidyTable sample(const std::string& name = "multipliers") {
  TidyTable t(name, {"region", "sector", "indicator"});
  t.add_row({"CHN", "c14", "output"}, 0.1);
  t.add_row({"DEU", "a,b \"q\"", "output"}, std::nan(""));
  t.add_row({"CHN", "c1", "value added"}, -1.0 / 3.0);
  t.add_row({"CHN", "c1", "inf"}, INFINITY);
  return t;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(tidy_store)

BOOST_AUTO_TEST_CASE(csv_text) {
  TempDir d;
  io::write_tidy_csv(sample(), d.file("m.csv"));
  BOOST_TEST(slurp(d.file("m.csv")) ==
             "region,sector,indicator,value\n"
             "CHN,c14,output,0.10000000000000001\n"
             "DEU,\"a,b \"\"q\"\"\",output,NA\n"
             "CHN,c1,value added,-0.33333333333333331\n"
             "CHN,c1,inf,Inf\n");
  check_error<OutputError>([&] { io::write_tidy_csv(sample(), d.file("m.csv")); }, {"m.csv' exists"});
}

BOOST_AUTO_TEST_CASE(h5_round_trip_and_append_to_table) {
  TempDir d;
  const std::string p = d.file("r.h5");
  TidyTable other("accounts", {"region"}, "footprint");
  other.add_row({"A"}, 1.5);
  other.add_row({"B"}, 2.5);
  io::write_tidy_h5({sample(), other}, p, "run1");
  auto back = io::read_tidy_h5(p, "run1");
  BOOST_REQUIRE_EQUAL(back.size(), 2u);  // name order: accounts, multipliers
  BOOST_TEST(back[0].name() == "accounts");
  BOOST_TEST(back[0].value_column() == "footprint");
  BOOST_TEST(back[0].find({"B"}) == 2.5);
  const auto& m = back[1];
  BOOST_TEST(m.key_columns() == sample().key_columns());
  BOOST_TEST(m.num_rows() == 4u);
  BOOST_TEST(m.key(1, 1) == "a,b \"q\"");
  BOOST_TEST(std::isnan(m.value(1)));
  BOOST_TEST(m.value(2) == -1.0 / 3.0);
  BOOST_TEST(m.levels(0) == (std::vector<std::string>{"CHN", "DEU"}));

  // Same run and table again: refused without overwrite, replaced with it; a second run is added.
  check_error<OutputError>([&] { io::write_tidy_h5({sample()}, p, "run1"); }, {"/results/run1/multipliers exists"});
  io::WriteOptions ow;
  ow.overwrite = true;
  TidyTable small("multipliers", {"region"});
  small.add_row({"X"}, 7.0);
  io::write_tidy_h5({small}, p, "run1", ow);
  io::write_tidy_h5({small}, p, "run2");
  BOOST_TEST(io::read_tidy_h5(p, "run1")[1].find({"X"}) == 7.0);
  BOOST_TEST(io::read_tidy_h5(p, "run2").size() == 1u);

  // Results added to an irio table file keep the table readable.
  const std::string tp = d.file("table.h5");
  io::write_table(irio::testing::miller_blair_2x2(), tp);
  io::write_tidy_h5({sample()}, tp, "base");
  BOOST_TEST(io::read_table(tp).n() == 2u);
  BOOST_TEST(io::read_tidy_h5(tp, "base")[0].num_rows() == 4u);
  ow.inputs = {tp};
  check_error<OutputError>([&] { io::write_tidy_h5({sample()}, tp, "again", ow); },
                           {"refusing to overwrite the input"});

  // A foreign HDF5 file is not replaced without overwrite.
  const std::string foreign = d.file("foreign.h5");
  io::internal::h5_patch_create_empty(foreign);
  check_error<OutputError>([&] { io::write_tidy_h5({sample()}, foreign, "r"); }, {"is not an irio HDF5 file"});
  check_error<OutputError>([&] { io::write_tidy_h5({sample()}, p, "a/b"); }, {"run name 'a/b'"});
  check_error<InputError>([&] { io::read_tidy_h5(p, "nope"); }, {p, "missing group '/results/nope'"});
  check_error<InputError>([&] { io::read_tidy_h5(foreign, "r"); }, {"not an irio table"});
}

BOOST_AUTO_TEST_CASE(write_results_by_extension) {
  TempDir d;
  // Same keys: one CSV with a leading table column.
  const auto one = io::write_results({sample("a"), sample("b")}, d.file("all.csv"), "run");
  BOOST_TEST(one == std::vector<std::string>{d.file("all.csv")});
  const std::string text = slurp(d.file("all.csv"));
  BOOST_TEST(text.rfind("table,region,sector,indicator,value\na,CHN,c14,output,", 0) == 0u);
  BOOST_TEST(text.find("\nb,CHN,c1,inf,Inf\n") != std::string::npos);
  // Different keys: one file per table.
  TidyTable r("regions", {"region"});
  r.add_row({"A"}, 1);
  const auto two = io::write_results({sample("m"), r}, d.file("res.csv"), "run");
  BOOST_TEST(two == (std::vector<std::string>{d.file("res_m.csv"), d.file("res_regions.csv")}));
  BOOST_TEST(slurp(d.file("res_regions.csv")) == "region,value\nA,1\n");
  // A folder: <folder>/<table>.csv.
  const auto dir = io::write_results({r}, d.path().string(), "run");
  BOOST_TEST(dir == std::vector<std::string>{d.file("regions.csv")});
  // HDF5 and unknown extensions.
  BOOST_TEST(io::write_results({r}, d.file("res.h5"), "run").size() == 1u);
  BOOST_TEST(io::read_tidy_h5(d.file("res.h5"), "run")[0].find({"A"}) == 1.0);
  check_error<OutputError>([&] { io::write_results({r}, d.file("res.xlsx2"), "run"); }, {"cannot tell the format"});
}

BOOST_AUTO_TEST_SUITE_END()
