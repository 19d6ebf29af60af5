// SPDX-License-Identifier: MIT
// irio benchmark: runs irio and the peers' full-inverse method side by side on the same seeded
// synthetic MRIO, each in its own child process (so peak memory is measured separately), checks
// that the results agree, and prints time and memory ratios. Not a test: see docs/performance.md.
//
//   irio_bench core --regions 49 --sectors 200
//   irio_bench core --regions 31 --sectors 42
//   irio_bench e2e                 (the CLI end to end; n = 4000, --full for 49 x 200)
//   irio_bench exiobase            (calc_all at EXIOBASE's shape: 49 x 200, 1100 stressors, 100 impacts)
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "bench/bench_tasks.h"
#include "bench/cost_model_task.h"
#include "bench/county_table.h"
#include "bench/e2e_task.h"
#include "bench/exiobase_task.h"
#include "bench/synthetic_mrio.h"
#include "irio/io/table_store.h"
#include "irio/solver/blas_info.h"

namespace {

using irio::tables::Matrix;

struct ChildResult {
  double seconds = 0;
  double peak_mib = 0;
  Matrix result;
  bool ok = false;
  std::string error;
};

/// Run `work` in a forked child; it returns the result matrix, which travels through a file.
ChildResult run_isolated(const std::function<Matrix(double& seconds)>& work, const std::string& tag) {
  const std::string path = "/tmp/irio_bench_" + std::to_string(getpid()) + "_" + tag + ".bin";
  std::fflush(stdout);  // the child must not write the parent's buffered lines again
  pid_t pid = fork();
  if (pid == 0) {
    double secs = 0;
    Matrix m;
    try {
      m = work(secs);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "%s failed: %s\n", tag.c_str(), e.what());
      _exit(3);
    }
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    std::ofstream f(path, std::ios::binary);
    const double peak = static_cast<double>(ru.ru_maxrss) / 1024.0;
    const long long r = m.rows(), c = m.cols();
    f.write(reinterpret_cast<const char*>(&secs), sizeof secs);
    f.write(reinterpret_cast<const char*>(&peak), sizeof peak);
    f.write(reinterpret_cast<const char*>(&r), sizeof r);
    f.write(reinterpret_cast<const char*>(&c), sizeof c);
    f.write(reinterpret_cast<const char*>(m.data()),
            static_cast<std::streamsize>(sizeof(double) * static_cast<std::size_t>(m.size())));
    f.close();
    _exit(0);
  }
  ChildResult out;
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    out.error = WIFSIGNALED(status) ? "killed by signal " + std::to_string(WTERMSIG(status))
                                    : "exit " + std::to_string(WEXITSTATUS(status));
    return out;
  }
  std::ifstream f(path, std::ios::binary);
  long long r = 0, c = 0;
  f.read(reinterpret_cast<char*>(&out.seconds), sizeof out.seconds);
  f.read(reinterpret_cast<char*>(&out.peak_mib), sizeof out.peak_mib);
  f.read(reinterpret_cast<char*>(&r), sizeof r);
  f.read(reinterpret_cast<char*>(&c), sizeof c);
  out.result.resize(r, c);
  f.read(reinterpret_cast<char*>(out.result.data()),
         static_cast<std::streamsize>(sizeof(double) * static_cast<std::size_t>(r * c)));
  std::remove(path.c_str());
  out.ok = true;
  return out;
}

/// Normwise relative difference, column by column: max_i |a_i - b_i| / max_i max(|a_i|, |b_i|),
/// taking the largest value of the whole result as the scale for columns that are zero up to
/// round-off (e.g. national terms of a one-country table). Returns the worst column.
double max_rel_diff(const Matrix& a, const Matrix& b) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) return INFINITY;
  double global = 0;
  for (Eigen::Index i = 0; i < a.size(); ++i)
    if (std::isfinite(a.data()[i])) global = std::max(global, std::abs(a.data()[i]));
  double worst = 0;
  for (Eigen::Index c = 0; c < a.cols(); ++c) {
    double diff = 0, scale = 0;
    for (Eigen::Index i = 0; i < a.rows(); ++i) {
      const double x = a(i, c), y = b(i, c);
      if (std::isnan(x) && std::isnan(y)) continue;
      diff = std::max(diff, std::isnan(x) || std::isnan(y) ? INFINITY : std::abs(x - y));
      scale = std::max({scale, std::abs(x), std::abs(y)});
    }
    if (scale < 1e-12 * global) scale = global;
    worst = std::max(worst, diff / std::max(scale, 1e-300));
  }
  return worst;
}

int usage() {
  std::fprintf(
      stderr,
      "usage: irio_bench TASK [--regions G] [--sectors N] [--countries C] [--stressors K] [--seed S]\n"
      "                       [--skip-baseline] [--default-kernel]\n"
      "       irio_bench e2e [--full] [--irio PATH] [--workdir DIR (kept)] [--compression 0-9]\n"
      "                      [options above]\n"
      "       irio_bench exiobase [--impacts I] [--backend B (irio's)] [--irio PATH] [--workdir DIR (kept)] [--compression 0-9]\n"
      "                      [options above]   (defaults: 49 x 200, 1100 stressors, 100 impacts)\n"
      "       irio_bench generate -o OUT.h5 [--counties G] [--sectors N] [--provinces P] [--hubs H]\n"
      "                      [--own-inputs K] [--neighbour-inputs K] [--hub-inputs K] [--seed S]\n"
      "                      [--compression 0-9] [--force]   (county table, docs/scale.md)\n"
      "       irio_bench costmodel [--regions G] [--sectors N] [--stressors K (right-hand sides, default 32)]\n"
      "tasks: %s, e2e, exiobase, costmodel, generate\n"
      "Unless --default-kernel is given or OPENBLAS_CORETYPE is set, the benchmark sets\n"
      "OPENBLAS_CORETYPE to the kernel that matches the CPU (SkylakeX, Haswell) for both sides.\n",
      irio::bench::task_names().c_str());
  return 2;
}

/// OpenBLAS chooses its kernel when it is loaded: set OPENBLAS_CORETYPE to the one matching the
/// CPU and run this program again, so that irio and the baseline use the same, right, kernel.
void use_matching_kernel(char** argv) {
  if (std::getenv("OPENBLAS_CORETYPE") != nullptr) return;
  const auto b = irio::solver::blas_info();
  const std::string type = irio::solver::matching_coretype(b.cpu_avx2, b.cpu_avx512f);
  if (!b.openblas || type.empty()) return;
  setenv("OPENBLAS_CORETYPE", type.c_str(), 1);
  execv("/proc/self/exe", argv);  // returns only on failure: go on with the default kernel
  unsetenv("OPENBLAS_CORETYPE");
}

/// The irio executable built beside this one (build/bench/irio_bench -> build/irio).
std::string default_irio_binary() {
#ifdef IRIO_BINARY
  return IRIO_BINARY;
#else
  return "irio";
#endif
}

}  // namespace

/// `irio_bench generate`: write a seeded county table (bench/county_table.h) with io::write_table.
static int generate(int argc, char** argv) {
  irio::bench::CountySpec spec;
  std::string out;
  irio::io::WriteOptions wo;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> int {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s needs a value\n", a.c_str());
        std::exit(2);
      }
      return std::atoi(argv[++i]);
    };
    if (a == "--counties") spec.counties = next();
    else if (a == "--sectors") spec.sectors = next();
    else if (a == "--provinces") spec.provinces = next();
    else if (a == "--hubs") spec.hubs = next();
    else if (a == "--own-inputs") spec.own_inputs = next();
    else if (a == "--neighbour-inputs") spec.neighbour_inputs = next();
    else if (a == "--hub-inputs") spec.hub_inputs = next();
    else if (a == "--seed") spec.seed = static_cast<std::uint32_t>(next());
    else if (a == "--compression") wo.compression_level = next();
    else if (a == "--force") wo.overwrite = true;
    else if ((a == "-o" || a == "--output") && i + 1 < argc) out = argv[++i];
    else return usage();
  }
  if (out.empty()) return usage();
  const auto t0 = std::chrono::steady_clock::now();
  try {
    const auto table = irio::bench::make_county_table(spec);
    const double gen_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    irio::io::write_table(table, out, wo);
    const double all_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    std::printf(
        "wrote %s: %d counties x %d sectors (n = %lld), %d provinces, seed %u, nnz(Z) = %lld; "
        "generated in %.1f s, written in %.1f s, peak %.0f MiB\n",
        out.c_str(), spec.counties, spec.sectors, static_cast<long long>(table.n()), spec.provinces, spec.seed,
        static_cast<long long>(table.Z.nonZeros()), gen_s, all_s - gen_s, static_cast<double>(ru.ru_maxrss) / 1024.0);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "irio_bench generate: %s\n", e.what());
    return 1;
  }
  return 0;
}

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  const std::string task = argv[1];
  if (task == "generate") return generate(argc, argv);
  irio::bench::SyntheticSpec spec;
  bool skip_baseline = false, default_kernel = false, full = false, sized = false, stressors_given = false;
  int impacts = 100;
  std::string backend;
  std::string irio_binary = default_irio_binary(), workdir;
  int compression = -1;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> int {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s needs a value\n", a.c_str());
        std::exit(2);
      }
      return std::atoi(argv[++i]);
    };
    if (a == "--regions") {
      spec.regions = next();
      sized = true;
    } else if (a == "--sectors") {
      spec.sectors = next();
      sized = true;
    } else if (a == "--stressors") {
      spec.satellites = next();
      stressors_given = true;
    } else if (a == "--impacts") impacts = next();
    else if (a == "--backend" && i + 1 < argc) backend = argv[++i];
    else if (a == "--default-kernel") default_kernel = true;
    else if (a == "--full") full = true;
    else if (a == "--irio" && i + 1 < argc) irio_binary = argv[++i];
    else if (a == "--workdir" && i + 1 < argc) workdir = argv[++i];
    else if (a == "--compression") compression = next();
    else if (a == "--countries") spec.countries = next();
    else if (a == "--seed") spec.seed = static_cast<std::uint32_t>(next());
    else if (a == "--skip-baseline") skip_baseline = true;
    else return usage();
  }
  if (!default_kernel) use_matching_kernel(argv);
  if (task == "e2e") {
    irio::bench::E2eOptions e;
    e.spec = spec;
    if (!sized && !full) {  // a minute on two cores with the baseline
      e.spec.regions = 40;
      e.spec.sectors = 100;
    }
    if (full) {
      e.spec.regions = 49;
      e.spec.sectors = 200;
    }
    e.irio_binary = irio_binary;
    e.skip_baseline = skip_baseline;
    e.workdir = workdir;
    e.compression_level = compression;
    return irio::bench::run_e2e(e);
  }
  if (task == "costmodel") return irio::bench::run_cost_model(spec, stressors_given ? spec.satellites : 32);
  if (task == "exiobase") {
    irio::bench::ExiobaseOptions e;
    e.spec = spec;  // the generator's defaults are EXIOBASE's 49 x 200
    if (!stressors_given) e.spec.satellites = 1100;
    e.impacts = impacts;
    e.backend = backend;
    e.irio_binary = irio_binary;
    e.skip_baseline = skip_baseline;
    e.workdir = workdir;
    e.compression_level = compression;
    return irio::bench::run_exiobase(e);
  }
  std::printf("%s\n", irio::solver::blas_info().brief().c_str());
  const irio::bench::Task* t = irio::bench::find_task(task);
  if (!t) return usage();

  std::printf("irio_bench %s: %d regions x %d sectors (n = %d), seed %u, %s\n", task.c_str(), spec.regions,
              spec.sectors, spec.regions * spec.sectors, spec.seed, t->description.c_str());
  auto irio_res = run_isolated(
      [&](double& secs) {
        const auto table = irio::bench::make_synthetic_mrio(spec);
        auto t0 = std::chrono::steady_clock::now();
        Matrix m = t->run_irio(table);
        secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        return m;
      },
      "irio");
  if (!irio_res.ok) {
    std::printf("irio run failed (%s)\n", irio_res.error.c_str());
    return 1;
  }
  std::printf("  %-34s %9.3f s  peak %8.1f MiB\n", "irio", irio_res.seconds, irio_res.peak_mib);
  if (skip_baseline) return 0;
  auto base = run_isolated(
      [&](double& secs) {
        const auto table = irio::bench::make_synthetic_mrio(spec);
        auto t0 = std::chrono::steady_clock::now();
        Matrix m = t->run_baseline(table);
        secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        return m;
      },
      "baseline");
  if (!base.ok) {
    std::printf("baseline failed (%s)\n", base.error.c_str());
    return 1;
  }
  std::printf("  %-34s %9.3f s  peak %8.1f MiB\n", t->baseline_name.c_str(), base.seconds, base.peak_mib);
  const double diff = max_rel_diff(irio_res.result, base.result);
  std::printf("  speed-up %.1fx, peak memory ratio %.3f, max relative difference %.2e (%zu values)\n",
              base.seconds / irio_res.seconds, irio_res.peak_mib / base.peak_mib, diff,
              static_cast<std::size_t>(irio_res.result.size()));
  if (diff > 1e-10 && irio_res.result.cols() > 1) {  // say where the results disagree
    for (Eigen::Index c = 0; c < irio_res.result.cols(); ++c)
      std::printf("  column %lld: max relative difference %.2e\n", static_cast<long long>(c),
                  max_rel_diff(irio_res.result.col(c), base.result.col(c)));
  }
  std::printf(
      "RESULT task=%s n=%d irio_s=%.4f base_s=%.4f speedup=%.2f irio_mib=%.1f base_mib=%.1f mem_ratio=%.3f maxrel=%.2e\n",
      task.c_str(), spec.regions * spec.sectors, irio_res.seconds, base.seconds, base.seconds / irio_res.seconds,
      irio_res.peak_mib, base.peak_mib, irio_res.peak_mib / base.peak_mib, diff);
  return diff <= 1e-10 ? 0 : 1;
}
