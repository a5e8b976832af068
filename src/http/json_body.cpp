// src/http/json_body.cpp — strict JSON body reader.
#include "json_body.hpp"

#include <fmt/format.h>

namespace cp::http {

JsonBody::JsonBody(const std::string& text) {
  if (text.empty()) {
    fail(Error::invalid("empty_body", "the request needs a JSON object body"));
    return;
  }
  try {
    doc_ = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    fail(Error::invalid("malformed_json",
                        fmt::format("the body is not valid JSON (at byte {})", e.byte), "body"));
    return;
  } catch (const nlohmann::json::exception&) {
    // e.g. a number too large for a double (1e999): valid syntax we still cannot read.
    fail(Error::invalid("malformed_json", "the body has a number too large to read", "body"));
    return;
  }
  if (!doc_.is_object()) fail(Error::invalid("wrong_type", "the body must be a JSON object", "body"));
}

const nlohmann::json* JsonBody::field(const std::string& name, bool required) {
  if (error_) return nullptr;
  seen_.insert(name);
  auto it = doc_.find(name);
  if (it == doc_.end() || it->is_null()) {
    if (required) fail(Error::invalid("missing_field", fmt::format("'{}' is required", name), name));
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> JsonBody::text(const std::string& name, bool required, std::size_t max) {
  auto* f = field(name, required);
  if (!f) return std::nullopt;
  if (!f->is_string()) {
    fail(Error::invalid("wrong_type", fmt::format("'{}' must be a string", name), name));
    return std::nullopt;
  }
  auto v = f->get<std::string>();
  if (v.size() > max) {
    fail(Error::invalid("too_long", fmt::format("'{}' must be at most {} characters", name, max), name));
    return std::nullopt;
  }
  return v;
}

std::optional<long long> JsonBody::integer(const std::string& name, bool required) {
  auto* f = field(name, required);
  if (!f) return std::nullopt;
  if (!f->is_number_integer()) {
    fail(Error::invalid("wrong_type", fmt::format("'{}' must be a whole number", name), name));
    return std::nullopt;
  }
  return f->get<long long>();
}

std::optional<std::vector<std::string>> JsonBody::text_list(const std::string& name, bool required) {
  auto* f = field(name, required);
  if (!f) return std::nullopt;
  if (!f->is_array()) {
    fail(Error::invalid("wrong_type", fmt::format("'{}' must be a list of strings", name), name));
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (size_t i = 0; i < f->size(); ++i) {
    if (!(*f)[i].is_string()) {
      fail(Error::invalid("wrong_type", fmt::format("'{}[{}]' must be a string", name, i),
                          fmt::format("{}[{}]", name, i)));
      return std::nullopt;
    }
    out.push_back((*f)[i].get<std::string>());
  }
  return out;
}

std::optional<bool> JsonBody::boolean(const std::string& name, bool required) {
  auto* f = field(name, required);
  if (!f) return std::nullopt;
  if (!f->is_boolean()) {
    fail(Error::invalid("wrong_type", fmt::format("'{}' must be true or false", name), name));
    return std::nullopt;
  }
  return f->get<bool>();
}

std::optional<nlohmann::json> JsonBody::object(const std::string& name, bool required) {
  auto* f = field(name, required);
  if (!f) return std::nullopt;
  if (!f->is_object()) {
    fail(Error::invalid("wrong_type", fmt::format("'{}' must be a JSON object", name), name));
    return std::nullopt;
  }
  return *f;
}

std::optional<nlohmann::json> JsonBody::array(const std::string& name, bool required) {
  auto* f = field(name, required);
  if (!f) return std::nullopt;
  if (!f->is_array()) {
    fail(Error::invalid("wrong_type", fmt::format("'{}' must be a list", name), name));
    return std::nullopt;
  }
  return *f;
}

void JsonBody::finish() {
  if (error_) return;
  for (auto it = doc_.begin(); it != doc_.end(); ++it)
    if (!seen_.count(it.key())) {
      fail(Error::invalid("unknown_field", fmt::format("'{}' is not a field of this request", it.key()),
                          it.key()));
      return;
    }
}

}  // namespace cp::http
