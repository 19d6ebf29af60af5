// SPDX-License-Identifier: MIT
// Nesting a provincial table into a world table through the library (methods.md §5.6).
#include "irio/analysis/nest.h"

#include <filesystem>

#include "irio/analysis/analysis.h"
#include "irio/io/nest_inputs.h"
#include "irio/io/table_store.h"
#include "irio/tables/aggregation.h"
#include "irio/tables/error.h"
#include "irio/tables/grouping.h"

namespace irio {
namespace {

void say(const NestRequest& r, const std::string& s) {
  if (r.on_report) r.on_report(s);
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::string NestRequest::validate() const {
  if (provinces.empty()) return "no provincial table";
  if (world.empty()) return "no world table (--into)";
  if (country.empty()) return "no country (--country)";
  if (output.empty()) return "no output (-o)";
  if (!ends_with(output, ".h5") && !ends_with(output, ".hdf5"))
    return "the output '" + output + "' must be an .h5 file";
  if (!key_file.empty() && key != tables::ExportKey::kFile && key != tables::ExportKey::kExports)
    return "--key-file was given together with --key " + std::string(enum_name(key)) +
           ": drop --key (a key file implies --key file) or drop --key-file";
  if (key == tables::ExportKey::kFile && key_file.empty()) return "--key file needs --key-file";
  return ras.validate();
}

std::string NestRequest::checks_path() const {
  const std::filesystem::path p(output);
  return (p.parent_path() / (p.stem().string() + "_checks.csv")).string();
}

NestJobResult nest(const NestRequest& r) {
  require_valid("nest", r.validate());
  io::WriteOptions wo;
  wo.overwrite = r.overwrite;
  wo.inputs = {r.provinces, r.world};
  if (!r.overwrite && std::filesystem::exists(r.output))
    throw OutputError(r.output + ": the output exists (use --force to replace it)");
  io::check_results_writable(r.checks_path(), {"nest_checks"}, false, wo);
  for (const auto& in : wo.inputs) {
    std::error_code ec;
    if (std::filesystem::equivalent(in, r.output, ec))
      throw OutputError(r.output + ": the output would replace the input");
  }

  const tables::IoTable P = read_any_table(r.provinces);
  const tables::IoTable W = read_any_table(r.world);
  say(r, "read " + r.provinces + ": " + std::to_string(P.labels.num_regions()) + " regions x " +
             std::to_string(P.labels.num_sectors()) + " sectors; " + r.world + ": " +
             std::to_string(W.labels.num_regions()) + " regions x " + std::to_string(W.labels.num_sectors()) +
             " sectors");
  tables::SectorConcordance conc;
  if (!r.concordance.empty()) {
    conc = io::read_sector_concordance(r.concordance);
  } else {
    if (P.labels.sectors != W.labels.sectors)
      throw InputError(r.provinces + ": its sectors differ from those of " + r.world +
                       ": give a sector concordance (--concordance provincial,world[,weight])");
    conc.source = "(same sectors)";
    for (const auto& s : P.labels.sectors) conc.links.push_back({s, s, 1.0, 0});
  }
  tables::NestOptions opt;
  opt.country = r.country;
  opt.export_key = r.key_file.empty() ? r.key : tables::ExportKey::kFile;
  if (!r.key_file.empty()) {
    opt.key_weights = io::read_allocation_weights(r.key_file);
    opt.key_source = r.key_file;
  }
  opt.ras = r.ras;
  opt.provinces_source = r.provinces;
  opt.world_source = r.world;

  NestJobResult out;
  out.nest = tables::nest_table(P, W, conc, opt);
  say(r, "nested " + std::to_string(out.nest.provinces.size()) + " provinces in place of " + r.country + ": " +
             std::to_string(out.nest.table.labels.num_regions()) + " regions x " +
             std::to_string(out.nest.table.labels.num_sectors()) + " sectors");
  say(r, out.nest.ras.report());
  for (const auto& n : out.nest.notes) say(r, "note: " + n);

  // Step 5, third check: the §6.2 identities on the table aggregated back to one country.
  out.checks = tables::TidyTable("nest_checks", {"identity", "scope", "tolerance", "pass"}, "residual");
  out.checks.append(out.nest.checks.table());
  std::size_t failures = out.nest.checks.failures();
  const auto& labels = out.nest.table.labels;
  {
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const auto& reg : labels.regions) {
      const bool prov = tables::Labels::find(out.nest.provinces, reg) >= 0;
      pairs.emplace_back(reg, prov ? r.country : reg);
    }
    out.aggregated =
        tables::aggregate(out.nest.table, tables::Grouping::from_pairs("back", pairs, r.output), tables::Grouping());
  }
  {
    // How far the aggregated table is from the world table (only the country's domestic block and
    // value added may differ, when the provincial table disagrees with the world table).
    const tables::Matrix za = tables::Matrix(out.aggregated.Z), zw = tables::Matrix(W.Z);
    if (za.rows() == zw.rows()) {
      const double scale = std::max(1.0, zw.cwiseAbs().maxCoeff());
      out.checks.add_row({"aggregated back: largest |Z - Z of the world table| / max |Z|", "all blocks", "NA", "info"},
                         (za - zw).cwiseAbs().maxCoeff() / scale);
    }
  }
  if (r.identities) {
    Analysis a(out.aggregated, OpenOptions{}, r.output + " aggregated back");
    const auto& bal = a.validate();
    const bool ok = bal.status != tables::Severity::kError;
    out.checks.add_row({"1: row and column balance (balance check)", "aggregated back", "NA", ok ? "true" : "false"},
                       std::max(bal.max_row_rel, bal.max_col_rel));
    if (!ok) ++failures;
    if (ok) {
      const auto ch = a.chains(ChainRequest{});
      const auto& d = ch.decomposition.diagnostics;
      for (std::size_t i = 0; i < d.num_rows(); ++i) {
        const bool pass = d.key(3, i) == "true";
        if (!pass) ++failures;
        out.checks.add_row({d.key(0, i), "aggregated back: " + d.key(1, i), d.key(2, i), d.key(3, i)}, d.value(i));
      }
    }
  }
  out.failures = failures;

  io::write_table(out.nest.table, r.output, wo);
  out.files.push_back(r.output);
  io::WriteOptions co = wo;
  co.meta.command = "nest";
  co.meta.table_path = r.output;
  co.meta.table_name = out.nest.table.meta.name;
  co.meta.year = out.nest.table.meta.year;
  co.meta.unit = out.nest.table.meta.unit;
  for (const auto& f : io::write_results({out.checks}, r.checks_path(), "nest", co)) out.files.push_back(f);
  return out;
}

}  // namespace irio
