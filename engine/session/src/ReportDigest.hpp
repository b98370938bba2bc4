// ReportDigest: the few numbers the lesson reports need from a trial's ScoreReport JSON (score,
// grade, lag, gain, and segment × joint-group scores), read once per trial.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "mimesis/session/HeadlessLesson.hpp"

namespace mimesis::report {

struct GroupScore {
  std::string name;   // "right/index", "left/wrist", ...
  double score = 0.0; // 0–100
};

struct SegmentScores {
  std::string name;
  double score = 0.0;
  std::vector<GroupScore> groups;  // measured groups only (scorable, with a numeric score)
};

struct TrialDigest {
  bool scored = false;          // a ScoreReport was parsed
  std::string grade;            // "Good", ...
  double lagMs = 0.0;
  std::optional<double> gain;   // null in the report: the expert barely moves
  std::vector<SegmentScores> segments;
};

// Never fails: a missing or malformed report gives scored = false.
TrialDigest digestTrial(const TrialRecord& trial);

// Numbers for CSV and HTML: fixed digits, "-0" written as "0", non-finite as `empty`.
std::string num(double v, int digits, const std::string& empty = "");

}  // namespace mimesis::report
