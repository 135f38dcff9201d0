// cli/commands: the commands of the delibex binary, one file each
// (extract_command.cc, text_command.cc, ...). main.cc only dispatches.
//
// To add a command: write its file defining a `const Command kFooCommand`,
// declare it below, and add it to kCommands in main.cc.
#pragma once

#include <CLI/CLI.hpp>

namespace delibex::cli {

struct Command {
  const char* name;
  // Its lines in `delibex --help` ("  delibex foo ARG    what it does\n").
  const char* usage;
  // Reads pages by OCR: run with OMP_THREAD_LIMIT=1 (see main.cc).
  bool reads_pages;
  // Adds the subcommand to `app`; its callback runs the command and sets
  // *status to its exit status (0 done, 1 some input failed, 2 bad usage,
  // 3 bad patterns).
  void (*add)(CLI::App& app, int* status);
};

extern const Command kExtractCommand;
extern const Command kTextCommand;
extern const Command kEvalCommand;
extern const Command kSchemaCommand;
extern const Command kMergeCommand;
extern const Command kReviewCommand;

// Every subcommand's common settings: a later value of an option replaces an
// earlier one, as before CLI11.
CLI::App* AddSubcommand(CLI::App& app, const char* name, const char* description);

}  // namespace delibex::cli
