// PNG encoding and decoding (stb) and the image comparison used by golden-image tests.
#include "mimesis/render/RgbaImage.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>

#define MIMESIS_STB_WRITE
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_STATIC
#define STBI_ONLY_PNG
#include "MimesisStbImage.hpp"

namespace mimesis {
namespace {

void appendBytes(void* context, void* data, int size) {
  static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
}

bool valid(const RgbaImage& image) {
  return image.width > 0 && image.height > 0 &&
         image.pixels.size() == static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 4;
}

}  // namespace

Result<std::string> encodePng(const RgbaImage& image) {
  if (!valid(image)) return makeError(ErrorCode::BadInput, "image has no pixels or a wrong pixel count", "png");
  std::string out;
  if (stbi_write_png_to_func(&appendBytes, &out, image.width, image.height, 4, image.pixels.data(), image.width * 4) == 0)
    return makeError(ErrorCode::Internal, "PNG encoding failed", "png");
  return out;
}

Status writePng(const std::string& path, const RgbaImage& image) {
  Result<std::string> bytes = encodePng(image);
  if (!bytes) return makeError(bytes.error().code, bytes.error().message, path);
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f.write(bytes->data(), static_cast<std::streamsize>(bytes->size()));
  f.close();
  if (!f) return makeError(ErrorCode::Io, "cannot write the PNG file", path);
  return okStatus();
}

Result<RgbaImage> readPng(const std::string& path) {
  int w = 0, h = 0, channels = 0;
  stbi_uc* data = stbi_load(path.c_str(), &w, &h, &channels, 4);
  if (data == nullptr) {
    const char* why = stbi_failure_reason();
    return makeError(ErrorCode::BadInput, std::string("cannot read PNG: ") + (why != nullptr ? why : "unknown"), path);
  }
  RgbaImage image;
  image.width = w;
  image.height = h;
  image.pixels.assign(data, data + static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
  stbi_image_free(data);
  return image;
}

RgbaImage sideBySide(const std::vector<RgbaImage>& images) {
  RgbaImage out;
  for (const RgbaImage& im : images) {
    out.width += im.width;
    out.height = std::max(out.height, im.height);
  }
  out.pixels.assign(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height) * 4, 0);
  int x0 = 0;
  for (const RgbaImage& im : images) {
    for (int y = 0; y < im.height; ++y)
      std::copy_n(im.pixel(0, y), static_cast<std::size_t>(im.width) * 4, out.pixel(x0, y));
    x0 += im.width;
  }
  return out;
}

ImageDifference compareImages(const RgbaImage& a, const RgbaImage& b, int channelTolerance) {
  ImageDifference d;
  d.sameSize = a.width == b.width && a.height == b.height && valid(a) && valid(b);
  if (!d.sameSize) return d;
  std::size_t differing = 0;
  double sum = 0.0;
  int maxDelta = 0;
  for (std::size_t i = 0; i < a.pixels.size(); i += 4) {
    bool differs = false;
    for (std::size_t c = 0; c < 4; ++c) {
      const int delta = std::abs(static_cast<int>(a.pixels[i + c]) - static_cast<int>(b.pixels[i + c]));
      maxDelta = std::max(maxDelta, delta);
      sum += delta;
      differs = differs || delta > channelTolerance;
    }
    if (differs) ++differing;
  }
  const double pixels = static_cast<double>(a.pixels.size() / 4);
  d.differingFraction = static_cast<double>(differing) / pixels;
  d.maxChannelDelta = maxDelta;
  d.meanAbsDelta = sum / (pixels * 4.0);
  return d;
}

}  // namespace mimesis
