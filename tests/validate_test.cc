// validate/: each cross-check with a record that trips it and one that does
// not. Records are built here directly; only the warning codes are compared.
#include "validate/validate.h"

#include <gtest/gtest.h>

#include <functional>

namespace delibex {
namespace {

constexpr const char* kToday = "2024-06-30";

Person P(const std::string& name) { return Person{std::nullopt, name, std::nullopt}; }

// A clean record: a commune's sitting of 2024-03-12, 23 in office, 18 present,
// 3 represented, 21 voters, one act adopted 20-1-0 with its stamp.
Record Base() {
  Record r;
  r.authority.siren = "212100044";
  r.session.date = "2024-03-12";
  r.session.convened_on = "2024-03-05";
  r.attendance.in_office = 23;
  r.attendance.present_count = 18;
  r.attendance.represented_count = 3;
  r.attendance.voters = 21;
  r.attendance.represented = {{P("Jeanne DURAND"), P("Paul MARTIN")},
                              {P("Louis PETIT"), P("Anne ROBERT")}};
  r.attendance.absent = {P("Claire MOREAU")};
  r.quorum.reached = true;
  Act act;
  act.number = "2024-07";
  act.vote.mode = "majority";
  act.vote.votes_for = 20;
  act.vote.against = 1;
  act.vote.abstention = 0;
  PrefectureStamp stamp;
  stamp.received = "2024-03-15";
  stamp.executory = "2024-03-18";
  ActId id;
  id.id = "021-212100044-20240312-2024_07-DE";
  id.siren = "212100044";
  id.date = "2024-03-12";
  stamp.act_id = id;
  act.prefecture = stamp;
  r.deliberations.push_back(act);
  return r;
}

// The sitting moved to `date`, without the convocation and the act's stamp
// (both dated for 2024-03-12).
void MoveSitting(Record* r, const std::string& date) {
  r->session.date = date;
  r->session.convened_on.reset();
  r->deliberations[0].prefecture.reset();
}

std::vector<std::string> Codes(Record r) {
  Validate(kToday, &r);
  std::vector<std::string> codes;
  for (const Warning& w : r.warnings) codes.push_back(w.code);
  return codes;
}

struct Case {
  const char* name;
  std::function<void(Record*)> change;
  std::vector<std::string> codes;  // expected, in order
};

const Case kCases[] = {
    {"clean", [](Record*) {}, {}},
    // counts-mismatch
    {"present_plus_represented_is_not_voters",
     [](Record* r) { r->attendance.voters = 22; },
     {"counts-mismatch", "vote-counts-mismatch"}},
    {"voters_unstated_no_sum_check", [](Record* r) { r->attendance.voters.reset(); }, {}},
    {"more_present_than_in_office",
     [](Record* r) {
       r->attendance.in_office = 17;
       r->attendance.voters.reset();
     },
     {"counts-mismatch"}},
    {"more_voters_than_in_office",
     [](Record* r) {
       r->attendance.in_office = 20;
       r->attendance.present_count = 11;
       r->attendance.represented_count = 10;
     },
     {"counts-mismatch"}},
    {"voters_equal_in_office",
     [](Record* r) {
       r->attendance.in_office = 21;
       r->quorum.reached.reset();
     },
     {}},
    // vote-counts-mismatch
    {"all_counts_stated_sum_short",
     [](Record* r) { r->deliberations[0].vote.votes_for = 19; },
     {"vote-counts-mismatch"}},
    {"not_voting_completes_the_sum",
     [](Record* r) {
       r->deliberations[0].vote.votes_for = 19;
       r->deliberations[0].vote.not_voting = 1;
     },
     {}},
    {"partial_counts_within_voters",
     [](Record* r) {
       r->deliberations[0].vote.abstention.reset();
       r->deliberations[0].vote.votes_for = 15;
     },
     {}},
    {"partial_counts_over_voters",
     [](Record* r) {
       r->deliberations[0].vote.abstention.reset();
       r->deliberations[0].vote.votes_for = 22;
     },
     {"vote-counts-mismatch"}},
    {"no_counts_no_check", [](Record* r) { r->deliberations[0].vote = Vote{}; }, {}},
    // unanimity-with-against
    {"unanimity_with_votes_against",
     [](Record* r) { r->deliberations[0].vote.mode = "unanimity"; },
     {"unanimity-with-against"}},
    {"unanimity_with_named_against",
     [](Record* r) {
       Vote& v = r->deliberations[0].vote;
       v = Vote{};
       v.mode = "unanimity";
       v.named.against = {P("Paul MARTIN")};
     },
     {"unanimity-with-against"}},
    {"unanimity_with_abstentions",
     [](Record* r) {
       Vote& v = r->deliberations[0].vote;
       v.mode = "unanimity";
       v.votes_for = 19;
       v.against = 0;
       v.abstention = 2;
       v.named.abstention = {P("Paul MARTIN"), P("Anne ROBERT")};
     },
     {}},
    // quorum-not-met, quorum-inconsistent
    {"majority_present_is_needed",
     [](Record* r) {
       r->attendance.present_count = 11;  // 23 in office: 12 needed
       r->attendance.represented_count = 10;
     },
     {"quorum-not-met"}},
    {"majority_present_exactly",
     [](Record* r) {
       r->attendance.present_count = 12;
       r->attendance.represented_count = 9;
     },
     {}},
    {"below_quorum_nothing_said",
     [](Record* r) {
       r->attendance.present_count = 11;
       r->attendance.represented_count = 10;
       r->quorum.reached.reset();
     },
     {"quorum-not-met"}},
    {"below_quorum_said_not_reached",
     [](Record* r) {
       r->attendance.present_count = 11;
       r->attendance.represented_count = 10;
       r->quorum.reached = false;
     },
     {}},
    {"quorum_met_said_not_reached",
     [](Record* r) { r->quorum.reached = false; },
     {"quorum-inconsistent"}},
    {"stated_quorum_figure_disagrees",
     [](Record* r) { r->quorum.required = 19; },
     {"quorum-inconsistent"}},
    {"even_in_office_needs_more_than_half",
     [](Record* r) {
       r->attendance.in_office = 22;
       r->attendance.present_count = 11;
       r->attendance.represented_count = 10;
     },
     {"quorum-not-met"}},
    {"no_session_date_no_quorum_rule",
     [](Record* r) {
       r->session.date.reset();
       r->attendance.present_count = 11;
       r->attendance.represented_count = 10;
     },
     {}},
    {"covid_one_third_present_or_represented",
     [](Record* r) {
       MoveSitting(r, "2021-03-09");
       r->attendance.present_count = 5;  // 5 + 3 >= 23 / 3
       r->attendance.voters = 8;
       r->deliberations[0].vote.votes_for = 7;
     },
     {}},
    {"covid_below_one_third",
     [](Record* r) {
       MoveSitting(r, "2020-05-20");
       r->attendance.present_count = 4;  // 4 + 3 < 23 / 3
       r->attendance.voters = 7;
       r->deliberations[0].vote.votes_for = 6;
     },
     {"quorum-not-met"}},
    {"majority_rule_between_covid_windows",
     [](Record* r) {
       MoveSitting(r, "2020-10-06");
       r->attendance.present_count = 5;
       r->attendance.voters = 8;
       r->deliberations[0].vote.votes_for = 7;
     },
     {"quorum-not-met"}},
    {"covid_represented_unstated_cannot_tell",
     [](Record* r) {
       MoveSitting(r, "2022-01-18");
       r->attendance.present_count = 6;
       r->attendance.represented_count.reset();
     },
     {}},
    // person-in-two-lists
    {"present_and_absent",
     [](Record* r) { r->attendance.present = {P("Claire MOREAU")}; },
     {"counts-mismatch", "person-in-two-lists"}},
    {"represented_and_excused",
     [](Record* r) { r->attendance.excused = {P("Louis PETIT")}; },
     {"person-in-two-lists"}},
    {"excused_and_absent_surname_only",
     [](Record* r) { r->attendance.excused = {P("MOREAU")}; },
     {"person-in-two-lists"}},
    {"husband_and_wife",
     [](Record* r) {
       r->attendance.absent[0].civility = "Mme";
       r->attendance.present = {Person{"M.", "MOREAU", std::nullopt}};
       r->attendance.present_count.reset();
     },
     {}},
    {"different_people_same_surname",
     [](Record* r) { r->attendance.excused = {P("Julien MOREAU")}; },
     {}},
    // too-many-proxies
    {"two_proxies_one_holder",
     [](Record* r) { r->attendance.represented[1].holder = P("Paul MARTIN"); },
     {"too-many-proxies"}},
    {"two_proxies_one_holder_by_surname",
     [](Record* r) { r->attendance.represented[1].holder = P("MARTIN"); },
     {"too-many-proxies"}},
    {"two_proxies_allowed_in_covid_window",
     [](Record* r) {
       MoveSitting(r, "2021-11-23");
       r->attendance.represented[1].holder = P("Paul MARTIN");
     },
     {}},
    {"three_proxies_in_covid_window",
     [](Record* r) {
       MoveSitting(r, "2021-11-23");
       r->attendance.represented[1].holder = P("Paul MARTIN");
       r->attendance.represented.push_back({P("Marc LEROY"), P("Paul MARTIN")});
     },
     {"too-many-proxies"}},
    {"one_member_listed_twice_one_proxy",
     [](Record* r) {
       r->attendance.represented.push_back({P("PETIT"), P("Anne ROBERT")});
     },
     {}},
    {"holders_unnamed",
     [](Record* r) {
       r->attendance.represented[0].holder.reset();
       r->attendance.represented[1].holder.reset();
     },
     {}},
    // future-date, prefecture-date-before-session, convocation-after-session
    {"session_in_the_future",
     [](Record* r) {
       r->session.date = "2024-07-02";
       r->deliberations[0].prefecture.reset();
     },
     {"future-date"}},
    {"stamp_in_the_future",
     [](Record* r) { r->deliberations[0].prefecture->executory = "2024-07-01"; },
     {"future-date"}},
    {"stamp_dated_today",
     [](Record* r) { r->deliberations[0].prefecture->published = kToday; },
     {}},
    {"stamp_before_session",
     [](Record* r) { r->deliberations[0].prefecture->sent = "2024-03-11"; },
     {"prefecture-date-before-session"}},
    {"stamp_on_session_day",
     [](Record* r) { r->deliberations[0].prefecture->sent = "2024-03-12"; },
     {}},
    {"top_level_stamp_before_session",
     [](Record* r) {
       PrefectureStamp s;
       s.received = "2024-02-01";
       r->prefecture = s;
     },
     {"prefecture-date-before-session"}},
    {"convened_after_session",
     [](Record* r) { r->session.convened_on = "2024-03-13"; },
     {"convocation-after-session"}},
    // act-id-date-mismatch
    {"act_id_dated_otherwise",
     [](Record* r) { r->deliberations[0].prefecture->act_id->date = "2024-03-15"; },
     {"act-id-date-mismatch"}},
    {"top_level_act_id_dated_otherwise",
     [](Record* r) {
       PrefectureStamp s;
       ActId id;
       id.siren = "212100044";
       id.date = "2024-03-14";
       s.act_id = id;
       r->prefecture = s;
     },
     {"act-id-date-mismatch"}},
    // siren-invalid, siren-mismatch
    {"authority_siren_fails_luhn",
     [](Record* r) {
       r->authority.siren = "212100045";
       r->deliberations[0].prefecture.reset();
     },
     {"siren-invalid"}},
    {"act_id_siren_fails_luhn",
     [](Record* r) { r->deliberations[0].prefecture->act_id->siren = "212100045"; },
     {"siren-invalid"}},
    {"act_id_siren_of_another_body",
     [](Record* r) { r->deliberations[0].prefecture->act_id->siren = "200066801"; },
     {"siren-mismatch"}},
    {"no_authority_siren", [](Record* r) { r->authority.siren.reset(); }, {}},
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class ValidateTest : public ::testing::TestWithParam<Case> {};

TEST_P(ValidateTest, Codes) {
  Record r = Base();
  GetParam().change(&r);
  EXPECT_EQ(Codes(r), GetParam().codes);
}

INSTANTIATE_TEST_SUITE_P(Validate, ValidateTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return std::string(info.param.name);
                         });

TEST(ValidateMessages, NameTheActAndTheRule) {
  Record r = Base();
  r.attendance.present_count = 11;
  r.attendance.represented_count = 10;
  r.deliberations[0].vote.votes_for = 20;
  r.deliberations[0].vote.abstention = 1;
  Validate(kToday, &r);
  ASSERT_EQ(r.warnings.size(), 2u);
  EXPECT_EQ(r.warnings[0].code, "vote-counts-mismatch");
  EXPECT_NE(r.warnings[0].message.find("act 1 (n° 2024-07)"), std::string::npos)
      << r.warnings[0].message;
  EXPECT_EQ(r.warnings[1].code, "quorum-not-met");
  EXPECT_NE(r.warnings[1].message.find("12 of 23 members present"), std::string::npos)
      << r.warnings[1].message;
}

TEST(ValidateMessages, NeverChangeAValue) {
  Record r = Base();
  r.attendance.voters = 40;
  r.deliberations[0].vote.mode = "unanimity";
  Validate(kToday, &r);
  EXPECT_FALSE(r.warnings.empty());
  Record clean = Base();
  EXPECT_EQ(r.attendance.voters, 40);
  EXPECT_EQ(r.deliberations[0].vote.mode, "unanimity");
  EXPECT_EQ(r.deliberations[0].vote.against, clean.deliberations[0].vote.against);
  EXPECT_EQ(r.deliberations[0].prefecture->act_id->date,
            clean.deliberations[0].prefecture->act_id->date);
}

}  // namespace
}  // namespace delibex
