// Nowak & Sigmund's mutant-invasion dynamics: the selection step against hand-computed and
// closed-form frequencies, conservation of total frequency, extinction, mutant arrival, and the
// distribution of mutants' rules against its distribution function.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>

#include "engine/dynamics/mutant_invasion.hpp"

using namespace kindest;
using Catch::Matchers::WithinAbs;
using dynamics::InvasionSettings;
using dynamics::MutantInvasion;
using dynamics::Rule;

namespace {

// A payoff that depends on p_CC only, so tests can name a game by rules: the "cooperator"
// rule (p_CC = 1) and the "defector" rule (p_CC = 0) play the Prisoner's Dilemma (3, 0, 5, 1),
// and other rules interpolate bilinearly.
dynamics::PairOutcome pd_by_pcc(const Rule& own, const Rule& other) {
  const double a = own[0], b = other[0];
  return {a * b * 3 + a * (1 - b) * 0 + (1 - a) * b * 5 + (1 - a) * (1 - b) * 1, a};
}

const Rule kCooperator{1, 1, 1, 1}, kDefector{0, 0, 0, 0};

InvasionSettings no_mutants() {
  InvasionSettings s;
  s.mutation_probability = 0;
  s.extinction_threshold = 1e-300;
  return s;
}

double sum(const std::vector<double>& x) {
  double s = 0;
  for (double v : x) s += v;
  return s;
}

}  // namespace

TEST_CASE("mutant invasion: one selection step by hand", "[dynamics][invasion]") {
  // x = (1/2, 1/2): f_C = 3/2, f_D = 3, f_bar = 9/4, so x' = (1/3, 2/3).
  MutantInvasion m(no_mutants(), pd_by_pcc, {kCooperator, kDefector}, {0.5, 0.5});
  Stream rng(1, Purpose::simulation_check);
  m.step(rng);
  CHECK_THAT(m.frequencies()[0], WithinAbs(1.0 / 3, 1e-15));
  CHECK_THAT(m.frequencies()[1], WithinAbs(2.0 / 3, 1e-15));
  // Mean payoff x . A x = (1/9) 3 + (2/9)(0 + 5) + (4/9) 1 = 17/9; cooperation = x_C = 1/3.
  CHECK_THAT(m.average_payoff(), WithinAbs(17.0 / 9, 1e-14));
  CHECK_THAT(m.cooperation_rate(), WithinAbs(1.0 / 3, 1e-15));
  // With background fitness 1: f_C = 5/2, f_D = 4, f_bar = 13/4, x' = (5/13, 8/13).
  auto s = no_mutants();
  s.background_fitness = 1;
  MutantInvasion b(s, pd_by_pcc, {kCooperator, kDefector}, {0.5, 0.5});
  b.step(rng);
  CHECK_THAT(b.frequencies()[0], WithinAbs(5.0 / 13, 1e-15));
}

TEST_CASE("mutant invasion: constant fitness follows x a^t / (x a^t + (1 - x) b^t)",
          "[dynamics][invasion]") {
  // Payoffs that do not depend on the opponent: rule i earns 2 + p_CC(i), so a = 3, b = 2.5.
  const auto constant = [](const Rule& own, const Rule&) {
    return dynamics::PairOutcome{2 + own[0], 0};
  };
  const double x0 = 0.01, a = 3, b = 2.5;
  MutantInvasion m(no_mutants(), constant, {Rule{1, 0, 0, 0}, Rule{0.5, 0, 0, 0}}, {x0, 1 - x0});
  Stream rng(1, Purpose::simulation_check);
  for (int t = 1; t <= 200; ++t) {
    m.step(rng);
    const double r = std::pow(a / b, t);
    REQUIRE_THAT(m.frequencies()[0], WithinAbs(x0 * r / (x0 * r + 1 - x0), 1e-12));
  }
}

TEST_CASE("mutant invasion: frequencies stay on the simplex, above the threshold",
          "[dynamics][invasion]") {
  InvasionSettings s;
  s.mutation_probability = 0.3;
  MutantInvasion m(s, pd_by_pcc, {Rule{0.5, 0.5, 0.5, 0.5}}, {1.0});
  std::size_t most = 0;
  for (std::uint64_t g = 1; g <= 3000; ++g) {
    Stream rng(7, Purpose::simulation_check, g);
    m.step(rng);
    REQUIRE_THAT(sum(m.frequencies()), WithinAbs(1.0, 1e-12));
    // Extinction leaves every rule at >= threshold; an arrival then scales them by 1 - m.
    REQUIRE(*std::min_element(m.frequencies().begin(), m.frequencies().end()) >=
            s.extinction_threshold * (1 - s.mutant_frequency));
    REQUIRE(m.rules().size() == m.frequencies().size());
    most = std::max(most, m.rules().size());
  }
  CHECK(most > 1);  // mutants did arrive
  // The defector-like rules win this game: after 3000 generations the mean p_CC is low.
  CHECK(m.mean_rule()[0] < 0.1);
}

TEST_CASE("mutant invasion: a mutant enters at mutant_frequency and extinct rules are removed",
          "[dynamics][invasion]") {
  InvasionSettings s;
  s.mutation_probability = 1;
  s.mutant_frequency = 0.05;
  s.extinction_threshold = 0.02;
  MutantInvasion m(s, pd_by_pcc, {kDefector}, {1.0});
  Stream rng(3, Purpose::simulation_check);
  m.step(rng);
  REQUIRE(m.rules().size() == 2);
  CHECK(m.frequencies()[1] == 0.05);
  CHECK(m.frequencies()[0] == 0.95);
  // From now on: selection, removal of every rule below 0.02 with the survivors renormalised,
  // then one new mutant.
  std::size_t removals = 0;
  for (int t = 0; t < 200; ++t) {
    const auto before = m.rules().size();
    Stream step_rng(3, Purpose::simulation_check, t + 1);
    m.step(step_rng);
    REQUIRE(m.rules().size() <= before + 1);  // one arrival per generation here
    removals += before + 1 - m.rules().size();
    REQUIRE_THAT(sum(m.frequencies()), WithinAbs(1.0, 1e-12));
    for (std::size_t i = 0; i + 1 < m.rules().size(); ++i)
      REQUIRE(m.frequencies()[i] >= s.extinction_threshold * (1 - s.mutant_frequency));
  }
  CHECK(removals > 0);
}

TEST_CASE("mutant invasion: the same stream gives the same run", "[dynamics][invasion]") {
  InvasionSettings s;
  s.mutation_probability = 0.2;
  MutantInvasion a(s, pd_by_pcc, {Rule{0.5, 0.5, 0.5, 0.5}}, {1.0});
  MutantInvasion b = a;
  for (std::uint64_t g = 1; g <= 500; ++g) {
    Stream ra(9, Purpose::mutation, 0, g), rb(9, Purpose::mutation, 0, g);
    a.step(ra);
    b.step(rb);
  }
  CHECK(a.rules() == b.rules());
  CHECK(a.frequencies() == b.frequencies());
}

TEST_CASE("mutant invasion: mutant rules follow the arcsine or uniform distribution",
          "[dynamics][invasion]") {
  // Kolmogorov-Smirnov distance of n draws from the distribution function F; at n = 20000
  // the 0.1% critical value is 1.95 / sqrt(n) = 0.0138.
  const std::size_t n = 20000;
  const auto ks = [&](InvasionSettings s, auto cdf, std::size_t component) {
    Stream rng(21, Purpose::simulation_check);
    std::vector<double> v;
    for (std::size_t i = 0; i < n; ++i) v.push_back(dynamics::draw_rule(s, rng)[component]);
    std::sort(v.begin(), v.end());
    double d = 0;
    for (std::size_t i = 0; i < n; ++i)
      d = std::max({d, std::abs(cdf(v[i]) - static_cast<double>(i) / n),
                    std::abs(cdf(v[i]) - static_cast<double>(i + 1) / n)});
    return d;
  };
  InvasionSettings arcsine;
  arcsine.min_probability = 1e-9;
  const auto f_arcsine = [](double p) { return 2 / std::numbers::pi * std::asin(std::sqrt(p)); };
  for (std::size_t k = 0; k < 4; ++k) CHECK(ks(arcsine, f_arcsine, k) < 0.0138);
  InvasionSettings uniform = arcsine;
  uniform.distribution = dynamics::MutantDistribution::uniform;
  CHECK(ks(
            uniform, [](double p) { return p; }, 2) < 0.0138);
  // The arcsine distribution is not the uniform one: the same test tells them apart.
  CHECK(ks(
            arcsine, [](double p) { return p; }, 2) > 0.05);
}

TEST_CASE("mutant invasion: mutants respect the bounds and the reactive space",
          "[dynamics][invasion]") {
  InvasionSettings s;
  s.min_probability = 0.1;
  s.space = dynamics::StrategySpace::reactive;
  Stream rng(5, Purpose::simulation_check);
  double lowest = 1, highest = 0;
  for (int i = 0; i < 2000; ++i) {
    const Rule r = dynamics::draw_rule(s, rng);
    REQUIRE(r[0] == r[2]);  // p: cooperate after the opponent's C, whatever one's own move
    REQUIRE(r[1] == r[3]);  // q: after the opponent's D
    lowest = std::min({lowest, r[0], r[1]});
    highest = std::max({highest, r[0], r[1]});
  }
  CHECK(lowest == 0.1);  // the arcsine puts about 20% of draws below 0.1: clipped to it
  CHECK(highest == 0.9);
}

TEST_CASE("mutant invasion: corners and bad starts", "[dynamics][invasion]") {
  CHECK(dynamics::nearest_corner({0.999, 0.001, 0.001, 0.999}) == 9);
  CHECK(std::string(dynamics::corner_name(9)) == "WSLS");
  CHECK(std::string(dynamics::corner_name(dynamics::nearest_corner({1, 0.3, 1, 0.3}))) == "TFT");
  CHECK(std::string(dynamics::corner_name(dynamics::nearest_corner({0, 0, 0, 0.2}))) == "ALLD");
  CHECK(std::string(dynamics::corner_name(dynamics::nearest_corner({0.9, 0, 0, 0}))) == "GRIM");
  CHECK(std::string(dynamics::corner_name(15)) == "ALLC");
  CHECK_THROWS(MutantInvasion(no_mutants(), pd_by_pcc, {kCooperator}, {0.5}));
  CHECK_THROWS(MutantInvasion(no_mutants(), pd_by_pcc, {kCooperator, kDefector}, {1.0}));
}
