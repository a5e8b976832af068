// include/cp/app/demo.hpp — synthetic demo data: an agency with two teams, workers, about 40
// people with partnerships at different stages, contacts, and the demo accounts.
#pragma once

#include <string>
#include <vector>

#include "cp/store/database.hpp"

namespace cp::app {

struct DemoAccount {
  std::string username, role, description;
};

struct DemoSeedResult {
  bool seeded = false;  // false when the database already had data
  int people = 0, partnerships = 0, contacts = 0;
  std::vector<DemoAccount> accounts;
};

// The demo accounts (the same list whether or not seeding happens).
std::vector<DemoAccount> demo_accounts();

// Seeds the demo data if the database has no agencies yet; every demo account gets `password`.
// Deterministic: the same data every time. One transaction.
DemoSeedResult seed_demo(store::Database& db, const std::string& password);

}  // namespace cp::app
