// output/json: a Record as the JSON of ../shared/SPEC.md, keys in the SPEC's
// order, empty optionals as null, empty lists as []. Fields the project adds
// (source.encoding) come after the SPEC's own in their object.
#pragma once

#include <nlohmann/json.hpp>

#include "core/record.h"
#include "core/status.h"

namespace delibex {

nlohmann::ordered_json RecordToJson(const Record& record);

// RecordToJson(record).dump() as extract writes it (one line, or indented by
// one space when `pretty`; invalid UTF-8 replaced by U+FFFD), byte for byte,
// written directly without building the JSON object first.
// tests/output_json_test.cc checks the two agree.
std::string RecordJsonText(const Record& record, bool pretty);

// The SPEC's error record: {"source": {...}, "error": {"code", "message"}}.
nlohmann::ordered_json ErrorToJson(const Source& source, const Error& error);

}  // namespace delibex
