// extract/persons: civilities, names as printed (capitals, particles,
// hyphens spaced out, letters split by PDF extraction, where a name stops),
// a person with the role after the name, roles, and one person under two
// spellings. All names are invented.
#include "people/persons.h"

#include <gtest/gtest.h>

#include <string>

namespace delibex {
namespace {

std::string Opt(const std::optional<std::string>& s) { return s ? *s : "null"; }

// ---------------------------------------------------------------- ReadCivility

TEST(ReadCivility, SingularPluralAndTitles) {
  struct Case {
    const char* text;
    const char* civility;  // "null" when none
    bool plural;
    size_t length;  // spaces after included
  };
  const Case cases[] = {
      {"M. Paul ROUX", "M.", false, 3},
      {"Mme Claire PETIT", "Mme", false, 4},
      {"Mme. Claire PETIT", "Mme", false, 5},
      {"Monsieur Jean LEGRAND", "M.", false, 9},
      {"madame Anne BLANC", "Mme", false, 7},
      {"Mr Paul ROUX", "M.", false, 3},
      {"Mlle Zoé VIDAL", "Mme", false, 5},
      {"  M. Luc NOIR", "M.", false, 5},
      // Plural civilities head a list and give no civility to a name.
      {"MM. Paul ROUX et Luc NOIR", "null", true, 4},
      {"Mmes Anne BLANC, Zoé VIDAL", "null", true, 5},
      {"Messieurs les conseillers", "null", true, 10},
      // "Dr" and "Docteur" are read and dropped: they say nothing of the
      // civility.
      {"Dr Xavier LUCCHINI", "null", false, 3},
      {"Docteur Xavier LUCCHINI", "null", false, 8},
      // A word is turned down by its first letter only when that is ASCII:
      // a civility that opens with punctuation or a letter Fold maps to
      // "m" (a full-width M) is still read.
      {"(Mme) Claire PETIT", "Mme", false, 6},
      {"\xEF\xBC\xAD. Paul ROUX", "M.", false, 5},
      {"DR Xavier LUCCHINI", "null", false, 3},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    CivilityRead r = ReadCivility(c.text);
    EXPECT_EQ(Opt(r.civility), c.civility);
    EXPECT_EQ(r.plural, c.plural);
    EXPECT_EQ(r.length, c.length);
  }
}

// "M" without its period before a surname, and a civility glued to the name,
// are read as civilities (registers print both).
TEST(ReadCivility, UndottedAndGlued) {
  struct Case {
    const char* text;
    const char* civility;
    size_t length;
  };
  for (Case c :
       {Case{"M DUPONT", "M.", 2}, Case{"M.DUPONT Paul", "M.", 2}, Case{"Mme.ROUX", "Mme", 4}}) {
    SCOPED_TRACE(c.text);
    CivilityRead r = ReadCivility(c.text);
    ASSERT_TRUE(r.civility);
    EXPECT_EQ(*r.civility, c.civility);
    EXPECT_EQ(r.length, c.length);
  }
  // "M J. DUPONT": an initial follows, not a surname.
  EXPECT_FALSE(ReadCivility("M J. DUPONT").civility);
  // "Mrs." heads a part of a list as "MM." does (Messieurs).
  EXPECT_TRUE(ReadCivility("Mrs. AUBERT Roger").plural);
  // "M.DENISE" alone: an initial glued to a surname as much as a civility.
  EXPECT_FALSE(ReadCivility("M.DENISE").civility);
}

TEST(ReadCivility, NoCivility) {
  for (const char* s : {"Maire", "M", "Paul ROUX", "", "Madeleine ROUX", "M.-J. ROUX", "Adjoint",
                        "1er adjoint", "Éric ROUX", "Zoé VIDAL", "donne pouvoir"}) {
    SCOPED_TRACE(s);
    CivilityRead r = ReadCivility(s);
    EXPECT_FALSE(r.civility);
    EXPECT_FALSE(r.plural);
    EXPECT_EQ(r.length, 0u);
  }
}

// ---------------------------------------------------------------- ReadName

struct NameCase {
  const char* text;
  const char* name;  // "" when there is none
};

void RunNameCases(const std::vector<NameCase>& cases) {
  for (const NameCase& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(ReadName(c.text).name, c.name);
  }
}

TEST(ReadName, CapitalsAndParticles) {
  RunNameCases({
      {"LE CORRE", "LE CORRE"},
      {"LE CORRE Annick, adjointe", "LE CORRE Annick"},
      {"Guy de DURFORT", "Guy de DURFORT"},
      {"Hugues de la FONTAINE", "Hugues de la FONTAINE"},
      {"Jean-Pierre DUPONT, Maire", "Jean-Pierre DUPONT"},
      {"CLAVERIE Claude", "CLAVERIE Claude"},
      {"O'NEIL Sean", "O'NEIL Sean"},
      {"Élodie ÉTIENNE", "Élodie ÉTIENNE"},
      {"Marie-Claire", "Marie-Claire"},
      {"J.-P. ROUX", "J.-P. ROUX"},
      {"JF ORSINI", "JF ORSINI"},
  });
}

TEST(ReadName, RepairsWhatPdfExtractionBroke) {
  RunNameCases({
      // Hyphens spaced out.
      {"BROCA - LANNAUD Marie - Thérèse", "BROCA-LANNAUD Marie-Thérèse"},
      // Letters split off a word.
      {"GIACOSA Patric k", "GIACOSA Patrick"},
      {"P hilippe MARTIN", "Philippe MARTIN"},
      // A name wrapped at the margin, but not across a blank line.
      {"Jeanne\nGUILLOUET", "Jeanne GUILLOUET"},
      {"Jeanne\n\nGUILLOUET", "Jeanne"},
  });
}

TEST(ReadName, WhereANameStops) {
  RunNameCases({
      // A role is no name; case is information.
      {"Le Maire", ""},
      {"Présents", ""},
      {"Mme LE CORRE", ""},  // a civility is not part of the name
      // At a lower-case word, a figure, a period that ends the sentence.
      {"Jean DUPONT est désigné", "Jean DUPONT"},
      {"DUPONT 12 voix", "DUPONT"},
      {"Jean DUPONT.", "Jean DUPONT"},
      {"Annick ;", "Annick"},
      // After a surname in capitals, a capitalised word that follows a
      // first name starts something else.
      {"Daniel CANTE Zones d'Accélération des Énergies Renouvelables", "Daniel CANTE"},
  });
}

TEST(ReadName, LengthCoversTheName) {
  NameRead r = ReadName("Guy de DURFORT, Maire");
  EXPECT_EQ(r.name, "Guy de DURFORT");
  EXPECT_EQ(r.length, std::string("Guy de DURFORT").size());
  r = ReadName("GIACOSA Patric k (pouvoir)");
  EXPECT_EQ(r.name, "GIACOSA Patrick");
  EXPECT_EQ(r.length, std::string("GIACOSA Patric k").size());
}

// ---------------------------------------------------------------- ReadPerson

TEST(ReadPerson, CivilityNameAndRole) {
  struct Case {
    const char* text;
    const char* civility;
    const char* name;
    const char* title;
    const char* rest;
  };
  const Case cases[] = {
      {"Mme LE CORRE", "Mme", "LE CORRE", "null", ""},
      {"M. Jean DUPONT, Maire", "M.", "Jean DUPONT", "Maire", ""},
      {"Mme Anne ROUX (1er adjoint)", "Mme", "Anne ROUX", "1er adjoint", ""},
      {"M. Paul VERT, Président du Conseil général", "M.", "Paul VERT",
       "Président du Conseil général", ""},
      {"M. Paul VERT, Président du Conseil général, et les autres", "M.", "Paul VERT",
       "Président du Conseil général", ", et les autres"},
      {"Dr Xavier LUCCHINI, Maire", "null", "Xavier LUCCHINI", "Maire", ""},
      {"M. Jean DUPONT, conseiller municipal", "M.", "Jean DUPONT", "conseiller municipal", ""},
      {"Jean DUPONT, doyen d'âge", "null", "Jean DUPONT", "doyen d'âge", ""},
      {"M. Luc NOIR, 2ème adjoint, présent", "M.", "Luc NOIR", "2ème adjoint", ", présent"},
      {"Madame Claire PETIT, conseillère déléguée.", "Mme", "Claire PETIT", "conseillère déléguée",
       "."},
      // What is no role stays after the person.
      {"Mme Anne ROUX (excusée)", "Mme", "Anne ROUX", "null", "(excusée)"},
      {"M. Jean DUPONT Maire", "M.", "Jean DUPONT", "null", "Maire"},
      // A plural civility gives none to the name.
      {"MM. Paul VERT", "null", "Paul VERT", "null", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    std::optional<PersonRead> r = ReadPerson(c.text);
    ASSERT_TRUE(r);
    EXPECT_EQ(Opt(r->person.civility), c.civility);
    EXPECT_EQ(r->person.name, c.name);
    EXPECT_EQ(Opt(r->person.title), c.title);
    EXPECT_EQ(r->rest, c.rest);
  }
}

TEST(ReadPerson, LengthCoversCivilityNameAndRole) {
  const std::string s = "M. Jean DUPONT, Maire";
  // `rest` points into the text read: keep it alive.
  const std::string text = s + ", ouvre la séance";
  std::optional<PersonRead> r = ReadPerson(text);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->length, s.size());
  EXPECT_EQ(r->rest, ", ouvre la séance");
}

TEST(ReadPerson, NoPerson) {
  // Bodies are never people, in capitals or not.
  for (const char* s : {"Monsieur le Maire", "le conseil municipal", "", "12 voix pour", "M.",
                        "Communauté de Communes du Val Vert", "Conseil Communautaire",
                        "SYNDICAT DES EAUX", "Commune de Saint-Aubin"}) {
    SCOPED_TRACE(s);
    EXPECT_FALSE(ReadPerson(s));
  }
}

// ---------------------------------------------------------------- IsRole

TEST(IsRole, Roles) {
  for (const char* s :
       {"Maire", "Le Maire", "Maire de Corte", "1er Adjoint", "1er adjoint", "2ème adjoint",
        "adjointe aux finances", "Président du Conseil général", "Vice-Président", "doyen d'âge",
        "conseillère déléguée", "secrétaire de séance", "suppléant"}) {
    SCOPED_TRACE(s);
    EXPECT_TRUE(IsRole(s));
  }
}

TEST(IsRole, NotRoles) {
  for (const char* s : {"DUPONT", "Jean DUPONT", "excusé", "présent", "", "Monsieur le Maire",
                        "Madame la Maire", "pouvoir à M. ROUX"}) {
    SCOPED_TRACE(s);
    EXPECT_FALSE(IsRole(s));
  }
}

// ---------------------------------------------------------------- SameName

TEST(SameName, OneNameUnderTwoSpellings) {
  struct Case {
    const char* a;
    const char* b;
    bool same;
  };
  const Case cases[] = {
      {"Xavier ORSONI", "ORSONI Xavier", true},
      {"Xavier ORSONI", "ORSONI", true},
      {"ORSONI", "Xavier ORSONI", true},
      {"MarieCécile MORIN", "Marie-Cécile MORIN", true},
      {"Élisabeth DUVIGNAU", "elisabeth duvignau", true},
      {"Jean DUPONT", "Paul DUPONT", false},
      {"DUPONT", "DUPOND", false},
      {"", "DUPONT", false},
      {"", "", false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.a) + " ~ " + c.b);
    EXPECT_EQ(SameName(c.a, c.b), c.same);
  }
}

// A role stops where the sentence goes on.
TEST(ReadPerson, RoleStopsAtTheVerb) {
  auto r = ReadPerson("M. Jean DUPONT, Maire ouvre la séance");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->person.name, "Jean DUPONT");
  EXPECT_EQ(r->person.title.value_or(""), "Maire");
  EXPECT_EQ(r->rest, "ouvre la séance");
}

}  // namespace
}  // namespace delibex
