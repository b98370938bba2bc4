// Writing .mrec recordings: whole clips at once, or append-only streaming for live sessions.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mimesis/core/Error.hpp"
#include "mimesis/motion/Clip.hpp"
#include "mimesis/motion/MrecFormat.hpp"

namespace mimesis {

struct MrecWriterOptions {
  // A FRMS chunk is written when it holds this many frames (9 = 100 ms at 90 Hz; clamped to
  // 1..1024 so a chunk stays far below kMaxChunkBytes) ...
  std::size_t framesPerChunk = 9;
  // ... or when its newest frame is this many seconds (frame time, not wall clock) after its
  // oldest, so a slow tracker still loses at most this much on a crash.
  double maxChunkSeconds = 0.1;
  // fsync after every chunk: survives power loss, not only a killed process, at a cost of
  // milliseconds per chunk on most disks. Off by default (see flush()).
  bool syncEachChunk = false;
};

// Append-only streaming writer. Frames and events are buffered and written as checksummed
// chunks; a process killed at any moment leaves a file whose every complete chunk is readable
// (at most the pending, unwritten chunk is lost). Not thread-safe: one thread appends.
//
// Owns its FILE handle: movable, not copyable; the destructor calls close() and ignores its
// error (call close() yourself to see it). After any failure every later call returns that
// same error and nothing more is written.
class MrecWriter {
 public:
  // Creates (truncates) `path` and writes the file header, INFO and SKEL chunks, flushed.
  static Result<MrecWriter> create(const std::string& path, const ClipInfo& info, double rate,
                                   const Skeleton& body, MrecWriterOptions opts = {});

  MrecWriter(MrecWriter&&) noexcept;
  MrecWriter& operator=(MrecWriter&&) noexcept;
  MrecWriter(const MrecWriter&) = delete;
  MrecWriter& operator=(const MrecWriter&) = delete;
  ~MrecWriter();

  // Buffers one frame. Its time must be finite and later than the previous frame's, and its
  // body joint count must match the skeleton given to create(). Writes a FRMS chunk (with
  // events, segments and annotations appended since the last one) when the chunk is full or
  // spans maxChunkSeconds.
  Status appendFrame(const Frame& f);
  // Buffers one event (finite time; kind + payload at most kMaxEventBytes); written with the
  // next frame chunk, or by flush/close.
  Status appendEvent(const MrecEvent& e);
  // Buffers a segment (end > start) or an annotation; written with the next chunk. Readers
  // concatenate SEGM/ANNO chunks in file order.
  Status appendSegment(const Segment& s);
  Status appendAnnotation(const Annotation& a);

  // Writes everything pending as chunks and fflush()es, so the bytes reach the OS and survive
  // the process being killed. It does not fsync unless options.syncEachChunk is set: a power
  // loss may still lose what the OS had not yet written to disk.
  Status flush();
  // flush(), then writes the END chunk (frame and event totals) and closes the file. Calling
  // it again returns the first result.
  Status close();

  std::size_t framesAppended() const { return frameCount_; }
  std::size_t eventsAppended() const { return eventCount_; }
  std::uint64_t bytesWritten() const { return bytesWritten_; }

 private:
  struct FileCloser {
    void operator()(std::FILE* f) const;
  };
  MrecWriter() = default;
  Status writeBytes(const std::vector<std::uint8_t>& bytes);
  Status fail(Error e);

  std::unique_ptr<std::FILE, FileCloser> file_;
  std::string path_;
  MrecWriterOptions opts_;
  std::size_t bodyJoints_ = 0;
  std::vector<Frame> pendingFrames_;
  std::vector<MrecEvent> pendingEvents_;
  std::vector<Segment> pendingSegments_;
  std::vector<Annotation> pendingAnnotations_;
  std::vector<std::uint8_t> scratch_;  // chunk bytes, reused to avoid per-chunk allocation
  std::vector<std::uint8_t> payload_;
  std::size_t frameCount_ = 0;
  std::size_t eventCount_ = 0;
  std::size_t pendingEventBytes_ = 0;
  std::uint64_t bytesWritten_ = 0;
  bool haveLastTime_ = false;
  double lastTime_ = 0.0;
  bool closed_ = false;
  std::optional<Error> failure_;  // first error; sticky
};

// The bytes of a whole .mrec file for `clip` and `events`: INFO, SKEL, SEGM, ANNO, FRMS chunks
// of `framesPerChunk` frames, EVNT chunks, END. Deterministic: same input, same bytes.
// Fails (BadInput) if validateClip fails or an event time is not finite.
Result<std::vector<std::uint8_t>> encodeMrec(const Clip& clip, const std::vector<MrecEvent>& events = {},
                                             std::size_t framesPerChunk = 9);

// Writes encodeMrec's bytes to `path` (via a temporary file renamed into place, so a crash
// never leaves a half-written file under the final name).
Status writeMrec(const std::string& path, const Clip& clip, const std::vector<MrecEvent>& events = {});

}  // namespace mimesis
