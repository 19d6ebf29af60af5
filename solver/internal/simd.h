// SPDX-License-Identifier: MIT
// The vector vocabulary of the hand-written kernels (the sparse product, GMRES's Gram-Schmidt): an
// 8-vector of doubles as one value, its unaligned loads and stores, and the attribute that compiles
// a kernel for AVX-512 and AVX2 as well, picked when the library loads.
#pragma once

#include <cstring>

namespace irio::solver::internal {

// An 8-vector of doubles as one value (GCC/Clang vector extension): one AVX-512 register, two AVX2
// or four SSE2 registers, whichever the clone is compiled for. Left to itself, the vectorizer
// reduced over the non-zeros with horizontal adds instead.
typedef double Vec8 __attribute__((vector_size(64)));

}  // namespace irio::solver::internal

// Unaligned loads and stores of a Vec8, by reference (a function returning a 64-byte vector by
// value would have a different ABI in the baseline and AVX-512 builds).
#define IRIO_LOAD(v, p) std::memcpy(&(v), (p), sizeof(::irio::solver::internal::Vec8))
#define IRIO_STORE(p, v) std::memcpy((p), &(v), sizeof(::irio::solver::internal::Vec8))

// Kernels compiled for AVX-512 and AVX2 as well and picked at load time (GCC/Clang function
// multi-versioning on x86-64 Linux); elsewhere, and under the sanitizers, the portable build runs.
// With FMA the last bits of a result can differ from the baseline build (docs/performance.md).
#if defined(__x86_64__) && defined(__linux__) && defined(__GNUC__) && !defined(__SANITIZE_ADDRESS__)
#define IRIO_SIMD_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define IRIO_SIMD_CLONES
#endif
