// SPDX-License-Identifier: MIT
// Eora26 import. Layout (Eora26 download page and its ReadMe; the same facts are used by pymrio's
// parse_eora26): per year and price basis, files Eora26_<year>_<price>_{T,FD,VA,Q,QY}.txt,
// tab-separated numbers without headers; their rows and columns are labelled by labels_T.txt
// (country, code, "Industries", sector), labels_FD.txt (country, code, "Final Demand",
// category), labels_VA.txt (primary input) and labels_Q.txt (stressor with its unit in
// parentheses, source). The last entry of labels_T.txt is the rest of the world "ROW", one
// statistical-discrepancy row and column.
#include "irio/io/import_eora.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <regex>

#include "irio/io/internal/memory_guard.h"
#include "irio/tables/error.h"

namespace fs = std::filesystem;

namespace irio::io {
namespace {

const char* const kRow = "ROW";

/// Where the files are: a folder, a zip, and the label files (the same container, or indices.zip
/// or labels_*.txt beside it).
struct EoraFiles {
  std::string folder, zip, indices_zip;
  std::vector<std::string> members;  // of zip
  std::vector<std::string> index_members;

  /// Text and label of a data file whose name ends in `suffix` (e.g. "_T.txt") and holds the year/price.
  std::pair<std::string, std::string> data(const std::string& suffix, const std::string& year, const std::string& price,
                                           bool required) const {
    std::vector<std::string> names = zip.empty() ? list_folder() : members, hits;
    for (const auto& m : names) {
      const std::string base = fs::path(m).filename().string();
      if (base.size() > suffix.size() && base.compare(base.size() - suffix.size(), suffix.size(), suffix) == 0 &&
          base.find("Eora26") != std::string::npos && (year.empty() || base.find(year) != std::string::npos) &&
          base.find("_" + price + "_") != std::string::npos)
        hits.push_back(m);
    }
    const std::string where = zip.empty() ? "Eora26 folder '" + folder + "'" : zip;
    if (hits.empty()) {
      if (!required) return {};
      throw InputError(where + ": no file Eora26_" + (year.empty() ? std::string("<year>") : year) + "_" + price +
                       suffix + " (it holds " + wr_quote_list(names, 12) + ")");
    }
    if (hits.size() > 1)
      throw InputError(where + ": several files end in " + suffix + " (" + wr_quote_list(hits) + "): give the year");
    if (zip.empty()) return {wr_file_text(hits[0]), hits[0]};
    return {wr_zip_text(zip, hits[0]), zip + ":" + hits[0]};
  }

  /// A label file: in the zip, else in indices.zip, else in the folder.
  std::pair<std::string, std::string> labels(const std::string& name) const {
    auto in = [&](const std::vector<std::string>& list) -> std::string {
      for (const auto& m : list)
        if (fs::path(m).filename().string() == name) return m;
      return {};
    };
    if (!zip.empty())
      if (auto m = in(members); !m.empty()) return {wr_zip_text(zip, m), zip + ":" + m};
    if (!indices_zip.empty())
      if (auto m = in(index_members); !m.empty()) return {wr_zip_text(indices_zip, m), indices_zip + ":" + m};
    const fs::path p = fs::path(folder) / name;
    std::error_code ec;
    if (fs::exists(p, ec)) return {wr_file_text(p.string()), p.string()};
    throw InputError((zip.empty() ? "Eora26 folder '" + folder + "'" : zip) + ": no " + name +
                     " (looked in the archive, in indices.zip and in the folder '" + folder + "')");
  }

  std::vector<std::string> list_folder() const {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(folder, ec))
      if (e.is_regular_file(ec)) out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
  }
};

/// Lines of a label file split at tabs (trailing empty fields dropped); blank lines skipped.
struct LabelLine {
  std::size_t line;
  std::vector<std::string> f;
};
std::vector<LabelLine> label_lines(const std::string& text) {
  std::vector<LabelLine> out;
  std::size_t pos = 0, line = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    ++line;
    std::string l = text.substr(pos, eol - pos);
    if (!l.empty() && l.back() == '\r') l.pop_back();
    pos = eol + 1;
    std::vector<std::string> f;
    std::size_t a = 0;
    while (true) {
      const std::size_t b = l.find('\t', a);
      std::string s = l.substr(a, b == std::string::npos ? std::string::npos : b - a);
      while (!s.empty() && s.back() == ' ') s.pop_back();
      while (!s.empty() && s.front() == ' ') s.erase(0, 1);
      f.push_back(s);
      if (b == std::string::npos) break;
      a = b + 1;
    }
    while (!f.empty() && f.back().empty()) f.pop_back();
    if (!f.empty()) out.push_back({line, f});
  }
  return out;
}

/// Region code and entry of a labels_T / labels_FD line (country, code, kind, name).
struct Entry {
  std::string country, code, kind, name;
};

std::vector<Entry> entries(const std::pair<std::string, std::string>& file, const std::string& kind_expected) {
  std::vector<Entry> out;
  for (const auto& l : label_lines(file.first)) {
    if (l.f.size() < 4)
      throw InputError(file.second + ":" + std::to_string(l.line) + ": " + std::to_string(l.f.size()) +
                       " tab-separated fields, expected 4 (country, code, '" + kind_expected + "', name)");
    out.push_back({l.f[0], l.f[1], l.f[2], l.f[3]});
  }
  if (out.empty()) throw InputError(file.second + ": no labels");
  return out;
}

}  // namespace

std::string EoraImportOptions::validate() const {
  if (price != "bp" && price != "pp") return "price must be bp or pp, got '" + price + "'";
  if (!year.empty() && (year.size() != 4 || !std::all_of(year.begin(), year.end(), ::isdigit)))
    return "year must be four digits, got '" + year + "'";
  return {};
}

namespace {

WorldImport import_eora_impl(const std::string& path, const EoraImportOptions& opt) {
  EoraFiles src;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    src.folder = path;
    // A folder of zips: the year's zip.
    bool has_txt = false;
    for (const auto& f : src.list_folder())
      if (f.find("Eora26") != std::string::npos && f.size() > 6 && f.compare(f.size() - 6, 6, "_T.txt") == 0)
        has_txt = true;
    if (!has_txt) {
      std::vector<std::string> zips;
      for (const auto& f : src.list_folder()) {
        const std::string b = fs::path(f).filename().string();
        if (wr_is_zip(f) && b.find("Eora26") != std::string::npos && b.find("_" + opt.price) != std::string::npos &&
            (opt.year.empty() || b.find(opt.year) != std::string::npos))
          zips.push_back(f);
      }
      if (zips.size() == 1) src.zip = zips[0];
      else if (zips.size() > 1)
        throw InputError("Eora26 folder '" + path + "' holds several zips (" + wr_quote_list(zips) + "): give --year");
      else
        throw InputError("Eora26 folder '" + path + "' holds no Eora26_" + (opt.year.empty() ? "<year>" : opt.year) +
                         "_" + opt.price + "_T.txt and no Eora26_" + (opt.year.empty() ? "<year>" : opt.year) + "_" +
                         opt.price + ".zip");
    }
  } else if (wr_is_zip(path)) {
    src.zip = path;
    src.folder = fs::path(path).parent_path().string();
    if (src.folder.empty()) src.folder = ".";
  } else {
    throw InputError(path + ": not a folder or a zip (Eora26: the folder of Eora26_<year>_<price>_*.txt, or the zip)");
  }
  if (!src.zip.empty()) src.members = wr_zip_members(src.zip);
  {
    const fs::path ind = fs::path(src.folder) / "indices.zip";
    if (fs::exists(ind, ec) && ind.string() != src.zip) {
      src.indices_zip = ind.string();
      src.index_members = wr_zip_members(src.indices_zip);
    }
  }

  // --- labels
  const auto lt = src.labels("labels_T.txt");
  const auto lfd = src.labels("labels_FD.txt");
  const auto lva = src.labels("labels_VA.txt");
  const std::vector<Entry> T = entries(lt, "Industries"), FD = entries(lfd, "Final Demand");
  std::vector<std::string> va_names;
  for (const auto& l : label_lines(lva.first)) va_names.push_back(l.f.size() > 1 ? l.f[1] : l.f[0]);
  if (va_names.empty()) throw InputError(lva.second + ": no labels");

  // Regions and sectors from labels_T: every region but ROW has the sectors of the first.
  std::vector<std::string> regions, region_names, sectors;
  std::vector<long> keep_t(T.size(), -1);
  std::size_t dropped_t = 0;
  for (std::size_t i = 0; i < T.size(); ++i) {
    if (T[i].code == kRow) {
      ++dropped_t;
      continue;
    }
    if (regions.empty() || regions.back() != T[i].code) {
      if (std::find(regions.begin(), regions.end(), T[i].code) != regions.end())
        throw InputError(lt.second + ": entry " + std::to_string(i + 1) + " of '" + T[i].code +
                         "' after another country's: a country's sectors must be consecutive");
      regions.push_back(T[i].code);
      region_names.push_back(T[i].country);
    }
    if (regions.size() == 1) sectors.push_back(T[i].name);
  }
  if (regions.empty()) throw InputError(lt.second + ": no country other than ROW");
  const std::size_t N = sectors.size(), G = regions.size();
  for (std::size_t i = 0, k = 0; i < T.size(); ++i) {
    if (T[i].code == kRow) continue;
    const std::size_t r = k / N, s = k % N;
    if (r >= G || T[i].code != regions[r] || T[i].name != sectors[s])
      throw InputError(lt.second + ": entry " + std::to_string(i + 1) + " is '" + T[i].code + "' / '" + T[i].name +
                       "', expected '" + (r < G ? regions[r] : std::string("?")) + "' / '" + sectors[s] +
                       "' (every country lists the " + std::to_string(N) + " sectors of " + regions[0] + " in order)");
    keep_t[i] = static_cast<long>(k);
    ++k;
  }
  if ((T.size() - dropped_t) != G * N)
    throw InputError(lt.second + ": " + std::to_string(T.size() - dropped_t) + " entries besides ROW, expected " +
                     std::to_string(G) + " countries x " + std::to_string(N) + " sectors");
  // Final-demand categories: those of the first country, for every country in the order of T.
  std::vector<std::string> cats;
  for (const auto& e : FD)
    if (e.code == FD[0].code) cats.push_back(e.name);
  const std::size_t K = cats.size();
  std::vector<long> keep_fd(FD.size(), -1);
  std::size_t dropped_fd = 0;
  for (std::size_t j = 0; j < FD.size(); ++j) {
    if (FD[j].code == kRow) {
      ++dropped_fd;
      continue;
    }
    const int r = tables::Labels::find(regions, FD[j].code);
    const int k = tables::Labels::find(cats, FD[j].name);
    if (r < 0)
      throw InputError(
          lfd.second + ": entry " + std::to_string(j + 1) + " names country '" + FD[j].code +
          "', which labels_T.txt does not have (nearest: " + tables::Labels::nearest(regions, FD[j].code, 2) + ")");
    if (k < 0)
      throw InputError(lfd.second + ": entry " + std::to_string(j + 1) + " of " + FD[j].code + " is category '" +
                       FD[j].name + "', not one of " + FD[0].code + "'s " + wr_quote_list(cats));
    keep_fd[j] = static_cast<long>(static_cast<std::size_t>(r) * K + static_cast<std::size_t>(k));
  }
  if (FD.size() - dropped_fd != G * K)
    throw InputError(lfd.second + ": " + std::to_string(FD.size() - dropped_fd) + " entries besides ROW, expected " +
                     std::to_string(G) + " countries x " + std::to_string(K) + " categories");

  // --- matrices
  const std::size_t nT = T.size(), nFD = FD.size(), nVA = va_names.size();
  auto read = [&](const std::string& suffix, std::size_t rows, std::size_t cols, const std::string& what,
                  bool required) {
    const auto d = src.data(suffix, opt.year, opt.price, required);
    if (d.second.empty()) return std::make_pair(tables::Matrix(), std::string());
    return std::make_pair(wr_read_numbers(d.first, d.second, rows, cols, '\t', what), d.second);
  };
  const std::string sizes_t = "labels_T.txt has " + std::to_string(nT) + " entries";
  const auto [Tm, t_file] = read("_T.txt", nT, nT, sizes_t, true);
  const auto [FDm, fd_file] = read("_FD.txt", nT, nFD, sizes_t + ", labels_FD.txt " + std::to_string(nFD), true);
  const auto [VAm, va_file] =
      read("_VA.txt", nVA, nT, "labels_VA.txt has " + std::to_string(nVA) + " entries, " + sizes_t, true);

  // labels_Q: stressor "(unit)" and source; Q and QY when present.
  std::vector<std::string> q_names, q_units;
  tables::Matrix Qm, QYm;
  std::string q_file;
  {
    const auto q = src.data("_Q.txt", opt.year, opt.price, false);
    if (!q.second.empty()) {
      const auto lq = src.labels("labels_Q.txt");
      static const std::regex unit_re("^(.*?)\\s*\\(([^()]*)\\)\\s*$");
      for (const auto& l : label_lines(lq.first)) {
        std::smatch m;
        std::string name = l.f[0], unit;
        if (std::regex_match(l.f[0], m, unit_re)) name = m[1], unit = m[2];
        if (l.f.size() > 1 && !l.f[1].empty()) name += " | " + l.f[1];
        q_names.push_back(name);
        q_units.push_back(unit);
      }
      q_file = q.second;
      Qm = wr_read_numbers(q.first, q.second, q_names.size(), nT, '\t',
                           "labels_Q.txt has " + std::to_string(q_names.size()) + " entries, " + sizes_t);
      const auto qy = src.data("_QY.txt", opt.year, opt.price, false);
      if (!qy.second.empty())
        QYm = wr_read_numbers(
            qy.first, qy.second, q_names.size(), nFD, '\t',
            "labels_Q.txt has " + std::to_string(q_names.size()) + " entries, labels_FD.txt " + std::to_string(nFD));
    }
  }

  // --- assemble without ROW
  const std::size_t n = G * N;
  const auto ni = static_cast<Eigen::Index>(n);
  WorldImport w;
  tables::IoTable& t = w.table;
  tables::Matrix Z = tables::Matrix::Zero(ni, ni);
  t.Y = tables::Matrix::Zero(ni, static_cast<Eigen::Index>(G * K));
  t.V = tables::Matrix::Zero(static_cast<Eigen::Index>(nVA), ni);
  double row_to_z = 0, z_to_row = 0, row_fd = 0, fd_of_row = 0, va_row = 0, q_row = 0, qy_row = 0;
  for (std::size_t i = 0; i < nT; ++i) {
    const auto ii = static_cast<Eigen::Index>(i);
    for (std::size_t j = 0; j < nT; ++j) {
      const double v = Tm(ii, static_cast<Eigen::Index>(j));
      if (keep_t[i] >= 0 && keep_t[j] >= 0) Z(keep_t[i], keep_t[j]) = v;
      else if (keep_t[i] < 0) row_to_z += v;
      else z_to_row += v;
    }
    for (std::size_t j = 0; j < nFD; ++j) {
      const double v = FDm(ii, static_cast<Eigen::Index>(j));
      if (keep_t[i] >= 0 && keep_fd[j] >= 0) t.Y(keep_t[i], keep_fd[j]) = v;
      else if (keep_t[i] < 0) row_fd += v;
      else fd_of_row += v;
    }
    for (std::size_t k = 0; k < nVA; ++k) {
      const double v = VAm(static_cast<Eigen::Index>(k), ii);
      if (keep_t[i] >= 0) t.V(static_cast<Eigen::Index>(k), keep_t[i]) = v;
      else va_row += v;
    }
  }
  t.Z = Z.sparseView(0.0, 0.0);
  Z.resize(0, 0);
  t.x = t.row_total();  // Eora gives no output vector: x = Z 1 + Y 1 once ROW is dropped
  t.va_components = va_names;
  if (!q_names.empty()) {
    tables::Satellite s;
    s.name = "Q";
    s.stressors = q_names;
    s.units = q_units;
    s.F = tables::Matrix::Zero(static_cast<Eigen::Index>(q_names.size()), ni);
    s.F_Y = tables::Matrix::Zero(static_cast<Eigen::Index>(q_names.size()),
                                 QYm.size() ? static_cast<Eigen::Index>(G * K) : 0);
    for (std::size_t i = 0; i < nT; ++i)
      for (std::size_t k = 0; k < q_names.size(); ++k) {
        const double v = Qm(static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(i));
        if (keep_t[i] >= 0) s.F(static_cast<Eigen::Index>(k), keep_t[i]) = v;
        else q_row += v;
      }
    if (QYm.size())
      for (std::size_t j = 0; j < nFD; ++j)
        for (std::size_t k = 0; k < q_names.size(); ++k) {
          const double v = QYm(static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(j));
          if (keep_fd[j] >= 0) s.F_Y(static_cast<Eigen::Index>(k), keep_fd[j]) = v;
          else qy_row += v;
        }
    t.satellites.push_back(std::move(s));
  }

  auto& labels = t.labels;
  labels.regions = regions;
  labels.region_names = region_names;
  labels.sectors = sectors;
  labels.fd_categories = cats;
  labels.set_each_region_own_country();
  std::string year = opt.year;
  if (year.empty()) {
    static const std::regex y("Eora26_((19|20)[0-9][0-9])_");
    std::smatch m;
    if (std::regex_search(t_file, m, y)) year = m[1];
  }
  t.meta.name = "Eora26 " + year + " (" + (opt.price == "bp" ? "basic prices" : "purchasers' prices") + ")";
  t.meta.year = year;
  t.meta.unit = "USD thousand";
  t.meta.price_basis = opt.price == "bp" ? "basic prices, current prices" : "purchasers' prices, current prices";
  t.meta.source =
      "Eora26, worldmrio.com; Lenzen, Kanemoto, Moran and Geschke (2012), Environmental Science & Technology "
      "46(15): 8374-8381; Lenzen, Moran, Kanemoto and Geschke (2013), Economic Systems Research 25(1): 20-49";
  t.meta.history.push_back("import eora26: " + t_file + "; ROW (statistical discrepancies) dropped");

  w.notes.push_back(t_file + ": Eora26 " + year + " " + opt.price + ", " + std::to_string(G) + " countries x " +
                    std::to_string(N) + " sectors, final demand " + wr_quote_list(cats, 6) + " per country");
  w.notes.push_back("dropped the rest-of-world entry ROW (" + std::to_string(dropped_t) +
                    " statistical-discrepancy row and column of T, " + std::to_string(dropped_fd) +
                    " final-demand columns): its sales to industries " + wr_num(row_to_z) + " and to final demand " +
                    wr_num(row_fd) + ", its purchases from industries " + wr_num(z_to_row) +
                    ", final demand it absorbed " + wr_num(fd_of_row) + ", its value added " + wr_num(va_row));
  w.notes.push_back("V: the " + std::to_string(nVA) + " primary inputs of " + va_file + " (" +
                    wr_quote_list(va_names, 6) +
                    "); x: row totals Z 1 + Y 1 after dropping ROW (Eora gives no output vector)");
  if (!q_names.empty())
    w.notes.push_back("satellite 'Q': " + std::to_string(q_names.size()) + " stressors of " + q_file +
                      " with their units from labels_Q.txt" +
                      (QYm.size() ? " and final-demand use QY" : ", no QY file") +
                      (q_row != 0 || qy_row != 0 ? "; ROW's entries dropped (" + wr_num(q_row + qy_row) + ")" : ""));
  else w.notes.push_back("no Q file: no satellites");
  w.notes.push_back("units: USD thousand (Eora's current US$ '000), " + t.meta.price_basis);
  t.validate_shapes(t_file);
  return w;
}

}  // namespace

WorldImport import_eora26(const std::string& path, const EoraImportOptions& opt) {
  if (auto e = opt.validate(); !e.empty()) throw InputError("Eora26 '" + path + "': " + e);
  return internal::guard_memory(path, [&] { return import_eora_impl(path, opt); });
}

}  // namespace irio::io
