// `mimesis render`: one frame of a lesson drawn headless to PNG — the expert as shown, a learner
// (recorded, or a simulated one by default) coloured by its live errors, in the chosen view.
#include <fmt/core.h>

#include <filesystem>
#include <string>
#include <vector>

#include "Command.hpp"
#include "LessonInputs.hpp"
#include "mimesis/core/Log.hpp"
#include "mimesis/stills/StillRenderer.hpp"
#include "mimesis/motion/SimulatedLearner.hpp"
#include "mimesis/motion_import/ClipLoader.hpp"

namespace mimesis::app {
namespace {

struct RenderOptions {
  std::string scene;
  double time = 0.0;
  std::string out;
  std::string view = "first-person";
  std::string size = "1280x960";
  bool stereo = false;
  std::string learner;
  bool noLearner = false;
  float ghostOpacity = 0.6f;
  std::string stage = "guided";
  std::string message;
  std::vector<std::string> highlight;
  bool handMesh = false;
  std::string avatar;
  float height = 0.0f;
  bool validate = false;
};

Result<std::pair<int, int>> parseSize(const std::string& s) {
  int w = 0, h = 0;
  char x = 0, extra = 0;
  if (std::sscanf(s.c_str(), "%d%c%d%c", &w, &x, &h, &extra) != 3 || (x != 'x' && x != 'X'))
    return makeError(ErrorCode::BadInput, "expected WxH, e.g. 1280x960, got '" + s + "'", "--size");
  if (w < 16 || h < 16 || w > 8192 || h > 8192)
    return makeError(ErrorCode::BadInput, "each side must be 16..8192 pixels, got '" + s + "'", "--size");
  return std::make_pair(w, h);
}

Result<Stage> parseStage(const std::string& s) {
  for (int i = 0; i < kStageCount; ++i)
    if (stageName(static_cast<Stage>(i)) == s) return static_cast<Stage>(i);
  return makeError(ErrorCode::BadInput, "unknown stage '" + s + "' (watch, imagine, guided, faded, solo, retention)", "--stage");
}

// "right.index" → a cue on that hand's group, so the picture shows the highlight.
Result<Cue> parseHighlight(const std::string& s) {
  const std::size_t dot = s.find('.');
  const std::string hand = s.substr(0, dot);
  const std::string group = dot == std::string::npos ? "" : s.substr(dot + 1);
  Cue c;
  if (hand == "left") c.hand = Hand::Left;
  else if (hand == "right") c.hand = Hand::Right;
  else return makeError(ErrorCode::BadInput, "expected HAND.GROUP like right.index, got '" + s + "'", "--highlight");
  for (int g = 0; g < kHandGroupCount; ++g)
    if (handGroupName(static_cast<HandGroup>(g)) == group) {
      c.group = static_cast<HandGroup>(g);
      return c;
    }
  return makeError(ErrorCode::BadInput,
                   "unknown joint group '" + group + "' (wrist, thumb, index, middle, ring, little)", "--highlight");
}

int runRender(const RenderOptions& o) {
  auto size = parseSize(o.size);
  if (!size) return reportError("render", size.error());
  auto stage = parseStage(o.stage);
  if (!stage) return reportError("render", stage.error());
  ViewKind view = ViewKind::FirstPerson;
  if (o.view == "mirror") view = ViewKind::Mirror;
  else if (o.view == "side") view = ViewKind::Side;

  Result<Lesson> lesson = loadSceneLesson(o.scene);
  if (!lesson) return reportError("render", lesson.error());
  const double duration = lesson->clip.duration();
  if (!(o.time >= 0.0 && o.time <= duration))
    return reportError("render", makeError(ErrorCode::BadInput,
                                           fmt::format("time {} s is outside the clip (0 to {:.3f} s)", o.time, duration),
                                           "--time"));
  Clip learner;
  if (!o.noLearner) {
    if (!o.learner.empty()) {
      Result<Clip> c = loadClip(o.learner);
      if (!c) return reportError("render", c.error());
      learner = std::move(*c);
    } else {
      LearnerParams p;  // a plausible learner: a little late, a little small, a little noisy
      p.lagMs = 120;
      p.gain = 0.85;
      p.noiseMm = 2;
      p.rate = lesson->clip.rate;
      learner = simulateLearner(lesson->clip, p);
    }
  }

  StillRequest rq;
  rq.lesson = &*lesson;
  rq.learner = o.noLearner ? nullptr : &learner;
  rq.expertTime = o.time;
  rq.view = view;
  rq.width = size->first;
  rq.height = size->second;
  rq.stereo = o.stereo;
  rq.handMeshes = o.handMesh;
  rq.avatarPath = o.avatar;
  rq.learnerHeight = o.height;
  rq.feedback.stage = *stage;
  rq.feedback.ghostOpacity = o.ghostOpacity;
  rq.feedback.message = o.message;
  for (const std::string& h : o.highlight) {
    if (rq.feedback.cueCount >= kMaxCues) break;
    auto cue = parseHighlight(h);
    if (!cue) return reportError("render", cue.error());
    rq.feedback.cues[static_cast<std::size_t>(rq.feedback.cueCount++)] = *cue;
  }

  const std::filesystem::path assets = std::filesystem::path(lesson->scenePath).parent_path().parent_path() / "assets";
  auto still = StillRenderer::create(o.validate, assets.string());
  if (!still) return reportError("render", still.error());
  Result<RgbaImage> image = (*still)->render(rq);
  if (!image) return reportError("render", image.error());
  const Status written = writePng(o.out, *image);
  if (!written) return reportError("render", written.error());
  const std::vector<std::string> messages = (*still)->validationMessages();
  for (const std::string& m : messages) moduleLog("render").warn(m);
  if (o.validate && !messages.empty())
    return reportError("render", makeError(ErrorCode::Device, fmt::format("{} validation messages", messages.size()), "--validate"));
  fmt::print("{} ({}x{}, {} view{}, {})\n", o.out, image->width, image->height, o.view, o.stereo ? ", stereo" : "",
             (*still)->deviceName());
  return kExitOk;
}

}  // namespace

CommandAction addRenderCommand(CLI::App& app) {
  auto o = std::make_shared<RenderOptions>();
  CLI::App* cmd = app.add_subcommand("render", "Render one frame of a lesson headless to PNG (Vulkan, offscreen)");
  cmd->add_option("scene", o->scene, "Lesson scene file (scenes/*.json)")->required();
  cmd->add_option("--time", o->time, "Expert clip time to show, seconds")->required();
  cmd->add_option("--out", o->out, "Output PNG file")->required();
  cmd->add_option("--view", o->view, "first-person (co-located ghost), mirror (facing model and mirror) or side")
      ->capture_default_str()->check(CLI::IsMember({"first-person", "mirror", "side"}));
  cmd->add_option("--size", o->size, "Image size per eye, WxH")->capture_default_str();
  cmd->add_flag("--stereo", o->stereo, "Render both eyes, side by side");
  auto* learner = cmd->add_option("--learner", o->learner, "Learner recording to show (default: a simulated learner)");
  auto* none = cmd->add_flag("--no-learner", o->noLearner, "Show the expert only");
  learner->excludes(none);
  cmd->add_option("--ghost-opacity", o->ghostOpacity, "Opacity of the expert ghost, 0..1")
      ->capture_default_str()->check(CLI::Range(0.0f, 1.0f));
  cmd->add_option("--stage", o->stage, "Stage shown in the panel")->capture_default_str();
  cmd->add_option("--message", o->message, "Coach message shown in the panel");
  cmd->add_option("--highlight", o->highlight, "Highlight a joint group, HAND.GROUP (e.g. right.index); repeatable");
  cmd->add_flag("--hand-mesh", o->handMesh, "Draw the learner's hands with the skinned hand mesh");
  cmd->add_option("--avatar", o->avatar,
                  "A skinned avatar (.glb .gltf .fbx .dae) to draw 1.2 m in front of the learner, facing them, "
                  "on the floor, scaled to --height, textured where the file has a texture, playing its own "
                  "first animation at --time");
  cmd->add_option("--height", o->height,
                  "The learner's standing height in metres the avatar is scaled to (default: the clip's body "
                  "skeleton's, else 1.70)")
      ->check(CLI::Range(0.5f, 2.5f));
  cmd->add_flag("--validate", o->validate, "Enable Vulkan validation layers; fail on any message");
  return [o] { return runRender(*o); };
}

}  // namespace mimesis::app
