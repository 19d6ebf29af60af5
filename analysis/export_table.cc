// SPDX-License-Identifier: MIT
// The export job (`irio export csv|xlsx`) and the table description of `irio info`.
#include <filesystem>
#include <system_error>

#include "irio/analysis/analysis.h"
#include "irio/analysis/table_jobs.h"
#include "irio/io/ceads_writer.h"
#include "irio/io/csv_reader.h"
#include "irio/io/import_csv.h"
#include "irio/io/table_store.h"
#include "irio/tables/error.h"

namespace irio {

std::string ExportRequest::validate() const {
  if (table.empty()) return "no table";
  if (output.empty()) return "no output";
  if (layout == ExportLayout::kCsv && (!sheet.empty() || !sector_names.empty()))
    return "a sheet and sector names apply to xlsx only";
  return {};
}

ExportResult export_table(const ExportRequest& r) {
  require_valid("export", r.validate());
  ExportResult res;
  if (r.layout == ExportLayout::kCsv) {
    res.table = io::read_table(r.table);
    io::WriteOptions opt;
    opt.overwrite = r.overwrite;
    opt.inputs = {r.table};
    res.files = io::export_csv(res.table, r.output, opt);
    return res;
  }
  std::error_code ec;
  if (std::filesystem::equivalent(r.table, r.output, ec))
    throw OutputError(r.output + ": the output would replace the input");
  res.table = io::read_table(r.table);
  const auto& t = res.table;
  io::CeadsWriteOptions o;
  o.sheet = r.sheet;
  o.overwrite = r.overwrite;
  if (!r.sector_names.empty()) {
    const auto csv = io::read_csv(r.sector_names);
    std::vector<std::string> names(t.labels.num_sectors());
    for (std::size_t row = 1; row < csv.rows.size(); ++row) {
      const int i = tables::Labels::find(t.labels.sectors, csv.cell(row, 0));
      if (i < 0) throw InputError(csv.where(row, 0) + ": sector '" + csv.cell(row, 0) + "' is not in " + r.table);
      names[static_cast<std::size_t>(i)] = csv.cell(row, 1);
    }
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i].empty()) throw InputError(r.sector_names + ": no name for sector '" + t.labels.sectors[i] + "'");
    o.sector_names = names;
  }
  io::write_ceads(t, r.output, o);
  res.files = {r.output};
  return res;
}

TableInfo table_info(const std::string& path) {
  const auto t = io::read_table(path);
  const auto& labels = t.labels;
  TableInfo info;
  info.path = path;
  info.meta = t.meta;
  info.regions = labels.num_regions();
  info.sectors = labels.num_sectors();
  info.n = static_cast<std::size_t>(t.n());
  info.countries = labels.num_countries();
  info.z_nonzeros = static_cast<long long>(t.Z.nonZeros());
  const double n2 = static_cast<double>(t.n()) * static_cast<double>(t.n());
  info.z_density = n2 > 0 ? static_cast<double>(t.Z.nonZeros()) / n2 : 0.0;
  info.sector_labels = labels.sectors;
  info.fd_categories = labels.fd_categories;
  info.va_components = t.va_components;
  info.gross_output = t.x.size() > 0         ? "supplied"
                      : t.exports.cols() > 0 ? "row sums Z 1 + Y 1 + exports 1"
                                             : "row sums Z 1 + Y 1";
  info.export_labels = t.export_labels;
  info.import_labels = t.import_labels;
  info.region_labels = labels.regions;
  bool own = labels.num_countries() == labels.num_regions();
  for (std::size_t r = 0; r < labels.num_regions() && own; ++r)
    own = labels.countries[static_cast<std::size_t>(labels.country_of_region[r])] == labels.regions[r];
  info.each_region_own_country = own;
  for (std::size_t c = 0; c < labels.num_countries(); ++c) {
    std::vector<std::string> regs;
    for (std::size_t r = 0; r < labels.num_regions(); ++r)
      if (labels.country_of_region[r] == static_cast<int>(c)) regs.push_back(labels.regions[r]);
    info.country_regions.emplace_back(labels.countries[c], std::move(regs));
  }
  info.sector_names = labels.sector_names;
  info.region_names = labels.region_names;
  info.fd_category_names = labels.fd_category_names;
  for (const auto& s : t.satellites)
    info.satellites.push_back(SatelliteInfo{s.name, s.stressors, s.units, s.F_Y.cols() > 0});
  return info;
}

}  // namespace irio
