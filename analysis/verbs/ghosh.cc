// SPDX-License-Identifier: MIT
// `ghosh`: Ghosh (supply-side) indicators by the similarity transform G = x^-1 L x (methods.md §1.2).
#include "irio/analysis/analysis.h"
#include "irio/analysis/internal/verbs.h"

namespace irio {

const Verb<decl::NoOptions>& decl::ghosh() {
  using namespace tables::rules;
  static const Verb<NoOptions> v = std::move(
      Verb<NoOptions>("ghosh", "Ghosh supply-side indicators (descriptive)")
          .output({"ghosh",
                   "Ghosh output, row and column sums of G, direct forward linkages",
                   kUnitMixed,
                   {{"ghosh_output", sum()},
                    {"ghosh_row_sum", by_value_added()},
                    {"direct_forward", by_output()},
                    {"ghosh_column_sum",
                     refused("a Ghosh column sum has no weight that makes it additive; aggregate the table first")}}})
          .runs([](const Analysis& a, const NoOptions&, std::ostream& out) {
            auto r = a.ghosh();
            out << a.model().summary().brief_report() << "\n";
            out << "Ghosh output va'G vs x: max |difference| = " << r.max_output_difference
                << " (non-zero when imports are an exogenous row or VA is supplied)\n"
                << "Note: Ghosh results are descriptive (forward linkages, allocation); as a causal\n"
                << "supply-push model it is implausible (Oosterhaven 1988).\n";
            return VerbResult{std::move(r.tables), {}, "ghosh", {}};
          }));
  return v;
}

}  // namespace irio

IRIO_VERB(ghosh, irio::decl::ghosh)
