// segment/ and extract/act: where the session part ends and each act begins
// (act numbers in their printed shapes, agenda points, procedural items that
// are no acts, the one act of a register extract), then per act its number,
// title, visas, articles and signature, and the closing signature of a
// procès-verbal at the file's level. Documents are written for the test;
// names and places are invented.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/act.h"
#include "extract/session.h"
#include "ingest/ingest.h"
#include "normalize/normalize.h"
#include "segment/segment.h"

namespace delibex {
namespace {

const PatternSet& P() { return PatternSet::Builtin(); }

// A whole document through the pipeline's stages, validation aside.
struct Processed {
  std::string text;  // normalized
  Sections sections;
  Record record;
};

Processed Process(const std::string& input) {
  Processed out;
  Result<Document> doc = DecodeText(input);
  EXPECT_TRUE(doc.ok());
  if (!doc.ok()) return out;
  out.text = Normalize(doc.value(), P()).text;
  out.sections = Segment(out.text, P());
  ExtractSession(out.sections, P(), &out.record);
  ExtractActs(out.sections, P(), &out.record);
  return out;
}

std::string Opt(const std::optional<std::string>& s) { return s ? *s : "null"; }

// "number | title" per act.
std::vector<std::string> Heads(const Record& r) {
  std::vector<std::string> out;
  for (const Act& a : r.deliberations) out.push_back(Opt(a.number) + " | " + Opt(a.title));
  return out;
}

// "number: text" per article ("-" when the article has no number).
std::vector<std::string> ArticleTexts(const Act& a) {
  std::vector<std::string> out;
  for (const Article& art : a.articles)
    out.push_back((art.number ? *art.number : "-") + ": " + art.text);
  return out;
}

std::string Signed(const std::optional<Signature>& s) {
  if (!s) return "null";
  std::string who = "null";
  if (s->signatory) {
    who = (s->signatory->civility ? *s->signatory->civility : "-") + "|" + s->signatory->name +
          "|" + (s->signatory->title ? *s->signatory->title : "-");
  }
  return Opt(s->place) + " / " + Opt(s->date) + " / " + who;
}

using Strings = std::vector<std::string>;

// The normalized text at `offset`, as long as `expected`.
std::string TextAt(const Processed& p, size_t offset, std::string_view expected) {
  return p.text.substr(offset, expected.size());
}

const char kHead[] =
    "COMMUNE DE FONTCOUVERTE\n"
    "Séance du 11 mars 2024\n"
    "Présents : M. Louis BARTHAS, Mme Irène CAZALIS, M. Noël DURANTI.\n"
    "\n";

// ------------------------------------------------------------------ act numbers

TEST(SegmentActs, NumberedDeliberationsAndAClosingSignature) {
  Processed p = Process(std::string(kHead) +
                        "Délibération n° 2024-12 – Vote des taux d'imposition 2024\n"
                        "Vu le code général des impôts ;\n"
                        "Le conseil municipal, après en avoir délibéré, à l'unanimité, décide de "
                        "maintenir les taux de 2023.\n"
                        "\n"
                        "Délibération n° 2024-13 – Subvention au comité des fêtes\n"
                        "Le conseil municipal, à l'unanimité, attribue une subvention de 800 € au "
                        "comité des fêtes.\n"
                        "\n"
                        "Fait à Fontcouverte, le 12 mars 2024\n"
                        "Le Maire,\n"
                        "Louis BARTHAS\n");
  // The session part ends at the first act.
  EXPECT_EQ(TextAt(p, p.sections.session_end, "Délibération n° 2024-12"),
            "Délibération n° 2024-12");
  ASSERT_EQ(p.sections.acts.size(), 2u);
  EXPECT_EQ(p.sections.acts[0].end, p.sections.acts[1].begin);
  EXPECT_EQ(p.sections.acts[1].end, p.text.size());
  EXPECT_EQ(Heads(p.record), (Strings{"2024-12 | Vote des taux d'imposition 2024",
                                      "2024-13 | Subvention au comité des fêtes"}));
  const Act& first = p.record.deliberations[0];
  EXPECT_EQ(first.visas, Strings{"Vu le code général des impôts"});
  EXPECT_EQ(ArticleTexts(first), Strings{"-: décide de maintenir les taux de 2023."});
  EXPECT_EQ(ArticleTexts(p.record.deliberations[1]),
            Strings{"-: attribue une subvention de 800 € au comité des fêtes."});
  // One closing signature for a file of several acts: the file's, not an
  // act's (SPEC).
  EXPECT_EQ(Signed(p.record.signed_block), "Fontcouverte / 2024-03-12 / -|Louis BARTHAS|Le Maire");
  EXPECT_EQ(Signed(first.signed_block), "null");
  EXPECT_EQ(Signed(p.record.deliberations[1].signed_block), "null");
  // The signature block ties the role to the name.
  ASSERT_EQ(p.sections.signatures.size(), 1u);
  EXPECT_EQ(p.sections.signatures[0].role, "maire");
  EXPECT_EQ(p.sections.signatures[0].person.name, "Louis BARTHAS");
}

TEST(SegmentActs, NumberShapes) {
  struct Case {
    const char* acts;
    Strings heads;
  };
  const Case cases[] = {
      {"23-02/001 – Rapport d'orientations budgétaires 2024 :\n"
       "Le conseil municipal prend acte de la tenue du débat.\n"
       "\n"
       "23-02/002 – Tarifs de l'eau :\n"
       "Le conseil municipal, à l'unanimité, fixe le prix du mètre cube à 1,80 €.\n",
       {"23-02/001 | Rapport d'orientations budgétaires 2024", "23-02/002 | Tarifs de l'eau"}},
      {"DÉLIBÉRATION N° 2023-014 : Compte administratif 2022\n"
       "Le conseil municipal approuve le compte administratif 2022.\n"
       "\n"
       "DÉLIBÉRATION N° 2023-015 : Affectation du résultat\n"
       "Le conseil municipal décide d'affecter le résultat en réserves.\n",
       {"2023-014 | Compte administratif 2022", "2023-015 | Affectation du résultat"}},
      // The point's rank is no act number; the deliberation's is.
      {"Point n° 3 – Délibération n° 2024-01 : Création d'un poste d'agent technique\n"
       "Le conseil municipal décide de créer le poste.\n",
       {"2024-01 | Création d'un poste d'agent technique"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.acts);
    Processed p = Process(std::string(kHead) + c.acts);
    EXPECT_EQ(Heads(p.record), c.heads);
  }
}

// ------------------------------------------------------------------ agenda points

TEST(SegmentActs, AgendaPointsWithoutProceduralItems) {
  struct Case {
    const char* acts;
    Strings heads;
  };
  const Case cases[] = {
      {"1/ Approbation du compte rendu de la séance du 5 février 2024\n"
       "Le compte rendu est approuvé à l'unanimité.\n"
       "\n"
       "2/ Désignation du secrétaire de séance\n"
       "Mme Irène CAZALIS est désignée.\n"
       "\n"
       "3/ Achat d'un véhicule\n"
       "Le conseil municipal décide d'acheter un véhicule utilitaire.\n"
       "\n"
       "4/ Questions diverses\n"
       "La fête du village aura lieu le 15 juin.\n",
       {"null | Achat d'un véhicule"}},
      // An information point carries no decision.
      {"1°) Adhésion au syndicat de voirie\n"
       "Le conseil municipal approuve l'adhésion.\n"
       "\n"
       "2°) Informations du maire\n"
       "Le maire informe le conseil des travaux en cours.\n"
       "\n"
       "3°) Location de la salle\n"
       "Le conseil municipal fixe le tarif à 150 €.\n",
       {"null | Adhésion au syndicat de voirie", "null | Location de la salle"}},
      // Roman ranks without a separator; an agenda line listing them on one
      // line is no heading.
      {"Ordre du jour : I Tarifs de l'eau, II Personnel, III Divers\n"
       "\n"
       "I Tarifs de l'eau\n"
       "Le comité syndical fixe le prix du mètre cube à 1,20 €.\n"
       "\n"
       "II Personnel\n"
       "Le comité syndical décide de créer un poste d'agent technique.\n",
       {"null | Tarifs de l'eau", "null | Personnel"}},
      {"➊ Vente du tracteur communal\n"
       "Le conseil municipal autorise le maire à vendre le tracteur.\n"
       "\n"
       "➋ Questions diverses\n"
       "Aucune question.\n",
       {"null | Vente du tracteur communal"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.acts);
    Processed p = Process(std::string(kHead) + c.acts);
    EXPECT_EQ(Heads(p.record), c.heads);
  }
}

// A register's margin read as a block of its own puts dates alone on their
// lines among the lists: a date is not an act number, and the session part
// goes on past it.
TEST(SegmentActs, DateAloneOnItsLineIsNoActNumber) {
  Processed p = Process(
      "COMMUNE DE FONTCOUVERTE\n"
      "Séance du 11 mars 2024\n"
      "Présents : M. Louis BARTHAS, Mme Irène CAZALIS, M. Noël DURANTI.\n"
      "\n"
      "Date de la\n"
      "convocation :\n"
      "04/03/2024\n"
      "Affichage le :\n"
      "04/03/2024\n"
      "\n"
      "Absents excusés : M. Paul ESTÈVE, Mme Rose FABRE.\n"
      "\n"
      "2024-07 Location de la salle\n"
      "Le conseil municipal fixe le tarif à 150 €.\n");
  EXPECT_EQ(Heads(p.record), (Strings{"2024-07 | Location de la salle"}));
  EXPECT_EQ(p.record.attendance.excused.size(), 2u);
}

// Numbered lines printed one after the other inside an act (a list of
// candidates) are an enumeration, not agenda points: they do not end the
// act, and its signature stays its own.
TEST(SegmentActs, EnumerationInsideAnActEndsNothing) {
  Processed p = Process(std::string(kHead) +
                        "2024-07 Élection des délégués\n"
                        "Une liste est déposée :\n"
                        "1. BARTHAS Louis\n"
                        "2. CAZALIS Irène\n"
                        "3. DURANTI Noël\n"
                        "\n"
                        "La liste obtient 3 voix. Les délégués sont élus.\n"
                        "\n"
                        "Le Maire,\n"
                        "\n"
                        "Louis BARTHAS\n");
  EXPECT_EQ(Heads(p.record), (Strings{"2024-07 | Élection des délégués"}));
  ASSERT_EQ(p.record.deliberations.size(), 1u);
  EXPECT_TRUE(p.record.deliberations[0].signed_block.has_value());
  EXPECT_FALSE(p.record.signed_block.has_value());
}

// Titles alone on their line, the report under them; the last line of a
// paragraph that runs on into "Monsieur le Maire soumet" is no title.
TEST(SegmentActs, BareTitlesButNotASentenceGoingOn) {
  Processed p =
      Process(std::string(kHead) +
              "Monsieur le Maire propose d'ouvrir la séance.\n"
              "Location de la salle des fêtes\n"
              "Monsieur le Maire rappelle que la salle est louée aux habitants.\n"
              "Le conseil municipal fixe le tarif à 150 €.\n"
              "Vente du tracteur communal\n"
              "Monsieur le Maire expose que le tracteur n'est plus utilisé.\n"
              "La vente fait l'objet d'une offre d'achat que\n"
              "Monsieur le Maire soumet au conseil. Le conseil municipal autorise la vente.\n");
  EXPECT_EQ(Heads(p.record), (Strings{"null | Location de la salle des fêtes",
                                      "null | Vente du tracteur communal"}));
}

// OCR glues a speck to the first word of a line: the heading whose rank is
// missing from a sequence is found under the debris; debris before a rank
// that does not complete a sequence is not taken for a heading.
TEST(SegmentActs, HeadingUnderOcrDebrisCompletesItsSequence) {
  Processed p = Process(std::string(kHead) +
                        "6/ Achat d'un véhicule\n"
                        "Le conseil municipal décide d'acheter un véhicule.\n"
                        "\n"
                        "E47/ Location de la salle\n"
                        "Le conseil municipal fixe le tarif à 150 €.\n"
                        "\n"
                        "8/ Vente du tracteur\n"
                        "Le conseil municipal autorise la vente.\n");
  EXPECT_EQ(Heads(p.record), (Strings{"null | Achat d'un véhicule", "null | Location de la salle",
                                      "null | Vente du tracteur"}));
  Processed q = Process(std::string(kHead) +
                        "20240311 3 Achat d'un véhicule\n"
                        "Le conseil municipal décide d'acheter un véhicule.\n"
                        "\n"
                        "É120240311 4 Location de la salle\n"
                        "Le conseil municipal fixe le tarif à 150 €.\n"
                        "\n"
                        "20240311 5 Vente du tracteur\n"
                        "Le conseil municipal autorise la vente.\n");
  EXPECT_EQ(Heads(q.record),
            (Strings{"20240311 3 | Achat d'un véhicule", "20240311 4 | Location de la salle",
                     "20240311 5 | Vente du tracteur"}));
  // 6 then 7: nothing is missing, "E48/" stays text of act 7.
  Processed r = Process(std::string(kHead) +
                        "6/ Achat d'un véhicule\n"
                        "Le conseil municipal décide d'acheter un véhicule.\n"
                        "\n"
                        "7/ Location de la salle\n"
                        "Le conseil municipal fixe le tarif à 150 €.\n"
                        "E48/ Vente du tracteur\n");
  EXPECT_EQ(Heads(r.record),
            (Strings{"null | Achat d'un véhicule", "null | Location de la salle"}));
  // OCR dropped a rank's dot: "7      LOCATION …" between "6." and "8.".
  Processed t = Process(std::string(kHead) +
                        "6.    ACHAT D'UN VEHICULE\n"
                        "Le conseil municipal décide d'acheter un véhicule.\n"
                        "\n"
                        "7      LOCATION DE LA SALLE\n"
                        "Le conseil municipal fixe le tarif à 150 €.\n"
                        "\n"
                        "8.    VENTE DU TRACTEUR\n"
                        "Le conseil municipal autorise la vente.\n");
  EXPECT_EQ(Heads(t.record), (Strings{"null | ACHAT D'UN VEHICULE", "null | LOCATION DE LA SALLE",
                                      "null | VENTE DU TRACTEUR"}));
}

TEST(SegmentActs, ProceduralItemsAloneMakeNoAct) {
  Processed p = Process(std::string(kHead) +
                        "1/ Approbation du procès-verbal de la séance précédente\n"
                        "Le procès-verbal est adopté à l'unanimité.\n"
                        "\n"
                        "2/ Questions diverses\n"
                        "Le maire présente le calendrier des manifestations.\n");
  EXPECT_EQ(Heads(p.record), Strings{});
  EXPECT_TRUE(p.sections.acts.empty());
}

// ------------------------------------------------------------------ a register extract

const char kExtract[] =
    "COMMUNE DE SAINT-GÉNIÈS\n"
    "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\n"
    "Séance du 18 septembre 2023\n"
    "\n"
    "Présents : M. Fabien LAGARDÈRE, Mme Coralie MAURELLE, M. Thomas NOGUERA.\n"
    "Secrétaire de séance : M. Thomas NOGUERA.\n"
    "\n"
    "Objet : Renouvellement de la convention de fourrière animale\n"
    "\n"
    "Vu le code général des collectivités territoriales ;\n"
    "Vu le code rural et de la pêche maritime, notamment son article L. 211-24 ;\n"
    "Considérant la nécessité de disposer d'une fourrière ;\n"
    "\n"
    "Le conseil municipal, après en avoir délibéré, à l'unanimité,\n"
    "DÉCIDE :\n"
    "Article 1er : Approuve le renouvellement de la convention avec la société protectrice "
    "des animaux pour trois ans.\n"
    "Article 2 : Autorise le Maire à signer la convention et ses avenants.\n"
    "\n"
    "Fait à Saint-Géniès, le 20 septembre 2023\n"
    "Le Maire,\n"
    "Fabien LAGARDÈRE\n";

TEST(SegmentActs, UnnumberedTitleAfterAVoteWhateverItsReport) {
  // Minutes with no heading words: a short line alone opens an act when a
  // long report follows it, or when the line before it records a vote (the
  // report may then open with a short line: "Le conseil municipal :").
  Processed p = Process(
      "COMMUNE DE BELVAL\n"
      "PROCES-VERBAL DE LA SEANCE DU CONSEIL MUNICIPAL DU 12 MAI 2021\n"
      "\n"
      "Présents : M. Paul ROUX, Mme Anne BLANC, M. Luc NOIR, Mme Léa MARTIN.\n"
      "\n"
      "Travaux de voirie rue des Écoles\n"
      "Le Maire présente les devis reçus pour la réfection de la chaussée de la rue des "
      "Écoles, dont celui de l'entreprise la moins disante.\n"
      "Vote : à l'unanimité\n"
      "\n"
      "Motion pour le maintien de la trésorerie\n"
      "Le conseil municipal SE PRONONCE contre la fermeture de la trésorerie de la commune "
      "et demande son maintien.\n"
      "Vote : 3 pour, 1 abstention\n"
      "\n"
      "Location du logement communal\n"
      "Le conseil municipal :\n"
      "1) ACCEPTE la candidature de M. Hugo GRIS pour le logement ;\n"
      "2) FIXE le loyer à 450 euros par mois ;\n"
      "DIT que le bail prendra effet au 1er juin.\n"
      "Vote : à l'unanimité\n");
  ASSERT_EQ(p.record.deliberations.size(), 3u);
  EXPECT_EQ(Opt(p.record.deliberations[1].title), "Motion pour le maintien de la trésorerie");
  EXPECT_EQ(Opt(p.record.deliberations[2].title), "Location du logement communal");
  EXPECT_EQ(p.record.deliberations[1].vote.votes_for, 3);
  EXPECT_EQ(Opt(p.record.deliberations[2].vote.mode), "unanimity");
  // Numbered sub-decisions, then one unnumbered: three articles.
  EXPECT_EQ(ArticleTexts(p.record.deliberations[2]),
            (Strings{"1: ACCEPTE la candidature de M. Hugo GRIS pour le logement ;",
                     "2: FIXE le loyer à 450 euros par mois ;",
                     "-: DIT que le bail prendra effet au 1er juin."}));
}

TEST(SegmentActs, VisasOfAnExtractFlattenedIntoOneLine) {
  // A whole extract on one line: each visa opens after a comma and ends
  // before the next visa, a recital or the assembly; a comma inside a visa
  // before a lower-case word does not end it.
  Processed p = Process(
      "Séance du 14 juin 2023\n"
      "DEL 2023-18 – Objet : Adhésion au groupement de commandes\n"
      "Vu le code général des collectivités territoriales, notamment son article L. 2121-29, Vu "
      "la délibération du 3 mars 2023, Considérant l'intérêt d'un achat groupé, Le conseil "
      "municipal, après en avoir délibéré, décide d'adhérer au groupement.\n");
  ASSERT_EQ(p.record.deliberations.size(), 1u);
  EXPECT_EQ(p.record.deliberations[0].visas,
            (Strings{"Vu le code général des collectivités territoriales, notamment son article "
                     "L. 2121-29",
                     "Vu la délibération du 3 mars 2023"}));
}

// The same with no punctuation at all between the object, the visas and the
// report: the title ends where the first visa starts, each visa before the
// next one ("… « la Hutte » Vu la demande …") or the head of the assembly.
TEST(SegmentActs, VisasAndTitleRunTogetherOnOneLine) {
  Processed p = Process(
      "Séance du 12 octobre 2021 Présents : M. Alain TESSON, Mme Julie BRASSE. Secrétaire de "
      "séance : Mme Julie BRASSE. Objet : Fonds de concours voirie Vu le code général des "
      "collectivités territoriales Vu la demande de la commune pour le chemin « des Prés » Vu la "
      "délibération du 3 mars 2021 Le Président rappelle que la communauté peut verser des fonds "
      "de concours. Le conseil communautaire, après en avoir délibéré, à l'unanimité, ATTRIBUE un "
      "fonds de concours de 20 000 € à la commune.\n");
  ASSERT_EQ(p.record.deliberations.size(), 1u);
  EXPECT_EQ(p.record.deliberations[0].title, "Fonds de concours voirie");
  EXPECT_EQ(p.record.deliberations[0].visas,
            (Strings{"Vu le code général des collectivités territoriales",
                     "Vu la demande de la commune pour le chemin « des Prés »",
                     "Vu la délibération du 3 mars 2021"}));
}

// A file of one act flattened into one line, its degree signs lost: "N
// 2011-8" is the act's number, and its title runs up to the first visa.
TEST(SegmentActs, InlineNumberWithoutDegreeThenTitleUpToTheVisa) {
  Processed p = Process(
      "Séance du 24 février 2011 Etaient présents : M. Paul DOLINE, Mme Anne HULINE. Date de la "
      "convocation : 18 février 2011 N 2011-8 (24/02) Voirie communautaire : validation du "
      "kilométrage Vu la délibération de la communauté du 18 décembre 2008, Le conseil "
      "municipal, après en avoir délibéré, à l'unanimité, VALIDE le kilométrage.\n");
  EXPECT_EQ(Heads(p.record),
            (Strings{"2011-8 | Voirie communautaire : validation du kilométrage"}));
}

TEST(SegmentActs, RegisterExtractWithObjetVisasArticlesAndSignature) {
  Processed p = Process(kExtract);
  EXPECT_EQ(TextAt(p, p.sections.session_end, "Objet :"), "Objet :");
  ASSERT_EQ(p.record.deliberations.size(), 1u);
  const Act& a = p.record.deliberations[0];
  EXPECT_EQ(Opt(a.number), "null");
  EXPECT_EQ(Opt(a.title), "Renouvellement de la convention de fourrière animale");
  // Visas are the "Vu" clauses only.
  EXPECT_EQ(a.visas, (Strings{"Vu le code général des collectivités territoriales",
                              "Vu le code rural et de la pêche maritime, notamment son article "
                              "L. 211-24"}));
  EXPECT_EQ(ArticleTexts(a),
            (Strings{"1: Approuve le renouvellement de la convention avec la société protectrice "
                     "des animaux pour trois ans.",
                     "2: Autorise le Maire à signer la convention et ses avenants."}));
  // A single act's signature is the act's own.
  EXPECT_EQ(Signed(a.signed_block), "Saint-Géniès / 2023-09-20 / -|Fabien LAGARDÈRE|Le Maire");
  EXPECT_EQ(Signed(p.record.signed_block), "null");
}

TEST(SegmentActs, NumberOfASingleActPrintedInItsHeader) {
  Processed p = Process(
      "COMMUNE DE SAINT-GÉNIÈS\n"
      "Séance du 18 septembre 2023\n"
      "Présents : M. Fabien LAGARDÈRE, Mme Coralie MAURELLE.\n"
      "\n"
      "Délibération n° 2023-45\n"
      "Objet : Indemnités des élus\n"
      "\n"
      "Vu le code général des collectivités territoriales ;\n"
      "Le conseil municipal, à l'unanimité, fixe le montant des indemnités selon le tableau "
      "annexé.\n");
  EXPECT_EQ(Heads(p.record), Strings{"2023-45 | Indemnités des élus"});
  ASSERT_EQ(p.record.deliberations.size(), 1u);
  EXPECT_EQ(ArticleTexts(p.record.deliberations[0]),
            Strings{"-: fixe le montant des indemnités selon le tableau annexé."});
}

// ------------------------------------------------------------------ articles

struct ArticleCase {
  const char* body;
  Strings articles;
};

void RunArticleCases(const std::vector<ArticleCase>& cases) {
  for (const ArticleCase& c : cases) {
    SCOPED_TRACE(c.body);
    Processed p = Process(
        "COMMUNE DE SAINT-GÉNIÈS\n"
        "Séance du 18 septembre 2023\n"
        "Présents : M. Fabien LAGARDÈRE, Mme Coralie MAURELLE.\n"
        "\n" +
        std::string(c.body));
    ASSERT_EQ(p.record.deliberations.size(), 1u);
    EXPECT_EQ(ArticleTexts(p.record.deliberations[0]), c.articles);
  }
}

TEST(ExtractActs, ArticlesAfterDecide) {
  RunArticleCases({
      // Lower-case bulleted clauses after "DÉCIDE :", infinitives included;
      // the sentence that records the vote is no article.
      {"Objet : Travaux de voirie 2024\n"
       "\n"
       "Vu le budget communal ;\n"
       "\n"
       "Le conseil municipal, après en avoir délibéré,\n"
       "DÉCIDE :\n"
       "- d'engager les travaux de réfection du chemin des Crêtes ;\n"
       "- de solliciter l'aide du Département ;\n"
       "- autorise le Maire à signer les devis.\n"
       "\n"
       "Adopté à l'unanimité.\n",
       {"-: d'engager les travaux de réfection du chemin des Crêtes ;",
        "-: de solliciter l'aide du Département ;", "-: autorise le Maire à signer les devis."}},
      // Capitalised bullets; a bullet that only lists an amount stays in its
      // article.
      {"Objet : Subventions aux associations\n"
       "\n"
       "Le conseil municipal, après en avoir délibéré,\n"
       "DÉCIDE :\n"
       "- Attribue les subventions suivantes :\n"
       "- Club de rugby : 1 200 €\n"
       "- Amicale des aînés : 450 €\n"
       "- Précise que les crédits sont inscrits au budget.\n",
       {"-: Attribue les subventions suivantes : Club de rugby : 1 200 € Amicale des aînés : 450 €",
        "-: Précise que les crédits sont inscrits au budget."}},
      // Three capitalised operative verbs in one paragraph: three articles.
      {"Objet : Tarifs 2024\n"
       "\n"
       "Le conseil municipal, après en avoir délibéré :\n"
       "Adopte la grille tarifaire, Décide de l'appliquer au 1er janvier ; Autorise le Maire à "
       "l'afficher.\n",
       {"-: Adopte la grille tarifaire,", "-: Décide de l'appliquer au 1er janvier ;",
        "-: Autorise le Maire à l'afficher."}},
      // Bullets as OCR misreads them (a check mark, an arrow glyph) before
      // operative verbs; "À" that is a word stays in the text.
      {"Objet : Location du logement\n"
       "\n"
       "Après en avoir délibéré, le Conseil Municipal, à l'unanimité ;\n"
       "\n"
       "À Approuve la proposition du locataire.\n"
       "ÿŸ Décide de louer le logement à compter du 1er mars.\n"
       "» Autorise le Maire à signer le bail, à compter de sa réception.\n",
       {"-: Approuve la proposition du locataire.",
        "-: Décide de louer le logement à compter du 1er mars.",
        "-: Autorise le Maire à signer le bail, à compter de sa réception."}},
  });
}

TEST(ExtractActs, OneSentenceDecisions) {
  RunArticleCases({
      {"Objet : Rapport annuel du délégataire\n"
       "\n"
       "Le Conseil, à l'unanimité des membres présents, prend acte du rapport annuel 2022 du "
       "délégataire du service d'assainissement.\n",
       {"-: prend acte du rapport annuel 2022 du délégataire du service d'assainissement."}},
      // Lower-case verbs in one sentence: one article, from its verb on.
      {"Objet : Compte administratif\n"
       "\n"
       "Le conseil municipal, à l'unanimité, approuve le compte administratif et autorise le "
       "maire à signer.\n",
       {"-: approuve le compte administratif et autorise le maire à signer."}},
  });
}

// A number alone on its line with its separators garbled by OCR ("#24. 05-013"
// after "24-05/011" and "24-05/012") is the next of its sequence. Its stamp,
// past a table's rank that ended its span, is still its own: no act of the
// stamp alone.
TEST(SegmentActs, GarbledNumberCompletesItsSequence) {
  Processed p = Process(
      "COMMUNE DE VILLARD\n\nSéance du 14 mai 2024\n\n"
      "Présents : M. Paul VIDAL, Mme Anne ROCHE, M. Luc FABRE.\n\n"
      "24-05/011\n\nTarifs de la piscine\n\n"
      "Le conseil municipal, à l'unanimité, approuve les tarifs.\n"
      "ID : 073-217300102-20240514-DEL-24-05-011-DE\n\n"
      "24-05/012\n\nTravaux de voirie\n\n"
      "Le conseil municipal, à l'unanimité, approuve le programme.\n"
      "ID : 073-217300102-20240514-DEL-24-05-012-DE\n\n"
      "#24. 05-013\n\nVente d'un terrain\n\n"
      "Le conseil municipal, à l'unanimité, approuve la vente des lots :\n\n"
      "1. Lot A, 200 m², 4 000 €\n\n"
      "Lot situé au nord du chemin.\n\n"
      "2. Lot B, 350 m², 7 000 €\n\n"
      "Publication : 21/05/2024\n"
      "ID : 073-217300102-20240514-DEL-24-05-013-DE\n");
  ASSERT_EQ(Heads(p.record),
            (Strings{"24-05/011 | Tarifs de la piscine", "24-05/012 | Travaux de voirie",
                     "24-05/013 | Vente d'un terrain"}));
  const Act& third = p.record.deliberations[2];
  ASSERT_TRUE(third.prefecture && third.prefecture->act_id);
  EXPECT_EQ(third.prefecture->act_id->id, "073-217300102-20240514-DEL-24-05-013-DE");
}

// A register prints each extract's number above its letterhead: the first
// one's sits above the sitting's preamble. The numbers after it go on from
// it, so the first act starts where the session part ends. Ranks inside an
// act before its decision (a market's lots) do not end it.
TEST(SegmentActs, FirstNumberAboveThePreambleAndLotsBeforeTheDecision) {
  Processed p = Process(
      "25-02/014\n\nCOMMUNE DE VILLARD\n\nSéance du 18 février 2025\n\n"
      "Présents : M. Paul VIDAL, Mme Anne ROCHE, M. Luc FABRE.\n\n"
      "Objet : Tarifs de la piscine\n\n"
      "Le conseil municipal, à l'unanimité, approuve les tarifs.\n\n"
      "25-02/015\n\nCOMMUNE DE VILLARD\n\n"
      "Objet : Marché de déneigement\n\n"
      "Le Maire présente les lots :\n\n"
      "1. Lot 1 : hameau de la Combe\n\nUn circuit de 9 km.\n\n"
      "2. Lot 2 : chef-lieu\n\n"
      "Le conseil municipal, à l'unanimité, approuve le marché.\n");
  ASSERT_EQ(Heads(p.record),
            (Strings{"25-02/014 | Tarifs de la piscine", "25-02/015 | Marché de déneigement"}));
  EXPECT_EQ(ArticleTexts(p.record.deliberations[1]), Strings{"-: approuve le marché."});
}

// In a register of stamped extracts, a stamp whose identifier belongs to no
// extract found is an extract of its own (its heading lost, as in a damaged
// scan): an act with that stamp, its number printed like its siblings'.
TEST(ExtractActs, ExtractKnownOnlyByItsStamp) {
  Processed p = Process(
      "COMMUNE DE VILLARD\n\nSéance du 14 mai 2024\n\n"
      "Présents : M. Paul VIDAL, Mme Anne ROCHE, M. Luc FABRE.\n\n"
      "24-05/011 – Tarifs de la piscine\n"
      "Le conseil municipal, à l'unanimité, approuve les tarifs.\n"
      "Reçu en préfecture le 20/05/2024\n"
      "ID : 073-217300102-20240514-DEL-24-05-011-DE\n\n"
      "24-05/012 – Travaux de voirie\n"
      "Le conseil municipal, à l'unanimité, approuve le programme.\n"
      "Reçu en préfecture le 20/05/2024\n"
      "ID : 073-217300102-20240514-DEL-24-05-012-DE\n\n"
      "TABLEAU ANNEXE\n"
      "Reçu en préfecture le 21/05/2024\n"
      "ID : 073-217300102-20240514-DEL-24-05-013-DE\n");
  ASSERT_EQ(p.record.deliberations.size(), 3u) << ::testing::PrintToString(Heads(p.record));
  const Act& third = p.record.deliberations[2];
  EXPECT_EQ(Opt(third.number), "24-05/013");
  ASSERT_TRUE(third.prefecture && third.prefecture->act_id);
  EXPECT_EQ(third.prefecture->act_id->id, "073-217300102-20240514-DEL-24-05-013-DE");
  EXPECT_EQ(Opt(third.prefecture->received), "2024-05-21");
  EXPECT_FALSE(p.record.prefecture);
}

// A title cut inside a date goes on with the year on the next line, under
// "Objet :" as under a number ("… du 1er février" / "2016").
TEST(SegmentActs, TitleCutBeforeItsYear) {
  Processed objects = Process(std::string(kHead) +
                              "Objet : Convention avec le club de rugby signée le 1er février\n"
                              "2024\n"
                              "Le conseil municipal, à l'unanimité, approuve la convention.\n"
                              "\n"
                              "Objet : Tarifs de la cantine\n"
                              "Le conseil municipal, à l'unanimité, fixe les tarifs.\n");
  EXPECT_EQ(Heads(objects.record),
            (Strings{"null | Convention avec le club de rugby signée le 1er février 2024",
                     "null | Tarifs de la cantine"}));
  Processed numbered = Process(std::string(kHead) +
                               "DÉLIBÉRATION N° 2024-09 : Convention signée le 3 mars\n"
                               "2024\n"
                               "Le conseil municipal, à l'unanimité, approuve la convention.\n");
  EXPECT_EQ(Heads(numbered.record), Strings{"2024-09 | Convention signée le 3 mars 2024"});
}

}  // namespace
}  // namespace delibex

namespace delibex {
namespace {

// ------------------------------------------- act schemes chosen by their evidence
// Every family of headings is found (numbers, "Objet :" blocks, points); the
// file's scheme is the one whose headings open items the assembly decides on.

const char kPreamble[] =
    "COMMUNE DE VALBOURG\n"
    "Séance du 3 juin 2019\n"
    "Présents : M. Hugo LEMARCHAND, Mme Claire VASSEUR, M. Noé PERRIN.\n\n";

TEST(ActSchemes, OneObjetBlockPerAct) {
  Processed p = Process(std::string(kPreamble) +
                        "Objet : Subvention à l'association des Amis du Lavoir\n"
                        "Projet de délibération : 2019 DAC 12\n"
                        "Le conseil approuve la subvention de 500 euros.\n"
                        "La délibération est adoptée à l'unanimité.\n\n"
                        "14/20\n\n"
                        "Objet : Tarifs du marché forain\n"
                        "Projet de délibération : 2019 DAC 13\n"
                        "Le conseil fixe les tarifs.\n"
                        "La délibération est adoptée à l'unanimité.\n\n"
                        "15/20\n\n"
                        "Objet : Dénomination d'une rue\n"
                        "La délibération est adoptée à l'unanimité.\n");
  EXPECT_EQ(Heads(p.record),
            (std::vector<std::string>{"2019 DAC 12 | Subvention à l'association des Amis du Lavoir",
                                      "2019 DAC 13 | Tarifs du marché forain",
                                      "null | Dénomination d'une rue"}));
}

TEST(ActSchemes, AStrayNumberDoesNotHideNumberedPoints) {
  std::string text = kPreamble;
  for (int k = 1; k <= 4; ++k) {
    text += std::to_string(k) + " – Vente de la parcelle AB " + std::to_string(k) +
            "\n\nLe conseil décide de vendre la parcelle.\n\n";
    if (k == 2) text += "230-231-250\nAC 473 à 481\n\n";  // a table cell of parcels
  }
  Processed p = Process(text);
  ASSERT_EQ(p.record.deliberations.size(), 4u);
  EXPECT_EQ(Opt(p.record.deliberations[3].title), "Vente de la parcelle AB 4");
}

TEST(ActSchemes, DatePrefixedNumbersAreDistinctActs) {
  Processed p =
      Process(std::string(kPreamble) +
              "2019.06.03 - 1  TARIFS DE LA CANTINE\n\nLe conseil fixe les tarifs.\n\n"
              "2019.06.03 - 2  VENTE D'UN TRACTEUR\n\nLe conseil décide la vente.\n\n"
              "2019.06.03 - 3  ADHÉSION AU SYNDICAT\n\nLe conseil approuve l'adhésion.\n");
  EXPECT_EQ(Heads(p.record), (std::vector<std::string>{"2019.06.03 - 1 | TARIFS DE LA CANTINE",
                                                       "2019.06.03 - 2 | VENTE D'UN TRACTEUR",
                                                       "2019.06.03 - 3 | ADHÉSION AU SYNDICAT"}));
}

TEST(ActSchemes, PageFoliosAndARecapOpenNoActs) {
  Processed p = Process(std::string(kPreamble) +
                        "N° 2019/25 – Crédits supplémentaires\n\nLe conseil décide d'ouvrir les "
                        "crédits.\n\n3/9\n\nN° 2019/26 – Achat d'un terrain\n\nLe conseil "
                        "approuve l'achat.\n\n4/9\n\nDélibérations :\nN° 2019/25 – Crédits "
                        "supplémentaires\nN° 2019/26 – Achat d'un terrain\n");
  EXPECT_EQ(Heads(p.record), (std::vector<std::string>{"2019/25 | Crédits supplémentaires",
                                                       "2019/26 | Achat d'un terrain"}));
}

TEST(ActSchemes, MinutesOfTheLastSittingAreNoAct) {
  Processed p = Process(std::string(kPreamble) +
                        "1/ Procès-verbal du conseil du 6 mai 2019 : après lecture, il est "
                        "approuvé à l'unanimité.\n\n"
                        "2/ Adoption du compte rendu de la séance du 20 mai\n\nApprouvé.\n\n"
                        "3/ Tarifs de la cantine\n\nLe conseil fixe les tarifs à l'unanimité.\n");
  EXPECT_EQ(Heads(p.record), (std::vector<std::string>{"null | Tarifs de la cantine"}));
}

TEST(ActSchemes, NumberClosingTheTitleLine) {
  Processed p = Process(std::string(kPreamble) +
                        "Secrétaire de séance : Mme Claire VASSEUR\n\n"
                        "Réfection du chemin des Aulnes - fonds de concours : 2019-41\n\n"
                        "Vu le code général des collectivités territoriales,\n"
                        "Le conseil approuve le versement du fonds de concours.\n");
  EXPECT_EQ(
      Heads(p.record),
      (std::vector<std::string>{"2019-41 | Réfection du chemin des Aulnes - fonds de concours"}));
  // The same title wrapped by the page after its dash.
  Processed wrapped = Process(std::string(kPreamble) +
                              "Secrétaire de séance : Mme Claire VASSEUR\n\n"
                              "Réfection du chemin des Aulnes -\nfonds de concours : 2019-41\n\n"
                              "Vu le code général des collectivités territoriales,\n"
                              "Le conseil approuve le versement du fonds de concours.\n");
  EXPECT_EQ(
      Heads(wrapped.record),
      (std::vector<std::string>{"2019-41 | Réfection du chemin des Aulnes - fonds de concours"}));
}

TEST(ActSchemes, TitleLinesOverReportsInMinutesWithoutHeadingWords) {
  Processed p = Process(
      "CONSEIL COMMUNAUTAIRE DU 4 MARS 2019\n"
      "Zone d'activités des Landes : approbation du projet\n"
      "Sur proposition du vice-président chargé de l'économie, le bureau d'études présente le "
      "projet\nd'aménagement de la zone d'activités et son coût estimé à 600 000 euros hors taxes "
      "pour\nla viabilisation des lots.\n"
      "Appelé à se prononcer, le Conseil donne son accord au projet.\n"
      "Fibre optique : point d'étape\n"
      "Le vice-président rend compte de l'avancement du déploiement de la fibre sur les communes "
      "du\nterritoire et des difficultés rencontrées avec l'opérateur pour les hameaux isolés.\n");
  // The information point bounds the act before it but is no act.
  EXPECT_EQ(
      Heads(p.record),
      (std::vector<std::string>{"null | Zone d'activités des Landes : approbation du projet"}));
}

// The same minutes wrapped short, as a printed page or a scan gives them: a
// line that goes on from a line ending in "de la", or that ends in "du", is
// running text, and a line of a list ending with its separator dash is no
// title either.
TEST(ActSchemes, WrappedLinesAreNoTitles) {
  Processed p = Process(
      "CONSEIL COMMUNAUTAIRE DU 4 MARS 2019\n"
      "Présents : DURAND R. – LEROY M. – FAURE Y. – BLANC\n"
      "R. – MARTIN J.P. – ROUX B. –\n"
      "GIRAUD M. – PONS J.B. –\n"
      "SIMON M. - PERRIN D. - MOREL P.A. – DUMAS M. – BARRE J.L.\n"
      "Zone d'activités des Landes : approbation du projet\n"
      "Sur proposition de Madame Léa Roux, vice-présidente chargée de la\n"
      "Commission économique, le bureau d'études des Landes et du\n"
      "Val présente le projet d'aménagement de la zone d'activités et son coût estimé\n"
      "à 600 000 euros hors taxes pour la viabilisation des lots de la zone.\n"
      "Appelé à se prononcer, le Conseil donne son accord au projet.\n"
      "Fibre optique : choix du prestataire\n"
      "Le vice-président rend compte de la consultation menée pour le déploiement de la\n"
      "fibre sur les communes du territoire et propose de retenir l'offre la mieux disante.\n"
      "Le Conseil approuve ce choix à l'unanimité.\n");
  EXPECT_EQ(Heads(p.record),
            (std::vector<std::string>{"null | Zone d'activités des Landes : approbation du projet",
                                      "null | Fibre optique : choix du prestataire"}));
  EXPECT_EQ(p.record.attendance.present.size(), 13u);
}

// An article of a code at a line's head ("L.5211 - 1 du Code …", a
// sentence wrapped before it) is no act number; the prefecture's stamp
// under the last act, after its vote, is no act title.
TEST(ActSchemes, CodeArticlesAndStampsOpenNoAct) {
  Processed p = Process(
      "CONSEIL MUNICIPAL DU 4 MARS 2019\n"
      "Présents : M. Paul ROUX, Mme Anne BLANC, M. Luc NOIR.\n"
      "Révision des statuts du syndicat\n"
      "Le Maire rappelle à l'Assemblée que l'article\n"
      "L.5211 - 1 du Code général des collectivités territoriales s'applique au\n"
      "syndicat et que ses statuts doivent être mis à jour à la suite de la fusion.\n"
      "Le Conseil municipal approuve les statuts révisés.\n"
      "Adopté à l'unanimité.\n\n"
      "Envoyé en préfecture le 12/03/2019\n"
      "Reçu en préfecture le 12/03/2019\n");
  EXPECT_EQ(Heads(p.record), (std::vector<std::string>{"null | Révision des statuts du syndicat"}));
}

// Point titles wrapped by the page: a line that ends on a civility goes on
// below; after a full line, a short line ending on a preposition is the
// title's middle, and the line after it its end.
TEST(ActSchemes, PointTitlesWrappedByThePage) {
  Processed p = Process(
      "CONSEIL MUNICIPAL DU 4 MARS 2019\n"
      "Présents : M. Paul ROUX, Mme Anne BLANC, M. Luc NOIR.\n\n"
      "1/ Délibération modification des heures hebdomadaires du contrat de Mme\n"
      "Vasseur\n\n"
      "Deux heures de plus par semaine sont ajoutées au contrat par un avenant et\n"
      "les heures déjà faites seront payées. Le Conseil approuve à l'unanimité.\n\n"
      "2/ Nuisibles, convention de lutte collective avec la Fédération Régionale\n"
      "des Groupements de\n"
      "Défense contre les Organismes Nuisibles,\n\n"
      "La convention est reconduite pour trois ans, pour un coût annuel modique qui\n"
      "reste inchangé par rapport aux années passées. Le Conseil approuve à l'unanimité.\n");
  EXPECT_EQ(Heads(p.record),
            (std::vector<std::string>{
                "null | Délibération modification des heures hebdomadaires du contrat de Mme "
                "Vasseur",
                "null | Nuisibles, convention de lutte collective avec la Fédération Régionale des "
                "Groupements de Défense contre les Organismes Nuisibles,"}));
}

TEST(ActSchemes, OneActAfterTheSecretaryLineWhenNothingHeadsIt) {
  Processed p = Process(std::string(kPreamble) +
                        "Secrétaire de séance : Mme Claire VASSEUR\n"
                        "Une convention lie la commune au syndicat d'énergie depuis 1990. Elle "
                        "arrive à son terme.\nLe Conseil municipal approuve la nouvelle "
                        "convention.\nDélibération adoptée à l'unanimité.\n");
  ASSERT_EQ(p.record.deliberations.size(), 1u);
  EXPECT_EQ(p.record.attendance.present.size(), 3u);
}

// With no heading, the text after the secretary's line makes an act only
// when it decides something other than the sitting's own business: its
// secretary (the sentence begun on the secretary's line), its agenda, its
// earlier minutes.
TEST(ActSchemes, TheSittingsOwnBusinessMakesNoAct) {
  Processed p = Process(std::string(kPreamble) +
                        "M. Paul ROUX, volontaire, est désigné secrétaire de séance à l'\n"
                        "unanimité. Le Maire demande l'accord du conseil pour inverser le point n° "
                        "3 avec le point 4. Le conseil accepte\nà l'unanimité. Le procès - verbal "
                        "de la dernière séance est approuvé à l'unanimité.\n");
  EXPECT_TRUE(p.record.deliberations.empty());
}

TEST(ActSchemes, ExtractHeadingAboveItsLists) {
  Processed p = Process(
      "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL COMMUNAUTAIRE\n\n"
      "L'an deux mil vingt, le 9 juillet, le Conseil Communautaire s'est réuni sous la présidence "
      "de Monsieur Paul ORSINI.\n\n"
      "DÉLIBÉRATION : DEL 20-41 APPROBATION DES STATUTS DU SYNDICAT DES EAUX\n\n"
      "DÉLIBÉRATION APPROUVÉE : Pour 12 Contre 0 Abstentions 1\n\n"
      "Conseillers communautaires présents\n\n"
      "DURANTON Paul MOREL Anne LECLERT Hugo\n");
  EXPECT_EQ(Heads(p.record),
            (std::vector<std::string>{"DEL 20-41 | APPROBATION DES STATUTS DU SYNDICAT DES EAUX"}));
  EXPECT_EQ(p.record.attendance.present.size(), 3u);
}

// Articles from the grammar of operative clauses: past participles after
// "les conseillers ont, à l'unanimité :", verbs in capitals in one sentence.
TEST(ActSchemes, ParticiplesAndSentenceVerbsAreArticles) {
  Processed p = Process(std::string(kPreamble) +
                        "1/ Travaux de voirie\n\nMonsieur le Maire présente les devis reçus.\n"
                        "Après en avoir délibéré, les conseillers ont, à l'unanimité :\n"
                        "- Approuvé le devis de l'entreprise Roux pour 12 000 euros ;\n"
                        "- Autorisé le Maire à signer le marché.\n\n"
                        "2/ Syndicat des eaux\n\nLe conseil municipal, après en avoir délibéré, "
                        "DÉFINIT les modalités de son adhésion.\n");
  ASSERT_EQ(p.record.deliberations.size(), 2u);
  EXPECT_EQ(
      ArticleTexts(p.record.deliberations[0]),
      (std::vector<std::string>{"-: Approuvé le devis de l'entreprise Roux pour 12 000 euros ;",
                                "-: Autorisé le Maire à signer le marché."}));
  EXPECT_EQ(ArticleTexts(p.record.deliberations[1]),
            (std::vector<std::string>{"-: DÉFINIT les modalités de son adhésion."}));
}

// Verbs the assembly uses beyond approving and deciding: "PROPOSE" a name,
// "DÉLÈGUE" a choice, "SE PRONONCE" on a project.
TEST(ActSchemes, ProposesDelegatesAndGivesItsOpinion) {
  Processed p = Process(std::string(kPreamble) +
                        "1. Nom de la nouvelle école\n"
                        "Après en avoir délibéré, le conseil municipal :\n"
                        "- PROPOSE le nom « Jean Moulin » pour la nouvelle école ;\n"
                        "- DÉLÈGUE au Maire le choix de la date d'inauguration.\n"
                        "Adopté à l'unanimité.\n\n"
                        "2. Projet éolien\n"
                        "Le conseil municipal SE PRONONCE défavorablement sur le projet.\n"
                        "Adopté par 10 voix pour et 3 voix contre.\n");
  ASSERT_EQ(p.record.deliberations.size(), 2u);
  EXPECT_EQ(ArticleTexts(p.record.deliberations[0]),
            (std::vector<std::string>{"-: PROPOSE le nom « Jean Moulin » pour la nouvelle école ;",
                                      "-: DÉLÈGUE au Maire le choix de la date d'inauguration."}));
  EXPECT_EQ(ArticleTexts(p.record.deliberations[1]),
            (std::vector<std::string>{"-: SE PRONONCE défavorablement sur le projet."}));
}

// The members as the subject ("Les délégués ont, à l'unanimité :") open the
// past participles that follow, with no "après en avoir délibéré".
TEST(ActSchemes, MembersWhoHaveDecidedOpenTheirParticiples) {
  Processed p = Process(std::string(kPreamble) +
                        "Délibération n° 2024-05 : Rapport sur le prix de l'eau\n\n"
                        "Le Président présente le rapport annuel.\n"
                        "Les délégués syndicaux ont, à l'unanimité :\n"
                        "- Approuvé le rapport annuel 2023 ;\n"
                        "- Autorisé le Président à le transmettre aux communes.\n");
  ASSERT_EQ(p.record.deliberations.size(), 1u);
  EXPECT_EQ(ArticleTexts(p.record.deliberations[0]),
            (std::vector<std::string>{"-: Approuvé le rapport annuel 2023 ;",
                                      "-: Autorisé le Président à le transmettre aux communes."}));
}

// Numbered sub-decisions with the assembly as their subject ("1) Le conseil
// ACCEPTE …", "2) Le conseil FIXE …") are the act's numbered articles, under
// "Objet :" headings and under points numbered the same way.
TEST(ActSchemes, NumberedSubDecisionsWithTheirSubject) {
  const std::string acts =
      "1) Subvention au club de football\n"
      "Le conseil municipal DÉCIDE d'attribuer une subvention de 500 € au club.\n"
      "Adopté à l'unanimité.\n\n"
      "2) Cimetière\n"
      "1) Le conseil ACCEPTE la reprise des concessions abandonnées.\n"
      "2) Le conseil municipal, FIXE le prix d'une concession à 200 €.\n"
      "Adopté par 6 voix pour et 1 abstention.\n";
  Processed p = Process(std::string(kPreamble) + acts);
  ASSERT_EQ(p.record.deliberations.size(), 2u);
  EXPECT_EQ(p.record.deliberations[1].title, "Cimetière");
  EXPECT_EQ(ArticleTexts(p.record.deliberations[1]),
            (std::vector<std::string>{"1: ACCEPTE la reprise des concessions abandonnées.",
                                      "2: FIXE le prix d'une concession à 200 €."}));
  EXPECT_EQ(p.record.deliberations[1].vote.votes_for, 6);
}

// An extract whose "Objet :" sits above its lists (a side column read
// first) and whose report follows the secretary's label line: one act, its
// title the object; the label line starts no sentence of the decision.
TEST(ActSchemes, ObjetAboveTheListsAndReportAfterTheSecretaryLabel) {
  Processed p = Process(
      "COMMUNE DE MONTVERT\n"
      "Séance du 10 mai 2024\n"
      "Objet : Vente d'un terrain communal\n"
      "Présents : M. Yves BERNARDIN, Mme Alice PONSARD, M. Jean RIVET\n"
      "Secrétaire de séance : Mme Alice PONSARD\n"
      "Le Maire expose le projet de vente du terrain cadastré B 45.\n"
      "Le conseil municipal, après en avoir délibéré, à l'unanimité, DÉCIDE de vendre le "
      "terrain.\n");
  ASSERT_EQ(p.record.deliberations.size(), 1u);
  EXPECT_EQ(p.record.deliberations[0].title, "Vente d'un terrain communal");
  EXPECT_EQ(ArticleTexts(p.record.deliberations[0]), Strings{"-: DÉCIDE de vendre le terrain."});
}

// ------------------------------------------------------------------ families of 2026-12-05

// A deliberation prefix, a space and the number ("D 2023-17 - Objet : …"):
// an act, its title the object's; "DM 2023-04" (a budget change) is none.
TEST(SegmentActs, PrefixSpaceNumberHeadsAnAct) {
  Processed p = Process(std::string(kHead) +
                        "D 2024-17 - Objet : Vente d'une parcelle\n"
                        "Le conseil municipal, à l'unanimité, DÉCIDE de vendre la parcelle.\n"
                        "\n"
                        "DEL 2024-18 – Objet : Tarifs de la cantine\n"
                        "Le conseil municipal, à l'unanimité, FIXE le prix du repas.\n"
                        "\n"
                        "DM 2024-04 : Virement de crédits (information)\n");
  EXPECT_EQ(Heads(p.record),
            (Strings{"D 2024-17 | Vente d'une parcelle", "DEL 2024-18 | Tarifs de la cantine"}));
}

// In a page flattened into one line, a lettered number after a sentence's
// end, a colon and a title in capitals opens the act, even when the file is
// cut before its decision.
TEST(SegmentActs, LetteredNumberInsideAFlattenedLine) {
  Processed p = Process(
      "Réunion du 11 mars 2024. Présents : M. Louis BARTHAS, Mme Irène CAZALIS, M. Noël "
      "DURANTI. Le Conseil a choisi pour secrétaire M. Noël DURANTI. D.2024-03-11/0012 : "
      "VOIRIE : REFECTION DU PONT Monsieur le Maire rappelle que le pont est abîmé. Vu le code");
  EXPECT_EQ(Heads(p.record), (Strings{"D.2024-03-11/0012 | VOIRIE : REFECTION DU PONT"}));
  ASSERT_TRUE(p.record.secretary.has_value());
  EXPECT_EQ(p.record.secretary->name, "Noël DURANTI");
}

// Minutes flattened into one long line, as web pages export them: the
// session part, then each item's heading run on after a sentence's end.
const char kFlattenedSession[] =
    "COMPTE RENDU DU CONSEIL MUNICIPAL Séance du 14 mai 2024 L'an deux mil vingt-quatre, le "
    "quatorze mai à 20 heures, le Conseil Municipal s'est réuni à la mairie sous la présidence "
    "de M. Gaston VIDAL, Maire. Étaient présents : M. Gaston VIDAL, Mme Odile MARCHAIS, M. "
    "Rémi BASTIDE, Mme Inès CAZAL, M. Paul TEYSSIER, Mme Lise FOURCADE, M. Hugo ESTEBAN. "
    "Absente excusée : Mme Nadia PONS. M. Rémi BASTIDE est désigné secrétaire de séance. Le "
    "compte rendu de la séance du 9 avril 2024 est approuvé à l'unanimité. ";

// An act's number after "n°" (with its prefix or not, with a dash or not),
// then its title up to the words that open its report.
TEST(SegmentActs, NumberedHeadingRunOnInAFlattenedPage) {
  Processed p = Process(std::string(kFlattenedSession) +
                        "DCM n°2024-21 - Achat d'un terrain rue des Acacias Dans le cadre de "
                        "l'extension du cimetière, la commune souhaite acquérir la parcelle B 112 "
                        "au prix de 4 000 euros. Le conseil municipal, à l'unanimité, décide "
                        "d'acquérir la parcelle. N° 2024-22 Tarifs de la cantine scolaire "
                        "Monsieur le Maire propose de maintenir les tarifs. Le conseil municipal, "
                        "à l'unanimité, approuve les tarifs.");
  EXPECT_EQ(Heads(p.record), (Strings{"2024-21 | Achat d'un terrain rue des Acacias",
                                      "2024-22 | Tarifs de la cantine scolaire"}));
}

// A title with neither rank nor number, between a sentence's end and the
// mayor's report; the excerpt ends inside that item: the act is kept with
// its title. An adverb that opens a sentence is no title.
TEST(SegmentActs, BareTitleRunOnInAFlattenedPage) {
  Processed p = Process(std::string(kFlattenedSession) +
                        "Ensuite Monsieur le Maire informe le conseil des travaux de la rue "
                        "Haute. Rénovation de la salle des fêtes Monsieur le Maire rappelle au "
                        "conseil municipal sa décision de rénover la salle des fêtes dans l'ann");
  EXPECT_EQ(Heads(p.record), (Strings{"null | Rénovation de la salle des fêtes"}));
}

// A heading in capitals wrapped with an empty line between its lines, as
// some registers print them: the lone line in capitals below is the
// title's end. Not a section word ("EXPOSE"), nor the line below a short
// heading.
TEST(SegmentActs, TitleInCapitalsWrappedPastAnEmptyLine) {
  Processed p = Process(
      std::string(kHead) +
      "2024.03.11 - 1  ADMISSION EN NON-VALEUR DE TITRES DE RECETTES DES EXERCICES ANCIENS\n"
      "\n"
      "ET TITRES ETEINTS\n"
      "\n"
      "Le trésorier a transmis l'état des titres de recettes qu'il n'a pu recouvrer malgré\n"
      "les poursuites engagées, pour un montant total de mille deux cents euros en tout.\n"
      "LE CONSEIL MUNICIPAL, A L'UNANIMITE, ADMET EN NON-VALEUR LES TITRES PRESENTES.\n"
      "\n"
      "2024.03.11 - 2  CONVENTION DE MISE A DISPOSITION DES LOCAUX DE L'ECOLE PRIMAIRE\n"
      "\n"
      "EXPOSE\n"
      "\n"
      "L'association des parents d'élèves demande à utiliser les locaux de l'école pour\n"
      "ses réunions mensuelles, le soir, hors du temps scolaire, tout au long de l'année.\n"
      "LE CONSEIL MUNICIPAL, A L'UNANIMITE, APPROUVE LA CONVENTION DE MISE A DISPOSITION.\n"
      "\n"
      "2024.03.11 - 3  TARIFS DE LA CANTINE\n"
      "\n"
      "REPAS DES ENFANTS\n"
      "\n"
      "Le prix du repas servi aux enfants de l'école est maintenu au tarif de l'an passé.\n"
      "LE CONSEIL MUNICIPAL, A L'UNANIMITE, FIXE LE PRIX DU REPAS A TROIS EUROS CINQUANTE.\n");
  EXPECT_EQ(Heads(p.record),
            (Strings{"2024.03.11 - 1 | ADMISSION EN NON-VALEUR DE TITRES DE RECETTES DES EXERCICES "
                     "ANCIENS ET TITRES ETEINTS",
                     "2024.03.11 - 2 | CONVENTION DE MISE A DISPOSITION DES LOCAUX DE L'ECOLE "
                     "PRIMAIRE",
                     "2024.03.11 - 3 | TARIFS DE LA CANTINE"}));
}

// An object printed over lines above the act's header labels ("Projet de
// délibération : …", "Rapporteur : …"): every line above them is the
// title's, even after a line that ends with a period.
TEST(SegmentActs, ObjectTitleRunsDownToTheHeaderLabels) {
  Processed p = Process(
      std::string(kHead) +
      "Objet : Apposition d'une plaque commémorative en hommage à Jeanne et Paul FABRE, 12, rue\n"
      "des Tanneurs (3e)\n"
      "Projet de délibération : 2024 DAC 41\n"
      "Rapporteure : Irène CAZALIS\n"
      "\n"
      "Il est proposé d'apposer une plaque sur la façade de l'immeuble où vécurent les époux.\n"
      "La délibération est adoptée à l'unanimité.\n"
      "\n"
      "Objet : Marché couvert de la place Neuve (3e).\n"
      "Convention d'occupation avec l'association des commerçants\n"
      "Projet de délibération : 2024 DAE 12\n"
      "\n"
      "Il est proposé de signer la convention d'occupation du marché couvert pour trois ans.\n"
      "La délibération est adoptée à l'unanimité.\n"
      "\n"
      "Objet : Subvention au club de football\n"
      "Monsieur le Maire présente la demande du club pour la saison qui vient de commencer.\n"
      "Rapporteur : M. Noël DURANTI\n"
      "La délibération est adoptée à l'unanimité.\n");
  std::vector<std::string> titles;
  for (const Act& a : p.record.deliberations) titles.push_back(Opt(a.title));
  EXPECT_EQ(titles,
            (Strings{"Apposition d'une plaque commémorative en hommage à Jeanne et Paul FABRE, 12, "
                     "rue des Tanneurs (3e)",
                     "Marché couvert de la place Neuve (3e). Convention d'occupation avec "
                     "l'association des commerçants",
                     "Subvention au club de football"}));
}

// An excerpt cut inside a word with an accent ("… pré") keeps its last item
// as an act.
TEST(SegmentActs, FileCutInsideAnAccentedWordKeepsItsLastItem) {
  Processed p = Process(std::string(kHead) +
                        "1. Vente du tracteur\n"
                        "Le conseil municipal, à l'unanimité, DÉCIDE de vendre le tracteur.\n"
                        "\n"
                        "2. Révision de la carte communale\n"
                        "Monsieur le Maire informe les conseillers que la mission pré");
  EXPECT_EQ(Heads(p.record),
            (Strings{"null | Vente du tracteur", "null | Révision de la carte communale"}));
}

// Minutes without numbers: the first title line above "Le Maire présente …"
// stays with its act; a report where "le comité" (of a fair) asks something
// gives no article.
TEST(SegmentActs, UnnumberedTitlesOverReportsAndVotes) {
  Processed p = Process(std::string(kHead) +
                        "Travaux de voirie rue des Écoles\n"
                        "Le Maire présente les devis reçus pour la réfection complète de la "
                        "chaussée.\n"
                        "Vote : à l'unanimité\n"
                        "\n"
                        "Subvention au comité des fêtes\n"
                        "Le comité demande une aide pour la fête du village de cet été prochain.\n"
                        "Vote : à l'unanimité\n");
  EXPECT_EQ(Heads(p.record), (Strings{"null | Travaux de voirie rue des Écoles",
                                      "null | Subvention au comité des fêtes"}));
  ASSERT_EQ(p.record.deliberations.size(), 2u);
  EXPECT_TRUE(p.record.deliberations[1].articles.empty());
}

// An infinitive proposal put to the vote: each bullet (any dash glyph) is
// an article.
TEST(SegmentActs, InfinitiveProposalBulletsAreArticles) {
  Processed p = Process(std::string(kHead) +
                        "1. Choix d'un prestataire\n"
                        "M. le Maire sollicite l'accord de l'assemblée pour :\n"
                        "− Retenir l'offre de l'entreprise Martin,\n"
                        "− L'autoriser à signer le marché.\n"
                        "Vote : Pour à l'unanimité\n");
  ASSERT_EQ(p.record.deliberations.size(), 1u);
  EXPECT_EQ(ArticleTexts(p.record.deliberations[0]),
            (Strings{"-: Retenir l'offre de l'entreprise Martin,",
                     "-: L'autoriser à signer le marché."}));
}

// Points printed line after line are a list (here the points added to the
// agenda): the agreement under the list decides on the agenda, and the list
// makes no act. The same points below, each over its report, are the acts.
TEST(SegmentActs, PointsPrintedLineAfterLineAreAList) {
  Processed p = Process(std::string(kHead) +
                        "Le Maire demande d'ajouter deux points à l'ordre du jour :\n"
                        "1. ACHAT D'UN TRACTEUR\n"
                        "2. VENTE DE BOIS DE CHAUFFAGE\n"
                        "Accord du conseil à l'unanimité.\n"
                        "\n"
                        "1. ACHAT D'UN TRACTEUR\n"
                        "Le Maire présente les trois devis reçus pour un tracteur d'occasion.\n"
                        "Le conseil municipal, à l'unanimité, approuve l'achat.\n"
                        "\n"
                        "2. VENTE DE BOIS DE CHAUFFAGE\n"
                        "Le Maire rappelle le prix du stère fixé l'an dernier.\n"
                        "Le conseil municipal, à l'unanimité, approuve la vente.\n");
  EXPECT_EQ(Heads(p.record),
            (Strings{"null | ACHAT D'UN TRACTEUR", "null | VENTE DE BOIS DE CHAUFFAGE"}));
  ASSERT_EQ(p.record.deliberations.size(), 2u);
  EXPECT_EQ(ArticleTexts(p.record.deliberations[0]), Strings{"-: approuve l'achat."});
}

// A title in capitals does not run on into the rank that opens the next
// line ("1. SECTION …" is the first part of the act's body).
TEST(SegmentActs, CapitalTitleStopsAtARankBelow) {
  Processed p = Process(std::string(kHead) +
                        "DÉLIBÉRATION N° 2024-07 : BUDGET PRIMITIF 2024\n"
                        "1. SECTION DE FONCTIONNEMENT\n"
                        "Les dépenses et les recettes s'équilibrent à 812 000 euros.\n"
                        "Le conseil municipal, à l'unanimité, adopte le budget primitif 2024.\n");
  EXPECT_EQ(Heads(p.record), Strings{"2024-07 | BUDGET PRIMITIF 2024"});
}

// A point's title may open with a noun that reads like an operative verb
// ("VOTE DES TAUX", "Demande de subvention"): it is an act's title, not an
// article. The verb itself ("2. DÉCIDE de …") is an article.
TEST(SegmentActs, NounThatReadsLikeAVerbHeadsATitle) {
  Processed p = Process(std::string(kHead) +
                        "3. VOTE DES TAUX D'IMPOSITION\n"
                        "Le Maire rappelle les taux de l'an dernier.\n"
                        "Adopté à l'unanimité.\n"
                        "\n"
                        "4. Demande de subvention pour le préau\n"
                        "Le Maire présente le plan de financement du préau de l'école.\n"
                        "Adopté à l'unanimité.\n");
  EXPECT_EQ(Heads(p.record), (Strings{"null | VOTE DES TAUX D'IMPOSITION",
                                      "null | Demande de subvention pour le préau"}));
}

// A proposal of the mayor in running text, then its vote: the proposal,
// from its "de", is the article. A proposal to move on to the vote is not.
TEST(SegmentActs, ProposalInRunningTextThenItsVoteIsTheArticle) {
  Processed p = Process(std::string(kHead) +
                        "1. Location de la salle des fêtes\n"
                        "Le prix de la location n'a pas changé depuis 2019.\n"
                        "Monsieur le Maire propose au conseil de porter le prix à 150 € par jour.\n"
                        "Adopté par 11 voix pour et 2 voix contre.\n"
                        "\n"
                        "2. Motion sur la ligne de bus\n"
                        "Le Maire lit la motion et propose de passer au vote.\n"
                        "Adopté à l'unanimité.\n");
  ASSERT_EQ(p.record.deliberations.size(), 2u);
  EXPECT_EQ(ArticleTexts(p.record.deliberations[0]),
            Strings{"-: de porter le prix à 150 € par jour."});
  EXPECT_TRUE(p.record.deliberations[1].articles.empty());
}

// A proposal reported by its rapporteur, with no one named it is put to
// ("il signale qu'il est proposé d'attribuer …"), then its vote, gives the
// article; a relative clause ("dont il est proposé de …") proposes nothing.
TEST(SegmentActs, ReportedProposalThenItsVoteIsTheArticle) {
  Processed p =
      Process(std::string(kHead) +
              "Objet : Subvention au club de judo\n"
              "Rapporteur : Mme Nadia FERRAND\n"
              "Mme FERRAND rappelle que le club accueille 80 enfants.\n"
              "Elle indique qu'il est proposé d'attribuer au club une subvention de 900 €.\n"
              "La délibération est adoptée à l'unanimité.\n"
              "\n"
              "Objet : Subventions aux associations sportives\n"
              "Rapporteur : Mme Nadia FERRAND\n"
              "Parmi les clubs dont il est proposé de soutenir le projet, elle cite\n"
              "le club de tennis et le cercle d'escrime.\n"
              "La délibération est adoptée à l'unanimité.\n");
  ASSERT_EQ(p.record.deliberations.size(), 2u);
  EXPECT_EQ(ArticleTexts(p.record.deliberations[0]),
            Strings{"-: d'attribuer au club une subvention de 900 €."});
  EXPECT_TRUE(p.record.deliberations[1].articles.empty());
}

// The sitting's own business is no act even where the body numbers it as
// a deliberation (../SPEC.md); the acts around it keep their numbers, and an
// annual activity report ("compte rendu annuel") is still an act.
TEST(SegmentActs, NumberedSittingBusinessIsNoAct) {
  Processed p = Process(std::string(kHead) +
                        "Objet : Désignation de la secrétaire de séance\n"
                        "Projet de délibération : MA 2031\n"
                        "Mme Inès CARON est désignée secrétaire de séance.\n"
                        "\n"
                        "Objet : Adoption de la procédure d'urgence\n"
                        "Projet de délibération : MA 2032\n"
                        "La procédure d'urgence est adoptée à l'unanimité.\n"
                        "\n"
                        "Objet : Approbation du compte de la séance du conseil du 4 mars\n"
                        "Projet de délibération : MA 2033\n"
                        "Le procès-verbal est adopté à l'unanimité.\n"
                        "\n"
                        "Objet : Approbation du compte rendu annuel du délégataire de l'eau\n"
                        "Projet de délibération : 2031 DEVE 12\n"
                        "La délibération est adoptée à l'unanimité.\n");
  ASSERT_EQ(p.record.deliberations.size(), 1u);
  EXPECT_EQ(p.record.deliberations[0].title,
            "Approbation du compte rendu annuel du délégataire de l'eau");
}

// "Il est demandé aux membres du conseil de bien vouloir <infinitive>" is a
// proposal too, its article from the infinitive on; asking the council to
// adopt "la présente délibération" says nothing of what.
TEST(SegmentActs, RequestToTheCouncilIsAProposal) {
  Processed p = Process(std::string(kHead) +
                        "DL-056-07-24 - Création de deux postes d'adjoint technique\n"
                        "Il est demandé aux membres du conseil municipal de bien vouloir décider "
                        "la création de deux postes d'adjoint technique.\n"
                        "DECISION :\n"
                        "Les membres du conseil municipal adoptent, à l'unanimité, la présente "
                        "délibération.\n"
                        "\n"
                        "DL-057-07-24 - Réaménagement du gymnase\n"
                        "Il est demandé au conseil municipal de bien vouloir adopter la présente "
                        "délibération.\n"
                        "DECISION :\n"
                        "Les membres du conseil municipal adoptent, à l'unanimité, la présente "
                        "délibération.\n");
  ASSERT_EQ(p.record.deliberations.size(), 2u);
  EXPECT_EQ(ArticleTexts(p.record.deliberations[0]),
            Strings{"-: décider la création de deux postes d'adjoint technique."});
  EXPECT_TRUE(p.record.deliberations[1].articles.empty());
}

// An "Objet :" title cut after a word that never ends a title goes on with
// the next line, capitalised as it may be, under a number or alone.
TEST(SegmentActs, ObjectTitleCutAfterAPreposition) {
  Processed p = Process(std::string(kHead) +
                        "Délibération D2024-70\n"
                        "Objet : demande de subvention exceptionnelle au comité des fêtes pour\n"
                        "Noël\n"
                        "Le conseil municipal, à l'unanimité, APPROUVE une subvention de 80 €.\n"
                        "\n"
                        "Délibération D2024-71\n"
                        "Objet : clôture de l'autorisation de programme et des crédits de\n"
                        "Paiements du Carré des Forges\n"
                        "Le conseil municipal, à l'unanimité, APPROUVE la clôture.\n");
  EXPECT_EQ(
      Heads(p.record),
      (Strings{"D2024-70 | demande de subvention exceptionnelle au comité des fêtes pour Noël",
               "D2024-71 | clôture de l'autorisation de programme et des crédits de "
               "Paiements du Carré des Forges"}));
}

// The mayor's decisions under the council's delegation, reported to it, are
// no act even numbered; the deliberation that grants the delegation is one.
TEST(SegmentActs, DecisionsTakenUnderDelegationAreNoAct) {
  Processed p = Process(std::string(kHead) +
                        "2024.03.11 - 11  TARIFS DE LA CANTINE\n"
                        "Le conseil municipal, à l'unanimité, FIXE le prix du repas à 3 €.\n"
                        "\n"
                        "2024.03.11 - 12  DELEGATION AU MAIRE - ARTICLE L-2122.22 DU CODE\n"
                        "Conformément à la délibération du 7 avril 2020 m'accordant délégation, "
                        "les arrêtés suivants ont été pris :\n"
                        "- location d'une chambre rue des Écoles, loyer fixé à 50 € par mois ;\n"
                        "- le devis de l'entreprise Roux pour le chauffage est accepté.\n"
                        "\n"
                        "2024.03.11 - 13  DÉLÉGATION AU MAIRE - ARTICLE L-2122.22 DU CODE\n"
                        "Le conseil municipal, à l'unanimité, DÉCIDE de donner délégation au "
                        "Maire pour la durée du mandat.\n");
  ASSERT_EQ(p.record.deliberations.size(), 2u);
  EXPECT_EQ(p.record.deliberations[1].number, "2024.03.11 - 13");
}

// Dash bullets glued to their word ("-de fixer", as typed or as OCR reads
// them) and clauses opening with "que" are articles; "Délibération prise
// en ce sens." closes the operative part.
TEST(SegmentActs, GluedDashBulletsAndQueClauses) {
  Processed p = Process(std::string(kHead) +
                        "1. Tarifs de la cantine\n"
                        "Le conseil municipal après vote à l'unanimité DECIDE :\n"
                        "-de fixer le prix du repas à 3,20 €,\n"
                        "-que la recette sera inscrite au budget de l'exercice.\n"
                        "Délibération prise en ce sens.\n");
  ASSERT_EQ(p.record.deliberations.size(), 1u);
  EXPECT_EQ(ArticleTexts(p.record.deliberations[0]),
            (Strings{"-: de fixer le prix du repas à 3,20 €,",
                     "-: que la recette sera inscrite au budget de l'exercice."}));
}

// A proposal's numbered clauses ("1°) d'autoriser …") are inside their act:
// they end nothing, and the vote below them is the act's. A sum with its
// cents alone on its line (a table's cell) is no act number.
TEST(SegmentActs, NumberedProposalClausesStayInTheirAct) {
  Processed p = Process(std::string(kHead) +
                        "2024.03.11 - 4  VENTE D'UN TERRAIN RUE DES FORGES\n"
                        "\n"
                        "Le conseil a accepté en 2019 une servitude sur la parcelle voisine.\n"
                        "Il est proposé au conseil municipal :\n"
                        "\n"
                        "1°) d'autoriser la vente de la parcelle AB 12 au prix de 15 euros le m².\n"
                        "\n"
                        "2°) d'autoriser Monsieur le Maire à signer l'acte.\n"
                        "\n"
                        "LE CONSEIL MUNICIPAL, A L'UNANIMITE, ACCEPTE CES PROPOSITIONS\n"
                        "\n"
                        "2024.03.11 - 5  SUBVENTIONS AUX ASSOCIATIONS\n"
                        "Le détail des sommes versées :\n"
                        "\n"
                        "2212.50\n"
                        "\n"
                        "LE CONSEIL MUNICIPAL, A L'UNANIMITE, ACCEPTE CETTE PROPOSITION\n");
  EXPECT_EQ(Heads(p.record), (Strings{"2024.03.11 - 4 | VENTE D'UN TERRAIN RUE DES FORGES",
                                      "2024.03.11 - 5 | SUBVENTIONS AUX ASSOCIATIONS"}));
  ASSERT_EQ(p.sections.acts.size(), 2u);
  const ActSpan& first = p.sections.acts[0];
  EXPECT_NE(p.text.substr(first.begin, first.end - first.begin).find("ACCEPTE CES PROPOSITIONS"),
            std::string::npos);
}

// "Il est proposé au conseil municipal :" announces the decision's clauses,
// ranked ("1°)", "2.") or bulleted: each is an article, and a rank inside an
// article stays in its text. A decision that only accepts "cette
// proposition" takes its article from the proposal above it.
TEST(SegmentActs, ProposalsPutToTheCouncilGiveTheArticles) {
  Processed p = Process(std::string(kHead) +
                        "2024.03.11 - 6  CESSION D'UN CHEMIN RURAL\n"
                        "Après enquête publique, il est proposé au conseil municipal :\n"
                        "\n"
                        "1°) d'approuver la cession du chemin rural dit des Combes ;\n"
                        "\n"
                        "2°) d'autoriser le Maire à signer l'acte, aux conditions suivantes : 1) "
                        "frais à la charge de l'acquéreur.\n"
                        "\n"
                        "LE CONSEIL MUNICIPAL, A L'UNANIMITE, ACCEPTE CES PROPOSITIONS\n"
                        "\n"
                        "2024.03.11 - 7  SUBVENTION AU CLUB DE JUDO\n"
                        "Il est proposé au conseil municipal, en accord avec la commission des "
                        "finances, d'attribuer une subvention de 800 € au club de judo.\n"
                        "\n"
                        "LE CONSEIL MUNICIPAL, A L'UNANIMITE, ACCEPTE CETTE PROPOSITION\n"
                        "\n"
                        "2024.03.11 - 8  MARCHÉ DE VOIRIE\n"
                        "Il est proposé au conseil municipal d'autoriser le Maire :\n"
                        "1.  à signer le marché avec l'entreprise retenue ;\n"
                        "2.  à solliciter les subventions.\n"
                        "\n"
                        "LE CONSEIL MUNICIPAL, A L'UNANIMITE, ACCEPTE CES PROPOSITIONS\n");
  ASSERT_EQ(p.record.deliberations.size(), 3u);
  EXPECT_EQ(ArticleTexts(p.record.deliberations[0]),
            (Strings{"-: d'approuver la cession du chemin rural dit des Combes ;",
                     "-: d'autoriser le Maire à signer l'acte, aux conditions suivantes : 1) "
                     "frais à la charge de l'acquéreur."}));
  EXPECT_EQ(ArticleTexts(p.record.deliberations[1]),
            Strings{"-: d'attribuer une subvention de 800 € au club de judo."});
  EXPECT_EQ(ArticleTexts(p.record.deliberations[2]),
            Strings{"-: d'autoriser le Maire : 1. à signer le marché avec l'entreprise retenue ; "
                    "2. à solliciter les subventions."});
}

// The proposal in other tenses and with an adverb ("il vous est proposé",
// "il est donc proposé", "Il vous serait alors proposé"); "CES
// PROPOSITIONS" accepts every proposal above it, in order.
TEST(SegmentActs, ProposalsInEveryWordingAndAllOfThemAccepted) {
  Processed p = Process(std::string(kHead) +
                        "2024.03.11 - 1  ADOPTION DU BUDGET DU CCAS\n"
                        "Il vous est proposé d'approuver le budget du centre communal d'action "
                        "sociale.\n"
                        "\n"
                        "LE CONSEIL MUNICIPAL, A L'UNANIMITE, ACCEPTE CETTE PROPOSITION\n"
                        "\n"
                        "2024.03.11 - 2  ADMISSION EN NON-VALEUR\n"
                        "Il est proposé au conseil municipal d'admettre en non-valeur les titres "
                        "de 2019.\n"
                        "Il est également proposé au conseil municipal d'éteindre les créances de "
                        "2020.\n"
                        "\n"
                        "LE CONSEIL MUNICIPAL, A L'UNANIMITE, ACCEPTE CES PROPOSITIONS\n"
                        "\n"
                        "2024.03.11 - 3  TAXE SUR LES ABRIS DE JARDIN\n"
                        "Si le conseil en est d'accord, il vous serait alors proposé d'exonérer "
                        "les abris de jardin.\n"
                        "\n"
                        "LE CONSEIL MUNICIPAL, A L'UNANIMITE, ACCEPTE CETTE PROPOSITION\n");
  ASSERT_EQ(p.record.deliberations.size(), 3u);
  EXPECT_EQ(ArticleTexts(p.record.deliberations[0]),
            Strings{"-: d'approuver le budget du centre communal d'action sociale."});
  EXPECT_EQ(ArticleTexts(p.record.deliberations[1]),
            (Strings{"-: d'admettre en non-valeur les titres de 2019.",
                     "-: d'éteindre les créances de 2020."}));
  EXPECT_EQ(ArticleTexts(p.record.deliberations[2]), Strings{"-: d'exonérer les abris de jardin."});
}

// The sections after the acts that hold none of the assembly's acts end the
// last act: its wishes, another body's deliberations given for information
// (not voted: the items under them are no acts), miscellaneous questions.
TEST(SegmentActs, ClosingSectionsEndTheLastAct) {
  Processed p = Process(std::string(kHead) +
                        "Objet : Subvention au club de judo\n"
                        "Projet de délibération : 2024 DJS 12\n"
                        "\n"
                        "Il est proposé d'attribuer une subvention de 800 € au club.\n"
                        "La délibération est adoptée à l'unanimité.\n"
                        "\n"
                        "Pour information – Délibérations du Conseil départemental concernant\n"
                        "la commune (non soumises au vote)\n"
                        "\n"
                        "Objet : Subvention au collège Jean Moulin\n"
                        "Projet de délibération : 2024 DASCO 3-G\n"
                        "\n"
                        "Vœux du conseil municipal\n"
                        "\n"
                        "Vœu présenté par les élus du groupe écologiste relatif aux arbres\n"
                        "Le conseil municipal émet le vœu que les arbres de la place soient "
                        "conservés.\n"
                        "Le vœu est adopté à la majorité.\n");
  EXPECT_EQ(Heads(p.record), Strings{"2024 DJS 12 | Subvention au club de judo"});
  ASSERT_EQ(p.record.deliberations.size(), 1u);
  const Act& a = p.record.deliberations[0];
  EXPECT_EQ(ArticleTexts(a), Strings{"-: d'attribuer une subvention de 800 € au club."});
  EXPECT_EQ(Opt(a.vote.mode), "unanimity");
}

// A budget account ("Article 2315 : …") and a law's article quoted at a
// line's head ("article 88 alinéa 3, précise") are no articles of the act.
TEST(SegmentActs, AccountsAndQuotedLawArticlesAreNoArticles) {
  Processed p = Process(std::string(kHead) +
                        "2024.03.11 - 9  DECISION MODIFICATIVE N° 2\n"
                        "La loi du 26 janvier 1984, en son\n"
                        "article 88 alinéa 3, précise que les primes sont fixées par l'assemblée.\n"
                        "Le conseil municipal, à l'unanimité, ACCEPTE l'inscription des crédits "
                        "ci-après :\n"
                        "Article 2315 : Installations, matériel et outillage : 3 000 €\n"
                        "Article 21718 : Autres terrains : 1 500 €\n");
  ASSERT_EQ(p.record.deliberations.size(), 1u);
  const Act& a = p.record.deliberations[0];
  ASSERT_FALSE(a.articles.empty());
  for (const Article& art : a.articles) EXPECT_FALSE(art.number.has_value()) << art.text;
  EXPECT_EQ(a.articles[0].text.rfind("ACCEPTE l'inscription des crédits", 0), 0u)
      << a.articles[0].text;
}

// A visa whose line lost its final comma ends where the report begins: the
// head of the assembly speaking ("Monsieur le maire rappelle", in any case),
// "Suite à …", or a sentence after its period ("… (CGCT). Dans ce but").
TEST(SegmentActs, VisaEndsWhereTheReportBegins) {
  Processed p = Process(
      std::string(kHead) +
      "3.    ALSH : AVENANT N° 1 A LA CONVENTION D'ENTENTE\n"
      "Vu la délibération du conseil municipal en date du 12 mars 2019\n"
      "Monsieur le maire rappelle que les communes ont mutualisé leurs accueils de loisirs.\n"
      "Accord du conseil à l'unanimité.\n"
      "\n"
      "4.    RELAIS ASSISTANTES MATERNELLES\n"
      "Vu la délibération du conseil d'administration en date du 10 décembre 2019\n"
      "Suite à la reprise du relais, il convient de signer une convention de partenariat.\n"
      "Accord du conseil à l'unanimité.\n"
      "\n"
      "5.    BILAN DES ACQUISITIONS ET CESSIONS\n"
      "Vu l'article L 2241-1 du Code général des collectivités territoriales (CGCT), qui prévoit "
      "la communication des mutations immobilières. Dans ce but, le conseil délibère chaque année "
      "sur le bilan.\n"
      "Le conseil municipal, à l'unanimité, prend acte du bilan.\n");
  ASSERT_EQ(p.record.deliberations.size(), 3u);
  EXPECT_EQ(p.record.deliberations[0].visas,
            Strings{"Vu la délibération du conseil municipal en date du 12 mars 2019"});
  EXPECT_EQ(p.record.deliberations[1].visas,
            Strings{"Vu la délibération du conseil d'administration en date du 10 décembre 2019"});
  EXPECT_EQ(p.record.deliberations[2].visas,
            Strings{"Vu l'article L 2241-1 du Code général des collectivités territoriales "
                    "(CGCT), qui prévoit la communication des mutations immobilières"});
}

// An extract whose header numbers its one act: the short lines of its
// report are the report's sub-headings, not acts.
TEST(SegmentActs, ReportSubHeadingsOfANumberedExtractAreNoActs) {
  Processed p = Process(
      "DELIBERATION du CONSEIL MUNICIPAL\n"
      "Séance du lundi 11 mars 2024\n"
      "\n"
      "N° 2024.03.11 - Subvention à l'association Eau pour tous\n"
      "\n"
      "Présents :\n"
      "Louis BARTHAS, Irène CAZALIS, Noël DURANTI\n"
      "\n"
      "Secrétaire de séance : Irène CAZALIS\n"
      "\n"
      "EXPOSE\n"
      "\n"
      "Rappel du contexte\n"
      "La commune soutient depuis 2009 des projets d'accès à l'eau potable dans le monde entier.\n"
      "Motivation de la décision\n"
      "Le projet prévoit un forage et un château d'eau pour alimenter un village et son école.\n"
      "\n"
      "LE CONSEIL MUNICIPAL, APRÈS EN AVOIR DÉLIBÉRÉ, DÉCIDE d'attribuer une subvention de "
      "4 000 €.\n");
  EXPECT_EQ(Heads(p.record), Strings{"2024.03.11 | Subvention à l'association Eau pour tous"});
}

// A part of the agenda ("1. Intercommunalité") over its ranked sub-points
// ("1-1 …", "1.2 …"): each sub-point that decides is an act, the part none.
TEST(SegmentActs, SubPointsUnderAPartOfTheAgenda) {
  Processed p = Process(std::string(kHead) +
                        "1. Intercommunalité\n"
                        "\n"
                        "1-1 Modification des statuts de la communauté\n"
                        "\n"
                        "Le conseil municipal, à l'unanimité, approuve les statuts.\n"
                        "\n"
                        "1.2 Transfert de la compétence eau\n"
                        "\n"
                        "Le conseil municipal, à l'unanimité, approuve le transfert.\n");
  EXPECT_EQ(Heads(p.record), (Strings{"null | Modification des statuts de la communauté",
                                      "null | Transfert de la compétence eau"}));
}

// Points ranked "1)": the rank glued to its title; a noun that reads like a
// verb heads a title when no determiner follows it ("Vote subvention …");
// a table's row of figures ("65 - 65738") is no point.
TEST(SegmentActs, PointsGluedToTheirRankAndRowsOfFigures) {
  Processed p = Process(std::string(kHead) +
                        "1)Autorisation de signature de la convention\n"
                        "Le conseil municipal AUTORISE le Maire à signer la convention\n"
                        "Délibération adoptée par 14 voix POUR\n"
                        "2) Vote subvention Collège Jean Moulin\n"
                        "Le conseil municipal ACCEPTE de verser une subvention de 380 €.\n"
                        "Chapitre et article\n"
                        "65 - 65738\n"
                        "380.00 €\n"
                        "Délibération adoptée par 14 voix POUR\n"
                        "3) Inscription de crédits au budget annexe\n"
                        "Le conseil municipal ACCEPTE l'inscription des crédits.\n"
                        "Délibération adoptée par 14 voix POUR\n");
  EXPECT_EQ(Heads(p.record), (Strings{"null | Autorisation de signature de la convention",
                                      "null | Vote subvention Collège Jean Moulin",
                                      "null | Inscription de crédits au budget annexe"}));
  // The vote's record line ends the article.
  ASSERT_EQ(p.record.deliberations.size(), 3u);
  EXPECT_EQ(ArticleTexts(p.record.deliberations[0]),
            Strings{"-: AUTORISE le Maire à signer la convention"});
}

// The decision that accepts the proposals closes their list ("DECISION : le
// Conseil Municipal accepte …"), and may carry the vote's mode ("ACCEPTE
// CETTE PROPOSITION A LA MAJORITE").
TEST(SegmentActs, DecisionAcceptingTheProposalsClosesThem) {
  Processed p = Process(std::string(kHead) +
                        "1 – N° 2024-011 - Compte de gestion 2023\n"
                        "Il est proposé au conseil municipal :\n"
                        "* d'approuver le compte de gestion de l'exercice 2023.\n"
                        "* d'autoriser le Maire à signer toutes pièces utiles\n"
                        "DECISION : le Conseil Municipal accepte à l'unanimité, les propositions "
                        "ci-dessus.\n"
                        "\n"
                        "2 – N° 2024-012 - Statuts de la communauté\n"
                        "Il est proposé au conseil municipal d'approuver les nouveaux statuts.\n"
                        "\n"
                        "LE CONSEIL MUNICIPAL ACCEPTE CETTE PROPOSITION A LA MAJORITE\n");
  ASSERT_EQ(p.record.deliberations.size(), 2u);
  EXPECT_EQ(ArticleTexts(p.record.deliberations[0]),
            (Strings{"-: d'approuver le compte de gestion de l'exercice 2023.",
                     "-: d'autoriser le Maire à signer toutes pièces utiles"}));
  EXPECT_EQ(ArticleTexts(p.record.deliberations[1]),
            Strings{"-: d'approuver les nouveaux statuts."});
}

// A title alone over its report may be wrapped over two lines when its
// reference is printed under it, as on any page printed or scanned.
TEST(SegmentActs, WrappedTitleOverItsReference) {
  Processed p = Process(std::string(kHead) + "Secrétaire de séance : Mme Irène CAZALIS.\n\n" +
                        "Réfection du chemin des Vignes : avenant n° 1 au marché des travaux de\n"
                        "voirie communale.\n"
                        "\n"
                        "Réf. 2024/03/07\n"
                        "\n"
                        "Monsieur le Maire explique que les travaux ont demandé une reprise.\n"
                        "Le conseil municipal, à l'unanimité, approuve l'avenant.\n");
  EXPECT_EQ(Heads(p.record), Strings{"2024/03/07 | Réfection du chemin des Vignes : avenant n° 1 "
                                     "au marché des travaux de voirie communale"});
}

// A deliberation's prefix before "n°" ("DCM n°2024-12 - …"): the number
// and the title on the heading's line.
TEST(SegmentActs, PrefixThenNumeroHeading) {
  Processed p = Process(std::string(kHead) + "Secrétaire de séance : Mme Irène CAZALIS.\n\n" +
                        "DCM n°2024-12 - Vente de la maison forestière\n"
                        "Le Maire présente l'offre reçue.\n"
                        "Le conseil municipal, à l'unanimité, approuve la vente.\n"
                        "\n"
                        "DEL n° 2024-13 : Tarifs de l'eau\n"
                        "Le conseil municipal, à l'unanimité, fixe les tarifs.\n");
  EXPECT_EQ(Heads(p.record),
            (Strings{"2024-12 | Vente de la maison forestière", "2024-13 | Tarifs de l'eau"}));
}

// "Vu" followed by a preposition or a conjunction is a verb in the report
// ("Vu avec l'association …"), not a recital; "Vu le code …" is one.
TEST(SegmentActs, VuAsAVerbIsNoVisa) {
  Processed p = Process(std::string(kHead) +
                        "1. Plantation d'un verger\n"
                        "Vu avec l'association des Croqueurs de pommes : vingt arbres.\n"
                        "Vu le code général des collectivités territoriales ;\n"
                        "Le conseil municipal, à l'unanimité, approuve la plantation.\n");
  ASSERT_EQ(p.record.deliberations.size(), 1u);
  EXPECT_EQ(p.record.deliberations[0].visas,
            Strings{"Vu le code général des collectivités territoriales"});
}

// An object that ends with a colon is the heading of a matter; the act's
// subject is the bullet below it.
TEST(SegmentActs, ObjectHeadingOverABulletedSubject) {
  Processed p = Process(std::string(kHead) +
                        "OBJET : Finances communales :\n"
                        "\n"
                        "➢ Vote des taux d'imposition 2025\n"
                        "\n"
                        "Le Maire expose qu'il convient de voter les taux.\n"
                        "Le conseil municipal, à l'unanimité, DÉCIDE de maintenir les taux.\n");
  ASSERT_EQ(p.record.deliberations.size(), 1u);
  EXPECT_EQ(Opt(p.record.deliberations[0].title), "Vote des taux d'imposition 2025");
}

}  // namespace
}  // namespace delibex
