// LoadedModules: dl_iterate_phdr to list, dlopen(RTLD_NOLOAD | RTLD_NODELETE) to pin.
#include "mimesis/core/LoadedModules.hpp"

#include <dlfcn.h>
#include <link.h>

#include <algorithm>

namespace mimesis {

std::vector<std::string> loadedModules() {
  std::vector<std::string> out;
  dl_iterate_phdr(
      [](dl_phdr_info* info, std::size_t, void* data) {
        if (info->dlpi_name != nullptr && info->dlpi_name[0] != '\0')
          static_cast<std::vector<std::string>*>(data)->emplace_back(info->dlpi_name);
        return 0;
      },
      &out);
  return out;
}

int pinModulesLoadedSince(const std::vector<std::string>& before) {
  int pinned = 0;
  for (const std::string& path : loadedModules()) {
    if (std::find(before.begin(), before.end(), path) != before.end()) continue;
    // NOLOAD: only touch a module that is loaded; NODELETE: promote it to never unloaded. The
    // handle is deliberately not closed (closing it would only drop the count we just took).
    if (dlopen(path.c_str(), RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE) != nullptr) ++pinned;
  }
  return pinned;
}

}  // namespace mimesis
