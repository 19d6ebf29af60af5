// SPDX-License-Identifier: MIT
// Value added in trade (methods.md §3): VBY / VAX (§3.1), KWW 9 terms (§3.2), WWZ 16 terms and the
// WWZ -> KWW map (§3.3), Borin-Mancini exporter / world, source / sink (§3.4), LTdV (§3.5).
// Every function takes a TradeContext, so the perimeter (region | country, §5.3) is a choice of
// the caller.
#pragma once

#include <string>
#include <vector>

#include "irio/solver/gvc/trade_context.h"
#include "irio/tables/tidy_table.h"

namespace irio::solver::gvc {

/// A trade decomposition: named measures, raw cells and tidy tables.
struct TradeResult {
  std::vector<std::string> measures;  ///< term / measure names in output order
  /// One matrix per measure: n x U (exporter row x importer unit) for bilateral-sector results,
  /// U x 1 for results by exporting unit.
  std::vector<Matrix> cells;
  tables::TidyTable table;        ///< long format; key columns documented per function
  tables::TidyTable diagnostics;  ///< §6.2 identities 14-19
  const Matrix& operator[](const std::string& measure) const;
};

/// VBY = v^ L Y^d by absorbing unit (§3.1, eq. for VBY): region,sector,absorber -> value.
/// cells: {"VBY"} n x U.
TradeResult value_added_absorption(const TradeContext& ctx);

/// Johnson-Noguera VAX (§3.1): exporter,importer,indicator -> value with indicators VAX
/// (bilateral, and importer "all" = VAX_s), GEXP and VAX_ratio (importer "all").
/// cells: {"VAX"} U x U (exporter x importer), {"GEXP"} U x 1, {"VAX_ratio"} U x 1.
TradeResult vax(const TradeContext& ctx);

/// KWW (§3.2) nine terms by exporting unit: exporter,term -> value. cells: 9 of U x 1.
TradeResult kww_decomposition(const TradeContext& ctx);

/// WWZ (§3.3) 16 terms in decompr's names and order: exporter,sector,importer,term -> value.
/// cells: 16 of n x U. Needs L^{rr} Y^{rs} (own_block_product). Progress through ctx.progress.
TradeResult wwz_decomposition(const TradeContext& ctx);
/// WWZ's DVA_INTrex terms (3 DVA_INTrexI1, 4 DVA_INTrexF, 5 DVA_INTrexI2) by third unit t, summed
/// over the exporter's sectors: exporter,importer,third,term -> value (methods.md §3.3, "by third
/// country"; t is where the importer's intermediates are used (3, 5) or its final goods go (4)).
/// cells: 3 of U x U^2 (column r U + t). Summed over t they are WWZ's terms. Costs U^2 solves
/// beyond wwz_decomposition (L [Y^{ts} on t's rows] for every pair, term 5's u != s).
TradeResult wwz_intrex_by_third(const TradeContext& ctx);
/// The WWZ -> KWW mapping (§3.3, WWZ Table E2, decompr::wwz2kww), cell by cell: 9 of n x U.
TradeResult wwz_to_kww(const TradeContext& ctx, const TradeResult& wwz);
/// DViX_Fsr = v^ L_P ESR (§3.3, forward-linkage DVA by origin sector): region,sector,importer.
TradeResult dvix_fsr(const TradeContext& ctx);

/// Borin-Mancini exporter perspective, source approach (§3.4): 13 measures GEXP, DC, DVA, VAX,
/// DAVAX, REF, DDC, FC, FVA, FDC, GVC, GVCB, GVCF by exporter,sector,importer,measure.
/// Needs the diagonal blocks L^{ss} (FVA).
TradeResult bm_exporter_source(const TradeContext& ctx);
/// Borin-Mancini exporter perspective, sink approach (§3.4 steps 1-6): GEXP, DC, DVA, VAX, VAXIM,
/// REF, DDC, FC, FVA, FDC by exporter,sector,importer,measure. Needs L^{ss} plus S(2U) solves,
/// and S(U(U-1)) more for VAXIM (the part of VAX absorbed by the importer, step 7).
TradeResult bm_exporter_sink(const TradeContext& ctx);
/// Borin-Mancini sector (`sector` true) or sectoral-bilateral perspective (§3.4, decompr's
/// bm_sector_self / bm_bilateral_self): the border is that of exporter row k (all its exports,
/// or those to one importer). GEXP, DC, DVA, VAX, REF, DDC, FC, FVA, FDC; cells n x 1
/// (exporter,sector,measure) or n x U (exporter,sector,importer,measure). The value-added
/// coefficients are the content coefficients d, f over 1 + c with c(k, r) = (A^{sr} L^{rs})_kk:
/// all column blocks of L, one unit at a time (n solves, O(n N) memory).
TradeResult bm_self(const TradeContext& ctx, bool sector);
/// Borin-Mancini pure bilateral perspective (§3.4; BM 2023, gvcAnalyzer's bm_2023_bilateral_pure):
/// the border of the flow s -> r, extracting only A^{sr}. GEXP, DC, DVA, DDC, FC, FVA, FDC by
/// exporter,sector,importer,measure (n x U cells), not additive over partners. All column blocks
/// of L, one unit at a time (n solves, O(n N) memory), and one n_r x n_r LU per pair (Woodbury).
TradeResult bm_bilateral(const TradeContext& ctx);
/// Borin-Mancini decomposition of imports at the importer's border (§3.4, decompr's
/// bm_imports_*): GIMP by exporting partner, VA (counted once) and DC (imported more than once
/// by r) by origin of the value added; importer,origin,measure with U x U cells (importer row).
/// Summed over origins GIMP = VA + DC. n + U solves (the columns of A_F, Woodbury per importer).
TradeResult bm_imports(const TradeContext& ctx);
/// Borin-Mancini-Taglioni (2021 WB PRWP 9785; 2025 WBER) tripartite GVC trade (methods.md §3.4):
/// GEXP = DAVAX + GVC, GVC = GVC_PF + GVC_TS + GVC_PB, by exporter,sector,importer,measure
/// (n x U cells). Exports absorbed by the direct importer, Y^{sr} + A^{sr} L_P^{rr} Y^{rr}, carry
/// DAVAX (their domestic value added, l_s) and GVC_PB (their inputs from outside s, mu_s); the
/// exports r processes and exports again, A^{sr} L_P^{rr} e^{r*}, carry GVC_PF (l_s) and GVC_TS
/// (mu_s), with mu_s' = m_s' L_P^{ss}, m_s the column sums of A outside s. S'(1) local beyond
/// the context.
TradeResult bmt_tripartite(const TradeContext& ctx);
/// The trade-based participation measures by exporter (BMT 4.1): GEXP, GVC and its three parts
/// summed over sectors and partners, GVC_ratio = GVC / GEXP, the shares of PF, TS and PB in GVC,
/// and forward_index = (GVC_PF - GVC_PB) / GVC; U x 1 cells, exporter,indicator.
TradeResult bmt_participation(const TradeContext& ctx, const TradeResult& tripartite);
/// Miroudot & Ye (2021) source-based decomposition as exvatools implements it (methods.md §3.4):
/// EXGR, DC, DVA, DDC, FC, FVA, FDC with the keys of `bm`, the Borin-Mancini source table of the
/// same border. exvatools extracts the same blocks of A as BM's exporter, bilateral, sector and
/// sectoral-bilateral perspectives, so MY's terms are BM's measures under MY's names (the dense
/// definitions are checked against BM's in tests/gvc/miroudot_ye_test.cc).
TradeResult miroudot_ye(const TradeResult& bm, const std::string& table_name);
/// Borin-Mancini world perspective (§3.4), `sink` false = source: GEXP, DC, DVA, VAX, REF, DDC,
/// FC, FVA, FDC by exporter,measure (U x 1 cells). No diagonal blocks needed.
TradeResult bm_world(const TradeContext& ctx, bool sink);

/// Los-Timmer-de Vries (§3.5): exporter,indicator -> value with GDP, DVA_hem (GDP minus VA of
/// the extracted world, 2016 AER), DVA (= v^s' L_P^{ss} e^{s*}), and per region-sector the
/// foreign VA share of final output FVAiO = 1 - d (2015 JRS) in the `by_sector` table.
struct LtdvResult {
  TradeResult by_exporter;
  tables::TidyTable by_sector;  ///< region,sector,indicator (FVAiO) -> value
};
LtdvResult ltdv(const TradeContext& ctx);

/// Bilateral LTdV (§3.5: extract only the exports of s to r, A^{sr} and Y^{sr}; not additive
/// over r): DVA_{s->r} = GDP_s - v^s' xbar, with xbar from the rank-m_r (Woodbury) update of
/// I - A. With R = rows of r of L (m_r transposed solves), L^{rs} A^{sr} is m_r x m_r and
///   DVA_{s->r} = (v^s'L)_s . Y^{sr} + (v^s'L)_s A^{sr} (I + L^{rs} A^{sr})^{-1} (x^r - L^{rs} Y^{sr}).
/// Cost: n transposed solves in all (S'(n), streamed by importer: n m_r memory) plus one small
/// dense solve per pair. cells: {"DVA_bilateral"} U x U (exporter x importer); tidy
/// exporter,importer,indicator -> value.
TradeResult ltdv_bilateral(const TradeContext& ctx);

/// decompr's Leontief decomposition (`leontief(post = ...)`, WWZ 2013 eq. 3 / methods.md §3.1):
/// value added of origin row i in the output of column j, v^ L post-multiplied by the diagonal
/// of gross exports e^{s*} ("exports": decompr's FVAX), of output x ("output"), or by nothing
/// ("none"). The n x n matrix is itself the result (methods.md "DENSE-OUT"): n solves and n^2
/// memory, so it is meant for tables of up to a few thousand rows. The "final_demand" variant is
/// value_added_absorption (VBY). Tidy: source_region,source_sector,using_region,using_sector.
/// cells: {"FVAX" | "VAX_output" | "VB"} n x n. Throws InputError for another `post`.
enum class LeontiefPost { kExports, kOutput, kNone };
inline constexpr EnumTable<LeontiefPost, 3> kLeontiefPostNames{
    "Leontief post",
    {{{LeontiefPost::kExports, "exports"}, {LeontiefPost::kOutput, "output"}, {LeontiefPost::kNone, "none"}}}};
constexpr const auto& enum_table(LeontiefPost) { return kLeontiefPostNames; }
TradeResult leontief_decomposition(const TradeContext& ctx, LeontiefPost post);
/// The same with the post named as in kLeontiefPostNames.
TradeResult leontief_decomposition(const TradeContext& ctx, const std::string& post);

/// The indicators of the R package gvc (6.4), computed without the n x n matrix:
///   i2e_j   = sum_{i not in unit(j)} v_i L_ij e_j     foreign VA in the exports of row j
///                                                     (vertical specialisation, VS; = f_j e_j)
///   e2r_i   = v_i sum_{j not in unit(i)} L_ij e_j     VA of row i in other units' exports (VS1)
///   nrca_i  = (f_i / sum_{i' in unit(i)} f_i') / (sum_{sector(i')=sector(i)} f_i' / sum f)
///             with f_i = v_i sum_{j in unit(i)} L_ij e_j: Balassa's RCA on domestic VA in
///             own exports (Koopman-Wang-Wei "new RCA")
///   ffddva_i = sum_{r != unit(i)} VBY(i, r)           VA of row i absorbed abroad (VAX by sector)
///   dfddva(r, k) = sum_{i in r, sector k} VBY(i, r)   own VA of sector k in r's final demand
///   dfdfva(r, k) = sum_{i not in r, sector k} VBY(i, r)  foreign VA of sector k in it
/// Costs S(2U). Units are the perimeter's (regions or countries).
struct GvcIndicators {
  Vector i2e, e2r, nrca, ffddva;  ///< n, by row (region-sector)
  Matrix dfddva, dfdfva;          ///< U x N: absorbing unit x sector
  tables::TidyTable by_sector;    ///< region,sector,indicator -> value (i2e, e2r, nrca, ffddva)
  tables::TidyTable by_absorber;  ///< absorber,sector,indicator -> value (dfddva, dfdfva)
};
GvcIndicators gvc_indicators(const TradeContext& ctx);

/// Key label of an exporter row in bilateral tables: the sector name, or "REGION:SECTOR" when
/// the row's unit (a country at P = C) holds more than one region.
std::string exporter_sector_label(const TradeContext& ctx, Index row);

}  // namespace irio::solver::gvc
