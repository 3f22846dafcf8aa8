#pragma once
// Errors a user can cause and fix. The CLI prints what() once and exits non-zero; the text must
// name the offending key/value/file and what would be accepted.
#include <stdexcept>
#include <string>

namespace kindest {

/// A config file or override is malformed, names an unknown key, or holds a value out of range.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A model was given parameters outside its domain (a negative selection intensity, a matrix
/// with negative payoffs for the ecological map, frequencies that do not sum to 1). Models know
/// nothing of config keys or files: the error names the model, the parameter as the model calls
/// it and its value (kindest::number_text). Jobs validate the config before building a model,
/// or catch this and rethrow a ConfigError naming the [section] key, the allowed range and the
/// source (jobs::config_error). Reaching the CLI uncaught is a job's omission, still a user error.
class ModelError : public std::invalid_argument {
 public:
  /// what() = "<model>: <parameter> = <value> <requirement>" ("replicator: abs_tol = 0 must be
  /// > 0"); an empty `value` leaves out " = <value>".
  ModelError(std::string model, std::string parameter, std::string value, std::string requirement)
      : std::invalid_argument(model + ": " + parameter + (value.empty() ? "" : " = " + value) +
                              " " + requirement),
        model_(std::move(model)),
        parameter_(std::move(parameter)),
        value_(std::move(value)),
        requirement_(std::move(requirement)) {}

  const std::string& model() const noexcept { return model_; }
  const std::string& parameter() const noexcept { return parameter_; }
  const std::string& value() const noexcept { return value_; }
  const std::string& requirement() const noexcept { return requirement_; }

 private:
  std::string model_, parameter_, value_, requirement_;
};

/// A strategy name or spec that the registry does not know or cannot parse.
class StrategyError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// An output or input file that cannot be used (exists without --force, unwritable, wrong format).
class FileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace kindest
