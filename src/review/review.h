// review: a record shown beside the pages it was read from, as one
// self-contained HTML page, for a person to check what delibex read
// (`delibex review`).
//
// What it does: fills the page template (templates/review.html, with
// review.css and review.js spliced in; embedded in the binary at build time
// by cmake/embed_templates.cmake) with one JSON object: the record exactly
// as `delibex extract` writes it (output/json_writer.h), the pages of the
// Document it was read from (each page's text; an OCR'd page's image, JPEG
// as a data: URL, with the size of the frame its provenance boxes are
// counted in), and which fields the warnings name. The page's own script
// draws the rest: pages on the left (an image with a box for each
// provenance entry, or the text with a span for each), the record on the
// right; hovering or selecting a field highlights its box or span and
// scrolls it into view; low-confidence and warned fields are marked; nulls
// are shown. An index (templates/index.html) lists the pages of a site
// with their counts, sortable.
// What it does not do: read files, run the pipeline, or write anything: the
// caller (cli/review_command.cc) does. Nothing here needs a network: the
// page holds everything it shows.
//
// Thread safety: every function is pure (safe to call concurrently).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/record.h"
#include "pipeline/pipeline.h"

namespace delibex {

// A field resting on a word read with a confidence under this is marked
// (the pipeline's `low-ocr-confidence-field` threshold).
constexpr double kReviewLowConfidence = 50;

// One reviewed input, as the index lists it.
struct ReviewSummary {
  std::string file;  // source.file
  std::string href;  // the page's file name, relative to the index
  std::string method;
  int pages = 0;
  int acts = 0;
  int warnings = 0;
  int low_confidence = 0;  // provenance entries under kReviewLowConfidence
  int provenance = 0;      // provenance entries
  std::string error;       // the error code, for an input that gave none
};

ReviewSummary SummarizeForReview(const FileOutcome& outcome, const std::string& href);

struct ReviewPageOptions {
  // The index's address relative to the page, for a link back; empty: no
  // link (a single page).
  std::string index_href;
};

// The review page of one outcome: its record and the pages of
// outcome.document (a page without an image is shown as text; with no
// document at all, the record alone). An error outcome gives a page that
// shows the error. The result is UTF-8 HTML; nothing in the record or the
// text can end the page's script early (every "<" in the embedded JSON is
// written \u003c).
std::string RenderReviewPage(const FileOutcome& outcome, const ReviewPageOptions& options = {});

// The index of a site: one row per summary, in the given order, sortable in
// the browser by any column (worst first: by warnings, low-confidence
// fields, errors).
std::string RenderReviewIndex(const std::vector<ReviewSummary>& summaries);

// The fields each warning of `record` names, by the record's paths (as the
// provenance keys: "session.date", "attendance.present[3]",
// "deliberations[0].vote"): path -> indexes into record.warnings. Read from
// the warning's code and message (validate/validate.cc writes them); a
// warning about the whole file (ingest's) names none.
std::map<std::string, std::vector<size_t>> WarnedFields(const Record& record);

namespace internal {

// `tmpl` with each "{{name}}" replaced by values.at(name), in one pass (a
// value is never scanned for placeholders). An unknown name is kept as it
// is, so a typo shows in the page rather than vanishing.
std::string FillTemplate(std::string_view tmpl, const std::map<std::string, std::string>& values);

// The embedded template file `name` ("review.html", "review.css",
// "review.js", "index.html"); empty when there is none.
std::string_view BuiltinTemplate(std::string_view name);

// Text for HTML element content and attribute values (& < > " ').
std::string EscapeHtml(std::string_view text);

}  // namespace internal

}  // namespace delibex
