// SPDX-License-Identifier: MIT
// Progress display text (progress_bar.h).
#include "irio/tables/progress_bar.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace irio::tables {

std::string format_elapsed(double seconds) {
  const long s = std::isfinite(seconds) && seconds > 0 ? static_cast<long>(seconds) : 0L;
  char buf[32];
  if (s >= 3600) std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
  else std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

std::string progress_bar_line(double fraction, double elapsed_seconds, const std::string& phase, int width,
                              std::size_t max_phase) {
  const double f = std::isfinite(fraction) ? std::clamp(fraction, 0.0, 1.0) : 0.0;
  const int w = std::max(1, width);
  const int filled = static_cast<int>(std::floor(f * w + 1e-9));
  std::string out = "[";
  out.append(static_cast<std::size_t>(filled), '#');
  out.append(static_cast<std::size_t>(w - filled), '.');
  char pct[16];
  std::snprintf(pct, sizeof pct, "] %3.0f%%  ", 100.0 * f);
  out += pct;
  out += format_elapsed(elapsed_seconds);
  std::string p = phase;
  if (p.size() > max_phase) {
    std::size_t cut = max_phase;
    while (cut > 0 && (static_cast<unsigned char>(p[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
    p = p.substr(0, cut) + "...";
  }
  if (!p.empty()) out += "  " + p;
  return out;
}

std::string progress_phase_line(double elapsed_seconds, const std::string& phase) {
  if (std::isfinite(elapsed_seconds) && elapsed_seconds < 59.95) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f s", std::max(0.0, elapsed_seconds));
    return phase + " (" + buf + ")";
  }
  return phase + " (" + format_elapsed(elapsed_seconds) + ")";
}

}  // namespace irio::tables
