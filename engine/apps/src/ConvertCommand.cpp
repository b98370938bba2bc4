// `mimesis convert IN OUT`: any readable clip or recording to .mrec, CSV or JSON Lines.
#include <fmt/core.h>

#include <string>

#include "Command.hpp"
#include "mimesis/motion/Mirroring.hpp"
#include "mimesis/motion_import/ClipLoader.hpp"
#include "OutputFormat.hpp"

namespace mimesis::app {
namespace {

struct ConvertOptions {
  std::string in;
  std::string out;
  std::string rig;
  bool mirror = false;
};

int runConvert(const ConvertOptions& o) {
  const Result<OutputFormat> format = outputFormatFor(o.out);
  if (!format) return reportError("convert", format.error());
  LoadOptions load;
  load.rigMap = o.rig;
  Result<Clip> clip = loadClip(o.in, load);
  if (!clip) return reportError("convert", clip.error());
  if (o.mirror) *clip = mirrorClip(*clip);
  const Status written = writeClip(*format, o.out, *clip);
  if (!written) return reportError("convert", written.error());
  fmt::print("{} -> {} ({} frames, {:.3f} s)\n", o.in, o.out, clip->frames.size(), clip->duration());
  return kExitOk;
}

}  // namespace

CommandAction addConvertCommand(CLI::App& app) {
  auto opts = std::make_shared<ConvertOptions>();
  CLI::App* cmd = app.add_subcommand(
      "convert", "Convert a clip (BVH, glTF/GLB, FBX, COLLADA, CSV, .mkeys, .mrec) to .mrec, .csv or .jsonl");
  cmd->add_option("IN", opts->in, "Input clip or recording")->required();
  cmd->add_option("OUT", opts->out, "Output file; its extension (.mrec, .csv, .jsonl) picks the format")
      ->required();
  cmd->add_option("--rig", opts->rig, "Force a rig map by name instead of detecting it");
  cmd->add_flag("--mirror", opts->mirror, "Mirror left and right while converting");
  return [opts] { return runConvert(*opts); };
}

}  // namespace mimesis::app
