#include "strategies/groups.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "engine/core/errors.hpp"
#include "engine/core/suggest.hpp"

namespace kindest::strategies {
namespace {

// The entrants of Axelrod's first tournament as the Axelrod library implements them
// (its axelrod_first_strategies, in its order of the published ranking), and the same list as
// experiments/axelrod_1980.ini.
constexpr std::array<std::string_view, 15> kFirstTournament = {"TitForTat",
                                                               "FirstByTidemanAndChieruzzi",
                                                               "FirstByNydegger",
                                                               "FirstByGrofman",
                                                               "FirstByShubik",
                                                               "FirstBySteinAndRapoport",
                                                               "Grudger",
                                                               "FirstByDavis",
                                                               "FirstByGraaskamp",
                                                               "FirstByDowning",
                                                               "FirstByFeld",
                                                               "FirstByJoss",
                                                               "FirstByTullock",
                                                               "FirstByAnonymous",
                                                               "Random"};

// The 19 players of Stewart & Plotkin's (2012) tournament as the Axelrod library names them
// (its docs/discussion/overview_of_past_tournaments.rst): ALLC, ALLD, EXTORT-2, HARD_MAJO,
// HARD_JOSS, HARD_TFT, HARD_TF2T, TFT, GRIM, GTFT, TF2T, WSLS, RANDOM, ZDGTFT-2, CALCULATOR,
// PROBE, PROBE2, PROBE3, HARD_PROBE; the same list as tests/data/make_axelrod_tournaments.py.
constexpr std::array<std::string_view, 19> kStewartPlotkin = {
    "Cooperator",    "Defector",         "ZDExtort2", "HardGoByMajority", "FirstByJoss",
    "HardTitForTat", "HardTitFor2Tats",  "TitForTat", "Grudger",          "GTFT",
    "TitFor2Tats",   "WinStayLoseShift", "Random",    "ZDGTFT2",          "Calculator",
    "Prober",        "Prober2",          "Prober3",   "HardProber"};

// The strategies the Axelrod library classifies as long-run-time and leaves out of its
// full-library tournaments (seconds per match there: DBS's tree search, a team of 149).
constexpr std::array<std::string_view, 2> kLibraryLongRunTime = {"DBS", "MetaWinnerDeterministic"};

/// The rule of a group given by a list of ids.
template <std::size_t N>
auto member_of(const std::array<std::string_view, N>& ids) {
  return [&ids](const StrategyInfo& s) {
    return std::find(ids.begin(), ids.end(), s.id) != ids.end();
  };
}

}  // namespace

const std::vector<StrategyGroup>& strategy_groups() {
  static const std::vector<StrategyGroup> groups = {
      {"all", "every named strategy", [](const StrategyInfo&) { return true; }},
      {"full_library",
       "every named strategy but the two the Axelrod library leaves out of its full-library "
       "tournaments as long-run-time (DBS, MetaWinnerDeterministic)",
       [](const StrategyInfo& s) { return !member_of(kLibraryLongRunTime)(s); }},
      {"deterministic", "strategies that never draw a random number",
       [](const StrategyInfo& s) { return !s.stochastic; }},
      {"stochastic", "strategies that draw random numbers",
       [](const StrategyInfo& s) { return s.stochastic; }},
      {"memory_one", "strategies reading at most the last turn (memory depth 0 or 1)",
       [](const StrategyInfo& s) { return s.memory_depth == 0 || s.memory_depth == 1; }},
      {"first_tournament", "Axelrod's first tournament (1980): 14 entries and Random",
       member_of(kFirstTournament)},
      {"second_tournament",
       "Axelrod's second tournament (1980): the entries Kindest implements (SecondBy*) and "
       "Tit For Tat",
       [](const StrategyInfo& s) {
         return s.id == "TitForTat" || s.id.substr(0, 8) == "SecondBy";
       }},
      {"stewart_plotkin",
       "Stewart & Plotkin's tournament (2012): 19 classic and zero-determinant strategies",
       member_of(kStewartPlotkin)},
  };
  return groups;
}

std::vector<Player> make_group(const Registry& registry, std::string_view group) {
  const std::string wanted = normalized_name(group);
  for (const auto& g : strategy_groups()) {
    if (normalized_name(g.name) != wanted) continue;
    std::vector<Player> players;
    for (const auto& s : registry.named())
      if (g.contains(s.info)) players.push_back({std::string(s.info.id), s.make()});
    return players;
  }
  std::vector<std::string> names;
  for (const auto& g : strategy_groups()) names.push_back("@" + std::string(g.name));
  std::string known;
  for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
  throw StrategyError("unknown strategy group " + quoted_for_message("@" + std::string(group)) +
                      did_you_mean("@" + std::string(group), names) + "; groups: " + known);
}

}  // namespace kindest::strategies
