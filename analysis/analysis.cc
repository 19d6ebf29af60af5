// SPDX-License-Identifier: MIT
// irio::Analysis: open -> validate -> model, each step once (analysis.h).
#include "irio/analysis/analysis.h"

#include <cmath>

#include "irio/io/import_csv.h"
#include "irio/tables/error.h"

namespace irio {

void require_valid(const std::string& what, const std::string& reason) {
  if (!reason.empty()) throw InputError(what + ": " + reason);
}

std::string OpenOptions::validate() const {
  if (auto e = model.validate(); !e.empty()) return "model options: " + e;
  if (auto e = balance.validate(); !e.empty()) return "balance options: " + e;
  if (format == TableFormat::kWiod && wiod_year.empty())
    return "a WIOD release folder (--format wiod) needs the year of its files wiot_YYYY_*: import it first "
           "(irio import wiod DIR --year YYYY -o t.h5), or give the years to sda and panel (--years)";
  return {};
}

Analysis Analysis::open(const std::string& path, const OpenOptions& opt) {
  return Analysis(
      read_any_table(path, opt),
      [&] {
        OpenOptions o = opt;
        o.countries.clear();  // applied by read_any_table
        return o;
      }(),
      path);
}

Analysis::Analysis(tables::IoTable table, const OpenOptions& opt, std::string source)
    : table_(std::make_unique<tables::IoTable>(std::move(table))), source_(std::move(source)), opt_(opt) {
  require_valid("open options", opt_.validate());
  if (!opt_.countries.empty()) io::read_country_map(opt_.countries, table_->labels);
}

Analysis::~Analysis() = default;
Analysis::Analysis(Analysis&&) noexcept = default;
Analysis& Analysis::operator=(Analysis&&) noexcept = default;

const tables::IoTable& Analysis::table() const { return *table_; }

const tables::BalanceReport& Analysis::validate() const {
  if (!balance_) balance_ = std::make_unique<tables::BalanceReport>(tables::check_balance(*table_, opt_.balance));
  return *balance_;
}

void Analysis::set_model_options(const solver::ModelOptions& opt) {
  if (model_) throw InputError(source_ + ": the model is built already; set its options before the first result");
  require_valid("model options", opt.validate());
  opt_.model = opt;
}

const solver::LeontiefModel& Analysis::model() const {
  if (model_) return *model_;
  const auto& rep = validate();
  if (rep.status == tables::Severity::kError)
    throw BalanceError(source_ + ": the table fails the balance check: " + rep.messages(tables::Severity::kError));
  model_ = std::make_unique<solver::LeontiefModel>(*table_, opt_.model);
  ++models_built_;
  return *model_;
}

void require_finite(const std::vector<tables::TidyTable>& results) {
  for (const auto& t : results)
    for (std::size_t r = 0; r < t.num_rows(); ++r)
      if (std::isinf(t.value(r))) {
        std::string keys;
        for (std::size_t c = 0; c < t.num_keys(); ++c) keys += (c ? ", " : "") + t.key_columns()[c] + "=" + t.key(c, r);
        throw NumericalError("result '" + t.name() + "' has an infinite value at " + keys +
                             " (an overflow: are the inputs' magnitudes plausible?); nothing was written");
      }
}

std::vector<tables::Grouping> Analysis::groupings(const std::vector<std::string>& specs,
                                                  const std::string& other_group) const {
  return load_groupings(specs, *table_, source_, other_group);
}

}  // namespace irio
