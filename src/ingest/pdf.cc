// Born-digital PDFs for ingest/, with poppler-cpp.
//
// Text: poppler::page::text(rectf(), physical_layout) runs Poppler's
// TextOutputDev in physical-layout mode, the engine and mode of
// `pdftotext -layout`, so a page reads as pdftotext prints it. It ends every
// page with a form feed, which is dropped: each PDF page is its own Page.
//
// Quality: AssessPageText walks the page's code points once. Words are runs
// of Unicode letters, numbers runs of ASCII digits. Each word is folded to
// lower-case ASCII when all its letters are French ones (a-z and the accented
// letters, ç, œ, æ, the fi/fl ligatures); a word with any other letter (þ,
// ð, ß, Greek, Cyrillic...) is not French-looking. The folded words are
// looked up in two small sets: French's commonest short words and
// civilities (the common-word share) and the vocabulary of prefecture
// stamps. The stamp share counts stamp words and digit runs (dates, act ids)
// among tokens that are not common words, so that "Fait à Corte, le
// 14/02/2023" is not a stamp while "Reçu en préfecture le 14/02/2023 ID :
// 02B-212000962-..." is.
//
// Thresholds (pdf.h), against the 21 pages of the six born-digital PDFs of
// ../shared/corpus/dev (all good, text identical to pdftotext -layout;
// 497 to 3001 letters a page, stamp_share 0.05 .. 0.23):
//   alnum_share        0.933 .. 0.974   garbage below 0.6
//   invalid_share      0 (Wingdings bullets U+F0xx not counted)  above 0.02
//   french_word_share  0.976 .. 1       below 0.7
//   common_word_share  0.285 .. 0.453   below 0.05 (40 words or more)
//   vowel_share        0.423 .. 0.465   outside 0.30 .. 0.60 (200 letters)
// Text made of glyph codes shifted by 3 ("Frqvhlo" for "Conseil") has a
// common-word share near 0 and a vowel share near 0.2. A page of member
// names has few function words but a civility before most names, hence the
// civilities among the common words. The two scanned PDFs of the corpus have
// no text layer at all (every page kEmpty).
//
// Poppler errors: Poppler reports errors through one process-wide callback.
// The one installed here counts them in thread-local storage: Poppler calls
// it on the thread that parses, so each ReadPdf call sees only its own
// errors, even with several files read at once. They become a `pdf-errors`
// warning: a file Poppler had to repair may have lost text.
#include "ingest/pdf.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <poppler-rectangle.h>

#include <climits>
#include <cstdint>
#include <exception>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <string>

#include "core/text.h"

namespace delibex {

namespace {

struct PopplerErrors {
  size_t count = 0;
  std::string first;
};

thread_local PopplerErrors t_errors;

void CountPopplerError(const std::string& message, void* /*closure*/) {
  if (t_errors.count++ != 0) return;
  // Poppler writes a message's newline as "<0a>".
  std::string_view m = message;
  while (m.size() >= 4 && m.substr(m.size() - 4) == "<0a>") m.remove_suffix(4);
  t_errors.first = std::string(m.substr(0, 200));
}

void InstallErrorFunction() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(CountPopplerError, nullptr); });
}

// " (Poppler: <first error>)" when Poppler said something, else "".
std::string PopplerSaid() {
  if (t_errors.count == 0) return "";
  return " (Poppler: " + t_errors.first + ")";
}

bool IsSpace(int32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == 0x0B ||
         cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000 || cp == 0xFEFF;
}

// Characters no real text layer holds: replacement, private use,
// noncharacters, controls. U+F000-U+F0FF is private use too, but it is where
// Poppler puts the glyphs of Symbol and Wingdings fonts, which Word uses for
// its bullets and arrows (U+F0B7, U+F0D8, U+F0FC in the shared corpus's
// PDFs): those are punctuation, not garbage.
bool IsInvalid(int32_t cp) {
  return cp == 0xFFFD || (cp >= 0xE000 && cp <= 0xF8FF && !(cp >= 0xF000 && cp <= 0xF0FF)) ||
         cp >= 0xF0000 || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE || cp < 0x20 ||
         (cp >= 0x7F && cp < 0xA0);
}

// The lower-case ASCII spelling of a French letter ("é" -> "e", "Œ" -> "oe",
// "ﬁ" -> "fi"), or nullptr for a letter French does not use.
const char* FoldFrenchLetter(int32_t cp) {
  static constexpr const char* kAscii[26] = {"a", "b", "c", "d", "e", "f", "g", "h", "i",
                                             "j", "k", "l", "m", "n", "o", "p", "q", "r",
                                             "s", "t", "u", "v", "w", "x", "y", "z"};
  if (cp >= 'a' && cp <= 'z') return kAscii[cp - 'a'];
  if (cp >= 'A' && cp <= 'Z') return kAscii[cp - 'A'];
  switch (cp) {
    case 0xE0:
    case 0xE2:
    case 0xE4:
    case 0xC0:
    case 0xC2:
    case 0xC4:  // à â ä
      return "a";
    case 0xE7:
    case 0xC7:  // ç
      return "c";
    case 0xE8:
    case 0xE9:
    case 0xEA:
    case 0xEB:
    case 0xC8:
    case 0xC9:
    case 0xCA:
    case 0xCB:
      return "e";  // è é ê ë
    case 0xEE:
    case 0xEF:
    case 0xCE:
    case 0xCF:  // î ï
      return "i";
    case 0xF4:
    case 0xF6:
    case 0xD4:
    case 0xD6:  // ô ö
      return "o";
    case 0xF9:
    case 0xFB:
    case 0xFC:
    case 0xD9:
    case 0xDB:
    case 0xDC:  // ù û ü
      return "u";
    case 0xFF:
    case 0x178:  // ÿ
      return "y";
    case 0x153:
    case 0x152:  // œ
      return "oe";
    case 0xE6:
    case 0xC6:  // æ
      return "ae";
    case 0xFB00:
      return "ff";
    case 0xFB01:
      return "fi";
    case 0xFB02:
      return "fl";
    case 0xFB03:
      return "ffi";
    case 0xFB04:
      return "ffl";
    default:
      return nullptr;
  }
}

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

bool InList(std::string_view word, std::initializer_list<std::string_view> list) {
  for (std::string_view w : list) {
    if (w == word) return true;
  }
  return false;
}

// The word lists below are folded (lower case, no accents) and short enough
// for a linear search. clang-format would put one word a line.
// clang-format off

// French's commonest short words, and the civilities that stand before
// every name of a list of members.
bool IsCommonWord(std::string_view w) {
  return InList(w, {
      "le", "la", "les", "de", "des", "du", "et", "a", "en", "un", "une", "au", "aux", "pour",
      "par", "sur", "dans", "est", "que", "qui", "ne", "pas", "l", "d", "il", "elle", "ce", "se",
      "sa", "son", "ses", "avec", "ou", "y", "n", "s", "qu", "c", "j", "leur", "plus",
      "m", "mm", "mme", "mmes", "mr", "mlle", "monsieur", "madame", "messieurs", "mesdames"});
}

// Words of prefecture and transmission-platform stamps (@CTES, S²LOW,
// FAST, iXBus, Berger-Levrault).
bool IsStampWord(std::string_view w) {
  return InList(w, {
      "accuse", "reception", "recu", "recue", "envoye", "envoyee", "prefecture", "prefet",
      "sous", "publie", "publiee", "publication", "affiche", "affichee", "affichage", "certifie",
      "certifiee", "executoire", "ministere", "interieur", "id", "date", "teletransmission",
      "transmis", "transmise", "transmission", "controle", "legalite", "acte", "ar", "low",
      "ctes", "fast", "ixbus", "depot", "notifie", "notification", "rendu", "visa",
      "identifiant", "nature", "signature", "signe"});
}

// Stamp words that only stamps use: a page needs one to be a stamp.
bool IsStrongStampWord(std::string_view w) {
  return InList(w, {"accuse", "prefecture", "prefet", "teletransmission", "executoire",
                    "legalite", "ctes", "ixbus"});
}

// clang-format on

double Share(size_t part, size_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

// Keeps the Document contract: "\n" line ends, no form feed, no control
// character but tab. Poppler's UTF-8 is valid; DecodeAt makes sure of it.
std::string CleanPageText(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size();) {
    int len = 1;
    int32_t cp = DecodeAt(raw, i, &len);
    if (cp == '\r') {
      if (i + 1 < raw.size() && raw[i + 1] == '\n') {
        i += 1;
        continue;
      }
      out += '\n';
    } else if (cp == '\n' || cp == '\t') {
      out += static_cast<char>(cp);
    } else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
      // dropped: form feed (page end) and other controls
    } else if (cp == 0xFFFD && !(len == 3 && raw.compare(i, 3, "\xEF\xBF\xBD") == 0)) {
      out += "\xEF\xBF\xBD";  // an invalid byte
    } else {
      out.append(raw, i, static_cast<size_t>(len));
    }
    i += static_cast<size_t>(len);
  }
  return out;
}

std::string Percent(double share) {
  return std::to_string(static_cast<int>(share * 100 + 0.5)) + "%";
}

std::string Describe(const PageQuality& q) {
  switch (q.verdict) {
    case PageVerdict::kEmpty:
      if (q.unreadable) return "the page could not be read";
      return q.letters == 0 ? "no text layer"
                            : "almost no text (" + std::to_string(q.letters) + " letters)";
    case PageVerdict::kStampOnly:
      return "only a stamp in the text layer (" + std::to_string(q.letters) + " letters, " +
             Percent(q.stamp_share) + " stamp words)";
    case PageVerdict::kGarbage:
      return "the text layer is not French text (letters and digits " + Percent(q.alnum_share) +
             ", invalid characters " + Percent(q.invalid_share) + ", French-looking words " +
             Percent(q.french_word_share) + ", common French words " +
             Percent(q.common_word_share) + ", vowels " + Percent(q.vowel_share) + ")";
    case PageVerdict::kGood:
      break;
  }
  return "good";
}

}  // namespace

const char* PageVerdictName(PageVerdict verdict) {
  switch (verdict) {
    case PageVerdict::kGood:
      return "good";
    case PageVerdict::kEmpty:
      return "empty";
    case PageVerdict::kStampOnly:
      return "stamp-only";
    case PageVerdict::kGarbage:
      return "garbage";
  }
  return "?";
}

PageQuality AssessPageText(std::string_view text) {
  PageQuality q;
  size_t alnum = 0, invalid = 0, vowels = 0, french_words = 0, common_words = 0;
  size_t content_tokens = 0, stamp_tokens = 0, strong_stamp_words = 0;
  std::string word;  // the current word, folded; meaningful while `french`
  bool in_word = false, french = true;
  size_t word_letters = 0;
  bool in_number = false;

  auto end_word = [&] {
    if (!in_word) return;
    in_word = false;
    ++q.words;
    bool has_vowel = false;
    for (char c : word) has_vowel |= IsVowel(c);
    if (french && (has_vowel || word_letters <= 2)) ++french_words;
    if (french && IsCommonWord(word)) {
      ++common_words;
    } else {
      ++content_tokens;
      if (french && IsStampWord(word)) {
        ++stamp_tokens;
        if (IsStrongStampWord(word)) ++strong_stamp_words;
      }
    }
  };
  auto end_number = [&] {
    if (!in_number) return;
    in_number = false;
    ++content_tokens;
    ++stamp_tokens;
  };

  for (size_t i = 0; i < text.size();) {
    int len = 1;
    int32_t cp = DecodeAt(text, i, &len);
    i += static_cast<size_t>(len);
    if (IsSpace(cp)) {
      end_word();
      end_number();
      continue;
    }
    ++q.non_space;
    if (IsLetter(cp)) {
      end_number();
      ++q.letters;
      ++alnum;
      if (!in_word) {
        in_word = true;
        french = true;
        word.clear();
        word_letters = 0;
      }
      ++word_letters;
      const char* folded = FoldFrenchLetter(cp);
      if (folded == nullptr) {
        french = false;
      } else {
        vowels += IsVowel(folded[0]);
        word += folded;
      }
      continue;
    }
    end_word();
    if (cp >= '0' && cp <= '9') {
      ++alnum;
      in_number = true;
      continue;
    }
    end_number();
    if (IsInvalid(cp)) ++invalid;
  }
  end_word();
  end_number();

  q.alnum_share = Share(alnum, q.non_space);
  q.invalid_share = Share(invalid, q.non_space);
  q.french_word_share = Share(french_words, q.words);
  q.common_word_share = Share(common_words, q.words);
  q.vowel_share = Share(vowels, q.letters);
  q.stamp_share = Share(stamp_tokens, content_tokens);

  if (q.letters < PageQuality::kMinLetters) {
    q.verdict = PageVerdict::kEmpty;
  } else if (q.letters < PageQuality::kStampMaxLetters && strong_stamp_words > 0 &&
             q.stamp_share >= 0.6) {
    q.verdict = PageVerdict::kStampOnly;
  } else if (q.invalid_share > 0.02 || q.alnum_share < 0.6 ||
             (q.words >= 10 && q.french_word_share < 0.7) ||
             (q.words >= 40 && q.common_word_share < 0.05) ||
             (q.letters >= 200 && (q.vowel_share < 0.30 || q.vowel_share > 0.60))) {
    q.verdict = PageVerdict::kGarbage;
  } else {
    q.verdict = PageVerdict::kGood;
  }
  return q;
}

bool LooksLikePdf(std::string_view bytes) {
  return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

Result<PdfRead> ReadPdf(std::string_view bytes, const PdfOptions& options) {
  if (!LooksLikePdf(bytes)) {
    return Error{"pdf-damaged", "not a PDF: no \"%PDF-\" header in the first 1024 bytes"};
  }
  if (bytes.size() > static_cast<size_t>(INT_MAX)) {
    return Error{"too-large", std::to_string(bytes.size()) + " bytes: a PDF read in memory " +
                                  "must be under 2 GiB"};
  }
  InstallErrorFunction();
  t_errors = PopplerErrors{};

  try {
    // load_from_raw_data does not copy: `bytes` outlives `doc`.
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) {
      return Error{"pdf-damaged", "the PDF cannot be loaded: damaged or truncated" + PopplerSaid()};
    }
    if (doc->is_locked()) {
      // The load already tried the empty passwords; unlock() retries them in
      // case the file has an owner password only, then the caller's.
      bool locked = doc->unlock("", "");
      if (locked && !options.password.empty()) {
        locked = doc->unlock(options.password, options.password);
      }
      if (locked) {
        return Error{"pdf-encrypted",
                     options.password.empty()
                         ? "the PDF is encrypted with a password"
                         : "the PDF is encrypted and the password given does not open it"};
      }
    }
    int count = doc->pages();
    if (count <= 0) return Error{"pdf-damaged", "the PDF has no page" + PopplerSaid()};

    size_t to_read = static_cast<size_t>(count);
    if (options.max_pages != 0 && to_read > options.max_pages) to_read = options.max_pages;

    PdfRead read;
    Document& out = read.document;
    out.media = "pdf";
    out.method = "pdf-text";
    out.encoding.clear();
    out.pages.reserve(to_read);
    read.quality.reserve(to_read);
    std::string where = " of " + std::to_string(count);

    for (size_t i = 0; i < to_read; ++i) {
      std::string number = "page " + std::to_string(i + 1) + where;
      std::unique_ptr<poppler::page> page(doc->create_page(static_cast<int>(i)));
      Page result;
      PageQuality quality;
      if (!page) {
        quality.unreadable = true;
        out.warnings.push_back(
            Warning{"pdf-page-unreadable", number + ": the page cannot be read" + PopplerSaid()});
      } else {
        poppler::byte_array utf8 =
            page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
        std::string_view raw(utf8.data(), utf8.size());
        quality = AssessPageText(raw);
        result.text = CleanPageText(raw);
      }
      if (quality.needs_ocr()) {
        out.warnings.push_back(Warning{"pdf-page-needs-ocr", number + ": " + Describe(quality)});
      }
      out.pages.push_back(std::move(result));
      read.quality.push_back(quality);
    }
    if (to_read < static_cast<size_t>(count)) {
      out.warnings.push_back(Warning{"pdf-pages-skipped", "only the first " +
                                                              std::to_string(to_read) + " pages" +
                                                              where + " were read (--max-pages)"});
    }
    if (t_errors.count > 0) {
      out.warnings.push_back(Warning{
          "pdf-errors",
          "Poppler reported " + std::to_string(t_errors.count) +
              (t_errors.count == 1 ? " error" : " errors") +
              " while reading the PDF, which may be damaged or unusual: " + t_errors.first});
    }
    return read;
  } catch (const std::exception& e) {
    // Poppler itself does not throw; the allocations around it may.
    return Error{"pdf-damaged", std::string("the PDF cannot be read: ") + e.what()};
  }
}

}  // namespace delibex
