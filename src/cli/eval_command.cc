// `delibex eval --gold DIR --pred DIR|FILE.jsonl`: per-field precision,
// recall and F1 of predictions against gold records, micro- and macro-F1
// (src/eval/: the same figures as ../shared/tools/score.py).
#include <cstdio>

#include "cli/commands.h"
#include "eval/pairs.h"
#include "eval/score.h"

namespace delibex::cli {
namespace {

struct EvalArgs {
  std::string gold, pred, inputs, fields;
  bool fields_given = false;
  bool per_doc = false;
  bool json = false;
};

int RunEval(const EvalArgs& a) {
  std::vector<std::string> notes;
  auto pairs = eval::LoadPairs({a.gold, a.pred, a.inputs}, &notes);
  for (const std::string& n : notes) std::fprintf(stderr, "delibex eval: %s\n", n.c_str());
  if (!pairs.ok()) {
    std::fprintf(stderr, "delibex eval: %s\n", pairs.error().message.c_str());
    return pairs.error().code == "usage" ? 2 : 1;
  }
  std::optional<std::vector<std::string>> prefixes;
  if (a.fields_given && !a.fields.empty()) {
    prefixes.emplace();
    size_t start = 0;
    while (start <= a.fields.size()) {
      size_t comma = a.fields.find(',', start);
      if (comma == std::string::npos) comma = a.fields.size();
      std::string f = a.fields.substr(start, comma - start);
      size_t b = f.find_first_not_of(" \t"), e = f.find_last_not_of(" \t");
      if (b != std::string::npos) prefixes->push_back(f.substr(b, e - b + 1));
      start = comma + 1;
    }
  }
  eval::Report report = eval::ScoreCorpus(pairs.value(), prefixes);
  std::string out = a.json ? eval::FormatReportJson(report) : eval::FormatReport(report, a.per_doc);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return std::fflush(stdout) == 0 ? 0 : 1;
}

void Add(CLI::App& app, int* status) {
  CLI::App* sub = AddSubcommand(
      app, "eval",
      "Scores predictions against gold records per field (P, R, F1; micro- and macro-F1), as "
      "../shared/tools/score.py does");
  auto a = std::make_shared<EvalArgs>();
  sub->add_option("--gold", a->gold, "folder of gold records X.json")->required();
  sub->add_option("--pred", a->pred,
                  "folder of predicted X.json, or the JSON Lines of `delibex extract -o` "
                  "(paired by the stem of source.file)")
      ->required();
  sub->add_option("--inputs", a->inputs, "score only gold files whose stem has a file here");
  CLI::Option* fields =
      sub->add_option("--fields", a->fields, "comma-separated field-name prefixes to keep");
  sub->add_flag("--per-doc", a->per_doc, "print each document's F1");
  sub->add_flag("--json", a->json, "print the summary as JSON");
  sub->footer(
      "The last line is `micro-F1 0.xxxx`. Exit status: 0 scored, 1 a file could not be read, "
      "2 bad usage (no gold file).");
  sub->callback([a, fields, status] {
    a->fields_given = fields->count() > 0;
    *status = RunEval(*a);
  });
}

}  // namespace

const Command kEvalCommand = {
    "eval",
    "  delibex eval --gold DIR --pred DIR|FILE.jsonl\n"
    "                                       per-field P/R/F1, micro- and macro-F1\n",
    false, Add};

}  // namespace delibex::cli
