// src/app/demo_directory.cpp — the demo agency's community directory: a handful of clearly
// synthetic resources (made-up names, the fictional "NB" postcode area) that show what the
// directory holds: a weekly walking group, a community garden, a choir, an adult-learning course
// that starts in March, a peer-support group that is full, and a women's aid service whose
// refuge address is confidential.
#include <fmt/format.h>

#include "cp/app/demo.hpp"
#include "cp/directory/resource.hpp"
#include "cp/store/directory.hpp"
#include "demo_internal.hpp"

namespace cp::app {

using directory::Capacity;
using directory::Event;
using directory::Location;
using directory::Resource;

namespace {

Location place(const std::string& key, const char* name, const char* street, const char* postcode,
               const char* access = "") {
  Location l;
  l.hsds_id = directory::derived_uuid("demo-location:" + key);
  l.name = name;
  l.address_1 = street;
  l.city = "Northbrook";
  l.postal_code = postcode;
  l.country = "GB";
  l.accessibility = access;
  return l;
}

Event weekly(const std::string& key, const char* what, const char* day, const char* opens,
             const char* closes) {
  Event e;
  e.hsds_id = directory::derived_uuid("demo-event:" + key);
  e.description = what;
  e.freq = "WEEKLY";
  e.byday = day;
  e.interval = 1;
  e.opens_at = opens;
  e.closes_at = closes;
  return e;
}

}  // namespace

void seed_demo_directory(soci::session& s, long long agency, const std::vector<long long>& workers,
                         const std::string& today, const std::string& ts,
                         const std::string& reviewed_recently,
                         const std::string& reviewed_long_ago) {
  std::vector<Resource> all;
  auto base = [](const std::string& key, const char* name, const char* org) {
    Resource r;
    r.hsds_id = directory::derived_uuid("demo-service:" + key);
    r.name = name;
    r.organization.hsds_id = directory::derived_uuid("demo-organization:" + std::string(org));
    r.organization.name = org;
    r.organization.description = "A made-up organisation in the demo data.";
    return r;
  };

  Resource walk = base("walk", "Riverside Walking Group (demo)", "Northbrook Ramblers (demo)");
  walk.description = "A gentle hour's walk along the river, with tea afterwards. Come as you are.";
  walk.tags = {"outdoors", "physical activity", "walking"};
  walk.locations = {place("park-gates", "Riverside Park main gates", "1 Park Lane", "NB1 4XY",
                          "Flat, surfaced paths; benches on the way")};
  walk.events = {weekly("walk-tue", "Every Tuesday morning", "TU", "10:00:00", "11:30:00")};
  walk.contacts = {{directory::derived_uuid("demo-contact:walk"), "Pat Example", "Walk leader",
                    "walks@example.org", "01632 960001"}};
  walk.cost = "Free";
  walk.accessibility = "A shorter loop is available";
  walk.reviewed_on = reviewed_recently;
  all.push_back(walk);

  Resource garden = base("garden", "Greenfingers Community Garden (demo)", "Greenfingers (demo)");
  garden.description =
      "Grow vegetables and flowers with neighbours; no experience needed, tools provided.";
  garden.tags = {"gardening", "outdoors", "volunteering"};
  garden.locations = {place("allotments", "Allotment Lane gardens", "Allotment Lane", "NB2 7GG",
                            "Raised beds; one accessible path")};
  garden.events = {weekly("garden-sat", "Saturday mornings", "SA", "09:30:00", "12:30:00")};
  garden.cost = "Free";
  garden.reviewed_on = reviewed_long_ago;  // due for review
  all.push_back(garden);

  Resource choir =
      base("choir", "Northbrook Community Choir (demo)", "Northbrook Community Choir (demo)");
  choir.description = "Sing together: no auditions and no need to read music.";
  choir.tags = {"music", "singing", "social"};
  choir.locations = {place("st-marys", "St Mary's church hall", "12 Church Street", "NB1 2CH",
                           "Step-free entrance; hearing loop")};
  choir.events = {weekly("choir-thu", "Thursday evenings", "TH", "19:00:00", "21:00:00")};
  choir.cost = "£2 a session; first session free";
  all.push_back(choir);  // never reviewed: due for review

  // An adult-learning course that starts next March.
  const int year = std::stoi(today.substr(0, 4)) + (today.substr(5, 2) >= "03" ? 1 : 0);
  Resource course = base("digital", "Digital skills for beginners (demo course)",
                         "Northbrook Adult Learning (demo)");
  course.description =
      "A ten-week course: email, video calls, staying safe online. Laptops provided.";
  course.tags = {"computers", "learning"};
  course.locations = {
      place("library", "Northbrook Library", "3 Market Square", "NB3 1LB", "Lift to all floors")};
  Event weeks =
      weekly("digital-wed", "Wednesdays for ten weeks from March", "WE", "13:30:00", "15:30:00");
  weeks.valid_from = fmt::format("{}-03-04", year);
  weeks.valid_to = fmt::format("{}-05-06", year);
  course.events = {weeks};
  course.cost = "Free for people on benefits";
  course.reviewed_on = reviewed_recently;
  all.push_back(course);

  Resource peer =
      base("peer", "Hearing Voices peer support group (demo)", "Northbrook Peer Support (demo)");
  peer.description = "A peer-led group for people who hear voices or have unusual experiences.";
  peer.tags = {"mental health", "peer support"};
  peer.locations = {place("hub", "The Hub community centre", "40 High Street", "NB1 3HS")};
  peer.events = {weekly("peer-mon", "Monday afternoons", "MO", "14:00:00", "15:30:00")};
  peer.capacity = Capacity::full;
  peer.cost = "Free";
  peer.reviewed_on = reviewed_recently;
  all.push_back(peer);

  Resource aid =
      base("womens-aid", "Northbrook Women's Aid (demo)", "Northbrook Women's Aid (demo)");
  aid.description = "Support for women experiencing domestic abuse: drop-in advice and a refuge.";
  aid.tags = {"housing", "safety", "women"};
  aid.locations = {
      place("aid-office", "Drop-in office", "7 Station Road", "NB1 5SR"),
      place("aid-refuge", "Refuge (confidential)", "Address held by the agency", "NB4 9ZZ")};
  aid.locations[1].confidential = true;  // workers only; never exported
  aid.events = {weekly("aid-drop-in", "Drop-in advice", "MO,WE,FR", "10:00:00", "13:00:00")};
  aid.cost = "Free";
  aid.reviewed_on = reviewed_recently;
  all.push_back(aid);

  std::vector<long long> ids;
  for (auto& r : all) {
    directory::normalise(r);
    store::DirectoryRow row;
    row.agency_id = agency;
    row.hsds_id = r.hsds_id;
    row.name = r.name;
    row.capacity = std::string(directory::to_string(r.capacity));
    row.status = r.status;
    row.confidential = r.confidential;
    if (!r.reviewed_on.empty()) row.reviewed_on = r.reviewed_on;
    row.body = directory::to_json(r).dump();
    row.created_at = row.updated_at = ts;
    row.updated_by_name = "demo-seed";
    ids.push_back(store::insert_directory_resource(s, row, r.tags, "create"));
  }
  // Who in the agency knows someone there: Jo (demo-practitioner) knows the walk leader; Tunde
  // knows the choir; Ravi knows the Women's Aid drop-in.
  if (workers.size() >= 4) {
    store::add_knower(s, ids[0], workers[0], "Pat Example",
                      "Walk leader; happy to meet people at the gates", today);
    store::add_knower(s, ids[2], workers[3], "The choir secretary",
                      "Can arrange a quiet first visit", today);
    store::add_knower(s, ids[5], workers[1], "Drop-in coordinator", "Call ahead on the main number",
                      today);
  }
}

}  // namespace cp::app
