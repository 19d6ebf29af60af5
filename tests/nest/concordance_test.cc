// SPDX-License-Identifier: MIT
// The sector concordance of `irio nest`: weighted and unweighted maps, the shipped CEADs 42 ->
// OECD ICIO 2023 file, and the errors for files and maps that do not fit.
#include <cmath>

#include "irio/io/nest_inputs.h"
#include "irio/tables/error.h"
#include "irio/tables/nesting.h"
#include "nest_util.h"

namespace irio::testing {
namespace {

const std::string kCeadsIcio = std::string(IRIO_SOURCE_DIR) + "/tables/concordances/ceads42_to_icio2023.csv";

bool message_has(const std::exception& e, const std::string& s) {
  BOOST_TEST_MESSAGE(e.what());
  return std::string(e.what()).find(s) != std::string::npos;
}

BOOST_AUTO_TEST_SUITE(concordance)

BOOST_AUTO_TEST_CASE(weighted_and_split_by_output) {
  TempDir dir;
  // p1 -> A and B by the country's output (30 : 10), p2 -> B, p3 -> A 0.25 and C 0.75.
  dir.write("c.csv", "provincial,world,weight,note\np1,A,,x\np1,B,,\np2,B,,\np3,A,0.25,\np3,C,0.75,\n");
  const auto c = io::read_sector_concordance(dir / "c.csv");
  BOOST_TEST(c.links.size() == 5u);
  Vector xc(3);
  xc << 30, 10, 5;
  const Matrix S = tables::concordance_matrix(c, {"p1", "p2", "p3"}, {"A", "B", "C"}, xc);
  BOOST_TEST(S(0, 0) == 0.75);
  BOOST_TEST(S(1, 0) == 0.25);
  BOOST_TEST(S(1, 1) == 1.0);
  BOOST_TEST(S(0, 2) == 0.25);
  BOOST_TEST(S(2, 2) == 0.75);
  for (Eigen::Index j = 0; j < 3; ++j) BOOST_TEST(S.col(j).sum() == 1.0, boost::test_tools::tolerance(1e-15));
}

BOOST_AUTO_TEST_CASE(bad_maps_are_refused) {
  TempDir dir;
  Vector xc = Vector::Ones(2);
  dir.write("w.csv", "provincial,world,weight\np1,A,0.5\np1,B,0.4\np2,B,1\n");
  const auto c = io::read_sector_concordance(dir / "w.csv");
  try {
    tables::concordance_matrix(c, {"p1", "p2"}, {"A", "B"}, xc);
    BOOST_FAIL("weights that do not sum to 1 were accepted");
  } catch (const InputError& e) {
    BOOST_TEST(message_has(e, "'p1'"));
    BOOST_TEST(message_has(e, "sum to"));
  }
  dir.write("u.csv", "provincial,world\np1,A\np2,Q\n");
  try {
    tables::concordance_matrix(io::read_sector_concordance(dir / "u.csv"), {"p1", "p2"}, {"A", "B"}, xc);
    BOOST_FAIL("an unknown world sector was accepted");
  } catch (const InputError& e) {
    BOOST_TEST(message_has(e, dir / "u.csv:3"));
    BOOST_TEST(message_has(e, "'Q'"));
  }
  dir.write("m.csv", "provincial,world\np1,A\n");
  try {
    tables::concordance_matrix(io::read_sector_concordance(dir / "m.csv"), {"p1", "p2"}, {"A", "B"}, xc);
    BOOST_FAIL("a provincial sector without a world sector was accepted");
  } catch (const InputError& e) {
    BOOST_TEST(message_has(e, "p2"));
  }
  dir.write("h.csv", "from_sector,to_sector\np1,A\n");
  BOOST_CHECK_THROW(io::read_sector_concordance(dir / "h.csv"), InputError);
  dir.write("d.csv", "provincial,world\np1,A\np1,A\n");
  BOOST_CHECK_THROW(io::read_sector_concordance(dir / "d.csv"), InputError);
  dir.write("n.csv", "provincial,world,weight\np1,A,1.5\n");
  BOOST_CHECK_THROW(io::read_sector_concordance(dir / "n.csv"), InputError);
}

BOOST_AUTO_TEST_CASE(shipped_ceads_to_icio_2023) {
  const auto c = io::read_sector_concordance(kCeadsIcio);
  std::vector<std::string> ceads, icio;
  for (int i = 1; i <= 42; ++i) ceads.push_back((i < 10 ? "0" : "") + std::to_string(i));
  for (const auto& l : c.links)
    if (tables::Labels::find(icio, l.world) < 0) icio.push_back(l.world);
  // Every ICIO 2023 industry receives at least one CEADs sector, so no national output is left
  // without provinces; every CEADs sector is mapped (concordance_matrix throws otherwise).
  const std::vector<std::string> expected{
      "D01T02", "D03", "D05T06", "D07T08", "D09",    "D10T12", "D13T15", "D16", "D17T18", "D19",
      "D20",    "D21", "D22",    "D23",    "D24A",   "D24B",   "D25",    "D26", "D27",    "D28",
      "D29",    "D30", "D31T33", "D35",    "D36T39", "D41T43", "D45T47", "D49", "D50",    "D51",
      "D52",    "D53", "D55T56", "D58T60", "D61",    "D62T63", "D64T66", "D68", "D69T75", "D77T82",
      "D84",    "D85", "D86T88", "D90T93", "D94T96", "D97T98"};
  BOOST_TEST(icio.size() == expected.size());
  for (const auto& e : expected) BOOST_TEST(tables::Labels::find(icio, e) >= 0, e);
  const Matrix S =
      tables::concordance_matrix(c, ceads, expected, Vector::Ones(static_cast<Eigen::Index>(expected.size())));
  for (Eigen::Index j = 0; j < S.cols(); ++j) BOOST_TEST(S.col(j).sum() == 1.0, boost::test_tools::tolerance(1e-14));
  for (Eigen::Index i = 0; i < S.rows(); ++i) BOOST_TEST(S.row(i).sum() > 0);
  // Spot checks from the sector descriptions.
  const int steel = tables::Labels::find(expected, "D24A"), metals = tables::Labels::find(expected, "14");
  BOOST_TEST(steel >= 0);
  BOOST_TEST(metals < 0);
  BOOST_TEST(S(steel, 13) == 0.5);  // 14 Smelting and processing of metals -> D24A, D24B
  BOOST_TEST(S(tables::Labels::find(expected, "D41T43"), 26) == 1.0);  // 27 Construction
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace irio::testing
