// text_bench: throughput of the text pipeline on one core.
//
//   BM_TextPipeline   every corpus/*.txt, bytes already in memory, through
//                     DecodeText and ExtractDocument (normalize, segment,
//                     extract, validate): documents and bytes per second of
//                     one thread, i.e. per core
//   BM_TextDocument/NAME  the same for one file, to find the slow layouts
//
// File reading, SHA-256 and JSON writing are left out: they are the CLI's
// and cost little next to the patterns. The patterns are compiled before
// the runs (PatternSet::Builtin()).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "ingest/ingest.h"
#include "patterns/pattern_set.h"
#include "pipeline/pipeline.h"

namespace {

namespace fs = std::filesystem;

struct CorpusFile {
  std::string name;
  std::string bytes;
};

const std::vector<CorpusFile>& Corpus() {
  static const std::vector<CorpusFile> files = [] {
    std::vector<CorpusFile> out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(fs::path(DELIBEX_SOURCE_DIR) / "corpus", ec)) {
      if (entry.path().extension() != ".txt") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      out.push_back(
          {entry.path().filename().string(), std::string(std::istreambuf_iterator<char>(in), {})});
    }
    std::sort(out.begin(), out.end(),
              [](const CorpusFile& a, const CorpusFile& b) { return a.name < b.name; });
    return out;
  }();
  return files;
}

// One document through the pipeline; false when it does not decode.
bool Extract(const CorpusFile& file) {
  delibex::Result<delibex::Document> doc = delibex::DecodeText(file.bytes);
  if (!doc.ok()) return false;
  delibex::Record record =
      delibex::ExtractDocument(doc.value(), delibex::PatternSet::Builtin(), "2024-12-31");
  benchmark::DoNotOptimize(record);
  return true;
}

void BM_TextPipeline(benchmark::State& state) {
  const std::vector<CorpusFile>& files = Corpus();
  if (files.empty()) return state.SkipWithError("no corpus/*.txt");
  size_t bytes = 0;
  for (const CorpusFile& f : files) bytes += f.bytes.size();
  for (auto _ : state) {
    for (const CorpusFile& f : files) {
      if (!Extract(f)) return state.SkipWithError(("cannot decode " + f.name).c_str());
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * files.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["docs"] = static_cast<double>(files.size());
}
BENCHMARK(BM_TextPipeline)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_TextDocument(benchmark::State& state, size_t i) {
  const CorpusFile& file = Corpus()[i];
  for (auto _ : state) {
    if (!Extract(file)) return state.SkipWithError("cannot decode");
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * file.bytes.size()));
}

}  // namespace

int main(int argc, char** argv) {
  delibex::PatternSet::Builtin();  // compile the patterns before timing
  for (size_t i = 0; i < Corpus().size(); ++i) {
    benchmark::RegisterBenchmark(("BM_TextDocument/" + Corpus()[i].name).c_str(), BM_TextDocument,
                                 i)
        ->Unit(benchmark::kMicrosecond);
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
