// SPDX-License-Identifier: MIT
// Tests of groupings (shipped Chinese region groupings, CSV reader), table aggregation
// (methods.md §6.1, §6.2 item 24) and tidy-result aggregation rules.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <fstream>

#include "irio/io/ceads_reader.h"
#include "irio/io/concordance_reader.h"
#include "irio/tables/aggregation.h"
#include "irio/tables/error.h"
#include "tests/provincial/workbooks.h"
#include "tests/test_util.h"

namespace tt = boost::test_tools;
using irio::InputError;
using irio::tables::Grouping;
using irio::tables::IoTable;
using irio::tables::Matrix;
using irio::tables::Vector;

namespace {

bool has(const std::string& msg, const std::string& part) {
  if (msg.find(part) != std::string::npos) return true;
  BOOST_TEST_MESSAGE("message was: " << msg);
  return false;
}

std::string shipped(const std::string& name) {
  return std::string(IRIO_SOURCE_DIR) + "/tables/groupings/" + name + ".csv";
}

std::size_t count_in(const Grouping& g, const std::string& group) {
  std::size_t k = 0;
  for (const auto& m : g.members()) k += g.group_of(m) == group;
  return k;
}

/// Dense reference of methods.md §6.1: S = S_R (x) S_N, Z' = S Z S', Y' = S Y (S_R (x) I_K)'.
void check_against_kronecker(const IoTable& t, const IoTable& a, const Grouping& gr, const Grouping& gs) {
  const Matrix SR = gr.members().empty() ? Matrix(Matrix::Identity(static_cast<Eigen::Index>(t.labels.num_regions()),
                                                                   static_cast<Eigen::Index>(t.labels.num_regions())))
                                         : gr.matrix(t.labels.regions, "region", "test");
  const Matrix SN = gs.members().empty() ? Matrix(Matrix::Identity(static_cast<Eigen::Index>(t.labels.num_sectors()),
                                                                   static_cast<Eigen::Index>(t.labels.num_sectors())))
                                         : gs.matrix(t.labels.sectors, "sector", "test");
  const auto K = static_cast<Eigen::Index>(t.labels.fd_categories.size());
  Matrix S(SR.rows() * SN.rows(), SR.cols() * SN.cols()), SK(SR.rows() * K, SR.cols() * K);
  for (Eigen::Index i = 0; i < SR.rows(); ++i)
    for (Eigen::Index j = 0; j < SR.cols(); ++j) {
      S.block(i * SN.rows(), j * SN.cols(), SN.rows(), SN.cols()) = SR(i, j) * SN;
      SK.block(i * K, j * K, K, K) = SR(i, j) * Matrix::Identity(K, K);
    }
  const double scale = Matrix(t.Z).cwiseAbs().maxCoeff();
  BOOST_TEST((Matrix(a.Z) - S * Matrix(t.Z) * S.transpose()).cwiseAbs().maxCoeff() <= 1e-12 * scale * 10);
  BOOST_TEST((a.Y - S * t.Y * SK.transpose()).cwiseAbs().maxCoeff() <= 1e-9);
  if (t.V.rows() > 0) BOOST_TEST((a.V - t.V * S.transpose()).cwiseAbs().maxCoeff() <= 1e-9);
  BOOST_TEST((a.x - S * t.x).cwiseAbs().maxCoeff() <= 1e-9);
  // §6.2 item 24: totals preserved.
  BOOST_TEST(a.output().sum() == t.output().sum(), tt::tolerance(1e-12));
  BOOST_TEST(a.value_added_residual().sum() == t.value_added_residual().sum(), tt::tolerance(1e-12));
  BOOST_TEST(a.final_demand_total().sum() == t.final_demand_total().sum(), tt::tolerance(1e-12));
  BOOST_TEST(a.import_total().sum() == t.import_total().sum(), tt::tolerance(1e-12));
  for (std::size_t k = 0; k < t.satellites.size(); ++k)
    BOOST_TEST(a.satellites[k].F.sum() == t.satellites[k].F.sum(), tt::tolerance(1e-12));
  // Row balance still holds exactly where it held.
  BOOST_TEST((a.row_total() - a.output()).cwiseAbs().maxCoeff() <= 1e-9 * a.output().cwiseAbs().maxCoeff());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(groupings)

BOOST_AUTO_TEST_CASE(shipped_region_groupings_cover_the_31_provinces) {
  const auto& provinces = irio::testing::ceads_provinces();
  const Grouping four = irio::io::read_grouping_csv(shipped("four_regions"));
  BOOST_TEST(four.name() == "four_regions");
  BOOST_TEST(four.groups() == (std::vector<std::string>{"East", "Central", "West", "Northeast"}), tt::per_element());
  BOOST_TEST(count_in(four, "East") == 10u);
  BOOST_TEST(count_in(four, "Central") == 6u);
  BOOST_TEST(count_in(four, "West") == 12u);
  BOOST_TEST(count_in(four, "Northeast") == 3u);
  BOOST_TEST(four.group_of("Inner Mongolia") == "West");
  BOOST_TEST(four.group_of("Guangxi") == "West");
  const Grouping ns = irio::io::read_grouping_csv(shipped("north_south"));
  BOOST_TEST(count_in(ns, "North") == 15u);
  BOOST_TEST(count_in(ns, "South") == 16u);
  BOOST_TEST(ns.group_of("Henan") == "North");
  BOOST_TEST(ns.group_of("Jiangsu") == "South");
  const Grouping eight = irio::io::read_grouping_csv(shipped("eight_zones"));
  BOOST_TEST(eight.num_groups() == 8u);
  BOOST_TEST(eight.group_of("Inner Mongolia") == "Middle Yellow River");
  BOOST_TEST(eight.group_of("Guangxi") == "Southwest");
  BOOST_TEST(eight.group_of("Tibet") == "Northwest");
  BOOST_TEST(count_in(eight, "Northern Coast") == 4u);
  const Grouping hubs = irio::io::read_grouping_csv(shipped("east_data_west_computing"));
  BOOST_TEST(hubs.num_groups() == 9u);  // eight hubs + Non-hub
  BOOST_TEST(hubs.group_of("Guangdong") == "Guangdong-Hong Kong-Macao Greater Bay Area");
  BOOST_TEST(hubs.group_of("Anhui") == "Yangtze River Delta");
  BOOST_TEST(hubs.group_of("Sichuan") == "Chengdu-Chongqing");
  BOOST_TEST(hubs.group_of("Ningxia") == "Ningxia");
  BOOST_TEST(count_in(hubs, "Non-hub") == 31u - 14u);  // the hubs cover 3+4+1+2+1+1+1+1 provinces
  for (const Grouping* g : {&four, &ns, &eight, &hubs}) {
    BOOST_TEST(g->members().size() == 31u);
    BOOST_CHECK_NO_THROW(g->map(provinces, "region", "CEADs"));
  }
  // The shipped set is found by name.
  const auto names = irio::io::standard_groupings();
  for (const char* n : {"four_regions", "north_south", "eight_zones", "east_data_west_computing", "nbs2017_149_to_42"})
    BOOST_TEST((std::find(names.begin(), names.end(), n) != names.end()), n);
  BOOST_TEST(irio::io::load_grouping("eight_zones").num_groups() == 8u);
  try {
    irio::io::load_grouping("nine_zones");
    BOOST_FAIL("no exception");
  } catch (const InputError& e) {
    BOOST_TEST(has(e.what(),
                   "grouping 'nine_zones' is neither a file nor a shipped grouping (east_data_west_computing, "
                   "eight_zones, four_regions"));
  }
}

BOOST_AUTO_TEST_CASE(bad_grouping_files) {
  auto write = [](const std::string& name, const std::string& body) {
    const std::string p = irio::testing::scratch(name);
    std::ofstream(p) << body;
    return p;
  };
  auto err = [](const std::string& path) -> std::string {
    try {
      irio::io::read_grouping_csv(path);
    } catch (const InputError& e) {
      return e.what();
    }
    return "(no InputError)";
  };
  BOOST_TEST(has(err(write("dup.csv", "member,group\nBeijing,East\nTianjin,East\nBeijing,North\n")),
                 "dup.csv:4:1: member 'Beijing' already listed on line 2 (group 'East')"));
  BOOST_TEST(has(err(write("nohead.csv", "province,region\nBeijing,East\n")),
                 "nohead.csv:1:1: the header needs columns 'member' and 'group'"));
  BOOST_TEST(has(err(write("empty_group.csv", "member,group\nBeijing,\n")),
                 "empty_group.csv:2:2: member 'Beijing' has an empty group"));
  const Grouping g = irio::io::read_grouping_csv(write("partial.csv", "from,to,note\nBeijing,JJ,x\nTianjin,JJ,y\n"));
  BOOST_TEST(g.name() == "partial");
  try {
    g.map({"Beijing", "Hebei", "Tianjin", "Shanxi"}, "region", "table.h5");
    BOOST_FAIL("no exception");
  } catch (const InputError& e) {
    BOOST_TEST(has(e.what(), "table.h5: grouping 'partial' does not cover 2 regions: 'Hebei', 'Shanxi'"));
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(aggregation)

BOOST_AUTO_TEST_CASE(small_ceads_table_hand_checked) {
  const std::string path = irio::testing::scratch("agg_small.xlsx");
  irio::testing::write_fixture(irio::testing::small_fixture(), path);
  const IoTable t = irio::io::read_ceads(path).table;
  const Grouping regions =
      Grouping::from_pairs("jj", {{"Beijing", "Jing-Jin"}, {"Tianjin", "Jing-Jin"}, {"Hebei", "Hebei"}});
  const Grouping sectors =
      Grouping::from_pairs("s3", {{"01", "primary"}, {"02", "primary"}, {"03", "03"}, {"04", "04"}});
  const IoTable a = irio::tables::aggregate(t, regions, sectors);
  BOOST_TEST(a.labels.regions == (std::vector<std::string>{"Jing-Jin", "Hebei"}), tt::per_element());
  BOOST_TEST(a.labels.sectors == (std::vector<std::string>{"primary", "03", "04"}), tt::per_element());
  BOOST_TEST(a.labels.countries == std::vector<std::string>{"CHN"}, tt::per_element());
  BOOST_TEST(a.Z.rows() == 6);
  // Z(i,j) = 1 + (i + 2j) % 5 summed over i in {0,1,4,5} (Beijing/Tianjin 01, 02) and j likewise.
  double z = 0;
  for (int i : {0, 1, 4, 5})
    for (int j : {0, 1, 4, 5}) z += 1 + (i + 2 * j) % 5;
  BOOST_TEST(a.Z.coeff(0, 0) == z);
  BOOST_TEST(z == 46.0);  // by hand: rows 0, 1, 4, 5 give 9, 13, 15, 9
  // Hebei/04 keeps its own row: x = 34 + 45 ... as in the source table.
  BOOST_TEST(a.x(5) == t.x(11));
  BOOST_TEST(a.exports.cols() == 2);
  BOOST_TEST(a.satellites.at(0).F.cols() == 6);
  check_against_kronecker(t, a, regions, sectors);
  // Sector-only aggregation (regions kept).
  const IoTable b = irio::tables::aggregate(t, Grouping(), sectors);
  BOOST_TEST(b.labels.regions == t.labels.regions, tt::per_element());
  check_against_kronecker(t, b, Grouping(), sectors);
}

BOOST_AUTO_TEST_CASE(full_size_to_four_regions_and_eight_zones) {
  const auto f = irio::testing::seeded_fixture(31, 42);
  IoTable t = irio::testing::make_table(f.Z, f.Y.leftCols(31), irio::testing::ceads_provinces(), f.sector_codes,
                                        {"CHN"}, std::vector<int>(31, 0));
  t.x = t.row_total();
  t.exports = f.ex;
  t.export_labels = {"EX"};
  t.x += f.ex;
  t.imports = f.im.transpose();
  t.import_labels = {"IM"};
  for (const char* name : {"four_regions", "eight_zones", "north_south", "east_data_west_computing"}) {
    BOOST_TEST_CONTEXT(name) {
      const Grouping g = irio::io::load_grouping(name);
      const IoTable a = irio::tables::aggregate(t, g, Grouping());
      BOOST_TEST(a.labels.num_regions() == g.num_groups());
      check_against_kronecker(t, a, g, Grouping());
    }
  }
}

BOOST_AUTO_TEST_CASE(regions_of_different_countries) {
  const IoTable t = irio::testing::leather();
  const Grouping g = Grouping::from_pairs("south", {{"ARG", "South"}, {"TUR", "South"}, {"DEU", "DEU"}});
  try {
    irio::tables::aggregate(t, g, Grouping());
    BOOST_FAIL("no exception");
  } catch (const InputError& e) {
    BOOST_TEST(
        has(e.what(), "region group 'South' of grouping 'south' merges regions of different countries (ARG+TUR)"));
  }
  irio::tables::AggregationOptions o;
  o.allow_cross_country = true;
  const IoTable a = irio::tables::aggregate(t, g, Grouping(), o);
  BOOST_TEST(a.labels.countries == (std::vector<std::string>{"ARG+TUR", "DEU"}), tt::per_element());
  BOOST_TEST(a.labels.country_of_region == (std::vector<int>{0, 1}), tt::per_element());
  BOOST_TEST(a.output().sum() == t.output().sum(), tt::tolerance(1e-12));
  // A grouping that misses a region names it.
  const Grouping partial = Grouping::from_pairs("p", {{"ARG", "A"}});
  try {
    irio::tables::aggregate(t, partial, Grouping());
    BOOST_FAIL("no exception");
  } catch (const InputError& e) {
    BOOST_TEST(has(e.what(), "grouping 'p' does not cover 2 regions: 'TUR', 'DEU'"));
  }
}

BOOST_AUTO_TEST_CASE(tidy_results_sum_ratio_weighted) {
  using irio::tables::AggregationRule;
  using irio::tables::TidyTable;
  const Grouping jj =
      Grouping::from_pairs("jj", {{"Beijing", "Jing-Jin"}, {"Tianjin", "Jing-Jin"}, {"Hebei", "Hebei"}});
  // Flows: sum.
  TidyTable flow("gvc_va", {"region", "sector"});
  flow.add_row({"Beijing", "01"}, 1);
  flow.add_row({"Tianjin", "01"}, 2);
  flow.add_row({"Hebei", "01"}, 3);
  flow.add_row({"Beijing", "02"}, 4);
  const TidyTable s = irio::tables::aggregate_tidy(flow, "region", jj, AggregationRule::kSum);
  BOOST_TEST(s.num_rows() == 3u);
  BOOST_TEST(s.find({"Jing-Jin", "01"}) == 3.0);
  BOOST_TEST(s.find({"Hebei", "01"}) == 3.0);
  BOOST_TEST(s.find({"Jing-Jin", "02"}) == 4.0);
  // Shares: ratio of sums, NaN for a non-positive denominator.
  TidyTable va("va", {"region", "sector"});
  va.add_row({"Beijing", "01"}, 10);
  va.add_row({"Tianjin", "01"}, 20);
  va.add_row({"Hebei", "01"}, 0);
  va.add_row({"Beijing", "02"}, 8);
  const TidyTable r = irio::tables::aggregate_tidy(flow, "region", jj, AggregationRule::kRatioOfSums, &va);
  BOOST_TEST(r.find({"Jing-Jin", "01"}) == 0.1);  // (1 + 2) / (10 + 20)
  BOOST_TEST(std::isnan(r.find({"Hebei", "01"})));
  BOOST_TEST(r.find({"Jing-Jin", "02"}) == 0.5);
  // Multipliers: weighted by final demand, weights keyed by (region, sector) only.
  TidyTable m("multipliers", {"region", "sector", "indicator"});
  m.add_row({"Beijing", "01", "output"}, 2.0);
  m.add_row({"Tianjin", "01", "output"}, 3.0);
  m.add_row({"Hebei", "01", "output"}, 1.5);
  m.add_row({"Beijing", "01", "va"}, 0.8);
  m.add_row({"Tianjin", "01", "va"}, 0.6);
  TidyTable y("y", {"region", "sector"});
  y.add_row({"Beijing", "01"}, 10);
  y.add_row({"Tianjin", "01"}, 30);
  y.add_row({"Hebei", "01"}, 5);
  const TidyTable w = irio::tables::aggregate_tidy(m, "region", jj, AggregationRule::kWeightedAverage, &y);
  BOOST_TEST(w.find({"Jing-Jin", "01", "output"}) == (2.0 * 10 + 3.0 * 30) / 40, tt::tolerance(1e-15));
  BOOST_TEST(w.find({"Jing-Jin", "01", "va"}) == (0.8 * 10 + 0.6 * 30) / 40, tt::tolerance(1e-15));
  BOOST_TEST(w.find({"Hebei", "01", "output"}) == 1.5);
  // Sum of m_j y_j is preserved (the defining property of the y weights, methods.md §6.1).
  BOOST_TEST(w.find({"Jing-Jin", "01", "output"}) * 40 + 1.5 * 5 == 2.0 * 10 + 3.0 * 30 + 1.5 * 5,
             tt::tolerance(1e-15));
  // Errors name what is missing.
  TidyTable y2("y", {"region", "sector"});
  y2.add_row({"Beijing", "01"}, 10);
  try {
    irio::tables::aggregate_tidy(m, "region", jj, AggregationRule::kWeightedAverage, &y2);
    BOOST_FAIL("no exception");
  } catch (const InputError& e) {
    BOOST_TEST(has(e.what(), "result 'multipliers': no weight in 'y' for region=Tianjin, sector=01"));
  }
  BOOST_CHECK_THROW(irio::tables::aggregate_tidy(m, "province", jj, AggregationRule::kSum), InputError);
  BOOST_CHECK_THROW(irio::tables::aggregate_tidy(m, "region", jj, AggregationRule::kRatioOfSums), InputError);
  BOOST_TEST((irio::tables::parse_aggregation_rule("weighted") == AggregationRule::kWeightedAverage));
  BOOST_CHECK_THROW(irio::tables::parse_aggregation_rule("mean"), InputError);
}

BOOST_AUTO_TEST_SUITE_END()
