// SPDX-License-Identifier: MIT
// Unified-market scenarios through irio::Analysis (methods.md §10.6): the scenario file, the
// solves on the base factorization, results by region, group and in total.
#include <cmath>
#include <fstream>
#include <sstream>

#include "irio/analysis/internal/verbs.h"
#include "irio/analysis/regional.h"
#include "irio/io/scenario_reader.h"
#include "irio/tables/error.h"

namespace irio {
namespace {

using solver::Index;

/// The scenarios of a scenario file (io/scenario_reader.h), with their closures checked.
std::vector<solver::MarketScenario> read_scenarios(const std::string& path, const tables::Labels& lab,
                                                   const std::vector<tables::Grouping>& gs) {
  std::vector<solver::MarketScenario> out;
  for (auto& row : io::read_scenario_file(path, lab, gs)) {
    solver::MarketScenario s;
    s.name = std::move(row.name);
    s.factor = row.factor;
    s.final_demand_factor = row.final_demand_factor;
    s.origin = std::move(row.origin);
    s.destination = std::move(row.destination);
    if (!row.closure.empty() && !try_parse_enum(row.closure, s.closure))
      throw InputError(row.where + ": closure '" + row.closure + "' of scenario '" + s.name + "' is not " +
                       enum_choices<solver::MarketClosure>() + " (leave it empty for " +
                       std::string(enum_name(solver::MarketClosure::kOwnRegion)) + ")");
    out.push_back(std::move(s));
  }
  return out;
}

/// NVC / GVC participation before and after, by region, group and in total: ratios of sums of the
/// numerators over value added (forward) or final production (backward), methods.md §10.6.
void emit_participation(tables::TidyTable& t, const std::string& name, const solver::LeontiefModel& m,
                        const std::vector<tables::Grouping>& groupings, const solver::ChainValueAdded& c0,
                        const solver::ChainValueAdded& c1) {
  const auto& lab = m.labels();
  const Index N = m.num_sectors(), G = static_cast<Index>(lab.num_regions());
  static const char* const names[] = {"nvc_forward", "gvc_forward", "nvc_backward", "gvc_backward"};
  // Sums per region: 4 numerators, va, y (columns), for base and scenario.
  auto sums = [&](const solver::ChainValueAdded& c) {
    Matrix s = Matrix::Zero(G, 6);
    for (Index i = 0; i < m.n(); ++i) {
      s.block(i / N, 0, 1, 4) += c.numerators.row(i);
      s(i / N, 4) += c.va(i);
      s(i / N, 5) += c.y(i);
    }
    return s;
  };
  const Matrix s0 = sums(c0), s1 = sums(c1);
  auto emit = [&](const std::string& scope, const std::string& unit, const Eigen::RowVectorXd& a,
                  const Eigen::RowVectorXd& b) {
    for (int j = 0; j < 4; ++j) {
      const Index den = j < 2 ? 4 : 5;
      const double p0 = a(den) != 0 ? a(j) / a(den) : std::nan(""), p1 = b(den) != 0 ? b(j) / b(den) : std::nan("");
      t.add_row({name, scope, unit, std::string(names[j]) + "_base", "ok"}, p0);
      t.add_row({name, scope, unit, names[j], "ok"}, p1);
      t.add_row({name, scope, unit, std::string(names[j]) + "_change", "ok"}, p1 - p0);
    }
  };
  for (Index g = 0; g < G; ++g) emit("region", lab.regions[static_cast<std::size_t>(g)], s0.row(g), s1.row(g));
  for (const auto& grouping : groupings) {
    const auto idx = grouping.map(lab.regions, "region", grouping.name());
    for (std::size_t h = 0; h < grouping.num_groups(); ++h) {
      Eigen::RowVectorXd a = Eigen::RowVectorXd::Zero(6), b = Eigen::RowVectorXd::Zero(6);
      for (Index g = 0; g < G; ++g)
        if (idx[static_cast<std::size_t>(g)] == static_cast<int>(h)) {
          a += s0.row(g);
          b += s1.row(g);
        }
      emit(grouping.name(), grouping.groups()[h], a, b);
    }
  }
  emit("total", "all", s0.colwise().sum(), s1.colwise().sum());
}

}  // namespace

std::string decl::scenario_problems(const MarketScenarioRequest& r) {
  if (r.scenario_file.empty() == r.scenarios.empty()) return "give a scenario file or scenarios (one of them)";
  if (!(r.options.tolerance > 0))
    return "--tolerance must be a number > 0 (it is " + std::to_string(r.options.tolerance) + ")";
  if (r.options.max_iterations < 1)
    return "--max-iterations must be at least 1 (it is " + std::to_string(r.options.max_iterations) + ")";
  return {};
}

namespace {

/// A refusal as one CSV-safe line.
std::string reason_of(const std::exception& e) {
  std::string s = e.what();
  for (char& c : s)
    if (c == ',' || c == '\n' || c == '"') c = c == ',' ? ';' : ' ';
  return s;
}

}  // namespace

MarketScenarioResults market_scenarios(const Analysis& a, const MarketScenarioRequest& r) {
  require_valid("scenario", r.validate());
  const auto& lab = a.table().labels;
  const auto groupings = a.groupings(r.groups);
  MarketScenarioResults out;
  const auto all = r.scenario_file.empty() ? r.scenarios : read_scenarios(r.scenario_file, lab, groupings);
  const auto& m = a.model();
  // A scenario whose system cannot be formed (a closure that would make a coefficient or final
  // demand negative) or does not converge is refused on its own row; the others run.
  for (const auto& s : all) {
    try {
      (void)solver::scenario_change(m, s);
      if (s.final_demand_factor != 1.0) (void)solver::scenario_final_demand(m, s);
      out.scenarios.push_back(s);
    } catch (const InputError& e) {
      out.refused.push_back({s, reason_of(e)});
    }
  }
  try {
    if (!out.scenarios.empty()) out.solved = solver::solve_market_scenarios(m, out.scenarios, r.options);
  } catch (const NumericalError&) {
    // Solve one at a time to find the ones that do not converge.
    std::vector<solver::MarketScenario> fine;
    for (const auto& s : out.scenarios) {
      try {
        (void)solver::solve_market_scenarios(m, {s}, r.options);
        fine.push_back(s);
      } catch (const NumericalError& e) {
        out.refused.push_back({s, reason_of(e)});
      }
    }
    out.scenarios = std::move(fine);
    if (!out.scenarios.empty()) out.solved = solver::solve_market_scenarios(m, out.scenarios, r.options);
  }
  if (out.scenarios.empty()) {
    std::string why;
    for (const auto& f : out.refused) why += "; " + f.reason;
    throw InputError("scenario: every scenario was refused" + why);
  }
  const auto& sv = out.solved;
  const Index N = m.num_sectors(), G = static_cast<Index>(lab.num_regions());
  auto by_region = [&](const Vector& v) {
    Vector s = Vector::Zero(G);
    for (Index i = 0; i < v.size(); ++i) s(i / N) += v(i);
    return s;
  };
  const Vector x0 = by_region(sv.x0), va0 = by_region(m.v().cwiseProduct(sv.x0));
  tables::TidyTable t("scenario", {"scenario", "scope", "unit", "indicator", "status"});
  for (std::size_t k = 0; k < out.scenarios.size(); ++k) {
    const auto& name = out.scenarios[k].name;
    const Vector x1 = by_region(sv.x.col(static_cast<Index>(k)));
    const Vector va1 = by_region(m.v().cwiseProduct(sv.x.col(static_cast<Index>(k))));
    // Output multiplier of a unit: the final-demand-weighted mean of 1'L over its region-sectors.
    const Vector mult0 = sv.multipliers0.size() ? by_region(sv.multipliers0.cwiseProduct(sv.y)) : Vector();
    const Vector mult1 =
        sv.multipliers0.size() ? by_region(sv.multipliers.col(static_cast<Index>(k)).cwiseProduct(sv.y)) : Vector();
    const Vector yr = by_region(sv.y);
    auto emit_mult = [&](const std::string& scope, const std::string& unit, double m0, double m1, double y) {
      if (!sv.multipliers0.size()) return;
      t.add_row({name, scope, unit, "output_multiplier_base", "ok"}, y != 0 ? m0 / y : std::nan(""));
      t.add_row({name, scope, unit, "output_multiplier", "ok"}, y != 0 ? m1 / y : std::nan(""));
    };
    auto emit = [&](const std::string& scope, const std::string& unit, double b, double s, double vb, double vs) {
      t.add_row({name, scope, unit, "output_base", "ok"}, b);
      t.add_row({name, scope, unit, "output", "ok"}, s);
      t.add_row({name, scope, unit, "output_change", "ok"}, s - b);
      t.add_row({name, scope, unit, "value_added_base", "ok"}, vb);
      t.add_row({name, scope, unit, "value_added", "ok"}, vs);
      t.add_row({name, scope, unit, "value_added_change", "ok"}, vs - vb);
    };
    for (Index g = 0; g < G; ++g) {
      emit("region", lab.regions[static_cast<std::size_t>(g)], x0(g), x1(g), va0(g), va1(g));
      if (mult0.size()) emit_mult("region", lab.regions[static_cast<std::size_t>(g)], mult0(g), mult1(g), yr(g));
    }
    for (const auto& grouping : groupings) {
      const auto idx = grouping.map(lab.regions, "region", grouping.name());
      for (std::size_t h = 0; h < grouping.num_groups(); ++h) {
        double b = 0, s = 0, vb = 0, vs = 0, mb = 0, ms = 0, y = 0;
        for (Index g = 0; g < G; ++g)
          if (idx[static_cast<std::size_t>(g)] == static_cast<int>(h)) {
            b += x0(g);
            s += x1(g);
            vb += va0(g);
            vs += va1(g);
            if (mult0.size()) {
              mb += mult0(g);
              ms += mult1(g);
            }
            y += yr(g);
          }
        emit(grouping.name(), grouping.groups()[h], b, s, vb, vs);
        emit_mult(grouping.name(), grouping.groups()[h], mb, ms, y);
      }
    }
    emit("total", "all", x0.sum(), x1.sum(), va0.sum(), va1.sum());
    if (mult0.size()) emit_mult("total", "all", mult0.sum(), mult1.sum(), yr.sum());
    if (!sv.chains.empty()) emit_participation(t, name, m, groupings, sv.chains0, sv.chains[k]);
    t.add_row({name, "total", "all", "iterations", "ok"}, sv.iterations[k]);
    // The part of the change that the closure leaves to imports, at base output: x0' (1'dA)'
    // (0 by construction under own_region, where the offsets cancel the change column by column).
    double to_imports = 0;
    if (out.scenarios[k].closure != solver::MarketClosure::kOwnRegion) {
      const auto dA = solver::scenario_change(m, out.scenarios[k]);
      to_imports = (Eigen::RowVectorXd::Ones(m.n()) * dA).dot(sv.x0);
    }
    out.shortfall.push_back(to_imports);
    t.add_row({name, "total", "all", "closure_to_imports", "ok"}, out.shortfall.back());
  }
  for (const auto& f : out.refused)
    t.add_row({f.scenario.name, "total", "all", "refused", "refused: " + f.reason}, std::nan(""));
  out.tables = {std::move(t)};
  return out;
}

}  // namespace irio
