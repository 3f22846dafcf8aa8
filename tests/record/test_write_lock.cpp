#include <sys/types.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>

#include "engine/core/errors.hpp"
#include "engine/record/hdf5_reader.hpp"
#include "engine/record/hdf5_writer.hpp"
#include "temp_dir.hpp"

using namespace kindest;
using Catch::Matchers::Contains;
using kindest::testing::TempDir;

namespace {
const record::FileMetadata kMeta{"evolution", 1, "[run]\njob = evolution\n"};
}

TEST_CASE("write lock: a second writer is refused, naming the process that holds the file",
          "[record][lock]") {
  TempDir dir;
  const std::string path = dir.file("run.h5");
  const std::string me = "process " + std::to_string(::getpid());
  {
    record::Hdf5Writer first(path, false, kMeta);
    CHECK(std::filesystem::exists(record::WriteLock::sidecar(path)));
    // --force would truncate the file under the running writer; --resume would write beside it.
    CHECK_THROWS_WITH(record::Hdf5Writer(path, true, kMeta),
                      Contains("is being written by " + me) && Contains("one writer per file"));
    CHECK_THROWS_WITH(record::Hdf5Writer(path), Contains("is being written by " + me));
    first.mark_complete();
  }
  // Released and removed with the writer: the next one gets it.
  CHECK_FALSE(std::filesystem::exists(record::WriteLock::sidecar(path)));
  record::Hdf5Writer again(path);
  again.mark_complete();
}

TEST_CASE("write lock: a sidecar left by a killed run does not block a resume", "[record][lock]") {
  TempDir dir;
  const std::string path = dir.file("run.h5");
  { record::Hdf5Writer w(path, false, kMeta); }
  // kill -9 leaves the sidecar but no lock: the kernel dropped the flock with the process.
  std::ofstream(record::WriteLock::sidecar(path)) << "process 999999 on elsewhere\n";
  record::Hdf5Writer resumed(path);
  resumed.mark_complete();
  CHECK(record::describe_file(path).attributes.at("complete") == "1");
}

TEST_CASE("write lock: marking complete works while a SWMR reader holds the file",
          "[record][lock][swmr]") {
  // python3-h5py is installed by scripts/install_deps.sh.
  REQUIRE(std::system("/usr/bin/python3 -c 'import h5py' 2>/dev/null") == 0);
  TempDir dir;
  const std::string path = dir.file("run.h5"), ready = dir.file("reader_ready"),
                    pid = dir.file("reader_pid");
  auto writer = std::make_unique<record::Hdf5Writer>(path, false, kMeta);
  auto& w = *writer;
  w.create_series("/replicates/r0000/generation", {}, std::vector<std::uint64_t>{}, "generations",
                  "g");
  w.start_swmr();
  w.append("/replicates/r0000/generation", std::vector<std::uint64_t>{0, 1, 2});
  w.flush();
  // A notebook following the run, as the README invites: open with swmr=True and stay.
  const std::string reader = "/usr/bin/python3 -c \"import h5py, time, pathlib; f = h5py.File('" +
                             path + "', 'r', libver='latest', swmr=True); pathlib.Path('" + ready +
                             "').touch(); time.sleep(60)\" & echo $! > " + pid;
  REQUIRE(std::system(reader.c_str()) == 0);
  for (int i = 0; i < 600 && !std::filesystem::exists(ready); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  REQUIRE(std::filesystem::exists(ready));
  CHECK_NOTHROW(w.mark_complete());
  int reader_pid = 0;
  std::ifstream(pid) >> reader_pid;
  if (reader_pid > 0) ::kill(reader_pid, SIGKILL);
  writer.reset();
  CHECK(record::describe_file(path).attributes.at("complete") == "1");
  CHECK(record::read_numbers(path, "/replicates/r0000/generation") == std::vector<double>{0, 1, 2});
}
