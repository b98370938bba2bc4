// The desktop half of `mimesis author --desktop`: the take played on a loop as the ghost in the
// desktop window with the timeline panel, until the window closes or --frames are shown.
#pragma once

#include <string>

#include "mimesis/authoring/AuthoringSpec.hpp"
#include "mimesis/motion/Clip.hpp"

namespace mimesis::app {

struct AuthorDesktopOptions {
  std::string input;        // desktop script (authoring actions included)
  long frames = 0;          // 0: until the window closes
  std::string size = "1280x800";
  std::string screenshot;   // with frames
};

// Edits `spec` on the timeline. Errors: BadInput for a bad size or script; Device for the
// window or GPU.
Status editOnDesktop(const Clip& take, const std::string& takePath, AuthoringSpec& spec, const AuthorDesktopOptions& options);

}  // namespace mimesis::app
