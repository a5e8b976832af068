// tests/unit/exports/formats_test.cpp — issue 8 part 5: names, the REDCap files (18 dictionary
// headers, events, participant fields in the first event only), the long CSV and codebook, and a
// network snapshot as GraphML (read back by our parser) and Network Canvas-style CSVs without
// labels or directory ids. CSVs are read back with the study layer's RFC 4180 reader.
#include <gtest/gtest.h>

#include "cp/exports/network_canvas.hpp"
#include "cp/exports/writers.hpp"
#include "cp/instruments/interop.hpp"
#include "cp/network/graphml.hpp"
#include "cp/study/csv_table.hpp"

namespace {

using namespace cp::exports;

ExportTable sample() {
  ExportTable t;
  t.title = "t";
  t.waves = {"baseline", "Month 6"};
  t.value_labels = {{"arm", {{0, "control"}, {1, "intervention"}}}};
  t.variables = {{"arm", "Trial arm", VarType::numeric, true, "arm", "", "participant", true},
                 {"swemwbs_raw", "SWEMWBS raw, \"total\"", VarType::numeric, true, "", "7-35",
                  "swemwbs", false}};
  t.rows = {{"Pa", 0, {"1", "20"}}, {"Pa", 1, {"1", ""}}, {"Pb", 0, {"0", "25"}}};
  return t;
}

cp::study::CsvTable csv(const std::string& text) {
  auto r = cp::study::parse_csv(text);
  EXPECT_TRUE(r) << (r ? "" : r.error().message);
  return r ? *r : cp::study::CsvTable{};
}

TEST(ExportNames, MakeNameGivesValidUniqueNames) {
  std::set<std::string> taken;
  EXPECT_EQ(make_name("EQ5D-3L utility", taken), "eq5d_3l_utility");
  EXPECT_EQ(make_name("eq5d_3l.utility", taken), "eq5d_3l_utility_2");
  EXPECT_EQ(make_name("5d", taken), "v5d");
  const std::string longer = make_name("a_very_long_instrument_name_with_item_42", taken);
  EXPECT_EQ(longer.size(), 26u);
  EXPECT_TRUE(is_valid_name(longer));
  EXPECT_FALSE(is_valid_name("Upper"));
  EXPECT_FALSE(is_valid_name("_x"));
  EXPECT_FALSE(is_valid_name(std::string(27, 'a')));
}

TEST(ExportTableCheck, ValidateNamesTheBadCell) {
  auto t = sample();
  t.rows[2].cells[1] = "twenty";
  auto r = validate(t);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "rows[2].swemwbs_raw");
}

TEST(RedcapExport, DataDictionaryAndMapping) {
  const auto files = write_redcap(sample(), "study_1");
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0].name, "study_1_redcap_data.csv");
  auto data = csv(files[0].bytes);
  ASSERT_EQ(data.names,
            (std::vector<std::string>{"record_id", "redcap_event_name", "arm", "swemwbs_raw"}));
  ASSERT_EQ(data.rows(), 3u);
  EXPECT_EQ(data.columns[1][0], "baseline_arm_1");
  EXPECT_EQ(data.columns[1][1], "month_6_arm_1");
  EXPECT_EQ(data.columns[2][0], "1");
  EXPECT_EQ(data.columns[2][1], "") << "participant fields only in the first event";
  EXPECT_EQ(data.columns[2][2], "0");
  auto dict = csv(files[1].bytes);
  EXPECT_EQ(dict.names, cp::instruments::redcap_dictionary_columns());
  EXPECT_EQ(dict.names.size(), 18u);
  EXPECT_EQ(dict.names[0], "Variable / Field Name");
  ASSERT_EQ(dict.rows(), 3u);
  EXPECT_EQ(dict.columns[0][0], "record_id");
  EXPECT_EQ(dict.columns[3][1], "dropdown");
  EXPECT_EQ(dict.columns[5][1], "0, control | 1, intervention");
  EXPECT_EQ(dict.columns[4][2], "SWEMWBS raw, \"total\"");
  EXPECT_EQ(dict.columns[7][2], "integer");
  auto map = csv(files[2].bytes);
  EXPECT_EQ(map.names, (std::vector<std::string>{"arm_num", "unique_event_name", "form"}));
  EXPECT_EQ(map.rows(), 3u) << "participant at baseline; swemwbs at both events";
}

TEST(LongExport, OneRowPerValueAndACodebook) {
  const auto files = write_long(sample(), "s");
  auto data = csv(files[0].bytes);
  ASSERT_EQ(data.names, (std::vector<std::string>{"record_id", "wave", "variable", "value"}));
  // Pa: arm, swemwbs at baseline; nothing more at month 6 (missing, and arm once); Pb: arm,
  // swemwbs.
  ASSERT_EQ(data.rows(), 4u);
  EXPECT_EQ(data.columns[2][0], "arm");
  EXPECT_EQ(data.columns[3][3], "25");
  auto book = csv(files[1].bytes);
  EXPECT_EQ(book.names[0], "variable");
  ASSERT_EQ(book.rows(), 4u);
  EXPECT_EQ(book.columns[4][1], "1=baseline; 2=Month 6");
  EXPECT_EQ(book.columns[4][2], "0=control; 1=intervention");
}

TEST(NetworkExport, GraphmlAndNetworkCanvasCsvsWithoutLabelsOrDirectoryIds) {
  SnapshotForExport s;
  s.snapshot.ego_id = "P000000000001";
  s.snapshot.taken_on = "2026-01-02";
  cp::network::Member a, b;
  a.id = "Pa1";
  a.label = "Auntie Secret";
  a.relation = cp::network::Relation::family;
  a.ring = cp::network::Ring::close;
  a.received.emotional = true;
  b.id = "Pb2";
  b.label = "Choir Secret";
  b.kind = cp::network::MemberKind::group;
  b.resource_id = "987654";
  s.snapshot.members = {a, b};
  s.snapshot.ties = {{"Pa1", "Pb2"}};
  s.session_id = "s1";
  s.days_since_recruitment = 12;
  s.arm = "intervention";
  const auto files = write_network_snapshot(s);
  ASSERT_EQ(files.size(), 4u);
  for (const auto& f : files) {
    EXPECT_EQ(f.bytes.find("Secret"), std::string::npos) << f.name;
    EXPECT_EQ(f.bytes.find("987654"), std::string::npos) << f.name;
    EXPECT_EQ(f.bytes.find("2026-01-02"), std::string::npos) << f.name;
  }
  EXPECT_EQ(files[0].name, "P000000000001_s1.graphml");
  auto g = cp::network::read_graphml(files[0].bytes);
  ASSERT_TRUE(g) << g.error().message;
  EXPECT_EQ(g->ego_id, "P000000000001");
  ASSERT_EQ(g->members.size(), 2u);
  EXPECT_EQ(g->members[0].id, "Pa1");
  EXPECT_EQ(g->members[0].ring, cp::network::Ring::close);
  EXPECT_TRUE(g->members[0].received.emotional);
  ASSERT_EQ(g->ties.size(), 1u);
  auto ego = csv(files[1].bytes);
  EXPECT_EQ(files[1].name, "P000000000001_s1_ego.csv");
  EXPECT_EQ(ego.names[0], "networkCanvasEgoUUID");
  EXPECT_EQ(ego.columns[ego.find("days_since_recruitment")][0], "12");
  auto nodes = csv(files[2].bytes);
  EXPECT_EQ(files[2].name, "P000000000001_s1_attributeList_Person.csv");
  ASSERT_EQ(nodes.rows(), 2u);
  EXPECT_EQ(nodes.columns[nodes.find("nodeID")][1], "2");
  EXPECT_EQ(nodes.columns[nodes.find("networkCanvasUUID")][1], "Pb2");
  EXPECT_EQ(nodes.columns[nodes.find("kind")][1], "group");
  EXPECT_EQ(nodes.columns[nodes.find("community_resource")][1], "true");
  auto edges = csv(files[3].bytes);
  EXPECT_EQ(files[3].name, "P000000000001_s1_edgeList_tie.csv");
  ASSERT_EQ(edges.rows(), 1u);
  EXPECT_EQ(edges.columns[edges.find("from")][0], "1");
  EXPECT_EQ(edges.columns[edges.find("to")][0], "2");
}

}  // namespace
