// SPDX-License-Identifier: MIT
// `irio batch --summary` over a verb with a text column (circulation: the coupling `band`): the
// summaries are over the numeric values, one per unit even where the band changes between draws;
// the band's distribution is its own table; the `draw` column stays numeric. On the bundled WIOD
// 2011 table (the EU members as the regions of one country) with seeded draws, against means and shares formed here from the panel.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <map>
#include <set>

#include "irio/analysis/runtime/batch.h"
#include "tests/analysis/cli_dir.h"

namespace irio {
namespace {

const std::string kWiod = std::string(IRIO_SOURCE_DIR) + "/tables/data/wiod2011.h5";

const tables::TidyTable& named(const std::vector<tables::TidyTable>& ts, const std::string& name) {
  for (const auto& t : ts)
    if (t.name() == name) return t;
  BOOST_FAIL("no table " + name);
  return ts.front();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(batch_band)

BOOST_AUTO_TEST_CASE(band_changes_do_not_split_a_summary) {
  // The EU members as the regions of one country, so that their NVC (and band) is defined.
  OpenOptions opt;
  opt.countries = std::string(IRIO_SOURCE_DIR) + "/tables/data/wiod2011_eu27.csv";
  const Analysis a = Analysis::open(kWiod, opt);
  BatchRequest r;
  r.verb = "circulation";
  r.draws = 4;
  r.seed = 11;
  r.perturbations = {parse_perturbation("Z:lognormal:0.5")};
  r.summary = true;
  BOOST_CHECK(r.table_names() == (std::vector<std::string>{"circulation", "circulation_summary", "coupling",
                                                           "coupling_summary", "coupling_bands"}));
  const auto res = batch_draws(a, r);
  BOOST_REQUIRE_EQUAL(res.tables.size(), 5u);
  const auto& panel = named(res.tables, "coupling");
  BOOST_REQUIRE(panel.key_columns() ==
                (std::vector<std::string>{"draw", "scope", "unit", "band", "normalisation", "indicator"}));
  // The draw column holds draw numbers only.
  for (const auto& d : panel.levels(0)) BOOST_CHECK_MESSAGE(d.find_first_not_of("0123456789") == std::string::npos, d);

  // Per (scope, unit, indicator) over draws 1..4: values and bands.
  std::map<std::string, std::vector<double>> values;
  std::map<std::string, std::map<std::string, int>> bands;
  for (std::size_t i = 0; i < panel.num_rows(); ++i) {
    if (panel.key(0, i) == "0") continue;
    const std::string k = panel.key(1, i) + "|" + panel.key(2, i) + "|" + panel.key(5, i);
    if (!std::isnan(panel.value(i))) values[k].push_back(panel.value(i));
    bands[k][panel.key(3, i)] += 1;
  }
  std::size_t changed = 0;
  for (const auto& [k, b] : bands) changed += b.size() > 1;
  BOOST_REQUIRE_MESSAGE(changed > 0, "no unit changes band between the draws: the test checks nothing");

  const auto& summary = named(res.tables, "coupling_summary");
  BOOST_REQUIRE(summary.key_columns() ==
                (std::vector<std::string>{"statistic", "scope", "unit", "normalisation", "indicator"}));
  std::map<std::string, int> means;
  for (std::size_t i = 0; i < summary.num_rows(); ++i) {
    if (summary.key(0, i) != "mean") continue;
    const std::string k = summary.key(1, i) + "|" + summary.key(2, i) + "|" + summary.key(4, i);
    means[k] += 1;
    const auto& v = values[k];
    double m = 0;
    for (double x : v) m += x;
    if (!v.empty()) BOOST_CHECK_CLOSE(summary.value(i), m / static_cast<double>(v.size()), 1e-10);
  }
  BOOST_CHECK_EQUAL(means.size(), bands.size());
  for (const auto& [k, n] : means) BOOST_CHECK_MESSAGE(n == 1, k << ": " << n << " mean rows");

  const auto& shares = named(res.tables, "coupling_bands");
  BOOST_REQUIRE(shares.key_columns() ==
                (std::vector<std::string>{"scope", "unit", "normalisation", "indicator", "band"}));
  BOOST_CHECK_EQUAL(shares.value_column(), "share");
  std::map<std::string, double> total;
  for (std::size_t i = 0; i < shares.num_rows(); ++i) {
    const std::string k = shares.key(0, i) + "|" + shares.key(1, i) + "|" + shares.key(3, i);
    BOOST_CHECK_CLOSE(shares.value(i), bands[k][shares.key(4, i)] / 4.0, 1e-12);
    total[k] += shares.value(i);
  }
  for (const auto& [k, t] : total) BOOST_CHECK_CLOSE(t, 1.0, 1e-12);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace irio
