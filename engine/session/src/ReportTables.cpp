// trials.csv and frames.csv: the lesson's per-trial and per-frame tables.
#include "mimesis/session/ReportTables.hpp"

#include "ReportDigest.hpp"
#include "mimesis/core/CsvText.hpp"

namespace mimesis {

using report::num;

std::string trialsCsv(const HeadlessResult& result) {
  std::string out =
      "trial,stage,performed,guided,ghost_opacity,tempo,looped_segment,view,start_s,end_s,frames,"
      "scored,score,grade,lag_ms,gain,worst_moment_s,knowledge_of_results,cut_short\n";
  for (std::size_t i = 0; i < result.trials.size(); ++i) {
    const TrialRecord& t = result.trials[i];
    const report::TrialDigest d = report::digestTrial(t);
    const double worst = i < result.worstMomentTimes.size() ? result.worstMomentTimes[i] : -1.0;
    out += std::to_string(t.trial + 1) + "," + std::string(stageName(t.stage)) + "," + (t.performed ? "1" : "0") +
           "," + (t.guided ? "1" : "0") + "," + num(t.ghostOpacity, 3) + "," + num(t.tempo, 3) + "," +
           csvCell(t.loopedSegmentName) + "," + std::string(viewName(t.view)) + "," + num(t.startTime, 3) + "," +
           num(t.endTime, 3) + "," + std::to_string(t.frames) + "," + (t.scored ? "1" : "0") + "," +
           (t.performed ? num(t.score, 2) : "") + "," + csvCell(d.grade) + "," + (d.scored ? num(d.lagMs, 1) : "") +
           "," + (d.gain ? num(*d.gain, 3) : "") + "," + (worst >= 0.0 ? num(worst, 3) : "") + "," +
           csvCell(t.knowledgeOfResults) + "," + (t.cutShort ? "1" : "0") + "\n";
  }
  return out;
}

std::string framesCsv(const HeadlessResult& result, const Lesson& lesson) {
  auto segmentName = [&](int s) -> std::string {
    if (s < 0 || static_cast<std::size_t>(s) >= lesson.clip.segments.size()) return {};
    return csvCell(lesson.clip.segments[static_cast<std::size_t>(s)].name);
  };
  std::string out =
      "frame,time_s,trial,stage,ghost_opacity,tempo,looped_segment,cues,segment,expert_time_s,fit_valid,lag_ms,"
      "gain,resonance,live_error\n";
  out.reserve(out.size() + result.frames.size() * 96);
  for (std::size_t i = 0; i < result.frames.size(); ++i) {
    const FrameSample& f = result.frames[i];
    out += std::to_string(i) + "," + num(f.time, 4) + "," + std::to_string(f.trial + 1) + "," +
           std::string(stageName(f.stage)) + "," + num(f.ghostOpacity, 3) + "," + num(f.tempo, 3) + "," +
           segmentName(f.loopedSegment) + "," + std::to_string(f.cueCount) + "," + segmentName(f.segment) + "," +
           num(f.judgedExpertTime, 4) + "," + (f.fitValid ? "1" : "0") + "," + (f.fitValid ? num(f.lagMs, 1) : "") +
           "," + (f.fitValid ? num(f.gain, 3) : "") + "," + (f.fitValid ? num(f.resonance, 3) : "") + "," +
           (f.liveError >= 0.0 ? num(f.liveError, 4) : "") + "\n";
  }
  return out;
}

}  // namespace mimesis
