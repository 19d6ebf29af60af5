// SPDX-License-Identifier: MIT
// `embodied`: stressors embodied in bilateral trade (embodied.h). The first verb added after the
// declarations (issue 19): its kernel (solver/embodied_trade.*) and this file are all it took.
#include "irio/analysis/verbs/embodied.h"

#include "irio/analysis/analysis.h"
#include "irio/analysis/summary_text.h"
#include "irio/analysis/verb.h"
#include "irio/solver/embodied_trade.h"

namespace irio {

namespace decl {
const Verb<EmbodiedTradeRequest>& embodied();
}

std::string EmbodiedTradeRequest::validate() const { return decl::embodied().validate(*this); }
std::vector<std::string> EmbodiedTradeRequest::table_names() const { return decl::embodied().table_names(*this); }

namespace {
void print_balance(std::ostream& out, const Analysis& a, const solver::EmbodiedTrade& e) {
  const auto& regions = a.table().labels.regions;
  const std::size_t w = name_width(regions, "region", 12);
  for (std::size_t q = 0; q < e.stressors.size(); ++q) {
    out << "Stressor '" << e.stressors[q] << "': net exports embodied in trade (production - consumption) by region\n";
    print_formatted(out, "  %s %14s %14s %14s %14s\n", pad("region", w).c_str(), "production", "net MRIO", "net EEBT",
                    "EEBT exports");
    const Matrix eebt = e.eebt_final[q] + e.eebt_intermediate[q];
    const auto k = static_cast<Eigen::Index>(q);
    for (std::size_t r = 0; r < regions.size(); ++r) {
      const auto i = static_cast<Eigen::Index>(r);
      const double ex_m = e.mrio[q].row(i).sum() - e.mrio[q](i, i), im_m = e.mrio[q].col(i).sum() - e.mrio[q](i, i);
      const double ex_e = eebt.row(i).sum() - eebt(i, i), im_e = eebt.col(i).sum() - eebt(i, i);
      print_formatted(out, "  %s %14.6g %14.6g %14.6g %14.6g\n", pad(regions[r], w).c_str(), e.production(k, i),
                      ex_m - im_m, ex_e - im_e, ex_e);
    }
  }
}
}  // namespace

const Verb<EmbodiedTradeRequest>& decl::embodied() {
  using namespace tables::rules;
  static const Verb<EmbodiedTradeRequest> v = std::move(
      Verb<EmbodiedTradeRequest>("embodied",
                                 "Stressors embodied in bilateral trade: MRIO (production for each "
                                 "importer's final demand) and EEBT (exports times the exporter's "
                                 "domestic intensity)")
          .option(
              [] {
                auto s = option_spec("satellite", "", "Satellite account name (every stressor of it)");
                s.required = true;
                return s;
              }(),
              &EmbodiedTradeRequest::satellite)
          .check([](const EmbodiedTradeRequest& r) {
            return r.satellite.empty() ? std::string("no satellite given") : std::string();
          })
          .output_help("Result file (.csv: one file per table, or .h5)")
          .output({"embodied_trade",
                   "exporter -> importer: mrio, eebt, eebt_final, eebt_intermediate",
                   kUnitStressor,
                   {{"*", sum()}}})
          .output({"embodied_balance",
                   "by region: production, consumption and net exports, MRIO and EEBT",
                   kUnitStressor,
                   {{"*", sum()}}})
          .output({"diagnostics",
                   "the identities linking MRIO and EEBT to the production and consumption "
                   "accounts",
                   kUnitMixed,
                   {}})
          .runs([](const Analysis& a, const EmbodiedTradeRequest& req, std::ostream& out) {
            const auto& m = a.model();
            const auto e = solver::embodied_trade(m, req.satellite);
            out << m.summary().brief_report() << "\n";
            print_balance(out, a, e);
            print_diagnostics(out, e.diagnostics);
            return VerbResult{{solver::embodied_trade_table(m, e), solver::embodied_balance_table(m, e), e.diagnostics},
                              {},
                              "embodied",
                              {e.diagnostics}};
          }));
  return v;
}

}  // namespace irio

IRIO_VERB(embodied, irio::decl::embodied)
