// validate: cross-checks of a finished record. Adds warnings, never changes
// a value (a wrong-looking value is reported, not "fixed").
//
// Warning codes: counts-mismatch (present + represented != voters, or more
// present than in office), person-in-two-lists, future-date,
// convocation-after-session, quorum-inconsistent, siren-mismatch.
#pragma once

#include <string>

#include "core/record.h"

namespace delibex {

// `today` is YYYY-MM-DD, for the future-date check.
void Validate(const std::string& today, Record* record);

}  // namespace delibex
