// SPDX-License-Identifier: MIT
// The verbs' one declaration (analysis/verb.h, issue 19): options are set by name with their kind
// and bounds checked in one place; defaults come from the request; table names are known before
// computing; every table a verb writes is one it declares, and every indicator of an output that
// declares aggregation rules has one (a new indicator without a rule fails here, not silently in
// `irio aggregate`); the command line is derived from the declaration (one --countries help text).
#include <boost/test/unit_test.hpp>

#include <set>
#include <sstream>

#include "irio/analysis/analysis.h"
#include "irio/analysis/verb.h"
#include "irio/tables/indicator_rules.h"
#include "tests/support/cli_runner.h"
#include "tests/test_util.h"

namespace {

using irio::OptionValue;

/// leather with an emissions satellite, so that every verb has what it needs.
irio::tables::IoTable leather_with_co2() {
  auto t = irio::testing::leather();
  irio::tables::Satellite s;
  s.name = "air";
  s.stressors = {"CO2"};
  s.units = {"kt"};
  s.F = irio::tables::Matrix::Constant(1, t.n(), 2.0);
  s.F(0, 4) = 7.0;
  s.F_Y = irio::tables::Matrix(1, 0);
  t.satellites.push_back(s);
  return t;
}

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const irio::InputError& e) {
    return e.what();
  }
  return "(no InputError)";
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

/// The option values that make each verb run on the test table (files written to `d`).
std::vector<std::pair<std::string, std::vector<std::pair<std::string, OptionValue>>>> runs(
    const irio::testing::TempDir& d) {
  const std::string shock = d.write("shock.csv", "region,sector,value\nTUR,Textile,10\n");
  const std::string scen = d.write("scen.csv", "scenario,factor,origin,destination\nall1,1.2,all,all\n");
  std::vector<std::pair<std::string, std::vector<std::pair<std::string, OptionValue>>>> out = {
      {"analyse", {}},
      {"chains", {}},
      {"circulation", {}},
      {"disparity", {{"indicator", std::string("output")}}},
      {"embodied", {{"satellite", std::string("air")}}},
      {"embodied", {{"of", std::string("value-added")}, {"by_sector", true}}},
      {"extract", {{"sectors", std::vector<std::string>{"TUR/Textile"}}}},
      {"footprints", {{"satellite", std::string("air")}}},
      {"ghosh", {}},
      {"impact", {{"shock", shock}}},
      {"linkages", {{"cv", true}}},
      {"multipliers", {{"split", true}, {"round", true}}},
      {"paths", {{"satellite", std::string("air")}, {"max_order", 3LL}}},
      {"position", {}},
      {"scenario", {{"scenarios", scen}}},
  };
  for (const char* m : {"wwz", "kww", "bm", "bmt", "vax", "ltdv", "leontief", "gvc", "tiva"})
    out.push_back({"trade", {{"method", std::string(m)}, {"bilateral", true}}});
  for (const char* p : {"world", "bilateral", "sector", "sectoral_bilateral", "importer"})
    out.push_back({"trade", {{"method", std::string("bm")}, {"perspective", std::string(p)}}});
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(verb_declarations)

BOOST_AUTO_TEST_CASE(every_written_table_is_declared_and_every_indicator_has_its_rule) {
  const irio::Analysis a(leather_with_co2(), {}, "leather");
  const irio::testing::TempDir d("irio-verbs-");
  std::set<std::string> covered;
  for (const auto& [name, options] : runs(d)) {
    const auto& verb = irio::verb(name);
    covered.insert(name);
    auto call = verb.call();
    for (const auto& [o, v] : options) call->set(o, v);
    const auto expected = call->table_names();
    std::ostringstream summary;
    const auto r = call->run(a, summary);
    BOOST_TEST_CONTEXT("verb " << name) {
      // The names the tables are written (and found by irio aggregate) under: file stems.
      BOOST_TEST(r.names == expected, "table_names() says what run() writes");
      BOOST_TEST(summary.str().empty() == verb.hand_written());
      // Whether a .csv output is one file is declared (one_file), not found from the tables.
      bool same = true;
      for (const auto& t : r.tables)
        same = same && t.key_columns() == r.tables.front().key_columns() &&
               t.value_column() == r.tables.front().value_column();
      BOOST_TEST((verb.shared_keys() == (same && r.tables.size() > 1) || r.tables.size() <= 1),
                 "declared one_file() " << verb.shared_keys() << " but the tables share their keys: " << same);
      for (std::size_t k = 0; k < r.tables.size(); ++k) {
        const auto& t = r.tables[k];
        const irio::OutputSpec* out = nullptr;
        for (const auto& o : verb.outputs())
          if (!out && o.matches(r.names[k])) out = &o;
        BOOST_TEST_REQUIRE(out != nullptr, "table '" << r.names[k] << "' of " << name << " is not declared");
        if (out->rules.empty()) continue;  // declared without rules: irio aggregate refuses it by name
        const std::string col = irio::tables::indicator_column(t);
        std::set<std::string> inds;
        for (std::size_t i = 0; i < t.num_rows(); ++i) {
          if (col.empty()) {
            inds.insert(t.value_column());
            break;
          }
          for (std::size_t c = 0; c < t.num_keys(); ++c)
            if (t.key_columns()[c] == col) inds.insert(t.key(c, i));
        }
        for (const auto& ind : inds)
          BOOST_TEST(out->rule_for(ind) != nullptr,
                     "indicator '" << ind << "' of '" << r.names[k] << "' has no declared aggregation rule");
      }
    }
  }
  for (const auto* v : irio::verbs()) BOOST_TEST(covered.count(v->name()) == 1u, v->name() << " is run above");
}

BOOST_AUTO_TEST_CASE(options_are_set_by_name_with_kind_and_bounds_checked_once) {
  auto circ = irio::verb("circulation").call();
  const auto bound = message_of([&] { circ->set("alpha", 2.0); });
  BOOST_TEST(contains(bound, "circulation: --alpha: 2 is outside 0 to 1"), bound);
  auto scen = irio::verb("scenario").call();
  BOOST_TEST(contains(message_of([&] { scen->set("max_iterations", 1.5); }), "not a whole number"));
  const auto low = message_of([&] { scen->set("max_iterations", 0LL); });
  BOOST_TEST(contains(low, "scenario: --max-iterations: 0 is outside 1 to 2147483647"), low);
  auto link = irio::verb("linkages").call();
  const auto choice = message_of([&] { link->set("forward", std::string("sideways")); });
  BOOST_TEST(contains(choice, "'sideways' is not one of ghosh or leontief"), choice);
  BOOST_TEST(contains(message_of([&] { link->set("cv", std::string("yes")); }), "expects true or false"));
  const auto unknown = message_of([&] { link->set("speed", true); });
  BOOST_TEST(contains(unknown, "no option 'speed' (options: forward, weights, cv)"), unknown);
  BOOST_TEST(contains(message_of([] { (void)irio::verb("foo"); }), "no verb 'foo' (verbs: analyse, chains"));
}

BOOST_AUTO_TEST_CASE(defaults_and_table_names_come_from_the_declaration) {
  auto opt = [](const std::string& v, const std::string& o) { return irio::verb(v).option(o); };
  BOOST_TEST(opt("linkages", "forward").default_text == "ghosh");
  BOOST_TEST(opt("circulation", "alpha").default_text == "0.5");
  BOOST_TEST(opt("multipliers", "households").default_text == "national");
  BOOST_TEST(opt("footprints", "downstream").cli_flags() == "!--no-downstream");
  BOOST_TEST(opt("chains", "other_group").flag() == "--other");
  auto trade = irio::verb("trade").call();
  trade->set("method", std::string("bm"));
  trade->set("perspective", std::string("world"));
  trade->set("approach", std::string("sink"));
  BOOST_TEST(trade->table_names() == (std::vector<std::string>{"bm_world_sink", "diagnostics"}));
  trade->set("perspective", std::string("importer"));
  BOOST_TEST(!trade->validate().empty());  // the self and import perspectives have no sink
  trade->set("approach", std::string("source"));
  BOOST_TEST(trade->validate().empty());
  BOOST_TEST(trade->table_names() == (std::vector<std::string>{"bm_importer_source", "diagnostics"}));
  irio::FootprintRequest f;
  f.satellite = "CO2";
  BOOST_TEST(f.table_names() == (std::vector<std::string>{"footprints_CO2", "diagnostics"}));
  BOOST_TEST(f.validate().empty());
  f.satellite.clear();
  BOOST_TEST(f.validate() == "no satellite given");
  // The rules irio aggregate reads are the producers' declarations.
  BOOST_TEST(irio::indicator_rule("multipliers", "output").has_value());
  BOOST_TEST(irio::indicator_rule("footprints_air", "D_cba_cap")->refusal.empty() == false);
  BOOST_TEST(!irio::indicator_rule("no_such_result", "x").has_value());
}

BOOST_FIXTURE_TEST_CASE(countries_has_one_help_text, irio::testing::CliDir,
                        *boost::unit_test::precondition(irio::testing::BinaryBuilt())) {
  std::set<std::string> helps;
  int verbs_with_it = 0;
  for (const char* v : {"analyse", "chains", "circulation", "disparity", "trade", "position", "scenario", "panel",
                        "sda", "report", "import csv"}) {
    std::string out;
    BOOST_TEST(run(std::string(v) + " --help", out) == 0);
    const auto at = out.find("--countries");
    BOOST_TEST_REQUIRE(at != std::string::npos, v << " has --countries");
    ++verbs_with_it;
    auto line = out.substr(at, out.find("\n\n", at) - at);
    line = line.substr(0, line.find("\n  -"));
    std::string words;
    std::istringstream in(line.substr(line.find("TEXT") + 4));
    for (std::string w; in >> w;) words += w + " ";
    helps.insert(words);
  }
  BOOST_TEST(verbs_with_it == 11);
  BOOST_TEST(helps.size() == 1u);
  BOOST_TEST(contains(*helps.begin(), "the region->country map"), *helps.begin());
}

BOOST_AUTO_TEST_SUITE_END()
