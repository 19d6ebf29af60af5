// SPDX-License-Identifier: MIT
// Helpers of the EXIOBASE 3 and GLORIA readers: a folder or zip archive seen as a tree of files,
// line streaming from either (no whole-file copies), field splitting and number parsing with
// std::from_chars. Names live in irio::io::world2 so that they do not clash with other readers'.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace irio::io::world2 {

/// `s` without leading and trailing blanks and double quotes (a CSV field written with quotes).
std::string_view trim_field(std::string_view s);

/// Streams the lines of one file (plain or a zip member) through a fixed buffer.
class LineReader {
 public:
  virtual ~LineReader() = default;
  /// The next line without its end of line ("\n" or "\r\n"); false at the end of the file. The
  /// view stays valid until the next call.
  bool next(std::string_view& line);
  /// 1-based number of the line last returned.
  std::size_t line_number() const { return line_no_; }

 protected:
  /// Read up to n bytes into buf; 0 at the end. Throws InputError on a read error.
  virtual std::size_t read(char* buf, std::size_t n) = 0;

 private:
  std::vector<char> buf_ = std::vector<char>(std::size_t{1} << 20);
  std::size_t begin_ = 0, end_ = 0;
  bool eof_ = false;
  std::size_t line_no_ = 0;
  std::string long_line_;  // a line longer than the buffer
};

/// A folder, or a zip archive, as a list of files ('/'-separated paths relative to the root).
class FileTree {
 public:
  /// Throws InputError when `path` is neither a folder nor a readable zip archive.
  explicit FileTree(const std::string& path);
  ~FileTree();
  FileTree(const FileTree&) = delete;
  FileTree& operator=(const FileTree&) = delete;

  const std::string& path() const { return path_; }
  /// Every file (folders: up to 6 levels deep), sorted.
  const std::vector<std::string>& files() const { return files_; }
  bool has(const std::string& rel) const;
  /// "folder/rel" or "archive.zip:rel", for messages.
  std::string where(const std::string& rel) const;
  std::unique_ptr<LineReader> open(const std::string& rel) const;
  /// The whole file (small files only: JSON parameters); InputError over `max_bytes`.
  std::string read_small(const std::string& rel, std::size_t max_bytes = std::size_t{16} << 20) const;

 private:
  std::string path_;
  void* zip_ = nullptr;  // zip_t*
  std::vector<std::string> files_;
};

/// A labelled text matrix as pandas writes it (pymrio's txt layout, EXIOBASE 3): `header_rows`
/// header rows whose first `index_cols` cells are level names and the rest column labels, an
/// optional row of index names (all data cells empty), then one row per item: `index_cols` labels
/// and the values. Read row by row.
class WideTextReader {
 public:
  /// Reads the header. InputError naming the file when it is empty, a header row is shorter than
  /// `index_cols` + 1 cells, or header rows differ in length.
  WideTextReader(const FileTree& tree, const std::string& rel, std::size_t index_cols, std::size_t header_rows,
                 char sep, const std::string& what);
  std::size_t num_cols() const { return col_keys_.size(); }
  /// Header labels of column c (one per header row).
  const std::vector<std::string>& col_key(std::size_t c) const { return col_keys_[c]; }
  /// "label1/label2" of column c, for messages.
  std::string col_name(std::size_t c) const;
  /// Advance to the next data row; false at the end. InputError for a row with another number of
  /// cells than the header (naming file, line and the row's labels).
  bool next();
  std::string_view index(std::size_t k) const { return trim_field(fields_[k]); }
  /// Value of column c of the current row; InputError naming file:line, the row and the column
  /// when it is not a finite number.
  double value(std::size_t c) const;
  /// "file:line" of the current row.
  std::string where() const;
  /// The current row's labels joined by '/'.
  std::string row_name() const;
  const std::string& file() const { return file_; }
  const std::string& what() const { return what_; }
  std::size_t index_cols() const { return index_cols_; }

 private:
  std::unique_ptr<LineReader> in_;
  std::string file_, what_;
  std::size_t index_cols_;
  char sep_;
  std::vector<std::vector<std::string>> col_keys_;
  std::vector<std::string_view> fields_;
  bool pending_ = false;  // fields_ already hold the first data row
};

/// Split `line` at `sep` into `out` (views into `line`); one field for an empty line.
void split_fields(std::string_view line, char sep, std::vector<std::string_view>& out);

/// Parse a finite decimal number (leading/trailing blanks allowed, "1e-05", "-0.0"); an empty
/// field is not a number. Returns false for anything else, including inf and nan.
bool parse_number(std::string_view s, double& v);

/// A field for messages: at most 40 characters, quoted.
std::string quote_field(std::string_view s);

}  // namespace irio::io::world2
