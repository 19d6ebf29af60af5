// SPDX-License-Identifier: MIT
// The exception hierarchy of irio; every class carries the exit code the CLI returns for it.
#pragma once

#include <stdexcept>
#include <string>

namespace irio {

/// Base class of every error irio throws on purpose. `exit_code()` is what the CLI returns.
class Error : public std::runtime_error {
 public:
  Error(const std::string& what, int exit_code) : std::runtime_error(what), exit_code_(exit_code) {}
  int exit_code() const { return exit_code_; }

 private:
  int exit_code_;
};

/// Bad input: missing or unreadable file, wrong schema, shapes or labels that disagree, NaN/Inf,
/// negative output. Messages name the file, the dataset and the (region, sector) at fault.
class InputError : public Error {
 public:
  explicit InputError(const std::string& what) : Error(what, 2) {}
};

/// The table is inconsistent beyond the tolerance and strict mode was asked for.
class BalanceError : public Error {
 public:
  explicit BalanceError(const std::string& what) : Error(what, 3) {}
};

/// Singular, ill-conditioned or non-productive I - A (Hawkins-Simon fails), or an iteration that
/// did not converge. The message names the worst columns.
class NumericalError : public Error {
 public:
  explicit NumericalError(const std::string& what) : Error(what, 4) {}
};

/// Writing an output failed (disk full, permissions, existing file without --force).
class OutputError : public Error {
 public:
  explicit OutputError(const std::string& what) : Error(what, 5) {}
};

}  // namespace irio
