#pragma once
// The interface every strategy implements. A strategy sees both histories (as played, after
// noise), what the match tells it before the first move (its length when known, the game's
// payoffs), and may draw from the match's random stream; it knows nothing about tournaments,
// populations or files.
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "engine/core/action.hpp"
#include "engine/core/history.hpp"
#include "engine/random/streams.hpp"

namespace kindest {

/// What a strategy is, for listings, docs and the registry contract test.
struct StrategyInfo {
  std::string_view id;       // registry id, Axelrod-library spelling where it has the rule
  std::string_view name;     // human name
  std::string_view aliases;  // comma-separated alternative ids (may be empty)
  std::string_view summary;  // one line
  std::string_view cite;     // key into docs/bibliography.md
  int memory_depth;          // turns of history used; -1 = unbounded
  bool stochastic;           // draws from the random stream
  // What the match tells it (MatchAttributes) that it reads: the number of turns (e.g. to
  // defect at the end) and the game's payoffs (e.g. to keep score). A strategy that reads
  // neither plays the same moves whatever it is told; the registry contract test checks both.
  bool uses_length = false;
  bool uses_game = false;
};

/// A memory-one rule: probability to cooperate after (own, opponent) last moves CC, CD, DC, DD,
/// and on the first move. Used for exact Markov-chain payoffs.
struct MemoryOneVector {
  std::array<double, 4> p;  // index = 2*own + opponent, with C = 0, D = 1
  double first = 1.0;
};

/// What a match tells its players before the first move, as the Axelrod library's
/// `match_attributes` do: the number of turns when it is fixed (unknown in a match of random
/// length, where the library says infinity), and the game's payoffs. Entrants of Axelrod's
/// tournaments were told both, and some use them (e.g. defecting on the last two moves).
struct MatchAttributes {
  std::optional<std::int64_t> length;            // turns in the match; nothing = unknown
  std::array<double, 4> payoffs = {3, 0, 5, 1};  // {R, S, T, P}, index = 2*own + opponent

  /// Payoff to a player who plays `own` against `opponent`.
  double payoff(Action own, Action opponent) const noexcept {
    return payoffs[2 * static_cast<std::size_t>(own) + static_cast<std::size_t>(opponent)];
  }
};

class Strategy {
 public:
  virtual ~Strategy() = default;
  virtual const StrategyInfo& info() const noexcept = 0;
  /// The next intended move. `own` and `opponent` hold the moves as played so far.
  virtual Action move(const History& own, const History& opponent, Stream& rng) = 0;
  /// A fresh copy in the same state; tournaments clone a never-played prototype per match.
  virtual std::unique_ptr<Strategy> clone() const = 0;
  /// The memory-one vector when this strategy is exactly a memory-one rule, else nothing.
  virtual std::optional<MemoryOneVector> memory_one() const { return std::nullopt; }

  /// Called by the match before the first move. Until then a strategy plays as in a match of
  /// unknown length with the default game (3, 0, 5, 1).
  void set_match_attributes(const MatchAttributes& attributes) noexcept { match_ = attributes; }
  const MatchAttributes& match_attributes() const noexcept { return match_; }

 protected:
  Strategy() = default;
  Strategy(const Strategy&) = default;
  Strategy& operator=(const Strategy&) = default;

  /// Turns left after the one about to be played, when the length is known; nothing otherwise.
  /// With `own` the history so far, the coming move is number own.size() + 1.
  std::optional<std::int64_t> turns_after_this(const History& own) const noexcept {
    if (!match_.length) return std::nullopt;
    return *match_.length - static_cast<std::int64_t>(own.size()) - 1;
  }
  /// True when the coming move is one of the last `k` of a match of known length (the Axelrod
  /// library's FinalTransformer: moves past the announced length are not "last").
  bool among_last_moves(const History& own, std::int64_t k) const noexcept {
    const auto after = turns_after_this(own);
    return after && *after >= 0 && *after < k;
  }

 private:
  MatchAttributes match_;
};

/// CRTP base giving clone() and info() from `static constexpr StrategyInfo info` in Derived.
/// A named instance of a family derives from the family instead: StrategyOf<CyclerCCD, Cycler>.
template <class Derived, class Base = Strategy>
class StrategyOf : public Base {
 public:
  using Base::Base;
  const StrategyInfo& info() const noexcept override { return Derived::info; }
  std::unique_ptr<Strategy> clone() const override {
    return std::make_unique<Derived>(static_cast<const Derived&>(*this));
  }
};

}  // namespace kindest

namespace kindest {

/// One entrant: the name shown in tables and files, and a never-played prototype to clone.
struct Player {
  std::string name;
  std::shared_ptr<const Strategy> prototype;
};

}  // namespace kindest
