// src/economics/effects.cpp — area under the curve (trapezoid) for QALYs and capability years.
#include "cp/economics/effects.hpp"

#include <fmt/format.h>

#include "economics/checks.hpp"

namespace cp::economics {

cp::Result<double> area_under_curve_years(const std::vector<double>& values,
                                          const std::vector<double>& months) {
  constexpr const char* fn = "area_under_curve_years";
  if (values.size() != months.size())
    return Error::invalid(
        "size_mismatch",
        fmt::format("{}: {} values but {} months", fn, values.size(), months.size()), "months");
  if (values.size() < 2)
    return Error::invalid("too_few_waves",
                          fmt::format("{}: need at least two waves, got {}", fn, values.size()),
                          "values");
  double area = 0.0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (auto e = detail::check_finite(fn, fmt::format("values[{}]", i), values[i])) return *e;
    if (auto e = detail::check_finite(fn, fmt::format("months[{}]", i), months[i])) return *e;
    if (i == 0) continue;
    if (!(months[i] > months[i - 1]))
      return Error::invalid("months_not_increasing",
                            fmt::format("{}: months must increase strictly, months[{}] = {} "
                                        "after {}",
                                        fn, i, months[i], months[i - 1]),
                            fmt::format("months[{}]", i));
    area += 0.5 * (values[i - 1] + values[i]) * (months[i] - months[i - 1]) / 12.0;
  }
  return area;
}

}  // namespace cp::economics
