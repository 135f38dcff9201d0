// `delibex merge OUT.jsonl... -o MERGED.jsonl`: the outputs of the shards of
// one batch (scripts/slurm/) as one, sorted by source.file. Torn last lines
// (a task killed while writing) and lines that are no record are dropped and
// reported; an input present in two outputs is kept once (reported; exit
// status 1 when its two records differ in sha256).
#include <algorithm>
#include <cstdio>
#include <map>

#include "batch/record_log.h"
#include "cli/commands.h"

namespace delibex::cli {
namespace {

struct MergeArgs {
  std::vector<std::string> outputs;
  std::string merged;
};

int RunMerge(const MergeArgs& a) {
  if (a.outputs.empty() || a.merged.empty()) {
    std::fprintf(stderr, "delibex: merge needs outputs and -o MERGED (see delibex merge --help)\n");
    return 2;
  }
  struct Entry {
    size_t output;
    batch::LoggedRecord record;
  };
  std::vector<batch::RecordLog> logs;
  std::map<std::string, Entry> by_file;
  int status = 0;
  size_t records = 0, errors = 0;
  for (size_t i = 0; i < a.outputs.size(); ++i) {
    const std::string& path = a.outputs[i];
    if (path == a.merged) {
      std::fprintf(stderr, "delibex merge: %s is also the merged output\n", path.c_str());
      return 2;
    }
    auto log = batch::ReadRecordLog(path);
    if (!log.ok()) {
      std::fprintf(stderr, "delibex merge: %s\n", log.error().message.c_str());
      return 1;
    }
    if (log.value().records.empty() && log.value().size == 0) {
      std::fprintf(stderr, "delibex merge: %s: no record (an empty shard, or missing)\n",
                   path.c_str());
    }
    if (log.value().torn_tail) {
      std::fprintf(stderr, "delibex merge: %s: its last line is torn (dropped)\n", path.c_str());
    }
    if (log.value().bad_lines) {
      std::fprintf(stderr, "delibex merge: %s: %zu line(s) that are no record (dropped)\n",
                   path.c_str(), log.value().bad_lines);
    }
    for (const batch::LoggedRecord& r : log.value().records) {
      auto [it, fresh] = by_file.emplace(r.file, Entry{i, r});
      if (!fresh) {
        bool same = it->second.record.sha256 == r.sha256;
        std::fprintf(stderr, "delibex merge: %s: in %s and %s%s (the first kept)\n", r.file.c_str(),
                     a.outputs[it->second.output].c_str(), path.c_str(),
                     same ? "" : " with different sha256");
        if (!same) status = 1;
      }
    }
    logs.push_back(std::move(log).value());
  }
  auto out = batch::RecordWriter::Open(a.merged, batch::RecordWriter::Mode::kTruncate);
  if (!out.ok()) {
    std::fprintf(stderr, "delibex merge: %s\n", out.error().message.c_str());
    return 1;
  }
  batch::RecordWriter writer = std::move(out).value();
  for (const auto& [file, e] : by_file) {
    (void)file;
    ++records;
    errors += !e.record.error_code.empty();
  }
  // by_file is sorted by source.file: the merged order.
  for (const auto& [file, e] : by_file) {
    (void)file;
    if (!writer.CopyLines(a.outputs[e.output], {&e.record})) break;
  }
  if (!writer.ok()) {
    std::fprintf(stderr, "delibex merge: %s: %s\n", a.merged.c_str(), writer.error().c_str());
    return 1;
  }
  std::fprintf(stderr, "delibex merge: %zu output(s), %zu record(s), %zu error record(s) -> %s\n",
               a.outputs.size(), records, errors, a.merged.c_str());
  return status;
}

void Add(CLI::App& app, int* status) {
  CLI::App* sub = AddSubcommand(app, "merge",
                                "Merges the JSON Lines outputs of a batch's shards into one, "
                                "sorted by source.file");
  auto a = std::make_shared<MergeArgs>();
  sub->add_option("OUTPUT", a->outputs, "the shards' outputs (OUT.jsonl)");
  sub->add_option("-o,--output", a->merged, "the merged output")->required();
  sub->callback([a, status] { *status = RunMerge(*a); });
}

}  // namespace

const Command kMergeCommand = {
    "merge",
    "  delibex merge OUT.jsonl... -o MERGED.jsonl\n"
    "                                       the shards' outputs of one batch as one\n",
    false, Add};

}  // namespace delibex::cli
