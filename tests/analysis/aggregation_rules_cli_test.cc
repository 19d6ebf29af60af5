// SPDX-License-Identifier: MIT
// `irio aggregate` of tidy results applies each indicator's rule (methods.md §6.1): flows summed,
// upstreamness and multipliers weighted by the table's value added or final demand, KPWW shares
// recomputed from summed terms; a rule that does not fit is refused with the reason. Checked on
// the bundled WIOD 2011 table against sums formed here from the result files and the model.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <map>

#include "irio/analysis/analysis.h"
#include "irio/analysis/table_jobs.h"
#include "tests/analysis/cli_dir.h"

namespace {

bool contains(const std::string& s, const std::string& what) { return s.find(what) != std::string::npos; }

const std::string kTable = std::string(IRIO_SOURCE_DIR) + "/tables/data/wiod2011.h5";

/// value of (region, sector, indicator) rows of a tidy CSV with keys region,sector,indicator.
std::map<std::string, double> by_key(const irio::tables::TidyTable& t) {
  std::map<std::string, double> m;
  for (std::size_t r = 0; r < t.num_rows(); ++r) {
    std::string k;
    for (std::size_t c = 0; c < t.num_keys(); ++c) k += t.key(c, r) + "|";
    m[k] = t.value(r);
  }
  return m;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(aggregation_rules_cli)

BOOST_FIXTURE_TEST_CASE(upstreamness_is_weighted_by_value_added_multipliers_by_final_demand, CliDir) {
  std::ofstream(file("blocs.csv")) << "member,group\nCHN,Asia\nJPN,Asia\nKOR,Asia\n*,Rest\n";
  std::string out;
  BOOST_REQUIRE_MESSAGE(run("position '" + kTable + "' -o pos.csv", out) == 0, out);
  BOOST_REQUIRE_MESSAGE(run("multipliers '" + kTable + "' -o mult.csv", out) == 0, out);
  BOOST_REQUIRE(fs::exists(dir / "pos.meta.json"));
  // Summing upstreamness (the old default) is refused with the reason.
  BOOST_CHECK_EQUAL(run("aggregate pos_position.csv --regions blocs.csv --rule sum -o bad.csv", out), 2);
  BOOST_CHECK_MESSAGE(contains(out, "does not fit 'upstreamness'") && contains(out, "value added"), out);
  BOOST_CHECK(!fs::exists(dir / "bad.csv"));
  // GVC lengths need weights the result does not hold: refused, naming what to do.
  BOOST_CHECK_EQUAL(run("aggregate pos_position.csv --regions blocs.csv -o agg.csv", out), 2);
  BOOST_CHECK_MESSAGE(contains(out, "PLv_GVC") && contains(out, "aggregate the table first"), out);

  // Upstreamness and downstreamness alone (a file the user cut from the result; --result says which).
  const auto pos = irio::read_tidy_csv(file("pos_position.csv"));
  {
    std::ofstream cut(file("up.csv"));
    cut << "region,sector,indicator,value\n";
    cut.precision(17);
    for (std::size_t r = 0; r < pos.num_rows(); ++r) {
      if (pos.key(2, r) != "upstreamness" && pos.key(2, r) != "downstreamness") continue;
      cut << pos.key(0, r) << "," << pos.key(1, r) << "," << pos.key(2, r) << ",";
      if (std::isnan(pos.value(r))) cut << "NA\n";
      else cut << pos.value(r) << "\n";
    }
  }
  BOOST_CHECK_EQUAL(run("aggregate up.csv --regions blocs.csv -o up_agg.csv", out), 2);  // which result?
  BOOST_CHECK_MESSAGE(contains(out, "--result"), out);
  BOOST_CHECK_EQUAL(run("aggregate up.csv --regions blocs.csv --result position -o up_agg.csv", out), 2);
  BOOST_CHECK_MESSAGE(contains(out, "--table"), out);  // weights need the table
  BOOST_REQUIRE_MESSAGE(
      run("aggregate up.csv --regions blocs.csv --result position --table '" + kTable + "' -o up_agg.csv", out) == 0,
      out);
  BOOST_CHECK_MESSAGE(contains(out, "upstreamness: weighted average, weights value added"), out);

  // The same sums formed here: va_j = v_j (L y)_j and y_j = (Y 1)_j from the model.
  const irio::Analysis a = irio::Analysis::open(kTable);
  const auto& m = a.model();
  const auto& lab = a.table().labels;
  const irio::Vector va = m.v().cwiseProduct(m.model_output());
  const irio::Vector y = a.table().Y.rowwise().sum();
  const auto vals = by_key(pos);
  const auto agg = by_key(irio::read_tidy_csv(file("up_agg.csv")));
  for (const std::string sector : {"c1", "c14", "c30"}) {
    double num = 0, den = 0, num_d = 0, den_d = 0;
    for (const std::string r : {"CHN", "JPN", "KOR"}) {
      const auto j = static_cast<Eigen::Index>(
          lab.index(static_cast<std::size_t>(irio::tables::Labels::find(lab.regions, r)),
                    static_cast<std::size_t>(irio::tables::Labels::find(lab.sectors, sector))));
      num += va(j) * vals.at(r + "|" + sector + "|upstreamness|region|");
      den += va(j);
      num_d += y(j) * vals.at(r + "|" + sector + "|downstreamness|region|");
      den_d += y(j);
    }
    BOOST_TEST_CONTEXT(sector) {
      BOOST_TEST(agg.at("Asia|" + sector + "|upstreamness|") == num / den, boost::test_tools::tolerance(1e-12));
      BOOST_TEST(agg.at("Asia|" + sector + "|downstreamness|") == num_d / den_d, boost::test_tools::tolerance(1e-12));
    }
  }

  // Multipliers: recognised from their manifest (mult.meta.json names the table), weights y.
  BOOST_REQUIRE_MESSAGE(run("aggregate mult.csv --regions blocs.csv -o mult_agg.csv", out) == 0, out);
  BOOST_CHECK_MESSAGE(contains(out, "result: multipliers (from the manifest"), out);
  const auto mv = by_key(irio::read_tidy_csv(file("mult.csv")));
  const auto ma = by_key(irio::read_tidy_csv(file("mult_agg.csv")));
  double num = 0, den = 0;
  for (const std::string r : {"CHN", "JPN", "KOR"}) {
    const auto j =
        static_cast<Eigen::Index>(lab.index(static_cast<std::size_t>(irio::tables::Labels::find(lab.regions, r)), 13));
    num += y(j) * mv.at(r + "|c14|output|");
    den += y(j);
  }
  BOOST_TEST(ma.at("Asia|c14|output|") == num / den, boost::test_tools::tolerance(1e-12));
}

BOOST_FIXTURE_TEST_CASE(kpww_shares_are_recomputed_from_summed_terms, CliDir) {
  std::ofstream(file("blocs.csv")) << "member,group\nDEU,EU\nFRA,EU\nITA,EU\n*,Rest\n";
  std::string out;
  BOOST_REQUIRE_MESSAGE(run("position '" + kTable + "' -o pos.csv", out) == 0, out);
  BOOST_REQUIRE_MESSAGE(run("aggregate pos_kpww.csv --by unit --regions blocs.csv -o k.csv", out) == 0, out);
  // Keys unit|indicator|perimeter| (the perimeter is a column of the result).
  const auto k = by_key(irio::read_tidy_csv(file("pos_kpww.csv")));
  const auto g = by_key(irio::read_tidy_csv(file("k.csv")));
  double iv = 0, fv = 0, e = 0;
  for (const std::string c : {"DEU", "FRA", "ITA"}) {
    iv += k.at(c + "|IV|region|");
    fv += k.at(c + "|FV|region|");
    e += k.at(c + "|E|region|");
  }
  BOOST_TEST(g.at("EU|E|region|") == e, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(g.at("EU|kpww_participation|region|") == (iv + fv) / e, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(g.at("EU|kpww_position|region|") == std::log1p(iv / e) - std::log1p(fv / e),
             boost::test_tools::tolerance(1e-12));
}

BOOST_FIXTURE_TEST_CASE(participation_points_to_chains_groups, CliDir) {
  std::ofstream(file("blocs.csv")) << "member,group\nCHN,Asia\n*,Rest\n";
  std::string out;
  BOOST_REQUIRE_MESSAGE(run("chains '" + kTable + "' -o ch.csv", out) == 0, out);
  BOOST_CHECK_EQUAL(run("aggregate ch_participation.csv --by unit --regions blocs.csv -o p.csv", out), 2);
  BOOST_CHECK_MESSAGE(contains(out, "irio chains TABLE --groups FILE"), out);
  // The catch-all line makes the grouping cover every region; --other does the same.
  BOOST_CHECK_MESSAGE(run("chains '" + kTable + "' --groups blocs.csv -o g.csv", out) == 0, out);
  std::ofstream(file("part.csv")) << "member,group\nCHN,Asia\nJPN,Asia\n";
  BOOST_CHECK_EQUAL(run("chains '" + kTable + "' --groups part.csv -o g2.csv", out), 2);
  BOOST_CHECK_MESSAGE(contains(out, "does not cover 39 regions") && contains(out, "--other"), out);
  BOOST_CHECK_MESSAGE(run("chains '" + kTable + "' --groups part.csv --other Rest -o g3.csv", out) == 0, out);
  const auto g3 = irio::read_tidy_csv(file("g3_participation_by_group.csv"));
  bool rest = false;
  for (std::size_t r = 0; r < g3.num_rows(); ++r) rest = rest || g3.key(1, r) == "Rest";
  BOOST_CHECK(rest);
}

BOOST_FIXTURE_TEST_CASE(weighted_rule_takes_its_weights_from_basis, CliDir) {
  // A result irio did not write (no manifest): --rule weighted averages with the weights of
  // --basis; the old name --other (a catch-all group in chains/analyse) is not accepted here.
  std::ofstream(file("m.csv")) << "region,sector,indicator,value\nA,s1,output,2\nB,s1,output,3\nC,s1,output,5\n";
  std::ofstream(file("w.csv")) << "region,sector,value\nA,s1,1\nB,s1,3\nC,s1,4\n";
  std::ofstream(file("g.csv")) << "member,group\nA,AB\nB,AB\nC,C\n";
  std::string out;
  BOOST_REQUIRE_MESSAGE(run("aggregate m.csv --regions g.csv --rule weighted --basis w.csv -o agg.csv", out) == 0, out);
  const auto agg = by_key(irio::read_tidy_csv(file("agg.csv")));
  BOOST_TEST(agg.at("AB|s1|output|") == (2.0 * 1 + 3.0 * 3) / 4, boost::test_tools::tolerance(1e-14));
  BOOST_TEST(agg.at("C|s1|output|") == 5.0, boost::test_tools::tolerance(1e-14));
  BOOST_CHECK_EQUAL(run("aggregate m.csv --regions g.csv --rule weighted -o agg2.csv", out), 2);
  BOOST_CHECK_MESSAGE(contains(out, "needs --basis"), out);
  BOOST_CHECK_EQUAL(run("aggregate m.csv --regions g.csv --rule weighted --other w.csv -o agg3.csv", out), 2);
}

BOOST_AUTO_TEST_SUITE_END()
