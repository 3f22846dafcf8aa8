// Checks experiments/nowak_roch_2007_upstream.ini: upstream reciprocity alone is not favoured in
// a well-mixed population; linked with direct reciprocity it evolves and raises the acts of help
// per chain; the link pays iff w d b > c; simulated chains agree with the closed form.
#include <catch2/catch.hpp>

#include "engine/jobs/upstream_job.hpp"
#include "engine/record/hdf5_reader.hpp"
#include "experiments/experiment_helpers.hpp"

using namespace kindest;

namespace {

jobs::UpstreamOutcome run(const std::vector<std::string>& overrides, const testing::TempDir& dir) {
  return jobs::run_upstream_job(
      experiments::load_experiment("nowak_roch_2007_upstream.ini", overrides),
      {.path = dir.file("upstream.h5"), .overwrite = true});
}

std::size_t index_of(const jobs::UpstreamOutcome& out, const std::string& name) {
  for (std::size_t i = 0; i < out.settings.game.rules.size(); ++i)
    if (out.settings.game.rules[i].name == name) return i;
  FAIL("no rule " << name);
  return 0;
}

}  // namespace

TEST_CASE("experiment nowak_roch_2007_upstream: upstream reciprocity alone is not favoured",
          "[experiment][verify]") {
  testing::TempDir dir;
  const auto out = run({"upstream.strategies=ALLD, Upstream(0.9)"}, dir);
  const double n = static_cast<double>(out.settings.population_size);
  const std::size_t alld = 0, up = 1;
  // The defector earns more in every composition, as resident and as mutant.
  for (std::uint64_t k = 1; k < out.settings.population_size; ++k) {
    INFO(k << " mutants");
    CHECK(out.payoffs.resident[out.payoffs.index(alld, up, k)] >
          out.payoffs.mutant[out.payoffs.index(alld, up, k)]);
    CHECK(out.payoffs.mutant[out.payoffs.index(up, alld, k)] >
          out.payoffs.resident[out.payoffs.index(up, alld, k)]);
  }
  // Measured: rho N = 0.0026 for an upstream reciprocator among ALLD, 15.4 the other way.
  CHECK(out.limit.fixation[alld][up] * n < 0.01);
  CHECK(out.limit.fixation[up][alld] * n > 10);
  CHECK(out.limit.stationary[alld] > 0.999);
  CHECK(out.cooperation() < 1.01);  // the random first act, hardly anything more
}

TEST_CASE("experiment nowak_roch_2007_upstream: linked with direct reciprocity it evolves",
          "[experiment][verify]") {
  testing::TempDir dir;
  const auto all = run({}, dir);  // the file as it is: the four rules
  const double n = static_cast<double>(all.settings.population_size);
  const auto linked = index_of(all, "Linked(0.9, 0.9)"), direct = index_of(all, "Direct(0.9)");
  const auto up = index_of(all, "Upstream(0.9)");
  INFO("stationary " << all.limit.stationary[0] << " " << all.limit.stationary[up] << " "
                     << all.limit.stationary[direct] << " " << all.limit.stationary[linked]);
  CHECK(experiments::argmax(all.limit.stationary) == linked);
  CHECK(all.limit.stationary[linked] > 0.99);         // measured 0.9988
  CHECK(all.limit.fixation[direct][linked] * n > 5);  // measured 9.77
  CHECK(all.limit.fixation[linked][direct] * n < 0.01);
  // Acts of help per chain: the geometric lengths 1 / (1 - w (d + (1 - d) u)).
  CHECK(all.acts_per_chain[linked] == Approx(1 / (1 - 0.9 * (0.9 + 0.1 * 0.9))));
  CHECK(all.acts_per_chain[direct] == Approx(1 / (1 - 0.9 * 0.9)));
  CHECK(all.acts_per_chain[0] == Approx(1));

  // Without the link, direct reciprocity alone sustains fewer acts of help in the long run.
  const auto without = run({"upstream.strategies=ALLD, Direct(0.9)"}, dir);
  const auto with = run({"upstream.strategies=ALLD, Direct(0.9), Linked(0.9, 0.9)"}, dir);
  INFO("acts per chain in the long run: direct alone " << without.cooperation() << ", linked "
                                                       << with.cooperation());
  CHECK(with.cooperation() > without.cooperation() + 3);  // measured 9.17 vs 5.26
  CHECK(with.limit.stationary[2] > 0.99);

  // Simulated chains (100 000 per rule) within 4 standard errors of the closed form.
  for (std::size_t i = 0; i < all.acts_per_chain.size(); ++i) {
    INFO("rule " << all.settings.game.rules[i].name << ": simulated " << all.simulated_acts[i]
                 << " +- " << all.simulated_acts_se[i] << ", exact " << all.acts_per_chain[i]);
    CHECK(std::abs(all.simulated_acts[i] - all.acts_per_chain[i]) <=
          4 * all.simulated_acts_se[i] + 1e-12);
  }
}

TEST_CASE("experiment nowak_roch_2007_upstream: the link pays iff w d b > c",
          "[experiment][verify]") {
  testing::TempDir dir;
  const std::string rules = "upstream.strategies=ALLD, Direct(0.9), Linked(0.9, 0.9)";
  const auto low = run({rules, "game.benefit=1.1", "upstream.chains=0"}, dir);   // w d b = 0.891
  const auto high = run({rules, "game.benefit=1.5", "upstream.chains=0"}, dir);  // w d b = 1.215
  const double n = 50;
  INFO("rho N of Linked among Direct: b = 1.1 " << low.limit.fixation[1][2] * n << ", b = 1.5 "
                                                << high.limit.fixation[1][2] * n);
  CHECK(low.limit.fixation[1][2] * n < 1);                 // measured 0.59
  CHECK(high.limit.fixation[1][2] * n > 1);                // measured 2.02
  CHECK(experiments::argmax(low.limit.stationary) == 0);   // ALLD, measured 0.95
  CHECK(experiments::argmax(high.limit.stationary) == 2);  // Linked, measured 0.63
  // chains = 0: no simulation, NaN in its columns.
  CHECK(std::isnan(low.simulated_acts[0]));
}
