// SPDX-License-Identifier: MIT
// One command per verb of the library (irio::verbs(), analysis/verb.h), made from its declaration:
// the common options (common_options.h), one CLI option per declared option (its flags, help,
// default and choices; numbers are checked by type in cli/numeric_checks.cc and by their bounds
// when set), then the one path: set the options by name, validate, refuse an existing output,
// open the table, run (the summary printed as it comes), write, enforce the identities.
#include <CLI/CLI.hpp>
#include <iostream>
#include <map>
#include <memory>

#include "cli/command.h"
#include "cli/common_options.h"
#include "cli/report.h"
#include "irio/analysis/verb.h"

namespace irio::cli {
namespace {

/// The parsed values of one verb's options, by option name (map entries stay where they are, so
/// CLI11 can write into them).
struct VerbOptions : CommonOptions {
  std::string countries;
  std::map<std::string, bool> flags;
  std::map<std::string, double> numbers;
  std::map<std::string, long long> wholes;
  std::map<std::string, std::string> texts;
  std::map<std::string, std::vector<std::string>> lists;
  std::map<std::string, CLI::Option*> declared;
};

void declare(CLI::App* sub, VerbOptions& o, const OptionSpec& s) {
  const std::string flags = s.cli_flags();
  CLI::Option* opt = nullptr;
  switch (s.kind) {
    case OptionKind::kFlag: opt = sub->add_flag(flags, o.flags[s.name], s.help); break;
    case OptionKind::kNumber:
      o.numbers[s.name] = std::stod(s.default_text);
      opt = sub->add_option(flags, o.numbers[s.name], s.help)->capture_default_str();
      break;
    case OptionKind::kWhole:
      o.wholes[s.name] = std::stoll(s.default_text);
      opt = sub->add_option(flags, o.wholes[s.name], s.help)->capture_default_str();
      break;
    case OptionKind::kChoice:
      o.texts[s.name] = s.default_text;
      opt = sub->add_option(flags, o.texts[s.name], s.help)->check(CLI::IsMember(s.choices))->capture_default_str();
      break;
    case OptionKind::kText:
    case OptionKind::kFile:
    case OptionKind::kRegionValues:
      o.texts[s.name] = s.default_text;
      opt = sub->add_option(flags, o.texts[s.name], s.help);
      if (!s.default_text.empty()) opt->capture_default_str();
      break;
    case OptionKind::kTexts:
    case OptionKind::kGroupings:
      opt = sub->add_option(flags, o.lists[s.name], s.help);
      if (s.delimiter != 0) opt->delimiter(s.delimiter);
      break;
  }
  if (s.required) opt->required();
  o.declared[s.name] = opt;
}

/// The value CLI11 parsed for option `s`, typed as the verb expects it.
OptionValue parsed(const VerbOptions& o, const OptionSpec& s) {
  switch (s.kind) {
    case OptionKind::kFlag: return o.flags.at(s.name);
    case OptionKind::kNumber: return o.numbers.at(s.name);
    case OptionKind::kWhole: return o.wholes.at(s.name);
    case OptionKind::kTexts:
    case OptionKind::kGroupings: return o.lists.at(s.name);
    default: return o.texts.at(s.name);
  }
}

void run(const VerbBase& verb, const VerbOptions& o) {
  auto call = verb.call();
  for (const auto& s : verb.options())
    if (s.cli && o.declared.at(s.name)->count() > 0) call->set(s.name, parsed(o, s));
  call->set_progress(stderr_progress(o.quiet));
  require_valid(verb.name(), call->validate());
  refuse_existing_output(o, call->table_names(), verb.shared_keys());
  const Analysis a = open_table(o, o.countries);
  const VerbResult r = call->run(a, std::cout);
  write_finished(r, o, a.table());
  for (const auto& d : r.identities) enforce_identities(d, o);
}

void add_verb_command(CLI::App& app, const VerbBase& verb) {
  auto o = std::make_shared<VerbOptions>();
  auto* sub = app.add_subcommand(verb.name(), verb.help());
  add_common_options(sub, *o, verb.output_help());
  for (const auto& s : verb.options())
    if (s.cli) declare(sub, *o, s);
  if (verb.takes_countries()) add_countries_option(sub, o->countries);
  sub->callback([o, &verb] { run(verb, *o); });
}

/// Registers one command per library verb (before main sorts the commands by name).
const bool kRegistered = [] {
  for (const VerbBase* v : verbs())
    if (!v->hand_written())
      command_registry().push_back({v->name(), [v](CLI::App& app) { add_verb_command(app, *v); }});
  return true;
}();

}  // namespace
}  // namespace irio::cli
