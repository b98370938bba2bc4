// FrameBuilder: composes the expert target, the learner, colours, cues, the facing model, the
// mirror, labels and the panel into a FrameDescription, reusing the output's storage.
#include "mimesis/session/FrameBuilder.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>

#include <glm/geometric.hpp>
#include <string>

#include "mimesis/motion/MeshSkinning.hpp"
#include "mimesis/motion/Mirroring.hpp"
#include "mimesis/session/BodyPlacement.hpp"
#include "mimesis/session/ErrorColours.hpp"
#include "mimesis/session/ViewCameras.hpp"

#include "FrameParts.hpp"

namespace mimesis {
namespace {

using namespace frame_parts;

ViewKind chooseView(const FrameInputs& in) {
  if (in.feedback == nullptr || in.view == ViewKind::Side) return in.view;
  return in.feedback->view == View::Facing ? ViewKind::Mirror : ViewKind::FirstPerson;
}

const CellGroupMap& twoHandLayout() {
  static const CellGroupMap k = [] {
    CellGroupMap m;
    for (int c = 0; c < kCellsPerSegment; ++c) m.group[static_cast<std::size_t>(c)] = c;
    return m;
  }();
  return k;
}

// The worst of the group's normalised errors, or nothing when it was not measured this frame.
std::optional<float> groupError(const FrameInputs& in, Hand hand, HandGroup group) {
  if (in.score == nullptr && in.cellErrors != nullptr) {
    const int cell = cellIndex(hand, group);
    const float e = (*in.cellErrors)[static_cast<std::size_t>(cell)];
    if (in.cellValid == nullptr || !(*in.cellValid)[static_cast<std::size_t>(cell)] || !std::isfinite(e))
      return std::nullopt;
    return std::clamp(e, 0.0f, 1e6f);
  }
  if (in.score == nullptr || !in.score->tracked) return std::nullopt;
  const CellGroupMap& map = in.scoreGroups != nullptr ? *in.scoreGroups : twoHandLayout();
  const int g = map.group[static_cast<std::size_t>(cellIndex(hand, group))];
  if (g < 0 || g >= static_cast<int>(in.score->groups.size())) return std::nullopt;
  const GroupFrameError& e = in.score->groups[static_cast<std::size_t>(g)];
  if (!e.valid) return std::nullopt;
  const ScoreReferences refs = in.scoring != nullptr ? in.scoring->references : ScoreReferences{};
  float r = std::max(ratio(e.shapeMm, refs.shapeMm), ratio(e.postureDeg, refs.postureDeg));
  if (group == HandGroup::WristPalm) r = std::max(r, ratio(e.placementMm, refs.placementMm));
  return r;
}

// An end-effector hand of a body clip (attachEndEffectorHands): no finger joint tracked.
bool wristAndPalmOnly(const HandPose& pose) {
  for (int j = 0; j < kHandJointCount; ++j)
    if (j != static_cast<int>(HandJoint::Wrist) && j != static_cast<int>(HandJoint::Palm) && pose.joints[static_cast<std::size_t>(j)].positionValid())
      return false;
  return true;
}

std::uint32_t cueBits(const FeedbackState* feedback, Hand hand) {
  if (feedback == nullptr) return 0;
  std::uint32_t bits = 0;
  const int n = std::clamp(feedback->cueCount, 0, kMaxCues);
  for (int i = 0; i < n; ++i) {
    const Cue& cue = feedback->cues[static_cast<std::size_t>(i)];
    if (!cue.onBody && cue.hand == hand) bits |= groupJointBits(cue.group);
  }
  return bits;
}

// The target hand h (see the header), transformed for the view, into `out`.
void targetHand(const Frame& expert, Hand h, ImitationMapping mapping, bool facing, const Pose& placement,
                HandPose& out) {
  const HandPose& src = expert.hand(mapping == ImitationMapping::Mirror ? opposite(h) : h);
  out = src;
  const bool placed = placement != Pose::identity();  // exact bytes when there is nothing to place
  for (JointPose& j : out.joints) {
    if (placed) j.pose = placement * j.pose;
    if (mapping == ImitationMapping::Mirror) j.pose = reflectX(j.pose);
    if (facing) j.pose = facingPose(j.pose);
  }
}

glm::vec3 bodyPoint(const glm::vec3& p, ImitationMapping mapping, bool facing) {
  glm::vec3 q = mapping == ImitationMapping::Mirror ? glm::vec3(-p.x, p.y, p.z) : p;
  return facing ? facingPoint(q) : q;
}

void addLabel(FrameDescription& out, Fill& fill, const glm::vec3& p, const char* text) {
  Label& l = nextSlot(out.labels, fill.labels);
  l.p_world = p;
  l.text = text;
  l.colour = glm::vec4(1.0f);
}

void addPanelLine(FrameDescription& out, Fill& fill, const std::string& text) {
  nextSlot(out.panel, fill.panel) = text;
}

// Draws one hand, as a mesh when the inputs give one for `meshSide`, else as joints and bones.
void addHand(const FrameInputs& in, const HandPose& pose, Hand meshSide, float opacity,
             const std::array<glm::vec4, kHandJointCount>& colours, const glm::vec4& meshColour,
             std::uint32_t highlighted, bool reflect, FrameDescription& out, Fill& fill) {
  const int s = index(meshSide);
  if (in.handMesh[s] >= 0 && in.handMeshData[s] != nullptr) {
    DrawnMesh& m = nextSlot(out.meshes, fill.meshes);
    m.mesh = in.handMesh[s];
    if (in.handMeshBinding[s] != nullptr) {
      handSkinMatrices(*in.handMeshData[s], *in.handMeshBinding[s], pose, m.skin);
    } else {
      handSkinMatrices(*in.handMeshData[s], bindMeshToHand(*in.handMeshData[s]), pose, m.skin);
    }
    m.colour = meshColour;
    m.opacity = opacity;
    m.reflect = reflect;
    // Per mesh joint: its hand joint's colour, highlighted joints mixed with the halo colour.
    const std::vector<int>* binding = in.handMeshBinding[s];
    const std::size_t joints = m.skin.size();
    m.jointColour.resize(joints);
    const glm::vec4 halo = DrawnHand{}.highlightColour;
    for (std::size_t j = 0; j < joints; ++j) {
      const int hj = binding != nullptr && j < binding->size() ? (*binding)[j] : -1;
      glm::vec4 c = hj >= 0 ? colours[static_cast<std::size_t>(hj)] : meshColour;
      if (hj >= 0 && (highlighted & (1u << hj)) != 0) c = glm::mix(c, halo, 0.6f);
      m.jointColour[j] = c;
    }
    return;
  }
  DrawnHand& d = nextSlot(out.hands, fill.hands);
  d.pose = pose;
  d.opacity = opacity;
  d.jointColour = colours;
  d.highlightedJoints = highlighted;
  d.highlightColour = DrawnHand{}.highlightColour;
  d.reflect = reflect;
}

}  // namespace

std::uint32_t groupJointBits(HandGroup group) {
  std::uint32_t bits = 0;
  for (int j = 0; j < kHandJointCount; ++j)
    if (handJointGroup(j) == group) bits |= 1u << j;
  return bits;
}

void buildFrameDescription(const FrameInputs& in, FrameDescription& out) {
  const ViewKind view = chooseView(in);
  const bool facing = view == ViewKind::Mirror;
  const FeedbackState defaults;
  const FeedbackState& fb = in.feedback != nullptr ? *in.feedback : defaults;
  float ghost = fb.ghostOpacity;
  if (!std::isfinite(ghost)) ghost = 0.0f;
  ghost = std::clamp(ghost, 0.0f, 1.0f);

  out.view = view;
  out.clearColour = FrameDescription{}.clearColour;
  out.floorGrid = true;
  out.floorHeight = 0.0f;
  Fill fill;

  // The learner, solid, coloured by error: its body when it has one, then its hands.
  const bool learnerPlaced = in.learner != nullptr && !in.learner->body.empty() && in.learnerBodyStart != nullptr;
  const Pose learnerPlacement =
      learnerPlaced ? bodyPlacement(*in.learnerBodyStart, in.learnerBodySkeleton) : Pose::identity();
  // Not in the facing view: its camera stands behind the learner's head, where the learner's own
  // body would hide the facing model.
  if (in.learner != nullptr && !in.learner->body.empty() && !facing)
    addLearnerBody(in, learnerPlacement, view == ViewKind::FirstPerson, out, fill);
  HandPose placedHand;
  if (in.learner != nullptr)
    for (Hand h : {Hand::Left, Hand::Right}) {
      if (!in.learner->hand(h).active) continue;
      placedHand = in.learner->hand(h);
      if (learnerPlaced)
        for (JointPose& j : placedHand.joints) j.pose = learnerPlacement * j.pose;
      const HandPose& pose = placedHand;
      std::array<glm::vec4, kHandGroupCount> groupColour{};
      std::optional<float> worst;
      for (int g = 0; g < kHandGroupCount; ++g) {
        const std::optional<float> e = groupError(in, h, static_cast<HandGroup>(g));
        groupColour[static_cast<std::size_t>(g)] = e ? errorColour(*e) : neutralHandColour();
        if (e && (!worst || *e > *worst)) worst = e;
      }
      std::array<glm::vec4, kHandJointCount> colours{};
      for (int j = 0; j < kHandJointCount; ++j)
        colours[static_cast<std::size_t>(j)] = groupColour[static_cast<std::size_t>(handJointGroup(j))];
      addHand(in, pose, h, 1.0f, colours, worst ? errorColour(*worst) : neutralHandColour(), cueBits(in.feedback, h),
              true, out, fill);
    }

  // The expert target: co-located ghost, or the facing model.
  if (in.expert != nullptr && ghost > 0.0f) {
    std::array<glm::vec4, kHandJointCount> colours{};
    colours.fill(ghostColour());
    const Pose placement = in.bodyStart != nullptr && !in.expert->body.empty()
                               ? bodyPlacement(*in.bodyStart, in.bodySkeleton)
                               : Pose::identity();
    // The body joint that carries a copy of the learner's hand h (see the header), or -1.
    const bool haveParents = in.bodySkeleton != nullptr && in.bodySkeleton->parents.size() == in.expert->body.size();
    const glm::vec3 eye = learnerEye(in);
    auto attachWrist = [&](Hand h) {
      const Hand source = in.mapping == ImitationMapping::Mirror ? opposite(h) : h;
      const HandPose& own = in.expert->hand(source);
      if (in.learner == nullptr || in.expert->body.empty() || !haveParents || !in.learner->hand(h).active) return -1;
      const JointPose& tracked = in.learner->hand(h)[HandJoint::Wrist];
      if (!tracked.positionValid() || !isFinite(tracked.pose.position)) return -1;
      if (own.active && !wristAndPalmOnly(own)) return -1;  // the clip's own hand is drawn there
      const int wrist = bodyWristJoint(*in.bodySkeleton, source);
      if (wrist < 0) return -1;
      const JointPose& jp = in.expert->body[static_cast<std::size_t>(wrist)];
      const glm::vec3 p = placement.apply(jp.pose.position);
      const bool shown = jp.positionValid() && isFinite(p) &&
                         !(view == ViewKind::FirstPerson && glm::distance(p, eye) < kGhostHeadClearance);
      return shown ? wrist : -1;
    };
    HandPose pose;
    for (Hand h : {Hand::Left, Hand::Right}) {
      const Hand source = in.mapping == ImitationMapping::Mirror ? opposite(h) : h;
      if (!in.expert->hand(source).active) continue;
      targetHand(*in.expert, h, in.mapping, facing, placement, pose);
      // Reflected for the facing model, the hand takes the other side's shape (and mesh). A
      // fingerless end-effector hand gives way to the learner's copy on the ghost's wrist.
      if (attachWrist(h) < 0)
        addHand(in, pose, facing ? opposite(h) : h, ghost, colours, ghostColour(), cueBits(in.feedback, h), !facing,
                out, fill);
      if (facing) {
        glm::vec3 p = pose[HandJoint::Palm].pose.position;
        if (!pose[HandJoint::Palm].positionValid() || !isFinite(p)) p = pose.wrist().position;
        if (isFinite(p)) addLabel(out, fill, p + glm::vec3(0.0f, 0.08f, 0.0f), source == Hand::Left ? "L" : "R");
      }
    }
    if (!in.expert->body.empty()) {
      DrawnSkeleton& b = nextSlot(out.bodies, fill.bodies);
      const std::size_t n = in.expert->body.size();
      b.p_world.resize(n);
      b.parents.resize(n);
      b.valid.resize(n);
      // First person, the learner stands inside the ghost: its head and neck, at the eye, would
      // fill the picture, so joints within kGhostHeadClearance of the learner's head are left out.
      for (std::size_t j = 0; j < n; ++j) {
        const JointPose& jp = in.expert->body[j];
        const glm::vec3 p = placement.apply(jp.pose.position);
        const bool ok = jp.positionValid() && isFinite(p) &&
                        !(view == ViewKind::FirstPerson && glm::distance(p, eye) < kGhostHeadClearance);
        b.p_world[j] = ok ? bodyPoint(p, in.mapping, facing) : glm::vec3(0.0f);
        b.valid[j] = ok;
        const int parent = haveParents ? in.bodySkeleton->parents[j] : -1;
        b.parents[j] = parent >= 0 && static_cast<std::size_t>(parent) < n ? parent : -1;
      }
      b.jointRadius = DrawnSkeleton{}.jointRadius;
      b.jointColour.clear();
      b.colour = ghostColour();
      b.opacity = ghost;
      b.reflect = !facing;

      // The learner's tracked hands attached at the ghost's wrists (see the header).
      for (Hand h : {Hand::Left, Hand::Right}) {
        const int wrist = attachWrist(h);
        if (wrist < 0 || !b.valid[static_cast<std::size_t>(wrist)]) continue;
        pose = in.learner->hand(h);
        if (facing)
          for (JointPose& j : pose.joints) j.pose = facingPose(j.pose);
        const JointPose& w = pose[HandJoint::Wrist];
        if (!w.positionValid() || !isFinite(w.pose.position)) continue;
        const glm::vec3 shift = b.p_world[static_cast<std::size_t>(wrist)] - w.pose.position;
        for (JointPose& j : pose.joints) j.pose.position += shift;
        addHand(in, pose, facing ? opposite(h) : h, ghost, colours, ghostColour(), cueBits(in.feedback, h), !facing,
                out, fill);
      }
    }
  }

  if (facing) {
    out.mirror = facingViewMirror();
    const Pose& T = out.mirror.T_world_mirror;
    addLabel(out, fill, T.apply(glm::vec3(0.0f, out.mirror.halfSize.y + 0.04f, 0.0f)), "you");
  } else {
    out.mirror = MirrorPlane{};
  }

  if (in.feedback != nullptr) {
    addPanelLine(out, fill, "Stage: " + std::string(stageName(fb.stage)));
    addPanelLine(out, fill, "Trial " + std::to_string(fb.trial + 1));
    if (!fb.message.empty()) addPanelLine(out, fill, fb.message);
    const int n = std::clamp(fb.cueCount, 0, kMaxCues);
    for (int i = 0; i < n; ++i)
      if (!fb.cues[static_cast<std::size_t>(i)].message.empty())
        addPanelLine(out, fill, fb.cues[static_cast<std::size_t>(i)].message);
  }

  out.hands.resize(fill.hands);
  out.bodies.resize(fill.bodies);
  out.meshes.resize(fill.meshes);
  out.labels.resize(fill.labels);
  out.panel.resize(fill.panel);
}

}  // namespace mimesis
