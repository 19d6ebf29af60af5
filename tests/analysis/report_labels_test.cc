// SPDX-License-Identifier: MIT
// Report labels that say what a table identifies (issue 18 §1): with an exogenous rest of the world
// the backward RT term covers all exports and backward GVC is the import content (a_M'L) o y, not
// "final goods" and "GVC_S + GVC_C"; the international multiplier part is NA with a_M'L beside it.
#include <boost/test/unit_test.hpp>
#include <cmath>

#include "irio/analysis/report/report_data.h"
#include "tests/test_util.h"

namespace {

const irio::io::BarChart* chart(const irio::io::ReportDocument& doc, const std::string& id) {
  for (const auto& s : doc.sections)
    for (const auto& c : s.charts)
      if (c.id == id) return &c;
  return nullptr;
}

const irio::io::ReportTable* table(const irio::io::ReportDocument& doc, const std::string& id) {
  for (const auto& s : doc.sections)
    for (const auto& t : s.tables)
      if (t.id == id) return &t;
  return nullptr;
}

/// methods.md §7.6: provinces P1, P2 of CN with the rest of the world RW made exogenous.
irio::tables::IoTable exogenous_76() {
  irio::tables::Matrix Z(6, 6), Y(6, 3);
  Z << 20, 10, 6, 4, 3, 2, 8, 25, 5, 7, 2, 4, 4, 3, 30, 12, 5, 3, 2, 6, 9, 22, 1, 6, 3, 2, 4, 3, 60, 30, 2, 4, 3, 5, 25,
      70;
  Y << 40, 8, 10, 35, 6, 12, 7, 50, 14, 5, 45, 9, 6, 5, 150, 4, 6, 160;
  auto t =
      irio::testing::make_table(Z.topLeftCorner(4, 4), Y.topLeftCorner(4, 2), {"P1", "P2"}, {"a", "b"}, {"CN"}, {0, 0});
  t.export_labels = {"RW"};
  t.exports = Z.block(0, 4, 4, 2).rowwise().sum() + Y.block(0, 2, 4, 1);
  t.import_labels = {"imports"};
  t.imports = Z.block(4, 0, 2, 4).colwise().sum();
  return t;
}

bool has(const std::string& s, const std::string& what) { return s.find(what) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(report_labels)

BOOST_AUTO_TEST_CASE(backward_terms_are_named_for_what_the_table_identifies) {
  const irio::Analysis a(exogenous_76(), {}, "section 7.6 exogenous");
  const auto d = irio::build_report(a);
  const auto* bwd = chart(d.document, "levels_region_backward");
  BOOST_REQUIRE(bwd);
  bool rt_all = false, import_content = false;
  for (const auto& s : bwd->series) {
    BOOST_CHECK_MESSAGE(!has(s.name, "GVC_S + GVC_C") && !has(s.name, "final goods (RT)"), s.name);
    rt_all = rt_all || has(s.name, "all goods");
    import_content = import_content || has(s.name, "import content");
  }
  BOOST_CHECK(rt_all);
  BOOST_CHECK(import_content);
  const auto* part = chart(d.document, "participation_backward");
  BOOST_REQUIRE(part);
  bool gvc_named = false;
  for (const auto& s : part->series) gvc_named = gvc_named || s.name == "GVC: import content (a_M'L) o y";
  BOOST_CHECK(gvc_named);
  // The forward chart keeps its names (RT + GVC not separable).
  const auto* fwd = chart(d.document, "levels_region_forward");
  BOOST_REQUIRE(fwd);
  BOOST_CHECK_EQUAL(fwd->series.back().name, "RT + GVC, not separable (exogenous rest of the world)");
  // Coupling: the notes of methods.md §10.2 are in the circulation section (two regions: both on a
  // bound, and fewer than 5 units).
  bool bound = false, few = false;
  for (const auto& sec : d.document.sections)
    if (sec.id == "circulation")
      for (const auto& p : sec.paragraphs) {
        bound = bound || has(p, "sits on a normalisation bound");
        few = few || has(p, "fewer than 5");
      }
  BOOST_CHECK(bound);
  BOOST_CHECK(few);
  // Multipliers: the international part is NA, with the import content in a column beside it.
  const auto* top = table(d.document, "top_multipliers_table");
  BOOST_REQUIRE(top);
  BOOST_REQUIRE_EQUAL(top->columns.size(), 8u);
  BOOST_CHECK_EQUAL(top->columns[6], "international (not modelled: NA)");
  BOOST_CHECK_EQUAL(top->columns[7], "import content a_M'L");
  for (const auto& row : top->rows) {
    BOOST_REQUIRE_EQUAL(row.size(), 8u);
    BOOST_CHECK(std::isnan(std::get<double>(row[6])));
    BOOST_CHECK_GT(std::get<double>(row[7]), 0.0);
  }
}

BOOST_AUTO_TEST_SUITE_END()
