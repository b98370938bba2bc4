// CSV and JSON Lines export of clips, with round-trip number formatting and no NaN.
#include "mimesis/motion/ClipExport.hpp"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string_view>

#include "mimesis/core/CsvText.hpp"
#include "mimesis/core/JsonText.hpp"
#include "mimesis/core/NumberText.hpp"

namespace mimesis {
namespace {

// A finite number, or nothing (an empty CSV cell) / "null" (JSON) when it is not usable.
void appendCell(std::string& out, float v, bool usable) {
  if (usable && std::isfinite(v)) appendShortest(out, v);
}

void appendJsonNumber(std::string& out, double v) {
  if (std::isfinite(v)) appendShortest(out, v);
  else out += "null";
}

Status writeText(const std::string& path, const std::string& text) {
  struct Closer {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  std::unique_ptr<std::FILE, Closer> f(std::fopen(path.c_str(), "wb"));
  if (!f) return makeError(ErrorCode::Io, std::string("cannot create file: ") + std::strerror(errno), path);
  if (std::fwrite(text.data(), 1, text.size(), f.get()) != text.size())
    return makeError(ErrorCode::Io, std::string("write failed: ") + std::strerror(errno), path);
  if (std::fclose(f.release()) != 0)
    return makeError(ErrorCode::Io, std::string("close failed: ") + std::strerror(errno), path);
  return okStatus();
}

constexpr const char* kJointFields[] = {"px", "py", "pz", "qx", "qy", "qz", "qw", "radius", "flags"};
constexpr const char* kPoseFields[] = {"px", "py", "pz", "qx", "qy", "qz", "qw"};

void csvJointHeader(std::string& out, const std::string& prefix) {
  for (const char* f : kJointFields) {
    out += ',';
    out += csvCell(prefix + "_" + f);
  }
}

void csvPose(std::string& out, const Pose& p, bool posOk, bool rotOk) {
  const float v[7] = {p.position.x, p.position.y, p.position.z, p.orientation.x,
                      p.orientation.y, p.orientation.z, p.orientation.w};
  for (int i = 0; i < 7; ++i) {
    out += ',';
    appendCell(out, v[i], i < 3 ? posOk : rotOk);
  }
}

void csvJoint(std::string& out, const JointPose& j, bool active) {
  const bool posOk = active && j.positionValid();
  csvPose(out, j.pose, posOk, active && j.orientationValid());
  out += ',';
  appendCell(out, j.radius, posOk);
  out += ',';
  appendShortest(out, active ? static_cast<unsigned>(j.flags) : 0u);
}

// Writes [x,y,z] / [x,y,z,w] or null: a vector with a non-finite component is unusable.
void jsonVec(std::string& out, const float* v, int n, bool usable) {
  for (int i = 0; i < n; ++i) usable = usable && std::isfinite(v[i]);
  if (!usable) {
    out += "null";
    return;
  }
  out += '[';
  for (int i = 0; i < n; ++i) {
    if (i) out += ',';
    appendShortest(out, v[i]);
  }
  out += ']';
}

void jsonPose(std::string& out, const Pose& p, bool posOk, bool rotOk) {
  const float pos[3] = {p.position.x, p.position.y, p.position.z};
  const float rot[4] = {p.orientation.x, p.orientation.y, p.orientation.z, p.orientation.w};
  out += "\"p\":";
  jsonVec(out, pos, 3, posOk);
  out += ",\"q\":";
  jsonVec(out, rot, 4, rotOk);
}

void jsonJoint(std::string& out, const JointPose& j) {
  out += '{';
  jsonPose(out, j.pose, j.positionValid(), j.orientationValid());
  out += ",\"radius\":";
  if (j.positionValid() && std::isfinite(j.radius)) appendShortest(out, j.radius);
  else out += "null";
  out += ",\"flags\":";
  appendShortest(out, static_cast<unsigned>(j.flags));
  out += '}';
}

void jsonStrings(std::string& out, const std::vector<std::string>& v) {
  out += '[';
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) out += ',';
    out += jsonQuoted(v[i]);
  }
  out += ']';
}

void jsonInts(std::string& out, const std::vector<int>& v) {
  out += '[';
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) out += ',';
    appendShortest(out, v[i]);
  }
  out += ']';
}

void jsonHeader(std::string& out, const Clip& clip) {
  out += "{\"format\":\"mimesis-clip\",\"version\":1,\"info\":{\"name\":";
  out += jsonQuoted(clip.info.name);
  out += ",\"source\":";
  out += jsonQuoted(clip.info.source);
  out += ",\"sourceFormat\":";
  out += jsonQuoted(clip.info.sourceFormat);
  out += ",\"rigMap\":";
  out += jsonQuoted(clip.info.rigMap);
  out += ",\"filledJoints\":";
  jsonStrings(out, clip.info.filledJoints);
  out += "},\"rate\":";
  appendJsonNumber(out, clip.rate);
  out += ",\"frames\":";
  appendShortest(out, clip.frames.size());
  out += ",\"handJoints\":[";
  for (int j = 0; j < kHandJointCount; ++j) {
    if (j) out += ',';
    out += jsonQuoted(handJointName(j));
  }
  out += "],\"skeleton\":{\"name\":";
  out += jsonQuoted(clip.body.name);
  out += ",\"joints\":";
  jsonStrings(out, clip.body.joints);
  out += ",\"parents\":";
  jsonInts(out, clip.body.parents);
  out += ",\"groups\":[";
  for (std::size_t g = 0; g < clip.body.groups.size(); ++g) {
    if (g) out += ',';
    out += "{\"name\":";
    out += jsonQuoted(clip.body.groups[g].name);
    out += ",\"joints\":";
    jsonInts(out, clip.body.groups[g].joints);
    out += '}';
  }
  out += "]},\"segments\":[";
  for (std::size_t i = 0; i < clip.segments.size(); ++i) {
    const Segment& s = clip.segments[i];
    if (i) out += ',';
    out += "{\"name\":";
    out += jsonQuoted(s.name);
    out += ",\"start\":";
    appendJsonNumber(out, s.start);
    out += ",\"end\":";
    appendJsonNumber(out, s.end);
    out += '}';
  }
  out += "],\"annotations\":[";
  for (std::size_t i = 0; i < clip.annotations.size(); ++i) {
    const Annotation& a = clip.annotations[i];
    if (i) out += ',';
    out += "{\"kind\":";
    out += jsonQuoted(a.kind);
    out += ",\"start\":";
    appendJsonNumber(out, a.start);
    out += ",\"end\":";
    appendJsonNumber(out, a.end);
    out += ",\"value\":";
    appendJsonNumber(out, a.value);
    out += ",\"text\":";
    out += jsonQuoted(a.text);
    out += '}';
  }
  out += "]}\n";
}

}  // namespace

Status writeClipCsv(const std::string& path, const Clip& clip) {
  if (Status s = validateClip(clip, path); !s) return s;
  std::string out = "time";
  for (Hand h : {Hand::Left, Hand::Right})
    for (int j = 0; j < kHandJointCount; ++j)
      csvJointHeader(out, std::string(handName(h)) + "_" + std::string(handJointName(j)));
  for (const char* f : kPoseFields) out += std::string(",head_") + f;
  for (const std::string& name : clip.body.joints) csvJointHeader(out, "body_" + name);
  out += '\n';
  for (const Frame& fr : clip.frames) {
    appendShortest(out, fr.time);
    for (const HandPose& hand : fr.hands)
      for (const JointPose& j : hand.joints) csvJoint(out, j, hand.active);
    csvPose(out, fr.head, fr.hasHead, fr.hasHead);
    for (const JointPose& j : fr.body) csvJoint(out, j, true);
    out += '\n';
  }
  return writeText(path, out);
}

Status writeClipJsonLines(const std::string& path, const Clip& clip) {
  if (Status s = validateClip(clip, path); !s) return s;
  std::string out;
  jsonHeader(out, clip);
  for (const Frame& fr : clip.frames) {
    out += "{\"time\":";
    appendJsonNumber(out, fr.time);
    for (Hand h : {Hand::Left, Hand::Right}) {
      out += ",\"";
      out += handName(h);
      out += "\":";
      const HandPose& hand = fr.hand(h);
      if (!hand.active) {
        out += "null";
        continue;
      }
      out += "{\"joints\":[";
      for (int j = 0; j < kHandJointCount; ++j) {
        if (j) out += ',';
        jsonJoint(out, hand.joints[j]);
      }
      out += "]}";
    }
    out += ",\"head\":";
    if (fr.hasHead) {
      out += '{';
      jsonPose(out, fr.head, true, true);
      out += '}';
    } else {
      out += "null";
    }
    out += ",\"body\":[";
    for (std::size_t b = 0; b < fr.body.size(); ++b) {
      if (b) out += ',';
      jsonJoint(out, fr.body[b]);
    }
    out += "]}\n";
  }
  return writeText(path, out);
}

}  // namespace mimesis
