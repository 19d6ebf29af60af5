// SPDX-License-Identifier: MIT
// Temporary-file-and-rename output guard, with fsync, stale-temporary clean-up and multi-file sets.
#include "irio/io/internal/atomic_output.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include <zlib.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <system_error>

#include "irio/tables/error.h"

namespace fs = std::filesystem;

namespace irio::io::internal {

namespace {

constexpr const char* kTempTag = ".irio-tmp-";

/// fsync a file or folder; false when it cannot be opened or synced.
bool sync_path(const std::string& path, bool folder) {
  const int fd = ::open(path.c_str(), folder ? (O_RDONLY | O_DIRECTORY) : O_RDONLY);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0 || errno == EINVAL;  // EINVAL: the file system cannot sync
  ::close(fd);
  return ok;
}

std::string folder_of(const std::string& path) {
  const fs::path p(path);
  return p.has_parent_path() ? p.parent_path().string() : std::string(".");
}

/// PID of a temporary file name `.NAME.irio-tmp-PID-N`, or 0 when the name is not one.
long temp_owner(const std::string& name) {
  if (name.empty() || name[0] != '.') return 0;
  const auto at = name.rfind(kTempTag);
  if (at == std::string::npos) return 0;
  const std::string rest = name.substr(at + std::char_traits<char>::length(kTempTag));
  const auto dash = rest.find('-');
  if (dash == std::string::npos || dash == 0) return 0;
  long pid = 0;
  for (std::size_t i = 0; i < dash; ++i) {
    if (rest[i] < '0' || rest[i] > '9' || pid > 1'000'000'000) return 0;
    pid = pid * 10 + (rest[i] - '0');
  }
  for (std::size_t i = dash + 1; i < rest.size(); ++i)
    if (rest[i] < '0' || rest[i] > '9') return 0;
  return dash + 1 < rest.size() ? pid : 0;
}

void clean_folder_once(const std::string& folder) {
  static std::mutex mu;
  static std::set<std::string> done;
  std::error_code ec;
  const std::string key = fs::weakly_canonical(folder, ec).string();
  {
    std::lock_guard<std::mutex> lock(mu);
    if (!done.insert(key).second) return;
  }
  remove_stale_temporaries(folder);
}

}  // namespace

std::size_t remove_stale_temporaries(const std::string& folder) {
  std::error_code ec;
  std::size_t removed = 0;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const long pid = temp_owner(name);
    if (pid <= 0 || pid == static_cast<long>(::getpid())) continue;
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // still running (or not ours to ask)
    std::error_code rm;
    if (fs::remove(it->path(), rm)) ++removed;
  }
  return removed;
}

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
  const fs::path dir = folder_of(path_);
  if (!fs::is_directory(dir, ec))
    throw OutputError("output folder '" + dir.string() + "' does not exist (for '" + path_ + "')");
  clean_folder_once(dir.string());
  temp_ = (dir / ("." + p.filename().string() + kTempTag + std::to_string(::getpid()) + "-" +
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
  if (!sync_path(temp_, false)) throw OutputError("cannot flush '" + temp_ + "' to disk (for '" + path_ + "')");
  std::error_code ec;
  fs::rename(temp_, path_, ec);
  if (ec) throw OutputError("cannot move '" + temp_ + "' to '" + path_ + "': " + ec.message());
  committed_ = true;
  sync_path(folder_of(path_), true);  // the rename itself; a folder that cannot sync is not an error
}

const std::string& OutputSet::stage(const std::string& path, bool overwrite, const std::vector<std::string>& inputs) {
  for (const auto& p : paths_)
    if (p == path) throw OutputError("output '" + path + "' would be written twice by one result");
  staged_.push_back(std::make_unique<AtomicOutput>(path, overwrite, inputs));
  paths_.push_back(path);
  return staged_.back()->temp_path();
}

void OutputSet::commit(const std::string& manifest_path, const std::string& manifest_text, bool overwrite) {
  std::error_code ec;
  if (!manifest_path.empty() && fs::exists(manifest_path, ec)) {
    if (!overwrite)
      throw OutputError("output file '" + manifest_path + "' exists; use --force (overwrite) to replace it");
    // Without the manifest the old set reads as incomplete while its files are being replaced.
    if (!fs::remove(manifest_path, ec) || ec)
      throw OutputError("cannot remove the old manifest '" + manifest_path + "': " + ec.message());
  }
  for (auto& s : staged_) s->commit();
  if (manifest_path.empty()) return;
  AtomicOutput m(manifest_path, true);
  {
    std::ofstream os(m.temp_path(), std::ios::binary);
    os << manifest_text;
    os.flush();
    if (!os) throw OutputError("cannot write '" + manifest_path + "' (disk full?)");
  }
  m.commit();
}

std::pair<std::uintmax_t, std::string> file_size_and_crc32(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw OutputError("cannot read back '" + path + "'");
  uLong crc = crc32(0L, Z_NULL, 0);
  std::uintmax_t size = 0;
  std::vector<char> buf(1 << 16);
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    const auto got = in.gcount();
    if (got <= 0) break;
    crc = crc32(crc, reinterpret_cast<const Bytef*>(buf.data()), static_cast<uInt>(got));
    size += static_cast<std::uintmax_t>(got);
  }
  char hex[9];
  std::snprintf(hex, sizeof hex, "%08lx", static_cast<unsigned long>(crc & 0xffffffffUL));
  return {size, hex};
}

}  // namespace irio::io::internal
