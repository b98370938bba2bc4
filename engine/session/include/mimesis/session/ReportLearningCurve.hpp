// The learning curve of a lesson: scores per trial fitted by a power law and by an exponential,
// both by least squares on the log of the score deficit (100 − score), so a report can say how
// fast the learner is closing the gap and draw the fitted curve.
#pragma once

#include <string>
#include <vector>

namespace mimesis {

struct ScorePoint {
  double trial = 1.0;  // trial number, 1-based (watching trials count as practice time too)
  double score = 0.0;  // 0–100
};

struct LearningCurveFit {
  enum class Model { None, PowerLaw, Exponential };
  Model model = Model::None;  // None: fewer than two points, nothing fitted
  // PowerLaw:    score(n) = 100 − a · n^(−b)
  // Exponential: score(n) = 100 − a · exp(−b · (n − 1))
  // b > 0: the deficit shrinks (the learner improves); b < 0: it grows.
  double a = 0.0;
  double b = 0.0;
  double rmse = 0.0;          // root mean square residual, score points
  int points = 0;

  double predict(double trial) const;  // 0–100, clamped; 0 for Model::None
  // "score = 100 − 41.2 · n^−0.62" (parameters to 3 significant decimals), or "no fit".
  std::string formula() const;
  std::string modelName() const;       // "power law", "exponential", "none"
};

struct LearningCurveFits {
  LearningCurveFit powerLaw;
  LearningCurveFit exponential;
  // The fit with the smaller RMSE (the power law on ties).
  const LearningCurveFit& best() const;
};

// Fits both models to `points`. Deficits are clamped to [0.5, 100] before the log (a perfect
// 100 would be −infinity). Points with a non-finite value or trial < 1 are ignored. Deterministic.
LearningCurveFits fitLearningCurve(const std::vector<ScorePoint>& points);

}  // namespace mimesis
