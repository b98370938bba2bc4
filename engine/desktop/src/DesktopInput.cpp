// The desktop's input: key presses, the input script (CI's keys, clicks, puppet moves and
// authoring edits) and the mouse over the scene (see DesktopSessionState.hpp).
#include "DesktopSessionState.hpp"

#include <algorithm>
#include <cmath>

#include "mimesis/motion/HandShapePresets.hpp"

#include "DesktopAuthoring.hpp"

namespace mimesis {

void DesktopSession::Impl::onKey(int key, bool shift) {
  PuppetHand& hand = puppet.hands[static_cast<std::size_t>(controls.activeHand)];
  switch (key) {
    case GLFW_KEY_SPACE: controls.paused = !controls.paused; break;
    case GLFW_KEY_V:
      controls.followModelView = false;
      controls.view = static_cast<ViewKind>((static_cast<int>(controls.view) + 1) % 3);
      break;
    case GLFW_KEY_M: controls.followModelView = true; break;
    case GLFW_KEY_LEFT_BRACKET: controls.speed = std::max(0.25f, controls.speed * 0.5f); break;
    case GLFW_KEY_RIGHT_BRACKET: controls.speed = std::min(4.0f, controls.speed * 2.0f); break;
    case GLFW_KEY_TAB: controls.activeHand = 1 - controls.activeHand; break;
    case GLFW_KEY_1: case GLFW_KEY_2: case GLFW_KEY_3: case GLFW_KEY_4: case GLFW_KEY_5: {
      float& c = hand.shape.curl[static_cast<std::size_t>(key - GLFW_KEY_1)];
      c = std::clamp(c + (shift ? -0.25f : 0.25f), 0.0f, 1.0f);
      break;
    }
    case GLFW_KEY_F: if (auto s = handShapePreset("fist")) hand.shape = *s; break;
    case GLFW_KEY_O: if (auto s = handShapePreset("open")) hand.shape = *s; break;
    case GLFW_KEY_P: if (auto s = handShapePreset("point")) hand.shape = *s; break;
    case GLFW_KEY_H: case GLFW_KEY_F1: controls.showHelp = !controls.showHelp; break;
    case GLFW_KEY_ESCAPE: controls.quit = true; break;
    default: break;
  }
}

int DesktopSession::Impl::keyFromName(const std::string& name, bool& shift) {
  shift = name.rfind("shift+", 0) == 0;
  const std::string k = shift ? name.substr(6) : name;
  if (k == "space") return GLFW_KEY_SPACE;
  if (k == "tab") return GLFW_KEY_TAB;
  if (k == "esc") return GLFW_KEY_ESCAPE;
  if (k == "[") return GLFW_KEY_LEFT_BRACKET;
  if (k == "]") return GLFW_KEY_RIGHT_BRACKET;
  if (k.size() == 1 && k[0] >= '1' && k[0] <= '5') return GLFW_KEY_1 + (k[0] - '1');
  if (k.size() == 1 && k[0] >= 'a' && k[0] <= 'z') return GLFW_KEY_A + (k[0] - 'a');
  return GLFW_KEY_UNKNOWN;
}

void DesktopSession::Impl::applyScript() {
  if (scriptRelease) {
    scriptMouseDown = false;
    scriptRelease = false;
  }
  static const char* fingers[kFingerCount] = {"thumb", "index", "middle", "ring", "little"};
  while (nextEvent < options.script.size() && options.script[nextEvent].frame <= shown) {
    const ScriptEvent& e = options.script[nextEvent++];
    PuppetHand& hand = puppet.hands[static_cast<std::size_t>(controls.activeHand)];
    if (isAuthoringAction(e.action)) {
      Status st = options.authoring != nullptr
                      ? applyAuthoringEvent(e, *options.authoring, lesson->clip.duration(), controls)
                      : Status(makeError(ErrorCode::BadInput, "'" + e.action + "' is an authoring action (mimesis author --desktop)",
                                         "input script, frame " + std::to_string(e.frame)));
      if (!st && !failure) failure = st.error();
    } else if (e.action == "key") {
      bool shift = false;
      onKey(keyFromName(e.name, shift), shift);
    } else if (e.action == "move" || e.action == "click") {
      scriptMouse = true;
      scriptMousePos = ImVec2(static_cast<float>(e.x), static_cast<float>(e.y));
      if (e.action == "click") {
        scriptMouseDown = true;
        scriptRelease = true;
      }
    } else if (e.action == "wrist") {
      hand.p_world_wrist = glm::vec3(static_cast<float>(e.x), static_cast<float>(e.y), static_cast<float>(e.z));
    } else if (e.action == "curl") {
      for (int f = 0; f < kFingerCount; ++f)
        if (e.name == fingers[f]) hand.shape.curl[static_cast<std::size_t>(f)] = static_cast<float>(e.x);
    }
  }
}

void DesktopSession::Impl::applyMouse(const EyeView& eye) {
  double x = 0.0, y = 0.0;
  glfwGetCursorPos(window, &x, &y);
  const float dx = static_cast<float>(x - lastX), dy = static_cast<float>(y - lastY);
  lastX = x;
  lastY = y;
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantCaptureMouse) return;
  const bool shift = glfwGetKey(window, GLFW_KEY_LEFT_SHIFT) == GLFW_PRESS;
  if (glfwGetMouseButton(window, GLFW_MOUSE_BUTTON_RIGHT) == GLFW_PRESS) {
    PuppetHand& hand = puppet.hands[static_cast<std::size_t>(controls.activeHand)];
    const glm::vec3 right = eye.T_world_eye.rotate({1.0f, 0.0f, 0.0f});
    const glm::vec3 up = eye.T_world_eye.rotate({0.0f, 1.0f, 0.0f});
    const glm::vec3 forward = eye.T_world_eye.rotate({0.0f, 0.0f, -1.0f});
    const float s = 0.0012f;
    hand.p_world_wrist += shift ? forward * (-dy * s) : right * (dx * s) + up * (-dy * s);
  }
  if (glfwGetMouseButton(window, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS) {
    orbitYaw -= dx * 0.005f;
    orbitPitch = std::clamp(orbitPitch - dy * 0.005f, -1.2f, 1.2f);
  }
  if (io.MouseWheel != 0.0f) zoom = std::clamp(zoom * std::pow(0.9f, io.MouseWheel), 0.3f, 3.0f);
}

}  // namespace mimesis
