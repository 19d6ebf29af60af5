// SPDX-License-Identifier: MIT
// Validation against pymrio 0.6.3's calc_all() on its bundled test MRIO: A, L, Ghosh B and G,
// x, and per extension S, S_Y, M, M_down and the footprint accounts D_cba/D_pba/D_imp/D_exp (by
// region-sector, by region, per capita), every cell to 1e-10 relative.
#include <functional>
#include <map>

#include "irio/io/import_pymrio.h"
#include "irio/solver/footprints.h"
#include "irio/solver/leontief_model.h"
#include "irio/validation/cases.h"
#include "irio/validation/labelled_csv.h"

namespace irio::validation {
namespace {

using tables::Matrix;
using tables::Vector;

constexpr double kPeerTol = 1e-10;

/// Compare every cell of a pymrio output file with `value(row_key, col_key)`.
void compare_file(Report& rep, const std::string& path, const std::string& quantity,
                  const std::function<double(const std::string&, const std::string&)>& value) {
  const auto f = read_labelled_csv(path);
  for (std::size_t r = 0; r < f.row_keys.size(); ++r)
    for (std::size_t c = 0; c < f.col_keys.size(); ++c)
      rep.relative("pymrio_test", quantity, f.row_keys[r] + " | " + f.col_keys[c], f.values[r][c],
                   value(f.row_keys[r], f.col_keys[c]), kPeerTol);
}

void pymrio_test(const std::string& dir, Report& rep) {
  const std::string out = dir + "/pymrio_test/pymrio_outputs/";
  const auto t = io::import_pymrio(dir + "/pymrio_test/raw");
  solver::LeontiefModel m(t);
  const auto& labels = t.labels;
  std::map<std::string, Eigen::Index> rs, reg, fd;
  for (std::size_t i = 0; i < labels.size(); ++i)
    rs[labels.region_of(i) + "/" + labels.sector_of(i)] = static_cast<Eigen::Index>(i);
  for (std::size_t r = 0; r < labels.num_regions(); ++r) {
    reg[labels.regions[r]] = static_cast<Eigen::Index>(r);
    for (std::size_t k = 0; k < labels.fd_categories.size(); ++k)
      fd[labels.regions[r] + "/" + labels.fd_categories[k]] =
          static_cast<Eigen::Index>(r * labels.fd_categories.size() + k);
  }
  auto at = [](const std::map<std::string, Eigen::Index>& idx, const std::string& k) {
    auto it = idx.find(k);
    return it == idx.end() ? Eigen::Index(-1) : it->second;
  };
  auto cell = [&](const Matrix& M, const std::map<std::string, Eigen::Index>& ri,
                  const std::map<std::string, Eigen::Index>& ci) {
    return [&, M](const std::string& r, const std::string& c) {
      const auto i = at(ri, r), j = at(ci, c);
      return i < 0 || j < 0 ? std::nan("") : M(i, j);
    };
  };

  const Matrix Lm = m.solve(Matrix::Identity(m.n(), m.n()));  // the output requested is L itself
  const Vector& x = m.x();
  const Vector xinv = tables::safe_reciprocal(x);
  const Matrix A = Matrix(m.A());
  const Matrix B = xinv.asDiagonal() * Matrix(t.Z);          // Ghosh allocation coefficients
  const Matrix G = xinv.asDiagonal() * Lm * x.asDiagonal();  // G = x^-1 L x^ (§1.2)
  compare_file(rep, out + "A.csv", "A", cell(A, rs, rs));
  compare_file(rep, out + "L.csv", "L", cell(Lm, rs, rs));
  compare_file(rep, out + "B.csv", "B (Ghosh)", cell(B, rs, rs));
  compare_file(rep, out + "G.csv", "G (Ghosh inverse)", cell(G, rs, rs));
  compare_file(rep, out + "x.csv", "x", [&](const std::string& r, const std::string&) {
    const auto i = at(rs, r);
    return i < 0 ? std::nan("") : x(i);
  });

  const auto pop = read_labelled_csv(out + "population.csv");
  solver::FootprintOptions fo;
  fo.imports_by_sector = true;  // pymrio's D_imp is at sector detail
  fo.population = Vector::Zero(static_cast<Eigen::Index>(labels.num_regions()));
  for (std::size_t c = 0; c < pop.col_keys.size(); ++c)
    if (at(reg, pop.col_keys[c]) >= 0) fo.population(at(reg, pop.col_keys[c])) = pop.values[0][c];

  for (const auto& sat : t.satellites) {
    const auto acc = solver::compute_footprints(m, sat, fo);
    std::map<std::string, Eigen::Index> st;
    for (std::size_t k = 0; k < sat.stressors.size(); ++k) st[sat.stressors[k]] = static_cast<Eigen::Index>(k);
    std::string prefix = sat.name;
    for (auto& ch : prefix)
      if (ch == ' ') ch = '_';
    prefix = out + prefix + "__";
    const std::string q = sat.name + " ";
    compare_file(rep, prefix + "S.csv", q + "S", cell(acc.S, st, rs));
    compare_file(rep, prefix + "M.csv", q + "M", cell(acc.M, st, rs));
    compare_file(rep, prefix + "M_down.csv", q + "M_down", cell(acc.M_down, st, rs));
    compare_file(rep, prefix + "D_cba.csv", q + "D_cba", cell(acc.D_cba, st, rs));
    compare_file(rep, prefix + "D_pba.csv", q + "D_pba", cell(acc.D_pba, st, rs));
    compare_file(rep, prefix + "D_imp.csv", q + "D_imp", cell(acc.D_imp, st, rs));
    compare_file(rep, prefix + "D_exp.csv", q + "D_exp", cell(acc.D_exp, st, rs));
    compare_file(rep, prefix + "D_cba_reg.csv", q + "D_cba_reg", cell(acc.D_cba_reg, st, reg));
    compare_file(rep, prefix + "D_pba_reg.csv", q + "D_pba_reg", cell(acc.D_pba_reg, st, reg));
    compare_file(rep, prefix + "D_imp_reg.csv", q + "D_imp_reg", cell(acc.D_imp_reg, st, reg));
    compare_file(rep, prefix + "D_exp_reg.csv", q + "D_exp_reg", cell(acc.D_exp_reg, st, reg));
    compare_file(rep, prefix + "D_cba_cap.csv", q + "D_cba_cap", cell(acc.D_cba_cap, st, reg));
    compare_file(rep, prefix + "D_pba_cap.csv", q + "D_pba_cap", cell(acc.D_pba_cap, st, reg));
    compare_file(rep, prefix + "D_imp_cap.csv", q + "D_imp_cap", cell(acc.D_imp_cap, st, reg));
    compare_file(rep, prefix + "D_exp_cap.csv", q + "D_exp_cap", cell(acc.D_exp_cap, st, reg));
    if (acc.S_Y.size() > 0) compare_file(rep, prefix + "S_Y.csv", q + "S_Y", cell(acc.S_Y, st, fd));
  }
}

}  // namespace

void add_pymrio_cases(std::vector<Case>& cases) {
  cases.push_back({"pymrio_test",
                   "pymrio 0.6.3 calc_all() on its test MRIO: A, L, B, G, x, S, S_Y, M, M_down, D_* (1e-10)",
                   pymrio_test});
}

}  // namespace irio::validation
