#include "segment/segment.h"

#include <algorithm>

#include "core/text.h"
#include "people/persons.h"

namespace delibex {

namespace {

// Lines of text with their offsets.
struct Line {
  size_t begin;
  std::string_view text;
};

std::vector<Line> Lines(std::string_view text) {
  std::vector<Line> out;
  size_t i = 0;
  while (i <= text.size()) {
    size_t nl = text.find('\n', i);
    if (nl == std::string_view::npos) nl = text.size();
    out.push_back({i, text.substr(i, nl - i)});
    i = nl + 1;
  }
  return out;
}

// Pieces of a line separated by 3+ spaces (columns of a layout export).
struct Cell {
  size_t col;
  std::string_view text;
};

std::vector<Cell> Cells(std::string_view line) {
  std::vector<Cell> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    if (i >= line.size()) break;
    size_t b = i;
    while (i < line.size()) {
      if (line[i] == ' ' && i + 2 < line.size() && line[i + 1] == ' ' && line[i + 2] == ' ') break;
      ++i;
    }
    out.push_back({b, Trim(line.substr(b, i - b))});
  }
  return out;
}

// Signature blocks: a cell that is a role alone ("Le Maire", "LE MAIRE DE
// CORTE", "Le Président,"), then within a few lines the first cell at about
// the same column that reads as a person.
std::vector<RoleTie> FindSignatures(std::string_view text) {
  std::vector<RoleTie> ties;
  std::vector<Line> lines = Lines(text);
  for (size_t k = 0; k < lines.size(); ++k) {
    for (const Cell& cell : Cells(lines[k].text)) {
      std::string_view c = cell.text;
      while (!c.empty() && (c.back() == ',' || c.back() == ':')) c.remove_suffix(1);
      if (c.size() > 40) continue;
      std::string key = RoleKey(c);
      if (key.empty()) continue;
      // The role alone, or with its body ("LE MAIRE DE CORTE"): not a
      // sentence that starts with it ("Le Maire expose :").
      std::string f = Fold(c);
      size_t role_at = f.find(key == "maire" ? "maire" : "presid");
      std::string rest = role_at == std::string::npos ? f : f.substr(role_at);
      size_t sp = rest.find(' ');
      std::string after_role = sp == std::string::npos ? "" : rest.substr(sp + 1);
      if (!after_role.empty() && after_role.rfind("de ", 0) != 0 &&
          after_role.rfind("du ", 0) != 0 && after_role.rfind("d ", 0) != 0 &&
          after_role != "e")  // "Présidente"
        continue;
      // "Le Maire, Jean-Marc DUMONT" on one line.
      std::string_view after = Trim(cell.text.substr(c.size()));
      if (!after.empty() && after[0] == ',') {
        if (auto p = ReadPerson(after.substr(1))) {
          ties.push_back({key, p->person, lines[k].begin + cell.col});
          continue;
        }
      }
      for (size_t j = k + 1; j < lines.size() && j <= k + 7; ++j) {
        const Cell* best = nullptr;
        std::vector<Cell> row = Cells(lines[j].text);
        for (const Cell& below : row) {
          size_t d = below.col > cell.col ? below.col - cell.col : cell.col - below.col;
          if (d <= 25 &&
              (!best || d < (best->col > cell.col ? best->col - cell.col : cell.col - best->col)))
            best = &below;
        }
        if (!best) continue;
        if (best->text.find("signature") != std::string_view::npos || best->text[0] == '#')
          continue;
        auto p = ReadPerson(best->text);
        if (p && p->rest.empty()) {
          Person person = p->person;
          person.title = std::string(c);
          ties.push_back({key, person, lines[j].begin + best->col});
        }
        break;
      }
    }
  }
  return ties;
}

// A report that opens the first act ("Le Maire présente …") may have the
// act's title alone on the line above, after an empty line or a sentence's
// end: the session part ends before that title, so the act keeps it.
size_t BeforeTitleLine(std::string_view text, size_t report, size_t floor,
                       const PatternSet& patterns) {
  Match m;
  if (report >= text.size() || !patterns["act_body_start"].MatchAt(text, &m, report)) return report;
  size_t e = report;
  while (e > 0 && (text[e - 1] == '\n' || text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
  size_t b = text.rfind('\n', e == 0 ? 0 : e - 1);
  b = b == std::string_view::npos ? 0 : b + 1;
  if (b <= floor || b >= e) return report;
  std::string_view line = text.substr(b, e - b);
  if (!patterns["bare_title_line"].MatchAt(text, &m, b) ||
      patterns["decision_formula"].Find(line, &m) ||
      patterns["attendance_heading"].Find(line, &m) || patterns["secretary_line"].Find(line, &m) ||
      patterns["secretary_label"].Find(line, &m))
    return report;
  return b;
}

}  // namespace

std::string RoleKey(std::string_view s) {
  std::string f = Fold(s);
  for (const char* article : {"le ", "la ", "monsieur le ", "madame la ", "madame le "}) {
    if (f.rfind(article, 0) == 0) {
      f = f.substr(std::string(article).size());
      break;
    }
  }
  auto starts = [&](const char* w) { return StartsWithWords(f, w); };
  if (starts("maire")) {
    // "Maire de Corte" is the mayor; "Maire adjoint" or "maire délégué" is not.
    if (f.find("adjoint") != std::string::npos || f.find("delegue") != std::string::npos) return "";
    return "maire";
  }
  if (starts("president") || starts("presidente")) {
    if (f.find("vice") != std::string::npos) return "";
    return "president";
  }
  return "";
}

Sections Segment(std::string_view text, const PatternSet& patterns) {
  Sections s;
  s.text = text;
  s.session_end = text.size();
  Match m;
  size_t first_attendance = std::string_view::npos;
  if (patterns["attendance_heading"].Find(text, &m)) first_attendance = m.begin();
  // Only a presidency before the first attendance heading moves it: looked
  // for up to there.
  if (first_attendance == std::string_view::npos
          ? patterns["presidency_lead"].Find(text, &m)
          : patterns["presidency_lead"].FindBefore(text, &m, 0, first_attendance))
    first_attendance = std::min(first_attendance, m.begin());
  if (first_attendance != std::string_view::npos) {
    // The first act heading after the attendance ends the session part; in
    // a file of one act, its report, object or first visa.
    // Each pattern is looked for only up to the earliest match so far.
    for (const char* name : {"act_start", "act_number_heading", "inline_number_heading",
                             "act_number_after_title", "point_heading", "act_body_start"}) {
      if (patterns[name].FindBefore(text, &m, first_attendance, s.session_end)) {
        s.session_end = std::min(s.session_end, m.begin());
      }
    }
  }
  size_t last_attendance = first_attendance;
  if (first_attendance != std::string_view::npos) {
    // Headings that open a line (at most a few words before them:
    // "Conseillers communautaires présents") and end it or take a colon: not
    // "présente" in a sentence. Only a line's head is searched.
    const Pattern& heading = patterns["attendance_heading"];
    // This runs over every line to the end of the text: lines are skipped
    // up to the next place the heading's cue finds in the whole text. A cue
    // is plain words (no assertion: pattern_set.h), so a line's head that
    // holds it holds one the whole-text search finds at or before it; a head
    // that ends before that place holds none, and Find on it would skip the
    // heading. (Only on valid UTF-8, where both searches read the same.)
    const Pattern* cue = heading.cue();
    bool jump = cue != nullptr && IsValidUtf8(text);
    bool cue_looked = false;
    size_t next_cue = 0;  // the next cue at or after `from`; npos: none
    size_t line = text.rfind('\n', first_attendance);
    line = line == std::string_view::npos ? 0 : line + 1;
    while (line < text.size()) {
      size_t eol = text.find('\n', line);
      if (eol == std::string_view::npos) eol = text.size();
      size_t head_end = std::min(eol, line + 160);
      while (head_end < eol && (static_cast<unsigned char>(text[head_end]) & 0xC0) == 0x80)
        --head_end;  // a whole character
      size_t from = std::max(line, first_attendance);
      if (jump) {
        Match c;
        if (!cue_looked || (next_cue != std::string_view::npos && next_cue < from)) {
          cue_looked = true;
          next_cue = cue->Find(text, &c, from) ? c.begin() : std::string_view::npos;
        }
        if (next_cue == std::string_view::npos) break;
        if (next_cue >= head_end) {
          size_t at = next_cue >= eol ? text.rfind('\n', next_cue) + 1 : eol + 1;
          line = std::max(at, eol + 1);
          continue;
        }
      }
      Match h;
      std::string_view head = text.substr(line, head_end - line);
      if (heading.Find(head, &h, from - line)) {
        std::string_view lead = head.substr(0, h.begin());
        size_t e = line + h.end();
        while (e < eol && (text[e] == ' ' || text[e] == '\t')) ++e;
        if (std::count(lead.begin(), lead.end(), ' ') <= 3 &&
            lead.find_first_of(".,;") == std::string_view::npos && (h.has("colon") || e == eol))
          last_attendance = line + h.begin();
      }
      line = eol + 1;
    }
  }
  // An extract's own heading printed in its header, above the attendance
  // ("DÉLIBÉRATION : DEL 20-86 …" then "Présents …"): the session part goes
  // on to the lists, and the acts are looked for after them.
  if (last_attendance != std::string_view::npos && s.session_end < last_attendance &&
      last_attendance - s.session_end < 2000) {
    size_t next_act = text.size();
    for (const char* name : {"act_start", "act_number_heading", "point_heading"}) {
      if (patterns[name].FindBefore(text, &m, s.session_end + 1, next_act))
        next_act = std::min(next_act, m.begin());
    }
    if (next_act > last_attendance) {
      s.session_end = text.size();
      for (const char* name :
           {"act_start", "act_number_heading", "point_heading", "act_body_start"}) {
        if (patterns[name].FindBefore(text, &m, last_attendance, s.session_end))
          s.session_end = std::min(s.session_end, m.begin());
      }
    }
  }
  if (s.session_end == text.size() && last_attendance != std::string_view::npos &&
      patterns["secretary_line"].Find(text, &m, last_attendance)) {
    // No heading at all: the preamble ends with its secretary's line, and
    // the one act of the file (if it decides anything) follows.
    size_t eol = text.find('\n', m.end());
    if (eol != std::string_view::npos) s.session_end = eol + 1;
  }
  if (last_attendance != std::string_view::npos)
    s.session_end = BeforeTitleLine(text, s.session_end, last_attendance, patterns);
  s.acts = FindActs(text, s.session_end, patterns);
  // A numbered act before the first agenda heading ends the session part.
  if (!s.acts.empty() && s.acts.front().begin < s.session_end && !s.acts.front().spans_header)
    s.session_end = s.acts.front().begin;
  s.signatures = FindSignatures(text);
  return s;
}

}  // namespace delibex
