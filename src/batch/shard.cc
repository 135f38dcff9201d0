#include "batch/shard.h"

#include <charconv>
#include <cstdint>
#include <string>

#include "pipeline/pipeline.h"

namespace delibex::batch {
namespace {

bool ParseUnsigned(std::string_view s, unsigned* out) {
  if (s.empty() || s.size() > 9) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

}  // namespace

Result<Shard> ParseShard(std::string_view spec) {
  size_t slash = spec.find('/');
  Shard s;
  if (slash == std::string_view::npos || !ParseUnsigned(spec.substr(0, slash), &s.index) ||
      !ParseUnsigned(spec.substr(slash + 1), &s.count)) {
    return Error("usage", "--shard takes K/N (shard K of N, counted from 0), not '" +
                              std::string(spec) + "'");
  }
  if (s.count < 1 || s.count > kMaxShards) {
    return Error("usage", "--shard K/N: N must be from 1 to " + std::to_string(kMaxShards));
  }
  if (s.index >= s.count) {
    return Error("usage", "--shard K/N: K must be from 0 to N-1 (" + std::to_string(s.count - 1) +
                              "), not " + std::to_string(s.index));
  }
  return s;
}

unsigned ShardOf(std::string_view relative_path, unsigned count) {
  std::string hex = Sha256(relative_path);
  uint64_t v = 0;
  for (size_t i = 0; i < 16 && i < hex.size(); ++i) {
    char c = hex[i];
    v = (v << 4) | static_cast<uint64_t>(c <= '9' ? c - '0' : c - 'a' + 10);
  }
  return static_cast<unsigned>(v % count);
}

}  // namespace delibex::batch
