#include "engine/record/file_format.hpp"

#include <stdexcept>

#include "engine/sweep/sweep_format.hpp"

namespace kindest::record {
namespace {

using D = Dtype;

// A table of docs/FORMAT.md: fixed datasets under `fixed_group`, then a series table. Its name
// (table_name) is the file's top-level group it documents, not a job: jobs may share a group.
struct DocTable {
  std::string fixed_group;
  const std::vector<ArraySpec>* fixed = nullptr;
  const SeriesTable* series = nullptr;
  std::string name = {};  // set only where the group does not name the table
};

std::string shape_text(const std::vector<std::string>& shape, bool series) {
  std::vector<std::string> all;
  if (series) all.push_back("T");
  all.insert(all.end(), shape.begin(), shape.end());
  std::string out = "(";
  for (std::size_t k = 0; k < all.size(); ++k) out += (k ? ", " : "") + all[k];
  return out + (all.size() == 1 ? ",)" : ")");
}

std::string row(const std::string& path, const ArraySpec& spec, bool series) {
  if (spec.description.find('|') != std::string::npos)
    throw std::logic_error("dataset spec " + spec.name + ": '|' in its description");
  return "| " + path + " | " + shape_text(spec.shape, series) + " | " + dtype_name(spec.dtype) +
         " | " + spec.units + " | " + spec.description + " |\n";
}

// The per-group series as FORMAT.md shows them (in a file they follow the evolution series).
const SeriesTable& group_series_doc_table() {
  static const SeriesTable t{"/replicates/rNNNN", reputation_group_series_specs(), {}};
  return t;
}
const SeriesTable& group_norm_doc_table() {
  static const SeriesTable t{"/replicates/rNNNN", group_norm_series_specs(), {}};
  return t;
}

const std::vector<DocTable>& doc_tables() {
  static const std::vector<DocTable> tables = {
      {"/tournament", &tournament_specs(), nullptr},
      {"/population", &population_specs(), nullptr},
      {"", nullptr, &evolution_table()},
      // Evolution with [payoffs] source = reputation: both checkpoint slots (named: their group is
      // the replicates' one, which the evolution table already documents).
      {"", &reputation_checkpoint_specs(), nullptr, "reputation_checkpoint"},
      // Evolution with [payoffs] source = reputation: the per-group series and checkpoint.
      {"", &reputation_group_checkpoint_specs(), &group_series_doc_table(), "reputation_groups"},
      // ... and with [groups] evolve_norms: the groups' norms.
      {"", &group_norm_checkpoint_specs(), &group_norm_doc_table(), "group_norms"},
      {"/groups", &group_norm_pool_specs(), nullptr, "group_norm_pool"},
      // Evolution on a graph ([structure]): the nodes' strategies in both checkpoint slots.
      {"", &graph_checkpoint_specs(), nullptr, "graph_checkpoint"},
      // ... and with [structure] snapshots: each node's strategy at the chosen generations.
      {"/replicates/rNNNN/snapshots", &graph_snapshot_specs(), nullptr, "graph_snapshots"},
      {"/analysis", &analysis_specs(), nullptr},
      // Analysis with [payoffs] source = reputation: more of /analysis, named apart.
      {"/analysis", &reputation_analysis_specs(), nullptr, "analysis_reputation"},
      {"", nullptr, &replicator_table()},
      {"/invasion", &invasion_summary_specs(), &invasion_table()},
      {"/reputation", &reputation_specs(), nullptr},
      {"/multilevel", &multilevel_specs(), nullptr},
      {"/upstream", &upstream_specs(), nullptr},
      {"/stakes", &stakes_specs(), nullptr},
      // Job stakes with [stakes] strategy_set = rts_grid: the grid and its stationary plane.
      {"/stakes", &stakes_grid_specs(), nullptr, "stakes_grid"},
      {"/signalling", &signalling_specs(), nullptr},
      {"/summary", &summary_specs(), nullptr},
      // kindest sweep (engine/sweep/sweep_format.cpp): one file for a whole grid of points.
      {"/sweep", &sweep::sweep_specs(), &sweep::points_table(), "sweep"},
      {"", nullptr, &sweep::summary_table(), "sweep_summary"},
      {"", nullptr, &sweep::columns_table(), "sweep_columns"},
      {"", nullptr, &sweep::failures_table(), "sweep_failures"},
  };
  return tables;
}

// "/replicates/rNNNN" -> "replicates".
std::string table_name(const DocTable& t) {
  if (!t.name.empty()) return t.name;
  const std::string& path = t.fixed ? t.fixed_group : t.series->group;
  return path.substr(1, path.find('/', 1) - 1);
}

}  // namespace

const SeriesTable& evolution_table() {
  static const SeriesTable t{
      "/replicates/rNNNN",
      {
          {"generation",
           {},
           D::uint64,
           "generations",
           "Generation of each record, strictly increasing; 0 = the initial population."},
          {"counts",
           {"S"},
           D::uint32,
           "individuals",
           "Individuals playing each strategy; each row sums to the population size."},
          {"mean_payoff",
           {"S"},
           D::float64,
           "payoff per turn",
           "Expected payoff of one individual of each strategy; NaN where the count is 0."},
          {"average_payoff",
           {},
           D::float64,
           "payoff per turn",
           "Population mean payoff: sum of counts x mean_payoff over the size."},
          {"cooperation_rate",
           {},
           D::float64,
           "-",
           "Expected fraction of cooperative moves in an encounter of two distinct random "
           "individuals (any two with self-interaction); NaN when the game has no moves (plain "
           "matrix game)."},
          {"cooperation_by_strategy",
           {"S"},
           D::float64,
           "-",
           "Expected fraction of cooperative moves of one individual of each strategy against a "
           "random other individual (any individual with self-interaction); NaN where the count "
           "is 0 or the game has no moves. counts . cooperation_by_strategy / size = "
           "cooperation_rate. With [payoffs] source = reputation (here and in cooperation_rate "
           "and mean_payoff): realised in the reputation game the generation's population "
           "played, per donor action and per round."},
          {"good_fraction",
           {},
           D::float64,
           "-",
           "[payoffs] source = reputation: fraction of (observer, subject) pairs of distinct "
           "individuals in which the observer holds the subject as good (image scores: score "
           ">= 0), at the ends of the generation's rounds, averaged over them; NaN for other "
           "sources."},
          {"in_group_cooperation",
           {},
           D::float64,
           "-",
           "[payoffs] source = reputation: fraction of the generation's donor actions toward a "
           "recipient of the donor's own [groups] group that were C (one group: every action, "
           "so it equals cooperation_rate); NaN for other sources."},
          {"out_group_cooperation",
           {},
           D::float64,
           "-",
           "[payoffs] source = reputation: fraction of the generation's donor actions toward a "
           "recipient of another group that were C; NaN without such actions (one group, "
           "in_group_probability = 1) and for other sources."},
      },
      {{"counts", {"S"}, D::uint32, "individuals", "Population at checkpoint/generation."}}};
  return t;
}

namespace {

// Individual-based populations (reputation game, graphs) checkpoint each individual's strategy.
ArraySpec individuals_spec() {
  return {"individuals",
          {"Z"},
          D::uint32,
          "-",
          "Strategy index of each individual (on a graph: of each node) at checkpoint/generation."};
}

}  // namespace

const std::vector<ArraySpec>& reputation_checkpoint_specs() {
  static const std::vector<ArraySpec> specs = {
      individuals_spec(),
      {"individual_payoff",
       {"Z"},
       D::float64,
       "payoff per round",
       "Each individual's realised payoff per round in the reputation game of "
       "checkpoint/generation: what the next generation's update uses."},
      {"views",
       {"V", "W"},
       D::uint32,
       "-",
       "The reputation game's views after checkpoint/generation: norms -- bit rows (private: V = "
       "Z rows, one per subject, bit = observer; public: V = 1 shared row, bit = subject), each "
       "64-bit word as its low and high 32-bit halves (W = 2 ceil(Z / 64)); image scores -- "
       "score + 5, private: row = subject, column = observer (V = W = Z), public: V = 1. With "
       "[groups] group_reputation M more rows follow the Z: row Z + g, bit = observer, holds "
       "group g's reputation in each observer's eyes."},
  };
  return specs;
}

const std::vector<ArraySpec>& reputation_group_series_specs() {
  static const std::vector<ArraySpec> specs = {
      {"group_size",
       {"M"},
       D::uint32,
       "individuals",
       "Members of each [groups] group (M = 1 without groups) in the generation's game; each "
       "row sums to the population size (migration moves individuals, never loses one)."},
      {"group_cooperation",
       {"M"},
       D::float64,
       "-",
       "Fraction of the generation's donor actions by members of each group that were C (toward "
       "any recipient); NaN for a group whose members did not act."},
      {"group_payoff",
       {"M"},
       D::float64,
       "payoff per round",
       "Mean realised payoff per member and round of each group in the generation's game (per "
       "partner with [reputation] payoff_per_partner): what the groups' norm competition "
       "compares."},
  };
  return specs;
}

const std::vector<ArraySpec>& reputation_group_checkpoint_specs() {
  static const std::vector<ArraySpec> specs = {
      {"group_of",
       {"Z"},
       D::uint32,
       "-",
       "Group index of each individual at checkpoint/generation (migration changes it)."}};
  return specs;
}

const std::vector<ArraySpec>& group_norm_series_specs() {
  static const std::vector<ArraySpec> specs = {
      {"group_norm",
       {"M"},
       D::uint32,
       "-",
       "Index into /groups/norm_pool of each group's norm in the generation's game (norms "
       "evolve between groups: [groups] evolve_norms)."}};
  return specs;
}

const std::vector<ArraySpec>& group_norm_checkpoint_specs() {
  static const std::vector<ArraySpec> specs = {
      {"group_norm",
       {"M"},
       D::uint32,
       "-",
       "Each group's norm (index into /groups/norm_pool) at checkpoint/generation."}};
  return specs;
}

const std::vector<ArraySpec>& group_norm_pool_specs() {
  static const std::vector<ArraySpec> specs = {{"norm_pool",
                                                {"Q"},
                                                D::string,
                                                "-",
                                                "[groups] norm_pool as given, one name per norm (Q "
                                                "norms): group_norm's index k is entry k."}};
  return specs;
}

SeriesTable grouped_reputation_evolution_table(bool evolving_norms) {
  SeriesTable t = reputation_evolution_table();
  const auto add = [](std::vector<ArraySpec>& to, const std::vector<ArraySpec>& from) {
    to.insert(to.end(), from.begin(), from.end());
  };
  add(t.series, reputation_group_series_specs());
  add(t.checkpoint, reputation_group_checkpoint_specs());
  if (evolving_norms) {
    add(t.series, group_norm_series_specs());
    add(t.checkpoint, group_norm_checkpoint_specs());
  }
  return t;
}

const SeriesTable& reputation_evolution_table() {
  static const SeriesTable t = [] {
    SeriesTable r = evolution_table();
    const auto& extra = reputation_checkpoint_specs();
    r.checkpoint.insert(r.checkpoint.end(), extra.begin(), extra.end());
    return r;
  }();
  return t;
}

const std::vector<ArraySpec>& graph_checkpoint_specs() {
  static const std::vector<ArraySpec> specs = {individuals_spec()};
  return specs;
}

const std::vector<ArraySpec>& graph_snapshot_specs() {
  static const std::vector<ArraySpec> specs = {
      {"generation",
       {"G"},
       D::uint64,
       "generations",
       "The [structure] snapshots generations reached so far, increasing (all G of them once "
       "the replicate has finished)."},
      {"strategy",
       {"G", "Z"},
       D::uint32,
       "-",
       "Strategy index of every node (node = row * L + column on a square lattice) after each "
       "snapshot generation; chunked one snapshot per chunk, shuffled and compressed."},
  };
  return specs;
}

const SeriesTable& graph_evolution_table() {
  static const SeriesTable t = [] {
    SeriesTable r = evolution_table();
    const auto& extra = graph_checkpoint_specs();
    r.checkpoint.insert(r.checkpoint.end(), extra.begin(), extra.end());
    return r;
  }();
  return t;
}

const SeriesTable& invasion_table() {
  static const SeriesTable t{
      "/invasion/rNNNN",
      {
          {"generation",
           {},
           D::uint64,
           "generations",
           "Generation of each record, strictly increasing; 0 = the start."},
          {"residents", {}, D::uint32, "rules", "Number of distinct rules present."},
          {"mean_rule",
           {"4"},
           D::float64,
           "probability",
           "Frequency-weighted mean rule (p_CC, p_CD, p_DC, p_DD)."},
          {"dominant_rule",
           {"4"},
           D::float64,
           "probability",
           "The most frequent rule (p_CC, p_CD, p_DC, p_DD)."},
          {"dominant_frequency", {}, D::float64, "-", "Frequency of the most frequent rule."},
          {"average_payoff",
           {},
           D::float64,
           "payoff per round",
           "Population mean payoff x . A x (without background fitness)."},
          {"cooperation_rate",
           {},
           D::float64,
           "-",
           "Expected fraction of cooperative moves, x . C x."},
      },
      {
          {"rules",
           {"C", "4"},
           D::float64,
           "probability",
           "Rules present at checkpoint/generation, in order of arrival; NaN rows after the "
           "last.",
           true},
          {"frequencies",
           {"C"},
           D::float64,
           "-",
           "Frequency of each checkpoint rule (summing to 1); NaN after the last.",
           true},
      }};
  return t;
}

const std::vector<ArraySpec>& invasion_summary_specs() {
  static const std::vector<ArraySpec> specs = {
      {"final_mean_rule",
       {"R", "4"},
       D::float64,
       "probability",
       "Frequency-weighted mean rule at the last generation; NaN for a replicate that has not "
       "finished."},
      {"final_corner",
       {"R"},
       D::uint32,
       "-",
       "Corner of the unit cube nearest final_mean_rule, 8 [p_CC >= 1/2] + 4 [p_CD >= 1/2] + 2 "
       "[p_DC >= 1/2] + [p_DD >= 1/2] (0 = ALLD, 8 = GRIM, 9 = WSLS, 10 = TFT, 15 = ALLC); 16 = "
       "not finished."},
  };
  return specs;
}

const SeriesTable& replicator_table() {
  static const SeriesTable t{
      "/replicator",
      {
          {"time",
           {},
           D::float64,
           "time",
           "Time of each record, strictly increasing from 0 (generations for the ecological "
           "map)."},
          {"frequencies",
           {"S"},
           D::float64,
           "-",
           "Frequency of each strategy; each row sums to 1."},
          {"mean_payoff",
           {"S"},
           D::float64,
           "payoff per turn",
           "Payoff of each strategy against the population, (A x)_i."},
          {"average_payoff", {}, D::float64, "payoff per turn", "Population mean payoff x . A x."},
          {"cooperation_rate",
           {},
           D::float64,
           "-",
           "Expected fraction of cooperative moves, x . C x; NaN for a plain matrix game."},
      },
      {}};
  return t;
}

// The three tables below are the specs of datasets written by tournament_snapshot.cpp,
// population_game.cpp and analysis_job.cpp, which take names, units and descriptions from
// here; tests/record/test_file_format.cpp checks that what they write matches them.
const std::vector<ArraySpec>& population_specs() {
  static const std::vector<ArraySpec> specs = {
      {"strategies", {"S"}, D::string, "-", "Strategy names; index s in every population dataset."},
      {"payoff_matrix",
       {"S", "S"},
       D::float64,
       "payoff per turn",
       "Payoff of the row strategy against the column strategy."},
      {"cooperation_matrix",
       {"S", "S"},
       D::float64,
       "-",
       "Fraction of turns the row strategy cooperates against the column strategy; NaN for a "
       "plain matrix game."},
  };
  return specs;
}

const std::vector<ArraySpec>& analysis_specs() {
  static const std::vector<ArraySpec> specs = {
      {"fixation_probability",
       {"S", "S"},
       D::float64,
       "-",
       "Entry [i][j]: probability that a single j mutant takes over a population of i; "
       "diagonal 1/Z (a neutral mutant)."},
      {"transition_matrix",
       {"S", "S"},
       D::float64,
       "-",
       "Small-mutation limit: probability that the monomorphic state i is next followed by j "
       "(rho_ij / (S - 1)); rows sum to 1."},
      {"stationary_distribution",
       {"S"},
       D::float64,
       "-",
       "Long-run fraction of time the population spends monomorphic in each strategy, in the "
       "limit of rare mutation."},
  };
  return specs;
}

// Written by analysis_job.cpp from engine/jobs/reputation_payoffs.hpp.
const std::vector<ArraySpec>& reputation_analysis_specs() {
  static const std::vector<ArraySpec> specs = {
      {"payoff_mutant",
       {"S", "S", "M"},
       D::float64,
       "payoff per round",
       "Entry [i][j][k-1]: mean payoff per round of a j individual among k individuals of j and "
       "Z - k of i (k mutants j in residents i), from the window of that composition's "
       "reputation game; NaN on the diagonal i = j."},
      {"payoff_resident",
       {"S", "S", "M"},
       D::float64,
       "payoff per round",
       "Entry [i][j][k-1]: mean payoff per round of an i individual in the same game as "
       "payoff_mutant[i][j][k-1]; NaN on the diagonal."},
      {"cooperation_rate",
       {"S", "S", "M"},
       D::float64,
       "-",
       "Entry [i][j][k-1]: fraction of donor actions that were C in the window of that "
       "composition's game; NaN on the diagonal."},
      {"self_cooperation",
       {"S"},
       D::float64,
       "-",
       "Fraction of donor actions that were C in the window of a monomorphic population of each "
       "strategy."},
      {"self_payoff",
       {"S"},
       D::float64,
       "payoff per round",
       "Mean payoff per round in a monomorphic population of each strategy."},
      {"self_good_fraction",
       {"S"},
       D::float64,
       "-",
       "Fraction of (observer, subject) pairs, observer != subject, with the subject seen as "
       "good, averaged over the window of a monomorphic population of each strategy."},
  };
  return specs;
}

const std::vector<ArraySpec>& tournament_specs() {
  static const std::vector<ArraySpec> specs = {
      {"players",
       {"P"},
       D::string,
       "-",
       "Player names (registry id or family spec); index i everywhere."},
      {"score_per_turn",
       {"P", "P"},
       D::float64,
       "payoff per turn",
       "Mean over repetitions of the row player's score per turn against the column player; "
       "diagonal: self-play (mean of both copies), NaN without self-play."},
      {"score_per_turn_std",
       {"P", "P"},
       D::float64,
       "payoff per turn",
       "Sample standard deviation over repetitions of score_per_turn (0 with one repetition)."},
      {"cooperation_rate",
       {"P", "P"},
       D::float64,
       "-",
       "Mean fraction of turns in which the row player cooperated (as played, after noise)."},
      {"cooperation_rate_std",
       {"P", "P"},
       D::float64,
       "-",
       "Sample standard deviation over repetitions of cooperation_rate."},
      {"wins",
       {"P", "P"},
       D::uint64,
       "matches",
       "Repetitions in which the row player scored strictly more than the column player."},
      {"turns",
       {"P", "P"},
       D::uint64,
       "turns",
       "Total turns played by the pair over all repetitions."},
      {"mean_score_per_turn",
       {"P"},
       D::float64,
       "payoff per turn",
       "Mean of the player's row of score_per_turn, self-play excluded; the ranking key."},
      {"mean_score_per_turn_with_self",
       {"P"},
       D::float64,
       "payoff per turn",
       "Mean of the player's row including the self-play cell (Axelrod 1980's measure); NaN "
       "without self-play."},
      {"ranking",
       {"P"},
       D::uint32,
       "-",
       "Player indices from best to worst by mean_score_per_turn (ties keep index order)."},
  };
  return specs;
}

// Written by engine/jobs/reputation_job.cpp. Averages over the measured window: R replicates,
// S strategies; fractions are NaN where nothing was counted (a strategy with no individuals).
const std::vector<ArraySpec>& reputation_specs() {
  static const std::vector<ArraySpec> specs = {
      {"strategies",
       {"S"},
       D::string,
       "-",
       "Reputation strategy names (ALLC, DISC, L3, Pair(NORM/R), Score(K), ...); index s in every "
       "/reputation dataset."},
      {"counts",
       {"S"},
       D::uint32,
       "individuals",
       "Individuals of each strategy (fixed during the run); they sum to N = [population] size."},
      {"norm",
       {"S"},
       D::string,
       "-",
       "The norm each strategy judges with (its own or [reputation] norm): 8 letters G/B, the "
       "verdicts for entries 4d + 2r + a (d, r: donor's and recipient's reputation, a: action; "
       "1 = G or C); stochastic:p0,...,p7 for a stochastic norm; score for image scores."},
      {"cooperation_rate",
       {"R"},
       D::float64,
       "-",
       "Fraction of the donor actions in the window that were C (after execution errors)."},
      {"cooperation_by_strategy",
       {"R", "S", "S"},
       D::float64,
       "-",
       "Entry [r][i][j]: fraction of actions of donors of strategy i toward recipients of "
       "strategy j that were C."},
      {"good_fraction",
       {"R", "S", "S"},
       D::float64,
       "-",
       "Entry [r][i][j]: fraction of (observer of strategy i, subject of strategy j) pairs, "
       "self-views excluded, in which the observer holds the subject good, over the ends of the "
       "window's rounds (public assessment: the one shared view; image scores: score >= 0)."},
      {"payoff",
       {"R", "S"},
       D::float64,
       "payoff per round",
       "Mean payoff of an individual of strategy s per round (b received, c paid per C)."},
      {"in_group_cooperation",
       {"R"},
       D::float64,
       "-",
       "Fraction of the window's donor actions toward a recipient of the donor's own [groups] "
       "group that were C; without groups every action is in-group (then it equals "
       "cooperation_rate)."},
      {"out_group_cooperation",
       {"R"},
       D::float64,
       "-",
       "Fraction of the window's donor actions toward a recipient of another group that were "
       "C; NaN without such actions (one group, or in_group_probability = 1)."},
      {"out_group_norm",
       {"S"},
       D::string,
       "-",
       "The norm each strategy judges out-group actions with, written as norm (equal to it "
       "unless Group(IN, OUT) or [groups] out_group_norm say otherwise)."},
  };
  return specs;
}

// Written by engine/jobs/multilevel_job.cpp: R runs, each from one cooperator among defectors.
const std::vector<ArraySpec>& multilevel_specs() {
  static const std::vector<ArraySpec> specs = {
      {"mutant_fixed",
       {"R"},
       D::uint32,
       "-",
       "1 where run r ended with cooperators only, 0 where defectors took over; the mean is the "
       "cooperator's fixation probability."},
      {"births", {"R"}, D::uint64, "births", "Birth events of run r until one strategy was left."},
      {"splits",
       {"R"},
       D::uint64,
       "splits",
       "Group splits of run r (each replaced another group); at most births."},
  };
  return specs;
}

// Written by engine/jobs/upstream_job.cpp: S rules, M = N - 1 numbers of mutants. Payoffs are
// per individual per round (N chains of help), closed forms
// (engine/games/upstream_reciprocity.hpp).
const std::vector<ArraySpec>& upstream_specs() {
  static const std::vector<ArraySpec> specs = {
      {"strategies",
       {"S"},
       D::string,
       "-",
       "The rules as given in [upstream] strategies (ALLD, Upstream(u), Direct(d), Linked(d, u)); "
       "index s in every /upstream dataset."},
      {"direct",
       {"S"},
       D::float64,
       "probability",
       "d: probability that an individual of the rule, having just been helped and acting, "
       "returns the help to its donor."},
      {"upstream",
       {"S"},
       D::float64,
       "probability",
       "u: probability that it otherwise passes the help on to a random third party."},
      {"acts_per_chain",
       {"S"},
       D::float64,
       "acts",
       "Expected acts of help per chain in a population of the rule alone, 1 / (1 - w (d + (1 - "
       "d) u)); also the acts each individual gives (and receives) per round."},
      {"simulated_acts_per_chain",
       {"S"},
       D::float64,
       "acts",
       "Mean acts per chain over [upstream] chains simulated chains of the rule alone; NaN for "
       "chains = 0."},
      {"simulated_standard_error",
       {"S"},
       D::float64,
       "acts",
       "Standard error of simulated_acts_per_chain; NaN for fewer than 2 chains."},
      {"payoff_mutant",
       {"S", "S", "M"},
       D::float64,
       "payoff per round",
       "Entry [r][m][k - 1]: expected payoff of an individual of rule m among k of m and N - k of "
       "r (b per act received, c per act given, N chains per round); NaN for r = m."},
      {"payoff_resident",
       {"S", "S", "M"},
       D::float64,
       "payoff per round",
       "The same composition's payoff of an individual of rule r; NaN for r = m."},
      {"fixation_probability",
       {"S", "S"},
       D::float64,
       "-",
       "Entry [i][j]: probability that one j mutant takes over N - 1 of rule i under [dynamics] "
       "process (diagonal 1/N)."},
      {"stationary_distribution",
       {"S"},
       D::float64,
       "-",
       "Small-mutation limit: long-run share of time in the monomorphic population of each rule; "
       "sums to 1."},
  };
  return specs;
}

// Written by engine/jobs/stakes_job.cpp: S investment strategies
// (engine/games/continuous_investment.hpp). Payoffs are expected payoffs per round, exact.
const std::vector<ArraySpec>& stakes_specs() {
  static const std::vector<ArraySpec> specs = {
      {"strategies",
       {"S"},
       D::string,
       "-",
       "The investment strategies as given in [stakes] strategies (NonInvestor, Fixed(x), RTS(a, "
       "b), ShortChanger(a, d), Matcher(a), Linear(a, k, m)); index s in every /stakes dataset."},
      {"first_investment",
       {"S"},
       D::float64,
       "investment",
       "What the strategy invests in the first round of a match (x or a)."},
      {"payoff",
       {"S", "S"},
       D::float64,
       "payoff per round",
       "Entry [i][j]: expected payoff of strategy i in a match against j (b(x) received minus "
       "c(x) paid, summed over the rounds), divided by the expected number of rounds."},
      {"fixation_probability",
       {"S", "S"},
       D::float64,
       "-",
       "Entry [i][j]: probability that one j mutant takes over N - 1 of strategy i under "
       "[dynamics] process with these payoffs (diagonal 1/N)."},
      {"stationary_distribution",
       {"S"},
       D::float64,
       "-",
       "Small-mutation limit: long-run share of time in the monomorphic population of each "
       "strategy; sums to 1."},
  };
  return specs;
}

// Written by engine/jobs/stakes_job.cpp with [stakes] strategy_set = rts_grid: A x B points.
const std::vector<ArraySpec>& stakes_grid_specs() {
  static const std::vector<ArraySpec> specs = {
      {"grid_start",
       {"A"},
       D::float64,
       "investment",
       "The grid's first investments a ([stakes] grid_starts), increasing; strategy i * B + j "
       "of /stakes is RTS(grid_start[i], grid_increment[j])."},
      {"grid_increment",
       {"B"},
       D::float64,
       "investment",
       "The grid's raises b ([stakes] grid_increments), increasing."},
      {"grid_stationary",
       {"A", "B"},
       D::float64,
       "-",
       "Entry [i][j]: /stakes/stationary_distribution of RTS(grid_start[i], grid_increment[j]), "
       "the long-run share of time at that point of the (a, b) plane; sums to 1."},
  };
  return specs;
}

// Written by engine/jobs/signalling_job.cpp (format 1.8): S = signaller rules x observer rules
// (engine/games/costly_signalling.hpp), C = 5 conditions. Payoffs are expected payoffs per
// encounter, exact.
const std::vector<ArraySpec>& signalling_specs() {
  static const std::vector<ArraySpec> specs = {
      {"strategies",
       {"S"},
       D::string,
       "-",
       "Signaller/Observer: every rule of [signalling] signallers (Never, Honest, Always, "
       "Perverse) with every rule of [signalling] observers (Never, Discerning, Always, "
       "Contrarian), signaller-major; index s in every /signalling dataset."},
      {"signal_when_high",
       {"S"},
       D::uint64,
       "-",
       "1 if the strategy signals when of high quality."},
      {"signal_when_low", {"S"}, D::uint64, "-", "1 if the strategy signals when of low quality."},
      {"ally_after_signal",
       {"S"},
       D::uint64,
       "-",
       "1 if the strategy, as observer, allies with a signaller that signalled."},
      {"ally_after_silence",
       {"S"},
       D::uint64,
       "-",
       "1 if the strategy, as observer, allies with a signaller that did not signal."},
      {"payoff",
       {"S", "S"},
       D::float64,
       "payoff per encounter",
       "Entry [i][j]: expected payoff of strategy i against j, each role with probability 1/2 "
       "(closed form in engine/games/costly_signalling.hpp)."},
      {"condition",
       {"C"},
       D::string,
       "-",
       "Names of the margins: high_signals (a - c_H), low_stays_silent (c_L - a), "
       "ally_after_signal (h), shun_silence (-l), blind_alliance_loss (-(q h + (1 - q) l))."},
      {"condition_margin",
       {"C"},
       D::float64,
       "payoff",
       "The margins: honest signalling is a strict equilibrium iff the first four are > 0, and "
       "takes over from the pooling start iff also the fifth is >= 0."},
      {"initial_frequency",
       {"S"},
       D::float64,
       "-",
       "Start of the replicator dynamics: the pooling resident (Never/Discerning, or "
       "Never/Always when q h + (1 - q) l > 0) and every other strategy at [signalling] "
       "rare_frequency; sums to 1."},
      {"final_frequency",
       {"S"},
       D::float64,
       "-",
       "Where the replicator dynamics end from initial_frequency: a rest point at which no "
       "strategy earns more than the mean (strategies that could invade an earlier rest point "
       "are re-seeded at rare_frequency; /summary says whether it was reached); sums to 1."},
      {"fixation_probability",
       {"S", "S"},
       D::float64,
       "-",
       "Entry [i][j]: probability that one j mutant takes over Z - 1 of strategy i, Z = "
       "[population] size, under [dynamics] process and selection_intensity with these payoffs "
       "(diagonal 1/Z)."},
      {"stationary_distribution",
       {"S"},
       D::float64,
       "-",
       "Small-mutation limit of that population: long-run share of time in the monomorphic "
       "population of each strategy; sums to 1."},
  };
  return specs;
}

const std::vector<ArraySpec>& summary_specs() {
  static const std::vector<ArraySpec> specs = {
      {"table",
       {"K"},
       D::string,
       "-",
       "Which summary table the row belongs to: ranking (tournament), stationary_distribution "
       "and population (analysis), frequencies and population (evolution), frequencies "
       "(replicator), final_corners and final_mean_rule (invasion), population, strategies, "
       "cooperation_by_strategy and good_fraction (reputation), fixation (multilevel), "
       "strategies and population (upstream), strategies (stakes), conditions, strategies and "
       "population (signalling), sweep (a "
       "sweep file: rows and failed_rows; its points' summaries are in /sweep/summary)."},
      {"measure",
       {"K"},
       D::string,
       "-",
       "The outcome measure of the row (a column of the printed table), e.g. score_per_turn, "
       "rank, stationary_probability, final_frequency, mean_frequency, fraction."},
      {"strategy",
       {"K"},
       D::string,
       "-",
       "The strategy (player, corner or other row label) the value is about; all for "
       "population-wide measures."},
      {"value",
       {"K"},
       D::float64,
       "varies by measure",
       "The value; NaN where it is not defined or the run has not finished."},
  };
  return specs;
}

std::vector<std::string> format_table_names() {
  std::vector<std::string> out;
  for (const auto& t : doc_tables()) out.push_back(table_name(t));
  return out;
}

std::string format_table(const std::string& name) {
  for (const auto& t : doc_tables()) {
    if (name != table_name(t)) continue;
    std::string out = "| path | shape | dtype | units | meaning |\n|---|---|---|---|---|\n";
    if (t.fixed && t.fixed_group.empty()) {
      // Checkpoint arrays of evolution with [payoffs] source = reputation, in both slots.
      for (const char* slot : {"/checkpoint", "/checkpoint/alternate"})
        for (const auto& spec : *t.fixed)
          out += row(evolution_table().group + slot + "/" + spec.name, spec, false);
    } else if (t.fixed) {
      for (const auto& spec : *t.fixed) out += row(t.fixed_group + "/" + spec.name, spec, false);
    }
    if (t.series) {
      const std::string g = t.series->group;
      for (const auto& spec : t.series->series) out += row(g + "/" + spec.name, spec, true);
      if (!t.series->checkpoint.empty()) {
        // Both slots hold the same datasets (docs/FORMAT.md, "Checkpoints").
        for (const char* slot : {"/checkpoint", "/checkpoint/alternate"}) {
          out += row(g + slot + "/generation", checkpoint_generation_spec(), false);
          for (const auto& spec : t.series->checkpoint)
            out += row(g + slot + "/" + spec.name, spec, false);
          out += row(g + slot + "/stamp", checkpoint_stamp_spec(), false);
        }
      }
    }
    return out;
  }
  throw std::invalid_argument("no generated format table named '" + name + "'");
}

std::string format_markdown(const std::string& doc) {
  static const std::string open = "<!-- generated: ", close = "<!-- end generated -->";
  std::string out;
  std::size_t at = 0;
  for (;;) {
    const std::size_t begin = doc.find(open, at);
    if (begin == std::string::npos) return out + doc.substr(at);
    const std::size_t name_end = doc.find(" -->", begin);
    const std::size_t end = doc.find(close, begin);
    if (name_end == std::string::npos || end == std::string::npos)
      throw std::invalid_argument("FORMAT.md: unterminated generated table at offset " +
                                  std::to_string(begin));
    const std::string name = doc.substr(begin + open.size(), name_end - begin - open.size());
    out += doc.substr(at, name_end + 4 - at) + "\n" + format_table(name);
    out += close;
    at = end + close.size();
  }
}

}  // namespace kindest::record
