#include "engine/games/n_player_game.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <utility>

#include "engine/core/errors.hpp"
#include "engine/core/number_text.hpp"

namespace kindest::games {
namespace {

constexpr const char* kModel = "N-player game";

// log C(n, m) for m = 0..up_to (up_to <= n), by the running product C(n, m) = C(n, m-1) (n-m+1)/m:
// each step adds one rounding, so a table entry is accurate to about m ulps -- far better than
// lgamma differences, which lose digits when n is in the thousands.
std::vector<double> log_binomials(std::size_t n, std::size_t up_to) {
  std::vector<double> out(up_to + 1, 0.0);
  for (std::size_t m = 1; m <= up_to; ++m)
    out[m] = out[m - 1] + std::log(static_cast<double>(n - m + 1) / static_cast<double>(m));
  return out;
}

// The composition distribution of both sampling schemes factorises as
//   P(m) = exp(log_base + sum_t log_weight[t][m_t]),  sum_t m_t = draws,
// over the types t in `support`; m_t ranges over the indices of log_weight[t]. This walks every
// such composition, writing it into the full-length `co_players`, and calls visit(co_players, P).
struct CompositionWalk {
  const std::vector<std::size_t>& support;
  const std::vector<std::vector<double>>& log_weight;
  double log_base;
  std::vector<std::size_t>& co_players;

  template <class Visit>
  void run(std::size_t position, std::size_t remaining, double log_p, Visit& visit) {
    const std::size_t type = support[position];
    const auto& w = log_weight[position];
    if (position + 1 == support.size()) {
      if (remaining >= w.size()) return;
      co_players[type] = remaining;
      visit(co_players, std::exp(log_base + log_p + w[remaining]));
      co_players[type] = 0;
      return;
    }
    for (std::size_t m = 0; m <= remaining && m < w.size(); ++m) {
      co_players[type] = m;
      run(position + 1, remaining - m, log_p + w[m], visit);
    }
    co_players[type] = 0;
  }
};

}  // namespace

NPlayerGame::NPlayerGame(std::size_t group_size, std::size_t strategies, Payoff payoff)
    : group_size_(group_size), strategies_(strategies), payoff_(std::move(payoff)) {
  if (group_size_ < 2)
    throw ModelError(kModel, "group_size", std::to_string(group_size_), "must be at least 2");
  if (strategies_ < 1) throw ModelError(kModel, "strategies", "0", "must be at least 1");
  if (!payoff_) throw ModelError(kModel, "payoff function", "", "is empty");
}

NPlayerGame NPlayerGame::public_goods(std::size_t group_size, double multiplication_factor,
                                      double cost) {
  return threshold_public_goods(group_size, multiplication_factor, cost, 0);
}

NPlayerGame NPlayerGame::threshold_public_goods(std::size_t group_size,
                                                double multiplication_factor, double cost,
                                                std::size_t threshold) {
  if (threshold > group_size)
    throw ModelError("threshold public goods game", "threshold M", std::to_string(threshold),
                     "is outside [0, group_size = " + std::to_string(group_size) + "]");
  const double n = static_cast<double>(group_size);
  return NPlayerGame(
      group_size, 2, [=](std::size_t strategy, const std::vector<std::size_t>& co_players) {
        const bool cooperates = strategy == 0;
        const std::size_t k = co_players[0] + (cooperates ? 1 : 0);
        const double share =
            k >= threshold ? multiplication_factor * cost * static_cast<double>(k) / n : 0.0;
        return share - (cooperates ? cost : 0.0);
      });
}

double NPlayerGame::payoff(std::size_t strategy, const std::vector<std::size_t>& co_players) const {
  if (strategy >= strategies_)
    throw ModelError(kModel, "strategy", std::to_string(strategy),
                     "is outside [0, " + std::to_string(strategies_) + ")");
  if (co_players.size() != strategies_ ||
      std::accumulate(co_players.begin(), co_players.end(), std::size_t{0}) != group_size_ - 1)
    throw ModelError(kModel, "co-player composition", "",
                     "must have " + std::to_string(strategies_) +
                         " counts summing to group_size - 1 = " + std::to_string(group_size_ - 1));
  return payoff_(strategy, co_players);
}

std::vector<double> NPlayerGame::expected_payoffs(const std::vector<std::size_t>& counts) const {
  if (counts.size() != strategies_)
    throw ModelError(
        kModel, "counts", "",
        "must be " + std::to_string(strategies_) + ", got " + std::to_string(counts.size()));
  const std::size_t population = std::accumulate(counts.begin(), counts.end(), std::size_t{0});
  if (population < group_size_)
    throw ModelError(kModel, "population size", std::to_string(population),
                     "is smaller than group_size " + std::to_string(group_size_));
  const std::size_t draws = group_size_ - 1;
  std::vector<std::size_t> support;
  for (std::size_t t = 0; t < strategies_; ++t)
    if (counts[t] > 0) support.push_back(t);

  std::vector<double> out(strategies_, std::numeric_limits<double>::quiet_NaN());
  std::vector<std::size_t> co_players(strategies_, 0);
  std::vector<std::vector<double>> log_weight(support.size());
  const double log_base = -log_binomials(population - 1, draws).back();
  for (std::size_t focal : support) {
    // The focal individual is not among its own possible co-players.
    for (std::size_t p = 0; p < support.size(); ++p) {
      const std::size_t others = counts[support[p]] - (support[p] == focal ? 1 : 0);
      log_weight[p] = log_binomials(others, std::min(others, draws));
    }
    double sum = 0;
    auto visit = [&](const std::vector<std::size_t>& m, double p) { sum += p * payoff_(focal, m); };
    CompositionWalk{support, log_weight, log_base, co_players}.run(0, draws, 0.0, visit);
    out[focal] = sum;
  }
  return out;
}

std::vector<double> NPlayerGame::expected_payoffs_infinite(
    const std::vector<double>& frequencies) const {
  if (frequencies.size() != strategies_)
    throw ModelError(
        kModel, "frequencies", "",
        "must be " + std::to_string(strategies_) + ", got " + std::to_string(frequencies.size()));
  double total = 0;
  for (std::size_t t = 0; t < strategies_; ++t) {
    if (!(frequencies[t] >= 0))
      throw ModelError(kModel, "frequency of strategy " + std::to_string(t),
                       number_text(frequencies[t]), "is negative or NaN");
    total += frequencies[t];
  }
  if (std::abs(total - 1) > 1e-9)
    throw ModelError(kModel, "sum of the frequencies", number_text(total),
                     "must be 1 (within 1e-9)");

  const std::size_t draws = group_size_ - 1;
  // Multinomial: P(m) = draws! prod_t x_t^m_t / m_t!.
  std::vector<double> log_factorial(draws + 1, 0.0);
  for (std::size_t m = 1; m <= draws; ++m)
    log_factorial[m] = log_factorial[m - 1] + std::log(static_cast<double>(m));
  std::vector<std::size_t> support;
  std::vector<std::vector<double>> log_weight;
  for (std::size_t t = 0; t < strategies_; ++t) {
    if (frequencies[t] == 0) continue;
    support.push_back(t);
    auto& w = log_weight.emplace_back(draws + 1);
    for (std::size_t m = 0; m <= draws; ++m)
      w[m] = static_cast<double>(m) * std::log(frequencies[t]) - log_factorial[m];
  }

  std::vector<double> out(strategies_);
  std::vector<std::size_t> co_players(strategies_, 0);
  for (std::size_t focal = 0; focal < strategies_; ++focal) {
    double sum = 0;
    auto visit = [&](const std::vector<std::size_t>& m, double p) { sum += p * payoff_(focal, m); };
    CompositionWalk{support, log_weight, log_factorial[draws], co_players}.run(0, draws, 0.0,
                                                                               visit);
    out[focal] = sum;
  }
  return out;
}

}  // namespace kindest::games
