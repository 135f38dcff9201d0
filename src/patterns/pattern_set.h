// The regular expressions of patterns/*.pcre, compiled once with PCRE2 JIT.
//
// A pattern file is a list of entries:
//
//   # comment lines start with '#', first non-blank character
//   [name]                       an entry (header in column 1): its body is
//                                every indented line up to the
//     (?<day>\d{1,2}) \s+ ...    next '[...]' header; compiled in extended
//                                mode, so spaces and '#' comments are ignored
//   [define MONTH]               a shared piece: {{MONTH}} in any later body
//     janvier|février|...        (of this file or of a file loaded after it)
//                                is replaced by (?:body)
//   [cue name]                   a cheaper pattern that every match of the
//     absent|excus|pouvoir       entry `name` contains: where the cue finds
//                                nothing (from the start offset on), `name`
//                                is not run and finds nothing. A prefilter
//                                for entries run over many short subjects
//                                (lines, list items). Keep a cue to words
//                                with no assertion (\b, lookaround), so that
//                                it matches inside a match as well as in its
//                                subject; tests/pattern_set_test.cc checks
//                                on the corpus that every match holds its cue.
//                                MatchAt (anchored, tried at one place) does
//                                not look for the cue.
//
// Files are loaded in a fixed order (common.pcre first); every pattern is
// compiled with PCRE2_UTF | PCRE2_UCP | PCRE2_EXTENDED | PCRE2_MULTILINE and
// JIT-compiled.
// Patterns are case-sensitive unless they say (?i): case is information in
// French administrative text.
//
// A PatternSet is immutable after Load() and may be shared by any number of
// threads: matching uses per-thread match data.
//
// Subjects are UTF-8. PCRE2 checks a subject's UTF-8 (from the start offset
// on) at every call unless told it is valid; a subject is checked here once
// per call (once per FindAll), or not at all when it lies inside a text
// declared valid by a Utf8Checked scope and starts on a character boundary.
// A subject cut inside a character at its end is trimmed to the character
// before; one cut at its start is left to PCRE2's own check, as is any
// subject that is not valid (PCRE2 then finds no match).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"

namespace delibex {

// One match: byte offsets into the subject, per capture group (group 0 is the
// whole match); an unset group has begin == npos.
class Match {
 public:
  static constexpr size_t npos = std::string_view::npos;
  size_t begin() const { return spans_.empty() ? npos : spans_[0].first; }
  size_t end() const { return spans_.empty() ? npos : spans_[0].second; }
  bool has(std::string_view group) const;
  // The text of a named group, empty when the group did not take part.
  std::string_view operator[](std::string_view group) const;
  std::string_view group(int n) const;
  size_t group_begin(std::string_view group) const;
  size_t group_end(std::string_view group) const;
  std::string_view text() const { return group(0); }

 private:
  friend class Pattern;
  std::string_view subject_;
  std::vector<std::pair<size_t, size_t>> spans_;
  const std::map<std::string, int, std::less<>>* names_ = nullptr;
};

class Pattern {
 public:
  ~Pattern();
  Pattern(const Pattern&) = delete;
  Pattern& operator=(const Pattern&) = delete;

  const std::string& name() const { return name_; }

  // The cue of this pattern ([cue name] in its file), or null.
  const Pattern* cue() const { return cue_.get(); }

  // Whether a match starts at or after `start`, as Find would tell, the
  // match itself left unread. A pattern made of top-level alternatives
  // ("absent | excus | pouvoir", as most cues are) looks for each apart:
  // PCRE2 skips to one word's first letters with SIMD, to any of eight
  // words' only through a bitmap of first bytes, tried letter by letter.
  bool Occurs(std::string_view subject, size_t start = 0) const;

  // The first match at or after `start`; false when there is none.
  bool Find(std::string_view subject, Match* m, size_t start = 0) const;
  // The first match that starts in [start, limit] (ends may run past limit):
  // Find's match when it starts there, else none. For the earliest of
  // several patterns' matches, each searched only up to the best so far.
  bool FindBefore(std::string_view subject, Match* m, size_t start, size_t limit) const;
  // Every non-overlapping match from `start` on.
  std::vector<Match> FindAll(std::string_view subject, size_t start = 0) const;
  // A match that starts exactly at `start` (anchored).
  bool MatchAt(std::string_view subject, Match* m, size_t start = 0) const;
  bool Contains(std::string_view subject) const {
    Match m;
    return Find(subject, &m);
  }

 private:
  friend class PatternSet;
  friend class MatchCursor;
  Pattern() = default;
  bool Run(std::string_view subject, size_t start, uint32_t options, Match* m,
           size_t limit = std::string_view::npos) const;
  std::string name_;
  std::string source_;     // the expanded body, for the anchored variant
  void* code_ = nullptr;   // pcre2_code_8*
  uint32_t captures_ = 0;  // capture groups of code_ (and of its anchored variant)
  // PCRE2's JIT does not run PCRE2_ANCHORED given at match time: MatchAt
  // uses a variant compiled anchored, made on first use.
  mutable void* anchored_ = nullptr;
  mutable std::once_flag anchored_once_;
  // FindBefore's variant, compiled with PCRE2_USE_OFFSET_LIMIT on first use.
  mutable void* limited_ = nullptr;
  mutable std::once_flag limited_once_;
  // source compiled with `option` added, and JIT-compiled; null on failure.
  static void* Variant(const std::string& source, uint32_t option);
  // Whether `code` (a pcre2_code_8*) has machine code: pcre2_jit_match can
  // run it (without pcre2_match's checks).
  static bool Jitted(const void* code);
  bool jit_ = false;                   // code_ is
  mutable bool anchored_jit_ = false;  // anchored_ is (set with it)
  mutable bool limited_jit_ = false;   // limited_ is (set with it)
  std::map<std::string, int, std::less<>> names_;
  std::unique_ptr<Pattern> cue_;  // see [cue name] above; may be null
  // The top-level alternatives, compiled apart, for Occurs; empty when the
  // pattern has one (see internal::TopLevelAlternatives).
  std::vector<std::unique_ptr<Pattern>> alternatives_;
  bool Occurs(std::string_view subject, size_t start, uint32_t options) const;
  bool is_cue_ = false;  // this is a cue (for DELIBEX_PATTERN_PROFILE)
};

// FindAll's matches one at a time, each found when asked for: for a caller
// that may not need them all (what lies past the last one it reads is never
// searched). The sequence is FindAll's, match for match. The pattern and the
// subject must outlive the cursor. One instance per thread.
class MatchCursor {
 public:
  MatchCursor(const Pattern& p, std::string_view subject, size_t start = 0);
  // The next match; false when there is none (and at every later call).
  bool Next(Match* m);

 private:
  const Pattern& p_;
  std::string_view subject_;
  size_t next_;     // where the search goes on
  uint32_t known_;  // PCRE2_NO_UTF_CHECK when the subject was checked valid
  bool done_ = false;
};

// Declares `text` valid UTF-8 to the patterns run on this thread while the
// scope lives, so that the many patterns run over a document's text, and
// over pieces of it, do not check it again each time. The text is checked
// once here (one pass); an invalid text is not declared. The caller keeps
// the text alive and unchanged while the scope lives. Scopes nest, innermost
// last; at most kMost are declared at once (a further one declares nothing).
class Utf8Checked {
 public:
  static constexpr int kMost = 4;
  explicit Utf8Checked(std::string_view text);
  ~Utf8Checked();
  Utf8Checked(const Utf8Checked&) = delete;
  Utf8Checked& operator=(const Utf8Checked&) = delete;

 private:
  bool declared_ = false;
};

// A pattern file's text and the name used in error messages.
struct PatternSource {
  std::string file;
  std::string text;
};

class PatternSet {
 public:
  // Parses and compiles the given files in order. An error names the file and
  // line of the faulty entry and says what is wrong.
  static Result<std::shared_ptr<const PatternSet>> Load(const std::vector<PatternSource>& files);

  // The patterns compiled into the binary from patterns/ at build time.
  static const PatternSet& Builtin();

  // The sources compiled into the binary (patterns/*.pcre), in load order.
  static const std::vector<PatternSource>& BuiltinSources();

  // The entry `name` ("file.entry" is not needed: names are global and
  // unique). Aborts with a message naming the entry when it does not exist:
  // asking for a pattern that is not there is a programming error.
  const Pattern& operator[](std::string_view name) const;
  bool has(std::string_view name) const { return patterns_.find(name) != patterns_.end(); }
  size_t size() const { return patterns_.size(); }

 private:
  // Looked up by name at every use (extractors say patterns["x"] in their
  // loops, ~140,000 times over 24 documents): hashed, and found by a
  // string_view without building a std::string.
  struct NameHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, std::unique_ptr<Pattern>, NameHash, std::equal_to<>> patterns_;
};

namespace internal {

// The top-level alternatives of a pattern body (extended mode), each with the
// option setting that opens the body ("(?i)") in front, so that each matches
// what it matches as a branch of the whole; a body that is one non-capturing
// group, "(?: a | b )" or "(?i: a | b )", is split inside it. A pattern
// matches from a place exactly where one of its alternatives does. One
// element, the body, when there is a single alternative or when a split
// could change what a branch matches: an option set after the opening (it
// would carry into later branches), \Q…\E, a backreference or a numbered
// or named group.
std::vector<std::string> TopLevelAlternatives(std::string_view body);

// Whether PCRE2 is likely to find `alternative` (one of the above) without
// its fastest skip: a first character that is a class, a group, an escape,
// not ASCII, or a letter with a case outside ASCII under (?i) ("s" has "ſ").
// A guess for the order of a search, never for what it finds.
bool SlowToFind(std::string_view alternative);

}  // namespace internal

}  // namespace delibex
