// One offscreen picture of a lesson moment: live-score the learner up to the moment, compose the
// frame with the session's FrameBuilder, draw each eye, read back.
#include "mimesis/stills/StillRenderer.hpp"

#include "mimesis/stills/HandMeshSet.hpp"

#include <cmath>
#include <filesystem>
#include <optional>

#include <glm/gtc/matrix_transform.hpp>

#include "mimesis/motion/ClipSampler.hpp"
#include "mimesis/motion/MeshSkinning.hpp"
#include "mimesis/motion_import/AvatarPose.hpp"
#include "mimesis/motion_import/SkinnedMesh.hpp"
#include "mimesis/render/Renderer.hpp"
#include "mimesis/scoring/LiveScorer.hpp"
#include "mimesis/session/BodyPlacement.hpp"
#include "mimesis/session/FrameBuilder.hpp"
#include "mimesis/session/MirrorAdapters.hpp"
#include "mimesis/session/ViewCameras.hpp"

namespace mimesis {

struct StillRenderer::Impl {
  std::unique_ptr<VulkanContext> context;
  std::unique_ptr<Renderer> renderer;
  std::string assetsDir;
  HandMeshSet handMeshes;
  // The avatar last asked for, loaded and uploaded once for every still that shows it.
  std::string avatarPath;
  std::optional<AvatarAnimation> avatar;
  int avatarMesh = -1;

  // Loads and uploads `path` unless it is the avatar already held.
  Status useAvatar(const std::string& path) {
    if (avatar && avatarPath == path) return okStatus();
    Result<AvatarAnimation> loaded = loadAvatar(path);
    if (!loaded) return loaded.error();
    Result<int> mesh = renderer->addMesh(loaded->mesh);
    if (!mesh) return mesh.error();
    avatar = std::move(*loaded);
    avatarMesh = *mesh;
    avatarPath = path;
    return okStatus();
  }
};

float avatarHeightFor(const StillRequest& rq) {
  if (rq.learnerHeight > 0.0f && std::isfinite(rq.learnerHeight)) return rq.learnerHeight;
  const float fromClip = rq.lesson != nullptr ? clipStandingHeight(rq.lesson->clip) : 0.0f;
  return fromClip > 0.0f ? fromClip : kDefaultLearnerHeight;
}

StillRenderer::StillRenderer() : impl_(std::make_unique<Impl>()) {}
StillRenderer::~StillRenderer() = default;

Result<std::unique_ptr<StillRenderer>> StillRenderer::create(bool validation, const std::string& assetsDir) {
  std::unique_ptr<StillRenderer> s(new StillRenderer());
  VulkanContextOptions options;
  options.validation = validation;
  auto context = VulkanContext::create(options);
  if (!context) return context.error();
  s->impl_->context = std::move(*context);
  auto renderer = Renderer::create(*s->impl_->context);
  if (!renderer) return renderer.error();
  s->impl_->renderer = std::move(*renderer);
  s->impl_->assetsDir = assetsDir;
  return s;
}

std::vector<std::string> StillRenderer::validationMessages() const { return impl_->context->validationMessages(); }
std::string StillRenderer::deviceName() const { return impl_->context->deviceName(); }

Result<RgbaImage> StillRenderer::render(const StillRequest& rq) {
  Impl& s = *impl_;
  if (rq.lesson == nullptr) return makeError(ErrorCode::Internal, "no lesson", "render");
  const Clip& expertClip = rq.lesson->clip;
  const double expertStart = expertClip.frames.front().time;
  Frame expert;
  sampleClip(expertClip, expertStart + rq.expertTime, expert);

  Frame learner;
  FrameScore score;
  bool haveScore = false;
  std::vector<std::string> groupNames;
  if (rq.learner != nullptr && !rq.learner->frames.empty()) {
    const double learnerStart = rq.learner->frames.front().time;
    const double t = rq.learnerTime >= 0.0 ? rq.learnerTime : rq.expertTime;
    sampleClip(*rq.learner, learnerStart + t, learner);
    // Live scoring up to the moment gives the per-group errors the learner's joints are coloured by.
    auto scorer = LiveScorer::create(expertClip, rq.lesson->scoring, {});
    if (!scorer) return scorer.error();
    for (const Frame& f : rq.learner->frames) {
      if (f.time > learnerStart + t + 1e-9) break;
      score = scorer->push(f);
      haveScore = true;
    }
    groupNames = scorer->groupNames();
  }
  const CellGroupMap groups = CellGroupMap::fromNames(groupNames);

  if (rq.handMeshes && !s.handMeshes.loaded()) {
    Status loaded = s.handMeshes.load(s.assetsDir, *s.renderer);
    if (!loaded) return loaded.error();
  }
  // The still's requested view wins over the feedback's (the FrameBuilder follows the feedback).
  FeedbackState feedback = rq.feedback;
  feedback.view = rq.view == ViewKind::Mirror ? View::Facing : View::FirstPerson;
  FrameInputs in;
  in.expert = &expert;
  in.learner = rq.learner != nullptr ? &learner : nullptr;
  in.feedback = &feedback;
  in.score = haveScore ? &score : nullptr;
  in.scoreGroups = haveScore ? &groups : nullptr;
  in.scoring = &rq.lesson->scoring;
  in.view = rq.view;
  in.mapping = rq.lesson->mapping;
  in.bodySkeleton = expertClip.body.empty() ? nullptr : &expertClip.body;
  // Both bodies on the learner's spot (BodyPlacement.hpp); a learner recording's body is in its
  // own skeleton when it has one, else in the expert's (recordings are matched by joint name).
  in.bodyStart = expertClip.body.empty() ? nullptr : &expertClip.frames.front();
  if (rq.learner != nullptr && !rq.learner->frames.empty() && !learner.body.empty()) {
    in.learnerBodySkeleton = rq.learner->body.joints.size() == learner.body.size() ? &rq.learner->body : in.bodySkeleton;
    in.learnerBodyStart = &rq.learner->frames.front();
    in.scoreGroupNames = haveScore ? &groupNames : nullptr;
  }
  if (rq.handMeshes) s.handMeshes.useIn(in);
  FrameDescription frame;
  buildFrameDescription(in, frame);
  if (rq.view == ViewKind::Side) frame.view = ViewKind::Side;
  ViewBox avatarBox;
  if (!rq.avatarPath.empty()) {
    if (Status loaded = s.useAvatar(rq.avatarPath); !loaded) return loaded.error();
    const AvatarStage stage = stageAvatar(*s.avatar, avatarHeightFor(rq));
    DrawnMesh body;
    body.mesh = s.avatarMesh;
    avatarSkinMatrices(*s.avatar, rq.expertTime, body.skin);
    for (glm::mat4& m : body.skin) m = stage.place * m;
    // A textured avatar shows its texture's own colours; an untextured one the default skin tone.
    if (!s.avatar->mesh.baseColour.empty()) body.colour = glm::vec4(1.0f);
    frame.meshes.push_back(std::move(body));
    avatarBox = stage.box;
  }
  std::vector<EyeView> eyes;
  Frame viewExpert, viewLearner;
  eyeViewsFor(frame.view, placedForView(in.learner, in.learnerBodyStart, in.learnerBodySkeleton, viewLearner),
              placedForView(&expert, in.bodyStart, in.bodySkeleton, viewExpert), rq.stereo, static_cast<float>(rq.width) / static_cast<float>(rq.height), eyes,
              &avatarBox);
  std::vector<std::unique_ptr<RenderTarget>> targets;
  std::vector<ViewTarget> views;
  for (const EyeView& e : eyes) {
    TargetDesc d;
    d.extent = {static_cast<std::uint32_t>(rq.width), static_cast<std::uint32_t>(rq.height)};
    auto t = s.renderer->createTarget(d);
    if (!t) return t.error();
    views.push_back({e, t->get()});
    targets.push_back(std::move(*t));
  }
  Status drawn = s.renderer->draw(frame, views);
  if (!drawn) return drawn.error();
  std::vector<RgbaImage> images;
  for (const auto& t : targets) {
    auto im = s.renderer->readback(*t);
    if (!im) return im.error();
    images.push_back(std::move(*im));
  }
  return images.size() == 1 ? std::move(images[0]) : sideBySide(images);
}

}  // namespace mimesis
