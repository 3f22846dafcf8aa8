// Checks experiments/masuda_2012_group_evolution.ini against Masuda (2012): under group
// reputations, in-group favouritism is evolutionarily stable when out-group actions are judged
// by a double standard, and full cooperation when one norm judges all actions; with one norm
// only full cooperation survives. "Stable" here is what the small-mutation limit says: where
// the population spends its time, and who can take over whom (fixation probability against
// the neutral 1/Z).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "experiments/experiment_helpers.hpp"

using namespace kindest;

namespace {

const char* kFile = "masuda_2012_group_evolution.ini";
constexpr std::size_t kFavouritism = 0, kDisc = 1;

struct Outcome {
  std::vector<double> stationary;  // Group(DISC, ALLD), DISC, ALLD, ALLC
  analytic::Matrix fixation;       // [resident][mutant]
  double neutral;                  // 1/Z
};

Outcome evolve(const std::vector<std::string>& overrides) {
  testing::TempDir dir;
  const auto config = experiments::load_experiment(kFile, overrides);
  const auto out = experiments::run_analysis(config, dir);
  REQUIRE(out.reputation);
  return {out.limit.stationary, out.limit.fixation,
          1.0 / static_cast<double>(config.integer("population.size"))};
}

}  // namespace

TEST_CASE("experiment masuda_2012_group_evolution: favouritism and full cooperation",
          "[experiment][verify]") {
  SECTION("double standard: in-group favouritism holds, and takes over full cooperation") {
    const auto o = evolve({});
    INFO("time share: favouritism " << o.stationary[0] << ", DISC " << o.stationary[1] << ", ALLD "
                                    << o.stationary[2] << ", ALLC " << o.stationary[3]);
    CHECK(experiments::argmax(o.stationary) == kFavouritism);
    CHECK(o.stationary[kFavouritism] > 0.8);
    CHECK(o.fixation[kFavouritism][kDisc] < o.neutral / 100);  // DISC cannot invade
    CHECK(o.fixation[kDisc][kFavouritism] > 10 * o.neutral);   // favouritism takes over DISC
  }
  SECTION("one norm for both: only full cooperation survives") {
    const auto o = evolve({"groups.out_group_norm=SternJudging"});
    INFO("time share: favouritism " << o.stationary[0] << ", DISC " << o.stationary[1] << ", ALLD "
                                    << o.stationary[2] << ", ALLC " << o.stationary[3]);
    CHECK(experiments::argmax(o.stationary) == kDisc);
    CHECK(o.stationary[kDisc] > 0.99);
    CHECK(o.stationary[kFavouritism] < 1e-3);
    CHECK(o.fixation[kDisc][kFavouritism] < o.neutral / 100);  // favouritism cannot invade
    CHECK(o.fixation[kFavouritism][kDisc] > 10 * o.neutral);   // DISC takes over favouritism
  }
}
