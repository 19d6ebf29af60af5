// SPDX-License-Identifier: MIT
// The province alias table (see province_aliases.h).
#include "irio/tables/province_aliases.h"

#include <cctype>
#include <unordered_map>
#include <utility>
#include <vector>

namespace irio::tables {
namespace {

/// Latin names: lower case, letters and digits only.
std::string fold(const std::string& s) {
  std::string out;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) out += c;  // UTF-8 bytes of a Chinese name, kept as they are
    else if (std::isalnum(u)) out += static_cast<char>(std::tolower(u));
  }
  return out;
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// Without an administrative suffix (English or Chinese), if it has one.
std::string strip_suffix(const std::string& folded) {
  static const std::vector<std::string> suffixes{"uygurautonomousregion",
                                                 "uyghurautonomousregion",
                                                 "zhuangautonomousregion",
                                                 "huiautonomousregion",
                                                 "autonomousregion",
                                                 "municipality",
                                                 "province",
                                                 "shi",
                                                 "sheng",
                                                 "维吾尔自治区",
                                                 "壮族自治区",
                                                 "回族自治区",
                                                 "自治区",
                                                 "省",
                                                 "市"};
  for (const auto& s : suffixes)
    if (ends_with(folded, s)) return folded.substr(0, folded.size() - s.size());
  return folded;
}

const std::unordered_map<std::string, std::string>& aliases() {
  // CEADs English name -> further names (official pinyin, common English, Chinese).
  static const std::vector<std::pair<std::string, std::vector<std::string>>> table{
      {"Beijing", {"北京"}},
      {"Tianjin", {"天津"}},
      {"Hebei", {"河北"}},
      {"Shanxi", {"山西"}},
      {"Inner Mongolia", {"Nei Mongol", "Neimenggu", "Nei Menggu", "Neimongol", "内蒙古"}},
      {"Liaoning", {"辽宁"}},
      {"Jilin", {"吉林"}},
      {"Heilongjiang", {"黑龙江"}},
      {"Shanghai", {"上海"}},
      {"Jiangsu", {"江苏"}},
      {"Zhejiang", {"浙江"}},
      {"Anhui", {"安徽"}},
      {"Fujian", {"福建"}},
      {"Jiangxi", {"江西"}},
      {"Shandong", {"山东"}},
      {"Henan", {"河南"}},
      {"Hubei", {"湖北"}},
      {"Hunan", {"湖南"}},
      {"Guangdong", {"广东"}},
      {"Guangxi", {"Guangxi Zhuang", "广西"}},
      {"Hainan", {"海南"}},
      {"Chongqing", {"重庆"}},
      {"Sichuan", {"四川"}},
      {"Guizhou", {"贵州"}},
      {"Yunnan", {"云南"}},
      {"Tibet", {"Xizang", "西藏"}},
      {"Shaanxi", {"陕西"}},
      {"Gansu", {"甘肃"}},
      {"Qinghai", {"青海"}},
      {"Ningxia", {"Ningxia Hui", "宁夏"}},
      {"Xinjiang", {"Xinjiang Uygur", "Xinjiang Uyghur", "新疆"}}};
  static const std::unordered_map<std::string, std::string> map = [] {
    std::unordered_map<std::string, std::string> m;
    for (const auto& [name, others] : table) {
      m.emplace(fold(name), name);
      for (const auto& o : others) m.emplace(fold(o), name);
    }
    return m;
  }();
  return map;
}

}  // namespace

std::string province_key(const std::string& label) {
  const auto& m = aliases();
  const std::string f = fold(label);
  if (auto it = m.find(f); it != m.end()) return it->second;
  if (auto it = m.find(strip_suffix(f)); it != m.end()) return it->second;
  return {};
}

}  // namespace irio::tables
