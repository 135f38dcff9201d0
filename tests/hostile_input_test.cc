// Bad inputs, one table: each kind of hostile or broken file, written here at
// run time (tiny fixtures: the PDF writer of pdf_writer.h, ImageMagick's
// `convert`, python3 for a valid 20000 x 20000 PNG), run through the delibex
// binary as a user runs it, with the error code or warning it must give and
// a bound on the time it may take. None may crash, hang, or take the
// machine: past a limit (--max-bytes, --max-pages, --max-pixels,
// --ocr-timeout) an input gets an error record or a warning.
//
// Tests run as root, so chmod 000 does not make a file unreadable: the
// unreadable paths are a dangling symbolic link and a FIFO nobody writes to
// (which must not block).
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "pdf_writer.h"

namespace delibex {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;
using testing_pdf::AssemblePdf;
using testing_pdf::Encryption;
using testing_pdf::MakePdf;

const std::vector<std::string> kPage = {
    "COMMUNE DE SAINT-BRUNO-LES-PINS",
    "Extrait du registre des délibérations du conseil municipal",
    "Séance du mardi 14 mars 2023 à 20 h 30",
    "Présents : M. Paul ARNOUX, Mme Claire BESSON, M. Léon CHAPUIS.",
    "Délibération n° 2023-12 – Tarifs de la cantine",
    "Le conseil municipal, après en avoir délibéré, à l’unanimité, fixe les tarifs.",
};

const char kGood[] =
    "COMMUNE DE SAINT-MARTIN-DES-PRÉS\n"
    "Séance du 14 mai 2024\n"
    "Présents : M. Gérard PONSOLLE, Mme Agnès LEROYER, M. Thierry MASSOL.\n"
    "Délibération n° 2024-21 – Tarifs de la cantine scolaire\n"
    "Le conseil municipal, après en avoir délibéré, à l'unanimité, fixe les tarifs.\n";

std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A PDF of `pages` text pages followed by `huge` empty pages of 200000 x
// 200000 pt (a page bomb: rendered at 300 dpi, each would be 7e11 pixels).
std::string PageBomb(size_t huge) {
  std::vector<std::string> objects;
  // Poppler refuses more pages than objects: one object a page, one shared
  // empty content stream (object 6).
  std::string kids = "4 0 R ";
  for (size_t i = 0; i < huge; ++i) kids += std::to_string(7 + i) + " 0 R ";
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(huge + 1) +
                    " >>");
  objects.push_back(
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  std::string content = "BT /F1 11 Tf 14 TL 72 770 Td\n";
  for (const std::string& line : kPage) content += testing_pdf::PdfString(line) + " Tj T*\n";
  content += "ET\n";
  objects.push_back(
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R "
      ">> >> /Contents 5 0 R >>");
  objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
                    "\nendstream");
  objects.push_back("<< /Length 0 >>\nstream\n\nendstream");
  for (size_t i = 0; i < huge; ++i) {
    objects.push_back(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200000 200000] /Contents 6 0 R >>");
  }
  return AssemblePdf(objects);
}

// A PDF whose page 1 is text and page 2 a scanned page (`jpeg`, grey,
// w x h pixels, drawn over an A4 page).
std::string TextThenScan(const std::string& jpeg, int w, int h) {
  std::vector<std::string> objects;
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [4 0 R 6 0 R] /Count 2 >>");
  objects.push_back(
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  std::string content = "BT /F1 11 Tf 14 TL 72 770 Td\n";
  for (const std::string& line : kPage) content += testing_pdf::PdfString(line) + " Tj T*\n";
  content += "ET\n";
  objects.push_back(
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R "
      ">> >> /Contents 5 0 R >>");
  objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
                    "\nendstream");
  objects.push_back(
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 8 0 R "
      ">> >> /Contents 7 0 R >>");
  std::string draw = "q 595 0 0 " + std::to_string(595 * h / w) + " 0 " +
                     std::to_string(842 - 595 * h / w) + " cm /Im1 Do Q\n";
  objects.push_back("<< /Length " + std::to_string(draw.size()) + " >>\nstream\n" + draw +
                    "\nendstream");
  objects.push_back("<< /Type /XObject /Subtype /Image /Width " + std::to_string(w) + " /Height " +
                    std::to_string(h) +
                    " /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length " +
                    std::to_string(jpeg.size()) + " >>\nstream\n" + jpeg + "\nendstream");
  return AssemblePdf(objects);
}

struct Outcome {
  int status = -1;
  std::vector<Json> records;
  std::string err;
  double seconds = 0;
};

class HostileInputTest : public ::testing::Test {
 public:
  void SetUp() override {
    static std::atomic<int> counter{0};
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() / ("delibex-hostile-" + std::to_string(getpid()) + "-" +
                                        info->name() + "-" + std::to_string(counter++));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

 public:
  fs::path Write(const std::string& name, const std::string& bytes) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << bytes;
    return p;
  }

  // Runs a shell command in the test's directory; true when it succeeds.
  bool Shell(const std::string& cmd) {
    return std::system(("cd " + Quote(dir_.string()) + " && " + cmd).c_str()) == 0;
  }

  // Runs `delibex extract ARGS -o out.jsonl`, from the test's directory.
  Outcome Extract(const std::string& args) {
    fs::path out = dir_ / "out.jsonl", err = dir_ / ".stderr";
    fs::remove(out);
    std::string cmd = "cd " + Quote(dir_.string()) + " && " + Quote(DELIBEX_BINARY) +
                      " extract -q -j 2 " + args + " -o out.jsonl 2> " + Quote(err.string());
    auto start = std::chrono::steady_clock::now();
    int raw = std::system(cmd.c_str());
    Outcome r;
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    std::istringstream lines(ReadFile(out));
    for (std::string line; std::getline(lines, line);) r.records.push_back(Json::parse(line));
    r.err = ReadFile(err);
    return r;
  }

  fs::path dir_;
};

bool HasWarning(const Json& record, const std::string& code) {
  if (!record.contains("warnings")) return false;
  for (const Json& w : record["warnings"]) {
    if (w["code"] == code) return true;
  }
  return false;
}

// One kind of bad input: `make` writes it (returning false when a tool it
// needs failed) and names the file; the outcome is an error record with
// `error` (one of them, when several are right), or a record with every
// warning of `warnings`.
struct Kind {
  using Make = std::function<bool(HostileInputTest*, std::string* arg)>;
  Kind(const char* n, Make m, std::vector<std::string> e, std::vector<std::string> w = {},
       std::string o = "", double seconds = 30)
      : name(n),
        make(std::move(m)),
        errors(std::move(e)),
        warnings(std::move(w)),
        options(std::move(o)),
        max_seconds(seconds) {}
  const char* name;
  std::function<bool(HostileInputTest*, std::string* arg)> make;
  std::vector<std::string> errors;    // empty: a record is expected
  std::vector<std::string> warnings;  // on the record
  std::string options;                // extra delibex options
  double max_seconds = 30;
};

TEST_F(HostileInputTest, EveryKindGivesItsErrorOrWarningInBoundedTime) {
  const std::vector<Kind> kinds = {
      {"empty file",
       [](HostileInputTest* t, std::string* a) {
         t->Write(*a = "empty.txt", "");
         return true;
       },
       {"empty"}},
      {"white space only",
       [](HostileInputTest* t, std::string* a) {
         t->Write(*a = "blank.txt", "  \n\t\n \r\n");
         return true;
       },
       {"empty"}},
      {"binary file",
       [](HostileInputTest* t, std::string* a) {
         std::string bytes;
         for (int i = 0; i < 4096; ++i) bytes += static_cast<char>((i * 131 + 7) & 0xFF);
         t->Write(*a = "binary.txt", bytes);
         return true;
       },
       {"binary"}},
      {"invalid UTF-8",
       [](HostileInputTest* t, std::string* a) {
         t->Write(*a = "invalid.txt",
                  "COMMUNE DE LAV\xC8RE\nS\xE9\x61nce du 3 mars 2024\n\xC3\x28\xFF\xFE"
                  "Pr\xE9sents : M. Jean ROUSSEL.\n");
         return true;
       },
       {},
       {"encoding-guessed"}},
      {"text above --max-bytes",
       [](HostileInputTest* t, std::string* a) {
         t->Write(*a = "large.txt", kGood);
         return true;
       },
       {"too-large"},
       {},
       "--max-bytes 100"},
      {"one line of 5 MB",
       [](HostileInputTest* t, std::string* a) {
         std::string line = "COMMUNE DE X Séance du 21 mars 2023 ";
         const char* const words[] = {"Vu ",     "le ",       "conseil ",    "Article ", "1 ",
                                      "Mme ",    "DUPONT ",   "pouvoir ",    "à ",       "M. ",
                                      "décide ", "DÉLIBÈRE ", "unanimité, ", "Objet : "};
         for (size_t i = 0; line.size() < (5u << 20); ++i) line += words[(i * 7 + i / 3) % 14];
         t->Write(*a = "line.txt", line + "\n");
         return true;
       },
       // A record, or this clear error: a pattern stopped at PCRE2's limit.
       {"", "pattern-limit"},
       {},
       "",
       60},
      {"10,000 Article 1 headings",
       [](HostileInputTest* t, std::string* a) {
         std::string text = kGood;
         for (int i = 0; i < 10000; ++i) text += "Article 1\nLe conseil municipal approuve.\n";
         t->Write(*a = "articles.txt", text);
         return true;
       },
       {},
       {},
       "",
       60},
      {"truncated PDF",
       [](HostileInputTest* t, std::string* a) {
         t->Write(*a = "truncated.pdf", MakePdf({kPage, kPage}).substr(0, 200));
         return true;
       },
       {"pdf-damaged"}},
      {"PDF with a broken xref",
       [](HostileInputTest* t, std::string* a) {
         std::string pdf = MakePdf({kPage});
         size_t at = pdf.find("xref\n");
         // Every offset of the table wrong, and startxref too.
         for (size_t i = pdf.find(" n \n", at); i != std::string::npos;
              i = pdf.find(" n \n", i + 1))
           pdf[i - 16] = '9';
         pdf.replace(pdf.rfind("startxref\n"), std::string::npos, "startxref\n999999\n%%EOF\n");
         t->Write(*a = "xref.pdf", pdf);
         return true;
       },
       {}},  // Poppler rebuilds the table, silently
      {"encrypted PDF",
       [](HostileInputTest* t, std::string* a) {
         Encryption locked{"secret", "owner"};
         t->Write(*a = "encrypted.pdf", MakePdf({kPage}, &locked));
         return true;
       },
       {"pdf-encrypted"}},
      {"PDF with no page",
       [](HostileInputTest* t, std::string* a) {
         t->Write(*a = "nopage.pdf", AssemblePdf({"<< /Type /Catalog /Pages 2 0 R >>",
                                                  "<< /Type /Pages /Kids [] /Count 0 >>"}));
         return true;
       },
       {"pdf-damaged"}},
      {"PDF bomb: 5,000 pages of 200000 x 200000 pt",
       [](HostileInputTest* t, std::string* a) {
         t->Write(*a = "bomb.pdf", PageBomb(5000));
         return true;
       },
       {},
       {"pdf-pages-skipped", "pdf-page-too-large"},
       "--max-pages 20"},
      {"image with no text",
       [](HostileInputTest* t, std::string* a) {
         return t->Shell("convert -size 400x300 xc:white " + Quote(*a = "white.png"));
       },
       {"no-text"}},
      {"zero-byte image",
       [](HostileInputTest* t, std::string* a) {
         t->Write(*a = "zero.png", "");
         return true;
       },
       {"empty"}},
      {"image of 20000 x 20000 pixels",
       [](HostileInputTest* t, std::string* a) {
         // A valid 1-bit PNG (76 KB): its header is read, never its pixels.
         t->Write("huge.py", R"(import struct, zlib
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
c = zlib.compressobj(9)
row = bytes(1) + bytes([255]) * 2500
data = b"".join(c.compress(row) for _ in range(20000)) + c.flush()
ihdr = struct.pack(">IIBBBBB", 20000, 20000, 1, 0, 0, 0, 0)
open("huge.png", "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) +
                             chunk(b"IDAT", data) + chunk(b"IEND", b""))
)");
         *a = "huge.png";
         return t->Shell("python3 huge.py");
       },
       {"too-large"}},
      {"unsupported format: a .docx renamed .txt",
       [](HostileInputTest* t, std::string* a) {
         t->Write(*a = "minutes.txt",
                  std::string("PK\x03\x04\x14\x00\x06\x00\x08\x00", 10) + "[Content_Types].xml");
         return true;
       },
       {"unsupported-format"}},
      {"known extension, other magic: a ZIP named .pdf",
       [](HostileInputTest* t, std::string* a) {
         t->Write(*a = "report.pdf", std::string("PK\x03\x04\x14\x00\x00\x00", 8) + "word/x.xml");
         return true;
       },
       {"unsupported-format"}},
      {"known extension, other magic: a PNG signature and garbage",
       [](HostileInputTest* t, std::string* a) {
         t->Write(*a = "scan.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) + "garbage");
         return true;
       },
       {"image-unreadable"}},
      {"unreadable path: a dangling symbolic link",
       [](HostileInputTest* t, std::string* a) {
         fs::create_symlink("nowhere.txt", t->dir_ / (*a = "dangling.txt"));
         return true;
       },
       {"io"}},
      {"unreadable path: a FIFO nobody writes to",
       [](HostileInputTest* t, std::string* a) {
         return ::mkfifo((t->dir_ / (*a = "fifo.txt")).c_str(), 0600) == 0;
       },
       {"empty"}},
      {"a page whose OCR runs past --ocr-timeout",
       [](HostileInputTest* t, std::string* a) {
         return t->Shell(
             "convert -size 1240x400 xc:white -font DejaVu-Sans -pointsize 28 -fill black "
             "-annotate +60+100 'Séance du conseil municipal du 14 mai 2024' "
             "-annotate +60+160 'Présents : M. Jean DUPONT, Mme Anne MARTIN' "
             "-density 150 -units PixelsPerInch " +
             Quote(*a = "page.png"));
       },
       {"ocr-timeout"},
       {},
       "--ocr-timeout 0.001"},
      {"a PDF's scanned page past --ocr-timeout, its text page read",
       [](HostileInputTest* t, std::string* a) {
         if (!t->Shell("convert -size 1240x400 xc:white -font DejaVu-Sans -pointsize 28 "
                       "-fill black -annotate +60+100 'Vote : adopté à l’unanimité' "
                       "-colorspace Gray -quality 80 scan.jpg"))
           return false;
         t->Write(*a = "mixed.pdf", TextThenScan(ReadFile(t->dir_ / "scan.jpg"), 1240, 400));
         return true;
       },
       {},
       {"ocr-timeout"},
       "--ocr-timeout 0.001"},
  };
  ASSERT_GE(kinds.size(), 18u);
  for (const Kind& k : kinds) {
    SCOPED_TRACE(k.name);
    std::string arg;
    ASSERT_TRUE(k.make(this, &arg)) << "could not write the input";
    Outcome r = Extract(k.options + " " + Quote(arg));
    std::printf("  %-60s %6.2f s\n", k.name, r.seconds);
    ASSERT_EQ(r.records.size(), 1u) << r.err;
    const Json& rec = r.records[0];
    EXPECT_EQ(rec["source"]["file"], arg);
    EXPECT_LE(r.seconds, k.max_seconds);
    std::string got = rec.contains("error") ? rec["error"]["code"].get<std::string>() : "";
    std::vector<std::string> allowed = k.errors.empty() ? std::vector<std::string>{""} : k.errors;
    EXPECT_NE(std::find(allowed.begin(), allowed.end(), got), allowed.end())
        << "got " << (got.empty() ? "a record" : got) << "\n"
        << rec.dump().substr(0, 600);
    EXPECT_EQ(r.status, got.empty() ? 0 : 1);
    if (!got.empty()) {
      EXPECT_NE(r.err.find("(" + got), std::string::npos) << r.err;
      continue;
    }
    for (const std::string& w : k.warnings) {
      EXPECT_TRUE(HasWarning(rec, w)) << "no warning " << w << " in " << rec["warnings"].dump();
    }
  }
}

// A directory holding a loop of symbolic links (a -> .., b -> a) and a
// second link to a walked directory: the walk ends, each file is listed
// once, and the skipped links are noted on stderr.
TEST_F(HostileInputTest, DirectoryLoopOfSymlinksEndsWithoutDuplicates) {
  Write("in/doc.txt", kGood);
  Write("in/sub/other.txt", kGood);
  fs::create_directory_symlink("..", dir_ / "in/sub/up");
  fs::create_directory_symlink("sub", dir_ / "in/alias");
  fs::create_directory_symlink("loop2", dir_ / "in/loop1");
  fs::create_directory_symlink("loop1", dir_ / "in/loop2");  // ELOOP: neither resolves
  Outcome r = Extract("in");
  EXPECT_LT(r.seconds, 30);
  std::vector<std::string> files;
  for (const Json& rec : r.records) files.push_back(rec["source"]["file"]);
  // A directory reached by a link and by its real path is listed under its
  // real path.
  EXPECT_EQ(files, (std::vector<std::string>{"doc.txt", "sub/other.txt"})) << r.err;
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.err.find("already walked"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace delibex
