// SPDX-License-Identifier: MIT
// `trade`: value added in trade (methods.md §3, §5.3): WWZ, KWW, Borin-Mancini, VAX, LTdV,
// decompr's Leontief decomposition and the gvc package's indicators, at the region or country
// perimeter. The method dispatch is Analysis::trade (trade_request.cc).
#include "irio/analysis/analysis.h"
#include "irio/analysis/internal/verbs.h"
#include "irio/analysis/summary_text.h"

namespace irio {

std::string TradeRequest::validate() const { return decl::trade().validate(*this); }
std::vector<std::string> TradeRequest::table_names() const { return decl::trade().table_names(*this); }
std::string TradeRequest::run() const { return std::string("trade_") + enum_name(method); }

namespace {
std::vector<std::string> trade_tables(const TradeRequest& r) {
  switch (r.method) {
    case TradeMethod::kWwz:
      if (r.third_country) return {"wwz", "wwz2kww", "dvix_fsr", "wwz_intrex", "diagnostics"};
      return {"wwz", "wwz2kww", "dvix_fsr", "diagnostics"};
    case TradeMethod::kKww: return {"kww", "diagnostics"};
    case TradeMethod::kBm:
      return {std::string("bm_") + enum_name(r.perspective) + "_" + enum_name(r.approach), "diagnostics"};
    case TradeMethod::kBmt: return {"bmt_trade", "bmt_participation", "diagnostics"};
    case TradeMethod::kMy: return {std::string("my_") + enum_name(r.perspective), "diagnostics"};
    case TradeMethod::kVax: return {"vax", "vby", "diagnostics"};
    case TradeMethod::kLtdv:
      if (r.bilateral) return {"ltdv", "ltdv_fvaio", "ltdv_bilateral", "diagnostics"};
      return {"ltdv", "ltdv_fvaio", "diagnostics"};
    case TradeMethod::kLeontief: return {std::string("leontief_") + enum_name(r.post), "diagnostics"};
    case TradeMethod::kGvc: return {"gvc_indicators", "gvc_final_demand"};
    case TradeMethod::kTiva: return {"tiva", "tiva_sectors", "tiva_bilateral", "diagnostics"};
  }
  return {};
}
}  // namespace

const Verb<TradeRequest>& decl::trade() {
  using namespace tables::rules;
  const auto flows = [](const char* t, const char* about) { return OutputSpec{t, about, kUnitMoney, {{"*", sum()}}}; };
  static const Verb<TradeRequest> v = std::move(
      Verb<TradeRequest>(
          "trade",
          "Value added in trade: WWZ, KWW, Borin-Mancini (-Taglioni), Miroudot-Ye, VAX, LTdV, Leontief, gvc, "
          "TiVA")
          .option("method", &TradeRequest::method, "Decomposition")
          .option("post", &TradeRequest::post,
                  "Leontief decomposition v^ L diag(post) (post = final demand is --method vax, VBY)")
          .option("perimeter", &TradeRequest::perimeter, "The border that defines exports")
          .option("approach", &TradeRequest::approach, "Borin-Mancini approach")
          .option("perspective", &TradeRequest::perspective,
                  "Borin-Mancini (and Miroudot-Ye) perspective: the border that defines double counting "
                  "(importer: imports)")
          .countries()
          .option("bilateral", &TradeRequest::bilateral,
                  "With --method ltdv: also the bilateral extractions s->r (n transposed solves in all)")
          .option(option_spec("third_country", "",
                              "With --method wwz: also wwz_intrex, the DVA_INTrex terms by third country (U^2 solves)"),
                  &TradeRequest::third_country)
          .progress(&TradeRequest::progress)
          .check([](const TradeRequest& r) -> std::string {
            if (r.leontief_max_n < 1) return "leontief_max_n must be >= 1";
            if (r.third_country && r.method != TradeMethod::kWwz)
              return "--third-country splits WWZ's terms: it goes with --method wwz";
            if (r.method == TradeMethod::kBm && r.approach == BmApproach::kSink &&
                r.perspective != BmPerspective::kExporter && r.perspective != BmPerspective::kWorld)
              return "--approach sink differs from source only where one border is split into several "
                     "reported flows (--perspective exporter or world); at the sector and sectoral_bilateral "
                     "borders both approaches give the same numbers, at the bilateral border the same pair "
                     "totals (as in Stata's icio), and the importer perspective has no approach: use "
                     "--approach source (methods.md §3.4)";
            if (r.method == TradeMethod::kMy &&
                (r.approach == BmApproach::kSink || r.perspective == BmPerspective::kWorld ||
                 r.perspective == BmPerspective::kImporter))
              return "--method my is source-based, at the exporter, bilateral, sector or sectoral_bilateral "
                     "perspective (methods.md §3.4, Miroudot-Ye)";
            return {};
          })
          .output_help(kOneFilePerTable)
          .output(flows("wwz*",
                        "the WWZ (2013) 16-term decomposition of gross exports (wwz), its KWW grouping "
                        "(wwz2kww) and, with --third-country, DVA_INTrex by third country (wwz_intrex)"))
          .output({"dvix_fsr", "DViX_Fsr: domestic value added in intermediate exports re-exported", kUnitMoney, {}})
          .output(flows("kww*", "the KWW (2014) nine-term decomposition of gross exports"))
          .output(flows("bm_*",
                        "the Borin-Mancini (2019, 2023) decomposition of exports (perspective and approach in the "
                        "name) or, with --perspective importer, of imports"))
          .output(flows("my_*",
                        "the Miroudot-Ye (2021) source-based decomposition as exvatools computes it: EXGR, DC, "
                        "DVA, DDC, FC, FVA, FDC at the perspective in the name"))
          .output(flows("bmt_trade",
                        "the Borin-Mancini-Taglioni (2025) tripartite GVC trade: DAVAX and the pure-forward, "
                        "two-sided and pure-backward parts of GVC trade"))
          .output({"bmt_participation",
                   "Borin-Mancini-Taglioni trade-based participation by exporter: GVC and its parts, their shares "
                   "and the forward index",
                   kUnitMixed,
                   {{"*_share", refused("a share of GVC: aggregate GVC_PF, GVC_TS, GVC_PB and GVC and divide")},
                    {"GVC_ratio", refused("a share: aggregate GVC and GEXP and divide")},
                    {"forward_index", refused("a ratio: aggregate GVC_PF, GVC_PB and GVC and divide")},
                    {"*", sum()}}})
          .output({"vax",
                   "value added exports (Johnson-Noguera)",
                   kUnitMixed,
                   {{"VAX", sum()},
                    {"GEXP", sum()},
                    {"VAX_ratio", derived(tables::DerivedShare::kVaxRatio, "VAX / GEXP of the summed terms")}}})
          .output(flows("vby", "value added by source and absorbing region (VBY)"))
          .output({"ltdv", "Los-Timmer-de Vries (2016) value added in exports by exporter", kUnitMoney, {}})
          .output({"ltdv_fvaio", "LTdV foreign value added by sector", kUnitMoney, {}})
          .output(flows("ltdv_bilateral", "LTdV bilateral extractions s->r"))
          .output(flows("leontief_terms", "decompr's Leontief decomposition v^ L diag(post)"))
          .output({"leontief_*", "decompr's Leontief decomposition v^ L diag(post)", kUnitMoney, {}})
          .output({"gvc_indicators", "the gvc package's indicators by sector", kUnitMixed, {}})
          .output({"gvc_final_demand", "the gvc package's indicators by absorber", kUnitMixed, {}})
          .output({"tiva",
                   "OECD TiVA indicators by unit under their codes (EXGR, EXGR_DVA, EXGR_FVA, FFD_DVA, ...; "
                   "_SH and VALU_FFD_DVA in percent)",
                   kUnitMixed,
                   {{"*SH", refused("a share in percent: aggregate its flows (e.g. EXGR_DVA and EXGR) and divide")},
                    {"VALU_FFD_DVA", refused("a share in percent: aggregate FFD_DVA and VALU and divide")},
                    {"*", sum()}}})
          .output(flows("tiva_sectors", "the TiVA flows by unit and sector (exporting or origin sector, per code)"))
          .output(flows("tiva_bilateral", "EXGR by partner, EXGR_BSCI (origin of VA in gross exports), FD_VA"))
          .output(identities_output())
          .table_names(trade_tables)
          .runs([](const Analysis& a, const TradeRequest& req, std::ostream& out) {
            auto r = a.trade(req);
            out << a.model().summary().brief_report() << "\n";
            out << "Perimeter: " << enum_name(req.perimeter) << " (" << r.units << " units); gross exports "
                << r.gross_exports << "\n";
            VerbResult res{std::move(r.tables), {}, req.run(), {}};
            if (r.diagnostics.num_keys() > 0) {
              print_diagnostics(out, r.diagnostics);
              res.identities.push_back(std::move(r.diagnostics));
            }
            return res;
          }));
  return v;
}

}  // namespace irio

IRIO_VERB(trade, irio::decl::trade)
