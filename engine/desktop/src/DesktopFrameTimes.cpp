// Frame-time summary of a desktop run (see DesktopFrameTimes.hpp).
#include "mimesis/desktop/DesktopFrameTimes.hpp"

#include <algorithm>
#include <cstdio>

namespace mimesis {
namespace {

struct Stats {
  double median = 0.0, p95 = 0.0, mean = 0.0;
  std::size_t n = 0;
};

Stats statsOf(std::vector<double> v) {
  Stats s;
  v.erase(std::remove_if(v.begin(), v.end(), [](double x) { return x < 0.0; }), v.end());
  if (v.empty()) return s;
  std::sort(v.begin(), v.end());
  s.n = v.size();
  s.median = v[v.size() / 2];
  s.p95 = v[std::min(v.size() - 1, static_cast<std::size_t>(0.95 * static_cast<double>(v.size())))];
  for (double x : v) s.mean += x;
  s.mean /= static_cast<double>(v.size());
  return s;
}

}  // namespace

std::string summarizeFrameTimes(const std::vector<DesktopFrameTime>& frames, int warmup) {
  const std::size_t skip = std::min(frames.size(), static_cast<std::size_t>(std::max(0, warmup)));
  struct Phase {
    const char* name;
    double DesktopFrameTime::*field;
  };
  const Phase phases[] = {{"frame (total)", &DesktopFrameTime::totalMs},   {"lesson driver", &DesktopFrameTime::sessionMs},
                          {"input + compose", &DesktopFrameTime::composeMs}, {"acquire", &DesktopFrameTime::acquireMs},
                          {"draw (CPU)", &DesktopFrameTime::drawMs},          {"  of it panels", &DesktopFrameTime::panelsMs},
                          {"present", &DesktopFrameTime::presentMs},        {"GPU", &DesktopFrameTime::gpuMs}};
  std::string out;
  char line[160];
  std::snprintf(line, sizeof line, "desktop frame ms over %zu frames (first %zu skipped): median / p95 / mean\n",
                frames.size() - skip, skip);
  out += line;
  for (const Phase& p : phases) {
    std::vector<double> v;
    for (std::size_t i = skip; i < frames.size(); ++i) v.push_back(frames[i].*(p.field));
    const Stats s = statsOf(std::move(v));
    if (s.n == 0)
      std::snprintf(line, sizeof line, "  %-16s not available\n", p.name);
    else
      std::snprintf(line, sizeof line, "  %-16s %8.2f %8.2f %8.2f\n", p.name, s.median, s.p95, s.mean);
    out += line;
  }
  return out;
}

}  // namespace mimesis
