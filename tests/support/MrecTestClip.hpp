// Shared fixtures of the .mrec and export tests: a clip exercising every field, feedback
// events, and reading a file back as bytes. Defined in tests/motion/mrec_test_clip.cpp.
#pragma once

#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "mimesis/motion/Clip.hpp"
#include "mimesis/motion/MrecFormat.hpp"

namespace mimesis::testclip {

// Two hands, head, body skeleton, segments, annotations, some invalid joints.
Clip makeMrecTestClip(int frameCount);
std::vector<MrecEvent> makeMrecTestEvents(int count);

inline std::vector<std::uint8_t> fileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace mimesis::testclip
