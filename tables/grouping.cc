// SPDX-License-Identifier: MIT
// Grouping (concordance) construction, lookup and concordance matrix.
#include "irio/tables/grouping.h"

#include <unordered_set>

#include <algorithm>

#include "irio/tables/error.h"
#include "irio/tables/province_aliases.h"

namespace irio::tables {

Grouping Grouping::from_pairs(std::string name, const std::vector<std::pair<std::string, std::string>>& pairs,
                              const std::string& source) {
  Grouping g;
  g.name_ = std::move(name);
  std::unordered_map<std::string, int> group_pos;
  g.index_.reserve(pairs.size());
  g.members_.reserve(pairs.size());
  g.group_of_.reserve(pairs.size());
  for (const auto& [member, group] : pairs) {
    if (member.empty()) throw InputError(source + ": grouping '" + g.name_ + "' has an empty member label");
    if (group.empty())
      throw InputError(source + ": grouping '" + g.name_ + "': member '" + member + "' has an empty group");
    if (member == "*" && g.catch_all_ >= 0)
      throw InputError(source + ": grouping '" + g.name_ + "' has two catch-all lines ('*')");
    auto gp = group_pos.find(group);
    int gi = 0;
    if (gp == group_pos.end()) {
      gi = static_cast<int>(g.groups_.size());
      group_pos.emplace(group, gi);
      g.groups_.push_back(group);
    } else {
      gi = gp->second;
    }
    if (member == "*") {  // catch-all: not a member
      g.catch_all_ = gi;
      continue;
    }
    if (!g.index_.emplace(member, gi).second)
      throw InputError(source + ": grouping '" + g.name_ + "': member '" + member + "' is listed twice (in group '" +
                       g.group_of(member) + "' and '" + group + "')");
    g.members_.push_back(member);
    g.group_of_.push_back(gi);
    if (const std::string key = province_key(member); !key.empty()) g.province_index_.emplace(key, gi);
  }
  return g;
}

Grouping Grouping::identity(std::string name, const std::vector<std::string>& labels) {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& l : labels) pairs.emplace_back(l, l);
  return from_pairs(std::move(name), pairs);
}

int Grouping::find(const std::string& label) const {
  if (auto it = index_.find(label); it != index_.end()) return it->second;
  if (province_index_.empty()) return -1;
  const std::string key = province_key(label);
  if (key.empty()) return -1;
  auto it = province_index_.find(key);
  return it == province_index_.end() ? -1 : it->second;
}

int Grouping::group_index(const std::string& member) const {
  const int g = find(member);
  return g < 0 ? catch_all_ : g;
}

Grouping Grouping::with_other(const std::string& group) const {
  if (group.empty()) throw InputError("grouping '" + name_ + "': the catch-all group name is empty");
  if (catch_all_ >= 0 && groups_[static_cast<std::size_t>(catch_all_)] != group)
    throw InputError("grouping '" + name_ + "' puts unlisted members in '" +
                     groups_[static_cast<std::size_t>(catch_all_)] + "' already (its '*' line); --other '" + group +
                     "' contradicts it");
  Grouping g = *this;
  auto it = std::find(g.groups_.begin(), g.groups_.end(), group);
  if (it == g.groups_.end()) {
    g.groups_.push_back(group);
    it = g.groups_.end() - 1;
  }
  g.catch_all_ = static_cast<int>(it - g.groups_.begin());
  return g;
}

const std::string& Grouping::group_of(const std::string& member) const {
  const int g = group_index(member);  // the catch-all line's group for a label no line names
  if (g < 0)
    throw InputError("grouping '" + name_ + "' has no member '" + member +
                     "' (nearest: " + Labels::nearest(members_, member, 2) +
                     "): add a line member,group for it, or a catch-all line *,GROUP");
  return groups_[static_cast<std::size_t>(g)];
}

void Grouping::require_members_in(const std::vector<std::string>& labels, const std::string& what,
                                  const std::string& source, bool provinces) const {
  std::unordered_set<std::string> exact(labels.begin(), labels.end()), keys;
  if (provinces)
    for (const auto& l : labels)
      if (auto key = province_key(l); !key.empty()) keys.insert(std::move(key));
  auto known = [&](const std::string& member) {
    if (exact.count(member) > 0) return true;
    if (!provinces) return false;
    const std::string key = province_key(member);
    return !key.empty() && keys.count(key) > 0;
  };
  std::string unknown;
  std::size_t n = 0;
  if (reference_list_) {
    for (const auto& member : members_)
      if (known(member)) return;
    throw InputError(source + ": grouping '" + name_ + "' names no " + what + " (" + std::to_string(members_.size()) +
                     " members, e.g. '" + (members_.empty() ? "" : members_.front()) +
                     "'): it is not a grouping of this table");
  }
  for (const auto& member : members_)
    if (!known(member) && n++ < 5)
      unknown += (unknown.empty() ? "'" : "; '") + member + "' (nearest: " + Labels::nearest(labels, member, 2) + ")";
  if (n > 0)
    throw InputError(source + ": grouping '" + name_ + "' lists " + std::to_string(n) + " member" + (n > 1 ? "s" : "") +
                     " that " + (n > 1 ? "are" : "is") + " not a " + what + ": " + unknown + (n > 5 ? "; ..." : "") +
                     " (members are matched exactly: case, spaces and wildcards count)");
}

std::vector<int> Grouping::map(const std::vector<std::string>& labels, const std::string& what,
                               const std::string& source) const {
  std::vector<int> out(labels.size());
  std::vector<std::string> missing;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    out[i] = group_index(labels[i]);
    if (out[i] < 0) missing.push_back(labels[i]);
  }
  if (!missing.empty()) {
    std::string list;
    for (std::size_t i = 0; i < missing.size() && i < 10; ++i) list += (i ? ", '" : "'") + missing[i] + "'";
    if (missing.size() > 10) list += ", ...";
    throw InputError(source + ": grouping '" + name_ + "' does not cover " + std::to_string(missing.size()) + " " +
                     what + (missing.size() > 1 ? "s" : "") + ": " + list +
                     " (list them in the grouping, add a line '*,Other' to put every unlisted " + what +
                     " in a group 'Other', or give --other Other)");
  }
  return out;
}

Matrix Grouping::matrix(const std::vector<std::string>& labels, const std::string& what,
                        const std::string& source) const {
  const std::vector<int> idx = map(labels, what, source);
  Matrix S = Matrix::Zero(static_cast<Eigen::Index>(groups_.size()), static_cast<Eigen::Index>(labels.size()));
  for (std::size_t j = 0; j < idx.size(); ++j) S(idx[j], static_cast<Eigen::Index>(j)) = 1.0;
  return S;
}

}  // namespace irio::tables
