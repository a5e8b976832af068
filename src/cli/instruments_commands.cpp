// src/cli/instruments_commands.cpp — `cpi instruments list|show|export|import` and
// `cpi score <id> [FILE|-]`: load the data directory, call the pure instruments engine, print.
#include <fmt/format.h>

#include <iostream>

#include "cli/data_dir.hpp"
#include "cli/registry.hpp"
#include "cp/instruments/catalogue.hpp"
#include "cp/instruments/interop.hpp"
#include "cp/instruments/wording.hpp"

namespace cp::cli {
namespace {

namespace ins = cp::instruments;

struct InstrumentOptions {
  std::string data_dir;
  std::string id;
  bool json = false;
  std::string format = "fhir";
  std::string file;
  std::string wording;
  std::vector<std::string> table_overrides;  // ROLE=ID
  std::vector<std::string> table_files;
  std::string value_set;
  std::string price_year;
};

void add_data_dir_option(CLI::App* cmd, InstrumentOptions& o) {
  cmd->add_option("--data-dir", o.data_dir,
                  "Data directory (instruments/, value-sets/, unit-costs/, imd/); default "
                  "$CPI_DATA_DIR, else the "
                  "source tree's data/");
}

void add_wording_option(CLI::App* cmd, InstrumentOptions& o) {
  cmd->add_option("--wording", o.wording,
                  "Licensed wording file (format cp-wording/1) to merge into the definition");
}

ins::Catalogue load(InstrumentOptions& o) {
  auto c = load_instrument_catalogue(data_dir(o.data_dir));
  for (const auto& f : o.table_files)
    if (auto r = c.add_table(load_table_file(f)); !r) throw ErrorException(r.error());
  return c;
}

ins::Definition definition_of(const ins::Catalogue& c, InstrumentOptions& o) {
  const ins::Definition* d = c.find(o.id);
  if (!d) {
    std::string ids;
    for (auto* x : c.definitions()) ids += (ids.empty() ? "" : ", ") + x->id;
    throw ErrorException(
        Error::not_found(fmt::format("no instrument '{}' (known: {})", o.id, ids), "id"));
  }
  if (o.wording.empty()) return *d;
  auto merged = ins::merge_wording(*d, read_text_file(o.wording));
  if (!merged) {
    auto e = merged.error();
    e.field = fmt::format("{}: {}", o.wording, e.field);
    throw ErrorException(e);
  }
  return std::move(*merged);
}

void run_list(InstrumentOptions& o) {
  auto c = load(o);
  if (o.json) {
    nlohmann::json out = nlohmann::json::array();
    for (auto* d : c.definitions())
      out.push_back({{"id", d->id},
                     {"version", d->version},
                     {"title", d->title},
                     {"provisional", d->provisional},
                     {"items", d->items.size()},
                     {"method", d->scoring.method},
                     {"tables_not_loaded", c.unresolved_tables(*d)}});
    std::cout << out.dump(2) << "\n";
    return;
  }
  for (auto* d : c.definitions()) {
    std::cout << fmt::format("{:<13} {:<14} {:>3} items  {}{}\n", d->id, d->version,
                             d->items.size(), d->title, d->provisional ? "  [provisional]" : "");
    for (const auto& t : c.unresolved_tables(*d))
      std::cout << fmt::format("{:<13} table not loaded: {}\n", "", t);
  }
}

void run_show(InstrumentOptions& o) {
  auto c = load(o);
  auto d = definition_of(c, o);
  if (o.json) {
    std::cout << ins::to_json(d, ins::ItemOrder::scored_first).dump(2) << "\n";
    return;
  }
  std::cout << fmt::format(
      "{} (version {}){}\n{}\n", d.title, d.version, d.provisional ? " — PROVISIONAL" : "",
      d.wording_loaded ? d.wording_note : "Licensed wording is not loaded: topics shown.");
  if (d.provisional) std::cout << "Not yet published to us: " << d.provisional_note << "\n";
  std::cout << fmt::format("Scoring: {}. {}\nMissing items: {}{}\n", d.scoring.method,
                           d.scoring.note, d.missing_rule.note,
                           d.missing_rule.verified ? "" : " (rule unverified)");
  for (const auto& it : d.items) {
    std::cout << fmt::format("  {:<22} {:<8} {}{}\n", it.id, ins::to_string(it.type),
                             it.wording.empty() ? it.topic : it.wording,
                             it.scored ? "" : "  (not scored)");
  }
  std::cout << "Licence: " << d.licence << "\n";
}

void run_export(InstrumentOptions& o) {
  auto c = load(o);
  auto d = definition_of(c, o);
  if (o.format == "fhir")
    std::cout << ins::to_fhir_questionnaire(d) << "\n";
  else if (o.format == "redcap")
    std::cout << ins::to_redcap_dictionary(d);
  else if (o.format == "json")
    std::cout << ins::to_json(d).dump(2) << "\n";
  else
    throw ErrorException(
        Error::invalid("bad_format", "--format must be fhir, redcap or json", "--format"));
}

void run_import(InstrumentOptions& o) {
  std::string text = read_file_or_stdin(o.file);
  auto first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  bool json_like = first != std::string::npos && text[first] == '{';
  auto d = json_like ? ins::from_fhir_questionnaire(text) : ins::from_redcap_dictionary(text);
  if (!d) {
    auto e = d.error();
    e.field = fmt::format("{}: {}", o.file, e.field);
    throw ErrorException(e);
  }
  std::cout << ins::to_json(*d).dump(2) << "\n";
}

void run_score(InstrumentOptions& o) {
  auto c = load(o);
  auto d = definition_of(c, o);
  std::string text = read_file_or_stdin(o.file);
  auto answers = nlohmann::json::parse(text, nullptr, false);
  if (answers.is_discarded())
    throw ErrorException(Error::invalid("bad_json", "the answers are not valid JSON",
                                        o.file.empty() ? "-" : o.file));
  auto r = ins::parse_responses(d, answers);
  if (!r) throw ErrorException(r.error());
  ins::ScoringOptions opts;
  opts.price_year = o.price_year;
  if (!o.value_set.empty()) opts.tables["utility"] = o.value_set;
  for (const auto& kv : o.table_overrides) {
    auto eq = kv.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == kv.size())
      throw ErrorException(Error::invalid(
          "bad_option", fmt::format("--table '{}' must be ROLE=TABLE_ID", kv), "--table"));
    opts.tables[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  for (const auto& [role, id] : opts.tables)
    if (!c.tables().count(id))
      throw ErrorException(
          Error::not_found(fmt::format("table '{}' (for {}) is not loaded", id, role), "--table"));
  auto report = ins::score(d, *r, c.tables(), opts);
  // Same content as ins::to_json(report), keys in the order the issue names them.
  nlohmann::json all = ins::to_json(report);
  nlohmann::ordered_json out;
  for (const char* k :
       {"instrument", "version", "scores", "missing", "provisional", "complete", "derivations"})
    out[k] = all[k];
  std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

void add_commands(CLI::App& root) {
  auto o = std::make_shared<InstrumentOptions>();

  auto* instruments = root.add_subcommand(
      "instruments",
      "Outcome and fidelity instruments: list, show, export and import definitions (issue 3)");
  instruments->require_subcommand(1);

  auto* list =
      instruments->add_subcommand("list", "List the instrument definitions in the data directory");
  add_data_dir_option(list, *o);
  list->add_flag("--json", o->json, "Print JSON instead of a table");
  list->callback([o] { run_list(*o); });

  auto* show = instruments->add_subcommand("show",
                                           "Show one definition (with --json: the definition, "
                                           "scored items first in questionnaire order)");
  show->add_option("id", o->id, "Instrument id, e.g. eq5d-5l")->required();
  show->add_flag("--json", o->json, "Print the definition as JSON (format cp-instrument/1)");
  add_data_dir_option(show, *o);
  add_wording_option(show, *o);
  show->callback([o] { run_show(*o); });

  auto* exp = instruments->add_subcommand(
      "export",
      "Export a definition as a FHIR R4 Questionnaire (JSON) or a REDCap data dictionary (CSV)");
  exp->add_option("id", o->id, "Instrument id")->required();
  exp->add_option("--format", o->format, "fhir (default), redcap or json")
      ->check(CLI::IsMember({"fhir", "redcap", "json"}));
  add_data_dir_option(exp, *o);
  add_wording_option(exp, *o);
  exp->callback([o] { run_export(*o); });

  auto* imp = instruments->add_subcommand("import",
                                          "Import a FHIR R4 Questionnaire (JSON) or a REDCap data "
                                          "dictionary (CSV) and print it as a definition");
  imp->add_option("file", o->file, "File to import, or - for standard input")->required();
  imp->callback([o] { run_import(*o); });

  auto* score =
      root.add_subcommand("score",
                          "Score answers to an instrument: reads a JSON object {item id: coded "
                          "answer} from FILE or standard input "
                          "and prints {\"instrument\",\"version\",\"scores\",\"missing\",…}");
  score->add_option("id", o->id, "Instrument id, e.g. swemwbs")->required();
  score->add_option("file", o->file,
                    "Answers file (JSON object), or - for standard input (default)");
  add_data_dir_option(score, *o);
  add_wording_option(score, *o);
  score->add_option(
      "--value-set", o->value_set,
      "Table id for `utility` instead of the definition's (e.g. eq5d-5l-uk-rowen2026)");
  score->add_option(
      "--table", o->table_overrides,
      "Use another loaded table for a role: ROLE=TABLE_ID (e.g. imd_lookup=imd2019-example)");
  score->add_option("--table-file", o->table_files,
                    "Load an extra table file (cp-table/1 JSON or lookup CSV) before scoring");
  score->add_option("--price-year", o->price_year,
                    "CSRI: inflate costs to this price year (a key of the price index)");
  score->callback([o] { run_score(*o); });
}

const Registration reg{"instruments", add_commands};

}  // namespace
}  // namespace cp::cli
