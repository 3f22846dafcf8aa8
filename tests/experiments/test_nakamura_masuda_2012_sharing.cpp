// experiments/nakamura_masuda_2012_sharing.ini: with reputations shared within groups and one
// norm for everyone, discriminators favour their own group, much more under Stern Judging than
// under Simple Standing (Nakamura & Masuda 2012).
#include <catch2/catch.hpp>
#include <cstdio>

#include "engine/jobs/reputation_job.hpp"
#include "experiment_helpers.hpp"

using namespace kindest;

TEST_CASE("experiment nakamura_masuda_2012_sharing: Stern Judging favours the in-group most",
          "[experiment][reputation][groups][verify]") {
  testing::TempDir dir;
  double favouritism[2] = {0, 0};
  const char* norms[2] = {"SternJudging", "SimpleStanding"};
  for (int k = 0; k < 2; ++k) {
    const auto out = jobs::run_reputation_job(
        experiments::load_experiment("nakamura_masuda_2012_sharing.ini",
                                     {std::string("reputation.norm=") + norms[k]}),
        {.path = dir.file("sharing.h5"), .overwrite = true});
    reputation::ReputationResults total(1);
    for (const auto& r : out.replicates) total.add(r);
    const double in = total.in_group_cooperation_rate(),
                 out_rate = total.out_group_cooperation_rate();
    favouritism[k] = in - out_rate;
    std::printf(
        "Nakamura & Masuda 2012 (experiment file): %s in-group cooperation %.4f, out-group "
        "%.4f, favouritism %.4f\n",
        norms[k], in, out_rate, favouritism[k]);
    CHECK(in > 0.9);  // both keep cooperation inside the group
  }
  CHECK(favouritism[0] > 0.1);
  CHECK(favouritism[0] > 2 * favouritism[1]);
  CHECK(favouritism[1] >= 0);
}
