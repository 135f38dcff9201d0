// Sauvola with running sums. Rows are visited top to bottom; for each, every
// column of the padded page (the page with `r` mirrored columns each side)
// holds the sum and the sum of squares of its 2r + 1 pixels around the row.
// Going down a row adds the row entering the window and subtracts the one
// leaving it; along a row, the window's sums slide by one column the same
// way. Every sum is an exact integer, so the mean and mean square are those
// Leptonica computes from its integral images; the roundings after them
// (float normalisation of the mean truncated to 8 bits, double
// normalisation of the mean square rounded, sqrtf of the variance, the
// threshold in double truncated) are Leptonica's, in the same order.
#include "ingest/sauvola.h"

#include <leptonica/allheaders.h>

#include <cmath>
#include <cstdint>
#include <vector>

namespace delibex {

namespace {

// Row y of an 8 bpp Leptonica image into plain bytes (Leptonica keeps each
// 32-bit word's first pixel in its most significant byte).
void UnpackRow(const l_uint32* line, int w, uint8_t* out) {
  const int words = w / 4;
  for (int k = 0; k < words; ++k) {
    const l_uint32 v = line[k];
    out[4 * k] = static_cast<uint8_t>(v >> 24);
    out[4 * k + 1] = static_cast<uint8_t>(v >> 16);
    out[4 * k + 2] = static_cast<uint8_t>(v >> 8);
    out[4 * k + 3] = static_cast<uint8_t>(v);
  }
  for (int x = 4 * words; x < w; ++x) out[x] = static_cast<uint8_t>(GET_DATA_BYTE(line, x));
}

// Index `i` of a line of `n` pixels, mirrored about its ends as
// pixAddMirroredBorder does (the edge pixel repeated: -1 -> 0, n -> n - 1).
int Mirror(int i, int n) {
  if (i < 0) return -1 - i;
  if (i >= n) return 2 * n - 1 - i;
  return i;
}

}  // namespace

PixPtr SauvolaBinarize(Pix* grey, int half_window, float factor) {
  if (grey == nullptr || pixGetDepth(grey) != 8 || pixGetColormap(grey) != nullptr) return nullptr;
  const int w = pixGetWidth(grey), h = pixGetHeight(grey), r = half_window;
  if (r < 2 || w < 2 * r + 3 || h < 2 * r + 3 || !(factor >= 0)) return nullptr;
  PixPtr out(pixCreate(w, h, 1));
  if (!out) return nullptr;
  pixCopyResolution(out.get(), grey);

  const int n = 2 * r + 1;  // window side
  const int padded = w + 2 * r;
  const l_uint32* data = pixGetData(grey);
  const int wpl = pixGetWpl(grey);
  l_uint32* dest = pixGetData(out.get());
  const int wpld = pixGetWpl(out.get());
  // Leptonica's normalisations: a float for the mean, a double for the mean
  // square, both from the window's area as a float.
  const float area = static_cast<float>(n) * static_cast<float>(n);
  const float mean_norm = static_cast<float>(1.0 / area);
  const double square_norm = 1.0 / area;
  const double k = factor;

  std::vector<uint32_t> sum(padded, 0), squares(padded, 0);
  std::vector<uint8_t> row(w);
  // Adds (sign +1) or removes (-1) image row `y` to the column sums.
  auto update = [&](int y, int sign) {
    UnpackRow(data + static_cast<size_t>(y) * wpl, w, row.data());
    const uint32_t s = static_cast<uint32_t>(sign);  // wraps: exact mod 2^32
    auto put = [&](int col, uint32_t v) {
      sum[col] += s * v;
      squares[col] += s * (v * v);
    };
    for (int x = 0; x < w; ++x) put(x + r, row[x]);
    for (int i = 1; i <= r; ++i) {
      put(r - i, row[i - 1]);
      put(w + r - 1 + i, row[w - i]);
    }
  };
  for (int dy = -r; dy <= r; ++dy) update(Mirror(dy, h), 1);

  for (int y = 0; y < h; ++y) {
    if (y > 0) {
      update(Mirror(y + r, h), 1);
      update(Mirror(y - r - 1, h), -1);
    }
    UnpackRow(data + static_cast<size_t>(y) * wpl, w, row.data());
    l_uint32* line = dest + static_cast<size_t>(y) * wpld;
    uint32_t s = 0;
    uint64_t q = 0;
    for (int c = 0; c < n; ++c) {
      s += sum[c];
      q += squares[c];
    }
    l_uint32 word = 0;
    for (int x = 0; x < w; ++x) {
      if (x > 0) {
        s += sum[x + n - 1] - sum[x - 1];
        q += squares[x + n - 1];
        q -= squares[x - 1];
      }
      const int mv = static_cast<uint8_t>(mean_norm * static_cast<float>(s));
      const int ms =
          static_cast<int>(static_cast<uint32_t>(square_norm * static_cast<double>(q) + 0.5));
      const float sd = std::sqrt(static_cast<float>(ms - mv * mv));
      const int thresh = static_cast<int>(mv * (1.0 - k * (1.0 - sd / 128.)));
      if (row[x] < thresh) word |= 0x80000000u >> (x & 31);
      if ((x & 31) == 31 || x == w - 1) {
        line[x >> 5] = word;
        word = 0;
      }
    }
  }
  return out;
}

}  // namespace delibex
