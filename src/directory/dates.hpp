// src/directory/dates.hpp — calendar helpers for ISO dates (YYYY-MM-DD) in the directory layer:
// checking, day numbers (days since 1970-01-01, proleptic Gregorian) and weekdays.
#pragma once

#include <string>

namespace cp::directory::detail {

bool valid_date(const std::string& d);               // YYYY-MM-DD, a real calendar day
bool valid_datetime(const std::string& d);           // YYYY-MM-DDTHH:MM:SS[.fff][Z|±HH:MM]
long day_number(const std::string& valid_iso_date);  // precondition: valid_date
std::string date_of(long day_number);
int weekday(const std::string& valid_iso_date);  // 0 = Monday … 6 = Sunday

// Formats HSDS names (JSON Schema `format`): an email address; a URI with a scheme.
bool valid_email(const std::string& s);
bool valid_uri(const std::string& s);

}  // namespace cp::directory::detail
