// SPDX-License-Identifier: MIT
// `irio batch` for every declared verb (analysis/runtime/batch.h): a batch over one table equals
// the verb's own Call on it (with the leading `table` column, display names left out), for each
// verb of irio::verbs() with the options that make it run; --set texts typed by the declaration's
// option kinds, unknown options refused with the valid ones listed; the streamed output
// (io::ResultStream, item by item) byte for byte the files write_results writes for the panel
// held in memory; summaries for disparity and circulation; the solves per draw stated.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "irio/analysis/display_names.h"
#include "irio/analysis/runtime/batch.h"
#include "irio/io/table_store.h"
#include "irio/tables/error.h"
#include "tests/analysis/cli_dir.h"
#include "tests/test_util.h"

namespace irio {
namespace {

const std::string kWiod = std::string(IRIO_SOURCE_DIR) + "/tables/data/wiod2011.h5";

bool has(const std::string& s, const std::string& what) { return s.find(what) != std::string::npos; }

tables::IoTable leather_with_co2() {
  auto t = testing::leather();
  tables::Satellite s;
  s.name = "air";
  s.stressors = {"CO2"};
  s.units = {"kt"};
  s.F = tables::Matrix::Constant(1, t.n(), 2.0);
  s.F(0, 4) = 7.0;
  s.F_Y = tables::Matrix(1, 0);
  t.satellites.push_back(s);
  return t;
}

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no InputError)";
}

/// Rows of the batch table `p` (leading item column) equal `t` (display-name columns of t skipped).
void check_same(const tables::TidyTable& p, const tables::TidyTable& t, const std::string& label) {
  std::vector<std::size_t> cols;
  for (std::size_t c = 0; c < t.num_keys(); ++c)
    if (!is_display_name_column(t.key_columns()[c])) cols.push_back(c);
  BOOST_REQUIRE_EQUAL(p.num_keys(), cols.size() + 1);
  BOOST_REQUIRE_EQUAL(p.num_rows(), t.num_rows());
  for (std::size_t k = 0; k < cols.size(); ++k) BOOST_REQUIRE_EQUAL(p.key_columns()[k + 1], t.key_columns()[cols[k]]);
  for (std::size_t r = 0; r < t.num_rows(); ++r) {
    BOOST_REQUIRE_EQUAL(p.key(0, r), label);
    for (std::size_t k = 0; k < cols.size(); ++k) BOOST_REQUIRE_EQUAL(p.key(k + 1, r), t.key(cols[k], r));
    const double a = p.value(r), b = t.value(r);
    BOOST_REQUIRE_MESSAGE((std::isnan(a) && std::isnan(b)) || a == b, t.name()
                                                                          << " row " << r << ": " << a << " vs " << b);
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(batch_verbs)

BOOST_FIXTURE_TEST_CASE(every_verb_in_batch_equals_its_own_call, CliDir) {
  io::write_table(leather_with_co2(), file("leather.h5"));
  const std::string scen = file("scen.csv"), shock = file("shock.csv");
  std::ofstream(scen) << "scenario,factor,origin,destination\nall1,1.2,all,all\n";
  std::ofstream(shock) << "region,sector,value\nTUR,Textile,10\n";
  const std::vector<std::pair<std::string, std::vector<std::string>>> runs = {
      {"chains", {}},
      {"circulation", {}},
      {"disparity", {"indicator=output"}},
      {"embodied", {"satellite=air"}},
      {"extract", {"sectors=TUR/Textile"}},
      {"footprints", {"satellite=air"}},
      {"ghosh", {}},
      {"impact", {"shock=" + shock}},
      {"linkages", {"cv=true"}},
      {"multipliers", {"split=true", "round=1"}},
      {"paths", {"satellite=air", "stressor=CO2", "max_order=3"}},
      {"position", {}},
      {"scenario", {"scenarios=" + scen}},
      {"trade", {"method=wwz", "bilateral=yes"}},
  };
  std::set<std::string> covered;
  const Analysis a = Analysis::open(file("leather.h5"));
  for (const auto& [verb, settings] : runs) {
    BOOST_TEST_CONTEXT("verb " << verb) {
      covered.insert(verb);
      BatchRequest r;
      r.verb = verb;
      r.options = parse_settings(verb, settings);
      auto call = irio::verb(verb).call();
      for (const auto& [o, v] : r.options) call->set(o, v);
      std::ostringstream ignored;
      const auto own = call->run(a, ignored);
      const auto b = batch_tables({file("leather.h5")}, {}, r);
      BOOST_REQUIRE_EQUAL(b.tables.size(), own.tables.size());
      BOOST_TEST(r.table_names() == own.names);
      for (std::size_t k = 0; k < own.tables.size(); ++k) check_same(b.tables[k], own.tables[k], file("leather.h5"));
    }
  }
  for (const auto* v : verbs())
    if (!v->hand_written()) BOOST_TEST(covered.count(v->name()) == 1, "verb " << v->name() << " is not run in batch");
}

BOOST_AUTO_TEST_CASE(settings_are_typed_by_the_declaration) {
  const auto s = parse_settings("multipliers", {"split=true", "household-categories=hh", "household_categories=gov"});
  BOOST_REQUIRE_EQUAL(s.size(), 2u);
  BOOST_CHECK(s[0].first == "split" && std::get<bool>(s[0].second));
  BOOST_CHECK(s[1].first == "household_categories" &&
              std::get<std::vector<std::string>>(s[1].second) == (std::vector<std::string>{"hh", "gov"}));
  const auto n = parse_settings("linkages", {"cv=off"});
  BOOST_CHECK(!std::get<bool>(n[0].second));
  // An unknown option is named and the valid ones are listed.
  const std::string unknown = message_of([] { parse_settings("disparity", {"indicatr=output"}); });
  BOOST_CHECK_MESSAGE(has(unknown, "indicatr") && has(unknown, "indicator") && has(unknown, "options:"), unknown);
  BOOST_CHECK_MESSAGE(has(message_of([] { parse_settings("linkages", {"cv=maybe"}); }), "true or false"), "flag");
  BOOST_CHECK_MESSAGE(has(message_of([] { parse_settings("multipliers", {"split"}); }), "OPTION=VALUE"), "no =");
  BOOST_CHECK_THROW(parse_settings("no_such_verb", {}), InputError);
  // Bounds and choices are the declaration's, checked when set.
  BatchRequest r;
  r.verb = "circulation";
  r.options = parse_settings("circulation", {"alpha=2"});
  BOOST_CHECK_MESSAGE(has(r.validate(), "alpha") || has(r.validate(), "2 is outside"), r.validate());
  r.verb = "trade";
  r.options = parse_settings("trade", {"method=nope"});
  BOOST_CHECK_MESSAGE(has(r.validate(), "nope"), r.validate());
  r.verb = "multipliers";
  r.options = {{"groups", std::vector<std::string>{"four_regions"}}};
  BOOST_CHECK_MESSAGE(has(r.validate(), "no option 'groups'"), r.validate());
}

/// The streamed CLI output is, file for file and byte for byte, what write_results writes for the
/// panel held in memory (several tables per item, summaries, one file per table).
BOOST_FIXTURE_TEST_CASE(streamed_output_equals_the_panel_written_at_once, CliDir) {
  io::write_table(leather_with_co2(), file("leather.h5"));
  BatchRequest r;
  r.verb = "chains";
  r.draws = 3;
  r.seed = 9;
  r.summary = true;
  r.perturbations = {parse_perturbation("Z:lognormal:0.1")};
  const auto held = batch_draws(Analysis::open(file("leather.h5")), r);
  fs::create_directory(dir / "held");
  const auto written = io::write_results(held.tables, file("held/mc.csv"), "batch");
  std::string out;
  BOOST_REQUIRE_EQUAL(
      run("batch --verb chains --draws 3 --seed 9 --summary --perturb Z:lognormal:0.1 leather.h5 -o mc.csv", out), 0);
  BOOST_CHECK_MESSAGE(has(out, "Each draw: ") && has(out, "factorisation") && has(out, "solves"), out);
  BOOST_REQUIRE_GT(written.size(), 3u);
  for (const auto& w : written) {
    const std::string name = fs::path(w).filename().string();
    BOOST_CHECK_MESSAGE(read(name) == testing::read_file(w), name << " differs from the panel written at once");
  }
  // The manifest lists the same files, rows and CRCs.
  const auto m1 = io::read_result_manifest(file("mc.meta.json")),
             m2 = io::read_result_manifest(file("held/mc.meta.json"));
  BOOST_REQUIRE_EQUAL(m1.files.size(), m2.files.size());
  for (std::size_t i = 0; i < m1.files.size(); ++i) {
    BOOST_CHECK_EQUAL(m1.files[i].file, m2.files[i].file);
    BOOST_CHECK_EQUAL(m1.files[i].rows, m2.files[i].rows);
    BOOST_CHECK_EQUAL(m1.files[i].crc32, m2.files[i].crc32);
  }
  // HDF5: the same tables.
  BOOST_REQUIRE_EQUAL(
      run("batch --verb chains --draws 3 --seed 9 --summary --perturb Z:lognormal:0.1 leather.h5 -o mc.h5", out), 0);
  const auto back = io::read_tidy_h5(file("mc.h5"), "batch");
  BOOST_CHECK_EQUAL(back.size(), held.tables.size());
}

BOOST_FIXTURE_TEST_CASE(one_file_of_several_tables_is_joined_in_table_order, CliDir) {
  // Two tables sharing their key columns, streamed in two items: the file write_results writes.
  tables::TidyTable a("a", {"draw", "k"}), b("b", {"draw", "k"});
  a.add_row({"0", "x"}, 1.5);
  b.add_row({"0", "x"}, 2.5);
  tables::TidyTable a1("a", {"draw", "k"}), b1("b", {"draw", "k"});
  a1.add_row({"1", "x"}, 3.5);
  b1.add_row({"1", "y"}, std::nan(""));
  {
    io::ResultStream s(file("s.csv"), "batch", {"a", "b"}, true, {});
    s.append(0, a);
    s.append(1, b);
    s.append(0, a1);
    s.append(1, b1);
    BOOST_CHECK(s.commit() == std::vector<std::string>{file("s.csv")});
  }
  a.append(a1);
  b.append(b1);
  fs::create_directory(dir / "w");
  io::write_results({a, b}, file("w/s.csv"), "batch");
  BOOST_CHECK_EQUAL(read("s.csv"), read("w/s.csv"));
  BOOST_CHECK_EQUAL(read("s.csv"), "table,draw,k,value\na,0,x,1.5\na,1,x,3.5\nb,0,x,2.5\nb,1,y,NA\n");
  // A stream abandoned before commit leaves nothing (the old result, here none).
  {
    io::ResultStream s(file("gone.csv"), "batch", {"a", "b"}, false, {});
    s.append(0, a);
  }
  BOOST_CHECK(!fs::exists(dir / "gone_a.csv") && !fs::exists(dir / "gone.meta.json"));
  for (const auto& e : fs::directory_iterator(dir))
    BOOST_CHECK_MESSAGE(e.path().filename().string().find("irio-tmp") == std::string::npos, e.path());
}

BOOST_FIXTURE_TEST_CASE(cli_any_verb_with_set_and_summaries, CliDir) {
  io::write_table(leather_with_co2(), file("leather.h5"));
  std::string out;
  BOOST_REQUIRE_EQUAL(run("batch --verb disparity --set indicator=output --draws 4 --seed 3 --perturb "
                          "Z:lognormal:0.1 --summary leather.h5 -o d.csv",
                          out),
                      0);
  BOOST_CHECK_MESSAGE(has(out, "Batch of disparity over 5 draws"), out);
  bool summary = false;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string n = e.path().filename().string();
    if (n.rfind("d_", 0) == 0 && has(n, "_summary.csv")) {
      summary = true;
      const std::string s = read(n);
      BOOST_CHECK_MESSAGE(s.rfind("statistic,", 0) == 0 && has(s, "\nmean,") && has(s, "\nsd,") && has(s, "\nq0.95,"),
                          n);
    }
  }
  BOOST_CHECK_MESSAGE(summary, "no summary table of disparity");
  BOOST_REQUIRE_EQUAL(run("batch --verb footprints --set satellite=air leather.h5 -o f.csv", out), 0);
  BOOST_CHECK(read("f_footprints_air.csv").rfind("table,", 0) == 0 && has(read("f_footprints_air.csv"), "CO2"));
  // Unknown options name themselves and the valid ones; --groups on a verb without groups.
  BOOST_CHECK_EQUAL(run("batch --verb disparity --set indicatr=output leather.h5 -o x.csv", out), 2);
  BOOST_CHECK_MESSAGE(has(out, "indicatr") && has(out, "indicator"), out);
  BOOST_CHECK_EQUAL(run("batch --verb multipliers --groups four_regions leather.h5 -o x.csv", out), 2);
  BOOST_CHECK_MESSAGE(has(out, "groups"), out);
  BOOST_CHECK_EQUAL(run("batch --verb nonsense leather.h5 -o x.csv", out), 2);
  BOOST_CHECK(!fs::exists(dir / "x.csv"));
}

BOOST_FIXTURE_TEST_CASE(memory_bound_counts_what_rank_0_holds, CliDir) {
  // Streaming to CSV holds one item at a time; an .h5 output keeps the panel: a --max-memory
  // between the two runs the first and refuses the second, each message giving the estimate.
  const std::string args = "batch --verb multipliers --draws 20 --seed 1 --perturb Z:lognormal:0.05 '" + kWiod + "' ";
  std::string out;
  BOOST_REQUIRE_EQUAL(run(args + "--max-memory 0.000001 -o tiny.csv", out), 2);
  std::smatch m;
  BOOST_REQUIRE_MESSAGE(std::regex_search(out, m, std::regex("1 item of ([0-9]+) bytes held at once")), out);
  const double bytes = std::stod(m[1]);
  const double gib = 3.0 * bytes * 5.0 / (1024.0 * 1024.0 * 1024.0);  // 5 items' worth: 1 streamed, 21 held
  char limit[64];
  std::snprintf(limit, sizeof limit, "%.9f", gib);
  BOOST_CHECK_MESSAGE(run(args + "--max-memory " + limit + " -o ok.csv", out) == 0, out);
  BOOST_CHECK_EQUAL(run(args + "--max-memory " + limit + " -o held.h5", out), 2);
  BOOST_CHECK_MESSAGE(has(out, "21 items of") && has(out, "--max-memory"), out);
  BOOST_CHECK(!fs::exists(dir / "held.h5"));
  // With --summary the values per row and draw count too.
  BOOST_CHECK_EQUAL(run(args + "--summary --max-memory 0.000001 -o s.csv", out), 2);
  BOOST_CHECK_MESSAGE(has(out, "values per item over 21 items"), out);
}

BOOST_FIXTURE_TEST_CASE(cli_reuse_factorization, CliDir) {
  std::string out;
  BOOST_REQUIRE_EQUAL(run("batch --verb multipliers --draws 2 --seed 1 --perturb Z:lognormal:0.05 "
                          "--reuse-factorization '" +
                              kWiod + "' -o r.csv",
                          out),
                      0);
  BOOST_CHECK_MESSAGE(has(out, "preconditioned by the base table's factorisation") && has(out, "counted on draw 1"),
                      out);
  BOOST_CHECK_EQUAL(run("batch --verb multipliers --reuse-factorization '" + kWiod + "' -o r2.csv", out), 2);
}

BOOST_AUTO_TEST_CASE(reused_factorization_gives_the_fresh_results) {
  // Draws of WIOD 2011 solved by the base table's LU preconditioning a Richardson iteration equal
  // those of a fresh factorisation per draw to 1e-9 relative (the iteration stops at a residual of
  // 1e-12), for a verb of global solves (multipliers) and one of global and local ones (chains).
  const Analysis a = Analysis::open(kWiod);
  for (const char* verb : {"multipliers", "chains"}) {
    BatchRequest r;
    r.verb = verb;
    r.draws = 2;
    r.seed = 3;
    r.perturbations = {parse_perturbation("Z:lognormal:0.05")};
    const auto fresh = batch_draws(a, r);
    r.reuse_factorization = true;
    const auto reused = batch_draws(a, r);
    BOOST_TEST_CONTEXT("verb " << verb) {
      BOOST_CHECK_EQUAL(fresh.preconditioned_rhs, 0u);
      BOOST_CHECK_GT(reused.preconditioned_rhs, 0u);
      BOOST_CHECK_GT(reused.base_solves, reused.preconditioned_rhs);  // at least two solves per column
      BOOST_CHECK_EQUAL(reused.counted_on, "draw 1");
      BOOST_REQUIRE_EQUAL(fresh.tables.size(), reused.tables.size());
      for (std::size_t k = 0; k < fresh.tables.size(); ++k) {
        const auto& f = fresh.tables[k];
        const auto& g = reused.tables[k];
        BOOST_REQUIRE_EQUAL(f.num_rows(), g.num_rows());
        if (f.name() == "diagnostics") continue;  // the identities' rounding residuals, not results
        double largest = 0;
        for (std::size_t i = 0; i < f.num_rows(); ++i)
          if (std::isfinite(f.value(i))) largest = std::max(largest, std::abs(f.value(i)));
        for (std::size_t i = 0; i < f.num_rows(); ++i) {
          if (std::isnan(f.value(i))) {
            BOOST_REQUIRE(std::isnan(g.value(i)));
            continue;
          }
          BOOST_REQUIRE_MESSAGE(std::abs(f.value(i) - g.value(i)) <= 1e-9 * std::max(largest, 1e-300),
                                f.name() << " row " << i << ": " << f.value(i) << " vs " << g.value(i));
        }
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace irio
