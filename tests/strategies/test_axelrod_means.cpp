// Every stochastic strategy Kindest shares with the Axelrod library scores as the library's does:
// its mean score per turn against each opponent of a fixed panel, over many 200-turn matches,
// agrees with the library's within Monte-Carlo error. The reference means were recorded by
// running the library itself (tests/data/make_axelrod_means.py); this test needs only the data
// file. Kindest plays the matches with its own seeds (it cannot replay the library's random
// numbers), so the comparison is a two-sample z-test per (strategy, opponent).
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "engine/match/match.hpp"
#include "strategies/registry.hpp"
#include "z_test.hpp"

namespace {

struct LibraryMean {
  std::string id, opponent;
  double matches = 0, mean = 0, standard_error = 0;
};

struct LibraryMeans {
  std::vector<LibraryMean> rows;
  std::set<std::string> not_in_library;  // Kindest stochastic strategies the library lacks
};

LibraryMeans read_means(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in.good());
  LibraryMeans out;
  const std::string missing_prefix = "# not in the library: ";
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(missing_prefix, 0) == 0) {
      std::istringstream ids(line.substr(missing_prefix.size()));
      std::string id;
      while (std::getline(ids, id, ',')) {
        id.erase(0, id.find_first_not_of(' '));
        if (!id.empty() && id != "-") out.not_in_library.insert(id);
      }
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    LibraryMean m;
    fields >> m.id >> m.opponent >> m.matches >> m.mean >> m.standard_error;
    REQUIRE(!fields.fail());
    out.rows.push_back(std::move(m));
  }
  return out;
}

/// `a`'s mean score per turn against `b` over `matches` 200-turn matches of the default game,
/// match k drawing from the stream (seed, simulation_check, row, k).
kindest::testing::Estimate kindest_mean(const kindest::Player& a, const kindest::Player& b,
                                        std::size_t matches, std::uint64_t seed,
                                        std::uint64_t row) {
  const kindest::games::PrisonersDilemma game{};  // (3, 0, 5, 1)
  kindest::match::Match match(game, {.turns = 200});
  double sum = 0, squares = 0;
  for (std::size_t k = 0; k < matches; ++k) {
    kindest::Stream rng(seed, kindest::Purpose::simulation_check, row, k);
    auto x = a.prototype->clone();
    auto y = b.prototype->clone();
    const auto result = match.play(*x, *y, rng);
    const double score = result.score[0] / static_cast<double>(result.turns);
    sum += score;
    squares += score * score;
  }
  const double n = static_cast<double>(matches);
  const double mean = sum / n;
  const double variance = std::max(0.0, (squares - n * mean * mean) / (n - 1));
  return {mean, std::sqrt(variance / n)};
}

void compare_with_library(std::size_t matches, std::uint64_t seed) {
  const auto data = read_means(KINDEST_SOURCE_DIR "/tests/data/axelrod_means_200.txt");
  const auto& registry = kindest::strategies::registry();
  const std::vector<std::string> panel = {"Cooperator", "Defector", "TitForTat",
                                          "Alternator", "Grudger",  "WinStayLoseShift"};

  // Every stochastic strategy in the registry is in the data, against the whole panel, or
  // recorded as absent from the library, so a new one cannot skip the comparison.
  std::map<std::string, std::set<std::string>> opponents;
  for (const auto& m : data.rows) opponents[m.id].insert(m.opponent);
  for (const auto& s : registry.named()) {
    if (!s.info.stochastic) continue;
    const std::string id(s.info.id);
    INFO("stochastic strategy " << id
                                << " has no library means: rerun "
                                   "tests/data/make_axelrod_means.py");
    CHECK((opponents[id].size() == panel.size() || data.not_in_library.count(id) == 1));
  }

  // A family-wise false-alarm rate of 1e-3: the chance that any of the comparisons fails when
  // every strategy is right. With ~180 comparisons the per-comparison threshold is |z| > 4.5;
  // a threshold of 3 per comparison would fail a correct library about once in 2 runs.
  const double alpha = 1e-3;
  const double threshold = kindest::testing::bonferroni_threshold(alpha, data.rows.size());
  std::vector<std::string> differing;
  double worst_z = 0;
  std::string worst;
  for (std::size_t row = 0; row < data.rows.size(); ++row) {
    const auto& m = data.rows[row];
    const auto a = registry.make_player(m.id);
    const auto b = registry.make_player(m.opponent);
    REQUIRE(a.prototype->info().stochastic);
    const auto k = kindest_mean(a, b, matches, seed, row);
    // Where neither side varies (the strategy never draws against this opponent) the means
    // must agree to rounding.
    const double z = kindest::testing::z_score(k, {m.mean, m.standard_error});
    if (z > worst_z) {
      worst_z = z;
      worst = m.id + " vs " + m.opponent;
    }
    if (z > threshold) {
      std::ostringstream out;
      out << m.id << " vs " << m.opponent << ": Kindest " << k.mean << " +- " << k.standard_error
          << ", library " << m.mean << " +- " << m.standard_error << ", z = " << z;
      differing.push_back(out.str());
    }
  }
  std::string report;
  for (const auto& d : differing) report += d + "\n";
  INFO(data.rows.size() << " comparisons, threshold |z| <= " << threshold << ", largest |z| "
                        << worst_z << " (" << worst << ")\n"
                        << differing.size() << " differ:\n"
                        << report);
  CHECK(differing.empty());
  CHECK(data.rows.size() >= panel.size());
}

}  // namespace

TEST_CASE("axelrod_means: stochastic strategies score as in the Axelrod library",
          "[strategy][axelrod_means]") {
  compare_with_library(2000, 1);
}

// Kindest's own Monte-Carlo error made negligible beside the library's, and other seeds.
TEST_CASE("axelrod_means: the same with 40000 Kindest matches per comparison",
          "[.][slow][axelrod_means]") {
  compare_with_library(40000, 2);
}
