// BVH import: forward kinematics from channel values to world poses per frame (RawClip), the
// unit guess, and loading a file in one go.
#pragma once

#include <optional>
#include <string>

#include <glm/gtc/quaternion.hpp>

#include "mimesis/core/Error.hpp"
#include "mimesis/motion_import/BvhDocument.hpp"
#include "mimesis/motion_import/RawClip.hpp"

namespace mimesis {

struct BvhImportOptions {
  // Metres per file unit; unset = guessBvhMetresPerUnit (below).
  std::optional<float> metresPerUnit;
  // Rotation from the file's axes to Mimesis's (Y up, performer facing -Z, right-handed).
  // Unset = BVH's usual convention, Y up with the performer facing +Z (CMU, Mixamo, most
  // exporters): a half turn about Y, so the performer faces -Z like the learner and their left
  // hand lies toward -X.
  std::optional<glm::quat> T_mimesis_file;
  BvhLimits limits;
};

// The unit guess. BVH declares no unit; the height of the rest pose (all channels zero, the
// extent of the joint positions along the axis where it is largest) is converted with each
// common unit — metre, centimetre, millimetre, inch, foot and the CMU/ASF unit (1/0.45 inch =
// 0.05644 m) — and the unit whose human height is nearest to 1.7 m (in log scale) wins.
// CMU's subject 01 is ~25 units tall: 1.4 m in CMU units (inches would give 0.6 m). A rest pose
// with no extent returns 0.01 (centimetres, the most common BVH unit). Hand-only or non-human
// rigs defeat the guess: pass BvhImportOptions::metresPerUnit for them.
float guessBvhMetresPerUnit(const BvhDocument& doc);

// Forward kinematics: T_world_joint for every joint (End Sites included) of every frame, in file
// units and axes. A joint's local transform is translation (OFFSET + its position channels,
// which BVH writers give as offsets from the rest position; CMU's root OFFSET is 0) and
// rotation R = R1 * R2 * R3 of its rotation channels in the order written. Times are
// frame * frameTime; rate = 1 / frameTime, rounded to an integer when within 0.01 of one
// (".0083333" means 120 fps). Errors if a pose is not finite.
Result<RawClip> bvhToRaw(const BvhDocument& doc, const BvhImportOptions& options = {});

// parseBvh then bvhToRaw on a file, with the same result to the byte, but streamed: the file is
// mapped (not copied) and each frame row goes through forward kinematics as soon as it is
// parsed, so no channel-value array for the whole clip is built. ErrorCode::Io if unreadable
// (or not a regular file); ErrorCode::Limit for files over 2 GiB. Pose storage is reserved
// for at most the rows the file's text could hold, whatever Frames claims.
Result<RawClip> loadBvhRaw(const std::string& path, const BvhImportOptions& options = {});

}  // namespace mimesis
