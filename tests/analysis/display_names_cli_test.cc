// SPDX-License-Identifier: MIT
// Name columns in result files: `irio multipliers` on the bundled WIOD 2011 table writes
// sector_name and region_name (from WIOD's sectors.csv / countries.csv) after the key columns, and
// `irio aggregate` reads such a file back (the name columns are dropped, not aggregated as keys).
// add_display_names itself on a small table.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <fstream>

#include "irio/analysis/display_names.h"
#include "irio/analysis/table_jobs.h"
#include "irio/io/csv_reader.h"
#include "irio/io/table_store.h"
#include "tests/analysis/cli_dir.h"
#include "tests/test_util.h"

namespace {

const std::string kTable = std::string(IRIO_SOURCE_DIR) + "/tables/data/wiod2011.h5";

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

}  // namespace

BOOST_AUTO_TEST_SUITE(display_names)

BOOST_AUTO_TEST_CASE(names_are_added_after_the_keys_and_fall_back_to_the_level) {
  irio::tables::IoTable t = irio::testing::miller_blair_2x2();
  irio::tables::TidyTable r("x", {"region", "sector"});
  r.add_row({t.labels.regions[0], t.labels.sectors[1]}, 1.0);
  r.add_row({t.labels.regions[0], "total"}, 2.0);
  std::vector<irio::tables::TidyTable> v{r};
  irio::add_display_names(v, t);  // no names in the table: nothing added
  BOOST_TEST(v[0].num_keys() == 2u);
  t.labels.sector_names = {"Agriculture", "Manufacturing"};
  t.labels.region_names = t.labels.regions;  // names equal to the codes: no region_name column
  irio::add_display_names(v, t);
  BOOST_TEST(v[0].key_columns() == (std::vector<std::string>{"region", "sector", "sector_name"}));
  BOOST_TEST(v[0].key(2, 0) == "Manufacturing");
  BOOST_TEST(v[0].key(2, 1) == "total");  // not a sector of the table: its own name
  t.labels.region_names[0] = "The region";
  irio::add_display_names(v, t);  // adds region_name, leaves sector_name alone
  BOOST_TEST(v[0].key_columns() == (std::vector<std::string>{"region", "sector", "sector_name", "region_name"}));
  BOOST_TEST(v[0].key(3, 1) == "The region");
}

BOOST_FIXTURE_TEST_CASE(result_csv_has_wiod_names_and_aggregates, CliDir) {
  const auto table = irio::io::read_table(kTable);
  BOOST_REQUIRE(table.labels.has_sector_names());  // the bundled table carries WIOD's names
  std::string out;
  BOOST_REQUIRE_MESSAGE(run("multipliers '" + kTable + "' -o mult.csv", out) == 0, out);
  const std::string csv = read("mult.csv");
  BOOST_TEST(first_line(csv) == "region,sector,indicator,sector_name,region_name,value");
  BOOST_TEST(csv.find("\nCHN,c14,output,Electrical and optical equipment,China,") != std::string::npos);
  BOOST_TEST(csv.find(",\"Agriculture, hunting, forestry and fishing\",") != std::string::npos);

  std::ofstream(file("blocs.csv")) << "member,group\nCHN,Asia\nJPN,Asia\n*,Rest\n";
  BOOST_REQUIRE_MESSAGE(run("aggregate mult.csv --regions blocs.csv -o agg.csv", out) == 0, out);
  const auto agg = irio::read_tidy_csv(file("agg.csv"));
  BOOST_TEST(agg.key_columns() == (std::vector<std::string>{"region", "sector", "indicator"}));
  BOOST_TEST(agg.num_rows() > 0u);
  // The file read back drops the name columns: same rows as before the names existed.
  const auto mult = irio::read_tidy_csv(file("mult.csv"));
  BOOST_TEST(mult.key_columns() == (std::vector<std::string>{"region", "sector", "indicator"}));
  BOOST_TEST(mult.num_rows() > agg.num_rows());
}

BOOST_AUTO_TEST_CASE(every_code_column_is_named_and_stressors_get_their_units) {
  irio::tables::IoTable t = irio::testing::leather();  // several regions
  BOOST_REQUIRE(t.labels.num_regions() >= 2u);
  for (const auto& s : t.labels.sectors) t.labels.sector_names.push_back("Sector " + s);
  for (const auto& r : t.labels.regions) t.labels.region_names.push_back("Region " + r);
  irio::tables::TidyTable trade("wwz", {"exporter", "sector", "importer", "term"});
  trade.add_row({t.labels.regions[1], t.labels.sectors[0], t.labels.regions[0], "DVA_FIN"}, 1.0);
  irio::add_display_names(trade, t);
  BOOST_TEST(trade.key_columns() == (std::vector<std::string>{"exporter", "sector", "importer", "term", "sector_name",
                                                              "exporter_name", "importer_name"}));
  BOOST_TEST(trade.key(4, 0) == t.labels.sector_names[0]);
  BOOST_TEST(trade.key(5, 0) == t.labels.region_names[1]);
  BOOST_TEST(trade.key(6, 0) == t.labels.region_names[0]);
  for (const std::string c : {"sector_name", "exporter_name", "using_sector_name", "unit_name", "stressor_unit"})
    BOOST_TEST(irio::is_display_name_column(c), c);
  for (const std::string c : {"term_name", "exporter", "name", "_name"})
    BOOST_TEST(!irio::is_display_name_column(c), c);

  // Footprints: the unit of each stressor from the satellite the result is named after.
  irio::tables::Satellite other, env;
  other.name = "other";
  other.stressors = {"co2"};
  other.units = {"t"};
  env.name = "env";
  env.stressors = {"jobs", "co2"};
  env.units = {"persons", "kt"};
  t.satellites = {other, env};
  irio::tables::TidyTable fp("footprints_env", {"region", "sector", "stressor", "account"});
  fp.add_row({t.labels.regions[0], t.labels.sectors[0], "co2", "D_cba"}, 1.0);
  fp.add_row({t.labels.regions[0], t.labels.sectors[0], "jobs", "D_cba"}, 2.0);
  irio::add_display_names(fp, t);
  BOOST_TEST(fp.key_columns().back() == "stressor_unit");
  const auto u = fp.num_keys() - 1;
  BOOST_TEST(fp.key(u, 0) == env.units[1]);
  BOOST_TEST(fp.key(u, 1) == env.units[0]);
  irio::add_display_names(fp, t);  // twice: nothing more
  BOOST_TEST(fp.key_columns().back() == "stressor_unit");
  BOOST_TEST(fp.num_keys() == u + 1);

  // Impact: absolute changes, in the table's unit or the stressor's.
  t.meta.unit = "EUR million";
  irio::tables::TidyTable im("impact", {"region", "sector", "indicator", "scenario"});
  for (const std::string ind : {"output", "env/co2", "value_added", "env/jobs"})
    im.add_row({t.labels.regions[0], t.labels.sectors[0], ind, "s"}, 1.0);
  irio::add_display_names(im, t);
  BOOST_TEST(im.key_columns().back() == "indicator_unit");
  const auto iu = im.num_keys() - 1;
  BOOST_TEST(im.key(iu, 0) == t.meta.unit);
  BOOST_TEST(im.key(iu, 1) == env.units[1]);
  BOOST_TEST(im.key(iu, 2) == t.meta.unit);
  BOOST_TEST(im.key(iu, 3) == env.units[0]);
}

BOOST_FIXTURE_TEST_CASE(trade_results_name_exporters_and_importers, CliDir) {
  const auto table = irio::io::read_table(kTable);
  BOOST_REQUIRE(table.labels.region_names_differ());
  std::string out;
  BOOST_REQUIRE_MESSAGE(run("trade '" + kTable + "' --method vax -o vax.csv", out) == 0, out);
  // The printed summaries name the regions after the numbers (position: one line per region).
  std::string printed;
  BOOST_REQUIRE_MESSAGE(run("position '" + kTable + "' -o pos.csv --quiet", printed) == 0, printed);
  for (std::size_t r = 0; r < table.labels.num_regions(); r += 10) {
    const auto line = printed.find("\n  " + table.labels.regions[r] + " ");
    BOOST_REQUIRE_MESSAGE(line != std::string::npos, table.labels.regions[r]);
    const auto end = printed.find('\n', line + 1);
    BOOST_TEST(printed.substr(line, end - line).find("  " + table.labels.region_name(r)) != std::string::npos,
               printed.substr(line, end - line));
  }
  const auto vax = irio::io::read_csv(file("vax_vax.csv"));  // as written: the name columns too
  BOOST_REQUIRE(vax.rows.size() > 1u);
  const auto& cols = vax.rows[0].fields;
  const auto pos = [&](const std::string& c) {
    return static_cast<std::size_t>(std::find(cols.begin(), cols.end(), c) - cols.begin());
  };
  BOOST_REQUIRE(pos("exporter_name") < cols.size() && pos("importer_name") < cols.size());
  for (std::size_t i = 1; i < vax.rows.size(); i += 97)
    for (const std::string c : {"exporter", "importer"}) {
      const int r = irio::tables::Labels::find(table.labels.regions, vax.cell(i, pos(c)));
      BOOST_REQUIRE(r >= 0);
      BOOST_TEST(vax.cell(i, pos(c + "_name")) == table.labels.region_name(static_cast<std::size_t>(r)));
    }
}

BOOST_FIXTURE_TEST_CASE(export_csv_writes_names_that_import_reads_back, CliDir) {
  const auto table = irio::io::read_table(kTable);
  std::string out;
  BOOST_REQUIRE_MESSAGE(run("export csv '" + kTable + "' -o wide", out) == 0, out);
  const std::string sectors = read("wide/sector_names.csv");
  BOOST_TEST(first_line(sectors) == "code,name");
  BOOST_REQUIRE_MESSAGE(run("import csv --Z wide/Z.csv --Y wide/Y.csv --V wide/V.csv --countries wide/countries.csv "
                            "--sector-names wide/sector_names.csv --region-names wide/region_names.csv -o again.h5",
                            out) == 0,
                        out);
  const auto again = irio::io::read_table(file("again.h5"));
  BOOST_TEST(again.labels.sector_names == table.labels.sector_names);
  BOOST_TEST(again.labels.region_names == table.labels.region_names);
  BOOST_TEST(again.labels.sectors == table.labels.sectors);

  // irio info shows the names and the unit.
  BOOST_REQUIRE_MESSAGE(run("info '" + kTable + "'", out) == 0, out);
  BOOST_TEST(out.find(table.labels.sectors[0] + " (" + table.labels.sector_names[0] + ")") != std::string::npos, out);
  BOOST_TEST(out.find(table.labels.regions[0] + " (" + table.labels.region_names[0] + ")") != std::string::npos, out);
  BOOST_TEST(out.find("unit:        " + table.meta.unit) != std::string::npos, out);
}

BOOST_AUTO_TEST_SUITE_END()
