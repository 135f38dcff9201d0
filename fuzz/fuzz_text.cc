// fuzz_text: bytes -> ingest (sniffing; text decoding, or PDF / image with
// OCR off and tight limits) -> normalize, segment, extract, validate ->
// JSON. Invalid UTF-8 in the JSON (error_handler_t::strict) is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_common.h"
#include "ingest/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace delibex;
  IngestOptions options;
  options.scan.ocr = false;
  options.scan.jobs = 1;
  options.scan.max_pages = 8;
  options.scan.max_pixels = 200 * 200;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Result<Document> doc = IngestBytes("fuzz", bytes, options);
  if (doc.ok()) fuzz::ExtractAndWrite(doc.value());
  return 0;
}
