#pragma once
// The members a meta player consults each turn (the Axelrod library's MetaPlayer team).
#include <memory>
#include <utility>
#include <vector>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Strategies asked for a move every turn, each playing as if its own proposals had been played:
/// a member's own history is what it proposed, the opponent's is the real one (as the library's
/// MetaPlayer updates its team). Members are told the match's attributes before their first
/// move. Copying a team copies every member in its current state.
class Team {
 public:
  explicit Team(std::vector<std::unique_ptr<Strategy>> members);
  Team(const Team& other);
  Team(Team&&) noexcept = default;
  Team& operator=(const Team&) = delete;

  std::size_t size() const noexcept { return members_.size(); }
  /// What member i proposed so far, one move per turn.
  const History& proposals(std::size_t i) const noexcept { return proposals_[i]; }
  /// Every member's move this turn (call once per turn); appended to its proposals.
  const std::vector<Action>& propose(const History& opponent, const MatchAttributes& attributes,
                                     Stream& rng);

 private:
  std::vector<std::unique_ptr<Strategy>> members_;
  std::vector<History> proposals_;
  std::vector<Action> now_;
};

/// A team of default-constructed members of the given types.
template <class... Members>
Team team_of() {
  std::vector<std::unique_ptr<Strategy>> members;
  (members.push_back(std::make_unique<Members>()), ...);
  return Team(std::move(members));
}

}  // namespace kindest::strategies
