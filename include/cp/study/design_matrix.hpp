// include/cp/study/design_matrix.hpp — model matrices from the analysis dataset, with R's
// treatment contrasts and term names: (Intercept), arm<intervention>, numeric terms, then the
// covariates (numeric as is; categorical as <name><level> dummies against the reference level).
// Rows are the complete cases of the response and every term used.
#pragma once

#include <string>
#include <vector>

#include <Eigen/Dense>

#include "cp/domain/result.hpp"
#include "cp/study/analysis_dataset.hpp"

namespace cp::study {

struct NumericTerm {
  std::string name;
  const std::vector<double>* values = nullptr;  // one per dataset row; NaN = missing
};

struct DesignRequest {
  const std::vector<double>* response = nullptr;  // one per dataset row; NaN = missing
  bool arm = true;                                // include the arm dummy
  std::vector<NumericTerm> numeric;               // after the arm (e.g. the baseline score)
  bool covariates = true;                         // include the spec's covariates
  const std::vector<char>* keep = nullptr;        // optional row filter (1 = may be used)
};

struct Design {
  Eigen::MatrixXd X;
  Eigen::VectorXd y;
  std::vector<std::string> names;
  std::vector<int> rows;     // dataset row of each design row
  std::vector<int> cluster;  // cluster of each design row, renumbered 0..n_clusters−1
  int n_clusters = 0;
  int arm_column = -1;       // column of the arm dummy, −1 if none
  std::vector<std::string> notes;  // e.g. categorical levels absent from these rows (dropped)
};

// Errors: invalid_input when `response` is null or lengths disagree; infeasible when no row
// is complete ("no_complete_cases").
cp::Result<Design> build_design(const AnalysisDataset& data, const DesignRequest& request);

// The R-style name of the arm term, "arm" + intervention label (e.g. "armintervention").
std::string arm_term_name(const AnalysisDataset& data);

}  // namespace cp::study
