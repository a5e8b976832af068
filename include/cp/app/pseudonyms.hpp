// include/cp/app/pseudonyms.hpp — stable pseudonyms for research views and exports: a keyed
// hash (BLAKE2b, libsodium) of the purpose (e.g. "fidelity" or a study id), the kind of record
// and its id, with a secret key held by the system (settings row `pseudonym_key`, created on
// first use). The same record gets the same pseudonym within one purpose and a different one
// in another; without the key a pseudonym cannot be linked back.
#pragma once

#include <soci/soci.h>

#include <string>

namespace cp::app {

// e.g. pseudonym(s, "fidelity", "worker", 12) → "W-3f9a1c0e7b"; the prefix is the kind's first
// letter in upper case. Creates the key inside the caller's write transaction when missing.
std::string pseudonym(soci::session& s, const std::string& purpose, const std::string& kind, long long id);

}  // namespace cp::app
