// extract/session: the session-level fields of a record — authority,
// assembly, session (date, time, place, convocation, kind), president,
// secretary, attendance with its stated counts, and quorum.
//
// Each value is read where it lives: the sitting's date from a heading or
// opening sentence that dates it ("Séance du …", "L'an … le …"), the last
// such before the attendance lists (a file may quote an earlier sitting
// first); its time and place from the same opening; counts and quorum as
// stated, never computed; the president from "sous la présidence de" (or a
// "Présidence :" label), else from a person named before "préside" or
// "ouvre la séance" ("M. X, Maire, préside la séance"), else from "Le Maire
// ouvre la séance" when the document names its mayor elsewhere (a signature
// block, a list). What is not stated stays empty.
#pragma once

#include "core/record.h"
#include "patterns/pattern_set.h"
#include "segment/segment.h"

namespace delibex {

void ExtractSession(const Sections& sections, const PatternSet& patterns, Record* record);

// Luhn check of a 9-digit SIREN.
bool ValidSiren(std::string_view digits);

}  // namespace delibex
