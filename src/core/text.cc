#include "core/text.h"

#include <algorithm>

#include <utf8proc.h>

#include <cstdlib>
#include <cstring>

namespace delibex {

int32_t DecodeAt(std::string_view s, size_t i, int* length) {
  utf8proc_int32_t cp = 0;
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                        static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  if (n <= 0) {
    *length = 1;
    return 0xFFFD;
  }
  *length = static_cast<int>(n);
  return cp;
}

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, p + i, 8);
      if ((word & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;  // a continuation byte, C0/C1 (overlong) or F5..FF
    }
    if (n - i < len) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += len;
  }
  return true;
}

bool IsUpperLetter(int32_t cp) {
  auto c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool IsLowerLetter(int32_t cp) { return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL; }

bool IsLetter(int32_t cp) {
  auto c = utf8proc_category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

namespace {

constexpr auto kFoldOptions = static_cast<utf8proc_option_t>(
    UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD | UTF8PROC_COMPAT);

// Appends the letters and digits of `s` (already folded), a space between
// runs of them.
void KeepLettersAndDigits(std::string_view s, std::string* out) {
  bool space = false;
  for (size_t i = 0; i < s.size();) {
    int len = 1;
    int32_t cp = DecodeAt(s, i, &len);
    if (IsLetter(cp) || (cp >= '0' && cp <= '9')) {
      if (space && !out->empty()) *out += ' ';
      space = false;
      out->append(s, i, len);
    } else {
      space = true;
    }
    i += len;
  }
}

// Fold of a text that is not valid UTF-8: the text as it is, letters kept.
std::string FoldInvalid(std::string_view s) {
  std::string out;
  KeepLettersAndDigits(s, &out);
  return out;
}

}  // namespace

std::string_view WithoutBrokenEnd(std::string_view s) {
  auto continuation = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; };
  // The last character's lead byte, and how many bytes it announces.
  size_t lead = s.size();
  while (lead > 0 && s.size() - lead < 4 && continuation(s[lead - 1])) --lead;
  if (lead == 0) return s;
  auto c = static_cast<unsigned char>(s[lead - 1]);
  size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (c >= 0xC0 && s.size() - (lead - 1) < need) s.remove_suffix(s.size() - (lead - 1));
  return s;
}

std::string_view WholeCharacters(std::string_view s) {
  size_t b = 0;
  while (b < s.size() && b < 3 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) ++b;
  return WithoutBrokenEnd(s.substr(b));
}

// One character at a time: ASCII by hand, the others through utf8proc's
// per-character decomposition (what utf8proc_map does for each character,
// without its two passes and allocation). Combining marks are stripped, so
// the canonical reordering utf8proc_map would do changes nothing kept.
std::string Fold(std::string_view s) {
  s = WholeCharacters(s);
  std::string out;
  out.reserve(s.size());
  bool space = false;
  auto keep = [&](const char* bytes, size_t n) {
    if (space && !out.empty()) out += ' ';
    space = false;
    out.append(bytes, n);
  };
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      auto folded = [](unsigned char a) -> char {
        if (a >= 'A' && a <= 'Z') return static_cast<char>(a - 'A' + 'a');
        return (a >= 'a' && a <= 'z') || (a >= '0' && a <= '9') ? static_cast<char>(a) : '\0';
      };
      if (!folded(c)) {
        space = true;
        ++i;
        continue;
      }
      // The run of ASCII letters and digits, lower-cased, in one go.
      if (space && !out.empty()) out += ' ';
      space = false;
      for (char f; i < s.size() && (f = folded(static_cast<unsigned char>(s[i]))); ++i) out += f;
      continue;
    }
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                          static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) return FoldInvalid(s);
    utf8proc_int32_t parts[32];
    int boundclass = 0;
    utf8proc_ssize_t k = utf8proc_decompose_char(cp, parts, 32, kFoldOptions, &boundclass);
    if (k < 0 || k > 32) return FoldInvalid(s);
    for (utf8proc_ssize_t j = 0; j < k; ++j) {
      if (IsLetter(parts[j]) || (parts[j] >= '0' && parts[j] <= '9')) {
        utf8proc_uint8_t bytes[4];
        utf8proc_ssize_t len = utf8proc_encode_char(parts[j], bytes);
        keep(reinterpret_cast<const char*>(bytes), static_cast<size_t>(len));
      } else {
        space = true;
      }
    }
    i += static_cast<size_t>(n);
  }
  return out;
}

std::vector<size_t> CodePointsBefore(std::string_view s, const std::vector<size_t>& offsets) {
  std::vector<size_t> order(offsets.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return offsets[a] < offsets[b]; });
  std::vector<size_t> out(offsets.size());
  size_t at = 0, n = 0;
  for (size_t i : order) {
    size_t to = std::min(offsets[i], s.size());
    for (; at < to; ++at) n += (static_cast<unsigned char>(s[at]) & 0xC0) != 0x80;
    out[i] = n;
  }
  return out;
}

bool StartsWithWords(std::string_view f, std::string_view words) {
  return f.size() >= words.size() && f.compare(0, words.size(), words) == 0 &&
         (f.size() == words.size() || f[words.size()] == ' ');
}

std::string CollapseSpace(std::string_view s) {
  auto blank = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; };
  std::string out;
  out.reserve(s.size());
  // Word by word: each run of non-blanks goes in whole.
  for (size_t i = 0; i < s.size();) {
    while (i < s.size() && blank(s[i])) ++i;
    size_t word = i;
    while (i < s.size() && !blank(s[i])) ++i;
    if (i == word) continue;
    if (!out.empty()) out += ' ';
    out.append(s.data() + word, i - word);
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\n\r\f");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\n\r\f");
  return s.substr(b, e - b + 1);
}

bool IsAllUpper(std::string_view s) {
  bool any = false;
  for (size_t i = 0; i < s.size();) {
    int len = 1;
    int32_t cp = DecodeAt(s, i, &len);
    if (IsLowerLetter(cp)) return false;
    if (IsUpperLetter(cp)) any = true;
    i += len;
  }
  return any;
}

bool MostlyUpper(std::string_view s) {
  int upper = 0, lower = 0;
  for (size_t i = 0; i < s.size();) {
    int len = 1;
    int32_t cp = DecodeAt(s, i, &len);
    if (IsLowerLetter(cp)) ++lower;
    if (IsUpperLetter(cp)) ++upper;
    i += len;
  }
  return upper >= 3 && upper >= 9 * lower;
}

bool StartsUpper(std::string_view s) {
  if (s.empty()) return false;
  int len = 1;
  return IsUpperLetter(DecodeAt(s, 0, &len));
}

bool StartsLower(std::string_view s) {
  if (s.empty()) return false;
  int len = 1;
  return IsLowerLetter(DecodeAt(s, 0, &len));
}

std::optional<int> FrenchMonth(std::string_view word) {
  static constexpr std::string_view kMonths[] = {"janvier",   "fevrier", "mars",     "avril",
                                                 "mai",       "juin",    "juillet",  "aout",
                                                 "septembre", "octobre", "novembre", "decembre"};
  std::string f = Fold(word);
  for (size_t i = 0; i < std::size(kMonths); ++i) {
    if (f == kMonths[i]) return static_cast<int>(i) + 1;
  }
  return std::nullopt;
}

}  // namespace delibex
