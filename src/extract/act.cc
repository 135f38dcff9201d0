#include "extract/act.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "core/text.h"
#include "extract/dates.h"
#include "extract/stamp.h"
#include "extract/vote.h"
#include "people/persons.h"

namespace delibex {

namespace {

constexpr size_t npos = std::string_view::npos;

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// A clause as the record holds it: white space collapsed, no bullet.
std::string Clause(std::string_view s) {
  std::string flat(s);
  std::replace(flat.begin(), flat.end(), '|', ' ');  // a flattened page's column mark
  std::string c = CollapseSpace(flat);
  for (;;) {
    std::string_view v(c);
    size_t cut = 0;
    // A bullet: any symbol that is no letter, figure, quote or bracket, or an
    // OCR'd "v" / "Ÿ" standing for one, then a space.
    int len = 1;
    int32_t cp = v.empty() ? 0 : DecodeAt(v, 0, &len);
    bool symbol = !v.empty() && !IsLetter(cp) && !(cp >= '0' && cp <= '9') && cp != '"' &&
                  cp != '(' && cp != 0xAB /* « */ && cp != '\'' && cp != '[';
    if ((symbol || v.rfind("v ", 0) == 0 || v.rfind("Ÿ ", 0) == 0) &&
        v.size() > static_cast<size_t>(len) && v[len] == ' ')
      cut = len + 1;
    if (v.rfind("Et ", 0) == 0 || v.rfind("ET ", 0) == 0) cut = 3;
    if (!cut) break;
    c = c.substr(cut);
  }
  while (!c.empty() && IsBlank(c.back())) c.pop_back();
  return c;
}

// The span's text with the stamps inside it blanked out (same length, line
// breaks kept), so that a stamp printed mid-paragraph does not break it.
std::string WithoutStamps(std::string_view text, size_t b, size_t e,
                          const std::vector<StampFound>& stamps) {
  std::string out(text.substr(b, e - b));
  for (const StampFound& s : stamps) {
    size_t from = std::max(s.begin, b), to = std::min(s.end, e);
    for (size_t i = from; i < to; ++i) {
      if (out[i - b] != '\n') out[i - b] = ' ';
    }
  }
  return out;
}

std::vector<std::string> Visas(std::string_view body, const PatternSet& patterns) {
  std::vector<std::string> out;
  for (const Match& m : patterns["act_visa"].FindAll(body)) {
    std::string v = Clause(m["visa"]);
    while (!v.empty() && (v.back() == ',' || v.back() == ';' || v.back() == '.' || v.back() == ' '))
      v.pop_back();
    if (v.size() > 4) out.push_back(v);
  }
  return out;
}

// Where the operative part ends: a vote record, a signature, a stamp's
// remains, or a blank line that a bullet or an operative verb does not follow.
size_t OperativeEnd(std::string_view s, size_t from, const PatternSet& patterns) {
  Match m;
  size_t end = s.size();
  if (patterns["operative_end"].Find(s, &m, from)) end = m.begin();
  size_t i = from;
  while (i < end) {
    size_t blank = s.find("\n\n", i);
    if (blank == npos || blank >= end) break;
    size_t j = blank;
    while (j < s.size() && (s[j] == '\n' || IsBlank(s[j]))) ++j;
    if (j >= end) return blank;
    // A bullet, an operative verb, an article, or a sentence going on in
    // lower case over a page break.
    bool goes_on = patterns["bullet_start"].MatchAt(s, &m, j) ||
                   patterns["operative_verb"].MatchAt(s, &m, j) ||
                   patterns["article_heading"].MatchAt(s, &m, j) || StartsLower(s.substr(j));
    if (!goes_on) return blank;
    i = j;
  }
  return end;
}

// Splits an operative part into articles: at bullets and lines that open
// with an operative verb, and at capitalised operative verbs after ; , or .
std::vector<Article> SplitClauses(std::string_view part, const PatternSet& patterns) {
  std::vector<size_t> cuts = {0};
  for (const Match& m : patterns["clause_start"].FindAll(part)) {
    size_t at = m.begin();
    for (const char* g : {"at1", "at2", "at3", "at4", "at5", "at6"}) {
      if (m.has(g)) at = m.group_begin(g);
    }
    if (at > 0) cuts.push_back(at);
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  std::vector<Article> out;
  for (size_t k = 0; k < cuts.size(); ++k) {
    size_t e = k + 1 < cuts.size() ? cuts[k + 1] : part.size();
    Match m;
    // The bullet is not part of the article (a letter OCR read for a glyph,
    // "À Approuve", is one too).
    bool bullet = patterns["bullet_start"].MatchAt(part, &m, cuts[k]);
    size_t from = bullet ? std::min(m.end(), e) : cuts[k];
    std::string c = Clause(part.substr(from, e - from));
    if (c.size() < 3 || patterns["vote_record_only"].MatchAt(c, &m)) continue;
    // Bullets that only list amounts or names stay in their article.
    bool opens = bullet ? patterns["clause_opens"].MatchAt(c, &m)
                        : patterns["operative_verb"].MatchAt(c, &m) ||
                              patterns["infinitive_clause"].MatchAt(c, &m);
    bool opens_any = opens || patterns["clause_opens"].MatchAt(c, &m);
    if (out.empty() && !opens_any) continue;  // what precedes the first article
    if (!out.empty() && !opens) {
      // A rank inside an article ("… comme suit : 1) Le Directeur …") is
      // part of its text; a bullet glyph is not.
      size_t first = part.find_first_not_of(" \t", cuts[k]);
      bool rank = bullet && first < e && isdigit(static_cast<unsigned char>(part[first]));
      out.back().text += ' ';
      out.back().text += rank ? Clause(part.substr(cuts[k], e - cuts[k])) : c;
      continue;
    }
    out.push_back({std::nullopt, c});
  }
  return out;
}

// Where a decision written as running text, from `b` on, ends: at a period
// that no operative clause follows (a period after an initial, "M.", does
// not end it), or where the operative part ends.
size_t ClauseEnd(std::string_view body, size_t b, const PatternSet& patterns) {
  size_t e = OperativeEnd(body, b, patterns);
  Match m;
  for (size_t stop = body.find('.', b); stop != npos && stop < e; stop = body.find('.', stop + 1)) {
    if (stop + 1 < body.size() && !IsBlank(body[stop + 1]) && body[stop + 1] != '\n') continue;
    if (stop >= 2 && (IsBlank(body[stop - 2]) || body[stop - 2] == '\n') &&
        StartsUpper(body.substr(stop - 1)))
      continue;
    // Nor does the period of a rank that opens a line ("1.  à prendre …").
    size_t digits = stop;
    while (digits > b && isdigit(static_cast<unsigned char>(body[digits - 1]))) --digits;
    size_t line = digits;
    while (line > b && IsBlank(body[line - 1])) --line;
    if (digits < stop && stop - digits <= 2 && line > 0 && body[line - 1] == '\n') continue;
    size_t k = stop + 1;
    while (k < body.size() && (IsBlank(body[k]) || body[k] == '\n')) ++k;
    if (k < body.size() && (patterns["operative_verb"].MatchAt(body, &m, k) ||
                            patterns["bullet_start"].MatchAt(body, &m, k)))
      continue;
    return stop + 1;
  }
  return e;
}

std::vector<Article> Articles(std::string_view body, const PatternSet& patterns) {
  std::vector<Article> out;
  Match m;
  std::vector<Match> heads = patterns["article_heading"].FindAll(body);
  if (!heads.empty()) {
    for (size_t k = 0; k < heads.size(); ++k) {
      size_t b = heads[k].end();
      size_t e = k + 1 < heads.size() ? heads[k + 1].begin() : body.size();
      // Searched up to the next heading only: over the whole rest of the
      // body, thousands of headings took quadratic time.
      e = std::min(e, OperativeEnd(body.substr(0, e), b, patterns));
      // Numbered sub-decisions ("1) ACCEPTE …", "2) ACCEPTE …") may be
      // followed by decisions of their own, unnumbered: a line that opens
      // with an operative verb ("ÉMET un avis …") is another article. An
      // "Article N" runs to the next heading whatever its lines.
      std::vector<size_t> starts = {b};
      if (!heads[k].has("n")) {
        for (size_t nl = body.find('\n', b); nl != npos && nl + 1 < e;
             nl = body.find('\n', nl + 1)) {
          if (patterns["operative_verb"].MatchAt(body, &m, nl + 1)) starts.push_back(nl + 1);
        }
      }
      for (size_t j = 0; j < starts.size(); ++j) {
        size_t to = j + 1 < starts.size() ? starts[j + 1] : e;
        std::string c = Clause(body.substr(starts[j], to > starts[j] ? to - starts[j] : 0));
        if (c.empty()) continue;
        std::optional<std::string> number;
        if (j == 0) number = std::string(heads[k].has("n") ? heads[k]["n"] : heads[k]["n2"]);
        out.push_back({number, c});
      }
    }
    return out;
  }
  // The last marker: the one right above the articles.
  std::vector<Match> markers = patterns["decision_marker"].FindAll(body);
  if (!markers.empty()) {
    m = markers.back();
    size_t b = m.end();
    size_t e = OperativeEnd(body, b, patterns);
    if (e > b) {
      out = SplitClauses(body.substr(b, e - b), patterns);
      if (!out.empty()) return out;
    }
  }
  // One sentence: "Le Conseil, à l'unanimité, prend acte du rapport …" — the
  // article runs from its verb to the end of the sentence.
  // The decision follows "après en avoir délibéré" when the text says so;
  // else it is the last sentence that has the assembly decide.
  size_t from = 0;
  if (patterns["after_deliberation"].Find(body, &m)) from = m.begin();
  // After "après en avoir délibéré", its first sentence: found alone.
  std::vector<Match> sentences;
  if (from) {
    Match first;
    if (MatchCursor(patterns["decision_sentence"], body, from).Next(&first))
      sentences.push_back(first);
  } else {
    sentences = patterns["decision_sentence"].FindAll(body, from);
  }
  // A proposal in running text ("Monsieur le Maire propose de signer la
  // convention.", "il est proposé au conseil municipal d'attribuer …"),
  // then its vote: the proposal is the article, from its "de" to the
  // sentence's end. Here the last proposal that ends before `limit`, and
  // where it ends.
  auto proposals_before = [&](size_t limit) {
    std::vector<std::pair<Article, size_t>> found;
    for (const Match& p : patterns["proposal"].FindAll(body.substr(0, limit))) {
      size_t b = p.group_begin("verb");
      size_t e = ClauseEnd(body, b, patterns);
      std::string clause = Clause(body.substr(b, e > b ? e - b : 0));
      // A bare verb that announces a list ("d'autoriser :") whose items the
      // page lost or scattered says nothing by itself.
      bool bare = !clause.empty() && clause.back() == ':' &&
                  std::count(clause.begin(), clause.end(), ' ') < 3;
      if (e > b && e <= limit && !clause.empty() && !bare)
        found.emplace_back(Article{std::nullopt, std::move(clause)}, e);
    }
    return found;
  };
  auto proposal_before = [&](size_t limit) -> std::optional<std::pair<Article, size_t>> {
    std::vector<std::pair<Article, size_t>> all = proposals_before(limit);
    if (all.empty()) return std::nullopt;
    return all.back();
  };
  if (!sentences.empty()) {
    const Match& d = from ? sentences.front() : sentences.back();
    size_t b = d.group_begin("verb");
    size_t e = ClauseEnd(body, b, patterns);
    out = SplitClauses(body.substr(b, e - b), patterns);
    // "LE CONSEIL MUNICIPAL ACCEPTE CETTE PROPOSITION": the decision names
    // the proposal above it, which says what is decided; "CES PROPOSITIONS",
    // all the proposals above it, in their order.
    if (out.size() == 1 && patterns["accepts_the_proposal"].MatchAt(out[0].text, &m)) {
      if (m.has("plural")) {
        std::vector<std::pair<Article, size_t>> all = proposals_before(d.begin());
        if (!all.empty()) {
          out.clear();
          for (auto& [article, end] : all) out.push_back(std::move(article));
        }
      } else if (auto p = proposal_before(d.begin())) {
        out = {p->first};
      }
    }
    return out;
  }
  // A proposal and, below it, its vote.
  if (auto p = proposal_before(body.size())) {
    if (patterns["decision_formula"].Find(body.substr(p->second), &m)) out = {p->first};
  }
  return out;
}

std::optional<Person> ResolveSignatory(std::string_view after, const Record& r) {
  // The president named just after the role ("Le Maire, UNS Jean-Marc DUMONT").
  if (r.president && !r.president->name.empty()) {
    std::string folded = Fold(after.substr(0, 160));
    if (folded.find(Fold(r.president->name)) != std::string::npos) {
      return Person{r.president->civility, r.president->name, std::nullopt};
    }
  }
  return std::nullopt;
}

// A signature in `span`: "Fait à X, le DATE" (or "le jour, mois et an que
// dessus"), then the signatory under its role.
std::optional<Signature> FindSignature(std::string_view span, size_t span_offset,
                                       const Sections& sections, const Record& r,
                                       const PatternSet& patterns) {
  Match m;
  std::vector<Match> all = patterns["signed_at"].FindAll(span);
  if (all.empty()) {
    // No "Fait à": a signature block alone ("Le Président," above a name)
    // in the second half of the act.
    const RoleTie* last = nullptr;
    for (const RoleTie& t : sections.signatures) {
      if (t.offset >= span_offset + span.size() / 2 && t.offset < span_offset + span.size() &&
          (t.role == "maire" || t.role == "president"))
        last = &t;
    }
    if (!last) return std::nullopt;
    Signature sig;
    sig.signatory = last->person;
    return sig;
  }
  const Match& s = all.back();
  Signature sig;
  std::string place(s.has("place") ? s["place"] : s["place2"]);
  if (!place.empty()) sig.place = CollapseSpace(place);
  if (s.has("same")) {
    sig.date = r.session.date;
  } else {
    for (const DateMention& d : FindDates(span.substr(s.end(), 60), patterns)) {
      sig.date = d.iso;
      break;
    }
  }
  // The signatory: a role tie (signature block) after the mention, in span.
  size_t from = span_offset + s.begin();
  size_t to = span_offset + span.size();
  for (const RoleTie& t : sections.signatures) {
    if (t.offset < from || t.offset >= to) continue;
    if (t.role != "maire" && t.role != "president") continue;
    Person p = t.person;
    if (auto better =
            ResolveSignatory(sections.text.substr(t.offset > 80 ? t.offset - 80 : 0, 240), r);
        better && SameName(better->name, p.name)) {
      p.name = better->name;
    }
    sig.signatory = p;
    break;
  }
  if (!sig.signatory) {
    // "Le Maire, UNS Jean-Marc DUMONT" run into one line.
    if (patterns["signatory_role"].Find(span, &m, s.begin())) {
      if (auto p = ResolveSignatory(span.substr(m.end()), r)) {
        p->title = CollapseSpace(m["role"]);
        sig.signatory = p;
      }
    }
  }
  return sig;
}

// The act number printed for @CTES number `id`, by analogy with a sibling
// act printed `printed` whose number is `sibling_id` ("25-04/031" for
// "DEL-25-04-031" gives "25-04/033" for "DEL-25-04-033"); empty when the
// sibling shows no such correspondence.
std::optional<std::string> NumberLike(const std::string& printed, const std::string& sibling_id,
                                      const std::string& id) {
  auto alnum = [](const std::string& s) {
    std::string out;
    for (char c : s) {
      if (isalnum(static_cast<unsigned char>(c))) out += c;
    }
    return out;
  };
  std::string p = alnum(printed), sid = alnum(sibling_id), target = alnum(id);
  if (p.empty() || sid.size() < p.size() || sid.compare(sid.size() - p.size(), p.size(), p) != 0)
    return std::nullopt;
  std::string prefix = sid.substr(0, sid.size() - p.size());
  if (target.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
  std::string digits = target.substr(prefix.size());
  if (digits.size() != p.size()) return std::nullopt;
  std::string out = printed;
  size_t k = 0;
  for (char& c : out) {
    if (isalnum(static_cast<unsigned char>(c))) c = digits[k++];
  }
  return out;
}

bool SameStamp(const PrefectureStamp& a, const PrefectureStamp& b) {
  if (a.act_id && b.act_id) return a.act_id->id == b.act_id->id;
  return a.sent == b.sent && a.received == b.received && a.published == b.published &&
         a.executory == b.executory;
}

void Merge(PrefectureStamp* into, const PrefectureStamp& s) {
  if (!into->sent) into->sent = s.sent;
  if (!into->received) into->received = s.received;
  if (!into->published) into->published = s.published;
  if (!into->executory) into->executory = s.executory;
  if (!into->act_id) into->act_id = s.act_id;
  into->simulated = into->simulated || s.simulated;
}

}  // namespace

void ExtractActs(const Sections& sections, const PatternSet& patterns, Record* r) {
  std::string_view text = sections.text;
  std::vector<StampFound> stamps = FindStamps(text, patterns);
  const std::vector<ActSpan>& spans = sections.acts;

  for (const ActSpan& span : spans) {
    Act act;
    act.number = span.number;
    act.title = span.title;
    std::string body = WithoutStamps(text, span.body, span.end, stamps);
    std::string whole = WithoutStamps(text, span.begin, span.end, stamps);
    Utf8Checked valid_body(body), valid_whole(whole);  // read in pieces, by many patterns
    Match m;
    if (!act.title && patterns["act_object"].Find(whole, &m)) {
      std::string t = CollapseSpace(m["title"]);
      while (!t.empty() && (t.back() == ':' || t.back() == ' ')) t.pop_back();
      if (!t.empty()) act.title = t;
    }
    // A single act's header sits before the session part: look there too.
    std::string_view header =
        spans.size() == 1 ? text.substr(0, span.end) : std::string_view(whole);
    if (patterns["act_matter"].Find(header, &m)) {
      Matter matter;
      matter.code = std::string(m["code"]);
      if (m.has("label")) {
        std::string label = CollapseSpace(m["label"]);
        if (!label.empty()) matter.label = label;
      }
      act.matter = matter;
    }
    if (patterns["act_rapporteur"].Find(whole, &m)) {
      std::string who = CollapseSpace(m["who"]);
      if (auto p = ReadPerson(who)) {
        act.rapporteur = p->person;
        act.rapporteur->title.reset();
      } else if (r->president) {
        // "Rapporteur : Monsieur le Président": the president when named.
        std::string key = RoleKey(who.substr(ReadCivility(who).length));
        if (!key.empty() && r->president->title && RoleKey(*r->president->title) == key) {
          act.rapporteur = r->president;
          act.rapporteur->title.reset();
        }
      }
    }
    act.visas = Visas(body, patterns);
    act.articles = Articles(body, patterns);
    act.vote = ExtractVote(body, patterns);
    act.signed_block = FindSignature(text.substr(span.begin, span.end - span.begin), span.begin,
                                     sections, *r, patterns);
    r->deliberations.push_back(std::move(act));
  }

  // Signatures: each act's own when several acts carry one; else the file's.
  if (spans.size() > 1) {
    int signed_acts = 0;
    for (const Act& a : r->deliberations) signed_acts += a.signed_block.has_value();
    if (signed_acts < 2) {
      for (Act& a : r->deliberations) {
        if (a.signed_block) {
          r->signed_block = a.signed_block;
          a.signed_block.reset();
        }
      }
    }
  }

  // A closing signature after the last act (past its span: a last heading
  // such as "Point n° 7 : En communication" ended it) covers the file.
  if (!spans.empty() && !r->signed_block && spans.back().end < text.size()) {
    size_t from = spans.back().end;
    bool acts_signed = std::any_of(r->deliberations.begin(), r->deliberations.end(),
                                   [](const Act& a) { return a.signed_block.has_value(); });
    if (!acts_signed || spans.size() > 1) {
      r->signed_block = FindSignature(text.substr(from), from, sections, *r, patterns);
    }
  }

  // Stamps: to the act that holds them; a stamp repeated over several acts,
  // or outside every act, covers the file.
  std::vector<std::optional<PrefectureStamp>> per_act(spans.size());
  std::vector<PrefectureStamp> file_level;
  std::vector<Act> unfound;  // extracts known only by their stamp
  for (const StampFound& s : stamps) {
    size_t owner = spans.size();
    for (size_t k = 0; k < spans.size(); ++k) {
      if (s.begin >= spans[k].begin && s.begin < spans[k].end) owner = k;
    }
    // A single act's stamp may sit before its span (a register's header).
    if (owner == spans.size() && spans.size() == 1) owner = 0;
    if (owner == spans.size()) {
      file_level.push_back(s.stamp);
      continue;
    }
    if (per_act[owner] && per_act[owner]->act_id && s.stamp.act_id &&
        per_act[owner]->act_id->id != s.stamp.act_id->id) {
      // Another act's identifier inside this act's span: an extract whose
      // heading was not found (kept aside, see below).
      file_level.push_back(s.stamp);
      continue;
    }
    if (per_act[owner]) {
      Merge(&*per_act[owner], s.stamp);
    } else {
      per_act[owner] = s.stamp;
    }
  }
  if (spans.size() > 1) {
    // One act's own stamp when several acts carry one (a register of
    // extracts); a lone stamp in a file of several acts covers the file.
    int stamped = 0;
    for (const auto& s : per_act) stamped += s.has_value();
    if (stamped < 2) {
      for (auto& s : per_act) {
        if (s) {
          file_level.push_back(*s);
          s.reset();
        }
      }
    } else {
      // A register of stamped extracts: a stamp outside every act belongs
      // to an extract that was not found, not to the file.
      auto own_id = [&](const PrefectureStamp& f) {
        return f.act_id && std::none_of(per_act.begin(), per_act.end(), [&](const auto& s) {
                 return s && s->act_id && s->act_id->id == f.act_id->id;
               });
      };
      // Each such identifier is an act of the register: its stamp, and its
      // number when a sibling shows how numbers are printed.
      for (const PrefectureStamp& f : file_level) {
        if (!own_id(f)) continue;
        bool known = std::any_of(unfound.begin(), unfound.end(), [&](const Act& a) {
          return a.prefecture->act_id->id == f.act_id->id;
        });
        if (known) continue;
        Act act;
        act.prefecture = f;
        for (size_t k = 0; k < spans.size() && !act.number; ++k) {
          if (per_act[k] && per_act[k]->act_id && r->deliberations[k].number)
            act.number = NumberLike(*r->deliberations[k].number, per_act[k]->act_id->number,
                                    f.act_id->number);
        }
        // An act found by its heading whose span ended before its stamp (a
        // table's rank closed it): the stamp is that act's.
        size_t same = spans.size();
        for (size_t k = 0; k < spans.size() && act.number; ++k) {
          if (!per_act[k] && r->deliberations[k].number == act.number) same = k;
        }
        if (same < spans.size()) {
          per_act[same] = f;
          continue;
        }
        unfound.push_back(std::move(act));
      }
      // A stamp with an identifier is an act's (made one above, or given
      // to the act of its number). Nor is a prefecture's acknowledgement
      // without an identifier the file's: a damaged copy of an extract's
      // (receipts are per act; a page's publication notice may still cover
      // the file).
      file_level.erase(
          std::remove_if(file_level.begin(), file_level.end(),
                         [&](const PrefectureStamp& f) { return f.act_id || f.received; }),
          file_level.end());
    }
    for (size_t k = 0; k < spans.size(); ++k) {
      for (size_t j = k + 1; j < spans.size(); ++j) {
        if (per_act[k] && per_act[j] && SameStamp(*per_act[k], *per_act[j])) {
          file_level.push_back(*per_act[k]);
          per_act[k].reset();
          per_act[j].reset();
        }
      }
    }
  }
  for (size_t k = 0; k < spans.size(); ++k) r->deliberations[k].prefecture = per_act[k];
  for (Act& a : unfound) r->deliberations.push_back(std::move(a));
  for (const PrefectureStamp& s : file_level) {
    if (!r->prefecture) {
      r->prefecture = s;
    } else {
      Merge(&*r->prefecture, s);
    }
  }
}

}  // namespace delibex
