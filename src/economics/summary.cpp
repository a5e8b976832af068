// src/economics/summary.cpp — ICER quadrants, bootstrap percentiles, CEAC and NMB.
#include "cp/economics/summary.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <cassert>
#include <cmath>

namespace cp::economics {

Icer classify_icer(double dc, double dq) {
  assert(std::isfinite(dc) && std::isfinite(dq));
  Icer r;
  if (dq != 0.0) r.ratio = dc / dq;
  if (dq > 0.0 && dc > 0.0) {
    r.quadrant = "NE";
    r.status = "ratio";
    r.value = dc / dq;
    r.note =
        "more effective and more costly: cost-effective when the ICER is below the "
        "threshold";
  } else if (dq > 0.0) {
    r.quadrant = "SE";
    r.status = "dominant";
    r.note =
        "more effective and no more costly: the intervention dominates (no ICER is "
        "reported; a negative ratio would not be comparable with a threshold)";
  } else if (dq < 0.0 && dc <= 0.0) {
    r.quadrant = "SW";
    r.status = "ratio";
    r.value = dc / dq;
    r.note =
        "less effective and less costly: the ICER is the saving per QALY lost; "
        "cost-effective when the ICER is ABOVE the threshold";
  } else if (dq < 0.0) {
    r.quadrant = "NW";
    r.status = "dominated";
    r.note =
        "less effective and more costly: the intervention is dominated (no ICER is "
        "reported)";
  } else {
    r.quadrant = dc > 0.0 ? "NW" : "SW";  // ΔQ = 0 sits on the r-anchor's "ΔQ ≤ 0" side
    r.status = "undefined";
    r.note = "no difference in QALYs: the ICER is undefined; decide on cost alone";
  }
  return r;
}

double boot_percentile(const std::vector<double>& t, double alpha) {
  assert(!t.empty() && alpha > 0.0 && alpha < 1.0);
  const auto r = static_cast<double>(t.size());
  const double rk = (r + 1.0) * alpha;
  const double k = std::trunc(rk);
  if (k <= 0.0) return t.front();
  if (k >= r) return t.back();
  const auto ki = static_cast<std::size_t>(k);  // 1-based order statistic k = t[ki - 1]
  if (k == rk) return t[ki - 1];
  const boost::math::normal nd;
  const double z = boost::math::quantile(nd, alpha);
  const double zk = boost::math::quantile(nd, k / (r + 1.0));
  const double zk1 = boost::math::quantile(nd, (k + 1.0) / (r + 1.0));
  const double tk = t[ki - 1], tk1 = t[ki];
  return tk + (z - zk) / (zk1 - zk) * (tk1 - tk);
}

double quantile_type7(const std::vector<double>& t, double p) {
  assert(!t.empty() && p >= 0.0 && p <= 1.0);
  const double h = (static_cast<double>(t.size()) - 1.0) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  if (lo + 1 >= t.size()) return t.back();
  return t[lo] + (h - static_cast<double>(lo)) * (t[lo + 1] - t[lo]);
}

namespace {
void mean_sd(const std::vector<double>& x, double& mean, double& sd) {
  double s = 0.0;
  for (double v : x) s += v;
  mean = s / static_cast<double>(x.size());
  double ss = 0.0;
  for (double v : x) ss += (v - mean) * (v - mean);
  sd = x.size() > 1 ? std::sqrt(ss / static_cast<double>(x.size() - 1)) : 0.0;
}
}  // namespace

cp::Result<BootstrapSummary> summarise_replicates(std::vector<double> dc, std::vector<double> dq,
                                                  int requested) {
  if (dc.empty() || dc.size() != dq.size())
    return Error::invalid(
        "no_replicates",
        fmt::format("summarise_replicates: {} cost and {} QALY replicates", dc.size(), dq.size()),
        "bootstrap");
  BootstrapSummary s;
  s.replicates = requested;
  s.replicates_used = static_cast<int>(dc.size());
  const double n = static_cast<double>(dc.size());
  int ne = 0, se = 0, sw = 0, nw = 0;
  for (std::size_t r = 0; r < dc.size(); ++r) {
    if (dq[r] > 0.0)
      (dc[r] > 0.0 ? ne : se)++;
    else
      (dc[r] <= 0.0 ? sw : nw)++;
  }
  s.quadrant_ne = ne / n;
  s.quadrant_se = se / n;
  s.quadrant_sw = sw / n;
  s.quadrant_nw = nw / n;
  mean_sd(dc, s.delta_cost_mean, s.delta_cost_se);
  mean_sd(dq, s.delta_qaly_mean, s.delta_qaly_se);
  s.delta_cost = dc;
  s.delta_qaly = dq;
  std::sort(dc.begin(), dc.end());
  std::sort(dq.begin(), dq.end());
  s.delta_cost_ci = {boot_percentile(dc, 0.025), boot_percentile(dc, 0.975)};
  s.delta_qaly_ci = {boot_percentile(dq, 0.025), boot_percentile(dq, 0.975)};
  s.delta_cost_ci_type7 = {quantile_type7(dc, 0.025), quantile_type7(dc, 0.975)};
  s.delta_qaly_ci_type7 = {quantile_type7(dq, 0.025), quantile_type7(dq, 0.975)};
  return s;
}

cp::Result<std::vector<double>> threshold_grid(const ThresholdRange& g) {
  const char* field = "economics.thresholds";
  if (!std::isfinite(g.from) || !std::isfinite(g.to) || !std::isfinite(g.step) || g.from < 0.0 ||
      g.to < g.from || !(g.step > 0.0))
    return Error::invalid("economics_spec",
                          fmt::format("thresholds must be [from, to, step] with 0 ≤ from ≤ to "
                                      "and step > 0, got [{}, {}, {}]",
                                      g.from, g.to, g.step),
                          field);
  const double count = std::floor((g.to - g.from) / g.step + 1e-9) + 1.0;
  if (count > 100001.0)
    return Error::invalid("economics_spec",
                          fmt::format("thresholds: {} points is too many (at most 100001)", count),
                          field);
  std::vector<double> out;
  for (int i = 0; i < static_cast<int>(count); ++i) out.push_back(g.from + i * g.step);
  return out;
}

double prob_cost_effective(const std::vector<double>& dc, const std::vector<double>& dq,
                           double lambda) {
  assert(dc.size() == dq.size() && !dc.empty());
  std::size_t k = 0;
  for (std::size_t r = 0; r < dc.size(); ++r) k += (lambda * dq[r] - dc[r] > 0.0);
  return static_cast<double>(k) / static_cast<double>(dc.size());
}

}  // namespace cp::economics
