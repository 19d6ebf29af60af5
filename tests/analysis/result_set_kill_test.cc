// SPDX-License-Identifier: MIT
// A replaced multi-file result is all old or all new (issue 22 §1, docs/formats.md "Result
// manifests"): `--force` over an existing result is stopped at every step of the replacement (the
// IRIO_TEST_STOP_AT hook ends the process as a kill would), and by real SIGKILLs at spread-out
// instants; after the next reader has recovered the folder, the manifest lists exactly the old or
// exactly the new files, each with its size and CRC-32, and no journal is left.
#include <fcntl.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <map>

#include "cli_dir.h"
#include "irio/io/table_store.h"
#include "tests/test_util.h"

namespace io = irio::io;

namespace {

using FileSet = std::map<std::string, std::string>;  // file name -> CRC-32

/// The files the manifest at `folder` lists (after recovery), each checked against the file on
/// disk; an entry "<mismatch>" when a listed file is missing or differs.
FileSet listed_files(const fs::path& folder) {
  const auto m = io::read_result_manifest((folder / "irio.meta.json").string());  // recovers first
  FileSet out;
  for (const auto& f : m.files) {
    const std::string path = (folder / f.file).string();
    std::error_code ec;
    const bool ok = fs::exists(path, ec) && fs::file_size(path, ec) == f.bytes;
    out[f.file] = ok ? f.crc32 : "<mismatch>";
  }
  return out;
}

/// A journal in place (`.NAME.irio-journal-PID`), not the temporary a killed writer left while
/// writing one (that is debris like any temporary, removed by the next writer).
bool journal_left(const fs::path& folder) {
  for (const auto& e : fs::directory_iterator(folder)) {
    const std::string name = e.path().filename().string();
    const auto at = name.rfind(".irio-journal-");
    if (at != std::string::npos && name.find_first_not_of("0123456789", at + 14) == std::string::npos) return true;
  }
  return false;
}

struct Tables {
  CliDir d;
  Tables() {
    irio::tables::IoTable t = irio::testing::leather();
    io::write_table(t, d.file("old.h5"));
    t.Y *= 3.0;  // another result: every multiplier-weighted figure changes
    t.Z = t.Z * 1.5;
    io::write_table(t, d.file("new.h5"));
  }
};

const char* kVerb = "analyse";

}  // namespace

BOOST_AUTO_TEST_SUITE(result_set_replacement)

BOOST_AUTO_TEST_CASE(stopped_at_every_step_the_folder_is_old_or_new) {
  Tables t;
  std::string out;
  fs::create_directories(t.d.dir / "ref_old");
  fs::create_directories(t.d.dir / "ref_new");
  BOOST_REQUIRE_MESSAGE(t.d.run(std::string(kVerb) + " old.h5 -o ref_old --force", out) == 0, out);
  BOOST_REQUIRE_MESSAGE(t.d.run(std::string(kVerb) + " new.h5 -o ref_new --force", out) == 0, out);
  const FileSet old_set = listed_files(t.d.dir / "ref_old");
  const FileSet new_set = listed_files(t.d.dir / "ref_new");
  BOOST_REQUIRE(old_set.size() >= 3u);  // a result of several files
  BOOST_REQUIRE(old_set != new_set);
  int step = 1;
  int finished = 0;
  for (; step < 64 && finished == 0; ++step) {
    const fs::path folder = t.d.dir / ("run" + std::to_string(step));
    fs::create_directories(folder);
    BOOST_REQUIRE(t.d.run(std::string(kVerb) + " old.h5 -o " + folder.filename().string() + " --force", out) == 0);
    ::setenv("IRIO_TEST_STOP_AT", std::to_string(step).c_str(), 1);
    const int rc = t.d.run(std::string(kVerb) + " new.h5 -o " + folder.filename().string() + " --force", out);
    ::unsetenv("IRIO_TEST_STOP_AT");
    if (rc == 0) finished = step;
    else BOOST_TEST(rc == 137, "step " << step << ": " << out);
    const FileSet got = listed_files(folder);
    BOOST_TEST((got == old_set || got == new_set),
               "step " << step << ": the folder is neither the old nor the new result");
    if (step == 1) BOOST_TEST((got == old_set), "stopped before the journal: the old result stays");
    if (step >= 2) BOOST_TEST((got == new_set), "stopped after the journal (step " << step << "): rolled forward");
    BOOST_TEST(!journal_left(folder), "step " << step);
  }
  BOOST_TEST(finished >= 2 + static_cast<int>(new_set.size()) + 1, "the hook saw every rename");
}

BOOST_AUTO_TEST_CASE(real_kills_at_spread_instants_leave_old_or_new) {
  Tables t;
  std::string out;
  fs::create_directories(t.d.dir / "ref_old");
  fs::create_directories(t.d.dir / "ref_new");
  BOOST_REQUIRE(t.d.run(std::string(kVerb) + " old.h5 -o ref_old --force", out) == 0);
  BOOST_REQUIRE(t.d.run(std::string(kVerb) + " new.h5 -o ref_new --force", out) == 0);
  const FileSet old_set = listed_files(t.d.dir / "ref_old");
  const FileSet new_set = listed_files(t.d.dir / "ref_new");
  // Kill after 1, 3, 5, ... ms: early ones land before or during the writes, later ones during or
  // after the renames (a run takes some tens of milliseconds).
  for (int i = 0; i < 24; ++i) {
    const fs::path folder = t.d.dir / ("kill" + std::to_string(i));
    fs::create_directories(folder);
    BOOST_REQUIRE(t.d.run(std::string(kVerb) + " old.h5 -o " + folder.filename().string() + " --force", out) == 0);
    // The test starts and kills the writer itself and waits for it: a shell's `timeout` can return
    // while the killed process still exists (and holds its journal's lock).
    const int delay_us = 1000 + 4000 * i;
    const std::string delay = std::to_string(delay_us / 1e6);
    const pid_t pid = ::fork();
    BOOST_REQUIRE(pid >= 0);
    if (pid == 0) {
      if (::chdir(t.d.dir.c_str()) != 0) std::_Exit(127);
      const int null = ::open("/dev/null", O_WRONLY);
      ::dup2(null, 1);
      ::dup2(null, 2);
      const std::string out_folder = folder.filename().string();
      ::execl(IRIO_BINARY, IRIO_BINARY, kVerb, "new.h5", "-o", out_folder.c_str(), "--force",
              static_cast<char*>(nullptr));
      std::_Exit(127);
    }
    ::usleep(static_cast<useconds_t>(delay_us));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);  // killed or finished: either way the folder must be whole
    const FileSet got = listed_files(folder);
    BOOST_TEST((got == old_set || got == new_set), "kill after " << delay << " s: neither old nor new");
    if ((got != old_set && got != new_set) || journal_left(folder))
      for (const auto& e : fs::directory_iterator(folder)) BOOST_TEST_MESSAGE("  left: " << e.path().filename());
    BOOST_TEST(!journal_left(folder));
  }
}

BOOST_AUTO_TEST_SUITE_END()
