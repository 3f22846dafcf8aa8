#include "engine/jobs/reputation_settings.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "engine/config/choices.hpp"
#include "engine/config/lists.hpp"
#include "engine/core/number_text.hpp"
#include "engine/core/resources.hpp"
#include "engine/reputation/norm.hpp"

namespace kindest::jobs {
namespace {

std::string where(const config::Config& c) {
  return c.source() == "command line" ? "on the command line" : "in " + c.source();
}

ConfigError key_error(const config::Config& c, const std::string& section, const std::string& key,
                      const std::string& problem) {
  return ConfigError("config error: [" + section + "] " + key + " = " +
                     c.text(section + "." + key) + ": " + problem + " (" + where(c) + ")");
}

// [groups] into the settings: sizes, the in-group draw and the out-group norm, checked here
// with the keys to change (the model checks the same and would name no key).
void read_groups(const config::Config& c, reputation::GameSettings& s) {
  const std::uint64_t n = c.unsigned_integer("population.size");
  const std::uint64_t count = c.unsigned_integer("groups.count");
  std::vector<std::uint32_t> sizes;
  if (const std::string& text = c.text("groups.sizes"); !text.empty()) {
    std::uint64_t total = 0;
    for (double x : config::parse_numbers(text, "[groups] sizes")) {
      if (!(x >= 1 && x <= 4e9 && x == std::floor(x)))
        throw key_error(c, "groups", "sizes",
                        "each size must be a whole number >= 1, got " + config::number_text(x));
      sizes.push_back(static_cast<std::uint32_t>(x));
      total += sizes.back();
    }
    if (total != n)
      throw key_error(c, "groups", "sizes",
                      "the sizes sum to " + std::to_string(total) +
                          ", but [population] size = " + std::to_string(n));
    if (count != 1 && count != sizes.size())
      throw key_error(c, "groups", "count",
                      "[groups] sizes lists " + std::to_string(sizes.size()) +
                          " groups; set count to that or leave it 1");
  } else if (count > 1) {
    if (count > n)
      throw key_error(c, "groups", "count",
                      "more groups than the " + std::to_string(n) +
                          " individuals; allowed 1 .. [population] size");
    sizes =
        reputation::Groups::equal(static_cast<std::uint32_t>(n), static_cast<std::uint32_t>(count))
            .sizes();
  }
  if (sizes.size() > 1) s.group_sizes = sizes;
  if (const std::string& text = c.text("groups.in_group_probability"); !text.empty()) {
    const auto p = config::parse_numbers(text, "[groups] in_group_probability");
    if (p.size() != 1 || !(p[0] >= 0 && p[0] <= 1))
      throw key_error(c, "groups", "in_group_probability", "must be one number in [0, 1]");
    const auto groups = s.group_sizes.empty() ? reputation::Groups(static_cast<std::uint32_t>(n))
                                              : reputation::Groups::from_sizes(s.group_sizes);
    if (const auto problem = reputation::in_group_problem(
            groups, p[0], s.interaction == reputation::Interaction::random_pairs))
      throw key_error(c, "groups", "in_group_probability", *problem);
    s.in_group_probability = p[0];
  }
  if (c.boolean("groups.group_reputation")) {
    if (s.assessment != reputation::Assessment::private_views)
      throw key_error(c, "groups", "group_reputation",
                      "group reputations need [reputation] assessment = private (each observer "
                      "holds its own view of each group)");
    if (s.observation != reputation::Observation::each_action)
      throw key_error(c, "groups", "group_reputation",
                      "group reputations need [reputation] observation = each_action");
    s.group_reputation = true;
  }
  if (c.boolean("groups.shared_views")) {
    if (s.assessment != reputation::Assessment::private_views ||
        s.observation != reputation::Observation::each_action)
      throw key_error(c, "groups", "shared_views",
                      "shared views need [reputation] assessment = private and observation = "
                      "each_action");
    if (s.group_reputation)
      throw key_error(c, "groups", "shared_views",
                      "shared views and group_reputation are two models; choose one");
    s.shared_views = true;
  }
  if (const std::string& text = c.text("groups.norms"); !text.empty()) {
    if (!s.shared_views)
      throw key_error(c, "groups", "norms", "group norms need [groups] shared_views = true");
    for (const auto& name : config::split_specs(text, "[groups] norms")) {
      try {
        s.group_norms.push_back(reputation::parse_norm(name));
      } catch (const std::invalid_argument& e) {
        throw key_error(c, "groups", "norms", e.what());
      }
    }
    const std::size_t m = s.group_sizes.empty() ? 1 : s.group_sizes.size();
    if (s.group_norms.size() != m)
      throw key_error(c, "groups", "norms",
                      std::to_string(s.group_norms.size()) + " norms for " + std::to_string(m) +
                          " groups; give one per group");
  } else if (s.shared_views && c.text("reputation.norm").empty()) {
    throw key_error(c, "groups", "shared_views",
                    "each group judges with [reputation] norm, which is empty; set it or "
                    "[groups] norms");
  }
  if (const std::string& norm = c.text("groups.out_group_norm"); !norm.empty()) {
    try {
      s.out_group_norm = reputation::parse_norm(norm);
    } catch (const std::invalid_argument& e) {
      throw key_error(c, "groups", "out_group_norm", e.what());
    }
  }
}

}  // namespace

reputation::GameSettings reputation_settings(const config::Config& c) {
  if (config::choice(c, config::kGameType) != config::GameType::donation_game)
    throw key_error(c, "game", "type",
                    "the reputation game is a donation game; set [game] type = donation_game "
                    "with benefit b and cost c");
  // Every game holds per individual at least its strategy (4 bytes, plus the job's copy) and
  // its payoff (8), before any view: checked before the first per-individual vector, so that
  // [population] size = 4e9 is one line, not std::bad_alloc (tests/cli/test_cli_limits.cpp).
  require_memory(16.0 * static_cast<double>(c.unsigned_integer("population.size")),
                 "[population] size = " + c.text("population.size") +
                     " in the reputation game (at least 16 bytes per individual)",
                 "lower [population] size");
  reputation::GameSettings s;
  s.benefit = c.real("game.benefit");
  s.cost = c.real("game.cost");
  s.assessment =
      config::choice(c, config::kReputationAssessment) == config::ReputationViews::private_view
          ? reputation::Assessment::private_views
          : config::choice(c, config::kPublicAssessor);
  s.interaction = config::choice(c, config::kReputationInteraction);
  s.observation = config::choice(c, config::kReputationObservation);
  if (s.observation == reputation::Observation::one_action_per_donor) {
    if (s.assessment != reputation::Assessment::private_views)
      throw key_error(c, "reputation", "observation",
                      "one_action_per_donor needs [reputation] assessment = private (each "
                      "observer keeps its own views)");
    if (s.interaction != reputation::Interaction::all_pairs)
      throw key_error(c, "reputation", "observation",
                      "one_action_per_donor needs [reputation] interaction = all_pairs (every "
                      "donor acts toward every other individual each round)");
  }
  if (const std::string& norm = c.text("reputation.norm"); !norm.empty()) {
    try {
      s.norm = reputation::parse_norm(norm);
    } catch (const std::invalid_argument& e) {
      throw key_error(c, "reputation", "norm", e.what());
    }
  }
  s.observation_probability = c.real("reputation.observation_probability");
  s.execution_error = c.real("reputation.execution_error");
  s.perception_error = c.real("reputation.perception_error");
  s.assessment_error = c.real("reputation.assessment_error");
  s.empathy = c.real("reputation.empathy");
  s.knowledge_probability = c.real("reputation.knowledge_probability");
  if (s.knowledge_probability < 1 && s.observation != reputation::Observation::each_action)
    throw key_error(c, "reputation", "knowledge_probability",
                    "below 1 it needs [reputation] observation = each_action; allowed with "
                    "one_action_per_donor: 1");
  s.initial_reputation = config::choice(c, config::kInitialReputation);
  read_groups(c, s);
  return s;
}

std::vector<reputation::Strategy> reputation_strategies(const config::Config& c) {
  std::vector<reputation::Strategy> out;
  for (const auto& spec :
       config::split_specs(c.text("population.strategies"), "[population] strategies")) {
    try {
      out.push_back(reputation::parse_strategy(spec));
    } catch (const std::invalid_argument& e) {
      throw key_error(c, "population", "strategies", e.what());
    }
  }
  if (out.empty())
    throw ConfigError(
        "config error: [population] strategies is empty: the reputation game needs at least one "
        "strategy (ALLC, ALLD, DISC, L1..L8, Action(R), Pair(NORM/R), Score(K)) (" +
        where(c) + ")");
  // The model's own checks (ReputationGame's constructor), here with the keys to change.
  bool scores = false, norms_only = false;
  for (const auto& s : out) {
    scores |= s.threshold.has_value();
    norms_only |= !s.scores_ok;
  }
  if (scores && norms_only)
    throw key_error(c, "population", "strategies",
                    "image-score strategies (Score(K)) cannot be mixed with norm-based ones "
                    "(DISC, L1..L8, Action(R), Pair(NORM/R)); ALLC and ALLD go with either");
  if (scores && c.real("reputation.knowledge_probability") < 1)
    throw key_error(c, "reputation", "knowledge_probability",
                    "below 1 it needs norm-based strategies (DISC, L1..L8, Action(R), "
                    "Pair(NORM/R)), not image scores (Score(K)); allowed with scores: 1");
  if (scores || !c.text("reputation.norm").empty()) return out;
  for (const auto& s : out)
    if (!s.norm || !s.out_norm)
      throw key_error(c, "population", "strategies",
                      "strategy " + s.name +
                          " judges with the population's norm, but [reputation] norm is empty; "
                          "set it (e.g. SternJudging) or give strategies with their own norm "
                          "(L1..L8, Pair(NORM/R))");
  if (config::choice(c, config::kReputationAssessment) == config::ReputationViews::public_view &&
      config::choice(c, config::kPublicAssessor) == reputation::Assessment::public_institution)
    throw key_error(c, "reputation", "public_assessor",
                    "the institution judges with the population's norm, but [reputation] norm "
                    "is empty; set it or use public_assessor = observer");
  return out;
}

GroupEvolution group_evolution(const config::Config& c, const reputation::GameSettings& game) {
  GroupEvolution out;
  const std::uint32_t n = static_cast<std::uint32_t>(c.unsigned_integer("population.size"));
  const std::vector<std::uint32_t> sizes =
      game.group_sizes.empty() ? std::vector<std::uint32_t>{n} : game.group_sizes;
  const auto m = static_cast<std::uint32_t>(sizes.size());
  const auto smallest = *std::min_element(sizes.begin(), sizes.end());
  out.update_within = c.boolean("groups.update_within");
  if (out.update_within && smallest < 2)
    throw key_error(c, "groups", "update_within",
                    "the process inside a group needs at least 2 members in every group (the "
                    "smallest has " +
                        std::to_string(smallest) + ")");
  out.migration_rate = c.real("groups.migration_rate");
  if (out.migration_rate > 0) {
    if (m < 2)
      throw key_error(c, "groups", "migration_rate",
                      "migration needs [groups] count >= 2 (one group has nowhere to move); "
                      "allowed with one group: 0");
    if (smallest < 2)
      throw key_error(c, "groups", "migration_rate",
                      "migration keeps every group at 2 or more members, but a group starts with " +
                          std::to_string(smallest) + "; make every group at least 2");
  }
  out.evolve_norms = c.boolean("groups.evolve_norms");
  if (!out.evolve_norms) {
    // A norm key without evolve_norms would be silently ignored: say so instead.
    if (!c.text("groups.norm_pool").empty())
      throw key_error(c, "groups", "norm_pool", "needs [groups] evolve_norms = true");
    for (const char* key : {"norm_imitation_rate", "norm_mutation_rate"})
      if (c.real(std::string("groups.") + key) != 0)
        throw key_error(c, "groups", key, "needs [groups] evolve_norms = true; allowed without: 0");
    return out;
  }
  if (!game.shared_views)
    throw key_error(c, "groups", "evolve_norms",
                    "evolving group norms need [groups] shared_views = true (each group judges "
                    "with its own norm)");
  for (const auto& name : config::split_specs(c.text("groups.norm_pool"), "[groups] norm_pool")) {
    reputation::Norm norm;
    try {
      norm = reputation::parse_norm(name);
    } catch (const std::invalid_argument& e) {
      throw key_error(c, "groups", "norm_pool", e.what());
    }
    for (std::size_t k = 0; k < out.pool.size(); ++k)
      if (out.pool[k] == norm)
        throw key_error(c, "groups", "norm_pool",
                        name + " is the same norm as " + out.pool_names[k] + "; list each once");
    out.pool.push_back(norm);
    out.pool_names.push_back(name);
  }
  if (out.pool.empty())
    throw key_error(c, "groups", "norm_pool",
                    "evolve_norms needs the norms to evolve among (e.g. SternJudging, "
                    "SimpleStanding, second:0)");
  for (std::uint32_t g = 0; g < m; ++g) {
    const reputation::Norm& norm = game.group_norms.empty() ? *game.norm : game.group_norms[g];
    std::uint32_t k = 0;
    while (k < out.pool.size() && !(out.pool[k] == norm)) ++k;
    if (k == out.pool.size())
      throw key_error(
          c, "groups", "norm_pool",
          "group " + std::to_string(g) + "'s initial norm (" +
              (game.group_norms.empty() ? "[reputation] norm = " + c.text("reputation.norm")
                                        : "[groups] norms entry " + std::to_string(g)) +
              ") is not in the pool; add it");
    out.initial_norm.push_back(k);
  }
  out.norms.pool = static_cast<std::uint32_t>(out.pool.size());
  out.norms.imitation_rate = c.real("groups.norm_imitation_rate");
  out.norms.selection_intensity = c.real("groups.norm_selection_intensity");
  out.norms.mutation_rate = c.real("groups.norm_mutation_rate");
  return out;
}

ReputationRounds reputation_rounds(const config::Config& c) {
  return {.burn_in = c.unsigned_integer("reputation.burn_in"),
          .window = c.unsigned_integer("reputation.window")};
}

ConfigError reputation_config_error(const std::invalid_argument& e, const config::Config& c) {
  return ConfigError(std::string("config error: reputation game: ") + e.what() + " (" + where(c) +
                     ")");
}

}  // namespace kindest::jobs
