// src/store/fidelity_store.cpp — queries behind the fidelity views (see fidelity_store.hpp).
// Timestamps are ISO 8601 UTC text, so "on or before date D" is `ts < next_day(D)`.
#include "cp/store/fidelity_store.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cp/fidelity/dates.hpp"
#include "cp/store/database.hpp"

namespace cp::store {

namespace {

std::string day_after(const std::string& d) { return fidelity::next_day(d).value_or(d); }

long long count(soci::session& s, const std::string& sql, long long person, const std::string& a,
                const std::string& b = {}) {
  long long n = 0;
  if (b.empty())
    s << sql, soci::use(person), soci::use(a), soci::into(n);
  else
    s << sql, soci::use(person), soci::use(a), soci::use(b), soci::into(n);
  return n;
}

}  // namespace

std::vector<CaseloadAtDate> caseload_at(soci::session& s, const std::string& scope, long long id,
                                        const std::string& as_of) {
  const std::string column = scope == "worker" ? "p.worker_id" : scope == "team" ? "p.team_id" : "p.agency_id";
  const std::string until = day_after(as_of);
  std::vector<CaseloadAtDate> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT p.person_id, p.id, p.worker_id, p.team_id FROM partnerships p WHERE " + column +
                        " = :id AND p.created_at < :until AND NOT (p.state IN ('moved_on','transferred') AND "
                        "p.state_since <= :as_of) ORDER BY p.worker_id, p.person_id",
       soci::use(id), soci::use(until), soci::use(as_of));
  for (const auto& r : rows) out.push_back({get_int(r, 0), get_int(r, 1), get_int(r, 2), get_int(r, 3)});
  return out;
}

fidelity::PersonPractice person_practice(soci::session& s, long long person_id, const std::string& as_of,
                                         const std::string& recent_from) {
  const std::string until = day_after(as_of);
  fidelity::PersonPractice p;
  // Assessment: a recent network map; assets.
  p.network_map_recent =
      count(s, "SELECT COUNT(*) FROM network_maps WHERE person_id = :p AND taken_on > :from AND taken_on <= :d",
            person_id, recent_from, as_of) > 0;
  p.assets_recorded = count(s, "SELECT COUNT(*) FROM assets WHERE person_id = :p AND created_at < :u", person_id,
                            until) > 0;
  // Planning: a goal with an objective that has an activity; barriers reviewed recently.
  p.goal_with_plan = count(s,
                           "SELECT COUNT(*) FROM activities a JOIN objectives o ON o.id = a.objective_id "
                           "JOIN goals g ON g.id = o.goal_id WHERE g.person_id = :p AND a.created_at < :u",
                           person_id, until) > 0;
  p.has_barriers = count(s, "SELECT COUNT(*) FROM barriers WHERE person_id = :p AND created_at < :u", person_id,
                         until) > 0;
  if (p.has_barriers) {
    long long n = 0;
    s << "SELECT COUNT(*) FROM barriers WHERE person_id = :p AND ((reviewed_on > :from AND reviewed_on <= :d) "
         "OR (updated_at > :from2 AND updated_at < :u))",
        soci::use(person_id), soci::use(recent_from), soci::use(as_of), soci::use(recent_from), soci::use(until),
        soci::into(n);
    p.barriers_reviewed = n > 0;
  }
  // Community: an engagement beyond "suggested".
  p.community_engagement = count(s,
                                 "SELECT COUNT(*) FROM engagements WHERE person_id = :p AND stage <> 'suggested' "
                                 "AND created_at < :u",
                                 person_id, until) > 0;
  // Partnership: the person added to their record; the person read their record, or a contact
  // reviewed the plan with them.
  p.co_produced = count(s,
                        "SELECT COUNT(*) FROM record_history WHERE person_id = :p AND changed_by_role = 'person' "
                        "AND changed_at < :u",
                        person_id, until) > 0;
  const bool read_own = count(s,
                              "SELECT COUNT(*) FROM audit_log WHERE person_id = :p AND role = 'person' AND "
                              "outcome = 'ok' AND at < :u",
                              person_id, until) > 0;
  // Contacts of the person's partnerships in the recent window, by shared process.
  bool review = false;
  {
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT c.processes FROM contacts c JOIN partnerships pa ON pa.id = c.partnership_id "
                      "WHERE pa.person_id = :p AND c.contact_date > :from AND c.contact_date <= :d",
         soci::use(person_id), soci::use(recent_from), soci::use(as_of));
    for (const auto& r : rows) {
      const std::string processes = "," + get_text(r, 0) + ",";
      auto has = [&](const char* name) { return processes.find(std::string(",") + name + ",") != std::string::npos; };
      p.contacts_community = p.contacts_community || has("community_resources") || has("engagement");
      p.contacts_relationships = p.contacts_relationships || has("network_mapping");
      review = review || has("review");
    }
  }
  p.seen_own_plan = p.co_produced || read_own || review;
  // Relationships: new members in the latest map (on or before the date) since the first.
  std::vector<long long> maps;
  {
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id FROM network_maps WHERE person_id = :p AND taken_on <= :d ORDER BY taken_on, id",
         soci::use(person_id), soci::use(as_of));
    for (const auto& r : rows) maps.push_back(get_int(r, 0));
  }
  p.has_two_maps = maps.size() >= 2;
  if (p.has_two_maps) {
    long long n = 0;
    s << "SELECT COUNT(*) FROM network_map_members m WHERE m.map_id = :last AND m.member_id NOT IN "
         "(SELECT f.member_id FROM network_map_members f WHERE f.map_id = :first)",
        soci::use(maps.back()), soci::use(maps.front()), soci::into(n);
    p.new_network_members = n > 0;
  }
  return p;
}

std::array<std::optional<double>, fidelity::kDomains> cpifs_scores(soci::session& s, long long person_id,
                                                                   const std::string& instrument,
                                                                   const std::string& as_of) {
  std::array<std::optional<double>, fidelity::kDomains> out{};
  std::string scores;
  soci::indicator ind = soci::i_null;
  const std::string until = day_after(as_of);
  s << "SELECT scores FROM questionnaire_responses WHERE person_id = :p AND instrument = :i AND status = "
       "'complete' AND updated_at < :u ORDER BY updated_at DESC, id DESC LIMIT 1",
      soci::use(person_id), soci::use(instrument), soci::use(until), soci::into(scores, ind);
  if (ind != soci::i_ok || scores.empty()) return out;
  const auto report = nlohmann::json::parse(scores, nullptr, false);
  // The stored score report (instruments::to_json): {"scores": {"community": 6.5, …}, …}.
  if (!report.is_object() || !report.contains("scores") || !report["scores"].is_object()) return out;
  const auto& j = report["scores"];
  for (std::size_t k = 0; k < fidelity::kDomains; ++k) {
    const char* id = fidelity::domain_id(fidelity::all_domains()[k]);
    if (j.contains(id) && j[id].is_number()) out[k] = j[id].get<double>();
  }
  return out;
}

long long insert_practice_example(soci::session& s, const PracticeExampleRow& e, long long by,
                                  const std::string& now) {
  s << "INSERT INTO practice_examples (agency_id, worker_id, domain, description, version, created_at, "
       "created_by) VALUES (:a, :w, :d, :t, 1, :now, :by)",
      soci::use(e.agency_id), soci::use(e.worker_id), soci::use(e.domain), soci::use(e.description), soci::use(now),
      soci::use(by);
  return Database::last_insert_id(s, "practice_examples");
}

namespace {

const char* kExampleSelect =
    "SELECT id, agency_id, worker_id, domain, description, created_at, consensus, consensus_note, consensus_at, "
    "version FROM practice_examples ";

PracticeExampleRow example_from(const soci::row& r) {
  PracticeExampleRow e;
  e.id = get_int(r, 0);
  e.agency_id = get_int(r, 1);
  e.worker_id = get_int(r, 2);
  e.domain = get_text(r, 3);
  e.description = get_text(r, 4);
  e.created_at = get_text(r, 5);
  if (!is_null(r, 6)) e.consensus = static_cast<int>(get_int(r, 6));
  if (!is_null(r, 7)) e.consensus_note = get_text(r, 7);
  if (!is_null(r, 8)) e.consensus_at = get_text(r, 8);
  e.version = static_cast<int>(get_int(r, 9));
  return e;
}

void load_ratings(soci::session& s, PracticeExampleRow& e) {
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT rater, rating FROM practice_example_ratings WHERE example_id = :e ORDER BY rater",
       soci::use(e.id));
  for (const auto& r : rows) e.ratings.emplace_back(get_int(r, 0), static_cast<int>(get_int(r, 1)));
}

}  // namespace

std::optional<PracticeExampleRow> practice_example_by_id(soci::session& s, long long id) {
  soci::rowset<soci::row> rows = (s.prepare << std::string(kExampleSelect) + "WHERE id = :id", soci::use(id));
  for (const auto& r : rows) {
    auto e = example_from(r);
    load_ratings(s, e);
    return e;
  }
  return std::nullopt;
}

std::vector<PracticeExampleRow> practice_examples_of(soci::session& s, const std::string& scope, long long id) {
  const std::string where = scope == "worker" ? "WHERE worker_id = :id"
                            : scope == "team" ? "WHERE worker_id IN (SELECT id FROM workers WHERE team_id = :id)"
                                              : "WHERE agency_id = :id";
  std::vector<PracticeExampleRow> out;
  {
    soci::rowset<soci::row> rows =
        (s.prepare << std::string(kExampleSelect) + where + " ORDER BY worker_id, domain, id", soci::use(id));
    for (const auto& r : rows) out.push_back(example_from(r));
  }
  for (auto& e : out) load_ratings(s, e);
  return out;
}

void upsert_rating(soci::session& s, long long example_id, long long rater, int rating, const std::string& now) {
  long long n = 0;
  s << "SELECT COUNT(*) FROM practice_example_ratings WHERE example_id = :e AND rater = :r", soci::use(example_id),
      soci::use(rater), soci::into(n);
  if (n > 0)
    s << "UPDATE practice_example_ratings SET rating = :v, rated_at = :now WHERE example_id = :e AND rater = :r",
        soci::use(rating), soci::use(now), soci::use(example_id), soci::use(rater);
  else
    s << "INSERT INTO practice_example_ratings (example_id, rater, rating, rated_at) VALUES (:e, :r, :v, :now)",
        soci::use(example_id), soci::use(rater), soci::use(rating), soci::use(now);
}

bool set_consensus(soci::session& s, long long example_id, int expected_version, int consensus,
                   const std::string& note, long long by, const std::string& now) {
  soci::statement st =
      (s.prepare << "UPDATE practice_examples SET consensus = :c, consensus_note = :n, consensus_at = :now, "
                    "consensus_by = :by, version = version + 1 WHERE id = :id AND version = :v",
       soci::use(consensus), soci::use(note), soci::use(now), soci::use(by), soci::use(example_id),
       soci::use(expected_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<std::string> fidelity_thresholds(soci::session& s, long long agency_id) {
  std::string j;
  soci::indicator ind = soci::i_null;
  s << "SELECT thresholds FROM fidelity_settings WHERE agency_id = :a", soci::use(agency_id), soci::into(j, ind);
  if (!s.got_data() || ind != soci::i_ok) return std::nullopt;
  return j;
}

void save_fidelity_thresholds(soci::session& s, long long agency_id, const std::string& json, long long by,
                              const std::string& now) {
  if (fidelity_thresholds(s, agency_id))
    s << "UPDATE fidelity_settings SET thresholds = :t, updated_at = :now, updated_by = :by WHERE agency_id = :a",
        soci::use(json), soci::use(now), soci::use(by), soci::use(agency_id);
  else
    s << "INSERT INTO fidelity_settings (agency_id, thresholds, updated_at, updated_by) VALUES (:a, :t, :now, :by)",
        soci::use(agency_id), soci::use(json), soci::use(now), soci::use(by);
}

}  // namespace cp::store
