// SPDX-License-Identifier: MIT
// Nesting a provincial table (one country's provinces, rest of the world exogenous) into a world
// table (methods.md §5.1 and §5.6, after Meng, Wang & Koopman 2013, IDE-JETRO DP 424, and Meng, Yamano et
// al. 2016): the country's region of the world table is replaced by its provinces, the country's
// trade with every partner is allocated to the provinces by keys, and the country's rows are
// rebalanced with RAS/GRAS (tables/ras.h) to the provincial outputs and the national trade totals.
#pragma once

#include <string>
#include <vector>

#include "irio/tables/diagnostics.h"
#include "irio/tables/enum_names.h"
#include "irio/tables/io_table.h"
#include "irio/tables/ras.h"

namespace irio::tables {

/// One line of a sector concordance: provincial sector -> world sector. `weight` is the share of
/// the provincial sector's flows that goes to the world sector; NaN when the file gives none
/// (then a provincial sector that maps to several world sectors is split by the country's output
/// of those sectors in the world table).
struct SectorLink {
  std::string provincial, world;
  double weight = 0;
  std::size_t line = 0;  ///< line in the concordance file, for messages
};

struct SectorConcordance {
  std::string source;  ///< the file, for messages
  std::vector<SectorLink> links;
};

/// One line of a user allocation key: a province's weight in the country's exports of a world
/// sector (normalised over the provinces per sector).
struct AllocationWeight {
  std::string region, sector;
  double weight = 0;
  std::size_t line = 0;
};

/// How the country's exports to each partner are allocated to the provinces (step 2).
enum class ExportKey {
  kExports,  ///< each province's share of the country's exports of the product (provincial table)
  kOutput,   ///< each province's share of the country's output of the product
  kFile,     ///< a user file: region,sector,weight
};
inline constexpr EnumTable<ExportKey, 3> kExportKeyNames{
    "export allocation key",
    {{{ExportKey::kExports, "exports"}, {ExportKey::kOutput, "output"}, {ExportKey::kFile, "file"}}}};
constexpr const auto& enum_table(ExportKey) { return kExportKeyNames; }

struct NestOptions {
  std::string country;  ///< the world table's region (or one-region country) the provinces replace
  ExportKey export_key = ExportKey::kExports;
  std::vector<AllocationWeight> key_weights;  ///< kFile
  std::string key_source;                     ///< kFile: the file, for messages
  RasOptions ras;
  std::string provinces_source = "provinces", world_source = "world";  ///< for messages

  std::string validate() const;  ///< empty if valid, else the reason
};

struct NestResult {
  IoTable table;  ///< the nested MRIO: provinces map to `country`
  std::vector<std::string> provinces;
  RasResult ras;  ///< the rebalancing of the country's rows (step 4)
  /// Checks of step 5 computed here (§6.2 tolerance rule): partner blocks, provincial outputs,
  /// the rebalanced rows and columns; informational rows (pass = "info") give the size of the
  /// RAS adjustments and the scaling of provincial outputs to national totals.
  Diagnostics checks{1000};
  std::vector<std::string> notes;  ///< what the nesting chose (fallback keys, scalings); print them
};

/// Build the nested table (methods.md §5.6, steps 0-5):
///  0. provincial sectors are mapped to the world sectors with the concordance matrix S
///     (N_w x N_p, columns summing to 1): Z' = S Z S', Y' = S Y, e' = S e, m' = m S', x' = S x
///     per province; provincial outputs are scaled per sector to the country's output in the
///     world table (x^p_i <- x^p_i x^c_i / sum_q x^q_i);
///  1. the country's domestic block is replaced by the inter-provincial blocks;
///  2. Z^{p,r}_{ij} = w^p_i Z^{c,r}_{ij} and Y^{p,r}_{ik} = w^p_i Y^{c,r}_{ik}, w by `export_key`;
///  3. Z^{r,q}_{ij} = s^q_j Z^{r,c}_{ij} with s^q_j province q's share of the country's imports
///     used by sector j (the provincial table's import rows), Y^{r,q}_{ik} = f^q_{ik} Y^{r,c}_{ik}
///     with f^q_{ik} province q's share of the country's domestic final use of product i;
///  4. RAS/GRAS on the country's rows [Z^{PP} | Y^{PP} | one export column per product] to the
///     provincial outputs (rows) and to the columns' inputs x - va - imports, the national exports
///     per product and the final demand (which absorbs any difference in the totals); the export
///     keys are then read off the balanced export column;
///  5. checks (NestResult::checks).
/// Throws InputError for tables that do not fit (naming the source, region and sector at fault)
/// and NumericalError when RAS does not converge (nothing is returned).
NestResult nest_table(const IoTable& provinces, const IoTable& world, const SectorConcordance& concordance,
                      const NestOptions& opt);

/// The binary/weighted concordance matrix S (world sectors x provincial sectors) of
/// nest_table's step 0; `country_output` (world sectors) splits unweighted one-to-many links.
Matrix concordance_matrix(const SectorConcordance& c, const std::vector<std::string>& provincial_sectors,
                          const std::vector<std::string>& world_sectors, const Vector& country_output);

}  // namespace irio::tables
