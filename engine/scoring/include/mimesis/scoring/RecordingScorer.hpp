// Scoring two .mrec recordings without holding either whole: the score `mimesis score` gives
// for two recordings, in a few times less memory on long ones (SCORING.md, "Long clips").
#pragma once

#include <string>

#include "mimesis/core/Error.hpp"
#include "mimesis/scoring/ScoreReport.hpp"
#include "mimesis/scoring/ScoringConfig.hpp"

namespace mimesis {

// The same report, byte for byte, as scorePerformance on the two clips readMrec reads from the
// files, with the same errors. Hand-only recordings are read as streams (streamMrec): once to
// check them and learn what the scorer asks before it builds a stream (frame times, head,
// active hands, the learner's first seconds for its bone lengths), then once per stream built;
// only the scorer's streams are ever held, never a Clip's frames (~2 KB each: 105 MB per clip
// at 10 minutes, 90 Hz). Recordings with a body skeleton, files that are not regular files (a
// pipe cannot be read twice), and any file the streamed reading refuses or that changes
// between its passes, are read whole and scored by scorePerformance.
// How scoreRecordings read the files (for tests and benches): `streamed` false when it read
// them whole; `passes` is how many times it read each file (open, then once per stream).
struct RecordingScoreInfo {
  bool streamed = false;
  int expertPasses = 0;
  int learnerPasses = 0;
};
Result<ScoreReport> scoreRecordings(const std::string& expertMrec, const std::string& learnerMrec,
                                    const ScoringConfig& config, RecordingScoreInfo* info = nullptr);

}  // namespace mimesis
