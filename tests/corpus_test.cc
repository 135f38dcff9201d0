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

#include "core/text.h"
#include "ingest/ingest.h"
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
    // provenance is an added field, checked by ProvenancePointsAtTheValues.
    if (it.key() != "source" && it.key() != "provenance") got.push_back(it.key());
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
        "\"signed\"", "\"prefecture\"", "\"warnings\"", "\"provenance\""}) {
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

// The code points [begin, end) of a UTF-8 text.
std::string CodePointSlice(const std::string& s, size_t begin, size_t end) {
  size_t cp = 0, b = std::string::npos, e = s.size();
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (cp == begin) b = i;
    if (cp == end) {
      e = i;
      break;
    }
    ++cp;
  }
  return b == std::string::npos ? "" : s.substr(b, e - b);
}

// Every provenance entry points, on its page, at text that prints the value:
// a person's name (or surname), an act's number, a count's digits, a date
// (its day, in figures or words). Fields that always have a place when they
// have a value have one.
TEST_P(CorpusDocument, ProvenancePointsAtTheValues) {
  const std::string path = (kCorpus / (GetParam() + ".txt")).string();
  Result<Document> doc = IngestFile(path, {});
  ASSERT_TRUE(doc.ok());
  Json r = Extract(GetParam());
  ASSERT_TRUE(r.contains("provenance"));
  const Json& prov = r["provenance"];
  for (const char* field : {"session.date", "attendance.in_office", "president"}) {
    const Json& v = std::string(field) == "session.date"           ? r["session"]["date"]
                    : std::string(field) == "attendance.in_office" ? r["attendance"]["in_office"]
                                                                   : r["president"];
    if (!v.is_null() && (!v.is_object() || v["name"] != "")) {
      // A president named only through a role ("Le Maire ouvre la séance")
      // may be printed nowhere in the session part.
      if (std::string(field) != "president") {
        EXPECT_TRUE(prov.contains(field)) << field;
      }
    }
  }
  for (auto it = prov.begin(); it != prov.end(); ++it) {
    const std::string field = it.key();
    const Json& p = it.value();
    int page = p["page"].get<int>();
    ASSERT_GE(page, 1) << field;
    ASSERT_LE(page, static_cast<int>(doc.value().pages.size())) << field;
    size_t b = p["span"][0].get<size_t>(), e = p["span"][1].get<size_t>();
    ASSERT_LT(b, e) << field;
    std::string printed = Fold(CodePointSlice(doc.value().pages[page - 1].text, b, e));
    ASSERT_FALSE(printed.empty()) << field;
    auto person = [&](const Json& x) {
      std::string name = Fold(x["name"].get<std::string>());
      EXPECT_NE(name.find(printed), std::string::npos)
          << field << ": " << printed << " is not part of " << name;
    };
    if (field.rfind("attendance.represented[", 0) == 0) {
      size_t i = std::stoul(field.substr(field.find('[') + 1));
      person(r["attendance"]["represented"][i]);
    } else if (field.rfind("attendance.", 0) == 0 && field.find('[') != std::string::npos) {
      std::string list = field.substr(11, field.find('[') - 11);
      size_t i = std::stoul(field.substr(field.find('[') + 1));
      person(r["attendance"][list][i]);
    } else if (field == "president" || field == "secretary") {
      person(r[field]);
    } else if (field == "attendance.in_office" || field == "quorum.required") {
      const Json& v =
          field == "quorum.required" ? r["quorum"]["required"] : r["attendance"]["in_office"];
      if (printed[0] >= '0' && printed[0] <= '9') {
        EXPECT_EQ(std::stoi(printed), v.get<int>()) << field;
      }
    } else if (field == "session.date") {
      // The day of the month, in figures or in words, is printed there.
      int day = std::stoi(r["session"]["date"].get<std::string>().substr(8));
      bool figures = printed.find(std::to_string(day)) != std::string::npos;
      EXPECT_TRUE(figures || printed.find(' ') != std::string::npos) << field << ": " << printed;
    } else if (field.size() > 7 && field.substr(field.size() - 7) == ".number") {
      size_t i = std::stoul(field.substr(14));
      EXPECT_EQ(printed, Fold(r["deliberations"][i]["number"].get<std::string>())) << field;
    }
  }
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
