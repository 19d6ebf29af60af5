// SPDX-License-Identifier: MIT
// Helpers shared by the world-table readers of oecd, figaro, eora26 (io/import_oecd.h, ...):
// the reader result with its notes, zip members, label splitting, picking a year's file from a
// folder, and message formatting. Every name carries the prefix `wr_` (world reader).
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "irio/io/csv_reader.h"
#include "irio/tables/io_table.h"

namespace irio::io {

/// What a world-table reader returns: the table and one sentence per thing the import did that a
/// user should know (rows folded, discrepancies dropped, what became V, units, satellites).
struct WorldImport {
  tables::IoTable table;
  std::vector<std::string> notes;
};

/// Names of the members of a zip archive (InputError naming the file when it is not one).
std::vector<std::string> wr_zip_members(const std::string& zip_path);
/// The uncompressed text of one member (InputError naming archive and member).
std::string wr_zip_text(const std::string& zip_path, const std::string& member);
/// True when the file name ends in ".zip" (any case).
bool wr_is_zip(const std::string& path);

/// Split "A_B" at the first `sep`: ("AUS", "A01_02") for "AUS_A01_02". False when there is no
/// separator or either side is empty.
bool wr_split_first(const std::string& label, char sep, std::string& head, std::string& tail);

/// "'A', 'B', 'C', ... (n in all)" for messages, at most `max` names.
std::string wr_quote_list(const std::vector<std::string>& names, std::size_t max = 8);

/// A number for a note: up to 6 significant digits.
std::string wr_num(double v);

/// The one file of `dir` whose name holds `year` and ends in one of `exts` (lower case, with the
/// dot). InputError naming the folder, the year and the files that are there otherwise. When
/// `prefer` is not empty and several match, the one whose name holds `prefer` is taken.
std::string wr_pick_year_file(const std::string& dir, const std::string& year, const std::vector<std::string>& exts,
                              const std::string& what);

/// Parse CSV text held in memory (a zip member); `label` names it in messages.
CsvFile wr_parse_csv_text(const std::string& text, const std::string& label, char delimiter = '\0');

/// A headerless numeric matrix in delimited text (Eora's tab-separated .txt files): exactly `rows`
/// lines of `cols` numbers. InputError naming `label`, the line and the field for a short or long
/// line, a missing or extra line, or a field that is not a number; `what` says where the expected
/// sizes come from (e.g. "labels_T.txt has 4915 entries"). Empty fields read as 0.
tables::Matrix wr_read_numbers(const std::string& text, const std::string& label, std::size_t rows, std::size_t cols,
                               char delimiter, const std::string& what);

/// The text of a file on disk (InputError naming it when it cannot be read).
std::string wr_file_text(const std::string& path);

/// Index of `s` in `v`, appending it when absent.
std::size_t wr_intern(std::vector<std::string>& v, const std::string& s);

}  // namespace irio::io
