// Log: the module loggers, their shared stderr sink and the one verbosity setting.
#include "mimesis/core/Log.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include <spdlog/sinks/stdout_sinks.h>

namespace mimesis {
namespace {

struct Loggers {
  std::mutex mutex;
  // Not colour: the lines at Normal must be the same bytes the CLI printed before it logged.
  // The sink flushes every line, so a log line and a plain stderr write keep their order.
  std::shared_ptr<spdlog::sinks::stderr_sink_mt> sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
  std::map<std::string, std::shared_ptr<spdlog::logger>, std::less<>> byModule;
  LogVerbosity verbosity = LogVerbosity::Normal;
};

// Built on first use and never destroyed: a logger may be used from a static destructor.
Loggers& loggers() {
  static Loggers* all = new Loggers;
  return *all;
}

void configure(spdlog::logger& logger, LogVerbosity verbosity) {
  switch (verbosity) {
    case LogVerbosity::Quiet: logger.set_level(spdlog::level::err); break;
    case LogVerbosity::Normal: logger.set_level(spdlog::level::info); break;
    case LogVerbosity::Verbose: logger.set_level(spdlog::level::debug); break;
  }
  logger.set_pattern(verbosity == LogVerbosity::Verbose ? "[%n %l] %v" : "%v");
}

}  // namespace

spdlog::logger& moduleLog(std::string_view module) {
  Loggers& all = loggers();
  std::lock_guard lock(all.mutex);
  auto it = all.byModule.find(module);
  if (it == all.byModule.end()) {
    auto logger = std::make_shared<spdlog::logger>("mimesis." + std::string(module), all.sink);
    configure(*logger, all.verbosity);
    it = all.byModule.emplace(std::string(module), std::move(logger)).first;
  }
  return *it->second;
}

void setLogVerbosity(LogVerbosity verbosity) {
  Loggers& all = loggers();
  std::lock_guard lock(all.mutex);
  all.verbosity = verbosity;
  for (auto& [name, logger] : all.byModule) configure(*logger, verbosity);
}

}  // namespace mimesis
