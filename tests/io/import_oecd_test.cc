// SPDX-License-Identifier: MIT
// OECD ICIO import on fixtures written here in the published layout with the releases' real
// label sets (2023 extended: 77 economies + CN1, CN2, MX1, MX2 x 45 industries; 2018: 65 x 36;
// invented numbers that balance), plain and zipped; malformed variants and their messages.
#include <zip.h>

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <functional>

#include "io_test_util.h"
#include "irio/io/import_oecd.h"
#include "irio/tables/balance.h"
#include "world_fixtures.h"

using irio::InputError;
using irio::testing::check_error;
using irio::testing::TempDir;
namespace io = irio::io;
namespace world = irio::testing::world;

namespace {

/// An ICIO table in the published layout; the values are functions of the positions so that a
/// test computes what folding must give without holding the table.
struct Icio {
  std::vector<std::string> economies;  // row/column economies in file order (splits last)
  std::vector<std::string> fd_economies;
  std::vector<std::string> industries, fd;
  bool new_names = true;    // TLS/VA/OUT rows and OUT column; else TAXSUB/VALU/OUTPUT and TOTAL
  bool layout2016 = false;  // final demand "HFCE_AUS", one row CCC_TAXSUB per economy, a DISC column

  std::size_t N() const { return industries.size(); }
  std::size_t n() const { return economies.size() * N(); }
  /// Z between row (e, s) and column (f, u): own-industry inputs plus one export per row.
  double z(std::size_t e, std::size_t s, std::size_t f, std::size_t u) const {
    if (e == f && s == u) return 10.0 + static_cast<double>(s % 5);
    if (f == (e + 1) % economies.size() && u == s) return 1.0;
    return 0.0;
  }
  /// Final demand of row (e, s) in column (economy d of fd_economies, category k).
  double y(std::size_t e, std::size_t s, std::size_t d, std::size_t k) const {
    const std::string own = parent(economies[e]);
    if (fd_economies[d] == own && k == 0) return 50.0 + static_cast<double>(s);
    if (fd_economies[d] == own && k == 4) return -1.0;  // inventories may be negative
    if (d == (e + 3) % fd_economies.size() && k == 3) return 2.0;
    return 0.0;
  }
  static std::string parent(const std::string& e) {
    if (e.rfind("CN", 0) == 0 && e.size() == 3) return "CHN";
    if (e.rfind("MX", 0) == 0 && e.size() == 3) return "MEX";
    return e;
  }
  double x(std::size_t e, std::size_t s) const {
    double t = 0;
    for (std::size_t f = 0; f < economies.size(); ++f) t += z(e, s, f, s);
    for (std::size_t d = 0; d < fd_economies.size(); ++d)
      for (std::size_t k = 0; k < fd.size(); ++k) t += y(e, s, d, k);
    return t;
  }
  double colsum(std::size_t f, std::size_t u) const {
    double t = 0;
    for (std::size_t e = 0; e < economies.size(); ++e) t += z(e, u, f, u);
    return t;
  }
  static constexpr double kTls = 0.5, kDisc = 0.125;

  std::string text() const {
    std::string out;
    out.reserve(n() * (n() + fd_economies.size() * fd.size()) * 2 + 1000);
    auto num = [&](double v) {
      if (v == 0) {
        out += ",0";
        return;
      }
      char b[32];
      std::snprintf(b, sizeof b, ",%.10g", v);
      out += b;
    };
    out += "V1";
    for (const auto& e : economies)
      for (const auto& s : industries) out += "," + e + "_" + s;
    for (const auto& d : fd_economies)
      for (const auto& k : fd) out += "," + (layout2016 ? k + "_" + d : d + "_" + k);
    if (layout2016) out += ",DISC";
    out += new_names ? ",OUT\n" : ",TOTAL\n";
    const std::size_t E = economies.size(), D = fd_economies.size(), K = fd.size();
    for (std::size_t e = 0; e < E; ++e)
      for (std::size_t s = 0; s < N(); ++s) {
        out += economies[e] + "_" + industries[s];
        for (std::size_t f = 0; f < E; ++f)
          for (std::size_t u = 0; u < N(); ++u) num(z(e, s, f, u));
        for (std::size_t d = 0; d < D; ++d)
          for (std::size_t k = 0; k < K; ++k) num(y(e, s, d, k));
        if (layout2016) num(kDisc);
        num(x(e, s) + (layout2016 ? kDisc : 0.0));
        out += "\n";
      }
    auto special = [&](const std::string& name, const std::function<double(std::size_t, std::size_t)>& cell,
                       double fdcell) {
      out += name;
      double total = 0;
      for (std::size_t f = 0; f < E; ++f)
        for (std::size_t u = 0; u < N(); ++u) num(cell(f, u)), total += cell(f, u);
      for (std::size_t d = 0; d < D * K; ++d) num(fdcell), total += fdcell;
      if (layout2016) num(0);
      num(total);
      out += "\n";
    };
    if (layout2016)  // the taxes paid to each economy, one row each; they sum to kTls per column
      for (const auto& e : economies)
        special(
            e + "_TAXSUB", [&](std::size_t, std::size_t) { return kTls / static_cast<double>(E); }, 0.0);
    else
      special(
          new_names ? "TLS" : "TAXSUB", [](std::size_t, std::size_t) { return kTls; }, 0.25);
    special(
        new_names ? "VA" : "VALU", [&](std::size_t f, std::size_t u) { return x(f, u) - colsum(f, u) - kTls; }, 0);
    special(
        new_names ? "OUT" : "OUTPUT", [&](std::size_t f, std::size_t u) { return x(f, u); }, 0);
    return out;
  }
};

Icio icio2023_extended() {
  Icio t;
  t.economies = world::kIcio2023Economies;
  t.economies.insert(t.economies.end(), world::kIcioSplits.begin(), world::kIcioSplits.end());
  t.fd_economies = world::kIcio2023Economies;
  t.industries = world::kIcio2023Industries;
  t.fd = world::kIcio2023Fd;
  return t;
}

Icio icio2018() {
  Icio t;
  t.economies = t.fd_economies = world::kIcio2018Economies;
  t.industries = world::kIcio2018Industries;
  t.fd = world::kIcio2018Fd;
  t.new_names = false;
  return t;
}

/// The 2023 extended fixture, written once per run (about 30 MB of text).
const std::string& text2023() {
  static const std::string s = icio2023_extended().text();
  return s;
}
const std::string& text2018() {
  static const std::string s = icio2018().text();
  return s;
}

std::size_t pos(const std::vector<std::string>& v, const std::string& s) {
  return static_cast<std::size_t>(std::find(v.begin(), v.end(), s) - v.begin());
}

void write_zip(const std::string& zip_path, const std::string& member, const std::string& text) {
  int err = 0;
  zip_t* z = zip_open(zip_path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  BOOST_REQUIRE(z != nullptr);
  zip_source_t* src = zip_source_buffer(z, text.data(), text.size(), 0);
  BOOST_REQUIRE(zip_file_add(z, member.c_str(), src, ZIP_FL_ENC_UTF_8) >= 0);
  BOOST_REQUIRE(zip_close(z) == 0);
}

std::string replace_once(std::string s, const std::string& from, const std::string& to) {
  const auto p = s.find(from);
  BOOST_REQUIRE(p != std::string::npos);
  return s.replace(p, from.size(), to);
}

bool has_note(const io::WorldImport& w, const std::string& part) {
  for (const auto& n : w.notes)
    if (n.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(import_oecd)

BOOST_AUTO_TEST_CASE(icio2023_extended_zip_folds_the_splits) {
  TempDir d;
  const Icio spec = icio2023_extended();
  const std::string zip = d.file("ICIO2023_2020.zip");
  write_zip(zip, "ICIO2023_2020.csv", text2023());
  const io::WorldImport w = io::import_oecd(zip);
  const auto& t = w.table;
  BOOST_TEST(t.labels.num_regions() == 77u);
  BOOST_TEST(t.labels.num_sectors() == 45u);
  BOOST_TEST(t.labels.sectors[0] == "A01_02");  // split at the first '_' only
  BOOST_TEST(t.labels.sectors[34] == "J62_63");
  BOOST_TEST(t.labels.fd_categories == world::kIcio2023Fd);
  BOOST_TEST(irio::tables::Labels::find(t.labels.regions, "CN1") == -1);
  BOOST_TEST(t.meta.year == "2020");
  BOOST_TEST(t.meta.unit == "USD million");
  BOOST_TEST(t.va_components.size() == 2u);

  // CHN's output is CHN + CN1 + CN2, sector by sector; the same for MEX.
  const std::size_t N = 45, chn = pos(t.labels.regions, "CHN"), mex = pos(t.labels.regions, "MEX");
  const std::size_t fchn = pos(spec.economies, "CHN"), fcn1 = pos(spec.economies, "CN1"),
                    fcn2 = pos(spec.economies, "CN2"), fmx1 = pos(spec.economies, "MX1"),
                    fmx2 = pos(spec.economies, "MX2"), fmex = pos(spec.economies, "MEX");
  for (std::size_t s : {0u, 22u, 44u}) {
    BOOST_TEST(t.x(static_cast<Eigen::Index>(chn * N + s)) == spec.x(fchn, s) + spec.x(fcn1, s) + spec.x(fcn2, s));
    BOOST_TEST(t.x(static_cast<Eigen::Index>(mex * N + s)) == spec.x(fmex, s) + spec.x(fmx1, s) + spec.x(fmx2, s));
  }
  // The CHN-CHN block of sector 3 holds the 3 x 3 block of CHN, CN1, CN2.
  double block = 0;
  for (std::size_t e : {fchn, fcn1, fcn2})
    for (std::size_t f : {fchn, fcn1, fcn2}) block += spec.z(e, 3, f, 3);
  BOOST_TEST(t.Z.coeff(static_cast<Eigen::Index>(chn * N + 3), static_cast<Eigen::Index>(chn * N + 3)) == block);
  // Totals are kept: the sum of Z and of Y equal the file's.
  double zsum = 0, ysum = 0;
  for (std::size_t e = 0; e < spec.economies.size(); ++e)
    for (std::size_t s = 0; s < N; ++s) {
      for (std::size_t f = 0; f < spec.economies.size(); ++f) zsum += spec.z(e, s, f, s);
      for (std::size_t dd = 0; dd < spec.fd_economies.size(); ++dd)
        for (std::size_t k = 0; k < 6; ++k) ysum += spec.y(e, s, dd, k);
    }
  BOOST_TEST(t.Z.sum() == zsum, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(t.Y.sum() == ysum, boost::test_tools::tolerance(1e-12));
  // x = 1'Z + TLS + VA column by column (the VA row was written as that residual).
  const irio::tables::Vector resid = t.x - (irio::tables::Vector::Ones(t.Z.rows()).transpose() * t.Z).transpose() -
                                     t.V.colwise().sum().transpose();
  BOOST_TEST(resid.cwiseAbs().maxCoeff() < 1e-9);
  BOOST_TEST((irio::tables::check_balance(t).status != irio::tables::Severity::kError));
  // The notes say what was done.
  BOOST_TEST(has_note(w, "'CN1', 'CN2', 'MX1', 'MX2' folded into CHN and MEX"));
  BOOST_TEST(has_note(w, "'TLS' (taxes less subsidies on intermediate products) as taxes_less_subsidies"));
  BOOST_TEST(has_note(w, "taxes less subsidies on final products"));
  BOOST_TEST(has_note(w, "release 2023"));
  BOOST_TEST(has_note(w, "'HFCE', 'NPISH', 'GGFC', 'GFCF', 'INVNT', 'DPABR'"));
}

BOOST_AUTO_TEST_CASE(icio2023_keep_splits_as_regions_of_their_country) {
  TempDir d;
  const std::string csv = d.write("ICIO2023_2020.csv", text2023());
  io::OecdImportOptions o;
  o.keep_splits = true;
  const auto w = io::import_oecd(csv, o);
  const auto& labels = w.table.labels;
  BOOST_TEST(labels.num_regions() == 81u);
  BOOST_TEST(labels.num_countries() == 77u);
  const std::size_t cn2 = pos(labels.regions, "CN2"), mx1 = pos(labels.regions, "MX1");
  BOOST_TEST(labels.countries[static_cast<std::size_t>(labels.country_of_region[cn2])] == "CHN");
  BOOST_TEST(labels.countries[static_cast<std::size_t>(labels.country_of_region[mx1])] == "MEX");
  // A folder with --year finds the same file.
  io::OecdImportOptions y = o;
  y.year = "2020";
  BOOST_TEST(io::import_oecd(d.path().string(), y).table.x.sum() == w.table.x.sum());
}

BOOST_AUTO_TEST_CASE(icio2018_release_names) {
  TempDir d;
  const Icio spec = icio2018();
  const std::string csv = d.write("ICIO2018_2015.csv", text2018());
  const auto w = io::import_oecd(csv);
  const auto& t = w.table;
  BOOST_TEST(t.labels.num_regions() == 65u);
  BOOST_TEST(t.labels.num_sectors() == 36u);
  BOOST_TEST(t.labels.sectors[0] == "01T03");
  BOOST_TEST(t.labels.fd_categories.back() == "P33");
  BOOST_TEST(t.meta.year == "2015");
  BOOST_TEST(t.x(5) == spec.x(0, 5));
  BOOST_TEST(has_note(w, "2016/2018 names (TAXSUB, VALU, OUTPUT rows, TOTAL column)"));
  BOOST_TEST(has_note(w, "'VALU' as value_added"));
}

BOOST_AUTO_TEST_CASE(icio2016_layout_taxes_per_economy_and_discrepancy_column) {
  // The 2016 release's features: final-demand labels HFCE_AUS, one tax row per economy, the DISC
  // column; on the 2016 industries (ISIC Rev. 3) with the 2018 economies.
  Icio spec = icio2018();
  spec.industries = {"C01T05", "C10T14", "C15T16", "C17T19", "C20",     "C21T22", "C23",    "C24", "C25",
                     "C26",    "C27",    "C28",    "C29",    "C30T33X", "C31",    "C34",    "C35", "C36T37",
                     "C40T41", "C45",    "C50T52", "C55",    "C60T63",  "C64",    "C65T67", "C70", "C71",
                     "C72",    "C73T74", "C75",    "C80",    "C85",     "C90T93", "C95"};
  spec.fd = {"HFCE", "NPISH", "GGFC", "GFCF", "INVNT", "DIRP"};
  spec.layout2016 = true;
  TempDir d;
  const std::string csv = d.write("ICIO2016_2011.csv", spec.text());
  const auto w = io::import_oecd(csv);
  const auto& t = w.table;
  BOOST_TEST(t.labels.num_sectors() == 34u);
  BOOST_TEST(t.labels.fd_categories.back() == "DIRP");
  BOOST_TEST(t.meta.year == "2011");
  // Final demand read from the reversed labels: household consumption of AUS's first industry.
  BOOST_TEST(t.Y(0, 0) == spec.y(0, 0, 0, 0));
  // The per-economy tax rows sum to one V row; the discrepancy column is dropped and reported.
  BOOST_TEST(t.V(0, 7) == Icio::kTls, boost::test_tools::tolerance(1e-9));  // 10 digits in the file
  BOOST_TEST(has_note(w, "65 rows COUNTRY_TAXSUB"));
  BOOST_TEST(has_note(w, "statistical-discrepancy column 'DISC' dropped (total " +
                             io::wr_num(Icio::kDisc * static_cast<double>(spec.n())) + ")"));
}

BOOST_AUTO_TEST_CASE(malformed_files_name_the_row_or_column) {
  TempDir d;
  const std::string& good = text2018();
  // A missing industry row.
  {
    const auto a = good.find("\nAUS_24,");
    const auto b = good.find('\n', a + 1);
    const std::string f = d.write("missing_row.csv", good.substr(0, a) + good.substr(b));
    check_error<InputError>([&] { io::import_oecd(f); }, {"missing_row.csv", "no row 'AUS_24'", "lacks industry '24'"});
  }
  // A wrong column label.
  {
    const std::string f = d.write("wrong_label.csv", replace_once(good, ",USA_HFCE,", ",USA_HFXE,"));
    check_error<InputError>([&] { io::import_oecd(f); },
                            {"wrong_label.csv:1:", "'USA_HFXE'", "final-demand column", "'HFCE'"});
  }
  // A row of another release's names: the file mixes layouts.
  {
    const std::string f = d.write("mixed.csv", replace_once(good, "\nVALU,", "\nVA,"));
    check_error<InputError>([&] { io::import_oecd(f); }, {"mixed.csv", "'VA'", "'TAXSUB'", "mixes two releases"});
  }
  // The release asked for uses other names.
  {
    const std::string f = d.write("ICIO2018_2015.csv", good);
    io::OecdImportOptions o;
    o.release = "2023";
    check_error<InputError>([&] { io::import_oecd(f, o); },
                            {"ICIO2018_2015.csv", "'TAXSUB'", "release 2023", "TLS, VA, OUT"});
  }
  // No output row.
  {
    const auto a = good.find("\nOUTPUT,");
    const std::string f = d.write("no_out.csv", good.substr(0, a + 1));
    check_error<InputError>([&] { io::import_oecd(f); }, {"no_out.csv", "no output row", "'OUTPUT'"});
  }
  // A folder without the year.
  check_error<InputError>(
      [&] {
        io::OecdImportOptions o;
        o.year = "1999";
        io::import_oecd(d.path().string(), o);
      },
      {"no file for year 1999", "ICIO2018_2015.csv"});
}

BOOST_AUTO_TEST_CASE(cli_prints_what_the_import_did, *boost::unit_test::precondition(irio::testing::BinaryBuilt())) {
  TempDir d;
  const std::string zip = d.file("ICIO2023_2020.zip");
  write_zip(zip, "ICIO2023_2020.csv", text2023());
  std::string out;
  BOOST_TEST(irio::testing::run_irio("import oecd '" + zip + "' -o '" + d.file("t.h5") + "'", out, d) == 0);
  BOOST_TEST(out.find("folded into CHN and MEX") != std::string::npos, out);
  BOOST_TEST(out.find("wrote ") != std::string::npos, out);
  BOOST_TEST(out.find("77 regions x 45 sectors") != std::string::npos, out);
  BOOST_TEST(irio::testing::run_irio("import oecd '" + zip + "' --release 2016 -o '" + d.file("u.h5") + "'", out, d) ==
             2);
  BOOST_TEST(out.find("release 2016") != std::string::npos, out);
  BOOST_TEST(!std::filesystem::exists(d.file("u.h5")));
}

BOOST_AUTO_TEST_SUITE_END()
