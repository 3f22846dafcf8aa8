#pragma once
// Every config choice and the value it selects, one table per choice key. The schema takes its
// allowed strings (validation, --help, docs/CONFIG.md) from these tables and the jobs map a
// string to its value through the same table, so a choice cannot be offered without code that
// handles it, nor fall through to a default: Config::choice throws on a string the table lacks.
#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

#include <stdexcept>
#include <string>

#include "engine/config/config.hpp"
#include "engine/dynamics/fitness.hpp"
#include "engine/dynamics/mutant_invasion.hpp"
#include "engine/dynamics/process.hpp"
#include "engine/games/continuous_investment.hpp"
#include "engine/reputation/reputation_game.hpp"
#include "engine/reputation/schedule.hpp"
#include "engine/structure/graph.hpp"
#include "engine/structure/graph_population.hpp"

namespace kindest::config {

template <class Value>
struct Choice {
  std::string_view name;
  Value value;
};

/// A choice key of the schema and its table: `key` is "section.key" as in schema.cpp.
template <class Value, std::size_t N>
struct ChoiceKey {
  std::string_view key;
  std::array<Choice<Value>, N> options;

  std::vector<std::string_view> names() const {
    std::vector<std::string_view> out;
    for (const auto& o : options) out.push_back(o.name);
    return out;
  }
};

// Choices that select a model builder rather than a model's own setting: their values live here.
enum class GameType { prisoners_dilemma, donation_game };
enum class PayoffSource {
  matrix,
  exact,
  tournament,
  public_goods,
  threshold_public_goods,
  matches,
  reputation
};
enum class MutationKind { uniform, local };
enum class StakesStrategySet { listed, rts_grid };
enum class ReplicatorMap { continuous, ecological };

inline constexpr ChoiceKey<GameType, 2> kGameType{
    "game.type",
    {{{"prisoners_dilemma", GameType::prisoners_dilemma},
      {"donation_game", GameType::donation_game}}}};

inline constexpr ChoiceKey<PayoffSource, 7> kPayoffSource{
    "payoffs.source",
    {{{"matrix", PayoffSource::matrix},
      {"exact", PayoffSource::exact},
      {"tournament", PayoffSource::tournament},
      {"public_goods", PayoffSource::public_goods},
      {"threshold_public_goods", PayoffSource::threshold_public_goods},
      {"matches", PayoffSource::matches},
      {"reputation", PayoffSource::reputation}}}};

inline constexpr ChoiceKey<games::BenefitShape, 2> kBenefitShape{
    "stakes.benefit_shape",
    {{{"linear", games::BenefitShape::linear}, {"saturating", games::BenefitShape::saturating}}}};

inline constexpr ChoiceKey<StakesStrategySet, 2> kStakesStrategySet{
    "stakes.strategy_set",
    {{{"listed", StakesStrategySet::listed}, {"rts_grid", StakesStrategySet::rts_grid}}}};

inline constexpr ChoiceKey<dynamics::ProcessKind, 4> kProcess{
    "dynamics.process",
    {{{"pairwise_comparison", dynamics::ProcessKind::pairwise_comparison},
      {"moran_birth_death", dynamics::ProcessKind::moran_birth_death},
      {"moran_death_birth", dynamics::ProcessKind::moran_death_birth},
      {"wright_fisher", dynamics::ProcessKind::wright_fisher}}}};

inline constexpr ChoiceKey<dynamics::FitnessMapping, 2> kFitnessMapping{
    "dynamics.fitness_mapping",
    {{{"linear", dynamics::FitnessMapping::linear},
      {"exponential", dynamics::FitnessMapping::exponential}}}};

inline constexpr ChoiceKey<MutationKind, 2> kMutation{
    "dynamics.mutation", {{{"uniform", MutationKind::uniform}, {"local", MutationKind::local}}}};

inline constexpr ChoiceKey<ReplicatorMap, 2> kReplicatorMap{
    "replicator.map",
    {{{"continuous", ReplicatorMap::continuous}, {"ecological", ReplicatorMap::ecological}}}};

inline constexpr ChoiceKey<dynamics::StrategySpace, 2> kInvasionSpace{
    "invasion.space",
    {{{"memory_one", dynamics::StrategySpace::memory_one},
      {"reactive", dynamics::StrategySpace::reactive}}}};

inline constexpr ChoiceKey<dynamics::MutantDistribution, 2> kMutantDistribution{
    "invasion.mutant_distribution",
    {{{"arcsine", dynamics::MutantDistribution::arcsine},
      {"uniform", dynamics::MutantDistribution::uniform}}}};

// [reputation] assessment says whose view counts; public_assessor then says who forms the one
// shared view. Two keys, not one of three choices, because the issue fixes `assessment` as
// public | private for scripts, and the assessor matters only when it is public.
enum class ReputationViews { public_view, private_view };

inline constexpr ChoiceKey<ReputationViews, 2> kReputationAssessment{
    "reputation.assessment",
    {{{"public", ReputationViews::public_view}, {"private", ReputationViews::private_view}}}};

inline constexpr ChoiceKey<reputation::Assessment, 2> kPublicAssessor{
    "reputation.public_assessor",
    {{{"institution", reputation::Assessment::public_institution},
      {"observer", reputation::Assessment::public_observer}}}};

inline constexpr ChoiceKey<reputation::Interaction, 3> kReputationInteraction{
    "reputation.interaction",
    {{{"random_pairs", reputation::Interaction::random_pairs},
      {"sweeps", reputation::Interaction::sweeps},
      {"all_pairs", reputation::Interaction::all_pairs}}}};

inline constexpr ChoiceKey<reputation::Observation, 2> kReputationObservation{
    "reputation.observation",
    {{{"each_action", reputation::Observation::each_action},
      {"one_action_per_donor", reputation::Observation::one_action_per_donor}}}};

inline constexpr ChoiceKey<reputation::InitialReputation, 3> kInitialReputation{
    "reputation.initial_reputation",
    {{{"good", reputation::InitialReputation::good},
      {"bad", reputation::InitialReputation::bad},
      {"random", reputation::InitialReputation::random}}}};

// [structure] graph: which generator builds who-meets-whom (engine/structure/graph.hpp);
// well_mixed keeps the count-based processes of engine/dynamics.
enum class GraphKind {
  well_mixed,
  square_lattice,
  ring,
  random_regular,
  erdos_renyi,
  barabasi_albert,
  watts_strogatz,
  edge_list
};

inline constexpr ChoiceKey<GraphKind, 8> kGraph{"structure.graph",
                                                {{{"well_mixed", GraphKind::well_mixed},
                                                  {"square_lattice", GraphKind::square_lattice},
                                                  {"ring", GraphKind::ring},
                                                  {"random_regular", GraphKind::random_regular},
                                                  {"erdos_renyi", GraphKind::erdos_renyi},
                                                  {"barabasi_albert", GraphKind::barabasi_albert},
                                                  {"watts_strogatz", GraphKind::watts_strogatz},
                                                  {"edge_list", GraphKind::edge_list}}}};

inline constexpr ChoiceKey<structure::Neighbourhood, 2> kNeighbourhood{
    "structure.neighbourhood",
    {{{"von_neumann", structure::Neighbourhood::von_neumann},
      {"moore", structure::Neighbourhood::moore}}}};

inline constexpr ChoiceKey<structure::GraphUpdate, 5> kGraphUpdate{
    "structure.update",
    {{{"death_birth", structure::GraphUpdate::death_birth},
      {"birth_death", structure::GraphUpdate::birth_death},
      {"pairwise_imitation", structure::GraphUpdate::pairwise_imitation},
      {"imitate_best", structure::GraphUpdate::imitate_best},
      {"proportional_imitation", structure::GraphUpdate::proportional_imitation}}}};

inline constexpr ChoiceKey<structure::PayoffAggregation, 2> kPayoffAggregation{
    "structure.payoffs",
    {{{"accumulated", structure::PayoffAggregation::accumulated},
      {"averaged", structure::PayoffAggregation::averaged}}}};

/// The value `config` selects for `key`. A validated config always holds one of the table's
/// names (the schema offers no other); anything else is a programming error, never a default.
template <class Value, std::size_t N>
Value choice(const Config& config, const ChoiceKey<Value, N>& key) {
  const std::string& name = config.text(key.key);
  for (const auto& o : key.options)
    if (o.name == name) return o.value;
  throw std::logic_error("config key " + std::string(key.key) + " = " + name +
                         " is not in its choice table");
}

}  // namespace kindest::config
