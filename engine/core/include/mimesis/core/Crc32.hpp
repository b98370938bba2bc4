// CRC-32C (Castagnoli) over bytes: the per-chunk checksum of .mrec files.
#pragma once

#include <cstddef>
#include <cstdint>

namespace mimesis {

// Continues a running CRC: crc32c(data2, crc32c(data1)) == crc32c(data1 + data2). Start at 0.
std::uint32_t crc32c(const void* data, std::size_t size, std::uint32_t crc = 0);

}  // namespace mimesis
