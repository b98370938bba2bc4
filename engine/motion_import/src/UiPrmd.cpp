// UI-PRMD (Kinect part): positions + angles files to absolute joint poses by forward kinematics.
#include "mimesis/motion_import/UiPrmd.hpp"

#include <glm/gtc/quaternion.hpp>

#include "mimesis/motion/Skeleton.hpp"
#include "mimesis/motion_import/CsvJointTable.hpp"

namespace mimesis {
namespace {

constexpr float kDegToRad = 3.14159265358979323846f / 180.0f;
constexpr float kMetresPerCm = 0.01f;

glm::vec3 triplet(const UiPrmdRow& row, int joint) {
  const auto i = static_cast<std::size_t>(joint) * 3;
  return {row[i], row[i + 1], row[i + 2]};
}

// R = Rz(z)·Ry(y)·Rx(x): applied to a vector, x first, then y, then z.
glm::quat eulerZyx(const glm::vec3& degrees) {
  const glm::vec3 r = degrees * kDegToRad;
  return glm::angleAxis(r.z, glm::vec3(0, 0, 1)) * glm::angleAxis(r.y, glm::vec3(0, 1, 0)) *
         glm::angleAxis(r.x, glm::vec3(1, 0, 0));
}

const Skeleton& kinectSkeleton() {
  static const Skeleton skeleton = kinectBodySkeleton();
  return skeleton;
}

std::string replaceLast(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.rfind(from);
  if (at == std::string::npos) return {};
  return s.replace(at, from.size(), to);
}

Result<NumberTable> readUiPrmdTable(const std::string& path) {
  CsvTableOptions options;
  options.header = CsvTableOptions::Header::Absent;
  auto table = readNumberTable(path, options);
  if (!table) return table.error();
  if (table->columns != kUiPrmdJointCount * 3)
    return makeError(ErrorCode::BadInput,
                     "expected 66 columns (22 joints × 3), found " + std::to_string(table->columns),
                     path + ":" + std::to_string(table->lines.front()));
  return table;
}

UiPrmdRow rowOf(const NumberTable& table, int r) {
  UiPrmdRow row{};
  for (int c = 0; c < kUiPrmdJointCount * 3; ++c) row[static_cast<std::size_t>(c)] = static_cast<float>(table.at(r, c));
  return row;
}

}  // namespace

std::array<Pose, kUiPrmdJointCount> uiPrmdForwardKinematics(const UiPrmdRow& positions, const UiPrmdRow& angles) {
  const Skeleton& skeleton = kinectSkeleton();
  std::array<Pose, kUiPrmdJointCount> out{};
  for (int j = 0; j < kUiPrmdJointCount; ++j) {
    const glm::quat R_parent_joint = eulerZyx(triplet(angles, j));
    const int parent = skeleton.parents[static_cast<std::size_t>(j)];
    if (parent < 0) {
      out[0] = Pose{triplet(positions, 0), glm::normalize(R_parent_joint)};
      continue;
    }
    // Parents come first (topological order), so out[parent] is already in camera space.
    const Pose& T_camera_parent = out[static_cast<std::size_t>(parent)];
    out[static_cast<std::size_t>(j)].position = T_camera_parent.apply(triplet(positions, j));
    out[static_cast<std::size_t>(j)].orientation = glm::normalize(T_camera_parent.orientation * R_parent_joint);
  }
  return out;
}

std::string uiPrmdAnglesPath(const std::string& positionsPath) {
  const auto slash = positionsPath.find_last_of("/\\");
  const std::string dir = slash == std::string::npos ? std::string() : positionsPath.substr(0, slash + 1);
  const std::string file = slash == std::string::npos ? positionsPath : positionsPath.substr(slash + 1);
  std::string newFile = replaceLast(file, "_positions", "_angles");
  if (newFile.empty()) newFile = replaceLast(file, "Positions", "Angles");
  if (newFile.empty()) return {};
  std::string newDir = replaceLast(dir, "Positions", "Angles");
  return (newDir.empty() ? dir : newDir) + newFile;
}

bool looksLikeUiPrmd(const std::string& path) {
  const auto slash = path.find_last_of("/\\");
  const std::string file = slash == std::string::npos ? path : path.substr(slash + 1);
  return file.find("_positions") != std::string::npos;
}

Result<Clip> loadUiPrmd(const std::string& positionsPath) {
  const std::string anglesPath = uiPrmdAnglesPath(positionsPath);
  if (anglesPath.empty())
    return makeError(ErrorCode::BadInput, "not a UI-PRMD positions file name (no '_positions' to replace)",
                     positionsPath);
  auto positions = readUiPrmdTable(positionsPath);
  if (!positions) return positions.error();
  auto angles = readUiPrmdTable(anglesPath);
  if (!angles) {
    Error e = angles.error();
    if (e.code == ErrorCode::Io) e.message = "missing angles file for " + positionsPath;
    return e;
  }
  if (positions->rows() != angles->rows())
    return makeError(ErrorCode::BadInput,
                     std::to_string(positions->rows()) + " position rows but " + std::to_string(angles->rows()) +
                         " angle rows in " + anglesPath,
                     positionsPath);

  Clip clip;
  clip.body = kinectBodySkeleton();
  const auto slash = positionsPath.find_last_of("/\\");
  clip.info.name = positionsPath.substr(slash == std::string::npos ? 0 : slash + 1);
  clip.info.source = positionsPath;
  clip.info.sourceFormat = "ui-prmd";
  clip.info.rigMap = "none";
  clip.rate = kUiPrmdRate;
  clip.frames.resize(static_cast<std::size_t>(positions->rows()));
  for (int r = 0; r < positions->rows(); ++r) {
    const auto poses = uiPrmdForwardKinematics(rowOf(*positions, r), rowOf(*angles, r));
    Frame& frame = clip.frames[static_cast<std::size_t>(r)];
    frame.time = r / kUiPrmdRate;
    frame.body.resize(kUiPrmdJointCount);
    for (int j = 0; j < kUiPrmdJointCount; ++j) {
      JointPose& jp = frame.body[static_cast<std::size_t>(j)];
      jp.pose = Pose{poses[static_cast<std::size_t>(j)].position * kMetresPerCm, poses[static_cast<std::size_t>(j)].orientation};
      jp.flags = kJointFullyTracked;
    }
  }
  if (Status valid = validateClip(clip, positionsPath); !valid) return valid.error();
  return clip;
}

}  // namespace mimesis
