// Third-party test data (CMU motion capture, UI-PRMD, glTF sample models) lives beside the
// repository in ../shared/data, which a fresh clone does not have. A test that reads it starts
// with one line,
//
//     MIMESIS_NEEDS_SHARED_DATA("cmu-bvh/01_01.bvh");
//
// which skips the test with a message naming the folder when the file or folder is absent. CI
// has the data and sets MIMESIS_REQUIRE_SHARED_DATA=1 (.ci/run), which turns that skip into a
// failure, so a test can never silently stop running there.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#ifndef MIMESIS_SHARED_DATA_DIR
#error "MIMESIS_SHARED_DATA_DIR must be defined (tests/CMakeLists.txt sets it)"
#endif

namespace mimesis::testing {

// MIMESIS_SHARED_DATA_DIR/relative.
inline std::string sharedDataPath(const std::string& relative) {
  return std::string(MIMESIS_SHARED_DATA_DIR) + "/" + relative;
}

// Empty when `relative` exists under the shared data folder, else why the test cannot run.
inline std::string sharedDataMissing(const std::string& relative) {
  const std::filesystem::path folder(MIMESIS_SHARED_DATA_DIR);
  std::error_code ec;
  if (std::filesystem::exists(folder / relative, ec)) return {};
  const bool noFolder = !std::filesystem::exists(folder, ec);
  return "needs third-party test data " + relative + " in the shared data folder " + folder.lexically_normal().string() +
         (noFolder ? ", which is absent (a clone without ../shared/data)" : ", which does not hold it");
}

// True when the environment asks for every shared-data test to run (CI).
inline bool sharedDataRequired() {
  const char* v = std::getenv("MIMESIS_REQUIRE_SHARED_DATA");
  return v != nullptr && *v != '\0' && std::string(v) != "0";
}

}  // namespace mimesis::testing

// Skips the calling test when `relative` is absent from the shared data folder (fails instead
// under MIMESIS_REQUIRE_SHARED_DATA). Use it in a TEST body, before the first read of the data.
#define MIMESIS_NEEDS_SHARED_DATA(relative)                                                             \
  do {                                                                                                  \
    const std::string mimesisMissing_ = ::mimesis::testing::sharedDataMissing(relative);                \
    if (!mimesisMissing_.empty()) {                                                                     \
      if (::mimesis::testing::sharedDataRequired())                                                     \
        FAIL() << mimesisMissing_ << " (MIMESIS_REQUIRE_SHARED_DATA is set, so this is a failure)";     \
      GTEST_SKIP() << mimesisMissing_;                                                                  \
    }                                                                                                   \
  } while (false)
