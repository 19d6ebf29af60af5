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
  kNvcForward = 0,         ///< (NVC_S + NVC_C) / va
  kGvcForward,             ///< (GVC_S + GVC_C) / va
  kNvcBackward,            ///< (NVC_S + NVC_C) / y
  kGvcBackward,            ///< (GVC_S + GVC_C) / y (GVC / y with an exogenous rest of the world)
  kOrientationForward,     ///< NVC / (NVC + GVC), forward
  kOrientationBackward,    ///< NVC / (NVC + GVC), backward
  kLocShareForward,        ///< LOC / va
  kNtfShareForward,        ///< NTF / va
  kRtShareForward,         ///< RT / va
  kDomesticShareForward,   ///< (LOC + NTF + NVC_S + NVC_C) / va
  kInternationalShareForward,  ///< (RT + GVC_S + GVC_C) / va
  kLocShareBackward,
  kNtfShareBackward,
  kRtShareBackward,
  kDomesticShareBackward,
  kInternationalShareBackward,
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

struct Coupling {
  Vector u1, u2;          ///< the indices used (normalised when asked)
  Vector coupling;        ///< C = 2 sqrt(U1 U2) / (U1 + U2); 0 where U1 + U2 = 0
  Vector development;     ///< T = alpha U1 + beta U2
  Vector coordination;    ///< D = sqrt(C T)
  std::vector<int> band;  ///< index into coordination_band_names() (-1 where D is NaN)
};

/// C, T, D and the band of each unit. NaN inputs give NaN outputs; a negative index after
/// normalisation is refused (InputError naming `units[i]`). Min-max normalisation of an index
/// that is constant across the units gives NaN (no ranking).
Coupling coupling_coordination(const Vector& x1, const Vector& x2, const std::vector<std::string>& units,
                               const CouplingOptions& opt = {});

/// Ten equal-width bands of D on [0, 1]: [0, 0.1) extreme_disorder ... [0.9, 1] quality_coordination.
const std::vector<std::string>& coordination_band_names();
int coordination_band(double D);

/// Tidy tables: `circulation` (scope,unit,indicator) and `coupling` (scope,unit,band,indicator
/// with indicators u1,u2,coupling,development,coordination).
tables::TidyTable circulation_table();
tables::TidyTable coupling_table();
void append_circulation(const Circulation& c, tables::TidyTable& out);
void append_coupling(const std::string& scope, const std::vector<std::string>& units, const Coupling& k,
                     tables::TidyTable& out);

}  // namespace irio::solver::gvc
