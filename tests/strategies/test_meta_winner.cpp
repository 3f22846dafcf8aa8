// Meta Winner: the rule on small hand-checked teams, and MetaWinnerDeterministic's team and
// moves (recorded from the Axelrod library v4.13.0, which Kindest follows; the full 200-turn
// comparison is test_axelrod_matches.cpp). Tokens are (own, opponent).
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "strategies/alternator.hpp"
#include "strategies/cooperator.hpp"
#include "strategies/defector.hpp"
#include "strategies/meta_winner.hpp"
#include "strategies/play.hpp"
#include "strategies/tit_for_tat_variants.hpp"

using namespace kindest::testing;
using namespace kindest::strategies;
using kindest::StrategyInfo;

namespace {

template <class... Members>
class SmallTeam final : public kindest::StrategyOf<SmallTeam<Members...>, MetaWinner> {
 public:
  static constexpr StrategyInfo info{.id = "test.SmallTeam",
                                     .name = "SmallTeam",
                                     .aliases = "",
                                     .summary = "Meta Winner on a given team.",
                                     .cite = "",
                                     .memory_depth = -1,
                                     .stochastic = false};
  SmallTeam() : kindest::StrategyOf<SmallTeam<Members...>, MetaWinner>(team_of<Members...>()) {}
};

}  // namespace

TEST_CASE("meta_winner: follows the best-scoring member", "[strategy][meta_winner]") {
  // Move 1 all tie at 0 and Cooperator proposes C; from move 2 Defector leads (5 > 3).
  CHECK(play<SmallTeam<Cooperator, Defector>>(Cycle("C"), 4) == Moves("CC DC DC DC"));
  // Against tit for tat: Defector 5 vs 3, then 10 vs 6, 11 vs 6: D throughout after move 1.
  CHECK(play<SmallTeam<Cooperator, Defector>>(*make("TitForTat"), 4) == Moves("CC DC DD DD"));
}

TEST_CASE("meta_winner: members play on their own proposals", "[strategy][meta_winner]") {
  // Alternator and Cooperator against ALLC: tied at 3 on move 2 (C wins the tie); then the
  // Alternator leads (3 + 5 against 6) and proposes C after its own D -- on the team's
  // histories. Had it seen the meta player's real moves (C, C) it would propose D on move 3.
  CHECK(play<SmallTeam<Alternator, Cooperator>>(Cycle("C"), 4) == Moves("CC CC CC DC"));
}

TEST_CASE("meta_winner: members are told the match's length", "[strategy][meta_winner]") {
  // A one-member team of Alexei (tit for tat, D on the last move).
  CHECK(play<SmallTeam<Alexei>>(Cycle("C"), 5) == Moves("CC CC CC CC DC"));
}

TEST_CASE("meta_winner: MetaWinnerDeterministic's team is the library's",
          "[strategy][meta_winner]") {
  const auto team = MetaWinnerDeterministic::team();
  CHECK(team.size() == 149);
  std::set<std::string> ids;
  for (const auto id : team) {
    INFO(id);
    const auto member = make(id);
    CHECK(member->info().id == id);
    CHECK(!member->info().stochastic);
    CHECK(std::string(id).substr(0, 4) != "Meta");
    ids.insert(std::string(id));
  }
  CHECK(ids.size() == team.size());
}

TEST_CASE("meta_winner: MetaWinnerDeterministic against fixed opponents",
          "[strategy][meta_winner]") {
  CHECK(play<MetaWinnerDeterministic>(Cycle("C"), 10) == Moves("CC CC CC CC DC CC DC DC DC DC"));
  CHECK(play<MetaWinnerDeterministic>(Cycle("D"), 10) == Moves("CD CD CD CD DD CD DD DD DD DD"));
  CHECK(play<MetaWinnerDeterministic>(Cycle("CD"), 10) == Moves("CC CD CC DD DC CD DC DD DC DD"));
}
