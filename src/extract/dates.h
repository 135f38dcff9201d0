// extract/dates: French dates and times of day, in every written form.
//
// FindDates returns every date of a text in order, without overlaps:
// "21 mars 2023", "21/03/2023", "29/03/23", "1er juillet 2024", and dates in
// words ("L'an deux mille vingt-trois, le vingt et un mars", "le douze
// octobre deux mil douze"). Impossible dates (31/02) are left out. A date
// without its year is not a date here. Two-digit years are 20yy.
// DateStream gives the same dates one at a time, reading the text only as
// far as they are asked for: a sitting's date and its convocation are read
// near the head of a text, and a long one holds many more.
// FindTimes returns times of day ("14h30", "20 heures", "vingt heures
// trente") as HH:MM.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "patterns/pattern_set.h"

namespace delibex {

struct DateMention {
  size_t begin = 0;
  size_t end = 0;
  std::string iso;  // YYYY-MM-DD
};

struct TimeMention {
  size_t begin = 0;
  size_t end = 0;
  std::string hhmm;
};

std::vector<DateMention> FindDates(std::string_view text, const PatternSet& patterns);

// FindDates's dates in order, each found when asked for. Of mentions that
// overlap, the longest is kept (on a tie in length, the pattern tried first:
// date_an, date_long, date_words, date_numeric), as in FindDates: a mention
// is settled once every mention that could overlap it has been found, so
// the k-th date is the k-th of FindDates. The text and the patterns must
// outlive the stream. One instance per thread.
class DateStream {
 public:
  DateStream(std::string_view text, const PatternSet& patterns);
  // The k-th date of the text (from 0), or null when it has no more. The
  // pointer is valid until the next call.
  const DateMention* At(size_t k);

 private:
  struct Found {
    DateMention date;
    int pattern = 0;  // index in sources_, for ties
  };
  struct Source {
    const Pattern* pattern = nullptr;
    size_t next = 0;  // where FindAll's next search starts
    bool done = false;
  };
  // Finds every mention that starts before `reach`, then settles what it can.
  void Reach(size_t reach);
  std::string_view text_;
  Source sources_[4];
  std::vector<Found> unsettled_;   // in order of their start
  std::vector<DateMention> kept_;  // settled and kept, in order
  size_t reach_ = 0;               // every mention that starts before it is found
};
std::vector<TimeMention> FindTimes(std::string_view text, const PatternSet& patterns);

// A French number in words ("vingt et un", "deux mille vingt-trois",
// "quatre-vingt-dix-sept"), or figures; nullopt when it is neither.
std::optional<int> ParseFrenchNumber(std::string_view words);

// 1..12 for a French month name or abbreviation, any case, accents or not.
std::optional<int> MonthNumber(std::string_view name);

// "YYYY-MM-DD" when the date exists.
std::optional<std::string> IsoDate(int year, int month, int day);

}  // namespace delibex
