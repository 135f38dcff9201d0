// Normalization in two passes over a Document's pages.
//
// Pass 1 classifies every line of every page, looking only at the raw text:
//   blank; web chrome (patterns "web_chrome_line", plus the bare counters
//   that follow a chrome line, like the "12" "0" "0" under "Copied!");
//   page number ("page_number_line" among the first two and last two lines
//   of a page, "page_number_bare" as its very first or last line); running
//   header or footer (below); or text.
// Pass 2 writes the kept lines, character by character, into one string:
//   runs of unchanged bytes are appended as they are and get one anchor in
//   the OffsetMap; each rewritten character (a quote, a space, a decomposed
//   accent) gets its own anchor, so that every byte of the output maps back to
//   its page and offset. Letter-spaced capitals are found per line first, as
//   byte ranges of spaces to skip; a line-end hyphen is resolved after its
//   line is written, by looking at the written text on its left and the next
//   raw line on its right.
//
// Running headers and footers. Among the outermost two lines at the top and
// at the bottom of each page (page numbers and chrome already set aside), a
// line is a running header or footer when its text, white space collapsed
// and digits ignored, appears on at least half the pages of a document of
// three pages or more. Its first occurrence is kept and the others dropped:
// the first copy often carries the only mention of the authority or the
// session, and keeping it costs one stray line. Two guards, because a
// register prints one act per page and every act repeats its own closing
// lines at the same place:
//   - a line that says something about an act (its number, a vote, a
//     signature, a stamp: see kActWords) is never a running header;
//   - when occurrences differ by their digits, exactly one number may differ
//     and it must follow the page numbering ("séance du 5 juin   2", "... 3"):
//     an act number or an @CTES identifier that changes from page to page is
//     not a page number.
//
// Hyphens at a line end (the next line starts with a letter; not across
// pages, since the page join is a paragraph break for segment/):
//   lower-case letter on both sides        -> word split, hyphen removed,
//     unless the word is a compound: its left part already has a hyphen
//     ("c'est-à-\ndire"), or is a prefix that keeps it ("ci-", "sous-",
//     kHyphenPrefixes), or the right part is a word that follows a hyphen
//     ("-même", "-annexée", kHyphenSuffixes): hyphen kept, lines joined;
//   lower-case left, capital right         -> "Putanges-le-\nLac",
//     "Jean-\nPierre": hyphen kept, lines joined;
//   capitals on both sides ("RÈGLE-\nMENT" may be either), digits, a dash
//     after a space, a dash that starts the next line (a list item)
//                                          -> not joined; but a left part
//     that already has a hyphen is a compound whatever the case:
//     "TARN-ET-\nGARONNE" -> "TARN-ET-GARONNE".
// Left and right are judged on their first and last letters only; the lists
// are short on purpose (a word missing from them loses its hyphen, a word
// wrongly in them keeps a stray one; neither loses text).
// A soft hyphen (U+00AD) at a line end always joins and disappears.
//
// Letter-spaced capitals: a run of single capital letters separated by the
// same number of spaces is one word when it is clearly spacing, not a list
// of initials: four letters or more ("D E L I B E R A T I O N"), or letters
// two spaces apart ("D  É  LIBERATION", where the rest of the word follows
// unspaced and is joined too). Other short runs on the same line, at the
// same spacing, are joined as well ("D U"). Initials carry a full stop
// ("J. P. MARTIN", "M. A. B.") and are never single letters.
#include "normalize/normalize.h"

#include <utf8proc.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "core/text.h"
#include "normalize/tables.h"

namespace delibex {

void OffsetMap::Add(size_t normalized_offset, SourcePosition source) {
  // Anchors are added left to right; an anchor at or before the last one
  // replaces what follows it (text written and then taken back).
  while (!anchors_.empty() && anchors_.back().first >= normalized_offset) anchors_.pop_back();
  anchors_.emplace_back(normalized_offset, source);
}

SourcePosition OffsetMap::Lookup(size_t normalized_offset) const {
  auto it = std::upper_bound(
      anchors_.begin(), anchors_.end(), normalized_offset,
      [](size_t v, const std::pair<size_t, SourcePosition>& a) { return v < a.first; });
  if (it == anchors_.begin()) return SourcePosition{};
  --it;
  return SourcePosition{it->second.page, it->second.offset + (normalized_offset - it->first)};
}

namespace {

using Text = std::string_view;

// ---------------------------------------------------------------------------
// White space as found in exported text.

// The byte length of the white-space character at s[i] (ASCII blanks, NBSP,
// U+2000-U+200F, U+202F, U+205F, U+2060, U+3000, U+FEFF), or 0.
size_t SpaceAt(Text s, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c < 0xC2) return 0;
  size_t left = s.size() - i;
  if (c == 0xC2) return left >= 2 && b(i + 1) == 0xA0 ? 2 : 0;
  if (left < 3) return 0;
  if (c == 0xE2) {
    if (b(i + 1) == 0x80 && (b(i + 2) <= 0x8F || b(i + 2) == 0xAF)) return 3;
    if (b(i + 1) == 0x81 && (b(i + 2) == 0x9F || b(i + 2) == 0xA0)) return 3;
    return 0;
  }
  if (c == 0xE3) return b(i + 1) == 0x80 && b(i + 2) == 0x80 ? 3 : 0;
  if (c == 0xEF) return b(i + 1) == 0xBB && b(i + 2) == 0xBF ? 3 : 0;
  return 0;
}

// The byte length of the white-space character that ends at s[end), or 0.
size_t SpaceBefore(Text s, size_t begin, size_t end) {
  for (size_t len = 1; len <= 3 && len <= end - begin; ++len) {
    size_t at = end - len;
    if ((static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) continue;  // inside a character
    return SpaceAt(s.substr(0, end), at) == len ? len : 0;
  }
  return 0;
}

// ---------------------------------------------------------------------------
// Pass 1: lines and what they are.

enum class LineKind : uint8_t { kText, kBlank, kChrome, kPageNumber, kRunning };

struct Line {
  size_t begin = 0, end = 0;    // in the page text, without the "\n"
  size_t tbegin = 0, tend = 0;  // trimmed of white space
  LineKind kind = LineKind::kText;
  Text trimmed(Text page) const { return page.substr(tbegin, tend - tbegin); }
};

bool Dropped(LineKind k) {
  return k == LineKind::kChrome || k == LineKind::kPageNumber || k == LineKind::kRunning;
}

bool AllDigits(Text s, size_t max_len) {
  if (s.empty() || s.size() > max_len) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// The line patterns start with ^ and the subject is one line, so Find is an
// anchored match; Pattern::MatchAt would pass PCRE2_ANCHORED at match time,
// which sends PCRE2 from its JIT back to the interpreter.
bool WholeMatch(const Pattern* p, Text s, Match* m) {
  return p && p->Find(s, m, 0) && m->begin() == 0 && m->end() == s.size();
}

void SplitLines(Text page, std::vector<Line>* lines) {
  lines->clear();
  size_t b = 0;
  while (true) {
    size_t e = page.find('\n', b);
    Line line;
    line.begin = b;
    line.end = e == Text::npos ? page.size() : e;
    size_t tb = line.begin, te = line.end;
    while (tb < te) {
      size_t n = SpaceAt(page.substr(0, te), tb);
      if (!n) break;
      tb += n;
    }
    while (te > tb) {
      size_t n = SpaceBefore(page, tb, te);
      if (!n) break;
      te -= n;
    }
    line.tbegin = tb;
    line.tend = te;
    line.kind = tb == te ? LineKind::kBlank : LineKind::kText;
    lines->push_back(line);
    if (e == Text::npos) break;
    b = e + 1;
  }
}

struct Classifier {
  const Pattern* chrome = nullptr;
  const Pattern* page_line = nullptr;
  const Pattern* page_bare = nullptr;
  Match match;

  void Classify(Text page, std::vector<Line>* lines) {
    constexpr size_t kLongestChrome = 300;
    LineKind before = LineKind::kBlank;
    for (Line& line : *lines) {
      if (line.kind == LineKind::kBlank) {
        before = LineKind::kBlank;
        continue;
      }
      Text t = line.trimmed(page);
      if (t.size() <= kLongestChrome && WholeMatch(chrome, t, &match)) {
        line.kind = LineKind::kChrome;
      } else if (before == LineKind::kChrome && AllDigits(t, 6)) {
        line.kind = LineKind::kChrome;  // a view or download counter under a button
      }
      before = line.kind;
    }
    // Page numbers sit at the page's edges: the first two and last two lines
    // with text for the labelled forms, the very first and last for a bare
    // number.
    std::vector<size_t> edge;
    for (int pass = 0; pass < 2; ++pass) {
      edge.clear();
      for (size_t i = 0; i < lines->size(); ++i) {
        if ((*lines)[i].kind == LineKind::kText) edge.push_back(i);
      }
      size_t n = edge.size();
      size_t reach = pass == 0 ? 2 : 1;
      for (size_t k = 0; k < n; ++k) {
        if (k >= reach && k + reach < n) continue;
        Line& line = (*lines)[edge[k]];
        Text t = line.trimmed(page);
        if (t.size() > 24) continue;
        if (WholeMatch(pass == 0 ? page_line : page_bare, t, &match)) {
          line.kind = LineKind::kPageNumber;
        }
      }
    }
  }
};

// Collapsed text of a line (runs of white space made one space).
std::string Collapse(Text s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size();) {
    size_t n = SpaceAt(s, i);
    if (n) {
      space = true;
      i += n;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += s[i++];
  }
  return out;
}

// Words that make a repeated line part of an act rather than page furniture,
// compared with Fold()ed words (lower case, no accents).
constexpr std::string_view kActWords[] = {
    "abstention", "abstentions", "acte",       "adopte",   "adoptee",      "affiche",
    "article",    "certifie",    "conforme",   "contre",   "deliberation", "deliberations",
    "delibere",   "envoye",      "executoire", "extrait",  "id",           "maire",
    "n",          "objet",       "point",      "pour",     "prefecture",   "president",
    "presidente", "publie",      "recu",       "registre", "secretaire",   "signe",
    "transmis",   "unanimite",   "vote",       "votes"};

bool SaysSomethingAboutAnAct(Text line) {
  if (line.find("\xC2\xB0") != Text::npos || line.find("\xC2\xBA") != Text::npos) return true;
  std::string folded = Fold(line);
  size_t b = 0;
  while (b < folded.size()) {
    size_t e = folded.find(' ', b);
    if (e == std::string::npos) e = folded.size();
    Text word(folded.data() + b, e - b);
    for (Text w : kActWords) {
      if (word == w) return true;
    }
    b = e + 1;
  }
  return false;
}

std::vector<Text> DigitRuns(Text s) {
  std::vector<Text> runs;
  for (size_t i = 0; i < s.size();) {
    if (s[i] >= '0' && s[i] <= '9') {
      size_t j = i;
      while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
      runs.push_back(s.substr(i, j - i));
      i = j;
    } else {
      ++i;
    }
  }
  return runs;
}

struct Occurrence {
  int page;
  size_t line;
  std::string exact;
};

// True when occurrences that differ by their digits differ by one page
// number: a single run of at most three digits whose value minus the page
// index is the same on every page.
bool DiffersByPageNumber(const std::vector<const Occurrence*>& occ) {
  std::vector<std::vector<Text>> runs;
  for (const Occurrence* o : occ) runs.push_back(DigitRuns(o->exact));
  size_t count = runs[0].size();
  for (const auto& r : runs) {
    if (r.size() != count) return false;
  }
  int varying = -1;
  for (size_t k = 0; k < count; ++k) {
    for (const auto& r : runs) {
      if (r[k] != runs[0][k]) {
        if (varying >= 0 && varying != static_cast<int>(k)) return false;
        varying = static_cast<int>(k);
      }
    }
  }
  if (varying < 0) return true;
  long offset = 0;
  for (size_t i = 0; i < occ.size(); ++i) {
    Text r = runs[i][varying];
    if (r.size() > 3) return false;
    long value = std::stol(std::string(r));
    long d = value - occ[i]->page;
    if (i == 0) offset = d;
    if (d != offset) return false;
  }
  return true;
}

void MarkRunningLines(const std::vector<Text>& texts, std::vector<std::vector<Line>>* pages) {
  constexpr size_t kEdge = 2;
  size_t with_text = 0;
  for (const auto& lines : *pages) {
    with_text += std::any_of(lines.begin(), lines.end(),
                             [](const Line& l) { return l.kind == LineKind::kText; });
  }
  if (with_text < 3) return;
  size_t needed = std::max<size_t>(2, (with_text + 1) / 2);

  std::vector<Occurrence> occurrences;
  std::unordered_map<std::string, std::vector<size_t>> by_key;
  std::vector<size_t> text_lines;
  for (size_t p = 0; p < pages->size(); ++p) {
    Text page = texts[p];
    const auto& lines = (*pages)[p];
    text_lines.clear();
    for (size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].kind == LineKind::kText) text_lines.push_back(i);
    }
    for (size_t k = 0; k < text_lines.size(); ++k) {
      if (k >= kEdge && k + kEdge < text_lines.size()) continue;
      std::string exact = Collapse(lines[text_lines[k]].trimmed(page));
      std::string key = exact;
      size_t letters = 0;
      for (char& c : key) {
        auto u = static_cast<unsigned char>(c);
        if (c >= '0' && c <= '9') c = '#';
        letters += (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || u >= 0xC0;
      }
      if (letters < 3) continue;
      by_key[key].push_back(occurrences.size());
      occurrences.push_back({static_cast<int>(p), text_lines[k], std::move(exact)});
    }
  }

  std::vector<const Occurrence*> group;
  for (const auto& [key, indices] : by_key) {
    if (indices.size() < needed) continue;
    group.clear();
    int last_page = -1;
    size_t distinct = 0;
    for (size_t i : indices) {  // in page order, as collected
      const Occurrence& o = occurrences[i];
      if (o.page != last_page) ++distinct;
      last_page = o.page;
      group.push_back(&o);
    }
    if (distinct < needed) continue;
    if (SaysSomethingAboutAnAct(group[0]->exact)) continue;
    if (!DiffersByPageNumber(group)) continue;
    for (size_t i = 1; i < group.size(); ++i) {
      (*pages)[group[i]->page][group[i]->line].kind = LineKind::kRunning;
    }
  }
}

// ---------------------------------------------------------------------------
// Pass 2: writing.

// Appends output and records where each piece came from.
class Emitter {
 public:
  explicit Emitter(std::string* text) : text_(*text) {}

  void SetPage(int page, Text text) {
    page_ = page;
    source_ = text;
    run_ = false;
  }

  // Bytes [src, src + len) of the page, unchanged.
  void Copy(size_t src, size_t len) {
    if (!(run_ && src == next_)) Anchor(src);
    text_.append(source_.data() + src, len);
    next_ = src + len;
    run_ = true;
  }

  // A rewritten character: `with` stands for the source bytes at src.
  void Replace(size_t src, Text with) {
    Anchor(src);
    text_.append(with);
    run_ = false;
  }

  void Skip() { run_ = false; }

  // The blank line that joins two pages; it maps to the next page's start.
  void PageBreak() {
    Anchor(0);
    text_ += "\n\n";
    run_ = false;
  }

  void Truncate(size_t size) {
    text_.resize(size);
    while (!anchors_.empty() && anchors_.back().first >= size) anchors_.pop_back();
    run_ = false;
  }

  // Adds the anchors to *map; on a page whose tables were rewritten
  // (tables[page] holds a rewrite), offsets in the rewritten page are taken
  // back to the page itself: a run copied from it may span several of its
  // pieces.
  void Finish(const std::vector<std::optional<TableRewrite>>& tables, OffsetMap* map) {
    for (size_t i = 0; i < anchors_.size(); ++i) {
      const auto& [at, pos] = anchors_[i];
      const TableRewrite* t = static_cast<size_t>(pos.page) < tables.size() && tables[pos.page]
                                  ? &*tables[pos.page]
                                  : nullptr;
      if (!t) {
        map->Add(at, pos);
        continue;
      }
      size_t len = (i + 1 < anchors_.size() ? anchors_[i + 1].first : text_.size()) - at;
      map->Add(at, {pos.page, t->PageOffset(pos.offset)});
      auto it = std::upper_bound(t->anchors.begin(), t->anchors.end(), pos.offset,
                                 [](size_t v, const RewriteAnchor& a) { return v < a.text; });
      for (; it != t->anchors.end() && it->text < pos.offset + len; ++it) {
        map->Add(at + (it->text - pos.offset), {pos.page, it->page});
      }
    }
  }

 private:
  void Anchor(size_t src) {
    SourcePosition pos{page_, src};
    if (!anchors_.empty() && anchors_.back().first == text_.size()) {
      anchors_.back().second = pos;
    } else {
      anchors_.emplace_back(text_.size(), pos);
    }
  }

  std::string& text_;
  std::vector<std::pair<size_t, SourcePosition>> anchors_;
  int page_ = 0;
  Text source_;
  bool run_ = false;
  size_t next_ = 0;
};

// What becomes of one character.
enum class Action : uint8_t { kKeep, kDrop, kReplace };
struct Rewrite {
  Action action;
  char with;
};

Rewrite RewriteOf(int32_t cp) {
  if (cp < 0x80) {
    if (cp == '\t') return {Action::kReplace, ' '};
    if (cp == '`') return {Action::kReplace, '\''};
    if (cp < 0x20 || cp == 0x7F) return {Action::kDrop, 0};
    return {Action::kKeep, 0};
  }
  // Latin letters and modifiers (the accented letters of French text) are
  // kept; U+02BC is the one apostrophe among them.
  if (cp >= 0xC0 && cp < 0x300 && cp != 0x02BC) return {Action::kKeep, 0};
  switch (cp) {
    case 0x2019:  // ’
    case 0x2018:  // ‘
    case 0x201B:  // ‛
    case 0x02BC:  // ʼ
    case 0x00B4:  // ´
    case 0xFF07:  // ＇
      return {Action::kReplace, '\''};
    case 0x201C:  // “
    case 0x201D:  // ”
    case 0x201E:  // „
    case 0x201F:  // ‟
      return {Action::kReplace, '"'};
    case 0x2028:
    case 0x2029:
      return {Action::kReplace, ' '};
    default:
      break;
  }
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_ZS:
      return {Action::kReplace, ' '};
    case UTF8PROC_CATEGORY_CF:  // soft hyphen, zero-width spaces and joiners, BOM
    case UTF8PROC_CATEGORY_CC:
      return {Action::kDrop, 0};
    default:
      return {Action::kKeep, 0};
  }
}

// Characters whose NFC form is always themselves, alone or before another
// such character: below U+0300 (no combining marks) and general punctuation
// (U+2000/U+2001 excepted, which NFC maps to U+2002/U+2003).
bool SurelyNfc(int32_t cp) { return cp < 0x300 || (cp >= 0x2002 && cp <= 0x206F); }

void AppendUtf8(std::string* out, int32_t cp) {
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t n = utf8proc_encode_char(cp, buf);
  out->append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

bool IsSpaceChar(Text s, size_t i) { return SpaceAt(s, i) != 0; }

int32_t CodePointAt(Text s, size_t i, size_t* len) {
  int n = 1;
  int32_t cp = DecodeAt(s, i, &n);
  *len = static_cast<size_t>(n);
  return cp;
}

// The code point that ends at s[end), with its start in *start.
int32_t CodePointBefore(Text s, size_t begin, size_t end, size_t* start) {
  size_t b = end - 1;
  while (b > begin && end - b < 4 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
  size_t len = 0;
  int32_t cp = CodePointAt(s, b, &len);
  if (b + len != end) {
    b = end - 1;
    cp = 0xFFFD;
  }
  *start = b;
  return cp;
}

bool IsMark(int32_t cp) {
  auto c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ME;
}

struct Token {
  size_t begin, end;    // bytes in the page
  size_t gap_begin;     // the white space before it starts here
  int gap = 0;          // ... and holds this many characters
  bool letter = false;  // a single capital letter (with its accents)
  bool upper_word = false;
};

// A cheap look at the bytes: does page[b, e) hold two words that may be a
// single capital letter (an ASCII or Latin-1 capital, maybe followed by
// combining accents)? Most lines do not, and skip the real analysis.
bool MayBeLetterSpaced(Text page, size_t b, size_t e) {
  Text line = page.substr(0, e);
  auto space = [&](size_t i) {
    auto c = static_cast<unsigned char>(line[i]);
    return c > ' ' && c < 0x80 ? 0 : SpaceAt(line, i);
  };
  int found = 0;
  size_t i = b;
  while (i < e) {
    if (size_t n = space(i)) {
      i += n;
      continue;
    }
    auto c = static_cast<unsigned char>(page[i]);
    size_t start = i;
    while (i < e && !space(i)) ++i;
    size_t len = i - start;
    auto second = len >= 2 ? static_cast<unsigned char>(page[start + 1]) : 0;
    bool capital =
        (len == 1 && c >= 'A' && c <= 'Z') ||                                    // "D"
        (len == 2 && c == 0xC3 && second >= 0x80 && second <= 0x9E) ||           // "É"
        (len == 2 && (c == 0xC4 || c == 0xC5)) ||                                // "Œ", "Ł"
        (c >= 'A' && c <= 'Z' && len <= 8 && second >= 0xCC && second <= 0xCD);  // "E\u0301"
    if (capital) {
      if (++found >= 2) return true;
    }
  }
  return false;
}

// Finds the spaces to skip in letter-spaced capitals of page[b, e).
void LetterSpacing(Text page, size_t b, size_t e, std::vector<Token>* tokens,
                   std::vector<std::pair<size_t, size_t>>* gaps) {
  gaps->clear();
  tokens->clear();
  if (!MayBeLetterSpaced(page, b, e)) return;
  size_t singles = 0;
  size_t i = b;
  while (i < e) {
    Token t;
    t.gap_begin = i;
    while (i < e) {
      size_t n = SpaceAt(page.substr(0, e), i);
      if (!n) break;
      ++t.gap;
      i += n;
    }
    if (i >= e) break;
    t.begin = i;
    while (i < e && !IsSpaceChar(page.substr(0, e), i)) ++i;
    t.end = i;
    if (t.end - t.begin <= 12) {
      size_t len = 0;
      int32_t cp = CodePointAt(page, t.begin, &len);
      if (IsUpperLetter(cp)) {
        size_t k = t.begin + len;
        size_t letters = 1;
        bool only_upper = true;
        while (k < t.end) {
          int32_t c = CodePointAt(page, k, &len);
          if (IsUpperLetter(c)) {
            ++letters;
          } else if (!IsMark(c)) {
            only_upper = false;
          }
          k += len;
        }
        t.letter = letters == 1 && only_upper;
        singles += t.letter;
      }
    }
    tokens->push_back(t);
  }
  if (singles < 2) return;
  for (Token& t : *tokens) {
    if (t.letter) continue;
    size_t letters = 0;
    bool upper = true;
    for (size_t k = t.begin; k < t.end && upper;) {
      size_t len = 0;
      int32_t c = CodePointAt(page, k, &len);
      if (IsUpperLetter(c)) {
        ++letters;
      } else if (!IsMark(c)) {
        upper = false;
      }
      k += len;
    }
    t.upper_word = upper && letters >= 2;
  }

  struct Run {
    size_t first, last;
    int spacing;
    bool clear;  // clearly letter spacing on its own
  };
  std::vector<Run> runs;
  const auto& tok = *tokens;
  for (size_t s = 0; s < tok.size();) {
    if (!tok[s].letter) {
      ++s;
      continue;
    }
    size_t last = s;
    while (last + 1 < tok.size() && tok[last + 1].letter) ++last;
    if (last > s) {
      int w = tok[s + 1].gap;
      for (size_t k = s + 1; k <= last; ++k) w = std::min(w, tok[k].gap);
      // A gap much wider than the letter spacing is a word break.
      size_t from = s;
      for (size_t k = s + 1; k <= last + 1; ++k) {
        if (k <= last && tok[k].gap < 2 * w + 1) continue;
        if (k - 1 > from) {
          int sw = tok[from + 1].gap;
          for (size_t j = from + 1; j < k; ++j) sw = std::min(sw, tok[j].gap);
          size_t count = k - from;
          runs.push_back({from, k - 1, sw, count >= 4 || sw >= 2});
        }
        from = k;
      }
    }
    s = last + 1;
  }
  for (const Run& r : runs) {
    bool join = r.clear;
    for (const Run& other : runs) join = join || (other.clear && other.spacing == r.spacing);
    if (!join) continue;
    for (size_t k = r.first + 1; k <= r.last; ++k)
      gaps->push_back({tok[k].gap_begin, tok[k].begin});
    size_t count = r.last - r.first + 1;
    size_t next = r.last + 1;
    if (count <= 3 && r.spacing >= 2 && next < tok.size() && tok[next].upper_word &&
        tok[next].gap <= r.spacing) {
      gaps->push_back({tok[next].gap_begin, tok[next].begin});
    }
  }
  std::sort(gaps->begin(), gaps->end());
}

// Words that keep their hyphen at a line end even between lower-case letters:
// compounds that are common in deliberations, and numbers in words, which
// dates in words are made of ("vingt-\ntrois", "dix-\nhuit"). None of them
// is the first syllable of a word that French splits there.
constexpr std::string_view kHyphenPrefixes[] = {
    "ci",     "là",       "vice",      "demi",     "semi",  "quasi", "sous",
    "avant",  "après",    "arrière",   "chef",     "rez",   "dix",   "vingt",
    "trente", "quarante", "cinquante", "soixante", "quatre"};
constexpr std::string_view kHyphenSuffixes[] = {
    "dessus",   "dessous",  "delà",  "dedans", "devant", "après",   "annexé", "annexée",
    "annexés",  "annexées", "joint", "jointe", "joints", "jointes", "inclus", "incluse",
    "incluses", "même",     "mêmes", "être",   "ci",     "là",      "à",      "il",
    "ils",      "elle",     "elles", "on",     "t",      "dire",    "uns",    "unes",
    "un",       "une",      "et",    "deux",   "trois",  "quatre",  "cinq",   "six",
    "sept",     "huit",     "neuf",  "dix",    "onze",   "douze",   "treize", "quatorze",
    "quinze",   "seize",    "vingt", "vingts", "cent",   "cents"};

bool OneOf(Text word, const std::string_view* list, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (word == list[i]) return true;
  }
  return false;
}

std::string AsciiLower(Text s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

enum class Join { kNo, kDropHyphen, kKeepHyphen, kSoftHyphen };

class Writer {
 public:
  Writer(const std::vector<Text>& texts, NormalizedText* out)
      : texts_(texts), out_(*out), emit_(&out->text) {}

  void WritePage(int p, const std::vector<Line>& lines) {
    Text page = texts_[p];
    emit_.SetPage(p, page);
    size_t first = lines.size(), last = 0;
    for (size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].kind == LineKind::kText) {
        first = std::min(first, i);
        last = i;
      }
    }
    if (first == lines.size()) {
      out_.page_starts.push_back(out_.text.size());
      return;
    }
    if (!out_.text.empty()) emit_.PageBreak();
    out_.page_starts.push_back(out_.text.size());

    bool joined = false;      // the previous line ends in a join into this one
    bool last_blank = false;  // the last line written was blank
    bool dropped = false;     // a line was dropped since the last one written
    size_t previous = first;  // the last line written
    for (size_t i = first; i <= last; ++i) {
      const Line& line = lines[i];
      if (Dropped(line.kind)) {
        dropped = true;
        continue;
      }
      bool blank = line.kind == LineKind::kBlank;
      // "text, blank, chrome, blank, text" keeps one blank line.
      if (blank && last_blank && dropped) continue;
      if (i != first && !joined) emit_.Copy(lines[previous].end, 1);  // its "\n"
      size_t line_start = out_.text.size();
      if (!blank) WriteLine(page, joined ? line.tbegin : line.begin, line.tend);
      joined = false;
      if (!blank && i < last && lines[i + 1].kind == LineKind::kText) {
        Join j = DecideJoin(page, line, line_start, lines[i + 1]);
        if (j == Join::kDropHyphen) emit_.Truncate(hyphen_at_);
        joined = j != Join::kNo;
      }
      last_blank = blank;
      dropped = false;
      previous = i;
    }
  }

  void Finish(const std::vector<std::optional<TableRewrite>>& tables) {
    emit_.Finish(tables, &out_.map);
  }

 private:
  void WriteLine(Text page, size_t b, size_t e) {
    LetterSpacing(page, b, e, &tokens_, &gaps_);
    size_t gi = 0;
    size_t i = b;
    while (i < e) {
      if (gi < gaps_.size() && i >= gaps_[gi].first) {
        i = std::max(i, gaps_[gi].second);
        ++gi;
        emit_.Skip();
        continue;
      }
      size_t limit = gi < gaps_.size() ? gaps_[gi].first : e;
      auto c = static_cast<unsigned char>(page[i]);
      if (c < 0x80 && !(i + 1 < limit && static_cast<unsigned char>(page[i + 1]) >= 0x80)) {
        size_t j = i;
        while (j < limit) {
          auto d = static_cast<unsigned char>(page[j]);
          if (d >= 0x80 || d < 0x20 || d == 0x7F || d == '`') break;
          ++j;
        }
        // The character before a non-ASCII one may combine with it: leave it
        // to Segment.
        if (j < limit && static_cast<unsigned char>(page[j]) >= 0x80) --j;
        if (j > i) {
          emit_.Copy(i, j - i);
          i = j;
          continue;
        }
        Apply(RewriteOf(c), i, 1);
        ++i;
        continue;
      }
      i = Segment(page, i, limit);
    }
  }

  void Apply(Rewrite r, size_t src, size_t len) {
    switch (r.action) {
      case Action::kKeep:
        emit_.Copy(src, len);
        break;
      case Action::kDrop:
        emit_.Skip();
        break;
      case Action::kReplace:
        emit_.Replace(src, Text(&r.with, 1));
        break;
    }
  }

  // Writes the characters from page[i] up to the next ASCII character (the
  // first one may be ASCII), in NFC; returns where it stopped.
  size_t Segment(Text page, size_t i, size_t limit) {
    cps_.clear();
    offsets_.clear();
    size_t k = i;
    if (static_cast<unsigned char>(page[k]) < 0x80) {
      cps_.push_back(static_cast<unsigned char>(page[k]));
      offsets_.push_back(k++);
    }
    bool simple = true;
    while (k < limit && static_cast<unsigned char>(page[k]) >= 0x80) {
      utf8proc_int32_t cp = 0;
      utf8proc_ssize_t n =
          utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(page.data() + k),
                           static_cast<utf8proc_ssize_t>(limit - k), &cp);
      if (n <= 0) break;
      simple = simple && SurelyNfc(cp);
      cps_.push_back(cp);
      offsets_.push_back(k);
      k += static_cast<size_t>(n);
    }
    if (cps_.empty()) {  // an invalid byte: Documents should not hold any
      emit_.Replace(i, "\xEF\xBF\xBD");
      return i + 1;
    }
    size_t end = k;
    if (!simple && !Nfc(page.substr(i, end - i))) {
      std::string composed;
      for (int32_t cp : nfc_) {
        Rewrite r = RewriteOf(cp);
        if (r.action == Action::kKeep) AppendUtf8(&composed, cp);
        if (r.action == Action::kReplace) composed += r.with;
      }
      emit_.Replace(i, composed);
      return end;
    }
    for (size_t n = 0; n < cps_.size(); ++n) {
      size_t len = (n + 1 < cps_.size() ? offsets_[n + 1] : end) - offsets_[n];
      Apply(RewriteOf(cps_[n]), offsets_[n], len);
    }
    return end;
  }

  // Computes the NFC form of s into nfc_; true when it equals cps_.
  bool Nfc(Text s) {
    constexpr auto kOptions = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (nfc_.size() < 2 * s.size() + 8) nfc_.resize(2 * s.size() + 8);
    utf8proc_ssize_t n;
    while (true) {
      n = utf8proc_decompose_custom(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                    static_cast<utf8proc_ssize_t>(s.size()), nfc_.data(),
                                    static_cast<utf8proc_ssize_t>(nfc_.size()), kOptions, nullptr,
                                    nullptr);
      if (n < 0) return true;  // cannot happen on valid UTF-8: keep the text as it is
      if (static_cast<size_t>(n) <= nfc_.size()) break;
      nfc_.resize(static_cast<size_t>(n));
    }
    n = utf8proc_normalize_utf32(nfc_.data(), n, kOptions);
    if (n < 0) return true;
    nfc_.resize(static_cast<size_t>(n));
    return std::equal(nfc_.begin(), nfc_.end(), cps_.begin(), cps_.end());
  }

  // Decides what to do with a line-end hyphen; sets hyphen_at_ for
  // kDropHyphen. The line has just been written from line_start on.
  Join DecideJoin(Text page, const Line& line, size_t line_start, const Line& next) {
    const std::string& out = out_.text;
    size_t rlen = 0;
    int32_t right = CodePointAt(page, next.tbegin, &rlen);
    if (!IsLetter(right)) return Join::kNo;
    if (line.tend - line.tbegin >= 2 && page.substr(line.tend - 2, 2) == "\xC2\xAD") {
      return Join::kSoftHyphen;
    }
    size_t end = out.size();
    size_t hyphen;
    if (end > line_start && out[end - 1] == '-') {
      hyphen = end - 1;
    } else if (end >= line_start + 3 && Text(out).substr(end - 3) == "\xE2\x80\x90") {
      hyphen = end - 3;
    } else {
      return Join::kNo;
    }
    if (hyphen <= line_start) return Join::kNo;
    size_t left_start = 0;
    int32_t left = CodePointBefore(out, line_start, hyphen, &left_start);
    if (!IsLetter(left)) return Join::kNo;

    size_t word_start = left_start;  // back to white space or the line start
    while (word_start > line_start && out[word_start - 1] != ' ') --word_start;
    Text left_token = Text(out).substr(word_start, hyphen - word_start);
    bool compound =
        left_token.find('-') != Text::npos || left_token.find("\xE2\x80\x90") != Text::npos;
    size_t part = left_token.find_last_of("'");
    Text left_word = part == Text::npos ? left_token : left_token.substr(part + 1);

    if (IsUpperLetter(right)) {
      return IsLowerLetter(left) || compound ? Join::kKeepHyphen : Join::kNo;
    }
    if (!IsLowerLetter(right) || !IsLowerLetter(left)) {
      return compound && IsLowerLetter(right) ? Join::kKeepHyphen : Join::kNo;
    }
    if (compound) return Join::kKeepHyphen;
    size_t r = next.tbegin;
    while (r < next.tend) {
      size_t len = 0;
      if (!IsLetter(CodePointAt(page, r, &len))) break;
      r += len;
    }
    Text right_word = page.substr(next.tbegin, r - next.tbegin);
    std::string lower = AsciiLower(left_word);
    if (OneOf(lower, kHyphenPrefixes, std::size(kHyphenPrefixes))) {
      // "sous-\nsigné", "sous-\ncription" are split words, not compounds.
      bool split = lower == "sous" &&
                   (right_word.substr(0, 4) == "sign" || right_word.substr(0, 3) == "cri");
      if (!split) return Join::kKeepHyphen;
    }
    if (OneOf(right_word, kHyphenSuffixes, std::size(kHyphenSuffixes))) return Join::kKeepHyphen;
    hyphen_at_ = hyphen;
    return Join::kDropHyphen;
  }

  const std::vector<Text>& texts_;
  NormalizedText& out_;
  Emitter emit_;
  size_t hyphen_at_ = 0;
  // Scratch space reused across lines.
  std::vector<Token> tokens_;
  std::vector<std::pair<size_t, size_t>> gaps_;
  std::vector<int32_t> cps_;
  std::vector<size_t> offsets_;
  std::vector<utf8proc_int32_t> nfc_;
};

}  // namespace

namespace {

// A vowel or an "h" starts the word at s[i] (ASCII, or the lead bytes of the
// accented vowels of French: "à", "é", "î", "ô", "û" and their capitals).
bool OpensWithVowel(std::string_view s, size_t i) {
  if (i >= s.size()) return false;
  char c = static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
  if (std::strchr("aeiouyh", c) != nullptr && c != '\0') return true;
  if (static_cast<unsigned char>(s[i]) != 0xC3 || i + 1 >= s.size()) return false;
  auto b = static_cast<unsigned char>(s[i + 1]);
  return (b >= 0x80 && b <= 0x8F) || (b >= 0x92 && b <= 0x96) || (b >= 0x99 && b <= 0x9C) ||
         (b >= 0xA0 && b <= 0xAF) || (b >= 0xB2 && b <= 0xB6) || (b >= 0xB9 && b <= 0xBC);
}

// Where an elided word lost its apostrophe: "l Hôtel", "s est", "qu il",
// "d un" (a web export or a conversion that dropped "'" or "’"), the space
// after the elided letter; empty when the text shows fewer than three (one
// could be a unit: "200 m au nord" is not counted, nor anything after a
// figure).
std::vector<size_t> LostApostrophes(std::string_view t) {
  std::vector<size_t> spaces;
  for (size_t i = 0; i + 2 < t.size(); ++i) {
    if (i > 0 && t[i - 1] != ' ' && t[i - 1] != '\n' && t[i - 1] != '(' && t[i - 1] != '"')
      continue;
    size_t len = 0;
    if (std::strchr("ldsnjcLDC", t[i]) != nullptr && t[i] != '\0') {
      len = 1;
    } else if ((t[i] == 'q' || t[i] == 'Q') && t[i + 1] == 'u') {
      len = 2;
    }
    if (len == 0 || i + len + 1 >= t.size() || t[i + len] != ' ' || !OpensWithVowel(t, i + len + 1))
      continue;
    size_t before = i;
    while (before > 0 && (t[before - 1] == ' ' || t[before - 1] == '\n')) --before;
    if (before > 0 && std::isdigit(static_cast<unsigned char>(t[before - 1]))) continue;
    spaces.push_back(i + len);
  }
  if (spaces.size() < 3) spaces.clear();
  return spaces;
}

}  // namespace

NormalizedText Normalize(const Document& doc, const PatternSet& patterns) {
  NormalizedText result;
  size_t total = 0;
  for (const auto& page : doc.pages) total += page.text.size() + 2;
  result.text.reserve(total);
  result.page_starts.reserve(doc.pages.size());

  Classifier classifier;
  if (patterns.has("web_chrome_line")) classifier.chrome = &patterns["web_chrome_line"];
  if (patterns.has("page_number_line")) classifier.page_line = &patterns["page_number_line"];
  if (patterns.has("page_number_bare")) classifier.page_bare = &patterns["page_number_bare"];

  // Tables and two-column layouts are read first (normalize/tables.h); the
  // passes below see the rewritten pages.
  std::vector<std::optional<TableRewrite>> tables(doc.pages.size());
  std::vector<Text> texts(doc.pages.size());
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    tables[p] = RewriteTables(doc.pages[p].text);
    texts[p] = tables[p] ? Text(tables[p]->text) : Text(doc.pages[p].text);
  }

  std::vector<std::vector<Line>> lines(doc.pages.size());
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    SplitLines(texts[p], &lines[p]);
    classifier.Classify(texts[p], &lines[p]);
  }
  MarkRunningLines(texts, &lines);

  Writer writer(texts, &result);
  for (size_t p = 0; p < doc.pages.size(); ++p) writer.WritePage(static_cast<int>(p), lines[p]);
  writer.Finish(tables);
  // One byte for one: the map back to the pages stays as it is.
  for (size_t at : LostApostrophes(result.text)) result.text[at] = '\'';
  return result;
}

}  // namespace delibex
