// ingest/ocr: page images -> text, with Leptonica and Tesseract 5 (French).
//
// What it does: reads PNG, JPEG and (multi-page) TIFF images from memory
// (ReadImages), cleans each page up with Leptonica and recognises it with
// Tesseract's LSTM engine and the `fra` model (OcrEngine::Recognize), page by
// page or over a small pool of threads (RecognizeAll). Every page goes
// through the same pipeline, each step switchable in OcrOptions:
//
//   1. 8-bit grey (colour maps removed, alpha blended over white);
//   2. resolution to ~300 dpi: from the image's stated resolution, or, when
//      it states none (or a screen default, 72/96), from its size as an A4
//      sheet (short side < 1800 px -> 2x); more than 450 dpi is scaled down;
//   3. orientation: a page scanned sideways or upside down is turned
//      upright, by Leptonica's ascender/descender test on a half-size
//      page; when that cannot decide (little text, all capitals) and the
//      upright reading is not confident, by Tesseract's OSD
//      (osd.traineddata) or, without it, by reading the four turns of a
//      half-size page and keeping the most confident;
//   4. deskew (Leptonica's sweep-and-search of the text lines, +-7 degrees);
//   5. binarisation: Otsu on a background-normalised page (uneven
//      lighting, greyed paper, stamps), or Sauvola;
//   6. clean-up: black regions connected to the page's edge (scanner
//      borders, punched holes) and specks that fit in 3x3 px (at 300 dpi)
//      are removed;
//   7. Tesseract with PSM_AUTO: blocks are found first and read one after
//      the other, so a margin column or a stamp box does not cut the body's
//      sentences.
// What it does not do: decide whether a page needs OCR (ingest/pdf.h says
// so for PDF pages), render PDF pages (the caller gives a Pix), or repair
// words: RepairDigits is a helper for numeric and identifier contexts that
// the caller chooses.
//
// Nothing here prints. The first call to ReadImages or OcrEngine::Create
// makes two process-wide settings: a no-op Leptonica stderr handler
// (Leptonica reports unreadable data on stderr; here it becomes an Error),
// and Tesseract's `debug_file` set to /dev/null (Tesseract's notes and
// errors; a failed Init becomes an Error). Code that changes either takes
// over those messages.
// Tesseract's OpenMP threads are much slower than one thread a page on small
// machines: run processes that OCR with OMP_THREAD_LIMIT=1 in their
// environment (it must be set before the process starts: libgomp reads it
// when it is loaded).
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

struct Pix;  // Leptonica's image (PIX)

namespace tesseract {
class TessBaseAPI;
}

namespace delibex {

// Frees a Leptonica image (pixDestroy).
struct PixDeleter {
  void operator()(Pix* pix) const;
};
// The owner of a Leptonica image.
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

// Reads the page images held in `bytes`: PNG, JPEG, a TIFF (every page,
// in order), and whatever else Leptonica reads from memory (GIF, WebP, BMP,
// PNM, JPEG 2000). Each Pix keeps the resolution the file states (0 when it
// states none). A TIFF's pages are counted by libtiff (a chain of pages that
// loops back ends there) and read one by one; pages past the 1000th are not
// read.
// Errors:
//   image-unreadable  not an image format Leptonica knows, or the data is
//                     damaged or truncated, or a TIFF with no page
//   too-large         a page of more than `max_pixels` pixels (when > 0),
//                     from the file's headers, before anything is decoded
// Thread safety: safe to call concurrently. `bytes` is only read during the
// call.
Result<std::vector<PixPtr>> ReadImages(std::string_view bytes, long long max_pixels = 0);

// One recognised word. The box is in pixels of the normalised page (after
// orientation, scaling and deskew: see OcrPage), right and bottom exclusive.
struct OcrWord {
  std::string text;  // UTF-8
  int left = 0;
  int top = 0;
  int right = 0;
  int bottom = 0;
  float confidence = 0;  // 0..100
  int line = 0;          // 0-based index of the word's text line in the page
};

// One recognised page.
struct OcrPage {
  // UTF-8 in reading order, as Tesseract gives it: "\n" ends each line, an
  // empty line ends each paragraph (and block). Empty for a page with no
  // text. No "\r", no form feed.
  std::string text;
  // Mean of the words' confidences, 0..100; 0 when there is no word.
  double mean_confidence = 0;
  std::vector<OcrWord> words;  // in reading order

  // How the page was normalised before recognition, to map the words' boxes
  // back to the input image: the input was scaled by `scale`, turned
  // clockwise by `rotation_degrees` (0, 90, 180, 270), then turned about its
  // centre by `skew_degrees` (clockwise positive, Leptonica's convention: a
  // sheet scanned askew clockwise gives a negative value), keeping its size;
  // the normalised page is width x height pixels at `dpi`.
  double scale = 1;
  int rotation_degrees = 0;
  double skew_degrees = 0;
  int width = 0;
  int height = 0;
  int dpi = 0;
  // The page as it was read (after steps 1 to 4: grey, upright, deskewed;
  // before binarisation), JPEG, scaled by image_scale (<= 1) from the
  // width x height frame of the words' boxes; only when Recognize was asked
  // for it (KeepImage::kYes), else empty.
  std::string image_jpeg;
  int image_width = 0;
  int image_height = 0;
  // What found the orientation (step 3): "leptonica", "osd", "trial",
  // "undecided" (nothing could tell: read as given), or "not-searched"
  // (OcrOptions::Orientation::kUpright).
  std::string orientation_method;
};

struct OcrOptions {
  // Tesseract's data directory (holding fra.traineddata and, for
  // orientation detection, osd.traineddata). Default: empty, the system's
  // (TESSDATA_PREFIX or the path Tesseract was built with).
  std::string tessdata_dir;
  // Tesseract language(s), e.g. "fra" or "fra+eng". Default: "fra".
  std::string language = "fra";
  // Step 2. The resolution pages are brought to. Default: 300.
  int target_dpi = 300;
  enum class Orientation {
    kDetect,  // step 3 as described above (default)
    kUpright  // pages are known to be upright: skip step 3
  };
  Orientation orientation = Orientation::kDetect;
  // When Leptonica cannot tell a page's orientation, OSD (or the four-turn
  // trial) runs only when the upright reading's mean confidence is below
  // this. Default: 70 (an upside-down page reads at 30 to 40, an upright
  // one at 85 to 95).
  double rotation_trial_below = 70;
  bool deskew = true;  // step 4. Default: on.
  enum class Binarize {
    kOtsuBackgroundNorm,  // default
    kSauvola,
    kTesseract  // give Tesseract the grey page: its own Otsu (and no step 6)
  };
  Binarize binarize = Binarize::kOtsuBackgroundNorm;
  bool clean = true;  // step 6 (needs a binarised page). Default: on.
};

// One Tesseract instance, initialised once, and the page pipeline above.
// Create one per worker thread and reuse it for every page the worker
// handles (initialisation costs about 0.1 s of CPU, a page 1 to 2 s).
// Thread safety: one instance per thread (an engine may be handed from one
// thread to another, e.g. from a pool, but never used by two at once).
class OcrEngine {
 public:
  // Loads the language model. The OSD model (when it is there and
  // options.orientation is kDetect) is loaded on the first page that needs
  // it (step 3), by the thread reading that page.
  // Errors:
  //   ocr-unavailable  Tesseract cannot load `options.language` from the
  //                    data directory (not installed, or a bad directory);
  //                    the message names both.
  static Result<std::unique_ptr<OcrEngine>> Create(const OcrOptions& options = {});

  ~OcrEngine();
  OcrEngine(const OcrEngine&) = delete;
  OcrEngine& operator=(const OcrEngine&) = delete;

  // Runs the pipeline on one page image of any depth. `image` is neither
  // modified nor kept. A page without text (blank, or only noise) gives an
  // empty text, no words and confidence 0, not an error.
  // REQUIRES: image != nullptr.
  // Errors:
  //   image-unreadable  an image Leptonica cannot convert (0-sized, bad
  //                     depth) or too large (over 12000 px a side at the
  //                     target resolution)
  //   ocr-failed        Tesseract failed on the page
  //   ocr-timeout       the page took longer than `timeout_ms` (when > 0):
  //                     Tesseract was stopped (ETEXT_DESC's deadline)
  // With KeepImage::kYes the page as read is kept in OcrPage::image_jpeg,
  // scaled to about `image_dpi` (never enlarged).
  enum class KeepImage { kNo, kYes };
  Result<OcrPage> Recognize(Pix* image, int timeout_ms = 0, KeepImage keep = KeepImage::kNo,
                            int image_dpi = 150);

  const OcrOptions& options() const { return options_; }
  // The directory Tesseract loaded the models from.
  std::string tessdata_dir() const;
  // Whether step 3's fallback is Tesseract's OSD (else the four-turn trial):
  // osd.traineddata is in the data directory (and, once loaded, loaded
  // without error).
  bool has_osd() const { return osd_available_; }

 private:
  explicit OcrEngine(const OcrOptions& options);
  // The page, normalised up to and including step 2; 8 bpp.
  Result<PixPtr> Prepare(Pix* image, double* scale, int* dpi) const;
  // Clockwise quarter turns that make `grey` upright, by Tesseract's OSD
  // or by reading the four turns of a half-size page.
  int OsdRotation(tesseract::TessBaseAPI* osd, Pix* grey, int dpi);
  // The OSD engine, loaded on first use; null without OSD data.
  tesseract::TessBaseAPI* Osd();
  int TrialRotation(Pix* grey, int dpi);
  PixPtr Binarize(Pix* grey) const;
  // Steps 4 to 7 on `grey` turned clockwise by `quads` quarter turns.
  // With `keep` set, the page as read goes to OcrPage::image_jpeg at
  // `image_dpi`. `quick`, when not null, is QuickBinary(grey, 0.5) already
  // made for step 3 (used only when quads is 0).
  Result<OcrPage> ReadTurned(Pix* grey, int quads, int dpi, KeepImage keep = KeepImage::kNo,
                             int image_dpi = 150, Pix* quick = nullptr);
  // Step 7 alone.
  Result<OcrPage> Read(Pix* page, int dpi);

  // The current page's deadline (Recognize's timeout), or the epoch: none.
  std::chrono::steady_clock::time_point deadline_{};

  const OcrOptions options_;
  std::unique_ptr<tesseract::TessBaseAPI> api_;
  bool osd_available_ = false;                   // osd.traineddata is there
  std::unique_ptr<tesseract::TessBaseAPI> osd_;  // null until first needed
};

// Recognises `pages` over `jobs` threads (<= 0: one per hardware thread;
// never more than pages), each with its own OcrEngine created once; pages
// are handed out one at a time as threads become free. Result i is page i's.
// When no engine can be created, every result is that ocr-unavailable
// Error.
// REQUIRES: no null page. Pages are only read (never modified or kept):
// nothing may modify them during the call.
std::vector<Result<OcrPage>> RecognizeAll(const std::vector<Pix*>& pages, int jobs,
                                          const OcrOptions& options = {});

// Repairs OCR letter-for-digit confusions in a token that is mostly digits:
// O and o -> 0, I and l -> 1, S -> 5 ("2l" -> "21", "2O24-O17" -> "2024-017",
// "l2 5O0" -> "12 500"). A token is repaired only when every character is a
// digit, one of those letters, or a separator (space . , - / :) and there
// are at least as many digits as letters; anything else is returned
// unchanged: words and names ("Il", "SO", "Solène"), "1er", "n°2O", "12h3O",
// and tokens where the letters outnumber the digits ("5OO", "Sl2"). For
// numbers, dates and identifiers only: never apply it to names.
std::string RepairDigits(std::string_view token);

// One recognised word repaired where its shape leaves no doubt, for the page
// text built from the words (ingest/scan.h):
// - a number or date: RepairDigits, once brackets, quotes and a final
//   ; or . are set aside ("(2l)" -> "(21)", "1S/O3/2O23" -> "15/03/2023");
// - an @CTES identifier: its department, SIREN and date segments repaired
//   the same way ("O82-2282OOO1O-2O230321-1077-DE-1-1"), the act number
//   and nature left as printed;
// - "]" for "J" in initials and first names ("].P." -> "J.P.", "]ean");
// - "ler" before a month -> "1er";
// - a line's first word that is a lone "Ÿ", "ÿ" or "¥" (a misread check-mark
//   or arrow bullet) -> "•" (`line_start`).
// Names and words are never changed otherwise ("Il", "SOLANS", "lO").
// `next` is the word after it on the line (or empty).
std::string RepairOcrWord(std::string_view word, bool line_start, std::string_view next);

// OCR reads the underscore of an act number as a space, cutting an @CTES
// identifier in two words: "057-215704636-20220926-2022" "044-DE". True when
// `so_far` is such an identifier cut in its act number (three segments and
// the number begun, no nature yet) and `next` goes on with it: more of the
// number ("044"), or its end and the nature ("044-DE", "044-DE-1-1"). With
// an empty `next`: whether `so_far` is such a cut identifier. The caller
// joins the two with "_".
bool ContinuesActId(std::string_view so_far, std::string_view next);

}  // namespace delibex
