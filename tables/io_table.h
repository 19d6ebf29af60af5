// SPDX-License-Identifier: MIT
// The input-output table model: labels, Z, Y, V, x, exogenous trade and satellite accounts.
#pragma once

#include <Eigen/Dense>
#include <Eigen/SparseCore>
#include <map>
#include <string>
#include <vector>

#include "irio/tables/labels.h"

namespace irio::tables {

using Matrix = Eigen::MatrixXd;
using Vector = Eigen::VectorXd;
using SparseMatrix = Eigen::SparseMatrix<double, Eigen::ColMajor, std::ptrdiff_t>;

/// A satellite (extension) account, pymrio-style: stressor use by industries and by final demand.
struct Satellite {
  std::string name;                    ///< e.g. "employment", "CO2"
  std::vector<std::string> stressors;  ///< k_F stressor names
  std::vector<std::string> units;      ///< k_F units, e.g. "1000 persons", "kt"
  Matrix F;                            ///< k_F x n, by producing region-sector
  Matrix F_Y;                          ///< k_F x (G K), by final-demand column; may be empty (0 cols)
};

/// Descriptive metadata, stored as HDF5 attributes.
struct TableMeta {
  std::string name;
  std::string year;
  std::string unit;                  ///< monetary unit, e.g. "USD million", "10000 CNY"
  std::string price_basis;           ///< e.g. "basic prices"
  std::string source;                ///< provenance / citation
  std::vector<std::string> history;  ///< append-only log of operations
};

/// An (inter)regional input-output table, region-major (methods.md §0.1-§0.2).
///
///   IoTable t = io::read_table("wiod2011.h5");
///   auto report = tables::check_balance(t);
///
/// Invariants (checked by validate_shapes): Z is n x n, Y is n x G K, V is k_V x n, x is n (or
/// empty: then x = Z 1 + Y 1 + exports), exports is n x k_E, imports is k_M x n.
struct IoTable {
  Labels labels;
  TableMeta meta;
  SparseMatrix Z;                          ///< intermediate flows, n x n
  Matrix Y;                                ///< final demand, n x (G K): column (r, k) = r K + k
  std::vector<std::string> va_components;  ///< k_V labels of the rows of V
  Matrix V;                                ///< value-added components, k_V x n (may be 0 x n)
  Vector x;                                ///< supplied gross output, n (empty: row sums)
  std::vector<std::string> export_labels;  ///< k_E labels of exogenous export columns
  Matrix exports;                          ///< exogenous exports to the rest of the world, n x k_E
  std::vector<std::string> import_labels;  ///< k_M labels of exogenous import rows
  Matrix imports;                          ///< exogenous imports from the rest of the world, k_M x n
  std::vector<Satellite> satellites;

  std::size_t n() const { return labels.size(); }
  std::size_t num_fd_columns() const { return labels.num_regions() * labels.fd_categories.size(); }

  /// x as supplied, or Z 1 + Y 1 + exports 1 when none was supplied (x_mode = rowsum).
  Vector output() const;
  /// Row sums Z 1 + Y 1 + exports 1.
  Vector row_total() const;
  /// Value added as the column residual x' - 1'Z - 1'imports (methods.md §0.2, §8.2 pitfall 3).
  Vector value_added_residual() const;
  /// Sum of the supplied value-added components 1'V (empty if V has no rows).
  Vector value_added_supplied() const;
  /// Y^d: final demand summed over categories, n x G (column r = absorbed in region r).
  Matrix final_demand_by_region() const;
  /// y = Y 1 + exports 1 (total final demand, including exogenous exports), n.
  Vector final_demand_total() const;
  /// Exogenous imports used by each sector, summed over the import rows: 1' imports (n; zeros if
  /// no imports). A total, not a coefficient: the import coefficient row a_M = 1' imports x^+ is
  /// this times x^+ (solver::LeontiefModel).
  Vector import_total() const;
  /// Exogenous exports to the rest of the world: the export columns that go abroad, summed (n;
  /// zeros if none). Columns labelled as other final demand (is_other_final_demand) are left out.
  Vector exports_abroad() const;
  /// Exogenous final demand that is neither domestic nor abroad (CEADs' ERR column and any export
  /// column labelled as such, see is_other_final_demand), summed (n; zeros if none).
  Vector other_final_demand() const;
  /// True when some export column is other final demand.
  bool has_other_final_demand() const;
  /// Satellite by name, or nullptr.
  const Satellite* satellite(const std::string& name) const;

  /// Throws InputError (naming `source`) if shapes disagree with labels or values are NaN/Inf.
  void validate_shapes(const std::string& source) const;
};

/// True for an export-column label that is not exports abroad but an exogenous final demand of
/// its own (docs/provincial.md, "ERR"): ERR, error(s), other(s), discrepancy,
/// statistical_discrepancy (case-insensitive).
bool is_other_final_demand(const std::string& export_label);

/// Safe reciprocal: 1/z where z != 0, else 0 (methods.md §0.1, \hat z^+).
Vector safe_reciprocal(const Vector& z);

/// num / den, NaN where den == 0 (methods.md §2.2: "NaN if c_j = 0"; the ratio of sums of §4.1).
/// The one NaN-safe ratio of the library (indicators, GVC shares, weighted-average aggregation).
double ratio_or_nan(double num, double den);
/// Element-wise ratio_or_nan; num and den have the same size.
Vector ratio_or_nan(const Vector& num, const Vector& den);

}  // namespace irio::tables
