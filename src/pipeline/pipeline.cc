#include "pipeline/pipeline.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

#include "core/text.h"
#include "extract/act.h"
#include "extract/provenance.h"
#include "extract/session.h"
#include "normalize/normalize.h"
#include "segment/segment.h"
#include "validate/validate.h"

namespace delibex {

std::string Sha256(std::string_view bytes) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  if (!ctx) return "";
  EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
  EVP_DigestUpdate(ctx, bytes.data(), bytes.size());
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx, md, &len);
  EVP_MD_CTX_free(ctx);
  static const char* const kHex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < len; ++i) {
    out += kHex[md[i] >> 4];
    out += kHex[md[i] & 15];
  }
  return out;
}

std::string Today() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

namespace {

// A field resting on a word the OCR engine was less sure of than this gets a
// warning (a clean page's words are read at 85 to 96).
constexpr double kLowFieldConfidence = 50;

// Maps each FieldSource's span in the normalized text to its page, its span
// in the page's text, and on an OCR'd page the words' box and confidence.
// Entries that cannot be placed are dropped; the rest keep their order.
void ResolveProvenance(const Document& doc, const NormalizedText& norm, Record* r) {
  // Each entry's page and its span in the page's text (bytes), found once.
  struct Placed {
    FieldSource source;
    size_t page = 0;
    size_t begin = 0, end = 0;
  };
  std::vector<Placed> placed;
  for (const FieldSource& f : r->provenance) {
    if (f.end <= f.begin || f.end > norm.text.size()) continue;
    SourcePosition b = norm.map.Lookup(f.begin);
    SourcePosition e = norm.map.Lookup(f.end - 1);
    if (b.page < 0 || static_cast<size_t>(b.page) >= doc.pages.size()) continue;
    const Page& page = doc.pages[static_cast<size_t>(b.page)];
    size_t end = e.page == b.page ? e.offset + 1 : page.text.size();
    placed.push_back({f, static_cast<size_t>(b.page), b.offset, std::min(end, page.text.size())});
  }
  // The spans' ends on each page, in code points: counted in one pass per
  // page (counted from the page's start for each span, a long PV's many
  // fields made it quadratic).
  std::vector<std::vector<size_t>> ends(doc.pages.size());
  for (const Placed& p : placed) {
    ends[p.page].push_back(p.begin);
    ends[p.page].push_back(p.end);
  }
  std::vector<std::vector<size_t>> counts(doc.pages.size());
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    if (!ends[p].empty()) counts[p] = CodePointsBefore(doc.pages[p].text, ends[p]);
  }
  std::vector<size_t> next(doc.pages.size(), 0);  // the next of counts[page] to take
  std::vector<FieldSource> kept;
  for (Placed& p : placed) {
    const Page& page = doc.pages[p.page];
    const std::vector<size_t>& count = counts[p.page];
    size_t& taken = next[p.page];
    taken += 2;  // this span's two, in the order they were listed above
    if (p.begin >= page.text.size()) continue;
    FieldSource& f = p.source;
    f.page = static_cast<int>(p.page) + 1;
    f.page_begin = count[taken - 2];
    f.page_end = count[taken - 1];
    for (const PageWord& w : page.words) {
      if (w.end <= p.begin || w.begin >= p.end) continue;
      if (!f.box) {
        f.box = w.box;
        f.confidence = w.confidence;
        continue;
      }
      f.box->left = std::min(f.box->left, w.box.left);
      f.box->top = std::min(f.box->top, w.box.top);
      f.box->right = std::max(f.box->right, w.box.right);
      f.box->bottom = std::max(f.box->bottom, w.box.bottom);
      f.confidence = std::min<double>(*f.confidence, w.confidence);
    }
    if (f.confidence && *f.confidence < kLowFieldConfidence) {
      char buf[200];
      std::snprintf(buf, sizeof buf,
                    "%s rests on a word read by OCR with confidence %.0f/100 (page %d): check it",
                    f.field.c_str(), *f.confidence, f.page);
      r->warnings.push_back(Warning{"low-ocr-confidence-field", buf});
    }
    kept.push_back(std::move(f));
  }
  r->provenance = std::move(kept);
}

}  // namespace

namespace {

// The stages after ingest; `stage` names the one running, for the barrier.
Record RunStages(const Document& doc, const PatternSet& patterns, const std::string& today,
                 const char** stage) {
  Record r;
  r.source.media = doc.media;
  r.source.method = doc.method;
  r.source.pages = static_cast<int>(doc.pages.size());
  // The mean OCR confidence of the pages read by OCR, when any was.
  double sum = 0;
  int ocred = 0;
  for (const Page& p : doc.pages) {
    if (p.ocr_confidence >= 0) {
      sum += p.ocr_confidence;
      ++ocred;
    }
  }
  if (ocred > 0) r.source.ocr_confidence = sum / ocred;
  if (!doc.encoding.empty()) r.source.encoding = doc.encoding;
  r.warnings = doc.warnings;
  *stage = "normalize";
  NormalizedText norm = Normalize(doc, patterns);
  // The text every later stage reads, whole or in pieces: checked once.
  Utf8Checked valid_text(norm.text);
  *stage = "segment";
  Sections sections = Segment(norm.text, patterns);
  *stage = "extract";
  ExtractSession(sections, patterns, &r);
  ExtractActs(sections, patterns, &r);
  *stage = "provenance";
  LocateFields(sections, &r);
  ResolveProvenance(doc, norm, &r);
  *stage = "validate";
  Validate(today.empty() ? Today() : today, &r);
  return r;
}

// What escaped a stage, as the input's error record.
Error Caught(const char* stage, std::string code, std::string what) {
  return Error{std::move(code),
               std::string("delibex failed in its ") + stage + " stage (" + what +
                   "): this is a bug in delibex, not in the file; please report it",
               stage};
}

}  // namespace

Record ExtractDocument(const Document& doc, const PatternSet& patterns, const std::string& today) {
  const char* stage = "normalize";
  return RunStages(doc, patterns, today, &stage);
}

Result<std::string> NormalizedTextOfFile(const std::string& path, const PatternSet& patterns,
                                         const IngestOptions& options) {
  Result<Document> doc = IngestFile(path, options);
  if (!doc.ok()) return doc.error();
  return Normalize(doc.value(), patterns).text;
}

namespace {

// ExtractFile's work, inside its barrier.
void ExtractFileStages(const std::string& path, const std::string& display_name,
                       const PatternSet& patterns, const PipelineOptions& options,
                       FileOutcome* outcome, const char** stage) {
  FileOutcome& out = *outcome;
  // The file is read once: hashed, then ingested.
  Result<std::string> bytes = ReadInputFile(path, options.ingest.max_bytes);
  if (!bytes.ok()) {
    out.error = bytes.error();
    return;
  }
  out.source.sha256 = Sha256(bytes.value());
  *stage = "ingest";
  Result<Document> doc = IngestBytes(path, bytes.value(), options.ingest);
  if (!doc.ok()) {
    out.error = doc.error();
    return;
  }
  out.source.media = doc.value().media;
  if (options.keep_document) out.document = std::move(doc).value();
  *stage = "normalize";
  Record r = RunStages(out.document ? *out.document : doc.value(), patterns, options.today, stage);
  r.source.file = display_name;
  r.source.sha256 = out.source.sha256;
  out.source = r.source;
  out.record = std::move(r);
}

}  // namespace

// The barrier: whatever escapes a stage becomes this input's error record
// (the record is dropped whole: a half-extracted record would invent gaps).
FileOutcome ExtractFile(const std::string& path, const std::string& display_name,
                        const PatternSet& patterns, const PipelineOptions& options) {
  FileOutcome out;
  out.source.file = display_name;
  const char* stage = "read";
  try {
    ExtractFileStages(path, display_name, patterns, options, &out, &stage);
  } catch (const PatternLimitError& e) {
    out.record.reset();
    out.error =
        Error{"pattern-limit",
              "the pattern '" + e.pattern + "' hit a PCRE2 limit (code " + std::to_string(e.code) +
                  ") in the " + stage + " stage: the text is too unusual to read safely",
              stage};
  } catch (const std::bad_alloc&) {
    out.record.reset();
    out.error = Caught(stage, "internal-error", "out of memory");
  } catch (const std::exception& e) {
    out.record.reset();
    out.error = Caught(stage, "internal-error", e.what());
  } catch (...) {
    out.record.reset();
    out.error = Caught(stage, "internal-error", "an unknown exception");
  }
  return out;
}

}  // namespace delibex
