#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "engine/core/suggest.hpp"

using namespace kindest;

TEST_CASE("suggest: edit distance, hand-computed cases", "[core][suggest]") {
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("TitForTat", "titfortat") == 0);  // case-insensitive
  CHECK(edit_distance("flaw", "lawn") == 2);
}

TEST_CASE("suggest: close spellings, prefixes and substrings", "[core][suggest]") {
  const std::vector<std::string> names{"TitForTat", "FirstByJoss", "FirstByTidemanAndChieruzzi",
                                       "Grudger"};
  CHECK(closest_names("TitForTatt", names) == std::vector<std::string>{"TitForTat"});
  CHECK(closest_names("Tit", names) == std::vector<std::string>{"TitForTat"});     // prefix
  CHECK(closest_names("Joss", names) == std::vector<std::string>{"FirstByJoss"});  // substring
  CHECK(closest_names("chieruzzi", names) ==
        std::vector<std::string>{"FirstByTidemanAndChieruzzi"});
  CHECK(closest_names("Zebra", names).empty());
  CHECK(did_you_mean("Joss", names) == " (did you mean 'FirstByJoss'?)");
  CHECK(did_you_mean("Zebra", names).empty());
}

TEST_CASE("suggest: a name far longer than every candidate gets no suggestion", "[core][suggest]") {
  // Its distance to each candidate is at least the difference in length, beyond the limit.
  const std::vector<std::string> names{"TitForTat", "Grudger"};
  CHECK(closest_names(std::string(1'000'000, 'a'), names).empty());
  CHECK(closest_names("TitForTat" + std::string(50, 'a'), names).empty());
  // Near the limit the distance still decides: 3 extra letters on 9 is within 12 / 3 = 4.
  CHECK(closest_names("TitForTatxyz", names) == std::vector<std::string>{"TitForTat"});
}

TEST_CASE("suggest: long text is quoted short, with its length", "[core][suggest]") {
  CHECK(quoted_for_message("Joss") == "'Joss'");
  CHECK(quoted_for_message(std::string(100, 'x'), 4) == "'xxxx...' (100 characters)");
  CHECK(quoted_for_message(std::string(80, 'x')).size() == 82);
}
