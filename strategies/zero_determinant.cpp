#include "strategies/zero_determinant.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>

#include "engine/core/errors.hpp"
#include "strategies/family_args.hpp"

namespace kindest::strategies {
namespace {

// Rounding in phi = 1/17 and the like leaves e.g. p2 = 1e-17 where the exact value is 0; an
// exact 0 or 1 keeps the rule from drawing where it is deterministic.
constexpr double kSnap = 1e-12;

double snap(double p) {
  if (std::abs(p) < kSnap) return 0.0;
  if (std::abs(p - 1.0) < kSnap) return 1.0;
  return p;
}

std::string describe(double chi, const ZdGame& g) {
  std::ostringstream s;
  s << "chi = " << chi << " and (R,S,T,P) = (" << g.R << "," << g.S << "," << g.T << "," << g.P
    << ")";
  return s.str();
}

// Why (chi, phi, game) gives no valid rule, or "" when it does.
std::string zd_problem(double chi, double phi, const ZdGame& g) {
  if (!(g.T > g.R && g.R > g.P && g.P > g.S))
    return "the game needs T > R > P > S, got " + describe(chi, g);
  if (!(chi >= 1.0)) return "chi must be >= 1 (an extortion factor), got " + describe(chi, g);
  const double bound = ZeroDeterminant::max_phi(chi, g);
  if (phi > 0.0 && phi <= bound * (1 + kSnap)) return "";
  std::ostringstream s;
  s << "phi = " << phi << " is outside (0, " << bound << "] for " << describe(chi, g);
  return s.str();
}

MemoryOneVector zd_vector(double chi, double phi, const ZdGame& g) {
  if (const auto problem = zd_problem(chi, phi, g); !problem.empty())
    throw StrategyError("ZeroDeterminant: " + problem);
  const double gap = g.P - g.S;
  auto probability = [](double p) { return snap(std::clamp(p, 0.0, 1.0)); };
  return MemoryOneVector{{probability(1 - phi * (chi - 1) * (g.R - g.P) / gap),
                          probability(1 - phi * (1 + chi * (g.T - g.P) / gap)),
                          probability(phi * (chi + (g.T - g.P) / gap)), 0.0},
                         1.0};
}

}  // namespace

double ZeroDeterminant::max_phi(double chi, const ZdGame& g) {
  const double gap = g.P - g.S;
  // From p2 >= 0 and p3 <= 1; p1 >= 0 limits phi only when chi > 1 (chi = 1 gives p1 = 1).
  double bound = std::min(gap / (gap + chi * (g.T - g.P)), gap / (chi * gap + (g.T - g.P)));
  if (chi > 1.0) bound = std::min(bound, gap / ((chi - 1) * (g.R - g.P)));
  return bound;
}

ZeroDeterminant::ZeroDeterminant(double chi, double phi, const ZdGame& game)
    : StrategyOf(zd_vector(chi, phi, game)) {}

std::unique_ptr<Strategy> ZeroDeterminant::parse(std::string_view args) {
  const FamilyArgs parser(info.id, args, syntax);
  const auto fields = parser.fields(args);
  if (fields.size() != 2 && fields.size() != 6)
    parser.fail("expected 2 numbers (chi, phi) or 6 (chi, phi, R, S, T, P), got " +
                std::to_string(fields.size()));
  ZdGame game;
  if (fields.size() == 6)
    game = {parser.number(fields[2], "R"), parser.number(fields[3], "S"),
            parser.number(fields[4], "T"), parser.number(fields[5], "P")};
  const double chi = parser.number(fields[0], "chi");
  const double phi = parser.number(fields[1], "phi");
  if (const auto problem = zd_problem(chi, phi, game); !problem.empty()) parser.fail(problem);
  return std::make_unique<ZeroDeterminant>(chi, phi, game);
}

}  // namespace kindest::strategies
