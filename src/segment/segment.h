// segment: the structure of a normalized text.
//
// Where the session part (heading, attendance, presidency) ends and the acts
// begin; each act's span; and the signature blocks that tie a role to a
// person ("Le Maire" above "Xavier POLI").
//
// Acts are found by their headings (patterns/acts.pcre): act numbers
// ("Délibération n° 2024-012 –", "23-02/001 –", "N° 2023-41"), else points
// of the agenda ("Point n° 1", "1/", "2.", "3°)"), else the one decision of
// the file. An item is an act when the assembly decides on it: it carries an
// act number, a vote or a decision formula; items on the sitting itself
// (approving the minutes, the secretary), information and "questions
// diverses" are not acts. The session part ends at the first act.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/record.h"
#include "patterns/pattern_set.h"

namespace delibex {

// A role printed above or before a person's name, as in a signature block.
struct RoleTie {
  std::string role;  // folded: "maire", "president", "secretaire"
  Person person;
  size_t offset = 0;
};

// One act's place in the text: from its heading to the next heading (or the
// end), with what the heading says.
struct ActSpan {
  size_t begin = 0;
  size_t end = 0;
  size_t body = 0;                    // after the heading and its title
  std::optional<std::string> number;  // as printed, without "n°"
  std::optional<std::string> title;   // without "Objet :" and the number
  bool spans_header = false;          // the file's one act, read from its header on
};

struct Sections {
  std::string_view text;
  size_t session_end = 0;
  std::vector<ActSpan> acts;
  std::vector<RoleTie> signatures;
};

Sections Segment(std::string_view text, const PatternSet& patterns);

// The acts after `session_end` (see above).
std::vector<ActSpan> FindActs(std::string_view text, size_t session_end,
                              const PatternSet& patterns);

// The role word of s folded ("Le Maire," -> "maire", "LE MAIRE DE CORTE" ->
// "maire", "La Présidente" -> "president"), or empty.
std::string RoleKey(std::string_view s);

}  // namespace delibex
