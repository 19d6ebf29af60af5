// SPDX-License-Identifier: MIT
// Competitive -> non-competitive conversion by proportionality and the single-province
// decomposition (methods.md §5.5, §7.7). The source shares are tables::proportional_source_shares
// (tables/competitive_conversion.h), shared with the NBS reader.
#include "irio/solver/gvc/competitive_conversion.h"

#include <Eigen/LU>
#include <cstdio>
#include <limits>

#include "irio/solver/gvc/diagnostics.h"
#include "irio/tables/competitive_conversion.h"
#include "irio/tables/error.h"

namespace irio::solver::gvc {

ImportConversion import_conversion_from_string(const std::string& s) { return parse_enum<ImportConversion>(s); }

NonCompetitiveTable convert_competitive(const CompetitiveTable& t, ImportConversion mode) {
  const Index N = t.Z.rows();
  auto need = [&](const Vector& v, const char* what) {
    if (v.size() != N)
      throw InputError(std::string("competitive table: ") + what + " has " + std::to_string(v.size()) +
                       " entries, expected " + std::to_string(N));
  };
  if (t.Z.cols() != N) throw InputError("competitive table: Z is not square");
  if (static_cast<Index>(t.sectors.size()) != N) throw InputError("competitive table: sector labels do not match Z");
  need(t.f, "f");
  need(t.o, "outflows");
  need(t.e, "exports");
  need(t.in, "inflows");
  need(t.im, "imports");
  const Vector err = t.err.size() > 0 ? t.err : Vector::Zero(N);
  need(err, "error column");
  NonCompetitiveTable out;
  out.sectors = t.sectors;
  out.mode = mode;
  out.flags = tables::TidyTable("conversion_flags", {"sector", "flag"});
  const Vector z1 = t.Z.rowwise().sum();
  out.x = z1 + t.f + t.o + t.e - t.in - t.im + err;
  out.va = out.x - t.Z.colwise().sum().transpose();
  const tables::SourceShares sh = tables::proportional_source_shares(
      z1 + t.f, t.o + t.e, mode == ImportConversion::kReexport, t.in, t.im, tables::UndefinedShares::kNonPositiveUse,
      [&](Index i, double u) {
        throw InputError("competitive -> non-competitive conversion: the denominator u = " + std::to_string(u) +
                         " of sector '" + t.sectors[static_cast<std::size_t>(i)] +
                         "' is not positive (methods.md §5.5)");
      });
  out.d = sh.d;
  out.sN = sh.s_other;
  out.sM = sh.s_foreign;
  out.clipped = sh.clipped;
  // Entrepot re-exports exceed domestic use: clipped (d + s^N + s^M = 1 kept) and flagged.
  for (Index i : sh.clipped)
    out.flags.add_row({t.sectors[static_cast<std::size_t>(i)], "d_clipped"}, sh.d_unclipped(i));
  out.ZD = out.d.asDiagonal() * t.Z;
  out.ZN = out.sN.asDiagonal() * t.Z;
  out.ZM = out.sM.asDiagonal() * t.Z;
  out.fD = out.d.cwiseProduct(t.f);
  out.err = err;
  if (mode == ImportConversion::kReexport) {
    out.o = out.d.cwiseProduct(t.o);
    out.e = out.d.cwiseProduct(t.e);
    out.reexported = (Vector::Ones(N) - out.d).cwiseProduct(t.o + t.e);
    for (Index i = 0; i < N; ++i)
      if (out.reexported(i) != 0.0)
        out.flags.add_row({t.sectors[static_cast<std::size_t>(i)], "reexported"}, out.reexported(i));
  } else {
    out.o = t.o;
    out.e = t.e;
    out.reexported = Vector::Zero(N);
  }
  return out;
}

SingleRegionDecomposition single_region_decomposition(const NonCompetitiveTable& t) {
  const Index N = t.x.size();
  const Vector xinv = tables::safe_reciprocal(t.x);
  const Matrix I = Matrix::Identity(N, N);
  // L^D applied through one LU of I - A^D (solves only, methods.md §0.4).
  const Eigen::PartialPivLU<Matrix> lu(I - t.ZD * xinv.asDiagonal());
  const Eigen::PartialPivLU<Matrix> lu_comp(I - (t.ZD + t.ZN + t.ZM) * xinv.asDiagonal());
  const Vector v = t.va.cwiseProduct(xinv);
  const Vector mN = (t.ZN.colwise().sum().transpose()).cwiseProduct(xinv);
  const Vector mF = (t.ZM.colwise().sum().transpose()).cwiseProduct(xinv);
  SingleRegionDecomposition out;
  Matrix C(N, 4);
  C << Vector::Ones(N), v, mN, mF;
  const Matrix LtC = lu.transpose().solve(C);
  out.output_multiplier = LtC.col(0);
  out.va_content = LtC.col(1);
  out.other_region_content = LtC.col(2);
  out.foreign_content = LtC.col(3);
  out.competitive_output_multiplier = lu_comp.transpose().solve(Vector::Ones(N));
  Matrix Fd(N, 4);
  Fd << t.fD, t.o, t.e, t.err;
  out.forward = v.asDiagonal() * lu.solve(Fd);
  out.exports = t.e.sum();
  out.exports_dva = out.va_content.dot(t.e);
  out.exports_other_region = out.other_region_content.dot(t.e);
  out.exports_foreign = out.foreign_content.dot(t.e);

  out.table = tables::TidyTable("single_region", {"sector", "indicator"});
  auto& T = out.table;
  T.set_levels(0, t.sectors);
  for (Index i = 0; i < N; ++i) {
    const std::string& s = t.sectors[static_cast<std::size_t>(i)];
    T.add_row({s, "output_multiplier"}, out.output_multiplier(i));
    T.add_row({s, "competitive_output_multiplier"}, out.competitive_output_multiplier(i));
    T.add_row({s, "va_content"}, out.va_content(i));
    T.add_row({s, "other_region_content"}, out.other_region_content(i));
    T.add_row({s, "foreign_content"}, out.foreign_content(i));
    T.add_row({s, "va_local_absorption"}, out.forward(i, 0));
    T.add_row({s, "va_outflows"}, out.forward(i, 1));
    T.add_row({s, "va_exports"}, out.forward(i, 2));
    T.add_row({s, "va_error_column"}, out.forward(i, 3));
  }
  T.add_row({"all", "exports"}, out.exports);
  T.add_row({"all", "exports_dva"}, out.exports_dva);
  T.add_row({"all", "exports_other_region_content"}, out.exports_other_region);
  T.add_row({"all", "exports_foreign_content"}, out.exports_foreign);
  // §5.5: simple/complex NVC and GVC, returned VA and the final/intermediate split of outflows
  // and exports are not identifiable from one provincial table: reported, never as 0.
  for (const char* na : {"NVC_S", "NVC_C", "GVC_S", "GVC_C", "returned_va"})
    T.add_row({"all", std::string(na) + ":not_available"}, std::numeric_limits<double>::quiet_NaN());

  Diagnostics d(N);
  d.check_vectors("3: v'L^D + m_N'L^D + m_F'L^D = 1'", "sector",
                  out.va_content + out.other_region_content + out.foreign_content, Vector::Ones(N));
  d.check("23: own VA + other-province + foreign content of exports = exports", "province",
          out.exports_dva + out.exports_other_region + out.exports_foreign - out.exports, out.exports);
  const Vector x_again = t.ZD.rowwise().sum() + t.fD + t.o + t.e + t.err;
  Vector x_check = t.x;
  for (Index i : t.clipped) x_check(i) = x_again(i);  // clipped rows cannot balance (flagged)
  d.check_vectors("23: conversion preserves x", "sector", x_again, x_check);
  d.check_vectors("23: conversion preserves va", "sector", t.x - (t.ZD + t.ZN + t.ZM).colwise().sum().transpose(),
                  t.va);
  d.check_vectors("forward: v^ L^D [f^D, o, e, err] 1 = va", "sector", out.forward.rowwise().sum(), t.va);
  out.diagnostics = d.table();
  return out;
}

}  // namespace irio::solver::gvc
