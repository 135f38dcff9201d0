// Tables and two-column layouts, read as text (the contract is in tables.h).
//
// A page is cut into lines; a block of table rows (or a two-column run, see
// FindGapLayouts) becomes a list of output lines, each a list of pieces: a
// range of the page copied as it is, or inserted text (a separator, a label)
// that stands for one page byte. Lines outside blocks are copied whole.
//
// Which kind of table a block is, in this order:
//   - layout: two columns hold text (the others are empty in every row); the
//     wider one ("body") holds prose and the other is a sidebar or hanging
//     labels (JudgeLayout() has the figures);
//   - attendance grid: see ReadGrid();
//   - data table: anything else (DataLines()), signature blocks side by
//     side among them.
// The sidebar is read as label/value lines: its fragments are joined in
// order, and a line ends where the next fragment does not go on with it. A
// fragment goes on with the line when the line ends with ':' and it is the
// value (it does not itself end with ':'), when the line has no ':' yet and
// the fragment starts in lower case ("Nombre de membres" + "en exercice :"),
// or when the line already has its value and the fragment starts in lower
// case with no ':' of its own (a value that wraps: "Objet : Vente d'un
// terrain" + "communal").
#include "normalize/tables.h"

#include <algorithm>

#include "core/text.h"
#include "people/persons.h"

namespace delibex {

size_t TableRewrite::PageOffset(size_t at) const {
  auto it = std::upper_bound(anchors.begin(), anchors.end(), at,
                             [](size_t v, const RewriteAnchor& a) { return v < a.text; });
  if (it == anchors.begin()) return at;
  --it;
  return it->page + (at - it->text);
}

namespace {

using Text = std::string_view;

// ---------------------------------------------------------------------------
// Lines, cells and pieces.

struct RawLine {
  size_t begin = 0, end = 0;    // without the "\n"
  size_t tbegin = 0, tend = 0;  // trimmed
};

size_t SpaceLen(Text s, size_t i) {
  char c = s[i];
  if (c == ' ' || c == '\t' || c == '\r') return 1;
  if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < s.size() &&
      static_cast<unsigned char>(s[i + 1]) == 0xA0)
    return 2;
  return 0;
}

// Trims [*b, *e) of page of white space.
void TrimRange(Text page, size_t* b, size_t* e) {
  while (*b < *e) {
    size_t n = SpaceLen(page, *b);
    if (!n || *b + n > *e) break;
    *b += n;
  }
  while (*e > *b) {
    char c = page[*e - 1];
    if (c == ' ' || c == '\t' || c == '\r') {
      --*e;
    } else if (*e - *b >= 2 && static_cast<unsigned char>(c) == 0xA0 &&
               static_cast<unsigned char>(page[*e - 2]) == 0xC2) {
      *e -= 2;
    } else {
      break;
    }
  }
}

std::vector<RawLine> SplitLines(Text page) {
  std::vector<RawLine> lines;
  size_t b = 0;
  while (true) {
    size_t e = page.find('\n', b);
    RawLine l;
    l.begin = b;
    l.end = e == Text::npos ? page.size() : e;
    l.tbegin = l.begin;
    l.tend = l.end;
    TrimRange(page, &l.tbegin, &l.tend);
    lines.push_back(l);
    if (e == Text::npos) break;
    b = e + 1;
  }
  return lines;
}

// A cell's text: trimmed bytes [begin, end) of the page (begin == end when
// empty, at the place it would start).
struct Cell {
  size_t begin = 0, end = 0;
  bool empty() const { return begin == end; }
};

// A piece of output: page bytes [begin, end), or `insert` standing for the
// page byte at `begin`.
struct Piece {
  size_t begin = 0, end = 0;
  std::string insert;
};
using OutLine = std::vector<Piece>;

void AddCell(OutLine* line, const Cell& c) { line->push_back({c.begin, c.end, {}}); }
void AddText(OutLine* line, std::string s, size_t at) { line->push_back({at, at, std::move(s)}); }

size_t Chars(Text s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

bool HasAlnum(Text s) {
  for (size_t i = 0; i < s.size();) {
    int len = 1;
    int32_t cp = DecodeAt(s, i, &len);
    if (IsLetter(cp) || (cp >= '0' && cp <= '9')) return true;
    i += static_cast<size_t>(len);
  }
  return false;
}

bool HasLetter(Text s) {
  for (size_t i = 0; i < s.size();) {
    int len = 1;
    if (IsLetter(DecodeAt(s, i, &len))) return true;
    i += static_cast<size_t>(len);
  }
  return false;
}

// A figure alone: "12", "1 250" (digits and spaces, at most 7 characters).
bool IsFigure(Text s) {
  if (s.empty() || s.size() > 7 || s[0] < '0' || s[0] > '9') return false;
  for (char c : s) {
    if (!(c >= '0' && c <= '9') && c != ' ') return false;
  }
  return true;
}

bool EndsWithColon(Text s) { return !s.empty() && s.back() == ':'; }

// ---------------------------------------------------------------------------
// Pipe tables.

struct Row {
  size_t line = 0;
  bool rule = false;
  std::vector<Cell> cells;
};

// A rule line: "+----+----+", "|----|:---|", "|====|".
bool IsRule(Text t) {
  if (t.size() < 3 || (t[0] != '|' && t[0] != '+')) return false;
  bool dash = false;
  for (char c : t) {
    if (c == '-' || c == '=') {
      dash = true;
    } else if (c != '|' && c != '+' && c != ':' && c != ' ') {
      return false;
    }
  }
  return dash;
}

// Reads line l as a row "|a|b|": false when it is neither a row nor a rule.
bool ReadRow(Text page, const RawLine& l, Row* row) {
  Text t = page.substr(l.tbegin, l.tend - l.tbegin);
  row->cells.clear();
  row->rule = IsRule(t);
  if (row->rule) return true;
  if (t.size() < 2 || t.front() != '|' || t.back() != '|') return false;
  size_t from = l.tbegin + 1;
  for (size_t i = l.tbegin + 1; i < l.tend; ++i) {
    if (page[i] != '|') continue;
    Cell c{from, i};
    TrimRange(page, &c.begin, &c.end);
    if (c.empty()) c.end = c.begin = from;
    row->cells.push_back(c);
    from = i + 1;
  }
  return true;
}

Text CellText(Text page, const Cell& c) { return page.substr(c.begin, c.end - c.begin); }

// A cell of a logical row: one fragment a line it spans.
using Fragments = std::vector<Cell>;

std::string Joined(Text page, const Fragments& f) {
  std::string s;
  for (const Cell& c : f) {
    if (c.empty()) continue;
    if (!s.empty()) s += ' ';
    s.append(CellText(page, c));
  }
  return s;
}

void AddFragments(OutLine* line, const Fragments& f) {
  bool first = true;
  for (const Cell& c : f) {
    if (c.empty()) continue;
    if (!first) AddText(line, " ", c.begin);
    AddCell(line, c);
    first = false;
  }
}

bool FragmentsEmpty(const Fragments& f) {
  return std::all_of(f.begin(), f.end(), [](const Cell& c) { return c.empty(); });
}

// The sidebar fragments as label/value lines (see the top of this file).
void SidebarLines(Text page, const std::vector<Cell>& frags, std::vector<OutLine>* out) {
  OutLine line;
  bool has_colon = false, has_value = false;
  Text last;
  for (const Cell& c : frags) {
    Text f = CellText(page, c);
    bool goes_on = false;
    if (!line.empty()) {
      if (EndsWithColon(last)) {
        goes_on = !EndsWithColon(f) || StartsLower(f);
      } else if (!has_colon) {
        goes_on = StartsLower(f);
      } else {
        goes_on = has_value && StartsLower(f) && f.find(':') == Text::npos;
      }
    }
    if (!goes_on && !line.empty()) {
      out->push_back(std::move(line));
      line.clear();
      has_colon = has_value = false;
    }
    if (!line.empty()) {
      if (EndsWithColon(last) && !EndsWithColon(f)) has_value = true;
      AddText(&line, " ", c.begin);
    }
    AddCell(&line, c);
    if (f.find(':') != Text::npos) {
      has_colon = true;
      // "Date : 3 mai" in one fragment has its value already.
      has_value = has_value || !EndsWithColon(f);
    }
    last = f;
  }
  if (!line.empty()) out->push_back(std::move(line));
}

// Body line i goes on with the one above: it starts in lower case, or the
// one above ends without . : ; ! ?
bool GoesOn(Text page, const std::vector<Cell>& body, size_t i) {
  if (i == 0 || body[i - 1].empty() || body[i].empty()) return false;
  Text above = CellText(page, body[i - 1]);
  char end = above.back();
  return StartsLower(CellText(page, body[i])) ||
         !(end == '.' || end == ':' || end == ';' || end == '!' || end == '?');
}

// How two columns of text, row by row, are to be read.
enum class Layout : uint8_t {
  kNo,       // not prose beside a narrow column
  kSidebar,  // a sidebar independent of the body: its lines first, then the body
  kHanging,  // labels that head the body's paragraphs ("Article 2" beside its text)
};

// side[i] and body[i] are the two cells of row i. The body holds prose
// (wrapped: fragments of 30 characters or more on average, the widest 45 or
// more, two at least starting in lower case, a third at least going on with
// the row above; or whole paragraphs of 80 or more) and the side averages at
// most 0.6 times its width. A line goes on with the one above when it starts
// in lower case or the one above ends without . : ; ! ?. The side is a
// sidebar when two of its fragments at least, and a quarter of those beside
// body text, sit beside a body line that goes on with the one above: labels
// heading paragraphs never do. It is a sidebar too when two of its
// fragments at least are values under a label ending with ':' (the body
// being of the width above).
Layout JudgeLayout(Text page, const std::vector<Cell>& side, const std::vector<Cell>& body) {
  struct Width {
    size_t count = 0, chars = 0, widest = 0;
    double mean() const { return count ? static_cast<double>(chars) / count : 0; }
    void Add(size_t w) {
      ++count;
      chars += w;
      widest = std::max(widest, w);
    }
  } s, b;
  for (size_t i = 0; i < body.size(); ++i) {
    if (!side[i].empty()) s.Add(Chars(CellText(page, side[i])));
    if (!body[i].empty()) b.Add(Chars(CellText(page, body[i])));
  }
  if (b.count < 3 || s.count == 0 || s.mean() > 0.6 * b.mean()) return Layout::kNo;
  // A body line goes on with the one above when it starts in lower case or
  // the line above ends without a full stop, colon or semicolon.
  auto goes_on = [&](size_t i) { return GoesOn(page, body, i); };
  size_t pairs = 0, lower = 0, going = 0;
  for (size_t i = 1; i < body.size(); ++i) {
    if (body[i - 1].empty() || body[i].empty()) continue;
    ++pairs;
    lower += StartsLower(CellText(page, body[i]));
    going += goes_on(i);
  }
  bool wrapped = b.mean() >= 30 && b.widest >= 45 && lower >= 2 && 3 * going >= pairs;
  bool paragraphs = b.mean() >= 80;
  // Labels over their values ("en exercice :" then "15"), twice at least,
  // beside text of some width: a sidebar whatever the body says.
  size_t labelled = 0;
  bool label = false;
  for (const Cell& c : side) {
    if (c.empty()) continue;
    bool colon = EndsWithColon(CellText(page, c));
    if (label && !colon) ++labelled;
    label = colon;
  }
  if (labelled >= 2 && b.mean() >= 30 && b.widest >= 45) return Layout::kSidebar;
  if (!wrapped && !paragraphs) return Layout::kNo;
  size_t beside = 0, going_on = 0;
  for (size_t i = 0; i < body.size(); ++i) {
    if (side[i].empty() || body[i].empty()) continue;
    ++beside;
    going_on += goes_on(i);
  }
  return going_on >= 2 && 4 * going_on >= beside ? Layout::kSidebar : Layout::kHanging;
}

// The sidebar's groups (runs of rows with side text) as label/value lines,
// each before the body line where the sentence beside its first row starts
// (a group beside the body's first lines comes first, then a blank line);
// the body's fragments one a line, an empty fragment between two full ones
// a blank line.
void SidebarAndBody(Text page, const std::vector<Cell>& side, const std::vector<Cell>& body,
                    std::vector<OutLine>* out) {
  std::vector<std::vector<Cell>> before(body.size());
  for (size_t i = 0; i < side.size();) {
    if (side[i].empty()) {
      ++i;
      continue;
    }
    size_t k = i;
    while (GoesOn(page, body, k)) --k;
    for (; i < side.size() && !side[i].empty(); ++i) before[k].push_back(side[i]);
  }
  bool started = false, gap = false, top = false;
  for (size_t i = 0; i < body.size(); ++i) {
    if (!before[i].empty()) {
      if (started && gap) out->push_back({});
      gap = false;
      SidebarLines(page, before[i], out);
      top = top || !started;
    }
    if (body[i].empty()) {
      gap = gap || started;
      continue;
    }
    if (gap || (top && !started)) out->push_back({});
    gap = false;
    started = true;
    out->push_back({});
    AddCell(&out->back(), body[i]);
  }
}

// Two columns of text, one wide with prose: the layout reading. The rows are
// those of n cells.
bool ReadLayout(Text page, const std::vector<const Row*>& rows, size_t n,
                std::vector<OutLine>* out) {
  std::vector<size_t> full;
  for (size_t c = 0; c < n; ++c) {
    bool any =
        std::any_of(rows.begin(), rows.end(), [&](const Row* r) { return !r->cells[c].empty(); });
    if (any) full.push_back(c);
  }
  if (full.size() != 2 || rows.size() < 3) return false;
  std::vector<Cell> cols[2];
  for (const Row* r : rows) {
    cols[0].push_back(r->cells[full[0]]);
    cols[1].push_back(r->cells[full[1]]);
  }
  size_t chars[2] = {0, 0};
  for (int k = 0; k < 2; ++k) {
    for (const Cell& c : cols[k]) chars[k] += Chars(CellText(page, c));
  }
  int body = chars[1] >= chars[0] ? 1 : 0;
  Layout layout = JudgeLayout(page, cols[1 - body], cols[body]);
  if (layout == Layout::kNo) return false;
  if (layout == Layout::kSidebar) {
    SidebarAndBody(page, cols[1 - body], cols[body], out);
    return true;
  }
  // Hanging labels: each row in reading order, its cells joined by a space.
  for (size_t i = 0; i < rows.size(); ++i) {
    OutLine line;
    for (const Cell& c : {cols[0][i], cols[1][i]}) {
      if (c.empty()) continue;
      if (!line.empty()) AddText(&line, " ", c.begin);
      AddCell(&line, c);
    }
    out->push_back(std::move(line));
  }
  return true;
}

// --- attendance grids

enum class Column : uint8_t { kOther, kName, kPresent, kAbsent, kExcused, kProxy };

Column ColumnOf(Text header) {
  std::string f = Fold(header);
  for (Text w : {"nom", "noms", "prenom", "membre", "membres", "elu", "elus", "conseiller",
                 "conseillers", "delegue", "delegues", "identite"}) {
    if (StartsWithWords(f, w)) return Column::kName;
  }
  for (Text w : {"procuration", "procurations", "pouvoir", "pouvoirs", "mandataire", "represente",
                 "representee", "represente e", "represente par", "representee par",
                 "donne pouvoir", "a donne pouvoir"}) {
    if (StartsWithWords(f, w)) return Column::kProxy;
  }
  if (f.find("excuse") != std::string::npos) return Column::kExcused;
  for (Text w : {"absent", "absente", "absents", "absentes", "absent e"}) {
    if (f == w) return Column::kAbsent;
  }
  for (Text w : {"present", "presente", "presents", "presentes", "present e", "presence"}) {
    if (f == w) return Column::kPresent;
  }
  return Column::kOther;
}

bool IsMark(Text s) {
  return s == "X" || s == "x" || s == "\xC3\x97" || s == "\xE2\x9C\x93" || s == "\xE2\x9C\x94";
}

// The whole of s is one person (civility, name, maybe a role).
bool IsPerson(Text s) {
  if (s.empty()) return false;
  auto p = ReadPerson(s);
  return p && !p->person.name.empty() && Trim(p->rest).empty();
}

// An attendance grid: a header row naming one name column and one "Présent"
// column (absent, excused and proxy columns optional, other columns
// ignored), then rows of one person each with one status: a mark under
// "Présent", or a mark under "Absent" or "Excusé", or a person under
// "Procuration à" (with or without an absent mark); or, in a "Présence"
// column in words, "présent(e)", "absent(e)", "excusé(e)", "pouvoir à X". Rows empty but for a
// group label ("Adjoints") are skipped; any other row makes the grid
// unsure, and it is read as a data table. Two people at least.
bool ReadGrid(Text page, const std::vector<std::vector<Fragments>>& rows,
              std::vector<OutLine>* out) {
  if (rows.size() < 3) return false;
  const auto& head = rows[0];
  std::vector<Column> kinds;
  size_t names = 0, present = 0, proxy = 0;
  size_t name_col = 0, present_col = 0, proxy_col = 0;
  for (size_t c = 0; c < head.size(); ++c) {
    kinds.push_back(ColumnOf(Joined(page, head[c])));
    if (kinds[c] == Column::kName) ++names, name_col = c;
    if (kinds[c] == Column::kPresent) ++present, present_col = c;
    if (kinds[c] == Column::kProxy) ++proxy, proxy_col = c;
  }
  if (names != 1 || present != 1 || proxy > 1) return false;
  struct Entry {
    const Fragments* who;
    Fragments holder;
  };
  std::vector<Entry> present_list, represented, excused, absent;
  for (size_t i = 1; i < rows.size(); ++i) {
    const auto& r = rows[i];
    if (r.size() != head.size()) return false;
    std::string name = Joined(page, r[name_col]);
    bool marked_present = false, marked_absent = false, marked_excused = false;
    bool any = !name.empty();
    Fragments holder;
    for (size_t c = 0; c < r.size(); ++c) {
      if (c == name_col || kinds[c] == Column::kOther) continue;
      std::string v = Joined(page, r[c]);
      if (v.empty()) continue;
      any = true;
      if (kinds[c] == Column::kProxy) {
        if (!IsPerson(v) || !holder.empty()) return false;
        holder = r[c];
        continue;
      }
      if (kinds[c] == Column::kPresent && !IsMark(v)) {
        // A "Présence" column in words: "présente", "excusé", "absent",
        // "pouvoir à M. X".
        if (r[c].size() != 1 || !holder.empty()) return false;
        std::string f = Fold(v);
        if (f == "present" || f == "presente" || f == "present e") {
          marked_present = true;
        } else if (f.find("excuse") != std::string::npos && f.size() <= 24) {
          marked_excused = true;
        } else if (f == "absent" || f == "absente" || f == "absent e") {
          marked_absent = true;
        } else if (StartsWithWords(f, "pouvoir a") || StartsWithWords(f, "procuration a") ||
                   StartsWithWords(f, "represente par") || StartsWithWords(f, "representee par")) {
          Cell to = r[c][0];
          Text t = CellText(page, to);
          size_t cut = std::min(t.find("\xC3\xA0 "), t.find("par "));
          if (cut == Text::npos) return false;
          to.begin += cut + (t[cut] == 'p' ? 4 : 3);
          TrimRange(page, &to.begin, &to.end);
          if (!IsPerson(CellText(page, to))) return false;
          holder = {to};
        } else {
          return false;
        }
        continue;
      }
      if (!IsMark(v)) return false;
      if (kinds[c] == Column::kPresent) marked_present = true;
      if (kinds[c] == Column::kAbsent) marked_absent = true;
      if (kinds[c] == Column::kExcused) marked_excused = true;
    }
    if (!any) continue;
    int statuses = marked_present + marked_absent + marked_excused;
    if (statuses == 0 && holder.empty() && IsGroupLabel(name)) continue;
    if (!IsPerson(name)) return false;
    if (!holder.empty()) {
      if (marked_present) return false;
      represented.push_back({&r[name_col], holder});
    } else if (statuses != 1) {
      return false;
    } else if (marked_present) {
      present_list.push_back({&r[name_col], {}});
    } else if (marked_excused) {
      excused.push_back({&r[name_col], {}});
    } else {
      absent.push_back({&r[name_col], {}});
    }
  }
  size_t people = present_list.size() + represented.size() + excused.size() + absent.size();
  if (people < 2) return false;
  auto header_at = [&](size_t c) { return head[c].empty() ? 0 : head[c][0].begin; };
  auto list = [&](const char* label, size_t at, const std::vector<Entry>& entries) {
    if (entries.empty()) return;
    OutLine line;
    AddText(&line, label, at);
    for (size_t k = 0; k < entries.size(); ++k) {
      if (k) AddText(&line, ", ", entries[k].who->front().begin);
      AddFragments(&line, *entries[k].who);
      if (!entries[k].holder.empty()) {
        AddText(&line, " \xC3\xA0 ", entries[k].holder.front().begin);
        AddFragments(&line, entries[k].holder);
      }
    }
    AddText(&line, ".", entries.back().who->back().end);
    out->push_back(std::move(line));
  };
  size_t excused_col = present_col, absent_col = present_col;
  for (size_t c = 0; c < kinds.size(); ++c) {
    if (kinds[c] == Column::kExcused) excused_col = c;
    if (kinds[c] == Column::kAbsent) absent_col = c;
  }
  list("Pr\xC3\xA9sents : ", header_at(present_col), present_list);
  list("Procurations : ", header_at(proxy_col), represented);
  list("Absents excus\xC3\xA9s : ", header_at(excused_col), excused);
  list("Absents : ", header_at(absent_col), absent);
  return true;
}

// --- data tables

// Signature blocks side by side ("|Le Maire,|La secrétaire,|" over
// "|Agnès PRUVOT|Rose TALBOT|"): two to four rows of two or three short
// cells without figures, the first row's cells all roles. They are written
// as a text layout writes them, cells parted by a wide gap, which is how
// extract/ reads signature blocks.
bool SignatureBlock(Text page, const std::vector<std::vector<Fragments>>& rows,
                    std::vector<OutLine>* out) {
  if (rows.size() < 2 || rows.size() > 4) return false;
  for (size_t i = 0; i < rows.size(); ++i) {
    size_t full = 0;
    for (const Fragments& f : rows[i]) {
      std::string v = Joined(page, f);
      if (v.empty()) continue;
      ++full;
      if (Chars(v) > 50 || v.find_first_of("0123456789") != std::string::npos) return false;
      if (i > 0) continue;
      std::string role = Fold(v);
      for (Text article : {"pour le ", "pour la ", "le ", "la ", "l "}) {
        if (role.rfind(article, 0) == 0) {
          role.erase(0, article.size());
          break;
        }
      }
      if (!IsRole(role) && !StartsWithWords(role, "secretaire")) return false;
    }
    if (full > 3 || (i == 0 && full < 2)) return false;
  }
  for (const auto& r : rows) {
    OutLine line;
    for (const Fragments& f : r) {
      if (FragmentsEmpty(f)) continue;
      if (!line.empty()) AddText(&line, "        ", f.front().begin);
      AddFragments(&line, f);
    }
    out->push_back(std::move(line));
  }
  return true;
}

void DataLines(Text page, const std::vector<std::vector<Fragments>>& rows,
               std::vector<OutLine>* out) {
  if (SignatureBlock(page, rows, out)) return;
  // A header over one row of figures: "Pour : 12 ; Contre : 2".
  if (rows.size() == 2 && rows[0].size() == rows[1].size() && rows[0].size() >= 2) {
    bool header = true, figures = true;
    size_t values = 0;
    for (size_t c = 0; c < rows[0].size(); ++c) {
      std::string h = Joined(page, rows[0][c]);
      std::string v = Joined(page, rows[1][c]);
      header = header && HasLetter(h);
      if (!v.empty()) {
        ++values;
        figures = figures && IsFigure(v);
      }
    }
    if (header && figures && values >= 2) {
      OutLine line;
      for (size_t c = 0; c < rows[0].size(); ++c) {
        if (FragmentsEmpty(rows[1][c])) continue;
        if (!line.empty()) AddText(&line, " ; ", rows[0][c].front().begin);
        AddFragments(&line, rows[0][c]);
        AddText(&line, " : ", rows[1][c].front().begin);
        AddFragments(&line, rows[1][c]);
      }
      out->push_back(std::move(line));
      return;
    }
  }
  for (const auto& r : rows) {
    size_t last = r.size();
    while (last > 0 && FragmentsEmpty(r[last - 1])) --last;
    size_t first = 0;
    while (first < last && FragmentsEmpty(r[first])) ++first;
    if (first == last) continue;
    OutLine line;
    std::vector<size_t> full;
    for (size_t c = first; c < last; ++c) {
      if (!FragmentsEmpty(r[c])) full.push_back(c);
    }
    // A label and a figure: "Votants : 14".
    if (full.size() == 2 && HasLetter(Joined(page, r[full[0]])) &&
        IsFigure(Joined(page, r[full[1]]))) {
      AddFragments(&line, r[full[0]]);
      AddText(&line, " : ", r[full[1]].front().begin);
      AddFragments(&line, r[full[1]]);
      out->push_back(std::move(line));
      continue;
    }
    for (size_t c = first; c < last; ++c) {
      if (c > first) AddText(&line, FragmentsEmpty(r[c]) ? " ;" : " ; ", r[c].front().begin);
      AddFragments(&line, r[c]);
    }
    out->push_back(std::move(line));
  }
}

struct Block {
  size_t first = 0, last = 0;  // lines
  std::vector<OutLine> lines;
};

// The rows lines[i, j) as a table, if they are one.
bool ReadTable(Text page, const std::vector<Row>& group, Block* block) {
  size_t n = 0, rows_n = 0, with_text = 0;
  for (const Row& r : group) {
    if (r.rule) continue;
    bool text = std::any_of(r.cells.begin(), r.cells.end(),
                            [&](const Cell& c) { return HasAlnum(CellText(page, c)); });
    with_text += text;
    if (r.cells.size() < 2) continue;
    if (n && r.cells.size() != n) return false;
    n = r.cells.size();
    ++rows_n;
  }
  if (rows_n < 2 || with_text < 2) return false;

  std::vector<const Row*> rows;
  bool single = false;
  for (const Row& r : group) {
    if (r.rule) continue;
    rows.push_back(&r);
    single = single || r.cells.size() != n;
  }
  if (!single && ReadLayout(page, rows, n, &block->lines)) return true;

  // Logical rows: lines between rule lines are one row when rules part the
  // rows (three groups of lines or more, one of several lines); a rule under
  // the header alone parts nothing but the header.
  std::vector<std::vector<const Row*>> groups(1);
  bool interior = false, multi = false;
  for (size_t i = 0; i < group.size(); ++i) {
    if (group[i].rule) {
      if (!groups.back().empty()) {
        interior = interior || i + 1 < group.size();
        multi = multi || groups.back().size() > 1;
        groups.emplace_back();
      }
      continue;
    }
    groups.back().push_back(&group[i]);
  }
  if (groups.back().empty()) groups.pop_back();
  std::vector<std::vector<Fragments>> logical;
  for (const auto& g : groups) {
    bool merge =
        interior && multi && groups.size() >= 3 &&
        std::all_of(g.begin(), g.end(), [&](const Row* r) { return r->cells.size() == n; });
    if (merge) {
      logical.emplace_back(n);
      for (const Row* r : g) {
        for (size_t c = 0; c < n; ++c) logical.back()[c].push_back(r->cells[c]);
      }
      continue;
    }
    for (const Row* r : g) {
      logical.emplace_back();
      for (const Cell& c : r->cells) logical.back().push_back({c});
    }
  }
  std::vector<std::vector<Fragments>> full;
  for (auto& r : logical) {
    if (r.size() == n) full.push_back(r);
  }
  if (full.size() == logical.size() && ReadGrid(page, full, &block->lines)) return true;
  DataLines(page, logical, &block->lines);
  return true;
}

void FindTables(Text page, const std::vector<RawLine>& lines, std::vector<Block>* blocks) {
  std::vector<Row> group;
  Row row;
  for (size_t i = 0; i < lines.size();) {
    if (lines[i].tbegin == lines[i].tend || page[lines[i].tbegin] == '+' ||
        page[lines[i].tbegin] == '|') {
      group.clear();
      size_t j = i;
      while (j < lines.size() && lines[j].tbegin < lines[j].tend && ReadRow(page, lines[j], &row)) {
        row.line = j;
        group.push_back(row);
        ++j;
      }
      // Rows of a new width start a new table (a vote table right under a
      // layout table); rules and rows of one cell stay with the rows above.
      size_t from = 0, width = 0;
      for (size_t k = 0; k <= group.size(); ++k) {
        bool cut = k == group.size();
        if (!cut && group[k].cells.size() >= 2) {
          cut = width && group[k].cells.size() != width;
          if (!cut) width = group[k].cells.size();
        }
        if (!cut) continue;
        std::vector<Row> part(group.begin() + from, group.begin() + k);
        Block block;
        block.first = i + from;
        block.last = i + k - 1;
        if (ReadTable(page, part, &block)) blocks->push_back(std::move(block));
        from = k;
        if (k < group.size()) width = group[k].cells.size();
      }
      if (j > i) {
        i = j;
        continue;
      }
    }
    ++i;
  }
}

// ---------------------------------------------------------------------------
// Two-column text layouts (pdftotext -layout, OCR): columns parted by spaces.

constexpr size_t kGap = 6;  // spaces that part two columns

// A line seen as columns: its indentation, and where the first gap of kGap
// spaces or more after some text ends.
struct GapLine {
  bool blank = true;
  bool usable = false;  // no tab, at most one such gap
  size_t indent = 0;    // columns (code points) before the text
  bool split = false;   // text, a gap, more text
  size_t right = 0;     // the column where the right part starts
  size_t end = 0;       // the column after the text
  Cell left, body;      // the left part (when split) and the rest
};

// True when n lines at least have kGap spaces after some text: a cheap look
// before reading the page's lines (indentation alone does not count).
bool GapLinesAtLeast(Text page, size_t n) {
  size_t found = 0, line_end = 0;  // the end of the last line counted
  for (size_t at = page.find("      "); at != Text::npos; at = page.find("      ", at + kGap)) {
    if (at == 0 || page[at - 1] == '\n' || page[at - 1] == ' ' || (found && at < line_end))
      continue;
    line_end = std::min(page.find('\n', at), page.size());
    if (++found >= n) return true;
  }
  return false;
}

GapLine ReadGapLine(Text page, const RawLine& l) {
  GapLine g;
  if (l.tbegin == l.tend) return g;
  g.blank = false;
  size_t col = 0, gaps = 0, spaces = 0;
  size_t text_start = Text::npos, last_text_end = 0;
  for (size_t i = l.begin; i < l.tend;) {
    char c = page[i];
    if (c == '\t' || c == '\r') return g;
    if (c == ' ') {
      ++spaces;
      ++i;
      ++col;
      continue;
    }
    if (text_start == Text::npos) {
      text_start = i;
      g.indent = col;
    } else if (spaces >= kGap) {
      if (++gaps == 1) {
        g.split = true;
        g.right = col;
        g.left = {text_start, last_text_end};
        g.body = {i, l.tend};
      }
    }
    spaces = 0;
    size_t n = 1;
    while (i + n < l.tend && (static_cast<unsigned char>(page[i + n]) & 0xC0) == 0x80) ++n;
    i += n;
    ++col;
    last_text_end = i;
    g.end = col;
  }
  if (!g.split) g.body = {l.tbegin, l.tend};
  g.usable = gaps <= 1 && page.substr(l.begin, l.tend - l.begin).find("\xC2\xA0") == Text::npos;
  return g;
}

// Runs of lines that are, at one column C (give or take one), either a left
// part, a gap and body text starting at C, or body text alone indented to
// C, or (inside the run, not at its ends) a left part alone, ending kGap
// columns before C; blank lines (two at most in a row) may sit among them. A run is a layout
// when it has six lines of text or more, three of them split, and
// JudgeLayout() finds a sidebar beside prose; hanging labels stay as they
// are.
void FindGapLayouts(Text page, const std::vector<RawLine>& lines, const std::vector<bool>& taken,
                    std::vector<Block>* blocks) {
  std::vector<GapLine> g;
  g.reserve(lines.size());
  for (const RawLine& l : lines) g.push_back(ReadGapLine(page, l));
  auto near = [](size_t a, size_t b) { return a + 1 >= b && b + 1 >= a; };
  for (size_t i = 0; i < lines.size(); ++i) {
    if (taken[i] || !g[i].usable || !g[i].split) continue;
    size_t column = g[i].right;
    auto fits = [&](size_t k) {
      if (taken[k]) return false;
      const GapLine& x = g[k];
      if (x.blank) return true;
      if (!x.usable) return false;
      if (x.split) return near(x.right, column);
      // Body text alone, or the left part alone, ending well before C.
      return near(x.indent, column) || (x.indent + 1 < column && x.end + kGap <= column);
    };
    auto side_only = [&](size_t k) {
      return !g[k].blank && !g[k].split && !near(g[k].indent, column);
    };
    auto extend = [&](size_t k, int step) {
      size_t blanks = 0;
      size_t last = k;
      while (true) {
        if ((step < 0 && k == 0) || (step > 0 && k + 1 >= lines.size())) break;
        size_t next = step < 0 ? k - 1 : k + 1;
        if (!fits(next)) break;
        blanks = g[next].blank ? blanks + 1 : 0;
        if (blanks > 2) break;
        k = next;
        if (!g[k].blank && !side_only(k)) last = k;
      }
      return last;
    };
    size_t first = extend(i, -1), last = extend(i, 1);
    size_t text = 0, split = 0;
    std::vector<Cell> side, body;
    for (size_t k = first; k <= last; ++k) {
      text += !g[k].blank;
      split += g[k].split;
      bool alone = side_only(k);
      side.push_back(g[k].split ? g[k].left : alone ? g[k].body : Cell{});
      body.push_back(g[k].blank || alone ? Cell{} : g[k].body);
    }
    bool layout = text >= 6 && split >= 3 && JudgeLayout(page, side, body) == Layout::kSidebar;
    // Either way the run is done with: a page of gaps stays linear.
    size_t done = last;
    if (!layout) {
      i = std::max(i, done);
      continue;
    }
    Block block;
    block.first = first;
    block.last = last;
    SidebarAndBody(page, side, body, &block.lines);
    blocks->push_back(std::move(block));
    i = last;
  }
}

// ---------------------------------------------------------------------------
// Output.

class Writer {
 public:
  explicit Writer(TableRewrite* out) : out_(*out) {}

  void Copy(size_t b, size_t e) {
    if (b == e) return;
    if (!(copying_ && b == next_)) out_.anchors.push_back({out_.text.size(), b});
    out_.text.append(page_.data() + b, e - b);
    next_ = e;
    copying_ = true;
  }

  void Insert(Text s, size_t at) {
    for (size_t i = 0; i < s.size(); ++i) {
      if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80)
        out_.anchors.push_back({out_.text.size(), at});
      out_.text += s[i];
    }
    copying_ = false;
  }

  void Line(const OutLine& line) {
    for (const Piece& p : line) {
      if (p.insert.empty()) {
        Copy(p.begin, p.end);
      } else {
        Insert(p.insert, p.begin);
      }
    }
  }

  Text page_;

 private:
  TableRewrite& out_;
  bool copying_ = false;
  size_t next_ = 0;
};

}  // namespace

std::optional<TableRewrite> RewriteTables(Text page) {
  // Most pages hold no table: a cheap look first.
  bool pipes = page.find('|') != Text::npos;
  bool gaps = GapLinesAtLeast(page, 3);
  if (!pipes && !gaps) return std::nullopt;
  std::vector<RawLine> lines = SplitLines(page);
  std::vector<Block> blocks;
  if (pipes) FindTables(page, lines, &blocks);
  if (gaps) {
    std::vector<bool> taken(lines.size(), false);
    for (const Block& b : blocks)
      std::fill(taken.begin() + b.first, taken.begin() + b.last + 1, true);
    FindGapLayouts(page, lines, taken, &blocks);
  }
  if (blocks.empty()) return std::nullopt;
  std::sort(blocks.begin(), blocks.end(),
            [](const Block& a, const Block& b) { return a.first < b.first; });

  TableRewrite out;
  Writer w(&out);
  w.page_ = page;
  size_t bi = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const RawLine& l = lines[i];
    bool newline = l.end < page.size();
    if (bi < blocks.size() && blocks[bi].first == i) {
      const Block& b = blocks[bi];
      for (size_t k = 0; k < b.lines.size(); ++k) {
        if (k) w.Insert("\n", lines[b.first].tbegin);
        w.Line(b.lines[k]);
      }
      const RawLine& last = lines[b.last];
      if (last.end < page.size()) w.Copy(last.end, last.end + 1);
      i = b.last;
      ++bi;
      continue;
    }
    w.Copy(l.begin, newline ? l.end + 1 : l.end);
  }
  return out;
}

}  // namespace delibex
