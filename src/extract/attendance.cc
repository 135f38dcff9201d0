#include "extract/attendance.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/text.h"
#include "extract/list_items.h"
#include "people/persons.h"

namespace delibex {

namespace {

enum class ListKind { kPresent, kRepresented, kExcused, kAbsent };

struct Heading {
  size_t begin = 0;
  size_t end = 0;  // after the heading and its colon
  ListKind kind = ListKind::kPresent;
  bool colon = false;
};

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// A heading starts a line, or follows punctuation, a count ("04 Absents :")
// or a wide gap: not the middle of a sentence.
bool AtBoundary(std::string_view text, size_t pos) {
  size_t i = pos;
  int spaces = 0;
  while (i > 0 && IsBlank(text[i - 1])) {
    --i;
    ++spaces;
  }
  if (i == 0) return true;
  char c = text[i - 1];
  if (c == '\n' || c == '.' || c == ';' || c == ':' || c == ',' || c == '|' || c == '(' ||
      c == '-' || c == '*')
    return true;
  if (c >= '0' && c <= '9') return true;
  if (spaces >= 2) return true;
  // "3 Conseillers étaient absents (...)": a count of members, then the list.
  size_t w = i;
  while (w > 0 && !IsBlank(text[w - 1]) && text[w - 1] != '\n') --w;
  std::string word = Fold(text.substr(w, i - w));
  if (word == "conseillers" || word == "membres" || word == "elus" || word == "delegues" ||
      word == "municipaux" || word == "communautaires")
    return true;
  // OCR debris glued to a heading at a line's start ("EÉtaient présents").
  if (i - w <= 2 && (w == 0 || text[w - 1] == '\n') && spaces == 0) return true;
  // A bullet character (UTF-8 multi-byte) before the heading.
  return static_cast<unsigned char>(c) >= 0x80 && spaces >= 1 && !IsLetter([&] {
           size_t b = i - 1;
           while (b > 0 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
           int len = 1;
           return DecodeAt(text, b, &len);
         }());
}

// A list of names follows `pos`: a person, then a comma or a semicolon
// ("Présents Paul ROUX, Maire ; Anne BLANC, …").
bool NameListFollows(std::string_view zone, size_t pos) {
  std::string_view after = zone.substr(pos, std::min<size_t>(120, zone.size() - pos));
  auto p = ReadPerson(after);
  if (!p) return false;
  std::string_view rest = Trim(p->rest);
  return !rest.empty() && (rest[0] == ',' || rest[0] == ';');
}

// A sub-heading of the list, then its names, on the same line ("…
// LECLERCQ Bernard. Membres suppléants avec voix délibérative : LUCOT Lise,
// …"): a label without a comma or a period, a colon, a name list.
bool SubHeadingThenNames(std::string_view zone, size_t at, size_t limit) {
  size_t colon = zone.find(':', at);
  if (colon == std::string_view::npos || colon >= limit || colon - at > 80) return false;
  std::string_view label = zone.substr(at, colon - at);
  if (label.find_first_of(",.;\n") != std::string_view::npos) return false;
  return NameListFollows(zone, colon + 1);
}

// Only a wide gap after a word sets `pos` apart: justified text spaces its
// words so ("… Terrage  présente  un  projet …").
bool AfterWideGapOnly(std::string_view text, size_t pos) {
  size_t i = pos;
  while (i > 0 && IsBlank(text[i - 1])) --i;
  if (i == 0 || i + 2 > pos) return false;
  unsigned char c = static_cast<unsigned char>(text[i - 1]);
  return c >= 0x80 || std::isalnum(c);  // a word's last byte (an accented letter's, too)
}

std::vector<Heading> FindHeadings(std::string_view zone, const PatternSet& patterns) {
  std::vector<Heading> out;
  for (const Match& m : patterns["attendance_heading"].FindAll(zone)) {
    // Mid-line, a capitalised heading is one when a colon or a name list
    // follows: a flattened page runs "… du 9 mars Présents : A, B" on. A
    // word in lower case after a wide gap is the text's own ("… Terrage
    // présente un projet"), justified.
    bool boundary = AtBoundary(zone, m.begin()) &&
                    !(StartsLower(m.text()) && AfterWideGapOnly(zone, m.begin()));
    if (!boundary) {
      if (!StartsUpper(m.text())) continue;
      std::string_view colon = m["colon"];
      bool labelled = colon.find(':') != std::string_view::npos || NameListFollows(zone, m.end());
      if (!labelled) continue;
    }
    Heading h;
    h.begin = m.begin();
    h.end = m.end();
    h.colon = m.has("colon");
    if (m.has("represented")) {
      h.kind = ListKind::kRepresented;
    } else if (m.has("absent_mixed") || m.has("absent")) {
      h.kind = ListKind::kAbsent;
    } else if (m.has("excused")) {
      h.kind = ListKind::kExcused;
    } else {
      h.kind = ListKind::kPresent;
    }
    // Without a colon, a heading must end its line or be followed by a
    // civility or a name list ("Etaient présents Mesdames et Messieurs ...
    // : A, B"); "présents" in running text is no heading.
    if (!h.colon) {
      size_t j = h.end;
      while (j < zone.size() && IsBlank(zone[j])) ++j;
      bool line_end = j >= zone.size() || zone[j] == '\n';
      size_t colon = zone.find(':', h.end);
      size_t para = zone.find("\n\n", h.end);
      bool colon_near = colon != std::string_view::npos && colon - h.end < 200 &&
                        (para == std::string_view::npos || colon < para);
      bool paren = j < zone.size() && zone[j] == '(';
      if (!line_end && !colon_near && !paren && !ReadCivility(zone.substr(j)).length &&
          !NameListFollows(zone, j))
        continue;
    }
    out.push_back(h);
  }
  return out;
}

// Whether a paragraph after a blank line goes on with the list: it opens with
// people (see below, after the item reader).
class ItemReader;
bool OpensWithPeople(std::string_view para, ListKind kind, ItemReader* reader);

// Where the list that starts at `start` ends: a blank line (unless the list
// goes on after it), a closing parenthesis that the list did not open, a
// sentence end, or `limit`.
size_t ListEnd(std::string_view zone, size_t start, size_t limit, ListKind kind,
               const PatternSet& patterns, ItemReader* reader) {
  int depth = 0;
  for (size_t i = start; i < limit; ++i) {
    char c = zone[i];
    if (c == '(') ++depth;
    if (c == ')') {
      if (depth == 0) return i;
      --depth;
    }
    if (c == '\n') {
      // A blank line?
      size_t j = i + 1;
      while (j < limit && IsBlank(zone[j])) ++j;
      if (j < limit && zone[j] == '\n') {
        while (j < limit && (IsBlank(zone[j]) || zone[j] == '\n')) ++j;
        if (j >= limit) return i;
        char next = zone[j];
        if (next == ',' || next == ';' || next == '-') continue;  // a cell-per-paragraph table
        // A lone short line, then a paragraph that starts with a separator.
        size_t eol = zone.find('\n', j);
        if (eol != std::string_view::npos && eol - j <= 40) {
          size_t k = eol;
          while (k < limit && (IsBlank(zone[k]) || zone[k] == '\n')) ++k;
          if (k < limit && (zone[k] == ',' || zone[k] == ';' || zone[k] == '-')) continue;
        }
        // A proxy list goes on with another "X à Y".
        if (kind == ListKind::kRepresented) {
          std::string_view para = zone.substr(j, std::min(limit, zone.find("\n\n", j)) - j);
          Match m;
          if (patterns["proxy_short"].Find(CollapseSpace(para.substr(0, 200)), &m) &&
              ReadPerson(para) && !patterns["attendance_heading"].Find(para.substr(0, 40), &m))
            continue;
        }
        // Web and Word exports put a blank line between all paragraphs: the
        // list goes on when the next paragraph opens with people.
        {
          size_t para_end = zone.find("\n\n", j);
          if (para_end == std::string_view::npos) para_end = zone.size();
          if (OpensWithPeople(zone.substr(j, para_end - j), kind, reader)) continue;
        }
        return i;
      }
    }
    // A sentence ends at a period after a word (not an initial) at a line
    // end, or mid-line when no more names follow ("… Luc NOIR. Monsieur le
    // Maire ouvre la séance", a page flattened into one line).
    bool mid_line = c == '.' && i + 2 < limit && zone[i + 1] == ' ' && zone[i + 2] != ' ' &&
                    StartsUpper(zone.substr(i + 2, 4)) && !NameListFollows(zone, i + 1) &&
                    !SubHeadingThenNames(zone, i + 2, limit);
    if (c == '.' && i + 1 < limit && (zone[i + 1] == '\n' || (i + 2 == limit) || mid_line)) {
      size_t w = i;
      while (w > start && !IsBlank(zone[w - 1]) && zone[w - 1] != '\n' && zone[w - 1] != ',') --w;
      std::string_view word = zone.substr(w, i - w);
      int letters = 0;
      for (size_t k = 0; k < word.size();) {
        int len = 1;
        if (IsLetter(DecodeAt(word, k, &len))) ++letters;
        k += len;
      }
      bool initial = letters <= 2 || word.find('.') != std::string_view::npos ||
                     IsGroupLabel(word);  // "W.AUGUSTE : adjoints." then more names
      std::string f = Fold(word);
      bool civility = f == "mme" || f == "mmes" || f == "mm" || f == "mlle" ||
                      ReadCivility(zone.substr(w, i + 1 - w)).length > 0;  // "Mrs."
      if (!initial && !civility) {
        size_t j = i + 1;
        while (j < limit && (IsBlank(zone[j]) || zone[j] == '\n')) ++j;
        if (j >= limit || !(zone[j] == '-' || zone[j] == ',' || zone[j] == ';')) return i;
      }
    }
  }
  return limit;
}

// Drops what is not a name from an item of a flattened two-column page:
// the column mark, lower-case words that are not particles, and words that
// are never names.
std::string ScrubFlattened(std::string_view item) {
  std::string out;
  size_t i = 0;
  while (i < item.size()) {
    while (i < item.size() && (item[i] == ' ' || item[i] == '\n' || item[i] == '|')) ++i;
    size_t b = i;
    while (i < item.size() && item[i] != ' ' && item[i] != '\n' && item[i] != '|') ++i;
    std::string_view w = item.substr(b, i - b);
    if (w.empty()) continue;
    std::string_view core = w;
    while (!core.empty() && (core.back() == '.' || core.back() == ',')) core.remove_suffix(1);
    bool particle = core == "de" || core == "du" || core == "des" || core == "la" || core == "le";
    bool civility = ReadCivility(w).length > 0;
    bool keep = particle || civility || core == "à" || core == "au" || core == "par" ||
                (StartsUpper(core) && !ReadName(core).name.empty());
    if (!keep) continue;
    if (!out.empty()) out += ' ';
    out += civility ? w : core;
  }
  return out;
}

// Where the sentence that ends at `pos` starts: after a line break, or
// after a colon, a semicolon or a full stop that ends a word (not a
// civility, "M.", nor an initial, "J."); npos when none is found within 600
// bytes.
size_t SentenceStart(std::string_view text, size_t pos) {
  size_t floor = pos > 600 ? pos - 600 : 0;
  for (size_t i = pos; i > floor; --i) {
    char c = text[i - 1];
    if (c == '\n') return i;
    if ((c == '.' || c == ':' || c == ';') && i < text.size() && IsBlank(text[i])) {
      size_t w = i - 1;
      while (w > 0 && !IsBlank(text[w - 1]) && text[w - 1] != '\n') --w;
      std::string_view word = text.substr(w, i - w);
      bool initial = word.size() <= 3 && StartsUpper(word);
      if (c != '.' || (!initial && !ReadCivility(word).civility)) return i;
    }
  }
  return floor == 0 ? 0 : std::string_view::npos;
}

// Strips leading bullets and margin debris (dates, figures) and trailing
// punctuation.
std::string CleanItem(std::string_view item) {
  std::string s = CollapseSpace(item);
  for (;;) {
    std::string_view v(s);
    size_t cut = 0;
    if (v.rfind("- ", 0) == 0 || v.rfind("* ", 0) == 0 || v.rfind("+ ", 0) == 0)
      cut = 2;
    else if (v.rfind("• ", 0) == 0 || v.rfind(" ", 0) == 0 || v.rfind("✓ ", 0) == 0 ||
             v.rfind("– ", 0) == 0 || v.rfind("— ", 0) == 0 || v.rfind("−", 0) == 0 ||
             v.rfind("-— ", 0) == 0 || v.rfind("‒ ", 0) == 0)
      cut = v.find(' ') + 1;
    else if (!v.empty() && (v[0] >= '0' && v[0] <= '9')) {
      size_t sp = v.find(' ');
      std::string_view tok = v.substr(0, sp == std::string_view::npos ? v.size() : sp);
      // A figure or a date before the name, left there by a margin column;
      // not an ordinal ("1ère adjointe").
      bool figure = tok.find_first_not_of("0123456789/.-") == std::string_view::npos;
      if (figure) cut = sp == std::string_view::npos ? v.size() : sp + 1;
    }
    if (cut == 0) break;
    s = s.substr(cut);
  }
  while (!s.empty() && (s.back() == '.' || s.back() == ' ' || s.back() == '-')) {
    // Keep the period of a final initial ("CROS S.").
    if (s.back() == '.' && s.size() >= 2 && s[s.size() - 2] != ' ' &&
        (s.size() < 3 || s[s.size() - 3] == ' ' || s[s.size() - 3] == '.'))
      break;
    s.pop_back();
  }
  return s;
}

// A parenthesis that is not a proxy: late arrival, early leave, a role.
std::string DropParentheses(std::string_view s, std::optional<std::string>* role) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    size_t open = s.find('(', i);
    if (open == std::string_view::npos) {
      out.append(s.substr(i));
      break;
    }
    size_t close = s.find(')', open);
    if (close == std::string_view::npos) {
      out.append(s.substr(i));
      break;
    }
    out.append(s.substr(i, open - i));
    std::string_view inner = Trim(s.substr(open + 1, close - open - 1));
    if (IsRole(inner) && role) *role = CollapseSpace(inner);
    i = close + 1;
  }
  return std::string(Trim(out));
}

// Ordinal endings a text extraction set apart from their figure ("4 ème
// Adjoint", "M. ème ème ROUX"): dropped, they are never a name.
std::string DropLoneOrdinalEndings(std::string_view item) {
  std::string out;
  size_t i = 0;
  while (i < item.size()) {
    size_t j = item.find(' ', i);
    if (j == std::string_view::npos) j = item.size();
    std::string_view w = item.substr(i, j - i);
    if (w != "ème" && w != "eme") {
      if (!out.empty()) out += ' ';
      out += w;
    }
    i = j + 1;
  }
  return out;
}

// A whole item read as one person (see ReadWholePerson), after its lone
// ordinal endings are dropped.
std::optional<Person> WholePerson(std::string_view raw) {
  return ReadWholePerson(DropLoneOrdinalEndings(raw));
}

struct ItemReading {
  enum Kind { kNone, kPerson, kRole, kProxy, kSubstitute } kind = kNone;
  Person person;                 // the member (kPerson, kProxy), the absent (kSubstitute)
  std::optional<Person> holder;  // kProxy; kSubstitute: the substitute, present
  std::string role;              // kRole
};

// A proxy holder: a person, or a role to resolve later ("M. le Maire").
std::optional<Person> ReadHolder(std::string_view s) {
  std::string t = CollapseSpace(s);
  std::optional<std::string> role;
  t = DropParentheses(t, &role);
  if (auto p = WholePerson(t)) return p;
  // "Dr. Xavier POLI, Maire" with more after it: take the person.
  if (auto r = ReadPerson(t)) return r->person;
  // "M. le Maire", "Monsieur le Président", "la Présidente".
  size_t at = ReadCivility(t).length;
  std::string_view rest = Trim(std::string_view(t).substr(at));
  if (IsRole(rest)) {
    Person p;
    std::string r(rest);
    // "le Maire" -> "Maire"
    if (r.rfind("le ", 0) == 0 || r.rfind("la ", 0) == 0) r = r.substr(3);
    p.title = r;
    return p;
  }
  return std::nullopt;
}

// "Néant", "Aucun", "Sans objet": the list is empty, no one by that name.
bool SaysNoOne(std::string_view item) {
  std::string f = Fold(item);
  for (const char* w : {"neant", "aucun", "aucune", "personne", "sans objet", "nul", "nulle"}) {
    if (f == w) return true;
  }
  return false;
}

ItemReading ReadItemText(std::string_view raw, ListKind kind, const PatternSet& patterns) {
  ItemReading out;
  std::string item = CleanItem(raw);
  if (item.empty() || SaysNoOne(item)) return out;
  std::optional<std::string> ignored;
  std::string without_notes = DropParentheses(item, &ignored);
  // Most items are a name alone: where no cue of the shapes below holds
  // (item_shape_words joins them), no shape can match, and none is tried.
  // The shorter proxies of a proxy list have cues of their own.
  const Pattern& shape_words = patterns["item_shape_words"];
  bool any_shape = kind == ListKind::kRepresented;
  bool shape_in_item = any_shape || shape_words.Contains(item);
  bool shape_without_notes =
      any_shape || (without_notes == item ? shape_in_item : shape_words.Contains(without_notes));
  Match m;
  // A substitute sitting for a member.
  if (shape_in_item && (patterns["substitute_for_member"].Find(item, &m) ||
                        patterns["substitute_of_member"].Find(item, &m))) {
    auto member = WholePerson(CleanItem(m["member"]));
    auto sub = WholePerson(CleanItem(m["substitute"]));
    if (member && sub) {
      out.kind = ItemReading::kSubstitute;
      out.person = *member;
      out.holder = sub;
      return out;
    }
  }
  // A proxy.
  // A proxy: each shape in turn, the first that gives two people.
  std::vector<const char*> shapes = {"proxy_paren", "proxy_verb", "proxy_represented"};
  if (kind == ListKind::kRepresented) {
    shapes.push_back("proxy_paren_short");
    shapes.push_back("proxy_short");
  }
  std::optional<Person> granted_by;  // a member whose holder is unreadable
  for (const char* shape : shapes) {
    for (const std::string* text : {&item, &without_notes}) {
      // Without notes to drop, the same text reads the same.
      if (text == &without_notes && without_notes == item) continue;
      if (!(text == &item ? shape_in_item : shape_without_notes)) continue;
      if (!patterns[shape].Find(*text, &m)) continue;
      std::optional<std::string> role;
      auto member = WholePerson(DropParentheses(CleanItem(m["member"]), &role));
      auto holder = ReadHolder(m["holder"]);
      if (member && role && !member->title) member->title = role;
      if (member && holder) {
        out.kind = ItemReading::kProxy;
        out.person = *member;
        out.holder = holder;
        return out;
      }
      if (member && !granted_by) granted_by = member;
    }
  }
  // Under a proxies heading, "Mme Hélène LEGRAND à M.." (the holder cut or
  // damaged): the member is represented, by no one known.
  if (granted_by && kind == ListKind::kRepresented) {
    out.kind = ItemReading::kProxy;
    out.person = *granted_by;
    return out;
  }
  if (IsRole(item)) {
    out.kind = ItemReading::kRole;
    out.role = item;
    return out;
  }
  std::optional<std::string> role;
  std::string bare = DropParentheses(item, &role);
  if (auto p = WholePerson(bare)) {
    if (role && !p->title) p->title = role;
    out.kind = ItemReading::kPerson;
    out.person = *p;
    return out;
  }
  return out;
}

// Reads items with ReadItemText, each text once per list kind: an item is
// read when its list is split into runs, again when the list is read, and
// as the neighbour of a damaged one. A reading depends on the text and the
// kind only.
class ItemReader {
 public:
  explicit ItemReader(const PatternSet& patterns) : patterns_(patterns) {}
  const PatternSet& patterns() const { return patterns_; }
  const ItemReading& Read(std::string_view raw, ListKind kind) {
    auto& cache = cache_[static_cast<size_t>(kind)];
    auto it = cache.find(raw);
    if (it == cache.end())
      it = cache.emplace(std::string(raw), ReadItemText(raw, kind, patterns_)).first;
    return it->second;
  }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  const PatternSet& patterns_;
  std::unordered_map<std::string, ItemReading, Hash, std::equal_to<>> cache_[4];
};

struct Lists {
  std::vector<Person> present, excused, absent;
  std::vector<ProxyGrant> represented;
};

void AddPerson(Lists* lists, ListKind kind, const Person& p) {
  switch (kind) {
    case ListKind::kPresent:
      lists->present.push_back(p);
      break;
    case ListKind::kExcused:
      lists->excused.push_back(p);
      break;
    case ListKind::kAbsent:
      lists->absent.push_back(p);
      break;
    case ListKind::kRepresented:
      lists->represented.push_back({p, std::nullopt});
      break;
  }
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n')) ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\n') ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

std::string Join(const std::vector<std::string_view>& words, size_t from, size_t to) {
  std::string out;
  for (size_t k = from; k < to; ++k) {
    if (!out.empty()) out += ' ';
    out += words[k];
  }
  return out;
}

// A proxy list printed without commas: "Monsieur A à Madame B Monsieur C à
// Madame D" is split before each civility that does not follow "à".
std::vector<std::string> SplitAtCivilities(std::string_view item) {
  std::vector<std::string_view> w = Words(item);
  std::vector<std::string> out;
  size_t from = 0;
  int depth = 0;
  for (size_t k = 1; k < w.size(); ++k) {
    for (char c : w[k - 1]) depth += c == '(' ? 1 : c == ')' ? -1 : 0;
    CivilityRead civ = ReadCivility(w[k]);
    if (depth > 0 || (!civ.civility && !civ.plural)) continue;
    std::string prev = Fold(w[k - 1]);
    if (prev == "a" || prev == "au" || prev == "par" || prev == "de" || prev.empty() ||
        prev == "suppleant" || prev == "suppleante" || prev == "mandataire" || prev == "pouvoir" ||
        prev == "procuration")
      continue;
    out.push_back(Join(w, from, k));
    from = k;
  }
  out.push_back(Join(w, from, w.size()));
  return out;
}

bool IsInitials(std::string_view w) {
  int letters = 0;
  for (size_t i = 0; i < w.size();) {
    int len = 1;
    int32_t cp = DecodeAt(w, i, &len);
    if (IsLowerLetter(cp)) return false;
    if (IsLetter(cp)) ++letters;
    i += len;
  }
  return letters >= 1 && letters <= 2;
}

// Two names run together when a separator was lost: "JF ORSATELLI J.
// ORSATELLI", "ROUANET B MARCOUIRE G." (initials and surname, twice).
std::vector<std::string> SplitRunTogether(const std::string& item) {
  std::vector<std::string_view> w = Words(item);
  if (w.size() == 4) {
    bool a = IsInitials(w[0]) && !IsInitials(w[1]) && IsInitials(w[2]) && !IsInitials(w[3]);
    bool b = !IsInitials(w[0]) && IsInitials(w[1]) && !IsInitials(w[2]) && IsInitials(w[3]);
    if ((a || b) && ReadCivility(w[0]).length == 0 && ReadCivility(w[2]).length == 0)
      return {Join(w, 0, 2), Join(w, 2, 4)};
  }
  return {item};
}

// An item read as a run of several people (see SplitPeopleRun and
// SplitNameShapes in people/), when that reads every piece and says more
// than the item read whole: several people, a status word, a group or
// place label dropped. Otherwise nothing, and the item is read as it is.
std::optional<std::vector<RunPiece>> ReadRun(std::string_view item, ListKind kind,
                                             ItemReader* reader) {
  std::string whole = CleanItem(item);
  if (whole.empty()) return std::nullopt;
  std::vector<RunPiece> pieces = SplitPeopleRun(whole);
  std::vector<RunPiece> out;
  bool more = pieces.size() != 1 || !pieces[0].status.empty() || pieces[0].text != whole;
  for (RunPiece& piece : pieces) {
    // "MM Herbel": a plural civility heads a part of the list (read below).
    CivilityRead plural = ReadCivility(piece.text);
    std::string_view text = piece.text;
    if (plural.plural) text.remove_prefix(plural.length);
    const ItemReading& r = reader->Read(text, kind);
    if (r.kind == ItemReading::kNone || r.kind == ItemReading::kPerson) {
      // "DURAND Paul MOREAU Anne": names run together, with no civility.
      std::string bare = CleanItem(piece.text);
      CivilityRead civ = ReadCivility(bare);
      std::vector<std::string> names =
          civ.length == 0 ? SplitNameShapes(bare) : std::vector<std::string>{};
      if (names.size() >= 2) {
        for (std::string& n : names) {
          if (reader->Read(n, kind).kind != ItemReading::kPerson) return std::nullopt;
          out.push_back({std::move(n), piece.status});
        }
        more = true;
        continue;
      }
    }
    if (r.kind == ItemReading::kNone) return std::nullopt;
    out.push_back(std::move(piece));
  }
  if (!more) return std::nullopt;
  return out;
}

bool OpensWithPeople(std::string_view para, ListKind kind, ItemReader* reader) {
  Match m;
  if (reader->patterns()["attendance_heading"].MatchAt(para, &m)) return false;
  // The first item: up to a separator outside parentheses or the line's end.
  size_t end = 0;
  int depth = 0;
  for (; end < para.size(); ++end) {
    char c = para[end];
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    if (depth == 0 && (c == ',' || c == ';' || c == '\n')) break;
    if (depth == 0 && c == ' ' && para.compare(end, 4, " et ") == 0) break;
  }
  std::string first = CleanItem(para.substr(0, end));
  if (first.empty()) return false;
  CivilityRead civ = ReadCivility(first);
  if (civ.plural) first = first.substr(civ.length);
  if (IsGroupLabel(first)) return true;
  const ItemReading& r = reader->Read(first, kind);
  // A proxy list goes on with proxies only: a name alone after it belongs to
  // another list whose heading was lost.
  if (kind == ListKind::kRepresented)
    return r.kind == ItemReading::kProxy || r.kind == ItemReading::kSubstitute;
  if (r.kind == ItemReading::kPerson || r.kind == ItemReading::kProxy ||
      r.kind == ItemReading::kSubstitute)
    return true;
  if (ReadRun(first, kind, reader)) return true;
  // A run of names wrapped wherever the line was full ends inside a name
  // ("… GIROT Jean-Claude ARNAUDO" / "Noëlla JARNET Cyril …"): the line
  // without its last word.
  if (HasRunOfNames(first)) {
    size_t cut = first.find_last_of(' ');
    if (cut != std::string::npos && ReadRun(std::string_view(first).substr(0, cut), kind, reader))
      return true;
  }
  return false;
}

// The items of one list; stops at the first item that is no person.
void ReadList(std::string_view list, ListKind kind, bool flattened, ItemReader* reader,
              Lists* lists) {
  const PatternSet& patterns = reader->patterns();
  std::vector<std::string> items;
  std::vector<std::string> split = SplitListItems(list);
  {
    // "M. SOUCHON P., Maire, à M. PEYRAT L.", "Mme OLLIER, pouvoir à Mme
    // CHAPUIS": the proxy's second half after a comma.
    std::vector<std::string> merged;
    for (std::string& s : split) {
      Match c;
      bool connector =
          patterns["proxy_tail"].MatchAt(s, &c) ||
          (kind == ListKind::kRepresented && patterns["proxy_short_tail"].MatchAt(s, &c));
      if (connector && !merged.empty()) {
        merged.back() += " " + s;
      } else {
        merged.push_back(std::move(s));
      }
    }
    split = std::move(merged);
  }
  std::vector<std::string> statuses;  // per item: "excused", "absent" or empty
  for (size_t s = 0; s < split.size(); ++s) {
    const std::string& raw = split[s];
    std::optional<std::vector<RunPiece>> run = ReadRun(raw, kind, reader);
    // A run that goes on into the next line's sentence ("… Paul ROCHE\nLes
    // membres du Conseil …"): its longest part, whole lines, that is a
    // run, and nothing after it belongs to the list.
    bool cut_short = false;
    for (size_t nl = raw.rfind('\n'); !run && nl != std::string::npos && nl > 0;
         nl = raw.rfind('\n', nl - 1)) {
      run = ReadRun(std::string_view(raw).substr(0, nl), kind, reader);
      cut_short = run.has_value();
    }
    if (run) {
      for (RunPiece& piece : *run) {
        items.push_back(std::move(piece.text));
        statuses.push_back(std::move(piece.status));
      }
      if (cut_short) break;
      continue;
    }
    std::vector<std::string> parts =
        kind == ListKind::kRepresented ? SplitAtCivilities(raw) : std::vector<std::string>{raw};
    for (const std::string& part : parts) {
      for (std::string& one : SplitRunTogether(part)) {
        items.push_back(std::move(one));
        statuses.emplace_back();
      }
    }
  }
  // In a list whose people carry civilities, a line in capitals without one
  // over a member who has one is the member's commune ("BOIS LE ROI" /
  // "M. DURIEUX Simon"), not a person.
  size_t with_civility = 0;
  for (const std::string& it : items) {
    if (ReadCivility(CleanItem(it)).civility) ++with_civility;
  }
  auto commune_label = [&](size_t k, const std::string& item) {
    if (items.size() < 3 || with_civility * 2 <= items.size() || k + 1 >= items.size())
      return false;
    if (ReadCivility(item).civility || !IsAllUpper(item)) return false;
    if (!ReadCivility(CleanItem(items[k + 1])).civility) return false;
    return std::all_of(item.begin(), item.end(), [](char c) {
      return c == ' ' || c == '-' || c == '\'' || (static_cast<unsigned char>(c) & 0x80) ||
             std::isalpha(static_cast<unsigned char>(c));
    });
  };
  bool plural = false;
  Person* last = nullptr;
  for (size_t k = 0; k < items.size(); ++k) {
    std::string item = CleanItem(flattened ? ScrubFlattened(items[k]) : items[k]);
    if (!plural && commune_label(k, item)) continue;
    // "MM." / "Mmes" heading the list, or a part of it.
    CivilityRead civ = ReadCivility(item);
    if (civ.plural) {
      plural = true;
      item = item.substr(civ.length);
    } else if (civ.civility) {
      plural = false;
    }
    if (CleanItem(item).empty()) continue;  // margin debris alone: "23/11/2023"
    // "Mme Odette RAMBAUD, suppléante de M. Guy PAQUET": the comma split
    // the substitute from the member she sits for.
    Match sub;
    if (last && patterns["substitute_tail"].MatchAt(item, &sub)) {
      if (auto member = WholePerson(CleanItem(sub["member"]))) {
        lists->absent.push_back(*member);
        continue;
      }
    }
    ItemReading r = reader->Read(item, kind);
    // "Luc SIMON excusé" in a run: the status word says which list.
    if (r.kind == ItemReading::kPerson && !statuses[k].empty()) {
      AddPerson(lists, statuses[k] == "excused" ? ListKind::kExcused : ListKind::kAbsent, r.person);
      last = nullptr;
      continue;
    }
    if (r.kind == ItemReading::kNone) {
      // "Crégols : M. Yves FABRE": a label before the name.
      std::string_view rest = DropLineLabel(item);
      if (rest.size() != item.size()) r = reader->Read(rest, kind);
    }
    // Listed present, leaving later with a proxy: still present (SPEC).
    if (r.kind == ItemReading::kProxy && kind == ListKind::kPresent &&
        patterns["proxy_paren"].Find(CleanItem(item), &sub) &&
        patterns["leaves_later"].Contains(sub["before"])) {
      r.kind = ItemReading::kPerson;
    }
    if (r.kind == ItemReading::kNone && items[k].find('\n') != std::string::npos &&
        kind != ListKind::kRepresented) {
      // A separator lost at a line end (OCR drops a comma there): "Philippe
      // GRANDIN\nDominique GAUDIN" is two people when each line is one.
      std::vector<Person> people;
      std::string_view v(items[k]);
      for (size_t from = 0; from <= v.size();) {
        size_t nl = std::min(v.find('\n', from), v.size());
        std::string_view part = Trim(v.substr(from, nl - from));
        const ItemReading& line = reader->Read(part, kind);
        // Each line a whole name: "Yannick\nBOUCHET" is one person.
        if (line.kind != ItemReading::kPerson || part.find(' ') == std::string_view::npos) {
          people.clear();
          break;
        }
        people.push_back(line.person);
        from = nl + 1;
      }
      if (people.size() >= 2) {
        for (const Person& p : people) AddPerson(lists, kind, p);
        last = nullptr;
        continue;
      }
    }
    if (r.kind == ItemReading::kNone && items[k].find('\n') != std::string::npos) {
      // The list's last item may run into the next line's text: keep the
      // longest part, whole lines, that is a person.
      std::string_view v(items[k]);
      for (size_t nl = v.rfind('\n'); nl != std::string_view::npos && nl > 0;
           nl = v.rfind('\n', nl - 1)) {
        r = reader->Read(v.substr(0, nl), kind);
        if (r.kind != ItemReading::kNone) break;
      }
      if (r.kind != ItemReading::kNone) {
        items.resize(k + 1);  // nothing after it belongs to the list
        statuses.resize(k + 1);
      }
    }
    // "Raymond (excusé)" under an Absents heading.
    if (r.kind == ItemReading::kPerson && kind == ListKind::kAbsent &&
        patterns["excused_mark"].Contains(item)) {
      AddPerson(lists, ListKind::kExcused, r.person);
      continue;
    }
    if (r.kind == ItemReading::kNone && k + 1 < items.size()) {
      // One damaged name in the middle of a list (a bracket OCR read for a
      // letter, a word cut at the page's edge) does not end it when the item
      // is short and the next one is a person: it is skipped.
      std::string_view v(items[k]);
      size_t words = 1 + static_cast<size_t>(std::count_if(
                             v.begin(), v.end(), [](char c) { return c == ' ' || c == '\n'; }));
      const ItemReading& next = reader->Read(items[k + 1], kind);
      if (v.size() <= 40 && words <= 5 && next.kind != ItemReading::kNone &&
          next.kind != ItemReading::kRole)
        continue;
    }
    switch (r.kind) {
      case ItemReading::kNone:
        return;
      case ItemReading::kRole:
        if (last && !last->title) last->title = r.role;
        continue;
      case ItemReading::kPerson:
        AddPerson(lists, kind, r.person);
        break;
      case ItemReading::kProxy:
        lists->represented.push_back({r.person, r.holder});
        last = nullptr;
        continue;
      case ItemReading::kSubstitute:
        // The member is away (in the heading's list when that says absent or
        // excused, else absent); the substitute sits.
        AddPerson(lists, kind == ListKind::kExcused ? ListKind::kExcused : ListKind::kAbsent,
                  r.person);
        lists->present.push_back(*r.holder);
        last = nullptr;
        continue;
    }
    if (plural && kind != ListKind::kRepresented) {
      Person& p = kind == ListKind::kPresent   ? lists->present.back()
                  : kind == ListKind::kExcused ? lists->excused.back()
                                               : lists->absent.back();
      p.civility.reset();
    }
    last = kind == ListKind::kPresent   ? &lists->present.back()
           : kind == ListKind::kExcused ? &lists->excused.back()
           : kind == ListKind::kAbsent  ? &lists->absent.back()
                                        : nullptr;
  }
}

// A heading's list may begin lines below it: past empty lines and
// sub-headings ("Délégués titulaires :", "Membres élus :").
size_t SkipToItems(std::string_view zone, size_t at) {
  size_t i = at;
  for (int guard = 0; guard < 8; ++guard) {
    size_t j = i;
    while (j < zone.size() && IsBlank(zone[j])) ++j;
    if (j >= zone.size() || zone[j] != '\n') return i;
    while (j < zone.size() && (IsBlank(zone[j]) || zone[j] == '\n')) ++j;
    size_t eol = zone.find('\n', j);
    if (eol == std::string_view::npos) eol = zone.size();
    std::string_view line = Trim(zone.substr(j, eol - j));
    if (line.size() > 1 && line.back() == ':' && IsGroupLabel(line.substr(0, line.size() - 1))) {
      i = eol;
      continue;
    }
    return j;
  }
  return i;
}

// Where a list begins after its heading: right away, or after the colon of
// "Etaient présents Mesdames et Messieurs les membres du Conseil : A, B".
size_t ListStart(std::string_view zone, const Heading& h) {
  size_t start = h.end;
  {
    size_t j = start;
    while (j < zone.size() && IsBlank(zone[j])) ++j;
    if (j < zone.size() && zone[j] == '(') return j + 1;  // "étaient absents (A, B, C)"
  }
  if (h.colon) {
    // "Présents : Mesdames et Messieurs : A, B"
    size_t j = start;
    while (j < zone.size() && IsBlank(zone[j])) ++j;
    CivilityRead civ = ReadCivility(zone.substr(j));
    if (civ.plural) {
      // Only a salutation before that colon: "MM Roux, Blanc. Excusés :"
      // is the list, and the colon another heading's.
      size_t colon = zone.find(':', j);
      size_t nl = zone.find('\n', j);
      if (colon != std::string_view::npos && colon - j < 80 &&
          (nl == std::string_view::npos || colon < nl) &&
          zone.substr(j, colon - j).find_first_of(",;") == std::string_view::npos)
        return colon + 1;
    }
    return start;
  }
  size_t colon = zone.find(':', start);
  size_t para = zone.find("\n\n", start);
  if (colon != std::string_view::npos && colon - start < 200 &&
      (para == std::string_view::npos || colon < para)) {
    std::string_view before = zone.substr(start, colon - start);
    // Jump to the colon unless what is before it is already names.
    if (!WholePerson(CollapseSpace(before.substr(0, before.find(',')))) ||
        Fold(before).find(" les ") != std::string::npos)
      return colon + 1;
  }
  return start;
}

// One member under two spellings (names folded). Stricter than SameName: a
// surname alone is not taken for "F. Luciani" when "M. Luciani" is another
// member.
bool SameMember(std::string_view fa, std::string_view fb) {
  if (!SameFoldedName(fa, fb)) return false;
  size_t wa = std::count(fa.begin(), fa.end(), ' ') + 1;
  size_t wb = std::count(fb.begin(), fb.end(), ' ') + 1;
  return wa == wb || std::min(wa, wb) >= 2;
}

// The surnames of the people read whole (two words or more, folded): how
// many distinct people each last word names.
using SurnameCounts = std::unordered_map<std::string, int>;

SurnameCounts CountSurnames(const std::vector<std::string>& folded_names) {
  SurnameCounts counts;
  std::vector<std::string> seen;
  for (const std::string& f : folded_names) {
    size_t sp = f.find(' ');
    if (sp == std::string::npos) continue;
    if (std::find(seen.begin(), seen.end(), f) != seen.end()) continue;
    seen.push_back(f);
    ++counts[f.substr(f.rfind(' ') + 1)];
  }
  return counts;
}

// A member named by the surname alone in one list ("Monsieur HEYNDRICKX
// procuration à …") and whole in another ("Monsieur Jacquy HEYNDRICKX"):
// the same member when no other person read bears that name. Not beside an
// initial ("F. Luciani"): "M. Luciani" may be another member, "M." his
// initial.
bool SurnameAloneOf(std::string_view alone, std::string_view whole, const SurnameCounts& counts) {
  if (alone.find(' ') != std::string_view::npos) return false;
  size_t sp = whole.find(' ');
  if (sp == std::string_view::npos || alone.empty()) return false;
  // The surname last ("Jacquy HEYNDRICKX"): a word alone that is the first
  // of a whole name may be a first name.
  size_t last = whole.rfind(' ') + 1;
  if (whole.substr(last) != alone || sp < 3) return false;
  auto it = counts.find(std::string(alone));
  return it != counts.end() && it->second == 1;
}

// The folded names of a list's people, in step with it: the merge below
// compares each member with every other, and folds each name once.
class FoldedList {
 public:
  explicit FoldedList(const SurnameCounts* counts = nullptr) : counts_(counts) {}
  void Add(std::string_view name) { AddFolded(Fold(name)); }
  void AddFolded(std::string folded) {
    one_word_.push_back(folded.find(' ') == std::string::npos);
    folded_.push_back(std::move(folded));
  }
  std::vector<std::string>::const_iterator begin() const { return folded_.begin(); }
  std::vector<std::string>::const_iterator end() const { return folded_.end(); }
  bool Has(std::string_view folded) const {
    bool one_word = folded.find(' ') == std::string_view::npos;
    for (size_t i = 0; i < folded_.size(); ++i) {
      const std::string& f = folded_[i];
      if (SameMember(f, folded)) return true;
      // A surname alone against a whole name, either way round.
      if (counts_ && one_word_[i] != one_word &&
          (one_word ? SurnameAloneOf(folded, f, *counts_) : SurnameAloneOf(f, folded, *counts_)))
        return true;
    }
    return false;
  }
  std::string& operator[](size_t i) { return folded_[i]; }

 private:
  std::vector<std::string> folded_;
  std::vector<bool> one_word_;   // in step with folded_
  const SurnameCounts* counts_;  // may be null: surnames alone match nothing
};

FoldedList FoldAll(const std::vector<Person>& people) {
  FoldedList out;
  for (const Person& p : people) out.Add(p.name);
  return out;
}

// Two spellings of one member: keep the one with more separators
// ("Marie-Cécile" over "MarieCécile"). `kept_folded` follows the kept name.
void KeepBetterSpelling(Person* kept, std::string* kept_folded, const Person& other,
                        const std::string& other_folded) {
  if (other.name.size() > kept->name.size() && other_folded != *kept_folded &&
      SameMember(other_folded, *kept_folded)) {
    kept->name = other.name;
    *kept_folded = other_folded;
  }
}

// The word before `pos` on its line starts with a capital ("SOLER", "Marc").
bool AfterCapitalisedWord(std::string_view zone, size_t pos) {
  size_t e = pos;
  while (e > 0 && IsBlank(zone[e - 1])) --e;
  size_t b = e;
  while (b > 0 && !IsBlank(zone[b - 1]) && zone[b - 1] != '\n') --b;
  return b < e && StartsUpper(zone.substr(b, e - b));
}

}  // namespace

std::string BlankMarginFields(std::string_view zone, const PatternSet& patterns) {
  std::string out(zone);
  for (const Match& m : patterns["margin_field"].FindAll(zone)) {
    // "Présents : 18 MM Herbel, Petitpas": a count heading its own list;
    // only the figure goes, the heading stays.
    size_t from = m.begin();
    std::string_view after = zone.substr(m.end(), std::min<size_t>(200, zone.size() - m.end()));
    std::string_view line = after.substr(0, after.find('\n'));
    // Mid-line, a capitalised heading after a name too ("… Marc SOLER
    // Absents : 2 Luc SIMON", a flattened page); after a word of a sentence
    // ("sous la présidence de Présents : 9 …", a margin run into the text)
    // it is the margin's count.
    // The count's label may be the end of a longer heading ("Absents et
    // procurations : 2"): the heading starts up to two words before it.
    Match heading;
    size_t head = m.begin();
    bool list_heading = false;
    for (int words = 0; words <= 2 && !list_heading; ++words) {
      list_heading = (AtBoundary(zone, head) ||
                      (StartsUpper(zone.substr(head)) && AfterCapitalisedWord(zone, head))) &&
                     patterns["attendance_heading"].MatchAt(zone, &heading, head) &&
                     heading.end() > m.begin();
      size_t w = head;
      while (w > 0 && IsBlank(zone[w - 1])) --w;
      if (w == head || w == 0) break;
      while (w > 0 && !IsBlank(zone[w - 1]) && zone[w - 1] != '\n') --w;
      if (!list_heading) head = w;
    }
    if (list_heading && (ReadCivility(line).length > 0 || ReadPerson(line))) {
      size_t colon = zone.rfind(':', m.end());
      if (colon != std::string_view::npos && colon >= m.begin()) from = colon + 1;
    }
    for (size_t i = from; i < m.end(); ++i) {
      if (out[i] != '\n') out[i] = ' ';
    }
  }
  return out;
}

// The count that closes a list ("…, Mme Jade MOREAU (21)."), when the list
// read as many people, give or take the one or two a heading leaves out (the
// president named above it): a figure in parentheses that is far from the
// list's length is something else (a footnote, an age, a ward).
std::optional<int> ClosingCount(std::string_view list, size_t people) {
  std::string_view t = Trim(list);
  while (!t.empty() && (t.back() == '.' || t.back() == ';' || IsBlank(t.back())))
    t.remove_suffix(1);
  if (t.size() < 3 || t.back() != ')') return std::nullopt;
  size_t open = t.rfind('(');
  if (open == std::string_view::npos || open == 0 || t[open - 1] != ' ') return std::nullopt;
  std::string_view digits = Trim(t.substr(open + 1, t.size() - open - 2));
  if (digits.empty() || digits.size() > 3 ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  int n = std::stoi(std::string(digits));
  if (people < 2 || n < static_cast<int>(people) || n > static_cast<int>(people) + 2)
    return std::nullopt;
  return n;
}

// OCR reads a capital I as a bar: "|.MEJEAN" is the initial "I.", not a
// table cell's border (a bar then a full stop and a capital, after a space
// or a line's start). Byte for byte, so offsets stay.
namespace {

std::string BarsReadAsInitials(std::string_view zone) {
  std::string s(zone);
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    if (s[i] == '|' && s[i + 1] == '.' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\n') &&
        s[i + 2] >= 'A' && s[i + 2] <= 'Z')
      s[i] = 'I';
  }
  return s;
}

}  // namespace

// An absentee grid, as a table exported to text gives it (cells parted by
// ";", see normalize/): a header row that names its columns ("Délégué ;
// Absent ; Sans pouvoir ; Suppléé par ; Procuration à"), then a row a
// member, the name first, then a mark ("X") or a name in the columns that
// apply. A name under "Procuration à" (or "Pouvoir à", "Mandataire") holds
// the member's proxy; under "Suppléé par" (or "Remplacé par") the member is
// absent and the substitute present; a mark under "Excusé" makes the member
// excused, any other mark absent. A row with nothing marked says nothing.
void ReadAbsenteeGrid(std::string_view zone, Lists* lists) {
  enum class Column { kOther, kMark, kExcused, kProxy, kSubstitute };
  auto cells_of = [](std::string_view line) {
    std::vector<std::string_view> cells;
    for (size_t b = 0;;) {
      size_t e = line.find(';', b);
      cells.push_back(
          Trim(line.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b)));
      if (e == std::string_view::npos) break;
      b = e + 1;
    }
    return cells;
  };
  auto is_mark = [](std::string_view cell) {
    std::string f = Fold(cell);
    return f == "x" || f == "oui" || cell == "✓" || cell == "✔" || cell == "☒";
  };
  std::vector<Column> columns;  // of the grid being read; empty between grids
  for (size_t i = 0; i < zone.size();) {
    size_t nl = zone.find('\n', i);
    if (nl == std::string_view::npos) nl = zone.size();
    std::string_view line = zone.substr(i, nl - i);
    i = nl + 1;
    if (line.find(';') == std::string_view::npos) {
      columns.clear();
      continue;
    }
    // A header row names an "Absent" column; other lines are rows of the
    // grid being read, or nothing.
    bool names_absent = line.find("bsent") != std::string_view::npos ||
                        line.find("BSENT") != std::string_view::npos;
    if (columns.empty() && !names_absent) continue;
    std::vector<std::string_view> cells = cells_of(line);
    // A header row: an "Absent" column and one that tells how.
    std::vector<Column> header;
    bool absent = false, how = false;
    for (std::string_view c : cells) {
      std::string f = Fold(c);
      Column col = Column::kOther;
      if (f.rfind("procuration", 0) == 0 || f.rfind("pouvoir", 0) == 0 ||
          f.rfind("mandataire", 0) == 0) {
        col = Column::kProxy;
      } else if (f.rfind("supplee", 0) == 0 || f.rfind("remplace", 0) == 0) {
        col = Column::kSubstitute;
      } else if (f.rfind("excuse", 0) == 0) {
        col = Column::kExcused;
      } else if (f.rfind("absent", 0) == 0 || f.rfind("sans pouvoir", 0) == 0) {
        col = Column::kMark;
        absent = absent || f.rfind("absent", 0) == 0;
      }
      how = how || col == Column::kProxy || col == Column::kSubstitute || col == Column::kExcused;
      header.push_back(col);
    }
    if (names_absent && absent && how && cells.size() >= 3) {
      columns = std::move(header);
      continue;
    }
    if (columns.empty()) continue;
    std::optional<Person> member = ReadWholePerson(cells[0]);
    if (!member) continue;
    std::optional<Person> holder, substitute;
    bool marked = false, excused = false;
    for (size_t k = 1; k < cells.size() && k < columns.size(); ++k) {
      if (cells[k].empty()) continue;
      if (columns[k] == Column::kProxy || columns[k] == Column::kSubstitute) {
        std::optional<Person> p = ReadWholePerson(cells[k]);
        (columns[k] == Column::kProxy ? holder : substitute) = p;
        marked = marked || p.has_value();
      } else if (is_mark(cells[k])) {
        marked = true;
        excused = excused || columns[k] == Column::kExcused;
      }
    }
    if (holder) {
      lists->represented.push_back({*member, holder});
    } else if (substitute) {
      lists->present.push_back(*substitute);
      lists->absent.push_back(*member);
    } else if (excused) {
      lists->excused.push_back(*member);
    } else if (marked) {
      lists->absent.push_back(*member);
    }
  }
}

Attendance ExtractAttendance(std::string_view raw_zone, const PatternSet& patterns) {
  std::string repaired = BarsReadAsInitials(raw_zone);
  std::string_view zone = repaired;
  Utf8Checked valid_zone(zone);  // the lists are read in pieces of it
  std::vector<Heading> headings = FindHeadings(zone, patterns);
  // A list ends at the first stop after its start: a list_stop match (as
  // FindAll gives them) or the next heading. The matches are found only as
  // far as a list asks: most of a long preamble lies past its lists.
  MatchCursor stop_matches(patterns["list_stop"], zone);
  std::vector<size_t> stops;  // the begins of the matches found so far
  bool stops_done = false;
  auto first_stop_after = [&](size_t start) {
    Match m;
    while (!stops_done && (stops.empty() || stops.back() <= start)) {
      if (stop_matches.Next(&m)) {
        stops.push_back(m.begin());
      } else {
        stops_done = true;
      }
    }
    auto stop = std::upper_bound(stops.begin(), stops.end(), start);
    size_t at = stop == stops.end() ? zone.size() : *stop;
    for (const Heading& h : headings) {
      if (h.begin > start) return std::min(at, h.begin);
    }
    return at;
  };

  Lists lists;
  ItemReader reader(patterns);
  std::optional<int> closing_present, closing_represented;
  for (const Heading& h : headings) {
    size_t start = ListStart(zone, h);
    size_t limit = first_stop_after(start);
    // Past empty lines and sub-headings, never past the next heading.
    start = std::min(SkipToItems(zone, start), limit);
    limit = std::min(limit, start + 4000);
    size_t end = ListEnd(zone, start, limit, h.kind, patterns, &reader);
    std::string_view list = zone.substr(start, end - start);
    bool flattened = list.find('|') != std::string_view::npos;
    size_t before = h.kind == ListKind::kPresent ? lists.present.size() : lists.represented.size();
    ReadList(list, h.kind, flattened, &reader, &lists);
    size_t read =
        (h.kind == ListKind::kPresent ? lists.present.size() : lists.represented.size()) - before;
    if (auto n = ClosingCount(list, read)) {
      if (h.kind == ListKind::kPresent && !closing_present) closing_present = n;
      if (h.kind == ListKind::kRepresented && !closing_represented) closing_represented = n;
    }
  }
  // A register without headings: "Mme ROUX, M. BLANC et M. VIDAL, soit 3
  // élus, se sont déplacés." The list is the sentence before those words,
  // from its start, and must open with a person.
  if (headings.empty()) {
    for (const Match& m : patterns["list_then_status"].FindAll(zone)) {
      size_t start = SentenceStart(zone, m.begin());
      if (start == std::string_view::npos) continue;
      std::string_view list = zone.substr(start, m.begin() - start);
      size_t first = std::min(list.find(','), list.find(" et "));
      if (!WholePerson(CleanItem(list.substr(0, first)))) continue;
      ReadList(list, m.has("present") ? ListKind::kPresent : ListKind::kRepresented,
               /*flattened=*/false, &reader, &lists);
    }
  }
  // "M. Didier MOURRE donne procuration à Mme le Maire." on its own line.
  // A line that a list already read holds is no proxy of its own: "NABAIS
  // RAMOS\nManuel (donne procuration à X)", a name wrapped in an Excusés
  // list, gives the same proxy with the end of the name only.
  for (const Match& m : patterns["proxy_line"].FindAll(zone)) {
    // A sentence, not a member: words in lower case that are no particle.
    int lower = 0;
    for (std::string_view w : Words(m["member"])) {
      if (StartsLower(w) && !IsParticle(w) && w.rfind("d'", 0) != 0) ++lower;
    }
    if (lower > 1) continue;
    const ItemReading& r = reader.Read(m["item"], ListKind::kRepresented);
    if (r.kind != ItemReading::kProxy) continue;
    bool wrapped =
        std::any_of(lists.represented.begin(), lists.represented.end(), [&](const ProxyGrant& g) {
          const std::string& whole = g.member.name;
          const std::string& part = r.person.name;
          return g.holder && r.holder && SameName(g.holder->name, r.holder->name) &&
                 whole.size() > part.size() + 1 &&
                 whole.compare(whole.size() - part.size(), part.size(), part) == 0 &&
                 whole[whole.size() - part.size() - 1] == ' ';
        });
    if (!wrapped) lists.represented.push_back({r.person, r.holder});
  }
  ReadAbsenteeGrid(zone, &lists);
  // "Maryline : absente non excusée"
  for (const Match& m : patterns["status_after_name"].FindAll(zone)) {
    auto p = WholePerson(CollapseSpace(m["name"]));
    if (!p) continue;
    if (m.has("excused") && !m.has("absent")) {
      lists.excused.push_back(*p);
    } else {
      lists.absent.push_back(*p);
    }
  }

  // One list per member: present, then represented, excused, absent.
  Attendance a;
  a.present_count = closing_present;
  a.represented_count = closing_represented;
  // Each name folded once.
  FoldedList listed_present = FoldAll(lists.present), listed_represented,
             listed_excused = FoldAll(lists.excused), listed_absent = FoldAll(lists.absent);
  for (const ProxyGrant& g : lists.represented) listed_represented.Add(g.member.name);
  std::vector<std::string> all_folded;
  for (const FoldedList* l :
       {&listed_present, &listed_represented, &listed_excused, &listed_absent})
    all_folded.insert(all_folded.end(), l->begin(), l->end());
  const SurnameCounts surnames = CountSurnames(all_folded);
  FoldedList present(&surnames), represented(&surnames), excused(&surnames), absent(&surnames);
  for (size_t k = 0; k < lists.present.size(); ++k) {
    const std::string& f = listed_present[k];
    if (present.Has(f)) continue;
    a.present.push_back(lists.present[k]);
    present.AddFolded(f);
  }
  for (size_t k = 0; k < lists.represented.size(); ++k) {
    const std::string& f = listed_represented[k];
    if (present.Has(f) || represented.Has(f)) continue;
    a.represented.push_back(lists.represented[k]);
    represented.AddFolded(f);
  }
  // A represented member named by the surname alone, whole in another list:
  // the whole name.
  for (ProxyGrant& g : a.represented) {
    std::string f = Fold(g.member.name);
    if (f.find(' ') != std::string::npos) continue;
    for (auto [list, folded] : {std::make_pair(&lists.excused, &listed_excused),
                                std::make_pair(&lists.absent, &listed_absent)}) {
      for (size_t k = 0; k < list->size(); ++k) {
        if (!SurnameAloneOf(f, (*folded)[k], surnames)) continue;
        g.member.name = (*list)[k].name;
        if (!g.member.civility) g.member.civility = (*list)[k].civility;
      }
    }
  }
  for (size_t i = 0; i < a.present.size(); ++i) {
    for (size_t k = 0; k < lists.represented.size(); ++k)
      KeepBetterSpelling(&a.present[i], &present[i], lists.represented[k].member,
                         listed_represented[k]);
    for (size_t k = 0; k < lists.excused.size(); ++k)
      KeepBetterSpelling(&a.present[i], &present[i], lists.excused[k], listed_excused[k]);
    for (size_t k = 0; k < lists.absent.size(); ++k)
      KeepBetterSpelling(&a.present[i], &present[i], lists.absent[k], listed_absent[k]);
  }
  for (size_t k = 0; k < lists.excused.size(); ++k) {
    const std::string& f = listed_excused[k];
    if (present.Has(f) || represented.Has(f) || excused.Has(f)) continue;
    a.excused.push_back(lists.excused[k]);
    excused.Add(lists.excused[k].name);
  }
  for (size_t k = 0; k < lists.absent.size(); ++k) {
    const std::string& f = listed_absent[k];
    if (present.Has(f) || represented.Has(f) || excused.Has(f) || absent.Has(f)) continue;
    a.absent.push_back(lists.absent[k]);
    absent.Add(lists.absent[k].name);
  }
  return a;
}

}  // namespace delibex
