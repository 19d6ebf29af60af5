// SPDX-License-Identifier: MIT
// `position`: upstreamness, downstreamness, production and GVC lengths, GVC position and KPWW
// participation / position (methods.md §4.2-§4.4).
#include <cstdio>

#include "irio/analysis/analysis.h"
#include "irio/analysis/display_names.h"
#include "irio/analysis/internal/verbs.h"
#include "irio/analysis/summary_text.h"

namespace irio {

std::string PositionRequest::validate() const { return decl::position().validate(*this); }
std::vector<std::string> PositionRequest::table_names() const { return decl::position().table_names(*this); }

namespace {
void print_position(std::ostream& out, const Analysis& a, const PositionRequest& req, const PositionResults& r) {
  const auto& by_unit = r.position.by_unit;
  const std::string perimeter = enum_name(req.perimeter);
  out << "Perimeter " << perimeter << ": the lengths and position count chains that cross a "
      << (r.position.crossing == "GVC" ? "national border (PLv_GVC, PLy_GVC, GVC_position)"
                                       : "region border, between provinces of one country as well as abroad "
                                         "(PLv_interregional, PLy_interregional, interregional_position; "
                                         "--perimeter country for national borders)")
      << "; the perimeter is a column of the result\n";
  if (by_unit.num_rows() == 0) out << "note: " << r.position.kpww_note << "\n";
  else out << "KPWW participation and position by " << perimeter << ":\n";
  for (std::size_t i = 0; i < by_unit.num_rows(); ++i)
    if (by_unit.key(1, i) == "kpww_participation")
      print_formatted(out, "  %-16s participation %8.4f  position %8.4f%s\n", by_unit.key(0, i).c_str(),
                      by_unit.value(i), by_unit.find({by_unit.key(0, i), "kpww_position", by_unit.key(2, i)}),
                      name_suffix(region_display_name(a.table().labels, by_unit.key(0, i))).c_str());
}

const char* kGvcLength =
    "a GVC production length is weighted by the GVC value added of its own term (methods.md §6.1), which the "
    "position result does not hold; aggregate the table first (irio aggregate TABLE.h5 --regions FILE) and run irio "
    "position on it";
const char* kGvcPosition =
    "the GVC position index is a ratio of two GVC lengths, not an average; it has no additive form (aggregate the "
    "table first and run irio position on it)";
}  // namespace

const Verb<PositionRequest>& decl::position() {
  using namespace tables::rules;
  static const Verb<PositionRequest> v = std::move(
      Verb<PositionRequest>("position", "Upstreamness, downstreamness, GVC lengths and position, KPWW")
          .option("perimeter", &PositionRequest::perimeter, "The border that defines GVC")
          .option("kpww_fv", &PositionRequest::kpww_fv, "KPWW FV: foreign content (KWW 7-9) or KWW 7+8")
          .countries()
          .progress(&PositionRequest::progress)
          .output_help(kOneFilePerTable)
          .output({"position",
                   "upstreamness, downstreamness, production and GVC lengths, GVC position by sector",
                   kUnitSteps,
                   {{"upstreamness", by_value_added()},
                    {"PLv", by_value_added()},
                    {"downstreamness", by_final_demand()},
                    {"PLy", by_final_demand()},
                    {"PLv_GVC*", refused(kGvcLength)},
                    {"PLy_GVC*", refused(kGvcLength)},
                    {"PLv_interregional*", refused(kGvcLength)},
                    {"PLy_interregional*", refused(kGvcLength)},
                    {"GVC_position", refused(kGvcPosition)},
                    {"interregional_position", refused(kGvcPosition)}}})
          .output({"kpww",
                   "KPWW (2010) IV, FV, E, participation and position by unit",
                   kUnitMixed,
                   {{"IV", sum()},
                    {"FV", sum()},
                    {"E", sum()},
                    {"kpww_participation",
                     derived(tables::DerivedShare::kKpwwParticipation, "(IV + FV) / E of the summed terms")},
                    {"kpww_position",
                     derived(tables::DerivedShare::kKpwwPosition, "ln(1 + IV/E) - ln(1 + FV/E) of the summed terms")}}})
          .output(identities_output())
          .runs([](const Analysis& a, const PositionRequest& req, std::ostream& out) {
            auto r = a.position(req);
            out << a.model().summary().brief_report() << "\n";
            print_position(out, a, req, r);
            print_diagnostics(out, r.position.diagnostics);
            return VerbResult{std::move(r.tables), {}, "position", {r.position.diagnostics}};
          }));
  return v;
}

}  // namespace irio

IRIO_VERB(position, irio::decl::position)
