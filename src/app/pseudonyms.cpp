// src/app/pseudonyms.cpp — keyed-hash pseudonyms (see pseudonyms.hpp).
#include "cp/app/pseudonyms.hpp"

#include <sodium.h>

#include <cctype>

#include "cp/app/passwords.hpp"

namespace cp::app {

namespace {

std::string key_hex(soci::session& s) {
  std::string value;
  soci::indicator ind = soci::i_null;
  s << "SELECT value FROM settings WHERE key = 'pseudonym_key'", soci::into(value, ind);
  if (s.got_data() && ind == soci::i_ok && value.size() == 64) return value;
  value = random_hex(32);
  s << "INSERT INTO settings (key, value) VALUES ('pseudonym_key', :v)", soci::use(value);
  return value;
}

}  // namespace

std::string pseudonym(soci::session& s, const std::string& purpose, const std::string& kind, long long id) {
  const std::string hex = key_hex(s);
  unsigned char key[32];
  sodium_hex2bin(key, sizeof key, hex.data(), hex.size(), nullptr, nullptr, nullptr);
  const std::string message = purpose + "\x1f" + kind + "\x1f" + std::to_string(id);
  unsigned char out[16];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(message.data()), message.size(), key,
                     sizeof key);
  char text[sizeof out * 2 + 1];
  sodium_bin2hex(text, sizeof text, out, sizeof out);
  std::string prefix(1, static_cast<char>(std::toupper(static_cast<unsigned char>(kind.empty() ? 'X' : kind[0]))));
  return prefix + "-" + std::string(text).substr(0, 10);
}

}  // namespace cp::app
