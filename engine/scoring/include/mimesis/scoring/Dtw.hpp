// Offline dynamic time warping of a learner against an expert: banded, open-ended at the end,
// coarse-to-fine for long inputs; plus a plain full-matrix reference used by tests and benches.
#pragma once

#include <cstddef>
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
  // Beyond that limit a long input would keep the full band at the limited level, whose cost
  // grows with the square of the length. With `searchRadius` > 0 (frames of the input), a level
  // at the limit whose band half-width exceeds the radius instead finds a path at coarser levels
  // (total factor at most `maxSearchFactor`, full band there) and searches exactly within
  // ±searchRadius of it: wide enough to leave a repetition the coarse level locked onto.
  int searchRadius = 0;
  int maxSearchFactor = 0;
  // Bytes the warp path's backtracking may hold. A level whose band needs at most this many
  // direction bytes (one per cell) keeps them all; a larger one keeps, every K rows, each
  // cell's accumulated cost and the column where its best path crossed the previous such row
  // (about this many bytes in all), and recomputes the directions of one K-row stretch of the
  // path at a time while backtracking. Same path (see alignDtw), a few per cent more cells.
  std::size_t pathMemoryBytes = std::size_t{32} << 20;
};

// The optimised aligner: float distances, double accumulation over two rows, directions kept
// within `pathMemoryBytes` (checkpointed backtracking beyond it). Deterministic. Both inputs
// need frames > 0 and the same dim. The checkpointed path is the one the full direction store
// gives, tie rules included (a stretch's optimal sub-path is re-found from the global cost at
// its start), unless two different paths' float sums differ only by rounding.
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
