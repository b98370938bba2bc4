// Research batches: the manifest CSV, shards for array jobs, and JSON string escaping.
#pragma once

#include <string>
#include <vector>

#include "mimesis/core/Error.hpp"

namespace mimesis::app {

// One row of a batch manifest. `index` is the 0-based data row number (shards split on it).
struct ManifestRow {
  std::size_t index = 0;
  int line = 0;          // line in the manifest, for messages
  std::string expert;
  std::string learner;
  std::string mapping;   // empty: the command's --mapping
  std::string id;        // empty: the learner path
};

// Reads a CSV with a header naming at least `expert` and `learner` (optional `mapping`, `id`;
// unknown columns are errors). Relative paths are taken relative to the manifest's folder.
Result<std::vector<ManifestRow>> readManifest(const std::string& path);

// "I/N": this process scores rows with index % N == I. Slurm: --shard $SLURM_ARRAY_TASK_ID/N.
struct Shard {
  std::size_t index = 0;
  std::size_t count = 1;
  bool owns(std::size_t row) const { return row % count == index; }
};
Result<Shard> parseShard(const std::string& text);

}  // namespace mimesis::app
