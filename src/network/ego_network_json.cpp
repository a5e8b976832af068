// src/network/ego_network_json.cpp — to_json / from_json of the ego-network snapshot, with errors
// that name the offending field.
#include "cp/network/ego_network_json.hpp"

#include <fmt/format.h>

namespace cp::network {
namespace {

using nlohmann::json;

Result<std::string> get_string(const json& o, const char* key, const std::string& where,
                               bool required, std::string fallback = {}) {
  auto it = o.find(key);
  const auto field = where.empty() ? std::string(key) : fmt::format("{}.{}", where, key);
  if (it == o.end() || it->is_null()) {
    if (required)
      return Error::invalid("missing_field", fmt::format("'{}' is required", key), field);
    return fallback;
  }
  if (!it->is_string())
    return Error::invalid("wrong_type", fmt::format("'{}' must be a string", key), field);
  return it->get<std::string>();
}

Result<Support> get_support(const json& o, const char* key, const std::string& where) {
  Support s;
  auto it = o.find(key);
  const auto field = fmt::format("{}.{}", where, key);
  if (it == o.end() || it->is_null()) return s;
  if (!it->is_object())
    return Error::invalid("wrong_type", fmt::format("'{}' must be an object", key), field);
  const std::pair<const char*, bool*> parts[] = {{"emotional", &s.emotional},
                                                 {"practical", &s.practical},
                                                 {"information_advice", &s.information_advice},
                                                 {"companionship", &s.companionship}};
  for (auto [name, slot] : parts) {
    auto p = it->find(name);
    if (p == it->end() || p->is_null()) continue;
    if (!p->is_boolean())
      return Error::invalid("wrong_type", fmt::format("'{}' must be true or false", name),
                            fmt::format("{}.{}", field, name));
    *slot = p->get<bool>();
  }
  return s;
}

Result<Member> member_from_json(const json& o, const std::string& where) {
  if (!o.is_object()) return Error::invalid("wrong_type", "a member must be an object", where);
  Member m;
  auto id = get_string(o, "id", where, true);
  if (!id) return id.error();
  m.id = *id;
  auto label = get_string(o, "label", where, false);
  if (!label) return label.error();
  m.label = *label;
  auto kind = get_string(o, "kind", where, false, "person");
  if (!kind) return kind.error();
  if (auto k = parse_member_kind(*kind))
    m.kind = *k;
  else
    return Error::invalid("unknown_value",
                          fmt::format("kind '{}' is not person, group or organisation", *kind),
                          where + ".kind");
  auto rel = get_string(o, "relation", where, true);
  if (!rel) return rel.error();
  if (auto r = parse_relation(*rel))
    m.relation = *r;
  else
    return Error::invalid("unknown_value", fmt::format("relation '{}' is not known", *rel),
                          where + ".relation");
  auto ring = get_string(o, "ring", where, true);
  if (!ring) return ring.error();
  if (auto r = parse_ring(*ring))
    m.ring = *r;
  else
    return Error::invalid("unknown_value",
                          fmt::format("ring '{}' is not close, middle or outer", *ring),
                          where + ".ring");
  auto given = get_support(o, "given", where);
  if (!given) return given.error();
  m.given = *given;
  auto received = get_support(o, "received", where);
  if (!received) return received.error();
  m.received = *received;
  auto freq = get_string(o, "contact_frequency", where, false);
  if (!freq) return freq.error();
  if (!freq->empty()) {
    auto f = parse_contact_frequency(*freq);
    if (!f)
      return Error::invalid("unknown_value",
                            fmt::format("contact_frequency '{}' is not daily, weekly, monthly or "
                                        "less_than_monthly",
                                        *freq),
                            where + ".contact_frequency");
    m.contact_frequency = *f;
  }
  auto res = get_string(o, "resource_id", where, false);
  if (!res) return res.error();
  if (!res->empty()) m.resource_id = *res;
  return m;
}

}  // namespace

void to_json(json& j, const Support& s) {
  j = json{{"emotional", s.emotional},
           {"practical", s.practical},
           {"information_advice", s.information_advice},
           {"companionship", s.companionship}};
}

void to_json(json& j, const Member& m) {
  j = json{{"id", m.id},
           {"label", m.label},
           {"kind", to_string(m.kind)},
           {"relation", to_string(m.relation)},
           {"ring", to_string(m.ring)},
           {"given", m.given},
           {"received", m.received},
           {"contact_frequency",
            m.contact_frequency ? json(to_string(*m.contact_frequency)) : json(nullptr)},
           {"resource_id", m.resource_id ? json(*m.resource_id) : json(nullptr)}};
}

void to_json(json& j, const Tie& t) {
  j = json{{"a", t.a}, {"b", t.b}};
}

void to_json(json& j, const EgoSnapshot& s) {
  j = json{{"ego_id", s.ego_id},     {"sequence", s.sequence},
           {"taken_on", s.taken_on}, {"next_member_seq", s.next_member_seq},
           {"members", s.members},   {"ties", s.ties}};
}

Result<EgoSnapshot> snapshot_from_json(const json& j) {
  if (!j.is_object()) return Error::invalid("wrong_type", "a snapshot must be a JSON object", "");
  EgoSnapshot s;
  auto ego = get_string(j, "ego_id", "", false, "ego");
  if (!ego) return ego.error();
  s.ego_id = *ego;
  if (auto it = j.find("sequence"); it != j.end() && !it->is_null()) {
    if (!it->is_number_integer())
      return Error::invalid("wrong_type", "'sequence' must be an integer", "sequence");
    auto v = it->get<long long>();
    if (v < 1 || v > 1000000)
      return Error::invalid("out_of_range", "'sequence' must be between 1 and 1000000", "sequence");
    s.sequence = static_cast<int>(v);
  }
  auto taken = get_string(j, "taken_on", "", false);
  if (!taken) return taken.error();
  s.taken_on = *taken;
  if (auto it = j.find("next_member_seq"); it != j.end() && !it->is_null()) {
    if (!it->is_number_unsigned() && !(it->is_number_integer() && it->get<long long>() >= 0))
      return Error::invalid("wrong_type", "'next_member_seq' must be a non-negative integer",
                            "next_member_seq");
    s.next_member_seq = it->get<std::uint64_t>();
  }
  auto mem = j.find("members");
  if (mem == j.end() || !mem->is_array())
    return Error::invalid("missing_field", "'members' must be an array", "members");
  for (std::size_t i = 0; i < mem->size(); ++i) {
    auto m = member_from_json((*mem)[i], fmt::format("members[{}]", i));
    if (!m) return m.error();
    s.members.push_back(std::move(*m));
  }
  if (auto ties = j.find("ties"); ties != j.end() && !ties->is_null()) {
    if (!ties->is_array()) return Error::invalid("wrong_type", "'ties' must be an array", "ties");
    for (std::size_t i = 0; i < ties->size(); ++i) {
      const auto& t = (*ties)[i];
      const auto where = fmt::format("ties[{}]", i);
      if (!t.is_object())
        return Error::invalid("wrong_type", "a tie must be an object {\"a\",\"b\"}", where);
      auto a = get_string(t, "a", where, true);
      if (!a) return a.error();
      auto b = get_string(t, "b", where, true);
      if (!b) return b.error();
      s.ties.push_back({*a, *b});
    }
  }
  if (auto ok = validate(s); !ok) return ok.error();
  return s;
}

void from_json(const json& j, EgoSnapshot& s) {
  auto r = snapshot_from_json(j);
  if (!r) throw ErrorException(r.error());
  s = std::move(*r);
}

}  // namespace cp::network
