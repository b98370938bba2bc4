// BvhDocument: a BVH file as written — joint hierarchy, channel layout and raw channel values —
// and parseBvh, our own single-pass parser over a memory buffer.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <glm/vec3.hpp>

#include "mimesis/core/Error.hpp"

namespace mimesis {

// One BVH channel. Rotations are in degrees, positions in file units.
enum class BvhChannel : std::uint8_t { Xposition, Yposition, Zposition, Xrotation, Yrotation, Zrotation };
std::string_view bvhChannelName(BvhChannel c);

// A ROOT, JOINT or End Site. End Sites are joints with no channels, named "<parent>_end".
struct BvhJoint {
  std::string name;
  int parent = -1;                 // index into BvhDocument::joints; -1 for a ROOT
  bool isEndSite = false;
  glm::vec3 offset{0.0f};          // from the parent joint, in the parent's frame, file units
  // Channels in the order written; the rotation channels compose as intrinsic rotations in
  // that order (R = R1 * R2 * R3). Stored inline: a joint has at most 6 distinct channels.
  std::array<BvhChannel, 6> channels{};
  int channelCount = 0;
  int firstChannel = 0;            // column of channels[0] in a frame row
  int line = 0;                    // line of the ROOT/JOINT/End Site keyword, for messages
};

struct BvhDocument {
  std::string source;              // the `where` given to parseBvh, for messages
  std::vector<BvhJoint> joints;    // depth-first order as written: parents precede children
  int channelCount = 0;            // values per frame row
  int frameCount = 0;
  double frameTime = 0.0;          // seconds, > 0
  // Channel values, frame-major: values[frame * channelCount + column]. Degrees / file units.
  std::vector<float> values;

  float value(int frame, int column) const {
    return values[static_cast<std::size_t>(frame) * static_cast<std::size_t>(channelCount) +
                  static_cast<std::size_t>(column)];
  }
};

// Resource limits: inputs beyond them are refused with ErrorCode::Limit before allocating.
struct BvhLimits {
  int maxJoints = 4096;            // ROOT + JOINT + End Site
  int maxDepth = 256;              // nesting of braces
  std::int64_t maxFrames = 10'000'000;
  std::int64_t maxValues = 256'000'000;  // frames x channels (1 GiB of floats)
};

// Parses BVH text. `where` names the source in errors ("where:line"). Accepted:
//  - HIERARCHY, one or more ROOTs, JOINT, End Site, OFFSET, CHANNELS with any order and any
//    subset of X/Y/Zposition and X/Y/Zrotation (each at most once); keywords are case-sensitive
//    as in the format; the name is the rest of the line before any '{'.
//  - MOTION, "Frames: N", "Frame Time: t" (t > 0), then exactly N rows, one per line, each with
//    exactly channelCount finite numbers. Blank lines are ignored. Fewer rows than declared and
//    more rows than declared are both errors (a truncated or concatenated file must not pass as
//    a shorter or longer clip).
// Refused (ErrorCode::BadInput unless noted, always with "where:line"): empty file, binary data,
// missing HIERARCHY or MOTION, unknown keyword, bad or non-finite number, wrong CHANNELS count,
// unknown or repeated channel, unbalanced braces, duplicate joint names, End Site with
// channels or children, no channels at all, negative Frames, non-positive Frame Time, rows
// with too few or too many values; ErrorCode::Limit for sizes beyond `limits`.
// Never throws; no per-token allocation. Numbers: plain decimals ("-12.3456", up to 15 digits)
// by a fast path that gives std::from_chars's float (or at most one ulp from it); anything else
// (exponents, long numbers) by std::from_chars itself.
Result<BvhDocument> parseBvh(std::string_view text, const std::string& where,
                             const BvhLimits& limits = {});

}  // namespace mimesis
