// ingest/pdf: the text layer of a born-digital PDF -> a Document, one Page a
// PDF page, plus a verdict per page on whether that text layer can be used.
//
// What it does: loads the PDF from memory with Poppler (poppler-cpp), tries
// the empty passwords (then PdfOptions::password) on an encrypted file, and
// extracts each page's text in physical layout, the same text as
// `pdftotext -layout` gives (Poppler's TextOutputDev in both cases). Each
// page's text is then measured (AssessPageText) to tell a usable text layer
// from a missing one, a lone prefecture stamp on a scanned page, or glyph
// garbage from a font without a usable Unicode map.
// What it does not do: OCR. A page that is not kGood is read as it is (its
// text, maybe empty, stays in its Page) and gets a `pdf-page-needs-ocr`
// warning; the OCR stage decides what to do with it from the PageQuality.
// Nothing here prints: Poppler's own error messages are silenced (see
// ReadPdf) and counted into a warning instead.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/status.h"

namespace delibex {

struct PdfOptions {
  // Tried as both the owner and the user password when the empty passwords
  // do not open an encrypted file. Default: empty (only the empty passwords
  // are tried).
  std::string password;
  // Pages past this many are not read: the Document then holds the first
  // max_pages pages and a `pdf-pages-skipped` warning. 0 means no limit.
  // Default: 0.
  size_t max_pages = 0;
};

// What a page's text layer is worth. Anything but kGood means the page should
// be OCR'd (when it has an image to OCR).
enum class PageVerdict {
  kGood,       // a real text layer
  kEmpty,      // no text, or fewer than kMinLetters letters (a page number, a
               // date): a blank page or, far more often, a scan
  kStampOnly,  // nothing but a short prefecture / @CTES acknowledgement
               // (fewer than kStampMaxLetters letters, mostly stamp words):
               // a scan on which the transmission platform printed its stamp
  kGarbage,    // characters that are not French text: symbols, private-use
               // or replacement characters, or letters from a font without a
               // Unicode map ("&RQVHLO" for "Conseil")
};

const char* PageVerdictName(PageVerdict verdict);  // "good", "empty", ...

// The measures behind a verdict, for one page's text. Shares are in 0..1 and
// are 0 when their denominator is 0.
struct PageQuality {
  static constexpr size_t kMinLetters = 20;
  static constexpr size_t kStampMaxLetters = 200;

  PageVerdict verdict = PageVerdict::kEmpty;
  // The page could not be parsed at all (a damaged page object); its text is
  // empty and the verdict kEmpty.
  bool unreadable = false;
  size_t letters = 0;    // Unicode letters
  size_t non_space = 0;  // characters other than white space
  size_t words = 0;      // maximal runs of letters
  // letters and digits / non_space: low for rows of symbols.
  double alnum_share = 0;
  // U+FFFD, private-use (but U+F000-U+F0FF, Symbol/Wingdings bullets),
  // noncharacters and control characters / non_space.
  double invalid_share = 0;
  // words written only with the letters of French (a-z, the accented
  // letters French uses, œ, æ, the fi/fl ligatures) that have a vowel or at
  // most 2 letters.
  double french_word_share = 0;
  // words that are French's commonest short words (le, la, les, de, du, des,
  // et, à, en, un, une, au, l, d, ...) or civilities (M, Mme, Monsieur, ...):
  // a quarter to a half of the words of French prose, about 0 in garbage
  // made of shifted glyph codes.
  double common_word_share = 0;
  // vowels / letters: about 0.45 in French, far off for garbage.
  double vowel_share = 0;
  // tokens that belong to a prefecture stamp (accusé, réception, préfecture,
  // télétransmission, ... and the digit runs of dates and act ids) / tokens
  // that are not common words. A stamp needs one word only stamps use
  // (accusé, préfecture, préfet, télétransmission, exécutoire, légalité).
  double stamp_share = 0;

  bool needs_ocr() const { return verdict != PageVerdict::kGood; }
};

// Measures one page's text (UTF-8; invalid bytes count as invalid
// characters) and gives its verdict. Pure function, safe to call
// concurrently. Rules, in this order:
//   letters < kMinLetters                                  -> kEmpty
//   letters < kStampMaxLetters, a word only stamps use and
//   stamp_share >= 0.6                                     -> kStampOnly
//   invalid_share > 0.02, or alnum_share < 0.6, or (words >= 10 and
//   french_word_share < 0.7), or (words >= 40 and common_word_share <
//   0.05), or (letters >= 200 and vowel_share outside 0.30..0.60)
//                                                          -> kGarbage
//   otherwise                                              -> kGood
PageQuality AssessPageText(std::string_view text);

// A PDF's Document and, for each of its pages (same index), the quality of
// its text layer.
struct PdfRead {
  Document document;
  std::vector<PageQuality> quality;
};

// True when "%PDF-" occurs in the first 1024 bytes (where PDF readers look
// for the header; some files have junk before it).
bool LooksLikePdf(std::string_view bytes);

// Reads a born-digital PDF held in memory.
//
// On success: document.media is "pdf", document.method "pdf-text",
// document.encoding empty; document.pages holds one Page per PDF page in
// page order (a blank or unreadable page is an empty Page: page numbers stay
// right), each page's text as `pdftotext -layout` prints it (lines in
// reading order, columns kept with spaces), valid UTF-8 with "\n" line ends,
// no form feed and no control character but tab, ocr_confidence -1.
// quality[i] measures pages[i]. Warnings (document.warnings):
//   pdf-page-needs-ocr   one per page that is not kGood, naming the page
//                        (1-based), its verdict and its measures
//   pdf-page-unreadable  one per page Poppler could not open
//   pdf-errors           Poppler reported errors while reading (a damaged
//                        file it could repair, a missing object, an odd
//                        font): how many, and the first. Poppler repairs
//                        some damage silently (a wrong startxref).
//   pdf-pages-skipped    pages past PdfOptions::max_pages
// Errors (messages do not name the file: the caller prefixes its path):
//   pdf-encrypted  the file is encrypted and neither the empty passwords nor
//                  options.password open it
//   pdf-damaged    no "%PDF-" header, or Poppler cannot load the file
//                  (truncated before its first page, random bytes, broken
//                  beyond repair), or it has no page
//   too-large      more than INT_MAX bytes (Poppler's limit for a file in
//                  memory)
// Thread safety: safe to call concurrently on different (or the same)
// bytes; each call has its own Poppler document. The first call installs a
// process-wide Poppler error function (poppler::set_debug_error_function)
// that prints nothing and counts the errors of the calling thread, for
// `pdf-errors`; code that installs another one silences that warning.
// `bytes` is only read during the call.
Result<PdfRead> ReadPdf(std::string_view bytes, const PdfOptions& options = {});

}  // namespace delibex
