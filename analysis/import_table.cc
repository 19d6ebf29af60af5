// SPDX-License-Identifier: MIT
// The import jobs (`irio import ...`): read a table in another layout, set its metadata, write
// irio's HDF5 file and check the balance of what was written.
#include <filesystem>
#include <sstream>
#include <system_error>

#include "irio/analysis/analysis.h"
#include "irio/analysis/table_jobs.h"
#include "irio/io/ceads_reader.h"
#include "irio/io/import_adb.h"
#include "irio/io/import_csv.h"
#include "irio/io/import_eora.h"
#include "irio/io/import_exiobase.h"
#include "irio/io/import_figaro.h"
#include "irio/io/import_gloria.h"
#include "irio/io/import_oecd.h"
#include "irio/io/import_pymrio.h"
#include "irio/io/import_wiod.h"
#include "irio/io/import_wiod2016.h"
#include "irio/io/nbs_reader.h"
#include "irio/io/table_store.h"
#include "irio/tables/error.h"

namespace irio {
namespace {

/// OutputError when `output` is the file `input` (checked before the writer's own checks, with
/// the message the command has always given).
void refuse_replacing_input(const std::string& input, const std::string& output) {
  std::error_code ec;
  if (std::filesystem::equivalent(input, output, ec))
    throw OutputError(output + ": the output would replace the input");
}

void write(const tables::IoTable& t, const std::string& output, bool overwrite, std::vector<std::string> inputs) {
  io::WriteOptions opt;
  opt.overwrite = overwrite;
  opt.inputs = std::move(inputs);
  io::write_table(t, output, opt);
}

}  // namespace

void TableMetadata::apply(tables::IoTable& t) const {
  if (!name.empty()) t.meta.name = name;
  if (!year.empty()) t.meta.year = year;
  if (!unit.empty()) t.meta.unit = unit;
  if (!price_basis.empty()) t.meta.price_basis = price_basis;
  if (!source.empty()) t.meta.source = source;
}

/// How much of each region's output an ERR-type column holds (docs/provincial.md, "ERR"): it is
/// exogenous final demand of its own, neither domestic nor exports abroad.
static void note_other_final_demand(const tables::IoTable& t, std::vector<std::string>& notes) {
  if (!t.has_other_final_demand()) return;
  std::string cols;
  for (const auto& l : t.export_labels)
    if (tables::is_other_final_demand(l)) cols += (cols.empty() ? "" : ", ") + l;
  const Vector o = t.other_final_demand(), x = t.output();
  const auto N = static_cast<Eigen::Index>(t.labels.num_sectors());
  std::ostringstream os;
  os.setf(std::ios::fixed);
  os.precision(2);
  os << "column " << cols << " is exogenous final demand of its own, neither domestic nor exports abroad "
     << "(not in RT_GVC, exports abroad or D_abroad; term OTHER_FD). Share of each region's output it holds, %:";
  const double total = x.sum();
  for (std::size_t r = 0; r < t.labels.num_regions(); ++r) {
    const auto seg = static_cast<Eigen::Index>(r) * N;
    const double xr = x.segment(seg, N).sum(), orr = o.segment(seg, N).sum();
    os << (r == 0 ? " " : ", ") << t.labels.regions[r] << " " << (xr != 0 ? 100.0 * orr / xr : 0.0);
  }
  os << "; all regions " << (total != 0 ? 100.0 * o.sum() / total : 0.0);
  notes.push_back(os.str());
}

std::string ImportRequest::validate() const {
  if (output.empty()) return "no output file";
  if (layout == ImportLayout::kCsv) {
    if (csv.Z.empty() || csv.Y.empty()) return "csv needs the Z and Y files";
  } else if (dir.empty()) {
    return std::string(enum_name(layout)) + " needs the folder";
  }
  return {};
}

ImportResult import_table(const ImportRequest& r) {
  require_valid("import", r.validate());
  ImportResult res;
  std::vector<std::string> inputs;
  // A world reader's result (table and notes), with the country map applied; its input (a file,
  // zip or folder) is never replaced.
  auto take_world = [&](auto&& w) {
    res.table = std::move(w.table);
    res.notes = std::move(w.notes);
    if (!r.countries.empty()) io::read_country_map(r.countries, res.table.labels);
    refuse_replacing_input(r.dir, r.output);
    inputs = {r.dir, r.countries};
  };
  switch (r.layout) {
    case ImportLayout::kCsv: {
      io::CsvImportOptions in = r.csv;
      in.countries = r.countries;
      res.table = io::import_csv(in);
      if (r.countries.empty() && res.table.labels.num_countries() == 1 && res.table.labels.num_regions() > 1)
        res.notes.push_back("no --countries: the table has exports/imports (an exogenous rest of the world), so its " +
                            std::to_string(res.table.labels.num_regions()) +
                            " regions are taken as provinces of one country '" + io::kOneCountryName +
                            "'; give --countries FILE (region,country) to map them otherwise");
      inputs = {in.Z, in.Y, in.V, in.x, in.exports, in.imports, in.countries};
      for (const auto& s : in.satellites) inputs.push_back(s.second);
      break;
    }
    case ImportLayout::kPymrio:
      res.table = io::import_pymrio(r.dir);
      if (!r.countries.empty()) io::read_country_map(r.countries, res.table.labels);
      inputs = {r.countries};
      break;
    case ImportLayout::kWiod: {
      io::WiodImportOptions o;
      o.year = r.wiod_year;
      o.group_eu = r.group_eu;
      o.countries = r.countries;
      res.table = io::import_wiod(r.dir, o);
      inputs = {r.countries};
      break;
    }
    // --- world tables, issue 17 §1 (docs/world-tables.md): the reader's notes become res.notes
    case ImportLayout::kOecd: {
      io::OecdImportOptions o;
      o.year = r.world_year;
      o.release = r.oecd_release;
      o.keep_splits = r.keep_splits;
      take_world(io::import_oecd(r.dir, o));
      break;
    }
    case ImportLayout::kEora26: {
      io::EoraImportOptions o;
      o.year = r.world_year;
      o.price = r.eora_price;
      take_world(io::import_eora26(r.dir, o));
      break;
    }
    case ImportLayout::kFigaro: {
      io::FigaroImportOptions o;
      o.year = r.world_year;
      take_world(io::import_figaro(r.dir, o));
      break;
    }
    case ImportLayout::kWiod2016: {
      io::Wiod2016ImportOptions o;
      o.year = r.world_year;
      o.sheet = r.sheet;
      take_world(io::import_wiod2016(r.dir, o));
      break;
    }
    case ImportLayout::kAdb: {
      io::AdbImportOptions o;
      o.year = r.world_year;
      o.sheet = r.sheet;
      take_world(io::import_adb(r.dir, o));
      break;
    }
    case ImportLayout::kExiobase: take_world(io::import_exiobase(r.dir, r.world_year)); break;
    case ImportLayout::kGloria: {
      io::GloriaOptions o;
      o.year = r.world_year;
      if (!r.gloria_construct.empty()) o.construct = parse_enum<io::GloriaConstruct>(r.gloria_construct);
      take_world(io::import_gloria(r.dir, o));
      break;
    }
      // --- end of world tables
  }
  r.meta.apply(res.table);
  note_other_final_demand(res.table, res.notes);
  write(res.table, r.output, r.overwrite, inputs);
  res.balance = tables::check_balance(res.table);
  res.output = r.output;
  return res;
}

std::string CeadsImportRequest::validate() const {
  if (input.empty()) return "no workbook";
  if (output.empty()) return "no output file";
  return {};
}

ImportResult import_ceads(const CeadsImportRequest& r) {
  require_valid("import ceads", r.validate());
  auto ceads = io::read_ceads(r.input, r.options);
  if (r.on_report) r.on_report(ceads.report());
  refuse_replacing_input(r.input, r.output);
  ImportResult res;
  res.table = std::move(ceads.table);
  note_other_final_demand(res.table, res.notes);
  write(res.table, r.output, r.overwrite, {r.input});
  res.output = r.output;
  return res;
}

std::string NbsImportRequest::validate() const {
  if (input.empty()) return "no table";
  if (output.empty()) return "no output file";
  return {};
}

ImportResult import_nbs(const NbsImportRequest& r) {
  require_valid("import nbs", r.validate());
  std::vector<tables::Finding> findings;
  io::NbsTable t = io::read_nbs_csv(r.input, &findings, r.rel_tol);
  std::ostringstream os;
  os << r.input << ": " << t.n() << " sectors, " << (t.competitive ? "competitive" : "non-competitive")
     << " imports, final demand " << t.fd_codes.size() << " categories\n";
  for (const auto& f : findings) os << "  [warning] " << f.check << ": " << f.message << "\n";
  if (findings.empty()) os << "  all table totals agree with the data\n";
  if (r.on_report) r.on_report(os.str());
  if (t.competitive && r.convert != NbsConversion::kNone) {
    io::NbsConversionOptions co;
    co.reexport = r.convert == NbsConversion::kReexport;
    io::NbsConversionReport rep;
    t = io::to_non_competitive(t, co, &rep);
    std::ostringstream cs;
    cs << "  converted to non-competitive imports by proportionality (" << enum_name(r.convert) << ")";
    cs << (rep.clipped.empty() ? "\n" : ", " + std::to_string(rep.clipped.size()) + " sectors clipped:\n");
    for (const auto& f : rep.findings) cs << "  [warning] " << f.message << "\n";
    if (r.on_report) r.on_report(cs.str());
  }
  io::NbsToIoOptions o;
  o.region = r.region;
  o.country = r.country;
  o.import_rows_by_product = r.import_rows_by_product;
  ImportResult res;
  res.table = io::nbs_to_io_table(t, o);
  refuse_replacing_input(r.input, r.output);
  write(res.table, r.output, r.overwrite, {r.input});
  res.output = r.output;
  return res;
}

}  // namespace irio
