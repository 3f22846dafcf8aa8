// A file a kill -9 left with a torn metadata block (the kill campaign's trial 33: a chunk index
// half written), built on purpose by flipping a byte inside one index block of an interrupted
// run's file, so that its checksum fails as a torn write's does. Resume must find the damage
// before it trusts the file, say so in one line and start the run over, ending with the bits of
// the uninterrupted run; a file whose config cannot be read must be refused, untouched.
#include <tbb/global_control.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "cli_runner.hpp"
#include "engine/config/load.hpp"
#include "engine/core/errors.hpp"
#include "engine/jobs/invasion_job.hpp"
#include "engine/jobs/job_registry.hpp"
#include "engine/record/hdf5_reader.hpp"
#include "hdf5_contents.hpp"
#include "temp_dir.hpp"

using namespace kindest;
using Catch::Matchers::Contains;
using kindest::testing::check_same_contents;
using kindest::testing::TempDir;

namespace {

const std::vector<std::string> kOverrides = {"run.job=invasion",
                                             "run.seed=5",
                                             "invasion.generations=20000",
                                             "invasion.replicates=3",
                                             "invasion.mutation_probability=0.02",
                                             "record.interval=97",
                                             "record.flush_every=13"};

config::Config invasion_config() { return config::load_config("", kOverrides); }

std::vector<char> bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void put(const std::string& path, const std::vector<char>& data) {
  std::ofstream(path, std::ios::binary)
      .write(data.data(), static_cast<std::streamsize>(data.size()));
}

// Where the 4-byte signature of an HDF5 metadata block occurs in the file's bytes.
std::vector<std::size_t> blocks(const std::vector<char>& file, const std::string& signature) {
  std::vector<std::size_t> at;
  const std::string text(file.begin(), file.end());
  for (auto k = text.find(signature); k != std::string::npos; k = text.find(signature, k + 1))
    at.push_back(k);
  return at;
}

// Whether some dataset fails to read (read_numbers throws when HDF5 does): judged here without
// the code under test.
bool some_dataset_unreadable(const std::string& path) {
  for (const auto& d : record::describe_file(path).datasets) {
    if (d.dtype == "string") continue;
    try {
      record::read_numbers(path, d.path);
    } catch (const FileError&) {
      return true;
    }
  }
  return false;
}

// The run stopped part-way (the stop flag, so that the file is closed as a checkpointed stop
// leaves it): an incomplete file resume would continue.
void interrupted_run(const config::Config& c, const std::string& path) {
  tbb::global_control one(tbb::global_control::max_allowed_parallelism, 1);
  std::atomic<bool> stop{false};
  const auto first = jobs::run_invasion_job(
      c, {.path = path, .overwrite = true},
      [&](std::uint64_t done, std::uint64_t) {
        if (done >= 25000) stop = true;
      },
      &stop);
  REQUIRE(first.interrupted);
}

// The interrupted file with one byte flipped inside one extensible-array block (the chunk index
// of a series; EAIB index block, EADB data block), the first whose damage makes a dataset
// unreadable: HDF5 verifies the block's checksum when it reads it.
std::string torn_copy(const TempDir& dir, const std::string& part) {
  const auto file = bytes(part);
  const auto torn = dir.file("torn.h5");
  for (const char* signature : {"EADB", "EAIB"})
    for (const std::size_t at : blocks(file, signature)) {
      auto damaged = file;
      damaged.at(at + 12) = static_cast<char>(damaged.at(at + 12) ^ 0xff);
      put(torn, damaged);
      if (some_dataset_unreadable(torn)) return torn;
    }
  FAIL("no extensible-array block whose damage makes a dataset unreadable");
  return torn;
}

jobs::JobResult resume(const config::Config& c, const std::string& path,
                       std::vector<std::string>& notices) {
  return jobs::run_job(jobs::invasion_job(),
                       {.config = c,
                        .output = {.path = path, .resume = true},
                        .resolve = {},
                        .notice = [&](const std::string& line) { notices.push_back(line); }});
}

}  // namespace

TEST_CASE("resume recovery: a torn chunk index is found and the run starts over to the same bits",
          "[jobs][record][crash]") {
  TempDir dir;
  const auto c = invasion_config();
  const auto whole = dir.file("whole.h5"), part = dir.file("part.h5");
  jobs::run_invasion_job(c, {.path = whole});
  interrupted_run(c, part);
  const auto torn = torn_copy(dir, part);

  // Today's resume of the intact file: no notice, the uninterrupted bits (the control).
  std::vector<std::string> notices;
  const auto intact = dir.file("intact.h5");
  std::filesystem::copy_file(part, intact);
  CHECK_FALSE(resume(c, intact, notices).interrupted);
  CHECK(notices.empty());
  check_same_contents(intact, whole);

  const auto result = resume(c, torn, notices);
  CHECK_FALSE(result.interrupted);
  REQUIRE(notices.size() == 1);
  CHECK_THAT(notices[0], Contains(torn + ": /invasion/r000") && Contains("checksum") &&
                             Contains("cannot be trusted") &&
                             Contains("starts over from generation 0"));
  CHECK(record::describe_file(torn).attributes.at("complete") == "1");
  CHECK_FALSE(std::filesystem::exists(torn + ".partial"));
  CHECK_FALSE(some_dataset_unreadable(torn));
  check_same_contents(torn, whole);
}

TEST_CASE("resume recovery: the kindest CLI says it starts over and exits 0",
          "[jobs][cli][crash]") {
  TempDir dir;
  const auto c = invasion_config();
  const auto whole = dir.file("whole.h5"), part = dir.file("part.h5");
  jobs::run_invasion_job(c, {.path = whole});
  interrupted_run(c, part);
  const auto torn = torn_copy(dir, part);
  std::string args =
      "run " + dir.write("run.ini", "[run]\njob = invasion\n") + " -q --resume -o " + torn;
  for (const auto& o : kOverrides) args += " --" + o;
  const auto r = testing::run_cli(args);
  CHECK(r.code == 0);
  CHECK_THAT(r.err, Contains("kindest: " + torn + ": /invasion/r000") &&
                        Contains("starts over from generation 0"));
  check_same_contents(torn, whole);
}

TEST_CASE("resume recovery: a file whose config cannot be read is refused and left as it was",
          "[jobs][record][crash][bad-input]") {
  TempDir dir;
  const auto c = invasion_config();
  const auto part = dir.file("part.h5");
  interrupted_run(c, part);
  // Superblock version 2/3: the root group's object header address is at byte 36. The root
  // attributes (format, config, ...) are reached through that header: with its checksum broken
  // nothing says which run the file holds.
  auto file = bytes(part);
  std::uint64_t root = 0;
  for (std::size_t k = 0; k < 8; ++k)
    root |= std::uint64_t{static_cast<unsigned char>(file.at(36 + k))} << (8 * k);
  REQUIRE(std::string(file.begin() + static_cast<std::ptrdiff_t>(root),
                      file.begin() + static_cast<std::ptrdiff_t>(root) + 4) == "OHDR");
  file.at(root + 6) = static_cast<char>(file.at(root + 6) ^ 0xff);
  put(part, file);

  std::vector<std::string> notices;
  CHECK_THROWS_WITH(resume(c, part, notices), Contains("cannot resume '" + part + "'") &&
                                                  Contains("config cannot be read") &&
                                                  Contains("start it again with --force"));
  CHECK(notices.empty());
  CHECK(bytes(part) == file);
  std::string args =
      "run " + dir.write("run.ini", "[run]\njob = invasion\n") + " -q --resume -o " + part;
  for (const auto& o : kOverrides) args += " --" + o;
  const auto r = testing::run_cli(args);
  CHECK(r.code != 0);
  CHECK_THAT(r.err, Contains("config cannot be read") && Contains("--force"));
  CHECK(bytes(part) == file);
}
