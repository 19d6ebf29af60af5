// SPDX-License-Identifier: MIT
// Inputs and outputs that claim one thing and are another (issue 22 §2): `irio aggregate` checks a
// result against its manifest (sizes and CRC-32) before choosing rules from it, and the output's
// extension decides its format or the output is refused.
#include <boost/test/unit_test.hpp>
#include <utility>
#include <vector>

#include "tests/analysis/cli_dir.h"

namespace {

bool contains(const std::string& s, const std::string& what) { return s.find(what) != std::string::npos; }

const std::string kTable = std::string(IRIO_SOURCE_DIR) + "/tables/data/wiod2011.h5";

}  // namespace

BOOST_AUTO_TEST_SUITE(input_claims_cli)

BOOST_FIXTURE_TEST_CASE(a_result_changed_after_writing_is_refused_by_its_manifest, CliDir) {
  std::ofstream(file("blocs.csv")) << "member,group\nCHN,Asia\nJPN,Asia\nKOR,Asia\n*,Rest\n";
  std::string out;
  BOOST_REQUIRE_MESSAGE(run("multipliers '" + kTable + "' -o mult.csv", out) == 0, out);
  BOOST_REQUIRE_MESSAGE(run("aggregate mult.csv --regions blocs.csv -o ok.csv", out) == 0, out);
  // A duplicated row: counted twice before.
  std::string text = read("mult.csv");
  const auto first_eol = text.find('\n');
  const auto second_eol = text.find('\n', first_eol + 1);
  const std::string row = text.substr(first_eol + 1, second_eol - first_eol);
  std::ofstream(file("mult.csv"), std::ios::binary) << text + row;
  BOOST_CHECK_EQUAL(run("aggregate mult.csv --regions blocs.csv -o dup.csv", out), 2);
  BOOST_CHECK_MESSAGE(contains(out, "mult.csv") && contains(out, "mult.meta.json") && contains(out, "bytes"), out);
  BOOST_CHECK(!fs::exists(dir / "dup.csv"));
  // A deleted row.
  std::ofstream(file("mult.csv"), std::ios::binary) << text.substr(0, first_eol + 1) + text.substr(second_eol + 1);
  BOOST_CHECK_EQUAL(run("aggregate mult.csv --regions blocs.csv -o del.csv", out), 2);
  BOOST_CHECK_MESSAGE(contains(out, "not the file that its manifest"), out);
  // Another result's file under the manifest's name (position rows where it lists multipliers).
  BOOST_REQUIRE_MESSAGE(run("position '" + kTable + "' -o pos.csv", out) == 0, out);
  fs::copy_file(dir / "pos_position.csv", dir / "mult.csv", fs::copy_options::overwrite_existing);
  BOOST_CHECK_EQUAL(run("aggregate mult.csv --regions blocs.csv -o swapped.csv", out), 2);
  BOOST_CHECK_MESSAGE(contains(out, "CRC-32") || contains(out, "bytes"), out);
  // Telling irio what the file is skips the check (the user takes responsibility for it).
  run("aggregate mult.csv --regions blocs.csv --result position -o own.csv", out);
  BOOST_CHECK_MESSAGE(!contains(out, "not the file that its manifest"), out);
}

BOOST_FIXTURE_TEST_CASE(the_extension_decides_the_format_or_the_output_is_refused, CliDir) {
  std::ofstream(file("blocs.csv")) << "member,group\nCHN,Asia\nJPN,Asia\nKOR,Asia\n*,Rest\n";
  std::string out;
  BOOST_REQUIRE_MESSAGE(run("multipliers '" + kTable + "' -o mult.csv", out) == 0, out);
  // A table aggregated to a .csv name used to be HDF5 bytes in a .csv file.
  BOOST_CHECK_EQUAL(run("aggregate '" + kTable + "' --regions blocs.csv --allow-cross-country -o small.csv", out), 2);
  BOOST_CHECK_MESSAGE(contains(out, "small.csv") && contains(out, ".h5"), out);
  BOOST_CHECK(!fs::exists(dir / "small.csv"));
  // A result aggregated to .xlsx used to be CSV text in an .xlsx file.
  BOOST_CHECK_EQUAL(run("aggregate mult.csv --regions blocs.csv -o agg.xlsx", out), 2);
  BOOST_CHECK_MESSAGE(contains(out, "agg.xlsx") && contains(out, ".csv"), out);
  BOOST_CHECK(!fs::exists(dir / "agg.xlsx"));
  // The fitting names work.
  BOOST_CHECK_MESSAGE(run("aggregate '" + kTable + "' --regions blocs.csv --allow-cross-country -o small.h5", out) == 0,
                      out);
  BOOST_CHECK_MESSAGE(run("aggregate mult.csv --regions blocs.csv -o agg.csv", out) == 0, out);
}

BOOST_FIXTURE_TEST_CASE(grouping_members_that_match_no_region_are_refused_by_every_reader, CliDir) {
  // Before, `aggregate` ignored such members and `*,Rest` swept their regions into the catch-all.
  std::string out;
  BOOST_REQUIRE_MESSAGE(run("multipliers '" + kTable + "' -o mult.csv", out) == 0, out);
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"chn", "CHN"}, {"\"CHN \"", "CHN"}, {"CH*", "CHN"}, {"Jpn", "JPN"}};
  for (const auto& [member, nearest] : bad) {
    std::ofstream(file("g.csv")) << "member,group\n" << member << ",Asia\nKOR,Asia\n*,Rest\n";
    BOOST_CHECK_EQUAL(run("aggregate mult.csv --regions g.csv -o a.csv --force", out), 2);
    BOOST_CHECK_MESSAGE(contains(out, "not a value of the column 'region'") && contains(out, nearest), out);
    BOOST_CHECK_EQUAL(run("aggregate '" + kTable + "' --regions g.csv --allow-cross-country -o t.h5 --force", out), 2);
    BOOST_CHECK_MESSAGE(contains(out, "not a region of the table") && contains(out, nearest), out);
    BOOST_CHECK_EQUAL(run("chains '" + kTable + "' --groups g.csv -o c.csv --force", out), 2);
    BOOST_CHECK_MESSAGE(contains(out, "not a region of the table"), out);
    BOOST_CHECK_EQUAL(run("disparity '" + kTable + "' --groups g.csv -o d.csv --force", out), 2);
    BOOST_CHECK_MESSAGE(contains(out, "not a region of the table"), out);
  }
  std::ofstream(file("s.csv")) << "member,group\nc1,primary\nC2,primary\n*,rest\n";
  BOOST_CHECK_EQUAL(run("aggregate '" + kTable + "' --sectors s.csv -o t.h5 --force", out), 2);
  BOOST_CHECK_MESSAGE(contains(out, "not a sector of the table") && contains(out, "'C2'"), out);
}

BOOST_FIXTURE_TEST_CASE(an_undefined_indicator_is_refused_naming_it_and_the_defined_ones, CliDir) {
  // NVC forward is undefined for a country of one region (every WIOD country): the refusal names
  // the indicator, the region and the indicators that are defined for every region here.
  std::string out;
  BOOST_CHECK_EQUAL(run("disparity '" + kTable + "' --indicator nvc_forward -o d.csv", out), 2);
  BOOST_CHECK_MESSAGE(contains(out, "nvc_forward is not defined for region 'AUS'") &&
                          contains(out, "--indicator: output, value_added, va_per_output") &&
                          contains(out, "gvc_forward"),
                      out);
}

BOOST_AUTO_TEST_SUITE_END()
