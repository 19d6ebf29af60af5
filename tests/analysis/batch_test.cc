// SPDX-License-Identifier: MIT
// irio batch (analysis/runtime/batch.h): perturbation specs, reproducible and mean-one draws that keep the
// table balanced, draw 0 and zero-variance draws equal to the unperturbed result, a list of tables
// equal to the verb run per table, summary rows, and the CLI on the bundled WIOD 2011 table.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <fstream>

#include "irio/analysis/runtime/batch.h"
#include "irio/io/table_store.h"
#include "irio/tables/balance.h"
#include "irio/tables/error.h"
#include "tests/analysis/cli_dir.h"
#include "tests/test_util.h"

namespace irio {
namespace {

const std::string kWiod = std::string(IRIO_SOURCE_DIR) + "/tables/data/wiod2011.h5";

bool has(const std::string& s, const std::string& what) { return s.find(what) != std::string::npos; }

BatchRequest multipliers_request() {
  BatchRequest r;
  r.verb = "multipliers";
  return r;
}

/// Rows [first, first + t.num_rows()) of the panel table `p` are `t` with `label` in front.
void check_rows(const tables::TidyTable& p, std::size_t first, const tables::TidyTable& t, const std::string& label) {
  BOOST_REQUIRE_EQUAL(p.num_keys(), t.num_keys() + 1);
  BOOST_REQUIRE_GE(p.num_rows(), first + t.num_rows());
  for (std::size_t r = 0; r < t.num_rows(); ++r) {
    BOOST_REQUIRE_EQUAL(p.key(0, first + r), label);
    for (std::size_t c = 0; c < t.num_keys(); ++c) BOOST_REQUIRE_EQUAL(p.key(c + 1, first + r), t.key(c, r));
    const double a = p.value(first + r), b = t.value(r);
    BOOST_REQUIRE_MESSAGE((std::isnan(a) && std::isnan(b)) || a == b, "row " << r << ": " << a << " vs " << b);
  }
}

BOOST_AUTO_TEST_SUITE(batch)

BOOST_AUTO_TEST_CASE(perturbation_specs) {
  const auto p = parse_perturbation("Z:lognormal:0.05");
  BOOST_CHECK(p.target == PerturbTarget::kZ && p.law == PerturbLaw::kLognormal && p.scale == 0.05);
  BOOST_CHECK(parse_perturbation("Y:normal:0.1").target == PerturbTarget::kY);
  for (const char* bad :
       {"Z", "Z:lognormal", "X:normal:0.1", "Z:gamma:0.1", "Z:normal:-1", "Z:normal:abc", "Y:uniform:1.5", "Z:normal:"})
    BOOST_CHECK_THROW(parse_perturbation(bad), InputError);
}

BOOST_AUTO_TEST_CASE(draws_are_reproducible_mean_one_and_balanced) {
  const auto t = io::read_table(kWiod);
  const std::vector<Perturbation> ps{parse_perturbation("Z:lognormal:0.05"), parse_perturbation("Y:normal:0.1")};
  const auto d1 = perturbed_table(t, ps, 7, 1), again = perturbed_table(t, ps, 7, 1);
  const auto d2 = perturbed_table(t, ps, 7, 2), other_seed = perturbed_table(t, ps, 8, 1);
  BOOST_CHECK(tables::Matrix(d1.Z) == tables::Matrix(again.Z) && d1.Y == again.Y && d1.x == again.x);
  BOOST_CHECK(tables::Matrix(d1.Z) != tables::Matrix(d2.Z));
  BOOST_CHECK(tables::Matrix(d1.Z) != tables::Matrix(other_seed.Z));
  // Lognormal factors: mean 1, sd of their logarithm = the scale; zeros stay zero.
  BOOST_REQUIRE_EQUAL(d1.Z.nonZeros(), t.Z.nonZeros());
  double sum = 0, sum_log = 0, sum_log2 = 0;
  std::size_t m = 0;
  for (Eigen::Index k = 0; k < t.Z.nonZeros(); ++k) {
    if (t.Z.valuePtr()[k] == 0.0) continue;
    const double f = d1.Z.valuePtr()[k] / t.Z.valuePtr()[k];
    sum += f;
    sum_log += std::log(f);
    sum_log2 += std::log(f) * std::log(f);
    ++m;
  }
  BOOST_REQUIRE_GT(m, 100000u);
  const double mean = sum / static_cast<double>(m), mlog = sum_log / static_cast<double>(m);
  BOOST_CHECK_SMALL(mean - 1.0, 1e-3);
  BOOST_CHECK_CLOSE(std::sqrt(sum_log2 / static_cast<double>(m) - mlog * mlog), 0.05, 1.0);
  // Re-balanced: output moves with its row total, value added is the column residual.
  const tables::Vector gap0 = t.output() - t.row_total(), gap1 = d1.output() - d1.row_total();
  BOOST_CHECK_SMALL((gap1 - gap0).cwiseAbs().maxCoeff(), 1e-6 * t.output().maxCoeff());
  // Balanced (Z only: WIOD's negative inventory changes in Y can push a tiny row's output below 0,
  // and such a draw is refused like any table with negative output).
  const auto report = tables::check_balance(perturbed_table(t, {ps[0]}, 7, 1));
  BOOST_CHECK_MESSAGE(report.status != tables::Severity::kError, report.messages(tables::Severity::kError));
  // Draw 0 and zero-variance draws are the table, bit for bit.
  const auto z0 = perturbed_table(t, {parse_perturbation("Z:lognormal:0")}, 7, 3);
  BOOST_CHECK(tables::Matrix(z0.Z) == tables::Matrix(t.Z) && z0.Y == t.Y && z0.output() == t.output());
  BOOST_CHECK(perturbed_table(t, ps, 7, 0).Y == t.Y);
}

BOOST_AUTO_TEST_CASE(draw_zero_and_zero_variance_equal_the_table) {
  const Analysis a = Analysis::open(kWiod);
  const auto plain = a.multipliers({}).tables;
  auto r = multipliers_request();
  r.draws = 2;
  r.seed = 7;
  r.perturbations = {parse_perturbation("Z:lognormal:0")};
  const auto zero = batch_draws(a, r);
  BOOST_REQUIRE_EQUAL(zero.tables.size(), plain.size());
  BOOST_REQUIRE_EQUAL(zero.items.size(), 3u);
  for (std::size_t k = 0; k < plain.size(); ++k)
    for (std::size_t d = 0; d < 3; ++d)
      check_rows(zero.tables[k], d * plain[k].num_rows(), plain[k], std::to_string(d));
  r.perturbations = {parse_perturbation("Z:lognormal:0.05")};
  r.summary = true;
  const auto mc = batch_draws(a, r), mc2 = batch_draws(a, r);
  BOOST_REQUIRE_EQUAL(mc.tables.size(), 2 * plain.size());  // each table, then its summary
  const auto& p = mc.tables[0];
  const auto& summary = mc.tables[1];
  BOOST_CHECK_EQUAL(summary.name(), p.name() + "_summary");
  BOOST_CHECK_EQUAL(summary.key_columns()[0], "statistic");
  check_rows(p, 0, plain[0], "0");
  BOOST_REQUIRE_EQUAL(p.num_rows(), mc2.tables[0].num_rows());
  for (std::size_t i = 0; i < p.num_rows(); ++i) {  // reproducible for a fixed seed
    const double u = p.value(i), w = mc2.tables[0].value(i);
    BOOST_REQUIRE((std::isnan(u) && std::isnan(w)) || u == w);
  }
  // Draw 1 differs from draw 0, and the mean row of a key is the mean of draws 1 and 2.
  const std::size_t rows = plain[0].num_rows();
  std::size_t differ = 0;
  for (std::size_t i = 0; i < rows; ++i)
    if (p.value(rows + i) != p.value(i)) ++differ;
  BOOST_CHECK_GT(differ, rows / 2);
  std::size_t checked = 0;
  for (std::size_t i = 0; i < rows && checked < 5; ++i) {
    if (std::isnan(p.value(i))) continue;
    std::vector<std::string> keys{"mean"};
    for (std::size_t c = 1; c < p.num_keys(); ++c) keys.push_back(p.key(c, i));
    BOOST_CHECK_CLOSE(summary.find(keys), 0.5 * (p.value(rows + i) + p.value(2 * rows + i)), 1e-10);
    keys[0] = "q0.5";
    BOOST_CHECK_CLOSE(summary.find(keys), 0.5 * (p.value(rows + i) + p.value(2 * rows + i)), 1e-10);
    keys[0] = "max";
    BOOST_CHECK_EQUAL(summary.find(keys), std::max(p.value(rows + i), p.value(2 * rows + i)));
    ++checked;
  }
  BOOST_CHECK_EQUAL(checked, 5u);
}

BOOST_FIXTURE_TEST_CASE(list_of_tables_equals_the_verb_per_table, CliDir) {
  io::write_table(testing::leather(), file("leather.h5"));
  const std::vector<std::string> paths{file("leather.h5"), kWiod};
  const auto r = batch_tables(paths, {}, multipliers_request());
  const auto lea = Analysis::open(paths[0]).multipliers({}).tables, wiod = Analysis::open(kWiod).multipliers({}).tables;
  BOOST_REQUIRE_EQUAL(r.tables.size(), lea.size());
  for (std::size_t k = 0; k < lea.size(); ++k) {
    check_rows(r.tables[k], 0, lea[k], paths[0]);
    check_rows(r.tables[k], lea[k].num_rows(), wiod[k], paths[1]);
  }
  BOOST_CHECK_THROW(batch_tables({paths[0], paths[0]}, {}, multipliers_request()), InputError);
  BOOST_CHECK_THROW(batch_tables({file("missing.h5")}, {}, multipliers_request()), InputError);
}

BOOST_FIXTURE_TEST_CASE(cli, CliDir) {
  io::write_table(testing::leather(), file("leather.h5"));
  {
    std::ofstream list(file("list.txt"));
    list << "# tables\nleather.h5\n\n" << kWiod << "\n";
  }
  std::string out;
  BOOST_CHECK_EQUAL(run("batch --verb multipliers --tables list.txt -o panel.csv", out), 0);
  const std::string panel = read("panel.csv");
  BOOST_CHECK_MESSAGE(panel.rfind("table,", 0) == 0 && has(panel, "leather.h5,") && has(panel, "wiod2011.h5,"), out);
  BOOST_CHECK_EQUAL(run("batch --verb multipliers --draws 2 --seed 7 --perturb Z:lognormal:0.05 --perturb "
                        "Y:normal:0.1 --summary leather.h5 -o mc.csv",
                        out),
                    0);
  // The panel keeps a numeric draw column; the summary is its own table (statistic column).
  const std::string mc = read("mc_multipliers.csv"), mcs = read("mc_multipliers_summary.csv");
  BOOST_CHECK_MESSAGE(mc.rfind("draw,", 0) == 0 && has(mc, "\n0,") && has(mc, "\n2,") && !has(mc, "\nmean,"), out);
  BOOST_CHECK_MESSAGE(mcs.rfind("statistic,", 0) == 0 && has(mcs, "\nmean,") && has(mcs, "\nq0.95,"), out);
  // Each --perturb takes one value, so the table may follow it; quantiles are comma-separated.
  BOOST_CHECK_EQUAL(run("batch --verb multipliers --draws 1 --perturb Z:lognormal:0.05 --perturb Y:normal:0.1 "
                        "leather.h5 --summary --quantiles 0.1,0.9 -o q.csv",
                        out),
                    0);
  BOOST_CHECK_MESSAGE(
      has(read("q_multipliers_summary.csv"), "\nq0.9,") && !has(read("q_multipliers_summary.csv"), "\nq0.5,"), out);
  BOOST_CHECK_EQUAL(run("batch --verb multipliers --draws 2 --perturb Z:gamma:0.1 leather.h5 -o bad.csv", out), 2);
  BOOST_CHECK_MESSAGE(has(out, "Z:gamma:0.1"), out);
  BOOST_CHECK_EQUAL(run("batch --verb multipliers --draws 2 leather.h5 -o bad.csv", out), 2);
  BOOST_CHECK_EQUAL(
      run("batch --verb multipliers --draws 2 --perturb Z:normal:0.1 leather.h5 list.txt -o bad.csv", out), 2);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace irio
