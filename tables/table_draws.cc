// SPDX-License-Identifier: MIT
// Random draws of a table (table_draws.h).
#include "irio/tables/table_draws.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <functional>
#include <random>

#include "irio/tables/error.h"

namespace irio::tables {

namespace {

constexpr double kPi = 3.14159265358979323846;

/// Standard normal and uniform numbers from mt19937_64 (fully specified by the standard, unlike
/// std::normal_distribution): a draw is the same with every compiler and library.
class Draws {
 public:
  Draws(std::uint64_t seed, std::int64_t draw) {
    std::seed_seq seq{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32),
                      static_cast<std::uint32_t>(draw),
                      static_cast<std::uint32_t>(static_cast<std::uint64_t>(draw) >> 32)};
    rng_.seed(seq);
  }
  /// In (0, 1).
  double open01() { return (static_cast<double>(rng_() >> 11) + 0.5) * 0x1.0p-53; }
  /// Box-Muller, both values of a pair used.
  double normal() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    const double r = std::sqrt(-2.0 * std::log(open01())), phi = 2.0 * kPi * open01();
    spare_ = r * std::sin(phi);
    has_spare_ = true;
    return r * std::cos(phi);
  }
  double factor(const Perturbation& p) {
    switch (p.law) {
      case PerturbLaw::kLognormal: return std::exp(p.scale * normal() - 0.5 * p.scale * p.scale);
      case PerturbLaw::kNormal: return std::max(0.0, 1.0 + p.scale * normal());
      case PerturbLaw::kUniform: return 1.0 + p.scale * (2.0 * open01() - 1.0);
    }
    return 1.0;
  }
  /// A cell of mean m and standard deviation s under `law` (SdLaw): m itself, using no random
  /// number, when m = 0 or s = 0.
  double with_sd(double m, double s, SdLaw law) {
    if (m == 0.0 || s == 0.0) return m;
    if (law == SdLaw::kLognormal) {
      const double cv = s / m, sigma2 = std::log1p(cv * cv);
      return std::copysign(std::exp(std::log(std::abs(m)) - 0.5 * sigma2 + std::sqrt(sigma2) * normal()), m);
    }
    for (;;) {  // N(m, s^2) truncated to m's sign: each try keeps at least half of the mass
      const double v = m + s * normal();
      if (m > 0 ? v > 0 : v < 0) return v;
    }
  }

 private:
  std::mt19937_64 rng_;
  double spare_ = 0;
  bool has_spare_ = false;
};

std::string format_number(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", x);
  return buf;
}

}  // namespace

Perturbation parse_perturbation(const std::string& spec) {
  const auto a = spec.find(':'), b = a == std::string::npos ? a : spec.find(':', a + 1);
  if (b == std::string::npos)
    throw InputError("perturbation '" + spec + "': expected MATRIX:LAW:SCALE, e.g. Z:lognormal:0.05");
  Perturbation p;
  const std::string target = spec.substr(0, a), law = spec.substr(a + 1, b - a - 1), scale = spec.substr(b + 1);
  try {
    p.target = parse_enum<PerturbTarget>(target);
    p.law = parse_enum<PerturbLaw>(law);
  } catch (const std::exception& e) {
    throw InputError("perturbation '" + spec + "': " + e.what());
  }
  char* end = nullptr;
  p.scale = std::strtod(scale.c_str(), &end);
  if (scale.empty() || *end != '\0' || !std::isfinite(p.scale) || p.scale < 0)
    throw InputError("perturbation '" + spec + "': the scale '" + scale + "' is not a number >= 0");
  if (p.law == PerturbLaw::kUniform && p.scale > 1)
    throw InputError("perturbation '" + spec + "': a uniform scale above 1 gives negative flows");
  // Beyond these the draws stop meaning anything: a lognormal factor's median exp(-s^2 / 2) is
  // below 4e-6 at s = 5 (and underflows to 0 by s = 40), a normal factor max(0, 1 + s eps) is 0
  // for almost half the cells at s = 10 and overflows to infinity near s = 1e308.
  if (p.law == PerturbLaw::kLognormal && p.scale > 5)
    throw InputError("perturbation '" + spec +
                     "': a lognormal scale above 5 makes the median factor exp(-s^2/2) < 4e-6 "
                     "(every flow all but vanishes); give a scale in [0, 5]");
  if (p.law == PerturbLaw::kNormal && p.scale > 10)
    throw InputError("perturbation '" + spec +
                     "': a normal scale above 10 sets almost half the flows to 0 and the "
                     "rest to many times their value; give a scale in [0, 10]");
  return p;
}

namespace {

/// "region 3 is 'X', the table's is 'Y'" for the first difference of two label lists, or "".
std::string first_difference(const char* what, const std::vector<std::string>& table,
                             const std::vector<std::string>& sd) {
  if (table.size() != sd.size())
    return std::to_string(sd.size()) + " " + what + "s, the table has " + std::to_string(table.size());
  for (std::size_t i = 0; i < table.size(); ++i)
    if (table[i] != sd[i])
      return std::string(what) + " " + std::to_string(i + 1) + " is '" + sd[i] + "', the table's is '" + table[i] + "'";
  return {};
}

/// The first negative cell of `m` ("-0.5 at row CHN/c1, column DEU/CONS_h"), or "": `row(i)` and
/// `col(j)` name the rows and columns.
std::string first_negative(const Matrix& m, const std::function<std::string(Eigen::Index)>& row,
                           const std::function<std::string(Eigen::Index)>& col) {
  for (Eigen::Index j = 0; j < m.cols(); ++j)
    for (Eigen::Index i = 0; i < m.rows(); ++i)
      if (m(i, j) < 0) return format_number(m(i, j)) + " at row " + row(i) + ", column " + col(j);
  return {};
}

/// Draw every cell of `m` from its mean (its value) and the standard deviation of the same cell of
/// `sd` (same shape), column-major.
void draw_dense(Matrix& m, const Matrix& sd, SdLaw law, Draws& rng) {
  if (sd.rows() != m.rows() || sd.cols() != m.cols()) return;
  for (Eigen::Index j = 0; j < m.cols(); ++j)
    for (Eigen::Index i = 0; i < m.rows(); ++i) m(i, j) = rng.with_sd(m(i, j), sd(i, j), law);
}

/// draws 0 .. : the cells of `sd` (optional), then the perturbations, then the re-balance.
IoTable draw_table(const IoTable& t, const IoTable* sd, SdLaw law, const std::vector<Perturbation>& ps,
                   std::uint64_t seed, std::int64_t draw) {
  IoTable out = t;
  if (draw == 0) return out;
  Draws rng(seed, draw);
  if (sd) {
    for (Eigen::Index j = 0; j < out.Z.outerSize(); ++j)
      for (SparseMatrix::InnerIterator it(out.Z, j); it; ++it)
        if (it.value() != 0.0) it.valueRef() = rng.with_sd(it.value(), sd->Z.coeff(it.row(), it.col()), law);
    draw_dense(out.Y, sd->Y, law, rng);
    if (sd->V.rows() > 0) draw_dense(out.V, sd->V, law, rng);
    for (auto& s : out.satellites)
      for (const auto& d : sd->satellites)
        if (d.name == s.name) {
          draw_dense(s.F, d.F, law, rng);
          if (s.F_Y.cols() > 0) draw_dense(s.F_Y, d.F_Y, law, rng);
        }
  }
  for (const auto& p : ps) {
    if (p.target == PerturbTarget::kZ) {
      double* z = out.Z.valuePtr();
      for (Eigen::Index k = 0; k < out.Z.nonZeros(); ++k)
        if (z[k] != 0.0) z[k] *= rng.factor(p);
    } else {
      double* y = out.Y.data();
      for (Eigen::Index k = 0; k < out.Y.size(); ++k)
        if (y[k] != 0.0) y[k] *= rng.factor(p);
    }
  }
  // Re-balance: output moves by the change of its row total (so a table that balanced still
  // does, and a draw with factors 1 is the table itself, bit for bit); value added is the
  // column residual, its components keep their shares (a drawn column: its drawn shares, summing
  // to what the undrawn column would); satellites keep their intensities.
  const tables::Vector x0 = t.output(), x = x0 + (out.row_total() - t.row_total());
  const tables::Vector va0 = t.value_added_residual();
  out.x = x;
  const tables::Vector va = out.value_added_residual();
  for (Eigen::Index j = 0; j < out.V.cols(); ++j) {
    const double ratio = va0(j) != 0.0 && va(j) != va0(j) ? va(j) / va0(j) : 1.0;
    if (out.V.col(j) == t.V.col(j)) {
      if (ratio != 1.0) out.V.col(j) *= ratio;
      continue;
    }
    const double drawn = out.V.col(j).sum();
    if (drawn != 0.0) out.V.col(j) *= t.V.col(j).sum() * ratio / drawn;
  }
  for (auto& s : out.satellites)
    for (Eigen::Index j = 0; j < s.F.cols(); ++j)
      if (x0(j) != 0.0 && x(j) != x0(j)) s.F.col(j) *= x(j) / x0(j);
  return out;
}

}  // namespace

IoTable perturbed_table(const IoTable& t, const std::vector<Perturbation>& ps, std::uint64_t seed, std::int64_t draw) {
  return draw_table(t, nullptr, SdLaw::kLognormal, ps, seed, draw);
}

IoTable drawn_table(const IoTable& t, const IoTable* sd, SdLaw law, const std::vector<Perturbation>& ps,
                    std::uint64_t seed, std::int64_t draw) {
  return draw_table(t, sd, law, ps, seed, draw);
}

void check_sd_table(const IoTable& sd, const IoTable& t, const std::string& source) {
  auto refuse = [&](const std::string& why) {
    throw InputError("standard deviations " + source + ": " + why +
                     " (--sd needs a table of the same layout and labels as the table drawn)");
  };
  if (auto d = first_difference("region", t.labels.regions, sd.labels.regions); !d.empty()) refuse(d);
  if (auto d = first_difference("sector", t.labels.sectors, sd.labels.sectors); !d.empty()) refuse(d);
  if (auto d = first_difference("final-demand category", t.labels.fd_categories, sd.labels.fd_categories); !d.empty())
    refuse(d);
  if (sd.V.rows() > 0)
    if (auto d = first_difference("value-added component", t.va_components, sd.va_components); !d.empty()) refuse(d);
  for (const auto& s : sd.satellites) {
    const auto* mine = t.satellite(s.name);
    if (!mine) {
      std::string names;
      for (const auto& m : t.satellites) names += (names.empty() ? "" : ", ") + m.name;
      refuse("satellite '" + s.name + "' is not one of the table's (" + (names.empty() ? "it has none" : names) + ")");
    }
    if (auto d = first_difference("stressor", mine->stressors, s.stressors); !d.empty())
      refuse("satellite '" + s.name + "': " + d);
    if (s.F_Y.cols() > 0 && s.F_Y.cols() != mine->F_Y.cols())
      refuse("satellite '" + s.name + "' has final-demand stressors (F_Y) where the table has " +
             std::to_string(mine->F_Y.cols()) + " columns of them");
  }
  for (Eigen::Index j = 0; j < sd.Z.outerSize(); ++j)
    for (SparseMatrix::InnerIterator it(sd.Z, j); it; ++it)
      if (it.value() < 0)
        refuse("a negative standard deviation " + format_number(it.value()) + " in Z at row " +
               sd.labels.describe(static_cast<std::size_t>(it.row())) + ", column " +
               sd.labels.describe(static_cast<std::size_t>(it.col())));
  const auto& L = sd.labels;
  const std::size_t K = std::max<std::size_t>(1, L.fd_categories.size());
  auto rs = [&](Eigen::Index i) { return L.describe(static_cast<std::size_t>(i)); };
  auto fd = [&](Eigen::Index j) {
    const auto c = static_cast<std::size_t>(j);
    return c / K < L.regions.size() && c % K < L.fd_categories.size() ? L.regions[c / K] + "/" + L.fd_categories[c % K]
                                                                      : std::to_string(c + 1);
  };
  auto named = [](const std::vector<std::string>& names) {
    return [&names](Eigen::Index i) {
      const auto k = static_cast<std::size_t>(i);
      return k < names.size() ? names[k] : std::to_string(k + 1);
    };
  };
  if (auto d = first_negative(sd.Y, rs, fd); !d.empty()) refuse("a negative standard deviation in Y: " + d);
  if (auto d = first_negative(sd.V, named(sd.va_components), rs); !d.empty())
    refuse("a negative standard deviation in V: " + d);
  for (const auto& s : sd.satellites) {
    if (auto d = first_negative(s.F, named(s.stressors), rs); !d.empty())
      refuse("a negative standard deviation in satellite '" + s.name + "': " + d);
    if (auto d = first_negative(s.F_Y, named(s.stressors), fd); !d.empty())
      refuse("a negative standard deviation in satellite '" + s.name + "' (F_Y): " + d);
  }
}

}  // namespace irio::tables
