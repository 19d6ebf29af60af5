// SPDX-License-Identifier: MIT
// A temporary folder in which the CLI tests of this suite run the real irio binary.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

struct CliDir {
  fs::path dir;
  CliDir() {
    std::random_device rd;
    dir = fs::temp_directory_path() / ("irio-analysis-cli-" + std::to_string(rd()));
    fs::create_directories(dir);
  }
  ~CliDir() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  std::string file(const std::string& name) const { return (dir / name).string(); }
  int run(const std::string& args, std::string& out) const {
    const std::string log = file("cli.log");
    const int rc = std::system(("cd '" + dir.string() + "' && '" IRIO_BINARY "' " + args + " > '" + log + "' 2>&1").c_str());
    std::ifstream in(log);
    std::stringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  }
  std::string read(const std::string& name) const {
    std::ifstream in(file(name));
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
};

}  // namespace
