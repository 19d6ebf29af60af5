// SPDX-License-Identifier: MIT
// Text of a progress display (the CLI draws it on stderr, cli/report.h): a bar with the percentage,
// the elapsed time and the phase for a terminal, and a plain one-line-per-phase form for logs.
#pragma once

#include <string>

namespace irio::tables {

/// "[#########...........]  45%  0:07  three-level decomposition: backward": `width` cells of
/// bar, fraction clamped to [0, 1], elapsed time as m:ss (h:mm:ss from an hour), the phase cut
/// to `max_phase` characters (on a UTF-8 boundary) so that the line fits a terminal.
std::string progress_bar_line(double fraction, double elapsed_seconds, const std::string& phase, int width = 24,
                              std::size_t max_phase = 48);

/// "phase name (7.3 s)", from a minute "phase name (1:07)": the line written for each new phase
/// when stderr is not a terminal (elapsed time since the start of the command).
std::string progress_phase_line(double elapsed_seconds, const std::string& phase);

/// Elapsed time as m:ss, or h:mm:ss from one hour.
std::string format_elapsed(double seconds);

}  // namespace irio::tables
