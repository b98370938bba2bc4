// Lesson: one scene file (scenes/*.json) resolved into what a session needs — the expert clip,
// the imitation mapping, how many trials, per-stage pass criteria, the scorer's references and
// the mirror model's thresholds. The schema is documented in scenes/README.md.
#pragma once

#include <array>
#include <functional>
#include <string>
#include <string_view>

#include "mimesis/core/Error.hpp"
#include "mimesis/mirror/MirrorConfig.hpp"
#include "mimesis/motion/BodyEndEffectors.hpp"
#include "mimesis/motion/Clip.hpp"
#include "mimesis/scoring/ScoringConfig.hpp"

namespace mimesis {

// Per-stage criteria ("stages": {"guided": {...}}). A performed trial in the stage passes when
// its score reaches passScore; maxTrials (0 = no limit) ends the lesson when the learner has
// spent that many trials in the stage without the mirror model moving on (the learner is stuck).
struct StageCriteria {
  double passScore = 70.0;  // 0–100
  int maxTrials = 0;
};

// The view a lesson opens in ("view" in the scene; added with authoring, absent in older scenes,
// which open facing): "facing" — the expert faces the learner and the mirror model may switch
// to first person on mapping confusion; "first-person" — the expert's hands where the
// learner's are; "side". Front ends with a fixed view (the headset is always first person)
// ignore it.
enum class LessonView { Facing, FirstPerson, Side };
std::string_view lessonViewName(LessonView v);  // "facing", "first-person", "side"

struct Lesson {
  std::string name;          // "name" in the scene, else the scene file's stem
  std::string scenePath;     // as given to loadLesson (used in every error's `where`)
  std::string description;   // "description": free text for people (shown in report.html)
  std::string clipRef;       // "clip" as written in the scene
  std::string rigMap;        // "rigMap": rig map name for BVH/glTF/FBX clips; empty = detect
  std::string clipPath;      // the file actually read
  Clip clip;                 // the expert; passes validateClip, at least two frames
  // A body clip's head, hands and feet (findBodyEndEffectors; all -1 for a hands-only clip).
  // A body clip without hands of its own gets hands at its hand joints (attachEndEffectorHands).
  BodyEndEffectors endEffectors{{-1, -1, -1, -1, -1}};
  ImitationMapping mapping = ImitationMapping::Anatomical;
  LessonView view = LessonView::Facing;  // "view"
  int trials = 8;            // default number of trials of a headless run
  std::array<StageCriteria, kStageCount> stages{};  // indexed by Stage
  ScoringConfig scoring;     // mapping follows `mapping`
  MirrorConfig mirror;       // observer.frameRateHz is set to the clip's rate
};

// Reads an expert clip file; the session itself only knows the formats of the motion module
// (.mkeys, .mrec). The `mimesis` command passes motion_import's loadClip for the others, with
// the scene's "rigMap" (empty: detect from the joint names; formats without a rig ignore it).
using ClipLoaderFn = std::function<Result<Clip>(const std::string& path, const std::string& rigMap)>;

// The built-in loader: .mkeys (loadKeyframeClip) and .mrec (readMrec); else Unsupported.
Result<Clip> loadLessonClip(const std::string& path);

// Reads and validates a scene. The clip is looked for relative to the scene file's folder,
// then in the repository's assets/ folder (the scene folder's sibling). Errors are BadInput
// with where = "<scene>: key '<dotted.key>'" (unknown keys, wrong types, values out of range,
// a missing clip, a body clip whose skeleton lacks a head, hand or foot joint); an unreadable
// scene file is Io. Scene files above 1 MiB are refused.
// A "rigMap" with the built-in loader (no `loader`) is an error unless the clip is .mkeys or
// .mrec, which carry hand joints already.
Result<Lesson> loadLesson(const std::string& scenePath, const ClipLoaderFn& loader = {});

// A learner recording made ready for `lesson`: on a body lesson its body joints are put in the
// order of the expert's skeleton by name (matchBodySkeleton; BadInput naming the joints it
// lacks, where = `where`), and a recording without hands gets them at its hand joints as the
// expert did (attachEndEffectorHands). On a hands-only lesson it is returned unchanged.
Result<Clip> prepareLearnerClip(const Lesson& lesson, const Clip& recording, const std::string& where);
// The same on text in memory; `scenePath` names it and anchors the clip lookup.
Result<Lesson> parseLesson(std::string_view text, const std::string& scenePath,
                           const ClipLoaderFn& loader = {});

}  // namespace mimesis
