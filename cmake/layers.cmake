# cmake/layers.cmake — one static library per source folder under src/ (a "layer"), with its
# public headers under include/cp/<layer>/. A layer with no sources yet is an INTERFACE target,
# so the dependency graph can be declared before every layer exists.
function(cp_layer name)
  cmake_parse_arguments(L "" "" "DEPS" ${ARGN})
  file(GLOB_RECURSE srcs CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/${name}/*.cpp)
  if(srcs)
    add_library(cp_${name} STATIC ${srcs})
    target_include_directories(cp_${name} PUBLIC ${PROJECT_SOURCE_DIR}/include
                                          PRIVATE ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(cp_${name} PUBLIC ${L_DEPS})
    target_compile_definitions(cp_${name} PRIVATE CP_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  else()
    add_library(cp_${name} INTERFACE)
    target_include_directories(cp_${name} INTERFACE ${PROJECT_SOURCE_DIR}/include)
    target_link_libraries(cp_${name} INTERFACE ${L_DEPS})
  endif()
endfunction()

# One GoogleTest executable per folder of tests/unit/, registered test by test with CTest.
# BOTH_BACKENDS: every test is registered a second time, suffixed ".pg", against the throwaway
# PostgreSQL cluster (CP_TEST_PG_URL_FILE; tests open their database through
# tests/support/test_db.hpp), after the pg_cluster fixture has started it (tests/CMakeLists.txt).
function(cp_unit_tests name)
  cmake_parse_arguments(T "BOTH_BACKENDS" "" "DEPS" ${ARGN})
  file(GLOB srcs CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/unit/${name}/*.cpp)
  if(srcs)
    add_executable(test_${name} ${srcs})
    target_include_directories(test_${name} PRIVATE ${PROJECT_SOURCE_DIR}/include ${PROJECT_SOURCE_DIR}/src
                                                    ${PROJECT_SOURCE_DIR}/tests)
    target_link_libraries(test_${name} PRIVATE ${T_DEPS} GTest::gtest GTest::gmock GTest::gtest_main)
    target_compile_definitions(test_${name} PRIVATE CP_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
                               CP_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared")
    gtest_discover_tests(test_${name} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                         PROPERTIES LABELS unit DISCOVERY_TIMEOUT 60)
    if(T_BOTH_BACKENDS AND CP_TEST_POSTGRESQL)
      gtest_discover_tests(test_${name} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} TEST_SUFFIX .pg
                           DISCOVERY_TIMEOUT 60
                           PROPERTIES LABELS pg
                                      ENVIRONMENT "CP_TEST_PG_URL_FILE=${CP_PG_URL_FILE}"
                                      FIXTURES_REQUIRED pg_cluster)
    endif()
  endif()
endfunction()
