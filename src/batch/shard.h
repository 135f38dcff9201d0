// batch/shard: a deterministic share of a batch's inputs, for running one
// batch as N jobs (`delibex extract --shard K/N`, a Slurm job array).
//
// An input belongs to shard ShardOf(path, N), where path is its path relative
// to the root it was found under (its `source.file`): the first 8 bytes of
// the SHA-256 of the path's bytes, read big-endian, modulo N. That depends on
// nothing but the path and N, so it is the same on every machine and in every
// run, and the N shards of a batch hold each input exactly once. To find an
// input's shard by hand:
//   python3 -c 'import hashlib,sys; print(int.from_bytes(hashlib.sha256(
//       sys.argv[1].encode()).digest()[:8], "big") % int(sys.argv[2]))' PATH N
//
// It is not a balancer: shards hold about the same number of inputs, not the
// same number of pages. Pure functions, thread-safe.
#pragma once

#include <string_view>

#include "core/status.h"

namespace delibex::batch {

struct Shard {
  unsigned index = 0;  // K, 0 <= K < count
  unsigned count = 1;  // N >= 1
};

// "K/N" with N from 1 to kMaxShards and 0 <= K < N (decimal digits only).
// Error code "usage" with a message naming the problem otherwise.
constexpr unsigned kMaxShards = 1000000;
Result<Shard> ParseShard(std::string_view spec);

// REQUIRES: count >= 1.
unsigned ShardOf(std::string_view relative_path, unsigned count);

inline bool InShard(std::string_view relative_path, const Shard& shard) {
  return ShardOf(relative_path, shard.count) == shard.index;
}

}  // namespace delibex::batch
