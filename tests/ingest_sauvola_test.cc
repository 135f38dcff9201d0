// Tests of ingest/sauvola: the running-sum Sauvola against Leptonica's own
// (pixSauvolaBinarize with a mirrored border, and the tiled version as
// ingest/ocr.cc used it), bit for bit, on generated grey pages: uneven
// lighting, dark strokes, noise, and sides that are not multiples of 4 or
// 32 pixels.
#include "ingest/sauvola.h"

#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include <algorithm>
#include <cstdint>
#include <random>

namespace delibex {
namespace {

// A page of `w` x `h`: a background lit from one corner, dark bars and dots
// (strokes), Gaussian noise of `noise` grey levels.
PixPtr GeneratedPage(int w, int h, double noise, unsigned seed) {
  PixPtr pix(pixCreate(w, h, 8));
  std::mt19937 rng(seed);
  std::normal_distribution<double> gauss(0, noise);
  std::uniform_int_distribution<int> coin(0, 99);
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      double v = 150 + 90.0 * (x + y) / (w + h);           // uneven lighting
      if ((y / 7) % 3 == 0 && (x / 5) % 4 != 0) v -= 110;  // text-like bars
      if (coin(rng) == 0) v -= 80;                         // specks
      v += gauss(rng);
      pixSetPixel(pix.get(), x, y, static_cast<l_uint32>(std::clamp(v, 0.0, 255.0)));
    }
  }
  return pix;
}

struct Case {
  int w, h, half_window;
  float factor;
  double noise;
};

TEST(OcrSauvolaTest, EqualsLeptonicasWithAMirroredBorder) {
  const Case cases[] = {
      {64, 48, 2, 0.34f, 10},    {101, 77, 5, 0.34f, 25}, {257, 130, 12, 0.2f, 40},
      {333, 411, 25, 0.34f, 15}, {129, 95, 7, 0.5f, 0},   {50, 53, 20, 0.34f, 30},
      {400, 300, 25, 0.0f, 20},
  };
  unsigned seed = 1;
  for (const Case& c : cases) {
    SCOPED_TRACE(testing::Message() << c.w << "x" << c.h << " r=" << c.half_window);
    PixPtr grey = GeneratedPage(c.w, c.h, c.noise, seed++);
    Pix* expected = nullptr;
    ASSERT_EQ(pixSauvolaBinarize(grey.get(), c.half_window, c.factor, 1, nullptr, nullptr, nullptr,
                                 &expected),
              0);
    PixPtr want(expected);
    PixPtr got = SauvolaBinarize(grey.get(), c.half_window, c.factor);
    ASSERT_TRUE(got);
    l_int32 same = 0;
    ASSERT_EQ(pixEqual(got.get(), want.get(), &same), 0);
    EXPECT_TRUE(same);
  }
}

TEST(OcrSauvolaTest, EqualsLeptonicasTiledAsTheOcrUsedIt) {
  // ingest/ocr.cc's former call: window dpi / 12, factor 0.34, tiles of
  // about 1000 px; an A4 page at 300 dpi among them.
  const int sizes[][2] = {{2481, 3507}, {1240, 1753}, {1999, 2001}};
  unsigned seed = 100;
  for (const auto& s : sizes) {
    SCOPED_TRACE(testing::Message() << s[0] << "x" << s[1]);
    PixPtr grey = GeneratedPage(s[0], s[1], 20, seed++);
    const int r = 300 / 12;
    const int nx = std::max(1, s[0] / 1000), ny = std::max(1, s[1] / 1000);
    Pix* expected = nullptr;
    ASSERT_EQ(pixSauvolaBinarizeTiled(grey.get(), r, 0.34f, nx, ny, nullptr, &expected), 0);
    PixPtr want(expected);
    PixPtr got = SauvolaBinarize(grey.get(), r, 0.34f);
    ASSERT_TRUE(got);
    l_int32 same = 0;
    ASSERT_EQ(pixEqual(got.get(), want.get(), &same), 0);
    EXPECT_TRUE(same);
  }
}

TEST(OcrSauvolaTest, RefusesWhatLeptonicaRefuses) {
  PixPtr grey = GeneratedPage(40, 40, 5, 7);
  EXPECT_FALSE(SauvolaBinarize(nullptr, 5, 0.34f));
  EXPECT_FALSE(SauvolaBinarize(grey.get(), 1, 0.34f));   // window too small
  EXPECT_FALSE(SauvolaBinarize(grey.get(), 19, 0.34f));  // larger than the page
  EXPECT_FALSE(SauvolaBinarize(grey.get(), 5, -0.1f));
  PixPtr rgb(pixConvertTo32(grey.get()));
  EXPECT_FALSE(SauvolaBinarize(rgb.get(), 5, 0.34f));
  EXPECT_TRUE(SauvolaBinarize(grey.get(), 18, 0.34f));  // 2 * 18 + 3 = 39 <= 40
}

}  // namespace
}  // namespace delibex
