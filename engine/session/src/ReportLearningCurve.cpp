// Least-squares fits of the learning curve: log-linear regressions of the score deficit.
#include "mimesis/session/ReportLearningCurve.hpp"

#include <algorithm>
#include <cmath>

#include "mimesis/core/NumberText.hpp"

namespace mimesis {
namespace {

double deficitOf(double score) { return std::clamp(100.0 - score, 0.5, 100.0); }

// ln(deficit) = ln a − b · x, ordinary least squares; x is ln n or n − 1.
LearningCurveFit fitLogLinear(const std::vector<ScorePoint>& pts, LearningCurveFit::Model model) {
  LearningCurveFit fit;
  std::vector<ScorePoint> use;
  for (const ScorePoint& p : pts)
    if (std::isfinite(p.trial) && std::isfinite(p.score) && p.trial >= 1.0) use.push_back(p);
  if (use.size() < 2) return fit;
  auto xOf = [&](double n) { return model == LearningCurveFit::Model::PowerLaw ? std::log(n) : n - 1.0; };
  double sx = 0.0, sy = 0.0;
  for (const ScorePoint& p : use) {
    sx += xOf(p.trial);
    sy += std::log(deficitOf(p.score));
  }
  const double n = static_cast<double>(use.size());
  const double mx = sx / n, my = sy / n;
  double sxx = 0.0, sxy = 0.0;
  for (const ScorePoint& p : use) {
    const double dx = xOf(p.trial) - mx;
    sxx += dx * dx;
    sxy += dx * (std::log(deficitOf(p.score)) - my);
  }
  if (!(sxx > 1e-12)) return fit;  // every point at the same trial: no slope to fit
  const double slope = sxy / sxx;
  fit.model = model;
  fit.b = -slope;
  fit.a = std::exp(my - slope * mx);
  fit.points = static_cast<int>(use.size());
  double ss = 0.0;
  for (const ScorePoint& p : use) {
    const double r = p.score - fit.predict(p.trial);
    ss += r * r;
  }
  fit.rmse = std::sqrt(ss / n);
  if (!std::isfinite(fit.a) || !std::isfinite(fit.b) || !std::isfinite(fit.rmse)) return LearningCurveFit{};
  return fit;
}

}  // namespace

double LearningCurveFit::predict(double trial) const {
  double deficit = 0.0;
  switch (model) {
    case Model::None: return 0.0;
    case Model::PowerLaw: deficit = a * std::pow(std::max(trial, 1.0), -b); break;
    case Model::Exponential: deficit = a * std::exp(-b * (std::max(trial, 1.0) - 1.0)); break;
  }
  const double s = 100.0 - deficit;
  return std::isfinite(s) ? std::clamp(s, 0.0, 100.0) : 0.0;
}

std::string LearningCurveFit::formula() const {
  switch (model) {
    case Model::None: return "no fit";
    case Model::PowerLaw: return "score = 100 \u2212 " + roundedFixed(a, 3) + " \u00b7 n^(\u2212" + roundedFixed(b, 3) + ")";
    case Model::Exponential:
      return "score = 100 \u2212 " + roundedFixed(a, 3) + " \u00b7 exp(\u2212" + roundedFixed(b, 3) + " \u00b7 (n \u2212 1))";
  }
  return "no fit";
}

std::string LearningCurveFit::modelName() const {
  switch (model) {
    case Model::None: return "none";
    case Model::PowerLaw: return "power law";
    case Model::Exponential: return "exponential";
  }
  return "none";
}

const LearningCurveFit& LearningCurveFits::best() const {
  if (exponential.model == LearningCurveFit::Model::None) return powerLaw;
  if (powerLaw.model == LearningCurveFit::Model::None) return exponential;
  return exponential.rmse < powerLaw.rmse ? exponential : powerLaw;
}

LearningCurveFits fitLearningCurve(const std::vector<ScorePoint>& points) {
  LearningCurveFits f;
  f.powerLaw = fitLogLinear(points, LearningCurveFit::Model::PowerLaw);
  f.exponential = fitLogLinear(points, LearningCurveFit::Model::Exponential);
  return f;
}

}  // namespace mimesis
