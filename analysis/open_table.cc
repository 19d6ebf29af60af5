// SPDX-License-Identifier: MIT
// Reading a table in any layout io knows (TableFormat), the region -> country map, and the
// groupings of regions checked against the table: the "open" step of irio::Analysis.
#include <filesystem>
#include <system_error>
#include <unordered_set>

#include "irio/analysis/analysis.h"
#include "irio/io/ceads_reader.h"
#include "irio/io/concordance_reader.h"
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
#include "irio/io/notice.h"
#include "irio/io/table_store.h"
#include "irio/tables/error.h"
#include "irio/tables/province_aliases.h"

namespace irio {
namespace {

namespace fs = std::filesystem;

bool has_extension(const std::string& path, std::initializer_list<const char*> exts) {
  std::string e = fs::path(path).extension().string();
  for (auto& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* x : exts)
    if (e == x) return true;
  return false;
}

/// The layout of `path` by its extension or, for a folder, by the files it holds.
TableFormat detect_format(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    if (fs::exists(fs::path(path) / "Z.csv", ec) && fs::exists(fs::path(path) / "Y.csv", ec)) return TableFormat::kCsv;
    for (const auto& e : fs::directory_iterator(path, ec)) {
      const std::string name = e.path().filename().string();
      if (name.rfind("wiot_", 0) == 0 && name.find("_Z.csv") != std::string::npos) return TableFormat::kWiod;
    }
    return TableFormat::kPymrio;
  }
  // --- world tables exiobase, gloria: EXIOBASE 3 releases are IOT_<year>_<pxp|ixi>.zip
  if (has_extension(path, {".zip"}) && fs::path(path).filename().string().rfind("IOT_", 0) == 0)
    return TableFormat::kExiobase;
  // --- end world tables exiobase, gloria
  if (has_extension(path, {".xlsx"})) return TableFormat::kCeads;
  if (has_extension(path, {".csv"})) return TableFormat::kNbs;
  return TableFormat::kIrio;  // .h5, .hdf5 and anything else: read_table names what is wrong
}

/// The optional files of a labelled-CSV folder that exist.
io::CsvImportOptions csv_folder(const std::string& dir) {
  io::CsvImportOptions in;
  auto file = [&](const char* name) {
    const fs::path p = fs::path(dir) / name;
    std::error_code ec;
    return fs::exists(p, ec) ? p.string() : std::string();
  };
  in.Z = (fs::path(dir) / "Z.csv").string();
  in.Y = (fs::path(dir) / "Y.csv").string();
  in.V = file("V.csv");
  in.x = file("x.csv");
  in.exports = file("exports.csv");
  in.imports = file("imports.csv");
  in.countries = file("countries.csv");
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    const std::string prefix = "satellite_";
    if (name.rfind(prefix, 0) == 0 && has_extension(name, {".csv"}))
      in.satellites.emplace_back(name.substr(prefix.size(), name.size() - prefix.size() - 4), e.path().string());
  }
  return in;
}

/// World tables: the year picks a file from a folder; a file names its own year.
std::string world_year(const std::string& path, const OpenOptions& opt) {
  std::error_code ec;
  return fs::is_directory(path, ec) ? opt.wiod_year : std::string();
}

}  // namespace

tables::IoTable read_any_table(const std::string& path, const OpenOptions& opt) {
  require_valid("open options", opt.validate());
  const TableFormat f = opt.format == TableFormat::kAuto ? detect_format(path) : opt.format;
  tables::IoTable t;
  switch (f) {
    case TableFormat::kAuto:
    case TableFormat::kIrio: t = io::read_table(path); break;
    case TableFormat::kCsv: t = io::import_csv(csv_folder(path)); break;
    case TableFormat::kPymrio: t = io::import_pymrio(path); break;
    case TableFormat::kWiod: {
      io::WiodImportOptions w;
      w.year = opt.wiod_year;
      t = io::import_wiod(path, w);
      break;
    }
    case TableFormat::kCeads: t = io::read_ceads(path).table; break;
    case TableFormat::kNbs: {
      io::NbsTable nbs = io::read_nbs_csv(path);
      if (nbs.competitive) nbs = io::to_non_competitive(nbs);  // as `irio import nbs` by default
      t = io::nbs_to_io_table(nbs);
      break;
    }
    // --- world tables (docs/world-tables.md): what the import did goes to the notice handler
    case TableFormat::kOecd: {
      io::OecdImportOptions o;
      o.year = world_year(path, opt);
      auto w = io::import_oecd(path, o);
      for (const auto& n : w.notes) io::notice(n);
      t = std::move(w.table);
      break;
    }
    case TableFormat::kEora26: {
      io::EoraImportOptions o;
      o.year = world_year(path, opt);
      auto w = io::import_eora26(path, o);
      for (const auto& n : w.notes) io::notice(n);
      t = std::move(w.table);
      break;
    }
    case TableFormat::kFigaro: {
      io::FigaroImportOptions o;
      o.year = world_year(path, opt);
      auto w = io::import_figaro(path, o);
      for (const auto& n : w.notes) io::notice(n);
      t = std::move(w.table);
      break;
    }
    case TableFormat::kWiod2016: {
      io::Wiod2016ImportOptions o;
      o.year = world_year(path, opt);
      auto w = io::import_wiod2016(path, o);
      for (const auto& n : w.notes) io::notice(n);
      t = std::move(w.table);
      break;
    }
    case TableFormat::kAdb: {
      io::AdbImportOptions o;
      o.year = world_year(path, opt);
      auto w = io::import_adb(path, o);
      for (const auto& n : w.notes) io::notice(n);
      t = std::move(w.table);
      break;
    }
    // --- end of world tables
    // --- world tables exiobase, gloria (what the import did goes to io::notice)
    case TableFormat::kExiobase:
    case TableFormat::kGloria: {
      std::vector<std::string> notes;
      if (f == TableFormat::kExiobase) {
        auto e = io::import_exiobase(path);
        t = std::move(e.table);
        notes = std::move(e.notes);
      } else {
        io::GloriaOptions g;
        g.year = opt.wiod_year;
        auto e = io::import_gloria(path, g);
        t = std::move(e.table);
        notes = std::move(e.notes);
      }
      for (const auto& n : notes) io::notice(path + ": " + n);
      break;
    }
      // --- end world tables exiobase, gloria
  }
  if (!opt.countries.empty()) io::read_country_map(opt.countries, t.labels);
  return t;
}

std::vector<tables::Grouping> load_groupings(const std::vector<std::string>& specs, const tables::IoTable& t,
                                             const std::string& source, const std::string& other_group) {
  std::vector<tables::Grouping> out;
  for (const auto& spec : specs) {
    out.push_back(other_group.empty() ? io::load_grouping(spec) : io::load_grouping(spec).with_other(other_group));
    // Members that are not regions of the table are typos or another table's regions: an error
    // naming them with the nearest regions, never silently ignored (a province by any alias).
    out.back().require_members_in(t.labels.regions, "region of the table", source, true);
    // Regions the grouping leaves out: InputError naming them (add them to a group, e.g. "Other").
    (void)out.back().map(t.labels.regions, "region", source);
  }
  return out;
}

}  // namespace irio
