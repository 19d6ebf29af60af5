// SPDX-License-Identifier: MIT
// Tests of the NBS national tables: reading all 12 CSVs with their own totals, the
// competitive -> non-competitive conversion (methods.md §5.5, §7.7) and the 2017 149 vs 42 check.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "irio/io/concordance_reader.h"
#include "irio/io/nbs_reader.h"
#include "irio/tables/error.h"
#include "tests/provincial/workbooks.h"
#include "tests/test_util.h"

namespace tt = boost::test_tools;
using irio::InputError;
using irio::io::NbsTable;
using irio::tables::Matrix;
using irio::tables::Vector;

namespace {
std::string nbs_file(const std::string& f) { return irio::testing::test_data("china_nbs/" + f); }

bool has(const std::string& msg, const std::string& part) {
  if (msg.find(part) != std::string::npos) return true;
  BOOST_TEST_MESSAGE("message was: " << msg);
  return false;
}

/// Relative agreement sum |a - b| / sum |b|.
double rel_l1(const Matrix& a, const Matrix& b) { return (a - b).cwiseAbs().sum() / b.cwiseAbs().sum(); }
}  // namespace

BOOST_AUTO_TEST_SUITE(nbs)

BOOST_AUTO_TEST_CASE(all_tables_balance_by_their_own_totals) {
  struct Case {
    const char* file;
    std::size_t n;
    bool competitive;
    std::size_t k;
  };
  const Case cases[] = {
      {"china_2002_122.csv", 122, true, 5}, {"china_2005_42.csv", 42, true, 5},   {"china_2007_135.csv", 135, true, 5},
      {"china_2010_41.csv", 41, true, 5},   {"china_2012_139.csv", 139, true, 5}, {"china_2015_42.csv", 42, true, 5},
      {"china_2017_149.csv", 149, true, 5}, {"china_2018_153.csv", 153, true, 5}, {"china_2020_153.csv", 153, true, 5},
      {"china_2017_42.csv", 42, false, 3},  {"china_2018_42.csv", 42, false, 3},  {"china_2020_42.csv", 42, false, 3},
  };
  for (const auto& c : cases) {
    BOOST_TEST_CONTEXT(c.file) {
      std::vector<irio::tables::Finding> findings;
      const NbsTable t = irio::io::read_nbs_csv(nbs_file(c.file), &findings, 1e-8);
      BOOST_TEST(t.n() == c.n);
      BOOST_TEST(t.competitive == c.competitive);
      BOOST_TEST(t.fd_codes.size() == c.k);
      BOOST_TEST(findings.empty());
      for (const auto& f : findings) BOOST_TEST_MESSAGE(f.check << ": " << f.message);
      // Value added as the column residual equals TVA (methods.md §0.2).
      const irio::tables::IoTable io = irio::io::nbs_to_io_table(t);
      const Vector va = io.value_added_residual();
      BOOST_TEST((va - io.value_added_supplied()).cwiseAbs().maxCoeff() <= 1e-6 * io.x.cwiseAbs().maxCoeff());
      BOOST_TEST((io.row_total() - io.x).cwiseAbs().maxCoeff() <= 1e-6 * io.x.cwiseAbs().maxCoeff());
    }
  }
}

BOOST_AUTO_TEST_CASE(own_totals_find_the_2007_discrepancy) {
  // At 1e-9 the 2007 table shows one real discrepancy: sector 090's total input (TI row) is
  // 0.44 (10 000 CNY) below its gross output (GO column).
  std::vector<irio::tables::Finding> findings;
  irio::io::read_nbs_csv(nbs_file("china_2007_135.csv"), &findings, 1e-9);
  BOOST_TEST_REQUIRE(findings.size() == 1u);
  BOOST_TEST(findings[0].check == "TI = GO");
  BOOST_TEST(has(findings[0].message,
                 "1 sectors disagree, worst '090 Manufacture of arts and crafts, and other "
                 "manufacturing' by 0.444930"));
}

BOOST_AUTO_TEST_CASE(published_values_2017) {
  const NbsTable t = irio::io::read_nbs_csv(nbs_file("china_2017_149.csv"));
  BOOST_TEST(t.year == "2017");
  BOOST_TEST(t.codes.front() == "001");
  BOOST_TEST(t.names.front() == "Agriculture");
  // The Description column becomes the table's display sector names.
  const irio::tables::IoTable io = irio::io::nbs_to_io_table(t);
  BOOST_TEST(io.labels.sector_names == t.names, boost::test_tools::per_element());
  BOOST_TEST(io.labels.sector_name(0) == "Agriculture");
  BOOST_TEST(t.fd_codes == (std::vector<std::string>{"FU101", "FU102", "FU103", "FU201", "FU202"}),
             boost::test_tools::per_element());
  BOOST_TEST(t.Z(0, 0) == 59652963.8402285);  // first cell of the CSV
  const NbsTable d = irio::io::read_nbs_csv(nbs_file("china_2017_42.csv"));
  BOOST_TEST(d.fd_codes == (std::vector<std::string>{"TC", "FU201", "FU202"}), boost::test_tools::per_element());
  BOOST_TEST(d.Z(0, 0) == 145853072.82, tt::tolerance(1e-9));
  BOOST_TEST(d.x(0) == 1101240339.56656, tt::tolerance(1e-12));     // agriculture GO
  BOOST_TEST(d.im(0) == 60158244.7646583, tt::tolerance(1e-12));    // agriculture imports (GO of the Imports row)
  BOOST_TEST(d.ex_m(0) == 136120.412731846, tt::tolerance(1e-12));  // re-exports
}

BOOST_AUTO_TEST_CASE(methods_7_7_single_province_example) {
  // methods.md §7.7 as a national table: Z, f = local final use (plus outflows as exports here:
  // the national reader has no inflow column, so we use only the import part), checked against
  // the closed form d = 1 - im / (sum z + f).
  NbsTable t;
  t.path = "example";
  t.codes = {"1", "2", "3"};
  t.names = {"agriculture", "manufacturing", "services"};
  t.fd_codes = {"FU"};
  t.Z.resize(3, 3);
  t.Z << 10, 20, 5, 15, 60, 20, 5, 25, 30;
  t.F.resize(3, 1);
  t.F << 30, 40, 90;
  t.ex = Vector(3);
  t.ex << 25, 90, 20;  // o + e of §7.7
  t.im = Vector(3);
  t.im << 15, 75, 15;  // in + im of §7.7
  t.err = Vector::Zero(3);
  t.x = t.Z.rowwise().sum() + t.F.rowwise().sum() + t.ex - t.im;
  t.V = Matrix::Zero(4, 3);
  t.va_codes = {"VA001", "VA002", "VA003", "VA004"};
  BOOST_TEST(t.x(0) == 75.0);
  BOOST_TEST(t.x(1) == 150.0);
  BOOST_TEST(t.x(2) == 155.0);
  irio::io::NbsConversionReport rep;
  const NbsTable c = irio::io::to_non_competitive(t, {}, &rep);
  // §7.7 (no re-export): d = (0.769231, 0.444444, 0.9) = 1 - s^N - s^M with in+im merged.
  BOOST_TEST(rep.d(0) == 1.0 - 15.0 / 65.0, tt::tolerance(1e-14));
  BOOST_TEST(rep.d(1) == 0.444444444444444, tt::tolerance(1e-12));
  BOOST_TEST(rep.d(2) == 0.9, tt::tolerance(1e-14));
  // x preserved: Z^D 1 + F^D 1 + e = x exactly; VA preserved (1'Z^D + 1'Z^M = 1'Z).
  BOOST_TEST((c.Z.rowwise().sum() + c.F.rowwise().sum() + c.ex + c.err - t.x).cwiseAbs().maxCoeff() < 1e-12);
  BOOST_TEST((c.Z + c.Zm - t.Z).cwiseAbs().maxCoeff() < 1e-12);
  // §7.7 re-export variant: d = (0.833333, 0.666667, 0.911765).
  irio::io::NbsConversionOptions re;
  re.reexport = true;
  irio::io::to_non_competitive(t, re, &rep);
  BOOST_TEST(rep.d(0) == 0.833333333333333, tt::tolerance(1e-12));
  BOOST_TEST(rep.d(1) == 0.666666666666667, tt::tolerance(1e-12));
  BOOST_TEST(rep.d(2) == 0.911764705882353, tt::tolerance(1e-12));
  // d < 0 is clipped and flagged; u <= 0 with imports is an error naming the sector.
  NbsTable e = t;
  e.im(2) = 200;
  irio::io::to_non_competitive(e, {}, &rep);
  BOOST_TEST(rep.clipped == std::vector<std::size_t>{2}, boost::test_tools::per_element());
  BOOST_TEST(rep.d(2) == 0.0);
  BOOST_TEST_REQUIRE(rep.findings.size() == 1u);
  BOOST_TEST(has(rep.findings[0].message, "sector 3 'services': imports 200.000000 exceed domestic use 150.000000"));
  e.Z.row(1).setZero();
  e.F(1, 0) = 0;
  try {
    irio::io::to_non_competitive(e);
    BOOST_FAIL("no exception");
  } catch (const InputError& ex) {
    BOOST_TEST(has(ex.what(), "sector 2 'manufacturing' has imports 75.000000 but domestic use u = 0.000000 <= 0"));
  }
}

BOOST_AUTO_TEST_CASE(converted_149_agrees_with_published_42_in_2017) {
  std::vector<irio::tables::Finding> findings;
  const NbsTable comp = irio::io::read_nbs_csv(nbs_file("china_2017_149.csv"));
  const NbsTable pub = irio::io::read_nbs_csv(nbs_file("china_2017_42.csv"));
  irio::io::NbsConversionReport rep;
  const NbsTable conv = irio::io::to_non_competitive(comp, {}, &rep);
  BOOST_TEST(rep.clipped.empty());
  // §6.2 item 23: x and value added preserved by the conversion.
  BOOST_TEST((conv.Z.rowwise().sum() + conv.F.rowwise().sum() + conv.ex + conv.err - comp.x).cwiseAbs().maxCoeff() <=
             1e-6 * comp.x.maxCoeff());
  BOOST_TEST(((conv.Z + conv.Zm).colwise().sum() - comp.Z.colwise().sum()).cwiseAbs().maxCoeff() <=
             1e-6 * comp.x.maxCoeff());
  // Map 149 -> 42 with the shipped concordance (built from codes and names, tables/groupings/README.md).
  const auto g = irio::io::read_grouping_csv(std::string(IRIO_SOURCE_DIR) + "/tables/groupings/nbs2017_149_to_42.csv");
  BOOST_TEST(g.members().size() == 149u);
  BOOST_TEST(g.num_groups() == 42u);
  BOOST_TEST(g.groups() == pub.codes, boost::test_tools::per_element());
  const auto idx = g.map(comp.codes, "sector", "china_2017_149.csv");
  const NbsTable agg = irio::io::aggregate_sectors(conv, idx, pub.codes, pub.names);
  // Gross output, value added and total imports are the same statistics in both tables.
  const double go = rel_l1(agg.x, pub.x), va = rel_l1(agg.V, pub.V);
  const double im = std::abs(agg.im.sum() - pub.im.sum()) / pub.im.sum();
  // The import split itself is estimated by proportionality here and by NBS from import data.
  const double zd = rel_l1(agg.Z, pub.Z), zm = rel_l1(agg.Zm, pub.Zm);
  const double fd = rel_l1(agg.F.rowwise().sum(), pub.F.rowwise().sum());
  const double imp_by_product = rel_l1(agg.im, pub.im);
  BOOST_TEST_MESSAGE("2017 149 -> 42 vs published 42: GO " << go << ", VA " << va << ", total imports " << im
                                                           << ", imports by product " << imp_by_product << ", Z^D "
                                                           << zd << ", Z^M " << zm << ", domestic final use " << fd);
  // Measured: GO, VA, imports by product agree to ~1e-15 (the 42 table is the 149 table
  // aggregated); Z^D + Z^M agrees exactly too; the proportional split differs from NBS's own
  // split by 3.5 % (Z^D), 41 % (Z^M) and 1.4 % (domestic final use), sum |diff| / sum |published|.
  BOOST_TEST(go < 1e-12);
  BOOST_TEST(va < 1e-12);
  BOOST_TEST(im < 1e-12);
  BOOST_TEST(imp_by_product < 1e-12);
  BOOST_TEST(rel_l1(agg.Z + agg.Zm, pub.Z + pub.Zm) < 1e-12);
  BOOST_TEST(zd < 0.04);
  BOOST_TEST(zm < 0.45);
  BOOST_TEST(fd < 0.02);
}

BOOST_AUTO_TEST_CASE(bad_nbs_files) {
  const std::string src = nbs_file("china_2005_42.csv");
  std::ifstream in(src);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto write = [](const std::string& name, const std::string& body) {
    const std::string p = irio::testing::scratch(name);
    std::ofstream(p) << body;
    return p;
  };
  auto err = [](const std::string& path) -> std::string {
    try {
      irio::io::read_nbs_csv(path);
    } catch (const InputError& e) {
      return e.what();
    }
    return "(no InputError)";
  };
  std::string t1 = text;
  irio::testing::replace_first(t1, ",\"GO\"", ",\"XX\"");
  BOOST_TEST(has(err(write("nogo.csv", t1)), "nogo.csv: no 'GO' column in the header (line 1)"));
  std::string t2 = text;
  irio::testing::replace_first(t2, "\"02\",\"Mining", "\"03\",\"Mining");
  BOOST_TEST(has(err(write("badrow.csv", t2)), "badrow.csv:3:1: sector row '03' where the columns have '02'"));
  std::string t3 = text;
  irio::testing::replace_first(t3, "61717615.1995775", "61717615,x");
  BOOST_TEST(has(err(write("text.csv", t3)), "text.csv:2"));
}

BOOST_AUTO_TEST_SUITE_END()
