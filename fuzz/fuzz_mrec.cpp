// libFuzzer target: the .mrec reader on arbitrary bytes (torn, damaged, hostile); whatever it
// accepts must be a sound clip, and re-encoding it must be read back to the same clip.
#include <cstdint>
#include <cstdlib>
#include <span>

#include "FuzzSupport.hpp"
#include "mimesis/motion/MrecReader.hpp"
#include "mimesis/motion/MrecWriter.hpp"

using namespace mimesis;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Result<MrecFile> file = readMrecBytes(std::span<const std::uint8_t>(data, size), "fuzz.mrec");
  if (!file) return 0;
  fuzz::requireSound(file->clip);
  // Round trip: what we read, we can write, and reading that gives the same clip back. Bounded
  // so the fuzzer spends its time on the reader.
  if (file->clip.frames.size() > 512) return 0;
  Result<std::vector<std::uint8_t>> bytes = encodeMrec(file->clip, file->events);
  if (!bytes) return 0;  // e.g. an event time the writer refuses; the reader may be laxer
  Result<MrecFile> again = readMrecBytes(*bytes, "fuzz-again.mrec");
  if (!again || again->recovery.torn) std::abort();
  if (again->clip.frames.size() != file->clip.frames.size()) std::abort();
  return 0;
}
