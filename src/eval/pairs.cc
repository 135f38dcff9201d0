#include "eval/pairs.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace delibex::eval {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

std::optional<std::string> Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return ss.str();
}

// Python's Path.stem: the name without its last suffix (".json"), a name
// that starts with its only dot kept whole.
std::string Stem(const std::string& name) {
  size_t dot = name.rfind('.');
  if (dot == std::string::npos || dot == 0) return name;
  return name.substr(0, dot);
}

Json ParseOrNull(const std::string& text) {
  return Json::parse(text, nullptr, /*allow_exceptions=*/false);
}

}  // namespace

Result<std::vector<ScoredPair>> LoadPairs(const PairOptions& options,
                                          std::vector<std::string>* notes) {
  std::error_code ec;
  std::vector<std::string> gold_names;
  for (fs::directory_iterator it(options.gold_dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0) {
      gold_names.push_back(name);
    }
  }
  if (ec) return Error("io", options.gold_dir + ": " + ec.message());
  std::sort(gold_names.begin(), gold_names.end());
  if (!options.inputs_dir.empty()) {
    std::set<std::string> stems;
    for (fs::directory_iterator it(options.inputs_dir, ec), end; !ec && it != end;
         it.increment(ec)) {
      stems.insert(Stem(it->path().filename().string()));
    }
    if (ec) return Error("io", options.inputs_dir + ": " + ec.message());
    std::erase_if(gold_names, [&](const std::string& n) { return !stems.count(Stem(n)); });
  }
  if (gold_names.empty()) return Error("usage", "no gold files in " + options.gold_dir);

  bool pred_is_dir = fs::is_directory(options.pred, ec);
  std::map<std::string, Json> by_stem;  // JSON Lines predictions
  if (!pred_is_dir) {
    std::ifstream in(options.pred, std::ios::binary);
    if (!in) return Error("io", options.pred + ": cannot read (a folder of X.json or a .jsonl)");
    std::string line;
    size_t number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (line.empty()) continue;
      Json j = ParseOrNull(line);
      std::string file = j.is_object() && j.contains("source") && j["source"].is_object() &&
                                 j["source"].contains("file") && j["source"]["file"].is_string()
                             ? j["source"]["file"].get<std::string>()
                             : std::string();
      if (file.empty()) {
        notes->push_back(options.pred + ":" + std::to_string(number) +
                         ": not a record (a torn or damaged line), ignored");
        continue;
      }
      std::string stem = Stem(fs::path(file).filename().string());
      if (!by_stem.emplace(stem, std::move(j)).second) {
        notes->push_back(options.pred + ":" + std::to_string(number) + ": a second record for '" +
                         stem + "' (" + file + "), ignored");
      }
    }
  }

  std::vector<ScoredPair> pairs;
  for (const std::string& name : gold_names) {
    ScoredPair pair;
    pair.name = Stem(name);
    std::optional<std::string> text = Slurp(fs::path(options.gold_dir) / name);
    if (!text) return Error("io", (fs::path(options.gold_dir) / name).string() + ": cannot read");
    pair.gold = ParseOrNull(*text);
    if (pair.gold.is_discarded() || !pair.gold.is_object()) {
      return Error("io", (fs::path(options.gold_dir) / name).string() + ": not a JSON object");
    }
    if (pred_is_dir) {
      std::optional<std::string> pred = Slurp(fs::path(options.pred) / name);
      if (pred) pair.pred = ParseOrNull(*pred);
    } else {
      auto it = by_stem.find(pair.name);
      if (it != by_stem.end()) pair.pred = it->second;
    }
    if (pair.pred.is_discarded()) pair.pred = nullptr;
    pairs.push_back(std::move(pair));
  }
  return pairs;
}

}  // namespace delibex::eval
