// SPDX-License-Identifier: MIT
// Temporary-file-and-rename output guard.
#include "irio/io/internal/atomic_output.h"

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <system_error>

#include "irio/tables/error.h"

namespace fs = std::filesystem;

namespace irio::io::internal {

void check_not_input(const std::string& out, const std::vector<std::string>& inputs) {
  std::error_code ec;
  for (const auto& in : inputs) {
    if (in.empty()) continue;
    if (fs::exists(out, ec) && fs::exists(in, ec) && fs::equivalent(out, in, ec))
      throw OutputError("refusing to overwrite the input file '" + in + "' with an output");
    if (fs::weakly_canonical(out, ec) == fs::weakly_canonical(in, ec) && !ec)
      throw OutputError("refusing to overwrite the input file '" + in + "' with an output");
  }
}

AtomicOutput::AtomicOutput(std::string path, bool overwrite, const std::vector<std::string>& inputs)
    : path_(std::move(path)) {
  static std::atomic<unsigned> counter{0};
  if (path_.empty()) throw OutputError("empty output path");
  check_not_input(path_, inputs);
  std::error_code ec;
  const fs::path p(path_);
  if (fs::is_directory(p, ec))
    throw OutputError("output '" + path_ + "' is a directory, expected a file name");
  exists_ = fs::exists(p, ec);
  if (exists_ && !overwrite)
    throw OutputError("output file '" + path_ + "' exists; use --force (overwrite) to replace it");
  const fs::path dir = p.has_parent_path() ? p.parent_path() : fs::path(".");
  if (!fs::is_directory(dir, ec))
    throw OutputError("output folder '" + dir.string() + "' does not exist (for '" + path_ + "')");
  temp_ = (dir / ("." + p.filename().string() + ".irio-tmp-" + std::to_string(::getpid()) + "-" +
                  std::to_string(counter++)))
              .string();
}

AtomicOutput::~AtomicOutput() {
  if (!committed_) {
    std::error_code ec;
    fs::remove(temp_, ec);
  }
}

void AtomicOutput::commit() {
  std::error_code ec;
  fs::rename(temp_, path_, ec);
  if (ec) throw OutputError("cannot move '" + temp_ + "' to '" + path_ + "': " + ec.message());
  committed_ = true;
}

}  // namespace irio::io::internal
