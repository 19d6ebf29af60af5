// SPDX-License-Identifier: MIT
// irio::Analysis: every result equals the direct solver call on the same table; requests and
// options validate themselves; a table that fails the balance check is refused by every result;
// the model is built once; tables open from HDF5 and from a labelled-CSV folder.
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <string>

#include "irio/analysis/analysis.h"
#include "irio/io/import_csv.h"
#include "irio/solver/ghosh.h"
#include "irio/solver/gvc/tiva.h"
#include "irio/solver/gvc/trade_context.h"
#include "irio/solver/indicator_common.h"
#include "irio/solver/multiplier_split.h"
#include "irio/solver/round_split.h"
#include "irio/tables/error.h"
#include "tests/test_util.h"

using namespace irio;
namespace gvc = irio::solver::gvc;
using tables::Matrix;
using tables::TidyTable;
using tables::Vector;

namespace {

const std::string kWiod = std::string(IRIO_SOURCE_DIR) + "/tables/data/wiod2011.h5";

/// Same name, keys and values (NaN equal to NaN), row by row.
void check_same(const TidyTable& a, const TidyTable& b) {
  BOOST_TEST_CONTEXT("table " << a.name()) {
    BOOST_CHECK_EQUAL(a.name(), b.name());
    BOOST_REQUIRE_EQUAL(a.num_keys(), b.num_keys());
    BOOST_REQUIRE_EQUAL(a.num_rows(), b.num_rows());
    std::size_t bad = 0;
    for (std::size_t i = 0; i < a.num_rows() && bad < 5; ++i) {
      bool same = std::isnan(a.value(i)) ? std::isnan(b.value(i)) : a.value(i) == b.value(i);
      for (std::size_t k = 0; k < a.num_keys(); ++k) same = same && a.key(k, i) == b.key(k, i);
      if (!same) {
        ++bad;
        BOOST_ERROR("row " << i << " differs: " << a.value(i) << " vs " << b.value(i));
      }
    }
  }
}

void check_same(const std::vector<TidyTable>& a, const std::vector<TidyTable>& b) {
  BOOST_REQUIRE_EQUAL(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) check_same(a[i], b[i]);
}

std::vector<std::string> names_of(const std::vector<TidyTable>& t) {
  std::vector<std::string> out;
  for (const auto& x : t) out.push_back(x.name());
  return out;
}

/// leather with a satellite (two stressors) for footprints and multipliers by SATELLITE/STRESSOR.
tables::IoTable leather_with_satellite() {
  auto t = testing::leather();
  tables::Satellite s;
  s.name = "Env";
  s.stressors = {"co2", "jobs"};
  s.units = {"kt", "persons"};
  s.F.resize(2, 9);
  for (Eigen::Index j = 0; j < 9; ++j) {
    s.F(0, j) = 1.0 + static_cast<double>(j);
    s.F(1, j) = 10.0 - static_cast<double>(j);
  }
  t.satellites.push_back(s);
  return t;
}

/// Throws E with a message containing `text`.
template <class E, class F>
void expect_throw(F&& f, const std::string& text) {
  try {
    f();
    BOOST_ERROR("no exception; expected one with '" << text << "'");
  } catch (const E& e) {
    BOOST_CHECK_MESSAGE(std::string(e.what()).find(text) != std::string::npos, "message: " << e.what());
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(analysis_facade)

BOOST_AUTO_TEST_CASE(leontief_indicators_equal_direct_solver_calls) {
  const auto t = leather_with_satellite();
  Analysis a(t, {}, "leather");
  BOOST_CHECK_EQUAL(a.models_built(), 0);
  BOOST_CHECK(a.validate().status != tables::Severity::kError);
  BOOST_CHECK_EQUAL(a.models_built(), 0);  // validation solves nothing
  solver::LeontiefModel m(t);

  MultiplierRequest mr;
  mr.employment = "Env/jobs";
  mr.split = mr.round = true;
  const auto mult = a.multipliers(mr);
  BOOST_CHECK_EQUAL(a.models_built(), 1);
  solver::MultiplierOptions mo;
  mo.employment = "Env/jobs";
  const Vector jobs = solver::per_unit_output(m, solver::flow_row(m, "Env/jobs"));
  const std::vector<std::pair<std::string, Vector>> rows{
      {"output", Vector::Ones(9)}, {"value_added", m.v()}, {"employment", jobs}};
  check_same(mult.tables, {solver::multipliers_table(m, mo), solver::multiplier_split_table(m, rows),
                           solver::round_split_table(m, rows)});
  BOOST_CHECK_EQUAL(mult.closure_k.size(), 0);
  // 1'L comes from the table's block solve (one column among several), not a solve of its own.
  BOOST_CHECK_SMALL((mult.output - solver::output_multipliers(m)).cwiseAbs().maxCoeff(), 1e-14);
  BOOST_CHECK(names_of(mult.tables) == mr.table_names());

  FootprintRequest fr;
  fr.satellite = "Env";
  fr.population = Vector::Constant(3, 2.0);
  const auto fp = a.footprints(fr);
  solver::FootprintOptions fo;
  fo.population = fr.population;
  const auto acc = solver::compute_footprints(m, t.satellites[0], fo);
  check_same(fp.tables, {solver::footprints_table(m, t.satellites[0], acc),
                         solver::footprint_diagnostics(m, t.satellites[0], acc)});
  BOOST_CHECK_EQUAL(fp.satellite->name, "Env");
  // --imports-by-sector and --with-multipliers: the sector route's accounts, then irio multipliers' table.
  fr.imports_by_sector = true;
  fr.with_multipliers = true;
  const auto fp2 = a.footprints(fr);
  fo.imports_by_sector = true;
  const auto acc2 = solver::compute_footprints(m, t.satellites[0], fo);
  BOOST_CHECK_GT(acc2.D_imp.size(), 0);
  check_same(fp2.tables, {solver::footprints_table(m, t.satellites[0], acc2), solver::multipliers_table(m, {}),
                          solver::footprint_diagnostics(m, t.satellites[0], acc2)});
  BOOST_CHECK(names_of(fp2.tables) == fr.table_names());

  ImpactRequest ir;
  ir.shocks = Matrix::Zero(9, 2);
  ir.shocks(0, 0) = 10;
  ir.shocks(5, 1) = -3;
  ir.scenarios = {"a", "b"};
  const auto imp = a.impact(ir);
  check_same(imp.tables, {solver::impact_table(m, solver::compute_impact(m, ir.shocks, {"a", "b"}))});

  LinkageRequest lr;
  lr.options.forward = solver::ForwardLinkage::kLeontief;
  lr.options.weights = solver::LinkageWeights::kOutput;
  const auto lk = a.linkages(lr);
  check_same(lk.tables, {solver::linkages_table(m, solver::compute_linkages(m, lr.options))});
  BOOST_CHECK_EQUAL(lk.class_counts[0] + lk.class_counts[1] + lk.class_counts[2] + lk.class_counts[3], 9u);

  const auto gh = a.ghosh();
  check_same(gh.tables, {solver::ghosh_table(m)});
  BOOST_CHECK_SMALL(gh.max_output_difference, 1e-9);

  ExtractionRequest er;
  er.sectors = {"TUR/Textile"};
  er.variant = ExtractionVariant::kBackward;
  const auto ex = a.extraction(er);
  const auto J = solver::sector_indices(m, er.sectors);
  check_same(ex.tables,
             {solver::extraction_table({solver::extract(m, solver::ExtractionKind::kBackward, J)}, {"TUR/Textile"})});
  ExtractionRequest eb;
  eb.block_extraction = true;
  const auto exb = a.extraction(eb);
  check_same(exb.tables, {solver::extraction_table({solver::extract(m, solver::ExtractionKind::kInterRegional, {})},
                                                   {"inter-regional"})});

  BOOST_CHECK_EQUAL(a.models_built(), 1);  // every result from the one model
}

BOOST_AUTO_TEST_CASE(value_chains_equal_direct_solver_calls) {
  const auto t = testing::leather();
  Analysis a(t);
  solver::LeontiefModel m(t);

  const auto ch = a.chains();
  const auto d = gvc::three_level_decomposition(m);
  check_same(ch.tables, {d.terms, d.participation, d.diagnostics});
  BOOST_CHECK(names_of(ch.tables) == ChainRequest{}.table_names());

  PositionRequest pr;
  pr.kpww_fv = KpwwFv::kFvaKww;
  const auto pos = a.position(pr);
  gvc::PositionOptions po;
  po.kpww_fv_excludes_fdc = true;
  po.perimeter = kDefaultPerimeter;  // trade and position share it
  const auto p = gvc::position_and_length(m, po);
  check_same(pos.tables, {p.by_sector, p.by_unit, p.diagnostics});

  // Every trade method, at both perimeters for one of them.
  const gvc::TradeContext ctx(m, solver::Perimeter::kRegion);
  auto with_diag = [](std::vector<gvc::TradeResult> rs, std::vector<TidyTable> extra = {}) {
    std::vector<TidyTable> out;
    TidyTable diag;
    for (const auto& r : rs) {
      out.push_back(r.table);
      if (r.diagnostics.num_keys() == 0) continue;
      if (diag.num_keys() == 0) diag = r.diagnostics;
      else diag.append(r.diagnostics);
    }
    for (auto& e : extra) out.push_back(std::move(e));
    if (diag.num_keys() > 0) out.push_back(diag);
    return out;
  };
  for (const auto method :
       {TradeMethod::kWwz, TradeMethod::kKww, TradeMethod::kBm, TradeMethod::kBmt, TradeMethod::kMy, TradeMethod::kVax,
        TradeMethod::kLtdv, TradeMethod::kLeontief, TradeMethod::kGvc, TradeMethod::kTiva}) {
    BOOST_TEST_CONTEXT("trade method " << enum_name(method)) {
      TradeRequest tr;
      tr.method = method;
      const auto got = a.trade(tr);
      BOOST_CHECK(names_of(got.tables) == tr.table_names());
      BOOST_CHECK_EQUAL(got.units, 3);
      std::vector<TidyTable> want;
      switch (method) {
        case TradeMethod::kWwz: {
          const auto w = gvc::wwz_decomposition(ctx);
          want = with_diag({w, gvc::wwz_to_kww(ctx, w), gvc::dvix_fsr(ctx)});
          break;
        }
        case TradeMethod::kKww: want = with_diag({gvc::kww_decomposition(ctx)}); break;
        case TradeMethod::kBm: want = with_diag({gvc::bm_exporter_source(ctx)}); break;
        case TradeMethod::kBmt: {
          const auto tri = gvc::bmt_tripartite(ctx);
          want = with_diag({tri, gvc::bmt_participation(ctx, tri)});
          break;
        }
        case TradeMethod::kMy: want = with_diag({gvc::miroudot_ye(gvc::bm_exporter_source(ctx), "my_exporter")}); break;
        case TradeMethod::kVax: want = with_diag({gvc::vax(ctx), gvc::value_added_absorption(ctx)}); break;
        case TradeMethod::kLtdv: {
          auto l = gvc::ltdv(ctx);
          want = with_diag({l.by_exporter}, {l.by_sector});
          break;
        }
        case TradeMethod::kLeontief:
          want = with_diag({gvc::leontief_decomposition(ctx, gvc::LeontiefPost::kExports)});
          break;
        case TradeMethod::kGvc: {
          auto g = gvc::gvc_indicators(ctx);
          want = {g.by_sector, g.by_absorber};
          break;
        }
        case TradeMethod::kTiva: {
          auto tv = gvc::tiva_indicators(ctx);
          want = {tv.by_unit, tv.by_sector, tv.bilateral, tv.diagnostics};
          break;
        }
      }
      check_same(got.tables, want);
    }
  }
  TradeRequest bm;
  bm.method = TradeMethod::kBm;
  bm.approach = BmApproach::kSink;
  bm.perspective = BmPerspective::kWorld;
  bm.perimeter = solver::Perimeter::kCountry;
  BOOST_CHECK(bm.table_names() == (std::vector<std::string>{"bm_world_sink", "diagnostics"}));
  BOOST_CHECK_EQUAL(bm.run(), "trade_bm");
  const gvc::TradeContext cctx(m, solver::Perimeter::kCountry);
  check_same(a.trade(bm).tables, with_diag({gvc::bm_world(cctx, true)}));
  TradeRequest lb;
  lb.method = TradeMethod::kLtdv;
  lb.bilateral = true;
  BOOST_CHECK_EQUAL(a.trade(lb).tables.at(2).name(), "ltdv_bilateral");

  AnalyseRequest ar;
  const auto an = a.analyse(ar);
  BOOST_CHECK(an.file_names == ar.file_names());
  BOOST_REQUIRE_EQUAL(an.tables.size(), an.file_names.size());
  check_same(an.tables[0], solver::multipliers_table(m, {}));
  check_same(an.tables[2], d.terms);
  BOOST_CHECK_SMALL((an.output_split.total - solver::split_multipliers(m, Vector::Ones(9)).total).cwiseAbs().maxCoeff(),
                    0.0);
  BOOST_CHECK_EQUAL(a.models_built(), 1);
}

BOOST_AUTO_TEST_CASE(bundled_wiod_table_opens_validates_and_builds_one_model) {
  OpenOptions opt;
  opt.countries = std::string(IRIO_SOURCE_DIR) + "/tables/data/wiod2011_eu27.csv";
  Analysis a = Analysis::open(kWiod, opt);
  BOOST_CHECK_EQUAL(a.source(), kWiod);
  BOOST_CHECK_EQUAL(a.table().labels.num_regions(), 41u);
  BOOST_CHECK_LT(a.table().labels.num_countries(), 41u);  // the EU members are one country
  const auto& rep = a.validate();
  BOOST_CHECK(rep.status == tables::Severity::kWarning);  // rounded cells, zero-output sectors
  BOOST_CHECK(rep.brief().find("Balance check: warning (row balance, zero output") == 0);
  BOOST_CHECK_EQUAL(&rep, &a.validate());  // cached

  const auto mult = a.multipliers();
  const auto& model = a.model();
  BOOST_CHECK_EQUAL(a.models_built(), 1);
  const auto ch = a.chains();
  BOOST_CHECK_EQUAL(&model, &a.model());
  BOOST_CHECK_EQUAL(a.models_built(), 1);

  // Equal to the direct calls on the same table.
  tables::IoTable t = io::read_table(kWiod);
  io::read_country_map(opt.countries, t.labels);
  solver::LeontiefModel m(t);
  check_same(mult.tables, {solver::multipliers_table(m, {})});
  check_same(ch.tables[1], gvc::three_level_decomposition(m).participation);
  BOOST_CHECK(std::isnan(mult.output(a.model().zero_output().front())));
}

BOOST_AUTO_TEST_CASE(table_failing_the_balance_check_is_refused_by_every_result) {
  auto t = testing::miller_blair_2x2();
  t.x = Vector(2);
  t.x << 1000, 2500;  // row 2 sums to 2000: 20 % off, an error
  Analysis a(t, {}, "mb.h5");
  BOOST_CHECK(a.validate().status == tables::Severity::kError);
  expect_throw<BalanceError>([&] { a.multipliers(); }, "mb.h5: the table fails the balance check: row balance");
  expect_throw<BalanceError>([&] { a.chains(); }, "fails the balance check");
  expect_throw<BalanceError>([&] { a.trade(); }, "fails the balance check");
  expect_throw<BalanceError>([&] { (void)a.model(); }, "fails the balance check");
  BOOST_CHECK_EQUAL(a.models_built(), 0);
  // Relaxed tolerances let it through.
  OpenOptions loose;
  loose.balance.error_rel_tol = 0.5;
  Analysis b(t, loose);
  BOOST_CHECK(b.validate().status == tables::Severity::kWarning);
  BOOST_CHECK_NO_THROW(b.multipliers());
}

BOOST_AUTO_TEST_CASE(requests_and_options_validate_themselves) {
  const auto t = testing::leather();
  Analysis a(t);
  MultiplierRequest mr;
  mr.household_categories = {"fd"};
  BOOST_CHECK_EQUAL(mr.validate(), "Type II multipliers need a labour-income row (income component or satellite)");
  expect_throw<InputError>([&] { a.multipliers(mr); }, "multipliers: Type II");
  LinkageRequest lr;
  lr.options.cv_block = 0;
  expect_throw<InputError>([&] { a.linkages(lr); }, "linkages: cv_block must be >= 1");
  ExtractionRequest er;
  BOOST_CHECK_EQUAL(er.validate(), "give either sectors or a block (inter-regional or national)");
  expect_throw<InputError>([&] { a.extraction(er); }, "extraction: give either sectors or a block");
  FootprintRequest fr;
  BOOST_CHECK_EQUAL(fr.validate(), "no satellite given");
  fr.satellite = "CO2";
  expect_throw<InputError>([&] { a.footprints(fr); }, "table: no satellite 'CO2' (table has: none)");
  ImpactRequest ir;
  BOOST_CHECK_EQUAL(ir.validate(), "give either a shock file or a shock matrix");
  ir.shocks = Matrix::Zero(9, 2);
  ir.scenarios = {"one"};
  BOOST_CHECK_EQUAL(ir.validate(), "1 scenario names for 2 shock columns");
  TradeRequest tr;
  tr.leontief_max_n = 0;
  BOOST_CHECK_EQUAL(tr.validate(), "leontief_max_n must be >= 1");
  BOOST_CHECK_EQUAL(a.models_built(), 0);  // every refusal came before the model

  // Options: invalid ones are refused at open; model options cannot change after the model.
  OpenOptions bad;
  bad.model.min_output_eps = -1;
  BOOST_CHECK_EQUAL(bad.validate(), "model options: min_output_eps must be in [0, 1)");
  expect_throw<InputError>([&] { Analysis x(t, bad); }, "open options: model options: min_output_eps");
  bad = {};
  bad.balance.rel_tol = 0.1;  // above error_rel_tol
  BOOST_CHECK_EQUAL(bad.validate(), "balance options: error_rel_tol must be >= rel_tol");
  solver::ModelOptions mo;
  mo.backend = solver::Backend::kKlu;
  a.set_model_options(mo);
  (void)a.model();
  BOOST_CHECK_EQUAL(a.model().summary().backend, "not factorized yet");
  (void)a.multipliers();
  BOOST_CHECK_EQUAL(a.model().summary().backend, "KLU sparse LU");
  expect_throw<InputError>([&] { a.set_model_options({}); }, "the model is built already");

  // The name tables: one spelling per value, parsing lists the valid names.
  BOOST_CHECK_EQUAL(enum_name(TradeMethod::kLtdv), "ltdv");
  BOOST_CHECK(parse_enum<TradeMethod>("gvc") == TradeMethod::kGvc);
  expect_throw<InputError>(
      [] { parse_enum<TradeMethod>("bogus"); },
      "unknown trade method 'bogus' (expected wwz, kww, bm, bmt, my, vax, ltdv, leontief, gvc or tiva)");
  BOOST_CHECK_EQUAL(enum_choices<solver::Backend>("|"), "auto|dense|umfpack|klu|iterative|petsc");
  BOOST_CHECK(enum_names<KpwwFv>() == (std::vector<std::string>{"foreign_content", "fva_kww"}));
}

BOOST_AUTO_TEST_CASE(groupings_are_checked_before_anything_is_solved) {
  const auto t = testing::leather();
  Analysis a(t, {}, "leather.h5");
  const std::string dir = "/tmp/irio_analysis_groups_" + std::to_string(::getpid());
  std::system(("mkdir -p '" + dir + "'").c_str());
  { std::ofstream(dir + "/partial.csv") << "member,group\nARG,South\n"; }
  { std::ofstream(dir + "/all.csv") << "member,group\nARG,South\nTUR,North\nDEU,North\n"; }
  ChainRequest cr;
  cr.groups = {dir + "/partial.csv"};
  expect_throw<InputError>([&] { a.chains(cr); }, "leather.h5");
  BOOST_CHECK_EQUAL(a.models_built(), 0);
  // A member that is not a region (a typo) is an error naming it and the nearest region; it was
  // silently ignored.
  { std::ofstream(dir + "/typo.csv") << "member,group\nARG,South\nTUR,North\nDEU,North\nDUE,North\n"; }
  cr.groups = {dir + "/typo.csv"};
  expect_throw<InputError>([&] { a.chains(cr); }, "not a region of the table: 'DUE' (nearest: ");
  BOOST_CHECK_EQUAL(a.models_built(), 0);
  cr.groups = {dir + "/all.csv"};
  const auto ch = a.chains(cr);
  BOOST_CHECK(names_of(ch.tables) == cr.table_names());
  BOOST_REQUIRE_EQUAL(ch.grouped.size(), 1u);
  BOOST_CHECK(ch.grouped[0].groups == (std::vector<std::string>{"South", "North"}));
  std::system(("rm -rf '" + dir + "'").c_str());
}

BOOST_AUTO_TEST_CASE(opens_a_labelled_csv_folder_like_the_hdf5_table) {
  const auto t = testing::leather();
  const std::string dir = "/tmp/irio_analysis_csv_" + std::to_string(::getpid());
  io::WriteOptions w;
  w.overwrite = true;
  io::export_csv(t, dir, w);
  Analysis a = Analysis::open(dir);  // a folder with Z.csv and Y.csv: labelled CSV
  BOOST_CHECK_EQUAL(a.table().n(), 9u);
  Analysis b(t);
  check_same(a.multipliers().tables, b.multipliers().tables);
  OpenOptions o;
  o.format = TableFormat::kPymrio;
  BOOST_CHECK_THROW(Analysis::open(dir, o), InputError);  // not a pymrio folder
  std::system(("rm -rf '" + dir + "'").c_str());
}

BOOST_AUTO_TEST_SUITE_END()
