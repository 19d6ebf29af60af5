// SPDX-License-Identifier: MIT
// Labelled wide CSV output: quoting, exact numbers, header rows.
#include "irio/io/internal/csv_writer.h"

#include <cstdio>

#include "irio/tables/error.h"

namespace irio::io::internal {

std::string csv_field(const std::string& s) {
  const bool quote = s.find_first_of(",\"\n\r\t") != std::string::npos ||
                     (!s.empty() && (s.front() == ' ' || s.back() == ' '));
  if (!quote) return s;
  std::string q = "\"";
  for (char c : s) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

std::string format_exact(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

CsvOut::CsvOut(const std::string& path, const WriteOptions& opt) : out_(path, opt.overwrite, opt.inputs) {
  os_.open(out_.temp_path(), std::ios::binary);
  if (!os_) throw OutputError("cannot create '" + out_.temp_path() + "'");
}

void CsvOut::row(const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) os_ << (i ? "," : "") << csv_field(cells[i]);
  os_ << '\n';
}

void CsvOut::commit() {
  os_.close();
  if (!os_) throw OutputError("cannot write '" + out_.path() + "'");
  out_.commit();
}

void write_sector_headers(CsvOut& o, const tables::Labels& labels, std::size_t lead, bool with_fd,
                          const std::vector<std::string>& index_names, const std::string& second_name) {
  std::vector<std::string> r1(lead), r2(lead), r3 = index_names;
  r1[0] = "region";
  r2[0] = second_name;
  for (std::size_t j = 0; j < labels.size(); ++j) {
    r1.push_back(labels.region_of(j));
    r2.push_back(labels.sector_of(j));
  }
  if (with_fd)
    for (std::size_t r = 0; r < labels.num_regions(); ++r)
      for (const auto& k : labels.fd_categories) {
        r1.push_back(labels.regions[r]);
        r2.push_back(k);
      }
  r3.resize(r1.size());
  o.row(r1);
  o.row(r2);
  o.row(r3);
}

}  // namespace irio::io::internal
