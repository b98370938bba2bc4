// libFuzzer target: CSV joint tables (plain or gzipped, detected from the bytes) through
// loadCsvJointTable, which reads files only, so each input goes through a scratch file.
#include <cstdint>

#include "FuzzSupport.hpp"
#include "mimesis/motion_import/CsvJointTable.hpp"

using namespace mimesis;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The first byte picks the name, so both the plain and the gzip paths are reached.
  const bool gz = size > 0 && (data[0] & 1) != 0;
  static const std::string plain = fuzz::scratchPath(".csv");
  static const std::string zipped = fuzz::scratchPath(".csv.gz");
  const std::string& path = gz ? zipped : plain;
  fuzz::writeScratch(path, data, size);
  CsvTableOptions options;
  options.maxBytes = 1 << 20;
  options.maxFrames = 4096;
  Result<Clip> clip = loadCsvJointTable(path, options);
  if (clip) fuzz::requireSound(*clip);
  return 0;
}
