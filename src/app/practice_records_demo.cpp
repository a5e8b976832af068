// src/app/practice_records_demo.cpp — synthetic practice records for the demo people (all names
// made up): network map snapshots (a second one for some, so change shows), goals with an
// objective and an activity, assets, an idea, an engagement, a barrier and recognition.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "demo_internal.hpp"
#include "practice_records_internal.hpp"

namespace cp::app::records {

namespace {

std::vector<std::string> split(const char* s) {
  std::vector<std::string> out;
  std::string cur;
  for (const char* p = s; *p; ++p) {
    if (*p == ',') {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += *p;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

std::string day(std::chrono::sys_days d) {
  const std::chrono::year_month_day ymd{d};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}
std::string stamp(std::chrono::sys_days d) { return day(d) + "T10:00:00.000Z"; }

}  // namespace

void seed_demo_records(soci::session& s, long long person_id, int variant, const store::Actor& by,
                       const store::Actor& themself, std::chrono::sys_days today, int started_days_ago,
                       bool with_maps) {
  using std::chrono::days;
  const auto start = today - days(started_days_ago);
  const auto first_on = start + days(std::min(14, started_days_ago / 2));
  // First snapshot: 3–6 members, a tie or two between them.
  if (with_maps) {
  store::MapContent content;
  const int n = 3 + variant % 4;
  for (int k = 0; k < n; ++k) {
    const auto& d = kDemoNetworkMembers[static_cast<std::size_t>((variant + k * 3) % static_cast<int>(kDemoNetworkMembers.size()))];
    store::MapMemberRow m;
    m.member_id = store::insert_member(s, person_id, stamp(first_on));
    m.name = d.name;
    m.kind = d.kind;
    m.relation = d.relation;
    m.ring = d.ring;
    m.support_to_person = split(d.to);
    m.support_from_person = split(d.from);
    m.frequency = d.frequency;
    const double angle = 6.283185307 * k / n;
    const double radius = std::string(d.ring) == "close" ? 80 : (std::string(d.ring) == "middle" ? 160 : 240);
    m.x = std::round(radius * std::cos(angle));
    m.y = std::round(radius * std::sin(angle));
    content.members.push_back(std::move(m));
  }
  content.ties.emplace_back(content.members[0].member_id, content.members[1].member_id);
  if (n > 3) content.ties.emplace_back(content.members[1].member_id, content.members[3].member_id);
  store::RecordRow header;
  header.person_id = person_id;
  header.fields = {{"taken_on", day(first_on)}, {"note", "First map, drawn together."}};
  save_map(s, header, content, true, by, stamp(first_on));
  // A later snapshot for every third person: one member lost, two new.
  if (variant % 3 == 0 && started_days_ago > 60) {
    const auto second_on = today - days(std::max(5, started_days_ago / 4));
    content.members.pop_back();
    std::vector<store::MapMemberRow> keep = content.members;
    for (const char* name : {"Allotment society", "Pat from the allotments"}) {
      store::MapMemberRow m;
      m.member_id = store::insert_member(s, person_id, stamp(second_on));
      m.name = name;
      m.kind = name[0] == 'A' ? "group" : "person";
      m.relation = "community_group";
      m.ring = name[0] == 'A' ? "middle" : "outer";
      m.support_to_person = {"companionship"};
      m.support_from_person = {"practical"};
      m.frequency = "weekly";
      keep.push_back(std::move(m));
    }
    std::vector<std::pair<long long, long long>> ties;
    for (const auto& t : content.ties) {
      const bool both = std::any_of(keep.begin(), keep.end(), [&](auto& m) { return m.member_id == t.first; }) &&
                        std::any_of(keep.begin(), keep.end(), [&](auto& m) { return m.member_id == t.second; });
      if (both) ties.push_back(t);
    }
    ties.emplace_back(keep[keep.size() - 2].member_id, keep.back().member_id);
    store::MapContent next{keep, ties};
    store::RecordRow h2;
    h2.person_id = person_id;
    h2.fields = {{"taken_on", day(second_on)}, {"note", "Review: the allotments are part of life now."}};
    save_map(s, h2, next, true, by, stamp(second_on));
  }
  }  // with_maps
  // Goals → objective → activity, assets, an idea, an engagement, a barrier, recognition.
  const auto on = start + days(std::min(21, started_days_ago / 2));
  const std::array<const char*, 4> goals{"Feel less alone at weekends", "Get back into work, a few hours a week",
                                         "Go swimming again", "Make one new friend this year"};
  const json goal = insert_record(s, *kind_of("goals"), person_id,
                                  {{"content", goals[static_cast<std::size_t>(variant % 4)]},
                                   {"status", "active"},
                                   {"review_on", day(today + days(30 + variant % 40))}},
                                  by, stamp(on));
  const json objective = insert_record(
      s, *kind_of("objectives"), person_id,
      {{"goal_id", goal["id"]}, {"content", "Try one local group"}, {"status", "active"}, {"review_on", nullptr}}, by,
      stamp(on));
  insert_record(s, *kind_of("activities"), person_id,
                {{"objective_id", objective["id"]},
                 {"content", "Look at the directory together and pick two groups"},
                 {"who", "both"},
                 {"who_other", nullptr},
                 {"by_when", day(on + days(14))},
                 {"status", variant % 2 == 0 ? "done" : "planned"}},
                by, stamp(on));
  insert_record(s, *kind_of("assets"), person_id, {{"kind", "interest"}, {"content", "Gardening"}, {"status", "current"}},
                by, stamp(first_on));
  insert_record(s, *kind_of("assets"), person_id,
                {{"kind", "skill"}, {"content", variant % 2 ? "Good with computers" : "Cooking for others"},
                 {"status", "current"}},
                by, stamp(first_on));
  insert_record(s, *kind_of("ideas"), person_id,
                {{"content", "Volunteer at the community café"}, {"suggested_by", variant % 2 ? "worker" : "person"},
                 {"goal_id", goal["id"]}, {"resource_id", nullptr}, {"outcome", variant % 3 == 0 ? "tried" : "open"},
                 {"outcome_note", nullptr}},
                variant % 2 ? by : themself, stamp(on));
  insert_record(s, *kind_of("engagements"), person_id,
                {{"resource_id", nullptr}, {"resource_name", variant % 2 ? "Riverside allotments" : "Walking group"},
                 {"stage", variant % 3 == 0 ? "continuing" : "accompanied"}, {"stopped_reason", nullptr},
                 {"started_on", day(on)}, {"note", nullptr}, {"new_relationship", nullptr}},
                by, stamp(on));
  insert_record(s, *kind_of("barriers"), person_id,
                {{"side", variant % 4 == 3 ? "worker_agency" : "person"},
                 {"category", variant % 4 == 3 ? "local_knowledge" : (variant % 2 ? "money" : "poor_access")},
                 {"description", "Synthetic demo barrier."}, {"status", "working_on"},
                 {"tried", "Talked it through together."}, {"reviewed_on", nullptr}},
                by, stamp(on));
  insert_record(s, *kind_of("recognition"), person_id,
                {{"kind", "achievement"}, {"content", "Went to the group on their own"}, {"given_by", "worker"}}, by,
                stamp(on + days(7)));
}

}  // namespace cp::app::records
