// SPDX-License-Identifier: MIT
// The table jobs of analysis/table_jobs.h: importing a labelled-CSV table through the library
// writes what `irio import csv` writes; aggregate equals tables::aggregate and writes its output;
// balance_ras balances, reports, writes through io and writes nothing when it does not converge;
// table_info describes the table; every request refuses a missing output.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "irio/analysis/table_jobs.h"
#include "irio/io/concordance_reader.h"
#include "irio/io/import_csv.h"
#include "irio/io/table_store.h"
#include "irio/tables/error.h"
#include "tests/analysis/cli_dir.h"
#include "tests/test_util.h"

using namespace irio;

namespace {

void check_same_table(const tables::IoTable& a, const tables::IoTable& b) {
  BOOST_CHECK(a.labels.regions == b.labels.regions);
  BOOST_CHECK(a.labels.sectors == b.labels.sectors);
  BOOST_CHECK(a.labels.countries == b.labels.countries);
  BOOST_CHECK(a.labels.fd_categories == b.labels.fd_categories);
  BOOST_CHECK(tables::Matrix(a.Z).isApprox(tables::Matrix(b.Z)));
  BOOST_CHECK(a.Y.isApprox(b.Y));
  BOOST_CHECK(a.output().isApprox(b.output()));
  BOOST_CHECK_EQUAL(a.meta.name, b.meta.name);
  BOOST_CHECK_EQUAL(a.meta.unit, b.meta.unit);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(table_jobs)

BOOST_FIXTURE_TEST_CASE(import_csv_through_the_library_equals_the_cli, CliDir) {
  io::WriteOptions wo;
  io::export_csv(testing::leather(), file("csv"), wo);
  ImportRequest r;
  r.layout = ImportLayout::kCsv;
  r.csv.Z = file("csv/Z.csv");
  r.csv.Y = file("csv/Y.csv");
  r.meta.name = "leather";
  r.meta.unit = "USD";
  r.output = file("lib.h5");
  const auto res = import_table(r);
  BOOST_CHECK(res.balance.status == tables::Severity::kOk);
  BOOST_CHECK_EQUAL(res.output, r.output);
  BOOST_CHECK_EQUAL(res.table.labels.num_regions(), 3u);
  std::string out;
  BOOST_REQUIRE_EQUAL(run("import csv --Z csv/Z.csv --Y csv/Y.csv --name leather --unit USD -o cli.h5", out), 0);
  const auto lib = io::read_table(file("lib.h5")), cli = io::read_table(file("cli.h5"));
  check_same_table(lib, cli);
  check_same_table(lib, res.table);
  BOOST_CHECK_EQUAL(lib.meta.name, "leather");
  // An existing output is refused without overwrite, and the request validates itself.
  BOOST_CHECK_THROW(import_table(r), OutputError);
  r.overwrite = true;
  BOOST_CHECK_NO_THROW(import_table(r));
  r.output.clear();
  BOOST_CHECK(!r.validate().empty());
  BOOST_CHECK_THROW(import_table(r), InputError);
  ImportRequest p;
  p.layout = ImportLayout::kPymrio;
  p.output = "x.h5";
  BOOST_CHECK_EQUAL(p.validate(), "pymrio needs the folder");
}

BOOST_FIXTURE_TEST_CASE(aggregate_table_and_results, CliDir) {
  const auto t = testing::leather();
  io::write_table(t, file("t.h5"));
  std::ofstream(file("g.csv")) << "member,group\nARG,South\nTUR,South\nDEU,North\n";
  AggregateRequest r;
  r.input = file("t.h5");
  r.output = file("agg.h5");
  r.regions = file("g.csv");
  r.allow_cross_country = true;
  const auto res = aggregate(r);
  BOOST_CHECK(!res.results);
  tables::AggregationOptions o;
  o.allow_cross_country = true;
  const auto direct = tables::aggregate(t, io::load_grouping(file("g.csv")), tables::Grouping{}, o);
  check_same_table(res.after, direct);
  BOOST_CHECK_EQUAL(res.after.labels.num_regions(), 2u);
  BOOST_CHECK_CLOSE(res.after.output().sum(), t.output().sum(), 1e-9);
  check_same_table(io::read_table(file("agg.h5")), direct);
  std::string out;
  BOOST_REQUIRE_EQUAL(run("aggregate t.h5 --regions g.csv --allow-cross-country -o cli.h5", out), 0);
  BOOST_CHECK_MESSAGE(out.find("3 -> 2 regions") != std::string::npos, out);
  check_same_table(io::read_table(file("cli.h5")), direct);

  // A tidy result by region that irio did not write: its rule must be given (here: summed).
  std::ofstream(file("r.csv")) << "region,sector,value\nARG,a,1\nTUR,a,2\nDEU,a,4\n";
  AggregateRequest rr;
  rr.input = file("r.csv");
  rr.output = file("r_agg.csv");
  rr.regions = file("g.csv");
  BOOST_CHECK_THROW(aggregate(rr), InputError);  // auto: irio does not know this result
  rr.auto_rule = false;
  const auto tidy = aggregate(rr);
  BOOST_CHECK(tidy.results);
  BOOST_CHECK_EQUAL(tidy.tidy.num_rows(), 2u);
  BOOST_CHECK(std::filesystem::exists(rr.output));

  // The requests validate themselves; the messages are those of `irio aggregate`.
  AggregateRequest none;
  none.input = file("t.h5");
  none.output = file("n.h5");
  BOOST_CHECK_EQUAL(none.validate(), "give --regions and/or --sectors");
  rr.regions.clear();
  BOOST_CHECK_EQUAL(rr.validate(), "results need --regions");
  BOOST_CHECK_THROW(aggregate(rr), InputError);
  AggregateRequest self = r;
  self.output = self.input;
  BOOST_CHECK_THROW(aggregate(self), OutputError);
}

BOOST_FIXTURE_TEST_CASE(ras_balances_reports_and_writes, CliDir) {
  std::ofstream(file("m.csv")) << "row,a,b\nr1,1,2\nr2,3,4\n";
  std::ofstream(file("u.csv")) << "label,total\nr1,4\nr2,6\n";
  std::ofstream(file("v.csv")) << "label,total\na,5\nb,5\n";
  RasRequest r;
  r.matrix = file("m.csv");
  r.rows = file("u.csv");
  r.cols = file("v.csv");
  r.output = file("lib.csv");
  std::string report;
  r.on_report = [&](const std::string& s) { report += s; };
  const auto res = balance_ras(r);
  BOOST_CHECK(res.ras.converged);
  BOOST_CHECK(report.find("RAS converged after") != std::string::npos);
  BOOST_CHECK_SMALL((res.ras.X.rowwise().sum() - res.input.u).cwiseAbs().maxCoeff(), 1e-8);
  BOOST_CHECK_SMALL((res.ras.X.colwise().sum().transpose() - res.input.v).cwiseAbs().maxCoeff(), 1e-8);
  std::string out;
  BOOST_REQUIRE_EQUAL(run("ras m.csv --rows u.csv --cols v.csv -o cli.csv", out), 0);
  BOOST_CHECK_EQUAL(read("lib.csv"), read("cli.csv"));
  BOOST_CHECK(read("lib.csv").rfind("row,a,b\nr1,1.75765067212", 0) == 0);
  // Exists without overwrite: the command's message; not converged: nothing written.
  try {
    balance_ras(r);
    BOOST_ERROR("no OutputError");
  } catch (const OutputError& e) {
    BOOST_CHECK_EQUAL(std::string(e.what()), r.output + ": file exists (use --force to replace it)");
  }
  RasRequest slow = r;
  slow.output = file("slow.csv");
  slow.options.max_iterations = 1;
  BOOST_CHECK_THROW(balance_ras(slow), NumericalError);
  BOOST_CHECK(!std::filesystem::exists(slow.output));
  slow.output.clear();
  BOOST_CHECK(!slow.validate().empty());
}

BOOST_FIXTURE_TEST_CASE(export_and_info, CliDir) {
  auto t = testing::leather();
  io::write_table(t, file("t.h5"));
  ExportRequest e;
  e.table = file("t.h5");
  e.output = file("out");
  const auto res = export_table(e);
  BOOST_CHECK(!res.files.empty());
  for (const auto& f : res.files) BOOST_CHECK(std::filesystem::exists(f));
  e.sheet = "S";
  BOOST_CHECK(!e.validate().empty());  // a sheet applies to xlsx only

  const TableInfo info = table_info(file("t.h5"));
  BOOST_CHECK_EQUAL(info.regions, 3u);
  BOOST_CHECK_EQUAL(info.sectors, 3u);
  BOOST_CHECK_EQUAL(info.n, 9u);
  BOOST_CHECK(info.each_region_own_country);
  BOOST_CHECK_EQUAL(info.country_regions.size(), 3u);
  BOOST_CHECK_EQUAL(info.gross_output, "row sums Z 1 + Y 1");
  BOOST_CHECK_EQUAL(info.z_nonzeros, static_cast<long long>(t.Z.nonZeros()));
  std::string out;
  BOOST_REQUIRE_EQUAL(run("info t.h5", out), 0);
  BOOST_CHECK(out.find("3 regions x 3 sectors = 9 region-sectors; 3 countries") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
