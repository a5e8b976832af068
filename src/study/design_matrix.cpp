// src/study/design_matrix.cpp — complete-case selection and dummy coding for the models.
#include "cp/study/design_matrix.hpp"

#include <cmath>
#include <unordered_map>

#include <fmt/format.h>

namespace cp::study {

std::string arm_term_name(const AnalysisDataset& data) { return "arm" + data.intervention_label; }

cp::Result<Design> build_design(const AnalysisDataset& data, const DesignRequest& q) {
  const std::size_t n = data.rows();
  if (q.response == nullptr || q.response->size() != n)
    return Error::invalid("bad_design", "build_design: the response must have one value per row");
  for (const auto& t : q.numeric)
    if (t.values == nullptr || t.values->size() != n)
      return Error::invalid("bad_design", "build_design: term '" + t.name + "' has the wrong length");
  if (q.keep && q.keep->size() != n)
    return Error::invalid("bad_design", "build_design: the row filter has the wrong length");

  Design d;
  for (std::size_t r = 0; r < n; ++r) {
    if (q.keep && !(*q.keep)[r]) continue;
    if (!std::isfinite((*q.response)[r])) continue;
    bool ok = true;
    for (const auto& t : q.numeric) ok = ok && std::isfinite((*t.values)[r]);
    if (q.covariates)
      for (const auto& c : data.covariates) ok = ok && std::isfinite(c.values[r]);
    if (ok) d.rows.push_back(static_cast<int>(r));
  }
  if (d.rows.empty())
    return Error::infeasible("no_complete_cases", "no participant has every value this model needs");
  const auto m = static_cast<Eigen::Index>(d.rows.size());

  // Columns: names first, then fill.
  d.names.push_back("(Intercept)");
  if (q.arm) {
    d.arm_column = static_cast<int>(d.names.size());
    d.names.push_back(arm_term_name(data));
  }
  for (const auto& t : q.numeric) d.names.push_back(t.name);
  struct Dummy {
    std::size_t cov;
    int level;
  };
  std::vector<Dummy> dummies;
  std::vector<std::size_t> numeric_covs;
  std::vector<std::pair<std::size_t, int>> layout;  // (covariate, level or -1 for numeric)
  if (q.covariates) {
    for (std::size_t c = 0; c < data.covariates.size(); ++c) {
      const auto& cov = data.covariates[c];
      if (!cov.categorical) {
        layout.push_back({c, -1});
        d.names.push_back(cov.name);
        continue;
      }
      std::vector<int> count(cov.levels.size(), 0);
      for (int r : d.rows) ++count[static_cast<int>(cov.values[r])];
      for (std::size_t l = 1; l < cov.levels.size(); ++l) {
        if (count[l] == 0) {
          d.notes.push_back(fmt::format("level '{}' of '{}' does not occur among the analysed "
                                        "participants and is left out", cov.levels[l], cov.name));
          continue;
        }
        layout.push_back({c, static_cast<int>(l)});
        d.names.push_back(cov.name + cov.levels[l]);
      }
    }
  }
  const auto p = static_cast<Eigen::Index>(d.names.size());
  d.X.resize(m, p);
  d.y.resize(m);
  std::unordered_map<int, int> renumber;
  d.cluster.resize(m);
  for (Eigen::Index i = 0; i < m; ++i) {
    const int r = d.rows[i];
    Eigen::Index k = 0;
    d.X(i, k++) = 1.0;
    if (q.arm) d.X(i, k++) = data.arm[r];
    for (const auto& t : q.numeric) d.X(i, k++) = (*t.values)[r];
    for (const auto& [c, level] : layout) {
      const double v = data.covariates[c].values[r];
      d.X(i, k++) = level < 0 ? v : (static_cast<int>(v) == level ? 1.0 : 0.0);
    }
    d.y(i) = (*q.response)[r];
    auto [it, fresh] = renumber.try_emplace(data.cluster[r], static_cast<int>(renumber.size()));
    d.cluster[i] = it->second;
  }
  d.n_clusters = static_cast<int>(renumber.size());
  return d;
}

}  // namespace cp::study
