#pragma once
// The moves one player has made in the current match, as actually played (after execution
// noise), with running counts so strategies that look at totals stay O(1) per move.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/core/action.hpp"

namespace kindest {

class History {
 public:
  History() { moves_.reserve(256); }

  std::size_t size() const noexcept { return moves_.size(); }
  bool empty() const noexcept { return moves_.empty(); }
  Action operator[](std::size_t turn) const noexcept { return moves_[turn]; }
  /// The move `k` turns ago: back(1) is the last move. Requires 1 <= k <= size().
  Action back(std::size_t k = 1) const noexcept { return moves_[moves_.size() - k]; }
  std::int64_t cooperations() const noexcept { return cooperations_; }
  std::int64_t defections() const noexcept {
    return static_cast<std::int64_t>(moves_.size()) - cooperations_;
  }
  const std::vector<Action>& moves() const noexcept { return moves_; }

  void push(Action a) {
    moves_.push_back(a);
    cooperations_ += (a == Action::C);
  }
  void clear() noexcept {
    moves_.clear();
    cooperations_ = 0;
  }

 private:
  std::vector<Action> moves_;
  std::int64_t cooperations_ = 0;
};

}  // namespace kindest
