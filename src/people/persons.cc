#include "people/persons.h"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <vector>

#include "core/text.h"

namespace delibex {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Whether Fold(w) may start with one of `letters` (lower-case ASCII):
// false only when w starts with an ASCII letter or figure, which Fold keeps
// first, lowered, and that is none of them. A word checked against a list
// of folded words is turned down this way before it is folded.
bool MayFoldTo(std::string_view w, std::string_view letters) {
  if (w.empty()) return true;
  auto c = static_cast<unsigned char>(w[0]);
  if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
  bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  return !alnum || letters.find(static_cast<char>(c)) != std::string_view::npos;
}

// The first letters of a list of folded words, for MayFoldTo: derived from
// the list, so that a word added to it is never turned down.
template <size_t N>
std::string FirstLetters(const char* const (&words)[N]) {
  std::string letters;
  for (const char* w : words) {
    if (letters.find(w[0]) == std::string::npos) letters += w[0];
  }
  return letters;
}

// Words that are never part of a person's name, folded.
bool IsStopWord(const std::string& folded) {
  static const std::set<std::string> words = {
      "maire", "president", "presidente", "adjoint", "adjointe", "adjoints", "conseiller",
      "conseillere", "conseillers", "conseilleres", "municipal", "municipale", "municipaux",
      "secretaire", "seance", "vice", "absent", "absente", "absents", "absentes", "present",
      "presente", "presents", "presentes", "excuse", "excusee", "excuses", "excusees", "pouvoir",
      "pouvoirs", "procuration", "procurations", "ordre", "nombre", "quorum", "objet", "vu", "date",
      "monsieur", "madame", "messieurs", "mesdames", "mademoiselle", "mme", "mmes", "mr", "mlle",
      "melle", "dr", "docteur", "commune", "conseil", "communautaire", "departement", "region",
      "membres", "membre", "etaient", "etait", "sont", "exercice", "votants", "ville", "mairie",
      "syndicat", "comite", "doyen", "rapporteur", "titulaire", "suppleant", "suppleante",
      "delegue", "deleguee", "fait", "pour", "les", "nota", "represente", "representes",
      "representee", "representees", "deliberation", "extrait", "registre", "republique",
      "francaise", "arrondissement", "canton", "prefecture", "envoye", "recu", "publie", "affiche",
      "transmis", "certifie", "acte", "et", "ou", "noms", "liste", "secretariat", "assistaient",
      "assistait", "assiste", "invites", "invite", "aussi", "egalement", "total", "votes", "vote",
      "abstention", "abstentions", "contre", "considerant", "article", "decide", "approuve",
      // bodies, never people
      "commune", "communes", "communaute", "communautaire", "syndicat", "syndical", "conseil",
      "departement", "departemental", "region", "regional", "agglomeration", "metropole", "mairie",
      "collectivite"};
  return words.count(folded) > 0;
}

// A word that can be part of a name: starts with an upper-case letter (or
// d'/D' then one), and holds only letters and - ' . after that.
bool IsNameWord(std::string_view w) {
  size_t i = 0;
  if (w.size() > 2 && (w[0] == 'd' || w[0] == 'D') && w[1] == '\'') i = 2;
  if (i >= w.size() || !StartsUpper(w.substr(i))) return false;
  while (i < w.size()) {
    int len = 1;
    int32_t cp = DecodeAt(w, i, &len);
    if (!(IsLetter(cp) || cp == '-' || cp == '\'' || cp == '.')) return false;
    i += len;
  }
  return true;
}

int LetterCount(std::string_view w) {
  int n = 0;
  for (size_t i = 0; i < w.size();) {
    int len = 1;
    if (IsLetter(DecodeAt(w, i, &len))) ++n;
    i += len;
  }
  return n;
}

struct Token {
  std::string_view text;
  size_t begin = 0;
  size_t end = 0;
  bool blank_line_before = false;
};

// Splits at white space; a token's trailing , ; : ) ends it and is reported
// as `closing`.
std::vector<Token> Tokens(std::string_view s, size_t limit_tokens) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size() && out.size() < limit_tokens) {
    int newlines = 0;
    while (i < s.size() && IsSpace(s[i])) newlines += s[i++] == '\n';
    if (i >= s.size()) break;
    size_t b = i;
    while (i < s.size() && !IsSpace(s[i])) ++i;
    out.push_back({s.substr(b, i - b), b, i, newlines >= 2});
  }
  return out;
}

// A role stops where a sentence goes on: "Maire ouvre la séance" is the role
// "Maire"; "Président du Conseil général", "doyen d'âge", "président de
// l'association" are roles whole. It stops too where the next part of a
// flattened preamble starts, at a capitalised list heading or a colon:
// "Maire Présents : A, B" is the role "Maire".
std::string_view RolePrefix(std::string_view role) {
  static const std::set<std::string> headings = {
      "presents",   "presentes", "present",      "presente", "absents", "absentes", "absent",
      "absente",    "excuses",   "excusees",     "excuse",   "excusee", "etaient",  "etait",
      "secretaire", "pouvoirs",  "procurations", "membres",  "nombre",  "date",     "ordre",
      "objet",      "vu"};
  static const std::set<std::string> verbs = {
      "ouvre",   "ouvrent",  "est",     "sont",    "a",        "ont",      "presente",
      "expose",  "rappelle", "propose", "informe", "indique",  "donne",    "fait",
      "demande", "souhaite", "precise", "declare", "procede",  "constate", "lit",
      "soumet",  "remercie", "annonce", "prend",   "quitte",   "arrive",   "sort",
      "entre",   "preside",  "signe",   "invite",  "explique", "ajoute"};
  size_t i = 0, end = role.size();
  while (i < role.size()) {
    while (i < role.size() && role[i] == ' ') ++i;
    size_t b = i;
    while (i < role.size() && role[i] != ' ') ++i;
    if (b == i) break;
    std::string_view w = role.substr(b, i - b);
    if (b > 0 && (verbs.count(Fold(w)) || (StartsUpper(w) && headings.count(Fold(w))))) {
      end = b;
      break;
    }
    size_t colon = w.find(':');
    if (colon != std::string_view::npos) {
      end = b + colon;
      break;
    }
  }
  return Trim(role.substr(0, end));
}

}  // namespace

bool IsParticle(std::string_view w) {
  static const std::set<std::string_view> particles = {
      "de",  "du",  "des", "d'", "la",  "le", "van", "von", "da",  "di",  "del", "dos",
      "ben", "ter", "DE",  "DU", "DES", "D'", "LA",  "LE",  "VAN", "VON", "DA",  "DI",
      "DEL", "DOS", "BEN", "Le", "La",  "De", "Du",  "Van", "Von", "Da",  "Di",  "Del"};
  return particles.count(w) > 0;
}

CivilityRead ReadCivility(std::string_view s) {
  CivilityRead r;
  size_t i = 0;
  while (i < s.size() && IsSpace(s[i])) ++i;
  size_t b = i;
  while (i < s.size() && !IsSpace(s[i]) && s[i] != ',' && s[i] != ':') ++i;
  std::string_view w = s.substr(b, i - b);
  // Every civility, glued or not, folds to a word that starts with "m" or
  // "d". Most words are turned down here.
  if (!MayFoldTo(w, "md")) return CivilityRead{};
  // "M.DURAND Paul", "Mme.ROUX": a civility glued to the name. "M.DENISE"
  // alone may be an initial glued to a surname, as in a register that prints
  // every member so ("C.FOROT - M.DENISE"): only "Mme." is sure alone.
  size_t after_word = i;
  while (after_word < s.size() && (s[after_word] == ' ' || s[after_word] == '\t')) ++after_word;
  bool word_follows = after_word > i && after_word < s.size() && StartsUpper(s.substr(after_word));
  for (std::string_view glued : {"M.", "Mme.", "MM."}) {
    if (glued == "M." && !word_follows) continue;
    if (w.size() > glued.size() + 1 && w.substr(0, glued.size()) == glued &&
        StartsUpper(w.substr(glued.size())) &&
        w.find('.', glued.size()) == std::string_view::npos) {
      CivilityRead g;
      if (glued == "MM.") {
        g.plural = true;
      } else {
        g.civility = glued == "M." ? "M." : "Mme";
      }
      g.length = b + glued.size();
      return g;
    }
  }
  std::string f = Fold(w);
  bool dotted = !w.empty() && w.back() == '.';
  // "M" without its period before a surname ("M Weslin"): Monsieur; an
  // initial is followed by its own surname's capital too, but a list's "M"
  // alone is the civility in practice.
  size_t next = i;
  while (next < s.size() && IsSpace(s[next]) && s[next] != '\n') ++next;
  std::string_view ahead = next < s.size() ? s.substr(next) : std::string_view();
  bool before_name = next > i && next + 1 < s.size() &&
                     ((StartsUpper(ahead) && s[next + 1] != '.' && s[next + 1] != ' ') ||
                      ahead.rfind("le ", 0) == 0 || ahead.rfind("la ", 0) == 0);
  if (f == "m" && (dotted || (w == "M" && before_name))) {
    r.civility = "M.";
  } else if (f == "mr" || f == "monsieur") {
    r.civility = "M.";
  } else if (f == "mme" || f == "madame" || f == "mlle" || f == "melle" || f == "mademoiselle") {
    r.civility = "Mme";
  } else if (f == "mm" || f == "mmes" || f == "mrs" || f == "messieurs" || f == "mesdames") {
    // "MM" alone after a name is a pair of initials, but at the head of an
    // item it is the plural civility.
    r.plural = true;
  } else if (f == "dr" || f == "docteur") {
    // A title that says nothing of the civility.
  } else {
    return CivilityRead{};
  }
  while (i < s.size() && IsSpace(s[i])) ++i;
  r.length = i;
  return r;
}

// A role's word that is a family name too ("DOYEN", "MAIRE"), in capitals
// after first names alone ("Odile DOYEN"): the surname, not the role.
bool RoleWordAsSurname(const std::vector<std::string>& words, std::string_view w) {
  if (words.empty() || !IsAllUpper(w) || LetterCount(w) < 3) return false;
  std::string f = Fold(w);
  if (f != "doyen" && f != "doyenne" && f != "maire") return false;
  return std::none_of(words.begin(), words.end(),
                      [](const std::string& x) { return IsAllUpper(x) || !StartsUpper(x); });
}

NameRead ReadName(std::string_view s) {
  std::vector<Token> toks = Tokens(s, 16);
  std::vector<std::string> words;
  size_t end = 0;
  bool join_next = false;  // a standalone "-" between two name words
  for (size_t k = 0; k < toks.size(); ++k) {
    const Token& t = toks[k];
    if (k > 0 && t.blank_line_before) break;
    std::string_view w = t.text;
    // Trailing punctuation ends the name after this word.
    bool closes = false;
    while (!w.empty() && (w.back() == ',' || w.back() == ';' || w.back() == ':' ||
                          w.back() == ')' || w.back() == '|')) {
      w.remove_suffix(1);
      closes = true;
    }
    // A final period ends a sentence unless the word is an initial.
    if (!w.empty() && w.back() == '.' && LetterCount(w) > 2 && w.find('.') == w.size() - 1) {
      w.remove_suffix(1);
      closes = true;
    }
    if (w == "-" || w == "–") {
      if (words.empty() || closes) break;
      join_next = true;
      continue;
    }
    if (w.empty()) break;
    if (words.size() >= 7) break;
    bool particle = IsParticle(w) && !(words.empty() && StartsUpper(w));
    // Letters split off by text extraction: "Patric k", "P hilippe".
    // "P hilippe": a capital alone, then the rest of the word.
    if (!words.empty() && LetterCount(words.back()) == 1 && words.back().size() <= 2 &&
        words.back().find('.') == std::string::npos && StartsLower(w) && LetterCount(w) > 1) {
      words.back() += std::string(w);
      end = t.begin + w.size();
      if (closes) break;
      continue;
    }
    if (!words.empty() && LetterCount(w) == 1 && StartsLower(w)) {
      words.back() += std::string(w);
      end = t.begin + w.size();
      if (closes) break;
      continue;
    }
    if (!particle) {
      if (!IsNameWord(w) || (IsStopWord(Fold(w)) && !RoleWordAsSurname(words, w))) break;
    }
    // After a surname in capitals, at most one first name in mixed case,
    // and only when no mixed-case word came before the surname ("Daniel
    // CANTE Zones d'Accélération" ends at CANTE; "CLAVERIE Claude" is whole).
    if (!particle && !join_next && !words.empty() && !IsAllUpper(w)) {
      size_t caps = words.size();
      for (size_t q = 0; q < words.size(); ++q) {
        if (IsAllUpper(words[q]) && LetterCount(words[q]) >= 2) {
          caps = q;
          break;
        }
      }
      if (caps < words.size()) {
        bool mixed_before = false, mixed_after = false;
        for (size_t q = 0; q < words.size(); ++q) {
          if (IsParticle(words[q]) || IsAllUpper(words[q])) continue;
          (q < caps ? mixed_before : mixed_after) = true;
        }
        if (mixed_before || mixed_after) break;
      }
    }
    if (join_next && !words.empty()) {
      words.back() += '-';
      words.back() += w;
      join_next = false;
    } else {
      words.emplace_back(w);
    }
    end = t.begin + w.size();
    if (closes) break;
  }
  while (!words.empty() && (IsParticle(words.back()) || words.back() == "-")) {
    words.pop_back();
  }
  // At least one word that is more than initials: two letters in a row.
  bool real = std::any_of(words.begin(), words.end(), [](const std::string& w) {
    if (IsParticle(w)) return false;
    int run = 0, best = 0;
    for (size_t i = 0; i < w.size();) {
      int len = 1;
      run = IsLetter(DecodeAt(w, i, &len)) ? run + 1 : 0;
      best = std::max(best, run);
      i += len;
    }
    return best >= 2;
  });
  if (!real) return NameRead{};
  NameRead r;
  for (const std::string& w : words) {
    if (!r.name.empty()) r.name += ' ';
    r.name += w;
  }
  // Recompute the covered length from the last word kept.
  std::string_view last = words.back();
  size_t pos = 0;
  for (const Token& t : toks) {
    if (t.begin >= end) break;
    if (t.text.substr(0, std::min(t.text.size(), last.size())) ==
        last.substr(0, std::min(t.text.size(), last.size())))
      pos = t.begin + std::min(t.text.size(), last.size());
  }
  r.length = std::max(end, pos);
  return r;
}

bool IsRole(std::string_view s) {
  std::string f = Fold(s);
  if (f.empty() || f.size() > 80) return false;
  static const char* const kHeads[] = {"maire",
                                       "president",
                                       "presidente",
                                       "vice president",
                                       "vice presidente",
                                       "adjoint",
                                       "adjointe",
                                       "conseiller",
                                       "conseillere",
                                       "doyen",
                                       "doyenne",
                                       "1er",
                                       "1ere",
                                       "2eme",
                                       "2e",
                                       "3eme",
                                       "3e",
                                       "4eme",
                                       "4e",
                                       "5eme",
                                       "5e",
                                       "6eme",
                                       "6e",
                                       "7eme",
                                       "7e",
                                       "8eme",
                                       "8e",
                                       "1re",
                                       "2nd",
                                       "2nde",
                                       "premier",
                                       "premiere",
                                       "deuxieme",
                                       "troisieme",
                                       "quatrieme",
                                       "cinquieme",
                                       "delegue",
                                       "deleguee",
                                       "secretaire",
                                       "rapporteur",
                                       "suppleant",
                                       "suppleante",
                                       "titulaire",
                                       "le maire",
                                       "la maire",
                                       "le president",
                                       "la presidente",
                                       "maire adjoint",
                                       "maire delegue",
                                       "maire deleguee",
                                       "depute maire",
                                       "deputee maire",
                                       "senateur maire",
                                       "senatrice maire"};
  for (const char* head : kHeads) {
    if (StartsWithWords(f, head)) {
      // A role is a short phrase.
      return std::count(f.begin(), f.end(), ' ') <= 7;
    }
  }
  return false;
}

std::optional<PersonRead> ReadPerson(std::string_view s) {
  size_t lead = 0;
  while (lead < s.size() && IsSpace(s[lead])) ++lead;
  CivilityRead civ = ReadCivility(s.substr(lead));
  size_t at = lead + civ.length;
  NameRead name = ReadName(s.substr(at));
  if (name.name.empty()) return std::nullopt;
  PersonRead r;
  r.person.civility = civ.plural ? std::nullopt : civ.civility;
  r.person.name = name.name;
  at += name.length;
  std::string_view rest = s.substr(at);
  // A role after the name: ", Maire", " (Maire)", ", Président du Conseil général".
  std::string_view t = Trim(rest);
  if (!t.empty() && (t[0] == ',' || t[0] == '(')) {
    bool paren = t[0] == '(';
    std::string_view inner = Trim(t.substr(1));
    size_t stop = paren ? inner.find(')') : inner.find_first_of(",;.()\n");
    std::string_view role =
        Trim(inner.substr(0, stop == std::string_view::npos ? inner.size() : stop));
    role = RolePrefix(role);
    if (IsRole(role)) {
      r.person.title = CollapseSpace(role);
      size_t consumed = (t.data() - s.data()) + 1 + (inner.data() - t.data() - 1) + role.size();
      if (paren && stop != std::string_view::npos) consumed = (inner.data() - s.data()) + stop + 1;
      at = consumed;
      rest = s.substr(at);
    }
  }
  r.length = at;
  r.rest = Trim(rest);
  return r;
}

std::optional<std::string> ReadRoleAfterName(std::string_view rest) {
  std::string_view t = Trim(rest);
  for (std::string_view dash : {"–", "—", "-"}) {
    if (t.rfind(dash, 0) == 0) {
      t = Trim(t.substr(dash.size()));
      break;
    }
  }
  size_t stop = t.find_first_of(",;.()\n");
  std::string_view role = RolePrefix(Trim(t.substr(0, stop)));
  if (role.empty() || !IsRole(role)) return std::nullopt;
  // "M. X Secrétaire de séance : Mme Y": the label of the next field.
  std::string_view after = Trim(t.substr(role.data() + role.size() - t.data()));
  if (!after.empty() && after[0] == ':') return std::nullopt;
  return CollapseSpace(role);
}

namespace {

// "délégué(e)s", "suppléant(e)s", "élu(s)": the inclusive endings as plain
// plurals.
std::string PlainPlurals(std::string_view s) {
  std::string plain;
  for (size_t i = 0; i < s.size();) {
    std::string_view rest = s.substr(i);
    if (rest.rfind("(e)", 0) == 0 || rest.rfind("(E)", 0) == 0) {
      i += 3;
    } else if (rest.rfind("(es)", 0) == 0 || rest.rfind("(ES)", 0) == 0) {
      i += 4;
    } else if (rest.rfind("(s)", 0) == 0 || rest.rfind("(S)", 0) == 0) {
      plain += 's';
      i += 3;
    } else {
      plain += s[i++];
    }
  }
  return plain;
}

}  // namespace

bool IsGroupLabel(std::string_view s) {
  std::string plain = PlainPlurals(s);
  std::string f = Fold(plain);
  while (!f.empty() && (f.back() == '.' || f.back() == ':' || f.back() == ' ')) f.pop_back();
  if (f.empty() || f.size() > 90 || std::count(f.begin(), f.end(), ' ') > 8) return false;
  static const char* const kPlurals[] = {"adjoints",
                                         "adjointes",
                                         "conseillers",
                                         "conseilleres",
                                         "vice presidents",
                                         "vice presidentes",
                                         "membres",
                                         "delegues",
                                         "deleguees",
                                         "titulaires",
                                         "suppleants",
                                         "suppleantes",
                                         "elus",
                                         "elues",
                                         "maires adjoints",
                                         "maires delegues",
                                         "maires deleguees",
                                         "representants",
                                         "administrateurs",
                                         "administratrices"};
  for (const char* head : kPlurals) {
    if (StartsWithWords(f, head)) {
      // Only role words may follow, in lower case or from the role lexicon:
      // no name ("Conseillers : Jean", "titulaires Lory LACLEF").
      for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == ':' || s[i] == ',' || s[i] == ';' || s[i] == '(') {
          if (s.compare(i, 3, "(e)") == 0 || s.compare(i, 3, "(s)") == 0 ||
              s.compare(i, 4, "(es)") == 0)
            continue;
          return false;
        }
      }
      static const char* const kRoleWords[] = {"adjoints",
                                               "adjointes",
                                               "conseillers",
                                               "conseilleres",
                                               "municipaux",
                                               "municipales",
                                               "communautaires",
                                               "delegues",
                                               "deleguees",
                                               "titulaires",
                                               "suppleants",
                                               "suppleantes",
                                               "bureau",
                                               "conseil",
                                               "syndical",
                                               "vice",
                                               "presidents",
                                               "presidentes",
                                               "et",
                                               "membres",
                                               "elus",
                                               "elues",
                                               "maires",
                                               "maire",  // "Adjoints au Maire"
                                               "president",
                                               "presidente",
                                               "comite",
                                               "communautaire",
                                               "municipal",
                                               "delegue",
                                               "deleguee",
                                               "departementaux",
                                               "regionaux",
                                               "de",
                                               "du",
                                               "des",
                                               "la",
                                               "le"};
      size_t i = 0;
      bool first = true;
      while (i < plain.size()) {
        while (i < plain.size() && (plain[i] == ' ' || plain[i] == '\n' || plain[i] == '\t')) ++i;
        size_t b = i;
        while (i < plain.size() && plain[i] != ' ' && plain[i] != '\n' && plain[i] != '\t') ++i;
        if (i == b) break;
        std::string_view word(plain.data() + b, i - b);
        if (!first && StartsUpper(word)) {
          std::string fw = Fold(word);
          // "Vice-présidents" folds to two words.
          bool known = false;
          for (const char* r : kRoleWords) {
            if (StartsWithWords(fw, r)) known = true;
          }
          if (!known) return false;
        }
        first = false;
      }
      return true;
    }
  }
  return false;
}

namespace {

// A word's shape in a name: upper case (two letters or more, "DURAND",
// "MINART-GIVERNE"), capitalised ("Paul", "Jean-Roger"), a particle
// ("de", "van", "d'"), or anything else.
enum class Shape { kUpper, kCapital, kParticle, kOther };

Shape ShapeOf(std::string_view w) {
  while (!w.empty() && (w.back() == ',' || w.back() == '.' || w.back() == ';')) w.remove_suffix(1);
  if (w.empty()) return Shape::kOther;
  std::string f = Fold(w);
  if (f == "de" || f == "du" || f == "des" || f == "van" || f == "von" || f == "le" || f == "la" ||
      f == "d" || f == "der" || f == "di" || f == "da") {
    if (!StartsUpper(w)) return Shape::kParticle;
  }
  int upper = 0, lower = 0;
  for (size_t i = 0; i < w.size();) {
    int len = 1;
    int32_t cp = DecodeAt(w, i, &len);
    if (IsUpperLetter(cp)) ++upper;
    if (IsLowerLetter(cp)) ++lower;
    if (!IsLetter(cp) && cp != '-' && cp != '\'' && cp != 0x2019) return Shape::kOther;
    i += len;
  }
  if (upper >= 2 && lower == 0) return Shape::kUpper;
  if (upper >= 1 && lower >= 1 && StartsUpper(w)) return Shape::kCapital;
  return Shape::kOther;
}

std::vector<std::string_view> SplitWords(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsSpace(s[i])) ++i;
    size_t b = i;
    while (i < s.size() && !IsSpace(s[i])) ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

// "C.FOROT", "J.-P.MARTIN": an initial glued to an upper-case surname.
bool GluedInitial(std::string_view w) {
  size_t dot = w.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 3 > w.size()) return false;
  if (!isupper(static_cast<unsigned char>(w[0]))) return false;
  std::string_view surname = w.substr(dot + 1);
  return dot <= 4 && ShapeOf(surname) == Shape::kUpper;
}

// The number of words of the longest group label that starts at words[k]
// ("délégué(e)s titulaires Lory …" -> 2), 0 when none does. Its first word
// is checked alone first: most words open no label.
size_t GroupLabelAt(const std::vector<std::string>& words, size_t k) {
  if (k >= words.size()) return 0;
  static const char* const kHeads[] = {"adjoints",
                                       "adjointes",
                                       "conseillers",
                                       "conseilleres",
                                       "vice",
                                       "membres",
                                       "delegues",
                                       "deleguees",
                                       "titulaires",
                                       "suppleants",
                                       "suppleantes",
                                       "elus",
                                       "elues",
                                       "maires",
                                       "representants",
                                       "administrateurs",
                                       "administratrices"};
  // PlainPlurals keeps a word's first letter.
  static const std::string kHeadLetters = FirstLetters(kHeads);
  if (!MayFoldTo(words[k], kHeadLetters)) return 0;
  std::string head = Fold(PlainPlurals(words[k]));
  head = head.substr(0, head.find(' '));  // "Vice-présidents" folds to "vice presidents"
  if (std::none_of(std::begin(kHeads), std::end(kHeads), [&](const char* h) { return head == h; }))
    return 0;
  size_t best = 0;
  std::string phrase;
  for (size_t j = k; j < words.size() && j < k + 7; ++j) {
    phrase += (j == k ? "" : " ") + words[j];
    if (IsGroupLabel(phrase)) best = j + 1 - k;
  }
  return best;
}

bool IsStatusWord(std::string_view w, std::string* status) {
  if (!MayFoldTo(w, "ea")) return false;
  std::string f = Fold(w);
  if (f == "excuse" || f == "excusee" || f == "excuses" || f == "excusees") {
    *status = "excused";
    return true;
  }
  if (f == "absent" || f == "absente" || f == "absents" || f == "absentes") {
    *status = "absent";
    return true;
  }
  return false;
}

// Words after which a civility belongs to the same item.
bool IsConnector(std::string_view w) {
  static const char* const kWords[] = {
      "a",          "au",          "aux",        "par",         "de",          "pouvoir",
      "pouvoirs",   "procuration", "mandataire", "suppleant",   "suppleante",  "remplace",
      "donne",      "et",          "dr",         "docteur",     "mandat",      "delegation",
      "vote",       "en",          "faveur",     "represente",  "representee", "remplacee",
      "remplacant", "remplacante", "donnee",     "procurations"};
  static const std::string kLetters = FirstLetters(kWords);
  if (MayFoldTo(w, kLetters)) {
    std::string f = Fold(w);
    for (const char* k : kWords) {
      if (f == k) return true;
    }
  }
  return ReadCivility(w).length > 0;  // "Madame le Docteur", "M. et Mme"
}

// Words that give a proxy ("pouvoir à", "procuration à", "mandat à").
bool IsProxyWord(std::string_view w) {
  if (!MayFoldTo(w, "pm")) return false;
  std::string f = Fold(w);
  return f == "pouvoir" || f == "procuration" || f == "mandat";
}

// Words that begin a place label ("Commune de Baix :").
bool StartsPlaceLabel(std::string_view w) {
  if (!MayFoldTo(w, "cmsv")) return false;
  std::string f = Fold(w);
  return f == "commune" || f == "communes" || f == "ville" || f == "mairie" || f == "canton" ||
         f == "secteur" || f == "college" || f == "syndicat" || f == "communaute";
}

}  // namespace

std::vector<RunPiece> SplitPeopleRun(std::string_view run) {
  // Words, a parenthesis (with its spaces) kept as one word.
  std::vector<std::string> words;
  {
    size_t i = 0;
    while (i < run.size()) {
      while (i < run.size() && IsSpace(run[i])) ++i;
      if (i >= run.size()) break;
      size_t b = i;
      int depth = 0;
      while (i < run.size() && (depth > 0 || !IsSpace(run[i]))) {
        if (run[i] == '(') ++depth;
        if (run[i] == ')' && depth > 0) --depth;
        ++i;
      }
      words.push_back(CollapseSpace(run.substr(b, i - b)));
    }
  }
  std::vector<RunPiece> pieces;
  std::vector<std::string> cur;
  auto cut = [&](std::string status = {}) {
    if (cur.empty()) return;
    RunPiece p;
    for (const std::string& w : cur) p.text += (p.text.empty() ? "" : " ") + w;
    p.status = std::move(status);
    pieces.push_back(std::move(p));
    cur.clear();
  };
  for (size_t k = 0; k < words.size(); ++k) {
    const std::string& w = words[k];
    // A group label: the longest run of words from here that is one.
    if (size_t label = GroupLabelAt(words, k)) {
      cut();
      k += label - 1;
      continue;
    }
    // A place label up to its colon: dropped, from its first word.
    if (w == ":" || (w.size() > 1 && w.back() == ':' && w.find('(') == std::string::npos)) {
      // "W.AUGUSTE : adjoints": a group label after the colon, not a place
      // label before it; the label is dropped at the next word.
      if (GroupLabelAt(words, k + 1) > 0) {
        if (w != ":") cur.push_back(w.substr(0, w.size() - 1));
        continue;
      }
      std::vector<std::string> label;
      if (w != ":") label.push_back(w);
      size_t from = cur.size();
      for (size_t j = cur.size(); j-- > 0;) {
        if (StartsPlaceLabel(cur[j])) {
          from = j;
          break;
        }
      }
      if (from == cur.size()) {
        // "Brinay : M. X": a short lead with no civility is the label; after
        // a longer one, only its last word is ("… ROUX Pouvoirs : …").
        bool civility = std::any_of(cur.begin(), cur.end(), [](const std::string& x) {
          return ReadCivility(x).length > 0 || x.front() == '(';
        });
        from = cur.size() <= 3 && !civility ? 0 : (cur.empty() ? 0 : cur.size() - 1);
        if (from > 0) {
          std::vector<std::string> lead(cur.begin(),
                                        cur.begin() + static_cast<std::ptrdiff_t>(from));
          cur = std::move(lead);
          cut();
          continue;
        }
      }
      cur.resize(from);
      cut();
      continue;
    }
    // A spaced dash between two people ("Maire - Catherine VESIN"), not
    // inside one name ("BROCA - LANNAUD").
    if (w == "-" || w == "–" || w == "—" || w == "−") {
      std::string lead;
      size_t name_words = 0;
      for (const std::string& x : cur) {
        lead += (lead.empty() ? "" : " ") + x;
        if (ReadCivility(x).length == 0) name_words += GluedInitial(x) ? 2 : 1;
      }
      bool two_after = k + 2 < words.size() && words[k + 1].size() > 1 && words[k + 2].size() > 1;
      if (!cur.empty() && two_after && (name_words >= 2 || IsRole(lead))) {
        cut();
        continue;
      }
    }
    // An initial glued to its surname ("C.FOROT") starts a person of its
    // own after another whole name: a line break lost between two.
    if (GluedInitial(w) && !cur.empty() && !IsConnector(cur.back()) &&
        std::any_of(cur.begin(), cur.end(), [](const std::string& x) { return GluedInitial(x); })) {
      cut();
      cur.push_back(w);
      continue;
    }
    // A dash glued to the next name ("C.FOROT -T.BUSIN"): a separator too.
    if (w.size() > 1 && w[0] == '-' && !cur.empty() && StartsUpper(w.substr(1))) {
      cut();
      cur.push_back(w.substr(1));
      continue;
    }
    // "A Pouvoir à B C Pouvoir à D": a second proxy word after a whole
    // grant; the holder's words then hold the next member's name, cut off
    // by their shapes ("Julie MARCHAND Inès CARON").
    if (IsProxyWord(w) && !cur.empty()) {
      // "a donné" before this proxy word waits aside.
      auto gives = [](const std::string& w) {
        std::string f = Fold(w);
        return f == "a" || f == "donne" || f == "donnee";
      };
      size_t kept = cur.size();
      while (kept > 0 && gives(cur[kept - 1])) --kept;
      std::vector<std::string> tail(cur.begin() + static_cast<std::ptrdiff_t>(kept), cur.end());
      cur.resize(kept);
      size_t at = cur.size();
      bool granted = false;
      for (size_t j = 0; j < cur.size(); ++j) {
        if (IsProxyWord(cur[j])) granted = true;
        if (granted && (Fold(cur[j]) == "a" || Fold(cur[j]) == "au")) at = j;
      }
      if (at + 1 < cur.size()) {
        std::string holder;
        for (size_t j = at + 1; j < cur.size(); ++j) holder += (holder.empty() ? "" : " ") + cur[j];
        std::vector<std::string> names = SplitNameShapes(holder);
        if (names.size() >= 2) {
          size_t member_words = SplitWords(names.back()).size();
          if (member_words < cur.size() - at - 1) {
            std::vector<std::string> member(cur.end() - static_cast<std::ptrdiff_t>(member_words),
                                            cur.end());
            cur.resize(cur.size() - member_words);
            cut();
            cur = std::move(member);
          }
        }
      }
      cur.insert(cur.end(), tail.begin(), tail.end());
    }
    CivilityRead civ = ReadCivility(w);
    // "M" without its period, and "M." glued to a surname ("M.DURAND"), are
    // civilities by the name after them.
    if (civ.length == 0 && k + 1 < words.size() && (w == "M" || w.rfind("M.", 0) == 0))
      civ = ReadCivility(w + " " + words[k + 1]);
    if (civ.length > 0 && !cur.empty() && !IsConnector(cur.back())) cut();
    std::string status;
    if (!cur.empty() && IsStatusWord(w, &status)) {
      cut(status);
      continue;
    }
    cur.push_back(w);
    bool paren = w.front() == '(' && w.back() == ')';
    if (paren && k + 1 < words.size() &&
        (StartsUpper(words[k + 1]) || ReadCivility(words[k + 1]).length > 0))
      cut();
  }
  cut();
  return pieces;
}

std::vector<std::string> SplitNameShapes(std::string_view run) {
  std::vector<std::string_view> w = SplitWords(run);
  // Words that end in a hyphen go with the next ("Jean- Pierre").
  std::vector<std::string> words;
  for (size_t k = 0; k < w.size(); ++k) {
    if (!words.empty() && words.back().back() == '-') {
      words.back() += std::string(w[k]);
    } else {
      words.emplace_back(w[k]);
    }
  }
  if (words.size() < 4) return {};
  Shape lead = Shape::kOther;
  for (const std::string& x : words) {
    Shape s = ShapeOf(x);
    if (s == Shape::kOther) return {};
    if (lead == Shape::kOther && s != Shape::kParticle) lead = s;
  }
  if (lead == Shape::kOther) return {};
  Shape second = lead == Shape::kUpper ? Shape::kCapital : Shape::kUpper;
  std::vector<std::string> pieces;
  std::string cur;
  bool has_lead = false, has_second = false;
  auto flush = [&]() -> bool {
    if (cur.empty()) return true;
    if (!has_lead || !has_second) return false;
    pieces.push_back(cur);
    cur.clear();
    has_lead = has_second = false;
    return true;
  };
  Shape prev = Shape::kOther;
  for (size_t k = 0; k < words.size(); ++k) {
    Shape s = ShapeOf(words[k]);
    Shape eff = s;
    if (s == Shape::kParticle) {
      // A particle goes with the upper-case surname it precedes.
      eff = Shape::kUpper;
    }
    // A new piece starts where the lead shape comes back after the second.
    if (eff == lead && prev == second) {
      if (!flush()) return {};
    }
    if (s != Shape::kParticle) {
      if (eff == lead) has_lead = true;
      if (eff == second) has_second = true;
    }
    cur += (cur.empty() ? "" : " ") + words[k];
    prev = eff;
  }
  if (!flush() || pieces.size() < 2) return {};
  return pieces;
}

namespace {

// Names are compared many times over while lists are merged: their folded
// forms are kept (per thread, bounded). References stay valid until the next
// call that clears the cache, so a pair is looked up in one call.
struct FoldedNameCache {
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> folded;
  const std::string& Get(std::string_view name) {
    auto it = folded.find(name);
    if (it != folded.end()) return it->second;
    return folded.emplace(std::string(name), Fold(name)).first->second;
  }
};

std::pair<const std::string*, const std::string*> FoldedNames(std::string_view a,
                                                              std::string_view b) {
  thread_local FoldedNameCache cache;
  if (cache.folded.size() > 4096) cache.folded.clear();
  const std::string& fa = cache.Get(a);
  const std::string& fb = cache.Get(b);
  return {&fa, &fb};
}

// The words of a folded name (one space between words).
void SplitWords(std::string_view s, std::vector<std::string_view>* words) {
  words->clear();
  size_t i = 0;
  while (i <= s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) words->push_back(s.substr(i, j - i));
    i = j + 1;
  }
}

}  // namespace

bool SameName(std::string_view a, std::string_view b) {
  auto [pa, pb] = FoldedNames(a, b);
  return SameFoldedName(*pa, *pb);
}

namespace {

// The first word of a folded name; empty when it has none.
std::string_view FirstWord(std::string_view s) {
  size_t b = s.find_first_not_of(' ');
  if (b == std::string_view::npos) return {};
  size_t e = s.find(' ', b);
  return s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b);
}

// Whether `word` is one of the words of `s`.
bool HasWord(std::string_view s, std::string_view word) {
  for (size_t at = s.find(word); at != std::string_view::npos; at = s.find(word, at + 1)) {
    size_t end = at + word.size();
    if ((at == 0 || s[at - 1] == ' ') && (end == s.size() || s[end] == ' ')) return true;
  }
  return false;
}

}  // namespace

bool SameFoldedName(std::string_view fa, std::string_view fb) {
  if (fa.empty() || fb.empty()) return false;
  // "MarieCécile MORICE" and "Marie-Cécile MORICE": the same once squashed.
  size_t i = 0, j = 0;
  while (true) {
    while (i < fa.size() && fa[i] == ' ') ++i;
    while (j < fb.size() && fb[j] == ' ') ++j;
    if (i == fa.size() || j == fb.size() || fa[i] != fb[j]) break;
    ++i;
    ++j;
  }
  if (i == fa.size() && j == fb.size()) return true;
  // Every word of the shorter name in the longer one (each word used once).
  // Then the first word of one is a word of the other: two names without
  // that are turned down before their words are split.
  std::string_view first_a = FirstWord(fa), first_b = FirstWord(fb);
  if (!first_a.empty() && !first_b.empty() && !HasWord(fb, first_a) && !HasWord(fa, first_b))
    return false;
  thread_local std::vector<std::string_view> wa, wb;
  SplitWords(fa, &wa);
  SplitWords(fb, &wb);
  if (wa.size() > wb.size()) std::swap(wa, wb);
  for (std::string_view w : wa) {
    auto it = std::find(wb.begin(), wb.end(), w);
    if (it == wb.end()) return false;
    wb.erase(it);
  }
  return true;
}

std::optional<Person> ReadWholePerson(std::string_view item) {
  auto r = ReadPerson(item);
  if (!r) return std::nullopt;
  std::string_view rest = r->rest;
  while (!rest.empty() && (rest.front() == '.' || rest.front() == ',' || rest.front() == ' '))
    rest.remove_prefix(1);
  // "LACROIX Marie Claire": after a surname in capitals, a first name of two
  // words (ReadName keeps one, lest a name run into a sentence; an item ends
  // at its separator).
  if (!rest.empty() && !r->person.title) {
    std::string_view name = r->person.name;
    size_t sp = name.find(' ');
    NameRead next = ReadName(rest);
    if (sp != std::string_view::npos && name.find(' ', sp + 1) == std::string_view::npos &&
        IsAllUpper(name.substr(0, sp)) && sp >= 2 && !IsAllUpper(name.substr(sp + 1)) &&
        !next.name.empty() && next.name.find(' ') == std::string::npos && !IsAllUpper(next.name) &&
        next.name.size() >= 3) {
      // "Marc- Philippe": a hyphen the line break parted from the next word.
      r->person.name += (r->person.name.back() == '-' ? "" : " ") + next.name;
      rest = Trim(rest.substr(next.length));
    }
  }
  // "née PITOU", "épouse BRUN": the birth or married name after a name of
  // two words or more (a first name alone is a piece of something else).
  for (std::string_view lead : {"née ", "nee ", "épouse ", "ép. "}) {
    if (rest.rfind(lead, 0) != 0 || r->person.name.find(' ') == std::string::npos) continue;
    NameRead born = ReadName(rest.substr(lead.size()));
    std::string_view after = Trim(rest.substr(lead.size() + born.length));
    if (!born.name.empty() && (after.empty() || after == "." || after == ","))
      rest = std::string_view();
  }
  if (!rest.empty()) {
    // A role after the name without a comma: "Daniel DUPONT Maire".
    if (IsRole(rest) && !r->person.title) {
      r->person.title = std::string(rest);
      return r->person;
    }
    return std::nullopt;
  }
  return r->person;
}

}  // namespace delibex
