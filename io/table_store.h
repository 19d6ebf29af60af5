// SPDX-License-Identifier: MIT
// Reading and writing irio tables and results: the HDF5 schema (docs/hdf5-schema.md) and tidy
// CSV. Every writer goes through a temporary file and a rename, so an output is never
// half-written, and refuses to replace an existing file unless `overwrite` is set.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "irio/tables/io_table.h"
#include "irio/tables/tidy_table.h"

namespace irio::io {

/// What produced a result, recorded in its manifest (`<stem>.meta.json` beside CSV results,
/// attributes of /results/<run> in HDF5; docs/formats.md "Result manifests").
struct ResultMeta {
  std::string command;     ///< the command line, e.g. "irio multipliers t.h5 -o m.csv"
  std::string table_path;  ///< the table the results were computed from
  std::string table_name, year, unit;
};

struct WriteOptions {
  bool overwrite = false;     ///< replace an existing output file
  int compression_level = 1;  ///< deflate level for HDF5 datasets (0 = none; docs/performance.md, "Table files")
  /// Store Z as CSC when its density is below this, dense (chunked) otherwise.
  double sparse_density_threshold = 0.25;
  /// Paths that an output must never replace, even with `overwrite` (the command's inputs).
  std::vector<std::string> inputs;
  ResultMeta meta;  ///< recorded in the manifest of write_results
  /// write_results to a folder: the file name (without .csv) of each table, instead of its name.
  std::vector<std::string> file_stems;
  /// write_results to a .csv: whether the tables go to one file (they share their key columns) or
  /// one file each, as decided before computing (a verb's declaration, analysis/verb.h); unset:
  /// decided here from the tables' key columns.
  std::optional<bool> one_file;

  /// Empty if valid, else the reason (compression_level outside 0..9, negative threshold).
  std::string validate() const;
};

/// Largest number of region-sectors n (regions x sectors) read_table accepts.
inline constexpr std::size_t kMaxRegionSectors = std::size_t{1} << 22;

/// Read an irio HDF5 table. Throws InputError naming the file and dataset when the file is
/// missing, not HDF5 (or truncated), not an irio table, or has inconsistent shapes/labels/values,
/// and before allocating when a dataset declares more than the file can hold or more than the
/// limits of docs/formats.md ("Limits and encodings"); running out of memory is an InputError too.
tables::IoTable read_table(const std::string& path);

/// Write a table to a new HDF5 file (atomically).
void write_table(const tables::IoTable& table, const std::string& path, const WriteOptions& opt = {});

/// Write one tidy result as CSV: key columns, then the value column; NaN written as "NA".
void write_tidy_csv(const tables::TidyTable& t, const std::string& path, const WriteOptions& opt = {});

/// Write tidy results into an HDF5 file under /results/<run>/<table name>: one dataset per key
/// column (integer codes) with its levels, and a value dataset. Creates the file if needed; if
/// the file exists and is an irio table, results are added to it (written to a copy, renamed).
void write_tidy_h5(const std::vector<tables::TidyTable>& tables, const std::string& path, const std::string& run,
                   const WriteOptions& opt = {});

/// Read back the tables of /results/<run> written by write_tidy_h5 (in name order). Throws
/// InputError naming the file and dataset if the run or a dataset is missing or inconsistent.
std::vector<tables::TidyTable> read_tidy_h5(const std::string& path, const std::string& run);

/// The runs stored under /results of an irio HDF5 file (in name order; empty when it has none).
/// InputError naming the file when it is missing or not an irio file.
std::vector<std::string> list_result_runs(const std::string& path);

/// Write results by extension: ".csv" -> one CSV (several tables are concatenated, with a leading
/// "table" column, only if they share key and value columns; otherwise one file per table named
/// <stem>_<table>.csv), ".h5"/".hdf5" -> write_tidy_h5, an existing folder -> <folder>/<table>.csv.
/// CSV results are written as one set (internal::OutputSet): every file is staged first, then
/// renamed, then the manifest (result_manifest_path) is written last, listing each file with its
/// result name, columns, rows, size and CRC-32, and opt.meta. Returns the data files written.
std::vector<std::string> write_results(const std::vector<tables::TidyTable>& tables, const std::string& path,
                                       const std::string& run, const WriteOptions& opt = {});

/// write_results one block of rows at a time, for results too large to hold (`irio batch`, issue
/// 22 §3): the same files, bytes and manifest as write_results of the whole tables, written as one
/// set (staged, journalled, replaced all-or-nothing by commit(); an exception or a kill before it
/// leaves the old result). `names`: the file stem of each table in output order; `one_file`: a
/// .csv output is one file (the tables share their key columns), as refuse-before-computing
/// decided. A one-file output's tables are spooled to their own temporaries and joined in table
/// order at commit(). An HDF5 output keeps the rows until commit() (holds_rows()).
class ResultStream {
 public:
  ResultStream(const std::string& path, const std::string& run, const std::vector<std::string>& names, bool one_file,
               const WriteOptions& opt);
  ~ResultStream();
  ResultStream(const ResultStream&) = delete;
  ResultStream& operator=(const ResultStream&) = delete;
  /// Rows of table `k`; each table's key and value columns are those of its first block.
  void append(std::size_t k, const tables::TidyTable& rows);
  /// Write the manifest and replace the result set; returns the data files written.
  std::vector<std::string> commit();
  bool holds_rows() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// The files write_results writes for tables named `names` at `path` (`shared_keys`: whether the
/// tables share key and value columns, which makes a .csv output one file): `path` itself, or
/// `<stem>_<name>.csv`, or `<folder>/<name>.csv`. For .h5 outputs: the file.
std::vector<std::string> result_paths(const std::string& path, const std::vector<std::string>& names, bool shared_keys);

/// The manifest of a CSV result at `path`: `<folder>/irio.meta.json` for a folder, else the path
/// with its extension replaced by ".meta.json" (`m.csv` -> `m.meta.json`); empty for HDF5.
std::string result_manifest_path(const std::string& path);

/// A manifest read back: what produced the result and the files it lists.
struct ResultManifest {
  std::string irio_version, created_utc, run;
  ResultMeta meta;
  struct File {
    std::string file;    ///< path as written (relative to the manifest's folder)
    std::string result;  ///< the result table's name, e.g. "multipliers", "position"
    std::vector<std::string> key_columns;
    std::string value_column;
    std::uint64_t rows = 0, bytes = 0;  ///< as written (0 when the manifest does not say)
    std::string crc32;                  ///< zlib CRC-32 as 8 hex digits ("" when not listed)
  };
  std::vector<File> files;
  /// The entry of `data_file` (matched by file name), or nullptr.
  const File* find(const std::string& data_file) const;
};
/// Finish every result in `folder` whose replacement was interrupted (killed after its journal was
/// in place; docs/formats.md, "Result manifests"), so that the folder holds whole results only.
/// read_result_manifest and every writer call it first.
void recover_interrupted_results(const std::string& folder);
/// Read a manifest written by write_results (InputError naming the file when malformed), after
/// recover_interrupted_results on its folder.
ResultManifest read_result_manifest(const std::string& manifest_path);
/// "" when the file at `data_path` has the size and CRC-32 that the manifest entry `f` lists, else
/// what differs ("it has 1234 bytes, the manifest lists 1200"); entries without a CRC pass.
std::string check_result_file(const ResultManifest::File& f, const std::string& data_path);

/// Throws OutputError (exit 5) when one of the CSV files that write_results would write for
/// these tables already exists and `opt.overwrite` is not set. Lets a command refuse before it
/// computes anything, and keeps a multi-file result from being half written. HDF5 outputs are
/// not checked here (results are added to an existing irio file; write_tidy_h5 decides).
void check_results_writable(const std::string& path, const std::vector<std::string>& names, bool shared_keys,
                            const WriteOptions& opt);

}  // namespace irio::io
