// SPDX-License-Identifier: MIT
// `irio batch` refuses work and memory it cannot bound (issue 22 §3): a number of draws beyond
// --max-draws is refused before anything is allocated (99999999999 draws used to grow memory
// without end), and results estimated beyond --max-memory are refused after the first draw.
#include <boost/test/unit_test.hpp>

#include "tests/analysis/cli_dir.h"

namespace {

bool contains(const std::string& s, const std::string& what) { return s.find(what) != std::string::npos; }

const std::string kTable = std::string(IRIO_SOURCE_DIR) + "/tables/data/wiod2011.h5";

}  // namespace

BOOST_AUTO_TEST_SUITE(batch_bounds_cli)

BOOST_FIXTURE_TEST_CASE(too_many_draws_and_too_much_memory_are_refused, CliDir) {
  std::string out;
  BOOST_CHECK_EQUAL(
      run("batch --verb multipliers --draws 99999999999 --perturb Z:lognormal:0.05 '" + kTable + "' -o mc.csv", out),
      2);
  BOOST_CHECK_MESSAGE(contains(out, "99999999999 draws") && contains(out, "--max-draws"), out);
  BOOST_CHECK(!fs::exists(dir / "mc.csv"));
  BOOST_CHECK_EQUAL(run("batch --verb multipliers --draws 3 --max-memory 0.0001 --perturb Z:lognormal:0.05 '" + kTable +
                            "' -o mc.csv",
                        out),
                    2);
  BOOST_CHECK_MESSAGE(contains(out, "--max-memory") && contains(out, "GiB"), out);
  BOOST_CHECK_EQUAL(
      run("batch --verb multipliers --draws 3 --max-draws 2 --perturb Z:lognormal:0.05 '" + kTable + "' -o mc.csv",
          out),
      2);
  BOOST_CHECK_MESSAGE(
      run("batch --verb multipliers --draws 2 --perturb Z:lognormal:0.05 '" + kTable + "' -o mc.csv", out) == 0, out);
}

BOOST_AUTO_TEST_SUITE_END()
