// `delibex review`: the review page of one input, or a site of them with an
// index (review/review.h makes the pages; this file parses the arguments,
// finds the inputs, runs the pipeline and writes the files).
//
//   delibex review FILE [-o review.html]
//   delibex review DIR... | FILE... -o SITE/
//
// Exit status: 0 every input gave a record, 1 some input gave an error
// record (its page shows the error) or a file could not be written, 2 bad
// usage, 3 bad built-in patterns.
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "cli/commands.h"
#include "cli/common.h"
#include "patterns/pattern_set.h"
#include "pipeline/pipeline.h"
#include "review/review.h"

namespace fs = std::filesystem;

namespace {

constexpr const char* kReviewUsage = R"(Usage:
  delibex review FILE [-o review.html]   one page: the record beside the document
  delibex review DIR|FILE... -o SITE/    one page per input and SITE/index.html
Options:
  -o, --output PATH    the page (default review.html), or the site's folder
  -j, --jobs N         pages of a scan read in parallel (default: number of cores)
  --today YYYY-MM-DD   the date that future-date warnings compare with
)";

using delibex::cli::Input;

// A page's file name in a site: the input's path with '/' as "__", then
// ".html"; a name already taken gets "-2", "-3", ...
std::string PageName(const std::string& display, std::set<std::string>* taken) {
  std::string base;
  for (char c : display) {
    if (c == '/' || c == '\\') {
      base += "__";
    } else if (static_cast<unsigned char>(c) < 0x20 || c == ':' || c == '?' || c == '#' ||
               c == '%') {
      base += '_';
    } else {
      base += c;
    }
  }
  while (!base.empty() && base[0] == '.') base.erase(0, 1);
  if (base.empty()) base = "input";
  std::string name = base + ".html";
  for (int k = 2; !taken->insert(name).second; ++k) name = base + "-" + std::to_string(k) + ".html";
  return name;
}

bool WriteFile(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::out | std::ios::trunc | std::ios::binary);
  if (out) out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out) {
    std::fprintf(stderr, "delibex: cannot write %s: %s\n", path.c_str(), std::strerror(errno));
    return false;
  }
  return true;
}

// One input through the pipeline, its Document and page images kept.
delibex::FileOutcome Run(const Input& in, const delibex::PatternSet& patterns,
                         const delibex::PipelineOptions& options) {
  delibex::FileOutcome r;
  try {  // ExtractFile has its own barrier; this one is for memory at its edges
    r = delibex::ExtractFile(in.path, in.display, patterns, options);
  } catch (const std::exception& e) {
    r = delibex::FileOutcome{};
    r.source.file = in.display;
    r.error =
        delibex::Error{"internal-error", std::string("delibex failed: ") + e.what(), "pipeline"};
  }
  if (r.error) {
    // Ingest's messages start with the path already.
    const bool named = r.error->message.rfind(in.path, 0) == 0;
    std::fprintf(stderr, "delibex: %s%s%s (%s)\n", named ? "" : in.display.c_str(),
                 named ? "" : ": ", r.error->message.c_str(), r.error->code.c_str());
  }
  return r;
}

struct ReviewArgs {
  std::vector<std::string> inputs;
  std::string output;
  int jobs = 0;
  std::string today;
};

int RunReview(const ReviewArgs& a) {
  const std::vector<std::string>& args = a.inputs;
  const std::string& output = a.output;
  delibex::PipelineOptions options;
  options.keep_document = true;
  options.ingest.scan.keep_page_images = true;
  options.ingest.scan.jobs =
      a.jobs > 0 ? a.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  options.today = a.today;
  if (args.empty()) {
    std::fprintf(stderr, "delibex: review needs a FILE or DIR\n%s", kReviewUsage);
    return 2;
  }
  std::error_code ec;
  const bool site = args.size() > 1 || fs::is_directory(args[0], ec);
  if (site && output.empty()) {
    std::fprintf(stderr, "delibex: review of a DIR or several files needs -o SITE/\n%s",
                 kReviewUsage);
    return 2;
  }

  auto set = delibex::PatternSet::Load(delibex::PatternSet::BuiltinSources());
  if (!set.ok()) {
    std::fprintf(stderr, "delibex: bad built-in pattern: %s\n", set.error().message.c_str());
    return 3;
  }
  const delibex::PatternSet& patterns = *set.value();

  if (!site) {
    const std::string page_path = output.empty() ? "review.html" : output;
    delibex::FileOutcome r = Run({args[0], args[0]}, patterns, options);
    if (!WriteFile(page_path, delibex::RenderReviewPage(r))) return 1;
    std::fprintf(stderr, "delibex: wrote %s\n", page_path.c_str());
    return r.error ? 1 : 0;
  }

  // As `extract` finds them; a missing file gets its page, with the error.
  std::vector<Input> inputs = delibex::cli::CollectInputs(args);
  if (inputs.empty()) {
    std::fprintf(stderr, "delibex: no supported file found\n");
    return 1;
  }
  fs::create_directories(output, ec);
  if (!fs::is_directory(output, ec)) {
    std::fprintf(stderr, "delibex: cannot make the folder %s\n", output.c_str());
    return 1;
  }
  int status = 0;
  std::set<std::string> taken = {"index.html"};
  std::vector<delibex::ReviewSummary> summaries;
  const bool progress = isatty(STDERR_FILENO) != 0;
  for (size_t i = 0; i < inputs.size(); ++i) {
    // One input at a time: its pages are read over the OCR engines, and
    // its page images are let go before the next.
    delibex::FileOutcome r = Run(inputs[i], patterns, options);
    if (r.error) status = 1;
    const std::string name = PageName(inputs[i].display, &taken);
    if (!WriteFile(fs::path(output) / name,
                   delibex::RenderReviewPage(r, delibex::ReviewPageOptions{"index.html"}))) {
      status = 1;
    }
    summaries.push_back(delibex::SummarizeForReview(r, name));
    if (progress) std::fprintf(stderr, "\rdelibex: %zu/%zu", i + 1, inputs.size());
  }
  if (progress) std::fprintf(stderr, "\n");
  if (!WriteFile(fs::path(output) / "index.html", delibex::RenderReviewIndex(summaries))) return 1;
  std::fprintf(stderr, "delibex: wrote %s/index.html and %zu page(s)\n", output.c_str(),
               summaries.size());
  return status;
}

void Add(CLI::App& app, int* status) {
  auto args = std::make_shared<ReviewArgs>();
  CLI::App* sub = delibex::cli::AddSubcommand(
      app, "review", "The record beside the pages it was read from: one HTML page, or a site");
  sub->add_option("inputs", args->inputs, "FILE, or DIR and FILE... with -o SITE/");
  sub->add_option("-o,--output", args->output,
                  "the page (default review.html), or the site's folder");
  sub->add_option("-j,--jobs", args->jobs, "pages of a scan read in parallel (default: cores)")
      ->check(CLI::Range(1, 256));
  sub->add_option("--today", args->today, "the date that future-date warnings compare with");
  sub->callback([args, status] { *status = RunReview(*args); });
}

}  // namespace

namespace delibex::cli {
const Command kReviewCommand = {
    "review",
    "  delibex review FILE [-o review.html] the record beside the document, one HTML page\n"
    "  delibex review DIR|FILE... -o SITE/  one page per input and SITE/index.html\n",
    true, Add};
}  // namespace delibex::cli
