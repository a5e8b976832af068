// src/cli/psychometrics_commands.cpp — `cpi psychometrics alpha|icc|kappa|correlate FILE.csv`
// (issue 5, item 6). Reads a numeric CSV (header row of names; empty field or NA = missing),
// calls cp::stats, prints JSON. The CSV reader here reports the line and column of bad input.
#include <fmt/format.h>

#include <charconv>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/registry.hpp"
#include "cp/stats/psychometrics.hpp"

namespace cp::cli {
namespace {

constexpr std::size_t kMaxCsvBytes = 256u << 20;

[[noreturn]] void fail(std::string code, std::string message, std::string field) {
  throw ErrorException(Error::invalid(std::move(code), std::move(message), std::move(field)));
}

// Splits one CSV line (RFC 4180 quotes allowed; no newlines inside quotes).
std::vector<std::string> split_csv_line(std::string_view line, const std::string& where) {
  std::vector<std::string> out;
  std::string cell;
  bool quoted = false, was_quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"' && cell.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else if (c == ',') {
      out.push_back(std::move(cell));
      cell.clear();
      was_quoted = false;
    } else {
      cell += c;
    }
  }
  if (quoted) fail("bad_csv", "a quoted field is not closed", where);
  out.push_back(std::move(cell));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Reads FILE.csv into a DataMatrix. Errors name "FILE, line N, column NAME".
stats::DataMatrix read_numeric_csv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail("cannot_open", "cannot open the file", path);
  std::ostringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  if (text.size() > kMaxCsvBytes) fail("too_large", "the file is larger than 256 MB", path);
  stats::DataMatrix d;
  std::size_t pos = 0;
  int line_no = 0;
  bool header = true;
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) pos = 3;
  while (pos < text.size()) {
    auto end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line).empty()) continue;
    const auto where = fmt::format("{}, line {}", path, line_no);
    auto cells = split_csv_line(line, where);
    if (header) {
      for (std::size_t j = 0; j < cells.size(); ++j) {
        auto name = std::string(trim(cells[j]));
        if (name.empty()) name = fmt::format("V{}", j + 1);
        d.columns.push_back(name);
      }
      header = false;
      continue;
    }
    if (cells.size() != d.columns.size())
      fail("ragged_row",
           fmt::format("the row has {} fields but the header has {}", cells.size(),
                       d.columns.size()),
           where);
    std::vector<std::optional<double>> row;
    row.reserve(cells.size());
    for (std::size_t j = 0; j < cells.size(); ++j) {
      auto cell = trim(cells[j]);
      if (cell.empty() || cell == "NA") {
        row.emplace_back();
        continue;
      }
      double v = 0;
      auto [p, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), v);
      if (ec != std::errc() || p != cell.data() + cell.size() || !std::isfinite(v))
        fail("not_a_number", fmt::format("'{}' is not a number", cell),
             fmt::format("{}, column {}", where, d.columns[j]));
      row.emplace_back(v);
    }
    d.rows.push_back(std::move(row));
  }
  if (header) fail("empty_file", "the file has no header row", path);
  return d;
}

template <class T>
T or_throw(Result<T> r, const std::string& path) {
  if (!r) {
    auto e = r.error();
    e.field = e.field.empty() ? path : fmt::format("{}: {}", path, e.field);
    throw ErrorException(std::move(e));
  }
  return std::move(r).value();
}

void print(const nlohmann::json& j) {
  std::cout << j.dump(2) << "\n";
}

void add_psychometrics(CLI::App& root) {
  auto* ps = root.add_subcommand(
      "psychometrics",
      "Reliability and agreement for researchers: Cronbach's alpha, intraclass correlations, "
      "Cohen's kappa, worker vs service-user correlation (as R's psych package computes them)");
  ps->require_subcommand(1);
  const std::string csv_help = "CSV file: header row of names, one row per ";

  auto* alpha = ps->add_subcommand(
      "alpha",
      "Cronbach's alpha (psych::alpha): raw alpha, std_alpha, per item r_drop and "
      "alpha_if_deleted, Feldt interval and a seeded percentile bootstrap interval. Rows with a "
      "missing value are dropped (listwise)");
  auto a_file = std::make_shared<std::string>();
  auto a_opts = std::make_shared<stats::AlphaOptions>();
  alpha->add_option("FILE", *a_file, csv_help + "respondent, one column per item")
      ->required()
      ->type_name("FILE.csv");
  alpha
      ->add_option("--replicates", a_opts->bootstrap_replicates,
                   "Bootstrap replicates (0 = none; else 10..1000000)")
      ->capture_default_str();
  alpha->add_option("--seed", a_opts->seed, "Seed of the bootstrap (mt19937_64)")
      ->capture_default_str();
  alpha->add_option("--level", a_opts->ci_level, "Confidence level of the intervals")
      ->capture_default_str();
  alpha->callback([a_file, a_opts] {
    auto d = read_numeric_csv(*a_file);
    print(stats::to_json(or_throw(stats::cronbach_alpha(d, *a_opts), *a_file)));
  });

  auto* icc = ps->add_subcommand(
      "icc",
      "The six Shrout-Fleiss intraclass correlations ICC1, ICC2, ICC3, ICC1k, ICC2k, ICC3k with "
      "F, df1, df2, p and confidence bounds (psych::ICC, ANOVA). Rows with a missing rating are "
      "dropped (listwise)");
  auto i_file = std::make_shared<std::string>();
  auto i_level = std::make_shared<double>(0.95);
  icc->add_option("FILE", *i_file, csv_help + "subject, one column per rater")
      ->required()
      ->type_name("FILE.csv");
  icc->add_option("--level", *i_level, "Confidence level of the bounds")->capture_default_str();
  icc->callback([i_file, i_level] {
    auto d = read_numeric_csv(*i_file);
    print(stats::to_json(or_throw(stats::intraclass_correlations(d, 1.0 - *i_level), *i_file)));
  });

  auto* kappa = ps->add_subcommand(
      "kappa",
      "Cohen's kappa of two raters (psych::cohen.kappa) with its confidence interval; weights "
      "none, linear or quadratic. Rows with a missing rating are dropped");
  auto k_file = std::make_shared<std::string>();
  auto k_weights = std::make_shared<std::string>("none");
  auto k_level = std::make_shared<double>(0.95);
  kappa->add_option("FILE", *k_file, csv_help + "rated case, two columns (the two raters)")
      ->required()
      ->type_name("FILE.csv");
  kappa->add_option("--weights", *k_weights, "Disagreement weights")
      ->check(CLI::IsMember({"none", "linear", "quadratic"}))
      ->capture_default_str();
  kappa->add_option("--level", *k_level, "Confidence level of the interval")->capture_default_str();
  kappa->callback([k_file, k_weights, k_level] {
    auto d = read_numeric_csv(*k_file);
    auto w = *k_weights == "linear"      ? stats::KappaWeights::linear
             : *k_weights == "quadratic" ? stats::KappaWeights::quadratic
                                         : stats::KappaWeights::none;
    print(stats::to_json(or_throw(stats::cohen_kappa(d, w, 1.0 - *k_level), *k_file)));
  });

  auto* cor = ps->add_subcommand(
      "correlate",
      "Correlation of the worker and service-user versions of a scale: Pearson r, n, t test and "
      "Fisher-z interval, over rows with both values");
  auto c_file = std::make_shared<std::string>();
  auto c_level = std::make_shared<double>(0.95);
  cor->add_option("FILE", *c_file, csv_help + "person, two columns (worker, service-user scores)")
      ->required()
      ->type_name("FILE.csv");
  cor->add_option("--level", *c_level, "Confidence level of the interval")->capture_default_str();
  cor->callback([c_file, c_level] {
    auto d = read_numeric_csv(*c_file);
    print(stats::to_json(or_throw(stats::version_correlation(d, *c_level), *c_file)));
  });
}

const Registration reg{"psychometrics", add_psychometrics};

}  // namespace
}  // namespace cp::cli
