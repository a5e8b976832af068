// tests/fuzz/graphml_fuzz.cpp — libFuzzer target for the GraphML reader of ego networks and the
// small XML reader under it (issue 4, item 1: "never crash on bad input; bounded nesting").
// Whatever the bytes, read_graphml must return a snapshot or an error naming a line; a snapshot
// must pass validate(), survive the measures, and read back the same after write_graphml.
// fuzz-sources: src/network/*.cpp src/domain/*.cpp
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "cp/network/graphml.hpp"
#include "cp/network/measures.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view doc(reinterpret_cast<const char*>(data), size);
  auto r = cp::network::read_graphml(doc);
  if (!r.ok()) {
    if (r.error().field.rfind("line ", 0) != 0) std::abort();  // every error names a line
    return 0;
  }
  if (!cp::network::validate(*r).ok()) std::abort();
  auto m = cp::network::compute_measures(*r);
  if (m.size != static_cast<int>(r->members.size())) std::abort();
  if (m.isolates > m.size || m.components > m.size) std::abort();
  cp::network::GraphmlOptions o;
  o.include_labels = true;
  auto again = cp::network::read_graphml(cp::network::write_graphml(*r, o));
  if (!again.ok() || !(*again == *r)) std::abort();  // export → import is lossless
  return 0;
}
