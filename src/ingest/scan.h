// ingest/scan: documents that need OCR — page images, scanned PDFs, and the
// pages of a born-digital PDF whose text layer is missing, only a stamp, or
// garbage (ingest/pdf.h judges each page).
//
// OCR engines are costly to start (about as long as reading a page), so the
// process keeps a pool of them: each is made once, on first need, and lent to
// one page at a time; at most `jobs` exist. Pages of one file are read in
// parallel over the pool (a PDF's pages each rendered by the thread that
// reads it, so at most `jobs` rendered pages are held at once), and files
// processed in parallel share it, so a batch never starts more engines than
// the pool allows.
//
// A page read by OCR gets its mean word confidence (Page::ocr_confidence) and
// a `low-ocr-confidence` warning when it is under 60. A PDF whose pages were
// all read by OCR has method "ocr"; some of them, "mixed".
#pragma once

#include <cstddef>
#include <string_view>

#include "core/document.h"
#include "core/status.h"
#include "ingest/ocr.h"

namespace delibex {

// Limits against hostile or broken inputs (0 means no limit). The defaults
// are far above what a council's documents need (an A4 page at 300 dpi is
// 8.7 million pixels; a long register, a few hundred pages) and keep one
// input from taking the machine: past a limit, an input gets an error or a
// warning, never a crash nor a hang.
struct ScanOptions {
  int jobs = 0;          // OCR engines and page threads; <= 0: one per core
  int render_dpi = 300;  // PDF pages are rendered at this resolution for OCR
  bool ocr = true;       // false: pages that need OCR stay as they are
  // PDF pages past this many are not read (warning `pdf-pages-skipped`).
  size_t max_pages = 1000;
  // A PDF page that would be rendered larger than this is rendered at a
  // lower resolution that fits (never under kMinRenderDpi); a page that does
  // not fit even then is not OCR'd (warning `pdf-page-too-large`). An image
  // whose page (read from its header, before decoding) is larger than this
  // is refused (error `too-large`).
  long long max_pixels = 100'000'000;
  // Tesseract stops reading a page after this long (warning `ocr-timeout`
  // on that page, the other pages go on; error `ocr-timeout` when no page
  // gave text and some ran out of time).
  int ocr_timeout_ms = 120'000;
  // Keep each OCR'd page's image (Page::image: the page as OCR read it,
  // JPEG at about kPageImageDpi), for `delibex review`. Default: off (about
  // 150 KB a page, and 20 ms to encode it).
  bool keep_page_images = false;

  static constexpr int kMinRenderDpi = 100;
  static constexpr int kPageImageDpi = 150;
};

// A PDF: its text layer where it is good, OCR elsewhere.
// Errors: those of ReadPdf (pdf-encrypted, pdf-damaged, too-large), and
// no-text when no page gives any text (ocr-timeout when some page ran out
// of time).
Result<Document> IngestPdf(std::string_view bytes, const ScanOptions& options);

// A page image file (PNG, JPEG, TIFF of one or more pages): OCR.
// Errors: image-unreadable, too-large (a page over options.max_pixels),
// ocr-unavailable, no-text, ocr-timeout.
Result<Document> IngestImages(std::string_view bytes, const ScanOptions& options);

// A page's text built from its OCR words (`page.words`, with their boxes and
// line indices): lines in reading order, side-by-side blocks joined into
// rows, paragraphs from the line pitch, words repaired for OCR confusions.
// A register's margin column (counts, a date, "Objet" left of the body) is
// given after the body's lines, as a block of its own, over each run of
// lines that keep a gutter at the same place; a line that runs across that
// place (prose between the rows of a table) ends the run. Sets out->text
// and out->words. Exposed for tests.
void BuildPageText(const OcrPage& page, Page* out);

}  // namespace delibex
