// SPDX-License-Identifier: MIT
// Weighted Theil, Gini and coefficient of variation with the Theil group decomposition
// (methods.md §10.3; Theil 1967, Shorrocks 1980, Bourguignon 1979).
#include "irio/solver/disparity.h"

#include <cmath>
#include <limits>

#include "irio/tables/error.h"

namespace irio::solver {
namespace {

using Index = Eigen::Index;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Weighted Gini sum_i sum_j p_i p_j |x_i - x_j| / (2 mu) and CV sqrt(sum p_i (x_i - mu)^2) / mu.
void gini_cv(const Vector& x, const Vector& p, double& gini, double& cv) {
  const double mu = p.dot(x);
  double g = 0, var = 0;
  for (Index i = 0; i < x.size(); ++i) {
    var += p(i) * (x(i) - mu) * (x(i) - mu);
    for (Index j = 0; j < x.size(); ++j) g += p(i) * p(j) * std::abs(x(i) - x(j));
  }
  gini = mu > 0 ? g / (2.0 * mu) : kNaN;
  cv = mu != 0 ? std::sqrt(var) / std::abs(mu) : kNaN;
}

/// x ln x with 0 ln 0 = 0.
double xlogx(double x) { return x > 0 ? x * std::log(x) : 0.0; }

}  // namespace

Disparity disparity(const Vector& x, const Vector& w, const std::vector<int>& group,
                    const std::vector<std::string>& groups, const std::vector<std::string>& units, std::string* why) {
  const Index n = x.size();
  if (w.size() != n || group.size() != static_cast<std::size_t>(n) || units.size() != static_cast<std::size_t>(n))
    throw InputError("disparity: the indicator, weights, groups and units differ in length");
  if (n == 0) throw InputError("disparity: no units");
  for (Index i = 0; i < n; ++i) {
    const auto& u = units[static_cast<std::size_t>(i)];
    if (!std::isfinite(w(i)) || w(i) < 0)
      throw InputError("disparity: the weight of '" + u + "' is " + std::to_string(w(i)) +
                       " (a weight must be a number >= 0): weights are the output, value added or population of each "
                       "unit (--weights); give it a population >= 0, or choose --weights equal");
    if (!std::isfinite(x(i)))
      throw InputError("disparity: the indicator has no finite value for '" + u +
                       "': give a number for every unit (--indicator-file), or choose another --indicator");
  }
  const double W = w.sum();
  if (!(W > 0))
    throw InputError("disparity: the weights of the " + std::to_string(n) +
                     " units add up to 0 (--weights): give populations > 0, or choose --weights equal");
  const Vector p = w / W;
  const auto G = static_cast<Index>(groups.size());
  Disparity d;
  d.groups = groups;
  d.group_weight = Vector::Zero(G);
  d.group_mean = Vector::Zero(G);
  for (Index i = 0; i < n; ++i) {
    const int g = group[static_cast<std::size_t>(i)];
    if (g < 0 || g >= G)
      throw InputError("disparity: '" + units[static_cast<std::size_t>(i)] +
                       "' is in no group of the grouping (--groups): add a line for it, or a catch-all line *,GROUP");
    d.group_weight(g) += p(i);
    d.group_mean(g) += p(i) * x(i);
  }
  for (Index g = 0; g < G; ++g) {
    if (!(d.group_weight(g) > 0))
      throw InputError(
          "disparity: group '" + groups[static_cast<std::size_t>(g)] +
          "' has no unit with a weight > 0: give it a unit with one (--groups), or choose --weights equal");
    d.group_mean(g) /= d.group_weight(g);
  }
  d.mean = p.dot(x);
  const double mu = d.mean;
  const bool nonneg = x.minCoeff() >= 0 && mu > 0, positive = x.minCoeff() > 0;
  if (why && !positive)
    *why = nonneg ? "Theil L needs a positive indicator in every unit (NaN)"
                  : "Theil T and L need a non-negative indicator with a positive mean (NaN)";
  auto init = [&](DisparityParts& part) {
    part.group_index.assign(static_cast<std::size_t>(G), 0.0);
    part.group_contribution.assign(static_cast<std::size_t>(G), 0.0);
  };
  init(d.theil_t);
  init(d.theil_l);
  init(d.gini);
  init(d.cv);
  // T = sum_i p_i (x_i/mu) ln(x_i/mu); T_g likewise inside g; T = sum_g s_g T_g + sum_g s_g ln(mu_g/mu)
  // with s_g = P_g mu_g / mu. L = sum_i p_i ln(mu/x_i) = sum_g P_g L_g + sum_g P_g ln(mu/mu_g).
  d.theil_t.total = nonneg ? 0.0 : kNaN;
  d.theil_l.total = positive ? 0.0 : kNaN;
  for (Index i = 0; i < n; ++i) {
    const int g = group[static_cast<std::size_t>(i)];
    const auto gs = static_cast<std::size_t>(g);
    if (nonneg) {
      d.theil_t.total += p(i) * xlogx(x(i) / mu);
      if (d.group_mean(g) > 0) d.theil_t.group_index[gs] += p(i) / d.group_weight(g) * xlogx(x(i) / d.group_mean(g));
    }
    if (positive) {
      d.theil_l.total += p(i) * std::log(mu / x(i));
      d.theil_l.group_index[gs] += p(i) / d.group_weight(g) * std::log(d.group_mean(g) / x(i));
    }
  }
  d.theil_t.between = nonneg ? 0.0 : kNaN;
  d.theil_t.within = nonneg ? 0.0 : kNaN;
  d.theil_l.between = positive ? 0.0 : kNaN;
  d.theil_l.within = positive ? 0.0 : kNaN;
  for (Index g = 0; g < G; ++g) {
    const auto gs = static_cast<std::size_t>(g);
    const double P = d.group_weight(g), m = d.group_mean(g);
    if (nonneg) {
      const double s = P * m / mu;
      d.theil_t.group_contribution[gs] = s * d.theil_t.group_index[gs];
      d.theil_t.within += d.theil_t.group_contribution[gs];
      d.theil_t.between += P * xlogx(m / mu);
    } else {
      d.theil_t.group_index[gs] = d.theil_t.group_contribution[gs] = kNaN;
    }
    if (positive) {
      d.theil_l.group_contribution[gs] = P * d.theil_l.group_index[gs];
      d.theil_l.within += d.theil_l.group_contribution[gs];
      d.theil_l.between += P * std::log(mu / m);
    } else {
      d.theil_l.group_index[gs] = d.theil_l.group_contribution[gs] = kNaN;
    }
  }
  gini_cv(x, p, d.gini.total, d.cv.total);
  gini_cv(d.group_mean, d.group_weight, d.gini.between, d.cv.between);
  d.gini.within = d.cv.within = kNaN;
  for (Index g = 0; g < G; ++g) {
    std::vector<Index> members;
    for (Index i = 0; i < n; ++i)
      if (group[static_cast<std::size_t>(i)] == g) members.push_back(i);
    Vector xg(static_cast<Index>(members.size())), pg(static_cast<Index>(members.size()));
    for (std::size_t k = 0; k < members.size(); ++k) {
      xg(static_cast<Index>(k)) = x(members[k]);
      pg(static_cast<Index>(k)) = p(members[k]) / d.group_weight(g);
    }
    gini_cv(xg, pg, d.gini.group_index[static_cast<std::size_t>(g)], d.cv.group_index[static_cast<std::size_t>(g)]);
    d.gini.group_contribution[static_cast<std::size_t>(g)] = d.cv.group_contribution[static_cast<std::size_t>(g)] =
        kNaN;
  }
  return d;
}

tables::TidyTable disparity_table() {
  return tables::TidyTable("disparity", {"grouping", "indicator", "weights", "measure", "component", "group"});
}

void append_disparity(const Disparity& d, const std::string& grouping, const std::string& indicator,
                      const std::string& weights, tables::TidyTable& out) {
  const std::pair<const char*, const DisparityParts*> measures[] = {
      {"theil_t", &d.theil_t}, {"theil_l", &d.theil_l}, {"gini", &d.gini}, {"cv", &d.cv}};
  for (const auto& [name, part] : measures) {
    out.add_row({grouping, indicator, weights, name, "total", "all"}, part->total);
    out.add_row({grouping, indicator, weights, name, "between", "all"}, part->between);
    out.add_row({grouping, indicator, weights, name, "within", "all"}, part->within);
  }
  for (const auto& [name, part] : measures)
    for (std::size_t g = 0; g < d.groups.size(); ++g) {
      out.add_row({grouping, indicator, weights, name, "group_index", d.groups[g]}, part->group_index[g]);
      out.add_row({grouping, indicator, weights, name, "group_contribution", d.groups[g]}, part->group_contribution[g]);
    }
  out.add_row({grouping, indicator, weights, "mean", "total", "all"}, d.mean);
  for (std::size_t g = 0; g < d.groups.size(); ++g) {
    out.add_row({grouping, indicator, weights, "mean", "group_index", d.groups[g]},
                d.group_mean(static_cast<Index>(g)));
    out.add_row({grouping, indicator, weights, "weight_share", "group_index", d.groups[g]},
                d.group_weight(static_cast<Index>(g)));
  }
}

}  // namespace irio::solver
