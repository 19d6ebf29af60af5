// SPDX-License-Identifier: MIT
// Position and length (methods.md §4.2-§4.4): §7.4 values, the gvc package's upstreamness and
// downstreamness on leather, and identity 22.
#include "gvc_test_util.h"
#include "irio/solver/gvc/position.h"
#include "irio/solver/gvc/trade_context.h"
#include "irio/tables/error.h"

namespace irio::testing {
namespace gvc = solver::gvc;
using solver::LeontiefModel;

BOOST_AUTO_TEST_SUITE(position)

BOOST_AUTO_TEST_CASE(leather_values_7_4) {
  const auto t = leather();
  LeontiefModel m(t);
  const auto r = gvc::position_and_length(m);
  const double U[] = {2.098404, 2.176856, 1.631124, 2.107104, 2.180156, 1.839251, 1.989594, 2.101771, 1.758751};
  const double D[] = {1.565401, 1.776986, 2.433220, 1.726920, 1.942745, 2.504757, 1.735891, 2.062201, 2.394124};
  const double plv[] = {3.408133, 3.146962, 3.585602, 3.399589, 3.260853, 3.831782, 3.834176, 3.713431, 3.546179};
  const double ply[] = {3.474444, 3.159654, 3.757105, 3.394429, 3.482561, 3.653017, 3.379455, 3.589383, 3.373249};
  const double pos[] = {0.980915, 0.995983, 0.954352, 1.001520, 0.936338, 1.048936, 1.134554, 1.034560, 1.051265};
  for (int j = 0; j < 9; ++j) {
    GVC_CHECK_CLOSE(r.upstreamness(j), U[j], 1e-6);
    GVC_CHECK_CLOSE(r.downstreamness(j), D[j], 1e-6);
    GVC_CHECK_CLOSE(r.plv_gvc(j), plv[j], 1e-6);
    GVC_CHECK_CLOSE(r.ply_gvc(j), ply[j], 1e-6);
    GVC_CHECK_CLOSE(r.gvc_position(j), pos[j], 1e-6);
  }
  // gvc::upstream / gvc::downstream outputs, every cell.
  const Csv c = read_csv(decompr("gvc_upstream_downstream.csv"));
  BOOST_REQUIRE_EQUAL(c.rows.size(), 9u);
  for (std::size_t j = 0; j < 9; ++j) {
    GVC_CHECK_CLOSE(r.upstreamness(static_cast<Index>(j)), c.num(j, "upstream"), 1e-10);
    GVC_CHECK_CLOSE(r.downstreamness(static_cast<Index>(j)), c.num(j, "downstream"), 1e-10);
  }
  const double part[] = {0.295825, 0.254210, 0.264620}, kpos[] = {-0.029789, -0.104737, -0.201488};
  const char* names[] = {"ARG", "TUR", "DEU"};
  for (int s = 0; s < 3; ++s) {
    GVC_CHECK_CLOSE(r.by_unit.find({names[s], "kpww_participation", "country"}), part[s], 2e-6);
    GVC_CHECK_CLOSE(r.by_unit.find({names[s], "kpww_position", "country"}), kpos[s], 2e-6);
  }
  GVC_CHECK_CLOSE(r.by_sector.find({"DEU", "Transport", "GVC_position", "country"}), 1.051265, 1e-6);
  BOOST_CHECK_EQUAL(r.crossing, "GVC");
  GVC_CHECK_CLOSE(m.va().dot(r.upstreamness), 936.6, 1e-12);
  for (std::size_t i = 0; i < r.diagnostics.num_rows(); ++i)
    BOOST_CHECK_MESSAGE(r.diagnostics.key(3, i) == "true", r.diagnostics.key(0, i) << ": " << r.diagnostics.value(i));
}

BOOST_AUTO_TEST_CASE(region_perimeter_on_provincial_table) {
  const auto t = provincial_7_6();
  LeontiefModel m(t);
  gvc::PositionOptions o;
  o.perimeter = solver::Perimeter::kRegion;
  const auto r = gvc::position_and_length(m, o);
  for (std::size_t i = 0; i < r.diagnostics.num_rows(); ++i)
    BOOST_CHECK_MESSAGE(r.diagnostics.key(3, i) == "true", r.diagnostics.key(0, i) << ": " << r.diagnostics.value(i));
  // Countries with several regions: the region border is not a national one, so the lengths are
  // named for what they measure (interregional), with the perimeter as a column; no "GVC" label.
  BOOST_CHECK_EQUAL(r.crossing, "interregional");
  BOOST_CHECK_EQUAL(r.by_sector.key_columns().back(), "perimeter");
  BOOST_CHECK_CLOSE(r.by_sector.find({"P1", "a", "PLv_interregional", "region"}), r.plv_gvc(0), 1e-12);
  BOOST_CHECK_CLOSE(r.by_sector.find({"P1", "a", "interregional_position", "region"}), r.gvc_position(0), 1e-12);
  for (std::size_t i = 0; i < r.by_sector.num_rows(); ++i)
    BOOST_CHECK_MESSAGE(r.by_sector.key(2, i).find("GVC") == std::string::npos, r.by_sector.key(2, i));
  // Dense oracle for PLv_GVC at the region perimeter.
  const Matrix A = Matrix(m.A()), AR = Matrix(m.A_within(solver::Perimeter::kRegion));
  const Matrix L = dense_leontief(A), LR = dense_leontief(AR), AF = A - AR;
  const Vector y = t.final_demand_total();
  const Matrix V = m.v().asDiagonal();
  const Matrix Xv = V * LR * LR * AF * L * y.asDiagonal() + V * LR * AF * L * L * y.asDiagonal();
  const Matrix Vg = V * LR * AF * L * y.asDiagonal();
  // Simple / complex (§4.4): L y^ after the border replaced by L_R y^_R, where y_R is the final
  // demand absorbed in the producer's own region.
  const Matrix Y = t.final_demand_by_region();
  Vector yR(6);
  for (int j = 0; j < 6; ++j) yR(j) = Y(j, j / 2);
  const Matrix XvS = V * LR * LR * AF * LR * yR.asDiagonal() + V * LR * AF * LR * LR * yR.asDiagonal();
  const Matrix VgS = V * LR * AF * LR * yR.asDiagonal();
  const Matrix XvC = Xv - XvS, VgC = Vg - VgS;
  for (int j = 0; j < 6; ++j) {
    GVC_CHECK_CLOSE(r.plv_gvc(j), Xv.row(j).sum() / Vg.row(j).sum(), 1e-12);
    GVC_CHECK_CLOSE(r.ply_gvc(j), Xv.col(j).sum() / Vg.col(j).sum(), 1e-12);
    GVC_CHECK_CLOSE(r.plv_gvc_s(j), XvS.row(j).sum() / VgS.row(j).sum(), 1e-12);
    GVC_CHECK_CLOSE(r.ply_gvc_s(j), XvS.col(j).sum() / VgS.col(j).sum(), 1e-12);
    GVC_CHECK_CLOSE(r.plv_gvc_c(j), XvC.row(j).sum() / VgC.row(j).sum(), 1e-10);
    GVC_CHECK_CLOSE(r.ply_gvc_c(j), XvC.col(j).sum() / VgC.col(j).sum(), 1e-10);
    // A simple GVC path crosses once: at least two stages; the complex part here is longer.
    BOOST_CHECK_GE(r.plv_gvc_s(j), 2.0);
    BOOST_CHECK_GT(r.plv_gvc_c(j), r.plv_gvc_s(j));
  }
}

BOOST_AUTO_TEST_CASE(exogenous_rest_of_world_has_no_kpww) {
  const auto full = provincial_7_6();
  const Matrix Zf = Matrix(full.Z);
  tables::IoTable t =
      make_table(Zf.topLeftCorner(4, 4), full.Y.topLeftCorner(4, 2), {"P1", "P2"}, {"a", "b"}, {"CN"}, {0, 0});
  t.export_labels = {"RW"};
  t.exports = Zf.block(0, 4, 4, 2).rowwise().sum() + full.Y.block(0, 2, 4, 1);
  t.import_labels = {"imports"};
  t.imports = Zf.block(4, 0, 2, 4).colwise().sum();
  LeontiefModel m(t);
  gvc::PositionOptions o;
  o.perimeter = solver::Perimeter::kRegion;
  const auto r = gvc::position_and_length(m, o);
  BOOST_CHECK_EQUAL(r.by_unit.num_rows(), 0u);
  BOOST_CHECK_MESSAGE(r.kpww_note.find("exogenous rest of the world") != std::string::npos, r.kpww_note);
  // U = x^-1 L x against a dense oracle.
  const Matrix L = dense_leontief(Matrix(m.A()));
  const Vector U = (L * m.x()).cwiseQuotient(m.x());
  for (int j = 0; j < 4; ++j) GVC_CHECK_CLOSE(r.upstreamness(j), U(j), 1e-12);
  BOOST_CHECK_THROW(gvc::TradeContext(m, solver::Perimeter::kRegion), InputError);
  // Identity 22 counts the import rows as primary inputs: (va + imports)'U = 1'x. It failed
  // before (va'U alone leaves out the imports' share) and the run still exited 0.
  std::size_t checked = 0;
  for (std::size_t i = 0; i < r.diagnostics.num_rows(); ++i) {
    BOOST_TEST_CONTEXT(r.diagnostics.key(0, i)) { BOOST_TEST(r.diagnostics.key(3, i) == "true"); }
    if (r.diagnostics.key(0, i) == "22: (va + imports)'U = 1'x") ++checked;
  }
  BOOST_TEST(checked == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace irio::testing
