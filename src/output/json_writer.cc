#include "output/json_writer.h"

#include <cmath>
#include <string>
#include <type_traits>
#include <vector>

#include "core/text.h"

namespace delibex {

namespace {

using Json = nlohmann::ordered_json;

template <typename T>
Json Opt(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}

Json PersonJson(const Person& p) {
  Json j;
  j["civility"] = Opt(p.civility);
  j["name"] = p.name;
  if (p.title) j["title"] = *p.title;
  return j;
}

Json OptPerson(const std::optional<Person>& p) { return p ? PersonJson(*p) : Json(nullptr); }

Json People(const std::vector<Person>& list) {
  Json j = Json::array();
  for (const Person& p : list) j.push_back(PersonJson(p));
  return j;
}

Json SourceJson(const Source& s) {
  Json j;
  j["file"] = s.file;
  j["sha256"] = s.sha256;
  j["media"] = s.media;
  j["method"] = s.method;
  j["pages"] = s.pages;
  j["ocr_confidence"] = Opt(s.ocr_confidence);
  if (s.encoding) j["encoding"] = *s.encoding;
  return j;
}

Json ActIdJson(const ActId& id) {
  Json j;
  j["raw"] = id.raw;
  j["id"] = id.id;
  j["department"] = id.department;
  j["siren"] = id.siren;
  j["date"] = id.date;
  j["number"] = id.number;
  j["nature"] = id.nature;
  return j;
}

Json StampJson(const std::optional<PrefectureStamp>& s) {
  if (!s) return nullptr;
  Json j;
  j["sent"] = Opt(s->sent);
  j["received"] = Opt(s->received);
  j["published"] = Opt(s->published);
  j["executory"] = Opt(s->executory);
  j["simulated"] = s->simulated;
  j["act_id"] = s->act_id ? ActIdJson(*s->act_id) : Json(nullptr);
  return j;
}

Json SignatureJson(const std::optional<Signature>& s) {
  if (!s) return nullptr;
  Json j;
  j["place"] = Opt(s->place);
  j["date"] = Opt(s->date);
  j["signatory"] = OptPerson(s->signatory);
  return j;
}

Json ActJson(const Act& a) {
  Json j;
  j["number"] = Opt(a.number);
  if (a.matter) {
    j["matter"] = Json{{"code", a.matter->code}, {"label", Opt(a.matter->label)}};
  } else {
    j["matter"] = nullptr;
  }
  j["title"] = Opt(a.title);
  j["rapporteur"] = OptPerson(a.rapporteur);
  j["visas"] = a.visas;
  Json arts = Json::array();
  for (const Article& art : a.articles) {
    arts.push_back(Json{{"number", Opt(art.number)}, {"text", art.text}});
  }
  j["articles"] = arts;
  const Vote& v = a.vote;
  Json vote;
  vote["result"] = Opt(v.result);
  vote["mode"] = Opt(v.mode);
  vote["for"] = Opt(v.votes_for);
  vote["against"] = Opt(v.against);
  vote["abstention"] = Opt(v.abstention);
  vote["not_voting"] = Opt(v.not_voting);
  vote["text"] = Opt(v.text);
  vote["named"] = Json{{"against", People(v.named.against)},
                       {"abstention", People(v.named.abstention)},
                       {"not_voting", People(v.named.not_voting)}};
  j["vote"] = vote;
  j["signed"] = SignatureJson(a.signed_block);
  j["prefecture"] = StampJson(a.prefecture);
  return j;
}

}  // namespace

Json RecordToJson(const Record& r) {
  Json j;
  j["schema_version"] = "1";
  j["source"] = SourceJson(r.source);
  j["authority"] = Json{{"name", Opt(r.authority.name)},
                        {"kind", Opt(r.authority.kind)},
                        {"siren", Opt(r.authority.siren)}};
  j["assembly"] = Opt(r.assembly);
  j["session"] = Json{{"date", Opt(r.session.date)},
                      {"time", Opt(r.session.time)},
                      {"place", Opt(r.session.place)},
                      {"convened_on", Opt(r.session.convened_on)},
                      {"kind", Opt(r.session.kind)}};
  j["president"] = OptPerson(r.president);
  j["secretary"] = OptPerson(r.secretary);
  const Attendance& a = r.attendance;
  Json att;
  att["in_office"] = Opt(a.in_office);
  att["present_count"] = Opt(a.present_count);
  att["represented_count"] = Opt(a.represented_count);
  att["voters"] = Opt(a.voters);
  att["present"] = People(a.present);
  Json rep = Json::array();
  for (const ProxyGrant& g : a.represented) {
    Json p = PersonJson(g.member);
    p["proxy"] = OptPerson(g.holder);
    rep.push_back(p);
  }
  att["represented"] = rep;
  att["excused"] = People(a.excused);
  att["absent"] = People(a.absent);
  j["attendance"] = att;
  j["quorum"] = Json{{"required", Opt(r.quorum.required)}, {"reached", Opt(r.quorum.reached)}};
  Json acts = Json::array();
  for (const Act& act : r.deliberations) acts.push_back(ActJson(act));
  j["deliberations"] = acts;
  j["signed"] = SignatureJson(r.signed_block);
  j["prefecture"] = StampJson(r.prefecture);
  Json w = Json::array();
  for (const Warning& x : r.warnings) w.push_back(Json{{"code", x.code}, {"message", x.message}});
  j["warnings"] = w;
  // Where each value was read: {"session.date": {"page": 1, "span": [b, e]}},
  // with "box" [left, top, right, bottom] and "confidence" on OCR'd pages.
  Json prov = Json::object();
  for (const FieldSource& f : r.provenance) {
    Json p;
    p["page"] = f.page;
    p["span"] = Json::array({f.page_begin, f.page_end});
    if (f.box) p["box"] = Json::array({f.box->left, f.box->top, f.box->right, f.box->bottom});
    if (f.confidence) p["confidence"] = std::round(*f.confidence * 10) / 10;
    prov[f.field] = p;
  }
  j["provenance"] = prov;
  return j;
}

Json ErrorToJson(const Source& source, const Error& error) {
  Json j;
  // Only what is known of a file that could not be read.
  Json src;
  src["file"] = source.file;
  if (!source.sha256.empty()) src["sha256"] = source.sha256;
  if (!source.media.empty()) src["media"] = source.media;
  j["source"] = src;
  j["error"] = Json{{"code", error.code}, {"message", error.message}};
  if (!error.stage.empty()) j["error"]["stage"] = error.stage;
  return j;
}

}  // namespace delibex

namespace delibex {

namespace {

// Writes JSON text as nlohmann's dump() does: compact, or each member and
// element on its own line indented by one space per level ("{}" and "[]"
// when empty), ", "-free compact separators, ": " after a key when pretty.
class JsonText {
 public:
  explicit JsonText(bool pretty) : pretty_(pretty) {}
  std::string Take() { return std::move(out_); }

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Key(std::string_view key) {
    NextItem();
    String(key);
    out_ += pretty_ ? ": " : ":";
    after_key_ = true;
  }

  void Null() {
    Value();
    out_ += "null";
  }
  void Bool(bool b) {
    Value();
    out_ += b ? "true" : "false";
  }
  void Int(long long n) {
    Value();
    out_ += std::to_string(n);
  }
  void Double(double d) {
    Value();
    // nlohmann's shortest round-trip form ("85.0", "91.25"), null when not finite.
    out_ += Json(d).dump();
  }
  void Str(std::string_view s) {
    Value();
    String(s);
  }
  template <typename T>
  void Opt(const std::optional<T>& v) {
    if (!v) {
      Null();
    } else if constexpr (std::is_same_v<T, std::string>) {
      Str(*v);
    } else if constexpr (std::is_same_v<T, bool>) {
      Bool(*v);
    } else if constexpr (std::is_same_v<T, double>) {
      Double(*v);
    } else {
      Int(*v);
    }
  }

 private:
  // Before a value: the separator and indentation in an array; nothing
  // after a key.
  void Value() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!open_.empty()) NextItem();
  }
  void NextItem() {
    if (open_.empty()) return;
    if (open_.back()) out_ += ',';
    open_.back() = true;
    if (pretty_) {
      out_ += '\n';
      out_.append(open_.size(), ' ');
    }
  }
  void Open(char c) {
    Value();
    out_ += c;
    open_.push_back(false);
  }
  void Close(char c) {
    bool had_items = open_.back();
    open_.pop_back();
    if (pretty_ && had_items) {
      out_ += '\n';
      out_.append(open_.size(), ' ');
    }
    out_ += c;
  }
  // A quoted string, escaped as nlohmann escapes it with ensure_ascii off.
  void String(std::string_view s) {
    if (!IsValidUtf8(s)) {
      out_ += Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace);
      return;
    }
    out_ += '"';
    // Runs of bytes written as they are go in whole; only the bytes below
    // 0x20, '"' and '\\' are escaped.
    size_t run = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      auto u = static_cast<unsigned char>(c);
      if (u >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(s.data() + run, i - run);
      run = i + 1;
      switch (c) {
        case '"':
          out_ += "\\\"";
          break;
        case '\\':
          out_ += "\\\\";
          break;
        case '\b':
          out_ += "\\b";
          break;
        case '\f':
          out_ += "\\f";
          break;
        case '\n':
          out_ += "\\n";
          break;
        case '\r':
          out_ += "\\r";
          break;
        case '\t':
          out_ += "\\t";
          break;
        default: {
          static const char* const kHex = "0123456789abcdef";
          out_ += "\\u00";
          out_ += kHex[u >> 4];
          out_ += kHex[u & 15];
        }
      }
    }
    out_.append(s.data() + run, s.size() - run);
    out_ += '"';
  }

  bool pretty_;
  bool after_key_ = false;
  std::vector<bool> open_;  // per open object or array: has it a member yet
  std::string out_;
};

void WritePerson(JsonText* j, const Person& p, const std::optional<Person>* proxy = nullptr) {
  j->BeginObject();
  j->Key("civility");
  j->Opt(p.civility);
  j->Key("name");
  j->Str(p.name);
  if (p.title) {
    j->Key("title");
    j->Str(*p.title);
  }
  if (proxy) {
    j->Key("proxy");
    if (*proxy) {
      WritePerson(j, **proxy);
    } else {
      j->Null();
    }
  }
  j->EndObject();
}

void WriteOptPerson(JsonText* j, const std::optional<Person>& p) {
  if (p) {
    WritePerson(j, *p);
  } else {
    j->Null();
  }
}

void WritePeople(JsonText* j, const std::vector<Person>& list) {
  j->BeginArray();
  for (const Person& p : list) WritePerson(j, p);
  j->EndArray();
}

void WriteSignature(JsonText* j, const std::optional<Signature>& s) {
  if (!s) {
    j->Null();
    return;
  }
  j->BeginObject();
  j->Key("place");
  j->Opt(s->place);
  j->Key("date");
  j->Opt(s->date);
  j->Key("signatory");
  WriteOptPerson(j, s->signatory);
  j->EndObject();
}

void WriteStamp(JsonText* j, const std::optional<PrefectureStamp>& s) {
  if (!s) {
    j->Null();
    return;
  }
  j->BeginObject();
  j->Key("sent");
  j->Opt(s->sent);
  j->Key("received");
  j->Opt(s->received);
  j->Key("published");
  j->Opt(s->published);
  j->Key("executory");
  j->Opt(s->executory);
  j->Key("simulated");
  j->Bool(s->simulated);
  j->Key("act_id");
  if (const auto& id = s->act_id) {
    j->BeginObject();
    for (auto [key, value] : {std::pair<const char*, const std::string*>{"raw", &id->raw},
                              {"id", &id->id},
                              {"department", &id->department},
                              {"siren", &id->siren},
                              {"date", &id->date},
                              {"number", &id->number},
                              {"nature", &id->nature}}) {
      j->Key(key);
      j->Str(*value);
    }
    j->EndObject();
  } else {
    j->Null();
  }
  j->EndObject();
}

void WriteAct(JsonText* j, const Act& a) {
  j->BeginObject();
  j->Key("number");
  j->Opt(a.number);
  j->Key("matter");
  if (a.matter) {
    j->BeginObject();
    j->Key("code");
    j->Str(a.matter->code);
    j->Key("label");
    j->Opt(a.matter->label);
    j->EndObject();
  } else {
    j->Null();
  }
  j->Key("title");
  j->Opt(a.title);
  j->Key("rapporteur");
  WriteOptPerson(j, a.rapporteur);
  j->Key("visas");
  j->BeginArray();
  for (const std::string& v : a.visas) j->Str(v);
  j->EndArray();
  j->Key("articles");
  j->BeginArray();
  for (const Article& art : a.articles) {
    j->BeginObject();
    j->Key("number");
    j->Opt(art.number);
    j->Key("text");
    j->Str(art.text);
    j->EndObject();
  }
  j->EndArray();
  const Vote& v = a.vote;
  j->Key("vote");
  j->BeginObject();
  j->Key("result");
  j->Opt(v.result);
  j->Key("mode");
  j->Opt(v.mode);
  j->Key("for");
  j->Opt(v.votes_for);
  j->Key("against");
  j->Opt(v.against);
  j->Key("abstention");
  j->Opt(v.abstention);
  j->Key("not_voting");
  j->Opt(v.not_voting);
  j->Key("text");
  j->Opt(v.text);
  j->Key("named");
  j->BeginObject();
  j->Key("against");
  WritePeople(j, v.named.against);
  j->Key("abstention");
  WritePeople(j, v.named.abstention);
  j->Key("not_voting");
  WritePeople(j, v.named.not_voting);
  j->EndObject();
  j->EndObject();
  j->Key("signed");
  WriteSignature(j, a.signed_block);
  j->Key("prefecture");
  WriteStamp(j, a.prefecture);
  j->EndObject();
}

void WriteProvenance(JsonText* j, const FieldSource& f) {
  j->BeginObject();
  j->Key("page");
  j->Int(f.page);
  j->Key("span");
  j->BeginArray();
  j->Int(static_cast<long long>(f.page_begin));
  j->Int(static_cast<long long>(f.page_end));
  j->EndArray();
  if (f.box) {
    j->Key("box");
    j->BeginArray();
    for (int v : {f.box->left, f.box->top, f.box->right, f.box->bottom}) j->Int(v);
    j->EndArray();
  }
  if (f.confidence) {
    j->Key("confidence");
    j->Double(std::round(*f.confidence * 10) / 10);
  }
  j->EndObject();
}

}  // namespace

std::string RecordJsonText(const Record& r, bool pretty) {
  JsonText j(pretty);
  j.BeginObject();
  j.Key("schema_version");
  j.Str("1");
  const Source& s = r.source;
  j.Key("source");
  j.BeginObject();
  j.Key("file");
  j.Str(s.file);
  j.Key("sha256");
  j.Str(s.sha256);
  j.Key("media");
  j.Str(s.media);
  j.Key("method");
  j.Str(s.method);
  j.Key("pages");
  j.Int(s.pages);
  j.Key("ocr_confidence");
  j.Opt(s.ocr_confidence);
  if (s.encoding) {
    j.Key("encoding");
    j.Str(*s.encoding);
  }
  j.EndObject();
  j.Key("authority");
  j.BeginObject();
  j.Key("name");
  j.Opt(r.authority.name);
  j.Key("kind");
  j.Opt(r.authority.kind);
  j.Key("siren");
  j.Opt(r.authority.siren);
  j.EndObject();
  j.Key("assembly");
  j.Opt(r.assembly);
  j.Key("session");
  j.BeginObject();
  j.Key("date");
  j.Opt(r.session.date);
  j.Key("time");
  j.Opt(r.session.time);
  j.Key("place");
  j.Opt(r.session.place);
  j.Key("convened_on");
  j.Opt(r.session.convened_on);
  j.Key("kind");
  j.Opt(r.session.kind);
  j.EndObject();
  j.Key("president");
  WriteOptPerson(&j, r.president);
  j.Key("secretary");
  WriteOptPerson(&j, r.secretary);
  const Attendance& a = r.attendance;
  j.Key("attendance");
  j.BeginObject();
  j.Key("in_office");
  j.Opt(a.in_office);
  j.Key("present_count");
  j.Opt(a.present_count);
  j.Key("represented_count");
  j.Opt(a.represented_count);
  j.Key("voters");
  j.Opt(a.voters);
  j.Key("present");
  WritePeople(&j, a.present);
  j.Key("represented");
  j.BeginArray();
  for (const ProxyGrant& g : a.represented) WritePerson(&j, g.member, &g.holder);
  j.EndArray();
  j.Key("excused");
  WritePeople(&j, a.excused);
  j.Key("absent");
  WritePeople(&j, a.absent);
  j.EndObject();
  j.Key("quorum");
  j.BeginObject();
  j.Key("required");
  j.Opt(r.quorum.required);
  j.Key("reached");
  j.Opt(r.quorum.reached);
  j.EndObject();
  j.Key("deliberations");
  j.BeginArray();
  for (const Act& act : r.deliberations) WriteAct(&j, act);
  j.EndArray();
  j.Key("signed");
  WriteSignature(&j, r.signed_block);
  j.Key("prefecture");
  WriteStamp(&j, r.prefecture);
  j.Key("warnings");
  j.BeginArray();
  for (const Warning& w : r.warnings) {
    j.BeginObject();
    j.Key("code");
    j.Str(w.code);
    j.Key("message");
    j.Str(w.message);
    j.EndObject();
  }
  j.EndArray();
  // A field noted twice keeps its first place and its last value (as an
  // object's key assigned twice).
  j.Key("provenance");
  j.BeginObject();
  const std::vector<FieldSource>& prov = r.provenance;
  for (size_t i = 0; i < prov.size(); ++i) {
    bool seen = false;
    for (size_t k = 0; k < i && !seen; ++k) seen = prov[k].field == prov[i].field;
    if (seen) continue;
    size_t last = i;
    for (size_t k = i + 1; k < prov.size(); ++k) {
      if (prov[k].field == prov[i].field) last = k;
    }
    j.Key(prov[i].field);
    WriteProvenance(&j, prov[last]);
  }
  j.EndObject();
  j.EndObject();
  return j.Take();
}

}  // namespace delibex
