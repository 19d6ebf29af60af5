// SPDX-License-Identifier: MIT
// NBS national IO tables: CSV reader, own-totals check, competitive -> non-competitive conversion
// (methods.md §5.5; the shares are tables::proportional_source_shares) and conversion to an
// IoTable with an exogenous rest of the world.
#include "irio/io/nbs_reader.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "irio/io/csv_reader.h"
#include "irio/tables/competitive_conversion.h"
#include "irio/tables/error.h"

namespace irio::io {

namespace {

using tables::Finding;
using tables::Matrix;
using tables::Severity;
using tables::Vector;

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string year_of(const std::string& path) {
  std::string base = path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
  for (std::size_t i = 0; i + 4 <= base.size(); ++i)
    if (all_digits(base.substr(i, 4)) && (base[i] == '1' || base[i] == '2')) return base.substr(i, 4);
  return "";
}

/// One identity check over N items: reports the count, the worst and the first few offenders.
void check_identity(const std::string& path, const std::string& name, const Vector& published, const Vector& computed,
                    const std::vector<std::string>& labels, double tol, std::vector<Finding>* out) {
  if (!out) return;
  std::size_t count = 0, worst = 0;
  double worst_diff = -1;
  std::string first;
  for (Eigen::Index i = 0; i < published.size(); ++i) {
    const double a = published(i), b = computed(i);
    const double diff = std::abs(a - b);
    if (diff <= tol * std::max({1.0, std::abs(a), std::abs(b)})) continue;
    if (count < 3)
      first += " " + labels[static_cast<std::size_t>(i)] + " (published " + std::to_string(a) + ", computed " +
               std::to_string(b) + ");";
    ++count;
    if (diff > worst_diff) {
      worst_diff = diff;
      worst = static_cast<std::size_t>(i);
    }
  }
  if (count == 0) return;
  out->push_back({Severity::kWarning, name,
                  path + ": " + std::to_string(count) + " sectors disagree, worst '" + labels[worst] + "' by " +
                      std::to_string(worst_diff) + ";" + first});
}

}  // namespace

NbsTable read_nbs_csv(const std::string& path, std::vector<Finding>* findings, double rel_tol) {
  const CsvFile csv = read_csv(path);
  if (csv.rows.empty()) throw InputError(path + ": empty file");
  const auto& head = csv.rows[0].fields;
  std::map<std::string, std::size_t> col;
  std::vector<std::size_t> sector_cols;
  std::vector<std::string> header_codes;
  for (std::size_t c = 0; c < head.size(); ++c) {
    if (all_digits(head[c])) {
      sector_cols.push_back(c);
      header_codes.push_back(head[c]);
    } else if (!col.emplace(head[c], c).second) {
      throw InputError(csv.where(0, c) + ": column '" + head[c] + "' appears twice");
    }
  }
  auto need = [&](const char* name) {
    auto it = col.find(name);
    if (it == col.end())
      throw InputError(path + ": no '" + std::string(name) + "' column in the header (line " +
                       std::to_string(csv.rows[0].line) + ")");
    return it->second;
  };
  auto opt_col = [&](const char* name) {
    auto it = col.find(name);
    return it == col.end() ? SIZE_MAX : it->second;
  };
  const std::size_t c_code = need("Code"), c_desc = need("Description"), c_go = need("GO");
  const std::size_t c_zh = opt_col("DescriptionInChinese"), c_origin = opt_col("Origin");
  const std::size_t N = sector_cols.size();
  if (N == 0) throw InputError(path + ": no sector columns (numeric codes such as 001) in the header");

  NbsTable t;
  t.path = path;
  t.year = year_of(path);
  t.competitive = c_origin == SIZE_MAX;
  t.codes = header_codes;
  // Final-demand leaves: the finest columns present (see NbsTable).
  auto has = [&](const char* c) { return col.count(c) > 0; };
  if (has("FU101") && has("FU102")) {
    t.fd_codes = {"FU101", "FU102"};
  } else if (has("THC")) {
    t.fd_codes = {"THC"};
  }
  if (has("FU103")) t.fd_codes.push_back("FU103");
  if (t.fd_codes.empty() && has("TC")) t.fd_codes.push_back("TC");
  if (has("FU201") || has("FU202")) {
    if (has("FU201")) t.fd_codes.push_back("FU201");
    if (has("FU202")) t.fd_codes.push_back("FU202");
  } else if (has("GCF")) {
    t.fd_codes.push_back("GCF");
  }
  const std::size_t K = t.fd_codes.size();
  const auto n = static_cast<Eigen::Index>(N), k = static_cast<Eigen::Index>(K);

  // Rows: N sector rows (Domestic), N Imports rows when non-competitive, then totals.
  std::vector<std::size_t> dom_rows, imp_rows;
  std::map<std::string, std::size_t> total_rows;
  for (std::size_t r = 1; r < csv.rows.size(); ++r) {
    const std::string& code = csv.cell(r, c_code);
    if (all_digits(code)) {
      const std::string origin = t.competitive ? "Domestic" : csv.cell(r, c_origin);
      auto& list = origin == "Imports" ? imp_rows : dom_rows;
      if (origin != "Domestic" && origin != "Imports")
        throw InputError(csv.where(r, c_origin) + ": origin '" + origin + "' is neither Domestic nor Imports");
      if (list.size() >= N)
        throw InputError(csv.where(r, c_code) + ": more " + origin + " sector rows than the " + std::to_string(N) +
                         " sector columns");
      if (code != header_codes[list.size()])
        throw InputError(csv.where(r, c_code) + ": sector row '" + code + "' where the columns have '" +
                         header_codes[list.size()] + "'");
      list.push_back(r);
    } else if (!total_rows.emplace(code, r).second) {
      throw InputError(csv.where(r, c_code) + ": row '" + code + "' appears twice");
    }
  }
  if (dom_rows.size() != N)
    throw InputError(path + ": " + std::to_string(dom_rows.size()) + " sector rows for " + std::to_string(N) +
                     " sector columns");
  if (!t.competitive && imp_rows.size() != N)
    throw InputError(path + ": " + std::to_string(imp_rows.size()) + " Imports rows for " + std::to_string(N) +
                     " sector columns");

  auto num = [&](std::size_t r, std::size_t c, const std::string& what) { return csv.number(r, c, what); };
  auto read_block = [&](const std::vector<std::size_t>& rows, Matrix* Z, Matrix* F, Vector* ex, Vector* go,
                        const char* what) {
    Z->resize(n, n);
    F->resize(n, k);
    ex->setZero(n);
    go->resize(n);
    for (Eigen::Index i = 0; i < n; ++i) {
      const std::size_t r = rows[static_cast<std::size_t>(i)];
      for (Eigen::Index j = 0; j < n; ++j)
        (*Z)(i, j) = num(r, sector_cols[static_cast<std::size_t>(j)], std::string(what) + " Z");
      for (Eigen::Index c = 0; c < k; ++c)
        (*F)(i, c) = num(r, col[t.fd_codes[static_cast<std::size_t>(c)]], t.fd_codes[static_cast<std::size_t>(c)]);
      if (has("EX")) (*ex)(i) = num(r, col["EX"], "EX");
      (*go)(i) = num(r, c_go, "GO");
    }
  };
  for (std::size_t i = 0; i < N; ++i) {
    t.names.push_back(csv.cell(dom_rows[i], c_desc));
    t.names_zh.push_back(c_zh == SIZE_MAX ? "" : csv.cell(dom_rows[i], c_zh));
  }
  read_block(dom_rows, &t.Z, &t.F, &t.ex, &t.x, "domestic");
  t.im.setZero(n);
  t.err.setZero(n);
  if (!t.competitive) {
    Vector go_m;
    read_block(imp_rows, &t.Zm, &t.Fm, &t.ex_m, &go_m, "imports");
    t.im = go_m;
  } else if (has("IM")) {
    for (Eigen::Index i = 0; i < n; ++i) t.im(i) = num(dom_rows[static_cast<std::size_t>(i)], col["IM"], "IM");
  }
  if (has("ERR"))
    for (Eigen::Index i = 0; i < n; ++i) t.err(i) = num(dom_rows[static_cast<std::size_t>(i)], col["ERR"], "ERR");
  t.va_codes = {"VA001", "VA002", "VA003", "VA004"};
  t.V.resize(4, n);
  for (Eigen::Index v = 0; v < 4; ++v) {
    auto it = total_rows.find(t.va_codes[static_cast<std::size_t>(v)]);
    if (it == total_rows.end()) throw InputError(path + ": no '" + t.va_codes[static_cast<std::size_t>(v)] + "' row");
    for (Eigen::Index j = 0; j < n; ++j)
      t.V(v, j) = num(it->second, sector_cols[static_cast<std::size_t>(j)], t.va_codes[static_cast<std::size_t>(v)]);
  }

  if (findings) {
    std::vector<std::string> labels;
    for (std::size_t i = 0; i < N; ++i) labels.push_back(t.codes[i] + " " + t.names[i]);
    auto row_of = [&](const std::vector<std::size_t>& rows, const char* c) {
      Vector v(n);
      for (Eigen::Index i = 0; i < n; ++i) v(i) = num(rows[static_cast<std::size_t>(i)], col[c], c);
      return v;
    };
    auto total_row = [&](const char* code) {
      Vector v(n);
      const std::size_t r = total_rows.at(code);
      for (Eigen::Index j = 0; j < n; ++j) v(j) = num(r, sector_cols[static_cast<std::size_t>(j)], code);
      return v;
    };
    const Vector fd = t.F.rowwise().sum();
    const Vector zrow = t.Z.rowwise().sum();
    Vector rhs = zrow + fd + t.ex + t.err;
    if (t.competitive) rhs -= t.im;
    check_identity(path, t.competitive ? "GO = sum Z + TFU - IM + ERR" : "GO = sum Z^D + TFU (domestic rows)", t.x, rhs,
                   labels, rel_tol, findings);
    if (has("TIU")) check_identity(path, "TIU = sum Z", row_of(dom_rows, "TIU"), zrow, labels, rel_tol, findings);
    if (has("TFU"))
      check_identity(path, "TFU = final uses + EX", row_of(dom_rows, "TFU"), fd + t.ex, labels, rel_tol, findings);
    Vector zcol = t.Z.colwise().sum().transpose();
    if (!t.competitive) {
      check_identity(path, "GO = sum Z^M + TFU (import rows)", t.im,
                     Vector(t.Zm.rowwise().sum() + t.Fm.rowwise().sum() + t.ex_m), labels, rel_tol, findings);
      zcol += t.Zm.colwise().sum().transpose();
    }
    const Vector va = t.V.colwise().sum().transpose();
    if (total_rows.count("TII"))
      check_identity(path, "TII = column sum of Z", total_row("TII"), zcol, labels, rel_tol, findings);
    if (total_rows.count("TVA"))
      check_identity(path, "TVA = VA001 + ... + VA004", total_row("TVA"), va, labels, rel_tol, findings);
    if (total_rows.count("TI")) {
      check_identity(path, "TI = TII + TVA", total_row("TI"), Vector(zcol + va), labels, rel_tol, findings);
      check_identity(path, "TI = GO", total_row("TI"), t.x, labels, rel_tol, findings);
    }
  }
  return t;
}

NbsTable to_non_competitive(const NbsTable& t, const NbsConversionOptions& opt, NbsConversionReport* report) {
  if (!t.competitive) return t;
  const Eigen::Index n = static_cast<Eigen::Index>(t.n());
  NbsConversionReport rep;
  // methods.md §5.5, national table (no inflows): the shares are undefined only where a sector
  // with imports has u_i <= 0; a sector without imports is all domestic.
  tables::SourceShares sh = tables::proportional_source_shares(
      t.Z.rowwise().sum() + t.F.rowwise().sum(), t.ex, opt.reexport, Vector(), t.im,
      tables::UndefinedShares::kNonPositiveUseWithImports, [&](Eigen::Index i, double u) {
        const auto ui = static_cast<std::size_t>(i);
        throw InputError(t.path + ": sector " + t.codes[ui] + " '" + t.names[ui] + "' has imports " +
                         std::to_string(t.im(i)) + " but domestic use u = " + std::to_string(u) +
                         " <= 0, so the import share is undefined (methods.md §5.5)");
      });
  rep.u = std::move(sh.u);
  rep.d = std::move(sh.d);
  rep.s_m = std::move(sh.s_foreign);
  for (Eigen::Index i : sh.clipped) {
    const auto ui = static_cast<std::size_t>(i);
    rep.clipped.push_back(ui);
    rep.findings.push_back({Severity::kWarning, "d_i < 0 clipped",
                            t.path + ": sector " + t.codes[ui] + " '" + t.names[ui] + "': imports " +
                                std::to_string(t.im(i)) + " exceed domestic use " + std::to_string(rep.u(i)) +
                                " (d = " + std::to_string(sh.d_unclipped(i)) +
                                "); domestic share clipped to 0 (entrepot re-exports? try the re-export option)"});
  }
  NbsTable out = t;
  out.competitive = false;
  out.Z = rep.d.asDiagonal() * t.Z;
  out.Zm = rep.s_m.asDiagonal() * t.Z;
  out.F = rep.d.asDiagonal() * t.F;
  out.Fm = rep.s_m.asDiagonal() * t.F;
  if (opt.reexport) {
    out.ex = rep.d.cwiseProduct(t.ex);
    out.ex_m = rep.s_m.cwiseProduct(t.ex);
  } else {
    out.ex_m = Vector::Zero(n);
  }
  // Imports actually attributed (differs from t.im only where d was clipped).
  out.im = out.Zm.rowwise().sum() + out.Fm.rowwise().sum() + out.ex_m;
  if (report) *report = std::move(rep);
  return out;
}

std::string NbsToIoOptions::validate() const {
  if (region.empty()) return "region must not be empty";
  if (country.empty()) return "country must not be empty";
  return {};
}

tables::IoTable nbs_to_io_table(const NbsTable& t, const NbsToIoOptions& opt) {
  if (auto e = opt.validate(); !e.empty()) throw InputError("NBS table options: " + e);
  tables::IoTable io;
  io.labels.regions = {opt.region};
  io.labels.sectors = t.codes;
  io.labels.sector_names = t.names;  // the Description column
  io.labels.countries = {opt.country};
  io.labels.country_of_region = {0};
  io.labels.fd_categories = t.fd_codes;
  io.Z = t.Z.sparseView();
  io.Y = t.F;
  io.x = t.x;
  io.va_components = t.va_codes;
  io.V = t.V;
  const Eigen::Index n = static_cast<Eigen::Index>(t.n());
  std::vector<std::pair<std::string, Vector>> ex_cols = {{"EX", t.ex}};
  if (t.competitive) ex_cols.emplace_back("IM", -t.im);
  if (t.err.size() && t.err.cwiseAbs().maxCoeff() > 0) ex_cols.emplace_back("ERR", t.err);
  io.exports.resize(n, static_cast<Eigen::Index>(ex_cols.size()));
  for (std::size_t c = 0; c < ex_cols.size(); ++c) {
    io.export_labels.push_back(ex_cols[c].first);
    io.exports.col(static_cast<Eigen::Index>(c)) = ex_cols[c].second;
  }
  if (!t.competitive) {
    if (opt.import_rows_by_product) {
      io.imports = t.Zm;
      for (const auto& c : t.codes) io.import_labels.push_back("IM/" + c);
    } else {
      io.imports = t.Zm.colwise().sum();
      io.import_labels = {"IM"};
    }
  }
  io.meta.name = "China " + t.year + " national IO table (" + std::to_string(t.n()) + " sectors, " +
                 (t.competitive ? "competitive imports" : "non-competitive imports") + ")";
  io.meta.year = t.year;
  io.meta.unit = "10000 CNY";
  io.meta.price_basis = "producers' prices";
  io.meta.source = t.path + " (National Bureau of Statistics of China, via the R package ionet)";
  io.meta.history.push_back("read_nbs_csv " + t.path);
  io.validate_shapes(t.path);
  return io;
}

NbsTable aggregate_sectors(const NbsTable& t, const std::vector<int>& group_of, const std::vector<std::string>& codes,
                           const std::vector<std::string>& names) {
  const std::size_t N = t.n(), M = codes.size();
  if (group_of.size() != N)
    throw InputError(t.path + ": concordance has " + std::to_string(group_of.size()) + " entries for " +
                     std::to_string(N) + " sectors");
  Matrix S = Matrix::Zero(static_cast<Eigen::Index>(M), static_cast<Eigen::Index>(N));
  for (std::size_t i = 0; i < N; ++i) {
    if (group_of[i] < 0 || static_cast<std::size_t>(group_of[i]) >= M)
      throw InputError(t.path + ": sector " + t.codes[i] + " maps to no target sector");
    S(group_of[i], static_cast<Eigen::Index>(i)) = 1.0;
  }
  // methods.md §6.1: Z' = S Z S', F' = S F, x' = S x, va' = S va (here V' = V S').
  NbsTable a;
  a.path = t.path;
  a.year = t.year;
  a.competitive = t.competitive;
  a.codes = codes;
  a.names = names;
  a.names_zh.assign(M, "");
  a.fd_codes = t.fd_codes;
  a.Z = S * t.Z * S.transpose();
  a.F = S * t.F;
  a.ex = S * t.ex;
  a.im = S * t.im;
  a.err = S * t.err;
  a.x = S * t.x;
  if (t.Zm.size()) {
    a.Zm = S * t.Zm * S.transpose();
    a.Fm = S * t.Fm;
    a.ex_m = S * t.ex_m;
  }
  a.va_codes = t.va_codes;
  a.V = t.V * S.transpose();
  return a;
}

}  // namespace irio::io
