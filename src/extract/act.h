// extract/act: every act of a file, from the spans segment/ found.
//
// Per act: number and title (from its heading, or "Objet :"), matter
// ("Matière : 7.5 - Subventions"), rapporteur, visas (each "Vu …" clause),
// articles ("Article 1er : …", or the clauses after "DÉCIDE :", or the one
// decision sentence from its verb on), vote (extract/vote), signature ("Fait
// à X, le …" and the signatory under its role) and prefecture stamp
// (extract/stamp). Stamps are cut out of an act's text before its articles
// and vote are read, so that a stamp printed mid-paragraph does not break
// them.
//
// Blocks that cover the whole file go to the record's top level (SPEC): a
// stamp repeated on several acts or outside every act, and the closing
// signature of a file of several acts that do not each carry their own.
#pragma once

#include "core/record.h"
#include "patterns/pattern_set.h"
#include "segment/segment.h"

namespace delibex {

void ExtractActs(const Sections& sections, const PatternSet& patterns, Record* record);

}  // namespace delibex
