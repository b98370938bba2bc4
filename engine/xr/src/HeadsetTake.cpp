// recordHeadsetTake (see HeadsetTake.hpp).
#include "mimesis/xr/HeadsetTake.hpp"

#include "mimesis/xr/XrHandSource.hpp"

namespace mimesis {

Result<HeadsetTakeResult> recordHeadsetTake(const HeadsetOptions& options, const std::string& path, const TakeOptions& take) {
  // What the headset shows around the take: nothing to imitate, for as long as it lasts.
  Lesson blank;
  blank.name = "recording " + take.name;
  blank.scenePath = path;
  blank.clip.rate = take.rate;
  blank.clip.frames.resize(2);
  blank.clip.frames[1].time = take.countdownSeconds + take.seconds;
  blank.mirror.observer.frameRateHz = take.rate;

  Result<std::unique_ptr<Headset>> created = Headset::create(options);
  if (!created) return created.error();
  Headset& headset = **created;
  XrHandSource source(headset, blank);
  constexpr int kSetupFrames = 10000;  // a runtime that never focuses us is a failure, not a hang
  Result<bool> focused = headset.runUntilFocused(kSetupFrames, source.idleCompose());
  if (!focused) return focused.error();
  if (!*focused) return makeError(ErrorCode::Device, "the headset session ended before it was focused", "headset");
  Result<TakeResult> r = recordTake(source, path, take);
  Status exited = headset.exit(kSetupFrames, source.idleCompose());
  if (source.failure()) return *source.failure();
  if (!r) return r.error();
  if (!exited) return exited.error();
  HeadsetTakeResult out;
  out.take = *r;
  out.end = headset.end();
  return out;
}

}  // namespace mimesis
