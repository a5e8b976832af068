// src/network/xml_reader.cpp — the small strict XML reader of xml_reader.hpp: a recursive-descent
// parser over a string_view, depth-bounded, reporting the line of the first error.
#include "network/xml_reader.hpp"

#include <fmt/format.h>

namespace cp::network::xml {

std::string_view Element::local_name() const {
  std::string_view n = name;
  auto colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const std::string* Element::attribute(std::string_view n) const {
  for (const auto& [k, v] : attributes)
    if (k == n) return &v;
  return nullptr;
}

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
bool is_name_start(char c) {
  auto u = static_cast<unsigned char>(c);
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == ':' || u >= 0x80;
}
bool is_name_char(char c) {
  return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

void append_utf8(std::string& out, unsigned long cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

class Parser {
 public:
  explicit Parser(std::string_view doc) : s_(doc) {}

  Result<Element> document() {
    if (s_.substr(0, 3) == "\xEF\xBB\xBF") p_ = 3;  // UTF-8 byte-order mark
    if (auto r = misc(); !r) return r.error();
    if (p_ >= s_.size() || s_[p_] != '<') return fail("the document has no root element");
    auto root = element(1);
    if (!root) return root.error();
    if (auto r = misc(); !r) return r.error();
    if (p_ < s_.size()) return fail("content after the end of the root element");
    return root;
  }

 private:
  std::string_view s_;
  std::size_t p_ = 0;
  std::size_t counted_ = 0;  // newlines are counted up to this position
  int line_ = 1;

  int line_at(std::size_t pos) {
    if (pos > s_.size()) pos = s_.size();
    if (pos < counted_) {  // never happens in forward parsing, but stay correct
      counted_ = 0;
      line_ = 1;
    }
    for (; counted_ < pos; ++counted_)
      if (s_[counted_] == '\n') ++line_;
    return line_;
  }
  Error fail_at(std::size_t pos, const std::string& what) {
    return Error::invalid("bad_xml", what, fmt::format("line {}", line_at(pos)));
  }
  Error fail(const std::string& what) { return fail_at(p_, what); }

  bool starts(std::string_view t) const { return s_.substr(p_, t.size()) == t; }
  void skip_space() {
    while (p_ < s_.size() && is_space(s_[p_])) ++p_;
  }

  // Skips to just after `end`; error if not found.
  Result<Unit> skip_past(std::string_view end, const char* what) {
    const auto start = p_;
    auto e = s_.find(end, p_);
    if (e == std::string_view::npos) return fail_at(start, fmt::format("unterminated {}", what));
    p_ = e + end.size();
    return Unit{};
  }

  // Whitespace, comments and processing instructions outside the root element.
  Result<Unit> misc() {
    for (;;) {
      skip_space();
      if (starts("<?")) {
        if (auto r = skip_past("?>", "processing instruction"); !r) return r;
      } else if (starts("<!--")) {
        if (auto r = skip_past("-->", "comment"); !r) return r;
      } else if (starts("<!")) {
        return fail("DOCTYPE and other declarations are not accepted");
      } else {
        return Unit{};
      }
    }
  }

  Result<std::string> name() {
    const auto start = p_;
    if (p_ >= s_.size() || !is_name_start(s_[p_])) return fail("expected a name");
    while (p_ < s_.size() && is_name_char(s_[p_])) ++p_;
    return std::string(s_.substr(start, p_ - start));
  }

  // Decodes character data s_[from, to) with entity references into `out`.
  Result<Unit> decode(std::size_t from, std::size_t to, std::string& out) {
    for (std::size_t i = from; i < to; ++i) {
      char c = s_[i];
      if (c != '&') {
        out += c;
        continue;
      }
      auto semi = s_.find(';', i);
      if (semi == std::string_view::npos || semi >= to || semi - i > 12)
        return fail_at(i, "'&' must start an entity reference such as &amp;");
      auto ent = s_.substr(i + 1, semi - i - 1);
      if (ent == "lt")
        out += '<';
      else if (ent == "gt")
        out += '>';
      else if (ent == "amp")
        out += '&';
      else if (ent == "quot")
        out += '"';
      else if (ent == "apos")
        out += '\'';
      else if (ent.size() >= 2 && ent[0] == '#') {
        bool hex = ent[1] == 'x';
        auto digits = ent.substr(hex ? 2 : 1);
        if (digits.empty()) return fail_at(i, "empty character reference");
        unsigned long cp = 0;
        for (char d : digits) {
          int v;
          if (d >= '0' && d <= '9')
            v = d - '0';
          else if (hex && d >= 'a' && d <= 'f')
            v = d - 'a' + 10;
          else if (hex && d >= 'A' && d <= 'F')
            v = d - 'A' + 10;
          else
            return fail_at(i, fmt::format("bad character reference &{};", ent));
          cp = cp * (hex ? 16 : 10) + static_cast<unsigned long>(v);
          if (cp > 0x10FFFF)
            return fail_at(i, fmt::format("character reference &{}; is out of range", ent));
        }
        if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF))
          return fail_at(i, fmt::format("character reference &{}; is not allowed", ent));
        append_utf8(out, cp);
      } else {
        return fail_at(i, fmt::format("unknown entity &{};", ent));
      }
      i = semi;
    }
    return Unit{};
  }

  // Parses one element starting at '<'.
  Result<Element> element(int depth) {
    if (depth > kMaxXmlDepth)
      return fail(fmt::format("elements are nested deeper than {} levels", kMaxXmlDepth));
    Element el;
    el.line = line_at(p_);
    ++p_;  // '<'
    auto n = name();
    if (!n) return n.error();
    el.name = std::move(*n);
    // Attributes.
    for (;;) {
      const auto before = p_;
      skip_space();
      if (p_ >= s_.size()) return fail(fmt::format("unclosed start tag <{}>", el.name));
      if (starts("/>")) {
        p_ += 2;
        return el;
      }
      if (s_[p_] == '>') {
        ++p_;
        break;
      }
      if (p_ == before) return fail(fmt::format("expected a space or '>' in <{}>", el.name));
      auto an = name();
      if (!an) return an.error();
      skip_space();
      if (p_ >= s_.size() || s_[p_] != '=')
        return fail(fmt::format("attribute '{}' has no '=' and value", *an));
      ++p_;
      skip_space();
      if (p_ >= s_.size() || (s_[p_] != '"' && s_[p_] != '\''))
        return fail(fmt::format("the value of attribute '{}' must be quoted", *an));
      const char q = s_[p_++];
      const auto vstart = p_;
      auto vend = s_.find(q, p_);
      if (vend == std::string_view::npos)
        return fail_at(vstart, fmt::format("unterminated value of attribute '{}'", *an));
      if (s_.substr(vstart, vend - vstart).find('<') != std::string_view::npos)
        return fail_at(vstart, fmt::format("'<' in the value of attribute '{}'", *an));
      std::string value;
      if (auto r = decode(vstart, vend, value); !r) return r.error();
      p_ = vend + 1;
      if (el.attribute(*an)) return fail(fmt::format("attribute '{}' appears twice", *an));
      el.attributes.emplace_back(std::move(*an), std::move(value));
    }
    // Content.
    for (;;) {
      if (p_ >= s_.size())
        return fail(
            fmt::format("element <{}> opened on line {} is never closed", el.name, el.line));
      if (starts("</")) {
        p_ += 2;
        auto close = name();
        if (!close) return close.error();
        if (*close != el.name)
          return fail(fmt::format("closing tag </{}> does not match <{}> opened on line {}", *close,
                                  el.name, el.line));
        skip_space();
        if (p_ >= s_.size() || s_[p_] != '>')
          return fail(fmt::format("expected '>' after </{}", *close));
        ++p_;
        return el;
      }
      if (starts("<!--")) {
        if (auto r = skip_past("-->", "comment"); !r) return r.error();
      } else if (starts("<![CDATA[")) {
        const auto start = p_ + 9;
        auto e = s_.find("]]>", start);
        if (e == std::string_view::npos) return fail("unterminated CDATA section");
        el.text.append(s_.substr(start, e - start));
        p_ = e + 3;
      } else if (starts("<?")) {
        if (auto r = skip_past("?>", "processing instruction"); !r) return r.error();
      } else if (starts("<!")) {
        return fail("declarations are not accepted inside elements");
      } else if (s_[p_] == '<') {
        auto child = element(depth + 1);
        if (!child) return child.error();
        el.children.push_back(std::move(*child));
      } else {
        auto e = s_.find('<', p_);
        if (e == std::string_view::npos) e = s_.size();
        if (auto r = decode(p_, e, el.text); !r) return r.error();
        p_ = e;
      }
    }
  }
};

}  // namespace

Result<Element> parse(std::string_view document) {
  return Parser(document).document();
}

}  // namespace cp::network::xml
