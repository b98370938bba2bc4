// Normalising clips into streams: hand shape in the wrist frame, body shape about the root,
// placement against an anchor, joint angles; tracking gaps stay gaps.
#include "mimesis/scoring/MotionStream.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>

#include <glm/geometric.hpp>

#include "mimesis/motion/Mirroring.hpp"

namespace mimesis {
namespace {

constexpr std::size_t kMaxScoringFrames = 20'000'000;  // > 2 days at 90 Hz

std::string handGroupLabel(Hand h, HandGroup g) {
  std::string s(handName(h));
  s += ' ';
  s += handGroupName(g);
  if (g != HandGroup::WristPalm && g != HandGroup::Thumb) s += " finger";
  return s;
}

std::string wordsOf(const std::string& name) {
  std::string s = name;
  std::replace(s.begin(), s.end(), '_', ' ');
  return s;
}

void addHand(StreamLayout& L, Hand h) {
  const int unit = index(h);
  const int base = static_cast<int>(L.tracks.size());
  const int firstGroup = static_cast<int>(L.groups.size());
  for (int g = 0; g < kHandGroupCount; ++g) {
    TrackGroup grp;
    const auto hg = static_cast<HandGroup>(g);
    grp.name = std::string(handName(h)) + "/" + std::string(handGroupName(hg));
    grp.label = handGroupLabel(h, hg);
    grp.unit = unit;
    grp.isUnitRoot = hg == HandGroup::WristPalm;
    grp.isThumb = hg == HandGroup::Thumb;
    grp.isFinger = hg != HandGroup::WristPalm;
    L.groups.push_back(grp);
  }
  for (int j = 0; j < kHandJointCount; ++j) {
    Track t;
    t.name = std::string(handName(h)) + "/" + std::string(handJointName(j));
    t.unit = unit;
    t.group = firstGroup + static_cast<int>(handJointGroup(j));
    const int parent = handJointParent(j);
    t.parent = parent < 0 ? -1 : base + parent;
    t.role = parent < 0 ? TrackRole::Root : (isFingertip(j) ? TrackRole::EndEffector : TrackRole::Joint);
    L.groups[static_cast<std::size_t>(t.group)].tracks.push_back(base + j);
    if (isFingertip(j)) L.groups[static_cast<std::size_t>(t.group)].endEffector = base + j;
    L.tracks.push_back(t);
  }
  L.groups[static_cast<std::size_t>(firstGroup)].endEffector = base + index(HandJoint::Wrist);
  L.unitRoot[static_cast<std::size_t>(unit)] = base + index(HandJoint::Wrist);
  const int wrist = base + index(HandJoint::Wrist);
  // Flexion: the bend at each joint of a finger (thumb from its metacarpal, others from the
  // proximal joint: their metacarpals sit rigidly in the palm).
  for (int f = 0; f < kFingerCount; ++f) {
    const auto chain = fingerJoints(static_cast<Finger>(f));
    const int group = firstGroup + 1 + f;
    const std::size_t first = f == 0 ? 0 : 1;
    for (std::size_t k = first; k + 1 < chain.size(); ++k) {
      const int prev = k == 0 ? wrist : base + chain[k - 1];
      L.angles.push_back({prev, base + chain[k], base + chain[k], base + chain[k + 1], group});
    }
  }
  // Abduction: spread between neighbouring fingers' proximal phalanges (thumb: metacarpal).
  auto bone = [&](Finger f, std::size_t k) {
    const auto c = fingerJoints(f);
    return std::pair<int, int>{base + c[k], base + c[k + 1]};
  };
  const std::pair<Finger, Finger> pairs[] = {{Finger::Thumb, Finger::Index},
                                             {Finger::Index, Finger::Middle},
                                             {Finger::Ring, Finger::Middle},
                                             {Finger::Little, Finger::Ring}};
  for (const auto& [own, other] : pairs) {
    const auto a = bone(own, own == Finger::Thumb ? 0 : 1);
    const auto b = bone(other, 1);
    L.angles.push_back({a.first, a.second, b.first, b.second, firstGroup + 1 + static_cast<int>(own)});
  }
}

void addBody(StreamLayout& L, const Skeleton& s) {
  const int unit = static_cast<int>(UnitKind::Body);
  const int base = static_cast<int>(L.tracks.size());
  const int firstGroup = static_cast<int>(L.groups.size());
  const int n = s.jointCount();
  std::vector<int> groupOf(static_cast<std::size_t>(n), -1);
  for (std::size_t g = 0; g < s.groups.size(); ++g) {
    TrackGroup grp;
    grp.name = "body/" + s.groups[g].name;
    grp.label = wordsOf(s.groups[g].name);
    grp.unit = unit;
    L.groups.push_back(grp);
    for (int j : s.groups[g].joints)
      if (j >= 0 && j < n && groupOf[static_cast<std::size_t>(j)] < 0)
        groupOf[static_cast<std::size_t>(j)] = firstGroup + static_cast<int>(g);
  }
  for (int j = 0; j < n; ++j)
    if (groupOf[static_cast<std::size_t>(j)] < 0) {
      if (static_cast<int>(L.groups.size()) == firstGroup + static_cast<int>(s.groups.size())) {
        TrackGroup other;
        other.name = "body/other";
        other.label = "body";
        other.unit = unit;
        L.groups.push_back(other);
      }
      groupOf[static_cast<std::size_t>(j)] = static_cast<int>(L.groups.size()) - 1;
    }
  std::vector<int> childCount(static_cast<std::size_t>(n), 0), firstChild(static_cast<std::size_t>(n), -1);
  for (int j = 0; j < n; ++j) {
    const int p = s.parents[static_cast<std::size_t>(j)];
    if (p >= 0 && p < n) {
      if (firstChild[static_cast<std::size_t>(p)] < 0) firstChild[static_cast<std::size_t>(p)] = j;
      ++childCount[static_cast<std::size_t>(p)];
    }
  }
  for (int j = 0; j < n; ++j) {
    Track t;
    t.name = "body/" + s.joints[static_cast<std::size_t>(j)];
    t.unit = unit;
    t.group = groupOf[static_cast<std::size_t>(j)];
    const int p = s.parents[static_cast<std::size_t>(j)];
    t.parent = p >= 0 ? base + p : -1;
    t.role = p < 0 ? TrackRole::Root : (childCount[static_cast<std::size_t>(j)] == 0 ? TrackRole::EndEffector : TrackRole::Joint);
    L.tracks.push_back(t);
    TrackGroup& g = L.groups[static_cast<std::size_t>(t.group)];
    g.tracks.push_back(base + j);
    g.endEffector = base + j;  // last joint of the group in topological order: the extremity
    if (p >= 0 && firstChild[static_cast<std::size_t>(j)] >= 0)
      L.angles.push_back({base + p, base + j, base + j, base + firstChild[static_cast<std::size_t>(j)], t.group});
  }
  L.unitRoot[static_cast<std::size_t>(unit)] = base;
  if (n > 0) L.groups[static_cast<std::size_t>(groupOf[0])].isUnitRoot = true;
  L.bodyJointCount = n;
  for (int j = 0; j < n && L.bodyHead < 0; ++j) {
    std::string name = s.joints[static_cast<std::size_t>(j)];
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (name == "head") L.bodyHead = j;
  }
}

bool finitePos(const glm::vec3& p) { return std::isfinite(p.x) && std::isfinite(p.y) && std::isfinite(p.z); }

// Normalised orientation, or nullopt when it is not a usable rotation.
std::optional<glm::quat> unitQuat(const glm::quat& q) {
  if (!isFinite(q)) return std::nullopt;
  const float n = std::sqrt(q.w * q.w + q.x * q.x + q.y * q.y + q.z * q.z);
  if (!(n > 1e-6f)) return std::nullopt;
  return glm::quat(q.w / n, q.x / n, q.y / n, q.z / n);
}

float angleDeg(const glm::vec3& a, const glm::vec3& b) {
  const float s = glm::length(glm::cross(a, b));
  const float c = glm::dot(a, b);
  return std::atan2(s, c) * 57.29577951308232f;
}

}  // namespace

StreamLayout makeStreamLayout(const Clip& clip) {
  StreamLayout L;
  addHand(L, Hand::Left);
  addHand(L, Hand::Right);
  if (!clip.body.empty()) addBody(L, clip.body);
  return L;
}

namespace {

// Sizes every per-frame array of `s` for `frames` frames; new entries are the untracked defaults.
void sizeStream(MotionStream& s, std::size_t frames) {
  const StreamLayout& L = *s.layout;
  const std::size_t T = L.tracks.size(), A = L.angles.size(), U = kUnitCount;
  s.local.resize(frames * T, glm::vec3(0.0f));
  s.valid.resize(frames * T, 0);
  s.placement.resize(frames * U, glm::vec3(0.0f));
  s.orientation.resize(frames * U, glm::quat(1.0f, 0.0f, 0.0f, 0.0f));
  s.unitValid.resize(frames * U, 0);
  s.angles.resize(frames * A, 0.0f);
  s.angleValid.resize(frames * A, 0);
}

// Fills stream frame `f` (already sized, holding the defaults) from `frame`.
void writeStreamFrame(const Frame& frame, const Skeleton& body, const StreamOptions& opt,
                      StreamAnchorState& anchor, MotionStream& s, std::size_t f, Frame& scratch) {
  const StreamLayout& L = *s.layout;
  const std::size_t T = L.tracks.size();

  const Frame* src = &frame;
  if (opt.mirror) {
    mirrorFrame(frame, body, scratch);
    src = &scratch;
  }
  std::optional<Pose> T_head_world;
  if (opt.anchor == Anchor::Head && src->hasHead && isFinite(src->head.position))
    if (auto q = unitQuat(src->head.orientation)) T_head_world = Pose{src->head.position, *q}.inverse();
  if (opt.anchor == Anchor::BodyHead && L.bodyHead >= 0 && src->body.size() == static_cast<std::size_t>(L.bodyJointCount)) {
    const JointPose& h = src->body[static_cast<std::size_t>(L.bodyHead)];
    // Position only: a body joint's orientation is often a by-product of the rig (or absent).
    if (h.positionValid() && finitePos(h.pose.position))
      T_head_world = Pose{-h.pose.position, glm::quat(1.0f, 0.0f, 0.0f, 0.0f)};
  }

  glm::vec3* local = s.local.data() + f * T;
  std::uint8_t* valid = s.valid.data() + f * T;
  auto place = [&](int unit, const glm::vec3& p_world, const glm::quat& q_world) {
    const std::size_t u = f * kUnitCount + static_cast<std::size_t>(unit);
    if (opt.anchor == Anchor::Head || opt.anchor == Anchor::BodyHead) {
      if (!T_head_world) return;
      s.placement[u] = T_head_world->apply(p_world);
      s.orientation[u] = T_head_world->orientation * q_world;
    } else {
      if (!anchor.set[static_cast<std::size_t>(unit)]) {
        anchor.set[static_cast<std::size_t>(unit)] = true;
        anchor.origin[static_cast<std::size_t>(unit)] = p_world;
      }
      s.placement[u] = p_world - anchor.origin[static_cast<std::size_t>(unit)];
      s.orientation[u] = q_world;
    }
    s.unitValid[u] = 1;
    s.unitPresent[static_cast<std::size_t>(unit)] = true;
  };

  HandPose retargeted;
  for (int h = 0; h < 2; ++h) {
    const int root = L.unitRoot[static_cast<std::size_t>(h)];
    if (root < 0) continue;
    const HandPose* hp = &src->hands[static_cast<std::size_t>(h)];
    const auto& target = h == 0 ? opt.retargetLeft : opt.retargetRight;
    if (target) {
      retargetHand(*hp, *target, retargeted);
      hp = &retargeted;
    }
    if (!hp->active) continue;
    const JointPose& w = hp->joints[static_cast<std::size_t>(index(HandJoint::Wrist))];
    if (!w.positionValid() || !w.orientationValid() || !finitePos(w.pose.position)) continue;
    const auto q = unitQuat(w.pose.orientation);
    if (!q) continue;
    const Pose T_wrist_world = Pose{w.pose.position, *q}.inverse();
    const int base = root - index(HandJoint::Wrist);
    for (int j = 0; j < kHandJointCount; ++j) {
      const JointPose& jp = hp->joints[static_cast<std::size_t>(j)];
      if (!jp.positionValid() || !finitePos(jp.pose.position)) continue;
      const glm::vec3 p = T_wrist_world.apply(jp.pose.position);
      if (!finitePos(p)) continue;
      local[base + j] = p;
      valid[base + j] = 1;
    }
    place(h, w.pose.position, *q);
  }

  const int bodyRoot = L.unitRoot[static_cast<std::size_t>(UnitKind::Body)];
  if (bodyRoot >= 0 && src->body.size() == static_cast<std::size_t>(L.bodyJointCount) && L.bodyJointCount > 0) {
    const JointPose& r = src->body[0];
    if (r.positionValid() && finitePos(r.pose.position)) {
      const glm::vec3 root = r.pose.position;
      for (int j = 0; j < L.bodyJointCount; ++j) {
        const JointPose& jp = src->body[static_cast<std::size_t>(j)];
        if (!jp.positionValid() || !finitePos(jp.pose.position)) continue;
        const glm::vec3 p = (jp.pose.position - root) * opt.bodyScale;
        if (!finitePos(p)) continue;
        local[bodyRoot + j] = p;
        valid[bodyRoot + j] = 1;
      }
      const int unit = static_cast<int>(UnitKind::Body);
      // Placement of the body is measured at the learner's scale too.
      const glm::vec3 scaled = root * opt.bodyScale;
      // A body carries its own head joint, so its root is anchored at its own start.
      if (!anchor.set[static_cast<std::size_t>(unit)]) {
        anchor.set[static_cast<std::size_t>(unit)] = true;
        anchor.origin[static_cast<std::size_t>(unit)] = scaled;
      }
      const std::size_t u = f * kUnitCount + static_cast<std::size_t>(unit);
      s.placement[u] = scaled - anchor.origin[static_cast<std::size_t>(unit)];
      s.unitValid[u] = 1;
      s.unitPresent[static_cast<std::size_t>(unit)] = true;
    }
  }

  float* ang = s.angles.data() + f * L.angles.size();
  std::uint8_t* angOk = s.angleValid.data() + f * L.angles.size();
  for (std::size_t a = 0; a < L.angles.size(); ++a) {
    const AngleDef& d = L.angles[a];
    if (!valid[d.p0] || !valid[d.p1] || !valid[d.q0] || !valid[d.q1]) continue;
    const glm::vec3 u = local[d.p1] - local[d.p0];
    const glm::vec3 v = local[d.q1] - local[d.q0];
    if (!(glm::dot(u, u) > 1e-12f) || !(glm::dot(v, v) > 1e-12f)) continue;
    const float deg = angleDeg(u, v);
    if (!std::isfinite(deg)) continue;
    ang[a] = deg;
    angOk[a] = 1;
  }
}

}  // namespace

void appendStreamFrame(const Frame& frame, const Skeleton& body, const StreamOptions& opt,
                       StreamAnchorState& anchor, MotionStream& s, Frame& scratch) {
  const std::size_t f = static_cast<std::size_t>(s.frameCount);
  sizeStream(s, f + 1);
  s.times.push_back(frame.time);
  ++s.frameCount;
  writeStreamFrame(frame, body, opt, anchor, s, f, scratch);
}

StreamBuilder::StreamBuilder(const StreamLayout& layout, const Skeleton& body, double rate, std::size_t frames,
                             const StreamOptions& opt)
    : body_(body), opt_(opt), frames_(frames) {
  s_.layout = &layout;
  s_.rate = rate;
  // Sized once (not frame by frame): the same bytes as appending, without per-frame growth.
  sizeStream(s_, frames);
  s_.times.reserve(frames);
}

void StreamBuilder::add(const Frame& frame) {
  const std::size_t f = s_.times.size();
  if (f >= frames_) sizeStream(s_, f + 1);  // more frames than announced: grow (never in the scorer)
  s_.times.push_back(frame.time);
  s_.frameCount = static_cast<int>(f) + 1;
  writeStreamFrame(frame, body_, opt_, anchor_, s_, f, scratch_);
}

MotionStream StreamBuilder::finish() {
  if (s_.times.size() < frames_) sizeStream(s_, s_.times.size());  // fewer than announced
  const double t0 = s_.times.empty() ? 0.0 : s_.times.front();
  for (double& t : s_.times) t -= t0;
  return std::move(s_);
}

MotionStream buildStream(const Clip& clip, const StreamLayout& layout, const StreamOptions& opt) {
  StreamBuilder b(layout, clip.body, clip.rate, clip.frames.size(), opt);
  for (const Frame& fr : clip.frames) b.add(fr);
  return b.finish();
}

Status checkClipHeaderForScoring(const Clip& clip, std::size_t frames, const char* which) {
  const std::string where = std::string(which) + " clip";
  auto bad = [&](std::string msg) { return makeError(ErrorCode::BadInput, std::move(msg), where); };
  if (frames > kMaxScoringFrames) return makeError(ErrorCode::Limit, "too many frames (" + std::to_string(frames) + ")", where);
  if (!(clip.rate > 0.0) || !std::isfinite(clip.rate) || clip.rate > 10000.0) return bad("frame rate must be in (0, 10000]");
  if (frames < 2) return bad("needs at least 2 frames");
  const std::size_t nb = clip.body.joints.size();
  if (clip.body.parents.size() != nb) return bad("body skeleton parents/joints mismatch");
  for (std::size_t i = 0; i < nb; ++i)
    if (clip.body.parents[i] >= static_cast<int>(i)) return bad("body skeleton not topologically ordered");
  return okStatus();
}

Status checkClipForScoring(const Clip& clip, const char* which) {
  if (Status s = checkClipHeaderForScoring(clip, clip.frames.size(), which); !s) return s;
  const std::string where = std::string(which) + " clip";
  auto bad = [&](std::string msg) { return makeError(ErrorCode::BadInput, std::move(msg), where); };
  const std::size_t nb = clip.body.joints.size();
  for (std::size_t f = 0; f < clip.frames.size(); ++f) {
    const Frame& fr = clip.frames[f];
    if (!std::isfinite(fr.time)) return bad("frame " + std::to_string(f) + ": time is not finite");
    if (f > 0 && !(fr.time > clip.frames[f - 1].time)) return bad("frame " + std::to_string(f) + ": time does not increase");
    if (fr.body.size() != nb) return bad("frame " + std::to_string(f) + ": body joint count differs from the skeleton");
  }
  return okStatus();
}

}  // namespace mimesis
