// experiments/hilbe_2018_private.ini: under private assessment (q = 0.9, perception error 0.05)
// the leading eight lose cooperation among themselves in the pattern of Hilbe et al. 2018,
// Fig. 2: most lose some, Stern Judging about half, L8 all.
#include <catch2/catch.hpp>
#include <cstdio>

#include "engine/jobs/reputation_job.hpp"
#include "experiment_helpers.hpp"

using namespace kindest;

TEST_CASE("experiment hilbe_2018_private: the leading eight under private assessment",
          "[experiment][reputation][verify]") {
  testing::TempDir dir;
  std::vector<double> rate(9);
  int losing = 0;
  for (int k = 1; k <= 8; ++k) {
    const std::string id = "L" + std::to_string(k);
    const auto out = jobs::run_reputation_job(
        experiments::load_experiment("hilbe_2018_private.ini", {"population.strategies=" + id}),
        {.path = dir.file("hilbe.h5"), .overwrite = true});
    reputation::ReputationResults total(1);
    for (const auto& r : out.replicates) total.add(r);
    rate[k] = total.cooperation_rate();
    std::printf("Hilbe 2018 (experiment file): %s self-cooperation %.3f, held good %.3f\n",
                id.c_str(), rate[k], total.good_fraction(0, 0));
    losing += rate[k] < 0.95;
  }
  CHECK(losing >= 5);
  CHECK(rate[6] > 0.35);  // Stern Judging: about half
  CHECK(rate[6] < 0.65);
  CHECK(rate[8] < 0.15);                                // L8 collapses
  for (int k : {1, 3, 4, 7}) CHECK(rate[k] > rate[6]);  // the ones that keep most
}
