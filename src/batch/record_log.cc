#include "batch/record_log.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <unordered_map>

namespace delibex::batch {
namespace {

std::string Errno(const std::string& what, const std::string& path) {
  return path + ": " + what + ": " + std::strerror(errno);
}

// The record a complete line holds, or nullopt when it holds none.
std::optional<LoggedRecord> ParseLine(const std::string& line) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return std::nullopt;
  auto source = j.find("source");
  if (source == j.end() || !source->is_object()) return std::nullopt;
  auto file = source->find("file");
  if (file == source->end() || !file->is_string()) return std::nullopt;
  LoggedRecord r;
  r.file = file->get<std::string>();
  auto sha = source->find("sha256");
  if (sha != source->end() && sha->is_string()) r.sha256 = sha->get<std::string>();
  auto error = j.find("error");
  if (error != j.end()) {
    r.error_code = "unknown";
    if (error->is_object()) {
      auto code = error->find("code");
      if (code != error->end() && code->is_string()) r.error_code = code->get<std::string>();
    }
  }
  return r;
}

}  // namespace

Result<RecordLog> ReadRecordLog(const std::string& path) {
  RecordLog log;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return log;
    return Error("io", Errno("cannot read", path));
  }
  if (S_ISDIR(st.st_mode)) return Error("io", path + ": is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error("io", Errno("cannot read", path));
  uint64_t offset = 0;
  std::string line;
  while (std::getline(in, line)) {
    bool complete = !in.eof();  // getline stopped at a '\n'
    if (!complete) {
      // The run stopped while writing this line (a whole record was always
      // written with its '\n').
      log.torn_tail = true;
      offset += line.size();
      break;
    }
    std::optional<LoggedRecord> r = ParseLine(line);
    if (r) {
      r->offset = offset;
      r->length = line.size();
      log.records.push_back(std::move(*r));
      log.end_of_records = offset + line.size() + 1;
    } else {
      ++log.bad_lines;
    }
    offset += line.size() + 1;
  }
  if (in.bad()) return Error("io", Errno("cannot read", path));
  log.size = offset;
  return log;
}

bool IsPassingError(std::string_view code) {
  return code == "internal-error" || code == "ocr-timeout";
}

std::unordered_set<std::string> LoggedFiles(const RecordLog& log) {
  std::unordered_set<std::string> files;
  for (const LoggedRecord& r : log.records) files.insert(r.file);
  return files;
}

ResumePlan PlanResume(const RecordLog& log, const std::vector<ResumeInput>& inputs) {
  ResumePlan plan;
  plan.done.assign(inputs.size(), false);
  std::unordered_map<std::string, size_t> input_of;
  for (size_t i = 0; i < inputs.size(); ++i) input_of.emplace(inputs[i].file, i);
  for (const LoggedRecord& r : log.records) {
    auto it = input_of.find(r.file);
    if (it == input_of.end()) {
      plan.keep.push_back(r);  // not this run's input: left as it is
      continue;
    }
    size_t i = it->second;
    const std::optional<std::string>& sha = inputs[i].sha256;
    if (plan.done[i]) {
      ++plan.duplicates;
    } else if (!sha || r.sha256.empty() || r.sha256 != *sha) {
      ++plan.stale;
    } else if (IsPassingError(r.error_code)) {
      ++plan.retried;
    } else {
      plan.done[i] = true;
      plan.keep.push_back(r);
      if (!r.error_code.empty()) ++plan.kept_errors;
    }
  }
  plan.needs_rewrite = plan.keep.size() != log.records.size() || log.bad_lines > 0;
  return plan;
}

Result<size_t> RewriteRecordLog(const std::string& path, const std::vector<LoggedRecord>& keep) {
  std::string tmp = path + ".resume-tmp";
  {
    Result<RecordWriter> w = RecordWriter::Open(tmp, RecordWriter::Mode::kTruncate);
    if (!w.ok()) return w.error();
    RecordWriter writer = std::move(w).value();
    std::vector<const LoggedRecord*> lines;
    for (const LoggedRecord& r : keep) lines.push_back(&r);
    if (!writer.CopyLines(path, lines)) {
      std::string message = writer.error();
      ::unlink(tmp.c_str());
      return Error("io", message);
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::string message = Errno("cannot replace it with " + tmp, path);
    ::unlink(tmp.c_str());
    return Error("io", message);
  }
  return keep.size();
}

Result<uint64_t> TruncateRecordLog(const std::string& path, uint64_t size) {
  if (::truncate(path.c_str(), static_cast<off_t>(size)) != 0) {
    return Error("io", Errno("cannot truncate", path));
  }
  return size;
}

Result<RecordWriter> RecordWriter::Open(const std::string& path, Mode mode) {
  int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (mode == Mode::kAppend ? O_APPEND : O_TRUNC);
  int fd = ::open(path.c_str(), flags, 0644);
  if (fd < 0) return Error("io", Errno("cannot write", path));
  return RecordWriter(fd, true);
}

RecordWriter RecordWriter::Stdout() { return RecordWriter(STDOUT_FILENO, false); }

RecordWriter::RecordWriter(RecordWriter&& other) noexcept
    : fd_(other.fd_), owned_(other.owned_), error_(std::move(other.error_)) {
  other.fd_ = -1;
  other.owned_ = false;
}

RecordWriter::~RecordWriter() {
  if (owned_ && fd_ >= 0) ::close(fd_);
}

bool RecordWriter::Write(std::string_view bytes) {
  if (!ok()) return false;
  while (!bytes.empty()) {
    ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      error_ = std::string("write failed: ") + std::strerror(errno);
      return false;
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

bool RecordWriter::CopyLines(const std::string& from,
                             const std::vector<const LoggedRecord*>& records) {
  int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) {
    error_ = Errno("cannot read", from);
    return false;
  }
  std::string line;
  for (const LoggedRecord* r : records) {
    line.resize(r->length + 1);
    size_t got = 0;
    while (got < r->length) {
      ssize_t n =
          ::pread(in, line.data() + got, r->length - got, static_cast<off_t>(r->offset + got));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        error_ = n == 0 ? from + ": shorter than when it was read" : Errno("cannot read", from);
        ::close(in);
        return false;
      }
      got += static_cast<size_t>(n);
    }
    line[r->length] = '\n';
    if (!Write(line)) break;
  }
  ::close(in);
  return ok();
}

}  // namespace delibex::batch
