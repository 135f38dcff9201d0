// extract/vote: how the assembly decided on one act.
//
// ExtractVote reads the text of one act (its body, stamps already cut out)
// and fills a Vote (core/record.h):
// - result: "adopted" when the text shows the assembly approving or deciding
//   ("Adopté à l'unanimité", "à l'unanimité … décide", "approuve"), or when
//   stated counts give more votes for than against; "rejected" when the text
//   says so ("rejeté", "n'est pas adoptée") or counts give fewer for than
//   against; "withdrawn" for an item withdrawn ("retiré de l'ordre du jour");
//   a tie stays empty; an election (members or delegates designated by
//   ballot: "est élu", "a obtenu N voix", "sont désignés") leaves every vote
//   field empty;
// - mode: "unanimity" ("à l'unanimité", "à l'unanimité des membres présents
//   et représentés", "unanimité" alone in a vote line), "unanimity_of_votes_cast"
//   ("à l'unanimité des suffrages exprimés"), "majority" ("à la majorité") —
//   from the words only: counts alone leave it empty;
// - for / against / abstention / not_voting: the stated counts, in figures
//   or words ("par 17 voix pour et 4 abstentions", "DEUX voix POUR - ONZE voix
//   CONTRE", "une opposition", "ONT VOTE POUR : 14 ONT VOTE CONTRE : /",
//   "Pour : 12 Contre : 0 Abstention : 1", "10 votes pour. 2 Abstentions");
//   a dash, slash or empty slot is empty, not 0;
// - text: the sentence(s) that state the vote, as printed (whitespace
//   collapsed);
// - named: members named as voting against, abstaining, or not taking part
//   ("1 contre (M. Jérôme CHASTANET)", "Mme X ne prenant pas part au vote",
//   "abstention de M. Y").
// A vote on the sitting itself (approving the minutes) is not this
// function's concern: segment/ does not give such items as acts.
#pragma once

#include <string_view>

#include "core/record.h"
#include "patterns/pattern_set.h"

namespace delibex {

Vote ExtractVote(std::string_view act_text, const PatternSet& patterns);

}  // namespace delibex
