// SPDX-License-Identifier: MIT
// Label sets of the world tables' releases, as published by their providers, for the fixtures of
// tests/io/import_{oecd,eora,figaro}_test.cc (the numbers of the fixtures are invented).
#pragma once

#include <string>
#include <vector>

namespace irio::testing::world {

/// OECD ICIO 2023: the 76 economies and the rest of the world (ReadMe_ICIO2023), in file order.
inline const std::vector<std::string> kIcio2023Economies = {
    "AUS", "AUT", "BEL", "CAN", "CHL", "COL", "CRI", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "ISL",
    "IRL", "ISR", "ITA", "JPN", "KOR", "LVA", "LTU", "LUX", "MEX", "NLD", "NZL", "NOR", "POL", "PRT", "SVK", "SVN",
    "ESP", "SWE", "CHE", "TUR", "GBR", "USA", "ARG", "BGD", "BLR", "BRA", "BRN", "BGR", "KHM", "CMR", "CHN", "CIV",
    "HRV", "CYP", "EGY", "HKG", "IND", "IDN", "JOR", "KAZ", "LAO", "MYS", "MLT", "MAR", "MMR", "NGA", "PAK", "PER",
    "PHL", "ROU", "RUS", "SAU", "SEN", "SGP", "ZAF", "TWN", "THA", "TUN", "UKR", "VNM", "ROW"};
/// The extended files' splits of China and Mexico (rows and columns, no final demand of their own).
inline const std::vector<std::string> kIcioSplits = {"CN1", "CN2", "MX1", "MX2"};
/// ICIO 2023: 45 industries (ISIC Rev. 4).
inline const std::vector<std::string> kIcio2023Industries = {
    "A01_02", "A03", "B05_06", "B07_08", "B09", "C10T12", "C13T15", "C16", "C17_18", "C19",    "C20",    "C21",
    "C22",    "C23", "C24",    "C25",    "C26", "C27",    "C28",    "C29", "C30",    "C31T33", "D",      "E",
    "F",      "G",   "H49",    "H50",    "H51", "H52",    "H53",    "I",   "J58T60", "J61",    "J62_63", "K",
    "L",      "M",   "N",      "O",      "P",   "Q",      "R",      "S",   "T"};
inline const std::vector<std::string> kIcio2023Fd = {"HFCE", "NPISH", "GGFC", "GFCF", "INVNT", "DPABR"};

/// OECD ICIO 2018: 64 economies and the rest of the world, 36 industries, P33 for direct purchases abroad.
inline const std::vector<std::string> kIcio2018Economies = {
    "AUS", "AUT", "BEL", "CAN", "CHL", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN",
    "ISL", "IRL", "ISR", "ITA", "JPN", "KOR", "LVA", "LTU", "LUX", "MEX", "NLD", "NZL", "NOR",
    "POL", "PRT", "SVK", "SVN", "ESP", "SWE", "CHE", "TUR", "GBR", "USA", "ARG", "BRA", "BRN",
    "BGR", "KHM", "CHN", "COL", "CRI", "HRV", "CYP", "IND", "IDN", "HKG", "KAZ", "MYS", "MLT",
    "MAR", "PER", "PHL", "ROU", "RUS", "SAU", "SGP", "ZAF", "TWN", "THA", "TUN", "VNM", "ROW"};
inline const std::vector<std::string> kIcio2018Industries = {
    "01T03", "05T06", "07T08", "09",    "10T12", "13T15", "16",    "17T18", "19",    "20T21", "22",    "23",
    "24",    "25",    "26",    "27",    "28",    "29",    "30",    "31T33", "35T39", "41T43", "45T47", "49T53",
    "55T56", "58T60", "61",    "62T63", "64T66", "68",    "69T82", "84",    "85",    "86T88", "90T96", "97T98"};
inline const std::vector<std::string> kIcio2018Fd = {"HFCE", "NPISH", "GGFC", "GFCF", "INVNT", "P33"};

}  // namespace irio::testing::world

namespace irio::testing::world {

/// Eora26: the 189 countries (Eora's codes, in the order of labels_T.txt) besides "ROW".
inline const std::vector<std::string> kEoraCountries = {
    "AFG", "ALB", "DZA", "AND", "AGO", "ATG", "ARG", "ARM", "ABW", "AUS", "AUT", "AZE", "BHS", "BHR", "BGD", "BRB",
    "BLR", "BEL", "BLZ", "BEN", "BMU", "BTN", "BOL", "BIH", "BWA", "BRA", "VGB", "BRN", "BGR", "BFA", "BDI", "KHM",
    "CMR", "CAN", "CPV", "CYM", "CAF", "TCD", "CHL", "CHN", "COL", "COG", "CRI", "HRV", "CUB", "CYP", "CZE", "CIV",
    "PRK", "COD", "DNK", "DJI", "DOM", "ECU", "EGY", "SLV", "ERI", "EST", "ETH", "FJI", "FIN", "FRA", "PYF", "GAB",
    "GMB", "GEO", "DEU", "GHA", "GRC", "GRL", "GTM", "GIN", "GUY", "HTI", "HND", "HKG", "HUN", "ISL", "IND", "IDN",
    "IRN", "IRQ", "IRL", "ISR", "ITA", "JAM", "JPN", "JOR", "KAZ", "KEN", "KWT", "KGZ", "LAO", "LVA", "LBN", "LSO",
    "LBR", "LBY", "LIE", "LTU", "LUX", "MAC", "MDG", "MWI", "MYS", "MDV", "MLI", "MLT", "MRT", "MUS", "MEX", "MCO",
    "MNG", "MNE", "MAR", "MOZ", "MMR", "NAM", "NPL", "NLD", "ANT", "NCL", "NZL", "NIC", "NER", "NGA", "NOR", "PSE",
    "OMN", "PAK", "PAN", "PNG", "PRY", "PER", "PHL", "POL", "PRT", "QAT", "KOR", "MDA", "ROU", "RUS", "RWA", "WSM",
    "SMR", "STP", "SAU", "SEN", "SRB", "SYC", "SLE", "SGP", "SVK", "SVN", "SOM", "ZAF", "SDS", "ESP", "LKA", "SUD",
    "SUR", "SWZ", "SWE", "CHE", "SYR", "TWN", "TJK", "THA", "MKD", "TGO", "TTO", "TUN", "TUR", "TKM", "USR", "UGA",
    "UKR", "ARE", "GBR", "TZA", "USA", "URY", "UZB", "VUT", "VEN", "VNM", "YEM", "ZMB", "ZWE"};
/// Eora26's 26 sectors (labels_T.txt, fourth field).
inline const std::vector<std::string> kEoraSectors = {"Agriculture",
                                                      "Fishing",
                                                      "Mining and Quarrying",
                                                      "Food & Beverages",
                                                      "Textiles and Wearing Apparel",
                                                      "Wood and Paper",
                                                      "Petroleum, Chemical and Non-Metallic Mineral Products",
                                                      "Metal Products",
                                                      "Electrical and Machinery",
                                                      "Transport Equipment",
                                                      "Other Manufacturing",
                                                      "Recycling",
                                                      "Electricity, Gas and Water",
                                                      "Construction",
                                                      "Maintenance and Repair",
                                                      "Wholesale Trade",
                                                      "Retail Trade",
                                                      "Hotels and Restraurants",
                                                      "Transport",
                                                      "Post and Telecommunications",
                                                      "Finacial Intermediation and Business Activities",
                                                      "Public Administration",
                                                      "Education, Health and Other Services",
                                                      "Private Households",
                                                      "Others",
                                                      "Re-export & Re-import"};
/// Eora26's six final-demand categories (labels_FD.txt) and six primary inputs (labels_VA.txt).
inline const std::vector<std::string> kEoraFd = {
    "Household final consumption P.3h",  "Non-profit institutions serving households P.3n",
    "Government final consumption P.3g", "Gross fixed capital formation P.51",
    "Changes in inventories P.52",       "Acquisitions less disposals of valuables P.53"};
inline const std::vector<std::string> kEoraVa = {"Compensation of employees D.1", "Taxes on production D.29",
                                                 "Subsidies on production D.39",  "Net operating surplus B.2n",
                                                 "Net mixed income B.3n",         "Consumption of fixed capital K.1"};

}  // namespace irio::testing::world

namespace irio::testing::world {

/// FIGARO (2023 edition): the 27 EU members, 18 other countries (Eurostat's two-letter codes)
/// and FIGW1, the rest of the world.
inline const std::vector<std::string> kFigaroAreas = {
    "AR", "AT", "AU", "BE", "BG", "BR", "CA", "CH", "CN", "CY", "CZ", "DE", "DK", "EE",   "EL", "ES",
    "FI", "FR", "GB", "HR", "HU", "ID", "IE", "IN", "IT", "JP", "KR", "LT", "LU", "LV",   "MT", "MX",
    "NL", "NO", "PL", "PT", "RO", "RU", "SA", "SE", "SI", "SK", "TR", "US", "ZA", "FIGW1"};
/// FIGARO's 64 industries (NACE Rev. 2, A64); the products are "CPA_" and the same codes.
inline const std::vector<std::string> kFigaroIndustries = {
    "A01",    "A02", "A03", "B",   "C10T12", "C13T15", "C16", "C17", "C18",    "C19",    "C20", "C21",    "C22",
    "C23",    "C24", "C25", "C26", "C27",    "C28",    "C29", "C30", "C31_32", "C33",    "D35", "E36",    "E37T39",
    "F",      "G45", "G46", "G47", "H49",    "H50",    "H51", "H52", "H53",    "I",      "J58", "J59_60", "J61",
    "J62_63", "K64", "K65", "K66", "L",      "M69_70", "M71", "M72", "M73",    "M74_75", "N77", "N78",    "N79",
    "N80T82", "O84", "P85", "Q86", "Q87_88", "R90T92", "R93", "S94", "S95",    "S96",    "T",   "U"};
inline const std::vector<std::string> kFigaroFd = {"P3_S13", "P3_S14", "P3_S15", "P51G", "P5M"};
inline const std::vector<std::string> kFigaroVa = {"D1", "D21X31", "D29X39", "B2A3G"};

}  // namespace irio::testing::world

namespace irio::testing::world {

/// WIOD 2016 release: 43 countries and the rest of the world, 56 industries (ISIC Rev. 4 codes as
/// in the workbooks' header row), five final-demand codes.
inline const std::vector<std::string> kWiod2016Countries = {
    "AUS", "AUT", "BEL", "BGR", "BRA", "CAN", "CHE", "CHN", "CYP", "CZE", "DEU", "DNK", "ESP", "EST", "FIN",
    "FRA", "GBR", "GRC", "HRV", "HUN", "IDN", "IND", "IRL", "ITA", "JPN", "KOR", "LTU", "LUX", "LVA", "MEX",
    "MLT", "NLD", "NOR", "POL", "PRT", "ROU", "RUS", "SVK", "SVN", "SWE", "TUR", "TWN", "USA", "ROW"};
inline const std::vector<std::string> kWiod2016Industries = {
    "A01",     "A02",     "A03", "B",       "C10-C12", "C13-C15", "C16", "C17", "C18",     "C19",     "C20", "C21",
    "C22",     "C23",     "C24", "C25",     "C26",     "C27",     "C28", "C29", "C30",     "C31_C32", "C33", "D35",
    "E36",     "E37-E39", "F",   "G45",     "G46",     "G47",     "H49", "H50", "H51",     "H52",     "H53", "I",
    "J58",     "J59_J60", "J61", "J62_J63", "K64",     "K65",     "K66", "L68", "M69_M70", "M71",     "M72", "M73",
    "M74_M75", "N",       "O84", "P85",     "Q",       "R_S",     "T",   "U"};
inline const std::vector<std::string> kWiod2016Fd = {"CONS_h", "CONS_np", "CONS_g", "GFCF", "INVEN"};

}  // namespace irio::testing::world

namespace irio::testing::world {

/// ADB MRIO, 62-economy release: ADB's economy codes as in the Legend sheet, and the rest of the world.
inline const std::vector<std::string> kAdb62Economies = {
    "AUS", "AUT", "BEL", "BGR", "BRA", "CAN", "SWI", "PRC", "CYP", "CZE", "GER", "DEN", "SPA", "EST", "FIN", "FRA",
    "UKG", "GRC", "HRV", "HUN", "INO", "IND", "IRE", "ITA", "JPN", "KOR", "LTU", "LUX", "LVA", "MEX", "MLT", "NET",
    "NOR", "POL", "POR", "ROM", "RUS", "SVK", "SVN", "SWE", "TUR", "TAP", "USA", "BAN", "MAL", "PHI", "THA", "VIE",
    "KAZ", "MON", "SRI", "PAK", "FIJ", "LAO", "BRU", "BHU", "KGZ", "CAM", "MLD", "NEP", "SIN", "HKG", "RoW"};
/// The 35 industries c1-c35 and their descriptions.
inline const std::vector<std::string> kAdbIndustryNames = {
    "Agriculture, hunting, forestry, and fishing",
    "Mining and quarrying",
    "Food, beverages, and tobacco",
    "Textiles and textile products",
    "Leather, leather products, and footwear",
    "Wood and products of wood and cork",
    "Pulp, paper, paper products, printing, and publishing",
    "Coke, refined petroleum, and nuclear fuel",
    "Chemicals and chemical products",
    "Rubber and plastics",
    "Other nonmetallic minerals",
    "Basic metals and fabricated metal",
    "Machinery, nec",
    "Electrical and optical equipment",
    "Transport equipment",
    "Manufacturing, nec; recycling",
    "Electricity, gas, and water supply",
    "Construction",
    "Sale, maintenance, and repair of motor vehicles and motorcycles; retail sale of fuel",
    "Wholesale trade and commission trade, except of motor vehicles and motorcycles",
    "Retail trade, except of motor vehicles and motorcycles; repair of household goods",
    "Hotels and restaurants",
    "Inland transport",
    "Water transport",
    "Air transport",
    "Other supporting and auxiliary transport activities; activities of travel agencies",
    "Post and telecommunications",
    "Financial intermediation",
    "Real estate activities",
    "Renting of M&Eq and other business activities",
    "Public administration and defense; compulsory social security",
    "Education",
    "Health and social work",
    "Other community, social, and personal services",
    "Private households with employed persons"};

}  // namespace irio::testing::world
