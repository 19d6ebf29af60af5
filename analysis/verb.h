// SPDX-License-Identifier: MIT
// One declaration per verb (issue 19; docs/architecture.md, "Verbs"). A verb (`multipliers`,
// `linkages`, `trade`, ...) declares in one place, next to its facade call:
//   - its options: name, help, kind, default (read from a default request), bounds or choices;
//   - its outputs: the tables it writes, what each holds, its unit, and how each indicator of it
//     aggregates over groups of regions (methods.md §6.1);
//   - how it runs on an Analysis and what it prints.
// The command line (cli/verb_commands.cc), the Python module (python/src/verbs.cc, irio.Table's
// methods), Request::validate(), Request::table_names(), the refusal of an existing output and
// `irio aggregate`'s rules are all derived from that declaration; none repeats it.
//
//   const Verb<LinkageRequest>& decl::linkages() {
//     static const Verb<LinkageRequest> v = std::move(Verb<LinkageRequest>("linkages", "Backward/...")
//         .option("cv", &LinkageRequest::cv, "Rasmussen coefficient of variation (n solves)")
//         .output({"linkages", "backward and forward linkages", kUnitRatio, {{"*", rules::sum()}}})
//         .runs([](const Analysis& a, const LinkageRequest& r, std::ostream& out) { ... }));
//     return v;
//   }
//
// Every option is set by name through one function, from a typed value (Python) or from the
// parsed command line, with its kind and bounds checked there (as HiGHS's setOptionValue).
#pragma once

#include <cmath>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "irio/tables/enum_names.h"
#include "irio/tables/error.h"
#include "irio/tables/indicator_rules.h"
#include "irio/tables/progress.h"
#include "irio/tables/tidy_table.h"

namespace irio {

class Analysis;

/// What an option holds; the CLI and Python convert their values by it.
enum class OptionKind {
  kFlag,          ///< on/off (CLI: a flag; Python: bool)
  kText,          ///< a word or a name (str)
  kTexts,         ///< several words or names (CLI: repeated or several values; Python: list of str)
  kChoice,        ///< one name of an enum's name table (choices)
  kNumber,        ///< a finite real number within [min, max]
  kWhole,         ///< a whole number within [min, max]
  kFile,          ///< the path of an input file (Python: also os.PathLike)
  kGroupings,     ///< grouping CSV files or shipped names (Python: also DataFrames or dicts)
  kRegionValues,  ///< a CSV region,value (Python: also a dict or Series)
};
inline constexpr EnumTable<OptionKind, 9> kOptionKindNames{"option kind",
                                                           {{{OptionKind::kFlag, "flag"},
                                                             {OptionKind::kText, "text"},
                                                             {OptionKind::kTexts, "texts"},
                                                             {OptionKind::kChoice, "choice"},
                                                             {OptionKind::kNumber, "number"},
                                                             {OptionKind::kWhole, "whole"},
                                                             {OptionKind::kFile, "file"},
                                                             {OptionKind::kGroupings, "groupings"},
                                                             {OptionKind::kRegionValues, "region_values"}}}};
constexpr const auto& enum_table(OptionKind) { return kOptionKindNames; }

/// One option of a verb.
struct OptionSpec {
  std::string name;   ///< the Python keyword; the CLI flag is --name with '_' written '-'
  std::string flags;  ///< the CLI flags when they differ (e.g. "--income-component,--income")
  std::string help;
  OptionKind kind = OptionKind::kText;
  std::vector<std::string> choices;                       ///< kChoice: the enum's names
  double min = -std::numeric_limits<double>::infinity();  ///< kNumber, kWhole: inclusive bounds
  double max = std::numeric_limits<double>::infinity();
  std::string default_text;  ///< the default as text ("" for none), from a default request
  char delimiter = 0;        ///< kTexts on the CLI: also split one value at this character
  bool required = false;     ///< must be given (CLI: a required option; Python: no default)
  bool cli = true;           ///< declared on the command line
  bool python = true;        ///< a keyword of the Python method

  /// The CLI flags: `flags`, or "--" + name with '_' as '-'.
  std::string cli_flags() const;
  /// The first long flag, for messages ("--top").
  std::string flag() const;
  /// "0 to 1e+300", "at least 0", "" when unbounded.
  std::string range_text() const;
};

/// An option with CLI flags other than --name, or of a kind the field's type does not say.
inline OptionSpec option_spec(std::string name, std::string flags, std::string help,
                              OptionKind kind = OptionKind::kText) {
  OptionSpec s;
  s.name = std::move(name);
  s.flags = std::move(flags);
  s.help = std::move(help);
  s.kind = kind;
  return s;
}

/// `s` as an option of one front end only (e.g. a Python keyword that has no command-line flag).
inline OptionSpec python_only(OptionSpec s) {
  s.cli = false;
  return s;
}
inline OptionSpec cli_only(OptionSpec s) {
  s.python = false;
  return s;
}

/// A typed option value: bool (kFlag), double (kNumber), long long (kWhole), string (kText, kChoice,
/// kFile, kRegionValues), list of strings (kTexts, kGroupings).
using OptionValue = std::variant<bool, double, long long, std::string, std::vector<std::string>>;

/// Units of an output's values (docs/formats.md): the table's money unit, a ratio, ...
inline constexpr const char* kUnitMoney = "the table's unit";
inline constexpr const char* kUnitRatio = "ratio (per unit)";
inline constexpr const char* kUnitStressor = "the stressor's unit";
inline constexpr const char* kUnitSteps = "production steps";
inline constexpr const char* kUnitMixed = "per indicator (see the indicator list)";

/// The aggregation rule of the indicators matching `pattern` ("*" every one, "X*" a prefix, "*X" a
/// suffix, else the exact name; the first match wins).
struct IndicatorRuleSpec {
  std::string pattern;
  tables::IndicatorRule rule;
};

/// One table a verb writes.
struct OutputSpec {
  std::string table;                     ///< its name; a trailing '*' names a family (footprints_*)
  std::string about;                     ///< what it holds, one line
  std::string unit;                      ///< of its values (kUnit...)
  std::vector<IndicatorRuleSpec> rules;  ///< how its indicators aggregate (methods.md §6.1)

  bool matches(const std::string& table_name) const;
  /// The rule of `indicator`, or nullptr when no pattern matches.
  const tables::IndicatorRule* rule_for(const std::string& indicator) const;
};

/// What running a verb gives: the tables (finished: display names added, finiteness checked,
/// see finish_results), under their names, and what the CLI prints.
struct VerbResult {
  std::vector<tables::TidyTable> tables;
  std::vector<std::string> names;  ///< file stems (defaults to the tables' names)
  std::string run;                 ///< the run name in an HDF5 output ("linkages", "trade_wwz")
  /// The §6.2 identity checks of the result, when it has them: `irio` exits 4 when one fails.
  std::vector<tables::TidyTable> identities;
  bool one_file = false;  ///< a .csv output is one file (VerbBase::shared_keys; set by Verb::run)
};

/// A verb's declaration without its request type: what the CLI, Python and `irio aggregate` read.
class VerbBase {
 public:
  /// One use of the verb: a request whose options are set by name.
  class Call {
   public:
    virtual ~Call() = default;
    /// Set an option from a typed value: InputError naming the option when the kind or the bounds
    /// do not fit.
    virtual void set(const std::string& option, const OptionValue& value) = 0;
    virtual void set_progress(ProgressFn progress) = 0;
    /// Empty if valid, else the reason (bounds of every option and the verb's own checks).
    virtual std::string validate() const = 0;
    /// The tables the result will hold, known before anything is computed.
    virtual std::vector<std::string> table_names() const = 0;
    /// Validate, run on `a` (the summary lines go to `summary`, as they come) and finish the
    /// tables (finish_results).
    virtual VerbResult run(const Analysis& a, std::ostream& summary) const = 0;
  };

  VerbBase(std::string name, std::string help) : name_(std::move(name)), help_(std::move(help)) {}
  virtual ~VerbBase() = default;
  VerbBase(const VerbBase&) = delete;
  VerbBase& operator=(const VerbBase&) = delete;
  VerbBase(VerbBase&&) = default;  // a declaration is built by a chain of calls, then moved into place

  const std::string& name() const { return name_; }
  const std::string& help() const { return help_; }
  const std::vector<OptionSpec>& options() const { return options_; }
  const std::vector<OutputSpec>& outputs() const { return outputs_; }
  /// The option named `name` (InputError listing the verb's options when there is none).
  const OptionSpec& option(const std::string& name) const;
  /// Whether the verb takes `--countries` (a region -> country map applied when the table opens).
  bool takes_countries() const { return takes_countries_; }
  /// Whether its tables share their key columns (a .csv output is then one file).
  bool shared_keys() const { return shared_keys_; }
  /// Whether the CLI command and the Python method are written by hand (no derived ones).
  bool hand_written() const { return hand_written_; }
  /// The name of its Python method (the verb's name unless declared otherwise).
  const std::string& python_name() const { return python_name_.empty() ? name_ : python_name_; }
  /// Help of -o/--output.
  const std::string& output_help() const { return output_help_; }

  virtual std::unique_ptr<Call> call() const = 0;

 protected:
  std::string name_, help_;
  std::vector<OptionSpec> options_;
  std::vector<OutputSpec> outputs_;
  bool takes_countries_ = false;
  bool shared_keys_ = false;
  bool hand_written_ = false;
  std::string output_help_ = "Result file (.csv or .h5)";
  std::string python_name_;
};

/// Every verb of the library, one per file of analysis/verbs/, in file-name order (the list is
/// generated by CMake from the files: build/generated/all_verbs.cc).
const std::vector<const VerbBase*>& verbs();
/// The verb named `name` (InputError listing the verbs when there is none).
const VerbBase& verb(const std::string& name);

/// The aggregation rule of `indicator` in the result table `table` (e.g. "multipliers",
/// "footprints_CO2", "kpww"), from the outputs the verbs declare; nullopt when no verb writes it.
std::optional<tables::IndicatorRule> indicator_rule(const std::string& table, const std::string& indicator);

/// The finishing step every result passes once, whatever asks for it (CLI, Python, report):
/// display-name columns beside the codes (display_names.h), then the finiteness check
/// (require_finite: NumericalError, exit 4, for an infinite value).
void finish_results(std::vector<tables::TidyTable>& results, const tables::IoTable& table);

namespace detail {
[[noreturn]] void bad_option(const std::string& verb, const OptionSpec& o, const std::string& reason);
/// "2 is outside 0 to 1", "0 is below the least value, 1".
std::string out_of_range(const OptionSpec& o, double x);
double number_in_range(const std::string& verb, const OptionSpec& o, const OptionValue& v);
std::string text_of(const std::string& verb, const OptionSpec& o, const OptionValue& v);
std::vector<std::string> texts_of(const std::string& verb, const OptionSpec& o, const OptionValue& v);
std::string format_number(double x);
/// Default names and run name, then finish_results on the table of `a`.
void finish(const Analysis& a, const std::string& verb, VerbResult& result);
}  // namespace detail

/// A verb with its request type `Request` (a plain struct with defaults).
template <class Request>
class Verb final : public VerbBase {
 public:
  using RunFn = std::function<VerbResult(const Analysis&, const Request&, std::ostream& summary)>;
  using CheckFn = std::function<std::string(const Request&)>;
  using TablesFn = std::function<std::vector<std::string>(const Request&)>;

  Verb(std::string name, std::string help) : VerbBase(std::move(name), std::move(help)) {}

  /// An option bound to a field of the request, by member pointer or by an accessor
  /// `[](Request& r) -> T& { return r.options.x; }`. The kind follows the field's type (bool: flag,
  /// double: number, integer: whole, enum: choice, string: text, vector<string>: texts); pass
  /// `kind` for kFile, kGroupings or kRegionValues, and bounds for numbers.
  template <class Field>
  Verb& option(OptionSpec spec, Field field) {
    add_option(std::move(spec), accessor(field));
    return *this;
  }
  template <class Field>
  Verb& option(std::string name, Field field, std::string help) {
    OptionSpec s;
    s.name = std::move(name);
    s.help = std::move(help);
    return option(std::move(s), field);
  }
  /// An option whose value the request holds in another form (e.g. a choice that also switches a
  /// mode on): `set` converts it; no bounds. Its kind, choices and default are in `spec`.
  Verb& custom(OptionSpec spec, std::function<void(Request&, const OptionValue&)> set) {
    setters_.push_back(std::move(set));
    bounds_.push_back([](const Request&) { return std::string(); });
    options_.push_back(std::move(spec));
    return *this;
  }
  /// The Python method's name when it differs from the verb's (extract: extraction).
  Verb& python_name(const std::string& n) {
    python_name_ = n;
    return *this;
  }
  /// Where the request holds its progress callback.
  Verb& progress(ProgressFn Request::*field) {
    progress_ = field;
    return *this;
  }
  /// A check across options (e.g. "--type2 needs --household-category"): empty if valid.
  Verb& check(CheckFn f) {
    checks_.push_back(std::move(f));
    return *this;
  }
  /// An output table; `when` (optional): whether a request writes it.
  Verb& output(OutputSpec o, std::function<bool(const Request&)> when = {}) {
    outputs_.push_back(std::move(o));
    when_.push_back(std::move(when));
    return *this;
  }
  /// The table names when they depend on the request beyond `when` (e.g. footprints_<satellite>,
  /// one trade method's tables).
  Verb& table_names(TablesFn f) {
    names_ = std::move(f);
    return *this;
  }
  Verb& countries() {
    takes_countries_ = true;
    return *this;
  }
  Verb& one_file() {
    shared_keys_ = true;
    return *this;
  }
  /// The CLI command and the Python method are written by hand (analyse: its printed layout is its
  /// own); the declaration still gives its outputs' rules and its options' meaning.
  Verb& hand_written() {
    hand_written_ = true;
    return *this;
  }
  Verb& output_help(const std::string& h) {
    output_help_ = h;
    return *this;
  }
  Verb& runs(RunFn f) {
    run_ = std::move(f);
    return *this;
  }

  /// Set `option` of `r` (the one setter: kind and bounds checked).
  void set(Request& r, const std::string& name, const OptionValue& v) const {
    for (std::size_t i = 0; i < options_.size(); ++i)
      if (options_[i].name == name) return setters_[i](r, v);
    (void)VerbBase::option(name);  // throws, listing the options
  }
  std::string validate(const Request& r) const {
    for (std::size_t i = 0; i < options_.size(); ++i)
      if (auto e = bounds_[i](r); !e.empty()) return e;
    for (const auto& c : checks_)
      if (auto e = c(r); !e.empty()) return e;
    return {};
  }
  std::vector<std::string> table_names(const Request& r) const {
    if (names_) return names_(r);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < outputs_.size(); ++i)
      if (!when_[i] || when_[i](r)) out.push_back(outputs_[i].table);
    return out;
  }
  /// Validate (InputError "<verb>: <reason>"), run, name and finish the tables.
  VerbResult run(const Analysis& a, const Request& r, std::ostream& summary) const {
    if (auto e = validate(r); !e.empty()) throw InputError(name_ + ": " + e);
    VerbResult res = run_(a, r, summary);
    res.one_file = shared_keys_;
    detail::finish(a, name_, res);
    return res;
  }

  std::unique_ptr<Call> call() const override { return std::make_unique<TypedCall>(*this); }

 private:
  using Setter = std::function<void(Request&, const OptionValue&)>;
  using Bound = std::function<std::string(const Request&)>;

  template <class T>
  static std::function<T&(Request&)> accessor(T Request::*m) {
    return [m](Request& r) -> T& { return r.*m; };
  }
  template <class F>
  static auto accessor(F f)
      -> std::function<std::remove_reference_t<decltype(f(std::declval<Request&>()))>&(Request&)> {
    return f;
  }

  template <class T>
  void add_option(OptionSpec s, std::function<T&(Request&)> field) {
    const std::string verb = name_;
    Request defaults{};
    const T& d = field(defaults);
    if constexpr (std::is_same_v<T, bool>) {
      s.kind = OptionKind::kFlag;
      s.default_text = d ? "true" : "false";
      setters_.push_back([verb, s, field](Request& r, const OptionValue& v) {
        if (const bool* b = std::get_if<bool>(&v)) field(r) = *b;
        else detail::bad_option(verb, s, "expects true or false");
      });
    } else if constexpr (std::is_floating_point_v<T>) {
      s.kind = OptionKind::kNumber;
      s.default_text = detail::format_number(d);
      setters_.push_back([verb, s, field](Request& r, const OptionValue& v) {
        field(r) = static_cast<T>(detail::number_in_range(verb, s, v));
      });
    } else if constexpr (std::is_integral_v<T>) {
      s.kind = OptionKind::kWhole;
      s.min = std::max(s.min, static_cast<double>(std::numeric_limits<T>::lowest()));
      s.max = std::min(s.max, static_cast<double>(std::numeric_limits<T>::max()));
      s.default_text = std::to_string(d);
      setters_.push_back([verb, s, field](Request& r, const OptionValue& v) {
        field(r) = static_cast<T>(detail::number_in_range(verb, s, v));
      });
    } else if constexpr (std::is_enum_v<T>) {
      s.kind = OptionKind::kChoice;
      s.choices = enum_names<T>();
      s.default_text = enum_name(d);
      setters_.push_back([verb, s, field](Request& r, const OptionValue& v) {
        const std::string name = detail::text_of(verb, s, v);
        if (!try_parse_enum(name, field(r)))
          detail::bad_option(verb, s, "'" + name + "' is not one of " + enum_choices<T>());
      });
    } else if constexpr (std::is_same_v<T, std::string>) {
      if (s.kind != OptionKind::kFile && s.kind != OptionKind::kRegionValues) s.kind = OptionKind::kText;
      s.default_text = d;
      setters_.push_back(
          [verb, s, field](Request& r, const OptionValue& v) { field(r) = detail::text_of(verb, s, v); });
    } else {
      static_assert(std::is_same_v<T, std::vector<std::string>>,
                    "an option field must be bool, a number, an enum, "
                    "a string or a vector of strings");
      if (s.kind != OptionKind::kGroupings) s.kind = OptionKind::kTexts;
      setters_.push_back(
          [verb, s, field](Request& r, const OptionValue& v) { field(r) = detail::texts_of(verb, s, v); });
    }
    if constexpr (std::is_arithmetic_v<T> && !std::is_same_v<T, bool>) {
      bounds_.push_back([verb, s, field](const Request& r) -> std::string {
        const double x = static_cast<double>(field(const_cast<Request&>(r)));
        if (std::isnan(x) || x < s.min || x > s.max) return s.flag() + ": " + detail::out_of_range(s, x);
        return {};
      });
    } else {
      bounds_.push_back([](const Request&) { return std::string(); });
    }
    options_.push_back(std::move(s));
  }

  class TypedCall final : public Call {
   public:
    explicit TypedCall(const Verb& v) : verb_(v) {}
    void set(const std::string& option, const OptionValue& value) override { verb_.set(request_, option, value); }
    void set_progress(ProgressFn p) override {
      if (verb_.progress_) request_.*(verb_.progress_) = std::move(p);
    }
    std::string validate() const override { return verb_.validate(request_); }
    std::vector<std::string> table_names() const override { return verb_.table_names(request_); }
    VerbResult run(const Analysis& a, std::ostream& summary) const override { return verb_.run(a, request_, summary); }

   private:
    const Verb& verb_;
    Request request_{};
  };

  std::vector<Setter> setters_;
  std::vector<Bound> bounds_;
  std::vector<CheckFn> checks_;
  std::vector<std::function<bool(const Request&)>> when_;
  TablesFn names_;
  RunFn run_;
  ProgressFn Request::*progress_ = nullptr;
};

}  // namespace irio

/// Ends the file analysis/verbs/<stem>.cc of a verb, at namespace scope: makes it an entry of
/// irio::verbs() (the generated list calls irio::verb_list::<stem>()).
#define IRIO_VERB(stem, declaration)               \
  namespace irio::verb_list {                      \
  const VerbBase& stem() { return declaration(); } \
  } /* NOLINT: the list's entry of this file's verb */
