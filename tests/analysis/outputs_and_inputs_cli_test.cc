// SPDX-License-Identifier: MIT
// Outputs written as one set with a manifest, faults that must not exit 0 or crash (an overflow,
// a full disk, a table with no output), and inputs whose defaults used to change the question:
// a provincial CSV table without a country map, decimal commas, command-line errors.
#include <sys/wait.h>

#include <boost/test/unit_test.hpp>

#include "irio/io/table_store.h"
#include "tests/analysis/cli_dir.h"
#include "tests/test_util.h"

namespace {

bool contains(const std::string& s, const std::string& what) { return s.find(what) != std::string::npos; }

const std::string kTable = std::string(IRIO_SOURCE_DIR) + "/tables/data/wiod2011.h5";

/// Two provinces, two sectors, with exports and imports, as wide CSV files (`sep`, `dec`).
void write_provincial_csv(const CliDir& d, char sep, char dec) {
  auto num = [&](const std::string& v) {
    std::string s = v;
    for (char& c : s)
      if (c == '.') c = dec;
    return s;
  };
  const std::string S(1, sep);
  std::ofstream(d.file("Z.csv")) << "region" << S << "sector" << S << "GD" << S << "GD" << S << "GZ" << S << "GZ\n"
                                 << "" << S << "" << S << "a" << S << "b" << S << "a" << S << "b\n"
                                 << "GD" << S << "a" << S << num("10.5") << S << "4" << S << "3" << S << "1\n"
                                 << "GD" << S << "b" << S << "2" << S << "12" << S << "1" << S << "2\n"
                                 << "GZ" << S << "a" << S << "3" << S << "1" << S << "9" << S << "5\n"
                                 << "GZ" << S << "b" << S << "1" << S << "2" << S << "4" << S << "11\n";
  std::ofstream(d.file("Y.csv")) << "region" << S << "sector" << S << "GD" << S << "GZ\n"
                                 << "" << S << "" << S << "hh" << S << "hh\n"
                                 << "GD" << S << "a" << S << "30" << S << "5\n"
                                 << "GD" << S << "b" << S << "20" << S << "4\n"
                                 << "GZ" << S << "a" << S << "6" << S << "28\n"
                                 << "GZ" << S << "b" << S << "3" << S << "25\n";
  std::ofstream(d.file("E.csv")) << "region" << S << "sector" << S << "EX\n"
                                 << "GD" << S << "a" << S << "15\nGD" << S << "b" << S << "7\n"
                                 << "GZ" << S << "a" << S << "3\nGZ" << S << "b" << S << "2\n";
  std::ofstream(d.file("M.csv")) << "" << S << "GD" << S << "GD" << S << "GZ" << S << "GZ\n"
                                 << "" << S << "a" << S << "b" << S << "a" << S << "b\n"
                                 << "IM" << S << "5" << S << "3" << S << "2" << S << "1\n";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(outputs_and_inputs_cli)

BOOST_FIXTURE_TEST_CASE(command_line_errors_exit_2_help_exits_0, CliDir) {
  std::string out;
  BOOST_CHECK_EQUAL(run("multipliers t.h5 -o m.csv --no-such-option", out), 2);
  BOOST_CHECK_EQUAL(run("multipliers", out), 2);  // missing arguments
  BOOST_CHECK_EQUAL(run("no-such-verb", out), 2);
  BOOST_CHECK_EQUAL(run("multipliers --help", out), 0);
  BOOST_CHECK_EQUAL(run("--version", out), 0);
}

BOOST_FIXTURE_TEST_CASE(multi_file_results_have_a_manifest_written_last, CliDir) {
  std::string out;
  BOOST_REQUIRE_MESSAGE(run("position '" + kTable + "' -o pos.csv", out) == 0, out);
  const auto m = irio::io::read_result_manifest(file("pos.meta.json"));
  BOOST_CHECK_EQUAL(m.run, "position");
  BOOST_CHECK_EQUAL(m.meta.table_path, kTable);
  BOOST_CHECK_MESSAGE(contains(m.meta.command, "irio position"), m.meta.command);
  BOOST_REQUIRE_EQUAL(m.files.size(), 3u);
  BOOST_CHECK_EQUAL(m.files[0].file, "pos_position.csv");
  BOOST_CHECK_EQUAL(m.files[0].result, "position");
  BOOST_CHECK_EQUAL(m.files[1].result, "kpww");
  // Without --force the manifest is an output like the others.
  fs::remove(dir / "pos_position.csv");
  fs::remove(dir / "pos_kpww.csv");
  fs::remove(dir / "pos_diagnostics.csv");
  BOOST_CHECK_EQUAL(run("position '" + kTable + "' -o pos.csv", out), 5);
  BOOST_CHECK_MESSAGE(contains(out, "pos.meta.json' exists"), out);
}

BOOST_FIXTURE_TEST_CASE(a_failed_rewrite_leaves_the_old_result_whole, CliDir) {
  std::string out;
  BOOST_REQUIRE_MESSAGE(run("position '" + kTable + "' -o pos.csv", out) == 0, out);
  const std::string before = read("pos_position.csv");
  // The third file's name is taken by a folder: the rewrite fails after staging the first two.
  fs::remove(dir / "pos_diagnostics.csv");
  fs::create_directory(dir / "pos_diagnostics.csv");
  BOOST_CHECK_EQUAL(run("position '" + kTable + "' --perimeter country -o pos.csv -f", out), 5);
  BOOST_CHECK(read("pos_position.csv") == before);
  for (const auto& e : fs::directory_iterator(dir))
    BOOST_CHECK_MESSAGE(!contains(e.path().filename().string(), ".irio-tmp-"), e.path());
}

BOOST_FIXTURE_TEST_CASE(validate_does_not_replace_its_output_without_force, CliDir) {
  std::string out;
  BOOST_REQUIRE_MESSAGE(run("validate --case miller_blair_2x2 --exact -o v.csv", out) == 0, out);
  std::ofstream(file("v.csv")) << "mine\n";
  BOOST_CHECK_EQUAL(run("validate --case miller_blair_2x2 --exact -o v.csv", out), 5);
  BOOST_CHECK_EQUAL(read("v.csv"), "mine\n");
  BOOST_CHECK_MESSAGE(run("validate --case miller_blair_2x2 --exact -o v.csv -f", out) == 0, out);
  BOOST_CHECK(read("v.csv") != "mine\n");
}

BOOST_FIXTURE_TEST_CASE(stale_temporaries_of_dead_runs_are_removed, CliDir) {
  const pid_t child = fork();
  if (child == 0) _exit(0);
  waitpid(child, nullptr, 0);  // a PID that no longer runs
  const std::string stale = ".pos_position.csv.irio-tmp-" + std::to_string(child) + "-0";
  const std::string live = ".other.csv.irio-tmp-" + std::to_string(getpid()) + "-0";
  std::ofstream(file(stale)) << "half";
  std::ofstream(file(live)) << "being written";
  std::string out;
  BOOST_REQUIRE_MESSAGE(run("ghosh '" + kTable + "' -o g.csv", out) == 0, out);
  BOOST_CHECK(!fs::exists(dir / stale));
  BOOST_CHECK(fs::exists(dir / live));  // its writer still runs
}

BOOST_FIXTURE_TEST_CASE(an_overflow_is_exit_4_and_writes_nothing, CliDir) {
  std::ofstream(file("shock.csv")) << "region,sector,value\nAUS,c1,1.7e308\nAUS,c2,1.7e308\nAUS,c3,1.7e308\n";
  std::string out;
  BOOST_CHECK_EQUAL(run("impact '" + kTable + "' --shock shock.csv -o i.csv", out), 4);
  BOOST_CHECK_MESSAGE(contains(out, "infinite value"), out);
  BOOST_CHECK(!fs::exists(dir / "i.csv"));
}

BOOST_FIXTURE_TEST_CASE(a_table_without_output_is_refused, CliDir) {
  irio::tables::Matrix Z = irio::tables::Matrix::Zero(2, 2), Y = irio::tables::Matrix::Zero(2, 1);
  irio::io::write_table(irio::testing::make_table(Z, Y, {"R"}, {"a", "b"}), file("zero.h5"));
  std::string out;
  BOOST_CHECK_EQUAL(run("multipliers zero.h5 -o m.csv", out), 3);
  BOOST_CHECK(!fs::exists(dir / "m.csv"));
}

BOOST_FIXTURE_TEST_CASE(a_full_disk_is_exit_5_without_a_crash, CliDir) {
  // A file-size limit stands in for a full disk: writes past 64 KiB fail (EFBIG).
  std::string out;
  const int rc = run("trade '" + kTable + "' -o t.h5 2>&1; exit $?", out);
  BOOST_REQUIRE_MESSAGE(rc == 0, out);
  const std::string cmd = "cd '" + dir.string() +
                          "' && bash -c \"trap '' XFSZ; ulimit -f 64; exec '" IRIO_BINARY "' trade '" + kTable +
                          "' -o t2.h5\" > full.log 2>&1";
  const int status = std::system(cmd.c_str());
  BOOST_REQUIRE(WIFEXITED(status));  // not killed by a signal (HDF5's exit-time clean-up)
  BOOST_CHECK_EQUAL(WEXITSTATUS(status), 5);
  BOOST_CHECK_MESSAGE(contains(read("full.log"), "t2.h5"), read("full.log"));
  BOOST_CHECK(!fs::exists(dir / "t2.h5"));
}

BOOST_FIXTURE_TEST_CASE(provincial_csv_without_country_map_is_one_country, CliDir) {
  write_provincial_csv(*this, ',', '.');
  std::string out;
  BOOST_REQUIRE_MESSAGE(run("import csv --Z Z.csv --Y Y.csv --exports E.csv --imports M.csv -o p.h5", out) == 0, out);
  BOOST_CHECK_MESSAGE(contains(out, "1 countries") && contains(out, "note: no --countries"), out);
  BOOST_CHECK_MESSAGE(run("chains p.h5 -o c.csv", out) == 0, out);  // one endogenous country
}

BOOST_FIXTURE_TEST_CASE(decimal_commas_need_the_option_and_read_with_it, CliDir) {
  write_provincial_csv(*this, ';', ',');
  std::string out;
  BOOST_CHECK_EQUAL(run("import csv --Z Z.csv --Y Y.csv -o p.h5", out), 2);
  BOOST_CHECK_MESSAGE(contains(out, "'10,5'") && contains(out, "--decimal ,"), out);
  BOOST_REQUIRE_MESSAGE(
      run("import csv --Z Z.csv --Y Y.csv --exports E.csv --imports M.csv --decimal , -o p.h5", out) == 0, out);
  const auto t = irio::io::read_table(file("p.h5"));
  BOOST_TEST(t.Z.coeff(0, 0) == 10.5);
}

BOOST_AUTO_TEST_SUITE_END()
