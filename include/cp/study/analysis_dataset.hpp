// include/cp/study/analysis_dataset.hpp — the analysis dataset: one row per participant with
// id, cluster, arm, baseline and follow-up scores per outcome, and covariates. A plain value
// type, built here from a parsed CSV (a store-backed builder can fill the same struct).
//
// Conventions (documented in docs/analysis.md): missing = empty field or NA; a covariate whose
// observed cells are all numbers is numeric, otherwise categorical with levels sorted by byte
// order (R's factor() in the C locale), the first level (or the one named in
// [data.reference]) being the reference; the arm is 1 for every value other than `control`.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "cp/domain/result.hpp"
#include "cp/study/csv_table.hpp"

namespace cp::study {

struct Covariate {
  std::string name;
  bool categorical = false;
  std::vector<double> values;       // numeric value, or level index for categorical; NaN = missing
  std::vector<std::string> levels;  // categorical: levels, reference first
};

struct OutcomeData {
  std::string name, baseline_column, followup_column;
  std::vector<double> baseline, followup;  // NaN = missing
};

struct AnalysisDataset {
  std::vector<std::string> id;
  std::vector<int> cluster;                 // 0..G−1, in sorted label order
  std::vector<std::string> cluster_labels;  // label of each cluster id
  std::vector<int> arm;                     // 1 = intervention, 0 = control
  std::string control_label, intervention_label;
  std::vector<Covariate> covariates;
  std::vector<OutcomeData> outcomes;
  std::map<std::string, std::vector<double>> extra;  // other numeric columns (dose, auxiliary, economics)
  std::vector<std::string> warnings;                 // documented data warnings
  std::size_t rows() const { return id.size(); }
};

struct OutcomeColumns {
  std::string name, baseline, followup;
};

// What to read: column names from the spec's [data] table and [[outcomes]].
struct DatasetRequest {
  std::string id = "id", cluster, arm = "arm", control = "control";
  std::vector<std::string> covariates;
  std::map<std::string, std::string> reference;  // covariate -> reference level
  std::vector<OutcomeColumns> outcomes;
  std::vector<std::string> extra_numeric;  // further numeric columns to carry
};

// The column names `request` needs, without duplicates (pass to parse_csv as `keep`).
std::vector<std::string> requested_columns(const DatasetRequest& request);

// Builds the dataset. Errors (invalid_input; field = "row R (line L), column C" or the column):
// a missing id/cluster/arm cell, a duplicate id, a non-numeric cell in an outcome or numeric
// column, an arm with nobody (control or intervention), more than one non-control arm value,
// an unknown reference level. Warnings (dataset.warnings): clusters with one person, covariates
// with missing values, outcomes with no observed follow-up.
cp::Result<AnalysisDataset> build_dataset(const CsvTable& table, const DatasetRequest& request);

// Parses a number (decimal or exponent form, surrounding spaces allowed); false if not a number.
bool parse_number(std::string_view cell, double& out);

}  // namespace cp::study
