#include "strategies/second_by_yamachi.hpp"

namespace kindest::strategies {
namespace {
std::size_t index(Action them, Action us, Action them_next) {
  return 4 * static_cast<std::size_t>(them) + 2 * static_cast<std::size_t>(us) +
         static_cast<std::size_t>(them_next);
}
}  // namespace

Action SecondByYamachi::chosen(Action wanted, const History& opponent, std::size_t turn) {
  intended_.push_back(wanted);
  if (turn > 40) {
    const double defect_share =
        (static_cast<double>(opponent.defections()) + 0.5) / static_cast<double>(turn);
    if (defect_share > 0.45 && defect_share < 0.55) return Action::D;
  }
  return wanted;
}

Action SecondByYamachi::move(const History& own, const History& opponent, Stream&) {
  const std::size_t turn = own.size() + 1;
  if (turn == 1) return chosen(Action::C, opponent, turn);
  const std::size_t n = intended_.size();
  const Action us_last = intended_[n - 1];
  // Moves before the match count as C.
  const Action them_two_ago = turn >= 3 ? opponent.back(2) : Action::C;
  const Action us_two_ago = turn >= 3 ? intended_[n - 2] : Action::C;
  const Action them_three_ago = turn >= 4 ? opponent.back(3) : Action::C;
  if (turn >= 3) ++counts_[index(them_three_ago, us_two_ago, them_two_ago)];
  const bool expect_c = counts_[index(them_two_ago, us_last, Action::C)] >=
                        counts_[index(them_two_ago, us_last, Action::D)];
  return chosen(expect_c ? Action::C : Action::D, opponent, turn);
}

}  // namespace kindest::strategies
