// SPDX-License-Identifier: MIT
// End-to-end benchmark task (see e2e_task.h).
#include "bench/e2e_task.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "bench/bench_tasks.h"
#include "bench/dense_calc_all.h"
#include "bench/e2e_common.h"
#include "bench/machine_floor.h"
#include "irio/io/table_store.h"
#include "irio/solver/blas_info.h"

namespace irio::bench {
namespace {

namespace fs = std::filesystem;
using tables::Matrix;
using tables::Vector;
using Index = Eigen::Index;

/// The peers' method on the table in `path` (pymrio calc_all, dense_calc_all) with the output and
/// value-added multipliers 1'L and v'L, written to `out` as CSV.
void baseline(const std::string& path, const std::string& out) {
  const tables::IoTable t = io::read_table(path);
  const Index N = static_cast<Index>(t.labels.num_sectors());
  const Matrix L = dense_leontief_inverse(t);
  Accounts acc = dense_calc_all(t, L, t.satellites.at(0), false);
  const Vector v = t.value_added_residual().cwiseProduct(tables::safe_reciprocal(t.output()));
  acc["output_multiplier"] = Matrix::Ones(1, L.rows()) * L;
  acc["va_multiplier"] = v.transpose() * L;
  std::FILE* f = std::fopen(out.c_str(), "w");
  if (!f) throw std::runtime_error("cannot write " + out);
  std::fprintf(f, "region,sector,stressor,account,value\n");
  for (const auto& [name, D] : acc)
    for (Index q = 0; q < D.rows(); ++q)
      for (Index j = 0; j < D.cols(); ++j)
        std::fprintf(f, "%s,%s,%lld,%s,%.17g\n", t.labels.regions[static_cast<std::size_t>(j / N)].c_str(),
                     t.labels.sectors[static_cast<std::size_t>(j % N)].c_str(), static_cast<long long>(q), name.c_str(),
                     D(q, j));
  std::fclose(f);
}

/// account -> (region/sector/stressor -> value) from a tidy CSV with the columns region, sector,
/// [stressor,] account or indicator, value, found by name (irio's footprints files also carry
/// stressor_unit).
void read_tidy(const std::string& path, std::map<std::string, std::map<std::string, double>>& out) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  std::vector<std::string> head;
  {
    std::stringstream h(line);
    for (std::string c; std::getline(h, c, ',');) head.push_back(c);
  }
  auto column = [&](const std::string& name) {
    const auto it = std::find(head.begin(), head.end(), name);
    return it == head.end() ? -1 : static_cast<int>(it - head.begin());
  };
  const int region = column("region"), sector = column("sector"), stressor = column("stressor"),
            value = column("value");
  const int account = column("account") >= 0 ? column("account") : column("indicator");
  if (region < 0 || sector < 0 || value < 0 || account < 0) return;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream ss(line);
    for (std::string c; std::getline(ss, c, ',');) cells.push_back(c);
    if (cells.size() != head.size()) continue;
    const auto at = [&](int c) { return cells[static_cast<std::size_t>(c)]; };
    const std::string key = at(region) + "/" + at(sector) + (stressor >= 0 ? "/" + at(stressor) : std::string());
    out[at(account)][key] = std::strtod(at(value).c_str(), nullptr);
  }
}

/// Largest normwise relative difference per account between irio's files (those whose names
/// start with one of `prefixes`: one table is written to the name given, m.csv, several to
/// m_<table>.csv) and the baseline's. An account irio did not write is listed, not counted.
double compare(const fs::path& dir, const std::vector<std::string>& prefixes, const std::string& base_csv,
               std::string& detail) {
  std::map<std::string, std::map<std::string, double>> irio, base;
  for (const auto& e : fs::directory_iterator(dir)) {
    const auto name = e.path().filename().string();
    bool ours = false;
    for (const auto& p : prefixes) ours = ours || name.rfind(p + ".", 0) == 0 || name.rfind(p + "_", 0) == 0;
    if (ours && e.path().extension() == ".csv") read_tidy(e.path().string(), irio);
  }
  read_tidy(base_csv, base);
  // Baseline stressor keys are indices; irio's are stressor names "stressor<k>".
  const std::map<std::string, std::string> irio_name = {{"output_multiplier", "output"},
                                                        {"va_multiplier", "value_added"}};
  double worst = 0;
  for (const auto& [acc, values] : base) {
    const auto alias = irio_name.count(acc) ? irio_name.at(acc) : acc;
    const auto it = irio.find(alias);
    if (it == irio.end()) {
      detail += " " + acc + ": not asked for;";
      continue;
    }
    double diff = 0, scale = 0;
    std::size_t matched = 0;
    for (const auto& [key, b] : values) {
      std::string k = key;
      const auto slash = k.rfind('/');
      if (std::count(k.begin(), k.end(), '/') == 2) k = k.substr(0, slash + 1) + "stressor" + k.substr(slash + 1);
      if (acc == "output_multiplier" || acc == "va_multiplier") k = key.substr(0, slash);
      const auto jt = it->second.find(k);
      if (jt == it->second.end()) continue;
      ++matched;
      diff = std::max(diff, std::abs(jt->second - b));
      scale = std::max({scale, std::abs(jt->second), std::abs(b)});
    }
    const double rel = matched ? diff / std::max(scale, 1e-300) : INFINITY;
    char buf[160];
    std::snprintf(buf, sizeof buf, " %s %.1e (%zu values);", acc.c_str(), rel, matched);
    detail += buf;
    worst = std::max(worst, rel);
  }
  return worst;
}

}  // namespace

int run_e2e(const E2eOptions& opt) {
  const auto& spec = opt.spec;
  const int n = spec.regions * spec.sectors;
  const solver::BlasInfo blas = solver::blas_info();
  std::printf("irio_bench e2e: %d regions x %d sectors (n = %d), %d stressor(s), seed %u\n", spec.regions, spec.sectors,
              n, spec.satellites, spec.seed);
  print_blas_line("baseline");
  const fs::path dir = work_folder(opt.workdir, "e2e");
  const std::string table = (dir / "t.h5").string();
  {
    const double t0 = now();
    const auto t = make_synthetic_mrio(spec);
    const double t1 = now();
    write_bench_table(t, t1 - t0, table, opt.compression_level);
  }
  // Two routes: the two commands a pymrio user's calc_all maps to (every account at sector detail,
  // D_imp by product included), and one command for multipliers, M and the regional accounts.
  const std::string log_m = (dir / "multipliers.log").string(), log_f = (dir / "footprints.log").string(),
                    log_one = (dir / "one.log").string();
  const Child m = run_irio(opt.irio_binary, {"multipliers", table, "-o", (dir / "m.csv").string()}, log_m);
  const Child f = run_irio(
      opt.irio_binary,
      {"footprints", table, "--satellite", "env", "--imports-by-sector", "-o", (dir / "fp.csv").string()}, log_f);
  setenv("IRIO_TRACE_ITER", "1", 1);  // the GMRES step counts, for the floor
  const Child one = run_irio(
      opt.irio_binary,
      {"footprints", table, "--satellite", "env", "--with-multipliers", "-o", (dir / "one.csv").string()}, log_one);
  unsetenv("IRIO_TRACE_ITER");
  if (m.status != 0 || f.status != 0 || one.status != 0) {
    std::printf("irio failed (multipliers exit %d, footprints exit %d, one command exit %d); logs in %s\n%s%s%s",
                m.status, f.status, one.status, dir.c_str(), read_text_file(log_m).c_str(),
                read_text_file(log_f).c_str(), read_text_file(log_one).c_str());
    return 1;
  }
  const std::string irio_blas = line_with(read_text_file(log_f), "BLAS: ");
  std::printf("  irio %s\n", irio_blas.c_str());
  const double irio_s = m.seconds + f.seconds, irio_mib = std::max(m.peak_mib, f.peak_mib);
  const double irio_cpu = m.cpu_seconds + f.cpu_seconds;
  print_child_header();
  print_child_row("irio multipliers (read, solve, write)", m);
  print_child_row("irio footprints --imports-by-sector", f);
  print_child_row("irio, two commands: every account at sector detail", Child{irio_s, irio_cpu, irio_mib, 0});
  print_child_row("irio footprints --with-multipliers (one command)", one);

  // The dense method first: measured after the floor, its child would inherit the parent's pages
  // (the floor's buffers) in its peak memory.
  Child b;
  const std::string base_csv = (dir / "baseline.csv").string();
  if (!opt.skip_baseline) b = run_in_child([&] { baseline(table, base_csv); }, "baseline");

  // The floor: reading the arrays, the region LUs, and the passes over A that the one command's
  // solves need (its blocks of right-hand sides in panels of 32, GMRES steps + 2 residuals each)
  // at the measured bandwidth.
  const MachineFloor fl = measure_floor(table, spec.regions, spec.sectors);
  const std::string log_text = read_text_file(log_one);
  int steps = 0;
  for (std::size_t p = log_text.find("GMRES: "); p != std::string::npos; p = log_text.find("GMRES: ", p + 1))
    steps = std::max(steps, std::atoi(log_text.c_str() + p + 7));
  long transposed = 0, forward = 0;  // the multipliers' two rows are among the transposed ones
  if (const auto p = log_text.find("Solves: "); p != std::string::npos)
    std::sscanf(log_text.c_str() + p, "Solves: %ld transposed right-hand side%*[^,], %ld forward", &transposed,
                &forward);
  const long panels = (transposed + 31) / 32 + (forward + 31) / 32;
  const long passes = panels * (steps + 2);
  const double floor_s = fl.read_s + fl.region_lus_s + static_cast<double>(passes) * fl.pass_s;
  std::printf("  floor of the one command (this machine):\n");
  std::printf("    read /core's arrays with H5Dread (%.0f MB)          %9.3f s\n", fl.read_mb, fl.read_s);
  std::printf("    %d region LUs (dgetrf, %d x %d)                       %9.3f s\n", spec.regions, spec.sectors,
              spec.sectors, fl.region_lus_s);
  std::printf(
      "    %ld passes over A (%ld transposed + %ld forward right-hand sides in %ld panels of <= 32,\n"
      "      %d GMRES steps + 2 residuals each) at %.1f GB/s, %.1f ms a pass   %9.3f s\n",
      passes, transposed, forward, panels, steps, fl.bandwidth_gbs, 1e3 * fl.pass_s,
      static_cast<double>(passes) * fl.pass_s);
  std::printf("    floor                                                 %9.3f s; irio's wall time is %.1fx it\n",
              floor_s, one.seconds / floor_s);

  int rc = 0;
  if (!opt.skip_baseline) {
    if (b.status != 0) {
      std::printf("baseline failed (exit %d)\n", b.status);
      rc = 1;
    } else {
      print_child_row("dense inverse (pymrio calc_all method)", b);
      std::string detail, detail_one;
      const double diff = compare(dir, {"fp", "m"}, base_csv, detail);
      const double diff_one = compare(dir, {"one"}, base_csv, detail_one);
      std::printf(
          "  two commands: speed-up %.1fx (wall), %.1fx (CPU); peak memory ratio %.3f; max relative "
          "difference %.2e:%s\n",
          b.seconds / irio_s, b.cpu_seconds / irio_cpu, irio_mib / b.peak_mib, diff, detail.c_str());
      std::printf(
          "  one command:  speed-up %.1fx (wall), %.1fx (CPU); peak memory ratio %.3f; max relative "
          "difference %.2e:%s\n",
          b.seconds / one.seconds, b.cpu_seconds / one.cpu_seconds, one.peak_mib / b.peak_mib, diff_one,
          detail_one.c_str());
      std::printf(
          "RESULT task=e2e n=%d kernel=%s irio_s=%.3f mult_s=%.3f fp_s=%.3f one_s=%.3f one_cpu_s=%.3f "
          "floor_s=%.3f base_s=%.3f speedup=%.2f irio_mib=%.1f base_mib=%.1f mem_ratio=%.3f irio_cpu_s=%.3f "
          "base_cpu_s=%.3f maxrel=%.2e maxrel_one=%.2e\n",
          n, blas.kernel.c_str(), irio_s, m.seconds, f.seconds, one.seconds, one.cpu_seconds, floor_s, b.seconds,
          b.seconds / irio_s, irio_mib, b.peak_mib, irio_mib / b.peak_mib, irio_cpu, b.cpu_seconds, diff, diff_one);
      rc = diff <= 1e-8 && diff_one <= 1e-8 ? 0 : 1;
    }
  }
  std::error_code ec;
  if (opt.workdir.empty()) fs::remove_all(dir, ec);
  return rc;
}

}  // namespace irio::bench
