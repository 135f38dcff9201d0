// Small UTF-8 text utilities shared by the stages.
//
// All functions take and return UTF-8; invalid bytes are treated as single
// non-letter characters, never read past the end.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace delibex {

// The code point at s[i] and its length in bytes (1 for an invalid byte,
// reported as U+FFFD).
int32_t DecodeAt(std::string_view s, size_t i, int* length);

// True when s is well-formed UTF-8 as RFC 3629 and PCRE2 define it: no
// overlong form, no surrogate, nothing past U+10FFFF. ASCII runs are checked
// eight bytes at a time.
bool IsValidUtf8(std::string_view s);

bool IsUpperLetter(int32_t cp);
bool IsLowerLetter(int32_t cp);
bool IsLetter(int32_t cp);

// Letters of s folded for comparison: lower case, accents removed, every run
// of non-letters and non-digits made one space, trimmed. "Élisabeth  DOINEAU"
// and "elisabeth doineau" fold alike. A window cut inside a character (a
// byte offset some way before a match) folds as the whole characters in it.
std::string Fold(std::string_view s);

// The number (1-12) of the month a whole word names in full, in any case,
// with or without accents ("février", "AOUT", "Décembre"); nothing for any
// other word.
std::optional<int> FrenchMonth(std::string_view word);

// s without the broken character at either end, when it was cut inside one;
// WithoutBrokenEnd trims the end only (offsets from the start stay valid).
std::string_view WholeCharacters(std::string_view s);
std::string_view WithoutBrokenEnd(std::string_view s);

// The code points of s that start before each byte offset of `offsets` (an
// offset past the end counts them all), in the order given: one pass over s
// up to the largest offset, however many offsets and in whatever order.
std::vector<size_t> CodePointsBefore(std::string_view s, const std::vector<size_t>& offsets);

// True when the folded text `f` is `words` or starts with them and a space:
// "president du conseil" starts with the words "president".
bool StartsWithWords(std::string_view f, std::string_view words);

// Runs of white space (line breaks included) made one space, trimmed.
std::string CollapseSpace(std::string_view s);

std::string_view Trim(std::string_view s);

// True when every letter of s is upper case and it has at least one.
bool IsAllUpper(std::string_view s);

// In capitals but for a letter or two ("LOI NOTRe", a lower-case letter OCR
// made up): nine letters in ten upper-case, and three at least.
bool MostlyUpper(std::string_view s);
// True when the first character is an upper-case letter.
bool StartsUpper(std::string_view s);
bool StartsLower(std::string_view s);

}  // namespace delibex
