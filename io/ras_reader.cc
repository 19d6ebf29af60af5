// SPDX-License-Identifier: MIT
// RAS inputs from CSV: every label unique, every target matched to exactly one line.
#include "irio/io/ras_reader.h"

#include <fstream>
#include <map>

#include "irio/io/csv_reader.h"
#include "irio/io/internal/atomic_output.h"
#include "irio/io/internal/csv_writer.h"
#include "irio/io/internal/memory_guard.h"
#include "irio/tables/error.h"
#include "irio/tables/ras.h"

namespace irio::io {

namespace {

/// Targets as label,value lines (one header line), ordered like `labels`.
tables::Vector read_targets(const std::string& path, const std::vector<std::string>& labels, const std::string& what,
                            const std::string& matrix) {
  const CsvFile csv = read_csv(path);
  std::map<std::string, std::pair<double, std::size_t>> v;  // label -> (value, line)
  for (std::size_t r = 1; r < csv.rows.size(); ++r) {
    const std::string& label = csv.cell(r, 0);
    const auto [it, fresh] = v.emplace(label, std::make_pair(csv.number(r, 1, what), csv.rows[r].line));
    if (!fresh)
      throw InputError(csv.where(r, 0) + ": " + what + " '" + label + "' appears twice (also line " +
                       std::to_string(it->second.second) + ")");
  }
  std::map<std::string, std::size_t> line_of;
  for (std::size_t i = 0; i < labels.size(); ++i) line_of.emplace(labels[i], i);
  for (const auto& [label, vl] : v)
    if (!line_of.count(label))
      throw InputError(path + ":" + std::to_string(vl.second) + ": " + what + " '" + label +
                       "' is not a label of the matrix " + matrix);
  tables::Vector out(static_cast<Eigen::Index>(labels.size()));
  for (std::size_t i = 0; i < labels.size(); ++i) {
    auto it = v.find(labels[i]);
    if (it == v.end()) throw InputError(path + ": no " + what + " for '" + labels[i] + "'");
    out(static_cast<Eigen::Index>(i)) = it->second.first;
  }
  return out;
}

RasInput read_ras_input_impl(const std::string& matrix, const std::string& rows, const std::string& cols) {
  const CsvFile csv = read_csv(matrix);
  if (csv.rows.size() < 2) throw InputError(matrix + ": needs a header row and at least one matrix row");
  const auto& head = csv.rows[0].fields;
  csv.require_width(head.size());
  RasInput in;
  in.corner = head[0];
  in.col_labels.assign(head.begin() + 1, head.end());
  if (in.col_labels.empty()) throw InputError(matrix + ": no columns after the row labels");
  tables::check_unique_labels(in.col_labels, "column label", matrix + ":" + std::to_string(csv.rows[0].line));
  in.A.resize(static_cast<Eigen::Index>(csv.rows.size() - 1), static_cast<Eigen::Index>(in.col_labels.size()));
  std::map<std::string, std::size_t> row_line;
  for (std::size_t r = 1; r < csv.rows.size(); ++r) {
    const auto [it, fresh] = row_line.emplace(csv.cell(r, 0), csv.rows[r].line);
    if (!fresh)
      throw InputError(csv.where(r, 0) + ": row label '" + csv.cell(r, 0) + "' appears twice (also line " +
                       std::to_string(it->second) + "); targets are matched by label, so labels must be unique");
    in.row_labels.push_back(csv.cell(r, 0));
    for (std::size_t c = 0; c < in.col_labels.size(); ++c)
      in.A(static_cast<Eigen::Index>(r - 1), static_cast<Eigen::Index>(c)) = csv.number(r, c + 1, "matrix");
  }
  in.u = read_targets(rows, in.row_labels, "row total", matrix);
  in.v = read_targets(cols, in.col_labels, "column total", matrix);
  return in;
}

}  // namespace

RasInput read_ras_input(const std::string& matrix, const std::string& rows, const std::string& cols) {
  return internal::guard_memory(matrix, [&] { return read_ras_input_impl(matrix, rows, cols); });
}

void write_ras_output(const RasInput& in, const tables::Matrix& X, const std::string& path, const WriteOptions& opt) {
  if (X.rows() != static_cast<Eigen::Index>(in.row_labels.size()) ||
      X.cols() != static_cast<Eigen::Index>(in.col_labels.size()))
    throw InputError(path + ": the matrix is " + std::to_string(X.rows()) + " x " + std::to_string(X.cols()) +
                     " but has " + std::to_string(in.row_labels.size()) + " row and " +
                     std::to_string(in.col_labels.size()) + " column labels");
  internal::AtomicOutput guard(path, opt.overwrite, opt.inputs);
  {
    std::ofstream out(guard.temp_path());
    out.precision(17);
    out << internal::csv_field(in.corner);
    for (const auto& c : in.col_labels) out << "," << internal::csv_field(c);
    out << "\n";
    for (std::size_t r = 0; r < in.row_labels.size(); ++r) {
      out << internal::csv_field(in.row_labels[r]);
      for (Eigen::Index c = 0; c < X.cols(); ++c) out << "," << X(static_cast<Eigen::Index>(r), c);
      out << "\n";
    }
    out.flush();
    if (!out) throw OutputError(path + ": cannot write");
  }
  guard.commit();
}

}  // namespace irio::io
