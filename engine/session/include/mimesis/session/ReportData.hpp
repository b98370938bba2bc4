// What a lesson's reports are made of beyond the trial records: one sample per session frame,
// the worst moment of the session, and the hook through which a renderer (which the session
// must not call) supplies pictures of it.
#pragma once

#include <functional>
#include <string>

#include "mimesis/core/Error.hpp"
#include "mimesis/mirror/MirrorTypes.hpp"

namespace mimesis {

// The session as it stood after one frame (SessionRunner::step): what was shown and what the
// mirror model's observer measured live. One sample per learner frame, in the order of the
// frames of session.mrec (sample i describes recorded frame i).
struct FrameSample {
  double time = 0.0;            // session seconds
  int trial = 0;                // 0-based
  Stage stage = Stage::Watch;
  float ghostOpacity = 0.0f;    // 0–1, after this frame's update
  float tempo = 1.0f;           // expert seconds per session second
  int loopedSegment = -1;       // part practice: the looped segment, -1 = the whole clip
  int cueCount = 0;             // concurrent cues shown
  int segment = -1;             // clip segment at the judged expert time (-1: between segments)
  double judgedExpertTime = 0.0;  // expert clip seconds the learner is compared with now
  bool fitValid = false;        // the observer's whole-learner fit is valid this frame
  double lagMs = 0.0;           // its lag, ms (> 0: learner late); 0 when not valid
  double gain = 0.0;            // its gain (scoring/Gain.hpp gainOf); 0 when not valid
  double resonance = 0.0;       // its peak correlation, 0–1
  double liveError = -1.0;      // mean smoothed relative error over the measured cells; -1: none
};

// The session's worst moment: in the lowest-scoring performed trial (the earliest on ties),
// the moment the mirror model found the largest error. Enough for a renderer to draw expert
// and learner side by side: the expert clip at `expertTime`, the learner from session.mrec.
struct WorstMoment {
  int trial = -1;               // 0-based trial index
  Stage stage = Stage::Watch;   // the stage that trial was performed in (for captions)
  double trialScore = 0.0;      // that trial's score, 0–100
  double sessionTime = 0.0;     // session seconds of the learner frame
  double expertTime = 0.0;      // expert clip seconds (the lesson's clip, not a shown span)
  int learnerFrame = -1;        // index of the learner frame in session.mrec (and FrameSample)
  int trialFrame = -1;          // the same frame counted from the trial's first frame
};

// Renders expert vs learner at the worst moment and returns the bytes of a PNG image. Called
// at most once per report, synchronously; an error is shown in the report, never fatal.
using RenderPngFn = std::function<Result<std::string>(const WorstMoment&)>;

struct ReportOptions {
  RenderPngFn renderPng;        // empty: the report says "no renderer available"
  bool writeHtml = true;        // report.html
  bool writeCsv = true;         // trials.csv and frames.csv
};

}  // namespace mimesis
