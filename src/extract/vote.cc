// How the vote of one act is read.
//
// The patterns of patterns/vote.pcre find mentions; this file weighs them:
// 1. An act with signs of an election ("est proclamé", "a obtenu 7 voix",
//    "tour de scrutin") gives an empty Vote: tallies of candidates are no
//    for/against counts.
// 2. Every mention is checked against the clause it sits in: a unanimity in
//    another body's opinion ("la commission a émis un avis favorable à
//    l'unanimité"), in an earlier decision ("par délibération du …"), or in
//    a sentence about the sitting itself (minutes, agenda, how to vote) is
//    not this act's vote.
// 3. Counts are read as items ("9 voix pour", "Contre : 0", "Abstention :
//    /") and grouped into runs of items that only separators (and lists of
//    names in brackets) keep apart. A run of two items or more counts; a lone
//    item only when it cannot be anything else ("12 votes pour", "2
//    abstentions", not "pour 3 ans"). Runs that disagree cancel all counts:
//    a wrong figure costs more than a missing one.
// 4. The mode comes from the words only; two different modes leave it empty.
// 5. The result: withdrawn when that is all the text says; else the words
//    ("rejeté", "adopté"), when they agree; else the counts (more for than
//    against, or fewer; a tie stays empty); else a mode (every mode adopts);
//    else the assembly deciding ("le Conseil municipal … décide"), which
//    adopts without a vote text.
// 6. Names: after a count ("1 contre (M. X)"), after a label ("Ont voté
//    contre : …", "abstention de M. Y"), or before the words ("Mme X ne
//    prenant pas part au vote", "M. Y, Président, ne prend pas part au
//    vote"). A role alone ("Mme le Maire ne prenant pas part au vote") gives
//    no name here: resolving a role to a person needs the whole document.
#include "extract/vote.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "core/text.h"
#include "extract/dates.h"
#include "people/persons.h"

namespace delibex {

namespace {

constexpr size_t npos = std::string_view::npos;

// How far a clause or a sentence may reach around a mention.
constexpr size_t kSentenceReach = 300;
// Mentions further apart than this are joined with an ellipsis in the text.
constexpr size_t kTextGap = 160;

enum class Kind { kFor, kAgainst, kAbstention, kNotVoting, kFiller, kVoix };

struct Span {
  size_t begin = 0;
  size_t end = 0;
};

struct CountItem {
  Kind kind = Kind::kFiller;
  std::optional<int> value;
  size_t begin = 0;
  size_t end = 0;
  bool strong = false;          // may stand alone
  bool unanimity_only = false;  // "(N voix)": for, beside a unanimity only
  bool after_label = false;     // "Contre : …" (names may follow the colon)
  bool names_follow = false;
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A figure as printed, OCR confusions in figures repaired ("l3" -> 13,
// "O" -> 0), or a number in words.
std::optional<int> ParseCount(std::string_view s) {
  s = Trim(s);
  if (s.empty()) return std::nullopt;
  bool figures = std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == 'l' || c == 'I' || c == 'O';
  });
  if (figures && std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    int v = 0;
    for (char c : s) v = v * 10 + (c == 'l' || c == 'I' ? 1 : c == 'O' ? 0 : c - '0');
    return v;
  }
  if (s == "O") return 0;
  std::optional<int> v = ParseFrenchNumber(s);
  if (v && *v > 999) return std::nullopt;  // "deux mille": a year, not a count
  return v;
}

// True when the '.' at text[i] ends an abbreviation or an initial ("M.",
// "Mme.", "J.", "art.") or sits inside a figure ("L.2224"), not a sentence.
bool IsAbbreviationDot(std::string_view text, size_t i) {
  if (i + 1 < text.size() && !IsSpace(text[i + 1])) return true;
  size_t b = i;
  while (b > 0 && !IsSpace(text[b - 1]) && text[b - 1] != '(' && text[b - 1] != ',') --b;
  std::string_view w = text.substr(b, i - b);
  if (w.empty()) return false;
  int len = 0;
  DecodeAt(w, 0, &len);
  if (static_cast<size_t>(len) == w.size() && IsUpperLetter(DecodeAt(w, 0, &len))) return true;
  static const char* const kAbbrev[] = {"M",  "MM", "Mme", "Mmes", "Mr", "Dr",  "St",
                                        "Me", "n",  "N",   "art",  "cf", "etc", "Mlle"};
  for (const char* a : kAbbrev) {
    if (w == a) return true;
  }
  return false;
}

bool IsBlankLineAt(std::string_view text, size_t i) {
  // text[i] is '\n': the next line is blank.
  size_t j = i + 1;
  while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
  return j < text.size() && text[j] == '\n';
}

// True when the line at `i` opens (after spaces and a bullet) with a
// capital letter.
bool StartsLineWithCapital(std::string_view text, size_t i) {
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  int len = 1;
  if (i < text.size() && !IsLetter(DecodeAt(text, i, &len)) && text[i] != '\n') {
    i += len;  // a bullet
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  }
  return i < text.size() && IsUpperLetter(DecodeAt(text, i, &len));
}

// The start of the sentence that holds pos: after '.', ';', '!', '?' or a
// blank line; `clause` adds ',', ':', '(' and ')' as boundaries, `list`
// adds ':', '(' and ')' (a list of names has commas inside).
enum class Bound { kSentence, kClause, kList };

// A list of names that ends its line on a comma, "et" or a civility goes on
// below, even past an empty line ("… MORAZIN, MESDAMES" / "" / "MAZIER, …").
bool ListGoesOnBelow(std::string_view before) {
  std::string_view line = Trim(
      before.substr(before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1));
  if (line.empty()) return false;
  if (line.back() == ',') return true;
  size_t sp = line.find_last_of(' ');
  std::string_view word = sp == std::string_view::npos ? line : line.substr(sp + 1);
  if (word == "et" || word == "ET") return true;
  return sp != std::string_view::npos && ReadCivility(word).length == word.size();
}

size_t BoundaryBefore(std::string_view text, size_t pos, Bound bound) {
  size_t floor = pos > kSentenceReach ? pos - kSentenceReach : 0;
  for (size_t i = pos; i > floor; --i) {
    char c = text[i - 1];
    bool stop = c == ';' || c == '!' || c == '?' || (c == '.' && !IsAbbreviationDot(text, i - 1)) ||
                (c == '\n' && IsBlankLineAt(text, i - 1) &&
                 !(bound == Bound::kList && ListGoesOnBelow(text.substr(0, i - 1))));
    // A line that opens with a capital starts anew ("Objet : Avis sur le
    // PLU\nAdopté à l'unanimité"); a list of names may wrap onto one.
    if (bound != Bound::kList && c == '\n' && StartsLineWithCapital(text, i)) stop = true;
    if (bound == Bound::kClause) stop = stop || c == ',' || c == ':' || c == '(' || c == ')';
    if (bound == Bound::kList) stop = stop || c == ':' || c == '(' || c == ')';
    if (stop) return i;
  }
  return floor;
}

size_t SentenceEnd(std::string_view text, size_t pos) {
  size_t ceil = std::min(text.size(), pos + kSentenceReach);
  for (size_t i = pos; i < ceil; ++i) {
    char c = text[i];
    if (c == ';' || c == '!' || c == '?' || (c == '.' && !IsAbbreviationDot(text, i))) return i + 1;
    if (c == '\n' && (IsBlankLineAt(text, i) || StartsLineWithCapital(text, i + 1))) return i;
  }
  return ceil;
}

// True when the mention at [b, e) is about another body, another time, or
// the sitting itself.
bool Foreign(std::string_view text, size_t b, size_t e, const PatternSet& patterns) {
  size_t clause = BoundaryBefore(text, b, Bound::kClause);
  if (patterns["vote_foreign_near"].Contains(text.substr(clause, b - clause))) return true;
  size_t sb = BoundaryBefore(text, b, Bound::kSentence);
  size_t se = SentenceEnd(text, e);
  return patterns["vote_foreign_sentence"].Contains(text.substr(sb, se - sb));
}

// ----- names -----

bool HasCapitalWord(std::string_view name) {
  size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && name[i] == ' ') ++i;
    size_t j = i;
    int letters = 0;
    bool all_upper = true;
    while (j < name.size() && name[j] != ' ') {
      int len = 1;
      int32_t cp = DecodeAt(name, j, &len);
      if (IsLetter(cp)) {
        ++letters;
        if (!IsUpperLetter(cp)) all_upper = false;
      }
      j += len;
    }
    if (letters >= 2 && all_upper) return true;
    i = j;
  }
  return false;
}

// Words printed where a name could stand that are none ("Contre :
// NÉANT", "Pour : UNANIMITÉ", "QUINZE").
bool NotAName(std::string_view name) {
  if (ParseFrenchNumber(name)) return true;  // "QUINZE"
  std::string f = Fold(name);
  for (const char* w : {"neant", "aucun", "aucune", "personne", "unanimite", "tous", "toutes",
                        "majorite", "adopte", "adoptee", "rejete", "rejetee", "pour", "contre"}) {
    if (f == w) return true;
  }
  return false;
}

// An apposition after a name: ", maire d'une commune bénéficiaire", ",
// délégués des communes", ", Président".
bool IsApposition(std::string_view segment) {
  std::string_view t = Trim(segment);
  if (t.empty()) return false;
  return StartsLower(t) || IsRole(t);
}

struct ListRead {
  std::vector<Person> persons;
  size_t length = 0;      // bytes read, trailing appositions included
  bool complete = false;  // nothing but names, separators and appositions
};

// Members named one after another: "M. X, Mme Y et M. Z", "MM. A et B",
// "GUÉRIN Maëlle, BARBIER Frédéric", each with its civility when printed.
// A name without a civility needs a word in capitals ("Nathalie ORSINI").
ListRead ReadPersonList(std::string_view s) {
  ListRead out;
  size_t at = 0;
  bool plural = false;
  auto skip_space = [&] {
    while (at < s.size() && IsSpace(s[at])) ++at;
  };
  while (true) {
    skip_space();
    if (at >= s.size()) break;
    std::string_view rest = s.substr(at);
    CivilityRead civ = ReadCivility(rest);
    if (civ.plural) plural = true;
    std::optional<PersonRead> pr = ReadPerson(rest);
    if (!pr) break;
    bool has_civility = civ.length > 0 || plural;
    if (!has_civility && !HasCapitalWord(pr->person.name)) break;
    if (StartsLower(pr->person.name) || NotAName(pr->person.name)) break;
    out.persons.push_back(pr->person);
    at += pr->length;
    out.length = at;
    // Separators, and appositions between commas.
    bool more = false;
    while (true) {
      skip_space();
      if (at < s.size() && (s[at] == ',' || s[at] == ';')) {
        ++at;
        skip_space();
        more = true;
      }
      rest = s.substr(at);
      if (rest.substr(0, 3) == "et " || rest.substr(0, 3) == "et\n" || rest.substr(0, 2) == "& ") {
        at += rest[0] == '&' ? 2 : 3;
        more = true;
        break;
      }
      if (!more || at >= s.size()) break;
      // An apposition runs to the next comma.
      size_t comma = rest.find(',');
      std::string_view seg = rest.substr(0, comma);
      if (seg.find_first_of(".;:()") != npos || !IsApposition(seg)) break;
      at += seg.size();
      out.length = at;
      more = false;
      if (comma == npos) break;
    }
    if (!more) break;
  }
  size_t end = out.length;
  while (end < s.size() && (IsSpace(s[end]) || s[end] == ',')) ++end;
  out.complete = !out.persons.empty() && end >= s.size();
  if (out.complete) out.length = s.size();
  return out;
}

// The members named right before the words at `phrase`, in the same clause:
// "Madame X ne prenant…", "M. X, maire de Y, n'a pas pris part…", "(M. X
// s'abstenant)". Starts are tried from the nearest comma leftwards; the
// leftmost start whose text up to the words is all names wins.
std::vector<Person> NamesBefore(std::string_view text, size_t phrase, const PatternSet& patterns,
                                Span* span) {
  size_t zone_begin = BoundaryBefore(text, phrase, Bound::kList);
  std::string_view zone = text.substr(zone_begin, phrase - zone_begin);
  // "M. X quitte la salle et ne prend pas part au vote": the names end
  // before the leaving.
  Match leaves;
  if (patterns["vote_leaves"].Find(zone, &leaves)) zone = zone.substr(0, leaves.begin());
  // "Le conseil, à l'exception de Mme X, M. Y qui s'abstiennent, …": the
  // names start after the exception, and "QUI" before the words is no name.
  std::vector<Match> exceptions = patterns["vote_names_after"].FindAll(zone);
  if (!exceptions.empty()) {
    zone_begin += exceptions.back().end();
    zone = zone.substr(exceptions.back().end());
  }
  Match relative;
  if (patterns["vote_names_relative"].Find(zone, &relative))
    zone = zone.substr(0, relative.begin());
  std::vector<size_t> starts = {0};
  for (size_t i = 0; i < zone.size(); ++i) {
    if (zone[i] == ',') starts.push_back(i + 1);
  }
  std::optional<ListRead> best;
  size_t best_start = 0;
  int appositions = 0;
  for (size_t k = starts.size(); k-- > 0;) {
    std::string_view seg = zone.substr(starts[k]);
    if (Trim(seg).empty() || Trim(seg) == ",") continue;
    ListRead r = ReadPersonList(seg);
    if (r.complete) {
      best = r;
      best_start = starts[k];
      continue;
    }
    std::string_view first = seg.substr(0, seg.find(','));
    if (!best && appositions < 2 && IsApposition(first)) {
      ++appositions;
      continue;
    }
    break;
  }
  if (!best) return {};
  size_t lead = best_start;
  while (lead < zone.size() && IsSpace(zone[lead])) ++lead;
  span->begin = zone_begin + lead;
  return best->persons;
}

void AddNamed(std::vector<Person>* list, const std::vector<Person>& persons) {
  for (const Person& p : persons) {
    bool seen = std::any_of(list->begin(), list->end(),
                            [&](const Person& q) { return SameName(q.name, p.name); });
    if (!seen) list->push_back(p);
  }
}

std::vector<Person>* NamedList(Vote* v, Kind k) {
  switch (k) {
    case Kind::kAgainst:
      return &v->named.against;
    case Kind::kAbstention:
      return &v->named.abstention;
    case Kind::kNotVoting:
      return &v->named.not_voting;
    default:
      return nullptr;
  }
}

// Names in brackets right after a count ("1 contre (M. X)"), or after a
// colon ("deux abstentions : A et B"). Returns where the names end.
size_t NamesAfterCount(std::string_view text, size_t at, bool colon_ok, std::vector<Person>* out) {
  size_t i = at;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n')) ++i;
  if (i < text.size() && text[i] == '(') {
    size_t close = text.find(')', i);
    if (close == npos || close - i > 400) return at;
    ListRead r = ReadPersonList(text.substr(i + 1, close - i - 1));
    if (!r.complete) return at;
    *out = r.persons;
    return close + 1;
  }
  if (colon_ok && i < text.size() && text[i] == ':') {
    ListRead r = ReadPersonList(text.substr(i + 1));
    if (r.persons.empty()) return at;
    *out = r.persons;
    return i + 1 + r.length;
  }
  return at;
}

// ----- counts -----

Kind KindOf(const Match& m) {
  if (m.has("for")) return Kind::kFor;
  if (m.has("against") || m.has("opp")) return Kind::kAgainst;
  if (m.has("abst")) return Kind::kAbstention;
  if (m.has("npv")) return Kind::kNotVoting;
  return Kind::kFiller;
}

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

// True when only separators keep two count items apart: punctuation,
// dashes, "et", line breaks, and names in brackets.
bool IsRunGap(std::string_view gap) {
  std::string flat;
  int depth = 0;
  for (char c : gap) {
    if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (depth > 0) --depth;
    } else if (depth == 0) {
      flat += c;
    }
  }
  if (depth != 0 || flat.size() > 40) return false;
  std::string words;
  for (size_t i = 0; i < flat.size();) {
    int len = 1;
    int32_t cp = DecodeAt(flat, i, &len);
    if (IsLetter(cp) || (cp >= '0' && cp <= '9')) {
      words.append(flat, i, len);
    } else {
      words += ' ';
    }
    i += len;
  }
  // Words left once punctuation is gone: "et", and the "voix" of "Voix pour
  // : 15 ; voix contre : 0".
  for (const std::string& w : Split(Fold(words))) {
    if (w != "et" && w != "voix" && w != "vote" && w != "votes") return false;
  }
  return true;
}

struct Counts {
  std::optional<int> votes_for, against, abstention, not_voting;
  std::optional<int> voix;        // "par 26 voix": for
  std::optional<int> voix_paren;  // "(15 voix)": for beside a unanimity
  Span voix_paren_span;
  bool any = false;
  bool conflict = false;
  std::vector<Span> spans;
};

// Sets *slot to v; a second, different value is a conflict.
void Put(std::optional<int>* slot, bool* seen, std::optional<int> v, bool* conflict) {
  if (*seen && *slot != v) *conflict = true;
  *slot = v;
  *seen = true;
}

std::vector<CountItem> FindCountItems(std::string_view text, const PatternSet& patterns,
                                      std::vector<Span>* claimed) {
  std::vector<CountItem> items;
  auto overlaps_claimed = [&](size_t b, size_t e) {
    return std::any_of(claimed->begin(), claimed->end(),
                       [&](const Span& s) { return b < s.end && s.begin < e; });
  };
  // A table and "par N voix contre M" first: their figures must not be read
  // again as items of another shape.
  for (const Match& m : patterns["vote_count_table"].FindAll(text)) {
    const char* groups[] = {"for", "against", "abst"};
    Kind kinds[] = {Kind::kFor, Kind::kAgainst, Kind::kAbstention};
    for (int g = 0; g < 3; ++g) {
      CountItem it;
      it.kind = kinds[g];
      it.value = ParseCount(m[groups[g]]);
      it.begin = m.begin();
      it.end = m.end();
      it.strong = true;
      items.push_back(it);
    }
    claimed->push_back({m.begin(), m.end()});
  }
  for (const Match& m : patterns["vote_count_versus"].FindAll(text)) {
    if (overlaps_claimed(m.begin(), m.end())) continue;
    std::optional<int> f = ParseCount(m["for"]), a = ParseCount(m["against"]);
    if (!f || !a) continue;
    if (m.has("rej")) std::swap(f, a);
    items.push_back({Kind::kFor, f, m.begin(), m.end(), true, false, false, false});
    items.push_back({Kind::kAgainst, a, m.begin(), m.end(), true, false, false, false});
    claimed->push_back({m.begin(), m.end()});
  }
  // The other shapes compete for the same words ("Pour 9 Contre 0" reads as
  // label-figure pairs, "14 pour 0 contre" as figure-label pairs): the
  // leftmost wins, and whatever overlaps it is dropped.
  std::vector<CountItem> cands;
  for (const Match& m : patterns["vote_count_before"].FindAll(text)) {
    std::optional<int> v = ParseCount(m["n"]);
    if (!v) continue;
    CountItem it;
    it.kind = KindOf(m);
    it.value = v;
    it.begin = m.begin();
    it.end = m.end();
    // "une opposition" alone may be prose ("sans soulever une opposition");
    // "(4 contre)" in brackets is a vote.
    size_t before = it.begin;
    while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\t')) --before;
    bool bracketed = before > 0 && text[before - 1] == '(';
    it.strong = m.has("unit") || m.has("par") || it.kind == Kind::kAbstention || bracketed;
    cands.push_back(it);
  }
  for (const Match& m : patterns["vote_count_after"].FindAll(text)) {
    CountItem it;
    it.kind = KindOf(m);
    it.begin = m.begin();
    it.end = m.end();
    it.after_label = true;
    if (m.has("n")) {
      it.value = ParseCount(m["n"]);
    } else if (m.has("m")) {
      it.value = ParseCount(m["m"]);
    } else if (m.has("names")) {
      it.names_follow = true;
    }
    // "damaged" and "empty" leave the value empty: the slot is there, its
    // figure is not.
    std::string label = Fold(text.substr(m.begin(), m.end() - m.begin()));
    bool voted_words = label.rfind("ont vote", 0) == 0 || label.rfind("se sont", 0) == 0;
    it.strong = m.has("colon") && (voted_words || it.kind == Kind::kAbstention ||
                                   it.kind == Kind::kNotVoting || it.names_follow);
    cands.push_back(it);
  }
  for (const Match& m : patterns["vote_count_voix"].FindAll(text)) {
    std::optional<int> v = ParseCount(m["n"]);
    if (!v) continue;
    CountItem it;
    it.kind = Kind::kVoix;
    it.value = v;
    it.begin = m.begin();
    it.end = m.end();
    it.strong = true;
    it.unanimity_only = m.has("paren");
    cands.push_back(it);
  }
  std::sort(cands.begin(), cands.end(), [](const CountItem& a, const CountItem& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  size_t last_end = 0;
  for (const CountItem& c : cands) {
    if (c.begin < last_end || overlaps_claimed(c.begin, c.end)) continue;
    items.push_back(c);
    last_end = c.end;
  }
  std::sort(items.begin(), items.end(),
            [](const CountItem& a, const CountItem& b) { return a.begin < b.begin; });
  return items;
}

// True when the words around [b, e) speak of a vote: "Vote :", "adopté",
// "Délibération :", "à l'unanimité".
bool NearVoteWords(std::string_view text, size_t b, size_t e) {
  size_t from = b > 120 ? b - 120 : 0;
  size_t to = std::min(text.size(), e + 80);
  std::string f = Fold(text.substr(from, to - from));
  for (const char* w :
       {"vot", "voix", "scrutin", "adopt", "rejet", "unanim", "majorit", "deliber"}) {
    if (f.find(w) != std::string::npos) return true;
  }
  return false;
}

Counts ReadCounts(std::string_view text, const PatternSet& patterns, Vote* vote) {
  Counts out;
  std::vector<Span> claimed;
  std::vector<CountItem> items = FindCountItems(text, patterns, &claimed);
  // Names after each item, which also extend the item for run grouping.
  std::vector<std::vector<Person>> names(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    CountItem& it = items[i];
    if (it.kind == Kind::kFiller || it.kind == Kind::kVoix) continue;
    if (it.names_follow) {
      ListRead r = ReadPersonList(text.substr(it.end));
      names[i] = r.persons;
      it.end += r.length;
      continue;
    }
    size_t e = NamesAfterCount(text, it.end, !it.after_label, &names[i]);
    if (e > it.end && !(i + 1 < items.size() && e > items[i + 1].begin)) it.end = e;
  }
  // Runs.
  std::vector<std::vector<size_t>> runs;
  for (size_t i = 0; i < items.size(); ++i) {
    bool joins = !runs.empty() && items[i].begin >= items[runs.back().back()].end &&
                 IsRunGap(text.substr(items[runs.back().back()].end,
                                      items[i].begin - items[runs.back().back()].end));
    if (joins || (!runs.empty() && items[i].begin < items[runs.back().back()].end)) {
      runs.back().push_back(i);
    } else {
      runs.push_back({i});
    }
  }
  bool seen_for = false, seen_against = false, seen_abst = false, seen_npv = false,
       seen_voix = false, seen_paren = false;
  for (const std::vector<size_t>& run : runs) {
    bool used = false;
    int votes = 0;
    bool strong = false;
    for (size_t i : run) {
      if (items[i].kind != Kind::kFiller) ++votes;
      strong = strong || items[i].strong;
    }
    if (votes == 0) continue;
    // Two bare labels ("Pour : 49 Contre : 33") may tally a poll: they need
    // the vote named nearby.
    bool filler = votes < static_cast<int>(run.size());
    if (!strong &&
        !(votes >= 3 || (votes == 2 && (filler || NearVoteWords(text, items[run.front()].begin,
                                                                items[run.back()].end))))) {
      continue;
    }
    const CountItem& head = items[run.front()];
    if (Foreign(text, head.begin, items[run.back()].end, patterns)) continue;
    // Within a run a kind is stated once.
    std::vector<Kind> kinds;
    bool repeated = false;
    for (size_t i : run) {
      if (items[i].kind == Kind::kFiller || items[i].names_follow) continue;
      if (std::find(kinds.begin(), kinds.end(), items[i].kind) != kinds.end()) repeated = true;
      kinds.push_back(items[i].kind);
    }
    if (repeated) continue;
    for (size_t i : run) {
      const CountItem& it = items[i];
      // "Contre : M. X, Mme Y" names the members, it states no count.
      Kind kind = it.names_follow ? Kind::kFiller : it.kind;
      switch (kind) {
        case Kind::kFor:
          Put(&out.votes_for, &seen_for, it.value, &out.conflict);
          break;
        case Kind::kAgainst:
          Put(&out.against, &seen_against, it.value, &out.conflict);
          break;
        case Kind::kAbstention:
          Put(&out.abstention, &seen_abst, it.value, &out.conflict);
          break;
        case Kind::kNotVoting:
          Put(&out.not_voting, &seen_npv, it.value, &out.conflict);
          break;
        case Kind::kVoix:
          if (it.unanimity_only) {
            // Kept apart: only a unanimity makes it a "for".
            Put(&out.voix_paren, &seen_paren, it.value, &out.conflict);
            out.voix_paren_span = {it.begin, it.end};
            continue;
          }
          Put(&out.voix, &seen_voix, it.value, &out.conflict);
          break;
        case Kind::kFiller:
          break;
      }
      out.spans.push_back({it.begin, it.end});
      if (std::vector<Person>* list = NamedList(vote, it.kind)) AddNamed(list, names[i]);
      used = true;
    }
    out.any = out.any || used;
  }
  return out;
}

// ----- mode, words, decision -----

struct Mention {
  size_t begin = 0;
  size_t end = 0;
};

// True when a line-start word ("Adopté.") follows the end of a sentence, a
// blank line, or nothing: a wrapped line may also start with "adoptées ;".
bool StartsStatement(std::string_view text, size_t line_begin) {
  size_t i = line_begin;
  int newlines = 0;
  while (i > 0 && IsSpace(text[i - 1])) newlines += text[--i] == '\n';
  if (i == 0 || newlines >= 2) return true;
  char c = text[i - 1];
  return c == '.' || c == ':' || c == ';' || c == '!' || c == '?' || c == ')';
}

// The mentions of `p` in `text`, the first `most` of them (found no further).
std::vector<Mention> Mentions(const Pattern& p, std::string_view text, const PatternSet& patterns,
                              bool check_foreign = true,
                              size_t most = std::numeric_limits<size_t>::max()) {
  std::vector<Mention> out;
  MatchCursor matches(p, text);
  for (Match m; out.size() < most && matches.Next(&m);) {
    if (m.end() == m.begin()) continue;
    if (m.has("ls") && !m.has("qual") && !m.has("label") && !StartsStatement(text, m.begin())) {
      continue;
    }
    if (check_foreign && Foreign(text, m.begin(), m.end(), patterns)) continue;
    out.push_back({m.begin(), m.end()});
  }
  return out;
}

bool IsElection(std::string_view text, const PatternSet& patterns) {
  MatchCursor elections(patterns["vote_election"], text);  // the first that counts answers
  for (Match m; elections.Next(&m);) {
    // "Mme X est désignée secrétaire de séance" is about the sitting.
    size_t se = SentenceEnd(text, m.end());
    std::string f = Fold(text.substr(m.begin(), se - m.begin()));
    if (f.find("secretaire de seance") != std::string::npos) continue;
    // "La commune est désignée coordonnateur" designates no member.
    Span span;
    if (m.has("designated") && NamesBefore(text, m.begin(), patterns, &span).empty()) continue;
    return true;
  }
  return false;
}

std::string JoinSpans(std::string_view text, std::vector<Span> spans) {
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  std::vector<Span> merged;
  for (const Span& s : spans) {
    if (!merged.empty() && s.begin <= merged.back().end + kTextGap) {
      merged.back().end = std::max(merged.back().end, s.end);
    } else {
      merged.push_back(s);
    }
  }
  std::string out;
  for (Span& s : merged) {
    // "(4 contre" closes its bracket.
    std::string_view piece = text.substr(s.begin, s.end - s.begin);
    if (std::count(piece.begin(), piece.end(), '(') > std::count(piece.begin(), piece.end(), ')')) {
      size_t close = text.find(')', s.end);
      if (close != npos && close - s.end < 3) s.end = close + 1;
    }
    if (!out.empty()) out += " … ";
    out += CollapseSpace(text.substr(s.begin, s.end - s.begin));
  }
  return out;
}

}  // namespace

Vote ExtractVote(std::string_view act_text, const PatternSet& patterns) {
  Vote vote;
  std::string_view text = act_text;
  if (IsElection(text, patterns)) return vote;

  std::vector<Span> spans;

  // Mode, from the words only.
  bool unanimity = false, cast = false, majority = false;
  for (const Match& m : patterns["vote_unanimity"].FindAll(text)) {
    if (m.has("foreign") || Foreign(text, m.begin(), m.end(), patterns)) continue;
    (m.has("cast") ? cast : unanimity) = true;
    spans.push_back({m.begin(), m.end()});
  }
  for (const Match& m : patterns["vote_majority"].FindAll(text)) {
    if (Foreign(text, m.begin(), m.end(), patterns)) continue;
    majority = true;
    spans.push_back({m.begin(), m.end()});
  }
  bool any_mode = unanimity || cast || majority;
  if (int{unanimity} + int{cast} + int{majority} == 1) {
    vote.mode = unanimity ? "unanimity" : cast ? "unanimity_of_votes_cast" : "majority";
  }

  // Counts, and the names printed with them.
  Counts counts = ReadCounts(text, patterns, &vote);
  bool any_count = false;
  if (!counts.conflict) {
    vote.votes_for = counts.votes_for;
    vote.against = counts.against;
    vote.abstention = counts.abstention;
    vote.not_voting = counts.not_voting;
    if (!vote.votes_for && counts.voix) vote.votes_for = counts.voix;
    if (!vote.votes_for && counts.voix_paren && (unanimity || cast)) {
      vote.votes_for = counts.voix_paren;
      counts.spans.push_back(counts.voix_paren_span);
    }
    any_count = counts.any || vote.votes_for.has_value();
    spans.insert(spans.end(), counts.spans.begin(), counts.spans.end());
  } else {
    vote.named = NamedVoters{};
  }

  // Names around the words "ne prend pas part au vote", "s'abstient", "ont
  // voté contre".
  for (const Match& m : patterns["vote_named_phrase"].FindAll(text)) {
    Kind kind = m.has("npv")    ? Kind::kNotVoting
                : m.has("abst") ? Kind::kAbstention
                                : Kind::kAgainst;
    std::vector<Person> persons;
    Span span{m.begin(), m.end()};
    if (m.has("after")) {
      ListRead r = ReadPersonList(text.substr(m.end()));
      persons = r.persons;
      span.end = m.end() + r.length;
    } else {
      persons = NamesBefore(text, m.begin(), patterns, &span);
    }
    if (persons.empty()) continue;
    AddNamed(NamedList(&vote, kind), persons);
    spans.push_back(span);
  }

  // The result in words.
  std::vector<Mention> adopted = Mentions(patterns["vote_adopted"], text, patterns);
  std::vector<Mention> rejected = Mentions(patterns["vote_rejected"], text, patterns);
  std::vector<Mention> withdrawn =
      Mentions(patterns["vote_withdrawn"], text, patterns, /*check_foreign=*/false);
  bool said_adopted = !adopted.empty() && rejected.empty();
  bool said_rejected = !rejected.empty() && adopted.empty();
  for (const Mention& m : said_adopted    ? adopted
                          : said_rejected ? rejected
                                          : std::vector<Mention>{}) {
    spans.push_back({m.begin, m.end});
  }

  bool decides = !Mentions(patterns["vote_decision"], text, patterns, true, 1).empty() ||
                 !Mentions(patterns["vote_decision_members"], text, patterns, true, 1).empty() ||
                 !Mentions(patterns["vote_decision_heading"], text, patterns, true, 1).empty();
  // A withdrawal named in an act that was decided is another item's.
  bool voted = any_mode || any_count || !adopted.empty() || !rejected.empty() || decides;
  if (!withdrawn.empty() && !voted) {
    Vote w;
    w.result = "withdrawn";
    size_t b = BoundaryBefore(text, withdrawn.front().begin, Bound::kSentence);
    while (b < text.size() && IsSpace(text[b])) ++b;
    size_t e = SentenceEnd(text, withdrawn.front().end);
    w.text = CollapseSpace(text.substr(b, e - b));
    return w;
  }

  if (said_rejected) {
    vote.result = "rejected";
  } else if (said_adopted) {
    vote.result = "adopted";
  } else if (any_count && vote.votes_for && vote.against) {
    if (*vote.votes_for > *vote.against) vote.result = "adopted";
    if (*vote.votes_for < *vote.against) vote.result = "rejected";
  } else if (any_count && vote.votes_for && *vote.votes_for > 0 && !vote.against) {
    vote.result = "adopted";
  } else if (any_mode) {
    vote.result = "adopted";
  }
  bool tie = any_count && vote.votes_for && vote.against && *vote.votes_for == *vote.against;
  if (!vote.result && !tie && any_mode) vote.result = "adopted";

  if (!spans.empty()) vote.text = JoinSpans(text, spans);

  // The assembly deciding, with no vote stated: adopted, no vote text.
  if (!vote.result && !tie && decides) vote.result = "adopted";
  return vote;
}

}  // namespace delibex
