// include/cp/app/passwords.hpp — password hashing with argon2id (libsodium crypto_pwhash_str).
#pragma once

#include <string>

namespace cp::app {

// Minimum length and other rules for a new password; empty string when acceptable, else why not.
std::string password_problem(const std::string& password);
// An encoded argon2id hash (salt and parameters included). Throws std::runtime_error when the
// system is out of memory for hashing.
std::string hash_password(const std::string& password);
// Constant-time check of `password` against an encoded hash.
bool verify_password(const std::string& password, const std::string& encoded_hash);
// A random password of `length` letters and digits (demo mode prints it).
std::string random_password(int length = 16);
// Random bytes, hex encoded (session tokens, CSRF tokens).
std::string random_hex(int bytes);
// SHA-256 of `text`, hex encoded.
std::string sha256_hex(const std::string& text);

}  // namespace cp::app
