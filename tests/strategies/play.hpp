#pragma once
// Pin a strategy's moves against fixed opponents: each token of the result is (own, opponent),
// e.g. "CC CD DC". No noise, no payoffs: just the two move sequences.
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/strategy.hpp"
#include "strategies/registry.hpp"

namespace kindest::testing {

/// Opponent repeating `pattern` forever.
class Cycle final : public StrategyOf<Cycle> {
 public:
  static constexpr StrategyInfo info{.id = "test.Cycle",
                                     .name = "Cycle",
                                     .aliases = "",
                                     .summary = "Test opponent repeating a pattern.",
                                     .cite = "",
                                     .memory_depth = -1,
                                     .stochastic = false};
  explicit Cycle(std::string_view pattern) : pattern_(actions_from_string(pattern)) {}
  Action move(const History& own, const History&, Stream&) override {
    return pattern_[own.size() % pattern_.size()];
  }

 private:
  std::vector<Action> pattern_;
};

/// Opponent playing `moves` in order; asking for more moves than given is a test bug.
class Script final : public StrategyOf<Script> {
 public:
  static constexpr StrategyInfo info{.id = "test.Script",
                                     .name = "Script",
                                     .aliases = "",
                                     .summary = "Test opponent playing a fixed script.",
                                     .cite = "",
                                     .memory_depth = -1,
                                     .stochastic = false};
  explicit Script(std::string_view moves) : moves_(actions_from_string(moves)) {}
  Action move(const History& own, const History&, Stream&) override {
    if (own.size() >= moves_.size()) throw std::logic_error("Script opponent ran out of moves");
    return moves_[own.size()];
  }

 private:
  std::vector<Action> moves_;
};

/// Normalises "CC CD  DC" to "CC CD DC" so expected strings may be spaced freely.
inline std::string Moves(std::string_view tokens) {
  std::string out;
  std::string token;
  auto flush = [&] {
    if (token.empty()) return;
    if (!out.empty()) out.push_back(' ');
    out += token;
    token.clear();
  };
  for (char c : tokens) {
    if (c == ' ')
      flush();
    else
      token.push_back(c);
  }
  flush();
  return out;
}

/// `token` repeated n times, space-separated: Moves(repeat("CD", 11) + "DD").
inline std::string repeat(std::string_view token, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) (out += token) += ' ';
  return out;
}

/// Plays `player` against `opponent` for `turns` turns with a random stream from `seed`, both
/// told `attributes` first (a length longer than `turns` plays the start of a longer match).
inline std::string play_within(const Strategy& player, const Strategy& opponent, int turns,
                               const MatchAttributes& attributes, std::uint64_t seed = 0) {
  auto a = player.clone();
  auto b = opponent.clone();
  a->set_match_attributes(attributes);
  b->set_match_attributes(attributes);
  History ha, hb;
  Stream rng(seed, Purpose::simulation_check, 0, 0, 0);
  std::string out;
  for (int t = 0; t < turns; ++t) {
    const Action ma = a->move(ha, hb, rng);
    const Action mb = b->move(hb, ha, rng);
    ha.push(ma);
    hb.push(mb);
    if (!out.empty()) out.push_back(' ');
    out.push_back(to_char(ma));
    out.push_back(to_char(mb));
  }
  return out;
}

/// As a fixed-length match of `turns` turns (and the Axelrod library's tests): both players are
/// told the length.
inline std::string play(const Strategy& player, const Strategy& opponent, int turns,
                        std::uint64_t seed = 0) {
  return play_within(player, opponent, turns, {.length = turns}, seed);
}

/// The never-played prototype a registry spec such as "MemoryOne(1,0,0,1)" stands for.
inline std::shared_ptr<const Strategy> make(std::string_view spec) {
  return strategies::registry().make_player(spec).prototype;
}

template <class T>
std::string play(const Strategy& opponent, int turns, std::uint64_t seed = 0) {
  return play(T{}, opponent, turns, seed);
}

}  // namespace kindest::testing
