// src/http/json_body.hpp — strict reading of a JSON request body: every field is checked for
// presence and type, and unknown fields are refused, each with the field's name.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cp/domain/result.hpp"

namespace cp::http {

class JsonBody {
 public:
  // Parses `text`; on failure error() says where the JSON breaks.
  explicit JsonBody(const std::string& text);
  bool ok() const { return !error_; }
  const Error& error() const { return *error_; }

  std::optional<std::string> text(const std::string& name, bool required, std::size_t max = 10000);
  std::optional<long long> integer(const std::string& name, bool required);
  std::optional<std::vector<std::string>> text_list(const std::string& name, bool required);
  std::optional<bool> boolean(const std::string& name, bool required);
  // A JSON object or array as it is, for the caller to check member by member (with names).
  std::optional<nlohmann::json> object(const std::string& name, bool required);
  std::optional<nlohmann::json> array(const std::string& name, bool required);
  // The whole parsed body (an object when ok()), for use cases that check bodies themselves.
  const nlohmann::json& document() const { return doc_; }
  // After reading every field: refuses fields that were not read.
  void finish();

 private:
  const nlohmann::json* field(const std::string& name, bool required);
  void fail(Error e) {
    if (!error_) error_ = std::move(e);
  }
  nlohmann::json doc_;
  std::set<std::string> seen_;
  std::optional<Error> error_;
};

}  // namespace cp::http
