// src/fidelity/implementation.cpp — CPIFS + practice indicators → implementation level, trend
// and early warning (see implementation.hpp and docs/fidelity.md).
#include "cp/fidelity/implementation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace cp::fidelity {

namespace {

struct DomainInfo {
  Domain d;
  const char* id;
  const char* label;
};
constexpr DomainInfo kInfo[kDomains] = {
    {Domain::community, "community", "Engagement with the person's community"},
    {Domain::assessment, "assessment", "Assessment of network and assets"},
    {Domain::planning, "planning", "Planning: goals, objectives and activities"},
    {Domain::partnership, "partnership", "Equal partnership"},
    {Domain::relationships, "relationships", "Relationships"},
};

std::size_t index_of(Domain d) { return static_cast<std::size_t>(d); }

nlohmann::json opt(const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); }

std::string two(double x) { return fmt::format("{:.2f}", x); }

}  // namespace

const std::array<Domain, kDomains>& all_domains() {
  static const std::array<Domain, kDomains> all{Domain::community, Domain::assessment, Domain::planning,
                                                Domain::partnership, Domain::relationships};
  return all;
}
const char* domain_id(Domain d) { return kInfo[index_of(d)].id; }
const char* domain_label(Domain d) { return kInfo[index_of(d)].label; }
std::optional<Domain> domain_from_id(std::string_view id) {
  for (const auto& i : kInfo)
    if (id == i.id) return i.d;
  return std::nullopt;
}

const char* level_id(Level l) {
  switch (l) {
    case Level::full: return "full";
    case Level::partial: return "partial";
    case Level::low: return "low";
    case Level::insufficient: return "insufficient_data";
  }
  return "insufficient_data";
}

std::optional<double> Indicator::share() const {
  if (denominator <= 0) return std::nullopt;
  return static_cast<double>(numerator) / denominator;
}

Result<Thresholds> thresholds_from_json(const nlohmann::json& j) {
  Thresholds t;
  if (!j.is_object()) return Error::invalid("invalid_thresholds", "fidelity thresholds must be an object", "fidelity");
  static const std::set<std::string> known{"full", "partial", "scale_weight", "min_people",
                                           "recent_months", "slide", "slide_window"};
  for (const auto& [k, v] : j.items()) {
    const std::string field = "fidelity." + k;
    if (!known.count(k)) return Error::invalid("unknown_field", fmt::format("unknown threshold '{}'", k), field);
    const bool whole = k == "min_people" || k == "recent_months" || k == "slide_window";
    if (whole ? !v.is_number_integer() : !v.is_number())
      return Error::invalid("wrong_type", fmt::format("{} must be {}", k, whole ? "a whole number" : "a number"), field);
    const double x = v.get<double>();
    auto range = [&](double lo, double hi) -> std::optional<Error> {
      if (std::isfinite(x) && x >= lo && x <= hi) return std::nullopt;
      return Error::invalid("out_of_range", fmt::format("{} must be between {} and {}", k, lo, hi), field);
    };
    std::optional<Error> e;
    if (k == "full") e = range(0, 1), t.full = x;
    if (k == "partial") e = range(0, 1), t.partial = x;
    if (k == "scale_weight") e = range(0, 1), t.scale_weight = x;
    if (k == "min_people") e = range(1, 100000), t.min_people = static_cast<int>(x);
    if (k == "recent_months") e = range(1, 120), t.recent_months = static_cast<int>(x);
    if (k == "slide") e = range(0, 1), t.slide = x;
    if (k == "slide_window") e = range(1, 24), t.slide_window = static_cast<int>(x);
    if (e) return *e;
  }
  if (!(t.partial < t.full))
    return Error::invalid("out_of_range", "the partial threshold must be below the full threshold", "fidelity.partial");
  return t;
}

nlohmann::json to_json(const Thresholds& t) {
  return {{"full", t.full},           {"partial", t.partial},         {"scale_weight", t.scale_weight},
          {"min_people", t.min_people}, {"recent_months", t.recent_months}, {"slide", t.slide},
          {"slide_window", t.slide_window}};
}

Result<ImplementationAssessment> assess(const std::vector<Indicator>& indicators,
                                        const std::array<std::optional<double>, kDomains>& cpifs_domains,
                                        const Thresholds& t) {
  ImplementationAssessment a;
  std::array<double, kDomains> sum{};
  std::array<int, kDomains> count{};
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    const auto& ind = indicators[i];
    if (ind.numerator < 0 || ind.denominator < 0 || ind.numerator > ind.denominator)
      return Error::invalid("invalid_indicator",
                            fmt::format("indicator {}: {} of {} is not a valid count", ind.id, ind.numerator,
                                        ind.denominator),
                            fmt::format("indicators[{}]", i));
    a.people = std::max(a.people, ind.denominator);
    if (auto s = ind.share()) {
      sum[index_of(ind.domain)] += *s;
      ++count[index_of(ind.domain)];
    }
  }
  for (std::size_t k = 0; k < kDomains; ++k) {
    auto& d = a.domains[k];
    d.domain = all_domains()[k];
    if (const auto& raw = cpifs_domains[k]) {
      if (!std::isfinite(*raw) || *raw < 1.0 || *raw > 9.0)
        return Error::invalid("out_of_range",
                              fmt::format("the CPIFS {} score must lie between 1 and 9, got {}", domain_id(d.domain), *raw),
                              fmt::format("cpifs.{}", domain_id(d.domain)));
      d.scale_raw = *raw;
      d.scale = (*raw - 1.0) / 8.0;
    }
    if (count[k] > 0) d.indicators = sum[k] / count[k];
    if (d.scale && d.indicators)
      d.combined = t.scale_weight * *d.scale + (1.0 - t.scale_weight) * *d.indicators;
    else if (d.scale)
      d.combined = d.scale;
    else
      d.combined = d.indicators;
  }

  const bool have_scale = std::any_of(cpifs_domains.begin(), cpifs_domains.end(), [](auto& v) { return v.has_value(); });
  if (a.people < t.min_people && !have_scale) {
    a.reasons.push_back(fmt::format("Only {} {} in the records; at least {} are needed to judge implementation.",
                                    a.people, a.people == 1 ? "person" : "people", t.min_people));
    return a;
  }
  double total = 0;
  for (const auto& d : a.domains) {
    if (!d.combined) {
      a.reasons.push_back(fmt::format("{}: no evidence yet.", domain_label(d.domain)));
      continue;
    }
    total += *d.combined;
  }
  if (a.reasons.size() > 0) return a;  // a domain without evidence: insufficient data
  a.overall = total / kDomains;
  if (*a.overall < t.partial) {
    a.level = Level::low;
    a.reasons.push_back(fmt::format("Overall {} is below the partial threshold {}.", two(*a.overall), two(t.partial)));
  } else {
    a.level = *a.overall >= t.full ? Level::full : Level::partial;
    if (a.level == Level::partial)
      a.reasons.push_back(fmt::format("Overall {} is below the full threshold {}.", two(*a.overall), two(t.full)));
  }
  // Any one domain hardly practised caps the level at partial (seed 001's partial implementation).
  for (const auto& d : a.domains) {
    if (*d.combined < t.partial) {
      a.reasons.push_back(fmt::format("{}: {} is below {}.", domain_label(d.domain), two(*d.combined), two(t.partial)));
      if (a.level == Level::full) a.level = Level::partial;
    }
  }
  for (const auto& ind : indicators) {
    const auto share = ind.share();
    if (!ind.key || !share || *share >= t.partial) continue;
    a.reasons.push_back(fmt::format("{}: {} of {} ({}) is below {}.", ind.label, ind.numerator, ind.denominator,
                                    two(*share), two(t.partial)));
    if (a.level == Level::full) a.level = Level::partial;
  }
  if (a.level == Level::full)
    a.reasons.push_back(fmt::format("Overall {}; every domain and key indicator at least {}.", two(*a.overall),
                                    two(t.partial)));
  return a;
}

EarlyWarning early_warning(const std::vector<TrendPoint>& trend, const Thresholds& t) {
  EarlyWarning w;
  if (trend.empty() || !trend.back().overall) return w;
  const auto& last = trend.back();
  double sum = 0;
  int n = 0;
  const TrendPoint* previous = nullptr;
  for (auto it = trend.rbegin() + 1; it != trend.rend() && n < t.slide_window; ++it) {
    if (!it->overall) continue;
    if (!previous) previous = &*it;
    sum += *it->overall;
    ++n;
  }
  if (n == 0) return w;
  const double mean = sum / n;
  auto rank = [](Level l) { return l == Level::full ? 3 : l == Level::partial ? 2 : l == Level::low ? 1 : 0; };
  if (previous && rank(last.level) > 0 && rank(last.level) < rank(previous->level)) {
    w.sliding = true;
    w.message = fmt::format("Implementation fell from {} ({}) to {} ({}).", level_id(previous->level),
                            previous->period, level_id(last.level), last.period);
  } else if (*last.overall <= mean - t.slide) {
    w.sliding = true;
    w.message = fmt::format("Implementation in {} ({}) is {} below the average of the previous {} period{} ({}).",
                            last.period, two(*last.overall), two(mean - *last.overall), n, n == 1 ? "" : "s",
                            two(mean));
  }
  return w;
}

nlohmann::json to_json(const Indicator& i) {
  return {{"id", i.id},
          {"domain", domain_id(i.domain)},
          {"label", i.label},
          {"numerator", i.numerator},
          {"denominator", i.denominator},
          {"share", opt(i.share())},
          {"key", i.key}};
}

nlohmann::json to_json(const ImplementationAssessment& a) {
  nlohmann::json domains = nlohmann::json::array();
  for (const auto& d : a.domains)
    domains.push_back({{"domain", domain_id(d.domain)},
                       {"label", domain_label(d.domain)},
                       {"scale", opt(d.scale)},
                       {"scale_raw", opt(d.scale_raw)},
                       {"indicators", opt(d.indicators)},
                       {"combined", opt(d.combined)}});
  return {{"level", level_id(a.level)},
          {"overall", opt(a.overall)},
          {"people", a.people},
          {"domains", domains},
          {"reasons", a.reasons}};
}

}  // namespace cp::fidelity
