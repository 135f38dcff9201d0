#include "core/text.h"

#include <utf8proc.h>

#include <cstdlib>

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

bool IsUpperLetter(int32_t cp) {
  auto c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool IsLowerLetter(int32_t cp) { return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL; }

bool IsLetter(int32_t cp) {
  auto c = utf8proc_category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

std::string Fold(std::string_view s) {
  utf8proc_uint8_t* folded = nullptr;
  utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                   static_cast<utf8proc_ssize_t>(s.size()), &folded,
                   static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                                                  UTF8PROC_CASEFOLD | UTF8PROC_COMPAT));
  std::string in = n >= 0 ? std::string(reinterpret_cast<char*>(folded), n) : std::string(s);
  std::free(folded);
  std::string out;
  out.reserve(in.size());
  bool space = false;
  for (size_t i = 0; i < in.size();) {
    int len = 1;
    int32_t cp = DecodeAt(in, i, &len);
    bool keep = IsLetter(cp) || (cp >= '0' && cp <= '9');
    if (keep) {
      if (space && !out.empty()) out += ' ';
      space = false;
      out.append(in, i, len);
    } else {
      space = true;
    }
    i += len;
  }
  return out;
}

std::string CollapseSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = true;
    } else {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += c;
    }
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

}  // namespace delibex
