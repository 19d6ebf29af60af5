// SPDX-License-Identifier: MIT
// Nesting a provincial table into a world table: methods.md §5.1 (Meng, Wang & Koopman 2013,
// IDE-JETRO DP 424; Meng, Yamano et al. 2016), steps 0-5 of methods.md §5.6, documented in nesting.h.
#include "irio/tables/nesting.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <sstream>

#include "irio/tables/error.h"

namespace irio::tables {
namespace {

using Index = Eigen::Index;

std::string list_some(const std::vector<std::string>& v, std::size_t k = 10) {
  std::string s;
  for (std::size_t i = 0; i < v.size() && i < k; ++i) s += (i ? ", " : "") + v[i];
  if (v.size() > k) s += ", ... (" + std::to_string(v.size()) + " in all)";
  return s;
}

/// Shares of each column of `w` (rows = provinces) over the provinces; a column whose weights do
/// not give shares (sum <= 0 or a negative entry) takes the column of `fallback` instead, and its
/// index is added to `fell_back`. `fallback` columns that fail too are split equally.
Matrix shares_by_column(const Matrix& w, const Matrix& fallback, std::vector<Index>* fell_back) {
  Matrix s = Matrix::Zero(w.rows(), w.cols());
  auto usable = [](const auto& col) { return col.sum() > 0 && col.minCoeff() >= 0; };
  for (Index j = 0; j < w.cols(); ++j) {
    if (usable(w.col(j))) {
      s.col(j) = w.col(j) / w.col(j).sum();
      continue;
    }
    if (fell_back) fell_back->push_back(j);
    if (usable(fallback.col(j))) s.col(j) = fallback.col(j) / fallback.col(j).sum();
    else s.col(j).setConstant(1.0 / static_cast<double>(w.rows()));
  }
  return s;
}

std::string sector_list(const std::vector<Index>& idx, const std::vector<std::string>& sectors) {
  std::vector<std::string> names;
  for (Index i : idx) names.push_back(sectors[static_cast<std::size_t>(i)]);
  return list_some(names);
}

}  // namespace

std::string NestOptions::validate() const {
  if (country.empty()) return "the country to replace (--country) is empty";
  if (export_key == ExportKey::kFile && key_weights.empty()) return "the export key file gives no weights";
  if (export_key != ExportKey::kFile && !key_weights.empty())
    return "key weights were given, but the export key is '" + std::string(enum_name(export_key)) + "'";
  return ras.validate();
}

Matrix concordance_matrix(const SectorConcordance& c, const std::vector<std::string>& provincial_sectors,
                          const std::vector<std::string>& world_sectors, const Vector& country_output) {
  const Index Nw = static_cast<Index>(world_sectors.size()), Np = static_cast<Index>(provincial_sectors.size());
  Matrix S = Matrix::Zero(Nw, Np);
  std::vector<std::vector<const SectorLink*>> by_sector(static_cast<std::size_t>(Np));
  for (const auto& l : c.links) {
    const int a = Labels::find(provincial_sectors, l.provincial);
    if (a < 0)
      throw InputError(c.source + ":" + std::to_string(l.line) + ": provincial sector '" + l.provincial +
                       "' is not a sector of the provincial table (nearest: " +
                       Labels::nearest(provincial_sectors, l.provincial) + ")");
    if (Labels::find(world_sectors, l.world) < 0)
      throw InputError(c.source + ":" + std::to_string(l.line) + ": world sector '" + l.world +
                       "' is not a sector of the world table (nearest: " + Labels::nearest(world_sectors, l.world) +
                       ")");
    by_sector[static_cast<std::size_t>(a)].push_back(&l);
  }
  std::vector<std::string> missing;
  for (Index a = 0; a < Np; ++a) {
    const auto& links = by_sector[static_cast<std::size_t>(a)];
    if (links.empty()) {
      missing.push_back(provincial_sectors[static_cast<std::size_t>(a)]);
      continue;
    }
    const bool weighted = !std::isnan(links.front()->weight);
    double wsum = 0, xsum = 0;
    for (const auto* l : links) {
      if (std::isnan(l->weight) == weighted)
        throw InputError(c.source + ":" + std::to_string(l->line) + ": provincial sector '" + l->provincial +
                         "' has lines with and without a weight: give every line a weight or none");
      const Index b = Labels::find(world_sectors, l->world);
      wsum += weighted ? l->weight : 0.0;
      xsum += std::max(0.0, country_output(b));
    }
    if (weighted && std::abs(wsum - 1.0) > 1e-9)
      throw InputError(c.source + ": the weights of provincial sector '" + provincial_sectors[static_cast<std::size_t>(a)] +
                       "' sum to " + std::to_string(wsum) + ", not 1");
    for (const auto* l : links) {
      const Index b = Labels::find(world_sectors, l->world);
      double w = l->weight;
      if (!weighted)  // split by the country's output of the world sectors (equally if none)
        w = xsum > 0 ? std::max(0.0, country_output(b)) / xsum : 1.0 / static_cast<double>(links.size());
      S(b, a) += w;
    }
  }
  if (!missing.empty())
    throw InputError(c.source + ": provincial sectors with no world sector: " + list_some(missing));
  return S;
}

NestResult nest_table(const IoTable& P, const IoTable& W, const SectorConcordance& conc, const NestOptions& opt) {
  if (const auto why = opt.validate(); !why.empty()) throw InputError("nest: " + why);
  const auto& ps = opt.provinces_source;
  const auto& ws = opt.world_source;
  const Labels &pl = P.labels, &wl = W.labels;
  if (pl.num_countries() != 1)
    throw InputError(ps + ": the provincial table must hold the regions of one country, found " +
                     std::to_string(pl.num_countries()) + " countries");
  if (W.exports.cols() > 0 || W.imports.rows() > 0)
    throw InputError(ws + ": the world table has an exogenous rest of the world (exports/imports); nest into a "
                     "closed world table");
  if (opt.export_key == ExportKey::kExports && P.exports.cols() == 0)
    throw InputError(ps + ": the provincial table has no export columns: the export key 'exports' needs them "
                     "(use --key output or a key file)");
  // The country's region in the world table: a region of that name, or a country with one region.
  int rc = Labels::find(wl.regions, opt.country);
  if (rc < 0) {
    const int cc = Labels::find(wl.countries, opt.country);
    std::vector<int> regs;
    for (std::size_t r = 0; r < wl.num_regions(); ++r)
      if (cc >= 0 && wl.country_of_region[r] == cc) regs.push_back(static_cast<int>(r));
    if (regs.size() != 1)
      throw InputError(ws + ": '" + opt.country + "' is not a region of the world table" +
                       (regs.size() > 1 ? " (it is a country of several regions)" : "") +
                       " (nearest: " + Labels::nearest(wl.regions, opt.country) + ")");
    rc = regs.front();
  }
  for (const auto& p : pl.regions)
    if (p != wl.regions[static_cast<std::size_t>(rc)] && Labels::find(wl.regions, p) >= 0)
      throw InputError(ps + ": province '" + p + "' has the name of a region of the world table " + ws +
                       "; rename one of them");

  NestResult out;
  const Index Gp = static_cast<Index>(pl.num_regions()), Np = static_cast<Index>(pl.num_sectors());
  const Index Gw = static_cast<Index>(wl.num_regions()), N = static_cast<Index>(wl.num_sectors());
  const Index K = static_cast<Index>(wl.fd_categories.size()), Kp = static_cast<Index>(pl.fd_categories.size());
  const Index c0 = rc * N;  // first row of the country in the world table
  const Matrix Zw = Matrix(W.Z);
  const Vector xw = W.output();
  const Vector xc = xw.segment(c0, N);

  // ---- Step 0: provincial sectors -> world sectors (S), outputs scaled to national totals.
  const Matrix S = concordance_matrix(conc, pl.sectors, wl.sectors, xc);
  const Matrix Zp = Matrix(P.Z);
  const Vector xp = P.output(), vap = P.value_added_residual();
  // Exports for the key: every export column but an error column "ERR" (CEADs), when others exist.
  Vector ep = Vector::Zero(Gp * Np);
  for (Index k = 0; k < P.exports.cols(); ++k)
    if (P.exports.cols() == 1 || k >= static_cast<Index>(P.export_labels.size()) ||
        P.export_labels[static_cast<std::size_t>(k)] != "ERR")
      ep += P.exports.col(k);
  const Vector mp = P.imports.rows() > 0 ? Vector(P.imports.colwise().sum().transpose()) : Vector::Zero(Gp * Np);
  const Index nc = Gp * N;
  Matrix Zc(nc, nc), Yc(nc, Gp * Kp);
  Vector xprov(nc), vac(nc), ec(nc), mc(nc);
  for (Index p = 0; p < Gp; ++p) {
    for (Index q = 0; q < Gp; ++q)
      Zc.block(p * N, q * N, N, N) = S * Zp.block(p * Np, q * Np, Np, Np) * S.transpose();
    Yc.middleRows(p * N, N) = S * P.Y.middleRows(p * Np, Np);
    xprov.segment(p * N, N) = S * xp.segment(p * Np, Np);
    vac.segment(p * N, N) = S * vap.segment(p * Np, Np);
    ec.segment(p * N, N) = S * ep.segment(p * Np, Np);
    mc.segment(p * N, N) = S * mp.segment(p * Np, Np);
  }
  Vector scale = Vector::Ones(N);
  {
    std::vector<std::string> uncovered;
    for (Index i = 0; i < N; ++i) {
      double sum = 0;
      for (Index p = 0; p < Gp; ++p) sum += xprov(p * N + i);
      if (sum > 0) scale(i) = xc(i) / sum;
      else if (xc(i) != 0) uncovered.push_back(wl.sectors[static_cast<std::size_t>(i)]);
    }
    if (!uncovered.empty())
      throw InputError(ps + ": the country '" + opt.country + "' has output in the world table " + ws +
                       " in sectors where the provinces have none (check the sector concordance " + conc.source +
                       "): " + list_some(uncovered));
  }
  for (Index p = 0; p < Gp; ++p)
    for (Index i = 0; i < N; ++i) {
      const Index r = p * N + i;
      Zc.row(r) *= scale(i);
      Yc.row(r) *= scale(i);
      xprov(r) *= scale(i);
      ec(r) *= scale(i);
      vac(r) *= scale(i);
      mc(r) *= scale(i);
    }
  {
    const double lo = scale.minCoeff(), hi = scale.maxCoeff();
    std::ostringstream os;
    os << "provincial outputs scaled to the country's output in the world table, factor " << lo << " to " << hi
       << " by sector";
    if (std::abs(lo - 1) > 1e-9 || std::abs(hi - 1) > 1e-9) out.notes.push_back(os.str());
    out.checks.table().add_row({"scale of provincial outputs to national outputs (min)", "sector", "NA", "info"}, lo);
    out.checks.table().add_row({"scale of provincial outputs to national outputs (max)", "sector", "NA", "info"}, hi);
  }

  // Provincial final demand in the world table's categories.
  Matrix Yd(nc, Gp * K);
  const Index yc0 = rc * K;  // the country's final-demand columns in the world table
  if (pl.fd_categories == wl.fd_categories) {
    Yd = Yc;
  } else {
    Matrix g(N, K);  // category shares of the country's domestic final use, per product
    Vector all = Vector::Zero(K);
    for (Index k = 0; k < K; ++k) all(k) = W.Y.block(c0, yc0 + k, N, 1).sum();
    for (Index i = 0; i < N; ++i) {
      const auto row = W.Y.block(c0 + i, yc0, 1, K);
      if (row.sum() != 0) g.row(i) = row / row.sum();
      else if (all.sum() != 0) g.row(i) = all.transpose() / all.sum();
      else g.row(i).setConstant(1.0 / static_cast<double>(K));
    }
    for (Index r = 0; r < nc; ++r)
      for (Index q = 0; q < Gp; ++q) {
        const double tot = Yc.block(r, q * Kp, 1, Kp).sum();
        for (Index k = 0; k < K; ++k) Yd(r, q * K + k) = tot * g(r % N, k);
      }
    out.notes.push_back("provincial final demand (categories " + list_some(pl.fd_categories) +
                        ") split into the world table's categories by the country's shares per product");
  }

  // National trade of the country in the world table.
  auto is_partner = [&](Index r) { return r != rc; };
  Vector E = Vector::Zero(N), Mint = Vector::Zero(N);  // exports by product, imports by using sector
  for (Index s = 0; s < Gw; ++s) {
    if (!is_partner(s)) continue;
    E += Zw.block(c0, s * N, N, N).rowwise().sum() + W.Y.block(c0, s * K, N, K).rowwise().sum();
    Mint += Zw.block(s * N, c0, N, N).colwise().sum().transpose();
  }

  // ---- Step 2: export keys w (Gp x N).
  auto by_province = [&](const Vector& v) {
    Matrix m(Gp, N);
    for (Index p = 0; p < Gp; ++p) m.row(p) = v.segment(p * N, N).transpose();
    return m;
  };
  const Matrix out_w = by_province(xprov);
  Matrix w;
  std::vector<Index> fell;
  if (opt.export_key == ExportKey::kExports) {
    w = shares_by_column(by_province(ec).cwiseMax(0.0), out_w, &fell);  // negative net exports: no share
  } else if (opt.export_key == ExportKey::kOutput) {
    w = shares_by_column(out_w, out_w, &fell);
  } else {
    Matrix kw = Matrix::Zero(Gp, N);
    for (const auto& a : opt.key_weights) {
      const int p = Labels::find(pl.regions, a.region);
      const int i = Labels::find(wl.sectors, a.sector);
      const std::string at = opt.key_source + ":" + std::to_string(a.line) + ": ";
      if (p < 0)
        throw InputError(at + "region '" + a.region + "' is not a province of " + ps +
                         " (nearest: " + Labels::nearest(pl.regions, a.region) + ")");
      if (i < 0)
        throw InputError(at + "sector '" + a.sector + "' is not a sector of the world table " + ws +
                         " (nearest: " + Labels::nearest(wl.sectors, a.sector) + ")");
      if (!std::isfinite(a.weight) || a.weight < 0)
        throw InputError(at + "the weight of " + a.region + "/" + a.sector + " must be a finite number >= 0");
      kw(p, i) += a.weight;
    }
    std::vector<std::string> uncovered;
    for (Index i = 0; i < N; ++i)
      if (E(i) != 0 && kw.col(i).sum() <= 0) uncovered.push_back(wl.sectors[static_cast<std::size_t>(i)]);
    if (!uncovered.empty())
      throw InputError(opt.key_source + ": no weight for sectors that the country exports: " + list_some(uncovered));
    w = shares_by_column(kw, out_w, nullptr);
  }
  {
    std::vector<Index> relevant;
    for (Index i : fell)
      if (E(i) != 0) relevant.push_back(i);
    if (!relevant.empty())
      out.notes.push_back("export key: no usable provincial " + std::string(enum_name(opt.export_key)) +
                          " for sectors " + sector_list(relevant, wl.sectors) + "; allocated by output shares");
  }

  // ---- Step 3: import keys s (intermediate, by using sector) and f (final, by product and category).
  Matrix dom_inputs(Gp, N);
  for (Index q = 0; q < Gp; ++q) dom_inputs.row(q) = Zc.middleCols(q * N, N).colwise().sum();
  fell.clear();
  const Matrix s_int = shares_by_column(by_province(mc).cwiseMax(0.0), dom_inputs, &fell);
  {
    std::vector<Index> relevant;
    for (Index j : fell)
      if (Mint(j) != 0) relevant.push_back(j);
    if (!relevant.empty())
      out.notes.push_back("import key: no provincial imports for using sectors " + sector_list(relevant, wl.sectors) +
                          "; allocated by domestic intermediate inputs");
  }
  // f[k] (Gp x N): province q's share of the country's domestic final use of product i, category k.
  std::vector<Matrix> f_fin(static_cast<std::size_t>(K));
  {
    Vector tot = Vector::Zero(Gp);
    for (Index q = 0; q < Gp; ++q) tot(q) = Yd.middleCols(q * K, K).sum();
    Matrix fb(Gp, N);
    for (Index i = 0; i < N; ++i) fb.col(i) = tot;
    for (Index k = 0; k < K; ++k) {
      Matrix use = Matrix::Zero(Gp, N);
      for (Index q = 0; q < Gp; ++q)
        for (Index p = 0; p < Gp; ++p)
          for (Index i = 0; i < N; ++i) use(q, i) += Yd(p * N + i, q * K + k);
      f_fin[static_cast<std::size_t>(k)] = shares_by_column(use, fb, nullptr);
    }
  }

  // ---- Step 4: RAS on the country's rows [Z^PP | Y^PP | exports by product].
  const Index ncol = nc + Gp * K + N;
  Matrix A = Matrix::Zero(nc, ncol);
  A.leftCols(nc) = Zc;
  A.middleCols(nc, Gp * K) = Yd;
  for (Index p = 0; p < Gp; ++p)
    for (Index i = 0; i < N; ++i) A(p * N + i, nc + Gp * K + i) = w(p, i) * E(i);
  Vector u = xprov, v(ncol);
  for (Index q = 0; q < Gp; ++q)
    for (Index j = 0; j < N; ++j) v(q * N + j) = xprov(q * N + j) - vac(q * N + j) - s_int(q, j) * Mint(j);
  v.tail(N) = E;
  const double fd_target = u.sum() - v.head(nc).sum() - E.sum();
  const double fd_now = Yd.sum();
  if (!(fd_now > 0) || !(fd_target > 0))
    throw InputError(ps + ": the provinces' domestic final demand (" + std::to_string(fd_now) +
                     ") cannot absorb the difference to the national totals (needs " + std::to_string(fd_target) +
                     "): the provincial table and the world table's country '" + opt.country + "' disagree too much");
  const Vector fd_cols = Yd.colwise().sum().transpose();
  v.segment(nc, Gp * K) = fd_cols * (fd_target / fd_now);
  if (std::abs(fd_target / fd_now - 1) > 1e-9) {
    std::ostringstream os;
    os << "provincial final demand scaled by " << fd_target / fd_now << " to close the national totals";
    out.notes.push_back(os.str());
  }
  out.ras = ras(A, u, v, opt.ras);
  auto row_name = [&](std::size_t r) {
    return pl.regions[r / static_cast<std::size_t>(N)] + "/" + wl.sectors[r % static_cast<std::size_t>(N)];
  };
  auto col_name = [&](std::size_t c) -> std::string {
    const auto n_c = static_cast<std::size_t>(nc), GK = static_cast<std::size_t>(Gp * K);
    if (c < n_c) return "inputs of " + row_name(c);
    if (c < n_c + GK)
      return "final demand " + pl.regions[(c - n_c) / static_cast<std::size_t>(K)] + "/" +
             wl.fd_categories[(c - n_c) % static_cast<std::size_t>(K)];
    return "exports of " + wl.sectors[c - n_c - GK];
  };
  if (!out.ras.converged) {
    std::string msg = "nest: rebalancing the provinces of '" + opt.country + "' did not converge (worst row " +
                      row_name(out.ras.worst_row) + ", worst column " + col_name(out.ras.worst_col) + ")";
    if (!out.ras.infeasible_rows.empty()) msg += "; row that cannot reach its target (no entry of the needed sign): " + row_name(out.ras.infeasible_rows[0]);
    if (!out.ras.infeasible_cols.empty())
      msg += "; column that cannot reach its target (no entry of the needed sign): " + col_name(out.ras.infeasible_cols[0]);
    throw NumericalError(msg + "\n" + out.ras.report());
  }
  const Matrix& X = out.ras.X;
  {
    double max_rel = 0, abs_change = 0, abs_total = 0;
    for (Index j = 0; j < ncol; ++j)
      for (Index i = 0; i < nc; ++i) {
        const double a = A(i, j), x = X(i, j);
        if (a != 0) max_rel = std::max(max_rel, std::abs(x / a - 1));
        abs_change += std::abs(x - a);
        abs_total += std::abs(a);
      }
    auto& t = out.checks.table();
    t.add_row({"RAS: iterations", "country rows", "NA", "info"}, out.ras.iterations);
    t.add_row({"RAS: largest relative change of a cell", "country rows", "NA", "info"}, max_rel);
    t.add_row({"RAS: sum |change| / sum |flows|", "country rows", "NA", "info"},
              abs_total > 0 ? abs_change / abs_total : 0.0);
    t.add_row({"RAS: row multiplier (min)", "country rows", "NA", "info"}, out.ras.r.minCoeff());
    t.add_row({"RAS: row multiplier (max)", "country rows", "NA", "info"}, out.ras.r.maxCoeff());
  }
  Zc = X.leftCols(nc);
  Yd = X.middleCols(nc, Gp * K);
  for (Index i = 0; i < N; ++i)
    if (E(i) != 0)
      for (Index p = 0; p < Gp; ++p) w(p, i) = X(p * N + i, nc + Gp * K + i) / E(i);

  // ---- Assemble the nested table (steps 1-3 with the balanced keys).
  const Index G2 = Gw - 1 + Gp, n2 = G2 * N;
  auto nested_region = [&](Index r) { return r < rc ? r : r + Gp - 1; };  // world region r != rc
  IoTable& T = out.table;
  Labels& L = T.labels;
  L.sectors = wl.sectors;
  L.sector_names = wl.sector_names;
  L.countries = wl.countries;
  L.fd_categories = wl.fd_categories;
  L.fd_category_names = wl.fd_category_names;
  const int country_index = wl.country_of_region[static_cast<std::size_t>(rc)];
  for (Index r = 0; r < Gw; ++r) {
    const auto ru = static_cast<std::size_t>(r);
    if (r == rc) {
      for (Index p = 0; p < Gp; ++p) {
        L.regions.push_back(pl.regions[static_cast<std::size_t>(p)]);
        L.country_of_region.push_back(country_index);
        if (wl.has_region_names() || pl.has_region_names())
          L.region_names.push_back(pl.region_name(static_cast<std::size_t>(p)));
      }
      continue;
    }
    L.regions.push_back(wl.regions[ru]);
    L.country_of_region.push_back(wl.country_of_region[ru]);
    if (wl.has_region_names() || pl.has_region_names()) L.region_names.push_back(wl.region_name(ru));
  }
  out.provinces = pl.regions;
  Matrix Z = Matrix::Zero(n2, n2), Y = Matrix::Zero(n2, G2 * K);
  for (Index r = 0; r < Gw; ++r) {
    for (Index s = 0; s < Gw; ++s) {
      const Matrix blk = Zw.block(r * N, s * N, N, N);
      if (r != rc && s != rc) {
        Z.block(nested_region(r) * N, nested_region(s) * N, N, N) = blk;
      } else if (r != rc) {  // imports of the country from r, step 3
        for (Index q = 0; q < Gp; ++q)
          Z.block(nested_region(r) * N, (rc + q) * N, N, N) = blk * s_int.row(q).asDiagonal();
      } else if (s != rc) {  // exports of the country to s, step 2
        for (Index p = 0; p < Gp; ++p)
          Z.block((rc + p) * N, nested_region(s) * N, N, N) = w.row(p).asDiagonal() * blk;
      }
    }
    for (Index s = 0; s < Gw; ++s) {
      const Matrix yb = W.Y.block(r * N, s * K, N, K);
      if (r != rc && s != rc) {
        Y.block(nested_region(r) * N, nested_region(s) * K, N, K) = yb;
      } else if (r != rc) {
        for (Index q = 0; q < Gp; ++q)
          for (Index k = 0; k < K; ++k)
            Y.block(nested_region(r) * N, (rc + q) * K + k, N, 1) =
                yb.col(k).cwiseProduct(f_fin[static_cast<std::size_t>(k)].row(q).transpose());
      } else if (s != rc) {
        for (Index p = 0; p < Gp; ++p) Y.block((rc + p) * N, nested_region(s) * K, N, K) = w.row(p).asDiagonal() * yb;
      }
    }
  }
  Z.block(rc * N, rc * N, nc, nc) = Zc;
  Y.block(rc * N, rc * K, nc, Gp * K) = Yd;
  T.Z = Z.sparseView();
  T.Y = std::move(Y);
  T.x.resize(n2);
  for (Index r = 0; r < Gw; ++r)
    if (r != rc) T.x.segment(nested_region(r) * N, N) = xw.segment(r * N, N);
  // The provinces' outputs are their row sums: equal to the targets within the RAS tolerance, and
  // exactly balanced, so that the identities of §6.2 hold to rounding on the nested table.
  T.x.segment(rc * N, nc) = T.row_total().segment(rc * N, nc);
  // Value added: the world table's components; a province's by its own components when they are
  // the world's, else by the country's shares in the world table.
  T.va_components = W.va_components;
  const Index kV = W.V.rows();
  T.V = Matrix::Zero(kV, n2);
  if (kV > 0) {
    const Vector va_nested = T.value_added_residual();
    const bool own = P.V.rows() == kV && P.va_components == W.va_components;
    for (Index r = 0; r < Gw; ++r)
      if (r != rc) T.V.middleCols(nested_region(r) * N, N) = W.V.middleCols(r * N, N);
    for (Index q = 0; q < Gp; ++q)
      for (Index j = 0; j < N; ++j) {
        Vector comp(kV);
        if (own) comp = P.V.middleCols(q * Np, Np) * S.row(j).transpose();
        else comp = W.V.col(c0 + j);
        const double tot = comp.sum();
        if (tot != 0) comp /= tot;
        else comp = Vector::Unit(kV, 0);
        T.V.col((rc + q) * N + j) = comp * va_nested((rc + q) * N + j);
      }
  }
  T.meta = W.meta;
  T.meta.name = (W.meta.name.empty() ? std::string("world") : W.meta.name) + " with " +
                (P.meta.name.empty() ? std::string("provinces") : P.meta.name) + " nested for " + opt.country;
  T.meta.source = W.meta.source + (P.meta.source.empty() ? "" : "; provinces: " + P.meta.source);
  T.meta.history.push_back("nest: " + std::to_string(Gp) + " provinces of " + ps + " nested into " + ws +
                           " in place of " + opt.country + " (export key " + enum_name(opt.export_key) + ", " +
                           to_string(out.ras.method) + ")");
  if (!W.satellites.empty() || !P.satellites.empty())
    out.notes.push_back("satellite accounts are not carried into the nested table");
  if (!P.meta.unit.empty() && !W.meta.unit.empty() && P.meta.unit != W.meta.unit)
    out.notes.push_back("the provincial table's unit (" + P.meta.unit + ") differs from the world table's (" +
                        W.meta.unit + "): its values were scaled to the national totals, so shares carry over");

  // ---- Step 5: checks.
  Diagnostics& d = out.checks;
  {
    std::vector<double> a1, b1, a2, b2, a3, b3, a4, b4;
    const Matrix& Zn = Z;
    const Matrix& Yn = T.Y;
    for (Index s = 0; s < Gw; ++s) {
      if (s == rc) continue;
      const Index sn = nested_region(s);
      Matrix ez = Matrix::Zero(N, N), iz = Matrix::Zero(N, N), ey = Matrix::Zero(N, K), iy = Matrix::Zero(N, K);
      for (Index p = 0; p < Gp; ++p) {
        ez += Zn.block((rc + p) * N, sn * N, N, N);
        iz += Zn.block(sn * N, (rc + p) * N, N, N);
        ey += Yn.block((rc + p) * N, sn * K, N, K);
        iy += Yn.block(sn * N, (rc + p) * K, N, K);
      }
      auto put = [](std::vector<double>& dst, const Matrix& m) { dst.insert(dst.end(), m.data(), m.data() + m.size()); };
      put(a1, ez), put(b1, Zw.block(c0, s * N, N, N));
      put(a2, iz), put(b2, Zw.block(s * N, c0, N, N));
      put(a3, ey), put(b3, W.Y.block(c0, s * K, N, K));
      put(a4, iy), put(b4, W.Y.block(s * N, yc0, N, K));
    }
    auto vec = [](const std::vector<double>& vals) { return Eigen::Map<const Vector>(vals.data(), static_cast<Index>(vals.size())); };
    const std::string sc = "partner blocks of " + opt.country;
    d.check_vectors("nest 1: sum over provinces of intermediate exports = national block", sc, vec(a1), vec(b1));
    d.check_vectors("nest 1: sum over provinces of intermediate imports = national block", sc, vec(a2), vec(b2));
    d.check_vectors("nest 1: sum over provinces of final exports = national block", sc, vec(a3), vec(b3));
    d.check_vectors("nest 1: sum over provinces of final imports = national block", sc, vec(a4), vec(b4));
  }
  {
    const Vector rows = T.row_total().segment(rc * N, nc);
    d.check_vectors("nest 2: provincial outputs matched (row sums = x)", "provinces", rows, xprov);
    // Inputs (domestic and imported) plus the provinces' value added (the RAS column targets).
    const Vector cols = (Vector::Ones(n2).transpose() * Z).transpose().segment(rc * N, nc) + vac;
    d.check_vectors("nest 2: provincial inputs + value added = x (column sums)", "provinces", cols, xprov);
    Vector sum = Vector::Zero(N);
    for (Index p = 0; p < Gp; ++p) sum += xprov.segment(p * N, N);
    d.check_vectors("nest 2: provincial outputs sum to the national output", "country", sum, xc);
  }
  return out;
}

}  // namespace irio::tables
