#include "record_compare.h"

#include <algorithm>
#include <sstream>

#include "core/text.h"

namespace delibex::testing {

namespace {

using Json = nlohmann::json;

const Json& At(const Json& j, std::initializer_list<const char*> path) {
  static const Json null_json;
  const Json* cur = &j;
  for (const char* k : path) {
    if (!cur->is_object() || !cur->contains(k)) return null_json;
    cur = &(*cur)[k];
  }
  return *cur;
}

std::vector<std::string> Words(const std::string& folded) {
  std::vector<std::string> w;
  std::istringstream in(folded);
  std::string x;
  while (in >> x) w.push_back(x);
  return w;
}

// A person's name folded, without a leading civility.
std::string NameKey(const Json& person) {
  std::string name = person.is_object()   ? person.value("name", "")
                     : person.is_string() ? person.get<std::string>()
                                          : "";
  std::string f = Fold(name);
  for (const char* civ :
       {"m ", "mme ", "mlle ", "mr ", "monsieur ", "madame ", "dr ", "docteur "}) {
    if (f.rfind(civ, 0) == 0) {
      f = f.substr(std::string(civ).size());
      break;
    }
  }
  return f;
}

bool NamesMatch(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  std::vector<std::string> wa = Words(a), wb = Words(b);
  if (wa.size() > wb.size()) std::swap(wa, wb);
  for (const std::string& w : wa) {
    auto it = std::find(wb.begin(), wb.end(), w);
    if (it == wb.end()) return false;
    wb.erase(it);
  }
  return true;
}

double TokenF1(const std::string& a, const std::string& b) {
  std::vector<std::string> ta = Words(Fold(a)), tb = Words(Fold(b));
  if (ta.empty() || tb.empty()) return 0;
  std::vector<std::string> pool = ta;
  int hit = 0;
  for (const std::string& t : tb) {
    auto it = std::find(pool.begin(), pool.end(), t);
    if (it != pool.end()) {
      pool.erase(it);
      ++hit;
    }
  }
  if (!hit) return 0;
  double p = double(hit) / tb.size(), r = double(hit) / ta.size();
  return 2 * p * r / (p + r);
}

std::string Show(const Json& j) { return j.is_null() ? "null" : j.dump(); }

enum class Eq { kText, kExact, kName, kLongText, kAuthority };

bool Equal(Eq eq, const Json& g, const Json& p) {
  switch (eq) {
    case Eq::kExact:
      return g == p;
    case Eq::kText:
      return g.is_string() && p.is_string() &&
             Fold(g.get<std::string>()) == Fold(p.get<std::string>());
    case Eq::kName:
      return NamesMatch(NameKey(g), NameKey(p));
    case Eq::kLongText:
      return g.is_string() && p.is_string() &&
             TokenF1(g.get<std::string>(), p.get<std::string>()) >= 0.8;
    case Eq::kAuthority: {
      static const char* const kGeneric[] = {"commune",
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
      auto proper = [](const Json& j) {
        std::vector<std::string> out;
        for (const std::string& w : Words(Fold(j.get<std::string>()))) {
          if (std::find(std::begin(kGeneric), std::end(kGeneric), w) == std::end(kGeneric))
            out.push_back(w);
        }
        return out;
      };
      return g.is_string() && p.is_string() && proper(g) == proper(p);
    }
  }
  return false;
}

void Scalar(Comparison* c, const std::string& field, const Json& g, const Json& p, Eq eq) {
  Tally& t = c->fields[field];
  if (g.is_null() && p.is_null()) return;
  if (g.is_null()) {
    ++t.wrong;
    c->differences.push_back(field + ": expected null, got " + Show(p));
  } else if (p.is_null()) {
    ++t.missed;
    c->differences.push_back(field + ": expected " + Show(g) + ", got null");
  } else if (Equal(eq, g, p)) {
    ++t.agreed;
  } else {
    ++t.wrong;
    ++t.missed;
    c->differences.push_back(field + ": expected " + Show(g) + ", got " + Show(p));
  }
}

template <typename Match>
void List(Comparison* c, const std::string& field, const Json& gold, const Json& pred, Match match,
          bool show_names = true) {
  Tally& t = c->fields[field];
  std::vector<Json> g = gold.is_array() ? gold.get<std::vector<Json>>() : std::vector<Json>{};
  std::vector<Json> p = pred.is_array() ? pred.get<std::vector<Json>>() : std::vector<Json>{};
  std::vector<bool> used(p.size(), false);
  for (const Json& x : g) {
    bool found = false;
    for (size_t j = 0; j < p.size(); ++j) {
      if (!used[j] && match(x, p[j])) {
        used[j] = found = true;
        ++t.agreed;
        break;
      }
    }
    if (!found) {
      ++t.missed;
      if (show_names) c->differences.push_back(field + ": missing " + x.dump());
    }
  }
  for (size_t j = 0; j < p.size(); ++j) {
    if (!used[j]) {
      ++t.wrong;
      if (show_names) c->differences.push_back(field + ": not expected " + p[j].dump());
    }
  }
}

bool PersonMatch(const Json& a, const Json& b) { return NamesMatch(NameKey(a), NameKey(b)); }

bool ProxyMatch(const Json& a, const Json& b) {
  const Json& ga = At(a, {"proxy"});
  const Json& pb = At(b, {"proxy"});
  bool both_none = NameKey(ga).empty() && NameKey(pb).empty();
  return PersonMatch(a, b) && (both_none || PersonMatch(ga, pb));
}

void Blocks(Comparison* c, const std::string& prefix, const Json& g, const Json& p) {
  Scalar(c, prefix + "signed.date", At(g, {"signed", "date"}), At(p, {"signed", "date"}),
         Eq::kExact);
  Scalar(c, prefix + "signed.place", At(g, {"signed", "place"}), At(p, {"signed", "place"}),
         Eq::kText);
  Scalar(c, prefix + "signed.signatory", At(g, {"signed", "signatory"}),
         At(p, {"signed", "signatory"}), Eq::kName);
  for (const char* f : {"sent", "received", "published", "executory"}) {
    Scalar(c, prefix + "prefecture." + f, At(g, {"prefecture", f}), At(p, {"prefecture", f}),
           Eq::kExact);
  }
  Scalar(c, prefix + "prefecture.act_id", At(g, {"prefecture", "act_id", "id"}),
         At(p, {"prefecture", "act_id", "id"}), Eq::kText);
  auto simulated = [](const Json& j) {
    const Json& s = At(j, {"prefecture", "simulated"});
    return s.is_boolean() && s.get<bool>() ? Json(true) : Json(nullptr);
  };
  Scalar(c, prefix + "prefecture.simulated", simulated(g), simulated(p), Eq::kExact);
}

void Act(Comparison* c, const std::string& at, const Json& g, const Json& p) {
  Scalar(c, "deliberation.number", At(g, {"number"}), At(p, {"number"}), Eq::kText);
  Scalar(c, "deliberation.matter", At(g, {"matter", "code"}), At(p, {"matter", "code"}),
         Eq::kExact);
  Scalar(c, "deliberation.title", At(g, {"title"}), At(p, {"title"}), Eq::kLongText);
  Scalar(c, "deliberation.rapporteur", At(g, {"rapporteur"}), At(p, {"rapporteur"}), Eq::kName);
  auto long_text = [](const Json& a, const Json& b) { return Equal(Eq::kLongText, a, b); };
  List(c, "deliberation.visas", At(g, {"visas"}), At(p, {"visas"}), long_text);
  auto article = [](const Json& a, const Json& b) {
    return Equal(Eq::kLongText, At(a, {"text"}), At(b, {"text"}));
  };
  List(c, "deliberation.articles", At(g, {"articles"}), At(p, {"articles"}), article);
  for (const char* f : {"result", "mode", "for", "against", "abstention", "not_voting"}) {
    Scalar(c, std::string("vote.") + f, At(g, {"vote", f}), At(p, {"vote", f}), Eq::kExact);
  }
  for (const char* f : {"against", "abstention", "not_voting"}) {
    List(c, std::string("vote.named.") + f, At(g, {"vote", "named", f}),
         At(p, {"vote", "named", f}), PersonMatch);
  }
  Blocks(c, "", g, p);
  for (std::string& d : c->differences) {
    if (d.rfind("act ", 0) != 0) d = at + d;
  }
}

}  // namespace

Tally Comparison::Total() const {
  Tally t;
  for (const auto& [name, f] : fields) {
    t.agreed += f.agreed;
    t.wrong += f.wrong;
    t.missed += f.missed;
  }
  return t;
}

void Comparison::Merge(const Comparison& other) {
  for (const auto& [name, f] : other.fields) {
    Tally& t = fields[name];
    t.agreed += f.agreed;
    t.wrong += f.wrong;
    t.missed += f.missed;
  }
  differences.insert(differences.end(), other.differences.begin(), other.differences.end());
}

Comparison CompareSession(const Json& g, const Json& p) {
  Comparison c;
  Scalar(&c, "authority.name", At(g, {"authority", "name"}), At(p, {"authority", "name"}),
         Eq::kAuthority);
  Scalar(&c, "authority.kind", At(g, {"authority", "kind"}), At(p, {"authority", "kind"}),
         Eq::kExact);
  Scalar(&c, "authority.siren", At(g, {"authority", "siren"}), At(p, {"authority", "siren"}),
         Eq::kExact);
  Scalar(&c, "assembly", At(g, {"assembly"}), At(p, {"assembly"}), Eq::kText);
  for (const char* f : {"date", "time", "convened_on", "kind"}) {
    Scalar(&c, std::string("session.") + f, At(g, {"session", f}), At(p, {"session", f}),
           Eq::kExact);
  }
  Scalar(&c, "session.place", At(g, {"session", "place"}), At(p, {"session", "place"}),
         Eq::kLongText);
  Scalar(&c, "president", At(g, {"president"}), At(p, {"president"}), Eq::kName);
  Scalar(&c, "secretary", At(g, {"secretary"}), At(p, {"secretary"}), Eq::kName);
  for (const char* f : {"in_office", "present_count", "represented_count", "voters"}) {
    Scalar(&c, std::string("attendance.") + f, At(g, {"attendance", f}), At(p, {"attendance", f}),
           Eq::kExact);
  }
  for (const char* f : {"present", "excused", "absent"}) {
    List(&c, std::string("attendance.") + f, At(g, {"attendance", f}), At(p, {"attendance", f}),
         PersonMatch);
  }
  List(&c, "attendance.represented", At(g, {"attendance", "represented"}),
       At(p, {"attendance", "represented"}), ProxyMatch);
  Scalar(&c, "quorum.required", At(g, {"quorum", "required"}), At(p, {"quorum", "required"}),
         Eq::kExact);
  Scalar(&c, "quorum.reached", At(g, {"quorum", "reached"}), At(p, {"quorum", "reached"}),
         Eq::kExact);
  return c;
}

Comparison CompareActs(const Json& g, const Json& p) {
  Comparison c;
  Blocks(&c, "file.", g, p);
  const Json& gd = At(g, {"deliberations"});
  const Json& pd = At(p, {"deliberations"});
  size_t ng = gd.is_array() ? gd.size() : 0, np = pd.is_array() ? pd.size() : 0;
  Scalar(&c, "deliberations.count", Json(ng), Json(np), Eq::kExact);
  for (size_t i = 0; i < std::max(ng, np); ++i) {
    Comparison one;
    Act(&one, "act " + std::to_string(i + 1) + ": ", i < ng ? gd[i] : Json::object(),
        i < np ? pd[i] : Json::object());
    c.Merge(one);
  }
  return c;
}

}  // namespace delibex::testing
