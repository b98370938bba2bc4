// Long periodic clips for alignment tests and benches: a shipped clip looped end to end to a
// given length (the repetition repeats exactly; segments are dropped), and a late learner.
#pragma once

#include <string>

#include "mimesis/motion/Clip.hpp"
#include "mimesis/motion/SimulatedLearner.hpp"
#include "mimesis/motion_import/ClipLoader.hpp"

namespace mimesis::test {

// `clip` repeated until `seconds` long; repetition k starts at k * (duration + 1 / rate).
inline Clip loopClip(const Clip& clip, double seconds) {
  Clip out;
  out.info = clip.info;
  out.info.name = clip.info.name + " (looped)";
  out.rate = clip.rate;
  out.body = clip.body;
  const std::size_t n = clip.frames.size();
  const std::size_t total = static_cast<std::size_t>(seconds * clip.rate);
  const double t0 = clip.frames.front().time;
  const double period = clip.frames.back().time - t0 + 1.0 / clip.rate;
  out.frames.reserve(total);
  for (std::size_t i = 0; i < total; ++i) {
    Frame f = clip.frames[i % n];
    f.time = static_cast<double>(i / n) * period + (f.time - t0);
    out.frames.push_back(std::move(f));
  }
  return out;
}

}  // namespace mimesis::test
