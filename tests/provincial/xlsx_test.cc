// SPDX-License-Identifier: MIT
// Tests of io::XlsxWorkbook / XlsxSheet on workbooks written by libxlsxwriter and edited by hand.
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <fstream>

#include "irio/io/xlsx_reader.h"
#include "irio/io/xlsx_writer.h"
#include "irio/tables/error.h"
#include "tests/provincial/workbooks.h"

namespace utf = boost::unit_test;
using irio::InputError;
using irio::io::XlsxSheet;
using irio::io::XlsxWorkbook;
using irio::testing::scratch;

namespace {

bool message_has(const std::exception& e, const std::string& what) {
  const std::string m = e.what();
  if (m.find(what) == std::string::npos) {
    BOOST_TEST_MESSAGE("message was: " << m);
    return false;
  }
  return true;
}

/// Two sheets with every cell kind; `constant_memory` switches shared strings to inline strings.
std::string write_basic(const std::string& name, bool constant_memory) {
  std::string path = scratch(name);
  irio::io::XlsxWriterOptions o;
  o.constant_memory = constant_memory;
  irio::io::XlsxWriter w(path, o);
  std::size_t a = w.add_sheet("First");
  std::size_t b = w.add_sheet("Second sheet");
  w.write_string(a, 0, 0, "label");
  w.write_number(a, 0, 1, 1.5);
  w.write_number(a, 0, 3, -2e-7);  // C1 left empty
  w.write_boolean(a, 1, 0, true);
  w.write_boolean(a, 1, 1, false);
  w.write_string(a, 1, 2, "  spaced <&> \xe5\x8c\x97\xe4\xba\xac ");  // "Beijing" in Chinese
  w.write_number(a, 9, 27, 42);                                       // sparse: rows 3-9 empty, AB10
  w.write_string(b, 0, 0, "label");                                   // a repeated shared string
  w.write_number(b, 2, 1, 1e300);
  w.close();
  return path;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(xlsx_reader)

BOOST_AUTO_TEST_CASE(cell_references) {
  using irio::io::cell_ref;
  using irio::io::parse_cell_ref;
  BOOST_TEST(cell_ref(0, 0) == "A1");
  BOOST_TEST(cell_ref(4, 27) == "AB5");
  BOOST_TEST(cell_ref(0, 16383) == "XFD1");
  BOOST_TEST(irio::io::column_letters(25) == "Z");
  BOOST_TEST(irio::io::column_letters(26) == "AA");
  BOOST_TEST(irio::io::column_letters(701) == "ZZ");
  BOOST_TEST(irio::io::column_letters(702) == "AAA");
  std::size_t r = 99, c = 99;
  BOOST_TEST(parse_cell_ref("A1", &r, &c));
  BOOST_TEST(r == 0u);
  BOOST_TEST(c == 0u);
  BOOST_TEST(parse_cell_ref("$AB$12", &r, &c));
  BOOST_TEST(r == 11u);
  BOOST_TEST(c == 27u);
  BOOST_TEST(parse_cell_ref("XFD1048576", &r, &c));
  BOOST_TEST(r == 1048575u);
  BOOST_TEST(c == 16383u);
  for (const char* bad : {"", "A", "1", "A0", "a1", "XFE1", "A1048577", "AAAA1", "A1B", "A-1", "$$A1"})
    BOOST_TEST(!parse_cell_ref(bad, &r, &c), bad);
  for (std::size_t col : {0u, 25u, 26u, 51u, 52u, 701u, 702u, 1301u, 16383u}) {
    BOOST_TEST(parse_cell_ref(cell_ref(7, col), &r, &c));
    BOOST_TEST(c == col);
    BOOST_TEST(r == 7u);
  }
}

BOOST_AUTO_TEST_CASE(every_cell_kind_shared_and_inline_strings) {
  for (bool inline_strings : {false, true}) {
    XlsxWorkbook book(write_basic(inline_strings ? "inline.xlsx" : "shared.xlsx", inline_strings));
    BOOST_TEST(book.sheet_names() == (std::vector<std::string>{"First", "Second sheet"}),
               boost::test_tools::per_element());
    XlsxSheet s = book.read_sheet("First");
    BOOST_TEST(s.num_rows() == 10u);
    BOOST_TEST(s.num_cols() == 28u);
    BOOST_TEST(s.num_cells() == 7u);
    BOOST_TEST((s.type(0, 0) == XlsxSheet::CellType::kString));
    BOOST_TEST(s.text(0, 0) == "label");
    BOOST_TEST(s.number(0, 1) == 1.5);
    BOOST_TEST(s.empty(0, 2));
    BOOST_TEST(s.number(0, 3) == -2e-7);
    BOOST_TEST((s.type(1, 0) == XlsxSheet::CellType::kBoolean));
    BOOST_TEST(s.number(1, 0) == 1.0);
    BOOST_TEST(s.display(1, 1) == "FALSE");
    BOOST_TEST(s.text(1, 2) == "  spaced <&> \xe5\x8c\x97\xe4\xba\xac ");
    BOOST_TEST(s.empty(5, 5));
    BOOST_TEST(s.number(9, 27) == 42.0);
    BOOST_TEST(s.display(9, 27) == "42");
    BOOST_TEST(s.empty(100, 100));           // outside the stored range
    BOOST_TEST(std::isnan(s.number(0, 0)));  // text has no number
    BOOST_TEST(s.where(9, 27) == book.file() + ", sheet 'First', cell AB10");
    XlsxSheet t = book.read_sheet("Second sheet");
    BOOST_TEST(t.text(0, 0) == "label");
    BOOST_TEST(t.number(2, 1) == 1e300);
  }
}

BOOST_AUTO_TEST_CASE(missing_and_non_xlsx_files) {
  try {
    XlsxWorkbook b(scratch("does_not_exist.xlsx"));
    BOOST_FAIL("no exception");
  } catch (const InputError& e) {
    BOOST_TEST(message_has(e, "does_not_exist.xlsx: cannot open the file"));
  }
  const std::string text = scratch("text.xlsx");
  std::ofstream(text) << "Code,Description\n01,Agriculture\n";
  try {
    XlsxWorkbook b(text);
    BOOST_FAIL("no exception");
  } catch (const InputError& e) {
    BOOST_TEST(message_has(e, "text.xlsx: not an .xlsx workbook (not a zip archive"));
  }
  // A zip that is not a spreadsheet.
  const std::string z = scratch("plain.zip");
  {
    int err = 0;
    zip_t* a = zip_open(z.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    static const char kData[] = "hello";
    zip_file_add(a, "readme.txt", zip_source_buffer(a, kData, 5, 0), 0);
    zip_close(a);
  }
  try {
    XlsxWorkbook b(z);
    BOOST_FAIL("no exception");
  } catch (const InputError& e) {
    BOOST_TEST(message_has(e, "plain.zip: a zip archive but not an .xlsx workbook (no xl/workbook.xml)"));
  }
}

BOOST_AUTO_TEST_CASE(truncated_zip) {
  const std::string path = write_basic("truncated.xlsx", false);
  const auto size = std::filesystem::file_size(path);
  std::filesystem::resize_file(path, size / 2);
  try {
    XlsxWorkbook b(path);
    BOOST_FAIL("no exception");
  } catch (const InputError& e) {
    BOOST_TEST(message_has(e, "truncated.xlsx: not an .xlsx workbook (not a zip archive, or a truncated one)"));
  }
  // The same bytes through the in-memory constructor (the fuzzer's path).
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  BOOST_CHECK_THROW(XlsxWorkbook(bytes.data(), bytes.size(), "memory"), InputError);
}

BOOST_AUTO_TEST_CASE(sheet_not_found_lists_sheets) {
  XlsxWorkbook book(write_basic("sheets.xlsx", false));
  BOOST_TEST(book.has_sheet("First"));
  BOOST_TEST(!book.has_sheet("first"));
  try {
    book.read_sheet("Table_2017_English Version");
    BOOST_FAIL("no exception");
  } catch (const InputError& e) {
    BOOST_TEST(message_has(e,
                           "sheets.xlsx: sheet 'Table_2017_English Version' not found; the workbook has "
                           "'First', 'Second sheet'"));
  }
}

BOOST_AUTO_TEST_CASE(malformed_sheet_xml) {
  struct Case {
    const char* from;
    const char* to;
    const char* message;
  };
  const Case cases[] = {
      {"r=\"B1\"", "r=\"B0\"", "sheet 'First': malformed cell reference 'B0' in row 1"},
      {"r=\"B1\"", "r=\"B2\"", "sheet 'First': cell reference 'B2' inside row 1"},
      {"<v>1.5</v>", "<v>1.5.3</v>", "sheet 'First', cell B1: number '1.5.3' cannot be read"},
      {"<v>1.5</v>", "<v>1,5</v>", "sheet 'First', cell B1: number '1,5' cannot be read"},
      {"t=\"s\"><v>0</v>", "t=\"s\"><v>99</v>", "sheet 'First', cell A1: shared-string index '99' is invalid"},
      {"t=\"b\"><v>1</v>", "t=\"b\"><v>yes</v>", "sheet 'First', cell A2: boolean value 'yes' is not 0 or 1"},
      {"<sheetData>", "<sheetData><row>", "sheet 'First': malformed XML in xl/worksheets/sheet1.xml"},
      {"r=\"B1\"", "r=\"A1\"", "sheet 'First': cell A1 appears twice"},
      {"<row r=\"1\"", "<row r=\"x\"", "sheet 'First': malformed row number 'x'"},
  };
  int k = 0;
  for (const auto& c : cases) {
    const std::string path = write_basic("bad" + std::to_string(k++) + ".xlsx", false);
    irio::testing::edit_part(path, "xl/worksheets/sheet1.xml",
                             [&](std::string& xml) { irio::testing::replace_first(xml, c.from, c.to); });
    XlsxWorkbook book(path);
    try {
      book.read_sheet("First");
      BOOST_ERROR("no exception for " << c.to);
    } catch (const InputError& e) {
      BOOST_TEST(message_has(e, c.message));
    }
    BOOST_CHECK_NO_THROW(book.read_sheet("Second sheet"));  // the other sheet is intact
  }
}

BOOST_AUTO_TEST_CASE(cells_without_references_and_rich_text) {
  // Hand-edited XML: cells without r= follow their predecessor, rows without r= follow theirs,
  // rich-text shared strings concatenate their runs, phonetic runs are skipped, and a
  // namespace prefix on the elements is accepted.
  const std::string path = write_basic("hand.xlsx", false);
  irio::testing::edit_part(path, "xl/worksheets/sheet2.xml", [](std::string& xml) {
    auto a = xml.find("<sheetData>"), b = xml.find("</sheetData>");
    xml.replace(
        a, b + 12 - a,
        "<sheetData><row><c><v>1</v></c><c t=\"str\"><v>f</v></c><c r=\"E1\"><v>5</v></c><c><v>6</v></c></row>"
        "<row><c t=\"inlineStr\"><is><r><t>in</t></r><r><t>line</t></r></is></c><c t=\"e\"><v>#N/A</v></c></row>"
        "<row r=\"5\"><c r=\"B5\" t=\"s\"><v>0</v></c></row></sheetData>");
  });
  irio::testing::edit_part(path, "xl/sharedStrings.xml", [](std::string& xml) {
    irio::testing::replace_first(xml, "<si><t>label</t></si>",
                                 "<si><r><t>la</t></r><r><rPr/><t>bel</t></r><rPh><t>x</t></rPh></si>");
  });
  XlsxWorkbook book(path);
  XlsxSheet s = book.read_sheet("Second sheet");
  BOOST_TEST(s.number(0, 0) == 1.0);
  BOOST_TEST(s.text(0, 1) == "f");
  BOOST_TEST(s.number(0, 4) == 5.0);
  BOOST_TEST(s.number(0, 5) == 6.0);
  BOOST_TEST(s.text(1, 0) == "inline");
  BOOST_TEST((s.type(1, 1) == XlsxSheet::CellType::kError));
  BOOST_TEST(s.display(1, 1) == "#N/A");
  BOOST_TEST(s.text(4, 1) == "label");
  BOOST_TEST(book.read_sheet("First").text(0, 0) == "label");
}

BOOST_AUTO_TEST_CASE(large_sheet_reads_in_seconds) {
  // 1320 rows x 1500 columns of numbers, the size of a CEADs 31 x 42 sheet.
  const std::string path = scratch("large.xlsx");
  {
    irio::io::XlsxWriterOptions o;
    o.constant_memory = true;
    irio::io::XlsxWriter w(path, o);
    std::size_t s = w.add_sheet("big");
    for (std::size_t r = 0; r < 1320; ++r)
      for (std::size_t c = 0; c < 1500; ++c)
        w.write_number(s, r, c, static_cast<double>(r) * 1500.0 + static_cast<double>(c) + 0.25);
    w.close();
  }
  auto t0 = std::chrono::steady_clock::now();
  XlsxWorkbook book(path);
  XlsxSheet s = book.read_sheet("big");
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  BOOST_TEST_MESSAGE("read 1320 x 1500 sheet in " << secs << " s");
  BOOST_TEST(s.num_rows() == 1320u);
  BOOST_TEST(s.num_cols() == 1500u);
  BOOST_TEST(s.num_cells() == 1320u * 1500u);
  BOOST_TEST(s.number(1319, 1499) == 1319.0 * 1500.0 + 1499.25);
  BOOST_TEST(s.number(700, 33) == 700.0 * 1500.0 + 33.25);
  BOOST_TEST(secs < 20.0);  // ~1-2 s measured on the 2-core CI machine; generous for sanitizers
}

BOOST_AUTO_TEST_SUITE_END()
