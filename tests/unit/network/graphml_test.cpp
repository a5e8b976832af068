// tests/unit/network/graphml_test.cpp — GraphML export/import of an ego network: round trip,
// strict errors with line numbers, files written by igraph, and what igraph reads from our export
// (issue 4, item 1: "GraphML export and import … readable by igraph").
#include "cp/network/graphml.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cp/network/measures.hpp"
#include "unit/network/example_networks.hpp"

namespace cp::network {
namespace {

using testing::example_a;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
const std::string kFixtures = std::string(CP_SOURCE_DIR) + "/tests/fixtures/network/";

TEST(Graphml, RoundTripKeepsTheSnapshot) {
  auto s = example_a();
  s.members[0].label = "Mum & \"Dad\" <home>";
  GraphmlOptions o;
  o.include_labels = true;
  auto back = read_graphml(write_graphml(s, o));
  ASSERT_TRUE(back.ok()) << back.error().message << " " << back.error().field;
  EXPECT_EQ(*back, s);
}

TEST(Graphml, LabelsAreLeftOutByDefault) {
  auto s = example_a();
  s.members[0].label = "Mum";
  auto text = write_graphml(s);
  EXPECT_EQ(text.find("Mum"), std::string::npos);
  auto back = read_graphml(text);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->members[0].label, "");
}

TEST(Graphml, EgoEdgesAreOptionalAndIgnoredOnImport) {
  auto s = example_a();
  GraphmlOptions with, without;
  without.include_ego_edges = false;
  auto a = read_graphml(write_graphml(s, with));
  auto b = read_graphml(write_graphml(s, without));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->ties, s.ties);  // the 5 ego–member edges did not become ties
  EXPECT_EQ(b->ties, s.ties);
}

// What we export is exactly the fixture igraph was run on (regenerate both when the format
// changes: see tests/fixtures/network/README.md).
TEST(Graphml, ExportMatchesTheFixtureGivenToIgraph) {
  EXPECT_EQ(write_graphml(example_a()), slurp(kFixtures + "example_a.graphml"));
}

// igraph::read_graph(format = "graphml") on our export: tests/fixtures/network/igraph_read.R wrote
// igraph_read.json. Check that igraph saw the ego, the members' relation and ring, and the ties.
TEST(Graphml, IgraphReadsOurExport) {
  auto j = nlohmann::json::parse(slurp(kFixtures + "igraph_read.json"));
  auto s = example_a();
  const auto n = s.members.size();
  EXPECT_EQ(j.at("vcount").get<std::size_t>(), n + 1);
  EXPECT_EQ(j.at("ecount").get<std::size_t>(), n + s.ties.size());  // ego edges + alter ties
  EXPECT_EQ(j.at("directed"), false);
  auto names = j.at("vertex_attributes").get<std::vector<std::string>>();
  for (auto want :
       {"id", "ego", "kind", "relation", "ring", "given_emotional", "received_practical"})
    EXPECT_NE(std::find(names.begin(), names.end(), want), names.end()) << want;
  // Vertex 1 is the ego (logical TRUE); the rest in member order.
  EXPECT_EQ(j.at("ego").at(0), true);
  EXPECT_EQ(j.at("id").at(0), s.ego_id);
  for (std::size_t i = 0; i < n; ++i) {
    EXPECT_EQ(j.at("ego").at(i + 1), false);
    EXPECT_EQ(j.at("id").at(i + 1), s.members[i].id);
    EXPECT_EQ(j.at("relation").at(i + 1), to_string(s.members[i].relation));
    EXPECT_EQ(j.at("ring").at(i + 1), to_string(s.members[i].ring));
  }
  EXPECT_EQ(j.at("received_practical").at(2), true);  // m2 receives practical support
  // Alter–alter edges (tie == "alter") are the ties, as id pairs.
  std::vector<std::pair<std::string, std::string>> alter;
  for (const auto& e : j.at("edges"))
    if (e.at("tie") == "alter") alter.emplace_back(e.at("from"), e.at("to"));
  ASSERT_EQ(alter.size(), s.ties.size());
  for (std::size_t i = 0; i < alter.size(); ++i) {
    EXPECT_EQ(alter[i].first, s.ties[i].a);
    EXPECT_EQ(alter[i].second, s.ties[i].b);
  }
  // igraph's own measures on the member subgraph agree with ours (density, components).
  auto m = compute_measures(s);
  EXPECT_NEAR(j.at("member_density").get<double>(), *m.density, 1e-12);
  EXPECT_EQ(j.at("member_components").get<int>(), m.components);
}

// A file written by igraph's write_graph(format = "graphml") (key ids "v_relation" etc., the
// ego as a logical attribute) reads back into the same snapshot (without labels/counters).
TEST(Graphml, ReadsAFileWrittenByIgraph) {
  auto r = read_graphml(slurp(kFixtures + "igraph_written.graphml"));
  ASSERT_TRUE(r.ok()) << r.error().message << " " << r.error().field;
  auto s = example_a();
  ASSERT_EQ(r->members.size(), s.members.size());
  EXPECT_EQ(r->ego_id, s.ego_id);  // from igraph's `id` vertex attribute, not its n0…n5
  for (std::size_t i = 0; i < s.members.size(); ++i) {
    EXPECT_EQ(r->members[i].id, s.members[i].id);
    EXPECT_EQ(r->members[i].relation, s.members[i].relation);
    EXPECT_EQ(r->members[i].ring, s.members[i].ring);
    EXPECT_EQ(r->members[i].given, s.members[i].given);
    EXPECT_EQ(r->members[i].received, s.members[i].received);
  }
  EXPECT_EQ(r->ties, s.ties);
  EXPECT_EQ(r->sequence, 1);
  auto m = compute_measures(*r);
  EXPECT_DOUBLE_EQ(*m.effective_size, 4.2);
}

struct Bad {
  std::string doc;
  std::string line;
  std::string says;
};

std::string wrap(const std::string& graph_body, const std::string& keys = "") {
  return "<graphml>\n"
         "<key id='ego' for='node' attr.name='ego' attr.type='boolean'/>\n"
         "<key id='relation' for='node' attr.name='relation' attr.type='string'/>\n"
         "<key id='ring' for='node' attr.name='ring' attr.type='string'/>\n" +
         keys + "<graph edgedefault='undirected'>\n" + graph_body + "</graph>\n</graphml>\n";
}
const std::string kEgo = "<node id='e'><data key='ego'>true</data></node>\n";
std::string node(const std::string& id, const std::string& rel = "friend",
                 const std::string& ring = "close") {
  return "<node id='" + id + "'><data key='relation'>" + rel + "</data><data key='ring'>" + ring +
         "</data></node>\n";
}

TEST(Graphml, ErrorsNameTheLineAndTheProblem) {
  // Line numbers: wrap() puts <graph> on line 5, so its first child is on line 6.
  const Bad cases[] = {
      {wrap(node("a")), "line 5", "no node has ego"},
      {wrap(kEgo + "<node id='x'><data key='relation'>friend</data></node>\n"), "line 7",
       "no ring"},
      {wrap(kEgo + node("a", "cousin")), "line 7", "relation 'cousin'"},
      {wrap(kEgo + node("a", "friend", "inner")), "line 7", "ring 'inner'"},
      {wrap(kEgo + node("a") + node("a")), "line 8", "appears twice"},
      {wrap(kEgo + node("a") + "<edge source='a' target='zz'/>\n"), "line 8", "unknown node 'zz'"},
      {wrap(kEgo + node("a") + "<edge source='a' target='a'/>\n"), "line 8", "itself"},
      {wrap(kEgo + "<node id='f'><data key='ego'>true</data></node>\n"), "line 7", "second ego"},
      {wrap(kEgo + "<node id='a'><data key='colour'>red</data></node>\n"), "line 7",
       "undeclared key 'colour'"},
      {wrap(kEgo + node("a") + "<edge source='a'/>\n"), "line 8", "'source' and 'target'"},
      {"<graphml>\n</graphml>\n", "line 1", "no <graph>"},
      {"<gexf/>", "line 1", "not <graphml>"},
      {wrap(kEgo + node("a") + "<edge source='a' target='e'>\n"), "line 9", "opened on line 8"},
  };
  for (const auto& c : cases) {
    auto r = read_graphml(c.doc);
    ASSERT_FALSE(r.ok()) << c.doc;
    EXPECT_EQ(r.error().field, c.line) << c.doc << " → " << r.error().message;
    EXPECT_NE(r.error().message.find(c.says), std::string::npos)
        << c.doc << " → " << r.error().message;
  }
}

TEST(Graphml, KeyDefaultsAndDuplicateEdges) {
  // ring comes from the key's <default>; a–b listed twice and b–a once count as one tie; the
  // ego–a edge is ignored.
  auto doc =
      "<graphml>\n<key id='ego' for='node' attr.name='ego' attr.type='boolean'>"
      "<default>false</default></key>\n"
      "<key id='r' for='node' attr.name='relation'/>\n"
      "<key id='g' for='node' attr.name='ring'><default>outer</default></key>\n"
      "<graph edgedefault='directed'>\n"
      "<node id='e'><data key='ego'>1</data></node>\n"
      "<node id='a'><data key='r'>peer</data></node>\n"
      "<node id='b'><data key='r'>faith</data><data key='g'>close</data></node>\n"
      "<edge source='a' target='b'/><edge source='a' target='b'/>"
      "<edge source='b' target='a'/><edge source='e' target='a'/>\n"
      "</graph></graphml>";
  auto r = read_graphml(doc);
  ASSERT_TRUE(r.ok()) << r.error().message << " " << r.error().field;
  EXPECT_EQ(r->ego_id, "e");
  ASSERT_EQ(r->members.size(), 2u);
  EXPECT_EQ(r->members[0].ring, Ring::outer);
  EXPECT_EQ(r->members[1].ring, Ring::close);
  EXPECT_EQ(r->ties.size(), 1u);
}

}  // namespace
}  // namespace cp::network
