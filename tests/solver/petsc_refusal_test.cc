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

  struct stat st {};
  if (::stat(IRIO_BINARY, &st) != 0) return;  // the CLI half needs the binary
  char tmpl[] = "/tmp/irio_petsc_refusal_XXXXXX";
  const std::string dir = ::mkdtemp(tmpl);
  const std::string log = dir + "/log.txt";
  const int rc = std::system(("cd '" + dir + "' && '" IRIO_BINARY "' multipliers '" IRIO_SOURCE_DIR +
                              std::string("/tables/data/wiod2011.h5' -o m.csv --backend petsc > '") + log + "' 2>&1")
                                 .c_str());
  std::ifstream in(log);
  std::stringstream ss;
  ss << in.rdbuf();
  BOOST_CHECK_EQUAL(WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, 2);
  BOOST_CHECK_MESSAGE(ss.str().find("IRIO_WITH_PETSC") != std::string::npos, ss.str());
  struct stat out {};
  BOOST_CHECK(::stat((dir + "/m_multipliers.csv").c_str(), &out) != 0);  // nothing written
  std::system(("rm -rf '" + dir + "'").c_str());
}

BOOST_AUTO_TEST_SUITE_END()
