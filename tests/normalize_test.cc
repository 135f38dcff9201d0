// Tests of normalize/: the text rewrites, the lines it drops, and the offset
// map back to the pages. Also runs the examples of patterns/web_chrome.pcre.
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "ingest/ingest.h"
#include "normalize/normalize.h"

namespace delibex {
namespace {

Document Doc(const std::vector<std::string>& pages) {
  Document doc;
  for (const std::string& p : pages) doc.pages.push_back(Page{p, -1, {}, {}});
  return doc;
}

std::string Norm(const std::vector<std::string>& pages) { return Normalize(Doc(pages)).text; }

bool ValidUtf8(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80                ? 1
               : c >= 0xC2 && c < 0xE0 ? 2
               : c >= 0xE0 && c < 0xF0 ? 3
               : c >= 0xF0 && c < 0xF5 ? 4
                                       : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

// Letters and digits are never rewritten: each must map back to the same
// byte of its page.
void ExpectMapsBack(const Document& doc, const NormalizedText& n) {
  for (size_t o = 0; o < n.text.size(); ++o) {
    auto c = static_cast<unsigned char>(n.text[o]);
    if (!std::isalnum(c)) continue;
    SourcePosition pos = n.map.Lookup(o);
    ASSERT_GE(pos.page, 0);
    ASSERT_LT(static_cast<size_t>(pos.page), doc.pages.size()) << "offset " << o;
    const std::string& page = doc.pages[pos.page].text;
    ASSERT_LT(pos.offset, page.size()) << "offset " << o;
    ASSERT_EQ(page[pos.offset], n.text[o]) << "offset " << o << " in «" << n.text << "»";
  }
}

// Random pages made of `alphabet`'s pieces: every normalized text is valid
// UTF-8, has a start per page inside it, and maps back to its pages (letters
// and digits to themselves, every byte inside its page).
template <size_t N>
void StressNormalize(std::mt19937* rng, const std::string (&alphabet)[N], int rounds,
                     size_t max_pages, size_t max_pieces) {
  for (int round = 0; round < rounds; ++round) {
    std::vector<std::string> pages(1 + (*rng)() % max_pages);
    for (std::string& p : pages) {
      size_t n = (*rng)() % max_pieces;
      for (size_t i = 0; i < n; ++i) p += alphabet[(*rng)() % N];
    }
    Document doc = Doc(pages);
    NormalizedText n = Normalize(doc);
    ASSERT_TRUE(ValidUtf8(n.text)) << round;
    ASSERT_EQ(n.page_starts.size(), pages.size());
    for (size_t s : n.page_starts) ASSERT_LE(s, n.text.size());
    ExpectMapsBack(doc, n);
    for (size_t o = 0; o < n.text.size(); ++o) {
      SourcePosition pos = n.map.Lookup(o);
      ASSERT_LT(static_cast<size_t>(pos.page), pages.size()) << round;
      ASSERT_LE(pos.offset, pages[pos.page].size() + 2) << round << " offset " << o;
    }
  }
}

struct Case {
  std::string in;
  std::string out;
};

void RunTable(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    SCOPED_TRACE("input: «" + c.in + "»");
    Document doc = Doc({c.in});
    NormalizedText n = Normalize(doc);
    EXPECT_EQ(n.text, c.out);
    ExpectMapsBack(doc, n);
  }
}

TEST(NormalizeTest, UnicodeQuotesAndSpaces) {
  RunTable({
      {"De\u0301libe\u0301ration du conseil", "Délibération du conseil"},
      {"E\u0301TAT DES LIEUX", "ÉTAT DES LIEUX"},
      {"Le ma\u0131\u0302tre d\u2019ouvrage", "Le ma\u0131\u0302tre d'ouvrage"},  // no composite
      {"la re\u0301sistance de 10 \u2126", "la résistance de 10 \u03A9"},
      {"l\u2019adjointe, l\u2018aide, l\u02BCavis, l\u00B4acte, l`arrêté",
       "l'adjointe, l'aide, l'avis, l'acte, l'arrêté"},
      {"le projet \u201CMon village\u201D et \u201Eautre\u201C",
       "le projet \"Mon village\" et \"autre\""},
      {"le label \u00AB\u00A0Villes fleuries\u00A0\u00BB",
       "le label \u00AB Villes fleuries \u00BB"},
      {"un montant de 12\u00A0500,00\u00A0\u20AC", "un montant de 12 500,00 \u20AC"},
      {"Pr\u00E9sents\u202F: 12\u2009; votants\u2003: 14", "Présents : 12 ; votants : 14"},
      {"Pour\t:\t12", "Pour : 12"},
      {"con\u200Bseil muni\u00ADcipal \u2060ok", "conseil municipal ok"},
      {"\uFEFFS\u00E9ance du 4 mars", "Séance du 4 mars"},
      {"Le maire   \u00A0\t\nLe secr\u00E9taire  ", "Le maire\nLe secrétaire"},
      {"Le Maire                         Le Secr\u00E9taire",
       "Le Maire                         Le Secrétaire"},
      {"        Point n\u00B0 1 : Finances", "        Point n° 1 : Finances"},
      {"bad \xFF byte and \xC3 cut", "bad \uFFFD byte and \uFFFD cut"},
      {"ctrl\x01 and\x7F del", "ctrl and del"},
      {"\uF0D8 D\u00E9cide d'approuver", "\uF0D8 Décide d'approuver"},  // a PDF bullet stays
  });
}

TEST(NormalizeTest, LineEndHyphens) {
  RunTable({
      {"le rapport sur l'assujet-\ntissement \u00E0 la TVA",
       "le rapport sur l'assujettissement \u00E0 la TVA"},
      {"le pr\u00E9si-\ndent de s\u00E9ance", "le président de séance"},
      {"Vu le code g\u00E9n\u00E9ral des collectivit\u00E9s terri-\n    toriales,",
       "Vu le code général des collectivités territoriales,"},
      {"   ren-\n     contre des \u00E9lus", "   rencontre des élus"},
      {"les pi\u00E8ces ci-\nannex\u00E9es au pr\u00E9sent acte",
       "les pièces ci-annexées au présent acte"},
      {"la commune de Putanges-le-\nLac", "la commune de Putanges-le-Lac"},
      {"M. Jean-\nPierre DURAND", "M. Jean-Pierre DURAND"},
      {"c'est-\u00E0-\ndire la somme", "c'est-à-dire la somme"},
      {"le maire lui-\nm\u00EAme", "le maire lui-même"},
      {"transmis \u00E0 la sous-\npr\u00E9fecture", "transmis à la sous-préfecture"},
      {"Je sous-\nsign\u00E9, maire de la commune", "Je soussigné, maire de la commune"},
      {"l'avant-\nprojet sommaire", "l'avant-projet sommaire"},
      {"L'an deux mille vingt-\ntrois, le dix-\nhuit mars",
       "L'an deux mille vingt-trois, le dix-huit mars"},
      {"le quatre-\nvingt-\ndouzième point", "le quatre-vingt-douzième point"},
      {"au rez-\nde-chaussée de la mairie", "au rez-de-chaussée de la mairie"},
      {"vis-\nà-vis de l'État", "vis-à-vis de l'État"},
      {"l'auto-\nrisation du maire", "l'autorisation du maire"},
      {"a-t-\nil \u00E9t\u00E9 d\u00E9cid\u00E9", "a-t-il été décidé"},
      {"le d\u00E9partement de TARN-ET-\nGARONNE", "le département de TARN-ET-GARONNE"},
      {"assujet\u00AD\ntissement", "assujettissement"},
      {"RE\u0301GLE\u00AD\nMENT", "RÉGLEMENT"},
      // Not joined.
      {"RÈGLE-\nMENT INTÉRIEUR", "RÈGLE-\nMENT INTÉRIEUR"},
      {"l'exercice 2023-\n2024", "l'exercice 2023-\n2024"},
      {"les tarifs suivants -\nadultes : 5 \u20AC", "les tarifs suivants -\nadultes : 5 \u20AC"},
      {"Ordre du jour : budget-\n- travaux de voirie",
       "Ordre du jour : budget-\n- travaux de voirie"},
      {"assujet-\n\ntissement", "assujet-\n\ntissement"},
      {"-\nsuite", "-\nsuite"},
      {"une liste \u2013\ndes points", "une liste \u2013\ndes points"},
  });
  // Not across a page break: the page join is a paragraph break.
  EXPECT_EQ(Norm({"la subven-", "tion est vot\u00E9e"}), "la subven-\n\ntion est votée");
}

TEST(NormalizeTest, LetterSpacedCapitals) {
  RunTable({
      {"D  \u00C9  LIBERATION", "DÉLIBERATION"},
      {"      D  \u00C9  LIBERATION", "      DÉLIBERATION"},
      {"D  E\u0301  LIBERATION", "DÉLIBERATION"},
      {"D E L I B E R A T I O N", "DELIBERATION"},
      {"D E L I B E R A T I O N   D U   C O N S E I L", "DELIBERATION   DU   CONSEIL"},
      {"P R O C E S - V E R B A L", "PROCES - VERBAL"},
      // Initials, lists of letters and double-spaced prose stay as they are.
      {"J. P. MARTIN", "J. P. MARTIN"},
      {"M. A. B.", "M. A. B."},
      {"Sont pr\u00E9sents : M. A. DUPONT, Mme B. MARTIN",
       "Sont présents : M. A. DUPONT, Mme B. MARTIN"},
      {"BARTHES J P, ROUX A", "BARTHES J P, ROUX A"},
      {"ANNEXE A B", "ANNEXE A B"},
      {"le lot A ou le lot B", "le lot A ou le lot B"},
      {"Le  Conseil  de  la  Communaut\u00E9  A  approuv\u00E9",
       "Le  Conseil  de  la  Communauté  A  approuvé"},
  });
}

TEST(NormalizeTest, PageNumbers) {
  RunTable({
      {"Le budget est adopt\u00E9.\nPage 2/6", "Le budget est adopté."},
      {"Le budget est adopt\u00E9.\npage 3 sur 8\n", "Le budget est adopté."},
      {"- 3 -\nLe budget est adopt\u00E9.", "Le budget est adopté."},
      {"\u2013 12 \u2013\nLe budget est adopt\u00E9.", "Le budget est adopté."},
      {"Le budget est adopt\u00E9.\n\n\n                                          3\n",
       "Le budget est adopté."},
      {"Le budget est adopt\u00E9.\n3/6", "Le budget est adopté."},
      {"Le budget est adopt\u00E9.\nPage 4\nCommune de Saint-Paul",
       "Le budget est adopté.\nCommune de Saint-Paul"},
      // Numbers inside the page are values, not page numbers.
      {"Votants :\n12\nLa d\u00E9lib\u00E9ration est adopt\u00E9e.",
       "Votants :\n12\nLa délibération est adoptée."},
      {"Compte administratif\n2023", "Compte administratif\n2023"},
      {"Pour : 14\n0", "Pour : 14\n0"},
  });
}

TEST(NormalizeTest, WebChromeLinesAreDroppedAndRealLinesKept) {
  const std::string page =
      "\u2022 Aucun r\u00E9sultat trouv\u00E9\n"
      "\n"
      "COMPTE RENDU DU CONSEIL MUNICIPAL DU 4 MARS 2024\n"
      "\n"
      "N/A\n"
      "Protected\n"
      "\n"
      "Academic year: 2023\n"
      "\n"
      "Partager \"COMPTE RENDU DU CONSEIL MUNICIPAL DU 4 MARS 2024\"\n"
      "\n"
      "Copied!\n"
      "7\n"
      "0\n"
      "0\n"
      "\n"
      "Texte int\u00E9gral\n"
      "\n"
      "(1)\n"
      "\n"
      "Le conseil municipal, r\u00E9guli\u00E8rement convoqu\u00E9, s'est r\u00E9uni en mairie.\n"
      "Transcription des actes d'\u00E9tat civil : le maire rend compte.\n"
      "Partager les frais de transport entre les deux \u00E9coles.\n"
      "Le texte int\u00E9gral de la convention est annex\u00E9.\n"
      "Publi\u00E9 le 12 mars 2024\n"
      "Transcription\n"
      "CONTINUER \u00C0 LIRE\n";
  EXPECT_EQ(Norm({page}),
            "COMPTE RENDU DU CONSEIL MUNICIPAL DU 4 MARS 2024\n"
            "\n"
            "Le conseil municipal, régulièrement convoqué, s'est réuni en mairie.\n"
            "Transcription des actes d'état civil : le maire rend compte.\n"
            "Partager les frais de transport entre les deux écoles.\n"
            "Le texte intégral de la convention est annexé.\n"
            "Publié le 12 mars 2024");

  const std::string viewer =
      "Proc\u00E8s-verbal du comit\u00E9 syndical\n"
      "t\u00E9l\u00E9charger 48.5 Kb.\n"
      "titreProc\u00E8s-verbal du comit\u00E9 syndical\n"
      "date de publication03.02.2019\n"
      "taille48.5 Kb.\n"
      "typeDocuments\n"
      "exemple-docs.com > administration > Documents\n"
      "Total Page:9\n"
      "File Type:pdf, Size:640Kb\n"
      "La page est cr\u00E9\u00E9e Marie Durand\n"
      "Le comit\u00E9 syndical s'est r\u00E9uni le 3 f\u00E9vrier 2019.";
  EXPECT_EQ(Norm({viewer}),
            "Procès-verbal du comité syndical\nLe comité syndical s'est réuni le 3 février 2019.");
}

TEST(NormalizeTest, RunningHeadersAndFootersAcrossPages) {
  const std::string header = "Commune de Sainte-Odile \u2013 s\u00E9ance du 4 mars 2024";
  Document doc = Doc({
      header + "\n\nLe conseil municipal s'est r\u00E9uni sous la pr\u00E9sidence du maire.\n"
               "Le budget primitif est pr\u00E9sent\u00E9 par l'adjointe.\n\n"
               "Compte rendu du conseil municipal \u2013 page 1\n\n                  1\n",
      "   " + header +
          "\n\nLes cr\u00E9dits d'investissement sont vot\u00E9s par chapitre.\n\n"
          "Compte rendu du conseil municipal \u2013 page 2\n\n                  2\n",
      header + "\n\nLa s\u00E9ance est lev\u00E9e \u00E0 vingt et une heures.\n\n"
               "Compte rendu du conseil municipal \u2013 page 3\n\n                  3\n",
  });
  NormalizedText n = Normalize(doc);
  EXPECT_EQ(n.text, header +
                        "\n\nLe conseil municipal s'est réuni sous la présidence du maire.\n"
                        "Le budget primitif est présenté par l'adjointe.\n\n"
                        "Compte rendu du conseil municipal \u2013 page 1"
                        "\n\n"
                        "Les crédits d'investissement sont votés par chapitre."
                        "\n\n"
                        "La séance est levée à vingt et une heures.");
  ASSERT_EQ(n.page_starts.size(), 3u);
  EXPECT_EQ(n.text.substr(n.page_starts[1]).rfind("Les crédits", 0), 0u);
  EXPECT_EQ(n.text.substr(n.page_starts[2]).rfind("La séance", 0), 0u);
  ExpectMapsBack(doc, n);

  // Two pages are not enough to call a line a running header.
  EXPECT_EQ(Norm({header + "\nUn.", header + "\nDeux."}),
            header + "\nUn.\n\n" + header + "\nDeux.");
}

// A register prints one act per page: the lines every act repeats (its
// heading, its vote, its stamp) are the acts' own, not page furniture.
TEST(NormalizeTest, LinesThatEveryActRepeatsAreKept) {
  std::vector<std::string> pages;
  std::string expected;
  for (int i = 1; i <= 3; ++i) {
    std::string n = std::to_string(i);
    std::string page =
        "EXTRAIT DU REGISTRE DES D\u00C9LIB\u00C9RATIONS\n"
        "D\u00E9lib\u00E9ration n\u00B0 2024-0" +
        n +
        "\n\n"
        "Le conseil approuve le point " +
        n +
        " de l'ordre du jour.\n\n"
        "Adopt\u00E9 \u00E0 l'unanimit\u00E9 des membres pr\u00E9sents.\n"
        "ID : 067-216700000-20240304-2024_0" +
        n + "-DE\n";
    pages.push_back(page);
    if (i > 1) expected += "\n\n";
    expected += page.substr(0, page.size() - 1);
  }
  EXPECT_EQ(Norm(pages), expected);
}

TEST(NormalizeTest, OffsetMapPointsBackToPageAndOffset) {
  Document doc = Doc({
      "Compte rendu du conseil\n\nL\u2019adjoint pr\u00E9sente le rapport.\n",
      "  Le maire met aux voix.\nAdopt\u00E9 \u00E0 l\u2019unanimit\u00E9.\n",
  });
  NormalizedText n = Normalize(doc);
  ASSERT_EQ(n.text,
            "Compte rendu du conseil\n\nL'adjoint présente le rapport.\n\n"
            "  Le maire met aux voix.\nAdopté à l'unanimité.");
  ASSERT_EQ(n.page_starts, (std::vector<size_t>{0, n.text.find("  Le maire")}));

  size_t at = n.text.find("Le maire");
  SourcePosition pos = n.map.Lookup(at);
  EXPECT_EQ(pos.page, 1);
  EXPECT_EQ(pos.offset, 2u);

  // After a rewritten apostrophe the map is exact again.
  at = n.text.find("unanimit");
  pos = n.map.Lookup(at);
  EXPECT_EQ(pos.page, 1);
  EXPECT_EQ(pos.offset, doc.pages[1].text.find("unanimit"));

  at = n.text.find("adjoint");
  pos = n.map.Lookup(at);
  EXPECT_EQ(pos.page, 0);
  EXPECT_EQ(pos.offset, doc.pages[0].text.find("adjoint"));

  // The rewritten apostrophe maps to the start of the one it replaces.
  at = n.text.find("L'");
  pos = n.map.Lookup(at + 1);
  EXPECT_EQ(pos.offset, doc.pages[0].text.find("\u2019"));
  ExpectMapsBack(doc, n);
}

TEST(NormalizeTest, OffsetMapAcrossJoinsAndDroppedLines) {
  Document doc = Doc({"Partager\nla subven-\n   tion est vot\u00E9e\nPage 1/2\n",
                      "- 2 -\nD  \u00C9  LIBERATION\n"});
  NormalizedText n = Normalize(doc);
  ASSERT_EQ(n.text, "la subvention est votée\n\nDÉLIBERATION");
  SourcePosition pos = n.map.Lookup(n.text.find("tion"));
  EXPECT_EQ(pos.page, 0);
  EXPECT_EQ(pos.offset, doc.pages[0].text.find("tion"));
  pos = n.map.Lookup(n.text.find("LIB"));
  EXPECT_EQ(pos.page, 1);
  EXPECT_EQ(pos.offset, doc.pages[1].text.find("LIB"));
  ExpectMapsBack(doc, n);
}

TEST(NormalizeTest, EmptyAndBlankPages) {
  NormalizedText none = Normalize(Document{});
  EXPECT_EQ(none.text, "");
  EXPECT_TRUE(none.page_starts.empty());
  EXPECT_EQ(none.map.Lookup(0).page, 0);

  NormalizedText n = Normalize(Doc({"", "\n  \n", "Le maire ouvre la s\u00E9ance.", "\n", "Fin."}));
  EXPECT_EQ(n.text, "Le maire ouvre la séance.\n\nFin.");
  EXPECT_EQ(n.page_starts, (std::vector<size_t>{0, 0, 0, n.text.size() - 6, n.text.size() - 4}));
}

TEST(NormalizeTest, AnyTextIsHandled) {
  std::mt19937 rng(4032024);
  const std::string alphabet[] = {"a",
                                  "Le",
                                  " ",
                                  "  ",
                                  "\n",
                                  "-",
                                  "-\n",
                                  "\u00E9",
                                  "e\u0301",
                                  "\u2019",
                                  "\xFF",
                                  "\xC3",
                                  "\u00AD",
                                  "\u00AD\n",
                                  "D",
                                  "\u00C9",
                                  "J.",
                                  "Page 2/6",
                                  "Copied!",
                                  "\r",
                                  std::string(1, '\0'),
                                  "3",
                                  "\u00A0",
                                  "\t",
                                  "\u0301",
                                  "\uFEFF",
                                  "\U0001F44D",
                                  "\u1100\u1161",
                                  "Partager\n12\n"};
  StressNormalize(&rng, alphabet, 2000, 4, 30);
}

// The examples written in patterns/web_chrome.pcre, and lines that look
// alike but are text.
TEST(NormalizeTest, WebChromePatternExamples) {
  const PatternSet& set = PatternSet::Builtin();
  struct Examples {
    const char* entry;
    std::vector<std::string> match;
    std::vector<std::string> no_match;
  };
  const Examples all[] = {
      {"web_chrome_line",
       {"télécharger 59.02 Kb.",
        "Télécharger le PDF",
        "Télécharger (PDF, 245 Ko)",
        "Download",
        "59.02 Kb.",
        "taille59.02 Kb.",
        "Taille : 1,2 Mo",
        "(PDF - 245.3 Ko)",
        "Total Page:16",
        "File Type:pdf, Size:1020Kb",
        "titreProcès-verbal de la séance du conseil municipal",
        "typeDocumentos",
        "date de publication21.05.2017",
        "d.20-bal.com > loi > Documentos",
        "Partager",
        "Partager \"CONSEIL GENERAL REUNION DU 12 MAI 2011\"",
        "Partager sur Facebook",
        "Copied!",
        "Texte intégral",
        "Transcription",
        "• Aucun résultat trouvé",
        "Aucun résultat trouvé",
        "CONTINUER À LIRE",
        "Lire la suite",
        "Academic year: 2022",
        "N/A",
        "Protected",
        "La page est créée Fanny Henry",
        "(1)",
        "(12)",
        "Imprimer",
        "Retour en haut de la page",
        "Haut de page"},
       {"Publié le 12 mars 2024", "Mis en ligne le 12/03/2024", "Affiché le 5 avril 2024",
        "Date de publication : 21/05/2017", "Transcription des actes d'état civil",
        "Partager les frais", "Le texte intégral de la convention est annexé",
        "Le montant de 59,02 € est imputé", "Protection des données", "N° 2024-12",
        "(1) voir l'annexe", "Titre de recette", "Imprimerie municipale",
        "Télécharger les pièces jointes avant le 3 mai", "Type de marché : travaux",
        "www.mairie-exemple.fr", "(1234)", "Copied", "Lire la suite du rapport"}},
      {"page_number_line",
       {"Page 2/6", "page 3 sur 8", "- 3 -", "– 12 –", "3/6", "3 / 6", "Page 4", "p. 2/5",
        "Page 2 of 6", "[3]"},
       {"Page de garde", "2023/2024", "- Budget -", "n° 3", "Article 3", "12 voix", "1/2 part",
        "Page 2/6 du rapport"}},
      {"page_number_bare", {"3", "12", "999"}, {"0", "2024", "03", "1er", "12 voix", "3."}},
  };
  for (const Examples& e : all) {
    ASSERT_TRUE(set.has(e.entry)) << e.entry;
    const Pattern& p = set[e.entry];
    for (const std::string& s : e.match) {
      Match m;
      EXPECT_TRUE(p.MatchAt(s, &m) && m.end() == s.size())
          << e.entry << " should match «" << s << "»";
    }
    for (const std::string& s : e.no_match) {
      Match m;
      EXPECT_FALSE(p.MatchAt(s, &m) && m.end() == s.size())
          << e.entry << " should not match «" << s << "»";
    }
  }
}

// The shared corpus, read and normalized: valid text, every letter traced
// back, and no page-number or chrome line left.
TEST(NormalizeTest, SharedCorpusTexts) {
  std::filesystem::path root = std::filesystem::path(DELIBEX_SOURCE_DIR) / "../shared/corpus";
  if (!std::filesystem::is_directory(root / "dev/text")) GTEST_SKIP() << "no shared corpus";
  const PatternSet& set = PatternSet::Builtin();
  const Pattern& chrome = set["web_chrome_line"];
  const Pattern& page_line = set["page_number_line"];
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(root / "dev/text"))
    files.push_back(e.path());
  if (std::filesystem::is_directory(root / "seed/input")) {
    for (const auto& e : std::filesystem::directory_iterator(root / "seed/input"))
      files.push_back(e.path());
  }
  for (const auto& path : files) {
    if (path.extension() != ".txt") continue;
    SCOPED_TRACE(path.string());
    auto doc = IngestFile(path.string());
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    NormalizedText n = Normalize(doc.value());
    ASSERT_TRUE(ValidUtf8(n.text));
    EXPECT_EQ(n.page_starts.size(), doc.value().pages.size());
    ExpectMapsBack(doc.value(), n);
    EXPECT_EQ(n.text.find("\u2019"), std::string::npos);
    EXPECT_EQ(n.text.find("\u00A0"), std::string::npos);
    size_t b = 0;
    while (b <= n.text.size()) {
      size_t e = n.text.find('\n', b);
      if (e == std::string::npos) e = n.text.size();
      std::string line = n.text.substr(b, e - b);
      size_t s = line.find_first_not_of(' ');
      if (s != std::string::npos) line = line.substr(s);
      Match m;
      EXPECT_FALSE(chrome.MatchAt(line, &m) && m.end() == line.size()) << "«" << line << "»";
      EXPECT_FALSE(page_line.MatchAt(line, &m) && m.end() == line.size() &&
                   line.rfind("Page", 0) == 0)
          << "«" << line << "»";
      b = e + 1;
    }
  }
}

// Apostrophes a source lost ("l Hôtel", "s est", "qu il", "d un") are put
// back when the text shows three or more such elisions; a unit after a
// figure ("200 m au nord") and a text with fewer are left alone.
TEST(NormalizeTest, LostApostrophesPutBack) {
  EXPECT_EQ(Norm({"Le conseil s est réuni à l Hôtel de Ville, qu il a choisi, à l unanimité."}),
            "Le conseil s'est réuni à l'Hôtel de Ville, qu'il a choisi, à l'unanimité.");
  EXPECT_EQ(Norm({"L an deux mille, d une part à 200 m au nord, l aire et d autre part."}),
            "L'an deux mille, d'une part à 200 m au nord, l'aire et d'autre part.");
  EXPECT_EQ(Norm({"Le conseil s est réuni à l Hôtel de Ville."}),
            "Le conseil s est réuni à l Hôtel de Ville.");
  Document doc = Doc({"Il s est réuni à l Hôtel de Ville qu il a choisi."});
  ExpectMapsBack(doc, Normalize(doc));
}

// --- Tables and two-column layouts (normalize/tables.h). Invented text.

std::string Lines(const std::vector<std::string>& lines) {
  std::string s;
  for (size_t i = 0; i < lines.size(); ++i) s += (i ? "\n" : "") + lines[i];
  return s;
}

TEST(NormalizeTablesTest, SidebarLayoutReadsLabelsThenBody) {
  RunTable(
      {{Lines({
            "EXTRAIT DU REGISTRE",
            "|Nombre de membres |Le quatre avril deux mille vingt-trois, le Conseil municipal |",
            "|en exercice : |de Belmont-sur-Lise s'est réuni à la mairie sous la présidence |",
            "|11 |de Mme Agnès PRUVOT, Maire, après convocation légale. |",
            "|qui ont pris part au vote : | |",
            "|10 |Objet : Entretien des chemins ruraux, travaux de la tranche |",
            "|Date de la convocation : |deux, confiés au syndicat de voirie. |",
            "|28 mars 2023 | |",
            "Fait à Belmont-sur-Lise.",
        }),
        Lines({
            "EXTRAIT DU REGISTRE",
            "Nombre de membres en exercice : 11",
            "qui ont pris part au vote : 10",
            "Date de la convocation : 28 mars 2023",
            "",
            "Le quatre avril deux mille vingt-trois, le Conseil municipal",
            "de Belmont-sur-Lise s'est réuni à la mairie sous la présidence",
            "de Mme Agnès PRUVOT, Maire, après convocation légale.",
            "",
            "Objet : Entretien des chemins ruraux, travaux de la tranche",
            "deux, confiés au syndicat de voirie.",
            "Fait à Belmont-sur-Lise.",
        })}});
}

TEST(NormalizeTablesTest, SidebarValueWrapsAndBodyHyphenJoins) {
  // A value that wraps on a lower-case fragment stays on its label's line; a
  // fragment with its own ':' starts a line; a body word cut at a row's end
  // is joined by the usual line-end rule.
  RunTable({{Lines({
                 "|Objet : |Le conseil examine la demande d'assujet- |",
                 "|Cession d'une parcelle |tissement volontaire à la taxe sur la valeur |",
                 "|communale |ajoutée présentée pour le gîte de la commune. |",
                 "|votants : 9 |Il en approuve le principe et charge le maire |",
                 "| |des démarches auprès des services fiscaux. |",
             }),
             Lines({
                 "Objet : Cession d'une parcelle communale",
                 "votants : 9",
                 "",
                 "Le conseil examine la demande d'assujettissement volontaire à la taxe sur la "
                 "valeur",
                 "ajoutée présentée pour le gîte de la commune.",
                 "Il en approuve le principe et charge le maire",
                 "des démarches auprès des services fiscaux.",
             })}});
}

TEST(NormalizeTablesTest, AttendanceGridBecomesLists) {
  Document doc = Doc({Lines({
      "+------------------+--------+--------+----------------+",
      "|Nom et prénom     |Présent |Excusé  |Pouvoir à       |",
      "+==================+========+========+================+",
      "|Mme Agnès PRUVOT  |X       |        |                |",
      "|M. Yann QUÉMÉNER  |x       |        |                |",
      "|M. Loïc BARDET    |        |X       |                |",
      "|Mme Rose TALBOT   |        |X       |Mme Agnès PRUVOT|",
      "+------------------+--------+--------+----------------+",
  })});
  NormalizedText n = Normalize(doc);
  EXPECT_EQ(n.text, Lines({
                        "Présents : Mme Agnès PRUVOT, M. Yann QUÉMÉNER.",
                        "Procurations : Mme Rose TALBOT à Mme Agnès PRUVOT.",
                        "Absents excusés : M. Loïc BARDET.",
                    }));
  // The labels are written by the reading; the names map back to their cells.
  for (const char* name : {"BARDET", "TALBOT", "QU"}) {
    size_t at = n.text.find(name);
    ASSERT_NE(at, std::string::npos);
    SourcePosition pos = n.map.Lookup(at);
    EXPECT_EQ(doc.pages[0].text.substr(pos.offset, std::string(name).size()), name);
  }
  size_t label = n.text.find("Absents");
  EXPECT_EQ(doc.pages[0].text.substr(n.map.Lookup(label).offset, 5), "Excus");
}

TEST(NormalizeTablesTest, PresenceColumnInWords) {
  Document doc = Doc({Lines({
      "| NOM Prénom | Fonction | Présence |",
      "|---|---|---|",
      "| PRUVOT Agnès | Maire | présente |",
      "| BARDET Loïc | Adjoint | excusé |",
      "| TALBOT Rose | Conseillère | pouvoir à PRUVOT Agnès |",
      "| GIRAUD Paul | Conseiller | absent |",
      "| QUÉMÉNER Yann | Conseiller | présent |",
  })});
  EXPECT_EQ(Normalize(doc).text, Lines({
                                     "Présents : PRUVOT Agnès, QUÉMÉNER Yann.",
                                     "Procurations : TALBOT Rose à PRUVOT Agnès.",
                                     "Absents excusés : BARDET Loïc.",
                                     "Absents : GIRAUD Paul.",
                                 }));
  // A status the grid does not know: rows kept as they are.
  Document unsure = Doc({Lines({
      "| NOM Prénom | Présence |",
      "| PRUVOT Agnès | présente |",
      "| BARDET Loïc | arrivé au point 3 |",
  })});
  EXPECT_EQ(Normalize(unsure).text, Lines({
                                        "NOM Prénom ; Présence",
                                        "PRUVOT Agnès ; présente",
                                        "BARDET Loïc ; arrivé au point 3",
                                    }));
}

TEST(NormalizeTablesTest, UnsureGridStaysRowPerLine) {
  // Two marks on one row: no guess, the rows are kept with their cells.
  RunTable({{Lines({
                 "|Nom |Présent |Absent |",
                 "|Mme Agnès PRUVOT |X | |",
                 "|M. Loïc BARDET |X |X |",
                 "|M. Yann QUÉMÉNER | |X |",
             }),
             Lines({
                 "Nom ; Présent ; Absent",
                 "Mme Agnès PRUVOT ; X",
                 "M. Loïc BARDET ; X ; X",
                 "M. Yann QUÉMÉNER ; ; X",
             })}});
}

TEST(NormalizeTablesTest, DataTables) {
  RunTable({
      // A header over one row of figures.
      {Lines(
           {"| Votants | Pour | Contre | Abstention |", "|---|---|---|---|", "| 9 | 7 | 2 | 0 |"}),
       "Votants : 9 ; Pour : 7 ; Contre : 2 ; Abstention : 0"},
      // Labels and figures; other rows keep their cells.
      {Lines({"|Membres en exercice |11 |", "|Présents |8 |", "|Secrétaire |M. Loïc BARDET |"}),
       Lines({"Membres en exercice : 11", "Présents : 8", "Secrétaire ; M. Loïc BARDET"})},
      // Cells of several lines between rules are joined.
      {Lines({"+---------------+----------+", "|Lot           |Montant   |",
              "+---------------+----------+", "|Voirie et     |12 000 €  |",
              "|réseaux       |          |", "+---------------+----------+",
              "|Éclairage     |3 500 €   |", "+---------------+----------+"}),
       Lines({"Lot ; Montant", "Voirie et réseaux ; 12 000 €", "Éclairage ; 3 500 €"})},
  });
}

TEST(NormalizeTablesTest, SignatureBlocksSideBySide) {
  RunTable({
      {Lines({"|Le Maire, |La secrétaire de séance, |", "|Agnès PRUVOT |Rose TALBOT |"}),
       Lines({"Le Maire,        La secrétaire de séance,", "Agnès PRUVOT        Rose TALBOT"})},
      // Not roles over names: a data table.
      {Lines({"|Commune |Délégué |", "|Belmont |Rose TALBOT |"}),
       Lines({"Commune ; Délégué", "Belmont ; Rose TALBOT"})},
  });
}

TEST(NormalizeTablesTest, HangingLabelsStayBesideTheirParagraphs) {
  // Labels beside the first line of each paragraph are no sidebar: each row
  // is read across.
  RunTable(
      {{Lines({
            "|Article 1er |Le conseil municipal approuve la convention de mise à disposition du |",
            "| |local associatif situé rue des Tanneurs, pour une durée de trois ans. |",
            "|Article 2 |Le maire est autorisé à signer la convention et tous les documents |",
            "| |qui s'y rapportent, ainsi que ses avenants éventuels. |",
        }),
        Lines({
            "Article 1er Le conseil municipal approuve la convention de mise à disposition du",
            "local associatif situé rue des Tanneurs, pour une durée de trois ans.",
            "Article 2 Le maire est autorisé à signer la convention et tous les documents",
            "qui s'y rapportent, ainsi que ses avenants éventuels.",
        })}});
}

TEST(NormalizeTablesTest, WhatIsNoTableIsUnchanged) {
  std::vector<Case> cases;
  for (const std::string& in : {
           // Pipes alone or scattered, as OCR leaves them.
           Lines({"|", "", "|", "| |", "le conseil | municipal"}),
           // One row only.
           Lines({"|Pour |Contre |", "Le conseil adopte."}),
           // Rows of different widths.
           Lines({"|a |b |", "|c |d |e |", "|f |g |"}),
           // Columns parted by a bar without outer bars (handled downstream).
           Lines({"Nombre de membres | L'an deux mille vingt-quatre, le huit février,",
                  "en exercice : 14 | le Conseil municipal s'est réuni"}),
       }) {
    cases.push_back({in, in});
  }
  RunTable(cases);
}

TEST(NormalizeTablesTest, TwoColumnTextLayout) {
  // Each run of the left column goes before the sentence it sits beside.
  RunTable(
      {{Lines({
            "DÉLIBÉRATION DU CONSEIL MUNICIPAL",
            "",
            "Membres en exercice : 11      Le quatre avril deux mille vingt-trois, le Conseil",
            "Présents : 8                  municipal de Belmont-sur-Lise s'est réuni à la mairie",
            "Votants : 10                  sous la présidence de Mme Agnès PRUVOT, Maire.",
            "",
            "Date de convocation :         Présents : Mme Agnès PRUVOT, M. Yann QUÉMÉNER, M.",
            "28 mars 2023                  Loïc BARDET, Mme Rose TALBOT.",
            "                              Pouvoir : M. Paul GIRAUD à Mme Agnès PRUVOT.",
            "",
            "Le conseil approuve le compte rendu.",
        }),
        Lines({
            "DÉLIBÉRATION DU CONSEIL MUNICIPAL",
            "",
            "Membres en exercice : 11",
            "Présents : 8",
            "Votants : 10",
            "",
            "Le quatre avril deux mille vingt-trois, le Conseil",
            "municipal de Belmont-sur-Lise s'est réuni à la mairie",
            "sous la présidence de Mme Agnès PRUVOT, Maire.",
            "",
            "Date de convocation : 28 mars 2023",
            "Présents : Mme Agnès PRUVOT, M. Yann QUÉMÉNER, M.",
            "Loïc BARDET, Mme Rose TALBOT.",
            "Pouvoir : M. Paul GIRAUD à Mme Agnès PRUVOT.",
            "",
            "Le conseil approuve le compte rendu.",
        })}});
}

TEST(NormalizeTablesTest, GapsThatAreNoLayoutAreKept) {
  std::vector<Case> cases;
  for (const std::string& in : {
           // A signature block, a table of figures, one long gap in a sentence.
           Lines({"Le Maire                              La Secrétaire de séance",
                  "Agnès PRUVOT                          Rose TALBOT"}),
           Lines({"POUR                 9", "CONTRE               1", "ABSTENTION           0",
                  "Chapitre 011         -2 500", "Chapitre 012         +2 500",
                  "TOTAL                0"}),
           Lines({"Le conseil municipal, après en avoir délibéré,        approuve le projet de",
                  "convention avec le département pour l'entretien des routes communales et",
                  "autorise le maire à la signer."}),
           // Labels heading paragraphs: each stays beside its text.
           Lines({"Article 1er      Le conseil municipal approuve la convention de mise à",
                  "                 disposition du local associatif situé rue des Tanneurs.",
                  "Article 2        Le maire est autorisé à signer la convention et tous",
                  "                 les documents qui s'y rapportent, ainsi que ses avenants.",
                  "Article 3        La dépense sera imputée au budget principal de la",
                  "                 commune, chapitre 011, pour l'exercice en cours."}),
       }) {
    cases.push_back({in, in});
  }
  RunTable(cases);
}

TEST(NormalizeTablesTest, AnyTableShapedTextIsHandled) {
  std::mt19937 rng(5122026);
  const std::string alphabet[] = {"|",
                                  "|\n",
                                  " |",
                                  "+---+",
                                  "|---|",
                                  "\n",
                                  " ",
                                  "      ",
                                  "X",
                                  "Nom",
                                  "Présent",
                                  "15",
                                  ":",
                                  "en exercice",
                                  "M. Jean DURAND",
                                  "le conseil municipal de la commune",
                                  "\xFF",
                                  "\u00A0",
                                  "\t",
                                  "-\n",
                                  "Pouvoir à",
                                  "\u00C9"};
  StressNormalize(&rng, alphabet, 3000, 3, 60);
}

TEST(NormalizeTablesTest, TablePagesKeepTheirStartsAndMap) {
  Document doc = Doc({"Séance du 4 avril 2023\n\nPremière page.",
                      "|Pour |Contre |\n|---|---|\n|7 |2 |\nLe conseil adopte."});
  NormalizedText n = Normalize(doc);
  EXPECT_EQ(n.text,
            "Séance du 4 avril 2023\n\nPremière page.\n\nPour : 7 ; Contre : 2\nLe conseil "
            "adopte.");
  ASSERT_EQ(n.page_starts.size(), 2u);
  EXPECT_EQ(n.text.substr(n.page_starts[1], 4), "Pour");
  ExpectMapsBack(doc, n);
  SourcePosition adopte = n.map.Lookup(n.text.find("adopte"));
  EXPECT_EQ(adopte.page, 1);
  EXPECT_EQ(doc.pages[1].text.substr(adopte.offset, 6), "adopte");
}

}  // namespace
}  // namespace delibex
