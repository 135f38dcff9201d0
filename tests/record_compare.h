// Field-by-field comparison of a produced record with an expected one, with
// the equalities of ../shared/SPEC.md's scoring: text folded (case, accents,
// punctuation), people by name (civility and title aside, words in any
// order), places and titles by word overlap, dates and numbers exactly.
// Each field is a tally of agreed, wrong (a value not expected or differing)
// and missed values, so tests can assert both "never a wrong value" and
// "found at least this much".
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace delibex::testing {

struct Tally {
  int agreed = 0;
  int wrong = 0;   // predicted but not expected, or different
  int missed = 0;  // expected but not predicted
  double precision() const { return agreed + wrong ? double(agreed) / (agreed + wrong) : 1.0; }
  double recall() const { return agreed + missed ? double(agreed) / (agreed + missed) : 1.0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

struct Comparison {
  std::map<std::string, Tally> fields;
  std::vector<std::string> differences;  // "field: expected X, got Y"
  Tally Total() const;
  void Merge(const Comparison& other);
};

// The session-level fields: authority, assembly, session, president,
// secretary, attendance (counts and lists) and quorum.
Comparison CompareSession(const nlohmann::json& expected, const nlohmann::json& actual);

// The acts: their count, and per act (aligned in order) number, title,
// matter, rapporteur, visas, articles, vote, signature and prefecture stamp;
// and the file-level signature and stamp.
Comparison CompareActs(const nlohmann::json& expected, const nlohmann::json& actual);

}  // namespace delibex::testing
