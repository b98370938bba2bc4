// Reading writeClipJsonLines's header and frame lines back into a Clip.
#include <cmath>
#include <string_view>

#include <nlohmann/json.hpp>

#include "TextFile.hpp"
#include "mimesis/motion_import/ClipExportImport.hpp"

namespace mimesis {
namespace {

using nlohmann::json;
constexpr std::size_t kMaxBytes = std::size_t{1} << 30;

// Thrown inside this file only, caught by readClipJsonLines: a key and what is wrong with it.
struct KeyFault {
  std::string key, message;
};

const json& need(const json& obj, const char* key) {
  if (!obj.is_object() || !obj.contains(key)) throw KeyFault{key, "is missing"};
  return obj[key];
}

double number(const json& v, const std::string& key) {
  if (!v.is_number()) throw KeyFault{key, "must be a number"};
  const double d = v.get<double>();
  if (!std::isfinite(d)) throw KeyFault{key, "must be finite"};
  return d;
}

std::string text(const json& v, const std::string& key) {
  if (!v.is_string()) throw KeyFault{key, "must be a string"};
  return v.get<std::string>();
}

std::vector<std::string> texts(const json& v, const std::string& key) {
  if (!v.is_array()) throw KeyFault{key, "must be an array"};
  std::vector<std::string> out;
  for (const json& e : v) out.push_back(text(e, key));
  return out;
}

std::vector<int> ints(const json& v, const std::string& key) {
  if (!v.is_array()) throw KeyFault{key, "must be an array"};
  std::vector<int> out;
  for (const json& e : v) {
    if (!e.is_number_integer()) throw KeyFault{key, "must hold integers"};
    const auto i = e.get<std::int64_t>();
    if (i < -1 || i > 1'000'000) throw KeyFault{key, "holds an index out of range"};
    out.push_back(static_cast<int>(i));
  }
  return out;
}

// [x,y,z] or [x,y,z,w] of floats, or null (then `present` is false).
template <std::size_t N>
bool floats(const json& v, const std::string& key, float (&out)[N]) {
  if (v.is_null()) return false;
  if (!v.is_array() || v.size() != N) throw KeyFault{key, "must be null or an array of " + std::to_string(N) + " numbers"};
  for (std::size_t i = 0; i < N; ++i) {
    out[i] = static_cast<float>(number(v[i], key));
    if (!std::isfinite(out[i])) throw KeyFault{key, "is out of range"};
  }
  return true;
}

void pose(const json& obj, const std::string& key, Pose& p) {
  float pos[3], rot[4];
  if (floats(need(obj, "p"), key + ".p", pos)) p.position = {pos[0], pos[1], pos[2]};
  if (floats(need(obj, "q"), key + ".q", rot)) p.orientation = glm::quat(rot[3], rot[0], rot[1], rot[2]);
}

JointPose joint(const json& v, const std::string& key) {
  if (!v.is_object()) throw KeyFault{key, "must be an object"};
  JointPose j;
  pose(v, key, j.pose);
  const json& r = need(v, "radius");
  if (!r.is_null()) j.radius = static_cast<float>(number(r, key + ".radius"));
  const json& fl = need(v, "flags");
  if (!fl.is_number_unsigned() || fl.get<std::uint64_t>() > 0xFF) throw KeyFault{key + ".flags", "must be a byte"};
  j.flags = static_cast<std::uint8_t>(fl.get<std::uint64_t>());
  return j;
}

void readHeader(const json& h, Clip& clip) {
  if (!h.is_object() || h.value("format", std::string()) != "mimesis-clip")
    throw KeyFault{"format", "must be \"mimesis-clip\" (not a mimesis clip JSON Lines file)"};
  if (!need(h, "version").is_number_integer() || h["version"].get<int>() != 1) throw KeyFault{"version", "must be 1"};
  const json& info = need(h, "info");
  clip.info.name = text(need(info, "name"), "info.name");
  clip.info.source = text(need(info, "source"), "info.source");
  clip.info.sourceFormat = text(need(info, "sourceFormat"), "info.sourceFormat");
  clip.info.rigMap = text(need(info, "rigMap"), "info.rigMap");
  clip.info.filledJoints = texts(need(info, "filledJoints"), "info.filledJoints");
  clip.rate = number(need(h, "rate"), "rate");
  const std::vector<std::string> hands = texts(need(h, "handJoints"), "handJoints");
  if (hands.size() != static_cast<std::size_t>(kHandJointCount)) throw KeyFault{"handJoints", "must name 26 joints"};
  for (int j = 0; j < kHandJointCount; ++j)
    if (hands[static_cast<std::size_t>(j)] != handJointName(j)) throw KeyFault{"handJoints", "are not the OpenXR joints in order"};
  const json& sk = need(h, "skeleton");
  clip.body.name = text(need(sk, "name"), "skeleton.name");
  clip.body.joints = texts(need(sk, "joints"), "skeleton.joints");
  clip.body.parents = ints(need(sk, "parents"), "skeleton.parents");
  const json& groups = need(sk, "groups");
  if (!groups.is_array()) throw KeyFault{"skeleton.groups", "must be an array"};
  for (const json& g : groups) {
    JointGroup jg{text(need(g, "name"), "skeleton.groups.name"), ints(need(g, "joints"), "skeleton.groups.joints")};
    for (const int j : jg.joints)
      if (j < 0 || j >= clip.body.jointCount()) throw KeyFault{"skeleton.groups.joints", "holds a joint out of range"};
    clip.body.groups.push_back(std::move(jg));
  }
  const json& segs = need(h, "segments");
  if (!segs.is_array()) throw KeyFault{"segments", "must be an array"};
  for (const json& s : segs)
    clip.segments.push_back(Segment{text(need(s, "name"), "segments.name"), number(need(s, "start"), "segments.start"),
                                    number(need(s, "end"), "segments.end")});
  const json& anns = need(h, "annotations");
  if (!anns.is_array()) throw KeyFault{"annotations", "must be an array"};
  for (const json& a : anns)
    clip.annotations.push_back(Annotation{text(need(a, "kind"), "annotations.kind"), number(need(a, "start"), "annotations.start"),
                                          number(need(a, "end"), "annotations.end"), number(need(a, "value"), "annotations.value"),
                                          text(need(a, "text"), "annotations.text")});
}

Frame readFrame(const json& v, std::size_t bodyJoints) {
  if (!v.is_object()) throw KeyFault{"frame", "must be an object"};
  Frame f;
  f.time = number(need(v, "time"), "time");
  for (Hand hand : {Hand::Left, Hand::Right}) {
    const std::string key(handName(hand));
    const json& h = need(v, key.c_str());
    if (h.is_null()) continue;
    const json& joints = need(h, "joints");
    if (!joints.is_array() || joints.size() != static_cast<std::size_t>(kHandJointCount))
      throw KeyFault{key + ".joints", "must be an array of 26 joints"};
    HandPose& hp = f.hand(hand);
    hp.active = true;
    for (int j = 0; j < kHandJointCount; ++j)
      hp.joints[static_cast<std::size_t>(j)] = joint(joints[static_cast<std::size_t>(j)], key + "." + std::string(handJointName(j)));
  }
  const json& head = need(v, "head");
  if (!head.is_null()) {
    float pos[3], rot[4];
    if (!floats(need(head, "p"), "head.p", pos) || !floats(need(head, "q"), "head.q", rot))
      throw KeyFault{"head", "needs both p and q"};
    f.hasHead = true;
    f.head = Pose{{pos[0], pos[1], pos[2]}, glm::quat(rot[3], rot[0], rot[1], rot[2])};
  }
  const json& body = need(v, "body");
  if (!body.is_array() || body.size() != bodyJoints)
    throw KeyFault{"body", "must hold " + std::to_string(bodyJoints) + " joints (the skeleton's)"};
  f.body.reserve(bodyJoints);
  for (std::size_t b = 0; b < bodyJoints; ++b) f.body.push_back(joint(body[b], "body." + std::to_string(b)));
  return f;
}

}  // namespace

Result<Clip> readClipJsonLines(const std::string& path) {
  auto all = detail::readTextFile(path, kMaxBytes);
  if (!all) return all.error();
  const std::string_view t = *all;
  Clip clip;
  bool haveHeader = false;
  std::size_t declared = 0;
  int lineNo = 0;
  std::size_t pos = 0;
  while (pos < t.size()) {
    std::size_t end = t.find('\n', pos);
    if (end == std::string_view::npos) end = t.size();
    const std::string_view line = t.substr(pos, end - pos);
    pos = end + 1;
    ++lineNo;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const std::string where = path + ":" + std::to_string(lineNo);
    const json v = json::parse(line.begin(), line.end(), nullptr, false);
    if (v.is_discarded()) return makeError(ErrorCode::BadInput, "not a JSON value", where);
    try {
      if (!haveHeader) {
        readHeader(v, clip);
        const json& n = need(v, "frames");
        if (!n.is_number_unsigned()) throw KeyFault{"frames", "must be a count"};
        declared = n.get<std::size_t>();
        haveHeader = true;
        continue;
      }
      clip.frames.push_back(readFrame(v, clip.body.joints.size()));
    } catch (const KeyFault& k) {
      return makeError(ErrorCode::BadInput, "key '" + k.key + "' " + k.message, where);
    }
  }
  if (!haveHeader) return makeError(ErrorCode::BadInput, "empty file (no header line)", path);
  if (clip.frames.size() != declared)
    return makeError(ErrorCode::BadInput, "the header declares " + std::to_string(declared) + " frames, the file has " +
                                              std::to_string(clip.frames.size()) + " (cut short?)",
                     path);
  if (Status s = validateClip(clip, path); !s) return s.error();
  return clip;
}

}  // namespace mimesis
