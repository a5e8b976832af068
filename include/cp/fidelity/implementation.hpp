// include/cp/fidelity/implementation.hpp — how fully the Connecting People model is being
// practised: CPIFS domain scores and practice-derived indicators combined into a transparent
// full / partial / low implementation level, per worker, team or agency, with its trend and an
// early warning when it slides. Pure: values in, values out (docs/fidelity.md).
//
// Why this shape: in the pilot, outcomes improved only where the model was implemented fully;
// partial implementation was "minimal engagement with the community, strengths and goals not
// fully assessed, or little help with relationships" (seed 001). So a level is not a mean
// alone: any one domain that is hardly practised caps the level at partial. No cut-off is
// published (instruments.md §11): every threshold is a configurable study parameter.
#pragma once

#include <nlohmann/json.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cp/domain/result.hpp"

namespace cp::fidelity {

// The five CPIFS domains, in the scale's order; ids match the cpifs-w / cpifs-su subscales.
enum class Domain { community, assessment, planning, partnership, relationships };
inline constexpr std::size_t kDomains = 5;
const std::array<Domain, kDomains>& all_domains();
const char* domain_id(Domain d);     // "community", "assessment", …
const char* domain_label(Domain d);  // "Engagement with the person's community", …
std::optional<Domain> domain_from_id(std::string_view id);

enum class Level { full, partial, low, insufficient };
const char* level_id(Level l);  // "full", "partial", "low", "insufficient_data"

// One practice-derived indicator for a group of people (a worker's caseload, a team, …):
// numerator of denominator people (or records) meet it. share() is null when nobody counts.
struct Indicator {
  std::string id;  // e.g. "network_map_recent"
  Domain domain = Domain::assessment;
  std::string label;  // plain English, for the dashboard
  int numerator = 0;
  int denominator = 0;
  // A key indicator is one named in the pilot's description of partial implementation (seed
  // 001: little community engagement, strengths and goals not assessed, little help with
  // relationships); below the partial threshold it caps the level at partial on its own.
  bool key = false;
  std::optional<double> share() const;
};

// Configurable, documented thresholds (docs/fidelity.md). Scores are on 0..1: a CPIFS domain
// score s on its 1–9 scale maps to (s − 1) / 8; an indicator contributes its share.
struct Thresholds {
  double full = 0.70;       // overall ≥ full, every domain and key indicator ≥ partial → full
  double partial = 0.40;    // overall < partial → low; a domain or key indicator < partial
                            // caps the level at partial
  double scale_weight = 0.5;  // weight of the CPIFS domain score against the indicators' mean
  int min_people = 3;         // fewer people in the denominator → insufficient data
  int recent_months = 6;      // "recent" for the time-bound indicators (e.g. a map in 6 months)
  double slide = 0.10;        // an early warning when overall falls this much below the mean of
  int slide_window = 3;       //   the previous slide_window periods, or the level drops
};

// Reads thresholds from JSON (keys as in the struct); unknown keys and out-of-range values are
// errors naming the key ("fidelity.full"). Missing keys keep their defaults.
Result<Thresholds> thresholds_from_json(const nlohmann::json& j);
nlohmann::json to_json(const Thresholds& t);

struct DomainAssessment {
  Domain domain = Domain::community;
  std::optional<double> scale;       // CPIFS domain score, 0..1 (null: no scale rating)
  std::optional<double> scale_raw;   // the same on its 1–9 scale
  std::optional<double> indicators;  // mean share of this domain's indicators (null: none)
  std::optional<double> combined;    // weighted mean of what is present
};

struct ImplementationAssessment {
  std::array<DomainAssessment, kDomains> domains;
  std::optional<double> overall;  // mean of the domains' combined scores (all five needed)
  Level level = Level::insufficient;
  std::vector<std::string> reasons;  // plain-English why, e.g. "Relationships: 0.20 is below 0.40"
  int people = 0;                    // the largest indicator denominator (the caseload size)
};

// Combines CPIFS domain scores (1–9, by domain; absent → indicators only) with the indicators.
// Errors: a scale score outside 1–9 or non-finite, an indicator with numerator > denominator
// or negative counts (field names it).
Result<ImplementationAssessment> assess(const std::vector<Indicator>& indicators,
                                        const std::array<std::optional<double>, kDomains>& cpifs_domains,
                                        const Thresholds& t);

// Trend: one overall score per period (oldest first; null = no data that period).
struct TrendPoint {
  std::string period;  // e.g. "2026-09"
  std::optional<double> overall;
  Level level = Level::insufficient;
};
struct EarlyWarning {
  bool sliding = false;
  std::string message;  // empty when not sliding
};
// Warns when the latest point's overall is ≥ t.slide below the mean of the previous
// t.slide_window points that have data, or when its level is lower than the previous point's.
EarlyWarning early_warning(const std::vector<TrendPoint>& trend, const Thresholds& t);

nlohmann::json to_json(const Indicator& i);
nlohmann::json to_json(const ImplementationAssessment& a);

}  // namespace cp::fidelity
