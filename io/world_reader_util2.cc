// SPDX-License-Identifier: MIT
// Folder / zip file trees and line streaming for the EXIOBASE 3 and GLORIA readers.
#include "irio/io/world_reader_util2.h"

#include <zip.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "irio/tables/error.h"

namespace fs = std::filesystem;

namespace irio::io::world2 {

namespace {

zip_t* as_zip(void* z) { return static_cast<zip_t*>(z); }

class FileLineReader : public LineReader {
 public:
  explicit FileLineReader(const std::string& path) : path_(path), f_(std::fopen(path.c_str(), "rb")) {
    if (f_ == nullptr) throw InputError(path + ": cannot open the file (missing or unreadable)");
  }
  ~FileLineReader() override {
    if (f_ != nullptr) std::fclose(f_);
  }

 protected:
  std::size_t read(char* buf, std::size_t n) override {
    const std::size_t got = std::fread(buf, 1, n, f_);
    if (got < n && std::ferror(f_)) throw InputError(path_ + ": read error");
    return got;
  }

 private:
  std::string path_;
  std::FILE* f_;
};

class ZipLineReader : public LineReader {
 public:
  ZipLineReader(zip_t* z, const std::string& member, const std::string& where) : where_(where) {
    f_ = zip_fopen(z, member.c_str(), 0);
    if (f_ == nullptr) throw InputError(where + ": cannot open the archive member: " + zip_strerror(z));
  }
  ~ZipLineReader() override {
    if (f_ != nullptr) zip_fclose(f_);
  }

 protected:
  std::size_t read(char* buf, std::size_t n) override {
    const zip_int64_t got = zip_fread(f_, buf, n);
    if (got < 0) throw InputError(where_ + ": the archive member is corrupt (" + zip_file_strerror(f_) + ")");
    return static_cast<std::size_t>(got);
  }

 private:
  std::string where_;
  zip_file_t* f_ = nullptr;
};

}  // namespace

bool LineReader::next(std::string_view& line) {
  long_line_.clear();
  for (;;) {
    const char* b = buf_.data() + begin_;
    const char* e = buf_.data() + end_;
    const char* nl = static_cast<const char*>(std::memchr(b, '\n', static_cast<std::size_t>(e - b)));
    if (nl != nullptr) {
      std::size_t len = static_cast<std::size_t>(nl - b);
      begin_ += len + 1;
      if (!long_line_.empty()) {
        long_line_.append(b, len);
        if (!long_line_.empty() && long_line_.back() == '\r') long_line_.pop_back();
        line = long_line_;
      } else {
        if (len > 0 && b[len - 1] == '\r') --len;
        line = std::string_view(b, len);
      }
      ++line_no_;
      return true;
    }
    if (eof_) {
      if (begin_ == end_ && long_line_.empty()) return false;
      long_line_.append(b, static_cast<std::size_t>(e - b));
      begin_ = end_;
      if (!long_line_.empty() && long_line_.back() == '\r') long_line_.pop_back();
      line = long_line_;
      ++line_no_;
      return true;
    }
    // Move the partial line to the front; a line longer than the buffer goes to long_line_.
    if (begin_ == 0 && end_ == buf_.size()) {
      long_line_.append(b, static_cast<std::size_t>(e - b));
      begin_ = end_ = 0;
    } else if (begin_ > 0) {
      std::memmove(buf_.data(), b, end_ - begin_);
      end_ -= begin_;
      begin_ = 0;
    }
    const std::size_t got = read(buf_.data() + end_, buf_.size() - end_);
    if (got == 0) eof_ = true;
    end_ += got;
  }
}

FileTree::FileTree(const std::string& path) : path_(path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      if (it.depth() > 6) {
        it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec)) files_.push_back(fs::relative(it->path(), path, ec).generic_string());
    }
    std::sort(files_.begin(), files_.end());
    return;
  }
  if (!fs::exists(path, ec)) throw InputError(path + ": no such file or folder");
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (z == nullptr) throw InputError(path + ": neither a folder nor a zip archive that can be read");
  zip_ = z;
  const zip_int64_t n = zip_get_num_entries(z, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    const char* name = zip_get_name(z, static_cast<zip_uint64_t>(i), 0);
    if (name == nullptr) continue;
    std::string s(name);
    if (!s.empty() && s.back() != '/') files_.push_back(s);
  }
  std::sort(files_.begin(), files_.end());
}

FileTree::~FileTree() {
  if (zip_ != nullptr) zip_discard(as_zip(zip_));
}

bool FileTree::has(const std::string& rel) const { return std::binary_search(files_.begin(), files_.end(), rel); }

std::string FileTree::where(const std::string& rel) const {
  if (zip_ != nullptr) return path_ + ":" + rel;
  return (fs::path(path_) / rel).string();
}

std::unique_ptr<LineReader> FileTree::open(const std::string& rel) const {
  if (!has(rel)) throw InputError(where(rel) + ": the file is missing");
  if (zip_ != nullptr) return std::make_unique<ZipLineReader>(as_zip(zip_), rel, where(rel));
  return std::make_unique<FileLineReader>(where(rel));
}

std::string FileTree::read_small(const std::string& rel, std::size_t max_bytes) const {
  auto r = open(rel);
  std::string out;
  std::string_view line;
  while (r->next(line)) {
    out.append(line).push_back('\n');
    if (out.size() > max_bytes)
      throw InputError(where(rel) + ": larger than " + std::to_string(max_bytes) +
                       " bytes (a parameter file is small)");
  }
  return out;
}

WideTextReader::WideTextReader(const FileTree& tree, const std::string& rel, std::size_t index_cols,
                               std::size_t header_rows, char sep, const std::string& what)
    : in_(tree.open(rel)), file_(tree.where(rel)), what_(what), index_cols_(index_cols), sep_(sep) {
  std::string_view line;
  std::size_t width = 0;
  for (std::size_t h = 0; h < header_rows; ++h) {
    if (!in_->next(line))
      throw InputError(file_ + ": " + what + " ends after " + std::to_string(h) + " lines; expected " +
                       std::to_string(header_rows) + " header rows (the column labels) and the data");
    split_fields(line, sep_, fields_);
    if (fields_.size() <= index_cols_)
      throw InputError(file_ + ":" + std::to_string(in_->line_number()) + ": " + what + " header row " +
                       std::to_string(h + 1) + " has " + std::to_string(fields_.size()) + " cells; expected " +
                       std::to_string(index_cols_) + " label columns and at least one column label (is the file " +
                       (sep_ == '\t' ? "tab" : "comma") + "-separated?)");
    if (h == 0) {
      width = fields_.size();
      col_keys_.assign(width - index_cols_, std::vector<std::string>(header_rows));
    } else if (fields_.size() != width) {
      throw InputError(file_ + ":" + std::to_string(in_->line_number()) + ": " + what + " header row " +
                       std::to_string(h + 1) + " has " + std::to_string(fields_.size()) + " cells, header row 1 has " +
                       std::to_string(width));
    }
    for (std::size_t c = index_cols_; c < width; ++c)
      col_keys_[c - index_cols_][h] = std::string(trim_field(fields_[c]));
  }
  // pandas writes a row of index names (data cells empty) when the index levels are named.
  if (in_->next(line)) {
    split_fields(line, sep_, fields_);
    bool names_row = fields_.size() >= index_cols_;
    for (std::size_t c = index_cols_; names_row && c < fields_.size(); ++c)
      if (!trim_field(fields_[c]).empty()) names_row = false;
    pending_ = !names_row;
    if (names_row) fields_.clear();
  }
}

std::string WideTextReader::col_name(std::size_t c) const {
  std::string s;
  for (std::size_t h = 0; h < col_keys_[c].size(); ++h) s += (h ? "/" : "") + col_keys_[c][h];
  return s;
}

bool WideTextReader::next() {
  if (pending_) {
    pending_ = false;
  } else {
    std::string_view line;
    if (!in_->next(line)) return false;
    split_fields(line, sep_, fields_);
  }
  if (fields_.size() == 1 && trim_field(fields_[0]).empty()) return next();  // a blank line (at the end)
  if (fields_.size() != index_cols_ + col_keys_.size())
    throw InputError(where() + ": " + what_ + " row " + quote_field(row_name()) + " has " +
                     std::to_string(fields_.size()) + " cells; expected " + std::to_string(index_cols_) +
                     " labels and " + std::to_string(col_keys_.size()) + " values (one per column of the header)");
  return true;
}

double WideTextReader::value(std::size_t c) const {
  double v = 0;
  const std::string_view f = fields_[index_cols_ + c];
  if (!parse_number(f, v))
    throw InputError(where() + ": " + what_ + " row " + quote_field(row_name()) + ", column " +
                     quote_field(col_name(c)) + ": " + quote_field(f) + " is not a finite number");
  return v;
}

std::string WideTextReader::where() const { return file_ + ":" + std::to_string(in_->line_number()); }

std::string WideTextReader::row_name() const {
  std::string s;
  for (std::size_t k = 0; k < index_cols_ && k < fields_.size(); ++k) s += (k ? "/" : "") + std::string(index(k));
  return s;
}

void split_fields(std::string_view line, char sep, std::vector<std::string_view>& out) {
  out.clear();
  std::size_t start = 0;
  for (;;) {
    const std::size_t p = line.find(sep, start);
    if (p == std::string_view::npos) {
      out.push_back(line.substr(start));
      return;
    }
    out.push_back(line.substr(start, p - start));
    start = p + 1;
  }
}

std::string_view trim_field(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '"')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '"')) s.remove_suffix(1);
  return s;
}

bool parse_number(std::string_view s, double& v) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty()) return false;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size() && std::isfinite(v);
}

std::string quote_field(std::string_view s) {
  if (s.size() > 40) return "'" + std::string(s.substr(0, 37)) + "...'";
  return "'" + std::string(s) + "'";
}

}  // namespace irio::io::world2
