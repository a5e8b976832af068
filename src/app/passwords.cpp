// src/app/passwords.cpp — argon2id hashing and random secrets via libsodium.
#include "cp/app/passwords.hpp"

#include <sodium.h>

#include <stdexcept>

namespace cp::app {

namespace {
void ensure_sodium() {
  static const int ok = sodium_init();
  if (ok < 0) throw std::runtime_error("libsodium could not be initialised");
}
}  // namespace

std::string password_problem(const std::string& password) {
  if (password.size() < 10) return "a password must have at least 10 characters";
  if (password.size() > 256) return "a password must have at most 256 characters";
  return {};
}

std::string hash_password(const std::string& password) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  // Interactive limits: about 0.1 s and 64 MiB per hash on a current server core.
  if (crypto_pwhash_str_alg(out, password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("not enough memory to hash a password");
  return out;
}

bool verify_password(const std::string& password, const std::string& encoded_hash) {
  ensure_sodium();
  if (encoded_hash.empty() || encoded_hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(encoded_hash.c_str(), password.data(), password.size()) == 0;
}

std::string random_password(int length) {
  ensure_sodium();
  static constexpr char alphabet[] = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string out;
  for (int i = 0; i < length; ++i)
    out += alphabet[randombytes_uniform(sizeof(alphabet) - 1)];
  return out;
}

std::string random_hex(int bytes) {
  ensure_sodium();
  std::string raw(static_cast<size_t>(bytes), '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string out(raw.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                 raw.size());
  out.pop_back();
  return out;
}

std::string sha256_hex(const std::string& text) {
  ensure_sodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  char out[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(out, sizeof out, digest, sizeof digest);
  return out;
}

}  // namespace cp::app
