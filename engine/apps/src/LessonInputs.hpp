// What every lesson front end reads first: the scene (its clip loaded with any importer, under
// its rig map) and learner recordings to replay.
#pragma once

#include <string>
#include <vector>

#include "mimesis/motion/Clip.hpp"
#include "mimesis/session/Lesson.hpp"

namespace mimesis::app {

// loadLesson with motion_import's loadClip (BVH, glTF, FBX, CSV, UI-PRMD, .mkeys, .mrec).
Result<Lesson> loadSceneLesson(const std::string& scenePath);

// Each recording read with loadClip; one with under two frames is refused (naming the file).
// With a lesson, each is made ready for it (prepareLearnerClip: a body recording is matched to
// the expert's skeleton by joint name).
Result<std::vector<Clip>> loadRecordings(const std::vector<std::string>& paths, const Lesson* lesson = nullptr);

}  // namespace mimesis::app
