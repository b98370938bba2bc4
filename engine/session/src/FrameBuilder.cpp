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
#include "mimesis/session/ErrorColours.hpp"
#include "mimesis/session/ViewCameras.hpp"

namespace mimesis {
namespace {

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

float ratio(double value, double reference) {
  if (!std::isfinite(value) || !(reference > 0.0) || !std::isfinite(reference)) return 0.0f;
  return static_cast<float>(std::clamp(value / reference, 0.0, 1e6));
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

std::uint32_t cueBits(const FeedbackState* feedback, Hand hand) {
  if (feedback == nullptr) return 0;
  std::uint32_t bits = 0;
  const int n = std::clamp(feedback->cueCount, 0, kMaxCues);
  for (int i = 0; i < n; ++i) {
    const Cue& cue = feedback->cues[static_cast<std::size_t>(i)];
    if (cue.hand == hand) bits |= groupJointBits(cue.group);
  }
  return bits;
}

// The target hand h (see the header), transformed for the view, into `out`.
void targetHand(const Frame& expert, Hand h, ImitationMapping mapping, bool facing, HandPose& out) {
  const HandPose& src = expert.hand(mapping == ImitationMapping::Mirror ? opposite(h) : h);
  out = src;
  for (JointPose& j : out.joints) {
    if (mapping == ImitationMapping::Mirror) j.pose = reflectX(j.pose);
    if (facing) j.pose = facingPose(j.pose);
  }
}

glm::vec3 bodyPoint(const glm::vec3& p, ImitationMapping mapping, bool facing) {
  glm::vec3 q = mapping == ImitationMapping::Mirror ? glm::vec3(-p.x, p.y, p.z) : p;
  return facing ? facingPoint(q) : q;
}

constexpr float kGhostHeadClearance = 0.25f;  // metres, see the header

// The body joint that carries side `side`'s hand: the wrist, by its usual names (CMU/Mixamo
// "LeftHand", Kinect/UI-PRMD "left_hand", "WristLeft", "left_wrist"; case, separators and a
// "prefix:" ignored). -1 when the skeleton has none.
int bodyWristJoint(const Skeleton& skeleton, Hand side) {
  static const char* const kLeft[] = {"lefthand", "handleft", "leftwrist", "wristleft", "lhand", "lwrist"};
  static const char* const kRight[] = {"righthand", "handright", "rightwrist", "wristright", "rhand", "rwrist"};
  const auto& names = side == Hand::Left ? kLeft : kRight;
  for (const char* want : names)
    for (std::size_t j = 0; j < skeleton.joints.size(); ++j) {
      std::string key;
      const std::string& raw = skeleton.joints[j];
      const std::size_t colon = raw.rfind(':');
      for (char c : colon == std::string::npos ? raw : raw.substr(colon + 1))
        if (std::isalnum(static_cast<unsigned char>(c)) != 0)
          key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (key == want) return static_cast<int>(j);
    }
  return -1;
}

// Counters into out's vectors, so existing elements (and their own vectors) are reused.
struct Fill {
  std::size_t hands = 0, bodies = 0, meshes = 0, labels = 0, panel = 0;
};

template <typename T>
T& nextSlot(std::vector<T>& v, std::size_t& used) {
  if (used == v.size()) v.emplace_back();
  return v[used++];
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

  // The learner, solid, coloured by error.
  if (in.learner != nullptr)
    for (Hand h : {Hand::Left, Hand::Right}) {
      const HandPose& pose = in.learner->hand(h);
      if (!pose.active) continue;
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
    HandPose pose;
    for (Hand h : {Hand::Left, Hand::Right}) {
      const Hand source = in.mapping == ImitationMapping::Mirror ? opposite(h) : h;
      if (!in.expert->hand(source).active) continue;
      targetHand(*in.expert, h, in.mapping, facing, pose);
      // Reflected for the facing model, the hand takes the other side's shape (and mesh).
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
      const bool haveParents = in.bodySkeleton != nullptr && in.bodySkeleton->parents.size() == n;
      b.p_world.resize(n);
      b.parents.resize(n);
      b.valid.resize(n);
      // First person, the learner stands inside the ghost: its head and neck, at the eye, would
      // fill the picture, so joints within kGhostHeadClearance of the learner's head are left out.
      const glm::vec3 eye = in.learner != nullptr && in.learner->hasHead && isFinite(in.learner->head.position)
                                ? in.learner->head.position
                                : Staging::defaultHead();
      for (std::size_t j = 0; j < n; ++j) {
        const JointPose& jp = in.expert->body[j];
        const bool ok = jp.positionValid() && isFinite(jp.pose.position) &&
                        !(view == ViewKind::FirstPerson && glm::distance(jp.pose.position, eye) < kGhostHeadClearance);
        b.p_world[j] = ok ? bodyPoint(jp.pose.position, in.mapping, facing) : glm::vec3(0.0f);
        b.valid[j] = ok;
        const int parent = haveParents ? in.bodySkeleton->parents[j] : -1;
        b.parents[j] = parent >= 0 && static_cast<std::size_t>(parent) < n ? parent : -1;
      }
      b.jointRadius = DrawnSkeleton{}.jointRadius;
      b.colour = ghostColour();
      b.opacity = ghost;
      b.reflect = !facing;

      // The learner's tracked hands attached at the ghost's wrists (see the header).
      if (in.learner != nullptr && in.bodySkeleton != nullptr && haveParents)
        for (Hand h : {Hand::Left, Hand::Right}) {
          const Hand source = in.mapping == ImitationMapping::Mirror ? opposite(h) : h;
          if (in.expert->hand(source).active) continue;  // the clip's own hand is drawn there
          const HandPose& tracked = in.learner->hand(h);
          const int wrist = bodyWristJoint(*in.bodySkeleton, source);
          if (!tracked.active || wrist < 0 || !b.valid[static_cast<std::size_t>(wrist)]) continue;
          pose = tracked;
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
