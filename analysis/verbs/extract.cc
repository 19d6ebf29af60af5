// SPDX-License-Identifier: MIT
// `extract` (Python: extraction): hypothetical extraction of sectors or of inter-regional blocks
// (methods.md §2.6).
#include <cstdio>

#include "irio/analysis/analysis.h"
#include "irio/analysis/internal/verbs.h"
#include "irio/analysis/summary_text.h"

namespace irio {

std::string ExtractionRequest::validate() const { return decl::extraction().validate(*this); }

const Verb<ExtractionRequest>& decl::extraction() {
  using namespace tables::rules;
  static const Verb<ExtractionRequest> v = std::move(
      Verb<ExtractionRequest>("extract", "Hypothetical extraction of sectors or inter-regional blocks")
          .python_name("extraction")
          .option(
              [] {
                auto s = option_spec("sectors", "", "REGION/SECTOR or SECTOR (all regions); several allowed");
                s.delimiter = ',';
                return s;
              }(),
              &ExtractionRequest::sectors)
          .custom(
              [] {
                auto s = option_spec("block", "",
                                     "All inter-regional blocks A^rs (r != s), or only those within a country (A_N)",
                                     OptionKind::kChoice);
                s.choices = enum_names<ExtractionBlock>();
                return s;
              }(),
              [](ExtractionRequest& r, const OptionValue& value) {
                const auto* name = std::get_if<std::string>(&value);
                r.block_extraction = name != nullptr && !name->empty();
                if (r.block_extraction && !try_parse_enum(*name, r.block))
                  throw InputError("extract: --block: '" + *name + "' is not one of " +
                                   enum_choices<ExtractionBlock>());
              })
          .option("variant", &ExtractionRequest::variant, "Sector extractions")
          .option(
              option_spec("keep_diagonal", "!--no-keep-diagonal", "Partial extractions also zero the diagonal"),
              [](ExtractionRequest & r) -> auto& { return r.options.keep_diagonal; })
          .option(
              "method", [](ExtractionRequest & r) -> auto& { return r.options.method; },
              "Woodbury update or refactorization")
          .check([](const ExtractionRequest& r) -> std::string {
            if (r.sectors.empty() != r.block_extraction)
              return "give either sectors or a block (" + enum_choices<ExtractionBlock>() + ")";
            return r.options.validate();
          })
          .output({"extraction",
                   "output and value-added losses of each extraction by region-sector",
                   kUnitMoney,
                   {{"*_share", refused("a share of the extraction's loss; sum the losses instead")}, {"*", sum()}}})
          .runs([](const Analysis& a, const ExtractionRequest& req, std::ostream& out) {
            auto r = a.extraction(req);
            out << a.model().summary().brief_report() << "\n";
            for (const auto& e : r.extractions)
              print_formatted(out, "%-15s (%s, rank %lld): output loss %.6g of %.6g (%.2f%%), value-added loss %.6g\n",
                              solver::to_string(e.kind), e.method.c_str(), static_cast<long long>(e.rank),
                              e.output_loss, e.x_base.sum(), 100.0 * e.output_loss / e.x_base.sum(), e.va_loss);
            return VerbResult{std::move(r.tables), {}, "extract", {}};
          }));
  return v;
}

}  // namespace irio

IRIO_VERB(extract, irio::decl::extraction)
