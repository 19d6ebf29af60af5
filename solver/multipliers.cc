// SPDX-License-Identifier: MIT
// Output, value-added, income and employment multipliers, simple / Type I / Type II (methods.md
// §2.1-2.2).
#include "irio/solver/multipliers.h"

#include <cmath>
#include <limits>
#include <memory>

#include "irio/solver/indicator_common.h"
#include "irio/tables/error.h"

namespace irio::solver {
namespace {

std::string join_labels(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& e : v) s += (s.empty() ? "" : ", ") + e;
  return s.empty() ? "none" : s;
}

}  // namespace

Vector simple_multipliers(const LeontiefModel& model, const Vector& c) {
  // methods.md §2.2: m_c' = c'L, one transposed solve.
  Vector m = multiplier_rows(model, c).col(0);
  model.mask_inactive(m);
  return m;
}

Vector output_multipliers(const LeontiefModel& model) {
  // methods.md §2.1: m_o' = 1'L (ones only on active sectors; inactive ones are masked anyway).
  return simple_multipliers(model, Vector::Ones(model.n()));
}

Vector type1_multipliers(const LeontiefModel& model, const Vector& c) {
  Vector m = tables::ratio_or_nan(simple_multipliers(model, c), c);  // methods.md §2.2 Type I
  model.mask_inactive(m);
  return m;
}

HouseholdClosure::HouseholdClosure(const LeontiefModel& model, Matrix H_c, Matrix H_R)
    : model_(model), H_c_(std::move(H_c)), H_R_(std::move(H_R)) {
  const Index n = model.n();
  if (H_c_.rows() != n || H_R_.cols() != n || H_R_.rows() != H_c_.cols() || H_c_.cols() == 0)
    throw InputError("household closure: H_c is " + std::to_string(H_c_.rows()) + " x " + std::to_string(H_c_.cols()) +
                     " and H_R is " + std::to_string(H_R_.rows()) + " x " + std::to_string(H_R_.cols()) +
                     ", expected n x H and H x n with n = " + std::to_string(n));
  // methods.md §2.1 (2.1) and its Woodbury form: K = I - H_R L H_c.
  L_Hc_ = model.solve(H_c_);                                     // S(H)
  HR_L_ = model.solve_transposed(H_R_.transpose()).transpose();  // S'(H)
  const Index H = H_c_.cols();
  K_ = Matrix::Identity(H, H) - H_R_ * L_Hc_;
  if (H == 1 && !(K_(0, 0) > 0))
    throw NumericalError("household closure: k = 1 - h_R' L h_c = " + std::to_string(K_(0, 0)) +
                         " <= 0, the closed model is not productive (methods.md §2.1)");
  K_lu_.compute(K_);
  const double det = K_lu_.determinant();
  if (!std::isfinite(det) || std::abs(det) < 1e-14)
    throw NumericalError("household closure: K = I - H_R L H_c is singular (det " + std::to_string(det) + ")");
  Kinv_HR_L_ = K_lu_.solve(HR_L_);
}

Vector HouseholdClosure::closed_row(const Vector& cL) const {
  // c' Lbar_11 = c'L + (c'L H_c) K^{-1} H_R L
  Vector r = cL + (cL.transpose() * H_c_ * Kinv_HR_L_).transpose();
  model_.mask_inactive(r);
  return r;
}

Vector HouseholdClosure::household_rows_sum() const {
  Vector r = Kinv_HR_L_.colwise().sum().transpose();
  model_.mask_inactive(r);
  return r;
}

Vector HouseholdClosure::truncated_output_multipliers() const {
  // 1'Lbar_11: closed_row of 1'L (one transposed solve).
  return closed_row(multiplier_rows(model_, Vector::Ones(model_.n())).col(0));
}

Vector HouseholdClosure::total_output_multipliers() const {
  return truncated_output_multipliers() + household_rows_sum();
}

HouseholdMode household_mode_from_string(const std::string& s) { return parse_enum<HouseholdMode>(s); }

std::string MultiplierOptions::validate() const {
  if (!household_categories.empty() && income.empty())
    return "Type II multipliers need a labour-income row (income component or satellite)";
  return {};
}

HouseholdCoefficients household_coefficients(const LeontiefModel& model, const Vector& income,
                                             const std::vector<std::string>& categories, HouseholdMode mode) {
  const auto& t = model.table();
  const auto& lab = model.labels();
  const Index n = model.n(), G = model.num_regions();
  const Index K = static_cast<Index>(lab.fd_categories.size());
  if (income.size() != n) throw InputError("household closure: income vector has the wrong size");
  if (categories.empty()) {
    std::string all;
    for (const auto& e : lab.fd_categories) all += (all.empty() ? "" : ", ") + e;
    throw InputError(
        "household closure (Type II): no household final-demand category given: name one with "
        "--household-category (the table has: " +
        all + ")");
  }
  std::vector<Index> cats;
  for (const auto& c : categories) {
    const int k = tables::Labels::find(lab.fd_categories, c);
    if (k < 0) {
      std::string all;
      for (const auto& e : lab.fd_categories) all += (all.empty() ? "" : ", ") + e;
      throw InputError("unknown final-demand category '" + c + "' (table has: " + all + ")");
    }
    cats.push_back(k);
  }
  const Vector hR = per_unit_output(model, income);
  HouseholdCoefficients hc;
  if (mode == HouseholdMode::kNational) {
    const double total_income = income.sum();
    if (!(total_income != 0))
      throw InputError(
          "household closure: the total labour income (the value-added rows named by "
          "--income-component) is zero: name the row that holds the compensation of employees (the "
          "table has: " +
          join_labels(t.va_components) + ")");
    hc.H_c = Matrix::Zero(n, 1);
    for (Index r = 0; r < G; ++r)
      for (Index k : cats) hc.H_c.col(0) += t.Y.col(r * K + k);
    hc.H_c /= total_income;
    hc.H_R = hR.transpose();
  } else {
    const Index N = model.num_sectors();
    hc.H_c = Matrix::Zero(n, G);
    hc.H_R = Matrix::Zero(G, n);
    for (Index r = 0; r < G; ++r) {
      const double inc = income.segment(r * N, N).sum();
      if (!(inc != 0))
        throw InputError("household closure: labour income of region '" + lab.regions[static_cast<std::size_t>(r)] +
                         "' is zero (the value-added rows named by --income-component): name the row that holds "
                         "the compensation of employees (the table has: " +
                         join_labels(t.va_components) + "), or use the national closure");
      for (Index k : cats) hc.H_c.col(r) += t.Y.col(r * K + k);
      hc.H_c.col(r) /= inc;
      hc.H_R.row(r).segment(r * N, N) = hR.segment(r * N, N).transpose();
    }
  }
  for (Index j : model.zero_output()) hc.H_c.row(j).setZero();
  return hc;
}

namespace {

struct CoefficientRows {
  std::vector<std::string> names;
  std::vector<Vector> rows;
  Vector w;  ///< labour income flows (for the household closure), empty without --income
  Matrix C;  ///< the rows as columns, zero on zero-output sectors
};

CoefficientRows coefficient_rows(const LeontiefModel& model, const MultiplierOptions& opt) {
  const auto& t = model.table();
  const Index n = model.n();
  if (auto e = opt.validate(); !e.empty()) throw InputError(e);
  CoefficientRows c;
  auto push = [&](const std::string& nm, Vector v) {
    c.names.push_back(nm);
    c.rows.push_back(std::move(v));
  };
  push("output", Vector::Ones(n));
  push("value_added", model.v());
  if (opt.va_components)
    for (Index k = 0; k < t.V.rows(); ++k)
      push("value_added:" + t.va_components[static_cast<std::size_t>(k)],
           per_unit_output(model, t.V.row(k).transpose()));
  Vector eps;
  if (!opt.income.empty()) push("income", per_unit_output(model, c.w = flow_row(model, opt.income)));
  if (!opt.employment.empty()) push("employment", per_unit_output(model, eps = flow_row(model, opt.employment)));
  c.C.resize(n, static_cast<Index>(c.rows.size()));
  for (std::size_t i = 0; i < c.rows.size(); ++i) c.C.col(static_cast<Index>(i)) = c.rows[i];
  for (Index j : model.zero_output()) c.C.row(j).setZero();
  return c;
}

}  // namespace

Matrix multiplier_coefficients(const LeontiefModel& model, const MultiplierOptions& opt) {
  return coefficient_rows(model, opt).C;
}

tables::TidyTable multipliers_table(const LeontiefModel& model, const MultiplierOptions& opt, Vector* closure_k,
                                    Vector* output, const Matrix* solved) {
  // Collect every coefficient row and do one block of transposed solves (methods.md §8: S'(k)).
  const CoefficientRows cr = coefficient_rows(model, opt);
  const auto& names = cr.names;
  const auto& rows = cr.rows;
  const Vector& w = cr.w;
  if (solved && (solved->rows() != model.n() || solved->cols() != cr.C.cols()))
    throw InputError("multipliers: the solved rows are " + std::to_string(solved->rows()) + " x " +
                     std::to_string(solved->cols()) + ", expected " + std::to_string(model.n()) + " x " +
                     std::to_string(cr.C.cols()));
  const Matrix CL = solved ? *solved : multiplier_rows(model, cr.C);

  std::unique_ptr<HouseholdClosure> closure;
  if (!opt.household_categories.empty()) {
    auto hc = household_coefficients(model, w, opt.household_categories, opt.households);
    closure = std::make_unique<HouseholdClosure>(model, std::move(hc.H_c), std::move(hc.H_R));
    if (closure_k) *closure_k = closure->K().diagonal();
  }

  auto out = make_region_sector_table(model, "multipliers");
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::string& nm = names[i];
    Vector cL = CL.col(static_cast<Index>(i));
    model.mask_inactive(cL);
    if (nm == "output" && output) *output = cL;
    Vector coef = rows[i];
    model.mask_inactive(coef);
    const bool with_types = nm == "income" || nm == "employment";
    const std::string coef_name = nm.rfind("value_added:", 0) == 0 ? "value_added_coefficient:" + nm.substr(12)
                                                                   : nm + "_coefficient";
    if (nm != "output") add_region_sector_rows(out, model, coef_name, coef);
    add_region_sector_rows(out, model, with_types ? nm + "_simple" : nm, cL);
    if (with_types) {
      Vector t1 = tables::ratio_or_nan(cL, rows[i]);
      model.mask_inactive(t1);
      add_region_sector_rows(out, model, nm + "_type1", t1);
      if (closure) {
        Vector t2 = tables::ratio_or_nan(closure->closed_row(CL.col(static_cast<Index>(i))), rows[i]);
        model.mask_inactive(t2);
        add_region_sector_rows(out, model, nm + "_type2", t2);
      }
    }
    if (nm == "output" && closure) {
      const Vector trunc = closure->closed_row(CL.col(0));
      add_region_sector_rows(out, model, "output_truncated_closed", trunc);
      add_region_sector_rows(out, model, "output_total_closed", trunc + closure->household_rows_sum());
    }
  }
  return out;
}

}  // namespace irio::solver
