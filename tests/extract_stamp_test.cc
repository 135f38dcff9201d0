// Prefecture stamps and @CTES identifiers: each phrasing family of
// patterns/stamp.pcre, the grouping of mentions into stamps, their spans, the
// OCR repairs, and the phrasings that must not make a stamp. The SIRENs below
// are invented (Luhn-valid).
#include "extract/stamp.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace delibex {
namespace {

const PatternSet& P() { return PatternSet::Builtin(); }

std::vector<StampFound> Stamps(std::string_view text) { return FindStamps(text, P()); }

std::string Opt(const std::optional<std::string>& s) { return s ? *s : "null"; }

// "sent|received|published|executory|id" for compact comparisons.
std::string Summary(const PrefectureStamp& s) {
  return Opt(s.sent) + "|" + Opt(s.received) + "|" + Opt(s.published) + "|" + Opt(s.executory) +
         "|" + (s.act_id ? s.act_id->id : "null") + (s.simulated ? "|simulated" : "");
}

std::string_view SpanText(std::string_view text, const StampFound& f) {
  return text.substr(f.begin, f.end - f.begin);
}

// ---------------------------------------------------------------- ParseActId

TEST(ParseActId, SplitsTheFiveSegmentsAndDropsTheTransmissionCode) {
  auto id = ParseActId("047-214700254-20240311-2024_031-DE-1-1");
  ASSERT_TRUE(id);
  EXPECT_EQ(id->raw, "047-214700254-20240311-2024_031-DE-1-1");
  EXPECT_EQ(id->id, "047-214700254-20240311-2024_031-DE");
  EXPECT_EQ(id->department, "047");
  EXPECT_EQ(id->siren, "214700254");
  EXPECT_EQ(id->date, "2024-03-11");
  EXPECT_EQ(id->number, "2024_031");
  EXPECT_EQ(id->nature, "DE");
}

TEST(ParseActId, ParsesFromBothEnds) {
  struct Case {
    const char* raw;
    const char* id;
    const char* department;
    const char* number;
    const char* nature;
  };
  const Case cases[] = {
      {"056-225600014-20230915-CP-2023-09-044-DE", "056-225600014-20230915-CP-2023-09-044-DE",
       "056", "CP-2023-09-044", "DE"},
      {"02B-210200127-20250113-DEL-25-01-007-DE-1-1", "02B-210200127-20250113-DEL-25-01-007-DE",
       "02B", "DEL-25-01-007", "DE"},
      {"02A-210200127-20240520-DEL_2024_19-DE", "02A-210200127-20240520-DEL_2024_19-DE", "02A",
       "DEL_2024_19", "DE"},
      {"974-214400939-20240610-ARR-2024-12-AR-1-2", "974-214400939-20240610-ARR-2024-12-AR", "974",
       "ARR-2024-12", "AR"},
      {"031-253110027-20221207-1077-BF", "031-253110027-20221207-1077-BF", "031", "1077", "BF"},
      {"035-200042174-20230410-PV_2023_04-AU", "035-200042174-20230410-PV_2023_04-AU", "035",
       "PV_2023_04", "AU"},
      // An act number that is itself a short figure is kept: the nature
      // stops the transmission code.
      {"044-214400939-20240202-12-CC-1-1", "044-214400939-20240202-12-CC", "044", "12", "CC"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.raw);
    auto id = ParseActId(c.raw);
    ASSERT_TRUE(id);
    EXPECT_EQ(id->id, c.id);
    EXPECT_EQ(id->department, c.department);
    EXPECT_EQ(id->number, c.number);
    EXPECT_EQ(id->nature, c.nature);
  }
}

TEST(ParseActId, RepairsOcrFiguresOnlyWhereFiguresGo) {
  auto id = ParseActId("O47-2l47OO254-2O24O3ll-2O24_O3l-DE");
  ASSERT_TRUE(id);
  EXPECT_EQ(id->id, "047-214700254-20240311-2024_031-DE");
  EXPECT_EQ(id->raw, "047-214700254-20240311-2024_031-DE");
  EXPECT_EQ(id->date, "2024-03-11");
  // Letters of a word in the act number stay letters.
  auto word = ParseActId("047-214700254-20240311-DELIB2O24-DE");
  ASSERT_TRUE(word);
  EXPECT_EQ(word->number, "DELIB2024");
}

TEST(ParseActId, StripsTheFrameAroundIt) {
  auto id = ParseActId("[02B-210200127-20250113-DEL-25-01-007-DE]");
  ASSERT_TRUE(id);
  EXPECT_EQ(id->raw, "02B-210200127-20250113-DEL-25-01-007-DE");
}

TEST(ParseActId, RejectsWhatItCannotReadWithCertainty) {
  const char* bad[] = {
      "D47-214700254-20240311-2024_031-DE",  // department unreadable
      "047-214700254-20240A11-2024_031-DE",  // date unreadable
      "047-214700254-20241311-2024_031-DE",  // no 13th month
      "047-214700255-20240311-2024_031-DE",  // SIREN fails its checksum
      "047-21470025-20240311-2024_031-DE",   // SIREN too short
      "047-214700254-20240311-DE",           // no act number
      "047-214700254-20240311-2024_031",     // no nature
      "047-214700254-20240311-2024_031-de",  // nature in lower case
      "047-214700254-20240311-2024_031-DE-1-1-1",
      "047-214700254-20240311--DE",
      "",
      "ID : rien",
  };
  for (const char* raw : bad) {
    SCOPED_TRACE(raw);
    EXPECT_FALSE(ParseActId(raw));
  }
}

// ------------------------------------------------------- stamp families

TEST(FindStamps, EnvoyeRecuPublieId) {
  std::string text =
      "Fait et délibéré les jour, mois et an susdits.\n"
      "Envoyé en préfecture le 14/03/2024\n"
      "Reçu en préfecture le 14/03/2024\n"
      "Publié le  15/03/24\n"
      "ID : 047-214700254-20240311-2024_031-DE-1-1\n"
      "Le Maire, Odile FERRAND\n";
  auto s = Stamps(text);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(Summary(s[0].stamp),
            "2024-03-14|2024-03-14|2024-03-15|null|047-214700254-20240311-2024_031-DE");
  EXPECT_EQ(s[0].stamp.act_id->raw, "047-214700254-20240311-2024_031-DE-1-1");
  EXPECT_FALSE(s[0].stamp.simulated);
  EXPECT_EQ(SpanText(text, s[0]),
            "Envoyé en préfecture le 14/03/2024\nReçu en préfecture le 14/03/2024\n"
            "Publié le  15/03/24\nID : 047-214700254-20240311-2024_031-DE-1-1");
}

TEST(FindStamps, BlankDateLeavesTheFieldEmptyButInTheSpan) {
  std::string text =
      "Envoyé en préfecture le 02/10/2023\n"
      "Reçu en préfecture le 02/10/2023\n"
      "Publié le\n"
      "ID : 031-253110027-20230928-2023_56-DE\n";
  auto s = Stamps(text);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(Summary(s[0].stamp),
            "2023-10-02|2023-10-02|null|null|031-253110027-20230928-2023_56-DE");
  EXPECT_EQ(s[0].end, text.size() - 1);
}

TEST(FindStamps, MinistryAcknowledgementWithOcrDamage) {
  std::string text =
      "Pour extrait conforme\n\n"
      "Accusé de réception - Ministére de\nl'Intérieur\n\n"
      "[02B-210200127-20250113-DEL-25-01-007-DE\n\n"
      "Accusé certifié exécutoire\n\n"
      "IRéception par le préfet ! 20/01/2025] Publication : 21/01/2025\n\n"
      "Pour l'autorité compétente par délégation\n";
  auto s = Stamps(text);
  ASSERT_EQ(s.size(), 1u);
  // "Accusé certifié exécutoire" has no date: executory stays empty.
  EXPECT_EQ(Summary(s[0].stamp),
            "null|2025-01-20|2025-01-21|null|02B-210200127-20250113-DEL-25-01-007-DE");
  EXPECT_EQ(s[0].begin, text.find("Accusé de réception"));
  EXPECT_EQ(s[0].end, text.find("\n\nPour l'autorité"));
}

TEST(FindStamps, ReceiptBlockWithTeletransmissionDates) {
  std::string text =
      "Accusé de réception en préfecture\n"
      "056-225600014-20230915-CP-2023-09-044-DE\n"
      "Date de télétransmission : 19/09/2023\n"
      "Date de réception préfecture : 20/09/2023\n";
  auto s = Stamps(text);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(Summary(s[0].stamp),
            "2023-09-19|2023-09-20|null|null|056-225600014-20230915-CP-2023-09-044-DE");
  EXPECT_EQ(s[0].begin, 0u);
}

TEST(FindStamps, ExecutoryOneLinerWithLowerCasePublication) {
  std::string text =
      "ONT VOTÉ POUR : 11 CONTRE : 0 ACTE EXÉCUTOIRE Reçu par le représentant de l'Etat le "
      "06/06/2023 et publié le 07/06/2023 Pour extrait conforme";
  auto s = Stamps(text);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(Summary(s[0].stamp), "null|2023-06-06|2023-06-07|null|null");
  EXPECT_EQ(SpanText(text, s[0]),
            "ACTE EXÉCUTOIRE Reçu par le représentant de l'Etat le 06/06/2023 et publié le "
            "07/06/2023");
}

TEST(FindStamps, CertifiedExecutorySentence) {
  std::string text =
      "Le Maire, Paul VIDAL\n"
      "Certifié exécutoire le 12/01/2024, compte tenu de la transmission en préfecture le\n"
      "10/01/2024 et de la publication le 12/01/2024.\n";
  auto s = Stamps(text);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(Summary(s[0].stamp), "2024-01-10|null|2024-01-12|2024-01-12|null");
}

TEST(FindStamps, CertifiedExecutoryByTheMayorWithBlanks) {
  // A printed form left blank: a stamp to cut out, with nothing to say.
  std::string text =
      "Certifié exécutoire par le Maire, compte tenu de la transmission , le et de la "
      "publication le\n";
  auto s = Stamps(text);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(Summary(s[0].stamp), "null|null|null|null|null");
  EXPECT_EQ(s[0].begin, 0u);
  EXPECT_EQ(s[0].end, text.size() - 1);
}

TEST(FindStamps, MayorCertifiesTheExecutoryCharacter) {
  auto s = Stamps(
      "Le Maire certifie sous sa responsabilité le caractère exécutoire de cet acte, transmis en "
      "sous-préfecture le 03/07/2023 et publié le 04/07/2023.");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(Summary(s[0].stamp), "2023-07-03|null|2023-07-04|null|null");
}

TEST(FindStamps, RenderedExecutoryAfterDeposit) {
  auto s = Stamps(
      "Acte rendu exécutoire après dépôt en préfecture le 12/03/2024 et publication le "
      "13/03/2024");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(Summary(s[0].stamp), "2024-03-12|null|2024-03-13|null|null");
}

TEST(FindStamps, ExecutoryWithAndWithoutDate) {
  auto dated = Stamps("Reçu en préfecture le 04/07/2023\nCertifié exécutoire le 06/07/2023\n");
  ASSERT_EQ(dated.size(), 1u);
  EXPECT_EQ(Summary(dated[0].stamp), "null|2023-07-04|null|2023-07-06|null");
  auto undated = Stamps(
      "Acte certifié exécutoire\nRéception par le préfet : 19/03/2024\nPublication : "
      "19/03/2024\nID : 059-214700254-20240314-2024_12-DE\n");
  ASSERT_EQ(undated.size(), 1u);
  EXPECT_EQ(Summary(undated[0].stamp),
            "null|2024-03-19|2024-03-19|null|059-214700254-20240314-2024_12-DE");
  EXPECT_EQ(undated[0].begin, 0u);
}

TEST(FindStamps, SimulatedSending) {
  auto s = Stamps("Envoi simulé le 18/11/2022\nID : 026-253110027-20221116-CS_2022_48-DE\n");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_TRUE(s[0].stamp.simulated);
  EXPECT_EQ(Summary(s[0].stamp),
            "2022-11-18|null|null|null|026-253110027-20221116-CS_2022_48-DE|simulated");
}

TEST(FindStamps, OtherWaysOfSayingSentReceivedPublished) {
  struct Case {
    const char* text;
    const char* summary;
  };
  const Case cases[] = {
      {"Transmis au contrôle de légalité le 09/10/2024\nAffiché le 10/10/2024",
       "2024-10-09|null|2024-10-10|null|null"},
      {"Transmis au représentant de l'État le 05/04/2024\nPublié le 05/04/2024\n"
       "Identifiant : 005-214700254-20240403-B2024_21-DE",
       "2024-04-05|null|2024-04-05|null|005-214700254-20240403-B2024_21-DE"},
      {"Transmis en préfecture le 04/07/2024\n"
       "Publié sur le site internet de la commune le 05/07/2024",
       "2024-07-04|null|2024-07-05|null|null"},
      {"Acte transmis par voie électronique à la sous-préfecture de Lannion le 02/05/2024",
       "2024-05-02|null|null|null|null"},
      {"Reçu à la Préfecture du Gers le 8 mars 2024", "null|2024-03-08|null|null|null"},
      {"RECU EN PREFECTURE LE 05/06/2023\nPUBLIE LE 06/06/2023",
       "null|2023-06-05|2023-06-06|null|null"},
      {"Reçu en préfecture le 02/04/2024 – Publié le 03/04/2024",
       "null|2024-04-02|2024-04-03|null|null"},
      {"Affiché le 1er juillet 2023", "null|null|2023-07-01|null|null"},
      {"Publié le : 04/07/2023", "null|null|2023-07-04|null|null"},
      {"Acte publié le 04/07/2023", "null|null|2023-07-04|null|null"},
      {"Mise en ligne le 7 avril 2023", "null|null|2023-04-07|null|null"},
      {"Mise en ligne sur le site internet du Conseil départemental le 20 novembre 2022",
       "null|null|2022-11-20|null|null"},
      {"Date de publication : 05/02/2024", "null|null|2024-02-05|null|null"},
      {"Date de mise en ligne : 05/02/2024", "null|null|2024-02-05|null|null"},
      {"Date d'envoi en préfecture : 01/02/2024", "2024-02-01|null|null|null|null"},
      {"Date de réception de l'AR : 02/02/2024", "null|2024-02-02|null|null|null"},
      {"Reçu au contrôle de légalité le 02/02/2024", "null|2024-02-02|null|null|null"},
      {"Télétransmis le 12/05/2022", "2022-05-12|null|null|null|null"},
      {"Rendu exécutoire le 04/05/2023", "null|null|null|2023-05-04|null"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    auto s = Stamps(c.text);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(Summary(s[0].stamp), c.summary);
  }
}

// ------------------------------------------------------------- negatives

TEST(FindStamps, RunningTextAndConvocationsAreNoStamps) {
  const char* texts[] = {
      "Date d'affichage de la convocation : 21/06/2024",
      "Date de convocation et d'affichage : 8 février 2024",
      "Date de convocation : 02/02/2024\nDate d'affichage : 02/02/2024",
      "Convocation envoyée le 02/02/2024 et affichée le 02/02/2024",
      "Vu l'avis d'appel public à la concurrence publié le 3 mars 2023 au BOAMP ;",
      "Dit que la présente délibération sera transmise au représentant de l'État.",
      "Le courrier a été adressé par lettre recommandée avec accusé de réception.",
      ("une demande a été déposée, par voie dématérialisée, à la Préfecture de l'Aude, le 5 "
       "novembre 2023"),
      "la présente délibération sera exécutoire dès sa transmission",
      "Vu la délibération 047-214700254-20230112-2023_004-DE du 12 janvier 2023 ;",
      "Publication : bulletin municipal de printemps",
      "Accusé de réception en préfecture",
      "Télétransmis",
  };
  for (const char* t : texts) {
    SCOPED_TRACE(t);
    EXPECT_TRUE(Stamps(t).empty());
  }
}

TEST(FindStamps, LowerCasePublicationFarFromAStampIsNotOne) {
  auto s = Stamps(
      "Reçu en préfecture le 01/02/2024\n\nLe document de synthèse, publié le 03/02/2024, est "
      "annexé.");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(Summary(s[0].stamp), "null|2024-02-01|null|null|null");
}

TEST(FindStamps, DateBeforeTheDecisionIsDropped) {
  auto s = Stamps(
      "Reçu en préfecture le 14/03/2024\nPublié le 04/03/2024\n"
      "ID : 047-214700254-20240311-2024_031-DE\n");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(Summary(s[0].stamp), "null|2024-03-14|null|null|047-214700254-20240311-2024_031-DE");
}

// --------------------------------------------------------- @CTES in text

TEST(FindStamps, BareIdAloneOnItsLineOrBesideAMention) {
  auto alone = Stamps("Pour copie conforme.\n  044-214400939-20240202-12-CC-1-1  \nLe Maire\n");
  ASSERT_EQ(alone.size(), 1u);
  EXPECT_EQ(Summary(alone[0].stamp), "null|null|null|null|044-214400939-20240202-12-CC");
  auto beside = Stamps(
      "Accusé de réception - Ministère de l'Intérieur 02B-210200127-20250113-DEL-25-01-007-DE| P\n"
      "Publication : 20/01/2025");
  ASSERT_EQ(beside.size(), 1u);
  EXPECT_EQ(Summary(beside[0].stamp),
            "null|null|2025-01-20|null|02B-210200127-20250113-DEL-25-01-007-DE");
}

TEST(FindStamps, IdentifierLabels) {
  for (const char* label : {"ID : ", "ID: ", "Identifiant : ", "Identifiant de transmission : ",
                            "ID télétransmission : ", "Identifiant de l'acte : "}) {
    std::string text = std::string("Le Maire signe. ") + label +
                       "063-213501182-20230330-2023_09-BF suite du texte";
    SCOPED_TRACE(text);
    auto s = Stamps(text);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].stamp.act_id->id, "063-213501182-20230330-2023_09-BF");
    EXPECT_EQ(s[0].begin, text.find(label));
  }
}

TEST(FindStamps, OcrDamageRepairedInDatesAndId) {
  auto s = Stamps(
      "Pour copie conforme,\nLe Maire,\n\nReçu en Préfecture le l2/O4/2O24\n"
      "ID : O24-2l47OO254-2O24O4O8-2O24_O2l-DE\n");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(Summary(s[0].stamp), "null|2024-04-12|null|null|024-214700254-20240408-2024_021-DE");
}

TEST(FindStamps, TooDamagedIdMarksTheStampButGivesNoActId) {
  std::string text =
      "OBJET : Finances D25-210200127-20250A13-DEL-25-07-051-DE\n\n"
      "Accusé de réception - Ministère de l'Intérieur\n\n"
      "IRéception par le préfet ! 20/01/2025]\n";
  auto s = Stamps(text);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(Summary(s[0].stamp), "null|2025-01-20|null|null|null");
  EXPECT_EQ(s[0].begin, text.find("D25"));
}

TEST(FindStamps, IdCutByAColumnLayout) {
  std::string text =
      "N° 2024-07 | Objet : Travaux de voirie\n"
      "Transmis en préfecture | Le Maire expose au conseil le projet de voirie\n"
      "le 19/03/2024 | communale, chemin des Vignes.\n"
      "Publié le 19/03/2024 | Le coût est estimé à 12 000 € HT.\n"
      "ID : 044-214400939- | Vu le code général des collectivités territoriales ;\n"
      "20240314-2024_07-DE | Le conseil, à l'unanimité, approuve.\n";
  auto s = Stamps(text);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(Summary(s[0].stamp),
            "2024-03-19|null|2024-03-19|null|044-214400939-20240314-2024_07-DE");
  EXPECT_EQ(s[0].stamp.act_id->raw, "044-214400939-20240314-2024_07-DE");
}

// ------------------------------------------------- grouping and spans

TEST(FindStamps, StampInTheMiddleOfASentenceInADrawnBox) {
  std::string before = "Le conseil décide de solliciter auprès de\n";
  std::string box =
      "   ┌──────────────────────────────────┐\n"
      "   │ Envoyé en préfecture le 20/09/2024 │\n"
      "   │ Reçu en préfecture le 20/09/2024   │\n"
      "   │ ID : 069-214700254-20240917-2024_70-DE │\n"
      "   └──────────────────────────────────┘";
  std::string after = "\nla Région une aide de 30 %.\n";
  std::string text = before + box + after;
  auto s = Stamps(text);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(Summary(s[0].stamp),
            "2024-09-20|2024-09-20|null|null|069-214700254-20240917-2024_70-DE");
  EXPECT_EQ(SpanText(text, s[0]), box);
}

TEST(FindStamps, StampInTheMiddleOfAFlattenedParagraph) {
  std::string text =
      "et autorise le Maire à signer la convention. Reçu en préfecture le 23/10/2023 ID : "
      "079-213501182-20231019-DEL2023_44-DE Fait à Niort, le 20 octobre 2023";
  auto s = Stamps(text);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(SpanText(text, s[0]),
            "Reçu en préfecture le 23/10/2023 ID : 079-213501182-20231019-DEL2023_44-DE");
}

TEST(FindStamps, OneStampPerActOfARegisterPage) {
  std::string text =
      "N° 2023_31 Tarifs de la cantine. Adopté à l'unanimité.\n"
      "Reçu en préfecture le 03/07/2023\nPublié le 04/07/2023\n"
      "ID : 031-253110027-20230629-2023_31-DE\n"
      "N° 2023_32 Subvention au comité des fêtes. Adopté à l'unanimité.\n"
      "Reçu en préfecture le 03/07/2023\nPublié le 04/07/2023\n"
      "ID : 031-253110027-20230629-2023_32-DE\n";
  auto s = Stamps(text);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].stamp.act_id->number, "2023_31");
  EXPECT_EQ(s[1].stamp.act_id->number, "2023_32");
  EXPECT_LT(s[0].end, s[1].begin);
  EXPECT_EQ(s[1].begin, text.rfind("Reçu"));
}

TEST(FindStamps, AStampRepeatedOnEveryPageIsFoundEachTime) {
  std::string stamp =
      "Envoyé en préfecture le 06/03/2023\nReçu en préfecture le 06/03/2023\n"
      "ID : 035-200042174-20230302-PV_2023_03-AU\n";
  std::string page(400, 'x');
  std::string text = stamp + "PROCÈS-VERBAL\n" + page + "\n\n" + stamp + page;
  auto s = Stamps(text);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(Summary(s[0].stamp), Summary(s[1].stamp));
  EXPECT_EQ(s[0].begin, 0u);
  EXPECT_EQ(s[1].begin, text.rfind("Envoyé"));
}

TEST(FindStamps, MentionsFarApartAreSeparateStamps) {
  std::string text =
      "Reçu en préfecture le 03/07/2023\n" + std::string(500, 'x') + "\nPublié le 04/07/2023\n";
  auto s = Stamps(text);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(Summary(s[0].stamp), "null|2023-07-03|null|null|null");
  EXPECT_EQ(Summary(s[1].stamp), "null|null|2023-07-04|null|null");
}

TEST(FindStamps, NoStampNoWork) {
  EXPECT_TRUE(Stamps("").empty());
  EXPECT_TRUE(Stamps("Le conseil municipal approuve le compte administratif 2023.").empty());
}

// ------------------------------------------------------------- patterns

// Each entry of patterns/stamp.pcre on phrasings it must and must not find.
TEST(StampPatterns, PositiveAndNegativeExamples) {
  struct Case {
    const char* pattern;
    const char* text;
    bool found;
  };
  const Case cases[] = {
      {"stamp_header", "Accusé de réception en préfecture", true},
      {"stamp_header", "ACCUSE DE RECEPTION - MINISTERE DE L'INTERIEUR", true},
      {"stamp_header", "envoyé par lettre recommandée avec accusé de réception", false},
      {"stamp_sent", "Envoyé en préfecture le 29/03/2023", true},
      {"stamp_sent", "ENVOYE EN PREFECTURE LE 29/03/2023", true},
      {"stamp_sent", "Déposé en préfecture le 3 avril 2019", true},
      {"stamp_sent", "Envoi simulé le 09/12/2022", true},
      {"stamp_sent", "Date de télétransmission : 14/03/24", true},
      {"stamp_sent", "sera transmise au contrôle de légalité", false},
      {"stamp_sent", "Date de transmission du dossier", false},
      {"stamp_received", "Reçu en sous-préfecture le 07/11/2023", true},
      {"stamp_received", "[Réception par le préfet : 14/04/2025", true},
      {"stamp_received", "Date de réception en préfecture : 14/03/24", true},
      {"stamp_received", "à la réception des travaux", false},
      {"stamp_published", "Publié le 29/03/23", true},
      {"stamp_published", "Affichée le 30 juin 2023", true},
      {"stamp_published", "Date d'affichage : 02/02/2024", true},
      {"stamp_published", "Date d'affichage de la convocation : 21/06/2024", false},
      {"stamp_published", "le rapport publié le 3 mars 2023", false},
      {"stamp_published", "Publications municipales", false},
      {"stamp_published_tail", "et publié le 01/12/2023", true},
      {"stamp_published_tail", "et publié au recueil", false},
      {"stamp_executory", "Certifié exécutoire le 17/07/2023", true},
      {"stamp_executory", "Accusé certifié exécutoire", true},
      {"stamp_executory", "Acte exécutoire", true},
      {"stamp_executory", "la délibération sera exécutoire dès sa publication", false},
      {"stamp_ctes_id", "ID : 082-214700254-20230321-1077-DE-1-1", true},
      {"stamp_ctes_id", "[02B-210200127-20250408-DEL-25-04-031-DE]", true},
      {"stamp_ctes_id", "ID : 2023-045", false},
      {"stamp_ctes_id", "SIRET 214 700 254 00018", false},
      {"stamp_convocation", "Date de convocation : 02/02/2024", true},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.pattern) + ": " + c.text);
    EXPECT_EQ(P()[c.pattern].Contains(c.text), c.found);
  }
}

}  // namespace
}  // namespace delibex
