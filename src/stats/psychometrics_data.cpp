// src/stats/psychometrics_data.cpp — the shared data step of the psychometrics: shape checks and
// listwise deletion of a DataMatrix (include/cp/stats/psychometrics.hpp).
#include <fmt/format.h>

#include <cmath>

#include "cp/stats/psychometrics.hpp"

namespace cp::stats {

Result<CompleteRows> listwise_complete(const DataMatrix& data, const char* function) {
  const auto k = data.columns.size();
  CompleteRows out;
  out.rows.reserve(data.rows.size());
  for (std::size_t i = 0; i < data.rows.size(); ++i) {
    const auto& row = data.rows[i];
    if (row.size() != k)
      return Error::invalid(
          "ragged_row",
          fmt::format("{}: row {} has {} values, expected {}", function, i + 1, row.size(), k),
          fmt::format("row {}", i + 1));
    std::vector<double> values;
    values.reserve(k);
    bool complete = true;
    for (std::size_t j = 0; j < k; ++j) {
      if (!row[j]) {
        complete = false;
        break;
      }
      if (!std::isfinite(*row[j]))
        return Error::invalid("not_finite",
                              fmt::format("{}: the value is not a finite number", function),
                              fmt::format("row {}, column {}", i + 1, data.columns[j]));
      values.push_back(*row[j]);
    }
    if (complete)
      out.rows.push_back(std::move(values));
    else
      ++out.dropped;
  }
  return out;
}

}  // namespace cp::stats
