// `delibex text FILE`: the text extract reads (after OCR and normalisation),
// to check what a scan was read as.
#include <cstdio>
#include <thread>

#include "cli/commands.h"
#include "cli/common.h"
#include "pipeline/pipeline.h"

namespace delibex::cli {
namespace {

int RunText(const std::vector<std::string>& files) {
  if (files.size() != 1) {
    std::fprintf(stderr, "delibex: text takes one FILE (see delibex --help)\n");
    return 2;
  }
  std::shared_ptr<const PatternSet> patterns = LoadPatterns("");
  if (!patterns) return 3;
  IngestOptions options;
  options.scan.jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  auto text = NormalizedTextOfFile(files[0], *patterns, options);
  if (!text.ok()) {
    std::fprintf(stderr, "delibex: %s (%s)\n", text.error().message.c_str(),
                 text.error().code.c_str());
    return 1;
  }
  std::fwrite(text.value().data(), 1, text.value().size(), stdout);
  std::fputc('\n', stdout);
  return 0;
}

void Add(CLI::App& app, int* status) {
  CLI::App* sub =
      AddSubcommand(app, "text", "The text extract reads (after OCR and normalisation), on stdout");
  auto files = std::make_shared<std::vector<std::string>>();
  sub->add_option("FILE", *files, "a text, PDF or image file");
  sub->callback([files, status] { *status = RunText(*files); });
}

}  // namespace

const Command kTextCommand = {
    "text",
    "  delibex text FILE                    the text extract reads (after OCR and\n"
    "                                       normalisation), on stdout\n",
    true, Add};

}  // namespace delibex::cli
