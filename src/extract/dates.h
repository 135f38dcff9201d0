// extract/dates: French dates and times of day, in every written form.
//
// FindDates returns every date of a text in order, without overlaps:
// "21 mars 2023", "21/03/2023", "29/03/23", "1er juillet 2024", and dates in
// words ("L'an deux mille vingt-trois, le vingt et un mars", "le douze
// octobre deux mil douze"). Impossible dates (31/02) are left out. A date
// without its year is not a date here. Two-digit years are 20yy.
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
std::vector<TimeMention> FindTimes(std::string_view text, const PatternSet& patterns);

// A French number in words ("vingt et un", "deux mille vingt-trois",
// "quatre-vingt-dix-sept"), or figures; nullopt when it is neither.
std::optional<int> ParseFrenchNumber(std::string_view words);

// 1..12 for a French month name or abbreviation, any case, accents or not.
std::optional<int> MonthNumber(std::string_view name);

// "YYYY-MM-DD" when the date exists.
std::optional<std::string> IsoDate(int year, int month, int day);

}  // namespace delibex
