// SPDX-License-Identifier: MIT
// A small CSV/TSV tokenizer (comma, tab or semicolon, auto-detected; quoted fields; CRLF; .gz)
// whose errors name the file, line and column (docs/formats.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace irio::io {

/// One record of a delimited file and the 1-based line on which it starts.
struct CsvRow {
  std::size_t line = 0;
  std::vector<std::string> fields;
};

/// Default limit on the size of one CSV file after decompression: 1 GiB (docs/formats.md,
/// "Limits and encodings"); the environment variable IRIO_MAX_CSV_BYTES overrides it.
inline constexpr std::uint64_t kDefaultMaxCsvBytes = std::uint64_t{1} << 30;

struct CsvOptions {
  /// Field separator; '\0' = auto-detect from the first non-empty line (tab if it holds more tabs
  /// than commas, else semicolon if it holds semicolons but no commas, else comma).
  char delimiter = '\0';
  bool trim = true;  ///< strip spaces around unquoted fields
  /// Decimal separator of numbers: '.' or ',' (`--decimal ,`: "347,23"; the field separator is
  /// then auto-detected among ';' and tab only). Thousands separators are never read.
  char decimal = '.';
  /// Largest size of the file's text (after gunzipping); 0 = $IRIO_MAX_CSV_BYTES if set, else
  /// kDefaultMaxCsvBytes. Reading stops with an InputError naming the file as soon as it is passed.
  std::uint64_t max_bytes = 0;
};

/// A whole delimited file held in memory. Blank lines are skipped (line numbers stay true).
struct CsvFile {
  std::string path;
  char delimiter = ',';
  std::vector<CsvRow> rows;
  char decimal = '.';  ///< CsvOptions::decimal
  /// The encoding the file's text was converted from ("GB18030"), empty when it was UTF-8.
  std::string converted_from;

  /// "path:line:column" for messages (row and column are 0-based indices into `rows`/fields).
  std::string where(std::size_t row, std::size_t col) const;
  /// The field, or throw InputError naming file, line and column if the row is too short.
  const std::string& cell(std::size_t row, std::size_t col) const;
  /// Parse a number (decimal, exponent, "inf"/"nan" are rejected as non-numeric text). Throws
  /// InputError "path:line:col: non-numeric cell 'abc' ..." naming `what` (e.g. "Z").
  double number(std::size_t row, std::size_t col, const std::string& what = "") const;
  /// Throw InputError naming file and line for the first row whose width differs from `width`
  /// ("ragged row"), starting at row `first`.
  void require_width(std::size_t width, std::size_t first = 0) const;
};

/// Read a CSV/TSV file, transparently gunzipping ".gz" (and any gzip-compressed file).
/// Throws InputError naming the file for a missing/unreadable file, a truncated or corrupt gzip
/// stream, text beyond CsvOptions::max_bytes, or an unterminated quoted field. The text must be
/// UTF-8; text that is not but decodes as GB18030/GBK (Chinese) is converted to UTF-8, with a
/// notice (io/notice.h); anything else is an InputError naming the line, field and byte.
CsvFile read_csv(const std::string& path, const CsvOptions& opt = {});

/// Tokenize text that is already in memory (`path` is used in messages only).
CsvFile parse_csv(const std::string& text, const std::string& path, const CsvOptions& opt = {});

/// Parse a whole string as a finite or infinite decimal number; false if it is not one.
bool parse_double(const std::string& s, double& out);

}  // namespace irio::io
