// fuzz_pdf: bytes -> PDF ingestion (Poppler: load, unlock, page text, the
// per-page verdict; OCR off, at most 8 pages) -> the whole text pipeline ->
// JSON.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_common.h"
#include "ingest/pdf.h"
#include "ingest/scan.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace delibex;
  ScanOptions options;
  options.ocr = false;
  options.jobs = 1;
  options.max_pages = 8;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Result<Document> doc = IngestPdf(bytes, options);
  if (doc.ok()) fuzz::ExtractAndWrite(doc.value());
  return 0;
}
