// Reading writeClipCsv's table back into a Clip.
#include <array>
#include <charconv>
#include <cmath>
#include <string_view>
#include <vector>

#include <zlib.h>

#include "TextFile.hpp"
#include "mimesis/core/CsvText.hpp"
#include "mimesis/core/TextLines.hpp"
#include "mimesis/motion_import/ClipExportImport.hpp"
#include "mimesis/motion_import/RigMap.hpp"

namespace mimesis {
namespace {

constexpr std::size_t kMaxBytes = std::size_t{1} << 30;
constexpr const char* kJointFields[] = {"px", "py", "pz", "qx", "qy", "qz", "qw", "radius", "flags"};
constexpr const char* kPoseFields[] = {"px", "py", "pz", "qx", "qy", "qz", "qw"};
constexpr std::size_t kHandColumns = 2 * kHandJointCount * 9;

template <typename T>
bool parse(const std::string& s, T& out) {
  if (s.empty()) return false;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size() && std::isfinite(static_cast<double>(out));
}

struct Reader {
  const std::string& path;
  int line = 0;
  const std::vector<std::string>* header = nullptr;

  Error bad(std::size_t column, const std::string& msg) const {
    return makeError(ErrorCode::BadInput, "column " + std::to_string(column + 1) + " ('" + (*header)[column] + "'): " + msg,
                     path + ":" + std::to_string(line));
  }
  // An optional float: empty = absent.
  Status optFloat(const std::vector<std::string>& cells, std::size_t c, float& out, bool& present) const {
    present = !cells[c].empty();
    if (!present) return okStatus();
    if (!parse(cells[c], out)) return bad(c, "'" + cells[c] + "' is not a finite number");
    return okStatus();
  }
  // Nine joint cells from column c.
  Status joint(const std::vector<std::string>& cells, std::size_t c, JointPose& j) const {
    float v[8] = {0, 0, 0, 0, 0, 0, 1, 0};
    bool have[8] = {};
    for (std::size_t k = 0; k < 8; ++k)
      if (Status s = optFloat(cells, c + k, v[k], have[k]); !s) return s;
    unsigned flags = 0;
    if (!parse(cells[c + 8], flags) || flags > 0xFF) return bad(c + 8, "'" + cells[c + 8] + "' is not a flags byte");
    j = JointPose{};
    j.flags = static_cast<std::uint8_t>(flags);
    if (have[0] && have[1] && have[2]) j.pose.position = {v[0], v[1], v[2]};
    if (have[3] && have[4] && have[5] && have[6]) j.pose.orientation = glm::quat(v[6], v[3], v[4], v[5]);
    if (have[7]) j.radius = v[7];
    return okStatus();
  }
};

std::vector<std::string> expectedFixedHeader() {
  std::vector<std::string> h = {"time"};
  for (Hand hand : {Hand::Left, Hand::Right})
    for (int j = 0; j < kHandJointCount; ++j)
      for (const char* f : kJointFields)
        h.push_back(std::string(handName(hand)) + "_" + std::string(handJointName(j)) + "_" + f);
  for (const char* f : kPoseFields) h.push_back(std::string("head_") + f);
  return h;
}

}  // namespace

bool looksLikeClipCsv(const std::string& path) {
  // Only the start is read (through zlib, which passes plain files through).
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[32] = {};
  const int n = gzread(f, buf, sizeof buf - 1);
  gzclose(f);
  const std::string_view kStart = "time,left_palm_px,";
  return n >= static_cast<int>(kStart.size()) && std::string_view(buf, kStart.size()) == kStart;
}

Result<Clip> readClipCsv(const std::string& path) {
  auto text = detail::readTextFile(path, kMaxBytes);
  if (!text) return text.error();
  const std::string_view all = *text;
  const std::vector<std::string> fixed = expectedFixedHeader();

  std::vector<std::string> header, cells;
  Reader r{path};
  Clip clip;
  clip.info.source = path;
  clip.info.sourceFormat = "csv";
  const auto slash = path.find_last_of("/\\");
  clip.info.name = path.substr(slash == std::string::npos ? 0 : slash + 1);
  clip.info.rigMap = "none";
  std::size_t bodyJoints = 0;
  TextLines lines(all);
  std::string_view line;
  while (lines.next(line)) {
    r.line = lines.number();
    if (line.empty()) continue;
    const std::string where = path + ":" + std::to_string(r.line);
    if (!splitCsvCells(line, header.empty() ? header : cells))
      return makeError(ErrorCode::BadInput, "a quoted cell is not closed", where);
    if (r.header == nullptr) {
      r.header = &header;
      for (std::size_t c = 0; c < fixed.size(); ++c)
        if (c >= header.size() || header[c] != fixed[c])
          return makeError(ErrorCode::BadInput, "column " + std::to_string(c + 1) + " should be '" + fixed[c] + "', found '" +
                                                    (c < header.size() ? header[c] : std::string()) + "' (not a mimesis clip CSV)",
                           where);
      const std::size_t rest = header.size() - fixed.size();
      if (rest % 9 != 0)
        return makeError(ErrorCode::BadInput, std::to_string(rest) + " body columns is not 9 per joint", where);
      bodyJoints = rest / 9;
      clip.body.name = "csv";
      for (std::size_t b = 0; b < bodyJoints; ++b) {
        const std::size_t c = fixed.size() + b * 9;
        const std::string& first = header[c];
        const std::string suffix = "_px";
        if (first.rfind("body_", 0) != 0 || first.size() <= 5 + suffix.size() ||
            first.compare(first.size() - suffix.size(), suffix.size(), suffix) != 0)
          return makeError(ErrorCode::BadInput, "column " + std::to_string(c + 1) + " should be 'body_<joint>_px', found '" + first + "'",
                           where);
        const std::string name = first.substr(5, first.size() - 5 - suffix.size());
        for (std::size_t k = 0; k < 9; ++k)
          if (header[c + k] != "body_" + name + "_" + kJointFields[k])
            return makeError(ErrorCode::BadInput, "column " + std::to_string(c + k + 1) + " should be 'body_" + name + "_" +
                                                      kJointFields[k] + "', found '" + header[c + k] + "'",
                             where);
        clip.body.joints.push_back(name);
        clip.body.parents.push_back(-1);
      }
      continue;
    }
    if (cells.size() != header.size())
      return makeError(ErrorCode::BadInput, "expected " + std::to_string(header.size()) + " columns, found " +
                                                std::to_string(cells.size()), where);
    Frame f;
    if (!parse(cells[0], f.time)) return r.bad(0, "'" + cells[0] + "' is not a finite time");
    std::size_t c = 1;
    for (HandPose& hand : f.hands) {
      for (JointPose& j : hand.joints) {
        if (Status s = r.joint(cells, c, j); !s) return s.error();
        hand.active = hand.active || j.flags != 0;
        c += 9;
      }
    }
    float head[7] = {};
    bool have[7] = {};
    int filled = 0;
    for (std::size_t k = 0; k < 7; ++k) {
      if (Status s = r.optFloat(cells, c + k, head[k], have[k]); !s) return s.error();
      filled += have[k] ? 1 : 0;
    }
    if (filled != 0 && filled != 7) return r.bad(c, "the head needs all seven cells or none");
    if (filled == 7) {
      f.hasHead = true;
      f.head = Pose{{head[0], head[1], head[2]}, glm::quat(head[6], head[3], head[4], head[5])};
    }
    c += 7;
    f.body.resize(bodyJoints);
    for (JointPose& j : f.body) {
      if (Status s = r.joint(cells, c, j); !s) return s.error();
      c += 9;
    }
    if (!clip.frames.empty() && !(f.time > clip.frames.back().time)) return r.bad(0, "time does not increase");
    clip.frames.push_back(std::move(f));
  }
  if (r.header == nullptr) return makeError(ErrorCode::BadInput, "empty file (no header row)", path);
  if (clip.frames.empty()) return makeError(ErrorCode::BadInput, "no data rows", path);
  if (clip.frames.size() >= 2 && clip.duration() > 0.0)
    clip.rate = static_cast<double>(clip.frames.size() - 1) / clip.duration();
  clip.body.groups = deriveBodyGroups(clip.body);
  if (clip.body.empty()) clip.body = Skeleton{};
  if (Status s = validateClip(clip, path); !s) return s.error();
  return clip;
}

}  // namespace mimesis
