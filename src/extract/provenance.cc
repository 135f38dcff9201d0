#include "extract/provenance.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

namespace delibex {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The length of text[at..to) that `value` matches there (white-space runs
// equal, ASCII case ignored), or 0.
size_t MatchesAt(std::string_view text, size_t at, size_t to, std::string_view value) {
  size_t i = at, j = 0;
  while (j < value.size()) {
    if (i >= to) return 0;
    if (IsSpace(value[j])) {
      if (!IsSpace(text[i])) return 0;
      while (j < value.size() && IsSpace(value[j])) ++j;
      while (i < to && IsSpace(text[i])) ++i;
      continue;
    }
    if (Lower(text[i]) != Lower(value[j])) return 0;
    ++i;
    ++j;
  }
  return i - at;
}

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// The first (or last) place of `value` in text[from, to).
std::optional<std::pair<size_t, size_t>> Find(std::string_view text, size_t from, size_t to,
                                              std::string_view value, bool last) {
  value = TrimSpace(value);
  to = std::min(to, text.size());
  if (value.empty() || from >= to) return std::nullopt;
  std::optional<std::pair<size_t, size_t>> found;
  // Candidates are the places of the first character, either case: each
  // case's next place is looked for with memchr, the nearer one is tried.
  char lower = Lower(value[0]);
  char upper = lower >= 'a' && lower <= 'z' ? static_cast<char>(lower - 'a' + 'A') : lower;
  auto next = [&](char c, size_t at) {
    const void* p = std::memchr(text.data() + at, c, to - at);
    return p ? static_cast<size_t>(static_cast<const char*>(p) - text.data()) : to;
  };
  size_t next_lower = next(lower, from);
  size_t next_upper = upper == lower ? to : next(upper, from);
  while (true) {
    size_t at = std::min(next_lower, next_upper);
    if (at >= to) break;
    if (at == next_lower) {
      next_lower = next(lower, at + 1);
    } else {
      next_upper = next(upper, at + 1);
    }
    // Not inside a word: "Dupont" is not found in "Dupontel"'s middle.
    if (at > 0 && !IsSpace(text[at - 1]) && std::isalnum(static_cast<unsigned char>(text[at])) &&
        std::isalnum(static_cast<unsigned char>(text[at - 1])))
      continue;
    size_t n = MatchesAt(text, at, to, value);
    if (n == 0) continue;
    found = std::make_pair(at, at + n);
    if (!last) break;
  }
  return found;
}

// The first words of a long value (a title, a vote's sentence): enough to
// point at it when the whole was rejoined from several lines.
std::string_view Opening(std::string_view value, int words) {
  size_t i = 0;
  int seen = 0;
  while (i < value.size()) {
    while (i < value.size() && IsSpace(value[i])) ++i;
    if (i >= value.size()) break;
    if (++seen > words) break;
    while (i < value.size() && !IsSpace(value[i])) ++i;
  }
  return TrimSpace(value.substr(0, i));
}

// The surname: the longest word in capitals, else the last word.
std::string_view Surname(std::string_view name) {
  std::string_view best, lastw;
  size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && IsSpace(name[i])) ++i;
    size_t b = i;
    while (i < name.size() && !IsSpace(name[i])) ++i;
    std::string_view w = name.substr(b, i - b);
    if (w.empty()) continue;
    lastw = w;
    bool caps = std::none_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (caps && w.size() > best.size()) best = w;
  }
  std::string_view s = best.size() >= 3 ? best : lastw;
  return s.size() >= 3 ? s : std::string_view();
}

class Locator {
 public:
  Locator(std::string_view text, Record* r) : text_(text), r_(r) {
    for (const FieldSource& f : r->provenance) noted_.push_back(f.field);
  }

  // `value` as printed, else its first words (`opening` > 0).
  void Text(const std::string& field, const std::optional<std::string>& value, size_t from,
            size_t to, int opening = 0, bool last = false) {
    if (!value || Noted(field)) return;
    auto at = Find(text_, from, to, *value, last);
    if (!at && opening > 0) at = Find(text_, from, to, Opening(*value, opening), last);
    if (at) Add(field, *at);
  }

  void Name(const std::string& field, const Person& p, size_t from, size_t to, bool last = false) {
    if (p.name.empty() || Noted(field)) return;
    auto at = Find(text_, from, to, p.name, last);
    if (!at) {
      std::string_view s = Surname(p.name);
      if (!s.empty()) at = Find(text_, from, to, s, last);
    }
    if (at) Add(field, *at);
  }

 private:
  bool Noted(const std::string& field) const {
    return std::find(noted_.begin(), noted_.end(), field) != noted_.end();
  }
  void Add(const std::string& field, std::pair<size_t, size_t> at) {
    FieldSource f;
    f.field = field;
    f.begin = at.first;
    f.end = at.second;
    r_->provenance.push_back(std::move(f));
    noted_.push_back(field);
  }

  std::string_view text_;
  Record* r_;
  std::vector<std::string> noted_;
};

void LocateStamp(Locator* at, const std::string& field, const PrefectureStamp& s,
                 size_t text_size) {
  if (s.act_id) at->Text(field + ".act_id", s.act_id->raw, 0, text_size);
}

void LocateSignature(Locator* at, const std::string& field, const Signature& s, size_t from,
                     size_t to) {
  if (s.signatory) at->Name(field + ".signatory", *s.signatory, from, to, /*last=*/true);
  at->Text(field + ".place", s.place, from, to, 0, /*last=*/true);
}

}  // namespace

std::optional<std::pair<size_t, size_t>> FindPrinted(std::string_view text, size_t from, size_t to,
                                                     std::string_view value) {
  return Find(text, from, to, value, false);
}

void LocateFields(const Sections& sections, Record* r) {
  std::string_view text = sections.text;
  Locator at(text, r);
  size_t zone = sections.session_end > 0 ? sections.session_end : text.size();
  // The sitting's opening may run a little past the session part.
  size_t opening = std::min(text.size(), std::max(zone, size_t{3000}));

  at.Text("authority.name", r->authority.name, 0, opening);
  at.Text("assembly", r->assembly, 0, opening);
  at.Text("session.place", r->session.place, 0, opening);
  if (r->president) at.Name("president", *r->president, 0, opening);
  if (r->secretary) at.Name("secretary", *r->secretary, 0, text.size());
  auto people = [&](const char* list, const std::vector<Person>& v) {
    for (size_t i = 0; i < v.size(); ++i)
      at.Name(std::string("attendance.") + list + "[" + std::to_string(i) + "]", v[i], 0, zone);
  };
  people("present", r->attendance.present);
  people("excused", r->attendance.excused);
  people("absent", r->attendance.absent);
  for (size_t i = 0; i < r->attendance.represented.size(); ++i) {
    at.Name("attendance.represented[" + std::to_string(i) + "]",
            r->attendance.represented[i].member, 0, zone);
  }

  for (size_t k = 0; k < r->deliberations.size(); ++k) {
    const Act& act = r->deliberations[k];
    std::string field = "deliberations[" + std::to_string(k) + "]";
    size_t from = 0, to = text.size();
    if (k < sections.acts.size()) {
      from = sections.acts[k].begin;
      to = sections.acts[k].end;
      // A single act's header may sit before its span.
      if (sections.acts.size() == 1) from = 0;
    }
    at.Text(field + ".number", act.number, from, to);
    at.Text(field + ".title", act.title, from, to, 8);
    if (act.rapporteur) at.Name(field + ".rapporteur", *act.rapporteur, from, to);
    at.Text(field + ".vote", act.vote.text, from, to, 8);
    if (act.signed_block) LocateSignature(&at, field + ".signed", *act.signed_block, from, to);
    if (act.prefecture) LocateStamp(&at, field + ".prefecture", *act.prefecture, text.size());
  }
  if (r->signed_block) LocateSignature(&at, "signed", *r->signed_block, 0, text.size());
  if (r->prefecture) LocateStamp(&at, "prefecture", *r->prefecture, text.size());
}

}  // namespace delibex
