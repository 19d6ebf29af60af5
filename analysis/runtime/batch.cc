// SPDX-License-Identifier: MIT
// Batch runs over tables or Monte Carlo draws, shared among the process group (batch.h).
#include "irio/analysis/runtime/batch.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <random>
#include <unordered_map>

#include "irio/analysis/runtime/process_group.h"
#include "irio/tables/error.h"

namespace irio {
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

 private:
  std::mt19937_64 rng_;
  double spare_ = 0;
  bool has_spare_ = false;
};

// --- the parts each rank sends to rank 0: a length-prefixed byte string -----------------------

class Writer {
 public:
  template <class T>
  void pod(const T& v) {
    buf_.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void str(const std::string& s) {
    pod<std::uint64_t>(s.size());
    buf_ += s;
  }
  template <class T>
  void array(const std::vector<T>& v) {
    pod<std::uint64_t>(v.size());
    buf_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  std::string& buffer() { return buf_; }

 private:
  std::string buf_;
};

class Reader {
 public:
  explicit Reader(const std::string& s) : s_(s) {}
  template <class T>
  T pod() {
    T v{};
    need(sizeof v);
    std::memcpy(&v, s_.data() + pos_, sizeof v);
    pos_ += sizeof v;
    return v;
  }
  std::string str() {
    const auto n = static_cast<std::size_t>(pod<std::uint64_t>());
    need(n);
    std::string out = s_.substr(pos_, n);
    pos_ += n;
    return out;
  }
  template <class T>
  std::vector<T> array() {
    const auto n = static_cast<std::size_t>(pod<std::uint64_t>());
    need(n * sizeof(T));
    std::vector<T> out(n);
    if (n > 0) std::memcpy(out.data(), s_.data() + pos_, n * sizeof(T));
    pos_ += n * sizeof(T);
    return out;
  }
  bool done() const { return pos_ == s_.size(); }

 private:
  void need(std::size_t n) const {
    if (pos_ + n > s_.size()) throw std::logic_error("batch: a process's results are truncated");
  }
  const std::string& s_;
  std::size_t pos_ = 0;
};

void put_table(Writer& w, const tables::TidyTable& t) {
  w.str(t.name());
  w.str(t.value_column());
  w.pod<std::uint64_t>(t.num_keys());
  for (std::size_t c = 0; c < t.num_keys(); ++c) {
    w.str(t.key_columns()[c]);
    w.pod<std::uint64_t>(t.levels(c).size());
    for (const auto& l : t.levels(c)) w.str(l);
    w.array(t.codes(c));
  }
  w.array(t.values());
}

tables::TidyTable get_table(Reader& r) {
  std::string name = r.str(), value = r.str();
  const auto k = static_cast<std::size_t>(r.pod<std::uint64_t>());
  std::vector<std::string> keys(k);
  std::vector<std::vector<std::string>> levels(k);
  std::vector<std::vector<std::int32_t>> codes(k);
  for (std::size_t c = 0; c < k; ++c) {
    keys[c] = r.str();
    levels[c].resize(static_cast<std::size_t>(r.pod<std::uint64_t>()));
    for (auto& l : levels[c]) l = r.str();
    codes[c] = r.array<std::int32_t>();
  }
  const auto values = r.array<double>();
  tables::TidyTable t(std::move(name), keys, std::move(value));
  for (std::size_t c = 0; c < k; ++c) t.set_levels(c, levels[c]);
  t.reserve(values.size());
  std::vector<std::int32_t> row(k);
  for (std::size_t i = 0; i < values.size(); ++i) {
    for (std::size_t c = 0; c < k; ++c) row[c] = codes[c][i];
    t.add_row_codes(row, values[i]);
  }
  return t;
}

/// Quantile of sorted finite values, type 7 (linear between order statistics).
double quantile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return std::nan("");
  const double h = p * static_cast<double>(sorted.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

std::string quantile_label(double p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "q%g", p);
  return buf;
}

/// Summary tables of `t` over the items in `over` (methods: docs/scale.md, "Summary"):
/// `<name>_summary`, keys statistic (mean, sd, min, max, q..) then t's keys without the item
/// column and without label columns (is_label_column: the coupling `band`, which names a value's
/// class and may change between draws), over the numeric values per key (NA left out; none: NA);
/// and, for each label column, `<name>_<column>s`: per key and label the share of the items whose
/// row has that label.
std::vector<tables::TidyTable> summary_tables(const tables::TidyTable& t, const std::vector<std::string>& over,
                                              const std::vector<double>& qs) {
  const std::size_t k = t.num_keys();
  std::vector<char> use(t.levels(0).size(), 0);
  for (const auto& item : over) {
    const auto it = std::find(t.levels(0).begin(), t.levels(0).end(), item);
    if (it != t.levels(0).end()) use[static_cast<std::size_t>(it - t.levels(0).begin())] = 1;
  }
  std::vector<std::size_t> keys, labels;  // the columns of the summary key, the label columns
  for (std::size_t c = 1; c < k; ++c) (is_label_column(t.key_columns()[c]) ? labels : keys).push_back(c);
  std::unordered_map<std::string, std::size_t> group_of;
  std::vector<std::size_t> first_row;
  std::vector<std::vector<double>> values;
  std::vector<std::vector<std::map<std::string, double>>> label_counts;  // group -> label column -> label -> items
  std::vector<double> items;                                             // group -> rows counted
  std::string key;
  for (std::size_t r = 0; r < t.num_rows(); ++r) {
    if (!use[static_cast<std::size_t>(t.code(0, r))]) continue;
    key.clear();
    for (std::size_t c : keys) {
      key += t.key(c, r);
      key += '\x1f';
    }
    auto [it, added] = group_of.emplace(key, first_row.size());
    if (added) {
      first_row.push_back(r);
      values.emplace_back();
      label_counts.emplace_back(labels.size());
      items.push_back(0);
    }
    const std::size_t g = it->second;
    if (!std::isnan(t.value(r))) values[g].push_back(t.value(r));
    for (std::size_t l = 0; l < labels.size(); ++l) label_counts[g][l][t.key(labels[l], r)] += 1;
    items[g] += 1;
  }
  std::vector<std::string> cols{"statistic"};
  for (std::size_t c : keys) cols.push_back(t.key_columns()[c]);
  tables::TidyTable out(t.name() + "_summary", cols, t.value_column());
  std::vector<std::string> stats{"mean", "sd", "min", "max"};
  for (double q : qs) stats.push_back(quantile_label(q));
  for (std::size_t s = 0; s < stats.size(); ++s) {
    for (std::size_t g = 0; g < first_row.size(); ++g) {
      auto& v = values[g];
      if (s == 0) std::sort(v.begin(), v.end());
      double x = std::nan("");
      if (!v.empty()) {
        double mean = 0;
        for (double y : v) mean += y;
        mean /= static_cast<double>(v.size());
        if (s == 0) x = mean;
        else if (s == 1) {
          double ss = 0;
          for (double y : v) ss += (y - mean) * (y - mean);
          x = v.size() > 1 ? std::sqrt(ss / static_cast<double>(v.size() - 1)) : std::nan("");
        } else if (s == 2) x = v.front();
        else if (s == 3) x = v.back();
        else x = quantile(v, qs[s - 4]);
      }
      std::vector<std::string> row{stats[s]};
      for (std::size_t c : keys) row.push_back(t.key(c, first_row[g]));
      out.add_row(row, x);
    }
  }
  std::vector<tables::TidyTable> result{std::move(out)};
  for (std::size_t l = 0; l < labels.size(); ++l) {
    std::vector<std::string> lc;
    for (std::size_t c : keys) lc.push_back(t.key_columns()[c]);
    lc.push_back(t.key_columns()[labels[l]]);
    tables::TidyTable shares(t.name() + "_" + t.key_columns()[labels[l]] + "s", lc, "share");
    for (std::size_t g = 0; g < first_row.size(); ++g)
      for (const auto& [label, count] : label_counts[g][l]) {
        std::vector<std::string> row;
        for (std::size_t c : keys) row.push_back(t.key(c, first_row[g]));
        row.push_back(label);
        shares.add_row(row, count / items[g]);
      }
    result.push_back(std::move(shares));
  }
  return result;
}

/// Run `work(i)` for the items i = rank, rank + P, ... of `labels`, gather on rank 0 and stack
/// with a leading `column`. An error on any rank is raised on rank 0 (same exit code), after the
/// gather, so that no rank waits for ever.
/// InputError when the results of `items` items of about `bytes` each would pass the request's
/// memory bound (BatchRequest::max_memory_gib; 0 = half of the machine's memory): rank 0 holds all
/// of them, and the tidy tables built from them take about three times their serialized size.
void check_memory_estimate(std::size_t bytes, std::size_t items, const BatchRequest& r) {
  double limit = r.max_memory_gib * 1024.0 * 1024.0 * 1024.0;
  if (limit <= 0) {
    const long pages = ::sysconf(_SC_PHYS_PAGES), page = ::sysconf(_SC_PAGE_SIZE);
    limit = pages > 0 && page > 0 ? 0.5 * static_cast<double>(pages) * static_cast<double>(page) : 8.0 * (1 << 30);
  }
  const double estimate = 3.0 * static_cast<double>(bytes) * static_cast<double>(items);
  if (estimate <= limit) return;
  auto gib = [](double b) {
    char s[32];
    std::snprintf(s, sizeof s, "%.1f GiB", b / (1024.0 * 1024.0 * 1024.0));
    return std::string(s);
  };
  throw InputError("the results of " + std::to_string(items) + " items would take about " + gib(estimate) +
                   " of memory (" + std::to_string(bytes) + " bytes per item), more than the limit of " + gib(limit) +
                   ": run fewer draws, or raise --max-memory (GiB)");
}

BatchResults run_items(const std::vector<std::string>& labels, const std::string& column, const BatchRequest& r,
                       const std::function<std::vector<tables::TidyTable>(std::size_t)>& work,
                       const std::vector<std::string>& summarised) {
  const auto P = static_cast<std::size_t>(parallel::size()), me = static_cast<std::size_t>(parallel::rank());
  Writer w;
  for (std::size_t i = me; i < labels.size(); i += P) {
    try {
      const auto res = work(i);
      Writer item;  // appended whole, so that a failure leaves no half-written item
      item.pod<char>('R');
      item.pod<std::uint64_t>(i);
      item.pod<std::uint64_t>(res.size());
      for (const auto& t : res) put_table(item, with_leading_key(t, column, labels[i]));
      if (i == me) check_memory_estimate(item.buffer().size(), labels.size(), r);  // before the other items
      w.buffer() += item.buffer();
    } catch (const std::exception& e) {  // reported by rank 0 after the gather: no rank is left waiting
      const auto* known = dynamic_cast<const Error*>(&e);
      w.pod<char>('E');
      w.pod<std::uint64_t>(i);
      w.pod<std::int32_t>(known ? known->exit_code() : 70);
      w.str(column + " " + labels[i] + ": " + e.what());
      break;
    }
  }
  const auto parts = parallel::gather_to_root(w.buffer());
  BatchResults out;
  out.items = labels;
  out.processes = static_cast<int>(P);
  if (!parallel::is_root()) return out;
  std::vector<std::vector<tables::TidyTable>> by_item(labels.size());
  std::size_t first_error = labels.size();
  std::int32_t error_code = 0;
  std::string error;
  for (const auto& part : parts) {
    Reader rd(part);
    while (!rd.done()) {
      const char tag = rd.pod<char>();
      const auto i = static_cast<std::size_t>(rd.pod<std::uint64_t>());
      if (tag == 'E') {
        const auto code = rd.pod<std::int32_t>();
        auto msg = rd.str();
        if (i < first_error) {
          first_error = i;
          error_code = code;
          error = std::move(msg);
        }
        continue;
      }
      const auto count = static_cast<std::size_t>(rd.pod<std::uint64_t>());
      for (std::size_t k = 0; k < count; ++k) by_item[i].push_back(get_table(rd));
    }
  }
  if (first_error < labels.size()) {  // raised again as the class of its exit code
    switch (error_code) {
      case 2: throw InputError(error);
      case 3: throw BalanceError(error);
      case 4: throw NumericalError(error);
      case 5: throw OutputError(error);
      default: throw Error(error, error_code);
    }
  }
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (i == 0) {
      out.tables = std::move(by_item[0]);
      continue;
    }
    if (by_item[i].size() != out.tables.size())
      throw InputError("batch: " + column + " " + labels[i] + " gave " + std::to_string(by_item[i].size()) +
                       " result tables, " + column + " " + labels[0] + " " + std::to_string(out.tables.size()));
    for (std::size_t k = 0; k < by_item[i].size(); ++k) {
      if (by_item[i][k].key_columns() != out.tables[k].key_columns())
        throw InputError("batch: " + column + " " + labels[i] + " gave table " + by_item[i][k].name() +
                         " with other key columns than " + column + " " + labels[0]);
      out.tables[k].append(by_item[i][k]);
    }
    by_item[i].clear();
  }
  if (r.summary) {
    std::vector<tables::TidyTable> with;
    for (auto& t : out.tables) {
      auto sums = summary_tables(t, summarised, r.quantiles);
      with.push_back(std::move(t));
      for (auto& s : sums) with.push_back(std::move(s));
    }
    out.tables = std::move(with);
  }
  return out;
}

}  // namespace

bool is_label_column(const std::string& column) { return column == "band"; }

std::vector<std::string> BatchRequest::table_names() const {
  std::vector<std::string> out;
  for (const auto& n : verb.table_names()) {
    out.push_back(n);
    if (!summary) continue;
    out.push_back(n + "_summary");
    if (n == "coupling") out.push_back("coupling_bands");  // the one verb table with a label column (band)
  }
  return out;
}

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
  return p;
}

tables::IoTable perturbed_table(const tables::IoTable& t, const std::vector<Perturbation>& ps, std::uint64_t seed,
                                std::int64_t draw) {
  tables::IoTable out = t;
  if (draw == 0) return out;
  Draws rng(seed, draw);
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
  // column residual, its components keep their shares; satellites keep their intensities.
  const tables::Vector x0 = t.output(), x = x0 + (out.row_total() - t.row_total());
  const tables::Vector va0 = t.value_added_residual();
  out.x = x;
  const tables::Vector va = out.value_added_residual();
  for (Eigen::Index j = 0; j < out.V.cols(); ++j)
    if (va0(j) != 0.0 && va(j) != va0(j)) out.V.col(j) *= va(j) / va0(j);
  for (auto& s : out.satellites)
    for (Eigen::Index j = 0; j < s.F.cols(); ++j)
      if (x0(j) != 0.0 && x(j) != x0(j)) s.F.col(j) *= x(j) / x0(j);
  return out;
}

std::string BatchRequest::validate() const {
  if (auto v = verb.validate(); !v.empty()) return v;
  if (draws < 0) return "the number of draws must be >= 0";
  if (draws > 0 && perturbations.empty()) return "draws need at least one perturbation (--perturb)";
  if (draws == 0 && !perturbations.empty()) return "perturbations need a number of draws (--draws)";
  for (const auto& p : perturbations)
    if (!(p.scale >= 0) || !std::isfinite(p.scale)) return "a perturbation's scale must be a number >= 0";
  for (double q : quantiles)
    if (!(q >= 0 && q <= 1)) return "quantiles must lie in [0, 1]";
  return {};
}

BatchResults batch_tables(const std::vector<std::string>& paths, const OpenOptions& opt, const BatchRequest& r) {
  require_valid("batch", r.validate());
  if (paths.empty()) throw InputError("batch: no tables given");
  for (std::size_t i = 0; i < paths.size(); ++i)
    for (std::size_t k = 0; k < i; ++k)
      if (paths[i] == paths[k]) throw InputError("batch: table '" + paths[i] + "' is listed twice");
  return run_items(
      paths, "table", r,
      [&](std::size_t i) {
        const Analysis a = Analysis::open(paths[i], opt);
        return panel_verb_results(a, r.verb);
      },
      paths);
}

BatchResults batch_draws(const Analysis& base, const BatchRequest& r) {
  require_valid("batch", r.validate());
  if (r.draws < 1) throw InputError("batch: give a number of draws >= 1");
  if (r.draws > r.max_draws)
    throw InputError("batch: " + std::to_string(r.draws) + " draws are more than --max-draws " +
                     std::to_string(r.max_draws) + " (each draw solves the verb once: about " +
                     std::to_string(r.draws) + " times the time of one run); raise --max-draws to run them");
  std::vector<std::string> labels, perturbed;
  for (std::int64_t d = 0; d <= r.draws; ++d) labels.push_back(std::to_string(d));
  perturbed.assign(labels.begin() + 1, labels.end());
  (void)base.groupings(r.verb.groups);  // fail before anything is solved
  return run_items(
      labels, "draw", r,
      [&](std::size_t i) {
        if (i == 0) return panel_verb_results(base, r.verb);
        OpenOptions opt = base.options();
        opt.countries.clear();  // already applied to the base table
        const Analysis a(perturbed_table(base.table(), r.perturbations, r.seed, static_cast<std::int64_t>(i)), opt,
                         base.source() + " draw " + std::to_string(i));
        return panel_verb_results(a, r.verb);
      },
      perturbed);
}

}  // namespace irio
