// SPDX-License-Identifier: MIT
// Helpers shared by the fuzz targets that read files: a per-process scratch folder and a writer.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <system_error>

#include "irio/tables/balance.h"
#include "irio/tables/io_table.h"

namespace irio::fuzz {

/// The process's scratch folder, <tmp>/irio_<target>_<pid> (TMPDIR is honoured: TMPDIR=/dev/shm
/// keeps the files in memory), created on first use and removed at exit. Parallel fuzzing jobs
/// (-jobs=N) are separate processes and so get separate folders.
inline const std::filesystem::path& scratch(const char* target) {
  static const std::filesystem::path dir = [&] {
    std::error_code ec;
    auto base = std::filesystem::temp_directory_path(ec);
    if (ec) base = "/tmp";
    auto d = base / (std::string("irio_") + target + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(d, ec);
    std::filesystem::create_directories(d);
    return d;
  }();
  static const bool registered = [] {
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(dir, ec);
    });
    return true;
  }();
  (void)registered;
  return dir;
}

/// With IRIO_FUZZ_VERBOSE set, print what the reader said about each input ("ok" or the
/// irio::Error message): to check that a seed reaches the part of the reader it is meant for,
///   IRIO_FUZZ_VERBOSE=1 build-fuzz/fuzz/h5_fuzz fuzz/corpus/h5_fuzz/*
inline void note(const std::string& what) {
  static const bool on = std::getenv("IRIO_FUZZ_VERBOSE") != nullptr;
  if (on) std::cerr << "irio: " << what << "\n";
}

inline void write_file(const std::filesystem::path& p, const char* data, std::size_t size) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(data, static_cast<std::streamsize>(size));
}

/// Keep every CSV read (and a gzip bomb's output) inside the fuzzer's memory: 16 MiB of text
/// instead of the default 1 GiB (io/csv_reader.h, IRIO_MAX_CSV_BYTES).
inline void limit_csv_bytes() { ::setenv("IRIO_MAX_CSV_BYTES", "16777216", 0); }

/// Use a table that a reader returned the way a command does: every derived vector and the
/// balance report (a reader that returns a table promises consistent shapes).
inline double touch(const tables::IoTable& t) {
  double s = t.output().sum() + t.row_total().sum() + t.value_added_residual().sum() + t.final_demand_total().sum() +
             t.import_total().sum() + t.final_demand_by_region().sum();
  if (t.V.rows() > 0) s += t.value_added_supplied().sum();
  for (const auto& sat : t.satellites) s += sat.F.sum() + sat.F_Y.sum();
  for (std::size_t i = 0; i < t.n() && i < 8; ++i) s += static_cast<double>(t.labels.describe(i).size());
  const auto report = tables::check_balance(t);
  (void)report;
  return s;
}

}  // namespace irio::fuzz
