// src/cli/data_dir.cpp — locating the data directory and reading input files for `cpi`.
#include "cli/data_dir.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <vector>

#include "cp/domain/result.hpp"

#ifndef CP_SOURCE_DIR
#define CP_SOURCE_DIR "."
#endif

namespace cp::cli {

std::filesystem::path data_dir(const std::string& option_value) {
  if (!option_value.empty()) return std::filesystem::path(option_value);
  if (const char* env = std::getenv("CPI_DATA_DIR"); env && *env) return std::filesystem::path(env);
  return std::filesystem::path(CP_SOURCE_DIR) / "data";
}

std::string read_text_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw ErrorException(
        Error::not_found(fmt::format("file not found: {}", path.string()), path.string()));
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw ErrorException(Error{ErrorKind::internal, "io",
                               fmt::format("cannot read {}", path.string()), path.string()});
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string read_file_or_stdin(const std::string& path) {
  if (path.empty() || path == "-") {
    return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  return read_text_file(path);
}

namespace {

std::vector<std::filesystem::path> files_in(const std::filesystem::path& dir,
                                            const std::string& ext) {
  std::vector<std::filesystem::path> out;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return out;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.is_regular_file() && e.path().extension() == ext) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

[[noreturn]] void fail(Error e, const std::filesystem::path& file) {
  e.field = e.field.empty() ? file.string() : fmt::format("{}: {}", file.string(), e.field);
  throw ErrorException(std::move(e));
}

}  // namespace

cp::instruments::Table load_table_file(const std::filesystem::path& path) {
  std::string text = read_text_file(path);
  if (path.extension() == ".csv") {
    auto t =
        cp::instruments::parse_lookup_csv(text, path.stem().string(), "lsoa_code", "imd_decile");
    if (!t && t.error().code == "missing_column")
      t = cp::instruments::parse_lookup_csv(text, path.stem().string(), "LSOA code (2011)",
                                            "Index of Multiple Deprivation (IMD) Decile");
    if (!t) fail(t.error(), path);
    return std::move(*t);
  }
  auto t = cp::instruments::parse_table(text);
  if (!t) fail(t.error(), path);
  return std::move(*t);
}

cp::instruments::Catalogue load_instrument_catalogue(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir / "instruments", ec))
    throw ErrorException(Error::not_found(
        fmt::format("no instrument definitions in {} (set --data-dir or CPI_DATA_DIR)",
                    (dir / "instruments").string()),
        dir.string()));
  cp::instruments::Catalogue c;
  for (const auto& f : files_in(dir / "instruments", ".json"))
    if (auto r = c.add_definition(read_text_file(f)); !r) fail(r.error(), f);
  for (const char* sub : {"value-sets", "unit-costs"})
    for (const auto& f : files_in(dir / sub, ".json"))
      if (auto r = c.add_table(load_table_file(f)); !r) fail(r.error(), f);
  for (const auto& f : files_in(dir / "imd", ".csv"))
    if (auto r = c.add_table(load_table_file(f)); !r) fail(r.error(), f);
  return c;
}

}  // namespace cp::cli
