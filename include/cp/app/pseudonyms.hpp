// include/cp/app/pseudonyms.hpp — stable pseudonyms for research views and exports: a keyed
// hash (BLAKE2b, libsodium crypto_generichash) of "<purpose>|<kind>|<id>" with a secret key held
// by the system (settings row `pseudonym_key`, created on first use). The same record gets the
// same pseudonym within one purpose (e.g. "fidelity", or "study:<id>") and an unrelated one in
// another; without the key a pseudonym cannot be linked back. One implementation for every
// research view (studies.hpp's study_pseudonym formats the same digest).
#pragma once

#include <soci/soci.h>

#include <string>

namespace cp::app {

// 32 hex digits of the keyed digest. Precondition: inside Database::write (the key may be
// created). Throws when the stored key is unreadable.
std::string pseudonym_digest(soci::session& s, const std::string& purpose, const std::string& kind, long long id);

// e.g. pseudonym(s, "fidelity", "worker", 12) → "W-3f9a1c0e7b": the kind's first letter in upper
// case, a dash, and 10 hex digits of the digest.
std::string pseudonym(soci::session& s, const std::string& purpose, const std::string& kind, long long id);

}  // namespace cp::app
