# shanhai_module(NAME DEPS dep...)
# Every src/ folder is one static library, shanhai_NAME, built from its *.cc files
# except *_test.cc; its *_test.cc files form one GoogleTest binary, NAME_tests,
# registered with CTest, each case with a TIMEOUT (a hang fails the case instead of blocking
# the run; tests/meta checks every test has one). New files are picked up on the next build
# (CONFIGURE_DEPENDS).
function(shanhai_module name)
  cmake_parse_arguments(ARG "" "" "DEPS;TEST_DEPS" ${ARGN})
  file(GLOB_RECURSE all_sources CONFIGURE_DEPENDS
       ${CMAKE_CURRENT_SOURCE_DIR}/*.cc ${CMAKE_CURRENT_SOURCE_DIR}/*.S)
  set(lib_sources)
  set(test_sources)
  foreach(f IN LISTS all_sources)
    if(f MATCHES "_test\\.cc$")
      list(APPEND test_sources ${f})
    else()
      list(APPEND lib_sources ${f})
    endif()
  endforeach()
  if(lib_sources)
    add_library(shanhai_${name} STATIC ${lib_sources})
    target_include_directories(shanhai_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(shanhai_${name} PUBLIC ${ARG_DEPS})
  else()  # headers only so far
    add_library(shanhai_${name} INTERFACE)
    target_include_directories(shanhai_${name} INTERFACE ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(shanhai_${name} INTERFACE ${ARG_DEPS})
  endif()
  if(test_sources)
    add_executable(${name}_tests ${test_sources})
    target_link_libraries(${name}_tests PRIVATE shanhai_${name} ${ARG_TEST_DEPS} GTest::gtest_main)
    gtest_discover_tests(${name}_tests DISCOVERY_TIMEOUT 60 DISCOVERY_MODE PRE_TEST
                         PROPERTIES ENVIRONMENT "SHANHAI_SOURCE_DIR=${PROJECT_SOURCE_DIR}" TIMEOUT 300)
  endif()
endfunction()
