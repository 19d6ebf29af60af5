// SPDX-License-Identifier: MIT
// Validation cases for the Leontief model and multipliers: Miller & Blair 2x2 (Table 2.3-2.4 and
// methods.md §7.1), Eurostat Germany 1995 (Manual Tables 15.9-15.13), Netherlands 2000.
#include <cmath>

#include "irio/io/csv_reader.h"
#include "irio/solver/extraction.h"
#include "irio/solver/footprints.h"
#include "irio/solver/indicator_common.h"
#include "irio/solver/leontief_model.h"
#include "irio/solver/multipliers.h"
#include "irio/validation/cases.h"
#include "irio/validation/textbook_tables.h"

namespace irio::validation {
namespace {

using tables::Matrix;
using tables::Vector;

/// Rows of an expected.csv (quantity, key columns..., value, decimals[, source]): compare
/// `computed(quantity, row)` at the printed precision. `terms(quantity)` > 1 widens the tolerance
/// for published values that are sums of that many printed (rounded) numbers.
template <class Fn, class Terms>
void compare_expected(Report& rep, const std::string& case_name, const std::string& path, Fn computed, Terms terms) {
  const auto f = io::read_csv(path);
  const auto& h = f.rows.at(0).fields;
  std::size_t value_col = h.size(), dec_col = h.size();
  std::vector<std::size_t> key_cols;
  for (std::size_t c = 1; c < h.size(); ++c) {
    if (h[c] == "value") value_col = c;
    else if (h[c] == "decimals") dec_col = c;
    else if (h[c] != "source") key_cols.push_back(c);
  }
  for (std::size_t r = 1; r < f.rows.size(); ++r) {
    const auto& row = f.rows[r].fields;
    const std::string& quantity = row.at(0);
    std::string key;
    for (std::size_t c : key_cols) key += (key.empty() ? "" : ":") + row.at(c);
    const double value = f.number(r, value_col, "value");
    const int decimals = static_cast<int>(f.number(r, dec_col, "decimals"));
    const int k = terms(quantity);
    rep.printed(case_name, quantity, key, value, decimals, computed(quantity, row), k);
  }
}

template <class Fn>
void compare_expected(Report& rep, const std::string& case_name, const std::string& path, Fn computed) {
  compare_expected(rep, case_name, path, computed, [](const std::string&) { return 1; });
}

double nan() { return std::nan(""); }

/// Index of a sector label in the model (single-region tables).
Eigen::Index sector(const solver::LeontiefModel& m, const std::string& s) {
  const int i = tables::Labels::find(m.labels().sectors, s);
  return i < 0 ? -1 : static_cast<Eigen::Index>(i);
}

void miller_blair(const std::string& dir, Report& rep) {
  const auto t = miller_blair_table(dir);
  solver::LeontiefModel m(t);
  const Matrix L = m.solve(Matrix::Identity(2, 2));  // the requested output is L itself
  const Vector om = solver::output_multipliers(m);
  // The book's output multipliers are column sums of its printed 4-decimal L (1.2541 + 0.2640 =
  // 1.5181, where the exact value 1.518152 rounds to 1.5182): two rounded terms.
  compare_expected(
      rep, "miller_blair_2x2", dir + "/miller_blair_2x2/expected.csv",
      [&](const std::string& q, const std::vector<std::string>& row) {
        if (q == "leontief_inverse") return L(std::stoi(row[1]) - 1, std::stoi(row[2]) - 1);
        if (q == "output_multiplier") return om(std::stoi(row[2]) - 1);
        return nan();
      },
      [](const std::string& q) { return q == "output_multiplier" ? 2 : 1; });
}

/// methods.md §7.1: M&B with labour income (300, 500), constructed household consumption
/// (90, 250) of total income 800, and constructed jobs (20, 30).
void methods_7_1(const std::string& dir, Report& rep) {
  auto t = miller_blair_table(dir);
  t.labels.fd_categories = {"households", "other"};
  Matrix Y(2, 2);
  Y << 90, 350 - 90, 250, 1700 - 250;
  t.Y = Y;
  t.V.resize(2, 2);
  t.V << 300, 500, 650 - 300, 1400 - 500;
  t.va_components = {"labour_income", "other_value_added"};
  tables::Satellite jobs{"employment", {"jobs"}, {"persons"}, Matrix(1, 2), Matrix(1, 0)};
  jobs.F << 20, 30;
  jobs.F_Y.resize(1, 0);
  t.satellites.push_back(jobs);
  solver::LeontiefModel m(t);
  const Vector w = solver::per_unit_output(m, solver::flow_row(m, "labour_income"));
  const Vector e = solver::per_unit_output(m, solver::flow_row(m, "employment/jobs"));
  const auto hc = solver::household_coefficients(m, solver::flow_row(m, "labour_income"), {"households"},
                                                 solver::HouseholdMode::kNational);
  solver::HouseholdClosure closure(m, hc.H_c, hc.H_R);
  const Vector wL = solver::simple_multipliers(m, w), eL = solver::simple_multipliers(m, e);
  const Vector w2 = tables::ratio_or_nan(closure.closed_row(wL), w);
  const Vector e2 = tables::ratio_or_nan(closure.closed_row(eL), e);
  Matrix ynew(2, 1);
  ynew << 600, 1500;
  const Matrix xnew = m.solve(ynew);
  const Vector om = solver::output_multipliers(m);
  const Vector tot = closure.total_output_multipliers(), trunc = closure.truncated_output_multipliers();
  const Vector w1 = solver::type1_multipliers(m, w), e1 = solver::type1_multipliers(m, e);
  auto hem = [&](solver::ExtractionKind kind, Eigen::Index j) { return solver::extract(m, kind, {j}).output_loss; };
  compare_expected(rep, "methods_7.1", dir + "/methods/methods_7_1.csv",
                   [&](const std::string& q, const std::vector<std::string>& row) {
                     if (q == "closure_k") return closure.K()(0, 0);
                     const Eigen::Index j = std::stoi(row[1]) - 1;
                     if (q == "output_multiplier") return om(j);
                     if (q == "income_simple") return wL(j);
                     if (q == "income_type1") return w1(j);
                     if (q == "income_type2") return w2(j);
                     if (q == "employment_simple") return eL(j);
                     if (q == "employment_type1") return e1(j);
                     if (q == "employment_type2") return e2(j);
                     if (q == "total_closed_output_multiplier") return tot(j);
                     if (q == "truncated_closed_output_multiplier") return trunc(j);
                     if (q == "output_new_demand") return xnew(j, 0);
                     if (q == "hem_total_output_loss") return hem(solver::ExtractionKind::kTotal, j);
                     if (q == "hem_backward_output_loss") return hem(solver::ExtractionKind::kBackward, j);
                     if (q == "hem_forward_output_loss") return hem(solver::ExtractionKind::kForward, j);
                     return nan();
                   });
}

/// methods.md §7.2: pymrio's 2-region x 3-sector test fixture (tests/test_math.py).
void methods_7_2(const std::string& dir, Report& rep) {
  Matrix Z(6, 6), Y(6, 2), F(2, 6), FY(2, 2);
  Z << 10, 5, 1, 6, 5, 7, 0, 2, 0, 0, 5, 3, 10, 3, 20, 4, 2, 0, 5, 0, 0, 1, 10, 9, 0, 10, 1, 0, 20, 1, 5, 0, 0, 1, 10,
      10;
  Y << 14, 3, 2.5, 2.5, 13, 6, 5, 20, 10, 10, 3, 10;
  F << 20, 1, 42, 4, 20, 5, 5, 4, 11, 8, 2, 10;
  FY << 50, 10, 100, 20;
  tables::IoTable t;
  t.labels.regions = {"r1", "r2"};
  t.labels.sectors = {"s1", "s2", "s3"};
  t.labels.set_each_region_own_country();
  t.labels.fd_categories = {"fd"};
  t.Z = Z.sparseView();
  t.Y = Y;
  t.V.resize(0, 6);
  t.satellites.push_back({"emissions", {"stressor1", "stressor2"}, {"t", "t"}, F, FY});
  solver::LeontiefModel m(t);
  solver::FootprintOptions by_sector;
  by_sector.imports_by_sector = true;  // the fixture's D_imp is at sector detail
  const auto acc = solver::compute_footprints(m, t.satellites[0], by_sector);
  const Matrix L = m.solve(Matrix::Identity(6, 6));
  auto col = [&](const std::string& c) -> Eigen::Index {
    const auto slash = c.find('/');
    const int r = tables::Labels::find(t.labels.regions, c.substr(0, slash));
    if (slash == std::string::npos) return r;
    return r * 3 + tables::Labels::find(t.labels.sectors, c.substr(slash + 1));
  };
  compare_expected(rep, "methods_7.2", dir + "/methods/methods_7_2.csv",
                   [&](const std::string& q, const std::vector<std::string>& row) {
                     const Eigen::Index k = row[1] == "stressor2" ? 1 : 0, j = col(row[2]);
                     if (q == "x") return m.x()(j);
                     if (q == "L") return L(col(row[1]), j);
                     if (q == "M") return acc.M(k, j);
                     if (q == "M_down") return acc.M_down(k, j);
                     if (q == "D_cba") return acc.D_cba(k, j);
                     if (q == "D_imp") return acc.D_imp(k, j);
                     if (q == "D_exp") return acc.D_exp(k, j);
                     if (q == "D_cba_reg") return acc.D_cba_reg(k, j);
                     if (q == "D_pba_reg") return acc.D_pba_reg(k, j);
                     return nan();
                   });
}

void eurostat_germany(const std::string& dir, Report& rep) {
  const auto t = eurostat_germany_table(dir);
  solver::LeontiefModel m(t);
  const Vector om = solver::output_multipliers(m);
  const Vector gva = solver::simple_multipliers(m, m.v());
  const Vector emp =
      solver::simple_multipliers(m, solver::per_unit_output(m, solver::flow_row(m, "employment/persons")));
  const Matrix L = m.solve(Matrix::Identity(m.n(), m.n()));  // output: the Leontief diagonal
  compare_expected(rep, "eurostat_germany_1995", dir + "/eurostat_germany_1995/expected.csv",
                   [&](const std::string& q, const std::vector<std::string>& row) {
                     const Eigen::Index j = sector(m, row[1]);
                     if (j < 0) return nan();
                     if (q == "output_multiplier") return om(j);
                     if (q == "gva_coefficient") return m.v()(j);
                     if (q == "gva_multiplier") return gva(j);
                     if (q == "employment_multiplier_thousand_persons_per_meur") return emp(j);
                     if (q == "leontief_inverse_diagonal") return L(j, j);
                     return nan();
                   });
}

void netherlands(const std::string& dir, Report& rep) {
  const auto t = netherlands_table(dir);
  solver::LeontiefModel m(t);
  const Vector w = solver::per_unit_output(m, solver::flow_row(m, "compensation_employees"));
  const Vector wL = solver::simple_multipliers(m, w), w1 = solver::type1_multipliers(m, w);
  compare_expected(rep, "netherlands_2000", dir + "/netherlands_2000/expected.csv",
                   [&](const std::string& q, const std::vector<std::string>& row) {
                     const Eigen::Index j = sector(m, row[1]);
                     if (j < 0) return nan();
                     if (q == "income_effect") return wL(j);
                     if (q == "type1_income_multiplier") return w1(j);
                     return nan();
                   });
}

}  // namespace

void add_multiplier_cases(std::vector<Case>& cases) {
  cases.push_back(
      {"miller_blair_2x2", "Miller & Blair (2009) Tables 2.3-2.4: L and output multipliers (4 dp)", miller_blair});
  cases.push_back(
      {"methods_7.1", "methods.md §7.1: Type I/II income and employment, closed output multipliers", methods_7_1});
  cases.push_back({"methods_7.2",
                   "methods.md §7.2: pymrio's 2-region fixture: L, M, M_down, D_cba, D_imp, D_exp, regional totals",
                   methods_7_2});
  cases.push_back({"eurostat_germany_1995",
                   "Eurostat Manual (2008) Tables 15.9-15.13: output, GVA, employment multipliers, L diagonal",
                   eurostat_germany});
  cases.push_back({"netherlands_2000",
                   "Netherlands 2000 (D'Hernoncourt et al. 2011): income effects and Type I income multipliers",
                   netherlands});
}

}  // namespace irio::validation
