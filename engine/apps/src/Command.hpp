// What every subcommand shares: how it registers with the CLI, and how errors become exit codes.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

#include "mimesis/core/Error.hpp"

namespace mimesis::app {

// Exit codes of the `mimesis` command (documented in README.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;   // an internal error: a bug, please report
inline constexpr int kExitBadInput = 2;  // bad file, bad argument, missing file, refused input

// A subcommand runs after parsing and returns its exit code.
using CommandAction = std::function<int()>;

// Prints "mimesis <command>: <where>: <message>" to stderr and returns the matching exit code.
int reportError(const std::string& command, const Error& error);

// Each command adds its CLI11 subcommand and returns the action to run when it is chosen.
CommandAction addInspectCommand(CLI::App& app);
CommandAction addConvertCommand(CLI::App& app);
CommandAction addSimulateCommand(CLI::App& app);
CommandAction addScoreCommand(CLI::App& app);
CommandAction addLessonCommand(CLI::App& app);
CommandAction addMergeCommand(CLI::App& app);
CommandAction addRenderCommand(CLI::App& app);
CommandAction addDesktopCommand(CLI::App& app);
CommandAction addHeadsetCommand(CLI::App& app);
CommandAction addProgressCommand(CLI::App& app);
CommandAction addRecordCommand(CLI::App& app);  // RecordCommand.cpp (authoring)
CommandAction addAuthorCommand(CLI::App& app);  // AuthorCommand.cpp (authoring)

}  // namespace mimesis::app
