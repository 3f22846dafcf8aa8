#include "engine/reputation/strategy.hpp"

#include <charconv>
#include <stdexcept>

#include "engine/core/suggest.hpp"

namespace kindest::reputation {

namespace {

std::string upper(std::string_view s) {
  std::string u(s);
  for (auto& ch : u)
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  return u;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool parse_int(std::string_view s, int& value) {
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  return !s.empty() && ec == std::errc{} && end == s.data() + s.size();
}

// "Name(ARGS)" -> ARGS when the name matches (case-insensitive).
std::optional<std::string_view> arguments(std::string_view spec, std::string_view family) {
  if (spec.size() < family.size() + 2 || spec.back() != ')') return std::nullopt;
  if (upper(spec.substr(0, family.size())) != upper(family) || spec[family.size()] != '(')
    return std::nullopt;
  return trim(spec.substr(family.size() + 1, spec.size() - family.size() - 2));
}

const std::vector<std::string>& known_specs() {
  static const std::vector<std::string> names{
      "ALLC", "ALLD",      "DISC",         "L1",       "L2",
      "L3",   "L4",        "L5",           "L6",       "L7",
      "L8",   "Action(R)", "Pair(NORM/R)", "Score(K)", "Group(IN, OUT)"};
  return names;
}

}  // namespace

ActionRule parse_action_rule(std::string_view text) {
  text = trim(text);
  const auto u = upper(text);
  if (u == "ALLC") return {always_cooperate_rule};
  if (u == "ALLD") return {always_defect_rule};
  if (u == "DISC") return {discriminate_rule};
  int code = 0;
  if (!parse_int(text, code) || code < 0 || code > 15)
    throw std::invalid_argument("action rule '" + std::string(text) +
                                "' is not ALLC, ALLD, DISC or an integer code in [0, 15]");
  return {static_cast<std::uint8_t>(code)};
}

namespace {

// Every spec but Group(IN, OUT): one strategy toward everyone.
Strategy parse_plain(std::string_view spec);
Strategy parse_single(std::string_view spec);

// "IN, OUT" split at its one top-level comma; nullopt unless there is exactly one.
std::optional<std::pair<std::string_view, std::string_view>> split_pair(std::string_view args) {
  int depth = 0;
  std::optional<std::size_t> comma;
  for (std::size_t k = 0; k < args.size(); ++k) {
    depth += args[k] == '(' ? 1 : args[k] == ')' ? -1 : 0;
    if (args[k] != ',' || depth != 0) continue;
    if (comma) return std::nullopt;
    comma = k;
  }
  if (!comma) return std::nullopt;
  return std::pair{trim(args.substr(0, *comma)), trim(args.substr(*comma + 1))};
}

}  // namespace

Strategy parse_strategy(std::string_view spec) {
  spec = trim(spec);
  const auto args = arguments(spec, "Group");
  if (!args) return parse_plain(spec);
  const auto sides = split_pair(*args);
  if (!sides)
    throw std::invalid_argument("strategy '" + std::string(spec) +
                                "': write Group(IN, OUT), e.g. Group(DISC, ALLD)");
  Strategy in, out;
  try {
    in = parse_plain(sides->first);
    out = parse_plain(sides->second);
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument("strategy '" + std::string(spec) + "': " + e.what());
  }
  if (in.threshold || out.threshold)
    throw std::invalid_argument("strategy '" + std::string(spec) +
                                "': Group(IN, OUT) takes norm-based strategies, not Score(K)");
  Strategy s = in;
  s.name = "Group(" + in.name + ", " + out.name + ")";
  s.out_action = out.action;
  s.out_norm = out.norm;
  s.grouped = true;
  s.scores_ok = false;
  return s;
}

namespace {

Strategy parse_plain(std::string_view spec) {
  spec = trim(spec);
  if (arguments(spec, "Group"))
    throw std::invalid_argument("Group(IN, OUT) cannot be nested in '" + std::string(spec) + "'");
  Strategy s = parse_single(spec);
  s.out_action = s.action;
  s.out_norm = s.norm;
  return s;
}

Strategy parse_single(std::string_view spec) {
  spec = trim(spec);
  const auto u = upper(spec);
  Strategy s;
  if (u == "ALLC" || u == "ALLD" || u == "DISC") {
    s.name = u;
    s.action = parse_action_rule(u);
    s.scores_ok = u != "DISC";
    return s;
  }
  if (u.size() == 2 && u[0] == 'L' && u[1] >= '1' && u[1] <= '8') {
    const auto& row = find_norm(u);
    s.name = u;
    s.norm = Norm::third_order(row.third_order_code);
    s.action = {static_cast<std::uint8_t>(row.action_rule)};
    return s;
  }
  if (const auto args = arguments(spec, "Action")) {
    s.action = parse_action_rule(*args);
    s.name = "Action(" + std::to_string(s.action.code) + ")";
    return s;
  }
  if (const auto args = arguments(spec, "Pair")) {
    const auto slash = args->rfind('/');
    if (slash == std::string_view::npos)
      throw std::invalid_argument("strategy '" + std::string(spec) +
                                  "': write Pair(NORM/R), e.g. Pair(SternJudging/DISC)");
    try {
      s.norm = parse_norm(trim(args->substr(0, slash)));
      s.action = parse_action_rule(args->substr(slash + 1));
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument("strategy '" + std::string(spec) + "': " + e.what());
    }
    s.name = std::string(spec);
    return s;
  }
  if (const auto args = arguments(spec, "Score")) {
    int k = 0;
    if (!parse_int(*args, k) || k < min_score || k > max_score + 1)
      throw std::invalid_argument("strategy '" + std::string(spec) +
                                  "': the image-score threshold K must be an integer in [-5, 6]");
    s.name = "Score(" + std::to_string(k) + ")";
    s.threshold = k;
    s.scores_ok = true;
    s.norms_ok = false;
    return s;
  }
  throw std::invalid_argument("unknown reputation strategy '" + std::string(spec) + "'" +
                              did_you_mean(spec, known_specs()) +
                              "; known: ALLC, ALLD, DISC, L1..L8, Action(R), Pair(NORM/R), "
                              "Score(K), Group(IN, OUT)");
}

}  // namespace

}  // namespace kindest::reputation
