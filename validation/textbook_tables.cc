// SPDX-License-Identifier: MIT
// Loaders for the published textbook tables used by the validation cases.
#include "irio/validation/textbook_tables.h"

#include <algorithm>
#include <map>

#include "irio/io/csv_reader.h"
#include "irio/tables/error.h"

namespace irio::validation {
namespace {

using tables::Matrix;
using tables::Vector;

/// Column index of `name` in the header row, or InputError naming the file.
std::size_t column(const io::CsvFile& f, const std::string& name) {
  const auto& h = f.rows.at(0).fields;
  for (std::size_t c = 0; c < h.size(); ++c)
    if (h[c] == name) return c;
  throw InputError(f.path + ": no column '" + name + "'");
}

/// Row index whose column `key_col` equals `key`.
std::size_t row(const io::CsvFile& f, std::size_t key_col, const std::string& key) {
  for (std::size_t r = 1; r < f.rows.size(); ++r)
    if (key_col < f.rows[r].fields.size() && f.rows[r].fields[key_col] == key) return r;
  throw InputError(f.path + ": no row '" + key + "'");
}

tables::IoTable single_region(std::vector<std::string> sectors, std::vector<std::string> fd) {
  tables::IoTable t;
  t.labels.regions = {"R"};
  t.labels.sectors = std::move(sectors);
  t.labels.set_each_region_own_country();
  t.labels.fd_categories = std::move(fd);
  return t;
}

/// Product rows x sector columns block of a printed table into a single-region IoTable.
void fill_block(const io::CsvFile& f, std::size_t key_col, const std::vector<std::string>& rows,
                const std::vector<std::string>& cols, Matrix& out) {
  out.resize(static_cast<Eigen::Index>(rows.size()), static_cast<Eigen::Index>(cols.size()));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::size_t r = row(f, key_col, rows[i]);
    for (std::size_t j = 0; j < cols.size(); ++j) {
      const std::string& cell = f.rows[r].fields.at(column(f, cols[j]));
      out(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) =
          cell.empty() ? 0.0 : f.number(r, column(f, cols[j]), cols[j]);
    }
  }
}

}  // namespace

tables::IoTable miller_blair_table(const std::string& data_dir) {
  const auto f = io::read_csv(data_dir + "/miller_blair_2x2/table.csv");
  auto t = single_region({"1", "2"}, {"f"});
  Matrix Z, Y, x;
  fill_block(f, 0, {"1", "2"}, {"z_1", "z_2"}, Z);
  fill_block(f, 0, {"1", "2"}, {"f"}, Y);
  fill_block(f, 0, {"1", "2"}, {"x"}, x);
  t.Z = Z.sparseView();
  t.Y = Y;
  t.x = x.col(0);
  t.V.resize(0, 2);
  t.meta.name = "Miller & Blair (2009) Table 2.3";
  return t;
}

tables::IoTable eurostat_germany_table(const std::string& data_dir) {
  const auto f = io::read_csv(data_dir + "/eurostat_germany_1995/Beutel_15_4.csv");
  const std::vector<std::string> sec = {"agriculture_group", "manufacturing_group",     "construction_group",
                                        "trade_group",       "business_services_group", "other_services_group"};
  const std::vector<std::string> fd = {"consumption_expenditure_household", "consumption_expenditure_government",
                                       "gross_capital_formation", "inventory_change", "export_goods_services"};
  const std::size_t key = column(f, "iotables_row");
  auto t = single_region(sec, fd);
  Matrix Z, Y, M, V, x, emp;
  fill_block(f, key, sec, sec, Z);
  fill_block(f, key, sec, fd, Y);
  fill_block(f, key, {"import_goods_services", "net_tax_production"}, sec, M);
  fill_block(
      f, key,
      {"compensation_employees", "net_tax_production_other", "consumption_fixed_capital", "operating_surplus_net"}, sec,
      V);
  fill_block(f, key, {"output_bp"}, sec, x);
  fill_block(f, key, {"employment_total"}, sec, emp);
  t.Z = Z.sparseView();
  t.Y = Y;
  t.imports = M;
  t.import_labels = {"imports", "net_taxes_on_products"};
  t.V = V;
  t.va_components = {"compensation_employees", "other_net_taxes_on_production", "consumption_of_fixed_capital",
                     "net_operating_surplus"};
  t.x = x.row(0).transpose();
  t.satellites.push_back({"employment", {"persons"}, {"1000 persons"}, emp, Matrix(1, 0)});
  t.satellites.back().F_Y.resize(1, 0);
  t.meta.name = "Eurostat Manual Table 15.4, Germany 1995";
  t.meta.unit = "EUR million";
  return t;
}

tables::IoTable netherlands_table(const std::string& data_dir) {
  const auto f = io::read_csv(data_dir + "/netherlands_2000/netherlands_2000.csv");
  const std::vector<std::string> sec = {"agriculture_group", "mining_group",       "manufacturing_group",
                                        "utilities_group",   "construction_group", "services_group"};
  const std::vector<std::string> fd = {"final_consumption_private", "final_consumption_government",
                                       "gross_fixed_capital_formation", "exports"};
  auto t = single_region(sec, fd);
  Matrix Z, Y, M, W, VA, x;
  fill_block(f, 0, sec, sec, Z);
  fill_block(f, 0, sec, fd, Y);
  fill_block(f, 0, {"imports", "net_tax"}, sec, M);
  fill_block(f, 0, {"compensation_employees"}, sec, W);
  fill_block(f, 0, {"value_added_bp"}, sec, VA);
  fill_block(f, 0, {"output_bp"}, sec, x);
  t.Z = Z.sparseView();
  t.Y = Y;
  t.imports = M;
  t.import_labels = {"imports", "net_taxes"};
  t.V.resize(2, 6);
  t.V.row(0) = W.row(0);
  t.V.row(1) = VA.row(0) - W.row(0);
  t.va_components = {"compensation_employees", "other_value_added"};
  t.x = x.row(0).transpose();
  t.meta.name = "Netherlands 2000";
  t.meta.unit = "EUR million";
  return t;
}

tables::IoTable leather_table(const std::string& data_dir) {
  const std::string d = data_dir + "/decompr_leather/";
  const auto fz = io::read_csv(d + "leather_Z.csv");
  const auto ff = io::read_csv(d + "leather_F.csv");
  const auto fx = io::read_csv(d + "leather_x.csv");
  tables::IoTable t;
  // Row labels "Country.Industry" in region-major order.
  std::vector<std::string> regions, sectors;
  for (std::size_t r = 1; r < fz.rows.size(); ++r) {
    const std::string& lab = fz.cell(r, 0);
    const auto dot = lab.find('.');
    const std::string reg = lab.substr(0, dot), sec = lab.substr(dot + 1);
    if (std::find(regions.begin(), regions.end(), reg) == regions.end()) regions.push_back(reg);
    if (std::find(sectors.begin(), sectors.end(), sec) == sectors.end()) sectors.push_back(sec);
  }
  t.labels.regions = regions;
  t.labels.sectors = sectors;
  t.labels.set_each_region_own_country();
  t.labels.fd_categories = {"final"};
  const auto n = static_cast<Eigen::Index>(fz.rows.size() - 1);
  Matrix Z(n, n), Y(n, static_cast<Eigen::Index>(regions.size()));
  tables::Vector x(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const auto r = static_cast<std::size_t>(i + 1);
    for (Eigen::Index j = 0; j < n; ++j) Z(i, j) = fz.number(r, static_cast<std::size_t>(j + 1), "Z");
    for (Eigen::Index j = 0; j < Y.cols(); ++j) Y(i, j) = ff.number(r, static_cast<std::size_t>(j + 1), "F");
    x(i) = fx.number(r, 1, "x");
  }
  t.Z = Z.sparseView();
  t.Y = Y;
  t.x = x;
  t.V.resize(0, n);
  t.meta.name = "decompr leather";
  return t;
}

}  // namespace irio::validation
