// SPDX-License-Identifier: MIT
// The peers' dense method for the footprint accounts, as pymrio's calc_all computes them: the
// baseline of the end-to-end tasks (e2e, exiobase).
#pragma once

#include <map>
#include <string>

#include "irio/tables/io_table.h"

namespace irio::bench {

/// Accounts keyed by pymrio's names: k_F x n by region-sector, or k_F x G for the "_reg" ones.
using Accounts = std::map<std::string, tables::Matrix>;

/// op(a) op(b) by BLAS dgemm (numpy's dot), op the transpose when `trans_b`.
tables::Matrix gemm(const tables::Matrix& a, const tables::Matrix& b, bool trans_b = false);

/// pymrio's calc_system and calc_accounts for satellite `sat` of `t`, given L = (I - A)^{-1}:
/// S = F x^-1, M = S L, M_down = S (G - I)' with G = x^-1 L x^ (the Ghosh inverse), x_diag = L Y_diag
/// with Y_diag the block-diagonalised final demand summed over categories (pymrio's
/// diagonalize_blocks), D_cba = S x_diag, D_pba = S diag(x_diag 1), D_imp = S x_trade (domestic
/// blocks of x_diag zeroed), D_exp = S diag(x_trade 1); with `regional` also D_cba_reg, D_pba_reg
/// (F_Y added by region), D_imp_reg and D_exp_reg, the region sums of the columns. Every k_F x n x n
/// product is one dgemm.
Accounts dense_calc_all(const tables::IoTable& t, const tables::Matrix& L, const tables::Satellite& sat, bool regional);

}  // namespace irio::bench
