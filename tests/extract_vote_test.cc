// extract/vote: the vote of one act, from sentences written in the ways
// councils write them (none copied from a real deliberation).
#include "extract/vote.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace delibex {
namespace {

Vote Read(std::string_view text) { return ExtractVote(text, PatternSet::Builtin()); }

std::vector<std::string> Names(const std::vector<Person>& persons) {
  std::vector<std::string> out;
  for (const Person& p : persons) out.push_back(p.name);
  return out;
}

// What a text must give. Fields left out must stay empty.
struct Case {
  const char* text = "";
  std::optional<std::string> result = std::nullopt;
  std::optional<std::string> mode = std::nullopt;
  std::optional<int> votes_for = std::nullopt;
  std::optional<int> against = std::nullopt;
  std::optional<int> abstention = std::nullopt;
  std::optional<int> not_voting = std::nullopt;
  std::vector<std::string> named_against = {};
  std::vector<std::string> named_abstention = {};
  std::vector<std::string> named_not_voting = {};
};

void Check(const Case& c) {
  SCOPED_TRACE(c.text);
  Vote v = Read(c.text);
  EXPECT_EQ(v.result, c.result);
  EXPECT_EQ(v.mode, c.mode);
  EXPECT_EQ(v.votes_for, c.votes_for);
  EXPECT_EQ(v.against, c.against);
  EXPECT_EQ(v.abstention, c.abstention);
  EXPECT_EQ(v.not_voting, c.not_voting);
  EXPECT_EQ(Names(v.named.against), c.named_against);
  EXPECT_EQ(Names(v.named.abstention), c.named_abstention);
  EXPECT_EQ(Names(v.named.not_voting), c.named_not_voting);
}

void CheckAll(const std::vector<Case>& cases) {
  for (const Case& c : cases) Check(c);
}

TEST(VoteTest, Unanimity) {
  CheckAll({
      {.text = "Adopté à l'unanimité.", .result = "adopted", .mode = "unanimity"},
      {.text = "ADOPTÉ À L'UNANIMITÉ", .result = "adopted", .mode = "unanimity"},
      {.text = "Décision adoptée à l'unanimité.", .result = "adopted", .mode = "unanimity"},
      {.text = "Le Conseil, à l'unanimité, approuve le règlement de la salle polyvalente.",
       .result = "adopted",
       .mode = "unanimity"},
      {.text = "Le conseil municipal, après en avoir délibéré, à l'unanimité des membres présents "
               "et représentés, DÉCIDE :\n- de fixer le prix du repas à 4,10 €.",
       .result = "adopted",
       .mode = "unanimity"},
      {.text = "A l'unanimité des membres présents,\n> APPROUVE le plan de financement.",
       .result = "adopted",
       .mode = "unanimity"},
      {.text = "Après en avoir délibéré, le comité syndical, à l'unanimité des votants, valide "
               "l'avenant n° 2.",
       .result = "adopted",
       .mode = "unanimity"},
      {.text = "Le bureau adopte a l'unanimite la convention de mise a disposition.",
       .result = "adopted",
       .mode = "unanimity"},
      // The apostrophe lost by a web export.
      {.text = "Le conseil municipal, à lunanimité, fixe les tarifs de location de la salle.",
       .result = "adopted",
       .mode = "unanimity"},
      {.text = "Vote : unanimité.", .result = "adopted", .mode = "unanimity"},
      {.text = "Les tarifs sont reconduits.\nUNANIMITÉ", .result = "adopted", .mode = "unanimity"},
      {.text = "Le conseil d'administration approuve unanimement le budget.",
       .result = "adopted",
       .mode = "unanimity"},
      {.text = "Adoption à l'unanimité du tableau des effectifs suivant :",
       .result = "adopted",
       .mode = "unanimity"},
  });
}

TEST(VoteTest, UnanimityOfVotesCastAndMajority) {
  CheckAll({
      {.text = "Le conseil communautaire, à l'unanimité des suffrages exprimés, approuve le pacte "
               "financier et fiscal.",
       .result = "adopted",
       .mode = "unanimity_of_votes_cast"},
      {.text = "Le conseil municipal, à l'unanimité des suffrages exprimés (M. Alain ROUX "
               "s'abstenant), adopte le rapport.",
       .result = "adopted",
       .mode = "unanimity_of_votes_cast",
       .named_abstention = {"Alain ROUX"}},
      {.text = "Le conseil municipal, à l'unanimité des suffrages exprimés (deux abstentions : "
               "PERRIN Julie et MARCHAND Éric), approuve la charte.",
       .result = "adopted",
       .mode = "unanimity_of_votes_cast",
       .abstention = 2,
       .named_abstention = {"PERRIN Julie", "MARCHAND Éric"}},
      {.text = "Le conseil municipal, à la majorité, adopte le budget primitif 2024.",
       .result = "adopted",
       .mode = "majority"},
      {.text = "Vote : adoptée à la majorité des membres présents et représentés.",
       .result = "adopted",
       .mode = "majority"},
      // Two modes in one act: the mode stays empty, both adopt.
      {.text = "Le budget principal est adopté à l'unanimité. Le budget annexe de l'eau est "
               "adopté à la majorité.",
       .result = "adopted"},
      // "à la majorité absolue" is an election's rule, not a vote's mode.
      {.text = "Le candidat doit réunir la majorité absolue.\nLe conseil approuve.",
       .result = "adopted"},
  });
}

TEST(VoteTest, CountsInFiguresAndWords) {
  CheckAll({
      {.text = "Après en avoir délibéré, par QUINZE voix POUR, DEUX voix CONTRE et UNE abstention, "
               "le conseil approuve la cession.",
       .result = "adopted",
       .votes_for = 15,
       .against = 2,
       .abstention = 1},
      {.text = "Le comité syndical, par 12 voix pour et une opposition, approuve la modification "
               "des statuts.",
       .result = "adopted",
       .votes_for = 12,
       .against = 1},
      {.text = "ONT VOTE POUR : 17 ONT VOTE CONTRE : / SE SONT ABSTENUS : /",
       .result = "adopted",
       .votes_for = 17},
      {.text = "Pour : 12 – Contre : 0 – Abstentions : 1",
       .result = "adopted",
       .votes_for = 12,
       .against = 0,
       .abstention = 1},
      {.text = "11 votes pour. 3 Abstentions",
       .result = "adopted",
       .votes_for = 11,
       .abstention = 3},
      {.text = "3 votes contre 2 abstentions 8 votes pour",
       .result = "adopted",
       .votes_for = 8,
       .against = 3,
       .abstention = 2},
      {.text = "Vote : 13 pour / 0 contre / 1 abstention → adopté",
       .result = "adopted",
       .votes_for = 13,
       .against = 0,
       .abstention = 1},
      {.text = "Délibération : 6 pour, 2 contre, 1 abstention – le tarif est maintenu.",
       .result = "adopted",
       .votes_for = 6,
       .against = 2,
       .abstention = 1},
      {.text = "Votants : 15 – Pour : 14 – Contre : 0 – Abstention : 1",
       .result = "adopted",
       .votes_for = 14,
       .against = 0,
       .abstention = 1},
      {.text = "Résultat du vote :\nPour : 41\nContre : 9\nAbstentions : 3\nNe prennent pas part "
               "au vote : 0",
       .result = "adopted",
       .votes_for = 41,
       .against = 9,
       .abstention = 3,
       .not_voting = 0},
      {.text = "Vote : Pour 11 Contre 0 Abstention 2",
       .result = "adopted",
       .votes_for = 11,
       .against = 0,
       .abstention = 2},
      {.text = "Le conseil adopte le règlement par 13 voix pour et 2 abstentions.",
       .result = "adopted",
       .votes_for = 13,
       .abstention = 2},
      {.text = "Le conseil, avec 19 Voix « Pour », approuve le rapport.",
       .result = "adopted",
       .votes_for = 19},
      {.text = "Le projet est adopté par 20 voix contre 5.",
       .result = "adopted",
       .votes_for = 20,
       .against = 5},
      // A table flattened to two lines.
      {.text = "Pour Contre Abstention\n11 1 0\nAdopté.",
       .result = "adopted",
       .votes_for = 11,
       .against = 1,
       .abstention = 0},
      // Unlabelled votes are "for" beside a unanimity.
      {.text = "Après en avoir délibéré, à l'unanimité (13 voix), le conseil approuve.",
       .result = "adopted",
       .mode = "unanimity",
       .votes_for = 13},
      {.text = "Vote : unanimité (9 voix).",
       .result = "adopted",
       .mode = "unanimity",
       .votes_for = 9},
      {.text = "Le Conseil, à l'unanimité des membres présents ou représentés, PREND ACTE par 24 "
               "VOIX de la communication.",
       .result = "adopted",
       .mode = "unanimity",
       .votes_for = 24},
      // Unanimity beside listed abstentions stays unanimity (the words rule).
      {.text = "Adopté à l'unanimité. Votants : 12 – Pour : 11 – Contre : 0 – Abstention : 1",
       .result = "adopted",
       .mode = "unanimity",
       .votes_for = 11,
       .against = 0,
       .abstention = 1},
  });
}

TEST(VoteTest, EmptySlotsDashesAndDamagedFiguresAreNotZero) {
  CheckAll({
      {.text = "Pour : 18 – Contre : – – Abstention : –", .result = "adopted", .votes_for = 18},
      {.text = "POUR : 16\nCONTRE :\nABSTENTION :\n", .result = "adopted", .votes_for = 16},
      // An OCR'd "2]" is no figure; "l3" and "O" are 13 and 0.
      {.text = "VOTES: Pour :1] Contre : 0 Abstentions: 1", .against = 0, .abstention = 1},
      {.text = "Pour : l3      Contre : O      Abstention : O",
       .result = "adopted",
       .votes_for = 13,
       .against = 0,
       .abstention = 0},
      // A colon read as a semicolon; a line's figure is not the next line's
      // label's ("4" / "Contre : 0" is not 4 against).
      {.text = "Pour ; 4\nContre : 0\nAbstention : 0\n",
       .result = "adopted",
       .votes_for = 4,
       .against = 0,
       .abstention = 0},
      // Wrapped between a figure and its label with no colon after: a count.
      {.text = "adopté par 9 voix\npour et 2 voix contre.",
       .result = "adopted",
       .votes_for = 9,
       .against = 2},
  });
}

TEST(VoteTest, NamedMembers) {
  CheckAll({
      {.text = "Le conseil, par 9 voix pour, 1 contre (M. Jérôme CHASTANET) et 1 abstention (Mme "
               "Lucie VERNET), approuve le projet.",
       .result = "adopted",
       .votes_for = 9,
       .against = 1,
       .abstention = 1,
       .named_against = {"Jérôme CHASTANET"},
       .named_abstention = {"Lucie VERNET"}},
      {.text = "Par TREIZE voix POUR, DEUX voix CONTRE (M. Paul ESCANDE,\nMme Rose PAGÈS) et UNE "
               "ABSTENTION (Mme Inès FABRE), le conseil décide.",
       .result = "adopted",
       .votes_for = 13,
       .against = 2,
       .abstention = 1,
       .named_against = {"Paul ESCANDE", "Rose PAGÈS"},
       .named_abstention = {"Inès FABRE"}},
      {.text = "Madame Odile FAURE ne prenant pas part au vote, le conseil municipal, à "
               "l'unanimité, attribue la subvention.",
       .result = "adopted",
       .mode = "unanimity",
       .named_not_voting = {"Odile FAURE"}},
      {.text = "Adopté à l'unanimité des membres présents et représentés.\nM. Yves BARON ne prend "
               "pas part au vote.",
       .result = "adopted",
       .mode = "unanimity",
       .named_not_voting = {"Yves BARON"}},
      {.text = "Adopté à l'unanimité des votants. M. Karim BENALI, président de l'association, "
               "n'a pas pris part au vote.",
       .result = "adopted",
       .mode = "unanimity",
       .named_not_voting = {"Karim BENALI"}},
      {.text = "Adopté à l'unanimité des suffrages exprimés, MM. Paul SERRE et Henri VIDAL, "
               "membres du bureau de l'association, ne prenant pas part au vote.",
       .result = "adopted",
       .mode = "unanimity_of_votes_cast",
       .named_not_voting = {"Paul SERRE", "Henri VIDAL"}},
      {.text = "Le Conseil, à la majorité, Madame Hélène MARTIN-DUBOIS ne prenant pas part au "
               "vote.\nDécide de créer deux emplois saisonniers.",
       .result = "adopted",
       .mode = "majority",
       .named_not_voting = {"Hélène MARTIN-DUBOIS"}},
      {.text = "Le Conseil adopte, à la majorité (non participation au vote de Lina ROSSI et "
               "Marc-Antoine PIERI), la proposition.",
       .result = "adopted",
       .mode = "majority",
       .named_not_voting = {"Lina ROSSI", "Marc-Antoine PIERI"}},
      {.text = "Résultat du vote : Pour : 20 ; Contre : 2 ; Abstention : 0.\nOnt voté contre : "
               "Mme Anne COLIN, M. Marc RIVIÈRE.",
       .result = "adopted",
       .votes_for = 20,
       .against = 2,
       .abstention = 0,
       .named_against = {"Anne COLIN", "Marc RIVIÈRE"}},
      {.text = "Vote : adoptée à la majorité – pour : 18 – contre : 2 (M. FAURE J., Mme LEGAY "
               "C.) – abstentions : 1 (M. ROCHE P.)",
       .result = "adopted",
       .mode = "majority",
       .votes_for = 18,
       .against = 2,
       .abstention = 1,
       .named_against = {"FAURE J.", "LEGAY C."},
       .named_abstention = {"ROCHE P."}},
      {.text = "Le conseil, par 17 voix pour et 4 abstentions (GIRAUD Manon, PASCAL Hugo, "
               "LEROUX Anna, BERTIN Loïc), approuve le plan.",
       .result = "adopted",
       .votes_for = 17,
       .abstention = 4,
       .named_abstention = {"GIRAUD Manon", "PASCAL Hugo", "LEROUX Anna", "BERTIN Loïc"}},
      {.text = "Adopté avec l'abstention de Mme Claire DUVAL et l'opposition de M. Rémi GUY.",
       .result = "adopted",
       .named_against = {"Rémi GUY"},
       .named_abstention = {"Claire DUVAL"}},
      // The exception's names wrapped past an empty line after a civility;
      // "QUI" is no name.
      {.text = "LE CONSEIL MUNICIPAL, A L'EXCEPTION DE MADAME Anne ROUX, MESSIEURS Paul BLANC, "
               "Luc NOIR, MESDAMES\n\nLéa VERT, Zoé GRIS QUI S'ABSTIENNENT, ACCEPTE CETTE "
               "PROPOSITION",
       .result = "adopted",
       .named_abstention = {"Anne ROUX", "Paul BLANC", "Luc NOIR", "Léa VERT", "Zoé GRIS"}},
      {.text = "Le conseil approuve le projet, abstention de Mme Claire DUVAL.",
       .result = "adopted",
       .named_abstention = {"Claire DUVAL"}},
      {.text = "Le conseil, à la majorité, approuve le projet. Mme Sarah KLEIN et M. Tom WEBER "
               "votent contre.",
       .result = "adopted",
       .mode = "majority",
       .named_against = {"Sarah KLEIN", "Tom WEBER"}},
      {.text = "Pour : 15 ; Contre : M. Bruno LEGRAND ; Abstention : 0",
       .result = "adopted",
       .votes_for = 15,
       .abstention = 0,
       .named_against = {"Bruno LEGRAND"}},
  });
}

TEST(VoteTest, ARoleAloneNamesNobody) {
  // Resolving "le Maire" to a person needs the whole document.
  CheckAll({
      {.text = "Le conseil municipal, par 18 voix pour, Mme le Maire ne prenant pas part au vote, "
               "approuve le compte administratif.",
       .result = "adopted",
       .votes_for = 18},
      {.text = "Par 12 voix pour, le Maire s'étant retiré et ne prenant pas part au vote, le "
               "conseil approuve le compte administratif 2023.",
       .result = "adopted",
       .votes_for = 12},
  });
}

TEST(VoteTest, Rejected) {
  CheckAll({
      {.text = "Mise aux voix, la proposition est rejetée.", .result = "rejected"},
      {.text = "Mise aux voix, la proposition est rejetée : 4 voix pour, 9 voix contre, 2 "
               "abstentions.",
       .result = "rejected",
       .votes_for = 4,
       .against = 9,
       .abstention = 2},
      {.text = "Le conseil municipal, à la majorité (4 voix pour, 10 voix contre, 1 abstention), "
               "rejette la demande de déclassement.",
       .result = "rejected",
       .mode = "majority",
       .votes_for = 4,
       .against = 10,
       .abstention = 1},
      {.text = "Par DEUX voix POUR - ONZE voix CONTRE, le projet n'est pas adopté.",
       .result = "rejected",
       .votes_for = 2,
       .against = 11},
      {.text = "Proposition non retenue par le conseil municipal.", .result = "rejected"},
      {.text = "Vote : 3 pour, 8 contre, 0 abstention.",
       .result = "rejected",
       .votes_for = 3,
       .against = 8,
       .abstention = 0},
      {.text = "La motion est rejetée à la majorité.", .result = "rejected", .mode = "majority"},
  });
}

TEST(VoteTest, WithdrawnAndTie) {
  CheckAll({
      {.text = "Ce dossier est retiré de l'ordre du jour dans l'attente de l'avis des Domaines.",
       .result = "withdrawn"},
      {.text = "Point retiré.", .result = "withdrawn"},
      {.text = "Le Maire retire ce point, le devis n'étant pas parvenu en mairie.",
       .result = "withdrawn"},
      // A tie says nothing of the result unless the text does.
      {.text = "Pour : 7 – Contre : 7 – Abstention : 1",
       .votes_for = 7,
       .against = 7,
       .abstention = 1},
      {.text = "Pour : 7 – Contre : 7 – Abstention : 1\nLa voix du Président étant "
               "prépondérante, la proposition est adoptée.",
       .result = "adopted",
       .votes_for = 7,
       .against = 7,
       .abstention = 1},
  });
  Vote w = Read("Ce dossier est retiré de l'ordre du jour dans l'attente de l'avis des Domaines.");
  EXPECT_EQ(w.text,
            "Ce dossier est retiré de l'ordre du jour dans l'attente de l'avis des Domaines.");
  // Leaving the room is no withdrawal.
  Check({.text = "Le Maire s'étant retiré, le conseil, à l'unanimité, approuve le compte "
                 "administratif.",
         .result = "adopted",
         .mode = "unanimity"});
}

TEST(VoteTest, ElectionsLeaveEveryFieldEmpty) {
  for (const char* text : {
           "Premier tour de scrutin : votants 19, bulletins blancs 1, suffrages exprimés 18.\nM. "
           "Denis LEROY a obtenu 18 voix.\nM. Denis LEROY est proclamé maire.",
           "Le conseil décide à l'unanimité de ne pas procéder au scrutin secret. Mme Alice BRUN, "
           "seule candidate, est élue déléguée titulaire.",
           "Candidats : DURAND Léa et MOREAU Jules. Résultats : DURAND Léa, 15 voix ; MOREAU "
           "Jules, 6 voix. DURAND Léa est désignée représentante de la commune.",
           "Ont obtenu : M. Xavier PONS, 9 voix ; M. Eric CROS, 4 voix. M. Xavier PONS, ayant "
           "obtenu la majorité absolue, est proclamé Président.",
       }) {
    SCOPED_TRACE(text);
    Vote v = Read(text);
    EXPECT_FALSE(v.result);
    EXPECT_FALSE(v.mode);
    EXPECT_FALSE(v.votes_for);
    EXPECT_FALSE(v.against);
    EXPECT_FALSE(v.text);
    EXPECT_TRUE(v.named.not_voting.empty());
  }
}

TEST(VoteTest, TextWithoutAVoteGivesAnEmptyVote) {
  for (const char* text : {
           "",
           "Monsieur le Maire informe le conseil des effectifs de la rentrée scolaire.",
           "Le loyer passe de 300 € à 320 € pour 3 ans, soit 2 pour 100 d'augmentation.",
           "Monsieur le Maire propose au conseil municipal d'approuver la convention.",
           "Il rappelle que le conseil municipal avait approuvé à l'unanimité, par délibération du "
           "12 mars 2021, le principe de la vente.",
           "La commission des finances, réunie le 3 mars, a émis un avis favorable à l'unanimité.",
           "Le procès-verbal de la séance du 12 février est approuvé à l'unanimité des membres "
           "présents.",
           "Approbation du compte rendu de la séance du 4 avril : adopté à l'unanimité.",
           "RÈGLE DE L'UNANIMITÉ POUR LA RÉVISION DES ATTRIBUTIONS DE COMPENSATION\nLa révision "
           "libre suppose l'accord à l'unanimité des communes membres.",
           "Le tarif du repas (pour 1 enfant) est de 3,40 € ; contre 3,20 € l'an dernier.",
           "Pour : la commune de Saint-Martin\nContre : le syndicat",
           "Vu la délibération n° 2021-14 du 3 mars 2021 adoptée à l'unanimité ;",
           "Le comité technique a rendu un avis favorable à l'unanimité le 2 février.",
       }) {
    SCOPED_TRACE(text);
    Vote v = Read(text);
    EXPECT_FALSE(v.result);
    EXPECT_FALSE(v.mode);
    EXPECT_FALSE(v.votes_for);
    EXPECT_FALSE(v.against);
    EXPECT_FALSE(v.abstention);
    EXPECT_FALSE(v.not_voting);
    EXPECT_FALSE(v.text);
    EXPECT_TRUE(v.named.against.empty());
    EXPECT_TRUE(v.named.abstention.empty());
    EXPECT_TRUE(v.named.not_voting.empty());
  }
}

TEST(VoteTest, AnotherBodysUnanimityIsNotThisVote) {
  // The commission's unanimity is not the council's: only the council's
  // majority counts.
  Check({.text = "La commission des finances a émis un avis favorable à l'unanimité.\nLe conseil "
                 "municipal, à la majorité, approuve le projet.",
         .result = "adopted",
         .mode = "majority"});
  // Minutes approved before the act's own vote.
  Check({.text = "Le procès-verbal de la séance précédente est approuvé à l'unanimité des membres "
                 "présents.\n\nVote : 9 pour, 3 contre, 1 abstention.",
         .result = "adopted",
         .votes_for = 9,
         .against = 3,
         .abstention = 1});
  // An opinion given after the council's own comma clause stays the council's.
  Check({.text = "Le Conseil, après avis de la commission des travaux, à l'unanimité, approuve le "
                 "programme.",
         .result = "adopted",
         .mode = "unanimity"});
}

TEST(VoteTest, TheAssemblyDecidingAdoptsWithoutAVoteText) {
  CheckAll({
      {.text = "Après en avoir délibéré, le Conseil municipal :\n    Décide de vendre la parcelle "
               "cadastrée AB 12.",
       .result = "adopted"},
      {.text = "Après présentation du rapport, le conseil municipal :\n \xEF\x83\xBC Adopte le "
               "rapport annuel.",
       .result = "adopted"},
      {.text = "LE CONSEIL,\nOuï l'exposé de son Maire,\nAprès en avoir délibéré,\nDÉCIDE :\n- "
               "d'accepter le don.",
       .result = "adopted"},
      {.text = "Après en avoir délibéré, les Membres du Conseil Municipal :\n- Acceptent les "
               "termes de la convention.",
       .result = "adopted"},
      {.text = "La Commission permanente, après en avoir délibéré, attribue les subventions "
               "détaillées en annexe.",
       .result = "adopted"},
  });
  EXPECT_FALSE(Read("Le conseil municipal, après en avoir délibéré, décide de vendre.").text);
  EXPECT_FALSE(Read("Il propose que le conseil municipal décide de vendre.").result);
}

TEST(VoteTest, MorePhrasings) {
  CheckAll({
      {.text = "Le conseil municipal, par dix-sept (17) voix pour et deux (2) abstentions, "
               "approuve le plan.",
       .result = "adopted",
       .votes_for = 17,
       .abstention = 2},
      {.text = "Voix pour : 15 ; voix contre : zéro ; abstentions : 2",
       .result = "adopted",
       .votes_for = 15,
       .against = 0,
       .abstention = 2},
      {.text = "La motion est rejetée par 10 voix contre 5.",
       .result = "rejected",
       .votes_for = 5,
       .against = 10},
      // How the vote was taken is no procedural vote.
      {.text = "Vote à main levée : adopté à l'unanimité.",
       .result = "adopted",
       .mode = "unanimity"},
      // The council's own opinion is its vote.
      {.text = "Le Conseil municipal émet un avis favorable à l'unanimité sur le projet de SCoT.",
       .result = "adopted",
       .mode = "unanimity"},
      {.text = "M. Paul ROUX quitte la salle et ne prend pas part au vote.\nLe conseil "
               "municipal, à l'unanimité, approuve la vente.",
       .result = "adopted",
       .mode = "unanimity",
       .named_not_voting = {"Paul ROUX"}},
      {.text = "Adopté à l'unanimité des membres présents (M. Éric SOLER ne prend pas part au "
               "vote).",
       .result = "adopted",
       .mode = "unanimity",
       .named_not_voting = {"Éric SOLER"}},
      {.text = "Objet : Avis sur le projet de PLU de la commune voisine\nAdopté à l'unanimité.",
       .result = "adopted",
       .mode = "unanimity"},
      {.text = "Unanimité des membres présents.", .result = "adopted", .mode = "unanimity"},
      {.text = "Pour : 12\nContre : NÉANT\nAbstention : AUCUNE",
       .result = "adopted",
       .votes_for = 12},
      // Designating a body is no election.
      {.text = "La commune de SAINT-MARTIN est désignée coordonnateur du groupement.\nAdopté à "
               "l'unanimité.",
       .result = "adopted",
       .mode = "unanimity"},
      // A withdrawal announced in an act that was decided is another item's.
      {.text = "Le Maire indique que le point n° 7 est retiré de l'ordre du jour.\nLe conseil "
               "municipal décide de fixer le loyer à 450 €.",
       .result = "adopted"},
      // A symbol-font bullet (U+F0D8) before a decision verb is no arrow
      // before "adopté".
      {.text = "Le conseil municipal :\n\xEF\x83\x98 Adopte le rapport annuel.",
       .result = "adopted"},
  });
  EXPECT_FALSE(Read("Le conseil municipal :\n\xEF\x83\x98 Adopte le rapport annuel.").text);
}

TEST(VoteTest, ThingsThatLookLikeAVoteAndAreNot) {
  for (const char* text : {
           // A poll's tally, with no vote named nearby.
           "Sondage sur le panneau d'information\n Pour :   49\n Contre :   33",
           // A participle that opens a wrapped line.
           "Les mesures de protection\nadoptées ; les agents concernés.",
           "Il n'y a pas lieu de soulever une opposition à ce projet.",
           "Le prix est fixé à deux mille euros pour trois ans.",
       }) {
    SCOPED_TRACE(text);
    Vote v = Read(text);
    EXPECT_FALSE(v.result);
    EXPECT_FALSE(v.votes_for);
    EXPECT_FALSE(v.against);
    EXPECT_FALSE(v.text);
  }
}

TEST(VoteTest, RunsThatDisagreeCancelTheCounts) {
  // An amendment's vote and the act's vote in one text: no count is sure.
  Check({.text = "Amendement : 5 voix pour, 10 voix contre.\nDélibération : 12 voix pour, 3 voix "
                 "contre."});
}

TEST(VoteTest, TextIsTheVoteAsPrintedWhitespaceCollapsed) {
  Vote v = Read(
      "Le conseil, par 9 voix pour, 1 contre (M. Jérôme CHASTANET) et 1 abstention\n(Mme Lucie "
      "VERNET), approuve le projet.");
  EXPECT_EQ(v.text,
            "par 9 voix pour, 1 contre (M. Jérôme CHASTANET) et 1 abstention (Mme Lucie VERNET)");
  EXPECT_EQ(Read("Adopté à l'unanimité.").text, "Adopté à l'unanimité");
  EXPECT_EQ(Read("Le conseil municipal, à l'unanimité des membres présents et représentés, "
                 "approuve.")
                .text,
            "à l'unanimité des membres présents et représentés");
}

TEST(VoteTest, CivilityIsKeptWithTheName) {
  Vote v = Read("par 9 voix pour et 1 abstention (Mme Lucie VERNET)");
  ASSERT_EQ(v.named.abstention.size(), 1u);
  EXPECT_EQ(v.named.abstention[0].civility, "Mme");
  v = Read("MM. Paul SERRE et Henri VIDAL ne prenant pas part au vote, adopté à l'unanimité.");
  ASSERT_EQ(v.named.not_voting.size(), 2u);
  EXPECT_FALSE(v.named.not_voting[0].civility);  // a plural civility gives none
}

}  // namespace
}  // namespace delibex
