// extract/vote: how the assembly decided on one act.
//
// ExtractVote reads the text of one act (its body, stamps already cut out)
// and fills a Vote (core/record.h):
// - result: "adopted" when the text shows the assembly approving or deciding
//   ("Adopté à l'unanimité", "à l'unanimité … décide", "approuve"), or when
//   stated counts give more votes for than against; "rejected" when the text
//   says so ("rejeté", "n'est pas adoptée", "Proposition non retenue") or
//   counts give fewer for than against; "withdrawn" for an item withdrawn
//   ("retiré de l'ordre du jour") when the text states no vote or decision;
//   a tie stays empty unless the text gives the result ("la voix du
//   Président étant prépondérante, la proposition est adoptée"); words that
//   contradict each other ("adopté" and "rejeté") leave the result to the
//   counts and the mode; an election (members or delegates designated by
//   ballot: "est élu", "a obtenu N voix", "est proclamé", "M. X est
//   désigné") leaves every vote field empty;
// - mode: "unanimity" ("à l'unanimité", "à l'unanimité des membres présents
//   et représentés", "unanimité" alone in a vote line), "unanimity_of_votes_cast"
//   ("à l'unanimité des suffrages exprimés"), "majority" ("à la majorité") —
//   from the words only: counts alone leave it empty, and two different
//   modes in one act leave it empty;
// - for / against / abstention / not_voting: the stated counts, in figures
//   or words ("par 17 voix pour et 4 abstentions", "DEUX voix POUR - ONZE voix
//   CONTRE", "une opposition", "ONT VOTE POUR : 14 ONT VOTE CONTRE : /",
//   "Pour : 12 Contre : 0 Abstention : 1", "10 votes pour. 2 Abstentions",
//   "Pour Contre Abstention" over "10 2 1", "par 20 voix contre 5", and
//   "(15 voix)" or "par 26 voix" beside a unanimity as the votes for); a
//   dash, slash, empty slot, "néant" or a figure the OCR damaged ("2]") is
//   empty, not 0; when the text states two sets of counts that disagree (an
//   amendment and the act), every count stays empty;
// - text: the words that state the vote, as printed (whitespace collapsed;
//   distant pieces joined with " … "); empty when only a decision verb
//   ("le Conseil municipal décide") gave the result;
// - named: members named as voting against, abstaining, or not taking part
//   ("1 contre (M. Jérôme CHASTANET)", "Mme X ne prenant pas part au vote",
//   "abstention de M. Y", "Ont voté contre : …"), with their civility when
//   printed. A role alone ("Mme le Maire ne prenant pas part au vote") names
//   nobody here: tying a role to a person needs the whole document.
// Mentions that belong to another body or another time are not this act's
// vote: "la commission a émis un avis favorable à l'unanimité", "Vu la
// délibération n° … adoptée à l'unanimité", the minutes or the agenda of the
// sitting ("Le procès-verbal … est approuvé à l'unanimité").
// A vote on the sitting itself (approving the minutes) is not this
// function's concern: segment/ does not give such items as acts.
//
// Stateless and thread-safe; the patterns come from patterns/vote.pcre
// (PatternSet is compiled once and shared).
#pragma once

#include <string_view>

#include "core/record.h"
#include "patterns/pattern_set.h"

namespace delibex {

Vote ExtractVote(std::string_view act_text, const PatternSet& patterns);

}  // namespace delibex
