// LoadedModules: which shared libraries this process has loaded, and keeping the ones a
// third-party loader brought in (Vulkan drivers and layers, OpenXR runtimes and layers) loaded
// for the rest of the process.
//
// Why pin them: the Vulkan and OpenXR loaders dlclose drivers and layers when the last instance
// goes. Reloading them later buys nothing, and memory those libraries keep for the life of the
// process would then be reported by LeakSanitizer as "leaked from an unknown module", which no
// suppression can name; while they stay loaded their allocations are attributed to them.
#pragma once

#include <string>
#include <vector>

namespace mimesis {

// Paths of the shared objects loaded now, in load order (the main program excluded).
std::vector<std::string> loadedModules();

// Marks every module loaded now but not in `before` as never to be unloaded (RTLD_NODELETE).
// Returns how many were pinned.
int pinModulesLoadedSince(const std::vector<std::string>& before);

// Pins, when it goes out of scope (error returns included), every module loaded while it lived:
// for set-up code that calls libraries which load others (GLFW's X11 extensions, WSI).
class PinModulesLoadedInScope {
 public:
  PinModulesLoadedInScope() : before_(loadedModules()) {}
  ~PinModulesLoadedInScope() { pinModulesLoadedSince(before_); }
  PinModulesLoadedInScope(const PinModulesLoadedInScope&) = delete;
  PinModulesLoadedInScope& operator=(const PinModulesLoadedInScope&) = delete;

 private:
  std::vector<std::string> before_;
};

}  // namespace mimesis
