// output/scdl: records as the French open-data standard SCDL « Délibérations »
// 2.1.5 (../shared/SPEC.md, "SCDL export"): a CSV in UTF-8 (no byte-order
// mark), comma-separated, CRLF line ends, one header row, then one row per
// act, the 17 columns in the schema's order. A field is quoted when it holds
// a comma, a quote or a line end (quotes doubled); white space inside text
// values is collapsed to single spaces.
//
// Where each column comes from (a value the record does not hold stays empty):
//   COLL_NOM            authority.name
//   COLL_SIRET          ScdlOptions::coll_siret (the text gives no SIRET)
//   DELIB_ID            the act's number, else its @CTES act number
//   DELIB_DATE          session.date, else the @CTES identifier's date
//   DELIB_MATIERE_CODE  matter.code cut to its first two levels ("7.5.1" -> "7.5":
//                       the schema's code is the ACTES level-2 one)
//   DELIB_MATIERE_NOM   matter.label as printed
//   DELIB_OBJET         the act's title
//   BUDGET_ANNEE, BUDGET_NOM   empty (not in the record)
//   PREF_ID             "PREF" + the @CTES identifier's department ("PREF082"):
//                       the prefecture the act was sent to, not the act
//   PREF_DATE           prefecture.received (the receipt), the act's or the file's
//   VOTE_EFFECTIF       attendance.in_office
//   VOTE_REEL           attendance.voters
//   VOTE_POUR, VOTE_CONTRE, VOTE_ABSTENTION   the act's stated vote counts
//   DELIB_URL           ScdlOptions::url_prefix + source.file, percent-encoded
// The act's own stamp is used before the file's; the file's @CTES identifier
// stands for an act only when the file holds one act.
//
// CheckScdlRow tells which of the schema's rules a row breaks (the required
// values it lacks in one sentence, then one sentence a rule): the values it
// requires (COLL_NOM, COLL_SIRET, DELIB_ID, DELIB_DATE, DELIB_MATIERE_CODE,
// DELIB_MATIERE_NOM, DELIB_OBJET), the patterns (COLL_SIRET 14 digits, the
// matière code ^\d\.\d{1,2}$ and in the ACTES list 1.1-1.7, 2.1-2.3, 3.1-3.6,
// 4.1-4.5, 5.1-5.8, 6.1-6.5, 7.1-7.10, 8.1-8.9, 9.1-9.4, BUDGET_ANNEE, PREF_ID
// PREFNNN / SPREFNNNM / SGARNNN), dates that exist, PREF_DATE >= DELIB_DATE,
// counts (whole numbers >= 0, VOTE_REEL <= VOTE_EFFECTIF, for + against +
// abstention <= VOTE_REEL), DELIB_URL an absolute URI; and, beyond the
// schema, a SIRET whose SIREN is not the record's authority.siren.
//
// Pure functions, thread-safe. Not a CSV reader.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "core/record.h"

namespace delibex {

struct ScdlOptions {
  // COLL_SIRET of every row (14 digits); empty: the column stays empty.
  std::string coll_siret;
  // DELIB_URL = url_prefix + the input's path relative to its root,
  // percent-encoded ("https://example.fr/deliberations/"); empty: no URL.
  std::string url_prefix;
};

constexpr size_t kScdlColumnCount = 17;
extern const std::array<const char*, kScdlColumnCount> kScdlColumns;

using ScdlRow = std::array<std::string, kScdlColumnCount>;

// One row per act of `record`, in its order; none for a record without acts.
std::vector<ScdlRow> ScdlRows(const Record& record, const ScdlOptions& options);

// The header line, the column names, with its CRLF.
std::string ScdlHeader();

// A row as one CSV line with its CRLF.
std::string FormatScdlRow(const ScdlRow& row);

// The rules `row` breaks, one sentence each naming the column and the value;
// empty when it follows them all. `siren` (the record's authority.siren, or
// empty) is checked against COLL_SIRET.
std::vector<std::string> CheckScdlRow(const ScdlRow& row, const std::string& siren = "");

}  // namespace delibex
