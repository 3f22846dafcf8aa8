#include "strategies/fsm.hpp"

#include <map>
#include <optional>
#include <string>

#include "strategies/family_args.hpp"

namespace kindest::strategies {
namespace {

constexpr int kMaxStateLabel = 1'000'000;

}  // namespace

FSM::FSM(std::string_view spec) {
  const FamilyArgs parser(info.id, spec, syntax);
  const auto items = parser.fields(spec, ';');
  if (items.empty()) parser.fail("missing INITIAL_STATE,INITIAL_MOVE");

  // Labels as written -> dense indices, in order of first appearance.
  std::map<int, std::uint32_t> index;
  auto state = [&](std::string_view text) {
    const int label = parser.integer(text, "state", 0, kMaxStateLabel);
    return index.try_emplace(label, static_cast<std::uint32_t>(index.size())).first->second;
  };
  auto one_move = [&](std::string_view text, std::string_view what) {
    return parser.moves(text, what, 1).front();
  };

  const auto head = parser.fields(items[0]);
  if (head.size() != 2)
    parser.fail("'" + std::string(items[0]) + "' should be INITIAL_STATE,INITIAL_MOVE");
  initial_state_ = state(head[0]);
  initial_move_ = one_move(head[1], "INITIAL_MOVE");

  std::vector<std::optional<Transition>> table;
  for (std::size_t i = 1; i < items.size(); ++i) {
    const auto arrow = items[i].find("->");
    const auto from = parser.fields(items[i].substr(0, arrow));
    const auto to = arrow == std::string_view::npos ? std::vector<std::string_view>{}
                                                    : parser.fields(items[i].substr(arrow + 2));
    if (from.size() != 2 || to.size() != 2)
      parser.fail("transition '" + std::string(items[i]) +
                  "' should be STATE,OPP_MOVE->NEXT_STATE,MOVE");
    const std::uint32_t source = state(from[0]);
    const Action seen = one_move(from[1], "OPP_MOVE");
    const Transition t{state(to[0]), one_move(to[1], "MOVE")};
    table.resize(2 * index.size());
    auto& slot = table[2 * source + static_cast<std::size_t>(seen)];
    if (slot)
      parser.fail("two transitions for state " + std::string(from[0]) + " and opponent move " +
                  to_char(seen));
    slot = t;
  }
  table.resize(2 * index.size());
  for (const auto& [label, dense] : index)
    for (Action seen : {Action::C, Action::D})
      if (!table[2 * dense + static_cast<std::size_t>(seen)])
        parser.fail("state " + std::to_string(label) + " has no transition for opponent move " +
                    to_char(seen) + " (add '" + std::to_string(label) + "," + to_char(seen) +
                    "->NEXT_STATE,MOVE')");
  table_.reserve(table.size());
  for (const auto& t : table) table_.push_back(*t);
  state_ = initial_state_;
  last_ = initial_move_;
}

Action FSM::move(const History&, const History& opponent, Stream&) {
  if (opponent.size() < seen_) {  // a new match
    seen_ = 0;
    state_ = initial_state_;
    last_ = initial_move_;
  }
  for (; seen_ < opponent.size(); ++seen_) {
    const Transition& t = table_[2 * state_ + static_cast<std::size_t>(opponent[seen_])];
    state_ = t.next;
    last_ = t.move;
  }
  return last_;
}

}  // namespace kindest::strategies
