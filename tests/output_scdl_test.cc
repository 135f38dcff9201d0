// output/scdl: records as SCDL « Délibérations » rows (the SPEC's columns, the
// mapping of each), the CSV's quoting and line ends, and the schema's rules.
#include "output/scdl_writer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace delibex {
namespace {

Record ThreeActs() {
  Record r;
  r.source.file = "registres/2024/séance 14.pdf";
  r.authority.name = "Commune de Saint-Martin-des-Prés";
  r.authority.siren = "213102981";
  r.session.date = "2024-05-14";
  r.attendance.in_office = 19;
  r.attendance.voters = 17;
  Act a;
  a.number = "2024-21";
  a.matter = Matter{"7.5.1", std::string("Subventions")};
  a.title = "Tarifs de la cantine,\n  \"repas\" bio";
  a.vote.votes_for = 15;
  a.vote.against = 2;
  a.vote.abstention = 0;
  a.prefecture = PrefectureStamp{};
  a.prefecture->received = "2024-05-20";
  a.prefecture->act_id = ActId{"082-213102981-20240514-2024_21-DE-1-1",
                               "082-213102981-20240514-2024_21-DE",
                               "082",
                               "213102981",
                               "2024-05-14",
                               "2024_21",
                               "DE"};
  Act b;  // no number: the file's stamp covers every act, its @CTES id none
  b.title = "Adhésion au syndicat";
  Act c = b;
  c.title = "Motion";
  r.deliberations = {a, b, c};
  r.prefecture = PrefectureStamp{};
  r.prefecture->received = "2024-05-21";
  r.prefecture->act_id = ActId{"02A-213102981-20240514-99-DE",
                               "02A-213102981-20240514-99-DE",
                               "02A",
                               "213102981",
                               "2024-05-14",
                               "99",
                               "DE"};
  return r;
}

TEST(ScdlTest, HeaderIsTheSpecsSeventeenColumns) {
  EXPECT_EQ(ScdlHeader(),
            "COLL_NOM,COLL_SIRET,DELIB_ID,DELIB_DATE,DELIB_MATIERE_CODE,DELIB_MATIERE_NOM,"
            "DELIB_OBJET,BUDGET_ANNEE,BUDGET_NOM,PREF_ID,PREF_DATE,VOTE_EFFECTIF,VOTE_REEL,"
            "VOTE_POUR,VOTE_CONTRE,VOTE_ABSTENTION,DELIB_URL\r\n");
}

TEST(ScdlTest, OneRowPerActWithTheSpecsMapping) {
  std::vector<ScdlRow> rows =
      ScdlRows(ThreeActs(), {"21310298100015", "https://data.example.fr/actes/"});
  ASSERT_EQ(rows.size(), 3u);
  const ScdlRow& a = rows[0];
  EXPECT_EQ(a[0], "Commune de Saint-Martin-des-Prés");
  EXPECT_EQ(a[1], "21310298100015");
  EXPECT_EQ(a[2], "2024-21");
  EXPECT_EQ(a[3], "2024-05-14");
  EXPECT_EQ(a[4], "7.5");  // level 2 of 7.5.1
  EXPECT_EQ(a[5], "Subventions");
  EXPECT_EQ(a[6], "Tarifs de la cantine, \"repas\" bio");  // white space collapsed
  EXPECT_EQ(a[7], "");
  EXPECT_EQ(a[8], "");
  EXPECT_EQ(a[9], "PREF082");
  EXPECT_EQ(a[10], "2024-05-20");  // the act's own receipt before the file's
  EXPECT_EQ(a[11], "19");
  EXPECT_EQ(a[12], "17");
  EXPECT_EQ(a[13], "15");
  EXPECT_EQ(a[14], "2");
  EXPECT_EQ(a[15], "0");
  EXPECT_EQ(a[16], "https://data.example.fr/actes/registres/2024/s%C3%A9ance%2014.pdf");
  const ScdlRow& b = rows[1];
  EXPECT_EQ(b[2], "");  // the file's @CTES id stands for no act of three
  EXPECT_EQ(b[9], "");
  EXPECT_EQ(b[10], "2024-05-21");  // the file's receipt covers it
  EXPECT_EQ(b[13], "");            // no stated count stays empty
  EXPECT_TRUE(ScdlRows(Record{}, {}).empty());

  Record one = ThreeActs();
  one.deliberations.resize(2);
  one.deliberations.erase(one.deliberations.begin());
  one.session.date.reset();
  rows = ScdlRows(one, {});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][2], "99");          // a one-act file: the file's @CTES number
  EXPECT_EQ(rows[0][3], "2024-05-14");  // and its date
  EXPECT_EQ(rows[0][9], "PREF02A");
  EXPECT_EQ(rows[0][1], "");
  EXPECT_EQ(rows[0][16], "");
}

TEST(ScdlTest, CsvQuotesWhatNeedsItAndEndsWithCrlf) {
  ScdlRow row;
  row[0] = "Ville de Paris";
  row[6] = "Objet, avec \"guillemets\"";
  row[8] = "deux\nlignes";
  EXPECT_EQ(FormatScdlRow(row),
            "Ville de Paris,,,,,,\"Objet, avec \"\"guillemets\"\"\",,\"deux\nlignes\",,,,,,,,"
            "\r\n");
}

TEST(ScdlTest, RulesOfTheSchemaNameTheirColumn) {
  std::vector<ScdlRow> rows = ScdlRows(ThreeActs(), {"21310298100015", "https://x.fr/"});
  EXPECT_EQ(CheckScdlRow(rows[0], "213102981"), std::vector<std::string>{});
  EXPECT_EQ(CheckScdlRow(rows[1], "213102981"),
            (std::vector<std::string>{
                "DELIB_ID, DELIB_MATIERE_CODE, DELIB_MATIERE_NOM are required and empty"}));

  auto broken = [&](int column, const std::string& value, const std::string& siren = "") {
    ScdlRow r = rows[0];
    r[column] = value;
    std::vector<std::string> b = CheckScdlRow(r, siren);
    return b.empty() ? std::string() : b[0];
  };
  EXPECT_EQ(broken(1, "2131029810001"), "COLL_SIRET '2131029810001' is not 14 digits");
  EXPECT_EQ(broken(1, "21860194600013", "213102981"),
            "COLL_SIRET '21860194600013' is not of the authority's SIREN 213102981");
  EXPECT_EQ(broken(3, "2024-02-30"), "DELIB_DATE '2024-02-30' is not a date (YYYY-MM-DD)");
  EXPECT_EQ(broken(10, "2024-05-13"), "PREF_DATE 2024-05-13 is before DELIB_DATE 2024-05-14");
  EXPECT_EQ(broken(10, "2024-05-14"), "");  // the same day is fine
  EXPECT_EQ(broken(4, "7.5.1"), "DELIB_MATIERE_CODE '7.5.1' does not match ^\\d\\.\\d{1,2}$");
  EXPECT_EQ(broken(4, "2.4"), "DELIB_MATIERE_CODE '2.4' is not an ACTES level-2 code");
  EXPECT_EQ(broken(4, "7.10"), "");
  EXPECT_EQ(broken(7, "2024/25"), "BUDGET_ANNEE '2024/25' is not YYYY or YYYY/YYYY");
  EXPECT_EQ(broken(7, "2024/2025"), "");
  EXPECT_EQ(broken(9, "PREF82"), "PREF_ID 'PREF82' is not PREFNNN, SPREFNNNM or SGARNNN");
  EXPECT_EQ(broken(9, "SPREF0823"), "");
  EXPECT_EQ(broken(12, "20"), "VOTE_REEL 20 is more than VOTE_EFFECTIF 19");
  EXPECT_EQ(broken(13, "16"),
            "VOTE_POUR + VOTE_CONTRE + VOTE_ABSTENTION (18) is more than VOTE_REEL 17");
  EXPECT_EQ(broken(14, "-1"), "VOTE_CONTRE '-1' is not a whole number >= 0");
  EXPECT_EQ(broken(16, "data/x.pdf"), "DELIB_URL 'data/x.pdf' is not an absolute URI");
}

}  // namespace
}  // namespace delibex
