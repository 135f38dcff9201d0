#include "patterns/pattern_set.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "core/text.h"

namespace delibex {

namespace {

// Per-thread match data and JIT stack: a Pattern is shared, these are not.
struct ThreadMatchState {
  // The texts declared valid UTF-8 by the live Utf8Checked scopes, innermost
  // last.
  std::string_view valid[Utf8Checked::kMost];
  int declared = 0;
  // True when `s` lies inside a declared text and starts on a character
  // boundary (its end is trimmed to one by Run), so is valid UTF-8.
  bool Declared(std::string_view s) const {
    if (!s.empty() && (static_cast<unsigned char>(s[0]) & 0xC0) == 0x80) return false;
    for (int i = declared - 1; i >= 0; --i) {
      const char* b = valid[i].data();
      if (s.data() >= b && s.data() + s.size() <= b + valid[i].size()) return true;
    }
    return false;
  }
  pcre2_match_data* data = nullptr;
  pcre2_jit_stack* stack = nullptr;
  pcre2_match_context* context = nullptr;
  ThreadMatchState() {
    data = pcre2_match_data_create(64, nullptr);
    stack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, nullptr);
    context = pcre2_match_context_create(nullptr);
    pcre2_jit_stack_assign(context, nullptr, stack);
  }
  ~ThreadMatchState() {
    pcre2_match_context_free(context);
    pcre2_jit_stack_free(stack);
    pcre2_match_data_free(data);
  }
};

ThreadMatchState& MatchState() {
  thread_local ThreadMatchState state;
  return state;
}

// DELIBEX_PATTERN_PROFILE=1: per-pattern calls, bytes of subject offered
// (from the start offset on), matches and time, printed to stderr at exit,
// costliest first, with how PCRE2 finds where a match may start (a pattern
// with none, "-", is tried at every position of its subject: a lookahead on
// its first character gives it a set of first bytes). Off, it costs one test
// of a constant per match call.
struct PatternStats {
  // How PCRE2 finds where a match may start: "unit" (a first code unit),
  // "line" (line starts), "bitmap" (a set of first bytes), "-" (none: it
  // tries every position, the costliest over a long text).
  const char* start = "";
  uint64_t calls = 0;
  uint64_t bytes = 0;
  uint64_t matches = 0;
  uint64_t nanos = 0;
};

class PatternProfile {
 public:
  static PatternProfile* Get() {
    static PatternProfile* profile = [] {
      const char* env = std::getenv("DELIBEX_PATTERN_PROFILE");
      return env && *env && std::string_view(env) != "0" ? new PatternProfile() : nullptr;
    }();
    return profile;
  }
  void NoteStart(const std::string& name, bool cue, const char* start) {
    std::lock_guard<std::mutex> lock(mu_);
    stats_[cue ? "cue " + name : name].start = start;
  }
  void Add(const std::string& name, bool cue, size_t bytes, bool matched, uint64_t nanos) {
    std::lock_guard<std::mutex> lock(mu_);
    PatternStats& s = stats_[cue ? "cue " + name : name];
    ++s.calls;
    s.bytes += bytes;
    s.matches += matched;
    s.nanos += nanos;
  }

 private:
  PatternProfile() {
    std::atexit([] { Get()->Print(); });
  }
  void Print() {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<std::pair<std::string, PatternStats>> rows(stats_.begin(), stats_.end());
    std::sort(rows.begin(), rows.end(),
              [](const auto& a, const auto& b) { return a.second.nanos > b.second.nanos; });
    uint64_t total = 0;
    for (const auto& [name, s] : rows) total += s.nanos;
    std::fprintf(stderr, "%-36s %10s %14s %9s %10s %6s %6s\n", "pattern", "calls", "bytes",
                 "matches", "ms", "%", "start");
    for (const auto& [name, s] : rows) {
      if (s.calls == 0) continue;
      std::fprintf(stderr, "%-36s %10llu %14llu %9llu %10.1f %6.2f %6s\n", name.c_str(),
                   static_cast<unsigned long long>(s.calls),
                   static_cast<unsigned long long>(s.bytes),
                   static_cast<unsigned long long>(s.matches), s.nanos / 1e6,
                   total ? 100.0 * s.nanos / total : 0.0, s.start);
    }
    std::fprintf(stderr, "%-36s %10s %14s %9s %10.1f\n", "total (cues counted apart)", "", "", "",
                 total / 1e6);
  }
  std::mutex mu_;  // guards stats_
  std::map<std::string, PatternStats> stats_;
};

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

struct Entry {
  std::string name;
  bool is_define = false;
  bool is_cue = false;
  std::string body;
  int line = 0;
};

Error PatternError(const std::string& file, int line, const std::string& what) {
  return Error{"pattern", file + ":" + std::to_string(line) + ": " + what};
}

// Replaces each {{NAME}} with (?:definition). Unknown names are an error.
Result<std::string> Expand(const std::string& body, const std::map<std::string, std::string>& defs,
                           const std::string& file, int line) {
  std::string out;
  size_t i = 0;
  while (i < body.size()) {
    size_t open = body.find("{{", i);
    if (open == std::string::npos) {
      out.append(body, i, std::string::npos);
      break;
    }
    size_t close = body.find("}}", open + 2);
    if (close == std::string::npos) return PatternError(file, line, "unclosed '{{'");
    out.append(body, i, open - i);
    std::string key = body.substr(open + 2, close - open - 2);
    auto it = defs.find(key);
    if (it == defs.end()) return PatternError(file, line, "unknown piece {{" + key + "}}");
    out += "(?:" + it->second + ")";
    i = close + 2;
  }
  return out;
}

// Drops whole-line comments so that a '#' inside a body line stays the
// extended-mode comment it is, and '#' lines do not reach PCRE2 at all.
Result<std::vector<Entry>> Parse(const PatternSource& src) {
  std::vector<Entry> entries;
  std::istringstream in(src.text);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    std::string t = Trim(line);
    if (t.empty() || t[0] == '#') continue;
    if (line[0] == '[') {
      if (t.back() != ']')
        return PatternError(src.file, n, "a header is '[name]' alone on its line");
      std::string head = Trim(std::string_view(t).substr(1, t.size() - 2));
      Entry e;
      e.line = n;
      if (head.rfind("define ", 0) == 0) {
        e.is_define = true;
        head = Trim(std::string_view(head).substr(7));
      } else if (head.rfind("cue ", 0) == 0) {
        e.is_cue = true;
        head = Trim(std::string_view(head).substr(4));
      }
      if (head.empty()) return PatternError(src.file, n, "entry without a name");
      for (char c : head) {
        if (!(isalnum(static_cast<unsigned char>(c)) || c == '_'))
          return PatternError(src.file, n, "bad entry name '" + head + "'");
      }
      e.name = head;
      entries.push_back(std::move(e));
      continue;
    }
    if (line[0] != ' ' && line[0] != '\t')
      return PatternError(src.file, n, "pattern lines are indented; headers start at column 1");
    if (entries.empty()) return PatternError(src.file, n, "pattern text before any [name]");
    entries.back().body += line;
    entries.back().body += '\n';
  }
  for (const Entry& e : entries) {
    if (Trim(e.body).empty())
      return PatternError(src.file, e.line, "entry '" + e.name + "' is empty");
  }
  return entries;
}

}  // namespace

namespace internal {

namespace {

bool IsBlankOrComment(std::string_view body, size_t* i) {
  char c = body[*i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
    ++*i;
    return true;
  }
  if (c == '#') {
    size_t eol = body.find('\n', *i);
    *i = eol == std::string_view::npos ? body.size() : eol + 1;
    return true;
  }
  return false;
}

// An option setting "(?i)" / "(?i-x)" at `i` (letters and '-' only); its
// length, or 0.
size_t OptionSettingAt(std::string_view body, size_t i) {
  if (body.compare(i, 2, "(?") != 0) return 0;
  size_t j = i + 2;
  while (j < body.size() && (isalpha(static_cast<unsigned char>(body[j])) || body[j] == '-')) ++j;
  if (j == i + 2 || j >= body.size() || body[j] != ')') return 0;
  return j + 1 - i;
}

// Splits `body` at its '|' of depth 0. False when it holds what a split
// could change (see TopLevelAlternatives); `head` is the length of the
// option setting that opens it, which may stay.
bool SplitAtBars(std::string_view body, size_t head, std::vector<std::string_view>* parts) {
  size_t depth = 0, from = head;
  for (size_t i = head; i < body.size();) {
    if (IsBlankOrComment(body, &i)) continue;
    char c = body[i];
    if (c == '\\') {
      if (i + 1 >= body.size()) return false;
      char e = body[i + 1];
      if (e == 'Q' || e == 'E' || e == 'g' || e == 'k' || (e >= '1' && e <= '9')) return false;
      i += 2;
    } else if (c == '[') {
      // A class: ']' first (or after '^') is a member; "[:alpha:]" inside.
      size_t j = i + 1;
      if (j < body.size() && body[j] == '^') ++j;
      if (j < body.size() && body[j] == ']') ++j;
      while (j < body.size() && body[j] != ']') {
        if (body[j] == '\\') {
          j += 2;
        } else if (body[j] == '[' && j + 1 < body.size() && body[j + 1] == ':') {
          size_t close = body.find(":]", j + 2);
          if (close == std::string_view::npos) return false;
          j = close + 2;
        } else {
          ++j;
        }
      }
      if (j >= body.size()) return false;
      i = j + 1;
    } else if (c == '(') {
      if (depth == 0 && OptionSettingAt(body, i) != 0) return false;  // carries on
      // Only groups that capture nothing: no numbers or names to shift.
      if (body.compare(i, 2, "(?") != 0 && body.compare(i, 2, "(*") != 0) return false;
      if (body.compare(i, 3, "(?<") == 0 && i + 3 < body.size() && body[i + 3] != '=' &&
          body[i + 3] != '!')
        return false;
      if (body.compare(i, 3, "(?P") == 0 || body.compare(i, 3, "(?'") == 0 ||
          body.compare(i, 3, "(?|") == 0 || body.compare(i, 2, "(*") == 0)
        return false;
      ++depth;
      ++i;
    } else if (c == ')') {
      if (depth == 0) return false;
      --depth;
      ++i;
    } else if (c == '|' && depth == 0) {
      parts->push_back(body.substr(from, i - from));
      from = ++i;
    } else {
      ++i;
    }
  }
  if (depth != 0) return false;
  parts->push_back(body.substr(from));
  return true;
}

}  // namespace

std::vector<std::string> TopLevelAlternatives(std::string_view body) {
  std::vector<std::string> whole = {std::string(body)};
  size_t i = 0;
  while (i < body.size() && IsBlankOrComment(body, &i)) {
  }
  std::string option(body.substr(i, OptionSettingAt(body, i)));
  i += option.size();
  std::vector<std::string_view> parts;
  if (!SplitAtBars(body, i, &parts)) return whole;
  if (parts.size() == 1) {
    // One group around the whole: "(?: a | b )", "(?i: a | b )".
    std::string_view inner = parts[0];
    size_t b = 0;
    while (b < inner.size() && IsBlankOrComment(inner, &b)) {
    }
    size_t e = inner.size();
    while (e > b && (inner[e - 1] == ' ' || inner[e - 1] == '\t' || inner[e - 1] == '\n' ||
                     inner[e - 1] == '\r'))
      --e;
    if (inner.compare(b, 2, "(?") != 0 || e == 0 || inner[e - 1] != ')') return whole;
    size_t colon = b + 2;
    while (colon < e && (isalpha(static_cast<unsigned char>(inner[colon])) || inner[colon] == '-'))
      ++colon;
    if (colon >= e || inner[colon] != ':') return whole;
    std::string_view content = inner.substr(colon + 1, e - 1 - (colon + 1));
    // The group must close at the end, not earlier: "(?:a)|(?:b)" is two.
    std::vector<std::string_view> check;
    if (!SplitAtBars(content, 0, &check)) return whole;
    if (colon > b + 2) option += "(?" + std::string(inner.substr(b + 2, colon - b - 2)) + ")";
    parts = std::move(check);
  }
  if (parts.size() < 2) return whole;
  std::vector<std::string> out;
  for (std::string_view p : parts) out.push_back(option + " " + std::string(p) + "\n");
  return out;
}

bool SlowToFind(std::string_view alternative) {
  size_t i = 0;
  bool caseless = false;
  for (;;) {
    while (i < alternative.size() && IsBlankOrComment(alternative, &i)) {
    }
    size_t n = OptionSettingAt(alternative, i);
    if (n == 0) break;
    std::string_view set = alternative.substr(i + 2, n - 3);
    set = set.substr(0, set.find('-'));
    caseless = caseless || set.find('i') != std::string_view::npos;
    i += n;
  }
  if (i >= alternative.size()) return true;
  unsigned char c = static_cast<unsigned char>(alternative[i]);
  if (c >= 0x80 || c == '[' || c == '(' || c == '\\' || c == '.') return true;
  return caseless && (c == 's' || c == 'S' || c == 'k' || c == 'K');
}

}  // namespace internal

bool Match::has(std::string_view group) const {
  if (!names_) return false;
  auto it = names_->find(group);
  if (it == names_->end()) return false;
  size_t n = static_cast<size_t>(it->second);
  return n < spans_.size() && spans_[n].first != npos;
}

std::string_view Match::group(int n) const {
  if (n < 0 || static_cast<size_t>(n) >= spans_.size()) return {};
  auto [b, e] = spans_[n];
  if (b == npos) return {};
  return subject_.substr(b, e - b);
}

std::string_view Match::operator[](std::string_view name) const {
  if (!names_) return {};
  auto it = names_->find(name);
  return it == names_->end() ? std::string_view() : group(it->second);
}

size_t Match::group_begin(std::string_view name) const {
  if (!names_) return npos;
  auto it = names_->find(name);
  if (it == names_->end() || static_cast<size_t>(it->second) >= spans_.size()) return npos;
  return spans_[it->second].first;
}

size_t Match::group_end(std::string_view name) const {
  if (!names_) return npos;
  auto it = names_->find(name);
  if (it == names_->end() || static_cast<size_t>(it->second) >= spans_.size()) return npos;
  return spans_[it->second].second;
}

Pattern::~Pattern() {
  pcre2_code_free(static_cast<pcre2_code*>(code_));
  pcre2_code_free(static_cast<pcre2_code*>(anchored_));
  pcre2_code_free(static_cast<pcre2_code*>(limited_));
}

bool Pattern::Jitted(const void* code) {
  size_t size = 0;
  return code != nullptr &&
         pcre2_pattern_info(static_cast<const pcre2_code*>(code), PCRE2_INFO_JITSIZE, &size) == 0 &&
         size > 0;
}

void* Pattern::Variant(const std::string& source, uint32_t option) {
  int err = 0;
  PCRE2_SIZE off = 0;
  pcre2_code* code = pcre2_compile(
      reinterpret_cast<PCRE2_SPTR>(source.data()), source.size(),
      PCRE2_UTF | PCRE2_UCP | PCRE2_EXTENDED | PCRE2_MULTILINE | option, &err, &off, nullptr);
  if (code) pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
  return code;
}

Utf8Checked::Utf8Checked(std::string_view text) {
  ThreadMatchState& st = MatchState();
  if (st.declared < kMost && IsValidUtf8(text)) {
    st.valid[st.declared++] = text;
    declared_ = true;
  }
}

Utf8Checked::~Utf8Checked() {
  if (declared_) --MatchState().declared;
}

namespace {

// PCRE2_NO_UTF_CHECK when `subject` (its broken end trimmed) is valid UTF-8:
// declared so, or checked here by the same rules as PCRE2's check, faster
// over ASCII. An invalid subject is left to PCRE2, which reports it.
uint32_t Utf8Known(std::string_view subject) {
  return MatchState().Declared(subject) || IsValidUtf8(subject) ? PCRE2_NO_UTF_CHECK : 0;
}

}  // namespace

bool Pattern::Run(std::string_view subject, size_t start, uint32_t options, Match* m,
                  size_t limit) const {
  // A subject cut at a byte offset may end inside a character, and a start
  // may fall inside one: PCRE2 would refuse the whole subject. The end is
  // trimmed back and the start moved forward to character boundaries.
  subject = WithoutBrokenEnd(subject);
  // PCRE2 checks a subject's UTF-8 from the start offset on at every call:
  // FindAll over a long text would be quadratic. Checked once here (FindAll
  // passes PCRE2_NO_UTF_CHECK when it has), for the cue and the pattern.
  if (!(options & PCRE2_NO_UTF_CHECK)) options |= Utf8Known(subject);
  // No match can hold no cue: the pattern is not run where its cue is not.
  // Not for an anchored match: tried at one place, it fails sooner than the
  // cue would be looked for over the rest of the subject.
  if (cue_ && !(options & PCRE2_ANCHORED) &&
      !cue_->Occurs(subject, start, options & PCRE2_NO_UTF_CHECK))
    return false;
  if (limit < start) return false;
  while (start < subject.size() && (static_cast<unsigned char>(subject[start]) & 0xC0) == 0x80)
    ++start;
  if (start > subject.size()) return false;
  ThreadMatchState& st = MatchState();
  auto* code = static_cast<pcre2_code*>(code_);
  bool jit = jit_;
  if (options & PCRE2_ANCHORED) {
    std::call_once(anchored_once_, [this] {
      anchored_ = Variant(source_, PCRE2_ANCHORED);
      anchored_jit_ = Jitted(anchored_);
    });
    if (anchored_) {
      code = static_cast<pcre2_code*>(anchored_);
      jit = anchored_jit_;
      options &= ~static_cast<uint32_t>(PCRE2_ANCHORED);
    }
  }
  // An offset limit needs a variant compiled for it (the option costs a
  // little at every match: only the patterns FindBefore runs have one).
  bool limited = limit < subject.size();
  if (limited) {
    std::call_once(limited_once_, [this] {
      limited_ = Variant(source_, PCRE2_USE_OFFSET_LIMIT);
      limited_jit_ = Jitted(limited_);
    });
    if (limited_) {
      code = static_cast<pcre2_code*>(limited_);
      jit = limited_jit_;
      pcre2_set_offset_limit(st.context, limit);
    }
  }
  PatternProfile* profile = PatternProfile::Get();
  auto t0 = profile ? std::chrono::steady_clock::now() : std::chrono::steady_clock::time_point();
  // Straight to the machine code when there is some and nothing is left for
  // pcre2_match to check: the subject's UTF-8 is known valid, no option, a
  // subject that is not null (pcre2_match refuses a null one).
  int rc = jit && options == PCRE2_NO_UTF_CHECK && subject.data() != nullptr
               ? pcre2_jit_match(code, reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(),
                                 start, 0, st.data, st.context)
               : pcre2_match(code, reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(),
                             start, options, st.data, st.context);
  if (limited) pcre2_set_offset_limit(st.context, PCRE2_UNSET);
  if (profile) {
    auto ns =
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - t0);
    profile->Add(name_, is_cue_, subject.size() - std::min(start, subject.size()), rc >= 0,
                 static_cast<uint64_t>(ns.count()));
  }
  if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT ||
      rc == PCRE2_ERROR_JIT_STACKLIMIT || rc == PCRE2_ERROR_NOMEMORY) {
    throw PatternLimitError{name_, rc};  // not "no match": the input's barrier reports it
  }
  if (rc < 0) return false;  // no match (or a start past the end)
  PCRE2_SIZE* ov = pcre2_get_ovector_pointer(st.data);
  if (limited && ov[0] > limit) return false;  // without the variant
  if (m == nullptr) return true;
  uint32_t pairs = pcre2_get_ovector_count(st.data);
  size_t count = std::min<size_t>(pairs, captures_ + 1);
  m->subject_ = subject;
  m->names_ = &names_;
  m->spans_.assign(count, {Match::npos, Match::npos});
  for (size_t i = 0; i < count && i < static_cast<size_t>(rc > 0 ? rc : pairs); ++i) {
    if (ov[2 * i] == PCRE2_UNSET) continue;
    m->spans_[i] = {ov[2 * i], ov[2 * i + 1]};
  }
  return true;
}

namespace {

// Occurs looks for the alternatives apart from this many bytes of subject on.
constexpr size_t kAlternativesApartFrom = 512;

}  // namespace

bool Pattern::Occurs(std::string_view subject, size_t start) const {
  return Occurs(subject, start, 0);
}

bool Pattern::Occurs(std::string_view subject, size_t start, uint32_t options) const {
  // A short subject is searched at once: there, the calls would cost more
  // than the letters they skip.
  if (alternatives_.empty() || subject.size() < start + kAlternativesApartFrom)
    return Run(subject, start, options, nullptr);
  // Checked once for all the alternatives.
  if (!(options & PCRE2_NO_UTF_CHECK)) options |= Utf8Known(WithoutBrokenEnd(subject));
  for (const auto& a : alternatives_) {
    if (a->Run(subject, start, options, nullptr)) return true;
  }
  return false;
}

bool Pattern::Find(std::string_view subject, Match* m, size_t start) const {
  return Run(subject, start, 0, m);
}

bool Pattern::FindBefore(std::string_view subject, Match* m, size_t start, size_t limit) const {
  return Run(subject, start, 0, m, limit);
}

bool Pattern::MatchAt(std::string_view subject, Match* m, size_t start) const {
  return Run(subject, start, PCRE2_ANCHORED, m);
}

std::vector<Match> Pattern::FindAll(std::string_view subject, size_t start) const {
  std::vector<Match> all;
  MatchCursor cursor(*this, subject, start);
  Match m;
  while (cursor.Next(&m)) all.push_back(m);
  return all;
}

MatchCursor::MatchCursor(const Pattern& p, std::string_view subject, size_t start)
    : p_(p),
      subject_(subject),
      next_(start),
      known_(Utf8Known(WithoutBrokenEnd(subject))) {}  // the same subject at every turn

bool MatchCursor::Next(Match* m) {
  if (done_ || next_ > subject_.size() || !p_.Run(subject_, next_, known_, m)) {
    done_ = true;
    return false;
  }
  size_t next = m->end() > m->begin() ? m->end() : m->begin() + 1;
  // Step over a whole UTF-8 character after an empty match.
  while (next < subject_.size() && (static_cast<unsigned char>(subject_[next]) & 0xC0) == 0x80)
    ++next;
  next_ = next;
  return true;
}

Result<std::shared_ptr<const PatternSet>> PatternSet::Load(
    const std::vector<PatternSource>& files) {
  auto set = std::shared_ptr<PatternSet>(new PatternSet());
  std::map<std::string, std::string> defs;
  std::map<std::string, std::string> where;  // name -> file:line, for duplicates
  std::vector<std::pair<std::unique_ptr<Pattern>, std::string>> cues;  // and where
  for (const PatternSource& src : files) {
    auto parsed = Parse(src);
    if (!parsed.ok()) return parsed.error();
    for (const Entry& e : parsed.value()) {
      std::string here = src.file + ":" + std::to_string(e.line);
      auto expanded = Expand(e.body, defs, src.file, e.line);
      if (!expanded.ok()) return expanded.error();
      if (e.is_define) {
        if (defs.count(e.name))
          return PatternError(src.file, e.line, "piece '" + e.name + "' defined twice");
        // A piece is spliced into other patterns in extended mode: keep it on
        // one logical unit, comments and all, by closing any '#' comment.
        defs[e.name] = expanded.value() + "\n";
        continue;
      }
      std::string key = e.is_cue ? "cue " + e.name : e.name;
      if (where.count(key))
        return PatternError(src.file, e.line, "'" + key + "' already defined at " + where[key]);
      where[key] = here;
      int err = 0;
      PCRE2_SIZE off = 0;
      const std::string& body = expanded.value();
      pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(body.data()), body.size(),
                                       PCRE2_UTF | PCRE2_UCP | PCRE2_EXTENDED | PCRE2_MULTILINE,
                                       &err, &off, nullptr);
      if (!code) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(err, msg, sizeof msg);
        // Point at the body line of the error, counted from the entry header.
        int line = e.line + 1;
        while (off > 0 && off <= body.size() && body[off - 1] == '\n') --off;  // at the end
        for (size_t i = 0; i < off && i < body.size(); ++i) line += body[i] == '\n';
        return PatternError(src.file, line, "in '" + e.name + "': " + reinterpret_cast<char*>(msg));
      }
      pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);  // no JIT (rare platforms): interpreter
      if (PatternProfile* profile = PatternProfile::Get()) {
        uint32_t first = 0;
        const uint8_t* bitmap = nullptr;
        pcre2_pattern_info(code, PCRE2_INFO_FIRSTCODETYPE, &first);
        pcre2_pattern_info(code, PCRE2_INFO_FIRSTBITMAP, &bitmap);
        profile->NoteStart(e.name, e.is_cue,
                           first == 1   ? "unit"
                           : first == 2 ? "line"
                           : bitmap     ? "bitmap"
                                        : "-");
      }
      auto p = std::unique_ptr<Pattern>(new Pattern());
      p->name_ = e.name;
      p->source_ = body;
      p->code_ = code;
      p->jit_ = Pattern::Jitted(code);
      pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &p->captures_);
      uint32_t count = 0, entry_size = 0;
      PCRE2_SPTR table = nullptr;
      pcre2_pattern_info(code, PCRE2_INFO_NAMECOUNT, &count);
      pcre2_pattern_info(code, PCRE2_INFO_NAMEENTRYSIZE, &entry_size);
      pcre2_pattern_info(code, PCRE2_INFO_NAMETABLE, &table);
      for (uint32_t i = 0; i < count; ++i) {
        PCRE2_SPTR row = table + i * entry_size;
        int n = (row[0] << 8) | row[1];
        p->names_[reinterpret_cast<const char*>(row + 2)] = n;
      }
      p->is_cue_ = e.is_cue;
      if (e.is_cue) {
        // A cue is only asked whether it occurs: its alternatives apart.
        std::vector<std::string> alternatives = internal::TopLevelAlternatives(body);
        // Those PCRE2 finds slowly last: the search stops at the first that
        // occurs. A first letter with a case outside ASCII ("s" and "ſ",
        // "k" and the Kelvin sign), a class or a group has no SIMD skip.
        std::stable_sort(alternatives.begin(), alternatives.end(),
                         [](const std::string& a, const std::string& b) {
                           return internal::SlowToFind(a) < internal::SlowToFind(b);
                         });
        for (size_t i = 0; alternatives.size() > 1 && i < alternatives.size(); ++i) {
          const std::string& a = alternatives[i];
          pcre2_code* part = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(a.data()), a.size(),
                                           PCRE2_UTF | PCRE2_UCP | PCRE2_EXTENDED | PCRE2_MULTILINE,
                                           &err, &off, nullptr);
          if (!part) {  // not expected of a branch of a pattern that compiles
            p->alternatives_.clear();
            break;
          }
          pcre2_jit_compile(part, PCRE2_JIT_COMPLETE);
          auto alt = std::unique_ptr<Pattern>(new Pattern());
          alt->name_ = e.name;
          alt->source_ = a;
          alt->code_ = part;
          alt->jit_ = Pattern::Jitted(part);
          alt->is_cue_ = true;
          p->alternatives_.push_back(std::move(alt));
        }
        cues.push_back({std::move(p), here});
      } else {
        set->patterns_[e.name] = std::move(p);
      }
    }
  }
  for (auto& [cue, here] : cues) {
    auto it = set->patterns_.find(cue->name_);
    if (it == set->patterns_.end())
      return Error{"pattern", here + ": a cue for '" + cue->name_ + "', which is not defined"};
    it->second->cue_ = std::move(cue);
  }
  return std::shared_ptr<const PatternSet>(set);
}

const Pattern& PatternSet::operator[](std::string_view name) const {
  auto it = patterns_.find(name);
  if (it == patterns_.end()) {
    std::fprintf(stderr, "delibex: internal error: no pattern named '%.*s'\n",
                 static_cast<int>(name.size()), name.data());
    std::abort();
  }
  return *it->second;
}

const PatternSet& PatternSet::Builtin() {
  static const std::shared_ptr<const PatternSet> set = [] {
    auto loaded = Load(BuiltinSources());
    if (!loaded.ok()) {
      std::fprintf(stderr, "delibex: bad built-in pattern: %s\n", loaded.error().message.c_str());
      std::exit(70);
    }
    return loaded.value();
  }();
  return *set;
}

}  // namespace delibex
