// An ImGui context of a test's own (no window, no GPU): frames are laid out with the mouse where
// the test puts it, so panels can be driven as a user would drive them.
#pragma once

#include <imgui.h>
#include <imgui_internal.h>

namespace mimesis::testing {

class ImGuiTestContext {
 public:
  explicit ImGuiTestContext(ImVec2 display) : previous_(ImGui::GetCurrentContext()), context_(ImGui::CreateContext()) {
    ImGui::SetCurrentContext(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = display;
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::StyleColorsDark();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // builds the font atlas NewFrame needs
  }
  ~ImGuiTestContext() {
    ImGui::DestroyContext(context_);
    ImGui::SetCurrentContext(previous_);
  }
  ImGuiTestContext(const ImGuiTestContext&) = delete;
  ImGuiTestContext& operator=(const ImGuiTestContext&) = delete;

  ImGuiContext* context() const { return context_; }

  // One frame with the mouse at `mouse`, its left button held or not; `draw` submits the panels.
  template <typename Draw>
  void frame(Draw&& draw, ImVec2 mouse = ImVec2(-1.0f, -1.0f), bool leftDown = false) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = mouse;
    io.MouseDown[0] = leftDown;
    ImGui::NewFrame();
    draw();
    ImGui::EndFrame();
  }

 private:
  ImGuiContext* previous_;
  ImGuiContext* context_;
};

}  // namespace mimesis::testing
