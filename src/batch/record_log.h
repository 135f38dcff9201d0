// batch/record_log: a JSON Lines output as a log of finished inputs, for runs
// that survive interruption (`--resume`) and for merging the outputs of the
// shards of one batch (`delibex merge`).
//
// An output is written one record a line, each line with a single write(2)
// and nothing buffered in between, so that a run killed at any point (even
// by SIGKILL) leaves every finished record whole; only the last line can be
// torn. Reading back, a line counts as a record when it is complete (ends
// with '\n') and is a JSON object with a `source.file`; a torn last line, or
// any other line that is not a record, is dropped.
//
// What it is not: a database. There is no lock: two runs appending to one
// output at once would interleave (give each job its own output, as the
// Slurm scripts do). Records are not fsync'ed: a power cut can lose the
// records the kernel had not written yet, and --resume redoes those inputs.
//
// RecordWriter: one instance per thread. The functions are thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/status.h"

namespace delibex::batch {

// One record line of an output, as read back. The line itself stays on disk.
struct LoggedRecord {
  std::string file;        // source.file
  std::string sha256;      // source.sha256; empty when the record has none
  std::string error_code;  // error.code of an error record; empty for a record
  uint64_t offset = 0;     // where its line starts in the output
  uint64_t length = 0;     // its bytes, '\n' excluded
};

struct RecordLog {
  std::vector<LoggedRecord> records;  // the records, in the output's order
  uint64_t end_of_records = 0;        // the byte after the last record line's '\n'
  uint64_t size = 0;                  // the output's size in bytes
  size_t bad_lines = 0;               // complete lines that are no record (dropped)
  bool torn_tail = false;             // the output ends inside a line (dropped)
};

// Reads an output back. A missing file is an empty log. Errors: io (the file
// exists but cannot be read).
Result<RecordLog> ReadRecordLog(const std::string& path);

// What --resume keeps of an output, and which inputs are already done.
struct ResumeInput {
  std::string file;  // the input's source.file
  // The SHA-256 the input's bytes have now; unset when it cannot be read (it
  // is redone, and gets its error record again).
  std::optional<std::string> sha256;
};

struct ResumePlan {
  std::vector<bool> done;          // per input: its record is kept, skip it
  std::vector<LoggedRecord> keep;  // the records kept, in the output's order
  size_t stale = 0;                // records of an input changed since (or unreadable)
  size_t duplicates = 0;           // second records of one input
  size_t retried = 0;              // error records of a passing kind (redone)
  bool needs_rewrite = false;      // records dropped: keep must be rewritten
  size_t kept_errors = 0;          // error records kept for the given inputs
};

// The error codes whose records --resume redoes: failures of the machine
// (memory, load) rather than of the file.
bool IsPassingError(std::string_view code);

// For each input whose `file` the log holds: keeps its first record whose
// sha256 is the input's (unless it is a passing error) and marks it done; the
// input's other records are dropped. Records of files that are not inputs are
// kept as they are (another batch's, or another shard's).
ResumePlan PlanResume(const RecordLog& log, const std::vector<ResumeInput>& inputs);

// The files the log holds records of: only these need hashing for PlanResume.
std::unordered_set<std::string> LoggedFiles(const RecordLog& log);

// Makes `path` hold exactly the lines of `keep` (records of `path`'s log), in
// that order: written to a temporary file beside it, then renamed over it.
// Errors: io.
Result<size_t> RewriteRecordLog(const std::string& path, const std::vector<LoggedRecord>& keep);

// Cuts `path` to `size` bytes (the torn tail of a log). Errors: io.
Result<uint64_t> TruncateRecordLog(const std::string& path, uint64_t size);

// Where records go: a file (truncated, or appended to) or standard output.
// Each Write is one write(2) of the whole bytes (repeated only if the kernel
// takes part of them), so a finished line is never left half in a buffer.
class RecordWriter {
 public:
  enum class Mode { kTruncate, kAppend };
  // Errors: io.
  static Result<RecordWriter> Open(const std::string& path, Mode mode);
  static RecordWriter Stdout();
  RecordWriter(RecordWriter&& other) noexcept;
  RecordWriter& operator=(RecordWriter&&) = delete;
  RecordWriter(const RecordWriter&) = delete;
  ~RecordWriter();

  // False once a write has failed (the failure's message in error()).
  bool Write(std::string_view bytes);
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

  // Copies lines of `records` from the output `from` (as LoggedRecords read
  // from it), each followed by '\n'.
  bool CopyLines(const std::string& from, const std::vector<const LoggedRecord*>& records);

 private:
  RecordWriter(int fd, bool owned) : fd_(fd), owned_(owned) {}
  int fd_;
  bool owned_;
  std::string error_;
};

}  // namespace delibex::batch
