// `mimesis lesson SCENE --batch FOLDER --out DIR`: one headless lesson per recording in a
// folder, for research groups re-running many sessions (shardable for array jobs).
#pragma once

#include <string>

#include "LearnerProfile.hpp"
#include "mimesis/session/Lesson.hpp"

namespace mimesis::app {

struct LessonBatchOptions {
  std::string folder;        // recordings: every file loadClip reads, not recursive, by name
  std::string out;           // output folder (created)
  std::string shard = "0/1"; // I/N: recordings whose 0-based index (in name order) % N == I
  int trials = 0;            // performances: trials per lesson (0: the scene's); sessions: as recorded
  // With --learner-id: each recording's lesson is a session of that learner (resumed, recorded);
  // null: no profile is read or written, so research batches stay reproducible.
  const ProfileOptions* profile = nullptr;
  std::string scene;         // the scene file, as given: a shard's stamp names it and its bytes' CRC
  bool quiet = false;        // no progress line even on a terminal
};

// A .mrec with trial events (a session.mrec) is re-run trial by trial (SessionReplaySource);
// any other recording is one performance replayed every trial (RecordingSource). Each lesson's
// reports go to OUT/<recording file name>/. Writes RESULTS.jsonl (one JSON object per
// recording: its outcome, or its error) and summary.csv (one row per recording), flushed after
// each recording; with a shard other than 0/1 the names are RESULTS-I-of-N.jsonl and
// summary-I-of-N.csv so array jobs can share OUT, and RESULTS-I-of-N.jsonl.shard.json stamps the
// shard for `mimesis merge` (ShardStamp.hpp). A recording that fails is recorded and the
// batch goes on. Returns the exit code: 0, or 2 if any recording failed or the folder is bad.
int runLessonBatch(const Lesson& lesson, const LessonBatchOptions& options);

}  // namespace mimesis::app
