// SPDX-License-Identifier: MIT
// Printed summaries of the verbs (summary_text.h).
#include "irio/analysis/summary_text.h"

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>

namespace irio {

void print_formatted(std::ostream& out, const char* format, ...) {
  char buf[512];
  va_list args;
  va_start(args, format);
  const int n = std::vsnprintf(buf, sizeof buf, format, args);
  va_end(args);
  if (n < 0) return;
  if (static_cast<std::size_t>(n) < sizeof buf) {
    out << buf;
    return;
  }
  std::string big(static_cast<std::size_t>(n) + 1, '\0');
  va_start(args, format);
  std::vsnprintf(big.data(), big.size(), format, args);
  va_end(args);
  big.resize(static_cast<std::size_t>(n));
  out << big;
}

void print_diagnostics(std::ostream& out, const tables::TidyTable& d) {
  std::size_t fail = 0;
  for (std::size_t i = 0; i < d.num_rows(); ++i)
    if (d.key(3, i) != "true") {
      ++fail;
      out << "  identity FAILED: " << d.key(0, i) << " [" << d.key(1, i) << "] residual " << d.value(i) << " > "
          << d.key(2, i) << "\n";
    }
  out << "Identities (methods.md §6.2): " << d.num_rows() - fail << " of " << d.num_rows() << " hold\n";
}

void print_groups(std::ostream& out, const solver::gvc::GroupedChains& gc) {
  // |x| < 5e-13 shown as 0: round-off of terms that are zero by construction (e.g. NVC abroad).
  auto show = [](double v) { return std::abs(v) < 5e-13 ? 0.0 : v; };
  print_formatted(out, "\nBy %s (ratios of sums over the group's region-sectors):\n", gc.grouping.c_str());
  const std::size_t w = name_width(gc.groups, "group", 16);
  print_formatted(out, "  %s %12s %12s %12s %12s\n", pad("group", w).c_str(), "NVC forward", "NVC backward",
                  "GVC forward", "GVC backward");
  for (std::size_t k = 0; k < gc.groups.size(); ++k) {
    const auto r = static_cast<Eigen::Index>(k);
    print_formatted(out, "  %s %12.4f %12.4f %12.4f %12.4f\n", pad(gc.groups[k], w).c_str(),
                    show(gc.participation(r, 0)), show(gc.participation(r, 1)), show(gc.participation(r, 2)),
                    show(gc.participation(r, 3)));
  }
}

std::size_t display_width(const std::string& s) {
  std::size_t w = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    char32_t cp = len == 1 ? c : c & (0x3F >> (len - 1));
    for (std::size_t k = 1; k < len && i + k < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += len;
    if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) || cp == 0xFE0F) continue;  // zero width
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
                      (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
                      (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
                      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    w += wide ? 2 : 1;
  }
  return w;
}

std::string pad(const std::string& s, std::size_t width) {
  const std::size_t w = display_width(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}

std::size_t name_width(const std::vector<std::string>& names, const std::string& header, std::size_t min) {
  std::size_t w = std::max(min, display_width(header));
  for (const auto& n : names) w = std::max(w, display_width(n));
  return w;
}

}  // namespace irio
