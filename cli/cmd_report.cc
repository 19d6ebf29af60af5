// SPDX-License-Identifier: MIT
// `irio report`: the main job as one self-contained HTML page with charts (or an Excel workbook
// with native charts). The library computes the report (analysis/report/report_data.h) and io writes it
// (io/html_report.h, io/xlsx_report.h); this file only parses options and prints where it went.
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/command.h"
#include "cli/common_options.h"
#include "cli/numeric_checks.h"
#include "cli/report.h"
#include "irio/analysis/report/report_data.h"
#include "irio/io/html_report.h"
#include "irio/io/xlsx_report.h"
#include "irio/tables/error.h"

namespace irio::cli {
namespace {

enum class ReportFormat { kAuto, kHtml, kXlsx };
inline constexpr EnumTable<ReportFormat, 3> kReportFormatNames{
    "report format", {{{ReportFormat::kAuto, "auto"}, {ReportFormat::kHtml, "html"}, {ReportFormat::kXlsx, "xlsx"}}}};
constexpr const auto& enum_table(ReportFormat) { return kReportFormatNames; }

struct Options {
  std::string table;
  std::string output = "report.html";
  std::string countries;
  std::vector<std::string> groups;
  std::string scenarios, compare;
  std::string svg_dir;
  std::string format = "auto";
  std::string table_format = enum_name(OpenOptions{}.format);
  std::string backend = enum_name(solver::ModelOptions{}.backend);
  int top = 20;
  bool force = false;
  bool quiet = false;
  bool allow_identity_failures = false;
};

/// html or xlsx: --format, else by the output's extension (.xlsx: xlsx, anything else: html).
ReportFormat output_format(const Options& o) {
  auto f = parse_enum<ReportFormat>(o.format);
  if (f != ReportFormat::kAuto) return f;
  return std::filesystem::path(o.output).extension() == ".xlsx" ? ReportFormat::kXlsx : ReportFormat::kHtml;
}

/// Exit 5 before anything is computed when the output exists (no --force) or its folder is missing.
void refuse_output(const Options& o) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(o.output, ec))
    throw OutputError("output '" + o.output + "' is a folder; give a file name such as report.html");
  if (fs::exists(o.output, ec) && !o.force)
    throw OutputError("output file '" + o.output + "' exists; use --force to replace it");
  const fs::path dir = fs::path(o.output).has_parent_path() ? fs::path(o.output).parent_path() : fs::path(".");
  if (!fs::is_directory(dir, ec))
    throw OutputError("output folder '" + dir.string() + "' does not exist (for '" + o.output + "')");
}

std::string command_line(const Options& o) {
  std::string c = "irio report " + o.table + " -o " + o.output;
  if (!o.countries.empty()) c += " --countries " + o.countries;
  for (const auto& g : o.groups) c += " --groups " + g;
  if (!o.scenarios.empty()) c += " --scenarios " + o.scenarios;
  if (!o.compare.empty()) c += " --compare " + o.compare;
  if (!o.svg_dir.empty()) c += " --svg-dir " + o.svg_dir;
  return c;
}

void run(const Options& o) {
  refuse_output(o);
  const ReportFormat format = output_format(o);
  OpenOptions opt;
  opt.model.backend = parse_enum<solver::Backend>(o.backend);
  opt.format = parse_enum<TableFormat>(o.table_format);
  opt.countries = o.countries;
  const Analysis a = open_table(o.table, opt);
  std::optional<Analysis> earlier;
  if (!o.compare.empty()) earlier.emplace(open_table(o.compare, opt));
  ReportRequest req;
  req.scenario_file = o.scenarios;
  req.compare = earlier ? &*earlier : nullptr;
  req.groups = o.groups;
  req.top_multipliers = o.top;
  req.command = command_line(o);
  req.progress = stderr_progress(o.quiet);
  const ReportData d = build_report(a, req);
  if (!this_rank_writes()) return;     // under mpirun rank 0 alone writes (main.cc)
  std::vector<std::string> svg_files;  // first: every file is checked before the first is written
  if (!o.svg_dir.empty()) svg_files = io::write_chart_svgs(d.document, o.svg_dir, o.force, {o.table});
  if (format == ReportFormat::kXlsx) io::write_xlsx_report(d.document, o.output, o.force, {o.table});
  else io::write_html_report(d.document, o.output, o.force, {o.table});
  std::size_t charts = 0;
  for (const auto& s : d.document.sections) charts += s.charts.size();
  std::cout << "wrote " << o.output << " (" << (format == ReportFormat::kXlsx ? "Excel workbook" : "HTML page") << ", "
            << d.document.sections.size() << " sections, " << charts << " charts)\n";
  if (!o.svg_dir.empty()) std::cout << "wrote " << svg_files.size() << " charts as SVG files in " << o.svg_dir << "\n";
  const auto& diag = d.results.chains.diagnostics;
  print_diagnostics(diag);
  CommonOptions rule;
  rule.allow_identity_failures = o.allow_identity_failures;
  enforce_identities(diag, rule);
}

CommandRegistrar reg("report", [](CLI::App& app) {
  auto o = std::make_shared<Options>();
  auto* sub =
      app.add_subcommand("report",
                         "One self-contained HTML page (or Excel workbook) with the balance report, participation, the "
                         "three-level decomposition, the highest multipliers and the identity checks, charted");
  sub->add_option("table", o->table, "Table: irio HDF5, or a layout irio import reads (see --table-format)")
      ->required();
  sub->add_option("-o,--output", o->output, "Report file (.html, or .xlsx)")->capture_default_str();
  add_countries_option(sub, o->countries);
  sub->add_option("--groups", o->groups,
                  "Also by groups of regions (the first one colours the bars): a grouping CSV (member,group) or "
                  "a shipped name (four_regions, north_south, eight_zones, east_data_west_computing); repeatable");
  sub->add_option("--scenarios", o->scenarios,
                  "Also a section of unified-market scenarios: a scenario CSV as for `irio scenario`");
  sub->add_option("--compare", o->compare,
                  "Also a section with the structural decomposition of the change from this earlier table "
                  "(same regions and sectors) to TABLE, and NVC / GVC participation by region in both as dumbbells");
  sub->add_option("--svg-dir", o->svg_dir,
                  "Also save each chart as its own SVG file (CHART_ID.svg) in this folder, created if missing");
  add_choice<ReportFormat>(sub, "--format", o->format, "Report format (auto: xlsx for a .xlsx output, else html)");
  add_choice<TableFormat>(sub, "--table-format", o->table_format,
                          "Table layout (auto: by extension, or by the files of a folder)");
  add_choice<solver::Backend>(sub, "--backend", o->backend, "Solver backend");
  sub->add_option("--top", o->top, "How many of the highest output multipliers to show (1 to 100000)")
      ->check(whole_in(1, 100000))
      ->capture_default_str();
  sub->add_flag("-f,--force", o->force, "Replace an existing report file");
  sub->add_flag("-q,--quiet", o->quiet, "No progress display on stderr");
  sub->add_flag("--allow-identity-failures", o->allow_identity_failures,
                "Exit 0 even when an identity check of methods.md §6.2 fails (they are still reported)");
  sub->callback([o] { run(*o); });
});

}  // namespace
}  // namespace irio::cli
