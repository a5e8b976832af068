// src/cli/analyse_command.cpp — `cpi analyse --spec SPEC.toml [--data FILE.csv] --out DIR`:
// reads the spec and the CSV, runs the evaluation engine (cp::study::run_evaluation) and writes
// DIR/results.json and DIR/report.html. Only translation and file I/O happen here.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "cli/registry.hpp"
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

void run(const std::string& spec_path, const std::string& data_override, const std::string& out_dir,
         bool quiet) {
  const auto t0 = std::chrono::steady_clock::now();
  auto progress = [&](std::string_view msg) {
    if (quiet) return;
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::cerr << fmt::format("[{:7.2f} s] {}\n", s, msg);
  };
  auto spec = take(cp::study::parse_analysis_spec(read_file(spec_path, "spec")));
  fs::path data_path;
  if (!data_override.empty()) {
    data_path = data_override;
  } else {
    if (spec.data_file.empty())
      throw cp::ErrorException(cp::Error::invalid(
          "missing_field", "no data: give --data FILE.csv or [data] file in the spec", "data.file"));
    data_path = fs::path(spec.data_file);
    if (data_path.is_relative()) data_path = fs::path(spec_path).parent_path() / data_path;
  }
  progress(fmt::format("reading {}", data_path.string()));
  const std::string text = read_file(data_path, "data file");
  auto table = take(cp::study::parse_csv(text, cp::study::requested_columns(spec.data)));
  auto data = take(cp::study::build_dataset(table, spec.data));
  progress(fmt::format("{} participants in {} clusters", data.rows(), data.cluster_labels.size()));
  auto out = take(cp::study::run_evaluation(spec, data, progress));
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
  cmd->add_option("--spec", *spec, "analysis spec (TOML): [data], [[outcomes]], [analysis], [economics]")
      ->required();
  cmd->add_option("--data", *data, "CSV file; overrides [data] file of the spec");
  cmd->add_option("--out", *out, "output folder for results.json and report.html")->required();
  cmd->add_flag("--quiet", *quiet, "no progress messages on stderr");
  cmd->callback([=] { run(*spec, *data, *out, *quiet); });
}

const cp::cli::Registration reg{"analyse", add};

}  // namespace
