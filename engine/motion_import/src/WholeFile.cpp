// Internal: WholeFile — one read into a buffer sized from the file's length. Not mmap: a mapped
// file truncated by another program while we parse it would kill us with SIGBUS, and the
// copy costs well under a millisecond for the largest clips we import.
#include "WholeFile.hpp"

#include <utility>

#include <cstdio>
#include <cstdlib>

namespace mimesis::detail {


Result<WholeFile> WholeFile::open(const std::string& path, std::size_t maxBytes) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) return makeError(ErrorCode::Io, "cannot open file", path);
  long size = -1;
  if (std::fseek(file, 0, SEEK_END) == 0) size = std::ftell(file);
  if (size < 0 || std::fseek(file, 0, SEEK_SET) != 0) {
    std::fclose(file);
    return makeError(ErrorCode::Io, "cannot tell the file size", path);
  }
  const auto bytes = static_cast<std::size_t>(size);
  if (bytes > maxBytes) {
    std::fclose(file);
    return makeError(ErrorCode::Limit, "file larger than " + std::to_string(maxBytes >> 30) + " GiB", path);
  }
  char* const data = bytes ? static_cast<char*>(std::malloc(bytes)) : nullptr;
  const bool ok = bytes == 0 || (data && std::fread(data, 1, bytes, file) == bytes);
  std::fclose(file);
  if (!ok) {
    std::free(data);
    return makeError(ErrorCode::Io, "cannot read file", path);
  }
  return WholeFile(data, bytes);
}

void WholeFile::release() { std::free(const_cast<char*>(data_)); }

WholeFile::WholeFile(WholeFile&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

WholeFile& WholeFile::operator=(WholeFile&& other) noexcept {
  if (this != &other) {
    release();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

WholeFile::~WholeFile() { release(); }

}  // namespace mimesis::detail
