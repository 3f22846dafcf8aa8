#pragma once
// Social norms (assessment rules) and action rules of indirect reciprocity, by integer code.
//
// Bit order -- the one place it is defined. Reputations and actions are bits: G = 1, B = 0,
// C = 1, D = 0.
//   third-order norm  (donor rep d, recipient rep r, action a) -> G/B: entry index 4d + 2r + a,
//                     code = sum over the 8 entries of verdict << index, 0..255;
//   second-order norm (recipient rep r, action a) -> G/B: entry index 2r + a, code 0..15. It
//                     embeds in the third-order norm code2 | code2 << 4 (same verdict whatever
//                     the donor's reputation);
//   action rule       (own rep o, recipient rep r) -> C/D: entry index 2o + r, code 0..15.
// So Image Scoring is 0b1010 = 10 (G iff C), Stern Judging 0b1001 = 9, ALLC's rule 15, DISC's 10.
//
// Every norm is stored as third-order. A stochastic norm gives each entry a probability of G;
// a deterministic norm is the special case with every probability 0 or 1 (and then no random
// number is ever drawn for it).
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kindest::reputation {

/// Index of a third-order entry: 4 * donor + 2 * recipient + action (each 0 or 1).
constexpr unsigned norm_entry(bool donor_good, bool recipient_good, bool cooperated) noexcept {
  return 4u * donor_good + 2u * recipient_good + 1u * cooperated;
}
/// Index of an action-rule entry: 2 * own + recipient.
constexpr unsigned action_entry(bool own_good, bool recipient_good) noexcept {
  return 2u * own_good + 1u * recipient_good;
}

/// The third-order code of a second-order code (0..15): donor-independent.
constexpr std::uint8_t third_order_code(std::uint8_t second_order) noexcept {
  return static_cast<std::uint8_t>((second_order & 15u) | (second_order & 15u) << 4);
}

/// An assessment rule: the probability that the observer assigns G to the donor, per entry.
class Norm {
 public:
  /// The deterministic third-order norm with this code (0..255).
  static Norm third_order(std::uint8_t code) noexcept;
  /// The deterministic second-order norm with this code (0..15, higher bits ignored).
  static Norm second_order(std::uint8_t code) noexcept {
    return third_order(third_order_code(code));
  }
  /// A stochastic norm: probabilities of G indexed by norm_entry(). Throws std::invalid_argument
  /// naming the entry unless each lies in [0, 1].
  static Norm stochastic(const std::array<double, 8>& probability_good);

  double probability_good(unsigned entry) const noexcept { return p_[entry]; }
  bool deterministic() const noexcept;
  /// deterministic(), kept from construction, for inner loops.
  bool deterministic_cached() const noexcept { return deterministic_; }
  /// Verdict of a deterministic norm (entries with probability >= 0.5 count as G for a
  /// stochastic one; use probability_good() for those).
  bool good(bool donor_good, bool recipient_good, bool cooperated) const noexcept {
    return p_[norm_entry(donor_good, recipient_good, cooperated)] >= 0.5;
  }
  /// The third-order code (of a deterministic norm).
  std::uint8_t code() const noexcept { return code_; }
  /// True when the verdict never depends on the donor's reputation.
  bool is_second_order() const noexcept;

  friend bool operator==(const Norm& a, const Norm& b) noexcept { return a.p_ == b.p_; }

 private:
  void cache() noexcept;
  std::array<double, 8> p_{};
  std::uint8_t code_ = 0;
  bool deterministic_ = true;
};

/// A deterministic action rule: cooperate or defect given the donor's own reputation and the
/// recipient's, both in the donor's eyes.
struct ActionRule {
  std::uint8_t code = 0;  // 0..15, bit action_entry(own, recipient) = 1 means C
  bool cooperates(bool own_good, bool recipient_good) const noexcept {
    return (code >> action_entry(own_good, recipient_good)) & 1u;
  }
  friend bool operator==(const ActionRule&, const ActionRule&) = default;
};

inline constexpr std::uint8_t always_cooperate_rule = 15;  // ALLC
inline constexpr std::uint8_t always_defect_rule = 0;      // ALLD
inline constexpr std::uint8_t discriminate_rule = 10;      // DISC: C iff the recipient is G

/// One row of the catalogue of named norms.
struct NormInfo {
  std::string name;     // "SternJudging"
  std::string aliases;  // "L6", comma separated, may be empty
  int order;            // 2 or 3
  std::uint8_t code;    // in its own order's numbering
  std::uint8_t third_order_code;
  int action_rule;     // the action rule that goes with it (leading eight), or -1
  std::string source;  // "Ohtsuki & Iwasa 2004, JTB 231:107"
  std::string summary;
};

/// Every named norm: ImageScoring, SimpleStanding, SternJudging, Shunning, L1..L8.
const std::vector<NormInfo>& norm_catalogue();

/// Resolves a norm by name (case-insensitive, aliases included), "second:<0..15>",
/// "third:<0..255>", or "stochastic:p0,p1,...,p7" (probabilities of G by norm_entry).
/// Throws std::invalid_argument with a "did you mean" hint for unknown names and the allowed
/// range for codes out of range.
Norm parse_norm(std::string_view text);

/// The catalogue row of a name or alias; throws as parse_norm does when unknown.
const NormInfo& find_norm(std::string_view name);

/// "ABCD"-style table of a deterministic third-order norm for messages and listings:
/// the eight verdicts in entry order 0..7, e.g. "BGBGBGBG" for Image Scoring.
std::string norm_table(const Norm& norm);

}  // namespace kindest::reputation
