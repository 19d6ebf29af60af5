// SPDX-License-Identifier: MIT
// Stressors embodied in bilateral trade, MRIO and EEBT (embodied_trade.h, methods.md §2.7).
#include "irio/solver/embodied_trade.h"

#include "irio/tables/diagnostics.h"
#include "irio/tables/error.h"

namespace irio::solver {

namespace {

const tables::Satellite& find_satellite(const tables::IoTable& t, const std::string& name) {
  std::string names;
  for (const auto& s : t.satellites) {
    if (s.name == name) return s;
    names += (names.empty() ? "" : ", ") + s.name;
  }
  throw InputError("embodied trade: no satellite '" + name + "' in the table (" +
                   (names.empty() ? "it has none" : "satellites: " + names) + ")");
}

/// The exporters and importers at perimeter p: the regions, or the countries (methods.md §5.3).
/// (gvc::Units holds the same, but irio_gvc builds on irio_solver, not the other way round.)
struct Borders {
  std::vector<std::string> names;
  std::vector<Index> unit_of_region;  ///< G
  std::vector<Index> unit_of_row;     ///< n
};

Borders borders(const LeontiefModel& m, Perimeter p) {
  const auto& lab = m.labels();
  const auto G = static_cast<Index>(lab.num_regions()), N = m.num_sectors();
  Borders b;
  b.names = p == Perimeter::kRegion ? lab.regions : lab.countries;
  for (Index r = 0; r < G; ++r)
    b.unit_of_region.push_back(p == Perimeter::kRegion ? r : lab.country_of_region[static_cast<std::size_t>(r)]);
  for (Index i = 0; i < m.n(); ++i) b.unit_of_row.push_back(b.unit_of_region[static_cast<std::size_t>(i / N)]);
  return b;
}

/// U x C matrix of sum_{i in unit u} w_i X(i, c): the rows of X weighted by w, summed by unit.
Matrix unit_dot(const Vector& w, const Matrix& X, const Borders& b) {
  Matrix out = Matrix::Zero(static_cast<Index>(b.names.size()), X.cols());
  for (Index c = 0; c < X.cols(); ++c)
    for (Index i = 0; i < X.rows(); ++i) out(b.unit_of_row[static_cast<std::size_t>(i)], c) += w(i) * X(i, c);
  return out;
}

/// Intermediate exports at the model's output, e^{rs}_i = (A^{rs} x^s)_i for i in unit r and
/// destination unit s != r: n x U.
Matrix intermediate_exports(const LeontiefModel& m, const Vector& x, const Borders& b) {
  Matrix out = Matrix::Zero(m.n(), static_cast<Index>(b.names.size()));
  const auto& A = m.A();
  for (Index j = 0; j < A.outerSize(); ++j)
    for (SparseMatrix::InnerIterator it(A, j); it; ++it) {
      const Index r = b.unit_of_row[static_cast<std::size_t>(it.row())], s = b.unit_of_row[static_cast<std::size_t>(j)];
      if (r != s) out(it.row(), s) += it.value() * x(j);
    }
  return out;
}

/// The destinations beyond the regions: exogenous exports abroad and other final demand (ERR),
/// each a column of final demand that the table's own regions do not absorb (footprints' D_abroad
/// and D_other_fd, methods.md §2.3).
std::vector<std::pair<std::string, Vector>> exogenous_destinations(const tables::IoTable& t) {
  std::vector<std::pair<std::string, Vector>> out;
  if (t.exports.cols() == 0) return out;
  const Vector abroad = t.exports_abroad();
  if (abroad.cwiseAbs().sum() > 0 || !t.has_other_final_demand()) out.emplace_back("abroad", abroad);
  if (t.has_other_final_demand()) out.emplace_back("other_fd", t.other_final_demand());
  return out;
}

/// The accounts of the intensities S (k x n, one row per stressor named in `names`).
EmbodiedTrade embodied(const LeontiefModel& m, const Matrix& S, const std::vector<std::string>& names, bool by_sector,
                       Perimeter p) {
  const auto& t = m.table();
  const Borders b = borders(m, p);
  const Index n = m.n(), G = m.num_regions(), U = static_cast<Index>(b.names.size()), k = S.rows();
  // Destinations: the U units' final demand y^{.s}, then the exogenous ones (abroad, ERR).
  const auto extra = exogenous_destinations(t);
  const Index D = U + static_cast<Index>(extra.size());
  Matrix Yd = Matrix::Zero(n, D);
  const Matrix Yr = t.final_demand_by_region();
  for (Index r = 0; r < G; ++r) Yd.col(b.unit_of_region[static_cast<std::size_t>(r)]) += Yr.col(r);
  for (std::size_t c = 0; c < extra.size(); ++c) Yd.col(U + static_cast<Index>(c)) = extra[c].second;
  const Vector& x = m.model_output();
  const Matrix X = m.solve(Yd);                                     // L y^{.s}: D forward solves
  const Matrix M = m.solve_transposed(S.transpose());               // (S L)': k transposed solves
  const Matrix local = m.local_solve_transposed(p, S.transpose());  // (S L_P)': the domestic intensity
  const Matrix inter = intermediate_exports(m, x, b);

  EmbodiedTrade e;
  e.perimeter = p;
  e.units = b.names;
  e.unit_of_region = b.unit_of_region;
  e.stressors = names;
  e.destinations = b.names;
  for (const auto& [name, col] : extra) e.destinations.push_back(name);
  e.production = Matrix::Zero(k, U);
  e.consumption = Matrix::Zero(k, D);
  tables::Diagnostics d(n);
  const std::string scope = to_string(p);
  for (Index q = 0; q < k; ++q) {
    const Vector s = S.row(q).transpose(), mloc = local.col(q);
    e.production.row(q) = unit_dot(s, Matrix(x), b).col(0).transpose();
    Matrix mrio = unit_dot(s, X, b);
    Matrix fin = unit_dot(mloc, Yd, b);  // the diagonal: domestic final use; abroad: exports
    Matrix mid = Matrix::Zero(U, D);
    mid.leftCols(U) = unit_dot(mloc, inter, b);  // zero on the diagonal by construction
    for (Index c = 0; c < D; ++c) e.consumption(q, c) = M.col(q).dot(Yd.col(c));
    if (by_sector) {  // the terms of the sums above, one row per exporting region-sector
      Matrix ms = Matrix::Zero(n, D), fs = Matrix::Zero(n, D), is = Matrix::Zero(n, D);
      for (Index c = 0; c < D; ++c) {
        ms.col(c) = s.cwiseProduct(X.col(c));
        fs.col(c) = mloc.cwiseProduct(Yd.col(c));
        if (c < U) is.col(c) = mloc.cwiseProduct(inter.col(c));  // exogenous exports are final demand abroad
      }
      e.mrio_by_sector.push_back(std::move(ms));
      e.eebt_final_by_sector.push_back(std::move(fs));
      e.eebt_intermediate_by_sector.push_back(std::move(is));
    }
    const std::string who = " [" + names[static_cast<std::size_t>(q)] + "]";
    d.check_vectors("MRIO: sum over importers of E^{rs} = s_r x_r" + who, scope, mrio.rowwise().sum(),
                    e.production.row(q).transpose());
    d.check_vectors("EEBT: domestic final use + exports = s_r x_r" + who, scope,
                    fin.rowwise().sum() + mid.rowwise().sum(), e.production.row(q).transpose());
    d.check_vectors("MRIO: sum over exporters of E^{rs} = s L y^s (transposed solves)" + who, scope,
                    mrio.colwise().sum().transpose(), e.consumption.row(q).transpose());
    e.mrio.push_back(std::move(mrio));
    e.eebt_final.push_back(std::move(fin));
    e.eebt_intermediate.push_back(std::move(mid));
  }
  e.diagnostics = d.table();
  return e;
}

}  // namespace

EmbodiedTrade embodied_trade(const LeontiefModel& m, const std::string& satellite, bool by_sector, Perimeter p) {
  const auto& sat = find_satellite(m.table(), satellite);
  Matrix S = sat.F * tables::safe_reciprocal(m.x()).asDiagonal();  // S = F x^+ (§2.3)
  for (Index j : m.zero_output()) S.col(j).setZero();
  return embodied(m, S, sat.stressors, by_sector, p);
}

EmbodiedTrade embodied_value_added(const LeontiefModel& m, bool by_sector, Perimeter p) {
  return embodied(m, m.v().transpose(), {"value_added"}, by_sector, p);  // v = 0 at zero output
}

tables::TidyTable embodied_trade_by_sector_table(const LeontiefModel& m, const EmbodiedTrade& e) {
  const auto& lab = m.labels();
  if (e.mrio_by_sector.size() != e.stressors.size())
    throw InputError("embodied trade by sector: computed without by_sector");
  tables::TidyTable out("embodied_trade_by_sector", {"exporter", "sector", "importer", "stressor", "indicator"});
  const Index N = m.num_sectors(), G = m.num_regions(), D = static_cast<Index>(e.destinations.size());
  std::vector<int> regions_in(e.units.size(), 0);
  for (Index u : e.unit_of_region) ++regions_in[static_cast<std::size_t>(u)];
  for (std::size_t q = 0; q < e.stressors.size(); ++q)
    for (Index r = 0; r < G; ++r) {
      const Index unit = e.unit_of_region[static_cast<std::size_t>(r)];
      for (Index i = 0; i < N; ++i) {
        const std::string& sec = lab.sectors[static_cast<std::size_t>(i)];
        const std::string sector =
            regions_in[static_cast<std::size_t>(unit)] > 1 ? lab.regions[static_cast<std::size_t>(r)] + ":" + sec : sec;
        for (Index c = 0; c < D; ++c) {
          const Index row = r * N + i;
          const std::vector<std::string> keys{e.units[static_cast<std::size_t>(unit)], sector,
                                              e.destinations[static_cast<std::size_t>(c)], e.stressors[q], ""};
          auto add = [&](const char* what, double v) {
            auto k = keys;
            k.back() = what;
            out.add_row(k, v);
          };
          add("mrio", e.mrio_by_sector[q](row, c));
          if (unit == c) continue;
          const double f = e.eebt_final_by_sector[q](row, c), x = e.eebt_intermediate_by_sector[q](row, c);
          add("eebt", f + x);
          add("eebt_final", f);
          add("eebt_intermediate", x);
        }
      }
    }
  return out;
}

tables::TidyTable embodied_trade_table(const LeontiefModel&, const EmbodiedTrade& e) {
  const auto& regions = e.units;
  tables::TidyTable out("embodied_trade", {"exporter", "importer", "stressor", "indicator"});
  const auto G = static_cast<Index>(regions.size()), D = static_cast<Index>(e.destinations.size());
  for (std::size_t q = 0; q < e.stressors.size(); ++q)
    for (Index r = 0; r < G; ++r)
      for (Index c = 0; c < D; ++c) {
        const auto& ex = regions[static_cast<std::size_t>(r)];
        const auto& im = e.destinations[static_cast<std::size_t>(c)];
        out.add_row({ex, im, e.stressors[q], "mrio"}, e.mrio[q](r, c));
        if (r == c) continue;
        const double f = e.eebt_final[q](r, c), i = e.eebt_intermediate[q](r, c);
        out.add_row({ex, im, e.stressors[q], "eebt"}, f + i);
        out.add_row({ex, im, e.stressors[q], "eebt_final"}, f);
        out.add_row({ex, im, e.stressors[q], "eebt_intermediate"}, i);
      }
  return out;
}

tables::TidyTable embodied_balance_table(const LeontiefModel&, const EmbodiedTrade& e) {
  const auto& regions = e.units;
  tables::TidyTable out("embodied_balance", {"region", "stressor", "indicator"});
  const auto G = static_cast<Index>(regions.size());
  for (std::size_t q = 0; q < e.stressors.size(); ++q) {
    const Matrix& E = e.mrio[q];
    const Matrix eebt = e.eebt_final[q] + e.eebt_intermediate[q];
    for (Index r = 0; r < G; ++r) {
      const auto& reg = regions[static_cast<std::size_t>(r)];
      const double ex_m = E.row(r).sum() - E(r, r), im_m = E.col(r).sum() - E(r, r);
      const double ex_e = eebt.row(r).sum() - eebt(r, r), im_e = eebt.col(r).sum() - eebt(r, r);
      const auto& s = e.stressors[q];
      out.add_row({reg, s, "production"}, e.production(static_cast<Index>(q), r));
      out.add_row({reg, s, "consumption_mrio"}, e.consumption(static_cast<Index>(q), r));
      out.add_row({reg, s, "exports_mrio"}, ex_m);
      out.add_row({reg, s, "imports_mrio"}, im_m);
      out.add_row({reg, s, "net_exports_mrio"}, ex_m - im_m);
      out.add_row({reg, s, "exports_eebt"}, ex_e);
      out.add_row({reg, s, "imports_eebt"}, im_e);
      out.add_row({reg, s, "net_exports_eebt"}, ex_e - im_e);
      out.add_row({reg, s, "consumption_eebt"}, e.production(static_cast<Index>(q), r) - ex_e + im_e);
    }
  }
  return out;
}

}  // namespace irio::solver
