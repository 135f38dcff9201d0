// The delibex binary as a user runs it, on files written for each test in a
// fresh temporary directory: usage and exit statuses, one file as pretty
// JSON, a batch that carries on past bad files (error records in place,
// messages on stderr, exit status 1), a directory walked recursively,
// identical output whatever the number of workers, and text in damaged or
// other encodings.
#include <openssl/evp.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace delibex {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

const char kGood[] =
    "COMMUNE DE SAINT-MARTIN-DES-PRÉS\n"
    "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\n"
    "\n"
    "Séance du 14 mai 2024\n"
    "\n"
    "Le Conseil municipal, dûment convoqué, s'est réuni à 19h30 en séance ordinaire à la salle "
    "des fêtes, sous la présidence de M. Gérard PONSOLLE, Maire.\n"
    "\n"
    "En exercice : 11\n"
    "\n"
    "Présents : M. Gérard PONSOLLE, Mme Agnès LEROYER, M. Thierry MASSOL.\n"
    "Absents excusés : Mme Paule FERRANDI.\n"
    "\n"
    "Délibération n° 2024-21 – Tarifs de la cantine scolaire\n"
    "Le conseil municipal, après en avoir délibéré, à l'unanimité, fixe les tarifs de la "
    "cantine à 3,20 € par repas.\n";

const char kOther[] =
    "COMMUNE DE BELCASTEL\n"
    "Séance du 9 avril 2024\n"
    "Présents : M. Jacques ALRIC, Mme Nicole BOYER, M. Sylvain CROS.\n";

std::string Sha256(const std::string& bytes) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(bytes.data(), bytes.size(), md, &len, EVP_sha256(), nullptr);
  std::string hex;
  for (unsigned int i = 0; i < len; ++i) {
    static const char* const kHex = "0123456789abcdef";
    hex += kHex[md[i] >> 4];
    hex += kHex[md[i] & 15];
  }
  return hex;
}

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

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

struct Outcome {
  int status = -1;
  std::string out;
  std::string err;
};

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() / ("delibex-cli-" + std::to_string(getpid()) + "-" +
                                        info->name() + "-" + std::to_string(counter++));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  fs::path Write(const std::string& name, const std::string& bytes) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << bytes;
    return p;
  }

  // Runs delibex with `args` (already quoted), from the test's directory.
  Outcome Delibex(const std::string& args) {
    fs::path out = dir_ / ".stdout", err = dir_ / ".stderr";
    std::string cmd = "cd " + Quote(dir_.string()) + " && " + Quote(DELIBEX_BINARY) + " " + args +
                      " > " + Quote(out.string()) + " 2> " + Quote(err.string());
    int raw = std::system(cmd.c_str());
    Outcome r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = ReadFile(out);
    r.err = ReadFile(err);
    return r;
  }

  fs::path dir_;
};

std::vector<std::string> Keys(const Json& j) {
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  return keys;
}

bool HasWarning(const Json& record, const std::string& code) {
  for (const Json& w : record["warnings"]) {
    if (w["code"] == code) return true;
  }
  return false;
}

using Strings = std::vector<std::string>;

const Strings kRecordKeys = {"schema_version", "source",        "authority", "assembly",
                             "session",        "president",     "secretary", "attendance",
                             "quorum",         "deliberations", "signed",    "prefecture",
                             "warnings",       "provenance"};

// ------------------------------------------------------------------ usage

TEST_F(CliTest, HelpAndVersion) {
  Outcome r = Delibex("--help");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("Usage:"), std::string::npos);
  EXPECT_NE(r.out.find("delibex extract FILE"), std::string::npos);
  EXPECT_EQ(r.err, "");
  r = Delibex("--version");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, std::string("delibex ") + DELIBEX_VERSION + "\n");
}

TEST_F(CliTest, BadUsageIsExitStatusTwo) {
  Write("a.txt", kGood);
  Outcome r = Delibex("extract --no-such-option a.txt");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("--no-such-option"), std::string::npos);
  r = Delibex("--no-such-option");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--no-such-option"), std::string::npos);
  r = Delibex("extract");
  EXPECT_EQ(r.status, 2);
  r = Delibex("extract -j 0 a.txt");
  EXPECT_EQ(r.status, 2);
  r = Delibex("");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("Usage:"), std::string::npos);
}

// ------------------------------------------------------------------ one file

TEST_F(CliTest, OneFileGivesPrettyJsonWithTheSpecKeys) {
  Write("cm-2024-05-14.txt", kGood);
  Outcome r = Delibex("extract cm-2024-05-14.txt");
  ASSERT_EQ(r.status, 0) << r.err;
  // Pretty: spread over lines, one record.
  EXPECT_GT(Lines(r.out).size(), 20u);
  Json j = Json::parse(r.out);
  EXPECT_EQ(Keys(j), kRecordKeys);
  EXPECT_EQ(j["schema_version"], "1");
  EXPECT_EQ(Keys(j["source"]),
            (Strings{"file", "sha256", "media", "method", "pages", "ocr_confidence", "encoding"}));
  EXPECT_EQ(j["source"]["file"], "cm-2024-05-14.txt");
  EXPECT_EQ(j["source"]["sha256"], Sha256(kGood));
  EXPECT_EQ(j["source"]["media"], "text");
  EXPECT_EQ(j["source"]["method"], "text");
  EXPECT_EQ(j["source"]["pages"], 1);
  EXPECT_TRUE(j["source"]["ocr_confidence"].is_null());
  EXPECT_EQ(j["source"]["encoding"], "utf-8");
  EXPECT_EQ(Keys(j["authority"]), (Strings{"name", "kind", "siren"}));
  EXPECT_EQ(Keys(j["session"]), (Strings{"date", "time", "place", "convened_on", "kind"}));
  EXPECT_EQ(Keys(j["attendance"]),
            (Strings{"in_office", "present_count", "represented_count", "voters", "present",
                     "represented", "excused", "absent"}));
  EXPECT_EQ(Keys(j["quorum"]), (Strings{"required", "reached"}));
  EXPECT_EQ(j["authority"]["kind"], "commune");
  EXPECT_EQ(j["assembly"], "conseil municipal");
  EXPECT_EQ(j["session"]["date"], "2024-05-14");
  EXPECT_EQ(j["session"]["time"], "19:30");
  EXPECT_EQ(j["president"]["name"], "Gérard PONSOLLE");
  EXPECT_EQ(j["attendance"]["in_office"], 11);
  EXPECT_EQ(j["attendance"]["present"].size(), 3u);
  EXPECT_EQ(j["attendance"]["excused"][0]["name"], "Paule FERRANDI");
  EXPECT_TRUE(j["secretary"].is_null());
  ASSERT_EQ(j["deliberations"].size(), 1u);
  EXPECT_EQ(j["deliberations"][0]["number"], "2024-21");
  EXPECT_EQ(j["warnings"], Json::array());
}

// ------------------------------------------------------------------ a batch

TEST_F(CliTest, BatchCarriesOnPastBadFiles) {
  Write("good.txt", kGood);
  Write("empty.txt", "");
  Write("binary.txt", std::string("COMMUNE\0\0\x01\x02 DE X", 16));
  // "Séance", "L’an" in Windows-1252 (0x92 is its right quotation mark).
  Write("cp1252.txt",
        "COMMUNE DE LAV\xC8RE\nS\xE9\x61nce du 3 mars 2024\nL\x92\x61n deux mille vingt-quatre\n"
        "Pr\xE9sents : M. Jean ROUSSEL, Mme Zo\xE9 PUJOLLE.\n");
  // A PNG signature, whatever the name says, and no image after it.
  Write("scan.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  Write("other.txt", kOther);
  Outcome r = Delibex(
      "extract good.txt empty.txt binary.txt missing.txt cp1252.txt scan.txt other.txt -o "
      "out.jsonl");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "");
  std::vector<std::string> lines = Lines(ReadFile(dir_ / "out.jsonl"));
  ASSERT_EQ(lines.size(), 7u);
  std::vector<Json> rec;
  for (const std::string& l : lines) rec.push_back(Json::parse(l));

  // In input order, each line one record or one error record.
  const Strings files = {"good.txt",   "empty.txt", "binary.txt", "missing.txt",
                         "cp1252.txt", "scan.txt",  "other.txt"};
  for (size_t i = 0; i < files.size(); ++i) {
    SCOPED_TRACE(files[i]);
    EXPECT_EQ(rec[i]["source"]["file"], files[i]);
  }
  struct Bad {
    size_t line;
    const char* code;
  };
  for (const Bad& b :
       {Bad{1, "empty"}, Bad{2, "binary"}, Bad{3, "io"}, Bad{5, "image-unreadable"}}) {
    SCOPED_TRACE(files[b.line]);
    const Json& e = rec[b.line];
    EXPECT_EQ(Keys(e), (Strings{"source", "error"}));
    EXPECT_EQ(Keys(e["error"]), (Strings{"code", "message"}));
    EXPECT_EQ(e["error"]["code"], b.code);
    // The message says which file.
    EXPECT_EQ(e["error"]["message"].get<std::string>().rfind(files[b.line], 0), 0u);
    // And so does stderr, with the code.
    EXPECT_NE(r.err.find(files[b.line]), std::string::npos);
    EXPECT_NE(r.err.find(std::string("(") + b.code + ")"), std::string::npos);
  }
  EXPECT_EQ(rec[1]["source"]["sha256"], Sha256(""));
  for (size_t i : {size_t{0}, size_t{4}, size_t{6}}) {
    SCOPED_TRACE(files[i]);
    EXPECT_EQ(Keys(rec[i]), kRecordKeys);
    EXPECT_FALSE(rec[i].contains("error"));
  }
  EXPECT_EQ(rec[0]["source"]["sha256"], Sha256(kGood));
  EXPECT_EQ(rec[0]["session"]["date"], "2024-05-14");
  EXPECT_EQ(rec[6]["session"]["date"], "2024-04-09");
  // Windows-1252, detected and converted, with a warning that it was guessed.
  EXPECT_EQ(rec[4]["source"]["encoding"], "windows-1252");
  EXPECT_TRUE(HasWarning(rec[4], "encoding-guessed"));
  EXPECT_EQ(rec[4]["authority"]["name"], "Commune de LAVÈRE");
  EXPECT_EQ(rec[4]["session"]["date"], "2024-03-03");
  EXPECT_EQ(rec[4]["attendance"]["present"][1]["name"], "Zoé PUJOLLE");
}

// A failure inside one input's pipeline (here a pattern that backtracks past
// PCRE2's match limit on one file's line) is that input's error record: the
// files before and after it keep theirs.
TEST_F(CliTest, BarrierMakesAFailingInputItsErrorRecord) {
  fs::path patterns = dir_ / "patterns";
  fs::create_directories(patterns);
  for (const auto& e : fs::directory_iterator(fs::path(DELIBEX_SOURCE_DIR) / "patterns")) {
    std::string text = ReadFile(e.path());
    if (e.path().filename() == "web_chrome.pcre") {
      const std::string head = "[web_chrome_line]\n  ^ (?:";
      size_t at = text.find(head);
      ASSERT_NE(at, std::string::npos);
      text.insert(at + head.size(), " (?:x+x+)+y |");
    }
    std::ofstream(patterns / e.path().filename(), std::ios::binary) << text;
  }
  Write("a.txt", kGood);
  Write("b.txt", std::string(kOther) + std::string(40, 'x') + "\n");
  Write("c.txt", kOther);
  Outcome r = Delibex("extract --patterns patterns a.txt b.txt c.txt -o out.jsonl");
  EXPECT_EQ(r.status, 1);
  std::vector<std::string> lines = Lines(ReadFile(dir_ / "out.jsonl"));
  ASSERT_EQ(lines.size(), 3u);
  Json a = Json::parse(lines[0]), b = Json::parse(lines[1]), c = Json::parse(lines[2]);
  EXPECT_EQ(a["session"]["date"], "2024-05-14");
  EXPECT_EQ(c["session"]["date"], "2024-04-09");
  EXPECT_EQ(b["source"]["file"], "b.txt");
  EXPECT_EQ(b["error"]["code"], "pattern-limit");
  EXPECT_EQ(b["error"]["stage"], "normalize");
  EXPECT_NE(b["error"]["message"].get<std::string>().find("web_chrome_line"), std::string::npos);
  EXPECT_NE(r.err.find("b.txt"), std::string::npos);
  EXPECT_NE(r.err.find("pattern-limit"), std::string::npos);
}

// The shape that once threw std::out_of_range in FindActs (a number alone on
// its line, its title line also a point heading) gives its act.
TEST_F(CliTest, BareNumberOverAPointHeadingIsOneAct) {
  Write("pv.txt",
        ReadFile(fs::path(DELIBEX_SOURCE_DIR) / "tests/data/crash/bare-number-then-point.txt"));
  Outcome r = Delibex("extract pv.txt");
  ASSERT_EQ(r.status, 0) << r.err;
  Json j = Json::parse(r.out);
  ASSERT_EQ(j["deliberations"].size(), 1u);
  EXPECT_EQ(j["deliberations"][0]["number"], "2019-06-014");
  EXPECT_EQ(j["deliberations"][0]["title"], "Tarifs de la cantine scolaire");
  EXPECT_EQ(j["deliberations"][0]["vote"]["result"], "adopted");
}

// ------------------------------------------------------------------ a directory

TEST_F(CliTest, DirectoryIsWalkedRecursively) {
  Write("in/a.txt", kGood);
  Write("in/sub/b.txt", kOther);
  Write("in/sub/deeper/c.md", kOther);
  Write("in/expected.json", "{\"not\": \"an input\"}");
  Write("in/sub/notes.json", "{}");
  Outcome r = Delibex("extract in -o out.jsonl");
  EXPECT_EQ(r.status, 0) << r.err;
  std::vector<std::string> lines = Lines(ReadFile(dir_ / "out.jsonl"));
  ASSERT_EQ(lines.size(), 3u);
  Strings files;
  for (const std::string& l : lines) {
    Json j = Json::parse(l);
    EXPECT_FALSE(j.contains("error"));
    files.push_back(j["source"]["file"]);
  }
  // Relative to the directory given, in path order; .json files are no input.
  EXPECT_EQ(files, (Strings{"a.txt", "sub/b.txt", "sub/deeper/c.md"}));
}

TEST_F(CliTest, SameOutputWhateverTheNumberOfWorkers) {
  Write("in/a.txt", kGood);
  Write("in/b.txt", kOther);
  Write("in/c/d.txt", kGood);
  Write("in/c/e.txt", "");
  Write("in/f.txt", kOther);
  Write("g.txt", kGood);
  Outcome one = Delibex("extract in g.txt missing.txt -j 1 -o one.jsonl");
  Outcome two = Delibex("extract in g.txt missing.txt -j 2 -o two.jsonl");
  EXPECT_EQ(one.status, 1);
  EXPECT_EQ(two.status, 1);
  std::string a = ReadFile(dir_ / "one.jsonl"), b = ReadFile(dir_ / "two.jsonl");
  EXPECT_EQ(Lines(a).size(), 7u);
  EXPECT_EQ(a, b);
}

// ------------------------------------------------------------------ encodings

TEST_F(CliTest, TruncatedUtf8GivesARecordWithAWarning) {
  // Cut inside the two bytes of "é".
  Write("cut.txt",
        "COMMUNE DE BELCASTEL\nS\xC3\xA9\x61nce du 9 avril 2024\nPr\xC3\xA9sents : M. Jacques "
        "ALRIC, Mme Zo\xC3");
  Outcome r = Delibex("extract cut.txt");
  ASSERT_EQ(r.status, 0) << r.err;
  Json j = Json::parse(r.out);
  EXPECT_EQ(j["source"]["encoding"], "utf-8");
  EXPECT_TRUE(HasWarning(j, "encoding-truncated"));
  // The rest of the text is read as it is.
  EXPECT_EQ(j["session"]["date"], "2024-04-09");
  EXPECT_EQ(j["attendance"]["present"][0]["name"], "Jacques ALRIC");
}

std::string Utf16Le(const std::string& ascii_or_latin1_utf8, bool bom) {
  // The test's texts are UTF-8 with code points below U+0100 only.
  std::string out = bom ? std::string("\xFF\xFE") : std::string();
  const std::string& s = ascii_or_latin1_utf8;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    unsigned cp = c;
    if (c >= 0xC0) {
      cp = ((c & 0x1F) << 6) | (static_cast<unsigned char>(s[++i]) & 0x3F);
    }
    out += static_cast<char>(cp & 0xFF);
    out += static_cast<char>(cp >> 8);
  }
  return out;
}

TEST_F(CliTest, Utf16IsDecoded) {
  const std::string text =
      "COMMUNE DE LAVÈRE\nSéance du 3 mars 2024\nPrésents : M. Jean ROUSSEL, Mme Zoé PUJOLLE.\n";
  Write("bom.txt", Utf16Le(text, true));
  Write("nobom.txt", Utf16Le(text, false));
  Outcome r = Delibex("extract bom.txt nobom.txt -o out.jsonl");
  ASSERT_EQ(r.status, 0) << r.err;
  std::vector<std::string> lines = Lines(ReadFile(dir_ / "out.jsonl"));
  ASSERT_EQ(lines.size(), 2u);
  for (const std::string& l : lines) {
    Json j = Json::parse(l);
    SCOPED_TRACE(j["source"]["file"].get<std::string>());
    EXPECT_EQ(j["source"]["encoding"], "utf-16le");
    EXPECT_EQ(j["authority"]["name"], "Commune de LAVÈRE");
    EXPECT_EQ(j["session"]["date"], "2024-03-03");
    ASSERT_EQ(j["attendance"]["present"].size(), 2u);
    EXPECT_EQ(j["attendance"]["present"][1]["name"], "Zoé PUJOLLE");
  }
  // With a byte-order mark the encoding is stated; without, it was guessed.
  EXPECT_FALSE(HasWarning(Json::parse(lines[0]), "encoding-guessed"));
  EXPECT_TRUE(HasWarning(Json::parse(lines[1]), "encoding-guessed"));
}

// `delibex text FILE` prints what extract reads: the decoded, normalized
// text (a Windows-1252 file comes out as UTF-8, its CRLF as LF); a file that
// cannot be read is a message and status 1; a missing FILE is bad usage.
TEST_F(CliTest, TextCommandPrintsTheNormalizedText) {
  Write("cp1252.txt",
        "COMMUNE DE LAV\xC8"
        "RE\r\nS\xE9"
        "ance du 3 mars 2024\r\n");
  Outcome r = Delibex("text cp1252.txt");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "COMMUNE DE LAVÈRE\nSéance du 3 mars 2024\n");
  Write("empty.txt", "");
  r = Delibex("text empty.txt");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("(empty)"), std::string::npos) << r.err;
  r = Delibex("text");
  EXPECT_EQ(r.status, 2);
}

// ------------------------------------------------------------------ issue 10

// `delibex schema` prints schema/record.schema.json as it was at build time.
TEST_F(CliTest, SchemaCommandPrintsTheRecordSchema) {
  Outcome r = Delibex("schema");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, ReadFile(fs::path(DELIBEX_SOURCE_DIR) / "schema" / "record.schema.json"));
  EXPECT_EQ(Json::parse(r.out)["title"], "delibex record, version 1");
}

// The new options and commands refuse what they cannot do, as bad usage.
TEST_F(CliTest, BatchOptionsAndCommandsCheckTheirUsage) {
  Write("a.txt", kGood);
  fs::create_directories(dir_ / "no-gold");
  for (const char* args :
       {"extract --shard 1/0 a.txt", "extract --shard 4/4 a.txt", "extract --shard x a.txt",
        "extract --resume a.txt", "extract --resume --format scdl -o out.csv a.txt",
        "extract --format xml a.txt", "extract --format scdl --coll-siret 123 a.txt",
        "extract --coll-siret 21860194600013 a.txt", "eval --pred a.txt",
        "eval --gold no-gold --pred a.txt", "merge a.txt", "frobnicate", "extract -j x a.txt"}) {
    SCOPED_TRACE(args);
    Outcome r = Delibex(args);
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err, "");
  }
  Outcome r = Delibex("frobnicate");
  EXPECT_NE(r.err.find("unknown command 'frobnicate'"), std::string::npos) << r.err;
  // Each command has its own help, on stdout.
  for (const char* command : {"extract", "eval", "merge", "schema", "text"}) {
    r = Delibex(std::string(command) + " --help");
    EXPECT_EQ(r.status, 0) << command;
    EXPECT_NE(r.out.find(std::string("delibex ") + command), std::string::npos) << r.out;
  }
  EXPECT_NE(Delibex("--help").out.find("delibex eval --gold DIR"), std::string::npos);
}

// The summary line is printed whatever -q says; the progress line only when
// stderr is a terminal (here a pseudo-terminal made by script(1)).
TEST_F(CliTest, ProgressLineOnATerminalSummaryAlways) {
  Write("a.txt", kGood);
  Write("b.txt", kOther);
  Write("c.txt", "");
  Outcome r = Delibex("extract -q a.txt b.txt c.txt -o out.jsonl");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("delibex: 3 file(s), 2 record(s), 1 error(s); "), std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("\r"), std::string::npos);  // not a terminal: no progress line
  if (std::system("command -v script > /dev/null 2>&1") != 0) {
    GTEST_SKIP() << "script(1) (util-linux) is absent: no pseudo-terminal to test the progress "
                    "line on";
  }
  std::string inner = Quote(DELIBEX_BINARY) + " extract a.txt b.txt c.txt -o out2.jsonl";
  std::string cmd = "cd " + Quote(dir_.string()) + " && script -qec " + Quote(inner) +
                    " /dev/null > tty.txt 2>&1 < /dev/null";
  int raw = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(raw));
  EXPECT_EQ(WEXITSTATUS(raw), 1);  // script -e: delibex's status (c.txt is empty)
  std::string tty = ReadFile(dir_ / "tty.txt");
  EXPECT_NE(tty.find("\r\033[K3/3 files, "), std::string::npos) << tty;
  EXPECT_NE(tty.find(" pages/s, 1 error, "), std::string::npos) << tty;
  EXPECT_NE(tty.find("delibex: 3 file(s), 2 record(s), 1 error(s); "), std::string::npos);
  EXPECT_EQ(Lines(ReadFile(dir_ / "out2.jsonl")).size(), 3u);
}

// --format scdl on stdout: the header and one CRLF row per act; an error
// record gives no row.
TEST_F(CliTest, ScdlFormatWritesTheCsv) {
  Write("a.txt", kGood);
  Write("c.txt", "");
  Outcome r = Delibex(
      "extract --format scdl --coll-siret 21860194600013 --url-prefix https://x.fr/ a.txt c.txt");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out.rfind("COLL_NOM,COLL_SIRET,DELIB_ID,", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("\r\nCommune de SAINT-MARTIN-DES-PRÉS,21860194600013,2024-21,2024-05-14,"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(",https://x.fr/a.txt\r\n"), std::string::npos) << r.out;
  EXPECT_EQ(Lines(r.out).size(), 2u);
  EXPECT_NE(r.err.find("delibex: scdl row 2 (a.txt, act 1): DELIB_MATIERE_CODE, "
                       "DELIB_MATIERE_NOM are required and empty"),
            std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace delibex
