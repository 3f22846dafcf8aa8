#include <catch2/catch.hpp>
#include <cmath>

#include "engine/match/markov_payoffs.hpp"
#include "strategies/registry.hpp"

using namespace kindest;
using Catch::Matchers::WithinAbs;
using match::exact_match_payoffs;
using match::long_run_payoffs;

namespace {
const games::PrisonersDilemma kPD{};  // (3, 0, 5, 1)

MemoryOneVector vector_of(const std::string& spec) {
  const auto v = strategies::registry().make_player(spec).prototype->memory_one();
  REQUIRE(v.has_value());
  return *v;
}

// Simulated mean payoff per turn over `reps` matches, and its standard error.
std::pair<std::array<double, 2>, std::array<double, 2>> simulate(const std::string& x,
                                                                 const std::string& y,
                                                                 match::MatchSettings s, int reps) {
  const auto& r = strategies::registry();
  const auto px = r.make_player(x), py = r.make_player(y);
  match::Match m(kPD, s);
  std::array<double, 2> sum{}, sum_sq{};
  for (int i = 0; i < reps; ++i) {
    auto a = px.prototype->clone();
    auto b = py.prototype->clone();
    Stream rng(2024, Purpose::simulation_check, static_cast<std::uint64_t>(i));
    const auto res = m.play(*a, *b, rng);
    for (int p = 0; p < 2; ++p) {
      const double v = res.score[p] / static_cast<double>(res.turns);
      sum[p] += v;
      sum_sq[p] += v * v;
    }
  }
  std::array<double, 2> mean{}, se{};
  for (int p = 0; p < 2; ++p) {
    mean[p] = sum[p] / reps;
    se[p] = std::sqrt((sum_sq[p] / reps - mean[p] * mean[p]) / (reps - 1));
  }
  return {mean, se};
}
}  // namespace

TEST_CASE("markov: TFT vs TFT under any noise earns (R+S+T+P)/4 = 2.25", "[match][markov]") {
  const auto tft = vector_of("TitForTat");
  for (double eps : {0.001, 0.01, 0.1, 0.3}) {
    const auto r = long_run_payoffs(tft, tft, kPD, eps);
    CHECK_THAT(r.payoff_per_turn[0], WithinAbs(2.25, 1e-12));
    CHECK_THAT(r.payoff_per_turn[1], WithinAbs(2.25, 1e-12));
  }
}

TEST_CASE("markov: without noise the start decides (reducible chains)", "[match][markov]") {
  const auto tft = vector_of("TitForTat");
  CHECK_THAT(long_run_payoffs(tft, tft, kPD, 0).payoff_per_turn[0], WithinAbs(3.0, 1e-9));
  // TFT against Suspicious TFT alternates CD / DC forever: (S + T)/2 = 2.5 each.
  const MemoryOneVector stft{{1, 0, 1, 0}, 0};
  const auto r = long_run_payoffs(tft, stft, kPD, 0);
  CHECK_THAT(r.payoff_per_turn[0], WithinAbs(2.5, 1e-9));
  CHECK_THAT(r.payoff_per_turn[1], WithinAbs(2.5, 1e-9));
}

TEST_CASE("markov: Extort-3 against ALLC earns 41/11 versus 21/11 (Press & Dyson 2012)",
          "[match][markov][zd]") {
  const auto r = long_run_payoffs(vector_of("ZeroDeterminant(3,0.038461538461538464)"),
                                  vector_of("MemoryOne(1,1,1,1)"), kPD, 0);
  CHECK_THAT(r.payoff_per_turn[0], WithinAbs(41.0 / 11, 1e-12));
  CHECK_THAT(r.payoff_per_turn[1], WithinAbs(21.0 / 11, 1e-12));
}

TEST_CASE("markov: a ZD strategy enforces s_X - P = chi (s_Y - P) against any opponent",
          "[match][markov][zd]") {
  Stream rng(99, Purpose::simulation_check);
  for (const auto& [spec, chi] : std::vector<std::pair<std::string, double>>{
           {"ZDExtort2", 2.0}, {"ZDExtort3", 3.0}, {"ZeroDeterminant(4,0.02)", 4.0}}) {
    const auto zd = vector_of(spec);
    for (int k = 0; k < 50; ++k) {
      MemoryOneVector y{{rng.uniform(), rng.uniform(), rng.uniform(), rng.uniform()},
                        rng.uniform()};
      const auto r = long_run_payoffs(zd, y, kPD, 0);
      CHECK_THAT(r.payoff_per_turn[0] - 1, WithinAbs(chi * (r.payoff_per_turn[1] - 1), 1e-9));
    }
  }
}

TEST_CASE("markov: fixed-length payoffs match a hand count", "[match][markov]") {
  // TFT vs ALLD for 10 turns: (0 + 9*1)/10 and (5 + 9*1)/10.
  const auto r = exact_match_payoffs(vector_of("TitForTat"), vector_of("MemoryOne(0,0,0,0,0)"), kPD,
                                     {.turns = 10});
  CHECK_THAT(r.payoff_per_turn[0], WithinAbs(0.9, 1e-14));
  CHECK_THAT(r.payoff_per_turn[1], WithinAbs(1.4, 1e-14));
  CHECK_THAT(r.cooperation_rate[0], WithinAbs(0.1, 1e-14));
}

TEST_CASE("markov: TFT is collectively stable iff w >= 2/3 (Axelrod & Hamilton 1981)",
          "[match][markov][verify]") {
  // max((T-R)/(T-P), (T-R)/(R-S)) = max(1/2, 2/3); the binding invader alternates D, C (it
  // cooperates exactly after its own defection), ALLD binds at w = 1/2.
  const auto tft = vector_of("TitForTat");
  const auto alld = vector_of("MemoryOne(0,0,0,0,0)");
  const auto alternator = vector_of("MemoryOne(0,0,1,1,0)");
  auto best_invader = [&](double w) {
    const match::MatchSettings s{.continuation_probability = w};
    const double resident = exact_match_payoffs(tft, tft, kPD, s).payoff_per_turn[0];
    const double invader =
        std::max(exact_match_payoffs(alld, tft, kPD, s).payoff_per_turn[0],
                 exact_match_payoffs(alternator, tft, kPD, s).payoff_per_turn[0]);
    return invader - resident;
  };
  CHECK(best_invader(2.0 / 3 - 1e-6) > 0);
  CHECK(best_invader(2.0 / 3 + 1e-6) < 0);
  CHECK_THAT(best_invader(2.0 / 3), WithinAbs(0.0, 1e-12));
  // ALLD alone: (1-w) T + w P vs R.
  const match::MatchSettings s{.continuation_probability = 0.4};
  CHECK_THAT(exact_match_payoffs(alld, tft, kPD, s).payoff_per_turn[0],
             WithinAbs(0.6 * 5 + 0.4 * 1, 1e-12));
}

TEST_CASE("markov: exact fixed-length payoffs agree with simulated averages",
          "[match][markov][verify]") {
  struct Case {
    std::string x, y;
    match::MatchSettings s;
  };
  const std::vector<Case> cases = {
      {"MemoryOne(0.9,0.2,0.7,0.4,0.6)", "MemoryOne(0.3,0.8,0.5,0.1,0.2)", {.turns = 30}},
      {"WinStayLoseShift", "GTFT", {.turns = 50, .execution_error_rate = 0.05}},
      {"ZDGTFT2", "TitForTat", {.turns = 100, .execution_error_rate = 0.01}},
  };
  for (const auto& c : cases) {
    INFO(c.x << " vs " << c.y);
    const auto exact = exact_match_payoffs(vector_of(c.x), vector_of(c.y), kPD, c.s);
    const auto [mean, se] = simulate(c.x, c.y, c.s, 20000);
    for (int p = 0; p < 2; ++p) CHECK(std::abs(mean[p] - exact.payoff_per_turn[p]) < 5 * se[p]);
  }
}

TEST_CASE("markov: with continuation w, exact = expected total payoff / expected length",
          "[match][markov][verify]") {
  const auto& r = strategies::registry();
  for (const auto& [x, y, w, eps] :
       std::vector<std::tuple<std::string, std::string, double, double>>{
           {"ZDExtort2", "Reactive(0.5,0.9,0.3)", 0.9, 0.0},
           {"TitForTat", "MemoryOne(1,0,0,1)", 0.95, 0.02}}) {
    INFO(x << " vs " << y);
    const match::MatchSettings s{
        .turns = 1, .continuation_probability = w, .execution_error_rate = eps};
    const auto exact = exact_match_payoffs(vector_of(x), vector_of(y), kPD, s);
    const auto px = r.make_player(x), py = r.make_player(y);
    match::Match m(kPD, s);
    const int reps = 40000;
    double total = 0, total_sq = 0, turns = 0;
    for (int i = 0; i < reps; ++i) {
      auto a = px.prototype->clone();
      auto b = py.prototype->clone();
      Stream rng(5, Purpose::simulation_check, static_cast<std::uint64_t>(i));
      const auto res = m.play(*a, *b, rng);
      total += res.score[0];
      total_sq += res.score[0] * res.score[0];
      turns += static_cast<double>(res.turns);
    }
    // E[total] = payoff_per_turn * E[length]; compare the mean total within 5 s.e.
    const double mean = total / reps;
    const double se = std::sqrt((total_sq / reps - mean * mean) / (reps - 1));
    CHECK(std::abs(mean - exact.payoff_per_turn[0] / (1 - w)) < 5 * se);
  }
}

TEST_CASE("markov: long-run payoffs of nearly deterministic rules match a GTH reference",
          "[match][markov]") {
  // The 16 corner rules with every p_i in {eps, 1 - eps} (the invasion job's bounds) make
  // nearly reducible chains, where elimination on M - I loses digits. Reference: the stationary
  // distribution by Grassmann-Taksar-Heyman state reduction in long double, which subtracts
  // nothing and so keeps full relative accuracy however small eps is.
  const auto reference = [](const MemoryOneVector& x, const MemoryOneVector& y) {
    constexpr int kSwapped[4] = {0, 2, 1, 3};
    long double m[4][4];
    for (int s = 0; s < 4; ++s) {
      const long double a = x.p[s], b = y.p[kSwapped[s]];
      m[s][0] = a * b;
      m[s][1] = a * (1 - b);
      m[s][2] = (1 - a) * b;
      m[s][3] = (1 - a) * (1 - b);
    }
    for (int n = 3; n > 0; --n) {
      long double out = 0;
      for (int j = 0; j < n; ++j) out += m[n][j];
      for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) m[i][j] += m[i][n] * m[n][j] / out;
    }
    long double v[4] = {1, 0, 0, 0}, total = 1;
    for (int n = 1; n < 4; ++n) {
      long double in = 0, out = 0;
      for (int j = 0; j < n; ++j) {
        in += v[j] * m[j][n];
        out += m[n][j];
      }
      v[n] = in / out;
      total += v[n];
    }
    const double table[4] = {3, 0, 5, 1};
    long double payoff = 0;
    for (int s = 0; s < 4; ++s) payoff += v[s] / total * table[s];
    return static_cast<double>(payoff);
  };
  // Measured worst errors: 1.3e-15 at every eps below (with elimination on M - I they were
  // 7.5e-14, 1.6e-10 and 5e-8).
  for (const double eps : {1e-3, 1e-6, 1e-9}) {
    std::vector<MemoryOneVector> corners;
    for (int k = 0; k < 16; ++k) {
      MemoryOneVector v;
      for (int s = 0; s < 4; ++s) v.p[s] = (k >> (3 - s)) & 1 ? 1 - eps : eps;
      v.first = v.p[0];
      corners.push_back(v);
    }
    double worst = 0;
    for (const auto& x : corners)
      for (const auto& y : corners)
        worst = std::max(
            worst, std::abs(long_run_payoffs(x, y, kPD, 0).payoff_per_turn[0] - reference(x, y)));
    INFO("eps " << eps << ": worst error " << worst);
    CHECK(worst < 1e-13);
  }
}
