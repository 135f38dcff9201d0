#include "output/scdl_writer.h"

#include <cstdio>
#include <optional>
#include <regex>

namespace delibex {

const std::array<const char*, kScdlColumnCount> kScdlColumns = {
    "COLL_NOM",          "COLL_SIRET",    "DELIB_ID",     "DELIB_DATE", "DELIB_MATIERE_CODE",
    "DELIB_MATIERE_NOM", "DELIB_OBJET",   "BUDGET_ANNEE", "BUDGET_NOM", "PREF_ID",
    "PREF_DATE",         "VOTE_EFFECTIF", "VOTE_REEL",    "VOTE_POUR",  "VOTE_CONTRE",
    "VOTE_ABSTENTION",   "DELIB_URL"};

namespace {

enum Column {
  kCollNom,
  kCollSiret,
  kDelibId,
  kDelibDate,
  kMatiereCode,
  kMatiereNom,
  kObjet,
  kBudgetAnnee,
  kBudgetNom,
  kPrefId,
  kPrefDate,
  kVoteEffectif,
  kVoteReel,
  kVotePour,
  kVoteContre,
  kVoteAbstention,
  kDelibUrl,
};

std::string Collapse(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
    } else {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

std::string Number(const std::optional<int>& n) { return n ? std::to_string(*n) : std::string(); }

// "7.5.1" -> "7.5"; a code of one or two levels as it is.
std::string LevelTwo(const std::string& code) {
  size_t first = code.find('.');
  if (first == std::string::npos) return code;
  size_t second = code.find('.', first + 1);
  return second == std::string::npos ? code : code.substr(0, second);
}

std::string PercentEncode(const std::string& path) {
  static const char* const kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                 c == '-' || c == '_' || c == '.' || c == '~' || c == '/';
    if (plain) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

bool IsDigits(const std::string& s, size_t n) {
  if (s.size() != n) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// A calendar date written YYYY-MM-DD.
bool IsDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  if (!IsDigits(s.substr(0, 4), 4) || !IsDigits(s.substr(5, 2), 2) ||
      !IsDigits(s.substr(8, 2), 2)) {
    return false;
  }
  int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] + (m == 2 && leap);
}

std::optional<long> WholeNumber(const std::string& s) {
  if (s.empty() || s.size() > 9) return std::nullopt;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  return std::stol(s);
}

// The ACTES level-2 codes the schema lists: 1.1-1.7, 2.1-2.3, ...
bool InActesList(const std::string& code) {
  static const int kLast[] = {7, 3, 6, 5, 8, 5, 10, 9, 4};
  size_t dot = code.find('.');
  int major = std::stoi(code.substr(0, dot));
  int minor = std::stoi(code.substr(dot + 1));
  return major >= 1 && major <= 9 && minor >= 1 && minor <= kLast[major - 1];
}

}  // namespace

std::vector<ScdlRow> ScdlRows(const Record& record, const ScdlOptions& options) {
  std::vector<ScdlRow> rows;
  const bool one_act = record.deliberations.size() == 1;
  for (const Act& act : record.deliberations) {
    ScdlRow row;
    // The act's own stamp first; the file's stands for the act of a one-act file,
    // and its receipt date for every act it covers.
    const ActId* act_id = nullptr;
    if (act.prefecture && act.prefecture->act_id) {
      act_id = &*act.prefecture->act_id;
    } else if (one_act && record.prefecture && record.prefecture->act_id) {
      act_id = &*record.prefecture->act_id;
    }
    std::optional<std::string> received;
    if (act.prefecture) {
      received = act.prefecture->received;
    } else if (record.prefecture) {
      received = record.prefecture->received;
    }
    row[kCollNom] = Collapse(record.authority.name.value_or(""));
    row[kCollSiret] = options.coll_siret;
    if (act.number) {
      row[kDelibId] = Collapse(*act.number);
    } else if (act_id) {
      row[kDelibId] = act_id->number;
    }
    if (record.session.date) {
      row[kDelibDate] = *record.session.date;
    } else if (act_id) {
      row[kDelibDate] = act_id->date;
    }
    if (act.matter) {
      row[kMatiereCode] = LevelTwo(act.matter->code);
      row[kMatiereNom] = Collapse(act.matter->label.value_or(""));
    }
    row[kObjet] = Collapse(act.title.value_or(""));
    if (act_id && !act_id->department.empty()) row[kPrefId] = "PREF" + act_id->department;
    row[kPrefDate] = received.value_or("");
    row[kVoteEffectif] = Number(record.attendance.in_office);
    row[kVoteReel] = Number(record.attendance.voters);
    row[kVotePour] = Number(act.vote.votes_for);
    row[kVoteContre] = Number(act.vote.against);
    row[kVoteAbstention] = Number(act.vote.abstention);
    if (!options.url_prefix.empty()) {
      row[kDelibUrl] = options.url_prefix + PercentEncode(record.source.file);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string ScdlHeader() {
  ScdlRow header;
  for (size_t i = 0; i < kScdlColumnCount; ++i) header[i] = kScdlColumns[i];
  return FormatScdlRow(header);
}

std::string FormatScdlRow(const ScdlRow& row) {
  std::string line;
  for (size_t i = 0; i < row.size(); ++i) {
    if (i) line += ',';
    const std::string& v = row[i];
    if (v.find_first_of(",\"\r\n") == std::string::npos) {
      line += v;
      continue;
    }
    line += '"';
    for (char c : v) {
      if (c == '"') line += '"';
      line += c;
    }
    line += '"';
  }
  return line + "\r\n";
}

std::vector<std::string> CheckScdlRow(const ScdlRow& row, const std::string& siren) {
  std::vector<std::string> broken;
  auto col = [](Column c) { return std::string(kScdlColumns[c]); };
  std::string missing;
  size_t n_missing = 0;
  for (Column c : {kCollNom, kCollSiret, kDelibId, kDelibDate, kMatiereCode, kMatiereNom, kObjet}) {
    if (!row[c].empty()) continue;
    missing += (missing.empty() ? "" : ", ") + col(c);
    ++n_missing;
  }
  if (n_missing) {
    broken.push_back(missing + (n_missing == 1 ? " is" : " are") + " required and empty");
  }
  const std::string& siret = row[kCollSiret];
  if (!siret.empty()) {
    if (!IsDigits(siret, 14)) {
      broken.push_back("COLL_SIRET '" + siret + "' is not 14 digits");
    } else if (IsDigits(siren, 9) && siret.compare(0, 9, siren) != 0) {
      broken.push_back("COLL_SIRET '" + siret + "' is not of the authority's SIREN " + siren);
    }
  }
  for (Column c : {kDelibDate, kPrefDate}) {
    if (!row[c].empty() && !IsDate(row[c])) {
      broken.push_back(col(c) + " '" + row[c] + "' is not a date (YYYY-MM-DD)");
    }
  }
  if (IsDate(row[kDelibDate]) && IsDate(row[kPrefDate]) && row[kPrefDate] < row[kDelibDate]) {
    broken.push_back("PREF_DATE " + row[kPrefDate] + " is before DELIB_DATE " + row[kDelibDate]);
  }
  const std::string& code = row[kMatiereCode];
  static const std::regex kCode(R"(^[0-9]\.[0-9]{1,2}$)");
  if (!code.empty()) {
    if (!std::regex_match(code, kCode)) {
      broken.push_back("DELIB_MATIERE_CODE '" + code + "' does not match ^\\d\\.\\d{1,2}$");
    } else if (!InActesList(code)) {
      broken.push_back("DELIB_MATIERE_CODE '" + code + "' is not an ACTES level-2 code");
    }
  }
  static const std::regex kBudgetYear(R"(^[0-9]{4}(/[0-9]{4})?$)");
  if (!row[kBudgetAnnee].empty() && !std::regex_match(row[kBudgetAnnee], kBudgetYear)) {
    broken.push_back("BUDGET_ANNEE '" + row[kBudgetAnnee] + "' is not YYYY or YYYY/YYYY");
  }
  static const std::regex kPrefIdPattern(
      R"(^((PREF|SGAR)[0-9]{2}[0-9AB]|SPREF[0-9]{2}[0-9AB][0-9])$)");
  if (!row[kPrefId].empty() && !std::regex_match(row[kPrefId], kPrefIdPattern)) {
    broken.push_back("PREF_ID '" + row[kPrefId] + "' is not PREFNNN, SPREFNNNM or SGARNNN");
  }
  std::optional<long> counts[kScdlColumnCount];
  for (Column c : {kVoteEffectif, kVoteReel, kVotePour, kVoteContre, kVoteAbstention}) {
    if (row[c].empty()) continue;
    counts[c] = WholeNumber(row[c]);
    if (!counts[c]) broken.push_back(col(c) + " '" + row[c] + "' is not a whole number >= 0");
  }
  if (counts[kVoteReel] && counts[kVoteEffectif] && *counts[kVoteReel] > *counts[kVoteEffectif]) {
    broken.push_back("VOTE_REEL " + row[kVoteReel] + " is more than VOTE_EFFECTIF " +
                     row[kVoteEffectif]);
  }
  long cast = counts[kVotePour].value_or(0) + counts[kVoteContre].value_or(0) +
              counts[kVoteAbstention].value_or(0);
  if (counts[kVoteReel] && cast > *counts[kVoteReel]) {
    broken.push_back("VOTE_POUR + VOTE_CONTRE + VOTE_ABSTENTION (" + std::to_string(cast) +
                     ") is more than VOTE_REEL " + row[kVoteReel]);
  }
  static const std::regex kUri(R"(^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$)");
  if (!row[kDelibUrl].empty() && !std::regex_match(row[kDelibUrl], kUri)) {
    broken.push_back("DELIB_URL '" + row[kDelibUrl] + "' is not an absolute URI");
  }
  return broken;
}

}  // namespace delibex
