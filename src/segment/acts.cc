// Act spans: see segment.h.
#include <algorithm>
#include <map>

#include "core/text.h"
#include "people/persons.h"
#include "segment/segment.h"

namespace delibex {

namespace {

bool IsBlankChar(char c) { return c == ' ' || c == '\t' || c == '\r'; }

struct Heading {
  size_t begin = 0;
  size_t end = 0;  // after the title
  std::optional<std::string> number;
  std::string title;
  bool numbered = false;
  bool boundary = false;  // ends the act before it, opens none
  bool unvoted = false;   // a boundary that opens a section of items not voted
  bool alone = false;     // the number alone on its line (a title, if any, below)
};

std::string CleanTitle(std::string_view t) {
  std::string s = CollapseSpace(t);
  while (!s.empty() && (s.back() == ':' || s.back() == ' ' || s.back() == '-' || s.back() == ';'))
    s.pop_back();
  // An en dash or "–" left at the end.
  while (s.size() >= 3 && s.compare(s.size() - 3, 3, "–") == 0) {
    s.resize(s.size() - 3);
    while (!s.empty() && s.back() == ' ') s.pop_back();
  }
  return s;
}

// The length of a full line of this text: a line that long was wrapped.
size_t FullLine(std::string_view text) {
  std::vector<size_t> lengths;
  size_t i = 0;
  while (i < text.size()) {
    size_t nl = text.find('\n', i);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = Trim(text.substr(i, nl - i));
    if (line.size() > 20) lengths.push_back(line.size());
    i = nl + 1;
  }
  if (lengths.size() < 5) return 75;
  std::sort(lengths.begin(), lengths.end());
  return std::max<size_t>(60, lengths[lengths.size() * 9 / 10] * 85 / 100);
}

// A word after which a sentence or a title cannot end: an article, a
// preposition, a conjunction ("… de la", "… convention avec la Fédération
// Départementale des").
bool IsDangling(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "de", "du",  "des",  "la",  "le",    "les", "à",    "au",   "aux", "et",  "ou",
      "en", "un",  "une",  "par", "pour",  "sur", "dans", "avec", "que", "qui", "son",
      "sa", "ses", "leur", "ce",  "cette", "d'",  "l'",   "d’",   "l’"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

// A rank opens the line: one or two figures, then ".", ")", "°", "/" or a
// dash, then a space ("2. Budget", "3) Tarifs", "4/ Voirie").
bool StartsWithRank(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && i < 2 && isdigit(static_cast<unsigned char>(line[i]))) ++i;
  if (i == 0 || i == line.size()) return false;
  if (line.substr(i).rfind("°", 0) == 0)
    i += std::string_view("°").size();
  else if (line[i] == '.' || line[i] == ')' || line[i] == '/' || line[i] == '-')
    ++i;
  else
    return false;
  if (i < line.size() && line[i] == ')') ++i;
  return i < line.size() && (line[i] == ' ' || line[i] == '\t');
}

// A year from 1900 to 2099 opens the line ("2016", "2016 – avenant …").
bool OpensWithYear(std::string_view line) {
  if (line.size() < 4 || !(line.rfind("19", 0) == 0 || line.rfind("20", 0) == 0)) return false;
  auto digit = [](char c) { return isdigit(static_cast<unsigned char>(c)) != 0; };
  return std::all_of(line.begin(), line.begin() + 4, digit) &&
         (line.size() == 4 || !digit(line[4]));
}

// A title that goes on over the next lines: while the line is as long as a
// wrapped line, or the next one starts in lower case, or a quotation or a
// parenthesis is left open, up to a blank line or a line that ends with ':'
// or '.'. A title in capitals may go on past one empty line (below).
size_t TitleEnd(std::string_view text, size_t title_begin, size_t line_end, size_t full,
                const PatternSet& patterns) {
  size_t end = line_end;
  // The act's header labels right below its object ("Objet : … boulevard" /
  // "Magenta (10e)" / "Projet de délibération : 2016 DAC 510", or
  // "Rapporteur : …"): the lines above them, up to three, are the title's.
  for (size_t at = end, k = 0; k < 4 && at < text.size(); ++k) {
    size_t b = at + 1;
    size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    std::string_view l = Trim(text.substr(b, e - b));
    if (l.empty()) break;
    Match m;
    if (patterns["act_number_label"].MatchAt(l, &m) || patterns["act_rapporteur"].MatchAt(l, &m)) {
      if (k > 0) return at;
      break;
    }
    // Not the report's first line ("Monsieur le Maire présente …", "Vu …").
    if (patterns["act_body_start"].MatchAt(l, &m) || patterns["header_label"].MatchAt(l, &m)) break;
    at = e;
  }
  for (int extra = 0; extra < 3; ++extra) {
    std::string_view line = Trim(text.substr(title_begin, end - title_begin));
    size_t last_nl = line.rfind('\n');
    std::string_view last = last_nl == std::string_view::npos ? line : line.substr(last_nl + 1);
    if (last.empty() || last.back() == ':' || last.back() == '.') break;
    if (end >= text.size()) break;
    size_t next_begin = end + 1;
    size_t next_end = text.find('\n', next_begin);
    if (next_end == std::string_view::npos) next_end = text.size();
    std::string_view next = Trim(text.substr(next_begin, next_end - next_begin));
    // A line that ends on a preposition or an article has its end below,
    // past one empty line in a title in capitals ("… – DEMANDE DE" / "" /
    // "SUBVENTION").
    std::string_view tail = last.substr(
        last.find_last_of(' ') == std::string_view::npos ? 0 : last.find_last_of(' ') + 1);
    std::string lower_tail = tail == "À" ? std::string("à") : std::string(tail);
    for (char& c : lower_tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto dangles = [](std::string_view w) { return IsDangling(w); };
    if (next.empty() && next_end < text.size() && (dangles(lower_tail) || lower_tail == "a")) {
      next_begin = next_end + 1;
      next_end = text.find('\n', next_begin);
      if (next_end == std::string_view::npos) next_end = text.size();
      next = Trim(text.substr(next_begin, next_end - next_begin));
      if (next.empty() || !MostlyUpper(next) || !MostlyUpper(last)) break;
      end = next_end;
      continue;
    }
    // The whole line, heading and all, measured against a full line.
    size_t line_start = text.rfind('\n', end - 1);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    size_t whole = Trim(text.substr(line_start, end - line_start)).size();
    // A heading in capitals wrapped, then an empty line between its lines,
    // as some registers print them ("… IRRECOUVRABLES ET CREANCES" / "" /
    // "ETEINTES" / ""): the heading's line is nearly full, and the line below
    // the empty one is in capitals, shorter, alone (an empty line or the end
    // after it), and no rank, number, label or clause (nothing ends it with
    // a colon or a comma).
    if (next.empty() && next_end < text.size() && extra == 0 && whole * 4 >= full * 3 &&
        MostlyUpper(last)) {
      size_t below_begin = next_end + 1;
      size_t below_end = text.find('\n', below_begin);
      if (below_end == std::string_view::npos) below_end = text.size();
      std::string_view below = Trim(text.substr(below_begin, below_end - below_begin));
      size_t after_end = below_end < text.size() ? text.find('\n', below_end + 1) : below_end;
      if (after_end == std::string_view::npos) after_end = text.size();
      bool alone = below_end >= text.size() ||
                   Trim(text.substr(below_end + 1, after_end - below_end - 1)).empty();
      unsigned char b0 = below.empty() ? 0 : static_cast<unsigned char>(below[0]);
      Match m;
      bool opens_body = patterns["act_body_start"].MatchAt(below, &m) ||
                        patterns["header_label"].MatchAt(below, &m) ||
                        patterns["decision_marker"].Find(below, &m);  // "EXPOSE", "DECIDE :"
      if (alone && !below.empty() && below.size() < whole && MostlyUpper(below) &&
          below.find_first_of(":,;") == std::string_view::npos && !isdigit(b0) &&
          !StartsWithRank(below) && !opens_body) {
        end = below_end;
        continue;
      }
    }
    if (next.empty()) break;
    // A wrapped title goes on in lower case, or in capitals after capitals;
    // a capitalised line after a full one starts the body.
    bool caps = IsAllUpper(last) && IsAllUpper(next);
    // A line that ends on a preposition, an article or a civility has its
    // end below ("… contrat Mme" / "Vasseur").
    bool civility = !tail.empty() && ReadCivility(tail).length == tail.size();
    // After a full line, a line that itself ends on a preposition or an
    // article is the title's middle ("… avec la Fédération" / "Départementale
    // des" / "Groupements de défense …").
    std::string_view next_tail = next.substr(
        next.find_last_of(' ') == std::string_view::npos ? 0 : next.find_last_of(' ') + 1);
    // The next item of an agenda printed in capitals ("2. COMMISSION …")
    // starts a title of its own.
    if (StartsWithRank(next) && !dangles(lower_tail)) break;
    // A date cut before its year ("… du 1er février" / "2016").
    bool year_below = OpensWithYear(next) && FrenchMonth(tail).has_value();
    // A quotation or a parenthesis the line opened and did not close ("…
    // : « Cession à l'Euro" / "Symbolique » aux lieu et place …").
    auto count = [&](std::string_view what) {
      size_t n = 0;
      for (size_t at = line.find(what); at != std::string_view::npos; at = line.find(what, at + 1))
        ++n;
      return n;
    };
    bool unclosed = count("«") > count("»") || count("(") > count(")");
    bool wrapped =
        year_below || unclosed || StartsLower(next) || caps || dangles(tail) || civility ||
        (whole >= full && (next[0] == '(' || isdigit(static_cast<unsigned char>(next[0])) ||
                           (next.size() < full / 2 && dangles(next_tail))));
    if (!wrapped) break;
    end = next_end;
  }
  return end;
}

// The title of an "Objet :" match `m` found at `offset` in text, going on
// below its line as a wrapped title does (see TitleEnd: "… pour
// l'organisation du" / "Téléthon").
std::string ObjectTitle(std::string_view text, const Match& m, size_t offset, size_t full,
                        const PatternSet& patterns) {
  size_t tb = m.group_begin("title"), te = m.group_end("title");
  if (tb == Match::npos) return std::string();
  tb += offset;
  te += offset;
  size_t after = te;
  while (after < text.size() && IsBlankChar(text[after])) ++after;
  if (after == text.size() || text[after] == '\n') te = TitleEnd(text, tb, te, full, patterns);
  return CleanTitle(text.substr(tb, te - tb));
}

// A line under a number alone is its title when it reads as one: not the
// letterhead repeated at a page's top ("COMMUNE DE CORTE"), not a table's
// row with dot leaders, not a bullet.
bool LooksLikeTitle(std::string_view line, const PatternSet& patterns) {
  if (line.find("....") != std::string_view::npos || line.find("…") != std::string_view::npos)
    return false;
  if (!StartsUpper(line) && !isdigit(static_cast<unsigned char>(line[0])) && line[0] != '"' &&
      line.rfind("«", 0) != 0)
    return false;
  if (line.size() > 1 && line[1] == ' ' && !isdigit(static_cast<unsigned char>(line[0])))
    return false;  // "v Taxe foncière": a bullet read as a letter
  Match m;
  return !patterns["letterhead_line"].MatchAt(line, &m);
}

std::vector<Heading> Headings(std::string_view text, size_t from, const PatternSet& patterns,
                              const char* name, bool numbered) {
  std::vector<Heading> out;
  size_t full = FullLine(text);
  for (const Match& m : patterns[name].FindAll(text, from)) {
    Heading h;
    h.begin = m.begin();
    h.numbered = numbered;
    std::string_view num = m.has("num1")   ? m["num1"]
                           : m.has("num2") ? m["num2"]
                           : m.has("num4") ? m["num4"]
                           : m.has("num5") ? m["num5"]
                                           : m["num3"];
    if (numbered && !num.empty()) h.number = std::string(num);
    if (m.has("ref")) h.number = std::string(m["ref"]);  // "Réf. 2011/05/44" under a title
    size_t tb = m.group_begin("title");
    size_t te = m.group_end("title");
    if (tb != Match::npos) {
      // A title that ends its line may go on below; one inside a line (a
      // flattened page) ends where the pattern says.
      size_t after = te;
      while (after < text.size() && IsBlankChar(text[after])) ++after;
      if (after == text.size() || text[after] == '\n') te = TitleEnd(text, tb, te, full, patterns);
      h.title = CleanTitle(text.substr(tb, te - tb));
      h.end = te;
    } else {
      h.end = m.end();
    }
    Match label;
    // "D 2023-17 - Objet : Vente …": the title is the object's.
    if (patterns["object_label"].MatchAt(h.title, &label))
      h.title = CleanTitle(h.title.substr(label.end()));
    if (!h.title.empty() && patterns["header_label"].MatchAt(h.title, &label)) h.title.clear();
    if (h.title.empty() && numbered) {
      h.alone = true;
      // "Délibération n° 24-32" alone: the title is the next line, unless
      // that line is a label of the act's header.
      size_t nb = text.find('\n', h.end);
      while (nb != std::string_view::npos && nb + 1 < text.size() && text[nb + 1] == '\n') ++nb;
      if (nb != std::string_view::npos) {
        size_t ne = text.find('\n', nb + 1);
        if (ne == std::string_view::npos) ne = text.size();
        std::string_view next = text.substr(nb + 1, ne - nb - 1);
        std::string_view ahead = text.substr(h.end, std::min<size_t>(600, text.size() - h.end));
        if (patterns["act_object"].Find(ahead, &label)) {
          // "Objet : …" under the heading is the title.
          h.title = ObjectTitle(text, label, h.end, full, patterns);
        } else if (!patterns["header_label"].MatchAt(next, &label) && !Trim(next).empty() &&
                   LooksLikeTitle(Trim(next), patterns)) {
          ne = TitleEnd(text, nb + 1, ne, full, patterns);
          h.title = CleanTitle(text.substr(nb + 1, ne - nb - 1));
          h.end = ne;
        }
      }
    }
    out.push_back(h);
  }
  return out;
}

// Ends without a sentence's final punctuation: a file cut short.
bool IsTruncated(std::string_view text) {
  std::string_view t = Trim(text);
  if (t.empty()) return false;
  // The last character whole: an accented letter ("… pré") ends a cut word
  // as a plain one does; a closing quote or an ellipsis ends a sentence.
  size_t last = t.size() - 1;
  while (last > 0 && (static_cast<unsigned char>(t[last]) & 0xC0) == 0x80) --last;
  std::string_view c = t.substr(last);
  if (c.size() > 1) return c != "»" && c != "…" && c != "”" && c != "’";
  char b = c[0];
  return b != '.' && b != '!' && b != '?' && b != ')' && b != '"' &&
         !isdigit(static_cast<unsigned char>(b));
}

// A rank, not an act's own number: "3", or the sitting's date and a rank
// ("2024.12.02 - 1").
bool IsBareRank(const std::string& n) {
  if (n.size() <= 3 && std::all_of(n.begin(), n.end(), [](char c) { return isdigit(c); }))
    return true;
  size_t dash = n.find_last_of("-–");
  return n.size() >= 12 && n.size() <= 20 && dash != std::string::npos && dash >= 10 &&
         (n[4] == '.' || n[4] == '-' || n[4] == '/') && n.find(' ') != std::string::npos;
}

// The first two words of the line that starts at `at`.
std::vector<std::string_view> LeadWords(std::string_view text, size_t at) {
  std::vector<std::string_view> words;
  size_t i = at;
  while (words.size() < 2 && i < text.size() && text[i] != '\n') {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    size_t b = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != '\n') ++i;
    if (i > b) words.push_back(text.substr(b, i - b));
  }
  return words;
}

// A word's leading digits as a number (-1 if none) and what follows them.
int Rank(std::string_view w, std::string_view* rest) {
  size_t n = 0;
  while (n < w.size() && n < 9 && isdigit(static_cast<unsigned char>(w[n]))) ++n;
  if (n == 0) return -1;
  *rest = w.substr(n);
  return std::stoi(std::string(w.substr(0, n)));
}

// What the heading between two headings of one sequence reads, when they
// are ranked r and r + 2 on the same word ("6/" and "8/" -> "7/", "20230605 3"
// and "20230605 5" -> "20230605 4"); empty otherwise.
std::string MissingRank(std::string_view text, const Heading& a, const Heading& b) {
  std::vector<std::string_view> wa = LeadWords(text, a.begin), wb = LeadWords(text, b.begin);
  std::string expected;
  for (size_t k = 0; k < std::min(wa.size(), wb.size()); ++k) {
    if (wa[k] == wb[k]) {
      expected += std::string(wa[k]) + " ";
      continue;
    }
    std::string_view ra, rb;
    int x = Rank(wa[k], &ra), y = Rank(wb[k], &rb);
    if (x < 0 || y != x + 2 || ra != rb || ra.size() > 2) return "";
    return expected + std::to_string(x + 1) + std::string(ra);
  }
  return "";
}

// The headings of a text whose damaged lines were patched (same length, so
// offsets hold): only the patched lines can give new ones, added to
// `family` in order.
void AddPatchedHeadings(const std::string& patched, const std::vector<size_t>& patched_lines,
                        size_t from, const PatternSet& patterns, const char* name, bool numbered,
                        std::vector<Heading>* family) {
  if (patched.empty()) return;
  for (Heading& h : Headings(patched, from, patterns, name, numbered)) {
    if (std::find(patched_lines.begin(), patched_lines.end(), h.begin) != patched_lines.end() &&
        std::none_of(family->begin(), family->end(),
                     [&](const Heading& o) { return o.begin == h.begin; }))
      family->push_back(h);
  }
  std::sort(family->begin(), family->end(),
            [](const Heading& x, const Heading& y) { return x.begin < y.begin; });
}

// OCR glues specks (and a scanner's marks) to the first word of a line: "E47/
// Délibération", "É120230605 4 Emploi", or drops a rank's dot ("4      CCDSP"
// between "3." and "5."). In a sequence of headings with one rank missing, a
// line between its neighbours that reads as the missing heading after at
// most three bytes of such debris, or as its rank without the punctuation
// before a gap, is that heading.
void RecoverGluedRanks(std::string_view text, size_t from, const PatternSet& patterns,
                       const char* name, bool numbered, std::vector<Heading>* family) {
  if (family->size() < 2) return;
  std::string patched;
  std::vector<size_t> patched_lines;
  for (size_t k = 0; k + 1 < family->size(); ++k) {
    const Heading& a = (*family)[k];
    const Heading& b = (*family)[k + 1];
    std::string expected = MissingRank(text, a, b);
    if (expected.empty()) continue;
    // The rank without its punctuation ("4      CCDSP …" for "4."), when
    // the rank is the line's first word.
    size_t digits_end = expected.find_last_of("0123456789") + 1;
    std::string_view punct = std::string_view(expected).substr(digits_end);
    bool lone_rank = expected.find(' ') == std::string::npos && !punct.empty();
    for (size_t line = text.find('\n', a.end); line != std::string_view::npos && line < b.begin;
         line = text.find('\n', line + 1)) {
      size_t start = line + 1;
      if (lone_rank && text.compare(start, digits_end, expected, 0, digits_end) == 0 &&
          text.size() > start + digits_end + punct.size() + 1) {
        // The punctuation's room in a gap of spaces, one space left after it.
        std::string_view gap = text.substr(start + digits_end, punct.size() + 1);
        if (gap.find_first_not_of(" \t") == std::string_view::npos) {
          if (patched.empty()) patched = std::string(text);
          patched.replace(start + digits_end, punct.size(), punct);
          patched_lines.push_back(start);
          continue;
        }
      }
      for (size_t junk = 1; junk <= 3 && start + junk < text.size(); ++junk) {
        char c = text[start + junk - 1];
        if (c == ' ' || c == '\t' || c == '\n') break;
        std::string_view rest = text.substr(start + junk);
        if (rest.substr(0, expected.size()) == expected && rest.size() > expected.size() &&
            (rest[expected.size()] == ' ' || rest[expected.size()] == '\t')) {
          if (patched.empty()) patched = std::string(text);
          patched.replace(start, junk, junk, ' ');
          patched_lines.push_back(start);
          break;
        }
      }
    }
  }
  AddPatchedHeadings(patched, patched_lines, from, patterns, name, numbered, family);
}

// A number's trailing rank: "25-04/031" -> ("25-04/", 31, 3 digits).
struct RankedNumber {
  std::string prefix;
  int rank = -1;
  size_t width = 0;
};

RankedNumber SplitRank(const std::string& n) {
  RankedNumber r;
  size_t b = n.size();
  while (b > 0 && isdigit(static_cast<unsigned char>(n[b - 1]))) --b;
  if (b == n.size() || n.size() - b > 4 || b == 0) return r;
  r.prefix = n.substr(0, b);
  r.width = n.size() - b;
  r.rank = std::stoi(n.substr(b));
  return r;
}

std::string WithRank(const RankedNumber& r, int rank) {
  std::string digits = std::to_string(rank);
  if (digits.size() < r.width) digits.insert(0, r.width - digits.size(), '0');
  return r.prefix + digits;
}

std::string DigitsOf(std::string_view s) {
  std::string d;
  for (char c : s) {
    if (isdigit(static_cast<unsigned char>(c))) d += c;
  }
  return d;
}

// OCR garbles the separators of a number printed alone on its line
// ("#25. 04-033" for "25-04/033"). In a sequence of numbers that differ in
// their last rank, the number missing between two of them, or the one after
// the last, is found on a short line between (after) them that holds the
// same digits and at most a few marks: the line is read as that number.
void RecoverGarbledNumbers(std::string_view text, size_t from, const PatternSet& patterns,
                           std::vector<Heading>* numbered) {
  std::vector<std::pair<std::string, std::pair<size_t, size_t>>> wanted;  // number, [from, to)
  for (size_t k = 0; k + 1 < numbered->size(); ++k) {
    const Heading& a = (*numbered)[k];
    const Heading& b = (*numbered)[k + 1];
    if (!a.number || !b.number || !a.alone || !b.alone) continue;
    RankedNumber ra = SplitRank(*a.number), rb = SplitRank(*b.number);
    if (ra.rank < 0 || ra.prefix != rb.prefix || ra.width != rb.width) continue;
    if (rb.rank == ra.rank + 2) wanted.push_back({WithRank(ra, ra.rank + 1), {a.end, b.begin}});
    bool last = k + 2 == numbered->size();
    if (last && rb.rank == ra.rank + 1)
      wanted.push_back({WithRank(ra, rb.rank + 1), {b.end, text.size()}});
  }
  if (wanted.empty()) return;
  std::string patched;
  std::vector<size_t> patched_lines;
  for (const auto& [number, span] : wanted) {
    std::string digits = DigitsOf(number);
    for (size_t line = text.find('\n', span.first);
         line != std::string_view::npos && line < span.second; line = text.find('\n', line + 1)) {
      size_t b = line + 1;
      size_t e = text.find('\n', b);
      if (e == std::string_view::npos) e = text.size();
      std::string_view l = text.substr(b, e - b);
      std::string_view t = Trim(l);
      // The same digits, the number's length give or take a few marks, and
      // no letter.
      if (t.size() < number.size() || t.size() > number.size() + 4 || DigitsOf(t) != digits ||
          std::any_of(t.begin(), t.end(),
                      [](char c) { return isalpha(static_cast<unsigned char>(c)); }))
        continue;
      if (patched.empty()) patched = std::string(text);
      std::string line_text = number + std::string(l.size() - number.size(), ' ');
      patched.replace(b, l.size(), line_text);
      patched_lines.push_back(b);
      break;
    }
  }
  AddPatchedHeadings(patched, patched_lines, from, patterns, "act_number_heading", true, numbered);
}

// A register of extracts prints each one's number above its letterhead: the
// first one's sits above the sitting's preamble, before the session part.
// When the numbers after the session part go on from it (the same prefix, a
// higher rank), the first act starts where the session part ends.
void NumberAboveThePreamble(std::string_view text, size_t session_end, const PatternSet& patterns,
                            std::vector<Heading>* numbered) {
  if (numbered->empty() || session_end >= text.size()) return;
  const Heading& next = numbered->front();
  if (!next.number || !next.alone) return;
  RankedNumber rn = SplitRank(*next.number);
  if (rn.rank < 0) return;
  for (const Heading& h :
       Headings(text.substr(0, session_end), 0, patterns, "act_number_heading", true)) {
    if (!h.number || !h.alone) continue;
    RankedNumber rh = SplitRank(*h.number);
    if (rh.prefix != rn.prefix || rh.width != rn.width || rh.rank >= rn.rank) continue;
    Heading first;
    first.begin = session_end;
    first.end = session_end;
    first.number = h.number;
    first.numbered = true;
    first.alone = true;
    numbered->insert(numbered->begin(), first);
    return;
  }
}

// The number of a numbered heading that is no act's: page numbers ("10/44",
// the same total on every page) and running headers (a number printed three
// times or more, apart). A number printed twice apart (a closing recap of
// the acts) opens no second act: its later printing only ends the act before.
void DropFolios(std::vector<Heading>* numbered) {
  // "10/44" alone on its line: the total of pages ("44"), else empty.
  auto folio_total = [](const Heading& h) -> std::string {
    const std::string& n = *h.number;
    size_t slash = n.find('/');
    if (!h.alone || slash == std::string::npos || slash == 0 || slash + 1 == n.size() ||
        n.size() > 7 || n.size() - slash - 1 > 3 ||  // a total of pages, not a year
        n.find_first_not_of("0123456789/") != std::string::npos)
      return "";
    return n.substr(slash + 1);
  };
  std::map<std::string, int> seen;
  std::map<std::string, int> totals;  // "10/44" -> 44 counted
  for (const Heading& h : *numbered) {
    if (!h.number) continue;
    ++seen[*h.number];
    std::string total = folio_total(h);
    if (!total.empty()) ++totals[total];
  }
  std::vector<Heading> kept;
  std::map<std::string, bool> opened;
  for (Heading& h : *numbered) {
    if (h.number) {
      const std::string& n = *h.number;
      std::string total = folio_total(h);
      bool folio = !total.empty() && totals[total] >= 2;
      if (folio || seen[n] >= 3) continue;
      if (opened[n]) h.boundary = true;
      opened[n] = true;
    }
    kept.push_back(std::move(h));
  }
  *numbered = std::move(kept);
}

// Short lines that title the paragraph of report below them: a capital, at
// most a dozen words and no closing punctuation, after a sentence's end or
// an empty line, and not a sentence's opening ("Monsieur le Maire …", "Vu
// …"), a vote or a person. See bare_title_line in patterns/acts.pcre.
// True when the last line with text before `at` (past empty lines) records
// a vote ("Vote : à l'unanimité").
bool AfterAVote(std::string_view text, size_t at, const PatternSet& patterns) {
  size_t end = at;
  while (end > 0 && (text[end - 1] == '\n' || text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  if (end == 0) return false;
  size_t begin = text.rfind('\n', end - 1);
  begin = begin == std::string_view::npos ? 0 : begin + 1;
  Match m;
  return patterns["vote_record_line"].MatchAt(text.substr(begin, end - begin), &m);
}

// Whether a line stops inside a sentence: its last word is an article, a
// preposition or a conjunction ("… Vice-Présidente de la", "… de l'Atelier du").
bool EndsInsideASentence(std::string_view line) {
  line = Trim(line);
  if (line.empty()) return false;
  if (line.back() == '\'' || line.ends_with("’")) return true;  // "… d'" / "… l'"
  size_t sp = line.find_last_of(" \t");
  return IsDangling(sp == std::string_view::npos ? line : line.substr(sp + 1));
}

std::vector<Heading> TitleLines(std::string_view text, size_t from, const PatternSet& patterns) {
  std::vector<Heading> out;
  size_t full = FullLine(text);
  for (const Match& m : patterns["bare_title_line"].FindAll(text, from)) {
    std::string_view title = Trim(m["title"]);
    size_t words = 1 + static_cast<size_t>(std::count(title.begin(), title.end(), ' '));
    if (words > 14 || title.size() >= full) continue;
    // A line of running text wrapped short: it goes on from the line before
    // or into the line after.
    size_t prev_end = m.begin() > 0 ? m.begin() - 1 : 0;  // the line break before the title
    size_t prev_begin = prev_end > 0 ? text.rfind('\n', prev_end - 1) : std::string_view::npos;
    prev_begin = prev_begin == std::string_view::npos ? 0 : prev_begin + 1;
    if (EndsInsideASentence(title) ||
        (prev_end > prev_begin &&
         EndsInsideASentence(text.substr(prev_begin, prev_end - prev_begin))))
      continue;
    Match other;
    if (patterns["decision_formula"].Find(title, &other) ||
        patterns["attendance_heading"].MatchAt(title, &other))
      continue;
    // The prefecture's stamp under the last act ("Envoyé en préfecture le …").
    bool stamp = false;
    for (const char* name : {"stamp_header", "stamp_sent", "stamp_received", "stamp_published"})
      stamp = stamp || patterns[name].Find(title, &other);
    if (stamp) continue;
    // The paragraph under it is a report: a line or more of running text;
    // or the line before it records the previous item's vote (the title
    // follows a vote, over a report of any shape: "Le conseil municipal :").
    size_t next = m.end();
    size_t eol = text.find('\n', next);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view first = Trim(text.substr(next, eol - next));
    if (first.size() < full * 2 / 3 && !AfterAVote(text, m.begin(), patterns)) continue;
    Heading h;
    h.begin = m.begin();
    h.end = m.group_end("title");
    h.title = CleanTitle(title);
    out.push_back(std::move(h));
  }
  return out;
}

// "Objet : …" lines after the session part: each opens an act in a file of
// several (a council's minutes with one "Objet" per deliberation). The
// number is a label nearby ("Projet de délibération : 2016 DAC 254").
std::vector<Heading> ObjectHeadings(std::string_view text, size_t from,
                                    const PatternSet& patterns) {
  std::vector<Heading> out;
  size_t full = FullLine(text);
  for (const Match& m : patterns["act_object"].FindAll(text, from)) {
    Heading h;
    h.begin = m.begin();
    h.end = m.end();
    h.title = ObjectTitle(text, m, 0, full, patterns);
    if (h.title.empty()) continue;
    std::string_view near = text.substr(h.end, std::min<size_t>(300, text.size() - h.end));
    Match label;
    if (patterns["act_number_label"].Find(near, &label)) {
      h.number = CleanTitle(label["num"]);
      h.numbered = true;
    }
    out.push_back(std::move(h));
  }
  return out;
}

}  // namespace

std::vector<ActSpan> FindActs(std::string_view text, size_t session_end,
                              const PatternSet& patterns) {
  // The numbered headings of the whole text, header included: looked for
  // once, and only when a file without act headings needs them.
  std::optional<std::vector<Heading>> numbered_anywhere_found;
  auto numbered_anywhere = [&]() -> const std::vector<Heading>& {
    if (!numbered_anywhere_found)
      numbered_anywhere_found = Headings(text, 0, patterns, "act_number_heading", true);
    return *numbered_anywhere_found;
  };
  std::vector<Heading> numbered = Headings(text, session_end, patterns, "act_number_heading", true);
  for (Heading& h : Headings(text, session_end, patterns, "inline_number_heading", true))
    numbered.push_back(std::move(h));
  std::sort(numbered.begin(), numbered.end(),
            [](const Heading& a, const Heading& b) { return a.begin < b.begin; });
  // The same number again (a register repeats it at the top of each page):
  // one act.
  std::vector<Heading> kept;
  for (Heading& h : numbered) {
    if (!kept.empty() && h.number && kept.back().number && *h.number == *kept.back().number)
      continue;
    kept.push_back(std::move(h));
  }
  numbered = std::move(kept);
  DropFolios(&numbered);
  // "Title : 2019-93": the number closing the title's line.
  for (const Match& m : patterns["act_number_after_title"].FindAll(text, session_end)) {
    Heading h;
    h.begin = m.begin();
    h.end = m.end();
    h.number = std::string(m["num"]);
    h.title = CleanTitle(m["title"]);
    h.numbered = true;
    numbered.push_back(std::move(h));
  }
  std::sort(numbered.begin(), numbered.end(),
            [](const Heading& a, const Heading& b) { return a.begin < b.begin; });
  RecoverGluedRanks(text, session_end, patterns, "act_number_heading", true, &numbered);
  NumberAboveThePreamble(text, session_end, patterns, &numbered);
  RecoverGarbledNumbers(text, session_end, patterns, &numbered);
  std::vector<Heading> points = Headings(text, session_end, patterns, "point_heading", false);
  RecoverGluedRanks(text, session_end, patterns, "point_heading", false, &points);
  points.erase(std::remove_if(points.begin(), points.end(),
                              [&](const Heading& p) {
                                Match m;
                                return patterns["point_is_article"].MatchAt(p.title, &m);
                              }),
               points.end());
  std::vector<Heading> objects = ObjectHeadings(text, session_end, patterns);

  // How many of a family's headings open an item the assembly decides on:
  // the evidence that the family is the file's scheme of acts.
  auto support = [&](const std::vector<Heading>& family) {
    int n = 0;
    for (size_t i = 0; i < family.size(); ++i) {
      const Heading& h = family[i];
      if (h.boundary) continue;
      size_t end = i + 1 < family.size() ? family[i + 1].begin : text.size();
      size_t body = std::min(h.end, end);
      Match m;
      if (patterns["procedural_item"].Find(h.title, &m)) continue;
      if (patterns["decision_formula"].Find(text.substr(body, end - body), &m)) ++n;
    }
    return n;
  };
  // Numbers first, then "Objet :" blocks, then points; a later family is
  // the scheme only when it explains clearly more acts (a stray number, a
  // table cell read as one, does not hide thirty numbered points).
  enum class Scheme { kNumbered, kObjects, kPoints, kNone };
  Scheme scheme = !numbered.empty()  ? Scheme::kNumbered
                  : !objects.empty() ? Scheme::kObjects
                  : !points.empty()  ? Scheme::kPoints
                                     : Scheme::kNone;
  const int by_number = support(numbered), by_object = support(objects), by_point = support(points);
  int best = scheme == Scheme::kNumbered  ? by_number
             : scheme == Scheme::kObjects ? by_object
             : scheme == Scheme::kPoints  ? by_point
                                          : 0;
  auto clearly_more = [&](int n) { return n >= 2 * best + 2; };
  if (scheme == Scheme::kNumbered && objects.size() >= 2 && clearly_more(by_object)) {
    scheme = Scheme::kObjects;
    best = by_object;
  }
  if ((scheme == Scheme::kNumbered || scheme == Scheme::kObjects) && clearly_more(by_point))
    scheme = Scheme::kPoints;

  auto lines_between = [&](size_t a, size_t b) {
    return std::count(text.begin() + static_cast<std::ptrdiff_t>(a),
                      text.begin() + static_cast<std::ptrdiff_t>(b), '\n');
  };
  std::vector<Heading> heads;
  if (scheme == Scheme::kNumbered) {
    // A number alone on its line whose title line is a point ("2019-06-014"
    // over "II – Tarifs …"): the title is the point's.
    for (Heading& n : numbered) {
      for (const Heading& p : points) {
        if (p.begin > n.begin && p.begin < n.end && !p.title.empty()) n.title = p.title;
      }
    }
    heads = numbered;
    // A point that is also a numbered heading is the same line. Points
    // printed line after line ("1. GAUDIN Sylvain", "2. NOEL Andrée": a list
    // of candidates or of works) enumerate inside an act: they end nothing.
    for (size_t k = 0; k < points.size(); ++k) {
      const Heading& p = points[k];
      // The same line, or the line a bare number's heading took as its title.
      bool same = std::any_of(numbered.begin(), numbered.end(), [&](const Heading& n) {
        return n.begin <= p.begin && p.begin < std::max(n.end, n.begin + 1);
      });
      bool listed = (k > 0 && lines_between(points[k - 1].begin, p.begin) <= 2) ||
                    (k + 1 < points.size() && lines_between(p.begin, points[k + 1].begin) <= 2);
      // An act ends after its decision: a rank above it (a table's row, a
      // lot of a market) is inside the act.
      const Heading* act = nullptr;
      for (const Heading& n : numbered) {
        if (n.begin < p.begin) act = &n;
      }
      Match d;
      bool decided =
          !act || act->end > p.begin ||
          patterns["decision_formula"].Find(text.substr(act->end, p.begin - act->end), &d);
      if (!same && !listed && decided) {
        Heading stop;
        stop.begin = p.begin;
        stop.end = p.end;
        stop.boundary = true;
        heads.push_back(stop);
      }
    }
  } else if (scheme == Scheme::kObjects) {
    heads = objects;
  } else if (scheme == Scheme::kPoints) {
    // "3 – N° 2018-024 - Exercice 2017 …": the act's number in the point.
    for (Heading& p : points) {
      Match m;
      if (patterns["number_in_title"].MatchAt(p.title, &m)) {
        p.number = std::string(m["num"]);
        p.title = CleanTitle(m["title"]);
      }
    }
    // Points printed line after line with nothing between them are a list
    // (an agenda, the points added to it): the decision under the list's
    // last line ("Accord du conseil à l'unanimité") is about the list.
    std::vector<bool> listed(points.size(), false);
    for (size_t k = 0; k + 1 < points.size(); ++k) {
      if (lines_between(points[k].begin, points[k + 1].begin) == 1)
        listed[k] = listed[k + 1] = true;
    }
    for (size_t k = 0; k < points.size(); ++k) {
      if (!listed[k]) heads.push_back(points[k]);
    }
  }
  if (heads.empty()) {
    // Titles alone on their line, the report under them; or, in a page
    // flattened into long lines, ranks after a sentence's end.
    heads = Headings(text, session_end, patterns, "bare_title_heading", false);
    if (heads.empty() && text.size() / (std::count(text.begin(), text.end(), '\n') + 1) > 400) {
      size_t from = session_end < text.size() ? session_end : 0;
      heads = Headings(text, from, patterns, "inline_point_heading", true);
      // A title alone where no rank or number opens it.
      std::vector<Heading> titles = Headings(text, from, patterns, "inline_title_heading", false);
      for (Heading& t : titles) {
        if (std::none_of(heads.begin(), heads.end(),
                         [&](const Heading& h) { return h.begin == t.begin; }))
          heads.push_back(std::move(t));
      }
    }
    // Last, a short line over a paragraph of report: the title of an
    // unnumbered act in minutes that print no heading words at all. Only
    // titles whose item decides become acts (below).
    // Both cues together: a title over "Le Maire présente …" and one over
    // another report are the same scheme.
    std::vector<Heading> lines =
        TitleLines(text, session_end < text.size() ? session_end : 0, patterns);
    // Not in an extract whose header numbers its one act ("N° 2016.02.16 -
    // Subvention …" above the lists): short lines in its report are the
    // report's own sub-headings ("Motivation et opportunité de la décision").
    auto header_numbers_the_act = [&] {
      for (const Heading& h : numbered_anywhere()) {
        if (h.begin >= session_end) break;
        if (h.number && !IsBareRank(*h.number)) return true;
      }
      return false;
    };
    if (lines.size() >= 2 && !header_numbers_the_act()) {
      for (Heading& l : lines) {
        if (std::none_of(heads.begin(), heads.end(),
                         [&](const Heading& h) { return h.begin == l.begin; }))
          heads.push_back(std::move(l));
      }
    }
  }
  // The sections after the acts that hold none of this assembly's acts (its
  // wishes, the items given for information and not voted, questions) end
  // the act before them.
  if (!heads.empty()) {
    for (const Match& m : patterns["closing_section"].FindAll(text, session_end)) {
      Heading stop;
      stop.begin = m.begin();
      stop.end = m.end();
      stop.boundary = true;
      stop.unvoted = m.has("unvoted");
      heads.push_back(stop);
    }
  }
  std::sort(heads.begin(), heads.end(),
            [](const Heading& a, const Heading& b) { return a.begin < b.begin; });

  std::vector<ActSpan> acts;
  bool any_heading = false;
  bool unvoted = false;  // inside a section of items not voted
  for (size_t i = 0; i < heads.size(); ++i) {
    const Heading& h = heads[i];
    if (h.boundary) {
      unvoted = h.unvoted;
      continue;
    }
    if (unvoted) continue;
    any_heading = true;
    size_t end = i + 1 < heads.size() ? heads[i + 1].begin : text.size();
    // A heading whose title runs into the next heading ends where it starts.
    size_t body = std::min(h.end, end);
    Match m;
    // The sitting's own business is no act, even numbered; other procedural
    // items (information, questions) are acts only under an act number.
    bool sitting = patterns["sitting_business"].Find(h.title, &m);
    bool procedural = sitting || patterns["procedural_item"].Find(h.title, &m);
    bool real_number = h.number && !IsBareRank(*h.number);
    bool decides = patterns["decision_formula"].Find(text.substr(body, end - body), &m);
    if (sitting || (procedural && !real_number)) continue;
    // The mayor's decisions under delegation, reported to the council.
    if (patterns["delegation_title"].Find(h.title, &m) &&
        patterns["delegated_decisions_taken"].Find(
            text.substr(body, std::min<size_t>(600, end - body)), &m))
      continue;
    // The last item of a file cut short (an excerpt that ends mid-sentence)
    // may have lost its decision with the rest of the text.
    bool cut_short = end == text.size() && i + 1 == heads.size() && IsTruncated(text);
    if (!real_number && !decides && !cut_short) continue;
    ActSpan a;
    a.begin = h.begin;
    a.end = end;
    a.body = body;
    if (h.number) a.number = h.number;
    if (!h.title.empty()) a.title = h.title;
    acts.push_back(a);
  }
  // Headings were there, and none was an act: the file has no act.
  if (!acts.empty() || any_heading) return acts;

  // One act for the whole file: a register extract or a single deliberation.
  Match m;
  size_t begin = session_end;
  bool spans_header = false;
  // The header's numbered heading ("Délibération n° 2024-38", "N° 36/2023").
  const Heading* header = nullptr;
  for (const Heading& h : numbered_anywhere()) {
    if (h.number && !IsBareRank(*h.number)) {
      header = &h;
      break;
    }
  }
  if (begin >= text.size()) {
    // A flattened page: the act begins with its report or first visa. Or an
    // extract whose heading, decision and vote all sit above its lists
    // ("DÉLIBÉRATION : DEL 20-86 …", "DÉLIBÉRATION APPROUVÉE : Pour 86", then
    // the members present): the act is the file from its heading on.
    if (patterns["act_body_start_inline"].Find(text, &m)) {
      begin = m.begin();
    } else {
      const Heading* first = numbered_anywhere().empty() ? nullptr : &numbered_anywhere()[0];
      if (!first || !first->number || IsBareRank(*first->number)) return acts;
      begin = first->begin;
      spans_header = true;
    }
  }
  std::string_view body = text.substr(begin);
  // A decision, other than approving earlier minutes ("Le compte-rendu de
  // la réunion du … est approuvé à l'unanimité"), which makes no act.
  bool decides = false;
  Match d;
  for (size_t at = 0; !decides && patterns["decision_formula"].Find(body, &d, at);
       at = std::max(d.end(), d.begin() + 1)) {
    size_t para = body.rfind("\n\n", d.begin());
    para = para == std::string_view::npos ? 0 : para + 2;
    Match minutes;
    if (patterns["minutes_approval"].Find(body.substr(para, d.end() - para), &minutes)) continue;
    // Nor does the sitting's own business, decided in the sentence or the
    // one before: its secretary, its agenda ("… d'inverser le point n° 5
    // avec le point 6. Le conseil municipal accepte à l'unanimité.").
    // (Read in the whole text: the secretary's line, which ends the session
    // part, may hold the start of the sentence.)
    size_t at_text = begin + d.begin();
    size_t floor = text.rfind("\n\n", at_text);
    floor = floor == std::string_view::npos ? 0 : floor + 2;
    if (begin > 1) {  // no further back than the line before the act
      size_t line_before = text.rfind('\n', begin - 2);
      line_before = line_before == std::string_view::npos ? 0 : line_before + 1;
      // Not even that far when it is the secretary's label line
      // ("Secrétaire de séance : Mme X"): complete, it starts no sentence.
      Match label;
      bool labelled = patterns["secretary_label"].MatchAt(text, &label, line_before);
      floor = std::max(floor, labelled ? begin : line_before);
    }
    size_t from = at_text;
    for (int sentences = 0; sentences < 2 && from > floor; ++sentences) {
      size_t stop = from - 1;
      while (stop > floor && !(text[stop] == '.' && stop + 1 < text.size() &&
                               (text[stop + 1] == ' ' || text[stop + 1] == '\n')))
        --stop;
      from = stop;
    }
    decides =
        !patterns["procedural_decision"].Find(text.substr(from, begin + d.end() - from), &minutes);
  }
  if (!decides) return acts;
  ActSpan a;
  a.begin = begin;
  a.end = text.size();
  a.body = begin;
  a.spans_header = spans_header;
  // Its number, printed in the header.
  std::string header_title;
  if (header) {
    a.number = header->number;
    header_title = header->title;
  }
  std::string inline_title;
  if (!a.number && patterns["act_number_inline"].Find(text, &m)) {
    a.number = std::string(m["num"]);
    if (m.has("title")) inline_title = CleanTitle(m["title"]);
  }
  if (patterns["act_object"].Find(text, &m)) {
    std::string title = CleanTitle(m["title"]);
    if (!title.empty()) a.title = title;
  } else if (patterns["title_after_deliberation"].Find(text, &m)) {
    std::string_view t = m["title"];
    // Skip the header's labels ("Matière 7.5 Subventions") before the title.
    for (;;) {
      Match label;
      size_t nl = t.find('\n');
      if (nl == std::string_view::npos || !patterns["header_label"].MatchAt(t, &label)) break;
      t = t.substr(nl + 1);
    }
    size_t rule = t.find("\n_");
    if (rule != std::string_view::npos) t = t.substr(0, rule);
    std::string title = CleanTitle(t);
    if (!title.empty() && title.size() < 300) a.title = title;
  }
  if (!a.title && !header_title.empty()) a.title = header_title;
  if (!a.title && !inline_title.empty()) a.title = inline_title;
  acts.push_back(a);
  return acts;
}

}  // namespace delibex
