#include "engine/reputation/groups.hpp"

#include <stdexcept>

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

std::uint32_t Groups::draw_recipient(std::uint32_t donor, double in_group,
                                     Stream& rng) const noexcept {
  const std::uint32_t g = tag_[donor], size = sizes_[g];
  if (rng.bernoulli(in_group)) {
    auto k = static_cast<std::uint32_t>(rng.below(size - 1));
    if (k >= place_[donor]) ++k;
    return members_[offset_[g] + k];
  }
  const auto k = static_cast<std::uint32_t>(rng.below(individuals() - size));
  return members_[k < offset_[g] ? k : k + size];
}

void draw_group_pairs(const Groups& groups, double in_group, Stream& rng,
                      std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs) {
  pairs.clear();
  const std::uint32_t n = groups.individuals();
  for (std::uint32_t k = 0; k < n; ++k) {
    const auto donor = static_cast<std::uint32_t>(rng.below(n));
    pairs.emplace_back(donor, groups.draw_recipient(donor, in_group, rng));
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
