// scoreRecordings: two .mrec files scored through streamed ScoringSources, never held whole.
#include "mimesis/scoring/RecordingScorer.hpp"

#include <array>
#include <cmath>
#include <filesystem>
#include <memory>

#include "mimesis/motion/MrecReader.hpp"
#include "mimesis/scoring/Scorer.hpp"

#include "ScoringSource.hpp"

namespace mimesis {
namespace {

// One recording read as a stream. The first pass (open) keeps what the scorer asks before it
// builds a stream; each stream() is one more pass over the file.
class RecordingSource final : public detail::ScoringSource {
 public:
  // Reads `path` once. Fails with the reader's error, or Unsupported for what this side does
  // not stream (a body skeleton, a bone window that is not a finite number of seconds).
  static Result<std::unique_ptr<RecordingSource>> open(const std::string& path, double boneWindow);

  const Clip& clip() const override { return header_; }
  Status check(const char* which) const override { return checkClipHeaderForScoring(header_, frames_, which); }
  std::size_t frameCount() const override { return frames_; }
  const std::vector<double>& frameTimes() const override { return times_; }
  bool anyHead() const override { return anyHead_; }
  bool handActive(Hand h) const override { return active_[static_cast<std::size_t>(index(h))]; }
  BoneLengths boneLengths(Hand h, double window) const override;
  MotionStream stream(const StreamLayout& layout, const StreamOptions& opt) const override;

  // A later pass read other frames than the first (the file changed, or could not be read).
  bool failed() const { return failed_; }
  int passes() const { return passes_; }

 private:
  std::string path_;
  Clip header_;
  std::size_t frames_ = 0;
  std::vector<double> times_;
  bool anyHead_ = false;
  std::array<bool, 2> active_{};
  double window_ = 0.0;
  // Per hand: its usable frames within `window_` seconds of its first usable one, all that
  // estimateBoneLengths reads of a clip (kept frames are the same, in the same order).
  std::array<Clip, 2> boneFrames_;
  mutable bool failed_ = false;
  mutable int passes_ = 1;
};

Result<std::unique_ptr<RecordingSource>> RecordingSource::open(const std::string& path, double boneWindow) {
  if (!(std::isfinite(boneWindow) && boneWindow >= 0.0))
    return makeError(ErrorCode::Unsupported, "bone window is not a finite number of seconds", path);
  auto src = std::make_unique<RecordingSource>();
  RecordingSource& s = *src;
  s.path_ = path;
  s.window_ = boneWindow;
  std::array<double, 2> first{-1.0, -1.0};
  std::array<bool, 2> done{};
  Result<MrecStreamed> read = streamMrec(path, [&](std::span<const Frame> frames, std::size_t) {
    for (const Frame& f : frames) {
      s.times_.push_back(f.time);
      s.anyHead_ = s.anyHead_ || f.hasHead;
      for (std::size_t h = 0; h < 2; ++h) {
        s.active_[h] = s.active_[h] || f.hands[h].active;
        if (done[h] || !f.hands[h].usable()) continue;
        if (first[h] < 0.0) first[h] = f.time;
        if (f.time - first[h] >= boneWindow) done[h] = true;
        else s.boneFrames_[h].frames.push_back(f);
      }
    }
  });
  if (!read) return read.error();
  if (!read->header.body.empty())
    return makeError(ErrorCode::Unsupported, "a body recording is scored whole", path);
  s.header_ = std::move(read->header);
  s.frames_ = read->frameCount;
  return src;
}

BoneLengths RecordingSource::boneLengths(Hand h, double window) const {
  if (window != window_) failed_ = true;  // the scorer asks with the window open() was given
  return estimateBoneLengths(boneFrames_[static_cast<std::size_t>(index(h))], h, window);
}

MotionStream RecordingSource::stream(const StreamLayout& layout, const StreamOptions& opt) const {
  StreamBuilder b(layout, header_.body, header_.rate, frames_, opt);
  ++passes_;
  std::size_t n = 0;
  Result<MrecStreamed> read = streamMrec(path_, [&](std::span<const Frame> frames, std::size_t) {
    for (const Frame& f : frames) {
      if (n < frames_ && f.time == times_[n]) b.add(f);
      else failed_ = true;
      ++n;
    }
  });
  if (!read || n != frames_) failed_ = true;
  return b.finish();
}

Result<ScoreReport> scoreWhole(const std::string& expertMrec, const std::string& learnerMrec, const ScoringConfig& cfg) {
  Result<MrecFile> expert = readMrec(expertMrec);
  if (!expert) return expert.error();
  Result<MrecFile> learner = readMrec(learnerMrec);
  if (!learner) return learner.error();
  return scorePerformance(expert->clip, learner->clip, cfg);
}

}  // namespace

Result<ScoreReport> scoreRecordings(const std::string& expertMrec, const std::string& learnerMrec,
                                    const ScoringConfig& cfg, RecordingScoreInfo* info) {
  if (info) *info = RecordingScoreInfo{};
  // Only regular files are read more than once: a pipe would be empty (or block) the second time.
  std::error_code ec;
  if (!std::filesystem::is_regular_file(expertMrec, ec) || !std::filesystem::is_regular_file(learnerMrec, ec))
    return scoreWhole(expertMrec, learnerMrec, cfg);
  // Any refusal falls back to the whole read, which then gives readMrec's own error first.
  auto expert = RecordingSource::open(expertMrec, cfg.boneWindowSeconds);
  if (!expert) return scoreWhole(expertMrec, learnerMrec, cfg);
  auto learner = RecordingSource::open(learnerMrec, cfg.boneWindowSeconds);
  if (!learner) return scoreWhole(expertMrec, learnerMrec, cfg);
  Result<ScoreReport> r = detail::scoreSources(**expert, **learner, cfg);
  if ((*expert)->failed() || (*learner)->failed()) return scoreWhole(expertMrec, learnerMrec, cfg);
  if (info) *info = RecordingScoreInfo{true, (*expert)->passes(), (*learner)->passes()};
  return r;
}

}  // namespace mimesis
