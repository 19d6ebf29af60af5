// SPDX-License-Identifier: MIT
// Grouping: a many-to-one concordance from member labels (regions or sectors) to group labels,
// and its binary concordance matrix (methods.md §6.1).
#pragma once

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "irio/tables/io_table.h"

namespace irio::tables {

/// A concordance: every member belongs to exactly one group. Groups keep the order in which
/// they first appear.
///
///   Grouping g = Grouping::from_pairs("four_regions", {{"Beijing", "East"}, {"Shanxi", "Central"}});
///   std::vector<int> idx = g.map({"Shanxi", "Beijing"}, "region", "table.h5");  // {1, 0}
class Grouping {
 public:
  Grouping() = default;
  /// Throws InputError (naming `source`) for an empty or duplicated member, or an empty group.
  /// The member "*" is a catch-all: every label that no other member names falls in its group.
  static Grouping from_pairs(std::string name, const std::vector<std::pair<std::string, std::string>>& pairs,
                             const std::string& source = "grouping");
  /// Every label its own group.
  static Grouping identity(std::string name, const std::vector<std::string>& labels);

  const std::string& name() const { return name_; }
  const std::vector<std::string>& groups() const { return groups_; }
  const std::vector<std::string>& members() const { return members_; }
  std::size_t num_groups() const { return groups_.size(); }
  /// Group index of a member (the catch-all group for an unlisted one), or -1. A label that is
  /// not a member but names a province that a member names by another alias (tables::province_key:
  /// "Xizang" / "Tibet" / "西藏") is that member's group.
  int group_index(const std::string& member) const;
  /// This grouping with a catch-all group `group` for every label it does not list (`--other`);
  /// InputError when it has a catch-all line already with another group.
  Grouping with_other(const std::string& group) const;
  /// Group label of a member (the catch-all group for a label no line names); throws InputError if
  /// it has none.
  const std::string& group_of(const std::string& member) const;

  /// InputError (naming `source`, the grouping, up to 5 members and the nearest labels) when a
  /// member is none of `labels` (`what` names them, e.g. "region of the table"): a typo, a wrong case, a trailing
  /// space or a wildcard such as `Bei*` would otherwise be ignored and its region swept into the
  /// catch-all group. With `provinces`, a member naming a label's province by another alias
  /// (tables::province_key: Tibet / Xizang / 西藏) matches it.
  /// A shipped grouping (tables/groupings/) is a reference list of a whole classification (all 31
  /// provinces, all WIOD countries): a table may hold only some of its members, so
  /// require_members_in accepts it as long as one member matches.
  void require_members_in(const std::vector<std::string>& labels, const std::string& what, const std::string& source,
                          bool provinces = false) const;
  void set_reference_list(bool on) { reference_list_ = on; }
  bool reference_list() const { return reference_list_; }
  /// For each label, the index of its group in groups(). Throws InputError naming `source`, the
  /// grouping and up to 10 labels (of kind `what`, e.g. "region") that no member covers.
  std::vector<int> map(const std::vector<std::string>& labels, const std::string& what,
                       const std::string& source) const;
  /// The binary concordance matrix S (num_groups() x labels.size()): S(g, j) = 1 iff label j is
  /// in group g (methods.md §6.1: each column has exactly one 1).
  Matrix matrix(const std::vector<std::string>& labels, const std::string& what, const std::string& source) const;

 private:
  std::string name_;
  std::vector<std::string> members_;
  std::vector<int> group_of_;  // per member
  std::vector<std::string> groups_;
  std::unordered_map<std::string, int> index_;           // member -> group
  std::unordered_map<std::string, int> province_index_;  // province_key(member) -> group
  int find(const std::string& label) const;              // exact, then province alias; -1
  bool reference_list_ = false;                          // a shipped list of a whole classification
  int catch_all_ = -1;                                   // group of the "*" line or --other, or -1
};

}  // namespace irio::tables
