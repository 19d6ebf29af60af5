// SPDX-License-Identifier: MIT
// GLORIA import: the supply-use -> input-output constructs against a dense computation on a small
// system with off-diagonal supply (docs/methods.md §8.3); a release the test writes in GLORIA 059's
// layout (headerless CSVs in GLORIA_MRIOs_59_<year>.zip and GLORIA_SatelliteAccounts_059_<year>.zip,
// labels in GLORIA_ReadMe_059.xlsx, per region 120 industries then 120 products; here fewer
// sectors); malformed variants with the error a user sees.
#include <zip.h>

#include <boost/test/unit_test.hpp>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <random>

#include "io_test_util.h"
#include "irio/io/import_gloria.h"
#include "irio/io/xlsx_writer.h"
#include "irio/tables/balance.h"
#include "irio/tables/error.h"

using irio::InputError;
using irio::io::GloriaConstruct;
using irio::testing::check_error;
using irio::testing::TempDir;
using Eigen::MatrixXd;
using Eigen::VectorXd;
namespace fs = std::filesystem;
namespace io = irio::io;

namespace {

/// A balanced supply-use system: m products, m industries, 2 final-demand columns, 2 value-added
/// rows, 1 satellite; supply off the diagonal too.
struct Sut {
  MatrixXd U, S, Y, W, Q;
};

Sut small_sut() {
  Sut s;
  s.S = MatrixXd{{90, 10, 0}, {0, 80, 20}, {5, 0, 60}};  // industries x products
  s.U = MatrixXd{{10, 20, 5}, {15, 5, 10}, {8, 12, 4}};  // products x industries
  const VectorXd g = s.S.rowwise().sum(), q = s.S.colwise().sum().transpose();
  const VectorXd fd = q - s.U.rowwise().sum();
  s.Y = MatrixXd(3, 2);
  s.Y.col(0) = 0.7 * fd;
  s.Y.col(1) = 0.3 * fd;
  const VectorXd va = g - s.U.colwise().sum().transpose();
  s.W = MatrixXd(2, 3);
  s.W.row(0) = 0.6 * va.transpose();
  s.W.row(1) = 0.4 * va.transpose();
  s.Q = MatrixXd{{1, 2, 3}};
  return s;
}

io::SupplyUse to_supply_use(const Sut& s) {
  io::SupplyUse su;
  su.U = s.U.sparseView();
  su.S = s.S.sparseView();
  su.Y = s.Y;
  su.W = s.W;
  su.Q = s.Q;
  return su;
}

void put(std::string& out, double v) {
  if (v == 0) {
    out += '0';
    return;
  }
  char buf[32];
  out.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
}

std::string csv(const MatrixXd& M) {
  std::string out;
  for (Eigen::Index i = 0; i < M.rows(); ++i) {
    for (Eigen::Index j = 0; j < M.cols(); ++j) {
      if (j) out += ',';
      put(out, M(i, j));
    }
    out += '\n';
  }
  return out;
}

void zip_files(const std::string& zip_path, const std::vector<std::pair<std::string, std::string>>& files) {
  int err = 0;
  zip_t* z = zip_open(zip_path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  BOOST_REQUIRE(z != nullptr);
  for (const auto& [name, text] : files) {
    char* copy = static_cast<char*>(std::malloc(text.size()));
    std::copy(text.begin(), text.end(), copy);
    zip_source_t* src = zip_source_buffer(z, copy, text.size(), 1);
    BOOST_REQUIRE(src != nullptr);
    BOOST_REQUIRE(zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE) >= 0);
  }
  BOOST_REQUIRE(zip_close(z) == 0);
}

const std::vector<std::string> kVa = {"Compensation of employees D.1", "Taxes on production D.29",
                                      "Subsidies on production D.39",  "Net operating surplus B.2n",
                                      "Net mixed income B.3n",         "Consumption of fixed capital K.1"};
const std::vector<std::string> kFd = {
    "Household final consumption P.3h",  "Non-profit institutions serving households P.3n",
    "Government final consumption P.3g", "Gross fixed capital formation P.51",
    "Changes in inventories P.52",       "Acquisitions less disposals of valuables P.53"};

/// A GLORIA-shaped release: G regions x N sectors, the full transaction matrix T (2 G N square,
/// per region N industries then N products), Y (2 G N x 6 G), V (6 G x 2 G N), TQ and YQ.
struct Release {
  std::vector<std::string> regions = {"AFG", "CHN", "DEU"};
  std::vector<std::string> sectors = {"Wheat", "Coal", "Electric power generation, transmission and distribution",
                                      "Education"};
  std::vector<std::string> sats = {"Emissions (EDGAR) | 'co2_excl_short_cycle_org_c_total_EDGAR_consistent'",
                                   "Employment | Employment (total)"};
  MatrixXd U, S, Y, W, Q, QY, T, Yfull, Vfull;  // U, S, Y, W, Q: by product/industry (G N)
  std::size_t G() const { return regions.size(); }
  std::size_t N() const { return sectors.size(); }
};

Release make_release() {
  Release r;
  const auto G = static_cast<Eigen::Index>(r.G()), N = static_cast<Eigen::Index>(r.N()), n = G * N;
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> u(0, 1);
  r.S = MatrixXd::Zero(n, n);
  for (Eigen::Index i = 0; i < n; ++i) r.S(i, i) = 100 + 100 * u(rng);
  r.S(1, 2) = 15;  // AFG's coal industry also makes electricity: supply off the diagonal
  r.U = MatrixXd::Zero(n, n);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j)
      if (u(rng) < 0.6) r.U(i, j) = u(rng) * 4;
  const VectorXd g = r.S.rowwise().sum(), q = r.S.colwise().sum().transpose();
  const VectorXd fd = q - r.U.rowwise().sum();
  r.Y = MatrixXd::Zero(n, G * 6);
  for (Eigen::Index i = 0; i < n; ++i) {
    VectorXd w = VectorXd::NullaryExpr(G * 6, [&] { return u(rng); });
    r.Y.row(i) = (w / w.sum() * fd(i)).transpose();
  }
  const VectorXd va = g - r.U.colwise().sum().transpose();
  r.W = MatrixXd::Zero(6, n);
  for (Eigen::Index j = 0; j < n; ++j) {
    VectorXd w = VectorXd::NullaryExpr(6, [&] { return u(rng); });
    r.W.col(j) = w / w.sum() * va(j);
  }
  r.Q = MatrixXd::NullaryExpr(2, n, [&] { return u(rng) * 10; });
  r.QY = MatrixXd::NullaryExpr(2, G * 6, [&] { return u(rng); });
  // The published layout: T rows and columns (region, Industry|Product, sector).
  const Eigen::Index W2 = 2 * n;
  auto ind = [&](Eigen::Index k) { return (k / N) * 2 * N + k % N; };
  auto prod = [&](Eigen::Index k) { return (k / N) * 2 * N + N + k % N; };
  r.T = MatrixXd::Zero(W2, W2);
  r.Yfull = MatrixXd::Zero(W2, G * 6);
  r.Vfull = MatrixXd::Zero(6 * G, W2);
  for (Eigen::Index a = 0; a < n; ++a) {
    for (Eigen::Index b = 0; b < n; ++b) {
      r.T(ind(a), prod(b)) = r.S(a, b);
      r.T(prod(a), ind(b)) = r.U(a, b);
    }
    r.Yfull.row(prod(a)) = r.Y.row(a);
    for (Eigen::Index k = 0; k < 6; ++k) r.Vfull((a / N) * 6 + k, ind(a)) = r.W(k, a);
  }
  return r;
}

MatrixXd industry_columns(const Release& r, const MatrixXd& Q) {
  const auto G = static_cast<Eigen::Index>(r.G()), N = static_cast<Eigen::Index>(r.N());
  MatrixXd full = MatrixXd::Zero(Q.rows(), 2 * G * N);
  for (Eigen::Index k = 0; k < G * N; ++k) full.col((k / N) * 2 * N + k % N) = Q.col(k);
  return full;
}

std::string name(const std::string& kind, const std::string& date = "20240111") {
  return date + "_120secMother_AllCountries_002_" + kind + "-Results_2022_059_Markup001(full).csv";
}

void write_readme(const Release& r, const std::string& path, bool with_sectors = true) {
  io::XlsxWriter w(path);
  auto column = [&](std::size_t sheet, std::size_t col, const std::string& head, const std::vector<std::string>& v) {
    w.write_string(sheet, 0, col, head);
    for (std::size_t k = 0; k < v.size(); ++k) w.write_string(sheet, k + 1, col, v[k]);
  };
  const std::size_t reg = w.add_sheet("Regions");
  w.write_string(reg, 0, 0, "Lfd_Nr");
  column(reg, 1, "Region_acronyms", r.regions);
  column(reg, 2, "Region_names", {"Afghanistan", "China", "Germany"});
  if (with_sectors) {
    const std::size_t sec = w.add_sheet("Sectors");
    w.write_string(sec, 0, 0, "Lfd_Nr");
    column(sec, 1, "Sector_names", r.sectors);
  }
  const std::size_t vf = w.add_sheet("Value added and final demand");
  column(vf, 1, "Value_added_names", kVa);
  column(vf, 2, "Final_demand_names", kFd);
  const std::size_t sat = w.add_sheet("Satellites");
  column(sat, 1, "Sat_head_indicator", {"Emissions (EDGAR)", "Employment"});
  column(sat, 2, "Sat_indicator", {"'co2_excl_short_cycle_org_c_total_EDGAR_consistent'", "Employment (total)"});
  column(sat, 3, "Sat_unit", {"Gg", "1000 persons"});
  w.close();
}

/// The release folder: two zips and the ReadMe. `t_text` replaces T's CSV when not empty.
void write_release(const Release& r, const TempDir& d, const std::string& t_text = "", bool readme_sectors = true) {
  zip_files(d.file("GLORIA_MRIOs_59_2022.zip"),
            {{name("T"), t_text.empty() ? csv(r.T) : t_text}, {name("Y"), csv(r.Yfull)}, {name("V"), csv(r.Vfull)}});
  zip_files(d.file("GLORIA_SatelliteAccounts_059_2022.zip"),
            {{name("TQ", "20231117"), csv(industry_columns(r, r.Q))}, {name("YQ", "20231117"), csv(r.QY)}});
  write_readme(r, d.file("GLORIA_ReadMe_059.xlsx"), readme_sectors);
}

double max_abs(const MatrixXd& M) { return M.size() == 0 ? 0.0 : M.cwiseAbs().maxCoeff(); }

}  // namespace

BOOST_AUTO_TEST_SUITE(import_gloria)

BOOST_AUTO_TEST_CASE(constructs_match_a_dense_computation) {
  const Sut s = small_sut();
  const io::SupplyUse su = to_supply_use(s);
  const VectorXd g = s.S.rowwise().sum(), q = s.S.colwise().sum().transpose();

  // Industry technology, product x product: Z = U ĝ⁻¹ S (Eurostat 2008, model B).
  const MatrixXd T = g.cwiseInverse().asDiagonal() * s.S;
  const io::InputOutput b = io::supply_use_to_input_output(su, GloriaConstruct::kIndustryTechnology);
  BOOST_TEST(max_abs(MatrixXd(b.Z) - s.U * T) <= 1e-12);
  BOOST_TEST(max_abs(b.V - s.W * T) <= 1e-12);
  BOOST_TEST(max_abs(b.F - s.Q * T) <= 1e-12);
  BOOST_TEST(max_abs(b.Y - s.Y) == 0.0);
  BOOST_TEST(max_abs(b.x - q) == 0.0);
  // By hand, one cell: Z(0, 1) = sum_k U(0, k) S(k, 1) / g_k = 10*10/100 + 20*80/100 + 5*0/65 = 17.
  BOOST_TEST(MatrixXd(b.Z)(0, 1) == 17.0, boost::test_tools::tolerance(1e-12));
  // The table is balanced (§8.3): rows Z 1 + Y 1 = x, columns 1'Z + 1'V = x'.
  BOOST_TEST(max_abs(MatrixXd(b.Z).rowwise().sum() + b.Y.rowwise().sum() - b.x) <= 1e-10);
  BOOST_TEST(max_abs(MatrixXd(b.Z).colwise().sum() + b.V.colwise().sum() - b.x.transpose()) <= 1e-10);

  // Fixed product sales, industry x industry: Z = S q̂⁻¹ U (model D).
  const MatrixXd D = s.S * q.cwiseInverse().asDiagonal();
  const io::InputOutput dd = io::supply_use_to_input_output(su, GloriaConstruct::kFixedProductSales);
  BOOST_TEST(max_abs(MatrixXd(dd.Z) - D * s.U) <= 1e-12);
  BOOST_TEST(max_abs(dd.Y - D * s.Y) <= 1e-12);
  BOOST_TEST(max_abs(dd.V - s.W) == 0.0);
  BOOST_TEST(max_abs(dd.x - g) == 0.0);
  BOOST_TEST(max_abs(MatrixXd(dd.Z).rowwise().sum() + dd.Y.rowwise().sum() - dd.x) <= 1e-10);
  BOOST_TEST(max_abs(MatrixXd(dd.Z).colwise().sum() + dd.V.colwise().sum() - dd.x.transpose()) <= 1e-10);
}

BOOST_AUTO_TEST_CASE(release_in_zips_reads_and_converts) {
  TempDir d;
  const Release r = make_release();
  write_release(r, d);
  const auto res = io::import_gloria(d.path().string());
  const auto& t = res.table;
  BOOST_TEST(t.labels.regions == r.regions, boost::test_tools::per_element());
  BOOST_TEST(t.labels.sectors == r.sectors, boost::test_tools::per_element());
  BOOST_TEST(t.labels.fd_categories == kFd, boost::test_tools::per_element());
  BOOST_TEST(t.va_components == kVa, boost::test_tools::per_element());
  BOOST_TEST(t.meta.year == "2022");
  const VectorXd g = r.S.rowwise().sum();
  const MatrixXd T = g.cwiseInverse().asDiagonal() * r.S;
  BOOST_TEST(max_abs(MatrixXd(t.Z) - r.U * T) <= 1e-12 * max_abs(r.U));
  BOOST_TEST(max_abs(t.V - r.W * T) <= 1e-9);
  BOOST_TEST(max_abs(t.Y - r.Y) == 0.0);
  BOOST_TEST(max_abs(t.x - r.S.colwise().sum().transpose()) == 0.0);
  BOOST_TEST(irio::tables::to_string(irio::tables::check_balance(t).status) == "ok");
  BOOST_REQUIRE(t.satellites.size() == 1u);
  BOOST_TEST(t.satellites[0].stressors == r.sats, boost::test_tools::per_element());
  BOOST_TEST(t.satellites[0].units[1] == "1000 persons");
  BOOST_TEST(max_abs(t.satellites[0].F - r.Q * T) <= 1e-9);
  BOOST_TEST(max_abs(t.satellites[0].F_Y - r.QY) == 0.0);
  auto has = [&](const std::string& part) {
    for (const auto& n : res.notes)
      if (n.find(part) != std::string::npos) return true;
    BOOST_TEST_MESSAGE("notes lack: " << part);
    return false;
  };
  BOOST_TEST(has("GLORIA 2022: 3 regions x 4 sectors"));
  BOOST_TEST(has("construct: industry-technology assumption, product x product"));
  BOOST_TEST(has("V = the 6 value-added rows of V-Results"));
  BOOST_TEST(has("final demand: 6 categories per region: Household final consumption P.3h"));
  BOOST_TEST(has("satellite 'GLORIA satellites': 2 stressors"));

  io::GloriaOptions o;
  o.construct = GloriaConstruct::kFixedProductSales;
  o.year = "2022";
  const auto ind = io::import_gloria(d.path().string(), o);
  const VectorXd q = r.S.colwise().sum().transpose();
  BOOST_TEST(max_abs(MatrixXd(ind.table.Z) - r.S * q.cwiseInverse().asDiagonal() * r.U) <= 1e-12 * max_abs(r.U));
  BOOST_TEST(irio::tables::to_string(irio::tables::check_balance(ind.table).status) == "ok");
}

BOOST_AUTO_TEST_CASE(cells_outside_supply_use_are_dropped_and_reported) {
  TempDir d;
  Release r = make_release();
  const auto N = static_cast<Eigen::Index>(r.N());
  r.T(0, 1) += 2.5;               // AFG industry x AFG industry: not supply, not use
  r.Yfull(0, 0) = 4;              // final demand on an industry row
  r.Vfull(6, 0) = r.Vfull(0, 0);  // CHN's row of compensation for AFG's first industry ...
  r.Vfull(0, 0) = 0;              // ... instead of AFG's own row
  write_release(r, d);
  const auto res = io::import_gloria(d.path().string());
  auto has = [&](const std::string& part) {
    for (const auto& n : res.notes)
      if (n.find(part) != std::string::npos) return true;
    BOOST_TEST_MESSAGE("notes lack: " << part);
    return false;
  };
  BOOST_TEST(
      has("1 non-zero cells of T outside the supply and use blocks (industry x industry, product x product; "
          "sum 2.5) were dropped"));
  BOOST_TEST(has("final demand on industry rows (sum 4) was dropped"));
  BOOST_TEST(has("% of it sits in rows of another region than its column's"));
  // The value added still reaches its industry: summed over the row regions.
  const VectorXd g = r.S.rowwise().sum();
  const MatrixXd T = g.cwiseInverse().asDiagonal() * r.S;
  BOOST_TEST(max_abs(res.table.V - r.W * T) <= 1e-9);
  BOOST_TEST(N == 4);
}

BOOST_AUTO_TEST_CASE(malformed_releases_name_file_row_and_column) {
  const Release r = make_release();
  {  // a row with one value missing
    TempDir d;
    std::string t = csv(r.T);
    const auto line3 = t.find('\n', t.find('\n') + 1) + 1;
    t.erase(line3, t.find(',', line3) + 1 - line3);
    write_release(r, d, t);
    check_error<InputError>([&] { io::import_gloria(d.path().string()); },
                            {"GLORIA_MRIOs_59_2022.zip:" + name("T") + ":3", "T row 3 has 23 values; expected 24"});
  }
  {  // a cell that is not a number
    TempDir d;
    std::string t = csv(r.T);
    const auto line2 = t.find('\n') + 1;
    t.insert(line2, "x");
    write_release(r, d, t);
    check_error<InputError>(
        [&] { io::import_gloria(d.path().string()); },
        {name("T") + ":2", "row 2 (AFG/Industry/Coal), column 1 (AFG/Industry/Wheat)", "is not a finite number"});
  }
  {  // a ReadMe without the Sectors sheet
    TempDir d;
    write_release(r, d, "", false);
    check_error<InputError>([&] { io::import_gloria(d.path().string()); },
                            {"GLORIA_ReadMe_059.xlsx", "no sheet 'Sectors'"});
  }
  {  // another year than the folder holds; not a folder
    TempDir d;
    write_release(r, d);
    io::GloriaOptions o;
    o.year = "2019";
    check_error<InputError>([&] { io::import_gloria(d.path().string(), o); },
                            {"no GLORIA transaction matrix for 2019", "years present: 2022"});
    check_error<InputError>([&] { io::import_gloria(d.file("GLORIA_ReadMe_059.xlsx")); }, {"not a folder"});
  }
}

BOOST_AUTO_TEST_CASE(cli_prints_the_construct, *boost::unit_test::precondition(irio::testing::BinaryBuilt())) {
  TempDir d;
  const Release r = make_release();
  write_release(r, d);
  fs::create_directories(d.path() / "out");
  std::string out;
  const std::string t = (d.path() / "out" / "t.h5").string();
  int rc = irio::testing::run_irio(
      "import gloria '" + d.path().string() + "' --construct fixed-product-sales -o '" + t + "'", out, d);
  BOOST_TEST(rc == 0, out);
  BOOST_TEST(out.find("3 regions x 4 sectors (n = 12)") != std::string::npos, out);
  BOOST_TEST(out.find("note: construct: fixed product sales structure, industry x industry") != std::string::npos, out);
  BOOST_TEST(out.find("balance check: ok") != std::string::npos, out);
  rc = irio::testing::run_irio("import gloria '" + d.path().string() + "' --year 2019 -o '" + t + "x'", out, d);
  BOOST_TEST(rc == 2, out);
  BOOST_TEST(out.find("years present: 2022") != std::string::npos, out);
}

BOOST_AUTO_TEST_SUITE_END()
