// src/instruments/catalogue.cpp — the set of loaded definitions and tables, built from
// strings; cross-checks which tables each definition names.
#include "cp/instruments/catalogue.hpp"

#include <fmt/format.h>

namespace cp::instruments {

namespace {
Error with_origin(Error e, std::string_view origin) {
  if (!origin.empty())
    e.field = e.field.empty() ? std::string(origin) : fmt::format("{}: {}", origin, e.field);
  return e;
}
}  // namespace

Result<Unit> Catalogue::add_definition(std::string_view json, std::string_view origin) {
  auto d = parse_definition(json);
  if (!d) return with_origin(d.error(), origin);
  auto r = add_definition(std::move(*d));
  if (!r) return with_origin(r.error(), origin);
  return Unit{};
}

Result<Unit> Catalogue::add_definition(Definition d) {
  if (definitions_.count(d.id))
    return Error::conflict("duplicate_definition",
                           fmt::format("instrument '{}' is defined twice", d.id), "id");
  auto id = d.id;
  definitions_.emplace(std::move(id), std::move(d));
  return Unit{};
}

Result<Unit> Catalogue::add_table(std::string_view json, std::string_view origin) {
  auto t = parse_table(json);
  if (!t) return with_origin(t.error(), origin);
  auto r = add_table(std::move(*t));
  if (!r) return with_origin(r.error(), origin);
  return Unit{};
}

Result<Unit> Catalogue::add_table(Table t) {
  if (tables_.count(t.id))
    return Error::conflict("duplicate_table", fmt::format("table '{}' is loaded twice", t.id),
                           "id");
  auto id = t.id;
  tables_.emplace(std::move(id), std::move(t));
  return Unit{};
}

const Definition* Catalogue::find(std::string_view id) const {
  auto it = definitions_.find(id);
  return it == definitions_.end() ? nullptr : &it->second;
}

std::vector<const Definition*> Catalogue::definitions() const {
  std::vector<const Definition*> out;
  for (const auto& [id, d] : definitions_) out.push_back(&d);
  return out;
}

std::vector<std::string> Catalogue::unresolved_tables(const Definition& d) const {
  std::vector<std::string> out;
  for (const auto& [role, id] : d.tables)
    if (!tables_.count(id)) out.push_back(fmt::format("{} -> {}", role, id));
  return out;
}

Result<ScoreReport> Catalogue::score(std::string_view instrument_id, const nlohmann::json& answers,
                                     const ScoringOptions& options) const {
  const Definition* d = find(instrument_id);
  if (!d) return Error::not_found(fmt::format("no instrument '{}'", instrument_id), "instrument");
  auto r = parse_responses(*d, answers);
  if (!r) return r.error();
  return cp::instruments::score(*d, *r, tables_, options);
}

Result<Catalogue> build_catalogue(const std::map<std::string, std::string>& definitions_json,
                                  const std::map<std::string, std::string>& tables_json) {
  Catalogue c;
  for (const auto& [name, text] : definitions_json)
    if (auto r = c.add_definition(text, name); !r) return r.error();
  for (const auto& [name, text] : tables_json)
    if (auto r = c.add_table(text, name); !r) return r.error();
  return c;
}

}  // namespace cp::instruments
