// src/cli/directory_commands.cpp — `cpi directory …`: validate, import and export the agency's
// community directory as Open Referral HSDS 3.0 (a JSON file, or a CSV data package directory).
// Translates only: reads files, calls cp::directory and app::Directory, writes files atomically.
// Exit codes: 0 done; 1 the HSDS data are not valid (each problem printed with file, place and
// field); 2 usage, a missing file or database, or an unknown agency.
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/database_options.hpp"
#include "cli/registry.hpp"
#include "cp/app/directory.hpp"
#include "cp/directory/hsds.hpp"
#include "cp/store/database.hpp"

namespace cp::cli {
namespace {

namespace fs = std::filesystem;
constexpr std::uintmax_t kMaxFileBytes = 64u << 20;

std::string read_file(const fs::path& p) {
  std::error_code ec;
  const auto size = fs::file_size(p, ec);
  if (ec) throw ErrorException(Error::invalid("cannot_open", "cannot read the file", p.string()));
  if (size > kMaxFileBytes)
    throw ErrorException(Error::invalid("too_large", "the file is larger than 64 MB", p.string()));
  std::ifstream in(p, std::ios::binary);
  if (!in) throw ErrorException(Error::invalid("cannot_open", "cannot open the file", p.string()));
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Reads an HSDS JSON file or a CSV data package directory, with validation.
directory::ReadResult read_input(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    directory::CsvPackage pkg;
    for (const auto& e : fs::directory_iterator(path)) {
      if (!e.is_regular_file()) continue;
      const auto name = e.path().filename().string();
      if (e.path().extension() == ".csv" || name == "datapackage.json")
        pkg[name] = read_file(e.path());
    }
    if (pkg.empty())
      throw ErrorException(Error::invalid(
          "empty_package", "the directory holds no CSV files of an HSDS data package", path));
    return directory::read_hsds_csv(pkg);
  }
  if (!fs::exists(path, ec))
    throw ErrorException(Error::invalid("not_found", "no such file or directory", path));
  return directory::read_hsds_json(read_file(path), fs::path(path).filename().string());
}

// Prints every issue; returns whether the input is valid.
bool report(const directory::ReadResult& r, const std::string& path) {
  for (const auto& i : r.issues) std::cerr << "invalid: " << directory::to_string(i) << "\n";
  if (!r.ok()) {
    std::cerr << fmt::format("{}: {}{} problem{}; nothing was imported\n", path, r.issues.size(),
                             r.issues.size() >= directory::kMaxIssues ? " or more" : "",
                             r.issues.size() == 1 ? "" : "s");
  }
  return r.ok();
}

std::string actor() { return operator_caller().username; }

void fail(const Error& e) {
  std::cerr << "error: " << e.message;
  if (!e.field.empty()) std::cerr << " (" << e.field << ")";
  std::cerr << "\n";
  throw ExitCode{e.kind == ErrorKind::invalid_input ? 1 : 2};
}

// Writes `files` (name → content) so that `out` appears whole or not at all: a JSON file is
// written beside it and renamed; a CSV package is written to a fresh sibling directory that is
// renamed to `out` (which must not exist yet).
void write_atomically(const fs::path& out, const directory::CsvPackage& files, bool directory) {
  const fs::path parent = out.has_parent_path() ? out.parent_path() : fs::path(".");
  const fs::path tmp = parent / fmt::format(".{}.tmp-{}", out.filename().string(), ::getpid());
  std::error_code ec;
  fs::remove_all(tmp, ec);
  auto write_one = [](const fs::path& p, const std::string& text) {
    std::ofstream f(p, std::ios::binary | std::ios::trunc);
    f << text;
    f.close();
    if (!f)
      throw ErrorException(Error::invalid("cannot_write", "cannot write the file", p.string()));
  };
  try {
    if (directory) {
      if (fs::exists(out))
        throw ErrorException(
            Error::invalid("exists", "the output directory already exists", out.string()));
      fs::create_directory(tmp);
      for (const auto& [name, text] : files) write_one(tmp / name, text);
    } else {
      write_one(tmp, files.begin()->second);
    }
    fs::rename(tmp, out);
  } catch (const fs::filesystem_error& e) {
    fs::remove_all(tmp, ec);
    throw ErrorException(Error::invalid("cannot_write", e.code().message(), out.string()));
  } catch (...) {
    fs::remove_all(tmp, ec);
    throw;
  }
}

void add_directory(CLI::App& root) {
  auto* dir = root.add_subcommand(
      "directory",
      "The agency's community directory: validate, import and export Open Referral HSDS 3.0");
  dir->require_subcommand(1);

  auto* validate = dir->add_subcommand(
      "validate",
      "Check an HSDS JSON file or CSV data package directory against the HSDS 3.0 schema (no "
      "database). Prints "
      "each problem with file, place (JSON path or row) and field; exit 1 when there are any");
  auto vpath = std::make_shared<std::string>();
  validate
      ->add_option("PATH", *vpath,
                   "HSDS JSON file, or a directory with datapackage.json and CSV files")
      ->required();
  validate->callback([vpath] {
    auto r = read_input(*vpath);
    if (!report(r, *vpath)) throw ExitCode{1};
    fmt::print("valid: {} service{}\n", r.resources.size(), r.resources.size() == 1 ? "" : "s");
  });

  struct ImportOpts {
    std::string path, db = "var/cpi.db";
    long long agency = 0;
    bool dry_run = false;
  };
  auto io = std::make_shared<ImportOpts>();
  auto* import = dir->add_subcommand("import",
                                     "Import an HSDS JSON file or CSV data package directory into "
                                     "an agency's directory, in one transaction "
                                     "(all or nothing). Services are matched by HSDS id: new ones "
                                     "are created, known ones updated. Prints a "
                                     "JSON report of what was created, updated and unchanged");
  import->add_option("PATH", io->path, "HSDS JSON file or CSV data package directory")->required();
  import->add_option("--db", io->db, kDbHelp);
  import->add_option("--agency", io->agency, "Agency id that will own the entries")->required();
  import->add_flag("--dry-run", io->dry_run,
                   "Validate and report what would change; write nothing");
  import->callback([io] {
    auto r = read_input(io->path);
  if (!report(r, io->path)) throw ExitCode{1};
  std::cerr << fmt::format("read {} service{} from {}\n", r.resources.size(),
                           r.resources.size() == 1 ? "" : "s", io->path);
  auto db = open_database(io->db);
  app::Service service(*db);
  app::Directory d(service);
  auto result = d.operator_import(io->agency, r.resources, io->dry_run, actor());
  if (!result) fail(result.error());
  std::cout << result->dump(2) << "\n";
});

struct ExportOpts {
  std::string format = "hsds-json", out, db = "var/cpi.db";
  long long agency = 0;
};
auto eo = std::make_shared<ExportOpts>();
auto* exp = dir->add_subcommand("export",
                                "Export an agency's directory as HSDS 3.0: hsds-json (one file, an "
                                "HSDS page of services) or hsds-csv (a "
                                "new directory with datapackage.json and one CSV per table). "
                                "Confidential entries and locations are left "
                                "out");
exp->add_option("--format", eo->format, "hsds-json or hsds-csv")
    ->check(CLI::IsMember({"hsds-json", "hsds-csv"}));
exp->add_option("--out", eo->out, "Output file (hsds-json) or new directory (hsds-csv)")
    ->required();
exp->add_option("--db", eo->db, kDbHelp);
exp->add_option("--agency", eo->agency, "Agency id")->required();
exp->callback([eo] {
  auto db = open_database(eo->db);
  app::Service service(*db);
  app::Directory d(service);
  auto resources = d.operator_export(eo->agency, eo->format, actor());
  if (!resources) fail(resources.error());
  if (eo->format == "hsds-json") {
    write_atomically(eo->out,
                     {{"directory.json", directory::write_hsds_json(*resources).dump(2) + "\n"}},
                     false);
  } else {
    write_atomically(eo->out, directory::write_hsds_csv(*resources), true);
  }
  std::cerr << fmt::format("exported {} resource{} to {}\n", resources->size(),
                           resources->size() == 1 ? "" : "s", eo->out);
});
}  // add_directory

const Registration reg{"directory", add_directory};

}  // namespace
}  // namespace cp::cli
