// src/directory/hsds_json.cpp — HSDS 3.0 JSON in and out: the mapping between an HSDS service
// and a Resource (see hsds.hpp for the rules), reading with validation, writing an HSDS page.
#include <set>

#include "hsds_internal.hpp"

namespace cp::directory {

using nlohmann::json;

namespace {

constexpr const char* kInterest = "cpi-interest";
constexpr const char* kNotes = "cpi-notes";
constexpr const char* kCapacity = "cpi-capacity";
constexpr const char* kAccessibility = "cpi-accessibility";
constexpr const char* kReviewedOn = "cpi-reviewed-on";
// The tabular form requires an organization (with a description) for every service; what we
// write when we hold none, recognised and dropped again on reading (see write_hsds_csv).
constexpr const char* kNoDescription = "No description given.";

std::string str(const json& o, const char* key) {
  auto it = o.find(key);
  return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}
std::optional<double> num(const json& o, const char* key) {
  auto it = o.find(key);
  if (it != o.end() && it->is_number()) return it->get<double>();
  return std::nullopt;
}
const json* arr(const json& o, const char* key) {
  auto it = o.find(key);
  return it != o.end() && it->is_array() ? &*it : nullptr;
}
const json* obj(const json& o, const char* key) {
  auto it = o.find(key);
  return it != o.end() && it->is_object() ? &*it : nullptr;
}
std::string first_phone(const json& o) {
  if (const json* p = arr(o, "phones"))
    for (const auto& ph : *p)
      if (ph.is_object()) return str(ph, "number");
  return {};
}

void put(json& o, const char* key, const std::string& v) {
  if (!v.empty()) o[key] = v;
}

json taxonomy_json(const char* name, const char* description) {
  return {{"id", derived_uuid(std::string("cpi-taxonomy:") + name)},
          {"name", name},
          {"description", description}};
}

json attribute(const std::string& service_id, const std::string& term_code,
               const std::string& term_name, const char* taxonomy, const char* taxonomy_description,
               const std::string& value) {
  const std::string term_id = derived_uuid(std::string(taxonomy) + ":" + term_code);
  const json tax = taxonomy_json(taxonomy, taxonomy_description);
  json term = {{"id", term_id},
               {"code", term_code},
               {"name", term_name},
               {"description", std::string(taxonomy_description) + ": " + term_name},
               {"taxonomy", taxonomy},
               {"taxonomy_id", tax["id"]},
               {"taxonomy_detail", tax}};
  json a = {{"id", derived_uuid(service_id + ":attribute:" + taxonomy + ":" + term_code)},
            {"link_id", service_id},
            {"link_type", "service"},
            {"link_entity", "service"},
            {"taxonomy_term_id", term_id},
            {"taxonomy_term", term}};
  if (!value.empty()) a["value"] = value;
  return a;
}

}  // namespace

namespace detail {

std::string normal_time(const std::string& t) {
  return t.size() == 5 ? t + ":00" : t;
}

Resource resource_from_service(const json& s, const json* organization) {
  Resource r;
  r.hsds_id = str(s, "id");
  r.name = str(s, "name");
  r.description = str(s, "description");
  r.url = str(s, "url");
  r.email = str(s, "email");
  r.status = str(s, "status");
  r.phone = first_phone(s);
  r.cost = str(s, "fees_description");
  const json* org = obj(s, "organization");
  if (!org) org = organization;
  if (org) {
    r.organization.hsds_id = str(*org, "id");
    r.organization.name = str(*org, "name");
    r.organization.description = str(*org, "description");
    r.organization.url = str(*org, "website");
    r.organization.email = str(*org, "email");
    r.organization.phone = first_phone(*org);
    if (r.organization.description == kNoDescription) r.organization.description.clear();
    const Organization placeholder{
        derived_uuid(r.hsds_id + ":organization"), r.name, "", "", "", ""};
    if (r.organization == placeholder) r.organization = Organization{};
  }
  std::set<std::string> seen_contacts, seen_events, seen_locations;
  auto add_contacts = [&](const json& holder) {
    if (const json* cs = arr(holder, "contacts"))
      for (const auto& c : *cs) {
        if (!c.is_object() || !seen_contacts.insert(str(c, "id")).second) continue;
        r.contacts.push_back(
            {str(c, "id"), str(c, "name"), str(c, "title"), str(c, "email"), first_phone(c)});
      }
  };
  auto add_events = [&](const json& holder) {
    if (const json* es = arr(holder, "schedules"))
      for (const auto& e : *es) {
        if (!e.is_object() || !seen_events.insert(str(e, "id")).second) continue;
        Event ev;
        ev.hsds_id = str(e, "id");
        ev.description = str(e, "description");
        ev.freq = str(e, "freq");
        ev.byday = str(e, "byday");
        if (auto i = num(e, "interval"); i && *i >= 0 && *i <= 1000)
          ev.interval = static_cast<int>(*i);
        ev.opens_at = normal_time(str(e, "opens_at"));
        ev.closes_at = normal_time(str(e, "closes_at"));
        ev.valid_from = str(e, "valid_from");
        ev.valid_to = str(e, "valid_to");
        ev.dtstart = str(e, "dtstart");
        ev.until = str(e, "until");
        r.events.push_back(std::move(ev));
      }
  };
  add_contacts(s);
  add_events(s);
  if (const json* sals = arr(s, "service_at_locations"))
    for (const auto& sal : *sals) {
      if (!sal.is_object()) continue;
      add_contacts(sal);
      add_events(sal);
      const json* l = obj(sal, "location");
      if (!l || !seen_locations.insert(str(*l, "id")).second) continue;
      Location loc;
      loc.hsds_id = str(*l, "id");
      loc.name = str(*l, "name");
      loc.description = str(*l, "description");
      loc.latitude = num(*l, "latitude");
      loc.longitude = num(*l, "longitude");
      if (const json* as = arr(*l, "addresses")) {
        const json* chosen = nullptr;
        for (const auto& a : *as)
          if (a.is_object() && (!chosen || (str(a, "address_type") == "physical" &&
                                            str(*chosen, "address_type") != "physical")))
            chosen = &a;
        if (chosen) {
          loc.address_1 = str(*chosen, "address_1");
          loc.address_2 = str(*chosen, "address_2");
          loc.city = str(*chosen, "city");
          loc.region = str(*chosen, "region");
          const std::string state = str(*chosen, "state_province");
          if (loc.region.empty() && state != loc.city) loc.region = state;
          loc.postal_code = str(*chosen, "postal_code");
          loc.country = str(*chosen, "country");
        }
      }
      if (const json* acc = arr(*l, "accessibility"))
        for (const auto& a : *acc)
          if (a.is_object()) {
            loc.accessibility =
                str(a, "description").empty() ? str(a, "details") : str(a, "description");
            break;
          }
      add_contacts(*l);
      r.locations.push_back(std::move(loc));
    }
  std::string capacity;
  if (const json* attrs = arr(s, "attributes"))
    for (const auto& a : *attrs) {
      if (!a.is_object()) continue;
      const json* term = obj(a, "taxonomy_term");
      if (!term) continue;
      const std::string code = str(*term, "taxonomy") == kInterest ? "" : str(*term, "code");
      if (code == kCapacity)
        capacity = str(a, "value");
      else if (code == kAccessibility)
        r.accessibility = str(a, "value");
      else if (code == kReviewedOn)
        r.reviewed_on = str(a, "value");
      else if (!str(*term, "name").empty())
        r.tags.push_back(str(*term, "name"));
      else if (!str(*term, "code").empty())
        r.tags.push_back(str(*term, "code"));
    }
  r.tags = normalise_tags(r.tags);
  if (auto c = capacity_from_string(capacity))
    r.capacity = *c;  // a bad value is reported by the reader
  return r;
}

}  // namespace detail

json service_json(const Resource& r) {
  const std::string sid = r.hsds_id.empty() ? derived_uuid("service:" + r.name) : r.hsds_id;
  auto id_or = [&](const std::string& id, const std::string& seed) {
    return id.empty() ? derived_uuid(sid + seed) : id;
  };
  json s = {{"id", sid}, {"name", r.name}, {"status", r.status}};
  put(s, "description", r.description);
  put(s, "url", r.url);
  put(s, "email", r.email);
  put(s, "fees_description", r.cost);
  if (!r.phone.empty())
    s["phones"] = json::array({{{"id", derived_uuid(sid + ":phone")}, {"number", r.phone}}});
  if (!r.organization.name.empty()) {
    const std::string oid = id_or(r.organization.hsds_id, ":organization");
    json o = {
        {"id", oid}, {"name", r.organization.name}, {"description", r.organization.description}};
    put(o, "website", r.organization.url);
    put(o, "email", r.organization.email);
    if (!r.organization.phone.empty())
      o["phones"] =
          json::array({{{"id", derived_uuid(oid + ":phone")}, {"number", r.organization.phone}}});
    s["organization_id"] = oid;
    s["organization"] = std::move(o);
  }
  json contacts = json::array();
  for (size_t i = 0; i < r.contacts.size(); ++i) {
    const auto& c = r.contacts[i];
    const std::string cid = id_or(c.hsds_id, ":contact:" + std::to_string(i));
    json cj = {{"id", cid}};
    put(cj, "name", c.name);
    put(cj, "title", c.title);
    put(cj, "email", c.email);
    if (!c.phone.empty())
      cj["phones"] = json::array({{{"id", derived_uuid(cid + ":phone")}, {"number", c.phone}}});
    contacts.push_back(std::move(cj));
  }
  s["contacts"] = std::move(contacts);
  json schedules = json::array();
  for (size_t i = 0; i < r.events.size(); ++i) {
    const auto& e = r.events[i];
    json ej = {{"id", id_or(e.hsds_id, ":schedule:" + std::to_string(i))}};
    put(ej, "description", e.description);
    put(ej, "freq", e.freq);
    put(ej, "byday", e.byday);
    if (e.interval > 0) ej["interval"] = e.interval;
    put(ej, "opens_at", detail::normal_time(e.opens_at));
    put(ej, "closes_at", detail::normal_time(e.closes_at));
    put(ej, "valid_from", e.valid_from);
    put(ej, "valid_to", e.valid_to);
    put(ej, "dtstart", e.dtstart);
    put(ej, "until", e.until);
    schedules.push_back(std::move(ej));
  }
  s["schedules"] = std::move(schedules);
  json sals = json::array();
  for (size_t i = 0; i < r.locations.size(); ++i) {
    const auto& l = r.locations[i];
    if (l.confidential) continue;  // never leaves the agency
    const std::string lid = id_or(l.hsds_id, ":location:" + std::to_string(i));
    json lj = {{"id", lid}, {"location_type", "physical"}};
    put(lj, "name", l.name);
    put(lj, "description", l.description);
    if (l.latitude) lj["latitude"] = *l.latitude;
    if (l.longitude) lj["longitude"] = *l.longitude;
    if (!l.address_1.empty() || !l.city.empty() || !l.postal_code.empty()) {
      json a = {{"id", derived_uuid(lid + ":address")},
                {"location_id", lid},
                {"address_1", l.address_1},
                {"city", l.city},
                {"state_province", l.region.empty() ? l.city : l.region},
                {"postal_code", l.postal_code},
                {"country", l.country.empty() ? "GB" : l.country},
                {"address_type", "physical"}};
      put(a, "address_2", l.address_2);
      put(a, "region", l.region);
      lj["addresses"] = json::array({std::move(a)});
    }
    if (!l.accessibility.empty())
      lj["accessibility"] = json::array({{{"id", derived_uuid(lid + ":accessibility")},
                                          {"location_id", lid},
                                          {"description", l.accessibility}}});
    sals.push_back({{"id", derived_uuid(sid + ":at:" + lid)},
                    {"service_id", sid},
                    {"location_id", lid},
                    {"location", std::move(lj)}});
  }
  s["service_at_locations"] = std::move(sals);
  json attrs = json::array();
  for (const auto& t : r.tags)
    attrs.push_back(attribute(sid, t, t, kInterest, "CPI interest tag", ""));
  attrs.push_back(attribute(sid, kCapacity, "Capacity", kNotes, "CPI note",
                            std::string(to_string(r.capacity))));
  if (!r.accessibility.empty())
    attrs.push_back(
        attribute(sid, kAccessibility, "Accessibility", kNotes, "CPI note", r.accessibility));
  if (!r.reviewed_on.empty())
    attrs.push_back(attribute(sid, kReviewedOn, "Reviewed on", kNotes, "CPI note", r.reviewed_on));
  s["attributes"] = std::move(attrs);
  return s;
}

json write_hsds_json(const std::vector<Resource>& resources) {
  json contents = json::array();
  for (const auto& r : resources)
    if (!r.confidential) contents.push_back(service_json(r));
  const auto n = contents.size();
  return {{"total_items", n},   {"total_pages", 1},
          {"page_number", 1},   {"size", n},
          {"first_page", true}, {"last_page", true},
          {"empty", n == 0},    {"contents", std::move(contents)}};
}

const char* no_description() {
  return kNoDescription;
}

ReadResult read_hsds_document(const json& doc, const std::string& file) {
  ReadResult out;
  std::vector<std::pair<const json*, std::string>> services;
  const json* organization = nullptr;
  if (doc.is_object() && doc.contains("contents")) {
    const json& c = doc["contents"];
    if (!c.is_array()) {
      out.issues.push_back({file, "$", "contents", "must be an array of services"});
      return out;
    }
    for (size_t i = 0; i < c.size(); ++i)
      services.emplace_back(&c[i], "$.contents[" + std::to_string(i) + "]");
  } else if (doc.is_array()) {
    for (size_t i = 0; i < doc.size(); ++i)
      services.emplace_back(&doc[i], "$[" + std::to_string(i) + "]");
  } else if (doc.is_object() && doc.contains("services") && !doc.contains("status")) {
    detail::check_object(doc, "organization.json", "$", file, out.issues);
    const json& c = doc["services"];
    if (!c.is_array()) {
      out.issues.push_back({file, "$", "services", "must be an array of services"});
      return out;
    }
    organization = &doc;
    for (size_t i = 0; i < c.size(); ++i)
      services.emplace_back(&c[i], "$.services[" + std::to_string(i) + "]");
  } else if (doc.is_object()) {
    services.emplace_back(&doc, "$");
  } else {
    out.issues.push_back(
        {file, "$", "",
         "expected an HSDS service, a list of services, an HSDS page with \"contents\", or an "
         "organization with \"services\""});
    return out;
  }
  if (services.size() > 10000) {
    out.issues.push_back({file, "$", "", "more than 10000 services in one file"});
    return out;
  }
  std::set<std::string> ids;
  for (const auto& [svc, path] : services) {
    const size_t before = out.issues.size();
    detail::check_object(*svc, "service.json", path, file, out.issues);
    if (out.issues.size() >= kMaxIssues) break;
    if (out.issues.size() != before) continue;
    Resource r = detail::resource_from_service(*svc, organization);
    if (!ids.insert(r.hsds_id).second) {
      out.issues.push_back({file, path, "id", "the service id " + r.hsds_id + " appears twice"});
      continue;
    }
    // CPI's own attribute values, then the domain rules (dates, times, sizes).
    if (const json* attrs = arr(*svc, "attributes"))
      for (size_t i = 0; i < attrs->size(); ++i) {
        const json* term = obj((*attrs)[i], "taxonomy_term");
        if (term && str(*term, "taxonomy") != kInterest && str(*term, "code") == kCapacity &&
            !capacity_from_string(str((*attrs)[i], "value")))
          out.issues.push_back({file, path + ".attributes[" + std::to_string(i) + "]", "value",
                                "a cpi-capacity value must be one of: open, full, waiting_list"});
      }
    if (auto v = validate(r, path); !v) {
      const auto& e = v.error();
      auto dot = e.field.rfind('.');
      out.issues.push_back({file, e.field.substr(0, dot),
                            dot == std::string::npos ? e.field : e.field.substr(dot + 1),
                            e.message});
      continue;
    }
    if (out.issues.size() == before) out.resources.push_back(std::move(r));
  }
  if (!out.issues.empty()) out.resources.clear();
  return out;
}

ReadResult read_hsds_json(std::string_view text, const std::string& file) {
  ReadResult out;
  if (detail::json_depth(text) > 64) {
    out.issues.push_back({file, "$", "", "the JSON is nested more than 64 levels deep"});
    return out;
  }
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    out.issues.push_back({file, "byte " + std::to_string(e.byte), "", "not valid JSON"});
    return out;
  }
  return read_hsds_document(doc, file);
}

}  // namespace cp::directory
