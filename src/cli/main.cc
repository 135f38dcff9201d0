// delibex: the command-line shell over the library. Finds the command named
// by the first argument and lets CLI11 parse the rest into it; each command
// lives in its own file (commands.h). Exit status: 0 done, 1 some input gave
// an error record, 2 bad usage, 3 bad patterns.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "cli/commands.h"

namespace {

using delibex::cli::Command;

const Command* const kCommands[] = {
    &delibex::cli::kExtractCommand, &delibex::cli::kTextCommand,   &delibex::cli::kMergeCommand,
    &delibex::cli::kEvalCommand,    &delibex::cli::kSchemaCommand, &delibex::cli::kReviewCommand,
};

std::string Usage() {
  std::string s =
      "delibex — French local-government deliberations to structured data\n\n"
      "Usage:\n";
  for (const Command* c : kCommands) s += c->usage;
  s += "  delibex --help | --version\n"
       "  delibex COMMAND --help               that command's options\n\n"
       "Exit status: 0 every input gave a record, 1 some input gave an error record,\n"
       "2 bad usage, 3 bad patterns.\n";
  return s;
}

// Tesseract's OpenMP is much slower than one thread a page here, and libgomp
// reads OMP_THREAD_LIMIT when it loads, before main: set it and start again.
void EnsureSingleThreadedOpenMp(char** argv) {
  if (std::getenv("OMP_THREAD_LIMIT") != nullptr) return;
  setenv("OMP_THREAD_LIMIT", "1", 1);
  execv("/proc/self/exe", argv);
  // If re-executing fails, carry on: slower OCR, same results.
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
    std::fputs(Usage().c_str(), argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  if (std::strcmp(argv[1], "--version") == 0) {
    std::printf("delibex %s\n", DELIBEX_VERSION);
    return 0;
  }
  const Command* command = nullptr;
  for (const Command* c : kCommands) {
    if (std::strcmp(argv[1], c->name) == 0) command = c;
  }
  if (command == nullptr) {
    if (argv[1][0] == '-') {
      std::fprintf(stderr, "delibex: unknown option %s (see delibex --help)\n", argv[1]);
    } else {
      std::fprintf(stderr, "delibex: unknown command '%s' (see delibex --help)\n", argv[1]);
    }
    return 2;
  }
  if (command->reads_pages) EnsureSingleThreadedOpenMp(argv);

  CLI::App app{"French local-government deliberations to structured data", "delibex"};
  int status = 0;
  command->add(app, &status);
  app.require_subcommand(1);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
      return app.exit(e);  // --help of the command, on stdout
    }
    std::fprintf(stderr, "delibex %s: %s (see delibex %s --help)\n", command->name, e.what(),
                 command->name);
    return 2;
  } catch (const std::exception& e) {  // the one catch-all: a bug at the edges
    std::fprintf(stderr, "delibex %s: failed: %s\n", command->name, e.what());
    return 1;
  }
  return status;
}
