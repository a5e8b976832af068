// tests/unit/instruments/support.hpp — test helpers for issue 3: read repository files and
// build the instrument catalogue from data/ plus the labelled example tables in
// tests/fixtures/instruments/ (tests may read files; the engine under test does not).
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cp/instruments/catalogue.hpp"

namespace cp::instruments::test {

inline std::filesystem::path repo() {
  return std::filesystem::path(CP_SOURCE_DIR);
}

inline std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << p;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Every shipped definition and table, the example IMD lookup, and the fixture example tables.
inline Catalogue load_catalogue() {
  Catalogue c;
  auto each = [](const std::filesystem::path& dir, const std::string& ext, auto fn) {
    for (const auto& e : std::filesystem::directory_iterator(dir))
      if (e.path().extension() == ext) fn(e.path());
  };
  each(repo() / "data/instruments", ".json", [&](const auto& p) {
    auto r = c.add_definition(read(p), p.filename().string());
    EXPECT_TRUE(r.ok()) << p << ": "
                        << (r.ok() ? "" : r.error().message + " at " + r.error().field);
  });
  for (const char* sub : {"data/value-sets", "data/unit-costs", "tests/fixtures/instruments"})
    each(repo() / sub, ".json", [&](const auto& p) {
      if (p.filename() == "vectors.json") return;
      auto r = c.add_table(read(p), p.filename().string());
      EXPECT_TRUE(r.ok()) << p << ": "
                          << (r.ok() ? "" : r.error().message + " at " + r.error().field);
    });
  auto imd = parse_lookup_csv(read(repo() / "data/imd/imd2019-example.csv"), "imd2019-example",
                              "lsoa_code", "imd_decile");
  EXPECT_TRUE(imd.ok());
  if (imd.ok()) {
    EXPECT_TRUE(c.add_table(std::move(*imd)).ok());
  }
  return c;
}

inline const Catalogue& catalogue() {
  static const Catalogue c = load_catalogue();
  return c;
}

inline const Definition& def(const std::string& id) {
  const Definition* d = catalogue().find(id);
  if (!d) throw std::runtime_error("no definition " + id);
  return *d;
}

}  // namespace cp::instruments::test
