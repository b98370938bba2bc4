// DesktopScript: scripted input for `mimesis desktop --input SCRIPT`, so a desktop session (and
// its screenshot) can be reproduced in CI. One event per line, "FRAME ACTION ARGS", '#' starts a
// comment. Actions: key NAME (space v m [ ] tab 1-5 shift+1..5 f o p h esc), move X Y (mouse
// position, pixels), click X Y (left press at X Y on FRAME, release on the next frame), wrist X Y Z
// (the puppet's active wrist, metres), curl FINGER VALUE (thumb..little, 0..1).
// Authoring actions (mimesis author --desktop; an error in a lesson session): trim A B,
// segment NAME A B, nocopy A B, tolerance SEGMENT VALUE, boundary SEGMENT start|end T (as
// dragging that boundary on the timeline), scrub T (pause, show the take at T), mapping
// anatomical|mirror, view facing|first-person|side. Times are take seconds.
#pragma once

#include <string>
#include <vector>

#include "mimesis/core/Error.hpp"

namespace mimesis {

struct ScriptEvent {
  long frame = 0;
  std::string action;           // key, move, click, wrist, curl
  std::string name;             // key name, finger, segment name, mapping or view
  std::string word;             // boundary: "start" or "end"
  double x = 0.0, y = 0.0, z = 0.0;
};

// Events sorted by frame (stable). Errors name "file:line".
Result<std::vector<ScriptEvent>> readDesktopScript(const std::string& path);

}  // namespace mimesis
