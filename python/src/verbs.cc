// SPDX-License-Identifier: MIT
// Every verb of the library (irio::verbs(), analysis/verb.h) in Python through one binding: its
// declaration as plain data (`_irio.verbs()`, from which python/irio/_verbs.py makes irio.Table's
// methods with their signatures and docstrings) and one call, `Table.run(verb, options)`, that sets
// each option by name through the declaration's one setter, runs the verb and returns the
// finished tables (display names added, finiteness checked: the same exit class as the CLI).
#include "verbs.h"

#include <pybind11/stl.h>

#include <sstream>

#include "convert.h"
#include "irio/analysis/verb.h"

namespace irio::python {
namespace {

py::dict option_to_dict(const OptionSpec& o) {
  py::dict d;
  d["name"] = o.name;
  d["flags"] = o.cli_flags();
  d["help"] = o.help;
  d["kind"] = enum_name(o.kind);
  d["choices"] = o.choices;
  d["min"] = o.min;
  d["max"] = o.max;
  d["default"] = o.default_text;
  d["python"] = o.python;
  d["required"] = o.required;
  return d;
}

py::dict verb_to_dict(const VerbBase& v) {
  py::dict d;
  d["name"] = v.name();
  d["help"] = v.help();
  d["python_name"] = v.python_name();
  d["hand_written"] = v.hand_written();
  d["takes_countries"] = v.takes_countries();
  py::list opts;
  for (const auto& o : v.options()) opts.append(option_to_dict(o));
  d["options"] = opts;
  py::list outs;
  for (const auto& o : v.outputs()) {
    py::dict t;
    t["table"] = o.table;
    t["about"] = o.about;
    t["unit"] = o.unit;
    outs.append(t);
  }
  d["outputs"] = outs;
  return d;
}

/// A Python value as the option's kind expects it (InputError naming the option otherwise).
OptionValue from_python(const VerbBase& verb, const OptionSpec& o, const py::handle& v) {
  auto wrong = [&](const char* expected) -> OptionValue {
    throw InputError(verb.name() + ": " + o.name + ": expects " + expected + ", got " +
                     std::string(py::str(py::type::handle_of(v).attr("__name__"))));
  };
  switch (o.kind) {
    case OptionKind::kFlag:
      if (py::isinstance<py::bool_>(v) || (py::hasattr(v, "dtype") && py::hasattr(v, "__bool__")))  // numpy.bool_
        return static_cast<bool>(py::bool_(py::reinterpret_borrow<py::object>(v)));
      return wrong("True or False");
    case OptionKind::kNumber:
      if (py::isinstance<py::bool_>(v) || py::isinstance<py::str>(v)) return wrong("a number");
      try {
        return py::cast<double>(v);
      } catch (const py::cast_error&) {
        return wrong("a number");
      }
    case OptionKind::kWhole:
      if (py::isinstance<py::bool_>(v) || !py::hasattr(v, "__index__")) return wrong("a whole number");
      try {
        return py::cast<long long>(v);
      } catch (const py::cast_error&) {
        throw InputError(verb.name() + ": " + o.name + ": " + std::string(py::str(v)) + " is outside " +
                         o.range_text());
      }
    case OptionKind::kTexts:
    case OptionKind::kGroupings:
      if (py::isinstance<py::str>(v)) return std::vector<std::string>{py::cast<std::string>(v)};
      try {
        return py::cast<std::vector<std::string>>(v);
      } catch (const py::cast_error&) {
        return wrong("a list of str");
      }
    default:
      if (!py::isinstance<py::str>(v)) return wrong("a str");
      return py::cast<std::string>(v);
  }
}

/// (file stems, tables, printed summary) of `verb` run on `a` with `options` {name: value}.
py::tuple run_verb(const Analysis& a, const std::string& name, const py::dict& options) {
  const VerbBase& verb = irio::verb(name);
  auto call = verb.call();
  for (const auto& [key, value] : options) {
    const OptionSpec& o = verb.option(py::cast<std::string>(key));
    call->set(o.name, from_python(verb, o, value));
  }
  std::ostringstream summary;
  const VerbResult r = call->run(a, summary);
  return py::make_tuple(r.names, tidy_list(r.tables), summary.str());
}

}  // namespace

void bind_verbs(py::module_& m, py::class_<Analysis>& table) {
  m.def("verbs", [] {
    py::list out;
    for (const auto* v : irio::verbs()) out.append(verb_to_dict(*v));
    return out;
  });
  table.def("run", &run_verb, py::arg("verb"), py::arg("options"),
            "Run a verb of the library with options {name: value}: (file stems, tables, summary)");
}

}  // namespace irio::python
