// A port of ../shared/tools/score.py. Each function below is named after the
// Python function it mirrors and keeps its order of operations (floating-point
// sums and products included) so that the printed figures are the same to the
// last digit. Python's None is JSON null here; `x or None` is Truthy().
#include "eval/score.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <set>

namespace delibex::eval {
namespace {

using Json = nlohmann::json;

// Python's str.isalnum() or '_': the word characters of `re`'s \w.
bool IsWordChar(utf8proc_int32_t cp) {
  if (cp == '_') return true;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

void AppendUtf8(utf8proc_int32_t cp, std::string* out) {
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t n = utf8proc_encode_char(cp, buf);
  out->append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

// Python's str.strip(): white space at both ends (ASCII, the separators
// U+001C..U+001F, NEL, and the Unicode space separators).
bool IsPySpace(utf8proc_int32_t cp) {
  if (cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F) || cp == 0x85) {
    return true;
  }
  auto c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

std::vector<utf8proc_int32_t> CodePoints(std::string_view s) {
  std::vector<utf8proc_int32_t> cps;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {  // not UTF-8: one replacement character a byte
      cp = 0xFFFD;
      n = 1;
    }
    cps.push_back(cp);
    p += n;
    left -= n;
  }
  return cps;
}

std::string PyStrip(const std::string& s) {
  std::vector<utf8proc_int32_t> cps = CodePoints(s);
  size_t b = 0, e = cps.size();
  while (b < e && IsPySpace(cps[b])) ++b;
  while (e > b && IsPySpace(cps[e - 1])) --e;
  std::string out;
  for (size_t i = b; i < e; ++i) AppendUtf8(cps[i], &out);
  return out;
}

std::vector<std::string> Words(const std::string& folded) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < folded.size()) {
    size_t j = folded.find(' ', i);
    if (j == std::string::npos) j = folded.size();
    if (j > i) words.push_back(folded.substr(i, j - i));
    i = j + 1;
  }
  return words;
}

// Python's repr() of a str, for the rare list or dict passed to str().
std::string PyRepr(const Json& v) {
  if (v.is_string()) {
    std::string s = v.get<std::string>();
    std::string q =
        s.find('\'') != std::string::npos && s.find('"') == std::string::npos ? "\"" : "'";
    std::string out = q;
    for (char c : s) {
      if (c == '\\') {
        out += "\\\\";
      } else if (std::string(1, c) == q) {
        out += "\\" + q;
      } else if (c == '\n') {
        out += "\\n";
      } else {
        out += c;
      }
    }
    return out + q;
  }
  return PyStr(v);
}

// The value at `path` below `d`, or null (score.py's get()).
const Json& Get(const Json& d, std::initializer_list<const char*> path) {
  static const Json kNull;
  const Json* cur = &d;
  for (const char* k : path) {
    if (!cur->is_object()) return kNull;
    auto it = cur->find(k);
    if (it == cur->end()) return kNull;
    cur = &*it;
  }
  return *cur;
}

// dict.get(key) on something that must be a dict.
const Json& Field(const Json& d, const char* key) { return Get(d, {key}); }

// Python's truth value of a JSON value.
bool Truthy(const Json& v) {
  switch (v.type()) {
    case Json::value_t::null:
      return false;
    case Json::value_t::boolean:
      return v.get<bool>();
    case Json::value_t::number_integer:
      return v.get<long long>() != 0;
    case Json::value_t::number_unsigned:
      return v.get<unsigned long long>() != 0;
    case Json::value_t::number_float:
      return v.get<double>() != 0;
    case Json::value_t::string:
    case Json::value_t::array:
    case Json::value_t::object:
      return !v.empty();
    default:
      return true;
  }
}

// `x or None`.
Json OrNone(const Json& v) { return Truthy(v) ? v : Json(); }

// `x or []`, as a list of values (a list that is not one counts as empty).
const Json& OrEmptyList(const Json& v) {
  static const Json kEmpty = Json::array();
  return v.is_array() ? v : kEmpty;
}

std::optional<std::string> Fold(const Json& v) {
  if (v.is_null()) return std::nullopt;
  return FoldText(PyStr(v));
}

const std::set<std::string> kCivility = {"m",      "mme",          "mlle", "mr",      "monsieur",
                                         "madame", "mademoiselle", "dr",   "docteur", "me"};

std::optional<std::string> NameKey(const Json& person) {
  if (person.is_null()) return std::nullopt;
  const Json& name = person.is_object() ? Field(person, "name") : person;
  std::optional<std::string> k = Fold(name);
  if (!k || k->empty()) return std::nullopt;
  // CIVILITY = ^(m|mme|...)\s+ : the first word, when one follows it.
  size_t space = k->find(' ');
  if (space != std::string::npos && kCivility.count(k->substr(0, space))) {
    return k->substr(space + 1);
  }
  return k;
}

bool NamesMatch(const std::optional<std::string>& a, const std::optional<std::string>& b) {
  if (!a || !b) return false;
  std::vector<std::string> wa = Words(*a), wb = Words(*b);
  // sorted((wa, wb), key=len) is stable: wa first on a tie.
  const std::vector<std::string>& shorter = wb.size() < wa.size() ? wb : wa;
  std::vector<std::string> rest = wb.size() < wa.size() ? wa : wb;
  for (const std::string& w : shorter) {
    auto it = std::find(rest.begin(), rest.end(), w);
    if (it == rest.end()) return false;
    rest.erase(it);
  }
  return true;
}

using Eq = std::function<bool(const Json&, const Json&)>;

bool EqText(const Json& a, const Json& b) { return Fold(a) == Fold(b); }

bool EqExact(const Json& a, const Json& b) { return PyStrip(PyStr(a)) == PyStrip(PyStr(b)); }

bool EqName(const Json& a, const Json& b) { return NamesMatch(NameKey(a), NameKey(b)); }

const std::set<std::string> kGeneric = {"commune",
                                        "ville",
                                        "mairie",
                                        "de",
                                        "du",
                                        "des",
                                        "d",
                                        "la",
                                        "le",
                                        "les",
                                        "l",
                                        "departement",
                                        "region",
                                        "conseil",
                                        "municipal",
                                        "general",
                                        "departemental",
                                        "regional",
                                        "communaute",
                                        "communes",
                                        "agglomeration",
                                        "syndicat",
                                        "intercommunal",
                                        "centre",
                                        "communal",
                                        "action",
                                        "sociale"};

bool EqAssembly(const Json& a, const Json& b) {
  static const std::map<std::string, std::string> kSynonyms = {
      {"conseil de communaute", "conseil communautaire"},
      {"conseil general", "conseil departemental"}};
  auto canon = [](const std::string& s) {
    auto it = kSynonyms.find(s);
    return it == kSynonyms.end() ? s : it->second;
  };
  return canon(*Fold(a)) == canon(*Fold(b));
}

bool EqAuthority(const Json& a, const Json& b) {
  auto keep = [](const std::string& folded) {
    std::vector<std::string> out;
    for (const std::string& w : Words(folded)) {
      if (!kGeneric.count(w)) out.push_back(w);
    }
    return out;
  };
  std::string fa = *Fold(a), fb = *Fold(b);
  std::vector<std::string> ka = keep(fa), kb = keep(fb);
  return !ka.empty() && !kb.empty() ? ka == kb : fa == fb;
}

// token_f1 on JSON values (str() of each; null has no words).
double TokenF1Of(const Json& a, const Json& b) {
  if (a.is_null() || b.is_null()) return 0.0;
  return TokenF1(PyStr(a), PyStr(b));
}

bool EqLongText(const Json& a, const Json& b) { return TokenF1Of(a, b) >= 0.8; }

bool ProxyMatch(const Json& g, const Json& p) {
  const Json& gp = Field(g, "proxy");
  const Json& pp = Field(p, "proxy");
  bool same_proxy = (!NameKey(gp) && !NameKey(pp)) || EqName(gp, pp);
  return EqName(g, p) && same_proxy;
}

class Scorer {
 public:
  explicit Scorer(Tally* t) : t_(*t) {}

  void Scalar(const std::string& field, const Json& g, const Json& p, const Eq& eq) {
    if (g.is_null() && p.is_null()) return;
    if (g.is_null()) {
      t_.Add(field, 0, 1, 0);
    } else if (p.is_null()) {
      t_.Add(field, 0, 0, 1);
    } else if (eq(g, p)) {
      t_.Add(field, 1, 0, 0);
    } else {
      t_.Add(field, 0, 1, 1);
    }
  }

  void MatchedLists(const std::string& field, const Json& gold, const Json& pred, const Eq& match) {
    const Json& gl = OrEmptyList(gold);
    const Json& pl = OrEmptyList(pred);
    std::vector<bool> used(pl.size(), false);
    long tp = 0;
    for (const Json& g : gl) {
      for (size_t j = 0; j < pl.size(); ++j) {
        if (!used[j] && match(g, pl[j])) {
          used[j] = true;
          ++tp;
          break;
        }
      }
    }
    t_.Add(field, tp, static_cast<long>(pl.size()) - tp, static_cast<long>(gl.size()) - tp);
  }

  void Deliberation(const Json& g, const Json& p_in) {
    const Json p = Truthy(p_in) ? p_in : Json::object();
    Scalar("deliberation.number", Field(g, "number"), Field(p, "number"), EqText);
    Scalar("deliberation.matter", Get(g, {"matter", "code"}), Get(p, {"matter", "code"}), EqExact);
    Scalar("deliberation.title", Field(g, "title"), Field(p, "title"), EqLongText);
    Scalar("deliberation.rapporteur", Field(g, "rapporteur"), Field(p, "rapporteur"), EqName);
    MatchedLists("deliberation.visas", Field(g, "visas"), Field(p, "visas"),
                 [](const Json& a, const Json& b) { return TokenF1Of(a, b) >= 0.8; });
    MatchedLists("deliberation.articles", Field(g, "articles"), Field(p, "articles"),
                 [](const Json& a, const Json& b) {
                   return TokenF1Of(Field(a, "text"), b.is_object() ? Field(b, "text") : Json()) >=
                          0.8;
                 });
    for (const char* f : {"result", "mode"}) {
      Scalar(std::string("vote.") + f, Get(g, {"vote", f}), Get(p, {"vote", f}), EqExact);
    }
    for (const char* f : {"for", "against", "abstention", "not_voting"}) {
      Scalar(std::string("vote.") + f, Get(g, {"vote", f}), Get(p, {"vote", f}), EqExact);
    }
    for (const char* f : {"against", "abstention", "not_voting"}) {
      MatchedLists(std::string("vote.named.") + f, Get(g, {"vote", "named", f}),
                   Get(p, {"vote", "named", f}), EqName);
    }
    Blocks("", g, p);
  }

  void Blocks(const std::string& prefix, const Json& g, const Json& p) {
    Scalar(prefix + "signed.date", Get(g, {"signed", "date"}), Get(p, {"signed", "date"}), EqExact);
    Scalar(prefix + "signed.place", Get(g, {"signed", "place"}), Get(p, {"signed", "place"}),
           EqText);
    Scalar(prefix + "signed.signatory", Get(g, {"signed", "signatory"}),
           Get(p, {"signed", "signatory"}), EqName);
    for (const char* f : {"sent", "received", "published", "executory"}) {
      Scalar(prefix + "prefecture." + f, Get(g, {"prefecture", f}), Get(p, {"prefecture", f}),
             EqExact);
    }
    Scalar(prefix + "prefecture.act_id", Get(g, {"prefecture", "act_id", "id"}),
           Get(p, {"prefecture", "act_id", "id"}), EqText);
    Scalar(prefix + "prefecture.simulated", OrNone(Get(g, {"prefecture", "simulated"})),
           OrNone(Get(p, {"prefecture", "simulated"})), EqExact);
  }

  void Document(const Json& g, const Json& p_in) {
    const Json p = Truthy(p_in) ? p_in : Json::object();
    Scalar("authority.name", Get(g, {"authority", "name"}), Get(p, {"authority", "name"}),
           EqAuthority);
    Scalar("authority.kind", Get(g, {"authority", "kind"}), Get(p, {"authority", "kind"}), EqExact);
    Scalar("authority.siren", Get(g, {"authority", "siren"}), Get(p, {"authority", "siren"}),
           EqExact);
    Scalar("assembly", Field(g, "assembly"), Field(p, "assembly"), EqAssembly);
    for (const char* f : {"date", "time", "convened_on", "kind"}) {
      Scalar(std::string("session.") + f, Get(g, {"session", f}), Get(p, {"session", f}), EqExact);
    }
    Scalar("session.place", Get(g, {"session", "place"}), Get(p, {"session", "place"}), EqLongText);
    Scalar("president", Field(g, "president"), Field(p, "president"), EqName);
    Scalar("secretary", Field(g, "secretary"), Field(p, "secretary"), EqName);
    for (const char* f : {"in_office", "present_count", "represented_count", "voters"}) {
      Scalar(std::string("attendance.") + f, Get(g, {"attendance", f}), Get(p, {"attendance", f}),
             EqExact);
    }
    for (const char* f : {"present", "excused", "absent"}) {
      MatchedLists(std::string("attendance.") + f, Get(g, {"attendance", f}),
                   Get(p, {"attendance", f}), EqName);
    }
    MatchedLists("attendance.represented", Get(g, {"attendance", "represented"}),
                 Get(p, {"attendance", "represented"}), ProxyMatch);
    Scalar("quorum.required", Get(g, {"quorum", "required"}), Get(p, {"quorum", "required"}),
           EqExact);
    Scalar("quorum.reached", Get(g, {"quorum", "reached"}), Get(p, {"quorum", "reached"}), EqExact);
    Blocks("file.", g, p);
    const Json& gd = OrEmptyList(Field(g, "deliberations"));
    const Json& pd = OrEmptyList(Field(p, "deliberations"));
    Scalar("deliberations.count", Json(gd.size()), Json(pd.size()), EqExact);
    static const Json kEmpty = Json::object();
    for (size_t i = 0; i < std::max(gd.size(), pd.size()); ++i) {
      if (i < gd.size() && i < pd.size()) {
        Deliberation(gd[i], pd[i]);
      } else if (i < gd.size()) {
        Deliberation(gd[i], kEmpty);
      } else {  // a deliberation the gold does not have: its values are false positives
        Deliberation(kEmpty, pd[i]);
      }
    }
  }

 private:
  Tally& t_;
};

std::string Format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
std::string Format(const char* fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  int n = std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n < 0) return {};
  if (static_cast<size_t>(n) < sizeof buf) return std::string(buf, static_cast<size_t>(n));
  std::string big(static_cast<size_t>(n) + 1, '\0');
  va_start(ap, fmt);
  std::vsnprintf(big.data(), big.size(), fmt, ap);
  va_end(ap);
  big.resize(static_cast<size_t>(n));
  return big;
}

// The fields counted (some tp, fp or fn), and their F1's mean.
double MacroF1(const Tally& t, size_t* counted) {
  double sum = 0;
  *counted = 0;
  for (const auto& [name, c] : t.fields) {
    if (c.Total() > 0) {
      sum += PrfOf(c).f1;
      ++*counted;
    }
  }
  return *counted ? sum / static_cast<double>(*counted) : 0.0;
}

}  // namespace

std::string FoldText(std::string_view s) {
  utf8proc_uint8_t* decomposed = nullptr;
  utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
      &decomposed, static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT));
  std::string nfkd = n >= 0
                         ? std::string(reinterpret_cast<char*>(decomposed), static_cast<size_t>(n))
                         : std::string(s);
  std::free(decomposed);
  std::string out;
  out.reserve(nfkd.size());
  bool gap = false;  // a run of non-word characters since the last word character
  auto put = [&](utf8proc_int32_t cp) {
    if (IsWordChar(cp)) {
      if (gap && !out.empty()) out += ' ';
      gap = false;
      AppendUtf8(cp, &out);
    } else {
      gap = true;
    }
  };
  for (utf8proc_int32_t cp : CodePoints(nfkd)) {
    if (utf8proc_get_property(cp)->combining_class != 0) continue;
    put(utf8proc_tolower(cp));
  }
  return out;
}

std::string PyStr(const Json& v) {
  switch (v.type()) {
    case Json::value_t::null:
      return "None";
    case Json::value_t::boolean:
      return v.get<bool>() ? "True" : "False";
    case Json::value_t::string:
      return v.get<std::string>();
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      // nlohmann writes a float as Python's repr does: the shortest digits
      // that read back, with ".0" on a whole number.
      return v.dump();
    case Json::value_t::array: {
      std::string out = "[";
      for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + PyRepr(v[i]);
      return out + "]";
    }
    case Json::value_t::object: {
      std::string out = "{";
      bool first = true;
      for (auto it = v.begin(); it != v.end(); ++it) {
        out += (first ? "" : ", ") + PyRepr(Json(it.key())) + ": " + PyRepr(it.value());
        first = false;
      }
      return out + "}";
    }
    default:
      return v.dump();
  }
}

double TokenF1(std::string_view gold, std::string_view pred) {
  std::vector<std::string> ta = Words(FoldText(gold)), tb = Words(FoldText(pred));
  if (ta.empty() || tb.empty()) return 0.0;
  std::map<std::string, long> common;
  for (const std::string& t : ta) ++common[t];
  long hit = 0;
  for (const std::string& t : tb) {
    auto it = common.find(t);
    if (it != common.end() && it->second > 0) {
      --it->second;
      ++hit;
    }
  }
  if (hit == 0) return 0.0;
  double p = static_cast<double>(hit) / static_cast<double>(tb.size());
  double r = static_cast<double>(hit) / static_cast<double>(ta.size());
  return 2 * p * r / (p + r);
}

Prf PrfOf(const Counts& c) {
  double p = c.tp + c.fp ? static_cast<double>(c.tp) / static_cast<double>(c.tp + c.fp) : 1.0;
  double r = c.tp + c.fn ? static_cast<double>(c.tp) / static_cast<double>(c.tp + c.fn) : 1.0;
  double f = p + r != 0 ? 2 * p * r / (p + r) : 0.0;
  return {p, r, f};
}

void Tally::Add(const std::string& field, long tp, long fp, long fn) {
  Counts& c = fields[field];
  c.tp += tp;
  c.fp += fp;
  c.fn += fn;
}

void Tally::Merge(const Tally& other) {
  for (const auto& [name, c] : other.fields) Add(name, c.tp, c.fp, c.fn);
}

Counts Tally::Totals() const {
  Counts t;
  for (const auto& [name, c] : fields) {
    t.tp += c.tp;
    t.fp += c.fp;
    t.fn += c.fn;
  }
  return t;
}

void Tally::KeepPrefixes(const std::vector<std::string>& prefixes) {
  for (auto it = fields.begin(); it != fields.end();) {
    bool keep = std::any_of(prefixes.begin(), prefixes.end(), [&](const std::string& p) {
      return it->first.compare(0, p.size(), p) == 0;
    });
    it = keep ? std::next(it) : fields.erase(it);
  }
}

nlohmann::json UsablePrediction(const nlohmann::json& pred) {
  if (!pred.is_object() || pred.contains("error")) return nullptr;
  return pred;
}

Tally ScoreDocument(const nlohmann::json& gold, const nlohmann::json& pred) {
  Tally t;
  Scorer(&t).Document(gold, pred);
  return t;
}

Report ScoreCorpus(const std::vector<ScoredPair>& pairs,
                   const std::optional<std::vector<std::string>>& prefixes) {
  Report report;
  for (const ScoredPair& pair : pairs) {
    Json pred = UsablePrediction(pair.pred);
    Tally t = ScoreDocument(pair.gold, pred);
    if (prefixes) t.KeepPrefixes(*prefixes);
    report.total.Merge(t);
    report.documents.push_back({pair.name, PrfOf(t.Totals()).f1, !pred.is_null()});
  }
  return report;
}

std::string FormatReport(const Report& report, bool per_doc) {
  std::string out =
      Format("%-28s %5s %5s %5s %6s %6s %6s\n", "field", "tp", "fp", "fn", "P", "R", "F1");
  for (const auto& [name, c] : report.total.fields) {
    Prf f = PrfOf(c);
    out += Format("%-28s %5ld %5ld %5ld %6.3f %6.3f %6.3f\n", name.c_str(), c.tp, c.fp, c.fn,
                  f.precision, f.recall, f.f1);
  }
  if (per_doc) {
    for (const DocumentScore& d : report.documents) {
      out += Format("doc %s: F1 %.3f%s\n", d.name.c_str(), d.f1,
                    d.predicted ? "" : "  (no prediction)");
    }
  }
  size_t missing = std::count_if(report.documents.begin(), report.documents.end(),
                                 [](const DocumentScore& d) { return !d.predicted; });
  size_t counted = 0;
  double macro = MacroF1(report.total, &counted);
  Prf micro = PrfOf(report.total.Totals());
  out +=
      Format("documents %zu, without a usable prediction %zu\n", report.documents.size(), missing);
  out += Format("macro-F1 %.4f (mean over the %zu fields that occur: each field weighs the same)\n",
                macro, counted);
  out += Format("micro-P %.4f micro-R %.4f\n", micro.precision, micro.recall);
  out += Format("micro-F1 %.4f\n", micro.f1);
  return out;
}

std::string FormatReportJson(const Report& report) {
  nlohmann::ordered_json j;
  j["documents"] = report.documents.size();
  j["missing"] = std::count_if(report.documents.begin(), report.documents.end(),
                               [](const DocumentScore& d) { return !d.predicted; });
  nlohmann::ordered_json fields = nlohmann::ordered_json::object();
  for (const auto& [name, c] : report.total.fields) {
    Prf f = PrfOf(c);
    fields[name] = {{"tp", c.tp},       {"fp", c.fp},    {"fn", c.fn},
                    {"p", f.precision}, {"r", f.recall}, {"f1", f.f1}};
  }
  j["fields"] = fields;
  Prf micro = PrfOf(report.total.Totals());
  j["micro"] = {{"p", micro.precision}, {"r", micro.recall}, {"f1", micro.f1}};
  size_t counted = 0;
  j["macro_f1"] = MacroF1(report.total, &counted);
  nlohmann::ordered_json per_doc = nlohmann::ordered_json::object();
  for (const DocumentScore& d : report.documents) per_doc[d.name] = d.f1;
  j["per_doc"] = per_doc;
  return j.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace delibex::eval
