// src/cli/network_commands.cpp — `cpi network …`: measures of an ego network read from GraphML,
// the change between two snapshots, and JSON → GraphML export (issue 4, item 1). Translates only:
// reads files, calls cp::network, prints JSON or GraphML.
#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/registry.hpp"
#include "cp/network/ego_network_json.hpp"
#include "cp/network/graphml.hpp"
#include "cp/network/measures.hpp"

namespace cp::cli {
namespace {

constexpr std::size_t kMaxFileBytes = 64u << 20;  // an ego network is small; refuse huge files

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ErrorException(Error::invalid("cannot_open", "cannot open the file", path));
  std::ostringstream ss;
  ss << in.rdbuf();
  auto text = ss.str();
  if (text.size() > kMaxFileBytes)
    throw ErrorException(Error::invalid("too_large", "the file is larger than 64 MB", path));
  return text;
}

network::EgoSnapshot load_graphml(const std::string& path) {
  auto r = network::read_graphml(read_file(path));
  if (!r) {
    auto e = r.error();
    e.field = e.field.empty() ? path : fmt::format("{}, {}", path, e.field);
    throw ErrorException(std::move(e));
  }
  return std::move(r).value();
}

void add_network(CLI::App& root) {
  auto* net = root.add_subcommand(
      "network", "Ego networks (CPI network map): measures, change between snapshots, GraphML");
  net->require_subcommand(1);

  auto* measures = net->add_subcommand(
      "measures",
      "Print the measures of one ego network as JSON: size, ties, density, effective_size, "
      "components, isolates, blau_relation, share_outside_services, reciprocity, by_relation, "
      "by_ring (null with a note when undefined)");
  auto file = std::make_shared<std::string>();
  measures->add_option("FILE", *file, "GraphML file with one node marked ego=true")
      ->required()
      ->type_name("FILE.graphml");
  measures->callback([file] {
    auto s = load_graphml(*file);
    std::cout << network::to_json(network::compute_measures(s)).dump(2) << "\n";
  });

  auto* change = net->add_subcommand(
      "change",
      "Print the members new and lost between two snapshots of the same ego network (by stable "
      "member id) as JSON: new_members, lost_members, new_count, lost_count, kept");
  auto earlier = std::make_shared<std::string>();
  auto later = std::make_shared<std::string>();
  change->add_option("EARLIER", *earlier, "GraphML of the earlier snapshot")->required();
  change->add_option("LATER", *later, "GraphML of the later snapshot")->required();
  change->callback([earlier, later] {
    auto a = load_graphml(*earlier);
    auto b = load_graphml(*later);
    std::cout << network::to_json(network::compare_snapshots(a, b)).dump(2) << "\n";
  });

  auto* graphml = net->add_subcommand(
      "graphml", "Convert a snapshot in JSON (see docs/network.md) to GraphML on standard output");
  auto json_file = std::make_shared<std::string>();
  auto no_ego_edges = std::make_shared<bool>(false);
  auto labels = std::make_shared<bool>(false);
  graphml->add_option("FILE", *json_file, "JSON snapshot")->required()->type_name("FILE.json");
  graphml->add_flag("--no-ego-edges", *no_ego_edges,
                    "Write only the alter–alter edges, not the ego–member edges");
  graphml->add_flag("--labels", *labels, "Include member labels (personal data; off by default)");
  graphml->callback([json_file, no_ego_edges, labels] {
    auto text = read_file(*json_file);
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded())
      throw ErrorException(Error::invalid("bad_json", "the file is not valid JSON", *json_file));
    auto s = network::snapshot_from_json(j);
    if (!s) {
      auto e = s.error();
      e.field = fmt::format("{}, {}", *json_file, e.field);
      throw ErrorException(std::move(e));
    }
    network::GraphmlOptions o;
    o.include_ego_edges = !*no_ego_edges;
    o.include_labels = *labels;
    std::cout << network::write_graphml(*s, o);
  });
}

const Registration reg{"network", add_network};

}  // namespace
}  // namespace cp::cli
