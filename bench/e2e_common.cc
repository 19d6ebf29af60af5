// SPDX-License-Identifier: MIT
// What the end-to-end benchmark tasks share (see e2e_common.h).
#include "bench/e2e_common.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "irio/io/table_store.h"
#include "irio/solver/blas_info.h"

namespace irio::bench {
namespace {

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

}  // namespace

double now() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

Child run_irio(const std::string& binary, const std::vector<std::string>& args, const std::string& log) {
  std::fflush(stdout);  // or the child's copy of the buffer is printed again
  const double t0 = now();
  const pid_t pid = fork();
  if (pid == 0) {
    // One open file for both streams: two opens would each keep an offset and overwrite each other.
    if (!std::freopen(log.c_str(), "w", stdout) || dup2(fileno(stdout), fileno(stderr)) < 0) _exit(126);
    std::vector<char*> argv{const_cast<char*>(binary.c_str())};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  return wait_child(pid, t0);
}

Child run_in_child(const std::function<void()>& work, const char* what) {
  std::fflush(stdout);
  const double t0 = now();
  const pid_t pid = fork();
  if (pid == 0) {
    try {
      work();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "%s failed: %s\n", what, e.what());
      _exit(3);
    }
    _exit(0);
  }
  return wait_child(pid, t0);
}

std::string read_text_file(const std::string& path) {
  std::ifstream in(path);
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

std::string work_folder(const std::string& workdir, const std::string& task) {
  namespace fs = std::filesystem;
  const fs::path dir = workdir.empty() ? fs::temp_directory_path() / ("irio_" + task + "_" + std::to_string(getpid()))
                                       : fs::path(workdir);
  fs::create_directories(dir);
  return dir.string();
}

void write_bench_table(const tables::IoTable& t, double generated_s, const std::string& path, int compression_level) {
  const double t0 = now();
  io::WriteOptions w;
  if (compression_level >= 0) w.compression_level = compression_level;
  io::write_table(t, path, w);
  const double n = static_cast<double>(t.n());
  std::printf("  table: generated in %.2f s, written (deflate %d) in %.2f s (%.1f MB, Z density %.1f%%)\n", generated_s,
              w.compression_level, now() - t0, static_cast<double>(std::filesystem::file_size(path)) / 1e6,
              100.0 * static_cast<double>(t.Z.nonZeros()) / (n * n));
}

void print_blas_line(const std::string& who) {
  const char* type = std::getenv("OPENBLAS_CORETYPE");
  std::printf("  OPENBLAS_CORETYPE=%s; %s %s\n", type ? type : "(unset)", who.c_str(),
              solver::blas_info().brief().c_str());
}

void print_child_header() { std::printf("  %-52s %9s    %9s    %s\n", "", "wall", "CPU", "peak memory"); }

void print_child_row(const std::string& label, const Child& c) {
  std::printf("  %-52s %9.3f s  %9.3f s  %8.1f MiB\n", label.c_str(), c.seconds, c.cpu_seconds, c.peak_mib);
}

}  // namespace irio::bench
