// @groups in player lists and the filters of `kindest strategies`: each checked against the
// registry's own classification, or against a list written out by hand.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "cli_runner.hpp"
#include "engine/core/errors.hpp"
#include "strategies/registry.hpp"

using Catch::Matchers::Contains;
using kindest::strategies::registry;

namespace {
std::set<std::string> names(const std::vector<kindest::Player>& players) {
  std::set<std::string> out;
  for (const auto& p : players) out.insert(p.name);
  return out;
}
}  // namespace

TEST_CASE("groups: @first_tournament is Axelrod's 1980 field", "[strategy][groups]") {
  const auto players = registry().make_players("@first_tournament");
  CHECK(players.size() == 15);
  const std::set<std::string> expected = {"TitForTat",
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
  CHECK(names(players) == expected);
}

TEST_CASE("groups: @stewart_plotkin is Stewart and Plotkin's 2012 field", "[strategy][groups]") {
  // The Axelrod library's reading of the paper's 19 names (its overview of past tournaments):
  // ALLC, ALLD, EXTORT-2, HARD_MAJO, HARD_JOSS, HARD_TFT, HARD_TF2T, TFT, GRIM, GTFT, TF2T,
  // WSLS, RANDOM, ZDGTFT-2, CALCULATOR, PROBE, PROBE2, PROBE3, HARD_PROBE.
  const auto players = registry().make_players("@stewart_plotkin");
  const std::set<std::string> expected = {
      "Cooperator",    "Defector",         "ZDExtort2", "HardGoByMajority", "FirstByJoss",
      "HardTitForTat", "HardTitFor2Tats",  "TitForTat", "Grudger",          "GTFT",
      "TitFor2Tats",   "WinStayLoseShift", "Random",    "ZDGTFT2",          "Calculator",
      "Prober",        "Prober2",          "Prober3",   "HardProber"};
  CHECK(players.size() == 19);
  CHECK(names(players) == expected);
}

TEST_CASE("groups: classification groups partition the registry as its infos say",
          "[strategy][groups]") {
  const auto& named = registry().named();
  const auto all = registry().make_players("@all");
  const auto det = registry().make_players("@deterministic");
  const auto sto = registry().make_players("@stochastic");
  CHECK(all.size() == named.size());
  CHECK(det.size() + sto.size() == named.size());
  std::size_t memory_one = 0, deterministic = 0;
  for (const auto& s : named) {
    deterministic += !s.info.stochastic;
    memory_one += s.info.memory_depth == 0 || s.info.memory_depth == 1;
  }
  CHECK(det.size() == deterministic);
  CHECK(registry().make_players("@memory_one").size() == memory_one);
  for (const auto& p : det) CHECK_FALSE(p.prototype->info().stochastic);
  // Known members, by hand.
  const auto m1 = names(registry().make_players("@memory_one"));
  for (const char* id : {"TitForTat", "WinStayLoseShift", "GTFT", "Cooperator", "ZDGTFT2"})
    CHECK(m1.count(id) == 1);
  CHECK(m1.count("Grudger") == 0);
  const auto second = names(registry().make_players("@second_tournament"));
  CHECK(second.count("TitForTat") == 1);
  CHECK(second.count("SecondByTester") == 1);
  CHECK(second.count("FirstByDavis") == 0);
}

TEST_CASE("groups: mix with names and families, unknown groups are named", "[strategy][groups]") {
  const auto players = registry().make_players("Defector, @first_tournament, Cycler(CCD)");
  CHECK(players.size() == 17);
  CHECK(players.front().name == "Defector");
  CHECK(players.back().name == "Cycler(CCD)");
  CHECK(registry().make_players(" @ALL ").size() == registry().named().size());
  CHECK_THROWS_WITH(
      registry().make_players("@memory_on"),
      Contains("unknown strategy group '@memory_on'") && Contains("did you mean '@memory_one'"));
}

TEST_CASE("groups: kindest strategies filters by memory, kind and group",
          "[strategy][groups][cli]") {
  using kindest::testing::run_cli;
  auto r = run_cli("strategies --memory 1 --deterministic");
  CHECK(r.code == 0);
  std::size_t expected = 0;
  for (const auto& s : registry().named()) {
    const bool in = !s.info.stochastic && s.info.memory_depth >= 0 && s.info.memory_depth <= 1;
    expected += in;
    if (in) CHECK_THAT(r.out, Contains("\n" + std::string(s.info.id) + " "));
  }
  CHECK_THAT(r.out, Contains(std::to_string(expected) + " of " +
                             std::to_string(registry().named().size()) + " strategies."));
  CHECK_THAT(r.out, !Contains("\nGTFT ") && !Contains("\nGrudger "));
  CHECK_THAT(run_cli("strategies --group @first_tournament").out, Contains("15 of "));
  r = run_cli("strategies --memory x");
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Contains("--memory x is not a whole number"));
  CHECK(run_cli("strategies --deterministic --stochastic").code == 2);
  CHECK_THAT(run_cli("strategies --group firsts").err, Contains("groups: all"));
  CHECK(run_cli("strategies --markdown --memory 1").code == 2);
  kindest::testing::TempDir dir;  // a group works as a player list on the command line
  CHECK(run_cli("tournament --players @first_tournament --turns 5 --repetitions 1 -q -o " +
                dir.file("t.h5"))
            .code == 0);
}
