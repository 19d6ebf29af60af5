// SPDX-License-Identifier: MIT
// End-to-end benchmark task (see e2e_task.h).
#include "bench/e2e_task.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
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
#include "bench/machine_floor.h"
#include "irio/io/table_store.h"
#include "irio/solver/blas_info.h"

extern "C" void dgemm_(const char*, const char*, const int*, const int*, const int*, const double*, const double*,
                       const int*, const double*, const int*, const double*, double*, const int*);

namespace irio::bench {
namespace {

namespace fs = std::filesystem;
using tables::Matrix;
using tables::Vector;
using Index = Eigen::Index;

struct Child {
  double seconds = 0;
  double cpu_seconds = 0;  ///< user + system time of the child (its threads included)
  double peak_mib = 0;
  int status = -1;
};

double now() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

Child wait_child(pid_t pid, double t0) {
  Child c;
  int status = 0;
  rusage ru{};
  wait4(pid, &status, 0, &ru);
  c.seconds = now() - t0;
  c.peak_mib = static_cast<double>(ru.ru_maxrss) / 1024.0;
  auto secs = [](const timeval& t) { return static_cast<double>(t.tv_sec) + 1e-6 * static_cast<double>(t.tv_usec); };
  c.cpu_seconds = secs(ru.ru_utime) + secs(ru.ru_stime);
  c.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
  return c;
}

/// Run `irio ARGS...` with stdout and stderr to `log`; wall time and peak memory of the child.
Child run_irio(const std::string& binary, const std::vector<std::string>& args, const std::string& log) {
  std::fflush(stdout);  // or the child's copy of the buffer is printed again
  const double t0 = now();
  const pid_t pid = fork();
  if (pid == 0) {
    if (!std::freopen(log.c_str(), "w", stdout) || !std::freopen(log.c_str(), "a", stderr)) _exit(126);
    std::vector<char*> argv{const_cast<char*>(binary.c_str())};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  return wait_child(pid, t0);
}

std::string read_file(const std::string& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string line_with(const std::string& text, const std::string& key) {
  const auto p = text.find(key);
  if (p == std::string::npos) return "(not printed)";
  const auto e = text.find('\n', p);
  return text.substr(p, e == std::string::npos ? std::string::npos : e - p);
}

/// The accounts both sides compute, k_F x n each, keyed by pymrio's names.
using Accounts = std::map<std::string, Matrix>;

/// The peers' method on the table in `path` (pymrio calc_all: A, L = inv(I - A), x_diag = L Y_diag
/// with Y_diag the block-diagonalised final demand, then the accounts), written to `out` as CSV.
void baseline(const std::string& path, const std::string& out) {
  const tables::IoTable t = io::read_table(path);
  const Index n = static_cast<Index>(t.n()), G = static_cast<Index>(t.labels.num_regions()),
              N = static_cast<Index>(t.labels.num_sectors());
  const Vector x = t.output(), xinv = tables::safe_reciprocal(x);
  const Matrix L = dense_leontief_inverse(t);
  const auto& sat = t.satellites.at(0);
  const Matrix S = sat.F * xinv.asDiagonal();
  Accounts acc;
  const Vector v = t.value_added_residual().cwiseProduct(xinv);
  acc["output_multiplier"] = Matrix::Ones(1, n) * L;
  acc["va_multiplier"] = v.transpose() * L;
  acc["M"] = S * L;
  // M_down = S (G - I)', G = x^-1 L x^ (the Ghosh inverse).
  acc["M_down"] = (S * x.asDiagonal()) * L.transpose() * xinv.asDiagonal() - S;
  // Y_diag: column (r, j) holds Y^d[(s, j), r] in rows (s, j); x_diag = L Y_diag by dgemm.
  const Matrix Yd = t.final_demand_by_region();
  Matrix Ydiag = Matrix::Zero(n, n);
  for (Index r = 0; r < G; ++r)
    for (Index s = 0; s < G; ++s)
      for (Index j = 0; j < N; ++j) Ydiag(s * N + j, r * N + j) = Yd(s * N + j, r);
  Matrix X(n, n);
  const int nn = static_cast<int>(n);
  const double one = 1.0, zero = 0.0;
  dgemm_("N", "N", &nn, &nn, &nn, &one, L.data(), &nn, Ydiag.data(), &nn, &zero, X.data(), &nn);
  Ydiag.resize(0, 0);
  const Vector x_tot = X.rowwise().sum();
  acc["D_cba"] = S * X;
  acc["D_pba"] = S * x_tot.asDiagonal();
  for (Index r = 0; r < G; ++r) X.block(r * N, r * N, N, N).setZero();  // x_trade
  acc["D_imp"] = S * X;
  const Vector x_exp = X.rowwise().sum();
  acc["D_exp"] = S * x_exp.asDiagonal();
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
  std::printf("  OPENBLAS_CORETYPE=%s; baseline %s\n",
              std::getenv("OPENBLAS_CORETYPE") ? std::getenv("OPENBLAS_CORETYPE") : "(unset)", blas.brief().c_str());
  const fs::path dir = opt.workdir.empty() ? fs::temp_directory_path() / ("irio_e2e_" + std::to_string(getpid()))
                                           : fs::path(opt.workdir);
  fs::create_directories(dir);
  const std::string table = (dir / "t.h5").string();
  {
    const double t0 = now();
    const auto t = make_synthetic_mrio(spec);
    const double t1 = now();
    io::WriteOptions w;
    if (opt.compression_level >= 0) w.compression_level = opt.compression_level;
    io::write_table(t, table, w);
    std::printf("  table: generated in %.2f s, written (deflate %d) in %.2f s (%.1f MB, Z density %.1f%%)\n", t1 - t0,
                w.compression_level, now() - t1, static_cast<double>(fs::file_size(table)) / 1e6,
                100.0 * static_cast<double>(t.Z.nonZeros()) / (static_cast<double>(n) * n));
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
                m.status, f.status, one.status, dir.c_str(), read_file(log_m).c_str(), read_file(log_f).c_str(),
                read_file(log_one).c_str());
    return 1;
  }
  const std::string irio_blas = line_with(read_file(log_f), "BLAS: ");
  std::printf("  irio %s\n", irio_blas.c_str());
  const double irio_s = m.seconds + f.seconds, irio_mib = std::max(m.peak_mib, f.peak_mib);
  const double irio_cpu = m.cpu_seconds + f.cpu_seconds;
  std::printf("  %-52s %9s    %9s    %s\n", "", "wall", "CPU", "peak memory");
  auto row = [](const char* what, double wall, double cpu, double mib) {
    std::printf("  %-52s %9.3f s  %9.3f s  %8.1f MiB\n", what, wall, cpu, mib);
  };
  row("irio multipliers (read, solve, write)", m.seconds, m.cpu_seconds, m.peak_mib);
  row("irio footprints --imports-by-sector", f.seconds, f.cpu_seconds, f.peak_mib);
  row("irio, two commands: every account at sector detail", irio_s, irio_cpu, irio_mib);
  row("irio footprints --with-multipliers (one command)", one.seconds, one.cpu_seconds, one.peak_mib);

  // The floor: reading the arrays, the region LUs, and the passes over A that the one command's
  // solves need (its blocks of right-hand sides in panels of 32, GMRES steps + 2 residuals each)
  // at the measured bandwidth.
  const MachineFloor fl = measure_floor(table, spec.regions, spec.sectors);
  const std::string log_text = read_file(log_one);
  int steps = 0;
  for (std::size_t p = log_text.find("GMRES: "); p != std::string::npos; p = log_text.find("GMRES: ", p + 1))
    steps = std::max(steps, std::atoi(log_text.c_str() + p + 7));
  long transposed = 0, forward = 0;
  if (const auto p = log_text.find("Solves: "); p != std::string::npos)
    std::sscanf(log_text.c_str() + p, "Solves: %ld transposed right-hand side%*[^,], %ld forward", &transposed,
                &forward);
  const long panels = (transposed + 31) / 32 + (forward + 31) / 32 + 1;  // + 1'L, v'L
  const long passes = panels * (steps + 2);
  const double floor_s = fl.read_s + fl.region_lus_s + static_cast<double>(passes) * fl.pass_s;
  std::printf("  floor of the one command (this machine):\n");
  std::printf("    read /core's arrays with H5Dread (%.0f MB)          %9.3f s\n", fl.read_mb, fl.read_s);
  std::printf("    %d region LUs (dgetrf, %d x %d)                       %9.3f s\n", spec.regions, spec.sectors,
              spec.sectors, fl.region_lus_s);
  std::printf(
      "    %ld passes over A (%ld + %ld right-hand sides and 2 multipliers in %ld panels of <= 32,\n"
      "      %d GMRES steps + 2 residuals each) at %.1f GB/s, %.1f ms a pass   %9.3f s\n",
      passes, transposed, forward, panels, steps, fl.bandwidth_gbs, 1e3 * fl.pass_s,
      static_cast<double>(passes) * fl.pass_s);
  std::printf("    floor                                                 %9.3f s; irio's wall time is %.1fx it\n",
              floor_s, one.seconds / floor_s);

  int rc = 0;
  if (!opt.skip_baseline) {
    const std::string base_csv = (dir / "baseline.csv").string();
    std::fflush(stdout);
    const double t0 = now();
    const pid_t pid = fork();
    if (pid == 0) {
      try {
        baseline(table, base_csv);
      } catch (const std::exception& e) {
        std::fprintf(stderr, "baseline failed: %s\n", e.what());
        _exit(3);
      }
      _exit(0);
    }
    const Child b = wait_child(pid, t0);
    if (b.status != 0) {
      std::printf("baseline failed (exit %d)\n", b.status);
      rc = 1;
    } else {
      row("dense inverse (pymrio calc_all method)", b.seconds, b.cpu_seconds, b.peak_mib);
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
