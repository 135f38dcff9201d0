// extract/session through segment/: short whole documents, written for the
// test, decoded, normalized and segmented as the pipeline does, then the
// session-level fields read: authority and its kind for each kind of body,
// assembly, the sitting (date, time, place, convocation, kind), president,
// secretary, stated counts and quorum. Names, places and SIRENs are invented
// (the SIRENs Luhn-valid).
#include "extract/session.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/ingest.h"
#include "normalize/normalize.h"
#include "segment/segment.h"

namespace delibex {
namespace {

const PatternSet& P() { return PatternSet::Builtin(); }

Record SessionOf(const std::string& text) {
  Result<Document> doc = DecodeText(text);
  EXPECT_TRUE(doc.ok());
  Record r;
  if (!doc.ok()) return r;
  NormalizedText norm = Normalize(doc.value(), P());
  Sections sections = Segment(norm.text, P());
  ExtractSession(sections, P(), &r);
  return r;
}

std::string Opt(const std::optional<std::string>& s) { return s ? *s : "null"; }
std::string Opt(const std::optional<int>& n) { return n ? std::to_string(*n) : "null"; }
std::string Opt(const std::optional<bool>& b) { return b ? (*b ? "true" : "false") : "null"; }

// "civility|name|title" ("-" for an empty part), "null" for no one.
std::string Who(const std::optional<Person>& p) {
  if (!p) return "null";
  return (p->civility ? *p->civility : "-") + "|" + p->name + "|" + (p->title ? *p->title : "-");
}

std::vector<std::string> Names(const std::vector<Person>& list) {
  std::vector<std::string> out;
  for (const Person& p : list) out.push_back(p.name);
  return out;
}

using Strings = std::vector<std::string>;

// ------------------------------------------------------------------ a commune

const char kCommune[] =
    "COMMUNE DE SAINT-MARTIN-DES-PRÉS\n"
    "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\n"
    "\n"
    "Séance du 14 mai 2024\n"
    "\n"
    "L'an deux mille vingt-quatre, le quatorze mai à dix-neuf heures trente, le Conseil "
    "municipal, dûment convoqué le 7 mai 2024, s'est réuni en séance ordinaire à la salle des "
    "fêtes, sous la présidence de M. Gérard PONSOLLE, Maire.\n"
    "\n"
    "En exercice : 11\n"
    "Présents : 8\n"
    "Votants : 9\n"
    "\n"
    "Présents : M. Gérard PONSOLLE, Mme Agnès LEROYER, M. Thierry MASSOL, Mme Chantal RIGALDI, "
    "M. Yann TESSEYRE, Mme Laure VIDALENC, M. Henri BRUNELLE, Mme Sonia CAMUSAT.\n"
    "Pouvoir : M. Marc DELORMEL à M. Gérard PONSOLLE.\n"
    "Absents excusés : Mme Paule FERRANDI, M. Ivan GIRAUDOT.\n"
    "\n"
    "Secrétaire de séance : Mme Laure VIDALENC.\n"
    "\n"
    "Le quorum étant atteint, la séance est ouverte.\n"
    "\n"
    "Délibération n° 2024-21 – Tarifs de la cantine scolaire\n"
    "Vu le code général des collectivités territoriales ;\n"
    "Le conseil municipal, après en avoir délibéré, à l'unanimité, fixe les tarifs de la "
    "cantine à 3,20 € par repas.\n"
    "\n"
    "La séance est levée à 21h10.\n";

TEST(ExtractSession, CommuneRegisterExtract) {
  Record r = SessionOf(kCommune);
  EXPECT_EQ(Opt(r.authority.name), "Commune de SAINT-MARTIN-DES-PRÉS");
  EXPECT_EQ(Opt(r.authority.kind), "commune");
  EXPECT_EQ(Opt(r.authority.siren), "null");
  EXPECT_EQ(Opt(r.assembly), "conseil municipal");
  EXPECT_EQ(Opt(r.session.date), "2024-05-14");
  EXPECT_EQ(Opt(r.session.time), "19:30");
  EXPECT_EQ(Opt(r.session.place), "salle des fêtes");
  EXPECT_EQ(Opt(r.session.convened_on), "2024-05-07");
  EXPECT_EQ(Opt(r.session.kind), "ordinaire");
  EXPECT_EQ(Who(r.president), "M.|Gérard PONSOLLE|Maire");
  EXPECT_EQ(Who(r.secretary), "Mme|Laure VIDALENC|-");
  EXPECT_EQ(Opt(r.attendance.in_office), "11");
  EXPECT_EQ(Opt(r.attendance.present_count), "8");
  EXPECT_EQ(Opt(r.attendance.voters), "9");
  EXPECT_EQ(Opt(r.attendance.represented_count), "null");
  EXPECT_EQ(Names(r.attendance.present),
            (Strings{"Gérard PONSOLLE", "Agnès LEROYER", "Thierry MASSOL", "Chantal RIGALDI",
                     "Yann TESSEYRE", "Laure VIDALENC", "Henri BRUNELLE", "Sonia CAMUSAT"}));
  ASSERT_EQ(r.attendance.represented.size(), 1u);
  EXPECT_EQ(r.attendance.represented[0].member.name, "Marc DELORMEL");
  EXPECT_EQ(Who(r.attendance.represented[0].holder), "M.|Gérard PONSOLLE|-");
  EXPECT_EQ(Names(r.attendance.excused), (Strings{"Paule FERRANDI", "Ivan GIRAUDOT"}));
  EXPECT_EQ(Names(r.attendance.absent), Strings{});
  EXPECT_EQ(Opt(r.quorum.required), "null");
  EXPECT_EQ(Opt(r.quorum.reached), "true");
}

TEST(ExtractSession, ExtraordinarySittingNamedByItsCouncil) {
  Record r = SessionOf(
      "Séance du 6 juin 2024\n"
      "Le conseil municipal de Montredon, convoqué le 30 mai 2024, s'est réuni en session "
      "extraordinaire à la mairie.\n"
      "Présents : Mme Marion ABADIE, M. Serge CAVAILLOU.\n");
  EXPECT_EQ(Opt(r.authority.name), "Commune de Montredon");
  EXPECT_EQ(Opt(r.authority.kind), "commune");
  EXPECT_EQ(Opt(r.assembly), "conseil municipal");
  EXPECT_EQ(Opt(r.session.date), "2024-06-06");
  EXPECT_EQ(Opt(r.session.convened_on), "2024-05-30");
  EXPECT_EQ(Opt(r.session.kind), "extraordinaire");
  EXPECT_EQ(Opt(r.session.place), "mairie");
  EXPECT_EQ(Opt(r.session.time), "null");
  EXPECT_EQ(Who(r.president), "null");
}

TEST(ExtractSession, SirenPrintedAndChecked) {
  Record r = SessionOf(
      "COMMUNE DE BELCASTEL\n"
      "\n"
      "N° SIREN 214 600 124\n"
      "Séance du 9 avril 2024\n"
      "Présents : M. Jacques ALRIC, Mme Nicole BOYER.\n");
  EXPECT_EQ(Opt(r.authority.name), "Commune de BELCASTEL");
  EXPECT_EQ(Opt(r.authority.siren), "214600124");
  // A printed number that fails the check is no SIREN.
  r = SessionOf(
      "COMMUNE DE BELCASTEL\n"
      "\n"
      "SIREN : 214 600 125\n"
      "Séance du 9 avril 2024\n"
      "Présents : M. Jacques ALRIC, Mme Nicole BOYER.\n");
  EXPECT_EQ(Opt(r.authority.siren), "null");
}

// ------------------------------------------------------------------ other bodies

TEST(ExtractSession, DepartementCommissionPermanente) {
  Record r = SessionOf(
      "DÉPARTEMENT DU CANTAL\n"
      "COMMISSION PERMANENTE\n"
      "Réunion du 12 février 2024\n"
      "\n"
      "Le 12 février 2024 à 10h00, les membres de la commission permanente se sont réunis à "
      "l'Hôtel du Département sous la présidence de M. Bruno FAUCHIER, Président.\n"
      "\n"
      "Nombre de membres de la commission permanente : 15\n"
      "Quorum : 8\n"
      "\n"
      "Présents : M. Bruno FAUCHIER, Mme Annie DELRIVE, M. Pierre MATHOU, Mme Sylvie LACHAUD.\n"
      "Absents excusés : M. Jean-Paul CAYRE.\n"
      "\n"
      "Le quorum est atteint.\n"
      "\n"
      "Délibération n° CP-2024-02-017 : Aide aux communes rurales\n"
      "LA COMMISSION PERMANENTE :\n"
      "Approuve l'attribution d'une aide de 12 000 € à la commune de Murat.\n");
  EXPECT_EQ(Opt(r.authority.name), "Département du CANTAL");
  EXPECT_EQ(Opt(r.authority.kind), "departement");
  EXPECT_EQ(Opt(r.assembly), "commission permanente");
  EXPECT_EQ(Opt(r.session.date), "2024-02-12");
  EXPECT_EQ(Opt(r.session.time), "10:00");
  EXPECT_EQ(Opt(r.session.place), "Hôtel du Département");
  EXPECT_EQ(Who(r.president), "M.|Bruno FAUCHIER|Président");
  EXPECT_EQ(Opt(r.attendance.in_office), "15");
  EXPECT_EQ(Opt(r.quorum.required), "8");
  EXPECT_EQ(Opt(r.quorum.reached), "true");
  EXPECT_EQ(Names(r.attendance.present),
            (Strings{"Bruno FAUCHIER", "Annie DELRIVE", "Pierre MATHOU", "Sylvie LACHAUD"}));
  EXPECT_EQ(Names(r.attendance.excused), Strings{"Jean-Paul CAYRE"});
}

TEST(ExtractSession, ConseilDepartemental) {
  Record r = SessionOf(
      "CONSEIL DÉPARTEMENTAL DE LA LOZÈRE\n"
      "Séance du 25 mars 2024\n"
      "\n"
      "Le Conseil départemental s'est réuni le 25 mars 2024 à 9h30 à l'Hôtel du Département, "
      "sous la présidence de Mme Solange VIDOU, Présidente du Conseil départemental.\n"
      "\n"
      "Présents : Mme Solange VIDOU, M. Alain BRUGÈRE, Mme Flore ROUVEYROL.\n");
  EXPECT_EQ(Opt(r.authority.name), "Département de la LOZÈRE");
  EXPECT_EQ(Opt(r.authority.kind), "departement");
  EXPECT_EQ(Opt(r.assembly), "conseil départemental");
  EXPECT_EQ(Opt(r.session.date), "2024-03-25");
  EXPECT_EQ(Opt(r.session.time), "09:30");
  EXPECT_EQ(Who(r.president), "Mme|Solange VIDOU|Présidente du Conseil départemental");
}

TEST(ExtractSession, RegionCommissionPermanente) {
  Record r = SessionOf(
      "RÉGION OCCITANIE\n"
      "COMMISSION PERMANENTE DU CONSEIL RÉGIONAL\n"
      "Séance du 5 juillet 2024\n"
      "\n"
      "La commission permanente s'est réunie le 5 juillet 2024 à l'Hôtel de Région sous la "
      "présidence de Mme Carole DELMONT, Présidente.\n"
      "\n"
      "Présents : Mme Carole DELMONT, M. Didier CODOU, Mme Nadia PELLEGRY.\n"
      "Représentés : M. Jean-Luc GIBERT (pouvoir à Mme Nadia PELLEGRY).\n");
  EXPECT_EQ(Opt(r.authority.name), "Région OCCITANIE");
  EXPECT_EQ(Opt(r.authority.kind), "region");
  EXPECT_EQ(Opt(r.assembly), "commission permanente");
  EXPECT_EQ(Opt(r.session.date), "2024-07-05");
  EXPECT_EQ(Opt(r.session.time), "null");
  EXPECT_EQ(Opt(r.session.place), "Hôtel de Région");
  EXPECT_EQ(Who(r.president), "Mme|Carole DELMONT|Présidente");
  ASSERT_EQ(r.attendance.represented.size(), 1u);
  EXPECT_EQ(r.attendance.represented[0].member.name, "Jean-Luc GIBERT");
  EXPECT_EQ(Who(r.attendance.represented[0].holder), "Mme|Nadia PELLEGRY|-");
}

TEST(ExtractSession, Epci) {
  Record r = SessionOf(
      "COMMUNAUTÉ DE COMMUNES DU PAYS DE LA SAUVE\n"
      "COMPTE RENDU DU CONSEIL COMMUNAUTAIRE\n"
      "Séance du 3 avril 2024\n"
      "\n"
      "Le conseil de communauté s'est réuni le 3 avril 2024 à 18 heures 30 au siège de la "
      "communauté, sous la présidence de M. Alain VERDEIL.\n"
      "\n"
      "Délégués en exercice : 32\n"
      "26 Conseillers étaient présents ou représentés.\n"
      "\n"
      "Présents : M. Alain VERDEIL, Mme Josette BARRAU, M. Loïc ESTRADÈRE.\n"
      "Secrétaire de séance : M. Loïc ESTRADÈRE.\n"
      "\n"
      "1/ Budget primitif 2024\n"
      "Le conseil communautaire, après en avoir délibéré, adopte le budget primitif 2024.\n");
  EXPECT_EQ(Opt(r.authority.name), "COMMUNAUTÉ DE COMMUNES DU PAYS DE LA SAUVE");
  EXPECT_EQ(Opt(r.authority.kind), "epci");
  EXPECT_EQ(Opt(r.assembly), "conseil communautaire");
  EXPECT_EQ(Opt(r.session.date), "2024-04-03");
  EXPECT_EQ(Opt(r.session.time), "18:30");
  EXPECT_EQ(Opt(r.session.place), "siège de la communauté");
  EXPECT_EQ(Who(r.president), "M.|Alain VERDEIL|-");
  EXPECT_EQ(Who(r.secretary), "M.|Loïc ESTRADÈRE|-");
  EXPECT_EQ(Opt(r.attendance.in_office), "32");
  // "26 Conseillers … présents ou représentés": the voters.
  EXPECT_EQ(Opt(r.attendance.voters), "26");
  EXPECT_EQ(Opt(r.attendance.present_count), "null");
}

TEST(ExtractSession, Syndicat) {
  Record r = SessionOf(
      "SYNDICAT INTERCOMMUNAL D'ADDUCTION D'EAU POTABLE DE LA VALLÉE DU LOT\n"
      "Comité syndical du 9 octobre 2023\n"
      "\n"
      "Le comité syndical, régulièrement convoqué, s'est réuni le 9 octobre 2023 à 17h00 à la "
      "mairie de Cajarc, sous la présidence de M. René CALMEJANE, Président.\n"
      "\n"
      "Présents : M. René CALMEJANE, Mme Odette LAVALLE, M. Serge MOLINAT.\n"
      "Absents : M. Paul TREILHES.\n"
      "\n"
      "Objet : Rapport sur le prix et la qualité du service\n"
      "\n"
      "Le comité syndical, à l'unanimité, prend acte du rapport annuel 2022.\n");
  EXPECT_EQ(Opt(r.authority.name),
            "SYNDICAT INTERCOMMUNAL D'ADDUCTION D'EAU POTABLE DE LA VALLÉE DU LOT");
  EXPECT_EQ(Opt(r.authority.kind), "syndicat");
  EXPECT_EQ(Opt(r.assembly), "comité syndical");
  EXPECT_EQ(Opt(r.session.date), "2023-10-09");
  EXPECT_EQ(Opt(r.session.time), "17:00");
  EXPECT_EQ(Opt(r.session.place), "mairie de Cajarc");
  EXPECT_EQ(Who(r.president), "M.|René CALMEJANE|Président");
  EXPECT_EQ(Names(r.attendance.absent), Strings{"Paul TREILHES"});
}

// Of the dated sittings, the last before the attendance lists (a file may
// recall an earlier sitting first); with none before them, the first one.
TEST(ExtractSession, SittingDatedLastBeforeTheListsElseFirst) {
  Record recalled = SessionOf(
      "COMMUNE DE VALBRUNE\n"
      "Séance du 3 février 2024 : compte rendu approuvé.\n"
      "Séance du 9 mars 2024\n"
      "Présents : M. Luc FERAUD, Mme Ines CAZALS.\n"
      "\n"
      "Objet : Tarifs de la cantine\n"
      "Le conseil municipal, à l'unanimité, fixe les tarifs.\n"
      "Séance du 6 avril 2024 : prochaine réunion.\n");
  EXPECT_EQ(Opt(recalled.session.date), "2024-03-09");
  Record after = SessionOf(
      "COMMUNE DE VALBRUNE\n"
      "Présents : M. Luc FERAUD, Mme Ines CAZALS.\n"
      "\n"
      "Séance du 9 mars 2024\n"
      "Objet : Tarifs de la cantine\n"
      "Le conseil municipal, à l'unanimité, fixe les tarifs.\n"
      "Séance du 6 avril 2024 : prochaine réunion.\n");
  EXPECT_EQ(Opt(after.session.date), "2024-03-09");
}

// The date of earlier minutes approved before the lists is not the
// sitting's, whether the approval comes before the date or after it; the
// heading "COMPTE RENDU DE LA SÉANCE" approves nothing. A weekday may end the
// line above its date.
TEST(ExtractSession, EarlierMinutesApprovedDateNothing) {
  for (const char* approval :
       {"Approbation du compte rendu de la séance du 2 février 2022 : adopté à l'unanimité.\n",
        "Le procès-verbal de la séance du 2 février 2022 est adopté à l'unanimité.\n"}) {
    SCOPED_TRACE(approval);
    Record r = SessionOf(std::string("COMMUNE DE VALBRUNE\n"
                                     "COMPTE RENDU DE LA SÉANCE DU CONSEIL MUNICIPAL\n\n"
                                     "DU 9 MARS 2022\n\n") +
                         approval +
                         "Présents : M. Luc FERAUD, Mme Ines CAZALS.\n\n"
                         "Objet : Tarifs de la cantine\n"
                         "Le conseil municipal, à l'unanimité, fixe les tarifs.\n");
    EXPECT_EQ(Opt(r.session.date), "2022-03-09");
  }
  Record wrapped = SessionOf(
      "COMMUNE DE VALBRUNE COMPTE-RENDU CONSEIL MUNICIPAL DU MERCREDI\n"
      "22 JUIN 2011 Présents : M. Luc FERAUD, Mme Ines CAZALS. Le compte rendu de séance du\n"
      "18 mai 2011 est adopté à l'unanimité.\n");
  EXPECT_EQ(Opt(wrapped.session.date), "2011-06-22");
}

// The same grid as a table exported to text with "|" borders.
TEST(ExtractSession, AbsenteeGridInATable) {
  Record r = SessionOf(
      "Comité syndical du 15 mars 2023\n"
      "Présents : M. Hugo LEMARCHAND, Mme Léa MARTINEZ\n\n"
      "| Délégué          | Absent | Suppléé par      | Procuration à   |\n"
      "| M. Luc BLANCARD  |   X    |                  |                 |\n"
      "| Mme Anne ROUSSET |   X    | M. Eric MASSONNET|                 |\n"
      "| M. Marc TESSIER  |   X    |                  | Mme Léa MARTINEZ|\n\n"
      "Secrétaire de séance : Mme Léa MARTINEZ\n");
  ASSERT_EQ(r.attendance.represented.size(), 1u);
  EXPECT_EQ(r.attendance.represented[0].member.name, "Marc TESSIER");
  ASSERT_EQ(r.attendance.absent.size(), 2u);
  EXPECT_EQ(r.attendance.absent[1].name, "Anne ROUSSET");
  ASSERT_EQ(r.attendance.present.size(), 3u);
  EXPECT_EQ(r.attendance.present[2].name, "Eric MASSONNET");
}

// Dates are read only as far as the sitting's date and its convocation
// ask: both are still found when kilobytes of text come before them, and the
// sitting dated only after the lists, far down a long text, too.
TEST(ExtractSession, SittingAndConvocationDatedFarIntoALongText) {
  std::string notes;
  for (int k = 0; k < 150; ++k) notes += "Le conseil examine le dossier suivant.\n";
  Record before = SessionOf("COMMUNE DE VALBRUNE\n" + notes +
                            "Le conseil s'est réuni le 9 mai 2022 sur convocation régulière en "
                            "date du 2 mai 2022.\n"
                            "Présents : M. Luc FERAUD, Mme Ines CAZALS.\n");
  EXPECT_EQ(Opt(before.session.date), "2022-05-09");
  EXPECT_EQ(Opt(before.session.convened_on), "2022-05-02");
  Record after = SessionOf(
      "COMMUNE DE VALBRUNE\n"
      "Présents : M. Luc FERAUD, Mme Ines CAZALS.\n\n" +
      notes + notes + "Séance du 6 avril 2024\n");
  EXPECT_EQ(Opt(after.session.date), "2024-04-06");
}

TEST(ExtractSession, DateInWordsWithItsWeekdayAndNoLAn) {
  // No "L'an …": the sitting's date in words after the verb of meeting,
  // with its weekday; the convocation's date before it is not the sitting's.
  Record r = SessionOf(
      "COMITE SYNDICAL\n"
      "\n"
      "Les délégués, sur convocation régulière en date du 2 avril 2022, se sont réunis à la "
      "salle des fêtes, le jeudi sept avril deux mil vingt-deux à dix-huit heures trente, en "
      "présence du public.\n"
      "\n"
      "Présents : M. Paul ROUX, Mme Anne BLANC.\n");
  EXPECT_EQ(Opt(r.session.date), "2022-04-07");
  EXPECT_EQ(Opt(r.session.time), "18:30");
  EXPECT_EQ(Opt(r.session.convened_on), "2022-04-02");
  EXPECT_EQ(Opt(r.session.place), "salle des fêtes");

  // The same sentence wrapped inside the place, as a scan's lines are.
  Record wrapped = SessionOf(
      "COMITE SYNDICAL\n"
      "\n"
      "Les délégués se sont réunis à la salle des\n"
      "fêtes, le jeudi sept avril deux mil vingt-deux à dix-huit heures trente.\n"
      "\n"
      "Présents : M. Paul ROUX, Mme Anne BLANC.\n");
  EXPECT_EQ(Opt(wrapped.session.date), "2022-04-07");
  EXPECT_EQ(Opt(wrapped.session.time), "18:30");
}

TEST(ExtractSession, MairieLetterheadNamesTheCommune) {
  // "MAIRIE DE X" alone on its line heads the commune's acts when nothing
  // else names it; "à la mairie de Y" in a sentence is a place.
  Record r = SessionOf(
      "DEPARTEMENT DU CHER\n"
      "MAIRIE DE SAINT-AUBIN-LES-FORGES\n"
      "Séance du conseil municipal du 5 octobre 2020\n"
      "Le conseil municipal de cette commune s'est réuni à 20 heures sous la présidence de "
      "Mme Marie DURAND, Maire.\n"
      "Présents : Mme Marie DURAND, M. Jean PETIT.\n");
  EXPECT_EQ(Opt(r.authority.name), "Commune de SAINT-AUBIN-LES-FORGES");
  EXPECT_EQ(Opt(r.authority.kind), "commune");
  Record place = SessionOf(
      "Séance du conseil municipal du 5 octobre 2020\n"
      "Le conseil municipal s'est réuni à la mairie de Val-Vert à 20 heures.\n"
      "Présents : Mme Marie DURAND, M. Jean PETIT.\n");
  EXPECT_EQ(Opt(place.authority.name), "null");
}

TEST(ExtractSession, CcasHeadingWithoutItsCommune) {
  // The board's minutes name the CCAS but not its commune: the kind is
  // known, the name is not.
  Record r = SessionOf(
      "CENTRE COMMUNAL D'ACTION SOCIALE\n"
      "Procès-verbal du conseil d'administration\n"
      "\n"
      "Le conseil d'administration s'est réuni le 5 mars 2024 à 18 heures, "
      "sous la présidence de M. Yann KERGOAT.\n"
      "Présents : M. Yann KERGOAT, Mme Rose QUEMENER, M. Loïc LE GALL.\n");
  EXPECT_EQ(Opt(r.authority.kind), "ccas");
  EXPECT_EQ(Opt(r.authority.name), "null");
  EXPECT_EQ(Opt(r.assembly), "conseil d'administration");

  // A board's minutes that name no CCAS stay "other".
  Record other = SessionOf(
      "Procès-verbal du conseil d'administration\n"
      "Le conseil d'administration s'est réuni le 5 mars 2024 à 18 heures.\n");
  EXPECT_EQ(Opt(other.authority.kind), "other");
}

TEST(ExtractSession, Ccas) {
  Record r = SessionOf(
      "CENTRE COMMUNAL D'ACTION SOCIALE DE VILLENEUVE-SUR-TARN\n"
      "Conseil d'administration du 16 janvier 2024\n"
      "\n"
      "Le conseil d'administration du CCAS s'est réuni le 16 janvier 2024 à 14h30 en mairie, "
      "sous la présidence de Mme Hélène ROQUETTE, Présidente.\n"
      "\n"
      "Membres présents : Mme Hélène ROQUETTE, M. Francis ALBERTI, Mme Lucette BOUSQUIÉ.\n"
      "Excusés : M. Gilles COMBETTES.\n");
  EXPECT_EQ(Opt(r.authority.name), "Centre communal d'action sociale de VILLENEUVE-SUR-TARN");
  EXPECT_EQ(Opt(r.authority.kind), "ccas");
  EXPECT_EQ(Opt(r.assembly), "conseil d'administration");
  EXPECT_EQ(Opt(r.session.date), "2024-01-16");
  EXPECT_EQ(Opt(r.session.time), "14:30");
  EXPECT_EQ(Opt(r.session.place), "mairie");
  EXPECT_EQ(Who(r.president), "Mme|Hélène ROQUETTE|Présidente");
  EXPECT_EQ(Names(r.attendance.present),
            (Strings{"Hélène ROQUETTE", "Francis ALBERTI", "Lucette BOUSQUIÉ"}));
  EXPECT_EQ(Names(r.attendance.excused), Strings{"Gilles COMBETTES"});
}

// ------------------------------------------------------------------ the sitting

// A file may quote an earlier sitting first: the date is the last heading
// that dates a sitting before the attendance lists, not a later one.
TEST(ExtractSession, DateIsTheLastDatingHeadingBeforeTheAttendance) {
  Record r = SessionOf(
      "COMMUNE DE BELCASTEL\n"
      "Le conseil municipal convoqué pour la séance du 2 avril 2024 n'ayant pu délibérer faute "
      "de quorum, il a été à nouveau convoqué.\n"
      "\n"
      "Séance du 9 avril 2024\n"
      "\n"
      "Présents : M. Jacques ALRIC, Mme Nicole BOYER, M. Sylvain CROS.\n"
      "Absents : Mme Agathe DELMAS.\n"
      "\n"
      "La prochaine séance du 14 mai 2024 portera sur le budget.\n");
  EXPECT_EQ(Opt(r.session.date), "2024-04-09");
}

TEST(ExtractSession, DateAndTimeInWords) {
  Record r = SessionOf(
      "COMMUNE DE BELCASTEL\n"
      "L'an deux mille vingt-quatre, le neuf avril à vingt heures, le conseil municipal s'est "
      "réuni.\n"
      "Présents : M. Jacques ALRIC, Mme Nicole BOYER.\n");
  EXPECT_EQ(Opt(r.session.date), "2024-04-09");
  EXPECT_EQ(Opt(r.session.time), "20:00");
}

TEST(ExtractSession, TimeIsNotWhenTheSittingClosed) {
  Record r = SessionOf(
      "Compte rendu de la réunion du conseil municipal du 4 mars 2024\n"
      "\n"
      "Le conseil municipal s'est réuni le 4 mars 2024, sous la présidence de Mme Agnès MOULINIER, "
      "Maire.\n"
      "Présents : Mme Agnès MOULINIER, M. Kevin SABATHÉ, M. Éric TOURNEMIRE.\n"
      "\n"
      "La séance est levée à 22h15.\n");
  EXPECT_EQ(Opt(r.session.date), "2024-03-04");
  EXPECT_EQ(Opt(r.session.time), "null");
  // The sitting opened at a stated time.
  r = SessionOf(
      "Séance du conseil municipal du 20 novembre 2023\n"
      "\n"
      "Le Maire ouvre la séance à 19h.\n"
      "Présents : M. Hervé ANDRIEUX, Mme Lise BERTRANDY.\n"
      "La séance est levée à 20h.\n");
  EXPECT_EQ(Opt(r.session.date), "2023-11-20");
  EXPECT_EQ(Opt(r.session.time), "19:00");
}

// Counts stated in a sentence: "le nombre de votants est de 27", a comma
// after the figure; a numbered list's "1." is no count.
TEST(ExtractSession, CountsStatedInASentence) {
  Record r = SessionOf(
      "COMMUNE DE SAINT-ALBAN\n"
      "Séance du 13 novembre 2024\n"
      "Étaient présents : M. Jean DUPONT, Mme Anne ROUX, M. Luc BLANC.\n"
      "Le nombre de membres en exercice est de 27. Le nombre de présents est de 23, le nombre\n"
      "de votants est de 27 dont 4 procurations.\n");
  EXPECT_EQ(Opt(r.attendance.in_office), "27");
  EXPECT_EQ(Opt(r.attendance.present_count), "23");
  EXPECT_EQ(Opt(r.attendance.voters), "27");
  EXPECT_EQ(Opt(r.attendance.represented_count), "4");
  Record s = SessionOf(
      "COMMUNE DE SAINT-ALBAN\n"
      "Séance du 13 novembre 2024\n"
      "Présents : 1. M. Jean DUPONT 2. Mme Anne ROUX\n");
  EXPECT_EQ(Opt(s.attendance.present_count), "null");
}

// The register's margin: "qui ont pris part à la délibération" counts the
// voters; "n'ont pas pris part au vote" does not.
TEST(ExtractSession, MembersWhoTookPartAreTheVoters) {
  Record r = SessionOf(
      "COMMUNE DE SAINT-ALBAN\n"
      "Séance du 13 novembre 2024\n"
      "Nombre de membres en exercice : 15\n"
      "présents : 12\n"
      "qui ont pris part à la délibération : 14 dont 2 procurations\n"
      "Présents : M. Jean DUPONT, Mme Anne ROUX, M. Luc BLANC.\n");
  EXPECT_EQ(Opt(r.attendance.voters), "14");
  EXPECT_EQ(Opt(r.attendance.in_office), "15");
  EXPECT_EQ(Opt(r.attendance.present_count), "12");
  Record s = SessionOf(
      "COMMUNE DE SAINT-ALBAN\n"
      "Séance du 13 novembre 2024\n"
      "Membres n'ayant pas pris part au vote : 2\n"
      "Présents : M. Jean DUPONT, Mme Anne ROUX, M. Luc BLANC.\n");
  EXPECT_EQ(Opt(s.attendance.voters), "null");
}

// The convocation's date in its other phrasings.
TEST(ExtractSession, ConvocationPhrasings) {
  EXPECT_EQ(Opt(SessionOf("COMMUNE DE SAINT-ALBAN\nLe conseil s'est réuni le 9 mai 2022 sur "
                          "convocation régulière en date du 2 avril 2022.\n")
                    .session.convened_on),
            "2022-04-02");
  EXPECT_EQ(Opt(SessionOf("COMMUNE DE SAINT-ALBAN\nSéance du 9 mai 2022. Les convocations ont été "
                          "adressées aux élus le 4 mai 2022.\n")
                    .session.convened_on),
            "2022-05-04");
  EXPECT_EQ(Opt(SessionOf("COMMUNE DE SAINT-ALBAN\nLe 24 mai 2012, le Conseil s'est réuni sous la "
                          "présidence de Monsieur le Maire et sur la convocation faite par lui le "
                          "16 mai 2012.\n")
                    .session.convened_on),
            "2012-05-16");
}

// ------------------------------------------------------------------ president

// "Le Maire ouvre la séance" names the president only through a person the
// document ties to the role elsewhere: here the signature block, which also
// resolves the proxy held by "M. le Maire".
TEST(ExtractSession, MayorOpeningTheSittingResolvedThroughTheSignature) {
  Record r = SessionOf(
      "COMMUNE DE BELCASTEL\n"
      "\n"
      "Séance du 9 avril 2024\n"
      "Présents : M. Jacques ALRIC, Mme Nicole BOYER, M. Sylvain CROS.\n"
      "Représentés : Mme Agathe DELMAS (pouvoir à M. le Maire).\n"
      "\n"
      "Le Maire ouvre la séance.\n"
      "\n"
      "1. Vente d'un terrain communal\n"
      "Le conseil municipal, après en avoir délibéré, décide de vendre la parcelle B 412.\n"
      "\n"
      "Fait à Belcastel, le 10 avril 2024\n"
      "Le Maire,\n"
      "Jacques ALRIC\n");
  EXPECT_EQ(Who(r.president), "-|Jacques ALRIC|Maire");
  ASSERT_EQ(r.attendance.represented.size(), 1u);
  EXPECT_EQ(r.attendance.represented[0].member.name, "Agathe DELMAS");
  EXPECT_EQ(Who(r.attendance.represented[0].holder), "-|Jacques ALRIC|Maire");
}

TEST(ExtractSession, MayorOpeningTheSittingResolvedThroughTheList) {
  Record r = SessionOf(
      "COMMUNE DE BELCASTEL\n"
      "Séance du 9 avril 2024\n"
      "Présents : M. Jacques ALRIC, Maire, Mme Nicole BOYER, M. Sylvain CROS.\n"
      "Le Maire ouvre la séance à 20h30.\n"
      "Secrétaire : Mr Sylvain CROS\n");
  EXPECT_EQ(Who(r.president), "M.|Jacques ALRIC|Maire");
  EXPECT_EQ(Opt(r.session.time), "20:30");
  EXPECT_EQ(Who(r.secretary), "M.|Sylvain CROS|-");
}

// "sous la présidence de" a role whose holder is not named there: the role
// is resolved like one that opens the sitting, through the list.
TEST(ExtractSession, PresidedByTheMayorResolvedThroughTheList) {
  Record r = SessionOf(
      "COMMUNE DE SAINT-ALBAN\n"
      "L'an deux mille vingt-quatre, le dix juin à vingt heures, le Conseil Municipal s'est\n"
      "réuni au lieu ordinaire de ses séances sous la présidence de Monsieur le Maire et sur\n"
      "la convocation faite par lui le trois juin.\n"
      "PRESENTS : M. Hugo LEMARCHAND, Maire,\n"
      "Mme Claire VASSEUR, M. Luc BLANC, Adjoints.\n");
  EXPECT_EQ(Who(r.president), "M.|Hugo LEMARCHAND|Maire");
}

TEST(ExtractSession, PresidedByTheMayorNamedAfterTheRoleWithoutAComma) {
  Record r = SessionOf(
      "COMMUNE DE SAINT-ALBAN\n"
      "Le Conseil Municipal s'est réuni le 10 juin 2024 sous la présidence de son maire\n"
      "Madame Claire VASSEUR.\n"
      "Présents : Mme Claire VASSEUR, M. Luc BLANC, Mme Anaïs GILLET.\n");
  EXPECT_EQ(Who(r.president), "Mme|Claire VASSEUR|Maire");
}

// A deputy presiding is not the mayor, and a word after the role is no name.
TEST(ExtractSession, PresidedByADeputyIsNotTheMayor) {
  Record r = SessionOf(
      "COMMUNE DE SAINT-ALBAN\n"
      "Le Conseil Municipal s'est réuni le 10 juin 2024 sous la présidence du Maire adjoint,\n"
      "le Maire étant empêché.\n"
      "Présents : M. Hugo LEMARCHAND, Maire, Mme Claire VASSEUR, M. Luc BLANC.\n");
  EXPECT_EQ(Who(r.president), "null");
  Record s = SessionOf(
      "COMMUNE DE SAINT-ALBAN\n"
      "Séance du 10 juin 2024 sous la présidence de M. le Maire Assisté de Mme la Secrétaire.\n"
      "Présents : Mme Claire VASSEUR, M. Luc BLANC.\n");
  EXPECT_EQ(Who(s.president), "null");
}

TEST(ExtractSession, MayorNamedNowhereGivesNoPresident) {
  Record r = SessionOf(
      "COMMUNE DE BELCASTEL\n"
      "Séance du 9 avril 2024\n"
      "Présents : M. Jacques ALRIC, Mme Nicole BOYER, M. Sylvain CROS.\n"
      "Représentés : Mme Agathe DELMAS (pouvoir à M. le Maire).\n"
      "Le Maire ouvre la séance.\n");
  EXPECT_EQ(Who(r.president), "null");
  // The proxy's holder is a role no one is tied to: dropped, not guessed.
  ASSERT_EQ(r.attendance.represented.size(), 1u);
  EXPECT_EQ(Who(r.attendance.represented[0].holder), "null");
}

TEST(ExtractSession, PresidencyResolvesAProxyHeldByTheMayor) {
  Record r = SessionOf(
      "Séance du 9 avril 2024\n"
      "Le conseil municipal de Belcastel s'est réuni sous la présidence de M. Jacques ALRIC, "
      "Maire.\n"
      "Présents : M. Jacques ALRIC, Mme Nicole BOYER, M. Sylvain CROS.\n"
      "Représentés : Mme Agathe DELMAS (pouvoir à M. le Maire).\n");
  EXPECT_EQ(Who(r.president), "M.|Jacques ALRIC|Maire");
  ASSERT_EQ(r.attendance.represented.size(), 1u);
  EXPECT_EQ(Who(r.attendance.represented[0].holder), "M.|Jacques ALRIC|Maire");
}

// The role after the president's name ends where the next part of the
// preamble starts, on the next line or further on a flattened page.
TEST(ExtractSession, PresidentsRoleEndsAtTheNextHeading) {
  Record r = SessionOf(
      "SEANCE DU CONSEIL MUNICIPAL DE BRASSAC\n"
      "du 4 mars 2024 à 19 heures\n"
      "sous la présidence de Madame Odile FERRAND, Maire\n"
      "Présents : Odile FERRAND, Rémi JOUVE, Lise MARTY.\n");
  EXPECT_EQ(Who(r.president), "Mme|Odile FERRAND|Maire");
  Record s = SessionOf(
      "COMITE SYNDICAL DU SIVU DES TROIS RIVES Séance du 4 mars 2024 sous la présidence de "
      "M. Paul TESTE, Président Etaient présents : M. Paul TESTE, Mme Lise MARTY, M. Rémi "
      "JOUVE.\n");
  EXPECT_EQ(Who(s.president), "M.|Paul TESTE|Président");
  Record t = SessionOf(
      "COMMUNE DE BRASSAC Séance du 4 mars 2024 sous la présidence de M. Paul TESTE, Maire "
      "Secrétaire de séance : Mme Lise MARTY.\n"
      "Présents : M. Paul TESTE, Mme Lise MARTY, M. Rémi JOUVE.\n");
  EXPECT_EQ(Who(t.president), "M.|Paul TESTE|Maire");
}

// The role after the president's name without a comma: after a dash, or
// alone before the full stop; not the label of the next line.
TEST(ExtractSession, PresidentsRoleWithoutAComma) {
  Record r = SessionOf(
      "COMMUNE DE BRASSAC Membres en fonction : 11 Sous la présidence de M. Paul TESTE – "
      "Maire Présents : M. Paul TESTE, Mme Lise MARTY.\n");
  EXPECT_EQ(Who(r.president), "M.|Paul TESTE|Maire");
  Record s = SessionOf(
      "COMMUNE DE BRASSAC\nLe conseil municipal s'est réuni le 4 mars 2024 sous la présidence "
      "de Monsieur Paul TESTE Maire.\nPrésents : M. Paul TESTE, Mme Lise MARTY.\n");
  EXPECT_EQ(Who(s.president), "M.|Paul TESTE|Maire");
  Record t = SessionOf(
      "COMMUNE DE BRASSAC\nSéance du 4 mars 2024\nPrésidence : M. Paul TESTE\n"
      "Secrétaire de séance : Mme Lise MARTY\nPrésents : M. Paul TESTE, Mme Lise MARTY.\n");
  EXPECT_EQ(Who(t.president), "M.|Paul TESTE|-");
}

// Who presides named before the verb, the role after the name or before
// it; the labels "Présidente de séance :" and "Sous la présidence de :". A
// sentence that is more than a person names no president.
TEST(ExtractSession, PresidentNamedBeforeTheVerbAndLabelVariants) {
  auto president = [](const std::string& line) {
    return Who(SessionOf("COMMUNE DE BRASSAC\nSéance du 4 mars 2024\n" + line +
                         "\nPrésents : M. Paul TESTE, Mme Lise MARTY, M. Rémi JOUVE.\n")
                   .president);
  };
  EXPECT_EQ(president("M. Paul TESTE, Maire, préside la séance."), "M.|Paul TESTE|Maire");
  EXPECT_EQ(president("La séance est ouverte à 20 h. Mme Lise MARTY, Maire, ouvre la séance."),
            "Mme|Lise MARTY|Maire");
  EXPECT_EQ(president("M. Paul TESTE assure la présidence de la séance."), "M.|Paul TESTE|-");
  EXPECT_EQ(president("Monsieur le Maire, Paul TESTE, ouvre la séance."), "-|Paul TESTE|Maire");
  EXPECT_EQ(president("Présidente de séance : Mme Lise MARTY"), "Mme|Lise MARTY|-");
  EXPECT_EQ(president("Sous la Présidence de : M. Paul TESTE"), "M.|Paul TESTE|-");
  EXPECT_EQ(president("M. Rémi JOUVE, conseiller, demande que le maire ouvre la séance."), "null");
  EXPECT_EQ(president("Le Maire préside la séance."), "null");  // named nowhere
}

// ------------------------------------------------------------------ secretary

TEST(ExtractSession, SecretaryInEveryWording) {
  struct Case {
    const char* sentence;
    const char* secretary;
  };
  const Case cases[] = {
      {"Secrétaire de séance : Mme Nicole BOYER.", "Mme|Nicole BOYER|-"},
      {"SECRÉTAIRE DE SÉANCE : M. Sylvain CROS", "M.|Sylvain CROS|-"},
      {"M. Sylvain CROS est désigné secrétaire de séance.", "M.|Sylvain CROS|-"},
      {"Mme Nicole BOYER a été élue secrétaire de séance.", "Mme|Nicole BOYER|-"},
      {"Le conseil a désigné M. Sylvain CROS comme secrétaire de séance.", "M.|Sylvain CROS|-"},
      {"Le conseil désigne Mme Nicole BOYER en qualité de secrétaire.", "Mme|Nicole BOYER|-"},
      {"Mme Nicole BOYER a été désignée pour remplir les fonctions de secrétaire.",
       "Mme|Nicole BOYER|-"},
      {"M. Sylvain CROS est désigné(e) en tant que secrétaire de séance.", "M.|Sylvain CROS|-"},
      // In the future tense, the name before or after.
      {"Nicole BOYER sera Secrétaire de séance.", "-|Nicole BOYER|-"},
      {"Sur la proposition du Maire, le secrétaire de séance sera Monsieur Sylvain CROS "
       "conformément à l'article L 2121-15.",
       "M.|Sylvain CROS|-"},
      // Not the end of the list before the sentence; a civility opens the name.
      {"Absent excusé : Jacques ALRIC Mademoiselle Nicole BOYER est nommée secrétaire.",
       "Mme|Nicole BOYER|-"},
      // A whole name on the label's line ends there.
      {"Secrétaire de séance : Nicole Boyer\nDélégation de service public : avenant n° 3",
       "-|Nicole Boyer|-"},
      // So does an initial glued to its surname: not the scan's noise below.
      {"Secrétaire de séance : N.BOYER\nPRELEVE", "-|N.BOYER|-"},
      // "ces fonctions": the secretary's, named in the words before.
      {"Il a été procédé à la nomination d'un secrétaire : M. Sylvain CROS a été désigné pour "
       "remplir ces fonctions.",
       "M.|Sylvain CROS|-"},
      {"Le doyen d'âge, M. Sylvain CROS, a été désigné pour remplir ces fonctions.", "null"},
      // Not from the sentence before; a first name of two words is whole.
      {"Absent : M. Jacques ALRIC. Mme BOYER Nicole Anne a été élue secrétaire de séance.",
       "Mme|BOYER Nicole Anne|-"},
      {"Aucune mention.", "null"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sentence);
    Record r = SessionOf(std::string("Séance du 9 avril 2024\n"
                                     "Présents : M. Jacques ALRIC, Mme Nicole BOYER, M. Sylvain "
                                     "CROS.\n\n") +
                         c.sentence + "\n");
    EXPECT_EQ(Who(r.secretary), c.secretary);
  }
}

// ------------------------------------------------------------------ counts and quorum

TEST(ExtractSession, StatedCounts) {
  struct Case {
    const char* lines;
    const char* in_office;
    const char* present;
    const char* represented;
    const char* voters;
  };
  const Case cases[] = {
      {"En exercice : 14\nPrésents : 10\nVotants : 12", "14", "10", "null", "12"},
      {"Conseillers en exercice : 23\nPRÉSENTS 2l\nVotants : 22", "23", "21", "null", "22"},
      {"Nombre de conseillers en exercice : 15\nPouvoirs : 3", "15", "null", "3", "null"},
      // "Nombre de" before the label, in quotation marks or not, no colon.
      {"Nombre de « pouvoirs » 14 Votants 86", "null", "null", "14", "86"},
      // "est de :"; a part of the members present is not their count.
      {"Le nombre de membres en exercice est de : 32 Le nombre de délégués titulaires présents "
       "est de : 15 Le nombre de délégués titulaires et suppléants présents est de : 17",
       "32", "17", "null", "null"},
      {"Le nombre de délégués titulaires présents est de : 15", "null", "null", "null", "null"},
      {"Membres en exercice 19", "19", "null", "null", "null"},
      {"Nombre de conseillers présents : 9", "null", "9", "null", "null"},
      // A joint heading's count is the absent members' and the proxies' together.
      {"En exercice : 14\nAbsents et procurations : 3", "14", "null", "null", "null"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.lines);
    Record r = SessionOf(std::string("Séance du 9 avril 2024\n") + c.lines +
                         "\n\nPrésents : M. Jacques ALRIC, Mme Nicole BOYER.\n");
    EXPECT_EQ(Opt(r.attendance.in_office), c.in_office);
    EXPECT_EQ(Opt(r.attendance.present_count), c.present);
    EXPECT_EQ(Opt(r.attendance.represented_count), c.represented);
    EXPECT_EQ(Opt(r.attendance.voters), c.voters);
  }
}

TEST(ExtractSession, PresentCountInParenthesesAfterTheHeading) {
  Record r = SessionOf(
      "Séance du 9 avril 2024\n"
      "Présents (3) : M. Jacques ALRIC, Mme Nicole BOYER, M. Sylvain CROS.\n");
  EXPECT_EQ(Opt(r.attendance.present_count), "3");
  EXPECT_EQ(Names(r.attendance.present),
            (Strings{"Jacques ALRIC", "Nicole BOYER", "Sylvain CROS"}));
  // Counts are stated, never computed from the lists.
  r = SessionOf(
      "Séance du 9 avril 2024\n"
      "Présents : M. Jacques ALRIC, Mme Nicole BOYER, M. Sylvain CROS.\n");
  EXPECT_EQ(Opt(r.attendance.present_count), "null");
  EXPECT_EQ(Opt(r.attendance.in_office), "null");
}

TEST(ExtractSession, Quorum) {
  struct Case {
    const char* lines;
    const char* required;
    const char* reached;
  };
  const Case cases[] = {
      {"Quorum : 8\nLe quorum est atteint.", "8", "true"},
      {"Le quorum étant atteint, le conseil peut délibérer.", "null", "true"},
      {"Le conseil, réuni au nombre prescrit par la loi, a délibéré.", "null", "true"},
      {"Les présents formant la majorité des membres en exercice.", "null", "true"},
      {"Quorum fixé à 12\nLe quorum n'étant pas atteint, le conseil sera à nouveau convoqué.", "12",
       "false"},
      {"Quorum non atteint.", "null", "false"},
      {"Faute de quorum, la réunion n'a pas eu lieu.", "null", "false"},
      {"Le quorum de 17 membres présents étant atteint, le conseil peut délibérer.", "17", "true"},
      {"Ordre du jour : budget.", "null", "null"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.lines);
    Record r = SessionOf(std::string("Séance du 9 avril 2024\n"
                                     "Présents : M. Jacques ALRIC, Mme Nicole BOYER.\n\n") +
                         c.lines + "\n");
    EXPECT_EQ(Opt(r.quorum.required), c.required);
    EXPECT_EQ(Opt(r.quorum.reached), c.reached);
  }
}

// ------------------------------------------------------------------ SIREN

TEST(ValidSiren, LuhnCheckOfNineDigits) {
  for (const char* s : {"228200010", "214700254", "200042174", "214600124"}) {
    SCOPED_TRACE(s);
    EXPECT_TRUE(ValidSiren(s));
  }
  for (const char* s :
       {"228200011", "214600125", "21460012", "2146001240", "2282000l0", "", "214 600 124"}) {
    SCOPED_TRACE(s);
    EXPECT_FALSE(ValidSiren(s));
  }
}

// The name of a commune ends at its line; the SIREN under it is no part of it.
// A comma after the quorum's figure does not hide it.
// The council of an arrondissement is its commune's body, whatever other
// bodies its acts name further on; a syndicat's own name in quotation marks
// is part of its name ("COMITE SYNDICAL DU" before it is not); a commune's
// name stops before the heading of an agenda's part in a flattened page.
TEST(ExtractSession, ArrondissementSyndicatAndCommuneNames) {
  Record paris = SessionOf(
      "COMPTE RENDU DU CONSEIL D'ARRONDISSEMENT\n"
      "Le Conseil d'arrondissement du 10e s'est réuni le lundi 30 mai 2016 sous la présidence "
      "de M. Rémi FERAND.\n"
      "Présents : M. Rémi FERAND, Mme Léa VASSAL\n\n"
      "Objet : Subvention versée par le Département de Paris et la Ville de Paris\n"
      "Le Conseil départemental avait voté la convention. La délibération est adoptée.\n");
  EXPECT_EQ(Opt(paris.assembly), "conseil d'arrondissement");
  EXPECT_EQ(Opt(paris.authority.kind), "commune");
  Record sivom = SessionOf(
      "PROCES-VERBAL DU COMITE SYNDICAL DU SYNDICAT INTERCOMMUNAL A VOCATION MULTIPLE « VAL "
      "NORD » L'an deux mille neuf, le vingt cinq mars, le Comité Syndical s'est réuni.\n");
  EXPECT_EQ(Opt(sivom.authority.name), "SYNDICAT INTERCOMMUNAL A VOCATION MULTIPLE « VAL NORD »");
  Record flat = SessionOf(
      "Séance du 9 mai 2008. Présents : M. Paul ROUX, Mme Anne BLANC. La cérémonie réunira le "
      "régiment et la Ville de Sarreval Subventions 1 ) Subvention à l'amicale du personnel\n");
  EXPECT_EQ(Opt(flat.authority.name), "Commune de Sarreval");
  // A mayor's letterhead flattened into the line: the name in capitals.
  Record letterhead = SessionOf(
      "1 DEPARTEMENT DES BOUCHES-DU-RHONE MAIRIE DE TRETSAC Direction Générale des Services "
      "COMPTE RENDU du conseil municipal du 25 juin 2015. Présents : M. Paul ROUX, Mme Anne "
      "BLANC.\n");
  EXPECT_EQ(Opt(letterhead.authority.name), "Commune de TRETSAC");
}

// No body named, the mayor presiding: a commune's; a president alone says
// nothing of the body.
TEST(ExtractSession, TheMayorInTheChairMakesItACommune) {
  Record mayor = SessionOf(
      "Réunion du 10 septembre 2014. La séance est ouverte à 20 h 30 sous la présidence de "
      "Madame Armelle MENAGIER, Maire. Présents : M. Paul ROUX, Mme Anne BLANC.\n");
  EXPECT_EQ(Opt(mayor.authority.kind), "commune");
  Record president = SessionOf(
      "Réunion du 10 septembre 2014. La séance est ouverte à 20 h 30 sous la présidence de "
      "Madame Armelle MENAGIER, Présidente. Présents : M. Paul ROUX, Mme Anne BLANC.\n");
  EXPECT_EQ(Opt(president.authority.kind), "null");
}

TEST(ExtractSession, AuthorityNameEndsAtItsLineAndQuorumBeforeAComma) {
  Record r = SessionOf(
      "COMMUNE DE BELCASTEL\nSIREN : 214 600 124\n\nSéance du 3 mars 2024\n\n"
      "Le conseil municipal s'est réuni sous la présidence de M. Paul VIDAL, Maire.\n"
      "Quorum : 8, le quorum est atteint.\n"
      "Présents : M. Paul VIDAL, Mme Anne ROCHE.\n");
  EXPECT_EQ(Opt(r.authority.name), "Commune de BELCASTEL");
  EXPECT_EQ(Opt(r.quorum.required), "8");
  EXPECT_EQ(Opt(r.quorum.reached), "true");
}

}  // namespace
}  // namespace delibex

namespace delibex {
namespace {

// The president presides, so is present: added to the present list only
// when the stated count shows exactly them missing from it.
TEST(ExtractSession, PresidentAddedWhenTheCountShowsThemMissing) {
  const std::string head =
      "Séance du 12 mars 2019\nPrésents : 4\nsous la présidence de Monsieur Yves ARDANT, Maire.\n\n"
      "Etaient présents : C.FORAT - T.BUSSON - N.VERDIN\n\n";
  Record r = SessionOf(head + "Secrétaire de séance : C.FORAT\n");
  ASSERT_EQ(r.attendance.present.size(), 4u);
  EXPECT_EQ(r.attendance.present[0].name, "Yves ARDANT");
  // A count that says nothing of them: the list as printed.
  Record other = SessionOf(
      "Séance du 12 mars 2019\nPrésents : 6\nsous la présidence de Monsieur Yves "
      "ARDANT, Maire.\n\nEtaient présents : C.FORAT - T.BUSSON - N.VERDIN\n");
  EXPECT_EQ(other.attendance.present.size(), 3u);
}

// The sitting's date after the council's name, or after a colon.
TEST(ExtractSession, DateAfterTheCouncilsNameOrAColon) {
  EXPECT_EQ(Opt(SessionOf("COMPTE RENDU DE LA SEANCE DU CONSEIL MUNICIPAL DE LANVALLAY DU 03 "
                          "JUILLET 2019 Etaient présents : Mme Agnès AUDOIN, M. Pascal LESUR. "
                          "Compte rendu du Conseil Municipal du 5 juin 2019 approuvé.\n")
                    .session.date),
            "2019-07-03");
  // The date opening the next line.
  EXPECT_EQ(Opt(SessionOf("COMMUNE DE SAINT-ALBAN\n"
                          "SEANCE DU CONSEIL MUNICIPAL DE SAINT-ALBAN D'AUVERGNE\n"
                          "du 29 mai 2015 à 20 heures 30\n"
                          "Présents : Paul ROUX, Anne BLANC.\n"
                          "Le procès-verbal du 3 avril 2015 est approuvé.\n")
                    .session.date),
            "2015-05-29");
  EXPECT_EQ(Opt(SessionOf("PROCES-VERBAL SEANCE DU : 25 NOVEMBRE 2019 Membres présents : M. RUCH "
                          "Jean, M. URBAIN René\n")
                    .session.date),
            "2019-11-25");
  // The minutes named by their date ("C.R. du"), not the date of the sitting
  // called again below for want of a quorum.
  Record r = SessionOf(
      "C.R. du 11/05/2024\n"
      "\n"
      "Réunion du Conseil Municipal\n"
      "\n"
      "Mme ROUX, Mme BLANC et Mr NOIR, soit 3 élus, se sont déplacés.\n"
      "\n"
      "Faute de quorum, la réunion n'a pas eu lieu. Le Conseil municipal a été de nouveau "
      "convoqué,\n"
      "\n"
      "Le mercredi 15 mai 2024 à 20h30\n");
  EXPECT_EQ(Opt(r.session.date), "2024-05-11");
  EXPECT_EQ(Opt(r.session.time), "null");
}

// No assembly named: the body named first heads the text; a commune named in
// the list below is a member ("Commune de X :" over its delegates).
TEST(ExtractSession, BodyInTheHeadingOverMemberCommunes) {
  Record r = SessionOf(
      "SYNDICAT INTERCOMMUNAL DES EAUX DU HAUT-VERDON\n"
      "\n"
      "COMPTE RENDU DE LA RÉUNION DU 4 MARS 2024\n"
      "\n"
      "Etaient présents :\n"
      "Commune de Beauvezer : Monsieur Lions, Commune de Colmars : Madame Reynaud\n");
  EXPECT_EQ(Opt(r.authority.kind), "syndicat");
  EXPECT_EQ(Opt(r.authority.name), "SYNDICAT INTERCOMMUNAL DES EAUX DU HAUT-VERDON");
}

// A syndicat's name goes on past "pour" and "à" and stops at its address.
TEST(ExtractSession, SyndicatNameWithItsPurpose) {
  Record r = SessionOf(
      "Syndicat Intercommunal pour la Collecte des Déchets Siège social : 2 place du Marché\n"
      "Comité syndical du 5 juin 2023\n"
      "Le comité syndical du Syndicat Intercommunal pour la Collecte des Déchets, "
      "légalement convoqué, s'est réuni sous la présidence de M. Jean PONS.\n");
  EXPECT_EQ(Opt(r.authority.kind), "syndicat");
  EXPECT_EQ(Opt(r.authority.name), "Syndicat Intercommunal pour la Collecte des Déchets");
}

// A commune's name keeps its lower-case particles ("des", "les"), and stops
// at the letterhead's service under it.
TEST(ExtractSession, CommuneNameParticlesAndLetterheadService) {
  Record r = SessionOf(
      "Ville de BRUYÈRES les VIGNES\n"
      "Direction Générale des Services\n"
      "Conseil municipal du 2 février 2024\n"
      "Le conseil municipal s'est réuni sous la présidence de M. Paul ROUX, Maire.\n");
  EXPECT_EQ(Opt(r.authority.kind), "commune");
  EXPECT_EQ(Opt(r.authority.name), "Commune de BRUYÈRES les VIGNES");
}

// A convocation dated without its year takes the sitting's (the year before
// when that would follow the sitting); a convocation never falls on or after
// the sitting. The sitting's date may sit under the title, past an empty
// line.
TEST(ExtractSession, ConvocationWithoutItsYearAndDateUnderTheTitle) {
  Record r = SessionOf(
      "COMPTE RENDU DE LA SÉANCE\n\nDU 9 MARS 2022\n\n"
      "Le Conseil municipal de Valmont, dûment convoqué le 2 mars, s'est réuni le 9 mars 2022 "
      "à la mairie, sous la présidence de M. Hugo LEMARCHAND, Maire.\n");
  EXPECT_EQ(Opt(r.session.date), "2022-03-09");
  EXPECT_EQ(Opt(r.session.convened_on), "2022-03-02");
  Record january = SessionOf(
      "COMMUNE DE VALMONT\nLe conseil, convoqué le 28 décembre, s'est réuni le 4 janvier 2023 à "
      "la mairie.\n");
  EXPECT_EQ(Opt(january.session.convened_on), "2022-12-28");
  Record same_day = SessionOf(
      "COMMUNE DE VALMONT\nLe conseil, légalement convoqué, s'est réuni le 4 janvier 2023 à "
      "la mairie.\n");
  EXPECT_EQ(Opt(same_day.session.convened_on), "null");
}

// The quorum said without the word: the assembly "remplit les conditions
// pour délibérer valablement", "peut valablement délibérer"; "ne peut
// valablement délibérer" says it was not.
TEST(ExtractSession, QuorumSaidAsTheConditionsToDeliberate) {
  const char* head = "COMMUNE DE VALMONT\nSéance du 9 mars 2022\nPrésents : M. Paul ROCHE.\n";
  EXPECT_EQ(SessionOf(std::string(head) + "Le Maire constate que l'assemblée remplit les "
                                          "conditions pour délibérer valablement.\n")
                .quorum.reached,
            std::optional<bool>(true));
  EXPECT_EQ(
      SessionOf(std::string(head) + "Le conseil peut valablement délibérer.\n").quorum.reached,
      std::optional<bool>(true));
  EXPECT_EQ(
      SessionOf(std::string(head) + "Le conseil ne peut valablement délibérer.\n").quorum.reached,
      std::optional<bool>(false));
}

}  // namespace
}  // namespace delibex
