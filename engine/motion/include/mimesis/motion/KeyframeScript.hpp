// KeyframeScript: the parsed form of a `.mkeys` file, a hand-written keyframe clip (KEYFRAMES.md).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <glm/vec3.hpp>

#include "mimesis/core/Error.hpp"
#include "mimesis/motion/Clip.hpp"
#include "mimesis/motion/HandRig.hpp"

namespace mimesis {

// How parameters move between keys (KEYFRAMES.md, "Interpolation", says why the default).
enum class KeyInterpolation : std::uint8_t {
  Monotone,    // "catmull-rom": Catmull-Rom through every key, tangents limited so no
               // parameter overshoots its neighbouring keys (holds stay still). Default.
  Smoothstep,  // "smoothstep": ease in and out of every key (the hand stops at each key).
  Linear,      // "linear": constant speed between keys, corners at keys.
};

// One hand's state at one time. Every value is complete: a key written in the file starts from
// the same hand's previous key and changes only what it names.
struct HandKey {
  double time = 0.0;                              // clip seconds, >= 0
  glm::vec3 wristPosition{0.0f};                  // world metres (Y up, -Z forward)
  glm::vec3 yawPitchRollDeg{0.0f};                // see wristOrientationFromYawPitchRoll()
  HandShape shape;                                // curl in [0, 1], spread in degrees
  int line = 0;                                   // line of its `key` directive, 0 if built in code
  bool operator==(const HandKey&) const = default;
};

struct KeyframeScript {
  std::string where;                 // the file (or label) given to parseKeyframes, for errors
  std::string name;                  // `clip` directive
  double rate = 0.0;                 // `rate`, frames per second
  double duration = 0.0;             // `duration`, seconds; 0 = up to the last key
  std::array<bool, 2> hands{};       // declared by `hands`, indexed by index(Hand)
  KeyInterpolation interpolation = KeyInterpolation::Monotone;
  std::array<std::vector<HandKey>, 2> keys;  // per hand, strictly increasing times
  std::vector<Segment> segments;             // ordered by start, within [0, clip end]
  std::vector<Annotation> annotations;

  // The authored clip's last frame time: `duration`, or the last key of any hand.
  double endTime() const;
};

// Resource limits: a file asking for more is refused with ErrorCode::Limit, before any frame is
// allocated.
inline constexpr std::size_t kMaxKeyframeKeys = 4096;          // keys over both hands
inline constexpr std::size_t kMaxKeyframeSpans = 1024;         // segments + annotations
inline constexpr double kMaxKeyframeDuration = 600.0;          // seconds
inline constexpr double kMaxKeyframeRate = 1000.0;             // frames per second
inline constexpr double kMaxKeyframeFrames = 120000.0;         // duration * rate + 1
inline constexpr std::size_t kMaxKeyframeFileBytes = 4u << 20;  // loadKeyframeClip refuses more

// Parses `.mkeys` text. `where` names the source in errors, which read
// "<where>:<line>: <message>" through Error::describe() (Error::where = "<where>:<line>").
// Never throws; every mistake is a BadInput (or Limit) error naming its line.
Result<KeyframeScript> parseKeyframes(std::string_view text, const std::string& where);

// Names used by the format, exposed for messages and tests.
std::string_view keyInterpolationName(KeyInterpolation k);  // "catmull-rom", ...

}  // namespace mimesis
