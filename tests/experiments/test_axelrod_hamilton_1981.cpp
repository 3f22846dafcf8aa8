// Checks experiments/axelrod_hamilton_1981.ini: TFT resists invasion above w = 2/3 and is
// invaded below it (Axelrod & Hamilton 1981).
#include <catch2/catch.hpp>

#include "engine/jobs/replicator_job.hpp"
#include "experiments/experiment_helpers.hpp"

using namespace kindest;

namespace {
jobs::ReplicatorOutcome run(const std::vector<std::string>& overrides) {
  testing::TempDir dir;
  return jobs::run_replicator_job(
      experiments::load_experiment("axelrod_hamilton_1981.ini", overrides), experiments::resolver(),
      {.path = dir.file("r.h5")});
}
}  // namespace

TEST_CASE("experiment axelrod_hamilton_1981: TFT collectively stable iff w >= 2/3",
          "[experiment][verify]") {
  // Above the threshold both invaders shrink and TFT returns to fixation.
  const auto stable = run({});
  CHECK(stable.frequencies.back()[0] > 0.999);
  CHECK(stable.frequencies.back()[2] < stable.frequencies.front()[2]);

  // Below it the alternating invader grows while rare.
  const auto invaded = run({"match.continuation_probability=0.6", "replicator.time=20"});
  CHECK(invaded.frequencies.back()[2] > invaded.frequencies.front()[2]);
  CHECK(invaded.frequencies.back()[0] < invaded.frequencies.front()[0]);

  // Between 1/2 and 2/3 ALLD alone still loses: only the alternator invades there.
  const auto alld_only = run({"match.continuation_probability=0.55", "replicator.time=20",
                              "population.strategies=TitForTat, Defector",
                              "replicator.initial_frequencies=0.99, 0.01"});
  CHECK(alld_only.frequencies.back()[1] < 0.01);
}
