// The learner's trial as the offline scorer takes it: a stream at the lesson's nominal rate. A
// source with a clock of its own (a headset at 72 or 120 Hz, with jitter and missed frames)
// delivers frames at its own times; the scorer's alignment and smoothness measures count
// frames, so the trial is resampled at its real times onto the nominal grid first.
#pragma once

#include "mimesis/motion/Clip.hpp"

namespace mimesis {

// Writes into `out` the frames of `trial` (times from its first frame, strictly increasing) at
// first + k / rate for k = 0 .. while inside the trial, interpolated between the two frames
// around each time (ClipSampler). A grid time inside a gap over 2.5 times the frames' median
// spacing (tracking or frames lost) gets untracked hands: nothing is invented across it. When
// the trial is already on the grid (every frame within a microsecond of first + i / rate), it is
// copied unchanged, so the virtual clock's trials are scored exactly as recorded.
void resampleTrial(const Clip& trial, double rate, Clip& out);

}  // namespace mimesis
