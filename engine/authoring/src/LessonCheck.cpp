// Checks before publishing and the preview report (see LessonCheck.hpp).
#include "mimesis/authoring/LessonCheck.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "mimesis/authoring/AuthoringSpec.hpp"
#include "mimesis/core/NumberText.hpp"
#include "mimesis/motion/ClipSampler.hpp"
#include "mimesis/motion/Mirroring.hpp"
#include "mimesis/scoring/Scorer.hpp"

namespace mimesis {
namespace {

// SplitMix64: a fixed, portable sequence (std::uniform_real_distribution is not portable).
std::uint64_t mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// Uniform in [-1, 1] from a key.
float unit(std::uint64_t key) { return static_cast<float>(static_cast<double>(mix(key) >> 11) * 0x1.0p-53 * 2.0 - 1.0); }

// Seconds of [start, end) covered by the clip's do-not-copy spans.
double doNotCopyOverlap(const Clip& clip, double start, double end) {
  double covered = 0.0;
  for (const Annotation& a : clip.annotations)
    if (a.kind == "do-not-copy") covered += std::max(0.0, std::min(end, a.end) - std::max(start, a.start));
  return covered;
}

}  // namespace

Clip simulatedRetake(const Clip& clip, double noiseMm, double slowdown) {
  Clip out = clip;
  out.info.name = clip.info.name + " (re-take)";
  out.segments.clear();
  out.annotations.clear();
  if (clip.frames.empty()) return out;
  const double t0 = clip.frames.front().time;
  const double duration = clip.duration() * slowdown;
  const std::size_t n = static_cast<std::size_t>(std::floor(duration * clip.rate)) + 1;
  out.frames.assign(n, Frame{});
  const float amplitude = static_cast<float>(noiseMm * 1e-3);
  for (std::size_t f = 0; f < n; ++f) {
    Frame& fr = out.frames[f];
    const double t = static_cast<double>(f) / clip.rate;
    sampleClip(clip, t0 + std::min(t / slowdown, clip.duration()), fr);
    fr.time = t;
    for (int h = 0; h < 2; ++h) {
      HandPose& hand = fr.hands[static_cast<std::size_t>(h)];
      for (std::size_t j = 0; j < hand.joints.size(); ++j) {
        const std::uint64_t key = (static_cast<std::uint64_t>(f) << 16) | (static_cast<std::uint64_t>(h) << 8) | j;
        glm::vec3& p = hand.joints[j].pose.position;
        p += amplitude * glm::vec3(unit(key * 3), unit(key * 3 + 1), unit(key * 3 + 2));
      }
    }
  }
  return out;
}

LessonCheck checkLesson(const Lesson& lesson) {
  LessonCheck c;
  const Clip& clip = lesson.clip;
  c.clipSeconds = clip.duration();
  c.clipFrames = static_cast<int>(clip.frames.size());
  for (const Segment& s : clip.segments) {
    SegmentPreview p;
    p.name = s.name;
    p.start = s.start;
    p.end = s.end;
    for (const Frame& f : clip.frames) p.frames += f.time >= s.start && f.time < s.end;
    p.doNotCopy = doNotCopyOverlap(clip, s.start, s.end) >= (s.end - s.start) - 1e-9;
    const bool longEnough = s.end - s.start >= kMinScoredSegmentSeconds - 1e-9 && p.frames >= kMinScoredSegmentFrames;
    c.items.push_back({"segment '" + s.name + "' length", longEnough || p.doNotCopy,
                       printfFixed(s.end - s.start, 3) + " s, " + std::to_string(p.frames) + " frames (at least " +
                           printfFixed(kMinScoredSegmentSeconds, 1) + " s and " + std::to_string(kMinScoredSegmentFrames) +
                           " frames" + (p.doNotCopy ? "; not scored: do-not-copy)" : ")")});
    c.segments.push_back(p);
  }
  for (const Annotation& a : clip.annotations)
    if (a.kind == "tolerance")
      c.items.push_back({"tolerance of '" + (a.text.empty() ? printfFixed(a.start, 2) + "-" + printfFixed(a.end, 2) : a.text) + "'",
                         a.value >= kMinSegmentTolerance && a.value <= kMaxSegmentTolerance,
                         printfFixed(a.value, 3) + " (between " + printfFixed(kMinSegmentTolerance, 2) + " and " +
                             printfFixed(kMaxSegmentTolerance, 2) + ")"});

  // A learner copying in a mirror answers with the other hand, reflected: so does the re-take.
  const Clip retake = simulatedRetake(lesson.mapping == ImitationMapping::Mirror ? mirrorClip(clip) : clip);
  Result<ScoreReport> scored = scorePerformance(clip, retake, lesson.scoring);
  if (!scored) {
    c.items.push_back({"re-take score", false, "the re-take could not be scored: " + scored.error().describe()});
  } else {
    c.retakeScore = scored->score;
    c.items.push_back({"re-take score", scored->score >= kRetakeMinScore,
                       printfFixed(scored->score, 1) + " (at least " + printfFixed(kRetakeMinScore, 0) + ")"});
    for (const SegmentReport& sr : scored->segments)
      for (SegmentPreview& p : c.segments)
        if (p.name == sr.name && !sr.automatic) {
          p.retakeScore = sr.score;
          if (!p.doNotCopy)
            c.items.push_back({"re-take score of segment '" + p.name + "'", sr.reached && sr.score >= kRetakeMinSegmentScore,
                               printfFixed(sr.score, 1) + " (at least " + printfFixed(kRetakeMinSegmentScore, 0) + ")"});
        }
  }
  c.passed = std::all_of(c.items.begin(), c.items.end(), [](const CheckItem& i) { return i.passed; });
  return c;
}

std::string previewReport(const Lesson& lesson, const LessonCheck& c) {
  std::string md = "# Preview: " + lesson.name + "\n\n";
  if (!lesson.description.empty()) md += lesson.description + "\n\n";
  md += "- clip: `" + lesson.clipRef + "`, " + printfFixed(c.clipSeconds, 3) + " s, " + std::to_string(c.clipFrames) +
        " frames at " + printfFixed(lesson.clip.rate, 1) + " Hz\n";
  md += "- mapping: " + std::string(imitationMappingName(lesson.mapping)) + "\n";
  md += "- view: " + std::string(lessonViewName(lesson.view)) + "\n";
  md += "- expert's re-take (noise 1.5 mm, 3% slower): score " + printfFixed(c.retakeScore, 1) + "\n\n";
  md += "## Segments\n\n| segment | start s | end s | frames | re-take score | scored |\n|---|---|---|---|---|---|\n";
  for (const SegmentPreview& s : c.segments)
    md += "| " + s.name + " | " + printfFixed(s.start, 3) + " | " + printfFixed(s.end, 3) + " | " + std::to_string(s.frames) + " | " +
          (s.doNotCopy ? std::string("—") : printfFixed(s.retakeScore, 1)) + " | " + (s.doNotCopy ? "no (do-not-copy)" : "yes") +
          " |\n";
  if (c.segments.empty()) md += "| (none: the scorer cuts segments itself) | | | | | |\n";
  md += "\n## Spans\n\n";
  bool any = false;
  for (const Annotation& a : lesson.clip.annotations) {
    any = true;
    md += "- " + a.kind + " " + printfFixed(a.start, 3) + "–" + printfFixed(a.end, 3) + " s" +
          (a.kind == "tolerance" ? ": relative tolerance " + printfFixed(a.value, 3) : std::string()) +
          (a.text.empty() ? std::string() : " (" + a.text + ")") + "\n";
  }
  if (!any) md += "- none\n";
  md += "\n## Checks\n\n";
  for (const CheckItem& i : c.items) md += std::string("- [") + (i.passed ? "x" : " ") + "] " + i.what + ": " + i.detail + "\n";
  md += std::string("\n**") + (c.passed ? "Ready to publish." : "Not published: fix the unchecked items.") + "**\n";
  return md;
}

}  // namespace mimesis
