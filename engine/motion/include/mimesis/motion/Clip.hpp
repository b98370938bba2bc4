// Clip: a timed sequence of Frames with metadata, named segments and annotations.
#pragma once

#include <string>
#include <vector>

#include "mimesis/core/Error.hpp"
#include "mimesis/motion/Frame.hpp"
#include "mimesis/motion/Skeleton.hpp"

namespace mimesis {

// A named motion primitive, [start, end) in clip seconds.
struct Segment {
  std::string name;
  double start = 0.0;
  double end = 0.0;
  bool operator==(const Segment&) const = default;
};

// A marked span: kind "do-not-copy" (incidental movement the learner should not imitate),
// "tolerance" (value = relative tolerance for that span), or "note" (free text for coaches).
struct Annotation {
  std::string kind;
  double start = 0.0;
  double end = 0.0;
  double value = 0.0;
  std::string text;
  bool operator==(const Annotation&) const = default;
};

struct ClipInfo {
  std::string name;                      // e.g. "pinch-release"
  std::string source;                    // file it came from, or "authored"
  std::string sourceFormat;              // "bvh", "gltf", "mrec", "keyframes", "csv", ...
  std::string rigMap;                    // rig map used to reach OpenXR joints, if any
  std::vector<std::string> filledJoints; // "left/index_metacarpal", ... joints the rig lacked
  bool operator==(const ClipInfo&) const = default;
};

struct Clip {
  ClipInfo info;
  double rate = 90.0;            // nominal frames per second
  std::vector<Frame> frames;     // strictly increasing time, first at 0 or later
  Skeleton body;                 // skeleton of Frame::body, empty for hand-only clips
  std::vector<Segment> segments;
  std::vector<Annotation> annotations;

  double duration() const { return frames.empty() ? 0.0 : frames.back().time - frames.front().time; }
  bool operator==(const Clip&) const = default;
};

// Checks the invariants everything downstream relies on: rate > 0, times finite and strictly
// increasing, body joint count equal to the skeleton's in every frame, segments within the clip
// and ordered, no non-finite valid joint (pose or radius, hands and body), no non-finite head
// pose where a frame has one. `where` names the source in the error.
Status validateClip(const Clip& clip, const std::string& where);

// validateClip in its three parts, in the order it runs them, for a reader that hands frames
// on as it decodes them (streamMrec) and never holds the whole clip: the clip's own fields
// (rate, skeleton), one frame (its index `f` and the time of frame f - 1), the segments.
Status validateClipHeader(const Clip& clip, const std::string& where);
Status validateClipFrame(const Frame& frame, std::size_t f, double previousTime, std::size_t bodyJoints,
                         const std::string& where);
Status validateClipSegments(const Clip& clip, const std::string& where);

// Whether any frame has an active left / right hand, or body joints.
struct ClipContents {
  bool left = false;
  bool right = false;
  bool head = false;
  bool body = false;
  double validFraction = 0.0;  // mean fraction of valid joints over present streams
};
ClipContents describeContents(const Clip& clip);

}  // namespace mimesis
