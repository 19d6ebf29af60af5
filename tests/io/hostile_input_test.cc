// SPDX-License-Identifier: MIT
// Hostile and malformed inputs: declared sizes with nothing behind them, truncated and corrupt
// files, numbers that overflow, encodings, duplicate labels, huge groupings, and the hints that
// name a guessable cause. Every input is built small (sparse HDF5 datasets, concatenated gzip
// members), so that each case runs in well under a second.
#include <zlib.h>

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <new>

#include "io_test_util.h"
#include "irio/io/concordance_reader.h"
#include "irio/io/csv_reader.h"
#include "irio/io/import_csv.h"
#include "irio/io/import_wiod.h"
#include "irio/io/internal/h5_patch.h"
#include "irio/io/internal/memory_guard.h"
#include "irio/io/internal/text_encoding.h"
#include "irio/io/notice.h"
#include "irio/io/ras_reader.h"
#include "irio/io/table_store.h"
#include "irio/tables/balance.h"
#include "tests/test_util.h"

using irio::InputError;
using irio::tables::IoTable;
using irio::tables::Matrix;
using irio::testing::check_error;
using irio::testing::TempDir;
namespace io = irio::io;
namespace h5p = irio::io::internal;
namespace fs = std::filesystem;

namespace {

const char* kZ =
    "region,,R1,R1,R2,R2\n"
    ",sector,a,b,a,b\n"
    "R1,a,1,2,3,4\n"
    "R1,b,5,6,7,8\n"
    "R2,a,9,10,11,12\n"
    "R2,b,13,14,15,16\n";
const char* kY =
    ",,R1,R2\n"
    ",,hh,hh\n"
    "R1,a,100,1\n"
    "R1,b,100,1\n"
    "R2,a,100,1\n"
    "R2,b,100,1\n";

/// A valid irio table (1 region x 2 sectors) to be edited into a hostile one.
std::string small_table(const TempDir& d, const std::string& name) {
  const std::string p = d.file(name);
  io::WriteOptions o;
  o.compression_level = 0;
  io::write_table(irio::testing::miller_blair_2x2(), p, o);
  return p;
}

/// The gzip stream of `text`.
std::string gzip(const std::string& text) {
  z_stream z{};
  BOOST_REQUIRE(deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&z, static_cast<uLong>(text.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  BOOST_REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

/// Collects notices while alive.
struct NoticeCollector {
  std::vector<std::string> got;
  io::NoticeHandler previous;
  NoticeCollector() {
    previous = io::set_notice_handler([this](const std::string& m) { got.push_back(m); });
  }
  ~NoticeCollector() { io::set_notice_handler(previous); }
};

/// Sets an environment variable while alive.
struct ScopedEnv {
  std::string name;
  ScopedEnv(const std::string& n, const std::string& value) : name(n) { ::setenv(n.c_str(), value.c_str(), 1); }
  ~ScopedEnv() { ::unsetenv(name.c_str()); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_input)

// ------------------------------------------------------------------ 1. declared sizes

BOOST_AUTO_TEST_CASE(hdf5_dataset_declaring_more_than_the_file_holds) {
  TempDir d;
  // A 30000 x 30000 Z (7.2 GB) in a file of a few kB: the labels give n = 30000.
  std::vector<std::string> sectors;
  for (int i = 0; i < 30000; ++i) sectors.push_back("s" + std::to_string(i));
  const std::string p = small_table(d, "huge_z.h5");
  h5p::h5_patch_strings(p, "/labels/sectors", sectors);
  h5p::h5_patch_declare(p, "/core/Z", {30000, 30000});
  BOOST_TEST(fs::file_size(p) < 2000000u);  // 30000 labels: about 1.2 MB
  check_error<InputError>([&] { io::read_table(p); },
                          {p, "dataset '/core/Z'", "30000 x 30000", "7.2 GB", "never written"});

  // The same with one chunk written (compressed): 7.2 GB cannot fit even at deflate's best ratio.
  h5p::h5_patch_declare(p, "/core/Z", {30000, 30000}, 0, true);
  check_error<InputError>([&] { io::read_table(p); },
                          {p, "dataset '/core/Z'", "30000 x 30000", "more than the whole file", "even compressed"});

  // Uncompressed and allocated, but beyond the end of the file: a table cut short by hand.
  const std::string q = small_table(d, "x_beyond.h5");
  h5p::h5_patch_declare(q, "/core/x", {2}, 0, false);  // never written: nothing behind it
  check_error<InputError>([&] { io::read_table(q); }, {q, "dataset '/core/x'", "stores none of them"});
}

BOOST_AUTO_TEST_CASE(hdf5_fixed_length_labels_declaring_gigabytes) {
  TempDir d;
  // 8 region labels of 1 GB each, and 1 000 000 labels of 8 kB each (8 GB).
  std::string p = small_table(d, "long_labels.h5");
  h5p::h5_patch_declare(p, "/labels/regions", {8}, std::size_t{1} << 30);
  check_error<InputError>([&] { io::read_table(p); },
                          {p, "dataset '/labels/regions'", "above the limit", "for one label"});
  p = small_table(d, "many_labels.h5");
  h5p::h5_patch_declare(p, "/labels/regions", {1000000}, 8192);
  check_error<InputError>([&] { io::read_table(p); }, {p, "dataset '/labels/regions'", "1000000 elements of 8192 bytes",
                                                       "8.19 GB", "above irio's limit"});
}

BOOST_AUTO_TEST_CASE(hdf5_forged_file_exits_2_not_70, *boost::unit_test::precondition(irio::testing::BinaryBuilt())) {
  TempDir d;
  std::vector<std::string> sectors;
  for (int i = 0; i < 30000; ++i) sectors.push_back("s" + std::to_string(i));
  const std::string p = small_table(d, "huge_z.h5");
  h5p::h5_patch_strings(p, "/labels/sectors", sectors);
  h5p::h5_patch_declare(p, "/core/Z", {30000, 30000}, 0, true);
  std::string out;
  BOOST_TEST(irio::testing::run_irio("info '" + p + "'", out, d) == 2);
  BOOST_TEST(out.find("/core/Z") != std::string::npos, out);
}

BOOST_AUTO_TEST_CASE(csv_text_beyond_the_limit) {
  TempDir d;
  // 16 concatenated gzip members of 64 KiB of zeros each: 1 MiB of text from a few kB (the
  // issue's 2 MB file inflating to 2 GiB, scaled down with the limit).
  std::string row;
  for (int i = 0; i < 1023; ++i) row += "0,";
  row += "0\n";
  std::string block;
  while (block.size() < 65536) block += row;
  const std::string member = gzip(block);
  std::string bomb;
  for (int i = 0; i < 16; ++i) bomb += member;
  const std::string p = d.write("bomb.csv.gz", bomb);
  BOOST_TEST(bomb.size() < 20000u);
  io::CsvOptions o;
  o.max_bytes = 1 << 19;
  check_error<InputError>([&] { io::read_csv(p, o); },
                          {p, "decompresses to more than 524288 bytes", "Limits and encodings", "IRIO_MAX_CSV_BYTES"});
  o.max_bytes = 2 << 20;
  BOOST_TEST(io::read_csv(p, o).rows.size() == 512u);  // under the limit it reads

  // The default limit (here lowered through the environment) applies to every importer.
  const ScopedEnv env("IRIO_MAX_CSV_BYTES", "524288");
  io::CsvImportOptions imp;
  imp.Z = p;
  imp.Y = d.write("Y.csv", kY);
  check_error<InputError>([&] { io::import_csv(imp); }, {p, "decompresses to more than 524288 bytes"});
  // A plain file is held to the same limit.
  std::string nine;
  for (int i = 0; i < 9; ++i) nine += block;
  const std::string plain = d.write("plain.csv", nine);
  check_error<InputError>([&] { io::read_csv(plain); }, {plain, "holds more than 524288 bytes"});
}

BOOST_AUTO_TEST_CASE(allocation_failure_names_the_file) {
  check_error<InputError>([] { h5p::guard_memory("t.h5", []() -> int { throw std::bad_alloc(); }); },
                          {"t.h5", "out of memory", "Limits and encodings"});
  check_error<InputError>([] { h5p::guard_memory("t.csv", []() -> int { throw std::length_error("vector"); }); },
                          {"t.csv", "beyond what can be allocated"});
  BOOST_TEST(h5p::guard_memory("t", [] { return 7; }) == 7);
}

// ------------------------------------------------------------------ 2. messages that point elsewhere

BOOST_AUTO_TEST_CASE(negative_x_is_blamed_on_x_csv) {
  TempDir d;
  io::CsvImportOptions o;
  o.Z = d.write("Z.csv", kZ);
  o.Y = d.write("Y.csv", kY);
  o.x = d.write("x.csv", "region,sector,x\nR1,a,200\nR1,b,-5\nR2,a,200\nR2,b,200\n");
  const std::string msg = irio::testing::error_message<InputError>([&] { io::import_csv(o); });
  BOOST_TEST(msg.find(o.x + ":3:3") != std::string::npos, msg);
  BOOST_TEST(msg.find("negative gross output -5") != std::string::npos, msg);
  BOOST_TEST(msg.find("R1") != std::string::npos, msg);
  BOOST_TEST(msg.find("Z.csv") == std::string::npos, msg);
}

BOOST_AUTO_TEST_CASE(truncated_and_corrupt_gzip_are_named) {
  TempDir d;
  std::string text = "a,b\n\"quoted, field\",2\n";
  for (int i = 0; i < 2000; ++i) text += "\"row " + std::to_string(i) + "\"," + std::to_string(i * 7919 % 1000) + "\n";
  const std::string gz = gzip(text);
  const std::string cut = d.write("cut.csv.gz", gz.substr(0, gz.size() / 2));
  check_error<InputError>([&] { io::read_csv(cut); }, {cut, "gzip stream is truncated"});
  const std::string cut2 = d.write("cut2.csv.gz", gz.substr(0, gz.size() - 4));  // only the length trailer lost
  check_error<InputError>([&] { io::read_csv(cut2); }, {cut2, "gzip stream is truncated"});
  std::string bad = gz;
  bad[bad.size() - 6] = static_cast<char>(bad[bad.size() - 6] ^ 0x55);  // CRC-32 trailer
  const std::string corrupt = d.write("corrupt.csv.gz", bad);
  check_error<InputError>([&] { io::read_csv(corrupt); }, {corrupt, "gzip stream is corrupt"});
  BOOST_TEST(io::read_csv(d.write("whole.csv.gz", gz)).rows.size() == 2002u);
}

BOOST_AUTO_TEST_CASE(truncated_hdf5_file_says_so_with_its_size) {
  TempDir d;
  const std::string full = d.file("full.h5");
  io::write_table(irio::testing::leather(), full);
  std::ifstream is(full, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(is)), std::istreambuf_iterator<char>());
  const std::string half = d.write("half.h5", bytes.substr(0, bytes.size() / 2));
  check_error<InputError>([&] { io::read_table(half); },
                          {half, "truncated HDF5 file", std::to_string(bytes.size() / 2) + " bytes",
                           "superblock declares " + std::to_string(bytes.size())});
}

// ------------------------------------------------------------------ 3. exit 0 with wrong numbers

BOOST_AUTO_TEST_CASE(overflowing_sums_are_balance_errors) {
  Matrix Z(2, 2), Y(2, 1);
  Z << 1e308, 1e308, 1e308, 1;  // row R/s1 and column R/s1 add up to 2e308 = Inf
  Y << 1, 1;
  IoTable t = irio::testing::make_table(Z, Y, {"R"}, {"s1", "s2"});
  const auto rep = irio::tables::check_balance(t);
  BOOST_TEST((rep.status == irio::tables::Severity::kError));
  const std::string text = rep.full_report(t.labels);
  BOOST_TEST(text.find("non-finite values") != std::string::npos, text);
  BOOST_TEST(text.find("R/s1") != std::string::npos, text);
  BOOST_TEST(text.find("row sums") != std::string::npos, text);
  BOOST_TEST(text.find("column sums") != std::string::npos, text);
  // With a supplied x, the row check must not read Inf - Inf = NaN as "residual 0".
  t.x = irio::tables::Vector::Constant(2, 1e300);
  const auto rep2 = irio::tables::check_balance(t);
  BOOST_TEST((rep2.status == irio::tables::Severity::kError));
}

BOOST_AUTO_TEST_CASE(check_exits_3_on_overflowing_sums, *boost::unit_test::precondition(irio::testing::BinaryBuilt())) {
  TempDir d;
  Matrix Z(2, 2), Y(2, 1);
  Z << 1e308, 1e308, 1, 1;
  Y << 1, 1;
  const std::string p = d.file("inf.h5");
  io::write_table(irio::testing::make_table(Z, Y, {"R"}, {"s1", "s2"}), p);
  std::string out;
  BOOST_TEST(irio::testing::run_irio("check '" + p + "'", out, d) == 3);
  BOOST_TEST(out.find("non-finite") != std::string::npos, out);
}

BOOST_AUTO_TEST_CASE(duplicate_labels_in_ras_inputs) {
  TempDir d;
  const std::string m = d.write("m.csv", "x,a,b,a\nr1,1,2,3\nr2,4,5,6\n");
  const std::string rows = d.write("u.csv", "label,value\nr1,6\nr2,15\n");
  const std::string cols = d.write("v.csv", "label,value\na,5\nb,7\nc,9\n");
  check_error<InputError>([&] { io::read_ras_input(m, rows, cols); },
                          {m, "column label 'a' appears twice", "positions 1 and 3"});
  const std::string m2 = d.write("m2.csv", "x,a,b\nr1,1,2\nr1,4,5\n");
  check_error<InputError>([&] { io::read_ras_input(m2, rows, cols); }, {m2 + ":3:1", "row label 'r1' appears twice"});
  const std::string m3 = d.write("m3.csv", "x,a,b\nr1,1,2\nr2,4,5\n");
  const std::string dup = d.write("v2.csv", "label,value\na,5\nb,7\na,9\n");
  check_error<InputError>([&] { io::read_ras_input(m3, rows, dup); }, {dup + ":4:1", "'a' appears twice"});
  check_error<InputError>([&] { io::read_ras_input(m3, rows, cols); }, {cols + ":4", "'c' is not a label"});
  const std::string good = d.write("v3.csv", "label,value\nb,11\na,10\n");
  const auto in = io::read_ras_input(m3, d.write("u3.csv", "label,value\nr2,13\nr1,8\n"), good);
  BOOST_TEST(in.v(0) == 10.0);
  BOOST_TEST(in.v(1) == 11.0);
  BOOST_TEST(in.u(0) == 8.0);
}

BOOST_AUTO_TEST_CASE(latin1_labels_are_refused_with_line_and_field) {
  TempDir d;
  io::CsvImportOptions o;
  std::string z = kZ;
  z.replace(z.find("R2,b,13"), 2, "S\xE3o");  // "São" in Latin-1
  o.Z = d.write("Z.csv", z);
  o.Y = d.write("Y.csv", kY);
  check_error<InputError>([&] { io::import_csv(o); },
                          {o.Z + ":6:1", "'S\\xE3o'", "not UTF-8", "byte 0xE3", "save the file as UTF-8"});
  const std::string utf16 = d.write("utf16.csv", std::string("\xFF\xFE"
                                                             "a\0,\0b\0\n\0",
                                                             10));
  check_error<InputError>([&] { io::read_csv(utf16); }, {utf16, "is UTF-16 text", "save the file as \"CSV UTF-8\""});
  BOOST_TEST(h5p::find_invalid_utf8("S\xC3\xA3o") == std::string::npos);
  BOOST_TEST(h5p::find_invalid_utf8("\xC0\xAF") == 0u);            // overlong '/'
  BOOST_TEST(h5p::find_invalid_utf8("a\xED\xA0\x80") == 1u);       // surrogate
  BOOST_TEST(h5p::find_invalid_utf8("ab\xF4\x90\x80\x80") == 2u);  // above U+10FFFF
  BOOST_TEST(h5p::find_invalid_utf8("\xE5\x8C") == 0u);            // cut short
}

BOOST_AUTO_TEST_CASE(gbk_labels_are_converted_and_said_so) {
  TempDir d;
  // Beijing and Tianjin in GBK; UTF-8 is what the table must hold.
  const std::string bj_gbk = "\xB1\xB1\xBE\xA9", tj_gbk = "\xCC\xEC\xBD\xF2";
  const std::string bj = "\xE5\x8C\x97\xE4\xBA\xAC", tj = "\xE5\xA4\xA9\xE6\xB4\xA5";
  auto to = [](std::string s, const std::string& a, const std::string& b) {
    for (auto p = s.find(a); p != std::string::npos; p = s.find(a, p + b.size())) s.replace(p, a.size(), b);
    return s;
  };
  io::CsvImportOptions o;
  o.Z = d.write("Z.csv", to(to(kZ, "R1", bj_gbk), "R2", tj_gbk));
  o.Y = d.write("Y.csv", to(to(kY, "R1", bj_gbk), "R2", tj_gbk));
  NoticeCollector notes;
  const IoTable t = io::import_csv(o);
  BOOST_TEST(t.labels.regions == (std::vector<std::string>{bj, tj}));
  BOOST_REQUIRE(notes.got.size() == 2u);
  BOOST_TEST(notes.got[0].find(o.Z) != std::string::npos, notes.got[0]);
  BOOST_TEST(notes.got[0].find("GB18030") != std::string::npos, notes.got[0]);
  BOOST_TEST(io::read_csv(o.Z).converted_from == "GB18030");
  // A Latin-1 accent followed by an ASCII letter is a valid GBK pair, but not Chinese text.
  std::string out;
  BOOST_TEST(
      !h5p::gb18030_to_utf8("Qu\xE9"
                            "bec",
                            &out));
  // Only plausible Chinese text is converted (issue 22): Shift-JIS "東京" (0x93 0x8C 0x8B 0x9E) and
  // Windows-1252 curly quotes (0x93 0x94) decode as GB18030 but are not GB2312 hanzi.
  BOOST_TEST(!h5p::gb18030_to_utf8("\x93\x8C\x8B\x9E", &out));
  BOOST_TEST(!h5p::gb18030_to_utf8("say \x93\x94", &out));
  BOOST_TEST(!h5p::plausible_chinese("\xA1\xA2\xA1\xA3"));  // punctuation alone is not Chinese text
  BOOST_TEST(h5p::gb18030_to_utf8(bj_gbk + "," + tj_gbk, &out));
  BOOST_TEST(out == bj + "," + tj);
}

// ------------------------------------------------------------------ 4. hang

BOOST_AUTO_TEST_CASE(grouping_with_200000_members) {
  TempDir d;
  std::string text = "member,group\n";
  for (int i = 0; i < 200000; ++i) text += "m" + std::to_string(i) + ",g" + std::to_string(i % 97) + "\n";
  const auto g = io::read_grouping_csv(d.write("big.csv", text));
  BOOST_TEST(g.members().size() == 200000u);
  BOOST_TEST(g.num_groups() == 97u);
  const std::string dup = d.write("dup.csv", "member,group\nm1,g1\nm2,g1\n# comment\nm1,g2\n");
  check_error<InputError>([&] { io::read_grouping_csv(dup); },
                          {dup + ":5:1", "member 'm1' already listed on line 2 (group 'g1')"});
}

// ------------------------------------------------------------------ 5. hints

BOOST_AUTO_TEST_CASE(decimal_comma_hint) {
  TempDir d;
  io::CsvImportOptions o;
  std::string z = kZ;
  for (auto& c : z)
    if (c == ',') c = ';';
  z.replace(z.find(";7;"), 3, ";347,23;");
  o.Z = d.write("Z.csv", z);
  o.Y = d.write("Y.csv", kY);
  check_error<InputError>([&] { io::import_csv(o); }, {o.Z + ":4:5", "'347,23' in Z", "decimal comma?", "347.23"});
  // No hint where a comma cannot be a decimal comma.
  const auto f = io::parse_csv("a;b\nx;1,2,3\n", "t.csv");
  const std::string msg = irio::testing::error_message<InputError>([&] { f.number(1, 1); });
  BOOST_TEST(msg.find("decimal comma") == std::string::npos, msg);
}

BOOST_AUTO_TEST_CASE(missing_wiod_year_lists_the_years) {
  check_error<InputError>(
      [] {
        io::WiodImportOptions o;
        o.year = "2012";
        io::import_wiod(irio::testing::test_data("wiod2013"), o);
      },
      {"no table for year '2012'", "years available: 1995, 2011"});
  TempDir d;
  check_error<InputError>([&] { io::import_wiod(d.path().string()); }, {"holds no wiot_YYYY_Z.csv.gz file"});
}

BOOST_AUTO_TEST_SUITE_END()
