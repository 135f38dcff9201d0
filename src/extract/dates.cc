#include "extract/dates.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "core/text.h"

namespace delibex {

namespace {

const std::map<std::string, int>& NumberWords() {
  static const std::map<std::string, int> words = {
      {"zero", 0},      {"un", 1},      {"une", 1},       {"premier", 1},   {"deux", 2},
      {"trois", 3},     {"quatre", 4},  {"cinq", 5},      {"cing", 5},      {"six", 6},
      {"sept", 7},      {"huit", 8},    {"neuf", 9},      {"dix", 10},      {"onze", 11},
      {"douze", 12},    {"treize", 13}, {"quatorze", 14}, {"quinze", 15},   {"seize", 16},
      {"vingt", 20},    {"vingts", 20}, {"trente", 30},   {"quarante", 40}, {"cinquante", 50},
      {"soixante", 60}, {"cent", 100},  {"cents", 100},   {"mille", 1000},  {"mil", 1000},
      {"er", -1}};
  return words;
}

int Digits(std::string_view s) {
  int v = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') v = v * 10 + (c - '0');
  }
  return v;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A day: figures, "1er", or words.
std::optional<int> ParseDay(std::string_view s) {
  std::string f = Fold(s);
  if (f == "1er" || f == "1 er" || f == "premier") return 1;
  if (AllDigits(f)) return Digits(f);
  return ParseFrenchNumber(s);
}

std::optional<int> ParseYear(std::string_view s) {
  std::string f = Fold(s);
  if (AllDigits(f)) {
    int y = Digits(f);
    if (f.size() == 2) y += 2000;
    return y;
  }
  return ParseFrenchNumber(s);
}

// The date a match of a date pattern states, when it exists.
std::optional<DateMention> DateOfMatch(const Match& m) {
  std::optional<int> day = ParseDay(m["day"]);
  std::optional<int> month;
  std::string_view mon = m["month"];
  if (AllDigits(mon)) {
    month = Digits(mon);
  } else {
    month = MonthNumber(mon);
  }
  std::optional<int> year = ParseYear(m["year"]);
  if (!day || !month || !year) return std::nullopt;
  std::optional<std::string> iso = IsoDate(*year, *month, *day);
  if (!iso) return std::nullopt;
  return DateMention{m.begin(), m.end(), *iso};
}

}  // namespace

std::optional<int> ParseFrenchNumber(std::string_view words) {
  std::string f = Fold(words);
  if (f.empty()) return std::nullopt;
  if (AllDigits(f)) return Digits(f);
  int total = 0, current = 0;
  bool any = false;
  size_t i = 0;
  while (i < f.size()) {
    size_t j = f.find(' ', i);
    if (j == std::string::npos) j = f.size();
    std::string w = f.substr(i, j - i);
    i = j + 1;
    if (w == "et") continue;
    auto it = NumberWords().find(w);
    if (it == NumberWords().end() || it->second < 0) return std::nullopt;
    int v = it->second;
    any = true;
    if (v == 1000) {
      total += (current == 0 ? 1 : current) * 1000;
      current = 0;
    } else if (v == 100) {
      current = (current == 0 ? 1 : current) * 100;
    } else if (v == 20 && current % 100 == 4) {
      current = current - 4 + 80;  // quatre-vingt
    } else {
      current += v;
    }
  }
  if (!any) return std::nullopt;
  return total + current;
}

std::optional<int> MonthNumber(std::string_view name) {
  std::string f = Fold(name);
  static const char* const kPrefixes[] = {"janv", "fev", "mars", "avr", "mai", "juin",
                                          "juil", "aou", "sept", "oct", "nov", "dec"};
  for (int i = 0; i < 12; ++i) {
    if (f.rfind(kPrefixes[i], 0) == 0) return i + 1;
  }
  return std::nullopt;
}

std::optional<std::string> IsoDate(int year, int month, int day) {
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1800 || year > 2199 || month < 1 || month > 12 || day < 1) return std::nullopt;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (day > kDays[month - 1] || (month == 2 && day == 29 && !leap)) return std::nullopt;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return std::string(buf);
}

std::vector<DateMention> FindDates(std::string_view text, const PatternSet& patterns) {
  DateStream stream(text, patterns);
  std::vector<DateMention> all;
  for (size_t k = 0; const DateMention* d = stream.At(k); ++k) all.push_back(*d);
  return all;
}

// How the stream reads: each pattern's matches are FindAll's, found up to a
// reach that doubles when more dates are asked for (a search that finds
// nothing before the reach goes on from it next time: FindAll's next match
// starts there or later). Overlapping mentions form runs; a run is settled
// once the reach is past its end (a mention not found yet starts at the
// reach or later, so overlaps none of it): its longest mentions are kept
// (the first pattern on a tie), the others that overlap a kept one dropped.
// Runs apart never interact, so this is FindDates over the whole text run
// by run.
DateStream::DateStream(std::string_view text, const PatternSet& patterns) : text_(text) {
  const char* const kNames[] = {"date_an", "date_long", "date_words", "date_numeric"};
  for (int i = 0; i < 4; ++i) sources_[i].pattern = &patterns[kNames[i]];
}

const DateMention* DateStream::At(size_t k) {
  constexpr size_t kFirstReach = 1024;
  while (k >= kept_.size() && reach_ <= text_.size()) Reach(reach_ == 0 ? kFirstReach : 2 * reach_);
  return k < kept_.size() ? &kept_[k] : nullptr;
}

void DateStream::Reach(size_t reach) {
  // Past the text's end every match is found: reach_ > text_.size() says so.
  bool whole = reach > text_.size();
  if (whole) reach = text_.size() + 1;
  for (int i = 0; i < 4; ++i) {
    Source& s = sources_[i];
    Match m;
    while (!s.done && s.next < reach) {
      bool found = whole ? s.pattern->Find(text_, &m, s.next)
                         : s.pattern->FindBefore(text_, &m, s.next, reach - 1);
      if (!found) {
        if (whole) s.done = true;
        s.next = reach;  // none starts before the reach
        break;
      }
      if (std::optional<DateMention> d = DateOfMatch(m)) unsettled_.push_back({*d, i});
      size_t next = m.end() > m.begin() ? m.end() : m.begin() + 1;
      while (next < text_.size() && (static_cast<unsigned char>(text_[next]) & 0xC0) == 0x80)
        ++next;  // a whole character after an empty match, as FindAll
      s.next = next;
      if (s.next > text_.size()) s.done = true;
    }
  }
  reach_ = reach;
  std::stable_sort(unsettled_.begin(), unsettled_.end(),
                   [](const Found& a, const Found& b) { return a.date.begin < b.date.begin; });
  size_t settled = 0;
  while (settled < unsettled_.size()) {
    // A run: mentions that overlap one another, in a chain.
    size_t run_end = settled + 1;
    size_t end = unsettled_[settled].date.end;
    while (run_end < unsettled_.size() && unsettled_[run_end].date.begin < end) {
      end = std::max(end, unsettled_[run_end].date.end);
      ++run_end;
    }
    if (end > reach_ && !whole) break;  // a mention not found yet may overlap it
    std::vector<const Found*> run;
    for (size_t i = settled; i < run_end; ++i) run.push_back(&unsettled_[i]);
    std::sort(run.begin(), run.end(), [](const Found* a, const Found* b) {
      size_t la = a->date.end - a->date.begin, lb = b->date.end - b->date.begin;
      if (la != lb) return la > lb;
      if (a->pattern != b->pattern) return a->pattern < b->pattern;
      return a->date.begin < b->date.begin;
    });
    std::vector<DateMention> kept;
    for (const Found* f : run) {
      const DateMention& d = f->date;
      bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const DateMention& k) {
        return d.begin < k.end && k.begin < d.end;
      });
      if (!overlaps) kept.push_back(d);
    }
    std::sort(kept.begin(), kept.end(),
              [](const DateMention& a, const DateMention& b) { return a.begin < b.begin; });
    kept_.insert(kept_.end(), kept.begin(), kept.end());
    settled = run_end;
  }
  unsettled_.erase(unsettled_.begin(), unsettled_.begin() + static_cast<long>(settled));
}

std::vector<TimeMention> FindTimes(std::string_view text, const PatternSet& patterns) {
  std::vector<TimeMention> out;
  for (const char* name : {"time_figures", "time_words"}) {
    for (const Match& m : patterns[name].FindAll(text)) {
      std::optional<int> h = ParseFrenchNumber(m["hour"]);
      std::optional<int> mi = m.has("minute")    ? ParseFrenchNumber(m["minute"])
                              : m.has("quarter") ? 15
                              : m.has("half")    ? 30
                                                 : 0;
      if (!h || !mi || *h > 23 || *mi > 59) continue;
      char buf[32];
      std::snprintf(buf, sizeof buf, "%02d:%02d", *h, *mi);
      out.push_back({m.begin(), m.end(), buf});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const TimeMention& a, const TimeMention& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace delibex
