// RecordJsonText (the JSON extract writes, without building the object)
// says byte for byte what RecordToJson(record).dump() says: compact and
// pretty, on a record with every field set and awkward strings, on an empty
// record, and on the records of the project's corpus.
#include <gtest/gtest.h>

#include <filesystem>

#include "output/json_writer.h"
#include "patterns/pattern_set.h"
#include "pipeline/pipeline.h"

namespace delibex {
namespace {

namespace fs = std::filesystem;

void ExpectSameText(const Record& r, const std::string& what) {
  for (bool pretty : {false, true}) {
    std::string want =
        RecordToJson(r).dump(pretty ? 1 : -1, ' ', false, nlohmann::json::error_handler_t::replace);
    EXPECT_EQ(RecordJsonText(r, pretty), want) << what << (pretty ? " (pretty)" : "");
  }
}

Person Named(const char* civility, const char* name, const char* title = nullptr) {
  Person p;
  if (civility) p.civility = civility;
  p.name = name;
  if (title) p.title = title;
  return p;
}

TEST(RecordJsonText, EmptyRecord) { ExpectSameText(Record{}, "empty record"); }

TEST(RecordJsonText, EveryFieldAndAwkwardStrings) {
  Record r;
  r.source.file = "dossier/séance \"mars\".pdf";
  r.source.sha256 = "ab12";
  r.source.media = "pdf";
  r.source.method = "ocr";
  r.source.pages = 3;
  r.source.ocr_confidence = 87.345678;
  r.source.encoding = "windows-1252";
  r.authority.name = "Commune de Saint-Éloi";
  r.authority.kind = "commune";
  r.assembly = "conseil municipal";
  r.session.date = "2024-03-12";
  r.session.place = std::string("salle\tdes\x01 fêtes\\\n\r\b\f\x7f");
  r.president = Named("M.", "Paul ROCHE", "Maire");
  r.attendance.in_office = 15;
  r.attendance.present = {Named("Mme", "Julie MARCHAND"), Named(nullptr, "Luc NOIR")};
  r.attendance.represented.push_back({Named("M.", "Guy PAQUET"), Named("Mme", "Anne ROUX")});
  r.attendance.represented.push_back({Named(nullptr, "Léa BLANC"), std::nullopt});
  r.attendance.absent = {Named(nullptr, std::string("Bad \xC3\x28 byte").c_str())};
  r.quorum.reached = false;
  Act a;
  a.number = "2024-012";
  a.matter = Matter{"7.1", std::nullopt};
  a.title = "Budget « primitif » 2024";
  a.rapporteur = Named("Mme", "Odile VERT");
  a.visas = {"Vu le code", "Vu l'avis"};
  a.articles = {Article{"1", "Le budget est adopté."}, Article{std::nullopt, ""}};
  a.vote.result = "adopted";
  a.vote.votes_for = 12;
  a.vote.against = 0;
  a.vote.named.against = {Named("M.", "Yves FABRE")};
  a.signed_block = Signature{"Saint-Éloi", "2024-03-13", std::nullopt};
  PrefectureStamp stamp;
  stamp.sent = "2024-03-14";
  stamp.simulated = true;
  stamp.act_id = ActId{"raw", "id", "974", "213", "2024-03-12", "12", "DE"};
  a.prefecture = stamp;
  r.deliberations = {a, Act{}};
  r.signed_block = Signature{std::nullopt, std::nullopt, Named("M.", "Paul ROCHE")};
  r.warnings = {Warning{"code-a", "message with \"quotes\""}};
  FieldSource f;
  f.field = "session.date";
  f.page = 1;
  f.page_begin = 10;
  f.page_end = 20;
  f.box = PixelBox{1, 2, 3, 4};
  f.confidence = 91.25;
  r.provenance.push_back(f);
  FieldSource g = f;
  g.field = "attendance.present[0]";
  g.box.reset();
  g.confidence.reset();
  r.provenance.push_back(g);
  // Noted twice: first place, last value.
  f.page_begin = 30;
  f.confidence = 50.04;
  r.provenance.push_back(f);
  ExpectSameText(r, "full record");
}

TEST(RecordJsonText, ProjectCorpus) {
  const fs::path corpus = fs::path(DELIBEX_SOURCE_DIR) / "corpus";
  PipelineOptions options;
  options.today = "2026-11-28";
  int n = 0;
  for (const auto& e : fs::directory_iterator(corpus)) {
    if (e.path().extension() != ".txt") continue;
    FileOutcome out = ExtractFile(e.path().string(), e.path().filename().string(),
                                  PatternSet::Builtin(), options);
    ASSERT_TRUE(out.record) << e.path();
    ExpectSameText(*out.record, e.path().filename().string());
    ++n;
  }
  EXPECT_GT(n, 20);
}

}  // namespace
}  // namespace delibex
