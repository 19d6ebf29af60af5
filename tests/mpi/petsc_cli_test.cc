// SPDX-License-Identifier: MIT
// `mpirun -np P irio multipliers|chains ... --backend petsc` on the bundled WIOD 2011 table gives
// the one-process dense results to 1e-10 (every CSV, every value), for P = 1 and 2; rank 0 alone
// prints and writes; all ranks exit with the same code and one error message is printed.
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/solver/csv_fixture.h"
#include "tests/support/cli_runner.h"

namespace fs = std::filesystem;

namespace {

const std::string kTable = std::string(IRIO_SOURCE_DIR) + "/tables/data/wiod2011.h5";

struct MpiCli : irio::testing::CliDir {
  MpiCli() : CliDir("irio_mpi_cli_", "log.txt") {}
  /// Run `[mpirun -np P] irio ARGS` in dir (P = 0: no launcher); exit code, output in `out`.
  int run(int np, const std::string& args, std::string& out) const {
    const std::string launcher =
        np > 0 ? "'" IRIO_MPIEXEC "' --allow-run-as-root --oversubscribe -np " + std::to_string(np) + " " : "";
    return CliDir::run(args, out, launcher);
  }
};

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
  return n;
}

/// Every CSV in `ref_dir` has a twin in `dir` with the same keys and values within 1e-10 (relative
/// to max(1, |reference|)); both folders hold the same files. A column named `residual` (the
/// identity checks' diagnostics) is rounding noise by nature: its pass/fail column is compared.
void check_same_results(const std::string& ref_dir, const std::string& dir) {
  std::size_t files = 0, values = 0;
  for (const auto& e : fs::directory_iterator(ref_dir)) {
    BOOST_TEST_INFO(e.path().filename().string());
    BOOST_CHECK(fs::exists(dir + "/" + e.path().filename().string()));
    if (e.path().extension() != ".csv") continue;
    ++files;
    const auto ref = irio::testing::read_csv(e.path().string());
    const auto got = irio::testing::read_csv(dir + "/" + e.path().filename().string());
    BOOST_REQUIRE_EQUAL(got.size(), ref.size());
    BOOST_REQUIRE(!ref.empty());
    double worst = 0;
    std::size_t text_mismatch = 0, nan_mismatch = 0;
    std::string first_mismatch;
    for (std::size_t i = 0; i < ref.size(); ++i) {
      BOOST_REQUIRE_EQUAL(got[i].size(), ref[i].size());
      for (std::size_t j = 0; j < ref[i].size(); ++j) {
        if (ref[0][j] == "residual") continue;
        char* end = nullptr;
        const double r = std::strtod(ref[i][j].c_str(), &end);
        const bool numeric = i > 0 && !ref[i][j].empty() && *end == '\0';
        if (!numeric) {
          if (got[i][j] != ref[i][j] && text_mismatch++ == 0) first_mismatch = got[i][j] + " vs " + ref[i][j];
          continue;
        }
        const double g = irio::testing::number(got[i][j]);
        ++values;
        if (std::isnan(r) || std::isnan(g)) nan_mismatch += std::isnan(r) != std::isnan(g);
        else worst = std::max(worst, std::abs(g - r) / std::max(1.0, std::abs(r)));
      }
    }
    BOOST_CHECK_MESSAGE(text_mismatch == 0, text_mismatch << " cells differ, first: " << first_mismatch);
    BOOST_CHECK_EQUAL(nan_mismatch, 0u);
    BOOST_CHECK_LE(worst, 1e-10);
  }
  BOOST_CHECK_EQUAL(std::distance(fs::directory_iterator(dir), fs::directory_iterator()),
                    std::distance(fs::directory_iterator(ref_dir), fs::directory_iterator()));
  BOOST_CHECK_GT(files, 0u);
  BOOST_TEST_MESSAGE(ref_dir << " vs " << dir << ": " << files << " CSV files, " << values << " values compared");
}

void same_as_dense(const MpiCli& f, const std::string& verb, const std::string& args) {
  std::string out;
  fs::create_directories(f.file("dense"));
  BOOST_REQUIRE_EQUAL(f.run(0, verb + " '" + kTable + "' -o dense/r.csv --backend dense -q " + args, out), 0);
  const std::size_t wrote = count(out, "wrote ");
  BOOST_CHECK_GT(wrote, 0u);
  for (int np : {1, 2}) {
    const std::string sub = "np" + std::to_string(np);
    fs::create_directories(f.file(sub));
    BOOST_TEST_INFO(verb << " -np " << np);
    BOOST_REQUIRE_MESSAGE(
        f.run(np, verb + " '" + kTable + "' -o " + sub + "/r.csv --backend petsc -q " + args, out) == 0, out);
    BOOST_CHECK_MESSAGE(out.find("PETSc GMRES") != std::string::npos, out);
    BOOST_CHECK_MESSAGE(out.find(np == 1 ? "1 process" : "2 processes") != std::string::npos, out);
    BOOST_CHECK_EQUAL(count(out, "wrote "), wrote);    // rank 0 alone prints
    check_same_results(f.file("dense"), f.file(sub));  // and writes: no other files
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(petsc_cli)

BOOST_FIXTURE_TEST_CASE(multipliers_equal_one_process_dense, MpiCli) { same_as_dense(*this, "multipliers", "--split"); }

BOOST_FIXTURE_TEST_CASE(chains_equal_one_process_dense, MpiCli) { same_as_dense(*this, "chains", ""); }

BOOST_FIXTURE_TEST_CASE(all_ranks_exit_with_one_code, MpiCli) {
  std::string out;
  // Bad input on every rank: exit 2 and the message once (rank 0's; the others' are the same).
  BOOST_CHECK_EQUAL(run(2, "multipliers missing.h5 -o m.csv --backend petsc", out), 2);
  BOOST_CHECK_EQUAL(count(out, "irio: error:"), 1u);
  // A verb without --backend runs on rank 0 alone: its report once.
  std::string one;
  BOOST_REQUIRE_MESSAGE(run(0, "info '" + kTable + "'", one) == 0, one);
  BOOST_REQUIRE_MESSAGE(run(2, "info '" + kTable + "'", out) == 0, out);
  BOOST_CHECK_EQUAL(out, one);
}

BOOST_FIXTURE_TEST_CASE(batch_draws_shared_by_two_ranks_equal_one_process, MpiCli) {
  // `irio batch` shares its draws among the ranks (draw d on rank d mod P) and rank 0 writes the
  // panel: it equals the one-process run's file byte for byte (exact doubles are gathered). The
  // run must also end: it once hung, rank 0 waiting at the write barrier the others skipped.
  const std::string args = "batch '" + kTable + "' --draws 3 --seed 7 --perturb Z:lognormal:0.05 --summary -q";
  std::string out;
  BOOST_REQUIRE_MESSAGE(run(0, args + " -o one.csv", out) == 0, out);
  BOOST_REQUIRE_MESSAGE(run(2, args + " -o two.csv", out) == 0, out);
  BOOST_CHECK_EQUAL(count(out, "wrote "), 2u);  // rank 0 alone writes the panel and its summary table
  auto slurp = [&](const std::string& f) { return read(f); };
  // --summary: the panel and its summary table (batch writes them as ONE_multipliers.csv, ..._summary.csv).
  const std::string one = slurp("one_multipliers.csv");
  BOOST_CHECK_GT(one.size(), 1000u);
  BOOST_CHECK(one == slurp("two_multipliers.csv"));
  BOOST_CHECK(slurp("one_multipliers_summary.csv") == slurp("two_multipliers_summary.csv"));
}

BOOST_AUTO_TEST_SUITE_END()
