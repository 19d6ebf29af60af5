// SPDX-License-Identifier: MIT
// Circulation indicators and the coupling coordination degree (see circulation.h).
#include "irio/solver/gvc/circulation.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "irio/solver/gvc/production_groups.h"
#include "irio/tables/error.h"

namespace irio::solver::gvc {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

const std::vector<std::string>& circulation_indicator_names() {
  static const std::vector<std::string> names{"nvc_forward",
                                              "gvc_forward",
                                              "nvc_backward",
                                              "gvc_backward",
                                              "orientation_forward",
                                              "orientation_backward",
                                              "loc_share_forward",
                                              "ntf_share_forward",
                                              "rt_share_forward",
                                              "domestic_share_forward",
                                              "international_share_forward",
                                              "loc_share_backward",
                                              "ntf_share_backward",
                                              "rt_share_backward",
                                              "domestic_share_backward",
                                              "international_share_backward",
                                              "other_fd_share_forward",
                                              "other_fd_share_backward"};
  return names;
}

int circulation_indicator_index(const std::string& name) {
  const auto& names = circulation_indicator_names();
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<int>(i);
  return -1;
}

Circulation circulation(const LeontiefModel& m, const ProductionDecomposition& d, const tables::Grouping* g) {
  const auto& lab = m.labels();
  const tables::Grouping regions = tables::Grouping::identity("region", lab.regions);
  const tables::Grouping& grouping = g ? *g : regions;
  const GroupedChains gc = group_three_level(m, d, grouping);  // the sums of chains --groups
  Circulation c;
  c.scope = g ? g->name() : "region";
  c.units = gc.groups;
  c.forward = gc.forward;
  c.backward = gc.backward;
  c.other_final_demand = d.other_final_demand;
  const auto idx = grouping.map(lab.regions, "region", "table");
  const Index N = m.num_sectors(), G = static_cast<Index>(c.units.size());
  c.va = Vector::Zero(G);
  c.y = Vector::Zero(G);
  for (Index i = 0; i < m.n(); ++i) {
    if (!m.is_active(i)) continue;
    const auto k = static_cast<Index>(idx[static_cast<std::size_t>(i / N)]);
    c.va(k) += d.va(i);
    c.y(k) += d.y(i);
  }
  // A unit has domestic chains when one of its regions shares its country with another region.
  std::vector<std::size_t> regions_per_country(lab.num_countries(), 0);
  for (std::size_t r = 0; r < lab.num_regions(); ++r) ++regions_per_country[lab.country_of_region[r]];
  std::vector<bool> domestic(static_cast<std::size_t>(G), false);
  for (std::size_t r = 0; r < lab.num_regions(); ++r)
    if (regions_per_country[lab.country_of_region[r]] > 1) domestic[idx[r]] = true;
  const bool exo = d.exogenous_rest_of_world;
  c.indicators.resize(G, kNumCirculationIndicators);
  for (Index k = 0; k < G; ++k) {
    const auto F = c.forward.row(k), B = c.backward.row(k);
    const double nvcF = F(kNvcS) + F(kNvcC), nvcB = B(kNvcS) + B(kNvcC);
    // With an exogenous rest of the world forward RT and GVC are known only as their sum RT_GVC,
    // backward GVC only as the total kGvc (methods.md §5.5).
    const double gvcF = exo ? kNaN : F(kGvcS) + F(kGvcC);
    const double gvcB = exo ? B(kGvc) : B(kGvcS) + B(kGvcC);
    const double intlF = exo ? F(kRtGvc) : F(kRt) + gvcF;
    const double intlB = B(kRt) + gvcB;
    auto row = c.indicators.row(k);
    row(kNvcForward) = tables::ratio_or_nan(nvcF, c.va(k));
    row(kGvcForward) = tables::ratio_or_nan(gvcF, c.va(k));
    row(kNvcBackward) = tables::ratio_or_nan(nvcB, c.y(k));
    row(kGvcBackward) = tables::ratio_or_nan(gvcB, c.y(k));
    row(kOrientationForward) = tables::ratio_or_nan(nvcF, nvcF + gvcF);
    row(kOrientationBackward) = tables::ratio_or_nan(nvcB, nvcB + gvcB);
    row(kLocShareForward) = tables::ratio_or_nan(F(kLoc), c.va(k));
    row(kNtfShareForward) = tables::ratio_or_nan(F(kNtf), c.va(k));
    row(kRtShareForward) = tables::ratio_or_nan(F(kRt), c.va(k));
    row(kDomesticShareForward) = tables::ratio_or_nan(F(kLoc) + F(kNtf) + nvcF, c.va(k));
    row(kInternationalShareForward) = tables::ratio_or_nan(intlF, c.va(k));
    row(kLocShareBackward) = tables::ratio_or_nan(B(kLoc), c.y(k));
    row(kNtfShareBackward) = tables::ratio_or_nan(B(kNtf), c.y(k));
    row(kRtShareBackward) = tables::ratio_or_nan(B(kRt), c.y(k));
    row(kDomesticShareBackward) = tables::ratio_or_nan(B(kLoc) + B(kNtf) + nvcB, c.y(k));
    row(kInternationalShareBackward) = tables::ratio_or_nan(intlB, c.y(k));
    row(kOtherFdShareForward) = tables::ratio_or_nan(F(kOtherFd), c.va(k));
    row(kOtherFdShareBackward) = tables::ratio_or_nan(B(kOtherFd), c.y(k));
    if (!domestic[static_cast<std::size_t>(k)]) {
      // methods.md §10.1: no other region in the unit's country, so no domestic border: NVC, NTF
      // and the orientation are undefined (NA), not 0.
      for (int j :
           {kNvcForward, kNvcBackward, kOrientationForward, kOrientationBackward, kNtfShareForward, kNtfShareBackward})
        row(j) = kNaN;
      c.without_domestic_chains.push_back(c.units[static_cast<std::size_t>(k)]);
    }
  }
  return c;
}

std::string CouplingOptions::validate() const {
  if (!(alpha >= 0) || !(beta >= 0)) return "the weights alpha and beta must be >= 0";
  if (std::abs(alpha + beta - 1.0) > 1e-12) return "the weights alpha and beta must add up to 1";
  return {};
}

namespace {

Vector min_max(const Vector& x, double lo, double hi) {
  Vector u(x.size());
  for (Index i = 0; i < x.size(); ++i) u(i) = std::isfinite(x(i)) && hi > lo ? (x(i) - lo) / (hi - lo) : kNaN;
  return u;
}

}  // namespace

NormalisationRange normalisation_range(const Vector& x1, const Vector& x2, const std::string& scope) {
  NormalisationRange r;
  r.scope = scope;
  const double inf = std::numeric_limits<double>::infinity();
  r.lo1 = r.lo2 = inf;
  r.hi1 = r.hi2 = -inf;
  for (Index i = 0; i < x1.size() && i < x2.size(); ++i) {
    if (!std::isfinite(x1(i)) || !std::isfinite(x2(i))) continue;
    ++r.units;
    r.lo1 = std::min(r.lo1, x1(i));
    r.hi1 = std::max(r.hi1, x1(i));
    r.lo2 = std::min(r.lo2, x2(i));
    r.hi2 = std::max(r.hi2, x2(i));
  }
  return r;
}

Coupling coupling_coordination(const Vector& x1, const Vector& x2, const std::vector<std::string>& units,
                               const CouplingOptions& opt, const NormalisationRange* range) {
  if (const auto why = opt.validate(); !why.empty()) throw InputError("coupling coordination: " + why);
  if (x1.size() != x2.size() || static_cast<std::size_t>(x1.size()) != units.size())
    throw InputError("coupling coordination: the two indices and the units differ in length");
  Coupling k;
  const Index n = x1.size();
  if (opt.normalize) {
    // methods.md §10.2: u = (x - min) / (max - min) over the units of the range's scope.
    const NormalisationRange own = normalisation_range(x1, x2, "unit");
    const NormalisationRange& rg = range ? *range : own;
    k.u1 = min_max(x1, rg.lo1, rg.hi1);
    k.u2 = min_max(x2, rg.lo2, rg.hi2);
    // A ratio of sums lies inside its members' range; clip the round-off of a one-member group.
    for (Vector* u : {&k.u1, &k.u2})
      for (Index i = 0; i < n; ++i)
        if (std::abs((*u)(i)) < 1e-12) (*u)(i) = 0.0;
        else if (std::abs((*u)(i)-1.0) < 1e-12) (*u)(i) = 1.0;
    k.normalisation = "min_max_" + rg.scope;
    if (rg.units < kMinNormalisationUnits)
      k.notes.push_back("min-max normalisation over " + std::to_string(rg.units) + " " + rg.scope +
                        " unit(s) with both indices defined (fewer than " + std::to_string(kMinNormalisationUnits) +
                        "): U1, U2 and D only rank the units between the two extremes");
    for (Index i = 0; i < n; ++i) {
      std::string on;
      for (const auto& [u, name] : {std::pair<double, const char*>{k.u1(i), "U1"}, {k.u2(i), "U2"}})
        if (u == 0.0 || u == 1.0)
          on += std::string(on.empty() ? "" : ", ") + name + " = " + (u == 0.0 ? "0 (the minimum" : "1 (the maximum") +
                " over the " + std::to_string(rg.units) + " " + rg.scope + "s)";
      if (!on.empty())
        k.notes.push_back(
            "'" + units[static_cast<std::size_t>(i)] + "' sits on a normalisation bound: " + on +
            (k.u1(i) == 0.0 || k.u2(i) == 0.0 ? "; C = D = 0 follow from the normalisation, not from the data" : ""));
    }
  } else {
    k.u1 = x1;
    k.u2 = x2;
  }
  std::string undefined;
  std::size_t num_undefined = 0;
  for (Index i = 0; i < n; ++i)
    if (std::isnan(x1(i)) || std::isnan(x2(i))) {
      if (++num_undefined <= 8) undefined += (undefined.empty() ? "" : ", ") + units[static_cast<std::size_t>(i)];
    }
  if (num_undefined > 0)
    k.notes.push_back("U1 or U2 is not defined for " + std::to_string(num_undefined) + " unit(s) (" + undefined +
                      (num_undefined > 8 ? ", ..." : "") + "): their D is NA");
  k.coupling.resize(n);
  k.development.resize(n);
  k.coordination.resize(n);
  k.band.assign(static_cast<std::size_t>(n), -1);
  for (Index i = 0; i < n; ++i) {
    const double a = k.u1(i), b = k.u2(i);
    if (a < 0 || b < 0)
      throw InputError("coupling coordination: negative index for '" + units[static_cast<std::size_t>(i)] +
                       "' (U1 = " + std::to_string(a) + ", U2 = " + std::to_string(b) + "); normalise it");
    k.coupling(i) = a + b > 0 ? 2.0 * std::sqrt(a * b) / (a + b) : (std::isnan(a + b) ? kNaN : 0.0);
    k.development(i) = opt.alpha * a + opt.beta * b;
    k.coordination(i) = std::sqrt(k.coupling(i) * k.development(i));
    k.band[static_cast<std::size_t>(i)] = coordination_band(k.coordination(i));
  }
  return k;
}

const std::vector<std::string>& coordination_band_names() {
  static const std::vector<std::string> names{"extreme_disorder",     "serious_disorder",          "moderate_disorder",
                                              "mild_disorder",        "verge_of_disorder",         "barely_coordinated",
                                              "primary_coordination", "intermediate_coordination", "good_coordination",
                                              "quality_coordination"};
  return names;
}

int coordination_band(double D) {
  if (std::isnan(D)) return -1;
  const int b = static_cast<int>(std::floor(D * 10.0 + 1e-12));  // D = 0.3 (rounded) is band 3
  return std::clamp(b, 0, 9);
}

tables::TidyTable circulation_table() { return tables::TidyTable("circulation", {"scope", "unit", "indicator"}); }

tables::TidyTable coupling_table() {
  return tables::TidyTable("coupling", {"scope", "unit", "band", "normalisation", "indicator"});
}

void append_circulation(const Circulation& c, tables::TidyTable& out) {
  const auto& names = circulation_indicator_names();
  for (std::size_t k = 0; k < c.units.size(); ++k)
    for (int j = 0; j < kNumCirculationIndicators; ++j)
      if (c.other_final_demand || (j != kOtherFdShareForward && j != kOtherFdShareBackward))
        out.add_row({c.scope, c.units[k], names[static_cast<std::size_t>(j)]}, c.indicators(static_cast<Index>(k), j));
}

void append_coupling(const std::string& scope, const std::vector<std::string>& units, const Coupling& k,
                     tables::TidyTable& out) {
  for (std::size_t i = 0; i < units.size(); ++i) {
    const auto r = static_cast<Index>(i);
    const int b = k.band[i];
    const std::string band = b < 0 ? "not_available" : coordination_band_names()[static_cast<std::size_t>(b)];
    const std::string& nm = k.normalisation;
    out.add_row({scope, units[i], band, nm, "u1"}, k.u1(r));
    out.add_row({scope, units[i], band, nm, "u2"}, k.u2(r));
    out.add_row({scope, units[i], band, nm, "coupling"}, k.coupling(r));
    out.add_row({scope, units[i], band, nm, "development"}, k.development(r));
    out.add_row({scope, units[i], band, nm, "coordination"}, k.coordination(r));
  }
}

}  // namespace irio::solver::gvc
