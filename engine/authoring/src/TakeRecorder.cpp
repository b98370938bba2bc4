// Recording a take (see TakeRecorder.hpp).
#include "mimesis/authoring/TakeRecorder.hpp"

#include <cmath>

#include "mimesis/motion/MrecWriter.hpp"

namespace mimesis {

std::string countdownMessage(double remaining) {
  if (remaining <= 0.0) return "Recording";
  return "Recording in " + std::to_string(static_cast<int>(std::ceil(remaining - 1e-9)));
}

Result<TakeResult> recordTake(HandSource& source, const std::string& path, const TakeOptions& o) {
  if (!(o.rate > 0.0 && o.rate <= 1000.0)) return makeError(ErrorCode::BadInput, "rate must be in (0, 1000]", "take");
  if (!(o.seconds > 0.0 && o.seconds <= 3600.0))
    return makeError(ErrorCode::BadInput, "seconds must be in (0, 3600]", "take");
  if (!(o.countdownSeconds >= 0.0 && o.countdownSeconds <= 60.0))
    return makeError(ErrorCode::BadInput, "the countdown must be 0 to 60 seconds", "take");
  const double total = o.countdownSeconds + o.seconds;
  // Nothing to imitate, for as long as the take lasts: sources size their trial by it.
  Clip blank;
  blank.info.name = "blank";
  blank.rate = o.rate;
  blank.frames.resize(2);
  blank.frames[1].time = total;

  ClipInfo info;
  info.name = o.name;
  info.source = "recorded take";
  info.sourceFormat = "mrec";
  auto writer = MrecWriter::create(path, info, o.rate, Skeleton{});
  if (!writer) return writer.error();

  FeedbackState guidance;
  guidance.ghostOpacity = 0.0f;
  TrialContext ctx;
  ctx.rate = o.rate;
  ctx.guidance = &guidance;
  ctx.expertShown = &blank;
  ctx.performs = true;
  ctx.startTime = source.ownsClock() ? source.trialStartTime(0.0) : 0.0;
  if (Status st = source.beginTrial(ctx); !st) return st.error();

  TakeResult r;
  double firstKept = -1.0;
  const double dt = 1.0 / o.rate;
  for (long k = 0;; ++k) {
    const double trialTime = static_cast<double>(k) * dt;
    if (!source.ownsClock() && trialTime > total + 1e-9) break;
    guidance.message = countdownMessage(o.countdownSeconds - trialTime);
    Frame f;
    if (!source.poll(trialTime, guidance, f)) {
      r.stopReason = source.stopRequest().empty() ? "the source stopped" : source.stopRequest();
      break;
    }
    const double t = source.ownsClock() ? f.time - ctx.startTime : trialTime;
    if (t > total + 1e-9) break;
    if (t < o.countdownSeconds - 1e-9) continue;
    if (firstKept < 0.0) {
      firstKept = t;
      if (o.countdownSeconds > 0.0)
        if (Status st = writer->appendEvent({0.0, "countdown", "{\"seconds\":" + std::to_string(o.countdownSeconds) + "}"}); !st)
          return st.error();
      if (Status st = writer->appendEvent({0.0, "take-begin", "{}"}); !st) return st.error();
    }
    f.time = t - firstKept;
    if (Status st = writer->appendFrame(f); !st) return st.error();
    r.seconds = f.time;
  }
  source.endTrial();
  r.frames = writer->framesAppended();
  if (Status st = writer->close(); !st) return st.error();
  if (r.frames == 0) return makeError(ErrorCode::BadInput, "no frame was recorded after the countdown", path);
  if (r.stopReason == "the source stopped" && r.seconds >= o.seconds - 2.0 * dt) r.stopReason.clear();
  return r;
}

}  // namespace mimesis
