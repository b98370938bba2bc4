// Adapters from the scorer's outputs to the mirror model's inputs: live FrameScore → per-cell
// relative errors, and a trial's ScoreReport → TrialOutcome (segment × hand-group cells).
// Relative error as MIRROR_MODEL.md defines it: finger groups shape error / shapeReferenceMm
// (a finger's length, 80 mm), the wrist group placement error / placementReferenceMm (a hand's
// length, 180 mm).
#pragma once

#include <array>
#include <string>
#include <vector>

#include "mimesis/mirror/MirrorConfig.hpp"
#include "mimesis/mirror/MirrorInputs.hpp"
#include "mimesis/scoring/LiveScorer.hpp"
#include "mimesis/scoring/ScoreReport.hpp"

namespace mimesis {

// Which scorer group ("left/index", ...) feeds each mirror cell; -1 where the scorer has none.
// Built once from LiveScorer::groupNames() (or a report's group names).
struct CellGroupMap {
  std::array<int, kCellsPerSegment> group{};
  static CellGroupMap fromNames(const std::vector<std::string>& groupNames);
};

// The scorer group name of a cell: "left/wrist", "right/index", ...
std::string cellGroupName(int cell);

// Cells the scorer did not measure this frame (untracked, or absent from the clip) are invalid.
void liveCellErrorsFromFrameScore(const FrameScore& score, const CellGroupMap& map, const ObserverConfig& refs,
                                  LiveCellErrors& out);

// What the session knows of the trial beyond the report.
struct TrialFacts {
  int trial = 0;
  Stage stage = Stage::Guided;
  bool guided = false;
  int segmentCount = 1;        // LessonLayout::segmentCount()
  int loopedSegment = -1;      // the report covers this segment only (-1: the whole clip)
  std::vector<std::string> segmentNames;  // the layout's segment names (empty: one whole-clip segment)
  double spanStart = 0.0;      // expert clip seconds of the report's time 0
  double tempo = 1.0;          // expert seconds per report second (the report is of the span shown)
};

// Fills cells[segment * 12 + cell]: with named segments, the report's segment of the same name;
// else (one segment) the report's whole-performance groups. Segments the report does not cover
// stay unmeasured. worstMomentTime = middle of the lowest-scoring reached segment (expert clip
// seconds); lag from the report.
TrialOutcome trialOutcomeFromReport(const ScoreReport& report, const TrialFacts& facts, const ObserverConfig& refs);

}  // namespace mimesis
