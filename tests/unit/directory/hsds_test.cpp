// tests/unit/directory/hsds_test.cpp — HSDS 3.0 JSON and CSV in and out (issue 4, part 5, "HSDS
// import → export round trip preserves the data, and a published HSDS example file imports"),
// and validation errors that name the file, the place and the field.
#include "cp/directory/hsds.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using namespace cp::directory;
using nlohmann::json;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
// The published examples, kept in the repository (tests/fixtures/hsds/README.md).
const fs::path kHsds = fs::path(CP_SOURCE_DIR) / "tests" / "fixtures" / "hsds";
// The development machine's reference copy of the schema, when present (not in CI).
const fs::path kReference = fs::path(CP_SHARED_DIR) / "reference-data" / "hsds";

Resource rich() {
  Resource r;
  r.hsds_id = "6a1a3c2e-0b7d-4c4e-9d67-2f3c8a5d1e01";
  r.name = "Riverside Walking Group";
  r.description = "A friendly, gentle walk, with tea afterwards, \"all welcome\".";
  r.url = "https://example.org/walks";
  r.email = "walks@example.org";
  r.phone = "01632 960001";
  r.organization = {"6a1a3c2e-0b7d-4c4e-9d67-2f3c8a5d1e02",
                    "Northbrook Ramblers",
                    "Volunteer walkers",
                    "https://example.org",
                    "hello@example.org",
                    "01632 960000"};
  r.tags = {"outdoors", "walking"};
  r.locations.push_back({"6a1a3c2e-0b7d-4c4e-9d67-2f3c8a5d1e03", "Riverside Park gates",
                         "Meet at the gates", "1 Park Lane", "Riverside", "Northbrook", "",
                         "NB1 4XY", "GB", 51.5, -0.12,
                         "Step-free paths; accessible toilet in the café", false});
  r.locations.push_back({"6a1a3c2e-0b7d-4c4e-9d67-2f3c8a5d1e04", "Safe house", "", "2 Hidden Road",
                         "", "Northbrook", "", "NB9 1AA", "GB", std::nullopt, std::nullopt, "",
                         true});
  r.contacts.push_back({"6a1a3c2e-0b7d-4c4e-9d67-2f3c8a5d1e05", "Pat Example", "Walk leader",
                        "pat@example.org", "07700 900123"});
  r.events.push_back({"6a1a3c2e-0b7d-4c4e-9d67-2f3c8a5d1e06", "Every Tuesday morning", "WEEKLY",
                      "TU", 1, "10:00:00", "11:30:00", "", "", "", ""});
  r.events.push_back({"6a1a3c2e-0b7d-4c4e-9d67-2f3c8a5d1e07", "Spring course", "", "", 0, "", "",
                      "2027-03-01", "2027-05-31", "", ""});
  r.accessibility = "Short route available";
  r.cost = "Free";
  r.capacity = Capacity::waiting_list;
  r.reviewed_on = "2026-10-01";
  return r;
}

}  // namespace

TEST(HsdsSchemaData, MatchesFiles) {
  // The compiled-in copy and data/hsds/ must be the same text, and both the same as the
  // reference copy of the specification where this machine has it.
  for (const auto& name : {"schema/service.json", "schema/schedule.json", "schema/location.json",
                           "datapackage.json"}) {
    const auto embedded = hsds_schema_text(name);
    ASSERT_FALSE(embedded.empty()) << name;
    EXPECT_EQ(std::string(embedded), slurp(fs::path(CP_SOURCE_DIR) / "data" / "hsds" / name))
        << name;
    if (fs::exists(kReference)) EXPECT_EQ(std::string(embedded), slurp(kReference / name)) << name;
  }
  EXPECT_EQ(hsds_table_files().size(), 21u);
}

TEST(HsdsJson, PublishedServiceFullExampleImports) {
  auto r = read_hsds_json(slurp(kHsds / "examples" / "service_full.json"), "service_full.json");
  ASSERT_TRUE(r.ok()) << to_string(r.issues.front());
  ASSERT_EQ(r.resources.size(), 1u);
  const auto& s = r.resources[0];
  EXPECT_EQ(s.hsds_id, "ac148810-d857-441c-9679-408f346de14b");
  EXPECT_EQ(s.name, "Community Counselling");
  EXPECT_EQ(s.organization.name, "Example Organization Inc.");
  ASSERT_EQ(s.locations.size(), 1u);
  EXPECT_EQ(s.locations[0].name, "MyCity Civic Center");
  EXPECT_EQ(s.locations[0].city, "MyCity");
  ASSERT_FALSE(s.events.empty());
  EXPECT_EQ(s.events[0].freq, "WEEKLY");
  EXPECT_EQ(s.events[0].byday, "TH,FR");
  ASSERT_FALSE(s.contacts.empty());
  EXPECT_EQ(s.contacts[0].name, "Ann Persona");
  EXPECT_NE(s.cost.find("£50 per hour"), std::string::npos);
}

TEST(HsdsJson, PublishedListAndOrganizationExamplesImport) {
  auto list = read_hsds_json(slurp(kHsds / "examples" / "service_list.json"), "service_list.json");
  ASSERT_TRUE(list.ok()) << to_string(list.issues.front());
  EXPECT_GE(list.resources.size(), 1u);
  auto org = read_hsds_json(slurp(kHsds / "examples" / "organization_full.json"),
                            "organization_full.json");
  ASSERT_TRUE(org.ok()) << to_string(org.issues.front());
  ASSERT_GE(org.resources.size(), 1u);
  EXPECT_EQ(org.resources[0].organization.name, "Example Organization Inc.");
}

TEST(HsdsJson, RoundTripPreservesTheDataExceptConfidentialLocations) {
  Resource in = rich();
  auto doc = write_hsds_json({in});
  auto back = read_hsds_json(doc.dump(), "export.json");
  ASSERT_TRUE(back.ok()) << to_string(back.issues.front());
  ASSERT_EQ(back.resources.size(), 1u);
  EXPECT_EQ(back.resources[0], without_confidential_locations(in));
  EXPECT_EQ(doc.dump().find("Hidden Road"), std::string::npos);  // the refuge never leaves
}

TEST(HsdsJson, ConfidentialResourcesAreNotExported) {
  Resource secret = rich();
  secret.confidential = true;
  auto doc = write_hsds_json({secret});
  EXPECT_EQ(doc["total_items"], 0);
  EXPECT_TRUE(doc["contents"].empty());
}

TEST(HsdsJson, PublishedExampleSurvivesOurExportAndReimport) {
  auto first = read_hsds_json(slurp(kHsds / "examples" / "service_full.json"), "service_full.json");
  ASSERT_TRUE(first.ok());
  auto again = read_hsds_json(write_hsds_json(first.resources).dump(), "export.json");
  ASSERT_TRUE(again.ok()) << to_string(again.issues.front());
  EXPECT_EQ(again.resources, first.resources);
}

TEST(HsdsJson, SchemaErrorsNameTheFilePathAndField) {
  json svc = service_json(rich());
  svc.erase("status");
  svc["schedules"][0]["freq"] = "DAILY";
  svc["contacts"][0]["email"] = "not an email";
  auto r = read_hsds_document(json{{"contents", json::array({svc})}}, "bad.json");
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.resources.empty());
  const std::vector<Issue> want = {
      {"bad.json", "$.contents[0]", "status", "is required but missing"},
      {"bad.json", "$.contents[0].schedules[0]", "freq", "must be one of: WEEKLY, MONTHLY"},
  };
  for (const auto& w : want)
    EXPECT_NE(std::find(r.issues.begin(), r.issues.end(), w), r.issues.end()) << to_string(w);
  bool email = false;
  for (const auto& i : r.issues)
    email = email || (i.where == "$.contents[0].contacts[0]" && i.field == "email");
  EXPECT_TRUE(email);
  auto e = issues_error(r.issues);
  EXPECT_EQ(e.code, "invalid_hsds");
  EXPECT_NE(e.field.find("bad.json"), std::string::npos);
}

TEST(HsdsJson, WrongTypesUuidsAndBrokenJsonAreRefused) {
  json svc = service_json(rich());
  svc["id"] = "42";
  svc["name"] = 7;
  auto r = read_hsds_document(svc, "x.json");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(std::find(r.issues.begin(), r.issues.end(),
                      Issue{"x.json", "$", "id", "must be a uuid (8-4-4-4-12 hexadecimal digits)"}),
            r.issues.end());
  EXPECT_NE(
      std::find(r.issues.begin(), r.issues.end(), Issue{"x.json", "$", "name", "must be a string"}),
      r.issues.end());
  auto broken = read_hsds_json(std::string_view("{\"name\": "), "y.json");
  ASSERT_EQ(broken.issues.size(), 1u);
  EXPECT_EQ(broken.issues[0].message, "not valid JSON");
  auto deep = read_hsds_json(std::string(1000, '['), "z.json");
  ASSERT_EQ(deep.issues.size(), 1u);
  EXPECT_EQ(deep.issues[0].where, "$");
}

TEST(HsdsJson, DomainRulesOnImportedDataNameThePlace) {
  json svc = service_json(rich());
  svc["schedules"][1]["valid_from"] = "March";
  auto r = read_hsds_document(svc, "x.json");
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].where, "$.events[1]");  // our mapping: schedules become events
  EXPECT_EQ(r.issues[0].field, "valid_from");
}

TEST(HsdsCsv, RoundTripPreservesTheData) {
  Resource a = rich();
  Resource b = rich();
  b.hsds_id = "6a1a3c2e-0b7d-4c4e-9d67-2f3c8a5d1e11";
  b.name = "Community Garden, \"Greenfingers\"";
  b.tags = {"gardening"};
  b.capacity = Capacity::open;
  b.locations.resize(1);
  b.locations[0].hsds_id = "6a1a3c2e-0b7d-4c4e-9d67-2f3c8a5d1e13";  // a second location record
  b.contacts.clear();
  b.events = {{"6a1a3c2e-0b7d-4c4e-9d67-2f3c8a5d1e16", "Saturdays", "WEEKLY", "SA", 0, "09:30:00",
               "", "", "", "", ""}};
  auto pkg = write_hsds_csv({a, b});
  ASSERT_TRUE(pkg.count("services.csv"));
  ASSERT_TRUE(pkg.count("datapackage.json"));
  EXPECT_EQ(pkg["services.csv"].find("Hidden Road"), std::string::npos);
  auto back = read_hsds_csv(pkg);
  ASSERT_TRUE(back.ok()) << to_string(back.issues.front());
  ASSERT_EQ(back.resources.size(), 2u);
  EXPECT_EQ(back.resources[0], without_confidential_locations(a));
  EXPECT_EQ(back.resources[1], b);
  auto dp = json::parse(pkg["datapackage.json"]);
  EXPECT_EQ(dp["resources"].size(), pkg.size() - 1);  // one descriptor entry per written table
}

TEST(HsdsCsv, PublishedExampleIsCheckedForForeignKeys) {
  // The published tabular example refers to organizations that are not in organizations.csv;
  // the validator must say so, naming the file, row and column.
  CsvPackage pkg;
  for (const auto& e : fs::directory_iterator(kHsds / "examples" / "csv"))
    pkg[e.path().filename().string()] = slurp(e.path());
  auto r = read_hsds_csv(pkg);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(std::find(r.issues.begin(), r.issues.end(),
                      Issue{"locations.csv", "row 2", "organization_id",
                            "refers to 985e4a42-bd9f-4edc-911d-0243a4640aca, which is not an id in "
                            "organizations.csv"}),
            r.issues.end());
  for (const auto& i : r.issues)
    EXPECT_NE(i.message.find("refers to"), std::string::npos) << to_string(i);
}

TEST(HsdsCsv, BadValuesNameFileRowAndColumn) {
  auto pkg = write_hsds_csv({rich()});
  auto& services = pkg["services.csv"];
  auto pos = services.find(",active,");
  ASSERT_NE(pos, std::string::npos);
  services.replace(pos, 8, ",open-ish,");
  pkg["mystery.csv"] = "a,b\n1,2\n";
  auto r = read_hsds_csv(pkg);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(std::find(r.issues.begin(), r.issues.end(),
                      Issue{"services.csv", "row 2", "status",
                            "must be one of: active, inactive, defunct, temporarily closed"}),
            r.issues.end());
  EXPECT_NE(std::find(r.issues.begin(), r.issues.end(),
                      Issue{"mystery.csv", "", "", "not a table of the HSDS 3.0 data package"}),
            r.issues.end());
}

TEST(HsdsCsv, MissingRequiredColumnAndRaggedRow) {
  CsvPackage pkg;
  pkg["services.csv"] = "id,name\n6a1a3c2e-0b7d-4c4e-9d67-2f3c8a5d1e01,x,extra\n";
  auto r = read_hsds_csv(pkg);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(std::find(r.issues.begin(), r.issues.end(),
                      Issue{"services.csv", "row 1", "status", "a required column is missing"}),
            r.issues.end());
}

TEST(Csv, QuotesCommasAndLineBreaks) {
  auto rows = parse_csv("a,b\r\n\"x, \"\"y\"\"\",\"line1\nline2\"\n");
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[1][0], "x, \"y\"");
  EXPECT_EQ((*rows)[1][1], "line1\nline2");
  EXPECT_EQ(*parse_csv(write_csv(*rows)), *rows);
  auto bad = parse_csv("a,b\n\"open");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "line 2");
}

TEST(HsdsCsv, AResourceWithoutAnOrganizationOrDescriptionRoundTrips) {
  // Regression (fuzz crash, issue 4 part 5): the tabular form requires every service to have an
  // organization with a description; a resource with neither must still export validly and read
  // back the same.
  Resource bare;
  bare.hsds_id = "6a1a3c2e-0b7d-4c4e-9d67-2f3c8a5d1e21";
  bare.name = "Knit and Natter";
  Resource thin = rich();
  thin.hsds_id = "6a1a3c2e-0b7d-4c4e-9d67-2f3c8a5d1e22";
  thin.organization.description = "";
  auto pkg = write_hsds_csv({bare, thin});
  auto back = read_hsds_csv(pkg);
  ASSERT_TRUE(back.ok()) << to_string(back.issues.front());
  ASSERT_EQ(back.resources.size(), 2u);
  EXPECT_EQ(back.resources[0], bare);
  EXPECT_EQ(back.resources[1], without_confidential_locations(thin));
}

TEST(HsdsJson, AnInterestTagNamedLikeOurNotesStaysATag) {
  Resource r = rich();
  r.tags = {"cpi-capacity"};
  auto back = read_hsds_json(write_hsds_json({r}).dump(), "x.json");
  ASSERT_TRUE(back.ok()) << to_string(back.issues.front());
  EXPECT_EQ(back.resources[0].tags, r.tags);
  EXPECT_EQ(back.resources[0].capacity, Capacity::waiting_list);
}
