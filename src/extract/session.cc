#include "extract/session.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/text.h"
#include "extract/attendance.h"
#include "extract/dates.h"
#include "people/persons.h"

namespace delibex {

namespace {

constexpr size_t npos = std::string_view::npos;

// A figure as printed, OCR confusions in figures repaired ("2l" -> 21).
std::optional<int> ParseCount(std::string_view s) {
  std::string digits;
  for (char c : s) {
    if (c >= '0' && c <= '9')
      digits += c;
    else if (c == 'l' || c == 'I')
      digits += '1';
    else if (c == 'O')
      digits += '0';
  }
  if (!digits.empty() && digits.size() <= 4) return std::stoi(digits);
  return ParseFrenchNumber(s);
}

// Where a value was read, for the record's provenance.
void NoteSource(Record* r, std::string field, size_t begin, size_t end) {
  FieldSource f;
  f.field = std::move(field);
  f.begin = begin;
  f.end = end;
  r->provenance.push_back(std::move(f));
}

// The first count `p` states in `text`; its place noted as `field`.
std::optional<int> FirstCount(const Pattern& p, std::string_view text, Record* r,
                              const char* field) {
  Match m;
  if (!p.Find(text, &m)) return std::nullopt;
  const char* group = m.has("n") ? "n" : m.has("n2") ? "n2" : m.has("n3") ? "n3" : "n4";
  std::optional<int> n = ParseCount(m[group]);
  if (n) NoteSource(r, field, m.group_begin(group), m.group_end(group));
  return n;
}

// ----- assembly and authority -----

struct AssemblyFound {
  std::string name;
  std::string kind;
};

std::optional<AssemblyFound> FindAssembly(std::string_view text, size_t zone_end,
                                          const PatternSet& patterns) {
  auto read = [&](std::string_view t) -> std::optional<AssemblyFound> {
    Match m;
    if (!patterns["assembly"].Find(t, &m)) return std::nullopt;
    if (m.has("cp")) {
      // A région has a commission permanente too.
      // Whichever body the text names first.
      Match r, d;
      bool regional = patterns["regional_body"].Find(text, &r);
      if (regional && patterns["departmental_body"].Find(text, &d) && d.begin() < r.begin())
        regional = false;
      return AssemblyFound{"commission permanente", regional ? "region" : "departement"};
    }
    if (m.has("cm")) return AssemblyFound{"conseil municipal", "commune"};
    if (m.has("cc")) return AssemblyFound{"conseil communautaire", "epci"};
    if (m.has("cs")) return AssemblyFound{"comité syndical", "syndicat"};
    if (m.has("cd")) return AssemblyFound{"conseil départemental", "departement"};
    if (m.has("cg")) return AssemblyFound{"conseil général", "departement"};
    if (m.has("cr")) return AssemblyFound{"conseil régional", "region"};
    if (m.has("ca")) return AssemblyFound{"conseil d'administration", ""};
    // An arrondissement's council is a body of its commune.
    if (m.has("ar")) return AssemblyFound{"conseil d'arrondissement", "commune"};
    std::string f = Fold(m.text());
    return AssemblyFound{"bureau", f.find("syndical") != npos ? "syndicat" : "epci"};
  };
  if (auto a = read(text.substr(0, zone_end))) return a;
  return read(text);
}

// Words that end an authority's name when they follow it.
bool EndsAuthorityName(const std::string& folded) {
  static const char* const kWords[] = {
      "reunion", "seance", "compte", "proces", "conseil", "comite", "deliberation", "extrait",
      "registre", "ordre", "presents", "republique", "departement", "arrondissement", "canton",
      "expose", "convocation", "date", "objet", "le", "la", "les", "du", "de", "des", "l", "d",
      "et", "en", "sur", "mairie", "commission", "session", "nombre", "approbation", "commune",
      "communes", "procesverbal",
      // the heading of a part of the agenda, in a flattened page
      "subventions", "finances", "travaux", "personnel", "urbanisme", "voirie", "affaires",
      "questions", "informations", "cr", "pv", "annee", "president", "maire", "siren", "siret",
      "insee", "code", "tel", "telephone", "adresse", "email", "rue", "siege", "direction",
      "service", "services", "secretariat", "cabinet", "avenue", "bp", "cedex"};
  for (const char* w : kWords) {
    if (folded == w) return true;
  }
  return false;
}

// Collapses and trims a name: stops at a word that starts another part of
// the text, drops trailing particles.
std::string CleanAuthorityName(std::string_view raw, size_t keep_words = 0) {
  std::string s = CollapseSpace(raw);
  std::vector<std::string> words;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string::npos) j = s.size();
    words.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  std::vector<std::string> kept;
  for (size_t k = 0; k < words.size(); ++k) {
    std::string f = Fold(words[k]);
    f = f.substr(0, f.find(' '));  // "PROCÈS-VERBAL" -> "proces"
    bool particle = f == "de" || f == "du" || f == "des" || f == "la" || f == "le" || f == "les" ||
                    f == "l" || f == "d" || f == "et" || f == "en" || f == "sur" || f == "aux" ||
                    f == "au" || f == "lez" || f == "les";
    if (k >= keep_words && !particle && EndsAuthorityName(f)) break;
    if (k >= keep_words && particle && StartsUpper(words[k]) && k > keep_words &&
        IsAllUpper(words[k]) == false)
      break;  // "Le" or "La" capitalised after the name starts a sentence
    kept.push_back(words[k]);
  }
  while (!kept.empty()) {
    std::string f = Fold(kept.back());
    bool particle = f == "de" || f == "du" || f == "des" || f == "la" || f == "le" || f == "les" ||
                    f == "l" || f == "d" || f == "et" || f == "en" || f == "sur" || f == "pour" ||
                    f == "a";
    std::string& w = kept.back();
    while (!w.empty() && (w.back() == ',' || w.back() == '.' || w.back() == ':')) w.pop_back();
    if (particle || w.empty()) {
      kept.pop_back();
    } else {
      break;
    }
  }
  std::string out;
  for (const std::string& w : kept) {
    if (!out.empty() && !(out.back() == '\'' || out.back() == '-')) out += ' ';
    out += w;
  }
  return out;
}

// The most named of the candidates (folded), the first on a tie.
std::optional<std::string> MostNamed(const std::vector<std::string>& names) {
  std::map<std::string, int> count;
  for (const std::string& n : names) ++count[Fold(n)];
  std::optional<std::string> best;
  int best_n = 0;
  for (const std::string& n : names) {
    int c = count[Fold(n)];
    if (c > best_n) {
      best = n;
      best_n = c;
    }
  }
  return best;
}

std::optional<std::string> FindAuthorityName(std::string_view text, size_t zone_end,
                                             const std::string& kind, const PatternSet& patterns) {
  std::vector<std::string> names;
  if (kind == "commune") {
    for (const Match& m : patterns["authority_commune"].FindAll(text)) {
      // "le conseil municipal de X" names the commune in the session part;
      // further on it may be a neighbour's council.
      bool by_council = !m.has("head") && !m.has("head2") && !m.has("head3");
      if (by_council && m.begin() >= zone_end) continue;
      std::string n = CleanAuthorityName(m["name"]);
      if (n.empty() || !StartsUpper(n)) continue;
      names.push_back("Commune de " + n);
    }
    Match m;
    if (names.empty() &&
        patterns["authority_mairie_letterhead"].Find(text.substr(0, zone_end), &m)) {
      std::string n = CleanAuthorityName(m["name"]);
      if (!n.empty()) names.push_back("Commune de " + n);
    }
  } else if (kind == "departement") {
    for (const Match& m : patterns["authority_departement"].FindAll(text)) {
      std::string n = CleanAuthorityName(m["name"]);
      if (n.empty()) continue;
      std::string prep = Fold(m["prep"]);
      std::string p = prep == "de la"  ? "de la "
                      : prep == "de l" ? "de l'"
                      : prep == "du"   ? "du "
                      : prep == "des"  ? "des "
                      : prep == "d"    ? "d'"
                                       : "de ";
      names.push_back("Département " + p + n);
    }
  } else if (kind == "region") {
    for (const Match& m : patterns["authority_region"].FindAll(text)) {
      std::string n = CleanAuthorityName(m["name"]);
      if (!n.empty()) names.push_back("Région " + n);
    }
  } else if (kind == "epci") {
    for (const Match& m : patterns["authority_epci"].FindAll(text)) {
      // The generic head ("Communauté de communes") and at least one word of
      // the body's own name.
      std::string n = CleanAuthorityName(m["name"], 3);
      if (std::count(n.begin(), n.end(), ' ') >= 3) names.push_back(n);
    }
  } else if (kind == "syndicat") {
    for (const Match& m : patterns["authority_syndicat"].FindAll(text)) {
      std::string n = CleanAuthorityName(m["name"], 1);
      std::string f = Fold(n);
      if (f.rfind("siren", 0) == 0 || f.find(' ') == npos) continue;
      names.push_back(n);
    }
  } else if (kind == "ccas") {
    // "CCAS de X", "C.C.A.S. de X": the full name, "Centre communal
    // d'action sociale de X".
    for (const Match& m : patterns["authority_ccas"].FindAll(text)) {
      std::string town = CleanAuthorityName(m["town"]);
      if (town.empty()) continue;
      std::string prep = Fold(m["prep"]);
      names.push_back("Centre communal d'action sociale " +
                      std::string(prep == "d"    ? "d'"
                                  : prep == "du" ? "du "
                                                 : "de ") +
                      town);
    }
  }
  return MostNamed(names);
}

// ----- the sitting -----

struct DatedSitting {
  DateMention date;
  size_t lead = 0;  // where the sentence that dates it starts
};

// The matches of a pattern over a text, as FindAll gives them, found only as
// far as asked: FindAll's matches that start at or before the limit are
// found with the pattern searched up to the limit, no further.
class MatchesUpTo {
 public:
  MatchesUpTo(const Pattern& p, std::string_view text) : p_(p), text_(text) {}
  // Holds every match that starts at or before `limit` (and may hold later
  // ones). Limits may come in any order.
  const std::vector<Match>& UpTo(size_t limit) {
    Match m;
    while (!done_ && next_ <= limit && p_.FindBefore(text_, &m, next_, limit)) {
      size_t next = m.end() > m.begin() ? m.end() : m.begin() + 1;
      while (next < text_.size() && (static_cast<unsigned char>(text_[next]) & 0xC0) == 0x80)
        ++next;  // a whole character after an empty match, as FindAll
      found_.push_back(m);
      next_ = next;
      done_ = next_ > text_.size();
    }
    return found_;
  }

 private:
  const Pattern& p_;
  std::string_view text_;
  std::vector<Match> found_;
  size_t next_ = 0;  // where the search goes on
  bool done_ = false;
};

// The date of earlier minutes that this sitting approves ("Approbation du
// compte rendu de la séance du 2 février 2022", "Le procès-verbal de la
// séance du 2 février est adopté"): the minutes named just before the lead,
// their approval on the same line before it or in the rest of the sentence.
// A heading ("COMPTE RENDU DE LA SÉANCE DU 9 MARS 2022") approves nothing.
bool DatesApprovedMinutes(std::string_view text, size_t lead, size_t date_end,
                          const PatternSet& patterns) {
  // Windows start on a character's first byte: the patterns read UTF-8.
  auto whole_char = [&](size_t at) {
    while (at < lead && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
    return at;
  };
  Match m;
  size_t near = whole_char(lead > 30 ? lead - 30 : 0);
  if (!patterns["minutes_named"].Find(text.substr(near, lead - near), &m)) return false;
  size_t line = text.rfind('\n', lead);
  line = line == npos ? 0 : line + 1;
  line = std::max(line, whole_char(lead > 120 ? lead - 120 : 0));
  size_t stop = text.find_first_of(".\n", date_end);
  stop = std::min({stop == npos ? text.size() : stop, date_end + 80, text.size()});
  const Pattern& approved = patterns["minutes_approved"];
  return approved.Find(text.substr(line, lead - line), &m) ||
         approved.Find(text.substr(date_end, stop - date_end), &m);
}

// The sentence that dates the sitting: of the dates that open with a lead
// ("Séance du", "L'an ... le"), the last before the attendance lists, else
// the first. Dates come in order, so the leads are searched only as far as
// the dates that decide.
std::optional<DatedSitting> FindSessionDate(std::string_view text, size_t attendance_at,
                                            DateStream* dates, const PatternSet& patterns) {
  MatchesUpTo leads(patterns["session_date_lead"], text);
  MatchesUpTo openings(patterns["session_date_opening"], text);
  Match an;
  auto dated = [&](const DateMention& d) -> std::optional<DatedSitting> {
    bool dated = false;
    size_t lead = d.begin;
    // A match that ends at the date starts at or before it.
    for (const Match& l : leads.UpTo(d.begin)) {
      if (l.end() == d.begin) {
        dated = true;
        lead = l.begin();
        break;
      }
    }
    if (!dated && patterns["date_an"].MatchAt(text, &an, d.begin)) dated = true;
    if (!dated) {
      for (const Match& o : openings.UpTo(d.begin)) {
        if (o.end() == d.begin) {
          dated = true;
          lead = o.begin();
        }
      }
    }
    if (!dated || DatesApprovedMinutes(text, lead, d.end, patterns)) return std::nullopt;
    return DatedSitting{d, lead};
  };
  std::optional<DatedSitting> first, last_before;
  for (size_t k = 0; const DateMention* at = dates->At(k); ++k) {
    const DateMention& d = *at;
    bool past = attendance_at == npos || d.begin >= attendance_at;
    // Past the attendance only the first candidate counts, when none came
    // before it.
    if (past && (first || last_before)) break;
    std::optional<DatedSitting> c = dated(d);
    if (!c) continue;
    if (!first) first = c;
    if (!past) last_before = c;
  }
  return last_before ? last_before : first;
}

bool PrecededBy(std::string_view text, size_t pos, std::initializer_list<const char*> words) {
  size_t from = pos > 40 ? pos - 40 : 0;
  std::string before = Fold(text.substr(from, pos - from));
  for (const char* w : words) {
    if (before.find(w) != std::string::npos) return true;
  }
  return false;
}

std::optional<TimeMention> FindSessionTime(std::string_view text, size_t zone_end,
                                           const std::optional<DatedSitting>& sitting,
                                           const PatternSet& patterns) {
  std::vector<TimeMention> times = FindTimes(text.substr(0, zone_end), patterns);
  auto usable = [&](const TimeMention& t) {
    return !PrecededBy(text, t.begin,
                       {"levee", "leve", "close", "cloture", "suspendu", "jusqu", "partir de 1",
                        "arrive", "quitte", "depart", "reprise"});
  };
  if (sitting) {
    size_t from = sitting->lead;
    size_t to = sitting->date.end + 400;
    // Not the time of a later day: the date nearest before the time, when
    // it is later than the sitting's, is the time's (the sitting called
    // again: "… de nouveau convoqué, le mercredi 16 mai à 20h30"). The
    // convocation's date, a publication's or the sitting's again may come
    // between.
    auto later_date_before = [&](size_t at) {
      if (at <= sitting->date.end) return false;
      std::vector<DateMention> between =
          FindDates(text.substr(sitting->date.end, at - sitting->date.end), patterns);
      return !between.empty() && between.back().iso > sitting->date.iso;
    };
    for (const TimeMention& t : times) {
      if (t.begin >= from && t.begin < to && usable(t)) {
        if (later_date_before(t.begin)) break;
        return t;
      }
    }
  }
  // "Le Maire ouvre la séance il est 9h30", "la séance est ouverte à 18h".
  for (const TimeMention& t : times) {
    size_t from = t.begin > 80 ? t.begin - 80 : 0;
    std::string before = Fold(text.substr(from, t.begin - from));
    if ((before.find("ouvre la seance") != npos || before.find("seance est ouverte") != npos ||
         before.find("ouverture de la seance") != npos) &&
        usable(t))
      return t;
  }
  return std::nullopt;
}

std::optional<std::string> FindPlace(std::string_view text, const std::optional<DatedSitting>& s,
                                     const PatternSet& patterns) {
  if (!s) return std::nullopt;
  size_t from = s->lead > 100 ? s->lead - 100 : 0;
  size_t to = std::min(text.size(), s->date.end + 400);
  std::string_view window = text.substr(from, to - from);
  Match m;
  size_t at = from;
  // Matches may run past the window: a place is not cut at its edge. Only
  // matches that start in it are read, so none is looked for past it.
  while (at < to && patterns["session_place"].FindBefore(text, &m, at, to - 1)) {
    at = m.end();
    std::string_view place = m["place"];
    Match e;
    if (patterns["place_end"].Find(place, &e)) place = place.substr(0, e.begin());
    std::string p = CollapseSpace(place);
    while (!p.empty() && (p.back() == ' ' || p.back() == '-' || p.back() == ',')) p.pop_back();
    // "hall d'accueil de l'Hôtel du Département – 39, rue ..." is an address.
    if (p.find(" – ") != std::string::npos || p.size() > 90 || p.size() < 5) continue;
    size_t start = m.begin();
    // The place is in the sentence of the sitting: a verb of meeting before it.
    std::string before =
        Fold(text.substr(start > 120 ? start - 120 : 0, std::min<size_t>(start, 120)));
    if (before.find("reuni") == npos && before.find("tenu") == npos &&
        before.find("seance") == npos && before.find("convoque") == npos)
      continue;
    return p;
  }
  if (patterns["session_town"].Find(window, &m)) return std::string(m["town"]);
  return std::nullopt;
}

std::optional<DateMention> FindConvocation(std::string_view text, DateStream* dates,
                                           const std::optional<std::string>& session_date,
                                           const PatternSet& patterns) {
  // The first lead that dates a convocation wins: leads are found one at a
  // time.
  MatchCursor leads(patterns["convocation_lead"], text);
  for (Match l; leads.Next(&l);) {
    // "convoqué le 7 mai," with no year: the sitting's year, or the year
    // before when that date would come after the sitting.
    Match y;
    if (session_date && patterns["date_yearless"].MatchAt(text, &y, l.end())) {
      std::string day = Fold(y["day"]);
      std::optional<int> month = MonthNumber(y["month"]);
      int year = std::stoi(session_date->substr(0, 4));
      if (month && !day.empty() && isdigit(static_cast<unsigned char>(day[0]))) {
        int d = std::stoi(day);
        std::optional<std::string> iso = IsoDate(year, *month, d);
        if (iso && *iso >= *session_date) iso = IsoDate(year - 1, *month, d);
        if (iso) return DateMention{y.begin(), y.end(), *iso};
      }
      continue;
    }
    // Dates come in order: none after the first past the reach counts.
    for (size_t k = 0; const DateMention* at = dates->At(k); ++k) {
      const DateMention& d = *at;
      if (d.begin > l.end() && d.begin - l.end() > 200) break;
      if (d.begin < l.end()) continue;
      // Only white space between, or (a flattened page) no other date
      // between. A convocation precedes the sitting.
      if (session_date && d.iso >= *session_date) break;
      return d;
    }
  }
  return std::nullopt;
}

// ----- people -----

std::optional<Person> ResolveRole(const std::string& key, const Record& r,
                                  const std::vector<RoleTie>& signatures) {
  if (key.empty()) return std::nullopt;
  if (r.president && r.president->title && RoleKey(*r.president->title) == key) return r.president;
  for (const RoleTie& t : signatures) {
    if (t.role == key) {
      Person p = t.person;
      p.title = key == "maire" ? "Maire" : "Président";
      return p;
    }
  }
  for (const Person& p : r.attendance.present) {
    if (p.title && RoleKey(*p.title) == key) return p;
  }
  for (const ProxyGrant& g : r.attendance.represented) {
    if (g.holder && g.holder->title && !g.holder->name.empty() && RoleKey(*g.holder->title) == key)
      return g.holder;
  }
  return std::nullopt;
}

// A word of two letters or more, all capitals: "Anne ROUX".
bool HasCapitalsWord(std::string_view name) {
  size_t i = 0;
  while (i < name.size()) {
    size_t j = name.find(' ', i);
    if (j == std::string_view::npos) j = name.size();
    std::string_view w = name.substr(i, j - i);
    if (w.size() >= 2 && IsAllUpper(w)) return true;
    i = j + 1;
  }
  return false;
}

std::optional<Person> FindPresident(std::string_view text, const PatternSet& patterns) {
  Match m;
  if (!patterns["presidency_lead"].Find(text, &m)) return std::nullopt;
  std::string after = CollapseSpace(text.substr(m.end(), 240));
  std::string_view a(after);
  // "du Maire, Jean-Marc DUMONT", "de Madame la Maire, Anne ROUX"
  size_t civ = ReadCivility(a).length;
  std::string_view rest = a.substr(civ);
  for (const char* role : {"Maire", "maire", "Président", "président", "Présidente"}) {
    for (const char* art : {"", "le ", "la ", "son ", "sa "}) {
      std::string head = std::string(art) + role;
      if (rest.rfind(head, 0) != 0) continue;
      bool whole_word =
          rest.size() == head.size() || rest[head.size()] == ' ' || rest[head.size()] == ',';
      if (whole_word) {
        // The holder after the role, after a comma or not ("de son maire
        // Madame Anne ROUX"): without a comma, only a civility or a name in
        // capitals is a person ("le Maire Assisté de ..." is not).
        std::string_view r2 = Trim(rest.substr(head.size()));
        bool comma = !r2.empty() && r2[0] == ',';
        if (comma) r2.remove_prefix(1);
        auto p = ReadPerson(r2);
        if (p && !comma && !p->person.civility && !HasCapitalsWord(p->person.name)) p.reset();
        if (p) {
          Person person = p->person;
          if (!person.title)
            person.title = role[0] == 'M' || role[0] == 'm' ? "Maire" : "Président";
          return person;
        }
      }
    }
  }
  if (auto p = ReadPerson(a)) {
    // "M. Claude RISCH – Maire", "Monsieur Paul GOSSET Maire.": the role
    // without a comma.
    if (!p->person.title) p->person.title = ReadRoleAfterName(p->rest);
    return p->person;
  }
  return std::nullopt;
}

// "M. Paul ROUX, Maire, préside la séance", "Monsieur le Maire, Paul ROUX,
// ouvre la séance": the sentence before the verb is one person (a role
// before or after the name), nothing else.
std::optional<Person> FindPresidentNamedBefore(std::string_view text, const PatternSet& patterns) {
  MatchCursor verbs(patterns["presides_named_before"], text);  // the first that reads wins
  for (Match m; verbs.Next(&m);) {
    size_t from = m.begin() > 160 ? m.begin() - 160 : 0;
    std::string_view window = text.substr(from, m.begin() - from);
    // The sentence's start: a line break, or a colon, a semicolon or a full
    // stop that ends a word (not a civility, "M.", nor an initial).
    size_t cut = npos;
    for (size_t i = window.size(); i > 0 && cut == npos; --i) {
      char c = window[i - 1];
      if (c == '\n') cut = i;
      if ((c == '.' || c == ':' || c == ';') && i < window.size() && window[i] == ' ') {
        size_t w = i - 1;
        while (w > 0 && window[w - 1] != ' ' && window[w - 1] != '\n') --w;
        std::string_view word = window.substr(w, i - w);
        bool initial = word.size() <= 3 && StartsUpper(word);
        if (c != '.' || (!initial && !ReadCivility(word).civility)) cut = i;
      }
    }
    if (cut == npos && from > 0) continue;
    std::string sentence = CollapseSpace(window.substr(cut == npos ? 0 : cut));
    std::string_view rest = Trim(sentence);
    // The role first: "Monsieur le Maire, Paul ROUX,".
    std::optional<std::string> role;
    size_t comma = rest.find(',');
    if (comma != npos) {
      std::string head = Fold(rest.substr(0, comma));
      for (const char* civ : {"monsieur ", "madame "}) {
        if (head.rfind(civ, 0) == 0) head = head.substr(std::string(civ).size());
      }
      if (head == "le maire" || head == "la maire" || head == "le president" ||
          head == "la presidente") {
        role = head.find("maire") != std::string::npos ? "Maire"
               : head == "la presidente"               ? "Présidente"
                                                       : "Président";
        rest = Trim(rest.substr(comma + 1));
      }
    }
    auto p = ReadPerson(rest);
    if (!p) continue;
    std::string_view left = p->rest;
    while (!left.empty() && (left.front() == ',' || left.front() == ' ')) left.remove_prefix(1);
    if (!left.empty()) continue;
    Person person = p->person;
    if (!person.title) person.title = role;
    return person;
  }
  return std::nullopt;
}

std::optional<Person> FindSecretary(std::string_view text, const PatternSet& patterns) {
  struct Hit {
    size_t at;
    std::optional<Person> person;
  };
  std::vector<Hit> hits;
  Match m;
  MatchCursor labels(patterns["secretary_label"], text);  // the first that reads wins
  for (Match l; labels.Next(&l);) {
    std::string after(text.substr(l.end(), 160));
    Match stop;
    if (patterns["list_stop"].Find(after, &stop)) after = after.substr(0, stop.begin());
    size_t blank = after.find("\n\n");
    if (blank != std::string::npos) after = after.substr(0, blank);
    // A whole name on the label's line ends with it ("… : Aurélie Sauze" /
    // "Délégation de service public …"); a surname alone there may have its
    // first name below ("Mme BROCA - LANNAUD" / "Marie - Thérèse"). An
    // initial glued to its surname ("S.MEARY") is a whole name too.
    size_t nl = after.find('\n');
    if (nl != std::string::npos) {
      auto on_line = ReadPerson(CollapseSpace(after.substr(0, nl)));
      if (on_line && on_line->person.name.find_first_of(" .") != std::string::npos)
        after = after.substr(0, nl);
    }
    if (auto p = ReadPerson(CollapseSpace(after))) {
      hits.push_back({l.begin(), p->person});
      break;
    }
  }
  // A hit found earlier in the text wins: the patterns below are only looked
  // for up to it.
  auto up_to_first_hit = [&](const Pattern& p) {
    if (hits.empty()) return p.Find(text, &m);
    return p.FindBefore(text, &m, 0, hits.front().at);
  };
  // "… pour remplir ces fonctions": which functions, the words before say.
  auto names_the_secretary_before = [&](const Match& f) {
    if (!f.has("these")) return true;
    size_t from = f.begin() > 300 ? f.begin() - 300 : 0;
    return Fold(text.substr(from, f.begin() - from)).find("secretaire") != std::string::npos;
  };
  if (up_to_first_hit(patterns["secretary_named_before"]) && names_the_secretary_before(m)) {
    // The name just before the verb, read in a small window.
    size_t from = m.begin() > 120 ? m.begin() - 120 : 0;
    std::string_view window = text.substr(from, m.begin() - from);
    size_t line = window.rfind('\n');
    if (line != std::string_view::npos) window = window.substr(line + 1);
    Match who;
    if (patterns["secretary_who_before"].Find(window, &who)) {
      // The name whole when it is ("DUVERGER Marie Odile"), else its start.
      std::string name = CollapseSpace(who["who"]);
      if (auto whole = ReadWholePerson(name)) {
        hits.push_back({m.begin(), *whole});
      } else if (auto p = ReadPerson(name)) {
        hits.push_back({m.begin(), p->person});
      }
    }
  }
  if (up_to_first_hit(patterns["secretary_named_after"])) {
    std::string_view who = m.has("who") ? m["who"] : m["who2"];
    if (auto p = ReadPerson(CollapseSpace(who))) hits.push_back({m.begin(), p->person});
  }
  if (hits.empty()) return std::nullopt;
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.at < b.at; });
  Person p = *hits.front().person;
  p.title.reset();
  return p;
}

}  // namespace

bool ValidSiren(std::string_view d) {
  if (d.size() != 9) return false;
  int sum = 0;
  for (int i = 0; i < 9; ++i) {
    if (d[i] < '0' || d[i] > '9') return false;
    int v = d[i] - '0';
    if (i % 2 == 1) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
  }
  return sum % 10 == 0;
}

void ExtractSession(const Sections& sections, const PatternSet& patterns, Record* r) {
  std::string_view text = sections.text;
  size_t zone_end = sections.session_end;
  std::string_view zone = text.substr(0, zone_end);

  // Assembly and authority.
  std::optional<AssemblyFound> assembly = FindAssembly(text, zone_end, patterns);
  std::string kind = assembly ? assembly->kind : "";
  if (assembly) r->assembly = assembly->name;
  if (assembly && assembly->name == "conseil d'administration") {
    Match m;
    kind = patterns["ccas_named"].Find(text, &m) ? "ccas" : "other";
  }
  if (kind.empty() || kind == "other") {
    // No assembly named: the collectivity may still be ("COMMUNE DE X",
    // "SYNDICAT INTERCOMMUNAL DES EAUX …"). The one named first heads the
    // text; communes named further on are members ("Commune de X :" over
    // its delegates).
    static const std::pair<const char*, const char*> kBodies[] = {
        {"authority_commune", "commune"},
        {"authority_syndicat", "syndicat"},
        {"authority_epci", "epci"}};
    size_t first = npos;
    for (const auto& [name, body_kind] : kBodies) {
      Match m;
      if (!patterns[name].Find(zone, &m) || m.begin() >= first) continue;
      // An acronym alone may be any word in capitals ("SEANCE DU …").
      if (std::string_view(body_kind) == "syndicat" && Fold(m["name"]).rfind("syndicat", 0) != 0)
        continue;
      {
        first = m.begin();
        kind = body_kind;
      }
    }
  }
  if (!kind.empty()) r->authority.kind = kind;
  r->authority.name = FindAuthorityName(text, zone_end, kind, patterns);
  Match m;
  if (patterns["siren_printed"].Find(text, &m)) {
    std::string digits;
    for (char c : m["siren"]) {
      if (c != ' ') digits += c;
    }
    if (ValidSiren(digits)) {
      r->authority.siren = digits;
      NoteSource(r, "authority.siren", m.group_begin("siren"), m.group_end("siren"));
    }
  }
  if (!r->authority.siren) {
    MatchCursor ids(patterns["ctes_id"], text);  // the first valid SIREN wins
    for (Match id; ids.Next(&id);) {
      if (ValidSiren(id["siren"])) {
        r->authority.siren = std::string(id["siren"]);
        NoteSource(r, "authority.siren", id.group_begin("siren"), id.group_end("siren"));
        break;
      }
    }
  }

  // The sitting.
  // Read only as far as the sitting's date and its convocation ask.
  DateStream dates(text, patterns);
  size_t attendance_at = npos;
  if (patterns["attendance_heading"].Find(zone, &m)) attendance_at = m.begin();
  std::optional<DatedSitting> sitting = FindSessionDate(text, attendance_at, &dates, patterns);
  if (sitting) {
    r->session.date = sitting->date.iso;
    NoteSource(r, "session.date", sitting->date.begin, sitting->date.end);
  }
  if (auto t = FindSessionTime(text, std::max(zone_end, std::min(text.size(), size_t{3000})),
                               sitting, patterns)) {
    r->session.time = t->hhmm;
    NoteSource(r, "session.time", t->begin, t->end);
  }
  r->session.place = FindPlace(text, sitting, patterns);
  if (auto c = FindConvocation(zone.empty() ? text : zone, &dates, r->session.date, patterns)) {
    r->session.convened_on = c->iso;
    NoteSource(r, "session.convened_on", c->begin, c->end);
  }
  if (patterns["session_kind"].Find(zone, &m)) r->session.kind = Fold(m["kind"]);

  // Attendance and counts.
  std::string unmargined = BlankMarginFields(zone, patterns);
  Utf8Checked valid_unmargined(unmargined);
  r->attendance = ExtractAttendance(unmargined, patterns);
  Attendance& a = r->attendance;
  a.in_office = FirstCount(patterns["count_in_office"], zone, r, "attendance.in_office");
  // A stated label wins over a figure closing the list.
  if (auto n = FirstCount(patterns["count_present"], zone, r, "attendance.present_count"))
    a.present_count = n;
  a.voters = FirstCount(patterns["count_voters"], zone, r, "attendance.voters");
  if (!a.voters)
    a.voters = FirstCount(patterns["count_present_or_represented"], zone, r, "attendance.voters");
  if (auto n = FirstCount(patterns["count_represented"], zone, r, "attendance.represented_count"))
    a.represented_count = n;
  r->quorum.required = FirstCount(patterns["quorum_required"], zone, r, "quorum.required");
  if (patterns["quorum_not_reached"].Find(zone, &m)) {
    r->quorum.reached = false;
  } else if (patterns["quorum_reached"].Find(zone, &m)) {
    r->quorum.reached = true;
  }

  // People.
  r->president = FindPresident(zone.empty() ? text : std::string_view(unmargined), patterns);
  if (!r->president)
    r->president =
        FindPresidentNamedBefore(zone.empty() ? text : std::string_view(unmargined), patterns);
  if (!r->president && patterns["opened_by_role"].Find(zone, &m)) {
    std::string key = RoleKey(m.has("role") ? m["role"] : m.has("role2") ? m["role2"] : m["role3"]);
    r->president = ResolveRole(key, *r, sections.signatures);
  }
  r->secretary = FindSecretary(text, patterns);
  // No body named, but the mayor presides: only a commune's council has a
  // mayor in the chair ("sous la présidence de Madame X, Maire").
  if (!r->authority.kind && r->president && r->president->title &&
      Fold(*r->president->title) == "maire")
    r->authority.kind = "commune";
  // The president presides, so is present; a register may leave them out
  // of its list. Added only when the stated count shows exactly them
  // missing ("Présents : 12", eleven names, the mayor presiding), never on
  // a guess.
  if (r->president && !r->president->name.empty() && a.present_count &&
      static_cast<int>(a.present.size()) + 1 == *a.present_count && !a.present.empty()) {
    const std::string& name = r->president->name;
    auto listed = [&](const std::vector<Person>& list) {
      return std::any_of(list.begin(), list.end(),
                         [&](const Person& p) { return SameName(p.name, name); });
    };
    bool proxied = std::any_of(a.represented.begin(), a.represented.end(),
                               [&](const ProxyGrant& g) { return SameName(g.member.name, name); });
    if (!listed(a.present) && !listed(a.excused) && !listed(a.absent) && !proxied)
      a.present.insert(a.present.begin(), *r->president);
  }
  // Proxies held by a role ("pouvoir à M. le Maire").
  for (ProxyGrant& g : a.represented) {
    if (g.holder && g.holder->name.empty()) {
      g.holder = ResolveRole(RoleKey(g.holder->title.value_or("")), *r, sections.signatures);
    }
  }
}

}  // namespace delibex
