#include "extract/list_items.h"

#include <algorithm>

#include "core/text.h"
#include "people/persons.h"

namespace delibex {

namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// A line of the list: as printed (without its line break), and trimmed.
struct Line {
  std::string_view raw;
  std::string_view text;
};

std::vector<Line> LinesOf(std::string_view list) {
  std::vector<Line> out;
  for (size_t i = 0; i < list.size();) {
    size_t nl = list.find('\n', i);
    if (nl == std::string_view::npos) nl = list.size();
    std::string_view raw = list.substr(i, nl - i);
    out.push_back({raw, Trim(raw)});
    i = nl + 1;
  }
  return out;
}

bool IsSeparatorDash(std::string_view s, size_t i) {
  // " - ", " – " between items (lists printed without commas).
  if (i == 0 || i + 1 >= s.size()) return false;
  size_t after = s[i] == '-' ? i + 1 : i + 3;
  bool space_after = after < s.size() && (IsBlank(s[after]) || s[after] == '\n');
  return IsBlank(s[i - 1]) || s[i - 1] == '\n' || (s[i - 1] == '.' && space_after);
}

// True when a line of the list holds six words or more, nearly all
// capitalised, and no separator: names run together ("DURAND Paul MOREAU Anne LECLERC Hugo"),
// several on a line, the line wrapped wherever it was full (so that a name may go on on the next
// line: "… LEVEL" / "Daniel …").
bool RunOfNames(const std::vector<Line>& lines) {
  for (const Line& l : lines) {
    std::string_view line = l.text;
    if (line.find_first_of(",;:()&") != std::string_view::npos) continue;
    int words = 0, capitalised = 0;
    for (size_t k = 0; k < line.size(); ++k) {
      if (!IsBlank(line[k]) && (k == 0 || IsBlank(line[k - 1]))) {
        ++words;
        if (StartsUpper(line.substr(k))) ++capitalised;
      }
    }
    // Names, not a sentence: nearly every word capitalised.
    if (words >= 6 && capitalised * 5 >= words * 4) return true;
  }
  return false;
}

// The first and the last separator dash of a line (a spaced hyphen, en or
// em dash; see IsSeparatorDash), at its first byte; npos when none.
size_t FirstSeparatorDash(std::string_view line) {
  for (size_t k = 1; k < line.size(); ++k) {
    bool dash = line[k] == '-' || line.compare(k, 3, "–") == 0 || line.compare(k, 3, "—") == 0;
    if (dash && IsBlank(line[k - 1]) && IsSeparatorDash(line, k)) return k;
  }
  return std::string_view::npos;
}

size_t LastSeparatorDash(std::string_view line) {
  size_t last = std::string_view::npos;
  for (size_t k = FirstSeparatorDash(line); k != std::string_view::npos;) {
    last = k;
    size_t next = FirstSeparatorDash(line.substr(k + 1));
    k = next == std::string_view::npos ? next : k + 1 + next;
  }
  return last;
}

// True when a line break of the list falls inside a name: a line with no
// separator at its end, then a lone word that has one ("… à Mme
// Christine\nDUPOUY ;"), or a line ending in one or two words that are no
// role, then a lone word before the next line's first separator or proxy
// connector ("…, Baghioni\nElodie, Barriele Martine)", "Procurations :
// Martine\nBIZZARI (pouvoir à …) …"); or a line that ends on a civility
// or a connector.
bool NameWrapped(const std::vector<Line>& lines) {
  std::vector<std::string_view> ls;
  for (const Line& l : lines) {
    if (!l.text.empty()) ls.push_back(l.text);
  }
  auto ends_sep = [](std::string_view l) {
    char c = l.back();
    return c == ',' || c == ';' || c == '.' || c == ':';
  };
  auto words = [](std::string_view s) {
    return s.empty() ? 0 : 1 + static_cast<int>(std::count(s.begin(), s.end(), ' '));
  };
  for (size_t k = 0; k + 1 < ls.size(); ++k) {
    if (ends_sep(ls[k])) continue;
    // A line that ends on a civility or a proxy's connector ("… Mr" /
    // "Le Landais", "… représenté par" / "Mme Léa VIEUX").
    {
      size_t sp = ls[k].find_last_of(' ');
      std::string_view end_word = sp == std::string_view::npos ? ls[k] : ls[k].substr(sp + 1);
      if (sp != std::string_view::npos && (end_word == "à" || end_word == "par" ||
                                           ReadCivility(end_word).length == end_word.size()))
        return true;
    }
    std::string_view next = ls[k + 1];
    if (ends_sep(next)) {
      std::string_view word = Trim(next.substr(0, next.size() - 1));
      if (!word.empty() && word.find(' ') == std::string_view::npos) return true;
    }
    size_t tail = ls[k].find_last_of(",;:(");
    // A list run on with spaced dashes ("Jean DUPRE - Margaux" / "DELORME -
    // Victor HAMEL"): the dashes separate too, where a whole name of two
    // words or more stands beside one (not "DUPONT - Jean" a line).
    size_t dash = LastSeparatorDash(ls[k]);
    size_t next_dash = FirstSeparatorDash(next);
    bool dashed =
        dash != std::string_view::npos && next_dash != std::string_view::npos &&
        (words(Trim(ls[k].substr(0, dash))) >= 2 || words(Trim(next.substr(next_dash + 1))) >= 2);
    if (dashed && (tail == std::string_view::npos || dash > tail)) tail = dash;
    std::string last =
        CollapseSpace(Trim(ls[k].substr(tail == std::string_view::npos ? 0 : tail + 1)));
    // The next line's first item: up to a separator, a sentence's end or a
    // proxy's connector ("DELAPORTE à Pierre GEORGET, …").
    size_t cut = next.find_first_of(",;(.");
    for (std::string_view connector : {" à ", " par "}) cut = std::min(cut, next.find(connector));
    if (dashed) cut = std::min(cut, next_dash);
    if (cut == std::string_view::npos) continue;
    std::string_view first = Trim(next.substr(0, cut));
    if (tail == std::string_view::npos && k > 0) continue;  // the line is a name of its own
    if (words(last) < 1 || words(last) > 2 || words(first) != 1 || IsRole(last) || IsRole(first) ||
        !StartsUpper(first) || !StartsUpper(last))
      continue;
    return true;
  }
  return false;
}

// True when the list is printed one entry a line: at least two lines, none
// longer than a wrapped paragraph's, none with more than one comma, none
// opening with a separator ("Jean\n\nDUPONT\n\n, Paul" is a flattened
// table, not lines).
bool OneEntryALine(const std::vector<Line>& lines, bool name_wrapped, bool run_of_names) {
  // Lines that each start with a label ("Brinay : M. X, Mme Y") are entries
  // whatever their length.
  int labelled = 0, all = 0;
  for (const Line& l : lines) {
    std::string_view line = l.text;
    if (line.empty()) continue;
    ++all;
    while (!line.empty() && !StartsUpper(line) && static_cast<unsigned char>(line[0]) >= 0x80)
      line = Trim(
          line.substr(line.find(' ') == std::string_view::npos ? line.size() : line.find(' ')));
    if (DropLineLabel(line).size() != line.size()) ++labelled;
  }
  if (labelled >= 2 && labelled * 2 >= all) return true;
  if (name_wrapped) return false;
  // A list run on with dashes and wrapped wherever the line was full
  // ("… - Mme Léa\nMARTIN - M. Luc BLANC"): a line holding two separator
  // dashes or more is running text, and its breaks fall inside names.
  for (const Line& l : lines) {
    std::string_view line = l.raw;
    if (line.find(',') != std::string_view::npos || line.find(';') != std::string_view::npos)
      continue;
    if (FirstSeparatorDash(line) != LastSeparatorDash(line)) return false;  // two or more
  }
  if (run_of_names) return false;
  int entries = 0;
  for (const Line& l : lines) {
    std::string_view line = l.text;
    if (line.empty()) continue;
    ++entries;
    if (line.size() >= 75) return false;
    // Each line starts an entry: a capital, a bullet, a figure.
    unsigned char c0 = static_cast<unsigned char>(line[0]);
    if (!(StartsUpper(line) || c0 >= 0x80 || c0 == '-' || c0 == '*' || isdigit(c0))) return false;
    int depth = 0, commas = 0;
    for (char c : line) {
      if (c == '(') ++depth;
      if (c == ')' && depth > 0) --depth;
      if (depth == 0 && (c == ',' || c == ';')) ++commas;
    }
    if (commas > 1) return false;
  }
  return entries >= 2;
}

}  // namespace

std::string_view DropLineLabel(std::string_view line) {
  size_t colon = line.find(" : ");
  if (colon == std::string_view::npos || colon > 45) return line;
  std::string_view label = line.substr(0, colon);
  if (label.find_first_of(",()") != std::string_view::npos) return line;
  // Not a list of names ("C.FOROT - T.BUSIN : adjoints"), nor a name whose
  // group label follows the colon.
  if (label.find(" - ") != std::string_view::npos || label.find("—") != std::string_view::npos ||
      label.find(" – ") != std::string_view::npos || IsGroupLabel(line.substr(colon + 3)))
    return line;
  return line.substr(colon + 3);
}

bool HasRunOfNames(std::string_view list) { return RunOfNames(LinesOf(list)); }

std::vector<std::string> SplitListItems(std::string_view list_as_printed) {
  // A note in square brackets is read as one in parentheses ("HUET [À
  // PARTIR DE LA QUESTION N°3], MORAZIN"), when they pair.
  std::string bracketless;
  std::string_view list = list_as_printed;
  if (std::count(list.begin(), list.end(), '[') > 0 &&
      std::count(list.begin(), list.end(), '[') == std::count(list.begin(), list.end(), ']')) {
    bracketless = std::string(list);
    std::replace(bracketless.begin(), bracketless.end(), '[', '(');
    std::replace(bracketless.begin(), bracketless.end(), ']', ')');
    list = bracketless;
  }
  int depth = 0;
  bool commas = false, others = false;
  for (size_t i = 0; i < list.size(); ++i) {
    char c = list[i];
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    if (depth == 0 && (c == ',' || c == ';')) commas = true;
    if (depth == 0 && (c == '&' || (c == '/' && i > 0 && IsBlank(list[i - 1])))) others = true;
  }
  bool hyphens = !commas && list.find(" - ") != std::string_view::npos;
  bool endashes = list.find(" – ") != std::string_view::npos;
  // The list's lines, read once for the layout.
  const std::vector<Line> lines_of = LinesOf(list);
  const bool name_wrapped = NameWrapped(lines_of);
  const bool run_of_names = RunOfNames(lines_of);
  bool by_line = OneEntryALine(lines_of, name_wrapped, run_of_names);
  bool lines = by_line || (!commas && !others && !hyphens && !endashes);
  // Runs of names wrapped over lines: a line break inside a paragraph is a
  // space (the run is split into names later), an empty line still ends an
  // item.
  bool wrapped_runs = lines && !by_line && (run_of_names || name_wrapped);
  std::vector<std::string> items;
  std::string cur;
  depth = 0;
  auto flush = [&] {
    std::string t(Trim(cur));
    if (!t.empty()) items.push_back(t);
    cur.clear();
  };
  bool line_start = true;
  for (size_t i = 0; i < list.size(); ++i) {
    char c = list[i];
    if (line_start && by_line && depth == 0) {
      // Drop a "Commune :" label at the head of a line, after its bullet.
      while (i < list.size() && (IsBlank(list[i]) || list[i] == '-' || list[i] == '*')) ++i;
      if (list.compare(i, 3, "•") == 0 || list.compare(i, 3, "") == 0) i += 3;
      while (i < list.size() && IsBlank(list[i])) ++i;
      if (i >= list.size()) break;
      size_t nl = list.find('\n', i);
      std::string_view line = list.substr(i, (nl == std::string_view::npos ? list.size() : nl) - i);
      std::string_view rest = DropLineLabel(line);
      i += line.size() - rest.size();
      if (i >= list.size()) break;
      c = list[i];
    }
    line_start = false;
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    if (c == '\n') line_start = true;
    if (depth == 0) {
      bool spaced_slash = c == '/' && ((i > 0 && IsBlank(list[i - 1])) ||
                                       (i + 1 < list.size() && IsBlank(list[i + 1])));
      if (c == ',' || c == ';' || spaced_slash || c == '&') {
        flush();
        continue;
      }
      if (c == '\n' && wrapped_runs) {
        size_t j = i + 1;
        while (j < list.size() && IsBlank(list[j])) ++j;
        if (j < list.size() && list[j] != '\n') {
          cur += ' ';
          continue;
        }
      }
      if (c == '\n' && lines) {
        flush();
        continue;
      }
      bool endash = list.compare(i, 3, "–") == 0 || list.compare(i, 3, "—") == 0;
      // A spaced hyphen before a civility separates even in a comma list:
      // an en dash that OCR read as a hyphen ("…, Maire - Mme HOARAU").
      bool before_civility = false;
      if (c == '-' && !hyphens) {
        size_t j = i + 1;
        while (j < list.size() && (IsBlank(list[j]) || list[j] == '\n')) ++j;
        before_civility = j > i + 1 && ReadCivility(list.substr(j)).length > 0;
      }
      if (((hyphens && c == '-') || endash || before_civility) && IsSeparatorDash(list, i)) {
        flush();
        if (endash) i += 2;
        continue;
      }
      // " et " between two items (either space may be a line break).
      if ((c == ' ' || c == '\n') && list.compare(i + 1, 2, "et") == 0 && i + 3 < list.size() &&
          (list[i + 3] == ' ' || list[i + 3] == '\n')) {
        flush();
        i += 3;
        continue;
      }
      // Bullets at a line start.
      if (c == '\n') {
        size_t j = i + 1;
        while (j < list.size() && IsBlank(list[j])) ++j;
        if (j < list.size() && (list[j] == '-' || list[j] == '*' || list.compare(j, 3, "•") == 0 ||
                                list.compare(j, 3, "") == 0 || list.compare(j, 3, "✓") == 0)) {
          flush();
          continue;
        }
      }
    }
    cur += c;
  }
  flush();
  return items;
}

}  // namespace delibex
