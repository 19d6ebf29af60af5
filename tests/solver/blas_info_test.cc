// SPDX-License-Identifier: MIT
// solver::blas_info: the kernel classification, the warning, what this process links, and the
// run summary of the CLI under a forced generic kernel (OPENBLAS_CORETYPE=Prescott).
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "irio/solver/blas_info.h"
#include "tests/support/cli_runner.h"

using namespace irio::solver;

BOOST_AUTO_TEST_SUITE(blas_info_suite)

BOOST_AUTO_TEST_CASE(kernels_are_classified) {
  BOOST_TEST(kernel_has_avx2("Haswell"));
  BOOST_TEST(kernel_has_avx2("SKYLAKEX"));
  BOOST_TEST(kernel_has_avx2("Zen"));
  BOOST_TEST(!kernel_has_avx2("Prescott"));
  BOOST_TEST(!kernel_has_avx2("Sandybridge"));  // AVX, but no AVX2 / FMA
  BOOST_TEST(!kernel_has_avx2(""));
  BOOST_TEST(matching_coretype(true, true) == "SkylakeX");
  BOOST_TEST(matching_coretype(true, false) == "Haswell");
  BOOST_TEST(matching_coretype(false, false) == "");
}

BOOST_AUTO_TEST_CASE(warning_only_for_a_slow_kernel_on_a_capable_cpu) {
  BlasInfo b;
  b.openblas = true;
  b.kernel = "Prescott";
  b.threads = 2;
  b.cpu_avx2 = true;
  b.cpu_avx512f = true;
  BOOST_TEST(b.slow_kernel());
  const std::string w = b.warning();
  BOOST_TEST(w.find("Prescott") != std::string::npos, w);
  BOOST_TEST(w.find("OPENBLAS_CORETYPE=SkylakeX") != std::string::npos, w);
  b.cpu_avx512f = false;
  BOOST_TEST(b.warning().find("OPENBLAS_CORETYPE=Haswell") != std::string::npos, b.warning());
  b.kernel = "Haswell";
  BOOST_TEST(!b.slow_kernel());
  BOOST_TEST(b.warning().empty());
  b.kernel = "Prescott";
  b.cpu_avx2 = false;  // an old CPU: the generic kernel is the right one
  BOOST_TEST(b.warning().empty());
  b.cpu_avx2 = true;
  b.openblas = false;  // another vendor: nothing known about its kernel, no warning
  BOOST_TEST(b.warning().empty());
  BOOST_TEST(b.brief().find("not OpenBLAS") != std::string::npos, b.brief());
}

BOOST_AUTO_TEST_CASE(this_process) {
  const BlasInfo b = blas_info();
  BOOST_TEST_MESSAGE(b.brief() << " [" << b.library << "]");
  BOOST_TEST(!b.library.empty());  // dladdr finds the library that holds dgemm_
  if (b.openblas) {
    BOOST_TEST(!b.kernel.empty());
    BOOST_TEST(b.threads >= 1);
    BOOST_TEST(b.brief().find("kernel " + b.kernel) != std::string::npos, b.brief());
  }
}

// The CLI's run summary names the kernel; forcing the generic one on a CPU with AVX2 warns.
BOOST_AUTO_TEST_CASE(run_summary_names_kernel_and_warns) {
  if (!std::filesystem::exists(irio::testing::irio_binary())) return;
  const BlasInfo b = blas_info();
  std::string out;
  int rc = 0;
  {
    const irio::testing::CliDir dir("irio_blas_", "log.txt");
    rc = dir.run("multipliers '" + std::string(IRIO_SOURCE_DIR) + "/tables/data/wiod2011.h5' -o m.csv", out,
                 "OPENBLAS_CORETYPE=Prescott ");
  }
  BOOST_TEST(rc == 0, out);
  BOOST_TEST(out.find("BLAS: ") != std::string::npos, out);
  if (b.openblas) {
    BOOST_TEST(out.find("kernel Prescott") != std::string::npos, out);
    BOOST_TEST((out.find("OPENBLAS_CORETYPE=") != std::string::npos) == b.cpu_avx2, out);
  }
}

BOOST_AUTO_TEST_SUITE_END()
