#include "engine/reputation/norm.hpp"

#include <charconv>
#include <cmath>
#include <stdexcept>

#include "engine/core/suggest.hpp"

namespace kindest::reputation {

Norm Norm::third_order(std::uint8_t code) noexcept {
  Norm n;
  for (unsigned e = 0; e < 8; ++e) n.p_[e] = (code >> e) & 1u ? 1.0 : 0.0;
  n.cache();
  return n;
}

Norm Norm::stochastic(const std::array<double, 8>& probability_good) {
  for (unsigned e = 0; e < 8; ++e) {
    const double p = probability_good[e];
    if (!(p >= 0.0 && p <= 1.0))
      throw std::invalid_argument("norm entry " + std::to_string(e) + " has probability of G " +
                                  std::to_string(p) + ", outside [0, 1]");
  }
  Norm n;
  n.p_ = probability_good;
  n.cache();
  return n;
}

bool Norm::deterministic() const noexcept {
  for (double p : p_)
    if (p != 0.0 && p != 1.0) return false;
  return true;
}

void Norm::cache() noexcept {
  unsigned c = 0;
  for (unsigned e = 0; e < 8; ++e) c |= (p_[e] >= 0.5 ? 1u : 0u) << e;
  code_ = static_cast<std::uint8_t>(c);
  deterministic_ = deterministic();
}

bool Norm::is_second_order() const noexcept {
  for (unsigned e = 0; e < 4; ++e)
    if (p_[e] != p_[e + 4]) return false;
  return true;
}

namespace {

// The leading eight (Ohtsuki & Iwasa 2004, 2006): common entries GG-C->G, GG-D->B, GB-D->G,
// BG-C->G, BG-D->B; then GB-C, BB-C, BB-D per norm; action GG->C, GB->D, BG->C and BB per norm.
struct LeadingEight {
  bool gb_c, bb_c, bb_d, act_bb;
};
constexpr std::array<LeadingEight, 8> leading_eight{{
    {true, true, false, true},     // L1
    {false, true, false, true},    // L2 Consistent Standing
    {true, true, true, false},     // L3 Simple Standing
    {true, false, true, false},    // L4
    {false, true, true, false},    // L5
    {false, false, true, false},   // L6 Stern Judging
    {true, false, false, false},   // L7 Staying
    {false, false, false, false},  // L8 Judging
}};

std::uint8_t leading_norm_code(const LeadingEight& l) {
  unsigned c = 0;
  const auto set = [&c](bool d, bool r, bool a, bool g) {
    c |= (g ? 1u : 0u) << norm_entry(d, r, a);
  };
  set(true, true, true, true);     // GG-C -> G
  set(true, true, false, false);   // GG-D -> B
  set(true, false, false, true);   // GB-D -> G
  set(false, true, true, true);    // BG-C -> G
  set(false, true, false, false);  // BG-D -> B
  set(true, false, true, l.gb_c);
  set(false, false, true, l.bb_c);
  set(false, false, false, l.bb_d);
  return static_cast<std::uint8_t>(c);
}

std::uint8_t leading_action_code(const LeadingEight& l) {
  unsigned c = 0;
  c |= 1u << action_entry(true, true);                      // GG -> C
  c |= 1u << action_entry(false, true);                     // BG -> C
  c |= (l.act_bb ? 1u : 0u) << action_entry(false, false);  // BB per norm; GB -> D
  return static_cast<std::uint8_t>(c);
}

std::vector<NormInfo> build_catalogue() {
  std::vector<NormInfo> rows;
  const std::string oi = "Ohtsuki & Iwasa 2004, J Theor Biol 231:107; 2006, 239:435";
  rows.push_back({"ImageScoring", "Scoring", 2, 10, third_order_code(10), -1,
                  "Nowak & Sigmund 1998, Nature 393:573",
                  "G iff the donor cooperated, whoever the recipient"});
  rows.push_back({"SimpleStanding", "Standing", 2, 11, third_order_code(11), -1,
                  "Sugden 1986; Ohtsuki & Iwasa 2004 (L3)",
                  "G unless the donor defected against a G recipient"});
  rows.push_back({"SternJudging", "Stern", 2, 9, third_order_code(9), -1,
                  "Pacheco, Santos & Chalub 2006, PLoS Comput Biol 2:e178 (L6)",
                  "G iff the donor cooperated with a G or defected against a B recipient"});
  rows.push_back({"Shunning", "", 2, 8, third_order_code(8), -1,
                  "Radzvilavicius, Stewart & Plotkin 2019, eLife 8:e44269",
                  "G iff the donor cooperated with a G recipient"});
  const char* names[8] = {"", "ConsistentStanding", "SimpleStanding", "",
                          "", "SternJudging",       "Staying",        "Judging"};
  for (unsigned i = 0; i < 8; ++i) {
    const auto code = leading_norm_code(leading_eight[i]);
    const std::string id = "L" + std::to_string(i + 1);
    const bool second = (code & 15u) == (code >> 4);
    rows.push_back({id, names[i], second ? 2 : 3,
                    second ? static_cast<std::uint8_t>(code & 15u) : code, code,
                    leading_action_code(leading_eight[i]), oi,
                    std::string("leading-eight norm ") + id +
                        (names[i][0] ? std::string(" (") + names[i] + ")" : std::string()) +
                        " with its own action rule"});
  }
  return rows;
}

std::vector<std::string> catalogue_names() {
  std::vector<std::string> names;
  for (const auto& row : norm_catalogue()) {
    names.push_back(row.name);
    std::size_t start = 0;
    while (start < row.aliases.size()) {
      const auto end = row.aliases.find(',', start);
      names.push_back(row.aliases.substr(start, end == std::string::npos ? end : end - start));
      if (end == std::string::npos) break;
      start = end + 1;
    }
  }
  return names;
}

bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char ch) { return ch >= 'A' && ch <= 'Z' ? char(ch - 'A' + 'a') : ch; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

unsigned parse_code(std::string_view digits, unsigned max, std::string_view text) {
  unsigned value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc{} || end != digits.data() + digits.size() || value > max)
    throw std::invalid_argument("norm '" + std::string(text) + "': code '" + std::string(digits) +
                                "' is not an integer in [0, " + std::to_string(max) + "]");
  return value;
}

}  // namespace

const std::vector<NormInfo>& norm_catalogue() {
  static const std::vector<NormInfo> rows = build_catalogue();
  return rows;
}

const NormInfo& find_norm(std::string_view name) {
  // SimpleStanding and SternJudging name both a second-order norm and L3 / L6, which are the
  // same assessment rule; the first row (the second-order one) wins, so "SternJudging" is the
  // norm and "L6" adds the action rule.
  for (const auto& row : norm_catalogue()) {
    if (same_name(row.name, name)) return row;
  }
  for (const auto& row : norm_catalogue()) {
    std::size_t start = 0;
    while (start <= row.aliases.size() && !row.aliases.empty()) {
      const auto end = row.aliases.find(',', start);
      const auto alias =
          std::string_view(row.aliases)
              .substr(start, end == std::string::npos ? std::string::npos : end - start);
      if (same_name(alias, name)) return row;
      if (end == std::string::npos) break;
      start = end + 1;
    }
  }
  throw std::invalid_argument(
      "unknown norm '" + std::string(name) + "'" + did_you_mean(name, catalogue_names()) +
      "; known: ImageScoring, SimpleStanding, SternJudging, Shunning, L1..L8, second:<0..15>, "
      "third:<0..255>, stochastic:<8 probabilities>");
}

Norm parse_norm(std::string_view text) {
  const auto colon = text.find(':');
  if (colon != std::string_view::npos) {
    const auto kind = text.substr(0, colon);
    const auto rest = text.substr(colon + 1);
    if (same_name(kind, "second"))
      return Norm::second_order(static_cast<std::uint8_t>(parse_code(rest, 15, text)));
    if (same_name(kind, "third"))
      return Norm::third_order(static_cast<std::uint8_t>(parse_code(rest, 255, text)));
    if (same_name(kind, "stochastic")) {
      std::array<double, 8> p{};
      std::size_t start = 0;
      for (unsigned e = 0; e < 8; ++e) {
        const auto end = rest.find(',', start);
        auto item = rest.substr(
            start, end == std::string_view::npos ? std::string_view::npos : end - start);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
        const auto [ptr, ec] = std::from_chars(item.data(), item.data() + item.size(), p[e]);
        if (item.empty() || ec != std::errc{} || ptr != item.data() + item.size() ||
            (e < 7 && end == std::string_view::npos) || (e == 7 && end != std::string_view::npos))
          throw std::invalid_argument("norm '" + std::string(text) +
                                      "': a stochastic norm needs 8 comma-separated "
                                      "probabilities of G in [0, 1], by entry 4d + 2r + a");
        start = end + 1;
      }
      return Norm::stochastic(p);
    }
    throw std::invalid_argument("norm '" + std::string(text) + "': unknown kind '" +
                                std::string(kind) + "' (second, third or stochastic)");
  }
  return Norm::third_order(find_norm(text).third_order_code);
}

std::string norm_table(const Norm& norm) {
  std::string s(8, 'B');
  for (unsigned e = 0; e < 8; ++e)
    if (norm.probability_good(e) >= 0.5) s[e] = 'G';
  return s;
}

}  // namespace kindest::reputation
