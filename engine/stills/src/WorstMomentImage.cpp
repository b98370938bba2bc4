// Renders the worst moment of a lesson from its session recording (see WorstMomentImage.hpp).
#include "mimesis/stills/WorstMomentImage.hpp"

#include <algorithm>
#include <filesystem>

#include "mimesis/stills/StillRenderer.hpp"
#include "mimesis/motion/MrecReader.hpp"

namespace mimesis {

RenderPngFn worstMomentRenderer(const Lesson& lesson, const std::string& reportDir) {
  return [&lesson, reportDir](const WorstMoment& w) -> Result<std::string> {
    Result<MrecFile> file = readMrec(reportDir + "/session.mrec");
    if (!file) return file.error();
    const Clip* session = &file->clip;
    const int first = w.learnerFrame - w.trialFrame;
    if (w.learnerFrame < 0 || first < 0 || static_cast<std::size_t>(w.learnerFrame) >= session->frames.size())
      return makeError(ErrorCode::Internal, "the worst moment is not in the recording", reportDir + "/session.mrec");
    // The trial's frames from its start to the worst moment: live scoring over them colours
    // the learner's joints as they were judged then.
    Clip trial;
    trial.rate = session->rate;
    trial.frames.assign(session->frames.begin() + first, session->frames.begin() + w.learnerFrame + 1);
    const std::filesystem::path assets =
        std::filesystem::path(lesson.scenePath).parent_path().parent_path() / "assets";
    auto still = StillRenderer::create(false, assets.string());
    if (!still) return still.error();
    std::vector<RgbaImage> views;
    for (ViewKind view : {ViewKind::FirstPerson, ViewKind::Side}) {
      StillRequest rq;
      rq.lesson = &lesson;
      rq.learner = &trial;
      rq.expertTime = std::clamp(w.expertTime, 0.0, lesson.clip.duration());
      rq.learnerTime = trial.frames.back().time - trial.frames.front().time;
      rq.view = view;
      rq.width = 480;
      rq.height = 360;
      rq.feedback.ghostOpacity = 0.55f;
      rq.feedback.stage = w.stage;  // the stage that trial was performed in
      rq.feedback.trial = w.trial;
      rq.feedback.message = "Worst moment of the lesson";
      auto image = (*still)->render(rq);
      if (!image) return image.error();
      views.push_back(std::move(*image));
    }
    return encodePng(sideBySide(views));
  };
}

}  // namespace mimesis
