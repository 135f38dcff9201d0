// The pattern loader: file format, shared pieces, errors that name file and
// line, and matching with named groups.
#include "patterns/pattern_set.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/pipeline.h"

namespace delibex {
namespace {

// The subjects a pattern is tried on: the whole text, then each line.
std::vector<std::string_view> WholeTextAndLines(std::string_view t) {
  std::vector<std::string_view> subjects = {t};
  for (size_t at = 0; at < t.size();) {
    size_t eol = t.find('\n', at);
    if (eol == std::string_view::npos) eol = t.size();
    subjects.push_back(t.substr(at, eol - at));
    at = eol + 1;
  }
  return subjects;
}

TEST(PatternSet, BuiltinPatternsAllCompile) {
  auto set = PatternSet::Load(PatternSet::BuiltinSources());
  ASSERT_TRUE(set.ok()) << set.error().message;
  EXPECT_GT(set.value()->size(), 20u);
}

TEST(PatternSet, PiecesAreSplicedByName) {
  auto set = PatternSet::Load({{"a.pcre",
                                "# a comment\n"
                                "[define DIGITS]\n  [0-9]+\n"
                                "[number]\n  n° \\s* (?<n>{{DIGITS}})  # the act number\n"}});
  ASSERT_TRUE(set.ok()) << set.error().message;
  Match m;
  ASSERT_TRUE((*set.value())["number"].Find("Délibération n° 42 du conseil", &m));
  EXPECT_EQ(m["n"], "42");
  EXPECT_TRUE(m.has("n"));
  EXPECT_FALSE(m.has("other"));
}

TEST(PatternSet, PiecesOfAnEarlierFileServeALaterOne) {
  auto set = PatternSet::Load(
      {{"common.pcre", "[define YEAR]\n 20[0-9]{2}\n"}, {"b.pcre", "[year]\n (?<y>{{YEAR}})\n"}});
  ASSERT_TRUE(set.ok()) << set.error().message;
  Match m;
  ASSERT_TRUE((*set.value())["year"].Find("le 3 mars 2024", &m));
  EXPECT_EQ(m["y"], "2024");
}

TEST(PatternSet, CompileErrorNamesFileAndLine) {
  auto set = PatternSet::Load({{"patterns/dates.pcre", "# x\n[ok]\n  a\n\n[broken]\n  (abc\n"}});
  ASSERT_FALSE(set.ok());
  EXPECT_EQ(set.error().code, "pattern");
  EXPECT_NE(set.error().message.find("patterns/dates.pcre:6"), std::string::npos)
      << set.error().message;
  EXPECT_NE(set.error().message.find("broken"), std::string::npos);
}

TEST(PatternSet, UnknownPieceIsAnError) {
  auto set = PatternSet::Load({{"x.pcre", "[a]\n {{NOPE}}\n"}});
  ASSERT_FALSE(set.ok());
  EXPECT_NE(set.error().message.find("x.pcre:1"), std::string::npos);
  EXPECT_NE(set.error().message.find("NOPE"), std::string::npos);
}

TEST(PatternSet, DuplicateNamesAndStrayTextAreErrors) {
  EXPECT_FALSE(PatternSet::Load({{"x.pcre", "[a]\n a\n[a]\n b\n"}}).ok());
  EXPECT_FALSE(PatternSet::Load({{"x.pcre", " stray\n[a]\n a\n"}}).ok());
  EXPECT_FALSE(PatternSet::Load({{"x.pcre", "[a]\n\n[b]\n b\n"}}).ok());
}

TEST(PatternSet, CaseIsKeptUnlessThePatternFoldsIt) {
  auto set = PatternSet::Load({{"x.pcre", "[upper]\n MAIRE\n[any]\n (?i:maire)\n"}});
  ASSERT_TRUE(set.ok());
  EXPECT_FALSE((*set.value())["upper"].Contains("le maire"));
  EXPECT_TRUE((*set.value())["any"].Contains("LE MAIRE"));
}

TEST(PatternSet, FindAllStepsOverUtf8AfterEmptyMatches) {
  auto set = PatternSet::Load({{"x.pcre", "[e]\n (?=é)|x*\n"}});
  ASSERT_TRUE(set.ok());
  auto all = (*set.value())["e"].FindAll("aéé");
  for (const Match& m : all) EXPECT_LE(m.end(), std::string("aéé").size());
  EXPECT_GE(all.size(), 2u);
}

// The same answers whichever way the machine code is entered: a subject
// known valid (declared, or checked) goes straight to it, an invalid one and
// a null one through pcre2_match's checks.
TEST(PatternSet, MatchesAlikeOnValidInvalidAndNullSubjects) {
  auto set = PatternSet::Load({{"x.pcre", "[e]\n x*\n[w]\n (?i) pr[ée]sents?\n"}});
  ASSERT_TRUE(set.ok());
  const Pattern& e = (*set.value())["e"];
  const Pattern& w = (*set.value())["w"];
  Match m;
  // A null subject reads as the empty one.
  for (std::string_view empty : {std::string_view(), std::string_view("")}) {
    EXPECT_TRUE(e.Find(empty, &m));
    EXPECT_EQ(m.end(), 0u);
    EXPECT_FALSE(w.Find(empty, &m));
  }
  std::string text = "Étaient PRÉSENTS : A, B";
  EXPECT_TRUE(w.Find(text, &m));
  EXPECT_EQ(m.text(), "PRÉSENTS");
  {
    Utf8Checked valid(text);
    EXPECT_TRUE(w.Find(text, &m, 3));
    EXPECT_EQ(m.begin(), 9u);
    EXPECT_TRUE(w.MatchAt(text, &m, 9));
    EXPECT_TRUE(w.FindBefore(text, &m, 0, 9));
    EXPECT_FALSE(w.FindBefore(text, &m, 0, 8));
  }
  // Not UTF-8 (a byte 0xFF): PCRE2 refuses it whole, match or not.
  EXPECT_FALSE(
      w.Find("présents \xff"
             "x",
             &m));
}

// A cursor gives FindAll's matches one at a time, from any start, empty
// matches and multi-byte characters included, and nothing once they are out.
TEST(PatternSet, MatchCursorGivesFindAllsMatches) {
  auto set = PatternSet::Load({{"x.pcre", "[w]\n (?<w>\\w+) | (?=é)\n"}});
  ASSERT_TRUE(set.ok()) << set.error().message;
  const Pattern& p = (*set.value())["w"];
  const std::string text = "Séance du conseil, élus : é é présents";
  for (size_t start : {size_t{0}, size_t{1}, size_t{7}, size_t{27}, text.size()}) {
    SCOPED_TRACE(start);
    std::vector<std::pair<size_t, size_t>> all, one_by_one;
    for (const Match& m : p.FindAll(text, start)) all.push_back({m.begin(), m.end()});
    MatchCursor cursor(p, text, start);
    Match m;
    while (cursor.Next(&m)) one_by_one.push_back({m.begin(), m.end()});
    EXPECT_EQ(one_by_one, all);
    EXPECT_FALSE(cursor.Next(&m));
  }
  EXPECT_GE(p.FindAll(text).size(), 7u);
}

// A buffer reused with new bytes is checked again: invalid UTF-8 where a
// valid subject was finds nothing (PCRE2 refuses it), whatever the address.
TEST(PatternSet, InvalidUtf8FindsNothingInAReusedBuffer) {
  auto set = PatternSet::Load({{"x.pcre", "[b]\n b\n"}});
  ASSERT_TRUE(set.ok()) << set.error().message;
  const Pattern& p = (*set.value())["b"];
  std::string buffer = "ab";
  Match m;
  for (int round = 0; round < 2; ++round) {
    buffer[0] = 'a';
    EXPECT_TRUE(p.Find(buffer, &m));
    EXPECT_EQ(p.FindAll(buffer).size(), 1u);
    buffer[0] = '\xC3';  // a lead byte, then 'b': not UTF-8
    EXPECT_FALSE(p.Find(buffer, &m));
    EXPECT_TRUE(p.FindAll(buffer).empty());
  }
}

// A declared text's pieces are found as undeclared ones are; a text that is
// not valid UTF-8 is not declared, and still finds nothing.
TEST(PatternSet, Utf8CheckedDeclaresOnlyValidText) {
  auto set = PatternSet::Load({{"x.pcre", "[word]\n (?<w>séance)\n"}});
  ASSERT_TRUE(set.ok()) << set.error().message;
  const Pattern& p = (*set.value())["word"];
  const std::string text = "Ouverture de la séance, puis séance close";
  Match m;
  {
    Utf8Checked valid(text);
    std::string_view view(text);
    ASSERT_TRUE(p.Find(view.substr(5), &m));
    EXPECT_EQ(m["w"], "séance");
    EXPECT_EQ(p.FindAll(view).size(), 2u);
    // A piece cut inside 'é' at its start or its end.
    size_t e = text.find("é");
    EXPECT_EQ(p.FindAll(view.substr(e + 1)).size(), 1u);
    EXPECT_FALSE(p.Find(view.substr(0, e + 1), &m));
  }
  std::string broken = text;
  broken[broken.find("é") + 1] = 'x';  // a lead byte without its continuation
  Utf8Checked not_valid(broken);
  EXPECT_FALSE(p.Find(broken, &m));
  EXPECT_TRUE(p.FindAll(broken).empty());
}

// Lookaheads on a match's first character (for PCRE2's set of first bytes)
// keep the matches that open a line with spaces, a bullet or the word itself.
TEST(PatternSet, FirstCharacterLookaheadsKeepLineStarts) {
  const PatternSet& p = PatternSet::Builtin();
  Match m;
  for (const char* text : {"Après débat,\nDÉCIDE :\nd'adopter", "vu\n   DECIDE\nde", "\tARRÊTE :\n",
                           "x\nAPPROUVE :\n"}) {
    EXPECT_TRUE(p["decision_marker"].Find(text, &m)) << text;
  }
  for (const char* text : {"Vu le budget ;\n", "  - Vu la loi ;\n", "• Vu le code ;\n",
                           "*\tVU l'avis ;\n", "Considérant ceci, Vu cela ;"}) {
    ASSERT_TRUE(p["act_visa"].Find(text, &m)) << text;
    EXPECT_EQ(m["visa"].substr(0, 2) == "Vu" || m["visa"].substr(0, 2) == "VU", true) << text;
  }
  const std::string titles =
      "Le point est adopté.\nÉclairage du stade municipal\nLe conseil décide.\n";
  ASSERT_TRUE(p["bare_title_line"].Find(titles, &m));
  EXPECT_EQ(m["title"], "Éclairage du stade municipal");
}

// FindBefore finds Find's match when it starts at or before the limit (and
// may end past it), and nothing when the first match starts later.
TEST(PatternSet, FindBeforeTakesMatchesStartingUpToTheLimit) {
  auto set = PatternSet::Load({{"x.pcre", "[word]\n (?<w>séance\\s+\\w+)\n"}});
  ASSERT_TRUE(set.ok()) << set.error().message;
  const Pattern& p = (*set.value())["word"];
  const std::string text = "Ouverture de la séance publique, puis séance close";
  size_t first = text.find("séance");
  size_t second = text.find("séance", first + 1);
  Match m;
  ASSERT_TRUE(p.FindBefore(text, &m, 0, first));
  EXPECT_EQ(m.begin(), first);
  EXPECT_EQ(m["w"], "séance publique");  // runs past the limit
  EXPECT_FALSE(p.FindBefore(text, &m, 0, first - 1));
  ASSERT_TRUE(p.FindBefore(text, &m, first + 1, second + 3));
  EXPECT_EQ(m.begin(), second);
  EXPECT_FALSE(p.FindBefore(text, &m, first + 1, second - 1));
  EXPECT_FALSE(p.FindBefore(text, &m, 10, 5));  // a limit before the start
  // A limit at or past the end is no limit.
  ASSERT_TRUE(p.FindBefore(text, &m, first + 1, text.size()));
  EXPECT_EQ(m.begin(), second);
}

TEST(PatternSet, ACueGatesItsPattern) {
  // The cue says every match holds "vote"; here it is deliberately wrong for
  // the second subject, to show that the pattern is not run without it.
  auto set = PatternSet::Load({{"c.pcre",
                                "[result]\n  (?i) (?:vote|scrutin) \\s* : \\s* (?<r>\\w+)\n"
                                "[cue result]\n  (?i) vote\n"}});
  ASSERT_TRUE(set.ok()) << set.error().message;
  const Pattern& p = (*set.value())["result"];
  ASSERT_NE(p.cue(), nullptr);
  Match m;
  EXPECT_TRUE(p.Find("Vote : adopté", &m));
  EXPECT_EQ(m["r"], "adopté");
  EXPECT_FALSE(p.Find("Scrutin : adopté", &m));
  // An anchored match does not look for the cue (tried at one place, it is
  // cheaper than the cue's search over the rest of the subject).
  EXPECT_TRUE(p.MatchAt("Scrutin : adopté", &m));
  // The cue is looked for from the start offset on.
  EXPECT_FALSE(p.Find("Vote : oui. Scrutin : non", &m, 10));
  EXPECT_EQ(p.FindAll("Vote : oui. Vote : non").size(), 2u);
}

TEST(PatternSet, TopLevelAlternativesSplitOnlyWhereBranchesStayTheSame) {
  using internal::TopLevelAlternatives;
  using V = std::vector<std::string>;
  // The opening option setting goes in front of every branch.
  EXPECT_EQ(TopLevelAlternatives("(?i) absent | excus"), (V{"(?i)  absent \n", "(?i)  excus\n"}));
  // A '|' inside a group, a class, an escape or a comment is no split.
  EXPECT_EQ(TopLevelAlternatives("a(?:b|c) | [|] | \\| # x|y\n | d").size(), 4u);
  // One group around the whole is split inside, its option kept.
  EXPECT_EQ(TopLevelAlternatives(" (?i: pouvoir | mandat ) "),
            (V{"(?i)  pouvoir \n", "(?i)  mandat \n"}));
  EXPECT_EQ(TopLevelAlternatives("(?:a|b)").size(), 2u);
  EXPECT_EQ(TopLevelAlternatives("(?:a)|(?:b)").size(), 2u);
  EXPECT_EQ(TopLevelAlternatives("(?:a)(?:b|c)").size(), 1u);
  // Kept whole: one branch, an option set later (it carries into the next
  // branches), a capture, a backreference, \Q, a class with "[:alpha:]".
  for (const char* body :
       {"abc", "a (?i) b | c", "(a)|b", "(?<n>a)|b", "(a)\\1|b", "\\Qa|b\\E", "[[:alpha:]|]"}) {
    EXPECT_EQ(TopLevelAlternatives(body), V{body}) << body;
  }
  EXPECT_EQ(TopLevelAlternatives("[[:alpha:]] | (?<=x) y | (?!z) w").size(), 3u);
}

TEST(PatternSet, SlowToFindOrdersBranchesOnly) {
  EXPECT_FALSE(internal::SlowToFind("(?i) absent"));
  EXPECT_TRUE(internal::SlowToFind("(?i) secr"));  // "ſ" is an "s"
  EXPECT_FALSE(internal::SlowToFind("secr"));
  EXPECT_TRUE(internal::SlowToFind("(?i) [ée]lu"));
  EXPECT_TRUE(internal::SlowToFind("(?i) élu"));
  EXPECT_FALSE(internal::SlowToFind("(?i-s) abc"));
}

TEST(PatternSet, ACueOfSeveralWordsIsLookedForWordByWord) {
  // The subjects are long enough for the cue's words to be looked for apart.
  std::string filler(600, 'x');
  auto set = PatternSet::Load({{"c.pcre",
                                "[status]\n  (?i) (?:absents?|excus[ée]s?|pouvoirs?) \\s* :\n"
                                "[cue status]\n  (?i) absent | excus | pouvoir\n"}});
  ASSERT_TRUE(set.ok()) << set.error().message;
  const Pattern& p = (*set.value())["status"];
  ASSERT_NE(p.cue(), nullptr);
  Match m;
  // Each word alone gates the pattern in, the last one too; none, out.
  for (const char* word : {"Absents :", "excusés :", "POUVOIR :"}) {
    std::string text = filler + " " + word + " " + filler;
    EXPECT_TRUE(p.cue()->Occurs(text)) << word;
    EXPECT_TRUE(p.Find(text, &m)) << word;
    EXPECT_EQ(m.begin(), filler.size() + 1) << word;
    // From past the word on, it is not there.
    EXPECT_FALSE(p.cue()->Occurs(text, filler.size() + 5)) << word;
  }
  EXPECT_FALSE(p.cue()->Occurs(filler + " présents : " + filler));
  // A short subject is searched whole: the same answers.
  EXPECT_TRUE(p.cue()->Occurs("Pouvoir : X"));
  EXPECT_FALSE(p.cue()->Occurs("Présents : X"));
}

TEST(PatternSet, ACueForNoPatternOrTwiceIsAnError) {
  auto missing = PatternSet::Load({{"c.pcre", "[a]\n a\n[cue b]\n b\n"}});
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("c.pcre:3"), std::string::npos) << missing.error().message;
  EXPECT_FALSE(PatternSet::Load({{"c.pcre", "[a]\n a\n[cue a]\n a\n[cue a]\n a\n"}}).ok());
}

// The built-in sources without their cues: the patterns as they match alone.
std::vector<PatternSource> WithoutCues() {
  std::vector<PatternSource> out;
  for (PatternSource src : PatternSet::BuiltinSources()) {
    std::istringstream in(src.text);
    std::string line, kept;
    bool in_cue = false;
    while (std::getline(in, line)) {
      if (line.rfind("[", 0) == 0) in_cue = line.rfind("[cue ", 0) == 0;
      if (!in_cue) kept += line + "\n";
    }
    src.text = kept;
    out.push_back(std::move(src));
  }
  return out;
}

// Every match of a cued pattern holds its cue, on every text of corpus/ and,
// when it is there, of the shared corpus: whole texts, and each line alone
// (patterns run on lines and list items too).
TEST(PatternSet, EveryMatchOfACuedPatternHoldsItsCue) {
  auto bare = PatternSet::Load(WithoutCues());
  ASSERT_TRUE(bare.ok()) << bare.error().message;
  const PatternSet& cued = PatternSet::Builtin();
  std::vector<std::string> names;
  for (const auto& src : PatternSet::BuiltinSources()) {
    std::istringstream in(src.text);
    std::string line;
    while (std::getline(in, line)) {
      if (line.rfind("[cue ", 0) == 0) names.push_back(line.substr(5, line.find(']') - 5));
    }
  }
  ASSERT_FALSE(names.empty());
  std::vector<std::string> dirs = {DELIBEX_SOURCE_DIR "/corpus"};
  for (const char* d : {"/../shared/corpus/dev/text", "/../shared/corpus/wild/text",
                        "/../shared/corpus/seed/input"}) {
    if (std::filesystem::is_directory(std::string(DELIBEX_SOURCE_DIR) + d))
      dirs.push_back(std::string(DELIBEX_SOURCE_DIR) + d);
  }
  size_t texts = 0, matches = 0;
  for (const std::string& dir : dirs) {
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
      if (e.path().extension() != ".txt") continue;
      auto text = NormalizedTextOfFile(e.path().string(), cued, IngestOptions());
      if (!text.ok()) continue;
      ++texts;
      std::vector<std::string_view> subjects = WholeTextAndLines(text.value());
      for (const std::string& name : names) {
        const Pattern& alone = (*bare.value())[name];
        const Pattern& cue = *cued[name].cue();
        for (std::string_view subject : subjects) {
          for (const Match& m : alone.FindAll(subject)) {
            ++matches;
            Match c;
            ASSERT_TRUE(cue.Find(m.text(), &c))
                << name << " matched '" << m.text() << "' without its cue, in " << e.path();
          }
        }
      }
    }
  }
  EXPECT_GT(texts, 20u);
  EXPECT_GT(matches, 1000u);
}

// The built-in sources with every opening lookahead piece ([define X_OPENS])
// let through: the patterns as they would match without it.
std::vector<PatternSource> WithoutOpenings(std::vector<std::string>* names) {
  std::vector<PatternSource> out;
  for (PatternSource src : PatternSet::BuiltinSources()) {
    std::istringstream in(src.text);
    std::string line, kept;
    bool in_opens = false;
    while (std::getline(in, line)) {
      if (line.rfind("[", 0) == 0) {
        in_opens = line.rfind("[define ", 0) == 0 && line.find("_OPENS]") != std::string::npos;
        kept += line + "\n";
        if (in_opens) {
          kept += "  (?:)\n";
          names->push_back(line.substr(8, line.size() - 9));
        }
        continue;
      }
      if (!in_opens) kept += line + "\n";
    }
    src.text = kept;
    out.push_back(std::move(src));
  }
  return out;
}

// An opening lookahead is a prefilter, never a rule: every pattern that uses
// one finds the same matches without it, on every text of corpus/ and the
// shared corpus, whole and line by line.
TEST(PatternSet, OpeningLookaheadsChangeNoMatch) {
  std::vector<std::string> pieces;
  auto open = PatternSet::Load(WithoutOpenings(&pieces));
  ASSERT_TRUE(open.ok()) << open.error().message;
  ASSERT_FALSE(pieces.empty());
  std::vector<std::string> names;
  for (const auto& src : PatternSet::BuiltinSources()) {
    std::istringstream in(src.text);
    std::string line, entry;
    while (std::getline(in, line)) {
      if (line.rfind("[", 0) == 0) {
        entry = line.rfind("[define ", 0) == 0 || line.rfind("[cue ", 0) == 0
                    ? ""
                    : line.substr(1, line.find(']') - 1);
        continue;
      }
      for (const std::string& piece : pieces) {
        if (!entry.empty() && line.find("{{" + piece + "}}") != std::string::npos &&
            (names.empty() || names.back() != entry))
          names.push_back(entry);
      }
    }
  }
  ASSERT_FALSE(names.empty());
  const PatternSet& builtin = PatternSet::Builtin();
  std::vector<std::string> dirs = {DELIBEX_SOURCE_DIR "/corpus"};
  for (const char* d : {"/../shared/corpus/dev/text", "/../shared/corpus/wild/text",
                        "/../shared/corpus/seed/input"}) {
    if (std::filesystem::is_directory(std::string(DELIBEX_SOURCE_DIR) + d))
      dirs.push_back(std::string(DELIBEX_SOURCE_DIR) + d);
  }
  size_t matches = 0;
  for (const std::string& dir : dirs) {
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
      if (e.path().extension() != ".txt") continue;
      auto text = NormalizedTextOfFile(e.path().string(), builtin, IngestOptions());
      if (!text.ok()) continue;
      std::vector<std::string_view> subjects = WholeTextAndLines(text.value());
      for (const std::string& name : names) {
        for (std::string_view subject : subjects) {
          std::vector<Match> with = builtin[name].FindAll(subject);
          std::vector<Match> without = (*open.value())[name].FindAll(subject);
          ASSERT_EQ(with.size(), without.size()) << name << " in " << e.path();
          for (size_t k = 0; k < with.size(); ++k) {
            ASSERT_EQ(with[k].begin(), without[k].begin()) << name << " in " << e.path();
            ASSERT_EQ(with[k].end(), without[k].end()) << name << " in " << e.path();
          }
          matches += with.size();
        }
      }
    }
  }
  EXPECT_GT(matches, 100u);
}

}  // namespace
}  // namespace delibex
