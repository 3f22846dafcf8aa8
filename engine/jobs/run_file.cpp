#include "engine/jobs/run_file.hpp"

#include <filesystem>
#include <map>

#include "engine/config/load.hpp"
#include "engine/core/errors.hpp"
#include "engine/core/version.hpp"
#include "engine/record/hdf5_reader.hpp"
#include "engine/record/write_lock.hpp"

namespace kindest::jobs {
namespace {

// "0.1.3" -> "0.1": the part of a version that a resume must share.
std::string release_line(const std::string& version) {
  const auto first = version.find('.');
  if (first == std::string::npos) return version;
  return version.substr(0, version.find('.', first + 1));
}

}  // namespace

std::unique_ptr<record::Hdf5Writer> open_run_file(const config::Config& c,
                                                  const OutputOptions& output,
                                                  const std::string& job) {
  if (!output.resume)
    return std::make_unique<record::Hdf5Writer>(
        output.path, output.overwrite,
        record::FileMetadata{job, c.unsigned_integer("run.seed"), c.to_ini()});
  std::error_code ec;
  if (!std::filesystem::exists(output.path, ec) &&
      std::filesystem::exists(record::partial_path(output.path), ec))
    throw FileError("cannot resume '" + output.path + "': the run was stopped while it set up " +
                    "its file (only " + record::partial_path(output.path) +
                    " exists, which holds no record); start it again without --resume");
  // The reader refuses another format or major version; resume also needs this minor one:
  // an older file lacks what this version appends to (e.g. checkpoint stamps), a newer one
  // has series this version would not extend.
  // Without its root attributes (the config above all) nothing says what the run was: refuse.
  std::map<std::string, std::string> stored;
  try {
    stored = record::read_attributes(output.path);
  } catch (const FileError& e) {
    if (!std::filesystem::exists(output.path, ec)) throw;
    throw FileError("cannot resume '" + output.path + "': its config cannot be read (" + e.what() +
                    "), so nothing says which run to continue; start it again with --force");
  }
  const std::string version = "[" + std::to_string(record::kFormatMajor) + ", " +
                              std::to_string(record::kFormatMinor) + "]";
  if (stored.count("format_version") == 0 || stored.at("format_version") != version)
    throw FileError("cannot resume '" + output.path + "': it has format version " +
                    (stored.count("format_version") ? stored.at("format_version") : "none") +
                    ", this Kindest writes " + version +
                    "; finish it with the Kindest that wrote it (engine_version " +
                    (stored.count("engine_version") ? stored.at("engine_version") : "?") + ")");
  // The engine's code decides every bit after the checkpoint: a resume by another release
  // could draw or compute differently, and the file would hold two engines' results under one
  // engine_version. Releases that share major and minor version (0.1.x) compute alike.
  const std::string written_by = stored.count("engine_version") ? stored.at("engine_version") : "";
  if (release_line(written_by) != release_line(engine_version))
    throw FileError("cannot resume '" + output.path + "': it was written by Kindest " +
                    (written_by.empty() ? "(unknown version)" : written_by) + ", this is " +
                    engine_version +
                    "; another major or minor version may compute "
                    "differently, so finish it with the Kindest that wrote it or start it again");
  if (stored.count("job") == 0 || stored.at("job") != job)
    throw FileError("cannot resume '" + output.path + "': it holds no " + job + " run");
  // Key by key, by meaning (0.05 = 5e-2); a resumed run may write under another name.
  const auto stored_config = config::load_config_text(stored.at("config"), output.path, {});
  const auto diff = config::differences(c, stored_config, {"run.output"});
  if (!diff.empty())
    throw ConfigError("cannot resume '" + output.path + "': its config differs from this one (" +
                      config::describe(diff, "this config", "the file") +
                      "); resume with the config it was written with (kindest info shows it)");
  if (stored.at("complete") == "1")
    throw FileError("'" + output.path + "' is complete; nothing to resume");
  // A kill -9 can leave a metadata block torn (a chunk index half written): HDF5 finds out only
  // when it reads the block, and then a resume fails or, in a SWMR write, retries for hours
  // (the kill campaign's trial 33). So read every dataset once before trusting the file; under
  // the write lock, so that a run still writing it is refused (by the lock), not taken for torn.
  std::string unreadable;
  {
    const record::WriteLock lock(output.path);
    unreadable = record::first_unreadable_dataset(output.path);
  }
  if (!unreadable.empty())
    throw UntrustedRunFile(
        output.path + ": " + unreadable +
        " cannot be read (a block torn when a run was killed); its checkpoints cannot be "
        "trusted, so the run starts over from generation 0 (the result will "
        "be the same bits)");
  return std::make_unique<record::Hdf5Writer>(output.path);
}

}  // namespace kindest::jobs
