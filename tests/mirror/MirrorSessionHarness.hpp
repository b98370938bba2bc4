// A minimal headless session for mirror tests: shows the expert at the policy's tempo (and
// looped segment), has a simulated learner perform it, feeds every frame to the MirrorModel and
// ends each trial with the observer's own measurement (the scorer is not used here).
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include "mimesis/mirror/MirrorModel.hpp"
#include "mimesis/motion/ClipSampler.hpp"
#include "mimesis/motion/KeyframeAuthoring.hpp"
#include "mimesis/motion/LearnerBehaviour.hpp"

namespace mimesis::testing {

inline Clip loadAsset(const std::string& name) {
  auto r = loadKeyframeClip(std::string(MIMESIS_SOURCE_DIR) + "/assets/" + name);
  return r ? *r : Clip{};
}

// The expert as displayed: [start, end) of `expert` played at `tempo`, sampled at `rate`.
// `times` receives the expert clip time of every shown frame.
inline Clip showExpert(const Clip& expert, double start, double end, double tempo, double rate,
                       std::vector<double>& times) {
  Clip shown;
  shown.info = expert.info;
  shown.rate = rate;
  times.clear();
  const int n = static_cast<int>(std::floor((end - start) / tempo * rate)) + 1;
  shown.frames.resize(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    const double t = std::min(end, start + i / rate * tempo);
    sampleClip(expert, t, shown.frames[static_cast<std::size_t>(i)]);
    shown.frames[static_cast<std::size_t>(i)].time = i / rate;
    times.push_back(t);
  }
  return shown;
}

struct TrialRecord {
  Stage stage = Stage::Watch;
  float opacity = 0.0f;
  float tempo = 1.0f;
  int loopedSegment = -1;
  View view = View::Facing;
  double score = 0.0;
};

struct HarnessSession {
  MirrorModel model;
  Clip expert;
  LearnerBehaviour learner;
  double time = 0.0;
  double rate = 90.0;
  double watchGain = 0.0;  // how much the learner moves along while only watching
  std::vector<TrialRecord> trials;
  std::vector<FeedbackState> frameStates;  // optional per-frame capture
  bool captureFrames = false;
  int performed = 0;

  HarnessSession(const MirrorConfig& config, Clip clip, LearnerBehaviour b)
      : model(config, LessonLayout::fromClip(clip)), expert(std::move(clip)), learner(b) {
    rate = config.observer.frameRateHz;
    model.start(0.0);
  }

  void runTrial() {
    const FeedbackState before = model.state();
    double start = expert.frames.front().time, end = expert.frames.back().time;
    if (before.loopedSegment >= 0 && before.loopedSegment < static_cast<int>(expert.segments.size())) {
      start = expert.segments[static_cast<std::size_t>(before.loopedSegment)].start;
      end = expert.segments[static_cast<std::size_t>(before.loopedSegment)].end;
    }
    std::vector<double> times;
    const Clip shown = showExpert(expert, start, end, before.tempo, rate, times);
    Clip perf;
    if (stagePerforms(before.stage)) {
      // The learner improves with practice: performing trials, not watching ones.
      perf = simulateLearnerBehaviour(shown, learner, performed++, before.ghostOpacity, before.tempo, start);
    } else {
      LearnerBehaviour watcher = learner;
      watcher.base.gain = watchGain;
      perf = simulateLearnerBehaviour(shown, watcher, 0, 1.0, before.tempo, start);
    }
    model.beginTrial();
    const std::size_t n = std::min(shown.frames.size(), perf.frames.size());
    for (std::size_t i = 0; i < n; ++i) {
      const FeedbackState& s = model.state();
      ObservedFrame f;
      f.time = time;
      f.expertTime = times[i];
      f.expert = &shown.frames[i];
      f.learner = &perf.frames[i];
      f.stage = s.stage;
      f.ghostOpacity = s.ghostOpacity;
      f.tempo = s.tempo;
      model.update(f);
      if (captureFrames) frameStates.push_back(model.state());
      time += 1.0 / rate;
    }
    model.endTrial(time);
    TrialRecord r;
    r.stage = before.stage;
    r.opacity = before.ghostOpacity;
    r.tempo = before.tempo;
    r.loopedSegment = before.loopedSegment;
    r.view = model.state().view;
    r.score = model.lastOutcome().score;
    trials.push_back(r);
  }
};

}  // namespace mimesis::testing
