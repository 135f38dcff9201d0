// cli/common: what several commands share: finding the input files below the
// arguments, loading the patterns, reading a limit option.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "patterns/pattern_set.h"

namespace delibex::cli {

struct Input {
  std::string path;     // to open
  std::string display;  // source.file: as given, or relative to its DIR argument
};

// Every argument: a DIR gives its supported files (sorted, hidden entries
// skipped, links to directories after the real tree, each directory once:
// loops and second links are noted on stderr); anything else is an input as
// it is (a missing file gets its error record).
std::vector<Input> CollectInputs(const std::vector<std::string>& args);

// The built-in patterns, or those of `dir` when it is not empty. Prints why
// on stderr and returns null when they do not load (exit status 3).
std::shared_ptr<const PatternSet> LoadPatterns(const std::string& dir);

// A limit option's value: a number >= 0 (whole unless `whole` is false).
// Prints why on stderr and returns nullopt when it is not one.
std::optional<double> ParseLimit(const std::string& option, const std::string& value, bool whole);

}  // namespace delibex::cli
