// SPDX-License-Identifier: MIT
// The compiled part of the `irio` Python package (`irio._irio`): irio::Analysis as the class
// `Table`, the table jobs that import a table, and irio's error classes as Python exceptions
// carrying the CLI's exit code. Every result is returned as plain dicts and NumPy arrays
// (convert.h); python/irio/__init__.py turns them into pandas DataFrames.
#include <pybind11/eigen.h>
#include <pybind11/stl.h>

#include <map>
#include <optional>
#include <tuple>

#include "convert.h"
#include "irio/analysis/regional.h"
#include "irio/analysis/table_jobs.h"
#include "irio/io/ceads_reader.h"
#include "irio/io/table_store.h"
#include "irio/tables/error.h"
#include "irio/version.h"
#include "verbs.h"

namespace irio::python {
namespace {

using tables::Matrix;
using tables::Vector;

/// The Python exception classes, created once by the module (alive as long as the interpreter).
struct ErrorTypes {
  py::handle base, input, balance, numerical, output;
};
ErrorTypes g_errors;

py::handle make_error(py::module_& m, const char* name, py::handle base, int exit_code, const char* doc) {
  const std::string qualified = std::string("irio.") + name;
  PyObject* type = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, base.ptr(), nullptr);
  if (type == nullptr) throw py::error_already_set();
  m.add_object(name, py::handle(type));  // steals nothing: add_object increments
  if (exit_code >= 0) py::setattr(py::handle(type), "exit_code", py::int_(exit_code));
  return type;
}

/// Raise `type(message)` with the instance attribute exit_code.
void raise(py::handle type, const Error& e) {
  py::object inst = type(py::str(e.what()));
  inst.attr("exit_code") = e.exit_code();
  PyErr_SetObject(type.ptr(), inst.ptr());
}

void translate(std::exception_ptr p) {
  try {
    if (p) std::rethrow_exception(p);
  } catch (const InputError& e) {
    raise(g_errors.input, e);
  } catch (const BalanceError& e) {
    raise(g_errors.balance, e);
  } catch (const NumericalError& e) {
    raise(g_errors.numerical, e);
  } catch (const OutputError& e) {
    raise(g_errors.output, e);
  } catch (const Error& e) {
    raise(g_errors.base, e);
  }
}

OpenOptions open_options(const std::string& format, const std::string& countries, const std::string& wiod_year,
                         const std::string& backend, double min_output_eps, double rel_tol, double error_rel_tol) {
  OpenOptions opt;
  opt.format = parse_enum<TableFormat>(format);
  opt.countries = countries;
  opt.wiod_year = wiod_year;
  opt.model.backend = parse_enum<solver::Backend>(backend);
  opt.model.min_output_eps = min_output_eps;
  opt.balance.rel_tol = rel_tol;
  opt.balance.error_rel_tol = error_rel_tol;
  opt.balance.min_output_eps = min_output_eps;
  return opt;
}

/// The same table under another region -> country map (a copy; the model is built anew).
Analysis with_countries(const Analysis& a, const std::string& countries) {
  OpenOptions opt = a.options();
  opt.countries = countries;
  return Analysis(a.table(), opt, a.source());
}

/// A table from arrays (region-major rows and columns, methods.md §0.1).
Analysis from_arrays(const Matrix& Z, const Matrix& Y, std::vector<std::string> regions,
                     std::vector<std::string> sectors, std::vector<std::string> fd_categories, std::optional<Vector> x,
                     std::optional<Matrix> V, std::vector<std::string> va_components, std::optional<Matrix> exports,
                     std::vector<std::string> export_labels, std::optional<Matrix> imports,
                     std::vector<std::string> import_labels, std::vector<std::string> country_of_region,
                     const std::string& name, const std::string& unit, const std::string& year,
                     const std::string& backend,
                     const std::vector<std::tuple<std::string, std::vector<std::string>, std::vector<std::string>,
                                                  Matrix, std::optional<Matrix>>>& satellites) {
  tables::IoTable t;
  t.labels.regions = std::move(regions);
  t.labels.sectors = std::move(sectors);
  t.labels.fd_categories = std::move(fd_categories);
  if (country_of_region.empty()) {
    t.labels.set_each_region_own_country();
  } else {
    if (country_of_region.size() != t.labels.regions.size())
      throw InputError(name + ": countries has " + std::to_string(country_of_region.size()) + " entries for " +
                       std::to_string(t.labels.regions.size()) + " regions");
    for (const auto& c : country_of_region) {
      int k = tables::Labels::find(t.labels.countries, c);
      if (k < 0) {
        k = static_cast<int>(t.labels.countries.size());
        t.labels.countries.push_back(c);
      }
      t.labels.country_of_region.push_back(k);
    }
  }
  t.Z = Z.sparseView();
  t.Y = Y;
  if (x) t.x = *x;
  t.V = V ? *V : Matrix(0, Z.cols());
  t.va_components = std::move(va_components);
  if (exports) t.exports = *exports;
  t.export_labels = std::move(export_labels);
  if (imports) t.imports = *imports;
  t.import_labels = std::move(import_labels);
  for (const auto& [sat_name, stressors, units, F, F_Y] : satellites) {
    tables::Satellite sat;
    sat.name = sat_name;
    sat.stressors = stressors;
    sat.units = units;
    sat.F = F;
    sat.F_Y = F_Y ? *F_Y : Matrix(F.rows(), 0);
    if (sat.F.cols() != Z.cols())
      throw InputError(name + ": satellite '" + sat_name + "': F has " + std::to_string(sat.F.cols()) +
                       " columns for n = " + std::to_string(Z.cols()) + " region-sectors");
    if (sat.stressors.size() != static_cast<std::size_t>(sat.F.rows()) || sat.units.size() != sat.stressors.size())
      throw InputError(name + ": satellite '" + sat_name + "': " + std::to_string(sat.F.rows()) + " rows of F, " +
                       std::to_string(sat.stressors.size()) + " stressor names and " +
                       std::to_string(sat.units.size()) + " units");
    t.satellites.push_back(std::move(sat));
  }
  t.meta.name = name;
  t.meta.unit = unit;
  t.meta.year = year;
  t.labels.check(name);
  t.validate_shapes(name);
  OpenOptions opt;
  opt.model.backend = parse_enum<solver::Backend>(backend);
  return Analysis(std::move(t), opt, name);
}

/// The Analysis of an imported table (the written file names it in messages).
Analysis opened(ImportResult&& r, const std::string& backend) {
  OpenOptions opt;
  opt.model.backend = parse_enum<solver::Backend>(backend);
  return Analysis(std::move(r.table), opt, r.output);
}

void bind_table(py::module_& m) {
  py::class_<Analysis> c(m, "Table", "irio::Analysis: one table, its balance check and its Leontief model");
  c.def_property_readonly("source", &Analysis::source)
      .def_property_readonly("n", [](const Analysis& a) { return a.table().n(); })
      .def("describe", [](const Analysis& a) { return table_description(a.table()); })
      .def("with_countries", &with_countries, py::arg("countries"))
      .def("validate", [](const Analysis& a) { return balance_to_dict(a.validate(), a.table().labels); })
      .def("solver_summary", [](const Analysis& a) { return a.model().summary().brief_report(); })
      .def("models_built", &Analysis::models_built)
      .def(
          "analyse",
          [](const Analysis& a, const std::vector<std::string>& groups) {
            AnalyseRequest r;
            r.groups = groups;
            const auto res = a.analyse(r);
            return py::make_tuple(res.file_names, tidy_list(res.tables, a.table()));
          },
          py::arg("groups"))
      .def("matrix_bytes", &matrix_bytes, py::arg("name"))
      .def("matrix", &matrix, py::arg("name"), py::arg("max_bytes"), py::arg("block") = 256);
  bind_verbs(m, c);
}

void bind_jobs(py::module_& m) {
  m.def("open_defaults", [] {  // the defaults of irio.open, written once (OpenOptions, BalanceOptions)
    const OpenOptions o;
    py::dict d;
    d["format"] = enum_name(o.format);
    d["backend"] = enum_name(o.model.backend);
    d["wiod_year"] = o.wiod_year;
    d["min_output_eps"] = o.balance.min_output_eps;
    d["rel_tol"] = o.balance.rel_tol;
    d["error_rel_tol"] = o.balance.error_rel_tol;
    const io::CeadsOptions c;
    d["ceads_country"] = c.country;
    d["ceads_rel_tol"] = c.rel_tol;
    return d;
  });
  m.def(
      "open_table",
      [](const std::string& path, const std::string& format, const std::string& countries, const std::string& wiod_year,
         const std::string& backend, double min_output_eps, double rel_tol, double error_rel_tol) {
        return Analysis::open(
            path, open_options(format, countries, wiod_year, backend, min_output_eps, rel_tol, error_rel_tol));
      },
      py::arg("path"), py::arg("format"), py::arg("countries"), py::arg("wiod_year"), py::arg("backend"),
      py::arg("min_output_eps"), py::arg("rel_tol"), py::arg("error_rel_tol"));
  m.def("from_arrays", &from_arrays, py::arg("Z"), py::arg("Y"), py::arg("regions"), py::arg("sectors"),
        py::arg("fd_categories"), py::arg("x"), py::arg("V"), py::arg("va_components"), py::arg("exports"),
        py::arg("export_labels"), py::arg("imports"), py::arg("import_labels"), py::arg("countries"), py::arg("name"),
        py::arg("unit"), py::arg("year"), py::arg("backend"), py::arg("satellites"));
  m.def(
      "import_table",
      [](const std::string& layout, const std::string& output, const io::CsvImportOptions& csv, const std::string& dir,
         const std::string& wiod_year, bool group_eu, const std::string& countries,
         const std::map<std::string, std::string>& meta, bool overwrite, const std::string& backend) {
        ImportRequest r;
        r.layout = parse_enum<ImportLayout>(layout);
        r.csv = csv;
        r.dir = dir;
        r.wiod_year = wiod_year;
        r.group_eu = group_eu;
        r.countries = countries;
        auto get = [&](const char* k) {
          auto it = meta.find(k);
          return it == meta.end() ? std::string() : it->second;
        };
        r.meta = {get("name"), get("year"), get("unit"), get("price_basis"), get("source")};
        r.output = output;
        r.overwrite = overwrite;
        auto res = import_table(r);
        py::dict balance = balance_to_dict(res.balance, res.table.labels);
        return py::make_tuple(opened(std::move(res), backend), balance);
      },
      py::arg("layout"), py::arg("output"), py::arg("csv"), py::arg("dir"), py::arg("wiod_year"), py::arg("group_eu"),
      py::arg("countries"), py::arg("meta"), py::arg("overwrite"), py::arg("backend"));
  // --- world tables (issue 17 §1; docs/world-tables.md): returns (table, balance, notes)
  m.def(
      "import_world",
      [](const std::string& layout, const std::string& path, const std::string& output, const std::string& year,
         const std::string& release, bool keep_splits, const std::string& price, const std::string& countries,
         bool overwrite, const std::string& backend) {
        ImportRequest r;
        r.layout = parse_enum<ImportLayout>(layout);
        r.dir = path;
        r.world_year = year;
        r.oecd_release = release;
        r.keep_splits = keep_splits;
        r.eora_price = price;
        r.countries = countries;
        r.output = output;
        r.overwrite = overwrite;
        auto res = import_table(r);
        py::dict balance = balance_to_dict(res.balance, res.table.labels);
        std::vector<std::string> notes = res.notes;
        return py::make_tuple(opened(std::move(res), backend), balance, notes);
      },
      py::arg("layout"), py::arg("path"), py::arg("output"), py::arg("year"), py::arg("release"),
      py::arg("keep_splits"), py::arg("price"), py::arg("countries"), py::arg("overwrite"), py::arg("backend"));
  // --- end of world tables
  py::class_<io::CsvImportOptions>(m, "CsvImportOptions")
      .def(py::init<>())
      .def_readwrite("Z", &io::CsvImportOptions::Z)
      .def_readwrite("Y", &io::CsvImportOptions::Y)
      .def_readwrite("V", &io::CsvImportOptions::V)
      .def_readwrite("x", &io::CsvImportOptions::x)
      .def_readwrite("exports", &io::CsvImportOptions::exports)
      .def_readwrite("imports", &io::CsvImportOptions::imports)
      .def_readwrite("satellites", &io::CsvImportOptions::satellites);
  m.def(
      "import_ceads",
      [](const std::string& input, const std::string& output, const std::string& sheet, const std::string& country,
         double rel_tol, bool strict, bool overwrite, const std::string& backend) {
        CeadsImportRequest r;
        r.input = input;
        r.output = output;
        r.options.sheet = sheet;
        r.options.country = country;
        r.options.rel_tol = rel_tol;
        r.options.strict = strict;
        r.overwrite = overwrite;
        std::string report;
        r.on_report = [&report](const std::string& s) { report += s; };
        auto res = import_ceads(r);
        return py::make_tuple(opened(std::move(res), backend), report);
      },
      py::arg("input"), py::arg("output"), py::arg("sheet"), py::arg("country"), py::arg("rel_tol"), py::arg("strict"),
      py::arg("overwrite"), py::arg("backend"));
  m.def(
      "sda",
      [](const Analysis& a0, const Analysis& a1, const std::string& quantity, const std::vector<std::string>& groups,
         const std::string& region_concordance, const std::string& sector_concordance, const std::string& fd_split) {
        SdaRequest r;
        r.quantity = quantity;
        r.groups = groups;
        r.fd_split = parse_enum<SdaFinalDemandSplit>(fd_split);
        if (const auto e = r.validate(); !e.empty()) throw InputError("sda: " + e);
        // Name columns as the CLI writes them: from the later (harmonised) table.
        if (region_concordance.empty() && sector_concordance.empty())
          return tidy_list(sda(a0, a1, r).tables, a1.table());
        const auto h = harmonise({&a0, &a1}, region_concordance, sector_concordance);
        return tidy_list(sda(h[0], h[1], r).tables, h[1].table());
      },
      py::arg("t0"), py::arg("t1"), py::arg("quantity"), py::arg("groups"), py::arg("region_concordance"),
      py::arg("sector_concordance"), py::arg("fd_split"));
  m.def(
      "panel",
      [](const std::vector<const Analysis*>& tables, const std::string& verb, const std::vector<std::string>& years,
         const std::vector<std::string>& groups, const std::string& region_concordance,
         const std::string& sector_concordance) {
        PanelRequest r;
        r.verb = parse_enum<PanelVerb>(verb);
        r.years = years;
        r.groups = groups;
        if (const auto e = r.validate(); !e.empty()) throw InputError("panel: " + e);
        // Name columns as the CLI writes them: from the last (harmonised) table.
        if (region_concordance.empty() && sector_concordance.empty()) {
          auto res = panel(tables, r);  // refuses fewer than two tables
          return tidy_list(std::move(res.tables), tables.back()->table());
        }
        const auto h = harmonise(tables, region_concordance, sector_concordance);
        std::vector<const Analysis*> ptrs;
        for (const auto& x : h) ptrs.push_back(&x);
        auto res = panel(ptrs, r);
        return tidy_list(std::move(res.tables), ptrs.back()->table());
      },
      py::arg("tables"), py::arg("verb"), py::arg("years"), py::arg("groups"), py::arg("region_concordance"),
      py::arg("sector_concordance"));
  m.def("matrix_names", &matrix_names);
  m.def(
      "result_runs", [](const std::string& path) { return io::list_result_runs(path); }, py::arg("path"));
  m.def(
      "read_results",
      [](const std::string& path, const std::string& run) { return tidy_list(io::read_tidy_h5(path, run)); },
      py::arg("path"), py::arg("run"));
}

}  // namespace
}  // namespace irio::python

PYBIND11_MODULE(_irio, m) {
  using namespace irio::python;
  m.doc() = "irio's C++ library (irio::Analysis and the table jobs); use the `irio` package";
  m.attr("__version__") = IRIO_VERSION_STRING;
  auto& e = g_errors;
  e.base =
      make_error(m, "Error", PyExc_RuntimeError, -1, "Base class of irio's errors; exit_code: the CLI's exit status");
  e.input = make_error(m, "InputError", e.base, irio::InputError("").exit_code(),
                       "Bad input: a file, dataset, label or option value (exit code 2)");
  e.balance = make_error(m, "BalanceError", e.base, irio::BalanceError("").exit_code(),
                         "The table fails its balance check (exit code 3)");
  e.numerical = make_error(m, "NumericalError", e.base, irio::NumericalError("").exit_code(),
                           "Singular or non-productive system, non-convergence, failed identity (exit code 4)");
  e.output = make_error(m, "OutputError", e.base, irio::OutputError("").exit_code(),
                        "An output exists (without overwrite) or cannot be written (exit code 5)");
  py::register_exception_translator(&translate);
  bind_table(m);
  bind_jobs(m);
}
