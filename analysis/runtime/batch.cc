// SPDX-License-Identifier: MIT
// Batch runs over tables or Monte Carlo draws, shared among the process group (batch.h).
#include "irio/analysis/runtime/batch.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <exception>
#include <functional>
#include <map>
#include <ostream>
#include <random>
#include <unordered_map>

#include "irio/analysis/display_names.h"
#include "irio/analysis/runtime/process_group.h"
#include "irio/tables/error.h"

namespace irio {
namespace {

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

/// The summary tables of one verb table over the items, built as the items come (methods: docs/scale.md,
/// "Summary"): `<name>_summary`, keys statistic (mean, sd, min, max, q..) then the table's keys
/// without the item column and without label columns (is_label_column: the coupling `band`, which
/// names a value's class and may change between draws), over the numeric values per key (NA left
/// out; none: NA); and, for each label column, `<name>_<column>s`: per key and label the share of
/// the items whose row has that label. Keeps per key its key texts, its values and its label
/// counts: 8 bytes per value and item, not the items' tables.
class Summary {
 public:
  /// `first`: the first item's table, with its leading item column.
  explicit Summary(const tables::TidyTable& first)
      : name_(first.name()), value_column_(first.value_column()), columns_(first.key_columns()) {
    for (std::size_t c = 1; c < columns_.size(); ++c) (is_label_column(columns_[c]) ? labels_ : keys_).push_back(c);
  }
  /// The names of the label columns (one share table each).
  std::vector<std::string> label_columns() const {
    std::vector<std::string> out;
    for (std::size_t c : labels_) out.push_back(columns_[c]);
    return out;
  }
  /// The rows of one item.
  void add(const tables::TidyTable& t) {
    std::string key;
    for (std::size_t r = 0; r < t.num_rows(); ++r) {
      key.clear();
      for (std::size_t c : keys_) {
        key += t.key(c, r);
        key += '\x1f';
      }
      auto [it, added] = group_of_.emplace(key, keys_of_.size());
      if (added) {
        std::vector<std::string> k;
        for (std::size_t c : keys_) k.push_back(t.key(c, r));
        keys_of_.push_back(std::move(k));
        values_.emplace_back();
        label_counts_.emplace_back(labels_.size());
        items_.push_back(0);
      }
      const std::size_t g = it->second;
      if (!std::isnan(t.value(r))) values_[g].push_back(t.value(r));
      for (std::size_t l = 0; l < labels_.size(); ++l) label_counts_[g][l][t.key(labels_[l], r)] += 1;
      items_[g] += 1;
    }
  }
  /// The summary table, then one share table per label column.
  std::vector<tables::TidyTable> tables(const std::vector<double>& qs) {
    std::vector<std::string> cols{"statistic"};
    for (std::size_t c : keys_) cols.push_back(columns_[c]);
    tables::TidyTable out(name_ + "_summary", cols, value_column_);
    std::vector<std::string> stats{"mean", "sd", "min", "max"};
    for (double q : qs) stats.push_back(quantile_label(q));
    for (std::size_t s = 0; s < stats.size(); ++s) {
      for (std::size_t g = 0; g < keys_of_.size(); ++g) {
        auto& v = values_[g];
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
        row.insert(row.end(), keys_of_[g].begin(), keys_of_[g].end());
        out.add_row(row, x);
      }
    }
    std::vector<tables::TidyTable> result{std::move(out)};
    for (std::size_t l = 0; l < labels_.size(); ++l) {
      std::vector<std::string> lc;
      for (std::size_t c : keys_) lc.push_back(columns_[c]);
      lc.push_back(columns_[labels_[l]]);
      tables::TidyTable shares(name_ + "_" + columns_[labels_[l]] + "s", lc, "share");
      for (std::size_t g = 0; g < keys_of_.size(); ++g)
        for (const auto& [label, count] : label_counts_[g][l]) {
          std::vector<std::string> row = keys_of_[g];
          row.push_back(label);
          shares.add_row(row, count / items_[g]);
        }
      result.push_back(std::move(shares));
    }
    return result;
  }

 private:
  std::string name_, value_column_;
  std::vector<std::string> columns_;
  std::vector<std::size_t> keys_, labels_;  // the columns of the summary key, the label columns
  std::unordered_map<std::string, std::size_t> group_of_;
  std::vector<std::vector<std::string>> keys_of_;                         // group -> its key texts
  std::vector<std::vector<double>> values_;                               // group -> values over the items
  std::vector<std::vector<std::map<std::string, double>>> label_counts_;  // group -> label column -> label -> items
  std::vector<double> items_;                                             // group -> rows counted
};

/// The sink of a batch without one: the tables stacked in memory (BatchResults::tables).
class Stacker final : public BatchSink {
 public:
  void begin(const std::vector<std::string>& names) override {
    tables_.assign(names.size(), tables::TidyTable());
    started_.assign(names.size(), 0);
  }
  void rows(std::size_t slot, const tables::TidyTable& t) override {
    if (!started_[slot]) {
      tables_[slot] = t;
      started_[slot] = 1;
    } else {
      tables_[slot].append(t);
    }
  }
  bool holds_rows() const override { return true; }
  std::vector<tables::TidyTable> take() { return std::move(tables_); }

 private:
  std::vector<tables::TidyTable> tables_;
  std::vector<char> started_;
};

std::string gib(double bytes) {
  char s[32];
  std::snprintf(s, sizeof s, "%.1f GiB", bytes / (1024.0 * 1024.0 * 1024.0));
  return s;
}

/// Refuse (InputError) a batch whose rank 0 would hold more than --max-memory: `bytes` (one item's
/// results as sent) and `rows` (its rows) of the first item computed; `held`: items rank 0 holds
/// at once (every item when the panel is kept, else one round of P); the summary keeps 8 bytes
/// per row and summarised item.
void check_memory_estimate(std::size_t bytes, std::size_t rows, std::size_t items, std::size_t held,
                           const BatchRequest& r) {
  double limit = r.max_memory_gib * 1024.0 * 1024.0 * 1024.0;
  if (limit <= 0) {
    const long pages = ::sysconf(_SC_PHYS_PAGES), page = ::sysconf(_SC_PAGE_SIZE);
    limit = pages > 0 && page > 0 ? 0.5 * static_cast<double>(pages) * static_cast<double>(page) : 8.0 * (1 << 30);
  }
  const double tables = 3.0 * static_cast<double>(bytes) * static_cast<double>(held);
  const double summary = r.summary ? 8.0 * static_cast<double>(rows) * static_cast<double>(items) : 0.0;
  if (tables + summary <= limit) return;
  std::string what = std::to_string(held) + (held == 1 ? " item" : " items") + " of " + std::to_string(bytes) +
                     " bytes held at once";
  if (r.summary)
    what += ", and the summary's " + std::to_string(rows) + " values per item over " + std::to_string(items) + " items";
  throw InputError("the batch would take about " + gib(tables + summary) + " of memory on rank 0 (" + what +
                   "), more than the limit of " + gib(limit) + ": run fewer draws, or raise --max-memory (GiB)");
}

/// `t` without the display-name columns that finish_results adds (sector_name, region_name, ...):
/// the items of a batch may be tables with and without names, and their rows stack by codes.
tables::TidyTable codes_only(tables::TidyTable t) {
  std::vector<std::size_t> keep;
  for (std::size_t c = 0; c < t.num_keys(); ++c)
    if (!is_display_name_column(t.key_columns()[c])) keep.push_back(c);
  if (keep.size() == t.num_keys()) return t;
  std::vector<std::string> cols;
  for (std::size_t c : keep) cols.push_back(t.key_columns()[c]);
  tables::TidyTable out(t.name(), cols, t.value_column());
  for (std::size_t k = 0; k < keep.size(); ++k) out.set_levels(k, t.levels(keep[k]));
  out.reserve(t.num_rows());
  std::vector<std::int32_t> row(keep.size());
  for (std::size_t r = 0; r < t.num_rows(); ++r) {
    for (std::size_t k = 0; k < keep.size(); ++k) row[k] = t.code(keep[k], r);
    out.add_row_codes(row, t.value(r));
  }
  return out;
}

/// One item's result: the verb's finished tables, their file stems, what its model solved.
struct Item {
  VerbResult result;
  solver::SolveSummary solves;
};

/// Run the verb of `r` on `a` (its printed summary discarded), display-name columns dropped.
Item run_verb(const VerbBase::Call& call, const Analysis& a) {
  std::ostream discard(nullptr);
  Item out{call.run(a, discard), {}};
  for (auto& t : out.result.tables) t = codes_only(std::move(t));
  if (a.has_model()) out.solves = a.model().summary();
  return out;
}

[[noreturn]] void raise_as(std::int32_t code, const std::string& message) {
  switch (code) {  // raised again as the class of its exit code
    case 2: throw InputError(message);
    case 3: throw BalanceError(message);
    case 4: throw NumericalError(message);
    case 5: throw OutputError(message);
    default: throw Error(message, code);
  }
}

/// Run `work(i)` for the items of `labels` in rounds of P (round k: item k P + rank on each rank),
/// gather each round on rank 0 (in item order) and hand each item's tables, with a leading
/// `column`, to the sink (or stack them). An error on any rank is raised on rank 0 (same exit
/// code) after the round, every rank stopping there; the lowest item's error wins. `summarised`:
/// which items the summaries are over.
BatchResults run_items(const std::vector<std::string>& labels, const std::string& column, const BatchRequest& r,
                       const std::function<Item(std::size_t)>& work, const std::vector<char>& summarised,
                       BatchSink* sink) {
  const auto P = static_cast<std::size_t>(parallel::size()), me = static_cast<std::size_t>(parallel::rank());
  const std::size_t N = labels.size();
  Stacker stacker;
  BatchSink& out = sink ? *sink : stacker;
  const std::size_t held = out.holds_rows() ? N : std::min(P, N);
  BatchResults res;
  res.items = labels;
  res.processes = static_cast<int>(P);
  const std::size_t counted = column == "draw" && N > 1 ? 1 : 0;  // a draw, not the table itself
  res.counted_on = counted == 1 ? "draw 1" : "the first " + column;
  // Rank 0's state: the first item's tables (their key columns), the output slots, the summaries.
  std::vector<std::string> first_names;
  std::vector<std::vector<std::string>> first_keys;
  std::vector<std::size_t> slot_of;  // verb table k -> output slot
  std::vector<Summary> summaries;
  std::vector<std::vector<std::size_t>> summary_slots;  // verb table k -> the slots of its summaries
  std::int32_t error_code = 0;
  std::string error;
  std::exception_ptr failure;  // an error of rank 0's own (its sink), raised as it is
  auto take = [&](std::size_t i, std::vector<tables::TidyTable>& ts, const std::vector<std::string>& names) {
    if (i == 0) {
      std::vector<std::string> layout;
      for (std::size_t k = 0; k < ts.size(); ++k) {
        first_names.push_back(ts[k].name());
        first_keys.push_back(ts[k].key_columns());
        slot_of.push_back(layout.size());
        layout.push_back(k < names.size() ? names[k] : ts[k].name());
        summary_slots.emplace_back();
        if (!r.summary) continue;
        summaries.emplace_back(ts[k]);
        summary_slots.back().push_back(layout.size());
        layout.push_back(layout[slot_of.back()] + "_summary");
        for (const auto& l : summaries.back().label_columns()) {
          summary_slots.back().push_back(layout.size());
          layout.push_back(layout[slot_of.back()] + "_" + l + "s");
        }
      }
      out.begin(layout);
    } else {
      if (ts.size() != first_names.size())
        throw InputError("batch: " + column + " " + labels[i] + " gave " + std::to_string(ts.size()) +
                         " result tables, " + column + " " + labels[0] + " " + std::to_string(first_names.size()));
      for (std::size_t k = 0; k < ts.size(); ++k)
        if (ts[k].key_columns() != first_keys[k])
          throw InputError("batch: " + column + " " + labels[i] + " gave table " + ts[k].name() +
                           " with other key columns than " + column + " " + labels[0]);
    }
    for (std::size_t k = 0; k < ts.size(); ++k) {
      out.rows(slot_of[k], ts[k]);
      if (r.summary && summarised[i]) summaries[k].add(ts[k]);
    }
  };
  for (std::size_t first = 0; first < N; first += P) {
    Writer w;
    if (const std::size_t i = first + me; i < N) {
      try {
        const Item it = work(i);
        Writer item;
        item.pod<char>('R');
        item.pod<std::uint64_t>(i);
        item.pod<std::uint64_t>(it.result.tables.size());
        std::size_t rows = 0;
        for (const auto& t : it.result.tables) {
          put_table(item, with_leading_key(t, column, labels[i]));
          rows += t.num_rows();
        }
        for (std::size_t k = 0; k < it.result.tables.size(); ++k)
          item.str(k < it.result.names.size() ? it.result.names[k] : it.result.tables[k].name());
        item.pod<std::uint64_t>(it.solves.factorizations);
        item.pod<std::uint64_t>(it.solves.global_rhs);
        item.pod<std::uint64_t>(it.solves.local_rhs);
        item.pod<std::uint64_t>(it.solves.preconditioned_rhs);
        item.pod<std::uint64_t>(it.solves.preconditioned_iterations);
        if (first == 0) check_memory_estimate(item.buffer().size(), rows, N, held, r);  // before the other items
        w.buffer() += item.buffer();
      } catch (const std::exception& e) {  // reported by rank 0 after the gather: no rank is left waiting
        const auto* known = dynamic_cast<const Error*>(&e);
        w.buffer().clear();
        w.pod<char>('E');
        w.pod<std::uint64_t>(i);
        w.pod<std::int32_t>(known ? known->exit_code() : 70);
        w.str(column + " " + labels[i] + ": " + e.what());
      }
    }
    const auto parts = parallel::gather_to_root(w.buffer());
    int stop = 0;
    if (parallel::is_root()) {
      try {
        for (const auto& part : parts) {  // in rank order: item order
          if (part.empty()) continue;
          Reader rd(part);
          const char tag = rd.pod<char>();
          const auto i = static_cast<std::size_t>(rd.pod<std::uint64_t>());
          if (tag == 'E') {
            error_code = rd.pod<std::int32_t>();
            error = rd.str();
            stop = std::max(1, static_cast<int>(error_code));
            break;
          }
          const auto count = static_cast<std::size_t>(rd.pod<std::uint64_t>());
          std::vector<tables::TidyTable> ts;
          for (std::size_t k = 0; k < count; ++k) ts.push_back(get_table(rd));
          std::vector<std::string> names(count);
          for (auto& n : names) n = rd.str();
          const auto f = rd.pod<std::uint64_t>(), g = rd.pod<std::uint64_t>(), l = rd.pod<std::uint64_t>();
          const auto pr = rd.pod<std::uint64_t>(), bs = rd.pod<std::uint64_t>();
          if (i == counted) {
            res.factorizations = f;
            res.global_rhs = g;
            res.local_rhs = l;
            res.preconditioned_rhs = pr;
            res.base_solves = bs;
          }
          take(i, ts, names);
        }
      } catch (...) {
        failure = std::current_exception();
        stop = 70;
      }
    }
    if (parallel::max_over_ranks(stop) != 0) break;
  }
  if (!parallel::is_root()) return res;
  if (failure) std::rethrow_exception(failure);
  if (!error.empty()) raise_as(error_code, error);
  for (std::size_t k = 0; k < summaries.size(); ++k) {
    auto sums = summaries[k].tables(r.quantiles);
    for (std::size_t s = 0; s < sums.size(); ++s) out.rows(summary_slots[k][s], sums[s]);
  }
  if (!sink) res.tables = stacker.take();
  return res;
}

}  // namespace

std::string BatchResults::solves_per_item() const {
  const std::size_t solves = global_rhs + local_rhs;
  auto count = [](std::size_t n, const char* one, const char* many) {
    return (n == 1 ? std::string("one ") + one : std::to_string(n) + " " + many);
  };
  std::string out = count(factorizations, "factorisation", "factorisations") +
                    " (of I - A, or of its blocks I - A_R, I - A_C) and " + count(solves, "solve", "solves") + " (" +
                    std::to_string(global_rhs) + " with L or L', " + std::to_string(local_rhs) + " with L_R or L_C)";
  if (preconditioned_rhs > 0)
    out += "; " + std::to_string(preconditioned_rhs) + " of them by the iteration preconditioned by the base " +
           "table's factorisation, in " + std::to_string(base_solves) + " solves with it";
  return out;
}

bool is_label_column(const std::string& column) { return column == "band"; }

std::vector<std::string> BatchRequest::table_names() const {
  std::vector<std::string> out;
  for (const auto& n : call()->table_names()) {
    out.push_back(n);
    if (!summary) continue;
    out.push_back(n + "_summary");
    if (n == "coupling") out.push_back("coupling_bands");  // the one verb table with a label column (band)
  }
  return out;
}

std::vector<std::pair<std::string, OptionValue>> parse_settings(const std::string& verb_name,
                                                                const std::vector<std::string>& settings) {
  const VerbBase& v = irio::verb(verb_name);
  std::vector<std::pair<std::string, OptionValue>> out;
  for (const auto& s : settings) {
    const auto eq = s.find('=');
    if (eq == std::string::npos || eq == 0)
      throw InputError("batch: --set '" + s + "': expected OPTION=VALUE, e.g. --set indicator=output");
    std::string name = s.substr(0, eq);
    const std::string value = s.substr(eq + 1);
    for (auto& c : name)
      if (c == '-') c = '_';
    const OptionSpec& o = v.option(name);  // InputError naming it and listing the options
    auto bad = [&](const std::string& why) {
      throw InputError("batch: --set " + s + ": " + v.name() + "'s option '" + name + "' " + why);
    };
    switch (o.kind) {
      case OptionKind::kFlag: {
        std::string low = value;
        for (auto& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (low == "true" || low == "1" || low == "yes" || low == "on") out.emplace_back(name, true);
        else if (low == "false" || low == "0" || low == "no" || low == "off") out.emplace_back(name, false);
        else bad("is a flag: give true or false");
        break;
      }
      case OptionKind::kNumber: {
        char* end = nullptr;
        const double x = std::strtod(value.c_str(), &end);
        if (value.empty() || *end != '\0' || !std::isfinite(x)) bad("expects a number (" + o.range_text() + ")");
        out.emplace_back(name, x);
        break;
      }
      case OptionKind::kWhole: {
        char* end = nullptr;
        errno = 0;
        const long long x = std::strtoll(value.c_str(), &end, 10);
        if (value.empty() || *end != '\0' || errno == ERANGE) bad("expects a whole number (" + o.range_text() + ")");
        out.emplace_back(name, x);
        break;
      }
      case OptionKind::kTexts:
      case OptionKind::kGroupings: {
        std::vector<std::string> parts;
        if (o.delimiter == 0) parts.push_back(value);
        else {
          std::size_t a = 0;
          for (std::size_t b; (b = value.find(o.delimiter, a)) != std::string::npos; a = b + 1)
            parts.push_back(value.substr(a, b - a));
          parts.push_back(value.substr(a));
        }
        auto it = std::find_if(out.begin(), out.end(), [&](const auto& p) { return p.first == name; });
        if (it == out.end()) out.emplace_back(name, parts);
        else {
          auto& list = std::get<std::vector<std::string>>(it->second);
          list.insert(list.end(), parts.begin(), parts.end());
        }
        break;
      }
      default: out.emplace_back(name, value);
    }
  }
  return out;
}

std::unique_ptr<VerbBase::Call> BatchRequest::call() const {
  auto c = irio::verb(verb).call();  // InputError listing the verbs
  for (const auto& [name, value] : options) c->set(name, value);
  return c;
}

tables::IoTable read_sd_table(const std::string& path, const tables::IoTable& t, const OpenOptions& opt) {
  OpenOptions o = opt;
  o.countries.clear();  // labels only: the country map is the table's
  tables::IoTable sd = read_any_table(path, o);
  check_sd_table(sd, t, "'" + path + "'");
  return sd;
}

std::string BatchRequest::validate() const {
  std::unique_ptr<VerbBase::Call> c;
  try {
    c = call();
  } catch (const InputError& e) {
    return e.what();
  }
  if (auto v = c->validate(); !v.empty()) return verb + ": " + v;
  if (draws < 0) return "the number of draws must be >= 0";
  if (draws > 0 && perturbations.empty() && !sd)
    return "draws need at least one perturbation (--perturb) or standard deviations (--sd)";
  if (draws == 0 && (!perturbations.empty() || sd))
    return std::string(sd ? "standard deviations (--sd)" : "perturbations") + " need a number of draws (--draws)";
  for (const auto& p : perturbations)
    if (!(p.scale >= 0) || !std::isfinite(p.scale)) return "a perturbation's scale must be a number >= 0";
  for (double q : quantiles)
    if (!(q >= 0 && q <= 1)) return "quantiles must lie in [0, 1]";
  return {};
}

BatchResults batch_tables(const std::vector<std::string>& paths, const OpenOptions& opt, const BatchRequest& r,
                          BatchSink* sink) {
  require_valid("batch", r.validate());
  if (paths.empty()) throw InputError("batch: no tables given");
  for (std::size_t i = 0; i < paths.size(); ++i)
    for (std::size_t k = 0; k < i; ++k)
      if (paths[i] == paths[k]) throw InputError("batch: table '" + paths[i] + "' is listed twice");
  const auto call = r.call();
  return run_items(
      paths, "table", r,
      [&](std::size_t i) {
        const Analysis a = Analysis::open(paths[i], opt);
        return run_verb(*call, a);
      },
      std::vector<char>(paths.size(), 1), sink);
}

BatchResults batch_draws(const Analysis& base, const BatchRequest& r, BatchSink* sink) {
  require_valid("batch", r.validate());
  if (r.draws < 1) throw InputError("batch: give a number of draws >= 1");
  if (r.draws > r.max_draws)
    throw InputError("batch: " + std::to_string(r.draws) + " draws are more than --max-draws " +
                     std::to_string(r.max_draws) + " (each draw solves the verb once: about " +
                     std::to_string(r.draws) + " times the time of one run); raise --max-draws to run them");
  if (r.sd) check_sd_table(*r.sd, base.table(), "given");
  std::vector<std::string> labels;
  for (std::int64_t d = 0; d <= r.draws; ++d) labels.push_back(std::to_string(d));
  std::vector<char> summarised(labels.size(), 1);
  summarised[0] = 0;  // draw 0, the table itself, is not a draw of the law
  const auto call = r.call();
  return run_items(
      labels, "draw", r,
      [&](std::size_t i) {
        if (i == 0) return run_verb(*call, base);
        OpenOptions opt = base.options();
        opt.countries.clear();  // already applied to the base table
        if (r.reuse_factorization) opt.model.precondition_with = &base.model();
        const Analysis a(
            drawn_table(base.table(), r.sd.get(), r.sd_law, r.perturbations, r.seed, static_cast<std::int64_t>(i)), opt,
            base.source() + " draw " + std::to_string(i));
        return run_verb(*call, a);
      },
      summarised, sink);
}

}  // namespace irio
