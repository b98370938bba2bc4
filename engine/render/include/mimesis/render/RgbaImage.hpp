// RgbaImage: 8-bit RGBA pixels read back from a render target, and PNG files of them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "mimesis/core/Error.hpp"

namespace mimesis {

struct RgbaImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;  // row-major, top row first, 4 bytes per pixel (R, G, B, A)

  std::uint8_t* pixel(int x, int y) { return pixels.data() + (static_cast<std::size_t>(y) * width + x) * 4; }
  const std::uint8_t* pixel(int x, int y) const {
    return pixels.data() + (static_cast<std::size_t>(y) * width + x) * 4;
  }
};

// Writes `image` as PNG (stb_image_write); Io error naming the path on failure.
Status writePng(const std::string& path, const RgbaImage& image);
// Encodes `image` as PNG bytes (e.g. to embed in an HTML report).
Result<std::string> encodePng(const RgbaImage& image);
// Reads a PNG (any channel count, converted to RGBA); errors name the path.
Result<RgbaImage> readPng(const std::string& path);
// Places images side by side, left to right, top-aligned (stereo pairs); heights may differ.
RgbaImage sideBySide(const std::vector<RgbaImage>& images);

// How two images differ, for golden-image tests: a pixel "differs" when any channel differs by
// more than `channelTolerance`; the comparison fails when more than `maxDifferingFraction` of
// the pixels differ or the sizes differ.
struct ImageDifference {
  bool sameSize = false;
  double differingFraction = 1.0;  // of all pixels
  int maxChannelDelta = 255;
  double meanAbsDelta = 255.0;     // mean over all channels of all pixels
};
ImageDifference compareImages(const RgbaImage& a, const RgbaImage& b, int channelTolerance);

}  // namespace mimesis
