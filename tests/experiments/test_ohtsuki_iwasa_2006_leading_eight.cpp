// experiments/ohtsuki_iwasa_2006_leading_eight.ini: under public assessment with errors 0.01
// every leading-eight norm keeps its followers cooperating, rates ALLD bad and resists it.
#include <catch2/catch.hpp>
#include <cstdio>

#include "engine/jobs/reputation_job.hpp"
#include "experiment_helpers.hpp"

using namespace kindest;

namespace {
reputation::ReputationResults pooled(const jobs::ReputationOutcome& out) {
  reputation::ReputationResults total(out.strategies.size());
  for (const auto& r : out.replicates) total.add(r);
  return total;
}
}  // namespace

TEST_CASE("experiment ohtsuki_iwasa_2006_leading_eight: every leading-eight norm resists ALLD",
          "[experiment][reputation][verify]") {
  testing::TempDir dir;
  for (int k = 1; k <= 8; ++k) {
    const std::string id = "L" + std::to_string(k);
    INFO(id);
    const auto file = dir.file("oi.h5");
    // The norm alone.
    const auto alone = pooled(jobs::run_reputation_job(
        experiments::load_experiment(
            "ohtsuki_iwasa_2006_leading_eight.ini",
            {"population.strategies=" + id, "population.initial_counts=", "reputation.norm=" + id}),
        {.path = file, .overwrite = true}));
    // 90 followers and 10 ALLD, as in the file.
    const auto mixed = pooled(jobs::run_reputation_job(
        experiments::load_experiment(
            "ohtsuki_iwasa_2006_leading_eight.ini",
            {"population.strategies=" + id + ", ALLD", "reputation.norm=" + id}),
        {.path = file, .overwrite = true}));
    std::printf(
        "Ohtsuki & Iwasa, public assessment: %s alone cooperates %.4f; with 10 ALLD: "
        "self-cooperation %.4f, ALLD held good %.4f, payoff %s %.3f vs ALLD %.3f\n",
        id.c_str(), alone.cooperation_rate(), mixed.cooperation_rate(0, 0),
        mixed.good_fraction(0, 1), id.c_str(), mixed.mean_payoff(0), mixed.mean_payoff(1));
    CHECK(alone.cooperation_rate() > 0.96);
    CHECK(mixed.cooperation_rate(0, 0) > 0.96);
    CHECK(mixed.good_fraction(0, 1) < 0.2);
    CHECK(mixed.good_fraction(0, 0) > 0.9);
    CHECK(mixed.mean_payoff(1) < mixed.mean_payoff(0));
  }
}
