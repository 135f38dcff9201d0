// batch/record_log: an output read back after an interruption (torn last
// line, damaged lines), what --resume keeps of it, and the rewrite.
#include "batch/record_log.h"

#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace delibex::batch {
namespace {

namespace fs = std::filesystem;

std::string Line(const std::string& file, const std::string& sha, const std::string& error = "") {
  std::string s = R"({"source":{"file":")" + file + R"(","sha256":")" + sha + R"("})";
  if (!error.empty()) s += R"(,"error":{"code":")" + error + R"(","message":"m"})";
  return s + "}";
}

class RecordLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("delibex-record-log-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "out.jsonl").string();
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& bytes) { std::ofstream(path_, std::ios::binary) << bytes; }
  std::string Read() {
    std::ifstream in(path_, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  fs::path dir_;
  std::string path_;
};

TEST_F(RecordLogTest, MissingOutputIsAnEmptyLog) {
  Result<RecordLog> log = ReadRecordLog(path_);
  ASSERT_TRUE(log.ok());
  EXPECT_TRUE(log.value().records.empty());
  EXPECT_FALSE(log.value().torn_tail);
  EXPECT_FALSE(ReadRecordLog(dir_.string()).ok());  // a directory is no output
}

TEST_F(RecordLogTest, TornLastLineAndDamagedLinesAreNoRecords) {
  std::string a = Line("a.txt", "aa"), b = Line("b.txt", "bb", "binary");
  Write(a + "\n" + "not json\n" + "[1,2]\n" +
        R"({"source":{}})"
        "\n" +
        b + "\n" + Line("c.txt", "cc").substr(0, 20));
  Result<RecordLog> log = ReadRecordLog(path_);
  ASSERT_TRUE(log.ok());
  const RecordLog& l = log.value();
  ASSERT_EQ(l.records.size(), 2u);
  EXPECT_EQ(l.records[0].file, "a.txt");
  EXPECT_EQ(l.records[0].sha256, "aa");
  EXPECT_EQ(l.records[0].error_code, "");
  EXPECT_EQ(l.records[0].offset, 0u);
  EXPECT_EQ(l.records[0].length, a.size());
  EXPECT_EQ(l.records[1].file, "b.txt");
  EXPECT_EQ(l.records[1].error_code, "binary");
  EXPECT_EQ(l.bad_lines, 3u);
  EXPECT_TRUE(l.torn_tail);
  EXPECT_EQ(l.end_of_records, Read().size() - 20);
  EXPECT_EQ(l.size, Read().size());
}

TEST_F(RecordLogTest, ACompleteLastLineIsNotTorn) {
  Write(Line("a.txt", "aa") + "\n");
  Result<RecordLog> log = ReadRecordLog(path_);
  ASSERT_TRUE(log.ok());
  EXPECT_FALSE(log.value().torn_tail);
  EXPECT_EQ(log.value().end_of_records, Read().size());
}

TEST_F(RecordLogTest, ResumeKeepsRecordsOfUnchangedInputsOnly) {
  Write(Line("same.txt", "s1") + "\n" + Line("changed.txt", "old") + "\n" +
        Line("other-batch.txt", "o") + "\n" + Line("same.txt", "s1") + "\n" +
        Line("gone.txt", "g") + "\n" + Line("crashed.txt", "c", "internal-error") + "\n" +
        Line("bad.txt", "b", "binary") + "\n");
  RecordLog log = ReadRecordLog(path_).value();
  std::vector<ResumeInput> inputs = {{"same.txt", "s1"},        {"changed.txt", "new"},
                                     {"new.txt", std::nullopt}, {"gone.txt", std::nullopt},
                                     {"crashed.txt", "c"},      {"bad.txt", "b"}};
  ResumePlan plan = PlanResume(log, inputs);
  EXPECT_EQ(plan.done, (std::vector<bool>{true, false, false, false, false, true}));
  std::vector<std::string> kept;
  for (const LoggedRecord& r : plan.keep) kept.push_back(r.file);
  EXPECT_EQ(kept, (std::vector<std::string>{"same.txt", "other-batch.txt", "bad.txt"}));
  EXPECT_EQ(plan.stale, 2u);       // changed.txt, gone.txt
  EXPECT_EQ(plan.duplicates, 1u);  // same.txt's second record
  EXPECT_EQ(plan.retried, 1u);     // crashed.txt
  EXPECT_EQ(plan.kept_errors, 1u);
  EXPECT_TRUE(plan.needs_rewrite);

  ASSERT_TRUE(RewriteRecordLog(path_, plan.keep).ok());
  EXPECT_EQ(Read(), Line("same.txt", "s1") + "\n" + Line("other-batch.txt", "o") + "\n" +
                        Line("bad.txt", "b", "binary") + "\n");
  EXPECT_FALSE(fs::exists(path_ + ".resume-tmp"));
}

TEST_F(RecordLogTest, NothingToDropNeedsNoRewrite) {
  Write(Line("a.txt", "aa") + "\n" + Line("b.txt", "bb") + "\n" + "{\"sou");
  RecordLog log = ReadRecordLog(path_).value();
  ResumePlan plan = PlanResume(log, {{"a.txt", "aa"}, {"b.txt", "bb"}, {"c.txt", std::nullopt}});
  EXPECT_FALSE(plan.needs_rewrite);
  EXPECT_EQ(plan.done, (std::vector<bool>{true, true, false}));
  ASSERT_TRUE(TruncateRecordLog(path_, log.end_of_records).ok());
  EXPECT_EQ(Read(), Line("a.txt", "aa") + "\n" + Line("b.txt", "bb") + "\n");
}

TEST_F(RecordLogTest, WriterAppendsWholeLines) {
  {
    Result<RecordWriter> w = RecordWriter::Open(path_, RecordWriter::Mode::kTruncate);
    ASSERT_TRUE(w.ok());
    RecordWriter writer = std::move(w).value();
    EXPECT_TRUE(writer.Write("one\n"));
  }
  {
    RecordWriter writer = RecordWriter::Open(path_, RecordWriter::Mode::kAppend).value();
    EXPECT_TRUE(writer.Write(std::string(1 << 20, 'x') + "\n"));
    EXPECT_TRUE(writer.ok());
  }
  EXPECT_EQ(Read(), "one\n" + std::string(1 << 20, 'x') + "\n");
  EXPECT_FALSE(
      RecordWriter::Open((dir_ / "no/such/dir/out").string(), RecordWriter::Mode::kTruncate).ok());
}

}  // namespace
}  // namespace delibex::batch
