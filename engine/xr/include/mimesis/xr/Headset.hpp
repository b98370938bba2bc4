// Headset: one OpenXR session on a head-mounted display — the instance (XR_KHR_vulkan_enable2,
// XR_EXT_hand_tracking), the Vulkan context created through the runtime, the reference space
// (STAGE when offered, else LOCAL), one colour swapchain per eye, two hand trackers, the session
// state machine and the frame loop. It delivers poses and frames; it makes no decisions.
// Not thread-safe: one thread runs the loop.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "mimesis/core/Error.hpp"
#include "mimesis/frame/EyeView.hpp"
#include "mimesis/frame/FrameDescription.hpp"
#include "mimesis/motion/Frame.hpp"
#include "mimesis/xr/XrCheck.hpp"

namespace mimesis {

struct HeadsetOptions {
  std::string applicationName = "Mimesis";
  bool vulkanValidation = false;  // VK_LAYER_KHRONOS_validation; messages in vulkanValidationMessages()
  // OpenXR API layers to enable by name (e.g. "XR_APILAYER_LUNARG_core_validation"); the
  // environment's XR_ENABLE_API_LAYERS works too.
  std::vector<std::string> apiLayers;
  bool handMeshes = false;        // reserved: the desktop's skinned hands (not used yet)
};

// Why the session is over (or not).
enum class HeadsetEnd {
  Running,        // not over
  Exited,         // EXITING reached (the user or the application asked to exit)
  SessionLost,    // LOSS_PENDING or XR_ERROR_SESSION_LOST
  InstanceLost,   // XR_TYPE_EVENT_DATA_INSTANCE_LOSS_PENDING or XR_ERROR_INSTANCE_LOST
};
const char* headsetEndName(HeadsetEnd end);

// What one pass of the loop did.
struct HeadsetFrame {
  bool waited = false;       // a frame was waited, begun and ended (else: not running / over)
  bool focused = false;      // the session was FOCUSED when the frame was waited
  bool submitted = false;    // a projection layer was submitted (shouldRender)
  std::int64_t focusIndex = -1;  // frames waited while FOCUSED before this one (-1: not focused)
  XrTime displayTime = 0;    // the predicted display time views and hands were located at
  XrDuration displayPeriod = 0;  // the runtime's predicted display period (ns)
  Frame hands;               // both hands at displayTime in the headset's world (time = 0)
};

// A frame waited (xrWaitFrame) and not yet begun: when it will be seen.
struct HeadsetWait {
  bool waited = false;       // false: the session is not running or is over
  bool focused = false;      // the session was FOCUSED when it was waited
  XrTime displayTime = 0;    // XrFrameState::predictedDisplayTime
  XrDuration displayPeriod = 0;  // XrFrameState::predictedDisplayPeriod
};

class Headset {
 public:
  // Fills the frame to draw from the hands just located (no frame of latency) and the eyes.
  using ComposeFn = std::function<void(const Frame& hands, const std::array<EyeView, 2>& eyes, FrameDescription& out)>;

  // Creates everything up to the session (state IDLE/READY). Errors: Device for a failing
  // runtime or Vulkan call (named); Unsupported when the runtime lacks XR_KHR_vulkan_enable2,
  // XR_EXT_hand_tracking or hand tracking on this system (the message says which).
  static Result<std::unique_ptr<Headset>> create(const HeadsetOptions& options);
  ~Headset();
  Headset(const Headset&) = delete;
  Headset& operator=(const Headset&) = delete;

  // One pass: drains the event queue (handling every state change: READY begins the session,
  // STOPPING ends it, EXITING / LOSS_PENDING / instance loss end the headset), then, while the
  // session runs, waits, begins, locates views and hands at the predicted display time, calls
  // `compose` and draws both eyes into the acquired swapchain images, and ends the frame with a
  // projection layer (no layers when the runtime says not to render). Loss is a state, not an
  // error: errors are failed calls that should not fail.
  // A frame already waited with waitFrame is begun and drawn without waiting again.
  Result<HeadsetFrame> frame(const ComposeFn& compose);
  // The first half of a pass: drains the event queue and waits the next frame, so the caller
  // knows the predicted display time before it decides what the frame shows; the next frame()
  // (or runUntilFocused / exit) begins, draws and ends it. Called again before that, it returns
  // the same frame (a frame is waited once).
  Result<HeadsetWait> waitFrame();
  // Runs passes until FOCUSED (true) or the session is over (false), at most `maxPasses`.
  Result<bool> runUntilFocused(int maxPasses, const ComposeFn& compose);
  // Asks the runtime to end the session (xrRequestExitSession) and runs passes until it is over.
  Status exit(int maxPasses, const ComposeFn& compose);

  HeadsetEnd end() const;
  XrSessionState state() const;
  // Every state the session went through, in order (tests check the lifecycle).
  const std::vector<XrSessionState>& stateHistory() const;
  std::int64_t framesSubmitted() const;
  std::int64_t framesWaited() const;
  bool stageSpace() const;          // the STAGE reference space is in use (else LOCAL)
  std::string runtimeName() const;
  std::string swapchainFormatName() const;
  std::uint32_t eyeWidth() const;
  std::uint32_t eyeHeight() const;
  std::vector<std::string> vulkanValidationMessages() const;

  struct Impl;

 private:
  explicit Headset(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace mimesis
