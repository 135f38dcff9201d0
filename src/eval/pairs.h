// eval/pairs: gold records and delibex's predictions read from disk and
// paired by name, as ../shared/tools/score.py pairs them.
//
// Gold: every DIR/*.json, sorted by name; a gold file's name is its stem.
// Predictions: either a folder of X.json files (paired with gold X.json, as
// score.py does), or one JSON Lines file as `delibex extract -o` writes it
// (paired by the stem of each record's source.file: `sub/X.pdf` goes with
// gold X.json). A prediction that cannot be read or parsed counts as none.
//
// What it is not: a validator. Notes for people (a torn or unparsable line
// of the JSON Lines file, two records for one name) go to `notes`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "eval/score.h"

namespace delibex::eval {

struct PairOptions {
  std::string gold_dir;
  std::string pred;  // a folder of X.json, or a .jsonl file
  // score.py's --inputs: keep only the gold files whose stem names an entry
  // of this folder. Empty: all.
  std::string inputs_dir;
};

// Errors: io (a folder or file that cannot be read), usage (no gold file).
Result<std::vector<ScoredPair>> LoadPairs(const PairOptions& options,
                                          std::vector<std::string>* notes);

}  // namespace delibex::eval
