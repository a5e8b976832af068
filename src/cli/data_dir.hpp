// src/cli/data_dir.hpp — where `cpi` finds its data (instrument definitions, value sets, unit
// costs, area lookups): --data-dir, else $CPI_DATA_DIR, else <source tree>/data.
#pragma once

#include <filesystem>
#include <string>

#include "cp/instruments/catalogue.hpp"

namespace cp::cli {

// The data directory: `option_value` if not empty (the --data-dir option), else the
// environment variable CPI_DATA_DIR if set and not empty, else CP_SOURCE_DIR "/data".
// Does not check that the directory exists (callers report a missing file by its path).
std::filesystem::path data_dir(const std::string& option_value);

// Reads a whole file; throws cp::ErrorException (not_found / internal) naming the path.
std::string read_text_file(const std::filesystem::path& path);

// Reads a file, or standard input when `path` is "-" or empty.
std::string read_file_or_stdin(const std::string& path);

// Loads every instrument definition (instruments/*.json), scoring table (value-sets/*.json,
// unit-costs/*.json, "cp-table/1") and area lookup (imd/*.csv, table id = file name without
// .csv; columns lsoa_code,imd_decile or the IoD2019 File 1 names) under `dir`. Throws
// cp::ErrorException naming the file and JSON path of the first bad file.
cp::instruments::Catalogue load_instrument_catalogue(const std::filesystem::path& dir);

// Reads one table file: "cp-table/1" JSON, or an area lookup CSV (by extension .csv).
cp::instruments::Table load_table_file(const std::filesystem::path& path);

}  // namespace cp::cli
