# Helpers that give every engine module the same shape: one library target per module,
# its own public include folder (engine/<m>/include/mimesis/<m>/), explicit links, one
# warnings target, and a header-alone compile check so a missing include or a wrong
# dependency fails the build instead of hiding behind another header.

add_library(mimesis_warnings INTERFACE)
target_compile_options(mimesis_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough)
# GCC 12 reports -Wrestrict inside libstdc++'s std::string operator+ at -O2 (GCC bug 105651,
# a false positive fixed in GCC 13); keep it a warning there, not an error, rather than
# contort ordinary string code.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(mimesis_warnings INTERFACE -Wno-restrict)
endif()
if(MIMESIS_WERROR)
  target_compile_options(mimesis_warnings INTERFACE -Werror)
endif()
add_library(Mimesis::warnings ALIAS mimesis_warnings)

# mimesis_add_module(NAME SOURCES ... PUBLIC_DEPS ... PRIVATE_DEPS ...)
function(mimesis_add_module name)
  cmake_parse_arguments(M "" "" "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(mimesis_${name} STATIC ${M_SOURCES})
  add_library(Mimesis::${name} ALIAS mimesis_${name})
  target_include_directories(mimesis_${name} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include)
  target_link_libraries(mimesis_${name} PUBLIC ${M_PUBLIC_DEPS} PRIVATE ${M_PRIVATE_DEPS} mimesis_warnings)
  set_target_properties(mimesis_${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)

  # Each public header must compile on its own with only this module's public links.
  file(GLOB_RECURSE headers CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/include/*.hpp)
  set(check_sources "")
  foreach(h IN LISTS headers)
    file(RELATIVE_PATH rel ${CMAKE_CURRENT_SOURCE_DIR}/include ${h})
    string(MAKE_C_IDENTIFIER ${rel} id)
    set(src ${CMAKE_CURRENT_BINARY_DIR}/header_check/${id}.cpp)
    file(CONFIGURE OUTPUT ${src} CONTENT "#include <${rel}>\n")
    list(APPEND check_sources ${src})
  endforeach()
  if(check_sources AND MIMESIS_HEADER_CHECK)
    add_library(mimesis_${name}_header_check OBJECT ${check_sources})
    target_link_libraries(mimesis_${name}_header_check PRIVATE mimesis_${name} mimesis_warnings)
  endif()
endfunction()
