// people/persons: people as printed in attendance lists, presidency
// sentences, proxies and signature blocks.
//
// A name is a run of name words: capitalised or upper-case words
// ("Jean-Pierre", "DUPONT", "LE CORRE"), initials ("J.", "JF", "J.P."), and
// particles inside a name ("de", "du", "van"). Reading stops at a lower-case
// word, a figure, punctuation other than - ' . , a blank line, or a word that
// is a role or a heading ("Maire", "Présents"). Case is information: "Le
// Maire" is no name, "LE CORRE" is. Line breaks inside a name are allowed
// ("Jeanne\nGUILLOUET"), and "BROCA - LANNAUD" is read as "BROCA-LANNAUD".
// Letters split off a word by PDF extraction are joined back ("Patric k",
// "P hilippe").
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/record.h"

namespace delibex {

struct CivilityRead {
  std::optional<std::string> civility;  // "M." or "Mme"
  bool plural = false;                  // "MM.", "Mmes", "Messieurs"
  size_t length = 0;                    // bytes read, spaces after included
};

// A civility at the start of s (after white space), or length 0.
CivilityRead ReadCivility(std::string_view s);

struct NameRead {
  std::string name;
  size_t length = 0;  // bytes of s that the name covers
};

// The name at the start of s (after white space); an empty name when there is
// none.
NameRead ReadName(std::string_view s);

struct PersonRead {
  Person person;
  size_t length = 0;      // bytes of s read: civility, name, title
  std::string_view rest;  // what follows, trimmed
};

// A person at the start of s: civility, name, and a role that follows it
// (", Maire", " (1er adjoint)", ", Président du Conseil général").
std::optional<PersonRead> ReadPerson(std::string_view s);

// A whole item read as one person, or nothing when anything is left over
// (an item of a list, a name read out of a sentence): ReadPerson, then a
// first name of two words after a surname in capitals ("LACROIX Marie
// Claire"), a birth or married name ("née PITOU"), or a role with no comma
// ("Daniel DUPONT Maire").
std::optional<Person> ReadWholePerson(std::string_view item);

// A role that follows a name without a comma, alone or after a dash, up to
// the sentence's punctuation: " Maire.", " – Maire", " - Président du
// SIVOM". Nothing when what follows is not a role, or is a label
// ("Secrétaire de séance :").
std::optional<std::string> ReadRoleAfterName(std::string_view rest);

// True when w is a particle of a name: "de", "du", "des", "d'", "la", "le",
// "van", "von", "da", "di", "del", "dos", "ben", "ter" (in lower case,
// capitals, or some capitalised).
bool IsParticle(std::string_view w);

// True when s is a role: "Maire", "1er Adjoint", "Président du Conseil
// général", "doyen d'âge", "conseillère déléguée".
bool IsRole(std::string_view s);

// True when s is a group label closing or heading part of a list: a role in
// the plural, alone or joined by "et" ("Adjoints", "Vice-présidents",
// "Conseillers municipaux", "membres du bureau", "délégué(e)s titulaires",
// "Adjoints et Conseillers municipaux délégués"). It names no one.
bool IsGroupLabel(std::string_view s);

// A run of several people that a list printed without its usual separators
// is cut into pieces, one person (or "member + proxy") each:
//   - before a civility that no connector precedes ("Mme Léa MARTIN Mme Anne
//     ROUX", but not "pouvoir à M. X", "représentée par Mme Y");
//   - after a parenthesis ("A (pouvoir à B) C (pouvoir à D)");
//   - around a group label, which is dropped ("…, délégués titulaires Lory
//     LACLEF");
//   - after a place label ending in ':', which is dropped ("Chabal Commune
//     de Baix : Monsieur Boyer");
//   - after a status word, which marks the piece ("Luc SIMON excusé").
// Pieces are not read here: the caller reads each and decides whether the
// run was one.
struct RunPiece {
  std::string text;
  std::string status;  // "excused", "absent" or empty
};
std::vector<RunPiece> SplitPeopleRun(std::string_view run);

// "NOM Prénom" pairs run together from a flattened table ("DURAND Paul
// MOREAU Anne"), or "Prénom NOM" pairs ("Lory LACLEF Jean-Pierre RIVALLAIN"):
// the order is the first word's, and each piece must have both an
// upper-case and a capitalised part. Fewer than two pieces: {}.
std::vector<std::string> SplitNameShapes(std::string_view run);

// The same person: the folded words of one name are all in the other
// ("Xavier POLI" ~ "POLI Xavier" ~ "POLI").
bool SameName(std::string_view a, std::string_view b);
// SameName of two names already folded (Fold): for callers that compare one
// name with many.
bool SameFoldedName(std::string_view fa, std::string_view fb);

}  // namespace delibex
