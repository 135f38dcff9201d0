// normalize: a Document's pages -> one clean text that segment/ and extract/
// read, with a map back to the page and byte offset each piece came from.
//
// What it rewrites (and nothing else):
// - first, tables and two-column layouts (normalize/tables.h): "|cell|cell|"
//   rows and columns parted by wide gaps are read as text (a sidebar as
//   label/value lines, an attendance grid as lists, a data table one row a
//   line); the rules below then apply to the rewritten page, and the offset
//   map still points into the page as given;
// - Unicode NFC (decomposed accents from PDFs become single characters);
// - typographic apostrophes (’ ‘ ʼ ´ `) -> ', double quotes “ ” „ -> ";
//   guillemets « » are kept;
// - apostrophes lost by the source ("l Hôtel", "s est", "qu il": three or
//   more such elisions in the text) are put back, one byte for one;
// - no-break, thin and other Unicode spaces, tabs -> ' '; zero-width
//   characters and soft hyphens dropped; trailing spaces of a line dropped;
// - hyphenation at a line end: "assujet-\ntissement" -> "assujettissement";
//   a hyphen that belongs to the word stays ("Putanges-le-\nLac",
//   "ci-\nannexée" -> "Putanges-le-Lac", "ci-annexée");
// - letter-spaced capitals: "D  É  LIBERATION" -> "DÉLIBERATION";
// - running headers and footers: lines repeated at the top or bottom of most
//   pages (equal once digits are ignored), and page numbers alone on a line
//   ("3", "- 3 -", "Page 3/6", "3/6"), are dropped;
// - website chrome around exported text (patterns/web_chrome.pcre): lines
//   such as "Télécharger le PDF", "Partager", "Copied!", are dropped.
// Pages are joined with "\n\n". Line structure is otherwise kept: columns of
// spaces inside a line are kept (signature blocks side by side use them).
//
// Decisions the list above does not settle (normalize.cc has the details):
// - a line is dropped whole or kept whole; chrome and page-number patterns
//   match whole lines (patterns/web_chrome.pcre: web_chrome_line,
//   page_number_line, page_number_bare); a bare number is dropped only as the
//   first or last line of a page, a labelled one ("Page 3/6", "- 3 -") only
//   among its first or last two; bare counters right under a chrome line
//   ("Copied!" then "12", "0") go with it. A PatternSet without these entries
//   drops no chrome or page numbers;
// - running headers and footers need a document of three pages or more; the
//   first copy is kept (it may be the only mention of the authority), and a
//   line that speaks of an act (number, vote, signature, stamp, @CTES id) is
//   never one: a register repeats those on every page, one act per page;
// - hyphens are not joined across pages; capitals on both sides of a
//   line-end hyphen ("RÈGLE-\nMENT") are left alone;
// - other zero-width and format characters (Unicode Cf) and control
//   characters are dropped; a byte that is not UTF-8 becomes U+FFFD;
// - blank lines are kept, but a dropped line between two blank lines leaves
//   one; blank lines at the top and bottom of a page are dropped;
// - page_starts has one entry per page of the Document; an empty page
//   starts where the text so far ends.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/document.h"
#include "patterns/pattern_set.h"

namespace delibex {

// Where a byte of the normalized text came from.
struct SourcePosition {
  int page = 0;       // 0-based page index
  size_t offset = 0;  // byte offset in that page's text
};

// Anchors (normalized offset -> source position) at the start of every piece
// copied unchanged; a position inside a piece is its anchor plus the distance.
// Every rewritten character has its own anchor (at the first byte of what it
// replaces), and so does the "\n\n" between pages (at the next page's start).
// Add() is called in increasing order; an anchor added at or before the last
// one replaces those from there on. Lookup before the first anchor gives
// {0, 0}. Const methods are safe to call concurrently.
class OffsetMap {
 public:
  void Add(size_t normalized_offset, SourcePosition source);
  SourcePosition Lookup(size_t normalized_offset) const;
  size_t size() const { return anchors_.size(); }

 private:
  std::vector<std::pair<size_t, SourcePosition>> anchors_;
};

struct NormalizedText {
  std::string text;
  OffsetMap map;
  std::vector<size_t> page_starts;  // offset in `text` where each page begins
};

// Never fails: any Document, valid or not, gives a text of valid UTF-8.
// Safe to call from many threads at once with one shared PatternSet.
NormalizedText Normalize(const Document& doc, const PatternSet& patterns = PatternSet::Builtin());

}  // namespace delibex
