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
void print_balance(std::ostream& out, const solver::EmbodiedTrade& e) {
  const auto& regions = e.units;
  if (e.destinations.size() > regions.size())
    out << "The rest of the world is exogenous: exports go to the destination"
        << (e.destinations.size() > regions.size() + 1 ? "s " : " ") <<
        [&] {
          std::string s;
          for (std::size_t c = regions.size(); c < e.destinations.size(); ++c)
            s += (s.empty() ? "'" : ", '") + e.destinations[c] + "'";
          return s;
        }()
        << "; what imports from abroad embody is not identified (no foreign technology), so consumption covers "
           "domestic production only\n";
  const char* unit = e.perimeter == solver::Perimeter::kRegion ? "region" : "country";
  const std::size_t w = name_width(regions, unit, 12);
  for (std::size_t q = 0; q < e.stressors.size(); ++q) {
    out << "Stressor '" << e.stressors[q] << "': net exports embodied in trade (production - consumption) by " << unit
        << "\n";
    print_formatted(out, "  %s %14s %14s %14s %14s\n", pad(unit, w).c_str(), "production", "net MRIO", "net EEBT",
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
          .option(option_spec("satellite", "", "Satellite account name (every stressor of it; with --of stressor)"),
                  &EmbodiedTradeRequest::satellite)
          .option("of", &EmbodiedTradeRequest::of,
                  "What is embodied: every stressor of --satellite, or value added (s = v)")
          .option(option_spec("by_sector", "",
                              "Also embodied_trade_by_sector: each flow by exporting sector (G N G rows per stressor)"),
                  &EmbodiedTradeRequest::by_sector)
          .option("perimeter", &EmbodiedTradeRequest::perimeter,
                  "The border between exporter and importer (country: trade between regions of one country is "
                  "domestic)")
          .countries()
          .check([](const EmbodiedTradeRequest& r) -> std::string {
            if (r.of == EmbodiedOf::kStressor && r.satellite.empty())
              return "no satellite given (--satellite NAME, or --of value-added)";
            if (r.of == EmbodiedOf::kValueAdded && !r.satellite.empty())
              return "--satellite goes with --of stressor, not with --of value-added";
            return {};
          })
          .output_help("Result file (.csv: one file per table, or .h5)")
          .output({"embodied_trade",
                   "exporter -> importer: mrio, eebt, eebt_final, eebt_intermediate",
                   kUnitStressor,
                   {{"*", sum()}}})
          .output({"embodied_trade_by_sector",
                   "exporter, sector -> importer: mrio, eebt, eebt_final, eebt_intermediate (with --by-sector)",
                   kUnitStressor,
                   {{"*", sum()}}},
                  [](const EmbodiedTradeRequest& r) { return r.by_sector; })
          .output({"embodied_balance",
                   "by region (country with --perimeter country): production, consumption and net exports, MRIO "
                   "and EEBT",
                   kUnitStressor,
                   {{"*", sum()}}})
          .output({"diagnostics",
                   "the identities linking MRIO and EEBT to the production and consumption "
                   "accounts",
                   kUnitMixed,
                   {}})
          .runs([](const Analysis& a, const EmbodiedTradeRequest& req, std::ostream& out) {
            const auto& m = a.model();
            const auto e = req.of == EmbodiedOf::kValueAdded
                               ? solver::embodied_value_added(m, req.by_sector, req.perimeter)
                               : solver::embodied_trade(m, req.satellite, req.by_sector, req.perimeter);
            out << m.summary().brief_report() << "\n";
            print_balance(out, e);
            print_diagnostics(out, e.diagnostics);
            std::vector<tables::TidyTable> tables{solver::embodied_trade_table(m, e)};
            if (req.by_sector) tables.push_back(solver::embodied_trade_by_sector_table(m, e));
            tables.push_back(solver::embodied_balance_table(m, e));
            tables.push_back(e.diagnostics);
            return VerbResult{std::move(tables), {}, "embodied", {e.diagnostics}};
          }));
  return v;
}

}  // namespace irio

IRIO_VERB(embodied, irio::decl::embodied)
