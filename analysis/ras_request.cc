// SPDX-License-Identifier: MIT
// The RAS job (`irio ras`): read a labelled matrix and its targets (io::read_ras_input), balance
// it (tables::ras) and write it with io::write_ras_output.
#include <filesystem>
#include <system_error>

#include "irio/analysis/analysis.h"
#include "irio/analysis/table_jobs.h"
#include "irio/io/ras_reader.h"
#include "irio/tables/error.h"

namespace irio {

std::string RasRequest::validate() const {
  if (matrix.empty() || rows.empty() || cols.empty()) return "needs the matrix, row totals and column totals";
  if (output.empty()) return "no output file";
  return {};
}

RasJobResult balance_ras(const RasRequest& r) {
  require_valid("ras", r.validate());
  RasJobResult res;
  // Labels are matched by name; repeated labels and targets without a matrix line are errors.
  res.input = io::read_ras_input(r.matrix, r.rows, r.cols);
  res.ras = tables::ras(res.input.A, res.input.u, res.input.v, r.options);
  if (r.on_report) r.on_report(res.ras.report());
  if (!res.ras.converged)
    throw NumericalError(r.matrix + ": " + tables::to_string(res.ras.method) + " did not converge to tolerance " +
                         std::to_string(r.options.tolerance) + " (no output written)");
  std::error_code ec;
  const bool taken = std::filesystem::exists(r.output, ec) ||
                     std::filesystem::is_symlink(std::filesystem::symlink_status(r.output, ec));  // a dangling link too
  if (!r.overwrite && taken) throw OutputError(r.output + ": file exists (use --force to replace it)");
  if (std::filesystem::equivalent(r.matrix, r.output, ec))
    throw OutputError(r.output + ": the output would replace the input");
  io::WriteOptions opt;
  opt.overwrite = r.overwrite;
  opt.inputs = {r.matrix, r.rows, r.cols};
  io::write_ras_output(res.input, res.ras.X, r.output, opt);
  return res;
}

}  // namespace irio
