// SPDX-License-Identifier: MIT
// Random draws of a table for Monte Carlo runs (irio batch --draws; methods.md §10.7; docs/scale.md,
// "Batch mode"): multiplicative perturbations of Z or Y, cells drawn from their mean and standard
// deviation, and the re-balance that follows. Table operations with their own random numbers, so
// that a draw is the same on every platform and whichever process computes it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "irio/tables/enum_names.h"
#include "irio/tables/io_table.h"

namespace irio::tables {

/// Which flows a perturbation multiplies: Z (every non-zero intermediate flow) or Y (every
/// non-zero final-demand cell).
enum class PerturbTarget { kZ, kY };
inline constexpr EnumTable<PerturbTarget, 2> kPerturbTargetNames{
    "perturbed matrix", {{{PerturbTarget::kZ, "Z"}, {PerturbTarget::kY, "Y"}}}};
constexpr const auto& enum_table(PerturbTarget) { return kPerturbTargetNames; }

/// The law of the multiplicative factor of each cell (eps ~ N(0, 1), u ~ U(-1, 1), independent
/// per cell and draw): lognormal exp(s eps - s^2 / 2) (mean 1, always positive); normal
/// max(0, 1 + s eps) (mean 1 up to the truncation at 0, which needs s > ~0.3 to matter);
/// uniform 1 + s u (s <= 1).
enum class PerturbLaw { kLognormal, kNormal, kUniform };
inline constexpr EnumTable<PerturbLaw, 3> kPerturbLawNames{
    "perturbation law",
    {{{PerturbLaw::kLognormal, "lognormal"}, {PerturbLaw::kNormal, "normal"}, {PerturbLaw::kUniform, "uniform"}}}};
constexpr const auto& enum_table(PerturbLaw) { return kPerturbLawNames; }

struct Perturbation {
  PerturbTarget target = PerturbTarget::kZ;
  PerturbLaw law = PerturbLaw::kLognormal;
  double scale = 0;  ///< s above: in [0, 5] (lognormal), [0, 10] (normal), [0, 1] (uniform); 0: factor 1
};

/// "Z:lognormal:0.05" -> Perturbation; InputError naming the spec otherwise.
Perturbation parse_perturbation(const std::string& spec);

/// The table of draw `draw` (>= 1) under `seed`: each perturbation multiplies the non-zero cells
/// of its matrix by independent factors of its law, then the table is re-balanced: x = Z 1 + Y 1 +
/// exports 1 (row totals), each column of V scaled so that 1'V_j = x_j - 1'Z_j - imports_j (the
/// share of each component kept; a column whose V sums to 0 keeps 0), and each satellite's F
/// scaled by x_new / x_old (stressor per unit of output unchanged). Draw 0 is `t` itself. The
/// random numbers come from std::mt19937_64 seeded with seed_seq{seed, draw} and a Box-Muller
/// normal written here, so a draw is the same on every platform and whichever rank computes it.
IoTable perturbed_table(const IoTable& t, const std::vector<Perturbation>& p, std::uint64_t seed, std::int64_t draw);

/// The law of a cell drawn from its mean m (the table's value) and standard deviation s (the
/// standard-deviation table's cell; methods.md §10.7): lognormal with the same mean and sd, its sign
/// that of m (|value| = exp(mu + sigma eps), sigma^2 = ln(1 + s^2 / m^2), mu = ln|m| - sigma^2 / 2);
/// or normal N(m, s^2) truncated to m's sign (drawn again until the sign is m's: at most half the
/// mass is cut, so about two tries at worst; its mean moves away from 0 by up to 0.8 s when s is
/// not small against |m|). Cells with m = 0 or s = 0 keep m exactly and use no random numbers.
enum class SdLaw { kLognormal, kNormal };
inline constexpr EnumTable<SdLaw, 2> kSdLawNames{"standard-deviation law",
                                                 {{{SdLaw::kLognormal, "lognormal"}, {SdLaw::kNormal, "normal"}}}};
constexpr const auto& enum_table(SdLaw) { return kSdLawNames; }

/// The check of a standard-deviation table `sd` against the table `t` (analysis read_sd_table reads one) (`source` names it in messages).
void check_sd_table(const IoTable& sd, const IoTable& t, const std::string& source);

/// The table of draw `draw` (>= 1) under `seed` when `sd` is given: first every non-zero cell of
/// Z, Y, V and of each satellite's F and F_Y that `sd` covers is drawn from its law (in that order,
/// each matrix in storage order: Z by compressed columns, the others column-major), then the
/// perturbations multiply as in perturbed_table, and the table is re-balanced as there (output by
/// its row total; each drawn column of V scaled so that it sums to what the undrawn column would,
/// its drawn shares kept; F by x_new / x_old after its draw). Exogenous exports and imports are not
/// drawn. Draw 0 is `t`; sd = 0 everywhere gives `t` bit for bit. Without `sd`: perturbed_table.
IoTable drawn_table(const IoTable& t, const IoTable* sd, SdLaw law, const std::vector<Perturbation>& p,
                    std::uint64_t seed, std::int64_t draw);

}  // namespace irio::tables
