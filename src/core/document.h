// A Document is what ingest/ makes of one input file: its pages of UTF-8 text.
//
// Contract: every page's text is valid UTF-8 with "\n" line ends (no "\r", no
// form feed); pages are in reading order. `media` is text, pdf or image;
// `method` says how the text was obtained (text, pdf-text, ocr, mixed).
// `warnings` carries what ingest noticed but could work around (a guessed
// encoding, a page without text), for the record's warnings list.
#pragma once

#include <string>
#include <vector>

#include "core/record.h"

namespace delibex {

// A word of an OCR'd page: its bytes [begin, end) in Page::text, its box,
// and the OCR engine's confidence in it, 0..100.
struct PageWord {
  size_t begin = 0;
  size_t end = 0;
  PixelBox box;
  float confidence = 0;
};

// A page as OCR read it, kept for people to look at (delibex review): the
// grey page upright and deskewed, encoded as JPEG, possibly at a smaller
// scale. `width` x `height` is the page's size in the pixels the OCR boxes
// (PageWord::box, the record's provenance) are counted in; the image has the
// same proportions, so a box scales to it by image_width / width.
struct PageImage {
  std::string jpeg;  // empty: no image kept
  int width = 0;
  int height = 0;
  int image_width = 0;
  int image_height = 0;
};

struct Page {
  std::string text;
  // OCR mean word confidence 0..100 for an OCR'd page; negative when the page
  // was not OCR'd.
  double ocr_confidence = -1;
  // An OCR'd page's words, in text order (empty for a text layer). Text
  // after the last word (a stamp's text layer kept over a scan) has none.
  std::vector<PageWord> words;
  // The page OCR read, when ScanOptions::keep_page_images asked for it.
  PageImage image;
};

struct Document {
  std::string media = "text";
  std::string method = "text";
  std::string encoding;  // utf-8, utf-8-bom, windows-1252, iso-8859-1, utf-16le...
  std::vector<Page> pages;
  std::vector<Warning> warnings;

  // All pages joined with "\n\f\n" is NOT done here: segment/ sees the pages
  // joined by normalize/, which knows how to drop running headers between them.
};

}  // namespace delibex
