// SPDX-License-Identifier: MIT
// Defaults that used to mislead on a provincial table (issue 18 §1, issue 17 §3), on a seeded
// CEADs-layout workbook (31 provinces x 4 sectors, exports EX, an ERR column, imports IM, CO2):
// ERR is final demand of its own (not exports abroad), the multiplier split writes NA for the
// international part and offers a_M'L, position names what it measures and writes its perimeter,
// the coupling of groups has no D = 0 artefact, province aliases match, and the documented
// workbook layout of 2012, 2015 and 2017 reads.
#include <sys/wait.h>

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "irio/analysis/regional.h"
#include "irio/io/ceads_reader.h"
#include "irio/solver/footprints.h"
#include "irio/solver/multiplier_split.h"
#include "irio/tables/grouping.h"
#include "irio/tables/province_aliases.h"
#include "tests/provincial/workbooks.h"
#include "tests/support/cli_runner.h"

namespace {

namespace gvc = irio::solver::gvc;
using irio::Matrix;
using irio::Vector;
using irio::testing::scratch;

int run_irio(const std::string& args, std::string& out) {
  return irio::testing::run_irio_logged(args, out, scratch("defaults_" + std::to_string(std::rand()) + ".log"));
}

bool has(const std::string& s, const std::string& what) { return s.find(what) != std::string::npos; }

/// 31 provinces x 4 sectors with an ERR column of 30 % of exports and a CO2 row.
irio::testing::CeadsFixture err_fixture() {
  auto f = irio::testing::seeded_fixture(31, 4);
  f.err = 0.3 * f.ex;
  const Vector x = f.x();
  for (Eigen::Index j = 0; j < f.Z.cols(); ++j) {
    const double va = x(j) - f.Z.col(j).sum() - f.im(j);
    f.V.col(j) << 0.5 * va, 0.1 * va, 0.15 * va, 0.25 * va;
  }
  f.co2 = Vector::LinSpaced(static_cast<Eigen::Index>(f.n()), 1.0, 50.0);
  return f;
}

const std::string& err_workbook() {
  static const std::string path = [] {
    const std::string p = scratch("defaults_err.xlsx");
    irio::testing::write_fixture(err_fixture(), p);
    return p;
  }();
  return path;
}

Matrix dense_inverse(const irio::solver::LeontiefModel& m) {
  const Matrix A(m.A());
  return (Matrix::Identity(A.rows(), A.cols()) - A).inverse();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(provincial_defaults)

BOOST_AUTO_TEST_CASE(err_is_final_demand_of_its_own_not_exports_abroad) {
  const irio::Analysis a = irio::Analysis::open(err_workbook());
  const auto& t = a.table();
  BOOST_REQUIRE(t.export_labels == (std::vector<std::string>{"EX", "ERR"}));
  BOOST_CHECK(t.has_other_final_demand());
  const auto& m = a.model();
  const Matrix L = dense_inverse(m);
  const Vector ex = t.exports.col(0), err = t.exports.col(1);
  BOOST_CHECK((t.exports_abroad() - ex).cwiseAbs().maxCoeff() == 0.0);
  BOOST_CHECK((t.other_final_demand() - err).cwiseAbs().maxCoeff() == 0.0);

  // Three-level terms: RT_GVC (forward) holds the value added of exports abroad only; the ERR
  // column has its own term OTHER_FD; the forward terms still add up to value added.
  const auto ch = a.chains({});
  const auto& d = ch.decomposition;
  BOOST_CHECK(d.other_final_demand);
  const Vector rt_gvc = m.v().cwiseProduct(L * ex), other = m.v().cwiseProduct(L * err);
  const Vector other_b = (m.v().transpose() * L).transpose().cwiseProduct(err);
  for (Eigen::Index i = 0; i < m.n(); ++i) {
    BOOST_TEST(d.forward(i, gvc::kRtGvc) == rt_gvc(i), boost::test_tools::tolerance(1e-9));
    BOOST_TEST(d.forward(i, gvc::kOtherFd) == other(i), boost::test_tools::tolerance(1e-9));
    BOOST_TEST(d.backward(i, gvc::kOtherFd) == other_b(i), boost::test_tools::tolerance(1e-9));
  }
  for (std::size_t i = 0; i < d.diagnostics.num_rows(); ++i)
    BOOST_CHECK_MESSAGE(d.diagnostics.key(3, i) == "true", d.diagnostics.key(0, i) << ": " << d.diagnostics.value(i));
  BOOST_CHECK_CLOSE(d.terms.find({"Beijing", "01", "forward", "OTHER_FD", "ok"}), other(0), 1e-9);

  // Circulation: domestic + international + other final demand = 1; international excludes ERR.
  const auto c = irio::circulation(a, {});
  for (Eigen::Index r = 0; r < 31; ++r) {
    const auto I = c.regions.indicators.row(r);
    BOOST_TEST(I(gvc::kDomesticShareForward) + I(gvc::kInternationalShareForward) + I(gvc::kOtherFdShareForward) == 1.0,
               boost::test_tools::tolerance(1e-12));
    BOOST_TEST(I(gvc::kOtherFdShareForward) > 0.0);
  }

  // Footprints: embodied in exports abroad is M e-hat of EX alone; ERR has its own account.
  const auto fp = irio::solver::compute_footprints(m, *t.satellite("CO2"));
  const Matrix M = fp.M;
  BOOST_REQUIRE_EQUAL(fp.D_other_fd.cols(), m.n());
  for (Eigen::Index j = 0; j < m.n(); ++j) {
    BOOST_TEST(fp.D_abroad(0, j) == M(0, j) * ex(j), boost::test_tools::tolerance(1e-12));
    BOOST_TEST(fp.D_other_fd(0, j) == M(0, j) * err(j), boost::test_tools::tolerance(1e-12));
  }
  const auto diag = irio::solver::footprint_diagnostics(m, *t.satellite("CO2"), fp);
  for (std::size_t i = 0; i < diag.num_rows(); ++i)
    BOOST_CHECK_MESSAGE(diag.key(3, i) == "true", diag.key(0, i) << ": " << diag.value(i));
}

BOOST_AUTO_TEST_CASE(import_prints_the_err_share_of_each_province) {
  std::string out;
  const std::string h5 = scratch("defaults_err.h5");
  BOOST_REQUIRE_MESSAGE(run_irio("import ceads " + err_workbook() + " -o " + h5 + " --force", out) == 0, out);
  BOOST_CHECK_MESSAGE(has(out,
                          "note: column ERR is exogenous final demand of its own, neither domestic nor exports "
                          "abroad"),
                      out);
  // The share of Beijing's output, as printed (two decimals, %).
  const auto f = err_fixture();
  const Vector x = f.x();
  const double share = 100.0 * f.err.head(4).sum() / x.head(4).sum();
  char want[64];
  std::snprintf(want, sizeof want, "Beijing %.2f", share);
  BOOST_CHECK_MESSAGE(has(out, want), want << " in\n" << out);
}

BOOST_AUTO_TEST_CASE(multiplier_split_international_is_na_with_import_content) {
  const irio::Analysis a = irio::Analysis::open(err_workbook());
  const auto& m = a.model();
  const auto s = irio::solver::split_multipliers(m, Vector::Ones(m.n()));
  BOOST_CHECK(!s.international_modelled);
  const Matrix L = dense_inverse(m);
  const Vector aML = (m.a_M().transpose() * L).transpose();
  BOOST_REQUIRE_EQUAL(s.import_content.size(), m.n());
  for (Eigen::Index j = 0; j < m.n(); ++j) {
    BOOST_CHECK(std::isnan(s.international(j)));
    BOOST_CHECK(std::isnan(s.international_foreign(j)));
    BOOST_TEST(s.import_content(j) == aML(j), boost::test_tools::tolerance(1e-10));
    BOOST_TEST(s.local(j) + s.national(j) == s.total(j), boost::test_tools::tolerance(1e-12));
  }
  // The CLI: NA in the split file (not 0) and an import_content part; NA printed by analyse.
  std::string out;
  const std::string dir = scratch("defaults_split");
  BOOST_REQUIRE_MESSAGE(run_irio("multipliers " + err_workbook() + " --split -o " + dir + ".csv --force", out) == 0,
                        out);
  std::ifstream in(dir + "_multiplier_split.csv");
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string csv = ss.str();
  BOOST_CHECK_MESSAGE(has(csv, "Beijing,01,output,international,all,Sector 1,NA"), csv.substr(0, 400));
  BOOST_CHECK_MESSAGE(has(csv, "Beijing,01,output,import_content,abroad,Sector 1,"), csv.substr(0, 400));
  BOOST_REQUIRE_MESSAGE(
      run_irio("analyse " + err_workbook() + " --focus Beijing -o " + scratch("defaults_an") + " --force --quiet",
               out) == 0,
      out);
  BOOST_CHECK_MESSAGE(has(out, "imp.cont") && has(out, "international effects are not modelled"), out);
  BOOST_CHECK_MESSAGE(!has(out, "  nan"), out);  // printf of NaN: right-aligned "nan"
}

BOOST_AUTO_TEST_CASE(position_names_what_it_measures_and_its_perimeter) {
  const irio::Analysis a = irio::Analysis::open(err_workbook());
  const auto p = a.position({});  // the default perimeter: region
  const auto& pos = p.position.by_sector;
  BOOST_CHECK_EQUAL(p.position.crossing, "interregional");
  BOOST_REQUIRE_EQUAL(pos.key_columns().back(), "perimeter");
  for (std::size_t i = 0; i < pos.num_rows(); ++i) {
    BOOST_CHECK_MESSAGE(!has(pos.key(2, i), "GVC"), pos.key(2, i));
    BOOST_CHECK_EQUAL(pos.key(3, i), "region");
  }
  BOOST_CHECK(std::isfinite(pos.find({"Beijing", "01", "PLv_interregional", "region"})));
  BOOST_CHECK_EQUAL(p.position.by_unit.num_rows(), 0u);
  // The CLI says why there is no KPWW, and what the lengths count.
  std::string out;
  BOOST_REQUIRE_MESSAGE(
      run_irio("position " + err_workbook() + " -o " + scratch("defaults_pos.csv") + " --force", out) == 0, out);
  BOOST_CHECK_MESSAGE(has(out, "note: no KPWW rows") && has(out, "region border"), out);
}

BOOST_AUTO_TEST_CASE(group_coupling_has_no_zero_artefact) {
  const irio::Analysis a = irio::Analysis::open(err_workbook());
  irio::CirculationRequest req;
  req.groups = {"four_regions", "north_south"};
  const auto r = irio::circulation(a, req);
  BOOST_REQUIRE_EQUAL(r.group_coupling.size(), 2u);
  for (std::size_t g = 0; g < 2; ++g) {
    const auto& k = r.group_coupling[g];
    BOOST_CHECK_EQUAL(k.normalisation, "min_max_region");
    for (Eigen::Index i = 0; i < k.coordination.size(); ++i) {
      BOOST_TEST_CONTEXT(r.groups[g].units[static_cast<std::size_t>(i)]) {
        BOOST_TEST(k.coordination(i) > 0.0);
        BOOST_TEST(k.u1(i) > 0.0);
        BOOST_TEST(k.u1(i) < 1.0);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(province_aliases_match_in_groupings) {
  using irio::tables::province_key;
  BOOST_CHECK_EQUAL(province_key("Xizang"), "Tibet");
  BOOST_CHECK_EQUAL(province_key("西藏"), "Tibet");
  BOOST_CHECK_EQUAL(province_key("西藏自治区"), "Tibet");
  BOOST_CHECK_EQUAL(province_key("Nei Mongol"), "Inner Mongolia");
  BOOST_CHECK_EQUAL(province_key("inner_mongolia"), "Inner Mongolia");
  BOOST_CHECK_EQUAL(province_key("内蒙古"), "Inner Mongolia");
  BOOST_CHECK_EQUAL(province_key("Shaanxi"), "Shaanxi");
  BOOST_CHECK_EQUAL(province_key("山西省"), "Shanxi");
  BOOST_CHECK_EQUAL(province_key("Guangxi Zhuang Autonomous Region"), "Guangxi");
  BOOST_CHECK_EQUAL(province_key("Atlantis"), "");
  // A grouping that names provinces by other aliases covers a table's CEADs names.
  const auto g = irio::tables::Grouping::from_pairs(
      "mine", {{"Xizang", "West"}, {"内蒙古", "West"}, {"Beijing", "East"}, {"Shanxi", "Central"}});
  const auto idx = g.map({"Tibet", "Inner Mongolia", "Beijing", "Shanxi"}, "region", "t.h5");
  BOOST_CHECK((idx == std::vector<int>{0, 0, 1, 2}));
  BOOST_CHECK_EQUAL(g.group_of("Tibet"), "West");
  BOOST_CHECK_THROW(g.map({"Shaanxi"}, "region", "t.h5"), irio::InputError);  // Shaanxi is not Shanxi
  // A table that names them "Xizang" and "Nei Mongol" works with the shipped groupings.
  auto f = irio::testing::seeded_fixture(31, 2);
  for (auto& p : f.provinces) {
    if (p == "Tibet") p = "Xizang";
    if (p == "Inner Mongolia") p = "Nei Mongol";
  }
  const std::string path = scratch("defaults_alias.xlsx");
  irio::testing::write_fixture(f, path);
  const irio::Analysis a = irio::Analysis::open(path);
  irio::CirculationRequest req;
  req.groups = {"four_regions", "north_south", "eight_zones", "east_data_west_computing"};
  const auto r = irio::circulation(a, req);
  BOOST_REQUIRE_EQUAL(r.groups.size(), 4u);
  BOOST_CHECK_EQUAL(r.groups[0].units.size(), 4u);
}

BOOST_AUTO_TEST_CASE(documented_workbook_layout_of_2012_2015_2017) {
  // MRIO<year>.xlsx, sheet "Table_<year>_English Version": FU101, FU102, FU103, FU201, FU202, EX,
  // ERR, IM, VA001-VA004, in 10^4 yuan (docs/provincial.md).
  for (const std::string year : {"2012", "2015", "2017"}) {
    auto f = irio::testing::small_fixture();
    f.sheet = "Table_" + year + "_English Version";
    const std::string path = scratch("MRIO" + year + ".xlsx");
    irio::testing::write_fixture(f, path);
    const auto res = irio::io::read_ceads(path);
    const auto& t = res.table;
    BOOST_TEST_CONTEXT(year) {
      BOOST_TEST(res.sheet == f.sheet);
      BOOST_TEST(res.findings.empty(), res.report());
      BOOST_TEST(t.meta.year == year);
      BOOST_TEST(t.meta.unit == "10000 CNY");
      BOOST_TEST(t.labels.fd_categories == (std::vector<std::string>{"FU101", "FU102", "FU103", "FU201", "FU202"}),
                 boost::test_tools::per_element());
      BOOST_TEST(t.export_labels == (std::vector<std::string>{"EX", "ERR"}), boost::test_tools::per_element());
      BOOST_TEST(t.import_labels == std::vector<std::string>{"IM"}, boost::test_tools::per_element());
      BOOST_TEST(t.va_components == (std::vector<std::string>{"VA001", "VA002", "VA003", "VA004"}),
                 boost::test_tools::per_element());
      BOOST_TEST(t.has_other_final_demand());
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
