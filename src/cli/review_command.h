// cli/review_command: `delibex review` (see review_command.cc for its usage).
#pragma once

// Runs `delibex review` with main's arguments (argv[1] is "review") and
// returns the exit status: 0 every input gave a record, 1 some input gave
// an error record or a file could not be written, 2 bad usage, 3 bad
// built-in patterns.
int Review(int argc, char** argv);
