// src/cli/main.cpp — entry point of the `cpi` command: builds the CLI11 app from every
// registered command file (see registry.hpp) and runs it.
#include <algorithm>
#include <cstdio>
#include <exception>
#include <iostream>

#include "cli/registry.hpp"
#include "cp/domain/result.hpp"

namespace cp::cli {

std::vector<RegisteredCommands>& registrations() {
  static std::vector<RegisteredCommands> all;
  return all;
}

Registration::Registration(std::string name, AddCommands add) {
  registrations().push_back({std::move(name), std::move(add)});
}

}  // namespace cp::cli

int main(int argc, char** argv) {
  CLI::App app{
      "cpi — Connecting People: practice, fidelity, outcomes and evaluation of the Connecting "
      "People Intervention"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "cpi 0.1.0");
  auto regs = cp::cli::registrations();
  std::sort(regs.begin(), regs.end(), [](auto& a, auto& b) { return a.name < b.name; });
  for (auto& r : regs) r.add(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const cp::cli::ExitCode& e) {
    return e.code;
  } catch (const cp::ErrorException& e) {
    std::cerr << "error: " << e.error().message;
    if (!e.error().field.empty()) std::cerr << " (" << e.error().field << ")";
    std::cerr << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
