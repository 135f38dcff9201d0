// batch/shard: parsing --shard K/N, and the share each path falls in (the
// expected shards were computed with the formula the header documents, in
// Python's hashlib, independently of delibex).
#include "batch/shard.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace delibex::batch {
namespace {

TEST(ShardTest, ParsesKOfN) {
  struct Case {
    const char* spec;
    bool ok;
    unsigned index, count;
  };
  for (const Case& c : std::vector<Case>{{"0/1", true, 0, 1},
                                         {"3/4", true, 3, 4},
                                         {"99/100", true, 99, 100},
                                         {"4/4", false, 0, 0},
                                         {"0/0", false, 0, 0},
                                         {"1", false, 0, 0},
                                         {"-1/4", false, 0, 0},
                                         {"1/4x", false, 0, 0},
                                         {" 1/4", false, 0, 0},
                                         {"1/", false, 0, 0},
                                         {"/4", false, 0, 0},
                                         {"0/2000000", false, 0, 0},
                                         {"99999999999/4", false, 0, 0}}) {
    SCOPED_TRACE(c.spec);
    Result<Shard> s = ParseShard(c.spec);
    ASSERT_EQ(s.ok(), c.ok);
    if (c.ok) {
      EXPECT_EQ(s.value().index, c.index);
      EXPECT_EQ(s.value().count, c.count);
    } else {
      EXPECT_EQ(s.error().code, "usage");
      EXPECT_NE(s.error().message.find("--shard"), std::string::npos);
    }
  }
}

TEST(ShardTest, ShareIsTheDocumentedHash) {
  EXPECT_EQ(ShardOf("a.txt", 4), 1u);
  EXPECT_EQ(ShardOf("lot-00/00001-x.txt", 4), 2u);
  EXPECT_EQ(ShardOf("registres/1892/page-0017.tif", 100), 86u);
  EXPECT_EQ(ShardOf("é.pdf", 7), 5u);
  EXPECT_EQ(ShardOf("anything", 1), 0u);
}

TEST(ShardTest, SharesCoverEveryPathOnceAndAreBalanced) {
  constexpr unsigned kShards = 4;
  std::vector<int> sizes(kShards, 0);
  for (int i = 0; i < 4000; ++i) {
    std::string path = "lot-" + std::to_string(i / 100) + "/" + std::to_string(i) + ".pdf";
    int in = 0;
    for (unsigned k = 0; k < kShards; ++k) in += InShard(path, Shard{k, kShards});
    EXPECT_EQ(in, 1) << path;
    ++sizes[ShardOf(path, kShards)];
  }
  for (int n : sizes) {
    EXPECT_GT(n, 850);
    EXPECT_LT(n, 1150);
  }
}

}  // namespace
}  // namespace delibex::batch
