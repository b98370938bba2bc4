// MirrorPolicy: chooses the guidance (stage, ghost, tempo, part practice, cues, perspective,
// knowledge of results, tolerance bands, summaries, "show me", best attempt, anticipation,
// rapport) from the observer's estimates, and logs each change with its cause: a measured
// quantity compared with a threshold a setting owns (DecisionCause::thresholdKey).
#pragma once

#include <array>
#include <vector>

#include "mimesis/mirror/DecisionTrace.hpp"
#include "mimesis/mirror/FeedbackState.hpp"
#include "mimesis/mirror/MirrorObserver.hpp"
#include "mimesis/mirror/MirrorResume.hpp"

namespace mimesis {

class MirrorPolicy {
 public:
  MirrorPolicy(const MirrorConfig& config, const LessonLayout& layout);

  // Initial state (Watch, or the first stage with trials) — logged as decisions at `time`.
  void start(double time, DecisionTrace& trace);
  // A returning learner, after start: to Retention for the delayed-retention test (then to
  // resume.stage), or straight to resume.stage.
  void resume(double time, const MirrorResume& resume, DecisionTrace& trace);
  // Every frame, after the observer: cues, perspective, rapport. Allocates only when it records
  // a decision (at most one cue per minIntervalSeconds).
  void onFrame(const ObservedFrame& frame, const MirrorObserver& observer, DecisionTrace& trace);
  // After every trial, after the observer has fused it: everything else.
  void onTrial(double time, const TrialOutcome& outcome, const MirrorObserver& observer,
               DecisionTrace& trace);

  const FeedbackState& state() const { return state_; }
  double tolerance(int segment) const;
  // Mean P(error < tolerance) over the cells the bank has seen (0 when none), and per segment.
  double meanMastery(const MirrorObserver& observer, bool guided) const;
  double segmentMastery(const MirrorObserver& observer, bool guided, int segment) const;
  int performingTrials() const { return performingTrials_; }
  // Whether the trial now starting is a delayed-retention test of a returning learner.
  bool retentionTestPending() const { return retentionPending_; }
  // The stage the learner has reached: the current one, or the one a pending test returns to.
  Stage stageReached() const { return retentionPending_ ? resumeStage_ : state_.stage; }
  // A performing trial whose learner covered less than feedback.cutShortFraction of the span.
  bool cutShort(const TrialOutcome& outcome) const {
    return stagePerforms(outcome.stage) && outcome.performedFraction < config_.feedback.cutShortFraction;
  }

 private:
  // What one performing trial measured, per segment and overall (cells of TrialOutcome).
  struct TrialErrors {
    std::vector<double> segErr;  // mean relative error of the measured cells, per segment
    std::vector<int> segN;       // measured cells, per segment
    int measured = 0;            // measured cells in the trial
    int outside = 0;             // measured cells whose error exceeds their segment's tolerance
    int worstCell = -1;          // segment * 12 + cell of the largest error / tolerance
    double worstExcess = 0.0, worstErr = 0.0;
    double trialErr = 0.0;       // mean relative error of the measured cells
  };

  void setStage(double time, Stage to, const DecisionCause& cause, DecisionTrace& trace);
  void setOpacity(double time, float to, DecisionCause cause, DecisionTrace& trace);
  void setTempo(double time, float to, DecisionCause cause, DecisionTrace& trace);
  void setLead(double time, double to, DecisionCause cause, DecisionTrace& trace);
  void setView(double time, View to, DecisionCause cause, DecisionTrace& trace);
  void setLoop(double time, int to, DecisionCause cause, DecisionTrace& trace);
  // Opacity, tempo and lead: sets a number of the state and records the decision (both values
  // with `digits` decimals), unless it moves by less than `epsilon`.
  template <class T>
  void setNumber(double time, T& field, T to, T epsilon, DecisionKind kind, const char* subject, int digits,
                 DecisionCause cause, DecisionTrace& trace);
  void record(double time, DecisionKind kind, std::string subject, std::string from,
              std::string to, DecisionCause cause, DecisionTrace& trace) const;
  std::string segmentLabel(int segment) const;
  float opacityFor(Stage s, double mastery) const;
  void issueCues(double time, const MirrorObserver& observer, DecisionTrace& trace);
  void noteCueIssued(double time);
  // Body lessons (MirrorPolicyBodyCues.cpp): smooths the end-effector offsets every frame and,
  // when no hand cell needs a cue, cues the end-effector furthest outside the band.
  void trackEffectors(const ObservedFrame& frame);
  void issueEffectorCue(double time, int segment, double tol, const ObserverEstimates& est, DecisionTrace& trace);
  void watchMapping(const ObservedFrame& frame, const MirrorObserver& observer, DecisionTrace& trace);
  std::string mappingAdvice(const MirrorObserver& observer) const;
  void updateRapport(const ObservedFrame& frame, DecisionTrace& trace);

  // The steps of onTrial, in the order it runs them (MirrorPolicyTrial.cpp; what the learner is
  // told: MirrorPolicyFeedback.cpp).
  void endWatchingTrial(double time, DecisionTrace& trace);
  void endCutShortTrial(double time, const TrialOutcome& outcome, DecisionTrace& trace);
  TrialErrors measureTrial(const TrialOutcome& outcome) const;
  void giveKnowledgeOfResults(double time, double score, const TrialErrors& errors,
                              const MirrorObserver& observer, DecisionTrace& trace);
  void hintOverImitation(double time, const MirrorObserver& observer, DecisionTrace& trace);
  void noteBestAttempt(double time, double score, DecisionTrace& trace);
  void offerShowMe(double time, const TrialOutcome& outcome, const TrialErrors& errors, DecisionTrace& trace);
  void narrowTolerances(double time, const MirrorObserver& observer, DecisionTrace& trace);
  bool updateStage(double time, double score, const TrialErrors& errors, const MirrorObserver& observer,
                   DecisionTrace& trace);
  void updatePartPractice(double time, const MirrorObserver& observer, DecisionTrace& trace);
  void updateTempo(double time, const TrialOutcome& outcome, const TrialErrors& errors,
                   const MirrorObserver& observer, DecisionTrace& trace);
  void updateOpacity(double time, const MirrorObserver& observer, DecisionTrace& trace);
  void maybeSummarise(double time, DecisionTrace& trace);
  bool endRetentionTest(double time, DecisionTrace& trace);

  MirrorConfig config_;
  LessonLayout layout_;
  FeedbackState state_;
  std::vector<double> tolerance_;    // per segment, relative error
  int trialsInStage_ = 0;
  int holdCount_ = 0;                // consecutive trials with mastery held
  int stepBackCount_ = 0;            // consecutive trials with unguided error far above guided
  int passCount_ = 0;                // consecutive trials in the stage at or above its pass score
  int trialsSinceSummary_ = 0;
  Stage trialStage_ = Stage::Watch;  // the stage the trial being closed was performed in
  int performingTrials_ = 0;
  std::vector<double> scores_;       // performing trials' scores, in order
  double bestScore_ = -1.0;
  int loopTrials_ = 0;
  int loopCooldown_ = 0;
  // Cue bookkeeping: the last issue time and a ring of the issue times within the last minute.
  double lastCueTime_ = -1e9;
  std::array<double, 640> cueTimes_{};
  int cueHead_ = 0;
  // Body cues: each end-effector's smoothed offset (metres) and for how long it has been tracked.
  std::array<glm::vec3, kEndEffectorCount> effectorOffset_{};
  std::array<double, kEndEffectorCount> effectorTracked_{};
  double lastEffectorTime_ = -1e9;
  double confusedSince_ = -1.0;
  bool mappingWarned_ = false;       // the learner was told about the mapping confusion
  std::vector<int> overHinted_;      // do-not-copy spans already hinted at
  // Rapport: ring of the learner's head orientations.
  std::vector<glm::quat> headRing_;
  std::size_t headHead_ = 0;
  long headCount_ = 0;
  long headWatchFrames_ = 0;         // consecutive frames of tracked head while watching
  // A returning learner's delayed-retention test (MirrorResume).
  bool retentionPending_ = false;
  int retentionNeeded_ = 0, retentionDone_ = 0;
  std::string retentionKey_;
  Stage resumeStage_ = Stage::Watch;
};

}  // namespace mimesis
