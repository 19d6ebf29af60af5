// SPDX-License-Identifier: MIT
// The shared CLI-test fixture (tests/support/cli_runner.h).
#include "tests/support/cli_runner.h"

#include <stdlib.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace irio::testing {

const char* irio_binary() { return IRIO_BINARY; }

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int run_irio_logged(const std::string& args, std::string& out, const std::string& log, const std::string& cwd,
                    const std::string& prefix) {
  std::string cmd = cwd.empty() ? std::string() : "cd '" + cwd + "' && ";
  cmd += prefix + "'" + std::string(IRIO_BINARY) + "' " + args + " > '" + log + "' 2>&1";
  const int rc = std::system(cmd.c_str());
  out = read_file(log);
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

TempDir::TempDir(const std::string& stem) {
  std::string tmpl = (std::filesystem::temp_directory_path() / (stem + "XXXXXX")).string();
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  if (!::mkdtemp(buf.data())) throw std::runtime_error("cannot create a temporary folder " + tmpl);
  path_ = buf.data();
}

TempDir::~TempDir() {
  if (std::getenv("IRIO_KEEP_TMP")) return;
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string TempDir::write(const std::string& name, const std::string& text) const {
  std::ofstream(file(name), std::ios::binary) << text;
  return file(name);
}

boost::test_tools::assertion_result BinaryBuilt::operator()(boost::unit_test::test_unit_id) const {
  boost::test_tools::assertion_result r(std::filesystem::exists(binary));
  r.message() << "irio binary not built: " << binary;
  return r;
}

}  // namespace irio::testing
