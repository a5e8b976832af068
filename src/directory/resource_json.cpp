// src/directory/resource_json.cpp — the API's JSON shape of a community resource (see
// docs/directory.md), written and read strictly: wrong types and unknown fields are refused
// with the JSON path.
#include <set>

#include "cp/directory/resource.hpp"

namespace cp::directory {

using nlohmann::json;

namespace {

json opt_num(const std::optional<double>& v) {
  return v ? json(*v) : json(nullptr);
}

// Strict reader of one JSON object: each field read once; finish() refuses the rest.
class Obj {
 public:
  Obj(const json& j, std::string path, std::optional<Error>& err)
      : j_(j), path_(std::move(path)), err_(err) {
    if (!j_.is_object() && !err_) err_ = Error::invalid("wrong_type", "expected an object", path_);
  }
  void text(const char* name, std::string& out) {
    const json* v = get(name);
    if (!v || v->is_null()) return;
    if (!v->is_string()) return fail("wrong_type", std::string(name) + " must be a string", name);
    out = v->get<std::string>();
  }
  void boolean(const char* name, bool& out) {
    const json* v = get(name);
    if (!v || v->is_null()) return;
    if (!v->is_boolean())
      return fail("wrong_type", std::string(name) + " must be true or false", name);
    out = v->get<bool>();
  }
  void number(const char* name, std::optional<double>& out) {
    const json* v = get(name);
    if (!v || v->is_null()) return;
    if (!v->is_number()) return fail("wrong_type", std::string(name) + " must be a number", name);
    out = v->get<double>();
  }
  void integer(const char* name, int& out) {
    const json* v = get(name);
    if (!v || v->is_null()) return;
    if (!v->is_number_integer() || v->get<long long>() < 0 || v->get<long long>() > 1000)
      return fail("wrong_type", std::string(name) + " must be a small whole number", name);
    out = v->get<int>();
  }
  void text_list(const char* name, std::vector<std::string>& out) {
    const json* v = get(name);
    if (!v || v->is_null()) return;
    if (!v->is_array())
      return fail("wrong_type", std::string(name) + " must be a list of strings", name);
    for (size_t i = 0; i < v->size(); ++i) {
      if (!(*v)[i].is_string())
        return fail("wrong_type", std::string(name) + " must be a list of strings",
                    std::string(name) + "[" + std::to_string(i) + "]");
      out.push_back((*v)[i].get<std::string>());
    }
  }
  template <class T, class F>
  void list(const char* name, std::vector<T>& out, F read_one) {
    const json* v = get(name);
    if (!v || v->is_null()) return;
    if (!v->is_array()) return fail("wrong_type", std::string(name) + " must be a list", name);
    for (size_t i = 0; i < v->size() && !err_; ++i)
      out.push_back(read_one((*v)[i], path_ + "." + name + "[" + std::to_string(i) + "]"));
  }
  const json* sub(const char* name) {
    const json* v = get(name);
    return v && !v->is_null() ? v : nullptr;
  }
  std::string path(const char* name) const { return path_ + "." + name; }
  void ignore(const char* name) { seen_.insert(name); }
  void finish() {
    if (err_ || !j_.is_object()) return;
    for (auto it = j_.begin(); it != j_.end(); ++it)
      if (!seen_.count(it.key()))
        return fail("unknown_field", "unknown field '" + it.key() + "'", it.key());
  }

 private:
  const json* get(const char* name) {
    seen_.insert(name);
    if (err_ || !j_.is_object()) return nullptr;
    auto it = j_.find(name);
    return it == j_.end() ? nullptr : &*it;
  }
  void fail(const char* code, const std::string& message, const std::string& field) {
    if (!err_) err_ = Error::invalid(code, message, path_ + "." + field);
  }
  const json& j_;
  std::string path_;
  std::optional<Error>& err_;
  std::set<std::string> seen_;
};

}  // namespace

json to_json(const Resource& r) {
  json locations = json::array(), contacts = json::array(), events = json::array();
  for (const auto& l : r.locations)
    locations.push_back({{"hsds_id", l.hsds_id},
                         {"name", l.name},
                         {"description", l.description},
                         {"address_1", l.address_1},
                         {"address_2", l.address_2},
                         {"city", l.city},
                         {"region", l.region},
                         {"postal_code", l.postal_code},
                         {"country", l.country},
                         {"latitude", opt_num(l.latitude)},
                         {"longitude", opt_num(l.longitude)},
                         {"accessibility", l.accessibility},
                         {"confidential", l.confidential}});
  for (const auto& c : r.contacts)
    contacts.push_back({{"hsds_id", c.hsds_id},
                        {"name", c.name},
                        {"title", c.title},
                        {"email", c.email},
                        {"phone", c.phone}});
  for (const auto& e : r.events)
    events.push_back({{"hsds_id", e.hsds_id},
                      {"description", e.description},
                      {"freq", e.freq},
                      {"byday", e.byday},
                      {"interval", e.interval},
                      {"opens_at", e.opens_at},
                      {"closes_at", e.closes_at},
                      {"valid_from", e.valid_from},
                      {"valid_to", e.valid_to},
                      {"dtstart", e.dtstart},
                      {"until", e.until}});
  return {{"hsds_id", r.hsds_id},
          {"name", r.name},
          {"description", r.description},
          {"url", r.url},
          {"email", r.email},
          {"phone", r.phone},
          {"status", r.status},
          {"organization",
           {{"hsds_id", r.organization.hsds_id},
            {"name", r.organization.name},
            {"description", r.organization.description},
            {"url", r.organization.url},
            {"email", r.organization.email},
            {"phone", r.organization.phone}}},
          {"tags", r.tags},
          {"locations", std::move(locations)},
          {"contacts", std::move(contacts)},
          {"events", std::move(events)},
          {"accessibility", r.accessibility},
          {"cost", r.cost},
          {"capacity", std::string(to_string(r.capacity))},
          {"confidential", r.confidential},
          {"reviewed_on", r.reviewed_on}};
}

Result<Resource> resource_from_json(const json& j, const std::string& path,
                                    bool check_coordinates) {
  std::optional<Error> err;
  Resource r;
  Obj o(j, path, err);
  o.text("hsds_id", r.hsds_id);
  o.text("name", r.name);
  o.text("description", r.description);
  o.text("url", r.url);
  o.text("email", r.email);
  o.text("phone", r.phone);
  o.text("status", r.status);
  if (const json* org = o.sub("organization")) {
    Obj g(*org, o.path("organization"), err);
    g.text("hsds_id", r.organization.hsds_id);
    g.text("name", r.organization.name);
    g.text("description", r.organization.description);
    g.text("url", r.organization.url);
    g.text("email", r.organization.email);
    g.text("phone", r.organization.phone);
    g.finish();
  }
  o.text_list("tags", r.tags);
  o.list("locations", r.locations, [&](const json& v, const std::string& p) {
    Location l;
    Obj x(v, p, err);
    x.text("hsds_id", l.hsds_id);
    x.text("name", l.name);
    x.text("description", l.description);
    x.text("address_1", l.address_1);
    x.text("address_2", l.address_2);
    x.text("city", l.city);
    x.text("region", l.region);
    x.text("postal_code", l.postal_code);
    x.text("country", l.country);
    x.number("latitude", l.latitude);
    x.number("longitude", l.longitude);
    x.text("accessibility", l.accessibility);
    x.boolean("confidential", l.confidential);
    x.finish();
    return l;
  });
  o.list("contacts", r.contacts, [&](const json& v, const std::string& p) {
    Contact c;
    Obj x(v, p, err);
    x.text("hsds_id", c.hsds_id);
    x.text("name", c.name);
    x.text("title", c.title);
    x.text("email", c.email);
    x.text("phone", c.phone);
    x.finish();
    return c;
  });
  o.list("events", r.events, [&](const json& v, const std::string& p) {
    Event e;
    Obj x(v, p, err);
    x.text("hsds_id", e.hsds_id);
    x.text("description", e.description);
    x.text("freq", e.freq);
    x.text("byday", e.byday);
    x.integer("interval", e.interval);
    x.text("opens_at", e.opens_at);
    x.text("closes_at", e.closes_at);
    x.text("valid_from", e.valid_from);
    x.text("valid_to", e.valid_to);
    x.text("dtstart", e.dtstart);
    x.text("until", e.until);
    x.finish();
    return e;
  });
  o.text("accessibility", r.accessibility);
  o.text("cost", r.cost);
  std::string capacity = "open";
  o.text("capacity", capacity);
  o.boolean("confidential", r.confidential);
  o.text("reviewed_on", r.reviewed_on);
  // Read-only fields of a resource as the API sends it: accepted and ignored, so a client can
  // send back what it read.
  for (const char* ro : {"id", "version", "knowers", "updated_at", "updated_by", "created_at",
                         "next_date", "timing"})
    o.ignore(ro);
  o.finish();
  if (err) return *err;
  auto cap = capacity_from_string(capacity);
  if (!cap)
    return Error::invalid("invalid_value", "capacity must be one of: open, full, waiting_list",
                          path + ".capacity");
  r.capacity = *cap;
  if (auto v = validate(r, path); !v) return v.error();
  // Coordinates typed in by a worker must be on the globe (HSDS itself does not restrict them,
  // so imported data keep whatever they carry).
  for (size_t i = 0; check_coordinates && i < r.locations.size(); ++i) {
    const auto& l = r.locations[i];
    const std::string p = path + ".locations[" + std::to_string(i) + "]";
    if (l.latitude && (*l.latitude < -90 || *l.latitude > 90))
      return Error::invalid("invalid_value", "latitude must be between -90 and 90",
                            p + ".latitude");
    if (l.longitude && (*l.longitude < -180 || *l.longitude > 180))
      return Error::invalid("invalid_value", "longitude must be between -180 and 180",
                            p + ".longitude");
  }
  normalise(r);
  return r;
}

}  // namespace cp::directory
