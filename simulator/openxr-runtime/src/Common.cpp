// The runtime's global handle table, pose math, the scripted head and the frame clock.
#include <algorithm>
#include <cmath>

#include "Runtime.hpp"

namespace mxs {

Runtime& runtime() {
  static Runtime r;
  return r;
}

std::uint64_t newId() { return ++runtime().nextId; }

Instance* findInstance(XrInstance h) {
  auto& m = runtime().instances;
  auto it = m.find(fromHandle(h));
  return it == m.end() ? nullptr : it->second.get();
}

Session* findSession(XrSession h) {
  const std::uint64_t id = fromHandle(h);
  for (auto& [iid, inst] : runtime().instances)
    if (inst->session && inst->session->id == id) return inst->session.get();
  return nullptr;
}

Space* findSpace(XrSpace h) {
  const std::uint64_t id = fromHandle(h);
  for (auto& [iid, inst] : runtime().instances)
    if (inst->session) {
      auto it = inst->session->spaces.find(id);
      if (it != inst->session->spaces.end()) return it->second.get();
    }
  return nullptr;
}

Swapchain* findSwapchain(XrSwapchain h) {
  const std::uint64_t id = fromHandle(h);
  for (auto& [iid, inst] : runtime().instances)
    if (inst->session) {
      auto it = inst->session->swapchains.find(id);
      if (it != inst->session->swapchains.end()) return it->second.get();
    }
  return nullptr;
}

HandTracker* findHandTracker(XrHandTrackerEXT h) {
  const std::uint64_t id = fromHandle(h);
  for (auto& [iid, inst] : runtime().instances)
    if (inst->session) {
      auto it = inst->session->handTrackers.find(id);
      if (it != inst->session->handTrackers.end()) return it->second.get();
    }
  return nullptr;
}

XrResult instanceStatus(const Instance& instance) { return instance.lost ? XR_ERROR_INSTANCE_LOST : XR_SUCCESS; }

void queueState(Session& session, XrSessionState state, XrTime time) {
  session.state = state;
  session.instance->events.push_back(Event{XR_TYPE_EVENT_DATA_SESSION_STATE_CHANGED, session.id, state, time});
  logLine(session.instance, "session state " + std::to_string(static_cast<int>(state)));
}

XrTime frameDisplayTime(const Session& session, std::int64_t n) {
  // Virtual time: an epoch of 1 s, then exactly n / rate seconds (rounded to the nanosecond,
  // never accumulated, so there is no drift).
  const double rate = session.instance->config.rate;
  return static_cast<XrTime>(1000000000LL + std::llround(static_cast<double>(n + 1) * 1e9 / rate));
}

namespace {
// A 64-bit mix of (seed, slot, stream): the same settings give the same faults in every run.
double unitHash(std::int64_t seed, std::int64_t slot, std::uint64_t stream) {
  std::uint64_t z = static_cast<std::uint64_t>(seed) * 0x9E3779B97F4A7C15ull ^ static_cast<std::uint64_t>(slot) ^
                    (stream << 56);
  z += 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  z ^= z >> 31;
  return static_cast<double>(z >> 11) * 0x1.0p-53;
}
}  // namespace

XrDuration slotJitter(const Session& session, std::int64_t n) {
  const Config& c = session.instance->config;
  if (!(c.jitterMs > 0.0)) return 0;
  // Never half a period or more, so display times stay in order and nearest their own slot.
  const double maxNs = std::min(c.jitterMs * 1e6, 0.45 * 1e9 / c.rate);
  return static_cast<XrDuration>(std::floor(unitHash(c.seed, n, 1) * maxNs));
}

bool slotDropped(const Session& session, std::int64_t n) {
  const Config& c = session.instance->config;
  return c.dropRate > 0.0 && unitHash(c.seed, n, 2) < c.dropRate;
}

// ---- pose math ----

namespace {
XrQuaternionf mul(const XrQuaternionf& a, const XrQuaternionf& b) {
  return {a.w * b.x + a.x * b.w + a.y * b.z - a.z * b.y, a.w * b.y - a.x * b.z + a.y * b.w + a.z * b.x,
          a.w * b.z + a.x * b.y - a.y * b.x + a.z * b.w, a.w * b.w - a.x * b.x - a.y * b.y - a.z * b.z};
}
XrVector3f rotate(const XrQuaternionf& q, const XrVector3f& v) {
  const XrQuaternionf p{v.x, v.y, v.z, 0.0f};
  const XrQuaternionf c{-q.x, -q.y, -q.z, q.w};
  const XrQuaternionf r = mul(mul(q, p), c);
  return {r.x, r.y, r.z};
}
XrQuaternionf axisAngle(float x, float y, float z, float radians) {
  const float s = std::sin(radians * 0.5f);
  return {x * s, y * s, z * s, std::cos(radians * 0.5f)};
}
}  // namespace

Pose fromXr(const XrPosef& pose) { return Pose{pose.orientation, pose.position}; }
XrPosef toXr(const Pose& pose) { return XrPosef{pose.q, pose.p}; }

Pose compose(const Pose& a, const Pose& b) {
  const XrVector3f r = rotate(a.q, b.p);
  return Pose{mul(a.q, b.q), {a.p.x + r.x, a.p.y + r.y, a.p.z + r.z}};
}

Pose inverse(const Pose& a) {
  const XrQuaternionf c{-a.q.x, -a.q.y, -a.q.z, a.q.w};
  const XrVector3f r = rotate(c, a.p);
  return Pose{c, {-r.x, -r.y, -r.z}};
}

bool isIdentity(const Pose& a) {
  return a.q.x == 0.0f && a.q.y == 0.0f && a.q.z == 0.0f && a.q.w == 1.0f && a.p.x == 0.0f && a.p.y == 0.0f &&
         a.p.z == 0.0f;
}

bool isUnitQuaternion(const XrQuaternionf& q) {
  const float n = q.x * q.x + q.y * q.y + q.z * q.z + q.w * q.w;
  return std::isfinite(n) && std::fabs(n - 1.0f) < 1e-3f;
}

Pose headPose(const Instance& instance, XrTime time) {
  const Config& c = instance.config;
  constexpr float kDeg = 3.14159265358979f / 180.0f;
  float yaw = c.headYawDeg;
  if (c.swingDeg > 0.0f) {
    const double t = static_cast<double>(time) * 1e-9;
    yaw += c.swingDeg * static_cast<float>(std::sin(2.0 * 3.14159265358979 * t / c.swingPeriod));
  }
  // Yaw about +Y, then pitch about the head's +X (negative pitch looks down).
  const XrQuaternionf q = mul(axisAngle(0, 1, 0, yaw * kDeg), axisAngle(1, 0, 0, c.headPitchDeg * kDeg));
  return Pose{q, {c.headPosition[0], c.headPosition[1], c.headPosition[2]}};
}

Pose spaceInStage(const Space& space, XrTime time) {
  const Instance& inst = *space.session->instance;
  Pose ref;  // T_stage_reference
  switch (space.type) {
    case XR_REFERENCE_SPACE_TYPE_VIEW:
      ref = headPose(inst, time);
      break;
    case XR_REFERENCE_SPACE_TYPE_LOCAL: {
      // LOCAL: at the head's starting position, gravity-aligned, facing the head's starting yaw.
      const Config& c = inst.config;
      constexpr float kDeg = 3.14159265358979f / 180.0f;
      ref = Pose{axisAngle(0, 1, 0, c.headYawDeg * kDeg), {c.headPosition[0], c.headPosition[1], c.headPosition[2]}};
      break;
    }
    default:
      break;  // STAGE is the simulator's world
  }
  return isIdentity(space.poseInReference) ? ref : compose(ref, space.poseInReference);
}

}  // namespace mxs
