// SPDX-License-Identifier: MIT
// Shared helpers of the world-table readers (zip members through libzip, labels, file choice).
#include "irio/io/world_reader_util.h"

#include <zip.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "irio/tables/error.h"
#include "irio/tables/labels.h"

namespace fs = std::filesystem;

namespace irio::io {
namespace {

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipCloser>;

ZipPtr open_zip(const std::string& path) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (z == nullptr) {
    std::error_code ec;
    if (!fs::exists(path, ec)) throw InputError(path + ": no such file");
    zip_error_t ze;
    zip_error_init_with_code(&ze, err);
    const std::string why = zip_error_strerror(&ze);
    zip_error_fini(&ze);
    throw InputError(path + ": not a readable zip archive (" + why + ")");
  }
  return ZipPtr(z);
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::vector<std::string> wr_zip_members(const std::string& zip_path) {
  ZipPtr z = open_zip(zip_path);
  std::vector<std::string> out;
  const zip_int64_t n = zip_get_num_entries(z.get(), 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    const char* name = zip_get_name(z.get(), static_cast<zip_uint64_t>(i), 0);
    if (name != nullptr) out.emplace_back(name);
  }
  return out;
}

std::string wr_zip_text(const std::string& zip_path, const std::string& member) {
  ZipPtr z = open_zip(zip_path);
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(z.get(), member.c_str(), 0, &st) != 0)
    throw InputError(zip_path + ": the archive holds no member '" + member + "' (it holds " +
                     wr_quote_list(wr_zip_members(zip_path)) + ")");
  if ((st.valid & ZIP_STAT_SIZE) == 0 || st.size > (std::uint64_t{1} << 33))
    throw InputError(zip_path + ": member '" + member + "' has no size or one beyond 8 GiB");
  zip_file_t* f = zip_fopen(z.get(), member.c_str(), 0);
  if (f == nullptr) throw InputError(zip_path + ": cannot open member '" + member + "'");
  std::string text(static_cast<std::size_t>(st.size), '\0');
  const zip_int64_t got = text.empty() ? 0 : zip_fread(f, text.data(), st.size);
  zip_fclose(f);
  if (got < 0 || static_cast<zip_uint64_t>(got) != st.size)
    throw InputError(zip_path + ": member '" + member + "' is truncated or corrupt");
  return text;
}

bool wr_is_zip(const std::string& path) { return lower(fs::path(path).extension().string()) == ".zip"; }

bool wr_split_first(const std::string& label, char sep, std::string& head, std::string& tail) {
  const auto p = label.find(sep);
  if (p == std::string::npos || p == 0 || p + 1 == label.size()) return false;
  head = label.substr(0, p);
  tail = label.substr(p + 1);
  return true;
}

std::string wr_quote_list(const std::vector<std::string>& names, std::size_t max) {
  std::string s;
  for (std::size_t i = 0; i < names.size() && i < max; ++i) s += (i ? ", '" : "'") + names[i] + "'";
  if (names.size() > max) s += ", ... (" + std::to_string(names.size()) + " in all)";
  if (names.empty()) s = "nothing";
  return s;
}

std::string wr_num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

std::string wr_pick_year_file(const std::string& dir, const std::string& year, const std::vector<std::string>& exts,
                              const std::string& what) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw InputError(what + " folder '" + dir + "' does not exist");
  if (year.empty()) throw InputError(what + " folder '" + dir + "': give the year (--year YYYY) or the file itself");
  std::vector<std::string> hits, all;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (!e.is_regular_file(ec)) continue;
    const std::string name = e.path().filename().string();
    const std::string ext = lower(e.path().extension().string());
    if (std::find(exts.begin(), exts.end(), ext) == exts.end()) continue;
    all.push_back(name);
    if (name.find(year) != std::string::npos) hits.push_back(e.path().string());
  }
  std::sort(hits.begin(), hits.end());
  std::sort(all.begin(), all.end());
  if (hits.size() == 1) return hits[0];
  if (hits.empty())
    throw InputError(what + " folder '" + dir + "' has no file for year " + year +
                     "; its files: " + wr_quote_list(all, 20));
  std::vector<std::string> names;
  for (const auto& h : hits) names.push_back(fs::path(h).filename().string());
  throw InputError(what + " folder '" + dir + "' has several files for year " + year + " (" + wr_quote_list(names) +
                   "): name the file itself");
}

CsvFile wr_parse_csv_text(const std::string& text, const std::string& label, char delimiter) {
  CsvOptions o;
  o.delimiter = delimiter;
  return parse_csv(text, label, o);
}

tables::Matrix wr_read_numbers(const std::string& text, const std::string& label, std::size_t rows, std::size_t cols,
                               char delimiter, const std::string& what) {
  tables::Matrix M = tables::Matrix::Zero(static_cast<Eigen::Index>(rows), static_cast<Eigen::Index>(cols));
  std::size_t pos = 0, line = 0, r = 0;
  const std::size_t end = text.size();
  while (pos < end) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = end;
    ++line;
    std::size_t stop = eol;
    if (stop > pos && text[stop - 1] == '\r') --stop;
    // Trailing delimiters (Eora's files end their lines with a tab) are not fields.
    while (stop > pos && text[stop - 1] == delimiter) --stop;
    if (stop == pos) {  // blank line
      pos = eol + 1;
      continue;
    }
    if (r >= rows)
      throw InputError(label + ":" + std::to_string(line) + ": more than the " + std::to_string(rows) +
                       " lines expected (" + what + ")");
    std::size_t c = 0, p = pos;
    while (p <= stop) {
      std::size_t q = text.find(delimiter, p);
      if (q == std::string::npos || q > stop) q = stop;
      if (c >= cols)
        throw InputError(label + ":" + std::to_string(line) + ": more than the " + std::to_string(cols) +
                         " values expected on a line (" + what + ")");
      std::size_t a = p, b = q;
      while (a < b && (text[a] == ' ' || text[a] == '"')) ++a;
      while (b > a && (text[b - 1] == ' ' || text[b - 1] == '"')) --b;
      double v = 0;
      if (b > a) {
        const char* first = text.data() + a;
        if (*first == '+') ++first;
        const auto res = std::from_chars(first, text.data() + b, v);
        if (res.ec != std::errc() || res.ptr != text.data() + b || !std::isfinite(v)) {
          if (!parse_double(text.substr(a, b - a), v) || !std::isfinite(v))
            throw InputError(label + ":" + std::to_string(line) + ":" + std::to_string(c + 1) + ": '" +
                             text.substr(a, std::min<std::size_t>(b - a, 40)) + "' is not a finite number");
        }
      }
      M(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) = v;
      ++c;
      p = q + 1;
    }
    if (c != cols)
      throw InputError(label + ":" + std::to_string(line) + ": " + std::to_string(c) + " values, expected " +
                       std::to_string(cols) + " (" + what + ")");
    ++r;
    pos = eol + 1;
  }
  if (r != rows)
    throw InputError(label + ": " + std::to_string(r) + " lines of numbers, expected " + std::to_string(rows) + " (" +
                     what + ")");
  return M;
}

std::string wr_file_text(const std::string& path) {
  std::ifstream is(path, std::ios::binary);
  if (!is) throw InputError(path + ": cannot be read (missing or not permitted)");
  std::ostringstream ss;
  ss << is.rdbuf();
  return ss.str();
}

std::size_t wr_intern(std::vector<std::string>& v, const std::string& s) {
  const int k = tables::Labels::find(v, s);
  if (k >= 0) return static_cast<std::size_t>(k);
  v.push_back(s);
  return v.size() - 1;
}

}  // namespace irio::io
