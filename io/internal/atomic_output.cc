// SPDX-License-Identifier: MIT
// Temporary-file-and-rename output guard, with fsync, stale-temporary clean-up and multi-file sets.
#include "irio/io/internal/atomic_output.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>
#include <zlib.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
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
constexpr const char* kJournalTag = ".irio-journal-";
constexpr const char* kJournalHeader = "irio result-set journal 1";
constexpr std::size_t kNameMax = 255;  // NAME_MAX of the usual Linux file systems

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

/// PID of a journal name `.NAME.irio-journal-PID`, or 0 when the name is not one.
long journal_owner(const std::string& name) {
  if (name.empty() || name[0] != '.') return 0;
  const auto at = name.rfind(kJournalTag);
  if (at == std::string::npos) return 0;
  const std::string rest = name.substr(at + std::char_traits<char>::length(kJournalTag));
  if (rest.empty() || rest.size() > 10) return 0;
  long pid = 0;
  for (char c : rest) {
    if (c < '0' || c > '9') return 0;
    pid = pid * 10 + (c - '0');
  }
  return pid;
}

bool process_gone(long pid) { return ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH; }

/// `.NAME<tag>` with NAME cut (by bytes, at a UTF-8 character start) so that the whole name stays
/// within kNameMax: a legal 255-byte output name still gets a temporary beside it.
std::string hidden_name(const std::string& name, const std::string& tag) {
  std::string base = name;
  const std::size_t room = kNameMax > tag.size() + 1 ? kNameMax - tag.size() - 1 : 0;
  if (base.size() > room) {
    std::size_t cut = room;
    while (cut > 0 && (static_cast<unsigned char>(base[cut]) & 0xC0) == 0x80) --cut;
    base.resize(cut);
  }
  return "." + base + tag;
}

/// The renames of a journal (temporary -> target, in order); empty when it is not a complete
/// journal (it is only ever put in place whole, so that means someone else's file) or when any
/// rename leaves the journal's folder or is not from a temporary of the journal's process: a
/// journal never moves anything but its own result's files.
std::vector<std::pair<std::string, std::string>> read_journal(const fs::path& path, long pid) {
  const fs::path folder = path.parent_path();
  const std::string own = kTempTag + std::to_string(pid) + "-";
  auto plain_name = [](const std::string& n) {
    return !n.empty() && n != "." && n != ".." && n.find('/') == std::string::npos;
  };
  std::ifstream in(path, std::ios::binary);
  std::string line;
  std::vector<std::pair<std::string, std::string>> renames;
  if (!std::getline(in, line) || line != kJournalHeader) return {};
  bool ended = false;
  while (std::getline(in, line)) {
    if (line == "end") {
      ended = true;
      break;
    }
    if (line.rfind("rename\t", 0) != 0 || line.find('\t', 7) == std::string::npos) return {};
    const auto second = line.find('\t', 7);
    const std::string temp = line.substr(7, second - 7), target = line.substr(second + 1);
    if (!plain_name(temp) || !plain_name(target) || temp[0] != '.' || temp.find(own) == std::string::npos ||
        temp_owner(temp) != pid)
      return {};
    renames.emplace_back((folder / temp).string(), (folder / target).string());
  }
  return ended ? renames : std::vector<std::pair<std::string, std::string>>{};
}

/// Perform the renames of a journal whose temporary still exists (the others are done).
void roll_forward(const std::vector<std::pair<std::string, std::string>>& renames) {
  std::error_code ec;
  for (const auto& [temp, target] : renames) {
    if (!fs::exists(fs::symlink_status(temp, ec))) continue;
    fs::rename(temp, target, ec);
    if (ec)
      throw OutputError("cannot finish an interrupted result: moving '" + temp + "' to '" + target +
                        "' failed: " + ec.message());
  }
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

std::size_t recover_result_sets(const std::string& folder) {
  std::error_code ec;
  std::vector<fs::path> journals;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const long pid = journal_owner(it->path().filename().string());
    if (pid > 0 && pid != static_cast<long>(::getpid())) journals.push_back(it->path());
  }
  std::size_t done = 0;
  for (const auto& j : journals) {
    // The writer holds an exclusive lock on its journal until it has removed it; the lock goes
    // with the process, so a journal we can lock was left by a writer that is gone (a process
    // id alone could have been reused by another process since).
    const int fd = ::open(j.c_str(), O_RDONLY);
    if (fd < 0) continue;
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      ::close(fd);
      continue;  // its writer is still at work
    }
    const auto renames = read_journal(j, journal_owner(j.filename().string()));
    try {
      if (!renames.empty()) {
        roll_forward(renames);
        ++done;
      }
    } catch (...) {
      ::close(fd);
      throw;
    }
    fs::remove(j, ec);
    ::close(fd);
  }
  if (done > 0) sync_path(folder, true);
  return done;
}

void test_stop_point(int step) {
  static const long stop = [] {
    const char* v = std::getenv("IRIO_TEST_STOP_AT");
    return v != nullptr ? std::strtol(v, nullptr, 10) : 0L;
  }();
  if (stop > 0 && stop == step) std::_Exit(137);
}

std::size_t remove_stale_temporaries(const std::string& folder) {
  recover_result_sets(folder);  // a journal's temporaries are the new result, not debris
  std::error_code ec;
  std::size_t removed = 0;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const long pid = temp_owner(name);
    if (pid <= 0 || pid == static_cast<long>(::getpid())) continue;
    if (!process_gone(pid)) continue;  // still running (or not ours to ask)
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
  if (fs::is_directory(p, ec)) throw OutputError("output '" + path_ + "' is a directory, expected a file name");
  // A symbolic link counts as an existing output even when it points nowhere (fs::exists follows
  // it): replacing it needs --force like any file, and replaces the link, never its target.
  const bool link = fs::is_symlink(fs::symlink_status(p, ec));
  const bool exists = link || fs::exists(p, ec);
  if (exists && !overwrite)
    throw OutputError("output file '" + path_ + "' exists" +
                      (link && !fs::exists(p, ec) ? std::string(" (a symbolic link to nothing)") : std::string()) +
                      "; use --force (overwrite) to replace it");
  const fs::path dir = folder_of(path_);
  if (!fs::is_directory(dir, ec))
    throw OutputError("output folder '" + dir.string() + "' does not exist (for '" + path_ + "')");
  clean_folder_once(dir.string());
  temp_ = (dir /
           hidden_name(p.filename().string(), kTempTag + std::to_string(::getpid()) + "-" + std::to_string(counter++)))
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
  if (!manifest_path.empty()) {
    staged_.push_back(std::make_unique<AtomicOutput>(manifest_path, overwrite));
    std::ofstream os(staged_.back()->temp_path(), std::ios::binary);
    os << manifest_text;
    os.flush();
    if (!os) throw OutputError("cannot write '" + manifest_path + "' (disk full?)");
  }
  for (auto& s : staged_)
    if (!sync_path(s->temp_path(), false))
      throw OutputError("cannot flush '" + s->temp_path() + "' to disk (for '" + s->path() + "')");
  test_stop_point(1);
  if (staged_.size() == 1) {  // one file: its rename is atomic by itself
    staged_.front()->commit();
    return;
  }
  // The journal: written whole to a temporary, flushed, then renamed into place (the commit point).
  const std::string anchor = manifest_path.empty() ? staged_.front()->path() : manifest_path;
  const fs::path folder = folder_of(anchor);
  const std::string journal =
      (folder / hidden_name(fs::path(anchor).filename().string(), kJournalTag + std::to_string(::getpid()))).string();
  // The lock is taken on the journal's temporary before it is renamed into place (a lock belongs
  // to the file, not its name), so a journal is never in place unlocked while its writer lives.
  struct Lock {
    int fd = -1;
    ~Lock() {
      if (fd >= 0) ::close(fd);
    }
  } lock;
  {
    AtomicOutput j(journal, true);
    {
      std::ofstream os(j.temp_path(), std::ios::binary);
      os << kJournalHeader << "\n";
      // File names only: every file of a set lies in the journal's folder (checked), and a
      // recovering process may run from another working directory.
      for (const auto& s : staged_) {
        std::error_code same;
        if (!fs::equivalent(folder_of(s->path()), folder, same))
          throw OutputError("the files of one result must lie in one folder ('" + s->path() + "', '" + anchor + "')");
        if (s->path().find_first_of("\t\n\r") != std::string::npos)
          throw OutputError("output '" + s->path() +
                            "': a result of several files cannot have a name with a tab "
                            "or line break");
        os << "rename\t" << fs::path(s->temp_path()).filename().string() << "\t"
           << fs::path(s->path()).filename().string() << "\n";
      }
      os << "end\n";
      os.flush();
      if (!os) throw OutputError("cannot write the journal '" + journal + "' (disk full?)");
    }
    lock.fd = ::open(j.temp_path().c_str(), O_RDONLY);
    if (lock.fd < 0 || ::flock(lock.fd, LOCK_EX) != 0)
      throw OutputError("cannot lock the journal '" + journal + "': " + std::strerror(errno));
    j.commit();
  }
  test_stop_point(2);
  int step = 3;
  for (auto& s : staged_) {
    s->commit();
    test_stop_point(step++);
  }
  std::error_code ec;
  fs::remove(journal, ec);
  sync_path(folder.string(), true);
  test_stop_point(step);
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
