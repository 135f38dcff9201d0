// Text decoding for ingest/.
//
// DecodeText picks one decoding for the whole file, in this order:
//   1. a BOM: EF BB BF (UTF-8), FF FE (UTF-16LE), FE FF (UTF-16BE);
//   2. no BOM but a UTF-16 shape (one byte of each pair is mostly NUL):
//      UTF-16 of that byte order, with an `encoding-guessed` warning;
//   3. otherwise the bytes are scanned once (NUL -> `binary`) and validated
//      as UTF-8:
//      - valid UTF-8 (an incomplete last sequence allowed, see below): UTF-8;
//      - some invalid bytes among more valid multi-byte sequences than
//        invalid bytes: a UTF-8 file with stray Windows-1252 bytes pasted in
//        (Word's ’ as \x92). Each invalid byte is read as Windows-1252 and a
//        `encoding-mixed` warning says how many there were;
//      - otherwise Windows-1252 (reported as iso-8859-1 when no byte falls in
//        0x80-0x9F, where the two differ). Reading the whole file as
//        Windows-1252 rather than guessing per line is deliberate: in real
//        Windows-1252 French text "é" followed by a no-break space and "»"
//        happens to be valid UTF-8, and a per-sequence guess would turn it
//        into a CJK character.
//   An incomplete UTF-8 sequence at the very end of the file (a truncated
//   download) becomes U+FFFD with an `encoding-truncated` warning: the cut
//   character is lost either way, and reading the whole file as
//   Windows-1252 would garble every other accented letter.
// The decoded text is then cut into pages at form feeds (a form feed that
// only ends the last page, as pdftotext writes, makes no empty page), line
// ends become "\n" (CRLF, CR, NEL, U+2028, U+2029), and other control
// characters but tab are dropped; more than 5% control characters is
// `binary`.
#include "ingest/ingest.h"

#include "ingest/scan.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace delibex {

namespace {

// Windows-1252 0x80-0x9F. The five undefined bytes map to the C1 control of
// the same value, as browsers do; those are then dropped as controls.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

constexpr size_t kTruncated = static_cast<size_t>(-1);

void AppendUtf8(std::string* out, uint32_t cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

uint32_t Cp1252(unsigned char b) {
  return b >= 0x80 && b < 0xA0 ? static_cast<uint32_t>(kCp1252High[b - 0x80]) : b;
}

bool IsCont(unsigned char b) { return (b & 0xC0) == 0x80; }

// Length of the well-formed UTF-8 sequence that starts at p[0] (a byte >=
// 0x80), 0 when it is not well formed, kTruncated when the input ends inside
// an otherwise well-formed sequence. Rejects overlongs, surrogates and code
// points above U+10FFFF (RFC 3629).
size_t Utf8SequenceLength(const unsigned char* p, size_t avail) {
  unsigned char c = p[0];
  size_t need;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c < 0xC2) return 0;
  if (c < 0xE0) {
    need = 2;
  } else if (c < 0xF0) {
    need = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c < 0xF5) {
    need = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  for (size_t k = 1; k < need; ++k) {
    if (k >= avail) return kTruncated;
    unsigned char b = p[k];
    if (k == 1 ? (b < lo || b > hi) : !IsCont(b)) return 0;
  }
  return need;
}

uint32_t DecodeValid(const unsigned char* p, size_t len) {
  switch (len) {
    case 2:
      return ((p[0] & 0x1Fu) << 6) | (p[1] & 0x3Fu);
    case 3:
      return ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    default:
      return ((p[0] & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) |
             (p[3] & 0x3Fu);
  }
}

// True when some byte of the 8 at p is >= 0x80 or < 0x20.
bool NeedsLook(const unsigned char* p) {
  uint64_t x;
  std::memcpy(&x, p, 8);
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  return ((x & kHigh) | ((x - kOnes * 0x20) & ~x & kHigh)) != 0;
}

struct ByteScan {
  size_t nul_offset = std::string_view::npos;
  size_t valid_multibyte = 0;
  size_t invalid = 0;
  size_t first_invalid = std::string_view::npos;  // or where the truncated tail starts
  bool c1_range = false;                          // some byte in 0x80-0x9F
  bool truncated_tail = false;
};

ByteScan Scan(std::string_view bytes) {
  ByteScan s;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t n = bytes.size();
  size_t i = 0;
  while (i < n) {
    if (i + 8 <= n && !NeedsLook(p + i)) {
      i += 8;
      continue;
    }
    unsigned char c = p[i];
    if (c < 0x80) {
      if (c == 0 && s.nul_offset == std::string_view::npos) s.nul_offset = i;
      ++i;
      continue;
    }
    if (c < 0xA0) s.c1_range = true;
    size_t len = Utf8SequenceLength(p + i, n - i);
    if (len == kTruncated) {
      s.truncated_tail = true;
      if (s.invalid == 0) s.first_invalid = i;
      for (size_t k = i + 1; k < n; ++k) s.c1_range |= p[k] < 0xA0;
      break;
    }
    if (len == 0) {
      if (s.invalid++ == 0) s.first_invalid = i;
      ++i;
      continue;
    }
    for (size_t k = 1; k < len; ++k) s.c1_range |= p[i + k] < 0xA0;
    ++s.valid_multibyte;
    i += len;
  }
  return s;
}

// Turns decoded text into pages: line ends, form feeds, control characters.
class PageBuilder {
 public:
  explicit PageBuilder(size_t expected) { current_.reserve(expected + expected / 16 + 16); }

  void Char(uint32_t cp) {
    ++chars_;
    if (cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0) && cp != 0x2028 && cp != 0x2029) {
      pending_cr_ = false;
      AppendUtf8(&current_, cp);
      return;
    }
    switch (cp) {
      case '\n':
      case 0x85:  // NEL
      case 0x2028:
      case 0x2029:
        current_.push_back('\n');
        break;
      case '\r':
        pending_cr_ = true;
        current_.push_back('\n');
        return;  // keeps pending_cr_ for a following '\n'
      case '\t':
        current_.push_back('\t');
        break;
      case '\f':
        pages_.push_back(Page{std::move(current_), -1, {}, {}});
        current_ = std::string();
        ended_by_form_feed_ = true;
        pending_cr_ = false;
        return;
      case 0:
        if (nul_ == std::string_view::npos) nul_ = chars_ - 1;
        ++controls_;
        break;
      default:
        ++controls_;
        break;
    }
    pending_cr_ = false;
  }

  // "\r\n": the '\r' already wrote the line end.
  void LineFeed() {
    ++chars_;
    if (pending_cr_) {
      pending_cr_ = false;
      return;
    }
    current_.push_back('\n');
  }

  // Appends bytes known to be well-formed UTF-8 without controls.
  void Plain(const char* p, size_t len) {
    chars_ += len;
    pending_cr_ = false;
    current_.append(p, len);
  }

  std::vector<Page> Finish() {
    bool blank = current_.find_first_not_of(" \t\n") == std::string::npos;
    if (!(ended_by_form_feed_ && blank)) pages_.push_back(Page{std::move(current_), -1, {}, {}});
    ended_by_form_feed_ = false;
    return std::move(pages_);
  }

  size_t controls() const { return controls_; }
  size_t chars() const { return chars_; }
  size_t nul() const { return nul_; }

 private:
  std::vector<Page> pages_;
  std::string current_;
  bool pending_cr_ = false;
  bool ended_by_form_feed_ = false;
  size_t controls_ = 0;
  size_t chars_ = 0;
  size_t nul_ = std::string_view::npos;
};

// Feeds UTF-8 bytes; invalid bytes are read as Windows-1252 and an incomplete
// last sequence becomes U+FFFD.
void FeedUtf8(std::string_view bytes, PageBuilder* b) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t n = bytes.size();
  size_t run = 0;  // start of bytes not yet handed to the builder
  size_t i = 0;
  auto flush = [&](size_t upto) {
    if (upto > run) b->Plain(bytes.data() + run, upto - run);
  };
  while (i < n) {
    if (i + 8 <= n && !NeedsLook(p + i)) {
      i += 8;
      continue;
    }
    unsigned char c = p[i];
    if (c >= 0x20 && c < 0x7F) {
      ++i;
      continue;
    }
    if (c < 0x80) {
      flush(i);
      if (c == '\n') {
        b->LineFeed();
      } else {
        b->Char(c);
      }
      run = ++i;
      continue;
    }
    size_t len = Utf8SequenceLength(p + i, n - i);
    if (len == kTruncated) {
      flush(i);
      b->Char(0xFFFD);
      run = i = n;
      break;
    }
    if (len == 0) {
      flush(i);
      b->Char(Cp1252(c));
      run = ++i;
      continue;
    }
    // C1 controls (C2 80-9F) and the Unicode line/paragraph separators
    // (E2 80 A8/A9) need the builder; everything else is copied as is.
    if ((c == 0xC2 && p[i + 1] < 0xA0) ||
        (c == 0xE2 && p[i + 1] == 0x80 && (p[i + 2] & 0xFE) == 0xA8)) {
      flush(i);
      b->Char(DecodeValid(p + i, len));
      run = i + len;
    }
    i += len;
  }
  flush(n);
}

void FeedSingleByte(std::string_view bytes, PageBuilder* b) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t n = bytes.size();
  size_t run = 0;
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = p[i];
    if (c >= 0x20 && c < 0x7F) continue;
    if (i > run) b->Plain(bytes.data() + run, i - run);
    if (c == '\n') {
      b->LineFeed();
    } else {
      b->Char(Cp1252(c));
    }
    run = i + 1;
  }
  if (n > run) b->Plain(bytes.data() + run, n - run);
}

struct Utf16Result {
  size_t repaired = 0;  // unpaired surrogates and an odd last byte
};

Utf16Result FeedUtf16(std::string_view bytes, bool little_endian, PageBuilder* b) {
  Utf16Result r;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t units = bytes.size() / 2;
  auto unit = [&](size_t k) -> uint32_t {
    return little_endian ? (p[2 * k] | (p[2 * k + 1] << 8)) : ((p[2 * k] << 8) | p[2 * k + 1]);
  };
  for (size_t k = 0; k < units; ++k) {
    uint32_t u = unit(k);
    if (u >= 0xD800 && u < 0xDC00 && k + 1 < units) {
      uint32_t lo = unit(k + 1);
      if (lo >= 0xDC00 && lo < 0xE000) {
        b->Char(0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
        ++k;
        continue;
      }
    }
    if (u >= 0xD800 && u < 0xE000) {
      ++r.repaired;
      b->Char(0xFFFD);
    } else if (u == '\n') {
      b->LineFeed();
    } else {
      b->Char(u);
    }
  }
  if (bytes.size() % 2) {
    ++r.repaired;
    b->Char(0xFFFD);
  }
  return r;
}

// A BOM-less UTF-16 file of mostly Latin text has a NUL in one byte of most
// pairs and almost never in the other.
enum class Utf16Shape { kNone, kLittle, kBig };

Utf16Shape GuessUtf16(std::string_view bytes) {
  size_t pairs = std::min<size_t>(bytes.size(), 4096) / 2;
  if (pairs < 2) return Utf16Shape::kNone;
  size_t even_nul = 0, odd_nul = 0;
  for (size_t k = 0; k < pairs; ++k) {
    even_nul += bytes[2 * k] == '\0';
    odd_nul += bytes[2 * k + 1] == '\0';
  }
  if (odd_nul * 10 >= pairs * 6 && even_nul * 20 <= pairs) return Utf16Shape::kLittle;
  if (even_nul * 10 >= pairs * 6 && odd_nul * 20 <= pairs) return Utf16Shape::kBig;
  return Utf16Shape::kNone;
}

bool AllBlank(const std::vector<Page>& pages) {
  for (const Page& page : pages) {
    const std::string& t = page.text;
    for (size_t i = 0; i < t.size();) {
      auto c = static_cast<unsigned char>(t[i]);
      if (c == ' ' || c == '\t' || c == '\n') {
        ++i;
        continue;
      }
      // The invisible and space characters a "blank" export may hold:
      // NBSP (C2 A0), U+2000-U+200F and U+202F (E2 80 xx), U+205F-U+2060
      // (E2 81 9F/A0), U+3000 (E3 80 80), BOM (EF BB BF).
      std::string_view rest(t.data() + i, t.size() - i);
      if (rest.substr(0, 2) == "\xC2\xA0") {
        i += 2;
      } else if (rest.size() >= 3 && rest.substr(0, 2) == "\xE2\x80" &&
                 (static_cast<unsigned char>(rest[2]) <= 0x8F ||
                  static_cast<unsigned char>(rest[2]) == 0xAF)) {
        i += 3;
      } else if (rest.substr(0, 3) == "\xE2\x81\x9F" || rest.substr(0, 3) == "\xE2\x81\xA0" ||
                 rest.substr(0, 3) == "\xE3\x80\x80" || rest.substr(0, 3) == "\xEF\xBB\xBF") {
        i += 3;
      } else {
        return false;
      }
    }
  }
  return true;
}

std::string Offset(size_t n) { return "byte offset " + std::to_string(n); }

}  // namespace

Result<Document> DecodeText(std::string_view bytes) {
  if (bytes.empty()) return Error{"empty", "the file is empty (0 bytes)"};

  Document doc;
  doc.media = "text";
  doc.method = "text";
  PageBuilder builder(bytes.size());

  auto starts = [&](std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; };
  Utf16Shape utf16 = Utf16Shape::kNone;
  bool utf16_bom = false;
  if (starts("\xFF\xFE")) {
    utf16 = Utf16Shape::kLittle;
    utf16_bom = true;
  } else if (starts("\xFE\xFF")) {
    utf16 = Utf16Shape::kBig;
    utf16_bom = true;
  } else if (!starts("\xEF\xBB\xBF")) {
    utf16 = GuessUtf16(bytes);
  }

  if (utf16 != Utf16Shape::kNone) {
    bool le = utf16 == Utf16Shape::kLittle;
    doc.encoding = le ? "utf-16le" : "utf-16be";
    Utf16Result r = FeedUtf16(utf16_bom ? bytes.substr(2) : bytes, le, &builder);
    if (!utf16_bom) {
      doc.warnings.push_back({"encoding-guessed", "no byte-order mark; the text was read as " +
                                                      doc.encoding +
                                                      " from the pattern of its NUL bytes"});
    }
    if (r.repaired) {
      doc.warnings.push_back(
          {"encoding-repaired",
           std::to_string(r.repaired) + " broken UTF-16 unit(s) replaced by U+FFFD"});
    }
  } else {
    bool bom = starts("\xEF\xBB\xBF");
    std::string_view body = bom ? bytes.substr(3) : bytes;
    size_t base = bom ? 3 : 0;
    ByteScan scan = Scan(body);
    if (scan.nul_offset != std::string_view::npos) {
      return Error{"binary",
                   "a NUL byte at " + Offset(base + scan.nul_offset) + ": not a text file"};
    }
    // A file whose only non-ASCII byte is its last one ("comit\xE9") shows
    // no evidence of UTF-8: it is single-byte text, not a cut UTF-8 file.
    bool utf8 = scan.invalid == 0 && (scan.valid_multibyte > 0 || !scan.truncated_tail);
    bool mixed = !utf8 && scan.valid_multibyte > scan.invalid;
    if (utf8) {
      doc.encoding = bom ? "utf-8-bom" : "utf-8";
      FeedUtf8(body, &builder);
    } else if (mixed) {
      doc.encoding = bom ? "utf-8-bom" : "utf-8";
      FeedUtf8(body, &builder);
      doc.warnings.push_back(
          {"encoding-mixed", std::to_string(scan.invalid) +
                                 " byte(s) that are not UTF-8 (the first at " +
                                 Offset(base + scan.first_invalid) +
                                 ") were read as Windows-1252 in an otherwise UTF-8 text"});
    } else {
      doc.encoding = scan.c1_range ? "windows-1252" : "iso-8859-1";
      FeedSingleByte(body, &builder);
      doc.warnings.push_back({"encoding-guessed", "the text is not UTF-8 (first invalid byte at " +
                                                      Offset(base + scan.first_invalid) +
                                                      "); it was read as " + doc.encoding});
    }
    if (scan.truncated_tail && (utf8 || mixed)) {
      doc.warnings.push_back({"encoding-truncated",
                              "the text ends inside a UTF-8 character (cut file?); the "
                              "incomplete character was replaced by U+FFFD"});
    }
  }

  if (builder.nul() != std::string_view::npos) {
    return Error{"binary", "a NUL character (U+0000) at character " +
                               std::to_string(builder.nul()) + ": not a text file"};
  }
  if (builder.controls() * 20 > builder.chars()) {
    return Error{"binary", std::to_string(builder.controls()) + " control characters in " +
                               std::to_string(builder.chars()) + " characters: not a text file"};
  }
  size_t controls = builder.controls();
  doc.pages = builder.Finish();
  if (AllBlank(doc.pages)) {
    return Error{"empty",
                 "the file holds only white space (" + std::to_string(bytes.size()) + " bytes)"};
  }
  if (controls) {
    doc.warnings.push_back(
        {"control-characters", std::to_string(controls) + " control character(s) were dropped"});
  }
  return doc;
}

namespace {

enum class Kind { kText, kPdf, kImage, kUnsupported };

// A known format that is not text, PDF nor a page image: what it is, for the
// message; nullptr otherwise.
const char* UnsupportedFormat(std::string_view head) {
  auto starts = [&](std::string_view sig) { return head.substr(0, sig.size()) == sig; };
  if (starts("PK\x03\x04") || starts("PK\x05\x06")) {
    return "a ZIP archive (a .docx, .odt or .xlsx document is one)";
  }
  if (starts("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return "an OLE2 file (a .doc or .xls document)";
  if (starts("{\\rtf")) return "an RTF document";
  if (starts("\x1F\x8B")) return "a gzip archive";
  if (starts("7z\xBC\xAF\x27\x1C")) return "a 7-Zip archive";
  if (starts("Rar!\x1A\x07")) return "a RAR archive";
  return nullptr;
}

// The PDF header may follow up to 1 KiB of junk (ISO 32000-1, annex H.3).
Kind Sniff(std::string_view head) {
  auto starts = [&](std::string_view sig) { return head.substr(0, sig.size()) == sig; };
  if (head.substr(0, 1024).find("%PDF-") != std::string_view::npos) return Kind::kPdf;
  if (UnsupportedFormat(head) != nullptr) return Kind::kUnsupported;
  if (starts("\x89PNG\r\n\x1A\n") || starts("\xFF\xD8\xFF") ||
      starts(std::string_view("II*\0", 4)) || starts(std::string_view("MM\0*", 4)) ||
      starts("GIF87a") || starts("GIF89a") ||
      (starts("RIFF") && head.size() >= 12 && head.substr(8, 4) == "WEBP") ||
      starts(std::string_view("\0\0\0\x0CjP  \r\n\x87\n", 12))) {
    return Kind::kImage;
  }
  return Kind::kText;
}

}  // namespace

Result<std::string> ReadInputFile(const std::string& path, size_t max_bytes) {
  // O_NONBLOCK: opening a FIFO nobody writes to would wait forever; without
  // a writer it reads as empty. Cleared once open, for pipes that have one.
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return Error{"io", path + ": " + std::strerror(errno)};
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    int err = errno;
    ::close(fd);
    return Error{"io", path + ": " + std::strerror(err)};
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    return Error{"io", path + ": is a directory, not a file"};
  }
  if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode) && !S_ISCHR(st.st_mode)) {
    ::close(fd);
    return Error{"io", path + ": not a regular file, pipe or device"};
  }
  size_t size = 0;
  if (S_ISREG(st.st_mode)) {
    size = static_cast<size_t>(st.st_size);
    if (size > max_bytes) {
      ::close(fd);
      return Error{"too-large", path + ": " + std::to_string(size) + " bytes, more than the " +
                                    std::to_string(max_bytes) + " allowed (--max-bytes)"};
    }
  }
  int flags = ::fcntl(fd, F_GETFL);
  if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);

  std::string bytes;
  bytes.reserve(size);
  // Read to the end rather than trusting the size: pipes and files that grow
  // are read too, and the limit still holds.
  char chunk[1 << 16];
  bool too_large = false, read_error = false;
  int error = 0;
  while (true) {
    ssize_t got = ::read(fd, chunk, sizeof chunk);
    if (got < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN) break;  // a FIFO without a writer
      read_error = true;
      error = errno;
      break;
    }
    if (got == 0) break;
    if (bytes.size() + static_cast<size_t>(got) > max_bytes) {
      too_large = true;
      break;
    }
    bytes.append(chunk, static_cast<size_t>(got));
  }
  ::close(fd);
  if (too_large) {
    return Error{"too-large", path + ": more than the " + std::to_string(max_bytes) +
                                  " bytes allowed (--max-bytes)"};
  }
  if (read_error) return Error{"io", path + ": read error: " + std::strerror(error)};
  return bytes;
}

Result<Document> IngestFile(const std::string& path, const IngestOptions& options) {
  Result<std::string> bytes = ReadInputFile(path, options.max_bytes);
  if (!bytes.ok()) return bytes.error();
  return IngestBytes(path, bytes.value(), options);
}

Result<Document> IngestBytes(const std::string& path, std::string_view bytes,
                             const IngestOptions& options) {
  if (bytes.empty()) return Error{"empty", path + ": the file is empty (0 bytes)"};

  switch (Sniff(bytes)) {
    case Kind::kPdf: {
      auto doc = IngestPdf(bytes, options.scan);
      if (!doc.ok()) return Error{doc.error().code, path + ": " + doc.error().message};
      return doc;
    }
    case Kind::kImage: {
      auto doc = IngestImages(bytes, options.scan);
      if (!doc.ok()) return Error{doc.error().code, path + ": " + doc.error().message};
      return doc;
    }
    case Kind::kUnsupported:
      return Error{"unsupported-format", path + ": " + UnsupportedFormat(bytes) +
                                             ", not a format delibex reads (text, PDF, page "
                                             "images): save it as PDF or text first"};
    case Kind::kText:
      break;
  }
  auto doc = DecodeText(bytes);
  if (!doc.ok()) return Error{doc.error().code, path + ": " + doc.error().message};
  return doc;
}

}  // namespace delibex
