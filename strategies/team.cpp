#include "strategies/team.hpp"

namespace kindest::strategies {

Team::Team(std::vector<std::unique_ptr<Strategy>> members)
    : members_(std::move(members)), proposals_(members_.size()), now_(members_.size()) {}

Team::Team(const Team& other) : proposals_(other.proposals_), now_(other.now_) {
  members_.reserve(other.members_.size());
  for (const auto& m : other.members_) members_.push_back(m->clone());
}

const std::vector<Action>& Team::propose(const History& opponent, const MatchAttributes& attributes,
                                         Stream& rng) {
  for (std::size_t i = 0; i < members_.size(); ++i) {
    if (proposals_[i].empty()) members_[i]->set_match_attributes(attributes);
    now_[i] = members_[i]->move(proposals_[i], opponent, rng);
    proposals_[i].push(now_[i]);
  }
  return now_;
}

}  // namespace kindest::strategies
