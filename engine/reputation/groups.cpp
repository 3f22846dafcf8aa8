#include "engine/reputation/groups.hpp"

#include <algorithm>
#include <stdexcept>

#include "engine/reputation/bit_draws.hpp"

namespace kindest::reputation {

Groups::Groups(std::uint32_t n) : tag_(n, 0), place_(n), sizes_{n}, offset_{0, n}, members_(n) {
  for (std::uint32_t i = 0; i < n; ++i) place_[i] = members_[i] = i;
}

Groups Groups::from_sizes(const std::vector<std::uint32_t>& sizes) {
  if (sizes.empty()) throw std::invalid_argument("groups: no groups");
  std::uint64_t n = 0;
  for (std::size_t g = 0; g < sizes.size(); ++g) {
    if (sizes[g] == 0 && !(sizes.size() == 1))
      throw std::invalid_argument("groups: group " + std::to_string(g) + " is empty");
    n += sizes[g];
  }
  Groups out;
  out.sizes_ = sizes;
  out.tag_.resize(n);
  out.place_.resize(n);
  // Deal: the next group in the cycle that still has room.
  std::vector<std::uint32_t> filled(sizes.size(), 0);
  std::uint32_t g = 0;
  const auto m = static_cast<std::uint32_t>(sizes.size());
  for (std::uint64_t i = 0; i < n; ++i) {
    while (filled[g] == sizes[g]) g = (g + 1) % m;
    out.tag_[i] = g;
    out.place_[i] = filled[g]++;
    g = (g + 1) % m;
  }
  out.offset_.assign(m + 1, 0);
  for (std::uint32_t k = 0; k < m; ++k) out.offset_[k + 1] = out.offset_[k] + sizes[k];
  out.members_.resize(n);
  for (std::uint32_t i = 0; i < n; ++i) out.members_[out.offset_[out.tag_[i]] + out.place_[i]] = i;
  return out;
}

Groups Groups::from_tags(const std::vector<std::uint32_t>& tags, std::uint32_t count) {
  if (count == 0) throw std::invalid_argument("groups: no groups");
  std::vector<std::uint32_t> sizes(count, 0);
  for (const std::uint32_t t : tags) {
    if (t >= count)
      throw std::invalid_argument("groups: tag " + std::to_string(t) + " of " +
                                  std::to_string(count) + " groups; allowed 0 .. " +
                                  std::to_string(count - 1));
    ++sizes[t];
  }
  for (std::uint32_t g = 0; g < count; ++g)
    if (sizes[g] == 0 && count > 1)
      throw std::invalid_argument("groups: group " + std::to_string(g) + " is empty");
  Groups out;
  const auto n = static_cast<std::uint32_t>(tags.size());
  out.sizes_ = std::move(sizes);
  out.tag_ = tags;
  out.place_.resize(n);
  out.offset_.assign(count + 1, 0);
  for (std::uint32_t k = 0; k < count; ++k) out.offset_[k + 1] = out.offset_[k] + out.sizes_[k];
  out.members_.resize(n);
  std::vector<std::uint32_t> filled(count, 0);
  for (std::uint32_t i = 0; i < n; ++i) {
    out.place_[i] = filled[tags[i]]++;
    out.members_[out.offset_[tags[i]] + out.place_[i]] = i;
  }
  return out;
}

Groups Groups::equal(std::uint32_t n, std::uint32_t count) {
  if (count < 1 || count > n)
    throw std::invalid_argument("groups: " + std::to_string(count) + " groups of " +
                                std::to_string(n) + " individuals; allowed 1 .. " +
                                std::to_string(n));
  std::vector<std::uint32_t> sizes(count, n / count);
  for (std::uint32_t g = 0; g < n % count; ++g) ++sizes[g];
  return from_sizes(sizes);
}

std::uint32_t Groups::recipient(std::uint32_t donor, bool in_group,
                                std::uint32_t k) const noexcept {
  // Without branches (the side is random: a branch on it would mispredict often).
  const std::uint32_t g = tag_[donor];
  const std::uint32_t in = offset_[g] + k + (k >= place_[donor]);
  const std::uint32_t out = k + (k >= offset_[g]) * sizes_[g];
  return members_[out ^ ((in ^ out) & (0u - static_cast<std::uint32_t>(in_group)))];
}

std::uint32_t Groups::recipient_choices(std::uint32_t donor, bool in_group) const noexcept {
  const std::uint32_t size = sizes_[tag_[donor]], in = size - 1, out = individuals() - size;
  return out ^ ((in ^ out) & (0u - static_cast<std::uint32_t>(in_group)));
}

void draw_group_pairs(const Groups& groups, double in_group, Stream& rng,
                      std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs) {
  const std::uint32_t n = groups.individuals();
  pairs.resize(n);
  PackedDraws packed(rng);
  std::uint32_t digit[64];
  // 1. The donors, packed.
  for (std::uint32_t t = 0; t < n;) {
    const unsigned k =
        packed.group([n](unsigned) { return n; }, std::min<std::uint32_t>(n - t, 64), digit);
    for (unsigned s = 0; s < k; ++s) pairs[t + s].first = digit[s];
    t += k;
  }
  // 2. In- or out-group, 64 actions per Bernoulli word (none for p = 0 or 1); 3. the members,
  // packed, each below its number of candidates (known now: the donor's group and the side).
  const BernoulliWord side(in_group);
  std::vector<std::uint64_t> in((n + 63) / 64);
  for (auto& w : in) w = side(rng);
  std::vector<std::uint32_t> bound(n);
  for (std::uint32_t t = 0; t < n; ++t)
    bound[t] = groups.recipient_choices(pairs[t].first, (in[t / 64] >> (t % 64)) & 1u);
  // Groups of a fixed length, as many bounds of N as fit a word (every bound is below N, so
  // they fit): PackedDraws' loops then run the same length each time (a length following the
  // random bounds would mispredict a branch per word).
  unsigned fit = 1;
  for (std::uint64_t product = n; fit < 64 && product <= ~std::uint64_t{0} / n; product *= n) ++fit;
  for (std::uint32_t t = 0; t < n;) {
    const std::uint32_t* const b = bound.data() + t;
    const unsigned k =
        packed.group([b](unsigned s) { return b[s]; }, std::min<std::uint32_t>(n - t, fit), digit);
    for (unsigned s = 0; s < k; ++s, ++t)
      pairs[t].second = groups.recipient(pairs[t].first, (in[t / 64] >> (t % 64)) & 1u, digit[s]);
  }
}

bool migrate(std::vector<std::uint32_t>& tags, std::uint32_t count, double rate,
             std::uint32_t min_size, Stream& rng) {
  if (count < 2 || !(rate > 0)) return false;
  std::vector<std::uint32_t> sizes(count, 0);
  for (const std::uint32_t t : tags) ++sizes[t];
  bool moved = false;
  for (auto& tag : tags) {
    if (!rng.bernoulli(rate)) continue;
    auto to = static_cast<std::uint32_t>(rng.below(count - 1));
    if (to >= tag) ++to;
    if (sizes[tag] <= min_size) continue;
    --sizes[tag];
    ++sizes[to];
    tag = to;
    moved = true;
  }
  return moved;
}

std::optional<std::string> in_group_problem(const Groups& groups, double p, bool random_pairs) {
  if (!(p >= 0.0 && p <= 1.0)) return "in_group_probability must lie in [0, 1]";
  if (groups.count() < 2)
    return "in_group_probability needs at least 2 groups (one group is the well-mixed "
           "population)";
  if (!random_pairs)
    return "in_group_probability needs interaction = random_pairs (sweeps and all_pairs fix "
           "who meets whom)";
  if (p > 0.0)
    for (std::uint32_t g = 0; g < groups.count(); ++g)
      if (groups.size_of(g) < 2)
        return "in_group_probability > 0 needs every group to have at least 2 members (group " +
               std::to_string(g) + " has " + std::to_string(groups.size_of(g)) + ")";
  return std::nullopt;
}

}  // namespace kindest::reputation
