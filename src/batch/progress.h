// batch/progress: what a long batch run says about itself on stderr: files
// done of the total, pages a second, errors so far, and time left, as one
// line a terminal redraws; and the summary line printed at the end.
//
// Only formatting and arithmetic: the caller measures time and decides where
// (and whether) to print. Time left is the files left times the mean time a
// file has taken so far (files differ: a scan takes ~1.6 s a page, a text a
// few ms). One instance per thread.
#pragma once

#include <cstddef>
#include <string>

namespace delibex::batch {

class Progress {
 public:
  // `total`: the inputs this run will process; `skipped`: inputs left out
  // because their record was already in the output (--resume).
  Progress(size_t total, size_t skipped) : total_(total), skipped_(skipped) {}

  void FileDone(int pages, bool error) {
    ++done_;
    pages_ += pages > 0 ? static_cast<size_t>(pages) : 0;
    errors_ += error;
  }

  size_t done() const { return done_; }
  size_t errors() const { return errors_; }

  // "37/2000 files, 4.1 pages/s, 2 errors, 12m05s left", `elapsed` seconds
  // since the run started.
  std::string Line(double elapsed) const;

  // "delibex: 2000 file(s), 1990 record(s), 10 error(s); 1.2 pages/s over
  // 2400 pages in 33m20s" (and "; 500 already in OUT, skipped" on a resume).
  std::string Summary(double elapsed, const std::string& output) const;

  // "1h02m", "12m05s", "42s".
  static std::string Duration(double seconds);

 private:
  size_t total_;
  size_t skipped_;
  size_t done_ = 0;
  size_t pages_ = 0;
  size_t errors_ = 0;
};

}  // namespace delibex::batch
