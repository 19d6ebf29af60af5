// SPDX-License-Identifier: MIT
// `--backend petsc` in a build without PETSc: a clear InputError (exit 2) naming the CMake option,
// from the library and from the CLI. In a PETSc build the backend itself is tested by tests/mpi.
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "irio/solver/leontief_model.h"
#include "irio/tables/error.h"
#include "tests/support/cli_runner.h"
#include "tests/test_util.h"

using namespace irio;

BOOST_AUTO_TEST_SUITE(petsc_refusal)

BOOST_AUTO_TEST_CASE(petsc_backend_without_petsc_names_the_cmake_option) {
  if (solver::petsc_available()) {
    BOOST_TEST_MESSAGE("built with IRIO_WITH_PETSC: the backend is tested by the mpi label");
    return;
  }
  const auto t = testing::leather();
  solver::ModelOptions o;
  o.backend = parse_enum<solver::Backend>("petsc");
  BOOST_CHECK_EXCEPTION(solver::LeontiefModel(t, o), InputError, [](const InputError& e) {
    return std::string(e.what()).find("-DIRIO_WITH_PETSC=ON") != std::string::npos;
  });
  BOOST_CHECK_THROW(solver::make_petsc_gmres(t.Z, {}, {}, "I - A"), InputError);

  if (!std::filesystem::exists(testing::irio_binary())) return;  // the CLI half needs the binary
  const testing::CliDir dir("irio_petsc_refusal_", "log.txt");
  std::string out;
  const int rc = dir.run("multipliers '" IRIO_SOURCE_DIR "/tables/data/wiod2011.h5' -o m.csv --backend petsc", out);
  BOOST_CHECK_EQUAL(rc, 2);
  BOOST_CHECK_MESSAGE(out.find("IRIO_WITH_PETSC") != std::string::npos, out);
  BOOST_CHECK(!dir.exists("m_multipliers.csv"));  // nothing written
}

BOOST_AUTO_TEST_SUITE_END()
