// SPDX-License-Identifier: MIT
// `irio extract`: hypothetical extraction of sectors or of inter-regional blocks (methods.md §2.6).
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/common_options.h"
#include "irio/tables/error.h"

namespace irio::cli {
namespace {

const ExtractionRequest kDefaults{};

struct Options : CommonOptions {
  std::string block, variant = enum_name(kDefaults.variant), method = enum_name(kDefaults.options.method);
  std::vector<std::string> sectors;
  bool no_keep_diagonal = false;
};

void run(const Options& o) {
  if (o.sectors.empty() == o.block.empty())
    throw InputError("give either --sectors or --block (" + enum_choices<ExtractionBlock>() + ")");
  ExtractionRequest req;
  req.sectors = o.sectors;
  req.block_extraction = !o.block.empty();
  if (req.block_extraction) req.block = parse_enum<ExtractionBlock>(o.block);
  req.variant = parse_enum<ExtractionVariant>(o.variant);
  req.options.method = parse_enum<solver::ExtractionMethod>(o.method);
  req.options.keep_diagonal = !o.no_keep_diagonal;
  refuse_existing_output(o, req.table_names());
  const Analysis a = open_table(o);
  const auto r = a.extraction(req);
  std::cout << a.model().summary().brief_report() << "\n";
  for (const auto& e : r.extractions) {
    char buf[240];
    std::snprintf(buf, sizeof buf,
                  "%-15s (%s, rank %lld): output loss %.6g of %.6g (%.2f%%), value-added loss %.6g\n",
                  solver::to_string(e.kind), e.method.c_str(), static_cast<long long>(e.rank), e.output_loss,
                  e.x_base.sum(), 100.0 * e.output_loss / e.x_base.sum(), e.va_loss);
    std::cout << buf;
  }
  write_and_report(r.tables, o, "extract", a.table());
}

CommandRegistrar reg("extract", [](CLI::App& app) {
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand("extract", "Hypothetical extraction of sectors or inter-regional blocks");
  add_common_options(sub, *o);
  sub->add_option("--sectors", o->sectors, "REGION/SECTOR or SECTOR (all regions); several allowed")
      ->delimiter(',');
  add_choice<ExtractionBlock>(sub, "--block", o->block,
                              "All inter-regional blocks A^rs (r != s), or only those within a country (A_N)");
  add_choice<ExtractionVariant>(sub, "--variant", o->variant, "Sector extractions");
  sub->add_flag("--no-keep-diagonal", o->no_keep_diagonal, "Partial extractions also zero the diagonal");
  add_choice<solver::ExtractionMethod>(sub, "--method", o->method, "Woodbury update or refactorization");
  sub->callback([o] { run(*o); });
});

}  // namespace
}  // namespace irio::cli
