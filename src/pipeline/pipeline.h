// pipeline: one input file through every stage, in order:
// ingest -> normalize -> segment -> extract -> validate.
//
// ExtractFile never throws and never prints: a file that cannot be read
// gives an Error (with the Source filled as far as it is known), anything
// else a Record, possibly with warnings. Safe to call from several threads
// at once with the same PatternSet.
#pragma once

#include <string>

#include "core/document.h"
#include "core/record.h"
#include "core/status.h"
#include "ingest/ingest.h"
#include "patterns/pattern_set.h"

namespace delibex {

struct PipelineOptions {
  IngestOptions ingest;
  std::string today;  // YYYY-MM-DD; empty: the system's date
  // Keep the ingested Document in FileOutcome::document (for `delibex
  // review`, with ingest.scan.keep_page_images). Default: off.
  bool keep_document = false;
};

struct FileOutcome {
  Source source;
  std::optional<Record> record;  // set on success
  std::optional<Error> error;    // set on failure
  // The Document the record was read from: set when keep_document asked for
  // it and ingest succeeded (also when a later stage failed).
  std::optional<Document> document;
};

// `display_name` is what source.file says (the path as given, or relative to
// the directory it was found in).
FileOutcome ExtractFile(const std::string& path, const std::string& display_name,
                        const PatternSet& patterns, const PipelineOptions& options);

// The stages after ingest, for a Document already in memory.
Record ExtractDocument(const Document& doc, const PatternSet& patterns, const std::string& today);

// The text extract/ reads: the file ingested (OCR where needed) and
// normalized, pages joined by a blank line. For `delibex text`, to see what a
// scan was read as. Errors: those of IngestFile.
Result<std::string> NormalizedTextOfFile(const std::string& path, const PatternSet& patterns,
                                         const IngestOptions& options);

// Hex SHA-256 of some bytes.
std::string Sha256(std::string_view bytes);

std::string Today();

}  // namespace delibex
