#pragma once
// Group structure of the reputation game: M groups, each individual carrying its group tag,
// and who a donor meets when groups matter.
//
// Tags. Individuals are dealt to the groups in turn, like cards: individual i goes to the next
// group in the cycle 0, 1, .., M - 1, 0, .. that still has room. With equal sizes that is
// group i mod M. Because the jobs number individuals strategy by strategy, dealing (rather than
// cutting the population into blocks) gives every group about the population's strategy mix;
// a block cut would put each strategy into groups of its own.
//
// Recipients. Well-mixed (no in_group_probability) the group plays no part in who meets whom:
// the schedule is exactly the one of a population without groups. With in_group_probability p
// (interaction random_pairs) each of the round's N actions draws a uniformly random donor,
// then with probability p a uniformly random other member of the donor's group, else a
// uniformly random member of another group (Nakamura & Masuda 2012's theta).
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/random/streams.hpp"

namespace kindest::reputation {

class Groups {
 public:
  /// One group of everyone (the well-mixed population).
  explicit Groups(std::uint32_t n = 0);
  /// Groups of these sizes (each >= 1), individuals dealt in turn (above). Throws
  /// std::invalid_argument for no groups or an empty group.
  static Groups from_sizes(const std::vector<std::uint32_t>& sizes);
  /// `count` groups of N individuals, sizes differing by at most one (the first N mod count
  /// groups one larger). Throws std::invalid_argument unless 1 <= count <= n.
  static Groups equal(std::uint32_t n, std::uint32_t count);
  /// Individual i in group tags[i] of `count` groups (after migration: any layout). Throws
  /// std::invalid_argument for a tag >= count or an empty group.
  static Groups from_tags(const std::vector<std::uint32_t>& tags, std::uint32_t count);

  std::uint32_t count() const noexcept { return static_cast<std::uint32_t>(sizes_.size()); }
  std::uint32_t individuals() const noexcept { return static_cast<std::uint32_t>(tag_.size()); }
  std::uint32_t group_of(std::uint32_t individual) const noexcept { return tag_[individual]; }
  std::uint32_t size_of(std::uint32_t group) const noexcept { return sizes_[group]; }
  const std::vector<std::uint32_t>& tags() const noexcept { return tag_; }
  const std::vector<std::uint32_t>& sizes() const noexcept { return sizes_; }
  bool same(std::uint32_t i, std::uint32_t j) const noexcept { return tag_[i] == tag_[j]; }
  /// The k-th member (ascending) of `group`.
  std::uint32_t member(std::uint32_t group, std::uint32_t k) const noexcept {
    return members_[offset_[group] + k];
  }

  /// The k-th candidate recipient of `donor` (k < recipient_choices): in-group, the k-th other
  /// member of its group; out-group, the k-th member of the other groups (by group, then
  /// ascending).
  std::uint32_t recipient(std::uint32_t donor, bool in_group, std::uint32_t k) const noexcept;
  std::uint32_t recipient_choices(std::uint32_t donor, bool in_group) const noexcept;

 private:
  std::vector<std::uint32_t> tag_;      // by individual
  std::vector<std::uint32_t> place_;    // by individual: its index among its group's members
  std::vector<std::uint32_t> sizes_;    // by group
  std::vector<std::uint32_t> offset_;   // by group: first index into members_
  std::vector<std::uint32_t> members_;  // individuals sorted by group, ascending within
};

/// The N (donor, recipient) pairs of one random_pairs round with in_group_probability p: each
/// action a uniform donor, then with probability p a uniform other member of its group, else a
/// uniform member of another group. Drawn in three passes over the round: the N donors
/// (PackedDraws, bound N), the N sides (BernoulliWord(p), 64 actions per word from the first,
/// bit t % 64 of word t / 64 set for in-group; no draw for p = 0 or 1), then the N members
/// (PackedDraws, each below its donor's number of candidates on its side, Groups::recipient;
/// groups of as many digits as bounds of N would fit in a word, whatever the actual bounds).
/// About 0.45 words per action at N = 1000 instead of three (a donor, a side and a member of
/// 64 bits each, before 2026-12-02).
void draw_group_pairs(const Groups& groups, double in_group, Stream& rng,
                      std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs);

/// Migration: each individual in turn (0 .. N - 1) moves with probability `rate` to a group
/// drawn uniformly among the other count - 1, keeping its strategy; a move that would leave its
/// group with fewer than `min_size` members is not made (its draws are still taken, so whether
/// individual i moves never shifts the draws of the others' decisions). Draws per individual
/// rng.bernoulli(rate) (none for rate 0 or 1), then for a mover rng.below(count - 1). Returns
/// whether anyone moved. Group sizes change; their sum stays N.
bool migrate(std::vector<std::uint32_t>& tags, std::uint32_t count, double rate,
             std::uint32_t min_size, Stream& rng);

/// Why these settings cannot be played, or nullopt: in_group_probability needs at least two
/// groups, every group of at least 2 when p > 0 (a donor needs another member), and
/// interaction = random_pairs (sweeps and all_pairs fix who meets whom).
std::optional<std::string> in_group_problem(const Groups& groups, double p, bool random_pairs);

}  // namespace kindest::reputation
