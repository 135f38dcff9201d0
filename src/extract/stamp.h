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
// and IDs only ("2l" -> 21, O -> 0).
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

std::vector<StampFound> FindStamps(std::string_view text, const PatternSet& patterns);

// Parses an @CTES identifier from both ends: department (3 characters),
// SIREN (9 digits), date (YYYYMMDD), the act number (which may itself hold
// '-' or '_'), the nature (DE, AR, AI, CC, BF, AU…), and an optional
// transmission code ("-1-1") that is not part of the act's identity.
// nullopt when `raw` is no such identifier.
std::optional<ActId> ParseActId(std::string_view raw);

}  // namespace delibex
