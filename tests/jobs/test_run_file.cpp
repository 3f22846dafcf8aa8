// open_run_file: what a new run and a resumed one refuse, each with a message naming the cause;
// and the reader's refusal of another format or major version (resume reads through it).
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

#include "engine/config/load.hpp"
#include "engine/core/errors.hpp"
#include "engine/jobs/run_file.hpp"
#include "engine/record/hdf5_reader.hpp"
#include "temp_dir.hpp"

using namespace kindest;
using Catch::Matchers::Contains;
using kindest::testing::TempDir;

namespace {

config::Config evolution(std::vector<std::string> extra = {}) {
  std::vector<std::string> o{"run.job=evolution", "run.seed=3"};
  o.insert(o.end(), extra.begin(), extra.end());
  return config::load_config("", o);
}

// Replaces the only occurrence of `from` in the file's bytes by `to` (same length): a file of
// another format without a second HDF5 writer (a string attribute's value lies in the global
// heap, which carries no checksum; metadata does, so a version cannot be patched this way).
void patch(const std::string& path, const std::string& from, const std::string& to) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  in.close();
  const auto at = bytes.find(from);
  REQUIRE(at != std::string::npos);
  REQUIRE(bytes.find(from, at + 1) == std::string::npos);
  bytes.replace(at, from.size(), to);
  std::ofstream(path, std::ios::binary) << bytes;
}

}  // namespace

TEST_CASE("run file: a new run refuses an existing file without overwrite", "[jobs][bad-input]") {
  TempDir dir;
  const auto path = dir.file("x.h5");
  jobs::open_run_file(evolution(), {.path = path}, "evolution");
  CHECK_THROWS_WITH(jobs::open_run_file(evolution(), {.path = path}, "evolution"),
                    Contains("exists; use --force"));
  CHECK_NOTHROW(jobs::open_run_file(evolution(), {.path = path, .overwrite = true}, "evolution"));
}

TEST_CASE("run file: resume refuses a missing file, another job, config or a complete file",
          "[jobs][bad-input]") {
  TempDir dir;
  const auto path = dir.file("x.h5");
  CHECK_THROWS_AS(jobs::open_run_file(evolution(), {.path = path, .resume = true}, "evolution"),
                  FileError);
  jobs::open_run_file(evolution(), {.path = path}, "evolution");  // left incomplete
  CHECK_THROWS_WITH(jobs::open_run_file(evolution(), {.path = path, .resume = true}, "invasion"),
                    Contains("holds no invasion run"));
  CHECK_THROWS_WITH(
      jobs::open_run_file(evolution({"run.seed=4"}), {.path = path, .resume = true}, "evolution"),
      Contains("config differs"));
  CHECK_NOTHROW(jobs::open_run_file(evolution({"run.output=elsewhere.h5"}),
                                    {.path = path, .resume = true}, "evolution"));
  jobs::open_run_file(evolution(), {.path = path, .resume = true}, "evolution")->mark_complete();
  CHECK_THROWS_WITH(jobs::open_run_file(evolution(), {.path = path, .resume = true}, "evolution"),
                    Contains("is complete"));
}

TEST_CASE("run file: resume and the reader refuse another format", "[jobs][record][bad-input]") {
  // Other versions: tests/python/test_format_version.py (h5py rewrites the attribute; HDF5's
  // metadata checksums rule out patching its bytes here).
  TempDir dir;
  const auto other_name = dir.file("name.h5");
  jobs::open_run_file(evolution(), {.path = other_name}, "evolution");
  patch(other_name, "kindest.results", "kindest.resulTs");
  CHECK_THROWS_WITH(record::describe_file(other_name),
                    Contains("is not a Kindest result file (format_name = 'kindest.resulTs'"));
  CHECK_THROWS_WITH(record::read_numbers(other_name, "/x"),
                    Contains("is not a Kindest result file"));
  CHECK_THROWS_WITH(
      jobs::open_run_file(evolution(), {.path = other_name, .resume = true}, "evolution"),
      Contains("not a Kindest result file"));
}
