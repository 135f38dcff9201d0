// Tests of ingest/pdf: reading born-digital PDFs with Poppler, and the
// verdict on each page's text layer.
//
// The PDFs are written here, at test time, by a small PDF writer (one
// Helvetica text line per `Tj`, WinAnsiEncoding, a correct xref table, and
// optionally the standard RC4 40-bit security handler), from sentences
// written for these tests. No binary file is checked in.
#include <gtest/gtest.h>

#include <openssl/evp.h>
#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/text.h"
#include "ingest/pdf.h"
#include "pdf_writer.h"

namespace delibex {
namespace {

namespace fs = std::filesystem;

using namespace testing_pdf;  // NOLINT: the writer is test scaffolding

// ---------------------------------------------------------------------------
// Test text, written for these tests.

const std::vector<std::string> kPageOne = {
    "COMMUNE DE SAINT-BRUNO-LES-PINS",
    "Extrait du registre des délibérations du conseil municipal",
    "Séance du mardi 14 mars 2023 à 20 h 30",
    "L’an deux mille vingt-trois, le quatorze mars, le conseil municipal s’est réuni",
    "à la mairie sous la présidence de Madame Odile FERRAND, Maire.",
    "Présents : M. Paul ARNOUX, Mme Claire BESSON, M. Léon CHAPUIS, Mme Inès DUVAL.",
    "Absent excusé : M. Gaël ESTIENNE. Secrétaire de séance : Mme Claire BESSON.",
};
const std::vector<std::string> kPageTwo = {
    "Objet : travaux de rénovation de l’école élémentaire",
    "Le conseil municipal, après en avoir délibéré, à l’unanimité des membres présents,",
    "approuve le plan de financement et autorise le Maire à signer les marchés « travaux ».",
    "Fait et délibéré les jour, mois et an que dessus. Coût : 12 500 € hors taxes.",
};

// The words of a text, as a multiset.
std::map<std::string, int> Words(std::string_view text) {
  std::map<std::string, int> words;
  std::istringstream in{std::string(text)};
  std::string w;
  while (in >> w) ++words[w];
  return words;
}

// Share of words the two texts have in common (multiset intersection over
// the larger word count); 1 for two texts without words.
double CommonWords(std::string_view a, std::string_view b) {
  auto wa = Words(a), wb = Words(b);
  size_t na = 0, nb = 0, common = 0;
  for (auto& [w, n] : wa) {
    na += n;
    auto it = wb.find(w);
    if (it != wb.end()) common += std::min(n, it->second);
  }
  for (auto& [w, n] : wb) nb += n;
  size_t most = std::max(na, nb);
  return most == 0 ? 1.0 : static_cast<double>(common) / static_cast<double>(most);
}

std::string Joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

bool HasWarning(const Document& doc, std::string_view code, std::string_view mentions) {
  for (const Warning& w : doc.warnings) {
    if (w.code == code && w.message.find(mentions) != std::string::npos) return true;
  }
  return false;
}

void ExpectContract(const PdfRead& read) {
  EXPECT_EQ(read.document.media, "pdf");
  EXPECT_EQ(read.document.method, "pdf-text");
  ASSERT_EQ(read.quality.size(), read.document.pages.size());
  for (const Page& page : read.document.pages) {
    EXPECT_EQ(page.text.find('\f'), std::string::npos);
    EXPECT_EQ(page.text.find('\r'), std::string::npos);
    EXPECT_EQ(page.ocr_confidence, -1);
    for (unsigned char c : page.text) EXPECT_TRUE(c >= 0x20 || c == '\n' || c == '\t');
  }
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// ---------------------------------------------------------------------------

TEST(IngestPdfTest, LooksLikePdf) {
  EXPECT_TRUE(LooksLikePdf("%PDF-1.7\n"));
  EXPECT_TRUE(LooksLikePdf(std::string(1000, 'x') + "%PDF-1.4"));
  EXPECT_FALSE(LooksLikePdf(std::string(1020, 'x') + "%PDF-1.4"));
  EXPECT_FALSE(LooksLikePdf("%PDF"));
  EXPECT_FALSE(LooksLikePdf(""));
  EXPECT_FALSE(LooksLikePdf("Séance du 14 mars"));
}

TEST(IngestPdfTest, TwoPagesGiveTwoPagesOfText) {
  std::string pdf = MakePdf({kPageOne, kPageTwo});
  Result<PdfRead> read = ReadPdf(pdf);
  ASSERT_TRUE(read.ok()) << read.error().code << ": " << read.error().message;
  ExpectContract(read.value());
  const Document& doc = read.value().document;
  ASSERT_EQ(doc.pages.size(), 2u);
  EXPECT_GE(CommonWords(doc.pages[0].text, Joined(kPageOne)), 0.99) << doc.pages[0].text;
  EXPECT_GE(CommonWords(doc.pages[1].text, Joined(kPageTwo)), 0.99) << doc.pages[1].text;
  // Line order, accents and WinAnsi's ’ « » € survive.
  EXPECT_LT(doc.pages[0].text.find("COMMUNE DE"), doc.pages[0].text.find("Séance du mardi"));
  EXPECT_NE(doc.pages[0].text.find("L’an deux mille"), std::string::npos);
  EXPECT_NE(doc.pages[1].text.find("« travaux »"), std::string::npos);
  EXPECT_NE(doc.pages[1].text.find("12 500 €"), std::string::npos);
  EXPECT_TRUE(doc.warnings.empty()) << doc.warnings[0].code << ": " << doc.warnings[0].message;
  for (const PageQuality& q : read.value().quality) {
    EXPECT_EQ(q.verdict, PageVerdict::kGood) << PageVerdictName(q.verdict);
    EXPECT_FALSE(q.needs_ocr());
  }
}

TEST(IngestPdfTest, PageWithoutTextIsEmptyAndWarned) {
  std::string pdf = MakePdf({kPageOne, {}, {"3"}});
  Result<PdfRead> read = ReadPdf(pdf);
  ASSERT_TRUE(read.ok()) << read.error().message;
  ExpectContract(read.value());
  const PdfRead& r = read.value();
  ASSERT_EQ(r.document.pages.size(), 3u);
  EXPECT_EQ(r.quality[0].verdict, PageVerdict::kGood);
  EXPECT_EQ(r.quality[1].verdict, PageVerdict::kEmpty);
  EXPECT_EQ(r.quality[1].letters, 0u);
  EXPECT_EQ(CollapseSpace(r.document.pages[1].text), "");
  // A page number alone is no text layer either.
  EXPECT_EQ(r.quality[2].verdict, PageVerdict::kEmpty);
  EXPECT_TRUE(HasWarning(r.document, "pdf-page-needs-ocr", "page 2 of 3"));
  EXPECT_TRUE(HasWarning(r.document, "pdf-page-needs-ocr", "page 3 of 3"));
  EXPECT_FALSE(HasWarning(r.document, "pdf-page-needs-ocr", "page 1 of 3"));
}

TEST(IngestPdfTest, ImageOnlyPageIsEmpty) {
  if (std::system("command -v convert >/dev/null 2>&1 && command -v img2pdf >/dev/null 2>&1") !=
      0) {
    GTEST_SKIP() << "needs ImageMagick's convert and img2pdf";
  }
  char dir_template[] = "/tmp/delibex-pdf-test-XXXXXX";
  ASSERT_NE(mkdtemp(dir_template), nullptr);
  fs::path dir = dir_template;
  std::string command = "cd " + dir.string() +
                        " && convert -size 620x877 xc:white -fill black -draw 'rectangle 60,80 "
                        "560,95' -draw 'rectangle 60,120 500,135' page.png >/dev/null 2>&1"
                        " && img2pdf page.png -o scan.pdf >/dev/null 2>&1";
  int status = std::system(command.c_str());
  std::string pdf = ReadFile(dir / "scan.pdf");
  fs::remove_all(dir);
  if (status != 0 || pdf.empty()) GTEST_SKIP() << "convert or img2pdf failed";
  Result<PdfRead> read = ReadPdf(pdf);
  ASSERT_TRUE(read.ok()) << read.error().message;
  ASSERT_EQ(read.value().quality.size(), 1u);
  EXPECT_EQ(read.value().quality[0].verdict, PageVerdict::kEmpty);
  EXPECT_TRUE(HasWarning(read.value().document, "pdf-page-needs-ocr", "no text layer"));
}

TEST(IngestPdfTest, StampOnlyPage) {
  // What a transmission platform prints on a scanned page: the scan has no
  // text, the stamp has.
  std::string pdf = MakePdf(
      {{"Envoyé en préfecture le 03/04/2023", "Reçu en préfecture le 03/04/2023",
        "Publié le 04/04/2023", "ID : 033-213300999-20230314-DEL2023_12-DE"},
       {"Accusé de réception en préfecture", "033-213300999-20230314-DEL2023_12-DE",
        "Date de télétransmission : 03/04/2023", "Date de réception préfecture : 03/04/2023"}});
  Result<PdfRead> read = ReadPdf(pdf);
  ASSERT_TRUE(read.ok()) << read.error().message;
  for (const PageQuality& q : read.value().quality) {
    EXPECT_EQ(q.verdict, PageVerdict::kStampOnly)
        << PageVerdictName(q.verdict) << " " << q.stamp_share;
  }
  EXPECT_TRUE(HasWarning(read.value().document, "pdf-page-needs-ocr", "stamp"));
  // The stamp's text stays in the page: the OCR stage decides what to keep.
  EXPECT_NE(read.value().document.pages[1].text.find("télétransmission"), std::string::npos);
}

TEST(IngestPdfTest, GarbageTextLayer) {
  // Symbols where letters should be, and a font whose glyphs map to letters
  // shifted by 3 ("Frqvhlo" for "Conseil"): both need OCR.
  std::vector<std::string> symbols, shifted;
  for (int i = 0; i < 12; ++i) symbols.push_back("ÿþ÷¿¡ ¤¦§ ±×÷ ¶¸º ©®¬ °¹²³ µ¼½¾ ÞðÐ ¨¯´");
  for (const std::string& line : kPageOne) {
    std::string s;
    for (char c : line) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>('a' + (c - 'a' + 3) % 26);
      if (c >= 'A' && c <= 'Z') c = static_cast<char>('A' + (c - 'A' + 3) % 26);
      s += c;
    }
    shifted.push_back(s);
  }
  Result<PdfRead> read = ReadPdf(MakePdf({symbols, shifted, kPageTwo}));
  ASSERT_TRUE(read.ok()) << read.error().message;
  const PdfRead& r = read.value();
  ASSERT_EQ(r.quality.size(), 3u);
  EXPECT_EQ(r.quality[0].verdict, PageVerdict::kGarbage);
  EXPECT_EQ(r.quality[1].verdict, PageVerdict::kGarbage) << r.quality[1].common_word_share;
  EXPECT_EQ(r.quality[2].verdict, PageVerdict::kGood);
  EXPECT_TRUE(HasWarning(r.document, "pdf-page-needs-ocr", "page 1 of 3"));
  EXPECT_TRUE(HasWarning(r.document, "pdf-page-needs-ocr", "page 2 of 3"));
  EXPECT_FALSE(HasWarning(r.document, "pdf-page-needs-ocr", "page 3 of 3"));
}

TEST(IngestPdfTest, EncryptedWithUserPassword) {
  Encryption locked{"secret", "owner"};
  std::string pdf = MakePdf({kPageOne, kPageTwo}, &locked);
  Result<PdfRead> read = ReadPdf(pdf);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().code, "pdf-encrypted");

  Result<PdfRead> wrong = ReadPdf(pdf, PdfOptions{.password = "guess"});
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, "pdf-encrypted");

  // With the password the caller knows, the text is decrypted.
  Result<PdfRead> opened = ReadPdf(pdf, PdfOptions{.password = "secret"});
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  ASSERT_EQ(opened.value().document.pages.size(), 2u);
  EXPECT_GE(CommonWords(opened.value().document.pages[1].text, Joined(kPageTwo)), 0.99);
}

TEST(IngestPdfTest, EncryptedWithOwnerPasswordOnlyOpens) {
  // An empty user password (permissions only): readers open it without
  // asking, and so do we.
  Encryption permissions{"", "owner"};
  Result<PdfRead> read = ReadPdf(MakePdf({kPageOne, kPageTwo}, &permissions));
  ASSERT_TRUE(read.ok()) << read.error().code << ": " << read.error().message;
  ASSERT_EQ(read.value().document.pages.size(), 2u);
  EXPECT_GE(CommonWords(read.value().document.pages[0].text, Joined(kPageOne)), 0.99)
      << read.value().document.pages[0].text;
  EXPECT_EQ(read.value().quality[0].verdict, PageVerdict::kGood);
}

TEST(IngestPdfTest, TruncatedPdfIsDamagedOrPartlyRead) {
  std::vector<std::vector<std::string>> pages = {kPageOne, kPageTwo, kPageOne, kPageTwo};
  std::string pdf = MakePdf(pages);
  for (size_t cut : {pdf.size() / 2, pdf.size() - 30, size_t{40}, size_t{9}}) {
    SCOPED_TRACE("cut at " + std::to_string(cut) + " of " + std::to_string(pdf.size()));
    Result<PdfRead> read = ReadPdf(std::string_view(pdf).substr(0, cut));
    if (!read.ok()) {
      EXPECT_EQ(read.error().code, "pdf-damaged") << read.error().message;
      continue;
    }
    ExpectContract(read.value());
    EXPECT_LE(read.value().document.pages.size(), pages.size());
    // What was read is said to be partial.
    EXPECT_TRUE(HasWarning(read.value().document, "pdf-errors", "") ||
                HasWarning(read.value().document, "pdf-page-needs-ocr", ""));
  }
}

// A wrong startxref: Poppler rebuilds the cross-reference table by scanning
// the objects (silently: there may be no `pdf-errors` warning).
TEST(IngestPdfTest, BrokenXrefIsRepaired) {
  std::string pdf = MakePdf({kPageOne, kPageTwo});
  size_t at = pdf.rfind("startxref\n");
  ASSERT_NE(at, std::string::npos);
  pdf.replace(at, std::string::npos, "startxref\n999999\n%%EOF\n");
  Result<PdfRead> read = ReadPdf(pdf);
  ASSERT_TRUE(read.ok()) << read.error().message;
  ExpectContract(read.value());
  ASSERT_EQ(read.value().document.pages.size(), 2u);
  EXPECT_GE(CommonWords(read.value().document.pages[0].text, Joined(kPageOne)), 0.99);
  EXPECT_GE(CommonWords(read.value().document.pages[1].text, Joined(kPageTwo)), 0.99);
}

// A PDF that loads but one of whose pages is broken: the other pages are
// read, the broken one is an empty page with warnings.
TEST(IngestPdfTest, PageWithMissingContentIsEmptyAndWarned) {
  // Page 2 is object 6, its content object 7.
  std::string pdf = MakePdf({kPageOne, kPageTwo, kPageOne});
  size_t at = pdf.find("/Contents 7 0 R");
  ASSERT_NE(at, std::string::npos);
  pdf.replace(at, 15, "/Contents 77 0 R");
  Result<PdfRead> read = ReadPdf(pdf);
  ASSERT_TRUE(read.ok()) << read.error().code << ": " << read.error().message;
  ExpectContract(read.value());
  const PdfRead& r = read.value();
  ASSERT_EQ(r.document.pages.size(), 3u);
  EXPECT_EQ(r.quality[0].verdict, PageVerdict::kGood);
  EXPECT_EQ(r.quality[1].verdict, PageVerdict::kEmpty);
  EXPECT_EQ(r.quality[2].verdict, PageVerdict::kGood);
  EXPECT_GE(CommonWords(r.document.pages[2].text, Joined(kPageOne)), 0.99);
  EXPECT_TRUE(HasWarning(r.document, "pdf-page-needs-ocr", "page 2 of 3"));
  EXPECT_TRUE(HasWarning(r.document, "pdf-errors", "xref num 77"));
}

// A page-tree entry that is not a page: Poppler skips it, so the pages after
// it move up one place and the last page number has no page. The count
// stays right and what can be read is read.
TEST(IngestPdfTest, BrokenPageTreeEntryIsUnreadable) {
  std::string pdf = MakePdf({kPageOne, kPageTwo, kPageOne});
  size_t at = pdf.find("6 0 obj\n<<");
  ASSERT_NE(at, std::string::npos);
  pdf.replace(at + 8, 2, "[]");  // "<< /Type /Page ..." -> "[] /Type /Page ..."
  Result<PdfRead> read = ReadPdf(pdf);
  ASSERT_TRUE(read.ok()) << read.error().code << ": " << read.error().message;
  ExpectContract(read.value());
  const PdfRead& r = read.value();
  ASSERT_EQ(r.document.pages.size(), 3u);
  size_t unreadable = 0, first_page_text = 0;
  for (size_t i = 0; i < 3; ++i) {
    unreadable += r.quality[i].unreadable;
    first_page_text += CommonWords(r.document.pages[i].text, Joined(kPageOne)) >= 0.99;
  }
  EXPECT_EQ(unreadable, 1u);
  EXPECT_EQ(first_page_text, 2u);
  EXPECT_TRUE(HasWarning(r.document, "pdf-page-unreadable", "cannot be read"));
  EXPECT_TRUE(HasWarning(r.document, "pdf-page-needs-ocr", "could not be read"));
}

TEST(IngestPdfTest, RandomBytesAfterHeaderAreDamaged) {
  std::mt19937 rng(20230314);
  for (int round = 0; round < 20; ++round) {
    std::string bytes = "%PDF-1.5\n";
    std::uniform_int_distribution<int> byte(0, 255);
    size_t n = 64 + static_cast<size_t>(round) * 997;
    for (size_t i = 0; i < n; ++i) bytes += static_cast<char>(byte(rng));
    Result<PdfRead> read = ReadPdf(bytes);
    ASSERT_FALSE(read.ok()) << "round " << round;
    EXPECT_EQ(read.error().code, "pdf-damaged");
  }
  Result<PdfRead> no_header = ReadPdf("Séance du conseil municipal");
  ASSERT_FALSE(no_header.ok());
  EXPECT_EQ(no_header.error().code, "pdf-damaged");
  EXPECT_FALSE(ReadPdf("").ok());
}

// Damaged bytes anywhere: an error or a partial read, never a crash, and
// what is read keeps the Document contract.
TEST(IngestPdfTest, MutatedPdfsNeverCrash) {
  std::string pdf = MakePdf({kPageOne, kPageTwo, {}});
  std::mt19937 rng(20230315);
  std::uniform_int_distribution<size_t> where(0, pdf.size() - 1);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int round = 0; round < 300; ++round) {
    std::string bytes = pdf;
    for (int k = round % 8 + 1; k > 0; --k) bytes[where(rng)] = static_cast<char>(byte(rng));
    if (round % 3 == 0) bytes.resize(where(rng));
    Result<PdfRead> read = ReadPdf(bytes);
    if (read.ok()) {
      ExpectContract(read.value());
    } else {
      EXPECT_TRUE(read.error().code == "pdf-damaged" || read.error().code == "pdf-encrypted")
          << read.error().code;
    }
  }
  Result<PdfRead> no_page = ReadPdf(MakePdf({}));
  ASSERT_FALSE(no_page.ok());
  EXPECT_EQ(no_page.error().code, "pdf-damaged");
}

TEST(IngestPdfTest, MaxPages) {
  PdfOptions options;
  options.max_pages = 2;
  Result<PdfRead> read = ReadPdf(MakePdf({kPageOne, kPageTwo, kPageOne}), options);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read.value().document.pages.size(), 2u);
  EXPECT_TRUE(HasWarning(read.value().document, "pdf-pages-skipped", "first 2 pages of 3"));
}

TEST(IngestPdfTest, ConcurrentReadsAgree) {
  std::string pdf = MakePdf({kPageOne, kPageTwo, {}});
  Result<PdfRead> once = ReadPdf(pdf);
  ASSERT_TRUE(once.ok());
  std::vector<std::string> texts(8);
  std::vector<size_t> warnings(8);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < texts.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int k = 0; k < 5; ++k) {
        // A damaged read in between must not leak its Poppler errors into
        // the other reads' warnings.
        (void)ReadPdf(std::string_view(pdf).substr(0, pdf.size() / 2));
        Result<PdfRead> r = ReadPdf(pdf);
        if (!r.ok()) return;
        texts[t] = r.value().document.pages[0].text + r.value().document.pages[1].text;
        warnings[t] = r.value().document.warnings.size();
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (size_t t = 0; t < texts.size(); ++t) {
    EXPECT_EQ(texts[t], once.value().document.pages[0].text + once.value().document.pages[1].text);
    EXPECT_EQ(warnings[t], once.value().document.warnings.size());
  }
}

TEST(IngestPdfTest, TenPagesReadFast) {
  std::vector<std::vector<std::string>> pages;
  for (int i = 0; i < 5; ++i) {
    std::vector<std::string> page = kPageOne;
    for (const std::string& line : kPageTwo) page.push_back(line);
    for (int k = 0; k < 4; ++k) page.insert(page.end(), page.begin(), page.begin() + 10);
    pages.push_back(page);
    pages.push_back(kPageTwo);
  }
  std::string pdf = MakePdf(pages);
  auto start = std::chrono::steady_clock::now();
  Result<PdfRead> read = ReadPdf(pdf);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                  start)
                .count();
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read.value().document.pages.size(), 10u);
  RecordProperty("ten_pages_ms", static_cast<int>(ms));
  // Well under 100 ms in a release build; the bound leaves room for the
  // sanitizers and a loaded machine.
  EXPECT_LT(ms, 2000);
}

// Table-driven checks of the verdict on text alone.
TEST(IngestPdfTest, AssessPageText) {
  std::string prose = Joined(kPageOne) + Joined(kPageTwo);
  struct Case {
    std::string text;
    PageVerdict verdict;
  };
  const Case cases[] = {
      {"", PageVerdict::kEmpty},
      {"   \n\n  \t ", PageVerdict::kEmpty},
      {"- 3 -\n12/04/2023", PageVerdict::kEmpty},
      {"Page 2 sur 4", PageVerdict::kEmpty},
      {prose, PageVerdict::kGood},
      // A short last page of real text is good, not a stamp.
      {"Fait à Saint-Bruno, le 15/03/2023.\nLa Maire, Odile FERRAND", PageVerdict::kGood},
      {"La présente délibération sera transmise en préfecture.\n"
       "Fait à Saint-Bruno, le 15/03/2023. La Maire, Odile FERRAND",
       PageVerdict::kGood},
      {"Accusé de réception en préfecture\n033-213300999-20230314-DEL2023_12-DE\n"
       "Date de télétransmission : 03/04/2023",
       PageVerdict::kStampOnly},
      // A long page that mentions the prefecture is text, not a stamp.
      {prose + "Reçu en préfecture le 03/04/2023", PageVerdict::kGood},
      // Replacement and private-use characters.
      {std::string(prose).replace(10, 0, std::string(40, '?')) + "\xEF\xBF\xBD\xEF\xBF\xBD",
       PageVerdict::kGood},
      {prose + std::string(60, ' ') + "\xEE\x80\x81\xEE\x80\x82\xEE\x80\x83\xEF\xBF\xBD" +
           "\xEE\x80\x81\xEE\x80\x82\xEE\x80\x83\xEF\xBF\xBD\xEE\x80\x81\xEE\x80\x82\xEE\x80"
           "\x83\xEF\xBF\xBD\xEE\x80\x81\xEE\x80\x82\xEE\x80\x83\xEF\xBF\xBD",
       PageVerdict::kGarbage},
      // Letters from other scripts or that French does not use.
      {"Σύμβούλιο της πόλης συνεδρίασε σήμερα το απόγευμα στο δημαρχείο για τον προϋπολογισμό",
       PageVerdict::kGarbage},
      // A page of members, names and civilities only, is text.
      {"Mme Odile FERRAND, M. Paul ARNOUX, Mme Claire BESSON, M. Léon CHAPUIS,\n"
       "Mme Inès DUVAL, M. Gaël ESTIENNE, Mme Zoé FAURE, M. Hugo GARNIER,\n"
       "Mme Lucie HAMON, M. Yves JOLY, Mme Rose KLEIN, M. Marc LEROY,\n"
       "Mme Anne MARTIN, M. Noël NICOLAS, Mme Alice OLIVIER, M. Jean PERRIN",
       PageVerdict::kGood},
      // Word's Symbol/Wingdings bullets are private-use characters, and
      // punctuation.
      {"\xEF\x82\xB7 " + Joined(kPageTwo) + "\xEF\x83\x98 " + Joined(kPageTwo) +
           "\xEF\x83\xBC ok \xEF\x83\x98 ok\n\xEF\x83\x98 ok \xEF\x82\xB7 ok",
       PageVerdict::kGood},
      {"þæþ ðøß þðð ßøþ æðþ øßð þþð ðßø ßþæ øðþ þøð ßðþ", PageVerdict::kGarbage},
      // Invalid UTF-8 bytes.
      {prose.substr(0, 60) + std::string(20, '\xFF'), PageVerdict::kGarbage},
  };
  for (const Case& c : cases) {
    PageQuality q = AssessPageText(c.text);
    EXPECT_EQ(q.verdict, c.verdict)
        << "got " << PageVerdictName(q.verdict) << " for: " << c.text.substr(0, 80) << "\nletters "
        << q.letters << " alnum " << q.alnum_share << " invalid " << q.invalid_share << " french "
        << q.french_word_share << " common " << q.common_word_share << " vowels " << q.vowel_share
        << " stamp " << q.stamp_share;
  }
  PageQuality q = AssessPageText(prose);
  EXPECT_GT(q.common_word_share, 0.15);
  EXPECT_NEAR(q.vowel_share, 0.42, 0.08);
  EXPECT_GT(q.french_word_share, 0.95);
  EXPECT_EQ(q.invalid_share, 0);
}

// The shared corpus: each born-digital PDF reads as its pdftotext -layout
// export (one page per form feed), and every page is good; each scanned PDF
// has pages that need OCR.
TEST(IngestPdfTest, SharedCorpusPdfsMatchPdftotext) {
  fs::path root = fs::path(DELIBEX_SOURCE_DIR) / "../shared/corpus/dev";
  if (!fs::is_directory(root / "pdf")) GTEST_SKIP() << "no shared corpus at " << root;
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(root / "pdf")) {
    if (entry.path().extension() != ".pdf") continue;
    fs::path text_path = root / "text" / (entry.path().stem().string() + ".txt");
    if (!fs::exists(text_path)) continue;
    SCOPED_TRACE(entry.path().filename().string());
    Result<PdfRead> read = ReadPdf(ReadFile(entry.path()));
    ASSERT_TRUE(read.ok()) << read.error().code << ": " << read.error().message;
    ExpectContract(read.value());
    const PdfRead& r = read.value();

    std::string expected = ReadFile(text_path);
    std::vector<std::string> expected_pages;
    size_t start = 0;
    for (size_t ff; (ff = expected.find('\f', start)) != std::string::npos; start = ff + 1) {
      expected_pages.push_back(expected.substr(start, ff - start));
    }
    if (start < expected.size() && !Trim(expected.substr(start)).empty()) {
      expected_pages.push_back(expected.substr(start));
    }
    ASSERT_EQ(r.document.pages.size(), expected_pages.size());
    for (size_t i = 0; i < expected_pages.size(); ++i) {
      const PageQuality& q = r.quality[i];
      EXPECT_EQ(q.verdict, PageVerdict::kGood)
          << "page " << i + 1 << ": " << PageVerdictName(q.verdict) << " letters " << q.letters
          << " french " << q.french_word_share << " common " << q.common_word_share;
      EXPECT_GT(CommonWords(r.document.pages[i].text, expected_pages[i]), 0.95) << "page " << i + 1;
    }
    EXPECT_FALSE(HasWarning(r.document, "pdf-page-needs-ocr", ""));
    ++checked;
  }
  EXPECT_GT(checked, 0);

  for (const auto& entry : fs::directory_iterator(root / "scan")) {
    if (entry.path().extension() != ".pdf") continue;
    SCOPED_TRACE(entry.path().filename().string());
    Result<PdfRead> read = ReadPdf(ReadFile(entry.path()));
    ASSERT_TRUE(read.ok()) << read.error().code << ": " << read.error().message;
    for (const PageQuality& q : read.value().quality) EXPECT_TRUE(q.needs_ocr());
  }
}

}  // namespace
}  // namespace delibex
