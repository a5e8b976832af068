// src/cli/export_commands.cpp — `cpi export --format redcap|long|stata|spss|graphml --out DIR
// [--study ID] [--db URL]`: pseudonymised research exports written as files (app/
// research_exports.hpp decides what goes in and audits each export); and `cpi deprivation
// import FILE.csv`: loads the postcode → IMD decile lookup the exports use. The operator acts as
// the system (account id 0, system_admin), as `cpi analyse --study` does. Without --study every
// study in the database is exported (each file's name starts with study_<id>). Bad input: exit 2.
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/data_dir.hpp"
#include "cli/database_options.hpp"
#include "cli/registry.hpp"
#include "cp/app/research_exports.hpp"
#include "cp/app/service.hpp"
#include "cp/instruments/catalogue.hpp"
#include "cp/store/database.hpp"
#include "cp/store/exports.hpp"
#include "cp/study/csv_table.hpp"

namespace fs = std::filesystem;

namespace {

[[noreturn]] void bad(const std::string& message, const std::string& field) {
  throw cp::ErrorException(cp::Error::invalid("invalid_value", message, field));
}

template <class T>
T take(cp::Result<T> r) {
  if (!r) throw cp::ErrorException(r.error());
  return std::move(r).value();
}

using cp::cli::kDbHelp;
using cp::cli::open_database;
using cp::cli::operator_caller;

// Writes the files as NAME.part, then renames them all, so that a reader never sees half a
// file and a failed export leaves no files behind. Named fault point (tests): CP_FAULT=export-write
// fails after the first file is written.
void write_files(const fs::path& dir, const std::vector<cp::exports::ExportFile>& files) {
  std::vector<fs::path> written;
  try {
    for (const auto& f : files) {
      const fs::path tmp = dir / (f.name + ".part");
      written.push_back(tmp);
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      out << f.bytes;
      out.close();
      if (!out)
        throw cp::ErrorException(cp::Error{cp::ErrorKind::internal,
                                           "write_failed",
                                           fmt::format("cannot write '{}'", tmp.string()),
                                           {}});
      if (const char* fault = std::getenv("CP_FAULT");
          fault && std::string(fault) == "export-write")
        throw cp::ErrorException(cp::Error{
            cp::ErrorKind::internal, "write_failed", "injected fault in export-write", {}});
    }
  } catch (...) {
    std::error_code ec;
    for (const auto& p : written) fs::remove(p, ec);
    throw;
  }
  for (std::size_t i = 0; i < files.size(); ++i) fs::rename(written[i], dir / files[i].name);
}

struct ExportOptions {
  std::string format, out, db = cp::cli::kDefaultDb, audit_db, data_dir;
  long long study = 0;
  bool quiet = false;
};

void run_export(const ExportOptions& o) {
  if (o.format.empty())
    bad(fmt::format("give --format, one of: {}", cp::app::kExportFormats), "format");
  const auto format = cp::app::parse_export_format(o.format);
  if (!format)
    bad(fmt::format("unknown format '{}'; use one of: {}", o.format, cp::app::kExportFormats),
        "format");
  if (o.out.empty()) bad("give --out DIR, the folder for the files", "out");
  if (o.study < 0) bad("--study is a study id (a positive whole number)", "study");
  auto progress = [&](const std::string& m) {
    if (!o.quiet) std::cerr << "export: " << m << "\n";
  };
  // Item labels and value labels come from the instrument definitions; without them items are
  // labelled by id.
  std::unique_ptr<cp::instruments::Catalogue> catalogue;
  try {
    catalogue = std::make_unique<cp::instruments::Catalogue>(
        cp::cli::load_instrument_catalogue(cp::cli::data_dir(o.data_dir)));
  } catch (const cp::ErrorException& e) {
    progress(
        fmt::format("no instrument definitions ({}); items are labelled by id", e.error().message));
  }
  auto db = open_database(o.db);
  cp::app::Service service(*db);
  const auto primary = cp::cli::use_audit_database(service, o.audit_db);
  cp::app::ResearchExports exporter(service, catalogue.get());
  const auto op = operator_caller();
  std::vector<long long> studies;
  if (o.study > 0)
    studies.push_back(o.study);
  else
    studies = take(exporter.exportable_studies(op));
  if (studies.empty()) bad(fmt::format("there are no studies in {}", db->location()), "study");
  std::error_code ec;
  fs::create_directories(o.out, ec);
  if (ec) bad(fmt::format("cannot create the folder '{}': {}", o.out, ec.message()), "out");
  for (long long id : studies) {
    progress(fmt::format("study {}: building the {} export from {}", id, o.format, db->location()));
    auto r = take(exporter.run(op, id, *format));
    write_files(o.out, r.files);
    progress(fmt::format("study {}: {} consented participants, {} rows, {} files written to {}", id,
                         r.records, r.rows, r.files.size(), o.out));
  }
}

struct DeprivationOptions {
  std::string file, db = cp::cli::kDefaultDb, source;
};

void run_deprivation_import(const DeprivationOptions& o) {
  const std::string text = cp::cli::read_text_file(o.file);
  auto table = cp::study::parse_csv(text, {"postcode", "imd_decile"});
  if (!table) {
    auto e = table.error();
    e.field = fmt::format("{}: {}", o.file, e.field);
    throw cp::ErrorException(e);
  }
  std::vector<cp::app::PostcodeDecile> rows;
  for (std::size_t i = 0; i < table->rows(); ++i) {
    const std::string& d = table->columns[1][i];
    long long decile = 0;
    std::size_t used = 0;
    try {
      decile = std::stoll(d, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used == 0 || used != d.size())
      bad(fmt::format("imd_decile '{}' is not a whole number", d),
          fmt::format("{} line {}", o.file, table->line[i]));
    rows.push_back({table->columns[0][i], decile});
  }
  auto db = open_database(o.db);
  cp::app::Service service(*db);
  auto r = cp::app::ResearchExports(service).import_deprivation(
      operator_caller(), rows, o.source.empty() ? fs::path(o.file).filename().string() : o.source);
  if (!r) {
    auto e = r.error();
    // rows[i].field → the file's line
    if (e.field.rfind("rows[", 0) == 0) {
      const auto close = e.field.find(']');
      const std::size_t i = std::stoul(e.field.substr(5, close - 5));
      const std::string column =
          close + 2 <= e.field.size() ? e.field.substr(close + 2) : std::string();
      e.field = fmt::format("{} line {}, {}", o.file, i < table->line.size() ? table->line[i] : 0,
                            column);
    }
    throw cp::ErrorException(e);
  }
  fmt::print("loaded {} postcode deciles into {} ({} rows in the lookup)\n", *r, db->location(),
             db->read([](soci::session& s) { return cp::store::count_postcode_deciles(s); }));
}

void add(CLI::App& root) {
  auto o = std::make_shared<ExportOptions>();
  auto* cmd = root.add_subcommand("export",
                                  "Write a study's pseudonymised research export: only "
                                  "participants whose research consent stands; no "
                                  "names, contact details, dates of birth, postcodes, calendar "
                                  "dates, free text or database ids. Formats: "
                                  "redcap (data, data dictionary, instrument-event mapping), long "
                                  "(tidy CSV and codebook), stata (.dta), "
                                  "spss (.sav), graphml (network map snapshots as GraphML and "
                                  "Network Canvas-style CSVs). Without --study, "
                                  "every study in the database. Audited. See docs/exports.md.");
  cmd->add_option("--format", o->format, "redcap | long | stata | spss | graphml");
  cmd->add_option("--out", o->out,
                  "folder for the files (created if missing; files are named study_<id>…)");
  cmd->add_option("--study", o->study, "the study id (default: every study)");
  cmd->add_option("--db", o->db, kDbHelp);
  cmd->add_option("--audit-db", o->audit_db, cp::cli::kAuditDbHelp);
  cmd->add_option("--data-dir", o->data_dir,
                  "instrument definitions for item labels (default $CPI_DATA_DIR, else the source "
                  "tree's data/)");
  cmd->add_flag("--quiet", o->quiet, "no progress messages on stderr");
  cmd->callback([o] { run_export(*o); });

  auto d = std::make_shared<DeprivationOptions>();
  auto* dep = root.add_subcommand("deprivation",
                                  "The postcode to IMD decile lookup used by research exports");
  dep->require_subcommand(1);
  auto* imp = dep->add_subcommand("import",
                                  "Load FILE.csv (columns postcode,imd_decile; decile 1 = most "
                                  "deprived 10%) into the lookup: all rows or "
                                  "none; postcodes are stored upper case without spaces; a "
                                  "postcode already there is replaced. For "
                                  "England use the IMD 2019 decile of each postcode's LSOA from "
                                  "the ONS Postcode Directory (docs/exports.md).");
  imp->add_option("FILE", d->file, "CSV file with a header line: postcode,imd_decile")->required();
  imp->add_option("--db", d->db, kDbHelp);
  imp->add_option("--source", d->source,
                  "where the rows come from (default: the file name), kept with each row");
  imp->callback([d] { run_deprivation_import(*d); });
}

const cp::cli::Registration reg{"export", add};

}  // namespace
