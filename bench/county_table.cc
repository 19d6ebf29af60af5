// SPDX-License-Identifier: MIT
// Seeded county-table generator (see county_table.h).
#include "bench/county_table.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <stdexcept>
#include <string>

namespace irio::bench {

tables::IoTable make_county_table(const CountySpec& spec) {
  using tables::Matrix;
  using tables::Vector;
  using Index = Eigen::Index;
  if (spec.counties < 1 || spec.sectors < 1 || spec.own_inputs < 1 || spec.own_inputs > spec.sectors ||
      spec.neighbour_inputs < 0 || spec.neighbour_inputs > spec.sectors || spec.hub_inputs < 0 ||
      spec.hub_inputs > spec.sectors || spec.hubs < 0 || spec.hubs > spec.counties || spec.provinces < 0 ||
      spec.provinces > spec.counties || !(spec.domestic_share > 0 && spec.domestic_share <= 1))
    throw std::invalid_argument("county table: a parameter is out of range (see bench/county_table.h)");
  const Index G = spec.counties, N = spec.sectors, n = G * N;
  std::mt19937_64 rng(spec.seed);
  std::uniform_real_distribution<double> unif(0.0, 1.0);

  tables::IoTable t;
  t.meta.name = "synthetic counties " + std::to_string(G) + "x" + std::to_string(N) + " seed " +
                std::to_string(spec.seed);
  t.meta.unit = "synthetic";
  t.meta.year = "2020";
  char buf[32];
  for (Index r = 0; r < G; ++r) {
    std::snprintf(buf, sizeof buf, "C%05lld", static_cast<long long>(r));
    t.labels.regions.push_back(buf);
  }
  for (Index i = 0; i < N; ++i) {
    std::snprintf(buf, sizeof buf, "S%02lld", static_cast<long long>(i));
    t.labels.sectors.push_back(buf);
  }
  if (spec.provinces > 0) {
    for (int p = 0; p < spec.provinces; ++p) t.labels.countries.push_back("P" + std::to_string(p));
    for (Index r = 0; r < G; ++r) t.labels.country_of_region.push_back(static_cast<int>(r * spec.provinces / G));
  } else {
    t.labels.set_each_region_own_country();
  }
  t.labels.fd_categories = {"final"};

  // Grid of counties (row-major, width w) and hubs spread evenly.
  const Index w = std::max<Index>(1, static_cast<Index>(std::ceil(std::sqrt(static_cast<double>(G)))));
  auto neighbours = [&](Index c) {
    std::vector<Index> out;
    const Index row = c / w, col = c % w;
    if (col > 0) out.push_back(c - 1);
    if (col + 1 < w && c + 1 < G) out.push_back(c + 1);
    if (row > 0) out.push_back(c - w);
    if (c + w < G) out.push_back(c + w);
    return out;
  };
  std::vector<Index> hubs;
  for (int h = 0; h < spec.hubs; ++h) hubs.push_back(static_cast<Index>(h) * G / spec.hubs + G / (2 * spec.hubs));
  std::vector<char> is_hub(static_cast<std::size_t>(G), 0);
  for (Index h : hubs) is_hub[static_cast<std::size_t>(h)] = 1;

  Vector x(n);
  for (Index i = 0; i < n; ++i)
    x(i) = (100.0 + 900.0 * unif(rng)) * (is_hub[static_cast<std::size_t>(i / N)] ? 20.0 : 1.0);

  // `k` distinct sectors of 0..N-1, `first` among them when >= 0.
  std::vector<Index> pool(static_cast<std::size_t>(N));
  auto pick = [&](int k, Index first, std::vector<Index>& out) {
    out.clear();
    for (Index i = 0; i < N; ++i) pool[static_cast<std::size_t>(i)] = i;
    Index m = N;
    if (first >= 0) {
      out.push_back(first);
      std::swap(pool[static_cast<std::size_t>(first)], pool[static_cast<std::size_t>(N - 1)]);
      --m;
    }
    while (static_cast<int>(out.size()) < k && m > 0) {
      const Index p = static_cast<Index>(unif(rng) * static_cast<double>(m)) % m;
      out.push_back(pool[static_cast<std::size_t>(p)]);
      std::swap(pool[static_cast<std::size_t>(p)], pool[static_cast<std::size_t>(m - 1)]);
      --m;
    }
    std::sort(out.begin(), out.end());
  };

  const std::size_t per_col =
      static_cast<std::size_t>(spec.own_inputs + 4 * spec.neighbour_inputs + spec.hubs * spec.hub_inputs);
  t.Z.resize(n, n);
  t.Z.reserve(static_cast<Index>(static_cast<std::size_t>(n) * per_col));
  Vector rowsum = Vector::Zero(n);
  std::vector<std::pair<Index, double>> col;  // (row, raw weight), sorted by row before insertion
  std::vector<Index> sel, partners;
  for (Index j = 0; j < n; ++j) {
    const Index c = j / N;
    col.clear();
    double dom = 0, trade = 0;
    pick(spec.own_inputs, j % N, sel);
    for (Index i : sel) {
      const double a = 0.1 + unif(rng);
      col.emplace_back(c * N + i, a);
      dom += a;
    }
    partners = neighbours(c);
    const std::size_t n_neighbours = partners.size();
    for (Index h : hubs)
      if (h != c && std::find(partners.begin(), partners.end(), h) == partners.end()) partners.push_back(h);
    for (std::size_t p = 0; p < partners.size(); ++p) {
      pick(p < n_neighbours ? spec.neighbour_inputs : spec.hub_inputs, -1, sel);
      for (Index i : sel) {
        const double a = 0.1 + unif(rng);
        col.emplace_back(partners[p] * N + i, a);
        trade += a;
      }
    }
    std::sort(col.begin(), col.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    const double total = 0.3 + 0.3 * unif(rng);
    const double fdom = total * (trade > 0 ? spec.domestic_share : 1.0) / dom;
    const double ftrade = trade > 0 ? total * (1.0 - spec.domestic_share) / trade : 0.0;
    t.Z.startVec(j);
    for (const auto& [i, a] : col) {
      const double z = a * ((i / N) == c ? fdom : ftrade) * x(j);
      t.Z.insertBack(i, j) = z;
      rowsum(i) += z;
    }
  }
  t.Z.finalize();

  // Raise output where industry buys more than 70 % of it: Z stays, column sums of A only fall.
  for (Index i = 0; i < n; ++i) x(i) = std::max(x(i), rowsum(i) / 0.7);
  t.Y = Matrix::Zero(n, G);
  for (Index i = 0; i < n; ++i) {
    const double y = x(i) - rowsum(i);
    const Index home = i / N;
    const auto nb = neighbours(home);
    t.Y(i, home) = nb.empty() ? y : 0.7 * y;
    if (!nb.empty())
      t.Y(i, nb[static_cast<std::size_t>(unif(rng) * static_cast<double>(nb.size())) % nb.size()]) += 0.3 * y;
  }
  t.x = x;
  t.va_components = {"value_added"};
  const Vector colsum = t.Z.transpose() * Vector::Ones(n);
  t.V = (x - colsum).transpose();

  tables::Satellite env;
  env.name = "env";
  env.stressors = {"co2"};
  env.units = {"t"};
  env.F.resize(1, n);
  for (Index i = 0; i < n; ++i) env.F(0, i) = x(i) * (0.1 + 1.9 * unif(rng));
  env.F_Y = Matrix::Zero(1, G);
  t.satellites.push_back(std::move(env));
  return t;
}

}  // namespace irio::bench
