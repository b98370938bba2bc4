// Log: one named spdlog logger per module ("mimesis.<module>"), all on stderr, one level for all.
//
// Logging is for diagnostics, progress and warnings. Results go to stdout or files and errors
// that end a command (exit 2) are written by `apps` itself; neither goes through a logger, so
// `--quiet`, `--verbose` and `--json` never change a result's bytes.
#pragma once

#include <string_view>

#include <spdlog/logger.h>

namespace mimesis {

// How much the loggers say. Normal: info and up, each line exactly its message (what the CLI
// always printed on stderr). Quiet: errors only. Verbose: debug and up, each line prefixed with
// "[mimesis.<module> <level>] " so a diagnostic says where it came from.
enum class LogVerbosity { Quiet, Normal, Verbose };

// The logger of `module` (a module's directory name: "session", "render"), created on first use
// at the current verbosity. Thread-safe; the reference stays valid for the process's lifetime.
spdlog::logger& moduleLog(std::string_view module);

// Sets the level and line format of every module's logger, those made so far and those to come.
// Default: Normal. Called once by `apps` after parsing `--verbose` / `--quiet`.
void setLogVerbosity(LogVerbosity verbosity);

}  // namespace mimesis
