// eval: field-level scoring of records against gold records, the same
// figures as ../shared/tools/score.py (SPEC.md, "How it is scored").
//
// A port of score.py's matching, line for line, so that `delibex eval` and
// score.py print the same table on the same files: text folded (NFKD,
// combining marks dropped, lower case, every run of non-word characters one
// space), names matched as multisets of words, proxies on both names, titles,
// visas and articles at a word-level F1 of at least 0.8, deliberations
// aligned in order, authority names without their generic words. A field
// counts true positives, false positives and false negatives over the whole
// corpus; micro-F1 pools them, macro-F1 is the mean of the fields' F1s.
//
// What it is not: a judge of the record's shape (schema/record.schema.json
// does that); a record that is not a JSON object, or an error record, is
// scored as "no prediction" (every gold value missed), as score.py does.
//
// All functions are pure and thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace delibex::eval {

// score.py's fold(): NFKD, combining characters dropped, lower case, runs of
// characters that are not word characters (letters, digits, `_`) made one
// space, trimmed.
std::string FoldText(std::string_view s);

// A JSON value as Python's str() would print it after json.loads ("True" for
// true, "21" for 21, the string itself for a string). null is "None".
std::string PyStr(const nlohmann::json& v);

// score.py's token_f1(): the F1 of the folded words of `gold` and `pred` as
// multisets; 0 when either is empty.
double TokenF1(std::string_view gold, std::string_view pred);

// tp, fp, fn of one field.
struct Counts {
  long tp = 0;
  long fp = 0;
  long fn = 0;
  long Total() const { return tp + fp + fn; }
};

struct Prf {
  double precision;
  double recall;
  double f1;
};

// score.py's prf(): precision and recall 1.0 when their denominator is 0, F1
// 0.0 when both are 0.
Prf PrfOf(const Counts& c);

// Counts per field name ("attendance.present", "vote.for", "file.signed.date").
struct Tally {
  std::map<std::string, Counts> fields;
  void Add(const std::string& field, long tp, long fp, long fn);
  void Merge(const Tally& other);
  Counts Totals() const;
  // Keeps only the fields whose names start with one of `prefixes`.
  void KeepPrefixes(const std::vector<std::string>& prefixes);
};

// One document: `pred` null (or absent) when there is no usable prediction.
Tally ScoreDocument(const nlohmann::json& gold, const nlohmann::json& pred);

// A prediction as score.py uses it: null unless an object without "error".
nlohmann::json UsablePrediction(const nlohmann::json& pred);

struct DocumentScore {
  std::string name;  // the gold file's stem
  double f1 = 0;
  bool predicted = false;
};

struct Report {
  Tally total;
  std::vector<DocumentScore> documents;  // in the gold files' order
};

// One gold record and its prediction (null when there is none), by name.
struct ScoredPair {
  std::string name;
  nlohmann::json gold;
  nlohmann::json pred;
};

// Scores every pair; with `prefixes`, keeps only the fields whose names start
// with one of them (none when the list is empty), per document as score.py
// does with --fields.
Report ScoreCorpus(const std::vector<ScoredPair>& pairs,
                   const std::optional<std::vector<std::string>>& prefixes);

// score.py's text output: the per-field table, the per-document lines when
// `per_doc`, the document count, macro-F1, micro-P/R and, last, `micro-F1 x`.
std::string FormatReport(const Report& report, bool per_doc);

// score.py's --json output (indent 1, UTF-8 as is).
std::string FormatReportJson(const Report& report);

}  // namespace delibex::eval
