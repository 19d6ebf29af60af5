// SPDX-License-Identifier: MIT
// `circulation`: domestic vs. international circulation per region and group, and the coupling
// coordination degree (methods.md §10.1-§10.2).
#include <cmath>
#include <cstdio>

#include "irio/analysis/analysis.h"
#include "irio/analysis/display_names.h"
#include "irio/analysis/internal/verbs.h"
#include "irio/analysis/summary_text.h"

namespace irio {

std::string CirculationRequest::validate() const { return decl::circulation().validate(*this); }
std::vector<std::string> CirculationRequest::table_names() const { return decl::circulation().table_names(*this); }

namespace {
/// A value in a column of 9, or NA where it is not defined.
std::string cell(double v) {
  char buf[32];
  if (std::isnan(v)) std::snprintf(buf, sizeof buf, "%9s", "NA");
  else std::snprintf(buf, sizeof buf, "%9.4f", v);
  return buf;
}

void print_units(std::ostream& out, const solver::gvc::Circulation& c, const solver::gvc::Coupling* k,
                 const tables::Labels& labels) {
  namespace g = solver::gvc;
  print_formatted(out, "  %-16s %9s %9s %9s %9s %9s %9s %s\n", c.scope.c_str(), "NVC fwd", "GVC fwd", "orient f",
                  "orient b", "domest f", "D", "band");
  for (std::size_t i = 0; i < c.units.size(); ++i) {
    const auto r = static_cast<Eigen::Index>(i);
    const auto& I = c.indicators;
    const int band = k ? k->band[i] : -1;
    print_formatted(out, "  %-16s %s %s %s %s %s %s %s%s\n", c.units[i].c_str(), cell(I(r, g::kNvcForward)).c_str(),
                    cell(I(r, g::kGvcForward)).c_str(), cell(I(r, g::kOrientationForward)).c_str(),
                    cell(I(r, g::kOrientationBackward)).c_str(), cell(I(r, g::kDomesticShareForward)).c_str(),
                    cell(k ? k->coordination(r) : std::nan("")).c_str(),
                    band < 0 ? "-" : g::coordination_band_names()[static_cast<std::size_t>(band)].c_str(),
                    name_suffix(region_display_name(labels, c.units[i])).c_str());
  }
}
}  // namespace

const Verb<CirculationRequest>& decl::circulation() {
  using namespace tables::rules;
  static const Verb<CirculationRequest> v = std::move(
      Verb<CirculationRequest>("circulation",
                               "Domestic vs. international circulation per region and group, and the coupling "
                               "coordination degree (methods.md §10.1-10.2)")
          .output_help(kOneFilePerTable)
          .countries()
          .option(groups_option(), &CirculationRequest::groups)
          .option("u1", &CirculationRequest::u1,
                  "Domestic index U1: a circulation indicator or a CSV region,value (default nvc_forward; "
                  "nvc_backward with an exogenous rest of the world)")
          .option("u2", &CirculationRequest::u2,
                  "International index U2: a circulation indicator or a CSV region,value (default gvc_forward; "
                  "gvc_backward with an exogenous rest of the world)")
          .option(
              [] {
                auto s = option_spec("alpha", "", "Weight of U1 in T = alpha U1 + beta U2 (alpha + beta = 1)");
                s.min = 0;
                s.max = 1;
                return s;
              }(),
              [](CirculationRequest & r) -> auto& { return r.coupling.alpha; })
          .option(
              [] {
                auto s = option_spec("beta", "", "Weight of U2");
                s.min = 0;
                s.max = 1;
                return s;
              }(),
              [](CirculationRequest & r) -> auto& { return r.coupling.beta; })
          .option(
              option_spec("normalize", "!--no-normalize", "Use U1 and U2 as given (no min-max normalisation)"),
              [](CirculationRequest & r) -> auto& { return r.coupling.normalize; })
          .progress(&CirculationRequest::progress)
          .check(circulation_problems)
          .output({"circulation",
                   "NVC and GVC participation, orientation and domestic share by region and group "
                   "(ratios of sums)",
                   kUnitRatio,
                   {}})
          .output({"coupling", "the coupling coordination degree D of U1 and U2 and its band", kUnitRatio, {}})
          .runs([](const Analysis& a, const CirculationRequest& req, std::ostream& out) {
            auto r = circulation(a, req);
            out << a.model().summary().brief_report() << "\n";
            out << "Circulation (ratios of sums) and coupling coordination D of U1 = " << r.u1 << ", U2 = " << r.u2
                << (req.coupling.normalize ? " (min-max normalised over the regions, for groups too)" : "") << ":\n";
            print_units(out, r.regions, &r.coupling, a.table().labels);
            for (std::size_t k = 0; k < r.groups.size(); ++k)
              print_units(out, r.groups[k], k < r.group_coupling.size() ? &r.group_coupling[k] : nullptr,
                          a.table().labels);
            for (const auto& n : r.notes) out << "note: " << n << "\n";
            return VerbResult{std::move(r.tables), {}, "circulation", {}};
          }));
  return v;
}

}  // namespace irio

IRIO_VERB(circulation, irio::decl::circulation)
