// SPDX-License-Identifier: MIT
// The replay corpus of hostile inputs (issue 22 §4, docs/fuzzing.md "Replay corpus"): every line of
// tests/data/hostile/manifest.tsv is one run of the irio binary on one input of that folder, with
// the exit status it must give and a part of the message it must print. A failure names the line.
//
// manifest.tsv: tab-separated `input  command  exit  message`; `#` lines are comments.
//   input    a file or folder of tests/data/hostile/ ("-" for none: an option alone is hostile)
//   command  irio's arguments, run in a fresh temporary folder (relative outputs land there);
//            {in} is the input's path, {dir} the folder tests/data/hostile, {data} tests/data;
//            leading NAME=VALUE words are environment settings
//   exit     the exit status (docs/cli.md: 2 bad input, 3 check failed, 5 output refused, ...)
//   message  text the output (stdout and stderr) must contain
//
// The HDF5 inputs and result folders of the corpus are written by the disabled test case
// write_generated_inputs (run it explicitly to write them again, see tests/data/hostile/README.md).
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <set>
#include <sstream>
#include <vector>

#include "irio/io/internal/h5_patch.h"
#include "irio/io/table_store.h"
#include "tests/analysis/cli_dir.h"
#include "tests/test_util.h"

namespace {

const std::string kDir = std::string(IRIO_TEST_DATA) + "/hostile";

struct Line {
  int number = 0;
  std::string input, command, message;
  int exit = 0;
};

std::vector<std::string> split_tabs(const std::string& s) {
  std::vector<std::string> out;
  std::string field;
  std::istringstream in(s);
  while (std::getline(in, field, '\t')) out.push_back(field);
  return out;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (auto p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
  return s;
}

std::vector<Line> read_manifest(std::vector<std::string>& problems) {
  std::ifstream in(kDir + "/manifest.tsv");
  std::vector<Line> out;
  std::string text;
  for (int n = 1; std::getline(in, text); ++n) {
    if (text.empty() || text[0] == '#') continue;
    const auto f = split_tabs(text);
    if (f.size() != 4) {
      problems.push_back("manifest.tsv:" + std::to_string(n) + ": expected 4 tab-separated fields, got " +
                         std::to_string(f.size()));
      continue;
    }
    Line l;
    l.number = n;
    l.input = f[0];
    l.command = f[1];
    l.exit = std::atoi(f[2].c_str());
    l.message = f[3];
    out.push_back(l);
  }
  return out;
}

/// Split leading NAME=VALUE words (environment settings) off a command line.
void split_environment(const std::string& command, std::string& env, std::string& args) {
  std::string rest = command;
  env.clear();
  while (true) {
    const auto space = rest.find(' ');
    const std::string word = rest.substr(0, space);
    const auto eq = word.find('=');
    if (space == std::string::npos || eq == std::string::npos || eq == 0 || word[0] == '-') break;
    env += word + " ";
    rest = rest.substr(space + 1);
  }
  args = rest;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_corpus)

BOOST_AUTO_TEST_CASE(every_line_of_the_manifest_replays,
                     *boost::unit_test::precondition(irio::testing::BinaryBuilt{})) {
  std::vector<std::string> problems;
  const auto lines = read_manifest(problems);
  for (const auto& p : problems) BOOST_ERROR(p);
  BOOST_TEST_REQUIRE(lines.size() >= 40u);
  for (const auto& l : lines) {
    const std::string where = "manifest.tsv:" + std::to_string(l.number) + " (" + l.input + ")";
    if (l.input != "-" && !fs::exists(kDir + "/" + l.input)) {
      BOOST_ERROR(where + ": the input is not in " + kDir);
      continue;
    }
    std::string cmd = replace_all(l.command, "{in}", "'" + kDir + "/" + l.input + "'");
    cmd = replace_all(cmd, "{dir}", "'" + kDir + "'");
    cmd = replace_all(cmd, "{data}", "'" + std::string(IRIO_TEST_DATA) + "'");
    std::string env, args, out;
    split_environment(cmd, env, args);
    CliDir d("irio-hostile-");
    const int rc = d.run(args, out, env);
    BOOST_CHECK_MESSAGE(rc == l.exit, where << ": irio " << l.command << "\n  exit " << rc << ", expected " << l.exit
                                            << "\n  output: " << out);
    BOOST_CHECK_MESSAGE(out.find(l.message) != std::string::npos, where << ": irio " << l.command
                                                                        << "\n  the output lacks '" << l.message
                                                                        << "'\n  output: " << out);
  }
}

BOOST_AUTO_TEST_CASE(every_input_of_the_folder_is_replayed) {
  // A file added to the folder without a line would never be replayed.
  std::vector<std::string> problems;
  const auto lines = read_manifest(problems);
  std::string all;
  for (const auto& l : lines) all += l.input + "\n" + l.command + "\n";
  for (const auto& e : fs::directory_iterator(kDir)) {
    const std::string name = e.path().filename().string();
    if (name == "manifest.tsv" || name == "README.md") continue;
    BOOST_CHECK_MESSAGE(all.find(name) != std::string::npos, kDir << "/" << name << " is named by no manifest line");
  }
}

// Writes the generated inputs of the corpus into tests/data/hostile/ (HDF5 files and result
// folders, which are awkward to edit by hand). Disabled: run it explicitly,
//   build/tests/analysis_test --run_test=hostile_corpus/write_generated_inputs
BOOST_AUTO_TEST_CASE(write_generated_inputs, *boost::unit_test::disabled()) {
  namespace h5p = irio::io::internal;
  for (const auto& e : fs::directory_iterator(kDir))  // written again below
    if (e.path().extension() == ".h5") fs::remove(e.path());
  auto leather = irio::testing::leather();
  irio::tables::Satellite co2;  // for the population lines of footprints
  co2.name = "CO2";
  co2.stressors = {"CO2"};
  co2.units = {"kt"};
  co2.F = irio::tables::Matrix::Ones(1, 9);
  leather.satellites.push_back(co2);
  irio::io::WriteOptions compact;
  compact.compression_level = 9;
  irio::io::write_table(leather, kDir + "/leather.h5", compact);
  // Z as a CSC group (the density threshold above 1 forces it), then claimed to be CSR / COO.
  irio::io::WriteOptions sparse = compact;
  sparse.sparse_density_threshold = 2.0;
  const irio::tables::Matrix Z(leather.Z);
  auto csc_of = [](const irio::tables::Matrix& M, std::vector<double>& data, std::vector<std::int64_t>& indices,
                   std::vector<std::int64_t>& indptr) {
    indptr = {0};
    for (Eigen::Index j = 0; j < M.cols(); ++j) {
      for (Eigen::Index i = 0; i < M.rows(); ++i)
        if (M(i, j) != 0.0) {
          data.push_back(M(i, j));
          indices.push_back(i);
        }
      indptr.push_back(static_cast<std::int64_t>(data.size()));
    }
  };
  {
    // The CSR arrays of Z are the CSC arrays of Z': read as CSC they would be Z' (issue 22 §2).
    const std::string p = kDir + "/z_csr.h5";
    irio::io::write_table(leather, p, sparse);
    std::vector<double> data;
    std::vector<std::int64_t> indices, indptr;
    csc_of(irio::tables::Matrix(Z.transpose()), data, indices, indptr);
    h5p::h5_patch_vector(p, "/core/Z/data", data);
    h5p::h5_patch_int64s(p, "/core/Z/indices", indices);
    h5p::h5_patch_int64s(p, "/core/Z/indptr", indptr);
    h5p::h5_patch_string_attr(p, "/core/Z", "format", "csr");
  }
  {
    const std::string p = kDir + "/z_coo.h5";
    irio::io::write_table(leather, p, sparse);
    h5p::h5_patch_string_attr(p, "/core/Z", "format", "coo");
  }
  {
    // The fuzz finding h5_csc_indptr_overrun (fuzz/findings/README.md): a pointer past len(data).
    const std::string p = kDir + "/z_indptr_overrun.h5";
    irio::io::write_table(leather, p, sparse);
    std::vector<double> data;
    std::vector<std::int64_t> indices, indptr;
    csc_of(Z, data, indices, indptr);
    indptr[1] = static_cast<std::int64_t>(data.size()) + 100;
    h5p::h5_patch_int64s(p, "/core/Z/indptr", indptr);
  }
  {
    const std::string p = kDir + "/labels_latin1.h5";
    irio::io::write_table(leather, p, compact);
    auto regions = leather.labels.regions;
    regions[1] =
        "Qu\xE9"
        "bec";  // Latin-1
    h5p::h5_patch_strings(p, "/labels/regions", regions);
  }
  {
    const std::string p = kDir + "/labels_shift_jis.h5";
    irio::io::write_table(leather, p, compact);
    auto sectors = leather.labels.sectors;
    sectors[0] = "\x93\x8C\x8B\x9E";  // Shift-JIS "Tokyo"
    h5p::h5_patch_strings(p, "/labels/sectors", sectors);
  }
  // Results and their manifests: one intact, one with a row repeated, one with a row deleted, and a
  // position file put in place of the multipliers file its manifest describes.
  std::string out;
  CliDir d("irio-hostile-gen-");
  BOOST_REQUIRE_MESSAGE(d.run("multipliers '" + kDir + "/leather.h5' -o mult.csv", out) == 0, out);
  BOOST_REQUIRE_MESSAGE(d.run("position '" + kDir + "/leather.h5' -o pos.csv", out) == 0, out);
  for (const std::string sub : {"result_ok", "result_row_repeated", "result_row_deleted", "result_swapped"}) {
    fs::remove_all(kDir + "/" + sub);
    fs::create_directories(kDir + "/" + sub);
    for (const std::string f : {"mult.csv", "mult.meta.json"})
      fs::copy_file(d.file(f), kDir + "/" + sub + "/" + f, fs::copy_options::overwrite_existing);
  }
  const std::string text = d.read("mult.csv");
  const auto second = text.find('\n') + 1, third = text.find('\n', second) + 1;
  std::ofstream(kDir + "/result_row_repeated/mult.csv", std::ios::binary)
      << text.substr(0, third) << text.substr(second, third - second) << text.substr(third);
  std::ofstream(kDir + "/result_row_deleted/mult.csv", std::ios::binary)
      << text.substr(0, second) << text.substr(third);
  fs::copy_file(d.file("pos_position.csv"), kDir + "/result_swapped/mult.csv", fs::copy_options::overwrite_existing);
}

BOOST_AUTO_TEST_SUITE_END()
