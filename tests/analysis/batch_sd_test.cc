// SPDX-License-Identifier: MIT
// Uncertainty draws from per-cell standard deviations (`irio batch --sd`, methods.md §10.7): with
// sd = 0 a draw is the table bit for bit; the sample mean and sd of a drawn cell over many draws
// match the law's (lognormal with matched mean and sd, sign kept; normal truncated to the mean's
// sign), and so do the ratios draw / mean over the cells of one draw; zero cells stay zero; a
// same-layout file with a wrong label is refused naming it; the CLI on the bundled WIOD 2011 table
// with an sd table of 10 % of each cell, for disparity and circulation with summaries.
#include <boost/test/unit_test.hpp>

#include <cmath>

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

/// `t` with every value (Z, Y, V, satellites) scaled by |share| (an sd table of share times each cell).
tables::IoTable sd_of(const tables::IoTable& t, double share) {
  tables::IoTable sd = t;
  for (Eigen::Index k = 0; k < sd.Z.nonZeros(); ++k) sd.Z.valuePtr()[k] = share * std::abs(sd.Z.valuePtr()[k]);
  sd.Y = share * t.Y.cwiseAbs();
  sd.V = share * t.V.cwiseAbs();
  for (auto& s : sd.satellites) {
    s.F = share * s.F.cwiseAbs();
    s.F_Y = share * s.F_Y.cwiseAbs();
  }
  sd.x = tables::Vector();
  return sd;
}

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no InputError)";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(batch_sd)

BOOST_AUTO_TEST_CASE(zero_sd_draws_are_the_table) {
  const auto t = io::read_table(kWiod);
  const auto zero = sd_of(t, 0.0);
  check_sd_table(zero, t, "zero");
  for (SdLaw law : {SdLaw::kLognormal, SdLaw::kNormal}) {
    const auto d = drawn_table(t, &zero, law, {}, 7, 3);
    BOOST_CHECK(tables::Matrix(d.Z) == tables::Matrix(t.Z));
    BOOST_CHECK(d.Y == t.Y && d.V == t.V && d.output() == t.output());
    for (std::size_t s = 0; s < t.satellites.size(); ++s) BOOST_CHECK(d.satellites[s].F == t.satellites[s].F);
  }
  // Without sd, drawn_table is perturbed_table (the same stream).
  const std::vector<Perturbation> ps{parse_perturbation("Z:lognormal:0.05")};
  BOOST_CHECK(tables::Matrix(drawn_table(t, nullptr, SdLaw::kLognormal, ps, 7, 2).Z) ==
              tables::Matrix(perturbed_table(t, ps, 7, 2).Z));
}

BOOST_AUTO_TEST_CASE(a_drawn_cell_follows_its_law) {
  // One cell of mean 10 and sd 3 (lognormal) or 2 (normal: truncation at 0 is 5 sd away, its
  // effect on mean and sd below 1e-5), over 4000 draws: sample mean within 4 standard errors, sample
  // sd within 6 % (its standard error is about 1.1 % for the normal, 2 % for this lognormal).
  tables::Matrix Z(2, 2), Y(2, 1);
  Z << 10, 4, -6, 5;
  Y << 50, 60;
  auto t = testing::make_table(Z, Y, {"R"}, {"a", "b"});
  for (const auto& [law, s] : {std::pair{SdLaw::kLognormal, 3.0}, std::pair{SdLaw::kNormal, 2.0}}) {
    auto sd = t;
    sd.Z.coeffRef(0, 0) = s;
    sd.Z.coeffRef(1, 0) = s * 0.6;  // the negative cell: mean -6, sd 0.6 s, sign kept
    sd.Z.coeffRef(0, 1) = 0;
    sd.Z.coeffRef(1, 1) = 0;
    sd.Y.setZero();
    check_sd_table(sd, t, "sd");
    const int D = 4000;
    double sum = 0, sum2 = 0, nsum = 0, nsum2 = 0;
    for (int d = 1; d <= D; ++d) {
      const auto x = drawn_table(t, &sd, law, {}, 42, d);
      const double v = x.Z.coeff(0, 0), w = x.Z.coeff(1, 0);
      BOOST_REQUIRE(v > 0 && w < 0);
      BOOST_REQUIRE_EQUAL(x.Z.coeff(0, 1), 4.0);  // sd 0: the mean itself
      sum += v;
      sum2 += v * v;
      nsum += w;
      nsum2 += w * w;
    }
    const double mean = sum / D, sdev = std::sqrt((sum2 - D * mean * mean) / (D - 1));
    const double nmean = nsum / D, nsdev = std::sqrt((nsum2 - D * nmean * nmean) / (D - 1));
    BOOST_TEST_CONTEXT("law " << enum_name(law)) {
      BOOST_CHECK_SMALL(mean - 10.0, 4 * s / std::sqrt(D));
      BOOST_CHECK_CLOSE(sdev, s, 6.0);
      BOOST_CHECK_SMALL(nmean + 6.0, 4 * 0.6 * s / std::sqrt(D));
      BOOST_CHECK_CLOSE(nsdev, 0.6 * s, 6.0);
    }
  }
}

BOOST_AUTO_TEST_CASE(the_cells_of_one_draw_follow_the_law_and_the_table_balances) {
  // sd = 10 % of each cell: over WIOD's non-zero flows of one draw, draw / mean has mean 1 and sd
  // 0.1 (lognormal: the log has sd sqrt(ln 1.01)); zero cells stay zero; the draw balances.
  const auto t = io::read_table(kWiod);
  auto sd = sd_of(t, 0.1);
  sd.Y.setZero();  // WIOD's negative inventory changes: as in batch_test, Z only for the balance
  const auto d = drawn_table(t, &sd, SdLaw::kLognormal, {}, 5, 1);
  BOOST_REQUIRE_EQUAL(d.Z.nonZeros(), t.Z.nonZeros());
  double sum = 0, sum2 = 0, lsum = 0, lsum2 = 0;
  std::size_t m = 0, zeros = 0;
  for (Eigen::Index k = 0; k < t.Z.nonZeros(); ++k) {
    const double z = t.Z.valuePtr()[k];
    if (z == 0.0) {
      zeros += d.Z.valuePtr()[k] == 0.0;
      continue;
    }
    const double f = d.Z.valuePtr()[k] / z;
    BOOST_REQUIRE(f > 0);
    sum += f;
    sum2 += f * f;
    lsum += std::log(f);
    lsum2 += std::log(f) * std::log(f);
    ++m;
  }
  BOOST_REQUIRE_GT(m, 100000u);
  const double n = static_cast<double>(m), mean = sum / n, lmean = lsum / n;
  BOOST_CHECK_SMALL(mean - 1.0, 2e-3);
  BOOST_CHECK_CLOSE(std::sqrt(sum2 / n - mean * mean), 0.1, 1.5);
  BOOST_CHECK_CLOSE(std::sqrt(lsum2 / n - lmean * lmean), std::sqrt(std::log(1.01)), 1.5);
  const auto report = tables::check_balance(d);
  BOOST_CHECK_MESSAGE(report.status != tables::Severity::kError, report.messages(tables::Severity::kError));
  // Value added: drawn shares, each column summing to what the undrawn column would.
  const tables::Vector x0 = t.output(), x = d.output();
  for (Eigen::Index j = 0; j < t.V.cols(); j += 97) {
    const double va0 = t.value_added_residual()(j), va = d.value_added_residual()(j);
    if (va0 == 0.0) continue;
    BOOST_CHECK_CLOSE(d.V.col(j).sum(), t.V.col(j).sum() * va / va0, 1e-9);
  }
}

BOOST_AUTO_TEST_CASE(wrong_labels_are_refused_naming_the_first) {
  const auto t = io::read_table(kWiod);
  auto sd = sd_of(t, 0.1);
  sd.labels.sectors[3] = "c99";
  const std::string m = message_of([&] { check_sd_table(sd, t, "'sd.h5'"); });
  BOOST_CHECK_MESSAGE(has(m, "sd.h5") && has(m, "sector 4") && has(m, "c99") && has(m, t.labels.sectors[3]), m);
  sd = sd_of(t, 0.1);
  sd.labels.regions.pop_back();
  BOOST_CHECK_MESSAGE(has(message_of([&] { check_sd_table(sd, t, "x"); }), "regions"), "region count");
  sd = sd_of(t, 0.1);
  if (!sd.satellites.empty()) {
    sd.satellites[0].name = "nope";
    const std::string s = message_of([&] { check_sd_table(sd, t, "x"); });
    BOOST_CHECK_MESSAGE(has(s, "'nope'"), s);
  }
  sd = sd_of(t, 0.1);
  sd.Y(2, 3) = -1;
  const std::string neg = message_of([&] { check_sd_table(sd, t, "x"); });
  BOOST_CHECK_MESSAGE(has(neg, "negative") && has(neg, "in Y") && has(neg, t.labels.describe(2)), neg);
}

BOOST_FIXTURE_TEST_CASE(cli_on_wiod_with_a_ten_percent_sd_table, CliDir) {
  auto t = io::read_table(kWiod);
  auto sd = sd_of(t, 0.1);
  sd.Y.setZero();
  io::write_table(sd, file("sd.h5"));
  std::string out;
  BOOST_REQUIRE_EQUAL(
      run("batch --verb multipliers --draws 3 --seed 11 --sd sd.h5 --summary '" + kWiod + "' -o m.csv", out), 0);
  BOOST_CHECK_MESSAGE(has(out, "lognormal laws") && has(out, "Each draw: ") && has(out, "solves"), out);
  const std::string s = read("m_multipliers_summary.csv"), p = read("m_multipliers.csv");
  BOOST_CHECK_MESSAGE(s.rfind("statistic,", 0) == 0 && has(s, "\nsd,") && has(s, "\nq0.05,"), out);
  BOOST_CHECK(has(p, "\n3,") && has(p, "\n0,"));
  // Circulation (the EU members as one country's regions) with its band shares, and the truncated normal.
  const std::string eu = std::string(IRIO_SOURCE_DIR) + "/tables/data/wiod2011_eu27.csv";
  BOOST_REQUIRE_EQUAL(run("batch --verb circulation --countries '" + eu +
                              "' --draws 2 --seed 11 --sd sd.h5 --sd-law normal --summary '" + kWiod + "' -o c.csv",
                          out),
                      0);
  BOOST_CHECK_MESSAGE(has(read("c_coupling_summary.csv"), "\nq0.5,") && !read("c_coupling_bands.csv").empty(), out);
  // Disparity (its defaults need the regions of one country: the EU members again).
  BOOST_REQUIRE_EQUAL(run("batch --verb disparity --set indicator=output --countries '" + eu +
                              "' --draws 2 --seed 11 --sd sd.h5 --summary '" + kWiod + "' -o d.csv",
                          out),
                      0);
  bool summary = false;
  for (const auto& e : fs::directory_iterator(dir))
    summary = summary ||
              (e.path().filename().string().rfind("d_", 0) == 0 && has(e.path().filename().string(), "_summary.csv") &&
               has(read(e.path().filename().string()), "\nsd,"));
  BOOST_CHECK_MESSAGE(summary, out);
  // A same-layout file with a wrong label is refused, naming it; --sd needs --draws.
  sd.labels.regions[1] = "XXX";
  io::write_table(sd, file("bad.h5"));
  BOOST_CHECK_EQUAL(run("batch --verb multipliers --draws 2 --sd bad.h5 '" + kWiod + "' -o b.csv", out), 2);
  BOOST_CHECK_MESSAGE(has(out, "bad.h5") && has(out, "'XXX'"), out);
  BOOST_CHECK_EQUAL(run("batch --verb multipliers --sd sd.h5 '" + kWiod + "' -o b.csv", out), 2);
  BOOST_CHECK_MESSAGE(has(out, "--draws"), out);
  BOOST_CHECK(!fs::exists(dir / "b.csv"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace irio
