// Tests of ingest/: decoding text files into Documents, and IngestFile's
// choice of reader and errors.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "ingest/ingest.h"

namespace delibex {
namespace {

bool ValidUtf8(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80                ? 1
               : c >= 0xC2 && c < 0xE0 ? 2
               : c >= 0xE0 && c < 0xF0 ? 3
               : c >= 0xF0 && c < 0xF5 ? 4
                                       : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

// Every page of a decoded Document must hold valid UTF-8 without "\r" or
// form feeds, as document.h promises.
void ExpectContract(const Document& doc) {
  for (const Page& page : doc.pages) {
    EXPECT_TRUE(ValidUtf8(page.text));
    EXPECT_EQ(page.text.find('\r'), std::string::npos);
    EXPECT_EQ(page.text.find('\f'), std::string::npos);
    EXPECT_EQ(page.text.find('\0'), std::string::npos);
  }
}

std::string Utf16(const std::u16string& s, bool little_endian, bool bom) {
  std::string out;
  auto put = [&](char16_t u) {
    char lo = static_cast<char>(u & 0xFF), hi = static_cast<char>(u >> 8);
    if (little_endian) {
      out += lo;
      out += hi;
    } else {
      out += hi;
      out += lo;
    }
  };
  if (bom) put(0xFEFF);
  for (char16_t u : s) put(u);
  return out;
}

struct DecodeCase {
  const char* name;
  std::string bytes;
  std::vector<std::string> pages;
  std::string encoding;
  std::vector<std::string> warnings;  // codes, in order
};

TEST(IngestTextTest, DecodesEncodingsAndLineEnds) {
  const DecodeCase cases[] = {
      {"utf-8",
       "Le conseil municipal s'est réuni à la mairie.\n",
       {"Le conseil municipal s'est réuni à la mairie.\n"},
       "utf-8",
       {}},
      {"utf-8 with BOM",
       "\xEF\xBB\xBFSéance du 4 mars 2024",
       {"Séance du 4 mars 2024"},
       "utf-8-bom",
       {}},
      {"windows-1252",
       "D\xE9lib\xE9ration n\xB0 12 \x96 l\x92"
       "adjoint \x9C"
       "uvre pour 1\x80",
       {"Délibération n° 12 – l’adjoint œuvre pour 1€"},
       "windows-1252",
       {"encoding-guessed"}},
      {"latin-1",
       "Pr\xE9sents : M. L\xC9ON, Mme FA\xDF"
       "BENDER",
       {"Présents : M. LÉON, Mme FAßBENDER"},
       "iso-8859-1",
       {"encoding-guessed"}},
      // "é", NBSP, "»" happen to form valid UTF-8 (U+983B): the file as a
      // whole is Windows-1252, so they stay three characters.
      {"windows-1252 with a UTF-8-looking triple",
       "Le pr\xE9sident d\xE9"
       "clare \xAB\xA0"
       "adopt\xE9\xA0\xBB.",
       {"Le président déclare «\u00A0adopté\u00A0»."},
       "iso-8859-1",
       {"encoding-guessed"}},
      {"utf-8 with a stray Windows-1252 apostrophe",
       "Délibération : l\x92"
       "adjoint délégué présente le rapport.",
       {"Délibération : l’adjoint délégué présente le rapport."},
       "utf-8",
       {"encoding-mixed"}},
      {"utf-8 cut inside its last character",
       "Le comité a voté à l'unanimit\xC3",
       {"Le comité a voté à l'unanimit\uFFFD"},
       "utf-8",
       {"encoding-truncated"}},
      {"latin-1 whose only accent is the last byte",
       "Avis favorable du comit\xE9",
       {"Avis favorable du comité"},
       "iso-8859-1",
       {"encoding-guessed"}},
      {"utf-16le with BOM",
       Utf16(u"Séance du 4 mars\r\nPrésents : 12", true, true),
       {"Séance du 4 mars\nPrésents : 12"},
       "utf-16le",
       {}},
      {"utf-16be with BOM",
       Utf16(u"L’an deux mille vingt-quatre", false, true),
       {"L’an deux mille vingt-quatre"},
       "utf-16be",
       {}},
      {"utf-16le without BOM",
       Utf16(u"Compte rendu du conseil municipal", true, false),
       {"Compte rendu du conseil municipal"},
       "utf-16le",
       {"encoding-guessed"}},
      {"utf-16 surrogate pair and a lone one",
       Utf16(u"Vote \U0001F44D \xD800 fin", true, true),
       {"Vote \U0001F44D \uFFFD fin"},
       "utf-16le",
       {"encoding-repaired"}},
      {"CRLF and lone CR",
       "Ordre du jour :\r\n1. Budget\r2. Travaux\r\n\r\nFin",
       {"Ordre du jour :\n1. Budget\n2. Travaux\n\nFin"},
       "utf-8",
       {}},
      {"CR at the very end", "Fin de séance\r", {"Fin de séance\n"}, "utf-8", {}},
      {"Unicode line separators",
       "Vu le code\u2028Vu la loi\u0085Fin",
       {"Vu le code\nVu la loi\nFin"},
       "utf-8",
       {}},
      {"form feeds make pages; the last one ends a page",
       "Page un du compte rendu\n\fPage deux\n\f\fPage quatre\n\f",
       {"Page un du compte rendu\n", "Page deux\n", "", "Page quatre\n"},
       "utf-8",
       {}},
      {"a form feed at the start keeps an empty first page", "\fTexte", {"", "Texte"}, "utf-8", {}},
      {"tabs are kept, other controls dropped",
       "Pour\t:\t12\x01\nContre\t: 0\x1B et la suite du texte est longue assez longue.",
       {"Pour\t:\t12\nContre\t: 0 et la suite du texte est longue assez longue."},
       "utf-8",
       {"control-characters"}},
      {"C1 controls in UTF-8 are dropped",
       "Le maire\u0080 ouvre la séance à dix-huit heures trente avec vingt membres.",
       {"Le maire ouvre la séance à dix-huit heures trente avec vingt membres."},
       "utf-8",
       {"control-characters"}},
  };
  for (const DecodeCase& c : cases) {
    SCOPED_TRACE(c.name);
    auto doc = DecodeText(c.bytes);
    ASSERT_TRUE(doc.ok()) << doc.error().code << ": " << doc.error().message;
    const Document& d = doc.value();
    EXPECT_EQ(d.media, "text");
    EXPECT_EQ(d.method, "text");
    EXPECT_EQ(d.encoding, c.encoding);
    ASSERT_EQ(d.pages.size(), c.pages.size());
    for (size_t i = 0; i < c.pages.size(); ++i) EXPECT_EQ(d.pages[i].text, c.pages[i]) << i;
    std::vector<std::string> codes;
    for (const Warning& w : d.warnings) {
      codes.push_back(w.code);
      EXPECT_FALSE(w.message.empty());
    }
    EXPECT_EQ(codes, c.warnings);
    ExpectContract(d);
    for (const Page& p : d.pages) EXPECT_LT(p.ocr_confidence, 0);
  }
}

struct ErrorCase {
  const char* name;
  std::string bytes;
  std::string code;
};

TEST(IngestTextTest, RejectsWhatIsNotText) {
  const ErrorCase cases[] = {
      {"empty", "", "empty"},
      {"spaces and line ends", "  \n\t\r\n   \n", "empty"},
      {"form feeds only", "\f\f\n\f", "empty"},
      {"no-break spaces and a BOM", "\xEF\xBB\xBF\u00A0\u202F\n\u2003", "empty"},
      {"UTF-16 BOM only", "\xFF\xFE", "empty"},
      {"NUL bytes", std::string("Conseil\0municipal", 17), "binary"},
      {"PNG header", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\x01\0", 20), "binary"},
      {"mostly control characters", "\x01\x02\x03\x04 abc \x05\x06", "binary"},
      {"UTF-16 text with a NUL character", Utf16(std::u16string(u"ab\0cd", 5), true, true),
       "binary"},
  };
  for (const ErrorCase& c : cases) {
    SCOPED_TRACE(c.name);
    auto doc = DecodeText(c.bytes);
    ASSERT_FALSE(doc.ok());
    EXPECT_EQ(doc.error().code, c.code);
    EXPECT_FALSE(doc.error().message.empty());
  }
}

TEST(IngestTextTest, NamesTheOffsetOfTheFirstBadByte) {
  auto nul = DecodeText(std::string("Séance\0", 8));
  ASSERT_FALSE(nul.ok());
  EXPECT_NE(nul.error().message.find("byte offset 7"), std::string::npos) << nul.error().message;

  auto latin = DecodeText("Conseil du 3 f\xE9vrier");
  ASSERT_TRUE(latin.ok());
  ASSERT_EQ(latin.value().warnings.size(), 1u);
  EXPECT_NE(latin.value().warnings[0].message.find("byte offset 14"), std::string::npos)
      << latin.value().warnings[0].message;
}

TEST(IngestTextTest, ArbitraryBytesNeverBreakTheContract) {
  std::mt19937 rng(20240304);
  const std::string alphabet[] = {"a",
                                  "é",
                                  "\xE9",
                                  "\x92",
                                  "\xC3",
                                  "\xE2\x80",
                                  "\r",
                                  "\n",
                                  "\f",
                                  " ",
                                  "\x01",
                                  "\xF0\x9F\x91\x8D",
                                  "\xED\xA0\x80",
                                  "\xFF\xFE",
                                  "\xEF\xBB\xBF",
                                  "\xC2\x85",
                                  "\xE2\x80\xA8"};
  for (int round = 0; round < 3000; ++round) {
    std::string bytes;
    size_t n = rng() % 40;
    for (size_t i = 0; i < n; ++i) {
      if (rng() % 4 == 0) {
        bytes += static_cast<char>(rng() % 256);
      } else {
        bytes += alphabet[rng() % std::size(alphabet)];
      }
    }
    auto doc = DecodeText(bytes);
    if (!doc.ok()) {
      EXPECT_TRUE(doc.error().code == "empty" || doc.error().code == "binary") << doc.error().code;
      continue;
    }
    ExpectContract(doc.value());
    EXPECT_FALSE(doc.value().pages.empty());
  }
}

class IngestFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("delibex_ingest_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  std::string Write(const std::string& name, const std::string& bytes) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  std::filesystem::path dir_;
};

TEST_F(IngestFileTest, ReadsATextFile) {
  std::string path = Write(
      "cr.txt", "Compte rendu du conseil municipal\r\nSéance du 4 mars 2024\r\n\fPage 2\r\n\f");
  auto doc = IngestFile(path);
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_EQ(doc.value().encoding, "utf-8");
  ASSERT_EQ(doc.value().pages.size(), 2u);
  EXPECT_EQ(doc.value().pages[0].text,
            "Compte rendu du conseil municipal\nSéance du 4 mars 2024\n");
  EXPECT_EQ(doc.value().pages[1].text, "Page 2\n");
}

TEST_F(IngestFileTest, ReportsErrorsWithThePath) {
  struct Case {
    const char* name;
    std::string path;
    IngestOptions options;
    std::string code;
  };
  const std::string pdf = Write("acte.pdf", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nendobj\n");
  const std::string png = Write("scan.png", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16));
  const std::string jpeg = Write("scan.jpg", "\xFF\xD8\xFF\xE0\0\x10JFIF");
  const std::string tiff = Write("scan.tif", std::string("II*\0\x08\0\0\0", 8));
  const std::string big = Write("long.txt", std::string(200, 'a'));
  const std::string empty = Write("vide.txt", "");
  const std::string blank = Write("blanc.txt", " \n\n ");
  const std::string nul = Write("bin.dat", std::string("ab\0cd", 5));
  const Case cases[] = {
      {"missing file", (dir_ / "absent.txt").string(), {}, "io"},
      {"a directory", dir_.string(), {}, "io"},
      // Files that only start like a PDF or an image: damaged, unreadable.
      {"PDF", pdf, {}, "pdf-damaged"},
      {"PNG", png, {}, "image-unreadable"},
      {"JPEG", jpeg, {}, "image-unreadable"},
      {"TIFF", tiff, {}, "image-unreadable"},
      {"too large", big, IngestOptions{.max_bytes = 100, .scan = {}}, "too-large"},
      {"empty", empty, {}, "empty"},
      {"blank", blank, {}, "empty"},
      {"binary", nul, {}, "binary"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto doc = IngestFile(c.path, c.options);
    ASSERT_FALSE(doc.ok());
    EXPECT_EQ(doc.error().code, c.code);
    EXPECT_NE(doc.error().message.find(c.path), std::string::npos) << doc.error().message;
  }
  // Exactly the limit is allowed.
  EXPECT_TRUE(IngestFile(big, IngestOptions{.max_bytes = 200, .scan = {}}).ok());
}

// The shared corpus's pdftotext exports: one page per form feed, the last
// form feed making no empty page.
TEST_F(IngestFileTest, SharedCorpusTextFiles) {
  std::filesystem::path dir =
      std::filesystem::path(DELIBEX_SOURCE_DIR) / "../shared/corpus/dev/text";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "no shared corpus at " << dir;
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    ++files;
    SCOPED_TRACE(entry.path().string());
    std::ifstream in(entry.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    size_t form_feeds = std::count(bytes.begin(), bytes.end(), '\f');
    auto doc = IngestFile(entry.path().string());
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    bool ends_with_ff = bytes.find_last_not_of(" \n") != std::string::npos &&
                        bytes[bytes.find_last_not_of(" \n")] == '\f';
    EXPECT_EQ(doc.value().pages.size(), form_feeds + (ends_with_ff ? 0 : 1));
    EXPECT_EQ(doc.value().encoding, "utf-8");
    ExpectContract(doc.value());
  }
  EXPECT_GT(files, 0u);
}

}  // namespace
}  // namespace delibex
