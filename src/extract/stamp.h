// extract/stamp: prefecture stamps and @CTES act identifiers, wherever they
// land in the text (mid-paragraph, once per page, garbled by OCR).
//
// A stamp is a run of mentions close together: "Envoyé en préfecture le",
// "Reçu en préfecture le", "Accusé de réception … Réception par le préfet :",
// "Reçu par le représentant de l'Etat le", "Publié le", "Affiché le", "Mis en
// ligne le", "Certifié exécutoire [le …]", "Envoi simulé le", and an @CTES ID
// ("ID : 082-228200010-20230321-1077-DE-1-1"). FindStamps returns each stamp
// with its byte span (so that segment/ can cut it out of the act's text) and
// what it says. Dates in figures or words; OCR confusions repaired in dates
// and IDs only ("2l" -> 21, O -> 0). patterns/stamp.pcre lists the phrasings.
//
// What it does not do: decide which act a stamp belongs to, or whether it
// covers the whole file. The caller does, from the spans: a register of
// extracts has one stamp per act; a procès-verbal transmitted as one act
// repeats the same stamp (same act_id) on every page, and each copy is
// returned. Nor does it know the sitting's date: a stamp date earlier than
// the sitting is the caller's to drop (FindStamps drops dates earlier than
// the act's own date when the stamp carries an @CTES ID).
//
// Grouping: mentions join one stamp while each is within 300 bytes of the
// previous one and fills a field the stamp does not have yet. A mention of a
// field already filled (the next act's "Reçu en préfecture", the next ID) or
// an "Accusé de réception" header opens a new stamp, and the sentence
// "Certifié exécutoire …, compte tenu de la transmission … et de la
// publication …" closes its own. So one act may get two stamps (a printed
// form and the platform's acknowledgement): merge those of one act.
//
// Spans: [begin, end) covers every mention, widened over brackets and a drawn
// box around them. Between two mentions there may be text that is not the
// stamp's: the other column of a two-column page flattened with "|", or a
// line that OCR interleaved with the stamp. A stamp whose every label is
// blank ("Certifié exécutoire par le Maire, compte tenu de la transmission ,
// le et de la publication le") is still returned, with every field empty, so
// that it can be cut out; it says nothing about the act.
//
// Thread safety: FindStamps and ParseActId are pure functions; any number of
// threads may call them at once with one shared PatternSet. StampFound holds
// offsets into `text`, no views.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/record.h"
#include "patterns/pattern_set.h"

namespace delibex {

struct StampFound {
  size_t begin = 0;  // the span of the whole stamp, for cutting it out
  size_t end = 0;
  PrefectureStamp stamp;
};

// Every stamp of `text`, in text order, spans not overlapping; empty when
// there is none. REQUIRES: `patterns` holds the stamp_* entries of
// patterns/stamp.pcre (PatternSet::Builtin() does).
std::vector<StampFound> FindStamps(std::string_view text, const PatternSet& patterns);

// Parses an @CTES identifier from both ends: department (3 characters),
// SIREN (9 digits), date (YYYYMMDD), the act number (which may itself hold
// '-' or '_'), the nature (DE, AR, AI, CC, BF, AU…), and an optional
// transmission code ("-1-1") that is not part of the act's identity.
// O and l/I are read as 0 and 1 in the department, SIREN and date, and in
// the act number's figures; `raw` is the identifier so repaired, brackets
// around it dropped. nullopt when `raw` is no such identifier or cannot be
// read with certainty: an unknown department, a SIREN that fails its Luhn
// check, an impossible date, no act number, no nature.
std::optional<ActId> ParseActId(std::string_view raw);

}  // namespace delibex
