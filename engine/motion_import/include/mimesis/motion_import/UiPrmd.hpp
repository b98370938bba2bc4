// UI-PRMD (Kinect part): positions + angles files to absolute joint poses by forward kinematics.
#pragma once

#include <array>
#include <string>

#include "mimesis/core/Error.hpp"
#include "mimesis/core/Pose.hpp"
#include "mimesis/motion/Clip.hpp"

namespace mimesis {

inline constexpr int kUiPrmdJointCount = 22;
inline constexpr double kUiPrmdRate = 30.0;  // Kinect v2, frames per second

// One row of a Positions or Angles file: 22 joints × 3 numbers.
using UiPrmdRow = std::array<float, kUiPrmdJointCount * 3>;

// Forward kinematics of one frame along kinectBodySkeleton()'s hierarchy.
//   positions: joint 0 is the waist's absolute position (cm, Kinect camera space: Y up, the
//              subject facing the sensor, i.e. toward +Z); joint j > 0 is the bone vector from
//              its parent, expressed in the parent joint's local frame.
//   angles:    per joint, Euler angles (x, y, z) in degrees, the joint's rotation relative to its
//              parent; R(a) = Rz(z)·Ry(y)·Rx(x).
// So W_0 = R(a_0), W_j = W_parent·R(a_j), p_j = p_parent + W_parent·v_j.
// (The Python port of the dataset's visualisation code circulating online places trunk joints
// with their own rotation and starts the arms from the chest's local rotation alone; on real
// takes both give human skeletons within a few cm, and the hierarchical form above keeps the
// shoulder line closer to perpendicular to the trunk, so it is the one implemented.)
// Output: T_camera_joint = (p_j, W_j) per joint, positions in cm.
std::array<Pose, kUiPrmdJointCount> uiPrmdForwardKinematics(const UiPrmdRow& positions, const UiPrmdRow& angles);

// The Angles file that belongs to a Positions file: "Positions" → "Angles" in the directory,
// "_positions" → "_angles" in the file name (m01_s01_e01_positions_inc.txt.gz →
// m01_s01_e01_angles_inc.txt.gz). Empty when the path has no "positions" part to replace.
std::string uiPrmdAnglesPath(const std::string& positionsPath);

// True if the file name looks like a UI-PRMD Kinect positions file ("…_positions….txt[.gz]"
// or "…_positions….csv[.gz]"); the loader dispatches on this.
bool looksLikeUiPrmd(const std::string& path);

// Loads a take: both files (plain or gzipped, 66 columns, same row count), forward kinematics
// per frame, cm → m, 30 Hz from t = 0. The Clip is body-only: Frame::body on
// kinectBodySkeleton() with positions and orientations valid, no hands, info.rigMap "none",
// info.sourceFormat "ui-prmd". Axes stay Kinect's (Y up). Errors: missing angles file (Io, names
// it), bad rows (BadInput, "file:line"), row counts that differ (BadInput), corrupt gzip.
Result<Clip> loadUiPrmd(const std::string& positionsPath);

}  // namespace mimesis
