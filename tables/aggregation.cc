// SPDX-License-Identifier: MIT
// Table aggregation by concordance matrices and tidy-result aggregation rules (methods.md §6.1).
#include "irio/tables/aggregation.h"
#include "irio/tables/indicator_rules.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "irio/tables/error.h"

namespace irio::tables {

namespace {

/// Member index -> compact group index (only groups that have members among `labels`), and the
/// compact group labels in grouping order.
struct Compact {
  std::vector<int> of;  // per label
  std::vector<std::string> labels;
};

Compact compact(const Grouping& g, const std::vector<std::string>& labels, const std::string& what,
                const std::string& source) {
  Compact c;
  if (g.members().empty()) {
    c.labels = labels;
    c.of.resize(labels.size());
    for (std::size_t i = 0; i < labels.size(); ++i) c.of[i] = static_cast<int>(i);
    return c;
  }
  const std::vector<int> full = g.map(labels, what, source);
  std::vector<int> remap(g.num_groups(), -1);
  std::vector<int> used(g.num_groups(), 0);
  for (int f : full) used[static_cast<std::size_t>(f)] = 1;
  for (std::size_t k = 0; k < g.num_groups(); ++k)
    if (used[k]) {
      remap[k] = static_cast<int>(c.labels.size());
      c.labels.push_back(g.groups()[k]);
    }
  for (int f : full) c.of.push_back(remap[static_cast<std::size_t>(f)]);
  return c;
}

}  // namespace

IoTable aggregate(const IoTable& t, const Grouping& regions, const Grouping& sectors, const AggregationOptions& opt) {
  const std::string src = t.meta.name.empty() ? "table" : "table '" + t.meta.name + "'";
  t.validate_shapes(src);
  const auto& lb = t.labels;
  const Compact R = compact(regions, lb.regions, "region", src);
  const Compact S = compact(sectors, lb.sectors, "sector", src);
  const std::size_t G = lb.num_regions(), N = lb.num_sectors(), K = lb.fd_categories.size();
  const std::size_t G2 = R.labels.size(), N2 = S.labels.size(), n = G * N, n2 = G2 * N2;

  IoTable a;
  a.meta = t.meta;
  a.labels.regions = R.labels;
  a.labels.sectors = S.labels;
  a.labels.fd_categories = lb.fd_categories;
  a.labels.fd_category_names = lb.fd_category_names;
  // Display names survive only where the codes are left as they were.
  if (regions.members().empty()) a.labels.region_names = lb.region_names;
  if (sectors.members().empty()) a.labels.sector_names = lb.sector_names;
  // kappa': one country per group unless cross-country merges are allowed (methods.md §6.1).
  std::vector<std::set<int>> countries_of(G2);
  for (std::size_t r = 0; r < G; ++r) countries_of[static_cast<std::size_t>(R.of[r])].insert(lb.country_of_region[r]);
  for (std::size_t g = 0; g < G2; ++g) {
    std::string cname;
    for (int c : countries_of[g]) cname += (cname.empty() ? "" : "+") + lb.countries[static_cast<std::size_t>(c)];
    if (countries_of[g].size() > 1 && !opt.allow_cross_country)
      throw InputError(src + ": region group '" + R.labels[g] + "' of grouping '" + regions.name() +
                       "' merges regions of different countries (" + cname +
                       "); allow cross-country aggregation explicitly if this is intended");
    int idx = Labels::find(a.labels.countries, cname);
    if (idx < 0) {
      idx = static_cast<int>(a.labels.countries.size());
      a.labels.countries.push_back(cname);
    }
    a.labels.country_of_region.push_back(idx);
  }
  // Index maps: region-sector i -> i', final-demand column (r, k) -> (r', k).
  std::vector<Eigen::Index> row_map(n), fd_map(G * K);
  for (std::size_t r = 0; r < G; ++r) {
    for (std::size_t i = 0; i < N; ++i)
      row_map[r * N + i] =
          static_cast<Eigen::Index>(static_cast<std::size_t>(R.of[r]) * N2 + static_cast<std::size_t>(S.of[i]));
    for (std::size_t k = 0; k < K; ++k)
      fd_map[r * K + k] = static_cast<Eigen::Index>(static_cast<std::size_t>(R.of[r]) * K + k);
  }
  const auto nn2 = static_cast<Eigen::Index>(n2);
  // Z' = S Z S' by scattering the non-zeros (duplicates are summed by setFromTriplets).
  std::vector<Eigen::Triplet<double, std::ptrdiff_t>> trip;
  trip.reserve(static_cast<std::size_t>(t.Z.nonZeros()));
  for (Eigen::Index j = 0; j < t.Z.outerSize(); ++j)
    for (SparseMatrix::InnerIterator it(t.Z, j); it; ++it)
      trip.emplace_back(row_map[static_cast<std::size_t>(it.row())], row_map[static_cast<std::size_t>(j)], it.value());
  a.Z.resize(nn2, nn2);
  a.Z.setFromTriplets(trip.begin(), trip.end());
  // Row aggregation S M and column aggregation M S' of dense blocks.
  auto rows = [&](const Matrix& M) {
    Matrix out = Matrix::Zero(nn2, M.cols());
    for (Eigen::Index i = 0; i < M.rows(); ++i) out.row(row_map[static_cast<std::size_t>(i)]) += M.row(i);
    return out;
  };
  auto cols = [&](const Matrix& M, const std::vector<Eigen::Index>& map, Eigen::Index width) {
    Matrix out = Matrix::Zero(M.rows(), width);
    for (Eigen::Index j = 0; j < M.cols(); ++j) out.col(map[static_cast<std::size_t>(j)]) += M.col(j);
    return out;
  };
  const auto gk2 = static_cast<Eigen::Index>(G2 * K);
  a.Y = cols(rows(t.Y), fd_map, gk2);
  if (t.x.size()) a.x = rows(t.x);
  a.va_components = t.va_components;
  a.V = cols(t.V, row_map, nn2);
  a.export_labels = t.export_labels;
  if (t.exports.cols() > 0) a.exports = rows(t.exports);
  a.import_labels = t.import_labels;
  if (t.imports.rows() > 0) a.imports = cols(t.imports, row_map, nn2);
  for (const auto& s : t.satellites) {
    Satellite s2 = s;
    s2.F = cols(s.F, row_map, nn2);
    s2.F_Y = s.F_Y.cols() ? cols(s.F_Y, fd_map, gk2) : Matrix(s.F.rows(), 0);
    a.satellites.push_back(std::move(s2));
  }
  std::string what;
  if (!regions.members().empty())
    what += " regions by '" + regions.name() + "' (" + std::to_string(G) + " -> " + std::to_string(G2) + ")";
  if (!sectors.members().empty())
    what += " sectors by '" + sectors.name() + "' (" + std::to_string(N) + " -> " + std::to_string(N2) + ")";
  a.meta.history.push_back("aggregate" + what);
  a.validate_shapes(src + " (aggregated)");
  return a;
}

const char* to_string(AggregationRule r) { return enum_name(r); }

AggregationRule parse_aggregation_rule(const std::string& s) { return parse_enum<AggregationRule>(s); }

TidyTable aggregate_tidy(const TidyTable& t, const std::string& column, const Grouping& grouping, AggregationRule rule,
                         const TidyTable* other) {
  const auto& keys = t.key_columns();
  auto kc = std::find(keys.begin(), keys.end(), column);
  if (kc == keys.end()) throw InputError("result '" + t.name() + "' has no key column '" + column + "'");
  const auto col = static_cast<std::size_t>(kc - keys.begin());
  const std::vector<int> gmap = grouping.map(t.levels(col), column, "result '" + t.name() + "'");
  if (rule != AggregationRule::kSum && !other)
    throw InputError(std::string("aggregation rule '") + to_string(rule) + "' of result '" + t.name() + "' needs a " +
                     (rule == AggregationRule::kRatioOfSums ? "denominator" : "weight") + " table");

  // For ratio / weighted: the position in `other` of each of its key columns within `keys`, and
  // a lookup from the key strings to the other value.
  std::vector<std::size_t> other_pos;
  std::map<std::vector<std::string>, double> other_value;
  if (rule != AggregationRule::kSum) {
    for (const auto& k : other->key_columns()) {
      auto it = std::find(keys.begin(), keys.end(), k);
      if (it == keys.end())
        throw InputError("result '" + other->name() + "' has key column '" + k + "' that '" + t.name() + "' lacks");
      other_pos.push_back(static_cast<std::size_t>(it - keys.begin()));
    }
    if (rule == AggregationRule::kRatioOfSums && other->num_keys() != t.num_keys())
      throw InputError("denominator '" + other->name() + "' must have the same key columns as '" + t.name() + "'");
    for (std::size_t r = 0; r < other->num_rows(); ++r) {
      std::vector<std::string> k;
      for (std::size_t c = 0; c < other->num_keys(); ++c) k.push_back(other->key(c, r));
      other_value[k] += other->value(r);
    }
  }

  TidyTable out(t.name(), keys, rule == AggregationRule::kSum ? t.value_column() : "value");
  for (std::size_t c = 0; c < keys.size(); ++c)
    if (c != col) out.set_levels(c, t.levels(c));
  for (const auto& g : grouping.groups()) out.level(col, g);
  std::map<std::vector<std::int32_t>, std::pair<double, double>> acc;  // out codes -> (num, den)
  std::vector<std::vector<std::int32_t>> order;
  for (std::size_t r = 0; r < t.num_rows(); ++r) {
    std::vector<std::int32_t> codes(keys.size());
    for (std::size_t c = 0; c < keys.size(); ++c)
      codes[c] =
          c == col
              ? out.level(col,
                          grouping.groups()[static_cast<std::size_t>(gmap[static_cast<std::size_t>(t.code(col, r))])])
              : t.code(c, r);
    double num = t.value(r), den = 0.0;
    if (rule != AggregationRule::kSum) {
      std::vector<std::string> k;
      for (std::size_t p : other_pos) k.push_back(t.key(p, r));
      auto it = other_value.find(k);
      if (it == other_value.end()) {
        std::string desc;
        for (std::size_t p = 0; p < k.size(); ++p) desc += (p ? ", " : "") + other->key_columns()[p] + "=" + k[p];
        throw InputError("result '" + t.name() + "': no " +
                         (rule == AggregationRule::kRatioOfSums ? "denominator" : "weight") + " in '" + other->name() +
                         "' for " + desc);
      }
      if (rule == AggregationRule::kRatioOfSums) {
        den = it->second;
      } else if (it->second != 0.0) {  // a zero weight (e.g. a zero-output sector, NaN value) adds nothing
        num = it->second * t.value(r);
        den = it->second;
      } else {
        num = 0.0;
      }
    }
    auto [pos, inserted] = acc.emplace(codes, std::make_pair(0.0, 0.0));
    if (inserted) order.push_back(codes);
    pos->second.first += num;
    pos->second.second += den;
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  out.reserve(order.size());
  for (const auto& codes : order) {
    const auto& [num, den] = acc[codes];
    double v = num;
    if (rule == AggregationRule::kRatioOfSums) v = den > 0.0 ? num / den : nan;
    if (rule == AggregationRule::kWeightedAverage) v = ratio_or_nan(num, den);
    out.add_row_codes(codes, v);
  }
  return out;
}

std::string indicator_column(const TidyTable& t) {
  const auto& k = t.key_columns();
  for (const char* c : {"indicator", "account"})
    if (std::find(k.begin(), k.end(), c) != k.end()) return c;
  return {};
}

}  // namespace irio::tables
