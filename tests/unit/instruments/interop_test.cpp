// tests/unit/instruments/interop_test.cpp — issue 3: FHIR R4 and REDCap export → import give
// the same definition for every shipped instrument (and with wording loaded), responses round
// trip, and foreign files without our metadata import as provisional definitions.
#include "cp/instruments/interop.hpp"

#include <gtest/gtest.h>

#include "cp/instruments/wording.hpp"
#include "support.hpp"

namespace cp::instruments::test {
namespace {

using nlohmann::json;

TEST(InstrumentInterop, Issue3FhirQuestionnaireRoundTripsEveryDefinition) {
  for (auto* d : catalogue().definitions()) {
    auto text = to_fhir_questionnaire(*d);
    auto q = json::parse(text);
    EXPECT_EQ(q["resourceType"], "Questionnaire");
    EXPECT_EQ(q["item"].size(), d->items.size());
    auto back = from_fhir_questionnaire(text);
    ASSERT_TRUE(back.ok()) << d->id << ": " << back.error().message << " at " << back.error().field;
    EXPECT_EQ(to_json(*back), to_json(*d)) << d->id;
  }
}

TEST(InstrumentInterop, Issue3RedcapDictionaryRoundTripsEveryDefinition) {
  for (auto* d : catalogue().definitions()) {
    auto csv = to_redcap_dictionary(*d);
    auto rows = parse_csv(csv);
    ASSERT_TRUE(rows.ok());
    EXPECT_EQ(rows->size(), d->items.size() + 2) << d->id;  // header + definition row + items
    EXPECT_EQ((*rows)[0].size(), 18u);
    auto back = from_redcap_dictionary(csv);
    ASSERT_TRUE(back.ok()) << d->id << ": " << back.error().message << " at " << back.error().field;
    EXPECT_EQ(to_json(*back), to_json(*d)) << d->id;
  }
}

TEST(InstrumentInterop, Issue3RoundTripKeepsLoadedWording) {
  auto w = merge_wording(def("srh"), read(repo() / "data/wording/example.srh.json"));
  ASSERT_TRUE(w.ok()) << w.error().message;
  auto f = from_fhir_questionnaire(to_fhir_questionnaire(*w));
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(to_json(*f), to_json(*w));
  auto r = from_redcap_dictionary(to_redcap_dictionary(*w));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(to_json(*r), to_json(*w));
}

TEST(InstrumentInterop, Issue3ResponsesRoundTrip) {
  const auto& d = def("eq5d-5l");
  auto partial = parse_responses(d, {{"mo", 2}, {"sc", 9}, {"vas", 65}});
  auto full =
      parse_responses(d, {{"mo", 1}, {"sc", 2}, {"ua", 3}, {"pd", 4}, {"ad", 5}, {"vas", 50}});
  ASSERT_TRUE(partial.ok() && full.ok());
  auto qr = json::parse(to_fhir_questionnaire_response(d, *partial));
  EXPECT_EQ(qr["status"], "in-progress");
  EXPECT_EQ(json::parse(to_fhir_questionnaire_response(d, *full))["status"], "completed");
  for (const ResponseSet* r : {&*partial, &*full}) {
    auto back = from_fhir_questionnaire_response(d, to_fhir_questionnaire_response(d, *r));
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(to_json(d, *back), to_json(d, *r));
  }
  auto csv = to_redcap_records(d, {{"p1", *partial}, {"p2", *full}});
  auto recs = from_redcap_records(d, csv);
  ASSERT_TRUE(recs.ok()) << recs.error().message;
  ASSERT_EQ(recs->size(), 2u);
  EXPECT_EQ((*recs)[0].first, "p1");
  EXPECT_EQ(to_json(d, (*recs)[0].second), to_json(d, *partial));
  EXPECT_EQ(to_json(d, (*recs)[1].second), to_json(d, *full));
}

TEST(InstrumentInterop, Issue3RedcapRecordErrorsNameRowAndItem) {
  const auto& d = def("eq5d-3l");
  auto bad = from_redcap_records(d, "record_id,mo,sc\n1,1,1\n2,4,1\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "row 3, column mo");
  auto unknown = from_redcap_records(d, "record_id,mobility\n1,1\n");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, "unknown_item");
  auto text = from_redcap_records(d, "record_id,mo\n1,one\n");
  EXPECT_EQ(text.error().code, "wrong_type");
}

TEST(InstrumentInterop, Issue3ForeignFilesImportAsProvisional) {
  auto q =
      from_fhir_questionnaire(R"({"resourceType":"Questionnaire","name":"PHQ Two","version":"2",
    "item":[{"linkId":"q1","text":"interest","type":"choice","answerOption":[{"valueCoding":{"code":"0","display":"not at all"}},{"valueCoding":{"code":"3","display":"nearly every day"}}]},
            {"linkId":"intro","text":"hello","type":"display"},
            {"linkId":"age","text":"age","type":"integer"}]})");
  // An integer item without a range cannot be validated: the import says so rather than guessing.
  ASSERT_FALSE(q.ok());
  EXPECT_EQ(q.error().code, "missing_range");
  auto q2 =
      from_fhir_questionnaire(R"({"resourceType":"Questionnaire","name":"PHQ Two","version":"2",
    "item":[{"linkId":"q1","text":"interest","type":"choice","answerOption":[{"valueCoding":{"code":"0","display":"not at all"}},{"valueCoding":{"code":"3","display":"nearly every day"}}]}]})");
  ASSERT_TRUE(q2.ok()) << q2.error().message << " " << q2.error().field;
  EXPECT_EQ(q2->id, "phq-two");
  EXPECT_TRUE(q2->provisional);
  EXPECT_EQ(q2->items.size(), 1u);
  auto r = from_redcap_dictionary(
      "Variable / Field Name,Form Name,Section Header,Field Type,Field Label,\"Choices, "
      "Calculations, OR Slider Labels\",Field Note,Text Validation Type OR Show Slider Number,Text "
      "Validation Min,Text Validation Max\n"
      "record_id,baseline,,text,Record ID,,,,,\n"
      "mood,baseline,,radio,Mood today,\"1, low | 2, ok | 3, good\",,,,\n"
      "weight,baseline,,text,Weight (kg),,,number,30,300\n");
  ASSERT_TRUE(r.ok()) << r.error().message << " " << r.error().field;
  EXPECT_EQ(r->id, "baseline");
  ASSERT_EQ(r->items.size(), 3u);
  EXPECT_EQ(r->items[1].options.size(), 3u);
  EXPECT_EQ(r->items[2].type, ResponseType::number);
  EXPECT_EQ(*r->items[2].max, 300);
  auto bad = from_redcap_dictionary(
      "Variable / Field Name,Form Name,Section Header,Field Type,Field Label,\"Choices, "
      "Calculations, OR Slider Labels\"\nx,f,,radio,X,\"one, two\"\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "row 2, column Choices");
}

TEST(InstrumentInterop, Issue3CsvQuoting) {
  auto rows = parse_csv("a,\"b,\"\"c\"\"\"\r\n\"x\ny\",z");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0][1], "b,\"c\"");
  EXPECT_EQ((*rows)[1][0], "x\ny");
  EXPECT_EQ(csv_field("b,\"c\""), "\"b,\"\"c\"\"\"");
  EXPECT_FALSE(parse_csv("\"open").ok());
}

}  // namespace
}  // namespace cp::instruments::test
