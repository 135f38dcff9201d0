// extract/dates: every written form of a date councils use (figures, month
// names, words), impossible dates, French numbers in words, month names and
// times of day. Each case gives the ISO value and the exact span it covers.
#include "extract/dates.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace delibex {
namespace {

const PatternSet& P() { return PatternSet::Builtin(); }

// "ISO <- covered text" for each date, in order.
std::vector<std::string> Dates(std::string_view text) {
  std::vector<std::string> out;
  for (const DateMention& d : FindDates(text, P())) {
    out.push_back(d.iso + " <- " + std::string(text.substr(d.begin, d.end - d.begin)));
  }
  return out;
}

// "HH:MM <- covered text" (white space after the time trimmed: the span may
// take the spaces where the minutes could have been).
std::vector<std::string> Times(std::string_view text) {
  std::vector<std::string> out;
  for (const TimeMention& t : FindTimes(text, P())) {
    std::string covered(text.substr(t.begin, t.end - t.begin));
    while (!covered.empty() && covered.back() == ' ') covered.pop_back();
    out.push_back(t.hhmm + " <- " + covered);
  }
  return out;
}

struct DateCase {
  const char* text;
  std::vector<std::string> expected;
};

void RunDateCases(const std::vector<DateCase>& cases) {
  for (const DateCase& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(Dates(c.text), c.expected);
  }
}

// ------------------------------------------------------------- figures

TEST(FindDates, InFigures) {
  RunDateCases({
      {"Séance publique du 21/03/2023 en mairie", {"2023-03-21 <- 21/03/2023"}},
      {"transmis en préfecture le 29/03/23.", {"2023-03-29 <- 29/03/23"}},
      {"Affiché le 01.12.2023 à la porte de la mairie", {"2023-12-01 <- 01.12.2023"}},
      {"arrêté du 5-6-2021 modifié", {"2021-06-05 <- 5-6-2021"}},
      {"le 1.5.2023", {"2023-05-01 <- 1.5.2023"}},
      // A leap day exists in a leap year only.
      {"le 29/02/2024", {"2024-02-29 <- 29/02/2024"}},
  });
}

TEST(FindDates, ImpossibleDatesAreLeftOut) {
  RunDateCases({
      {"convoqué le 31/02/2023", {}},
      {"le 29/02/2023", {}},
      {"le 21/13/2023", {}},
      {"le 30 février 2024", {}},
      {"le 31 avril 2022", {}},
  });
}

// ------------------------------------------------------------- month names

TEST(FindDates, WithTheMonthInLetters) {
  RunDateCases({
      {"Séance du 21 mars 2023", {"2023-03-21 <- 21 mars 2023"}},
      {"à compter du 1er juillet 2024,", {"2024-07-01 <- 1er juillet 2024"}},
      {"le 1 er février 2024", {"2024-02-01 <- 1 er février 2024"}},
      {"réunion du lundi 5 Juin 2023 à 18h", {"2023-06-05 <- lundi 5 Juin 2023"}},
      {"SEANCE DU 08 AVRIL 2025", {"2025-04-08 <- 08 AVRIL 2025"}},
      {"facture du 3 déc. 2022", {"2022-12-03 <- 3 déc. 2022"}},
      {"arrêté du 7 janv. 2024", {"2024-01-07 <- 7 janv. 2024"}},
  });
}

TEST(FindDates, WrappedAtTheMarginAndWithAccentsLost) {
  RunDateCases({
      {"dûment convoqué le 12\nseptembre 2013, s'est réuni", {"2013-09-12 <- 12\nseptembre 2013"}},
      {"le 3 fevrier 2021", {"2021-02-03 <- 3 fevrier 2021"}},
      {"le 15 aout 2022 et le 2 decembre 2022",
       {"2022-08-15 <- 15 aout 2022", "2022-12-02 <- 2 decembre 2022"}},
  });
}

TEST(FindDates, WithoutAYearThereIsNoDate) {
  RunDateCases({
      {"la fête aura lieu le 1er juillet, puis le 14 juillet.", {}},
      {"réunion du 21 mars à 18h", {}},
  });
}

TEST(FindDates, SeveralDatesInOrder) {
  RunDateCases({
      {"Le 3 mars 2023 et le 14/04/2023",
       {"2023-03-03 <- 3 mars 2023", "2023-04-14 <- 14/04/2023"}},
      // The number of a law is not a date; the date after it is.
      {"loi n° 2023-175 du 17 avril 2023", {"2023-04-17 <- 17 avril 2023"}},
  });
}

// ------------------------------------------------------------- in words

TEST(FindDates, InWords) {
  RunDateCases({
      {"L'an deux mille vingt-trois, le vingt et un mars à quatorze heures trente",
       {"2023-03-21 <- L'an deux mille vingt-trois, le vingt et un mars"}},
      {"Le douze octobre deux mil douze, le conseil",
       {"2012-10-12 <- douze octobre deux mil douze"}},
      {"L'an deux mil dix huit, le dix neuf novembre,",
       {"2018-11-19 <- L'an deux mil dix huit, le dix neuf novembre"}},
      {"le vingt et un mars deux mille vingt-trois",
       {"2023-03-21 <- vingt et un mars deux mille vingt-trois"}},
      // OCR read "Cinq" as "Cing"; the day after "le ... du mois d'".
      {"L'An Deux-Mil-Vingt-Cing, le Huit du mois d'Avril",
       {"2025-04-08 <- L'An Deux-Mil-Vingt-Cing, le Huit du mois d'Avril"}},
      // The year in words, the day in figures: the longer mention wins.
      {"L'an deux mil vingt-trois, le jeudi 30 novembre 2023",
       {"2023-11-30 <- L'an deux mil vingt-trois, le jeudi 30 novembre"}},
  });
}

// ------------------------------------------------------------- numbers

// DateStream reads a text only as far as the dates asked for. Two mentions
// that overlap are settled together wherever the stream stops reading: here
// a date in words ("L'an deux mil, le vingt et un mars", 2000) overlaps a
// longer one that starts 18 bytes later ("vingt et un mars deux mille
// vingt-trois", 2023), which wins. Put at every offset over the first few
// thousand bytes of a long text, the pair gives the longer date and the
// dates around it, in order, one at a time as all at once; a date near the
// end of a long text is found too.
TEST(DateStream, OverlapsAreSettledWhereverTheStreamStopsReading) {
  const std::string filler = "Le conseil examine le dossier suivant. ";
  const std::string head = "Séance du 3 mars 2023\n";
  for (size_t at = 0; at < 4200; at += 13) {
    std::string text = head;
    while (text.size() < head.size() + at) text += filler;
    text.resize(head.size() + at);
    text += " L'an deux mil, le vingt et un mars deux mille vingt-trois,\n";
    for (int k = 0; k < 40; ++k) text += filler;
    text += "Fait le 30/03/2023";
    SCOPED_TRACE(at);
    const std::vector<std::string> expected = {
        "2023-03-03 <- 3 mars 2023", "2023-03-21 <- vingt et un mars deux mille vingt-trois",
        "2023-03-30 <- 30/03/2023"};
    EXPECT_EQ(Dates(text), expected);
    DateStream stream(text, P());
    std::vector<std::string> one_by_one;
    for (size_t k = 0; const DateMention* d = stream.At(k); ++k)
      one_by_one.push_back(d->iso + " <- " + text.substr(d->begin, d->end - d->begin));
    EXPECT_EQ(one_by_one, expected);
    EXPECT_EQ(stream.At(3), nullptr);
  }
}

TEST(ParseFrenchNumber, Words) {
  struct Case {
    const char* words;
    int value;
  };
  const Case cases[] = {
      {"vingt et un", 21},
      {"quatre-vingt-dix-sept", 97},
      {"deux mille vingt-trois", 2023},
      {"soixante et onze", 71},
      {"soixante-dix-neuf", 79},
      {"quatre-vingts", 80},
      {"cent vingt", 120},
      {"trente et une", 31},
      {"deux mille", 2000},
      {"deux mil douze", 2012},
      {"mille neuf cent quatre-vingt-dix-neuf", 1999},
      {"Deux-Mil-Vingt-Cing", 2025},
      {"DIX-HUIT", 18},
      {"23", 23},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.words);
    EXPECT_EQ(ParseFrenchNumber(c.words), std::optional<int>(c.value));
  }
}

TEST(ParseFrenchNumber, NotANumber) {
  for (const char* s : {"", "et", "foo", "vingt et des poussières", "mars"}) {
    SCOPED_TRACE(s);
    EXPECT_EQ(ParseFrenchNumber(s), std::nullopt);
  }
}

// ------------------------------------------------------------- months

TEST(MonthNumber, NamesAndAbbreviationsAnyCaseAnyAccent) {
  struct Case {
    const char* name;
    int month;
  };
  const Case cases[] = {
      {"janvier", 1},   {"janv.", 1},    {"février", 2}, {"fevrier", 2},   {"FÉVRIER", 2},
      {"mars", 3},      {"Avril", 4},    {"avr.", 4},    {"mai", 5},       {"juin", 6},
      {"juillet", 7},   {"juil.", 7},    {"AOÛT", 8},    {"aout", 8},      {"septembre", 9},
      {"sept.", 9},     {"octobre", 10}, {"nov.", 11},   {"décembre", 12}, {"déc.", 12},
      {"DECEMBRE", 12},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(MonthNumber(c.name), std::optional<int>(c.month));
  }
  for (const char* s : {"", "lundi", "printemps", "12"}) {
    SCOPED_TRACE(s);
    EXPECT_EQ(MonthNumber(s), std::nullopt);
  }
}

TEST(IsoDate, ChecksTheCalendar) {
  EXPECT_EQ(IsoDate(2023, 3, 21), std::optional<std::string>("2023-03-21"));
  EXPECT_EQ(IsoDate(2024, 2, 29), std::optional<std::string>("2024-02-29"));
  EXPECT_EQ(IsoDate(2000, 2, 29), std::optional<std::string>("2000-02-29"));
  EXPECT_EQ(IsoDate(2023, 2, 29), std::nullopt);
  EXPECT_EQ(IsoDate(1900, 2, 29), std::nullopt);
  EXPECT_EQ(IsoDate(2023, 2, 31), std::nullopt);
  EXPECT_EQ(IsoDate(2023, 4, 31), std::nullopt);
  EXPECT_EQ(IsoDate(2023, 13, 1), std::nullopt);
  EXPECT_EQ(IsoDate(2023, 1, 0), std::nullopt);
}

// ------------------------------------------------------------- times

TEST(FindTimes, FiguresAndWords) {
  struct Case {
    const char* text;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      {"Séance du 21/03/2023 à 14h30", {"14:30 <- 14h30"}},
      {"s'est réuni à 20 heures en mairie", {"20:00 <- 20 heures"}},
      {"à partir de 10 h 30", {"10:30 <- 10 h 30"}},
      {"à 17 heures 30, salle du conseil", {"17:30 <- 17 heures 30"}},
      {"le dix-sept mars à 19 Heures, le conseil", {"19:00 <- 19 Heures"}},
      {"ouverte à 18H00.", {"18:00 <- 18H00"}},
      {"il est 9h", {"09:00 <- 9h"}},
      {"le vingt et un mars à vingt heures trente", {"20:30 <- vingt heures trente"}},
      {"à quatorze heures trente", {"14:30 <- quatorze heures trente"}},
      {"à dix-huit heures, le conseil", {"18:00 <- dix-huit heures"}},
      {"à treize heures le conseil", {"13:00 <- treize heures"}},
      {"ouverte à 20h30, levée à 22h15", {"20:30 <- 20h30", "22:15 <- 22h15"}},
      // Not a time of day.
      {"à 25h00", {}},
      {"pendant 3 semaines", {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(Times(c.text), c.expected);
  }
}

// Minutes after "et", a quarter and a half hour.
TEST(FindTimes, MinutesAfterEtQuarterAndHalf) {
  EXPECT_EQ(Times("à dix-neuf heures et trente,"),
            std::vector<std::string>{"19:30 <- dix-neuf heures et trente"});
  EXPECT_EQ(Times("à seize heures et quarante minutes"),
            std::vector<std::string>{"16:40 <- seize heures et quarante"});
  EXPECT_EQ(Times("à neuf heures et quart"),
            std::vector<std::string>{"09:15 <- neuf heures et quart"});
  EXPECT_EQ(Times("à dix heures et demie"),
            std::vector<std::string>{"10:30 <- dix heures et demie"});
  EXPECT_EQ(Times("à vingt heures et le conseil"),
            std::vector<std::string>{"20:00 <- vingt heures"});
}

}  // namespace
}  // namespace delibex
