// FeedbackState: what the mirror model wants shown now — plain data for the session, the
// renderer and the recorder. No logic; every change to it is a Decision in the trace.
#pragma once

#include <array>
#include <string>

#include <glm/gtc/quaternion.hpp>

#include "mimesis/mirror/MirrorTypes.hpp"
#include "mimesis/motion/BodyEndEffectors.hpp"

namespace mimesis {

inline constexpr int kMaxCues = 8;  // storage; CueConfig::maxActive limits how many are used

// A concurrent cue on one of the learner's joint groups, worded positively.
struct Cue {
  Hand hand = Hand::Right;
  HandGroup group = HandGroup::WristPalm;
  // A body lesson's cue on an end-effector (head, a hand, a foot) instead of a hand group; then
  // hand and group mean nothing.
  bool onBody = false;
  EndEffector effector = EndEffector::Head;
  std::string message;       // "Make the right index movement a little bigger"
  double issuedAt = 0.0;     // session seconds
  double expiresAt = 0.0;
};

// The "show me" offer after a trial: replay it beside the expert, slowed, worst moment marked.
struct ShowMeOffer {
  bool offered = false;
  int trial = -1;
  double availableAfterSeconds = 0.0;  // the quiet moment before the offer appears
  double worstMomentTime = 0.0;        // expert clip seconds
  double tempo = 0.5;
};

struct FeedbackState {
  Stage stage = Stage::Watch;
  int trial = 0;                 // index of the trial in progress (0-based)
  float ghostOpacity = 0.9f;     // 0 in Solo and Retention
  float tempo = 1.0f;            // expert playback rate (1 = as recorded)
  int loopedSegment = -1;        // part practice: segment to loop, -1 = the whole clip
  std::array<Cue, kMaxCues> cues{};
  int cueCount = 0;
  View view = View::Facing;
  std::string message;           // the coach's current line (stage changes, summaries)
  std::string knowledgeOfResults;  // after each trial: score, trend, one next focus
  ShowMeOffer showMe;
  int bestAttemptTrial = -1;     // the learner's own best attempt so far (-1: none yet)
  bool showBestAttempt = false;  // show it, labelled, beside the expert
  double anticipationLeadSeconds = 0.0;  // ghost leads the expert timeline by this
  bool rapportActive = false;    // the facing model echoes the learner's head
  glm::quat rapportHead{1.0f, 0.0f, 0.0f, 0.0f};  // rotation to apply to the model's head
  bool lessonComplete = false;   // Retention mastered (judged on unguided trials only)
};

}  // namespace mimesis
