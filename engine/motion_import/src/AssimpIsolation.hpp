// Internal: reading a file with Assimp in a child process first, so a crash, a runaway
// allocation or an endless loop inside Assimp costs an error message, not the session.
#pragma once

#include <optional>
#include <string>

#include <assimp/Importer.hpp>

#include "mimesis/core/Error.hpp"

namespace mimesis::detail {

// What the child may spend before its read counts as hostile.
struct AssimpChildLimits {
  unsigned long long extraAddressSpaceBytes = 4ull << 30;  // on top of what the parent has mapped
  unsigned long cpuSeconds = 60;
};

// The importer set-up every Assimp read in Mimesis uses (the child's and the real one).
void configureImporter(Assimp::Importer& importer);

// Picks the importer as Assimp would by extension, but refuses (instead of Assimp's fallback to
// trying every other importer) a file none of those importers recognises; then reads it.
// Returns the scene (owned by `importer`) or an error naming `path`.
Result<const aiScene*> readWithClaimingImporter(Assimp::Importer& importer, const std::string& path,
                                                unsigned int postProcessFlags);

// Starts the reader host (see AssimpIsolation.cpp) if it is not running.
void startReaderHost();

// Runs readWithClaimingImporter in a forked child under `limits`. nullopt: the child read the
// file cleanly, so the same read in this process is safe. Otherwise the error to report: Assimp's
// own refusal, its crash (with the signal), or the limit it ran into.
std::optional<Error> rehearseAssimpRead(const std::string& path, unsigned int postProcessFlags,
                                        const AssimpChildLimits& limits = {});

}  // namespace mimesis::detail
