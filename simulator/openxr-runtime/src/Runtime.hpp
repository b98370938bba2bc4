// The simulator runtime's shared state: handles, the instance/session/space/swapchain objects and
// the helpers every entry point uses. Internal to the runtime library.
#pragma once

#define XR_USE_GRAPHICS_API_VULKAN
#include <vulkan/vulkan.h>
#include <openxr/openxr.h>
#include <openxr/openxr_platform.h>

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "SimConfig.hpp"
#include "mimesis/motion/Clip.hpp"

namespace mxs {

struct Instance;
struct Session;

// A rigid transform in the stage frame, in double-free float math like OpenXR's XrPosef.
struct Pose {
  XrQuaternionf q{0.0f, 0.0f, 0.0f, 1.0f};
  XrVector3f p{0.0f, 0.0f, 0.0f};
};
Pose fromXr(const XrPosef& pose);
XrPosef toXr(const Pose& pose);
Pose compose(const Pose& a, const Pose& b);  // a * b
Pose inverse(const Pose& a);
bool isIdentity(const Pose& a);
bool isUnitQuaternion(const XrQuaternionf& q);

struct Space {
  std::uint64_t id = 0;
  Session* session = nullptr;
  XrReferenceSpaceType type = XR_REFERENCE_SPACE_TYPE_STAGE;
  Pose poseInReference;
};

struct Swapchain {
  std::uint64_t id = 0;
  Session* session = nullptr;
  XrSwapchainCreateInfo info{};
  bool depth = false;
  std::vector<VkImage> images;
  std::vector<VkDeviceMemory> memory;
  std::uint32_t nextAcquire = 0;
  std::deque<std::uint32_t> acquired;  // acquired, not yet released, oldest first
  bool waited = false;                 // the oldest acquired image has been waited on
  int lastReleased = -1;
};

struct HandTracker {
  std::uint64_t id = 0;
  Session* session = nullptr;
  XrHandEXT hand = XR_HAND_LEFT_EXT;
};

struct Session {
  std::uint64_t id = 0;
  Instance* instance = nullptr;
  XrSessionState state = XR_SESSION_STATE_UNKNOWN;
  bool running = false;           // between xrBeginSession and xrEndSession
  bool exitRequested = false;     // by the app (xrRequestExitSession) or the configured trigger
  bool lossPending = false;       // LOSS_PENDING queued: frame calls fail with XR_ERROR_SESSION_LOST
  // Vulkan objects of the application (borrowed) and the runtime's own command pool.
  VkInstance vkInstance = VK_NULL_HANDLE;
  VkPhysicalDevice vkPhysical = VK_NULL_HANDLE;
  VkDevice vkDevice = VK_NULL_HANDLE;
  VkQueue vkQueue = VK_NULL_HANDLE;
  std::uint32_t queueFamily = 0;
  VkCommandPool commandPool = VK_NULL_HANDLE;
  // Frame loop: frames are counted from xrBeginSession; display slot k is at
  // epoch + round((k + 1) * 1e9 / rate) ns plus its jitter; frame n goes to the next slot not
  // dropped (slot n when nothing is dropped).
  std::int64_t framesWaited = 0;
  std::int64_t nextSlot = 0;
  std::int64_t slotsDropped = 0;
  bool frameWaitedNotBegun = false;
  bool frameBegun = false;
  XrTime lastPredicted = 0;
  std::int64_t framesEnded = 0;
  std::int64_t framesWithLayers = 0;
  std::int64_t focusedFrameIndex = -1;  // first frame waited while FOCUSED: the recording's time 0
  XrTime handsEpoch = 0;                // its predicted display time
  std::map<std::uint64_t, std::unique_ptr<Space>> spaces;
  std::map<std::uint64_t, std::unique_ptr<Swapchain>> swapchains;
  std::map<std::uint64_t, std::unique_ptr<HandTracker>> handTrackers;
};

struct Event {
  XrStructureType type = XR_TYPE_EVENT_DATA_SESSION_STATE_CHANGED;
  std::uint64_t session = 0;
  XrSessionState state = XR_SESSION_STATE_UNKNOWN;
  XrTime time = 0;
};

struct Instance {
  std::uint64_t id = 0;
  Config config;
  std::string configError;            // non-empty: xrCreateInstance failed with it
  bool vulkanEnable2 = false, handTracking = false, depthLayer = false;
  bool systemFetched = false;
  bool requirementsQueried = false;
  bool lost = false;                  // instance loss delivered: every call fails
  bool lossPendingDelivered = false;
  VkPhysicalDevice chosenPhysical = VK_NULL_HANDLE;
  VkInstance appVkInstance = VK_NULL_HANDLE;  // made by xrCreateVulkanInstanceKHR (borrowed)
  std::deque<Event> events;
  std::unique_ptr<Session> session;   // at most one session at a time
  std::optional<mimesis::Clip> hands; // the recording the hand trackers replay
};

// The runtime's global state: every live handle by id. Handles are ids, never pointers, so a
// destroyed or forged handle is detected (XR_ERROR_HANDLE_INVALID) instead of dereferenced.
struct Runtime {
  std::mutex mutex;
  std::uint64_t nextId = 0x5100;
  std::map<std::uint64_t, std::unique_ptr<Instance>> instances;
};
Runtime& runtime();
std::uint64_t newId();

template <typename H>
H toHandle(std::uint64_t id) { return reinterpret_cast<H>(static_cast<std::uintptr_t>(id)); }
template <typename H>
std::uint64_t fromHandle(H h) { return static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(h)); }

// Lookups under runtime().mutex; null when the handle is not live.
Instance* findInstance(XrInstance h);
Session* findSession(XrSession h);
Space* findSpace(XrSpace h);
Swapchain* findSwapchain(XrSwapchain h);
HandTracker* findHandTracker(XrHandTrackerEXT h);

// The instance-level result every call checks first: lost instances fail.
XrResult instanceStatus(const Instance& instance);

// Queues a state change for the session (and updates its state) at `time`.
void queueState(Session& session, XrSessionState state, XrTime time);

// Timing: the nominal display time of display slot n of the session (no jitter).
XrTime frameDisplayTime(const Session& session, std::int64_t n);
// The configured jitter of slot n (ns, >= 0, under half a period) and whether it is dropped.
XrDuration slotJitter(const Session& session, std::int64_t n);
bool slotDropped(const Session& session, std::int64_t n);

// The scripted head: T_stage_head at `time`.
Pose headPose(const Instance& instance, XrTime time);
// T_stage_space for a space at `time`.
Pose spaceInStage(const Space& space, XrTime time);

// Swapchain image memory, creation and the optional PNG dump (Swapchain.cpp).
XrResult createSwapchainImages(Swapchain& swapchain);
void destroySwapchainImages(Swapchain& swapchain);
void destroySessionVulkan(Session& session);
void dumpEyeImage(Session& session, const Swapchain& swapchain, std::uint32_t image, const XrRect2Di& rect,
                  std::int64_t frame, int eye);
// The colour and depth formats the runtime offers, in its order of preference.
const std::vector<std::int64_t>& swapchainFormats();

// Writes "mimesis-xr-simulator: <message>" to stderr when config.verbose (and always for errors
// that stop instance creation).
void logLine(const Instance* instance, const std::string& message);

}  // namespace mxs
