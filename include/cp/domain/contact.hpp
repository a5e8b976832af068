// include/cp/domain/contact.hpp — a contact (session) between worker and person: when, how,
// how long, and which of the model's shared processes it worked on. Recording the processes is
// what lets practice records give fidelity evidence without extra forms (DESIGN.md).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cp/domain/result.hpp"

namespace cp::domain {

// The shared processes of the CPI model (seed 002), as recorded on a contact.
const std::vector<std::string>& shared_processes();
// How a contact happened.
const std::vector<std::string>& contact_modes();

struct NewContact {
  std::string date;  // YYYY-MM-DD
  std::string mode;  // one of contact_modes()
  int duration_minutes = 0;
  std::vector<std::string> processes;  // each one of shared_processes(), no repeats
  std::string note;                    // short free text (never exported to research)
};

// Checks a contact against the rules: a real calendar date not after `today` (YYYY-MM-DD), a
// known mode, 1–600 minutes, known processes without repeats, a note of at most 2,000
// characters. The error's field names the offending field ("processes[2]").
Result<Unit> validate_contact(const NewContact& c, std::string_view today);

// True when s is a valid calendar date written YYYY-MM-DD.
bool is_iso_date(std::string_view s) noexcept;

}  // namespace cp::domain
