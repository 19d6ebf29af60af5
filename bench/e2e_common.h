// SPDX-License-Identifier: MIT
// What the end-to-end benchmark tasks (e2e, exiobase) share: their child processes (the irio CLI by
// fork/exec, the dense method by fork), each timed (wall, CPU) and measured (peak memory) from
// wait4; the work folder; the table file; the printed lines.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "irio/tables/io_table.h"

namespace irio::bench {

/// What one child cost.
struct Child {
  double seconds = 0;
  double cpu_seconds = 0;  ///< user + system time of the child (its threads included)
  double peak_mib = 0;
  int status = -1;  ///< exit status; 128 + signal when killed
};

/// Seconds on the steady clock.
double now();

/// Run `binary ARGS...` with stdout and stderr to `log`; wall, CPU time and peak memory of the child.
Child run_irio(const std::string& binary, const std::vector<std::string>& args, const std::string& log);

/// Run `work` in a forked child (exit 3, the message on stderr, if it throws). The parent should
/// hold little memory when it forks: the child's peak counts the pages it inherits.
Child run_in_child(const std::function<void()>& work, const char* what);

/// The whole of a text file ("" when it cannot be read).
std::string read_text_file(const std::string& path);

/// The line of `text` that starts at `key` (e.g. irio's "BLAS: " line), or "(not printed)".
std::string line_with(const std::string& text, const std::string& key);

/// The folder of a task's files: `workdir` when given (kept), else a new temporary folder named for
/// the task and this process (the caller removes it); created.
std::string work_folder(const std::string& workdir, const std::string& task);

/// Write the generated table `t` (made in `generated_s` seconds) with io::write_table at deflate
/// `compression_level` (-1: io::WriteOptions' default) and print "  table: generated in ...".
void write_bench_table(const tables::IoTable& t, double generated_s, const std::string& path, int compression_level);

/// "  OPENBLAS_CORETYPE=...; WHO BLAS: ..." (the kernel the benchmark chose, and the BLAS this
/// process, hence its dense children, runs).
void print_blas_line(const std::string& who);

/// The head of the timing table ("wall  CPU  peak memory").
void print_child_header();
/// One row of the timing table: "  LABEL   wall s   CPU s   peak MiB".
void print_child_row(const std::string& label, const Child& c);

}  // namespace irio::bench
