// SPDX-License-Identifier: MIT
// Write-to-temporary-then-rename guard used by every writer, so no output is ever half-written:
// the temporary file is flushed to disk (fsync) before the rename and the folder after it, and
// temporary files of an irio process that no longer runs (killed mid-write) are removed from the
// output folder on the next write there. OutputSet extends this to results of several files.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace irio::io::internal {

/// Reserves a temporary file name next to `path`; commit() renames it over `path`. If the guard
/// is destroyed without commit (an exception), the temporary file is removed.
///
/// Throws OutputError if `path` exists and !overwrite, if it names one of `inputs` (never
/// overwrite an input, even with overwrite), if it is a directory, or if its folder is missing.
class AtomicOutput {
 public:
  AtomicOutput(std::string path, bool overwrite, const std::vector<std::string>& inputs = {});
  ~AtomicOutput();
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  const std::string& temp_path() const { return temp_; }
  const std::string& path() const { return path_; }
  /// Flush the temporary file to disk and rename it to the target; then flush the folder.
  /// Throws OutputError on failure.
  void commit();

 private:
  std::string path_;
  std::string temp_;
  bool committed_ = false;
};

/// The files of one result, replaced as one: after any kill the folder holds exactly the old
/// result or exactly the new one, once recovered (docs/formats.md, "Result manifests").
///
/// Each file, the manifest included, is staged as a temporary file and flushed to disk. commit()
/// then writes a journal `.MANIFEST.irio-journal-PID` listing every temporary -> target rename
/// (written to a temporary, flushed, renamed into place: the commit point), performs the renames
/// (data files first, manifest last) and removes the journal. A run killed before the journal is
/// in place leaves the old result untouched (its temporaries are removed later); one killed after
/// it is rolled forward by recover_result_sets(), which every writer into the folder and every
/// reader of a manifest calls first. A result that fails its manifest's sizes and CRC-32 was not
/// written by irio as a whole.
class OutputSet {
 public:
  /// Stage `path` (checked as AtomicOutput checks it); returns the temporary path to write.
  const std::string& stage(const std::string& path, bool overwrite, const std::vector<std::string>& inputs);
  /// Stage `manifest_text` as `manifest_path` (if not empty) and replace the whole set as above.
  void commit(const std::string& manifest_path, const std::string& manifest_text, bool overwrite);
  const std::vector<std::string>& paths() const { return paths_; }

 private:
  std::vector<std::unique_ptr<AtomicOutput>> staged_;
  std::vector<std::string> paths_;
};

/// Roll forward every result set in `folder` whose writer was killed after its journal was in
/// place. A writer holds an exclusive flock on its journal while it works, so a journal that can
/// be locked was left by a dead writer (a process id alone may have been reused); one still locked
/// is left alone. Returns how many were finished.
std::size_t recover_result_sets(const std::string& folder);

/// Test hook (issue 22 §1): when the environment variable IRIO_TEST_STOP_AT is the number `step`,
/// the process ends at once (std::_Exit(137), as a kill would) at that step of OutputSet::commit:
/// 1 staged, 2 journal in place, 3.. after each rename, then journal removed.
void test_stop_point(int step);

/// Size in bytes and CRC-32 (zlib's, as 8 hex digits) of a file, for manifests.
std::pair<std::uintmax_t, std::string> file_size_and_crc32(const std::string& path);

/// Remove `.NAME.irio-tmp-PID-N` files in `folder` left by an irio process PID that no longer
/// runs, after rolling forward the sets whose journal names them (recover_result_sets); done once
/// per folder and process by AtomicOutput. Returns how many were removed.
std::size_t remove_stale_temporaries(const std::string& folder);

/// Throws OutputError if `out` and any of `inputs` are the same file.
void check_not_input(const std::string& out, const std::vector<std::string>& inputs);

}  // namespace irio::io::internal
