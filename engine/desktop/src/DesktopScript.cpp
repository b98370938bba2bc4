// Reads desktop input scripts (see DesktopScript.hpp).
#include "mimesis/desktop/DesktopScript.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

namespace mimesis {

Result<std::vector<ScriptEvent>> readDesktopScript(const std::string& path) {
  std::ifstream in(path);
  if (!in) return makeError(ErrorCode::Io, "cannot open the input script", path);
  static const std::set<std::string> keys = {"space", "v", "m", "[", "]", "tab", "1", "2", "3", "4", "5",
                                             "shift+1", "shift+2", "shift+3", "shift+4", "shift+5",
                                             "f", "o", "p", "h", "esc"};
  static const std::set<std::string> fingers = {"thumb", "index", "middle", "ring", "little"};
  std::vector<ScriptEvent> events;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (number > 100000) return makeError(ErrorCode::Limit, "more than 100000 lines", path);
    const std::size_t hash = line.find('#');
    if (hash != std::string::npos) line.resize(hash);
    std::istringstream ss(line);
    ScriptEvent e;
    if (!(ss >> e.frame)) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      return makeError(ErrorCode::BadInput, "expected a frame number first", path + ":" + std::to_string(number));
    }
    const std::string where = path + ":" + std::to_string(number);
    if (e.frame < 0 || e.frame > 100000000) return makeError(ErrorCode::BadInput, "frame out of range", where);
    if (!(ss >> e.action)) return makeError(ErrorCode::BadInput, "expected an action after the frame", where);
    bool ok = true;
    if (e.action == "key") {
      ok = static_cast<bool>(ss >> e.name) && keys.count(e.name) > 0;
      if (!ok) return makeError(ErrorCode::BadInput, "unknown key '" + e.name + "'", where);
    } else if (e.action == "move" || e.action == "click") {
      ok = static_cast<bool>(ss >> e.x >> e.y);
    } else if (e.action == "wrist") {
      ok = static_cast<bool>(ss >> e.x >> e.y >> e.z);
    } else if (e.action == "curl") {
      ok = static_cast<bool>(ss >> e.name >> e.x) && fingers.count(e.name) > 0 && e.x >= 0.0 && e.x <= 1.0;
    } else if (e.action == "trim" || e.action == "nocopy") {
      ok = static_cast<bool>(ss >> e.x >> e.y);
    } else if (e.action == "segment") {
      ok = static_cast<bool>(ss >> e.name >> e.x >> e.y);
    } else if (e.action == "tolerance") {
      ok = static_cast<bool>(ss >> e.name >> e.x);
    } else if (e.action == "boundary") {
      ok = static_cast<bool>(ss >> e.name >> e.word >> e.x) && (e.word == "start" || e.word == "end");
    } else if (e.action == "scrub") {
      ok = static_cast<bool>(ss >> e.x);
    } else if (e.action == "mapping") {
      ok = static_cast<bool>(ss >> e.name) && (e.name == "anatomical" || e.name == "mirror");
    } else if (e.action == "view") {
      ok = static_cast<bool>(ss >> e.name) && (e.name == "facing" || e.name == "first-person" || e.name == "side");
    } else {
      return makeError(ErrorCode::BadInput,
                       "unknown action '" + e.action +
                           "' (key, move, click, wrist, curl; authoring: trim, segment, nocopy, tolerance, boundary, scrub, "
                           "mapping, view)",
                       where);
    }
    if (!ok || !std::isfinite(e.x) || !std::isfinite(e.y) || !std::isfinite(e.z))
      return makeError(ErrorCode::BadInput, "bad arguments for '" + e.action + "'", where);
    std::string rest;
    if (ss >> rest) return makeError(ErrorCode::BadInput, "unexpected '" + rest + "' at the end of the line", where);
    events.push_back(e);
  }
  std::stable_sort(events.begin(), events.end(), [](const ScriptEvent& a, const ScriptEvent& b) { return a.frame < b.frame; });
  return events;
}

}  // namespace mimesis
