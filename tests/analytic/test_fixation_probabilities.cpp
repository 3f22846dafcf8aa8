#include <tbb/global_control.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "engine/analytic/fixation_probabilities.hpp"
#include "engine/core/errors.hpp"
#include "engine/random/streams.hpp"

using namespace kindest;
using namespace kindest::analytic;
using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

games::PayoffMatrix two_by_two(double a, double b, double c, double d) {
  return games::PayoffMatrix(2, {a, b, c, d});
}

games::PayoffMatrix random_game(std::size_t s, std::uint64_t seed) {
  Stream rng(seed, Purpose::simulation_check);
  games::PayoffMatrix m(s);
  for (std::size_t i = 0; i < s; ++i)
    for (std::size_t j = 0; j < s; ++j) m(i, j) = 5 * rng.uniform();
  return m;
}

// Strategy 1 (A) invading strategy 0 (B) of a 2x2 game, so a = m(1,1), ..., d = m(0,0).
double rho_of_mutant_1(const games::PayoffMatrix& m, std::size_t z, const FixationSettings& s) {
  return compute_fixation_probability(m, 0, 1, z, s);
}

// ---- Independent reference: the (Z+1)-state birth-death chain, solved as a linear system. ----

enum class Model { birth_death, birth_death_parent_replaceable, death_birth, fermi };

struct Step {
  double up, down;
};

// One-step probabilities written from the individual-level description of each update.
Step one_step(Model model, FitnessMapping mapping, double w, double pi_a, double pi_b, int i,
              int z) {
  const double n = z, a = i, b = z - i;
  auto fitness = [&](double pi) {
    return mapping == FitnessMapping::linear ? 1 - w + w * pi : std::exp(w * pi);
  };
  const double fa = fitness(pi_a), fb = fitness(pi_b);
  switch (model) {
    case Model::birth_death:  // parent chosen by fitness, offspring replaces one of the others
      return {a * fa / (a * fa + b * fb) * b / (n - 1), b * fb / (a * fa + b * fb) * a / (n - 1)};
    case Model::birth_death_parent_replaceable:  // ... or any of the Z, the parent included
      return {a * fa / (a * fa + b * fb) * b / n, b * fb / (a * fa + b * fb) * a / n};
    case Model::death_birth:  // uniform death, the Z - 1 survivors compete by fitness
      return {b / n * a * fa / (a * fa + (b - 1) * fb), a / n * b * fb / ((a - 1) * fa + b * fb)};
    case Model::fermi: {  // w is beta here; payoffs used directly
      const double meet = a * b / (n * (n - 1));
      return {meet / (1 + std::exp(-w * (pi_a - pi_b))), meet / (1 + std::exp(w * (pi_a - pi_b)))};
    }
  }
  return {0, 0};
}

// x_i = probability of absorption in Z from i: x_0 = 0, x_Z = 1,
// (T+ + T-) x_i = T- x_{i-1} + T+ x_{i+1}. Dense Gaussian elimination with partial pivoting.
double absorption_from_one(Model model, FitnessMapping mapping, double w,
                           const games::PayoffMatrix& m, int z, bool self_interaction) {
  const double a = m(1, 1), b = m(1, 0), c = m(0, 1), d = m(0, 0);
  const int n = z - 1;  // unknowns x_1..x_{Z-1}
  std::vector<std::vector<double>> mat(n, std::vector<double>(n + 1, 0.0));
  for (int i = 1; i < z; ++i) {
    const double pi_a =
        self_interaction ? (a * i + b * (z - i)) / z : (a * (i - 1) + b * (z - i)) / (z - 1);
    const double pi_b =
        self_interaction ? (c * i + d * (z - i)) / z : (c * i + d * (z - i - 1)) / (z - 1);
    const Step t = one_step(model, mapping, w, pi_a, pi_b, i, z);
    auto& row = mat[i - 1];
    row[i - 1] = t.up + t.down;
    if (i > 1) row[i - 2] = -t.down;
    if (i < z - 1)
      row[i] = -t.up;
    else
      row[n] = t.up;  // x_Z = 1 moves to the right-hand side
  }
  for (int col = 0; col < n; ++col) {
    int pivot = col;
    for (int r = col + 1; r < n; ++r)
      if (std::abs(mat[r][col]) > std::abs(mat[pivot][col])) pivot = r;
    std::swap(mat[col], mat[pivot]);
    for (int r = col + 1; r < n; ++r) {
      const double f = mat[r][col] / mat[col][col];
      for (int k = col; k <= n; ++k) mat[r][k] -= f * mat[col][k];
    }
  }
  std::vector<double> x(n);
  for (int r = n - 1; r >= 0; --r) {
    double v = mat[r][n];
    for (int k = r + 1; k < n; ++k) v -= mat[r][k] * x[k];
    x[r] = v / mat[r][r];
  }
  return x[0];
}

Process process_of(Model m) {
  switch (m) {
    case Model::death_birth:
      return Process::moran_death_birth;
    case Model::fermi:
      return Process::pairwise_comparison;
    default:
      return Process::moran_birth_death;
  }
}

}  // namespace

TEST_CASE("fixation: neutral drift gives 1/Z for every process", "[analytic][fixation]") {
  const auto game = two_by_two(3, 0, 5, 1);
  const auto flat = two_by_two(2, 2, 2, 2);
  for (std::size_t z : {2, 3, 10, 100, 1000}) {
    for (Process p :
         {Process::moran_birth_death, Process::moran_death_birth, Process::pairwise_comparison}) {
      for (FitnessMapping f : {FitnessMapping::linear, FitnessMapping::exponential}) {
        INFO("Z = " << z << ", process " << static_cast<int>(p) << ", mapping "
                    << static_cast<int>(f));
        const double expected = 1.0 / static_cast<double>(z);
        // No selection ...
        CHECK_THAT(rho_of_mutant_1(game, z, {p, 0.0, f, false}), WithinAbs(expected, 1e-12));
        CHECK_THAT(rho_of_mutant_1(game, z, {p, 0.0, f, true}), WithinAbs(expected, 1e-12));
        // ... or selection on equal payoffs.
        CHECK_THAT(rho_of_mutant_1(flat, z, {p, 0.3, f, false}), WithinAbs(expected, 1e-12));
        CHECK_THAT(rho_of_mutant_1(flat, z, {p, 0.3, f, false}), WithinRel(expected, 1e-12));
      }
    }
  }
}

TEST_CASE("fixation: Moran mutant of constant fitness r fixes with (1 - 1/r)/(1 - 1/r^Z)",
          "[analytic][fixation]") {
  // a = b = r, c = d = 1 with f = 1 - w + w pi, w = 1: fitness r against 1 whatever the state.
  const FixationSettings bd{Process::moran_birth_death, 1.0, FitnessMapping::linear, false};
  for (double r : {0.9, 1.01, 1.1, 2.0}) {
    for (std::size_t z : {10, 100, 1000}) {
      INFO("r = " << r << ", Z = " << z);
      const double expected = (1 - 1 / r) / (1 - std::pow(r, -static_cast<double>(z)));
      CHECK_THAT(rho_of_mutant_1(two_by_two(1, 1, r, r), z, bd), WithinRel(expected, 1e-9));
    }
  }
  // The example of references.md: N = 100, r = 1.1 -> 0.0909.
  CHECK_THAT(rho_of_mutant_1(two_by_two(1, 1, 1.1, 1.1), 100, bd), WithinAbs(0.0909, 1e-4));
}

TEST_CASE("fixation: closed forms agree with absorption probabilities of the full chain",
          "[analytic][fixation]") {
  const std::vector<games::PayoffMatrix> games = {
      two_by_two(1, 3, 0, 2),      // mutant (row 1) is a prisoner's-dilemma defector
      two_by_two(2, 0, 0, 4),      // coordination
      two_by_two(1, 3, 2.5, 0.5),  // coexistence (snowdrift)
  };
  for (const auto& game : games) {
    for (int z : {10, 15, 20}) {
      for (bool self : {false, true}) {
        for (Model model : {Model::birth_death, Model::birth_death_parent_replaceable,
                            Model::death_birth, Model::fermi}) {
          for (FitnessMapping f : {FitnessMapping::linear, FitnessMapping::exponential}) {
            const double w = 0.2;  // linear fitness stays >= 0.8 for payoffs in [0, 4]
            INFO("game " << game(0, 0) << "," << game(0, 1) << "," << game(1, 0) << ","
                         << game(1, 1) << "; Z = " << z << ", self = " << self << ", model "
                         << static_cast<int>(model) << ", mapping " << static_cast<int>(f));
            const double brute = absorption_from_one(model, f, w, game, z, self);
            const double closed =
                rho_of_mutant_1(game, static_cast<std::size_t>(z), {process_of(model), w, f, self});
            CHECK_THAT(closed, WithinAbs(brute, 1e-9));
            CHECK_THAT(closed, WithinRel(brute, 1e-9));
          }
        }
      }
    }
  }
}

TEST_CASE("fixation: TFT vs ALLD under weak selection follows Nowak et al. (2004)",
          "[analytic][fixation][verify]") {
  // rho_TFT > 1/Z iff a(Z-2) + b(2Z-1) > c(Z+1) + d(2Z-4), with the m-round payoffs
  // a = Rm, b = S + P(m-1), c = T + P(m-1), d = Pm (TFT = strategy 1, the mutant).
  const double R = 3, S = 0, T = 5, P = 1;
  int favoured = 0, disfavoured = 0;
  for (double m : {4.0, 10.0}) {
    const double a = R * m, b = S + P * (m - 1), c = T + P * (m - 1), d = P * m;
    const auto game = two_by_two(d, c, b, a);
    for (int z = 3; z <= 40; ++z) {
      const double margin = a * (z - 2) + b * (2 * z - 1) - c * (z + 1) - d * (2 * z - 4);
      REQUIRE(margin != 0);
      for (Process p : {Process::moran_birth_death, Process::pairwise_comparison}) {
        INFO("m = " << m << ", Z = " << z << ", process " << static_cast<int>(p));
        const double rho = rho_of_mutant_1(game, static_cast<std::size_t>(z), {p, 1e-5});
        CHECK((rho > 1.0 / z) == (margin > 0));
      }
      (margin > 0 ? favoured : disfavoured)++;
    }
  }
  CHECK(favoured > 0);  // both sides of the condition were exercised
  CHECK(disfavoured > 0);
}

TEST_CASE("fixation: Z = 1000 under strong selection stays finite and exact in log space",
          "[analytic][fixation]") {
  const auto game = random_game(4, 7);
  for (Process p :
       {Process::moran_birth_death, Process::moran_death_birth, Process::pairwise_comparison}) {
    for (FitnessMapping f : {FitnessMapping::linear, FitnessMapping::exponential}) {
      const double w =
          p != Process::pairwise_comparison && f == FitnessMapping::linear ? 0.19 : 10.0;
      INFO("process " << static_cast<int>(p) << ", mapping " << static_cast<int>(f));
      const auto r = compute_fixation_probabilities(game, 1000, {p, w, f});
      for (std::size_t i = 0; i < 4; ++i)
        for (std::size_t j = 0; j < 4; ++j) {
          CHECK(std::isfinite(r.log_probability[i][j]));
          CHECK(r.log_probability[i][j] <= 0);
          CHECK(r.probability[i][j] >= 0);
          CHECK(r.probability[i][j] <= 1);
        }
    }
  }
  // A constant payoff deficit of 1 under beta = 10: T-/T+ = q = e^10 for every j, so
  // rho = (q - 1)/(q^Z - 1): far below the smallest double, but its log is exact.
  const auto deficit = two_by_two(0, 0, -1, -1);
  const auto r =
      compute_fixation_probabilities(deficit, 1000, {Process::pairwise_comparison, 10.0});
  CHECK(r.probability[0][1] == 0);
  CHECK_THAT(r.log_probability[0][1], WithinRel(std::log(std::exp(10.0) - 1) - 10000, 1e-13));
  CHECK_THAT(r.probability[1][0], WithinRel(1 - std::exp(-10.0), 1e-12));
}

TEST_CASE("fixation: the S x S matrix is [resident][mutant] with 1/Z on the diagonal",
          "[analytic][fixation]") {
  const auto game = random_game(5, 11);
  const FixationSettings s{Process::moran_death_birth, 0.1};
  const auto r = compute_fixation_probabilities(game, 30, s);
  for (std::size_t i = 0; i < 5; ++i)
    for (std::size_t j = 0; j < 5; ++j) {
      const double expected = i == j ? 1.0 / 30 : compute_fixation_probability(game, i, j, 30, s);
      CHECK_THAT(r.probability[i][j], WithinRel(expected, 1e-14));
      CHECK_THAT(r.log_probability[i][j], WithinAbs(std::log(expected), 1e-13));
    }
}

TEST_CASE("fixation: results do not depend on the number of threads", "[analytic][fixation]") {
  const auto game = random_game(12, 3);
  const FixationSettings s{Process::pairwise_comparison, 2.0};
  FixationProbabilities one;
  {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
    one = compute_fixation_probabilities(game, 200, s);
  }
  const auto all = compute_fixation_probabilities(game, 200, s);
  CHECK(one.log_probability == all.log_probability);
  CHECK(one.probability == all.probability);
}

TEST_CASE("fixation: an N-player game with n = 2 is the matrix game", "[analytic][fixation]") {
  const auto matrix = random_game(3, 5);
  const games::NPlayerGame pairwise(2, 3, [&](std::size_t s, const std::vector<std::size_t>& co) {
    double v = 0;
    for (std::size_t t = 0; t < 3; ++t) v += static_cast<double>(co[t]) * matrix(s, t);
    return v;
  });
  for (Process p :
       {Process::moran_birth_death, Process::moran_death_birth, Process::pairwise_comparison}) {
    const FixationSettings s{p, 0.1};
    const auto a = compute_fixation_probabilities(matrix, 40, s);
    const auto b = compute_fixation_probabilities(pairwise, 40, s);
    for (std::size_t i = 0; i < 3; ++i)
      for (std::size_t j = 0; j < 3; ++j)
        CHECK_THAT(b.probability[i][j], WithinRel(a.probability[i][j], 1e-12));
  }
  CHECK_THROWS_AS(compute_fixation_probabilities(pairwise, 40, {.self_interaction = true}),
                  kindest::ModelError);
  CHECK_THROWS_AS(compute_fixation_probabilities(games::NPlayerGame::public_goods(5, 3, 1), 4, {}),
                  kindest::ModelError);
}

TEST_CASE("fixation: linear public goods under the Fermi rule has a constant payoff gap",
          "[analytic][fixation]") {
  // With groups drawn without replacement, pi_C(i) - pi_D(i) = (r c / n)(1 - (n-1)/(Z-1)) - c =:
  // delta for every i, so T-/T+ = exp(-beta delta) and rho_C = (1 - e^{-beta delta}) / (1 -
  // e^{-beta delta Z}).
  const double r = 4, c = 1, beta = 0.5;
  const std::size_t n = 5, z = 25;
  const double delta = r * c / n * (1 - (n - 1.0) / (z - 1.0)) - c;
  const auto f = compute_fixation_probabilities(
      games::NPlayerGame::public_goods(n, r, c), z,
      {.process = Process::pairwise_comparison, .selection_intensity = beta});
  auto rho = [&](double d) { return (1 - std::exp(-beta * d)) / (1 - std::exp(-beta * d * z)); };
  CHECK_THAT(f.probability[1][0], WithinRel(rho(delta), 1e-12));   // C invading D
  CHECK_THAT(f.probability[0][1], WithinRel(rho(-delta), 1e-12));  // D invading C
}

TEST_CASE("fixation: bad settings are rejected with the offending value", "[analytic][fixation]") {
  const auto game = two_by_two(3, 0, 5, 1);
  // 1 - w + w * 0 <= 0 once w >= 1.
  CHECK_THROWS_WITH(rho_of_mutant_1(game, 10, {Process::moran_birth_death, 1.5}),
                    Contains("selection_intensity w = 1.5") && Contains("exponential"));
  CHECK_NOTHROW(
      rho_of_mutant_1(game, 10, {Process::moran_birth_death, 1.5, FitnessMapping::exponential}));
  CHECK_THROWS_WITH(rho_of_mutant_1(game, 10, {Process::pairwise_comparison, -1.0}),
                    Contains("selection_intensity = -1"));
  CHECK_THROWS_WITH(rho_of_mutant_1(game, 1, {}), Contains("Z = 1"));
  CHECK_THROWS_AS(compute_fixation_probability(game, 0, 2, 10, {}), kindest::ModelError);
  const PayoffsByMutants broken = [](std::size_t j) { return PayoffPair{j == 3 ? NAN : 1.0, 1.0}; };
  CHECK_THROWS_WITH(compute_fixation_probability(broken, 10, {}), Contains("at 3 mutants"));
  CHECK_THROWS_AS(compute_fixation_probabilities(game, 10, {Process::moran_death_birth, 2.0}),
                  kindest::ModelError);
}

TEST_CASE("fixation: payoffs tabulated per composition are the matrix case bit for bit",
          "[analytic][fixation]") {
  // A table filled with the matrix game's own per-composition payoffs must give exactly the
  // matrix result: one mechanism, the matrix a special case of the table.
  const std::size_t s = 4, z = 37;
  const auto game = random_game(s, 21);
  CompositionPayoffs table(s, z);
  for (std::size_t r = 0; r < s; ++r)
    for (std::size_t m = 0; m < s; ++m) {
      if (r == m) continue;
      const double a = game(m, m), b = game(m, r), c = game(r, m), d = game(r, r);
      for (std::size_t k = 1; k < z; ++k) {
        const double i = static_cast<double>(k), n = static_cast<double>(z);
        table.mutant[table.index(r, m, k)] = (a * (i - 1) + b * (n - i)) / (n - 1);
        table.resident[table.index(r, m, k)] = (c * i + d * (n - i - 1)) / (n - 1);
      }
    }
  for (Process p :
       {Process::moran_birth_death, Process::moran_death_birth, Process::pairwise_comparison}) {
    const FixationSettings settings{p, 0.2};
    const auto from_matrix = compute_fixation_probabilities(game, z, settings);
    const auto from_table = compute_fixation_probabilities(table, settings);
    CHECK(from_table.log_probability == from_matrix.log_probability);
    CHECK(from_table.probability == from_matrix.probability);
  }
  // A table cannot add self-play, and its size must fit S and Z.
  CHECK_THROWS_WITH(compute_fixation_probabilities(table, {.self_interaction = true}),
                    Contains("self_interaction"));
  CompositionPayoffs short_table = table;
  short_table.mutant.pop_back();
  CHECK_THROWS_WITH(compute_fixation_probabilities(short_table, {}), Contains("S * S * (Z - 1)"));
  // A missing entry (NaN) is named by its number of mutants.
  CompositionPayoffs holed = table;
  holed.resident[holed.index(2, 1, 5)] = NAN;
  CHECK_THROWS_WITH(compute_fixation_probabilities(holed, {}), Contains("at 5 mutants"));
}
