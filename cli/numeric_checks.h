// SPDX-License-Identifier: MIT
// One place that checks every numeric option of every verb by its type (issue 22 §2): a
// floating-point value must be a finite number ("nan", "inf" refused), an unsigned one a whole
// number without a sign that fits 64 bits ("-1" and 2^64 no longer wrap or clamp), a signed one a
// whole number that fits. Ranges of single options (e.g. --top >= 1) are declared with the option.
#pragma once

#include <CLI/CLI.hpp>

namespace irio::cli {

/// Add the type checks to every option of `app` and of its subcommands, recursively; called once
/// after every verb has declared its options. A value that fails is a CLI11 ValidationError
/// (exit 2) naming the option and the accepted range.
void add_numeric_checks(CLI::App& app);

/// The range of one option, with the range in the message (CLI11 puts the option's name before
/// it: "--tol: '-1' is not a number > 0"). A number > 0 (tolerances):
const CLI::Validator& positive_number();
/// A whole number from `lo` to `hi` (iteration limits, counts): "'0' is not a whole number from 1
/// to 1000000".
CLI::Validator whole_in(long long lo, long long hi);
/// A finite number from `lo` to `hi`, both included.
CLI::Validator number_in(double lo, double hi);

}  // namespace irio::cli
