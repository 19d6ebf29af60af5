// SPDX-License-Identifier: MIT
// Benchmark tasks "embodied" (methods.md §2.7), "tiva" (§3.6) and "bmt" (§3.4) at EXIOBASE's shape: irio's solves
// against the dense method (the full inverse, the local inverses and their products, as the peers
// compute these measures), on the same seeded table.
#pragma once

#include "irio/tables/io_table.h"

namespace irio::bench {

/// irio: solver::embodied_trade of satellite "env" (every stressor). Result: per stressor the G x G
/// MRIO matrix over the G x G EEBT matrix (final + intermediate), stacked.
tables::Matrix embodied_irio(const tables::IoTable& t);
/// Dense: L and the block-diagonal (I - A^{rr})^{-1} in full, then the products. Same layout.
tables::Matrix embodied_dense(const tables::IoTable& t);

/// irio: solver::gvc::tiva_indicators at the region perimeter. Result: U x 7, the unit sums of
/// EXGR_DVA, EXGR_DDC, EXGR_IDC, EXGR_RIM, EXGR_FVA, FFD_DVA and FEXDVAP.
tables::Matrix tiva_irio(const tables::IoTable& t);
/// Dense, as exvatools computes them: B = L and L_d in full, V B, diag(L_d). Same layout.
tables::Matrix tiva_dense(const tables::IoTable& t);

/// irio: solver::gvc::bmt_tripartite at the region perimeter. Result: G^2 x 4, per pair (exporter
/// s, importer r, row r G + s) DAVAX, GVC_PF, GVC_TS, GVC_PB summed over the exporter's sectors.
tables::Matrix bmt_irio(const tables::IoTable& t);
/// Dense, as gvcAnalyzer computes them: L, the local inverses, and the sums over third countries
/// pair by pair. Same layout.
tables::Matrix bmt_dense(const tables::IoTable& t);

}  // namespace irio::bench
