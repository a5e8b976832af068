// src/app/demo_scale_generate.cpp — ScaleGenerator: what `cpi demo --scale N` generates (pure:
// no database; see demo_scale.hpp). Every person's rows come from a random stream seeded by
// (seed, person index), so the data does not depend on the batch size.
#include <fmt/format.h>

#include <array>
#include <chrono>
#include <cmath>
#include <stdexcept>

#include "cp/app/demo_scale.hpp"
#include "demo_internal.hpp"
#include "cp/directory/resource.hpp"
#include "cp/domain/contact.hpp"

namespace cp::app {

namespace {

using store::BulkTable;
using store::BulkValue;

// splitmix64: small, fast, and good enough for synthetic data.
struct Rng {
  std::uint64_t state;
  explicit Rng(std::uint64_t seed, std::uint64_t stream) : state(seed * 0x9E3779B97F4A7C15ULL + stream * 0xBF58476D1CE4E5B9ULL + 1) {}
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  bool chance(double p) { return static_cast<double>(next() >> 11) * 0x1.0p-53 < p; }
};

constexpr std::array<const char*, 24> kFirst{
    "Alex", "Sam", "Jordan", "Priya", "Tomasz", "Aisha", "Niamh", "Kwame", "Rosa", "Declan", "Mei", "Farah",
    "Owen", "Grace", "Yusuf", "Hannah", "Luca", "Bea", "Callum", "Ifeoma", "Ewan", "Zara", "Dylan", "Maya"};
constexpr std::array<const char*, 24> kLast{
    "Morgan", "Ahmed", "Kowalski", "Patel", "O'Neill", "Mensah", "Rossi", "Byrne", "Chen", "Khan", "Evans", "Okafor",
    "Hughes", "Silva", "Reid", "Novak", "Price", "Adeyemi", "Walsh", "Lund", "Doyle", "Ferreira", "Iqbal", "Kerr"};
constexpr std::array<const char*, 5> kSectors{"statutory", "nhs", "third_sector", "third_sector", "other"};
constexpr std::array<const char*, 12> kTags{"outdoors", "walking", "gardening", "music", "singing", "social",
                                            "learning", "computers", "peer support", "volunteering",
                                            "physical activity", "arts"};
constexpr std::array<const char*, 8> kResourceKinds{"Walking Group", "Community Garden", "Choir", "Digital Skills Course",
                                                    "Peer Support Group", "Volunteer Centre", "Art Club", "Men's Shed"};
std::chrono::sys_days parse_day(const std::string& d) {
  if (d.size() != 10) throw std::invalid_argument("today must be YYYY-MM-DD");
  using namespace std::chrono;
  return sys_days{year{std::stoi(d.substr(0, 4))} / month{static_cast<unsigned>(std::stoi(d.substr(5, 2)))} /
                  day{static_cast<unsigned>(std::stoi(d.substr(8, 2)))}};
}
std::string day_text(std::chrono::sys_days d) {
  const std::chrono::year_month_day ymd{d};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}
std::string stamp(const std::string& day) { return day + "T10:00:00.000Z"; }

BulkValue text(std::string s) { return BulkValue{std::move(s)}; }
BulkValue num(long long n) { return BulkValue{n}; }
const BulkValue kNull{nullptr};

const std::vector<std::string> kCommonCols{"id",         "person_id",  "version",        "created_at",
                                           "created_by", "created_by_name", "created_by_role", "updated_at",
                                           "updated_by", "updated_by_name", "updated_by_role"};
std::vector<std::string> with_common(std::vector<std::string> own) {
  auto cols = kCommonCols;
  cols.insert(cols.end(), own.begin(), own.end());
  return cols;
}

}  // namespace

ScaleGenerator::ScaleGenerator(ScaleOptions options, std::vector<ScoredAnswers> pool, std::string password_hash)
    : options_(std::move(options)), pool_(std::move(pool)), password_hash_(std::move(password_hash)) {
  if (options_.agencies < 1 || options_.workers < 2 || options_.people < 1)
    throw std::invalid_argument("--scale needs at least 1 agency, 2 workers and 1 person");
  if (options_.workers < options_.agencies) throw std::invalid_argument("--workers must be at least --agencies");
  teams_per_agency_ = std::max(1, options_.workers / (options_.agencies * 5));
  options_.demo_caseload = static_cast<int>(std::min<long long>(options_.demo_caseload, options_.people));
  parse_day(options_.today);
}

std::vector<std::string> ScaleGenerator::tables_with_ids() {
  return {"agencies", "teams", "workers", "accounts", "directory_resources", "directory_history", "studies",
          "study_sites", "study_waves", "people", "partnerships", "episodes", "contacts", "network_maps",
          "network_members", "goals", "objectives", "activities", "assets", "ideas", "engagements", "barriers",
          "recognition", "record_history", "questionnaire_responses", "study_participants", "study_consent_events"};
}

int ScaleGenerator::study_count() const noexcept { return (options_.agencies + 4) / 5; }

// Worker 0 (demo-practitioner) holds the first demo_caseload people; everyone else is spread
// round-robin over workers 1 … W-1.
long long ScaleGenerator::worker_of_person(long long p) const {
  if (p < options_.demo_caseload) return 0;
  return 1 + (p - options_.demo_caseload) % (options_.workers - 1);
}

std::vector<BulkTable> ScaleGenerator::structure() const {
  const std::string today = options_.today;
  const std::string ts = stamp(today);
  const auto day0 = parse_day(today);
  BulkTable agencies("agencies", {"id", "name", "sector", "created_at"});
  BulkTable teams("teams", {"id", "agency_id", "name"});
  BulkTable workers("workers", {"id", "agency_id", "team_id", "display_name", "job_title", "active"});
  BulkTable resources("directory_resources", {"id", "agency_id", "hsds_id", "name", "capacity", "confidential", "status",
                                              "reviewed_on", "body", "version", "created_at", "updated_at",
                                              "updated_by", "updated_by_name"});
  BulkTable tags("directory_tags", {"resource_id", "agency_id", "tag"});
  BulkTable history("directory_history", {"id", "resource_id", "version", "action", "body", "changed_at", "changed_by",
                                          "changed_by_name"});
  BulkTable studies("studies", {"id", "agency_id", "name", "design", "created_by", "created_at"});
  BulkTable sites("study_sites", {"id", "study_id", "team_id", "arm"});
  BulkTable waves("study_waves", {"id", "study_id", "wave", "target_month", "window_days"});
  Rng rng(options_.seed, 0xA6E);
  for (int a = 1; a <= options_.agencies; ++a) {
    agencies.add({num(a), text(fmt::format("Region agency {:03} (demo)", a)), text(kSectors[(a - 1) % kSectors.size()]),
                  text(ts)});
    for (int t = 1; t <= teams_per_agency_; ++t)
      teams.add({num((a - 1) * teams_per_agency_ + t), num(a), text(fmt::format("Team {:02}", t))});
  }
  const int team_total = team_count();
  for (int w = 0; w < options_.workers; ++w) {
    const long long team = 1 + static_cast<long long>(w) * team_total / options_.workers;
    const long long agency = 1 + (team - 1) / teams_per_agency_;
    workers.add({num(w + 1), num(agency), num(team),
                 text(fmt::format("{} {} (worker {})", kFirst[rng.below(kFirst.size())], kLast[rng.below(kLast.size())], w + 1)),
                 text(w % 5 == 4 ? "Team leader" : "Social worker"), num(1)});
  }
  long long rid = 0;
  for (int a = 1; a <= options_.agencies; ++a) {
    for (int k = 0; k < options_.resources_per_agency; ++k) {
      ++rid;
      directory::Resource r;
      r.hsds_id = directory::derived_uuid(fmt::format("scale-service:{}:{}", options_.seed, rid));
      r.name = fmt::format("{} {} (demo, agency {})", kFirst[rng.below(kFirst.size())] , kResourceKinds[k % kResourceKinds.size()], a);
      r.organization.hsds_id = directory::derived_uuid(fmt::format("scale-organization:{}:{}", options_.seed, rid));
      r.organization.name = fmt::format("Made-up organisation {}", rid);
      r.description = "A synthetic community resource in the scale demo data.";
      r.tags = {kTags[static_cast<size_t>(k) % kTags.size()], kTags[static_cast<size_t>(rng.below(kTags.size()))]};
      r.cost = "Free";
      r.capacity = k % 9 == 8 ? directory::Capacity::full : directory::Capacity::open;
      if (k % 4 != 3) r.reviewed_on = day_text(day0 - std::chrono::days(rng.below(600)));
      directory::normalise(r);
      const std::string body = directory::to_json(r).dump();
      resources.add({num(rid), num(a), text(r.hsds_id), text(r.name), text(std::string(directory::to_string(r.capacity))),
                     num(0), text(r.status), r.reviewed_on.empty() ? kNull : text(r.reviewed_on), text(body), num(1),
                     text(ts), text(ts), kNull, text("demo-seed")});
      for (const auto& tag : r.tags) tags.add({num(rid), num(a), text(tag)});
      history.add({num(rid), num(rid), num(1), text("create"), text(body), text(ts), kNull, text("demo-seed")});
    }
  }
  // One cluster-controlled study per five agencies (a region's study), over their teams, arms
  // alternating; site ids are team ids.
  for (int st = 1; st <= study_count(); ++st) {
    studies.add({num(st), num((st - 1) * 5 + 1), text(fmt::format("Regional implementation study {} (scale demo)", st)),
                 text("cluster_controlled"), kNull, text(ts)});
    const int first_team = (st - 1) * 5 * teams_per_agency_ + 1;
    const int last_team = std::min(st * 5, options_.agencies) * teams_per_agency_;
    for (int t = first_team; t <= last_team; ++t)
      sites.add({num(t), num(st), num(t), text(t % 2 ? "intervention" : "control")});
    int k = 0;
    for (const auto& [wave, month] : {std::pair{"baseline", 0}, {"month_6", 6}, {"month_12", 12}})
      waves.add({num((st - 1) * 3 + ++k), num(st), text(wave), num(month), num(28)});
  }
  std::vector<BulkTable> out;
  for (auto* t : {&agencies, &teams, &workers, &resources, &tags, &history, &studies, &sites, &waves})
    out.push_back(std::move(*t));
  return out;
}

std::vector<BulkTable> ScaleGenerator::sign_ins() const {
  const std::string ts = stamp(options_.today);
  BulkTable accounts("accounts", {"id", "username", "display_name", "password_hash", "role", "agency_id", "team_id",
                                  "worker_id", "person_id", "active", "created_at"});
  // The demo sign-ins: worker 1 (index 0) is demo-practitioner; the leader of its team is the
  // team's last worker; demo-person is the practitioner's first person (person id 1).
  const long long lead_worker = std::max<long long>(1, std::min<long long>(5, options_.workers) - 1) + 1;
  long long aid = 0;
  auto account = [&](const char* user, const char* display, const char* role, BulkValue team, BulkValue worker,
                     BulkValue person) {
    accounts.add({num(++aid), text(user), text(display), text(password_hash_), text(role), num(1), std::move(team),
                  std::move(worker), std::move(person), num(1), text(ts)});
  };
  account("demo-practitioner", "Demo practitioner", "practitioner", num(1), num(1), kNull);
  account("demo-lead", "Demo team leader", "team_leader", num(1), num(lead_worker), kNull);
  account("demo-admin", "Agency administrator", "agency_admin", kNull, kNull, kNull);
  account("demo-researcher", "Study researcher", "researcher", kNull, kNull, kNull);
  account("demo-person", "Demo person", "person", kNull, kNull, num(1));
  account("demo-sysadmin", "System administrator", "system_admin", kNull, kNull, kNull);
  std::vector<BulkTable> out;
  out.push_back(std::move(accounts));
  return out;
}

std::vector<BulkTable> ScaleGenerator::people(long long first, long long count) {
  const auto day0 = parse_day(options_.today);
  const std::string ts = stamp(options_.today);
  BulkTable people("people", {"id", "agency_id", "display_name", "preferred_name", "pronouns", "date_of_birth", "postcode",
                              "created_at"});
  BulkTable partnerships("partnerships", {"id", "agency_id", "team_id", "worker_id", "person_id", "state", "state_since",
                                          "created_at"});
  BulkTable episodes("episodes", {"id", "partnership_id", "state", "started_on", "ended_on", "reason", "from_worker_id",
                                  "to_worker_id", "recorded_by", "recorded_at"});
  BulkTable contacts("contacts", {"id", "partnership_id", "contact_date", "mode", "duration_minutes", "processes", "note",
                                  "recorded_by", "recorded_at"});
  BulkTable maps("network_maps", with_common({"taken_on", "note"}));
  BulkTable members("network_members", {"id", "person_id", "created_at"});
  BulkTable map_members("network_map_members", {"map_id", "member_id", "position", "name", "kind", "relation", "ring",
                                                "support_to_person", "support_from_person", "frequency", "resource_id",
                                                "x", "y"});
  BulkTable ties("network_map_ties", {"map_id", "a", "b"});
  BulkTable goals("goals", with_common({"content", "status", "review_on"}));
  BulkTable objectives("objectives", with_common({"goal_id", "content", "status", "review_on"}));
  BulkTable activities("activities", with_common({"objective_id", "content", "who", "who_other", "by_when", "status"}));
  BulkTable assets("assets", with_common({"kind", "content", "status"}));
  BulkTable ideas("ideas", with_common({"content", "suggested_by", "goal_id", "resource_id", "outcome", "outcome_note"}));
  BulkTable engagements("engagements", with_common({"resource_id", "resource_name", "stage", "stopped_reason", "started_on",
                                                    "note", "new_relationship"}));
  BulkTable barriers("barriers", with_common({"side", "category", "description", "status", "tried", "reviewed_on"}));
  BulkTable recognition("recognition", with_common({"kind", "content", "given_by"}));
  BulkTable history("record_history", {"id", "record_type", "record_id", "person_id", "version", "changed_at", "changed_by",
                                       "changed_by_name", "changed_by_role", "change_kind", "data_json"});
  BulkTable responses("questionnaire_responses",
                      {"id", "person_id", "wave", "instrument", "instrument_version", "answers", "status", "mode", "scores",
                       "version", "created_at", "created_by", "created_by_role", "updated_at", "updated_by",
                       "updated_by_role", "completed_at"});
  BulkTable participants("study_participants", {"id", "study_id", "person_id", "site_id", "status", "assessed_on",
                                                "recruited_on", "withdrawn_on", "withdrawal_reason", "recorded_by",
                                                "recorded_at"});
  BulkTable consent("study_consent_events", {"id", "participant_id", "event", "on_date", "note", "recorded_by",
                                             "recorded_at"});
  const auto& processes = domain::shared_processes();
  const auto& modes = domain::contact_modes();
  const int team_total = team_count();
  const long long end = std::min(first + count, options_.people);
  for (long long p = first; p < end; ++p) {
    Rng rng(options_.seed, static_cast<std::uint64_t>(p) + 1);
    const long long id = p + 1;
    const long long worker = worker_of_person(p) + 1;
    const long long team = 1 + (worker - 1) * team_total / options_.workers;
    const long long agency = 1 + (team - 1) / teams_per_agency_;
    const std::string first_name = kFirst[rng.below(kFirst.size())];
    people.add({num(id), num(agency), text(fmt::format("{} {} {}", first_name, kLast[rng.below(kLast.size())], id)),
                text(first_name), text(rng.chance(0.5) ? "she/her" : (rng.chance(0.8) ? "he/him" : "they/them")),
                text(fmt::format("{}-{:02}-{:02}", 1945 + rng.below(60), 1 + rng.below(12), 1 + rng.below(28))),
                text(fmt::format("NB{} {}XY", 1 + rng.below(9), rng.below(10))), text(ts)});
    // The partnership and its episodes.
    const int started_ago = 7 + rng.below(900);
    const auto started = day0 - std::chrono::days(started_ago);
    const int roll = rng.below(100);
    const char* state = roll < 80 ? "open" : roll < 88 ? "paused" : roll < 93 ? "re_entered" : "moved_on";
    const std::string start_text = day_text(started);
    std::string since = start_text;
    const std::string s_state = state;
    if (s_state == "open") {
      episodes.add({num(next_episode_++), num(id), text("open"), text(start_text), kNull, kNull, kNull, kNull, kNull, text(ts)});
    } else {
      const std::string mid = day_text(started + std::chrono::days(started_ago / 2));
      episodes.add({num(next_episode_++), num(id), text("open"), text(start_text), text(mid), kNull, kNull, kNull, kNull, text(ts)});
      since = mid;
      if (s_state == "re_entered") {
        const std::string back = day_text(started + std::chrono::days(3 * started_ago / 4));
        episodes.add({num(next_episode_++), num(id), text("paused"), text(mid), text(back), text("taking a break"), kNull,
                      kNull, kNull, text(ts)});
        episodes.add({num(next_episode_++), num(id), text("re_entered"), text(back), kNull, kNull, kNull, kNull, kNull, text(ts)});
        since = back;
      } else {
        episodes.add({num(next_episode_++), num(id), text(state), text(mid), kNull,
                      text(s_state == "moved_on" ? "has built their own networks" : "taking a break"), kNull, kNull,
                      kNull, text(ts)});
      }
    }
    partnerships.add({num(id), num(agency), num(team), num(worker), num(id), text(state), text(since), text(ts)});
    // Contacts: a few each, over the partnership so far.
    const int n_contacts = 1 + rng.below(6);
    for (int k = 0; k < n_contacts; ++k) {
      const auto on = started + std::chrono::days(static_cast<long long>(started_ago) * (k + 1) / (n_contacts + 1));
      std::string procs = processes[static_cast<size_t>(rng.below(static_cast<int>(processes.size())))];
      const std::string second = processes[static_cast<size_t>(rng.below(static_cast<int>(processes.size())))];
      if (rng.chance(0.5) && second != procs) procs += "," + second;
      contacts.add({num(next_contact_++), num(id), text(day_text(on)), text(modes[static_cast<size_t>(rng.below(static_cast<int>(modes.size())))]),
                    num(30 + 15 * rng.below(4)), text(procs), text("Synthetic contact note."), kNull, text(ts)});
    }
    // Network maps for about a third of people: one or two snapshots of 4–8 stable members.
    if (rng.chance(0.33)) {
      const int n_members = 4 + rng.below(5);
      const long long first_member = next_member_;
      for (int m = 0; m < n_members; ++m) members.add({num(next_member_++), num(id), text(ts)});
      const int snapshots = rng.chance(0.4) ? 2 : 1;
      for (int snap = 0; snap < snapshots; ++snap) {
        const long long map = next_map_++;
        const std::string taken = day_text(started + std::chrono::days(std::max(1, started_ago * (snap + 1) / 3)));
        maps.add({num(map), num(id), num(1), text(stamp(taken)), kNull, text("Demo worker"), text("practitioner"),
                  text(stamp(taken)), kNull, text("Demo worker"), text("practitioner"), text(taken),
                  text(snap ? "Follow-up map" : "First map")});
        history.add({num(next_history_++), text("network_map"), num(map), num(id), num(1), text(stamp(taken)), kNull,
                     text("Demo worker"), text("practitioner"), text("created"), text("{}")});
        const int shown = snap ? n_members : n_members - 1;
        for (int m = 0; m < shown; ++m) {
          const auto& d = kDemoNetworkMembers[static_cast<size_t>((m + p) % kDemoNetworkMembers.size())];
          const double radius = std::string(d.ring) == "close" ? 80 : (std::string(d.ring) == "middle" ? 160 : 240);
          const double angle = 6.283185307179586 * m / shown;
          map_members.add({num(map), num(first_member + m), num(m), text(d.name), text(d.kind), text(d.relation),
                           text(d.ring), text(d.to), text(d.from), text(d.frequency), kNull,
                           BulkValue{radius * std::cos(angle)}, BulkValue{radius * std::sin(angle)}});
        }
        for (int m = 1; m < shown; ++m) {
          const int other = rng.below(m);
          ties.add({num(map), num(first_member + other), num(first_member + m)});
        }
      }
    }
    // Practice records for about a quarter of people: a goal with an objective and an activity,
    // an asset, an idea, an engagement with a resource of their agency, a barrier, recognition;
    // each with its "created" history row.
    if (rng.chance(0.25)) {
      const std::string on = day_text(started + std::chrono::days(std::max(1, started_ago / 3)));
      const std::string at = stamp(on);
      auto common = [&](long long rid) {
        return std::vector<BulkValue>{num(rid), num(id), num(1), text(at), kNull, text("Demo worker"), text("practitioner"),
                                      text(at), kNull, text("Demo worker"), text("practitioner")};
      };
      auto add = [&](BulkTable& t, const char* type, long long rid, std::vector<BulkValue> own, std::string data = "{}") {
        auto row = common(rid);
        for (auto& v : own) row.push_back(std::move(v));
        t.add(std::move(row));
        history.add({num(next_history_++), text(type), num(rid), num(id), num(1), text(at), kNull, text("Demo worker"),
                     text("practitioner"), text("created"), text(std::move(data))});
      };
      const long long goal = next_goal_++, objective = next_objective_++;
      add(goals, "goal", goal, {text("Synthetic goal: meet new people"), text("active"), text(day_text(day0 + std::chrono::days(60)))});
      add(objectives, "objective", objective, {num(goal), text("Synthetic objective"), text("active"), kNull});
      add(activities, "activity", next_activity_++, {num(objective), text("Synthetic activity"), text("both"), kNull,
                                                     text(day_text(day0 + std::chrono::days(30))), text("planned")});
      add(assets, "asset", next_asset_++, {text("interest"), text("Synthetic interest"), text("current")});
      const long long resource = (agency - 1) * options_.resources_per_agency + 1 + rng.below(std::max(1, options_.resources_per_agency));
      add(ideas, "idea", next_idea_++, {text("Synthetic idea"), text("person"), num(goal), kNull, text("open"), kNull});
      add(engagements, "engagement", next_engagement_++,
          {num(resource), text("A community resource (demo)"), text("attended"), kNull, text(on), kNull, kNull},
          R"({"stage":"attended"})");
      add(barriers, "barrier", next_barrier_++, {text("person"), text("self_stigma"), kNull, text("open"), kNull, kNull});
      add(recognition, "recognition", next_recognition_++, {text("achievement"), text("Synthetic achievement"), text("worker")});
    }
    // Questionnaires at the waves the partnership has reached: complete and scored.
    struct Wave { const char* id; int month; double share; };
    for (const Wave w : {Wave{"baseline", 0, 0.85}, Wave{"month_6", 6, 0.6}, Wave{"month_12", 12, 0.5}}) {
      if (started_ago < w.month * 30 + 14 || !rng.chance(w.share)) continue;
      const std::string on = day_text(started + std::chrono::days(w.month * 30 + rng.below(14)));
      for (std::size_t inst = 0; inst < 2 && !pool_.empty(); ++inst) {
        // The pool holds sets for each instrument in turn; pick one of this instrument's.
        const std::size_t per = pool_.size() / 2 == 0 ? pool_.size() : pool_.size() / 2;
        const auto& a = pool_[std::min(pool_.size() - 1, inst * per + static_cast<std::size_t>(rng.below(static_cast<int>(per))))];
        responses.add({num(next_response_++), num(id), text(w.id), text(a.instrument), text(a.version), text(a.answers),
                       text("complete"), text("interviewer"), text(a.scores), num(1), text(stamp(on)), kNull,
                       text("practitioner"), text(stamp(on)), kNull, text("practitioner"), text(stamp(on))});
      }
    }
    // Their region's study: about a quarter of people are assessed for it.
    const long long study = 1 + (agency - 1) / 5;
    if (rng.chance(0.25)) {
      const std::string assessed = start_text;
      const long long pid = next_participant_++;
      if (rng.chance(0.1)) {
        participants.add({num(pid), num(study), num(id), num(team), text("declined"), text(assessed), kNull, kNull, kNull,
                          kNull, text(ts)});
      } else {
        participants.add({num(pid), num(study), num(id), num(team), text("recruited"), text(assessed), text(assessed), kNull,
                          kNull, kNull, text(ts)});
        consent.add({num(next_consent_++), num(pid), text("given"), text(assessed), kNull, kNull, text(ts)});
      }
    }
  }
  std::vector<BulkTable> out;
  for (auto* t : {&people, &partnerships, &episodes, &contacts, &maps, &members, &map_members, &ties, &goals,
                  &objectives, &activities, &assets, &ideas, &engagements, &barriers, &recognition, &history,
                  &responses, &participants, &consent})
    out.push_back(std::move(*t));
  return out;
}

}  // namespace cp::app
