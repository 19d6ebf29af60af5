// SPDX-License-Identifier: MIT
// The analysis suite's CLI tests run the real irio binary in the shared fixture
// irio::testing::CliDir (tests/support/cli_runner.h); this header gives it its short name here.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/support/cli_runner.h"

namespace {

namespace fs = std::filesystem;
using irio::testing::CliDir;

}  // namespace
