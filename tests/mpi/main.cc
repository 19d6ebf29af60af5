// SPDX-License-Identifier: MIT
// The PETSc/MPI backend (docs/petsc.md): built and registered only with IRIO_WITH_PETSC (label `mpi`).
#define BOOST_TEST_MODULE mpi
#include <boost/test/unit_test.hpp>
