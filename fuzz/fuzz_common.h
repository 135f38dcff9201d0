// Shared by the libFuzzer targets: the built-in pattern set, loaded once,
// and the stages after ingest with the JSON output, as `delibex extract`
// runs them. PatternLimitError is the one exception expected here (a
// pattern stopped at a PCRE2 limit: the CLI makes it a `pattern-limit`
// error record); anything else escaping is a bug and crashes the target.
#pragma once

#include <cstdio>
#include <cstdlib>

#include "core/document.h"
#include "output/json_writer.h"
#include "patterns/pattern_set.h"
#include "pipeline/pipeline.h"

namespace delibex::fuzz {

inline const PatternSet& Patterns() {
  static const std::shared_ptr<const PatternSet> set = [] {
    auto loaded = PatternSet::Load(PatternSet::BuiltinSources());
    if (!loaded.ok()) {
      std::fprintf(stderr, "fuzz: bad built-in patterns: %s\n", loaded.error().message.c_str());
      std::abort();
    }
    return loaded.value();
  }();
  return *set;
}

// Normalize .. validate, then the record as JSON (as the CLI writes it).
inline void ExtractAndWrite(const Document& doc) {
  try {
    Record r = ExtractDocument(doc, Patterns(), "2024-06-30");
    std::string json =
        RecordToJson(r).dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
    if (json.empty()) std::abort();
  } catch (const PatternLimitError&) {
  }
}

}  // namespace delibex::fuzz
