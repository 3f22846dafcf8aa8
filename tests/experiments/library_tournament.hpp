#pragma once
// The Axelrod library's own tournaments on an experiment's field, as recorded by
// tests/data/make_axelrod_tournaments.py: per player its rank in the library's table and its
// mean normalised score (= Kindest's mean_score_per_turn) with a Monte-Carlo standard error; and
// the standard errors of Kindest's own means, to compare them with.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "engine/tournament/round_robin.hpp"
#include "z_test.hpp"

namespace kindest::experiments {

struct LibraryStanding {
  int rank = 0;  // in the library's ranking (median over repetitions), 1 = best
  testing::Estimate score;
  double median = 0;
};

struct LibraryTournament {
  std::map<std::string, LibraryStanding> players;  // by id
  long repetitions = 0;
};

/// tests/data/axelrod_tournament_<field>.txt.
inline LibraryTournament read_library_tournament(const std::string& field) {
  std::ifstream in(std::string(KINDEST_SOURCE_DIR) + "/tests/data/axelrod_tournament_" + field +
                   ".txt");
  REQUIRE(in.good());
  LibraryTournament out;
  std::string line;
  while (std::getline(in, line)) {
    const auto at = line.find(" repetitions=");
    if (line.rfind("#", 0) == 0 && at != std::string::npos)
      out.repetitions = std::stol(line.substr(at + 13));
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string id;
    LibraryStanding s;
    fields >> id >> s.rank >> s.score.mean >> s.score.standard_error >> s.median;
    REQUIRE(!fields.fail());
    out.players[id] = s;
  }
  REQUIRE(out.repetitions > 1);
  return out;
}

/// Kindest's side: the standard error of each player's mean score per turn over repetitions
/// (self-play excluded); its pairs are independent, so the variances of their means add.
inline std::vector<double> mean_score_errors(const tournament::TournamentResult& r,
                                             std::int64_t repetitions) {
  const std::size_t n = r.size();
  std::vector<double> out(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    double variance = 0;
    for (std::size_t j = 0; j < n; ++j)
      if (j != i) variance += std::pow(r.score_per_turn_std[i * n + j], 2);
    out[i] = std::sqrt(variance / static_cast<double>(repetitions)) / static_cast<double>(n - 1);
  }
  return out;
}

}  // namespace kindest::experiments
