// SPDX-License-Identifier: MIT
// Hostile and malformed workbooks: rows that claim 16 384 columns each, formulas without a
// cached value (never read as 0), text that is not UTF-8.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <functional>
#include <string>

#include "irio/io/ceads_reader.h"
#include "irio/io/xlsx_reader.h"
#include "irio/io/xlsx_writer.h"
#include "irio/tables/error.h"
#include "tests/provincial/workbooks.h"

using irio::InputError;
using irio::io::XlsxSheet;
using irio::io::XlsxWorkbook;
using irio::testing::scratch;

namespace {

/// A one-sheet workbook ("S": A1 = "label", B2 = 5) whose sheet XML `edit` then rewrites.
std::string workbook(const std::string& name, const std::function<void(std::string&)>& edit) {
  const std::string path = scratch(name);
  {
    irio::io::XlsxWriter w(path);
    const std::size_t s = w.add_sheet("S");
    w.write_string(s, 0, 0, "label");
    w.write_number(s, 1, 1, 5);
    w.close();
  }
  irio::testing::edit_part(path, "xl/worksheets/sheet1.xml", edit);
  return path;
}

/// Replace the whole <sheetData> element.
void set_sheet_data(std::string& xml, const std::string& data) {
  const auto a = xml.find("<sheetData");
  const auto b = xml.find("</sheetData>");
  if (a == std::string::npos || b == std::string::npos) throw std::runtime_error("no sheetData");
  xml.replace(a, b + 12 - a, data);
}

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  } catch (const std::exception& e) {
    return std::string("<other exception> ") + e.what();
  }
  return "<no exception>";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_workbooks)

BOOST_AUTO_TEST_CASE(rows_claiming_16384_columns_are_not_trusted) {
  // 300 000 empty rows that each claim spans="1:16384" (reserving on the hint: 78 GB), then one
  // cell. Memory must follow the cells present.
  const std::string path = workbook("spans.xlsx", [](std::string& xml) {
    std::string data = "<sheetData>";
    data.reserve(300000 * 40);
    for (int r = 1; r <= 300000; ++r) data += "<row r=\"" + std::to_string(r) + "\" spans=\"1:16384\"/>";
    data += "<row r=\"300001\" spans=\"1:16384\"><c r=\"C300001\"><v>7</v></c></row></sheetData>";
    set_sheet_data(xml, data);
  });
  XlsxWorkbook book(path);
  const XlsxSheet s = book.read_sheet("S");
  BOOST_TEST(s.num_cells() == 1u);
  BOOST_TEST(s.num_rows() == 300001u);
  BOOST_TEST(s.number(300000, 2) == 7.0);
}

BOOST_AUTO_TEST_CASE(formula_without_cached_value_is_not_zero) {
  const std::string path = workbook(
      "formula.xlsx", [](std::string& xml) { irio::testing::replace_first(xml, "<v>5</v>", "<f>SUM(A5:A9)</f>"); });
  XlsxWorkbook book(path);
  const XlsxSheet s = book.read_sheet("S");
  BOOST_TEST((s.type(1, 1) == XlsxSheet::CellType::kFormula));
  BOOST_TEST(!s.empty(1, 1));
  BOOST_TEST(std::isnan(s.number(1, 1)));
  BOOST_TEST(s.formula(1, 1) == "SUM(A5:A9)");
  BOOST_TEST(s.display(1, 1) == "=SUM(A5:A9)");

  // A formula with its cached value reads as that value; a cached empty string stays a string.
  const std::string cached = workbook(
      "cached.xlsx", [](std::string& xml) { irio::testing::replace_first(xml, "<v>5</v>", "<f>2+3</f><v>5</v>"); });
  BOOST_TEST(XlsxWorkbook(cached).read_sheet("S").number(1, 1) == 5.0);

  // In a CEADs table the cell is an error naming the sheet and the cell.
  irio::testing::CeadsFixture f = irio::testing::small_fixture();
  f.Z(0, 0) = 12345.678;
  irio::testing::close_columns(f);
  const std::string ceads = scratch("ceads_formula.xlsx");
  irio::testing::write_fixture(f, ceads);
  irio::testing::edit_part(ceads, "xl/worksheets/sheet1.xml", [](std::string& xml) {
    irio::testing::replace_first(xml, "<v>12345.678</v>", "<f>SUM(D7:D9)</f>");
  });
  const std::string msg = message_of([&] { irio::io::read_ceads(ceads); });
  BOOST_TEST(msg.find("sheet 'Table_2017_English Version', cell D") != std::string::npos, msg);
  BOOST_TEST(msg.find("=SUM(D7:D9) has no cached value") != std::string::npos, msg);
  BOOST_TEST(msg.find("Z Beijing/01 -> Beijing/01") != std::string::npos, msg);
}

BOOST_AUTO_TEST_CASE(text_that_is_not_utf8_names_the_cell) {
  const std::string inl = workbook("latin1_inline.xlsx", [](std::string& xml) {
    irio::testing::replace_first(xml, "<c r=\"B2\"",
                                 "<c r=\"C2\" t=\"inlineStr\"><is><t>S\xE3o</t></is></c><c r=\"B2\"");
  });
  std::string msg = message_of([&] { XlsxWorkbook(inl).read_sheet("S"); });
  BOOST_TEST(msg.find("sheet 'S', cell C2") != std::string::npos, msg);
  BOOST_TEST(msg.find("'S\\xE3o' is not valid UTF-8") != std::string::npos, msg);

  const std::string path = workbook("latin1_shared.xlsx", [](std::string&) {});
  irio::testing::edit_part(path, "xl/sharedStrings.xml", [](std::string& xml) {
    irio::testing::replace_first(xml, "<t>label</t>", "<t>M\xFCnchen</t>");
  });
  XlsxWorkbook book(path);  // opening is fine: the string is checked where a cell uses it
  msg = message_of([&] { book.read_sheet("S"); });
  BOOST_TEST(msg.find("sheet 'S', cell A1") != std::string::npos, msg);
  BOOST_TEST(msg.find("'M\\xFCnchen' is not valid UTF-8") != std::string::npos, msg);
}

BOOST_AUTO_TEST_SUITE_END()
