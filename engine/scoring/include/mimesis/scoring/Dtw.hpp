// Offline dynamic time warping of a learner against an expert: banded, open-ended at the end,
// coarse-to-fine for long inputs; plus a plain full-matrix reference used by tests and benches.
#pragma once

#include <cstdint>
#include <vector>

#include "mimesis/scoring/Features.hpp"

namespace mimesis {

// The warp: pairs (learner frame, expert frame), both non-decreasing, from (0, 0) to
// (learnerFrames - 1, expertEnd). Steps: diagonal, learner only, or expert only, each weight 1;
// cell cost is the squared Euclidean distance of the two feature rows.
struct WarpPath {
  std::vector<std::int32_t> learner;
  std::vector<std::int32_t> expert;
  double cost = 0.0;   // accumulated cost of the path
  int expertEnd = 0;   // last expert frame matched (open end)
  std::size_t size() const { return learner.size(); }
};

struct DtwOptions {
  // Sakoe–Chiba half-width as a fraction of the expert length (at least 1 frame). The band
  // surrounds both the same-tempo line and, for closed ends, the corner-to-corner line.
  double bandFraction = 0.10;
  // Expert frames per learner frame at equal tempo (expert rate / learner rate).
  double tempoSlope = 1.0;
  // Open end: the path may stop at any expert frame; the one with the lowest cost per step,
  // D(N-1, j) / (N + j + 1), wins (ties: the later frame). Closed: it ends at (N-1, M-1).
  bool openEnd = true;
  // Coarse-to-fine when both inputs have more frames than this: average ×4, align, refine in a
  // corridor of `refineRadius` frames around the projected path, level by level.
  int coarseMinFrames = 512;
  int refineRadius = 8;
  // Largest total averaging factor of the coarsest level (0: no limit). A coarse frame much
  // longer than the motion's own period averages a periodic motion flat, and the coarse path
  // then locks onto a neighbouring repetition that the refinement corridor cannot leave.
  int maxCoarseFactor = 0;
};

// The optimised aligner: float distances, double accumulation over two rows, one direction byte
// per cell inside the band. Deterministic. Both inputs need frames > 0 and the same dim.
WarpPath alignDtw(const FeatureMatrix& learner, const FeatureMatrix& expert, const DtwOptions& opt);

// The same recurrence, band and tie rules on a full double matrix (memory N × M × 9 bytes):
// the reference for small inputs. Equal path cost to alignDtw with coarse-to-fine off.
WarpPath referenceDtw(const FeatureMatrix& learner, const FeatureMatrix& expert, const DtwOptions& opt);

// Column range [lo, hi] of each row that the band allows (shared by both implementations).
struct BandRows {
  std::vector<std::int32_t> lo, hi;
};
BandRows makeBand(int learnerFrames, int expertFrames, const DtwOptions& opt);

}  // namespace mimesis
