#pragma once
// Bad-input tables: what a call refuses, checked the same way everywhere -- one ConfigError
// whose message starts "config error: " and names every expected part (key, value, range).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "engine/core/errors.hpp"

namespace kindest::testing {

/// Runs `action`; the message of the ConfigError it throws, "" when it throws none.
template <class Action>
std::string config_error_of(Action&& action) {
  try {
    action();
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

/// Checks that `action` refuses with one config error naming each of `parts`.
template <class Action>
void check_config_error(Action&& action, const std::vector<std::string>& parts) {
  const std::string message = config_error_of(std::forward<Action>(action));
  INFO(message);
  CHECK(message.rfind("config error: ", 0) == 0);
  for (const auto& part : parts) CHECK_THAT(message, Catch::Matchers::Contains(part));
}

}  // namespace kindest::testing
