// src/directory/hsds_schema_data.hpp — the HSDS 3.0 schema files compiled in (generated .cpp).
#pragma once

#include <string_view>
#include <vector>

namespace cp::directory::detail {

struct EmbeddedFile {
  std::string_view name;  // "schema/service.json", "datapackage.json"
  std::string_view text;
};
const std::vector<EmbeddedFile>& hsds_schema_files();

}  // namespace cp::directory::detail
