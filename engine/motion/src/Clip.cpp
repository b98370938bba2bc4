// Clip validation and summary.
#include "mimesis/motion/Clip.hpp"

#include <cmath>
#include <string>

namespace mimesis {

Status validateClipHeader(const Clip& clip, const std::string& where) {
  auto bad = [&](std::string msg) { return makeError(ErrorCode::BadInput, std::move(msg), where); };
  if (!(clip.rate > 0.0) || !std::isfinite(clip.rate))
    return bad("frame rate must be a positive number, got " + std::to_string(clip.rate));
  const std::size_t bodyJoints = clip.body.joints.size();
  if (clip.body.parents.size() != bodyJoints) return bad("body skeleton parents/joints mismatch");
  for (std::size_t i = 0; i < bodyJoints; ++i)
    if (clip.body.parents[i] >= static_cast<int>(i)) return bad("body skeleton not topologically ordered at joint " + std::to_string(i));
  return okStatus();
}

Status validateClipFrame(const Frame& fr, std::size_t f, double previousTime, std::size_t bodyJoints,
                         const std::string& where) {
  auto bad = [&](std::string msg) { return makeError(ErrorCode::BadInput, std::move(msg), where); };
  if (!std::isfinite(fr.time)) return bad("frame " + std::to_string(f) + ": time is not finite");
  if (f > 0 && !(fr.time > previousTime)) return bad("frame " + std::to_string(f) + ": time does not increase");
  if (fr.body.size() != bodyJoints)
    return bad("frame " + std::to_string(f) + ": has " + std::to_string(fr.body.size()) + " body joints, skeleton has " +
               std::to_string(bodyJoints));
  for (const HandPose& h : fr.hands)
    for (const JointPose& j : h.joints)
      if (j.flags != 0 && (!isFinite(j.pose) || !std::isfinite(j.radius)))
        return bad("frame " + std::to_string(f) + ": a joint marked valid is not finite");
  for (const JointPose& j : fr.body)
    if (j.flags != 0 && !isFinite(j.pose))
      return bad("frame " + std::to_string(f) + ": a body joint marked valid is not finite");
  if (fr.hasHead && !isFinite(fr.head)) return bad("frame " + std::to_string(f) + ": the head pose is not finite");
  return okStatus();
}

Status validateClipSegments(const Clip& clip, const std::string& where) {
  for (std::size_t s = 0; s < clip.segments.size(); ++s) {
    const Segment& seg = clip.segments[s];
    if (!(seg.end > seg.start))
      return makeError(ErrorCode::BadInput, "segment '" + seg.name + "' ends before it starts", where);
    if (s > 0 && seg.start < clip.segments[s - 1].start)
      return makeError(ErrorCode::BadInput, "segments are not ordered", where);
  }
  return okStatus();
}

Status validateClip(const Clip& clip, const std::string& where) {
  if (Status s = validateClipHeader(clip, where); !s) return s;
  for (std::size_t f = 0; f < clip.frames.size(); ++f)
    if (Status s = validateClipFrame(clip.frames[f], f, f > 0 ? clip.frames[f - 1].time : 0.0, clip.body.joints.size(), where);
        !s)
      return s;
  return validateClipSegments(clip, where);
}

ClipContents describeContents(const Clip& clip) {
  ClipContents c;
  double validSum = 0.0;
  std::size_t streams = 0;
  for (const Frame& fr : clip.frames) {
    c.left |= fr.hand(Hand::Left).active;
    c.right |= fr.hand(Hand::Right).active;
    c.head |= fr.hasHead;
    c.body |= !fr.body.empty();
  }
  for (const Frame& fr : clip.frames) {
    if (c.left) { validSum += fr.hand(Hand::Left).validFraction(); ++streams; }
    if (c.right) { validSum += fr.hand(Hand::Right).validFraction(); ++streams; }
    if (c.body) {
      int n = 0;
      for (const JointPose& j : fr.body) n += j.positionValid() ? 1 : 0;
      validSum += fr.body.empty() ? 0.0 : static_cast<double>(n) / fr.body.size();
      ++streams;
    }
  }
  c.validFraction = streams ? validSum / static_cast<double>(streams) : 0.0;
  return c;
}

}  // namespace mimesis
