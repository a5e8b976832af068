// src/app/practice_records_maps.cpp — network map snapshots: create (from the previous one, so
// members keep their ids), replace content, history, change between snapshots, GraphML, and
// adding members from the contact form or an engagement. Measures come from network/.
#include <cmath>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <variant>

#include "cp/app/practice_records.hpp"
#include "cp/network/graphml.hpp"
#include "cp/network/measures.hpp"
#include "cp/store/records.hpp"
#include "practice_records_internal.hpp"

namespace cp::app {

using namespace records;

namespace {

const std::vector<store::Column>& map_columns() {
  static const std::vector<store::Column> c{{"taken_on", false}, {"note", false}};
  return c;
}
constexpr const char* kMapType = "network_map";

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}
std::string id_s(long long id) { return std::to_string(id); }

// The person's maps, oldest first (by taken_on, then id).
std::vector<store::RecordRow> maps_of(soci::session& s, long long person_id) {
  auto v = store::records_of_person(s, "network_maps", map_columns(), person_id);
  std::stable_sort(v.begin(), v.end(), [](const store::RecordRow& a, const store::RecordRow& b) {
    return a.fields["taken_on"].get<std::string>() < b.fields["taken_on"].get<std::string>();
  });
  return v;
}

json member_json(const store::MapMemberRow& m) {
  return {{"member_id", m.member_id},
          {"name", m.name},
          {"kind", m.kind},
          {"relation", m.relation},
          {"ring", m.ring},
          {"support_to_person", m.support_to_person},
          {"support_from_person", m.support_from_person},
          {"frequency", m.frequency},
          {"resource_id", m.resource_id ? json(*m.resource_id) : json(nullptr)},
          {"x", m.x ? json(*m.x) : json(nullptr)},
          {"y", m.y ? json(*m.y) : json(nullptr)}};
}

int sequence_of(soci::session& s, const store::RecordRow& map) {
  const auto all = maps_of(s, map.person_id);
  for (std::size_t i = 0; i < all.size(); ++i)
    if (all[i].id == map.id) return static_cast<int>(i) + 1;
  return 1;
}

json measures_json(const store::MapContent& c, const std::string& taken_on) {
  return network::to_json(network::compute_measures(to_snapshot(c, taken_on, 1)));
}

json map_json(soci::session& s, const store::RecordRow& r) {
  const auto content = store::map_content(s, r.id);
  json members = json::array();
  for (const auto& m : content.members) members.push_back(member_json(m));
  json ties = json::array();
  for (const auto& [a, b] : content.ties) ties.push_back({{"a", a}, {"b", b}});
  return {{"id", r.id},
          {"person_id", r.person_id},
          {"taken_on", r.fields["taken_on"]},
          {"note", r.fields["note"]},
          {"version", r.version},
          {"created_at", r.created_at},
          {"updated_at", r.updated_at},
          {"created_by", actor_json(r.created_by)},
          {"updated_by", actor_json(r.updated_by)},
          {"members", std::move(members)},
          {"ties", std::move(ties)},
          {"measures", measures_json(content, r.fields["taken_on"].get<std::string>())}};
}

// History data: the map without its measures (they follow from the content).
std::string history_data(json map) {
  map.erase("measures");
  return map.dump();
}

// A member as sent by a client; `key` names a new member for ties in the same body.
struct MemberIn {
  std::optional<long long> member_id;
  std::optional<std::string> key;
  store::MapMemberRow row;
};

Result<MemberIn> parse_member(const json& m, const std::string& path, bool allow_identity) {
  if (!m.is_object()) return Error::invalid("wrong_type", "a member must be an object", path);
  static const std::vector<std::string> known{"member_id", "key", "name", "kind", "relation", "ring",
                                              "support_to_person", "support_from_person", "frequency",
                                              "resource_id", "x", "y"};
  for (auto it = m.begin(); it != m.end(); ++it)
    if (!contains(known, it.key()) || (!allow_identity && (it.key() == "member_id" || it.key() == "key")))
      return Error::invalid("unknown_field", fmt::format("'{}' is not a field of a member", it.key()),
                            path + "." + it.key());
  MemberIn in;
  auto text = [&](const char* k) -> const json* {
    auto it = m.find(k);
    return it == m.end() || it->is_null() ? nullptr : &*it;
  };
  if (auto* v = text("member_id")) {
    if (!v->is_number_integer() || v->get<long long>() <= 0)
      return Error::invalid("wrong_type", "member_id must be a positive whole number", path + ".member_id");
    in.member_id = v->get<long long>();
  }
  if (auto* v = text("key")) {
    if (!v->is_string() || v->get<std::string>().empty() || v->get<std::string>().size() > 100)
      return Error::invalid("wrong_type", "key must be a short non-empty string", path + ".key");
    in.key = v->get<std::string>();
  }
  auto* name = text("name");
  if (!name || !name->is_string() || name->get<std::string>().find_first_not_of(" \t") == std::string::npos)
    return Error::invalid("missing_field", "a member needs a name", path + ".name");
  if (name->get<std::string>().size() > 200)
    return Error::invalid("too_long", "name must be at most 200 characters", path + ".name");
  in.row.name = name->get<std::string>();
  auto choice = [&](const char* k, const std::vector<std::string>& allowed, const char* fallback,
                    std::string& out) -> std::optional<Error> {
    auto* v = text(k);
    if (!v) {
      if (!fallback) return Error::invalid("missing_field", fmt::format("a member needs {}", k), path + "." + k);
      out = fallback;
      return std::nullopt;
    }
    if (!v->is_string() || !contains(allowed, v->get<std::string>()))
      return Error::invalid("invalid_value", fmt::format("{} must be one of: {}", k, one_of(allowed)), path + "." + k);
    out = v->get<std::string>();
    return std::nullopt;
  };
  if (auto e = choice("kind", member_kinds(), "person", in.row.kind)) return *e;
  if (auto e = choice("relation", relations(), nullptr, in.row.relation)) return *e;
  if (auto e = choice("ring", rings(), nullptr, in.row.ring)) return *e;
  if (auto e = choice("frequency", frequencies(), "unknown", in.row.frequency)) return *e;
  for (const char* k : {"support_to_person", "support_from_person"}) {
    auto& out = std::string(k) == "support_to_person" ? in.row.support_to_person : in.row.support_from_person;
    auto* v = text(k);
    if (!v) continue;
    if (!v->is_array()) return Error::invalid("wrong_type", fmt::format("{} must be a list", k), path + "." + k);
    for (std::size_t i = 0; i < v->size(); ++i) {
      const json& t = (*v)[i];
      const std::string p = fmt::format("{}.{}[{}]", path, k, i);
      if (!t.is_string() || !contains(support_types(), t.get<std::string>()))
        return Error::invalid("invalid_value", "support must be one of: " + one_of(support_types()), p);
      if (contains(out, t.get<std::string>())) return Error::invalid("duplicate", "a support type is listed twice", p);
      out.push_back(t.get<std::string>());
    }
  }
  if (auto* v = text("resource_id")) {
    if (!v->is_number_integer() || v->get<long long>() <= 0)
      return Error::invalid("wrong_type", "resource_id must be a positive whole number or null", path + ".resource_id");
    in.row.resource_id = v->get<long long>();
  }
  for (const char* k : {"x", "y"}) {
    auto* v = text(k);
    if (!v) continue;
    if (!v->is_number() || !std::isfinite(v->get<double>()) || std::fabs(v->get<double>()) > 1e6)
      return Error::invalid("wrong_type", fmt::format("{} must be a number (or null)", k), path + "." + k);
    (std::string(k) == "x" ? in.row.x : in.row.y) = v->get<double>();
  }
  return in;
}

Result<std::string> strict_keys(const json& body, const std::vector<std::string>& allowed) {
  if (!body.is_object()) return Error::invalid("wrong_type", "the body must be a JSON object", "body");
  for (auto it = body.begin(); it != body.end(); ++it)
    if (!contains(allowed, it.key()))
      return Error::invalid("unknown_field", fmt::format("'{}' is not a field of this request", it.key()), it.key());
  return std::string();
}

Result<std::string> opt_text(const json& body, const char* key, std::size_t max, bool date) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return std::string();
  if (!it->is_string()) return Error::invalid("wrong_type", fmt::format("'{}' must be a string", key), key);
  const std::string v = it->get<std::string>();
  if (date && !domain::is_iso_date(v))
    return Error::invalid("invalid_date", fmt::format("'{}' must be a date written YYYY-MM-DD", key), key);
  if (v.size() > max) return Error::invalid("too_long", fmt::format("'{}' must be at most {} characters", key, max), key);
  return v;
}

}  // namespace

network::EgoSnapshot records::to_snapshot(const store::MapContent& c, const std::string& taken_on, int sequence) {
  network::EgoSnapshot e;
  e.sequence = sequence;
  e.taken_on = taken_on;
  long long max_id = 0;
  for (const auto& m : c.members) {
    network::Member nm;
    nm.id = std::to_string(m.member_id);
    nm.label = m.name;
    nm.kind = network::parse_member_kind(m.kind).value_or(network::MemberKind::person);
    nm.relation = network::parse_relation(m.relation).value_or(network::Relation::friend_);
    nm.ring = network::parse_ring(m.ring).value_or(network::Ring::middle);
    auto fill = [](network::Support& sp, const std::vector<std::string>& v) {
      sp.emotional = contains(v, "emotional");
      sp.practical = contains(v, "practical");
      sp.information_advice = contains(v, "information");
      sp.companionship = contains(v, "companionship");
    };
    fill(nm.received, m.support_to_person);
    fill(nm.given, m.support_from_person);
    if (m.frequency == "less_often")
      nm.contact_frequency = network::ContactFrequency::less_than_monthly;
    else if (m.frequency != "unknown")
      nm.contact_frequency = network::parse_contact_frequency(m.frequency);
    if (m.resource_id) nm.resource_id = std::to_string(*m.resource_id);
    e.members.push_back(std::move(nm));
    max_id = std::max(max_id, m.member_id);
  }
  for (const auto& [a, b] : c.ties) e.ties.push_back({std::to_string(a), std::to_string(b)});
  e.next_member_seq = static_cast<std::uint64_t>(max_id) + 1;
  return e;
}

// Saves `content` as the map's new content and bumps its version (or, for a new map, writes
// version 1); appends the history entry. Returns the map JSON.
json records::save_map(soci::session& s, store::RecordRow header, const store::MapContent& content, bool is_new,
                      const store::Actor& by, std::string now) {
  if (now.empty()) now = now_ts();
  if (is_new) {
    header.id = store::insert_record(s, "network_maps", map_columns(), header, by, now);
  } else if (!store::update_record(s, "network_maps", map_columns(), header, by, now)) {
    // Changed by another writer since it was read in this transaction: roll everything back.
    throw ErrorException(Error::conflict("version_conflict",
                                         "This map changed while you were saving; look at it again.", "version"));
  }
  store::replace_map_content(s, header.id, content);
  auto stored = store::record_by_id(s, "network_maps", map_columns(), header.id);
  json j = map_json(s, *stored);
  store::append_history(s, kMapType, header.id, header.person_id, stored->version, now, by,
                        is_new ? "created" : "updated", history_data(j));
  return j;
}

Result<std::vector<long long>> records::add_members_to_latest_map(soci::session& s, long long person_id,
                                                                  const json& members, const std::string& prefix,
                                                                  const store::Actor& by, const std::string& today) {
  if (!members.is_array()) return Error::invalid("wrong_type", "network_members must be a list", prefix);
  std::vector<MemberIn> in;
  for (std::size_t i = 0; i < members.size(); ++i) {
    auto m = parse_member(members[i], fmt::format("{}[{}]", prefix, i), false);
    if (!m) return m.error();
    in.push_back(std::move(*m));
  }
  const auto maps = maps_of(s, person_id);
  store::RecordRow header;
  store::MapContent content;
  const bool is_new = maps.empty();
  if (is_new) {
    header.person_id = person_id;
    header.fields = {{"taken_on", today}, {"note", ""}};
  } else {
    header = maps.back();
    content = store::map_content(s, header.id);
  }
  std::vector<long long> ids;
  for (auto& m : in) {
    m.row.member_id = store::insert_member(s, person_id, now_ts());
    ids.push_back(m.row.member_id);
    content.members.push_back(m.row);
  }
  save_map(s, header, content, is_new, by);
  return ids;
}

json records::latest_map_json(soci::session& s, long long person_id) {
  const auto maps = maps_of(s, person_id);
  return maps.empty() ? json(nullptr) : map_json(s, maps.back());
}

Result<json> PracticeRecords::list_maps(const Caller& c, long long person_id) {
  return run_write(service_.database(), [&](soci::session& s) -> Result<json> {
    if (!store::person_by_id(s, person_id)) return Error::not_found("There is no person with that id.", "id");
    if (access_for(s, c, person_id, false) == Access::none) {
      audit(s, c, "network_map.list", "person", id_s(person_id), person_id, "refused");
      return refused("see this person's network maps");
    }
    json list = json::array();
    auto maps = maps_of(s, person_id);
    for (auto it = maps.rbegin(); it != maps.rend(); ++it) {
      const auto content = store::map_content(s, it->id);
      list.push_back({{"id", it->id},
                      {"taken_on", it->fields["taken_on"]},
                      {"note", it->fields["note"]},
                      {"version", it->version},
                      {"member_count", content.members.size()},
                      {"measures", measures_json(content, it->fields["taken_on"].get<std::string>())}});
    }
    audit(s, c, "network_map.list", "person", id_s(person_id), person_id, "ok", fmt::format("{} maps", list.size()));
    return json{{"maps", std::move(list)}};
  });
}

Result<json> PracticeRecords::create_map(const Caller& c, long long person_id, const json& body) {
  return run_write(service_.database(), [&](soci::session& s) -> Result<json> {
    if (!store::person_by_id(s, person_id)) return Error::not_found("There is no person with that id.", "id");
    if (access_for(s, c, person_id, true) != Access::write) {
      audit(s, c, "network_map.create", "person", id_s(person_id), person_id, "refused");
      return refused("start a network map for this person");
    }
    if (auto ok = strict_keys(body, {"taken_on", "note", "start_from"}); !ok) return ok.error();
    if (!body.contains("taken_on") || body["taken_on"].is_null())
      return Error::invalid("missing_field", "'taken_on' is required", "taken_on");
    auto taken_on = opt_text(body, "taken_on", 10, true);
    if (!taken_on) return taken_on.error();
    auto note = opt_text(body, "note", 2000, false);
    if (!note) return note.error();
    auto start = opt_text(body, "start_from", 20, false);
    if (!start) return start.error();
    if (!start->empty() && *start != "previous" && *start != "empty")
      return Error::invalid("invalid_value", "start_from must be one of: previous, empty", "start_from");
    store::MapContent content;
    const auto maps = maps_of(s, person_id);
    if (*start != "empty" && !maps.empty()) content = store::map_content(s, maps.back().id);
    store::RecordRow header;
    header.person_id = person_id;
    header.fields = {{"taken_on", *taken_on}, {"note", *note}};
    json j = save_map(s, header, content, true, actor_of(c));
    audit(s, c, "network_map.create", kMapType, id_s(j["id"].get<long long>()), person_id, "ok",
          fmt::format("{} members carried over", content.members.size()));
    return j;
  });
}

Result<json> PracticeRecords::read_map(const Caller& c, long long map_id) {
  return run_write(service_.database(), [&](soci::session& s) -> Result<json> {
    auto r = store::record_by_id(s, "network_maps", map_columns(), map_id);
    if (!r) return Error::not_found("There is no network map with that id.", "id");
    if (access_for(s, c, r->person_id, false) == Access::none) {
      audit(s, c, "network_map.read", kMapType, id_s(map_id), r->person_id, "refused");
      return refused("see this network map");
    }
    audit(s, c, "network_map.read", kMapType, id_s(map_id), r->person_id, "ok");
    return map_json(s, *r);
  });
}

Result<json> PracticeRecords::update_map(const Caller& c, long long map_id, const json& body) {
  return run_write(service_.database(), [&](soci::session& s) -> Result<json> {
    auto r = store::record_by_id(s, "network_maps", map_columns(), map_id);
    if (!r) return Error::not_found("There is no network map with that id.", "id");
    if (access_for(s, c, r->person_id, true) != Access::write) {
      audit(s, c, "network_map.update", kMapType, id_s(map_id), r->person_id, "refused");
      return refused("change this network map");
    }
    if (auto ok = strict_keys(body, {"version", "taken_on", "note", "members", "ties"}); !ok) return ok.error();
    if (!body.contains("version") || body["version"].is_null())
      return Error::invalid("missing_field", "'version' is required: the version you last saw", "version");
    if (!body["version"].is_number_integer()) return Error::invalid("wrong_type", "'version' must be a whole number", "version");
    if (!body.contains("members") || !body["members"].is_array())
      return Error::invalid("missing_field", "'members' is required: the list of the map's members", "members");
    store::RecordRow next = *r;
    if (body.contains("taken_on") && !body["taken_on"].is_null()) {
      auto t = opt_text(body, "taken_on", 10, true);
      if (!t) return t.error();
      next.fields["taken_on"] = *t;
    }
    if (body.contains("note")) {
      auto t = opt_text(body, "note", 2000, false);
      if (!t) return t.error();
      next.fields["note"] = *t;
    }
    // Members: existing ids must be this person's; keys name new members for the ties.
    std::vector<MemberIn> in;
    std::set<long long> ids;
    std::set<std::string> keys;
    const json& members = body["members"];
    for (std::size_t i = 0; i < members.size(); ++i) {
      const std::string path = fmt::format("members[{}]", i);
      auto m = parse_member(members[i], path, true);
      if (!m) return m.error();
      if (m->member_id) {
        auto owner = store::member_person(s, *m->member_id);
        if (!owner || *owner != r->person_id)
          return Error::invalid("not_found", "member_id must be a member of this person's maps", path + ".member_id");
        if (!ids.insert(*m->member_id).second)
          return Error::invalid("duplicate", "a member is listed twice", path + ".member_id");
      }
      if (m->key && !keys.insert(*m->key).second) return Error::invalid("duplicate", "a key is used twice", path + ".key");
      in.push_back(std::move(*m));
    }
    // Ties: each end a member_id (integer) or a new member's key (text).
    using End = std::variant<long long, std::string>;
    std::vector<std::pair<End, End>> ties_in;
    if (body.contains("ties") && !body["ties"].is_null()) {
      const json& ties = body["ties"];
      if (!ties.is_array()) return Error::invalid("wrong_type", "'ties' must be a list", "ties");
      for (std::size_t i = 0; i < ties.size(); ++i) {
        const std::string path = fmt::format("ties[{}]", i);
        const json& t = ties[i];
        if (!t.is_object()) return Error::invalid("wrong_type", "a tie must be an object {a, b}", path);
        for (auto it = t.begin(); it != t.end(); ++it)
          if (it.key() != "a" && it.key() != "b")
            return Error::invalid("unknown_field", fmt::format("'{}' is not a field of a tie", it.key()), path + "." + it.key());
        End ends[2];
        for (int e = 0; e < 2; ++e) {
          const char* k = e == 0 ? "a" : "b";
          const std::string p = path + "." + k;
          if (!t.contains(k)) return Error::invalid("missing_field", fmt::format("a tie needs {}", k), p);
          const json& v = t[k];
          if (v.is_number_integer() && ids.count(v.get<long long>()))
            ends[e] = v.get<long long>();
          else if (v.is_string() && keys.count(v.get<std::string>()))
            ends[e] = v.get<std::string>();
          else
            return Error::invalid("invalid_value", "a tie's end must be a member_id or key of a member in this body", p);
        }
        ties_in.emplace_back(ends[0], ends[1]);
      }
    }
    if (body["version"].get<long long>() != r->version) {
      Error e = Error::conflict(
          "version_conflict",
          fmt::format("This map has changed since you saw it (now version {}); look at the current map and make "
                      "your change again.", r->version),
          "version");
      return e;
    }
    // Writes from here on: new member identities, then the content.
    store::MapContent content;
    std::map<std::string, long long> by_key;
    for (auto& m : in) {
      m.row.member_id = m.member_id ? *m.member_id : store::insert_member(s, r->person_id, now_ts());
      if (m.key) by_key[*m.key] = m.row.member_id;
      content.members.push_back(m.row);
    }
    std::set<std::pair<long long, long long>> seen;
    for (std::size_t i = 0; i < ties_in.size(); ++i) {
      auto resolve = [&](const End& e) { return e.index() == 0 ? std::get<0>(e) : by_key.at(std::get<1>(e)); };
      long long a = resolve(ties_in[i].first), b = resolve(ties_in[i].second);
      if (a == b) return Error::invalid("invalid_value", "a tie joins two different members", fmt::format("ties[{}].b", i));
      if (a > b) std::swap(a, b);
      if (!seen.insert({a, b}).second)
        return Error::invalid("duplicate", "this tie is listed twice", fmt::format("ties[{}]", i));
      content.ties.emplace_back(a, b);
    }
    json j = save_map(s, next, content, false, actor_of(c));
    audit(s, c, "network_map.update", kMapType, id_s(map_id), r->person_id, "ok",
          fmt::format("version {}, {} members", j["version"].get<int>(), content.members.size()));
    return j;
  });
}

Result<json> PracticeRecords::map_history(const Caller& c, long long map_id) {
  return run_write(service_.database(), [&](soci::session& s) -> Result<json> {
    auto r = store::record_by_id(s, "network_maps", map_columns(), map_id);
    if (!r) return Error::not_found("There is no network map with that id.", "id");
    if (access_for(s, c, r->person_id, false) == Access::none) {
      audit(s, c, "network_map.history", kMapType, id_s(map_id), r->person_id, "refused");
      return refused("see this network map's history");
    }
    audit(s, c, "network_map.history", kMapType, id_s(map_id), r->person_id, "ok");
    return history_json(s, kMapType, map_id);
  });
}

Result<json> PracticeRecords::map_change(const Caller& c, long long map_id, std::optional<long long> from_id) {
  return run_write(service_.database(), [&](soci::session& s) -> Result<json> {
    auto r = store::record_by_id(s, "network_maps", map_columns(), map_id);
    if (!r) return Error::not_found("There is no network map with that id.", "id");
    if (access_for(s, c, r->person_id, false) == Access::none) {
      audit(s, c, "network_map.change", kMapType, id_s(map_id), r->person_id, "refused");
      return refused("see this network map");
    }
    std::optional<store::RecordRow> from;
    if (from_id) {
      from = store::record_by_id(s, "network_maps", map_columns(), *from_id);
      if (!from || from->person_id != r->person_id)
        return Error::invalid("not_found", "from must be another network map of the same person", "from");
    } else {
      from = maps_of(s, r->person_id).front();
    }
    const auto a = store::map_content(s, from->id), b = store::map_content(s, r->id);
    const auto sa = to_snapshot(a, from->fields["taken_on"].get<std::string>(), 1);
    const auto sb = to_snapshot(b, r->fields["taken_on"].get<std::string>(), 2);
    const auto change = network::compare_snapshots(sa, sb);
    auto pick = [](const store::MapContent& c, const std::vector<std::string>& ids) {
      json out = json::array();
      for (const auto& m : c.members)
        if (contains(ids, std::to_string(m.member_id))) out.push_back(member_json(m));
      return out;
    };
    audit(s, c, "network_map.change", kMapType, id_s(map_id), r->person_id, "ok", fmt::format("from {}", from->id));
    return json{{"from", from->id},
                {"to", r->id},
                {"new_members", pick(b, change.new_members)},
                {"lost_members", pick(a, change.lost_members)},
                {"kept", change.kept},
                {"measures_from", network::to_json(network::compute_measures(sa))},
                {"measures_to", network::to_json(network::compute_measures(sb))}};
  });
}

Result<std::string> PracticeRecords::map_graphml(const Caller& c, long long map_id) {
  auto r = run_write(service_.database(), [&](soci::session& s) -> Result<json> {
    auto r = store::record_by_id(s, "network_maps", map_columns(), map_id);
    if (!r) return Error::not_found("There is no network map with that id.", "id");
    if (access_for(s, c, r->person_id, false) == Access::none) {
      audit(s, c, "network_map.export", kMapType, id_s(map_id), r->person_id, "refused");
      return refused("export this network map");
    }
    auto snap = to_snapshot(store::map_content(s, map_id), r->fields["taken_on"].get<std::string>(), sequence_of(s, *r));
    snap.ego_id = "ego";
    audit(s, c, "network_map.export", kMapType, id_s(map_id), r->person_id, "ok", "graphml");
    return json(network::write_graphml(snap));
  });
  if (!r) return r.error();
  return r->get<std::string>();
}

Result<json> PracticeRecords::engagement_add_to_map(const Caller& c, long long engagement_id, const json& body) {
  const Kind& k = *kind_of("engagements");
  return run_write(service_.database(), [&](soci::session& s) -> Result<json> {
    auto e = store::record_by_id(s, k.table, k.columns, engagement_id);
    if (!e) return Error::not_found("There is no engagement with that id.", "id");
    if (access_for(s, c, e->person_id, true) != Access::write) {
      audit(s, c, "network_map.update", "engagement", id_s(engagement_id), e->person_id, "refused");
      return refused("add to this person's network map");
    }
    if (!body.is_object()) return Error::invalid("wrong_type", "the body must be a JSON object", "body");
    auto ids = add_members_to_latest_map(s, e->person_id, json::array({body}), "members", actor_of(c),
                                         service_.today());
    if (!ids) {
      Error err = ids.error();
      if (err.field.rfind("members[0].", 0) == 0) err.field = err.field.substr(11);
      if (err.field == "members[0]") err.field = "body";
      return err;
    }
    json map = latest_map_json(s, e->person_id);
    audit(s, c, "network_map.update", kMapType, id_s(map["id"].get<long long>()), e->person_id, "ok",
          fmt::format("member {} from engagement {}", ids->front(), engagement_id));
    return map;
  });
}

}  // namespace cp::app
