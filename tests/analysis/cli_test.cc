// SPDX-License-Identifier: MIT
// The result verbs run through irio::Analysis: every one prints the balance check's summary and
// refuses a table whose check finds errors (exit 3, nothing written), including multipliers,
// chains and trade, which skipped the check before; option values outside their name table exit
// 2; a table in another layout opens with --format.
#include <sys/wait.h>

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "irio/io/import_csv.h"
#include "irio/io/table_store.h"
#include "tests/analysis/cli_dir.h"
#include "tests/test_util.h"

namespace {

namespace fs = std::filesystem;

bool has(const std::string& s, const std::string& what) { return s.find(what) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(verbs_through_the_facade)

BOOST_FIXTURE_TEST_CASE(every_result_verb_checks_the_balance_first, CliDir) {
  auto t = irio::testing::miller_blair_2x2();
  irio::io::write_table(t, file("ok.h5"));
  t.x = 2.0 * t.row_total();  // rows off by 100 %: an error finding
  irio::io::write_table(t, file("bad.h5"));
  std::string out;
  for (const std::string verb : {"multipliers", "chains", "trade", "linkages", "ghosh", "position"}) {
    BOOST_TEST_CONTEXT(verb) {
      BOOST_CHECK_EQUAL(run(verb + " bad.h5 -o r.csv", out), 3);
      BOOST_CHECK_MESSAGE(has(out, "Balance check: error (row balance)"), out);
      BOOST_CHECK_MESSAGE(has(out, "bad.h5: the table fails the balance check: row balance:"), out);
      BOOST_CHECK_MESSAGE(!has(out, "nnz(A)") && !has(out, "wrote"), out);  // nothing solved, nothing written
    }
  }
  BOOST_CHECK_EQUAL(run("analyse bad.h5 -o res", out), 3);
  BOOST_CHECK(has(out, "[error] row balance") && !fs::exists(dir / "res"));
  BOOST_CHECK_EQUAL(run("multipliers ok.h5 -o m.csv", out), 0);
  BOOST_CHECK_MESSAGE(has(out, "Balance check: ok\n") && has(out, "wrote m.csv"), out);
}

BOOST_FIXTURE_TEST_CASE(choices_come_from_the_name_tables, CliDir) {
  irio::io::write_table(irio::testing::leather(), file("t.h5"));
  std::string out;
  BOOST_CHECK_EQUAL(run("linkages t.h5 -o l.csv --forward rasmussen", out), 2);
  BOOST_CHECK_MESSAGE(has(out, "--forward: rasmussen not in {ghosh,leontief}"), out);
  BOOST_CHECK_EQUAL(run("trade t.h5 -o x.csv --perspective self", out), 2);
  BOOST_CHECK_MESSAGE(
      has(out, "--perspective: self not in {exporter,world,bilateral,sector,sectoral_bilateral,importer}"), out);
  BOOST_CHECK_EQUAL(run("position t.h5 -o p.csv --kpww-fv all", out), 2);
  BOOST_CHECK_EQUAL(run("trade --help", out), 0);
  BOOST_CHECK_MESSAGE(has(out, "{wwz,kww,bm,bmt,my,vax,ltdv,leontief,gvc,tiva}=wwz"), out);
  BOOST_CHECK(has(out, "{auto,dense,umfpack,klu,iterative,petsc}=auto"));
  BOOST_CHECK_EQUAL(run("trade t.h5 --method my --perspective world -o my.csv", out), 2);
  BOOST_CHECK_MESSAGE(has(out,
                          "--method my is source-based, at the exporter, bilateral, sector or "
                          "sectoral_bilateral perspective"),
                      out);
  BOOST_CHECK_EQUAL(run("trade t.h5 --method my --perspective sector -o my.csv", out), 0);
  BOOST_CHECK(fs::exists(dir / "my_my_sector.csv"));
  BOOST_CHECK_EQUAL(run("trade t.h5 --method bm --approach sink --perspective world -o bm.csv", out), 0);
  BOOST_CHECK_MESSAGE(fs::exists(dir / "bm_bm_world_sink.csv"), out);
  BOOST_CHECK_EQUAL(run("trade t.h5 --method bm --perspective sectoral_bilateral -o sb.csv", out), 0);
  BOOST_CHECK_MESSAGE(fs::exists(dir / "sb_bm_sectoral_bilateral_source.csv"), out);
  BOOST_CHECK_EQUAL(run("trade t.h5 --method bm --perspective importer -o im.csv", out), 0);
  BOOST_CHECK_MESSAGE(fs::exists(dir / "im_bm_importer_source.csv"), out);
  BOOST_CHECK_NE(run("trade t.h5 --method bm --perspective sector --approach sink -o ss.csv", out), 0);
  BOOST_CHECK_MESSAGE(has(out, "both approaches give the same numbers") && has(out, "use --approach source"), out);
}

BOOST_FIXTURE_TEST_CASE(a_labelled_csv_folder_opens_like_its_hdf5_table, CliDir) {
  const auto t = irio::testing::leather();
  irio::io::write_table(t, file("t.h5"));
  irio::io::export_csv(t, file("csv"));
  std::string out;
  BOOST_REQUIRE_EQUAL(run("multipliers t.h5 -o a.csv", out), 0);
  BOOST_REQUIRE_EQUAL(run("multipliers csv -o b.csv", out), 0);  // auto: a folder with Z.csv, Y.csv
  BOOST_CHECK(read("a.csv") == read("b.csv"));
  BOOST_CHECK_EQUAL(run("multipliers csv --format wiod -o c.csv", out), 2);
  BOOST_CHECK_EQUAL(run("check csv", out), 0);
  BOOST_CHECK(has(out, "Balance check: ok"));
}

BOOST_AUTO_TEST_SUITE_END()
