// extract/provenance: where the values of a record are printed, for the
// record's added `provenance` (one entry per field, see FieldSource).
//
// The extractors note the places they know from their matches (the
// session's date, time and convocation, the stated counts, the SIREN).
// LocateFields adds the rest by finding each value as printed within the
// part of the text it was read from: the session part for the authority,
// the sitting's place, the president, the secretary and the attendance
// lists (one entry per person); an act's span for its number, title,
// rapporteur, vote and signature; the whole text for stamps. The first
// occurrence there is taken; case and runs of white space may differ. A
// value that is not printed as such (a kind, a date rewritten as
// YYYY-MM-DD, a name resolved from a role) gets no entry rather than a
// guess. Fields already noted are left as they are.
#pragma once

#include <optional>
#include <string_view>
#include <utility>

#include "core/record.h"
#include "segment/segment.h"

namespace delibex {

void LocateFields(const Sections& sections, Record* record);

// The bytes [begin, end) of text[from, to) where `value` is printed, ASCII
// case ignored and any run of white space in either matching any other;
// nullopt when it is not there (or `value` is blank).
std::optional<std::pair<size_t, size_t>> FindPrinted(std::string_view text, size_t from, size_t to,
                                                     std::string_view value);

}  // namespace delibex
