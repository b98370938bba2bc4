// An expert's take recorded in the headset: the tracked hands after a countdown shown in the
// headset (authoring's recordTake on the XrHandSource, on the runtime's clock).
#pragma once

#include <string>

#include "mimesis/authoring/TakeRecorder.hpp"
#include "mimesis/xr/Headset.hpp"

namespace mimesis {

struct HeadsetTakeResult {
  TakeResult take;
  HeadsetEnd end = HeadsetEnd::Running;
};

// Creates the headset, waits until FOCUSED, records (countdown included, frames on the runtime's
// predicted display times, re-timed from the first kept frame) and exits in order. Errors:
// Device for the runtime, those of recordTake.
Result<HeadsetTakeResult> recordHeadsetTake(const HeadsetOptions& headset, const std::string& path, const TakeOptions& take);

}  // namespace mimesis
