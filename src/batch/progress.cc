#include "batch/progress.h"

#include <cmath>
#include <cstdio>

namespace delibex::batch {

std::string Progress::Duration(double seconds) {
  if (!(seconds >= 0) || seconds > 1e9) return "?";
  long s = std::lround(seconds);
  char buf[48];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%ldh%02ldm", s / 3600, (s % 3600) / 60);
  } else if (s >= 60) {
    std::snprintf(buf, sizeof buf, "%ldm%02lds", s / 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%lds", s);
  }
  return buf;
}

std::string Progress::Line(double elapsed) const {
  char buf[160];
  double rate = elapsed > 0 ? static_cast<double>(pages_) / elapsed : 0;
  std::string left = "?";
  if (done_ > 0 && done_ <= total_) {
    left = Duration(elapsed / static_cast<double>(done_) * static_cast<double>(total_ - done_));
  }
  std::snprintf(buf, sizeof buf, "%zu/%zu files, %.1f pages/s, %zu error%s, %s left", done_, total_,
                rate, errors_, errors_ == 1 ? "" : "s", left.c_str());
  return buf;
}

std::string Progress::Summary(double elapsed, const std::string& output) const {
  char buf[256];
  double rate = elapsed > 0 ? static_cast<double>(pages_) / elapsed : 0;
  std::snprintf(buf, sizeof buf,
                "delibex: %zu file(s), %zu record(s), %zu error(s); %zu page(s) in %s, %.1f "
                "pages/s",
                done_, done_ - errors_, errors_, pages_, Duration(elapsed).c_str(), rate);
  std::string s = buf;
  if (skipped_ > 0) {
    s += "; " + std::to_string(skipped_) + " already in " +
         (output.empty() ? "the output" : output) + ", skipped";
  }
  return s;
}

}  // namespace delibex::batch
