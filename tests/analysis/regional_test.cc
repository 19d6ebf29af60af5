// SPDX-License-Identifier: MIT
// The provincial-research verbs through the facade and the CLI (methods.md §10): circulation and
// coupling on the bundled WIOD 2011 table with the EU as one country, disparity rows adding up,
// panels of WIOD 1995 and 2011 (refusing different classifications), and the structural
// decomposition of the change 1995-2011 adding up to the change.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <fstream>

#include "irio/analysis/regional.h"
#include "irio/io/concordance_reader.h"
#include "irio/io/table_store.h"
#include "irio/tables/aggregation.h"
#include "irio/tables/error.h"
#include "tests/analysis/cli_dir.h"
#include "tests/test_util.h"

namespace irio {
namespace {

const std::string kSrc = IRIO_SOURCE_DIR;
const std::string kWiod = kSrc + "/tables/data/wiod2011.h5";
const std::string kEu = kSrc + "/tables/data/wiod2011_eu27.csv";
const std::string kWiodFolder = std::string(IRIO_TEST_DATA) + "/wiod2013";

bool has(const std::string& s, const std::string& what) { return s.find(what) != std::string::npos; }

/// member,group: the EU27 members "EU", the rest of the world "RoW", the others "other".
std::string write_eu_grouping(const std::string& path) {
  std::ifstream in(kEu);
  std::ofstream out(path);
  out << "member,group\n";
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    const auto c = line.find(',');
    if (c == std::string::npos) continue;
    const std::string r = line.substr(0, c), k = line.substr(c + 1);
    out << r << "," << (k == "EU27" ? "EU" : r == "RoW" ? "RoW" : "other") << "\n";
  }
  return path;
}

const Analysis& wiod_eu() {
  static const Analysis a = [] {
    OpenOptions opt;
    opt.countries = kEu;
    return Analysis::open(kWiod, opt);
  }();
  return a;
}

Analysis wiod_year(const std::string& year) {
  OpenOptions opt;
  opt.format = TableFormat::kWiod;
  opt.wiod_year = year;
  opt.countries = kEu;
  return Analysis::open(kWiodFolder, opt);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(regional)

BOOST_AUTO_TEST_CASE(circulation_agrees_with_chains_on_wiod2011_eu) {
  const auto& a = wiod_eu();
  CirculationRequest req;
  req.groups = {write_eu_grouping("/tmp/irio_regional_eu_groups.csv")};
  const auto r = circulation(a, req);
  const auto ch = a.chains({});
  const auto& lab = a.table().labels;
  for (std::size_t g = 0; g < lab.num_regions(); ++g)
    for (const std::string ind : {"nvc_forward", "gvc_forward", "nvc_backward", "gvc_backward"}) {
      const double want = ch.decomposition.participation.find({"region", lab.regions[g], "all", ind});
      const double got =
          r.regions.indicators(static_cast<Eigen::Index>(g), solver::gvc::circulation_indicator_index(ind));
      // A country of one region has no NVC: chains writes 0, circulation NA (methods.md §10.1).
      const bool alone = ind.rfind("nvc", 0) == 0 &&
                         lab.regions[g] == lab.countries[static_cast<std::size_t>(lab.country_of_region[g])];
      if (std::isnan(want) || alone) BOOST_CHECK(std::isnan(got));
      else BOOST_CHECK_SMALL(got - want, 1e-12);
    }
  // EU members trade with each other inside "their country": NVC > 0 there, NA elsewhere.
  const auto deu = static_cast<Eigen::Index>(tables::Labels::find(lab.regions, "DEU"));
  const auto chn = static_cast<Eigen::Index>(tables::Labels::find(lab.regions, "CHN"));
  BOOST_CHECK_GT(r.regions.indicators(deu, solver::gvc::kNvcForward), 0.01);
  BOOST_CHECK(std::isnan(r.regions.indicators(chn, solver::gvc::kNvcForward)));
  BOOST_CHECK(std::isnan(r.regions.indicators(chn, solver::gvc::kOrientationForward)));
  // Coupling: D = sqrt(C T) of the min-max normalised participations; the bands follow D.
  const auto& k = r.coupling;
  for (Eigen::Index i = 0; i < k.coordination.size(); ++i)
    if (!std::isnan(k.coordination(i))) {
      BOOST_CHECK_SMALL(k.coordination(i) - std::sqrt(k.coupling(i) * k.development(i)), 1e-15);
      BOOST_CHECK_EQUAL(k.band[static_cast<std::size_t>(i)],
                        std::min(9, static_cast<int>(std::floor(k.coordination(i) * 10 + 1e-12))));
    }
  BOOST_REQUIRE_EQUAL(r.groups.size(), 1u);
  BOOST_CHECK_EQUAL(r.groups[0].units.size(), 3u);
  BOOST_CHECK_EQUAL(r.tables.size(), 2u);
}

BOOST_AUTO_TEST_CASE(disparity_rows_add_up_on_wiod2011_eu) {
  const auto& a = wiod_eu();
  DisparityRequest req;
  req.groups = {write_eu_grouping("/tmp/irio_regional_eu_groups2.csv")};
  req.indicator = "gvc_forward";
  req.weights = DisparityWeights::kValueAdded;
  const auto r = disparity(a, req);
  BOOST_REQUIRE_EQUAL(r.by_grouping.size(), 1u);
  const auto& d = r.by_grouping[0];
  BOOST_CHECK_SMALL(d.theil_t.between + d.theil_t.within - d.theil_t.total, 1e-14);
  BOOST_CHECK_SMALL(d.theil_l.between + d.theil_l.within - d.theil_l.total, 1e-14);
  BOOST_CHECK_GT(d.theil_t.total, 0);
  const auto& t = r.tables[0];
  const double total = t.find({"irio_regional_eu_groups2", "gvc_forward", "value_added", "theil_t", "total", "all"});
  BOOST_CHECK_EQUAL(total, d.theil_t.total);
  // The weights are the regions' value added v o L y, the one output vector of chains (§1.3).
  BOOST_CHECK_CLOSE(r.weights.sum(), a.model().v().cwiseProduct(a.model().model_output()).sum(), 1e-9);
  // Unknown indicators and missing population files are refused before anything is solved.
  req.indicator = "gvc_sideways";
  BOOST_CHECK_THROW(disparity(a, req), InputError);
  req.indicator = "gvc_forward";
  req.weights = DisparityWeights::kPopulation;
  BOOST_CHECK_THROW(disparity(a, req), InputError);
}

BOOST_AUTO_TEST_CASE(sda_and_panel_of_wiod_1995_2011) {
  const Analysis a0 = wiod_year("1995"), a1 = wiod_year("2011");
  SdaRequest s;
  s.quantity = "value_added";
  const auto r = sda(a0, a1, s);
  BOOST_REQUIRE_EQUAL(r.decompositions.size(), 1u);
  const auto& d = r.decompositions[0];
  const double change = d.q1.sum() - d.q0.sum();
  BOOST_CHECK_SMALL((d.parts.sum() - change) / change, 1e-9);
  BOOST_CHECK_GT(change, 0);
  BOOST_CHECK_EQUAL(d.factors.back(), "va_coefficients");
  const double tot = r.tables[0].find({"value_added", "total", "all", "(all)", "change"});
  BOOST_CHECK_SMALL((tot - change) / change, 1e-12);

  PanelRequest p;
  p.verb = PanelVerb::kCirculation;
  p.years = {"1995", "2011"};
  const auto pr = panel({&a0, &a1}, p);
  BOOST_REQUIRE_EQUAL(pr.tables.size(), 2u);
  BOOST_CHECK_EQUAL(pr.tables[0].key_columns()[0], "year");
  const double g95 = pr.tables[0].find({"1995", "region", "CHN", "gvc_forward"});
  const double g11 = pr.tables[0].find({"2011", "region", "CHN", "gvc_forward"});
  BOOST_CHECK(g95 > 0 && g11 > 0 && g95 != g11);
  // A table of another classification is refused.
  const Analysis other(testing::leather());
  BOOST_CHECK_THROW(panel({&a0, &other}, p), InputError);
  BOOST_CHECK_THROW(sda(a0, other, s), InputError);
}

BOOST_AUTO_TEST_CASE(panel_with_a_sector_concordance) {
  // WIOD 1995 with 35 sectors and WIOD 2011 already in 5 sector groups: refused as they are,
  // accepted after the concordance aggregates 1995, and then equal to aggregating by hand.
  const std::string conc = "/tmp/irio_regional_sectors.csv";
  {
    std::ofstream f(conc);
    f << "from,to\n";
    for (int i = 1; i <= 35; ++i)
      f << "c" << i << ","
        << (i <= 2    ? "primary"
            : i <= 16 ? "manufacturing"
            : i <= 18 ? "utilities_construction"
                      : "services")
        << "\n";
  }
  const auto g = io::load_grouping(conc);
  const Analysis a95 = wiod_year("1995");
  const Analysis a11_agg(tables::aggregate(wiod_year("2011").table(), tables::Grouping(), g), {}, "wiod2011_5");
  PanelRequest p;
  p.verb = PanelVerb::kChains;
  p.years = {"1995", "2011"};
  BOOST_CHECK_THROW(panel({&a95, &a11_agg}, p), InputError);
  const auto h = harmonise({&a95, &a11_agg}, "", conc);
  BOOST_REQUIRE_EQUAL(h.size(), 2u);
  BOOST_CHECK_EQUAL(h[0].table().labels.num_sectors(), 4u);
  BOOST_CHECK_EQUAL(h[1].table().labels.num_sectors(), 4u);
  const auto r = panel({&h[0], &h[1]}, p);
  const Analysis by_hand(tables::aggregate(a95.table(), tables::Grouping(), g), {}, "by hand");
  const auto c = by_hand.chains({});
  const double want = c.decomposition.participation.find({"region", "DEU", "all", "gvc_forward"});
  const double got = r.tables[1].find({"1995", "region", "DEU", "all", "gvc_forward"});
  BOOST_CHECK_CLOSE(got, want, 1e-12);
  // A table with a sector that is neither a member nor a group is refused, naming it.
  const Analysis other(testing::leather());
  BOOST_CHECK_THROW(harmonise({&a95, &other}, "", conc), InputError);
}

BOOST_FIXTURE_TEST_CASE(cli_verbs, CliDir) {
  std::string out;
  const std::string groups = write_eu_grouping(file("eu.csv"));
  BOOST_CHECK_EQUAL(run("circulation " + kWiod + " --countries " + kEu + " --groups " + groups + " -o c.csv", out), 0);
  BOOST_CHECK_MESSAGE(fs::exists(dir / "c_circulation.csv") && fs::exists(dir / "c_coupling.csv"), out);
  BOOST_CHECK_MESSAGE(has(read("c_coupling.csv"), "coordination"), out);
  BOOST_CHECK_EQUAL(run("disparity " + kWiod + " --countries " + kEu + " --groups " + groups +
                            " --indicator gvc_forward --weights output -o d.csv",
                        out),
                    0);
  const std::string d = read("d.csv");
  BOOST_CHECK_MESSAGE(has(d, "theil_t,total,all") && has(d, "theil_t,between,all") && has(d, "theil_t,within,all"), d);
  BOOST_CHECK_EQUAL(run("disparity " + kWiod + " --weights population -o e.csv", out), 2);
  BOOST_CHECK_MESSAGE(has(out, "--weights population needs --population FILE"), out);
  BOOST_CHECK_EQUAL(run("sda " + kWiodFolder + " " + kWiodFolder + " --format wiod --years 1995 2011 --countries " +
                            kEu + " --quantity output -o s.csv",
                        out),
                    0);
  BOOST_CHECK_MESSAGE(has(read("s.csv"), "output,total,all,(all),change"), out);
  BOOST_CHECK_EQUAL(run("panel " + kWiodFolder + " " + kWiodFolder +
                            " --format wiod --years 1995 2011 --verb "
                            "multipliers -o p.csv",
                        out),
                    0);
  BOOST_CHECK_MESSAGE(has(read("p.csv"), "1995,") && has(read("p.csv"), "2011,"), out);
  irio::io::write_table(testing::leather(), file("leather.h5"));
  BOOST_CHECK_EQUAL(run("panel " + kWiod + " leather.h5 -o q.csv", out), 2);
  BOOST_CHECK_MESSAGE(has(out, "different classification"), out);
  BOOST_CHECK(!fs::exists(dir / "q_three_level_terms.csv"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace irio
