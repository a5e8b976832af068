// src/network/xml_reader.hpp — a small strict XML reader (internal to network/): enough XML 1.0
// for GraphML, with errors that give the line number. No DTDs, no external entities.
//
// Accepts: an optional XML declaration, comments, processing instructions (skipped), one root
// element, attributes in single or double quotes, character data, CDATA sections and the
// predefined and numeric character references. Rejects: <!DOCTYPE> (so no entity expansion),
// mismatched or unclosed tags, duplicate attributes, text outside the root, nesting deeper than
// kMaxXmlDepth. Never throws on bad input; never recurses deeper than kMaxXmlDepth.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cp/domain/result.hpp"

namespace cp::network::xml {

inline constexpr int kMaxXmlDepth = 64;

struct Element {
  std::string name;  // qualified name as written, e.g. "graphml" or "y:ShapeNode"
  std::vector<std::pair<std::string, std::string>> attributes;  // in document order, decoded
  std::vector<Element> children;
  std::string text;  // concatenated character data directly inside this element, decoded
  int line = 0;      // line of the start tag (1-based)

  // The part of the name after any "prefix:".
  std::string_view local_name() const;
  // The attribute's decoded value, or nullptr when absent.
  const std::string* attribute(std::string_view name) const;
};

// Parses a whole document. On failure, Error.field is "line N" and the message says what is wrong.
Result<Element> parse(std::string_view document);

}  // namespace cp::network::xml
