// src/app/demo_scale.cpp — loading `cpi demo --scale N` (see demo_scale.hpp): the scored answer
// pool, then the generator's tables through store::BulkLoader, batch by batch, with progress,
// optional CSV copies, and one audit row for the whole load.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "cp/app/demo_scale.hpp"
#include "cp/app/passwords.hpp"
#include "cp/app/service.hpp"
#include "cp/store/records.hpp"

namespace cp::app {

std::vector<ScoredAnswers> scored_answer_pool(const instruments::Catalogue& catalogue,
                                              const std::vector<std::string>& instrument_ids,
                                              int per_instrument, std::uint64_t seed) {
  std::vector<ScoredAnswers> out;
  std::uint64_t state = seed * 0x9E3779B97F4A7C15ULL + 7;
  auto next = [&] {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  };
  for (const auto& id : instrument_ids) {
    const auto* d = catalogue.find(id);
    if (!d) throw std::runtime_error(fmt::format("the instrument catalogue has no {}", id));
    int kept = 0;
    for (int attempt = 0; attempt < per_instrument * 4 && kept < per_instrument; ++attempt) {
      nlohmann::json answers = nlohmann::json::object();
      for (const auto& item : d->items) {
        if (item.type == instruments::ResponseType::code) {
          std::vector<int> codes;
          for (const auto& o : item.options)
            if (std::find(item.missing_codes.begin(), item.missing_codes.end(), o.code) == item.missing_codes.end())
              codes.push_back(o.code);
          if (!codes.empty()) answers[item.id] = codes[next() % codes.size()];
        } else if (item.type == instruments::ResponseType::integer && item.min && item.max) {
          const long long lo = static_cast<long long>(*item.min), hi = static_cast<long long>(*item.max);
          answers[item.id] = lo + static_cast<long long>(next() % static_cast<std::uint64_t>(hi - lo + 1));
        }
      }
      auto report = catalogue.score(id, answers);
      if (!report || !report->complete) continue;
      out.push_back({d->id, d->version, answers.dump(), instruments::to_json(*report).dump()});
      ++kept;
    }
    if (kept == 0) throw std::runtime_error(fmt::format("no complete scored answers could be generated for {}", id));
    // Keep each instrument's share of the pool the same size (the generator indexes by halves).
    while (kept < per_instrument) {
      out.push_back(out[out.size() - static_cast<std::size_t>(kept)]);
      ++kept;
    }
  }
  return out;
}

ScaleResult seed_demo_scale(store::Database& db, const std::string& password, const ScaleOptions& options,
                            const instruments::Catalogue& catalogue,
                            const std::function<void(const std::string&)>& progress, const std::string& csv_dir) {
  const auto t0 = std::chrono::steady_clock::now();
  const bool empty = db.read([](soci::session& s) { return store::count_rows(s, "agencies") == 0; });
  if (!empty) throw std::runtime_error("the database already has data; --scale generates only into an empty database");
  ScaleGenerator gen(options, scored_answer_pool(catalogue, {"swemwbs", "eq5d-5l"}, 64, options.seed),
                     hash_password(password));  // one hash, shared by the demo sign-ins
  ScaleResult result;
  std::map<std::string, std::ofstream> csv;
  if (!csv_dir.empty()) std::filesystem::create_directories(csv_dir);
  auto seconds = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
  db.read([&](soci::session& s) {
    auto loader = store::BulkLoader::open(s);
    auto load = [&](const std::vector<store::BulkTable>& tables) {
      for (const auto& t : tables) {
        loader->load(t);
        result.rows_by_table[t.name()] += static_cast<long long>(t.rows());
        if (!csv_dir.empty()) {
          auto [it, fresh] = csv.try_emplace(t.name());
          if (fresh) it->second.open(std::filesystem::path(csv_dir) / (t.name() + ".csv"), std::ios::binary);
          it->second << store::to_csv(t, fresh);
        }
      }
      loader->commit();
    };
    load(gen.structure());
    for (long long first = 0; first < options.people; first += options.batch_people) {
      load(gen.people(first, options.batch_people));
      const double sec = seconds();
      progress(fmt::format("scale: {} of {} people, {} rows, {:.0f} rows/s", std::min(first + options.batch_people, options.people),
                           options.people, loader->rows_loaded(), static_cast<double>(loader->rows_loaded()) / std::max(sec, 1e-9)));
    }
    load(gen.sign_ins());
    progress("scale: sequences and planner statistics (ANALYZE)");
    loader->finish(ScaleGenerator::tables_with_ids());
    result.rows = loader->rows_loaded();
  });
  // One audit row for the whole load (not one per row): who, what, and how much.
  db.write([&](soci::session& s) {
    Caller op;
    op.username = "demo-seed";
    op.address = "local";
    audit(s, op, "demo.scale", "database", "-", std::nullopt, "ok",
          fmt::format("bulk load: {} people, {} agencies, {} workers, seed {}, {} rows", options.people, options.agencies,
                      options.workers, options.seed, result.rows));
  });
  result.seconds = seconds();
  return result;
}

}  // namespace cp::app
