// The .mrec writers: the append-only streaming MrecWriter and the one-shot encodeMrec/writeMrec.
#include "mimesis/motion/MrecWriter.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <span>
#include <unistd.h>

#include "mimesis/motion/MrecChunks.hpp"

namespace mimesis {
namespace {

using mrec::ChunkType;

Error ioError(const std::string& what, const std::string& path) {
  return makeError(ErrorCode::Io, what + ": " + std::strerror(errno), path);
}

// Appends one framed chunk whose payload `encode` writes; `payload` is reused scratch space.
template <typename Encode>
void putChunk(std::vector<std::uint8_t>& out, std::vector<std::uint8_t>& payload, ChunkType type, Encode&& encode) {
  payload.clear();
  encode(payload);
  mrec::appendChunk(out, type, payload);
}

std::size_t frameBytes(const Frame& f) { return 13 + 2 * kHandJointCount * mrec::kJointRecordBytes + 28 + f.body.size() * mrec::kJointRecordBytes; }
std::size_t eventBytes(const MrecEvent& e) { return 16 + e.kind.size() + e.payload.size(); }

// Writes `items` as chunks of at most `maxCount` items, starting a new chunk once one passes
// kSoftChunkBytes (estimated per item by `size`), so no chunk nears kMaxChunkBytes.
template <typename T, typename Size, typename Encode>
void putChunked(std::vector<std::uint8_t>& out, std::vector<std::uint8_t>& payload, ChunkType type,
                std::span<const T> items, std::size_t maxCount, Size&& size, Encode&& encode) {
  std::size_t begin = 0;
  while (begin < items.size()) {
    std::size_t end = begin;
    std::size_t bytes = 0;
    while (end < items.size() && end - begin < maxCount && bytes < mrec::kSoftChunkBytes) bytes += size(items[end++]);
    putChunk(out, payload, type, [&](auto& p) { encode(p, items.subspan(begin, end - begin)); });
    begin = end;
  }
}

Status checkSkeleton(const Skeleton& body, const std::string& where) {
  if (body.joints.size() > mrec::kMaxBodyJoints)
    return makeError(ErrorCode::Limit, "body skeleton has " + std::to_string(body.joints.size()) +
                     " joints, the .mrec limit is " + std::to_string(mrec::kMaxBodyJoints), where);
  Clip probe;  // validateClip checks the skeleton's own invariants
  probe.body = body;
  return validateClip(probe, where);
}

Status checkFrame(const Frame& f, std::size_t bodyJoints, const std::string& where) {
  if (!std::isfinite(f.time)) return makeError(ErrorCode::BadInput, "frame time is not finite", where);
  if (f.body.size() != bodyJoints)
    return makeError(ErrorCode::BadInput, "frame has " + std::to_string(f.body.size()) +
                     " body joints, the skeleton has " + std::to_string(bodyJoints), where);
  for (const HandPose& h : f.hands)
    for (const JointPose& j : h.joints)
      if (j.flags != 0 && (!isFinite(j.pose) || !std::isfinite(j.radius)))
        return makeError(ErrorCode::BadInput, "a joint marked valid is not finite", where);
  // The reader refuses what validateClip refuses, so the writer must not write it.
  for (const JointPose& j : f.body)
    if (j.flags != 0 && !isFinite(j.pose))
      return makeError(ErrorCode::BadInput, "a body joint marked valid is not finite", where);
  if (f.hasHead && !isFinite(f.head)) return makeError(ErrorCode::BadInput, "the head pose is not finite", where);
  return okStatus();
}

Status checkEvent(const MrecEvent& e, const std::string& where) {
  if (!std::isfinite(e.time)) return makeError(ErrorCode::BadInput, "event time is not finite", where);
  if (e.kind.size() + e.payload.size() > mrec::kMaxEventBytes)
    return makeError(ErrorCode::Limit, "event '" + e.kind + "' is larger than the .mrec limit of " +
                     std::to_string(mrec::kMaxEventBytes) + " bytes", where);
  return okStatus();
}

}  // namespace

void MrecWriter::FileCloser::operator()(std::FILE* f) const {
  if (f) std::fclose(f);
}

Result<MrecWriter> MrecWriter::create(const std::string& path, const ClipInfo& info, double rate,
                                      const Skeleton& body, MrecWriterOptions opts) {
  if (!(rate > 0.0) || !std::isfinite(rate))
    return makeError(ErrorCode::BadInput, "frame rate must be a positive number", path);
  if (!(opts.maxChunkSeconds > 0.0)) return makeError(ErrorCode::BadInput, "maxChunkSeconds must be positive", path);
  if (Status s = checkSkeleton(body, path); !s) return s.error();
  MrecWriter w;
  w.path_ = path;
  w.opts_ = opts;
  w.opts_.framesPerChunk = std::clamp<std::size_t>(opts.framesPerChunk, 1, mrec::kMaxFramesPerChunk);
  w.bodyJoints_ = body.joints.size();
  w.file_.reset(std::fopen(path.c_str(), "wb"));
  if (!w.file_) return ioError("cannot create file", path);
  std::vector<std::uint8_t> bytes;
  mrec::appendFileHeader(bytes);
  putChunk(bytes, w.payload_, ChunkType::Info, [&](auto& p) { mrec::encodeInfo(p, info, rate); });
  putChunk(bytes, w.payload_, ChunkType::Skeleton, [&](auto& p) { mrec::encodeSkeleton(p, body); });
  if (Status s = w.writeBytes(bytes); !s) return s.error();
  return w;
}

MrecWriter::MrecWriter(MrecWriter&&) noexcept = default;
MrecWriter& MrecWriter::operator=(MrecWriter&& other) noexcept {
  if (this != &other) {
    (void)close();
    file_ = std::move(other.file_);
    path_ = std::move(other.path_);
    opts_ = other.opts_;
    bodyJoints_ = other.bodyJoints_;
    pendingFrames_ = std::move(other.pendingFrames_);
    pendingEvents_ = std::move(other.pendingEvents_);
    pendingSegments_ = std::move(other.pendingSegments_);
    pendingAnnotations_ = std::move(other.pendingAnnotations_);
    frameCount_ = other.frameCount_;
    eventCount_ = other.eventCount_;
    pendingEventBytes_ = other.pendingEventBytes_;
    bytesWritten_ = other.bytesWritten_;
    haveLastTime_ = other.haveLastTime_;
    lastTime_ = other.lastTime_;
    closed_ = other.closed_;
    failure_ = std::move(other.failure_);
    other.closed_ = true;  // a moved-from writer owns nothing and writes nothing
  }
  return *this;
}

MrecWriter::~MrecWriter() {
  if (file_) (void)close();
}

Status MrecWriter::fail(Error e) {
  if (!failure_) failure_ = std::move(e);
  file_.reset();
  return *failure_;
}

Status MrecWriter::writeBytes(const std::vector<std::uint8_t>& bytes) {
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_.get()) != bytes.size()) return fail(ioError("write failed", path_));
  // fflush hands the chunk to the OS: from here a killed process no longer loses it.
  if (std::fflush(file_.get()) != 0) return fail(ioError("flush failed", path_));
  if (opts_.syncEachChunk && ::fsync(::fileno(file_.get())) != 0) return fail(ioError("fsync failed", path_));
  bytesWritten_ += bytes.size();
  return okStatus();
}

Status MrecWriter::appendFrame(const Frame& f) {
  if (failure_) return *failure_;
  if (closed_ || !file_) return makeError(ErrorCode::Internal, "appendFrame on a closed writer", path_);
  const std::string where = path_ + ": frame " + std::to_string(frameCount_);
  if (Status s = checkFrame(f, bodyJoints_, where); !s) return s;
  if (haveLastTime_ && !(f.time > lastTime_))
    return makeError(ErrorCode::BadInput, "frame time does not increase", where);
  haveLastTime_ = true;
  lastTime_ = f.time;
  pendingFrames_.push_back(f);
  ++frameCount_;
  const bool full = pendingFrames_.size() >= opts_.framesPerChunk;
  // A microsecond of slack: frame times like k/30 s rarely subtract to exactly 0.1.
  const bool old = f.time - pendingFrames_.front().time >= opts_.maxChunkSeconds - 1e-6;
  return (full || old) ? flush() : okStatus();
}

Status MrecWriter::appendEvent(const MrecEvent& e) {
  if (failure_) return *failure_;
  if (closed_ || !file_) return makeError(ErrorCode::Internal, "appendEvent on a closed writer", path_);
  if (Status s = checkEvent(e, path_ + ": event " + std::to_string(eventCount_)); !s) return s;
  pendingEvents_.push_back(e);
  ++eventCount_;
  // Events without frames (e.g. a paused session) must not pile up unwritten.
  pendingEventBytes_ += eventBytes(e);
  return pendingEventBytes_ >= mrec::kSoftChunkBytes ? flush() : okStatus();
}

Status MrecWriter::appendSegment(const Segment& s) {
  if (failure_) return *failure_;
  if (closed_ || !file_) return makeError(ErrorCode::Internal, "appendSegment on a closed writer", path_);
  if (!std::isfinite(s.start) || !std::isfinite(s.end) || !(s.end > s.start))
    return makeError(ErrorCode::BadInput, "segment '" + s.name + "' must have finite start < end", path_);
  pendingSegments_.push_back(s);
  return okStatus();
}

Status MrecWriter::appendAnnotation(const Annotation& a) {
  if (failure_) return *failure_;
  if (closed_ || !file_) return makeError(ErrorCode::Internal, "appendAnnotation on a closed writer", path_);
  if (!std::isfinite(a.start) || !std::isfinite(a.end) || !std::isfinite(a.value))
    return makeError(ErrorCode::BadInput, "annotation '" + a.kind + "' has a non-finite field", path_);
  pendingAnnotations_.push_back(a);
  return okStatus();
}

Status MrecWriter::flush() {
  if (failure_) return *failure_;
  if (closed_ || !file_) return okStatus();
  scratch_.clear();
  // Metadata and events first: a reader that gets the frames also gets what led up to them.
  if (!pendingSegments_.empty())
    putChunked<Segment>(scratch_, payload_, ChunkType::Segments, pendingSegments_, mrec::kMaxListItems,
                        [](const Segment& s) { return 20 + s.name.size(); },
                        [](auto& p, std::span<const Segment> s) { mrec::encodeSegments(p, s); });
  if (!pendingAnnotations_.empty())
    putChunked<Annotation>(scratch_, payload_, ChunkType::Annotations, pendingAnnotations_, mrec::kMaxListItems,
                           [](const Annotation& a) { return 32 + a.kind.size() + a.text.size(); },
                           [](auto& p, std::span<const Annotation> a) { mrec::encodeAnnotations(p, a); });
  if (!pendingEvents_.empty())
    putChunked<MrecEvent>(scratch_, payload_, ChunkType::Events, pendingEvents_, mrec::kMaxListItems, eventBytes,
                          [](auto& p, std::span<const MrecEvent> e) { mrec::encodeEvents(p, e); });
  if (!pendingFrames_.empty())
    putChunked<Frame>(scratch_, payload_, ChunkType::Frames, pendingFrames_, opts_.framesPerChunk, frameBytes,
                      [](auto& p, std::span<const Frame> f) { mrec::encodeFrames(p, f); });
  pendingSegments_.clear();
  pendingAnnotations_.clear();
  pendingEvents_.clear();
  pendingFrames_.clear();
  pendingEventBytes_ = 0;
  if (scratch_.empty()) return okStatus();
  return writeBytes(scratch_);
}

Status MrecWriter::close() {
  if (failure_) return *failure_;
  if (closed_ || !file_) return okStatus();
  if (Status s = flush(); !s) return s;
  scratch_.clear();
  putChunk(scratch_, payload_, ChunkType::End, [&](auto& p) { mrec::encodeEnd(p, frameCount_, eventCount_); });
  if (Status s = writeBytes(scratch_); !s) return s;
  closed_ = true;
  if (std::fclose(file_.release()) != 0) return fail(ioError("close failed", path_));
  return okStatus();
}

Result<std::vector<std::uint8_t>> encodeMrec(const Clip& clip, const std::vector<MrecEvent>& events,
                                             std::size_t framesPerChunk) {
  const std::string where = clip.info.name.empty() ? std::string("clip") : "clip '" + clip.info.name + "'";
  if (Status s = checkSkeleton(clip.body, where); !s) return s.error();
  if (Status s = validateClip(clip, where); !s) return s.error();
  if (clip.frames.size() > mrec::kMaxFrames || events.size() > mrec::kMaxEvents)
    return makeError(ErrorCode::Limit, "more frames or events than the .mrec limits", where);
  for (const MrecEvent& e : events)
    if (Status s = checkEvent(e, where); !s) return s.error();
  for (const Annotation& a : clip.annotations)
    if (!std::isfinite(a.start) || !std::isfinite(a.end) || !std::isfinite(a.value))
      return makeError(ErrorCode::BadInput, "annotation '" + a.kind + "' has a non-finite field", where);
  framesPerChunk = std::clamp<std::size_t>(framesPerChunk, 1, mrec::kMaxFramesPerChunk);

  std::vector<std::uint8_t> out;
  std::vector<std::uint8_t> payload;
  out.reserve(64 + clip.frames.size() * (13 + 2 * kHandJointCount * mrec::kJointRecordBytes));
  mrec::appendFileHeader(out);
  putChunk(out, payload, ChunkType::Info, [&](auto& p) { mrec::encodeInfo(p, clip.info, clip.rate); });
  putChunk(out, payload, ChunkType::Skeleton, [&](auto& p) { mrec::encodeSkeleton(p, clip.body); });
  putChunked<Segment>(out, payload, ChunkType::Segments, clip.segments, mrec::kMaxListItems,
                      [](const Segment& s) { return 20 + s.name.size(); },
                      [](auto& p, std::span<const Segment> s) { mrec::encodeSegments(p, s); });
  putChunked<Annotation>(out, payload, ChunkType::Annotations, clip.annotations, mrec::kMaxListItems,
                         [](const Annotation& a) { return 32 + a.kind.size() + a.text.size(); },
                         [](auto& p, std::span<const Annotation> a) { mrec::encodeAnnotations(p, a); });
  putChunked<Frame>(out, payload, ChunkType::Frames, clip.frames, framesPerChunk, frameBytes,
                    [](auto& p, std::span<const Frame> f) { mrec::encodeFrames(p, f); });
  putChunked<MrecEvent>(out, payload, ChunkType::Events, events, mrec::kMaxListItems, eventBytes,
                        [](auto& p, std::span<const MrecEvent> e) { mrec::encodeEvents(p, e); });
  putChunk(out, payload, ChunkType::End, [&](auto& p) { mrec::encodeEnd(p, clip.frames.size(), events.size()); });
  return out;
}

Status writeMrec(const std::string& path, const Clip& clip, const std::vector<MrecEvent>& events) {
  auto bytes = encodeMrec(clip, events);
  if (!bytes) return makeError(bytes.error().code, bytes.error().message, path);
  const std::string tmp = path + ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) return ioError("cannot create file", tmp);
  const bool written = std::fwrite(bytes->data(), 1, bytes->size(), f) == bytes->size();
  const bool closed = std::fclose(f) == 0;
  if (!written || !closed) {
    Error e = ioError("write failed", tmp);
    std::remove(tmp.c_str());
    return e;
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    Error e = ioError("cannot rename into place", path);
    std::remove(tmp.c_str());
    return e;
  }
  return okStatus();
}

}  // namespace mimesis
