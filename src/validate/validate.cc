#include "validate/validate.h"

#include "people/persons.h"

namespace delibex {

namespace {

void Warn(Record* r, const std::string& code, const std::string& message) {
  r->warnings.push_back({code, message});
}

}  // namespace

void Validate(const std::string& today, Record* r) {
  const Attendance& a = r->attendance;
  if (a.in_office && a.present_count && *a.present_count > *a.in_office) {
    Warn(r, "counts-mismatch",
         "more members present (" + std::to_string(*a.present_count) + ") than in office (" +
             std::to_string(*a.in_office) + ")");
  }
  if (a.present_count && a.represented_count && a.voters &&
      *a.present_count + *a.represented_count != *a.voters) {
    Warn(r, "counts-mismatch",
         "present (" + std::to_string(*a.present_count) + ") + represented (" +
             std::to_string(*a.represented_count) + ") != voters (" + std::to_string(*a.voters) +
             ")");
  }
  if (a.present_count && !a.present.empty() &&
      static_cast<int>(a.present.size()) != *a.present_count) {
    Warn(r, "counts-mismatch",
         std::to_string(a.present.size()) + " members listed present, the text says " +
             std::to_string(*a.present_count));
  }
  for (const Person& p : a.present) {
    for (const Person& q : a.absent) {
      if (SameName(p.name, q.name) && p.name.size() > 3)
        Warn(r, "person-in-two-lists", p.name + " is listed present and absent");
    }
  }
  if (r->session.date && *r->session.date > today) {
    Warn(r, "future-date", "session date " + *r->session.date + " is in the future");
  }
  if (r->session.date && r->session.convened_on && *r->session.convened_on > *r->session.date) {
    Warn(r, "convocation-after-session",
         "convened on " + *r->session.convened_on + " after the session of " + *r->session.date);
  }
  if (r->quorum.required && a.present_count && r->quorum.reached &&
      *r->quorum.reached != (*a.present_count >= *r->quorum.required)) {
    Warn(r, "quorum-inconsistent", "the quorum said reached does not match the counts");
  }
}

}  // namespace delibex
