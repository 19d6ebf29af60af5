// SPDX-License-Identifier: MIT
// Balance report of an IoTable (methods.md §1.3).
#include "irio/tables/balance.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace irio::tables {

const char* to_string(Severity s) { return enum_name(s); }

void BalanceReport::add(Severity s, std::string check, std::string message) {
  status = worse(status, s);
  findings.push_back({s, std::move(check), std::move(message)});
}

namespace {
std::string fmt(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

std::string list(const Labels& l, const std::vector<std::size_t>& idx, std::size_t max) {
  std::string s;
  for (std::size_t k = 0; k < idx.size() && k < max; ++k) {
    if (k) s += ", ";
    s += l.region_of(idx[k]) + "/" + l.sector_of(idx[k]);
  }
  if (idx.size() > max) s += ", ... (" + std::to_string(idx.size() - max) + " more)";
  return s;
}
}  // namespace

BalanceReport check_balance(const IoTable& t, const BalanceOptions& opt) {
  if (auto e = opt.validate(); !e.empty()) throw InputError("balance options: " + e);
  BalanceReport rep;
  const Labels& labels = t.labels;
  const Vector x = t.output();
  const auto n = x.size();
  double xmax = 0.0;
  for (Eigen::Index i = 0; i < n; ++i)
    if (std::isfinite(x(i))) xmax = std::max(xmax, std::abs(x(i)));

  // Non-finite values and sums: cells near the largest double (1.8e308) overflow to Inf when
  // summed, and every later check would compare Inf - Inf = NaN, which passes silently.
  {
    const Vector rows = t.row_total();
    const Vector cols = (Vector::Ones(n).transpose() * t.Z).transpose() + t.import_total();
    std::vector<std::size_t> bad_x, bad_rows, bad_cols;
    for (Eigen::Index i = 0; i < n; ++i) {
      const auto iu = static_cast<std::size_t>(i);
      if (t.x.size() > 0 && !std::isfinite(t.x(i))) bad_x.push_back(iu);
      if (!std::isfinite(rows(i))) bad_rows.push_back(iu);
      if (!std::isfinite(cols(i))) bad_cols.push_back(iu);
    }
    if (!bad_x.empty())
      rep.add(Severity::kError, "non-finite values",
              "gross output x is Inf or NaN at " + std::to_string(bad_x.size()) +
                  " region-sectors: " + list(labels, bad_x, opt.max_listed));
    if (!bad_rows.empty())
      rep.add(Severity::kError, "non-finite values",
              "the row sums Z1 + Y1 + exports" + std::string(t.x.size() > 0 ? "" : " (which stand for x)") +
                  " overflow to Inf or NaN at " + std::to_string(bad_rows.size()) + " region-sectors: " +
                  list(labels, bad_rows, opt.max_listed) + " (cells too large to add up in double precision)");
    if (!bad_cols.empty())
      rep.add(Severity::kError, "non-finite values",
              "the column sums 1'Z + imports overflow to Inf or NaN at " + std::to_string(bad_cols.size()) +
                  " region-sectors: " + list(labels, bad_cols, opt.max_listed) +
                  " (cells too large to add up in double precision)");
  }

  // Row balance x = Z1 + Y1 + e (only meaningful when x was supplied).
  if (t.x.size() > 0) {
    const Vector res = x - t.row_total();
    double sum_abs = 0, sum_x = 0;
    for (Eigen::Index i = 0; i < n; ++i) {
      const double a = std::abs(res(i));
      const double rel = a / std::max(std::abs(x(i)), 1e-300);
      sum_abs += a;
      sum_x += std::abs(x(i));
      if (a > rep.max_row_abs) {
        rep.max_row_abs = a;
        rep.worst_row = static_cast<std::size_t>(i);
      }
      if (x(i) != 0) rep.max_row_rel = std::max(rep.max_row_rel, rel);
    }
    rep.weighted_row_rel = sum_x > 0 ? sum_abs / sum_x : 0;
    const double scaled = rep.max_row_abs / std::max(xmax, 1e-300);
    if (scaled > opt.rel_tol) {
      Severity s = scaled > opt.error_rel_tol ? Severity::kError : Severity::kWarning;
      rep.add(s, "row balance",
              "x - Z1 - Y1 differs by up to " + fmt(rep.max_row_abs) + " (at " + labels.describe(rep.worst_row) + "; " +
                  fmt(scaled) + " of max output; weighted " + fmt(rep.weighted_row_rel) + ")");
    }
  }

  // Column balance against supplied value added.
  if (t.V.rows() > 0) {
    const Vector res = t.value_added_residual() - t.value_added_supplied();
    for (Eigen::Index j = 0; j < n; ++j) {
      const double a = std::abs(res(j));
      if (a > rep.max_col_abs) {
        rep.max_col_abs = a;
        rep.worst_col = static_cast<std::size_t>(j);
      }
      if (x(j) != 0) rep.max_col_rel = std::max(rep.max_col_rel, a / std::abs(x(j)));
    }
    const double scaled = rep.max_col_abs / std::max(xmax, 1e-300);
    if (scaled > opt.rel_tol)
      rep.add(Severity::kWarning, "column balance",
              "x' - 1'Z - imports - V differs by up to " + fmt(rep.max_col_abs) + " (at " +
                  labels.describe(rep.worst_col) +
                  "); value added is taken as the column residual (va_mode = residual)");
  }

  // Zero / negative output.
  std::vector<std::size_t> negative;
  for (Eigen::Index i = 0; i < n; ++i) {
    if (x(i) < 0) negative.push_back(static_cast<std::size_t>(i));
    else if (x(i) <= opt.min_output_eps * xmax) rep.zero_output.push_back(static_cast<std::size_t>(i));
  }
  if (!negative.empty())
    rep.add(Severity::kError, "negative output",
            std::to_string(negative.size()) +
                " region-sectors have negative output: " + list(labels, negative, opt.max_listed));
  if (n > 0 && rep.zero_output.size() == static_cast<std::size_t>(n))
    rep.add(Severity::kError, "no output",
            "every region-sector has zero output (x = 0, or Z and Y are empty): there is no economy to "
            "model; is the right file or year given?");
  else if (!rep.zero_output.empty())
    rep.add(Severity::kWarning, "zero output",
            std::to_string(rep.zero_output.size()) +
                " region-sectors have zero output and are compressed out of the system "
                "(their multipliers are reported as NaN): " +
                list(labels, rep.zero_output, opt.max_listed));

  // Coefficient column sums and value added.
  const Vector colsum = (Vector::Ones(n).transpose() * t.Z).transpose() + t.import_total();
  for (Eigen::Index j = 0; j < n; ++j) {
    if (x(j) <= 0) continue;
    if (colsum(j) >= x(j)) rep.column_sum_ge_one.push_back(static_cast<std::size_t>(j));
    if (colsum(j) > x(j)) rep.negative_value_added.push_back(static_cast<std::size_t>(j));
  }
  if (!rep.negative_value_added.empty())
    rep.add(Severity::kWarning, "negative value added",
            std::to_string(rep.negative_value_added.size()) +
                " region-sectors have negative value added (column sum of A > 1): " +
                list(labels, rep.negative_value_added, opt.max_listed));
  else if (!rep.column_sum_ge_one.empty())
    rep.add(Severity::kWarning, "column sum of A >= 1", list(labels, rep.column_sum_ge_one, opt.max_listed));

  for (Eigen::Index j = 0; j < t.Y.cols(); ++j)
    for (Eigen::Index i = 0; i < t.Y.rows(); ++i)
      if (t.Y(i, j) < 0) ++rep.negative_final_demand;
  if (rep.negative_final_demand > 0)
    rep.add(Severity::kOk, "negative final demand",
            std::to_string(rep.negative_final_demand) +
                " final-demand cells are negative (kept: identities stay exact, single terms may "
                "be negative)");
  return rep;
}

std::string BalanceOptions::validate() const {
  if (!(rel_tol >= 0)) return "rel_tol must be >= 0";
  if (!(error_rel_tol >= rel_tol)) return "error_rel_tol must be >= rel_tol";
  if (!(min_output_eps >= 0 && min_output_eps < 1)) return "min_output_eps must be in [0, 1)";
  return {};
}

std::string BalanceReport::brief() const {
  std::string s = std::string("Balance check: ") + to_string(status);
  std::string checks;
  for (Severity sev : {Severity::kError, Severity::kWarning})
    for (const auto& f : findings)
      if (f.severity == sev) checks += (checks.empty() ? "" : ", ") + f.check;
  if (!checks.empty()) s += " (" + checks + ")";
  return s;
}

std::string BalanceReport::messages(Severity s) const {
  std::string out;
  for (const auto& f : findings)
    if (f.severity == s) out += (out.empty() ? "" : "; ") + f.check + ": " + f.message;
  return out;
}

std::string BalanceReport::full_report(const Labels& labels) const {
  std::ostringstream os;
  os << "Balance check: " << to_string(status) << "\n";
  os << "  row balance:    max |residual| " << fmt(max_row_abs) << ", max relative " << fmt(max_row_rel)
     << ", weighted relative " << fmt(weighted_row_rel) << "\n";
  if (max_col_abs > 0)
    os << "  column balance: max |residual| " << fmt(max_col_abs) << " at " << labels.describe(worst_col) << "\n";
  os << "  zero output: " << zero_output.size() << ", negative value added: " << negative_value_added.size()
     << ", negative final-demand cells: " << negative_final_demand << "\n";
  for (const auto& f : findings) os << "  [" << to_string(f.severity) << "] " << f.check << ": " << f.message << "\n";
  return os.str();
}

}  // namespace irio::tables
