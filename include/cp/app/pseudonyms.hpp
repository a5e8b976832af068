// include/cp/app/pseudonyms.hpp — stable pseudonyms for research views and exports: a keyed
// hash (BLAKE2b, libsodium crypto_generichash) of "<purpose>|<kind>|<id>" with a secret key held
// by the system (settings row `pseudonym_key`, created on first use). The same record gets the
// same pseudonym within one purpose (e.g. "fidelity", or "study:<id>") and an unrelated one in
// another; without the key a pseudonym cannot be linked back. One implementation for every
// research view; research reads (research_read.hpp) take the key once per request.
#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace cp::app {

// The system's pseudonym key, read once and used for many digests (an export pseudonymises
// thousands of records: one settings read, not one per record).
class PseudonymKey {
 public:
  // Reads the key; creates and stores it when there is none yet. Precondition: inside
  // Database::write. Throws when the stored key is unreadable.
  static PseudonymKey load_or_create(soci::session& s);
  // Reads the key without writing (e.g. on a read-only replica); nullopt when there is none.
  static std::optional<PseudonymKey> load(soci::session& s);

  // 32 hex digits of the keyed digest of "<purpose>|<kind>|<id>".
  std::string digest(const std::string& purpose, const std::string& kind, long long id) const;
  // A study's record id in research views and exports: "P" + 12 hex digits of the digest.
  std::string study_pseudonym(const std::string& purpose, const std::string& kind, long long id) const {
    return "P" + digest(purpose, kind, id).substr(0, 12);
  }
  // A label in research views such as fidelity ("W-3f9a1c0e7b"): the kind's first letter in
  // upper case, a dash, and 10 hex digits of the digest.
  std::string pseudonym(const std::string& purpose, const std::string& kind, long long id) const;

 private:
  explicit PseudonymKey(std::vector<unsigned char> key) : key_(std::move(key)) {}
  std::vector<unsigned char> key_;
};

}  // namespace cp::app
