// Errors that cross a stage boundary.
//
// A stage that cannot do its work returns an Error with a stable machine code
// (the SPEC's error record `{"code", "message"}`) and a sentence for people.
// Codes in use: io, empty, too-large, binary, encoding, unsupported-format,
// pdf-encrypted, pdf-damaged, image-unreadable, ocr-unavailable, ocr-failed,
// no-text, pattern.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace delibex {

struct Error {
  std::string code;
  std::string message;
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
