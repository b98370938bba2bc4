// The stamp a batch shard leaves beside its results (RESULTS.jsonl -> RESULTS.jsonl.shard.json):
// which batch it belongs to and whether it finished, so `mimesis merge` can refuse pieces that
// do not fit together. A sidecar, not a header line, so each shard's results stay plain JSON
// Lines in the unsharded run's format; the unsharded run (--shard 0/1) writes none.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "mimesis/core/Error.hpp"

namespace mimesis::app {

struct ShardStamp {
  std::string kind;          // "score" or "lesson": which batch wrote the shard
  std::size_t index = 0;     // this shard, I of I/N
  std::size_t count = 1;     // N
  std::size_t rows = 0;      // rows of the whole batch (manifest rows, or recordings)
  std::string manifest;      // the manifest file or recordings folder, as given
  std::string fingerprint;   // CRC-32C of the batch's rows as they appear in results (manifestFingerprint)
  std::string options;       // the options that change a row's bytes, in words ("--mapping anatomical ...")
  std::string summary;       // lesson: the shard's summary CSV, a file name beside the results; else empty
  bool complete = false;     // written false when the shard starts, true when its last row is flushed
  std::size_t written = 0;   // rows this shard wrote (when complete)
  std::size_t failed = 0;    // of which error rows
};

// Where the stamp of a shard's results file lives.
std::string stampPathFor(const std::string& resultsPath);

// Writes the stamp through a temporary file and a rename, so a reader never sees half of one.
Status writeStamp(const std::string& resultsPath, const ShardStamp& stamp);

// Reads the stamp beside `resultsPath`; a missing or malformed stamp is a BadInput naming it.
Result<ShardStamp> readStamp(const std::string& resultsPath);

// A fingerprint of a batch's rows (each row's fields in order): shards of one batch agree on it,
// shards of a different manifest (other rows, other order, other paths) do not.
std::string manifestFingerprint(const std::vector<std::vector<std::string>>& rows);

// CRC-32C of a file's bytes as 8 hex digits ("unreadable" if it cannot be read): the scene a
// lesson batch ran, for its options.
std::string fileFingerprint(const std::string& path);

}  // namespace mimesis::app
