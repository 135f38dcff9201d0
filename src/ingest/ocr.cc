// The page pipeline of ocr.h. Choices, measured on scans of a French page
// rendered with ../shared/tools/make-scan and degraded with ImageMagick:
// - the page is turned and deskewed in grey and binarised last: a binary
//   page turned by a small angle gets jagged strokes;
// - orientation and skew are searched on one half-size quick binarisation
//   (150 dpi is enough to see text lines, ascenders and descenders):
//   Leptonica's pixFindSkewSweepAndSearch (about 5 ms, within 0.05 degree)
//   and pixOrientDetect (ascender/descender counts, about 15 ms). Tesseract's
//   OSD gives the same answers but costs about 330 ms a page, a third of the
//   recognition itself, so it runs only when Leptonica cannot decide (all
//   capitals, little text) and the upright reading is not confident;
// - binarisation: Otsu on a background-normalised page is the default. On
//   17 test pages (5,168 words: skew up to 3 degrees, noise, blur, 150 and
//   200 dpi, fax mode, JPEG, faded ink, uneven lighting, black borders,
//   turned pages) the pipeline gets 14 words wrong with it, 139 with
//   Sauvola (62% right on a fax-mode page with impulse noise), 487 when
//   Tesseract thresholds the grey page itself (51 to 80% right on every
//   page with uneven lighting);
// - speck removal matters on fax-mode pages with impulse noise: 76% of the
//   words right without it, 95% removing specks up to 2x2 px, 99% up to
//   3x3 px; removing 4x4 specks loses full stops and accents elsewhere
//   (96 to 99% on pages that were at 99 to 100%).
#include "ingest/ocr.h"

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>
#include <utility>

#include "core/text.h"
#include "ingest/sauvola.h"

// Exported by libtesseract, declared in a header it does not install.
namespace tesseract {
void tprintf(const char* format, ...);
}

namespace delibex {

void PixDeleter::operator()(Pix* pix) const { pixDestroy(&pix); }

namespace {

constexpr int kMaxSide = 16000;
// Pages of a TIFF past this many are not read (ocr.h: ReadImages).
constexpr int kMaxTiffPages = 1000;
// pixFindSkewSweepAndSearch's confidence below which its angle is noise
// (a blank page gives 0, a text page 10 to 40).
constexpr float kMinSkewConfidence = 3.0f;
constexpr float kMinSkewDegrees = 0.1f;
// OSD's orientation confidence ("15 is reasonably confident" in baseapi.h).
constexpr float kMinOsdConfidence = 2.0f;

void IgnoreLeptonicaMessage(const char*) {}

// Leptonica writes its errors (an unknown format, a truncated file) and
// notes on stderr; Tesseract writes notes ("Detected 60 diacritics") and
// errors through tprintf, which goes to its `debug_file` when one is set.
// The library must not print.
void SilenceLibraries() {
  static std::once_flag once;
  std::call_once(once, [] {
    leptSetStderrHandler(IgnoreLeptonicaMessage);
    tesseract::TessBaseAPI api;
    api.SetVariable("debug_file", "/dev/null");
    // tprintf opens the file on its first call, without a lock: open it
    // here, before any worker thread can print.
    tesseract::tprintf("%s", "");
  });
}

PixPtr Own(Pix* pix) { return PixPtr(pix); }

Error Unreadable(std::string message) { return Error{"image-unreadable", std::move(message)}; }

// A quick binarisation of an 8 bpp page scaled by `factor`, for the skew
// and orientation searches and the rotation trial. Black borders are
// removed: a scanner's edge is a long straight line that outweighs the text
// lines in the skew sweep.
PixPtr QuickBinary(Pix* grey, float factor) {
  PixPtr small = factor != 1 ? Own(pixScale(grey, factor, factor)) : Own(pixClone(grey));
  if (!small) return nullptr;
  int threshold = 0;
  PixPtr bin = Own(pixOtsuThreshOnBackgroundNorm(small.get(), nullptr, 10, 15, 100, 50, 255, 2, 2,
                                                 0.1f, &threshold));
  if (!bin) bin = Own(pixConvertTo1(small.get(), 130));
  if (!bin) return nullptr;
  PixPtr borderless = Own(pixRemoveBorderConnComps(bin.get(), 8));
  return borderless ? std::move(borderless) : std::move(bin);
}

// Clockwise quarter turns that make the text of a 1 bpp page (at 150 to 300
// dpi) upright; nullopt when Leptonica cannot tell (too little text, all
// capitals, no text).
std::optional<int> LeptonicaRotation(Pix* binary) {
  float up = 0, left = 0;
  if (pixOrientDetect(binary, &up, &left, 0, 0) != 0) return std::nullopt;
  int orientation = L_TEXT_ORIENT_UNKNOWN;
  if (makeOrientDecision(up, left, 0, 0, &orientation, 0) != 0) return std::nullopt;
  switch (orientation) {
    case L_TEXT_ORIENT_UP:
      return 0;
    case L_TEXT_ORIENT_LEFT:  // lines read bottom to top
      return 1;
    case L_TEXT_ORIENT_DOWN:
      return 2;
    case L_TEXT_ORIENT_RIGHT:  // lines read top to bottom
      return 3;
    default:
      return std::nullopt;
  }
}

std::string Trimmed(const char* text) {
  std::string s = text == nullptr ? "" : text;
  if (s.find_first_not_of(" \t\n") == std::string::npos) return "";
  return s;
}

// Keeps `page` (the grey page as read, `dpi`) in `out` as a JPEG scaled to
// about `image_dpi` (never enlarged). The proportions stay those of the
// boxes' frame: both sides are scaled by one factor. Nothing is kept when
// the encoding fails (the page is still read).
void KeepPageImage(Pix* page, int dpi, int image_dpi, OcrPage* out) {
  const float factor =
      dpi > 0 && image_dpi > 0 && image_dpi < dpi ? static_cast<float>(image_dpi) / dpi : 1.0f;
  PixPtr small = factor < 1 ? Own(pixScaleAreaMap(page, factor, factor)) : Own(pixClone(page));
  if (!small) return;
  l_uint8* data = nullptr;
  size_t size = 0;
  if (pixWriteMemJpeg(&data, &size, small.get(), 80, 0) != 0 || data == nullptr) return;
  out->image_jpeg.assign(reinterpret_cast<const char*>(data), size);
  lept_free(data);
  out->image_width = pixGetWidth(small.get());
  out->image_height = pixGetHeight(small.get());
}

// libpng allocates a chunk's declared length before reading it: a PNG of a
// few hundred bytes can declare a 2 GB text chunk. A chunk that claims more
// bytes than the file holds is damage, refused before libpng sees it.
bool PngChunksFit(std::string_view png) {
  size_t at = 8;  // the signature
  while (at + 8 <= png.size()) {
    const auto* p = reinterpret_cast<const unsigned char*>(png.data() + at);
    const uint32_t length =
        (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | uint32_t{p[3]};
    if (length > 0x7FFFFFFFu || size_t{length} + 12 > png.size() - at) return false;
    if (png.substr(at + 4, 4) == "IEND") return true;
    at += size_t{length} + 12;
  }
  return true;  // cut between chunks: libpng tells
}

}  // namespace

Result<std::vector<PixPtr>> ReadImages(std::string_view bytes, long long max_pixels) {
  SilenceLibraries();
  if (bytes.empty()) return Unreadable("no image data");
  const auto* data = reinterpret_cast<const l_uint8*>(bytes.data());
  l_int32 format = IFF_UNKNOWN;
  // findFileFormatBuffer reads up to 12 bytes.
  if (bytes.size() < 12 || findFileFormatBuffer(data, &format) != 0 || format == IFF_UNKNOWN) {
    return Unreadable("not an image format Leptonica reads (PNG, JPEG, TIFF, ...)");
  }
  std::vector<PixPtr> pages;
  const bool tiff = format == IFF_TIFF || (format >= IFF_TIFF_PACKBITS && format <= IFF_TIFF_JPEG);
  // A page's size from its header, before a decoder allocates it: a few
  // bytes of PNG can declare 20000 x 20000 pixels.
  auto too_large = [&](int page, l_int32 w, l_int32 h) -> std::optional<Error> {
    if (max_pixels <= 0 || static_cast<long long>(w) * h <= max_pixels) return std::nullopt;
    return Error{"too-large", (page > 0 ? "page " + std::to_string(page + 1) + ": " : "") +
                                  "an image of " + std::to_string(w) + " x " + std::to_string(h) +
                                  " pixels, more than the " + std::to_string(max_pixels) +
                                  " allowed (--max-pixels)"};
  };
  if (format == IFF_PNG && !PngChunksFit(bytes)) {
    return Unreadable("damaged or truncated PNG: a chunk longer than the file");
  }
  l_int32 fmt = 0, w = 0, h = 0, bps = 0, spp = 0, cmap = 0, res = 0;
  if (!tiff && pixReadHeaderMem(data, bytes.size(), &fmt, &w, &h, &bps, &spp, &cmap) == 0) {
    if (auto e = too_large(0, w, h)) return *e;
  }
  if (tiff) {
    // Leptonica's pixaReadMemMultipageTiff follows the chain of pages
    // without looking for a loop: a TIFF whose last page points back to an
    // earlier one never ends. libtiff, which counts the pages here, stops
    // at a loop; the pages are then read one by one.
    int count = 0;
    for (; count < kMaxTiffPages; ++count) {
      if (readHeaderMemTiff(data, bytes.size(), count, &w, &h, &bps, &spp, &res, &cmap, &fmt) != 0)
        break;
      if (auto e = too_large(count, w, h)) return *e;
    }
    if (count == 0) return Unreadable("damaged or truncated TIFF");
    for (int i = 0; i < count; ++i) {
      PixPtr page = Own(pixReadMemTiff(data, bytes.size(), i));
      if (!page) return Unreadable("damaged TIFF page");
      pages.push_back(std::move(page));
    }
  } else {
    PixPtr pix = Own(pixReadMem(data, bytes.size()));
    if (!pix) return Unreadable("damaged or truncated image");
    pages.push_back(std::move(pix));
  }
  return pages;
}

OcrEngine::OcrEngine(const OcrOptions& options) : options_(options) {}

OcrEngine::~OcrEngine() {
  if (api_) api_->End();
  if (osd_) osd_->End();
}

Result<std::unique_ptr<OcrEngine>> OcrEngine::Create(const OcrOptions& options) {
  SilenceLibraries();
  std::unique_ptr<OcrEngine> engine(new OcrEngine(options));
  const char* datapath = options.tessdata_dir.empty() ? nullptr : options.tessdata_dir.c_str();
  engine->api_ = std::make_unique<tesseract::TessBaseAPI>();
  if (engine->api_->Init(datapath, options.language.c_str()) != 0) {
    const std::string where = options.tessdata_dir.empty()
                                  ? "the system's tessdata directory (TESSDATA_PREFIX or built-in)"
                                  : options.tessdata_dir;
    return Error{"ocr-unavailable", "Tesseract cannot load the language model '" +
                                        options.language + "' from " + where +
                                        " (is tesseract-ocr-" + options.language + " installed?)"};
  }
  engine->api_->SetPageSegMode(tesseract::PSM_AUTO);
  if (options.orientation == OcrOptions::Orientation::kDetect) {
    std::error_code ec;
    const std::filesystem::path dir = engine->api_->GetDatapath();
    engine->osd_available_ = std::filesystem::exists(dir / "osd.traineddata", ec);
  }
  return engine;
}

// The OSD model (10 MB, about a tenth of a second of CPU and 20 MB to load)
// is needed only for pages Leptonica cannot orient and that read poorly
// upright: it is loaded then, once per engine.
tesseract::TessBaseAPI* OcrEngine::Osd() {
  if (osd_ == nullptr && osd_available_) {
    const char* datapath = options_.tessdata_dir.empty() ? nullptr : options_.tessdata_dir.c_str();
    osd_ = std::make_unique<tesseract::TessBaseAPI>();
    if (osd_->Init(datapath, "osd", tesseract::OEM_TESSERACT_ONLY) == 0) {
      osd_->SetPageSegMode(tesseract::PSM_OSD_ONLY);
    } else {
      osd_.reset();
      osd_available_ = false;  // the four-turn trial from now on
    }
  }
  return osd_.get();
}

std::string OcrEngine::tessdata_dir() const { return api_->GetDatapath(); }

Result<PixPtr> OcrEngine::Prepare(Pix* image, double* scale, int* dpi) const {
  const int w = pixGetWidth(image), h = pixGetHeight(image);
  if (w <= 0 || h <= 0) return Unreadable("empty image");
  PixPtr flat;
  Pix* src = image;
  if (pixGetDepth(image) == 32 && pixGetSpp(image) == 4) {
    flat = Own(pixAlphaBlendUniform(image, 0xffffff00));
    if (flat) src = flat.get();
  }
  PixPtr grey = Own(pixConvertTo8(src, 0));
  if (!grey) {
    return Unreadable("cannot convert a " + std::to_string(pixGetDepth(image)) +
                      "-bit image to grey");
  }

  // Scanners write their resolution; 72 and 96 are what screen software
  // writes when it knows none. Without one, the page is taken for A4.
  const int target = std::max(options_.target_dpi, 72);
  const int stated = pixGetXRes(image);
  double source_dpi;
  double s = 1;
  if (stated >= 50 && stated != 72 && stated != 96 && stated <= 4800) {
    source_dpi = stated;
    if (source_dpi < 0.83 * target || source_dpi > 1.5 * target) s = target / source_dpi;
  } else {
    const int short_side = std::min(w, h);
    source_dpi = short_side / 8.27;
    if (short_side < 6 * target) s = 2;  // 1800 px at 300 dpi
  }
  s = std::min(s, 4.0);
  if (std::max(w, h) * s > kMaxSide) {
    return Unreadable("image too large: " + std::to_string(w) + "x" + std::to_string(h) +
                      " px at " + std::to_string(static_cast<int>(source_dpi)) + " dpi");
  }
  if (s != 1) {
    grey = Own(pixScale(grey.get(), static_cast<float>(s), static_cast<float>(s)));
    if (!grey) return Unreadable("cannot scale the image");
  }
  *scale = s;
  *dpi = static_cast<int>(std::lround(source_dpi * s));
  pixSetResolution(grey.get(), *dpi, *dpi);
  return grey;
}

int OcrEngine::OsdRotation(tesseract::TessBaseAPI* osd, Pix* grey, int dpi) {
  PixPtr bin = QuickBinary(grey, 1);
  if (!bin) return 0;
  osd->SetImage(bin.get());
  osd->SetSourceResolution(dpi);
  int degrees = 0;
  float confidence = 0, script_confidence = 0;
  const char* script = nullptr;
  const bool found =
      osd->DetectOrientationScript(&degrees, &confidence, &script, &script_confidence);
  osd->Clear();
  if (!found || confidence < kMinOsdConfidence) return 0;
  // OSD gives the clockwise turn the page has; pixRotateOrth turns
  // clockwise: undo with the complement.
  return (4 - (degrees / 90) % 4) % 4;
}

int OcrEngine::TrialRotation(Pix* grey, int dpi) {
  PixPtr half = QuickBinary(grey, 0.5f);
  int best = 0;
  double best_score = 0;
  for (int q = 0; half && q < 4; ++q) {
    PixPtr turned = q == 0 ? Own(pixClone(half.get())) : Own(pixRotateOrth(half.get(), q));
    if (!turned) continue;
    const Result<OcrPage> trial = Read(turned.get(), dpi / 2);
    if (!trial.ok()) continue;
    // Confident-looking noise is not text: weigh by the words found.
    const double score = trial.value().mean_confidence * std::log1p(trial.value().words.size());
    if (score > best_score) {
      best_score = score;
      best = q;
    }
  }
  return best;
}

PixPtr OcrEngine::Binarize(Pix* grey) const {
  int threshold = 0;
  switch (options_.binarize) {
    case OcrOptions::Binarize::kOtsuBackgroundNorm:
      return Own(pixOtsuThreshOnBackgroundNorm(grey, nullptr, 10, 15, 100, 50, 255, 2, 2, 0.1f,
                                               &threshold));
    case OcrOptions::Binarize::kSauvola: {
      // A window of about two text lines. ingest/sauvola.h gives what
      // Leptonica's pixSauvolaBinarizeTiled gave here, without its
      // accumulators (a fifth of a page's CPU, most of it page faults).
      const int dpi = std::max(pixGetXRes(grey), 150);
      return SauvolaBinarize(grey, dpi / 12, 0.34f);
    }
    case OcrOptions::Binarize::kTesseract:
      break;
  }
  return nullptr;
}

Result<OcrPage> OcrEngine::Read(Pix* page, int dpi) {
  OcrPage out;
  pixSetResolution(page, dpi, dpi);
  api_->SetImage(page);
  api_->SetSourceResolution(dpi);
  tesseract::ETEXT_DESC monitor;
  const bool timed = deadline_.time_since_epoch().count() != 0;
  if (timed) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline_ - std::chrono::steady_clock::now());
    // set_deadline_msecs ignores 0: an expired deadline is 1 ms away.
    monitor.set_deadline_msecs(static_cast<int32_t>(
        std::clamp<long long>(left.count(), 1, std::numeric_limits<int32_t>::max())));
  }
  const int failed = api_->Recognize(timed ? &monitor : nullptr);
  if (timed && monitor.deadline_exceeded()) {
    api_->Clear();
    return Error{"ocr-timeout", "OCR was stopped after its time limit (--ocr-timeout)"};
  }
  if (failed != 0) {
    api_->Clear();
    return Error{"ocr-failed", "Tesseract could not read the page"};
  }
  char* text = api_->GetUTF8Text();
  out.text = Trimmed(text);
  delete[] text;
  std::unique_ptr<tesseract::ResultIterator> it(api_->GetIterator());
  double sum = 0;
  int line = -1;
  if (it != nullptr && !out.text.empty()) {
    do {
      if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) ++line;
      char* word = it->GetUTF8Text(tesseract::RIL_WORD);
      if (word == nullptr) continue;
      OcrWord w;
      w.text = word;
      delete[] word;
      if (w.text.empty()) continue;
      it->BoundingBox(tesseract::RIL_WORD, &w.left, &w.top, &w.right, &w.bottom);
      w.confidence = it->Confidence(tesseract::RIL_WORD);
      w.line = std::max(line, 0);
      sum += w.confidence;
      out.words.push_back(std::move(w));
    } while (it->Next(tesseract::RIL_WORD));
  }
  it.reset();
  api_->Clear();
  if (!out.words.empty()) out.mean_confidence = sum / static_cast<double>(out.words.size());
  out.width = pixGetWidth(page);
  out.height = pixGetHeight(page);
  out.dpi = dpi;
  return out;
}

Result<OcrPage> OcrEngine::ReadTurned(Pix* grey, int quads, int dpi, KeepImage keep, int image_dpi,
                                      Pix* quick_upright) {
  PixPtr turned = quads != 0 ? Own(pixRotateOrth(grey, quads)) : Own(pixClone(grey));
  if (!turned) return Unreadable("cannot turn the image");

  float skew = 0;
  if (options_.deskew) {
    // The orientation search's half-size binarisation serves again when the
    // page was not turned (most pages): the same image, made once.
    PixPtr quick = quads == 0 && quick_upright != nullptr ? Own(pixClone(quick_upright))
                                                          : QuickBinary(turned.get(), 0.5f);
    float angle = 0, confidence = 0;
    if (quick &&
        pixFindSkewSweepAndSearch(quick.get(), &angle, &confidence, 2, 1, 7.0f, 1.0f, 0.01f) == 0 &&
        confidence >= kMinSkewConfidence && std::fabs(angle) >= kMinSkewDegrees) {
      constexpr float kRadians = 3.14159265f / 180.0f;
      PixPtr straight =
          Own(pixRotate(turned.get(), kRadians * angle, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
      if (straight) {
        turned = std::move(straight);
        skew = angle;
      }
    }
  }

  PixPtr page = Binarize(turned.get());
  if (page && options_.clean) {
    PixPtr borderless = Own(pixRemoveBorderConnComps(page.get(), 8));
    if (borderless) page = std::move(borderless);
    // Specks that fit in 3x3 px at 300 dpi: an i's dot or a full stop is
    // 5 to 7 px there; removing 4x4 specks too already loses full stops.
    const int keep = std::max(2, dpi / 75);
    PixPtr despeckled = Own(
        pixSelectBySize(page.get(), keep, keep, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GTE, nullptr));
    if (despeckled) page = std::move(despeckled);
  }
  Result<OcrPage> read = Read(page ? page.get() : turned.get(), dpi);
  if (!read.ok()) return read;
  OcrPage result = std::move(read).value();
  result.rotation_degrees = quads * 90;
  result.skew_degrees = skew;
  if (keep == KeepImage::kYes) KeepPageImage(turned.get(), dpi, image_dpi, &result);
  return result;
}

Result<OcrPage> OcrEngine::Recognize(Pix* image, int timeout_ms, KeepImage keep, int image_dpi) {
  deadline_ = timeout_ms > 0
                  ? std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms)
                  : std::chrono::steady_clock::time_point{};
  double scale = 1;
  int dpi = 0;
  Result<PixPtr> prepared = Prepare(image, &scale, &dpi);
  if (!prepared.ok()) return prepared.error();
  const PixPtr grey = std::move(prepared).value();

  std::optional<int> quads = 0;
  const char* method = "not-searched";
  PixPtr quick;
  if (options_.orientation == OcrOptions::Orientation::kDetect) {
    quick = QuickBinary(grey.get(), 0.5f);
    quads = quick ? LeptonicaRotation(quick.get()) : std::nullopt;
    method = quads ? "leptonica" : "undecided";
  }
  Result<OcrPage> result =
      ReadTurned(grey.get(), quads.value_or(0), dpi, keep, image_dpi, quick.get());
  quick.reset();
  if (!result.ok()) return result;

  if (!quads && result.value().mean_confidence < options_.rotation_trial_below) {
    tesseract::TessBaseAPI* osd = Osd();
    const int turn = osd ? OsdRotation(osd, grey.get(), dpi) : TrialRotation(grey.get(), dpi);
    if (turn != 0) {
      Result<OcrPage> turned = ReadTurned(grey.get(), turn, dpi, keep, image_dpi);
      if (turned.ok() && turned.value().mean_confidence > result.value().mean_confidence) {
        result = std::move(turned);
        method = osd ? "osd" : "trial";
      }
    }
  }
  OcrPage page = std::move(result).value();
  page.orientation_method = method;
  page.scale = scale;
  return page;
}

std::vector<Result<OcrPage>> RecognizeAll(const std::vector<Pix*>& pages, int jobs,
                                          const OcrOptions& options) {
  const size_t n = pages.size();
  std::vector<std::optional<Result<OcrPage>>> slots(n);
  if (jobs <= 0) jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const size_t workers = std::min(n, static_cast<size_t>(jobs));
  std::atomic<size_t> next{0};
  std::mutex error_mutex;
  std::optional<Error> init_error;  // guarded by error_mutex

  auto work = [&] {
    Result<std::unique_ptr<OcrEngine>> engine = OcrEngine::Create(options);
    if (!engine.ok()) {
      std::lock_guard<std::mutex> lock(error_mutex);
      if (!init_error) init_error = engine.error();
      return;  // the other workers take this one's pages
    }
    for (size_t i = next++; i < n; i = next++) slots[i] = engine.value()->Recognize(pages[i]);
  };
  std::vector<std::thread> threads;
  for (size_t t = 1; t < workers; ++t) threads.emplace_back(work);
  if (workers > 0) work();
  for (std::thread& t : threads) t.join();

  std::vector<Result<OcrPage>> results;
  results.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    if (slots[i]) {
      results.push_back(std::move(*slots[i]));
    } else {
      results.push_back(init_error ? *init_error : Error{"ocr-unavailable", "no OCR engine"});
    }
  }
  return results;
}

std::string RepairDigits(std::string_view token) {
  int digits = 0, letters = 0;
  for (char c : token) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c == 'O' || c == 'o' || c == 'I' || c == 'l' || c == 'S') {
      ++letters;
    } else if (c != ' ' && c != '.' && c != ',' && c != '-' && c != '/' && c != ':') {
      return std::string(token);
    }
  }
  std::string out(token);
  if (digits == 0 || letters == 0 || letters > digits) return out;
  for (char& c : out) {
    switch (c) {
      case 'O':
      case 'o':
        c = '0';
        break;
      case 'I':
      case 'l':
        c = '1';
        break;
      case 'S':
        c = '5';
        break;
      default:
        break;
    }
  }
  return out;
}

namespace {

bool DigitLike(char c) {
  return (c >= '0' && c <= '9') || c == 'O' || c == 'o' || c == 'I' || c == 'l' || c == 'S';
}

// "O82-2282OOO1O-2O230321-1077-DE-1-1": the first three segments repaired.
std::optional<std::string> RepairActId(std::string_view w) {
  std::vector<std::string> seg;
  size_t i = 0;
  while (i <= w.size()) {
    size_t d = std::min(w.find('-', i), w.size());
    seg.emplace_back(w.substr(i, d - i));
    i = d + 1;
  }
  if (seg.size() < 5 || seg[0].size() != 3 || seg[1].size() != 9 || seg[2].size() != 8)
    return std::nullopt;
  for (int k = 0; k < 3; ++k) {
    int digits = 0;
    for (char c : seg[k]) {
      if (!DigitLike(c)) return std::nullopt;
      digits += c >= '0' && c <= '9';
    }
    if (digits * 2 < static_cast<int>(seg[k].size())) return std::nullopt;
  }
  std::string out;
  for (size_t k = 0; k < seg.size(); ++k) {
    if (k > 0) out += '-';
    if (k < 3) {
      for (char c : seg[k]) {
        out += c == 'O' || c == 'o' ? '0' : c == 'I' || c == 'l' ? '1' : c == 'S' ? '5' : c;
      }
    } else {
      out += seg[k];
    }
  }
  return out;
}

}  // namespace

std::string RepairOcrWord(std::string_view word, bool line_start, std::string_view next) {
  if (line_start && (word == "Ÿ" || word == "ÿ" || word == "¥")) return "•";
  if ((word == "ler" || word == "Ler") && FrenchMonth(next)) return "1er";
  // Brackets and quotes around, a final ; or . after.
  size_t b = 0, e = word.size();
  while (b < e && (word[b] == '(' || word[b] == '[' || word[b] == '"')) ++b;
  while (e > b && (word[e - 1] == ')' || word[e - 1] == ']' || word[e - 1] == '"' ||
                   word[e - 1] == ';' || word[e - 1] == '.' || word[e - 1] == ','))
    --e;
  std::string_view core = word.substr(b, e - b);
  if (!core.empty() &&
      std::any_of(core.begin(), core.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    std::optional<std::string> fixed = RepairActId(core);
    if (!fixed) fixed = RepairDigits(core);
    if (*fixed != core)
      return std::string(word.substr(0, b)) + *fixed + std::string(word.substr(e));
  }
  size_t at = word.find(']');
  if (at == std::string_view::npos || word.find('[') != std::string_view::npos)
    return std::string(word);
  std::string out(word);
  for (size_t i = at; i < out.size(); ++i) {
    if (out[i] != ']') continue;
    bool before_ok = i == 0 || out[i - 1] == '.' || out[i - 1] == '-';
    bool after_ok =
        i + 1 < out.size() && (out[i + 1] == '.' || (out[i + 1] >= 'a' && out[i + 1] <= 'z'));
    if (before_ok && after_ok) out[i] = 'J';
  }
  return out;
}

namespace {

// The segments of s between dashes.
std::vector<std::string_view> DashSegments(std::string_view s) {
  std::vector<std::string_view> out;
  size_t b = 0;
  for (;;) {
    size_t d = s.find('-', b);
    out.push_back(s.substr(b, d == std::string_view::npos ? std::string_view::npos : d - b));
    if (d == std::string_view::npos) return out;
    b = d + 1;
  }
}

bool IdChars(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

// An @CTES id cut short in its act number: "057-215704636-20220926-2022",
// its nature not reached yet.
bool OpensActId(std::string_view w) {
  std::vector<std::string_view> seg = DashSegments(w);
  return seg.size() == 4 && seg[0].size() == 3 && seg[1].size() == 9 && seg[2].size() == 8 &&
         IdChars(seg[0]) && IdChars(seg[1]) && IdChars(seg[2]) && IdChars(seg[3]);
}

}  // namespace

bool ContinuesActId(std::string_view so_far, std::string_view w) {
  if (!OpensActId(so_far)) return false;
  if (w.empty()) return true;
  std::vector<std::string_view> seg = DashSegments(w);
  if (!IdChars(seg[0])) return false;
  if (seg.size() == 1) return true;
  bool nature = seg[1].size() == 2 && std::all_of(seg[1].begin(), seg[1].end(),
                                                  [](char c) { return c >= 'A' && c <= 'Z'; });
  return nature && std::all_of(seg.begin() + 2, seg.end(), IdChars);
}

}  // namespace delibex
