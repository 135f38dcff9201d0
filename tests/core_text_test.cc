// core/text: Fold against utf8proc_map, the whole-string folding it replaced
// (decompose, strip marks, case-fold, compatibility), letters and digits kept
// and runs of anything else made one space.
#include <gtest/gtest.h>
#include <utf8proc.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "core/text.h"

namespace delibex {
namespace {

std::string ReferenceFold(std::string_view s) {
  s = WholeCharacters(s);
  utf8proc_uint8_t* folded = nullptr;
  utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                   static_cast<utf8proc_ssize_t>(s.size()), &folded,
                   static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                                                  UTF8PROC_CASEFOLD | UTF8PROC_COMPAT));
  std::string in = n >= 0 ? std::string(reinterpret_cast<char*>(folded), n) : std::string(s);
  std::free(folded);
  std::string out;
  bool space = false;
  for (size_t i = 0; i < in.size();) {
    int len = 1;
    int32_t cp = DecodeAt(in, i, &len);
    if (IsLetter(cp) || (cp >= '0' && cp <= '9')) {
      if (space && !out.empty()) out += ' ';
      space = false;
      out.append(in, i, len);
    } else {
      space = true;
    }
    i += len;
  }
  return out;
}

TEST(Fold, FoldsAccentsCaseLigaturesAndSeparators) {
  EXPECT_EQ(Fold("  Élodie  LE BŒUF-Müller, 3e "), "elodie le bœuf muller 3e");
  EXPECT_EQ(Fold("ﬁnances ÉTÉ Straße"), "finances ete strasse");
  EXPECT_EQ(Fold("Mme\u00a0Anne\u2019s"), "mme anne s");
  EXPECT_EQ(Fold(""), "");
  EXPECT_EQ(Fold("—…"), "");
}

TEST(CodePointsBefore, CountsCharactersBeforeEachOffsetInAnyOrder) {
  std::string s = "Délibéré à Noël";  // 15 characters, 20 bytes
  // Offsets out of order, repeated, inside a character, past the end.
  std::vector<size_t> offsets = {19, 0, 3, 2, 3, 100, 14, 1};
  std::vector<size_t> want;
  for (size_t o : offsets) {
    size_t n = 0;
    for (size_t i = 0; i < o && i < s.size(); ++i)
      n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
    want.push_back(n);
  }
  EXPECT_EQ(CodePointsBefore(s, offsets), want);
  EXPECT_EQ(CodePointsBefore(s, offsets), (std::vector<size_t>{14, 0, 2, 2, 2, 15, 10, 1}));
  EXPECT_TRUE(CodePointsBefore(s, {}).empty());
  EXPECT_EQ(CodePointsBefore("", {0, 5}), (std::vector<size_t>{0, 0}));
}

TEST(Case, AllUpperAndMostlyUpper) {
  EXPECT_TRUE(IsAllUpper("ÉTEINTES ET CRÉANCES"));
  EXPECT_FALSE(IsAllUpper("LOI NOTRe – GOUVERNANCE DU"));
  EXPECT_TRUE(MostlyUpper("LOI NOTRe – GOUVERNANCE DU"));
  EXPECT_FALSE(MostlyUpper("Gouvernance du syndicat"));
  EXPECT_FALSE(MostlyUpper("DU"));  // three letters at least
  EXPECT_FALSE(MostlyUpper("12 – 2 500 €"));
}

TEST(FrenchMonth, WholeMonthNamesInAnyCaseWithOrWithoutAccents) {
  EXPECT_EQ(FrenchMonth("février"), 2);
  EXPECT_EQ(FrenchMonth("FEVRIER"), 2);
  EXPECT_EQ(FrenchMonth("Août"), 8);
  EXPECT_EQ(FrenchMonth("décembre,"), 12);
  EXPECT_EQ(FrenchMonth("mars"), 3);
  EXPECT_FALSE(FrenchMonth("marsupial"));
  EXPECT_FALSE(FrenchMonth("fév"));
  EXPECT_FALSE(FrenchMonth(""));
}

TEST(Fold, InvalidUtf8KeepsTheTextUnfoldedAsBefore) {
  std::string bad = "ABC\xff\xfe d\xc3";
  EXPECT_EQ(Fold(bad), ReferenceFold(bad));
}

// A window cut by byte offsets inside "é" or "€": the whole characters in it
// fold as they would in the text.
TEST(Fold, WindowCutInsideACharacter) {
  std::string text = "RÉUNION du 3 mai, réunis à la salle 12 €";
  EXPECT_EQ(Fold(std::string_view(text).substr(2)), "union du 3 mai reunis a la salle 12");
  EXPECT_EQ(Fold(std::string_view(text).substr(0, text.size() - 1)),
            "reunion du 3 mai reunis a la salle 12");
  EXPECT_EQ(WholeCharacters("\xa9t\xc3"), "t");
  EXPECT_EQ(WholeCharacters("\xe2\x82"), "");
  EXPECT_EQ(WholeCharacters("ab"), "ab");
}

TEST(Fold, SameAsWholeStringFoldingOnEveryLineOfTheCorpus) {
  size_t lines = 0;
  for (const auto& e : std::filesystem::directory_iterator(DELIBEX_SOURCE_DIR "/corpus")) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
      ASSERT_EQ(Fold(line), ReferenceFold(line)) << e.path() << ": " << line;
      ++lines;
    }
  }
  EXPECT_GT(lines, 500u);
}

TEST(Fold, SameAsWholeStringFoldingOnRandomCharacters) {
  // Latin letters with and without marks, combining marks, ligatures,
  // fullwidth and other compatibility forms, punctuation, invalid bytes.
  const char* pieces[] = {"a",      "Z",      "é",    "È",    "ç", "Œ", "ß", "ﬂ", "Ａ",     "①",
                          "\u0301", "\u0327", "ǅ",    "ı",    "İ", "Ω", "ﬀ", " ", "-",      "'",
                          "’",      "9",      "\xff", "\xc3", "€", "ŉ", "ǰ", "ᾳ", "\u00a0", "ª"};
  std::mt19937 rng(7);
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    int n = static_cast<int>(rng() % 8);
    for (int k = 0; k < n; ++k) s += pieces[rng() % (sizeof pieces / sizeof *pieces)];
    ASSERT_EQ(Fold(s), ReferenceFold(s)) << s;
  }
}

// IsValidUtf8 against PCRE2's own check (what it replaces before a match).
TEST(IsValidUtf8, AgreesWithPcre2OnRandomBytes) {
  int err = 0;
  PCRE2_SIZE off = 0;
  pcre2_code* code =
      pcre2_compile(reinterpret_cast<PCRE2_SPTR>("x"), 1, PCRE2_UTF, &err, &off, nullptr);
  ASSERT_NE(code, nullptr);
  pcre2_match_data* data = pcre2_match_data_create(4, nullptr);
  auto pcre2_valid = [&](const std::string& s) {
    int rc =
        pcre2_match(code, reinterpret_cast<PCRE2_SPTR>(s.data()), s.size(), 0, 0, data, nullptr);
    return !(rc <= PCRE2_ERROR_UTF8_ERR1 && rc >= PCRE2_ERROR_UTF8_ERR21);
  };
  const unsigned char interesting[] = {0x00, 0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
                                       0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xA0, 0x9F,
                                       0x90, 0x8F, 0xC3, 0xA9, 0xE2, 0x82, 0xAC};
  std::mt19937 rng(11);
  for (int i = 0; i < 200000; ++i) {
    std::string s;
    int n = static_cast<int>(rng() % 14);
    for (int k = 0; k < n; ++k) {
      s += rng() % 3 == 0 ? static_cast<char>(rng() % 256)
                          : static_cast<char>(interesting[rng() % sizeof interesting]);
    }
    ASSERT_EQ(IsValidUtf8(s), pcre2_valid(s)) << testing::PrintToString(s);
  }
  EXPECT_TRUE(IsValidUtf8("Délibération n° 2024-03 : 1 500 € \U0001F600 ok, sans accent ici"));
  EXPECT_FALSE(IsValidUtf8("ASCII text long enough for words \xe9 then more ASCII text"));
  pcre2_match_data_free(data);
  pcre2_code_free(code);
}

}  // namespace
}  // namespace delibex
