// The project's own scans (corpus/scans/: corpus documents rendered as
// scanned pages by ../shared/tools/make-scan, with skew, noise, black and
// white, JPEG; corpus/scans/README.md says how each was made): each one read
// by OCR through the whole pipeline and compared with the expected record of
// the same document (corpus/NAME.json).
//
// Per scan: the record says it came from OCR (media, method, pages, a mean
// confidence), its provenance entries carry a box on the page and a
// confidence, and its fields score at least kScanFloor, and within
// kBelowText of the same document read as text. Over all scans: the
// precision stays at least kScanPrecision (a wrong value costs more than a
// missing one, on scans too).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "output/json_writer.h"
#include "patterns/pattern_set.h"
#include "pipeline/pipeline.h"
#include "record_compare.h"

namespace delibex {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

const fs::path kCorpus = fs::path(DELIBEX_SOURCE_DIR) / "corpus";
constexpr double kScanFloor = 0.80;
constexpr double kBelowText = 0.12;
constexpr double kScanPrecision = 0.95;

std::vector<fs::path> Scans() {
  std::vector<fs::path> scans;
  for (const auto& e : fs::directory_iterator(kCorpus / "scans")) {
    std::string ext = e.path().extension().string();
    if (ext == ".pdf" || ext == ".jpg" || ext == ".png" || ext == ".tif") scans.push_back(e.path());
  }
  std::sort(scans.begin(), scans.end());
  return scans;
}

Json ReadJson(const fs::path& p) {
  std::ifstream in(p);
  return Json::parse(in);
}

Json Extract(const fs::path& path) {
  PipelineOptions options;
  options.today = "2026-11-28";
  options.ingest.scan.jobs = 2;
  FileOutcome out =
      ExtractFile(path.string(), path.filename().string(), PatternSet::Builtin(), options);
  if (!out.record) return Json();
  return Json::parse(RecordToJson(*out.record).dump());
}

testing::Comparison Compare(const Json& expected, const Json& actual) {
  testing::Comparison c = testing::CompareSession(expected, actual);
  c.Merge(testing::CompareActs(expected, actual));
  return c;
}

std::string Differences(const testing::Comparison& c) {
  std::string s;
  for (const std::string& d : c.differences) s += "  " + d + "\n";
  return s;
}

TEST(ScanCorpus, HasScansOfEachKind) {
  std::set<std::string> kinds;
  for (const fs::path& p : Scans()) kinds.insert(p.extension().string());
  EXPECT_EQ(kinds, (std::set<std::string>{".jpg", ".pdf", ".tif"}));
}

TEST(ScanCorpus, EachScanReadsCloseToItsText) {
  testing::Comparison all;
  for (const fs::path& scan : Scans()) {
    SCOPED_TRACE(scan.filename().string());
    std::string stem = scan.stem().string();
    Json expected = ReadJson(kCorpus / (stem + ".json"));
    Json actual = Extract(scan);
    ASSERT_TRUE(actual.is_object()) << "no record";

    const Json& source = actual["source"];
    EXPECT_EQ(source["media"], scan.extension() == ".pdf" ? "pdf" : "image");
    EXPECT_EQ(source["method"], "ocr");
    EXPECT_EQ(source["pages"].get<int>(), scan.extension() == ".tif" ? 2 : 1);
    ASSERT_TRUE(source["ocr_confidence"].is_number());
    EXPECT_GT(source["ocr_confidence"].get<double>(), 70.0);

    // Provenance on a scan: a box on the page and a confidence per field.
    ASSERT_TRUE(actual["provenance"].contains("session.date"));
    for (auto it = actual["provenance"].begin(); it != actual["provenance"].end(); ++it) {
      const Json& p = it.value();
      ASSERT_TRUE(p.contains("box")) << it.key();
      const Json& box = p["box"];
      EXPECT_LT(box[0].get<int>(), box[2].get<int>()) << it.key();
      EXPECT_LT(box[1].get<int>(), box[3].get<int>()) << it.key();
      EXPECT_GE(box[0].get<int>(), 0) << it.key();
      ASSERT_TRUE(p.contains("confidence")) << it.key();
    }

    testing::Comparison c = Compare(expected, actual);
    Json from_text;
    {
      FileOutcome t = ExtractFile((kCorpus / (stem + ".txt")).string(), stem + ".txt",
                                  PatternSet::Builtin(), {});
      ASSERT_TRUE(t.record.has_value());
      from_text = Json::parse(RecordToJson(*t.record).dump());
    }
    double text_f1 = Compare(expected, from_text).Total().f1();
    double f1 = c.Total().f1();
    EXPECT_GE(f1, kScanFloor) << Differences(c);
    EXPECT_GE(f1, text_f1 - kBelowText) << "text " << text_f1 << "\n" << Differences(c);
    std::printf("%-60s scan F1 %.3f (as text %.3f)\n", scan.filename().c_str(), f1, text_f1);
    all.Merge(c);
  }
  EXPECT_GE(all.Total().precision(), kScanPrecision) << Differences(all);
  std::printf("scans: micro-F1 %.4f precision %.4f\n", all.Total().f1(), all.Total().precision());
}

}  // namespace
}  // namespace delibex
