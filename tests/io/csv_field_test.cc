// SPDX-License-Identifier: MIT
// The one CSV quoting rule (io/internal/csv_writer.h, csv_field) shared by the CSV writers:
// RFC 4180 quoting plus tabs and leading/trailing spaces, so that read_csv gives fields back.
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "io_test_util.h"
#include "irio/io/csv_reader.h"
#include "irio/io/internal/csv_writer.h"

using irio::io::internal::csv_field;

BOOST_AUTO_TEST_SUITE(csv_field_quoting)

BOOST_AUTO_TEST_CASE(rfc4180_fields) {
  BOOST_TEST(csv_field("") == "");
  BOOST_TEST(csv_field("plain") == "plain");
  BOOST_TEST(csv_field("in side") == "in side");
  BOOST_TEST(csv_field("a,b") == "\"a,b\"");
  BOOST_TEST(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  BOOST_TEST(csv_field("two\nlines") == "\"two\nlines\"");
  BOOST_TEST(csv_field("cr\r") == "\"cr\r\"");
  BOOST_TEST(csv_field(" lead") == "\" lead\"");
  BOOST_TEST(csv_field("trail ") == "\"trail \"");
}

BOOST_AUTO_TEST_CASE(tabs_are_quoted) {
  BOOST_TEST(csv_field("a\tb") == "\"a\tb\"");
  BOOST_TEST(csv_field("\tlead") == "\"\tlead\"");
  BOOST_TEST(csv_field("trail\t") == "\"trail\t\"");
}

BOOST_AUTO_TEST_CASE(tabs_and_spaces_read_back) {
  irio::testing::TempDir dir;
  const std::vector<std::string> labels{"a\tb", "\tlead", "trail\t", " space ", "x,y", "q\"q", "plain"};
  {
    irio::io::internal::CsvOut out(dir.file("t.csv"), {});
    out.row(labels);
    out.row({"1", "2", "3", "4", "5", "6", "7"});
    out.commit();
  }
  const auto f = irio::io::read_csv(dir.file("t.csv"));
  BOOST_TEST(f.delimiter == ',');
  BOOST_REQUIRE_EQUAL(f.rows.size(), 2u);
  BOOST_TEST(f.rows[0].fields == labels, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
