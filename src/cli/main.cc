// delibex: the command-line shell over the library. Parses arguments, finds
// the input files, runs them over a pool of workers, writes records in input
// order as they complete (nothing written is lost if a later file fails),
// and reports errors on stderr. All the work is in the library.
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "cli/review_command.h"
#include "output/json_writer.h"
#include "patterns/pattern_set.h"
#include "pipeline/pipeline.h"

namespace fs = std::filesystem;
using delibex::FileOutcome;
using delibex::PatternSet;
using delibex::PatternSource;

namespace {

constexpr const char* kUsage = R"(delibex — French local-government deliberations to structured data

Usage:
  delibex extract FILE                 one record, pretty JSON, on stdout
  delibex extract FILE... -o OUT.jsonl one record per line, in input order
  delibex extract DIR -o OUT.jsonl     every supported file below DIR
  delibex text FILE                    the text extract reads (after OCR and
                                       normalisation), on stdout
  delibex review FILE [-o review.html] the record beside the pages it was read
                                       from, one offline HTML page
  delibex review DIR -o SITE/          a page per input and a sortable index
  delibex --help | --version

Options:
  -o, --output FILE    write records there (JSON Lines) instead of stdout
  --jsonl              JSON Lines on stdout even for a single file
  -j, --jobs N         files, and pages of a scan, processed in parallel
                       (default: number of cores)
  --patterns DIR       read the patterns from DIR instead of the built-in set
  --today YYYY-MM-DD   the date that future-date warnings compare with
  -q, --quiet          no progress on stderr

Limits (an input past one gets an error record or a warning; 0: no limit):
  --max-bytes N        larger files are refused: too-large (default 268435456,
                       256 MiB)
  --max-pages N        PDF pages past N are not read: pdf-pages-skipped
                       (default 1000)
  --max-pixels N       an image page over N pixels is refused: too-large; a PDF
                       page is rendered for OCR at a resolution that fits, or
                       skipped: pdf-page-too-large (default 100000000)
  --ocr-timeout S      seconds of OCR a page at most: ocr-timeout (default 120)

Supported inputs: text (.txt .text .md .csv: UTF-8, Windows-1252, Latin-1,
UTF-16), PDF (.pdf: the text layer, OCR for scanned pages), page images
(.png .jpg .jpeg .tif .tiff: OCR in French). In a DIR, hidden entries are
skipped; symbolic links to directories are followed, each directory walked
once (a link loop or a second link to a walked directory is skipped, with a
note on stderr).
Exit status: 0 every input gave a record, 1 some input gave an error record,
2 bad usage, 3 bad patterns.
)";

struct Input {
  std::string path;
  std::string display;
};

bool Supported(const fs::path& p) {
  std::string ext = p.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const char* const kExt[] = {".txt", ".text", ".md",   ".csv", ".pdf",
                                     ".png", ".jpg",  ".jpeg", ".tif", ".tiff"};
  for (const char* e : kExt) {
    if (ext == e) return true;
  }
  return false;
}

// A directory to walk, and how it is shown below the argument.
struct Dir {
  fs::path path;
  fs::path rel;
  int depth;
};

// Walks `dir`, entries sorted by name, without following links: symbolic
// links to directories are queued in `links`, for after the real tree.
// Directories are identified by device and inode, and each is walked once:
// a link loop ends, a second link to a walked directory is skipped (noted on
// stderr), and no file is listed twice through two paths.
void Walk(const Dir& dir, std::set<std::pair<dev_t, ino_t>>* walked, std::vector<Dir>* links,
          std::vector<Input>* found) {
  constexpr int kMaxDepth = 64;
  struct stat st {};
  if (::stat(dir.path.c_str(), &st) != 0) return;
  if (!walked->insert({st.st_dev, st.st_ino}).second) {
    std::fprintf(stderr, "delibex: %s: skipped, a directory already walked (a link loop?)\n",
                 dir.path.c_str());
    return;
  }
  if (dir.depth > kMaxDepth) {
    std::fprintf(stderr, "delibex: %s: skipped, more than %d directories deep\n", dir.path.c_str(),
                 kMaxDepth);
    return;
  }
  std::vector<fs::path> entries;
  std::error_code ec;
  for (fs::directory_iterator it(dir.path, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    entries.push_back(it->path());
  }
  if (ec) std::fprintf(stderr, "delibex: %s: %s\n", dir.path.c_str(), ec.message().c_str());
  std::sort(entries.begin(), entries.end());
  for (const fs::path& p : entries) {
    if (p.filename().string().rfind('.', 0) == 0) continue;  // hidden
    std::error_code e1, e2;
    fs::file_status self = fs::symlink_status(p, e1);
    fs::file_status target = fs::status(p, e2);  // follows links
    Dir sub{p, dir.rel / p.filename(), dir.depth + 1};
    if (fs::is_directory(target)) {
      if (fs::is_symlink(self)) {
        links->push_back(sub);
      } else {
        Walk(sub, walked, links, found);
      }
    } else if (Supported(p) && (fs::is_regular_file(target) || fs::is_symlink(self))) {
      // A dangling link with a supported name gets its error record (io).
      found->push_back({p.string(), sub.rel.string()});
    }
  }
}

bool CollectInputs(const std::vector<std::string>& args, std::vector<Input>* out) {
  bool ok = true;
  for (const std::string& a : args) {
    std::error_code ec;
    if (fs::is_directory(a, ec)) {
      std::vector<Input> found;
      std::set<std::pair<dev_t, ino_t>> walked;
      std::vector<Dir> links;
      Walk(Dir{a, fs::path(), 0}, &walked, &links, &found);
      // Linked directories after the real tree, so a directory reached both
      // ways is listed under its real path.
      for (size_t i = 0; i < links.size(); ++i) Walk(Dir(links[i]), &walked, &links, &found);
      std::sort(found.begin(), found.end(),
                [](const Input& x, const Input& y) { return x.display < y.display; });
      out->insert(out->end(), found.begin(), found.end());
    } else {
      // A missing or unreadable file still gets its error record.
      out->push_back({a, a});
    }
  }
  return ok;
}

std::optional<std::vector<PatternSource>> ReadPatternDir(const std::string& dir) {
  std::vector<PatternSource> sources;
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".pcre") files.push_back(e.path());
  }
  if (ec || files.empty()) return std::nullopt;
  std::sort(files.begin(), files.end(), [](const fs::path& a, const fs::path& b) {
    if (a.filename() == "common.pcre") return b.filename() != "common.pcre";
    if (b.filename() == "common.pcre") return false;
    return a.filename() < b.filename();
  });
  for (const fs::path& f : files) {
    std::ifstream in(f);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    sources.push_back({f.string(), text});
  }
  return sources;
}

// One outcome as its output line: pretty JSON for a single file, else one line.
std::string Serialize(const FileOutcome& r, bool pretty) {
  nlohmann::ordered_json j =
      r.error ? delibex::ErrorToJson(r.source, *r.error) : delibex::RecordToJson(*r.record);
  return j.dump(pretty ? 1 : -1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Tesseract's OpenMP is much slower than one thread a page here, and libgomp
// reads OMP_THREAD_LIMIT when it loads, before main: set it and start again.
void EnsureSingleThreadedOpenMp(char** argv) {
  if (std::getenv("OMP_THREAD_LIMIT") != nullptr) return;
  setenv("OMP_THREAD_LIMIT", "1", 1);
  execv("/proc/self/exe", argv);
  // If re-executing fails, carry on: slower OCR, same results.
}

int Extract(int argc, char** argv) {
  std::vector<std::string> files;
  std::string output, patterns_dir, today;
  bool jsonl = false, quiet = false;
  delibex::IngestOptions limits;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&](const char* name) -> std::optional<std::string> {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "delibex: %s needs a value\n", name);
        return std::nullopt;
      }
      return std::string(argv[++i]);
    };
    if (a == "-o" || a == "--output") {
      auto v = value("-o");
      if (!v) return 2;
      output = *v;
    } else if (a == "-j" || a == "--jobs") {
      auto v = value("-j");
      if (!v) return 2;
      int n = std::atoi(v->c_str());
      if (n < 1 || n > 256) {
        std::fprintf(stderr, "delibex: -j takes a number from 1 to 256\n");
        return 2;
      }
      jobs = static_cast<unsigned>(n);
    } else if (a == "--patterns") {
      auto v = value("--patterns");
      if (!v) return 2;
      patterns_dir = *v;
    } else if (a == "--today") {
      auto v = value("--today");
      if (!v) return 2;
      today = *v;
    } else if (a == "--max-bytes" || a == "--max-pages" || a == "--max-pixels" ||
               a == "--ocr-timeout") {
      auto v = value(a.c_str());
      if (!v) return 2;
      char* end = nullptr;
      errno = 0;
      double n = std::strtod(v->c_str(), &end);
      bool whole = a != "--ocr-timeout";
      if (end == v->c_str() || *end != '\0' || errno != 0 || !(n >= 0) || n > 1e15 ||
          (whole && n != static_cast<double>(static_cast<long long>(n)))) {
        std::fprintf(stderr, "delibex: %s takes a %snumber >= 0\n", a.c_str(),
                     whole ? "whole " : "");
        return 2;
      }
      if (a == "--max-bytes") {
        limits.max_bytes = n == 0 ? SIZE_MAX : static_cast<size_t>(n);
      } else if (a == "--max-pages") {
        limits.scan.max_pages = static_cast<size_t>(n);
      } else if (a == "--max-pixels") {
        limits.scan.max_pixels = static_cast<long long>(n);
      } else {
        // At least 1 ms: 0 is "no limit".
        limits.scan.ocr_timeout_ms =
            n == 0 ? 0 : static_cast<int>(std::clamp(n * 1000, 1.0, 2147483647.0));
      }
    } else if (a == "--jsonl") {
      jsonl = true;
    } else if (a == "-q" || a == "--quiet") {
      quiet = true;
    } else if (a.size() > 1 && a[0] == '-') {
      std::fprintf(stderr, "delibex: unknown option %s (see delibex --help)\n", a.c_str());
      return 2;
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) {
    std::fprintf(stderr, "delibex: extract needs a FILE or DIR (see delibex --help)\n");
    return 2;
  }

  std::shared_ptr<const PatternSet> loaded;
  const PatternSet* patterns = nullptr;
  if (!patterns_dir.empty()) {
    auto sources = ReadPatternDir(patterns_dir);
    if (!sources) {
      std::fprintf(stderr, "delibex: no .pcre files in %s\n", patterns_dir.c_str());
      return 3;
    }
    auto set = PatternSet::Load(*sources);
    if (!set.ok()) {
      std::fprintf(stderr, "delibex: bad pattern: %s\n", set.error().message.c_str());
      return 3;
    }
    loaded = set.value();
    patterns = loaded.get();
  } else {
    auto set = PatternSet::Load(PatternSet::BuiltinSources());
    if (!set.ok()) {
      std::fprintf(stderr, "delibex: bad built-in pattern: %s\n", set.error().message.c_str());
      return 3;
    }
    loaded = set.value();
    patterns = loaded.get();
  }

  std::vector<Input> inputs;
  CollectInputs(files, &inputs);
  if (inputs.empty()) {
    std::fprintf(stderr, "delibex: no supported file found\n");
    return 1;
  }
  bool single = inputs.size() == 1 && output.empty() && !jsonl && !fs::is_directory(files[0]);

  std::ofstream file_out;
  std::ostream* out = &std::cout;
  if (!output.empty()) {
    file_out.open(output, std::ios::out | std::ios::trunc);
    if (!file_out) {
      std::fprintf(stderr, "delibex: cannot write %s: %s\n", output.c_str(), std::strerror(errno));
      return 1;
    }
    out = &file_out;
  }

  delibex::PipelineOptions options;
  options.ingest = limits;
  options.today = today;
  // Pages of a scan are read over as many OCR engines as files are.
  options.ingest.scan.jobs = static_cast<int>(jobs);
  std::vector<std::optional<FileOutcome>> results(inputs.size());
  std::mutex mu;
  std::condition_variable done;
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (;;) {
      size_t i = next.fetch_add(1);
      if (i >= inputs.size()) return;
      FileOutcome r;
      try {  // ExtractFile has its own barrier; this one is for memory at its edges
        r = delibex::ExtractFile(inputs[i].path, inputs[i].display, *patterns, options);
      } catch (const std::exception& e) {
        r = FileOutcome{};
        r.source.file = inputs[i].display;
        r.error = delibex::Error{"internal-error", std::string("delibex failed: ") + e.what(),
                                 "pipeline"};
      }
      std::lock_guard<std::mutex> lock(mu);
      results[i] = std::move(r);
      done.notify_all();
    }
  };
  std::vector<std::thread> pool;
  jobs = std::min<unsigned>(jobs, static_cast<unsigned>(inputs.size()));
  for (unsigned k = 0; k < jobs; ++k) pool.emplace_back(worker);

  int status = 0;
  size_t errors = 0;
  for (size_t i = 0; i < inputs.size(); ++i) {
    FileOutcome r;
    {
      std::unique_lock<std::mutex> lock(mu);
      done.wait(lock, [&] { return results[i].has_value(); });
      r = std::move(*results[i]);
      results[i].reset();
    }
    std::string line;
    try {
      line = Serialize(r, single);
    } catch (const std::exception& e) {
      r.record.reset();
      r.error =
          delibex::Error{"internal-error",
                         std::string("delibex failed writing the record: ") + e.what(), "output"};
      line = Serialize(r, single);
    }
    if (r.error) {
      status = 1;
      ++errors;
      // Ingest's messages start with the path already.
      const std::string& msg = r.error->message;
      bool named = msg.rfind(inputs[i].path, 0) == 0;
      std::fprintf(stderr, "delibex: %s%s%s (%s%s%s)\n", named ? "" : inputs[i].display.c_str(),
                   named ? "" : ": ", msg.c_str(), r.error->code.c_str(),
                   r.error->stage.empty() ? "" : ", stage ", r.error->stage.c_str());
    }
    *out << line << '\n';
    out->flush();
    if (!quiet && inputs.size() > 1 && isatty(STDERR_FILENO)) {
      std::fprintf(stderr, "\r%zu/%zu", i + 1, inputs.size());
    }
  }
  for (std::thread& t : pool) t.join();
  if (!quiet && inputs.size() > 1) {
    if (isatty(STDERR_FILENO)) std::fprintf(stderr, "\n");
    std::fprintf(stderr, "delibex: %zu file(s), %zu record(s), %zu error(s)\n", inputs.size(),
                 inputs.size() - errors, errors);
  }
  if (!*out) {
    std::fprintf(stderr, "delibex: writing the output failed\n");
    return 1;
  }
  return status;
}

// `delibex text FILE`: what a file is read as, to check a scan's OCR.
int PrintText(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "delibex: text takes one FILE (see delibex --help)\n");
    return 2;
  }
  auto set = PatternSet::Load(PatternSet::BuiltinSources());
  if (!set.ok()) {
    std::fprintf(stderr, "delibex: bad built-in pattern: %s\n", set.error().message.c_str());
    return 3;
  }
  delibex::IngestOptions options;
  options.scan.jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  auto text = delibex::NormalizedTextOfFile(argv[2], *set.value(), options);
  if (!text.ok()) {
    std::fprintf(stderr, "delibex: %s (%s)\n", text.error().message.c_str(),
                 text.error().code.c_str());
    return 1;
  }
  std::fwrite(text.value().data(), 1, text.value().size(), stdout);
  std::fputc('\n', stdout);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
    std::fputs(kUsage, argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  if (std::strcmp(argv[1], "--version") == 0) {
    std::printf("delibex %s\n", DELIBEX_VERSION);
    return 0;
  }
  if (std::strcmp(argv[1], "extract") == 0) {
    EnsureSingleThreadedOpenMp(argv);
    return Extract(argc, argv);
  }
  if (std::strcmp(argv[1], "review") == 0) {
    EnsureSingleThreadedOpenMp(argv);
    return Review(argc, argv);
  }
  if (std::strcmp(argv[1], "text") == 0) {
    EnsureSingleThreadedOpenMp(argv);
    return PrintText(argc, argv);
  }
  std::fprintf(stderr, "delibex: unknown command '%s' (see delibex --help)\n", argv[1]);
  return 2;
}
