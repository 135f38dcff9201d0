// The document record of ../shared/SPEC.md as C++ values.
//
// Every field the SPEC names has a member here, under the same name in the
// domain's words. A value that the text does not state is an empty optional
// (or an empty list), never a sentinel: output/ turns an empty optional into
// JSON null. Types are plain aggregates; extract/ fills them, validate/ reads
// them and adds warnings, output/ writes them in the SPEC's field order.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace delibex {

// A person as printed: civility is "M.", "Mme" or empty; name without civility
// or title, whitespace collapsed, case kept; title is a role ("Maire").
struct Person {
  std::optional<std::string> civility;
  std::string name;
  std::optional<std::string> title;
};

// An absent member who gave a proxy, and who holds it (empty when the text
// lists the member as represented without naming the holder).
struct ProxyGrant {
  Person member;
  std::optional<Person> holder;
};

struct Attendance {
  std::optional<int> in_office;
  std::optional<int> present_count;
  std::optional<int> represented_count;
  std::optional<int> voters;
  std::vector<Person> present;
  std::vector<ProxyGrant> represented;
  std::vector<Person> excused;
  std::vector<Person> absent;
};

struct Quorum {
  std::optional<int> required;
  std::optional<bool> reached;
};

struct Authority {
  std::optional<std::string> name;
  std::optional<std::string> kind;  // commune, departement, region, epci, ...
  std::optional<std::string> siren;
};

struct Session {
  std::optional<std::string> date;  // YYYY-MM-DD
  std::optional<std::string> time;  // HH:MM
  std::optional<std::string> place;
  std::optional<std::string> convened_on;
  std::optional<std::string> kind;  // ordinaire, extraordinaire
};

// The @CTES identifier DDD-SIREN-YYYYMMDD-NUMBER-NATURE[-x-y].
struct ActId {
  std::string raw;
  std::string id;
  std::string department;
  std::string siren;
  std::string date;  // YYYY-MM-DD
  std::string number;
  std::string nature;
};

struct PrefectureStamp {
  std::optional<std::string> sent;
  std::optional<std::string> received;
  std::optional<std::string> published;
  std::optional<std::string> executory;
  bool simulated = false;
  std::optional<ActId> act_id;
};

struct Signature {
  std::optional<std::string> place;
  std::optional<std::string> date;
  std::optional<Person> signatory;
};

struct Matter {
  std::string code;
  std::optional<std::string> label;
};

struct Article {
  std::optional<std::string> number;
  std::string text;
};

struct NamedVoters {
  std::vector<Person> against;
  std::vector<Person> abstention;
  std::vector<Person> not_voting;
};

struct Vote {
  std::optional<std::string> result;  // adopted, rejected, withdrawn
  std::optional<std::string> mode;    // unanimity, unanimity_of_votes_cast, majority
  std::optional<int> votes_for;
  std::optional<int> against;
  std::optional<int> abstention;
  std::optional<int> not_voting;
  std::optional<std::string> text;
  NamedVoters named;
};

// One act: a deliberation the assembly decided on.
struct Act {
  std::optional<std::string> number;
  std::optional<Matter> matter;
  std::optional<std::string> title;
  std::optional<Person> rapporteur;
  std::vector<std::string> visas;
  std::vector<Article> articles;
  Vote vote;
  std::optional<Signature> signed_block;
  std::optional<PrefectureStamp> prefecture;
};

struct Warning {
  std::string code;
  std::string message;
};

// A rectangle in pixels of a page as OCR read it (upright, deskewed, at ~300
// dpi: see ingest/ocr.h OcrPage); right and bottom exclusive.
struct PixelBox {
  int left = 0;
  int top = 0;
  int right = 0;
  int bottom = 0;
};

// Where a field's value was read: the record's added `provenance`. extract/
// sets `field` and the bytes [begin, end) of the normalized text; pipeline/
// maps them to the page and the span of characters (code points) in that
// page's text and, on an OCR'd page, to the box around the words there and
// the lowest of their confidences.
struct FieldSource {
  std::string field;  // "session.date", "attendance.present[3]", "deliberations[0].vote"
  size_t begin = 0;
  size_t end = 0;
  int page = 0;  // 1-based; 0 until pipeline/ resolves it
  size_t page_begin = 0;
  size_t page_end = 0;
  std::optional<PixelBox> box;
  std::optional<double> confidence;  // 0..100, the least sure word's
};

struct Source {
  std::string file;
  std::string sha256;
  std::string media;   // text, pdf, image
  std::string method;  // text, pdf-text, ocr, mixed
  int pages = 0;
  std::optional<double> ocr_confidence;
  std::optional<std::string> encoding;  // what the text was decoded from
};

struct Record {
  Source source;
  Authority authority;
  std::optional<std::string> assembly;
  Session session;
  std::optional<Person> president;
  std::optional<Person> secretary;
  Attendance attendance;
  Quorum quorum;
  std::vector<Act> deliberations;
  std::optional<Signature> signed_block;
  std::optional<PrefectureStamp> prefecture;
  std::vector<Warning> warnings;
  std::vector<FieldSource> provenance;
};

}  // namespace delibex
