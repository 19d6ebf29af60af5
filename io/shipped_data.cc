// SPDX-License-Identifier: MIT
// Run-time lookup of shipped data relative to the binary that contains this code (dladdr).
#include "irio/io/shipped_data.h"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace irio::io {
namespace {

/// Folder of the executable or shared object that contains this function.
std::filesystem::path own_binary_dir() {
  Dl_info info{};
  // dladdr wants an object address; any function of this translation unit will do.
  if (dladdr(reinterpret_cast<void*>(&own_binary_dir), &info) != 0 && info.dli_fname != nullptr) {
    std::error_code ec;
    auto p = std::filesystem::canonical(info.dli_fname, ec);
    if (!ec) return p.parent_path();
  }
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::current_path(ec) : exe.parent_path();
}

}  // namespace

std::vector<std::string> shipped_data_candidates(const std::string& sub) {
  const auto dir = own_binary_dir();
  return {(dir / "share" / "irio" / sub).string(), (dir.parent_path() / "share" / "irio" / sub).string()};
}

std::string shipped_data_dir(const std::string& sub, const char* env_var) {
  if (const char* env = std::getenv(env_var); env != nullptr && *env != '\0') return env;
  const auto candidates = shipped_data_candidates(sub);
  std::error_code ec;
  for (const auto& c : candidates)
    if (std::filesystem::is_directory(c, ec)) return c;
  return candidates.front();
}

}  // namespace irio::io
