// ScoringConfig: every threshold, reference error and weight the scorer uses, with defaults.
#pragma once

#include <string_view>

namespace mimesis {

// How the learner's hands correspond to the expert's (scoring.md, "Mapping").
//  Anatomical: learner's right copies the expert's right.
//  Mirror: learner's right copies the expert's left reflected in X (facing the model).
//  Auto: both are tried; the lower alignment cost wins, reported with a confidence.
enum class Mapping { Anatomical, Mirror, Auto };
std::string_view mappingName(Mapping m);  // "anatomical", "mirror", "auto"

enum class Grade { Perfect, Good, Ok, Miss };
std::string_view gradeName(Grade g);  // "Perfect", "Good", "OK", "Miss"

// Score curves (documented in SCORE_REPORT.md): a metric with error e >= 0 scores
// 100 * exp(-e / ref), so an error equal to `ref` scores 36.8 and half of it 60.7.
struct ScoreReferences {
  double shapeMm = 20.0;        // mean joint position error in the wrist frame (hand groups)
  // Body groups' shape error about the root: limbs are ~10x fingers, and on UI-PRMD correct
  // repetitions of one subject differ by a median 28 mm, incorrect ones by 73 mm (SCORING.md).
  double bodyShapeMm = 40.0;
  // ... for a body of this reach (longest root-to-extremity bone chain, measureBodyReach); the
  // reference scales with the learner's reach, so body shape is scored at a nominal size.
  // UI-PRMD's Kinect subjects measure 1.14–1.33 m (median 1.24 m).
  double nominalBodyReachM = 1.2;
  // ... and for a lesson whose body moves this much: the expert's excursion
  // (measureBodyExcursion) as a fraction of its reach; UI-PRMD's movements measure 0.010
  // (shoulder rotation) to 0.15 (sit to stand), median 0.06. The reference scales with
  // (excursion / nominal)^exponent, so the same absolute error is a larger fault in a small
  // movement than in a large one; 0 turns it off. Measured on UI-PRMD (SCORING.md).
  double nominalBodyExcursion = 0.06;
  double bodyExcursionExponent = 0.25;
  // Body pose match (ScoreReport::matchMm): the RMS joint distance about the root along the
  // time warp that minimises it. Scales with the learner's reach and the expert's excursion as
  // bodyShapeMm does; half of it, because the best timing leaves only the pose's own error.
  double bodyMatchMm = 20.0;
  double postureDeg = 15.0;     // mean joint-angle error
  double placementMm = 60.0;    // mean wrist (or root) trajectory error after anchoring
  double lagMs = 300.0;         // |lag|
  double irregularityMs = 200.0;  // RMS deviation of the warp from its straight line (rhythm)
  double smoothness = 1.5;      // loss of log dimensionless jerk against the expert (>= 0)
};

// Weights of the overall score: a weighted mean of the metric scores (normalised by the sum of
// the weights of the metrics that could be measured). Coverage scores 100 * coverage. Chosen on
// UI-PRMD's correct-vs-incorrect pairs (engine/scoring/SCORING.md has the table): shape carries
// the difference; rhythm (warp irregularity) adds to it; lag, posture and placement add little
// there but are what a learner is coached on, so they keep small weights; smoothness is at
// chance on real data and is reported but not scored.
struct ScoreWeights {
  double shape = 0.62;
  double posture = 0.05;
  double placement = 0.05;
  double timing = 0.03;
  double rhythm = 0.15;
  double smoothness = 0.0;
  double coverage = 0.10;
  // Body clips only (hands have no such measure): the best-match pose distance weighs as much
  // as the six metrics above together. On UI-PRMD it is what lifts the shoulder movements past
  // plain DTW, and it needs the shape along the learner's own timing beside it (SCORING.md).
  double match = 1.0;
};

// Grade thresholds on a 0–100 score: >= perfect → Perfect, >= good → Good, >= ok → OK, else Miss.
struct GradeThresholds {
  double perfect = 90.0;
  double good = 75.0;
  double ok = 50.0;
};

// When a diagnosis names a problem (coach words); below these the group is "good".
struct DiagnosisThresholds {
  double lagMs = 100.0;          // |group lag| beyond this: "120 ms late"
  double gainLow = 0.80;         // amplitude ratio below: "opens 30% too little"
  double gainHigh = 1.25;        // above: "moves 40% too much"
  double frozenGain = 0.15;      // below: "does not move"
  double minExpertMotionDeg = 5.0;   // a group whose expert angle range is smaller has no gain
  double minExpertMotionMm = 10.0;   // same for placement (wrist/root) amplitude
  double tremorMm = 1.5;         // excess high-frequency residual RMS over the expert's
  double minValidity = 0.5;      // below: "not tracked enough to score"
  double coverageLow = 0.9;      // below: "stopped before the end"
  double tempoTolerance = 0.15;  // |tempo - 1| beyond: "too fast" / "too slow"
};

struct ScoringConfig {
  Mapping mapping = Mapping::Anatomical;

  // Alignment. The Sakoe–Chiba band half-width is bandFraction × the expert's length (frames).
  double bandFraction = 0.10;
  // Offline DTW runs coarse-to-fine when both sequences exceed this many frames.
  int coarseMinFrames = 512;
  // ... but a coarse frame never averages more than this many seconds (0: no limit). Coarser
  // levels lock long looped clips onto a neighbouring repetition: a 10-min looped clap averaged
  // over 2.8 s frames (four levels of 4x at 90 Hz), and a 20-min looped wave even over 0.18 s
  // frames, whose open end then stops a repetition early at a lower cost per step (SCORING.md,
  // "Long periodic clips"). 0.05 s keeps one level of 4x at 90 Hz.
  double coarseMaxFrameSeconds = 0.05;
  // Cost stays linear in the length: where the band (bandFraction of the length) is wider
  // than coarseSearchSeconds each side, the limited level above searches only within
  // coarseSearchSeconds of a path found at frames of at most coarseSearchFrameSeconds (full
  // band there). The search is wider than the repetitions those frames may slip by.
  double coarseSearchSeconds = 10.0;
  double coarseSearchFrameSeconds = 0.2;
  // Live aligner window: expert frames searched around the current match, seconds each side.
  double liveWindowSeconds = 1.0;

  // Normalisation: the learner's bone lengths are measured over this many seconds of tracking.
  double boneWindowSeconds = 2.0;

  // Share of a body's root group (the trunk) in the body's mean shape error; the other body
  // groups share the rest equally. Trunk lean and twist are what UI-PRMD's incorrect
  // repetitions show most (SCORING.md); hand groups all count alike.
  double bodyTrunkShapeShare = 0.4;
  // Body shape is a mean over the warp weighted by how fast the expert's joints move at each
  // pair, plus this share of its mean speed: the lesson is in the moving frames, and a pose the
  // expert holds still still counts, a tenth as much as an average moving frame (SCORING.md).
  // Hand groups keep equal weights. 0 weighs still frames not at all; a large value, equally.
  double bodyStillFrameWeight = 0.1;

  // Per-group lag search around the global warp, seconds each side.
  double groupLagSearchSeconds = 0.4;

  // Automatic segmentation (when the expert clip has no named segments).
  double minSegmentSeconds = 0.4;
  int maxSegments = 32;

  ScoreReferences references;
  ScoreWeights weights;
  GradeThresholds grades;
  DiagnosisThresholds diagnosis;
};

Grade gradeFor(double score, const GradeThresholds& t);

// 100 * exp(-max(0, error) / ref); 0 for a non-finite error, 100 for ref <= 0 and error 0.
double scoreFromError(double error, double ref);

}  // namespace mimesis
