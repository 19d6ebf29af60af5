// SPDX-License-Identifier: MIT
// Inputs that are not what they claim (issue 22 §2-§3): a named pipe, a directory or a dangling
// link given as a table or CSV file is refused before it is opened (a pipe used to block `irio
// info` for ever), and an environment setting that is not a number is refused, not ignored.
#include <sys/stat.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <cstdlib>

#include "io_test_util.h"
#include "irio/io/csv_reader.h"
#include "irio/io/internal/h5_patch.h"
#include "irio/io/table_store.h"
#include "tests/test_util.h"

using irio::InputError;
using irio::testing::check_error;
using irio::testing::TempDir;
namespace io = irio::io;

BOOST_AUTO_TEST_SUITE(special_inputs)

BOOST_AUTO_TEST_CASE(pipes_directories_and_dangling_links_are_refused_by_kind) {
  TempDir d;
  const std::string fifo = d.file("table.h5");
  BOOST_REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // Opening a FIFO for reading blocks until a writer comes: these calls must not open it.
  check_error<InputError>([&] { io::read_table(fifo); }, {"table.h5", "is a named pipe (FIFO)", "not a regular file"});
  check_error<InputError>([&] { io::read_csv(fifo); }, {"table.h5", "named pipe"});
  check_error<InputError>([&] { io::read_table(d.path().string()); }, {"is a directory", "not a regular file"});
  const std::string dangling = d.file("gone.csv");
  BOOST_REQUIRE(::symlink(d.file("nowhere.csv").c_str(), dangling.c_str()) == 0);
  check_error<InputError>([&] { io::read_csv(dangling); }, {"gone.csv", "dangling symbolic link"});
  // A missing file keeps its own message.
  check_error<InputError>([&] { io::read_csv(d.file("missing.csv")); }, {"cannot open", "No such file"});
}

BOOST_AUTO_TEST_CASE(cli_info_on_a_pipe_exits_2_at_once,
                     *boost::unit_test::precondition(irio::testing::BinaryBuilt{})) {
  TempDir d;
  const std::string fifo = d.file("t.h5");
  BOOST_REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::string out;
  // Under `timeout` a hang becomes exit 124: the test fails instead of blocking the suite.
  const int rc = irio::testing::run_irio("info '" + fifo + "'", out, d, "timeout 60 ");
  BOOST_TEST(rc == 2, out);
  BOOST_TEST(out.find("named pipe") != std::string::npos, out);
}

BOOST_AUTO_TEST_CASE(dangling_link_output_needs_force_and_long_names_get_a_temporary) {
  TempDir d;
  const irio::tables::IoTable t = irio::testing::leather();
  const std::string link = d.file("out.h5");
  BOOST_REQUIRE(::symlink(d.file("nowhere.h5").c_str(), link.c_str()) == 0);
  check_error<irio::OutputError>([&] { io::write_table(t, link); }, {"out.h5", "exists", "link to nothing", "--force"});
  io::WriteOptions o;
  o.overwrite = true;
  io::write_table(t, link, o);  // replaces the link itself, not its (missing) target
  BOOST_TEST(!std::filesystem::is_symlink(link));
  BOOST_TEST(!std::filesystem::exists(d.file("nowhere.h5")));
  BOOST_TEST(io::read_table(link).n() == t.n());
  // A legal 255-byte name: the temporary beside it must stay within NAME_MAX too.
  const std::string long_name = d.file(std::string(252, 'x') + ".h5");
  io::write_table(t, long_name);
  BOOST_TEST(io::read_table(long_name).n() == t.n());
  const std::string long_csv = d.file(std::string(251, 'y') + ".csv");
  io::write_tidy_csv(irio::tables::TidyTable("v", {"region"}, "value"), long_csv);
  BOOST_TEST(std::filesystem::exists(long_csv));
}

BOOST_AUTO_TEST_CASE(max_csv_bytes_setting_is_validated) {
  TempDir d;
  const std::string p = d.write("a.csv", "a,b\n1,2\n");
  for (const char* bad : {"lots", "", "-5", "0", "12k", "99999999999999999999999"}) {
    ::setenv("IRIO_MAX_CSV_BYTES", bad, 1);
    check_error<InputError>([&] { io::read_csv(p); },
                            {"IRIO_MAX_CSV_BYTES = '" + std::string(bad) + "'", "whole number"});
  }
  ::setenv("IRIO_MAX_CSV_BYTES", "4", 1);  // a valid limit is applied
  check_error<InputError>([&] { io::read_csv(p); }, {"a.csv", "more than"});
  ::unsetenv("IRIO_MAX_CSV_BYTES");
  BOOST_TEST(io::read_csv(p).rows.size() == 2u);
}

BOOST_AUTO_TEST_CASE(hdf5_labels_that_are_not_utf8_are_refused_on_reading) {
  // A file written by another program with Latin-1 labels: the raw bytes used to reach the result
  // CSVs. The reader names the dataset, the entry and the byte.
  TempDir d;
  const std::string p = d.file("t.h5");
  io::write_table(irio::testing::leather(), p);
  const auto regions = io::read_table(p).labels.regions;
  std::vector<std::string> bad = regions;
  bad[1] =
      "Qu\xE9"
      "bec";
  irio::io::internal::h5_patch_strings(p, "/labels/regions", bad);
  check_error<InputError>([&] { io::read_table(p); },
                          {"t.h5", "entry 1 of dataset '/labels/regions'", "Qu\\xE9bec", "not valid UTF-8", "0xE9"});
}

BOOST_AUTO_TEST_SUITE_END()
