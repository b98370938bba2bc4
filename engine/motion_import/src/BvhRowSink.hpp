// Internal: parsing a BVH file with its frame rows handed to a consumer one at a time, so that
// loadBvhRaw runs forward kinematics on each row while it is hot in cache instead of keeping
// every channel value of the clip in a large intermediate array.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "mimesis/core/Error.hpp"
#include "mimesis/motion_import/BvhDocument.hpp"

namespace mimesis::detail {

// Receives the rows of one parse. The parser owns the order: begin once (after "Frame Time"),
// then row(r) / rowDone(r) for r = 0, 1, ... for each row that parsed completely. A refusal
// from begin stops the parse with that error. `remainingBytes` is the text left for the rows:
// a consumer must not allocate for more rows than it could hold (2 bytes per value), since
// Frames is only a claim.
class BvhRowSink {
 public:
  virtual ~BvhRowSink() = default;
  virtual Status begin(const BvhDocument& header, std::size_t remainingBytes) = 0;
  // Storage for channelCount values of row r, valid until rowDone(r).
  virtual float* row(std::size_t r) = 0;
  virtual void rowDone(std::size_t r) = 0;
};

// parseBvh with the rows sent to `sink` instead of BvhDocument::values (left empty).
Result<BvhDocument> parseBvhRows(std::string_view text, const std::string& where, const BvhLimits& limits,
                                 BvhRowSink& sink);

}  // namespace mimesis::detail
