// Keyframe authoring: turning a parsed `.mkeys` script into a runtime Clip, frame by frame.
#pragma once

#include <span>
#include <string>

#include "mimesis/core/Error.hpp"
#include "mimesis/motion/Clip.hpp"
#include "mimesis/motion/KeyframeScript.hpp"

namespace mimesis {

// The state of one hand at time `t` (seconds) from its keys (non-empty, strictly increasing
// times). Before the first key and after the last the hand holds still. Wrist position,
// yaw/pitch/roll, curls and spreads are each interpolated as numbers with `how`; curls are
// clamped to [0, 1]. The result's `line` is that of the key at or before `t`.
HandKey interpolateKeys(std::span<const HandKey> keys, KeyInterpolation how, double t);

// Samples the script at script.rate from 0 to script.endTime() (frame i at i / rate) and
// builds each declared hand by HandRig forward kinematics with the default bone lengths.
// Undeclared hands are inactive. info.name = script.name, info.source = script.where,
// info.sourceFormat = "keyframes"; segments and annotations are copied. Checks again what
// the parser checks (a script may be built in code) and returns BadInput/Limit naming
// script.where. The result passes validateClip().
Result<Clip> authorClip(const KeyframeScript& script);

// Reads `path` (at most kMaxKeyframeFileBytes), parses it and authors the clip. Errors name the
// file and line ("clips/wave.mkeys:12: ..."); an unreadable file is ErrorCode::Io.
Result<Clip> loadKeyframeClip(const std::string& path);

}  // namespace mimesis
