#include "review/review.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string_view>

#include "output/json_writer.h"

namespace delibex {

namespace {

using Json = nlohmann::ordered_json;

// The JSON embedded in a <script> element: every "<" as \u003c (only
// strings hold one), so no "</script>" or "<!--" in a value ends it.
std::string ScriptJson(const Json& j) {
  std::string s = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '<') {
      out += "\\u003c";
    } else {
      out += c;
    }
  }
  return out;
}

// Base64 by OpenSSL's EVP_EncodeBlock (libcrypto is linked already, for
// the SHA-256 of each input).
std::string Base64(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()),
                                static_cast<int>(bytes.size()));
  out.resize(n > 0 ? static_cast<size_t>(n) : 0);
  return out;
}

Json PagesJson(const Document& doc) {
  Json pages = Json::array();
  for (size_t i = 0; i < doc.pages.size(); ++i) {
    const Page& p = doc.pages[i];
    Json page;
    page["number"] = i + 1;
    page["text"] = p.text;
    page["ocr_confidence"] =
        p.ocr_confidence >= 0 ? Json(std::round(p.ocr_confidence * 10) / 10) : Json(nullptr);
    if (!p.image.jpeg.empty() && p.image.width > 0 && p.image.height > 0) {
      page["image"] = Json{{"src", "data:image/jpeg;base64," + Base64(p.image.jpeg)},
                           {"width", p.image.width},
                           {"height", p.image.height}};
    } else {
      page["image"] = nullptr;
    }
    pages.push_back(std::move(page));
  }
  return pages;
}

std::string Title(const FileOutcome& outcome) { return "delibex review: " + outcome.source.file; }

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// "act 3 (n° X): ..." -> "deliberations[2]"; "prefecture: ..." ->
// "prefecture"; "" otherwise. `rest` gets what follows ": ".
std::string WhereOf(std::string_view message, std::string_view* rest) {
  size_t colon = message.find(": ");
  if (colon == std::string_view::npos) return "";
  std::string_view where = message.substr(0, colon);
  *rest = message.substr(colon + 2);
  if (where == "prefecture") return "prefecture";
  if (StartsWith(where, "act ")) {
    size_t n = 0, i = 4;
    while (i < where.size() && std::isdigit(static_cast<unsigned char>(where[i]))) {
      n = n * 10 + static_cast<size_t>(where[i] - '0');
      ++i;
    }
    if (i > 4 && n > 0) return "deliberations[" + std::to_string(n - 1) + "]";
  }
  return "";
}

// The paths of the people named `name` in list `list` ("present",
// "represented", ...) of the attendance; `proxy` looks at the holders.
std::vector<std::string> PeopleNamed(const Record& r, std::string_view list, std::string_view name,
                                     bool proxy) {
  std::vector<std::string> out;
  auto add = [&](const std::vector<Person>& people) {
    for (size_t i = 0; i < people.size(); ++i) {
      if (people[i].name == name)
        out.push_back("attendance." + std::string(list) + "[" + std::to_string(i) + "]");
    }
  };
  const Attendance& a = r.attendance;
  if (list == "represented") {
    for (size_t i = 0; i < a.represented.size(); ++i) {
      const ProxyGrant& g = a.represented[i];
      const std::string& n = proxy ? (g.holder ? g.holder->name : "") : g.member.name;
      if (n == name) out.push_back("attendance.represented[" + std::to_string(i) + "]");
    }
  } else if (list == "present") {
    add(a.present);
  } else if (list == "excused") {
    add(a.excused);
  } else if (list == "absent") {
    add(a.absent);
  }
  return out;
}

}  // namespace

std::map<std::string, std::vector<size_t>> WarnedFields(const Record& r) {
  std::map<std::string, std::vector<size_t>> out;
  for (size_t k = 0; k < r.warnings.size(); ++k) {
    const std::string& code = r.warnings[k].code;
    const std::string_view msg = r.warnings[k].message;
    std::vector<std::string> paths;
    std::string_view rest;
    const std::string where = WhereOf(msg, &rest);
    if (code == "low-ocr-confidence-field") {
      size_t end = msg.find(" rests on");
      if (end != std::string_view::npos) paths.emplace_back(msg.substr(0, end));
    } else if (code == "counts-mismatch") {
      if (StartsWith(msg, "more members present")) {
        paths = {"attendance.present_count", "attendance.in_office"};
      } else if (StartsWith(msg, "more voters")) {
        paths = {"attendance.voters", "attendance.in_office"};
      } else if (StartsWith(msg, "present (")) {
        paths = {"attendance.present_count", "attendance.represented_count", "attendance.voters"};
      } else {
        paths = {"attendance.present_count"};
      }
    } else if (code == "vote-counts-mismatch" || code == "unanimity-with-against") {
      if (StartsWith(where, "deliberations")) paths.push_back(where + ".vote");
    } else if (code == "quorum-not-met" || code == "quorum-inconsistent") {
      paths = {"quorum.reached", "attendance.present_count"};
    } else if (code == "person-in-two-lists") {
      // "NAME is listed A and B"
      size_t is = msg.rfind(" is listed ");
      size_t and_ = msg.rfind(" and ");
      if (is != std::string_view::npos && and_ != std::string_view::npos && and_ > is) {
        std::string_view name = msg.substr(0, is);
        std::string_view first = msg.substr(is + 11, and_ - is - 11);
        std::string_view second = msg.substr(and_ + 5);
        for (std::string_view list : {first, second}) {
          for (std::string& p : PeopleNamed(r, list, name, false)) paths.push_back(std::move(p));
        }
      }
    } else if (code == "too-many-proxies") {
      size_t holds = msg.find(" holds ");
      if (holds != std::string_view::npos)
        paths = PeopleNamed(r, "represented", msg.substr(0, holds), true);
    } else if (code == "future-date" || code == "prefecture-date-before-session") {
      if (StartsWith(msg, "session date")) {
        paths = {"session.date"};
      } else if (!where.empty()) {
        std::string stamp = where == "prefecture" ? where : where + ".prefecture";
        size_t space = rest.find(' ');
        if (space != std::string_view::npos)
          paths.push_back(stamp + "." + std::string(rest.substr(0, space)));
        if (code == "prefecture-date-before-session") paths.emplace_back("session.date");
      }
    } else if (code == "convocation-after-session") {
      paths = {"session.convened_on", "session.date"};
    } else if (code == "act-id-date-mismatch" || code == "siren-invalid" ||
               code == "siren-mismatch") {
      if (StartsWith(msg, "authority SIREN")) {
        paths = {"authority.siren"};
      } else if (!where.empty()) {
        paths.push_back((where == "prefecture" ? where : where + ".prefecture") + ".act_id");
        if (code == "siren-mismatch") paths.emplace_back("authority.siren");
        if (code == "act-id-date-mismatch") paths.emplace_back("session.date");
      }
    }
    for (const std::string& p : paths) {
      std::vector<size_t>& list = out[p];
      if (std::find(list.begin(), list.end(), k) == list.end()) list.push_back(k);
    }
  }
  return out;
}

ReviewSummary SummarizeForReview(const FileOutcome& outcome, const std::string& href) {
  ReviewSummary s;
  s.file = outcome.source.file;
  s.href = href;
  s.method = outcome.source.method;
  s.pages = outcome.source.pages;
  if (outcome.error || !outcome.record) {
    s.error = outcome.error ? outcome.error->code : "no-record";
    return s;
  }
  const Record& r = *outcome.record;
  s.acts = static_cast<int>(r.deliberations.size());
  s.warnings = static_cast<int>(r.warnings.size());
  s.provenance = static_cast<int>(r.provenance.size());
  for (const FieldSource& f : r.provenance) {
    if (f.confidence && *f.confidence < kReviewLowConfidence) ++s.low_confidence;
  }
  return s;
}

std::string RenderReviewPage(const FileOutcome& outcome, const ReviewPageOptions& options) {
  Json data;
  data["file"] = outcome.source.file;
  if (outcome.record) {
    data["record"] = RecordToJson(*outcome.record);
    Json warned = Json::object();
    for (const auto& [path, which] : WarnedFields(*outcome.record)) warned[path] = which;
    data["warned"] = warned;
  } else {
    data["record"] = ErrorToJson(outcome.source, outcome.error.value_or(Error{"no-record", ""}));
    data["warned"] = Json::object();
  }
  data["pages"] = outcome.document ? PagesJson(*outcome.document) : Json::array();
  data["low_confidence_below"] = kReviewLowConfidence;
  data["index"] = options.index_href.empty() ? Json(nullptr) : Json(options.index_href);
  return internal::FillTemplate(internal::BuiltinTemplate("review.html"),
                                {{"title", internal::EscapeHtml(Title(outcome))},
                                 {"style", std::string(internal::BuiltinTemplate("review.css"))},
                                 {"script", std::string(internal::BuiltinTemplate("review.js"))},
                                 {"data", ScriptJson(data)}});
}

std::string RenderReviewIndex(const std::vector<ReviewSummary>& summaries) {
  Json rows = Json::array();
  for (const ReviewSummary& s : summaries) {
    rows.push_back(Json{{"file", s.file},
                        {"href", s.href},
                        {"method", s.method},
                        {"pages", s.pages},
                        {"acts", s.acts},
                        {"warnings", s.warnings},
                        {"low_confidence", s.low_confidence},
                        {"provenance", s.provenance},
                        {"error", s.error.empty() ? Json(nullptr) : Json(s.error)}});
  }
  return internal::FillTemplate(internal::BuiltinTemplate("index.html"),
                                {{"style", std::string(internal::BuiltinTemplate("review.css"))},
                                 {"data", ScriptJson(rows)}});
}

namespace internal {

std::string FillTemplate(std::string_view tmpl, const std::map<std::string, std::string>& values) {
  std::string out;
  out.reserve(tmpl.size());
  size_t at = 0;
  while (at < tmpl.size()) {
    size_t open = tmpl.find("{{", at);
    if (open == std::string_view::npos) break;
    size_t close = tmpl.find("}}", open + 2);
    if (close == std::string_view::npos) break;
    auto it = values.find(std::string(tmpl.substr(open + 2, close - open - 2)));
    out.append(tmpl.substr(at, open - at));
    if (it != values.end()) {
      out += it->second;
      at = close + 2;
    } else {
      out += "{{";
      at = open + 2;
    }
  }
  out.append(tmpl.substr(std::min(at, tmpl.size())));
  return out;
}

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace internal

}  // namespace delibex
