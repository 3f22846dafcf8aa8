// The names users type: old ids of the first tournament's entries (the Axelrod library's names
// before its 2019 "FirstBy" renaming, and the "Names" its docstrings list), human names with
// spaces, "did you mean" by substring, and unknown names of any length rejected quickly with a
// short message.
#include <catch2/catch.hpp>

#include <string>

#include "engine/core/errors.hpp"
#include "strategies/registry.hpp"

using kindest::StrategyError;
using kindest::strategies::registry;

namespace {
std::string message_for(const std::string& spec) {
  try {
    registry().make_player(spec);
  } catch (const StrategyError& e) {
    return e.what();
  }
  FAIL("'" << spec << "' resolved");
  return "";
}
}  // namespace

TEST_CASE("names: old ids of Axelrod's first tournament entries are aliases", "[strategy][names]") {
  const std::pair<const char*, const char*> old_to_new[] = {
      {"Anonymous", "FirstByAnonymous"},
      {"UnnamedStrategy", "FirstByAnonymous"},
      {"Davis", "FirstByDavis"},
      {"Downing", "FirstByDowning"},
      {"Feld", "FirstByFeld"},
      {"Graaskamp", "FirstByGraaskamp"},
      {"Grofman", "FirstByGrofman"},
      {"Joss", "FirstByJoss"},
      {"Nydegger", "FirstByNydegger"},
      {"Shubik", "FirstByShubik"},
      {"SteinAndRapoport", "FirstBySteinAndRapoport"},
      {"TidemanAndChieruzzi", "FirstByTidemanAndChieruzzi"},
      {"Tullock", "FirstByTullock"},
      {"Tester", "SecondByTester"},
  };
  for (const auto& [old_id, id] : old_to_new) {
    INFO(old_id);
    CHECK(registry().make_player(old_id).name == id);
  }
}

TEST_CASE("names: spaces, case, '-' and '_' do not matter, human names resolve",
          "[strategy][names]") {
  CHECK(registry().make_player("Tideman and Chieruzzi").name == "FirstByTidemanAndChieruzzi");
  CHECK(registry().make_player("stein_and_rapoport").name == "FirstBySteinAndRapoport");
  CHECK(registry().make_player("First by Joss").name == "FirstByJoss");
  CHECK(registry().make_player("Tit For Tat").name == "TitForTat");
  CHECK(registry().make_player("win-stay lose-shift").name == "WinStayLoseShift");
  CHECK(registry().make_player("ZD-Extort-2").name == "ZDExtort2");
  CHECK(registry().make_player("cycler(CCD)").name == "Cycler(CCD)");
}

TEST_CASE("names: did you mean also offers names containing what was typed", "[strategy][names]") {
  // Far from every id by edit distance, but a part of one.
  CHECK_THAT(message_for("Tideman"), Catch::Contains("unknown strategy 'Tideman'") &&
                                         Catch::Contains("'FirstByTidemanAndChieruzzi'"));
  CHECK_THAT(message_for("Chieruzzi"), Catch::Contains("'FirstByTidemanAndChieruzzi'"));
  CHECK_THAT(message_for("Rapoport"), Catch::Contains("'FirstBySteinAndRapoport'"));
  // Misspellings still go by edit distance.
  CHECK_THAT(message_for("Jos"), Catch::Contains("did you mean") && Catch::Contains("'Joss'"));
  // Two letters are too little to suggest by substring.
  CHECK_THAT(message_for("qz"), !Catch::Contains("did you mean"));
}

TEST_CASE("names: a huge unknown name is rejected with a short message", "[strategy][names]") {
  // 10 MB once took two minutes in the edit distance; the name is far longer than any id, so
  // no distance is computed, no suggestion made, and the message quotes only its start.
  const std::string huge(10'000'000, 'x');
  const auto message = message_for(huge);
  CHECK(message.size() < 300);
  CHECK_THAT(message, Catch::StartsWith("unknown strategy 'xxxx") &&
                          Catch::Contains("(10000000 characters)") &&
                          !Catch::Contains("did you mean"));
  // A huge family name and a huge unbalanced list are quoted the same way.
  CHECK(message_for(huge + "(CCD)").size() < 300);
  CHECK(message_for(huge + "(CCD").size() < 300);
  std::string list_message;
  try {
    registry().make_players("Cycler(" + huge);
  } catch (const StrategyError& e) {
    list_message = e.what();
  }
  CHECK_THAT(list_message, Catch::Contains("unbalanced parentheses"));
  CHECK(list_message.size() < 300);
}
