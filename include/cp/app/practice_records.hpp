// include/cp/app/practice_records.hpp — the use cases of the co-produced CPI record (issue 4;
// contract: docs/practice-api.md): network maps, assets, goals → objectives → activities, ideas,
// engagements, barriers, recognition; the quick contact form with records added in the same
// transaction; the whole person page; the journey picture.
//
// Each use case checks the caller's access to the person (access.hpp:
// access_to_practice_record), runs in one write transaction, and audits the read, the write or
// the refusal in it. Bodies arrive as parsed JSON and are checked here, strictly (unknown
// fields refused, errors name the field), so that the contact form's `add` lists and the
// routes share one validation. A failed check after a write has begun rolls the whole
// transaction back: nothing is stored.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "cp/app/caller.hpp"
#include "cp/app/service.hpp"
#include "cp/domain/contact.hpp"
#include "cp/domain/result.hpp"

namespace cp::app {

class PracticeRecords {
 public:
  explicit PracticeRecords(Service& service) : service_(service) {}

  // The record collections with the generic create/read/update/history use cases, by their
  // name in the API: "assets", "goals", "objectives", "activities", "ideas", "engagements",
  // "barriers", "recognition". Other names are a programmer error (asserted; not_found).
  static bool is_collection(std::string_view collection);

  // GET /people/{id}/<collection> → {"<collection>": [...]} (goals nest objectives, activities).
  Result<json> list(const Caller& c, std::string_view collection, long long person_id);
  // POST /people/{id}/<collection> (assets, goals, ideas, engagements, barriers, recognition).
  Result<json> create(const Caller& c, std::string_view collection, long long person_id,
                      const json& body);
  // POST /goals/{id}/objectives and /objectives/{id}/activities: `collection` is the child's.
  Result<json> create_child(const Caller& c, std::string_view collection, long long parent_id,
                            const json& body);
  Result<json> read(const Caller& c, std::string_view collection, long long id);
  // PUT /<collection>/{id}: body carries `version`; fields left out keep their value, null
  // clears an optional one. 409 version_conflict when stale, nothing written (http/ then reads
  // the current record, an audited read, to send it as error.current).
  Result<json> update(const Caller& c, std::string_view collection, long long id, const json& body);
  Result<json> history(const Caller& c, std::string_view collection, long long id);

  // ---- network maps ----
  Result<json> list_maps(const Caller& c, long long person_id);
  Result<json> create_map(const Caller& c, long long person_id, const json& body);
  Result<json> read_map(const Caller& c, long long map_id);
  Result<json> update_map(const Caller& c, long long map_id, const json& body);
  Result<json> map_history(const Caller& c, long long map_id);
  Result<json> map_change(const Caller& c, long long map_id, std::optional<long long> from_id);
  Result<std::string> map_graphml(const Caller& c, long long map_id);
  // POST /engagements/{id}/add-to-map with the engagement's map_offer (name, relation, ring,
  // resource_id): adds the member to the latest map (or starts one); returns the map.
  Result<json> engagement_add_to_map(const Caller& c, long long engagement_id, const json& body);

  // ---- the person page ----
  Result<json> person_record(const Caller& c, long long person_id);
  Result<json> journey(const Caller& c, long long person_id);

  // The quick contact form: the contact and the records of `add` (may be null), all or nothing.
  Result<json> add_contact(const Caller& c, long long partnership_id,
                           const domain::NewContact& contact, const json& add);

 private:
  Service& service_;
};

}  // namespace cp::app
