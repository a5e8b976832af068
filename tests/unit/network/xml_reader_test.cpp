// tests/unit/network/xml_reader_test.cpp — the small strict XML reader behind GraphML import:
// what it accepts, and that every rejection names the line (issue 4, item 1).
#include "network/xml_reader.hpp"

#include <gtest/gtest.h>

#include <string>

namespace cp::network::xml {
namespace {

TEST(XmlReader, ParsesElementsAttributesTextAndEntities) {
  auto r = parse(
      "<?xml version=\"1.0\"?>\n<!-- c -->\n<a x='1' y=\"&lt;&amp;&#65;&#x42;\">\n"
      "  <b>t&gt;<![CDATA[<raw>]]></b><c/>\n</a>\n");
  ASSERT_TRUE(r.ok()) << r.error().message << " " << r.error().field;
  EXPECT_EQ(r->name, "a");
  EXPECT_EQ(*r->attribute("x"), "1");
  EXPECT_EQ(*r->attribute("y"), "<&AB");
  ASSERT_EQ(r->children.size(), 2u);
  EXPECT_EQ(r->children[0].text, "t><raw>");
  EXPECT_EQ(r->children[0].line, 4);
  EXPECT_EQ(r->children[1].name, "c");
  EXPECT_EQ(r->attribute("z"), nullptr);
}

TEST(XmlReader, LocalNameDropsThePrefix) {
  auto r = parse("<y:ShapeNode xmlns:y='u'/>");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->local_name(), "ShapeNode");
}

struct Bad {
  const char* doc;
  const char* line;
  const char* says;
};

TEST(XmlReader, RejectionsNameTheLine) {
  const Bad cases[] = {
      {"<a>\n<b>\n</a>", "line 3", "does not match"},
      {"<a>\n<b>", "line 2", "never closed"},
      {"<a x=1/>", "line 1", "quoted"},
      {"<a x='1' x='2'/>", "line 1", "twice"},
      {"<a>&nbsp;</a>", "line 1", "unknown entity"},
      {"<a>&#0;</a>", "line 1", "not allowed"},
      {"<!DOCTYPE a [<!ENTITY e 'x'>]><a/>", "line 1", "DOCTYPE"},
      {"<a/>\n<b/>", "line 2", "after the end"},
      {"", "line 1", "no root"},
      {"<a>\n\n<!-- open", "line 3", "unterminated comment"},
      {"<a><![CDATA[x</a>", "line 1", "CDATA"},
      {"<a b='<'/>", "line 1", "'<'"},
      {"<1a/>", "line 1", "expected a name"},
  };
  for (const auto& c : cases) {
    auto r = parse(c.doc);
    ASSERT_FALSE(r.ok()) << c.doc;
    EXPECT_EQ(r.error().field, c.line) << c.doc;
    EXPECT_NE(r.error().message.find(c.says), std::string::npos)
        << c.doc << " → " << r.error().message;
  }
}

TEST(XmlReader, NestingIsBounded) {
  // kMaxXmlDepth levels parse; one more is refused, without deep recursion.
  std::string ok, deep;
  for (int i = 0; i < kMaxXmlDepth; ++i) ok += "<a>";
  for (int i = 0; i < kMaxXmlDepth; ++i) ok += "</a>";
  EXPECT_TRUE(parse(ok).ok());
  for (int i = 0; i < 100000; ++i) deep += "<a>";
  auto r = parse(deep);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("deeper"), std::string::npos);
}

}  // namespace
}  // namespace cp::network::xml
