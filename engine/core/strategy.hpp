#pragma once
// The interface every strategy implements. A strategy sees both histories (as played, after
// noise) and may draw from the match's random stream; it knows nothing about games' payoffs,
// tournaments or files.
#include <array>
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
};

/// A memory-one rule: probability to cooperate after (own, opponent) last moves CC, CD, DC, DD,
/// and on the first move. Used for exact Markov-chain payoffs.
struct MemoryOneVector {
  std::array<double, 4> p;  // index = 2*own + opponent, with C = 0, D = 1
  double first = 1.0;
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

 protected:
  Strategy() = default;
  Strategy(const Strategy&) = default;
  Strategy& operator=(const Strategy&) = default;
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
