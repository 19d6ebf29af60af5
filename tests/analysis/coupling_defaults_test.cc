// SPDX-License-Identifier: MIT
// Coupling coordination defaults that used to mislead (issue 18 §1, methods.md §10.2) on the bundled
// WIOD 2011 table with the EU27 as one country: NVC is NA (not 0) for a single-region country,
// groups are normalised on the regions' scale (no group gets D = 0 for being the extreme group),
// the normalisation is written as a column, and units on a normalisation bound are noted.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <fstream>

#include "irio/analysis/regional.h"
#include "irio/tables/error.h"
#include "tests/analysis/cli_dir.h"

namespace irio {
namespace {

const std::string kSrc = IRIO_SOURCE_DIR;
const std::string kWiod = kSrc + "/tables/data/wiod2011.h5";
const std::string kEu = kSrc + "/tables/data/wiod2011_eu27.csv";

bool has(const std::string& s, const std::string& what) { return s.find(what) != std::string::npos; }

/// member,group: the EU27 members alternately in "EU_a" and "EU_b", the others "other" (RoW among
/// them: countries of one region, without NVC).
std::string write_two_groups(const std::string& path) {
  std::ifstream in(kEu);
  std::ofstream out(path);
  out << "member,group\n";
  std::string line;
  std::getline(in, line);
  int k = 0;
  while (std::getline(in, line)) {
    const auto c = line.find(',');
    if (c == std::string::npos) continue;
    out << line.substr(0, c) << "," << (line.substr(c + 1) == "EU27" ? (k++ % 2 ? "EU_b" : "EU_a") : "other") << "\n";
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

}  // namespace

BOOST_AUTO_TEST_SUITE(coupling_defaults)

BOOST_AUTO_TEST_CASE(nvc_is_na_for_single_region_countries_and_groups_use_the_region_scale) {
  const auto& a = wiod_eu();
  CirculationRequest req;
  req.groups = {write_two_groups("/tmp/irio_coupling_defaults_groups.csv")};
  const auto r = circulation(a, req);
  const auto& lab = a.table().labels;
  using namespace solver::gvc;
  const auto chn = static_cast<Eigen::Index>(tables::Labels::find(lab.regions, "CHN"));
  const auto deu = static_cast<Eigen::Index>(tables::Labels::find(lab.regions, "DEU"));
  // China is a country of one region: no domestic border, so NVC and orientation are NA, not 0,
  // and so is its coupling D; Germany (a member of "EU27") has them.
  BOOST_CHECK(std::isnan(r.regions.indicators(chn, kNvcForward)));
  BOOST_CHECK(std::isnan(r.regions.indicators(chn, kOrientationForward)));
  BOOST_CHECK(std::isnan(r.coupling.coordination(chn)));
  BOOST_CHECK_EQUAL(r.coupling.band[static_cast<std::size_t>(chn)], -1);
  BOOST_CHECK_GT(r.regions.indicators(deu, kNvcForward), 0.01);
  BOOST_CHECK(std::isfinite(r.coupling.coordination(deu)));
  // The GVC index is still defined for China.
  BOOST_CHECK(std::isfinite(r.regions.indicators(chn, kGvcForward)));

  // Groups: U of a group is its ratio of sums normalised with the regions' min and max.
  double lo1 = INFINITY, hi1 = -INFINITY, lo2 = INFINITY, hi2 = -INFINITY;
  for (Eigen::Index i = 0; i < r.regions.indicators.rows(); ++i) {
    const double a1 = r.regions.indicators(i, kNvcForward), a2 = r.regions.indicators(i, kGvcForward);
    if (!std::isfinite(a1) || !std::isfinite(a2)) continue;
    lo1 = std::min(lo1, a1), hi1 = std::max(hi1, a1), lo2 = std::min(lo2, a2), hi2 = std::max(hi2, a2);
  }
  BOOST_REQUIRE_EQUAL(r.groups.size(), 1u);
  BOOST_REQUIRE_EQUAL(r.group_coupling.size(), 1u);
  const auto& g = r.groups[0];
  const auto& k = r.group_coupling[0];
  BOOST_REQUIRE_EQUAL(g.units.size(), 3u);
  for (Eigen::Index i = 0; i < 3; ++i) {
    BOOST_TEST_CONTEXT(g.units[static_cast<std::size_t>(i)]) {
      if (g.units[static_cast<std::size_t>(i)] == "other") {  // no region with a domestic border: NA
        BOOST_CHECK(std::isnan(g.indicators(i, kNvcForward)));
        BOOST_CHECK(std::isnan(k.coordination(i)));
        continue;
      }
      BOOST_CHECK_SMALL(k.u1(i) - (g.indicators(i, kNvcForward) - lo1) / (hi1 - lo1), 1e-12);
      BOOST_CHECK_SMALL(k.u2(i) - (g.indicators(i, kGvcForward) - lo2) / (hi2 - lo2), 1e-12);
      // Before: min-max across the groups made one of them 0 and D = 0 ("extreme disorder").
      BOOST_CHECK_GT(k.coordination(i), 0.0);
      BOOST_CHECK_GT(k.u1(i), 0.0);
      BOOST_CHECK_LT(k.u1(i), 1.0);
    }
  }
  BOOST_CHECK_EQUAL(k.normalisation, "min_max_region");
  BOOST_CHECK_EQUAL(r.coupling.normalisation, "min_max_region");

  // The coupling table names the normalisation in its own column.
  const auto& t = r.tables[1];
  BOOST_REQUIRE_EQUAL(t.num_keys(), 5u);
  BOOST_CHECK_EQUAL(t.key_columns()[3], "normalisation");
  // A note for every region on a bound (U = 0 or 1 by construction), and for the NA ones.
  bool bound = false, undefined = false;
  for (const auto& n : r.notes) {
    bound = bound || has(n, "sits on a normalisation bound");
    undefined = undefined || (has(n, "not defined") && has(n, "CHN"));
  }
  BOOST_CHECK(bound);
  BOOST_CHECK(undefined);
}

BOOST_AUTO_TEST_CASE(disparity_of_an_undefined_nvc_is_refused_not_zero) {
  DisparityRequest req;
  req.indicator = "nvc_forward";
  try {
    (void)disparity(wiod_eu(), req);
    BOOST_ERROR("no exception");
  } catch (const InputError& e) {
    BOOST_CHECK_MESSAGE(has(e.what(), "not defined for region 'AUS'") && has(e.what(), "--country"), e.what());
  }
  req.country = "EU27";  // the members have NVC
  BOOST_CHECK_EQUAL(disparity(wiod_eu(), req).regions.size(), 27u);
}

BOOST_AUTO_TEST_CASE(few_units_are_noted) {
  Vector a(3), b(3);
  a << 0.25, 0.1, 0.6;
  b << 1.0, 0.2, 0.6;
  const auto k = solver::gvc::coupling_coordination(a, b, {"p", "q", "r"});
  bool few = false;
  for (const auto& n : k.notes) few = few || has(n, "fewer than 5");
  BOOST_CHECK(few);
  BOOST_CHECK_EQUAL(k.normalisation, "min_max_unit");
  solver::gvc::CouplingOptions raw;
  raw.normalize = false;
  const auto kr = solver::gvc::coupling_coordination(a, b, {"p", "q", "r"}, raw);
  BOOST_CHECK_EQUAL(kr.normalisation, "none");
  BOOST_CHECK(kr.notes.empty());
}

BOOST_FIXTURE_TEST_CASE(cli_prints_na_and_notes, CliDir) {
  std::string out;
  const std::string groups = write_two_groups(file("g.csv"));
  BOOST_CHECK_EQUAL(run("circulation " + kWiod + " --countries " + kEu + " --groups " + groups + " -o c.csv", out), 0);
  BOOST_CHECK_MESSAGE(has(out, "note: coupling by region: 'CHN'") || has(out, "not defined for"), out);
  BOOST_CHECK_MESSAGE(has(out, "sits on a normalisation bound"), out);
  BOOST_CHECK_MESSAGE(has(out, "       NA"), out);
  const std::string c = read("c_coupling.csv");
  BOOST_CHECK_MESSAGE(has(c, "scope,unit,band,normalisation,indicator,"), c.substr(0, 200));
  BOOST_CHECK_MESSAGE(has(c, "min_max_region"), c.substr(0, 200));
  BOOST_CHECK_MESSAGE(!has(c, "EU_a,extreme_disorder") && !has(c, "EU_b,extreme_disorder"), c);
  BOOST_CHECK_MESSAGE(has(c, "other,not_available,min_max_region,coordination,other,NA"), c);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace irio
