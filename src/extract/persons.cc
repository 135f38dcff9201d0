#include "extract/persons.h"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <vector>

#include "core/text.h"

namespace delibex {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Words that are never part of a person's name, folded.
bool IsStopWord(const std::string& folded) {
  static const std::set<std::string> words = {"maire",
                                              "president",
                                              "presidente",
                                              "adjoint",
                                              "adjointe",
                                              "adjoints",
                                              "conseiller",
                                              "conseillere",
                                              "conseillers",
                                              "conseilleres",
                                              "municipal",
                                              "municipale",
                                              "municipaux",
                                              "secretaire",
                                              "seance",
                                              "vice",
                                              "absent",
                                              "absente",
                                              "absents",
                                              "absentes",
                                              "present",
                                              "presente",
                                              "presents",
                                              "presentes",
                                              "excuse",
                                              "excusee",
                                              "excuses",
                                              "excusees",
                                              "pouvoir",
                                              "pouvoirs",
                                              "procuration",
                                              "procurations",
                                              "ordre",
                                              "nombre",
                                              "quorum",
                                              "objet",
                                              "vu",
                                              "date",
                                              "monsieur",
                                              "madame",
                                              "messieurs",
                                              "mesdames",
                                              "mademoiselle",
                                              "mme",
                                              "mmes",
                                              "mr",
                                              "mlle",
                                              "melle",
                                              "dr",
                                              "docteur",
                                              "commune",
                                              "conseil",
                                              "communautaire",
                                              "departement",
                                              "region",
                                              "membres",
                                              "membre",
                                              "etaient",
                                              "etait",
                                              "sont",
                                              "exercice",
                                              "votants",
                                              "ville",
                                              "mairie",
                                              "syndicat",
                                              "comite",
                                              "doyen",
                                              "rapporteur",
                                              "titulaire",
                                              "suppleant",
                                              "suppleante",
                                              "delegue",
                                              "deleguee",
                                              "fait",
                                              "pour",
                                              "les",
                                              "nota",
                                              "represente",
                                              "representes",
                                              "representee",
                                              "representees",
                                              "deliberation",
                                              "extrait",
                                              "registre",
                                              "republique",
                                              "francaise",
                                              "arrondissement",
                                              "canton",
                                              "prefecture",
                                              "envoye",
                                              "recu",
                                              "publie",
                                              "affiche",
                                              "transmis",
                                              "certifie",
                                              "acte",
                                              "et",
                                              "ou",
                                              "noms",
                                              "liste",
                                              "secretariat",
                                              "assistaient",
                                              "assistait",
                                              "assiste",
                                              "invites",
                                              "invite",
                                              "aussi",
                                              "egalement",
                                              "total",
                                              "votes",
                                              "vote",
                                              "abstention",
                                              "abstentions",
                                              "contre",
                                              "considerant",
                                              "article",
                                              "decide",
                                              "approuve"};
  return words.count(folded) > 0;
}

bool IsParticle(std::string_view w) {
  static const std::set<std::string_view> particles = {
      "de",  "du",  "des", "d'", "la",  "le", "van", "von", "da",  "di",  "del", "dos",
      "ben", "ter", "DE",  "DU", "DES", "D'", "LA",  "LE",  "VAN", "VON", "DA",  "DI",
      "DEL", "DOS", "BEN", "Le", "La",  "De", "Du",  "Van", "Von", "Da",  "Di",  "Del"};
  return particles.count(w) > 0;
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
// l'association" are roles whole.
std::string_view RolePrefix(std::string_view role) {
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
    if (b > 0 && verbs.count(Fold(role.substr(b, i - b)))) {
      end = b;
      break;
    }
  }
  return Trim(role.substr(0, end));
}

}  // namespace

CivilityRead ReadCivility(std::string_view s) {
  CivilityRead r;
  size_t i = 0;
  while (i < s.size() && IsSpace(s[i])) ++i;
  size_t b = i;
  while (i < s.size() && !IsSpace(s[i]) && s[i] != ',' && s[i] != ':') ++i;
  std::string_view w = s.substr(b, i - b);
  std::string f = Fold(w);
  bool dotted = !w.empty() && w.back() == '.';
  if (f == "m" && dotted) {
    r.civility = "M.";
  } else if (f == "mr" || f == "monsieur") {
    r.civility = "M.";
  } else if (f == "mme" || f == "madame" || f == "mlle" || f == "melle" || f == "mademoiselle") {
    r.civility = "Mme";
  } else if (f == "mm" || f == "mmes" || f == "messieurs" || f == "mesdames") {
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
      if (!IsNameWord(w) || IsStopWord(Fold(w))) break;
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
                                       "maire deleguee"};
  for (const char* h : kHeads) {
    std::string head(h);
    if (f == head || f.rfind(head + " ", 0) == 0) {
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

// Names are compared many times over while lists are merged: their folded
// forms are kept (per thread, bounded).
const std::string& FoldedName(std::string_view name) {
  thread_local std::unordered_map<std::string, std::string> cache;
  if (cache.size() > 4096) cache.clear();
  auto it = cache.find(std::string(name));
  if (it != cache.end()) return it->second;
  return cache.emplace(std::string(name), Fold(name)).first->second;
}

bool SameName(std::string_view a, std::string_view b) {
  std::string fa = FoldedName(a), fb = FoldedName(b);
  if (fa.empty() || fb.empty()) return false;
  // "MarieCécile MORICE" and "Marie-Cécile MORICE": the same once squashed.
  auto squash = [](std::string s) {
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    return s;
  };
  if (squash(fa) == squash(fb)) return true;
  auto split = [](const std::string& s) {
    std::vector<std::string> w;
    size_t i = 0;
    while (i <= s.size()) {
      size_t j = s.find(' ', i);
      if (j == std::string::npos) j = s.size();
      if (j > i) w.push_back(s.substr(i, j - i));
      i = j + 1;
    }
    return w;
  };
  std::vector<std::string> wa = split(fa), wb = split(fb);
  if (wa.size() > wb.size()) std::swap(wa, wb);
  for (const std::string& w : wa) {
    auto it = std::find(wb.begin(), wb.end(), w);
    if (it == wb.end()) return false;
    wb.erase(it);
  }
  return true;
}

}  // namespace delibex
