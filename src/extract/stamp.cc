// How stamps are found (patterns/stamp.pcre has the phrasings):
//
// 1. Mentions. Each stamp_* pattern runs once over the text; every match is a
//    mention that fills one or more slots (header, sent, received, published,
//    executory, id) and may carry a value for them. A label whose date is
//    blank ("Publié le") still fills its slot: it is part of the stamp and
//    must be cut out with it. Mentions that overlap an earlier one are
//    dropped (the longest at a position wins).
// 2. Filters, for precision: a lower-case "et publié le …" counts only right
//    after another mention; a display ("Affiché", "Date d'affichage") that
//    follows a convocation in the same block is the convocation's; an
//    unlabelled ID in the middle of a line counts only beside another
//    mention (a bare ID elsewhere is more likely a reference to another act).
// 3. Grouping, in text order: a mention joins the current stamp unless it is
//    more than kMaxGap bytes past it, fills a slot the stamp already has, or
//    is a header after other mentions (a header opens a stamp; an ID printed
//    just before it may stay). The "compte tenu de la transmission …"
//    sentence closes its stamp.
// 4. Checks: a date earlier than the act's own date (from its @CTES ID) is
//    impossible and dropped; a stamp of one mention that states nothing is
//    no stamp. The span is widened over brackets and box-drawing borders
//    around the mentions, so that cutting it leaves no frame behind.
#include "extract/stamp.h"

#include <algorithm>
#include <cctype>

#include "extract/dates.h"
#include "extract/session.h"

namespace delibex {

namespace {

// A stamp's mentions are printed within a few lines of each other.
constexpr size_t kMaxGap = 300;
// An unlabelled ID inside a line must have another mention this close.
constexpr size_t kBareIdReach = 80;
// How far before a display (in the same block) a convocation makes it the
// convocation's.
constexpr size_t kConvocationReach = 250;

enum Slot : unsigned {
  kHeader = 1u << 0,
  kSent = 1u << 1,
  kReceived = 1u << 2,
  kPublished = 1u << 3,
  kExecutory = 1u << 4,
  kId = 1u << 5,
};

struct Mention {
  size_t begin = 0;
  size_t end = 0;
  unsigned slots = 0;
  PrefectureStamp values;  // only what this mention states
  bool closes = false;     // the "compte tenu de …" sentence ends its stamp
  bool tail = false;       // "et publié le …": only right after a mention
  bool bare_id = false;    // an unlabelled ID that is not alone on its line
  bool display = false;    // a display, maybe of the convocation
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsOcrDigit(char c) { return c == 'O' || c == 'o' || c == 'l' || c == 'I'; }
char RepairDigit(char c) {
  if (c == 'O' || c == 'o') return '0';
  if (c == 'l' || c == 'I') return '1';
  return c;
}
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), IsDigit);
}

// Figures as OCR reads them: O and l/I repaired; nullopt when anything else
// is there.
std::optional<std::string> RepairFigures(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (!IsDigit(c) && !IsOcrDigit(c)) return std::nullopt;
    out += RepairDigit(c);
  }
  return out;
}

int CountDigits(std::string_view s) {
  return static_cast<int>(std::count_if(s.begin(), s.end(), IsDigit));
}

int ToInt(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

std::optional<std::string> StampIsoDate(int year, int month, int day) {
  // @CTES and its paper forerunners: no stamp is older, none that far ahead.
  if (year < 1990 || year > 2099) return std::nullopt;
  return IsoDate(year, month, day);
}

// A date as captured by {{STAMP_DATE}}: figures (OCR repaired) or a month
// name (read by FindDates).
std::optional<std::string> ReadStampDate(std::string_view s, const PatternSet& patterns) {
  if (s.empty()) return std::nullopt;
  bool words = std::any_of(s.begin(), s.end(), [](char c) {
    return (IsAsciiLetter(c) && !IsOcrDigit(c)) || static_cast<unsigned char>(c) >= 0x80;
  });
  if (words) {
    std::vector<DateMention> dates = FindDates(s, patterns);
    if (dates.size() == 1 && dates[0].begin == 0 && dates[0].end == s.size()) {
      int year = ToInt(std::string_view(dates[0].iso).substr(0, 4));
      if (year >= 1990 && year <= 2099) return dates[0].iso;
    }
    return std::nullopt;
  }
  // Too little left of the figures to trust a repair ("ll/ll/lO").
  if (CountDigits(s) < 3) return std::nullopt;
  std::string_view parts[3];
  size_t start = 0;
  for (int k = 0; k < 3; ++k) {
    size_t sep = k < 2 ? s.find_first_of("/.-", start) : s.size();
    if (sep == std::string_view::npos) return std::nullopt;
    parts[k] = s.substr(start, sep - start);
    start = sep + 1;
  }
  std::optional<std::string> day = RepairFigures(parts[0]);
  std::optional<std::string> month = RepairFigures(parts[1]);
  std::optional<std::string> year = RepairFigures(parts[2]);
  if (!day || !month || !year || day->empty() || month->empty()) return std::nullopt;
  if (year->size() != 2 && year->size() != 4) return std::nullopt;
  int y = ToInt(*year) + (year->size() == 2 ? 2000 : 0);
  return StampIsoDate(y, ToInt(*month), ToInt(*day));
}

std::optional<std::string> DateOf(const Match& m, std::string_view group,
                                  const PatternSet& patterns) {
  if (!m.has(group)) return std::nullopt;
  return ReadStampDate(m[group], patterns);
}

// The act number's figures are repaired only where they are figures: a run
// of digit-like characters holding a real digit, and not the end of a word
// ("2O22_O47" -> "2022_047", but "CO2" and "DELIB" stay).
std::string RepairNumber(std::string_view s) {
  std::string out(s);
  size_t i = 0;
  while (i < s.size()) {
    if (!IsDigit(s[i]) && !IsOcrDigit(s[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && (IsDigit(s[j]) || IsOcrDigit(s[j]))) ++j;
    std::string_view run = s.substr(i, j - i);
    bool has_digit = CountDigits(run) > 0;
    bool word_before = i > 0 && IsAsciiLetter(s[i - 1]) && !IsDigit(run[0]);
    bool word_after = j < s.size() && IsAsciiLetter(s[j]) && !IsDigit(run.back());
    if (has_digit && !word_before && !word_after) {
      for (size_t k = i; k < j; ++k) out[k] = RepairDigit(s[k]);
    }
    i = j;
  }
  return out;
}

bool ValidDepartment(std::string_view d) {
  if (d.size() != 3) return false;
  if (d[0] == '0') return (IsDigit(d[1]) && IsDigit(d[2])) || d == "02A" || d == "02B";
  return d[0] == '9' && (d[1] == '7' || d[1] == '8') && IsDigit(d[2]);
}

bool IsBoxDrawing(std::string_view text, size_t i) {
  // U+2500..U+257F: E2 94 80 .. E2 95 BF.
  return i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xE2 &&
         (static_cast<unsigned char>(text[i + 1]) == 0x94 ||
          static_cast<unsigned char>(text[i + 1]) == 0x95);
}

bool IsFrameByte(char c) {
  return c == ' ' || c == '\t' || c == '[' || c == ']' || c == '(' || c == ')' || c == '|';
}

constexpr size_t kNone = std::string_view::npos;

// Where the line holding text[i] starts, when only frame characters (blanks,
// brackets, bars, box drawing) lie between it and i; kNone otherwise. Stops
// at the first other character, so it costs no more than the frame.
size_t FrameBefore(std::string_view text, size_t i) {
  while (i > 0 && text[i - 1] != '\n') {
    if (IsFrameByte(text[i - 1])) {
      --i;
    } else if (i >= 3 && IsBoxDrawing(text, i - 3)) {
      i -= 3;
    } else {
      return kNone;
    }
  }
  return i;
}

// Where the line holding text[i] ends, when only frame characters lie
// between i and it; kNone otherwise.
size_t FrameAfter(std::string_view text, size_t i) {
  while (i < text.size() && text[i] != '\n') {
    if (IsFrameByte(text[i])) {
      ++i;
    } else if (IsBoxDrawing(text, i)) {
      i += 3;
    } else {
      return kNone;
    }
  }
  return i;
}

bool HasBoxDrawing(std::string_view text, size_t from, size_t to) {
  for (size_t i = from; i < to; ++i) {
    if (IsBoxDrawing(text, i)) return true;
  }
  return false;
}

// Widens [*begin, *end) over the frame around it: the rest of its first and
// last lines when only brackets or borders are there, and the border line of
// a drawn box just above and below.
void WidenOverFrame(std::string_view text, size_t* begin, size_t* end) {
  size_t ls = FrameBefore(text, *begin);
  if (ls != kNone) {
    *begin = ls;
    if (ls > 0) {
      size_t prev = FrameBefore(text, ls - 1);
      if (prev != kNone && HasBoxDrawing(text, prev, ls - 1)) *begin = prev;
    }
  }
  size_t le = FrameAfter(text, *end);
  if (le != kNone) {
    *end = le;
    if (le < text.size()) {
      size_t next = FrameAfter(text, le + 1);
      if (next != kNone && HasBoxDrawing(text, le + 1, next)) *end = next;
    }
  }
}

bool AloneOnLine(std::string_view text, size_t begin, size_t end) {
  return FrameBefore(text, begin) != kNone && FrameAfter(text, end) != kNone;
}

void Collect(std::string_view text, const PatternSet& patterns, std::vector<Mention>* out) {
  auto base = [](const Match& m, unsigned slot) {
    Mention x;
    x.begin = m.begin();
    x.end = m.end();
    x.slots = slot;
    return x;
  };

  for (const Match& m : patterns["stamp_header"].FindAll(text)) {
    Mention x = base(m, kHeader);
    if ((x.values.received = DateOf(m, "date", patterns))) x.slots |= kReceived;
    out->push_back(x);
  }
  for (const Match& m : patterns["stamp_sent"].FindAll(text)) {
    Mention x = base(m, kSent);
    x.values.sent = DateOf(m, "date", patterns);
    if (m.has("weak") && !x.values.sent) continue;
    x.values.simulated = m.has("simulated");
    out->push_back(x);
  }
  for (const Match& m : patterns["stamp_received"].FindAll(text)) {
    Mention x = base(m, kReceived);
    x.values.received = DateOf(m, "date", patterns);
    if (m.has("weak") && !x.values.received) continue;
    out->push_back(x);
  }
  for (const Match& m : patterns["stamp_published"].FindAll(text)) {
    Mention x = base(m, kPublished);
    x.values.published = DateOf(m, "date", patterns);
    if (m.has("weak") && !x.values.published) continue;
    x.display = m.has("display") || m.has("display2") || m.has("display3");
    out->push_back(x);
  }
  for (const Match& m : patterns["stamp_published_tail"].FindAll(text)) {
    Mention x = base(m, kPublished);
    x.values.published = DateOf(m, "date", patterns);
    if (!x.values.published) continue;
    x.tail = true;
    out->push_back(x);
  }
  for (const Match& m : patterns["stamp_executory"].FindAll(text)) {
    Mention x = base(m, kExecutory);
    x.values.executory = DateOf(m, "date", patterns);
    if (m.has("weak") && !x.values.executory) continue;
    if (m.has("sentence")) {
      x.closes = true;
      std::optional<std::string> tx = DateOf(m, "tx_date", patterns);
      if (m.has("rx")) {
        x.slots |= kReceived;
        x.values.received = tx;
      } else {
        x.slots |= kSent;
        x.values.sent = tx;
      }
      x.slots |= kPublished;
      x.values.published = DateOf(m, "pub_date", patterns);
    }
    out->push_back(x);
  }
  for (const Match& m : patterns["stamp_ctes_id"].FindAll(text)) {
    // An identifier, however damaged, is mostly figures where figures go.
    std::string head = std::string(m["siren"]) + std::string(m["date"]);
    int figures = CountDigits(head);
    int digit_like =
        figures + static_cast<int>(std::count_if(head.begin(), head.end(), IsOcrDigit));
    if (figures < 8 || digit_like < 15) continue;
    Mention x = base(m, kId);
    std::string raw = std::string(m["dept"]) + "-" + std::string(m["siren"]) + "-" +
                      std::string(m["date"]) + "-" + std::string(m["rest"]);
    x.values.act_id = ParseActId(raw);
    size_t id_begin = m.group_begin("dept");
    x.bare_id = !m.has("label") && !AloneOnLine(text, id_begin, x.end);
    out->push_back(x);
  }
}

bool HasValue(const PrefectureStamp& s) {
  return s.sent || s.received || s.published || s.executory || s.act_id || s.simulated;
}

void Absorb(PrefectureStamp* into, const PrefectureStamp& v) {
  if (v.sent) into->sent = v.sent;
  if (v.received) into->received = v.received;
  if (v.published) into->published = v.published;
  if (v.executory) into->executory = v.executory;
  if (v.act_id) into->act_id = v.act_id;
  into->simulated = into->simulated || v.simulated;
}

// Dates before the act was decided cannot be its stamp's.
void DropImpossibleDates(PrefectureStamp* s) {
  if (!s->act_id) return;
  const std::string& decided = s->act_id->date;
  for (std::optional<std::string>* d : {&s->sent, &s->received, &s->published, &s->executory}) {
    if (*d && **d < decided) d->reset();
  }
}

}  // namespace

std::optional<ActId> ParseActId(std::string_view raw) {
  size_t b = 0, e = raw.size();
  auto frame = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '[' || c == '(' || c == '|';
  };
  while (b < e && frame(raw[b])) ++b;
  while (e > b && (frame(raw[e - 1]) || raw[e - 1] == ']' || raw[e - 1] == ')' ||
                   raw[e - 1] == '.' || raw[e - 1] == ',' || raw[e - 1] == ';'))
    --e;
  std::string_view s = raw.substr(b, e - b);

  std::vector<std::string> seg;
  size_t start = 0;
  while (true) {
    size_t dash = s.find('-', start);
    seg.emplace_back(s.substr(start, dash == std::string_view::npos ? s.npos : dash - start));
    if (dash == std::string_view::npos) break;
    start = dash + 1;
  }
  // DDD-SIREN-YYYYMMDD-NUMBER-NATURE at least.
  if (seg.size() < 5) return std::nullopt;
  for (const std::string& x : seg) {
    if (x.empty()) return std::nullopt;
    for (char c : x) {
      if (!IsDigit(c) && !IsAsciiLetter(c) && c != '_') return std::nullopt;
    }
  }

  ActId id;
  // The fixed-width head: department, SIREN, date. Only these are figures
  // (the department's last character may be A or B: Corsica).
  std::string dept = seg[0];
  for (char& c : dept) c = RepairDigit(c);
  if (!ValidDepartment(dept)) return std::nullopt;
  std::optional<std::string> siren = RepairFigures(seg[1]);
  if (!siren || siren->size() != 9 || !ValidSiren(*siren)) return std::nullopt;
  std::optional<std::string> date = RepairFigures(seg[2]);
  if (!date || date->size() != 8) return std::nullopt;
  std::optional<std::string> iso =
      StampIsoDate(ToInt(date->substr(0, 4)), ToInt(date->substr(4, 2)), ToInt(date->substr(6, 2)));
  if (!iso) return std::nullopt;

  // The tail, from the end: an optional transmission code (one or two short
  // numbers, "-1-1"), then the nature (two capitals); the number is what lies
  // between, dashes included.
  size_t last = seg.size();
  int code = 0;
  while (code < 2 && last > 5 && seg[last - 1].size() <= 3 && AllDigits(seg[last - 1])) {
    --last;
    ++code;
  }
  const std::string& nature = seg[last - 1];
  if (nature.size() != 2 || !std::isupper(static_cast<unsigned char>(nature[0])) ||
      !std::isupper(static_cast<unsigned char>(nature[1])))
    return std::nullopt;
  std::string number;
  for (size_t k = 3; k + 1 < last; ++k) {
    if (!number.empty()) number += '-';
    number += RepairNumber(seg[k]);
  }
  if (number.empty()) return std::nullopt;

  id.department = dept;
  id.siren = *siren;
  id.date = *iso;
  id.number = number;
  id.nature = nature;
  id.id = dept + "-" + *siren + "-" + *date + "-" + number + "-" + nature;
  id.raw = id.id;
  for (size_t k = last; k < seg.size(); ++k) id.raw += "-" + seg[k];
  return id;
}

std::vector<StampFound> FindStamps(std::string_view text, const PatternSet& patterns) {
  std::vector<Mention> all;
  Collect(text, patterns, &all);
  if (all.empty()) return {};

  std::sort(all.begin(), all.end(), [](const Mention& a, const Mention& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    return a.end > b.end;
  });
  std::vector<Mention> ms;
  for (const Mention& m : all) {
    if (!ms.empty() && m.begin < ms.back().end) continue;
    ms.push_back(m);
  }

  // Filters that need the neighbours.
  std::vector<Mention> kept;
  for (size_t i = 0; i < ms.size(); ++i) {
    const Mention& m = ms[i];
    if (m.tail) {
      if (kept.empty() || kept.back().end > m.begin || m.begin - kept.back().end > 3) continue;
      bool blank = std::all_of(text.begin() + kept.back().end, text.begin() + m.begin,
                               [](char c) { return c == ' ' || c == '\t' || c == '\n'; });
      if (!blank) continue;
    }
    if (m.bare_id) {
      bool near = false;
      if (!kept.empty() && m.begin - kept.back().end <= kBareIdReach && !(kept.back().slots & kId))
        near = true;
      if (i + 1 < ms.size() && ms[i + 1].begin - m.end <= kBareIdReach && !(ms[i + 1].slots & kId))
        near = true;
      if (!near) continue;
    }
    if (m.display) {
      size_t from = m.begin > kConvocationReach ? m.begin - kConvocationReach : 0;
      if (!kept.empty() && kept.back().end > from) from = kept.back().end;
      // The convocation's display is printed in the same block as it.
      if (from < m.begin) {
        size_t blank = text.substr(from, m.begin - from).rfind("\n\n");
        if (blank != std::string_view::npos) from += blank + 2;
      }
      Match c;
      if (from < m.begin &&
          patterns["stamp_convocation"].Find(text.substr(from, m.begin - from), &c))
        continue;
    }
    kept.push_back(m);
  }

  // Grouping.
  struct Group {
    size_t begin = 0, end = 0;
    unsigned slots = 0;
    bool only_ids = true;
    bool closed = false;
    int mentions = 0;
    bool sentence = false;
    PrefectureStamp stamp;
  };
  std::vector<Group> groups;
  for (const Mention& m : kept) {
    Group* g = groups.empty() ? nullptr : &groups.back();
    bool join = g && !g->closed && m.begin - g->end <= kMaxGap && !(g->slots & m.slots) &&
                !((m.slots & kHeader) && !g->only_ids);
    if (!join) {
      groups.emplace_back();
      g = &groups.back();
      g->begin = m.begin;
    }
    g->end = m.end;
    g->slots |= m.slots;
    g->only_ids = g->only_ids && m.slots == kId;
    g->closed = m.closes;
    g->sentence = g->sentence || m.closes;
    ++g->mentions;
    Absorb(&g->stamp, m.values);
  }

  std::vector<StampFound> out;
  for (Group& g : groups) {
    DropImpossibleDates(&g.stamp);
    if (g.mentions == 1 && !g.sentence && !HasValue(g.stamp)) continue;
    StampFound f;
    f.begin = g.begin;
    f.end = g.end;
    WidenOverFrame(text, &f.begin, &f.end);
    // A border line shared by two boxes goes to the first.
    if (!out.empty() && f.begin < out.back().end) f.begin = std::max(out.back().end, g.begin);
    f.stamp = g.stamp;
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace delibex
