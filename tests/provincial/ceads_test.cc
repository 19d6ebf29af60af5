// SPDX-License-Identifier: MIT
// Tests of the CEADs workbook reader and writer on generated workbooks in the published layout.
#include <boost/test/unit_test.hpp>
#include <chrono>

#include "irio/io/ceads_reader.h"
#include "irio/io/ceads_writer.h"
#include "irio/tables/error.h"
#include "tests/provincial/workbooks.h"

namespace utf = boost::unit_test;
using irio::BalanceError;
using irio::InputError;
using irio::io::CeadsOptions;
using irio::io::read_ceads;
using irio::testing::CeadsFixture;
using irio::testing::scratch;
using irio::testing::Spoil;
using irio::testing::write_fixture;

namespace {

std::string expect_input_error(const std::string& path, const CeadsOptions& opt = {}) {
  try {
    read_ceads(path, opt);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no InputError)";
}

bool has(const std::string& msg, const std::string& part) {
  if (msg.find(part) != std::string::npos) return true;
  BOOST_TEST_MESSAGE("message was: " << msg);
  return false;
}

/// Sheet column of Z column j / final-demand column c in the fixture layout (0-based).
constexpr std::size_t kC0 = 3;

}  // namespace

BOOST_AUTO_TEST_SUITE(ceads)

BOOST_AUTO_TEST_CASE(small_table_hand_checked) {
  const CeadsFixture f = irio::testing::small_fixture();
  for (bool repeat : {false, true}) {
    const std::string path = scratch(repeat ? "small_repeat.xlsx" : "small.xlsx");
    Spoil sp;
    sp.repeat_province_labels = repeat;
    sp.extra_sheet = "Note";
    write_fixture(f, path, sp);
    const auto res = read_ceads(path);
    const auto& t = res.table;
    BOOST_TEST(res.sheet == "Table_2017_English Version");
    BOOST_TEST(res.findings.empty(), res.report());
    BOOST_TEST(t.labels.regions == f.provinces, boost::test_tools::per_element());
    BOOST_TEST(t.labels.sectors == f.sector_codes, boost::test_tools::per_element());
    BOOST_TEST(res.sector_names == f.sector_names, boost::test_tools::per_element());
    BOOST_TEST(t.labels.sector_names == f.sector_names, boost::test_tools::per_element());  // display names
    BOOST_TEST(t.labels.countries == std::vector<std::string>{"CHN"}, boost::test_tools::per_element());
    BOOST_TEST(t.labels.country_of_region == std::vector<int>(3, 0), boost::test_tools::per_element());
    BOOST_TEST(t.labels.fd_categories == f.fd_codes, boost::test_tools::per_element());
    BOOST_TEST(t.meta.year == "2017");
    // Z(i,j) = 1 + (i + 2j) % 5: Beijing/01 -> Beijing/01 is 1, Tianjin/02 (i=5) -> Hebei/04
    // (j=11) is 1 + 27 % 5 = 3.
    BOOST_TEST(t.Z.coeff(0, 0) == 1.0);
    BOOST_TEST(t.Z.coeff(5, 11) == 3.0);
    BOOST_TEST(t.Z.nonZeros() == 144);
    // Y(i,c) = 2 + (i + c) % 3: Hebei/03 (i=10) to Tianjin FU201 (c = 5 + 3 = 8): 2 + 18 % 3 = 2.
    BOOST_TEST(t.Y.rows() == 12);
    BOOST_TEST(t.Y.cols() == 15);
    BOOST_TEST(t.Y(10, 8) == 2.0);
    BOOST_TEST(t.Y(1, 0) == 3.0);
    BOOST_TEST(t.export_labels == (std::vector<std::string>{"EX", "ERR"}), boost::test_tools::per_element());
    BOOST_TEST(t.exports(3, 0) == 4.0);
    BOOST_TEST(t.exports(3, 1) == -0.5);
    BOOST_TEST(t.import_labels == std::vector<std::string>{"IM"}, boost::test_tools::per_element());
    BOOST_TEST(t.imports(0, 7) == 4.0);
    BOOST_TEST(t.va_components == (std::vector<std::string>{"VA001", "VA002", "VA003", "VA004"}),
               boost::test_tools::per_element());
    BOOST_TEST(t.V(2, 4) == 3.0);
    // Beijing/01 row: Z row sum 1+3+5+2+4+1+3+5+2+4+1+3 = 34, Y row sum 5 x (2+3+4) = 45,
    // EX 1, ERR 0.5: x = 80.5.
    BOOST_TEST(t.x(0) == 80.5);
    BOOST_TEST((t.row_total() - t.x).cwiseAbs().maxCoeff() == 0.0);
    // Value added as the column residual equals the supplied VA (TI = GO in the fixture).
    BOOST_TEST((t.value_added_residual() - t.value_added_supplied()).cwiseAbs().maxCoeff() < 1e-12);
    BOOST_REQUIRE(t.satellites.size() == 1u);
    BOOST_TEST(t.satellites[0].name == "CO2");
    BOOST_TEST(t.satellites[0].units == std::vector<std::string>{"Mt"}, boost::test_tools::per_element());
    BOOST_TEST(t.satellites[0].F(0, 11) == 3.0);
    BOOST_TEST(!res.tii_includes_imports);
  }
}

BOOST_AUTO_TEST_CASE(inline_strings_and_tii_with_imports) {
  CeadsFixture f = irio::testing::small_fixture();
  f.err.resize(0);
  f.co2.resize(0);
  irio::testing::close_columns(f);
  f.sheet = "Table_2020_English Version";
  const std::string path = scratch("inline_ceads.xlsx");
  Spoil sp;
  sp.constant_memory = true;
  sp.tii_includes_im = true;
  write_fixture(f, path, sp);
  const auto res = read_ceads(path);
  BOOST_TEST(res.findings.empty(), res.report());
  BOOST_TEST(res.tii_includes_imports);
  BOOST_TEST(res.table.export_labels == std::vector<std::string>{"EX"}, boost::test_tools::per_element());
  BOOST_TEST(res.table.satellites.empty());
  BOOST_TEST(res.table.meta.year == "2020");
}

BOOST_AUTO_TEST_CASE(layout_2012_four_categories) {
  CeadsFixture f = irio::testing::small_fixture();
  f.sheet = "2012MRIO";
  f.fd_codes = {"FU101", "FU102", "FU103", "FU201"};
  f.Y = f.Y.leftCols(12).eval();  // 3 provinces x 4 categories
  f.err.resize(0);
  irio::testing::close_columns(f);
  const std::string path = scratch("mrio2012.xlsx");
  write_fixture(f, path);
  const auto res = read_ceads(path);
  BOOST_TEST(res.sheet == "2012MRIO");
  BOOST_TEST((res.edition == irio::io::CeadsEdition::k2012));
  BOOST_TEST(res.findings.empty(), res.report());
  BOOST_TEST(res.table.labels.fd_categories.size() == 4u);
  BOOST_TEST(res.table.Y.cols() == 12);
  // The same workbook read as the 2017 edition (explicit sheet) warns about K.
  CeadsOptions o;
  o.sheet = "2012MRIO";
  o.edition = irio::io::CeadsEdition::k2017;
  const auto res2 = read_ceads(path, o);
  BOOST_REQUIRE(res2.findings.size() == 1u);
  BOOST_TEST(has(res2.findings[0].message, "4 final-demand categories per province; the 2017+ layout has 5"));
}

BOOST_AUTO_TEST_CASE(sheet_errors) {
  CeadsFixture f = irio::testing::small_fixture();
  f.sheet = "Sheet1";
  const std::string path = scratch("wrong_sheet.xlsx");
  write_fixture(f, path);
  BOOST_TEST(has(expect_input_error(path),
                 "wrong_sheet.xlsx: no CEADs table sheet found (expected 'Table_YYYY_English Version' or "
                 "'2012MRIO'); the workbook has 'Sheet1'"));
  const std::string good = scratch("good_for_sheet.xlsx");
  Spoil sp;
  sp.extra_sheet = "Note";
  write_fixture(irio::testing::small_fixture(), good, sp);
  CeadsOptions o;
  o.sheet = "Table_2018_English Version";
  BOOST_TEST(has(expect_input_error(good, o),
                 "sheet 'Table_2018_English Version' not found; the workbook has 'Note', "
                 "'Table_2017_English Version'"));
  o.sheet = "Note";
  BOOST_TEST(has(expect_input_error(good, o), "sheet 'Note': the sheet is too small for a CEADs table"));
  // Truncated zip.
  std::filesystem::resize_file(good, std::filesystem::file_size(good) - 100);
  BOOST_TEST(has(expect_input_error(good), "good_for_sheet.xlsx: not an .xlsx workbook (not a zip archive"));
}

BOOST_AUTO_TEST_CASE(text_in_numeric_cells) {
  const CeadsFixture f = irio::testing::small_fixture();
  struct Case {
    std::size_t row, col;
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {6, 5, "12,5",
       "sheet 'Table_2017_English Version', cell F7 (Z Beijing/03 -> Beijing/03): expected a number, found text '12,5'"},
      {4, 34, "n/a", "cell AI5 (GO of Beijing/01): expected a number, found text 'n/a'"},
      {16, 3, "x", "cell D17 (IM of Beijing/01): expected a number, found text 'x'"},
      {13, 29, "--", "cell AD14 (final demand Hebei/02 -> Hebei/FU201): expected a number, found text '--'"},
      {20, 14, "?", "cell O21 (VA003 of Hebei/04): expected a number, found text '?'"},
  };
  int k = 0;
  for (const auto& c : cases) {
    const std::string path = scratch("text" + std::to_string(k++) + ".xlsx");
    Spoil sp;
    sp.cell = [&](std::size_t r, std::size_t col, std::string* text, double*) {
      if (r == c.row && col == c.col) *text = c.text;
      return true;
    };
    write_fixture(f, path, sp);
    BOOST_TEST(has(expect_input_error(path), c.message));
  }
  // Blank text counts as an empty cell (0), as Excel users type it.
  const std::string path = scratch("blank_text.xlsx");
  Spoil sp;
  sp.cell = [](std::size_t r, std::size_t col, std::string* text, double*) {
    if (r == 6 && col == 5) *text = " ";
    return true;
  };
  write_fixture(f, path, sp);
  const auto res = read_ceads(path);
  BOOST_TEST(res.table.Z.coeff(2, 2) == 0.0);
  BOOST_TEST(res.findings.size() == 4u, res.report());  // TIU, GO, TII and TI now disagree with Z
}

BOOST_AUTO_TEST_CASE(mismatched_labels_and_shifted_blocks) {
  const CeadsFixture f = irio::testing::small_fixture();
  struct Case {
    const char* name;
    std::function<bool(std::size_t*, std::size_t*)> move;
    std::function<bool(std::size_t, std::size_t, std::string*, double*)> cell;
    const char* message;
  };
  auto drop_col = [](std::size_t drop) {
    return [drop](std::size_t*, std::size_t* c) {
      if (*c == drop) return false;
      if (*c > drop) --*c;
      return true;
    };
  };
  auto drop_row = [](std::size_t drop) {
    return [drop](std::size_t* r, std::size_t*) {
      if (*r == drop) return false;
      if (*r > drop) --*r;
      return true;
    };
  };
  auto rename = [](const std::string& from, const std::string& to, std::size_t only_row = SIZE_MAX) {
    return [=](std::size_t r, std::size_t, std::string* text, double*) {
      if (*text == from && (only_row == SIZE_MAX || r == only_row)) *text = to;
      return true;
    };
  };
  const Case cases[] = {
      {"missing sector column", drop_col(10), nullptr,
       "province 'Tianjin' has 3 sector columns but 'Beijing' has 4 (block ends before column K)"},
      {"other sector code", drop_col(8), nullptr,
       "cell I4: province 'Tianjin' has sector code '03' where 'Beijing' has '02'"},
      {"missing province-sector row", drop_row(15), nullptr,
       "cell C16: row 'IM' after only 11 of the 12 province-sector rows the columns announce"},
      {"missing final-demand column", drop_col(25), nullptr,
       "column V: province 'Tianjin' has 4 final-demand columns (FU101 FU102 FU103 FU201) unlike 'Beijing'"},
      {"duplicated province", nullptr, rename("Hebei", "Beijing"),
       "cell L2: duplicated province 'Beijing' (its block already starts at column D)"},
      {"duplicated province in final demand", nullptr, rename("Hebei", "Tianjin", 1),
       "province 'Tianjin' has more than the 4 sector columns of 'Beijing' (the next block repeats the name 'Tianjin'"},
      {"row province differs", nullptr,
       [](std::size_t r, std::size_t c, std::string* text, double*) {
         if (r == 8 && c == 0) *text = "Hebei";
         return true;
       },
       "cell A9: row province 'Hebei' where the columns have 'Tianjin'"},
      {"shifted province labels",
       [](std::size_t* r, std::size_t* c) {
         if (*r == 1 && *c >= 16 + 5) ++*c;  // Tianjin's and Hebei's labels one column right
         return true;
       },
       nullptr,
       "column W: province 'Tianjin' has 5 final-demand columns (FU102 FU103 FU201 FU202 FU101) unlike 'Beijing'"},
      {"row labels shifted down",
       [](std::size_t* r, std::size_t* c) {
         if (*c < 3 && *r >= 4 && *r < 16) ++*r;  // labels one row below their data
         return true;
       },
       nullptr, "cell C5: row 5 has data (cell D5) but no province or sector label"},
      {"first province name missing", nullptr, rename("Beijing", "", 1),
       "cell D2: no province name above the first intermediate-use column"},
      {"no GO column", drop_col(34), nullptr, "no gross-output column (code 'GO' in row 4)"},
      {"unknown column after the blocks", nullptr,
       [](std::size_t, std::size_t, std::string* text, double*) {
         if (*text == "GO") *text = "XX";
         if (*text == "Gross output") *text = "Something";
         return true;
       },
       "column AI: sector code 'XX' after the intermediate-use block has ended (shifted block?)"},
  };
  int k = 0;
  for (const auto& c : cases) {
    const std::string path = scratch("layout" + std::to_string(k++) + ".xlsx");
    Spoil sp;
    sp.move = c.move;
    sp.cell = c.cell;
    write_fixture(f, path, sp);
    BOOST_TEST_CONTEXT(c.name) { BOOST_TEST(has(expect_input_error(path), c.message)); }
  }
}

BOOST_AUTO_TEST_CASE(total_mismatches_are_reported) {
  const CeadsFixture f = irio::testing::small_fixture();
  const std::string path = scratch("bad_totals.xlsx");
  Spoil sp;
  sp.cell = [](std::size_t r, std::size_t c, std::string*, double* v) {
    if (r == 9 && c == 34) *v += 1.0;   // GO of Tianjin/02
    if (r == 12 && c == 15) *v -= 2.0;  // TIU of Hebei/01
    return true;
  };
  write_fixture(f, path, sp);
  const auto res = read_ceads(path);
  BOOST_TEST((res.status == irio::tables::Severity::kWarning));
  BOOST_TEST_REQUIRE(res.findings.size() == 3u, res.report());
  BOOST_TEST(res.findings[0].check == "TIU column (total intermediate use)");
  BOOST_TEST(has(res.findings[0].message, "1 row disagree; worst Hebei/01 (cell P13): sheet"));
  BOOST_TEST(res.findings[1].check == "GO column (gross output = Z 1 + Y 1 + EX + ERR)");
  BOOST_TEST(has(res.findings[1].message, "worst Tianjin/02 (cell AI10)"));
  BOOST_TEST(res.findings[2].check == "TI row vs GO column (total input = gross output)");
  BOOST_TEST(has(res.findings[2].message, "worst Tianjin/02 (cell I24)"));
  CeadsOptions strict;
  strict.strict = true;
  try {
    read_ceads(path, strict);
    BOOST_FAIL("no BalanceError");
  } catch (const BalanceError& e) {
    BOOST_TEST(has(e.what(), "table totals disagree with the data"));
    BOOST_TEST(has(e.what(), "Hebei/01 (cell P13)"));
  }
}

BOOST_AUTO_TEST_CASE(round_trip_through_writer) {
  const CeadsFixture f = irio::testing::small_fixture();
  const std::string in = scratch("rt_in.xlsx"), out = scratch("rt_out.xlsx");
  write_fixture(f, in);
  const auto a = read_ceads(in);
  irio::io::CeadsWriteOptions wo;
  wo.sector_names = a.sector_names;
  irio::io::write_ceads(a.table, out, wo);
  // Refuses to overwrite without the flag.
  BOOST_CHECK_THROW(irio::io::write_ceads(a.table, out, wo), irio::OutputError);
  const auto b = read_ceads(out);
  BOOST_TEST(b.findings.empty(), b.report());
  BOOST_TEST(b.sheet == "Table_2017_English Version");
  BOOST_TEST(b.table.labels.regions == a.table.labels.regions, boost::test_tools::per_element());
  BOOST_TEST(b.table.labels.sectors == a.table.labels.sectors, boost::test_tools::per_element());
  BOOST_TEST(b.sector_names == a.sector_names, boost::test_tools::per_element());
  BOOST_TEST(b.table.labels.fd_categories == a.table.labels.fd_categories, boost::test_tools::per_element());
  BOOST_TEST((irio::tables::Matrix(b.table.Z) - irio::tables::Matrix(a.table.Z)).cwiseAbs().maxCoeff() == 0.0);
  BOOST_TEST((b.table.Y - a.table.Y).cwiseAbs().maxCoeff() == 0.0);
  BOOST_TEST((b.table.exports - a.table.exports).cwiseAbs().maxCoeff() == 0.0);
  BOOST_TEST(b.table.export_labels == a.table.export_labels, boost::test_tools::per_element());
  BOOST_TEST((b.table.imports - a.table.imports).cwiseAbs().maxCoeff() == 0.0);
  BOOST_TEST((b.table.V - a.table.V).cwiseAbs().maxCoeff() == 0.0);
  BOOST_TEST((b.table.x - a.table.x).cwiseAbs().maxCoeff() == 0.0);
  BOOST_REQUIRE(b.table.satellites.size() == 1u);
  BOOST_TEST((b.table.satellites[0].F - a.table.satellites[0].F).cwiseAbs().maxCoeff() == 0.0);
  // A table of two countries cannot be written in this layout.
  irio::tables::IoTable two = a.table;
  two.labels.countries = {"CHN", "ROW"};
  two.labels.country_of_region = {0, 0, 1};
  try {
    wo.overwrite = true;
    irio::io::write_ceads(two, out, wo);
    BOOST_FAIL("no exception");
  } catch (const InputError& e) {
    BOOST_TEST(has(e.what(), "the CEADs layout holds the provinces of one country; the table has 2 countries"));
  }
}

BOOST_AUTO_TEST_CASE(full_size_31_by_42) {
  const CeadsFixture f = irio::testing::seeded_fixture(31, 42);
  const std::string path = scratch("full.xlsx");
  Spoil sp;
  sp.constant_memory = true;
  auto t0 = std::chrono::steady_clock::now();
  write_fixture(f, path, sp);
  auto t1 = std::chrono::steady_clock::now();
  const auto res = read_ceads(path);
  auto t2 = std::chrono::steady_clock::now();
  BOOST_TEST_MESSAGE("31 x 42 CEADs workbook: written in " << std::chrono::duration<double>(t1 - t0).count()
                                                           << " s, read in "
                                                           << std::chrono::duration<double>(t2 - t1).count() << " s");
  const auto& t = res.table;
  BOOST_TEST(res.findings.empty(), res.report());
  BOOST_TEST(t.labels.num_regions() == 31u);
  BOOST_TEST(t.labels.num_sectors() == 42u);
  BOOST_TEST(t.labels.regions.back() == "Xinjiang");
  BOOST_TEST(t.Y.cols() == 155);
  // Values survive the text round trip to within the 16 digits libxlsxwriter prints.
  const irio::tables::Matrix Zd(t.Z);
  BOOST_TEST((Zd - f.Z).cwiseAbs().maxCoeff() <= 1e-12);
  BOOST_TEST((t.Y - f.Y).cwiseAbs().maxCoeff() <= 1e-12);
  BOOST_TEST((t.x - f.x()).cwiseAbs().maxCoeff() <= 1e-9);
  BOOST_TEST(t.Z.nonZeros() == (f.Z.array() != 0.0).count());
  // The read time is reported above, not asserted: speed goals live in the benchmark.
}

BOOST_AUTO_TEST_SUITE_END()
