// Published results of indirect reciprocity (../shared/references.md, "Indirect reciprocity").
#include <catch2/catch.hpp>
#include <cmath>
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

TEST_CASE(
    "published: Radzvilavicius et al. 2019, empathy keeps a discriminating population "
    "cooperating under Stern Judging",
    "[reputation][verify]") {
  // Radzvilavicius, Stewart & Plotkin (eLife 2019): private assessment, all_pairs, each observer
  // updates its view of each donor from one randomly chosen action of that donor per round,
  // execution and assessment errors 0.02, N = 50, a DISC population. Under Stern Judging an
  // observer who judges the recipient with its own view often disagrees with the donor's, and
  // condemns justified defections ("unjustified" in its eyes): cooperation falls without
  // empathy (E = 0) and stays high with E = 1. Under Image Scoring the recipient's reputation is
  // never consulted, so empathy cannot matter: here the runs are identical bit for bit (neither
  // E = 0 nor E = 1 draws an empathy word).
  const auto run = [](const char* norm, double empathy) {
    GameSettings s;
    s.interaction = Interaction::all_pairs;
    s.observation = Observation::one_action_per_donor;
    s.norm = parse_norm(norm);
    s.execution_error = 0.02;
    s.assessment_error = 0.02;
    s.empathy = empathy;
    s.benefit = 5;
    s.cost = 1;
    ReputationResults total(1);
    for (std::uint64_t replicate = 0; replicate < 4; ++replicate) {
      ReputationGame game(s, {parse_strategy("DISC")}, individuals({50}), 44269, replicate);
      total.add(game.run(200, 500));
    }
    std::printf("Radzvilavicius 2019: DISC under %s, E = %g: cooperation %.3f, good %.3f\n", norm,
                empathy, total.cooperation_rate(), total.good_fraction(0, 0));
    return total;
  };
  const auto sj0 = run("SternJudging", 0), sj1 = run("SternJudging", 1);
  // E = 1: the closed form of test_reputation_game.cpp, (1 - e1) g* = 0.942.
  CHECK(sj0.cooperation_rate() < sj1.cooperation_rate() - 0.2);
  const auto is0 = run("ImageScoring", 0), is1 = run("ImageScoring", 1);
  CHECK(is0.cooperations == is1.cooperations);
  CHECK(is0.good_views == is1.good_views);
  // Simple Standing also calls every defection against a B recipient good, so with E = 1 it
  // has the same closed form as Stern Judging; without empathy it loses less (its verdict on
  // C does not depend on the recipient). Shunning, which calls every action toward a B
  // recipient bad, collapses either way in a population without ALLC.
  const auto ss0 = run("SimpleStanding", 0), ss1 = run("SimpleStanding", 1);
  const double closed_form = 0.98 * 0.98 / (1 - 0.9608 + 0.98);
  CHECK(std::abs(sj1.cooperation_rate() - closed_form) < 0.01);
  CHECK(std::abs(ss1.cooperation_rate() - closed_form) < 0.01);
  CHECK(ss0.cooperation_rate() > sj0.cooperation_rate() + 0.2);
  CHECK(ss0.cooperation_rate() < ss1.cooperation_rate() - 0.05);
  const auto sh0 = run("Shunning", 0), sh1 = run("Shunning", 1);
  CHECK(sh0.cooperation_rate() < 0.1);
  CHECK(sh1.cooperation_rate() < 0.5);
}
