// `mimesis author --desktop` (see AuthorDesktop.hpp).
#include "AuthorDesktop.hpp"

#include <fmt/core.h>

#include <cstdio>
#include <filesystem>

#include "mimesis/desktop/DesktopSession.hpp"

namespace mimesis::app {

Status editOnDesktop(const Clip& take, const std::string& takePath, AuthoringSpec& spec, const AuthorDesktopOptions& o) {
  int w = 0, h = 0;
  char x = 0;
  if (std::sscanf(o.size.c_str(), "%d%c%d", &w, &x, &h) != 3 || x != 'x' || w < 320 || h < 240 || w > 8192 || h > 8192)
    return makeError(ErrorCode::BadInput, "expected WxH of at least 320x240, got '" + o.size + "'", "--size");
  if (!o.screenshot.empty() && o.frames <= 0) return makeError(ErrorCode::BadInput, "--screenshot needs --frames N", "--screenshot");
  // The take as the lesson the window shows: its clip is the ghost, times from 0.
  Lesson lesson;
  lesson.name = std::filesystem::path(takePath).stem().string();
  lesson.scenePath = takePath;
  lesson.clipPath = takePath;
  lesson.clip = take;
  const double t0 = take.frames.front().time;
  for (Frame& f : lesson.clip.frames) f.time -= t0;
  lesson.clip.segments.clear();
  lesson.clip.annotations.clear();
  lesson.mapping = spec.mapping;
  lesson.view = spec.view;

  DesktopOptions d;
  d.width = w;
  d.height = h;
  d.frames = o.frames;
  d.recordingPath = "(authoring: nothing recorded)";
  d.authoring = &spec;
  if (!o.input.empty()) {
    auto script = readDesktopScript(o.input);
    if (!script) return script.error();
    d.script = std::move(*script);
  }
  auto created = DesktopSession::create(lesson, nullptr, "puppet (authoring " + lesson.name + ")", d);
  if (!created) return created.error();
  DesktopSession& session = **created;

  // The take plays on a loop, one "trial" per pass, the ghost fully shown; the puppet's hands
  // are shown beside it and not kept.
  FeedbackState guidance;
  guidance.ghostOpacity = 1.0f;
  guidance.message = "Authoring: mark segments on the timeline";
  TrialContext ctx;
  ctx.rate = lesson.clip.rate;
  ctx.guidance = &guidance;
  ctx.expertShown = &lesson.clip;
  double start = 0.0;
  for (int pass = 0; session.stopRequest().empty() && !session.failure(); ++pass) {
    ctx.trial = pass;
    ctx.startTime = start;
    if (Status st = session.beginTrial(ctx); !st) break;
    Frame f;
    long k = 0;
    while (session.poll(static_cast<double>(k) / ctx.rate, guidance, f)) ++k;
    session.endTrial();
    start += static_cast<double>(k) / ctx.rate;
    if (k == 0) break;
  }
  if (session.failure()) return *session.failure();
  if (!o.screenshot.empty())
    if (Status st = session.writeScreenshot(o.screenshot); !st) return st;
  fmt::print("desktop: {} frames shown; {}\n", session.framesShown(), session.stopReason());
  return okStatus();
}

}  // namespace mimesis::app
