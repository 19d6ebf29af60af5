// SPDX-License-Identifier: MIT
// Tidy results: CSV writer (NaN as NA, %.17g) and HDF5 writer/reader under /results/<run>/<table>.
#include <unistd.h>
#include <cmath>
#include <cstdio>

#include <filesystem>
#include <fstream>
#include <set>

#include <ctime>
#include <nlohmann/json.hpp>

#include "irio/io/internal/atomic_output.h"
#include "irio/io/internal/csv_writer.h"
#include "irio/io/internal/h5.h"
#include "irio/io/internal/h5_schema.h"
#include "irio/io/internal/memory_guard.h"
#include "irio/io/table_store.h"
#include "irio/tables/error.h"
#include "irio/version.h"

namespace fs = std::filesystem;

namespace irio::io {

using namespace internal;

namespace {

std::string format_value(double v) {
  if (std::isnan(v)) return "NA";
  if (std::isinf(v)) return v > 0 ? "Inf" : "-Inf";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

/// Write rows of one or more tables sharing key columns into `file` (a staged temporary file);
/// `with_table` adds a leading "table" column. `shown` names the output in messages.
void write_csv_rows(const std::vector<const tables::TidyTable*>& ts, const std::string& file, const std::string& shown,
                    bool with_table) {
  std::ofstream os(file, std::ios::binary);
  if (!os) throw OutputError("cannot create '" + file + "' (for '" + shown + "')");
  const auto& first = *ts.front();
  std::string header;
  if (with_table) header = "table,";
  for (const auto& k : first.key_columns()) header += csv_field(k) + ",";
  header += csv_field(first.value_column());
  os << header << "\n";
  std::string line;
  for (const auto* t : ts) {
    for (std::size_t r = 0; r < t->num_rows(); ++r) {
      line.clear();
      if (with_table) line += csv_field(t->name()) + ",";
      for (std::size_t c = 0; c < t->num_keys(); ++c) line += csv_field(t->key(c, r)) + ",";
      line += format_value(t->value(r));
      line += '\n';
      os << line;
    }
  }
  os.flush();
  if (!os) throw OutputError("cannot write '" + shown + "' (disk full?)");
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

nlohmann::json meta_json(const ResultMeta& m) {
  return {{"command", m.command},
          {"table", {{"path", m.table_path}, {"name", m.table_name}, {"year", m.year}, {"unit", m.unit}}}};
}

void check_group_name(const std::string& name, const std::string& what, const std::string& file) {
  if (name.empty() || name.find('/') != std::string::npos || name == "." || name == "..")
    throw OutputError(file + ": " + what + " name '" + name + "' cannot be an HDF5 group name");
}

void write_one_tidy(hid_t run_group, const tables::TidyTable& t, bool overwrite, const H5Writer& w,
                    const std::string& run) {
  check_group_name(t.name(), "result table", w.file);
  if (H5Lexists(run_group, t.name().c_str(), H5P_DEFAULT) > 0) {
    if (!overwrite)
      throw OutputError(w.file + ": /results/" + run + "/" + t.name() +
                        " exists; use --force (overwrite) to replace it");
    H5Ldelete(run_group, t.name().c_str(), H5P_DEFAULT);
  }
  H5Id g = h5_create_group(run_group, t.name(), w);
  h5_write_attr(g.get(), "key_columns", t.key_columns(), w);
  h5_write_attr(g.get(), "value_column", t.value_column(), w);
  std::set<std::string> used{t.value_column()};
  for (std::size_t c = 0; c < t.num_keys(); ++c) {
    const auto& k = t.key_columns()[c];
    check_group_name(k, "key column", w.file);
    if (!used.insert(k).second || !used.insert(k + "_levels").second)
      throw OutputError(w.file + ": result table '" + t.name() + "' has the key column '" + k +
                        "' twice or clashing with the value column");
    h5_write_ints(g.get(), k, t.codes(c), w);
    h5_write_strings(g.get(), k + "_levels", t.levels(c), w);
  }
  check_group_name(t.value_column(), "value column", w.file);
  h5_write_doubles(g.get(), t.value_column(), t.values().data(), t.values().size(), w);
}

}  // namespace

void write_tidy_csv(const tables::TidyTable& t, const std::string& path, const WriteOptions& opt) {
  AtomicOutput out(path, opt.overwrite, opt.inputs);
  write_csv_rows({&t}, out.temp_path(), path, false);
  out.commit();
}

void write_tidy_h5(const std::vector<tables::TidyTable>& ts, const std::string& path, const std::string& run,
                   const WriteOptions& opt) {
  silence_hdf5_errors();
  if (const auto err = opt.validate(); !err.empty()) throw OutputError("write_tidy_h5: " + err);
  check_group_name(run, "run", path);
  std::error_code ec;
  bool append = false;
  if (fs::exists(path, ec)) {
    if (H5Fis_hdf5(path.c_str()) > 0) {
      H5Id probe(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
      append = probe.valid() && has_schema_header(probe.get());
    }
    if (!append && !opt.overwrite)
      throw OutputError("output file '" + path +
                        "' exists and is not an irio HDF5 file; use --force (overwrite) to replace it");
  }
  // Appending rewrites a copy of the file, so it needs no overwrite permission of its own.
  AtomicOutput out(path, append || opt.overwrite, opt.inputs);
  {
    const H5Writer w{path, opt.compression_level};
    H5Id file;
    if (append) {
      file = h5_open_in_memory(path, path);  // changed in memory, written to the temporary file
    } else {
      file = h5_create_in_memory(path);
      write_schema_header(file.get(), "results", w);
    }
    if (!file.valid()) throw OutputError("cannot create the HDF5 file '" + out.temp_path() + "'");
    H5Id results = H5Lexists(file.get(), "results", H5P_DEFAULT) > 0
                       ? H5Id(H5Gopen2(file.get(), "results", H5P_DEFAULT), H5Gclose)
                       : h5_create_group(file.get(), "results", w);
    H5Id rg = H5Lexists(results.get(), run.c_str(), H5P_DEFAULT) > 0
                  ? H5Id(H5Gopen2(results.get(), run.c_str(), H5P_DEFAULT), H5Gclose)
                  : h5_create_group(results.get(), run, w);
    if (!results.valid() || !rg.valid()) throw OutputError(path + ": cannot open /results/" + run);
    for (const auto& t : ts) write_one_tidy(rg.get(), t, opt.overwrite, w, run);
    // What produced the run (the CSV manifest's fields), replaced on every write.
    for (const auto& [name, value] :
         std::vector<std::pair<std::string, std::string>>{{"irio_version", IRIO_VERSION_STRING},
                                                          {"created_utc", utc_now()},
                                                          {"command", opt.meta.command},
                                                          {"table_path", opt.meta.table_path},
                                                          {"table_name", opt.meta.table_name},
                                                          {"year", opt.meta.year},
                                                          {"unit", opt.meta.unit}}) {
      if (H5Aexists(rg.get(), name.c_str()) > 0) H5Adelete(rg.get(), name.c_str());
      h5_write_attr(rg.get(), name, value, w);
    }
    h5_save_image(file.get(), out.temp_path(), path);
  }
  out.commit();
}

std::vector<std::string> result_paths(const std::string& path, const std::vector<std::string>& names,
                                      bool shared_keys) {
  std::error_code ec;
  const fs::path p(path);
  std::vector<std::string> out;
  if (fs::is_directory(p, ec)) {
    for (const auto& n : names) out.push_back((p / (n + ".csv")).string());
    return out;
  }
  const std::string ext = p.extension().string();
  if (ext != ".csv" || shared_keys || names.size() <= 1) return {path};
  const fs::path stem = p.parent_path() / p.stem();
  for (const auto& n : names) out.push_back(stem.string() + "_" + n + ".csv");
  return out;
}

void check_results_writable(const std::string& path, const std::vector<std::string>& names, bool shared_keys,
                            const WriteOptions& opt) {
  const std::string ext = fs::path(path).extension().string();
  std::error_code ec;
  // The output's form and folder, checked before anything is computed (they were found only when
  // the results were written).
  if (!fs::is_directory(path, ec)) {
    if (ext != ".csv" && ext != ".h5" && ext != ".hdf5")
      throw OutputError("cannot tell the format of '" + path + "' (extension '" + ext +
                        "'): use a .csv or .h5 name, or an existing folder");
    fs::path folder = fs::path(path).parent_path();
    if (folder.empty()) folder = ".";
    if (!fs::is_directory(folder, ec))
      throw OutputError("output folder '" + folder.string() + "' of '" + path + "' does not exist; create it first");
    if (::access(folder.c_str(), W_OK) != 0)
      throw OutputError("output folder '" + folder.string() + "' of '" + path + "' is not writable");
  }
  if (opt.overwrite || ext == ".h5" || ext == ".hdf5") return;
  auto files = result_paths(path, names, shared_keys);
  files.push_back(result_manifest_path(path));
  for (const auto& f : files)
    if (fs::exists(f, ec) || fs::is_symlink(fs::symlink_status(f, ec)))  // a dangling link counts too
      throw OutputError("output file '" + f + "' exists; use --force (overwrite) to replace it");
}

std::string result_manifest_path(const std::string& path) {
  std::error_code ec;
  const fs::path p(path);
  if (fs::is_directory(p, ec)) return (p / "irio.meta.json").string();
  const std::string ext = p.extension().string();
  if (ext == ".h5" || ext == ".hdf5") return {};
  return (p.parent_path() / (p.stem().string() + ".meta.json")).string();
}

std::vector<std::string> write_results(const std::vector<tables::TidyTable>& ts, const std::string& path,
                                       const std::string& run, const WriteOptions& opt) {
  if (ts.empty()) return {};
  bool same_keys = true;
  std::vector<std::string> names;
  for (const auto& t : ts) {
    names.push_back(t.name());
    same_keys = same_keys && t.key_columns() == ts.front().key_columns() &&
                t.value_column() == ts.front().value_column();
  }
  if (opt.one_file) {  // decided before computing (and checked then), not decided again here
    if (*opt.one_file && !same_keys)
      throw OutputError("write_results: the tables of '" + path +
                        "' were to go to one file, but their key columns "
                        "differ (" +
                        names.front() + ", ...)");
    same_keys = *opt.one_file;
  }
  std::error_code ec;
  const fs::path p(path);
  const bool folder = fs::is_directory(p, ec);
  if (folder && !opt.file_stems.empty()) {
    if (opt.file_stems.size() != ts.size())
      throw OutputError("write_results: " + std::to_string(opt.file_stems.size()) + " file names for " +
                        std::to_string(ts.size()) + " tables");
    names = opt.file_stems;
  }
  check_results_writable(path, names, same_keys, opt);  // refuse before writing the first file
  const std::string ext = p.extension().string();
  if (!folder && (ext == ".h5" || ext == ".hdf5")) {
    write_tidy_h5(ts, path, run, opt);
    return {path};
  }
  if (!folder && ext != ".csv")
    throw OutputError("cannot tell the format of '" + path + "': use a .csv or .h5 name, or a folder");

  // One file, or one per table: staged, renamed together, manifest last.
  const std::vector<std::string> files = result_paths(path, names, same_keys);
  const std::string manifest = result_manifest_path(path);
  OutputSet set;
  nlohmann::json listed = nlohmann::json::array();
  const fs::path manifest_dir = fs::path(manifest).parent_path();
  auto describe = [&](const std::string& file, const std::string& temp, const tables::TidyTable& t, std::size_t rows,
                      bool with_table) {
    const auto [bytes, crc] = file_size_and_crc32(temp);
    std::vector<std::string> keys = t.key_columns();
    if (with_table) keys.insert(keys.begin(), "table");
    listed.push_back({{"file", fs::path(file).lexically_relative(manifest_dir.empty() ? "." : manifest_dir).string()},
                      {"result", with_table ? run : t.name()},
                      {"key_columns", keys},
                      {"value_column", t.value_column()},
                      {"rows", rows},
                      {"bytes", bytes},
                      {"crc32", crc}});
  };
  if (files.size() == 1 && !folder) {
    std::vector<const tables::TidyTable*> ptrs;
    std::size_t rows = 0;
    for (const auto& t : ts) {
      ptrs.push_back(&t);
      rows += t.num_rows();
    }
    const std::string& temp = set.stage(files[0], opt.overwrite, opt.inputs);
    write_csv_rows(ptrs, temp, files[0], ts.size() > 1);
    describe(files[0], temp, ts.front(), rows, ts.size() > 1);
  } else {
    for (std::size_t i = 0; i < ts.size(); ++i) {
      const std::string& temp = set.stage(files[i], opt.overwrite, opt.inputs);
      write_csv_rows({&ts[i]}, temp, files[i], false);
      describe(files[i], temp, ts[i], ts[i].num_rows(), false);
    }
  }
  nlohmann::json m = {{"irio_version", IRIO_VERSION_STRING}, {"created_utc", utc_now()}, {"run", run}};
  m.update(meta_json(opt.meta));
  m["files"] = listed;
  set.commit(manifest, m.dump(2) + "\n", opt.overwrite);
  return set.paths();
}

struct ResultStream::Impl {
  std::string path, run, manifest;
  std::vector<std::string> names, files, temps;
  WriteOptions opt;
  bool h5 = false, with_table = false;
  std::vector<tables::TidyTable> held;  // HDF5: the rows until commit
  std::vector<char> started;
  // CSV: the staged data files (one per table, or one) and, for one file of several tables, a
  // spool per table joined at commit.
  OutputSet set;
  std::vector<std::ofstream> out;
  std::vector<std::unique_ptr<AtomicOutput>> spools;
  std::vector<std::ofstream> spool_out;
  std::vector<std::vector<std::string>> keys;
  std::vector<std::string> value_columns, table_names;
  std::vector<std::size_t> rows;
  std::string line;

  std::ofstream& stream_of(std::size_t k) { return with_table ? spool_out[k] : out[k]; }
};

ResultStream::ResultStream(const std::string& path, const std::string& run, const std::vector<std::string>& names,
                           bool one_file, const WriteOptions& opt)
    : impl_(std::make_unique<Impl>()) {
  auto& m = *impl_;
  m.path = path;
  m.run = run;
  m.names = names;
  m.opt = opt;
  const std::size_t n = names.size();
  m.started.assign(n, 0);
  m.keys.resize(n);
  m.value_columns.resize(n);
  m.table_names.resize(n);
  m.rows.assign(n, 0);
  check_results_writable(path, names, one_file, opt);  // refuse before writing the first file
  std::error_code ec;
  const fs::path p(path);
  const bool folder = fs::is_directory(p, ec);
  const std::string ext = p.extension().string();
  if (!folder && (ext == ".h5" || ext == ".hdf5")) {
    m.h5 = true;
    m.held.resize(n);
    return;
  }
  if (!folder && ext != ".csv")
    throw OutputError("cannot tell the format of '" + path + "': use a .csv or .h5 name, or a folder");
  m.files = result_paths(path, names, one_file);
  m.manifest = result_manifest_path(path);
  m.with_table = m.files.size() == 1 && !folder && n > 1;
  for (const auto& f : m.files) {
    const std::string& temp = m.set.stage(f, opt.overwrite, opt.inputs);
    m.temps.push_back(temp);
    m.out.emplace_back(temp, std::ios::binary);
    if (!m.out.back()) throw OutputError("cannot create '" + temp + "' (for '" + f + "')");
  }
  if (m.with_table)
    for (std::size_t k = 0; k < n; ++k) {  // never committed: removed with the stream
      m.spools.push_back(std::make_unique<AtomicOutput>(m.files[0] + ".part" + std::to_string(k), true, opt.inputs));
      m.spool_out.emplace_back(m.spools.back()->temp_path(), std::ios::binary);
      if (!m.spool_out.back()) throw OutputError("cannot create '" + m.spools.back()->temp_path() + "'");
    }
}

ResultStream::~ResultStream() = default;

bool ResultStream::holds_rows() const { return impl_->h5; }

void ResultStream::append(std::size_t k, const tables::TidyTable& t) {
  auto& m = *impl_;
  if (k >= m.names.size()) throw std::logic_error("ResultStream::append: no table " + std::to_string(k));
  if (!m.started[k]) {
    m.started[k] = 1;
    m.keys[k] = t.key_columns();
    m.value_columns[k] = t.value_column();
    m.table_names[k] = t.name();
    if (m.h5) m.held[k] = t;
    else if (!m.with_table) {  // the header of its own file (a one-file output's is written at commit)
      std::string header;
      for (const auto& c : t.key_columns()) header += csv_field(c) + ",";
      m.out[k] << header << csv_field(t.value_column()) << "\n";
    }
  } else {
    if (t.key_columns() != m.keys[k] || t.value_column() != m.value_columns[k])
      throw OutputError("'" + m.path + "': rows of table " + m.names[k] + " with other columns than its first rows");
    if (m.h5) m.held[k].append(t);
  }
  m.rows[k] += t.num_rows();
  if (m.h5) return;
  auto& os = m.stream_of(k);
  for (std::size_t r = 0; r < t.num_rows(); ++r) {  // as write_csv_rows writes them
    m.line.clear();
    if (m.with_table) m.line += csv_field(t.name()) + ",";
    for (std::size_t c = 0; c < t.num_keys(); ++c) m.line += csv_field(t.key(c, r)) + ",";
    m.line += format_value(t.value(r));
    m.line += '\n';
    os << m.line;
  }
  if (!os) throw OutputError("cannot write '" + m.path + "' (disk full?)");
}

std::vector<std::string> ResultStream::commit() {
  auto& m = *impl_;
  for (std::size_t k = 0; k < m.names.size(); ++k)
    if (!m.started[k]) throw std::logic_error("ResultStream::commit: table " + m.names[k] + " has no rows");
  if (m.h5) {
    write_tidy_h5(m.held, m.path, m.run, m.opt);
    return {m.path};
  }
  if (m.with_table) {  // header, then each table's spool in table order
    std::string header = "table,";
    for (const auto& c : m.keys[0]) header += csv_field(c) + ",";
    m.out[0] << header << csv_field(m.value_columns[0]) << "\n";
    for (std::size_t k = 0; k < m.spools.size(); ++k) {
      m.spool_out[k].close();
      if (!m.spool_out[k]) throw OutputError("cannot write '" + m.spools[k]->temp_path() + "' (disk full?)");
      if (m.rows[k] == 0) continue;  // inserting an empty buffer would fail the stream
      std::ifstream in(m.spools[k]->temp_path(), std::ios::binary);
      m.out[0] << in.rdbuf();
    }
  }
  nlohmann::json listed = nlohmann::json::array();
  const fs::path manifest_dir = fs::path(m.manifest).parent_path();
  for (std::size_t f = 0; f < m.files.size(); ++f) {
    m.out[f].close();
    if (!m.out[f]) throw OutputError("cannot write '" + m.files[f] + "' (disk full?)");
    const std::size_t k = m.with_table ? 0 : f;
    std::size_t rows = m.rows[k];
    if (m.with_table)
      for (std::size_t j = 1; j < m.rows.size(); ++j) rows += m.rows[j];
    const auto [bytes, crc] = file_size_and_crc32(m.temps[f]);
    std::vector<std::string> keys = m.keys[k];
    if (m.with_table) keys.insert(keys.begin(), "table");
    listed.push_back(
        {{"file", fs::path(m.files[f]).lexically_relative(manifest_dir.empty() ? "." : manifest_dir).string()},
         {"result", m.with_table ? m.run : m.table_names[k]},
         {"key_columns", keys},
         {"value_column", m.value_columns[k]},
         {"rows", rows},
         {"bytes", bytes},
         {"crc32", crc}});
  }
  m.spool_out.clear();
  m.spools.clear();
  nlohmann::json j = {{"irio_version", IRIO_VERSION_STRING}, {"created_utc", utc_now()}, {"run", m.run}};
  j.update(meta_json(m.opt.meta));
  j["files"] = listed;
  m.set.commit(m.manifest, j.dump(2) + "\n", m.opt.overwrite);
  return m.set.paths();
}

ResultManifest::File const* ResultManifest::find(const std::string& data_file) const {
  const std::string name = fs::path(data_file).filename().string();
  for (const auto& f : files)
    if (fs::path(f.file).filename().string() == name) return &f;
  return nullptr;
}

std::string check_result_file(const ResultManifest::File& f, const std::string& data_path) {
  if (f.crc32.empty()) return {};
  const auto [bytes, crc] = file_size_and_crc32(data_path);
  if (f.bytes != 0 && bytes != f.bytes)
    return "it has " + std::to_string(bytes) + " bytes, the manifest lists " + std::to_string(f.bytes);
  if (crc != f.crc32) return "its CRC-32 is " + crc + ", the manifest lists " + f.crc32;
  return {};
}

void recover_interrupted_results(const std::string& folder) {
  internal::recover_result_sets(folder.empty() ? std::string(".") : folder);
}

ResultManifest read_result_manifest(const std::string& manifest_path) {
  recover_interrupted_results(fs::path(manifest_path).parent_path().string());  // a killed replace is finished first
  std::ifstream in(manifest_path, std::ios::binary);
  if (!in) throw InputError("cannot open the result manifest '" + manifest_path + "'");
  ResultManifest out;
  try {
    const auto j = nlohmann::json::parse(in, nullptr, true, false);
    out.irio_version = j.value("irio_version", "");
    out.created_utc = j.value("created_utc", "");
    out.run = j.value("run", "");
    out.meta.command = j.value("command", "");
    if (j.contains("table")) {
      const auto& t = j.at("table");
      out.meta.table_path = t.value("path", "");
      out.meta.table_name = t.value("name", "");
      out.meta.year = t.value("year", "");
      out.meta.unit = t.value("unit", "");
    }
    for (const auto& f : j.at("files")) {
      ResultManifest::File e;
      e.file = f.at("file").get<std::string>();
      e.result = f.value("result", "");
      e.key_columns = f.value("key_columns", std::vector<std::string>{});
      e.value_column = f.value("value_column", "value");
      e.rows = f.value("rows", std::uint64_t{0});
      e.bytes = f.value("bytes", std::uint64_t{0});
      e.crc32 = f.value("crc32", "");
      out.files.push_back(std::move(e));
    }
  } catch (const nlohmann::json::exception& e) {
    throw InputError(manifest_path + ": not an irio result manifest (" + e.what() + ")");
  }
  return out;
}

}  // namespace irio::io

namespace irio::io {

namespace {

std::vector<tables::TidyTable> read_tidy_h5_impl(const std::string& path, const std::string& run) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw InputError("results file '" + path + "' does not exist");
  H5Id file = h5_open_read(path, "an irio results file");
  const H5Reader r{path};
  check_schema_header(file.get(), r);
  const std::string base = "/results/" + run;
  H5Id rg = h5_open_group(file.get(), base, r);
  std::vector<tables::TidyTable> out;
  for (const auto& name : h5_members(rg.get())) {
    const std::string g = base + "/" + name;
    H5Id tg = h5_open_group(file.get(), g, r);
    const auto keys = h5_read_strings_attr(tg.get(), "key_columns", r, g);
    std::string value_col = h5_read_string_attr(tg.get(), "value_column", r, g);
    if (value_col.empty()) value_col = "value";
    tables::TidyTable t(name, keys, value_col);
    const auto values = h5_read_doubles(file.get(), g + "/" + value_col, r);
    std::vector<std::vector<std::int64_t>> codes;
    for (std::size_t c = 0; c < keys.size(); ++c) {
      const auto levels = h5_read_strings(file.get(), g + "/" + keys[c] + "_levels", r);
      t.set_levels(c, levels);
      if (t.levels(c).size() != levels.size())  // repeated levels would shift every later code
        throw InputError(path + ": dataset '" + g + "/" + keys[c] + "_levels' repeats a level (" +
                         std::to_string(levels.size() - t.levels(c).size()) + " duplicates)");
      codes.push_back(h5_read_int64s(file.get(), g + "/" + keys[c], r));
      if (codes.back().size() != values.size())
        throw InputError(path + ": dataset '" + g + "/" + keys[c] + "' has " + std::to_string(codes.back().size()) +
                         " codes for " + std::to_string(values.size()) + " values");
      for (auto k : codes.back())
        if (k < 0 || static_cast<std::size_t>(k) >= t.levels(c).size())
          throw InputError(path + ": dataset '" + g + "/" + keys[c] + "' has the code " + std::to_string(k) +
                           " outside its " + std::to_string(t.levels(c).size()) + " levels");
    }
    t.reserve(values.size());
    std::vector<std::int32_t> row(keys.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
      for (std::size_t c = 0; c < keys.size(); ++c) row[c] = static_cast<std::int32_t>(codes[c][i]);
      t.add_row_codes(row, values[i]);
    }
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace

std::vector<std::string> list_result_runs(const std::string& path) {
  silence_hdf5_errors();
  std::error_code ec;
  if (!fs::exists(path, ec)) throw InputError("results file '" + path + "' does not exist");
  H5Id file = h5_open_read(path, "an irio results file");
  check_schema_header(file.get(), H5Reader{path});
  if (H5Lexists(file.get(), "results", H5P_DEFAULT) <= 0) return {};
  H5Id rg = h5_open_group(file.get(), "/results", H5Reader{path});
  return h5_members(rg.get());
}

std::vector<tables::TidyTable> read_tidy_h5(const std::string& path, const std::string& run) {
  return guard_memory(path, [&] { return read_tidy_h5_impl(path, run); });
}

}  // namespace irio::io
