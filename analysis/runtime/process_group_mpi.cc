// SPDX-License-Identifier: MIT
// The process group of a build with IRIO_WITH_PETSC (analysis/runtime/process_group.h): MPI through
// PETSc. Under a launcher (mpirun, mpiexec, srun) the Session starts PETSc and with it MPI; a
// process started without one stays a plain process of rank 0 of 1 and starts PETSc only if the
// petsc backend is asked for, which saves the second an MPI singleton takes to start
// (docs/petsc.md). Both start PETSc through solver::start_petsc (solver/internal/petsc_solver.cc).
#include "irio/analysis/runtime/process_group.h"

#ifdef IRIO_WITH_PETSC
#include <petscsys.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>

#include "irio/solver/linear_solver.h"

namespace irio::parallel {
namespace {

bool mpi_running() {
  int started = 0, finished = 0;
  MPI_Initialized(&started);
  MPI_Finalized(&finished);
  return started && !finished;
}

/// Set by the launchers of Open MPI, MPICH/Hydra, PMIx and Slurm.
bool launched_by_mpi() {
  for (const char* v : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK", "PMI_RANK"})
    if (std::getenv(v)) return true;
  return false;
}

bool started_here = false;

}  // namespace

Session::Session(int& argc, char**& argv) {
  if (!launched_by_mpi() || mpi_running()) return;
  // PETSc is started by the solver module (solver::start_petsc: no signal handlers, options from
  // PETSC_OPTIONS only), here with the command line for MPI.
  try {
    started_here = solver::start_petsc(&argc, &argv);
  } catch (const std::exception&) {
    std::exit(70);
  }
}

Session::~Session() {
  // Rank 0's buffered output goes out while MPI still runs (the launcher forwards it).
  std::cout.flush();
  std::fflush(stdout);
  if (started_here && mpi_running()) (void)PetscFinalize();
}

int rank() {
  if (!mpi_running()) return 0;
  int r = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &r);
  return r;
}

int size() {
  if (!mpi_running()) return 1;
  int s = 1;
  MPI_Comm_size(MPI_COMM_WORLD, &s);
  return s;
}

bool built_with_mpi() { return true; }

std::vector<std::string> gather_to_root(const std::string& mine) {
  if (size() == 1) return {mine};
  const int n = size();
  const int len = static_cast<int>(mine.size());
  std::vector<int> lens(static_cast<std::size_t>(n)), displs(static_cast<std::size_t>(n));
  MPI_Gather(&len, 1, MPI_INT, lens.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
  std::string all;
  if (is_root()) {
    int total = 0;
    for (int p = 0; p < n; ++p) displs[static_cast<std::size_t>(p)] = total, total += lens[static_cast<std::size_t>(p)];
    all.resize(static_cast<std::size_t>(total));
  }
  MPI_Gatherv(mine.data(), len, MPI_CHAR, all.data(), lens.data(), displs.data(), MPI_CHAR, 0, MPI_COMM_WORLD);
  if (!is_root()) return {};
  std::vector<std::string> parts;
  for (int p = 0; p < n; ++p)
    parts.push_back(all.substr(static_cast<std::size_t>(displs[static_cast<std::size_t>(p)]),
                               static_cast<std::size_t>(lens[static_cast<std::size_t>(p)])));
  return parts;
}

std::string broadcast_from_root(const std::string& text) {
  if (size() == 1) return text;
  unsigned long long len = text.size();
  MPI_Bcast(&len, 1, MPI_UNSIGNED_LONG_LONG, 0, MPI_COMM_WORLD);
  std::string out = is_root() ? text : std::string(static_cast<std::size_t>(len), '\0');
  // In pieces of at most 1 GiB: MPI counts are int.
  constexpr std::size_t kPiece = std::size_t{1} << 30;
  for (std::size_t off = 0; off < out.size(); off += kPiece)
    MPI_Bcast(out.data() + off, static_cast<int>(std::min(kPiece, out.size() - off)), MPI_CHAR, 0, MPI_COMM_WORLD);
  return out;
}

int max_over_ranks(int value) {
  if (size() == 1) return value;
  int out = value;
  MPI_Allreduce(&value, &out, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
  return out;
}

}  // namespace irio::parallel
#endif  // IRIO_WITH_PETSC
