// The pattern loader: file format, shared pieces, errors that name file and
// line, and matching with named groups.
#include "patterns/pattern_set.h"

#include <gtest/gtest.h>

namespace delibex {
namespace {

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

}  // namespace
}  // namespace delibex
