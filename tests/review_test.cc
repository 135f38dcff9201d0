// review/: the review page's data, its template filling and escaping, the
// fields each warning names, the index's counts, and the page images ingest
// keeps for it (in the frame of the provenance boxes). The page itself is
// checked in a browser by tests/review_browser_check.py.
#include "review/review.h"

#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "ingest/ingest.h"
#include "ingest/ocr.h"
#include "pipeline/pipeline.h"
#include "validate/validate.h"

namespace delibex {
namespace {

using internal::FillTemplate;

std::string Path(const std::string& rel) { return std::string(DELIBEX_SOURCE_DIR) + "/" + rel; }

const PatternSet& Patterns() {
  static const std::shared_ptr<const PatternSet> set =
      PatternSet::Load(PatternSet::BuiltinSources()).value();
  return *set;
}

// The JSON the page embeds in <script id="ID">, parsed.
nlohmann::json EmbeddedJson(const std::string& html, const std::string& id) {
  const std::string open = "<script type=\"application/json\" id=\"" + id + "\">";
  size_t at = html.find(open);
  EXPECT_NE(at, std::string::npos) << "no script " << id;
  if (at == std::string::npos) return nullptr;
  at += open.size();
  size_t end = html.find("</script>", at);
  EXPECT_NE(end, std::string::npos);
  return nlohmann::json::parse(html.substr(at, end - at));
}

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

TEST(ReviewTemplate, FillsKnownPlacesOnceAndKeepsUnknownOnes) {
  EXPECT_EQ(FillTemplate("<p>{{a}} and {{b}}</p>", {{"a", "{{b}}"}, {"b", "B"}}),
            "<p>{{b}} and B</p>");
  EXPECT_EQ(FillTemplate("{{typo}} {{a}}", {{"a", "A"}}), "{{typo}} A");
  EXPECT_EQ(FillTemplate("no place {{ at all", {{"a", "A"}}), "no place {{ at all");
  EXPECT_EQ(FillTemplate("", {}), "");
}

TEST(ReviewTemplate, EveryTemplateIsEmbeddedAndHasItsPlaces) {
  for (const char* name : {"review.html", "review.css", "review.js", "index.html"}) {
    EXPECT_FALSE(internal::BuiltinTemplate(name).empty()) << name;
  }
  EXPECT_TRUE(internal::BuiltinTemplate("nothing.html").empty());
  const std::string_view page = internal::BuiltinTemplate("review.html");
  for (const char* place : {"{{title}}", "{{style}}", "{{script}}", "{{data}}"}) {
    EXPECT_NE(page.find(place), std::string_view::npos) << place;
  }
}

TEST(ReviewPage, TextThatLooksLikeMarkupCannotEndTheScript) {
  FileOutcome out;
  out.source.file = "a<b>&\"c\".txt";
  Record r;
  r.source = out.source;
  Act act;
  act.title = "</script><script>alert(1)</script><!-- {{data}}";
  r.deliberations.push_back(act);
  out.record = r;
  Document doc;
  doc.pages.push_back(Page{"</script> page", -1, {}, {}});
  out.document = doc;
  const std::string html = RenderReviewPage(out);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_EQ(html.find("</script> page"), std::string::npos);
  EXPECT_NE(html.find("<title>delibex review: a&lt;b&gt;&amp;&quot;c&quot;.txt</title>"),
            std::string::npos);
  const nlohmann::json data = EmbeddedJson(html, "review-data");
  EXPECT_EQ(data["record"]["deliberations"][0]["title"], *act.title);
  EXPECT_EQ(data["pages"][0]["text"], "</script> page");
  EXPECT_TRUE(data["pages"][0]["image"].is_null());
  EXPECT_TRUE(data["index"].is_null());
}

TEST(ReviewPage, TextInputCarriesItsPagesAndTheRecordAsExtractWritesIt) {
  PipelineOptions options;
  options.keep_document = true;
  options.today = "2026-12-04";
  const std::string file = Path("corpus/commune-extrait-registre-2024-03-12.txt");
  FileOutcome out = ExtractFile(file, "registre.txt", Patterns(), options);
  ASSERT_TRUE(out.record) << (out.error ? out.error->message : "");
  ASSERT_TRUE(out.document);
  const std::string html = RenderReviewPage(out, ReviewPageOptions{"index.html"});
  const nlohmann::json data = EmbeddedJson(html, "review-data");
  EXPECT_EQ(data["file"], "registre.txt");
  EXPECT_EQ(data["index"], "index.html");
  ASSERT_EQ(data["pages"].size(), out.document->pages.size());
  EXPECT_EQ(data["pages"][0]["text"], out.document->pages[0].text);
  EXPECT_TRUE(data["pages"][0]["image"].is_null());  // text: shown as text
  // The record is the one `extract` writes: same provenance, same values.
  const nlohmann::json& prov = data["record"]["provenance"];
  ASSERT_EQ(prov.size(), out.record->provenance.size());
  EXPECT_GT(prov.size(), 20u);
  EXPECT_EQ(data["record"]["session"]["date"], "2024-03-12");
  for (const FieldSource& f : out.record->provenance) {
    const nlohmann::json& p = prov[f.field];
    ASSERT_TRUE(p.is_object()) << f.field;
    EXPECT_EQ(p["page"], f.page);
    EXPECT_LT(p["span"][0].get<size_t>(), p["span"][1].get<size_t>()) << f.field;
    EXPECT_LE(p["span"][1].get<size_t>(), CodePoints(out.document->pages[0].text)) << f.field;
  }
}

TEST(ReviewPage, AnInputThatGaveNoRecordShowsItsError) {
  PipelineOptions options;
  options.keep_document = true;
  FileOutcome out =
      ExtractFile(Path("corpus/no-such-file.txt"), "no-such-file.txt", Patterns(), options);
  ASSERT_TRUE(out.error);
  EXPECT_FALSE(out.document);
  const nlohmann::json data = EmbeddedJson(RenderReviewPage(out), "review-data");
  EXPECT_EQ(data["record"]["error"]["code"], "io");
  EXPECT_TRUE(data["pages"].empty());
  const ReviewSummary s = SummarizeForReview(out, "no-such-file.txt.html");
  EXPECT_EQ(s.error, "io");
  EXPECT_EQ(s.acts, 0);
}

// A record whose warnings each name fields: Validate writes them, and
// WarnedFields must find the fields again (a message reworded in
// validate/ breaks this test, not the page silently).
TEST(ReviewWarnings, EachValidateWarningNamesItsFields) {
  Record r;
  r.session.date = "2024-03-12";
  r.session.convened_on = "2024-03-20";
  r.authority.siren = "214502875";  // bad checksum
  r.attendance.in_office = 15;
  r.attendance.present_count = 11;
  r.attendance.represented_count = 1;
  r.attendance.voters = 13;  // 11 + 1 != 13
  r.attendance.present = {Person{"M.", "Paul DURAND", {}}, Person{"Mme", "Anne MOREAU", {}}};
  r.attendance.excused = {Person{"Mme", "Anne MOREAU", {}}};
  Act a1, a2;
  a2.vote.votes_for = 10;
  a2.vote.against = 2;
  a2.vote.abstention = 0;  // 12 != 13 voters
  PrefectureStamp stamp;
  stamp.received = "2030-01-01";
  a2.prefecture = stamp;
  r.deliberations = {a1, a2};
  r.warnings.push_back(Warning{"low-ocr-confidence-field",
                               "deliberations[0].title rests on a word read by OCR with "
                               "confidence 31/100 (page 1): check it"});
  r.warnings.push_back(Warning{"low-ocr-confidence", "page 1: OCR mean word confidence 40/100"});
  Validate("2026-12-04", &r);

  const auto warned = WarnedFields(r);
  auto has = [&](const std::string& path, const std::string& code) {
    auto it = warned.find(path);
    if (it == warned.end()) return false;
    return std::any_of(it->second.begin(), it->second.end(),
                       [&](size_t k) { return r.warnings[k].code == code; });
  };
  EXPECT_TRUE(has("deliberations[0].title", "low-ocr-confidence-field"));
  EXPECT_TRUE(has("attendance.voters", "counts-mismatch"));
  EXPECT_TRUE(has("attendance.represented_count", "counts-mismatch"));
  EXPECT_TRUE(has("attendance.present_count", "counts-mismatch"));  // 2 listed, 11 stated
  EXPECT_TRUE(has("deliberations[1].vote", "vote-counts-mismatch"));
  EXPECT_FALSE(has("deliberations[0].vote", "vote-counts-mismatch"));
  EXPECT_TRUE(has("attendance.present[1]", "person-in-two-lists"));
  EXPECT_TRUE(has("attendance.excused[0]", "person-in-two-lists"));
  EXPECT_FALSE(has("attendance.present[0]", "person-in-two-lists"));
  EXPECT_TRUE(has("session.convened_on", "convocation-after-session"));
  EXPECT_TRUE(has("authority.siren", "siren-invalid"));
  EXPECT_TRUE(has("deliberations[1].prefecture.received", "future-date"));
  // A warning on the whole file names no field.
  for (const auto& [path, which] : warned) {
    for (size_t k : which) EXPECT_NE(r.warnings[k].code, "low-ocr-confidence") << path;
  }
  // Every warning Validate wrote names at least one field.
  for (size_t k = 0; k < r.warnings.size(); ++k) {
    if (r.warnings[k].code == "low-ocr-confidence") continue;
    bool named = std::any_of(warned.begin(), warned.end(), [&](const auto& e) {
      return std::find(e.second.begin(), e.second.end(), k) != e.second.end();
    });
    EXPECT_TRUE(named) << r.warnings[k].code << ": " << r.warnings[k].message;
  }
}

TEST(ReviewIndex, CountsActsWarningsAndLowConfidenceFields) {
  FileOutcome out;
  out.source.file = "a.pdf";
  Record r;
  r.source.method = "ocr";
  r.source.pages = 2;
  r.deliberations.resize(3);
  r.warnings = {Warning{"x", "y"}, Warning{"z", "w"}};
  FieldSource low{"session.date", 0, 1, 1, 0, 1, PixelBox{1, 2, 3, 4}, 31.0};
  FieldSource sure{"session.time", 0, 1, 1, 0, 1, PixelBox{1, 2, 3, 4}, 91.0};
  FieldSource text{"assembly", 0, 1, 1, 0, 1, std::nullopt, std::nullopt};
  r.provenance = {low, sure, text};
  out.source = r.source;
  out.source.file = "a.pdf";
  out.record = r;
  const ReviewSummary s = SummarizeForReview(out, "a.pdf.html");
  EXPECT_EQ(s.acts, 3);
  EXPECT_EQ(s.warnings, 2);
  EXPECT_EQ(s.low_confidence, 1);
  EXPECT_EQ(s.provenance, 3);
  EXPECT_EQ(s.pages, 2);
  EXPECT_TRUE(s.error.empty());
  ReviewSummary bad;
  bad.file = "</script>.txt";
  bad.href = "x.html";
  bad.error = "binary";
  const std::string html = RenderReviewIndex({s, bad});
  const nlohmann::json rows = EmbeddedJson(html, "review-index");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0]["href"], "a.pdf.html");
  EXPECT_EQ(rows[0]["low_confidence"], 1);
  EXPECT_EQ(rows[1]["file"], "</script>.txt");
  EXPECT_EQ(rows[1]["error"], "binary");
}

// The image ingest keeps for review is the page as OCR read it: the words'
// boxes lie in its frame, and it decodes to the size it states, in the
// frame's proportions.
TEST(ReviewPageImages, KeptInTheFrameOfTheWordBoxes) {
  std::ifstream in(Path("corpus/scans/commune-deliberation-rejetee-majorite-2024-10-03.jpg"),
                   std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string bytes = ss.str();
  ASSERT_FALSE(bytes.empty());
  IngestOptions options;
  options.scan.keep_page_images = true;
  Result<Document> doc = IngestBytes("scan.jpg", bytes, options);
  if (!doc.ok() && doc.error().code == "ocr-unavailable") GTEST_SKIP() << doc.error().message;
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  ASSERT_EQ(doc.value().pages.size(), 1u);
  const Page& page = doc.value().pages[0];
  const PageImage& image = page.image;
  ASSERT_FALSE(image.jpeg.empty());
  // The frame is the page OCR read (this 250 dpi JPEG is read as it is);
  // the image is scaled down to ~150 dpi, an A4 page still ~1240 px wide.
  EXPECT_GT(image.width, 2000);
  EXPECT_LT(image.image_width, image.width);
  EXPECT_NEAR(image.image_width, 8.27 * ScanOptions::kPageImageDpi, 30);
  EXPECT_NEAR(static_cast<double>(image.image_height) / image.image_width,
              static_cast<double>(image.height) / image.width, 0.002);
  ASSERT_FALSE(page.words.empty());
  for (const PageWord& w : page.words) {
    EXPECT_GE(w.box.left, 0);
    EXPECT_GE(w.box.top, 0);
    EXPECT_LE(w.box.right, image.width);
    EXPECT_LE(w.box.bottom, image.height);
  }
  auto decoded = ReadImages(image.jpeg);
  ASSERT_TRUE(decoded.ok());
  ASSERT_EQ(decoded.value().size(), 1u);
  EXPECT_EQ(pixGetWidth(decoded.value()[0].get()), image.image_width);
  EXPECT_EQ(pixGetHeight(decoded.value()[0].get()), image.image_height);
  // Only `delibex review` asks for them: `extract` keeps no image.
  EXPECT_FALSE(ScanOptions{}.keep_page_images);
}

// `delibex review` through the binary: usage errors, one page, a site.
class ReviewCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("delibex-review-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_ / "in" / "sub");
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  int Delibex(const std::string& args) {
    std::string cmd =
        "cd '" + dir_.string() + "' && '" + DELIBEX_BINARY + "' " + args + " > out.log 2> err.log";
    int raw = std::system(cmd.c_str());
    return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  }
  std::string Read(const std::string& rel) {
    std::ifstream in(dir_ / rel, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  void Copy(const std::string& corpus_name, const std::string& to) {
    std::filesystem::copy_file(Path("corpus/" + corpus_name), dir_ / to);
  }
  std::filesystem::path dir_;
};

TEST_F(ReviewCommand, BadUsageIsStatusTwo) {
  EXPECT_EQ(Delibex("review"), 2);
  EXPECT_NE(Read("err.log").find("review needs a FILE or DIR"), std::string::npos);
  EXPECT_EQ(Delibex("review in"), 2);  // a DIR needs -o SITE/
  EXPECT_NE(Read("err.log").find("needs -o SITE/"), std::string::npos);
  EXPECT_EQ(Delibex("review in --frobnicate"), 2);
  EXPECT_EQ(Delibex("review in -o"), 2);
}

TEST_F(ReviewCommand, OneFileGivesOnePageNamedReviewHtmlByDefault) {
  Copy("commune-extrait-registre-2024-03-12.txt", "in/registre.txt");
  EXPECT_EQ(Delibex("review in/registre.txt"), 0) << Read("err.log");
  const std::string html = Read("review.html");
  const nlohmann::json data = EmbeddedJson(html, "review-data");
  EXPECT_EQ(data["file"], "in/registre.txt");
  EXPECT_EQ(data["record"]["session"]["date"], "2024-03-12");
  EXPECT_GT(data["record"]["provenance"].size(), 20u);
  // A file that cannot be read still gets its page, showing the error.
  EXPECT_EQ(Delibex("review in/missing.txt -o missing.html"), 1);
  EXPECT_EQ(EmbeddedJson(Read("missing.html"), "review-data")["record"]["error"]["code"], "io");
}

TEST_F(ReviewCommand, ADirectoryGivesAPagePerInputAndAnIndex) {
  Copy("commune-extrait-registre-2024-03-12.txt", "in/registre.txt");
  Copy("commune-pv-numeros-dates-2024-12-02.txt", "in/sub/pv.txt");
  {
    std::ofstream bad(dir_ / "in" / "bad.txt", std::ios::binary);
    bad << std::string("\0\1\2 binary", 10);
  }
  { std::ofstream hidden(dir_ / "in" / ".hidden.txt"); }
  EXPECT_EQ(Delibex("review in -o site"), 1);  // bad.txt gave an error record
  const nlohmann::json rows = EmbeddedJson(Read("site/index.html"), "review-index");
  ASSERT_EQ(rows.size(), 3u);
  std::map<std::string, nlohmann::json> by_file;
  for (const auto& r : rows) by_file[r["file"]] = r;
  ASSERT_TRUE(by_file.count("registre.txt"));
  ASSERT_TRUE(by_file.count("sub/pv.txt"));
  ASSERT_TRUE(by_file.count("bad.txt"));
  EXPECT_EQ(by_file["bad.txt"]["error"], "binary");
  EXPECT_EQ(by_file["registre.txt"]["acts"], 1);
  EXPECT_EQ(by_file["sub/pv.txt"]["href"], "sub__pv.txt.html");
  for (const auto& [file, row] : by_file) {
    const std::string page = Read("site/" + row["href"].get<std::string>());
    ASSERT_FALSE(page.empty()) << file;
    const nlohmann::json data = EmbeddedJson(page, "review-data");
    EXPECT_EQ(data["file"], file);
    EXPECT_EQ(data["index"], "index.html");
  }
}

}  // namespace
}  // namespace delibex
