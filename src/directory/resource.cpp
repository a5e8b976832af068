// src/directory/resource.cpp — a community resource's domain rules, timing (active now /
// upcoming) and search matching.
#include "cp/directory/resource.hpp"

#include <algorithm>
#include <cctype>

#include "dates.hpp"

namespace cp::directory {

std::string_view to_string(Capacity c) {
  switch (c) {
    case Capacity::open:
      return "open";
    case Capacity::full:
      return "full";
    case Capacity::waiting_list:
      return "waiting_list";
  }
  return "open";
}

std::optional<Capacity> capacity_from_string(std::string_view s) {
  if (s == "open") return Capacity::open;
  if (s == "full") return Capacity::full;
  if (s == "waiting_list") return Capacity::waiting_list;
  return std::nullopt;
}

namespace {

std::string lower(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

std::string trim(const std::string& s) {
  size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return s.substr(a, b - a);
}

Error bad(const std::string& path, const std::string& field, const std::string& message,
          const std::string& code = "invalid_value") {
  return Error::invalid(code, message, path + "." + field);
}

bool valid_time(const std::string& t) {
  // HH:MM or HH:MM:SS, 24-hour clock.
  if (t.size() != 5 && t.size() != 8) return false;
  auto two = [&](size_t i, int max) {
    if (!std::isdigit(static_cast<unsigned char>(t[i])) ||
        !std::isdigit(static_cast<unsigned char>(t[i + 1])))
      return false;
    return (t[i] - '0') * 10 + (t[i + 1] - '0') <= max;
  };
  if (!two(0, 23) || t[2] != ':' || !two(3, 59)) return false;
  return t.size() == 5 || (t[5] == ':' && two(6, 59));
}

const char* const kDays[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

bool valid_byday(const std::string& s) {
  if (s.empty()) return true;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(',', start);
    if (end == std::string::npos) end = s.size();
    std::string d = trim(s.substr(start, end - start));
    // RFC 5545 allows an ordinal prefix (e.g. "1MO", "-1FR") in monthly rules.
    size_t i = 0;
    if (i < d.size() && (d[i] == '-' || d[i] == '+')) ++i;
    while (i < d.size() && std::isdigit(static_cast<unsigned char>(d[i]))) ++i;
    std::string code = d.substr(i);
    if (std::find(std::begin(kDays), std::end(kDays), code) == std::end(kDays)) return false;
    start = end + 1;
  }
  return true;
}

// Weekday codes in a byday list (ordinals dropped), as 0 = Monday … 6 = Sunday.
std::vector<int> days_of(const std::string& byday) {
  std::vector<int> out;
  for (int k = 0; k < 7; ++k)
    if (byday.find(kDays[k]) != std::string::npos) out.push_back(k);
  return out;
}

Result<Unit> check_text(const std::string& value, const std::string& path, const std::string& field,
                        size_t max) {
  if (value.size() > max)
    return bad(path, field, field + " must be at most " + std::to_string(max) + " characters",
               "too_long");
  return Unit{};
}

}  // namespace

std::vector<std::string> normalise_tags(const std::vector<std::string>& tags) {
  std::vector<std::string> out;
  for (const auto& t : tags) {
    auto n = lower(trim(t));
    if (!n.empty()) out.push_back(n);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void normalise(Resource& r) {
  r.tags = normalise_tags(r.tags);
  for (auto& e : r.events) {
    if (e.opens_at.size() == 5) e.opens_at += ":00";
    if (e.closes_at.size() == 5) e.closes_at += ":00";
  }
  for (auto& l : r.locations)
    if (l.country.empty() && !l.address_1.empty()) l.country = "GB";
}

Result<Unit> validate(const Resource& r, const std::string& path) {
  if (trim(r.name).empty())
    return Error::invalid("missing_field", "a resource needs a name", path + ".name");
  for (auto [v, f, max] : {std::tuple{&r.name, "name", 300},
                           {&r.description, "description", 5000},
                           {&r.url, "url", 1000},
                           {&r.email, "email", 300},
                           {&r.phone, "phone", 100},
                           {&r.accessibility, "accessibility", 2000},
                           {&r.cost, "cost", 2000},
                           {&r.hsds_id, "hsds_id", 100}}) {
    if (auto c = check_text(*v, path, f, static_cast<size_t>(max)); !c) return c.error();
  }
  static const char* const statuses[] = {"active", "inactive", "defunct", "temporarily closed"};
  if (std::find(std::begin(statuses), std::end(statuses), r.status) == std::end(statuses))
    return bad(path, "status",
               "status must be one of: active, inactive, defunct, temporarily closed");
  if (!r.hsds_id.empty() && !is_uuid(r.hsds_id))
    return bad(path, "hsds_id", "hsds_id must be a uuid");
  if (!r.reviewed_on.empty() && !detail::valid_date(r.reviewed_on))
    return bad(path, "reviewed_on", "reviewed_on must be a date (YYYY-MM-DD)");
  // HSDS formats, so that whatever is stored can be exported as valid HSDS.
  for (auto [v, f, email] : {std::tuple{&r.email, "email", true},
                             {&r.url, "url", false},
                             {&r.organization.email, "organization.email", true},
                             {&r.organization.url, "organization.url", false}}) {
    if (v->empty()) continue;
    if (email && !detail::valid_email(*v)) return bad(path, f, "must be an email address");
    if (!email && !detail::valid_uri(*v))
      return bad(path, f, "must be a web address with a scheme (https://…)");
  }
  if (trim(r.organization.name).size() > 300)
    return bad(path, "organization.name", "too long", "too_long");
  if (r.tags.size() > 50) return bad(path, "tags", "at most 50 tags", "too_many");
  for (size_t i = 0; i < r.tags.size(); ++i)
    if (r.tags[i].size() > 80)
      return bad(path, "tags[" + std::to_string(i) + "]", "a tag is at most 80 characters",
                 "too_long");
  if (r.locations.size() > 100) return bad(path, "locations", "at most 100 locations", "too_many");
  if (r.contacts.size() > 100) return bad(path, "contacts", "at most 100 contacts", "too_many");
  if (r.events.size() > 100) return bad(path, "events", "at most 100 events", "too_many");
  for (size_t i = 0; i < r.locations.size(); ++i) {
    const auto& l = r.locations[i];
    const std::string p = path + ".locations[" + std::to_string(i) + "]";
    if (!l.hsds_id.empty() && !is_uuid(l.hsds_id))
      return bad(p, "hsds_id", "hsds_id must be a uuid");
    for (auto [v, f] : {std::pair{&l.name, "name"},
                        {&l.description, "description"},
                        {&l.address_1, "address_1"},
                        {&l.address_2, "address_2"},
                        {&l.city, "city"},
                        {&l.region, "region"},
                        {&l.postal_code, "postal_code"},
                        {&l.country, "country"},
                        {&l.accessibility, "accessibility"}})
      if (auto c = check_text(*v, p, f, 2000); !c) return c.error();
    const bool any_address = !l.address_1.empty() || !l.city.empty() || !l.postal_code.empty();
    if (any_address && (l.address_1.empty() || l.city.empty() || l.postal_code.empty()))
      return bad(p, l.address_1.empty() ? "address_1" : (l.city.empty() ? "city" : "postal_code"),
                 "an address needs address_1, city and postal_code together (HSDS)",
                 "missing_field");
  }
  for (size_t i = 0; i < r.contacts.size(); ++i) {
    const auto& c = r.contacts[i];
    const std::string p = path + ".contacts[" + std::to_string(i) + "]";
    if (!c.hsds_id.empty() && !is_uuid(c.hsds_id))
      return bad(p, "hsds_id", "hsds_id must be a uuid");
    for (auto [v, f] : {std::pair{&c.name, "name"},
                        {&c.title, "title"},
                        {&c.email, "email"},
                        {&c.phone, "phone"}})
      if (auto k = check_text(*v, p, f, 300); !k) return k.error();
    if (!c.email.empty() && !detail::valid_email(c.email))
      return bad(p, "email", "must be an email address");
  }
  for (size_t i = 0; i < r.events.size(); ++i) {
    const auto& e = r.events[i];
    const std::string p = path + ".events[" + std::to_string(i) + "]";
    if (!e.hsds_id.empty() && !is_uuid(e.hsds_id))
      return bad(p, "hsds_id", "hsds_id must be a uuid");
    if (auto k = check_text(e.description, p, "description", 2000); !k) return k.error();
    if (!e.freq.empty() && e.freq != "WEEKLY" && e.freq != "MONTHLY")
      return bad(p, "freq", "freq must be WEEKLY or MONTHLY (or empty for a one-off event)");
    if (!valid_byday(e.byday))
      return bad(p, "byday", "byday must list day codes MO,TU,WE,TH,FR,SA,SU");
    if (e.interval < 0 || e.interval > 52)
      return bad(p, "interval", "interval must be between 1 and 52");
    for (auto [v, f] : {std::pair{&e.opens_at, "opens_at"}, {&e.closes_at, "closes_at"}})
      if (!v->empty() && !valid_time(*v))
        return bad(p, f, std::string(f) + " must be a time (HH:MM or HH:MM:SS)");
    for (auto [v, f] : {std::pair{&e.valid_from, "valid_from"},
                        {&e.valid_to, "valid_to"},
                        {&e.dtstart, "dtstart"},
                        {&e.until, "until"}})
      if (!v->empty() && !detail::valid_date(*v))
        return bad(p, f, std::string(f) + " must be a date (YYYY-MM-DD)");
    if (!e.valid_from.empty() && !e.valid_to.empty() && e.valid_to < e.valid_from)
      return bad(p, "valid_to", "valid_to is before valid_from");
  }
  return Unit{};
}

// ---- timing ----

std::optional<std::string> next_date(const Event& e, const std::string& today) {
  if (!e.valid_to.empty() && e.valid_to < today) return std::nullopt;
  if (!e.until.empty() && e.until < today) return std::nullopt;
  std::string start = today;
  if (e.valid_from > start) start = e.valid_from;
  if (e.dtstart > start) start = e.dtstart;
  auto within = [&](const std::string& d) -> std::optional<std::string> {
    if (!e.valid_to.empty() && d > e.valid_to) return std::nullopt;
    if (!e.until.empty() && d > e.until) return std::nullopt;
    return d;
  };
  if (e.freq == "WEEKLY") {
    auto days = days_of(e.byday);
    if (days.empty() && !e.dtstart.empty()) days.push_back(detail::weekday(e.dtstart));
    if (days.empty()) return within(start);
    const long base = detail::day_number(start);
    for (long k = 0; k < 7; ++k) {
      const std::string d = detail::date_of(base + k);
      if (std::find(days.begin(), days.end(), detail::weekday(d)) != days.end()) return within(d);
    }
    return std::nullopt;
  }
  if (e.freq == "MONTHLY") return within(start);
  if (!e.dtstart.empty()) return e.dtstart >= today ? within(e.dtstart) : std::nullopt;
  if (!e.valid_from.empty() && e.valid_from > today) return within(e.valid_from);
  return std::nullopt;
}

std::optional<std::string> next_date(const Resource& r, const std::string& today) {
  std::optional<std::string> best;
  for (const auto& e : r.events) {
    auto d = next_date(e, today);
    if (d && (!best || *d < *best)) best = d;
  }
  return best;
}

Timing timing(const Resource& r, const std::string& today) {
  bool any_dated = false, any_active = false, any_upcoming = false;
  for (const auto& e : r.events) {
    const bool dated =
        !e.valid_from.empty() || !e.valid_to.empty() || !e.dtstart.empty() || !e.until.empty();
    if (!dated) {
      any_active = true;  // an undated schedule: runs all the time
      continue;
    }
    any_dated = true;
    bool ended =
        (!e.valid_to.empty() && e.valid_to < today) || (!e.until.empty() && e.until < today);
    if (e.freq.empty() && !e.dtstart.empty() && e.valid_to.empty() && e.until.empty() &&
        e.dtstart < today)
      ended = true;  // a one-off event in the past
    if (ended) continue;
    std::string start = e.valid_from > e.dtstart ? e.valid_from : e.dtstart;
    if (start <= today)
      any_active = true;
    else
      any_upcoming = true;
  }
  if (!any_dated || any_active) return Timing::active;
  return any_upcoming ? Timing::upcoming : Timing::ended;
}

// ---- search ----

namespace {

std::string squash(const std::string& s) {  // lower case, no spaces: postcodes
  std::string out;
  for (char ch : s)
    if (!std::isspace(static_cast<unsigned char>(ch)))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

// The outward code (district) of a UK postcode: the part before the space, or all but the last
// three characters.
std::string outward(const std::string& postcode) {
  auto t = trim(postcode);
  auto sp = t.find(' ');
  if (sp != std::string::npos) return squash(t.substr(0, sp));
  auto s = squash(t);
  return s.size() > 3 ? s.substr(0, s.size() - 3) : s;
}

bool looks_like_district(const std::string& p) {
  // A1, A12, AB1, AB12, A1B, AB1C
  const auto s = squash(p);
  if (s.size() < 2 || s.size() > 4 || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  size_t i = 1;
  if (std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
  if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  ++i;
  if (i < s.size()) return std::isalnum(static_cast<unsigned char>(s[i])) && i + 1 == s.size();
  return true;
}

bool contains(const std::string& hay, const std::string& needle) {
  return lower(hay).find(needle) != std::string::npos;
}

bool place_matches(const Location& l, const std::string& place) {
  const std::string p = lower(trim(place));
  if (p.empty()) return true;
  if (!l.postal_code.empty()) {
    if (looks_like_district(p) && outward(l.postal_code) == squash(p)) return true;
    if (squash(l.postal_code) == squash(p)) return true;
  }
  for (const auto* f : {&l.city, &l.region, &l.address_1, &l.address_2, &l.name})
    if (contains(*f, p)) return true;
  return false;
}

}  // namespace

bool matches(const Resource& r, const Query& q, const std::string& today,
             bool include_confidential_locations) {
  if (q.capacity && r.capacity != *q.capacity) return false;
  if (!q.tag.empty()) {
    const auto t = lower(trim(q.tag));
    if (std::find(r.tags.begin(), r.tags.end(), t) == r.tags.end()) return false;
  }
  if (!trim(q.place).empty()) {
    bool any = false;
    for (const auto& l : r.locations) {
      if (l.confidential && !include_confidential_locations) continue;
      if (place_matches(l, q.place)) {
        any = true;
        break;
      }
    }
    if (!any) return false;
  }
  if (q.timing && timing(r, today) != *q.timing) return false;
  const std::string text = lower(trim(q.text));
  if (!text.empty()) {
    std::string hay = r.name + "\n" + r.description + "\n" + r.organization.name + "\n" +
                      r.accessibility + "\n" + r.cost + "\n";
    for (const auto& t : r.tags) hay += t + "\n";
    for (const auto& e : r.events) hay += e.description + "\n";
    for (const auto& c : r.contacts) hay += c.name + " " + c.title + "\n";
    for (const auto& l : r.locations)
      if (!l.confidential || include_confidential_locations)
        hay += l.name + " " + l.city + " " + l.address_1 + "\n";
    hay = lower(hay);
    size_t start = 0;
    while (start < text.size()) {  // every word must appear
      size_t end = text.find(' ', start);
      if (end == std::string::npos) end = text.size();
      const auto word = text.substr(start, end - start);
      if (!word.empty() && hay.find(word) == std::string::npos) return false;
      start = end + 1;
    }
  }
  return true;
}

Resource without_confidential_locations(Resource r) {
  std::erase_if(r.locations, [](const Location& l) { return l.confidential; });
  return r;
}

// ---- ids ----

std::string derived_uuid(std::string_view seed) {
  // Two FNV-1a 64-bit hashes with different offsets, formatted as a version-5-shaped uuid.
  auto fnv = [&](std::uint64_t h) {
    for (unsigned char ch : seed) {
      h ^= ch;
      h *= 1099511628211ULL;
    }
    return h;
  };
  std::uint64_t a = fnv(14695981039346656037ULL),
                b = fnv(1469598103934665603ULL ^ 0x9e3779b97f4a7c15ULL);
  unsigned char bytes[16];
  for (int i = 0; i < 8; ++i) {
    bytes[i] = static_cast<unsigned char>(a >> (56 - 8 * i));
    bytes[8 + i] = static_cast<unsigned char>(b >> (56 - 8 * i));
  }
  bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0f) | 0x50);
  bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3f) | 0x80);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += hex[bytes[i] >> 4];
    out += hex[bytes[i] & 15];
  }
  return out;
}

bool is_uuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (s[i] != '-') return false;
    } else if (!std::isxdigit(static_cast<unsigned char>(s[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace cp::directory
