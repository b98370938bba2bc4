// The desktop window loop inside a HandSource (see DesktopSession.hpp): the HandSource calls,
// the panels' observer of the session and screenshots. The state and the files that share it:
// DesktopSessionState.hpp.
#include "DesktopSessionState.hpp"

#include <imgui_impl_glfw.h>

#include <algorithm>
#include <cmath>

#include "mimesis/motion/ClipSampler.hpp"
#include "mimesis/render/RgbaImage.hpp"

namespace mimesis {

// ---- the HandSource calls --------------------------------------------------------------------

Status DesktopSession::beginTrial(const TrialContext& context) {
  Impl& s = *impl_;
  if (s.failure) return *s.failure;
  if (!s.stopReason.empty()) return makeError(ErrorCode::BadInput, "stopped: " + s.stopReason, "desktop");
  s.trial = &context;
  return s.inner ? s.inner->beginTrial(context) : s.puppetSource.beginTrial(context);
}

bool DesktopSession::poll(double trialTime, const FeedbackState& guidance, Frame& out) {
  Impl& s = *impl_;
  if (!s.stopReason.empty() || s.failure) return false;
  HandSource& source = s.inner ? *s.inner : static_cast<HandSource&>(s.puppetSource);
  // Paused: keep showing (and reacting) without advancing the session.
  while (s.controls.paused) {
    if (!s.showFrame(guidance)) return false;
  }
  s.controls.scrubbing = false;
  if (!source.poll(trialTime, guidance, out)) return false;
  s.learner = out;
  s.haveLearner = true;
  if (!s.learnerBodyStart && !out.body.empty() && out.body.front().positionValid()) s.learnerBodyStart = out;
  s.trialTime = trialTime;
  if (s.trial != nullptr && s.trial->expertShown != nullptr && !s.trial->expertShown->frames.empty()) {
    sampleClip(*s.trial->expertShown, s.trial->expertShown->frames.front().time + trialTime, s.expert);
    s.model.expertTime = s.trial->expertStart + trialTime * s.trial->tempo;
  }
  // Speed: below 1 each session frame is shown several times, above 1 some are not shown.
  s.speedCredit += 1.0 / std::clamp(static_cast<double>(s.controls.speed), 0.25, 4.0);
  while (s.speedCredit >= 1.0 - 1e-9) {
    s.speedCredit -= 1.0;
    if (!s.showFrame(guidance)) return false;
  }
  return true;
}

void DesktopSession::endTrial() {
  Impl& s = *impl_;
  if (s.inner) s.inner->endTrial();
  s.trial = nullptr;
}

LessonObserver DesktopSession::observer() {
  Impl* s = impl_.get();
  LessonObserver o;
  o.afterStep = [s](const SessionRunner& runner) {
    DesktopModel& m = s->model;
    m.state = runner.state();
    m.estimates = runner.model().estimates();
    m.sessionTime += runner.frameInterval();
    double sum = 0.0;
    int n = 0;
    for (std::size_t c = 0; c < m.estimates.liveError.size(); ++c)
      if (m.estimates.liveValid[c] && std::isfinite(m.estimates.liveError[c])) {
        sum += m.estimates.liveError[c];
        ++n;
      }
    m.liveScore.push_back(n > 0 ? static_cast<float>(std::clamp(100.0 * (1.0 - 0.5 * sum / n), 0.0, 100.0)) : 0.0f);
    while (m.liveScore.size() > 300) m.liveScore.pop_front();
  };
  o.afterTrial = [s](const SessionRunner& runner, const TrialRecord& rec) {
    if (rec.performed) s->model.trialScores.push_back(rec.score);
    s->model.segmentMastery.clear();
    const int segments = std::max<int>(1, static_cast<int>(s->lesson->clip.segments.size()));
    for (int g = 0; g < segments; ++g)
      s->model.segmentMastery.push_back(
          runner.model().policy().segmentMastery(runner.model().observer(), stageGuided(runner.state().stage), g));
  };
  return o;
}

const std::string& DesktopSession::stopReason() const { return impl_->stopReason; }
const std::optional<Error>& DesktopSession::failure() const { return impl_->failure; }
long DesktopSession::framesShown() const { return impl_->shown; }
const std::vector<DesktopFrameTime>& DesktopSession::frameTimes() const { return impl_->frameTimes; }
std::vector<std::string> DesktopSession::validationMessages() const { return impl_->context->validationMessages(); }

// ---- screenshots -----------------------------------------------------------------------------

Status DesktopSession::writeScreenshot(const std::string& path) {
  Impl& s = *impl_;
  // The same frame description and panels, drawn offscreen in the window's format and size.
  TargetDesc d;
  d.format = s.swapchain->format();
  d.extent = s.swapchain->extent();
  if (d.extent.width == 0 || d.extent.height == 0) return makeError(ErrorCode::Device, "the window is minimised", path);
  auto target = s.renderer->createTarget(d);
  if (!target) return target.error();
  if (s.eyes.empty()) return makeError(ErrorCode::Internal, "nothing was shown yet", path);
  ImGui_ImplGlfw_NewFrame();
  if (s.scriptMouse) {
    ImGui::GetIO().MousePos = s.scriptMousePos;
    ImGui::GetIO().MouseDown[0] = false;
  }
  const ViewTarget vt{s.eyes[0], target->get()};
  if (Status st = s.renderer->draw(s.frame, std::span<const ViewTarget>(&vt, 1)); !st) return st;
  auto image = s.renderer->readback(**target);
  if (!image) return image.error();
  return writePng(path, *image);
}

}  // namespace mimesis
