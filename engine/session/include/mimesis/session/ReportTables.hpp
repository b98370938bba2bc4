// The lesson's CSV tables: trials.csv (one row per trial) and frames.csv (one row per learner
// frame), for spreadsheets and analysis scripts. Columns are fixed and documented here.
#pragma once

#include <string>

#include "mimesis/session/HeadlessLesson.hpp"

namespace mimesis {

// Header:
//   trial,stage,performed,guided,ghost_opacity,tempo,looped_segment,view,start_s,end_s,frames,
//   scored,score,grade,lag_ms,gain,worst_moment_s,knowledge_of_results,cut_short
// trial is 1-based; cut_short 1: the learner covered under mirror.feedback.cutShortFraction of
// the span shown (the mirror model did not score it as a full trial; last, so that the older
// columns keep their places); booleans are 0/1; score is empty for a trial the learner only watched;
// grade, lag_ms and gain come from the trial's ScoreReport (empty when not scored, gain empty
// when the report has none); worst_moment_s is expert clip seconds (empty when not performed).
std::string trialsCsv(const HeadlessResult& result);

// Header:
//   frame,time_s,trial,stage,ghost_opacity,tempo,looped_segment,cues,segment,expert_time_s,
//   fit_valid,lag_ms,gain,resonance,live_error
// frame is the index into session.mrec; trial is 1-based; looped_segment and segment are
// segment names of the lesson's clip (empty: whole clip / between segments); lag_ms, gain and
// resonance are the mirror model's live fit (empty when fit_valid is 0); live_error is the mean
// smoothed relative error of the measured joint groups (empty when none was measured).
std::string framesCsv(const HeadlessResult& result, const Lesson& lesson);

}  // namespace mimesis
