// ScoreReport: what the scorer says about one performance — overall, per hand/joint group, per
// segment, with grades and diagnoses in coach words — and its JSON, CSV and text forms.
// The JSON schema is documented in engine/scoring/SCORE_REPORT.md.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "mimesis/scoring/Gain.hpp"
#include "mimesis/scoring/ScoringConfig.hpp"

namespace mimesis {

// Each metric's 0–100 score (ScoringConfig.hpp: 100 * exp(-error / ref); coverage 100 * c).
// Shape, timing and coverage are always measured when the span is scorable.
struct MetricScores {
  double shape = 100.0;
  double posture = 100.0;
  double placement = 100.0;
  double timing = 100.0;      // |lag|
  double rhythm = 100.0;      // warp irregularity (spans only; not measured per group)
  double smoothness = 100.0;
  double coverage = 100.0;
  // Whether posture, placement and smoothness could be measured. One that was not (no angle
  // tracked, no root group, too few valid frames for a jerk) is not 100 but absent: left out of
  // the weighted mean, null in JSON, "-" in text and an empty CSV cell. Shape, timing and
  // coverage are always measured when the span is scorable; rhythm for whole spans only.
  bool hasPosture = true, hasPlacement = true, hasSmoothness = true, hasRhythm = true;
  // Body pose match (ScoreReport::matchMm): measured for a span with a body the learner
  // tracked, never for a group or for hands; absent like the metrics above when not measured.
  double match = 100.0;
  bool hasMatch = false;
};

// Metrics of one joint group over a span of the warp. Values that could not be measured are 0
// with the matching has* flag false; nothing is ever NaN.
struct GroupReport {
  std::string name;    // "right/index", "body/left_arm"
  std::string label;   // "right index finger"
  std::string unit;    // "left", "right", "body"
  bool finger = false;     // a finger group (diagnosis says "opens" rather than "moves")
  bool scorable = false;   // some learner frames were tracked in this span
  double score = 0.0;      // 0–100, weighted mean of the available metric scores
  Grade grade = Grade::Miss;
  double shapeMm = 0.0;        // mean joint position error in the wrist / root frame
  double postureDeg = 0.0;     // mean joint-angle error (hand wrist group: orientation error)
  bool hasPlacement = false;   // only the unit's root group (wrist, trunk)
  double placementMm = 0.0;    // mean anchored wrist / root trajectory error
  double lagMs = 0.0;          // > 0: the learner trails the expert
  bool hasGain = false;        // the expert moves this group enough to measure a gain
  double gain = 1.0;           // gainOf(gainSums) (Gain.hpp): slope of learner on expert
  GainSums gainSums;           // its sums (pooled into the overall gain by learnerGain)
  double tremorMm = 0.0;       // excess high-frequency residual RMS over the expert's
  double smoothnessLoss = 0.0; // expert LDLJ minus learner LDLJ, >= 0 (0: as smooth)
  bool hasSmoothness = false;  // both end-effector trajectories long and moving enough
  double validity = 0.0;       // fraction of learner joint samples tracked
  MetricScores scores;
  std::vector<std::string> diagnosis;  // coach words; ["good"] when nothing stands out
};

struct SegmentReport {
  std::string name;
  bool automatic = false;       // found at speed minima (the clip named no segments)
  double start = 0.0, end = 0.0;              // expert clip seconds, [start, end)
  double learnerStart = 0.0, learnerEnd = 0.0;  // learner seconds matched to it
  bool reached = false;
  double score = 0.0;
  Grade grade = Grade::Miss;
  double lagMs = 0.0;
  double tempo = 1.0;           // expert seconds per learner second (> 1: learner faster)
  double irregularityMs = 0.0;  // RMS deviation of the warp from its straight-line fit
  double coverage = 0.0;        // fraction of the segment's expert frames matched
  double validity = 0.0;
  double matchMm = 0.0;         // body pose match over the segment (scores.hasMatch)
  MetricScores scores;
  std::vector<GroupReport> groups;
  std::vector<std::string> diagnosis;
};

struct ScoreReport {
  std::string expertName, learnerName;
  int expertFrames = 0, learnerFrames = 0;
  double expertDuration = 0.0, learnerDuration = 0.0;  // seconds

  double score = 0.0;
  Grade grade = Grade::Miss;
  double lagMs = 0.0;
  double tempo = 1.0;
  double irregularityMs = 0.0;
  bool hasGain = false;
  double gain = 1.0;            // learnerGain(groups) (Gain.hpp): the wrists' pooled gain
  Mapping mapping = Mapping::Anatomical;      // the mapping used (never Auto)
  bool mappingAuto = false;                   // chosen by trying both
  double mappingConfidence = 1.0;             // [0, 1]; 1 when declared
  double anatomicalCostPerStep = 0.0, mirrorCostPerStep = 0.0;  // alignment cost per warp step
  std::string anchor;           // "head" or "first-wrist"
  double coverage = 0.0;
  double validity = 0.0;
  double shapeMm = 0.0, postureDeg = 0.0, placementMm = 0.0, tremorMm = 0.0, smoothnessLoss = 0.0;
  // Body pose match: the RMS distance of the body's joints about the root, expert against
  // learner, along the time warp that makes it smallest (closed ends, no band), mm. The shape
  // error is measured along the learner's own timing; this is how close the movement comes at
  // the best timing. Only where a body is scored (scores.hasMatch).
  double matchMm = 0.0;
  MetricScores scores;
  std::vector<GroupReport> groups;
  std::vector<SegmentReport> segments;
  std::vector<std::string> diagnosis;

  // The warp, learner frame -> expert frame, for replay ("show me"); not in JSON by default.
  std::vector<std::int32_t> warpLearner, warpExpert;
};

struct JsonOptions {
  bool includeWarp = false;  // add "warp": [[learner, expert], ...]
  int indent = 2;            // -1: one line, without a trailing newline
};

// Deterministic: same report, same bytes. Numbers are rounded to 3 decimals (scores to 2).
std::string toJson(const ScoreReport& report, const JsonOptions& options = {});
// One row per segment × group plus "all" rows; header line first; '\n' line ends.
std::string toCsv(const ScoreReport& report);
// A readable table: overall, per hand and group, per segment with grades and diagnoses.
std::string formatTable(const ScoreReport& report);

}  // namespace mimesis
