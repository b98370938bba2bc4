// The Headset's session state machine and frame loop: events, wait/begin/locate/draw/end.
#include <cmath>

#include "mimesis/core/Log.hpp"

#include "HeadsetImpl.hpp"

namespace mimesis {
namespace {

// XrSpaceLocationFlags → Mimesis JointFlag bits (HandPose.hpp).
std::uint8_t jointFlags(XrSpaceLocationFlags f) {
  std::uint8_t out = 0;
  if (f & XR_SPACE_LOCATION_POSITION_VALID_BIT) out |= kPositionValid;
  if (f & XR_SPACE_LOCATION_ORIENTATION_VALID_BIT) out |= kOrientationValid;
  if (f & XR_SPACE_LOCATION_POSITION_TRACKED_BIT) out |= kPositionTracked;
  if (f & XR_SPACE_LOCATION_ORIENTATION_TRACKED_BIT) out |= kOrientationTracked;
  return out;
}

Pose fromXr(const XrPosef& p) {
  Pose out;
  out.position = glm::vec3(p.position.x, p.position.y, p.position.z);
  out.orientation = glm::quat(p.orientation.w, p.orientation.x, p.orientation.y, p.orientation.z);
  return out;
}

XrPosef toXr(const Pose& p) {
  return XrPosef{{p.orientation.x, p.orientation.y, p.orientation.z, p.orientation.w},
                 {p.position.x, p.position.y, p.position.z}};
}

}  // namespace

const char* headsetEndName(HeadsetEnd end) {
  switch (end) {
    case HeadsetEnd::Running: return "running";
    case HeadsetEnd::Exited: return "exited";
    case HeadsetEnd::SessionLost: return "session lost";
    case HeadsetEnd::InstanceLost: return "instance lost";
  }
  return "running";
}

bool Headset::Impl::noteLoss(XrResult r) {
  if (r == XR_ERROR_SESSION_LOST) {
    if (end == HeadsetEnd::Running) end = HeadsetEnd::SessionLost;
    running = false;
    return true;
  }
  if (r == XR_ERROR_INSTANCE_LOST) {
    end = HeadsetEnd::InstanceLost;
    running = false;
    return true;
  }
  return false;
}

Status Headset::Impl::onState(XrSessionState next) {
  state = next;
  history.push_back(next);
  moduleLog("xr").debug("XrSessionState {} (change {})", static_cast<int>(next), history.size());
  switch (next) {
    case XR_SESSION_STATE_READY: {
      auto bi = xrStruct<XrSessionBeginInfo>(XR_TYPE_SESSION_BEGIN_INFO);
      bi.primaryViewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO;
      const XrResult r = xrBeginSession(session.get(), &bi);
      if (noteLoss(r)) return okStatus();
      if (XR_FAILED(r)) return xrFailure(instance.get(), r, "xrBeginSession(session, &bi)", __FILE__, __LINE__);
      running = true;
      break;
    }
    case XR_SESSION_STATE_STOPPING: {
      const XrResult r = xrEndSession(session.get());
      running = false;
      if (noteLoss(r)) return okStatus();
      if (XR_FAILED(r)) return xrFailure(instance.get(), r, "xrEndSession(session)", __FILE__, __LINE__);
      break;
    }
    case XR_SESSION_STATE_EXITING:
      running = false;
      if (end == HeadsetEnd::Running) end = HeadsetEnd::Exited;
      break;
    case XR_SESSION_STATE_LOSS_PENDING:
      // The session is going away: stop submitting; the recording is the caller's to keep.
      running = false;
      if (end == HeadsetEnd::Running) end = HeadsetEnd::SessionLost;
      break;
    default:  // IDLE, SYNCHRONIZED, VISIBLE, FOCUSED: nothing to do but remember it
      break;
  }
  return okStatus();
}

Status Headset::Impl::pollEvents() {
  // Drain the queue every pass: events come in bursts.
  for (int guard = 0; guard < 1000; ++guard) {
    auto event = xrStruct<XrEventDataBuffer>(XR_TYPE_EVENT_DATA_BUFFER);
    const XrResult r = xrPollEvent(instance.get(), &event);
    if (r == XR_EVENT_UNAVAILABLE) return okStatus();
    if (noteLoss(r)) return okStatus();
    if (XR_FAILED(r)) return xrFailure(instance.get(), r, "xrPollEvent(instance, &event)", __FILE__, __LINE__);
    switch (event.type) {
      case XR_TYPE_EVENT_DATA_INSTANCE_LOSS_PENDING:
        end = HeadsetEnd::InstanceLost;
        running = false;
        break;
      case XR_TYPE_EVENT_DATA_SESSION_STATE_CHANGED: {
        const auto& e = reinterpret_cast<const XrEventDataSessionStateChanged&>(event);
        if (e.session == session.get())
          if (Status st = onState(e.state); !st) return st;
        break;
      }
      default:  // events the headset does not use (reference space changes, interaction profiles)
        break;
    }
  }
  return okStatus();
}

Status Headset::Impl::locateHands(XrTime time, Frame& out) {
  out = Frame{};
  for (int hand = 0; hand < 2; ++hand) {
    std::array<XrHandJointLocationEXT, XR_HAND_JOINT_COUNT_EXT> joints{};
    auto locations = xrStruct<XrHandJointLocationsEXT>(XR_TYPE_HAND_JOINT_LOCATIONS_EXT);
    locations.jointCount = XR_HAND_JOINT_COUNT_EXT;
    locations.jointLocations = joints.data();
    auto li = xrStruct<XrHandJointsLocateInfoEXT>(XR_TYPE_HAND_JOINTS_LOCATE_INFO_EXT);
    li.baseSpace = space.get();
    li.time = time;
    const XrResult r = locateHandJoints(trackers[static_cast<std::size_t>(hand)].get(), &li, &locations);
    if (noteLoss(r)) return okStatus();
    if (XR_FAILED(r))
      return xrFailure(instance.get(), r, "xrLocateHandJointsEXT(tracker, &li, &locations)", __FILE__, __LINE__);
    HandPose& hp = out.hands[static_cast<std::size_t>(hand)];
    if (locations.isActive != XR_TRUE) continue;  // nothing usable: the default, inactive hand
    hp.active = true;
    for (std::size_t j = 0; j < joints.size(); ++j) {
      hp.joints[j].pose = fromXr(joints[j].pose);
      hp.joints[j].radius = joints[j].radius;
      hp.joints[j].flags = jointFlags(joints[j].locationFlags);
    }
  }
  return okStatus();
}

Status Headset::Impl::renderViews(XrTime time, const ComposeFn& compose, const Frame& hands,
                                  std::array<XrCompositionLayerProjectionView, 2>& projViews, bool& drawn) {
  drawn = false;
  std::array<XrView, 2> views{};
  views.fill(xrStruct<XrView>(XR_TYPE_VIEW));
  auto vli = xrStruct<XrViewLocateInfo>(XR_TYPE_VIEW_LOCATE_INFO);
  vli.viewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO;
  vli.displayTime = time;
  vli.space = space.get();
  auto vs = xrStruct<XrViewState>(XR_TYPE_VIEW_STATE);
  uint32_t n = 0;
  const XrResult lr = xrLocateViews(session.get(), &vli, &vs, 2, &n, views.data());
  if (noteLoss(lr)) return okStatus();
  if (XR_FAILED(lr)) return xrFailure(instance.get(), lr, "xrLocateViews(session, &vli, &vs, 2, &n, views)", __FILE__, __LINE__);
  // Without a valid head pose there is nothing sensible to draw this frame.
  if ((vs.viewStateFlags & XR_VIEW_STATE_ORIENTATION_VALID_BIT) == 0 || (vs.viewStateFlags & XR_VIEW_STATE_POSITION_VALID_BIT) == 0)
    return okStatus();
  std::array<EyeView, 2> eyeViews{};
  for (std::size_t e = 0; e < 2; ++e) {
    eyeViews[e].T_world_eye = fromXr(views[e].pose);
    eyeViews[e].fov = FieldOfView{views[e].fov.angleLeft, views[e].fov.angleRight, views[e].fov.angleUp, views[e].fov.angleDown};
  }
  if (compose) compose(hands, eyeViews, description);

  std::array<ViewTarget, 2> targets{};
  std::array<uint32_t, 2> indices{};
  for (std::size_t e = 0; e < 2; ++e) {
    XrSwapchain sc = this->eyes[e].swapchain.get();
    auto ai = xrStruct<XrSwapchainImageAcquireInfo>(XR_TYPE_SWAPCHAIN_IMAGE_ACQUIRE_INFO);
    XrResult r = xrAcquireSwapchainImage(sc, &ai, &indices[e]);
    if (noteLoss(r)) return okStatus();
    MIMESIS_XR_CHECK(instance.get(), r);
    auto wi = xrStruct<XrSwapchainImageWaitInfo>(XR_TYPE_SWAPCHAIN_IMAGE_WAIT_INFO);
    wi.timeout = XR_INFINITE_DURATION;
    r = xrWaitSwapchainImage(sc, &wi);
    if (noteLoss(r)) return okStatus();
    MIMESIS_XR_CHECK(instance.get(), r);
    targets[e].view = eyeViews[e];
    targets[e].target = this->eyes[e].targets[indices[e]].get();
  }
  // Both eyes in one submission; the images end in COLOR_ATTACHMENT_OPTIMAL as the runtime expects.
  if (Status st = renderer->draw(description, targets); !st) return st;
  for (std::size_t e = 0; e < 2; ++e) {
    auto ri = xrStruct<XrSwapchainImageReleaseInfo>(XR_TYPE_SWAPCHAIN_IMAGE_RELEASE_INFO);
    const XrResult r = xrReleaseSwapchainImage(this->eyes[e].swapchain.get(), &ri);
    if (noteLoss(r)) return okStatus();
    MIMESIS_XR_CHECK(instance.get(), r);
    XrCompositionLayerProjectionView& pv = projViews[e];
    pv = xrStruct<XrCompositionLayerProjectionView>(XR_TYPE_COMPOSITION_LAYER_PROJECTION_VIEW);
    pv.pose = toXr(eyeViews[e].T_world_eye);
    pv.fov = views[e].fov;
    pv.subImage.swapchain = this->eyes[e].swapchain.get();
    pv.subImage.imageRect.offset = {0, 0};
    pv.subImage.imageRect.extent = {static_cast<int32_t>(viewConfig[e].recommendedImageRectWidth),
                                    static_cast<int32_t>(viewConfig[e].recommendedImageRectHeight)};
    pv.subImage.imageArrayIndex = 0;
  }
  drawn = true;
  return okStatus();
}

Result<HeadsetFrame> Headset::frame(const ComposeFn& compose) {
  // A pending frame is finished first: the events can wait a frame, and one that ended the
  // session now would leave the waited frame unbegun.
  if (!impl_->waitPending)
    if (Status st = impl_->pollEvents(); !st) return st.error();
  return impl_->runFrame(compose);
}

Result<HeadsetWait> Headset::waitFrame() {
  if (!impl_->waitPending) {
    if (Status st = impl_->pollEvents(); !st) return st.error();
    if (Status st = impl_->wait(); !st) return st.error();
  }
  return impl_->waitPending ? impl_->pending : HeadsetWait{};
}

Status Headset::Impl::wait() {
  if (waitPending || end != HeadsetEnd::Running || !running) return okStatus();
  auto wi = xrStruct<XrFrameWaitInfo>(XR_TYPE_FRAME_WAIT_INFO);
  auto fs = xrStruct<XrFrameState>(XR_TYPE_FRAME_STATE);
  const XrResult r = xrWaitFrame(session.get(), &wi, &fs);
  if (noteLoss(r)) return okStatus();
  MIMESIS_XR_CHECK(instance.get(), r);
  ++framesWaited;
  pending = HeadsetWait{};
  pending.waited = true;
  pending.displayTime = fs.predictedDisplayTime;
  pending.displayPeriod = fs.predictedDisplayPeriod;
  pending.focused = state == XR_SESSION_STATE_FOCUSED;
  pendingShouldRender = fs.shouldRender == XR_TRUE;
  waitPending = true;
  return okStatus();
}

Result<HeadsetFrame> Headset::Impl::runFrame(const ComposeFn& compose) {
  Impl& h = *this;
  HeadsetFrame out;
  if (Status st = h.wait(); !st) return st.error();
  if (!h.waitPending) return out;  // not running, over, or lost while waiting
  h.waitPending = false;
  if (h.end != HeadsetEnd::Running || !h.running) return out;
  out.waited = true;
  out.displayTime = h.pending.displayTime;
  out.displayPeriod = h.pending.displayPeriod;
  out.focused = h.pending.focused;
  if (out.focused) out.focusIndex = h.focusFrames++;
  auto bi = xrStruct<XrFrameBeginInfo>(XR_TYPE_FRAME_BEGIN_INFO);
  XrResult r = xrBeginFrame(h.session.get(), &bi);
  if (h.noteLoss(r)) return out;
  MIMESIS_XR_CHECK(h.instance.get(), r);  // XR_FRAME_DISCARDED is a success

  // Hands and views at the time this frame will be seen: no frame of latency.
  const XrTime displayTime = out.displayTime;
  if (Status st = h.locateHands(displayTime, out.hands); !st) return st.error();
  std::array<XrCompositionLayerProjectionView, 2> projViews{};
  bool drawn = false;
  if (h.pendingShouldRender && h.end == HeadsetEnd::Running)
    if (Status st = h.renderViews(displayTime, compose, out.hands, projViews, drawn); !st) return st.error();
  if (h.end != HeadsetEnd::Running && h.end != HeadsetEnd::Exited) return out;

  auto layer = xrStruct<XrCompositionLayerProjection>(XR_TYPE_COMPOSITION_LAYER_PROJECTION);
  layer.space = h.space.get();
  layer.viewCount = 2;
  layer.views = projViews.data();
  const XrCompositionLayerBaseHeader* layers[] = {reinterpret_cast<const XrCompositionLayerBaseHeader*>(&layer)};
  auto ei = xrStruct<XrFrameEndInfo>(XR_TYPE_FRAME_END_INFO);
  ei.displayTime = displayTime;
  ei.environmentBlendMode = XR_ENVIRONMENT_BLEND_MODE_OPAQUE;
  ei.layerCount = drawn ? 1u : 0u;  // not rendering: the frame is still ended, with no layers
  ei.layers = drawn ? layers : nullptr;
  r = xrEndFrame(h.session.get(), &ei);
  if (h.noteLoss(r)) return out;
  MIMESIS_XR_CHECK(h.instance.get(), r);
  out.submitted = drawn;
  if (drawn) ++h.framesSubmitted;
  return out;
}

Result<bool> Headset::runUntilFocused(int maxPasses, const ComposeFn& compose) {
  // Events first: the frame after this returns is the first one waited while FOCUSED.
  for (int i = 0; i < maxPasses; ++i) {
    if (Status st = impl_->pollEvents(); !st) return st.error();
    if (impl_->state == XR_SESSION_STATE_FOCUSED) return true;
    if (impl_->end != HeadsetEnd::Running) return false;
    Result<HeadsetFrame> f = impl_->runFrame(compose);
    if (!f) return f.error();
  }
  return impl_->state == XR_SESSION_STATE_FOCUSED;
}

Status Headset::exit(int maxPasses, const ComposeFn& compose) {
  Impl& h = *impl_;
  // A frame waited and never drawn (the lesson stopped after waiting it) is ended first.
  if (h.waitPending)
    if (Result<HeadsetFrame> f = h.runFrame(compose); !f) return f.error();
  // Drain what the runtime said last (a loss, a stop) before asking for anything.
  if (Status st = h.pollEvents(); !st) return st;
  if (h.end == HeadsetEnd::Running && h.running) {
    const XrResult r = xrRequestExitSession(h.session.get());
    if (!h.noteLoss(r)) MIMESIS_XR_CHECK(h.instance.get(), r);
  }
  for (int i = 0; i < maxPasses && h.end == HeadsetEnd::Running; ++i) {
    Result<HeadsetFrame> f = frame(compose);
    if (!f) return f.error();
  }
  if (h.end == HeadsetEnd::Running)
    return makeError(ErrorCode::Device, "the OpenXR session did not end after " + std::to_string(maxPasses) + " frames");
  return okStatus();
}

HeadsetEnd Headset::end() const { return impl_->end; }
XrSessionState Headset::state() const { return impl_->state; }
const std::vector<XrSessionState>& Headset::stateHistory() const { return impl_->history; }
std::int64_t Headset::framesSubmitted() const { return impl_->framesSubmitted; }
std::int64_t Headset::framesWaited() const { return impl_->framesWaited; }
bool Headset::stageSpace() const { return impl_->stage; }
std::string Headset::runtimeName() const { return impl_->runtimeName; }
std::string Headset::swapchainFormatName() const {
  return impl_->colourFormat == VK_FORMAT_B8G8R8A8_SRGB ? "B8G8R8A8_SRGB" : "R8G8B8A8_SRGB";
}
std::uint32_t Headset::eyeWidth() const { return impl_->viewConfig[0].recommendedImageRectWidth; }
std::uint32_t Headset::eyeHeight() const { return impl_->viewConfig[0].recommendedImageRectHeight; }
std::vector<std::string> Headset::vulkanValidationMessages() const {
  return impl_->vulkan ? impl_->vulkan->validationMessages() : std::vector<std::string>{};
}

}  // namespace mimesis
