// SPDX-License-Identifier: MIT
// The one "run the irio binary in a temporary folder" fixture of the test suites (built once as
// the static library irio_test_support, tests/CMakeLists.txt): a self-removing temporary folder,
// running `irio ARGS` with its output captured, and the precondition that the binary exists.
#pragma once

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <string>

namespace irio::testing {

/// The path of the irio binary the suites run (set by CMake).
const char* irio_binary();

/// Everything in the file at `path` ("" if it cannot be read).
std::string read_file(const std::string& path);

/// Run `PREFIX irio ARGS` through the shell, in the folder `cwd` (empty: the current folder), with
/// stdout and stderr written to the file `log` and then returned in `out`. `prefix` goes before
/// the binary: environment settings, a launcher (mpirun ...), "timeout 60 ". Returns the exit
/// status, -1 if the process did not exit normally (a signal).
int run_irio_logged(const std::string& args, std::string& out, const std::string& log, const std::string& cwd = "",
                    const std::string& prefix = "");

/// A fresh folder <temp>/<stem>XXXXXX, removed with its contents at scope exit unless the
/// environment variable IRIO_KEEP_TMP is set (to look at a failed test's files).
class TempDir {
 public:
  explicit TempDir(const std::string& stem = "irio-test-");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  /// The path of `name` in the folder.
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  std::string operator/(const std::string& name) const { return file(name); }
  /// Write `text` to `name` and return its path.
  std::string write(const std::string& name, const std::string& text) const;
  /// The content of `name` ("" if missing).
  std::string read(const std::string& name) const { return read_file(file(name)); }
  bool exists(const std::string& name) const { return std::filesystem::exists(path_ / name); }

 private:
  std::filesystem::path path_;
};

/// `irio ARGS` run in the current folder, its output logged to `d`/cli.log.
inline int run_irio(const std::string& args, std::string& out, const TempDir& d, const std::string& prefix = "") {
  return run_irio_logged(args, out, d.file("cli.log"), "", prefix);
}

/// A temporary folder in which CLI tests run the irio binary: `run` executes `irio ARGS` with the
/// folder as working directory (relative output paths land in it), logging to `log_name` there.
class CliDir : public TempDir {
 public:
  explicit CliDir(const std::string& stem = "irio-cli-", std::string log_name = "cli.log")
      : TempDir(stem), dir(path()), log_name_(std::move(log_name)) {}
  const std::filesystem::path dir;  ///< the folder (= path())
  /// Run `PREFIX irio ARGS` in the folder: exit status, stdout+stderr in `out`.
  int run(const std::string& args, std::string& out, const std::string& prefix = "") const {
    return run_irio_logged(args, out, file(log_name_), path().string(), prefix);
  }

 private:
  std::string log_name_;
};

/// Test-unit precondition: the irio binary exists. CLI tests are skipped (not passed) without it.
struct BinaryBuilt {
  const char* binary = irio_binary();  // a data member: boost copies empty functors uninitialised
  boost::test_tools::assertion_result operator()(boost::unit_test::test_unit_id) const;
};

}  // namespace irio::testing
