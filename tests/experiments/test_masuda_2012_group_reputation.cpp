// experiments/masuda_2012_group_reputation.ini: under group reputations, full cooperation
// (DISC) resists in-group favouritism when one norm (Stern Judging) judges both kinds of
// action; in-group favouritism (Group(DISC, ALLD)) resists full cooperation under a double
// standard (out-group defection judged good); under the one norm in-group favouritism is
// invaded. "Resists": residents earn more per round than the few mutants among them.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>

#include "engine/jobs/reputation_job.hpp"
#include "experiment_helpers.hpp"

using namespace kindest;

namespace {

struct Outcome {
  double resident, mutant, difference_se, in_group, out_group;
};

// Resident (strategy 0) minus mutant (strategy 1) payoff per round, over the replicates.
Outcome run(const std::vector<std::string>& overrides, const testing::TempDir& dir) {
  const auto out = jobs::run_reputation_job(
      experiments::load_experiment("masuda_2012_group_reputation.ini", overrides),
      {.path = dir.file("masuda.h5"), .overwrite = true});
  std::vector<double> diff;
  Outcome o{0, 0, 0, 0, 0};
  const double r = static_cast<double>(out.replicates.size());
  for (const auto& m : out.replicates) {
    o.resident += m.mean_payoff(0) / r;
    o.mutant += m.mean_payoff(1) / r;
    o.in_group += m.in_group_cooperation_rate() / r;
    o.out_group += m.out_group_cooperation_rate() / r;
    diff.push_back(m.mean_payoff(0) - m.mean_payoff(1));
  }
  double mean = 0, ss = 0;
  for (double d : diff) mean += d / r;
  for (double d : diff) ss += (d - mean) * (d - mean);
  o.difference_se = std::sqrt(ss / (r - 1) / r);
  return o;
}

void print(const char* name, const Outcome& o) {
  std::printf(
      "Masuda 2012 (experiment file): %-28s resident %.4f, mutant %.4f (difference s.e. %.4f), "
      "in-group cooperation %.4f, out-group %.4f\n",
      name, o.resident, o.mutant, o.difference_se, o.in_group, o.out_group);
}

}  // namespace

TEST_CASE("experiment masuda_2012_group_reputation: which behaviour each norm keeps stable",
          "[experiment][reputation][groups][verify]") {
  testing::TempDir dir;
  const auto full = run(
      {"population.strategies=DISC, Group(DISC, ALLD)", "groups.out_group_norm=SternJudging"}, dir);
  const auto doubled = run({}, dir);
  const auto single = run({"groups.out_group_norm=SternJudging"}, dir);
  print("full cooperation, one norm:", full);
  print("favouritism, double standard:", doubled);
  print("favouritism, one norm:", single);
  // Full cooperation resists in-group favouritism under the one norm.
  CHECK(full.resident - full.mutant > 3 * full.difference_se);
  // In-group favouritism resists full cooperation under the double standard ...
  CHECK(doubled.resident - doubled.mutant > 3 * doubled.difference_se);
  CHECK(doubled.in_group > 0.9);
  CHECK(doubled.out_group < 0.1);
  // ... but not under the one norm: there full cooperators earn more.
  CHECK(single.mutant - single.resident > 3 * single.difference_se);
}
