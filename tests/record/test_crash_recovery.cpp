// Files as a kill -9 leaves them, made deterministically: the kill campaign
// (scripts/kill_campaign.py) finds these states by chance; here each is built on purpose.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

#include "engine/core/errors.hpp"
#include "engine/record/hdf5_reader.hpp"
#include "engine/record/hdf5_writer.hpp"
#include "temp_dir.hpp"

using namespace kindest;
using namespace kindest::record;
using kindest::testing::TempDir;

namespace {

const FileMetadata kMeta{.job = "test", .seed = 1, .config_ini = ""};
const char* kSeries = "/replicates/r0000/generation";

std::vector<char> bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void put(const std::string& path, const std::vector<char>& data) {
  std::ofstream(path, std::ios::binary)
      .write(data.data(), static_cast<std::streamsize>(data.size()));
}

// Superblock version 2/3 (the 1.10 format): signature 8, versions and sizes 4, base address 8,
// extension address 8, then the end-of-allocation address (8), root header (8), checksum (4).
constexpr std::size_t kSuperblockSize = 48, kEoaOffset = 28;

std::uint64_t eoa(const std::vector<char>& file) {
  std::uint64_t v = 0;
  for (std::size_t k = 0; k < 8; ++k)
    v |= std::uint64_t{static_cast<unsigned char>(file[kEoaOffset + k])} << (8 * k);
  return v;
}

std::vector<std::uint64_t> numbers(std::uint64_t from, std::uint64_t to) {
  std::vector<std::uint64_t> v;
  for (std::uint64_t x = from; x < to; ++x) v.push_back(x);
  return v;
}

}  // namespace

TEST_CASE("crash: resume keeps data a killed flush wrote past the superblock's end of allocation",
          "[record][crash]") {
  // A SWMR writer killed inside a flush has written the moved chunk and the index that points to
  // it, but not the superblock holding the new end-of-allocation address. Built here as the
  // file after the second flush with the superblock of the first.
  TempDir dir;
  const std::string path = dir.file("run.h5"), before = dir.file("before.h5");
  {
    Hdf5Writer w(path, false, kMeta);
    w.create_series(kSeries, {}, std::vector<std::uint64_t>{}, "generations", "g");
    w.start_swmr();
    w.append(kSeries, numbers(0, 100));
    w.flush();
    std::filesystem::copy_file(path, before);
    w.append(kSeries, numbers(100, 5000));  // the chunks grow and move to the end of the file
    w.flush();
    auto killed = bytes(path);
    const auto stale = bytes(before);
    std::copy(stale.begin(), stale.begin() + kSuperblockSize, killed.begin());
    REQUIRE(eoa(killed) < killed.size());  // data lies past the address the superblock claims
    put(dir.file("killed.h5"), killed);
  }  // the writer's own close is not the file under test
  const std::string killed = dir.file("killed.h5");
  {
    Hdf5Writer resumed(killed);
    CHECK(resumed.read_rows(kSeries, 4990, 10) ==
          std::vector<double>{4990, 4991, 4992, 4993, 4994, 4995, 4996, 4997, 4998, 4999});
    resumed.start_swmr();
    resumed.append(kSeries, numbers(5000, 5100));  // new space must not land on the old chunks
    resumed.flush();                               // nor this flush cut the file short
    resumed.mark_complete();
  }
  const auto got = read_numbers(killed, kSeries);
  REQUIRE(got.size() == 5100);
  for (std::size_t i = 0; i < got.size(); ++i)
    if (got[i] != static_cast<double>(i)) FAIL("row " << i << " holds " << got[i]);
}

TEST_CASE("crash: a file whose writer was killed outside SWMR mode can be read and resumed",
          "[record][crash]") {
  // A resume killed while it sets up (before SWMR starts) leaves the superblock flagged "open
  // for writing" without the SWMR flag: a plain read-only open and an SWMR-reader open are both
  // refused by HDF5.
  TempDir dir;
  const std::string path = dir.file("run.h5");
  {
    Hdf5Writer w(path, false, kMeta);
    w.create_series(kSeries, {}, std::vector<std::uint64_t>{}, "generations", "g");
    w.start_swmr();
    w.append(kSeries, numbers(0, 10));
    w.flush();
  }
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    Hdf5Writer resumed(path);
    resumed.flush();
    _exit(0);  // as kill -9: no close, the superblock keeps its "open for writing" flag
  }
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  CHECK(describe_file(path).attributes.at("complete") == "0");
  CHECK(read_numbers(path, kSeries).size() == 10);
  {
    Hdf5Writer resumed(path);
    CHECK(resumed.rows(kSeries) == 10);
    resumed.mark_complete();
  }
  CHECK(describe_file(path).attributes.at("complete") == "1");
}

TEST_CASE("crash: read_rows reads a range and refuses one past the end", "[record][crash]") {
  TempDir dir;
  const std::string path = dir.file("run.h5");
  Hdf5Writer w(path, false, kMeta);
  w.create_series("/s", {2}, std::vector<double>{}, "-", "pairs");
  w.append("/s", std::vector<double>{0, 1, 2, 3, 4, 5});
  CHECK(w.read_rows("/s", 1, 2) == std::vector<double>{2, 3, 4, 5});
  CHECK(w.read_rows("/s", 3, 0).empty());
  CHECK_THROWS_AS(w.read_rows("/s", 2, 2), FileError);
}
