// segment: the structure of a normalized text.
//
// For now: where the session part (heading, attendance, presidency) ends and
// the acts begin, and the signature blocks that tie a role to a person ("Le
// Maire" above "Xavier POLI"). The session part ends at the first act
// heading (patterns/acts.pcre) that comes after the first attendance or
// presidency mention; a file without act headings is all session part.
#pragma once

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

struct Sections {
  std::string_view text;
  size_t session_end = 0;
  std::vector<RoleTie> signatures;
};

Sections Segment(std::string_view text, const PatternSet& patterns);

// The role word of s folded ("Le Maire," -> "maire", "LE MAIRE DE CORTE" ->
// "maire", "La Présidente" -> "president"), or empty.
std::string RoleKey(std::string_view s);

}  // namespace delibex
