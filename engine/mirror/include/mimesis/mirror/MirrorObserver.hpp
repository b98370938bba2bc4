// MirrorObserver: estimates how this learner imitates — resonance (lag, gain, correlation) per
// hand and joint group, mapping, chameleon index, live errors, over-imitation — every frame,
// and skill (mastery) and guidance dependence per segment × cell after every trial.
#pragma once

#include <array>
#include <vector>

#include "mimesis/mirror/LaggedFit.hpp"
#include "mimesis/mirror/MirrorConfig.hpp"
#include "mimesis/mirror/MirrorInputs.hpp"
#include "mimesis/mirror/SkillEstimate.hpp"

namespace mimesis {

// A resonance estimate in session units. lagMs > 0: the learner trails the expert shown.
struct Resonance {
  bool valid = false;
  double lagMs = 0.0;
  double gain = 0.0;
  double resonance = 0.0;   // peak correlation clamped to [0, 1]
  double expertRmsMm = 0.0; // the expert's motion in the window (what the learner follows)
};

// Everything the observer currently believes, refreshed every frame (fits round-robin: each is
// at most `kRefreshFrames` frames old). Cells are learner hand × group (cellIndex()).
struct ObserverEstimates {
  // Per learner hand, under `mapping`: the wrist trajectory's fit when the expert's wrist moves
  // (>= minExpertMotionMm RMS), else the fingertips' fits pooled.
  std::array<Resonance, 2> hand{};
  std::array<Resonance, kCellsPerSegment> cell{};   // per learner cell, under `mapping`
  // The learner as a whole (one reaction delay, one amplitude habit): the wrists of both hands
  // pooled under `mapping` (fingertips pooled when no wrist moves).
  Resonance learner;
  ImitationMapping mapping = ImitationMapping::Anatomical;
  double mappingConfidence = 0.0;       // [0, 1]; 0 until both hypotheses were compared
  double resonanceAnatomical = 0.0;     // pooled correlation of each hypothesis
  double resonanceMirror = 0.0;
  double chameleonIndex = 0.0;          // mean resonance while watching (engagement, never penalized)
  int chameleonFrames = 0;
  std::array<float, kCellsPerSegment> liveError{};    // smoothed relative error
  std::array<float, kCellsPerSegment> liveErrorRaw{}; // this frame's relative error
  std::array<bool, kCellsPerSegment> liveValid{};
  int segment = -1;                     // segment at the judged expert time (-1: between segments)
  bool inDoNotCopy = false;             // the judged expert time lies in a do-not-copy span
  double judgedExpertTime = 0.0;        // expert time the learner is compared with now
};

// Over-imitation of one do-not-copy span in the current trial, per learner hand.
struct OverImitation {
  int annotation = -1;                  // index into LessonLayout::annotations
  std::array<double, 2> index{};        // max(0, r) · clamp(gain, 0, 1): 0 = ignored, 1 = copied
  std::array<int, 2> frames{};
};

class MirrorObserver {
 public:
  static constexpr int kRefreshFrames = 12;  // every fit is refreshed at least this often (133 ms at 90 Hz)

  // Allocates every buffer; update() then never allocates.
  MirrorObserver(const MirrorConfig& config, LessonLayout layout);

  // One frame (call at config.observer.frameRateHz). Untracked hands and frames with
  // trackingConfidence < 0.5 are held, not zero-filled, and count against validity.
  void update(const ObservedFrame& frame);
  const ObserverEstimates& estimates() const { return est_; }

  // Trial bookkeeping: beginTrial clears the per-trial accumulators; measuredTrial returns the
  // observer's own per segment × cell relative errors for the trial so far (used when no
  // scorer report is available), with the fallback score of FeedbackConfig::scoreReference.
  void beginTrial();
  TrialOutcome measuredTrial(int trial, Stage stage, bool guided) const;
  const std::vector<OverImitation>& overImitation() const { return over_; }
  // Mean expert speed (mm/s of the group features) per segment in the current trial.
  double segmentSpeed(int segment) const;

  // Skill: fuses a trial into the guided or unguided bank (Watch/Imagine trials are ignored).
  void observeTrial(const TrialOutcome& outcome);
  const SkillBank& skill(bool guided) const { return guided ? guided_ : unguided_; }
  // Replaces both banks with stored ones (a returning learner) when both have this layout's
  // segments and cells; returns false and keeps the priors otherwise.
  bool resumeSkill(const SkillBank& guided, const SkillBank& unguided);
  // Guidance dependence of a segment: mean over cells seen in both conditions of
  // (unguided level − guided level), relative error; `known` false until both exist.
  double guidanceDependence(int segment, bool* known = nullptr) const;

  const LessonLayout& layout() const { return layout_; }
  // Whether the expert shown so far has used this hand (active in some frame).
  bool expertHandShown(Hand h) const { return expertHandPresent_[static_cast<std::size_t>(index(h))]; }
  int segmentAt(double expertTime) const;   // -1 between segments
  int doNotCopyAt(double expertTime) const; // annotation index or -1
  // Which expert hand a learner hand copies under `m`.
  static Hand expertHandFor(Hand learner, ImitationMapping m) {
    return m == ImitationMapping::Anatomical ? learner : opposite(learner);
  }

 private:
  static constexpr int kStreams = kCellsPerSegment;  // hand × group, per side
  static int pairIndex(Hand expert, Hand learner, HandGroup g) {
    return (index(expert) * 2 + index(learner)) * kHandGroupCount + static_cast<int>(g);
  }
  void extract(const Frame* frame, bool learner, float confidence);
  void refreshFits();
  void updateLiveErrors(const ObservedFrame& frame);
  void accumulateTrial(const ObservedFrame& frame);
  Resonance toResonance(const LagFit& f) const;

  MirrorConfig config_;
  LessonLayout layout_;
  std::vector<int> doNotCopy_;  // annotation indices of kind "do-not-copy"
  LaggedFit fit_;
  ObserverEstimates est_;
  long frames_ = 0;
  double msPerFrame_ = 1000.0 / 90.0;

  // Current features (mm, canonical right-hand coordinates) and validity, per side.
  std::array<glm::dvec3, kStreams> eFeat_{}, lFeat_{}, ePrev_{};
  std::array<bool, kStreams> eValid_{}, lValid_{}, ePrevValid_{};
  std::array<glm::dvec3, 2> eAnchor_{}, lAnchor_{};
  std::array<bool, 2> eAnchored_{}, lAnchored_{};
  std::array<bool, 2> expertHandPresent_{};  // ever active in the shown expert

  // Cached per-pair fits and per-lag moments for pooled fits.
  std::vector<LagFit> pairFit_;
  std::vector<double> momentCache_;          // pair × (cov, varX, varY) × lag
  std::vector<double> pooled_;               // (cov, varX, varY) × lag
  std::array<LagFit, 4> handFit_{};          // (expert hand, learner hand)
  LagFit learnerFit_;
  double mappingEvidence_ = 0.0;             // smoothed rA − rM
  bool mappingCompared_ = false;
  int refreshPhase_ = 0;
  std::vector<int> pooledScratch_;

  // Ring of judged expert times, indexed by age.
  std::vector<double> expertTimes_;
  std::size_t timeHead_ = 0;

  // Per-trial accumulators.
  std::vector<double> cellErrSum_;
  std::vector<int> cellErrCount_;
  std::vector<double> segSpeedSum_;
  std::vector<int> segSpeedCount_;
  std::array<double, kCellsPerSegment> errorMean_{};  // EMA state of liveError
  std::array<bool, kCellsPerSegment> errorSeeded_{};
  double lagSum_ = 0.0;
  int lagCount_ = 0;
  double worstError_ = -1.0, worstTime_ = 0.0;
  std::vector<OverImitation> over_;
  // Over-imitation sums per span × hand: n, Σx·y, Σ|x|², Σ|y|², Σx (3 per group), Σy (3 per group).
  static constexpr int kOverStride = 4 + 2 * 3 * kHandGroupCount;
  std::vector<double> overSums_;

  SkillBank guided_, unguided_;
};

}  // namespace mimesis
