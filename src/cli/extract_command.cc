// `delibex extract`: finds the input files, runs them over a pool of
// workers, writes records in input order as they complete (each line with
// one write: a run killed at any point keeps every finished record whole),
// and reports errors and progress on stderr. --resume skips the inputs whose
// record is already in the output, --shard K/N takes one share of the inputs,
// --format scdl writes the SCDL CSV instead of JSON. All the work is in the
// library (pipeline/, batch/, output/).
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "batch/progress.h"
#include "batch/record_log.h"
#include "batch/shard.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "output/json_writer.h"
#include "output/scdl_writer.h"
#include "pipeline/pipeline.h"

namespace delibex::cli {
namespace {

namespace fs = std::filesystem;

struct ExtractArgs {
  std::vector<std::string> files;
  std::string output, patterns_dir, today, format = "json", shard, coll_siret, url_prefix;
  std::string max_bytes, max_pages, max_pixels, ocr_timeout;
  bool jsonl = false, quiet = false, resume = false;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
};

// One outcome as its output line: pretty JSON for a single file, else one line.
std::string Serialize(const FileOutcome& r, bool pretty) {
  if (!r.error) return RecordJsonText(*r.record, pretty);
  return ErrorToJson(r.source, *r.error)
      .dump(pretty ? 1 : -1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The progress line of a terminal: redrawn at most ten times a second, wiped
// before any other message.
class StatusLine {
 public:
  explicit StatusLine(bool on) : on_(on) {}
  void Clear() {
    if (on_ && drawn_) std::fputs("\r\033[K", stderr);
    drawn_ = false;
  }
  void Draw(const std::string& line, bool force) {
    if (!on_) return;
    auto now = std::chrono::steady_clock::now();
    if (!force && drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
    std::fprintf(stderr, "\r\033[K%s", line.c_str());
    std::fflush(stderr);
    drawn_ = true;
    last_ = now;
  }

 private:
  bool on_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_;
};

bool ApplyLimits(const ExtractArgs& a, IngestOptions* limits) {
  struct Limit {
    const char* name;
    const std::string& value;
  };
  for (const Limit& l :
       {Limit{"--max-bytes", a.max_bytes}, Limit{"--max-pages", a.max_pages},
        Limit{"--max-pixels", a.max_pixels}, Limit{"--ocr-timeout", a.ocr_timeout}}) {
    if (l.value.empty()) continue;
    bool whole = std::strcmp(l.name, "--ocr-timeout") != 0;
    std::optional<double> n = ParseLimit(l.name, l.value, whole);
    if (!n) return false;
    if (std::strcmp(l.name, "--max-bytes") == 0) {
      limits->max_bytes = *n == 0 ? SIZE_MAX : static_cast<size_t>(*n);
    } else if (std::strcmp(l.name, "--max-pages") == 0) {
      limits->scan.max_pages = static_cast<size_t>(*n);
    } else if (std::strcmp(l.name, "--max-pixels") == 0) {
      limits->scan.max_pixels = static_cast<long long>(*n);
    } else {
      // At least 1 ms: 0 is "no limit".
      limits->scan.ocr_timeout_ms =
          *n == 0 ? 0 : static_cast<int>(std::clamp(*n * 1000, 1.0, 2147483647.0));
    }
  }
  return true;
}

// Runs `work(i)` for i in [0, n) over `jobs` threads.
template <typename Work>
void ParallelFor(size_t n, unsigned jobs, Work work) {
  std::atomic<size_t> next{0};
  std::vector<std::thread> pool;
  for (unsigned k = 0; k < std::min<size_t>(jobs, n); ++k) {
    pool.emplace_back([&] {
      for (size_t i; (i = next.fetch_add(1)) < n;) work(i);
    });
  }
  for (std::thread& t : pool) t.join();
}

// --resume: what of the output is kept, and which inputs are left to do.
// Returns nullopt (after saying why) when the output cannot be read or fixed.
struct Resumed {
  std::vector<Input> todo;
  size_t skipped = 0;
  size_t kept_errors = 0;
};
std::optional<Resumed> Resume(const std::string& output, const std::vector<Input>& inputs,
                              const IngestOptions& limits, unsigned jobs) {
  auto log = batch::ReadRecordLog(output);
  if (!log.ok()) {
    std::fprintf(stderr, "delibex: --resume: %s\n", log.error().message.c_str());
    return std::nullopt;
  }
  // Only inputs the output holds a record of need their bytes hashed.
  std::unordered_set<std::string> logged = batch::LoggedFiles(log.value());
  std::vector<batch::ResumeInput> current(inputs.size());
  ParallelFor(inputs.size(), jobs, [&](size_t i) {
    current[i].file = inputs[i].display;
    if (!logged.count(inputs[i].display)) return;
    Result<std::string> bytes = ReadInputFile(inputs[i].path, limits.max_bytes);
    if (bytes.ok()) current[i].sha256 = Sha256(bytes.value());
  });
  batch::ResumePlan plan = batch::PlanResume(log.value(), current);
  if (plan.needs_rewrite) {
    auto done = batch::RewriteRecordLog(output, plan.keep);
    if (!done.ok()) {
      std::fprintf(stderr, "delibex: --resume: %s\n", done.error().message.c_str());
      return std::nullopt;
    }
  } else if (log.value().torn_tail) {
    auto done = batch::TruncateRecordLog(output, log.value().end_of_records);
    if (!done.ok()) {
      std::fprintf(stderr, "delibex: --resume: %s\n", done.error().message.c_str());
      return std::nullopt;
    }
  }
  Resumed r;
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (plan.done[i]) {
      ++r.skipped;
    } else {
      r.todo.push_back(inputs[i]);
    }
  }
  r.kept_errors = plan.kept_errors;
  std::string dropped;
  auto note = [&](size_t n, const char* what) {
    if (n) dropped += (dropped.empty() ? "" : ", ") + std::to_string(n) + " " + what;
  };
  note(log.value().torn_tail ? 1 : 0, "torn last line");
  note(log.value().bad_lines, "line(s) that are no record");
  note(plan.stale, "record(s) of changed or unreadable inputs");
  note(plan.duplicates, "duplicate record(s)");
  note(plan.retried, "error record(s) to retry (internal-error, ocr-timeout)");
  std::fprintf(stderr, "delibex: resuming %s: %zu of %zu input(s) already done, %zu to do%s%s\n",
               output.c_str(), r.skipped, inputs.size(), r.todo.size(),
               dropped.empty() ? "" : "; dropped: ", dropped.c_str());
  return r;
}

int RunExtract(const ExtractArgs& a) {
  if (a.files.empty()) {
    std::fprintf(stderr, "delibex: extract needs a FILE or DIR (see delibex --help)\n");
    return 2;
  }
  IngestOptions limits;
  if (!ApplyLimits(a, &limits)) return 2;
  const bool scdl = a.format == "scdl";
  if (!scdl && a.format != "json") {
    std::fprintf(stderr, "delibex: --format takes json or scdl, not '%s'\n", a.format.c_str());
    return 2;
  }
  if (!scdl && (!a.coll_siret.empty() || !a.url_prefix.empty())) {
    std::fprintf(stderr, "delibex: --coll-siret and --url-prefix go with --format scdl\n");
    return 2;
  }
  if (!a.coll_siret.empty() &&
      (a.coll_siret.size() != 14 ||
       a.coll_siret.find_first_not_of("0123456789") != std::string::npos)) {
    std::fprintf(stderr, "delibex: --coll-siret takes the 14 digits of a SIRET, not '%s'\n",
                 a.coll_siret.c_str());
    return 2;
  }
  if (a.resume && (a.output.empty() || scdl)) {
    std::fprintf(stderr,
                 "delibex: --resume needs -o OUT.jsonl (JSON Lines: each record carries the "
                 "path and sha256 it is checked by)\n");
    return 2;
  }
  std::optional<batch::Shard> shard;
  if (!a.shard.empty()) {
    auto s = batch::ParseShard(a.shard);
    if (!s.ok()) {
      std::fprintf(stderr, "delibex: %s\n", s.error().message.c_str());
      return 2;
    }
    shard = s.value();
  }

  std::shared_ptr<const PatternSet> patterns = LoadPatterns(a.patterns_dir);
  if (!patterns) return 3;

  std::vector<Input> inputs = CollectInputs(a.files);
  if (inputs.empty()) {
    std::fprintf(stderr, "delibex: no supported file found\n");
    return 1;
  }
  if (shard) {
    std::erase_if(inputs, [&](const Input& in) { return !batch::InShard(in.display, *shard); });
  }
  bool single = !shard && !scdl && inputs.size() == 1 && a.output.empty() && !a.jsonl &&
                !fs::is_directory(a.files[0]);

  size_t skipped = 0, kept_errors = 0;
  if (a.resume) {
    std::optional<Resumed> r = Resume(a.output, inputs, limits, a.jobs);
    if (!r) return 1;
    inputs = std::move(r->todo);
    skipped = r->skipped;
    kept_errors = r->kept_errors;
  }

  auto opened = a.output.empty() ? Result<batch::RecordWriter>(batch::RecordWriter::Stdout())
                                 : batch::RecordWriter::Open(
                                       a.output, a.resume ? batch::RecordWriter::Mode::kAppend
                                                          : batch::RecordWriter::Mode::kTruncate);
  if (!opened.ok()) {
    std::fprintf(stderr, "delibex: %s\n", opened.error().message.c_str());
    return 1;
  }
  batch::RecordWriter out = std::move(opened).value();
  ScdlOptions scdl_options{a.coll_siret, a.url_prefix};
  if (scdl) out.Write(ScdlHeader());

  PipelineOptions options;
  options.ingest = limits;
  options.today = a.today;
  // Pages of a scan are read over as many OCR engines as files are.
  options.ingest.scan.jobs = static_cast<int>(a.jobs);
  // Finished records wait here, by input index, to be written in input
  // order. A worker takes no input more than `window` ahead of the writer,
  // so peak memory does not grow with the number of inputs (a slot per
  // input, ~2 KB each, and workers running ahead of a slow writer did).
  const size_t window = 4 * static_cast<size_t>(std::max(1u, a.jobs)) + 4;
  std::map<size_t, FileOutcome> results;
  std::mutex mu;                  // guards results, next and written
  std::condition_variable done;   // a record is in results
  std::condition_variable moved;  // the writer took one: the window moved
  size_t next = 0;
  size_t written = 0;
  auto worker = [&] {
    for (;;) {
      size_t i;
      {
        std::unique_lock<std::mutex> lock(mu);
        moved.wait(lock, [&] { return next >= inputs.size() || next < written + window; });
        if (next >= inputs.size()) return;
        i = next++;
      }
      FileOutcome r;
      try {  // ExtractFile has its own barrier; this one is for memory at its edges
        r = ExtractFile(inputs[i].path, inputs[i].display, *patterns, options);
      } catch (const std::exception& e) {
        r = FileOutcome{};
        r.source.file = inputs[i].display;
        r.error = Error{"internal-error", std::string("delibex failed: ") + e.what(), "pipeline"};
      }
      std::lock_guard<std::mutex> lock(mu);
      results.emplace(i, std::move(r));
      done.notify_all();
    }
  };
  std::vector<std::thread> pool;
  unsigned jobs = std::min<unsigned>(a.jobs, static_cast<unsigned>(inputs.size()));
  for (unsigned k = 0; k < jobs; ++k) pool.emplace_back(worker);

  const auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  batch::Progress progress(inputs.size(), skipped);
  StatusLine status_line(!a.quiet && inputs.size() > 1 && isatty(STDERR_FILENO));
  int status = kept_errors > 0 ? 1 : 0;
  size_t scdl_row = 1;  // the header is row 1, as validators count
  for (size_t i = 0; i < inputs.size(); ++i) {
    FileOutcome r;
    {
      std::unique_lock<std::mutex> lock(mu);
      done.wait(lock, [&] { return results.count(i) > 0; });
      auto it = results.find(i);
      r = std::move(it->second);
      results.erase(it);
      written = i + 1;
    }
    moved.notify_all();
    std::string text;
    try {
      if (scdl) {
        if (r.record) {
          std::vector<ScdlRow> rows = ScdlRows(*r.record, scdl_options);
          if (rows.empty()) {
            status_line.Clear();
            std::fprintf(stderr, "delibex: %s: no act, so no SCDL row\n",
                         inputs[i].display.c_str());
          }
          for (size_t k = 0; k < rows.size(); ++k) {
            ++scdl_row;
            text += FormatScdlRow(rows[k]);
            for (const std::string& broken :
                 CheckScdlRow(rows[k], r.record->authority.siren.value_or(""))) {
              status_line.Clear();
              std::fprintf(stderr, "delibex: scdl row %zu (%s, act %zu): %s\n", scdl_row,
                           inputs[i].display.c_str(), k + 1, broken.c_str());
            }
          }
        }
      } else {
        text = Serialize(r, single) + "\n";
      }
    } catch (const std::exception& e) {
      r.record.reset();
      r.error = Error{"internal-error",
                      std::string("delibex failed writing the record: ") + e.what(), "output"};
      text = scdl ? std::string() : Serialize(r, single) + "\n";
    }
    if (r.error) {
      status = 1;
      status_line.Clear();
      // Ingest's messages start with the path already.
      const std::string& msg = r.error->message;
      bool named = msg.rfind(inputs[i].path, 0) == 0;
      std::fprintf(stderr, "delibex: %s%s%s (%s%s%s)\n", named ? "" : inputs[i].display.c_str(),
                   named ? "" : ": ", msg.c_str(), r.error->code.c_str(),
                   r.error->stage.empty() ? "" : ", stage ", r.error->stage.c_str());
    }
    out.Write(text);
    progress.FileDone(r.source.pages, r.error.has_value());
    status_line.Draw(progress.Line(elapsed()), i + 1 == inputs.size());
  }
  for (std::thread& t : pool) t.join();
  status_line.Clear();
  std::fprintf(stderr, "%s\n", progress.Summary(elapsed(), a.output).c_str());
  if (!out.ok()) {
    std::fprintf(stderr, "delibex: writing %s failed: %s\n",
                 a.output.empty() ? "the output" : a.output.c_str(), out.error().c_str());
    return 1;
  }
  return status;
}

void Add(CLI::App& app, int* status) {
  CLI::App* sub =
      AddSubcommand(app, "extract", "Reads deliberations (text, PDF, page images) into records");
  auto a = std::make_shared<ExtractArgs>();
  sub->add_option("FILE", a->files, "files, or folders walked for every supported file");
  sub->add_option("-o,--output", a->output, "write records there (JSON Lines) instead of stdout");
  sub->add_flag("--jsonl", a->jsonl, "JSON Lines on stdout even for a single file");
  sub->add_option("-j,--jobs", a->jobs,
                  "files, and pages of a scan, processed in parallel (default: number of cores)")
      ->check(CLI::Range(1u, 256u));
  sub->add_option("--patterns", a->patterns_dir,
                  "read the patterns from DIR instead of the built-in set");
  sub->add_option("--today", a->today, "YYYY-MM-DD: the date future-date warnings compare with");
  sub->add_flag("-q,--quiet", a->quiet, "no progress line on stderr (the summary stays)");
  sub->add_flag("--resume", a->resume,
                "skip the inputs whose record (same path, same sha256) is already in -o OUT, "
                "append the others; a torn last line is dropped");
  sub->add_option("--shard", a->shard,
                  "K/N: only the inputs of shard K of N (by a hash of the path below its DIR; "
                  "the N shards hold each input once)");
  sub->add_option("--format", a->format,
                  "json (records, the default) or scdl (the SCDL Délibérations 2.1.5 CSV, one "
                  "row per act)");
  sub->add_option("--coll-siret", a->coll_siret, "SCDL: COLL_SIRET of every row (14 digits)");
  sub->add_option("--url-prefix", a->url_prefix,
                  "SCDL: DELIB_URL = this prefix + the input's path, percent-encoded");
  sub->add_option("--max-bytes", a->max_bytes,
                  "larger files are refused: too-large (default 268435456, 256 MiB; 0: none)");
  sub->add_option("--max-pages", a->max_pages,
                  "PDF pages past N are not read: pdf-pages-skipped (default 1000)");
  sub->add_option("--max-pixels", a->max_pixels,
                  "an image page over N pixels is refused: too-large; a PDF page is rendered "
                  "for OCR at a resolution that fits, or skipped (default 100000000)");
  sub->add_option("--ocr-timeout", a->ocr_timeout,
                  "seconds of OCR a page at most: ocr-timeout (default 120)");
  sub->footer(
      "Supported inputs: text (.txt .text .md .csv: UTF-8, Windows-1252, Latin-1, UTF-16), PDF "
      "(.pdf: the text layer, OCR for scanned pages), page images (.png .jpg .jpeg .tif .tiff: "
      "OCR in French). In a DIR, hidden entries are skipped; symbolic links to directories are "
      "followed, each directory walked once.\n"
      "Exit status: 0 every input gave a record, 1 some input gave an error record, 2 bad "
      "usage, 3 bad patterns.");
  sub->callback([a, status] { *status = RunExtract(*a); });
}

}  // namespace

const Command kExtractCommand = {
    "extract",
    "  delibex extract FILE                 one record, pretty JSON, on stdout\n"
    "  delibex extract FILE... -o OUT.jsonl one record per line, in input order\n"
    "  delibex extract DIR -o OUT.jsonl     every supported file below DIR\n"
    "  delibex extract DIR -o OUT.jsonl --resume [--shard K/N]\n"
    "                                       go on after an interruption; one share of N\n"
    "  delibex extract DIR --format scdl --coll-siret SIRET -o OUT.csv\n"
    "                                       the SCDL Délibérations CSV, one row per act\n",
    true, Add};

}  // namespace delibex::cli
