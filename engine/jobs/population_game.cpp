#include "engine/jobs/population_game.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <sstream>

#include "engine/config/choices.hpp"
#include "engine/config/lists.hpp"
#include "engine/config/schema.hpp"
#include "engine/core/errors.hpp"
#include "engine/core/resources.hpp"
#include "engine/games/assortment.hpp"
#include "engine/jobs/from_config.hpp"
#include "engine/match/markov_payoffs.hpp"
#include "engine/record/file_format.hpp"

namespace kindest::jobs {
namespace {

// [population] strategies, or the memory_one_grid it stands for.
std::string strategy_list(const config::Config& c) {
  const auto levels = static_cast<int>(c.integer("population.memory_one_grid"));
  if (levels == 0) return c.text("population.strategies");
  if (!c.text("population.strategies").empty())
    throw ConfigError("config error: give [population] strategies or memory_one_grid, not both (" +
                      c.source() + ")");
  // Nowak & Sigmund's (1993) bounds: every rule errs at least once in a thousand moves.
  std::vector<std::string> level;
  for (int k = 0; k < levels; ++k) {
    std::ostringstream x;
    x << 0.001 + 0.998 * k / (levels - 1);
    level.push_back(x.str());
  }
  std::string list;
  for (const auto& a : level)
    for (const auto& b : level)
      for (const auto& d : level)
        for (const auto& e : level)
          list += (list.empty() ? "" : ", ") +
                  ("MemoryOne(" + a + "," + b + "," + d + "," + e + "," + a + ")");
  return list;
}

// The schema's default [payoffs] matrix: the prisoner's dilemma between C and D.
const games::PayoffMatrix& default_matrix() {
  static const games::PayoffMatrix m = parse_matrix(
      std::string(config::find_key("payoffs.matrix")->default_value), "[payoffs] matrix");
  return m;
}

PopulationGame from_matrix(const config::Config& c) {
  PopulationGame g;
  g.payoffs = parse_matrix(c.text("payoffs.matrix"), "[payoffs] matrix");
  const std::size_t s = g.payoffs.size();
  const std::string labels = c.text("payoffs.labels");
  if (!labels.empty()) {
    g.strategies = config::split_list(labels);
    if (g.strategies.size() != s)
      throw ConfigError("config error: [payoffs] labels names " +
                        std::to_string(g.strategies.size()) + " strategies but the matrix has " +
                        std::to_string(s) + " (" + c.source() + ")");
  } else if (g.payoffs.row_major() == default_matrix().row_major()) {
    // By value, not by spelling: "3, 0; 5, 1" is the default prisoner's dilemma too.
    g.strategies = {"C", "D"};
  } else {
    for (std::size_t i = 0; i < s; ++i) g.strategies.push_back("s" + std::to_string(i));
  }
  if (g.strategies == std::vector<std::string>{"C", "D"})
    g.cooperation = games::PayoffMatrix(2, {1, 1, 0, 0});
  return g;
}

PopulationGame from_strategies(const config::Config& c, const PlayerResolver& resolve) {
  const auto players = resolve(strategy_list(c));
  if (players.size() < 2)
    throw ConfigError(
        "config error: [population] strategies must name at least two strategies "
        "for [payoffs] source = " +
        c.text("payoffs.source") + " (" + c.source() + ")");
  PopulationGame g;
  const std::size_t s = players.size();
  // The payoff and cooperation matrices: 2 S^2 doubles (a 12-level memory-one grid is 20736
  // strategies, 6.9 GB), checked before the S^2 matches or Markov chains that fill them.
  const std::string what =
      c.integer("population.memory_one_grid") > 0
          ? "[population] memory_one_grid = " + c.text("population.memory_one_grid") + " (" +
                std::to_string(s) + " strategies)"
          : "[population] strategies (" + std::to_string(s) + " of them)";
  const double matrix = 8.0 * static_cast<double>(s) * static_cast<double>(s);
  require_memory(2 * matrix, what, "the payoff matrices take 16 S^2 bytes; use fewer strategies");
  for (const auto& p : players) {
    g.strategies.push_back(p.name);
    if (const auto m = p.prototype->memory_one()) g.memory_one.push_back(*m);
  }
  if (g.memory_one.size() != s) g.memory_one.clear();
  g.payoffs = games::PayoffMatrix(s);
  g.cooperation = games::PayoffMatrix(s);
  if (config::choice(c, config::kPayoffSource) == config::PayoffSource::exact) {
    for (const auto& p : players)
      if (!p.prototype->memory_one())
        throw ConfigError(
            "config error: [payoffs] source = exact needs memory-one strategies, and " + p.name +
            " is not one; use source = tournament");
    const auto& v = g.memory_one;
    const auto game = game_from_config(c);
    const auto match = match_settings_from_config(c);
    for (std::size_t i = 0; i < s; ++i)
      for (std::size_t j = 0; j < s; ++j) {
        const auto r = c.boolean("payoffs.long_run")
                           ? match::long_run_payoffs(v[i], v[j], game, match.execution_error_rate)
                           : match::exact_match_payoffs(v[i], v[j], game, match);
        g.payoffs(i, j) = r.payoff_per_turn[0];
        (*g.cooperation)(i, j) = r.cooperation_rate[0];
      }
    return g;
  }
  auto settings = tournament_settings_from_config(c);
  settings.self_play = true;  // the diagonal is the payoff against one's own kind
  const auto r = tournament::run_round_robin(players, game_from_config(c), settings);
  g.payoffs = games::PayoffMatrix(s, r.score_per_turn);
  g.cooperation = games::PayoffMatrix(s, r.cooperation_rate);
  return g;
}

PopulationGame from_group_game(const config::Config& c) {
  const auto n = static_cast<std::size_t>(c.integer("payoffs.group_size"));
  const double r = c.real("payoffs.multiplication_factor");
  const double cost = c.real("payoffs.contribution");
  const auto threshold = static_cast<std::size_t>(c.integer("payoffs.threshold"));
  if (n > c.unsigned_integer("population.size"))
    throw ConfigError("config error: [payoffs] group_size = " + std::to_string(n) +
                      " exceeds [population] size = " + c.text("population.size") + " (" +
                      c.source() + ")");
  if (threshold > n)
    throw ConfigError("config error: [payoffs] threshold = " + std::to_string(threshold) +
                      " exceeds group_size = " + std::to_string(n) + " (" + c.source() + ")");
  PopulationGame g;
  g.strategies = {"C", "D"};
  g.group = config::choice(c, config::kPayoffSource) == config::PayoffSource::public_goods
                ? games::NPlayerGame::public_goods(n, r, cost)
                : games::NPlayerGame::threshold_public_goods(n, r, cost, threshold);
  g.payoffs = games::PayoffMatrix(2, std::nan(""));
  g.cooperation = games::PayoffMatrix(2, {1, 1, 0, 0});
  return g;
}

// [payoffs] source = reputation plays the reputation game among individuals (job = reputation,
// engine/jobs/reputation_settings.hpp); a job that reaches here has no such game (yet), and its
// [population] strategies must never be resolved as Axelrod-style strategies instead.
ConfigError reputation_source_refused(const config::Config& c) {
  const std::string& job = c.text("run.job");
  const std::string where =
      c.source() == "command line" ? "on the command line" : "in " + c.source();
  const bool planned = job == "evolution" || job == "analysis";
  return ConfigError(
      "config error: [payoffs] source = reputation is " +
      std::string(planned ? "not yet supported by" : "not read by") + " job = " + job +
      "; job = reputation plays the reputation game for a fixed population (" + where + ")");
}

PopulationGame from_matches(const config::Config& c, const PlayerResolver& resolve) {
  PopulationGame g;
  g.players = resolve(c.text("population.strategies"));
  if (g.players.size() < 2)
    throw ConfigError(
        "config error: [population] strategies must name at least two strategies "
        "for [payoffs] source = matches (" +
        c.source() + ")");
  for (const auto& p : g.players) g.strategies.push_back(p.name);
  g.payoffs = games::PayoffMatrix(g.players.size(), std::nan(""));
  g.stage_game = game_from_config(c);
  return g;
}

// Kin selection as assortment acts on a pairwise payoff matrix (engine/games/assortment.hpp);
// the cooperation matrix follows the same identity, since who an individual meets is the same.
PopulationGame with_assortment(PopulationGame g, const config::Config& c) {
  const double r = c.real("payoffs.assortment");
  if (r == 0.0) return g;
  g.payoffs = games::with_assortment(g.payoffs, r);
  if (g.cooperation) g.cooperation = games::with_assortment(*g.cooperation, r);
  return g;
}

}  // namespace

games::PayoffMatrix parse_matrix(const std::string& text, const std::string& key) {
  const auto rows = config::split_list(text, ';');
  const std::size_t s = rows.size();
  std::vector<double> values;
  for (const auto& row : rows) {
    const auto cells = config::parse_numbers(row, key);
    if (cells.size() != s)
      throw ConfigError("config error: " + key + " = " + text + " is not square: row '" + row +
                        "' has " + std::to_string(cells.size()) + " entries, expected " +
                        std::to_string(s));
    values.insert(values.end(), cells.begin(), cells.end());
  }
  if (s < 2) throw ConfigError("config error: " + key + " needs at least 2 strategies");
  return games::PayoffMatrix(s, std::move(values));
}

void write_population(record::Hdf5Writer& writer, const PopulationGame& game) {
  const std::size_t s = game.strategies.size();
  const record::Dims dims{{"S", s}};
  const auto write = [&](const std::string& name, record::Values values) {
    writer.write(record::make_dataset("/population",
                                      record::find_spec(record::population_specs(), name), dims,
                                      std::move(values)));
  };
  write("strategies", game.strategies);
  write("payoff_matrix", game.payoffs.row_major());
  std::vector<double> cooperation(s * s, std::nan(""));
  if (game.cooperation) cooperation = game.cooperation->row_major();
  write("cooperation_matrix", std::move(cooperation));
}

PopulationGame population_game_from_config(const config::Config& c, const PlayerResolver& resolve) {
  const auto source = config::choice(c, config::kPayoffSource);
  switch (source) {
    case config::PayoffSource::matrix:
      return with_assortment(from_matrix(c), c);
    case config::PayoffSource::exact:
    case config::PayoffSource::tournament:
      return with_assortment(from_strategies(c, resolve), c);
    default:
      break;
  }
  if (c.real("payoffs.assortment") != 0.0)
    throw ConfigError(
        "config error: [payoffs] assortment = " + c.text("payoffs.assortment") +
        " needs a payoff matrix: [payoffs] source = matrix, exact or tournament, not " +
        c.text("payoffs.source") + " (" + c.source() + ")");
  switch (source) {
    case config::PayoffSource::public_goods:
    case config::PayoffSource::threshold_public_goods:
      return from_group_game(c);
    case config::PayoffSource::reputation:
      throw reputation_source_refused(c);
    default:
      return from_matches(c, resolve);
  }
}

dynamics::PayoffRange PopulationGame::payoff_range() const {
  // Expected and realised payoffs are averages of matrix entries or of the stage game's.
  const auto bounds = [](const auto& values) {
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    return dynamics::PayoffRange{*lo, *hi};
  };
  if (!players.empty()) return bounds(stage_game.table());
  if (!group) return bounds(payoffs.row_major());
  // Every composition of the n - 1 co-players, for every focal strategy.
  dynamics::PayoffRange range{INFINITY, -INFINITY};
  std::vector<std::size_t> co(group->strategies(), 0);
  const std::function<void(std::size_t, std::size_t)> visit = [&](std::size_t k, std::size_t left) {
    if (k + 1 == co.size()) {
      co[k] = left;
      for (std::size_t i = 0; i < co.size(); ++i) {
        range.lowest = std::min(range.lowest, group->payoff(i, co));
        range.highest = std::max(range.highest, group->payoff(i, co));
      }
      return;
    }
    for (std::size_t x = 0; x <= left; ++x) {
      co[k] = x;
      visit(k + 1, left - x);
    }
  };
  visit(0, group->group_size() - 1);
  return range;
}

}  // namespace kindest::jobs
