// `mimesis inspect FILE`: what a clip or recording holds, in a form a person can check quickly.
#include <fmt/core.h>

#include <array>
#include <string>

#include "Command.hpp"
#include "mimesis/motion/Clip.hpp"
#include "mimesis/motion/MrecReader.hpp"
#include "mimesis/motion_import/ClipLoader.hpp"

namespace mimesis::app {
namespace {

struct InspectOptions {
  std::string path;
  std::string rig;
};

// Number of joints of a hand that are valid in at least one frame.
int jointsPresent(const Clip& clip, Hand hand) {
  std::array<bool, kHandJointCount> seen{};
  for (const Frame& f : clip.frames) {
    const HandPose& h = f.hand(hand);
    if (!h.active) continue;
    for (int j = 0; j < kHandJointCount; ++j) seen[j] = seen[j] || h.joints[j].positionValid();
  }
  int n = 0;
  for (bool s : seen) n += s ? 1 : 0;
  return n;
}

// Fraction of frames in which the hand is tracked (active with a valid wrist).
double trackedFraction(const Clip& clip, Hand hand) {
  if (clip.frames.empty()) return 0.0;
  std::size_t n = 0;
  for (const Frame& f : clip.frames) n += f.hand(hand).usable() ? 1 : 0;
  return static_cast<double>(n) / static_cast<double>(clip.frames.size());
}

void printClip(const std::string& path, const Clip& clip) {
  const ClipContents c = describeContents(clip);
  fmt::print("file         {}\n", path);
  fmt::print("format       {}\n", clip.info.sourceFormat.empty() ? "unknown" : clip.info.sourceFormat);
  fmt::print("name         {}\n", clip.info.name);
  fmt::print("frames       {}\n", clip.frames.size());
  fmt::print("rate         {:.3f} Hz\n", clip.rate);
  fmt::print("duration     {:.3f} s\n", clip.duration());
  std::string hands;
  for (Hand h : {Hand::Left, Hand::Right}) {
    const bool present = h == Hand::Left ? c.left : c.right;
    if (!present) continue;
    if (!hands.empty()) hands += ", ";
    hands += fmt::format("{} ({}/{} joints, tracked in {:.1f}% of frames)", handName(h),
                         jointsPresent(clip, h), kHandJointCount, 100.0 * trackedFraction(clip, h));
  }
  fmt::print("hands        {}\n", hands.empty() ? "none" : hands);
  fmt::print("head         {}\n", c.head ? "yes" : "no");
  if (c.body) {
    std::string groups;
    for (const JointGroup& g : clip.body.groups) groups += fmt::format(" {}({})", g.name, g.joints.size());
    fmt::print("body         {} joints, skeleton '{}', groups:{}\n", clip.body.jointCount(),
               clip.body.name, groups.empty() ? " none" : groups);
  } else {
    fmt::print("body         none\n");
  }
  fmt::print("valid        {:.1f}% of joints over present streams\n", 100.0 * c.validFraction);
  fmt::print("rig map      {}\n", clip.info.rigMap.empty() ? "none" : clip.info.rigMap);
  if (clip.info.filledJoints.empty()) {
    fmt::print("filled       none\n");
  } else {
    std::string list;
    for (const std::string& j : clip.info.filledJoints) list += (list.empty() ? "" : ", ") + j;
    fmt::print("filled       {} joints: {}\n", clip.info.filledJoints.size(), list);
  }
  fmt::print("segments     {}\n", clip.segments.size());
  for (const Segment& s : clip.segments)
    fmt::print("  {:<20} {:8.3f} - {:8.3f} s\n", s.name, s.start, s.end);
  fmt::print("annotations  {}\n", clip.annotations.size());
  for (const Annotation& a : clip.annotations)
    fmt::print("  {:<12} {:8.3f} - {:8.3f} s {}\n", a.kind, a.start, a.end, a.text);
}

bool hasExtension(const std::string& path, const std::string& ext) {
  if (path.size() < ext.size()) return false;
  std::string tail = path.substr(path.size() - ext.size());
  for (char& ch : tail) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return tail == ext;
}

int runInspect(const InspectOptions& o) {
  if (hasExtension(o.path, ".mrec")) {
    // Recordings also say what recovery did and how many feedback events they hold.
    Result<MrecFile> file = readMrec(o.path);
    if (!file) return reportError("inspect", file.error());
    printClip(o.path, file->clip);
    fmt::print("events       {}\n", file->events.size());
    fmt::print("integrity    {}\n", file->recovery.torn ? "torn: " + file->recovery.detail
                                                         : std::string("complete"));
    return kExitOk;
  }
  LoadOptions load;
  load.rigMap = o.rig;
  Result<Clip> clip = loadClip(o.path, load);
  if (!clip) return reportError("inspect", clip.error());
  printClip(o.path, *clip);
  return kExitOk;
}

}  // namespace

CommandAction addInspectCommand(CLI::App& app) {
  auto opts = std::make_shared<InspectOptions>();
  CLI::App* cmd = app.add_subcommand("inspect", "Show what a clip or recording holds: frames, rate, "
                                                "duration, hands and joints, validity, rig map, filled joints");
  cmd->add_option("FILE", opts->path, "Clip or recording (.bvh .gltf .glb .fbx .dae .csv[.gz] .txt[.gz] .mkeys .mrec)")
      ->required();
  cmd->add_option("--rig", opts->rig, "Force a rig map by name instead of detecting it");
  return [opts] { return runInspect(*opts); };
}

}  // namespace mimesis::app
