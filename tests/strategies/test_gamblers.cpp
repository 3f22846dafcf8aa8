// Gamblers play the published probabilities at the published keys: the entries below are
// typed from the Axelrod library's lookup dictionaries, spelt as its keys (own last moves,
// opponent's last moves, opponent's first moves, each oldest first), not by table index, so
// they check the index order too.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "engine/core/errors.hpp"
#include "strategies/frequency.hpp"
#include "strategies/gamblers.hpp"
#include "strategies/play.hpp"
#include "strategies/random.hpp"

using namespace kindest;
using namespace kindest::testing;
using namespace kindest::strategies;

namespace {

struct Entry {
  const char* key;  // "own opponent openings", e.g. "CC DC CD"
  double p;
};

// Asks `s` for its move after every possible key, 2000 times each (a fresh copy each time, so
// the histories handed to it are all it knows): listed keys cooperate at their probability
// (within 4 standard errors), all others play one move every time (probability 0 or 1). In
// play, the first max(depth) moves are C.
void check_gambler(const Strategy& s, int n_own, int n_opp, int n_open,
                   const std::vector<Entry>& fractional) {
  INFO(s.info().id);
  const int depth = std::max({n_own, n_opp, n_open});
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    const std::string m = play(s, Random{}, 10, seed);
    for (int t = 0; t < depth; ++t) CHECK(m[3 * static_cast<std::size_t>(t)] == 'C');
  }
  std::map<std::string, double> listed;
  for (const auto& e : fractional) listed[e.key] = e.p;
  std::size_t found = 0;
  Stream rng(11, Purpose::simulation_check, 0);
  const int bits = n_own + n_opp + n_open;
  for (int code = 0; code < (1 << bits); ++code) {
    auto move_at = [&](int bit) { return (code >> (bits - 1 - bit)) & 1 ? 'D' : 'C'; };
    std::string own_part, opp_part, open_part;
    for (int i = 0; i < n_own; ++i) own_part.push_back(move_at(i));
    for (int i = 0; i < n_opp; ++i) opp_part.push_back(move_at(n_own + i));
    for (int i = 0; i < n_open; ++i) open_part.push_back(move_at(n_own + n_opp + i));
    // The opponent opened with open_part and last played opp_part; own moves before the
    // last n_own are C.
    const std::string opponent = open_part + opp_part;
    const std::string own = std::string(opponent.size() - own_part.size(), 'C') + own_part;
    std::string key = own_part + " " + opp_part;
    if (n_open > 0) key += " " + open_part;
    History own_history, opponent_history;
    for (const char c : own) own_history.push(c == 'C' ? Action::C : Action::D);
    for (const char c : opponent) opponent_history.push(c == 'C' ? Action::C : Action::D);
    long cooperations = 0;
    for (int draw = 0; draw < 2000; ++draw)
      cooperations += s.clone()->move(own_history, opponent_history, rng) == Action::C;
    INFO("key '" << key << "': " << cooperations << " C in 2000");
    const auto at = listed.find(key);
    if (at == listed.end()) {
      CHECK((cooperations == 0 || cooperations == 2000));
      continue;
    }
    ++found;
    CHECK(within_4_se({static_cast<double>(cooperations) / 2000, 2000}, at->second));
  }
  CHECK(found == listed.size());
}

}  // namespace

TEST_CASE("gamblers: PSOGamblerMem1", "[strategy][gamblers]") {
  check_gambler(PSOGamblerMem1{}, 1, 1, 0, {{"C D", 0.52173487}, {"D D", 0.12050939}});
  const auto v = PSOGamblerMem1{}.memory_one();
  REQUIRE(v);
  CHECK(v->p == std::array<double, 4>{1, 0.52173487, 0, 0.12050939});
}

TEST_CASE("gamblers: PSOGambler1_1_1", "[strategy][gamblers]") {
  check_gambler(
      PSOGambler1_1_1{}, 1, 1, 1,
      {{"C D C", 0.12304797}, {"C D D", 0.57740178}, {"D D C", 0.13581423}, {"D D D", 0.11886807}});
}

TEST_CASE("gamblers: PSOGambler2_2_2", "[strategy][gamblers]") {
  check_gambler(PSOGambler2_2_2{}, 2, 2, 2,
                {{"CC CD CD", 0.95280465},
                 {"CC DC CD", 0.80897541},
                 {"CC DD CC", 0.02126434},
                 {"CC DD DC", 0.43278586},
                 {"CD CC DD", 0.15140743},
                 {"CD DC DC", 0.23563137},
                 {"CD DD CD", 0.65147565},
                 {"DC CC CD", 0.15412392},
                 {"DC CD CD", 0.24922166},
                 {"DC DC DC", 0.00227615},
                 {"DD DC DD", 0.77344942},
                 {"DD DD CD", 0.24523149}});
}

TEST_CASE("gamblers: PSOGambler2_2_2_Noise05", "[strategy][gamblers]") {
  check_gambler(PSOGambler2_2_2_Noise05{}, 2, 2, 2,
                {{"CC CD DC", 0.98603825},
                 {"CC DC DD", 0.16240799},
                 {"CC DD CC", 0.63548102},
                 {"CD CD CD", 0.13863175},
                 {"CD CD DC", 0.06434619},
                 {"CD DD CD", 0.7724137},
                 {"DC CD DC", 0.50999729},
                 {"DC DC DC", 0.00524508},
                 {"DC DC DD", 0.87463905},
                 {"DC DD CD", 0.07127653},
                 {"DD DC CD", 0.28124022}});
}

TEST_CASE("gamblers: ZDMem2", "[strategy][gamblers]") {
  check_gambler(ZDMem2{}, 2, 2, 0,
                {{"CC CC", 11.0 / 12},
                 {"CC CD", 4.0 / 11},
                 {"CC DC", 7.0 / 9},
                 {"CC DD", 0.1},
                 {"CD CC", 5.0 / 6},
                 {"CD CD", 3.0 / 11},
                 {"CD DC", 7.0 / 9},
                 {"CD DD", 0.1},
                 {"DC CC", 2.0 / 3},
                 {"DC CD", 1.0 / 11},
                 {"DC DC", 7.0 / 9},
                 {"DC DD", 0.1},
                 {"DD CC", 0.75},
                 {"DD CD", 2.0 / 11},
                 {"DD DC", 7.0 / 9},
                 {"DD DD", 0.1}});
}

TEST_CASE("gamblers: a probability table is checked", "[strategy][gamblers]") {
  CHECK_THROWS_AS(LookerUp(1, 1, 0, "C", std::vector<double>{1, 0.5, 0}), StrategyError);
  CHECK_THROWS_AS(LookerUp(1, 1, 0, "C", std::vector<double>{1, 0.5, 0, 1.5}), StrategyError);
  CHECK_THROWS_WITH(LookerUp(1, 1, 0, "C", std::vector<double>{1, 0.5, 0}),
                    Catch::Contains("must have 4 probabilities"));
}
