// ProgressRecorder: TrialRecord + the mirror model's estimates -> one store transaction.
#include "mimesis/progress/ProgressRecorder.hpp"

#include <nlohmann/json.hpp>

#include "mimesis/mirror/MirrorInputs.hpp"

namespace mimesis {
namespace {

void addGroups(const nlohmann::json& groups, const std::string& segment, std::vector<PartScore>& out) {
  if (!groups.is_array()) return;
  for (const nlohmann::json& g : groups) {
    if (!g.is_object() || !g.value("scorable", false)) continue;
    const auto name = g.find("name");
    const auto score = g.find("score");
    if (name == g.end() || !name->is_string() || score == g.end() || !score->is_number()) continue;
    out.push_back(PartScore{segment, name->get<std::string>(), score->get<double>()});
  }
}

}  // namespace

std::vector<PartScore> partScoresOf(const std::string& reportJson) {
  std::vector<PartScore> out;
  if (reportJson.empty()) return out;
  const nlohmann::json j = nlohmann::json::parse(reportJson, nullptr, false);
  if (!j.is_object()) return out;
  if (const auto s = j.find("score"); s != j.end() && s->is_number()) out.push_back(PartScore{"", "", s->get<double>()});
  if (const auto g = j.find("groups"); g != j.end()) addGroups(*g, "", out);
  if (const auto segs = j.find("segments"); segs != j.end() && segs->is_array())
    for (const nlohmann::json& seg : *segs) {
      if (!seg.is_object() || !seg.value("reached", false)) continue;
      const std::string name = seg.value("name", std::string());
      if (name.empty()) continue;
      if (const auto s = seg.find("score"); s != seg.end() && s->is_number())
        out.push_back(PartScore{name, "", s->get<double>()});
      if (const auto g = seg.find("groups"); g != seg.end()) addGroups(*g, name, out);
    }
  return out;
}

Result<ProgressRecorder> ProgressRecorder::begin(ProgressStore& store, SessionStart start, const Lesson& lesson,
                                                 const ProgressSettings& settings) {
  Result<std::optional<LastSession>> last = store.lastSession(start.learner, start.scene);
  if (!last) return last.error();
  ProgressRecorder r;
  r.store_ = &store;
  r.lesson_ = &lesson;
  r.plan_ = planResume(*last, start.started, lesson, settings);
  start.startStage = r.plan_.resume.active ? r.plan_.resume.stage : Stage::Watch;
  start.segments = LessonLayout::fromClip(lesson.clip).segmentCount();
  Result<std::int64_t> id = store.beginSession(start);
  if (!id) return id.error();
  r.session_ = *id;
  return r;
}

void ProgressRecorder::record(const SessionRunner& runner, const TrialRecord& rec) {
  if (failure_) return;
  TrialRow t;
  t.trial = rec.trial;
  t.stage = rec.stage;
  t.performed = rec.performed;
  t.guided = rec.guided;
  t.cutShort = rec.cutShort;
  t.delayedRetention = rec.delayedRetention;
  t.score = rec.score;
  const double pass = lesson_->stages[static_cast<std::size_t>(rec.stage)].passScore;
  t.passed = rec.performed && !rec.cutShort && rec.score >= pass;
  t.ghostOpacity = rec.ghostOpacity;
  t.tempo = rec.tempo;
  t.endSeconds = rec.endTime;
  t.parts = partScoresOf(rec.reportJson);
  EstimateSnapshot est;
  est.guided = runner.model().observer().skill(true);
  est.unguided = runner.model().observer().skill(false);
  est.stageReached = runner.model().policy().stageReached();
  est.lessonComplete = runner.state().lessonComplete;
  if (Status s = store_->recordTrial(session_, t, est); !s) {
    failure_ = s.error();
    return;
  }
  ++written_;
}

LessonObserver ProgressRecorder::observer(LessonObserver inner) {
  LessonObserver o;
  o.afterStep = std::move(inner.afterStep);
  o.afterTrial = [this, after = std::move(inner.afterTrial)](const SessionRunner& runner, const TrialRecord& rec) {
    if (after) after(runner, rec);
    record(runner, rec);
  };
  return o;
}

Status ProgressRecorder::finish() {
  if (failure_) return *failure_;
  return store_->finishSession(session_);
}

}  // namespace mimesis
