// Errors that cross a stage boundary.
//
// A stage that cannot do its work returns an Error with a stable machine code
// (the SPEC's error record `{"code", "message"}`) and a sentence for people.
// Codes in use: io, empty, too-large, binary, encoding, unsupported-format,
// pdf-encrypted, pdf-damaged, image-unreadable, ocr-unavailable, ocr-failed,
// ocr-timeout (past ScanOptions::ocr_timeout_ms), no-text, pattern, internal-error (a bug inside
// delibex, caught at the input's barrier: `stage` names the stage), pattern-limit (a pattern ran
// past PCRE2's match, depth or JIT-stack limit on this input).
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace delibex {

struct Error {
  Error() = default;
  Error(std::string c, std::string m, std::string s = {})
      : code(std::move(c)), message(std::move(m)), stage(std::move(s)) {}
  std::string code;
  std::string message;
  std::string stage;  // where it happened, when known: ingest, normalize, segment, ...
};

// Thrown by Pattern matching when PCRE2 stops on one of its limits rather
// than finding or not finding a match: "no match" would be a silent guess.
// Caught at the input's barrier (pipeline/), which makes it an error record.
struct PatternLimitError {
  std::string pattern;
  int code;  // PCRE2's error code
};

// A value or the Error that prevented it.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT: implicit on purpose
  Result(Error error) : v_(std::move(error)) {}  // NOLINT
  bool ok() const { return std::holds_alternative<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const Error& error() const { return std::get<Error>(v_); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace delibex
