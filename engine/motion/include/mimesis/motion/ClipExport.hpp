// Exporting clips for other tools: CSV (one row per frame) and JSON Lines (one object per frame).
#pragma once

#include <string>

#include "mimesis/core/Error.hpp"
#include "mimesis/motion/Clip.hpp"

namespace mimesis {

// Both exports share these rules:
// - The clip must pass validateClip (BadInput otherwise, nothing written).
// - Numbers are printed with std::to_chars' shortest form, which reads back to the same float
//   (positions, quaternions, radii) or double (times, rate, segment bounds); no locale.
// - Never NaN or infinity: a value that is invalid (hand inactive, or its validity flag clear)
//   or not finite is written as an empty CSV cell or a JSON null.
// - Deterministic: the same clip gives the same bytes.
// Units: metres, seconds; quaternions x, y, z, w; poses T_world_joint.

// CSV with a header row. Columns: `time`; then for hand in left, right and each of the 26
// joints in OpenXR order `<hand>_<joint>_{px,py,pz,qx,qy,qz,qw,radius,flags}` (e.g.
// `left_index_tip_px`); then `head_{px,py,pz,qx,qy,qz,qw}`; then for each body joint of the
// clip's skeleton `body_<name>_{px,py,pz,qx,qy,qz,qw,radius,flags}`. Positions and radius are
// empty unless the position is valid, orientations unless the orientation is valid, head
// cells unless the frame has a head; `flags` is the joint's validity bits (0 for an inactive
// hand). Cells holding a comma, quote or line break are quoted (RFC 4180).
Status writeClipCsv(const std::string& path, const Clip& clip);

// JSON Lines. Line 1, the header: {"format":"mimesis-clip","version":1,"info":{...},"rate":..,
// "frames":N,"handJoints":[26 names],"skeleton":{"name","joints","parents","groups"},
// "segments":[...],"annotations":[...]}. Then one line per frame:
// {"time":t,"left":H,"right":H,"head":{"p":[x,y,z],"q":[x,y,z,w]}|null,"body":[J...]} where
// H is null for an inactive hand, else {"joints":[J x 26]}, and J is
// {"p":[x,y,z]|null,"q":[x,y,z,w]|null,"radius":r|null,"flags":n}. Strings are escaped as
// JSON requires; their UTF-8 bytes are passed through unchanged.
Status writeClipJsonLines(const std::string& path, const Clip& clip);

}  // namespace mimesis
