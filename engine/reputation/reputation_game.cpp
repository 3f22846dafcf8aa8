#include "engine/reputation/reputation_game.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string>
#include <type_traits>

namespace kindest::reputation {

namespace {

void check_probability(double p, const char* what) {
  if (!(p >= 0.0 && p <= 1.0))
    throw std::invalid_argument(std::string(what) + " = " + std::to_string(p) +
                                " is outside [0, 1]");
}

// b ^ (m & (a ^ b)): a where m is set, b elsewhere.
inline std::uint64_t select(std::uint64_t m, std::uint64_t a, std::uint64_t b) noexcept {
  return b ^ (m & (a ^ b));
}

// Bits set in x. std::popcount is a call into libgcc unless the build targets POPCNT (the
// portable default does not); the good-view tallies call it S times per subject and round.
inline std::uint64_t count_ones(std::uint64_t x) noexcept {
#ifdef __POPCNT__
  return static_cast<std::uint64_t>(std::popcount(x));
#else
  x -= (x >> 1) & 0x5555555555555555ull;
  x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
  x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
  return (x * 0x0101010101010101ull) >> 56;
#endif
}

constexpr std::uint64_t init_round = std::numeric_limits<std::uint64_t>::max();

// Runs `body` (an always_inline lambda) compiled for BMI2 and POPCNT where the CPU has them,
// portable code otherwise. The private rounds spend most of their instructions on
// BernoulliWord's lane picks: portable, each moves its shift count through %cl (about 12
// instructions per pick); with BMI2 and POPCNT body gets std::true_type and draws with
// BernoulliWord::draw<true> (rorx, shlx, popcnt: about 6 per pick). The same lanes either way,
// so the same bits; the portable build (no -march) keeps running everywhere.
template <class Body>
[[gnu::target("bmi2,popcnt"), gnu::noinline]] void run_with_bmi2(Body& body) {
  body(std::true_type{});
}
template <class Body>
void run_fastest(Body& body) {
  if (has_bmi2())
    run_with_bmi2(body);
  else
    body(std::false_type{});
}

}  // namespace

ReputationResults::ReputationResults(std::size_t s)
    : strategies(s),
      actions(s * s),
      cooperations(s * s),
      good_views(s * s),
      view_pairs(s * s),
      payoff(s),
      individual_rounds(s) {}

double ReputationResults::in_group_cooperation_rate() const {
  return in_group_actions
             ? static_cast<double>(in_group_cooperations) / static_cast<double>(in_group_actions)
             : std::nan("");
}

double ReputationResults::out_group_cooperation_rate() const {
  return out_group_actions
             ? static_cast<double>(out_group_cooperations) / static_cast<double>(out_group_actions)
             : std::nan("");
}

double ReputationResults::cooperation_rate() const {
  std::uint64_t a = 0, c = 0;
  for (std::size_t k = 0; k < actions.size(); ++k) a += actions[k], c += cooperations[k];
  return a ? static_cast<double>(c) / static_cast<double>(a) : std::nan("");
}
double ReputationResults::cooperation_rate(std::size_t i, std::size_t j) const {
  const auto a = actions[i * strategies + j];
  return a ? static_cast<double>(cooperations[i * strategies + j]) / static_cast<double>(a)
           : std::nan("");
}
double ReputationResults::good_fraction(std::size_t i, std::size_t j) const {
  const auto v = view_pairs[i * strategies + j];
  return v ? static_cast<double>(good_views[i * strategies + j]) / static_cast<double>(v)
           : std::nan("");
}
double ReputationResults::mean_payoff(std::size_t i) const {
  return individual_rounds[i] ? payoff[i] / static_cast<double>(individual_rounds[i])
                              : std::nan("");
}
void ReputationResults::add(const ReputationResults& o) {
  if (o.strategies != strategies) throw std::invalid_argument("adding results of other strategies");
  rounds += o.rounds;
  in_group_actions += o.in_group_actions;
  in_group_cooperations += o.in_group_cooperations;
  out_group_actions += o.out_group_actions;
  out_group_cooperations += o.out_group_cooperations;
  for (std::size_t k = 0; k < actions.size(); ++k) {
    actions[k] += o.actions[k];
    cooperations[k] += o.cooperations[k];
    good_views[k] += o.good_views[k];
    view_pairs[k] += o.view_pairs[k];
  }
  for (std::size_t i = 0; i < strategies; ++i) {
    payoff[i] += o.payoff[i];
    individual_rounds[i] += o.individual_rounds[i];
  }
  if (individual_payoff.size() == o.individual_payoff.size())
    for (std::size_t i = 0; i < individual_payoff.size(); ++i)
      individual_payoff[i] += o.individual_payoff[i];
  if (individual_actions.size() == o.individual_actions.size())
    for (std::size_t i = 0; i < individual_actions.size(); ++i) {
      individual_actions[i] += o.individual_actions[i];
      individual_cooperations[i] += o.individual_cooperations[i];
    }
}

ReputationGame::ReputationGame(const GameSettings& settings, std::vector<Strategy> strategies,
                               std::vector<std::uint32_t> strategy_of, std::uint64_t seed,
                               std::uint64_t replicate)
    : ReputationGame(settings, std::move(strategies), std::move(strategy_of),
                     ReputationRun{seed, Purpose::assessment, replicate, 0}) {}

ReputationGame::ReputationGame(const GameSettings& settings, std::vector<Strategy> strategies,
                               std::vector<std::uint32_t> strategy_of, const ReputationRun& run)
    : s_(settings),
      strategies_(std::move(strategies)),
      strategy_of_(std::move(strategy_of)),
      run_(run),
      n_(static_cast<std::uint32_t>(strategy_of_.size())),
      words_((n_ + 63) / 64),
      observe_(settings.observation_probability),
      perceive_error_(settings.perception_error),
      empathy_(settings.empathy),
      assess_error_(settings.assessment_error),
      execution_trials_(settings.execution_error),
      perception_trials_(settings.perception_error),
      assessment_trials_(settings.assessment_error) {
  if (strategy_of_.size() < 2 || strategy_of_.size() > std::numeric_limits<std::uint32_t>::max())
    throw std::invalid_argument("the reputation game needs at least 2 individuals, got " +
                                std::to_string(strategy_of_.size()));
  check_probability(s_.observation_probability, "observation_probability");
  check_probability(s_.execution_error, "execution_error");
  check_probability(s_.perception_error, "perception_error");
  check_probability(s_.assessment_error, "assessment_error");
  check_probability(s_.empathy, "empathy");
  check_probability(s_.knowledge_probability, "knowledge_probability");
  if (strategies_.empty()) throw std::invalid_argument("the reputation game needs strategies");
  bool any_score = false, any_norm_only = false;
  for (const auto& st : strategies_) {
    any_score |= st.threshold.has_value();
    any_norm_only |= !st.scores_ok;
  }
  groups_ =
      s_.group_sizes.empty() ? Groups(n_)
      : s_.group_tags.empty()
          ? Groups::from_sizes(s_.group_sizes)
          : Groups::from_tags(s_.group_tags, static_cast<std::uint32_t>(s_.group_sizes.size()));
  if (groups_.individuals() != n_)
    throw std::invalid_argument("group sizes sum to " + std::to_string(groups_.individuals()) +
                                ", not to the " + std::to_string(n_) + " individuals");
  grouped_ = groups_.count() > 1;
  if (s_.in_group_probability) {
    if (const auto problem = in_group_problem(groups_, *s_.in_group_probability,
                                              s_.interaction == Interaction::random_pairs))
      throw std::invalid_argument(*problem);
    in_group_draw_ = true;
  }
  group_rep_ = s_.group_reputation;
  shared_ = s_.shared_views;
  if (shared_) {
    if (s_.assessment != Assessment::private_views || any_score ||
        s_.observation != Observation::each_action || group_rep_)
      throw std::invalid_argument(
          "shared views need private assessment with norms, observation = each_action and no "
          "group reputations");
    if (!s_.group_norms.empty() && s_.group_norms.size() != groups_.count())
      throw std::invalid_argument(std::to_string(s_.group_norms.size()) + " group norms for " +
                                  std::to_string(groups_.count()) + " groups");
    if (s_.group_norms.empty() && !s_.norm)
      throw std::invalid_argument("shared views need the population's norm or group norms");
  }
  if (group_rep_ && (s_.assessment != Assessment::private_views || any_score ||
                     s_.observation != Observation::each_action))
    throw std::invalid_argument(
        "group reputations need private assessment with norms and observation = each_action");
  if (any_score && any_norm_only)
    throw std::invalid_argument(
        "image-score strategies (Score(K)) cannot be mixed with norm-based ones (DISC, L1..L8, "
        "Action, Pair); ALLC and ALLD work with both");
  scores_ = any_score;
  if (!scores_) {
    for (const auto& st : strategies_)
      if ((!st.norm || !st.out_norm) && !s_.norm)
        throw std::invalid_argument("strategy " + st.name +
                                    " judges with the population's norm, but no norm is set");
    if (s_.assessment == Assessment::public_institution && !s_.norm)
      throw std::invalid_argument(
          "public assessment by an institution needs the population's norm");
  }
  if (s_.observation == Observation::one_action_per_donor) {
    if (s_.assessment != Assessment::private_views || scores_)
      throw std::invalid_argument(
          "observation = one_action_per_donor needs private assessment with norms (each "
          "observer keeps its own views)");
    if (s_.interaction != Interaction::all_pairs)
      throw std::invalid_argument(
          "observation = one_action_per_donor needs interaction = all_pairs (every donor acts "
          "toward every other individual each round)");
  }
  if (s_.knowledge_probability < 1.0 && (scores_ || s_.observation != Observation::each_action))
    throw std::invalid_argument(
        "knowledge_probability < 1 needs norm-based strategies and observation = each_action");
  for (const auto i : strategy_of_)
    if (i >= strategies_.size())
      throw std::invalid_argument("strategy index " + std::to_string(i) + " is out of range [0, " +
                                  std::to_string(strategies_.size() - 1) + "]");

  const bool priv = s_.assessment == Assessment::private_views;
  public_fast_ = !scores_ && s_.assessment == Assessment::public_institution &&
                 s_.observation == Observation::each_action && s_.norm->deterministic_cached() &&
                 (!s_.out_group_norm || s_.out_group_norm->deterministic_cached()) &&
                 s_.knowledge_probability == 1.0;
  Stream init = reputation_run_stream(run_, init_round, 0);
  if (scores_) {
    scores_v_.assign(priv ? std::size_t{n_} * n_ : n_, 0);
    for (auto& v : scores_v_) {
      if (s_.initial_reputation == InitialReputation::bad)
        v = -1;
      else if (s_.initial_reputation == InitialReputation::random)
        v = static_cast<std::int8_t>(init.bits() & 1u ? 0 : -1);
    }
  } else {
    const std::size_t rows = priv ? n_ : 1;
    views_.assign(rows * words_, 0);
    for (std::size_t row = 0; row < rows; ++row) {
      for (std::uint32_t w = 0; w < words_; ++w) {
        const std::uint32_t lanes = std::min<std::uint32_t>(64, n_ - 64 * w);
        const std::uint64_t valid =
            lanes == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << lanes) - 1;
        std::uint64_t v = 0;
        if (s_.initial_reputation == InitialReputation::good) v = valid;
        if (s_.initial_reputation == InitialReputation::random) v = init.bits() & valid;
        views_[row * words_ + w] = v;
      }
    }
  }
  if (group_rep_ || shared_) {
    // An observer's first view of a group is its view of the group's first member (no draws:
    // groups of one then start as the individual game does).
    const std::uint32_t m = groups_.count();
    group_views_.assign(std::size_t{m} * words_, 0);
    group_lanes_.assign(std::size_t{m} * words_, 0);
    for (std::uint32_t i = 0; i < n_; ++i)
      group_lanes_[std::size_t{groups_.group_of(i)} * words_ + i / 64] |= std::uint64_t{1}
                                                                          << (i % 64);
    for (std::uint32_t g = 0; g < m; ++g)
      std::copy_n(view_row(groups_.member(g, 0)), words_,
                  group_views_.begin() + std::size_t{g} * words_);
    if (shared_) {
      // Shared views start shared: every member holds its group's first member's views.
      group_views_.clear();
      for (std::uint32_t subject = 0; subject < n_; ++subject) {
        std::uint64_t* row = views_.data() + std::size_t{subject} * words_;
        for (std::uint32_t g = 0; g < m; ++g) {
          const std::uint32_t first = groups_.member(g, 0);
          const std::uint64_t fill = 0 - ((row[first / 64] >> (first % 64)) & 1u);
          const std::uint64_t* lanes = group_lanes_.data() + std::size_t{g} * words_;
          for (std::uint32_t w = 0; w < words_; ++w) row[w] = select(lanes[w], fill, row[w]);
        }
      }
    }
  }
  drawer_ = ScheduleDrawer(s_.interaction, n_);
  rebuild_planes();
}

bool ReputationGame::sees_good(std::uint32_t observer, std::uint32_t subject) const noexcept {
  if (!group_rep_ || groups_.same(observer, subject)) return good(observer, subject);
  const std::uint64_t word =
      group_views_[std::size_t{groups_.group_of(subject)} * words_ + observer / 64];
  return (word >> (observer % 64)) & 1u;
}

const Norm& ReputationGame::norm_of(std::uint32_t strategy, bool out_group) const noexcept {
  const auto& st = strategies_[strategy];
  if (!out_group) return st.norm ? *st.norm : *s_.norm;
  if (st.out_norm) return *st.out_norm;
  return s_.out_group_norm ? *s_.out_group_norm : *s_.norm;
}

void ReputationGame::rebuild_planes() {
  rule_of_.resize(n_);
  out_rule_of_.resize(n_);
  for (std::uint32_t i = 0; i < n_; ++i) {
    rule_of_[i] = strategies_[strategy_of_[i]].action.code;
    out_rule_of_[i] = strategies_[strategy_of_[i]].out_action.code;
  }
  // Shared views draw Stages 2-3 from stream 0, so they are never skipped; with groups the
  // out-group rules must ignore reputations too.
  skip_views_ = !s_.views_read && !scores_ && s_.assessment == Assessment::private_views &&
                !shared_ && !group_rep_ &&
                std::all_of(strategy_of_.begin(), strategy_of_.end(), [this](std::uint32_t i) {
                  const auto in = strategies_[i].action.code, out = strategies_[i].out_action.code;
                  return (in == 0 || in == 15) && (out == 0 || out == 15);
                });
  private_fast_ = !skip_views_ && !scores_ && s_.assessment == Assessment::private_views &&
                  !grouped_ && !shared_ && !group_rep_ && s_.knowledge_probability == 1.0;
  lanes_.assign(strategies_.size() * words_, 0);
  for (std::uint32_t i = 0; i < n_; ++i)
    lanes_[std::size_t{strategy_of_[i]} * words_ + i / 64] |= std::uint64_t{1} << (i % 64);
  if (scores_) return;
  // Out-group actions need norms of their own only where some strategy judges them otherwise.
  split_norms_ = false;
  if (grouped_)
    for (std::uint32_t st = 0; st < strategies_.size(); ++st)
      split_norms_ |= !(norm_of(st, false) == norm_of(st, true));
  if (s_.assessment != Assessment::private_views) return;
  build_planes(false, planes_, stochastic_);
  if (split_norms_) build_planes(true, planes_out_, stochastic_out_);
}

void ReputationGame::build_planes(bool out_group, std::vector<std::uint64_t>& planes,
                                  std::vector<StochasticEntry>& stochastic) {
  planes.assign(std::size_t{words_} * 8, 0);
  stochastic.clear();
  for (std::uint32_t st = 0; st < strategies_.size(); ++st) {
    const Norm& norm = norm_of(st, out_group);
    for (unsigned e = 0; e < 8; ++e) {
      const double p = norm.probability_good(e);
      if (p > 0.0 && p < 1.0) stochastic.push_back({st, e, BernoulliWord(p)});
      if (p < 1.0) continue;
      for (std::uint32_t w = 0; w < words_; ++w)
        planes[std::size_t{w} * 8 + e] |= lanes_[std::size_t{st} * words_ + w];
    }
  }
}

void ReputationGame::set_strategy(std::uint32_t individual, std::uint32_t strategy) {
  if (strategy >= strategies_.size())
    throw std::invalid_argument("strategy index " + std::to_string(strategy) + " out of range");
  strategy_of_[individual] = strategy;
  rebuild_planes();
}

bool ReputationGame::good(std::uint32_t observer, std::uint32_t subject) const noexcept {
  const bool priv = s_.assessment == Assessment::private_views;
  if (scores_) return score(observer, subject) >= 0;
  const std::size_t row = priv ? subject : 0;
  const std::uint32_t bit = priv ? observer : subject;
  return (views_[row * words_ + bit / 64] >> (bit % 64)) & 1u;
}

int ReputationGame::score(std::uint32_t observer, std::uint32_t subject) const noexcept {
  if (s_.assessment == Assessment::private_views)
    return scores_v_[std::size_t{subject} * n_ + observer];
  return scores_v_[subject];
}

void ReputationGame::play_round(ReputationResults* measure) {
  Stream play = reputation_run_stream(run_, round_, 0);
  if (s_.knowledge_probability < 1.0) know_.emplace(knowledge_stream(run_, round_));
  execution_trials_.reset();
  perception_trials_.reset();
  assessment_trials_.reset();
  if (s_.assessment == Assessment::private_views && !skip_views_) {
    blocks_.clear();
    blocks_.reserve(words_);
    for (std::uint32_t w = 0; w < words_; ++w)
      blocks_.emplace_back(reputation_run_stream(run_, round_, 1 + std::uint64_t{w}));
  }
  if (s_.observation == Observation::one_action_per_donor) {
    play_sampled(play, measure);
  } else {
    if (in_group_draw_)
      draw_group_pairs(groups_, *s_.in_group_probability, play, schedule_);
    else
      drawer_.draw(play, schedule_);
    if (public_fast_)
      play_public(play, measure);
    else if (private_fast_)
      play_private(play, measure);
    else if (skip_views_ && !grouped_) {
      // Every rule is ALLC or ALLD (skip_views_): decide() without views, in one loop (the
      // same execution-error trials, only where C is intended).
      BernoulliTrials execution = execution_trials_;
      const std::uint8_t* const rule = rule_of_.data();
      for (const auto& [donor, recipient] : schedule_) {
        const bool intends = rule[donor] & 1u;
        const bool cooperated = intends & !execution.next_if(intends, play);
        if (measure) count_action(donor, recipient, cooperated, *measure);
      }
      execution_trials_ = execution;
    } else if (skip_views_)
      for (const auto& [donor, recipient] : schedule_) decide(donor, recipient, play, measure);
    else
      for (const auto& [donor, recipient] : schedule_) act(donor, recipient, play, measure);
  }
  if (measure) {
    ++measure->rounds;
    for (const auto st : strategy_of_) ++measure->individual_rounds[st];
    if (s_.views_read) record_views(*measure);
  }
  ++round_;
}

ReputationResults ReputationGame::run(std::uint64_t burn_in, std::uint64_t window) {
  for (std::uint64_t t = 0; t < burn_in; ++t) play_round();
  ReputationResults m(strategies_.size());
  for (std::uint64_t t = 0; t < window; ++t) play_round(&m);
  return m;
}

void ReputationGame::act(std::uint32_t donor, std::uint32_t recipient, Stream& play,
                         ReputationResults* m) {
  const bool cooperated = decide(donor, recipient, play, m);
  // Stages 2 and 3: observe and assess.
  if (scores_)
    observe_scores(donor, cooperated, play);
  else if (group_rep_)
    observe_grouped(donor, recipient, sees_good(donor, recipient), cooperated);
  else if (shared_)
    observe_shared(donor, recipient, cooperated, play);
  else if (s_.assessment == Assessment::private_views)
    observe_private(donor, recipient, good(donor, recipient), cooperated);
  else
    observe_public(donor, recipient, cooperated, play);
}

bool ReputationGame::decide(std::uint32_t donor, std::uint32_t recipient, Stream& play,
                            ReputationResults* m) {
  // Stage 1: act.
  const auto& st = strategies_[strategy_of_[donor]];
  const bool in_group = !grouped_ || groups_.same(donor, recipient);
  bool intends;
  if (scores_) {
    intends = score(donor, recipient) >= st.score_threshold();
  } else {
    const ActionRule rule = in_group ? st.action : st.out_action;
    // Unknown reputation (knowledge_probability): acted on as good, the benefit of the doubt.
    const bool knows = !know_ || know_->bernoulli(s_.knowledge_probability);
    intends = rule.cooperates(
        good(donor, donor),
        !knows || (group_rep_ ? sees_good(donor, recipient) : good(donor, recipient)));
  }
  const bool cooperated = intends && !execution_trials_.next(play);
  if (m) count_action(donor, recipient, cooperated, *m);
  return cooperated;
}

inline void ReputationGame::count_action(std::uint32_t donor, std::uint32_t recipient,
                                         bool cooperated, ReputationResults& m) const noexcept {
  const std::size_t k =
      std::size_t{strategy_of_[donor]} * strategies_.size() + strategy_of_[recipient];
  ++m.actions[k];
  if (!m.individual_actions.empty()) {
    ++m.individual_actions[donor];
    m.individual_cooperations[donor] += cooperated;
  }
  const bool in = !grouped_ || groups_.same(donor, recipient);  // added, not branched on
  m.in_group_actions += in;
  m.in_group_cooperations += in & cooperated;
  m.out_group_actions += !in;
  m.out_group_cooperations += !in & cooperated;
  if (cooperated) {
    ++m.cooperations[k];
    m.payoff[strategy_of_[donor]] -= s_.cost;
    m.payoff[strategy_of_[recipient]] += s_.benefit;
    if (!m.individual_payoff.empty()) {
      m.individual_payoff[donor] -= s_.cost;
      m.individual_payoff[recipient] += s_.benefit;
    }
  }
}

void ReputationGame::play_public(Stream& play, ReputationResults* m) {
  // What act() does for an institution with a deterministic norm, in one loop: the same draws
  // in the same order (execution error if C is intended, observation, perception error,
  // assessment error), the action rule and the norm read as bit tables, no dispatch per action.
  // The shared view is one byte per individual during the round (a load and a store per
  // action, not a read-modify-write of a bit), and the loop is compiled for each of measured
  // or not and q < 1 or not, with the error trials in locals: a byte store may alias anything,
  // so members would be reloaded after every action.
  // Bits to bytes and back eight at a time (multiplications that spread a byte's bits over
  // eight bytes and gather them back: every partial product lands on its own bit, no carries).
  public_rep_.resize(std::size_t{words_} * 64);
  for (std::uint32_t b = 0; b < 8 * words_; ++b) {
    const std::uint64_t bits = (views_[b / 8] >> (8 * (b % 8))) & 0xffu;
    const std::uint64_t spread = (bits * 0x0101010101010101ull) & 0x8040201008040201ull;
    const std::uint64_t bytes = ((spread + 0x7f7f7f7f7f7f7f7full) >> 7) & 0x0101010101010101ull;
    std::memcpy(public_rep_.data() + 8 * b, &bytes, 8);
  }
  const auto loop = [&](auto measure, auto sampled, auto grouped) {
    std::uint8_t* const rep = public_rep_.data();
    const std::uint8_t* const rule = rule_of_.data();
    const std::uint8_t* const out_rule = out_rule_of_.data();
    // Groups: out-group actions take the donor's out-group rule and the out-group norm (one
    // group: every action is in-group), chosen by masks, not branches (the side is random).
    const unsigned norm = s_.norm->code();
    const unsigned out_norm = s_.out_group_norm ? s_.out_group_norm->code() : norm;
    const std::uint32_t* const tag = groups_.tags().data();
    const double q = s_.observation_probability;
    BernoulliTrials execution = execution_trials_, perception = perception_trials_,
                    assessment = assessment_trials_;
    const auto* pair = schedule_.data();
    const auto* const end = pair + schedule_.size();
    for (; pair != end; ++pair) {
      const std::uint32_t donor = pair->first, recipient = pair->second;
      const unsigned own = rep[donor], other = rep[recipient];
      // Without groups every action is in-group (no tags read).
      const bool in = !decltype(grouped)::value || tag[donor] == tag[recipient];
      const unsigned in_mask = 0u - static_cast<unsigned>(in);
      const unsigned code = out_rule[donor] ^ ((rule[donor] ^ out_rule[donor]) & in_mask);
      const bool intends = (code >> action_entry(own, other)) & 1u;
      const bool cooperated = intends & !execution.next_if(intends, play);
      if constexpr (decltype(measure)::value) count_action(donor, recipient, cooperated, *m);
      if constexpr (decltype(sampled)::value)
        if (!play.bernoulli(q)) continue;
      const bool perceived = cooperated != perception.next(play);
      rep[donor] = static_cast<std::uint8_t>(
          (((out_norm ^ ((norm ^ out_norm) & in_mask)) >> norm_entry(own, other, perceived)) & 1u) ^
          assessment.next(play));
    }
    execution_trials_ = execution;
    perception_trials_ = perception;
    assessment_trials_ = assessment;
  };
  const bool sampled = s_.observation_probability < 1.0;
  const auto with_groups = [&](auto measure, auto grouped) {
    sampled ? loop(measure, std::true_type{}, grouped) : loop(measure, std::false_type{}, grouped);
  };
  const auto measured = [&](auto grouped) {
    m ? with_groups(std::true_type{}, grouped) : with_groups(std::false_type{}, grouped);
  };
  grouped_ ? measured(std::true_type{}) : measured(std::false_type{});
  // Lanes past N were 0 and no action writes them.
  for (std::uint32_t w = 0; w < words_; ++w) {
    std::uint64_t word = 0;
    for (unsigned b = 0; b < 8; ++b) {
      std::uint64_t bytes;
      std::memcpy(&bytes, public_rep_.data() + 64 * w + 8 * b, 8);
      word |= ((bytes * 0x0102040810204080ull) >> 56) << (8 * b);
    }
    views_[w] = word;
  }
}

void ReputationGame::play_private(Stream& play, ReputationResults* m) {
  // act() for private views without groups, in one loop: decide() with the views and the
  // action rule read in place (the same draws: an execution-error trial only if C is
  // intended), then observe_private().
  if (words_ == 1 && stochastic_.empty()) {
    // N <= 64 and deterministic norms: every view row is one word (row i is views[i]) and
    // every observer is in block 0, so the loop holds the norm planes, the error trials and
    // the block's words in locals (a view store may alias any member or vector element, which
    // would be reloaded after each action otherwise), with no loop over blocks and no call per
    // action (the lambda captures no locals by reference: those would be reloaded through the
    // closure too). The same draws in the same order as observe_private: observation,
    // perception, empathy, assessment words, each skipped where its probability is 0 or 1.
    auto rounds = [ this, &play, m ](auto fast) __attribute__((always_inline)) {
      constexpr bool f = decltype(fast)::value;
      std::uint64_t* const views = views_.data();
      const std::uint8_t* const rule = rule_of_.data();
      const std::uint64_t n0 = planes_[0], n1 = planes_[1], n2 = planes_[2], n3 = planes_[3],
                          n4 = planes_[4], n5 = planes_[5], n6 = planes_[6], n7 = planes_[7];
      const std::uint64_t valid = ~std::uint64_t{0} >> (64 - n_);  // lanes past N stay 0
      const BernoulliWord observe = observe_, perceive = perceive_error_, empathy = empathy_,
                          assess = assess_error_;
      BernoulliTrials execution = execution_trials_;
      BlockWords rng = blocks_[0];
      for (const auto& [donor, recipient] : schedule_) {
        const std::uint64_t row_r = views[recipient], d = views[donor];
        const unsigned own = (d >> donor) & 1u, other = (row_r >> donor) & 1u;
        const bool intends = (rule[donor] >> action_entry(own, other)) & 1u;
        const bool cooperated = intends & !execution.next_if(intends, play);
        if (m) count_action(donor, recipient, cooperated, *m);
        const std::uint64_t observed =
            observe.draw<f>(rng) | std::uint64_t{1} << donor | std::uint64_t{1} << recipient;
        const std::uint64_t a = (0 - std::uint64_t{cooperated}) ^ perceive.draw<f>(rng);
        const std::uint64_t r = select(empathy.draw<f>(rng), 0 - std::uint64_t{other}, row_r);
        const std::uint64_t flip = assess.draw<f>(rng);
        const std::uint64_t verdict = select(d, select(r, select(a, n7, n6), select(a, n5, n4)),
                                             select(r, select(a, n3, n2), select(a, n1, n0))) ^
                                      flip;
        views[donor] = select(observed & valid, verdict, d);
      }
      blocks_[0] = rng;
      execution_trials_ = execution;
    };
    run_fastest(rounds);
    return;
  }
  // Serial blocks and deterministic norms: observe_private's loop over the blocks written out
  // here (the same draws, block by block), without a call per action; otherwise the call.
  auto rounds = [ this, &play, m ](auto fast) __attribute__((always_inline)) {
    constexpr bool f = decltype(fast)::value;
    std::uint64_t* const views = views_.data();
    const std::uint8_t* const rule = rule_of_.data();
    const std::size_t words = words_;
    const bool inline_blocks =
        stochastic_.empty() && (s_.parallel_words == 0 || words_ < s_.parallel_words);
    const std::uint64_t* const planes = planes_.data();
    const std::uint64_t last_valid = ~std::uint64_t{0} >> (64 * words_ - n_);
    BlockWords* const blocks = blocks_.data();
    for (const auto& [donor, recipient] : schedule_) {
      const std::uint64_t* column = views + donor / 64;  // the donor's bit of each row
      const unsigned bit = donor % 64;
      const unsigned own = (column[donor * words] >> bit) & 1u;
      const unsigned other = (column[recipient * words] >> bit) & 1u;
      const bool intends = (rule[donor] >> action_entry(own, other)) & 1u;
      const bool cooperated = intends & !execution_trials_.next_if(intends, play);
      if (m) count_action(donor, recipient, cooperated, *m);
      if (!inline_blocks) {
        observe_private(donor, recipient, other, cooperated);
        continue;
      }
      std::uint64_t* const row_d = views + std::size_t{donor} * words;
      const std::uint64_t* const row_r = views + std::size_t{recipient} * words;
      const std::uint64_t action = 0 - std::uint64_t{cooperated};
      const std::uint64_t donor_view = 0 - std::uint64_t{other};
      for (std::size_t w = 0; w < words; ++w) {
        BlockWords& rng = blocks[w];
        std::uint64_t observed = observe_.draw<f>(rng);
        if (donor / 64 == w) observed |= std::uint64_t{1} << bit;
        if (recipient / 64 == w) observed |= std::uint64_t{1} << (recipient % 64);
        const std::uint64_t a = action ^ perceive_error_.draw<f>(rng);
        const std::uint64_t r = select(empathy_.draw<f>(rng), donor_view, row_r[w]);
        const std::uint64_t flip = assess_error_.draw<f>(rng);
        const std::uint64_t d = row_d[w];
        const std::uint64_t* p = planes + 8 * w;
        const std::uint64_t verdict =
            select(d, select(r, select(a, p[7], p[6]), select(a, p[5], p[4])),
                   select(r, select(a, p[3], p[2]), select(a, p[1], p[0]))) ^
            flip;
        if (w + 1 == words) observed &= last_valid;  // lanes past N stay 0
        row_d[w] = select(observed, verdict, d);
      }
    }
  };
  run_fastest(rounds);
}

inline std::uint64_t ReputationGame::verdict_word(std::uint32_t w, std::uint64_t d, std::uint64_t r,
                                                  std::uint64_t a, bool out_group,
                                                  BlockWords& rng) const noexcept {
  // Out-group actions use their own planes only where some norm differs (split_norms_).
  const bool out = out_group && split_norms_;
  const std::uint64_t* p = (out ? planes_out_ : planes_).data() + std::size_t{w} * 8;
  const auto& stochastic = out ? stochastic_out_ : stochastic_;
  std::uint64_t n0 = p[0], n1 = p[1], n2 = p[2], n3 = p[3], n4 = p[4], n5 = p[5], n6 = p[6],
                n7 = p[7];
  if (!stochastic.empty()) {
    std::uint64_t extra[8] = {};
    for (const auto& e : stochastic)
      extra[e.entry] |= lanes_[std::size_t{e.strategy} * words_ + w] & e.draw(rng);
    n0 |= extra[0], n1 |= extra[1], n2 |= extra[2], n3 |= extra[3];
    n4 |= extra[4], n5 |= extra[5], n6 |= extra[6], n7 |= extra[7];
  }
  // Entry 4d + 2r + a, one multiplexer level per bit.
  return select(d, select(r, select(a, n7, n6), select(a, n5, n4)),
                select(r, select(a, n3, n2), select(a, n1, n0)));
}

void ReputationGame::play_sampled(Stream& play, ReputationResults* m) {
  // Stage 1: act, every ordered pair, from the views before this round's assessments. No view
  // changes meanwhile, so a donor's choice toward a G and toward a B recipient is fixed before
  // its N - 1 actions, and the measure adds counts once per donor (payoffs: count x b, count x
  // c -- exact where per-action sums would round), C by recipient strategy from the bit rows.
  const std::size_t s = strategies_.size();
  acted_.assign(std::size_t{n_} * words_, 0);
  std::vector<std::uint64_t> members(s), given(s);
  if (m)
    for (const auto st : strategy_of_) ++members[st];
  for (std::uint32_t donor = 0; donor < n_; ++donor) {
    const std::uint32_t sd = strategy_of_[donor];
    const ActionRule rule = strategies_[sd].action, out_rule = strategies_[sd].out_action;
    const bool own = good(donor, donor);
    const bool if_good = rule.cooperates(own, true), if_bad = rule.cooperates(own, false);
    const bool out_good = out_rule.cooperates(own, true), out_bad = out_rule.cooperates(own, false);
    const std::uint32_t gd = groups_.group_of(donor);
    const std::uint64_t* column = views_.data() + donor / 64;  // the donor's bit of each row
    const unsigned bit = donor % 64;
    std::uint64_t* row = acted_.data() + std::size_t{donor} * words_;
    std::fill(given.begin(), given.end(), 0);
    for (std::uint32_t recipient = 0; recipient < n_; ++recipient) {
      if (recipient == donor) continue;
      const bool sees_good = (column[std::size_t{recipient} * words_] >> bit) & 1u;
      const bool in_group = !grouped_ || groups_.group_of(recipient) == gd;
      const bool intends =
          in_group ? (sees_good ? if_good : if_bad) : (sees_good ? out_good : out_bad);
      const bool cooperated = intends & !execution_trials_.next_if(intends, play);
      row[recipient / 64] |= std::uint64_t{cooperated} << (recipient % 64);
    }
    if (!m) continue;
    // In-group: the donor's N_g - 1 group mates, C toward them counted from the row.
    const std::uint64_t mates = groups_.size_of(gd) - 1;
    std::uint64_t mates_given = 0;
    if (grouped_) {
      for (std::uint32_t k = 0; k < mates + 1; ++k) {
        const std::uint32_t j = groups_.member(gd, k);
        mates_given += (row[j / 64] >> (j % 64)) & 1u;
      }
    }
    std::uint64_t total = 0;
    for (std::size_t sr = 0; sr < s; ++sr) {
      const std::uint64_t* lanes = lanes_.data() + sr * words_;
      for (std::uint32_t w = 0; w < words_; ++w) given[sr] += count_ones(row[w] & lanes[w]);
      m->actions[sd * s + sr] += members[sr] - (sr == sd);
      m->cooperations[sd * s + sr] += given[sr];
      m->payoff[sr] += s_.benefit * static_cast<double>(given[sr]);
      total += given[sr];
    }
    m->payoff[sd] -= s_.cost * static_cast<double>(total);
    if (!grouped_) mates_given = total;
    m->in_group_actions += mates;
    m->in_group_cooperations += mates_given;
    m->out_group_actions += n_ - 1 - mates;
    m->out_group_cooperations += total - mates_given;
    if (!m->individual_actions.empty()) {
      m->individual_actions[donor] += n_ - 1;
      m->individual_cooperations[donor] += total;
    }
    // Per individual too when asked for (the evolution job's fitness, as decide() keeps it
    // per action): without it every individual earned 0 and selection had nothing to act on.
    if (m->individual_payoff.empty()) continue;
    m->individual_payoff[donor] -= s_.cost * static_cast<double>(total);
    for (std::uint32_t w = 0; w < words_; ++w)
      for (std::uint64_t bits = row[w]; bits != 0; bits &= bits - 1)
        m->individual_payoff[64 * w + static_cast<std::uint32_t>(std::countr_zero(bits))] +=
            s_.benefit;
  }
  // Stages 2 and 3: observe and assess, all from the old views into new ones.
  if (skip_views_) return;
  next_views_.resize(views_.size());
  if (s_.parallel_words == 0 || words_ < s_.parallel_words) {
    assess_sampled(0, words_);
  } else {
    tbb::parallel_for(tbb::blocked_range<std::uint32_t>(0, words_, s_.parallel_words / 2 + 1),
                      [&](const tbb::blocked_range<std::uint32_t>& range) {
                        assess_sampled(range.begin(), range.end());
                      });
  }
  views_.swap(next_views_);
}

void ReputationGame::assess_sampled(std::uint32_t begin, std::uint32_t end) {
  const std::uint64_t* old = views_.data();
  for (std::uint32_t w = begin; w < end; ++w) {
    BlockWords& rng = blocks_[w];
    const std::uint32_t lanes = std::min<std::uint32_t>(64, n_ - 64 * w);
    const std::uint64_t valid = ~std::uint64_t{0} >> (64 - lanes);
    for (std::uint32_t donor = 0; donor < n_; ++donor) {
      const std::uint64_t observed = observe_(rng) & valid;
      const std::uint64_t* acted = acted_.data() + std::size_t{donor} * words_;
      const std::uint32_t donor_word = donor / 64, donor_bit = donor % 64;
      // Each lane's recipient, then (a loop without draws, its accumulators in registers)
      // the sampled action and the two views of that recipient, gathered lane by lane.
      std::uint32_t recipient[64];
      PackedDraws pick(rng);
      const auto others = [this](unsigned) { return n_ - 1; };
      for (std::uint32_t k = 0; k < lanes;) k += pick.group(others, lanes - k, recipient + k);
      std::uint64_t action = 0, own = 0, donors = 0, out = 0;
      const std::uint32_t gd = groups_.group_of(donor);
      if (split_norms_)
        for (std::uint32_t k = 0; k < lanes; ++k) {
          const std::uint32_t j = recipient[k] + (recipient[k] >= donor);
          out |= std::uint64_t{groups_.group_of(j) != gd} << k;
        }
      for (std::uint32_t k = 0; k < lanes; ++k) {
        const std::uint32_t j = recipient[k] + (recipient[k] >= donor);
        const std::uint64_t* row_j = old + std::size_t{j} * words_;
        action |= ((acted[j / 64] >> (j % 64)) & 1u) << k;
        own |= ((row_j[w] >> k) & 1u) << k;
        donors |= ((row_j[donor_word] >> donor_bit) & 1u) << k;
      }
      const std::uint64_t a = action ^ perceive_error_(rng);
      const std::uint64_t r = select(empathy_(rng), donors, own);
      const std::uint64_t flip = assess_error_(rng);
      const std::uint64_t d = old[std::size_t{donor} * words_ + w];
      // Lanes whose sampled action was out-group take the out-group verdict (split norms: the
      // in-group word's stochastic draws first, then the out-group word's).
      std::uint64_t verdict = verdict_word(w, d, r, a, false, rng);
      if (split_norms_) verdict = select(out, verdict_word(w, d, r, a, true, rng), verdict);
      verdict ^= flip;
      next_views_[std::size_t{donor} * words_ + w] = select(observed, verdict, d);
    }
  }
}

void ReputationGame::observe_private(std::uint32_t donor, std::uint32_t recipient,
                                     bool donor_sees_recipient, bool cooperated) {
  std::uint64_t* row_d = views_.data() + std::size_t{donor} * words_;
  const std::uint64_t* row_r = views_.data() + std::size_t{recipient} * words_;
  const std::uint64_t action = 0 - std::uint64_t{cooperated};
  const std::uint64_t donor_view = 0 - std::uint64_t{donor_sees_recipient};
  const bool out_group = grouped_ && !groups_.same(donor, recipient);
  // Each block has its own stream and words, so blocks can run on any threads in any order.
  const auto update = [&](std::uint32_t begin, std::uint32_t end) {
    for (std::uint32_t w = begin; w < end; ++w) {
      BlockWords& rng = blocks_[w];
      std::uint64_t observed = observe_(rng);
      if (donor / 64 == w) observed |= std::uint64_t{1} << (donor % 64);
      if (recipient / 64 == w) observed |= std::uint64_t{1} << (recipient % 64);
      const std::uint64_t a = action ^ perceive_error_(rng);
      const std::uint64_t r = select(empathy_(rng), donor_view, row_r[w]);
      const std::uint64_t flip = assess_error_(rng);
      const std::uint64_t d = row_d[w];
      const std::uint64_t verdict = verdict_word(w, d, r, a, out_group, rng) ^ flip;
      // Lanes past N are never observed, so they stay 0.
      observed &= ~std::uint64_t{0} >> (w + 1 == words_ ? (64 * words_ - n_) : 0);
      row_d[w] = select(observed, verdict, d);
    }
  };
  if (s_.parallel_words == 0 || words_ < s_.parallel_words) {
    update(0, words_);
    return;
  }
  tbb::parallel_for(
      tbb::blocked_range<std::uint32_t>(0, words_, s_.parallel_words / 2 + 1),
      [&](const tbb::blocked_range<std::uint32_t>& range) { update(range.begin(), range.end()); });
}

void ReputationGame::observe_grouped(std::uint32_t donor, std::uint32_t recipient,
                                     bool donor_sees_recipient, bool cooperated) {
  // observe_private with two kinds of observer: members of the donor's group (lanes `own`)
  // read and write the donor's row; the others read and write the donor's group's row, and
  // see the recipient by its group's row unless they are in the recipient's group. Same draws,
  // in the same order, as observe_private (serial: group reputations are a small-N model).
  const std::uint32_t gd = groups_.group_of(donor), gr = groups_.group_of(recipient);
  std::uint64_t* row_d = views_.data() + std::size_t{donor} * words_;
  const std::uint64_t* row_r = views_.data() + std::size_t{recipient} * words_;
  std::uint64_t* group_d = group_views_.data() + std::size_t{gd} * words_;
  const std::uint64_t* group_r = group_views_.data() + std::size_t{gr} * words_;
  const std::uint64_t* own = group_lanes_.data() + std::size_t{gd} * words_;
  const std::uint64_t* mates_r = group_lanes_.data() + std::size_t{gr} * words_;
  const std::uint64_t action = 0 - std::uint64_t{cooperated};
  const std::uint64_t donor_view = 0 - std::uint64_t{donor_sees_recipient};
  const bool out_group = gd != gr;
  for (std::uint32_t w = 0; w < words_; ++w) {
    BlockWords& rng = blocks_[w];
    std::uint64_t observed = observe_(rng);
    if (donor / 64 == w) observed |= std::uint64_t{1} << (donor % 64);
    if (recipient / 64 == w) observed |= std::uint64_t{1} << (recipient % 64);
    const std::uint64_t a = action ^ perceive_error_(rng);
    const std::uint64_t seen_r = select(mates_r[w], row_r[w], group_r[w]);
    const std::uint64_t r = select(empathy_(rng), donor_view, seen_r);
    const std::uint64_t flip = assess_error_(rng);
    const std::uint64_t d = select(own[w], row_d[w], group_d[w]);
    const std::uint64_t verdict = verdict_word(w, d, r, a, out_group, rng) ^ flip;
    observed &= ~std::uint64_t{0} >> (w + 1 == words_ ? (64 * words_ - n_) : 0);
    row_d[w] = select(observed & own[w], verdict, row_d[w]);
    group_d[w] = select(observed & ~own[w], verdict, group_d[w]);
  }
}

void ReputationGame::observe_shared(std::uint32_t donor, std::uint32_t recipient, bool cooperated,
                                    Stream& play) {
  const std::uint32_t gd = groups_.group_of(donor), gr = groups_.group_of(recipient);
  const bool out_group = gd != gr;
  std::uint64_t* row_d = views_.data() + std::size_t{donor} * words_;
  const std::uint64_t* row_r = views_.data() + std::size_t{recipient} * words_;
  const auto bit = [](const std::uint64_t* row, std::uint32_t i) -> bool {
    return (row[i / 64] >> (i % 64)) & 1u;
  };
  for (std::uint32_t g = 0; g < groups_.count(); ++g) {
    if (g != gd && g != gr && s_.observation_probability < 1.0 &&
        !play.bernoulli(s_.observation_probability))
      continue;
    const bool perceived = cooperated != perception_trials_.next(play);
    const std::uint32_t first = groups_.member(g, 0);  // every member holds the group's view
    bool recipient_good = bit(row_r, first);
    if (g != gd && play.bernoulli(s_.empathy)) recipient_good = bit(row_r, donor);
    const Norm& norm = out_group && s_.out_group_norm ? *s_.out_group_norm
                       : s_.group_norms.empty()       ? *s_.norm
                                                      : s_.group_norms[g];
    const unsigned entry = norm_entry(bit(row_d, first), recipient_good, perceived);
    bool verdict;
    if (norm.deterministic_cached()) {
      verdict = (norm.code() >> entry) & 1u;
    } else {
      const double p = norm.probability_good(entry);
      verdict = p >= 1.0 || (p > 0.0 && play.bernoulli(p));
    }
    if (assessment_trials_.next(play)) verdict = !verdict;
    const std::uint64_t fill = 0 - std::uint64_t{verdict};
    const std::uint64_t* lanes = group_lanes_.data() + std::size_t{g} * words_;
    for (std::uint32_t w = 0; w < words_; ++w) row_d[w] = select(lanes[w], fill, row_d[w]);
  }
}

void ReputationGame::observe_public(std::uint32_t donor, std::uint32_t recipient, bool cooperated,
                                    Stream& play) {
  const Norm* norm = nullptr;
  const bool out_group = grouped_ && !groups_.same(donor, recipient);
  if (s_.assessment == Assessment::public_institution) {
    if (s_.observation_probability < 1.0 && !play.bernoulli(s_.observation_probability)) return;
    norm = out_group && s_.out_group_norm ? &*s_.out_group_norm : &*s_.norm;
  } else {
    const auto assessor = static_cast<std::uint32_t>(play.below(n_));
    norm = &norm_of(strategy_of_[assessor], out_group);
  }
  const bool perceived = cooperated != perception_trials_.next(play);
  const auto bit_of = [this](std::uint32_t i) { return (views_[i / 64] >> (i % 64)) & 1u; };
  const unsigned entry = norm_entry(bit_of(donor), bit_of(recipient), perceived);
  bool verdict;
  if (norm->deterministic_cached()) {
    verdict = (norm->code() >> entry) & 1u;
  } else {
    const double p = norm->probability_good(entry);
    verdict = p >= 1.0 || (p > 0.0 && play.bernoulli(p));
  }
  if (assessment_trials_.next(play)) verdict = !verdict;
  std::uint64_t& word = views_[donor / 64];
  const std::uint64_t bit = std::uint64_t{1} << (donor % 64);
  word = verdict ? word | bit : word & ~bit;
}

void ReputationGame::observe_scores(std::uint32_t donor, bool cooperated, Stream& play) {
  const auto step = [](std::int8_t& v, bool c) {
    v = static_cast<std::int8_t>(c ? std::min(v + 1, max_score) : std::max(v - 1, min_score));
  };
  if (s_.assessment != Assessment::private_views) {
    if (s_.assessment == Assessment::public_institution && s_.observation_probability < 1.0 &&
        !play.bernoulli(s_.observation_probability))
      return;
    step(scores_v_[donor], cooperated != perception_trials_.next(play));
    return;
  }
  // Private scores: observation and perception words per block, as for norms (the recipient is
  // no special observer here: Nowak & Sigmund's onlookers); applied per observer.
  std::int8_t* row = scores_v_.data() + std::size_t{donor} * n_;
  for (std::uint32_t w = 0; w < words_; ++w) {
    BlockWords& rng = blocks_[w];
    std::uint64_t observed = observe_(rng);
    const std::uint64_t flipped = perceive_error_(rng);
    if (donor / 64 == w) observed |= std::uint64_t{1} << (donor % 64);
    const std::uint32_t lanes = std::min<std::uint32_t>(64, n_ - 64 * w);
    for (std::uint32_t k = 0; k < lanes; ++k)
      if ((observed >> k) & 1u) step(row[64 * w + k], cooperated != ((flipped >> k) & 1u));
  }
}

void ReputationGame::record_views(ReputationResults& m) const {
  const std::size_t s = strategies_.size();
  std::vector<std::uint64_t> count(s);
  for (const auto st : strategy_of_) ++count[st];
  for (std::size_t i = 0; i < s; ++i)
    for (std::size_t j = 0; j < s; ++j)
      m.view_pairs[i * s + j] += count[i] * count[j] - (i == j ? count[i] : 0);
  if (s_.assessment == Assessment::private_views && !scores_) {
    // Group reputations: the views observers act on (sees_good), row by row.
    std::vector<std::uint64_t> seen(group_rep_ ? words_ : 0);
    for (std::uint32_t subject = 0; subject < n_; ++subject) {
      const std::uint32_t j = strategy_of_[subject];
      const std::uint64_t* row = view_row(subject);
      if (group_rep_) {
        const std::size_t g = std::size_t{groups_.group_of(subject)} * words_;
        for (std::uint32_t w = 0; w < words_; ++w)
          seen[w] = select(group_lanes_[g + w], row[w], group_views_[g + w]);
        row = seen.data();
      }
      for (std::size_t i = 0; i < s; ++i) {
        const std::uint64_t* lanes = lanes_.data() + i * words_;
        std::uint64_t g = 0;
        for (std::uint32_t w = 0; w < words_; ++w) g += count_ones(row[w] & lanes[w]);
        m.good_views[i * s + j] += g;
      }
      if (good(subject, subject)) --m.good_views[std::size_t{j} * s + j];
    }
    return;
  }
  if (s_.assessment == Assessment::private_views) {  // private image scores
    for (std::uint32_t subject = 0; subject < n_; ++subject)
      for (std::uint32_t observer = 0; observer < n_; ++observer)
        if (observer != subject && good(observer, subject))
          ++m.good_views[std::size_t{strategy_of_[observer]} * s + strategy_of_[subject]];
    return;
  }
  // Public: everyone holds the one view. Added times 0 or 1, not branched on (with groups the
  // good and bad subjects mix, and the branch mispredicted).
  for (std::uint32_t subject = 0; subject < n_; ++subject) {
    const std::uint64_t is_good = good(0, subject);
    const std::uint32_t j = strategy_of_[subject];
    for (std::size_t i = 0; i < s; ++i)
      m.good_views[i * s + j] += is_good * (count[i] - (i == j ? 1 : 0));
  }
}

// ---- State between generations ----

std::size_t ReputationGame::state_rows() const noexcept {
  return (s_.assessment == Assessment::private_views ? n_ : 1) + (group_rep_ ? groups_.count() : 0);
}

std::size_t ReputationGame::state_row_width() const noexcept {
  return scores_ ? n_ : 2 * std::size_t{words_};
}

ReputationGame::State ReputationGame::state() const {
  State st{round_, strategy_of_, {}};
  if (scores_) {
    st.views.reserve(scores_v_.size());
    for (const auto v : scores_v_) st.views.push_back(static_cast<std::uint32_t>(v - min_score));
  } else {
    st.views.reserve(2 * (views_.size() + group_views_.size()));
    for (const auto* rows : {&views_, &group_views_})
      for (const auto w : *rows) {
        st.views.push_back(static_cast<std::uint32_t>(w));
        st.views.push_back(static_cast<std::uint32_t>(w >> 32));
      }
  }
  return st;
}

void ReputationGame::restore(const State& st) {
  if (st.strategy_of.size() != n_ || st.views.size() != state_rows() * state_row_width())
    throw std::invalid_argument("reputation game state: " + std::to_string(st.strategy_of.size()) +
                                " individuals and " + std::to_string(st.views.size()) +
                                " view words, expected " + std::to_string(n_) + " and " +
                                std::to_string(state_rows() * state_row_width()));
  if (scores_) {
    for (const auto v : st.views)
      if (v > static_cast<std::uint32_t>(max_score - min_score))
        throw std::invalid_argument("reputation game state: an image score outside [-5, 5]");
    for (std::size_t k = 0; k < scores_v_.size(); ++k)
      scores_v_[k] = static_cast<std::int8_t>(static_cast<int>(st.views[k]) + min_score);
  } else {
    for (std::size_t k = 0; k < views_.size(); ++k)
      views_[k] = std::uint64_t{st.views[2 * k]} | std::uint64_t{st.views[2 * k + 1]} << 32;
    const std::size_t base = 2 * views_.size();
    for (std::size_t k = 0; k < group_views_.size(); ++k)
      group_views_[k] =
          std::uint64_t{st.views[base + 2 * k]} | std::uint64_t{st.views[base + 2 * k + 1]} << 32;
  }
  set_strategies(st.strategy_of);
  round_ = st.round;
}

void ReputationGame::set_strategies(const std::vector<std::uint32_t>& strategy_of) {
  if (strategy_of.size() != n_)
    throw std::invalid_argument("set_strategies: " + std::to_string(strategy_of.size()) +
                                " strategies for " + std::to_string(n_) + " individuals");
  for (const auto i : strategy_of)
    if (i >= strategies_.size())
      throw std::invalid_argument("strategy index " + std::to_string(i) + " out of range");
  strategy_of_ = strategy_of;
  rebuild_planes();
}

}  // namespace kindest::reputation
