// Small vocabulary shared by the mirror observer and policy: stages, views, mappings, cells.
#pragma once

#include <cstdint>
#include <string_view>

#include "mimesis/motion/HandSkeleton.hpp"

namespace mimesis {

// The lesson's stages, in order (mirror-model.md). Watch: the learner only watches; Imagine:
// first-person ghost, learner still; Guided: full ghost; Faded: faint ghost; Solo: no ghost;
// Retention: no ghost, after a pause. Success is judged on Solo and Retention only.
enum class Stage : std::uint8_t { Watch = 0, Imagine, Guided, Faded, Solo, Retention };
inline constexpr int kStageCount = 6;
std::string_view stageName(Stage s);  // "watch", "imagine", ...

// Whether the learner performs in this stage (Watch and Imagine do not).
constexpr bool stagePerforms(Stage s) { return s != Stage::Watch && s != Stage::Imagine; }
// Whether the ghost is shown while the learner performs (concurrent guidance).
constexpr bool stageGuided(Stage s) { return s == Stage::Guided || s == Stage::Faded; }

// How the expert is shown. Facing: a model facing the learner, mirrored, with left/right labels
// (the default). FirstPerson: a ghost co-located with the learner's own hands, which removes
// left/right ambiguity (used by Imagine and after mapping confusion).
enum class View : std::uint8_t { Facing = 0, FirstPerson };
std::string_view viewName(View v);  // "facing", "first-person"

// Which expert hand the learner's hand copies. Anatomical: right copies right. Mirror: the
// learner's right copies the expert's left reflected in X (facing the model like a mirror).
enum class ImitationMapping : std::uint8_t { Anatomical = 0, Mirror };
std::string_view imitationMappingName(ImitationMapping m);  // "anatomical", "mirror"

// A learner hand × joint group pair; the feedback unit of scoring.md (12 per segment).
inline constexpr int kCellsPerSegment = 2 * kHandGroupCount;
constexpr int cellIndex(Hand h, HandGroup g) { return index(h) * kHandGroupCount + static_cast<int>(g); }
constexpr Hand cellHand(int cell) { return cell < kHandGroupCount ? Hand::Left : Hand::Right; }
constexpr HandGroup cellGroup(int cell) { return static_cast<HandGroup>(cell % kHandGroupCount); }

}  // namespace mimesis
