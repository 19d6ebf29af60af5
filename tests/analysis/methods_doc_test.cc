// SPDX-License-Identifier: MIT
// docs/methods.md against what irio does, so that the page cannot drift from the program:
// §4.4's default perimeter of `irio position` is the one `irio position --help` shows; irio's PLy
// is 1'L, which equals WWYZ's v'LL y^ / y' only where v'L = 1' (no exogenous imports), and §4.4
// says so; identity (22) states that assumption and names the check irio prints with imports.
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <regex>
#include <sstream>

#include "irio/analysis/analysis.h"
#include "irio/io/table_store.h"
#include "tests/analysis/cli_dir.h"
#include "tests/test_util.h"

namespace {

using irio::tables::Matrix;
using irio::tables::Vector;

bool contains(const std::string& s, const std::string& what) { return s.find(what) != std::string::npos; }

std::string methods_section(const std::string& heading, const std::string& next_heading) {
  std::ifstream in(std::string(IRIO_SOURCE_DIR) + "/docs/methods.md");
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string all = ss.str();
  const auto a = all.find(heading), b = all.find(next_heading, a);
  BOOST_REQUIRE(a != std::string::npos && b != std::string::npos);
  return all.substr(a, b - a);
}

/// Two provinces of one country with an import row (an open table: v'L != 1').
irio::tables::IoTable open_provinces() {
  Matrix Z(4, 4), Y(4, 2);
  Z << 10, 4, 3, 1, 2, 12, 1, 2, 3, 1, 9, 5, 1, 2, 4, 11;
  Y << 30, 5, 20, 4, 6, 28, 3, 25;
  auto t = irio::testing::make_table(Z, Y, {"Guangdong", "Guizhou"}, {"a", "b"}, {"CN"}, {0, 0});
  t.export_labels = {"EX"};
  t.exports = Matrix(4, 1);
  t.exports << 15, 7, 3, 2;
  t.import_labels = {"IM"};
  t.imports = Matrix(1, 4);
  t.imports << 25, 13, 12, 11;
  return t;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(methods_doc)

BOOST_FIXTURE_TEST_CASE(position_default_perimeter_in_methods_is_the_help_default, CliDir) {
  std::string help;
  BOOST_REQUIRE_EQUAL(run("position --help", help), 0);
  std::smatch m;
  BOOST_REQUIRE_MESSAGE(std::regex_search(help, m, std::regex(R"(--perimeter [A-Z]+:\{[a-z,]*\}=([a-z]+))")), help);
  const std::string shown = m[1];
  const std::string s44 = methods_section("### 4.4 Production length", "## 5. Domestic");
  std::smatch d;
  BOOST_REQUIRE(std::regex_search(s44, d, std::regex(R"(irio position \[--perimeter [^\]]*\]` \(default `([a-z]+)`)")));
  BOOST_CHECK_EQUAL(d[1].str(), shown);
}

BOOST_AUTO_TEST_CASE(ply_is_one_prime_l_and_methods_says_when_it_is_wwyz) {
  const irio::Analysis a(open_provinces());
  const auto& model = a.model();
  const Eigen::Index n = model.n();
  const Matrix L = (Matrix::Identity(n, n) - Matrix(model.A())).partialPivLu().solve(Matrix::Identity(n, n));
  const Vector y = a.table().final_demand_total();
  const Vector one_L = (Eigen::RowVectorXd::Ones(n) * L).transpose();
  const Vector wwyz = ((model.v().transpose() * L * L) * y.asDiagonal()).transpose().cwiseQuotient(y);
  irio::PositionRequest req;
  const auto r = a.position(req);
  const auto& t = r.tables.front();
  for (Eigen::Index j = 0; j < n; ++j) {
    const auto& lab = a.table().labels;
    const double ply =
        t.find({lab.region_of(static_cast<std::size_t>(j)), lab.sector_of(static_cast<std::size_t>(j)), "PLy"});
    BOOST_CHECK_CLOSE(ply, one_L(j), 1e-10);    // irio: 1'L
    BOOST_CHECK_GT(ply - wwyz(j), 1e-3 * ply);  // v'LL y^ / y' is smaller with imports
  }
  // v'L + a_M'L = 1' here: the gap is the imports' stages.
  const Vector gap = ((model.a_M().transpose() * L * L) * y.asDiagonal()).transpose().cwiseQuotient(y);
  BOOST_CHECK_SMALL((one_L - wwyz - gap).cwiseAbs().maxCoeff(), 1e-10);
  const std::string s44 = methods_section("### 4.4 Production length", "## 5. Domestic");
  BOOST_CHECK(contains(s44, "**irio reports $\\mathrm{PLy}=\\mathbf 1^\\top\\mathbf L$**"));
  BOOST_CHECK(contains(s44, "$\\mathbf v^\\top\\mathbf L=\\mathbf 1^\\top-\\mathbf a_M^\\top\\mathbf L$"));
}

BOOST_AUTO_TEST_CASE(identity_22_states_its_assumption_and_names_the_check_with_imports) {
  const irio::Analysis a(open_provinces());
  irio::PositionRequest req;
  const auto r = a.position(req);
  bool named = false;
  for (const auto& t : r.tables)
    for (std::size_t i = 0; i < t.num_rows(); ++i)
      for (std::size_t c = 0; c < t.num_keys(); ++c) named = named || t.key(c, i) == "22: (va + imports)'U = 1'x";
  BOOST_REQUIRE(named);  // the check irio runs on an open table
  const std::string s62 = methods_section("### 6.2 Identity catalogue", "## 7. Numerical");
  const auto at22 = s62.find("\n22. ");
  BOOST_REQUIRE(at22 != std::string::npos);
  const std::string item = s62.substr(at22, s62.find("\n*", at22) - at22);
  BOOST_CHECK(contains(item, "only under the assumption"));
  BOOST_CHECK(contains(item, "\"22: (va + imports)'U = 1'x\""));
}

BOOST_AUTO_TEST_SUITE_END()
