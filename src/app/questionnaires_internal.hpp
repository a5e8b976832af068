// src/app/questionnaires_internal.hpp — helpers shared by the questionnaire use cases
// (questionnaires.cpp: definitions, schedule, due lists; questionnaire_capture.cpp: responses).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cp/app/access.hpp"
#include "cp/app/caller.hpp"
#include "cp/instruments/catalogue.hpp"
#include "cp/instruments/schedule.hpp"
#include "cp/store/questionnaires.hpp"
#include "cp/store/records.hpp"

namespace cp::app::questionnaire_detail {

// The most the caller may do with the person's questionnaires: the person themself writes their
// own (self-completion); otherwise the partnership access of the role table.
Access questionnaire_access(const Caller& c, long long person_id,
                            const std::vector<store::PartnershipRow>& partnerships);

// The date the person's waves count from: a recorded baseline date, else the first episode of
// their partnerships; nullopt when neither exists.
std::optional<std::string> start_date(soci::session& s, long long person_id);

// The person's waves on `today`: for each wave its dates, its status and the status of each
// instrument (plus any saved response at that wave for an instrument no longer scheduled).
nlohmann::json waves_json(const instruments::Schedule& schedule,
                          const std::optional<std::string>& start,
                          const std::vector<store::ResponseRow>& responses,
                          const std::string& today, const instruments::Catalogue& catalogue,
                          bool with_scores);

std::string now_timestamp();
Error refused(const std::string& what);

}  // namespace cp::app::questionnaire_detail
