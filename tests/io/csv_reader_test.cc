// SPDX-License-Identifier: MIT
// Tests of the CSV/TSV tokenizer: delimiters, quoting, CRLF, gzip, and its error positions.
#include <zlib.h>

#include <boost/test/unit_test.hpp>

#include "io_test_util.h"
#include "irio/io/csv_reader.h"
#include "tests/test_util.h"

using irio::InputError;
using irio::io::parse_csv;
using irio::io::read_csv;
using irio::testing::check_error;

BOOST_AUTO_TEST_SUITE(csv_reader)

BOOST_AUTO_TEST_CASE(comma_quotes_crlf_and_blank_lines) {
  const auto f = parse_csv("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\r\n 1 , 2,3\r\n\"multi\nline\",x,y\n", "t.csv");
  BOOST_TEST(f.delimiter == ',');
  BOOST_REQUIRE_EQUAL(f.rows.size(), 3u);
  BOOST_TEST(f.rows[0].fields[1] == "b,c");
  BOOST_TEST(f.rows[0].fields[2] == "say \"hi\"");
  BOOST_TEST(f.rows[1].line == 3u);  // the blank line 2 is skipped but counted
  BOOST_TEST(f.rows[1].fields[0] == "1");
  BOOST_TEST(f.number(1, 1) == 2.0);
  BOOST_TEST(f.rows[2].fields[0] == "multi\nline");
  BOOST_TEST(f.rows[2].line == 4u);
}

BOOST_AUTO_TEST_CASE(tab_and_semicolon_detected) {
  BOOST_TEST(parse_csv("a\tb,c\td\n1\t2\t3\n", "t.tsv").delimiter == '\t');
  BOOST_TEST(parse_csv("a;b\n1;2\n", "t.csv").delimiter == ';');
  const auto f = parse_csv("\t\treg1\nx\ty\t1.5e3\n", "t.txt");
  BOOST_TEST(f.rows[0].fields.size() == 3u);
  BOOST_TEST(f.rows[0].fields[0].empty());
  BOOST_TEST(f.number(1, 2) == 1500.0);
}

BOOST_AUTO_TEST_CASE(numbers) {
  double v = 0;
  BOOST_TEST(irio::io::parse_double("-1.25e-3", v));
  BOOST_TEST(v == -1.25e-3);
  BOOST_TEST(irio::io::parse_double("+7", v));
  BOOST_TEST(v == 7.0);
  BOOST_TEST(irio::io::parse_double("0.1000000000000000055511151231257827", v));
  BOOST_TEST(v == 0.1);
  for (const char* bad : {"", "abc", "1,5", "nan", "inf", "1e999", "NA", "12x", "+-5", "-+5", "++5", "+"})
    BOOST_TEST(!irio::io::parse_double(bad, v), bad);
}

BOOST_AUTO_TEST_CASE(errors_name_file_line_column) {
  const auto f = parse_csv("h1,h2,h3\n1,2,3\n4,oops,6\n7,8\n", "bad.csv");
  check_error<InputError>([&] { f.number(2, 1, "Z"); }, {"bad.csv:3:2", "non-numeric cell 'oops'", "in Z"});
  check_error<InputError>([&] { f.require_width(3); }, {"bad.csv:4", "2 fields, expected 3", "ragged row"});
  check_error<InputError>([&] { f.cell(3, 2); }, {"bad.csv:4", "ragged row"});
  check_error<InputError>([] { parse_csv("a,\"open\n1,2\n", "q.csv"); }, {"q.csv:1:2", "unterminated quoted field"});
  check_error<InputError>([] { parse_csv("a,\"x\"y,b\n", "q.csv"); }, {"q.csv:1:2", "after the closing quote"});
  check_error<InputError>([] { read_csv("/nonexistent/irio/file.csv"); },
                          {"cannot open '/nonexistent/irio/file.csv'", "No such file"});
}

BOOST_AUTO_TEST_CASE(gzip_and_bom) {
  irio::testing::TempDir dir;
  const std::string p = dir.file("t.csv.gz");
  gzFile g = gzopen(p.c_str(), "wb");
  const std::string text = "\xEF\xBB\xBFregion,value\nA,1\nB,2\n";
  gzwrite(g, text.data(), static_cast<unsigned>(text.size()));
  gzclose(g);
  const auto f = read_csv(p);
  BOOST_REQUIRE_EQUAL(f.rows.size(), 3u);
  BOOST_TEST(f.rows[0].fields[0] == "region");  // BOM stripped
  BOOST_TEST(f.number(2, 1) == 2.0);
}

BOOST_AUTO_TEST_CASE(real_gzipped_wiod_header) {
  const auto f = read_csv(irio::testing::test_data("wiod2013/wiot_2011_F.csv.gz"));
  BOOST_TEST(f.rows.size() == 1436u);
  BOOST_TEST(f.rows[0].fields.size() == 206u);
  BOOST_TEST(f.rows[0].fields[1] == "AUS_FD1");
  f.require_width(206);
}

BOOST_AUTO_TEST_SUITE_END()
