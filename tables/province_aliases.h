// SPDX-License-Identifier: MIT
// Aliases of China's 31 provincial-level regions, so that a grouping naming a province one way
// ("Xizang", "Nei Mongol", "西藏") matches a table naming it another ("Tibet", "Inner Mongolia"):
// the English names of CEADs' workbooks, the official pinyin forms and the Chinese names, with or
// without the administrative suffix (省, 市, 自治区, Province, ...). Sources: tables/groupings/README.md.
#pragma once

#include <string>

namespace irio::tables {

/// The CEADs English name of the province that `label` names (e.g. "Tibet" for "Xizang", "西藏"
/// or "Xizang Autonomous Region"), or "" if `label` is no alias of a province. Case, spaces,
/// hyphens and underscores are ignored for Latin names.
std::string province_key(const std::string& label);

}  // namespace irio::tables
