// src/economics/svg.cpp — the cost-effectiveness plane and the CEAC as accessible inline SVG
// (role="img", <title>, <desc>, labelled axes with tick values) for report.html.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "cp/economics/cea.hpp"

namespace cp::economics {

namespace {

constexpr double kW = 640, kH = 440, kLeft = 90, kRight = 20, kTop = 40, kBottom = 60;
constexpr std::size_t kMaxPoints = 2000;  // plane points drawn (every k-th replicate)

struct Scale {
  double lo, hi, a, b;  // data [lo, hi] → pixels [a, b]
  double operator()(double v) const { return a + (v - lo) / (hi - lo) * (b - a); }
};

// About n "nice" ticks (1, 2, 5 × 10^k) covering [lo, hi].
std::vector<double> nice_ticks(double lo, double hi, int n) {
  const double span = hi - lo;
  const double raw = span / n;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = mag;
  for (double f : {1.0, 2.0, 5.0, 10.0})
    if (f * mag >= raw) {
      step = f * mag;
      break;
    }
  std::vector<double> t;
  for (double v = std::ceil(lo / step) * step; v <= hi + 1e-9 * step; v += step)
    t.push_back(std::fabs(v) < 1e-12 * step ? 0.0 : v);
  return t;
}

std::string num(double v) {
  if (std::fabs(v) >= 1000.0 || v == std::floor(v)) return fmt::format("{:.0f}", v);
  return fmt::format("{:.3g}", v);
}

std::string header(const std::string& id, const std::string& title, const std::string& desc) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" "
      "role=\"img\" aria-labelledby=\"{}-title {}-desc\" font-family=\"sans-serif\" "
      "font-size=\"12\">\n<title id=\"{}-title\">{}</title>\n<desc id=\"{}-desc\">{}</desc>\n"
      "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n",
      kW, kH, kW, kH, id, id, id, title, id, desc);
}

std::string axes(const Scale& x, const Scale& y, const std::string& xlabel,
                 const std::string& ylabel, bool zero_lines) {
  std::string s = "<g stroke=\"#444\" fill=\"none\">\n";
  s += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>\n", kLeft, kTop,
                   kW - kLeft - kRight, kH - kTop - kBottom);
  if (zero_lines) {
    if (x.lo < 0 && x.hi > 0)
      s += fmt::format("<line x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1}\" y2=\"{2}\"/>\n", x(0.0),
                       kTop, kH - kBottom);
    if (y.lo < 0 && y.hi > 0)
      s += fmt::format("<line x1=\"{1}\" x2=\"{2}\" y1=\"{0:.1f}\" y2=\"{0:.1f}\"/>\n", y(0.0),
                       kLeft, kW - kRight);
  }
  s += "</g>\n<g fill=\"#222\">\n";
  for (double t : nice_ticks(x.lo, x.hi, 6))
    s += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", x(t),
                     kH - kBottom + 16, num(t));
  for (double t : nice_ticks(y.lo, y.hi, 6))
    s += fmt::format("<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n", kLeft - 6,
                     y(t) + 4, num(t));
  s += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                   (kLeft + kW - kRight) / 2, kH - 18, xlabel);
  s += fmt::format(
      "<text x=\"18\" y=\"{0}\" text-anchor=\"middle\" transform=\"rotate(-90 18 {0})\">{1}"
      "</text>\n</g>\n",
      (kTop + kH - kBottom) / 2, ylabel);
  return s;
}

}  // namespace

std::string ce_plane_svg(const EconomicsResult& r) {
  std::vector<double> qs = {r.delta_qaly}, cs = {r.delta_cost};
  if (r.bootstrap) {
    qs.insert(qs.end(), r.bootstrap->delta_qaly.begin(), r.bootstrap->delta_qaly.end());
    cs.insert(cs.end(), r.bootstrap->delta_cost.begin(), r.bootstrap->delta_cost.end());
  }
  auto sym = [](const std::vector<double>& v) {
    double m = 0.0;
    for (double x : v) m = std::max(m, std::fabs(x));
    return m > 0.0 ? m * 1.1 : 1.0;
  };
  const double qx = sym(qs), cy = sym(cs);
  const Scale x{-qx, qx, kLeft, kW - kRight};
  const Scale y{-cy, cy, kH - kBottom, kTop};
  const std::size_t reps = r.bootstrap ? r.bootstrap->delta_qaly.size() : 0;
  const std::size_t every = reps > kMaxPoints ? (reps + kMaxPoints - 1) / kMaxPoints : 1;
  std::string desc = fmt::format(
      "Incremental QALYs (horizontal) against incremental cost in pounds (vertical). Point "
      "estimate: delta QALY {:.4g}, delta cost {:.0f} pounds, quadrant {}.",
      r.delta_qaly, r.delta_cost, r.icer.quadrant);
  if (r.bootstrap)
    desc += fmt::format(
        " {} bootstrap replicates{}: {:.1f}% north-east, {:.1f}% south-east, {:.1f}% south-west, "
        "{:.1f}% north-west. Dashed lines: 20,000 and 30,000 pounds per QALY.",
        reps, every > 1 ? fmt::format(" (every {}th drawn)", every) : "",
        100 * r.bootstrap->quadrant_ne, 100 * r.bootstrap->quadrant_se,
        100 * r.bootstrap->quadrant_sw, 100 * r.bootstrap->quadrant_nw);
  std::string s = header("ce-plane", "Cost-effectiveness plane", desc);
  s += axes(x, y, "Incremental QALYs (intervention − control)",
            "Incremental cost, £ (intervention − control)", true);
  // Willingness-to-pay lines ΔC = λ ΔQ, clipped to the frame.
  for (double lambda : {20000.0, 30000.0}) {
    double q0 = -qx, q1 = qx;
    if (lambda * qx > cy) q1 = cy / lambda, q0 = -q1;
    s += fmt::format(
        "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#888\" "
        "stroke-dasharray=\"5 4\"><title>£{:.0f} per QALY</title></line>\n",
        x(q0), y(lambda * q0), x(q1), y(lambda * q1), lambda);
    s += fmt::format(
        "<text x=\"{:.1f}\" y=\"{:.1f}\" fill=\"#666\" font-size=\"10\">£{:.0f}k"
        "</text>\n",
        x(q1) - 30, y(lambda * q1) + 14, lambda / 1000);
  }
  if (reps > 0) {
    s += "<g fill=\"#2b6cb0\" fill-opacity=\"0.35\">\n";
    for (std::size_t i = 0; i < reps; i += every)
      s += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"1.6\"/>\n",
                       x(r.bootstrap->delta_qaly[i]), y(r.bootstrap->delta_cost[i]));
    s += "</g>\n";
  }
  s += fmt::format(
      "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"5\" fill=\"#c53030\" stroke=\"white\"><title>Point "
      "estimate</title></circle>\n",
      x(r.delta_qaly), y(r.delta_cost));
  for (auto [label, px, py] :
       {std::tuple{"NE", kW - kRight - 24, kTop + 16}, std::tuple{"NW", kLeft + 8, kTop + 16},
        std::tuple{"SE", kW - kRight - 24, kH - kBottom - 8},
        std::tuple{"SW", kLeft + 8, kH - kBottom - 8}})
    s += fmt::format("<text x=\"{}\" y=\"{}\" fill=\"#666\">{}</text>\n", px, py, label);
  s += "</svg>\n";
  return s;
}

std::string ceac_svg(const EconomicsResult& r) {
  const double from = r.ceac.empty() ? 0.0 : r.ceac.front().threshold;
  double to = r.ceac.empty() ? 1.0 : r.ceac.back().threshold;
  if (!(to > from)) to = from + 1.0;
  const Scale x{from, to, kLeft, kW - kRight};
  const Scale y{0.0, 1.0, kH - kBottom, kTop};
  std::string desc;
  if (!r.bootstrap) {
    desc = "No bootstrap was run, so there is no acceptability curve.";
  } else {
    desc = fmt::format(
        "Probability that the intervention is cost-effective against the "
        "threshold (pounds per QALY), from {} bootstrap replicates.",
        r.bootstrap->replicates_used);
    for (const auto& t : r.reported)
      if ((t.threshold == 20000.0 || t.threshold == 30000.0) && t.p_cost_effective)
        desc += fmt::format(" At {:.0f} pounds: {:.1f}%.", t.threshold, 100 * *t.p_cost_effective);
  }
  std::string s = header("ceac", "Cost-effectiveness acceptability curve", desc);
  s += axes(x, y, "Threshold, £ per QALY", "Probability cost-effective", false);
  if (r.bootstrap && !r.ceac.empty()) {
    std::string pts;
    for (const auto& t : r.ceac)
      if (t.p_cost_effective)
        pts += fmt::format("{:.1f},{:.1f} ", x(t.threshold), y(*t.p_cost_effective));
    s += fmt::format(
        "<polyline points=\"{}\" fill=\"none\" stroke=\"#2b6cb0\" "
        "stroke-width=\"2\"/>\n",
        pts);
    for (double lambda : {20000.0, 30000.0})
      if (lambda >= from && lambda <= to)
        s += fmt::format(
            "<line x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1}\" y2=\"{2}\" "
            "stroke=\"#888\" stroke-dasharray=\"5 4\"><title>£{3:.0f} per QALY"
            "</title></line>\n",
            x(lambda), kTop, kH - kBottom, lambda);
  }
  s += "</svg>\n";
  return s;
}

}  // namespace cp::economics
