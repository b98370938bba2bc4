// `mimesis simulate`: a deterministic simulated learner imitating an expert clip.
#include <fmt/core.h>

#include <string>

#include "Command.hpp"
#include "OutputFormat.hpp"
#include "mimesis/motion/SimulatedLearner.hpp"
#include "mimesis/motion_import/ClipLoader.hpp"

namespace mimesis::app {
namespace {

struct SimulateOptions {
  std::string expert;
  std::string out;
  std::string mapping = "anatomical";
  int trials = 1;
  LearnerParams params;
};

// With several trials, "learner.mrec" becomes "learner-t01.mrec", "learner-t02.mrec", ...
std::string trialPath(const std::string& out, int trial, int trials) {
  if (trials <= 1) return out;
  const std::size_t dot = out.find_last_of('.');
  const std::size_t slash = out.find_last_of('/');
  const bool hasExt = dot != std::string::npos && (slash == std::string::npos || dot > slash);
  const std::string stem = hasExt ? out.substr(0, dot) : out;
  const std::string ext = hasExt ? out.substr(dot) : std::string();
  return fmt::format("{}-t{:02d}{}", stem, trial + 1, ext);
}

int runSimulate(SimulateOptions o) {
  const Result<OutputFormat> format = outputFormatFor(o.out);
  if (!format) return reportError("simulate", format.error());
  o.params.mapping = o.mapping == "mirror" ? LearnerParams::Mapping::Mirror : LearnerParams::Mapping::Anatomical;
  Result<Clip> expert = loadClip(o.expert);
  if (!expert) return reportError("simulate", expert.error());
  for (int t = 0; t < o.trials; ++t) {
    const Clip learner = simulateLearner(*expert, o.params, t);
    const std::string path = trialPath(o.out, t, o.trials);
    const Status written = writeClip(*format, path, learner);
    if (!written) return reportError("simulate", written.error());
    fmt::print("{} ({} frames, {:.3f} s, trial {})\n", path, learner.frames.size(), learner.duration(), t + 1);
  }
  return kExitOk;
}

}  // namespace

CommandAction addSimulateCommand(CLI::App& app) {
  auto o = std::make_shared<SimulateOptions>();
  CLI::App* cmd = app.add_subcommand(
      "simulate", "Write a simulated learner's recording imitating an expert clip (deterministic for a seed)");
  cmd->add_option("--expert", o->expert, "Expert clip to imitate")->required();
  cmd->add_option("--out", o->out, "Output recording (.mrec, .csv or .jsonl); with --trials N, "
                                   "one file per trial named OUT-tNN")->required();
  cmd->add_option("--lag-ms", o->params.lagMs, "How far the learner trails the expert, ms")
      ->capture_default_str()->check(CLI::Range(-2000.0, 5000.0));
  cmd->add_option("--gain", o->params.gain, "Movement amplitude relative to the expert (1 = same)")
      ->capture_default_str()->check(CLI::Range(0.0, 5.0));
  cmd->add_option("--noise-mm", o->params.noiseMm, "Joint position noise, mm (standard deviation)")
      ->capture_default_str()->check(CLI::Range(0.0, 200.0));
  cmd->add_option("--tremor-hz", o->params.tremorHz, "Tremor frequency, Hz")
      ->capture_default_str()->check(CLI::Range(0.0, 40.0));
  cmd->add_option("--tremor-mm", o->params.tremorMm, "Tremor amplitude at the wrist, mm")
      ->capture_default_str()->check(CLI::Range(0.0, 100.0));
  cmd->add_option("--mapping", o->mapping, "anatomical (right copies right) or mirror (right copies left)")
      ->capture_default_str()->check(CLI::IsMember({"anatomical", "mirror"}));
  cmd->add_option("--dropout", o->params.dropout, "Fraction of frames with a hand untracked, in bursts")
      ->capture_default_str()->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--scale", o->params.handScale, "Learner hand size relative to the default hand")
      ->capture_default_str()->check(CLI::Range(0.5, 2.0));
  cmd->add_option("--learning-rate", o->params.learningRate, "Errors shrink as (1+trial)^-rate")
      ->capture_default_str()->check(CLI::Range(0.0, 5.0));
  cmd->add_option("--trials", o->trials, "Number of trials to write")
      ->capture_default_str()->check(CLI::Range(1, 1000));
  cmd->add_option("--seed", o->params.seed, "Random seed")->capture_default_str();
  cmd->add_option("--rate", o->params.rate, "Tracker frame rate of the recording, Hz")
      ->capture_default_str()->check(CLI::Range(1.0, 1000.0));
  return [o] { return runSimulate(*o); };
}

}  // namespace mimesis::app
