// SPDX-License-Identifier: MIT
// Seeded synthetic MRIO generator (see synthetic_mrio.h).
#include "bench/synthetic_mrio.h"

#include <random>
#include <string>

namespace irio::bench {

tables::IoTable make_synthetic_mrio(const SyntheticSpec& spec) {
  using tables::Matrix;
  using tables::Vector;
  using Index = Eigen::Index;
  const Index G = spec.regions, N = spec.sectors, n = G * N;
  std::mt19937_64 rng(spec.seed);
  std::uniform_real_distribution<double> unif(0.0, 1.0);

  tables::IoTable t;
  t.meta.name = "synthetic " + std::to_string(G) + "x" + std::to_string(N);
  t.meta.unit = "synthetic";
  for (Index r = 0; r < G; ++r) t.labels.regions.push_back("R" + std::to_string(r));
  for (Index i = 0; i < N; ++i) t.labels.sectors.push_back("S" + std::to_string(i));
  if (spec.countries > 0) {
    for (int c = 0; c < spec.countries; ++c) t.labels.countries.push_back("C" + std::to_string(c));
    for (Index r = 0; r < G; ++r) t.labels.country_of_region.push_back(static_cast<int>(r * spec.countries / G));
  } else {
    t.labels.set_each_region_own_country();
  }
  t.labels.fd_categories = {"final"};

  Vector x(n);
  for (Index i = 0; i < n; ++i) x(i) = 500.0 + 500.0 * unif(rng);

  // Column j of A: domestic block entries with density 50-70%, trade entries 5-15% per block,
  // rescaled so that the column sum is 0.4-0.6 with `domestic_share` of it domestic.
  t.Z.resize(n, n);
  t.Z.reserve(static_cast<Index>(static_cast<double>(n) * (0.6 * N + 0.1 * (n - N)) * 1.05));
  std::vector<double> dens_dom(static_cast<std::size_t>(G)), dens_trade(static_cast<std::size_t>(G * G));
  for (auto& d : dens_dom) d = 0.5 + 0.2 * unif(rng);
  for (auto& d : dens_trade) d = 0.05 + 0.10 * unif(rng);
  std::vector<std::pair<Index, double>> col;
  Vector rowsum = Vector::Zero(n);
  for (Index j = 0; j < n; ++j) {
    const Index s = j / N;
    col.clear();
    double dom = 0, trade = 0;
    for (Index r = 0; r < G; ++r) {
      const double d = r == s ? dens_dom[static_cast<std::size_t>(r)] : dens_trade[static_cast<std::size_t>(r * G + s)];
      for (Index i = 0; i < N; ++i)
        if (unif(rng) < d) {
          const double a = unif(rng);
          col.emplace_back(r * N + i, a);
          (r == s ? dom : trade) += a;
        }
    }
    const double total = 0.4 + 0.2 * unif(rng);
    const double fdom = dom > 0 ? total * (trade > 0 ? spec.domestic_share : 1.0) / dom : 0.0;
    const double ftrade = trade > 0 ? total * (dom > 0 ? 1.0 - spec.domestic_share : 1.0) / trade : 0.0;
    t.Z.startVec(j);
    for (const auto& [i, a] : col) {
      const double z = a * ((i / N) == s ? fdom : ftrade) * x(j);
      t.Z.insertBack(i, j) = z;
      rowsum(i) += z;
    }
  }
  t.Z.finalize();

  // Final demand closes the rows: 60% at home, the rest spread over the other regions.
  t.Y = Matrix::Zero(n, G);
  for (Index i = 0; i < n; ++i) {
    const double y = x(i) - rowsum(i);
    const Index home = i / N;
    t.Y(i, home) = 0.6 * y;
    const Index other = G > 1 ? (home + 1 + static_cast<Index>(unif(rng) * static_cast<double>(G - 1))) % G : home;
    t.Y(i, other) += 0.4 * y;
  }
  t.x = x;
  t.V.resize(0, n);

  tables::Satellite env;
  env.name = "env";
  for (int k = 0; k < spec.satellites; ++k) {
    env.stressors.push_back("stressor" + std::to_string(k));
    env.units.push_back("t");
  }
  env.F.resize(spec.satellites, n);
  for (Index i = 0; i < env.F.size(); ++i) env.F.data()[i] = x(i % n) * unif(rng);
  env.F_Y = Matrix::Zero(spec.satellites, G);
  t.satellites.push_back(std::move(env));
  return t;
}

}  // namespace irio::bench
