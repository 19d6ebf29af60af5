// SPDX-License-Identifier: MIT
// Validation against decompr 7.0.0 / gvc 6.4 on their `leather` table: WWZ 16 terms and the
// WWZ->KWW map by exporter-sector x importer, KWW 9 terms, Borin-Mancini exporter source / sink
// (with VAXIM), world source / sink, the sector and sectoral-bilateral ("self") perspectives and
// the import decomposition, the Leontief decompositions (post = final_demand, exports, output,
// none), gvc's i2e / e2r / nrca / dfddva / dfdfva / ffddva, upstreamness and downstreamness; every
// cell to 1e-10 relative.
#include <algorithm>
#include <cmath>
#include <functional>

#include "irio/io/csv_reader.h"
#include "irio/solver/gvc/position.h"
#include "irio/solver/gvc/trade.h"
#include "irio/solver/leontief_model.h"
#include "irio/validation/cases.h"
#include "irio/validation/textbook_tables.h"

namespace irio::validation {
namespace {

using tables::Matrix;
constexpr double kPeerTol = 1e-10;

struct Leather {
  tables::IoTable table;
  int region(const std::string& c) const { return tables::Labels::find(table.labels.regions, c); }
  int row(const std::string& c, const std::string& s) const {
    const int r = region(c), i = tables::Labels::find(table.labels.sectors, s);
    return r < 0 || i < 0 ? -1 : r * static_cast<int>(table.labels.num_sectors()) + i;
  }
};

/// Compare a decompr CSV whose first `keys` columns identify the cell; `value(fields, measure)`
/// gives irio's number. Measures irio does not compute are listed in `skip`.
void compare(Report& rep, const std::string& path, const std::string& quantity, std::size_t keys,
             const std::function<double(const std::vector<std::string>&, const std::string&)>& value,
             const std::vector<std::string>& skip = {}) {
  const auto f = io::read_csv(path);
  const auto& h = f.rows.at(0).fields;
  for (std::size_t r = 1; r < f.rows.size(); ++r) {
    const auto& row = f.rows[r].fields;
    std::string key;
    for (std::size_t k = 0; k < keys; ++k) key += (k ? "/" : "") + row[k];
    for (std::size_t c = keys; c < h.size(); ++c) {
      if (std::find(skip.begin(), skip.end(), h[c]) != skip.end() || h[c].rfind("texp", 0) == 0) continue;
      rep.relative("decompr_leather", quantity + " " + h[c], key, f.number(r, c, h[c]), value(row, h[c]), kPeerTol);
    }
  }
}

void decompr_leather(const std::string& dir, Report& rep) {
  const std::string out = dir + "/decompr_leather/decompr_outputs/";
  Leather L{leather_table(dir)};
  solver::LeontiefModel m(L.table);
  solver::gvc::TradeContext ctx(m, solver::Perimeter::kRegion);
  const auto G = static_cast<Eigen::Index>(L.table.labels.num_regions());

  // Bilateral-sector cells (n x G); the own-country rows are zero in decompr's files.
  auto bilateral = [&](const solver::gvc::TradeResult& res) {
    return [&L, &res](const std::vector<std::string>& row, const std::string& meas) {
      const int i = L.row(row[0], row[1]), imp = L.region(row[2]);
      if (i < 0 || imp < 0) return std::nan("");
      return L.region(row[0]) == imp ? 0.0 : res[meas](i, imp);
    };
  };
  auto by_sector = [&](const solver::gvc::TradeResult& res) {
    return [&L, &res, G](const std::vector<std::string>& row, const std::string& meas) {
      const int i = L.row(row[0], row[1]), s = L.region(row[0]);
      double sum = 0;
      for (Eigen::Index r = 0; r < G; ++r)
        if (r != s) sum += res[meas](i, r);
      return sum;
    };
  };
  auto by_country = [&](const solver::gvc::TradeResult& res, bool sum_bilateral) {
    return [&L, &res, G, sum_bilateral](const std::vector<std::string>& row, const std::string& meas) {
      const int s = L.region(row[0]);
      if (!sum_bilateral) return res[meas](s, 0);
      const auto N = static_cast<Eigen::Index>(L.table.labels.num_sectors());
      double sum = 0;
      for (Eigen::Index i = s * N; i < (s + 1) * N; ++i)
        for (Eigen::Index r = 0; r < G; ++r)
          if (r != s) sum += res[meas](i, r);
      return sum;
    };
  };

  const auto wwz = solver::gvc::wwz_decomposition(ctx);
  compare(rep, out + "wwz.csv", "WWZ", 3, bilateral(wwz), {"DViX_Fsr"});
  const auto w2k = solver::gvc::wwz_to_kww(ctx, wwz);
  compare(rep, out + "wwz2kww.csv", "WWZ->KWW", 3, bilateral(w2k));
  const auto kww = solver::gvc::kww_decomposition(ctx);
  compare(rep, out + "kww.csv", "KWW", 1, by_country(kww, false));
  const auto src = solver::gvc::bm_exporter_source(ctx);
  compare(rep, out + "bm_bilateral_exporter_source.csv", "BM exporter source", 3, bilateral(src));
  compare(rep, out + "bm_sector_exporter_source.csv", "BM exporter source (sector)", 2, by_sector(src));
  compare(rep, out + "bm_country_exporter_source.csv", "BM exporter source (country)", 1, by_country(src, true));
  const auto snk = solver::gvc::bm_exporter_sink(ctx);
  compare(rep, out + "bm_bilateral_exporter_sink.csv", "BM exporter sink", 3, bilateral(snk));
  compare(rep, out + "bm_sector_exporter_sink.csv", "BM exporter sink (sector)", 2, by_sector(snk));
  const auto sbi = solver::gvc::bm_self(ctx, false), sec = solver::gvc::bm_self(ctx, true);
  compare(rep, out + "bm_bilateral_self.csv", "BM sectoral-bilateral perspective", 3, bilateral(sbi));
  compare(rep, out + "bm_sector_self.csv", "BM sector perspective", 2,
          [&](const std::vector<std::string>& row, const std::string& meas) {
            const int i = L.row(row[0], row[1]);
            return i < 0 ? std::nan("") : sec[meas](i, 0);
          });
  const auto imp = solver::gvc::bm_imports(ctx);
  compare(rep, out + "bm_imports_country.csv", "BM imports", 1,
          [&](const std::vector<std::string>& row, const std::string& meas) {
            const int r = L.region(row[0]);
            return r < 0 ? std::nan("") : imp[meas].row(r).sum();
          });
  compare(rep, out + "bm_imports_bilateral.csv", "BM imports (by origin)", 2,
          [&](const std::vector<std::string>& row, const std::string& meas) {
            const int r = L.region(row[0]), t = L.region(row[1]);
            return r < 0 || t < 0 ? std::nan("") : imp[meas](r, t);
          });
  const auto ws = solver::gvc::bm_world(ctx, false), wk = solver::gvc::bm_world(ctx, true);
  compare(rep, out + "bm_country_world_source.csv", "BM world source", 1, by_country(ws, false));
  compare(rep, out + "bm_country_world_sink.csv", "BM world sink", 1, by_country(wk, false));

  const auto vby = solver::gvc::value_added_absorption(ctx);
  compare(rep, out + "leontief_final_demand.csv", "VBY", 1,
          [&](const std::vector<std::string>& row, const std::string& meas) {
            const auto dot = row[0].find('.');
            const int i = L.row(row[0].substr(0, dot), row[0].substr(dot + 1)), r = L.region(meas);
            return i < 0 || r < 0 ? std::nan("") : vby["VBY"](i, r);
          });
  // Leontief decompositions v^ L diag(post), wide (id x Country.Industry) and long.
  auto row_of = [&](const std::string& id) {
    const auto dot = id.find('.');
    return dot == std::string::npos ? -1 : L.row(id.substr(0, dot), id.substr(dot + 1));
  };
  for (const std::string post : {"exports", "output", "none"}) {
    const auto dec = solver::gvc::leontief_decomposition(ctx, post);
    const Matrix& M = dec.cells.at(0);
    compare(rep, out + "leontief_" + post + ".csv", "leontief " + post, 1,
            [&](const std::vector<std::string>& row, const std::string& meas) {
              const int i = row_of(row[0]), j = row_of(meas);
              return i < 0 || j < 0 ? std::nan("") : M(i, j);
            });
    if (post == "exports")
      compare(rep, out + "leontief_exports_long.csv", "leontief exports (long)", 4,
              [&](const std::vector<std::string>& row, const std::string&) {
                const int i = L.row(row[0], row[1]), j = L.row(row[2], row[3]);
                return i < 0 || j < 0 ? std::nan("") : M(i, j);
              });
  }
  // gvc 6.4 indicators.
  const auto g = solver::gvc::gvc_indicators(ctx);
  auto per_row = [&](const tables::Vector& vals) {
    return [&L, &vals](const std::vector<std::string>& row, const std::string&) {
      const int i = L.row(row[0], row[1]);
      return i < 0 ? std::nan("") : vals(i);
    };
  };
  compare(rep, out + "gvc_i2e.csv", "gvc i2e", 2, per_row(g.i2e));
  compare(rep, out + "gvc_e2r.csv", "gvc e2r", 2, per_row(g.e2r));
  compare(rep, out + "gvc_ffddva.csv", "gvc ffddva", 2, per_row(g.ffddva));
  compare(rep, out + "gvc_nrca.csv", "gvc nrca", 1, [&](const std::vector<std::string>& row, const std::string&) {
    const int i = row_of(row[0]);
    return i < 0 ? std::nan("") : g.nrca(i);
  });
  auto per_absorber = [&](const Matrix& vals) {
    return [&L, &vals](const std::vector<std::string>& row, const std::string&) {
      const int r = L.region(row[0]), k = tables::Labels::find(L.table.labels.sectors, row[1]);
      return r < 0 || k < 0 ? std::nan("") : vals(r, k);
    };
  };
  // gvc names the value column of both files "dfdfva".
  compare(rep, out + "gvc_dfddva.csv", "gvc dfddva", 2, per_absorber(g.dfddva));
  compare(rep, out + "gvc_dfdfva.csv", "gvc dfdfva", 2, per_absorber(g.dfdfva));

  const auto pos = solver::gvc::position_and_length(m);
  compare(rep, out + "gvc_upstream_downstream.csv", "gvc", 1,
          [&](const std::vector<std::string>& row, const std::string& meas) {
            const auto dot = row[0].find('.');
            const int i = L.row(row[0].substr(0, dot), row[0].substr(dot + 1));
            if (i < 0) return std::nan("");
            return meas == "upstream" ? pos.upstreamness(i) : pos.downstreamness(i);
          });
}

}  // namespace

void add_decompr_cases(std::vector<Case>& cases) {
  cases.push_back({"decompr_leather",
                   "decompr 7.0.0 / gvc 6.4 on leather: WWZ, WWZ->KWW, KWW, Borin-Mancini, Leontief "
                   "decompositions, gvc indicators, upstreamness/downstreamness (1e-10)",
                   decompr_leather});
}

}  // namespace irio::validation
