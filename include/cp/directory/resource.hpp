// include/cp/directory/resource.hpp — the agency's community directory in CPI terms (issue 4,
// part 5). A *community resource* is an Open Referral HSDS service with its organization,
// locations, contacts and schedules, plus what CPI needs on top: interest tags, accessibility
// and cost notes, capacity (open / full / waiting list), time-bound events (a weekly group; a
// course that starts in March), confidential locations (e.g. a refuge) and the date it was
// last reviewed. Pure values: no storage, no I/O. hsds.hpp maps these to and from HSDS 3.0.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cp/domain/result.hpp"

namespace cp::directory {

struct Organization {
  std::string hsds_id;  // uuid
  std::string name, description, url, email, phone;
  bool operator==(const Organization&) const = default;
};

struct Location {
  std::string hsds_id;
  std::string name, description;
  std::string address_1, address_2, city, region, postal_code, country;
  std::optional<double> latitude, longitude;
  std::string accessibility;  // HSDS accessibility (description) at this location
  bool confidential = false;  // e.g. a refuge: never exported, shown only to the agency's workers
  bool operator==(const Location&) const = default;
};

struct Contact {
  std::string hsds_id;
  std::string name, title, email, phone;
  bool operator==(const Contact&) const = default;
};

// A time-bound activity: an HSDS schedule. A weekly group has freq WEEKLY and byday ("TU");
// a course that starts in March has valid_from (and maybe valid_to); a one-off event has
// dtstart with no freq.
struct Event {
  std::string hsds_id;
  std::string description;
  std::string freq;                                  // "", "WEEKLY", "MONTHLY"
  std::string byday;                                 // "MO,TH" (RFC 5545 day codes)
  int interval = 0;                                  // 0: not given
  std::string opens_at, closes_at;                   // "HH:MM" or "HH:MM:SS"
  std::string valid_from, valid_to, dtstart, until;  // YYYY-MM-DD or ""
  bool operator==(const Event&) const = default;
};

enum class Capacity { open, full, waiting_list };
std::string_view to_string(Capacity c);
std::optional<Capacity> capacity_from_string(std::string_view s);

struct Resource {
  std::string hsds_id;  // the HSDS service id (uuid); stable across import and export
  std::string name, description, url, email, phone;
  std::string status = "active";  // HSDS service status
  Organization organization;
  std::vector<std::string> tags;  // interest tags (HSDS taxonomy terms), lower case, sorted
  std::vector<Location> locations;
  std::vector<Contact> contacts;
  std::vector<Event> events;
  std::string accessibility;  // note for the whole resource
  std::string cost;           // HSDS fees_description
  Capacity capacity = Capacity::open;
  bool confidential = false;  // the whole entry: workers only, never exported
  std::string reviewed_on;    // YYYY-MM-DD or ""
  bool operator==(const Resource&) const = default;
};

// Domain rules (not the HSDS schema): a name; known status; valid dates, times, freq and days;
// sizes within limits. Errors name the field as a JSON path from `path` ("$.events[0].freq").
Result<Unit> validate(const Resource& r, const std::string& path = "$");

// Puts a resource in its stored form: tags normalised (below), times as HH:MM:SS, a location
// with an address but no country gets "GB".
void normalise(Resource& r);

// Tags normalised: trimmed, lower case, de-duplicated, sorted; empty ones dropped.
std::vector<std::string> normalise_tags(const std::vector<std::string>& tags);

// ---- time: active now / upcoming ----
enum class Timing { active, upcoming, ended };
// Whether the resource runs on `today` (YYYY-MM-DD): active when it has no dated events or one
// of its events covers today; upcoming when every dated event starts later; ended otherwise.
Timing timing(const Resource& r, const std::string& today);
// The next date (on or after today) an event happens, when it can be worked out: weekly
// schedules by byday, one-off dtstart, valid_from in the future. nullopt otherwise.
std::optional<std::string> next_date(const Event& e, const std::string& today);
std::optional<std::string> next_date(const Resource& r, const std::string& today);

// ---- search ----
struct Query {
  std::string text;   // free text: name, description, organization, tags, notes
  std::string tag;    // an interest tag (exact, case-insensitive)
  std::string place;  // postcode district ("NB1"), town or locality text
  std::optional<Capacity> capacity;
  std::optional<Timing> timing;  // active or upcoming
};
// `include_confidential_locations`: whether a place may match a confidential location.
bool matches(const Resource& r, const Query& q, const std::string& today,
             bool include_confidential_locations);

// The same resource without what only the agency's workers may see (confidential locations).
Resource without_confidential_locations(Resource r);

// ---- the API's JSON shape of a resource (docs/directory.md) ----
nlohmann::json to_json(const Resource& r);
// Reads the API body of a resource strictly: unknown fields and wrong types are refused with
// the JSON path. `path` prefixes the paths. `check_coordinates`: refuse latitude/longitude off
// the globe (for what a worker types; stored or imported HSDS data keep what they carry).
Result<Resource> resource_from_json(const nlohmann::json& j, const std::string& path = "$",
                                    bool check_coordinates = true);

// A deterministic uuid-shaped id derived from a seed text (FNV-1a based; for ids HSDS needs on
// sub-records we do not keep ids for, e.g. a contact's phone). Not random, not secret.
std::string derived_uuid(std::string_view seed);
bool is_uuid(std::string_view s);

}  // namespace cp::directory
