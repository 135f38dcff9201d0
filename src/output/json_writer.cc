#include "output/json_writer.h"

#include <cmath>

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
