#include "engine/jobs/reputation_payoffs.hpp"

#include <tbb/parallel_for.h>

#include <atomic>
#include <cmath>
#include <exception>
#include <stdexcept>
#include <string>

#include "engine/random/streams.hpp"

namespace kindest::jobs {
namespace {

// One game: Z - mutants individuals of `resident`, `mutants` of `mutant` (resident == mutant
// and mutants == 0 for a monomorphic population).
struct Composition {
  std::size_t resident, mutant, mutants;
};

struct Outcome {
  double resident_payoff = std::nan(""), mutant_payoff = std::nan("");
  double cooperation = std::nan(""), good_fraction = std::nan("");
};

std::vector<Composition> compositions(std::size_t s, std::size_t z) {
  std::vector<Composition> out;
  out.reserve(composition_game_count(s, z));
  for (std::size_t i = 0; i < s; ++i) out.push_back({i, i, 0});
  for (std::size_t i = 0; i < s; ++i)
    for (std::size_t j = i + 1; j < s; ++j)
      for (std::size_t k = 1; k < z; ++k) out.push_back({i, j, k});
  return out;
}

Outcome play(const CompositionGames& g, const Composition& c) {
  const std::size_t z = g.population_size, s = g.strategies.size();
  std::vector<std::uint32_t> strategy_of(z, static_cast<std::uint32_t>(c.resident));
  for (std::size_t x = z - c.mutants; x < z; ++x)
    strategy_of[x] = static_cast<std::uint32_t>(c.mutant);
  // Only a monomorphic game's good fraction is read; a mixed game of strategies that ignore
  // reputations (ALLC with ALLD) then skips the views and gives the same payoffs.
  reputation::GameSettings settings = g.game;
  settings.views_read = c.mutants == 0;
  reputation::ReputationGame game(settings, g.strategies, std::move(strategy_of),
                                  composition_run(g.seed, c.resident * s + c.mutant, c.mutants));
  const auto r = game.run(g.burn_in, g.window);
  return {r.mean_payoff(c.resident), r.mean_payoff(c.mutant), r.cooperation_rate(),
          r.good_fraction(c.resident, c.resident)};
}

}  // namespace

std::size_t composition_game_count(std::size_t strategies, std::size_t population_size) {
  return strategies + strategies * (strategies - 1) / 2 * (population_size - 1);
}

double composition_work(const CompositionGames& g) {
  const auto z = static_cast<double>(g.population_size);
  const double actions = g.game.interaction == reputation::Interaction::all_pairs ? z * (z - 1) : z;
  const double words =
      g.game.assessment == reputation::Assessment::private_views ? std::ceil(z / 64) : 1.0;
  return static_cast<double>(composition_game_count(g.strategies.size(), g.population_size)) *
         (static_cast<double>(g.burn_in) + static_cast<double>(g.window)) * actions * words;
}

ReputationPayoffs simulate_composition_payoffs(const CompositionGames& g) {
  const std::size_t s = g.strategies.size(), z = g.population_size;
  if (z < 2)
    throw std::invalid_argument("the population needs at least 2 individuals, got " +
                                std::to_string(z));
  if (s < 2)
    throw std::invalid_argument("the small-mutation limit needs at least 2 strategies, got " +
                                std::to_string(s));
  if (g.window == 0)
    throw std::invalid_argument("the measured window must be at least 1 round, got 0");
  const auto games = compositions(s, z);
  std::vector<Outcome> outcome(games.size());
  std::vector<std::exception_ptr> errors(games.size());
  // One game per task: each is thousands of rounds, far above TBB's scheduling cost.
  std::atomic<std::uint64_t> done{0};
  tbb::parallel_for(std::size_t{0}, games.size(), [&](std::size_t t) {
    try {
      outcome[t] = play(g, games[t]);
    } catch (...) {
      errors[t] = std::current_exception();
    }
    if (g.progress) g.progress(++done, games.size());
  });
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);

  ReputationPayoffs out{analytic::CompositionPayoffs(s, z),
                        std::vector<double>(s * s * (z - 1), std::nan("")), std::vector<double>(s),
                        std::vector<double>(s), std::vector<double>(s)};
  for (std::size_t t = 0; t < games.size(); ++t) {
    const auto& [i, j, k] = games[t];
    const Outcome& o = outcome[t];
    if (i == j) {
      out.self_cooperation[i] = o.cooperation;
      out.self_payoff[i] = o.resident_payoff;
      out.self_good_fraction[i] = o.good_fraction;
      continue;
    }
    // k individuals of j among residents i, and the same game read as z - k of i among j.
    const std::size_t ij = out.payoffs.index(i, j, k), ji = out.payoffs.index(j, i, z - k);
    out.payoffs.mutant[ij] = o.mutant_payoff;
    out.payoffs.resident[ij] = o.resident_payoff;
    out.payoffs.mutant[ji] = o.resident_payoff;
    out.payoffs.resident[ji] = o.mutant_payoff;
    out.cooperation[ij] = out.cooperation[ji] = o.cooperation;
  }
  return out;
}

}  // namespace kindest::jobs
