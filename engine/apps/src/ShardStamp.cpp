// Shard stamps: small JSON files written atomically beside a shard's results.
#include "ShardStamp.hpp"

#include <fmt/core.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "mimesis/core/Crc32.hpp"

namespace mimesis::app {

std::string stampPathFor(const std::string& resultsPath) { return resultsPath + ".shard.json"; }

Status writeStamp(const std::string& resultsPath, const ShardStamp& s) {
  // nlohmann::json keeps keys sorted: the same stamp is the same bytes.
  const nlohmann::json j = {{"kind", s.kind},         {"shard", fmt::format("{}/{}", s.index, s.count)},
                            {"index", s.index},       {"count", s.count},
                            {"rows", s.rows},         {"manifest", s.manifest},
                            {"fingerprint", s.fingerprint}, {"options", s.options},
                            {"summary", s.summary},   {"complete", s.complete},
                            {"written", s.written},   {"failed", s.failed}};
  const std::string path = stampPathFor(resultsPath);
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return makeError(ErrorCode::Io, "cannot write the shard stamp", tmp);
    out << j.dump(2) << '\n';
    out.close();
    if (!out) return makeError(ErrorCode::Io, "write failed", tmp);
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return makeError(ErrorCode::Io, "cannot rename the shard stamp into place: " + ec.message(), path);
  return okStatus();
}

Result<ShardStamp> readStamp(const std::string& resultsPath) {
  const std::string path = stampPathFor(resultsPath);
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return makeError(ErrorCode::BadInput,
                     "not a shard of a batch: no stamp " + path +
                         " beside it (score/lesson --batch --shard I/N with N > 1 writes one)",
                     resultsPath);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return makeError(ErrorCode::BadInput, "the shard stamp is not a JSON object", path);
  ShardStamp s;
  // Every key is required: a stamp from another tool or version is refused, not half-read.
  auto need = [&](const char* key, auto& field) -> Status {
    using T = std::decay_t<decltype(field)>;
    const auto it = j.find(key);
    bool typed = false;
    if (it != j.end()) {
      if constexpr (std::is_same_v<T, std::string>) typed = it->is_string();
      else if constexpr (std::is_same_v<T, bool>) typed = it->is_boolean();
      else typed = it->is_number_unsigned();
    }
    if (!typed) return makeError(ErrorCode::BadInput, "missing or mistyped key", path + ": key '" + key + "'");
    field = it->get<T>();
    return okStatus();
  };
  for (const Status& st : {need("kind", s.kind), need("index", s.index), need("count", s.count), need("rows", s.rows),
                           need("manifest", s.manifest), need("fingerprint", s.fingerprint),
                           need("options", s.options), need("summary", s.summary), need("complete", s.complete),
                           need("written", s.written), need("failed", s.failed)})
    if (!st) return st.error();
  if (s.kind != "score" && s.kind != "lesson")
    return makeError(ErrorCode::BadInput, "kind must be score or lesson, got '" + s.kind + "'", path + ": key 'kind'");
  if (s.count < 2 || s.index >= s.count)
    return makeError(ErrorCode::BadInput, fmt::format("shard {}/{} is not I/N with 0 <= I < N, N > 1", s.index, s.count),
                     path + ": key 'index'");
  return s;
}

std::string manifestFingerprint(const std::vector<std::vector<std::string>>& rows) {
  std::uint32_t crc = 0;
  // Unit and record separators keep ("ab","c") and ("a","bc") apart.
  constexpr char kUnit = '\x1f', kRecord = '\x1e';
  for (const std::vector<std::string>& row : rows) {
    for (const std::string& field : row) {
      crc = crc32c(field.data(), field.size(), crc);
      crc = crc32c(&kUnit, 1, crc);
    }
    crc = crc32c(&kRecord, 1, crc);
  }
  return fmt::format("{:08x}", crc);
}

std::string fileFingerprint(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "unreadable";
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return fmt::format("{:08x}", crc32c(bytes.data(), bytes.size()));
}

}  // namespace mimesis::app
