// report.html, trials.csv and frames.csv: every section is there, the file fetches nothing,
// the bytes repeat, the renderer hook embeds a PNG (or says why not), and the learning-curve
// fit recovers known parameters.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "SessionTestSupport.hpp"
#include "mimesis/session/HeadlessLesson.hpp"
#include "mimesis/session/HtmlReport.hpp"
#include "mimesis/session/ReportLearningCurve.hpp"
#include "mimesis/session/ReportTables.hpp"
#include "mimesis/sim/SimulatedLearnerSource.hpp"

namespace mimesis {
namespace {

using namespace mimesis::testing;

Lesson reportLesson(const std::filesystem::path& dir) {
  return lessonFromScene(dir, "report.json", R"({
    "clip": ")" + assetPath("thumbs-up.mkeys") + R"(",
    "description": "Thumbs <up> & hold",
    "trials": 6,
    "mirror": {"stages": {"watchTrials": 1, "imagineTrials": 0, "advanceTrials": 2, "advanceMastery": 0.7}}
  })");
}

HeadlessResult runLesson(const Lesson& lesson, const std::filesystem::path& dir, const ReportOptions& options = {}) {
  SimulatedLearnerSource source(SimulatedLearnerSource::improvingLearner());
  Result<HeadlessResult> r = runHeadlessLesson(lesson, source, 6, dir.string(), options);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().describe());
  return r.ok() ? *r : HeadlessResult{};
}

// Big-endian u32 for PNG chunks.
void put32(std::string& s, std::uint32_t v) {
  for (int k = 3; k >= 0; --k) s += static_cast<char>((v >> (8 * k)) & 0xFF);
}

// CRC-32 (ISO 3309, the PNG one; not our CRC-32C).
std::uint32_t crc32Png(const std::string& bytes) {
  std::uint32_t c = 0xFFFFFFFFu;
  for (const char ch : bytes) {
    c ^= static_cast<unsigned char>(ch);
    for (int k = 0; k < 8; ++k) c = (c & 1u) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
  }
  return c ^ 0xFFFFFFFFu;
}

void chunk(std::string& png, const std::string& type, const std::string& data) {
  put32(png, static_cast<std::uint32_t>(data.size()));
  png += type + data;
  put32(png, crc32Png(type + data));
}

// A valid 1×1 RGB PNG (a blue pixel), its IDAT a zlib stream with one stored deflate block.
std::string tinyPng() {
  std::string png("\x89PNG\r\n\x1a\n", 8);
  std::string ihdr;
  put32(ihdr, 1);
  put32(ihdr, 1);
  ihdr += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit, RGB, deflate, no filter, no interlace
  chunk(png, "IHDR", ihdr);
  const std::string raw("\x00\x00\x72\xB2", 4);  // filter byte 0, then R G B
  std::uint32_t a = 1, b = 0;
  for (const char ch : raw) {
    a = (a + static_cast<unsigned char>(ch)) % 65521u;
    b = (b + a) % 65521u;
  }
  std::string z("\x78\x01", 2);
  z += std::string("\x01\x04\x00\xFB\xFF", 5);  // final stored block, LEN 4, NLEN ~4
  z += raw;
  put32(z, (b << 16) | a);
  chunk(png, "IDAT", z);
  chunk(png, "IEND", "");
  return png;
}

TEST(ReportHtml, EverySectionNoFetchesSameBytes) {
  const auto dir = sessionTempDir("report-html");
  const Lesson lesson = reportLesson(dir);
  ASSERT_FALSE(lesson.clip.frames.empty());
  const HeadlessResult a = runLesson(lesson, dir / "a");
  runLesson(lesson, dir / "b");
  for (const char* f : {"report.html", "trials.csv", "frames.csv"}) {
    const std::string x = readBytes(dir / "a" / f);
    EXPECT_FALSE(x.empty()) << f;
    EXPECT_TRUE(x == readBytes(dir / "b" / f)) << f << " differs between two identical runs";
  }
  const std::string html = readBytes(dir / "a" / "report.html");
  for (const char* id : {"id=\"summary\"", "id=\"scores\"", "id=\"heatmap\"", "id=\"lag-gain\"", "id=\"guidance\"",
                         "id=\"worst-moment\"", "id=\"coach\"", "id=\"trials\"", "Learning-curve fits", "power law",
                         "exponential", "No renderer available", "<title id=\"chart-scores-t\">",
                         "aria-labelledby=\"chart-heatmap-t chart-heatmap-d\"", "<desc id=", "watch", "guided"})
    EXPECT_NE(html.find(id), std::string::npos) << id;
  // The scene's text is escaped, never markup.
  EXPECT_NE(html.find("Thumbs &lt;up&gt; &amp; hold"), std::string::npos);
  // Self-contained: no script, no external resource of any kind, nothing non-finite.
  for (const char* bad : {"<script", "http://", "https://", "@import", "url(http", "<link", "<iframe", "NaN", "\"nan", ">nan", "-nan", "\"inf", ">inf"})
    EXPECT_EQ(html.find(bad), std::string::npos) << bad;
  EXPECT_EQ(std::count(html.begin(), html.end(), '\0'), 0);
  // Every <svg> is closed and every chart is labelled for assistive technology.
  const auto count = [&](const std::string& s) {
    std::size_t n = 0;
    for (std::size_t p = html.find(s); p != std::string::npos; p = html.find(s, p + 1)) ++n;
    return n;
  };
  EXPECT_EQ(count("<svg "), count("</svg>"));
  EXPECT_EQ(count("<svg "), count("role=\"img\""));
  EXPECT_GE(count("<svg "), 5u);

  // CSV tables: one row per trial and per learner frame.
  const std::string trials = readBytes(dir / "a" / "trials.csv");
  EXPECT_EQ(static_cast<std::size_t>(std::count(trials.begin(), trials.end(), '\n')), a.trials.size() + 1);
  const std::string frames = readBytes(dir / "a" / "frames.csv");
  EXPECT_EQ(static_cast<std::size_t>(std::count(frames.begin(), frames.end(), '\n')), a.frames.size() + 1);
  for (const char* bad : {",nan", ",-nan", ",inf", ",-inf"}) EXPECT_EQ(frames.find(bad), std::string::npos) << bad;
  EXPECT_EQ(trials.rfind("trial,stage,performed,guided,ghost_opacity,tempo,", 0), 0u);
}

TEST(ReportHtml, RendererImageIsEmbeddedWithAltText) {
  const auto dir = sessionTempDir("report-render");
  const Lesson lesson = reportLesson(dir);
  ASSERT_FALSE(lesson.clip.frames.empty());
  const std::string png = tinyPng();
  WorstMoment seen;
  int calls = 0;
  ReportOptions options;
  options.renderPng = [&](const WorstMoment& w) -> Result<std::string> {
    seen = w;
    ++calls;
    return png;
  };
  const HeadlessResult r = runLesson(lesson, dir / "a", options);
  EXPECT_EQ(calls, 1);
  const std::optional<WorstMoment> w = findWorstMoment(r);
  ASSERT_TRUE(w.has_value());
  EXPECT_EQ(seen.trial, w->trial);
  EXPECT_EQ(seen.learnerFrame, w->learnerFrame);
  ASSERT_GE(w->learnerFrame, 0);
  ASSERT_LT(static_cast<std::size_t>(w->learnerFrame), r.frames.size());
  EXPECT_EQ(r.frames[static_cast<std::size_t>(w->learnerFrame)].trial, w->trial);
  EXPECT_TRUE(r.trials[static_cast<std::size_t>(w->trial)].performed);
  EXPECT_GE(w->expertTime, 0.0);
  EXPECT_LE(w->expertTime, lesson.clip.duration() + 1e-9);
  const std::string html = readBytes(dir / "a" / "report.html");
  EXPECT_NE(html.find("<img src=\"data:image/png;base64," + base64Encode(png) + "\" alt=\"Expert"), std::string::npos);
  EXPECT_EQ(html.find("No renderer available"), std::string::npos);

  // A failing renderer or one returning something else is reported, never fatal.
  options.renderPng = [](const WorstMoment&) -> Result<std::string> {
    return makeError(ErrorCode::Unsupported, "no GPU here");
  };
  runLesson(lesson, dir / "b", options);
  EXPECT_NE(readBytes(dir / "b" / "report.html").find("no GPU here"), std::string::npos);
  options.renderPng = [](const WorstMoment&) -> Result<std::string> { return std::string("GIF89a"); };
  runLesson(lesson, dir / "c", options);
  const std::string c = readBytes(dir / "c" / "report.html");
  EXPECT_NE(c.find("did not return a PNG"), std::string::npos);
  EXPECT_EQ(c.find("data:image"), std::string::npos);
}

TEST(ReportHtml, Base64MatchesRfc4648) {
  EXPECT_EQ(base64Encode(""), "");
  EXPECT_EQ(base64Encode("f"), "Zg==");
  EXPECT_EQ(base64Encode("fo"), "Zm8=");
  EXPECT_EQ(base64Encode("foo"), "Zm9v");
  EXPECT_EQ(base64Encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64Encode(std::string("\xff\x00\x80", 3)), "/wCA");
}

TEST(ReportLearningCurve, RecoversKnownParameters) {
  std::vector<ScorePoint> power, expo;
  for (int n = 1; n <= 8; ++n) {
    power.push_back({static_cast<double>(n), 100.0 - 40.0 * std::pow(n, -0.7)});
    expo.push_back({static_cast<double>(n), 100.0 - 50.0 * std::exp(-0.3 * (n - 1))});
  }
  const LearningCurveFits p = fitLearningCurve(power);
  EXPECT_EQ(p.best().model, LearningCurveFit::Model::PowerLaw);
  EXPECT_NEAR(p.powerLaw.a, 40.0, 1e-6);
  EXPECT_NEAR(p.powerLaw.b, 0.7, 1e-9);
  EXPECT_NEAR(p.powerLaw.rmse, 0.0, 1e-6);
  EXPECT_EQ(p.powerLaw.points, 8);
  const LearningCurveFits e = fitLearningCurve(expo);
  EXPECT_EQ(e.best().model, LearningCurveFit::Model::Exponential);
  EXPECT_NEAR(e.exponential.a, 50.0, 1e-6);
  EXPECT_NEAR(e.exponential.b, 0.3, 1e-9);
  EXPECT_NEAR(e.exponential.predict(3.0), 100.0 - 50.0 * std::exp(-0.6), 1e-6);
  EXPECT_EQ(e.exponential.formula(), "score = 100 \u2212 50.000 \u00b7 exp(\u22120.300 \u00b7 (n \u2212 1))");
  // Too little data, perfect scores and junk never give NaN.
  EXPECT_EQ(fitLearningCurve({{1.0, 50.0}}).best().model, LearningCurveFit::Model::None);
  EXPECT_EQ(fitLearningCurve({}).best().formula(), "no fit");
  const LearningCurveFits flat = fitLearningCurve({{1.0, 100.0}, {2.0, 100.0}, {3.0, std::nan("")}, {0.0, 5.0}});
  EXPECT_EQ(flat.powerLaw.points, 2);
  EXPECT_TRUE(std::isfinite(flat.powerLaw.a) && std::isfinite(flat.powerLaw.b));
  EXPECT_NEAR(flat.powerLaw.predict(2.0), 99.5, 1e-9);
}

TEST(ReportHtml, NoPerformedTrialStillGivesAReport) {
  const auto dir = sessionTempDir("report-watch-only");
  const Lesson lesson = reportLesson(dir);
  ASSERT_FALSE(lesson.clip.frames.empty());
  SimulatedLearnerSource source(SimulatedLearnerSource::improvingLearner());
  Result<HeadlessResult> r = runHeadlessLesson(lesson, source, 1, (dir / "a").string());
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_FALSE(findWorstMoment(*r).has_value());
  const std::string html = readBytes(dir / "a" / "report.html");
  EXPECT_NE(html.find("no worst moment"), std::string::npos);
  EXPECT_NE(html.find("No trial was scored"), std::string::npos);
  EXPECT_NE(html.find("no fit"), std::string::npos);
}

}  // namespace
}  // namespace mimesis
