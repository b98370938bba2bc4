// Publishing an authored lesson: the scene JSON with its clip next to it, checked first.
#pragma once

#include <string>

#include "mimesis/authoring/AuthoringSpec.hpp"
#include "mimesis/authoring/LessonCheck.hpp"
#include "mimesis/core/Error.hpp"
#include "mimesis/motion/Clip.hpp"
#include "mimesis/session/Lesson.hpp"

namespace mimesis {

struct PublishResult {
  bool published = false;   // false: a check failed and nothing but the preview was written
  std::string scenePath;    // SCENE.json as asked for
  std::string clipPath;     // SCENE's folder / <stem>.mrec (the scene names it relatively)
  std::string previewPath;  // SCENE's folder / <stem>.preview.md, written in every case
  Lesson lesson;            // the lesson as checked (read back from disk when published)
  LessonCheck check;
};

// The scene text for `spec` with its clip file name: name, description, clip, mapping, view, in
// that order, two-space JSON. Deterministic.
std::string sceneJson(const AuthoringSpec& spec, const std::string& clipFileName);

// Cuts the take (buildAuthoredClip), writes clip and scene to a staging folder beside the
// scene (.<stem>.authoring/), reads them back with loadLesson — the reader `mimesis lesson`,
// `desktop` and `headset` use — and checks the lesson (checkLesson). The preview report is
// written in every case; only when every check passes are the clip (<stem>.mrec, an .mrec with
// the segments and spans) and the scene moved into place, and the lesson read back from there.
// Errors: BadInput for a bad spec (naming the segment or span) or take; Io when a file cannot
// be written; the staging folder is removed in every case.
Result<PublishResult> publishAuthoredScene(const Clip& take, AuthoringSpec spec, const std::string& scenePath);

}  // namespace mimesis
