# cmake/embed_hsds.cmake — writes OUT (a .cpp) embedding the HSDS 3.0 schema files of DATA_DIR
# (data/hsds/: schema/*.json and datapackage.json) as raw string literals, so the directory
# layer validates against the real schema with no file I/O. Run at build time by CMakeLists.txt
# whenever a schema file changes: the repository keeps only the JSON, never the generated code.
file(GLOB schema_files RELATIVE "${DATA_DIR}" "${DATA_DIR}/schema/*.json")
list(SORT schema_files)
list(APPEND schema_files "datapackage.json")
set(code "// GENERATED at build time by cmake/embed_hsds.cmake from data/hsds/ (Open Referral HSDS 3.0,\n// CC BY-SA 4.0). Do not edit: change the files under data/hsds/.\n#include \"directory/hsds_schema_data.hpp\"\n\nnamespace cp::directory::detail {\n\nconst std::vector<EmbeddedFile>& hsds_schema_files() {\n  static const std::vector<EmbeddedFile> files = {\n")
foreach(name IN LISTS schema_files)
  file(READ "${DATA_DIR}/${name}" text)
  string(FIND "${text}" ")hsds\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${name} contains the raw-string delimiter )hsds\"")
  endif()
  string(APPEND code "      {\"${name}\",\n       R\"hsds(${text})hsds\"},\n")
endforeach()
string(APPEND code "  };\n  return files;\n}\n\n}  // namespace cp::directory::detail\n")
file(WRITE "${OUT}.tmp" "${code}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
