#pragma once
// Counter-based random streams (Philox4x64-10, Random123). A stream is named by
// (seed, purpose, where): the key holds (seed, purpose + d * 2^8), the counter holds
// (a, b, c, draw), where = (a, b, c, d). Two streams with different names never overlap, and the
// numbers a stream yields depend only on its name -- never on which thread asks, or when -- so
// results are identical for any thread or rank count.
//
// Each purpose gives the coordinates its own meaning through one named factory below
// (match_stream: (row, column, repetition), population_stream: (replicate, generation), ...);
// docs/STREAMS.md lists them all and is the reproducibility contract. d = 0 for every stream
// before the reputation game, whose key is therefore exactly (seed, purpose) as it always was.
#include <Random123/philox.h>

#include <cmath>
#include <cstdint>
#include <limits>

namespace kindest {

/// What a stream is used for. Values are part of the reproducibility contract: never renumber,
/// only append.
enum class Purpose : std::uint64_t {
  match = 1,             // draws inside one match: stochastic moves, noise, random length
  simulation_check = 2,  // tests and verification runs that sample on their own
  population = 3,        // finite-population dynamics: one stream per (replicate, generation)
  mutation = 4,          // invasion dynamics: one stream per (replicate, generation); finite
                         // populations' mutations draw from their generation's stream instead
  assessment = 5,        // the reputation game: schedule, errors, observation (reputation_stream)
  population_match = 6,  // matches between individuals of a population, each generation
  // job analysis, [payoffs] source = reputation: the reputation game of one (pair of
  // strategies, composition) (composition_run)
  reputation_payoffs = 7,
  sweep = 8,           // kindest sweep: the [run] seed of each (point, replicate) (sweep_seed)
  group_fixation = 9,  // job multilevel: one run from a single cooperator (multilevel_stream)
  graph = 10,     // job evolution on a graph: the replicate's random graph and initial placement
  upstream = 11,  // job upstream: one simulated chain of help (upstream_stream)
  // [payoffs] source = reputation with groups: norm imitation and mutation between groups
  // (group_norm_stream)
  group_norms = 12,
  migration = 13,  // [payoffs] source = reputation with groups: moves between groups
  // the reputation game with [reputation] knowledge_probability < 1: whether each donor knows
  // its recipient's reputation (knowledge_stream)
  knowledge = 14,
};

/// The "where" of a stream: three counter words and a fourth coordinate kept in the key beside
/// the purpose, so four indices name a stream and none of them limits how much it can draw.
struct Where {
  std::uint64_t a = 0, b = 0, c = 0;
  std::uint64_t d = 0;  // < 2^56 (the low 8 bits of the key word are the purpose)
};

class Stream {
 public:
  Stream(std::uint64_t seed, Purpose purpose, Where where) noexcept
      : key_{{seed, static_cast<std::uint64_t>(purpose) | (where.d << 8)}},
        ctr_{{where.a, where.b, where.c, 0}} {}
  Stream(std::uint64_t seed, Purpose purpose, std::uint64_t a = 0, std::uint64_t b = 0,
         std::uint64_t c = 0) noexcept
      : Stream(seed, purpose, Where{a, b, c, 0}) {}

  /// 64 uniformly random bits.
  std::uint64_t bits() noexcept {
    if (used_ == 4) refill();
    return block_.v[used_++];
  }
  /// Words 4i .. 4i + 3 of this stream (the ones bits() returns as its (4i+1)-th to (4i+4)-th),
  /// whatever has been drawn: a counter-based generator jumps for free. For callers that
  /// compute several blocks side by side (independent, so the CPU overlaps them).
  r123::Philox4x64::ctr_type block(std::uint64_t i) const noexcept {
    r123::Philox4x64::ctr_type ctr = ctr_;
    ctr.v[3] = i;
    return r123::Philox4x64()(ctr, key_);
  }
  /// Uniform on [0, 1) with 53 random bits.
  double uniform() noexcept { return static_cast<double>(bits() >> 11) * 0x1.0p-53; }
  /// True with probability p; p <= 0 never, p >= 1 always (and then no draw is consumed, so a
  /// deterministic rule played through this call does not shift the stream).
  bool bernoulli(double p) noexcept {
    if (p <= 0.0) return false;
    if (p >= 1.0) return true;
    return uniform() < p;
  }
  /// Uniform integer in [0, n), unbiased (Lemire's multiply-and-reject).
  std::uint64_t below(std::uint64_t n) noexcept {
    __extension__ using u128 = unsigned __int128;
    u128 m = static_cast<u128>(bits()) * n;
    auto low = static_cast<std::uint64_t>(m);
    if (low < n) {
      const std::uint64_t threshold = (0 - n) % n;
      while (low < threshold) {
        m = static_cast<u128>(bits()) * n;
        low = static_cast<std::uint64_t>(m);
      }
    }
    return static_cast<std::uint64_t>(m >> 64);
  }
  /// Number of trials up to and including the first failure when each trial continues with
  /// probability w: P(n) = w^(n-1) (1-w), n >= 1. The length of a match with continuation w.
  std::int64_t geometric_length(double w) noexcept {
    if (w <= 0.0) return 1;
    const double u = 1.0 - uniform();  // (0, 1]
    const double n = std::floor(std::log(u) / std::log(w));
    if (!(n < 1e15)) return std::numeric_limits<std::int64_t>::max() / 2;
    return 1 + static_cast<std::int64_t>(n);
  }

 private:
  void refill() noexcept {
    block_ = r123::Philox4x64()(ctr_, key_);
    ++ctr_.v[3];
    used_ = 0;
  }

  r123::Philox4x64::key_type key_;
  r123::Philox4x64::ctr_type ctr_;
  r123::Philox4x64::ctr_type block_{};
  unsigned used_ = 4;
};

// One factory per purpose in use: the names of its coordinates, in one place. Code that draws
// for a purpose makes its streams here, so two call sites cannot disagree on the order.

/// A match between tournament players `row` and `column` (indices in the player list), the
/// `repetition`-th of that pair: all its moves, noise and random length.
inline Stream match_stream(std::uint64_t seed, std::uint64_t row, std::uint64_t column,
                           std::uint64_t repetition) noexcept {
  return Stream(seed, Purpose::match, Where{row, column, repetition});
}

/// Generation `generation` of replicate `replicate` of a finite population (job evolution):
/// every update event and mutation of that generation, in order.
inline Stream population_stream(std::uint64_t seed, std::uint64_t replicate,
                                std::uint64_t generation) noexcept {
  return Stream(seed, Purpose::population, Where{replicate, generation});
}

/// Job invasion, replicate `replicate`: generation g >= 1 draws its mutant from generation g;
/// generation 0 draws the starting random rules.
inline Stream invasion_stream(std::uint64_t seed, std::uint64_t replicate,
                              std::uint64_t generation) noexcept {
  return Stream(seed, Purpose::mutation, Where{replicate, generation});
}

/// The match between one pair of individuals (`pair` = a * Z + b) in generation `generation` of
/// replicate `replicate` ([payoffs] source = matches).
inline Stream population_match_stream(std::uint64_t seed, std::uint64_t replicate,
                                      std::uint64_t generation, std::uint64_t pair) noexcept {
  return Stream(seed, Purpose::population_match, Where{replicate, generation, pair});
}

/// Job evolution on a graph ([structure]), replicate `replicate`: part 0 draws its random
/// graph, part 1 places the initial strategies on the nodes.
inline Stream graph_stream(std::uint64_t seed, std::uint64_t replicate,
                           std::uint64_t part) noexcept {
  return Stream(seed, Purpose::graph, Where{replicate, part});
}

/// Where in a run of the reputation game (issue 9) a stream is used. `block` numbers the
/// streams of one round: 0 for the schedule, execution errors and public assessment, 1 + w for
/// observer block w (observers 64w .. 64w + 63) under private assessment.
struct ReputationWhere {
  std::uint64_t replicate = 0;
  std::uint64_t generation = 0;  // 0 for a fixed population (job reputation); < 2^56
  std::uint64_t round = 0;
  std::uint64_t block = 0;
};

/// The reputation game's streams: (replicate, round, block) in the counter and the generation
/// in the key, so a fixed population's streams are Stream(seed, assessment, replicate, round,
/// block) and an evolving one's differ only by generation.
inline Stream reputation_stream(std::uint64_t seed, ReputationWhere w) noexcept {
  return Stream(seed, Purpose::assessment, Where{w.replicate, w.round, w.block, w.generation});
}

/// Which streams one run of the reputation game draws from: round t, block k of the run come
/// from Stream(seed, purpose, Where{index, t, k, key}) (reputation_run_stream). A replicate of
/// a fixed population (jobs reputation, evolution) is {seed, assessment, replicate, 0}, so its
/// streams are reputation_stream(seed, {replicate, 0, t, k}); composition_run names the others.
struct ReputationRun {
  std::uint64_t seed = 0;
  Purpose purpose = Purpose::assessment;
  std::uint64_t index = 0;  // counter word a: the replicate, or the pair of strategies
  std::uint64_t key = 0;    // key word d (< 2^56): the generation, or the number of mutants
};

inline Stream reputation_run_stream(const ReputationRun& run, std::uint64_t round,
                                    std::uint64_t block) noexcept {
  return Stream(run.seed, run.purpose, Where{run.index, round, block, run.key});
}

/// Round t of the reputation game `run` names, knowledge_probability < 1: one Bernoulli draw per
/// action, in action order, whether the donor knows the recipient's reputation. The run's own
/// purpose (assessment or reputation_payoffs) is counter word c, so the two kinds of run never
/// share a knowledge stream.
inline Stream knowledge_stream(const ReputationRun& run, std::uint64_t round) noexcept {
  return Stream(run.seed, Purpose::knowledge,
                Where{run.index, round, static_cast<std::uint64_t>(run.purpose), run.key});
}

/// Job analysis with [payoffs] source = reputation: the game among Z - `mutants` individuals of
/// strategy i and `mutants` of strategy j, `pair` = i * S + j (i < j; i = j and mutants = 0 for
/// a monomorphic population of i). Its round t, block k draw from
/// Stream(seed, reputation_payoffs, Where{pair, t, k, mutants}).
inline ReputationRun composition_run(std::uint64_t seed, std::uint64_t pair,
                                     std::uint64_t mutants) noexcept {
  return ReputationRun{seed, Purpose::reputation_payoffs, pair, mutants};
}

/// Job multilevel, run `run`: every birth, split and death from a single cooperator until one
/// strategy is left (engine/dynamics/multilevel_moran.cpp).
inline Stream multilevel_stream(std::uint64_t seed, std::uint64_t run) noexcept {
  return Stream(seed, Purpose::group_fixation, Where{run});
}

/// Job upstream (Nowak & Roch 2007): chain `chain` of the Monte-Carlo check of population
/// `population` (engine/games/upstream_reciprocity.hpp): its first donor and recipient, and every
/// choice to return, pass on or stop.
inline Stream upstream_stream(std::uint64_t seed, std::uint64_t population,
                              std::uint64_t chain) noexcept {
  return Stream(seed, Purpose::upstream, Where{population, chain});
}

/// Job evolution with [payoffs] source = reputation and evolving group norms (Murase & Hilbe
/// 2024; engine/reputation/group_norms.hpp): generation g of replicate r, every group-level
/// norm imitation and mutation of that generation.
inline Stream group_norm_stream(std::uint64_t seed, std::uint64_t replicate,
                                std::uint64_t generation) noexcept {
  return Stream(seed, Purpose::group_norms, Where{replicate, generation});
}

/// Job evolution with [payoffs] source = reputation and [groups] migration_rate: generation g
/// of replicate r, every move of an individual to another group in that generation.
inline Stream migration_stream(std::uint64_t seed, std::uint64_t replicate,
                               std::uint64_t generation) noexcept {
  return Stream(seed, Purpose::migration, Where{replicate, generation});
}

/// kindest sweep: the [run] seed of replicate `replicate` of grid point `point`, from the sweep's
/// base seed: the first draw of Stream(seed, sweep, Where{point, replicate}), cut to 53 bits so
/// that it is a valid [run] seed (at most 2^53) and reads back exactly as a double.
inline std::uint64_t sweep_seed(std::uint64_t seed, std::uint64_t point,
                                std::uint64_t replicate) noexcept {
  return Stream(seed, Purpose::sweep, Where{point, replicate}).bits() >> 11;
}

}  // namespace kindest
