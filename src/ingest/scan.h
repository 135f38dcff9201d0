// ingest/scan: documents that need OCR — page images, scanned PDFs, and the
// pages of a born-digital PDF whose text layer is missing, only a stamp, or
// garbage (ingest/pdf.h judges each page).
//
// OCR engines are costly to start (about as long as reading a page), so the
// process keeps a pool of them: each is made once, on first need, and lent to
// one page at a time; at most `jobs` exist. Pages of one file are read in
// parallel over the pool, and files processed in parallel share it, so a
// batch never starts more engines than the pool allows.
//
// A page read by OCR gets its mean word confidence (Page::ocr_confidence) and
// a `low-ocr-confidence` warning when it is under 60. A PDF whose pages were
// all read by OCR has method "ocr"; some of them, "mixed".
#pragma once

#include <string_view>

#include "core/document.h"
#include "core/status.h"

namespace delibex {

struct ScanOptions {
  int jobs = 0;          // OCR engines and page threads; <= 0: one per core
  int render_dpi = 300;  // PDF pages are rendered at this resolution for OCR
  bool ocr = true;       // false: pages that need OCR stay as they are
};

// A PDF: its text layer where it is good, OCR elsewhere.
// Errors: those of ReadPdf (pdf-encrypted, pdf-damaged, too-large), and
// no-text when no page gives any text.
Result<Document> IngestPdf(std::string_view bytes, const ScanOptions& options);

// A page image file (PNG, JPEG, TIFF of one or more pages): OCR.
// Errors: image-unreadable, ocr-unavailable, no-text.
Result<Document> IngestImages(std::string_view bytes, const ScanOptions& options);

}  // namespace delibex
