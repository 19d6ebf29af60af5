// SPDX-License-Identifier: MIT
// pymrio folder import (saved text layout and the bundled test-MRIO layout).
#include "irio/io/import_pymrio.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include "irio/io/csv_reader.h"
#include "irio/io/internal/json_reader.h"
#include "irio/io/internal/table_assembly.h"
#include "irio/io/internal/wide_matrix.h"
#include "irio/tables/error.h"

namespace fs = std::filesystem;

namespace irio::io {

using namespace internal;

namespace {

std::string join_units(const std::vector<std::string>& units) {
  std::vector<std::string> uniq;
  for (const auto& u : units)
    if (!u.empty() && tables::Labels::find(uniq, u) < 0) uniq.push_back(u);
  std::string s;
  for (std::size_t i = 0; i < uniq.size(); ++i) s += (i ? "; " : "") + uniq[i];
  return s;
}

void read_metadata(const fs::path& dir, tables::TableMeta& meta) {
  const fs::path m = dir / "metadata.json";
  if (!fs::exists(m)) return;
  const Json j = read_json(m.string());
  meta.name = j.str("name", meta.name);
  if (const Json* h = j.get("history"))
    for (const auto& e : h->items) meta.history.push_back("pymrio: " + e.text);
  const std::string desc = j.str("description");
  if (!desc.empty()) meta.source = desc;
}

std::vector<std::size_t> iota(std::size_t n) {
  std::vector<std::size_t> v(n);
  for (std::size_t i = 0; i < n; ++i) v[i] = i;
  return v;
}

// ---------------------------------------------------------------- test-MRIO layout

tables::IoTable import_test_layout(const fs::path& dir) {
  auto file = [&](const char* f) { return (dir / f).string(); };
  // Z, Y and emissions carry (region|stressor, sector|compartment, unit) index columns;
  // factor_input carries (inputtype, unit). Two header rows everywhere (pymrio.load_test).
  const WideMatrix Zw = read_wide(file("trade_flows_Z.txt"), 3, 2, "Z");
  const WideMatrix Yw = read_wide(file("finald_demand_Y.txt"), 3, 2, "Y");
  tables::IoTable t = assemble_core(Zw, Yw);
  std::vector<std::string> units;
  for (const auto& k : Zw.row_keys) units.push_back(k.at(2));
  t.meta.unit = join_units(units);
  if (fs::exists(file("factor_input.txt"))) {
    const WideMatrix F = read_wide(file("factor_input.txt"), 2, 2, "factor inputs");
    t.satellites.push_back(make_satellite("Factor Inputs", F, nullptr, {0}, 1, t));
  }
  if (fs::exists(file("emissions.txt"))) {
    const WideMatrix F = read_wide(file("emissions.txt"), 3, 2, "emissions");
    if (fs::exists(file("FDemissions.txt"))) {
      const WideMatrix FY = read_wide(file("FDemissions.txt"), 3, 2, "final-demand emissions");
      t.satellites.push_back(make_satellite("Emissions", F, &FY, {0, 1}, 2, t));
    } else {
      t.satellites.push_back(make_satellite("Emissions", F, nullptr, {0, 1}, 2, t));
    }
  }
  return t;
}

// ---------------------------------------------------------------- saved layout

struct FileSpec {
  std::string path;
  std::size_t index_cols = 2, header_rows = 2;
};

std::optional<FileSpec> file_spec(const Json& params, const fs::path& dir, const std::string& key,
                                  std::size_t default_index, std::size_t default_header,
                                  const std::string& params_path) {
  const Json* files = params.get("files");
  const Json* f = files != nullptr ? files->get(key) : nullptr;
  if (f == nullptr) return std::nullopt;
  FileSpec s{"", default_index, default_header};
  std::string name = f->kind == Json::Kind::kString ? f->text : f->str("name");
  if (name.empty()) return std::nullopt;
  s.path = (dir / name).string();
  if (f->kind == Json::Kind::kObject) {
    const std::string where = params_path + " (files." + key + ")";
    s.index_cols = internal::count_member(*f, "nr_index_col", default_index, where);
    s.header_rows = internal::count_member(*f, "nr_header", default_header, where);
  }
  return s;
}

/// unit file: `index_cols` index columns, then the unit; one header row. Key = index joined by '/'.
std::map<std::string, std::string> read_units(const FileSpec& spec) {
  std::map<std::string, std::string> out;
  const CsvFile f = read_csv(spec.path);
  for (std::size_t r = spec.header_rows; r < f.rows.size(); ++r) {
    std::string key;
    for (std::size_t c = 0; c < spec.index_cols; ++c) key += (c ? "/" : "") + f.cell(r, c);
    out[key] = f.cell(r, spec.index_cols);
  }
  return out;
}

tables::IoTable import_saved_layout(const fs::path& dir) {
  const std::string pf = (dir / "file_parameters.json").string();
  const Json params = read_json(pf);
  const auto zs = file_spec(params, dir, "Z", 2, 2, pf);
  const auto ys = file_spec(params, dir, "Y", 2, 2, pf);
  if (!zs || !ys) throw InputError(pf + ": no Z and Y files listed under \"files\"");
  const WideMatrix Zw = read_wide(zs->path, zs->index_cols, zs->header_rows, "Z");
  const WideMatrix Yw = read_wide(ys->path, ys->index_cols, ys->header_rows, "Y");
  tables::IoTable t = assemble_core(Zw, Yw);
  t.meta.name = params.str("name");
  if (const auto us = file_spec(params, dir, "unit", 2, 1, pf)) {
    std::vector<std::string> units;
    for (const auto& [k, u] : read_units(*us)) units.push_back(u);
    t.meta.unit = join_units(units);
  }
  // Extensions: sub-folders with their own file_parameters.json (systemtype "Extension").
  std::vector<fs::path> subs;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_directory() && fs::exists(e.path() / "file_parameters.json")) subs.push_back(e.path());
  std::sort(subs.begin(), subs.end());
  for (const auto& sub : subs) {
    const std::string spf = (sub / "file_parameters.json").string();
    const Json ep = read_json(spf);
    const std::string name = ep.str("name", sub.filename().string());
    const auto fs_ = file_spec(ep, sub, "F", 1, 2, spf);
    if (!fs_) continue;  // an extension without F (e.g. results only) carries no satellite data
    const WideMatrix F = read_wide(fs_->path, fs_->index_cols, fs_->header_rows, "F of " + name);
    std::optional<WideMatrix> FY;
    if (const auto fys = file_spec(ep, sub, "F_Y", fs_->index_cols, fs_->header_rows, spf))
      FY = read_wide(fys->path, fys->index_cols, fys->header_rows, "F_Y of " + name);
    tables::Satellite s = make_satellite(name, F, FY ? &*FY : nullptr, iota(fs_->index_cols), std::nullopt, t);
    if (const auto us = file_spec(ep, sub, "unit", fs_->index_cols, 1, spf)) {
      const auto units = read_units(*us);
      for (std::size_t k = 0; k < s.stressors.size(); ++k) {
        auto it = units.find(s.stressors[k]);
        if (it != units.end()) s.units[k] = it->second;
      }
    }
    t.satellites.push_back(std::move(s));
  }
  return t;
}

}  // namespace

tables::IoTable import_pymrio(const std::string& dir_name) {
  const fs::path dir(dir_name);
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw InputError("pymrio folder '" + dir_name + "' does not exist");
  tables::IoTable t;
  if (fs::exists(dir / "file_parameters.json")) {
    t = import_saved_layout(dir);
  } else if (fs::exists(dir / "trade_flows_Z.txt")) {
    t = import_test_layout(dir);
  } else {
    throw InputError("'" + dir_name +
                     "' is not a pymrio folder: it has neither file_parameters.json (IOSystem.save_all) nor "
                     "trade_flows_Z.txt (pymrio test MRIO)");
  }
  read_metadata(dir, t.meta);
  if (t.meta.source.empty()) t.meta.source = "pymrio folder " + dir_name;
  t.meta.history.push_back("import pymrio: " + dir_name);
  t.validate_shapes(dir_name);
  return t;
}

}  // namespace irio::io
