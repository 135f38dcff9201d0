// The project's own corpus (corpus/*.txt with corpus/*.json, documents the
// team wrote in the layouts councils use): each document through the whole
// pipeline, compared field by field with its expected record.
//
// Per document: the record has the SPEC's shape and key order, and no
// session-level scalar (date, place, president, counts...) is wrong — a
// value is right or null, never invented. Over the corpus: the session-level
// fields, the acts' fields and the count of acts per file reach the floors
// in tests/corpus_floors.json (raise them as the extractor improves; never
// lower them to pass).
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

std::vector<std::string> Stems() {
  std::vector<std::string> stems;
  for (const auto& e : fs::directory_iterator(kCorpus)) {
    if (e.path().extension() == ".txt" && fs::exists(fs::path(e.path()).replace_extension(".json")))
      stems.push_back(e.path().stem().string());
  }
  std::sort(stems.begin(), stems.end());
  return stems;
}

Json ReadJson(const fs::path& p) {
  std::ifstream in(p);
  return Json::parse(in);
}

Json Extract(const std::string& stem) {
  PipelineOptions options;
  options.today = "2026-11-28";
  FileOutcome out = ExtractFile((kCorpus / (stem + ".txt")).string(), stem + ".txt",
                                PatternSet::Builtin(), options);
  if (!out.record) return Json();
  return Json::parse(RecordToJson(*out.record).dump());
}

std::string Report(const testing::Comparison& c) {
  std::string s;
  for (const std::string& d : c.differences) s += "  " + d + "\n";
  return s;
}

// One line a field: agreed, wrong, missed, F1.
std::string Table(const testing::Comparison& c) {
  std::string table;
  for (const auto& [field, t] : c.fields) {
    char line[160];
    std::snprintf(line, sizeof line, "  %-28s agreed %4d wrong %3d missed %3d  F1 %.3f\n",
                  field.c_str(), t.agreed, t.wrong, t.missed, t.f1());
    table += line;
  }
  return table;
}

class CorpusDocument : public ::testing::TestWithParam<std::string> {};

TEST_P(CorpusDocument, HasTheSpecShapeAndOrder) {
  Json expected = ReadJson(kCorpus / (GetParam() + ".json"));
  Json actual = Extract(GetParam());
  ASSERT_TRUE(actual.is_object()) << "no record for " << GetParam();
  std::vector<std::string> want, got;
  for (auto it = expected.begin(); it != expected.end(); ++it) want.push_back(it.key());
  for (auto it = actual.begin(); it != actual.end(); ++it) {
    if (it.key() != "source") got.push_back(it.key());
  }
  // nlohmann::json sorts keys; the writer's order is checked on the text.
  std::string text = RecordToJson(*ExtractFile((kCorpus / (GetParam() + ".txt")).string(), "x",
                                               PatternSet::Builtin(), {})
                                       .record)
                         .dump();
  size_t last = 0;
  for (const char* key :
       {"\"schema_version\"", "\"source\"", "\"authority\"", "\"assembly\"", "\"session\"",
        "\"president\"", "\"secretary\"", "\"attendance\"", "\"quorum\"", "\"deliberations\"",
        "\"signed\"", "\"prefecture\"", "\"warnings\""}) {
    size_t at = text.find(key);
    ASSERT_NE(at, std::string::npos) << key;
    EXPECT_GT(at, last) << key << " out of the SPEC's order";
    last = at;
  }
  std::sort(want.begin(), want.end());
  std::sort(got.begin(), got.end());
  EXPECT_EQ(want, got);
}

TEST_P(CorpusDocument, NoSessionValueIsWrong) {
  Json expected = ReadJson(kCorpus / (GetParam() + ".json"));
  Json actual = Extract(GetParam());
  testing::Comparison c = testing::CompareSession(expected, actual);
  std::string wrong;
  for (const auto& [field, tally] : c.fields) {
    bool list = field == "attendance.present" || field == "attendance.excused" ||
                field == "attendance.absent" || field == "attendance.represented";
    if (!list && tally.wrong > 0) wrong += field + " ";
  }
  EXPECT_TRUE(wrong.empty()) << GetParam() << ": wrong " << wrong << "\n" << Report(c);
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusDocument, ::testing::ValuesIn(Stems()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string n = info.param;
                           for (char& ch : n) {
                             if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           }
                           return n;
                         });

TEST(Corpus, HasAtLeastThirtyDocumentsWithExpectedRecords) { EXPECT_GE(Stems().size(), 30u); }

TEST(Corpus, SessionFieldsReachTheirFloors) {
  Json floors = ReadJson(fs::path(DELIBEX_SOURCE_DIR) / "tests" / "corpus_floors.json");
  testing::Comparison all;
  for (const std::string& stem : Stems()) {
    all.Merge(testing::CompareSession(ReadJson(kCorpus / (stem + ".json")), Extract(stem)));
  }
  std::string table = Table(all);
  testing::Tally total = all.Total();
  double min_f1 = floors["session"]["min_f1"].get<double>();
  double min_p = floors["session"]["min_precision"].get<double>();
  EXPECT_GE(total.f1(), min_f1) << table;
  EXPECT_GE(total.precision(), min_p) << table;
  std::printf("corpus session-level micro-F1 %.4f precision %.4f\n%s", total.f1(),
              total.precision(), table.c_str());
}

TEST(Corpus, ActFieldsReachTheirFloors) {
  Json floors = ReadJson(fs::path(DELIBEX_SOURCE_DIR) / "tests" / "corpus_floors.json");
  testing::Comparison all;
  int files = 0, counted_right = 0;
  for (const std::string& stem : Stems()) {
    Json expected = ReadJson(kCorpus / (stem + ".json"));
    Json actual = Extract(stem);
    ++files;
    counted_right += expected["deliberations"].size() == actual["deliberations"].size();
    all.Merge(testing::CompareActs(expected, actual));
  }
  std::string table = Table(all);
  testing::Tally total = all.Total();
  double share = files ? double(counted_right) / files : 0;
  EXPECT_GE(total.f1(), floors["acts"]["min_f1"].get<double>()) << table;
  EXPECT_GE(total.precision(), floors["acts"]["min_precision"].get<double>()) << table;
  EXPECT_GE(share, floors["acts"]["min_files_counted_right"].get<double>()) << table;
  std::printf("corpus acts micro-F1 %.4f precision %.4f, acts counted right in %d/%d files\n%s",
              total.f1(), total.precision(), counted_right, files, table.c_str());
}

}  // namespace
}  // namespace delibex
