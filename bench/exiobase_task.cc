// SPDX-License-Identifier: MIT
// EXIOBASE-shaped benchmark task (see exiobase_task.h).
#include "bench/exiobase_task.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <random>
#include <stdexcept>
#include <unordered_map>
#include <vector>

#include "bench/bench_tasks.h"
#include "bench/dense_calc_all.h"
#include "bench/e2e_common.h"
#include "irio/io/table_store.h"
#include "irio/solver/blas_info.h"
#include "tests/io/exiobase_fixture.h"  // EXIOBASE 3's labels

namespace irio::bench {
namespace {

namespace fs = std::filesystem;
using tables::Matrix;
using Index = Eigen::Index;
/// EXIOBASE's seven final-demand categories of each region (pymrio's Y columns).
using testing::exio::kCategories;

std::string stressor_name(Index q) { return "stressor" + std::to_string(q); }
std::string impact_name(Index p) { return "impact" + std::to_string(p); }

/// make_synthetic_mrio's Z and Y^d (the same as the other tasks get for the seed), Y split into
/// the 7 categories by seeded shares, and the satellite `exio` of `k_F` stressors in place of its
/// `env`.
tables::IoTable make_exiobase_table(const SyntheticSpec& spec) {
  SyntheticSpec base = spec;
  base.satellites = 0;
  tables::IoTable t = make_synthetic_mrio(base);
  const Index n = static_cast<Index>(t.n()), G = spec.regions, K = static_cast<Index>(kCategories.size());
  std::mt19937_64 rng(spec.seed ^ 0x45584f42ULL);  // a stream of its own: Z and Y^d stay the generator's
  std::uniform_real_distribution<double> unif(0.0, 1.0);

  Matrix Y(n, G * K);
  std::vector<double> w(static_cast<std::size_t>(K));
  for (Index r = 0; r < G; ++r)
    for (Index i = 0; i < n; ++i) {
      for (auto& v : w) v = unif(rng);
      const double sum = std::accumulate(w.begin(), w.end(), 0.0);
      for (Index k = 0; k < K; ++k) Y(i, r * K + k) = t.Y(i, r) * w[static_cast<std::size_t>(k)] / sum;
    }
  t.Y = std::move(Y);
  t.labels.fd_categories = kCategories;

  // Stressors: 80 % non-zero in 0.2-5 % of the columns (EXIOBASE's many resource and emission
  // rows that few sectors have), the rest dense; rows of magnitudes 1e-2 to 1e2 per unit output.
  tables::Satellite s;
  s.name = "exio";
  const Index kF = spec.satellites;
  s.F = Matrix::Zero(kF, n);
  for (Index q = 0; q < kF; ++q) {
    s.stressors.push_back(stressor_name(q));
    s.units.emplace_back("kg");
    const double scale = std::pow(10.0, 4.0 * unif(rng) - 2.0);
    const bool sparse = unif(rng) < 0.8;
    const double density = sparse ? 0.002 + 0.048 * unif(rng) : 1.0;
    for (Index j = 0; j < n; ++j)
      if (!sparse || unif(rng) < density) s.F(q, j) = scale * t.x(j) * unif(rng);
    if (sparse && s.F.row(q).isZero()) {
      const Index j = std::min<Index>(n - 1, static_cast<Index>(unif(rng) * static_cast<double>(n)));
      s.F(q, j) = scale * t.x(j) * (0.5 + unif(rng));
    }
  }
  // F_Y: about 3 % of the stressors (at least one) emitted by households (EXIOBASE's household
  // emissions), in the households' column of each region.
  s.F_Y = Matrix::Zero(kF, G * K);
  for (Index q = 0; q < kF; ++q)
    if (q == 0 || unif(rng) < 0.03)
      for (Index r = 0; r < G; ++r)
        s.F_Y(q, r * K) = 0.1 * s.F.row(q).sum() / static_cast<double>(G) * (0.5 + unif(rng));
  t.satellites.clear();
  t.satellites.push_back(std::move(s));
  return t;
}

/// C (k_I x k_F): each impact a weighted sum of 5-50 distinct stressors, factors 0.1-100.
Matrix make_characterisation(Index kI, Index kF, std::uint32_t seed) {
  std::mt19937_64 rng(seed ^ 0x43464143ULL);
  std::uniform_real_distribution<double> unif(0.0, 1.0);
  Matrix C = Matrix::Zero(kI, kF);
  std::vector<Index> order(static_cast<std::size_t>(kF));
  for (Index p = 0; p < kI; ++p) {
    std::iota(order.begin(), order.end(), Index{0});
    const Index m = std::min<Index>(kF, 5 + static_cast<Index>(unif(rng) * 46.0));
    for (Index a = 0; a < m; ++a) {  // a partial Fisher-Yates shuffle picks m stressors
      const Index b = a + std::min<Index>(kF - a - 1, static_cast<Index>(unif(rng) * static_cast<double>(kF - a)));
      std::swap(order[static_cast<std::size_t>(a)], order[static_cast<std::size_t>(b)]);
      C(p, order[static_cast<std::size_t>(a)]) = std::pow(10.0, 3.0 * unif(rng) - 1.0);
    }
  }
  return C;
}

/// pymrio's long layout (docs/formats.md, "Characterisation factors"): the same factor in every region.
void write_characterisation(const Matrix& C, const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "w");
  if (!f) throw std::runtime_error("cannot write " + path);
  std::fprintf(f, "impact,stressor,factor,impact_unit,stressor_unit\n");
  for (Index p = 0; p < C.rows(); ++p)
    for (Index q = 0; q < C.cols(); ++q)
      if (C(p, q) != 0.0)
        std::fprintf(f, "%s,%s,%.17g,kg eq,kg\n", impact_name(p).c_str(), stressor_name(q).c_str(), C(p, q));
  if (std::fclose(f) != 0) throw std::runtime_error("cannot write " + path);
}

/// Accounts as raw doubles: name, rows, cols, values (column-major), for each; keys prefixed.
void write_accounts(std::ofstream& out, const Accounts& acc, const std::string& prefix) {
  for (const auto& [name, D] : acc) {
    const std::string key = prefix + name;
    const std::int64_t len = static_cast<std::int64_t>(key.size()), r = D.rows(), c = D.cols();
    out.write(reinterpret_cast<const char*>(&len), sizeof len);
    out.write(key.data(), static_cast<std::streamsize>(key.size()));
    out.write(reinterpret_cast<const char*>(&r), sizeof r);
    out.write(reinterpret_cast<const char*>(&c), sizeof c);
    out.write(reinterpret_cast<const char*>(D.data()), static_cast<std::streamsize>(sizeof(double) * D.size()));
  }
}

Accounts read_accounts(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  Accounts acc;
  std::int64_t len = 0, r = 0, c = 0;
  while (in.read(reinterpret_cast<char*>(&len), sizeof len)) {
    std::string key(static_cast<std::size_t>(len), '\0');
    in.read(key.data(), len);
    in.read(reinterpret_cast<char*>(&r), sizeof r);
    in.read(reinterpret_cast<char*>(&c), sizeof c);
    Matrix D(r, c);
    in.read(reinterpret_cast<char*>(D.data()), static_cast<std::streamsize>(sizeof(double) * D.size()));
    if (!in) throw std::runtime_error(path + ": truncated at " + key);
    acc[key] = std::move(D);
  }
  return acc;
}

/// The dense method in full: read the table, L by dgetrf + dgetri, the accounts of the stressors
/// (dense_calc_all), the impacts' as C times each, written to `out` for the comparison.
void dense_method(const std::string& table, const Matrix& C, const std::string& out) {
  const tables::IoTable t = io::read_table(table);
  const Accounts acc = [&] {
    const Matrix L = dense_leontief_inverse(t);
    return dense_calc_all(t, L, *t.satellite("exio"), true);
  }();
  Accounts impacts;
  for (const auto& [name, D] : acc) impacts[name] = gemm(C, D);
  std::ofstream f(out, std::ios::binary);
  write_accounts(f, acc, "stressors/");
  write_accounts(f, impacts, "impacts/");
  if (!f) throw std::runtime_error("cannot write " + out);
}

/// irio's result table (columns region, sector, stressor, account, ...) as one matrix per account:
/// rows in the order of `rows`, columns by region-sector or, for sector "(all)", by region.
Accounts irio_accounts(const tables::TidyTable& t, const tables::Labels& lab, const std::vector<std::string>& rows) {
  auto column = [&](const std::string& name) {
    const auto& k = t.key_columns();
    const auto it = std::find(k.begin(), k.end(), name);
    if (it == k.end()) throw std::runtime_error("result table " + t.name() + " has no column " + name);
    return static_cast<std::size_t>(it - k.begin());
  };
  const std::size_t cr = column("region"), cs = column("sector"), cq = column("stressor"), ca = column("account");
  auto index_of = [&](std::size_t col, const std::vector<std::string>& names) {
    std::unordered_map<std::string, Index> pos;
    for (std::size_t i = 0; i < names.size(); ++i) pos[names[i]] = static_cast<Index>(i);
    std::vector<Index> out;
    for (const auto& l : t.levels(col)) out.push_back(pos.count(l) ? pos.at(l) : Index{-1});
    return out;
  };
  const auto reg = index_of(cr, lab.regions), sec = index_of(cs, lab.sectors), row = index_of(cq, rows);
  const Index G = static_cast<Index>(lab.num_regions()), N = static_cast<Index>(lab.num_sectors());
  const Index k = static_cast<Index>(rows.size());
  Accounts out;
  std::vector<Matrix*> mat;
  for (const auto& a : t.levels(ca)) {
    const bool by_region = a.size() > 4 && (a.substr(a.size() - 4) == "_reg" || a.substr(a.size() - 4) == "_cap");
    out[a] = Matrix::Constant(k, by_region ? G : G * N, NAN);
    mat.push_back(&out[a]);
  }
  const auto &codes_r = t.codes(cr), &codes_s = t.codes(cs), &codes_q = t.codes(cq), &codes_a = t.codes(ca);
  for (std::size_t i = 0; i < t.num_rows(); ++i) {
    Matrix& D = *mat[static_cast<std::size_t>(codes_a[i])];
    const Index r = reg[static_cast<std::size_t>(codes_r[i])], s = sec[static_cast<std::size_t>(codes_s[i])],
                q = row[static_cast<std::size_t>(codes_q[i])];
    if (r < 0 || q < 0) continue;
    const Index j = s < 0 ? r : r * N + s;
    if (j < D.cols()) D(q, j) = t.value(i);
  }
  return out;
}

/// Worst normwise relative difference of one account over its rows (max |a - b| / max(|a|, |b|)
/// within the row: every stressor and impact is judged on its own scale); a cell irio did not
/// write counts as infinitely different.
double account_diff(const Matrix& a, const Matrix& b, Index& worst_row) {
  double worst = 0;
  worst_row = -1;
  for (Index q = 0; q < a.rows(); ++q) {
    double diff = 0, scale = 0;
    for (Index j = 0; j < a.cols(); ++j) {
      const double x = a(q, j), y = b(q, j);
      diff = std::max(diff, std::isnan(x) || std::isnan(y) ? INFINITY : std::abs(x - y));
      scale = std::max({scale, std::abs(x), std::abs(y)});
    }
    const double rel = diff == 0 ? 0 : diff / std::max(scale, 1e-300);
    if (rel > worst || worst_row < 0) {
      worst = std::max(worst, rel);
      worst_row = q;
    }
  }
  return worst;
}

/// Compare every account a route writes (its result tables) with the dense one.
/// route 'a' (default), 'b' (--imports-by-sector: D_imp by product too) or 'c' (--regions-only:
/// the regional accounts only).
double compare_route(const std::vector<tables::TidyTable>& tables, const tables::Labels& lab, const Accounts& base,
                     char route) {
  std::vector<std::string> accounts = {"M",         "M_down",    "D_cba",     "D_pba",    "D_exp",
                                       "D_cba_reg", "D_pba_reg", "D_imp_reg", "D_exp_reg"};
  if (route == 'b') accounts.insert(accounts.begin() + 5, "D_imp");
  if (route == 'c') accounts = {"D_cba_reg", "D_pba_reg", "D_imp_reg", "D_exp_reg"};
  double worst = 0;
  for (const std::string group : {"stressors", "impacts"}) {
    const bool impacts = group == "impacts";
    const std::string name = impacts ? "footprints_exio_characterised" : "footprints_exio";
    const auto it = std::find_if(tables.begin(), tables.end(), [&](const auto& t) { return t.name() == name; });
    if (it == tables.end()) {
      std::printf("    %s: no table %s\n", group.c_str(), name.c_str());
      worst = INFINITY;
      continue;
    }
    const Index k = base.at(group + "/M").rows();
    std::vector<std::string> rows;
    for (Index q = 0; q < k; ++q) rows.push_back(impacts ? impact_name(q) : stressor_name(q));
    const Accounts ours = irio_accounts(*it, lab, rows);
    std::printf("    %-9s", group.c_str());
    for (const auto& a : accounts) {
      const auto jt = ours.find(a);
      Index row = -1;
      const double d = jt == ours.end() ? INFINITY : account_diff(jt->second, base.at(group + "/" + a), row);
      std::printf(" %s %.1e", a.c_str(), d);
      if (d > 1e-8) std::printf(" (worst: %s)", row < 0 ? "not written" : rows[static_cast<std::size_t>(row)].c_str());
      worst = std::max(worst, d);
    }
    std::printf("\n");
  }
  return worst;
}

}  // namespace

int run_exiobase(const ExiobaseOptions& opt) {
  const auto& spec = opt.spec;
  const Index n = static_cast<Index>(spec.regions) * spec.sectors;
  const solver::BlasInfo blas = solver::blas_info();
  std::printf(
      "irio_bench exiobase: %d regions x %d sectors (n = %lld), %zu final-demand categories, %d stressors, "
      "%d impacts, seed %u\n",
      spec.regions, spec.sectors, static_cast<long long>(n), kCategories.size(), spec.satellites, opt.impacts,
      spec.seed);
  print_blas_line("dense method");
  const fs::path dir = work_folder(opt.workdir, "exiobase");
  const std::string table = (dir / "t.h5").string(), cf = (dir / "cf.csv").string();
  const Matrix C = make_characterisation(opt.impacts, spec.satellites, spec.seed);
  tables::Labels labels;
  {
    const double t0 = now();
    const auto t = make_exiobase_table(spec);
    const double t1 = now();
    write_bench_table(t, t1 - t0, table, opt.compression_level);
    write_characterisation(C, cf);
    const auto& F = t.satellites.front().F;
    Index sparse = 0;
    for (Index q = 0; q < F.rows(); ++q)
      sparse += F.row(q).cwiseAbs().cwiseSign().sum() <= 0.05 * static_cast<double>(n);
    std::printf(
        "  satellite exio: %lld stressors, %lld of them non-zero in <= 5%% of the columns, %lld with F_Y; "
        "characterisation: %lld factors for %lld impacts (%.1f MB)\n",
        static_cast<long long>(F.rows()), static_cast<long long>(sparse),
        static_cast<long long>((t.satellites.front().F_Y.array() != 0).rowwise().any().count()),
        static_cast<long long>((C.array() != 0).count()), static_cast<long long>(C.rows()),
        static_cast<double>(fs::file_size(cf)) / 1e6);
    labels = t.labels;
  }
  const std::string fp_a = (dir / "fp_a.h5").string(), fp_b = (dir / "fp_b.h5").string(),
                    fp_c = (dir / "fp_c.h5").string();
  const std::string log_a = (dir / "footprints_a.log").string(), log_b = (dir / "footprints_b.log").string(),
                    log_c = (dir / "footprints_c.log").string();
  std::vector<std::string> args = {"footprints", table, "--satellite", "exio", "--characterisation", cf};
  if (!opt.backend.empty()) args.insert(args.end(), {"--backend", opt.backend});
  auto with = [&](std::vector<std::string> extra) {
    auto a = args;
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
  };
  const Child a = run_irio(opt.irio_binary, with({"-o", fp_a}), log_a);
  const Child b = run_irio(opt.irio_binary, with({"--imports-by-sector", "-o", fp_b}), log_b);
  const Child c = run_irio(opt.irio_binary, with({"--regions-only", "-o", fp_c}), log_c);
  if (a.status != 0 || b.status != 0 || c.status != 0) {
    std::printf("irio failed (route (a) exit %d, (b) exit %d, (c) exit %d); logs in %s\n%s%s%s", a.status, b.status,
                c.status, dir.c_str(), read_text_file(log_a).c_str(), read_text_file(log_b).c_str(),
                read_text_file(log_c).c_str());
    return 1;
  }
  const std::string text_a = read_text_file(log_a), text_b = read_text_file(log_b), text_c = read_text_file(log_c);
  std::printf("  irio %s\n", line_with(text_a, "BLAS: ").c_str());
  std::printf("  (a) %s\n  (b) %s\n  (c) %s\n", line_with(text_a, "Solves: ").c_str(),
              line_with(text_b, "Solves: ").c_str(), line_with(text_c, "Solves: ").c_str());
  std::printf("  result files: (a) %.1f MB, (b) %.1f MB, (c) %.1f MB\n", static_cast<double>(fs::file_size(fp_a)) / 1e6,
              static_cast<double>(fs::file_size(fp_b)) / 1e6, static_cast<double>(fs::file_size(fp_c)) / 1e6);
  print_child_header();
  print_child_row("(a) irio footprints --characterisation", a);
  print_child_row("(b) the same, --imports-by-sector", b);
  print_child_row("(c) the same, --regions-only", c);
  int rc = 0;
  if (!opt.skip_baseline) {
    const std::string base_bin = (dir / "dense.bin").string();
    const Child d = run_in_child([&] { dense_method(table, C, base_bin); }, "dense method");
    if (d.status != 0) {
      std::printf("dense method failed (exit %d)\n", d.status);
      rc = 1;
    } else {
      print_child_row("dense method (pymrio calc_all, impacts C D)", d);
      std::printf(
          "  dense / irio: (a) %.1fx wall, %.1fx CPU; (b) %.1fx wall, %.1fx CPU; peak memory irio / dense: "
          "(a) %.3f, (b) %.3f\n",
          d.seconds / a.seconds, d.cpu_seconds / a.cpu_seconds, d.seconds / b.seconds, d.cpu_seconds / b.cpu_seconds,
          a.peak_mib / d.peak_mib, b.peak_mib / d.peak_mib);
      std::printf(
          "  dense / irio (c), the accounts by region of every stressor and impact: %.1fx wall, %.1fx CPU; peak "
          "memory %.3f\n",
          d.seconds / c.seconds, d.cpu_seconds / c.cpu_seconds, c.peak_mib / d.peak_mib);
      // irio's files read back (io::read_tidy_h5) and compared; route (b)'s tables written again
      // with io::write_tidy_h5, to show what the HDF5 result writer costs at this many rows.
      double worst = 0;
      const Accounts base = read_accounts(base_bin);
      for (const char route : {'a', 'b', 'c'}) {
        const bool by_sector = route == 'b';
        const std::string& file = route == 'a' ? fp_a : route == 'b' ? fp_b : fp_c;
        const double t0 = now();
        const auto runs = io::list_result_runs(file);
        if (runs.empty()) throw std::runtime_error(file + ": no result run");
        const auto tables = io::read_tidy_h5(file, runs.front());
        const double read_s = now() - t0;
        std::size_t rows = 0;
        for (const auto& t : tables) rows += t.num_rows();
        std::printf("  (%c): %zu rows read back in %.2f s; against the dense method (worst row, normwise relative):\n",
                    route, rows, read_s);
        worst = std::max(worst, compare_route(tables, labels, base, route));
        if (!by_sector) continue;
        const std::string again = (dir / "rewrite.h5").string();
        const double t1 = now();
        io::write_tidy_h5(tables, again, runs.front());
        const double s = now() - t1;
        std::printf("  io::write_tidy_h5 of these %zu rows: %.2f s (%.1f M rows/s)\n", rows, s,
                    static_cast<double>(rows) / 1e6 / std::max(s, 1e-9));
        std::error_code ec;
        fs::remove(again, ec);
      }
      std::printf(
          "RESULT task=exiobase n=%lld stressors=%d impacts=%d kernel=%s a_s=%.3f b_s=%.3f c_s=%.3f c_cpu_s=%.3f "
          "dense_s=%.3f a_cpu_s=%.3f "
          "b_cpu_s=%.3f dense_cpu_s=%.3f a_mib=%.1f b_mib=%.1f dense_mib=%.1f speedup_a=%.2f speedup_b=%.2f "
          "maxrel=%.2e\n",
          static_cast<long long>(n), spec.satellites, opt.impacts, blas.kernel.c_str(), a.seconds, b.seconds, c.seconds,
          c.cpu_seconds, d.seconds, a.cpu_seconds, b.cpu_seconds, d.cpu_seconds, a.peak_mib, b.peak_mib, d.peak_mib,
          d.seconds / a.seconds, d.seconds / b.seconds, worst);
      rc = worst <= 1e-8 ? 0 : 1;
    }
  }
  std::error_code ec;
  if (opt.workdir.empty()) fs::remove_all(dir, ec);
  return rc;
}

}  // namespace irio::bench
