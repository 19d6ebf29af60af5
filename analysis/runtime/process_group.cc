// SPDX-License-Identifier: MIT
// One process: the process group of a build without MPI (analysis/runtime/process_group.h).
#include "irio/analysis/runtime/process_group.h"

#ifndef IRIO_WITH_PETSC
namespace irio::parallel {

Session::Session(int&, char**&) {}
Session::~Session() = default;
int rank() { return 0; }
int size() { return 1; }
bool built_with_mpi() { return false; }
std::vector<std::string> gather_to_root(const std::string& mine) { return {mine}; }
std::string broadcast_from_root(const std::string& text) { return text; }
int max_over_ranks(int value) { return value; }

}  // namespace irio::parallel
#endif
