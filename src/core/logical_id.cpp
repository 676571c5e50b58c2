#include "opsynth/core/logical_id.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string_view>

// MD5's own functions, deprecated in OpenSSL 3 in favour of EVP. EVP's first use builds the
// default provider's method tables, a tenth of a default synth's whole run (issue 8); MD5_*
// hash directly. The digest is the same, and logical IDs are pinned by tests.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/md5.h>

namespace opsynth {
namespace {

constexpr std::string_view kHiddenId = "Default";
constexpr std::string_view kHiddenFromHumanId = "Resource";
constexpr std::size_t kHashLength = 8;
constexpr std::size_t kMaxHumanLength = 240;
constexpr std::size_t kMaxIdLength = 255;

bool is_alphanumeric(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

std::string remove_non_alphanumeric(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (is_alphanumeric(c)) out += c;
  return out;
}

std::string md5_hex_upper_prefix(std::string_view data, std::size_t n) {
  std::array<unsigned char, MD5_DIGEST_LENGTH> digest{};
  MD5_CTX ctx;
  if (MD5_Init(&ctx) != 1 || MD5_Update(&ctx, data.data(), data.size()) != 1 || MD5_Final(digest.data(), &ctx) != 1)
    throw std::runtime_error("MD5 digest failed");
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (std::size_t i = 0; i < digest.size() && out.size() < n; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 0xF];
  }
  out.resize(n);
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::string make_unique_id(std::vector<std::string_view> components) {
  std::erase(components, kHiddenId);
  if (components.empty()) throw std::invalid_argument("cannot make a logical id from an empty path");
  if (components.size() == 1) {
    auto candidate = remove_non_alphanumeric(components[0]);
    if (candidate.size() <= kMaxIdLength) return candidate;
  }
  std::string joined;
  for (std::size_t i = 0; i < components.size(); ++i) {
    if (i) joined += '/';
    joined += components[i];
  }
  // Drop a component when the previous kept one ends with it (aws-cdk-lib's removeDupes).
  std::vector<std::string_view> kept;
  for (std::string_view c : components)
    if (kept.empty() || !ends_with(kept.back(), c)) kept.push_back(c);
  std::string human;
  for (auto c : kept)
    if (c != kHiddenFromHumanId) human += remove_non_alphanumeric(c);
  if (human.size() > kMaxHumanLength) human.resize(kMaxHumanLength);
  return human + md5_hex_upper_prefix(joined, kHashLength);
}

bool is_valid_logical_id(std::string_view id) {
  return !id.empty() && id.size() <= kMaxIdLength && std::all_of(id.begin(), id.end(), is_alphanumeric);
}

namespace {
// Primary weight of each byte in ICU's root collation, for ASCII: whitespace and punctuation, then
// symbols, then digits, then letters (case-insensitive); other bytes after them, by value. A table:
// tag keys are compared for every tagged resource (finding each byte in the order string was a
// linear scan per byte).
constexpr std::array<int, 256> kPrimaryWeight = [] {
  constexpr std::string_view kOrder =
      "\t\n\r _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789aAbBcCdDeEfFgGhHiIjJkKlLmMnNoOpPqQrRsStTuUvVwWxXyYzZ";
  std::array<int, 256> table{};
  for (int c = 0; c < 256; ++c) {
    int folded = c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
    auto pos = kOrder.find(static_cast<char>(folded));
    table[c] = pos == std::string_view::npos ? 1000 + c : static_cast<int>(pos);
  }
  return table;
}();

int primary_weight(unsigned char c) { return kPrimaryWeight[c]; }
}  // namespace

bool locale_less(const std::string& a, const std::string& b) {
  std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    int wa = primary_weight(static_cast<unsigned char>(a[i]));
    int wb = primary_weight(static_cast<unsigned char>(b[i]));
    if (wa != wb) return wa < wb;
  }
  if (a.size() != b.size()) return a.size() < b.size();
  // Tertiary difference: lower case sorts before upper case.
  for (std::size_t i = 0; i < n; ++i) {
    bool la = a[i] >= 'a' && a[i] <= 'z';
    bool lb = b[i] >= 'a' && b[i] <= 'z';
    if (a[i] != b[i] && la != lb) return la;
  }
  return false;
}

}  // namespace opsynth
