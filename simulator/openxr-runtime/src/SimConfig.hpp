// The simulator's configuration: from a JSON file named by MIMESIS_XR_SIM_CONFIG, then
// overridden key by key by MIMESIS_XR_SIM_* environment variables (README.md lists them).
#pragma once

#include <array>
#include <cstdint>
#include <string>

namespace mxs {

struct Config {
  std::string recording;            // .mrec whose hands the trackers replay ("" = no hands)
  double rate = 0.0;                // display rate, Hz (0: the recording's rate, else 90)
  std::int64_t lossFrame = -1;      // frame (from xrBeginSession) at which the session is lost
  std::int64_t exitFrame = -1;      // frame at which the user asks to exit (STOPPING)
  std::string dumpDir;              // write submitted eye images here as PNG ("" = no dump)
  std::int64_t dumpEvery = 1;       // every Nth submitted frame
  bool handTracking = true;         // XrSystemHandTrackingPropertiesEXT::supportsHandTracking
  bool offerHandTracking = true;    // offer the XR_EXT_hand_tracking extension at all
  bool offerStage = true;           // STAGE among the reference spaces
  bool offerDepth = true;           // offer XR_KHR_composition_layer_depth
  std::uint32_t width = 640, height = 480;  // recommended image size per eye
  // Scripted head in the stage frame: position (m), pitch and yaw (degrees), and a yaw swing of
  // `swingDeg` amplitude over `swingPeriod` seconds (0 = still).
  std::array<float, 3> headPosition{0.0f, 1.6f, 0.0f};
  float headPitchDeg = -35.0f, headYawDeg = 0.0f, swingDeg = 0.0f, swingPeriod = 4.0f;
  float ipd = 0.064f;
  bool verbose = false;
  bool sleep = false;               // pace xrWaitFrame on the wall clock (default: virtual time)
  // Timing faults of real runtimes, deterministic from `seed`: each predicted display time is
  // late by a jitter drawn uniformly from [0, jitterMs] (at most 0.45 of a period), and each
  // display slot is missed (the application's frame goes to the next one) with probability
  // dropRate, up to 3 in a row.
  double jitterMs = 0.0;
  double dropRate = 0.0;
  std::int64_t seed = 1;
};

// Reads the configuration; returns false and sets `error` (naming the variable or key) on a bad
// value or an unreadable file.
bool loadConfig(Config& out, std::string& error);

}  // namespace mxs
