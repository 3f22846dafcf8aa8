// The game a population plays, from the config: labels and cooperation of matrix games, and
// model errors told in config terms.
#include <catch2/catch.hpp>
#include <cmath>

#include "engine/config/load.hpp"
#include "engine/core/errors.hpp"
#include "engine/jobs/analysis_job.hpp"
#include "engine/jobs/from_config.hpp"
#include "engine/jobs/population_game.hpp"
#include "strategies/registry.hpp"
#include "strategy_resolver.hpp"
#include "temp_dir.hpp"

using namespace kindest;
using Catch::Matchers::Contains;

namespace {
jobs::PopulationGame matrix_game(const std::string& matrix) {
  return jobs::population_game_from_config(
      config::load_config("", {"payoffs.source=matrix", "payoffs.matrix=" + matrix}),
      testing::resolver());
}
}  // namespace

TEST_CASE("population game: the default matrix is C and D however it is spelled",
          "[jobs][bad-input]") {
  // Issue 7, bug 4: only the literal text "3,0;5,1" got labels C, D; "3, 0; 5, 1" got s0, s1
  // and a NaN cooperation matrix.
  for (const std::string m : {"3,0;5,1", "3, 0; 5, 1", " 3 ,0 ;5, 1.0", "3e0,0;5,1"}) {
    INFO(m);
    const auto g = matrix_game(m);
    CHECK(g.strategies == std::vector<std::string>{"C", "D"});
    REQUIRE(g.cooperation);
    CHECK(g.cooperation->row_major() == std::vector<double>{1, 1, 0, 0});
  }
  // Another matrix is not the prisoner's dilemma the labels describe.
  const auto other = matrix_game("3,0;5,2");
  CHECK(other.strategies == std::vector<std::string>{"s0", "s1"});
  CHECK_FALSE(other.cooperation);
}

TEST_CASE("population game: model errors reach the user as the key that set them",
          "[jobs][bad-input]") {
  kindest::testing::TempDir dir;
  const auto ini = dir.write("a.ini",
                             "[run]\njob = analysis\n[payoffs]\nmatrix = 3,-5;5,1\n[dynamics]\n"
                             "process = moran_birth_death\nselection_intensity = 0.5\n");
  // Linear fitness 1 - w + w * pi < 0 at w = 0.5 for the mean payoff pi of a rare C among D
  // (about -1.04 for Z = 100); the model knows only its "selection_intensity w".
  CHECK_THROWS_WITH(jobs::run_analysis_job(config::load_config(ini), testing::resolver(),
                                           {.path = dir.file("a.h5")}),
                    Contains("config error: [dynamics] selection_intensity = 0.5 makes linear "
                             "fitness") &&
                        Contains("non-positive for payoff") && Contains("or exponential fitness") &&
                        Contains("(in " + ini + ")"));
  // A part of a matrix names the key and the entry.
  const auto c = config::load_config("", {"payoffs.matrix=1,-1;2,0"});
  const ModelError e("ecological dynamics", "payoff (0, 1)", "-1", "is outside [0, inf)");
  CHECK(std::string(jobs::config_error(e, c).what()) ==
        "config error: [payoffs] matrix = 1,-1;2,0 (payoff (0, 1) = -1) is outside [0, inf) (on "
        "the command line)");
  // A parameter no key sets keeps the model's words.
  const ModelError internal("stationary distribution", "transition matrix", "", "is empty");
  CHECK(std::string(jobs::config_error(internal, c).what()) ==
        "config error: stationary distribution: transition matrix is empty (on the command line)");
}
