// A deterministic clip exercising every .mrec field, shared by the .mrec and export tests.
#include <cmath>
#include <string>
#include <vector>

#include "mimesis/motion/Clip.hpp"
#include "mimesis/motion/MrecFormat.hpp"
#include "MrecTestClip.hpp"

namespace mimesis::testclip {

// Both hands, a head, a 22-joint body, segments, annotations and some invalid joints; frame i
// at i/90 s. Every 7th frame has an inactive left hand left at default joints (stored as
// "not present"); every 5th frame has no head; joint 3 of the right hand is invalid.
Clip makeMrecTestClip(int frameCount) {
  Clip clip;
  clip.info.name = "pinch \"release\", v2";
  clip.info.source = "tests/motion/mrec_test_clip.cpp";
  clip.info.sourceFormat = "authored";
  clip.info.rigMap = "openxr";
  clip.info.filledJoints = {"left/palm", "right/little_tip"};
  clip.rate = 90.0;
  clip.body = kinectBodySkeleton();
  for (int i = 0; i < frameCount; ++i) {
    Frame f;
    f.time = i / 90.0;
    for (int h = 0; h < 2; ++h) {
      HandPose& hand = f.hands[h];
      if (h == 0 && i % 7 == 3) continue;  // inactive, default joints
      hand.active = true;
      for (int j = 0; j < kHandJointCount; ++j) {
        JointPose& jp = hand.joints[j];
        const float t = static_cast<float>(i) * 0.011f + static_cast<float>(j) * 0.37f + static_cast<float>(h);
        jp.pose.position = {std::sin(t) * 0.1f, 1.2f + std::cos(t) * 0.05f, -0.3f - 0.001f * static_cast<float>(j)};
        jp.pose.orientation = glm::normalize(glm::quat(std::cos(t), 0.1f * std::sin(t), 0.2f, -0.3f * std::sin(2 * t)));
        jp.radius = 0.005f + 0.0001f * static_cast<float>(j);
        jp.flags = kJointFullyTracked;
        if (h == 1 && j == 3) jp.flags = 0;                          // invalid joint, junk values kept
        if (h == 1 && j == 4 && i % 3 == 0) jp.flags = kPositionValid;  // orientation invalid
      }
    }
    f.hasHead = i % 5 != 0;
    if (f.hasHead) f.head.position = {0.0f, 1.6f, 0.01f * static_cast<float>(i)};
    f.body.resize(clip.body.joints.size());
    for (std::size_t b = 0; b < f.body.size(); ++b) {
      f.body[b].pose.position = {0.1f * static_cast<float>(b), 1.0f, static_cast<float>(i) * 1e-3f};
      f.body[b].flags = b == 5 ? std::uint8_t{0} : kJointFullyTracked;
    }
    clip.frames.push_back(std::move(f));
  }
  const double end = frameCount / 90.0;
  clip.segments = {{"reach", 0.0, end / 2}, {"pinch", end / 2, end}};
  clip.annotations = {{"do-not-copy", 0.1, 0.2, 0.0, ""},
                      {"tolerance", 0.0, end, 0.25, ""},
                      {"note", 0.3, 0.4, 0.0, "watch the thumb — ünïcode\nnewline"}};
  return clip;
}

std::vector<MrecEvent> makeMrecTestEvents(int count) {
  std::vector<MrecEvent> events;
  for (int i = 0; i < count; ++i)
    events.push_back({i * 0.05, i % 2 ? "stage" : "feedback",
                      "{\"ghost\":" + std::to_string(i) + ",\"msg\":\"slow \\\"down\\\" ✓\"}"});
  return events;
}

}  // namespace mimesis::testclip
