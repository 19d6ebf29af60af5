// SPDX-License-Identifier: MIT
// Helpers of the io tests: error-message checks; the temporary folder (TempDir), run_irio and
// BinaryBuilt come from the shared tests/support/cli_runner.h.
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
#include "tests/support/cli_runner.h"

namespace irio::testing {

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

}  // namespace irio::testing
