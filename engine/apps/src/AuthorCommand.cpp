// `mimesis author TAKE --out SCENE.json`: an expert's take made into a lesson — trimmed, cut
// into named segments, do-not-copy spans and per-segment tolerances marked, mapping and view
// chosen — checked (preview report next to the scene) and published with its clip. With
// --desktop the same edit is made on the desktop's timeline (scripted with --input in CI).
// The logic is engine/authoring's; this file parses arguments and reports.
#include <fmt/core.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "AuthorDesktop.hpp"
#include "Command.hpp"
#include "mimesis/authoring/ScenePublisher.hpp"
#include "mimesis/motion_import/ClipLoader.hpp"

namespace mimesis::app {
namespace {

struct AuthorCommandOptions {
  std::string take;
  std::string out;
  std::string trim;
  std::vector<std::string> segments, noCopy, tolerances;
  std::string mapping = "anatomical";
  std::string view = "facing";
  std::string name, description;
  AuthorDesktopOptions desktop;
  bool useDesktop = false;
};

Result<AuthoringSpec> specFrom(const AuthorCommandOptions& o) {
  AuthoringSpec spec;
  spec.name = o.name;
  spec.description = o.description;
  if (!o.trim.empty()) {
    auto t = parseTimeSpan(o.trim, "--trim");
    if (!t) return t.error();
    spec.trim = *t;
  }
  for (const std::string& s : o.segments) {
    auto n = parseNamedSpan(s, "--segment");
    if (!n) return n.error();
    spec.segments.push_back(*n);
  }
  for (const std::string& s : o.noCopy) {
    auto t = parseTimeSpan(s, "--no-copy");
    if (!t) return t.error();
    spec.noCopy.push_back(*t);
  }
  for (const std::string& s : o.tolerances) {
    auto t = parseSegmentTolerance(s, "--tolerance");
    if (!t) return t.error();
    spec.tolerances.push_back(*t);
  }
  spec.mapping = o.mapping == "mirror" ? ImitationMapping::Mirror : ImitationMapping::Anatomical;
  for (LessonView v : {LessonView::Facing, LessonView::FirstPerson, LessonView::Side})
    if (o.view == lessonViewName(v)) spec.view = v;
  return spec;
}

int runAuthor(const AuthorCommandOptions& o) {
  Result<Clip> take = loadClip(o.take);
  if (!take) return reportError("author", take.error());
  if (take->frames.size() < 2) return reportError("author", makeError(ErrorCode::BadInput, "the take needs at least two frames", o.take));
  Result<AuthoringSpec> spec = specFrom(o);
  if (!spec) return reportError("author", spec.error());
  // Bad ranges are named before any window opens.
  {
    AuthoringSpec checked = *spec;
    if (Status st = validateAuthoringSpec(checked, take->duration()); !st) return reportError("author", st.error());
  }
  if (o.useDesktop) {
    Status edited = editOnDesktop(*take, o.take, *spec, o.desktop);
    if (!edited) return reportError("author", edited.error());
  }
  Result<PublishResult> r = publishAuthoredScene(*take, *spec, o.out);
  if (!r) return reportError("author", r.error());
  for (const CheckItem& i : r->check.items)
    fmt::print("{} {}: {}\n", i.passed ? "ok  " : "FAIL", i.what, i.detail);
  fmt::print("preview: {}\n", r->previewPath);
  if (!r->published)
    return reportError("author", makeError(ErrorCode::BadInput, "the lesson failed its checks and was not published (see the preview)", o.out));
  fmt::print("published: {} (clip {}), {} segments, {:.3f} s\n", r->scenePath, r->clipPath, r->lesson.clip.segments.size(),
             r->lesson.clip.duration());
  return kExitOk;
}

}  // namespace

CommandAction addAuthorCommand(CLI::App& app) {
  auto o = std::make_shared<AuthorCommandOptions>();
  CLI::App* cmd = app.add_subcommand("author", "Make a lesson from a take: trim, segments, do-not-copy spans, tolerances; check; publish a scene");
  cmd->add_option("take", o->take, "The expert's take (.mrec from `mimesis record`, or any clip `inspect` reads)")->required();
  cmd->add_option("--out", o->out, "The scene to publish (SCENE.json; its clip is written next to it as SCENE.mrec)")->required();
  cmd->add_option("--trim", o->trim, "Keep take seconds START:END");
  cmd->add_option("--segment", o->segments, "A named segment NAME:START:END (take seconds; repeatable)");
  cmd->add_option("--no-copy", o->noCopy, "A span shown to the learner but not scored, START:END (repeatable)");
  cmd->add_option("--tolerance", o->tolerances, "A segment's relative tolerance SEGMENT:VALUE, 0.01-1 (repeatable)");
  cmd->add_option("--mapping", o->mapping, "How the learner copies")->check(CLI::IsMember({"anatomical", "mirror"}))->capture_default_str();
  cmd->add_option("--view", o->view, "The lesson's default view")->check(CLI::IsMember({"facing", "first-person", "side"}))->capture_default_str();
  cmd->add_option("--name", o->name, "The lesson's name (default: the scene file's stem)");
  cmd->add_option("--description", o->description, "Free text shown at the top of the report");
  cmd->add_flag("--desktop", o->useDesktop, "Edit on the desktop's timeline first (the options above are its starting point)");
  cmd->add_option("--input", o->desktop.input, "With --desktop: scripted input (DesktopScript.hpp, authoring actions included)");
  cmd->add_option("--frames", o->desktop.frames, "With --desktop: stop after N displayed frames")->check(CLI::Range(1L, 10000000L));
  cmd->add_option("--size", o->desktop.size, "With --desktop: window size WxH")->capture_default_str();
  cmd->add_option("--screenshot", o->desktop.screenshot, "With --desktop and --frames: the last frame as PNG");
  return [o] { return runAuthor(*o); };
}

}  // namespace mimesis::app
