// FrameScore → LiveCellErrors and ScoreReport → TrialOutcome, normalised as the mirror model's
// tolerance bands are (MIRROR_MODEL.md, "Live errors").
#include "mimesis/session/MirrorAdapters.hpp"

#include <algorithm>
#include <cmath>

namespace mimesis {
namespace {

float relative(double mm, double referenceMm) {
  if (!std::isfinite(mm) || !(referenceMm > 0.0)) return 0.0f;
  return static_cast<float>(std::clamp(mm / referenceMm, 0.0, 100.0));
}

// A group report's relative error: the wrist by its placement when measured, else its shape.
CellOutcome cellFromGroup(const GroupReport& g, int cell, const ObserverConfig& refs) {
  CellOutcome c;
  c.measured = g.scorable;
  if (cellGroup(cell) == HandGroup::WristPalm && g.hasPlacement)
    c.relError = relative(g.placementMm, refs.placementReferenceMm);
  else
    c.relError = relative(g.shapeMm, refs.shapeReferenceMm);
  return c;
}

void fillSegment(const std::vector<GroupReport>& groups, int segment, const ObserverConfig& refs, TrialOutcome& out) {
  for (int cell = 0; cell < kCellsPerSegment; ++cell) {
    const std::string name = cellGroupName(cell);
    for (const GroupReport& g : groups)
      if (g.name == name) {
        out.cells[static_cast<std::size_t>(segment * kCellsPerSegment + cell)] = cellFromGroup(g, cell, refs);
        break;
      }
  }
}

}  // namespace

std::string cellGroupName(int cell) {
  return std::string(handName(cellHand(cell))) + "/" + std::string(handGroupName(cellGroup(cell)));
}

CellGroupMap CellGroupMap::fromNames(const std::vector<std::string>& groupNames) {
  CellGroupMap m;
  m.group.fill(-1);
  for (int cell = 0; cell < kCellsPerSegment; ++cell) {
    const std::string name = cellGroupName(cell);
    for (std::size_t g = 0; g < groupNames.size(); ++g)
      if (groupNames[g] == name) m.group[static_cast<std::size_t>(cell)] = static_cast<int>(g);
  }
  return m;
}

void liveCellErrorsFromFrameScore(const FrameScore& score, const CellGroupMap& map, const ObserverConfig& refs,
                                  LiveCellErrors& out) {
  for (int cell = 0; cell < kCellsPerSegment; ++cell) {
    const auto c = static_cast<std::size_t>(cell);
    const int g = map.group[c];
    out.valid[c] = false;
    out.relError[c] = 0.0f;
    if (!score.tracked || g < 0 || g >= static_cast<int>(score.groups.size())) continue;
    const GroupFrameError& e = score.groups[static_cast<std::size_t>(g)];
    if (!e.valid) continue;
    out.valid[c] = true;
    out.relError[c] = cellGroup(cell) == HandGroup::WristPalm ? relative(e.placementMm, refs.placementReferenceMm)
                                                              : relative(e.shapeMm, refs.shapeReferenceMm);
  }
}

TrialOutcome trialOutcomeFromReport(const ScoreReport& report, const TrialFacts& facts, const ObserverConfig& refs) {
  TrialOutcome out;
  out.trial = facts.trial;
  out.stage = facts.stage;
  out.guided = facts.guided;
  out.score = std::isfinite(report.score) ? std::clamp(report.score, 0.0, 100.0) : 0.0;
  const int segments = std::max(1, facts.segmentCount);
  out.cells.assign(static_cast<std::size_t>(segments * kCellsPerSegment), CellOutcome{});
  if (facts.segmentNames.empty()) {
    fillSegment(report.groups, 0, refs, out);
  } else if (facts.loopedSegment >= 0 && facts.loopedSegment < segments) {
    // The report covers the looped segment only: its whole-performance groups are that segment.
    fillSegment(report.groups, facts.loopedSegment, refs, out);
  } else {
    for (int s = 0; s < segments && s < static_cast<int>(facts.segmentNames.size()); ++s)
      for (const SegmentReport& seg : report.segments)
        if (!seg.automatic && seg.name == facts.segmentNames[static_cast<std::size_t>(s)]) {
          if (seg.reached) fillSegment(seg.groups, s, refs, out);
          break;
        }
  }
  // The worst moment: the middle of the lowest-scoring segment the learner reached.
  double worst = 1e300;
  out.worstMomentTime = facts.spanStart;
  for (const SegmentReport& seg : report.segments)
    if (seg.reached && seg.score < worst) {
      worst = seg.score;
      out.worstMomentTime = facts.spanStart + 0.5 * (seg.start + seg.end) * facts.tempo;
    }
  out.meanLagMs = std::isfinite(report.lagMs) ? report.lagMs : 0.0;
  out.lagKnown = std::isfinite(report.lagMs) && report.learnerFrames > 0;
  return out;
}

}  // namespace mimesis
