#include "engine/config/schema.hpp"

#include <map>

#include "engine/config/choices.hpp"
#include "engine/config/lists.hpp"

namespace kindest::config {
namespace {
using T = ValueType;

// Sections, in the order a reader meets them. The section doc opens each part of CONFIG.md.
const std::vector<std::pair<std::string_view, std::string_view>> kSections = {
    {"run", "What to run, with which seed, and where results go."},
    {"game", "The stage game played in each turn."},
    {"match", "One iterated game between two players."},
    {"tournament", "A round robin between named strategies."},
    {"population", "A finite well-mixed population (jobs evolution and analysis)."},
    {"payoffs", "Where the payoff of each strategy against each other one comes from."},
    {"dynamics", "How the population changes from one generation to the next."},
    {"record", "What the evolution job writes, and how often."},
    {"replicator", "Infinite populations (job replicator): frequencies instead of counts."},
    {"invasion",
     "Mutant invasion in a continuous space of memory-one rules (job invasion; Nowak & Sigmund "
     "1993): an infinite population under discrete replicator dynamics, rare random mutants, "
     "extinction below a threshold. Payoffs are long-run payoffs of the repeated [game] with "
     "[match] execution_error_rate; [record] says how often to write."},
    {"structure",
     "Who meets whom (job evolution): well_mixed, or a graph whose nodes each hold one "
     "individual that plays the [payoffs] game with its neighbours and updates by a graph rule "
     "(network reciprocity; engine/structure/). [population] size is the number of nodes."},
    {"reputation",
     "Indirect reciprocity: the reputation game (job reputation; [payoffs] source = reputation). "
     "N = [population] size individuals with [population] strategies play the donation game "
     "with [game] benefit b and cost c (so [game] type must be donation_game); after each "
     "action observers judge the donor with a norm. A round is one sweep, N random pairs or one "
     "all-pairs pass. Norms, codes and their bit order: `kindest norms` and "
     "engine/reputation/norm.hpp."},
    {"groups",
     "A population in groups. The reputation game (engine/reputation/groups.hpp): [population] "
     "individuals dealt in turn into count groups, so each group gets about the population's "
     "strategy mix; who meets whom, and how out-group actions are judged. Job multilevel "
     "(Traulsen & Nowak 2006): count groups of at most max_size individuals play the [game] "
     "within their group; a birth into a full group splits it with probability "
     "split_probability, replacing another group."},
    {"upstream",
     "Upstream (\"pay it forward\") and direct reciprocity in chains of help (job upstream; Nowak "
     "& "
     "Roch 2007; engine/games/upstream_reciprocity.hpp): [population] size N >= 3 individuals, "
     "each act of help gives [game] benefit b and costs [game] cost c ([game] type = "
     "donation_game); a chain starts with a random act of help, and whoever has just been "
     "helped returns it, passes it on or ends the chain by its rule. The small-mutation limit "
     "among the rules uses [dynamics] process and selection_intensity."},
    {"stakes",
     "The continuous-investment game (job stakes; Roberts & Sherratt 1998, Wahl & Nowak 1999; "
     "engine/games/continuous_investment.hpp): in every round of a match both players invest "
     "x >= 0 at once; the investor pays [game] cost C per unit, the partner gains b(x), [game] "
     "benefit B per unit ([game] type = donation_game). Matches last [match] turns rounds or "
     "continue with [match] continuation_probability; the small-mutation limit among the "
     "strategies uses [population] size and [dynamics] process and selection_intensity."},
    {"signalling",
     "Costly signalling by a public-good contribution (job signalling; Gintis, Smith & Bowles "
     "2001; engine/games/costly_signalling.hpp): in an encounter one individual signals (of high "
     "quality with probability q) and the other observes and chooses whether to ally; a "
     "strategy is a signaller rule with an observer rule. The replicator dynamics start from the "
     "pooling population with every other strategy rare."},
};
}  // namespace

const std::vector<KeySpec>& schema() {
  static const std::vector<KeySpec> keys = {
      {.key = "run.job",
       .type = T::job,
       .default_value = "tournament",
       .doc = "What runs; docs/JOBS.md lists every job with what it reads and writes."},
      {.key = "run.seed",
       .type = T::integer,
       .default_value = "1",
       .doc = "Seed of every random stream; same seed and config give identical results.",
       .min = 0,
       .max = 9007199254740992.0},
      {.key = "run.output",
       .type = T::text,
       .default_value = "",
       .doc = "HDF5 file to write; empty = the config file's name with .h5, in the current "
              "directory (kindest.h5 without a config file)."},
      {.key = kGameType.key,
       .type = T::choice,
       .default_value = "prisoners_dilemma",
       .doc = "prisoners_dilemma uses (reward, sucker, temptation, punishment); donation_game "
              "uses (benefit, cost) as R = b - c, S = -c, T = b, P = 0.",
       .choices = kGameType.names()},
      {.key = "game.reward",
       .type = T::real,
       .default_value = "3",
       .doc = "R: payoff for mutual cooperation.",
       .min = -1e9,
       .max = 1e9},
      {.key = "game.sucker",
       .type = T::real,
       .default_value = "0",
       .doc = "S: payoff for cooperating against a defector.",
       .min = -1e9,
       .max = 1e9},
      {.key = "game.temptation",
       .type = T::real,
       .default_value = "5",
       .doc = "T: payoff for defecting against a cooperator.",
       .min = -1e9,
       .max = 1e9},
      {.key = "game.punishment",
       .type = T::real,
       .default_value = "1",
       .doc = "P: payoff for mutual defection.",
       .min = -1e9,
       .max = 1e9},
      {.key = "game.benefit",
       .type = T::real,
       .default_value = "2",
       .doc = "b: what a donation gives the recipient (donation_game; also the reputation "
              "game's b).",
       .min = -1e9,
       .max = 1e9},
      {.key = "game.cost",
       .type = T::real,
       .default_value = "1",
       .doc = "c: what a donation costs the donor (donation_game; also the reputation game's "
              "c).",
       .min = -1e9,
       .max = 1e9},
      {.key = "match.turns",
       .type = T::integer,
       .default_value = "200",
       .doc = "Turns per match when continuation_probability = 0.",
       .min = 1,
       .max = 1e9},
      {.key = "match.continuation_probability",
       .type = T::real,
       .default_value = "0",
       .doc = "w: after each turn another follows with probability w (geometric length, mean "
              "1/(1-w)); 0 = fixed length `turns`.",
       .min = 0,
       .max = 1,
       .max_exclusive = true},
      {.key = "match.execution_error_rate",
       .type = T::real,
       .default_value = "0",
       .doc = "epsilon: each intended move is flipped with this probability; both players see "
              "the flipped move.",
       .min = 0,
       .max = 1},
      {.key = "tournament.players",
       .type = T::strategy_list,
       .default_value = "",
       .doc = "Comma-separated strategy ids, aliases or family specs such as Cycler(CCD) or "
              "MemoryOne(1,0,0,1); `kindest strategies` lists them. Required for job = "
              "tournament."},
      {.key = "tournament.repetitions",
       .type = T::integer,
       .default_value = "10",
       .doc = "Matches per pair of players.",
       .min = 1,
       .max = 1e9},
      {.key = "tournament.self_play",
       .type = T::boolean,
       .default_value = "true",
       .doc = "Each player also meets a copy of itself (as in Axelrod 1980)."},
      {.key = "population.size",
       .type = T::integer,
       .default_value = "100",
       .doc = "Z: number of individuals.",
       .min = 2,
       .max = 4e9},
      {.key = "population.strategies",
       .type = T::strategy_list,
       .default_value = "",
       .doc = "The S strategies (as for [tournament] players) when [payoffs] source is exact, "
              "tournament or matches; ignored for source = matrix. For the reputation game "
              "(job = reputation or source = reputation) reputation strategies instead: ALLC, "
              "ALLD, DISC (C iff the recipient is good; these three judge with [reputation] "
              "norm), L1..L8 (a leading-eight norm with its action rule), Action(R) (action "
              "rule R = 0..15, ALLC, ALLD or DISC, judging with [reputation] norm), Pair(NORM/R) "
              "(any norm with action rule R, e.g. Pair(SternJudging/DISC)), Score(K) (image "
              "scores: C iff the recipient's score >= K, K in [-5, 6]) or Group(IN, OUT) (with "
              "[groups]: strategy IN toward and judging in-group actions, OUT out-group ones, "
              "e.g. Group(DISC, ALLD))."},
      {.key = "population.memory_one_grid",
       .type = T::integer,
       .default_value = "0",
       .doc = "k > 0: instead of [population] strategies, the k^4 memory-one strategies whose "
              "pCC, pCD, pDC, pDD each take k evenly spaced values from 0.001 to 0.999 (first "
              "move with probability pCC), as MemoryOne(...) specs; 0 = off.",
       .min = 0,
       .max = 12},
      {.key = "population.initial_counts",
       .type = T::text,
       .default_value = "",
       .doc = "Comma-separated individuals per strategy, summing to size; empty = as equal as "
              "possible (the first size mod S strategies get one more)."},
      {.key = "population.self_interaction",
       .type = T::boolean,
       .default_value = "false",
       .doc = "false: each individual's payoff is its average against the Z - 1 others; true: "
              "against all Z, itself included."},
      {.key = kPayoffSource.key,
       .type = T::choice,
       .default_value = "matrix",
       .doc = "matrix: the matrix below; exact: expected payoff per turn of memory-one "
              "strategies from their Markov chain under [match] (fixed turns or continuation "
              "probability, noise); tournament: mean score per turn from a round robin under "
              "[match] with [tournament] repetitions, computed once; public_goods / "
              "threshold_public_goods: an N-player game between cooperators C and defectors D "
              "(group_size, multiplication_factor, contribution, threshold), co-players drawn "
              "without replacement; matches: every generation each pair of individuals plays "
              "one match under [match], and the realised mean payoffs drive that generation "
              "(evolution only); reputation: the reputation game of [reputation] (donation game "
              "with [game] benefit and cost), played among the individuals, whose [population] "
              "strategies are then reputation strategies.",
       .choices = kPayoffSource.names()},
      {.key = "payoffs.long_run",
       .type = T::boolean,
       .default_value = "false",
       .doc = "source = exact: use the limit of infinitely long matches (stationary "
              "distribution of the Markov chain, with [match] execution_error_rate) instead "
              "of [match] turns or continuation_probability."},
      {.key = "payoffs.group_size",
       .type = T::integer,
       .default_value = "5",
       .doc = "n: players per group in the N-player games.",
       .min = 2,
       .max = 1000},
      {.key = "payoffs.multiplication_factor",
       .type = T::real,
       .default_value = "3",
       .doc = "r: the common pot is multiplied by r and shared among the n players.",
       .min = 0,
       .max = 1e6},
      {.key = "payoffs.contribution",
       .type = T::real,
       .default_value = "1",
       .doc = "c: what each cooperator puts into the pot.",
       .min = 0,
       .max = 1e6},
      {.key = "payoffs.threshold",
       .type = T::integer,
       .default_value = "3",
       .doc = "M: threshold_public_goods pays out only when at least M of the n cooperate "
              "(Pacheco, Santos, Souza & Skyrms 2009).",
       .min = 0,
       .max = 1000},
      {.key = "payoffs.matrix",
       .type = T::text,
       .default_value = "3,0;5,1",
       .doc = "Rows separated by ';', entries by ',': entry (i, j) is the payoff of strategy i "
              "against strategy j. Default: the prisoner's dilemma with strategies C and D."},
      {.key = "payoffs.assortment",
       .type = T::real,
       .default_value = "0",
       .doc = "r: kin selection as assortment -- with probability r an individual's partner is "
              "of its own type, else a random other (Grafen 1979; Nowak 2006). Applied to the "
              "payoff matrix of sources matrix, exact and tournament as A'_ij = r A_ii + (1 - r) "
              "A_ij (engine/games/assortment.hpp); /population/payoff_matrix holds A'. For the "
              "donation game cooperation is favoured iff r b > c (Hamilton's rule).",
       .min = 0,
       .max = 1},
      {.key = "payoffs.labels",
       .type = T::text,
       .default_value = "",
       .doc = "Comma-separated names of the matrix strategies; empty = s0, s1, ... (C, D for "
              "the 2x2 default)."},
      {.key = kProcess.key,
       .type = T::choice,
       .default_value = "pairwise_comparison",
       .doc = "pairwise_comparison (Fermi imitation), moran_birth_death, moran_death_birth or "
              "wright_fisher.",
       .choices = kProcess.names()},
      {.key = "dynamics.selection_intensity",
       .type = T::real,
       .default_value = "1",
       .doc = "beta (pairwise comparison) or w (Moran, Wright-Fisher); 0 = neutral drift.",
       .min = 0,
       .max = 1e6},
      {.key = kFitnessMapping.key,
       .type = T::choice,
       .default_value = "linear",
       .doc = "Moran and Wright-Fisher: linear f = 1 - w + w*pi or exponential f = exp(w*pi).",
       .choices = kFitnessMapping.names()},
      {.key = "dynamics.mutation_rate",
       .type = T::real,
       .default_value = "0",
       .doc = "mu: per offspring (Moran, Wright-Fisher) or per update (pairwise comparison), "
              "the new strategy is one of the other S - 1, uniformly.",
       .min = 0,
       .max = 1},
      {.key = kMutation.key,
       .type = T::choice,
       .default_value = "uniform",
       .doc = "uniform: a mutant takes any other strategy; local: one near its parent in "
              "memory-one space, with probability proportional to exp(-d^2 / (2 s^2)), d the "
              "distance between (pCC, pCD, pDC, pDD) vectors and s = mutation_scale (needs "
              "memory-one strategies; with [payoffs] source = reputation the vectors are the "
              "action rules' C (1) or D (0) for own x recipient reputation GG, GB, BG, BB, so "
              "with a small s ALLC and ALLD mutate only to DISC). Job stakes with [stakes] "
              "strategy_set = rts_grid: uniform = any other grid point, local = one of the 2 to 4 "
              "neighbouring grid points (next a or next b), uniformly.",
       .choices = kMutation.names()},
      {.key = "dynamics.mutation_scale",
       .type = T::real,
       .default_value = "0.1",
       .doc = "s of local mutation, in units of probability.",
       .min = 1e-6,
       .max = 10},
      {.key = "dynamics.generations",
       .type = T::integer,
       .default_value = "1000",
       .doc = "Generations to run; one generation = Z update events (Wright-Fisher: one "
              "resampling).",
       .min = 1,
       .max = 1e15},
      {.key = "dynamics.updates_per_generation",
       .type = T::integer,
       .default_value = "0",
       .doc = "Job evolution with [payoffs] source = reputation, pairwise comparison or Moran: "
              "update events between two games; 0 = Z (each individual updates once on "
              "average, as the count-based processes). "
              "Radzvilavicius, Stewart & Plotkin (2019) update one individual per generation: "
              "1. Other sources and Wright-Fisher take only 0.",
       .min = 0,
       .max = 4e9},
      {.key = "dynamics.replicates",
       .type = T::integer,
       .default_value = "1",
       .doc = "Independent runs, in parallel; each is its own group /replicates/rNNNN.",
       .min = 1,
       .max = 1e6},
      {.key = "record.interval",
       .type = T::integer,
       .default_value = "1",
       .doc = "Record every k-th generation (generation 0 and the last are always recorded).",
       .min = 1,
       .max = 1e15},
      {.key = "record.flush_every",
       .type = T::integer,
       .default_value = "10000",
       .doc = "Records between flushes to disk; each flush also writes a checkpoint, so an "
              "interrupted run loses at most this many records and can be resumed (--resume).",
       .min = 1,
       .max = 1e9},
      {.key = "record.flush_seconds",
       .type = T::real,
       .default_value = "10",
       .doc = "Also flush (and checkpoint) once this much wall time has passed since the last "
              "flush. Flush times never change the data, only how much an interruption loses. "
              "Values below 0.05 (0 included) mean 0.05: each flush leaves about 1 KiB behind "
              "in the file, and flushing every generation made files hundreds of times larger.",
       .min = 0,
       .max = 1e9},
      {.key = kGraph.key,
       .type = T::choice,
       .default_value = "well_mixed",
       .doc = "well_mixed: everyone meets everyone ([dynamics] process); square_lattice (size "
              "= L^2), ring (each node linked to its [structure] degree nearest), random_regular "
              "(Steger & Wormald pairing), erdos_renyi (mean degree = degree), barabasi_albert "
              "(m = degree / 2 links per new node, mean degree -> degree), watts_strogatz (ring "
              "with rewiring), edge_list (file). Random graphs are drawn once per replicate.",
       .choices = kGraph.names()},
      {.key = kNeighbourhood.key,
       .type = T::choice,
       .default_value = "moore",
       .doc = "square_lattice: von_neumann (4 neighbours) or moore (8).",
       .choices = kNeighbourhood.names()},
      {.key = "structure.periodic",
       .type = T::boolean,
       .default_value = "true",
       .doc = "square_lattice: a torus (true) or a square with borders (false)."},
      {.key = "structure.degree",
       .type = T::integer,
       .default_value = "4",
       .doc = "k: neighbours per node for ring, random_regular and watts_strogatz; the mean "
              "degree for erdos_renyi and barabasi_albert (even).",
       .min = 1,
       .max = 100000},
      {.key = "structure.rewiring",
       .type = T::real,
       .default_value = "0.1",
       .doc = "watts_strogatz: probability that each edge's far end is rewired.",
       .min = 0,
       .max = 1},
      {.key = "structure.file",
       .type = T::text,
       .default_value = "",
       .doc = "edge_list: a file of lines \"u v\" (node ids 0 .. N - 1, '#' comments); relative "
              "paths from the config file's folder."},
      {.key = kGraphUpdate.key,
       .type = T::choice,
       .default_value = "death_birth",
       .doc = "death_birth (a random node dies, neighbours compete by fitness), birth_death (a "
              "node reproduces by fitness into a random neighbour), pairwise_imitation (Fermi "
              "with a random neighbour, beta = [dynamics] selection_intensity), imitate_best "
              "(synchronous: each node copies the best of its neighbourhood, itself included; "
              "Nowak & May 1992), proportional_imitation (synchronous: each node picks a "
              "random neighbour and copies it with probability (P_y - P_x) / (D k_>) if it "
              "earned more; Santos & Pacheco 2005). Replaces [dynamics] process on a graph.",
       .choices = kGraphUpdate.names()},
      {.key = kPayoffAggregation.key,
       .type = T::choice,
       .default_value = "accumulated",
       .doc = "accumulated: a node's payoff is the sum over its games (with [population] "
              "self_interaction, one with itself); averaged: their mean.",
       .choices = kPayoffAggregation.names()},
      {.key = "structure.snapshots",
       .type = T::text,
       .default_value = "none",
       .doc = "Generations at which to record every node's strategy (/replicates/rNNNN/"
              "snapshots; scripts/plot_lattice.py draws them), increasing, comma-separated, "
              "each in [0, [dynamics] generations], e.g. 0, 10, 100; none: no snapshots."},
      {.key = kReplicatorMap.key,
       .type = T::choice,
       .default_value = "continuous",
       .doc = "continuous: replicator equation x_i' = x_i (f_i - f_bar), with [dynamics] "
              "mutation_rate > 0 the replicator-mutator equation; ecological: Axelrod's discrete "
              "map x_i <- x_i f_i / f_bar (payoffs must be >= 0).",
       .choices = kReplicatorMap.names()},
      {.key = "replicator.time",
       .type = T::real,
       .default_value = "100",
       .doc = "Time to integrate to (continuous) or generations to iterate (ecological, rounded "
              "down).",
       .min = 0,
       .max = 1e12},
      {.key = "replicator.record_interval",
       .type = T::real,
       .default_value = "1",
       .doc = "Time between records (continuous; steps land exactly on record times) or "
              "generations between records (ecological, rounded down, at least 1).",
       .min = 1e-9,
       .max = 1e12},
      {.key = "replicator.tolerance",
       .type = T::real,
       .default_value = "1e-10",
       .doc = "Absolute and relative error tolerance per integration step (Dormand-Prince 5(4)).",
       .min = 1e-15,
       .max = 1e-2},
      {.key = "replicator.initial_frequencies",
       .type = T::text,
       .default_value = "",
       .doc = "Comma-separated frequencies summing to 1; empty = uniform."},
      {.key = kInvasionSpace.key,
       .type = T::choice,
       .default_value = "memory_one",
       .doc = "memory_one: rules (p_CC, p_CD, p_DC, p_DD), the probability to cooperate after "
              "each outcome (own move first) [Nowak1993]; reactive: rules (p, q), cooperate "
              "after the opponent's C with p and after its D with q [Nowak1992].",
       .choices = kInvasionSpace.names()},
      {.key = "invasion.generations",
       .type = T::integer,
       .default_value = "100000",
       .doc = "Generations per replicate.",
       .min = 1,
       .max = 1e15},
      {.key = "invasion.replicates",
       .type = T::integer,
       .default_value = "1",
       .doc = "Independent runs, in parallel; each is its own group /invasion/rNNNN.",
       .min = 1,
       .max = 1e6},
      {.key = "invasion.mutation_probability",
       .type = T::real,
       .default_value = "0.01",
       .doc = "Probability that a mutant arrives in a generation (one per 100 generations on "
              "average by default).",
       .min = 0,
       .max = 1},
      {.key = "invasion.mutant_frequency",
       .type = T::real,
       .default_value = "0.01",
       .doc = "Frequency with which a mutant enters; the residents are scaled by 1 minus it.",
       .min = 1e-6,
       .max = 0.5},
      {.key = "invasion.extinction_threshold",
       .type = T::real,
       .default_value = "0.001",
       .doc = "Rules whose frequency falls below this die out; must be below mutant_frequency.",
       .min = 1e-4,
       .max = 0.5},
      {.key = kMutantDistribution.key,
       .type = T::choice,
       .default_value = "arcsine",
       .doc = "How each probability of a mutant's rule is drawn: arcsine (U-shaped density "
              "1/(pi sqrt(p(1-p))), more mutants near the corners) or uniform.",
       .choices = kMutantDistribution.names()},
      {.key = "invasion.min_probability",
       .type = T::real,
       .default_value = "0.001",
       .doc = "Every probability of a rule lies in [min, 1 - min]: no rule is perfectly "
              "deterministic, so every pair's long-run payoff is unique.",
       .min = 1e-9,
       .max = 0.25},
      {
          .key = "invasion.initial_rules",
          .type = T::text,
          .default_value = "0.5,0.5,0.5,0.5",
          .doc = "Rules the population starts with, separated by ';': four probabilities each "
                 "(memory_one) or two (reactive), in [min_probability, 1 - min_probability]. With "
                 "initial_random_rules they share the start at equal frequencies.",
      },
      {.key = "invasion.initial_random_rules",
       .type = T::integer,
       .default_value = "0",
       .doc = "More starting rules, drawn like mutants (mutant_distribution) and different in "
              "every replicate; all starting rules have equal frequencies, which must be at "
              "least extinction_threshold.",
       .min = 0,
       .max = 1e4},
      {.key = "invasion.background_fitness",
       .type = T::real,
       .default_value = "0",
       .doc = "Added to every payoff to give fitness; must make the lowest payoff of [game] "
              ">= 0 (e.g. cost for a donation game).",
       .min = 0,
       .max = 1e9},
      {.key = kReputationAssessment.key,
       .type = T::choice,
       .default_value = "private",
       .doc = "private: each individual keeps its own view of everyone and judges with its own "
              "norm; public: one view shared by all, formed by public_assessor.",
       .choices = kReputationAssessment.names()},
      {.key = kPublicAssessor.key,
       .type = T::choice,
       .default_value = "institution",
       .doc = "assessment = public: institution (judges every action it observes with the "
              "population's norm, which must be set) or observer (one uniformly random "
              "individual judges with its own norm and its judgement is broadcast).",
       .choices = kPublicAssessor.names()},
      {.key = kReputationInteraction.key,
       .type = T::choice,
       .default_value = "sweeps",
       .doc = "Who meets whom in a round: random_pairs (N actions, each a random donor and a "
              "random other recipient), sweeps (each individual is donor once and recipient "
              "once) or all_pairs (every ordered pair once).",
       .choices = kReputationInteraction.names()},
      {.key = kReputationObservation.key,
       .type = T::choice,
       .default_value = "each_action",
       .doc = "When observers update their views of a donor: each_action (after every action, "
              "from that action) or one_action_per_donor (Radzvilavicius, Stewart & Plotkin "
              "2019: after the round, each observer judges each donor from one of its actions, "
              "chosen at random per observer and donor, all judged from the views before the "
              "round; needs assessment = private and interaction = all_pairs).",
       .choices = kReputationObservation.names()},
      {.key = "reputation.norm",
       .type = T::text,
       .default_value = "",
       .doc = "The population's norm, used by the institution and by ALLC, ALLD, DISC and "
              "Action(R): a name (ImageScoring, SimpleStanding, SternJudging, Shunning, L1..L8), "
              "second:<0..15>, third:<0..255> or stochastic:<8 probabilities of G>; empty = "
              "none (then every strategy must bring its own)."},
      {.key = "reputation.observation_probability",
       .type = T::real,
       .default_value = "1",
       .doc = "q: each individual other than donor and recipient (private) or the institution "
              "(public) observes an action with this probability.",
       .min = 0,
       .max = 1},
      {.key = "reputation.execution_error",
       .type = T::real,
       .default_value = "0",
       .doc = "An intended C becomes D with this probability.",
       .min = 0,
       .max = 1},
      {.key = "reputation.perception_error",
       .type = T::real,
       .default_value = "0",
       .doc = "Each observer, independently, perceives the opposite action with this "
              "probability.",
       .min = 0,
       .max = 1},
      {.key = "reputation.assessment_error",
       .type = T::real,
       .default_value = "0",
       .doc = "Each observer, independently, records the opposite of its norm's verdict with "
              "this probability.",
       .min = 0,
       .max = 1},
      {.key = "reputation.empathy",
       .type = T::real,
       .default_value = "0",
       .doc = "E: with this probability an observer judges the recipient's reputation as the "
              "donor sees it (Radzvilavicius, Stewart & Plotkin 2019); no effect under public "
              "assessment.",
       .min = 0,
       .max = 1},
      {.key = "reputation.knowledge_probability",
       .type = T::real,
       .default_value = "1",
       .doc = "Nowak's q (Nowak & Sigmund 2005; Nowak 2006): at each action the donor knows the "
              "recipient's reputation (its own view, under any assessment) with this "
              "probability; otherwise it acts as toward a good recipient (the discriminator's "
              "benefit of the doubt). Observers judge as usual. 1 = always known (no draw); 0 "
              "= never (DISC then acts as ALLC). Below 1 it needs norm-based strategies and "
              "observation = each_action, and the game runs its reference loop (slower).",
       .min = 0,
       .max = 1},
      {.key = kInitialReputation.key,
       .type = T::choice,
       .default_value = "good",
       .doc = "Everyone's reputation in everyone's eyes at the start: good, bad, or random "
              "(each view G with probability 1/2). Image scores start at 0 (good), -1 (bad) or "
              "either at random.",
       .choices = kInitialReputation.names()},
      {.key = "reputation.burn_in",
       .type = T::integer,
       .default_value = "1000",
       .doc = "Rounds played before the measured window.",
       .min = 0,
       .max = 1e15},
      {.key = "reputation.window",
       .type = T::integer,
       .default_value = "1000",
       .doc = "Measured rounds: cooperation, good views and payoffs are averaged over them.",
       .min = 1,
       .max = 1e15},
      {.key = "reputation.replicates",
       .type = T::integer,
       .default_value = "1",
       .doc = "Independent games (job reputation), in parallel; each has its own random "
              "streams.",
       .min = 1,
       .max = 1e6},
      {.key = "reputation.rounds_per_generation",
       .type = T::integer,
       .default_value = "1",
       .doc = "Job evolution with [payoffs] source = reputation: rounds of the reputation game "
              "each generation's population plays (burn_in and window are job reputation's); "
              "each individual's payoff per round in them drives the generation's update.",
       .min = 1,
       .max = 1e12},
      {.key = "reputation.payoff_per_partner",
       .type = T::boolean,
       .default_value = "false",
       .doc = "Job evolution with [payoffs] source = reputation, interaction = all_pairs: false "
              "drives the update with each individual's total payoff per round (its N - 1 "
              "donations and receptions); true with that total divided by N - 1, its mean "
              "payoff per partner, as matrix payoffs are averaged over the Z - 1 others. The "
              "Fermi rule's beta then means what it means for matrix payoffs: beta on the mean "
              "is beta / (N - 1) on the total (Radzvilavicius et al. 2019 and 2021 take beta = 1 "
              "on the mean)."},
      {.key = "reputation.reset_each_generation",
       .type = T::boolean,
       .default_value = "false",
       .doc = "Job evolution with [payoffs] source = reputation: true starts every generation's "
              "game from initial_reputation, as for Nowak & Sigmund's (1998) non-overlapping "
              "generations whose offspring start with image score 0; false keeps views and "
              "reputations across generations, an individual that changes strategy keeping its "
              "own."},
      // ---- [groups]: the reputation game's group structure (engine/reputation/groups.hpp) ----
      {.key = "groups.count",
       .type = T::integer,
       .default_value = "1",
       .doc = "M: number of groups. Reputation game: as equal in size as possible (the first N "
              "mod M one larger); 1 = the well-mixed game, exactly. Job multilevel: m groups "
              "(at least 2 when split_probability > 0).",
       .min = 1,
       .max = 4e9},
      // Job multilevel's keys, beside count: one [groups] section.
      {.key = "groups.max_size",
       .type = T::integer,
       .default_value = "10",
       .doc = "n (job multilevel): the most individuals a group holds; a birth into a full group "
              "makes it split or lose a random member. Groups start full, so N = m n.",
       .min = 2,
       .max = 1e6},
      {.key = "groups.split_probability",
       .type = T::real,
       .default_value = "0.01",
       .doc = "q (job multilevel): probability that a birth into a full group splits it in two "
              "random halves, one replacing a uniformly random other group; else a random member "
              "dies. Must be 0 with one group.",
       .min = 0,
       .max = 1},
      {.key = "groups.sizes",
       .type = T::text,
       .default_value = "",
       .doc = "Comma-separated group sizes summing to [population] size (then count must equal "
              "their number or stay 1); empty = equal sizes from count."},
      {.key = "groups.in_group_probability",
       .type = T::text,
       .default_value = "",
       .doc = "A number in [0, 1]: each action's recipient is another member of the donor's "
              "group with this probability, else a member of another group (needs [reputation] "
              "interaction = random_pairs and count >= 2); empty = well-mixed: recipients "
              "ignore groups."},
      {.key = "groups.out_group_norm",
       .type = T::text,
       .default_value = "",
       .doc = "The population's norm for out-group actions (donor and recipient in different "
              "groups), used where [reputation] norm is for in-group ones (by the institution "
              "and by strategies judging with the population's norm); names as for [reputation] "
              "norm; empty = [reputation] norm for both."},
      {.key = "groups.group_reputation",
       .type = T::boolean,
       .default_value = "false",
       .doc = "true: group reputations (Masuda 2012): each observer holds one reputation of "
              "every other group, updated by its members' actions and used toward all of them; "
              "members of one's own group keep individual reputations (needs [reputation] "
              "assessment = private, observation = each_action; groups of one give the "
              "individual game exactly)."},
      {.key = "groups.shared_views",
       .type = T::boolean,
       .default_value = "false",
       .doc = "true: groupwise sharing (Nakamura & Masuda 2012): each group holds one view of "
              "everyone, public inside the group and private between groups; after each action "
              "the donor's and the recipient's groups, and any other with [reputation] "
              "observation_probability, judge it with the group's norm (needs [reputation] "
              "assessment = private, observation = each_action; one group is the public "
              "institution with observation_probability 1)."},
      {.key = "groups.norms",
       .type = T::text,
       .default_value = "",
       .doc = "With shared_views: one norm per group, comma-separated (names as for "
              "[reputation] norm), so that groups may differ in norm; empty = [reputation] norm "
              "for every group."},
      // Evolution between and within groups (job evolution, [payoffs] source = reputation):
      // engine/reputation/group_norms.hpp, groups.hpp (migrate).
      {.key = "groups.update_within",
       .type = T::boolean,
       .default_value = "false",
       .doc = "Job evolution with [payoffs] source = reputation: true runs the [dynamics] process "
              "inside each group (an individual imitates or is replaced only by members of its "
              "own group, each group's events as many as its members, groups 0 .. M - 1 in "
              "turn on the generation's stream); false: over the whole population. With one "
              "group both are the same bits."},
      {.key = "groups.evolve_norms",
       .type = T::boolean,
       .default_value = "false",
       .doc = "Job evolution with [payoffs] source = reputation and shared_views: true lets the "
              "groups' norms evolve between groups (Murase & Hilbe 2024): each generation a "
              "group may adopt a more successful group's norm (norm_imitation_rate, Fermi rule "
              "with norm_selection_intensity on mean payoffs) or mutate to another norm of "
              "norm_pool (norm_mutation_rate)."},
      {.key = "groups.norm_pool",
       .type = T::text,
       .default_value = "",
       .doc = "With evolve_norms: the Q norms group norms evolve among (comma-separated, names as "
              "for [reputation] norm, each once); every initial group norm ([groups] norms, "
              "else [reputation] norm) must be one of them."},
      {.key = "groups.norm_imitation_rate",
       .type = T::real,
       .default_value = "0",
       .doc = "With evolve_norms: probability per group and generation that the group compares "
              "itself with a uniformly random other group and adopts its norm by the Fermi rule "
              "on their mean payoffs per member and round (norm_selection_intensity).",
       .min = 0,
       .max = 1},
      {.key = "groups.norm_selection_intensity",
       .type = T::real,
       .default_value = "1",
       .doc = "With evolve_norms: beta_out, the groups' Fermi rule's selection intensity.",
       .min = 0,
       .max = 1e6},
      {.key = "groups.norm_mutation_rate",
       .type = T::real,
       .default_value = "0",
       .doc = "With evolve_norms: probability per group and generation that the group's norm "
              "becomes a uniformly random other norm of the pool.",
       .min = 0,
       .max = 1},
      {.key = "groups.migration_rate",
       .type = T::real,
       .default_value = "0",
       .doc = "Job evolution with [payoffs] source = reputation: probability per individual and "
              "generation that it moves to a uniformly random other group, keeping its strategy "
              "(a move that would leave its group with fewer than 2 members is not made); 0 = "
              "no draws at all. Needs count >= 2.",
       .min = 0,
       .max = 1},
      // ---- [upstream]: chains of help (job upstream; engine/games/upstream_reciprocity.hpp) ----
      {.key = "upstream.strategies",
       .type = T::text,
       .default_value = "ALLD, Upstream(0.9)",
       .doc = "The S rules for what an individual does right after being helped, comma-separated: "
              "ALLD (nothing), Upstream(u) (pass the help on to a random third party with "
              "probability u), Direct(d) (return it to the donor with probability d) or Linked(d, "
              "u) (return with d, else pass on with u); d, u in [0, 1]."},
      {.key = "upstream.continuation",
       .type = T::real,
       .default_value = "0.9",
       .doc = "w: probability that whoever has just been helped acts on it at all (by its rule); "
              "else the chain of help ends. A monomorphic chain has 1 / (1 - w (d + (1 - d) u)) "
              "acts.",
       .min = 0,
       .max = 1,
       .max_exclusive = true},
      {.key = "upstream.chains",
       .type = T::integer,
       .default_value = "100000",
       .doc = "Chains simulated in each monomorphic population, in parallel, to check the closed "
              "form's acts of help per chain within Monte-Carlo error; 0 = none.",
       .min = 0,
       .max = 1e9},
      // ---- [stakes]: the continuous-investment game (job stakes) ----
      {.key = "stakes.strategies",
       .type = T::text,
       .default_value = "NonInvestor, Fixed(5), RTS(1, 1), ShortChanger(1, 0.5), Matcher(10)",
       .doc = "The S investment strategies, comma-separated: NonInvestor (0), Fixed(x) (always "
              "x), RTS(a, b) (raise-the-stakes: a first; then my last + 2b if the partner's last "
              "exceeded mine, + b if it equalled it, else the partner's last), ShortChanger(a, d) "
              "(a first, then the partner's last - d), Matcher(a) (a first, then the partner's "
              "last; a large a is a leap of faith) or Linear(a, k, m) (a first, then k + m x the "
              "partner's last); investments below 0 count as 0. The first one listed is the "
              "resident of the summary's invasion column."},
      {.key = kBenefitShape.key,
       .type = T::choice,
       .default_value = "linear",
       .doc = "b(x): linear = B x; saturating = B h (1 - exp(-x / h)) (slope B at 0, at most B "
              "h; h = saturation).",
       .choices = kBenefitShape.names()},
      {.key = "stakes.saturation",
       .type = T::real,
       .default_value = "1",
       .doc = "h: the scale of the saturating benefit (investment units).",
       .min = 1e-9,
       .max = 1e9},
      {.key = kStakesStrategySet.key,
       .type = T::choice,
       .default_value = "listed",
       .doc = "listed: the strategies of [stakes] strategies; rts_grid: RTS(a, b) at every point "
              "of the grid grid_starts x grid_increments (then [stakes] strategies is not read), "
              "mutants drawn as [dynamics] mutation says (uniform or local: to a neighbouring "
              "point).",
       .choices = kStakesStrategySet.names()},
      {.key = "stakes.grid_starts",
       .type = T::text,
       .default_value = "0.5, 1, 2, 4, 8",
       .doc = "With strategy_set = rts_grid: the first investments a of the grid, "
              "comma-separated, >= 0 and increasing."},
      {.key = "stakes.grid_increments",
       .type = T::text,
       .default_value = "0.25, 0.5, 1, 2",
       .doc = "With strategy_set = rts_grid: the raises b of the grid, comma-separated, >= 0 and "
              "increasing."},
      // ---- [signalling]: costly signalling (job signalling) ----
      {.key = "signalling.signallers",
       .type = T::text,
       .default_value = "Never, Honest, Always, Perverse",
       .doc = "Signaller rules, comma-separated: Never, Honest (signal iff of high quality), "
              "Always, Perverse (signal iff of low quality); must include Never and Honest."},
      {.key = "signalling.observers",
       .type = T::text,
       .default_value = "Never, Discerning, Always, Contrarian",
       .doc = "Observer rules, comma-separated: Never (ally with no one), Discerning (ally iff "
              "the signaller signalled), Always, Contrarian (ally iff it did not); must include "
              "Discerning, and Always when q h + (1 - q) l > 0. The strategies are every "
              "signaller rule with every observer rule."},
      {.key = "signalling.high_quality",
       .type = T::real,
       .default_value = "0.5",
       .doc = "q: probability that a signaller is of high quality, in (0, 1).",
       .min = 0,
       .max = 1},
      {.key = "signalling.cost_high",
       .type = T::real,
       .default_value = "1",
       .doc = "c_H >= 0: what the signal (a public-good contribution) costs a high-quality "
              "signaller.",
       .min = 0,
       .max = 1e9},
      {.key = "signalling.cost_low",
       .type = T::real,
       .default_value = "3",
       .doc = "c_L >= 0: what the signal costs a low-quality signaller (the handicap: c_H < c_L "
              "for honest signalling).",
       .min = 0,
       .max = 1e9},
      {.key = "signalling.benefit",
       .type = T::real,
       .default_value = "1",
       .doc = "b: what a signal (the public good) gives the observer.",
       .min = -1e9,
       .max = 1e9},
      {.key = "signalling.alliance_benefit",
       .type = T::real,
       .default_value = "2",
       .doc = "a: what being chosen as an ally gives the signaller; honest signalling needs "
              "c_H < a < c_L.",
       .min = -1e9,
       .max = 1e9},
      {.key = "signalling.value_high",
       .type = T::real,
       .default_value = "1",
       .doc = "h: what allying with a high-quality signaller gives the observer (not allying: "
              "0).",
       .min = -1e9,
       .max = 1e9},
      {.key = "signalling.value_low",
       .type = T::real,
       .default_value = "-2",
       .doc = "l: what allying with a low-quality signaller gives the observer (not allying: "
              "0).",
       .min = -1e9,
       .max = 1e9},
      {.key = "signalling.rare_frequency",
       .type = T::real,
       .default_value = "0.001",
       .doc = "Start frequency of every strategy other than the pooling resident; (S - 1) x "
              "rare_frequency < 1.",
       .min = 1e-12,
       .max = 1},
  };
  return keys;
}

const KeySpec* find_key(std::string_view key) {
  for (const auto& k : schema())
    if (k.key == key) return &k;
  return nullptr;
}

std::string allowed_values(const KeySpec& spec) {
  switch (spec.type) {
    case T::integer:
    case T::real:
      return "[" + number_text(spec.min) + ", " + number_text(spec.max) +
             (spec.max_exclusive ? ")" : "]");
    case T::boolean:
      return "true or false";
    case T::choice: {
      std::string s = "one of ";
      for (const auto& c : spec.choices) s += (s.size() > 7 ? ", " : "") + std::string(c);
      return s;
    }
    case T::text:
      return "any text";
    case T::strategy_list:
      return "a comma-separated list of strategies";
    case T::job:
      return "a job of `kindest jobs`";
  }
  return "";
}

std::string schema_markdown() {
  std::string out =
      "# Configuration reference\n\n"
      "Generated from `engine/config/schema.cpp` by `kindest config-reference`; do not edit by "
      "hand.\n\nA config is an INI file: `[section]` headers, `key = value` lines, `#` or `;` "
      "comments. Any key can be overridden on the command line as `--section.key=value`. "
      "Unknown keys, malformed lines and out-of-range values are errors. `kindest run CONFIG "
      "--print-config` prints the fully resolved config, as stored in every result file.\n";
  for (const auto& [section, doc] : kSections) {
    out += "\n## [" + std::string(section) + "]\n\n" + std::string(doc) +
           "\n\n| key | default | allowed | meaning |\n|---|---|---|---|\n";
    for (const auto& k : schema()) {
      const auto dot = k.key.find('.');
      if (k.key.substr(0, dot) != section) continue;
      const std::string def = "`" + std::string(k.default_value) + "`";
      out += "| `" + std::string(k.key.substr(dot + 1)) + "` | " + def + " | " + allowed_values(k) +
             " | " + std::string(k.doc) + " |\n";
    }
  }
  return out;
}

}  // namespace kindest::config
