// src/app/pseudonyms.cpp — keyed-hash pseudonyms (see pseudonyms.hpp).
#include "cp/app/pseudonyms.hpp"

#include <sodium.h>

#include <cctype>
#include <stdexcept>

#include "cp/store/studies.hpp"

namespace cp::app {

namespace {

const std::string kKeySetting = "pseudonym_key";

void ensure_sodium() {
  static const int sodium_ready = sodium_init();
  (void)sodium_ready;
}

}  // namespace

std::optional<PseudonymKey> PseudonymKey::load(soci::session& s) {
  ensure_sodium();
  auto hex_key = store::read_setting_value(s, kKeySetting);
  if (!hex_key) return std::nullopt;
  std::vector<unsigned char> key(crypto_generichash_KEYBYTES);
  size_t len = 0;
  if (sodium_hex2bin(key.data(), key.size(), hex_key->data(), hex_key->size(), nullptr, &len, nullptr) != 0 ||
      len < crypto_generichash_KEYBYTES_MIN)
    throw std::runtime_error("the pseudonym key in the settings table is unreadable");
  key.resize(len);
  return PseudonymKey(std::move(key));
}

PseudonymKey PseudonymKey::load_or_create(soci::session& s) {
  if (auto k = load(s)) return std::move(*k);
  std::vector<unsigned char> key(crypto_generichash_KEYBYTES);
  randombytes_buf(key.data(), key.size());
  std::string hex(key.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), key.data(), key.size());
  hex.pop_back();
  store::insert_setting_value(s, kKeySetting, hex);
  return PseudonymKey(std::move(key));
}

std::string PseudonymKey::digest(const std::string& purpose, const std::string& kind, long long id) const {
  const std::string msg = purpose + "|" + kind + "|" + std::to_string(id);
  unsigned char out[16];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(msg.data()), msg.size(), key_.data(),
                     key_.size());
  char hex[33];
  sodium_bin2hex(hex, sizeof hex, out, sizeof out);
  return std::string(hex, 32);
}

std::string PseudonymKey::pseudonym(const std::string& purpose, const std::string& kind, long long id) const {
  const char initial = static_cast<char>(std::toupper(static_cast<unsigned char>(kind.empty() ? 'x' : kind[0])));
  return std::string(1, initial) + "-" + digest(purpose, kind, id).substr(0, 10);
}

}  // namespace cp::app
