// extract/list_items: a list of people cut into items in each of its layouts
// (separators, one entry a line, labelled lines, bullets, runs of names
// wrapped over lines, a line break inside a name). Every list is written for
// the test and every name invented; each case asserts the items exactly.
#include "extract/list_items.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace delibex {
namespace {

using Items = std::vector<std::string>;

TEST(ListItems, SeparatorsOfEveryKind) {
  EXPECT_EQ(SplitListItems("M. Paul ROUX, Mme Anne BLANC; M. Luc NOIR"),
            (Items{"M. Paul ROUX", "Mme Anne BLANC", "M. Luc NOIR"}));
  EXPECT_EQ(SplitListItems("Paul ROUX / Anne BLANC & Luc NOIR et Léa VERT"),
            (Items{"Paul ROUX", "Anne BLANC", "Luc NOIR", "Léa VERT"}));
  EXPECT_EQ(SplitListItems("Paul ROUX – Anne BLANC — Luc NOIR"),
            (Items{"Paul ROUX", "Anne BLANC", "Luc NOIR"}));
  // Nothing inside parentheses separates, nor inside square brackets, read
  // as parentheses.
  EXPECT_EQ(SplitListItems("Anne BLANC (pouvoir à Luc NOIR, adjoint), Léa VERT"),
            (Items{"Anne BLANC (pouvoir à Luc NOIR, adjoint)", "Léa VERT"}));
  EXPECT_EQ(SplitListItems("MM ROUX, BLANC [À PARTIR DE LA QUESTION N°3, 3B], NOIR"),
            (Items{"MM ROUX", "BLANC (À PARTIR DE LA QUESTION N°3, 3B)", "NOIR"}));
}

TEST(ListItems, ASpacedHyphenSeparatesOnlyWithoutCommasOrBeforeACivility) {
  // In a comma list, a spaced hyphen is inside a compound name.
  EXPECT_EQ(SplitListItems("Mme Anne BROCA - LANNAUD, M. Luc NOIR"),
            (Items{"Mme Anne BROCA - LANNAUD", "M. Luc NOIR"}));
  // Without commas, it separates.
  EXPECT_EQ(SplitListItems("Paul ROUX - Anne BLANC - Luc NOIR"),
            (Items{"Paul ROUX", "Anne BLANC", "Luc NOIR"}));
  // Before a civility, even in a comma list (an en dash read as a hyphen).
  EXPECT_EQ(SplitListItems("M. Paul ROUX, Maire - Mme Anne BLANC, adjointe"),
            (Items{"M. Paul ROUX", "Maire", "Mme Anne BLANC", "adjointe"}));
}

TEST(ListItems, OneEntryALine) {
  EXPECT_EQ(SplitListItems("M. Paul ROUX, Maire\nMme Anne BLANC, adjointe\nM. Luc NOIR"),
            (Items{"M. Paul ROUX", "Maire", "Mme Anne BLANC", "adjointe", "M. Luc NOIR"}));
  // Bullets of any kind open the lines.
  EXPECT_EQ(SplitListItems("- Paul ROUX\n* Anne BLANC\n• Luc NOIR"),
            (Items{"Paul ROUX", "Anne BLANC", "Luc NOIR"}));
  // Lines labelled by commune: the labels dropped.
  EXPECT_EQ(SplitListItems("Brinay : M. Paul ROUX, Mme Anne BLANC\nCrégols : M. Luc NOIR"),
            (Items{"M. Paul ROUX", "Mme Anne BLANC", "M. Luc NOIR"}));
  EXPECT_EQ(DropLineLabel("Brinay : M. Paul ROUX"), "M. Paul ROUX");
  // Not names then their group.
  EXPECT_EQ(DropLineLabel("P.ROUX - A.BLANC : adjoints"), "P.ROUX - A.BLANC : adjoints");
}

TEST(ListItems, ALineBreakInsideANameDoesNotSeparate) {
  // A comma list wrapped inside a name.
  EXPECT_EQ(SplitListItems("M. Paul ROUX, Mme Anne\nBLANC, M. Luc NOIR"),
            (Items{"M. Paul ROUX", "Mme Anne\nBLANC", "M. Luc NOIR"}));
  // A list run on with dashes, wrapped inside a name: the break stays in
  // its item.
  EXPECT_EQ(SplitListItems("Paul ROUX - Marie\nBLANC - Luc NOIR"),
            (Items{"Paul ROUX", "Marie\nBLANC", "Luc NOIR"}));
  // A run of names with no separator, wrapped wherever the line was full:
  // one item, split into names by the item reader.
  EXPECT_EQ(SplitListItems("DURAND Paul MOREAU Anne LECLERC Hugo\nSIMON Luc"),
            (Items{"DURAND Paul MOREAU Anne LECLERC Hugo SIMON Luc"}));
  EXPECT_TRUE(HasRunOfNames("DURAND Paul MOREAU Anne LECLERC Hugo"));
  EXPECT_FALSE(HasRunOfNames("Le conseil municipal approuve le compte administratif"));
  EXPECT_FALSE(HasRunOfNames("DURAND Paul, MOREAU Anne, LECLERC Hugo"));
}

TEST(ListItems, EmptyItemsDropped) {
  EXPECT_EQ(SplitListItems("Paul ROUX, , Anne BLANC,"), (Items{"Paul ROUX", "Anne BLANC"}));
  EXPECT_EQ(SplitListItems(""), Items{});
}

}  // namespace
}  // namespace delibex
