// The session lifecycle (IDLE → READY → SYNCHRONIZED → VISIBLE → FOCUSED and out through
// STOPPING → IDLE → EXITING, or LOSS_PENDING) and the frame loop on a virtual clock.
#include <chrono>
#include <thread>

#include "Entry.hpp"

namespace mxs {
namespace {

#define MXS_SESSION(var, handle)                                  \
  std::lock_guard<std::mutex> lock_(runtime().mutex);             \
  Session* var = findSession(handle);                             \
  if (var == nullptr) return XR_ERROR_HANDLE_INVALID;             \
  if (XrResult r_ = instanceStatus(*var->instance); XR_FAILED(r_)) return r_

// Leaves the running states in the order the specification gives: FOCUSED → VISIBLE →
// SYNCHRONIZED → STOPPING.
void beginStopping(Session& s) {
  s.exitRequested = true;
  if (s.state == XR_SESSION_STATE_FOCUSED) queueState(s, XR_SESSION_STATE_VISIBLE, s.lastPredicted);
  if (s.state == XR_SESSION_STATE_VISIBLE) queueState(s, XR_SESSION_STATE_SYNCHRONIZED, s.lastPredicted);
  if (s.state == XR_SESSION_STATE_SYNCHRONIZED || s.state == XR_SESSION_STATE_READY)
    queueState(s, XR_SESSION_STATE_STOPPING, s.lastPredicted);
}

XrResult checkProjection(const Session& s, const XrCompositionLayerProjection& layer) {
  const Space* space = findSpace(layer.space);
  if (space == nullptr || space->session != &s) return XR_ERROR_HANDLE_INVALID;
  if (layer.viewCount != 2 || layer.views == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  for (uint32_t v = 0; v < layer.viewCount; ++v) {
    const XrCompositionLayerProjectionView& view = layer.views[v];
    if (view.type != XR_TYPE_COMPOSITION_LAYER_PROJECTION_VIEW) return XR_ERROR_VALIDATION_FAILURE;
    if (!isUnitQuaternion(view.pose.orientation)) return XR_ERROR_POSE_INVALID;
    const Swapchain* sc = findSwapchain(view.subImage.swapchain);
    if (sc == nullptr || sc->session != &s || sc->depth) return XR_ERROR_HANDLE_INVALID;
    if (sc->lastReleased < 0) return XR_ERROR_LAYER_INVALID;  // nothing released to show
    if (view.subImage.imageArrayIndex >= sc->info.arraySize) return XR_ERROR_VALIDATION_FAILURE;
    const XrRect2Di& r = view.subImage.imageRect;
    if (r.offset.x < 0 || r.offset.y < 0 || r.extent.width <= 0 || r.extent.height <= 0 ||
        static_cast<uint32_t>(r.offset.x + r.extent.width) > sc->info.width ||
        static_cast<uint32_t>(r.offset.y + r.extent.height) > sc->info.height)
      return XR_ERROR_SWAPCHAIN_RECT_INVALID;
    for (auto* next = static_cast<const XrBaseInStructure*>(view.next); next != nullptr; next = next->next) {
      if (next->type != XR_TYPE_COMPOSITION_LAYER_DEPTH_INFO_KHR) continue;
      if (!s.instance->depthLayer) return XR_ERROR_VALIDATION_FAILURE;
      const auto* d = reinterpret_cast<const XrCompositionLayerDepthInfoKHR*>(next);
      const Swapchain* ds = findSwapchain(d->subImage.swapchain);
      if (ds == nullptr || ds->session != &s || !ds->depth) return XR_ERROR_HANDLE_INVALID;
      if (ds->lastReleased < 0) return XR_ERROR_LAYER_INVALID;
      if (!(d->minDepth >= 0.0f && d->minDepth < d->maxDepth && d->maxDepth <= 1.0f) || d->nearZ == d->farZ)
        return XR_ERROR_VALIDATION_FAILURE;
    }
  }
  return XR_SUCCESS;
}

}  // namespace

XrResult XRAPI_CALL CreateSession(XrInstance handle, const XrSessionCreateInfo* info, XrSession* out) {
  std::lock_guard<std::mutex> lock(runtime().mutex);
  Instance* inst = findInstance(handle);
  if (inst == nullptr) return XR_ERROR_HANDLE_INVALID;
  if (XrResult r = instanceStatus(*inst); XR_FAILED(r)) return r;
  if (info == nullptr || out == nullptr || info->type != XR_TYPE_SESSION_CREATE_INFO) return XR_ERROR_VALIDATION_FAILURE;
  if (info->systemId != 1 || !inst->systemFetched) return XR_ERROR_SYSTEM_INVALID;
  if (inst->session) return XR_ERROR_LIMIT_REACHED;
  const XrGraphicsBindingVulkan2KHR* binding = nullptr;
  for (auto* next = static_cast<const XrBaseInStructure*>(info->next); next != nullptr; next = next->next)
    if (next->type == XR_TYPE_GRAPHICS_BINDING_VULKAN2_KHR)
      binding = reinterpret_cast<const XrGraphicsBindingVulkan2KHR*>(next);
  if (binding == nullptr || !inst->vulkanEnable2) return XR_ERROR_GRAPHICS_DEVICE_INVALID;
  if (!inst->requirementsQueried) return XR_ERROR_GRAPHICS_REQUIREMENTS_CALL_MISSING;
  if (binding->instance == VK_NULL_HANDLE || binding->device == VK_NULL_HANDLE ||
      binding->physicalDevice != inst->chosenPhysical)
    return XR_ERROR_GRAPHICS_DEVICE_INVALID;
  auto s = std::make_unique<Session>();
  s->instance = inst;
  s->vkInstance = binding->instance;
  s->vkPhysical = binding->physicalDevice;
  s->vkDevice = binding->device;
  s->queueFamily = binding->queueFamilyIndex;
  vkGetDeviceQueue(s->vkDevice, binding->queueFamilyIndex, binding->queueIndex, &s->vkQueue);
  VkCommandPoolCreateInfo pool{};
  pool.sType = VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO;
  pool.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
  pool.queueFamilyIndex = s->queueFamily;
  if (vkCreateCommandPool(s->vkDevice, &pool, nullptr, &s->commandPool) != VK_SUCCESS)
    return XR_ERROR_RUNTIME_FAILURE;
  s->id = newId();
  s->lastPredicted = frameDisplayTime(*s, -1);
  queueState(*s, XR_SESSION_STATE_IDLE, s->lastPredicted);
  queueState(*s, XR_SESSION_STATE_READY, s->lastPredicted);
  *out = toHandle<XrSession>(s->id);
  inst->session = std::move(s);
  return XR_SUCCESS;
}

XrResult XRAPI_CALL DestroySession(XrSession handle) {
  std::lock_guard<std::mutex> lock(runtime().mutex);
  Session* s = findSession(handle);
  if (s == nullptr) return XR_ERROR_HANDLE_INVALID;
  // Destroying always succeeds, also on a lost instance; children go with the session.
  Instance* inst = s->instance;
  for (auto& [id, sc] : s->swapchains) destroySwapchainImages(*sc);
  destroySessionVulkan(*s);
  // Pending events of the destroyed session are dropped.
  std::deque<Event> kept;
  for (const Event& e : inst->events)
    if (e.session != s->id) kept.push_back(e);
  inst->events = std::move(kept);
  inst->session.reset();
  return XR_SUCCESS;
}

XrResult XRAPI_CALL BeginSession(XrSession handle, const XrSessionBeginInfo* info) {
  MXS_SESSION(s, handle);
  if (info == nullptr || info->type != XR_TYPE_SESSION_BEGIN_INFO) return XR_ERROR_VALIDATION_FAILURE;
  if (s->lossPending) return XR_ERROR_SESSION_LOST;
  if (info->primaryViewConfigurationType != XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO)
    return XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED;
  if (s->running) return XR_ERROR_SESSION_RUNNING;
  if (s->state != XR_SESSION_STATE_READY) return XR_ERROR_SESSION_NOT_READY;
  s->running = true;
  s->framesWaited = 0;
  s->nextSlot = 0;
  s->slotsDropped = 0;
  s->framesEnded = 0;
  s->frameWaitedNotBegun = s->frameBegun = false;
  logLine(s->instance, "session begun");
  return XR_SUCCESS;
}

XrResult XRAPI_CALL EndSession(XrSession handle) {
  MXS_SESSION(s, handle);
  if (s->lossPending) return XR_ERROR_SESSION_LOST;
  if (!s->running) return XR_ERROR_SESSION_NOT_RUNNING;
  if (s->state != XR_SESSION_STATE_STOPPING) return XR_ERROR_SESSION_NOT_STOPPING;
  s->running = false;
  s->frameWaitedNotBegun = s->frameBegun = false;
  queueState(*s, XR_SESSION_STATE_IDLE, s->lastPredicted);
  if (s->exitRequested) queueState(*s, XR_SESSION_STATE_EXITING, s->lastPredicted);
  return XR_SUCCESS;
}

XrResult XRAPI_CALL RequestExitSession(XrSession handle) {
  MXS_SESSION(s, handle);
  if (s->lossPending) return XR_ERROR_SESSION_LOST;
  if (!s->running) return XR_ERROR_SESSION_NOT_RUNNING;
  if (!s->exitRequested) beginStopping(*s);
  return XR_SUCCESS;
}

XrResult XRAPI_CALL WaitFrame(XrSession handle, const XrFrameWaitInfo* info, XrFrameState* state) {
  MXS_SESSION(s, handle);
  if (state == nullptr || state->type != XR_TYPE_FRAME_STATE) return XR_ERROR_VALIDATION_FAILURE;
  if (info != nullptr && info->type != XR_TYPE_FRAME_WAIT_INFO) return XR_ERROR_VALIDATION_FAILURE;
  if (s->lossPending) return XR_ERROR_SESSION_LOST;
  if (!s->running) return XR_ERROR_SESSION_NOT_RUNNING;
  // A real runtime blocks a second xrWaitFrame until the first frame is begun; with one thread
  // that is a deadlock, so the simulator reports it instead.
  if (s->frameWaitedNotBegun) return XR_ERROR_CALL_ORDER_INVALID;
  const std::int64_t n = s->framesWaited++;
  const Config& c = s->instance->config;
  if (c.sleep) std::this_thread::sleep_for(std::chrono::nanoseconds(static_cast<long long>(1e9 / c.rate)));
  // A dropped slot passes unseen: the frame goes to the next one (a gap of a period or more).
  std::int64_t slot = s->nextSlot;
  for (int k = 0; k < 3 && n > 0 && slotDropped(*s, slot); ++k) {
    ++slot;
    ++s->slotsDropped;
  }
  s->nextSlot = slot + 1;
  s->lastPredicted = frameDisplayTime(*s, slot) + slotJitter(*s, slot);
  if (n == 0) queueState(*s, XR_SESSION_STATE_SYNCHRONIZED, s->lastPredicted);
  if (n == c.exitFrame && !s->exitRequested) beginStopping(*s);
  if (n == c.lossFrame) {
    queueState(*s, XR_SESSION_STATE_LOSS_PENDING, s->lastPredicted);
    s->instance->events.push_back(Event{XR_TYPE_EVENT_DATA_INSTANCE_LOSS_PENDING, 0, XR_SESSION_STATE_UNKNOWN,
                                        s->lastPredicted + 2 * (frameDisplayTime(*s, 1) - frameDisplayTime(*s, 0))});
    s->lossPending = true;
  }
  if (s->state == XR_SESSION_STATE_FOCUSED && s->focusedFrameIndex < 0) {
    s->focusedFrameIndex = n;
    s->handsEpoch = s->lastPredicted;
  }
  state->predictedDisplayTime = s->lastPredicted;
  state->predictedDisplayPeriod = frameDisplayTime(*s, slot + 1) - frameDisplayTime(*s, slot);
  state->shouldRender = (s->state == XR_SESSION_STATE_VISIBLE || s->state == XR_SESSION_STATE_FOCUSED) ? XR_TRUE : XR_FALSE;
  s->frameWaitedNotBegun = true;
  return XR_SUCCESS;
}

XrResult XRAPI_CALL BeginFrame(XrSession handle, const XrFrameBeginInfo* info) {
  MXS_SESSION(s, handle);
  if (info != nullptr && info->type != XR_TYPE_FRAME_BEGIN_INFO) return XR_ERROR_VALIDATION_FAILURE;
  if (s->lossPending) return XR_ERROR_SESSION_LOST;
  if (!s->running) return XR_ERROR_SESSION_NOT_RUNNING;
  if (!s->frameWaitedNotBegun) return XR_ERROR_CALL_ORDER_INVALID;
  s->frameWaitedNotBegun = false;
  const bool discarded = s->frameBegun;  // the previous frame was begun but never ended
  s->frameBegun = true;
  return discarded ? XR_FRAME_DISCARDED : XR_SUCCESS;
}

XrResult XRAPI_CALL EndFrame(XrSession handle, const XrFrameEndInfo* info) {
  MXS_SESSION(s, handle);
  if (info == nullptr || info->type != XR_TYPE_FRAME_END_INFO) return XR_ERROR_VALIDATION_FAILURE;
  if (s->lossPending) return XR_ERROR_SESSION_LOST;
  if (!s->running) return XR_ERROR_SESSION_NOT_RUNNING;
  if (!s->frameBegun) return XR_ERROR_CALL_ORDER_INVALID;
  if (info->displayTime != s->lastPredicted) return XR_ERROR_TIME_INVALID;
  if (info->environmentBlendMode != XR_ENVIRONMENT_BLEND_MODE_OPAQUE) return XR_ERROR_ENVIRONMENT_BLEND_MODE_UNSUPPORTED;
  if (info->layerCount > XR_MIN_COMPOSITION_LAYERS_SUPPORTED) return XR_ERROR_LAYER_LIMIT_EXCEEDED;
  if (info->layerCount > 0 && info->layers == nullptr) return XR_ERROR_LAYER_INVALID;
  for (uint32_t i = 0; i < info->layerCount; ++i) {
    const XrCompositionLayerBaseHeader* layer = info->layers[i];
    if (layer == nullptr) return XR_ERROR_LAYER_INVALID;
    if (layer->type != XR_TYPE_COMPOSITION_LAYER_PROJECTION) return XR_ERROR_LAYER_INVALID;  // only projection
    if (XrResult r = checkProjection(*s, *reinterpret_cast<const XrCompositionLayerProjection*>(layer)); XR_FAILED(r))
      return r;
  }
  s->frameBegun = false;
  ++s->framesEnded;
  if (info->layerCount > 0) {
    const std::int64_t shown = s->framesWithLayers++;
    const Config& c = s->instance->config;
    if (!c.dumpDir.empty() && shown % c.dumpEvery == 0) {
      const auto* proj = reinterpret_cast<const XrCompositionLayerProjection*>(info->layers[0]);
      for (uint32_t v = 0; v < proj->viewCount; ++v) {
        const Swapchain* sc = findSwapchain(proj->views[v].subImage.swapchain);
        dumpEyeImage(*s, *sc, static_cast<std::uint32_t>(sc->lastReleased), proj->views[v].subImage.imageRect, shown,
                     static_cast<int>(v));
      }
    }
  }
  // The compositor has shown the first frame: the application becomes visible and focused.
  if (s->framesEnded == 1 && s->state == XR_SESSION_STATE_SYNCHRONIZED && !s->exitRequested) {
    queueState(*s, XR_SESSION_STATE_VISIBLE, s->lastPredicted);
    queueState(*s, XR_SESSION_STATE_FOCUSED, s->lastPredicted);
  }
  return XR_SUCCESS;
}

}  // namespace mxs
