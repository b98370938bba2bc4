// Recording an expert's take from any HandSource (the desktop's puppet or a replayed
// recording, the headset's tracked hands) into an .mrec, crash-safe: frames are streamed
// through MrecWriter as they come, so a killed process keeps everything but the last chunk.
#pragma once

#include <cstddef>
#include <string>

#include "mimesis/core/Error.hpp"
#include "mimesis/session/HandSource.hpp"

namespace mimesis {

struct TakeOptions {
  double rate = 90.0;              // the virtual clock's rate for sources without a clock; INFO rate
  double seconds = 10.0;           // recorded after the countdown
  double countdownSeconds = 0.0;   // frames polled and shown but not kept ("Recording in 3")
  std::string name = "take";
};

struct TakeResult {
  std::size_t frames = 0;     // frames written
  double seconds = 0.0;       // the take's duration
  std::string stopReason;     // non-empty when the source stopped before the time was up
};

// One trial of countdown + seconds with nothing to imitate (TrialContext::expertShown is a
// blank clip of that length, no hand tracked) and the countdown in FeedbackState::message.
// Kept frames are re-timed from 0 at the first kept frame: on the virtual clock (1/rate apart)
// for a source without a clock, on the source's own times otherwise (gaps kept). A
// `countdown` event (payload {"seconds": S}) and a `take-begin` event at time 0 are written.
// Errors: the writer's (Io) and the source's beginTrial; BadInput when no frame was kept.
Result<TakeResult> recordTake(HandSource& source, const std::string& path, const TakeOptions& options);

// The message shown in the countdown at `remaining` seconds: "Recording in 3", then
// "Recording" once it reaches 0.
std::string countdownMessage(double remaining);

}  // namespace mimesis
