// SPDX-License-Identifier: MIT
// Label matching of wide matrices into a region-major IoTable (methods.md §0.1: never assume file order).
#include "irio/io/internal/table_assembly.h"

#include <set>

#include "irio/tables/error.h"

namespace irio::io::internal {

using tables::Matrix;

std::string row_where(const WideMatrix& w, std::size_t r) { return w.path + ":" + std::to_string(w.row_lines.at(r)); }

namespace {

std::string col_where(const WideMatrix& w, std::size_t c) {
  return w.path + ": column " + std::to_string(w.index_cols + c + 1) + " ('" + w.col_name(c) + "')";
}

std::vector<std::pair<std::string, std::string>> row_pairs(const WideMatrix& w) {
  std::vector<std::pair<std::string, std::string>> k;
  for (const auto& r : w.row_keys) k.emplace_back(r.at(0), r.size() > 1 ? r[1] : std::string());
  return k;
}

std::pair<std::string, std::string> col_pair(const WideMatrix& w, std::size_t c) {
  const auto& k = w.col_keys[c];
  return {k.at(0), k.size() > 1 ? k[1] : std::string()};
}

}  // namespace

tables::IoTable assemble_core(const WideMatrix& Zw, const WideMatrix& Yw) {
  if (Zw.index_cols < 2 || Zw.header_rows < 2)
    throw InputError(Zw.path + ": Z needs two index columns (region, sector) and two header rows");
  const auto zrows = row_pairs(Zw);
  const LabelGrid grid =
      make_grid(zrows, Zw.path + ": Z rows", "sector", [&](std::size_t i) { return row_where(Zw, i); });
  const std::size_t n = grid.size();
  if (static_cast<std::size_t>(Zw.values.cols()) != n)
    throw InputError(Zw.path + ": Z has " + std::to_string(Zw.values.rows()) + " rows but " +
                     std::to_string(Zw.values.cols()) + " columns; Z must be square with the same labels");
  tables::IoTable t;
  t.labels.regions = grid.regions;
  t.labels.sectors = grid.sectors;
  t.labels.set_each_region_own_country();

  // Z: permute rows and columns to region-major.
  std::vector<Eigen::Index> col_to(n);
  std::set<std::size_t> seen_cols;
  for (std::size_t c = 0; c < n; ++c) {
    const auto [r, s] = col_pair(Zw, c);
    const long j = grid.find(r, s);
    if (j < 0)
      throw InputError(col_where(Zw, c) +
                       " is not among the row labels of Z (rows and columns of Z must carry "
                       "the same region/sector labels)");
    if (!seen_cols.insert(static_cast<std::size_t>(j)).second)
      throw InputError(col_where(Zw, c) + " is a duplicate column label of Z");
    col_to[c] = j;
  }
  std::vector<Eigen::Triplet<double, std::ptrdiff_t>> trip;
  for (std::size_t r = 0; r < n; ++r) {
    const auto i = static_cast<Eigen::Index>(grid.find(zrows[r].first, zrows[r].second));
    for (std::size_t c = 0; c < n; ++c) {
      const double v = Zw.values(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c));
      if (v != 0.0) trip.emplace_back(i, col_to[c], v);
    }
  }
  t.Z.resize(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
  t.Z.setFromTriplets(trip.begin(), trip.end());

  // Y: rows matched to Z's labels; columns form the region x category grid.
  if (Yw.index_cols < 2 || Yw.header_rows < 2)
    throw InputError(Yw.path + ": Y needs two index columns (region, sector) and two header rows");
  std::vector<std::pair<std::string, std::string>> ycols;
  for (std::size_t c = 0; c < Yw.col_keys.size(); ++c) {
    ycols.push_back(col_pair(Yw, c));
    if (tables::Labels::find(grid.regions, ycols.back().first) < 0)
      throw InputError(col_where(Yw, c) + ": final-demand region '" + ycols.back().first + "' is not a region of Z");
  }
  const LabelGrid fd =
      make_grid(ycols, Yw.path + ": final-demand columns", "category", [&](std::size_t c) { return col_where(Yw, c); });
  if (fd.regions.size() != grid.regions.size()) {
    for (const auto& r : grid.regions)
      if (tables::Labels::find(fd.regions, r) < 0)
        throw InputError(Yw.path + ": Y has no final-demand columns for region '" + r + "'");
  }
  t.labels.fd_categories = fd.sectors;
  const std::size_t K = fd.sectors.size(), G = grid.regions.size();
  const Matrix Yrows = align_sector_rows(Yw, t, "Y");
  t.Y = Matrix::Zero(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(G * K));
  for (std::size_t c = 0; c < ycols.size(); ++c) {
    const auto reg = static_cast<std::size_t>(tables::Labels::find(grid.regions, ycols[c].first));
    const auto cat = static_cast<std::size_t>(tables::Labels::find(fd.sectors, ycols[c].second));
    t.Y.col(static_cast<Eigen::Index>(reg * K + cat)) = Yrows.col(static_cast<Eigen::Index>(c));
  }
  t.V.resize(0, static_cast<Eigen::Index>(n));
  return t;
}

Matrix align_sector_rows(const WideMatrix& w, const tables::IoTable& t, const std::string& what) {
  if (w.index_cols < 2) throw InputError(w.path + ": " + what + " needs two index columns (region, sector)");
  const auto& labels = t.labels;
  const std::size_t n = labels.size();
  Matrix out = Matrix::Zero(static_cast<Eigen::Index>(n), w.values.cols());
  std::vector<std::size_t> line_of(n, 0);
  for (std::size_t r = 0; r < w.row_keys.size(); ++r) {
    const auto& reg = w.row_keys[r].at(0);
    const auto& sec = w.row_keys[r].at(1);
    const int ri = tables::Labels::find(labels.regions, reg);
    const int si = tables::Labels::find(labels.sectors, sec);
    if (ri < 0 || si < 0)
      throw InputError(row_where(w, r) + ": row '" + reg + "/" + sec + "' of " + what + " is not a row of Z (" +
                       (ri < 0 ? "unknown region '" + reg : "unknown sector '" + sec) + "')");
    const auto i = labels.index(static_cast<std::size_t>(ri), static_cast<std::size_t>(si));
    if (line_of[i] != 0)
      throw InputError(row_where(w, r) + ": duplicate row '" + reg + "/" + sec + "' in " + what + " (also line " +
                       std::to_string(line_of[i]) + ")");
    line_of[i] = w.row_lines.at(r);
    out.row(static_cast<Eigen::Index>(i)) = w.values.row(static_cast<Eigen::Index>(r));
  }
  for (std::size_t i = 0; i < n; ++i)
    if (line_of[i] == 0) throw InputError(w.path + ": " + what + " has no row for " + labels.describe(i));
  return out;
}

std::vector<std::string> row_labels(const WideMatrix& w, const std::string& what) {
  std::vector<std::string> out;
  for (std::size_t r = 0; r < w.row_keys.size(); ++r) {
    const auto& name = w.row_keys[r].at(0);
    if (name.empty()) throw InputError(row_where(w, r) + ": empty " + what + " name");
    if (tables::Labels::find(out, name) >= 0)
      throw InputError(row_where(w, r) + ": duplicate " + what + " '" + name + "'");
    out.push_back(name);
  }
  return out;
}

std::vector<std::string> column_labels(const WideMatrix& w, const std::string& what) {
  std::vector<std::string> out;
  for (std::size_t c = 0; c < w.col_keys.size(); ++c) {
    const auto& name = w.col_keys[c].at(0);
    if (name.empty()) throw InputError(col_where(w, c) + ": empty " + what + " name");
    if (tables::Labels::find(out, name) >= 0)
      throw InputError(col_where(w, c) + ": duplicate " + what + " '" + name + "'");
    out.push_back(name);
  }
  return out;
}

Matrix align_sector_columns(const WideMatrix& w, const tables::IoTable& t, const std::string& what, bool allow_fd,
                            Matrix* fd, bool require_sectors) {
  const auto& labels = t.labels;
  const std::size_t n = labels.size(), K = labels.fd_categories.size(), G = labels.num_regions();
  const auto m = w.values.rows();
  Matrix out = Matrix::Zero(m, static_cast<Eigen::Index>(n));
  Matrix out_fd = Matrix::Zero(m, static_cast<Eigen::Index>(G * K));
  std::vector<int> seen(n, 0), seen_fd(G * K, 0);
  std::size_t n_sec = 0, n_fd = 0;
  for (std::size_t c = 0; c < w.col_keys.size(); ++c) {
    const auto [reg, lab] = col_pair(w, c);
    const int r = tables::Labels::find(labels.regions, reg);
    const int s = r >= 0 ? tables::Labels::find(labels.sectors, lab) : -1;
    const int k = r >= 0 && allow_fd ? tables::Labels::find(labels.fd_categories, lab) : -1;
    if (s >= 0) {
      const auto j = labels.index(static_cast<std::size_t>(r), static_cast<std::size_t>(s));
      if (seen[j]++) throw InputError(col_where(w, c) + " is a duplicate column label of " + what);
      out.col(static_cast<Eigen::Index>(j)) = w.values.col(static_cast<Eigen::Index>(c));
      ++n_sec;
    } else if (k >= 0) {
      const auto j = static_cast<std::size_t>(r) * K + static_cast<std::size_t>(k);
      if (seen_fd[j]++) throw InputError(col_where(w, c) + " is a duplicate column label of " + what);
      out_fd.col(static_cast<Eigen::Index>(j)) = w.values.col(static_cast<Eigen::Index>(c));
      ++n_fd;
    } else {
      throw InputError(col_where(w, c) + " of " + what + " is not a region/sector column of Z" +
                       (allow_fd ? " nor a region/category column of Y" : ""));
    }
  }
  if (n_sec != n && (require_sectors || n_sec > 0))
    for (std::size_t j = 0; j < n; ++j)
      if (!seen[j]) throw InputError(w.path + ": " + what + " has no column for " + labels.describe(j));
  if (n_fd != 0 && n_fd != G * K)
    for (std::size_t j = 0; j < G * K; ++j)
      if (!seen_fd[j])
        throw InputError(w.path + ": " + what + " has final-demand columns but none for region '" +
                         labels.regions[j / K] + "', category '" + labels.fd_categories[j % K] + "'");
  if (fd != nullptr) *fd = n_fd > 0 ? out_fd : Matrix(m, 0);
  return out;
}

tables::Satellite make_satellite(const std::string& name, const WideMatrix& F, const WideMatrix* F_Y,
                                 const std::vector<std::size_t>& name_cols, std::optional<std::size_t> unit_col,
                                 const tables::IoTable& t) {
  tables::Satellite s;
  s.name = name;
  std::set<std::string> seen;
  for (std::size_t r = 0; r < F.row_keys.size(); ++r) {
    std::string stressor;
    for (std::size_t k = 0; k < name_cols.size(); ++k) stressor += (k ? "/" : "") + F.row_keys[r].at(name_cols[k]);
    if (stressor.empty()) throw InputError(row_where(F, r) + ": empty stressor name in satellite '" + name + "'");
    if (!seen.insert(stressor).second)
      throw InputError(row_where(F, r) + ": duplicate stressor '" + stressor + "' in satellite '" + name + "'");
    s.stressors.push_back(stressor);
    s.units.push_back(unit_col ? F.row_keys[r].at(*unit_col) : std::string());
  }
  Matrix fd;
  s.F = align_sector_columns(F, t, "satellite '" + name + "'", F_Y == nullptr, &fd);
  s.F_Y = fd;
  if (F_Y != nullptr) {
    // Separate F_Y file (pymrio): rows must be the same stressors in any order.
    Matrix fy_cols;
    align_sector_columns(*F_Y, t, "F_Y of satellite '" + name + "'", true, &fy_cols, false);
    s.F_Y = Matrix::Zero(s.F.rows(), static_cast<Eigen::Index>(t.num_fd_columns()));
    if (fy_cols.cols() == 0)
      throw InputError(F_Y->path + ": F_Y of satellite '" + name + "' has no final-demand columns");
    for (std::size_t r = 0; r < F_Y->row_keys.size(); ++r) {
      std::string stressor;
      for (std::size_t k = 0; k < name_cols.size(); ++k) stressor += (k ? "/" : "") + F_Y->row_keys[r].at(name_cols[k]);
      const int i = tables::Labels::find(s.stressors, stressor);
      if (i < 0) throw InputError(row_where(*F_Y, r) + ": stressor '" + stressor + "' of F_Y is not a stressor of F");
      s.F_Y.row(i) = fy_cols.row(static_cast<Eigen::Index>(r));
    }
  }
  return s;
}

}  // namespace irio::io::internal
