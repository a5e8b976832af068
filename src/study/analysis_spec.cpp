// src/study/analysis_spec.cpp — TOML → AnalysisSpec with path-named errors (toml++).
#include "cp/study/analysis_spec.hpp"

#include "cp/study/economics_bridge.hpp"

#include <set>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

namespace cp::study {

namespace {

cp::Error bad(const std::string& path, const std::string& msg) {
  return Error::invalid("bad_spec", fmt::format("spec: {}: {}", path, msg), path);
}

// Rejects keys of `t` not in `allowed`.
std::optional<cp::Error> only_keys(const toml::table& t, const std::string& path,
                                   std::initializer_list<const char*> allowed) {
  for (const auto& [k, v] : t) {
    bool ok = false;
    for (const char* a : allowed) ok = ok || k.str() == a;
    if (!ok) return bad(path.empty() ? std::string(k.str()) : path + "." + std::string(k.str()), "unknown key");
  }
  return std::nullopt;
}

cp::Result<std::string> get_string(const toml::table& t, const std::string& path, const char* key,
                                   std::optional<std::string> fallback) {
  const auto* node = t.get(key);
  if (!node) {
    if (fallback) return *fallback;
    return bad(path + "." + key, "is required");
  }
  if (auto s = node->value<std::string>()) return *s;
  return bad(path + "." + key, "must be a string");
}

cp::Result<std::vector<std::string>> get_strings(const toml::table& t, const std::string& path,
                                                 const char* key) {
  std::vector<std::string> out;
  const auto* node = t.get(key);
  if (!node) return out;
  const auto* arr = node->as_array();
  if (!arr) return bad(path + "." + key, "must be an array of strings");
  for (std::size_t i = 0; i < arr->size(); ++i) {
    auto s = (*arr)[i].value<std::string>();
    if (!s) return bad(fmt::format("{}.{}[{}]", path, key, i), "must be a string");
    out.push_back(*s);
  }
  return out;
}

std::optional<cp::Error> get_int(const toml::table& t, const std::string& path, const char* key,
                                 std::int64_t lo, std::int64_t hi, std::int64_t& out) {
  const auto* node = t.get(key);
  if (!node) return std::nullopt;
  auto v = node->value<std::int64_t>();
  if (!v || !node->is_integer()) return bad(path + "." + key, "must be an integer");
  if (*v < lo || *v > hi) return bad(path + "." + key, fmt::format("must be between {} and {}", lo, hi));
  out = *v;
  return std::nullopt;
}

}  // namespace

cp::Result<AnalysisSpec> parse_analysis_spec(std::string_view text) {
  toml::table root;
  try {
    root = toml::parse(text);
  } catch (const toml::parse_error& e) {
    const auto& b = e.source().begin;
    return Error::invalid("bad_spec",
                          fmt::format("spec: TOML error at line {}, column {}: {}", b.line, b.column,
                                      e.description()),
                          fmt::format("line {}, column {}", b.line, b.column));
  }
  if (auto e = only_keys(root, "", {"data", "outcomes", "analysis", "economics"})) return *e;
  AnalysisSpec spec;

  // [data]
  const auto* data = root["data"].as_table();
  if (!data) return bad("data", "the [data] table is required");
  if (auto e = only_keys(*data, "data", {"file", "id", "cluster", "arm", "control", "covariates", "reference"}))
    return *e;
  {
    auto file = get_string(*data, "data", "file", std::string{});
    if (!file) return std::move(file).error();
    spec.data_file = *file;
    auto id = get_string(*data, "data", "id", std::string("id"));
    if (!id) return std::move(id).error();
    spec.data.id = *id;
    auto cl = get_string(*data, "data", "cluster", std::nullopt);
    if (!cl) return std::move(cl).error();
    spec.data.cluster = *cl;
    auto arm = get_string(*data, "data", "arm", std::string("arm"));
    if (!arm) return std::move(arm).error();
    spec.data.arm = *arm;
    auto control = get_string(*data, "data", "control", std::nullopt);
    if (!control) return std::move(control).error();
    spec.data.control = *control;
    auto cov = get_strings(*data, "data", "covariates");
    if (!cov) return std::move(cov).error();
    spec.data.covariates = *cov;
    if (const auto* ref = (*data)["reference"].as_table()) {
      for (const auto& [k, v] : *ref) {
        auto s = v.value<std::string>();
        if (!s) return bad("data.reference." + std::string(k.str()), "must be a string");
        spec.data.reference[std::string(k.str())] = *s;
      }
    } else if (data->contains("reference")) {
      return bad("data.reference", "must be a table { covariate = \"level\" }");
    }
  }

  // [[outcomes]]
  const auto* outs = root["outcomes"].as_array();
  if (!outs || outs->empty()) return bad("outcomes", "at least one [[outcomes]] entry is required");
  std::set<std::string> names;
  for (std::size_t i = 0; i < outs->size(); ++i) {
    const std::string path = fmt::format("outcomes[{}]", i + 1);
    const auto* t = (*outs)[i].as_table();
    if (!t) return bad(path, "must be a table");
    if (auto e = only_keys(*t, path, {"name", "baseline", "followup"})) return *e;
    OutcomeColumns oc;
    auto nm = get_string(*t, path, "name", std::nullopt);
    if (!nm) return std::move(nm).error();
    auto b = get_string(*t, path, "baseline", std::nullopt);
    if (!b) return std::move(b).error();
    auto f = get_string(*t, path, "followup", std::nullopt);
    if (!f) return std::move(f).error();
    if (!names.insert(*nm).second) return bad(path + ".name", "'" + *nm + "' is used twice");
    spec.data.outcomes.push_back({*nm, *b, *f});
  }

  // [analysis]
  spec.models = {ModelKind::paired, ModelKind::group_time, ModelKind::ancova, ModelKind::mixed};
  if (const auto* an = root["analysis"].as_table()) {
    if (auto e = only_keys(*an, "analysis",
                           {"models", "imputation", "robust", "reml", "level", "threads", "dose_response"}))
      return *e;
    if (an->contains("models")) {
      auto ms = get_strings(*an, "analysis", "models");
      if (!ms) return std::move(ms).error();
      spec.models.clear();
      for (std::size_t i = 0; i < ms->size(); ++i) {
        ModelKind k;
        if (!parse_model_name((*ms)[i], k))
          return bad(fmt::format("analysis.models[{}]", i + 1),
                     "unknown model '" + (*ms)[i] + "' (paired, group_time, ancova, mixed)");
        spec.models.push_back(k);
      }
    }
    if (const auto* node = an->get("imputation")) {
      const auto* imp = node->as_table();
      if (!imp) return bad("analysis.imputation", "must be a table { m = 20, seed = 1 }");
      if (auto e = only_keys(*imp, "analysis.imputation", {"m", "seed", "maxit", "donors", "auxiliary"}))
        return *e;
      ImputationSpec is;
      std::int64_t v = is.m;
      if (auto e = get_int(*imp, "analysis.imputation", "m", 1, 1000, v)) return *e;
      is.m = static_cast<int>(v);
      v = 1;
      if (auto e = get_int(*imp, "analysis.imputation", "seed", 0, INT64_MAX, v)) return *e;
      is.seed = static_cast<std::uint64_t>(v);
      v = is.maxit;
      if (auto e = get_int(*imp, "analysis.imputation", "maxit", 1, 1000, v)) return *e;
      is.maxit = static_cast<int>(v);
      v = is.donors;
      if (auto e = get_int(*imp, "analysis.imputation", "donors", 1, 100, v)) return *e;
      is.donors = static_cast<int>(v);
      auto aux = get_strings(*imp, "analysis.imputation", "auxiliary");
      if (!aux) return std::move(aux).error();
      is.auxiliary = *aux;
      spec.imputation = is;
    }
    auto robust = get_string(*an, "analysis", "robust", std::string("CR2"));
    if (!robust) return std::move(robust).error();
    if (*robust == "CR2") spec.settings.robust = stats::CrType::CR2;
    else if (*robust == "CR1") spec.settings.robust = stats::CrType::CR1;
    else return bad("analysis.robust", "must be \"CR2\" or \"CR1\"");
    if (const auto* node = an->get("reml")) {
      auto b = node->value<bool>();
      if (!b) return bad("analysis.reml", "must be true or false");
      spec.settings.reml = *b;
    }
    if (const auto* node = an->get("level")) {
      auto l = node->value<double>();
      if (!l || !(*l > 0 && *l < 1)) return bad("analysis.level", "must be a number in (0, 1)");
      spec.settings.level = *l;
    }
    std::int64_t th = 0;
    if (auto e = get_int(*an, "analysis", "threads", 0, 1024, th)) return *e;
    spec.threads = static_cast<int>(th);
    if (const auto* node = an->get("dose_response")) {
      const auto* dr = node->as_table();
      if (!dr) return bad("analysis.dose_response", "must be a table { column = \"fidelity\", full_at = 7 }");
      if (auto e = only_keys(*dr, "analysis.dose_response", {"column", "full_at"})) return *e;
      DoseResponseSpec ds;
      auto col = get_string(*dr, "analysis.dose_response", "column", std::nullopt);
      if (!col) return std::move(col).error();
      ds.column = *col;
      if (const auto* fa = dr->get("full_at")) {
        auto x = fa->value<double>();
        if (!x) return bad("analysis.dose_response.full_at", "must be a number");
        ds.full_at = *x;
      }
      spec.dose_response = ds;
    }
  } else if (root.contains("analysis")) {
    return bad("analysis", "must be a table");
  }
  if (spec.dose_response) spec.data.extra_numeric.push_back(spec.dose_response->column);
  if (spec.imputation)
    for (const auto& a : spec.imputation->auxiliary) spec.data.extra_numeric.push_back(a);

  // [economics]: handed on as JSON.
  if (const auto* ec = root["economics"].as_table()) {
    std::ostringstream os;
    os << toml::json_formatter{*ec};
    try {
      spec.economics = nlohmann::json::parse(os.str());
    } catch (const nlohmann::json::exception& e) {
      return bad("economics", std::string("could not be read: ") + e.what());
    }
    for (const auto& c : economics_columns(*spec.economics)) spec.data.extra_numeric.push_back(c);
  } else if (root.contains("economics")) {
    return bad("economics", "must be a table");
  }
  return spec;
}

}  // namespace cp::study
