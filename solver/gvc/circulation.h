// SPDX-License-Identifier: MIT
// Domestic versus international circulation per region and per group of regions (methods.md
// §10.1-§10.2): the routes of the three-level decomposition (§5.2) as shares of value added
// (forward) and of final production (backward), the NVC orientation NVC / (NVC + GVC), and the
// coupling coordination degree of a domestic and an international index. Ratios of sums only.
#pragma once

#include <string>
#include <vector>

#include "irio/solver/gvc/production.h"
#include "irio/tables/grouping.h"

namespace irio::solver::gvc {

/// Indicators of a circulation row, in output order (names: circulation_indicator_names()).
enum CirculationIndicator : int {
  kNvcForward = 0,             ///< (NVC_S + NVC_C) / va
  kGvcForward,                 ///< (GVC_S + GVC_C) / va
  kNvcBackward,                ///< (NVC_S + NVC_C) / y
  kGvcBackward,                ///< (GVC_S + GVC_C) / y (GVC / y with an exogenous rest of the world)
  kOrientationForward,         ///< NVC / (NVC + GVC), forward
  kOrientationBackward,        ///< NVC / (NVC + GVC), backward
  kLocShareForward,            ///< LOC / va
  kNtfShareForward,            ///< NTF / va
  kRtShareForward,             ///< RT / va
  kDomesticShareForward,       ///< (LOC + NTF + NVC_S + NVC_C) / va
  kInternationalShareForward,  ///< (RT + GVC_S + GVC_C) / va
  kLocShareBackward,
  kNtfShareBackward,
  kRtShareBackward,
  kDomesticShareBackward,
  kInternationalShareBackward,
  kOtherFdShareForward,   ///< OTHER_FD / va: absorbed by final demand neither domestic nor abroad (ERR)
  kOtherFdShareBackward,  ///< OTHER_FD / y
  kNumCirculationIndicators
};
const std::vector<std::string>& circulation_indicator_names();
/// Index of an indicator name, or -1.
int circulation_indicator_index(const std::string& name);

/// Route sums and circulation indicators of a set of units (the regions, or the groups of one
/// grouping).
struct Circulation {
  std::string scope;               ///< "region" or the grouping's name
  std::vector<std::string> units;  ///< region or group labels
  Matrix forward, backward;        ///< units x kNumProductionTerms: sums of (5.1) terms
  Vector va, y;                    ///< units: value added and final production (sums)
  Matrix indicators;               ///< units x kNumCirculationIndicators (NaN: 0/0 or not identified)
  /// Units none of whose regions shares its country with another region: NVC, NTF and the
  /// orientation are undefined there (no domestic border to cross), so those indicators are NaN.
  std::vector<std::string> without_domestic_chains;
  /// The table has final demand that is neither domestic nor abroad (CEADs' ERR): the domestic,
  /// international and other_fd shares add up to 1; other_fd_share_* are written only then.
  bool other_final_demand = false;
};

/// Circulation by region (`g` null) or by the groups of `g` (which must cover every region).
Circulation circulation(const LeontiefModel& model, const ProductionDecomposition& d,
                        const tables::Grouping* g = nullptr);

/// Coupling coordination degree of two indices (methods.md §10.2).
struct CouplingOptions {
  double alpha = 0.5, beta = 0.5;  ///< T = alpha U1 + beta U2; alpha, beta >= 0, alpha + beta = 1
  bool normalize = true;           ///< min-max normalise each index across the units first
  std::string validate() const;
};

/// The range that min-max normalisation maps to [0, 1]: the minimum and maximum of each index over
/// the units of `scope` (the regions for every scope by default, methods.md §10.2), and how many
/// units had both indices defined.
struct NormalisationRange {
  std::string scope;  ///< e.g. "region"
  double lo1 = 0, hi1 = 0, lo2 = 0, hi2 = 0;
  std::size_t units = 0;
};
/// Min and max of each index over the finite entries (a unit counts when both are finite).
NormalisationRange normalisation_range(const Vector& x1, const Vector& x2, const std::string& scope);

/// Below this many units with both indices defined, min-max normalisation is driven by the two
/// extremes alone: irio notes it (methods.md §10.2).
inline constexpr std::size_t kMinNormalisationUnits = 5;

struct Coupling {
  Vector u1, u2;          ///< the indices used (normalised when asked)
  Vector coupling;        ///< C = 2 sqrt(U1 U2) / (U1 + U2); 0 where U1 + U2 = 0
  Vector development;     ///< T = alpha U1 + beta U2
  Vector coordination;    ///< D = sqrt(C T)
  std::vector<int> band;  ///< index into coordination_band_names() (-1 where D is NaN)
  /// How U1, U2 were obtained: "none" (as given) or "min_max_<scope>" (min-max over that scope's
  /// units; group values normalised with the regions' range are "min_max_region").
  std::string normalisation = "none";
  /// Plain-language notes: too few units for min-max normalisation, units on a normalisation bound
  /// (U = 0 or 1 by construction), undefined indices.
  std::vector<std::string> notes;
};

/// C, T, D and the band of each unit. NaN inputs give NaN outputs; a negative index after
/// normalisation is refused (InputError naming `units[i]`). Min-max normalisation of an index
/// that is constant across the units gives NaN (no ranking). `range`: normalise with this range
/// (e.g. groups on the regions' scale) instead of the units' own (scope "unit").
Coupling coupling_coordination(const Vector& x1, const Vector& x2, const std::vector<std::string>& units,
                               const CouplingOptions& opt = {}, const NormalisationRange* range = nullptr);

/// Ten equal-width bands of D on [0, 1]: [0, 0.1) extreme_disorder ... [0.9, 1] quality_coordination.
const std::vector<std::string>& coordination_band_names();
int coordination_band(double D);

/// Tidy tables: `circulation` (scope,unit,indicator) and `coupling` (scope,unit,band,normalisation,
/// indicator with indicators u1,u2,coupling,development,coordination).
tables::TidyTable circulation_table();
tables::TidyTable coupling_table();
void append_circulation(const Circulation& c, tables::TidyTable& out);
void append_coupling(const std::string& scope, const std::vector<std::string>& units, const Coupling& k,
                     tables::TidyTable& out);

}  // namespace irio::solver::gvc
