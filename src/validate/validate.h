// validate: cross-checks of a finished record. Adds warnings, never changes
// a value (a wrong-looking value is reported, not "fixed"). It reads only
// what the record holds: the counts it checks are the counts the text
// states, never the lengths of the lists of names.
//
// Warning codes (stable; README.md "Warning codes" lists them with the
// codes other stages emit):
//
//   counts-mismatch          present + represented != voters (all three
//                            stated); more present than in office; more
//                            voters than in office; a stated present count
//                            that differs from the present list's length.
//   vote-counts-mismatch     an act's for + against + abstention
//                            (+ not_voting when stated) != the stated voters
//                            when for, against and abstention are all
//                            stated; their sum > voters otherwise. The
//                            message names the act (index and number).
//   unanimity-with-against   an act voted "unanimity" (or "unanimity of
//                            votes cast") with votes against > 0 or members
//                            named as voting against.
//   quorum-not-met           the stated counts are below the legal quorum for
//                            the session's date while the text says it was
//                            reached or says nothing. Outside the COVID-19
//                            windows (CGCT L2121-17, L3121-14, L4132-13,
//                            L5211-1): more than half of the members in
//                            office present (floor(in_office / 2) + 1),
//                            members present only. Inside them: one third of
//                            the members in office, present or represented
//                            (see kCovidWindows in validate.cc for the
//                            windows and their sources). Needs the session
//                            date, in_office and present_count.
//   quorum-inconsistent      the stated quorum figure and the present count
//                            disagree with quorum.reached; or the text says
//                            the quorum was not reached while the stated
//                            counts meet the legal rule above.
//   person-in-two-lists      a member in two of present, represented,
//                            excused, absent. Names match as extract/'s
//                            SameName does (a bare surname matches a fuller
//                            name with it) unless both civilities are printed
//                            and differ; names of 3 bytes or fewer never match.
//   too-many-proxies         a holder named for more proxies than the law
//                            allows: one (CGCT L2121-20), two inside the
//                            COVID-19 windows; holders matched as above, a
//                            member listed twice counted once.
//   future-date              the session date, or a prefecture date (sent,
//                            received, published, executory; top-level or an
//                            act's), after `today`.
//   prefecture-date-before-session
//                            a prefecture date (as above) before the session
//                            date.
//   convocation-after-session
//                            convened after the session date.
//   act-id-date-mismatch     an @CTES act id whose date differs from the
//                            session date (top-level stamp or an act's).
//   siren-invalid            authority.siren or an act id's SIREN that fails
//                            its Luhn checksum.
//   siren-mismatch           an act id's SIREN that differs from
//                            authority.siren.
#pragma once

#include <string>

#include "core/record.h"

namespace delibex {

// Appends the warnings above to record->warnings; changes nothing else.
// `today` is YYYY-MM-DD, for the future-date check.
// REQUIRES: record != nullptr. Dates in the record are ISO YYYY-MM-DD.
void Validate(const std::string& today, Record* record);

}  // namespace delibex
