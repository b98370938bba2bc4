// Entry point of the `mimesis` command: registers subcommands and maps failures to exit codes.
#include <fmt/core.h>

#include <utility>
#include <vector>

#include "Command.hpp"
#include "mimesis/core/Log.hpp"
#include "mimesis/motion_import/AssimpImport.hpp"

namespace mimesis::app {

int reportError(const std::string& command, const Error& error) {
  fmt::print(stderr, "mimesis {}: {}\n", command, error.describe());
  return error.code == ErrorCode::Internal || error.code == ErrorCode::Device ? kExitFailure : kExitBadInput;
}

namespace {

// Every subcommand takes --verbose and --quiet: the level of the modules' loggers (stderr only;
// stdout and the files written are the same either way). `score` and `lesson` already had a
// --quiet of their own (no table, no progress line); it quiets the loggers as well.
void addLogFlags(CLI::App& app) {
  for (CLI::App* sub : app.get_subcommands({})) {
    sub->add_flag("--verbose")->description("Also print diagnostics on stderr, each line naming its module's logger");
    if (sub->get_option_no_throw("--quiet") == nullptr)
      sub->add_flag("--quiet")->description("Print no progress or warnings on stderr, only errors");
  }
}

mimesis::LogVerbosity verbosityOf(const CLI::App& sub) {
  if (sub.count("--quiet") > 0) return mimesis::LogVerbosity::Quiet;
  if (sub.count("--verbose") > 0) return mimesis::LogVerbosity::Verbose;
  return mimesis::LogVerbosity::Normal;
}

}  // namespace
}  // namespace mimesis::app

int main(int argc, char** argv) {
  using namespace mimesis::app;
  // Assimp reads are rehearsed in child processes; their forking helper is cheapest to start now,
  // before a renderer or a lesson has grown this process.
  mimesis::startAssimpIsolation();
  CLI::App app{"Mimesis — learn movements by imitation. Headless tools for clips and recordings."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "mimesis 0.1.0");

  // In registration order, so help and messages list commands the same way every time.
  std::vector<std::pair<const CLI::App*, CommandAction>> actions;
  auto add = [&](CommandAction action) { actions.emplace_back(app.get_subcommands({}).back(), std::move(action)); };
  add(addInspectCommand(app));
  add(addConvertCommand(app));
  add(addSimulateCommand(app));
  add(addScoreCommand(app));
  add(addLessonCommand(app));
  add(addMergeCommand(app));
  add(addRenderCommand(app));
  add(addDesktopCommand(app));
  add(addHeadsetCommand(app));
  add(addProgressCommand(app));
  add(addRecordCommand(app));
  add(addAuthorCommand(app));
  addLogFlags(app);

  // An unknown first word is the commonest slip; name it instead of CLI11's generic message.
  if (argc > 1 && argv[1][0] != '-') {
    bool known = false;
    std::string names;
    for (const auto& [sub, action] : actions) {
      known = known || sub->get_name() == argv[1];
      names += (names.empty() ? "" : ", ") + sub->get_name();
    }
    if (!known) {
      fmt::print(stderr, "mimesis: unknown command '{}' (commands: {}); see mimesis --help\n", argv[1], names);
      return kExitBadInput;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    // --help and --version are successes; every other parse failure is a bad argument.
    return code == 0 ? kExitOk : kExitBadInput;
  }
  for (const auto& [sub, action] : actions)
    if (sub->parsed()) {
      mimesis::setLogVerbosity(verbosityOf(*sub));
      try {
        return action();
      } catch (const std::exception& e) {
        // Commands return errors as values; anything thrown here is a bug, reported not crashed.
        fmt::print(stderr, "mimesis {}: internal error: {}\n", sub->get_name(), e.what());
        return kExitFailure;
      }
    }
  return kExitBadInput;
}
