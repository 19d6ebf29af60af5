// SPDX-License-Identifier: MIT
// xlsx reading: libzip opens the package, pugixml parses workbook.xml, its relationships, the
// shared-string table and each worksheet (ECMA-376 Part 1, sect. 18.2 workbook, sect. 18.3 sheets, sect. 18.4
// shared strings).
#include "irio/io/xlsx_reader.h"

#include <zip.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <pugixml.hpp>

#include "irio/io/internal/input_file.h"
#include "irio/io/internal/memory_guard.h"
#include "irio/io/internal/text_encoding.h"
#include "irio/tables/error.h"

namespace irio::io {

namespace {

constexpr std::size_t kMaxRows = 1048576;
constexpr std::size_t kMaxCols = 16384;

std::string quote_list(const std::vector<std::string>& v) {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", '" : "'") + v[i] + "'";
  return s.empty() ? "(none)" : s;
}

/// Element name without a namespace prefix ("x:row" -> "row").
const char* local_name(const pugi::xml_node& n) {
  const char* name = n.name();
  const char* colon = std::strrchr(name, ':');
  return colon ? colon + 1 : name;
}

bool is(const pugi::xml_node& n, const char* name) { return std::strcmp(local_name(n), name) == 0; }

pugi::xml_node child(const pugi::xml_node& n, const char* name) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && is(c, name)) return c;
  return {};
}

/// Attribute by local name ("r:id" and "id" both match "id" when `any_prefix`).
pugi::xml_attribute attribute(const pugi::xml_node& n, const char* name, bool any_prefix = false) {
  for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
    const char* an = a.name();
    if (std::strcmp(an, name) == 0) return a;
    if (any_prefix) {
      const char* colon = std::strrchr(an, ':');
      if (colon && std::strcmp(colon + 1, name) == 0) return a;
    }
  }
  return {};
}

/// Concatenated text of the <t> elements below a string item, skipping phonetic runs (<rPh>).
void collect_text(const pugi::xml_node& n, std::string* out) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    if (is(c, "t")) {
      out->append(c.text().get());
    } else if (!is(c, "rPh")) {
      collect_text(c, out);
    }
  }
}

/// Resolve a relationship target against the folder of the part that owns the relationship.
std::string resolve_target(const std::string& base_dir, const std::string& target) {
  std::string path = target.empty() || target[0] != '/' ? base_dir + target : target.substr(1);
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string seg = path.substr(start, end - start);
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(seg);
    }
    start = end + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

std::string format_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

}  // namespace

std::string column_letters(std::size_t col) {
  std::string s;
  std::size_t c = col + 1;
  while (c > 0) {
    std::size_t rem = (c - 1) % 26;
    s.insert(s.begin(), static_cast<char>('A' + rem));
    c = (c - 1) / 26;
  }
  return s;
}

std::string cell_ref(std::size_t row, std::size_t col) { return column_letters(col) + std::to_string(row + 1); }

bool parse_cell_ref(const std::string& ref, std::size_t* row, std::size_t* col) {
  std::size_t i = 0, c = 0, r = 0;
  if (i < ref.size() && ref[i] == '$') ++i;
  std::size_t letters = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') {
    c = c * 26 + static_cast<std::size_t>(ref[i] - 'A' + 1);
    ++i;
    if (++letters > 3) return false;
  }
  if (letters == 0) return false;
  if (i < ref.size() && ref[i] == '$') ++i;
  std::size_t digits = 0;
  while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9') {
    r = r * 10 + static_cast<std::size_t>(ref[i] - '0');
    ++i;
    if (++digits > 7) return false;
  }
  if (digits == 0 || i != ref.size() || r == 0 || r > kMaxRows || c > kMaxCols) return false;
  *row = r - 1;
  *col = c - 1;
  return true;
}

// ---------------------------------------------------------------------------------------------
// XlsxSheet

const XlsxSheet::Entry* XlsxSheet::find(std::size_t row, std::size_t col) const {
  if (row >= rows_.size()) return nullptr;
  const auto& r = rows_[row];
  auto it = std::lower_bound(r.begin(), r.end(), col, [](const Entry& e, std::size_t c) { return e.col < c; });
  return it != r.end() && it->col == col ? &*it : nullptr;
}

XlsxSheet::CellType XlsxSheet::type(std::size_t row, std::size_t col) const {
  const Entry* e = find(row, col);
  return e ? e->type : CellType::kEmpty;
}

double XlsxSheet::number(std::size_t row, std::size_t col) const {
  const Entry* e = find(row, col);
  if (e && (e->type == CellType::kNumber || e->type == CellType::kBoolean)) return e->value;
  return std::numeric_limits<double>::quiet_NaN();
}

const std::string& XlsxSheet::text(std::size_t row, std::size_t col) const {
  static const std::string kEmpty;
  const Entry* e = find(row, col);
  if (e && (e->type == CellType::kString || e->type == CellType::kError))
    return strings_[static_cast<std::size_t>(e->value)];
  return kEmpty;
}

const std::string& XlsxSheet::formula(std::size_t row, std::size_t col) const {
  static const std::string kEmpty;
  const Entry* e = find(row, col);
  if (e && e->type == CellType::kFormula) return strings_[static_cast<std::size_t>(e->value)];
  return kEmpty;
}

std::string XlsxSheet::display(std::size_t row, std::size_t col) const {
  const Entry* e = find(row, col);
  if (!e) return "";
  switch (e->type) {
    case CellType::kNumber: return format_number(e->value);
    case CellType::kBoolean: return e->value != 0 ? "TRUE" : "FALSE";
    case CellType::kString:
    case CellType::kError: return strings_[static_cast<std::size_t>(e->value)];
    case CellType::kFormula: return "=" + strings_[static_cast<std::size_t>(e->value)];
    case CellType::kEmpty: break;
  }
  return "";
}

std::string XlsxSheet::where(std::size_t row, std::size_t col) const {
  return file_ + ", sheet '" + name_ + "', cell " + cell_ref(row, col);
}

// ---------------------------------------------------------------------------------------------
// XlsxWorkbook

struct XlsxWorkbook::Zip {
  zip_t* archive = nullptr;
  std::vector<char> buffer;  // backing store for in-memory archives
  ~Zip() {
    if (archive) zip_discard(archive);
  }
};

XlsxWorkbook::XlsxWorkbook(const std::string& path, const XlsxLimits& limits)
    : file_(path), limits_(limits), zip_(std::make_unique<Zip>()) {
  internal::reject_special_file(path, "an .xlsx workbook");  // a named pipe would block
  int err = 0;
  zip_->archive = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (!zip_->archive) {
    if (err == ZIP_ER_NOENT || err == ZIP_ER_OPEN) {
      std::FILE* f = std::fopen(path.c_str(), "rb");
      if (!f) throw InputError(path + ": cannot open the file (missing or unreadable)");
      std::fclose(f);
    }
    if (err == ZIP_ER_NOZIP || err == ZIP_ER_INCONS || err == ZIP_ER_NOENT)
      throw InputError(path + ": not an .xlsx workbook (not a zip archive, or a truncated one)");
    zip_error_t ze;
    zip_error_init_with_code(&ze, err);
    std::string msg = zip_error_strerror(&ze);
    zip_error_fini(&ze);
    throw InputError(path + ": cannot open as an .xlsx workbook: " + msg);
  }
  internal::guard_memory(file_, [&] { load(); });
}

XlsxWorkbook::XlsxWorkbook(const void* data, std::size_t size, const std::string& label, const XlsxLimits& limits)
    : file_(label), limits_(limits), zip_(std::make_unique<Zip>()) {
  const char* bytes = static_cast<const char*>(data);
  zip_->buffer.assign(bytes, bytes + size);
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t* src =
      zip_source_buffer_create(zip_->buffer.empty() ? nullptr : zip_->buffer.data(), zip_->buffer.size(), 0, &ze);
  if (!src) {
    zip_error_fini(&ze);
    throw InputError(label + ": cannot read the buffer");
  }
  zip_->archive = zip_open_from_source(src, ZIP_RDONLY, &ze);
  if (!zip_->archive) {
    zip_source_free(src);
    zip_error_fini(&ze);
    throw InputError(label + ": not an .xlsx workbook (not a zip archive, or a truncated one)");
  }
  zip_error_fini(&ze);
  internal::guard_memory(file_, [&] { load(); });
}

XlsxWorkbook::~XlsxWorkbook() = default;

bool XlsxWorkbook::has_part(const std::string& part) const {
  return zip_name_locate(zip_->archive, part.c_str(), 0) >= 0;
}

std::string XlsxWorkbook::read_part(const std::string& part) const {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(zip_->archive, part.c_str(), 0, &st) != 0)
    throw InputError(file_ + ": not an .xlsx workbook: part '" + part + "' is missing");
  if ((st.valid & ZIP_STAT_SIZE) && st.size > limits_.max_part_bytes)
    throw InputError(file_ + ": part '" + part + "' is " + std::to_string(st.size) +
                     " bytes uncompressed, above the limit of " + std::to_string(limits_.max_part_bytes));
  zip_file_t* f = zip_fopen(zip_->archive, part.c_str(), 0);
  if (!f) throw InputError(file_ + ": cannot open part '" + part + "': " + zip_strerror(zip_->archive));
  std::string out;
  out.resize(static_cast<std::size_t>(st.size));
  std::size_t got = 0;
  char buf[65536];
  for (;;) {
    zip_int64_t n = zip_fread(f, buf, sizeof buf);
    if (n < 0) {
      std::string msg = zip_file_strerror(f);
      zip_fclose(f);
      throw InputError(file_ + ": part '" + part + "' is corrupt (" + msg + ")");
    }
    if (n == 0) break;
    const auto un = static_cast<std::size_t>(n);
    if (got + un > limits_.max_part_bytes) {
      zip_fclose(f);
      throw InputError(file_ + ": part '" + part + "' exceeds the size limit");
    }
    if (got + un > out.size()) out.resize(got + un);
    std::copy(buf, buf + un, out.begin() + static_cast<std::ptrdiff_t>(got));
    got += un;
  }
  zip_fclose(f);
  out.resize(got);
  return out;
}

void XlsxWorkbook::load() {
  // The main part is named by the package relationships; almost always xl/workbook.xml.
  std::string workbook_part = "xl/workbook.xml";
  if (has_part("_rels/.rels")) {
    std::string rels = read_part("_rels/.rels");
    pugi::xml_document d;
    if (d.load_buffer(rels.data(), rels.size())) {
      for (pugi::xml_node r = child(d.document_element(), "Relationship"); r; r = r.next_sibling()) {
        std::string type = attribute(r, "Type").value();
        if (type.size() >= 14 && type.compare(type.size() - 14, 14, "officeDocument") == 0)
          workbook_part = resolve_target("", attribute(r, "Target").value());
      }
    }
  }
  if (!has_part(workbook_part))
    throw InputError(file_ + ": a zip archive but not an .xlsx workbook (no " + workbook_part + ")");
  const std::string dir = workbook_part.substr(0, workbook_part.rfind('/') + 1);
  const std::string rels_part = dir + "_rels/" + workbook_part.substr(workbook_part.rfind('/') + 1) + ".rels";

  std::vector<std::pair<std::string, std::string>> rel_targets;  // id -> part
  std::string shared_part;
  if (has_part(rels_part)) {
    std::string rels = read_part(rels_part);
    pugi::xml_document d;
    pugi::xml_parse_result pr = d.load_buffer(rels.data(), rels.size());
    if (!pr) throw InputError(file_ + ": " + rels_part + " is not valid XML: " + pr.description());
    for (pugi::xml_node r = d.document_element().first_child(); r; r = r.next_sibling()) {
      if (r.type() != pugi::node_element || !is(r, "Relationship")) continue;
      std::string target = resolve_target(dir, attribute(r, "Target").value());
      rel_targets.emplace_back(attribute(r, "Id").value(), target);
      std::string type = attribute(r, "Type").value();
      if (type.size() >= 13 && type.compare(type.size() - 13, 13, "sharedStrings") == 0) shared_part = target;
    }
  }

  std::string wb = read_part(workbook_part);
  pugi::xml_document d;
  pugi::xml_parse_result pr = d.load_buffer(wb.data(), wb.size());
  if (!pr) throw InputError(file_ + ": " + workbook_part + " is not valid XML: " + pr.description());
  pugi::xml_node sheets = child(d.document_element(), "sheets");
  for (pugi::xml_node s = sheets.first_child(); s; s = s.next_sibling()) {
    if (s.type() != pugi::node_element || !is(s, "sheet")) continue;
    std::string name = attribute(s, "name").value();
    std::string id = attribute(s, "id", true).value();
    std::string part;
    for (const auto& [rid, target] : rel_targets)
      if (rid == id) part = target;
    if (part.empty()) part = dir + "worksheets/sheet" + std::string(attribute(s, "sheetId").value()) + ".xml";
    sheet_names_.push_back(name);
    sheet_parts_.push_back(part);
  }
  if (sheet_names_.empty()) throw InputError(file_ + ": the workbook lists no sheets");

  if (shared_part.empty() && has_part(dir + "sharedStrings.xml")) shared_part = dir + "sharedStrings.xml";
  if (!shared_part.empty() && has_part(shared_part)) {
    std::string ss = read_part(shared_part);
    pugi::xml_document sd;
    pr = sd.load_buffer_inplace(ss.data(), ss.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
    if (!pr) throw InputError(file_ + ": " + shared_part + " is not valid XML: " + pr.description());
    for (pugi::xml_node si = sd.document_element().first_child(); si; si = si.next_sibling()) {
      if (si.type() != pugi::node_element || !is(si, "si")) continue;
      std::string text;
      collect_text(si, &text);
      shared_utf8_.push_back(internal::is_utf8(text));
      shared_strings_.push_back(std::move(text));
    }
  }
}

bool XlsxWorkbook::has_sheet(const std::string& name) const {
  return std::find(sheet_names_.begin(), sheet_names_.end(), name) != sheet_names_.end();
}

XlsxSheet XlsxWorkbook::read_sheet(const std::string& name) const {
  return internal::guard_memory(file_, [&] { return parse_sheet(name); });
}

XlsxSheet XlsxWorkbook::parse_sheet(const std::string& name) const {
  auto it = std::find(sheet_names_.begin(), sheet_names_.end(), name);
  if (it == sheet_names_.end())
    throw InputError(file_ + ": sheet '" + name + "' not found; the workbook has " + quote_list(sheet_names_));
  const std::string& part = sheet_parts_[static_cast<std::size_t>(it - sheet_names_.begin())];
  std::string xml = read_part(part);
  pugi::xml_document d;
  pugi::xml_parse_result pr = d.load_buffer_inplace(
      xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single | pugi::parse_embed_pcdata);
  if (!pr)
    throw InputError(file_ + ", sheet '" + name + "': malformed XML in " + part + " at byte " +
                     std::to_string(pr.offset) + ": " + pr.description());

  XlsxSheet sheet;
  sheet.file_ = file_;
  sheet.name_ = name;
  sheet.strings_ = shared_strings_;
  const std::size_t num_shared = shared_strings_.size();
  pugi::xml_node data = child(d.document_element(), "sheetData");
  std::size_t next_row = 0;
  for (pugi::xml_node r = data.first_child(); r; r = r.next_sibling()) {
    if (r.type() != pugi::node_element || !is(r, "row")) continue;
    std::size_t row = next_row;
    if (pugi::xml_attribute ra = attribute(r, "r")) {
      const char* s = ra.value();
      unsigned long long v = 0;
      auto res = std::from_chars(s, s + std::strlen(s), v);
      if (res.ec != std::errc() || *res.ptr != '\0' || v == 0 || v > kMaxRows)
        throw InputError(file_ + ", sheet '" + name + "': malformed row number '" + s + "'");
      row = static_cast<std::size_t>(v - 1);
    }
    next_row = row + 1;
    if (sheet.rows_.size() <= row) sheet.rows_.resize(row + 1);
    auto& entries = sheet.rows_[row];
    // Size the row by the cells it holds (avoids regrowth on wide rows). Its spans="first:last"
    // hint is not used: a forged file can claim 16 384 columns for every row.
    std::size_t cells_here = 0;
    for (pugi::xml_node c = r.first_child(); c; c = c.next_sibling())
      if (c.type() == pugi::node_element) ++cells_here;
    entries.reserve(entries.size() + cells_here);
    std::size_t next_col = 0;
    bool sorted = true;
    for (pugi::xml_node c = r.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element || !is(c, "c")) continue;
      std::size_t crow = row, col = next_col;
      if (pugi::xml_attribute ref = attribute(c, "r")) {
        if (!parse_cell_ref(ref.value(), &crow, &col))
          throw InputError(file_ + ", sheet '" + name + "': malformed cell reference '" + ref.value() + "' in row " +
                           std::to_string(row + 1));
        if (crow != row)
          throw InputError(file_ + ", sheet '" + name + "': cell reference '" + ref.value() + "' inside row " +
                           std::to_string(row + 1));
      }
      next_col = col + 1;
      const std::string t = attribute(c, "t").value();
      XlsxSheet::Entry e{static_cast<std::uint32_t>(col), XlsxSheet::CellType::kEmpty, 0.0};
      auto bad = [&](const std::string& what) {
        return InputError(file_ + ", sheet '" + name + "', cell " + cell_ref(row, col) + ": " + what);
      };
      if (t == "inlineStr") {
        std::string text;
        if (pugi::xml_node is_node = child(c, "is")) collect_text(is_node, &text);
        e.type = XlsxSheet::CellType::kString;
        e.value = static_cast<double>(sheet.strings_.size());
        sheet.strings_.push_back(std::move(text));
      } else {
        pugi::xml_node v = child(c, "v");
        pugi::xml_node f = child(c, "f");
        if (f && (!v || (*v.text().get() == '\0' && t != "str"))) {
          // A formula without a cached value (written by a program that does not calculate):
          // its value is unknown. Shared formulas (<f t="shared" si="0"/>) have no text here.
          e.type = XlsxSheet::CellType::kFormula;
          e.value = static_cast<double>(sheet.strings_.size());
          std::string ftext = f.text().get();
          if (ftext.empty()) ftext = "(shared formula)";
          sheet.strings_.push_back(std::move(ftext));
        } else if (!v) {
          continue;  // a styled empty cell
        } else {
          const char* txt = v.text().get();
          if (t == "s") {
            unsigned long long idx = 0;
            auto res = std::from_chars(txt, txt + std::strlen(txt), idx);
            if (res.ec != std::errc() || *res.ptr != '\0' || idx >= num_shared)
              throw bad("shared-string index '" + std::string(txt) + "' is invalid (the table has " +
                        std::to_string(num_shared) + " strings)");
            e.type = XlsxSheet::CellType::kString;
            e.value = static_cast<double>(idx);
          } else if (t == "str" || t == "e" || t == "d") {
            e.type = t == "e" ? XlsxSheet::CellType::kError : XlsxSheet::CellType::kString;
            e.value = static_cast<double>(sheet.strings_.size());
            sheet.strings_.emplace_back(txt);
          } else if (t == "b") {
            if (std::strcmp(txt, "0") != 0 && std::strcmp(txt, "1") != 0)
              throw bad("boolean value '" + std::string(txt) + "' is not 0 or 1");
            e.type = XlsxSheet::CellType::kBoolean;
            e.value = txt[0] == '1' ? 1.0 : 0.0;
          } else if (t.empty() || t == "n") {
            const char* end = txt + std::strlen(txt);
            while (txt < end && (*txt == ' ' || *txt == '\n' || *txt == '\t' || *txt == '\r')) ++txt;
            while (end > txt && (end[-1] == ' ' || end[-1] == '\n' || end[-1] == '\t' || end[-1] == '\r')) --end;
            if (txt == end) continue;
            const char* p = txt;
            if (*p == '+' && p + 1 < end && p[1] != '-') ++p;  // one sign only: "+-5" is no number
            double val = 0;
            auto res = std::from_chars(p, end, val);
            if (res.ec != std::errc() || res.ptr != end)
              throw bad("number '" + std::string(txt, end) + "' cannot be read");
            e.type = XlsxSheet::CellType::kNumber;
            e.value = val;
          } else {
            throw bad("unknown cell type t=\"" + t + "\"");
          }
        }
      }
      if (e.type == XlsxSheet::CellType::kString || e.type == XlsxSheet::CellType::kError) {
        const auto k = static_cast<std::size_t>(e.value);
        if (k < num_shared ? !shared_utf8_[k] : !internal::is_utf8(sheet.strings_[k]))
          internal::require_utf8(sheet.strings_[k], sheet.where(row, col), "the text");
      }
      if (!entries.empty() && entries.back().col >= e.col) sorted = false;
      entries.push_back(e);
      sheet.num_cols_ = std::max(sheet.num_cols_, col + 1);
    }
    if (!sorted) {
      std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.col < b.col; });
      for (std::size_t k = 1; k < entries.size(); ++k)
        if (entries[k].col == entries[k - 1].col)
          throw InputError(file_ + ", sheet '" + name + "': cell " + cell_ref(row, entries[k].col) + " appears twice");
    }
  }
  // Trailing empty rows (styled but without values) do not count.
  while (!sheet.rows_.empty() && sheet.rows_.back().empty()) sheet.rows_.pop_back();
  for (const auto& r : sheet.rows_) sheet.num_cells_ += r.size();
  return sheet;
}

}  // namespace irio::io
