// MimesisStbImage: Debian's stb_image (and, where MIMESIS_STB_WRITE is defined, stb_image_write)
// included without the warnings our flags raise in third-party code. The one .cpp per module
// that compiles stb defines STB_IMAGE_IMPLEMENTATION, STB_IMAGE_STATIC and its STBI_ONLY_*
// choices before including this; everything stb defines stays static to that file.
#pragma once

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wold-style-cast"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wpedantic"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wdouble-promotion"
#pragma GCC diagnostic ignored "-Wuseless-cast"
#pragma GCC diagnostic ignored "-Wduplicated-branches"
#include <stb_image.h>
#ifdef MIMESIS_STB_WRITE
#include <stb_image_write.h>
#endif
#pragma GCC diagnostic pop
