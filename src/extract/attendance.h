// extract/attendance: who was present, represented by a proxy, excused or
// absent, from the lists in the session part of a deliberation.
//
// Reads every attendance heading (patterns/attendance.pcre) in `zone`, takes
// the list that follows it up to the next heading or the end of the list
// (a blank line, a sentence that is no name, a closing parenthesis), and
// reads each item (the list cut by extract/list_items): a person, a proxy
// ("X (pouvoir à Y)", "X donne pouvoir à Y", "X à Y" under a Pouvoirs
// heading), a substitute ("X remplacée par sa suppléante Y"), or a role that
// belongs to the person before it ("Maire").
// Then each member is kept in one list only, the first of: present,
// represented, excused, absent (SPEC: a member listed present stays present).
// An absentee grid (a table: "Délégué | Absent | Suppléé par | Procuration
// à", a row a member with marks or names) is read by its columns.
// A register without headings may name its members in a sentence, the list
// first ("A, B et C, soit 3 élus, se sont déplacés"; "X s'est fait
// représenter", holder not named): read there only.
// The counts are read by extract/session, except a figure that closes a
// present or represented list ("…, Mme Jade MOREAU (21)"): that one is
// returned as the list's count, for the caller to keep when no label states
// it.
//
// A proxy held by a role ("pouvoir à M. le Maire") is returned with the role
// as the holder's title and an empty name; the caller resolves it against the
// people the document names in that role, or drops the holder.
#pragma once

#include <string_view>

#include "core/record.h"
#include "patterns/pattern_set.h"

namespace delibex {

Attendance ExtractAttendance(std::string_view zone, const PatternSet& patterns);

// The zone with margin fields ("Présents : 9", "Date de convocation :
// 10/10/2023") blanked out, same length: a flattened two-column page drops
// them in the middle of lists and sentences.
std::string BlankMarginFields(std::string_view zone, const PatternSet& patterns);

}  // namespace delibex
