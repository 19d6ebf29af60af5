// SPDX-License-Identifier: MIT
// Import of GLORIA (release 059) supply-use tables as an input-output table (docs/world-tables.md,
// "GLORIA"; the construct: docs/methods.md §8.3).
#pragma once

#include <string>
#include <vector>

#include "irio/tables/enum_names.h"
#include "irio/tables/io_table.h"

namespace irio::io {

/// How supply and use tables become an input-output table (Eurostat 2008, Manual of Supply, Use
/// and Input-Output Tables, ch. 11; Miller & Blair 2009, ch. 5).
enum class GloriaConstruct {
  kIndustryTechnology,  ///< product-by-product, industry-technology assumption (Eurostat model B; pymrio's default)
  kFixedProductSales,   ///< industry-by-industry, fixed product sales structure (Eurostat model D)
};
inline constexpr EnumTable<GloriaConstruct, 2> kGloriaConstructNames{
    "GLORIA construct",
    {{{GloriaConstruct::kIndustryTechnology, "industry-technology"},
      {GloriaConstruct::kFixedProductSales, "fixed-product-sales"}}}};
constexpr const auto& enum_table(GloriaConstruct) { return kGloriaConstructNames; }

/// A supply-use system of m products and m industries (GLORIA: per region, 120 of each).
struct SupplyUse {
  tables::SparseMatrix U;  ///< use: products x industries
  tables::SparseMatrix S;  ///< supply (make): industries x products (Eurostat's V)
  tables::Matrix Y;        ///< final use of products: products x final-demand columns
  tables::Matrix W;        ///< value added: components x industries
  tables::Matrix Q;        ///< satellite: stressors x industries (may have 0 rows)
};

/// The input-output table of a supply-use system (docs/methods.md §8.3), with g = S 1 (industry
/// output) and q = S' 1 (product output):
///   industry technology (B):    T = ĝ⁻¹ S;  Z = U T;  V = W T;  F = Q T;  Y as is;  x = q
///   fixed product sales (D):    D = S q̂⁻¹;  Z = D U;  Y = D Y;  V = W;  F = Q;  x = g
/// Zero outputs give zero rows of ĝ⁻¹ and q̂⁻¹ (methods.md §0.1, \hat z^+).
struct InputOutput {
  tables::SparseMatrix Z;
  tables::Matrix Y, V, F;
  tables::Vector x;
};
InputOutput supply_use_to_input_output(const SupplyUse& su, GloriaConstruct construct);

struct GloriaOptions {
  std::string year;  ///< which year's files (empty: the only year in the folder)
  GloriaConstruct construct = GloriaConstruct::kIndustryTechnology;
};

struct GloriaImport {
  tables::IoTable table;
  std::vector<std::string> notes;  ///< what the import did (construct, V, final demand, units, satellites)
};

/// Read GLORIA from a folder holding, directly or inside zip archives in it (GLORIA_MRIOs_59_<year>.zip,
/// GLORIA_SatelliteAccounts_059_<year>.zip), the headerless CSVs
///   *_T-Results_<year>_059_Markup001(full).csv   transactions, basic prices: (region, Industry|Product,
///                                                sector) rows and columns, per region 120 industries then
///                                                120 products
///   *_Y-Results_..., *_V-Results_...             final demand (columns region x category), value added
///                                                (rows region x component)
///   *_TQ-Results_..., *_YQ-Results_...           satellites (optional)
/// and the labels from GLORIA_ReadMe_059*.xlsx (sheets Regions, Sectors, Value added and final demand,
/// Satellites). Converted by `opt.construct`; value added is summed over its row regions. Throws
/// InputError naming the file, line and column for a file that breaks the layout.
GloriaImport import_gloria(const std::string& path, const GloriaOptions& opt = {});

}  // namespace irio::io
