#include "ingest/scan.h"

#include <leptonica/allheaders.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>
#include <vector>

#include "ingest/ocr.h"
#include "ingest/pdf.h"

namespace delibex {

namespace {

constexpr double kLowConfidence = 60;

int Jobs(int jobs) {
  if (jobs > 0) return jobs;
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

// The process's OCR engines: made once each, on first need, lent to one page
// at a time.
class EnginePool {
 public:
  static EnginePool& Get() {
    static EnginePool pool;
    return pool;
  }

  // An engine for one page, waiting while all `limit` engines are lent.
  Result<std::unique_ptr<OcrEngine>> Borrow(int limit) {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      if (failed_) return *failed_;
      if (!idle_.empty()) {
        std::unique_ptr<OcrEngine> e = std::move(idle_.back());
        idle_.pop_back();
        return e;
      }
      if (made_ < limit) {
        ++made_;
        lock.unlock();
        // Sauvola: on the shared corpus's real register scans (greyed
        // paper, stamps) it reads better than Otsu on a normalised
        // background, which wins on rendered test pages (0.849 vs 0.778
        // micro-F1 on dev/scan).
        OcrOptions options;
        options.binarize = OcrOptions::Binarize::kSauvola;
        auto engine = OcrEngine::Create(options);
        lock.lock();
        if (!engine.ok()) {
          failed_ = engine.error();
          --made_;
          cv_.notify_all();
          return engine.error();
        }
        // Tesseract keeps its dictionaries in a static cache made by the
        // first engine, after this pool: static destruction would tear the
        // cache down first, and the engines' dictionaries would leak. The
        // engines are ended at exit, before the cache goes.
        static std::once_flag at_exit;
        std::call_once(at_exit, [] { std::atexit([] { EnginePool::Get().EndAll(); }); });
        return std::move(engine).value();
      }
      cv_.wait(lock);
    }
  }

  // Ends the idle engines (all of them once no page is being read).
  void EndAll() {
    std::lock_guard<std::mutex> lock(mu_);
    made_ -= static_cast<int>(idle_.size());
    idle_.clear();
  }

  void Return(std::unique_ptr<OcrEngine> engine) {
    std::lock_guard<std::mutex> lock(mu_);
    idle_.push_back(std::move(engine));
    cv_.notify_one();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<OcrEngine>> idle_;
  int made_ = 0;
  std::optional<Error> failed_;
};

Pix* Get(const PixPtr& pix) { return pix.get(); }
Pix* Get(Pix* pix) { return pix; }

// Recognises pages 0 .. count-1 over up to `jobs` threads, engines from the
// pool, and returns their results in page order. Each thread makes its own
// page reader with `make_reader()` and gets page i's image from
// `reader(i)` (a PixPtr, or a Pix* the caller keeps): a PDF page is
// rendered by the thread that reads it, so rendering runs in parallel too,
// and at most `jobs` pages are held as images at once. A page whose image
// is null gets no result (nullopt).
template <typename MakeReader>
std::vector<std::optional<Result<OcrPage>>> RecognizePages(size_t count, int jobs, int timeout_ms,
                                                           bool keep_images,
                                                           MakeReader make_reader) {
  std::vector<std::optional<Result<OcrPage>>> out(count);
  std::atomic<size_t> next{0};
  int limit = Jobs(jobs);
  auto work = [&] {
    auto reader = make_reader();
    for (;;) {
      size_t i = next.fetch_add(1);
      if (i >= count) return;
      auto image = reader(i);
      Pix* pix = Get(image);
      if (pix == nullptr) continue;
      auto engine = EnginePool::Get().Borrow(limit);
      if (!engine.ok()) {
        out[i] = engine.error();
        continue;
      }
      std::unique_ptr<OcrEngine> e = std::move(engine).value();
      out[i] = e->Recognize(pix, timeout_ms,
                            keep_images ? OcrEngine::KeepImage::kYes : OcrEngine::KeepImage::kNo,
                            ScanOptions::kPageImageDpi);
      EnginePool::Get().Return(std::move(e));
    }
  };
  size_t threads = std::min<size_t>(static_cast<size_t>(limit), count);
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  if (threads > 0) work();
  for (std::thread& t : pool) t.join();
  return out;
}

// A rendered PDF page as an 8-bit grey Leptonica image.
PixPtr ToPix(const poppler::image& img, int dpi) {
  int w = img.width(), h = img.height();
  if (w <= 0 || h <= 0 || img.format() != poppler::image::format_gray8) return nullptr;
  PixPtr pix(pixCreate(w, h, 8));
  if (!pix) return nullptr;
  pixSetResolution(pix.get(), dpi, dpi);
  l_uint32* data = pixGetData(pix.get());
  l_int32 wpl = pixGetWpl(pix.get());
  const char* src = img.const_data();
  int stride = img.bytes_per_row();
  // Four pixels a word, the first in the most significant byte (Leptonica's
  // layout), rather than one SET_DATA_BYTE a pixel.
  const int words = w / 4;
  for (int y = 0; y < h; ++y) {
    l_uint32* line = data + static_cast<size_t>(y) * wpl;
    const unsigned char* row =
        reinterpret_cast<const unsigned char*>(src + static_cast<size_t>(y) * stride);
    for (int k = 0; k < words; ++k) {
      const unsigned char* b = row + 4 * k;
      line[k] = (l_uint32{b[0]} << 24) | (l_uint32{b[1]} << 16) | (l_uint32{b[2]} << 8) | b[3];
    }
    for (int x = 4 * words; x < w; ++x) SET_DATA_BYTE(line, x, row[x]);
  }
  return pix;
}

// Renders the pages of one PDF for OCR, in gray at `dpi`; one per thread:
// each has its own Poppler document (a poppler::document must not be used
// by two threads at once; loading one reads the cross-reference table, not
// the pages). A page larger than `max_pixels` at `dpi` is rendered at the
// resolution that fits, down to ScanOptions::kMinRenderDpi; below that it
// is not rendered and `too_large[k]` says so.
class PageRenderer {
 public:
  PageRenderer(std::string_view bytes, const std::vector<size_t>& which, int dpi,
               long long max_pixels, std::vector<std::optional<Warning>>* too_large)
      : which_(which), dpi_(dpi), max_pixels_(max_pixels), too_large_(too_large) {
    doc_.reset(poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (doc_ && doc_->is_locked()) doc_->unlock("", "");
    renderer_.set_image_format(poppler::image::format_gray8);
    renderer_.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer_.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  }

  // The k-th page of `which`; null when it cannot be rendered.
  PixPtr operator()(size_t k) {
    if (!doc_) return nullptr;
    std::unique_ptr<poppler::page> page(doc_->create_page(static_cast<int>(which_[k])));
    if (!page) return nullptr;
    int page_dpi = dpi_;
    if (max_pixels_ > 0) {
      // The page's size in points (1/72 inch), as it will be rendered.
      poppler::rectf box = page->page_rect(poppler::media_box);
      double w = std::fabs(box.width()) / 72.0, h = std::fabs(box.height()) / 72.0;
      double pixels = w * h * dpi_ * dpi_;
      if (!(pixels <= static_cast<double>(max_pixels_))) {  // NaN too
        double fit = w * h > 0 ? std::sqrt(static_cast<double>(max_pixels_) / (w * h)) : 0;
        if (!(fit >= ScanOptions::kMinRenderDpi)) {
          char buf[240];
          std::snprintf(buf, sizeof buf,
                        "page %zu: %.0f x %.0f pt, too large to render for OCR (more than %lld "
                        "pixels at %d dpi, --max-pixels); not read",
                        which_[k] + 1, w * 72, h * 72, max_pixels_, ScanOptions::kMinRenderDpi);
          (*too_large_)[k] = Warning{"pdf-page-too-large", buf};
          return nullptr;
        }
        page_dpi = static_cast<int>(fit);
      }
    }
    poppler::image img = renderer_.render_page(page.get(), page_dpi, page_dpi);
    return img.is_valid() ? ToPix(img, page_dpi) : nullptr;
  }

 private:
  const std::vector<size_t>& which_;
  const int dpi_;
  const long long max_pixels_;
  std::vector<std::optional<Warning>>* const too_large_;  // one slot per page: no lock
  std::unique_ptr<poppler::document> doc_;
  poppler::page_renderer renderer_;
};

// Short blocks side by side ("Le Maire" and "La Secrétaire de séance" over
// their names) come from Tesseract one after the other: a short line is
// joined to an earlier short line of the same row that it does not touch.
// `height` is the page's mean word height.
void JoinSideBySideBlocks(int height, std::vector<std::vector<const OcrWord*>>* lines_in) {
  std::vector<std::vector<const OcrWord*>>& lines = *lines_in;
  struct Extent {
    int top, bottom, left, right;
  };
  auto extent = [](const std::vector<const OcrWord*>& l) {
    Extent e{l[0]->top, l[0]->bottom, l[0]->left, l[0]->right};
    for (const OcrWord* o : l) {
      e.top = std::min(e.top, o->top);
      e.bottom = std::max(e.bottom, o->bottom);
      e.left = std::min(e.left, o->left);
      e.right = std::max(e.right, o->right);
    }
    return e;
  };
  constexpr size_t kShort = 6;  // words
  for (size_t k = 0; k < lines.size(); ++k) {
    if (lines[k].empty() || lines[k].size() > kShort) continue;
    for (size_t j = k + 1; j < lines.size() && j <= k + 12; ++j) {
      if (lines[j].empty() || lines[j].size() > kShort) continue;
      Extent a = extent(lines[k]), b = extent(lines[j]);
      int overlap = std::min(a.bottom, b.bottom) - std::max(a.top, b.top);
      int shorter = std::min(a.bottom - a.top, b.bottom - b.top);
      bool same_row = shorter > 0 && overlap * 10 >= shorter * 6;
      bool apart = b.left - a.right > 2 * height || a.left - b.right > 2 * height;
      if (same_row && apart && lines[k].size() + lines[j].size() <= 2 * kShort) {
        lines[k].insert(lines[k].end(), lines[j].begin(), lines[j].end());
        lines[j].clear();
        break;
      }
    }
  }
  lines.erase(std::remove_if(lines.begin(), lines.end(),
                             [](const std::vector<const OcrWord*>& l) { return l.empty(); }),
              lines.end());
}

}  // namespace

// A page's text, built from its OCR words: lines in reading order, side-by-
// side blocks joined into rows, columns kept after wide gaps, paragraphs
// from the line pitch, words repaired by RepairOcrWord, an @CTES id cut by a
// lost underscore joined again. A register's margin column (counts,
// convocation date, "Objet") read into the body's lines cuts its sentences. Lines that have a wide
// gap between words in the left part of the page are split there; over the run of such lines, the
// margin's words (left of the gap) are given after the body's, as a block of their own. The page's
// text is built from the words (each repaired by RepairOcrWord), each word's bytes and box kept in
// `out->words`.
void BuildPageText(const OcrPage& page, Page* out) {
  // Words with text only: Tesseract also gives blank "words" over rules
  // and pictures.
  std::vector<const OcrWord*> words;
  for (const OcrWord& o : page.words) {
    if (o.text.find_first_not_of(" \t") != std::string::npos) words.push_back(&o);
  }
  out->words.clear();
  if (words.empty()) {
    out->text = page.text;
    return;
  }
  const int w = page.width;
  // Lines in order, words left to right.
  std::vector<std::vector<const OcrWord*>> lines;
  for (const OcrWord* o : words) {
    if (lines.empty() || lines.back().front()->line != o->line) lines.emplace_back();
    lines.back().push_back(o);
  }
  int height = 0;
  for (const OcrWord* o : words) height += o->bottom - o->top;
  height /= static_cast<int>(words.size());
  JoinSideBySideBlocks(height, &lines);
  for (auto& l : lines) {
    std::sort(l.begin(), l.end(),
              [](const OcrWord* a, const OcrWord* b) { return a->left < b->left; });
  }
  // Where each line has a gutter: a gap wider than three letters' height,
  // its middle in the left 45% of the page, with words on both sides. A
  // page of few words has no margin column.
  std::vector<int> cut(lines.size(), -1);
  for (size_t k = 0; k < lines.size() && words.size() >= 30 && w > 0; ++k) {
    const auto& l = lines[k];
    for (size_t i = 0; i + 1 < l.size(); ++i) {
      int gap = l[i + 1]->left - l[i]->right;
      int mid = (l[i + 1]->left + l[i]->right) / 2;
      if (gap > 3 * height && mid < w * 45 / 100 && l[i]->left < w * 30 / 100) {
        cut[k] = mid;
        break;
      }
    }
  }
  int split_lines = 0;
  for (int c : cut) split_lines += c >= 0;
  std::vector<int> mids;
  for (int c : cut) {
    if (c >= 0) mids.push_back(c);
  }
  int column = -1;  // no margin column: lines are kept whole
  if (split_lines >= 3) {
    std::nth_element(mids.begin(), mids.begin() + mids.size() / 2, mids.end());
    column = mids[mids.size() / 2];
  }
  // The runs: from a split line to the last split line before a line that
  // runs across the column (words on both sides of it, no gutter between
  // them there: prose between a table's rows), with the lines between
  // (margin only, body only); three split lines at least, most of them with
  // a body of prose that runs past the page's middle (not a short table of
  // two columns: "15 ans ...   200 €").
  auto crosses = [&](const std::vector<const OcrWord*>& l) {
    for (size_t i = 0; i < l.size(); ++i) {
      if (l[i]->left < column && l[i]->right > column) return true;
      if (i + 1 < l.size() && l[i]->right <= column && l[i + 1]->left >= column &&
          l[i + 1]->left - l[i]->right <= 2 * height)
        return true;
    }
    return false;
  };
  std::vector<char> in_run(lines.size(), 0), run_end(lines.size(), 0);
  if (column >= 0) {
    size_t first = lines.size(), last = 0;
    int splits = 0, wide = 0;
    auto close = [&] {
      if (first < lines.size() && splits >= 3 && wide * 2 >= splits) {
        std::fill(in_run.begin() + static_cast<std::ptrdiff_t>(first),
                  in_run.begin() + static_cast<std::ptrdiff_t>(last) + 1, 1);
        run_end[last] = 1;
      }
      first = lines.size();
      splits = wide = 0;
    };
    for (size_t k = 0; k < lines.size(); ++k) {
      if (crosses(lines[k])) {
        close();
      } else if (cut[k] >= 0 && std::abs(cut[k] - column) < 6 * height) {
        if (first == lines.size()) first = k;
        last = k;
        ++splits;
        if (lines[k].back()->right > w * 60 / 100) ++wide;
      }
    }
    close();
  }
  // Paragraphs: where the distance from a line's top to the next one's is
  // well over the page's usual line pitch (Tesseract's own paragraphs break
  // lists at short wrapped lines).
  std::vector<int> tops;
  for (const auto& l : lines) {
    int top = l.front()->top;
    for (const OcrWord* o : l) top = std::min(top, o->top);
    tops.push_back(top);
  }
  std::vector<int> pitches;
  for (size_t k = 1; k < tops.size(); ++k) {
    if (tops[k] > tops[k - 1]) pitches.push_back(tops[k] - tops[k - 1]);
  }
  // The usual pitch is that of lines within a paragraph: the first quartile,
  // not the median, since a page of short paragraphs has more blank lines
  // than wrapped ones.
  int pitch = 2 * height;
  if (!pitches.empty()) {
    std::nth_element(pitches.begin(), pitches.begin() + pitches.size() / 4, pitches.end());
    pitch = pitches[pitches.size() / 4];
  }
  // The body's lines go to `text`; the margin's wait in `margin` (with their
  // words' places relative to it) until the run ends.
  std::string& text = out->text;
  text.clear();
  std::string margin;
  std::vector<PageWord> margin_words;
  // Side-by-side blocks (a signature block: "Le Maire" and "Le Secrétaire"
  // over their names) keep their columns: after a gap wider than two
  // letters' height, a word starts at the column of its place on the page,
  // counted in average letter widths from the page's left edge of text.
  int text_left = w;
  int letters = 0, letters_width = 0;
  for (const OcrWord* o : words) {
    text_left = std::min(text_left, o->left);
    int n = 0;
    for (unsigned char c : o->text) n += (c & 0xC0) != 0x80;
    letters += n;
    letters_width += o->right - o->left;
  }
  const int letter_width = std::max(1, letters > 0 ? letters_width / letters : height / 2);
  auto append = [&](const std::vector<const OcrWord*>& l, size_t from, size_t to,
                    std::string* to_text, std::vector<PageWord>* to_words) {
    size_t line_start = to_text->size();
    size_t id_start = std::string::npos;  // an @CTES id still open on this line
    for (size_t i = from; i < to; ++i) {
      if (i > from && id_start != std::string::npos &&
          ContinuesActId(std::string_view(*to_text).substr(id_start), l[i]->text) &&
          l[i]->left - l[i - 1]->right < height) {
        // "2022 044-DE": the underscore OCR lost inside an act id.
        *to_text += '_';
      } else if (i > from) {
        id_start = std::string::npos;
        *to_text += ' ';
        if (l[i]->left - l[i - 1]->right > 2 * height) {
          size_t column = static_cast<size_t>(std::max(0, l[i]->left - text_left) / letter_width);
          size_t at = to_text->size() - line_start;  // bytes: a little short of letters
          to_text->append(column > at + 1 ? column - at : 2, ' ');
        }
      }
      PageWord pw;
      pw.begin = to_text->size();
      *to_text +=
          RepairOcrWord(l[i]->text, i == from, i + 1 < to ? std::string_view(l[i + 1]->text) : "");
      pw.end = to_text->size();
      if (id_start == std::string::npos && ContinuesActId(l[i]->text, "")) id_start = pw.begin;
      pw.box = PixelBox{l[i]->left, l[i]->top, l[i]->right, l[i]->bottom};
      pw.confidence = l[i]->confidence;
      to_words->push_back(pw);
    }
  };
  int last_top = -1;
  for (size_t k = 0; k < lines.size(); ++k) {
    const auto& l = lines[k];
    size_t split = 0;
    if (in_run[k]) {
      while (split < l.size() && l[split]->right <= column) ++split;
    }
    if (split > 0) {
      append(l, 0, split, &margin, &margin_words);
      margin += '\n';
    }
    if (split < l.size()) {
      if (!text.empty())
        text += (last_top >= 0 && (tops[k] - last_top > pitch * 16 / 10 || tops[k] < last_top))
                    ? "\n\n"
                    : "\n";
      append(l, split, l.size(), &text, &out->words);
      last_top = tops[k];
    }
    if (run_end[k] && !margin.empty()) {
      text += "\n\n";
      for (PageWord pw : margin_words) {
        pw.begin += text.size();
        pw.end += text.size();
        out->words.push_back(pw);
      }
      text += margin;
      text += '\n';
      margin.clear();
      margin_words.clear();
      last_top = -1;
    }
  }
  text += '\n';
}

namespace {

// The page OCR read, kept in `out` when the OCR kept it (ScanOptions::
// keep_page_images).
void KeepImage(OcrPage* page, Page* out) {
  if (page->image_jpeg.empty()) return;
  out->image.jpeg = std::move(page->image_jpeg);
  out->image.width = page->width;
  out->image.height = page->height;
  out->image.image_width = page->image_width;
  out->image.image_height = page->image_height;
}

void AddConfidenceWarning(Document* doc, size_t page, double confidence) {
  if (confidence >= kLowConfidence) return;
  char buf[160];
  std::snprintf(buf, sizeof buf,
                "page %zu: OCR mean word confidence %.0f/100; fields read from it may be wrong",
                page + 1, confidence);
  doc->warnings.push_back(Warning{"low-ocr-confidence", buf});
}

bool HasText(const Document& doc) {
  return std::any_of(doc.pages.begin(), doc.pages.end(), [](const Page& p) {
    return p.text.find_first_not_of(" \n\t") != std::string::npos;
  });
}

bool TimedOut(const Document& doc) {
  return std::any_of(doc.warnings.begin(), doc.warnings.end(),
                     [](const Warning& w) { return w.code == "ocr-timeout"; });
}

}  // namespace

Result<Document> IngestPdf(std::string_view bytes, const ScanOptions& options) {
  PdfOptions pdf_options;
  pdf_options.max_pages = options.max_pages;
  auto read = ReadPdf(bytes, pdf_options);
  if (!read.ok()) return read.error();
  PdfRead pdf = std::move(read).value();
  Document& doc = pdf.document;
  std::vector<size_t> need;
  for (size_t i = 0; i < pdf.quality.size(); ++i) {
    if (pdf.quality[i].needs_ocr() && !pdf.quality[i].unreadable) need.push_back(i);
  }
  if (options.ocr && !need.empty()) {
    std::vector<std::optional<Warning>> too_large(need.size());
    std::vector<std::optional<Result<OcrPage>>> results = RecognizePages(
        need.size(), options.jobs, options.ocr_timeout_ms, options.keep_page_images, [&] {
          return PageRenderer(bytes, need, options.render_dpi, options.max_pixels, &too_large);
        });
    for (std::optional<Warning>& w : too_large) {
      if (w) doc.warnings.push_back(std::move(*w));
    }
    std::vector<size_t> index;  // the pages read by OCR
    size_t ocred = 0;
    for (size_t k = 0; k < results.size(); ++k) {
      if (!results[k]) continue;  // not rendered
      size_t i = need[k];
      index.push_back(i);
      if (!results[k]->ok()) {
        doc.warnings.push_back(
            Warning{results[k]->error().code,
                    "page " + std::to_string(i + 1) + ": " + results[k]->error().message});
        continue;
      }
      OcrPage page = std::move(*results[k]).value();
      // A stamp's text layer over a scan is exact: keep it after the OCR.
      std::string layer =
          pdf.quality[i].verdict == PageVerdict::kStampOnly ? doc.pages[i].text : "";
      BuildPageText(page, &doc.pages[i]);
      KeepImage(&page, &doc.pages[i]);
      if (!layer.empty()) doc.pages[i].text += "\n\n" + layer;
      doc.pages[i].ocr_confidence = page.mean_confidence;
      AddConfidenceWarning(&doc, i, page.mean_confidence);
      ++ocred;
    }
    // The pages read by OCR no longer need a warning saying they need it.
    doc.warnings.erase(
        std::remove_if(doc.warnings.begin(), doc.warnings.end(),
                       [&](const Warning& w) {
                         if (w.code != "pdf-page-needs-ocr") return false;
                         for (size_t i : index) {
                           if (w.message.rfind("page " + std::to_string(i + 1) + " ", 0) == 0)
                             return true;
                         }
                         return false;
                       }),
        doc.warnings.end());
    if (ocred > 0) doc.method = ocred == doc.pages.size() ? "ocr" : "mixed";
  }
  if (!HasText(doc)) {
    if (TimedOut(doc)) return Error{"ocr-timeout", "no page gave text in its OCR time limit"};
    return Error{"no-text", "no page of the PDF gives any text" +
                                std::string(options.ocr ? ", even by OCR" : " (OCR is off)")};
  }
  return std::move(pdf.document);
}

Result<Document> IngestImages(std::string_view bytes, const ScanOptions& options) {
  auto images = ReadImages(bytes, options.max_pixels);
  if (!images.ok()) return images.error();
  Document doc;
  doc.media = "image";
  doc.method = "ocr";
  if (!options.ocr) return Error{"no-text", "a page image needs OCR, and OCR is off"};
  const std::vector<PixPtr>& pages = images.value();
  std::vector<std::optional<Result<OcrPage>>> read_pages =
      RecognizePages(pages.size(), options.jobs, options.ocr_timeout_ms, options.keep_page_images,
                     [&] { return [&](size_t i) { return pages[i].get(); }; });
  for (size_t i = 0; i < read_pages.size(); ++i) {
    Page page;
    Result<OcrPage>& result = *read_pages[i];  // every decoded page is read
    if (!result.ok()) {
      if (result.error().code == "ocr-unavailable") return result.error();
      doc.warnings.push_back(Warning{
          result.error().code, "page " + std::to_string(i + 1) + ": " + result.error().message});
    } else {
      OcrPage read = std::move(result).value();
      BuildPageText(read, &page);
      KeepImage(&read, &page);
      page.ocr_confidence = read.mean_confidence;
      AddConfidenceWarning(&doc, i, page.ocr_confidence);
    }
    doc.pages.push_back(std::move(page));
  }
  if (!HasText(doc)) {
    if (TimedOut(doc)) return Error{"ocr-timeout", "OCR ran past its time limit (--ocr-timeout)"};
    return Error{"no-text", "OCR found no text in the image"};
  }
  return doc;
}

}  // namespace delibex
