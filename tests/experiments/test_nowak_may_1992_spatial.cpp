// Checks experiments/nowak_may_1992_spatial.ini: the time-averaged cooperator share of the
// spatial prisoner's dilemma, the same for every b in (1.8, 2) and collapsing above 2.
#include <catch2/catch.hpp>

#include "experiments/experiment_helpers.hpp"

using namespace kindest;

namespace {

double mean_cooperation(double b, const testing::TempDir& dir) {
  const auto config = experiments::load_experiment(
      "nowak_may_1992_spatial.ini", {"payoffs.matrix=1,0;" + std::to_string(b) + ",0"});
  const auto path = dir.file("nm.h5");
  jobs::run_evolution_job(config, experiments::resolver(), {.path = path, .overwrite = true});
  const auto counts = record::read_numbers(path, "/replicates/r0000/counts");
  REQUIRE(counts.size() == 2 * 501);
  double sum = 0;
  for (std::size_t g = 100; g <= 500; ++g) sum += counts[2 * g] / 10000.0;
  return sum / 401.0;
}

}  // namespace

TEST_CASE("experiment nowak_may_1992_spatial: a third of cooperators, one value for 1.8 < b < 2",
          "[experiment][verify]") {
  testing::TempDir dir;
  const double chaos = mean_cooperation(1.9, dir);
  INFO("mean cooperator share at b = 1.9: " << chaos);
  CHECK(chaos >= 0.30);
  CHECK(chaos <= 0.335);
  CHECK(mean_cooperation(1.81, dir) == chaos);
  CHECK(mean_cooperation(1.99, dir) == chaos);
  CHECK(mean_cooperation(2.01, dir) < 0.1);
}
