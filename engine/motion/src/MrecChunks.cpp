// Payload layouts of every .mrec chunk type, written and read field by field (MREC_FORMAT.md).
#include <bit>
#include <string>

#include "mimesis/motion/MrecChunks.hpp"

namespace mimesis::mrec {
namespace {

constexpr std::size_t kPoseBytes = 7 * 4;  // position xyz, quaternion xyzw

void f32To(std::uint8_t* p, float f) {
  const auto v = std::bit_cast<std::uint32_t>(f);
  for (int i = 0; i < 4; ++i) p[i] = static_cast<std::uint8_t>(v >> (8 * i));
}

void poseTo(std::uint8_t* p, const Pose& pose) {
  f32To(p, pose.position.x);
  f32To(p + 4, pose.position.y);
  f32To(p + 8, pose.position.z);
  f32To(p + 12, pose.orientation.x);
  f32To(p + 16, pose.orientation.y);
  f32To(p + 20, pose.orientation.z);
  f32To(p + 24, pose.orientation.w);
}

float f32At(const std::uint8_t* p) {
  const std::uint32_t v = static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 |
                          static_cast<std::uint32_t>(p[2]) << 16 | static_cast<std::uint32_t>(p[3]) << 24;
  return std::bit_cast<float>(v);
}

void poseAt(const std::uint8_t* p, Pose& out) {
  out.position = {f32At(p), f32At(p + 4), f32At(p + 8)};
  out.orientation.x = f32At(p + 12);
  out.orientation.y = f32At(p + 16);
  out.orientation.z = f32At(p + 20);
  out.orientation.w = f32At(p + 24);
}

Pose getPose(ByteReader& r) {
  Pose pose;
  if (const std::uint8_t* p = r.take(kPoseBytes)) poseAt(p, pose);
  return pose;
}

void putJoint(ByteWriter& w, const JointPose& j) {
  std::uint8_t* p = w.grow(kJointRecordBytes);
  poseTo(p, j.pose);
  f32To(p + kPoseBytes, j.radius);
  p[kPoseBytes + 4] = j.flags;
}

void getJoint(ByteReader& r, JointPose& j) {
  const std::uint8_t* p = r.take(kJointRecordBytes);
  if (!p) return;
  poseAt(p, j.pose);
  j.radius = f32At(p + kPoseBytes);
  j.flags = p[kPoseBytes + 4];
}

// Joints bit-identical to a default-constructed hand's are not stored: a one-handed recording
// then costs half, and the reader still gets back exactly what was written (bits compared,
// not values, so a -0 is stored rather than turned into +0).
bool jointsAreDefault(const HandPose& h) {
  static const JointPose kDefault{};
  std::uint8_t a[kJointRecordBytes];
  std::uint8_t b[kJointRecordBytes];
  poseTo(b, kDefault.pose);
  f32To(b + kPoseBytes, kDefault.radius);
  b[kPoseBytes + 4] = kDefault.flags;
  for (const JointPose& j : h.joints) {
    poseTo(a, j.pose);
    f32To(a + kPoseBytes, j.radius);
    a[kPoseBytes + 4] = j.flags;
    for (std::size_t i = 0; i < kJointRecordBytes; ++i)
      if (a[i] != b[i]) return false;
  }
  return true;
}

bool poseIsIdentityBits(const Pose& p) {
  std::uint8_t a[kPoseBytes];
  std::uint8_t b[kPoseBytes];
  poseTo(a, p);
  poseTo(b, Pose{});
  for (std::size_t i = 0; i < kPoseBytes; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

constexpr std::uint8_t kKnownFrameBits =
    kLeftActive | kRightActive | kHasHead | kLeftJointsStored | kRightJointsStored | kHeadPoseStored;
constexpr std::size_t kMinFrameBytes = 8 + 1 + 4;  // time, bits, body count

}  // namespace

void encodeInfo(std::vector<std::uint8_t>& out, const ClipInfo& info, double rate) {
  ByteWriter w(out);
  w.f64(rate);
  w.str(info.name);
  w.str(info.source);
  w.str(info.sourceFormat);
  w.str(info.rigMap);
  w.u32(static_cast<std::uint32_t>(info.filledJoints.size()));
  for (const std::string& s : info.filledJoints) w.str(s);
}

void decodeInfo(ByteReader& r, ClipInfo& info, double& rate) {
  rate = r.f64();
  info.name = r.str();
  info.source = r.str();
  info.sourceFormat = r.str();
  info.rigMap = r.str();
  const std::size_t n = r.count(4, kMaxListItems, "filled joints");
  info.filledJoints.reserve(n);
  for (std::size_t i = 0; i < n && r.ok(); ++i) info.filledJoints.push_back(r.str());
}

void encodeSkeleton(std::vector<std::uint8_t>& out, const Skeleton& body) {
  ByteWriter w(out);
  w.str(body.name);
  w.u32(static_cast<std::uint32_t>(body.joints.size()));
  for (std::size_t i = 0; i < body.joints.size(); ++i) {
    w.str(body.joints[i]);
    w.i32(i < body.parents.size() ? body.parents[i] : -1);
  }
  w.u32(static_cast<std::uint32_t>(body.groups.size()));
  for (const JointGroup& g : body.groups) {
    w.str(g.name);
    w.u32(static_cast<std::uint32_t>(g.joints.size()));
    for (int j : g.joints) w.i32(j);
  }
}

void decodeSkeleton(ByteReader& r, Skeleton& body) {
  body.name = r.str();
  const std::size_t n = r.count(8, kMaxBodyJoints, "skeleton joints");
  body.joints.reserve(n);
  body.parents.reserve(n);
  for (std::size_t i = 0; i < n && r.ok(); ++i) {
    body.joints.push_back(r.str());
    const std::int32_t parent = r.i32();
    // Parents before children: everything downstream walks joints in index order.
    if (r.ok() && (parent < -1 || parent >= static_cast<std::int32_t>(i)))
      r.fail("joint " + std::to_string(i) + " has parent " + std::to_string(parent) +
             ", which is not an earlier joint");
    body.parents.push_back(parent);
  }
  const std::size_t groups = r.count(8, kMaxListItems, "joint groups");
  body.groups.reserve(groups);
  for (std::size_t g = 0; g < groups && r.ok(); ++g) {
    JointGroup group;
    group.name = r.str();
    const std::size_t m = r.count(4, kMaxBodyJoints, "group joints");
    group.joints.reserve(m);
    for (std::size_t k = 0; k < m && r.ok(); ++k) {
      const std::int32_t j = r.i32();
      if (r.ok() && (j < 0 || j >= static_cast<std::int32_t>(n)))
        r.fail("group '" + group.name + "' names joint " + std::to_string(j) + " of " + std::to_string(n));
      group.joints.push_back(j);
    }
    body.groups.push_back(std::move(group));
  }
}

void encodeFrames(std::vector<std::uint8_t>& out, std::span<const Frame> frames) {
  ByteWriter w(out);
  w.u32(static_cast<std::uint32_t>(frames.size()));
  for (const Frame& f : frames) {
    const bool leftStored = !jointsAreDefault(f.hand(Hand::Left));
    const bool rightStored = !jointsAreDefault(f.hand(Hand::Right));
    const bool headStored = !poseIsIdentityBits(f.head);
    std::uint8_t bits = 0;
    if (f.hand(Hand::Left).active) bits |= kLeftActive;
    if (f.hand(Hand::Right).active) bits |= kRightActive;
    if (f.hasHead) bits |= kHasHead;
    if (leftStored) bits |= kLeftJointsStored;
    if (rightStored) bits |= kRightJointsStored;
    if (headStored) bits |= kHeadPoseStored;
    w.f64(f.time);
    w.u8(bits);
    w.u32(static_cast<std::uint32_t>(f.body.size()));
    if (leftStored)
      for (const JointPose& j : f.hand(Hand::Left).joints) putJoint(w, j);
    if (rightStored)
      for (const JointPose& j : f.hand(Hand::Right).joints) putJoint(w, j);
    if (headStored) poseTo(w.grow(kPoseBytes), f.head);
    for (const JointPose& j : f.body) putJoint(w, j);
  }
}

void decodeFrames(ByteReader& r, std::size_t framesSoFar, std::vector<Frame>& frames) {
  const std::size_t limit = framesSoFar < kMaxFrames ? kMaxFrames - framesSoFar : 0;
  const std::size_t n = r.count(kMinFrameBytes, limit, "frames");
  for (std::size_t i = 0; i < n && r.ok(); ++i) {
    Frame& f = frames.emplace_back();  // decoded in place (a Frame is ~2 KB); dropped if bad
    f.time = r.f64();
    const std::uint8_t bits = r.u8();
    // New per-frame data would change the record size, so it must come in a new chunk type;
    // an unknown bit therefore means damage or a writer bug, never a newer minor version.
    if (r.ok() && (bits & ~kKnownFrameBits) != 0) r.fail("frame has unknown flag bits " + std::to_string(bits));
    const std::size_t bodyCount = r.count(0, kMaxBodyJoints, "body joints");
    f.hand(Hand::Left).active = (bits & kLeftActive) != 0;
    f.hand(Hand::Right).active = (bits & kRightActive) != 0;
    f.hasHead = (bits & kHasHead) != 0;
    if (bits & kLeftJointsStored)
      for (JointPose& j : f.hand(Hand::Left).joints) getJoint(r, j);
    if (bits & kRightJointsStored)
      for (JointPose& j : f.hand(Hand::Right).joints) getJoint(r, j);
    if (bits & kHeadPoseStored) f.head = getPose(r);
    if (r.ok() && bodyCount > r.remaining() / kJointRecordBytes) {
      r.fail("frame declares " + std::to_string(bodyCount) + " body joints but only " +
             std::to_string(r.remaining()) + " bytes follow");
    }
    if (!r.ok()) { frames.pop_back(); break; }
    f.body.resize(bodyCount);
    for (JointPose& j : f.body) getJoint(r, j);
  }
}

void encodeEvents(std::vector<std::uint8_t>& out, std::span<const MrecEvent> events) {
  ByteWriter w(out);
  w.u32(static_cast<std::uint32_t>(events.size()));
  for (const MrecEvent& e : events) {
    w.f64(e.time);
    w.str(e.kind);
    w.str(e.payload);
  }
}

void decodeEvents(ByteReader& r, std::size_t eventsSoFar, std::vector<MrecEvent>& events) {
  const std::size_t limit = eventsSoFar < kMaxEvents ? kMaxEvents - eventsSoFar : 0;
  const std::size_t n = r.count(16, limit, "events");
  for (std::size_t i = 0; i < n && r.ok(); ++i) {
    MrecEvent e;
    e.time = r.f64();
    e.kind = r.str();
    e.payload = r.str();
    if (r.ok()) events.push_back(std::move(e));
  }
}

void encodeSegments(std::vector<std::uint8_t>& out, std::span<const Segment> segments) {
  ByteWriter w(out);
  w.u32(static_cast<std::uint32_t>(segments.size()));
  for (const Segment& s : segments) {
    w.str(s.name);
    w.f64(s.start);
    w.f64(s.end);
  }
}

void decodeSegments(ByteReader& r, std::vector<Segment>& segments) {
  const std::size_t n = r.count(20, kMaxListItems, "segments");
  for (std::size_t i = 0; i < n && r.ok(); ++i) {
    Segment s;
    s.name = r.str();
    s.start = r.f64();
    s.end = r.f64();
    if (r.ok()) segments.push_back(std::move(s));
  }
}

void encodeAnnotations(std::vector<std::uint8_t>& out, std::span<const Annotation> annotations) {
  ByteWriter w(out);
  w.u32(static_cast<std::uint32_t>(annotations.size()));
  for (const Annotation& a : annotations) {
    w.str(a.kind);
    w.f64(a.start);
    w.f64(a.end);
    w.f64(a.value);
    w.str(a.text);
  }
}

void decodeAnnotations(ByteReader& r, std::vector<Annotation>& annotations) {
  const std::size_t n = r.count(32, kMaxListItems, "annotations");
  for (std::size_t i = 0; i < n && r.ok(); ++i) {
    Annotation a;
    a.kind = r.str();
    a.start = r.f64();
    a.end = r.f64();
    a.value = r.f64();
    a.text = r.str();
    if (r.ok()) annotations.push_back(std::move(a));
  }
}

void encodeEnd(std::vector<std::uint8_t>& out, std::uint64_t frameCount, std::uint64_t eventCount) {
  ByteWriter w(out);
  w.u64(frameCount);
  w.u64(eventCount);
}

void decodeEnd(ByteReader& r, std::uint64_t& frameCount, std::uint64_t& eventCount) {
  frameCount = r.u64();
  eventCount = r.u64();
}

void finishPayload(ByteReader& r, bool strict) {
  if (strict && r.ok() && r.remaining() != 0)
    r.fail(std::to_string(r.remaining()) + " unexpected bytes after the last field");
}

}  // namespace mimesis::mrec
