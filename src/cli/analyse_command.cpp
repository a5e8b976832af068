// src/cli/analyse_command.cpp — `cpi analyse --spec SPEC.toml [--data FILE.csv] --out DIR`, or
// `--study ID [--db DB] [--audit-db PRIMARY]` for a study in the store: reads the spec and the CSV (or builds the
// pseudonymised dataset of the study from the store, app/studies.hpp, as CSV text), runs the
// evaluation engine (cp::study::run_evaluation) and writes DIR/results.json and DIR/report.html.
// For a stored study the flow diagram's recruited, baseline and follow-up counts come from the
// store (results.json "consort" holds all of them). Only translation and file I/O happen here.
#include <chrono>
#include <cstdlib>
#include <tuple>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "cli/database_options.hpp"
#include "cli/registry.hpp"
#include "cp/app/service.hpp"
#include "cp/app/studies.hpp"
#include "cp/store/database.hpp"
#include "cp/domain/result.hpp"
#include "cp/study/analysis_dataset.hpp"
#include "cp/study/analysis_spec.hpp"
#include "cp/study/csv_table.hpp"
#include "cp/study/evaluation.hpp"
#include "cp/study/report_html.hpp"

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& p, const char* what) {
  std::ifstream in(p, std::ios::binary);
  if (!in)
    throw cp::ErrorException(cp::Error::invalid("unreadable_file",
                                                fmt::format("cannot read the {} '{}'", what, p.string()), what));
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_file(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
  if (!out)
    throw cp::ErrorException(cp::Error{cp::ErrorKind::internal, "write_failed",
                                       fmt::format("cannot write '{}'", p.string()), {}});
}

template <class T>
T take(cp::Result<T> r) {
  if (!r) throw cp::ErrorException(r.error());
  return std::move(r).value();
}

struct StudySource {
  long long id = 0;
  std::string db = cp::cli::kDefaultDb, audit_db;
};

// The study's dataset (CSV text) and its CONSORT counts, read from the store as the operator.
std::pair<std::string, nlohmann::json> study_data(const StudySource& src, const cp::study::AnalysisSpec& spec) {
  auto db = cp::cli::open_database(src.db);
  cp::app::Service service(*db);
  const auto primary = cp::cli::use_audit_database(service, src.audit_db);
  cp::app::Studies studies(service);
  const auto op = cp::cli::operator_caller();
  cp::app::DatasetOptions opt;
  for (const auto& cov : spec.data.covariates)
    if (cov == "age") opt.age = true;
  auto table = take(studies.analysis_dataset(op, src.id, opt));
  auto consort = db->read([&](soci::session& s) { return cp::app::consort_counts_json(s, src.id); });
  return {table.to_csv(), consort};
}

void run(const std::string& spec_path, const std::string& data_override, const StudySource& study,
         const std::string& out_dir, bool quiet) {
  const auto t0 = std::chrono::steady_clock::now();
  auto progress = [&](std::string_view msg) {
    if (quiet) return;
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::cerr << fmt::format("[{:7.2f} s] {}\n", s, msg);
  };
  auto spec = take(cp::study::parse_analysis_spec(read_file(spec_path, "spec")));
  fs::path data_path;
  std::string text;
  nlohmann::json consort;
  if (study.id > 0) {
    if (!data_override.empty())
      throw cp::ErrorException(cp::Error::invalid("invalid_value", "give either --data or --study, not both", "study"));
    progress(fmt::format("building the dataset of study {} from {}", study.id, study.db));
    std::tie(text, consort) = study_data(study, spec);
  } else if (!data_override.empty()) {
    data_path = data_override;
  } else {
    if (spec.data_file.empty())
      throw cp::ErrorException(cp::Error::invalid(
          "missing_field", "no data: give --data FILE.csv or [data] file in the spec", "data.file"));
    data_path = fs::path(spec.data_file);
    if (data_path.is_relative()) data_path = fs::path(spec_path).parent_path() / data_path;
  }
  if (study.id == 0) {
    progress(fmt::format("reading {}", data_path.string()));
    text = read_file(data_path, "data file");
  }
  auto table = take(cp::study::parse_csv(text, cp::study::requested_columns(spec.data)));
  auto data = take(cp::study::build_dataset(table, spec.data));
  progress(fmt::format("{} participants in {} clusters", data.rows(), data.cluster_labels.size()));
  auto out = take(cp::study::run_evaluation(spec, data, progress));
  if (study.id > 0) {  // the flow diagram from the store's counts
    const auto& waves = consort["waves"];
    for (const char* arm : {"intervention", "control"}) {
      const auto& a = consort["arms"][arm];
      auto& f = out.results["flow"][arm];
      f["recruited"] = a["recruited"];
      if (!waves.empty()) {
        f["baseline"] = a["measured"][waves.front().get<std::string>()];
        f["followed_up"] = a["measured"][waves.back().get<std::string>()];
      }
    }
    out.results["consort"] = consort;
  }
  fs::create_directories(out_dir);
  write_file(fs::path(out_dir) / "results.json", out.results.dump(2) + "\n");
  write_file(fs::path(out_dir) / "report.html", cp::study::render_report_html(out));
  progress(fmt::format("wrote {}/results.json and report.html ({} warning(s))", out_dir,
                       out.warnings.size()));
}

void add(CLI::App& root) {
  auto* cmd = root.add_subcommand(
      "analyse",
      "Run a study's outcome evaluation from a spec (TOML) and a CSV with one row per participant: "
      "paired t-tests, group x time ANOVA of change, ANCOVA with CR2 cluster-robust SEs, random-"
      "intercept mixed models, multiple imputation with Rubin's rules. Writes DIR/results.json and "
      "DIR/report.html. See docs/analysis.md.");
  auto spec = std::make_shared<std::string>();
  auto data = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  auto quiet = std::make_shared<bool>(false);
  auto study = std::make_shared<StudySource>();
  cmd->add_option("--spec", *spec, "analysis spec (TOML): [data], [[outcomes]], [analysis], [economics]")
      ->required();
  cmd->add_option("--data", *data, "CSV file; overrides [data] file of the spec");
  cmd->add_option("--out", *out, "output folder for results.json and report.html")->required();
  cmd->add_option("--study", study->id,
                  "a study in the store instead of a CSV: its pseudonymised dataset (columns "
                  "INSTRUMENT_SCORE_WAVE, see docs/analysis.md)");
  cmd->add_option("--db", study->db, std::string("database of --study. ") + cp::cli::kDbHelp);
  cmd->add_option("--audit-db", study->audit_db, cp::cli::kAuditDbHelp);
  cmd->add_flag("--quiet", *quiet, "no progress messages on stderr");
  cmd->callback([=] { run(*spec, *data, *study, *out, *quiet); });
}

const cp::cli::Registration reg{"analyse", add};

}  // namespace
