// A minimal PDF writer for tests: one Helvetica text line per `Tj`,
// WinAnsiEncoding, a correct xref table, and optionally the standard RC4
// 40-bit security handler. Shared by the tests that write PDFs at run time
// (no binary file is checked in).
#pragma once

#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text.h"

namespace delibex {
namespace testing_pdf {

// UTF-8 -> WinAnsiEncoding bytes, escaped for a PDF literal string.
inline std::string PdfString(std::string_view utf8) {
  static const std::map<int32_t, unsigned char> kSpecial = {
      {0x20AC, 0x80}, {0x2026, 0x85}, {0x0152, 0x8C}, {0x2018, 0x91},
      {0x2019, 0x92}, {0x201C, 0x93}, {0x201D, 0x94}, {0x2013, 0x96},
      {0x2014, 0x97}, {0x0153, 0x9C}, {0x0178, 0x9F}};
  std::string out = "(";
  for (size_t i = 0; i < utf8.size();) {
    int len = 1;
    int32_t cp = DecodeAt(utf8, i, &len);
    i += static_cast<size_t>(len);
    unsigned char b = '?';
    if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) {
      b = static_cast<unsigned char>(cp);
    } else if (auto it = kSpecial.find(cp); it != kSpecial.end()) {
      b = it->second;
    }
    if (b == '(' || b == ')' || b == '\\') out += '\\';
    out += static_cast<char>(b);
  }
  return out + ")";
}

inline std::string Md5(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EXPECT_EQ(EVP_Digest(data.data(), data.size(), digest, &n, EVP_md5(), nullptr), 1);
  return std::string(reinterpret_cast<char*>(digest), n);
}

inline std::string Rc4(std::string_view key, std::string_view data) {
  unsigned char s[256];
  for (int i = 0; i < 256; ++i) s[i] = static_cast<unsigned char>(i);
  for (int i = 0, j = 0; i < 256; ++i) {
    j = (j + s[i] + static_cast<unsigned char>(key[i % key.size()])) & 0xFF;
    std::swap(s[i], s[j]);
  }
  std::string out(data);
  for (size_t k = 0, i = 0, j = 0; k < out.size(); ++k) {
    i = (i + 1) & 0xFF;
    j = (j + s[i]) & 0xFF;
    std::swap(s[i], s[j]);
    out[k] = static_cast<char>(out[k] ^ s[(s[i] + s[j]) & 0xFF]);
  }
  return out;
}

inline std::string Hex(std::string_view bytes) {
  static const char* kDigits = "0123456789ABCDEF";
  std::string out = "<";
  for (unsigned char c : bytes) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out + ">";
}

struct Encryption {
  std::string user_password;
  std::string owner_password;
};

// The PDF 1.4 standard security handler, revision 2 (RC4, 40-bit key):
// algorithms 3.2 (file key), 3.3 (/O), 3.4 (/U) and 3.1 (per-object key).
class Rc4Security {
 public:
  Rc4Security(const Encryption& e, std::string_view file_id) {
    static const char kPad[] =
        "\x28\xBF\x4E\x5E\x4E\x75\x8A\x41\x64\x00\x4E\x56\xFF\xFA\x01\x08"
        "\x2E\x2E\x00\xB6\xD0\x68\x3E\x80\x2F\x0C\xA9\xFE\x64\x53\x69\x7A";
    auto pad = [&](const std::string& pw) { return (pw + std::string(kPad, 32)).substr(0, 32); };
    std::string owner = e.owner_password.empty() ? e.user_password : e.owner_password;
    o_ = Rc4(Md5(pad(owner)).substr(0, 5), pad(e.user_password));
    const char p[4] = {'\xFC', '\xFF', '\xFF', '\xFF'};  // /P -4: every permission
    key_ = Md5(pad(e.user_password) + o_ + std::string(p, 4) + std::string(file_id)).substr(0, 5);
    u_ = Rc4(key_, std::string(kPad, 32));
  }
  std::string Dictionary() const {
    return "<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O " + Hex(o_) + " /U " + Hex(u_) +
           " >>";
  }
  std::string Encrypt(int object, std::string_view data) const {
    std::string k = key_;
    k += static_cast<char>(object & 0xFF);
    k += static_cast<char>((object >> 8) & 0xFF);
    k += static_cast<char>((object >> 16) & 0xFF);
    k += std::string(2, '\0');  // generation 0
    return Rc4(Md5(k).substr(0, 10), data);
  }

 private:
  std::string o_, u_, key_;
};

// A PDF file of `objects` (objects[k] is object k + 1; object 1 the catalog)
// with a correct xref table; `encrypt` is the object number of the /Encrypt
// dictionary, or 0.
inline std::string AssemblePdf(const std::vector<std::string>& objects,
                               const std::string& file_id = "delibex-test-id!", int encrypt = 0) {
  std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<size_t> offsets;
  for (size_t k = 0; k < objects.size(); ++k) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(k + 1) + " 0 obj\n" + objects[k] + "\nendobj\n";
  }
  size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t offset : offsets) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    pdf += entry;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R /ID [" +
         Hex(file_id) + " " + Hex(file_id) + "]";
  if (encrypt != 0) pdf += " /Encrypt " + std::to_string(encrypt) + " 0 R";
  pdf += " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

// A PDF whose page i shows pages[i], one line a string; an empty page has no
// text at all.
inline std::string MakePdf(const std::vector<std::vector<std::string>>& pages,
                           const Encryption* encryption = nullptr) {
  const std::string file_id = "delibex-test-id!";  // 16 bytes
  std::unique_ptr<Rc4Security> security;
  if (encryption) security = std::make_unique<Rc4Security>(*encryption, file_id);

  std::vector<std::string> objects;  // objects[k] is object k + 1
  std::string kids;
  int first_page = 4;
  for (size_t i = 0; i < pages.size(); ++i) {
    kids += std::to_string(first_page + 2 * static_cast<int>(i)) + " 0 R ";
  }
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) +
                    " >>");
  objects.push_back(
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  for (size_t i = 0; i < pages.size(); ++i) {
    int page_object = first_page + 2 * static_cast<int>(i);
    std::string content;
    if (!pages[i].empty()) {
      content = "BT /F1 11 Tf 14 TL 72 770 Td\n";
      for (const std::string& line : pages[i]) content += PdfString(line) + " Tj T*\n";
      content += "ET\n";
    }
    if (security) content = security->Encrypt(page_object + 1, content);
    objects.push_back(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R "
        ">> >> /Contents " +
        std::to_string(page_object + 1) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
                      "\nendstream");
  }
  if (security) objects.push_back(security->Dictionary());

  return AssemblePdf(objects, file_id, security ? static_cast<int>(objects.size()) : 0);
}

}  // namespace testing_pdf
}  // namespace delibex
