// SPDX-License-Identifier: MIT
// EXIOBASE 3 fixtures written by the tests in the published layout (pymrio's txt layout, as the
// EXIOBASE consortium ships IOT_<year>_<system>.zip): the real region, product, industry and
// final-demand labels (EXIOBASE 3 classification, as pymrio.get_classification('exio3_pxp') /
// ('exio3_ixi') lists them), tab-separated matrices with pandas' multi-row headers, and
// file_parameters.json per system and per extension. Numbers are seeded and balanced.
#pragma once

#include <Eigen/Dense>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace irio::testing::exio {

/// The 49 EXIOBASE 3 regions in release order (EU28, 16 others, 5 rest-of-world regions).
inline const std::vector<std::string> kRegions = {
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT",
    "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "GB", "US", "JP", "CN", "CA", "KR", "BR",
    "IN", "MX", "RU", "AU", "CH", "TR", "TW", "NO", "ID", "ZA", "WA", "WL", "WE", "WF", "WM"};

/// Final-demand categories of Y.txt per region (y01 ... y06 and exports).
inline const std::vector<std::string> kCategories = {
    "Final consumption expenditure by households",
    "Final consumption expenditure by non-profit organisations serving households (NPISH)",
    "Final consumption expenditure by government",
    "Gross fixed capital formation",
    "Changes in inventories",
    "Changes in valuables",
    "Exports: Total (fob)"};

/// The nine factor-input rows at the top of satellite/F.txt (M.EUR).
inline const std::vector<std::string> kFactorInputs = {
    "Taxes less subsidies on products purchased: Total",
    "Other net taxes on production",
    "Compensation of employees; wages, salaries, & employers' social contributions: Low-skilled",
    "Compensation of employees; wages, salaries, & employers' social contributions: Medium-skilled",
    "Compensation of employees; wages, salaries, & employers' social contributions: High-skilled",
    "Operating surplus: Consumption of fixed capital",
    "Operating surplus: Rents on land",
    "Operating surplus: Royalties on resources",
    "Operating surplus: Remaining net operating surplus"};

/// The 200 products of the pxp system.
inline const std::vector<std::string> kProducts = {
    "Paddy rice",
    "Wheat",
    "Cereal grains nec",
    "Vegetables, fruit, nuts",
    "Oil seeds",
    "Sugar cane, sugar beet",
    "Plant-based fibers",
    "Crops nec",
    "Cattle",
    "Pigs",
    "Poultry",
    "Meat animals nec",
    "Animal products nec",
    "Raw milk",
    "Wool, silk-worm cocoons",
    "Manure (conventional treatment)",
    "Manure (biogas treatment)",
    "Products of forestry, logging and related services (02)",
    "Fish and other fishing products; services incidental of fishing (05)",
    "Anthracite",
    "Coking Coal",
    "Other Bituminous Coal",
    "Sub-Bituminous Coal",
    "Patent Fuel",
    "Lignite/Brown Coal",
    "BKB/Peat Briquettes",
    "Peat",
    "Crude petroleum and services related to crude oil extraction, excluding surveying",
    "Natural gas and services related to natural gas extraction, excluding surveying",
    "Natural Gas Liquids",
    "Other Hydrocarbons",
    "Uranium and thorium ores (12)",
    "Iron ores",
    "Copper ores and concentrates",
    "Nickel ores and concentrates",
    "Aluminium ores and concentrates",
    "Precious metal ores and concentrates",
    "Lead, zinc and tin ores and concentrates",
    "Other non-ferrous metal ores and concentrates",
    "Stone",
    "Sand and clay",
    "Chemical and fertilizer minerals, salt and other mining and quarrying products n.e.c.",
    "Products of meat cattle",
    "Products of meat pigs",
    "Products of meat poultry",
    "Meat products nec",
    "products of Vegetable oils and fats",
    "Dairy products",
    "Processed rice",
    "Sugar",
    "Food products nec",
    "Beverages",
    "Fish products",
    "Tobacco products (16)",
    "Textiles (17)",
    "Wearing apparel; furs (18)",
    "Leather and leather products (19)",
    "Wood and products of wood and cork (except furniture); articles of straw and plaiting materials (20)",
    "Wood material for treatment, Re-processing of secondary wood material into new wood material",
    "Pulp",
    "Secondary paper for treatment, Re-processing of secondary paper into new pulp",
    "Paper and paper products",
    "Printed matter and recorded media (22)",
    "Coke Oven Coke",
    "Gas Coke",
    "Coal Tar",
    "Motor Gasoline",
    "Aviation Gasoline",
    "Gasoline Type Jet Fuel",
    "Kerosene Type Jet Fuel",
    "Kerosene",
    "Gas/Diesel Oil",
    "Heavy Fuel Oil",
    "Refinery Gas",
    "Liquefied Petroleum Gases (LPG)",
    "Refinery Feedstocks",
    "Ethane",
    "Naphtha",
    "White Spirit & SBP",
    "Lubricants",
    "Bitumen",
    "Paraffin Waxes",
    "Petroleum Coke",
    "Non-specified Petroleum Products",
    "Nuclear fuel",
    "Plastics, basic",
    "Secondary plastic for treatment, Re-processing of secondary plastic into new plastic",
    "N-fertiliser",
    "P- and other fertiliser",
    "Chemicals nec",
    "Charcoal",
    "Additives/Blending Components",
    "Biogasoline",
    "Biodiesels",
    "Other Liquid Biofuels",
    "Rubber and plastic products (25)",
    "Glass and glass products",
    "Secondary glass for treatment, Re-processing of secondary glass into new glass",
    "Ceramic goods",
    "Bricks, tiles and construction products, in baked clay",
    "Cement, lime and plaster",
    "Ash for treatment, Re-processing of ash into clinker",
    "Other non-metallic mineral products",
    "Basic iron and steel and of ferro-alloys and first products thereof",
    "Secondary steel for treatment, Re-processing of secondary steel into new steel",
    "Precious metals",
    "Secondary preciuos metals for treatment, Re-processing of secondary preciuos metals into new preciuos metals",
    "Aluminium and aluminium products",
    "Secondary aluminium for treatment, Re-processing of secondary aluminium into new aluminium",
    "Lead, zinc and tin and products thereof",
    "Secondary lead for treatment, Re-processing of secondary lead into new lead",
    "Copper products",
    "Secondary copper for treatment, Re-processing of secondary copper into new copper",
    "Other non-ferrous metal products",
    "Secondary other non-ferrous metals for treatment, Re-processing of secondary other non-ferrous metals into new "
    "other non-ferrous metals",
    "Foundry work services",
    "Fabricated metal products, except machinery and equipment (28)",
    "Machinery and equipment n.e.c. (29)",
    "Office machinery and computers (30)",
    "Electrical machinery and apparatus n.e.c. (31)",
    "Radio, television and communication equipment and apparatus (32)",
    "Medical, precision and optical instruments, watches and clocks (33)",
    "Motor vehicles, trailers and semi-trailers (34)",
    "Other transport equipment (35)",
    "Furniture; other manufactured goods n.e.c. (36)",
    "Secondary raw materials",
    "Bottles for treatment, Recycling of bottles by direct reuse",
    "Electricity by coal",
    "Electricity by gas",
    "Electricity by nuclear",
    "Electricity by hydro",
    "Electricity by wind",
    "Electricity by petroleum and other oil derivatives",
    "Electricity by biomass and waste",
    "Electricity by solar photovoltaic",
    "Electricity by solar thermal",
    "Electricity by tide, wave, ocean",
    "Electricity by Geothermal",
    "Electricity nec",
    "Transmission services of electricity",
    "Distribution and trade services of electricity",
    "Coke oven gas",
    "Blast Furnace Gas",
    "Oxygen Steel Furnace Gas",
    "Gas Works Gas",
    "Biogas",
    "Distribution services of gaseous fuels through mains",
    "Steam and hot water supply services",
    "Collected and purified water, distribution services of water (41)",
    "Construction work (45)",
    "Secondary construction material for treatment, Re-processing of secondary construction material into aggregates",
    "Sale, maintenance, repair of motor vehicles, motor vehicles parts, motorcycles, motor cycles parts and "
    "accessoiries",
    "Retail trade services of motor fuel",
    "Wholesale trade and commission trade services, except of motor vehicles and motorcycles (51)",
    "Retail  trade services, except of motor vehicles and motorcycles; repair services of personal and household goods "
    "(52)",
    "Hotel and restaurant services (55)",
    "Railway transportation services",
    "Other land transportation services",
    "Transportation services via pipelines",
    "Sea and coastal water transportation services",
    "Inland water transportation services",
    "Air transport services (62)",
    "Supporting and auxiliary transport services; travel agency services (63)",
    "Post and telecommunication services (64)",
    "Financial intermediation services, except insurance and pension funding services (65)",
    "Insurance and pension funding services, except compulsory social security services (66)",
    "Services auxiliary to financial intermediation (67)",
    "Real estate services (70)",
    "Renting services of machinery and equipment without operator and of personal and household goods (71)",
    "Computer and related services (72)",
    "Research and development services (73)",
    "Other business services (74)",
    "Public administration and defence services; compulsory social security services (75)",
    "Education services (80)",
    "Health and social work services (85)",
    "Food waste for treatment: incineration",
    "Paper waste for treatment: incineration",
    "Plastic waste for treatment: incineration",
    "Intert/metal waste for treatment: incineration",
    "Textiles waste for treatment: incineration",
    "Wood waste for treatment: incineration",
    "Oil/hazardous waste for treatment: incineration",
    "Food waste for treatment: biogasification and land application",
    "Paper waste for treatment: biogasification and land application",
    "Sewage sludge for treatment: biogasification and land application",
    "Food waste for treatment: composting and land application",
    "Paper and wood waste for treatment: composting and land application",
    "Food waste for treatment: waste water treatment",
    "Other waste for treatment: waste water treatment",
    "Food waste for treatment: landfill",
    "Paper for treatment: landfill",
    "Plastic waste for treatment: landfill",
    "Inert/metal/hazardous waste for treatment: landfill",
    "Textiles waste for treatment: landfill",
    "Wood waste for treatment: landfill",
    "Membership organisation services n.e.c. (91)",
    "Recreational, cultural and sporting services (92)",
    "Other services (93)",
    "Private households with employed persons (95)",
    "Extra-territorial organizations and bodies"};

/// The 163 industries of the ixi system.
inline const std::vector<std::string> kIndustries = {
    "Cultivation of paddy rice",
    "Cultivation of wheat",
    "Cultivation of cereal grains nec",
    "Cultivation of vegetables, fruit, nuts",
    "Cultivation of oil seeds",
    "Cultivation of sugar cane, sugar beet",
    "Cultivation of plant-based fibers",
    "Cultivation of crops nec",
    "Cattle farming",
    "Pigs farming",
    "Poultry farming",
    "Meat animals nec",
    "Animal products nec",
    "Raw milk",
    "Wool, silk-worm cocoons",
    "Manure treatment (conventional), storage and land application",
    "Manure treatment (biogas), storage and land application",
    "Forestry, logging and related service activities (02)",
    "Fishing, operating of fish hatcheries and fish farms; service activities incidental to fishing (05)",
    "Mining of coal and lignite; extraction of peat (10)",
    "Extraction of crude petroleum and services related to crude oil extraction, excluding surveying",
    "Extraction of natural gas and services related to natural gas extraction, excluding surveying",
    "Extraction, liquefaction, and regasification of other petroleum and gaseous materials",
    "Mining of uranium and thorium ores (12)",
    "Mining of iron ores",
    "Mining of copper ores and concentrates",
    "Mining of nickel ores and concentrates",
    "Mining of aluminium ores and concentrates",
    "Mining of precious metal ores and concentrates",
    "Mining of lead, zinc and tin ores and concentrates",
    "Mining of other non-ferrous metal ores and concentrates",
    "Quarrying of stone",
    "Quarrying of sand and clay",
    "Mining of chemical and fertilizer minerals, production of salt, other mining and quarrying n.e.c.",
    "Processing of meat cattle",
    "Processing of meat pigs",
    "Processing of meat poultry",
    "Production of meat products nec",
    "Processing vegetable oils and fats",
    "Processing of dairy products",
    "Processed rice",
    "Sugar refining",
    "Processing of Food products nec",
    "Manufacture of beverages",
    "Manufacture of fish products",
    "Manufacture of tobacco products (16)",
    "Manufacture of textiles (17)",
    "Manufacture of wearing apparel; dressing and dyeing of fur (18)",
    "Tanning and dressing of leather; manufacture of luggage, handbags, saddlery, harness and footwear (19)",
    "Manufacture of wood and of products of wood and cork, except furniture; manufacture of articles of straw and "
    "plaiting materials (20)",
    "Re-processing of secondary wood material into new wood material",
    "Pulp",
    "Re-processing of secondary paper into new pulp",
    "Paper",
    "Publishing, printing and reproduction of recorded media (22)",
    "Manufacture of coke oven products",
    "Petroleum Refinery",
    "Processing of nuclear fuel",
    "Plastics, basic",
    "Re-processing of secondary plastic into new plastic",
    "N-fertiliser",
    "P- and other fertiliser",
    "Chemicals nec",
    "Manufacture of rubber and plastic products (25)",
    "Manufacture of glass and glass products",
    "Re-processing of secondary glass into new glass",
    "Manufacture of ceramic goods",
    "Manufacture of bricks, tiles and construction products, in baked clay",
    "Manufacture of cement, lime and plaster",
    "Re-processing of ash into clinker",
    "Manufacture of other non-metallic mineral products n.e.c.",
    "Manufacture of basic iron and steel and of ferro-alloys and first products thereof",
    "Re-processing of secondary steel into new steel",
    "Precious metals production",
    "Re-processing of secondary preciuos metals into new preciuos metals",
    "Aluminium production",
    "Re-processing of secondary aluminium into new aluminium",
    "Lead, zinc and tin production",
    "Re-processing of secondary lead into new lead, zinc and tin",
    "Copper production",
    "Re-processing of secondary copper into new copper",
    "Other non-ferrous metal production",
    "Re-processing of secondary other non-ferrous metals into new other non-ferrous metals",
    "Casting of metals",
    "Manufacture of fabricated metal products, except machinery and equipment (28)",
    "Manufacture of machinery and equipment n.e.c. (29)",
    "Manufacture of office machinery and computers (30)",
    "Manufacture of electrical machinery and apparatus n.e.c. (31)",
    "Manufacture of radio, television and communication equipment and apparatus (32)",
    "Manufacture of medical, precision and optical instruments, watches and clocks (33)",
    "Manufacture of motor vehicles, trailers and semi-trailers (34)",
    "Manufacture of other transport equipment (35)",
    "Manufacture of furniture; manufacturing n.e.c. (36)",
    "Recycling of waste and scrap",
    "Recycling of bottles by direct reuse",
    "Production of electricity by coal",
    "Production of electricity by gas",
    "Production of electricity by nuclear",
    "Production of electricity by hydro",
    "Production of electricity by wind",
    "Production of electricity by petroleum and other oil derivatives",
    "Production of electricity by biomass and waste",
    "Production of electricity by solar photovoltaic",
    "Production of electricity by solar thermal",
    "Production of electricity by tide, wave, ocean",
    "Production of electricity by Geothermal",
    "Production of electricity nec",
    "Transmission of electricity",
    "Distribution and trade of electricity",
    "Manufacture of gas; distribution of gaseous fuels through mains",
    "Steam and hot water supply",
    "Collection, purification and distribution of water (41)",
    "Construction (45)",
    "Re-processing of secondary construction material into aggregates",
    "Sale, maintenance, repair of motor vehicles, motor vehicles parts, motorcycles, motor cycles parts and "
    "accessoiries",
    "Retail sale of automotive fuel",
    "Wholesale trade and commission trade, except of motor vehicles and motorcycles (51)",
    "Retail trade, except of motor vehicles and motorcycles; repair of personal and household goods (52)",
    "Hotels and restaurants (55)",
    "Transport via railways",
    "Other land transport",
    "Transport via pipelines",
    "Sea and coastal water transport",
    "Inland water transport",
    "Air transport (62)",
    "Supporting and auxiliary transport activities; activities of travel agencies (63)",
    "Post and telecommunications (64)",
    "Financial intermediation, except insurance and pension funding (65)",
    "Insurance and pension funding, except compulsory social security (66)",
    "Activities auxiliary to financial intermediation (67)",
    "Real estate activities (70)",
    "Renting of machinery and equipment without operator and of personal and household goods (71)",
    "Computer and related activities (72)",
    "Research and development (73)",
    "Other business activities (74)",
    "Public administration and defence; compulsory social security (75)",
    "Education (80)",
    "Health and social work (85)",
    "Incineration of waste: Food",
    "Incineration of waste: Paper",
    "Incineration of waste: Plastic",
    "Incineration of waste: Metals and Inert materials",
    "Incineration of waste: Textiles",
    "Incineration of waste: Wood",
    "Incineration of waste: Oil/Hazardous waste",
    "Biogasification of food waste, incl. land application",
    "Biogasification of paper, incl. land application",
    "Biogasification of sewage slugde, incl. land application",
    "Composting of food waste, incl. land application",
    "Composting of paper and wood, incl. land application",
    "Waste water treatment, food",
    "Waste water treatment, other",
    "Landfill of waste: Food",
    "Landfill of waste: Paper",
    "Landfill of waste: Plastic",
    "Landfill of waste: Inert/metal/hazardous",
    "Landfill of waste: Textiles",
    "Landfill of waste: Wood",
    "Activities of membership organisation n.e.c. (91)",
    "Recreational, cultural and sporting activities (92)",
    "Other service activities (93)",
    "Private households with employed persons (95)",
    "Extra-territorial organizations and bodies"};

/// A seeded, balanced EXIOBASE-shaped system: x, A, Y, and two extensions (satellite with the
/// factor inputs that close the columns, impacts), region-major.
struct System {
  std::vector<std::string> regions, sectors;
  std::vector<std::string> stressors, stressor_units, impacts, impact_units;
  Eigen::MatrixXd A, Y, F, F_Y, I, I_Y;
  Eigen::VectorXd x;
  std::size_t n() const { return regions.size() * sectors.size(); }
  Eigen::MatrixXd Z() const { return A * x.asDiagonal(); }
};

inline System make_system(const std::vector<std::string>& regions, const std::vector<std::string>& sectors,
                          unsigned seed = 7, double density = 0.3) {
  System s;
  s.regions = regions;
  s.sectors = sectors;
  const auto n = static_cast<Eigen::Index>(s.n());
  const auto G = static_cast<Eigen::Index>(regions.size());
  const Eigen::Index K = 7;
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  s.x = Eigen::VectorXd(n);
  for (Eigen::Index i = 0; i < n; ++i) s.x(i) = 100 + 100 * u(rng);
  s.A = Eigen::MatrixXd::Zero(n, n);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j)
      if (u(rng) < density) s.A(i, j) = u(rng) * 0.8 / (density * static_cast<double>(n));
  // Rows: Z 1 < 0.8 * 200 / 2 ... < x; the rest is final demand (no exports column: zero, as in
  // the release).
  const Eigen::VectorXd residual = s.x - s.Z().rowwise().sum();
  s.Y = Eigen::MatrixXd::Zero(n, G * K);
  for (Eigen::Index i = 0; i < n; ++i) {
    Eigen::VectorXd w(G * K);
    for (Eigen::Index c = 0; c < G * K; ++c) w(c) = (c % K == K - 1) ? 0.0 : u(rng);
    s.Y.row(i) = (w / w.sum() * residual(i)).transpose();
  }
  // Columns: the factor inputs close x_j - 1'Z_j; two physical stressors.
  s.stressors = kFactorInputs;
  s.stressor_units.assign(kFactorInputs.size(), "M.EUR");
  s.stressors.push_back("Employment: Low-skilled male");
  s.stressor_units.push_back("1000 p.");
  s.stressors.push_back("CO2 - combustion - air");
  s.stressor_units.push_back("kg");
  const auto kF = static_cast<Eigen::Index>(s.stressors.size());
  s.F = Eigen::MatrixXd::Zero(kF, n);
  const Eigen::VectorXd va = s.x.transpose() - s.Z().colwise().sum();
  for (Eigen::Index j = 0; j < n; ++j) {
    Eigen::VectorXd w(9);
    for (Eigen::Index k = 0; k < 9; ++k) w(k) = u(rng);
    s.F.block(0, j, 9, 1) = w / w.sum() * va(j);
    s.F(9, j) = u(rng) * 3;
    s.F(10, j) = u(rng) * 1e6;
  }
  s.F_Y = Eigen::MatrixXd::Zero(kF, G * K);
  for (Eigen::Index c = 0; c < G * K; ++c) {
    s.F_Y(0, c) = u(rng);         // product taxes paid by final users
    s.F_Y(10, c) = u(rng) * 1e5;  // household emissions
  }
  s.impacts = {"GHG emissions (GWP100) | Problem oriented approach: baseline (CML, 2001) | GWP100 (IPCC, 2007)",
               "Value Added"};
  s.impact_units = {"kg CO2 eq.", "M.EUR"};
  s.I = Eigen::MatrixXd(2, n);
  s.I.row(0) = s.F.row(10);
  s.I.row(1) = va.transpose();
  s.I_Y = Eigen::MatrixXd::Zero(2, G * K);
  s.I_Y.row(0) = s.F_Y.row(10);
  return s;
}

/// Shortest round-trip text of v, as pandas writes floats ("0.0" for zero).
inline void put_number(std::string& out, double v) {
  if (v == 0) {
    out += "0.0";
    return;
  }
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

/// pandas' header of a matrix with `index_names` index levels and column levels given by
/// (level name, labels) pairs.
inline std::string header(const std::vector<std::string>& index_names,
                          const std::vector<std::pair<std::string, std::vector<std::string>>>& levels) {
  std::string out;
  for (const auto& [name, labels] : levels) {
    out += name;
    for (std::size_t k = 1; k < index_names.size(); ++k) out += '\t';
    for (const auto& l : labels) out += '\t' + l;
    out += '\n';
  }
  for (std::size_t k = 0; k < index_names.size(); ++k) out += (k ? "\t" : "") + index_names[k];
  for (std::size_t c = 0; c < levels[0].second.size(); ++c) out += '\t';
  out += '\n';
  return out;
}

struct Labels2 {
  std::vector<std::string> a, b;
};

inline Labels2 region_sector(const System& s) {
  Labels2 l;
  for (const auto& r : s.regions)
    for (const auto& p : s.sectors) {
      l.a.push_back(r);
      l.b.push_back(p);
    }
  return l;
}

inline Labels2 region_category(const System& s) {
  Labels2 l;
  for (const auto& r : s.regions)
    for (const auto& k : kCategories) {
      l.a.push_back(r);
      l.b.push_back(k);
    }
  return l;
}

/// A matrix with (region, sector) rows and the given column levels.
inline void write_by_sector(const std::filesystem::path& file, const System& s, const Eigen::MatrixXd& M,
                            const Labels2& cols, const std::string& second_level) {
  const Labels2 rows = region_sector(s);
  std::string out = header({"region", "sector"}, {{"region", cols.a}, {second_level, cols.b}});
  std::ofstream f(file, std::ios::binary);
  for (Eigen::Index i = 0; i < M.rows(); ++i) {
    out += rows.a[static_cast<std::size_t>(i)] + '\t' + rows.b[static_cast<std::size_t>(i)];
    for (Eigen::Index j = 0; j < M.cols(); ++j) {
      out += '\t';
      put_number(out, M(i, j));
    }
    out += '\n';
    if (out.size() > (1u << 20)) {
      f << out;
      out.clear();
    }
  }
  f << out;
}

/// An extension matrix: (stressor) rows, (region, sector|category) columns.
inline void write_extension_matrix(const std::filesystem::path& file, const std::vector<std::string>& names,
                                   const Eigen::MatrixXd& M, const Labels2& cols, const std::string& second_level,
                                   const std::string& index_name) {
  std::string out = header({index_name}, {{"region", cols.a}, {second_level, cols.b}});
  for (Eigen::Index i = 0; i < M.rows(); ++i) {
    out += names[static_cast<std::size_t>(i)];
    for (Eigen::Index j = 0; j < M.cols(); ++j) {
      out += '\t';
      put_number(out, M(i, j));
    }
    out += '\n';
  }
  std::ofstream(file, std::ios::binary) << out;
}

inline std::string params_entry(const std::string& key, const std::string& file, int index_cols, int header_rows) {
  return "    \"" + key + "\": {\n      \"name\": \"" + file + "\",\n      \"nr_index_col\": \"" +
         std::to_string(index_cols) + "\",\n      \"nr_header\": \"" + std::to_string(header_rows) + "\"\n    }";
}

struct WriteOptions {
  bool write_A = true;   ///< A.txt (3.8: coefficients only) ...
  bool write_Z = false;  ///< ... and/or Z.txt
  bool extensions = true;
};

/// Write the system as the release folder `root` (e.g. .../IOT_2022_pxp).
inline void write_release(const System& s, const std::filesystem::path& root, const WriteOptions& o = {}) {
  namespace fs = std::filesystem;
  fs::create_directories(root);
  const Labels2 rs = region_sector(s);
  std::vector<std::string> files;
  if (o.write_A) {
    write_by_sector(root / "A.txt", s, s.A, rs, "sector");
    files.push_back(params_entry("A", "A.txt", 2, 2));
  }
  if (o.write_Z) {
    write_by_sector(root / "Z.txt", s, s.Z(), rs, "sector");
    files.push_back(params_entry("Z", "Z.txt", 2, 2));
  }
  write_by_sector(root / "Y.txt", s, s.Y, region_category(s), "category");
  files.push_back(params_entry("Y", "Y.txt", 2, 2));
  {
    std::string out = "region\tsector\tindout\n";
    for (std::size_t i = 0; i < s.n(); ++i) {
      out += rs.a[i] + '\t' + rs.b[i] + '\t';
      put_number(out, s.x(static_cast<Eigen::Index>(i)));
      out += '\n';
    }
    std::ofstream(root / "x.txt", std::ios::binary) << out;
    files.push_back(params_entry("x", "x.txt", 2, 1));
    out = "region\tsector\tunit\n";
    for (std::size_t i = 0; i < s.n(); ++i) out += rs.a[i] + '\t' + rs.b[i] + "\tM.EUR\n";
    std::ofstream(root / "unit.txt", std::ios::binary) << out;
    files.push_back(params_entry("unit", "unit.txt", 2, 1));
  }
  auto params = [](const std::vector<std::string>& entries, const std::string& name, const std::string& type) {
    std::string p = "{\n  \"files\": {\n";
    for (std::size_t k = 0; k < entries.size(); ++k) p += entries[k] + (k + 1 < entries.size() ? ",\n" : "\n");
    return p + "  },\n  \"name\": \"" + name + "\",\n  \"systemtype\": \"" + type +
           "\",\n  \"version\": \"3.8.2\"\n}\n";
  };
  std::ofstream(root / "file_parameters.json") << params(files, "IO", "IOSystem");
  if (!o.extensions) return;
  auto write_ext = [&](const std::string& name, const std::vector<std::string>& rows,
                       const std::vector<std::string>& units, const Eigen::MatrixXd& F, const Eigen::MatrixXd& FY,
                       const std::string& index_name) {
    const fs::path d = root / name;
    fs::create_directories(d);
    write_extension_matrix(d / "F.txt", rows, F, rs, "sector", index_name);
    write_extension_matrix(d / "F_Y.txt", rows, FY, region_category(s), "category", index_name);
    std::string u = index_name + "\tunit\n";
    for (std::size_t k = 0; k < rows.size(); ++k) u += rows[k] + '\t' + units[k] + '\n';
    std::ofstream(d / "unit.txt", std::ios::binary) << u;
    std::ofstream(d / "file_parameters.json")
        << params({params_entry("F", "F.txt", 1, 2), params_entry("F_Y", "F_Y.txt", 1, 2),
                   params_entry("unit", "unit.txt", 1, 1)},
                  name, "Extension");
  };
  write_ext("satellite", s.stressors, s.stressor_units, s.F, s.F_Y, "stressor");
  write_ext("impacts", s.impacts, s.impact_units, s.I, s.I_Y, "impact");
}

}  // namespace irio::testing::exio
