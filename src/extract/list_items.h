// extract/list_items: the items of a list of people, whatever its layout.
//
// The text of one list (what follows an attendance heading, up to its end) is
// printed in one of a few layouts. SplitListItems reads its lines once, finds
// which layout it is, and cuts it into items, one person (with a role, a
// proxy or a substitute) each:
//   - separators: commas, semicolons, " / ", "&", " et ", en and em dashes,
//     bullets at a line's start (-, *, •, , ✓); a spaced hyphen only in a
//     list without commas ("BROCA - LANNAUD" is one name in a comma list) or
//     before a civility ("…, Maire - Mme HOARAU", an en dash read as a
//     hyphen). Nothing inside parentheses (or square brackets, read as
//     parentheses) separates.
//   - one entry a line: two lines or more, each short and starting an entry
//     (a capital, a bullet, a figure), none with two commas; or lines that
//     each open with a label ("Brinay : M. Alain COUTURIER"), the label
//     dropped. Line breaks separate.
//   - no separator at all: line breaks separate.
//   In a list with separators, a line break stays inside the item it falls
//   in ("Mme Anne" / "BLANC, …"); the item reader reads it as a space.
//   - runs of names wrapped wherever the line was full (a line of six
//     capitalised words or more with no separator, or a line break that falls
//     inside a name: "… à Mme Christine" / "DUPOUY ;"): a line break inside a
//     paragraph is a space, and the run is split into names by the caller.
// Items are trimmed; empty ones are dropped. Civilities as the only separator
// and "NOM Prénom" pairs run together are split later, by the item reader.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace delibex {

std::vector<std::string> SplitListItems(std::string_view list);

// "Brinay : M. Alain COUTURIER" → "M. Alain COUTURIER": a line labelled with
// a commune or a group, without its label; other lines unchanged (not "C.FOROT
// - T.BUSIN : adjoints", names then their group).
std::string_view DropLineLabel(std::string_view line);

// Whether a line of `list` holds a run of names: six words or more, nearly all
// capitalised, and no separator ("DURAND Paul MOREAU Anne LECLERC Hugo").
bool HasRunOfNames(std::string_view list);

}  // namespace delibex
