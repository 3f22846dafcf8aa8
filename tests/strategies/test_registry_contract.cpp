// The contract every named strategy in the registry keeps (the Axelrod library's TestPlayer):
// unique names, a citation in docs/bibliography.md, truthful `stochastic` and `memory_depth`,
// reproducible play, and names that resolve.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "engine/core/errors.hpp"
#include "strategies/play.hpp"
#include "strategies/registry.hpp"

using namespace kindest;
using namespace kindest::testing;
using kindest::strategies::registry;

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::vector<std::string> aliases_of(const StrategyInfo& info) {
  std::vector<std::string> out;
  std::stringstream in{std::string(info.aliases)};
  for (std::string alias; std::getline(in, alias, ',');) {
    alias.erase(0, alias.find_first_not_of(' '));
    alias.erase(alias.find_last_not_of(' ') + 1);
    if (!alias.empty()) out.push_back(alias);
  }
  return out;
}

// A random opponent's moves, fixed by `seed`.
std::string random_moves(std::uint64_t seed, int turns) {
  Stream rng(seed, Purpose::simulation_check, 1);
  std::string moves;
  for (int t = 0; t < turns; ++t) moves.push_back(rng.bernoulli(0.5) ? 'C' : 'D');
  return moves;
}

}  // namespace

TEST_CASE("registry contract: ids, aliases and names are unique", "[strategy][contract]") {
  // Resolution compares normalised names (case, spaces, '-' and '_' ignored) and accepts the
  // human name too, so every one of them must belong to a single strategy.
  std::map<std::string, std::string> owner;  // normalised name -> id that claims it
  for (const auto& s : registry().named()) {
    std::set<std::string> names{strategies::normalized_name(s.info.id),
                                strategies::normalized_name(s.info.name)};
    for (const auto& alias : aliases_of(s.info)) names.insert(strategies::normalized_name(alias));
    for (const auto& name : names) {
      const auto [at, inserted] = owner.emplace(name, std::string(s.info.id));
      INFO(name << " is claimed by " << s.info.id << " and " << at->second);
      CHECK(inserted);
    }
  }
  std::set<std::string> families;
  for (const auto& f : registry().families()) {
    INFO("family " << f.info.id);
    CHECK(families.insert(lower(f.info.id)).second);
    CHECK_FALSE(f.syntax.empty());
  }
}

TEST_CASE("registry contract: every cite key is in docs/bibliography.md", "[strategy][contract]") {
  std::ifstream file(std::string(KINDEST_SOURCE_DIR) + "/docs/bibliography.md");
  REQUIRE(file);
  std::multiset<std::string> headings;
  for (std::string line; std::getline(file, line);) {
    if (line.rfind("### ", 0) != 0) continue;
    line.erase(line.find_last_not_of(" \r") + 1);
    headings.insert(line.substr(4));
  }
  for (const auto& heading : headings) {
    INFO("bibliography heading " << heading << " appears more than once");
    CHECK(headings.count(heading) == 1);
  }
  auto check = [&](const StrategyInfo& info) {
    INFO(info.id << " cites '" << info.cite << "'");
    CHECK_FALSE(info.cite.empty());
    CHECK(headings.count(std::string(info.cite)) == 1);
  };
  for (const auto& s : registry().named()) check(s.info);
  for (const auto& f : registry().families()) check(f.info);
}

TEST_CASE("registry contract: make() builds the strategy its info describes",
          "[strategy][contract]") {
  for (const auto& s : registry().named()) {
    INFO(s.info.id);
    const auto made = s.make();
    CHECK(made->info().id == s.info.id);
    CHECK(made->clone()->info().id == s.info.id);
    CHECK((s.info.memory_depth >= -1));
  }
}

TEST_CASE("registry contract: deterministic strategies ignore the seed", "[strategy][contract]") {
  const std::string opponent = random_moves(5, 200);
  for (const auto& s : registry().named()) {
    if (s.info.stochastic) continue;
    INFO(s.info.id);
    const auto prototype = s.make();
    CHECK(play(*prototype, Script(opponent), 200, 1) == play(*prototype, Script(opponent), 200, 2));
  }
}

TEST_CASE("registry contract: clones of a prototype replay identically with one seed",
          "[strategy][contract]") {
  const std::string opponent = random_moves(6, 200);
  for (const auto& s : registry().named()) {
    INFO(s.info.id);
    const auto prototype = s.make();
    const auto first = prototype->clone();
    const auto second = prototype->clone();
    CHECK(play(*first, Script(opponent), 200, 9) == play(*second, Script(opponent), 200, 9));
  }
}

TEST_CASE("registry contract: memory_depth bounds what a deterministic strategy reads",
          "[strategy][contract]") {
  // After turn d the move must be a function of the last d own and opponent moves: collect
  // (window -> move) over many random opponents and fail on a window seen with both moves.
  constexpr int turns = 60;
  for (const auto& s : registry().named()) {
    const int depth = s.info.memory_depth;
    if (s.info.stochastic || depth < 0) continue;
    INFO(s.info.id << " declares memory_depth " << depth);
    const auto prototype = s.make();
    std::map<std::string, char> seen;
    std::optional<std::string> conflict;  // a window seen with both moves
    for (std::uint64_t game = 0; game < 300 && !conflict; ++game) {
      const std::string opponent = random_moves(1000 + game, turns);
      const std::string moves = play(*prototype, Script(opponent), turns, game);
      for (int t = depth; t < turns; ++t) {
        const auto start = 3 * static_cast<std::size_t>(t - depth);
        const std::string window = moves.substr(start, 3 * static_cast<std::size_t>(depth));
        const char move = moves[3 * static_cast<std::size_t>(t)];
        const auto [at, inserted] = seen.emplace(window, move);
        if (!inserted && at->second != move) {
          conflict = window;
          break;
        }
      }
    }
    INFO("window '" << conflict.value_or("") << "' (own, opponent per turn) led to C and D");
    CHECK_FALSE(conflict);
  }
}

TEST_CASE("registry contract: a deterministic memory-one vector matches play",
          "[strategy][contract]") {
  const std::string opponent = random_moves(8, 100);
  for (const auto& s : registry().named()) {
    const auto prototype = s.make();
    const auto v = prototype->memory_one();
    if (!v) continue;
    INFO(s.info.id);
    CHECK((s.info.memory_depth >= 0 && s.info.memory_depth <= 1));
    for (double p : {v->p[0], v->p[1], v->p[2], v->p[3], v->first}) CHECK((p >= 0 && p <= 1));
    if (s.info.stochastic) continue;
    const std::string moves = play(*prototype, Script(opponent), 100, 0);
    for (std::size_t at = 0; at < moves.size(); at += 3) {
      const auto index = 2 * std::size_t{at > 0 && moves[at - 3] == 'D'} +
                         std::size_t{at > 0 && moves[at - 2] == 'D'};
      const double p = at == 0 ? v->first : v->p[index];
      INFO("turn " << at / 3);
      CHECK((p == 0 || p == 1));
      CHECK(moves[at] == (p == 1 ? 'C' : 'D'));
    }
  }
}

TEST_CASE("registry contract: every id and alias resolves", "[strategy][contract]") {
  const auto& r = registry();
  for (const auto& s : r.named()) {
    INFO(s.info.id);
    CHECK(r.make_player(s.info.id).name == s.info.id);
    CHECK(r.make_player(lower(s.info.id)).name == s.info.id);
    CHECK(r.make_player(s.info.name).name == s.info.id);
    for (const auto& alias : aliases_of(s.info)) {
      INFO("alias " << alias);
      CHECK(r.make_player(alias).name == s.info.id);
      CHECK(r.make_player(alias).prototype->info().id == s.info.id);
    }
  }
  CHECK_THROWS_AS(r.make_player("TitForTatt"), StrategyError);
  CHECK_THROWS_WITH(r.make_player("TitForTatt"),
                    Catch::Contains("did you mean") && Catch::Contains("TitForTat"));
}

TEST_CASE("registry contract: uses_length and uses_game say what a strategy reads",
          "[strategy][contract]") {
  // Told a different length (or none) or a different game, a strategy that declares it does
  // not read them plays the same moves (same seed, so the same draws); one that declares it
  // does must show it against some opponent. The first game is a scaling of (3, 0, 5, 1), the
  // second a prisoner's dilemma that is not an affine image of it, the third pays only mutual
  // cooperation (a rule comparing what C and D earned, like Adaptive, then decides otherwise).
  constexpr int turns = 200;
  const MatchAttributes told{.length = turns};
  const MatchAttributes untold{.length = std::nullopt};
  const std::vector<MatchAttributes> other_games = {
      {.length = turns, .payoffs = {0.3, 0, 0.5, 0.1}},
      {.length = turns, .payoffs = {4, -1, 7, 0.5}},
      {.length = turns, .payoffs = {1, 0, 0, 0}}};
  for (const auto& s : registry().named()) {
    INFO(s.info.id << " declares uses_length = " << s.info.uses_length
                   << ", uses_game = " << s.info.uses_game);
    const auto prototype = s.make();
    bool length_mattered = false;
    bool game_mattered = false;
    // Random opponents, and steady ones (an end-game defection shows only against those).
    std::vector<std::unique_ptr<Strategy>> opponents;
    for (const char* pattern : {"C", "D", "CD", "CCCCD"})
      opponents.push_back(std::make_unique<Cycle>(pattern));
    for (std::uint64_t seed = 0; seed < 20; ++seed)
      opponents.push_back(std::make_unique<Script>(random_moves(2000 + seed, turns)));
    for (std::uint64_t seed = 0; seed < opponents.size(); ++seed) {
      const Strategy& opponent = *opponents[seed];
      const std::string base = play_within(*prototype, opponent, turns, told, seed);
      length_mattered |= base != play_within(*prototype, opponent, turns, untold, seed);
      for (const auto& game : other_games)
        game_mattered |= base != play_within(*prototype, opponent, turns, game, seed);
    }
    CHECK(length_mattered == s.info.uses_length);
    CHECK(game_mattered == s.info.uses_game);
  }
}
