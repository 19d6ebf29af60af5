// SPDX-License-Identifier: MIT
// Grouping CSV reader on the shared CSV tokenizer, and lookup of the shipped groupings.
#include "irio/io/concordance_reader.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <unordered_map>

#include "irio/io/csv_reader.h"
#include "irio/io/shipped_data.h"
#include "irio/tables/error.h"

namespace irio::io {

namespace {
std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}
}  // namespace

tables::Grouping read_grouping_csv(const std::string& path, const std::string& name) {
  const CsvFile csv = read_csv(path);
  std::size_t head = 0;
  while (head < csv.rows.size() && !csv.rows[head].fields.empty() && csv.rows[head].fields[0].rfind('#', 0) == 0)
    ++head;
  if (head >= csv.rows.size()) throw InputError(path + ": empty grouping file");
  std::size_t c_member = SIZE_MAX, c_group = SIZE_MAX;
  const auto& h = csv.rows[head].fields;
  for (std::size_t c = 0; c < h.size(); ++c) {
    const std::string l = lower(h[c]);
    if (l == "member" || l == "from") c_member = c;
    if (l == "group" || l == "to") c_group = c;
  }
  if (c_member == SIZE_MAX || c_group == SIZE_MAX)
    throw InputError(csv.where(head, 0) + ": the header needs columns 'member' and 'group' (or 'from' and 'to')");
  std::vector<std::pair<std::string, std::string>> pairs;
  std::vector<std::size_t> rows;
  std::unordered_map<std::string, std::size_t> seen;  // member -> index in pairs: O(1) duplicate check
  seen.reserve(csv.rows.size());
  pairs.reserve(csv.rows.size());
  rows.reserve(csv.rows.size());
  for (std::size_t r = head + 1; r < csv.rows.size(); ++r) {
    const auto& f = csv.rows[r].fields;
    if (!f.empty() && f[0].rfind('#', 0) == 0) continue;
    const std::string& m = csv.cell(r, c_member);
    const std::string& g = csv.cell(r, c_group);
    if (m.empty()) throw InputError(csv.where(r, c_member) + ": empty member");
    if (g.empty()) throw InputError(csv.where(r, c_group) + ": member '" + m + "' has an empty group");
    if (const auto [it, fresh] = seen.emplace(m, pairs.size()); !fresh) {
      const std::size_t k = it->second;
      throw InputError(csv.where(r, c_member) + ": member '" + m + "' already listed on line " +
                       std::to_string(csv.rows[rows[k]].line) + " (group '" + pairs[k].second + "')");
    }
    pairs.emplace_back(m, g);
    rows.push_back(r);
  }
  if (pairs.empty()) throw InputError(path + ": the grouping lists no members");
  std::string nm = name;
  if (nm.empty()) nm = std::filesystem::path(path).stem().string();
  return tables::Grouping::from_pairs(nm, pairs, path);
}

std::string groupings_dir() { return shipped_data_dir("groupings", "IRIO_GROUPINGS_DIR"); }

std::vector<std::string> standard_groupings() {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(groupings_dir(), ec))
    if (e.path().extension() == ".csv") out.push_back(e.path().stem().string());
  std::sort(out.begin(), out.end());
  return out;
}

tables::Grouping load_grouping(const std::string& spec) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(spec, ec)) return read_grouping_csv(spec);
  const std::filesystem::path shipped = std::filesystem::path(groupings_dir()) / (spec + ".csv");
  if (spec.find('/') == std::string::npos && std::filesystem::is_regular_file(shipped, ec)) {
    tables::Grouping g = read_grouping_csv(shipped.string(), spec);
    g.set_reference_list(true);  // lists every province (or country) of its classification
    return g;
  }
  std::string list;
  for (const auto& n : standard_groupings()) list += (list.empty() ? "" : ", ") + n;
  throw InputError("grouping '" + spec + "' is neither a file nor a shipped grouping (" +
                   (list.empty() ? std::string("none found in ") + groupings_dir() : list) + ")");
}

}  // namespace irio::io
