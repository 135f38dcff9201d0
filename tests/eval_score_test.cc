// eval/score: the port of ../shared/tools/score.py. The expected values were
// computed with score.py itself (fold, token_f1, name matching) or by hand
// from its rules (a document's tally). tests/eval_check.py compares whole
// outputs of both on real corpora.
#include "eval/score.h"

#include <gtest/gtest.h>

namespace delibex::eval {
namespace {

using Json = nlohmann::json;

TEST(EvalScoreTest, FoldIsScorePysFold) {
  struct Case {
    const char* in;
    const char* folded;
  };
  for (const Case& c :
       {Case{"Élisabeth  DOINEAU", "elisabeth doineau"}, Case{"L’an deux mille", "l an deux mille"},
        Case{"Œuvre – n°2_bis", "œuvre n 2_bis"}, Case{"ﬁnances ²", "finances 2"},
        Case{"İstanbul", "istanbul"}, Case{"  ", ""},
        Case{"Jean-Pierre   O'Neil", "jean pierre o neil"}}) {
    EXPECT_EQ(FoldText(c.in), c.folded) << c.in;
  }
}

TEST(EvalScoreTest, PyStrPrintsJsonValuesAsPython) {
  EXPECT_EQ(PyStr(Json(true)), "True");
  EXPECT_EQ(PyStr(Json(21)), "21");
  EXPECT_EQ(PyStr(Json(21.0)), "21.0");
  EXPECT_EQ(PyStr(Json("7.5")), "7.5");
  EXPECT_EQ(PyStr(Json()), "None");
}

TEST(EvalScoreTest, TokenF1IsScorePys) {
  EXPECT_DOUBLE_EQ(TokenF1("Tarifs de la cantine scolaire", "tarifs cantine scolaire 2024"),
                   0.6666666666666665);
  EXPECT_EQ(TokenF1("", "x"), 0.0);
  EXPECT_EQ(TokenF1("a b", "c d"), 0.0);
  EXPECT_EQ(TokenF1("Le Conseil", "le conseil"), 1.0);
}

TEST(EvalScoreTest, PrfOfEmptyCounts) {
  Prf p = PrfOf({});
  EXPECT_EQ(p.precision, 1.0);
  EXPECT_EQ(p.recall, 1.0);
  EXPECT_EQ(p.f1, 1.0);
  p = PrfOf({0, 2, 0});
  EXPECT_EQ(p.precision, 0.0);
  EXPECT_EQ(p.f1, 0.0);
}

TEST(EvalScoreTest, ADocumentsTallyFollowsTheRules) {
  Json gold = Json::parse(R"({
    "authority": {"name": "Commune de Saint-Martin", "kind": "commune", "siren": null},
    "assembly": "conseil de communauté",
    "session": {"date": "2024-05-14", "time": null, "place": null},
    "president": {"civility": "M.", "name": "Gérard PONSOLLE"},
    "attendance": {"in_office": 11, "present": [{"name": "Jean DUPONT"}, {"name": "Anne MOREAU"}],
                   "represented": [{"name": "Paul ROUX", "proxy": {"name": "Anne MOREAU"}}],
                   "excused": [], "absent": []},
    "deliberations": [{"number": "2024-21", "title": "Tarifs de la cantine scolaire",
                       "visas": [], "articles": [], "vote": {"mode": "unanimity", "for": 10}}]
  })");
  Json pred = Json::parse(R"({
    "authority": {"name": "SAINT-MARTIN", "kind": "commune", "siren": "213102981"},
    "assembly": "conseil communautaire",
    "session": {"date": "2024-05-14", "time": "19:30", "place": null},
    "president": {"civility": null, "name": "M. PONSOLLE"},
    "attendance": {"in_office": "11", "present": [{"name": "DUPONT Jean"}, {"name": "X"}],
                   "represented": [{"name": "Paul ROUX", "proxy": {"name": "Jean DUPONT"}}],
                   "excused": [], "absent": []},
    "deliberations": [{"number": "2024 21", "title": "Tarifs cantine",
                       "visas": [], "articles": [], "vote": {"mode": "unanimity", "for": 9}},
                      {"number": "2024-22", "title": null, "vote": {}}]
  })");
  Tally t = ScoreDocument(gold, pred);
  auto counts = [&](const std::string& f) {
    const Counts& c = t.fields.at(f);
    return std::vector<long>{c.tp, c.fp, c.fn};
  };
  using V = std::vector<long>;
  EXPECT_EQ(counts("authority.name"), (V{1, 0, 0}));   // generic words dropped
  EXPECT_EQ(counts("authority.siren"), (V{0, 1, 0}));  // null in gold
  EXPECT_EQ(counts("assembly"), (V{1, 0, 0}));         // a synonym
  EXPECT_EQ(counts("session.time"), (V{0, 1, 0}));
  EXPECT_EQ(t.fields.count("session.place"), 0u);             // null in both: not counted
  EXPECT_EQ(counts("president"), (V{1, 0, 0}));               // a civility is no name word
  EXPECT_EQ(counts("attendance.in_office"), (V{1, 0, 0}));    // str(11) == "11"
  EXPECT_EQ(counts("attendance.present"), (V{1, 1, 1}));      // words in any order
  EXPECT_EQ(counts("attendance.represented"), (V{0, 1, 1}));  // the proxy differs
  EXPECT_EQ(counts("attendance.excused"), (V{0, 0, 0}));      // listed, not counted
  EXPECT_EQ(counts("deliberations.count"), (V{0, 1, 1}));
  EXPECT_EQ(counts("deliberation.number"), (V{1, 1, 0}));  // folded equal; the extra act's: fp
  EXPECT_EQ(counts("deliberation.title"), (V{0, 1, 1}));   // token F1 0.57 < 0.8
  EXPECT_EQ(counts("vote.mode"), (V{1, 0, 0}));
  EXPECT_EQ(counts("vote.for"), (V{0, 1, 1}));
}

TEST(EvalScoreTest, NoPredictionMissesEveryGoldValue) {
  Json gold = Json::parse(R"({"assembly": "bureau", "deliberations": []})");
  std::vector<ScoredPair> pairs = {{"a", gold, Json()},
                                   {"b", gold, Json::parse(R"({"error": {"code": "io"}})")},
                                   {"c", gold, gold}};
  Report r = ScoreCorpus(pairs, std::nullopt);
  ASSERT_EQ(r.documents.size(), 3u);
  EXPECT_FALSE(r.documents[0].predicted);
  EXPECT_FALSE(r.documents[1].predicted);
  EXPECT_TRUE(r.documents[2].predicted);
  EXPECT_EQ(r.total.fields.at("assembly").fn, 2);
  EXPECT_EQ(r.total.fields.at("assembly").tp, 1);
  std::string text = FormatReport(r, true);
  EXPECT_NE(text.find("doc a: F1 0.667  (no prediction)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("documents 3, without a usable prediction 2\n"), std::string::npos);
  EXPECT_EQ(text.substr(text.rfind("micro-F1")), "micro-F1 0.8000\n");
  Report only = ScoreCorpus(pairs, std::vector<std::string>{"deliberations"});
  EXPECT_EQ(only.total.fields.count("assembly"), 0u);
  EXPECT_EQ(only.total.fields.count("deliberations.count"), 1u);
}

}  // namespace
}  // namespace delibex::eval
