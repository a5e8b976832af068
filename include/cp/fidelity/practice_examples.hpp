// include/cp/fidelity/practice_examples.hpp — CPIFS practice examples: one example of practice
// per domain, rated 1–9 independently by two or more raters, then given a consensus rating;
// and the raters' agreement per domain (docs/fidelity.md).
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "cp/domain/result.hpp"
#include "cp/fidelity/implementation.hpp"

namespace cp::fidelity {

// The independent ratings of one practice example: raters[i] rated ratings[i] (1–9, whole).
struct ExampleRatings {
  std::string example_id;
  Domain domain = Domain::community;
  std::vector<std::string> raters;
  std::vector<int> ratings;
  std::optional<int> consensus;  // agreed after discussion (1–9), if reached
};

// Agreement among raters on one domain's examples.
struct DomainAgreement {
  Domain domain = Domain::community;
  int examples = 0;                 // examples with ≥ 2 ratings
  int pairs = 0;                    // rater pairs compared
  double exact = 0;                 // share of pairs giving the same rating
  double within_one = 0;            // share of pairs within one point
  double mean_abs_difference = 0;   // mean |a − b| over pairs
  std::optional<double> icc2;       // ICC(2,1) over examples × raters when every example has
                                    // the same raters and there are ≥ 2 examples (psych::ICC)
  std::optional<double> consensus_mean;  // mean consensus rating (1–9) where reached
  int awaiting_consensus = 0;            // examples rated by ≥ 2 but without a consensus yet
};

// Checks the ratings (1–9 whole numbers; raters distinct per example; consensus 1–9).
Result<Unit> validate(const ExampleRatings& e);

// Agreement per domain over all examples given; domains without examples are left out.
Result<std::vector<DomainAgreement>> agreement(const std::vector<ExampleRatings>& examples);

nlohmann::json to_json(const DomainAgreement& a);

}  // namespace cp::fidelity
