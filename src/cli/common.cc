#include "cli/common.h"

#include "cli/commands.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

namespace delibex::cli {
namespace {

namespace fs = std::filesystem;

bool Supported(const fs::path& p) {
  std::string ext = p.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const char* const kExt[] = {".txt", ".text", ".md",   ".csv", ".pdf",
                                     ".png", ".jpg",  ".jpeg", ".tif", ".tiff"};
  for (const char* e : kExt) {
    if (ext == e) return true;
  }
  return false;
}

// A directory to walk, and how it is shown below the argument.
struct Dir {
  fs::path path;
  fs::path rel;
  int depth;
};

// Walks `dir`, entries sorted by name, without following links: symbolic
// links to directories are queued in `links`, for after the real tree.
// Directories are identified by device and inode, and each is walked once:
// a link loop ends, a second link to a walked directory is skipped (noted on
// stderr), and no file is listed twice through two paths.
void Walk(const Dir& dir, std::set<std::pair<dev_t, ino_t>>* walked, std::vector<Dir>* links,
          std::vector<Input>* found) {
  constexpr int kMaxDepth = 64;
  struct stat st {};
  if (::stat(dir.path.c_str(), &st) != 0) return;
  if (!walked->insert({st.st_dev, st.st_ino}).second) {
    std::fprintf(stderr, "delibex: %s: skipped, a directory already walked (a link loop?)\n",
                 dir.path.c_str());
    return;
  }
  if (dir.depth > kMaxDepth) {
    std::fprintf(stderr, "delibex: %s: skipped, more than %d directories deep\n", dir.path.c_str(),
                 kMaxDepth);
    return;
  }
  std::vector<fs::path> entries;
  std::error_code ec;
  for (fs::directory_iterator it(dir.path, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    entries.push_back(it->path());
  }
  if (ec) std::fprintf(stderr, "delibex: %s: %s\n", dir.path.c_str(), ec.message().c_str());
  std::sort(entries.begin(), entries.end());
  for (const fs::path& p : entries) {
    if (p.filename().string().rfind('.', 0) == 0) continue;  // hidden
    std::error_code e1, e2;
    fs::file_status self = fs::symlink_status(p, e1);
    fs::file_status target = fs::status(p, e2);  // follows links
    Dir sub{p, dir.rel / p.filename(), dir.depth + 1};
    if (fs::is_directory(target)) {
      if (fs::is_symlink(self)) {
        links->push_back(sub);
      } else {
        Walk(sub, walked, links, found);
      }
    } else if (Supported(p) && (fs::is_regular_file(target) || fs::is_symlink(self))) {
      // A dangling link with a supported name gets its error record (io).
      found->push_back({p.string(), sub.rel.string()});
    }
  }
}

std::optional<std::vector<PatternSource>> ReadPatternDir(const std::string& dir) {
  std::vector<PatternSource> sources;
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".pcre") files.push_back(e.path());
  }
  if (ec || files.empty()) return std::nullopt;
  std::sort(files.begin(), files.end(), [](const fs::path& a, const fs::path& b) {
    if (a.filename() == "common.pcre") return b.filename() != "common.pcre";
    if (b.filename() == "common.pcre") return false;
    return a.filename() < b.filename();
  });
  for (const fs::path& f : files) {
    std::ifstream in(f);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    sources.push_back({f.string(), text});
  }
  return sources;
}

}  // namespace

std::vector<Input> CollectInputs(const std::vector<std::string>& args) {
  std::vector<Input> out;
  for (const std::string& a : args) {
    std::error_code ec;
    if (fs::is_directory(a, ec)) {
      std::vector<Input> found;
      std::set<std::pair<dev_t, ino_t>> walked;
      std::vector<Dir> links;
      Walk(Dir{a, fs::path(), 0}, &walked, &links, &found);
      // Linked directories after the real tree, so a directory reached both
      // ways is listed under its real path.
      for (size_t i = 0; i < links.size(); ++i) Walk(Dir(links[i]), &walked, &links, &found);
      std::sort(found.begin(), found.end(),
                [](const Input& x, const Input& y) { return x.display < y.display; });
      out.insert(out.end(), found.begin(), found.end());
    } else {
      // A missing or unreadable file still gets its error record.
      out.push_back({a, a});
    }
  }
  return out;
}

std::shared_ptr<const PatternSet> LoadPatterns(const std::string& dir) {
  if (!dir.empty()) {
    auto sources = ReadPatternDir(dir);
    if (!sources) {
      std::fprintf(stderr, "delibex: no .pcre files in %s\n", dir.c_str());
      return nullptr;
    }
    auto set = PatternSet::Load(*sources);
    if (!set.ok()) {
      std::fprintf(stderr, "delibex: bad pattern: %s\n", set.error().message.c_str());
      return nullptr;
    }
    return set.value();
  }
  auto set = PatternSet::Load(PatternSet::BuiltinSources());
  if (!set.ok()) {
    std::fprintf(stderr, "delibex: bad built-in pattern: %s\n", set.error().message.c_str());
    return nullptr;
  }
  return set.value();
}

std::optional<double> ParseLimit(const std::string& option, const std::string& value, bool whole) {
  char* end = nullptr;
  errno = 0;
  double n = std::strtod(value.c_str(), &end);
  if (end == value.c_str() || *end != '\0' || errno != 0 || !(n >= 0) || n > 1e15 ||
      (whole && n != static_cast<double>(static_cast<long long>(n)))) {
    std::fprintf(stderr, "delibex: %s takes a %snumber >= 0\n", option.c_str(),
                 whole ? "whole " : "");
    return std::nullopt;
  }
  return n;
}

CLI::App* AddSubcommand(CLI::App& app, const char* name, const char* description) {
  CLI::App* sub = app.add_subcommand(name, description);
  sub->option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  return sub;
}

}  // namespace delibex::cli
