#pragma once
// The points of a sweep: dimensions, each one or more config keys that vary together, and their
// Cartesian product. A dimension comes from `--vary key=v1,v2,...` or
// `--vary key=start:stop:count[:log]`, from `--zip a,b` (the --vary dimensions of a and b become
// one, stepping together), or from a CSV file of explicit points (a header of keys, one row per
// point). Every spec is checked before anything runs, each value by the schema's own validation,
// so a bad sweep fails with one message naming the spec, the key, the value and what is allowed.
#include <cstddef>
#include <string>
#include <vector>

namespace kindest::sweep {

struct Dimension {
  std::vector<std::string> keys;                 // "game.benefit"; several for a zipped one
  std::vector<std::vector<std::string>> values;  // values[i][k]: setting i of keys[k]
  std::string source;                            // where it came from, for messages
};

/// The points in order: the last dimension varies fastest, as in nested loops over the specs.
class Grid {
 public:
  Grid() = default;
  explicit Grid(std::vector<Dimension> dimensions) : dimensions_(std::move(dimensions)) {}
  const std::vector<Dimension>& dimensions() const noexcept { return dimensions_; }
  /// Every varied key, in dimension order.
  std::vector<std::string> keys() const;
  /// Number of points (1 for a grid without dimensions: the base config alone).
  std::size_t size() const;
  /// The value of each key (as keys() orders them) at `point`.
  std::vector<std::string> values(std::size_t point) const;
  /// The overrides "key=value" of `point`.
  std::vector<std::string> overrides(std::size_t point) const;
  /// The specs as text, one per line, in a canonical form: what resume compares.
  std::string text() const;

 private:
  std::vector<Dimension> dimensions_;
};

/// One --vary spec: "key=v1,v2,..." or "key=start:stop:count[:log]" (count >= 1 values from
/// start to stop inclusive, evenly spaced, or geometrically with log). Values are not yet
/// checked against the key's range (make_grid does). Throws ConfigError.
Dimension parse_vary(const std::string& spec);

/// A CSV file of points: a header line of keys, then one line per point. Throws ConfigError.
Dimension read_points_csv(const std::string& path);

/// The grid of `vary` specs with the dimensions named by each `zip` entry ("a,b") merged into
/// one, then the CSV points (`points_csv`, may be empty) as the last dimension. Checks every
/// key (unknown: did you mean), that no key varies twice, that [run] seed and output do not vary
/// (a sweep derives each point's seed and writes one file), and every value by the schema's
/// validation. Throws ConfigError naming the spec.
Grid make_grid(const std::vector<std::string>& vary, const std::vector<std::string>& zip,
               const std::string& points_csv);

}  // namespace kindest::sweep
