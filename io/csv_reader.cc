// SPDX-License-Identifier: MIT
// CSV/TSV tokenizer with file:line:column diagnostics; reads plain and gzip-compressed files.
#include "irio/io/csv_reader.h"

#include <zlib.h>

#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "irio/io/internal/input_file.h"
#include "irio/io/internal/memory_guard.h"
#include "irio/io/internal/text_encoding.h"
#include "irio/io/notice.h"
#include "irio/tables/error.h"

namespace irio::io {

namespace {

char detect_delimiter(const std::string& text);

std::uint64_t max_text_bytes(const CsvOptions& opt) {
  if (opt.max_bytes > 0) return opt.max_bytes;
  if (const char* env = std::getenv("IRIO_MAX_CSV_BYTES")) {
    // A positive whole number of bytes; anything else is refused rather than ignored (issue 22).
    const std::string s = env;
    char* end = nullptr;
    errno = 0;
    const unsigned long long v = std::strtoull(env, &end, 10);
    if (s.empty() || !std::isdigit(static_cast<unsigned char>(s[0])) || end == env || *end != '\0' || errno == ERANGE ||
        v == 0)
      throw InputError("the environment variable IRIO_MAX_CSV_BYTES = '" + s +
                       "' is not a byte count: expected a whole number from 1 to 18446744073709551615 "
                       "(unset it for the default of " +
                       std::to_string(kDefaultMaxCsvBytes) + ")");
    return v;
  }
  return kDefaultMaxCsvBytes;
}

std::string read_all(const std::string& path, const CsvOptions& opt) {
  // gzopen reads uncompressed files transparently as well.
  internal::reject_special_file(path, "a text (CSV) file");  // a named pipe would block or be read once
  const std::uint64_t limit = max_text_bytes(opt);           // may throw: before the file is opened
  errno = 0;
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr)
    throw InputError("cannot open '" + path + "': " + (errno != 0 ? std::strerror(errno) : "unknown error"));
  std::string text;
  char buf[1 << 16];
  for (;;) {
    const int got = gzread(f, buf, sizeof buf);
    if (got < 0) {
      int code = 0;
      std::string msg = gzerror(f, &code);
      gzclose(f);
      if (code == Z_DATA_ERROR) throw InputError(path + ": the gzip stream is corrupt (" + msg + ")");
      throw InputError("cannot read '" + path + "': " + msg);
    }
    if (got == 0) break;
    if (text.size() + static_cast<std::size_t>(got) > limit) {
      const bool gz = gzdirect(f) == 0;
      gzclose(f);
      throw InputError(path + ": " + (gz ? "decompresses to more than " : "holds more than ") + std::to_string(limit) +
                       " bytes of text, the limit for one CSV file (docs/formats.md, "
                       "\"Limits and encodings\"; the environment variable IRIO_MAX_CSV_BYTES raises it)");
    }
    text.append(buf, static_cast<std::size_t>(got));
  }
  int code = 0;
  const std::string msg = gzerror(f, &code);
  const bool gz = gzdirect(f) == 0;
  const int closed = gzclose(f);
  if (gz && (code == Z_BUF_ERROR || closed == Z_BUF_ERROR))
    throw InputError(path + ": the gzip stream is truncated (it ends after " + std::to_string(text.size()) +
                     " bytes of text, in the middle of the compressed data: an incomplete download or copy?)");
  if (gz && code != Z_OK) throw InputError(path + ": the gzip stream is corrupt (" + msg + ")");
  return text;
}

/// UTF-8 text of a file: as read when valid, converted when it decodes as GB18030 (and a notice
/// says so), else an InputError naming the line, the field and the byte.
std::string to_utf8(std::string text, const std::string& path, char delimiter, std::string* converted_from) {
  const std::size_t bad = internal::find_invalid_utf8(text);
  if (bad == std::string::npos) return text;
  if (text.compare(0, 2, "\xFF\xFE") == 0 || text.compare(0, 2, "\xFE\xFF") == 0)
    throw InputError(path +
                     " is UTF-16 text (Excel's \"Unicode Text\" export); irio reads UTF-8: save the "
                     "file as \"CSV UTF-8\" (or convert it, e.g. `iconv -f UTF-16 -t UTF-8`)");
  std::string utf8;
  if (internal::gb18030_to_utf8(text, &utf8)) {
    *converted_from = "GB18030";
    notice(path + " is not UTF-8 but GB18030/GBK (Chinese) text: converted to UTF-8");
    return utf8;
  }
  // Line and field of the first bad byte (quotes are not tracked: a good guess for labels).
  std::size_t line = 1, line_start = 0;
  for (std::size_t i = 0; i < bad; ++i)
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  const char d = delimiter != '\0' ? delimiter : detect_delimiter(text.substr(line_start));
  std::size_t field = 1, field_start = line_start;
  for (std::size_t i = line_start; i < bad; ++i)
    if (text[i] == d) {
      ++field;
      field_start = i + 1;
    }
  std::size_t field_end = bad;
  while (field_end < text.size() && text[field_end] != d && text[field_end] != '\n' && text[field_end] != '\r')
    ++field_end;
  char byte[8];
  std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[bad]));
  throw InputError(path + ":" + std::to_string(line) + ":" + std::to_string(field) + ": '" +
                   internal::escape_bytes(std::string_view(text).substr(field_start, field_end - field_start)) +
                   "' is not UTF-8 text (byte " + byte +
                   "), nor GB18030/GBK Chinese text; irio reads "
                   "UTF-8: save the file as UTF-8 (e.g. `iconv -f LATIN1 -t UTF-8`, or \"CSV UTF-8\" in Excel)");
}

char detect_delimiter(const std::string& text) {
  std::size_t tabs = 0, commas = 0, semis = 0;
  bool quoted = false, seen_content = false;
  for (char ch : text) {
    if (ch == '"') quoted = !quoted;
    if (quoted) continue;
    if (ch == '\n') {
      if (seen_content) break;
      continue;
    }
    if (ch != '\r' && ch != ' ') seen_content = true;
    if (ch == '\t') ++tabs;
    else if (ch == ',') ++commas;
    else if (ch == ';') ++semis;
  }
  if (tabs > commas) return '\t';
  if (commas == 0 && semis > 0) return ';';
  return ',';
}

std::string trim(const std::string& s) {
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return s.substr(b, e - b);
}

/// " (decimal comma? ...)" when `s` reads as a number once its one comma is a point ("347,23").
std::string decimal_comma_hint(const std::string& s) {
  const std::string t = trim(s);
  const auto comma = t.find(',');
  if (comma == std::string::npos || t.find(',', comma + 1) != std::string::npos || t.find('.') != std::string::npos)
    return {};
  std::string dotted = t;
  dotted[comma] = '.';
  double v = 0;
  if (!parse_double(dotted, v)) return {};
  return " (decimal comma? give --decimal , to read '" + t + "' as " + dotted +
         " (the fields must then be separated by ';' or tabs), or export the file with '.' as decimal)";
}

}  // namespace

bool parse_double(const std::string& s, double& out) {
  const std::string t = trim(s);
  if (t.empty()) return false;
  const char* b = t.data();
  const char* e = t.data() + t.size();
  // One optional sign: "+5" is 5, "+-5" and "-+5" are not numbers (issue 22: "+-5" was read as -5).
  if (*b == '+') {
    ++b;
    if (b != e && *b == '-') return false;
  }
  if (b == e || !(std::isdigit(static_cast<unsigned char>(*b)) || *b == '-' || *b == '.')) return false;
  double v = 0;
  auto res = std::from_chars(b, e, v);
  if (res.ec == std::errc::result_out_of_range) {
    // Subnormal underflow is harmless; overflow is not a usable number.
    v = std::strtod(std::string(b, e).c_str(), nullptr);
  } else if (res.ec != std::errc() || res.ptr != e) {
    return false;
  }
  if (!std::isfinite(v)) return false;
  out = v;
  return true;
}

CsvFile parse_csv(const std::string& text, const std::string& path, const CsvOptions& opt) {
  CsvFile f;
  f.path = path;
  if (opt.decimal != '.' && opt.decimal != ',') throw InputError(path + ": the decimal separator must be '.' or ','");
  f.decimal = opt.decimal;
  f.delimiter = opt.delimiter != '\0' ? opt.delimiter : detect_delimiter(text);
  if (opt.decimal == ',' && opt.delimiter == '\0' && f.delimiter == ',') f.delimiter = ';';  // ',' is the decimal
  if (f.delimiter == f.decimal)
    throw InputError(path + ": the field separator and the decimal separator are both '" + std::string(1, f.decimal) +
                     "'");
  const char d = f.delimiter;
  std::size_t pos = 0, line = 1;
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) pos = 3;  // UTF-8 byte-order mark
  const std::size_t end = text.size();
  while (pos < end) {
    CsvRow row;
    row.line = line;
    std::string field;
    bool field_quoted = false, any_content = false;
    for (;;) {
      if (pos >= end) {
        break;
      }
      char ch = text[pos];
      if (ch == '"' && trim(field).empty() && !field_quoted) {
        // Quoted field: read to the closing quote; "" is a literal quote.
        field.clear();
        field_quoted = true;
        any_content = true;
        const std::size_t start_line = line;
        ++pos;
        for (;;) {
          if (pos >= end)
            throw InputError(path + ":" + std::to_string(start_line) + ":" + std::to_string(row.fields.size() + 1) +
                             ": unterminated quoted field");
          char q = text[pos++];
          if (q == '"') {
            if (pos < end && text[pos] == '"') {
              field.push_back('"');
              ++pos;
            } else {
              break;
            }
          } else {
            if (q == '\n') ++line;
            field.push_back(q);
          }
        }
        continue;
      }
      ++pos;
      if (ch == d) {
        row.fields.push_back(field_quoted || !opt.trim ? field : trim(field));
        field.clear();
        field_quoted = false;
        any_content = true;
        continue;
      }
      if (ch == '\n') {
        ++line;
        break;
      }
      if (ch == '\r') continue;
      if (field_quoted) {
        if (ch != ' ' && ch != '\t')
          throw InputError(path + ":" + std::to_string(line) + ":" + std::to_string(row.fields.size() + 1) +
                           ": text after the closing quote of a quoted field");
        continue;
      }
      if (ch != ' ' && ch != '\t') any_content = true;
      field.push_back(ch);
    }
    if (!any_content) continue;  // blank line
    row.fields.push_back(field_quoted || !opt.trim ? field : trim(field));
    f.rows.push_back(std::move(row));
  }
  return f;
}

CsvFile read_csv(const std::string& path, const CsvOptions& opt) {
  return internal::guard_memory(path, [&] {
    std::string converted_from;
    const std::string text = to_utf8(read_all(path, opt), path, opt.delimiter, &converted_from);
    CsvFile f = parse_csv(text, path, opt);
    f.converted_from = converted_from;
    return f;
  });
}

std::string CsvFile::where(std::size_t row, std::size_t col) const {
  const std::size_t line = row < rows.size() ? rows[row].line : 0;
  return path + ":" + std::to_string(line) + ":" + std::to_string(col + 1);
}

const std::string& CsvFile::cell(std::size_t row, std::size_t col) const {
  const auto& r = rows.at(row);
  if (col >= r.fields.size())
    throw InputError(path + ":" + std::to_string(r.line) + ": row has " + std::to_string(r.fields.size()) +
                     " fields, column " + std::to_string(col + 1) + " is missing (ragged row)");
  return r.fields[col];
}

double CsvFile::number(std::size_t row, std::size_t col, const std::string& what) const {
  const std::string& s = cell(row, col);
  double v = 0;
  if (decimal == ',') {
    if (s.find('.') != std::string::npos)
      throw InputError(where(row, col) + ": '" + s + "'" + (what.empty() ? std::string() : " in " + what) +
                       " has a '.' although the decimal separator is ',' (--decimal ,); thousands separators "
                       "are not read: remove them");
    std::string dotted = s;
    for (char& ch : dotted)
      if (ch == ',') ch = '.';
    if (!parse_double(dotted, v))
      throw InputError(where(row, col) + ": non-numeric cell '" + s + "'" +
                       (what.empty() ? std::string() : " in " + what));
    return v;
  }
  if (!parse_double(s, v))
    throw InputError(where(row, col) + ": non-numeric cell '" + s + "'" +
                     (what.empty() ? std::string() : " in " + what) + decimal_comma_hint(s));
  return v;
}

void CsvFile::require_width(std::size_t width, std::size_t first) const {
  for (std::size_t r = first; r < rows.size(); ++r)
    if (rows[r].fields.size() != width)
      throw InputError(path + ":" + std::to_string(rows[r].line) + ": row has " +
                       std::to_string(rows[r].fields.size()) + " fields, expected " + std::to_string(width) +
                       " (ragged row)");
}

}  // namespace irio::io
