// batch/progress: the progress line and the summary, at given elapsed times.
#include "batch/progress.h"

#include <gtest/gtest.h>

namespace delibex::batch {
namespace {

TEST(ProgressTest, DurationReadsAsHoursMinutesSeconds) {
  EXPECT_EQ(Progress::Duration(0), "0s");
  EXPECT_EQ(Progress::Duration(42.4), "42s");
  EXPECT_EQ(Progress::Duration(725), "12m05s");
  EXPECT_EQ(Progress::Duration(3720), "1h02m");
  EXPECT_EQ(Progress::Duration(-1), "?");
}

TEST(ProgressTest, LineGivesFilesPagesErrorsAndTimeLeft) {
  Progress p(200, 0);
  EXPECT_EQ(p.Line(0), "0/200 files, 0.0 pages/s, 0 errors, ? left");
  for (int i = 0; i < 50; ++i) p.FileDone(2, i % 25 == 0);
  // 100 pages in 20 s; 50 files in 20 s, 150 left: 60 s.
  EXPECT_EQ(p.Line(20), "50/200 files, 5.0 pages/s, 2 errors, 1m00s left");
  Progress q(2, 0);
  q.FileDone(0, true);  // an error record has no pages
  EXPECT_EQ(q.Line(1), "1/2 files, 0.0 pages/s, 1 error, 1s left");
}

TEST(ProgressTest, SummarySaysWhatWasSkipped) {
  Progress p(3, 0);
  p.FileDone(1, false);
  p.FileDone(4, true);
  p.FileDone(1, false);
  EXPECT_EQ(p.Summary(12, "out.jsonl"),
            "delibex: 3 file(s), 2 record(s), 1 error(s); 6 page(s) in 12s, 0.5 pages/s");
  Progress r(1, 1999);
  r.FileDone(1, false);
  EXPECT_EQ(r.Summary(2, "out.jsonl"),
            "delibex: 1 file(s), 1 record(s), 0 error(s); 1 page(s) in 2s, 0.5 pages/s; 1999 "
            "already in out.jsonl, skipped");
}

}  // namespace
}  // namespace delibex::batch
