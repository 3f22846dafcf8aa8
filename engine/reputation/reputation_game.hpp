#pragma once
// The reputation game (indirect reciprocity): N individuals, a donation game (b, c), norms.
//
// One round (a sweep, N random pairs, or one all-pairs pass -- see Interaction) draws its
// schedule of (donor, recipient) pairs, then for each pair in order:
//   Stage 1 act      the donor picks C or D with its action rule from its own reputation and
//                    the recipient's, both in its own eyes -- the recipient's known only with
//                    probability knowledge_probability, else taken as good --; an intended C
//                    becomes D with probability execution_error. Payoffs: donor -c,
//                    recipient +b if C.
//   Stage 2 observe  private: donor and recipient observe, every other individual with
//                    probability observation_probability; each observer perceives the opposite
//                    action with probability perception_error (independently; the donor and
//                    recipient too). public: one assessor -- the institution (it observes with
//                    probability observation_probability) or one uniformly random individual.
//   Stage 3 assess   each observer applies its norm to (its view of the donor, its view of the
//                    recipient -- or with probability empathy the donor's view of the recipient
//                    --, the perceived action), records the opposite with probability
//                    assessment_error, and its view of the donor becomes that verdict.
//                    public: the one verdict is everyone's view (so empathy has no
//                    effect there: the donor's view is everyone's). Image scores instead move the
//                    donor's score by +1 (C perceived) or -1 (D), clamped to [-5, 5].
//   Stage 4 record   at the end of a measured round: good views by observer x subject strategy
//                    (self-views excluded); actions, cooperations and payoffs accumulate per
//                    action.
// Strategy updates and mutation (Stage "update", "mutate") belong to the population layer.
//
// Observation one_action_per_donor (Radzvilavicius, Stewart & Plotkin 2019, eLife 8:e44269;
// private assessment and all_pairs only) moves Stages 2-3 after the whole round: first every
// donor acts toward every other individual (Stage 1, donors 0..N-1 in turn, recipients in
// ascending order -- no view changes while they act, so no schedule is drawn); then each
// observer k updates its view of each donor i (itself included) with probability
// observation_probability, from ONE of i's N - 1 actions, its recipient j drawn uniformly and
// independently for every (k, i): k perceives that action (perception error), judges with its
// norm (its view of i, its view of j -- or with probability empathy i's view of j --, the
// perceived action) and records the verdict (assessment error). Every judgement of the round
// reads the views from before the round's assessments (a synchronous update), so the order of
// observers and donors cannot matter. The issue fixes all_pairs and one random action per
// donor and observer; the paper's methods text was not at hand here, so these choices are this
// model's: the synchronous update, a recipient drawn per (observer, donor) pair, self-views
// updated the same way, q applied per (observer, donor) (q = 1 in the paper's setting).
//
// Random draws (every one from kindest::Stream, Purpose::assessment, so results never depend
// on threads): round t of replicate r draws its schedule, then the donors' execution errors and
// the public assessor's draws from Stream(seed, assessment, r, t, 0), in action order; errors
// drawn there are BernoulliTrials, one sequence per kind of error, started afresh each round. Under
// private assessment observer block w (observers 64w .. 64w + 63) draws from Stream(seed,
// assessment, r, t, 1 + w), for each action in order: the observation word, the perception-error
// word, the empathy word, the assessment-error word, then one word per (strategy, entry) of a
// stochastic norm with 0 < p < 1 in that order -- each a BernoulliWord, skipped when its
// probability is 0 or 1. Image scores draw only the observation and perception words. Under
// one_action_per_donor stream 0 draws only the execution errors (in action order), and
// observer block w draws, for each donor i = 0..N-1 in turn: the observation word, the
// recipient of each valid lane (k = 0.. in order, j uniform among the others: PackedDraws,
// groups of up to 64 integers below N - 1 per word, started afresh for each donor), then the
// perception-error, empathy, assessment-error and stochastic-norm words as above. Initial random
// reputations come from round t = 2^64 - 1, row by row (subject-major), one word per block.
//
// Groups (GameSettings::group_sizes, engine/reputation/groups.hpp) add no draws of their own
// except two: with in_group_probability the random_pairs schedule draws the round's donors,
// then their sides (in- or out-group, 64 per word, none for p = 0 or 1), then the members
// (draw_group_pairs);
// where out-group actions are judged by other norms than in-group ones, an out-group action's
// stochastic-norm words are those of the out-group norms ((strategy, entry) order again), and
// under one_action_per_donor every donor's block draws the in-group words, then the out-group
// ones. With one group none of this happens, so the game is the well-mixed one bit for bit.
//
// knowledge_probability < 1 draws from a stream of its own, knowledge_stream(run, t)
// (Purpose::knowledge): one Bernoulli draw per action of the round, in action order, before the
// action's execution error; no other stream moves, so the schedule and every error and
// observation draw are those of the same game with knowledge_probability = 1. Such a game runs
// the reference loop (act()), never play_public or play_private.
//
// Views under private assessment are bit sets: for each subject one bit per observer (G = 1),
// ceil(N / 64) words, so an action updates 64 observers per word operation and N = 100 000
// takes 1.25 GB. Public assessment keeps one bit per individual and costs O(1) per action.
#include <cstdint>
#include <optional>
#include <vector>

#include "engine/random/streams.hpp"
#include "engine/reputation/bit_draws.hpp"
#include "engine/reputation/groups.hpp"
#include "engine/reputation/norm.hpp"
#include "engine/reputation/schedule.hpp"
#include "engine/reputation/strategy.hpp"

namespace kindest::reputation {

enum class Assessment {
  public_institution,  // one shared view, judged by an institution with the population's norm
  public_observer,     // one shared view, judged by one random individual with its own norm
  private_views,       // each individual its own view of everyone, judged with its own norm
};

enum class InitialReputation { good, bad, random };

/// When observers update their views of a donor.
enum class Observation {
  each_action,           // after every action, from that action (Stages 2-3 per action)
  one_action_per_donor,  // after the round, from one randomly chosen action of each donor
                         // (Radzvilavicius et al. 2019; needs private assessment, all_pairs)
};

struct GameSettings {
  double benefit = 5.0;  // b
  double cost = 1.0;     // c
  Assessment assessment = Assessment::private_views;
  Interaction interaction = Interaction::sweeps;
  std::optional<Norm> norm;  // the population's norm: ALLC, ALLD, DISC, Action(R), institution
  double observation_probability = 1.0;  // q
  double execution_error = 0.0;
  double perception_error = 0.0;
  double assessment_error = 0.0;
  double empathy = 0.0;  // E
  /// Nowak's q (Nowak & Sigmund 2005, Nature 437:1291; Nowak 2006, Science 314:1560): at each
  /// action the donor knows the recipient's reputation (its own view, under any assessment)
  /// with this probability; otherwise it acts as toward a good recipient (the benefit of the
  /// doubt Nowak's discriminator gives). 1: always known, no draw. Observers still judge with
  /// their own views (and empathy with the donor's actual view). Needs norm-based strategies
  /// and observation = each_action.
  double knowledge_probability = 1.0;
  InitialReputation initial_reputation = InitialReputation::good;
  Observation observation = Observation::each_action;
  /// Private assessment: an action's observer blocks are split over threads (TBB) when a view
  /// row has at least this many words (0: never). Same results either way: each block draws
  /// from its own stream. The default, 512 words (N >= 32 705), leaves smaller games serial,
  /// where a replicate per thread is the better split.
  std::uint32_t parallel_words = 512;
  /// Whether the caller reads the views (good(), good_views, view_pairs). When false, no round
  /// tallies good_views and view_pairs (0: a tenth of a small game's time). And under private
  /// assessment with norms, while every action rule ignores reputations (ALLC, ALLD), Stages 2-3
  /// are skipped: no one's action can depend on the views, and the observers' streams (blocks
  /// 1 + w) are the only ones those stages draw from, so the schedule, actions and payoffs are
  /// the same bits as with the views kept; the views then stay as they were.
  bool views_read = true;

  // ---- Groups (engine/reputation/groups.hpp) ----
  /// Group sizes, summing to N; empty: one group of everyone, the well-mixed game exactly.
  std::vector<std::uint32_t> group_sizes;
  /// Each individual's group (after migration: any layout, group_sizes.size() groups, each
  /// non-empty); empty: individuals dealt to groups of group_sizes (groups.hpp).
  std::vector<std::uint32_t> group_tags;
  /// With a value: the recipient is from the donor's group with this probability (needs
  /// random_pairs); none: well-mixed (the schedule ignores groups).
  std::optional<double> in_group_probability;
  /// The population's norm for out-group actions (donor and recipient in different groups),
  /// used where [reputation] norm is for in-group ones; none: the population's norm for both.
  std::optional<Norm> out_group_norm;
  /// Group reputations (Masuda 2012; private assessment, each_action): each observer holds one
  /// reputation of every other group instead of its members' own, acts toward an out-group
  /// recipient on it, and judges an out-group donor's action by it (donor side: the donor's
  /// group; recipient side: the recipient's group unless the observer shares the recipient's
  /// group); the verdict becomes the observer's view of the donor's group. Members of the donor's
  /// group judge and update the donor individually, as without group reputations. With groups
  /// of one this is the game of individual reputations, bit for bit.
  bool group_reputation = false;
  /// Groupwise sharing (Nakamura & Masuda 2012; private assessment, each_action): each group
  /// holds one view of everyone, public inside the group, private between groups. After each
  /// action every group in turn -- the donor's and the recipient's always, any other with
  /// probability observation_probability -- perceives it (perception error), judges it with
  /// the group's norm (its view of the donor, its view of the recipient or with probability
  /// empathy the donor's group's view, the perceived action) and records the verdict
  /// (assessment error) as every member's view of the donor. Draws from stream 0 after the
  /// action's execution error, group by group: observation (others only), perception,
  /// empathy (other groups than the donor's), a stochastic norm's entry, assessment -- the
  /// institution's draws, so one group is the public institution with q = 1, bit for bit.
  bool shared_views = false;
  /// The group's norm under shared_views, by group; empty: the population's norm for all.
  /// Out-group actions are judged by out_group_norm when it is set.
  std::vector<Norm> group_norms;
};

/// Sums over a measured window, by strategy index (S strategies; matrices row-major S x S).
struct ReputationResults {
  std::size_t strategies = 0;
  std::uint64_t rounds = 0;
  std::vector<std::uint64_t> actions;            // donor x recipient: donor actions
  std::vector<std::uint64_t> cooperations;       // donor x recipient: of which C
  std::vector<std::uint64_t> good_views;         // observer x subject: good views at round ends
  std::vector<std::uint64_t> view_pairs;         // observer x subject: (observer, subject) pairs
  std::vector<double> payoff;                    // by strategy: total payoff received
  std::vector<std::uint64_t> individual_rounds;  // by strategy: individuals x rounds
  // By individual: total payoff received, kept only when sized to N before playing (the
  // evolution job's realised payoffs); add() sums it where both have it.
  std::vector<double> individual_payoff;
  // By donor individual: its actions and of which C, kept only when sized to N before playing
  // (the evolution job's per-group cooperation); add() sums them where both have them.
  std::vector<std::uint64_t> individual_actions, individual_cooperations;
  // Donor actions toward recipients of the donor's own group (in) and of other groups (out),
  // and of which C. Without groups every action is in-group.
  std::uint64_t in_group_actions = 0, in_group_cooperations = 0;
  std::uint64_t out_group_actions = 0, out_group_cooperations = 0;

  explicit ReputationResults(std::size_t s = 0);
  /// Fractions of in-group and of out-group actions that were C (NaN without such actions).
  double in_group_cooperation_rate() const;
  double out_group_cooperation_rate() const;
  /// Fraction of all donor actions that were C (NaN without actions).
  double cooperation_rate() const;
  double cooperation_rate(std::size_t donor, std::size_t recipient) const;
  double good_fraction(std::size_t observer, std::size_t subject) const;
  /// Mean payoff of an individual of strategy i per round.
  double mean_payoff(std::size_t i) const;
  /// Adds another window's sums (e.g. several replicates).
  void add(const ReputationResults& other);
};

class ReputationGame {
 public:
  /// `strategy_of[i]` is individual i's index into `strategies`. Throws std::invalid_argument
  /// naming the problem: fewer than 2 individuals, a probability outside [0, 1], a strategy
  /// that needs the population norm without one, image-score and norm strategies mixed, an
  /// index out of range.
  ReputationGame(const GameSettings& settings, std::vector<Strategy> strategies,
                 std::vector<std::uint32_t> strategy_of, std::uint64_t seed,
                 std::uint64_t replicate);
  /// The same game drawing from the streams `run` names: every Stream(seed, assessment, r, t, k)
  /// above becomes reputation_run_stream(run, t, k) (streams.hpp); the constructor above is
  /// run = {seed, Purpose::assessment, replicate, 0}.
  ReputationGame(const GameSettings& settings, std::vector<Strategy> strategies,
                 std::vector<std::uint32_t> strategy_of, const ReputationRun& run);

  /// Plays one round; accumulates into `measure` if given.
  void play_round(ReputationResults* measure = nullptr);
  /// `burn_in` rounds, then `window` measured rounds.
  ReputationResults run(std::uint64_t burn_in, std::uint64_t window);

  std::uint32_t size() const noexcept { return n_; }
  std::uint64_t round() const noexcept { return round_; }
  bool scores_mode() const noexcept { return scores_; }
  /// Whether `observer` holds `subject` as good (image scores: score >= 0).
  bool good(std::uint32_t observer, std::uint32_t subject) const noexcept;
  /// Image score of `subject` in `observer`'s eyes (image-score mode).
  int score(std::uint32_t observer, std::uint32_t subject) const noexcept;
  const std::vector<std::uint32_t>& strategy_of() const noexcept { return strategy_of_; }
  /// Changes individual i's strategy (its views and reputation stay).
  void set_strategy(std::uint32_t individual, std::uint32_t strategy);
  /// Private views: the row of `subject`, one bit per observer.
  const std::uint64_t* view_row(std::uint32_t subject) const noexcept {
    return views_.data() + std::size_t{subject} * words_;
  }
  std::uint32_t words() const noexcept { return words_; }
  const Groups& groups() const noexcept { return groups_; }
  /// The reputation `observer` acts on toward `subject`: its view of the subject itself within
  /// its own group, of the subject's group outside it under group_reputation.
  bool sees_good(std::uint32_t observer, std::uint32_t subject) const noexcept;

 private:
  void rebuild_planes();
  void act(std::uint32_t donor, std::uint32_t recipient, Stream& play, ReputationResults* m);
  bool decide(std::uint32_t donor, std::uint32_t recipient, Stream& play, ReputationResults* m);
  void count_action(std::uint32_t donor, std::uint32_t recipient, bool cooperated,
                    ReputationResults& m) const noexcept;
  void play_public(Stream& play, ReputationResults* m);
  void play_private(Stream& play, ReputationResults* m);
  void play_sampled(Stream& play, ReputationResults* m);
  void assess_sampled(std::uint32_t begin, std::uint32_t end);
  std::uint64_t verdict_word(std::uint32_t w, std::uint64_t d, std::uint64_t r, std::uint64_t a,
                             bool out_group, BlockWords& rng) const noexcept;
  void observe_private(std::uint32_t donor, std::uint32_t recipient, bool donor_sees_recipient,
                       bool cooperated);
  void observe_grouped(std::uint32_t donor, std::uint32_t recipient, bool donor_sees_recipient,
                       bool cooperated);
  void observe_shared(std::uint32_t donor, std::uint32_t recipient, bool cooperated, Stream& play);
  void observe_public(std::uint32_t donor, std::uint32_t recipient, bool cooperated, Stream& play);
  void observe_scores(std::uint32_t donor, bool cooperated, Stream& play);
  void record_views(ReputationResults& m) const;
  /// The norm strategy `strategy` judges in-group (out_group false) or out-group actions with.
  const Norm& norm_of(std::uint32_t strategy, bool out_group = false) const noexcept;

  GameSettings s_;
  std::vector<Strategy> strategies_;
  std::vector<std::uint32_t> strategy_of_;
  ReputationRun run_;  // which streams the game draws from
  std::uint32_t n_, words_;
  std::uint64_t round_ = 0;
  bool scores_ = false;
  bool public_fast_ = false;    // an institution with a deterministic norm: play_public
  bool skip_views_ = false;     // see GameSettings::views_read
  bool private_fast_ = false;   // private views, no groups, norms: play_private
  std::optional<Stream> know_;  // knowledge_probability < 1: this round's knowledge_stream

  BernoulliWord observe_, perceive_error_, empathy_, assess_error_;
  BernoulliTrials execution_trials_, perception_trials_, assessment_trials_;  // on `play`
  std::vector<std::uint64_t> views_;   // private: subject-major bit rows; public: one row
  std::vector<std::int8_t> scores_v_;  // image scores: [subject * N + observer] or [subject]
  std::vector<std::uint64_t> planes_;  // private: 8 norm planes per word, [w * 8 + entry]
  struct StochasticEntry {
    std::uint32_t strategy;
    unsigned entry;
    BernoulliWord draw;
  };
  std::vector<StochasticEntry> stochastic_;
  // Groups: the tags; whether out-group actions are judged by other norms than in-group ones
  // (then planes_out_ and stochastic_out_ hold those, in the layout of planes_, stochastic_);
  // the in-group draw's threshold when in_group_probability is set.
  Groups groups_;
  bool grouped_ = false, split_norms_ = false, in_group_draw_ = false;
  std::vector<std::uint64_t> planes_out_;
  std::vector<StochasticEntry> stochastic_out_;
  // group_reputation: [group * words + w] bit set for the observers holding that group good;
  // group_reputation and shared_views: bit set for the group's members.
  bool group_rep_ = false, shared_ = false;
  std::vector<std::uint64_t> group_views_, group_lanes_;
  void build_planes(bool out_group, std::vector<std::uint64_t>& planes,
                    std::vector<StochasticEntry>& stochastic);
  std::vector<std::uint64_t> lanes_;       // [strategy * words + w]: observers of that strategy
  std::vector<std::uint8_t> rule_of_;      // by individual: its strategy's action rule code
  std::vector<std::uint8_t> out_rule_of_;  // the same toward out-group recipients
  std::vector<BlockWords> blocks_;         // private: observer block w's stream, 1 + w
  std::vector<std::pair<std::uint32_t, std::uint32_t>> schedule_;
  ScheduleDrawer drawer_;                 // draws schedule_ (draw_schedule's pairs, faster)
  std::vector<std::uint8_t> public_rep_;  // play_public: the shared view as bytes, in a round
  // one_action_per_donor: [donor * words + recipient / 64] bit set if the donor's action
  // toward that recipient was C this round; and the views being built from the old ones.
  std::vector<std::uint64_t> acted_;
  std::vector<std::uint64_t> next_views_;

  // ---- State between generations (the evolution job: strategy changes and checkpoints) ----
  // Kept apart from the rules above: nothing here draws or judges.
 public:
  /// Everything play_round depends on besides the settings, strategies, seed and replicate:
  /// a checkpoint of it continues to the same bits. Views as 32-bit words, `state_rows()` rows
  /// of `state_row_width()` words: norms -- the bit rows (private: one per subject; public:
  /// the one shared row), each 64-bit word as its low then its high half; image scores --
  /// score + 5 (0..10), private: row = subject, column = observer; public: one row.
  struct State {
    std::uint64_t round = 0;
    std::vector<std::uint32_t> strategy_of;
    std::vector<std::uint32_t> views;
  };
  State state() const;
  /// Throws std::invalid_argument when `state` does not fit this game (sizes, strategy index,
  /// score range).
  void restore(const State& state);
  std::size_t state_rows() const noexcept;
  std::size_t state_row_width() const noexcept;
  /// Changes every individual's strategy at once (views and reputations stay), rebuilding the
  /// norm planes once rather than per change.
  void set_strategies(const std::vector<std::uint32_t>& strategy_of);
};

}  // namespace kindest::reputation
