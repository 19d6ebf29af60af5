// SPDX-License-Identifier: MIT
// pymrio-compatible satellite accounts: intensities S, S_Y, multipliers M = S L, downstream
// multipliers M_down = S (G - I)', and the consumption-, production-, import- and export-based
// accounts per region and per (region, product) (methods.md §2.3).
#pragma once

#include "irio/solver/leontief_model.h"
#include "irio/tables/characterisation.h"
#include "irio/tables/tidy_table.h"

namespace irio::solver {

/// The accounts of one satellite. Shapes: k_F stressors, n region-sectors, G regions, G K
/// final-demand columns. "Sector detail" columns are (consuming region r, product j), as pymrio's.
struct FootprintAccounts {
  Matrix S;                                           ///< F x^+ (k_F x n)
  Matrix S_Y;                                         ///< F_Y diag(1'Y)^+ (k_F x G K; 0 x 0 without F_Y)
  Matrix M;                                           ///< S L (k_F x n), S'(k_F)
  Matrix M_down;                                      ///< S (G - I)' (k_F x n), S(k_F) (methods.md §2.3 orientation)
  Matrix D_cba, D_pba, D_imp, D_exp;                  ///< sector detail, k_F x n
  Matrix D_cba_reg, D_pba_reg, D_imp_reg, D_exp_reg;  ///< by region, k_F x G (cba/pba incl. F_Y)
  Matrix D_cba_cap, D_pba_cap, D_imp_cap, D_exp_cap;  ///< per capita (empty without population)
  /// With an exogenous rest of the world (exports columns): emissions embodied in exports abroad,
  /// by exporting region-sector, M e-hat (k_F x n), and by exporting region (k_F x G); the rest of
  /// the world's consumption-based account. Empty without exports.
  Matrix D_abroad, D_abroad_reg;
  /// Embodied in exogenous final demand that is neither domestic nor abroad (CEADs' ERR,
  /// tables::is_other_final_demand): M e_O-hat and by region. Empty without such a column; the
  /// ERR column is never part of D_abroad.
  Matrix D_other_fd, D_other_fd_reg;
  /// Right-hand sides solved: transposed (M or the M_r) and forward (X^d, exports, ERR, M_down).
  Index transposed_rhs = 0, forward_rhs = 0;
  bool imports_by_products = false;  ///< D_imp by sector came from X_r = L Y_diag_r (else from the M_r)
  Matrix also_solved;                ///< L' c for FootprintOptions::also_transposed (n x k), solved with M
};

/// How D_imp at sector detail is computed: the per-region rows M_r (k_F G transposed right-hand
/// sides) or the product columns X_r = L Y_diag_r (n forward ones); auto takes the fewer.
enum class ImportsRoute { kAuto, kRegionRows, kProductColumns };

struct FootprintOptions {
  bool downstream = true;  ///< compute M_down (k_F more forward right-hand sides)
  /// D_imp at sector detail (pymrio's D_imp): k_F G transposed right-hand sides instead of k_F.
  /// Without it D_imp is computed by region only (D_imp_reg), from the forward block.
  bool imports_by_sector = false;
  ImportsRoute imports_route = ImportsRoute::kAuto;
  /// Only the accounts by region (D_*_reg, D_*_cap, D_abroad_reg, D_other_fd_reg) from one block of
  /// G (+ G per exogenous destination) forward solves for every stressor at once: no S, M, M_down
  /// or account by sector, and no solve per stressor (also_transposed and downstream are ignored).
  bool regions_only = false;
  /// More coefficient rows c (n x k, as columns) whose c'L joins M's block of transposed solves,
  /// returned in FootprintAccounts::also_solved (e.g. multiplier_coefficients: one block, not two).
  Matrix also_transposed;
  Vector population;  ///< G entries; empty: no per-capita accounts
};

/// Compute every account of `satellite` (must belong to the model's table, or match its shapes).
/// Formulas (methods.md §2.3), with M = S L (S'(k_F)), X^d = L Y^d and M_down's L (x o s_q) in one
/// forward block (S(G + k_F)), and, for D_imp at sector detail only, the per-region row
/// combinations M_r = (S restricted to region r's columns) L (S'(k_F G), replacing S'(k_F));
/// e = exports 1 is the final demand of an exogenous rest of the world (one more column),
/// y = Y^d 1 + e:
///   D_cba[:, (r,j)] = sum_s M[:, (s,j)] Y^d[(s,j), r]
///   D_pba           = S o (L y)'
///   D_imp[:, (r,j)] = sum_s (M - M_r)[:, (s,j)] Y^d[(s,j), r]          (imports_by_sector)
///   D_imp_reg[:, r] = S X^d[:, r] - S_r X^d[r-rows, r]                    (otherwise)
///   D_exp[:, (s,i)] = S[:, (s,i)] ((L y)_(s,i) - X^d[(s,i), s])   (every other destination, abroad too)
///   D_abroad        = M e-hat (e: the export columns that go abroad)
///   D_other_fd      = M e_O-hat (e_O: other final demand such as CEADs' ERR)
/// so that D_pba = D_cba - D_imp + D_exp per region and world D_cba + D_abroad + D_other_fd =
/// world D_pba.
/// No n x n matrix is formed. Throws InputError for shape mismatches or a bad population.
FootprintAccounts compute_footprints(const LeontiefModel& model, const tables::Satellite& satellite,
                                     const FootprintOptions& opt = {});

/// The accounts of the impacts C F from those of the stressors F, for factors C that are the same
/// in every region (methods.md §2.9): every account is S, F_Y or S L times a matrix on the right,
/// so the impacts' account is C times the stressors' (C S L = (C S) L): no solve. InputError for
/// regionalised factors (their impacts need compute_footprints on tables::characterise's
/// satellite) or a C that is not k_I x k_F.
FootprintAccounts characterise_accounts(const FootprintAccounts& stressors, const tables::Characterisation& c);

/// Identity (12) of methods.md §6.2 per stressor, with the rest of the world as a destination:
/// world D_cba + D_abroad = world D_pba, and D_pba = D_cba - D_imp + D_exp per region. A tidy
/// diagnostics table (identity, scope, tolerance, pass; residual), as the value chains report.
tables::TidyTable footprint_diagnostics(const LeontiefModel& model, const tables::Satellite& satellite,
                                        const FootprintAccounts& acc);

/// Tidy output: region,sector,stressor,account,value for the sector-level accounts (S, M, M_down,
/// D_cba, D_pba, D_imp, D_exp) and region,sector="(all)" rows for D_*_reg and D_*_cap.
tables::TidyTable footprints_table(const LeontiefModel& model, const tables::Satellite& satellite,
                                   const FootprintAccounts& acc);

}  // namespace irio::solver
