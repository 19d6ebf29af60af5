// SPDX-License-Identifier: MIT
// The processes that answer one irio command together. A plain build is one process (rank 0 of
// 1). A build with IRIO_WITH_PETSC started under `mpirun -np P` is P processes that all run the
// same command: the PETSc backend shares the solves among them, `irio batch` shares the tables or
// draws among them, and rank 0 alone prints and writes results (docs/scale.md).
#pragma once

#include <string>
#include <vector>

namespace irio::parallel {

/// Starts and ends the process group (under MPI: PETSc started by solver::start_petsc, finalized
/// here; nothing in a plain build). Construct one in main() before anything else, keep it alive to the end.
class Session {
 public:
  Session(int& argc, char**& argv);
  ~Session();  // NOLINT(performance-trivially-destructible): finalizes MPI and PETSc in a PETSc build
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
};

/// This process's rank, 0-based.
int rank();
/// Number of processes in the group (1 in a plain build or without mpirun).
int size();
/// True on rank 0: the process that prints, draws progress and writes result files.
inline bool is_root() { return rank() == 0; }
/// True when the build can run as several processes (IRIO_WITH_PETSC).
bool built_with_mpi();

/// Collective: every rank passes its part; rank 0 receives all parts in rank order, the others an
/// empty vector.
std::vector<std::string> gather_to_root(const std::string& mine);
/// Collective: rank 0's `text` is copied to every rank and returned.
std::string broadcast_from_root(const std::string& text);
/// Collective: the largest exit code over the ranks, so that all ranks agree on failure.
int max_over_ranks(int value);

}  // namespace irio::parallel
