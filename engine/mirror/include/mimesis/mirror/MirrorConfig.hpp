// MirrorConfig: every threshold of the mirror observer and policy, with its documented default.
// The lesson file sets them (JSON, sections as below); MIRROR_MODEL.md explains each one.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "mimesis/core/Error.hpp"
#include "mimesis/mirror/MirrorTypes.hpp"
#include "mimesis/scoring/ScoringConfig.hpp"

namespace mimesis {

// Observer: how the estimates are measured. JSON section "observer".
struct ObserverConfig {
  double frameRateHz = 90.0;      // update() is called at this fixed rate (frames, not wall time)
  double windowSeconds = 3.0;     // sliding window of the resonance fit
  double lagMinMs = -100.0;       // lag search range; negative = the learner anticipates
  double lagMaxMs = 500.0;
  double minValidFraction = 0.8;  // tracked fraction of the window below which no fit is reported
  double minExpertMotionMm = 3.0; // expert RMS motion of a group below which it has no gain/resonance
  // Relative error = error / reference: fingertip error in the wrist frame / a finger's length,
  // wrist placement error (anchored, offset removed) / a hand's length.
  double shapeReferenceMm = 80.0;
  double placementReferenceMm = 180.0;
  double mappingSmoothingSeconds = 1.0;  // time constant of the mapping evidence
  double mappingDeltaScale = 0.1; // correlation difference giving confidence 1 - 1/e
  double errorSmoothingSeconds = 0.3;    // time constant of the live errors the cues read
  // Skill: a Kalman filter on log relative error per segment × cell.
  double skillPriorError = 0.5;   // prior relative error (a beginner)
  double skillPriorVariance = 1.0;      // prior variance of log error
  double skillProcessNoise = 0.02;      // variance added per trial (learning and forgetting)
  double skillObservationNoise = 0.09;  // variance of one trial's log error about the level
  double overImitationThreshold = 0.5;  // over-imitation index that counts as copying
};

// Ghost opacity: fades with mastery. JSON section "ghost".
struct GhostConfig {
  double ceiling = 0.9;       // Guided at mastery 0 (and Watch/Imagine)
  double floor = 0.25;        // Guided at mastery 1; Faded starts here
  double fadedFloor = 0.05;   // Faded at mastery 1
  double step = 0.05;         // opacity is quantised to this step (no flicker, few decisions)
  double anticipationLeadMs = 100.0;  // ghost leads the expert timeline in Guided/Faded
};

// Tempo. JSON section "tempo".
struct TempoConfig {
  double floor = 0.5;
  double stepDown = 0.1;
  double stepUp = 0.1;
  double lagHighMs = 300.0;         // trial lag above this slows the tempo
  double errorHigh = 0.35;          // relative error on a fast segment above this slows it
  double fastSegmentFraction = 0.7; // a segment is fast at >= this × the fastest one's speed
  double upMastery = 0.5;           // mean mastery from which the tempo returns toward 1
};

// Part practice. JSON section "partPractice".
struct PartPracticeConfig {
  double gap = 0.3;           // loop a segment whose mastery is this far below the others' mean
  double reintegrateGap = 0.1;// reintegrate once it is within this of the others
  int maxTrials = 3;          // ... or after this many looped trials
  int cooldownTrials = 2;     // whole-clip trials before another loop
  int minSegments = 2;
  int minTrials = 3;          // performing trials before the first loop (evidence first)
  // A learner bad everywhere has no gap: when even the best segment's mastery is below this,
  // the segment with the largest error level is looped.
  double lowMastery = 0.3;
};

// Cues. JSON section "cues".
struct CueConfig {
  int maxActive = 2;            // cues shown at once
  double minIntervalSeconds = 1.5;  // between two new cues
  int maxPerMinute = 12;        // ceiling of the cue rate over any 60 s
  double holdSeconds = 2.0;     // a cue stays this long
  double gainLow = 0.8;         // wording: "bigger" below, "smaller" above gainHigh
  double gainHigh = 1.25;
  double lagMs = 250.0;         // wording: "earlier" above
  // Body lessons: an end-effector's offset (LiveEffectorErrors) counts as relative error
  // offset / effectorReferenceMm against the segment's tolerance band, so at the initial band
  // (0.15) a hand, foot or head 75 mm off is cued and at the final one (0.08) 40 mm; UI-PRMD's
  // correct repetitions differ by a median 28 mm about the root (SCORING.md).
  double effectorReferenceMm = 500.0;
  // Seconds over which the offsets are smoothed (first-order), so one noisy frame cues nothing.
  double effectorSmoothingSeconds = 0.4;
};

// Tolerance bands (relative error). JSON section "tolerance".
struct ToleranceConfig {
  double initial = 0.15;
  double final = 0.08;
  double narrowFactor = 0.9;    // multiplicative step
  double narrowAtMastery = 0.85;
};

// Feedback after trials. JSON section "feedback".
struct FeedbackConfig {
  int summaryEveryComplex = 3;  // trials between summaries, clips with >= complexSegments
  int summaryEverySimple = 5;
  int complexSegments = 3;
  double showMeDelaySeconds = 2.0;  // quiet moment before "show me" is offered
  double showMeTempo = 0.5;
  double trendPoints = 3.0;     // score change that counts as "up" / "down"
  double scoreReference = 0.3;  // fallback score: 100 exp(-mean relative error / this)
  double cutShortFraction = 0.9;  // a trial covering less of the span shown was cut short
};

// Perspective change on mapping confusion. JSON section "perspective".
struct PerspectiveConfig {
  ImitationMapping expected = ImitationMapping::Anatomical;  // what the lesson asks for
  double confidence = 0.7;      // confidence of the other mapping needed
  double holdSeconds = 2.0;     // ... held this long
  bool switchView = true;       // the scene allows the change to the first-person view
  // The view a lesson starts in and returns to after Imagine: the scene's "view" key (a side
  // view is a desktop camera, not a mirror-model view, so it counts as facing here). Not a JSON
  // setting of the mirror model: the scene says it once for every front end.
  View home = View::Facing;
};

// Rapport: the facing model echoes the learner's head. Off by default. JSON section "rapport".
struct RapportConfig {
  bool enabled = false;
  double delaySeconds = 3.0;
  double gain = 0.3;
};

// Stages. JSON section "stages".
struct StageConfig {
  int watchTrials = 1;
  int imagineTrials = 1;
  double advanceMastery = 0.8;  // mean mastery to hold ...
  int advanceTrials = 3;        // ... for this many consecutive trials (K)
  double stepBackRatio = 1.5;   // unguided error > this × guided error ...
  int stepBackTrials = 2;       // ... for this many consecutive trials: step back
};

// Grades: what the knowledge of results and summaries may call good. Not a JSON section: the
// session copies the scorer's grade bands (ScoringConfig::grades, the bands of the score table
// and report) and each stage's pass score (scene key stages.<stage>.passScore) into it.
struct GradeConfig {
  GradeThresholds bands;
  std::array<double, kStageCount> passScore{70.0, 70.0, 70.0, 70.0, 70.0, 70.0};  // by Stage
  double passFor(Stage s) const { return passScore[static_cast<std::size_t>(s)]; }
};

struct MirrorConfig {
  ObserverConfig observer;
  GhostConfig ghost;
  TempoConfig tempo;
  PartPracticeConfig partPractice;
  CueConfig cues;
  ToleranceConfig tolerance;
  FeedbackConfig feedback;
  PerspectiveConfig perspective;
  RapportConfig rapport;
  StageConfig stages;
  GradeConfig grades;
};

// Checks ranges (positive rates, ordered floors/ceilings...). `where` names the source.
Status validateMirrorConfig(const MirrorConfig& config, const std::string& where);

// Reads a config from JSON: an object of the sections above, each an object of the fields
// above (same names); absent keys keep their defaults. Unknown sections or keys, wrong types
// and out-of-range values are BadInput with `where` + ": key 'section.key'".
Result<MirrorConfig> mirrorConfigFromJson(const nlohmann::json& json, const std::string& where);
Result<MirrorConfig> mirrorConfigFromJson(std::string_view text, const std::string& where);

// The config as JSON (every key, the inverse of mirrorConfigFromJson).
std::string mirrorConfigToJson(const MirrorConfig& config);

}  // namespace mimesis
