#include "engine/cli/listing.hpp"

#include <iomanip>
#include <sstream>

#include "engine/core/errors.hpp"
#include "engine/reputation/norm.hpp"
#include "strategies/groups.hpp"
#include "strategies/registry.hpp"

namespace kindest::cli {
namespace {
std::string memory(int depth) { return depth < 0 ? "inf" : std::to_string(depth); }

// What of the match's announcement a strategy reads: "length", "game", both, or "-".
std::string uses(const StrategyInfo& s) {
  if (s.uses_length && s.uses_game) return "length,game";
  if (s.uses_length) return "length";
  if (s.uses_game) return "game";
  return "-";
}

const strategies::StrategyGroup* find_group(const std::string& name) {
  for (const auto& g : strategies::strategy_groups())
    if (strategies::normalized_name(g.name) == strategies::normalized_name(name)) return &g;
  return nullptr;
}

bool passes(const StrategyInfo& s, const StrategyFilter& f) {
  if (f.max_memory && (s.memory_depth < 0 || s.memory_depth > *f.max_memory)) return false;
  if (f.stochastic && s.stochastic != *f.stochastic) return false;
  if (!f.group.empty() && !find_group(f.group)->contains(s)) return false;
  return true;
}

std::string group_names() {
  std::string out;
  for (const auto& g : strategies::strategy_groups())
    out += (out.empty() ? "" : ", ") + std::string(g.name);
  return out;
}

}  // namespace

std::string strategies_listing(const std::vector<std::string>& args) {
  const std::string usage =
      "usage: kindest strategies [--markdown] [--memory N] [--deterministic | --stochastic] "
      "[--group NAME]";
  StrategyFilter filter;
  bool markdown = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> const std::string& {
      if (i + 1 >= args.size())
        throw ConfigError("kindest strategies: " + a + " needs a value; " + usage);
      return args[++i];
    };
    if (a == "--markdown") {
      markdown = true;
    } else if (a == "--deterministic" || a == "--stochastic") {
      const bool stochastic = a == "--stochastic";
      if (filter.stochastic && *filter.stochastic != stochastic)
        throw ConfigError(
            "kindest strategies: --deterministic and --stochastic exclude each other");
      filter.stochastic = stochastic;
    } else if (a == "--memory") {
      const std::string& v = value();
      std::size_t used = 0;
      int n = -1;
      try {
        n = std::stoi(v, &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (used != v.size() || n < 0)
        throw ConfigError("kindest strategies: --memory " + v +
                          " is not a whole number >= 0 (turns of history)");
      filter.max_memory = n;
    } else if (a == "--group") {
      filter.group = value();
      if (filter.group.starts_with('@')) filter.group.erase(0, 1);
      if (!find_group(filter.group))
        throw ConfigError("kindest strategies: --group " + filter.group +
                          " is not a group; groups: " + group_names());
    } else {
      throw ConfigError("kindest strategies: unknown argument '" + a + "'; " + usage);
    }
  }
  if (markdown && (filter.max_memory || filter.stochastic || !filter.group.empty()))
    throw ConfigError(
        "kindest strategies: --markdown lists everything (it is docs/STRATEGIES.md); "
        "drop the filters");
  return markdown ? strategies_markdown() : strategies_table(filter);
}

std::string strategies_table(const StrategyFilter& filter) {
  const auto& r = strategies::registry();
  const bool filtered = filter.max_memory || filter.stochastic || !filter.group.empty();
  std::ostringstream out;
  out << std::left << std::setw(28) << "id" << std::setw(7) << "memory" << std::setw(6) << "stoch"
      << std::setw(12) << "uses"
      << "summary [source]; aliases\n";
  std::size_t shown = 0;
  for (const auto& s : r.named()) {
    if (!passes(s.info, filter)) continue;
    ++shown;
    out << std::setw(28) << s.info.id << std::setw(7) << memory(s.info.memory_depth) << std::setw(6)
        << (s.info.stochastic ? "yes" : "no") << std::setw(12) << uses(s.info) << s.info.summary
        << " [" << s.info.cite << "]";
    if (!s.info.aliases.empty()) out << "; aliases: " << s.info.aliases;
    out << "\n";
  }
  if (filtered) {
    out << "\n" << shown << " of " << r.named().size() << " strategies.\n";
    return out.str();
  }
  out << "\nFamilies (use with arguments in player lists, e.g. \"Cycler(CCD)\"):\n";
  for (const auto& f : r.families())
    out << "  " << f.syntax << "\n      " << f.info.summary << " [" << f.info.cite << "]\n";
  out << "\nGroups (use as @NAME in player lists, e.g. --players @first_tournament,Defector):\n";
  for (const auto& g : strategies::strategy_groups()) {
    std::size_t n = 0;
    for (const auto& s : r.named()) n += g.contains(s.info);
    out << "  @" << std::setw(20) << g.name << g.summary << " (" << n << ")\n";
  }
  out << "\n"
      << r.named().size() << " strategies, " << r.families().size()
      << " families. Sources: docs/bibliography.md\n";
  return out.str();
}

std::string strategies_markdown() {
  const auto& r = strategies::registry();
  std::ostringstream out;
  out << "# Strategies\n\nGenerated by `kindest strategies --markdown` from "
         "`strategies/registry.cpp`; do not edit by hand. Sources are keys into "
         "[bibliography.md](bibliography.md). Memory: turns of history used (inf = "
         "unbounded). Uses: what the match announces that the strategy reads, its length "
         "(e.g. to defect at the end) or its game's payoffs (e.g. to keep score).\n\n"
         "| id | aliases | memory | stochastic | uses | summary | source |\n"
         "|---|---|---|---|---|---|---|\n";
  for (const auto& s : r.named())
    out << "| `" << s.info.id << "` | " << s.info.aliases << " | " << memory(s.info.memory_depth)
        << " | " << (s.info.stochastic ? "yes" : "no") << " | " << uses(s.info) << " | "
        << s.info.summary << " | " << s.info.cite << " |\n";
  out << "\n## Families\n\nParameterised rules, written with arguments in player lists: these are "
         "how to define a strategy without writing code.\n\n| syntax | summary | source |\n"
         "|---|---|---|\n";
  for (const auto& f : r.families())
    out << "| `" << f.syntax << "` | " << f.info.summary << " | " << f.info.cite << " |\n";
  out << "\n## Groups\n\nWrite `@NAME` in any player list (`--players @second_tournament`, "
         "`[tournament] players = @memory_one, Defector`) for every named strategy of the group, "
         "in the order above. `kindest strategies --memory N --deterministic --stochastic "
         "--group NAME` filters the listing the same way.\n\n| group | members | count |\n"
         "|---|---|---|\n";
  for (const auto& g : strategies::strategy_groups()) {
    std::size_t n = 0;
    for (const auto& s : r.named()) n += g.contains(s.info);
    out << "| `@" << g.name << "` | " << g.summary << " | " << n << " |\n";
  }
  return out.str();
}

std::string norms_table() {
  std::ostringstream out;
  out << "Social norms of indirect reciprocity (the assessment a donor's action earns).\n"
         "Entries in order (donor, recipient, action) = BBD BBC BGD BGC GBD GBC GGD GGC;\n"
         "second-order norms ignore the donor. Any norm by code: second:<0..15>, third:<0..255>,\n"
         "stochastic:p0,...,p7 (probabilities of G per entry).\n\n";
  out << std::left << std::setw(16) << "name" << std::setw(12) << "aliases" << std::setw(7)
      << "order" << std::setw(6) << "code" << std::setw(11) << "verdicts" << std::setw(8)
      << "action"
      << "summary [source]\n";
  for (const auto& n : reputation::norm_catalogue()) {
    out << std::setw(16) << n.name << std::setw(12) << n.aliases << std::setw(7) << n.order
        << std::setw(6) << static_cast<int>(n.code) << std::setw(11)
        << reputation::norm_table(reputation::Norm::third_order(n.third_order_code)) << std::setw(8)
        << (n.action_rule < 0 ? std::string("-") : std::to_string(n.action_rule)) << n.summary
        << " [" << n.source << "]\n";
  }
  out << "\naction: the leading eight's own action rule by code, entry 2 * own + recipient "
         "(GG = 3); '-' = discriminate (help iff the recipient is good).\n";
  return out.str();
}

}  // namespace kindest::cli
