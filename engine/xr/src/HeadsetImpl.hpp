// The Headset's members, shared by its set-up (HeadsetSetup.cpp) and its loop (HeadsetLoop.cpp).
// Declaration order is destruction order reversed: render targets, renderer, swapchains, hand
// trackers, space, session, Vulkan context, instance.
#pragma once

#include <array>
#include <memory>
#include <vector>

#include "mimesis/render/Renderer.hpp"
#include "mimesis/render/VulkanContext.hpp"
#include "mimesis/xr/Headset.hpp"
#include "mimesis/xr/XrHandles.hpp"

namespace mimesis {

struct EyeSwapchain {
  XrSwapchainOwner swapchain;
  std::vector<VkImage> images;  // owned by the runtime
  std::vector<std::unique_ptr<RenderTarget>> targets;  // one per image, borrowed images
};

struct Headset::Impl {
  HeadsetOptions options;
  XrInstanceOwner instance;
  XrSystemId system = XR_NULL_SYSTEM_ID;
  std::string runtimeName;
  bool depthOffered = false;
  PFN_xrGetVulkanGraphicsRequirements2KHR getRequirements = nullptr;
  PFN_xrCreateVulkanInstanceKHR createVkInstance = nullptr;
  PFN_xrGetVulkanGraphicsDevice2KHR getVkDevice = nullptr;
  PFN_xrCreateVulkanDeviceKHR createVkDevice = nullptr;
  PFN_xrCreateHandTrackerEXT createHandTracker = nullptr;
  PFN_xrDestroyHandTrackerEXT destroyHandTracker = nullptr;
  PFN_xrLocateHandJointsEXT locateHandJoints = nullptr;
  std::unique_ptr<VulkanContext> vulkan;
  XrSessionOwner session;
  XrSpaceOwner space;
  bool stage = false;
  std::array<XrHandTrackerOwner, 2> trackers;  // index(Hand): left, right
  std::array<XrViewConfigurationView, 2> viewConfig{};
  std::int64_t colourFormat = 0;
  std::array<EyeSwapchain, 2> eyes;
  std::unique_ptr<Renderer> renderer;

  // Session state machine.
  XrSessionState state = XR_SESSION_STATE_UNKNOWN;
  std::vector<XrSessionState> history;
  bool running = false;
  HeadsetEnd end = HeadsetEnd::Running;
  std::int64_t framesWaited = 0, framesSubmitted = 0, focusFrames = 0;
  FrameDescription description;  // reused each frame
  // A frame waited and not yet begun (Headset::waitFrame).
  bool waitPending = false;
  HeadsetWait pending;
  bool pendingShouldRender = false;

  Status pollEvents();
  // xrWaitFrame, unless a frame is already pending; `pending` says what was waited.
  Status wait();
  // One frame after the events were drained (Headset::frame without the poll): waits (unless a
  // frame is pending), begins, locates, draws and ends it.
  Result<HeadsetFrame> runFrame(const ComposeFn& compose);
  Status onState(XrSessionState next);
  // Records a loss result as the headset's end; true when `r` was one.
  bool noteLoss(XrResult r);
  Status locateHands(XrTime time, Frame& out);
  Status renderViews(XrTime time, const ComposeFn& compose, const Frame& hands,
                     std::array<XrCompositionLayerProjectionView, 2>& projViews, bool& drawn);
};

}  // namespace mimesis
