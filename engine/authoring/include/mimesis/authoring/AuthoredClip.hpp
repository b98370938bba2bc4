// The expert clip a lesson is published with: the take cut to its trim, times from 0, with the
// spec's segments, do-not-copy spans and per-segment tolerance spans in place of whatever the
// take carried.
#pragma once

#include <string>

#include "mimesis/authoring/AuthoringSpec.hpp"
#include "mimesis/core/Error.hpp"
#include "mimesis/motion/Clip.hpp"

namespace mimesis {

// Take seconds of `take`'s frame f: its time minus the first frame's.
double takeSeconds(const Clip& take, std::size_t frame);

// Validates `spec` against the take (validateAuthoringSpec), then cuts: the frames whose take
// seconds lie in the trim (ends included), shifted so the first is at 0; segments and spans
// shifted alike. Annotations: "do-not-copy" per span, "tolerance" over each tolerated segment
// (value = the relative tolerance), the take's "note"s that fall inside the trim kept. The
// clip is named `name` and its source is "authored from <take source>". Errors: those of the
// validation; BadInput when fewer than two frames remain or no hand is tracked.
Result<Clip> buildAuthoredClip(const Clip& take, AuthoringSpec& spec, const std::string& name);

}  // namespace mimesis
