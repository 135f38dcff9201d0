// ingest: one input file's bytes -> a Document (pages of UTF-8 text).
//
// IngestFile reads the file and looks at its first bytes to choose the reader:
// "%PDF" -> PDF (ingest/pdf.h, OCR of the pages that need it: ingest/scan.h),
// PNG/JPEG/TIFF signatures -> image (OCR: ingest/scan.h), anything else ->
// text.
// ("%PDF-" is looked for in the first KiB, as PDF readers do; GIF, WebP and
// JPEG 2000 signatures are images too.) Text is decoded by DecodeText.
// Errors (see core/status.h for the codes):
//   io               the file cannot be opened or read
//   empty            zero bytes, or only white space once decoded
//   too-large        more than IngestOptions::max_bytes
//   binary           NUL bytes or mostly control characters: not text
//   unsupported-format  a known format delibex does not read (a ZIP archive
//                    such as .docx/.odt/.xlsx, an OLE2 .doc/.xls, RTF, ...)
//   pdf-encrypted, pdf-damaged, image-unreadable, ocr-unavailable, no-text
//                    (see ingest/pdf.h and ingest/scan.h)
// Every error message starts with the path. Nothing here prints; the caller
// turns an Error into an error record.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/document.h"
#include "core/status.h"
#include "ingest/scan.h"

namespace delibex {

struct IngestOptions {
  // Larger inputs are refused (error `too-large`) before being read whole.
  size_t max_bytes = size_t{256} << 20;  // 256 MiB
  ScanOptions scan;                      // PDFs and images: OCR
};

Result<Document> IngestFile(const std::string& path, const IngestOptions& options = {});

// IngestFile in two steps, for a caller that needs the bytes too (to hash
// them): the file's bytes (errors io, too-large), then the Document they
// make (errors: the others above). `path` is only used in messages.
Result<std::string> ReadInputFile(const std::string& path, size_t max_bytes);
Result<Document> IngestBytes(const std::string& path, std::string_view bytes,
                             const IngestOptions& options = {});

// Decodes the bytes of a text file into a Document:
// - UTF-8 with or without BOM; UTF-16 LE/BE with BOM;
// - otherwise, when the bytes are not valid UTF-8, Windows-1252 (which also
//   reads Latin-1 text: they differ only in 0x80-0x9F, C1 controls that real
//   Latin-1 text does not use); Document::encoding says which, and a warning
//   `encoding-guessed` says so when it is not UTF-8;
// - CRLF and lone CR become LF; a form feed starts a new page;
// - other control characters (but tab) are dropped.
// Decisions the list above does not settle (warning codes in brackets):
// - single-byte text is reported as "iso-8859-1" when no byte falls in
//   0x80-0x9F (the decoding is the same), "windows-1252" otherwise;
// - UTF-16 without a BOM is recognised by its NUL bytes [encoding-guessed];
//   broken surrogates become U+FFFD [encoding-repaired];
// - a UTF-8 text with a few invalid bytes (a Windows-1252 "\x92" pasted
//   into it) stays UTF-8, each invalid byte read as Windows-1252
//   [encoding-mixed]: this happens when the valid multi-byte sequences
//   outnumber the invalid bytes; otherwise the whole file is single-byte;
// - an incomplete UTF-8 sequence at the very end (a cut file) becomes U+FFFD
//   [encoding-truncated] rather than making the whole file Windows-1252,
//   which would garble every other accent; a file with no other non-ASCII
//   byte is single-byte text ("comit\xE9");
// - NEL, U+2028 and U+2029 are line ends too; a form feed that only ends the
//   last page (pdftotext ends every page with one) makes no empty page, but
//   an empty page between two form feeds is kept;
// - dropped control characters are counted [control-characters]; NUL, or
//   more than 5% control characters, is `binary` (the message gives the
//   byte offset of the NUL);
// - Page::ocr_confidence is -1 (not OCR'd).
Result<Document> DecodeText(std::string_view bytes);

}  // namespace delibex
