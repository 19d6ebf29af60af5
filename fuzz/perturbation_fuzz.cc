// SPDX-License-Identifier: MIT
// libFuzzer target: read arbitrary text as `batch --perturb` specs (one per line, MATRIX:LAW:SCALE)
// with irio::tables::parse_perturbation. A spec it accepts is then applied (irio::tables::perturbed_table, draws 1
// and 2, seed 7) to a 2-region x 2-sector table: an accepted perturbation must give finite,
// non-negative flows (a perturbation that does not is an input to refuse, not a result to write).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "irio/tables/error.h"
#include "irio/tables/table_draws.h"

namespace {

irio::tables::IoTable make_table() {
  irio::tables::IoTable t;
  t.labels.regions = {"CN", "US"};
  t.labels.sectors = {"agri", "mfg"};
  t.labels.set_each_region_own_country();
  t.labels.fd_categories = {"hh"};
  irio::tables::Matrix Z(4, 4), Y(4, 1);
  Z << 10, 4, 0, 1, 2, 12, 1, 2, 3, 0, 9, 5, 1, 2, 4, 11;
  Y << 30, 20, 28, 25;
  t.Z = Z.sparseView();
  t.Y = Y;
  t.V.resize(0, 4);
  return t;
}

bool finite_non_negative(const irio::tables::IoTable& t) {
  for (Eigen::Index k = 0; k < t.Z.nonZeros(); ++k)
    if (!std::isfinite(t.Z.valuePtr()[k]) || t.Z.valuePtr()[k] < 0) return false;
  return t.Y.allFinite() && (t.Y.array() >= 0).all() && t.output().allFinite();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const irio::tables::IoTable table = make_table();
  // A command line cannot hold a NUL byte: the text ends at the first one, as argv would.
  std::string text(reinterpret_cast<const char*>(data), size);
  text = text.substr(0, text.find('\0'));
  std::vector<irio::tables::Perturbation> ps;
  std::size_t start = 0;
  while (start <= text.size() && ps.size() < 8) {
    const auto end = text.find('\n', start);
    const std::string spec = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    try {
      const auto p = irio::tables::parse_perturbation(spec);
      if (!std::isfinite(p.scale) || p.scale < 0) __builtin_trap();  // the documented range
      ps.push_back(p);
    } catch (const irio::Error& e) {
      // Bad input must end in an irio::Error; anything else is a finding.
      irio::fuzz::note(e.what());
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  if (ps.empty()) return 0;
  for (std::int64_t draw = 1; draw <= 2; ++draw)
    if (!finite_non_negative(irio::tables::perturbed_table(table, ps, 7, draw))) __builtin_trap();
  irio::fuzz::note("ok: " + std::to_string(ps.size()) + " perturbations");
  return 0;
}
