// SPDX-License-Identifier: MIT
// Helpers of the io tests: a self-removing temporary folder, file writing, error-message checks,
// running the irio binary.
#pragma once

#include <sys/wait.h>

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "irio/tables/error.h"

namespace irio::testing {

/// A fresh folder under the system temp dir, removed with its contents at scope exit.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() / ("irio-io-test-" + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  /// Write `text` to `name` and return its path.
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(file(name), std::ios::binary) << text;
    return file(name);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// Run f, expect it to throw E, and return the message ("" if nothing or something else was thrown).
template <typename E>
std::string error_message(const std::function<void()>& f) {
  try {
    f();
  } catch (const E& e) {
    return e.what();
  } catch (const std::exception& e) {
    return std::string("<other exception> ") + e.what();
  }
  return "<no exception>";
}

/// Every part must occur in the message of the E thrown by f.
template <typename E>
void check_error(const std::function<void()>& f, const std::vector<std::string>& parts) {
  const std::string msg = error_message<E>(f);
  for (const auto& p : parts) BOOST_TEST((msg.find(p) != std::string::npos), "'" << p << "' not in: " << msg);
}

/// Test-unit precondition: the irio binary exists. CLI tests are skipped (not passed) without it,
/// since the io suite links only irio_io.
struct BinaryBuilt {
  const char* binary = IRIO_BINARY;  // a data member: boost copies empty functors uninitialised
  boost::test_tools::assertion_result operator()(boost::unit_test::test_unit_id) const {
    boost::test_tools::assertion_result r(std::filesystem::exists(binary));
    r.message() << "irio binary not built: " << binary;
    return r;
  }
};

/// Run `irio args`, return its exit status; stdout+stderr go to `out` (through d/cli.log). `prefix`
/// goes before the binary (e.g. "timeout 60 ").
inline int run_irio(const std::string& args, std::string& out, const TempDir& d, const std::string& prefix = "") {
  const std::string log = d.file("cli.log");
  const int rc = std::system((prefix + std::string(IRIO_BINARY) + " " + args + " > '" + log + "' 2>&1").c_str());
  std::ifstream is(log);
  std::stringstream ss;
  ss << is.rdbuf();
  out = ss.str();
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

}  // namespace irio::testing
