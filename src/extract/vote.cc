// PLACEHOLDER until the vote extractor lands (being written now): no vote.
#include "extract/vote.h"

namespace delibex {

Vote ExtractVote(std::string_view, const PatternSet&) { return Vote{}; }

}  // namespace delibex
