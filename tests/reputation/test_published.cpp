// Published results of indirect reciprocity (../shared/references.md, "Indirect reciprocity").
#include <catch2/catch.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "engine/reputation/reputation_game.hpp"

using namespace kindest;
using namespace kindest::reputation;

namespace {

std::vector<std::uint32_t> individuals(const std::vector<std::uint32_t>& counts) {
  std::vector<std::uint32_t> of;
  for (std::uint32_t s = 0; s < counts.size(); ++s) of.insert(of.end(), counts[s], s);
  return of;
}

}  // namespace

TEST_CASE(
    "published: Ohtsuki & Iwasa's leading eight cooperate under public assessment and "
    "rate ALLD bad",
    "[reputation][verify]") {
  // Public assessment by an institution using the population's leading-eight norm, execution
  // and assessment errors of 0.01 (the upper end of 0.001-0.01), N = 100.
  for (int k = 1; k <= 8; ++k) {
    const std::string id = "L" + std::to_string(k);
    INFO(id);
    GameSettings s;
    s.assessment = Assessment::public_institution;
    s.interaction = Interaction::random_pairs;
    s.norm = parse_norm(id);
    s.execution_error = 0.01;
    s.assessment_error = 0.01;
    s.benefit = 5;
    s.cost = 1;
    ReputationGame alone(s, {parse_strategy(id)}, individuals({100}), 21, 0);
    const auto r = alone.run(100, 1000);
    CHECK(r.cooperation_rate() > 0.96);
    // Resident with 10 ALLD: ALLD is held bad and earns less than the residents.
    ReputationGame mixed(s, {parse_strategy(id), parse_strategy("ALLD")}, individuals({90, 10}), 21,
                         1);
    const auto m = mixed.run(100, 1000);
    // L3-L6 call defection against a bad recipient good, and the bad recipients are mostly the
    // other ALLD players (10 of 99), so ALLD is good about a tenth of the time there.
    CHECK(m.good_fraction(0, 1) < 0.2);
    CHECK(m.good_fraction(0, 0) > 0.9);
    CHECK(m.mean_payoff(0) > m.mean_payoff(1));
    CHECK(m.cooperation_rate(0, 0) > 0.96);
  }
}

TEST_CASE("published: Hilbe et al. 2018, leading eight under private assessment",
          "[reputation][verify]") {
  // N = 50, q = 0.9, perception error 0.05, no other error, sweeps, everyone starts good in
  // everyone's eyes, 1000 sweeps of burn-in then 1000 measured, each norm alone. Hilbe et al.
  // (PNAS 2018, Fig. 2): most norms lose cooperation, Stern Judging falls to about half, L8
  // (Judging) collapses.
  std::vector<double> rate(9);
  int losing = 0;
  for (int k = 1; k <= 8; ++k) {
    const std::string id = "L" + std::to_string(k);
    GameSettings s;
    s.assessment = Assessment::private_views;
    s.interaction = Interaction::sweeps;
    s.observation_probability = 0.9;
    s.perception_error = 0.05;
    ReputationResults total(1);
    for (std::uint64_t replicate = 0; replicate < 10; ++replicate) {
      ReputationGame game(s, {parse_strategy(id)}, individuals({50}), 2018, replicate);
      total.add(game.run(1000, 1000));
    }
    rate[k] = total.cooperation_rate();
    std::printf("Hilbe 2018 private assessment: %s self-cooperation %.3f, good %.3f\n", id.c_str(),
                rate[k], total.good_fraction(0, 0));
    losing += rate[k] < 0.95;
  }
  CHECK(rate[6] > 0.35);
  CHECK(rate[6] < 0.65);
  CHECK(rate[8] < 0.15);
  CHECK(losing >= 5);
}
