// extract/attendance: the lists of members present, represented by a proxy,
// excused and absent, in the shapes councils print them: comma lists, one
// name a line with roles, lines labelled by commune, bullets, proxies in
// every wording, substitutes, late arrivals, the headings that join absent
// and excused, a member in two lists, a proxy held by a role, a flattened
// two-column page, first names only. Every zone is written for the test and
// every name invented; each test asserts the four lists exactly.
#include "extract/attendance.h"
#include "people/persons.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace delibex {
namespace {

const PatternSet& P() { return PatternSet::Builtin(); }

// "civility|name" (civility "-" when none), "|title" when there is one.
std::string Show(const Person& p) {
  std::string s = (p.civility ? *p.civility : "-") + "|" + p.name;
  if (p.title) s += "|" + *p.title;
  return s;
}

std::vector<std::string> Show(const std::vector<Person>& list) {
  std::vector<std::string> out;
  for (const Person& p : list) out.push_back(Show(p));
  return out;
}

// "member -> holder" ("null" for a proxy whose holder is not named).
std::vector<std::string> Show(const std::vector<ProxyGrant>& list) {
  std::vector<std::string> out;
  for (const ProxyGrant& g : list) {
    out.push_back(Show(g.member) + " -> " + (g.holder ? Show(*g.holder) : "null"));
  }
  return out;
}

using Names = std::vector<std::string>;

struct Expected {
  Names present = {};
  Names represented = {};
  Names excused = {};
  Names absent = {};
  std::optional<int> present_count = {};  // a figure closing the list
  std::optional<int> represented_count = {};
};

void ExpectLists(std::string_view zone, const Expected& e) {
  SCOPED_TRACE(std::string(zone));
  Attendance a = ExtractAttendance(zone, P());
  EXPECT_EQ(Show(a.present), e.present);
  EXPECT_EQ(Show(a.represented), e.represented);
  EXPECT_EQ(Show(a.excused), e.excused);
  EXPECT_EQ(Show(a.absent), e.absent);
  // The counts are read elsewhere (extract/session), but for a figure
  // closing a list.
  EXPECT_FALSE(a.in_office);
  EXPECT_EQ(a.present_count, e.present_count);
  EXPECT_EQ(a.represented_count, e.represented_count);
  EXPECT_FALSE(a.voters);
}

// ------------------------------------------------------------------ lists

TEST(ExtractAttendance, CommaLists) {
  ExpectLists(
      "Présents : M. Jean DUPONT, Mme Claire MARTIN, M. Paul ROUX, Mme Anne BLANC.\n"
      "Absents excusés : M. Luc NOIR, Mme Zoé VERT.\n"
      "Absents : M. Hugo GRIS.\n",
      {.present = {"M.|Jean DUPONT", "Mme|Claire MARTIN", "M.|Paul ROUX", "Mme|Anne BLANC"},
       .excused = {"M.|Luc NOIR", "Mme|Zoé VERT"},
       .absent = {"M.|Hugo GRIS"}});
}

// A late arrival noted in square brackets does not end the list.
TEST(ExtractAttendance, ArrivalNotedInSquareBrackets) {
  ExpectLists(
      "Étaient présents : M. ROUX, Maire, MME BLANC, MM NOIR [À PARTIR DE LA QUESTION "
      "N°3], GRIS, MME VERT, conseillers municipaux.\n",
      {.present = {"M.|ROUX|Maire", "Mme|BLANC", "-|NOIR", "-|GRIS", "Mme|VERT"}});
}

// The absent listed whole, then their proxies by the surname alone: one
// member each, represented, under the whole name. Not when another member
// bears the surname, nor beside an initial.
TEST(ExtractAttendance, ProxiesBySurnameAloneAfterTheAbsentWhole) {
  ExpectLists(
      "Présents : M. Jean DUPONT, Mme Claire MARTIN, M. Paul ROUX.\n"
      "Étaient absents :\n"
      "\n"
      "Monsieur Hugo GRIS – Madame Zoé VERT – Monsieur Luc NOIR\n"
      "\n"
      "-Monsieur GRIS procuration à Monsieur DUPONT\n"
      "\n"
      "-Madame VERT procuration à Madame MARTIN\n",
      {.present = {"M.|Jean DUPONT", "Mme|Claire MARTIN", "M.|Paul ROUX"},
       .represented = {"M.|Hugo GRIS -> M.|DUPONT", "Mme|Zoé VERT -> Mme|MARTIN"},
       .absent = {"M.|Luc NOIR"}});
  ExpectLists(
      "Présents : M. Jean DUPONT, Mme Claire MARTIN, Mme Léa GRIS.\n"
      "Étaient absents :\n"
      "\n"
      "Monsieur Hugo GRIS – Monsieur Luc NOIR\n"
      "\n"
      "-Monsieur GRIS procuration à Monsieur DUPONT\n",
      {.present = {"M.|Jean DUPONT", "Mme|Claire MARTIN", "Mme|Léa GRIS"},
       .represented = {"M.|GRIS -> M.|DUPONT"},
       .absent = {"M.|Hugo GRIS", "M.|Luc NOIR"}});
}

// Lists read by OCR: a comma lost at a line's end joins two names (split
// again when each line is one); a name damaged beyond reading ("MERCADI]")
// is skipped when the list goes on with people, and ends the list when
// nothing that follows is a person.
TEST(ExtractAttendance, ListsDamagedByOcr) {
  ExpectLists(
      "Présents : M. Jean DUPONT, Mme Claire MARTIN, M. Paul GRANDII\n"
      "Mme Anne BLANC, M. Luc NOIR, Yannick\n"
      "BOUCHET.\n"
      "Absents excusés : Mme AUGUSTE - MERCADI]\n"
      "Karine, M. Hugo GRIS, Mme Zoé VERT.\n",
      {.present = {"M.|Jean DUPONT", "Mme|Claire MARTIN", "M.|Paul GRANDII", "Mme|Anne BLANC",
                   "M.|Luc NOIR", "-|Yannick BOUCHET"},
       .excused = {"M.|Hugo GRIS", "Mme|Zoé VERT"}});
  // En dashes read as hyphens between people in a list that has commas (after
  // the names, before their roles); a double surname keeps its hyphen.
  ExpectLists(
      "Présents : M. Paul ROUX, Maire - Mme Anne BROCA - LANNAUD, 1re adjointe - "
      "M. Luc NOIR\n",
      {.present = {"M.|Paul ROUX|Maire", "Mme|Anne BROCA-LANNAUD|1re adjointe", "M.|Luc NOIR"}});
  // A list run on with dashes, wrapped wherever the line was full: the
  // breaks fall inside names ("Léa" / "MARTIN"), not between items.
  ExpectLists(
      "Présents : M. Paul ROUX - Mme Anne BLANC - M. Hugo GRIS - Mme Léa\n"
      "MARTIN - M. Luc NOIR - Mme Zoé VERT - Yves\n"
      "DURAND - Mme Inès BRUN\n",
      {.present = {"M.|Paul ROUX", "Mme|Anne BLANC", "M.|Hugo GRIS", "Mme|Léa MARTIN",
                   "M.|Luc NOIR", "Mme|Zoé VERT", "-|Yves DURAND", "Mme|Inès BRUN"}});
  // One entry a line, each with its role after a dash: still one a line.
  ExpectLists(
      "Présents :\n"
      "M. Paul ROUX - Maire\n"
      "Mme Anne BLANC - Adjointe\n"
      "M. Hugo GRIS\n",
      {.present = {"M.|Paul ROUX|Maire", "Mme|Anne BLANC|Adjointe", "M.|Hugo GRIS"}});
  // A figure closing the list is its count when it is near the list's
  // length; far from it, it is something else.
  ExpectLists("Présents : M. Paul ROUX, Mme Anne BLANC, M. Luc NOIR (3).\n",
              {.present = {"M.|Paul ROUX", "Mme|Anne BLANC", "M.|Luc NOIR"}, .present_count = 3});
  ExpectLists(
      "Présents : M. Paul ROUX, Mme Anne BLANC, M. Luc NOIR (4)\n"
      "Pouvoirs : Mme Léa MARTIN à M. Paul ROUX, M. Yves DURAND à M. Luc NOIR (2)\n",
      {.present = {"M.|Paul ROUX", "Mme|Anne BLANC", "M.|Luc NOIR"},
       .represented = {"Mme|Léa MARTIN -> M.|Paul ROUX", "M.|Yves DURAND -> M.|Luc NOIR"},
       .present_count = 4,
       .represented_count = 2});
  ExpectLists("Présents : M. Paul ROUX, Mme Anne BLANC, M. Luc NOIR (12)\n",
              {.present = {"M.|Paul ROUX", "Mme|Anne BLANC", "M.|Luc NOIR"}});
  // The secretary's sentence on the next line ends the list after its last
  // name, not at it.
  ExpectLists(
      "Présents : M. Paul ROUX, M. Luc NOIR.\n"
      "Absente : Mme Anne SIMON.\n"
      "M. Luc NOIR a été élu secrétaire de séance.\n",
      {.present = {"M.|Paul ROUX", "M.|Luc NOIR"}, .absent = {"Mme|Anne SIMON"}});
  // An intercommunal board: qualified member headings, each member's
  // commune in parentheses, a substitute's commune before "suppléant de".
  ExpectLists(
      "Membres titulaires présents : Mme Isabelle COLIN (Mouzens), M. Hervé BOYER "
      "(Saint-Paul)\n"
      "Délégués suppléants présents : M. Franck MARIE (Larra) suppléant de M. Denis GUERIN\n",
      {.present = {"Mme|Isabelle COLIN", "M.|Hervé BOYER", "M.|Franck MARIE"},
       .absent = {"M.|Denis GUERIN"}});
  // Proxies whose "à" was lost, or whose holder is cut off: the member is
  // represented, by the holder when one is named.
  ExpectLists(
      "Présents : M. Paul ROUX.\n"
      "Pouvoirs :\n"
      "Madame Anne BLANC a donné pouvoir Monsieur Paul ROUX\n"
      "Mme Léa MARTIN à M..\n",
      {.present = {"M.|Paul ROUX"},
       .represented = {"Mme|Anne BLANC -> M.|Paul ROUX", "Mme|Léa MARTIN -> null"}});
  // A name wrapped onto the next line, in a list of one proxy a line.
  ExpectLists(
      "Présents : M. Jean DUPONT.\n"
      "Absents représentés : Mme Anne BLANC a donné procuration à Mme Claire\n"
      "MARTIN ;\n"
      "M. Luc NOIR a donné procuration à M. Jean DUPONT.\n",
      {.present = {"M.|Jean DUPONT"},
       .represented = {"Mme|Anne BLANC -> Mme|Claire MARTIN", "M.|Luc NOIR -> M.|Jean DUPONT"}});
  ExpectLists(
      "Présents : M. Jean DUPONT, Mme Claire MARTIN, ].].\n"
      "La séance est ouverte à 18 heures.\n",
      {.present = {"M.|Jean DUPONT", "Mme|Claire MARTIN"}});
}

TEST(ExtractAttendance, OneNameALineWithRolesAndAProxyList) {
  ExpectLists(
      "Etaient présents :\n"
      "M. Bernard LACOSTE, Maire\n"
      "Mme Hélène FABRE, conseillère déléguée\n"
      "M. Olivier CASTEL (2ème adjoint)\n"
      "Mme Sylvie DURAND\n"
      "\n"
      "Pouvoirs :\n"
      "M. Marc BRUN à M. Bernard LACOSTE\n"
      "Mme Inès PONS à Mme Sylvie DURAND\n"
      "\n"
      "Secrétaire de séance : Mme Sylvie DURAND\n",
      {.present = {"M.|Bernard LACOSTE|Maire", "Mme|Hélène FABRE|conseillère déléguée",
                   "M.|Olivier CASTEL|2ème adjoint", "Mme|Sylvie DURAND"},
       .represented = {"M.|Marc BRUN -> M.|Bernard LACOSTE",
                       "Mme|Inès PONS -> Mme|Sylvie DURAND"}});
}

TEST(ExtractAttendance, LinesLabelledByCommune) {
  ExpectLists(
      "Délégués présents :\n"
      "Cazals : M. Rémi AUGÉ, Mme Paule BRU\n"
      "Limogne : M. Éric COSTES\n"
      "Vaylats : Mme Marthe DELPECH, M. Gilles ESCAT\n"
      "\n"
      "Absents excusés :\n"
      "Crégols : M. Yves FABRE\n"
      "Varaire : Mme Lise GARRIC\n",
      {.present = {"M.|Rémi AUGÉ", "Mme|Paule BRU", "M.|Éric COSTES", "Mme|Marthe DELPECH",
                   "M.|Gilles ESCAT"},
       .excused = {"M.|Yves FABRE", "Mme|Lise GARRIC"}});
}

TEST(ExtractAttendance, Bullets) {
  ExpectLists(
      "Etaient présents :\n"
      "- M. Alain COUDERC\n"
      "- Mme Odile RIVES\n"
      "- M. Denis BOYER\n"
      "\n"
      "Absents excusés :\n"
      "- Mme Julie FAURE\n",
      {.present = {"M.|Alain COUDERC", "Mme|Odile RIVES", "M.|Denis BOYER"},
       .excused = {"Mme|Julie FAURE"}});
  ExpectLists(
      "Présents :\n"
      "• Rémi AUGÉ\n"
      "• Paule BRU\n"
      "• Éric COSTES\n"
      "\n"
      "Excusés :\n"
      "• Marthe DELPECH\n",
      {.present = {"-|Rémi AUGÉ", "-|Paule BRU", "-|Éric COSTES"},
       .excused = {"-|Marthe DELPECH"}});
}

TEST(ExtractAttendance, PluralCivilitiesGiveNoCivility) {
  ExpectLists("Présents : MM. Denis BOYER, Rémi SALLES, Mmes Odile RIVES, Julie FAURE.\n",
              {.present = {"-|Denis BOYER", "-|Rémi SALLES", "-|Odile RIVES", "-|Julie FAURE"}});
}

TEST(ExtractAttendance, FirstNamesOnly) {
  ExpectLists(
      "Présents : Rémi, Paule, Éric, Gilles.\n"
      "Absents : Marthe (pouvoir à Rémi), Yves.\n",
      {.present = {"-|Rémi", "-|Paule", "-|Éric", "-|Gilles"},
       .represented = {"-|Marthe -> -|Rémi"},
       .absent = {"-|Yves"}});
}

// A flattened register: every list on one line, "MM" heading a part of the
// present list, and the next heading's colon on the same line (not a
// "Mesdames et Messieurs :" salutation to jump).
TEST(ExtractAttendance, OneLineListsAfterAPluralCivility) {
  ExpectLists(
      "Présents : MM Roux, Blanc, Mme Vasseur, M. Tessier. Excusés : M. Masson. Votants : 5\n",
      {.present = {"-|Roux", "-|Blanc", "Mme|Vasseur", "M.|Tessier"}, .excused = {"M.|Masson"}});
}

// OCR reads the initial "I." as "|.": a bar before a full stop and a capital
// is that initial, not a table's border cutting the list.
TEST(ExtractAttendance, InitialReadAsABar) {
  ExpectLists(
      "Etaient présents : C.FOROT - T.BUSIN — W.AUGUSTE : adjoints.\n"
      "P.SOLIER -— |.MEJEAN — B.DUBOIS\n",
      {.present = {"-|C.FOROT", "-|T.BUSIN", "-|W.AUGUSTE", "-|P.SOLIER", "-|I.MEJEAN",
                   "-|B.DUBOIS"}});
}

// A page flattened into one line: a heading without a colon that a name
// list follows, lists that end at a sentence's full stop mid-line, a
// sub-heading of the list that goes on with names, "Mrs." heading names
// (no sentence end), and "Néant" for an empty list.
TEST(ExtractAttendance, OneLinePageWithSentencesAround) {
  ExpectLists(
      "SEANCE DU 26 MARS 2013 Présents Paul ROUX, Maire ; Anne BLANC, Luc NOIR, Adjoints, "
      "Zoé VERT, Conseillers Municipaux. Monsieur le Maire ouvre la séance à 20 heures.\n",
      {.present = {"-|Paul ROUX|Maire", "-|Anne BLANC", "-|Luc NOIR", "-|Zoé VERT"}});
  ExpectLists(
      "Membres présents : Mrs. AUBRY Richard - EGELE Dominique - KOPP Jean-Luc. Membres "
      "suppléants avec voix délibérative : LUCOT Lise, KYNDT Annie. Membres absents excusés : "
      "Néant. La séance est ouverte.\n",
      {.present = {"-|AUBRY Richard", "-|EGELE Dominique", "-|KOPP Jean-Luc", "-|LUCOT Lise",
                   "-|KYNDT Annie"}});
  ExpectLists(
      "Etaient absents : Mme Anne TOUCHARD, MM. Luc DEBIAIS, Paul BASTIERE. Mme Zoé DUVERGER "
      "a été désignée secrétaire.\n",
      {.absent = {"Mme|Anne TOUCHARD", "-|Luc DEBIAIS", "-|Paul BASTIERE"}});
}

// Proxies in an excused list with "M" undotted as the only separator: each
// "M" before a name starts the next member, after the holder's name.
TEST(ExtractAttendance, ProxiesSeparatedByUndottedCivilities) {
  ExpectLists(
      "Présents : M. Paul ROUX, Mme Claire VASSEUR, M. Luc BLANC.\n"
      "Absents excusés : M Gillet, pouvoir à M Blanc M Masson, pouvoir à Mme Vasseur M Leroy\n"
      "Votants : 5\n",
      {.present = {"M.|Paul ROUX", "Mme|Claire VASSEUR", "M.|Luc BLANC"},
       .represented = {"M.|Gillet -> M.|Blanc", "M.|Masson -> Mme|Vasseur"},
       .excused = {"M.|Leroy"}});
}

// ------------------------------------------------------------------ proxies

TEST(ExtractAttendance, ProxyInParentheses) {
  ExpectLists(
      "Présents : Mme Odile RIVES, M. Denis BOYER. Absents représentés : M. Alain COUDERC "
      "(pouvoir à Mme Odile RIVES), Mme Julie FAURE (procuration à M. Denis BOYER).",
      {.present = {"Mme|Odile RIVES", "M.|Denis BOYER"},
       .represented = {"M.|Alain COUDERC -> Mme|Odile RIVES",
                       "Mme|Julie FAURE -> M.|Denis BOYER"}});
}

TEST(ExtractAttendance, ProxyGivenOnALineOfItsOwn) {
  ExpectLists(
      "Présents : Mme Odile RIVES, M. Denis BOYER.\n"
      "M. Alain COUDERC donne procuration à Mme Odile RIVES.\n",
      {.present = {"Mme|Odile RIVES", "M.|Denis BOYER"},
       .represented = {"M.|Alain COUDERC -> Mme|Odile RIVES"}});
}

TEST(ExtractAttendance, ProxyVerbsInAnAbsentsList) {
  ExpectLists(
      "Présents : Mme Paule BRU, M. Éric COSTES.\n"
      "Absents : Mme Marthe DELPECH a donné procuration à Mme Paule BRU, M. Yves FABRE "
      "représenté par M. Éric COSTES.\n",
      {.present = {"Mme|Paule BRU", "M.|Éric COSTES"},
       .represented = {"Mme|Marthe DELPECH -> Mme|Paule BRU", "M.|Yves FABRE -> M.|Éric COSTES"}});
}

TEST(ExtractAttendance, DelegationOfVote) {
  ExpectLists(
      "Présents : Mme Odile RIVES, M. Denis BOYER. Absents : M. Rémi SALLES (délégation de vote à "
      "Mme Odile RIVES), Mme Julie FAURE.",
      {.present = {"Mme|Odile RIVES", "M.|Denis BOYER"},
       .represented = {"M.|Rémi SALLES -> Mme|Odile RIVES"},
       .absent = {"Mme|Julie FAURE"}});
}

TEST(ExtractAttendance, Mandataire) {
  ExpectLists(
      "Présents : Mme Odile RIVES, M. Denis BOYER. Représentés : M. Rémi SALLES (mandataire : "
      "M. Denis BOYER).",
      {.present = {"Mme|Odile RIVES", "M.|Denis BOYER"},
       .represented = {"M.|Rémi SALLES -> M.|Denis BOYER"}});
}

TEST(ExtractAttendance, RepresentedBy) {
  ExpectLists(
      "Présents : Mme Odile RIVES, M. Denis BOYER. Absents : Mme Julie FAURE représentée par "
      "M. Denis BOYER.",
      {.present = {"Mme|Odile RIVES", "M.|Denis BOYER"},
       .represented = {"Mme|Julie FAURE -> M.|Denis BOYER"}});
}

TEST(ExtractAttendance, RepresentedWithoutAHolder) {
  ExpectLists(
      "Présents : Mme Odile RIVES, M. Denis BOYER.\n"
      "Absents représentés : Mme Julie FAURE\n",
      {.present = {"Mme|Odile RIVES", "M.|Denis BOYER"},
       .represented = {"Mme|Julie FAURE -> null"}});
}

// A proxy held by a role: the holder is the role alone, for the caller to
// resolve against the person the document names in it.
TEST(ExtractAttendance, ProxyHeldByTheMayor) {
  ExpectLists(
      "Présents : Mme Odile RIVES, M. Denis BOYER.\n"
      "Représentés : Mme Julie FAURE (pouvoir à M. le Maire), M. Hugo GRIS (pouvoir à Mme Odile "
      "RIVES).\n",
      {.present = {"Mme|Odile RIVES", "M.|Denis BOYER"},
       .represented = {"Mme|Julie FAURE -> -||Maire", "M.|Hugo GRIS -> Mme|Odile RIVES"}});
  ExpectLists(
      "Présents : Mme Odile RIVES, M. Denis BOYER.\n"
      "Mme Julie FAURE a donné pouvoir à Monsieur le Maire.\n",
      {.present = {"Mme|Odile RIVES", "M.|Denis BOYER"},
       .represented = {"Mme|Julie FAURE -> -||Maire"}});
  ExpectLists(
      "Présents : Mme Odile RIVES, M. Denis BOYER.\n"
      "Pouvoirs : Mme Julie FAURE à Monsieur le Président\n",
      {.present = {"Mme|Odile RIVES", "M.|Denis BOYER"},
       .represented = {"Mme|Julie FAURE -> -||Président"}});
}

// ------------------------------------------------------------------ substitutes

TEST(ExtractAttendance, SubstituteSitsForAnAbsentMember) {
  ExpectLists(
      "Présents : Mme Odile RIVES, M. Denis BOYER, ALLARD Sophie remplacée par sa suppléante "
      "MOREAU Lise.",
      {.present = {"Mme|Odile RIVES", "M.|Denis BOYER", "-|MOREAU Lise"},
       .absent = {"-|ALLARD Sophie"}});
  ExpectLists(
      "Présents : Mme Odile RIVES, M. Denis BOYER, Lise MOREAU, suppléante de Sophie "
      "ALLARD.",
      {.present = {"Mme|Odile RIVES", "M.|Denis BOYER", "-|Lise MOREAU"},
       .absent = {"-|Sophie ALLARD"}});
  ExpectLists("Présents : Mme Odile RIVES, M. Denis BOYER, MOREAU Lise (remplace ALLARD Sophie).",
              {.present = {"Mme|Odile RIVES", "M.|Denis BOYER", "-|MOREAU Lise"},
               .absent = {"-|ALLARD Sophie"}});
}

// ------------------------------------------------------------------ present stays present

TEST(ExtractAttendance, LateArrivalsAndEarlyLeavesArePresent) {
  ExpectLists(
      "Présents : Mme Odile RIVES, M. Denis BOYER (arrivé à 20h15), M. Rémi SALLES (a quitté la "
      "séance à 21h et donné pouvoir à Mme Odile RIVES), Mme Julie FAURE (présente jusqu au point "
      "4).",
      {.present = {"Mme|Odile RIVES", "M.|Denis BOYER", "M.|Rémi SALLES", "Mme|Julie FAURE"}});
}

TEST(ExtractAttendance, MemberListedPresentAndInAProxyListStaysPresent) {
  ExpectLists(
      "Présents : Mme Odile RIVES, M. Denis BOYER, M. Rémi SALLES.\n"
      "Pouvoirs : M. Rémi SALLES à Mme Odile RIVES, Mme Julie FAURE à M. Denis BOYER.\n",
      {.present = {"Mme|Odile RIVES", "M.|Denis BOYER", "M.|Rémi SALLES"},
       .represented = {"Mme|Julie FAURE -> M.|Denis BOYER"}});
  ExpectLists(
      "Présents : Mme Odile RIVES, M. Denis BOYER, Mme Julie FAURE.\n"
      "Mme Julie FAURE donne procuration à M. Denis BOYER.\n",
      {.present = {"Mme|Odile RIVES", "M.|Denis BOYER", "Mme|Julie FAURE"}});
}

// A grant on a line of its own is a member's: a sentence wrapped short
// ("Appelé à se prononcer, le Conseil donne son accord et pouvoir à la" /
// "Présidente …") grants nothing.
TEST(ExtractAttendance, ProxyLineIsAMembersNotASentences) {
  ExpectLists(
      "Présents : Mme Odile RIVES, M. Denis BOYER.\n"
      "M. Rémi SALLES donne procuration à Mme Odile RIVES.\n"
      "Appelé à se prononcer, le Conseil donne son accord et pouvoir à la\n"
      "Présidente pour signer le permis d'aménager.\n",
      {.present = {"Mme|Odile RIVES", "M.|Denis BOYER"},
       .represented = {"M.|Rémi SALLES -> Mme|Odile RIVES"}});
  // A member with a glued initial, the grant after a colon (a scan's lines).
  Attendance a = ExtractAttendance(
      "Etaient présents :\nM.ROUX — C.BLANC\n\nEtaient absents excusés :\n"
      "B.DURAND : procuration à Y. MARTIN\nN.GALAN : procuration à H.CHARLES\n\n",
      P());
  EXPECT_EQ(a.represented.size(), 2u);
}

// ------------------------------------------------------------------ absent or excused

TEST(ExtractAttendance, AbsentsEtExcusesGoToAbsent) {
  ExpectLists(
      "Présents : Mme Odile RIVES, M. Denis BOYER. Absents et excusés : M. Rémi SALLES, Mme Julie "
      "FAURE.",
      {.present = {"Mme|Odile RIVES", "M.|Denis BOYER"},
       .absent = {"M.|Rémi SALLES", "Mme|Julie FAURE"}});
}

TEST(ExtractAttendance, AbsentsExcusesGoToExcused) {
  ExpectLists(
      "Présents : Mme Odile RIVES, M. Denis BOYER. Absents - excusés : M. Rémi SALLES, Mme Julie "
      "FAURE.",
      {.present = {"Mme|Odile RIVES", "M.|Denis BOYER"},
       .excused = {"M.|Rémi SALLES", "Mme|Julie FAURE"}});
}

TEST(ExtractAttendance, ExcusedMarkUnderAbsents) {
  ExpectLists(
      "Présents : Odile, Denis, Rémi\n"
      "Absents : Julie (excusée), Hugo\n",
      {.present = {"-|Odile", "-|Denis", "-|Rémi"}, .excused = {"-|Julie"}, .absent = {"-|Hugo"}});
}

// ------------------------------------------------------------------ flattened pages

TEST(BlankMarginFields, BlanksLabelAndValueKeepingLength) {
  struct Case {
    std::string in;
    std::string out;
  };
  const Case cases[] = {
      {"sous la présidence de Présents : 9 Monsieur Alain ROCHE, Maire.",
       "sous la présidence de               Monsieur Alain ROCHE, Maire."},
      {"Votants : 10 Étaient présents", "             Étaient présents"},
      {"Date de convocation : 10/10/2023 Mme Lise\nNombre de conseillers en exercice : 11",
       std::string(33, ' ') + "Mme Lise\n" + std::string(38, ' ')},
      // A heading followed by names is no margin field.
      {"Présents : M. Jean ROUX", "Présents : M. Jean ROUX"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.in);
    std::string out = BlankMarginFields(c.in, P());
    EXPECT_EQ(out, c.out);
    EXPECT_EQ(out.size(), c.in.size());
  }
}

// A two-column page flattened into one line: the margin's counts and dates
// fall in the middle of the list.
TEST(ExtractAttendance, TwoColumnPageFlattenedWithMarginFields) {
  const std::string zone =
      "Le conseil s'est réuni. Étaient présents : M. Luc ARNAUD, Mme Nadia CORBIN, En exercice : "
      "12 M. Yves DELMAS, Date de convocation : 03/05/2024 Mme Rose ESTÈVE. Absents : M. Noël "
      "FAGES. Secrétaire de séance : Mme Nadia CORBIN.";
  ExpectLists(BlankMarginFields(zone, P()), {.present = {"M.|Luc ARNAUD", "Mme|Nadia CORBIN",
                                                         "M.|Yves DELMAS", "Mme|Rose ESTÈVE"},
                                             .absent = {"M.|Noël FAGES"}});
}

TEST(ExtractAttendance, NoHeadingNoList) {
  ExpectLists("Le conseil municipal s'est réuni en mairie. Les élus présents ont voté.\n", {});
  ExpectLists("", {});
}

// An ordinal before a role is part of the role, not margin debris.
TEST(ExtractAttendance, OrdinalRolesStayWhole) {
  ExpectLists("Présents : Mme Hélène FABRE, 1ère adjointe, M. Paul ROUX, 2e adjoint.\n",
              {.present = {"Mme|Hélène FABRE|1ère adjointe", "M.|Paul ROUX|2e adjoint"}});
}

// A note in parentheses after a proxy does not end the list.
TEST(ExtractAttendance, ProxyWithANoteInParentheses) {
  ExpectLists(
      "Pouvoirs : M. Rémi SALLES à Mme Odile RIVES (à compter de son départ), Mme Julie "
      "FAURE à M. Denis BOYER.\n",
      {.represented = {"M.|Rémi SALLES -> Mme|Odile RIVES", "Mme|Julie FAURE -> M.|Denis BOYER"}});
}

// One line labelled by its commune is a list of one.
TEST(ExtractAttendance, SingleLabelledLine) {
  ExpectLists("Absents excusés :\nCrégols : M. Yves FABRE\n", {.excused = {"M.|Yves FABRE"}});
}

// On a page flattened into columns split by '|', civilities stay (the
// margin's counts blanked first, as extract/session does).
TEST(ExtractAttendance, FlattenedColumnsKeepCivilities) {
  ExpectLists(
      BlankMarginFields("présents : 4 | Présents : M. Luc ARNAUD, Mme Nadia CORBIN, M. Yves\n"
                        "votants : 5 | DELMAS, Mme Rose ESTÈVE.\n",
                        P()),
      {.present = {"M.|Luc ARNAUD", "Mme|Nadia CORBIN", "M.|Yves DELMAS", "Mme|Rose ESTÈVE"}});
}

// Member communes in capitals above their delegates are no people; a
// proxy joined by "mandataire" alone.
TEST(ExtractAttendance, CommuneLabelsAndMandataire) {
  ExpectLists(
      "Présents :\n"
      "SAINT MARTIN DES PRES\n"
      "M. ROLLAND Victor\n"
      "BOIS LE ROI\n"
      "M. DURIEUX Simon\n"
      "Mme PERRIN Alice\n"
      "\n"
      "Membres représentés par procuration : Mme Julie MARCHAND mandataire M. ROLLAND Victor\n",
      {.present = {"M.|ROLLAND Victor", "M.|DURIEUX Simon", "Mme|PERRIN Alice"},
       .represented = {"Mme|Julie MARCHAND -> M.|ROLLAND Victor"}});
}

}  // namespace
}  // namespace delibex

namespace delibex {
namespace {

// ------------------------------------------------- the grammar of people lists
// One reader for every layout: a heading, then (past empty lines and
// sub-headings) items cut at separators, civilities, parentheses, status
// words and NOM/Prénom boundaries; group and place labels are dropped.

TEST(AttendanceGrammar, EmptyLineBetweenHeadingAndList) {
  ExpectLists(
      "Etaient présents :\n\nM. Hugo LEMARCHAND, Maire, Mme Claire VASSEUR, Adjointe\n\n"
      "Le quorum étant atteint, la séance est ouverte.\n",
      {.present = {"M.|Hugo LEMARCHAND|Maire", "Mme|Claire VASSEUR|Adjointe"}});
}

TEST(AttendanceGrammar, SubHeadingBeforeTheNames) {
  ExpectLists("Etaient présents :\nDélégués titulaires :\nM. Paul ROCHE, Mme Anne BRUNEL\n",
              {.present = {"M.|Paul ROCHE", "Mme|Anne BRUNEL"}});
}

TEST(AttendanceGrammar, ListGoesOnAfterEmptyLinesWhileParagraphsOpenWithPeople) {
  ExpectLists(
      "Étaient présents : Monsieur TALBERT Yves, Maire ;\n\n"
      "Mesdames ROCHAS Aline et PELTIER Maud, et Messieurs GIRON Marc et VIAL Léo, Adjoints, "
      "Mesdames COSTE Inès, DUPRÉ Lise, Conseillers municipaux\n\n"
      "Absente excusée : Nina BERGER donne procuration à Lise DUPRÉ\n\n"
      "Monsieur Marc GIRON a été désigné secrétaire.\n",
      {.present = {"M.|TALBERT Yves|Maire", "-|ROCHAS Aline", "-|PELTIER Maud", "-|GIRON Marc",
                   "-|VIAL Léo", "-|COSTE Inès", "-|DUPRÉ Lise"},
       .represented = {"-|Nina BERGER -> -|Lise DUPRÉ"}});
}

TEST(AttendanceGrammar, GroupLabelsClosingLinesAreNoPeople) {
  ExpectLists(
      "Présents : M. Jean ORSAT, Président, Mme Zoé LERAY, M. Marc TESSON, Vice-présidents,\n"
      "Mme Anaïs GILLOT, M. Eric MASSIN, membres du bureau\n",
      {.present = {"M.|Jean ORSAT|Président", "Mme|Zoé LERAY", "M.|Marc TESSON", "Mme|Anaïs GILLOT",
                   "M.|Eric MASSIN"}});
  // "Adjoints au Maire": a group, not the mayor's title for the last of it.
  ExpectLists(
      "Présents : Jean ORSAT, Maire - Zoé LERAY, Marc TESSON, Adjoints au Maire, Anaïs "
      "GILLOT, Conseillers Municipaux.\n",
      {.present = {"-|Jean ORSAT|Maire", "-|Zoé LERAY", "-|Marc TESSON", "-|Anaïs GILLOT"}});
}

TEST(AttendanceGrammar, CivilityAsTheOnlySeparator) {
  ExpectLists("Présents : Mme Léa MARTEL Mme Anne ROUSSET M. Luc BLANCARD\n",
              {.present = {"Mme|Léa MARTEL", "Mme|Anne ROUSSET", "M.|Luc BLANCARD"}});
}

// The civility as the only separator, the last one glued to its surname.
TEST(AttendanceGrammar, CivilitiesAsSeparatorsOneGlued) {
  ExpectLists(
      "Présents : Mme Léa MARTEL Mme Anne ROUSSET M. Luc BLANCARD M.DURANDOT Paul\n",
      {.present = {"Mme|Léa MARTEL", "Mme|Anne ROUSSET", "M.|Luc BLANCARD", "M.|DURANDOT Paul"}});
}

// A list run on with spaced dashes and wrapped inside a name: the line
// break is a space there.
TEST(AttendanceGrammar, DashListWrappedInsideAName) {
  ExpectLists("Absents : Jean DUPRAT - Margaux\nDELORMEAU - Victor HAMELIN\n",
              {.absent = {"-|Jean DUPRAT", "-|Margaux DELORMEAU", "-|Victor HAMELIN"}});
}

// A family name that is also a role's word ("DOYEN", "MAIRE"), in capitals
// after a first name, is the surname; the role after a surname stays a role.
TEST(AttendanceGrammar, SurnamesThatReadLikeRoles) {
  ExpectLists(
      "Présents : Nicole THERAND, Odile DOYEN, Paul MAIRE, M. Jean ROUX, Maire\n",
      {.present = {"-|Nicole THERAND", "-|Odile DOYEN", "-|Paul MAIRE", "M.|Jean ROUX|Maire"}});
}

// An absentee grid (a table's rows, cells parted by ";"): a mark under
// "Absent" or "Sans pouvoir" makes the member absent, under "Excusé"
// excused; a name under "Procuration à" holds the proxy; under "Suppléé
// par" the substitute is present. A row with nothing marked says nothing.
TEST(AttendanceGrammar, AbsenteeGridWithMarksAndNames) {
  ExpectLists(
      "Présents : M. Hugo LEMARCHAND, Mme Claire VASSEUR\n\n"
      "Délégué ; Absent ; Excusé ; Sans pouvoir ; Suppléé par ; Procuration à\n"
      "M. Luc BLANCARD ; X ; ; X\n"
      "Mme Anne ROUSSET ; X ; ; ; M. Eric MASSONNET\n"
      "M. Marc TESSIER ; X ; X ; ; ; Mme Claire VASSEUR\n"
      "Mme Zoé LEROUX ; X ; X\n"
      "M. Noé FABRE ; ; ; ; ;\n",
      {.present = {"M.|Hugo LEMARCHAND", "Mme|Claire VASSEUR", "M.|Eric MASSONNET"},
       .represented = {"M.|Marc TESSIER -> Mme|Claire VASSEUR"},
       .excused = {"Mme|Zoé LEROUX"},
       .absent = {"M.|Luc BLANCARD", "Mme|Anne ROUSSET"}});
}

TEST(AttendanceGrammar, NomPrenomPairsRunTogether) {
  ExpectLists(
      "Conseillers communautaires présents\n\n"
      "DURANTON Paul MOREL Anne LECLERT Hugo DE CASTRIES Marta\n\n"
      "VANIER Jean-Roger HABERT-DULAC Sylvie\n",
      {.present = {"-|DURANTON Paul", "-|MOREL Anne", "-|LECLERT Hugo", "-|DE CASTRIES Marta",
                   "-|VANIER Jean-Roger", "-|HABERT-DULAC Sylvie"}});
}

TEST(AttendanceGrammar, PrenomNomPairsAfterAGroupLabel) {
  ExpectLists(
      "Etaient présents : Alain PATOUX, Franck SORREL, délégué(e)s titulaires Lory LACLOS "
      "Jean- Pierre RIVOLLET délégué(e)s suppléant(e)s.\n",
      {.present = {"-|Alain PATOUX", "-|Franck SORREL", "-|Lory LACLOS",
                   "-|Jean-Pierre RIVOLLET"}});
}

// The words that open a label or a proxy are found whatever letter they
// start with: an accented capital ("Élu(e)s"), lower case, capitals.
TEST(AttendanceGrammar, LabelsOpeningWithAnyLetter) {
  ExpectLists(
      "Etaient présents : Alain PATOUX, Franck SORREL, Élu(e)s titulaires Lory LACLOS "
      "Jean- Pierre RIVOLLET SUPPLÉANTS Marc VIAL.\n",
      {.present = {"-|Alain PATOUX", "-|Franck SORREL", "-|Lory LACLOS", "-|Jean-Pierre RIVOLLET",
                   "-|Marc VIAL"}});
  ExpectLists("Procurations : Marine BIZET POUVOIR à MC MUSSET\n",
              {.represented = {"-|Marine BIZET -> -|MC MUSSET"}});
}

TEST(AttendanceGrammar, ProxiesCutAfterEachParenthesis) {
  ExpectLists(
      "Procurations : Marine BIZET (pouvoir à MC MUSSET) André ISARD (pouvoir à A FERRAND) "
      "TRONCIN Nadia (pouvoir à G. ROBLOT)\n",
      {.represented = {"-|Marine BIZET -> -|MC MUSSET", "-|André ISARD -> -|A FERRAND",
                       "-|TRONCIN Nadia -> -|G. ROBLOT"}});
}

TEST(AttendanceGrammar, PlaceLabelsInsideTheList) {
  ExpectLists(
      "Etaient présents :\n\nCommune de Baix : Messieurs Leynard, Chabaud Commune de Rochefort : "
      "Monsieur Boyard Commune de Meyras : Madame Pollet\n\n"
      "Le quorum étant atteint, la séance est ouverte.\n",
      {.present = {"-|Leynard", "-|Chabaud", "M.|Boyard", "Mme|Pollet"}});
}

TEST(AttendanceGrammar, StatusWordsAfterNames) {
  ExpectLists("Absents et procurations : Luc SIMONET excusé Rémi BLOTTE Pouvoir à Julie MARCHANT\n",
              {.represented = {"-|Rémi BLOTTE -> -|Julie MARCHANT"}, .excused = {"-|Luc SIMONET"}});
}

TEST(AttendanceGrammar, ASentenceAfterAnEmptyLineEndsTheList) {
  ExpectLists(
      "Présents : M. Paul ROCHE, Mme Anne BRUNEL.\n\nMonsieur Paul ROCHE est désigné secrétaire "
      "de séance.\n",
      {.present = {"M.|Paul ROCHE", "Mme|Anne BRUNEL"}});
}

// A register without headings names its members in a sentence, the list
// first: "…, soit 3 élus, se sont déplacés", "… sont présents"; one who gave
// a proxy without naming its holder "s'est fait représenter".
TEST(AttendanceGrammar, ListBeforeTheWordsThatSayWhoCame) {
  ExpectLists(
      "Compte rendu du 3 avril 2024\n\n"
      "Mme Berthier, Mme Collot,  Mr Dufay et Mr Le Guen , soit 4 élus, se sont déplacés. "
      "Mme Ravel s'est fait représenter.\n\nLe quorum n'étant pas atteint, la séance est "
      "reportée.\n",
      {.present = {"Mme|Berthier", "Mme|Collot", "M.|Dufay", "M.|Le Guen"},
       .represented = {"Mme|Ravel -> null"}});
  ExpectLists(
      "La séance est ouverte à 20 h. M. Paul ROCHE, Mme Anne BRUNEL et M. Luc VIDAL sont "
      "présents.\n",
      {.present = {"M.|Paul ROCHE", "Mme|Anne BRUNEL", "M.|Luc VIDAL"}});
  // Not a list: a sentence that opens with no person, and a register whose
  // headings already say who came.
  ExpectLists("Les membres de la commission des finances sont présents.\n", {});
  ExpectLists(
      "Présents : M. Paul ROCHE, Mme Anne BRUNEL.\n"
      "M. Luc VIDAL et Mme Lise MARTY étaient présents à la commission du 2 mars.\n",
      {.present = {"M.|Paul ROCHE", "Mme|Anne BRUNEL"}});
}

// Surname first, then a first name of two words; a birth name after "née";
// ordinal endings a text extraction parted from their figure; a hyphen a
// flattened line break parted from the next word ("Marc- André"). None ends
// the list.
TEST(AttendanceGrammar, TwoWordFirstNamesBirthNamesAndLoneOrdinals) {
  ExpectLists(
      "Étaient présents : M. ROCHE Paul (Maire), M. BLANC Luc Henry (4 ème Adjoint), M. ème "
      "ème MOREL Karim (6 Adjoint), Mme LACROIX Marie Claire née PITOU, Mme VIDAL Anne née "
      "DE LA TOUR, M. NOIR Marc.\n"
      "Étaient absents : Mme BRUN Lise née FAURE, procuration à M. BLANC Luc Henry.\n",
      {.present = {"M.|ROCHE Paul|Maire", "M.|BLANC Luc Henry", "M.|MOREL Karim",
                   "Mme|LACROIX Marie Claire", "Mme|VIDAL Anne", "M.|NOIR Marc"},
       .represented = {"Mme|BRUN Lise -> M.|BLANC Luc Henry"}});
  ExpectLists("Etaient présents : FAVIER Jean, TOURNIER Marc- André, GAILLARD Rose.\n",
              {.present = {"-|FAVIER Jean", "-|TOURNIER Marc-André", "-|GAILLARD Rose"}});
  // A first name alone before "née" is no person of its own.
  ExpectLists("Etaient présents : Mme HAMEL M. Annick née ZAMA, M. NOIR Marc.\n",
              {.present = {"Mme|HAMEL M. Annick", "M.|NOIR Marc"}});
}

// "Non excusés :" under "Membres absents :" heads the absent, and names no
// one called "Non"; a proxy whose member's name wraps onto the next line is
// one proxy, not a second one for the name's end.
TEST(AttendanceGrammar, NonExcusesAndAProxyWrappedOverTwoLines) {
  ExpectLists(
      "Membres présents : M. ROCHE Paul, Mme VIDAL Anne.\n\nMembres absents :\n\n"
      "Non excusés : Mme BRUN Lise\n\n"
      "Excusés : Mme FAURE Rose (procuration à ROCHE Paul), M. GIRAUD Marc.\n",
      {.present = {"M.|ROCHE Paul", "Mme|VIDAL Anne"},
       .represented = {"Mme|FAURE Rose -> -|ROCHE Paul"},
       .excused = {"M.|GIRAUD Marc"},
       .absent = {"Mme|BRUN Lise"}});
  ExpectLists(
      "Présents : Paul ROCHE, Anne VIDAL.\n"
      "Excusés : BLANC Rose (donne procuration à VIDAL Anne) ; DA SILVA COSTA\n"
      "Mario (donne procuration à ROCHE Paul) ; GIRAUD Marc (donne procuration à VIDAL Anne)\n",
      {.present = {"-|Paul ROCHE", "-|Anne VIDAL"},
       .represented = {"-|BLANC Rose -> -|VIDAL Anne", "-|DA SILVA COSTA Mario -> -|ROCHE Paul",
                       "-|GIRAUD Marc -> -|VIDAL Anne"}});
}

// Justified text spaces its words: "présente" in lower case after a wide
// gap is a verb of the text, and opens no list, even with a colon below.
TEST(AttendanceGrammar, AVerbInJustifiedTextIsNoHeading) {
  ExpectLists(
      "Présents :\nM. Rémi FERAND\nMme Léa VASSAL\n\n"
      "Mme  VASSAL  présente  un  projet  de  vœu  pour  le  jardin  de  la  rue\n"
      "Louis Blanc, voté dans le cadre du budget participatif :\n\n"
      "PRÉAMBULE\n\nDans le cadre du budget participatif, la Maison du Canal …\n",
      {.present = {"M.|Rémi FERAND", "Mme|Léa VASSAL"}});
}

// A flattened page runs the last list into the secretary's sentence: the
// list ends at the civility that opens it.
TEST(AttendanceGrammar, ListEndsAtTheSecretarysSentence) {
  ExpectLists(
      "Présents : Paul ROCHE, Anne VIDAL Absent excusé : Marc GIRAUD Mademoiselle Rose BLANC "
      "est nommée secrétaire. Nombre de conseillers en exercice : 4\n",
      {.present = {"-|Paul ROCHE", "-|Anne VIDAL"}, .excused = {"-|Marc GIRAUD"}});
}

// A register that prints initials glued to surnames, dashes of every glyph
// (one glued to its name), a group label after a colon, a lost line break,
// and proxies as "X : procuration à Y".
TEST(AttendanceGrammar, GluedInitialsAndDashes) {
  ExpectLists(
      "Etaient présents : A.FORAT -T.BUSSON - W.AUGIER : adjoints.\n"
      "F.THIOLAS — S.MEARD -— P.SOLIS - M.DENIS\nB.DUBOST\nC.BOURRET\n\n"
      "Etaient absents excusés :\nN.VERDIN : procuration à W.AUGIER\n",
      {.present = {"-|A.FORAT", "-|T.BUSSON", "-|W.AUGIER", "-|F.THIOLAS", "-|S.MEARD", "-|P.SOLIS",
                   "-|M.DENIS", "-|B.DUBOST", "-|C.BOURRET"},
       .represented = {"-|N.VERDIN -> -|W.AUGIER"}});
}

TEST(PeopleRun, NameShapes) {
  EXPECT_EQ(SplitNameShapes("DURAND Paul MOREAU Anne"),
            (std::vector<std::string>{"DURAND Paul", "MOREAU Anne"}));
  EXPECT_EQ(SplitNameShapes("Paul DURAND Anne MOREAU"),
            (std::vector<std::string>{"Paul DURAND", "Anne MOREAU"}));
  // One name, however long: no split.
  EXPECT_TRUE(SplitNameShapes("Jean-Pierre DE LA TOUR").empty());
  EXPECT_TRUE(SplitNameShapes("FLEURY DE LA RUELLE Philippe").empty());
  // A piece with no first name: no split.
  EXPECT_TRUE(SplitNameShapes("DURAND Paul MOREAU").empty());
}

TEST(PeopleRun, GroupLabels) {
  EXPECT_TRUE(IsGroupLabel("Adjoints"));
  EXPECT_TRUE(IsGroupLabel("Vice-présidents"));
  EXPECT_TRUE(IsGroupLabel("Adjoints et Conseillers municipaux délégués"));
  EXPECT_TRUE(IsGroupLabel("délégué(e)s suppléant(e)s"));
  EXPECT_TRUE(IsGroupLabel("membres du bureau"));
  EXPECT_TRUE(IsGroupLabel("Adjoints au Maire"));
  EXPECT_TRUE(IsGroupLabel("Vice-Présidents du Président"));
  EXPECT_FALSE(IsGroupLabel("Adjoint"));  // a title: it goes to the person before it
  EXPECT_FALSE(IsGroupLabel("titulaires Lory LACLOS"));
  EXPECT_FALSE(IsGroupLabel("Conseillers : Jean"));
}

// A flattened page: a count's heading in the middle of a line, after a name
// ("… Marc SOLER Absents : 2 Luc SIMON"), or at the end of a longer heading
// ("Absents et procurations : 2"), stays a heading once the figure is blanked.
TEST(AttendanceGrammar, CountHeadingsInsideAFlattenedLine) {
  std::string zone =
      "Présents : 4 Julie MARCHAND Paul ROCHE Anne VIDAL Marc SOLER Absents et procurations : 2 "
      "Luc SIMON excusé Rémi BLOT Pouvoir à Julie MARCHAND\n";
  ExpectLists(BlankMarginFields(zone, P()),
              {.present = {"-|Julie MARCHAND", "-|Paul ROCHE", "-|Anne VIDAL", "-|Marc SOLER"},
               .represented = {"-|Rémi BLOT -> -|Julie MARCHAND"},
               .excused = {"-|Luc SIMON"}});
  ExpectLists(
      BlankMarginFields("Présents : 2 Julie MARCHAND Paul ROCHE Absents : 1 Luc SIMON\n", P()),
      {.present = {"-|Julie MARCHAND", "-|Paul ROCHE"}, .absent = {"-|Luc SIMON"}});
}

// A run of grants with no separator but the proxy words, then the next
// line's sentence: each grant is read ("… Pouvoir à Julie MARCHAND Inès
// CARON Pouvoir à …": the holder's words end where the next member's name
// begins), and the sentence, which names a body, is no one.
TEST(AttendanceGrammar, GrantsRunTogetherThenASentence) {
  std::string zone =
      "Présents : 2 Julie MARCHAND Paul ROCHE Absents et procurations : 3 Luc SIMON excusé "
      "Rémi BLOT Pouvoir à Julie MARCHAND Inès CARON Pouvoir à Paul ROCHE\n"
      "Les membres du Conseil Communautaire de la Communauté de Communes du Val Vert, réunis.\n";
  ExpectLists(BlankMarginFields(zone, P()),
              {.present = {"-|Julie MARCHAND", "-|Paul ROCHE"},
               .represented = {"-|Rémi BLOT -> -|Julie MARCHAND", "-|Inès CARON -> -|Paul ROCHE"},
               .excused = {"-|Luc SIMON"}});
}

// A page printed or scanned wraps its lines wherever they are full. Names
// run together with no separator ("NOM Prénom" pairs) may then go on from
// one line to the next ("… LEVEL" / "Daniel …"); each paragraph, and each
// paragraph after a blank line, is one run. A sentence under the list is
// no run of names.
TEST(AttendanceGrammar, RunsOfNamesWrappedOverLines) {
  ExpectLists(
      "Conseillers présents\n\n"
      "MARCHAND Hugo ROLLAND Victor LECLERC Agnès DAVIN Jean-Roger LEVEL\n"
      "Daniel PONS Aline CUVIER Kevin\n\n"
      "GOETZ Jean-Paul GIROT Jean-Claude ARNAUD Théo BRISSET\n"
      "Nicole PEUGEOT Anne\n\n"
      "Le conseil, après en avoir délibéré, approuve les statuts.\n",
      {.present = {"-|MARCHAND Hugo", "-|ROLLAND Victor", "-|LECLERC Agnès", "-|DAVIN Jean-Roger",
                   "-|LEVEL Daniel", "-|PONS Aline", "-|CUVIER Kevin", "-|GOETZ Jean-Paul",
                   "-|GIROT Jean-Claude", "-|ARNAUD Théo", "-|BRISSET Nicole", "-|PEUGEOT Anne"}});
  // A comma list wrapped between a name's two words, and a proxy list
  // wrapped after its first word: the break is inside a name.
  ExpectLists(
      "Conseillers absents (Vidal Jean Pierre, Rossi\nElodie, Marchetti Anne).\n"
      "Procurations : Martine\nBONIFACI (pouvoir à Paul ROCCA) Hugo LENZI (pouvoir à Anne "
      "MORI)\n",
      {.represented = {"-|Martine BONIFACI -> -|Paul ROCCA", "-|Hugo LENZI -> -|Anne MORI"},
       .absent = {"-|Vidal Jean Pierre", "-|Rossi Elodie", "-|Marchetti Anne"}});
  // Breaks before a grant's connector, after it, and after a civility.
  ExpectLists(
      "Absents excusés avec pouvoir : Léa\nMARIN à Paul ROCCA, DUVAL\nAnne à Hugo LENZI\n"
      "Absents représentés : M. Marc TORRE représenté par\nMme Anne MORI.\n",
      {.represented = {"-|Léa MARIN -> -|Paul ROCCA", "-|DUVAL Anne -> -|Hugo LENZI",
                       "M.|Marc TORRE -> Mme|Anne MORI"}});
  // Lines that each hold a person and a role stay one entry a line.
  ExpectLists("Présents :\nM. Jean DUPONT, Maire\nMme Anne ROUX, Adjointe\nM. Luc BLANC\n",
              {.present = {"M.|Jean DUPONT|Maire", "Mme|Anne ROUX|Adjointe", "M.|Luc BLANC"}});
  // One name a line stays one name a line; a sentence of many words under
  // a list printed one entry a line ends it.
  ExpectLists(
      "Absents excusés :\nMme Léa VALLET\nM. Hugo PRIEUR\n"
      "Lesquels membres présents forment la majorité de ceux en exercice.\n",
      {.excused = {"Mme|Léa VALLET", "M.|Hugo PRIEUR"}});
}

}  // namespace
}  // namespace delibex
