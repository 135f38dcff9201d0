// What the fuzzers of fuzz/ found, each minimal input kept in
// tests/data/fuzz/ (named after what it shows) and run here as the fuzz
// targets run it: bytes -> IngestBytes (OCR off, pages over 200 x 200
// pixels refused, at most 8 PDF pages) -> ExtractDocument -> JSON. None may
// throw (but PatternLimitError, which the CLI turns into a `pattern-limit`
// error record), crash under ASan/UBSan, or take long.
//   text-stamp-without-act-id.txt   a file-level @CTES stamp and an act
//       whose own stamp has no identifier: NumberLike read the missing
//       identifier (an empty optional) -> UBSan, garbage memory.
//   image-tiff-page-chain-loop.tif  a TIFF whose chain of pages loops:
//       Leptonica's multipage reader never ended (and grew memory).
//   image-png-chunk-longer-than-file.png  a 266-byte PNG whose text chunk
//       declares 1.8 GB: libpng allocated it before reading (out of memory
//       under libFuzzer's limit).
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "ingest/ingest.h"
#include "output/json_writer.h"
#include "patterns/pattern_set.h"
#include "pipeline/pipeline.h"

namespace delibex {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(FuzzRegressionTest, FindingsRunCleanly) {
  auto patterns = PatternSet::Load(PatternSet::BuiltinSources());
  ASSERT_TRUE(patterns.ok());
  IngestOptions options;
  options.scan.ocr = false;
  options.scan.jobs = 1;
  options.scan.max_pages = 8;
  options.scan.max_pixels = 200 * 200;
  fs::path dir = fs::path(DELIBEX_SOURCE_DIR) / "tests/data/fuzz";
  int seen = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    SCOPED_TRACE(entry.path().filename().string());
    ++seen;
    std::string bytes = ReadFile(entry.path());
    auto start = std::chrono::steady_clock::now();
    Result<Document> doc = IngestBytes("fuzz", bytes, options);
    if (doc.ok()) {
      try {
        Record r = ExtractDocument(doc.value(), *patterns.value(), "2024-06-30");
        std::string json =
            RecordToJson(r).dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
        EXPECT_FALSE(json.empty());
      } catch (const PatternLimitError&) {
      } catch (const std::exception& e) {
        ADD_FAILURE() << "threw: " << e.what();
      }
    }
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(seconds, 20);
  }
  EXPECT_GE(seen, 3);
}

// The text finding through the CLI's pipeline gives a record, its two acts.
TEST(FuzzRegressionTest, StampWithoutActIdGivesARecord) {
  auto patterns = PatternSet::Load(PatternSet::BuiltinSources());
  ASSERT_TRUE(patterns.ok());
  fs::path file = fs::path(DELIBEX_SOURCE_DIR) / "tests/data/fuzz/text-stamp-without-act-id.txt";
  FileOutcome out = ExtractFile(file.string(), "x.txt", *patterns.value(), PipelineOptions{});
  ASSERT_TRUE(out.record.has_value()) << out.error->code << ": " << out.error->message;
}

}  // namespace
}  // namespace delibex
