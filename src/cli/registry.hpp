// src/cli/registry.hpp — how each command file adds its subcommands to `cpi`.
//
// A command file defines `static const cp::cli::Registration reg{"name", add_fn};` and
// add_fn(CLI::App& root) adds one or more subcommands with their callbacks. main.cpp builds the
// app from every registration, in name order. Commands translate only: parse arguments, call
// app/ or a pure layer, format output, choose the exit code.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

namespace cp::cli {

using AddCommands = std::function<void(CLI::App&)>;

struct Registration {
  Registration(std::string name, AddCommands add);
};

struct RegisteredCommands {
  std::string name;
  AddCommands add;
};
std::vector<RegisteredCommands>& registrations();

// Exit with this from a command callback: main() prints nothing more and returns `code`.
struct ExitCode {
  int code;
};

}  // namespace cp::cli
