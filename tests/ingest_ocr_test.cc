// Tests of ingest/ocr: pages rendered at test time from short French texts
// written for these tests, with ImageMagick's convert (Pango), then skewed,
// noised, turned. Tests that need a rendered page are skipped when convert
// (with Pango) is missing.
//
// Run with OMP_THREAD_LIMIT=1 in the environment (ctest sets it): with
// Tesseract's OpenMP threads the same tests take several times longer.
#include "ingest/ocr.h"
#include "ingest/scan.h"

#include <gtest/gtest.h>
#include <leptonica/allheaders.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace delibex {
namespace {

namespace fs = std::filesystem;

constexpr char kConvert[] = "/usr/bin/convert";

// A sitting's opening: dates, a deliberation number, names, accents.
constexpr char kSitting[] =
    "COMMUNE DE BELLEFONTAINE-SUR-LOIRE\n"
    "Séance du conseil municipal du 12 avril 2024\n"
    "\n"
    "L'an deux mille vingt-quatre, le douze avril, à dix-huit heures trente,\n"
    "le conseil municipal s'est réuni sous la présidence de Mme Odile Mercier.\n"
    "Présents : M. Armand Rigal, Mme Lucie Ferrand, M. Noël Castagné,\n"
    "Mme Rose Vidalenc, M. Julien Barthès, Mme Agathe Lemoine.\n"
    "Délibération n° 2024-031 : travaux de voirie, adoptée à l'unanimité.";

// Two more pages for the multi-page tests.
constexpr char kPageOne[] =
    "Première page du registre : ordre du jour de la séance.\n"
    "Budget primitif de l'exercice 2025 et tarifs de la cantine.\n"
    "Le quorum est atteint, la séance est ouverte à vingt heures.";
constexpr char kPageTwo[] =
    "Deuxième page du registre : questions diverses et clôture.\n"
    "Le secrétaire de séance est Monsieur Gaspard Dulac.\n"
    "La séance est levée à vingt-deux heures quinze.";

// A page in capitals: Leptonica's orientation test, which counts ascenders
// and descenders, can seldom tell its orientation.
constexpr char kCapitals[] =
    "SYNDICAT INTERCOMMUNAL DES EAUX DU VAL DE BRIANCE\n"
    "COMITÉ SYNDICAL DU 3 OCTOBRE 2023\n"
    "RAPPORT ANNUEL SUR LE PRIX ET LA QUALITÉ DU SERVICE\n"
    "ADOPTÉ PAR LE COMITÉ À L'UNANIMITÉ DES MEMBRES PRÉSENTS\n"
    "TRANSMIS EN PRÉFECTURE LE 9 OCTOBRE 2023";

// Runs argv[0] with arguments, no shell; true when it exits with 0.
bool Run(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const pid_t pid = fork();
  if (pid < 0) return false;
  if (pid == 0) {
    // Quiet child: ImageMagick warns about fonts on some machines.
    FILE* null = std::fopen("/dev/null", "w");
    if (null != nullptr) dup2(fileno(null), STDERR_FILENO);
    execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return false;
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct Scan {
  int dpi = 300;
  double skew = 0;   // degrees clockwise, like a sheet put askew
  double noise = 0;  // ImageMagick Gaussian noise strength
  double blur = 0;   // sigma, pixels
};

// Renders `text` (Pango markup without & < >) as a scanned page image: PNG
// bytes, or empty when convert cannot.
std::string Render(const std::string& text, const Scan& scan, const fs::path& out) {
  const std::string dpi = std::to_string(scan.dpi);
  std::vector<std::string> argv = {kConvert,
                                   "-density",
                                   dpi,
                                   "pango:<span font='DejaVu Serif 10.5'>" + text + "</span>",
                                   "-bordercolor",
                                   "white",
                                   "-border",
                                   std::to_string(scan.dpi / 2),
                                   "-colorspace",
                                   "gray"};
  if (scan.skew != 0) {
    for (const char* a : {"-background", "white", "-rotate"}) argv.push_back(a);
    argv.push_back(std::to_string(scan.skew));
  }
  if (scan.noise != 0) {
    // A fixed seed: the same noise, hence the same page, on every run.
    for (const char* a : {"-seed", "7", "-attenuate"}) argv.push_back(a);
    argv.push_back(std::to_string(scan.noise));
    argv.push_back("+noise");
    argv.push_back("Gaussian");
  }
  if (scan.blur != 0) {
    argv.push_back("-blur");
    argv.push_back("0x" + std::to_string(scan.blur));
  }
  for (const char* a : {"-units", "PixelsPerInch", "-density"}) argv.push_back(a);
  argv.push_back(dpi);
  argv.push_back(out.string());
  if (!Run(argv)) return "";
  return ReadFile(out);
}

// One engine and the rendered pages, shared by the tests of the suite
// (an engine costs about 0.15 s, a rendering 0.3 to 1 s).
class OcrTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ =
        new fs::path(fs::temp_directory_path() / ("delibex-ocr-test-" + std::to_string(getpid())));
    fs::create_directories(*dir_);
    images_ = new std::map<std::string, std::string>();
  }
  static void TearDownTestSuite() {
    std::error_code ec;
    fs::remove_all(*dir_, ec);
    delete dir_;
    delete images_;
    engine_.reset();
  }

  // The engine with default options; fails the test when it cannot load.
  static OcrEngine* Engine() {
    if (!engine_) {
      Result<std::unique_ptr<OcrEngine>> created = OcrEngine::Create();
      if (!created.ok()) {
        ADD_FAILURE() << created.error().code << ": " << created.error().message;
        return nullptr;
      }
      engine_ = std::move(created).value();
    }
    return engine_.get();
  }

  // The page `name`, rendered once; empty when convert is missing.
  static std::string Image(const std::string& name, const std::string& text, const Scan& scan) {
    auto it = images_->find(name);
    if (it != images_->end()) return it->second;
    std::string bytes;
    if (access(kConvert, X_OK) == 0) bytes = Render(text, scan, *dir_ / (name + ".png"));
    (*images_)[name] = bytes;
    return bytes;
  }

  static PixPtr Decode(const std::string& bytes) {
    Result<std::vector<PixPtr>> pages = ReadImages(bytes);
    if (!pages.ok() || pages.value().size() != 1) return nullptr;
    return std::move(std::move(pages).value()[0]);
  }

  static OcrPage MustRecognize(Pix* pix) {
    OcrEngine* engine = Engine();
    if (engine == nullptr) return {};
    Result<OcrPage> page = engine->Recognize(pix);
    if (!page.ok()) {
      ADD_FAILURE() << page.error().code << ": " << page.error().message;
      return {};
    }
    return std::move(page).value();
  }

  static fs::path* dir_;
  static std::map<std::string, std::string>* images_;
  static std::unique_ptr<OcrEngine> engine_;
};

fs::path* OcrTest::dir_ = nullptr;
std::map<std::string, std::string>* OcrTest::images_ = nullptr;
std::unique_ptr<OcrEngine> OcrTest::engine_;

#define RENDER_OR_SKIP(var, name, text, scan)      \
  const std::string var = Image(name, text, scan); \
  if (var.empty()) GTEST_SKIP() << kConvert << " with Pango is needed to render test pages"

void ExpectSittingRead(const OcrPage& page) {
  for (const char* key : {"BELLEFONTAINE-SUR-LOIRE", "12 avril 2024", "2024-031", "Mercier",
                          "Castagné", "Présents", "unanimité", "dix-huit heures trente"}) {
    EXPECT_NE(page.text.find(key), std::string::npos) << "no '" << key << "' in:\n" << page.text;
  }
  EXPECT_GT(page.mean_confidence, 80);
}

TEST(RepairDigitsTest, RepairsOnlyMostlyNumericTokens) {
  const struct {
    const char* in;
    const char* out;
  } cases[] = {
      {"2l", "21"},
      {"2O24", "2024"},
      {"2o24", "2024"},
      {"2O24-O17", "2024-017"},
      {"l2 5O0", "12 500"},
      {"I5/O3/2O24", "15/03/2024"},
      {"3,4S", "3,45"},
      {"1S:3O", "15:30"},
      {"2024", "2024"},  // nothing to repair
      {"", ""},
      // Not mostly digits, or not only digits and look-alikes: unchanged.
      {"Il", "Il"},
      {"SO", "SO"},
      {"lOI", "lOI"},
      {"Sl2", "Sl2"},  // two letters, one digit
      {"5OO", "5OO"},
      {"1er", "1er"},
      {"AB", "AB"},
      {"Solène", "Solène"},
      {"n°2O", "n°2O"},
      {"12h3O", "12h3O"},
      {"LOISEL", "LOISEL"},
      {"2O24a", "2O24a"},
  };
  for (const auto& c : cases) EXPECT_EQ(RepairDigits(c.in), c.out) << c.in;
}

TEST(RepairOcrWordTest, NumbersDatesAndIdsButNeverNames) {
  struct Case {
    const char* in;
    bool line_start;
    const char* next;
    const char* out;
  };
  const Case cases[] = {
      // Numbers and dates, brackets and a final stop set aside.
      {"2l", false, "", "21"},
      {"(2l)", false, "", "(21)"},
      {"1S/O3/2O23", false, "", "15/03/2023"},
      {"18:3O.", false, "", "18:30."},
      // @CTES identifiers: department, SIREN and date; number and nature kept.
      {"O82-2282OOO1O-2O230321-1077-DE-1-1", false, "", "082-228200010-20230321-1077-DE-1-1"},
      {"082-228200010-20230321-AR_O12-DE", false, "", "082-228200010-20230321-AR_O12-DE"},
      // Initials and first names with "]" for "J".
      {"].P.", false, "", "J.P."},
      {"M.].", false, "", "M.J."},
      {"]ean-Marc", false, "", "Jean-Marc"},
      {"[voir]", false, "", "[voir]"},
      // "1er" before a month only.
      {"ler", false, "janvier", "1er"},
      {"ler", false, "adjoint", "ler"},
      // A misread check-mark bullet, at a line's start only.
      {"ÿ", true, "Autorise", "•"},
      {"ÿ", false, "Autorise", "ÿ"},
      // Never a name or a word.
      {"SOLANS", false, "", "SOLANS"},
      {"Il", false, "", "Il"},
      {"lO", false, "", "lO"},
      {"Sl2", false, "", "Sl2"},
      {"OLIVARES", false, "", "OLIVARES"},
  };
  for (const Case& c : cases) EXPECT_EQ(RepairOcrWord(c.in, c.line_start, c.next), c.out) << c.in;
}

TEST(ContinuesActIdTest, JoinsAnIdCutAtItsUnderscore) {
  EXPECT_TRUE(ContinuesActId("057-215704636-20220926-2022", ""));
  EXPECT_TRUE(ContinuesActId("057-215704636-20220926-2022", "044-DE"));
  EXPECT_TRUE(ContinuesActId("02A-212000350-20240312-DEL", "2024"));
  EXPECT_TRUE(ContinuesActId("02A-212000350-20240312-DEL_2024", "12-DE-1-1"));
  // A whole id, an id with its nature, a date, a word: nothing to join.
  EXPECT_FALSE(ContinuesActId("057-215704636-20220926-2022_044-DE", "suite"));
  EXPECT_FALSE(ContinuesActId("057-215704636-20220926-2022", "reçu"));
  EXPECT_FALSE(ContinuesActId("057-215704636-20220926-2022", "044-de"));
  EXPECT_FALSE(ContinuesActId("12-03-2024", "044"));
  EXPECT_FALSE(ContinuesActId("Mairie", "044-DE"));
}

// Pages built from word boxes (no OCR): an A4 page at 300 dpi, letters 40 px
// high, a word's width 25 px a letter, one space 15 px.
struct WordsOnAPage {
  OcrPage page;
  int line = 0;
  WordsOnAPage() {
    page.width = 2480;
    page.height = 3508;
  }
  // Words of one line at `top`; each piece is a run of words starting at its
  // x, words set one space apart.
  void Line(int top, std::vector<std::pair<int, std::string>> pieces) {
    for (auto& [x, words] : pieces) {
      int left = x;
      std::istringstream in(words);
      std::string w;
      while (in >> w) {
        int right = left + 25 * static_cast<int>(w.size());
        page.words.push_back(OcrWord{w, left, top, right, top + 40, 90.f, line});
        left = right + 15;
      }
    }
    ++line;
  }
};

TEST(BuildPageTextTest, ProseBetweenTableRowsKeepsItsLines) {
  // Rows of a table with a gap after their first cell, and between them
  // sentences that run across the place of that gap: no margin column.
  WordsOnAPage p;
  p.Line(400, {{430, "Le 10/2/2019"}, {900, "ENTREPRISE ROUX travaux de voirie 1.200 € HT"}});
  p.Line(460, {{430, "Le 18/2/2019"}, {900, "SOCIETE BLANC entretien des espaces 980 € HT"}});
  p.Line(520, {{430, "Monsieur le maire expose que la commune doit refaire le mur du"}});
  p.Line(580, {{430, "cimetière et propose de solliciter une aide du Département."}});
  p.Line(640, {{430, "Le 20/2/2019"}, {900, "GARAGE NOIR réparation du tracteur 640 € HT"}});
  p.Line(700, {{430, "Accord du conseil à l'unanimité."}});
  Page out;
  BuildPageText(p.page, &out);
  EXPECT_NE(out.text.find("Monsieur le maire expose que la commune doit refaire le mur du\n"
                          "cimetière et propose"),
            std::string::npos)
      << out.text;
  EXPECT_NE(out.text.find("Le 20/2/2019"), std::string::npos);
  EXPECT_EQ(out.words.size(), p.page.words.size());
}

TEST(BuildPageTextTest, ARegistersMarginGoesAfterTheBody) {
  // A margin column (counts) beside lines of prose that start right of it:
  // the body's sentences are read whole, the margin after them.
  WordsOnAPage p;
  p.Line(400, {{150, "Présents : 9"}, {800, "Le conseil municipal de la commune s'est réuni en"}});
  p.Line(460, {{150, "Votants : 11"}, {800, "session ordinaire à la mairie sous la présidence"}});
  p.Line(520, {{150, "Pour : 11"}, {800, "de son maire et a pris la délibération suivante"}});
  p.Line(580, {{150, "Contre : 0"}, {800, "relative aux tarifs de la salle des fêtes."}});
  Page out;
  BuildPageText(p.page, &out);
  size_t body = out.text.find(
      "Le conseil municipal de la commune s'est réuni en\nsession ordinaire à la mairie");
  size_t margin = out.text.find("Présents : 9\nVotants : 11");
  EXPECT_NE(body, std::string::npos) << out.text;
  EXPECT_NE(margin, std::string::npos) << out.text;
  EXPECT_LT(body, margin);
}

TEST(BuildPageTextTest, AShortTwoColumnTableIsNoMargin) {
  // "15 ans ...   200 €": figures beside labels, nothing past the page's
  // middle: the rows are read across.
  WordsOnAPage p;
  p.Line(280, {{430, "Monsieur le maire rappelle la délibération prise en 2016 qui fixe"}});
  p.Line(340, {{430, "les tarifs des concessions dans le cimetière communal et propose"}});
  p.Line(400, {{430, "de les revoir. Concernant le columbarium les montants sont :"}});
  p.Line(460, {{430, "15 ans"}, {800, "200 €"}});
  p.Line(520, {{430, "30 ans"}, {800, "350 €"}});
  p.Line(580, {{430, "50 ans"}, {800, "550 €"}});
  Page out;
  BuildPageText(p.page, &out);
  EXPECT_NE(out.text.find("15 ans"), std::string::npos);
  EXPECT_LT(out.text.find("15 ans"), out.text.find("200 €")) << out.text;
  EXPECT_LT(out.text.find("200 €"), out.text.find("30 ans")) << out.text;
}

TEST(ReadImagesTest, UnreadableBytesAreImageUnreadable) {
  const std::string png_header = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  for (const std::string& bytes :
       {std::string(), std::string("not an image at all, just some text"), std::string("GIF8"),
        std::string(png_header.data(), 16) + std::string(40, '\x7f')}) {
    Result<std::vector<PixPtr>> pages = ReadImages(bytes);
    ASSERT_FALSE(pages.ok()) << bytes.size() << " bytes";
    EXPECT_EQ(pages.error().code, "image-unreadable");
    EXPECT_FALSE(pages.error().message.empty());
  }
}

TEST(OcrEngineTest, MissingLanguageDataIsOcrUnavailable) {
  const fs::path empty =
      fs::temp_directory_path() / ("delibex-no-tessdata-" + std::to_string(getpid()));
  fs::create_directories(empty);
  Result<std::unique_ptr<OcrEngine>> engine = OcrEngine::Create({.tessdata_dir = empty.string()});
  fs::remove_all(empty);
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.error().code, "ocr-unavailable");
  EXPECT_NE(engine.error().message.find("fra"), std::string::npos) << engine.error().message;
}

TEST_F(OcrTest, ReadsAPageWithItsWordsAndBoxes) {
  RENDER_OR_SKIP(png, "sitting", kSitting, Scan{});
  PixPtr pix = Decode(png);
  ASSERT_TRUE(pix);
  const OcrPage page = MustRecognize(pix.get());
  ExpectSittingRead(page);
  EXPECT_EQ(page.rotation_degrees, 0);
  EXPECT_EQ(page.scale, 1);
  EXPECT_EQ(page.dpi, 300);
  // Lines end with "\n", the blank line after the heading is a paragraph
  // break.
  EXPECT_NE(page.text.find("12 avril 2024\n\n"), std::string::npos) << page.text;
  ASSERT_GT(page.words.size(), 40u);
  int line = 0;
  for (const OcrWord& w : page.words) {
    EXPECT_FALSE(w.text.empty());
    EXPECT_GE(w.left, 0);
    EXPECT_LT(w.left, w.right);
    EXPECT_LT(w.top, w.bottom);
    EXPECT_LE(w.right, page.width);
    EXPECT_LE(w.bottom, page.height);
    EXPECT_GE(w.confidence, 0);
    EXPECT_LE(w.confidence, 100);
    EXPECT_GE(w.line, line);  // reading order
    line = w.line;
  }
  EXPECT_EQ(page.words.front().text, "COMMUNE");
  EXPECT_EQ(line, 6);  // seven lines of text
}

TEST_F(OcrTest, DeskewsANoisyPageTurnedOneAndAHalfDegrees) {
  RENDER_OR_SKIP(png, "skewed", kSitting, (Scan{.skew = 1.5, .noise = 0.6, .blur = 0.7}));
  PixPtr pix = Decode(png);
  ASSERT_TRUE(pix);
  const OcrPage page = MustRecognize(pix.get());
  ExpectSittingRead(page);
  // A sheet turned clockwise is turned back counter-clockwise.
  EXPECT_NEAR(page.skew_degrees, -1.5, 0.2);
}

TEST_F(OcrTest, ReadsPagesScannedSidewaysAndUpsideDown) {
  RENDER_OR_SKIP(png, "sitting", kSitting, Scan{});
  PixPtr pix = Decode(png);
  ASSERT_TRUE(pix);
  for (int quads : {1, 2, 3}) {
    SCOPED_TRACE(quads * 90);
    PixPtr turned(pixRotateOrth(pix.get(), quads));
    ASSERT_TRUE(turned);
    const OcrPage page = MustRecognize(turned.get());
    ExpectSittingRead(page);
    EXPECT_EQ(page.rotation_degrees, (4 - quads) * 90 % 360);
    EXPECT_EQ(page.orientation_method, "leptonica");
  }
}

TEST_F(OcrTest, UpsideDownCapitalsAreReadRightWithAndWithoutOsd) {
  RENDER_OR_SKIP(png, "capitals", kCapitals, Scan{.skew = 0.5});
  PixPtr pix = Decode(png);
  ASSERT_TRUE(pix);
  PixPtr upside_down(pixRotateOrth(pix.get(), 2));
  ASSERT_TRUE(upside_down);
  ASSERT_NE(Engine(), nullptr);

  // Without osd.traineddata: a data directory with only the French model.
  const fs::path only_fra = *dir_ / "tessdata-fra-only";
  fs::create_directories(only_fra);
  std::error_code ec;
  fs::create_symlink(fs::path(Engine()->tessdata_dir()) / "fra.traineddata",
                     only_fra / "fra.traineddata", ec);
  ASSERT_FALSE(ec) << ec.message();
  Result<std::unique_ptr<OcrEngine>> without_osd =
      OcrEngine::Create({.tessdata_dir = only_fra.string()});
  ASSERT_TRUE(without_osd.ok()) << without_osd.error().message;
  EXPECT_FALSE(without_osd.value()->has_osd());

  for (OcrEngine* engine : {Engine(), without_osd.value().get()}) {
    SCOPED_TRACE(engine->has_osd() ? "with OSD" : "without OSD");
    Result<OcrPage> page = engine->Recognize(upside_down.get());
    ASSERT_TRUE(page.ok()) << page.error().message;
    // (Tesseract often drops the accents of capitals: "ADOPTE", "COMITE".)
    for (const char* key : {"BRIANCE", "3 OCTOBRE 2023", "UNANIMIT", "9 OCTOBRE 2023"}) {
      EXPECT_NE(page.value().text.find(key), std::string::npos) << "no '" << key << "' in:\n"
                                                                << page.value().text;
    }
    EXPECT_EQ(page.value().rotation_degrees, 180);
    // Leptonica could not tell on this page when the test was written; if
    // it now can, the fallback is not exercised but the page is still right.
    const std::string expected_fallback = engine->has_osd() ? "osd" : "trial";
    std::cerr << "[ note     ] " << (engine->has_osd() ? "with" : "without")
              << " OSD: orientation by " << page.value().orientation_method << "\n";
    if (page.value().orientation_method != "leptonica") {
      EXPECT_EQ(page.value().orientation_method, expected_fallback);
    }
  }
}

TEST_F(OcrTest, LowResolutionPagesAreScaledUp) {
  RENDER_OR_SKIP(png, "sitting-150", kSitting, Scan{.dpi = 150});
  PixPtr pix = Decode(png);
  ASSERT_TRUE(pix);
  ASSERT_EQ(pixGetXRes(pix.get()), 150);
  OcrPage page = MustRecognize(pix.get());
  ExpectSittingRead(page);
  EXPECT_EQ(page.scale, 2);
  EXPECT_EQ(page.dpi, 300);

  // No stated resolution: a page narrower than 1800 px is scaled up too.
  pixSetResolution(pix.get(), 0, 0);
  page = MustRecognize(pix.get());
  ExpectSittingRead(page);
  EXPECT_EQ(page.scale, 2);
}

TEST_F(OcrTest, AMarginColumnDoesNotCutTheBodysLines) {
  const std::string margin_text = "Objet :\nsalle polyvalente\nN° 2024-021\nVote : unanimité";
  const std::string body_text =
      "Le conseil municipal, après en avoir délibéré,\n"
      "approuve la convention de mise à disposition\n"
      "de la salle polyvalente au profit du comité des\n"
      "fêtes pour l'année 2024, et autorise le maire\n"
      "à signer tout document utile à cet effet.";
  RENDER_OR_SKIP(margin_png, "margin", margin_text, Scan{});
  RENDER_OR_SKIP(body_png, "body", body_text, Scan{});
  PixPtr margin = Decode(margin_png), body = Decode(body_png);
  ASSERT_TRUE(margin && body);
  PixPtr margin8(pixConvertTo8(margin.get(), 0)), body8(pixConvertTo8(body.get(), 0));
  ASSERT_TRUE(margin8 && body8);
  // The register's layout: a narrow margin column, the body to its right.
  const int width = 2480, height = 1400;
  PixPtr page(pixCreate(width, height, 8));
  ASSERT_TRUE(page);
  pixSetAllArbitrary(page.get(), 255);
  pixSetResolution(page.get(), 300, 300);
  pixRasterop(page.get(), 0, 0, pixGetWidth(margin8.get()), pixGetHeight(margin8.get()), PIX_SRC,
              margin8.get(), 0, 0);
  pixRasterop(page.get(), 650, 0, std::min(pixGetWidth(body8.get()), width - 650),
              pixGetHeight(body8.get()), PIX_SRC, body8.get(), 0, 0);

  const OcrPage read = MustRecognize(page.get());
  for (const char* line : {"Le conseil municipal, après en avoir délibéré,",
                           "approuve la convention de mise à disposition",
                           "de la salle polyvalente au profit du comité des",
                           "fêtes pour l'année 2024, et autorise le maire"}) {
    EXPECT_NE(read.text.find(std::string(line) + "\n"), std::string::npos)
        << "no line '" << line << "' in:\n"
        << read.text;
  }
  EXPECT_NE(read.text.find("N° 2024-021"), std::string::npos) << read.text;
}

TEST_F(OcrTest, ATwoPageTiffGivesItsPagesInOrder) {
  RENDER_OR_SKIP(one, "page-one", kPageOne, Scan{});
  RENDER_OR_SKIP(two, "page-two", kPageTwo, Scan{});
  PixPtr p1 = Decode(one), p2 = Decode(two);
  ASSERT_TRUE(p1 && p2);
  Pixa* pixa = pixaCreate(2);
  pixaAddPix(pixa, p1.get(), L_COPY);
  pixaAddPix(pixa, p2.get(), L_COPY);
  l_uint8* data = nullptr;
  size_t size = 0;
  const int failed = pixaWriteMemMultipageTiff(&data, &size, pixa);
  pixaDestroy(&pixa);
  ASSERT_EQ(failed, 0);
  const std::string tiff(reinterpret_cast<const char*>(data), size);
  lept_free(data);

  Result<std::vector<PixPtr>> pages = ReadImages(tiff);
  ASSERT_TRUE(pages.ok()) << pages.error().message;
  ASSERT_EQ(pages.value().size(), 2u);
  const std::vector<Result<OcrPage>> read =
      RecognizeAll({pages.value()[0].get(), pages.value()[1].get()}, 2);
  ASSERT_EQ(read.size(), 2u);
  ASSERT_TRUE(read[0].ok() && read[1].ok());
  EXPECT_NE(read[0].value().text.find("Première page"), std::string::npos) << read[0].value().text;
  EXPECT_NE(read[0].value().text.find("exercice 2025"), std::string::npos) << read[0].value().text;
  EXPECT_NE(read[1].value().text.find("Deuxième page"), std::string::npos) << read[1].value().text;
  EXPECT_NE(read[1].value().text.find("Gaspard Dulac"), std::string::npos) << read[1].value().text;
}

TEST_F(OcrTest, TwoWorkersGiveTheSameTextAsOne) {
  RENDER_OR_SKIP(one, "page-one", kPageOne, Scan{});
  RENDER_OR_SKIP(two, "page-two", kPageTwo, Scan{});
  RENDER_OR_SKIP(sitting, "sitting", kSitting, Scan{});
  PixPtr p1 = Decode(one), p2 = Decode(two), p3 = Decode(sitting);
  ASSERT_TRUE(p1 && p2 && p3);
  PixPtr p4(pixCopy(nullptr, p1.get()));
  const std::vector<Pix*> pages = {p1.get(), p2.get(), p3.get(), p4.get()};
  const std::vector<Result<OcrPage>> serial = RecognizeAll(pages, 1);
  const std::vector<Result<OcrPage>> parallel = RecognizeAll(pages, 2);
  ASSERT_EQ(serial.size(), pages.size());
  ASSERT_EQ(parallel.size(), pages.size());
  for (size_t i = 0; i < pages.size(); ++i) {
    ASSERT_TRUE(serial[i].ok() && parallel[i].ok()) << i;
    EXPECT_FALSE(serial[i].value().text.empty()) << i;
    EXPECT_EQ(serial[i].value().text, parallel[i].value().text) << i;
    EXPECT_EQ(serial[i].value().words.size(), parallel[i].value().words.size()) << i;
  }
  EXPECT_EQ(serial[0].value().text, serial[3].value().text);
}

TEST(RecognizeAllTest, NoPagesAndNoEngine) {
  EXPECT_TRUE(RecognizeAll({}, 2).empty());
  PixPtr blank(pixCreate(100, 100, 8));
  ASSERT_TRUE(blank);
  const std::vector<Result<OcrPage>> read =
      RecognizeAll({blank.get(), blank.get()}, 2, {.tessdata_dir = "/nonexistent/tessdata"});
  ASSERT_EQ(read.size(), 2u);
  for (const Result<OcrPage>& page : read) {
    ASSERT_FALSE(page.ok());
    EXPECT_EQ(page.error().code, "ocr-unavailable");
  }
}

TEST_F(OcrTest, ABlankPageGivesNoTextNotAnError) {
  PixPtr blank(pixCreate(2480, 3508, 8));
  ASSERT_TRUE(blank);
  pixSetAllArbitrary(blank.get(), 255);
  pixSetResolution(blank.get(), 300, 300);
  const OcrPage page = MustRecognize(blank.get());
  EXPECT_EQ(page.text, "");
  EXPECT_TRUE(page.words.empty());
  EXPECT_EQ(page.mean_confidence, 0);
}

}  // namespace
}  // namespace delibex
