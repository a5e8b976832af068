// src/fidelity/practice_examples.cpp — validation of practice-example ratings and the raters'
// agreement per domain (see practice_examples.hpp).
#include "cp/fidelity/practice_examples.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

#include "cp/stats/psychometrics.hpp"

namespace cp::fidelity {

Result<Unit> validate(const ExampleRatings& e) {
  if (e.raters.size() != e.ratings.size())
    return Error::invalid("size_mismatch", "each rating needs its rater", "ratings");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < e.ratings.size(); ++i) {
    if (e.ratings[i] < 1 || e.ratings[i] > 9)
      return Error::invalid("out_of_range", fmt::format("ratings are 1 to 9; got {}", e.ratings[i]),
                            fmt::format("ratings[{}]", i));
    if (e.raters[i].empty()) return Error::invalid("missing_field", "each rating needs its rater", fmt::format("raters[{}]", i));
    if (!seen.insert(e.raters[i]).second)
      return Error::invalid("duplicate_value", fmt::format("{} rated this example twice", e.raters[i]),
                            fmt::format("raters[{}]", i));
  }
  if (e.consensus && (*e.consensus < 1 || *e.consensus > 9))
    return Error::invalid("out_of_range", "the consensus rating is 1 to 9", "consensus");
  return Unit{};
}

Result<std::vector<DomainAgreement>> agreement(const std::vector<ExampleRatings>& examples) {
  std::map<int, std::vector<const ExampleRatings*>> by_domain;
  for (std::size_t i = 0; i < examples.size(); ++i) {
    if (auto v = validate(examples[i]); !v) {
      Error e = v.error();
      e.field = fmt::format("examples[{}].{}", i, e.field);
      return e;
    }
    by_domain[static_cast<int>(examples[i].domain)].push_back(&examples[i]);
  }
  std::vector<DomainAgreement> out;
  for (const auto& [k, list] : by_domain) {
    DomainAgreement a;
    a.domain = static_cast<Domain>(k);
    int exact = 0, within = 0;
    double absdiff = 0, consensus_sum = 0;
    int consensus_n = 0;
    for (const auto* e : list) {
      if (e->consensus) {
        consensus_sum += *e->consensus;
        ++consensus_n;
      }
      if (e->ratings.size() < 2) continue;
      ++a.examples;
      if (!e->consensus) ++a.awaiting_consensus;
      for (std::size_t i = 0; i < e->ratings.size(); ++i)
        for (std::size_t j = i + 1; j < e->ratings.size(); ++j) {
          const int d = std::abs(e->ratings[i] - e->ratings[j]);
          ++a.pairs;
          exact += d == 0;
          within += d <= 1;
          absdiff += d;
        }
    }
    if (a.pairs > 0) {
      a.exact = static_cast<double>(exact) / a.pairs;
      a.within_one = static_cast<double>(within) / a.pairs;
      a.mean_abs_difference = absdiff / a.pairs;
    }
    if (consensus_n > 0) a.consensus_mean = consensus_sum / consensus_n;
    // ICC(2,1) when the examples share one set of raters (a fully crossed design).
    std::vector<const ExampleRatings*> rated;
    for (const auto* e : list)
      if (e->ratings.size() >= 2) rated.push_back(e);
    if (rated.size() >= 2) {
      const std::set<std::string> raters(rated[0]->raters.begin(), rated[0]->raters.end());
      bool crossed = true;
      for (const auto* e : rated)
        crossed = crossed && std::set<std::string>(e->raters.begin(), e->raters.end()) == raters;
      if (crossed) {
        stats::DataMatrix m;
        m.columns.assign(raters.begin(), raters.end());
        for (const auto* e : rated) {
          std::vector<std::optional<double>> row(m.columns.size());
          for (std::size_t i = 0; i < e->raters.size(); ++i) {
            const auto pos = std::distance(raters.begin(), raters.find(e->raters[i]));
            row[static_cast<std::size_t>(pos)] = e->ratings[i];
          }
          m.rows.push_back(std::move(row));
        }
        if (auto icc = stats::intraclass_correlations(m); icc && std::isfinite(icc->icc2.value))
          a.icc2 = icc->icc2.value;  // no residual variance (perfect agreement) leaves it null
      }
    }
    out.push_back(a);
  }
  return out;
}

nlohmann::json to_json(const DomainAgreement& a) {
  auto opt = [](const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  return {{"domain", domain_id(a.domain)},
          {"examples", a.examples},
          {"pairs", a.pairs},
          {"exact", a.exact},
          {"within_one", a.within_one},
          {"mean_abs_difference", a.mean_abs_difference},
          {"icc2", opt(a.icc2)},
          {"consensus_mean", opt(a.consensus_mean)},
          {"awaiting_consensus", a.awaiting_consensus}};
}

}  // namespace cp::fidelity
