// ingest/sauvola: Sauvola's local-threshold binarisation of an 8 bpp page,
// the same image as Leptonica's pixSauvolaBinarize (with a mirrored border)
// and pixSauvolaBinarizeTiled give, bit for bit, computed with running
// column sums instead of Leptonica's two integral images.
//
// Why: on a 300 dpi A4 page (8.7 Mpx) Leptonica's version allocates and
// touches a 32-bit and a 64-bit accumulator per tile (about 100 MB over a
// page), which cost more in page faults than in arithmetic: 0.4 to 0.5 s of
// CPU a page, a fifth of the page's OCR. This one keeps two rows of column
// sums (a few tens of KB) and writes the 1 bpp result directly.
//
// What it does not do: choose the window or the factor (ingest/ocr.cc
// does), or clean the result.
#pragma once

#include "ingest/ocr.h"

namespace delibex {

// The 1 bpp image where a pixel is set (black) when its grey value is below
// Sauvola's threshold over the (2 * half_window + 1)^2 window centred on it:
//   t = m * (1 - factor * (1 - s / 128)),
// m and s the window's mean and standard deviation, with Leptonica's
// roundings (mean truncated to 8 bits, mean square rounded to an
// integer). Outside the image the window sees the image mirrored about its
// edges (Leptonica's pixAddMirroredBorder). The result has `grey`'s
// resolution. Null when `grey` is not a valid input (below).
// REQUIRES: grey is 8 bpp without a colour map; half_window >= 2; both
// sides at least 2 * half_window + 3; 0 <= factor.
// Thread safety: safe to call concurrently; `grey` is only read.
PixPtr SauvolaBinarize(Pix* grey, int half_window, float factor);

}  // namespace delibex
