// Internal: reading a whole plain or gzip-compressed text file, with a size limit.
#include "TextFile.hpp"

#include <fstream>

#include <zlib.h>

namespace mimesis::detail {
namespace {

// zlib's message, without the "<path>: " it prefixes (our Error already names the file).
std::string zlibReason(gzFile file, const std::string& path, int& code) {
  std::string reason = gzerror(file, &code);
  if (reason.rfind(path + ": ", 0) == 0) reason.erase(0, path.size() + 2);
  return reason;
}

}  // namespace

Result<std::string> readTextFile(const std::string& path, std::size_t maxBytes) {
  // gzopen on a missing file fails without a useful message; check first so the code is Io.
  if (!std::ifstream(path, std::ios::binary).is_open())
    return makeError(ErrorCode::Io, "cannot open file", path);
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) return makeError(ErrorCode::Io, "cannot open file", path);
  std::string text;
  char buffer[1 << 16];
  while (true) {
    const int n = gzread(file, buffer, sizeof buffer);
    if (n < 0) {
      int code = 0;
      const std::string reason = zlibReason(file, path, code);
      gzclose(file);
      return makeError(ErrorCode::BadInput, "corrupt gzip data: " + reason, path);
    }
    if (n == 0) break;
    if (text.size() + static_cast<std::size_t>(n) > maxBytes) {
      gzclose(file);
      return makeError(ErrorCode::Limit,
                       "file is larger than the limit of " + std::to_string(maxBytes) + " bytes", path);
    }
    text.append(buffer, static_cast<std::size_t>(n));
  }
  // A truncated stream ends "cleanly" at n == 0 but leaves Z_BUF_ERROR behind.
  int code = Z_OK;
  const std::string reason = zlibReason(file, path, code);
  gzclose(file);
  if (code != Z_OK && code != Z_STREAM_END)
    return makeError(ErrorCode::BadInput, "corrupt or truncated gzip data: " + reason, path);
  return text;
}

}  // namespace mimesis::detail
