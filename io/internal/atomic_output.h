// SPDX-License-Identifier: MIT
// Write-to-temporary-then-rename guard used by every writer, so no output is ever half-written.
#pragma once

#include <string>
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
  bool target_exists() const { return exists_; }
  /// Rename the temporary file to the target. Throws OutputError on failure.
  void commit();

 private:
  std::string path_;
  std::string temp_;
  bool exists_ = false;
  bool committed_ = false;
};

/// Throws OutputError if `out` and any of `inputs` are the same file.
void check_not_input(const std::string& out, const std::vector<std::string>& inputs);

}  // namespace irio::io::internal
