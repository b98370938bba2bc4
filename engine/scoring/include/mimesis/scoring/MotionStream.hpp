// MotionStream: a skeleton-agnostic, normalised view of a Clip — tracks (joints with group,
// parent and role) in their unit's local frame, unit placements relative to an anchor, and
// joint angles. One scoring pipeline serves OpenXR hands and body skeletons through it.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <glm/gtc/quaternion.hpp>
#include <glm/vec3.hpp>

#include "mimesis/core/Error.hpp"
#include "mimesis/motion/Clip.hpp"
#include "mimesis/motion/Retargeting.hpp"

namespace mimesis {

// A unit is a rigid reference the shape is measured in: the left hand (wrist frame), the right
// hand (wrist frame) or the body (root joint, axes of the world, scaled to the learner's size).
enum class UnitKind : std::uint8_t { LeftHand = 0, RightHand = 1, Body = 2 };
inline constexpr int kUnitCount = 3;

enum class TrackRole : std::uint8_t { Root, Joint, EndEffector };

struct Track {
  std::string name;   // "right/index_tip", "body/left_hand"
  int unit = 0;       // UnitKind as int
  int group = 0;      // index into MotionStream::groups
  int parent = -1;    // track index, -1 for a unit root
  TrackRole role = TrackRole::Joint;
};

struct TrackGroup {
  std::string name;    // "right/index", "body/left_arm" — stable key used in reports
  std::string label;   // coach words: "right index finger", "left arm"
  int unit = 0;
  bool isUnitRoot = false;   // the group that carries the unit's placement (wrist, trunk)
  bool isThumb = false;      // diagnosis words ("opens" for fingers)
  bool isFinger = false;
  std::vector<int> tracks;
  int endEffector = -1;      // track used for smoothness and tremor
};

// An angle between two bones (p1 - p0) and (q1 - q0), degrees; finger flexion is a bend at a
// joint (p1 == q0), abduction is the spread between neighbouring fingers' proximal bones.
struct AngleDef {
  int p0 = 0, p1 = 0, q0 = 0, q1 = 0;
  int group = 0;
};

// The track/group/angle layout; identical for the expert and the learner of one comparison.
struct StreamLayout {
  std::vector<Track> tracks;
  std::vector<TrackGroup> groups;
  std::vector<AngleDef> angles;
  std::array<int, kUnitCount> unitRoot{-1, -1, -1};  // root track per unit (-1: not in layout)
  int bodyJointCount = 0;
  int bodyHead = -1;  // body joint (skeleton index) named "head", -1 when the skeleton has none
};

// Layout for clips shaped like `clip`: both hands always, plus the body when the clip has a
// body skeleton (its groups become track groups; joints in no group join a "body/other" group).
StreamLayout makeStreamLayout(const Clip& clip);

// What unit placements are measured against. Head: the tracked head pose (VR). BodyHead: a body
// clip's own "head" joint (position, world axes) for the hands, when the frames carry no head
// pose; the body's root is always anchored at its own start. FirstWrist: each unit's first pose.
enum class Anchor : std::uint8_t { Head, FirstWrist, BodyHead };

// How to normalise one clip into a stream.
struct StreamOptions {
  bool mirror = false;                       // mirrorFrame each frame first
  std::optional<BoneLengths> retargetLeft;   // retarget hands to these lengths (after mirroring)
  std::optional<BoneLengths> retargetRight;
  float bodyScale = 1.0f;                    // multiplies body positions (to the learner's size)
  Anchor anchor = Anchor::FirstWrist;
};

struct MotionStream {
  const StreamLayout* layout = nullptr;  // borrowed; outlives the stream
  int frameCount = 0;
  double rate = 90.0;
  std::vector<double> times;                  // seconds from the first frame
  std::vector<glm::vec3> local;               // [frame * tracks + track], metres, unit frame
  std::vector<std::uint8_t> valid;            // [frame * tracks + track]
  std::vector<glm::vec3> placement;           // [frame * kUnitCount + unit], metres, anchored
  std::vector<glm::quat> orientation;         // [frame * kUnitCount + unit], unit frame vs anchor
  std::vector<std::uint8_t> unitValid;        // [frame * kUnitCount + unit]
  std::vector<float> angles;                  // [frame * angles + a], degrees
  std::vector<std::uint8_t> angleValid;       // [frame * angles + a]
  std::array<bool, kUnitCount> unitPresent{};  // unit valid in at least one frame

  int trackCount() const { return static_cast<int>(layout->tracks.size()); }
  int angleCount() const { return static_cast<int>(layout->angles.size()); }
  std::size_t at(int frame, int track) const {
    return static_cast<std::size_t>(frame) * layout->tracks.size() + static_cast<std::size_t>(track);
  }
  std::size_t unitAt(int frame, int unit) const {
    return static_cast<std::size_t>(frame) * kUnitCount + static_cast<std::size_t>(unit);
  }
  std::size_t angleAt(int frame, int a) const {
    return static_cast<std::size_t>(frame) * layout->angles.size() + static_cast<std::size_t>(a);
  }
};

// Normalises `clip` (not modified) into a stream over `layout`. Non-finite or unflagged joints
// are invalid; a hand without a valid wrist pose is invalid as a whole. Never produces NaN.
MotionStream buildStream(const Clip& clip, const StreamLayout& layout, const StreamOptions& opt);

// Anchor state of a stream built frame by frame: the first pose of each unit, for Anchor::FirstWrist.
struct StreamAnchorState {
  std::array<bool, kUnitCount> set{};
  std::array<glm::vec3, kUnitCount> origin{};
};

// buildStream one frame at a time, for frames that arrive as a recording is read (streamMrec):
// `frames` is how many will come (the arrays are sized once); the same bytes as buildStream over
// the same frames. `layout` and `body` are borrowed and must outlive the builder.
class StreamBuilder {
 public:
  StreamBuilder(const StreamLayout& layout, const Skeleton& body, double rate, std::size_t frames,
                const StreamOptions& opt);
  void add(const Frame& frame);
  MotionStream finish();  // times made relative to the first frame; call once

 private:
  const Skeleton& body_;
  StreamOptions opt_;
  std::size_t frames_ = 0;
  MotionStream s_;
  StreamAnchorState anchor_;
  Frame scratch_;
};

// Builds one stream frame from a single Frame (the live path). `firstWrist` holds the anchor of
// each unit for Anchor::FirstWrist and is set on the first valid frame. Appends to `stream`.
void appendStreamFrame(const Frame& frame, const Skeleton& body, const StreamOptions& opt,
                       StreamAnchorState& anchor, MotionStream& stream, Frame& scratch);

// Body size: median over valid frames of the summed bone lengths (metres); 0 if never valid.
float measureBodySize(const Clip& clip);

// Body reach: median over valid frames of the longest root-to-extremity bone chain (metres), a
// size that depends little on how many joints the skeleton has (unlike the summed lengths);
// 0 if never valid. Scores body shape errors at a nominal body size (ScoreReferences).
float measureBodyReach(const Clip& clip);

// Body excursion: how far the body's joints travel about their own mean place, relative to the
// root — the mean over non-root joints of the RMS distance of the root-relative position from
// its mean over the valid frames (metres); 0 if never valid. A squat measures ~0.17 m, a
// shoulder rotation ~0.013 m. Scales the body shape reference with the size of the lesson's
// movement (ScoreReferences::bodyExcursionExponent).
float measureBodyExcursion(const Clip& clip);

// Structural checks the scorer needs (rate, increasing finite times, body joint counts, a frame
// limit). Non-finite joint values are not errors here: they are treated as untracked.
Status checkClipForScoring(const Clip& clip, const char* which);

// The checks of checkClipForScoring that do not look at frames, for a clip of `frames` frames
// read as a stream (whose frames validateClip's rules, a superset of the rest, already passed).
Status checkClipHeaderForScoring(const Clip& clip, std::size_t frames, const char* which);

}  // namespace mimesis
