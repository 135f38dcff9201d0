// fuzz_image: bytes -> page image reading (format sniffing, the header-size
// limit, Leptonica's decoders for PNG, JPEG, TIFF pages, GIF, WebP, BMP,
// PNM, JPEG 2000) with pages over 200 x 200 pixels refused before decoding,
// then each page converted to 8-bit grey as the OCR pipeline's first step
// does. OCR itself (seconds a page) is not fuzzed.
#include <leptonica/allheaders.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/ocr.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace delibex;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  constexpr long long kMaxPixels = 200 * 200;
  auto images = ReadImages(bytes, kMaxPixels);
  if (!images.ok()) return 0;
  for (const PixPtr& pix : images.value()) {
    if (!pix) std::abort();  // ReadImages promises no null page
    // The header said no more than kMaxPixels: a decoder that made a larger
    // page would defeat the limit. (A TIFF's later pages are checked too.)
    const long long w = pixGetWidth(pix.get()), h = pixGetHeight(pix.get());
    if (w * h > kMaxPixels) std::abort();
    PixPtr grey(pixConvertTo8(pix.get(), 0));
    (void)grey;
  }
  return 0;
}
