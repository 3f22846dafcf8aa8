// Every deterministic strategy Kindest shares with the Axelrod library plays its 200-turn
// matches move for move as the library does. The reference moves were recorded by running the
// library itself (tests/data/make_axelrod_matches.py); this test needs only the data file.
#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "engine/match/match.hpp"
#include "strategies/registry.hpp"

namespace {

using kindest::to_char;

// "C4D1C2" -> "CCCCDCC".
std::string decode_runs(const std::string& runs) {
  std::string out;
  std::size_t i = 0;
  while (i < runs.size()) {
    const char action = runs[i++];
    std::size_t count = 0;
    while (i < runs.size() && runs[i] >= '0' && runs[i] <= '9')
      count = 10 * count + static_cast<std::size_t>(runs[i++] - '0');
    out.append(count, action);
  }
  return out;
}

struct Recorded {
  std::string a, b, moves_a, moves_b;
};

std::vector<Recorded> read_records(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in.good());
  std::vector<Recorded> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    Recorded r;
    fields >> r.a >> r.b >> r.moves_a >> r.moves_b;
    REQUIRE(!fields.fail());
    r.moves_a = decode_runs(r.moves_a);
    r.moves_b = decode_runs(r.moves_b);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

TEST_CASE("axelrod_matches: deterministic strategies play as the Axelrod library does",
          "[strategy][axelrod_matches]") {
  const auto records = read_records(KINDEST_SOURCE_DIR "/tests/data/axelrod_matches_200.txt");
  const auto& registry = kindest::strategies::registry();

  // Every deterministic strategy in the registry is in the data, so a new one cannot skip the
  // comparison; one the library lacks would be listed here with the reason.
  const std::set<std::string> not_in_library = {};
  std::set<std::string> recorded_ids;
  for (const auto& r : records) recorded_ids.insert(r.a);
  for (const auto& s : registry.named()) {
    if (s.info.stochastic) continue;
    const std::string id(s.info.id);
    INFO("deterministic strategy " << id
                                   << " has no library record: rerun "
                                      "tests/data/make_axelrod_matches.py");
    CHECK((recorded_ids.count(id) == 1 || not_in_library.count(id) == 1));
  }
  CHECK(records.size() == recorded_ids.size() * recorded_ids.size());

  const kindest::games::PrisonersDilemma game{};  // (3, 0, 5, 1)
  kindest::match::Match match(game, {.turns = 200});
  kindest::Stream rng(0, kindest::Purpose::simulation_check, 0, 0, 0);
  std::vector<std::string> differing;
  std::size_t identical = 0;
  for (const auto& r : records) {
    auto a = registry.make_player(r.a).prototype->clone();
    auto b = registry.make_player(r.b).prototype->clone();
    REQUIRE(!a->info().stochastic);
    REQUIRE(!b->info().stochastic);
    match.play(*a, *b, rng);
    std::string moves_a, moves_b;
    for (const auto& [x, y] : match.moves()) {
      moves_a.push_back(to_char(x));
      moves_b.push_back(to_char(y));
    }
    std::size_t t = 0;  // turns that agree before the first difference
    while (t < moves_a.size() && t < r.moves_a.size() && moves_a[t] == r.moves_a[t] &&
           moves_b[t] == r.moves_b[t])
      ++t;
    const bool same = moves_a == r.moves_a && moves_b == r.moves_b;
    identical += same;
    if (!same)
      differing.push_back(r.a + " vs " + r.b + ": first differs at turn " + std::to_string(t + 1));
  }
  INFO(identical << " of " << records.size() << " pairs identical");
  CHECK(identical == records.size());
  std::string report;
  for (const auto& d : differing) report += d + "\n";
  INFO(differing.size() << " of " << records.size() << " pairs differ:\n" << report);
  CHECK(differing.empty());
}
