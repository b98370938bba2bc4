// libFuzzer target: the .mkeys keyframe parser, then authoring of the clip it describes when
// the clip is short enough to author quickly (the frame limit itself is checked by the parser).
#include <cstdint>
#include <string_view>

#include "FuzzSupport.hpp"
#include "mimesis/motion/KeyframeAuthoring.hpp"
#include "mimesis/motion/KeyframeScript.hpp"

using namespace mimesis;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Result<KeyframeScript> script = parseKeyframes(text, "fuzz.mkeys");
  if (!script) return 0;
  if (script->endTime() * script->rate > 2000.0) return 0;
  Result<Clip> clip = authorClip(*script);
  if (clip) fuzz::requireSound(*clip);
  return 0;
}
