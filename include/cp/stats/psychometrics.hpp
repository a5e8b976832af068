// include/cp/stats/psychometrics.hpp — psychometrics for researchers (issue 5, item 6):
// Cronbach's alpha as psych::alpha, the six Shrout–Fleiss ICCs as psych::ICC, Cohen's kappa as
// psych::cohen.kappa, and the Pearson correlation of the worker and service-user versions of a
// scale with a Fisher-z interval.
//
// Pure functions: a DataMatrix in, a Result out; no I/O; randomness only from the seed given.
// Missing values are std::nullopt. Each function says how it treats them (listwise deletion
// for alpha, ICC and kappa; pairwise complete cases for the correlation). Values that are
// undefined on the data are std::nullopt, never NaN.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cp/domain/result.hpp"

namespace cp::stats {

// A rectangular table of numbers: rows = respondents/subjects, columns = items/raters.
struct DataMatrix {
  std::vector<std::string> columns;
  std::vector<std::vector<std::optional<double>>> rows;  // each row has columns.size() cells
};

// Rows with no missing cell, and how many were dropped (listwise deletion).
struct CompleteRows {
  std::vector<std::vector<double>> rows;
  int dropped = 0;
};
// Precondition: every row has data.columns.size() cells (checked: error names the row).
Result<CompleteRows> listwise_complete(const DataMatrix& data, const char* function);

// ---- Cronbach's alpha (psych::alpha) ------------------------------------------------------

struct AlphaOptions {
  int bootstrap_replicates = 1000;  // 0 = no bootstrap; otherwise >= 10 and <= 1,000,000
  std::uint64_t seed = 20240601;    // seeds std::mt19937_64: same seed, same interval
  double ci_level = 0.95;           // for the bootstrap and Feldt intervals; in (0, 1)
};

struct AlphaItem {
  std::string name;
  double r_drop = 0;                       // corrected item–total correlation (psych r.drop)
  std::optional<double> alpha_if_deleted;  // raw alpha of the other items; null when k = 2
  std::optional<double> std_alpha_if_deleted;
  double mean = 0;
  double sd = 0;
};

struct AlphaResult {
  double alpha = 0;      // raw alpha: k/(k−1) (1 − tr C / ΣC)   (psych raw_alpha)
  double std_alpha = 0;  // standardised: k/(k−1) (1 − k / ΣR)   (psych std.alpha)
  double average_r = 0;  // mean inter-item correlation          (psych average_r)
  double ase = 0;        // asymptotic standard error of alpha  (psych ase, Duhachek)
  double feldt_low = 0, feldt_high = 0;  // Feldt F-based interval for alpha
  int n = 0;                             // respondents used (complete rows)
  int n_dropped = 0;                     // rows dropped for a missing value
  std::vector<AlphaItem> items;
  // Bootstrap: percentile interval (R's quantile type 7) of raw alpha over replicates that
  // resample respondents with replacement. Replicates where some item has no variance are
  // skipped and counted out of bootstrap_valid.
  int bootstrap_replicates = 0;
  int bootstrap_valid = 0;
  std::uint64_t bootstrap_seed = 0;
  std::optional<double> bootstrap_low, bootstrap_high;
};

// Needs >= 2 items, >= 3 complete rows, every item with variance > 0 (an error names the item).
Result<AlphaResult> cronbach_alpha(const DataMatrix& data, const AlphaOptions& options = {});

// ---- Intraclass correlations (psych::ICC, ANOVA estimates) --------------------------------

struct IccValue {
  double value = 0;
  double F = 0;
  double df1 = 0, df2 = 0;
  double p = 0;                           // upper tail of F(df1, df2)
  std::optional<double> ci_low, ci_high;  // null when psych's formula is not finite here
};

struct IccResult {
  IccValue icc1, icc2, icc3, icc1k, icc2k, icc3k;
  int n_subjects = 0, n_raters = 0, n_dropped = 0;
  double msb = 0, msw = 0, msj = 0,
         mse = 0;  // mean squares: between subjects, within, judges, error
};

// Shrout & Fleiss (1979) as psych::ICC(x, lmer = FALSE) computes them, with psych's confidence
// bounds at level 1 − alpha. Rows with a missing rating are dropped (listwise). Needs >= 2
// subjects, >= 2 raters and some residual variance.
Result<IccResult> intraclass_correlations(const DataMatrix& data, double alpha = 0.05);

// ---- Cohen's kappa (psych::cohen.kappa) ---------------------------------------------------

enum class KappaWeights { none, linear, quadratic };

struct KappaResult {
  KappaWeights weights = KappaWeights::none;
  double kappa = 0;     // unweighted kappa (none) or weighted kappa (linear, quadratic)
  double variance = 0;  // psych var.kappa / var.weighted (0 when psych's formula goes negative)
  double ci_low = 0, ci_high = 0;  // kappa ± z(1−alpha/2) √variance, clipped to [−1, 1]
  bool clipped = false;            // a bound (or estimate) was outside [−1, 1] and set to ±1
  bool variance_bad = false;       // psych `bad`: the variance was negative and set to 0
  int n = 0;                       // pairs with both ratings
  int n_dropped = 0;
  std::vector<double> levels;  // categories: the sorted distinct values both raters used
};

// Two columns = two raters. Weights follow psych: categories are the sorted distinct observed
// values; w_ij = 1 − |i − j|/(L − 1) (linear) or 1 − (i − j)²/(L − 1)² (quadratic), by category
// index (not by value). Needs >= 2 complete pairs and >= 2 categories.
Result<KappaResult> cohen_kappa(const DataMatrix& data, KappaWeights weights, double alpha = 0.05);

// ---- Worker vs service-user version correlation -------------------------------------------

struct CorrelationResult {
  double r = 0;
  int n = 0;  // pairs with both values
  int n_dropped = 0;
  std::optional<double> t;                // t statistic of r = 0 (null when |r| = 1: infinite)
  double df = 0, p = 0;                   // df = n − 2; two-sided p (as R's cor.test)
  std::optional<double> ci_low, ci_high;  // Fisher z: tanh(atanh r ± z/√(n − 3)); null if n < 4
};

// Pearson r of the two columns over pairwise complete rows. Needs >= 3 pairs and variance in
// both columns.
Result<CorrelationResult> version_correlation(const DataMatrix& data, double ci_level = 0.95);

// ---- JSON (the shapes printed by `cpi psychometrics …`, see docs/psychometrics.md) --------
nlohmann::json to_json(const AlphaResult& r);
nlohmann::json to_json(const IccResult& r);
nlohmann::json to_json(const KappaResult& r);
nlohmann::json to_json(const CorrelationResult& r);
const char* to_string(KappaWeights w);

}  // namespace cp::stats
