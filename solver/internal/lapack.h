// SPDX-License-Identifier: MIT
// Declarations of the few Fortran LAPACK routines irio calls (OpenBLAS provides them). Declared
// here rather than through lapacke.h, whose <complex.h> breaks other headers (TOOLCHAIN.md).
#pragma once

#include <cstddef>

extern "C" {
void dgetrf_(const int* m, const int* n, double* a, const int* lda, int* ipiv, int* info);
void dgetrs_(const char* trans, const int* n, const int* nrhs, const double* a, const int* lda,
             const int* ipiv, double* b, const int* ldb, int* info, std::size_t trans_len);
void dgecon_(const char* norm, const int* n, const double* a, const int* lda, const double* anorm,
             double* rcond, double* work, int* iwork, int* info, std::size_t norm_len);
}
