#include "engine/jobs/run_file.hpp"

#include <sstream>

#include "engine/core/errors.hpp"
#include "engine/record/hdf5_reader.hpp"

namespace kindest::jobs {
namespace {

// The config text without its [run] output line: a resumed run may name its file differently.
std::string without_output(const std::string& ini) {
  std::istringstream in(ini);
  std::string line, out;
  while (std::getline(in, line))
    if (line.rfind("output = ", 0) != 0 && line.rfind("# Resolved", 0) != 0) out += line + "\n";
  return out;
}

}  // namespace

std::unique_ptr<record::Hdf5Writer> open_run_file(const config::Config& c,
                                                  const OutputOptions& output,
                                                  const std::string& job) {
  if (!output.resume)
    return std::make_unique<record::Hdf5Writer>(
        output.path, output.overwrite,
        record::FileMetadata{job, c.unsigned_integer("run.seed"), c.to_ini()});
  const auto stored = record::describe_file(output.path).attributes;
  if (stored.count("job") == 0 || stored.at("job") != job)
    throw FileError("cannot resume '" + output.path + "': it holds no " + job + " run");
  if (without_output(stored.at("config")) != without_output(c.to_ini()))
    throw ConfigError("cannot resume '" + output.path +
                      "': its config differs from this one; resume with the config it was "
                      "written with (kindest info shows it)");
  if (stored.at("complete") == "1")
    throw FileError("'" + output.path + "' is complete; nothing to resume");
  return std::make_unique<record::Hdf5Writer>(output.path);
}

}  // namespace kindest::jobs
