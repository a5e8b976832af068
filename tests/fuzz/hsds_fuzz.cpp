// tests/fuzz/hsds_fuzz.cpp — libFuzzer target for the HSDS 3.0 readers of the community directory
// (issue 4, part 5): the JSON reader, and the CSV data package reader (the input split into
// table files). Whatever the bytes, a reader returns resources or issues that name a file; what
// it accepts must pass the domain rules and survive export → import unchanged (JSON and CSV).
// fuzz-sources: src/directory/*.cpp src/domain/*.cpp @build/generated/hsds_schema_data.cpp
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "cp/directory/hsds.hpp"

using namespace cp::directory;

namespace {

void check(const ReadResult& r) {
  if (!r.ok()) {
    if (!r.resources.empty()) std::abort();  // all or nothing
    for (const auto& i : r.issues)
      if (i.file.empty() || i.message.empty()) std::abort();  // every issue names its file
    (void)issues_error(r.issues);
    return;
  }
  for (const auto& res : r.resources)
    if (!validate(res).ok()) std::abort();
  auto again = read_hsds_json(write_hsds_json(r.resources).dump(), "again.json");
  if (!again.ok() || again.resources != r.resources) std::abort();
  auto csv = read_hsds_csv(write_hsds_csv(r.resources));
  if (!csv.ok() || csv.resources != r.resources) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string_view doc(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] % 2 == 0) {
    check(read_hsds_json(doc, "input.json"));
  } else {
    // Tables separated by a form feed: services.csv, organizations.csv, locations.csv, …
    const auto files = hsds_table_files();
    CsvPackage pkg;
    size_t start = 0, k = 0;
    while (start <= doc.size() && k < files.size()) {
      size_t end = doc.find('\f', start);
      if (end == std::string_view::npos) end = doc.size();
      pkg[files[(k + data[0] / 2) % files.size()]] = std::string(doc.substr(start, end - start));
      start = end + 1;
      ++k;
    }
    check(read_hsds_csv(pkg));
  }
  return 0;
}
