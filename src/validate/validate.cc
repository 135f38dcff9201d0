#include "validate/validate.h"

#include <array>
#include <optional>
#include <string_view>

#include "extract/session.h"
#include "people/persons.h"

namespace delibex {

namespace {

void Warn(Record* r, const std::string& code, const std::string& message) {
  r->warnings.push_back({code, message});
}

std::string Str(int n) { return std::to_string(n); }

// The periods when the COVID-19 laws set the quorum of local assemblies at one
// third of the members in office, present or represented, and let a member
// hold two proxies. Bounds are inclusive, ISO dates compare as strings.
struct LegalWindow {
  const char* from;
  const char* to;
  const char* source;
};
constexpr std::array<LegalWindow, 3> kCovidWindows = {{
    // Loi n° 2020-290 du 23 mars 2020, art. 10, and ordonnance n° 2020-391
    // du 1er avril 2020, art. 2; extended to 30 August 2020 by loi
    // n° 2020-856 du 9 juillet 2020.
    {"2020-03-25", "2020-08-30", "loi 2020-290 art. 10, ordonnance 2020-391"},
    // Loi n° 2020-1379 du 14 novembre 2020, art. 6 (JO of 15 November);
    // extended by loi n° 2021-160 and loi n° 2021-689 du 31 mai 2021 to
    // 30 September 2021.
    {"2020-11-15", "2021-09-30", "loi 2020-1379 art. 6, loi 2021-689"},
    // Loi n° 2021-1465 du 10 novembre 2021, art. 10 (JO of 11 November).
    {"2021-11-11", "2022-07-31", "loi 2021-1465 art. 10"},
}};

const LegalWindow* CovidWindow(const std::optional<std::string>& date) {
  if (!date) return nullptr;
  for (const LegalWindow& w : kCovidWindows) {
    if (*date >= w.from && *date <= w.to) return &w;
  }
  return nullptr;
}

std::string ActName(const Record& r, size_t i) {
  std::string s = "act " + Str(static_cast<int>(i) + 1);
  const Act& act = r.deliberations[i];
  if (act.number) s += " (n° " + *act.number + ")";
  return s;
}

void CheckCounts(Record* r) {
  const Attendance& a = r->attendance;
  if (a.in_office && a.present_count && *a.present_count > *a.in_office) {
    Warn(r, "counts-mismatch",
         "more members present (" + Str(*a.present_count) + ") than in office (" +
             Str(*a.in_office) + ")");
  }
  if (a.in_office && a.voters && *a.voters > *a.in_office) {
    Warn(r, "counts-mismatch",
         "more voters (" + Str(*a.voters) + ") than members in office (" + Str(*a.in_office) + ")");
  }
  if (a.present_count && a.represented_count && a.voters &&
      *a.present_count + *a.represented_count != *a.voters) {
    Warn(r, "counts-mismatch",
         "present (" + Str(*a.present_count) + ") + represented (" + Str(*a.represented_count) +
             ") != voters (" + Str(*a.voters) + ")");
  }
  if (a.present_count && !a.present.empty() &&
      static_cast<int>(a.present.size()) != *a.present_count) {
    Warn(r, "counts-mismatch",
         std::to_string(a.present.size()) + " members listed present, the text says " +
             Str(*a.present_count));
  }
}

void CheckVotes(Record* r) {
  const std::optional<int> voters = r->attendance.voters;
  for (size_t i = 0; i < r->deliberations.size(); ++i) {
    const Vote& v = r->deliberations[i].vote;
    if (voters) {
      int sum = 0;
      bool any = false;
      for (const std::optional<int>& n : {v.votes_for, v.against, v.abstention, v.not_voting}) {
        if (!n) continue;
        sum += *n;
        any = true;
      }
      bool all = v.votes_for && v.against && v.abstention;
      if (any && (all ? sum != *voters : sum > *voters)) {
        Warn(r, "vote-counts-mismatch",
             ActName(*r, i) + ": the vote counts add up to " + Str(sum) +
                 (all ? ", not the " : ", more than the ") + Str(*voters) + " voters");
      }
    }
    bool unanimity = v.mode == "unanimity" || v.mode == "unanimity_of_votes_cast";
    if (unanimity && ((v.against && *v.against > 0) || !v.named.against.empty())) {
      Warn(r, "unanimity-with-against",
           ActName(*r, i) + ": voted unanimously with " +
               (v.against && *v.against > 0 ? Str(*v.against) + " votes against"
                                            : v.named.against.front().name + " voting against"));
    }
  }
}

void CheckQuorum(Record* r) {
  const Attendance& a = r->attendance;
  if (r->quorum.required && a.present_count && r->quorum.reached &&
      *r->quorum.reached != (*a.present_count >= *r->quorum.required)) {
    Warn(r, "quorum-inconsistent", "the quorum said reached does not match the counts");
  }
  if (!r->session.date || !a.in_office || !a.present_count || *a.in_office <= 0) return;
  const int in_office = *a.in_office;
  std::optional<bool> met;  // empty when the stated counts cannot tell
  std::string rule;
  if (const LegalWindow* w = CovidWindow(r->session.date)) {
    rule = "one third of " + Str(in_office) + " members present or represented (" + w->source + ")";
    int counted = *a.present_count + a.represented_count.value_or(0);
    if (3 * counted >= in_office) {
      met = true;
    } else if (a.represented_count) {
      met = false;
    }
  } else {
    rule = Str(in_office / 2 + 1) + " of " + Str(in_office) + " members present";
    met = 2 * *a.present_count > in_office;
  }
  if (!met) return;
  std::string counts = "present " + Str(*a.present_count);
  if (CovidWindow(r->session.date) && a.represented_count)
    counts += ", represented " + Str(*a.represented_count);
  if (!*met && r->quorum.reached != false) {
    Warn(r, "quorum-not-met",
         counts + (r->quorum.reached ? " (quorum said reached)" : "") + ": the quorum is " + rule);
  } else if (*met && r->quorum.reached == false) {
    Warn(r, "quorum-inconsistent",
         "the quorum is said not reached, but " + counts + " meets the rule: " + rule);
  }
}

// The same member, as far as names tell: SameName (a bare surname matches a
// fuller name with it), unless both civilities are printed and differ (a
// husband and wife on one council).
bool SamePerson(const Person& a, const Person& b) {
  if (a.name.size() <= 3 || b.name.size() <= 3) return false;  // too many people match
  if (a.civility && b.civility && *a.civility != *b.civility) return false;
  return SameName(a.name, b.name);
}

void CheckLists(Record* r) {
  const Attendance& a = r->attendance;
  std::vector<const Person*> represented;
  for (const ProxyGrant& g : a.represented) represented.push_back(&g.member);
  std::vector<const Person*> present, excused, absent;
  for (const Person& p : a.present) present.push_back(&p);
  for (const Person& p : a.excused) excused.push_back(&p);
  for (const Person& p : a.absent) absent.push_back(&p);
  struct List {
    const char* name;
    const std::vector<const Person*>* people;
  };
  const std::array<List, 4> lists = {{{"present", &present},
                                      {"represented", &represented},
                                      {"excused", &excused},
                                      {"absent", &absent}}};
  for (size_t i = 0; i < lists.size(); ++i) {
    for (size_t j = i + 1; j < lists.size(); ++j) {
      for (const Person* p : *lists[i].people) {
        for (const Person* q : *lists[j].people) {
          if (SamePerson(*p, *q)) {
            Warn(r, "person-in-two-lists",
                 p->name + " is listed " + lists[i].name + " and " + lists[j].name);
            break;
          }
        }
      }
    }
  }

  // Proxies per holder, by name: pairwise, since SameName is not transitive;
  // a member listed twice (an extraction slip) gives one proxy, not two.
  const int allowed = CovidWindow(r->session.date) ? 2 : 1;
  const std::vector<ProxyGrant>& g = a.represented;
  for (size_t i = 0; i < g.size(); ++i) {
    if (!g[i].holder) continue;
    bool seen = false;
    std::vector<const Person*> givers;
    for (size_t j = 0; j < g.size(); ++j) {
      if (!g[j].holder || !SamePerson(*g[i].holder, *g[j].holder)) continue;
      if (j < i) seen = true;
      bool again = false;
      for (const Person* m : givers) again = again || SamePerson(*m, g[j].member);
      if (!again) givers.push_back(&g[j].member);
    }
    const int held = static_cast<int>(givers.size());
    if (!seen && held > allowed) {
      Warn(r, "too-many-proxies",
           g[i].holder->name + " holds " + Str(held) + " proxies; the law allows " + Str(allowed));
    }
  }
}

void CheckStampDates(const std::string& today, const PrefectureStamp& s, const std::string& where,
                     Record* r) {
  const std::array<std::pair<const char*, const std::optional<std::string>*>, 4> dates = {{
      {"sent", &s.sent},
      {"received", &s.received},
      {"published", &s.published},
      {"executory", &s.executory},
  }};
  for (const auto& [name, date] : dates) {
    if (!*date) continue;
    if (r->session.date && **date < *r->session.date) {
      Warn(r, "prefecture-date-before-session",
           where + ": " + name + " " + **date + " before the session of " + *r->session.date);
    }
    if (**date > today)
      Warn(r, "future-date", where + ": " + name + " " + **date + " is in the future");
  }
  if (s.act_id && !s.act_id->date.empty() && r->session.date &&
      s.act_id->date != *r->session.date) {
    Warn(r, "act-id-date-mismatch",
         where + ": the act id " + s.act_id->id + " is dated " + s.act_id->date + ", the session " +
             *r->session.date);
  }
  if (s.act_id && !s.act_id->siren.empty()) {
    if (!ValidSiren(s.act_id->siren)) {
      Warn(r, "siren-invalid",
           where + ": the act id's SIREN " + s.act_id->siren + " fails its checksum");
    } else if (r->authority.siren && *r->authority.siren != s.act_id->siren) {
      Warn(r, "siren-mismatch",
           where + ": the act id's SIREN " + s.act_id->siren + " is not the authority's " +
               *r->authority.siren);
    }
  }
}

void CheckDates(const std::string& today, Record* r) {
  if (r->session.date && *r->session.date > today) {
    Warn(r, "future-date", "session date " + *r->session.date + " is in the future");
  }
  if (r->session.date && r->session.convened_on && *r->session.convened_on > *r->session.date) {
    Warn(r, "convocation-after-session",
         "convened on " + *r->session.convened_on + " after the session of " + *r->session.date);
  }
  if (r->authority.siren && !ValidSiren(*r->authority.siren)) {
    Warn(r, "siren-invalid", "authority SIREN " + *r->authority.siren + " fails its checksum");
  }
  if (r->prefecture) CheckStampDates(today, *r->prefecture, "prefecture", r);
  for (size_t i = 0; i < r->deliberations.size(); ++i) {
    if (r->deliberations[i].prefecture)
      CheckStampDates(today, *r->deliberations[i].prefecture, ActName(*r, i), r);
  }
}

}  // namespace

void Validate(const std::string& today, Record* r) {
  CheckCounts(r);
  CheckVotes(r);
  CheckQuorum(r);
  CheckLists(r);
  CheckDates(today, r);
}

}  // namespace delibex
